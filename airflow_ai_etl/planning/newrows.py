"""New rows said as "since the last run": an incremental load, not a row filter.

People name the rows each run should take by the run before it: "only rows newer than the last run",
"added since the previous load", "after the last successful run", «новее прошлого запуска», «с момента
последней загрузки», «после последнего прогона», «с прошлого раза». Read as words, "newer than" looks like a
filter hint and «с ... загрузки» like a time window; read as a phrase, it is the incremental cue (the
watermark is kept by the load itself). "Not loaded yet" / «ещё не загруженные» is not read here: «посылки,
которые ещё не забрали» is a parcel's state, not the load's.

:func:`since_last_run` returns the phrase as a :class:`~airflow_ai_etl.planning.grammar.Slot`; the planner
blanks its words (as it does for «только добавление») and loads new rows by the column the request names
(«по created_at», "by collected_at") or the table's event time.
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.planning.grammar import Slot
from airflow_ai_etl.planning.lexer import Token, in_past
from airflow_ai_etl.planning.lexicon import is_
from airflow_ai_etl.planning.patterns import CHANGED

__all__ = ["changed_clause", "says_arrival", "says_changed", "says_recent", "since_last_run"]

# English: a preposition, "the", a "last" word, an optional adjective, a noun naming a run.
_EN_SINCE = {"since", "after", "from"}
_EN_COMPARATIVES = {"newer", "later", "fresher"}  # "newer than the last run"
_EN_LAST = {"last", "previous", "prior", "latest", "preceding", "recent"}
_EN_RUN_ADJECTIVES = {"successful", "completed", "scheduled", "finished", "most"}
_EN_RUNS = {"run", "load", "sync", "import", "export", "time", "execution", "extract", "pull", "ingest",
            "ingestion", "upload", "refresh", "batch", "job", "one", "transfer", "copy", "dag"}  # fmt: skip
# Russian lemmas: «с/после/новее/позже (момента) прошлого/последнего (успешного) запуска/раза/загрузки».
_RU_SINCE = {"с", "со", "после", "начиная"}
_RU_COMPARATIVES = {"новее", "позже", "позднее", "свежее"}
_RU_TIME_NOUNS = {"момент", "время"}  # «с момента последней загрузки», «со времени прошлого запуска»
_RU_LAST = {"прошлый", "последний", "предыдущий", "крайний", "прошедший"}
_RU_RUN_ADJECTIVES = {"успешный", "удачный", "плановый"}
_RU_RUNS = {"запуск", "раз", "загрузка", "выгрузка", "прогон", "синхронизация", "импорт", "заливка",
            "выполнение", "обновление", "перенос", "забор", "экспорт", "сбор", "цикл"}  # fmt: skip

# "after the previous load finishes" names an upstream load to wait for (a trigger), not new rows.
_EN_DONE = {"finish", "finishes", "finished", "complete", "completes", "completed", "end", "ends", "is",
            "has", "succeeds", "succeeded", "done", "of"}  # fmt: skip
_RU_DONE = {"закончиться", "завершиться", "отработать", "пройти", "кончиться", "выполниться"}
# "only rows newer than ...", «только строки новее ...»: the rows noun and «только» belong to the phrase
_ROWS = {"rows", "records", "data", "ones", "entries", "строка", "запись", "данные"}
_ONLY = {"only", "just", "только", "лишь"}


def since_last_run(tokens: Sequence[Token]) -> Slot | None:
    """The first "since the last run" phrase of the request (kind "new_rows"), or None."""
    for i, token in enumerate(tokens):
        end = _en_since(tokens, i) if token.lang == "en" else _ru_since(tokens, i)
        if end is not None and token.lower in ("after", "после") and _waits_for_a_load(tokens, end):
            end = None
        if end is not None:
            first = i
            if first > 0 and (_is_rows(tokens[first - 1]) or _is_arrival(tokens[first - 1])):
                first -= 1
                if first > 0 and tokens[first - 1].lower in _ONLY:
                    first -= 1
            return Slot("new_rows", "since_last_run", tokens[first].start, tokens[end - 1].end, first, end)
    return None


def _waits_for_a_load(tokens: Sequence[Token], end: int) -> bool:
    """ "after the previous load finishes / of orders", «после прошлой загрузки, когда она закончится»."""
    for t in tokens[end : end + 3]:
        if t.lower in _EN_DONE or (t.lang == "ru" and t.has(_RU_DONE)):
            return True
    # «после последней загрузки продаж»: whose load it is (a genitive) names an upstream pipeline
    nxt = tokens[end] if end < len(tokens) else None
    return (
        nxt is not None
        and nxt.lang == "ru"
        and any(p.pos == "NOUN" and p.case == "gent" for p in nxt.parses[:1])
    )


# «только добавленные с прошлой загрузки», "inserted since the last run": how the rows came, said of the
# new rows themselves (changed/updated rows are left to the rules that pick the update-time column)
_RU_ARRIVAL = {"добавить", "добавлять", "добавиться", "появиться", "появляться", "прийти", "приходить",
               "поступить", "поступать", "создать", "создавать", "добавленный", "поступивший"}  # fmt: skip
_EN_ARRIVAL = {"added", "appeared", "arrived", "created", "inserted", "new", "newly"}


def _is_arrival(token: Token) -> bool:
    if token.lang == "ru":
        return token.has(_RU_ARRIVAL, pos=("PRTF", "PRTS", "ADJF"))
    return token.lower in _EN_ARRIVAL


def says_arrival(token: Token) -> bool:
    """`token` says the rows arrived, in any form («поступили», «добавленные», "added", "created"): the
    rows' own event, dated by the table's event time (planner167: a clause verb before a window)."""
    return token.has(_RU_ARRIVAL) if token.lang == "ru" else token.lower in _EN_ARRIVAL


def says_recent(token: Token) -> bool:
    """`token` speaks of rows by when they came ("the new ones", "the latest ones"), not by what they hold:
    a cue for the incremental rules, no row filter to ask about."""
    return _is_arrival(token) or token.lower in _EN_LAST | _EN_COMPARATIVES


def says_changed(token: Token) -> bool:
    """`token` says rows changed ("changed", "updated", "modified", «изменённые», «обновившиеся»): the
    incremental load by the update time, never a column name nor a row filter to ask about."""
    return CHANGED.fullmatch(token.lower) is not None or is_(token, "CHANGED", pos=("PRTF", "PRTS"))


# «которые (уже) изменились»: a relative pronoun, then words that may stand before the clause's verb
_RU_RELATIVE = {"которые", "который", "которая", "которое", "что"}
_RU_BEFORE_VERB = {"уже", "недавно", "только", "как-то", "хоть", "как"}


def changed_clause(tokens: Sequence[Token]) -> Token | None:
    """The verb of a relative clause saying the rows changed («кандидатов, которые изменились», «заказы, что
    обновились»): the changed-rows cue as «изменившиеся» is (README: changed rows by lemma), in the past tense
    so that «обновлять по ключу» (the upsert's verb) is never one (planner167)."""
    for i, token in enumerate(tokens):
        if token.lang != "ru" or not is_(token, "CHANGED", pos=("VERB",)) or not in_past(token.lower):
            continue
        j = i - 1
        while j >= 0 and tokens[j].lower in _RU_BEFORE_VERB:
            j -= 1
        if j >= 0 and tokens[j].lower in _RU_RELATIVE:
            return token
    return None


def _is_rows(token: Token) -> bool:
    return token.lower in _ROWS or (token.lang == "ru" and token.has(_ROWS, pos=("NOUN",)))


def _en_since(tokens: Sequence[Token], i: int) -> int | None:
    low = tokens[i].lower
    if low in _EN_COMPARATIVES and _word(tokens, i + 1) == "than":
        j = i + 2
    elif low == "more" and _word(tokens, i + 1) == "recent" and _word(tokens, i + 2) == "than":
        j = i + 3
    elif low in _EN_SINCE:
        j = i + 1
    else:
        return None
    if _word(tokens, j) == "the":
        j += 1
    if _word(tokens, j) not in _EN_LAST:
        return None
    j += 1
    while _word(tokens, j) in _EN_RUN_ADJECTIVES | {"recent"}:
        j += 1
    if _word(tokens, j).rstrip("s") not in _EN_RUNS and _word(tokens, j) not in _EN_RUNS:
        return None
    if _word(tokens, j) == "dag" and _word(tokens, j + 1) == "run":
        j += 1
    return j + 1


def _ru_since(tokens: Sequence[Token], i: int) -> int | None:
    token = tokens[i]
    if token.lang != "ru":
        return None
    if token.lower in _RU_COMPARATIVES or token.lower in _RU_SINCE:
        j = i + 1
    else:
        return None
    if token.lower == "начиная" and _word(tokens, j) in ("с", "со"):
        j += 1
    if j < len(tokens) and tokens[j].has(_RU_TIME_NOUNS, pos=("NOUN",)):
        j += 1
    if not (j < len(tokens) and tokens[j].has(_RU_LAST, pos=("ADJF",))):
        return None
    j += 1
    if j < len(tokens) and tokens[j].has(_RU_RUN_ADJECTIVES, pos=("ADJF",)):
        j += 1
    if j < len(tokens) and tokens[j].lang == "ru" and tokens[j].has(_RU_RUNS, pos=("NOUN",)):
        return j + 1
    if j < len(tokens) and tokens[j].lower == "run":
        return j + 1
    return None


def _word(tokens: Sequence[Token], j: int) -> str:
    return tokens[j].lower if 0 <= j < len(tokens) else ""
