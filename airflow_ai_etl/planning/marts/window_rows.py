"""«…, окно шестьдесят дней»: the window noun with a count of days right after it (marts120).

With no refresh or incremental word anywhere in the request, «окно N дней» labels the rolling window of the
mart's rows, as «окно — последние N дней» does (marts116): the window's condition
(`scheduled_at >= now() - interval '60 days'`) is the mart's WHERE. It used to be read as an incremental
lookback and the rows' condition was dropped (mbb-ru-46). «окно пересчёта 2 недели», or any request naming
an incremental refresh or a recompute, keeps the lookback reading of phrase._read_window.

"rolling thirty days", «скользящие 30 дней» (a rolling adjective right before a count of units) say the same
window as "last thirty days", «за последние 30 дней»: they are read so, never dropped (marts124, mbc-en-12).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow_ai_etl.planning.lexer import Token, numerals
from airflow_ai_etl.planning.marts.words import GRAIN_RU, REFRESH_RU, WINDOW_RU, _incremental

# what the window noun becomes: the rolling window words the filter rules read (patterns.LAST_N)
_ROLLING = "за последние"
# "rolling", «скользящий» before a count of units: the words of patterns.LAST_N they mean
_ROLLING_WORDS = {"en": ("rolling", "last"), "ru": ("скользящий", "за последние")}
_UNITS_EN = ("minute", "hour", "day", "week", "month")


def _refresh_said(tokens: Sequence[Token]) -> bool:
    """A refresh or incremental word («пересчитывать», «инкрементально»): a window may be a lookback."""
    return any(_incremental(t) or (t.lang == "ru" and t.lemma in REFRESH_RU) for t in tokens)


def bare_window_rows(text: str, tokens: Sequence[Token]) -> str:
    """«окно шестьдесят дней» -> «за последние шестьдесят дней» when no refresh word is said."""
    if not any(t.lang == "ru" and t.lemma in WINDOW_RU for t in tokens) or _refresh_said(tokens):
        return text
    counts = {num.first: num for num in numerals(tokens)}
    for i, t in enumerate(tokens):
        if t.lang != "ru" or t.lemma != "окно":
            continue
        num = counts.get(i + 1)
        if num is None or num.last >= len(tokens):
            continue
        unit = tokens[num.last]
        if unit.lang == "ru" and (unit.lemma in GRAIN_RU or unit.lower in ("дней", "суток")):
            return text[: t.start] + _ROLLING + text[t.end :]
    return text


def _count_of_units(tokens: Sequence[Token], counts: dict[int, Any], i: int) -> bool:
    """A count and a unit of time right after word `i` ("thirty days", «30 дней», «две недели»)."""
    num = counts.get(i + 1)
    if num is None or num.last >= len(tokens):
        return False
    unit = tokens[num.last]
    if unit.lang == "en":
        return unit.lower.startswith(_UNITS_EN)
    return unit.lang == "ru" and (unit.lemma in GRAIN_RU or unit.lower in ("дней", "суток"))


def rolling_window_rows(text: str, tokens: Sequence[Token]) -> str:
    """ "over a rolling thirty days" -> "over last thirty days"; «скользящие 30 дней» -> «за последние 30
    дней»; «скользящее окно 30 дней» -> «окно 30 дней» (the window noun's own rule reads it)."""
    counts = {num.first: num for num in numerals(tokens)}
    for i, t in enumerate(tokens):
        word, last = _ROLLING_WORDS.get(t.lang, ("", ""))
        if not word or (t.lower if t.lang == "en" else t.lemma) != word:
            continue
        if t.lang == "ru" and i + 1 < len(tokens) and tokens[i + 1].lemma in WINDOW_RU:
            return text[: t.start] + text[tokens[i + 1].start :]
        if not _count_of_units(tokens, counts, i):
            continue
        start = t.start
        if i > 0 and tokens[i - 1].lower in ("a", "the", "за"):
            start = tokens[i - 1].start  # "over a rolling …", «за скользящие …»: the window's own words
        return text[:start] + last + text[t.end :]
    return text
