"""New rows named by the previous run: "only rows newer than the last run", «записи после прошлой загрузки».

A comparison whose object is the pipeline's own previous run is no row filter (there is no column value
to compare with): it asks for the rows added since then, i.e. an incremental load. The rule reads tokens:

    COMPARATOR (the)? LAST RUN_NOUN

COMPARATOR: "newer than", "later than", "since", "after", «после», «новее», «позже», «с момента»;
LAST: "last", "previous", "prior", «последний», «предыдущий», «прошлый» (by lemma);
RUN_NOUN: "run", "load", "sync", "import", "execution", «загрузка», «запуск», «выгрузка», «прогон»,
«синхронизация» (by lemma).
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.planning.grammar import Slot
from airflow_ai_etl.planning.lexer import Token, tokenize

__all__ = ["since_last_run", "as_new_rows"]

EN_COMPARATORS = {("newer", "than"), ("later", "than"), ("since",), ("after",), ("fresher", "than")}
RU_COMPARATORS = {("после",), ("новее",), ("позже",), ("позднее",), ("с", "момента"), ("с",)}
EN_LAST = {"last", "previous", "prior", "latest", "preceding"}
RU_LAST = {"последний", "предыдущий", "прошлый"}
EN_RUN = {"run", "load", "sync", "import", "execution", "extract", "pull", "refresh", "export"}
RU_RUN = {"загрузка", "запуск", "выгрузка", "прогон", "синхронизация", "импорт", "обновление"}
EN_ROWS = {"rows", "records", "entries", "data", "lines"}
RU_ROWS = {"строка", "запись", "данные"}
EN_ADDED = {"added", "created", "inserted", "arrived", "written", "appeared", "loaded"}


def since_last_run(tokens: Sequence[Token]) -> Slot | None:
    """The first "<comparator> the last <run>" phrase, as a slot over its words (kind "since_last")."""
    for i in range(len(tokens)):
        for words in EN_COMPARATORS if tokens[i].lang == "en" else RU_COMPARATORS:
            if tuple(t.lower for t in tokens[i : i + len(words)]) != words:
                continue
            j = i + len(words)
            if j < len(tokens) and tokens[j].lower == "the":
                j += 1
            if j + 1 < len(tokens) and _is_last(tokens[j]) and _is_run(tokens[j + 1]):
                first = _rows_before(tokens, i)
                return Slot("since_last", None, tokens[first].start, tokens[j + 1].end, first, j + 2)
    return None


def _rows_before(tokens: Sequence[Token], i: int) -> int:
    """Back over "rows (added)" / «строки(,) появившиеся» before the comparator: the phrase names them."""
    k = i - 1
    while k >= 0 and (tokens[k].text == "," or _is_added(tokens[k])):
        k -= 1
    if k >= 0 and (tokens[k].lower in EN_ROWS if tokens[k].lang == "en" else tokens[k].has(RU_ROWS)):
        return k
    return i


def _is_added(token: Token) -> bool:
    if token.lang == "en":
        return token.lower in EN_ADDED
    return token.lang == "ru" and any(p.pos == "PRTF" for p in token.parses[:1])


def _is_last(token: Token) -> bool:
    return token.lower in EN_LAST if token.lang == "en" else token.lang == "ru" and token.has(RU_LAST)


def _is_run(token: Token) -> bool:
    if token.lang == "en":
        return token.lower in EN_RUN or token.lower.rstrip("s") in EN_RUN
    return token.lang == "ru" and token.has(RU_RUN, pos=("NOUN",))


def as_new_rows(text: str) -> str:
    """`text` with a since-the-last-run phrase replaced by the plain incremental cue ("new rows", «новые
    строки»), padded to the same length so every later span still points at the same characters."""
    slot = since_last_run(tokenize(text))
    if slot is None:
        return text
    russian = any("а" <= ch <= "я" for ch in text[slot.start : slot.end].lower())
    cue = "новые строки" if russian else "new rows"
    width = slot.end - slot.start
    return text[: slot.start] + cue[:width].ljust(width) + text[slot.end :]
