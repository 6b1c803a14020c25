"""A date named with «по»/"by" right beside a rolling window names the window's time column (marts115).

«Убытки по типам события за последние сто двадцать дней по дате заявления: …» counts the claims reported
in those days (`reported_at >= now() - interval '120 days'`). A bare «по дате визита» with no grain word is
a daily grain («Сколько визитов по дате визита в разрезе врачей»), but beside a window the same words say
which time the window counts on, as planner142's «за последние 10 дней по work_date» does for a column's
name: they are no grain the request asks for (mzy-ru-24 was grouped by day as well).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.patterns import LAST_N

# the prepositions that put a date phrase beside a window («по дате заявления», "by report date")
_DATE_PREPOSITIONS = frozenset({"по", "by"})
# how far a date phrase reaches past its date noun («по дате подачи заявления клиентом»)
_DESCRIBED_WORDS = 4


def _window_bounds(text: str) -> tuple[set[int], set[int]]:
    """Character offsets where a rolling window starts and ends in ``text``."""
    spans = [m.span() for m in LAST_N.finditer(text)]
    return {a for a, _ in spans}, {b for _, b in spans}


def _preposition_before(tokens: Sequence[Token], i: int) -> int | None:
    """The «по»/"by" opening the date phrase of the date noun at `i` («по дате», "by report date")."""
    for k in (i - 1, i - 2):
        if k >= 0 and tokens[k].lower in _DATE_PREPOSITIONS:
            return k
    return None


def _window_ends_at(tokens: Sequence[Token], k: int, ends: set[int]) -> bool:
    """A window ends right before the token at `k` (a comma may stand between)."""
    j = k - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    return j >= 0 and tokens[j].end in ends


def _window_starts_after(tokens: Sequence[Token], i: int, starts: set[int], phrase: Collection[int]) -> bool:
    """A window starts right after the date phrase of the date noun at `i`: its words (`phrase`, the event
    described after the date) and then, a comma allowed, the window's first word."""
    for j in range(i + 1, min(len(tokens), i + 2 + _DESCRIBED_WORDS)):
        if tokens[j].start in starts:
            return True
        if tokens[j].text != "," and j not in phrase:
            return False
    return False


def window_dates(
    text: str, tokens: Sequence[Token], dates: Collection[int], phrase: Collection[int]
) -> set[int]:
    """Indexes among `dates` (date nouns the mart read after «по»/"by") whose phrase stands right beside a
    rolling window: the window's time column, no grain. `phrase` holds the indexes of the words the mart read
    (the event described after the date noun)."""
    starts, ends = _window_bounds(text)
    if not starts:
        return set()
    found = set()
    for i in dates:
        prep = _preposition_before(tokens, i)
        if prep is None:
            continue
        if _window_ends_at(tokens, prep, ends) or _window_starts_after(tokens, i, starts, phrase):
            found.add(i)
    return found
