"""The new-rows column named only by a preposition: «каждые 5 минут по started_at», "merge on id every 10
min using updated_at".

No incremental word and no append verb, yet «по <column>» / "by|using <column>" with one time column of the
table says which column marks the rows each run takes (a whole-table copy "by a time column" means
nothing else). It is not the new-rows column when the list belongs to another rule: the merge keys («мерж
по meter_id и measured_at»), a dedupe list («дубли по ...»), an order or a grouping («сортировать по
created_at»), or the column of a rolling window («за последние 7 дней по created_at»).
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.lexer import Token, tokenize

# Words before the list, in its clause, that give the list another role ("orders" is a table's noun, and so
# are "order_items" and "new order items by ...": only "order"/"ordered" right before the list says an order).
OTHER_ROLE = re.compile(
    r"(?<![а-яёa-z])(?:сорт\w*|отсорт\w*|упорядоч\w*|группир\w*|сгруппир\w*|партици\w*|секциони\w*|"
    r"дубл\w*|дубликат\w*|дедуп\w*|последн\w*|прошл\w*|окн\w*|sort\w*|order(?:ed|ing)?(?=(?:\s+(?:it|them|rows|records))?\s*$)|group\w*|partition\w*|"
    r"dedup\w*|duplicat\w*|last|past|window|distinct|unique|уникальн\w*)(?![а-яёa-z])",
    re.IGNORECASE,
)
PREPOSITIONS = {"по", "by", "using"}


def _time_column(table: Table, name: str) -> str | None:
    column = table.column(name)
    kind = column.type.lower() if column else ""
    return column.name if column and ("time" in kind or "date" in kind) else None


def bare_time_column(text: str, table: Table, taken: list[tuple[int, int]]) -> tuple[str, int] | None:
    """(column, start of its preposition) when a clause names one time column of `table` after «по» /
    "by" / "using" and nothing else there gives the list a role; `taken` are spans other rules read
    (merge keys)."""
    tokens: list[Token] = tokenize(text)
    lists = grammar.column_lists(tokens)
    keys = {  # the first list in each span the merge rules read: "merge on id ... using updated_at"
        next((n for n, listed in enumerate(lists) if start <= listed.start < end), -1) for start, end in taken
    }
    for n, listed in enumerate(lists):
        if n in keys:
            continue
        if tokens[listed.first].lower not in PREPOSITIONS or listed.detail == "key":
            continue
        first = next(j for j in range(listed.first + 1, listed.last) if tokens[j].lower == listed.value[0])
        if len(listed.value) > 1 and (
            tokens[first + 1].text != "," or any(_time_column(table, n) for n in listed.value[1:])
        ):
            continue  # «по created_at и updated_at»: which one is not said
        # «по occurred_at, door не нужен»: the comma ended the clause of the first name
        column = _time_column(table, listed.value[0])
        if column is None:
            continue
        if has_other_role(text, listed.start, listed.end):
            continue
        return column, listed.start
    return None


def has_other_role(text: str, start: int, end: int) -> bool:
    """A word of the clause before the list at `start`..`end`, or the word right after it, gives the list
    another role («сортировать по created_at», "partition by region"): it names no new-rows column."""
    clause_start = max(text.rfind(p, 0, start) for p in ",;.:!?") + 1
    after = re.match(r"[^\w,;.]*(\w+)", text[end:])
    after_role = bool(after and OTHER_ROLE.fullmatch(after.group(1)))
    return bool(OTHER_ROLE.search(text[clause_start:start])) or after_role
