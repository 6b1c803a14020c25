"""A frequency adjective that is a column's own word ("monthly fee" of monthly_fee, "hourly rate" of
hourly_rate_rub), not the schedule (planner150, issue 15).

"Tariffs with a monthly fee under 500, daily at midnight" was read as two schedules (monthly and daily) and
asked how often; without "daily" the fee's adjective alone set a monthly schedule. An English frequency
adjective (lexicon.PER_UNIT_NAME_WORDS: hourly, nightly, daily, weekly, monthly) right before a noun that,
joined to it, spells a column name of the catalog (maybe with a unit suffix: daily_rate_rub) names that
column: the schedule parser does not see it, and the filters read the column as they read "fee".
"""

from __future__ import annotations

from collections.abc import Iterable

from airflow_ai_etl.planning.lexicon import PER_UNIT_NAME_WORDS


def _spells_column(adjective: str, noun: str, column_names: Iterable[str]) -> bool:
    """`adjective noun` ("monthly fees") spells a column's name from its start: monthly_fee, or
    daily_rate_rub (the unit after the name's words)."""
    nouns = {noun, noun[:-1]} if noun.endswith("s") else {noun}
    prefixes = {f"{adjective}_{n}" for n in nouns}
    return any(name in prefixes or name.startswith(tuple(p + "_" for p in prefixes)) for name in column_names)


def column_frequency_spans(
    tokens: list[str], spans: list[tuple[int, int]], column_names: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of the frequency adjectives among `tokens` that, with the noun right after them, spell a column
    of `column_names` (lower-case names)."""
    return [
        spans[i]
        for i in range(len(tokens) - 1)
        if tokens[i] in PER_UNIT_NAME_WORDS and _spells_column(tokens[i], tokens[i + 1], column_names)
    ]
