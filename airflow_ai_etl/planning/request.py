"""What the offline planner's rules share: the request read into words, and the small answers they pass.

`Request` is one request split into words, with the words a rule already claimed; `ConnRef`, `Place`
and `Found` are what a rule finds in it. `status_word` and `is_temporal` are pure helpers used both by
the planner (:mod:`airflow_ai_etl.planning.offline`) and by its filter rules
(:mod:`airflow_ai_etl.planning.filters`). Nothing here imports either of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.patterns import FROM_WORDS, STATUS_SPELLINGS, STATUS_WORDS, TO_WORDS
from airflow_ai_etl.planning.schedule import detect_language
from airflow_ai_etl.planning.vocabulary import stem, words


@dataclass
class Request:
    """A request split into words, with the words other rules already claimed."""

    text: str
    lower: str = ""
    tokens: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # the same words in the user's letter case
    spans: list[tuple[int, int]] = field(default_factory=list)  # where each word is in the text
    language: str = "en"
    claimed: set[str] = field(default_factory=set)  # words that name a target, a connection or columns
    values: set[str] = field(default_factory=set)  # words that are filter values ("типа purchase")
    key_indices: set[int] = field(default_factory=set)  # where an upsert key list names its columns
    # where English kind words named the table ("Female dogs": pets, planner161): each is the rows' noun and a
    # condition of its own, read by the listed-value rule
    kind_indices: set[int] = field(default_factory=set)
    # Spans of negating words a rule already understood ("skip rows where", "без колонки email").
    handled: list[tuple[int, int]] = field(default_factory=list)
    places: list[Place] | None = None  # the places it names, once read (RowFilters._places)
    unsure: list[str] = field(default_factory=list)  # questions about values a rule found but could not read
    assumed: list[str] = field(default_factory=list)  # readings a rule chose of two (the outcome's notes)
    # (position, column, condition, position of the kept one): a second condition on a filtered column
    rival_conditions: list[tuple[int, str, str, int]] = field(default_factory=list)
    # spans of «которые ещё не <verb>» clauses no column's event matched (asked about unless read)
    state_clauses: list[tuple[int, int]] = field(default_factory=list)
    # where each row condition a filter rule read starts (planner143): a phrase beside a WHERE is read when
    # one starts inside it, so the residue rules know which words are left
    read_at: list[int] = field(default_factory=list)
    # where a verb naming the window's time column starts ("that started in the last 3 days", planner167)
    window_verbs: list[int] = field(default_factory=list)
    value_columns: dict[str, list[tuple[int, Column]]] = field(default_factory=dict)  # per table, once read
    schedule_spans: list[tuple[int, int]] = field(default_factory=list)  # the words the schedule read
    default_schedule: bool = False  # no frequency named; the planner used its default (CDC: every minute)
    append_only: bool = False  # the grammar read «только добавление» / "append-only" (its words blanked)
    since_last_run: str = ""  # "since the last run", «с прошлого запуска» as written (its words blanked)
    written: str = ""  # the request as the user wrote it (`text` may have typos corrected, numbers as digits)
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (as written, as read) typos
    # (start, end, other table, condition) of a word another table's column answers, which a load cannot
    # filter on (asked); a mart joining that table may (planning/marts/joined_filters.py, marts107)
    other_table_conditions: list[tuple[int, int, str, str]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, init=False, repr=False)  # where each word starts

    def __post_init__(self) -> None:
        self.written = self.written or self.text
        self.lower = self.text.lower().replace("ё", "е")
        self.tokens = words(self.text)
        found = list(re.finditer(r"[a-zа-яё0-9_]+(?:\.[a-zа-яё_][a-zа-яё0-9_]*)?", self.text, re.IGNORECASE))
        self.raw = [m.group(0) for m in found]
        self.spans = [m.span() for m in found]
        self._starts = [start for start, _ in self.spans]
        self.language = detect_language(self.text)

    def token_at(self, offset: int) -> int:
        """Index of the first word that starts at or after a character offset."""
        # a binary search: rules ask this once per word, and a scan made long requests quadratic
        return bisect_left(self._starts, offset)

    def is_handled(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.handled)

    def in_schedule(self, index: int) -> bool:
        """The word at `index` is one of the words the schedule read («раз» of «раз в сутки»)."""
        at = self.spans[index][0]
        return any(start <= at < end for start, end in self.schedule_spans)

    def role(self, index: int) -> str:
        """source / target / unknown: the nearest from- or to-word up to three words before."""
        for back in range(1, 4):
            before = self.tokens[index - back] if index - back >= 0 else ""
            if before in FROM_WORDS:
                return "source"
            after = self.tokens[index - back + 1] if back > 1 and index - back >= 0 else ""
            if before in TO_WORDS and not (after and (_is_time_noun(after) or _CLOCK.fullmatch(after))):
                # «раз в неделю загружать Excel», «каждый понедельник в 9 загружать эксель»: «в неделю», «в 9»
                # are a time, not a direction
                return "target"
        return "unknown"


@dataclass(frozen=True)
class ConnRef:
    """A word of the request that points at a connection: its id, a description word or an engine."""

    conn_id: str
    role: str
    index: int
    by_id: bool


@dataclass(frozen=True)
class Place:
    """A place the request names ("из Москвы"): the phrase, the name in its nominative form (None when the
    ending does not say which), the index of a word that negates it ("кроме клиентов из Москвы") and
    whether more places follow ("from Berlin and Munich")."""

    position: int
    end: int
    phrase: str
    name: str | None
    negator: int | None
    several: bool


@dataclass
class Found:
    """One step's answer: the thing found, or questions to ask."""

    value: Any = None
    questions: list[str] = field(default_factory=list)


