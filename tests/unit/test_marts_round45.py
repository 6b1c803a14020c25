"""Mart requests of round marts45 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A genitive after «по дате <event>» naming another table than the fact («по дате оплаты гостя» of
   payments, «по дате платежа абонента») says whose event it is, never a dimension (it grouped by guest_id /
   subscriber_id); when the event word names no time column of the fact («по дате регистрации гостя»: the
   guest's own date) it is asked.
2. «по <the fact's own rows>» where the word also matches a column of the fact («по номерам» of rooms:
   room_number 'Номер комнаты'; «по самолётам» of aircraft: model 'Модель самолёта') groups by the rows
   themselves, not by that attribute: asked (it grouped by room_number / model, confident wrong).
3. A fact's key declared to point at one table (claims.policy_id -> policies) is no key of another table whose
   name it starts (policy_holders): "by holder" grouped by policy_id; now holder_id through policies. "average
   X per holder" groups as "by" does: the English per-entity rule asks only beside another grouping, and the
   eval expects "avg hours logged per employee per month" grouped (README marts26's wording is wider).

First pass, against the unchanged planner (4e4da8f, scored from `git archive` of it): 11 of the 14 cases
failed (the three kept controls passed); sections 1-2 were scored before their rules (8 of 11), section 3
after them and before its own (its 3 failed). A fourth control, «по валютам» of currency_rates (keyed by
rate_date and currency: many rows per currency), was added after section 2's rule asked it in the eval
(round30's «по оценкам» of grades, mark 'Оценка', is the other control the rule keeps).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

GENITIVE_AFTER_EVENT_DATE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "hotel",
        "сумма оплат по способам оплаты помесячно по дате оплаты гостя",
        mart(
            "finance.payments",
            [["sum", "amount"]],
            ["method"],
            mart__time_grain=["paid_at", "month"],
        ),
    ),
    (
        "hotel",
        "сумма оплат помесячно по дате оплаты гостя",
        mart(
            "finance.payments",
            [["sum", "amount"]],
            [],
            mart__time_grain=["paid_at", "month"],
        ),
    ),
    (
        "telecom",
        "сумма платежей по каналам по месяцам по дате платежа абонента",
        mart(
            "billing.payments",
            [["sum", "amount"]],
            ["channel"],
            mart__time_grain=["paid_at", "month"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), GENITIVE_AFTER_EVENT_DATE)
def test_genitive_after_event_date_is_no_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


ASKED: list[tuple[str, str]] = [
    ("hotel", "сумма оплат по способам оплаты помесячно по дате регистрации гостя"),
    ("hotel", "сумма базовых тарифов по номерам"),
    ("hotel", "средний базовый тариф по номерам"),
    ("airline", "сумма кресел по самолётам"),
    ("airline", "среднее число кресел бизнес-класса по самолётам"),
]


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


KEPT: list[tuple[str, str, dict[str, Any]]] = [
    ("bank", "максимальный курс по валютам", mart("currency_rates", [["max", "rate"]], ["currency"])),
    ("airline", "сумма кресел по моделям", mart("ops.aircraft", [["sum", "seats_total"]], ["model"])),
    ("hotel", "сумма базовых тарифов по отелям", mart("booking.rooms", [["sum", "base_rate"]], ["hotel_id"])),
    ("hotel", "сумма базовых тарифов по этажам", mart("booking.rooms", [["sum", "base_rate"]], ["floor"])),
]

# (catalog, request, expected): a key declared to point at one table is no key of another whose name it starts
DECLARED_KEY: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "average approved amount by holder",
        mart(
            "settlement.claims",
            [["avg", "approved_amount"]],
            ["holder_id"],
            mart__joins=["underwriting.policies"],
        ),
    ),
    (
        "insurance",
        "сумма выплат по страхователям",
        mart(
            "settlement.claims",
            [["sum", "approved_amount"]],
            ["holder_id"],
            mart__joins=["underwriting.policies"],
        ),
    ),
    (
        "insurance",
        "сумма взносов по страхователям",
        mart(
            "billing.premium_payments",
            [["sum", "amount"]],
            ["holder_id"],
            mart__joins=["underwriting.policies"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), DECLARED_KEY)
def test_declared_key_of_another_table(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text", "expected"), KEPT)
def test_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
