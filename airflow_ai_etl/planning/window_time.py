"""Tables whose rows a bare rolling window cannot date by itself (planner130).

README (Modes; the mart's grain): a window is on the time the request names, else the table's one event time;
"two NOT NULL event times or none … a register of people" are asked. A load's window read the created_at of
such tables without asking: «Брони за последние две недели» (reservations: created_at, check_in and
check_out all NOT NULL: booked, arriving or staying?) and «Страхователей за последние тридцать дней» (a
register of people: registered then, or active then?). The load now asks as the mart does, with the same
column tests (a bookkeeping time, a deadline or a plan is no event time), unless the request names the time
column or its event («зарегистрированных за неделю», "created in the last 7 days").
"""

from __future__ import annotations

from collections.abc import Iterable

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.patterns import UPDATE_COLUMNS
from airflow_ai_etl.planning.window_named import is_time_column


def _is_time(kind: str) -> bool:
    return "time" in kind or "date" in kind


def window_time_unclear(table: Table) -> bool:
    """A bare window on `table` must be asked: its rows are people, or its created_at stands beside another
    NOT NULL event time (no update time, bookkeeping time, deadline or plan). A table with no created_at keeps
    the planner's reading (claims: reported_at, the one NOT NULL `*_at`, beside incident_date, planner114)."""
    # the mart's grain tests (marts import the row filters, which import this module)
    from airflow_ai_etl.planning.marts.grain import _deadline_time, _record_time, _register_of_people

    if _register_of_people(table):
        return True
    if table.column("created_at") is None:
        return False
    events = [
        c
        for c in table.columns
        if _is_time(c.type.lower())
        and c.name not in UPDATE_COLUMNS
        and not _record_time(c, table)
        and not _deadline_time(c)
    ]
    return sum(not c.nullable for c in events) > 1


def names_a_time(table: Table, names: Iterable[str]) -> bool:
    """One of the columns a word names holds a time (a date, a timestamp, a `*_at`). An integer column also
    passes as "temporal" (an increasing key), but a count named by a window's unit word (freezes.days by
    «за последние десять дней») names no time the window could be on (planner141)."""
    columns = (table.column(name) for name in names)
    return any(c is not None and is_time_column(c) for c in columns)
