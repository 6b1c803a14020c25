"""Mart requests of round marts34 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. The event verb of the grain's own date is no state: «сколько посылок создано по дням», "how many accounts
   were opened per month of opened_at": the verb names the grain's time column (created_at, opened_at) and
   its listed value is the state every row starts in (the first one the comment lists: 'created', 'open'),
   so each row counted passed through it on the day the grain dates it by; `status = 'created'` would keep
   only the rows still stuck there (README: an event word the grain is dated by adds no condition). A
   terminal state («доставлено» by delivery days: 'delivered') stays the condition it was.
3. «сколько и на какой вес», "how many and for how much", "and for what amount": after «и»/"and" the
   question words ask a second measure, the sum of the column the words after name (or the money column),
   never dropped beside the count nor left as residue.
4. «уникальных покупателей по заказам», "distinct customers by orders": a one-word dimension naming a table
   whose rows point at every counted entity (orders.customer_id) is the table counted over (each order has
   one customer, a distinct count per order is 1): orders is the fact, not sales grouped by order_id.
2. "<X> by <Y>, monthly by <date column>": a frequency word with a time column's name after «by» is the
   grain of a mart (as "weekly by visit date" is), when the request groups by something else too.

First pass, against the unchanged planner (b0dcbc7): 7 of 8 failed before the rules (4 of 5 of family 1:
status = 'created' / 'open' kept with the grain on created_at / opened_at, the delivery control passed; 3 of 3 of
family 2 planned as monthly, daily, weekly loads). Family 3, added after: 4 of 5 failed against main (the
weight dropped beside the count, confidently; «объявленную ценность», "how much", "what amount" asked as
residue; the «на какую сумму» control passed). Family 4, added after: 3 of 5 failed against main (sales with
order_id as a dimension, confidently; the two controls passed). Family 1's «выпущено» (the verb of issued_at,
a time word the lexicon lacked), added last: 2 of 2 failed against main (asked).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, wrong_of

COUNT = [["count", None]]


# (family, catalog, request, expected)
CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # 1: the verb of the row's first state dates the grain, no condition
    (
        "1",
        "logistics",
        "сколько посылок создано по дням",
        mart("shipments", COUNT, [], mart__time_grain=["created_at", "day"], mart__where=None),
    ),
    (
        "1",
        "logistics",
        "сколько отправлений создано в разрезе хаба назначения (dest_hub_id) по неделям",
        mart("shipments", COUNT, ["dest_hub_id"], mart__time_grain=["created_at", "week"], mart__where=None),
    ),
    (
        "1",
        "logistics",
        "how many shipments were created per day",
        mart("shipments", COUNT, [], mart__time_grain=["created_at", "day"], mart__where=None),
    ),
    (
        "1",
        "bank",
        "number of accounts opened per month of opened_at",
        mart("core.accounts", COUNT, [], mart__time_grain=["opened_at", "month"], mart__where=None),
    ),
    # 1: «выпущено» names issued_at ('Дата выпуска карты'), the grain's own event: no state, no question
    (
        "1",
        "bank",
        "сколько карт выпущено по месяцам выпуска в разрезе типа карты",
        mart("core.cards", COUNT, ["card_type"], mart__time_grain=["issued_at", "month"], mart__where=None),
    ),
    (
        "1",
        "bank",
        "сколько карт выпущено по неделям",
        mart("core.cards", COUNT, [], mart__time_grain=["issued_at", "week"], mart__where=None),
    ),
    # 1, control: a terminal state by its own days stays the condition
    (
        "1",
        "logistics",
        "Сколько посылок доставлено по дням доставки",
        mart(
            "shipments",
            COUNT,
            [],
            mart__time_grain=["delivered_at", "day"],
            mart__where="status = 'delivered'",
        ),
    ),
    # 3: a second measure asked as a question: «и на какую/какой <column words>», "and for how much"
    (
        "3",
        "logistics",
        "доставленные посылки: сколько и на какой вес по хабу назначения (dest_hub_id)",
        mart(
            "shipments",
            [["count", None], ["sum", "weight_kg"]],
            ["dest_hub_id"],
            mart__where="status = 'delivered'",
        ),
    ),
    (
        "3",
        "logistics",
        "сколько отправлений и на какую объявленную ценность по хабу отправки (origin_hub_id)",
        mart("shipments", [["count", None], ["sum", "declared_value"]], ["origin_hub_id"]),
    ),
    (
        "3",
        "hotel",
        "how many folio charges and for how much per charge type",
        mart("finance.folio_charges", [["count", None], ["sum", "amount"]], ["charge_type"]),
    ),
    (
        "3",
        "bank",
        "number of transactions and for what amount per channel",
        mart("core.transactions", [["count", None], ["sum", "amount"]], ["channel"]),
    ),
    # 3, control: «на какую сумму» was read before
    (
        "3",
        "bank",
        "сколько вкладов и на какую сумму по валютам",
        mart("core.deposits", [["count", None], ["sum", "amount"]], ["currency"]),
    ),
    # 4: «по <table whose rows point at the counted people>» names the fact, not a grouping
    (
        "4",
        "shop",
        "число уникальных клиентов по заказам по неделям",
        mart("orders", [["count_distinct", "customer_id"]], [], mart__time_grain=["created_at", "week"]),
    ),
    (
        "4",
        "shop",
        "число уникальных покупателей по заказам по статусам",
        mart("orders", [["count_distinct", "customer_id"]], ["status"]),
    ),
    (
        "4",
        "shop",
        "distinct customers per month by orders",
        mart("orders", [["count_distinct", "customer_id"]], [], mart__time_grain=["created_at", "month"]),
    ),
    # 4, controls: a table the people's rows do not hang on stays a dimension; the fact's own noun as before
    (
        "4",
        "shop",
        "уникальных покупателей по товарам",
        mart("sales", [["count_distinct", "customer_id"]], ["product_id"]),
    ),
    (
        "4",
        "clinic",
        "число уникальных пациентов по визитам по месяцам",
        mart("visits", [["count_distinct", "patient_id"]], [], mart__time_grain=["visit_date", "month"]),
    ),
    # 2: "monthly by <time column>" beside a grouping is the grain
    (
        "2",
        "utility",
        "Charges by status, monthly by created_at, excluding draft",
        mart(
            "billing.charges",
            COUNT,
            ["status"],
            mart__time_grain=["created_at", "month"],
            mart__where="status <> 'draft'",
        ),
    ),
    (
        "2",
        "telecom",
        "Payments by channel, daily by paid_at, excluding failed",
        mart(
            "billing.payments",
            COUNT,
            ["channel"],
            mart__time_grain=["paid_at", "day"],
            mart__where="status <> 'failed'",
        ),
    ),
    (
        "2",
        "clinic",
        "Lab results by status, weekly by collected_at",
        mart("lab.results", COUNT, ["status"], mart__time_grain=["collected_at", "week"]),
    ),
]


@pytest.mark.parametrize(("family", "catalog", "text", "expected"), CASES, ids=[c[2] for c in CASES])
def test_round34(family: str, catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
