"""An event verb right before a rolling window names the window's time column (planner167, issue 15).

README (Modes): a window is on the time column the request names. A Russian participle naming an event
right before a window («сессии, начатые за последние сутки») already put it on that event's time
(planner136), by the column comment's noun ('Начало зарядки'). The same event said as a verb of a relative
clause was missed: "Tickets that got refunded in the last 3 days" (sold_at, not refunded_at), "Sessions
that started in the last 24 hours" (created_at, not started_at), «Сессии, которые начались за последние
сутки» (created_at). English names the event by the column's own name (refunded -> refunded_at, started ->
started_at); Russian by the comment's noun, for a finite verb as for a participle.

A verb of such a clause that names no time column («Выдачи, которые продлили за последнюю неделю»:
renewed, no renewal time) put the window on the creation time and dropped the verb: the window's column is
asked, unless the verb says the rows arrived («которые поступили», "that were added": the event time is
theirs), or a comma parts the clause from the window («которые отменили, за последние 48 часов»).

An event whose time column is NOT NULL happened to every row: the verb says when, and a status value
spelled as the same word ('started' of 'Статус сессии (started, charging, completed, …)') is a phase the
rows leave, no state they keep, so it is not added beside the window ("sessions that started in the last 24
hours" are not only those still in status 'started'). A nullable event column (refunded_at) keeps the
status reading beside the window, as the Russian participle always did (`status = 'refunded' AND
refunded_at >= …`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import Token, in_past, tokenize
from airflow_ai_etl.planning.newrows import says_arrival
from airflow_ai_etl.planning.vocabulary import name_parts, stem
from airflow_ai_etl.planning.window_named import is_time_column

__all__ = [
    "event_time_by_english_verb",
    "unnamed_clause_event",
    "without_event_phase",
    "without_implied_not_null",
]

# the parts of a time column's name that say "when", not which event: started_at -> start
_WHEN_PARTS = frozenset(stem(w) for w in ("at", "on", "date", "time", "ts", "timestamp", "datetime"))
# words of a relative clause before its verb: «которые (уже) вернули», "that (have) (been|got) renewed"
_RELATIVE = frozenset({"that", "which", "who", "которые", "который", "которая", "которое", "что"})
_BEFORE_VERB = frozenset(
    {"were", "was", "got", "have", "has", "had", "been", "уже", "только", "недавно", "ещё"}
)
_QUOTED_VALUE = re.compile(r"^(?P<col>\w+) = '(?P<value>[^']*)'$")


def _event_stem(column_name: str) -> str | None:
    """The one stem of a time column's name less its "when" parts (refunded_at -> refund), else None."""
    core = [p for p in name_parts(column_name) if p not in _WHEN_PARTS]
    return core[0] if len(core) == 1 else None


def event_time_by_english_verb(table: Table, word: str) -> str | None:
    """The one time column of `table` an English verb names by the column's own name: "refunded" ->
    refunded_at, "started" -> started_at, "cancelled" -> cancelled_at; None for a Russian word, a word no
    time column is named after, or two columns named so."""
    said = next(iter(tokenize(word)), None)
    if said is None or said.lang != "en" or len(word) < 4:
        return None
    verb = stem(word.lower())
    found = [c.name for c in table.columns if is_time_column(c) and _event_stem(c.name) == verb]
    return found[0] if len(found) == 1 else None


def without_event_phase(
    table: Table, found: list[tuple[int, str]], window: tuple[int, str] | None, verbs: Sequence[int]
) -> list[tuple[int, str]]:
    """`found` less a value condition read from the verb at one of `verbs` (where a verb naming the window's
    column starts) and spelled as the NOT NULL event time the window is on (`status = 'started'` beside
    `started_at >= …`): every row has that event; the window alone says which rows. A status said apart
    («в статусе signed за последние 14 дней по signed_at») is kept."""
    if window is None or not verbs:
        return found
    column = table.column(window[1].split()[0])
    if column is None or column.nullable or not is_time_column(column):
        return found
    event = _event_stem(column.name)
    if event is None:
        return found
    kept = []
    for position, condition in found:
        match = _QUOTED_VALUE.match(condition)
        if match and position in verbs and stem(match.group("value").lower()) == event:
            continue  # 'started' of started_at NOT NULL: the phase right after the event, not the rows' state
        kept.append((position, condition))
    return kept


def without_implied_not_null(conditions: list[str], window: tuple[int, str] | None) -> list[str]:
    """`conditions` less `col IS NOT NULL` when the window is on that col and still among them (planner170):
    "deliveries that got picked up in the last 24 hours" read the verb as the event happening
    (`picked_up_at IS NOT NULL`) and the window on its time; a row inside the window has that time, so the
    test says nothing more (the plan is the window alone, as «откликнувшиеся за …» of applied_at is)."""
    if window is None or window[1] not in conditions:
        return conditions
    implied = f"{window[1].split()[0]} IS NOT NULL"
    return [c for c in conditions if c != implied]


def unnamed_clause_event(tokens: Sequence[Token], k: int) -> bool:
    """Token `k` is the past verb of a relative clause right before a window («которые продлили за …», "that
    were renewed in the last …") that says no arrival of the rows: the caller found no time column it names,
    so which time the window counts on is asked, never the creation time with the verb dropped."""
    word = tokens[k]
    if word.lang == "ru":
        past = in_past(word.lower)
    else:
        past = word.lang == "en" and word.lower.endswith("ed") and len(word.lower) > 4
    if not past or says_arrival(word):
        return False
    j = k - 1
    while j >= 0 and tokens[j].lower in _BEFORE_VERB:
        j -= 1
    return j >= 0 and tokens[j].lower in _RELATIVE
