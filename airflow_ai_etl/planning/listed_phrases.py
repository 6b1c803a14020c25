"""Words that spell a value a table's column lists, so they name no other table (planner150, issue 15).

"Equipment rentals on site" ('Статус аренды (booked, on_site, ...)'), "Service requests about meter
replacement" ('Тема (meter_replacement, ...)'), "Billing support tickets" ('Категория (billing, ...)'): the
words of the value, spelled with spaces for its underscores, also name another table (sites, metering.meters,
the schema billing). Beside the words naming the table that lists the value they are that value, which the
row filters read, and the other table is no candidate (it was asked, or worse taken alone).
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table, listed_values


def _value_words(value: str) -> list[str]:
    """'meter_replacement' -> ['meter', 'replacement']; 'on-site' -> ['on', 'site']."""
    return [w for w in re.split(r"[_\-\s]+", value.lower()) if w]


def _spells_at(tokens: list[str], start: int, parts: list[str]) -> bool:
    """tokens[start:] begins with `parts`, the last one maybe as an English plural ("cranes" of crane)."""
    if start + len(parts) > len(tokens):
        return False
    said = tokens[start : start + len(parts)]
    return said[:-1] == parts[:-1] and said[-1] in (parts[-1], parts[-1] + "s", parts[-1] + "es")


def listed_value_indices(tokens: list[str], table: Table) -> frozenset[int]:
    """Indices of `tokens` (lower-case words) inside a run spelling a value some column of `table` lists."""
    found: set[int] = set()
    values = {value for column in table.columns for value in listed_values(column.comment)}
    for value in values:
        parts = _value_words(value)
        if not parts or not all(p.isalpha() for p in parts):
            continue  # codes ('3', '18+') are numbers, never a table's word
        for start in range(len(tokens)):
            if _spells_at(tokens, start, parts):
                found.update(range(start, start + len(parts)))
    return frozenset(found)
