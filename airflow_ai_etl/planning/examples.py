"""Example row conditions a question offers, written over the asked table's own columns (planner49).

A question that gives «где returned_at IS NULL» for a table with no returned_at teaches a condition the
planner would then refuse; the example is built from the table the question is about instead.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.messages import say
from airflow_ai_etl.planning.flags import state_polarity

# Time columns every row has a value in: «где created_at IS NULL» would select nothing.
_ALWAYS_SET_TIMES = ("created", "updated", "loaded", "inserted")
_NUMBER_FAMILIES = ("int", "decimal", "float")
_TIME_FAMILIES = ("date", "timestamp", "timestamptz", "datetime")


def row_condition_example(table: Table, phrase: str = "") -> str:
    """One condition over `table`'s own columns (_any_condition); a flag or an event time turned to the state
    `phrase` says, or left open (`is_closed = ...`) when the phrase names some state the flag may be the
    opposite of: «открытые» never gets «где is_closed = true» (planner78)."""
    example = _any_condition(table)
    polar = re.fullmatch(r"(\w+) (= true|IS NULL)", example)
    column = table.column(polar.group(1)) if polar and phrase else None
    if polar is None or column is None:
        return example
    holds = state_polarity(column, phrase)
    if polar.group(2) == "IS NULL":
        return example if holds is None else f"{column.name} IS {'NOT NULL' if holds else 'NULL'}"
    return f"{column.name} = {'...' if holds is None else str(holds).lower()}"


def _any_condition(table: Table) -> str:
    """A listed value of a text column (`status = 'open'`), else an empty optional time column (`closed_at IS
    NULL`), a number compared (`amount > 100`), a flag (`is_active = true`), or the first column filled in."""
    keys = set(table.primary_key) | {c for fk in table.foreign_keys for c in fk.columns}
    columns = [c for c in table.columns if c.name not in keys | {"id"} and not c.name.endswith("_id")]
    listed = [(c, values) for c in columns if (values := listed_values(c.comment))]
    if listed:
        column, values = next(((c, v) for c, v in listed if c.name == "status"), listed[0])
        return f"{column.name} = '{values[0]}'"
    for column in columns:
        optional = column.nullable and not column.name.startswith(_ALWAYS_SET_TIMES)
        if optional and _family(column) in _TIME_FAMILIES:
            return f"{column.name} IS NULL"
    for column in columns:
        if _family(column) in _NUMBER_FAMILIES:
            return f"{column.name} > 100"
    for column in columns:
        if _family(column) == "bool" or column.type.lower() in ("boolean", "bool"):
            return f"{column.name} = true"
    column = (columns or list(table.columns))[0]
    return f"{column.name} IS NOT NULL"


def unread_clause_question(language: str, table: Table, phrase: str, example: str | None = None) -> str:
    """The question for a phrase no rule turned into a row condition, its example over `table`'s columns
    (or `example`: the column the phrase may be a value of)."""
    return say(
        language,
        "planner.unread_clause",
        phrase=phrase,
        table=table.qualified_name,
        example=example or row_condition_example(table, phrase),
    )


def _family(column: Column) -> str:
    return column_kind(column.type).family
