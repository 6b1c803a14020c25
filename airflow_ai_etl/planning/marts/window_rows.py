"""«…, окно шестьдесят дней»: the window noun with a count of days right after it (marts120).

With no refresh or incremental word anywhere in the request, «окно N дней» labels the rolling window of the
mart's rows, as «окно — последние N дней» does (marts116): the window's condition
(`scheduled_at >= now() - interval '60 days'`) is the mart's WHERE. It used to be read as an incremental
lookback and the rows' condition was dropped (mbb-ru-46). «окно пересчёта 2 недели», or any request naming
an incremental refresh or a recompute, keeps the lookback reading of phrase._read_window.
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.planning.lexer import Token, numerals
from airflow_ai_etl.planning.marts.words import GRAIN_RU, REFRESH_RU, WINDOW_RU, _incremental

# what the window noun becomes: the rolling window words the filter rules read (patterns.LAST_N)
_ROLLING = "за последние"


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
