"""Words of a yes/no condition that no rule read, or read with the wrong sign (marts111, issue 16).

- «без X» / "without X" beside another condition, X a word no rule read: «Питомцев: кошек и собак без
  стерилизации» loaded cats and dogs alone ('Стерилизовано' is a participle, no «Есть X» flag the negation
  rules read); and X read as a flag compared "= true" ("Open restaurants without own delivery" was
  `has_delivery = true`).
- an English phrase of a round-the-clock flag (MANNER_PHRASES_EN) no rule read: the table has no such flag
  ("Stations open round the clock" on a network whose stations have none loaded every station, "Cinemas open
  round the clock" was `is_open = true`).

Each returns the words to quote in a question; None when every word was read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.dropped import _CLAUSE_BREAK, _read
from airflow_ai_etl.planning.filters import _WORKING_VERBS_EN
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.vocabulary import MANNER_PHRASES_EN

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

_WITHOUT = frozenset({"без", "without"})
# words of an English noun phrase that name nothing by themselves: "without a/the/any/own X"
_DETERMINERS_EN = frozenset({"a", "an", "the", "any", "own", "their", "its"})
_PHRASE_WORDS = 3


def unread_flag_words(
    planner: OfflinePlanner, request: Request, table: Table, where: str | None
) -> str | None:
    """The first «без X» or round-the-clock phrase of the shapes above that no rule read; None when none."""
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    return _unread_without(planner, request, table, words, where or "") or _unread_manner_phrase(request)


def _without_phrase(request: Request, words: list[Token], k: int) -> list[Token]:
    """The words after «без» / "without" at `k` up to a clause break (at most three), determiners skipped."""
    phrase: list[Token] = []
    for later in words[k + 1 : k + 1 + _PHRASE_WORDS]:
        if _CLAUSE_BREAK.search(request.text[words[k].end : later.start]) or not later.lower.isalpha():
            break
        if later.lower not in _DETERMINERS_EN:
            phrase.append(later)
    return phrase


def _unread_without(
    planner: OfflinePlanner, request: Request, table: Table, words: list[Token], where: str
) -> str | None:
    """«без X» beside a condition the WHERE holds: X read by no rule, or X a flag the WHERE compares
    "= true" (the negation lost)."""
    if not where:
        return None  # alone, the condition rules ask about words they did not read
    for k, word in enumerate(words):
        if word.lower not in _WITHOUT or any(a <= word.start < b for a, b in request.schedule_spans):
            continue
        phrase = _without_phrase(request, words, k)
        if not phrase:
            continue
        quote = request.text[word.start : phrase[-1].end]
        if not any(_read(planner, request, table, w, where) for w in phrase) and not _negated(where):
            return quote
        named = {name for w in phrase for _, name in planner._column_mentions(table, [w.lower])}
        if any(re.search(rf"\b{re.escape(name)} = true\b", where) for name in named):
            return quote
    return None


def _unread_manner_phrase(request: Request) -> str | None:
    """ "open round the clock", "24/7" said of the rows and read by no rule (no flag of the table has that
    manner): quoted."""
    if request.language != "en":
        return None
    for phrase in MANNER_PHRASES_EN:
        for match in re.finditer(rf"(?<![\w/-]){re.escape(phrase)}(?![\w/-])", request.lower):
            if request.is_handled(match.start()) or any(
                a <= match.start() < b for a, b in request.schedule_spans
            ):
                continue
            if " hours" in phrase and not _after_working_verb(request, match.start()):
                continue  # "from the last 24 hours": a window, no manner
            return request.text[match.start() : match.end()]
    return None


def _after_working_verb(request: Request, start: int) -> bool:
    """The word right before `start` is a working place's verb ("open 24 hours", "operating 24 hours")."""
    before = request.lower[:start].split()
    return bool(before) and before[-1] in _WORKING_VERBS_EN


def _negated(where: str) -> bool:
    """The WHERE already holds a negated condition («без тестовых»: `status <> 'test'`): the words after
    «без» were read by it."""
    return any(op in where.upper() for op in ("<>", " NOT ", "IS DISTINCT FROM", "= FALSE"))
