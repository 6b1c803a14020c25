"""Mart requests of round marts44 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A genitive after a text column's word that names whose rows the fact's are (a word of the fact's own
   comment: 'Отзывы гостей', 'Заявки и обращения абонентов') is no value of that column («оценка отзывов
   гостей» planned comment = 'гостей', «обращений абонентов» channel = 'абонентов').
2. A price per a unit of quantity ('Цена за кВт·ч') is a rate: a sum of it is asked in both languages, as
   marts35's rates and scores are; an average stays planned, and a price per a unit of time ('Базовый тариф
   за ночь') is still summed.
3. A bare «сумма по <the fact's rows>» where two money columns fit stays asked when a date phrase elsewhere
   («по дате заявления») merely resembles one of them ('Заявленная сумма').
4. Filler around the mart: a size or ease adjective on the mart's noun ("a small mart", «небольшая
   витрина»), the speaker's «у нас»/«у меня» and "do we have"; a refresh noun after a comma («запуск»,
   «прогон» + a schedule) ends the dimension list, as «обновление» did.
5. A bracketed `column = value` after a grain ("per month (status = paid)") is the mart's condition: the
   grain is a grouping, so the bracket does not say the rows of one value (it was refused, or a load).
6. "<grouping>, <column> = <value>": a condition written as SQL after a comma is no further dimension (it
   grouped by the column it filtered, and once also compared the measured column with the value).
7. «по <words of the fact's own comment>» («по обслуживанию машин» of 'Заявки на обслуживание и ремонт
   машин', «по отключениям электроэнергии» of 'Отключения электроэнергии (…)') is the fact's topic, no
   dimension (it was asked as a column not found, or grouped by kind).
8. "total claimed amount": an English participle made from the fact's name that starts a column's own name
   (claimed_amount) names that column (it was dropped as a description of the rows, and the sum asked). An
   average "per" something stays asked (round31: "average claimed amount per policy holder" is a ratio the
   English per-entity rule misses); this file's average case said "per status" first and says "by" now.
9. «по <one value> (<column> = <value>)» («по парковке (fine_type = parking)») names the rows to take, no
   dimension (it grouped by the column and dropped the condition: confident wrong); a bare «сколько» (with a
   verb: «набрали», «вышло», «набежало») before a colon and a sum is the question the sum answers, no count.

First pass, against the unchanged planner (4813e62, scored from `git archive` of it): 34 of the 38 cases
failed (two of section 9's were confident wrong); the four that passed are controls (the two averages of a
unit price, a price per night summed, and «убытки: сумма по видам события, по дням заявления»). Sections 1-5
were scored before their rules, 6-9 after the earlier sections' rules and before their own. Two requests were
changed after the first run (while rules 1-5 were written): a carshare "Fines per day (status = paid)" asks
which date (issued or paid: a fair question) and became the telecom calls case; «средний баланс» became
«средний остаток на счёте» (balance is 'Остаток на счёте': «баланс» names no column, another family).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# (catalog, request, expected): a genitive owner after a text column's word, no value
GENITIVE_OWNER: list[tuple[str, str, dict[str, Any]]] = [
    (
        "hotel",
        "можно витрину: число отзывов гостей по отелям",
        mart(
            "booking.reviews",
            [["count", None]],
            ["hotel_id"],
            mart__joins=["booking.reservations", "booking.rooms"],
            mart__where=None,
        ),
    ),
    (
        "hotel",
        "слушай, максимальная оценка отзывов гостей по городам?",
        mart(
            "booking.reviews",
            [["max", "rating"]],
            ["city"],
            mart__joins=["booking.reservations", "booking.rooms", "hotels"],
            mart__where=None,
        ),
    ),
    (
        "hotel",
        "слушай, средняя оценка отзыва гостя по отелям?",
        mart(
            "booking.reviews",
            [["avg", "rating"]],
            ["hotel_id"],
            mart__joins=["booking.reservations", "booking.rooms"],
            mart__where=None,
        ),
    ),
    (
        "utility",
        "слушай, сколько обращений абонентов по темам?",
        mart("ops.service_requests", [["count", None]], ["topic"], mart__where=None),
    ),
    (
        "utility",
        "можно витрину: число обращений абонентов по статусам",
        mart("ops.service_requests", [["count", None]], ["status"], mart__where=None),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), GENITIVE_OWNER)
def test_genitive_owner_is_no_value(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request): a sum of a price per a unit of quantity
SUMMED_UNIT_PRICE: list[tuple[str, str]] = [
    ("utility", "total price per kWh by zone"),
    ("utility", "sum of the kwh prices of tariffs per zone"),
    ("utility", "сумма цен за кВт·ч по зонам"),
    ("utility", "сумма цены тарифов по зонам суток"),
]

# (catalog, request, expected): an average of it, or a price per a unit of time summed
UNIT_PRICE_KEPT: list[tuple[str, str, dict[str, Any]]] = [
    ("utility", "average price per kwh by zone", mart("tariffs", [["avg", "price_per_kwh"]], ["zone"])),
    ("utility", "средняя цена за кВт·ч по зонам", mart("tariffs", [["avg", "price_per_kwh"]], ["zone"])),
    ("hotel", "сумма базовых тарифов по этажам", mart("booking.rooms", [["sum", "base_rate"]], ["floor"])),
]


@pytest.mark.parametrize(("catalog", "text"), SUMMED_UNIT_PRICE)
def test_summed_unit_price_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(("catalog", "text", "expected"), UNIT_PRICE_KEPT)
def test_unit_price_average_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request): two money columns fit a bare sum; the date phrase names neither
TWO_MONEY_DATE_PHRASE: list[tuple[str, str]] = [
    ("insurance", "сумма по страховым случаям по статусам, по месяцам даты заявления"),
    ("insurance", "Сумма по убыткам по статусам понедельно по дате заявления"),
    ("insurance", "убытки: сумма по видам события, по дням заявления"),
]


@pytest.mark.parametrize(("catalog", "text"), TWO_MONEY_DATE_PHRASE)
def test_two_money_columns_asked_beside_date_phrase(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# (catalog, request, expected): filler and refresh words around a plannable mart
FILLER: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bank",
        "a small mart with average balance by currency",
        mart("core.accounts", [["avg", "balance"]], ["currency"]),
    ),
    (
        "bank",
        "небольшая витрина: средний остаток на счёте по валютам",
        mart("core.accounts", [["avg", "balance"]], ["currency"]),
    ),
    (
        "bank",
        "could you build a quick simple mart: avg balance by currency",
        mart("core.accounts", [["avg", "balance"]], ["currency"]),
    ),
    (
        "insurance",
        "сколько у нас полисов по каналам продаж?",
        mart("underwriting.policies", [["count", None]], ["channel"]),
    ),
    (
        "bank",
        "у меня вопрос: сколько кредитов по продуктам",
        mart("lending.loans", [["count", None]], ["product"]),
    ),
    (
        "telecom",
        "how many subscribers do we have by region",
        mart("subscribers", [["count", None]], ["region"]),
    ),
    (
        "utility",
        "Сумма начислений по районам, прогон ежедневно в 6 утра",
        mart(
            "billing.charges",
            [["sum", "amount"]],
            ["district"],
            mart__joins=["subscribers"],
            schedule="0 6 * * *",
        ),
    ),
    (
        "utility",
        "Сумма начислений по районам помесячно, запуск каждый день в 6 утра",
        mart(
            "billing.charges",
            [["sum", "amount"]],
            ["district"],
            mart__time_grain=["period", "month"],
            mart__joins=["subscribers"],
            schedule="0 6 * * *",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), FILLER)
def test_filler_is_no_slot(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): a bracketed condition after a grain
BRACKET_AFTER_GRAIN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "airline",
        "Sum of miles per month (operation = accrual)",
        mart(
            "loyalty.miles_transactions",
            [["sum", "miles"]],
            [],
            mart__time_grain=["created_at", "month"],
            mart__where="operation = 'accrual'",
        ),
    ),
    (
        "shop",
        "Orders per week (status = paid)",
        mart(
            "orders",
            [["count", None]],
            [],
            mart__time_grain=["created_at", "week"],
            mart__where="status = 'paid'",
        ),
    ),
    (
        "telecom",
        "Calls per week (direction = outgoing)",
        mart(
            "network.calls",
            [["count", None]],
            [],
            mart__time_grain=["started_at", "week"],
            mart__where="direction = 'outgoing'",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), BRACKET_AFTER_GRAIN)
def test_bracket_after_grain_is_condition(catalog: str, text: str, expected: dict[str, Any]) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "rejected", outcome.errors
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): "<grouping>, <column> = <value>": a condition written as SQL after a comma
COMMA_CONDITION: list[tuple[str, str, dict[str, Any]]] = [
    (
        "telecom",
        "Calls per week, direction = outgoing",
        mart(
            "network.calls",
            [["count", None]],
            [],
            mart__time_grain=["started_at", "week"],
            mart__where="direction = 'outgoing'",
        ),
    ),
    (
        "shop",
        "Sum of totals per month, status = paid",
        mart(
            "orders",
            [["sum", "total"]],
            [],
            mart__time_grain=["created_at", "month"],
            mart__where="status = 'paid'",
        ),
    ),
    (
        "airline",
        "Total miles per week, operation = accrual",
        mart(
            "loyalty.miles_transactions",
            [["sum", "miles"]],
            [],
            mart__time_grain=["created_at", "week"],
            mart__where="operation = 'accrual'",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), COMMA_CONDITION)
def test_comma_condition_is_no_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): «по <words of the fact's own comment>» is the fact's topic, no dimension
COMMENT_TOPIC: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "средняя стоимость работ по обслуживанию машин по статусам",
        mart("fleet.service_jobs", [["avg", "cost"]], ["status"]),
    ),
    (
        "carshare",
        "максимальная стоимость работ по ремонту машин по видам работ",
        mart("fleet.service_jobs", [["max", "cost"]], ["job_type"]),
    ),
    (
        "utility",
        "сколько домохозяйств затронуто по отключениям электроэнергии по районам",
        mart("ops.outages", [["sum", "households"]], ["district"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), COMMENT_TOPIC)
def test_comment_topic_is_no_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): an English participle that starts a column's own name ("claimed amount")
PARTICIPLE_COLUMN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "total claimed amount by claim type",
        mart("settlement.claims", [["sum", "claimed_amount"]], ["claim_type"]),
    ),
    (
        "insurance",
        "average claimed amount by status",
        mart("settlement.claims", [["avg", "claimed_amount"]], ["status"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), PARTICIPLE_COLUMN)
def test_participle_column_named(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): «по <one value> (<column> = <value>)» names the rows, no dimension; a bare
# «сколько (<verb>) …:» before a sum is the question the sum answers
ROWS_OF_VALUE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "сумма штрафов по парковке (fine_type = parking) по статусам",
        mart("rental.fines", [["sum", "amount"]], ["status"], mart__where="fine_type = 'parking'"),
    ),
    (
        "hotel",
        "средняя сумма начислений по ресторану (charge_type = restaurant) по месяцам",
        mart(
            "finance.folio_charges",
            [["avg", "amount"]],
            [],
            mart__time_grain=["charged_at", "month"],
            mart__where="charge_type = 'restaurant'",
        ),
    ),
    (
        "carshare",
        "Сколько набежало по скорости (fine_type = speeding): сумма штрафов по статусам",
        mart("rental.fines", [["sum", "amount"]], ["status"], mart__where="fine_type = 'speeding'"),
    ),
    (
        "utility",
        "Сколько вышло по просрочке (status = overdue): сумма начислений по районам",
        mart(
            "billing.charges",
            [["sum", "amount"]],
            ["district"],
            mart__joins=["subscribers"],
            mart__where="status = 'overdue'",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), ROWS_OF_VALUE)
def test_rows_of_one_value(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