_TIME_NOUNS = frozenset({"минута", "час", "день", "сутки", "неделя", "месяц", "год", "полчаса", "квартал"})


_CLOCK = re.compile(r"\d{1,2}(?::\d{2})?")  # «в 9», «в 21:00»: an hour after «в» (a clock time)


def _is_time_noun(word: str) -> bool:
    """A Russian noun of time by its lemma («неделю», «сутки», «час»)."""
    return any(t.lang == "ru" and t.has(_TIME_NOUNS, pos=("NOUN",)) for t in tokenize(word))


def status_word(token: str) -> tuple[str | None, bool]:
    """The status value a word means and whether the word negates it ("неоплаченные", "unpaid")."""
    value = _status_value(token)
    if value:
        return value, False
    for prefix in ("не", "un", "non"):
        if token.startswith(prefix) and len(token) > len(prefix) + 3:
            value = _status_value(token[len(prefix) :])
            if value:
                return value, True
    return None, False


def status_spellings(value: str) -> tuple[str, ...]:
    """The ways a status column may store `value` of STATUS_WORDS ("success": success, succeeded, ...)."""
    return (value, *STATUS_SPELLINGS.get(value, ()))


# Adjective / participle endings: «потерянные» is lemmatised to the noun «потеря», so its own stem
# («потерянн») is looked up too.
_ADJECTIVE_ENDING = re.compile(
    r"(?:ые|ых|ым|ыми|ый|ая|ое|ую|ой|ого|ому|ие|их|им|ими|ий|яя|ее|юю|ей|его|ему)$"
)


def _status_value(token: str) -> str | None:
    value = STATUS_WORDS.get(stem(token))
    if value is None:
        value = STATUS_WORDS.get(_ADJECTIVE_ENDING.sub("", token.lower().replace("ё", "е")))
    return value


# A short participle's ending after its «н»: «оплачены», «оплачена», «оплачено»
_SHORT_PARTICIPLE_ENDING = re.compile(r"(?<=н)[ыао]$")


def short_participle_status(token: str) -> str | None:
    """The STATUS_WORDS value a Russian short participle says as a clause's predicate («которые оплачены» ->
    paid), which `status_word` misses when the stemmer cuts it shorter than the table's stem («оплач»);
    None for any other word (planner160)."""
    return _status_value(token) or STATUS_WORDS.get(
        _SHORT_PARTICIPLE_ENDING.sub("", token.lower().replace("ё", "е"))
    )


def is_temporal(table: Table, name: str) -> bool:
    column = table.column(name)
    if column is None:
        return False
    kind = column.type.lower()
    return "time" in kind or "date" in kind or name.endswith("_at") or kind in ("bigint", "integer", "int")


_INTEGER_TYPE = re.compile(r"(?:small|big)?(?:int|serial)\w*|integer|u?int\d+")


def marks_new_rows(table: Table, name: str) -> bool:
    """Column `name` can tell a run's new rows from the ones loaded before: a time (a timestamp, a date, a
    `*_at` name), or an increasing integer key, the table's own one-column integer primary key (serial or
    not: "new rows by id"). A foreign key, a code or a measured value grows in no order, so a run would skip
    rows by its maximum: the planner asks instead."""
    column = table.column(name)
    if column is None:
        return False
    kind = column.type.lower()
    if "time" in kind or "date" in kind or column.name.endswith("_at"):
        return True
    return table.primary_key == (column.name,) and _INTEGER_TYPE.fullmatch(kind) is not None
