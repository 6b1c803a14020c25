"""Mart requests of round marts41 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A measure word alone in a bracket right after another measure restates it, no second measure: after a bare
   «сколько» it says the aggregate («сколько начислено (сумма)»: the sum, no count); after another measure it
   names that measure's column («средний чек …, берём по заказам (total)»: avg of total, no sum of total).
2. A split of the rows on a flag («отдельно eSIM и не eSIM», «VIP и не-VIP», «льготники и остальные (flag)»)
   is a dimension on the flag, never the filter `flag = true` the first word alone would be.
3. A measure naming no column is asked, never planned on a column guessed: a generic noun («максимальное
   значение по курьерам», «среднее значение по отелям»), the fact's own noun over a fact without one money
   column ("total outage by district": households or a duration?), a bare «сколько» whose table is only the
   place of the rows («сколько по сотрудникам за месяц в табеле»: rows or hours?), a value summed or averaged
   per the fact's own rows («средняя абонентская плата по тарифам» on tariffs). «средний заказ» (orders' one
   money column), "order value", «сколько часов … в табеле» stay planned.

First pass, against the planner without these rules (main d5062dd): 6 of 9 failed before the rules (family 1:
2 of 4, a second measure planned confidently; family 2: 4 of 5, `flag = true` or asked). Family 3 was written
after them and run on main d5062dd as well: 5 of its 10 failed (5 of the 6 asks planned confidently; the 4
planned controls passed); its "max outage by district" was then replaced by "total outage by district" when
the rule was narrowed to sums and averages (eval regressions: «longest call» is planned on duration), not
re-run on main (main was mid-merge). The last two splits (no «по»/"by" before the split) were added after the rules and
run on main d5062dd: 2 of 2 failed.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# (catalog, request, expected): a bracket restating the measure before it
BRACKET_RESTATES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "shop",
        "средний чек по статусам по дням, берём по заказам (total)",
        mart("orders", [["avg", "total"]], ["status"], mart__time_grain=["created_at", "day"]),
    ),
    (
        "utility",
        "сколько начислено (сумма) по районам",
        mart("billing.charges", [["sum", "amount"]], ["district"], mart__joins=["subscribers"]),
    ),
    (
        "shop",
        "сколько продано (сумма) по статусам по дням",
        mart("orders", [["sum", "total"]], ["status"], mart__time_grain=["created_at", "day"]),
    ),
    (
        "shop",
        "количество заказов и сумма (total) по статусам по дням",
        mart(
            "orders", [["count", None], ["sum", "total"]], ["status"], mart__time_grain=["created_at", "day"]
        ),
    ),
]

# (catalog, request, expected): the rows split on a flag
FLAG_SPLITS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "telecom",
        "сколько сим-карт выдали по месяцам, отдельно eSIM и не eSIM",
        mart("sim_cards", [["count", None]], ["is_esim"], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "telecom",
        "число сим-карт по статусам, eSIM и обычные отдельно (is_esim)",
        mart("sim_cards", [["count", None]], ["status", "is_esim"]),
    ),
    (
        "airline",
        "сколько пассажиров по уровням лояльности, VIP и не-VIP отдельно",
        mart("passengers", [["count", None]], ["loyalty_tier", "is_vip"]),
    ),
    (
        "insurance",
        "число страхователей по городам, VIP и остальные (is_vip)",
        mart("policy_holders", [["count", None]], ["city", "is_vip"]),
    ),
    (
        "utility",
        "число абонентов по районам, льготники и остальные",
        mart("subscribers", [["count", None]], ["district", "is_privileged"]),
    ),
    (
        "utility",
        "total debt, privileged and the rest",
        mart("billing.debts", [["sum", "debt_amount"]], ["is_privileged"], mart__joins=["subscribers"]),
    ),
    (
        "insurance",
        "сумма взносов для VIP и не-VIP клиентов",
        mart(
            "billing.premium_payments",
            [["sum", "amount"]],
            ["is_vip"],
            mart__joins=["underwriting.policies", "policy_holders"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), BRACKET_RESTATES)
def test_bracket_restates_measure(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text", "expected"), FLAG_SPLITS)
def test_flag_split_is_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request): a measure naming no column
MEASURE_OF_NOTHING: list[tuple[str, str]] = [
    ("logistics", "максимальное значение по курьерам"),
    ("hotel", "среднее значение по отелям помесячно"),
    ("utility", "total outage by district"),
    ("hr", "сколько по сотрудникам за месяц в табеле"),
    ("clinic", "средняя стоимость услуги по услугам"),
]

# (catalog, request, expected): the same words where the column is said
MEASURE_SAID: list[tuple[str, str, dict[str, Any]]] = [
    ("shop", "average order value per customer", mart("orders", [["avg", "total"]], ["customer_id"])),
    (
        "shop",
        "средний заказ по городам",
        mart("orders", [["avg", "total"]], ["city"], mart__joins=["customers"]),
    ),
    ("hr", "сколько часов по проектам в табеле", mart("timesheets", [["sum", "hours"]], ["project"])),
    (
        "telecom",
        "сумма абонентской платы по пакетам минут",
        mart("tariffs", [["sum", "monthly_fee"]], ["minutes"]),
    ),
    # «по <the fact's own noun>» alone is the source (marts36/38/40), so this is the average over all tariffs,
    # not a per-tariff average of each tariff's own fee (marts41 asked it before marts40 was merged)
    ("telecom", "средняя абонентская плата по тарифам", mart("tariffs", [["avg", "monthly_fee"]], [])),
]


@pytest.mark.parametrize(("catalog", "text"), MEASURE_OF_NOTHING)
def test_measure_of_nothing_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(("catalog", "text", "expected"), MEASURE_SAID)
def test_measure_said_planned(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
