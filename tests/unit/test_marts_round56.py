"""Mart requests of round marts56 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

A short header before a colon ("Payments dashboard:", "Churn overview:", "Premium by channel:") titles the
mart; the body after the colon says what is computed. A table noun in the header names the fact when the body
names only columns several tables share; a measure word in it (a metric no aggregate computes, or the body's
own measure restated) is no measure of its own when the body has measures that each name what they compute.

A flag column written bare as a condition ("only with is_roaming true", «только is_refunded false», «только
is_roaming») is that flag's value, in a mart and in a load (as "is_roaming = true" is); a column and a value its
comment lists after «только»/"only" or in brackets were read already (kept here as a guard).

First pass, against the unchanged planner (0cf1bd1): 10 of the 20 failed before the rules (headers: 5 of 11;
column and value: 5 of 9, every flag written bare, the load one asked).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, ok, wrong_of

HEADER_BEFORE_COLON: list[tuple[str, str, dict[str, Any]]] = [
    # a table noun in the header: the fact, when the body's columns are shared by several tables
    (
        "shop",
        "Payments dashboard: max and min amount per month",
        mart("payments", [["max", "amount"], ["min", "amount"]], [], mart__time_grain=["paid_at", "month"]),
    ),
    (
        "telecom",
        "Payments summary: average amount per status",
        mart("billing.payments", [["avg", "amount"]], ["status"]),
    ),
    (
        "bank",
        "Deposits overview: total amount per currency",
        mart("core.deposits", [["sum", "amount"]], ["currency"]),
    ),
    # ... even when the measured word alone names another table ("rate": currency_rates)
    (
        "bank",
        "Deposits overview: highest rate per currency",
        mart("core.deposits", [["max", "rate"]], ["currency"]),
    ),
    # a metric no aggregate computes, in the header only: the body's measures are the mart's
    (
        "telecom",
        "Churn overview: number of subscribers per region",
        mart("subscribers", [["count", None]], ["region"]),
    ),
    (
        "insurance",
        "Profitability report: total premium per product",
        mart("underwriting.policies", [["sum", "premium"]], ["product"]),
    ),
    ("shop", "Конверсия — количество лидов по источникам", mart("crm.leads", [["count", None]], ["source"])),
    # the header restating the body's measure
    (
        "insurance",
        "Premium by channel: total premium per channel",
        mart("underwriting.policies", [["sum", "premium"]], ["channel"]),
    ),
    (
        "telecom",
        "Duration by direction: average duration_sec per direction",
        mart("network.calls", [["avg", "duration_sec"]], ["direction"]),
    ),
    # the metric in the body, or a bare sum after the header: still asked
    ("telecom", "Churn dashboard: churn per region", {"status": "needs_clarification"}),
    ("insurance", "Profitability report: sum per product", {"status": "needs_clarification"}),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), HEADER_BEFORE_COLON)
def test_header_before_colon_titles_the_mart(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# A column's name followed by a value its comment lists (or a truth word, for a flag) after «только»/"only"/
# "with", or in brackets explaining the words before them, is a row condition, never a dimension or residue.
COLUMN_THEN_VALUE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "telecom",
        "Звонки: количество по cell_id помесячно, только исходящие (direction outgoing)",
        mart(
            "network.calls",
            [["count", None]],
            ["cell_id"],
            mart__time_grain=["started_at", "month"],
            mart__where="direction = 'outgoing'",
        ),
    ),
    (
        "telecom",
        "Calls per cell_id, only direction incoming",
        mart("network.calls", [["count", None]], ["cell_id"], mart__where="direction = 'incoming'"),
    ),
    (
        "telecom",
        "Average duration_sec per direction, only with is_roaming true",
        mart("network.calls", [["avg", "duration_sec"]], ["direction"], mart__where="is_roaming = true"),
    ),
    (
        "hotel",
        "Сумма начислений (amount) по charge_type, только is_refunded false",
        mart(
            "finance.folio_charges", [["sum", "amount"]], ["charge_type"], mart__where="is_refunded = false"
        ),
    ),
    (
        "airline",
        "Сумма миль по партнёрам помесячно, только списания (operation redemption)",
        mart(
            "loyalty.miles_transactions",
            [["sum", "miles"]],
            ["partner_name"],
            mart__time_grain=["created_at", "month"],
            mart__where="operation = 'redemption'",
        ),
    ),
    (
        "telecom",
        "Количество звонков по cell_id, только is_roaming",
        mart("network.calls", [["count", None]], ["cell_id"], mart__where="is_roaming = true"),
    ),
    (
        "insurance",
        "Claims per claim_type, only is_fraud_suspected false",
        mart(
            "settlement.claims", [["count", None]], ["claim_type"], mart__where="is_fraud_suspected = false"
        ),
    ),
    # a load reads the flag written bare as a mart does
    (
        "telecom",
        "Load calls into ClickHouse daily at 3am, only with is_roaming true",
        ok(schedule="0 3 * * *", source__table="network.calls", source__where="is_roaming = true"),
    ),
    # a value the column does not list, in brackets: asked, never guessed
    ("telecom", "Calls per cell_id, only direction sideways", {"status": "needs_clarification"}),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), COLUMN_THEN_VALUE)
def test_column_then_value_is_a_condition(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
