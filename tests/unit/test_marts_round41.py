"""Mart requests of round marts41 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A measure word alone in a bracket right after another measure restates it, no second measure: after a bare
   «сколько» it says the aggregate («сколько начислено (сумма)»: the sum, no count); after another measure it
   names that measure's column («средний чек …, берём по заказам (total)»: avg of total, no sum of total).
2. A split of the rows on a flag («отдельно eSIM и не eSIM», «VIP и не-VIP», «льготники и остальные (flag)»)
   is a dimension on the flag, never the filter `flag = true` the first word alone would be.

First pass, against the planner without these rules (main d5062dd): 6 of 9 failed before the rules (family 1:
2 of 4, a second measure planned confidently; family 2: 4 of 5, `flag = true` or asked).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, wrong_of

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
]


@pytest.mark.parametrize(("catalog", "text", "expected"), BRACKET_RESTATES)
def test_bracket_restates_measure(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text", "expected"), FLAG_SPLITS)
def test_flag_split_is_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
