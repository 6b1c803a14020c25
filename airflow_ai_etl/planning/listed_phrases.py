"""Words that spell a value a table's column lists, so they name no other table (planner150, issue 15).

"Equipment rentals on site" ('Статус аренды (booked, on_site, ...)'), "Service requests about meter
replacement" ('Тема (meter_replacement, ...)'), "Billing support tickets" ('Категория (billing, ...)'): the
words of the value, spelled with spaces for its underscores, also name another table (sites, metering.meters,
the schema billing). Beside the words naming the table that lists the value they are that value, which the
row filters read, and the other table is no candidate (it was asked, or worse taken alone). So are the words
of a yes/no column's name ("on shift" of support.agents' is_on_shift names no support.shifts); a phrase of two
words or more is that value even when its table is named only by a meaning ("Second-line specialists").
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


def _flag_phrase(name: str, type_: str) -> str:
    """A yes/no column's name less its is_/has_ prefix (is_on_shift -> on_shift), "" for other columns."""
    if type_.lower() not in ("boolean", "bool"):
        return ""
    return re.sub(r"^(?:is|has)_", "", name.lower())


def listed_value_indices(tokens: list[str], table: Table, min_words: int = 1) -> frozenset[int]:
    """Indices of `tokens` (lower-case words) inside a run of `min_words` words or more spelling a value some
    column of `table` lists, or a yes/no column's name ("on shift" of is_on_shift)."""
    found: set[int] = set()
    values = {value for column in table.columns for value in listed_values(column.comment)}
    values |= {flag for column in table.columns if (flag := _flag_phrase(column.name, column.type))}
    for value in values:
        parts = _value_words(value)
        if len(parts) < min_words or not all(p.isalpha() for p in parts):
            continue  # codes ('3', '18+') are numbers, never a table's word
        for start in range(len(tokens)):
            if _spells_at(tokens, start, parts):
                found.update(range(start, start + len(parts)))
    return frozenset(found)
