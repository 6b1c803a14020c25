"""Marts round 116 (blind batch ba, issue 16): the time side of a mart — a rolling window beside a grain, the
window's own label, a mart named in a list of settings, an event verb naming the grain's time.

Families (new sentences, none from an eval file):
- a rolling window on a table with two NOT NULL times, beside a grain whose column the request names: the
  window is on the grain's time (the window asked which column, and the mart dropped that question and asked
  about «за последние» as an unread filter: mba-ru-07, mba-ru-31);
- «окно — последние N дней», "window: last N days": the noun labels the rolling window, no dimension
  (mba-ru-07); «окно пересчёта 2 недели» stays the incremental lookback;
- «…, витрина leads_daily, …»: a new snake_case name right after the mart word in a comma-separated list of
  settings names the mart's table (mba-ru-50; only a to-word or a build verb led to it before);
- «сколько привили»: the verb of a vaccination names vaccinated_at ('Время вакцинации') as «сделали»
  does (mba-ru-52); «по дням работы» names a timesheet's work_date (it was read as the grain and also as a
  joined dimension employees.hired_at, a confident wrong plan the window's question hid);
- «Записи пациентов на приём» of 'Записи пациентов на приём к врачу': a genitive the fact's comment says,
  between the fact's noun and its complement, leaves no unread word (mba-ru-20).

First pass (before the rules, at 52c4500): 10 of 14 failed; one of the ten was this file's own mistake («витрина
leads» names the fact table, planned rightly; expectation corrected). The two GENITIVE_IN_COMMENT cases were
added after the first fixes and failed on the code before their rule (facts.py reverted): 2 of 2; so did the
two window-named cases added with the grain rule ("weekly by scheduled_at over the last 8 weeks": the time
column beside a window dates a grain nothing else dates; grain.py reverted): 2 of 2. One case stays xfail
(strict), left undone.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, wrong_of

WINDOW_ON_GRAIN = [
    (
        "hr",
        "Сумма часов по сотрудникам по дням работы за последние сорок пять дней",
        mart(
            "timesheets",
            [["sum", "hours"]],
            ["employee_id"],
            mart__time_grain=["work_date", "day"],
            mart__where="work_date >= now() - interval '45 days'",
        ),
    ),
    (
        "autoservice",
        "Число записей на ремонт по станциям понедельно по времени слота (slot_at), за последние 8 недель",
        mart(
            "service.appointments",
            [["count", None]],
            ["station_id"],
            mart__time_grain=["slot_at", "week"],
            mart__where="slot_at >= now() - interval '8 weeks'",
        ),
    ),
    (  # "by slot_at" right before the window is the window's column and the grain's (two NOT NULL times)
        "autoservice",
        "Repair bookings per channel: count, daily by slot_at, over the last twenty days",
        mart(
            "service.appointments",
            [["count", None]],
            ["channel"],
            mart__time_grain=["slot_at", "day"],
            mart__where="slot_at >= now() - interval '20 days'",
        ),
    ),
    (
        "clinic",
        "Appointments per channel, weekly by scheduled_at over the last 8 weeks",
        mart(
            "appointments",
            [["count", None]],
            ["channel"],
            mart__time_grain=["scheduled_at", "week"],
            mart__where="scheduled_at >= now() - interval '8 weeks'",
        ),
    ),
    (
        "clinic",
        "Записи по каналам по дням, за последние две недели по created_at",
        mart(
            "appointments",
            [["count", None]],
            ["channel"],
            mart__time_grain=["created_at", "day"],
            mart__where="created_at >= now() - interval '2 weeks'",
        ),
    ),
    (  # no grain: the window's column is still asked (slot_at or created_at)
        "autoservice",
        "Число записей на ремонт по каналам за последние десять дней",
        {"status": "needs_clarification"},
    ),
]

WINDOW_LABEL = [
    (
        "autoservice",
        "Записи на ремонт по станциям: количество по дням (slot_at), окно: последние 10 дней",
        mart(
            "service.appointments",
            [["count", None]],
            ["station_id"],
            mart__time_grain=["slot_at", "day"],
            mart__where="slot_at >= now() - interval '10 days'",
        ),
    ),
    (
        "logistics",
        "Число событий трекинга по хабам по дням, окно — последние две недели",
        mart(
            "tracking_events",
            [["count", None]],
            ["hub_id"],
            mart__time_grain=["occurred_at", "day"],
            mart__where="occurred_at >= now() - interval '2 weeks'",
        ),
    ),
    (
        "logistics",
        "Tracking events per hub, hourly, window: last 3 days",
        mart(
            "tracking_events",
            [["count", None]],
            ["hub_id"],
            mart__time_grain=["occurred_at", "hour"],
            mart__where="occurred_at >= now() - interval '3 days'",
        ),
    ),
]

NAMED_IN_LIST = [
    (
        "shop",
        "Лиды по источникам, понедельно, витрина leads_by_source_weekly, обновлять каждый час",
        mart(
            "crm.leads",
            [["count", None]],
            ["source"],
            mart__time_grain=["created_at", "week"],
            target__table="leads_by_source_weekly",
            schedule="0 * * * *",
        ),
    ),
    (
        "shop",
        "Leads per source, daily, mart leads_source_daily",
        mart(
            "crm.leads",
            [["count", None]],
            ["source"],
            mart__time_grain=["created_at", "day"],
            target__table="leads_source_daily",
        ),
    ),
    (  # a name of a table the connection has is never the mart's new name: «витрина leads» is its fact
        "shop",
        "Лиды по источникам, посуточно, витрина leads",
        mart("crm.leads", [["count", None]], ["source"], mart__time_grain=["created_at", "day"]),
    ),
]

EVENT_VERB = [
    (
        "vet",
        "Прививки по названиям вакцин: сколько привили, по неделям",
        mart(
            "care.vaccinations",
            [["count", None]],
            ["vaccine_name"],
            mart__time_grain=["vaccinated_at", "week"],
        ),
    ),
    pytest.param(
        "vet",
        "Сколько раз вакцинировали по врачам помесячно",
        mart(
            "care.vaccinations",
            [["count", None]],
            ["vet_id"],
            mart__time_grain=["vaccinated_at", "month"],
        ),
        # no table noun: the fact is asked among every table (the verb's event time is not yet a fact clue)
        marks=pytest.mark.xfail(reason="a bare event verb does not choose the fact", strict=True),
    ),
    (
        "vet",
        "How many vaccinated per vaccine name, monthly",
        mart(
            "care.vaccinations",
            [["count", None]],
            ["vaccine_name"],
            mart__time_grain=["vaccinated_at", "month"],
        ),
    ),
    (  # an unknown verb stays asked
        "vet",
        "Прививки по названиям вакцин: сколько обработали, по неделям",
        {"status": "needs_clarification"},
    ),
]

GENITIVE_IN_COMMENT = [
    (  # «на приём» of 'Записи пациентов на приём к врачу' with «пациентов» between: no unread word
        "clinic",
        "Записи пациентов на приём по статусам по неделям (scheduled_at)",
        mart("appointments", [["count", None]], ["status"], mart__time_grain=["scheduled_at", "week"]),
    ),
    (
        "univ",
        "Записи студентов на дисциплины по статусам помесячно (created_at)",
        mart("enrollments", [["count", None]], ["status"], mart__time_grain=["created_at", "month"]),
    ),
]


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    WINDOW_ON_GRAIN + WINDOW_LABEL + NAMED_IN_LIST + EVENT_VERB + GENITIVE_IN_COMMENT,
)
def test_time_side_of_a_mart(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
