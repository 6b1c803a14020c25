"""Mart requests of round marts42 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A genitive noun after «по дате <event>» («по дате выписки билета», «по дате подписания полиса») says whose
   event the date is: when, with the event word, it says one time column's comment, or it names the fact
   itself, it is part of the date's phrase, never a dimension of its own (booking_id 'Бронирование', the key
   to the table «билета» also names, was grouped on).
2. Words after a grain naming one time column by the column's comment or its name, not by a word the planner
   lists: «по месяцам старта» ~ started_at, «по дням планового вылета» / «(по плановому прилёту)» ~
   scheduled_departure / scheduled_arrival 'Плановое время вылета/прилёта'; words naming two such columns
   («по вылету»: scheduled or actual) stay asked.
3. The fact said by the words around the measure: «выручка с поездок» (a money noun, «с» and its plural rows,
   as «выручка поездок»); «уникальных покупателей по месяцам продаж» (the grain's word names the only table
   whose time column answers it and which keeps the counted people's key); «Премии по …» (a noun naming
   premium_payments only as a qualifier of its comment 'Платежи страховой премии' is the policies' premium
   column 'Страховая премия'). «выручка с НДС», a table without the people's key and the payments' own noun
   stay asked.

First pass, against the planner without these rules (marts42 at b2c358d): 5 of 12 failed before the rules.
Family 1: 2 of 5, both for reasons outside the family («сколько билетов» grounded on bookings 'заказы
билетов'; «стоимость работ cost» unplaced), so both were replaced, and the replacements run on b2c358d too:
«сумма price по статусам билета … по дате выписки билета» failed (booking_id grouped), «сумма cost …» passed.
Family 2: 3 of 5 failed («старта», «планового» not found); the 2 asks passed. Written after the first rules
and run on b2c358d (`git archive`): family 1's «… по дате подписания полиса» failed, family 2's «по дням по
плановому вылету» failed, and family 3 (written before its rules): 4 of 6 failed (the carshare and hotel
requests passed already), its 3 asks passed.
4. «выручка по броням (total_amount)», «выручка по заказам (total)»: a bracket holding a numeric column of the
   table named by the noun after the measure's «по» names the measure's column (and that table is the fact),
   no dimension nor second measure. Written after the rule, run on b2c358d: 3 of 3 failed (2 asked, «по
   заказам (total)» planned confidently as sales.amount by order_id).
5. «через СБП», «через банкомат»: a «через» word naming no table is a value for the filter rules (method =
   'sbp'), never dropped unread. Written after the rule (needed once family 2 planned mq-ru-15, whose
   question had hidden the dropped filter), run on b2c358d: 3 of 3 planned confidently without the filter.
6. "loyalty level of the guest", "city of the customer": an English «of» + one noun after a dimension's words
   is their owner (joined), as "guest loyalty level" is, not a second table the rows could be; "month =
   created_at" names the grain's column. Written before the rules, run on b2c358d: 3 of 3 failed (two asked
   the time column, one the table). Its airline request expected a plan but the owner is reached along two
   paths (the rules ask, rightly; the ask passed on b2c358d too): it moved to the asks, a shop request
   replaced it and the hotel one got its missing "per month"; both failed on b2c358d (the table, the time).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# (catalog, request, expected): a genitive after «по дате <event>» naming the fact or the date's comment
DATE_OWNER: list[tuple[str, str, dict[str, Any]]] = [
    (
        "airline",
        "сумма price по статусам билета по месяцам по дате выписки билета",
        mart("sales.tickets", [["sum", "price"]], ["status"], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "carshare",
        "сумма amount по видам штрафа помесячно по дате выставления штрафа",
        mart("rental.fines", [["sum", "amount"]], ["fine_type"], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "hotel",
        "сумма total_amount по каналам понедельно по дате создания брони",
        mart(
            "booking.reservations",
            [["sum", "total_amount"]],
            ["channel"],
            mart__time_grain=["created_at", "week"],
        ),
    ),
    (
        "insurance",
        "сумма premium по каналам продаж помесячно по дате заключения договора",
        mart(
            "underwriting.policies",
            [["sum", "premium"]],
            ["channel"],
            mart__time_grain=["signed_at", "month"],
        ),
    ),
    (
        "carshare",
        "сумма cost по видам работ по неделям по дате открытия заявки",
        mart("fleet.service_jobs", [["sum", "cost"]], ["job_type"], mart__time_grain=["opened_at", "week"]),
    ),
    (
        "insurance",
        "сумма premium по каналам по месяцам по дате подписания полиса",
        mart(
            "underwriting.policies",
            [["sum", "premium"]],
            ["channel"],
            mart__time_grain=["signed_at", "month"],
        ),
    ),
]

# (catalog, request, expected): a grain's word naming a time column by its name or comment
GRAIN_WORD_OF_COLUMN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "число поездок по тарифам по месяцам старта",
        mart("rental.trips", [["count", None]], ["tariff"], mart__time_grain=["started_at", "month"]),
    ),
    (
        "airline",
        "число рейсов по статусам по дням планового вылета",
        mart("ops.flights", [["count", None]], ["status"], mart__time_grain=["scheduled_departure", "day"]),
    ),
    (
        "airline",
        "средняя delay_min по статусам понедельно (по фактическому прилёту)",
        mart("ops.flights", [["avg", "delay_min"]], ["status"], mart__time_grain=["actual_arrival", "week"]),
    ),
    (
        "airline",
        "сколько рейсов по дням (по плановому прилёту)",
        mart("ops.flights", [["count", None]], [], mart__time_grain=["scheduled_arrival", "day"]),
    ),
    (
        "airline",
        "сколько рейсов по статусам по дням по плановому вылету",
        mart("ops.flights", [["count", None]], ["status"], mart__time_grain=["scheduled_departure", "day"]),
    ),
    (
        "telecom",
        "сколько звонков по направлениям по часам старта",
        mart("network.calls", [["count", None]], ["direction"], mart__time_grain=["started_at", "hour"]),
    ),
]

# (catalog, request): the grain's word names two time columns
GRAIN_WORD_OF_TWO: list[tuple[str, str]] = [
    ("airline", "число рейсов по дням (по вылету)"),
    ("airline", "число рейсов по статусам по неделям вылета"),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), DATE_OWNER)
def test_date_owner_is_no_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text", "expected"), GRAIN_WORD_OF_COLUMN)
def test_grain_word_names_column(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text"), GRAIN_WORD_OF_TWO)
def test_grain_word_of_two_columns_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# (catalog, request, expected): the fact named after a money noun by «с» + its rows («выручка с поездок»)
REVENUE_FROM: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "выручка с поездок по маркам машин",
        mart("rental.trips", [["sum", "total_cost"]], ["make"], mart__joins=["fleet.cars"]),
    ),
    (
        "shop",
        "выручка с заказов по городам",
        mart("orders", [["sum", "total"]], ["city"], mart__joins=["customers"]),
    ),
]

# (catalog, request, expected): the rows named only by the grain's word («по месяцам продаж»)
GRAIN_EVENT_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "shop",
        "сколько разных клиентов по неделям продаж",
        mart("sales", [["count_distinct", "customer_id"]], [], mart__time_grain=["sold_at", "week"]),
    ),
    (
        "hotel",
        "число уникальных гостей по месяцам заезда",
        mart(
            "booking.reservations",
            [["count_distinct", "guest_id"]],
            [],
            mart__time_grain=["check_in", "month"],
        ),
    ),
]

# (catalog, request, expected): a plural noun that only qualifies a table's comment names another's column
QUALIFIER_SUBJECT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "премии по каналам продаж",
        mart("underwriting.policies", [["sum", "premium"]], ["channel"]),
    ),
    (
        "insurance",
        "Премии по агентам помесячно по дате заключения договора",
        mart(
            "underwriting.policies",
            [["sum", "premium"]],
            ["agent_id"],
            mart__time_grain=["signed_at", "month"],
        ),
    ),
]

# (catalog, request): the same shapes where the words do not say the rows or the column
STILL_ASKED: list[tuple[str, str]] = [
    ("shop", "выручка с НДС по регионам"),  # «с НДС»: with the tax, no rows
    ("shop", "уникальные покупатели по дням оплаты"),  # payments keep no customer key
    ("insurance", "взносы по способам оплаты"),  # the payments' own noun: a count or a sum?
]


@pytest.mark.parametrize(("catalog", "text", "expected"), REVENUE_FROM + GRAIN_EVENT_ROWS + QUALIFIER_SUBJECT)
def test_fact_of_the_words(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text"), STILL_ASKED)
def test_fact_not_said_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# (catalog, request, expected): «<measure> по <the rows' noun> (<a numeric column of them>)»: the measure's column
BRACKET_AFTER_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "выручка по поездкам (total_cost) по тарифам",
        mart("rental.trips", [["sum", "total_cost"]], ["tariff"]),
    ),
    ("shop", "выручка по заказам (total) по статусам", mart("orders", [["sum", "total"]], ["status"])),
    (
        "carshare",
        "максимальная стоимость по поездкам (total_cost) по классам машин",
        mart("rental.trips", [["max", "total_cost"]], ["car_class"], mart__joins=["fleet.cars"]),
    ),
]

# (catalog, request, expected): «через <a value>» names no table to join through: the value is a filter
VIA_VALUE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bank",
        "сколько операций через банкомат по дням (created_at)",
        mart(
            "core.transactions",
            [["count", None]],
            [],
            mart__time_grain=["created_at", "day"],
            mart__where="channel = 'atm'",
        ),
    ),
    (
        "hotel",
        "сумма оплат через СБП по дням (paid_at)",
        mart(
            "finance.payments",
            [["sum", "amount"]],
            [],
            mart__time_grain=["paid_at", "day"],
            mart__where="method = 'sbp'",
        ),
    ),
    (
        "carshare",
        "число платежей через СБП по неделям (paid_at)",
        mart(
            "rental.payments",
            [["count", None]],
            [],
            mart__time_grain=["paid_at", "week"],
            mart__where="method = 'sbp'",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), BRACKET_AFTER_ROWS + VIA_VALUE)
def test_bracket_and_via_read(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): "<dimension> of the <owner>" joins the owner; "<grain> = <column>" is its column
ENGLISH_OF_OWNER: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "trips per week by city of the customer, week = started_at",
        mart(
            "rental.trips",
            [["count", None]],
            ["city"],
            mart__time_grain=["started_at", "week"],
            mart__joins=["customers"],
        ),
    ),
    (
        "shop",
        "orders per week by city of the customer",
        mart(
            "orders",
            [["count", None]],
            ["city"],
            mart__time_grain=["created_at", "week"],
            mart__joins=["customers"],
        ),
    ),
    (
        "hotel",
        "reservations per month by country of guests, month = check_in",
        mart(
            "booking.reservations",
            [["count", None]],
            ["country"],
            mart__time_grain=["check_in", "month"],
            mart__joins=["guests"],
        ),
    ),
]


# the owner reached along two paths stays asked (tickets.passenger_id, or tickets.booking_id -> bookings)
OWNER_TWO_PATHS = [("airline", "tickets per month by loyalty tier of the passenger, month = issued_at")]


@pytest.mark.parametrize(("catalog", "text"), OWNER_TWO_PATHS)
def test_english_owner_two_paths_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(("catalog", "text", "expected"), ENGLISH_OF_OWNER)
def test_english_of_owner(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
