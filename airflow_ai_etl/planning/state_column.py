"""The table's state column: the one column whose listed values are the states its rows are in (planner126).

Most catalogs call it `status`; construction's material deliveries call it `state` (an enum), and a schema
may use any name for it and say what it is in the comment ('Состояние заявки' + CHECK (phase IN (...))).
Every rule that reads a state word («доставленные», "with status X", «которые вернули») asks this module
for the column instead of looking up `status` by name, so the three spellings plan alike.
"""

from __future__ import annotations

import functools

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.planning.vocabulary import stem, words

# The names a state column goes by, the first one found wins (a table with both keeps `status`, as before).
STATE_COLUMN_NAMES = ("status", "state")
# Stems of the first word of a state column's comment: 'Статус заявки', 'Состояние поставки', 'State'.
_STATE_COMMENT_STEMS = ("статус", "состоян", "status", "state")


def says_state(column: Column) -> bool:
    """The column's comment opens with a state word ('Состояние поставки', 'Статус (open, closed)')."""
    return _opens_with_state_word(column.comment or "")


@functools.lru_cache(maxsize=4096)
def _opens_with_state_word(comment: str) -> bool:
    # cached by the comment: every state rule asks for the state column, of tables with no status too
    first = words(comment)
    return bool(first) and stem(first[0]).startswith(_STATE_COMMENT_STEMS)


def state_column(table: Table) -> Column | None:
    """`status`; else `state`, unless its comment says it is something else (a US 'Штат' is no row state);
    else the one column whose comment says «статус»/«состояние» and lists values ('Состояние заявки (new,
    approved, done)' of phase); None when there is none, or two such columns."""
    status = table.column("status")
    if status is not None:
        return status
    state = table.column("state")
    if state is not None and (says_state(state) or not (state.comment or "").strip()):
        return state
    said = [c for c in table.columns if says_state(c) and listed_values(c.comment)]
    return said[0] if len(said) == 1 else None


def state_name(table: Table) -> str:
    """The name of the table's state column, or "status" (what a question calls it) when it has none."""
    column = state_column(table)
    return column.name if column is not None else "status"


def is_state_column(table: Table, name: str) -> bool:
    """`name` is the table's state column (compared as a request's words are: case-insensitively)."""
    column = state_column(table)
    return column is not None and column.name.lower() == name.lower()
