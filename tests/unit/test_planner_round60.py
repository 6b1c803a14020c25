"""Round 60 (issue #15): English schedule and target words, tested with requests of our own over several
catalogs (RU, EN).

1. A stated clock hour is never dropped after a date filter: "after 2025-01-15, daily at 6" is 06:00 (the
   date's last number and the clock joined into one list of times, read without the clock's own «at»/«в»).
   A bare "at 5" beside a day cue is 05:00, as the README's clocks read it ("daily at 5").
2. "table name X", "table name: X", "target table name X", "table name is X", «имя таблицы X», «назови
   таблицу X», «название таблицы X» name the target table X (never 'name').
3. Two alternative hours ("at 7 or 8 every morning", «в 7 или в 8 каждое утро») followed by the frequency
   are asked, never planned as one of them or as both.

First pass against the unchanged planner (681f2db): 16 of 29 failed before the rules.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a clock hour after a date filter ----------------------------------------------------------------

HOUR_AFTER_DATE = [
    ("shop", "orders created after 2025-01-15, daily at 6", "0 6 * * *"),
    ("shop", "orders created after 2025-01-15 daily at 6", "0 6 * * *"),
    ("cinema", "movies released after 2025-03-01, every Friday at 9", "0 9 * * 5"),
    ("cinema", "movies released after 2025-03-01, weekly on Tuesdays at 3", "0 3 * * 2"),
    ("shop", "заказы, созданные после 2025-01-15, ежедневно в 6", "0 6 * * *"),
    ("shop", "orders daily at 5", "0 5 * * *"),
]


@pytest.mark.parametrize(("catalog", "text", "cron"), HOUR_AFTER_DATE)
def test_clock_hour_after_date_is_kept(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron


HOUR_AFTER_DATE_OR_ASK = [
    # the hour is read or the request is asked about; never a midnight run with the hour lost
    ("hotel", "брони после 2025-03-01, по пятницам в 9", "0 9 * * 5"),
    ("shop", "orders created after January 15, daily at 6", "0 6 * * *"),
]


@pytest.mark.parametrize(("catalog", "text", "cron"), HOUR_AFTER_DATE_OR_ASK)
def test_clock_hour_after_date_read_or_asked(catalog: str, text: str, cron: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or (outcome.spec is not None and outcome.spec.schedule == cron)


# --- 2. "table name X" -----------------------------------------------------------------------------------

TABLE_NAME = [
    ("shop", "orders to clickhouse, table name orders_copy, daily at 2", "orders_copy"),
    ("shop", "orders to clickhouse, table name: orders_copy, daily at 2", "orders_copy"),
    ("hotel", "bookings to ch, target table name bookings_raw, every Sunday at 4", "bookings_raw"),
    ("clinic", "copy patients to clickhouse, table name is patients_dim, daily", "patients_dim"),
    ("clinic", "copy patients to clickhouse, table named patients_dim, daily", "patients_dim"),
    ("cinema", "copy halls to ch, target table halls_dim, daily", "halls_dim"),
    ("shop", "заказы в клик, имя таблицы orders_copy, ежедневно в 2", "orders_copy"),
    ("shop", "заказы в клик, назови таблицу orders_copy, ежедневно в 2", "orders_copy"),
    ("hotel", "брони в кх, название таблицы bookings_raw, ежедневно", "bookings_raw"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), TABLE_NAME)
def test_table_name_names_the_target(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).target.table == table


# --- 3. two alternative hours before the frequency --------------------------------------------------------

ALTERNATIVE_HOURS = [
    ("shop", "orders at 7 or 8 every morning"),
    ("shop", "orders at 9 or 10 every evening"),
    ("hotel", "bookings at 6 or 7 daily"),
    ("hotel", "bookings at 6 or 7 each day"),
    ("shop", "заказы в 7 или в 8 каждое утро"),
    ("shop", "заказы в 7 или 8 ежедневно"),
    ("hotel", "брони в 6 или в 7 каждый день"),
    ("cinema", "screenings daily at 7 or 8"),
]


@pytest.mark.parametrize(("catalog", "text"), ALTERNATIVE_HOURS)
def test_alternative_hours_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


ONE_HOUR = [
    ("shop", "orders at 7 every morning", "0 7 * * *"),
    ("shop", "orders at 7, every morning", "0 7 * * *"),
    ("shop", "заказы в 7 и в 19 каждый день", "0 7,19 * * *"),
    ("shop", "orders at 7 and 19 every day", "0 7,19 * * *"),
]


@pytest.mark.parametrize(("catalog", "text", "cron"), ONE_HOUR)
def test_one_or_both_hours_still_planned(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron


# Added after the rules (not in the first-pass count): numbers of other filters before the clock, and a date
# with the hour said with pm.
HOUR_AFTER_OTHER_NUMBERS = [
    ("shop", "orders with total over 100, weekly on Mondays at 5", "0 5 * * 1"),
    ("shop", "orders created since 15.01.2025, daily at 6", "0 6 * * *"),
    ("shop", "заказы с 2025-01-15, по понедельникам в 5", "0 5 * * 1"),
    ("cinema", "movies released after 2025-06-01, weekly on Mondays at 5pm", "0 17 * * 1"),
]


@pytest.mark.parametrize(("catalog", "text", "cron"), HOUR_AFTER_OTHER_NUMBERS)
def test_clock_hour_after_other_numbers(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron
