"""A negated clause read as an event's time, said again by the status (planner159).

«Обращения, которые ещё не закрыты» over support_tickets (closed_at 'Когда закрыто', status 'Статус (open,
in_progress, resolved, closed)') was read by the clause rule alone as `closed_at IS NULL`; the value rule read
no status, since 'closed' is an English code and the Russian participle spells none. The time column's own
name says the event (closed_at -> 'closed'), and where the status lists that very state, the README's state
rule (planner149: "a negated state read twice is one condition ... keeps the status when it lists the state",
as «ещё не закрытые» and "tickets that aren't closed" read) gives `status <> 'closed'`. A time column the
request names itself («(closed_at пустой)») keeps its own condition; a status that does not list the state
(service requests: new, in_progress, done, rejected) keeps the time column's reading (round 18).
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.state_column import state_column
from airflow_ai_etl.planning.window_named import is_time_column

__all__ = ["status_for_negated_event"]

# closed_at, cancelled_on, returned_date: the event's participle before a time suffix
_EVENT_TIME = re.compile(r"^([a-z]+ed)_(?:at|on|date|time)$")
_VERB_FORMS = frozenset({"PRTS", "PRTF", "VERB", "INFN", "ADJS"})  # «закрыты»: a short adjective first


def _read_from_verb(request: Request, position: int) -> bool:
    """The condition was read from the clause's verb («закрыты», "closed"), not from words naming the time
    column («(даты расторжения нет)» of 'Дата расторжения': the date said, so the date's condition stays)."""
    token = next((t for t in tokenize(request.text) if t.start <= position < t.end), None)
    if token is None:
        return False
    if token.lang == "en":
        return token.lower.endswith("ed")
    return bool(token.parses) and token.parses[0].pos in _VERB_FORMS


def status_for_negated_event(request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
    """`<event>_at IS NULL` becomes `status <> '<event>'` where the status lists the event's state and reads
    nothing else."""
    status = state_column(table)
    if status is None or status.name in found:
        return
    listed = {value.lower(): value for value in listed_values(status.comment)}
    for name, (position, condition) in list(found.items()):
        event = _EVENT_TIME.match(name)
        column = table.column(name)
        if event is None or column is None or not is_time_column(column) or condition != f"{name} IS NULL":
            continue
        if name in request.lower or event.group(1) not in listed or not _read_from_verb(request, position):
            continue  # «(closed_at пустой)», «(даты расторжения нет)»: the column said; or no such state
        del found[name]
        found[status.name] = (position, f"{status.name} <> '{listed[event.group(1)]}'")
        return
