"""Mart requests of round marts55 (requests of my own over several catalogs, none copied from an eval file),
scored by status as the eval scores a question.

A report word the planner has no measure for («Пассажиропоток», «Посещаемость», "Occupancy") followed by a
grouping «по»/"by"/"per" whose word names a column of a catalog table (airports.city, hotels.city 'Город',
customers.city) is a request about the catalog's data: it gets a question, not the off-topic refusal. A chat
or a joke with no such column (or an off-topic word: «анекдот», «погода») is still refused.
The question is the mart's own: what to compute. First pass, against the unchanged planner (79475b4): 4 of 9
failed before the rule (all refused).

", count per <grain>" after a dimension whose words repeat the fact's own noun ("fines by fine type, count per
month"): the fact noun said outside the dimension is counted (it asked which table). First pass, against
79475b4: 4 of 5 failed before the rule (the control, a count of nothing by a table noun, was asked and still is).

«число полисов и сумма премий»: the one table answering both measures (policies.premium), not a question
between policies and premium_payments. First pass: 2 of 3 failed before the rule (the control still asks).

«по валютам и какая у них средняя ставка», "by week and their average distance": a second measure referring
back to the counted rows ends the dimension list. First pass: 3 of 3 failed before the rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

GROUPED_BY_COLUMN: list[tuple[str, str]] = [
    ("airline", "Пассажиропоток по городам"),
    ("hotel", "Заполняемость по городам"),
    ("hotel", "Occupancy by city"),
    ("shop", "Активность покупателей по городам"),
    ("carshare", "Востребованность по городам"),
]


@pytest.mark.parametrize(("catalog", "text"), GROUPED_BY_COLUMN)
def test_grouping_by_a_catalog_column_is_asked_not_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


STILL_OFF_TOPIC: list[tuple[str, str]] = [
    ("shop", "Расскажи анекдот по городам"),
    ("hotel", "Какая погода по городам"),
    ("airline", "Как дела по жизни"),
    ("hotel", "tell me a joke by the fire"),
]


@pytest.mark.parametrize(("catalog", "text"), STILL_OFF_TOPIC)
def test_off_topic_without_a_catalog_column_is_still_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "rejected"


# ", count per <grain>" after a dimension whose words repeat the fact's own noun ("fines by fine type"): the
# fact noun said before "by" is counted; the dimension's word naming the same table does not make the count
# one of nothing («сколько по тарифам» still asks, its only table noun being the dimension's).
COUNT_AFTER_OWN_NOUN_DIMENSION: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "fines by fine type, count per month of issued_at",
        mart("rental.fines", [["count", None]], ["fine_type"], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "insurance",
        "claims by claim type, count per week of incident_date",
        mart(
            "settlement.claims", [["count", None]], ["claim_type"], mart__time_grain=["incident_date", "week"]
        ),
    ),
    (
        "insurance",
        "premium payments by payment method, count per month of due_date",
        mart(
            "billing.premium_payments",
            [["count", None]],
            ["payment_method"],
            mart__time_grain=["due_date", "month"],
        ),
    ),
    (
        "carshare",
        "Fines by fine type: count",
        mart("rental.fines", [["count", None]], ["fine_type"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), COUNT_AFTER_OWN_NOUN_DIMENSION)
def test_count_after_a_dimension_naming_the_fact(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_count_of_nothing_by_a_table_noun_is_still_asked() -> None:
    assert plan_in("telecom", "сколько по тарифам, помесячно").status == "needs_clarification"


# «число X и сумма Y»: the count names the fact; Y names another table too («премий» ~ premium_payments) but
# also a numeric column of the counted table (policies.premium): the one table answering both measures.
COUNT_AND_SUM_OF_ITS_COLUMN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "число полисов и сумма премий по каналу",
        mart("underwriting.policies", [["count", None], ["sum", "premium"]], ["channel"]),
    ),
    (
        "insurance",
        "количество договоров-полисов и общая сумма премий по агентам, помесячно по дате подписания",
        mart(
            "underwriting.policies",
            [["count", None], ["sum", "premium"]],
            ["agent_id"],
            mart__time_grain=["signed_at", "month"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), COUNT_AND_SUM_OF_ITS_COLUMN)
def test_count_and_sum_of_the_counted_tables_column(
    catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_sum_no_counted_table_holds_is_still_asked() -> None:
    # loans hold no payment column: the count of loans and the sum of payments are two facts
    assert plan_in("bank", "число кредитов и сумма платежей по валютам").status == "needs_clarification"


# «по месяцам и какая у них средняя ставка», "per week and their average distance": after a dimension, «и»/"and"
# then words referring back to the counted rows and a measure word: a second measure, not a dimension.
SECOND_MEASURE_OF_THEM: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bank",
        "Число вкладов по валютам и какая у них средняя ставка",
        mart("core.deposits", [["count", None], ["avg", "rate"]], ["currency"]),
    ),
    (
        "bank",
        "количество вкладов по месяцам (opened_on) и их средняя ставка",
        mart(
            "core.deposits", [["count", None], ["avg", "rate"]], [], mart__time_grain=["opened_on", "month"]
        ),
    ),
    (
        "carshare",
        "trips per car class by week (started_at) and their average distance",
        mart(
            "rental.trips",
            [["count", None], ["avg", "distance_km"]],
            ["car_class"],
            mart__time_grain=["started_at", "week"],
            mart__joins=["fleet.cars"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), SECOND_MEASURE_OF_THEM)
def test_second_measure_of_them_after_a_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
