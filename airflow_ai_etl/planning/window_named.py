"""A rolling window's time column named beside it with «по»/"by" (planner142, issue 15).

README (Modes): a window is on the time column the request names. «за последние 10 дней по work_date», "by
scheduled_departure over the last 48 hours", "in the last 3 days by charged_at" name it with «по»/"by" right
after or right before the window. Read as a key list («по work_date апсертом»: keys ['work_date'], the window
on submitted_at) or as a mart's grouping ("Delayed flights by scheduled_departure …": a mart with no filter),
the request lost its window's column and its rows. A raw time column is no dimension (a mart groups a time by
a grain) and no key of a row, so the preposition joining a window and a time column says which time the
window counts on: it is blanked (same length: spans keep their offsets) and the filter rules read the column
beside the window. A preposition a merge, an incremental or a dedupe word introduces stays theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from airflow_ai_etl.catalog import Catalog, Column
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.patterns import DEDUPE, INCREMENTAL, LAST_N

# «по work_date» / "by scheduled_departure": the preposition and an identifier, read after a window
_BY_NAME_AFTER = re.compile(
    r"\s*+,?\s*+(?P<prep>по|by)\s++(?P<name>[a-z_][a-z0-9_]*+)(?![\w-])", re.IGNORECASE
)
# the identifier after a window, its «по»/"by" blanked or not
_NAME_AFTER = re.compile(r"\s*+,?\s*+(?:(?:по|by)\s++)?(?P<name>[a-z_][a-z0-9_]*+)(?![\w-])", re.IGNORECASE)
# "by scheduled_departure" right before a window (the window's match starts at its "over"/"in"/«за»)
_BY_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?P<prep>по|by)\s++(?P<name>[a-z_][a-z0-9_]*+)\s*+,?\s*+$", re.IGNORECASE
)


def is_time_column(column: Column) -> bool:
    """A date or a timestamp by its type, or a `*_at` name: a time a window can count on."""
    return column_kind(column.type).temporal or column.name.endswith("_at")


def time_column_names(catalog: Catalog) -> frozenset[str]:
    """Names of the catalog's time columns, any table (the table is not known when the text is read)."""
    return frozenset(
        column.name
        for conn_id in catalog.connections
        for table in catalog.tables_of(conn_id)
        for column in table.columns
        if is_time_column(column)
    )


def _window_prepositions(text: str, names: frozenset[str]) -> Iterable[re.Match[str]]:
    """The «по»/"by" matches that join a window and a time column named right after or before it."""
    for window in LAST_N.finditer(text):
        after = _BY_NAME_AFTER.match(text, window.end())
        if after is not None and after.group("name").lower() in names:
            yield after
        before = _BY_NAME_BEFORE.search(text, max(0, window.start() - 80), window.start())
        if before is not None and before.group("name").lower() in names:
            yield before


def _introduced_by_mode(text: str, prep_start: int, prep_end: int) -> bool:
    """«апсерт по updated_at», "incremental by updated_at", «без дублей по created_at»: the mode's «по»."""
    before = text[max(0, prep_start - 30) : prep_start]
    if INCREMENTAL.search(before) or DEDUPE.search(before):
        return True
    return any(cue.end == prep_end for cue in grammar.key_cues(tokenize(text)))


def window_column_prepositions(text: str, names: frozenset[str]) -> str:
    """``text`` with the «по»/"by" blanked that names a window's time column («за последние 10 дней по
    work_date» -> «за последние 10 дней    work_date»), so neither the key rules nor the mart rules read
    it."""
    if not names:
        return text
    spans = {
        (m.start("prep"), m.end("prep"))
        for m in _window_prepositions(text, names)
        if not _introduced_by_mode(text, m.start("prep"), m.end("prep"))
    }
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def column_after_window(text: str, end: int) -> str | None:
    """The identifier right after a window ending at `end` («за последние 10 дней work_date», the «по» already
    blanked, or «по work_date»), lower case; None when no identifier follows."""
    match = _NAME_AFTER.match(text, end)
    return match.group("name").lower() if match else None
