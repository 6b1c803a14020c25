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

import functools
import re

from airflow_ai_etl.catalog import Table, listed_values


def _value_words(value: str) -> list[str]:
    """'meter_replacement' -> ['meter', 'replacement']; 'on-site' -> ['on', 'site']."""
    return [w for w in re.split(r"[_\-\s]+", value.lower()) if w]


def _spells_at(tokens: tuple[str, ...], start: int, parts: tuple[str, ...]) -> bool:
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


@functools.lru_cache(maxsize=256)
def _phrases_by_first_word(table: Table) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The table's listed values and yes/no column names as words, by their first word."""
    values = {value for column in table.columns for value in listed_values(column.comment)}
    values |= {flag for column in table.columns if (flag := _flag_phrase(column.name, column.type))}
    found: dict[str, list[tuple[str, ...]]] = {}
    for value in values:
        parts = tuple(_value_words(value))
        if parts and all(p.isalpha() for p in parts):  # codes ('3', '18+') are numbers, never a table's word
            found.setdefault(parts[0], []).append(parts)
    return {first: tuple(phrases) for first, phrases in found.items()}


@functools.lru_cache(maxsize=1024)
def _value_indices(tokens: tuple[str, ...], table: Table, min_words: int) -> frozenset[int]:
    """listed_value_indices, once per request's words and table: one pass over the words."""
    phrases = _phrases_by_first_word(table)
    found: set[int] = set()
    for start, word in enumerate(tokens):
        # a one-word value may be said as a plural ("cranes" of crane): its first word is then the plural
        firsts = {word, word[:-1], word[:-2]} if word.endswith("s") else {word}
        for parts in (p for first in firsts for p in phrases.get(first, ())):
            if len(parts) >= min_words and _spells_at(tokens, start, parts):
                found.update(range(start, start + len(parts)))
    return frozenset(found)


def listed_value_indices(tokens: list[str], table: Table, min_words: int = 1) -> frozenset[int]:
    """Indices of `tokens` (lower-case words) inside a run of `min_words` words or more spelling a value some
    column of `table` lists, or a yes/no column's name ("on shift" of is_on_shift)."""
    return _value_indices(tuple(tokens), table, min_words)
