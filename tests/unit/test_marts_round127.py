"""Marts round 127 (sealed batch bd: wrong confident marts).

Two of bd's wrong confident families are read here, in general form:
- two schedules, one daily and one on a day of the month («каждый день в 3 ночи и каждое первое число в
  полдень», mbd-ru-45), were merged into one cron (`0 3,12 1 * *`, neither schedule). A day of the month
  («первое число», «15-го числа», "the 1st") is a day cue of its own and a named hour («полдень», «полночь»,
  "noon", "midnight") is a clock time, so the two clauses are two schedules and asked, quoting both;
- a mart table named after a verb of putting («витрину положи в mart_bar_payments», mbd-ru-36; "put the mart
  into mart_x") was ignored and the mart was named by its measures.

First pass (the file as first written, at a85a8f7 before any change): 8 of 11 failed (every two-schedule
request was planned with one merged cron; every put-verb name was ignored or its verb asked).

Added after the first commit (tests first, then the rule): the fact's own noun as an item of the measure list
after a colon («…: поездки и общая стоимость», "…: total discount and tickets sold") counts its rows beside the
other measure (mbd-en-17 dropped the count). First pass of COUNTED_ITEMS at a85a8f7: 5 of 5 failed (the count
was silently dropped in each).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# Asked, but about «по будням» as a grouping: the mart reads its dimensions before the schedule question when
# the schedule was not read (two schedules); left for a later round.
WEEKDAYS_AS_GROUP = "the mart asks «по будням» as a dimension before the two schedules"

# (catalog, request, the two schedules quoted)
TWO_SCHEDULES = [
    (
        "shop",
        "Заказы по статусам: количество заказов помесячно, запускать каждый день в 6 утра и каждое пятнадцатое "
        "число в полночь",
        ("каждый день в 6 утра", "каждое пятнадцатое число в полночь"),
    ),
    (
        "hotel",
        "Брони по каналам: число броней, обновлять ежедневно в 7 утра и каждое первое число месяца в полдень",
        ("ежедневно в 7 утра", "каждое первое число месяца в полдень"),
    ),
    (
        "fitness",
        "Visits per club: number of visits, daily at 5 am and on the 1st at noon",
        ("daily at 5 am", "1st at noon"),
    ),
    pytest.param(
        "telecom",
        "Звонки по тарифам: число звонков; пересчитывать по будням в 8 утра, а 10-го числа в полдень",
        ("по будням в 8 утра", "10-го числа в полдень"),
        marks=pytest.mark.xfail(strict=True, reason=WEEKDAYS_AS_GROUP),
    ),
]

# (catalog, request, its cron): one schedule stays one
ONE_SCHEDULE = [
    ("hotel", "Брони по каналам: число броней, обновлять каждое первое число в полдень", "0 12 1 * *"),
    ("fitness", "Visits per club: number of visits, refresh daily at noon", "0 12 * * *"),
    ("shop", "Заказы по статусам: количество заказов, запускать каждый день в 6 утра", "0 6 * * *"),
]

# (catalog, request, the mart table named)
PUT_NAMES = [
    (
        "hotel",
        "Брони по каналам: число броней помесячно по дате создания; витрину сохрани в mart_bookings_channels",
        "mart_bookings_channels",
    ),
    (
        "shop",
        "Заказы по статусам: количество заказов помесячно, витрину запиши в mart_orders_status",
        "mart_orders_status",
    ),
    (
        "fitness",
        "Visits per club: number of visits, weekly; put the mart into mart_club_visits",
        "mart_club_visits",
    ),
    (
        "cinema",
        "Кинобар: сумма заказов по способам оплаты, помесячно; положи витрину в mart_bar_by_method",
        "mart_bar_by_method",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), TWO_SCHEDULES)
def test_round127_two_schedules_are_asked(catalog: str, text: str, quoted: tuple[str, str]) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert all(q in " ".join(outcome.questions) for q in quoted), outcome.questions


@pytest.mark.parametrize(("catalog", "text", "cron"), ONE_SCHEDULE)
def test_round127_one_schedule_is_read(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron


@pytest.mark.parametrize(("catalog", "text", "name"), PUT_NAMES)
def test_round127_mart_put_into_a_name(catalog: str, text: str, name: str) -> None:
    assert ok_spec(catalog, text).target.table == name


# (catalog, request, the measures): the fact's own noun as an item of the measure list is its rows' count
COUNTED_ITEMS = [
    ("cinema", "Tickets per movie title: total discount and tickets sold, monthly by sale time", "discount"),
    ("shop", "Orders per status: orders placed and total amount, monthly", "total"),
    ("carshare", "Поездки по тарифам: поездки и общая стоимость поездок, понедельно", "total_cost"),
    ("shop", "Заказы по статусам: общая сумма и заказы, помесячно", "total"),
    (
        "cinema",
        "Продажи билетов по фильмам: билетов продано и сумма скидок, помесячно по времени продажи",
        "discount",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "summed"), COUNTED_ITEMS)
def test_round127_rows_noun_item_is_counted(catalog: str, text: str, summed: str) -> None:
    mart = ok_spec(catalog, text).source.mart
    assert mart is not None
    got = [(m.func, m.column) for m in mart.measures]
    assert got == [("count", None), ("sum", summed)], got
