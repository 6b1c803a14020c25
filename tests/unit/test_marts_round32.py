"""Mart requests of round marts32 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py). The families come from heldout_marts_r's first pass.

1. a week/day/month grain «по неделям <X>» whose genitive X names a text column (not a date) is asked,
   never planned as a grain on another column plus X as a dimension;
2. «(средняя) сумма <facts>» on a fact with two money columns whose comments both say «сумма» is asked;
3. «сколько всего по <dim>?», "how many in total by <dim>" with no counted noun and no measure is asked;
   "how many <rows> in total" is a count, never a count and a sum;
4. a state adjective or participle before the counted noun ("successful payments", "failed ones",
   «исходящих звонков» with a joined dimension) is the value a text column's comment lists: a filter;
5. bracketed examples of a dimension ending in an ellipsis or «и т.п.»/"etc." are examples, never a filter;
6. a self-correction "..., I mean <phrase>" replaces the phrase it corrects; "mean" there is no average;
7. "high-priority tickets", "premium-segment clients": "<value>-<column noun>" before the fact's noun is the
   column's value (priority = 'high'), never asked as a word not understood;
8. "average interest rate": two English words that, joined, are a column's name (interest_rate) name its
   table and column, whatever table the last word alone names (currency_rates);
9. «по дням по счётчикам (meter_id)»: a bracket after a «по» dimension that follows the grain is the
   dimension's column, never the grain's (asked before as "meter_id is no time column").

First pass, against the unchanged planner (main f5d7d0c): 19 of 26 failed before the rules (3 of 3 of family
1, 2 of 3 of 2, 4 of 4 of 3, 4 of 4 of 4, 3 of 3 of 5, 3 of 3 of 6; the 7 passing were controls and one
«страховым случаям» request already asked). Written with their rules, after the first pass: the 3 further
cases of family 3 («сколько всего по тарифам?» had planned a count of tariffs, "how many per department?" a
count of employees), the unplaceable "I mean weekly" of 6 (had planned sum and avg) and the 3 of family 7
(all asked 'high-priority' and the like as words not understood), and the 4 of family 8 (the 2 interest-rate
requests had asked "'product' is not a column of currency_rates"; the 2 controls passed), and the 2 of family
9 (both asked that meter_id is no time column).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, wrong_of

ASK = {"status": "needs_clarification"}
COUNT = [["count", None]]


# (family, catalog, request, expected)
CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # 1: a time grain on a text column is asked
    ("1", "telecom", "число платежей с разбивкой по неделям канала (channel)", ASK),
    ("1", "utility", "количество показаний по дням способа передачи", ASK),
    ("1", "utility", "число показаний по неделям источника (source)", ASK),
    # 1, controls: a grain alone, and a grain before a dimension, stay planned
    (
        "1",
        "telecom",
        "число платежей по неделям по каналам",
        mart("billing.payments", COUNT, ["channel"], mart__time_grain=["paid_at", "week"]),
    ),
    # 2: «сумма» where two money columns say «сумма»
    ("2", "insurance", "средняя сумма убытков по статусам", ASK),
    ("2", "insurance", "максимальная сумма по убыткам в разрезе статуса", ASK),
    ("2", "insurance", "сумма по страховым случаям по типу события", ASK),
    # 2, controls: the column named by its own words
    (
        "2",
        "insurance",
        "средняя заявленная сумма по статусам",
        mart("settlement.claims", [["avg", "claimed_amount"]], ["status"]),
    ),
    (
        "2",
        "telecom",
        "средняя сумма платежей по каналам",
        mart("billing.payments", [["avg", "amount"]], ["channel"]),
    ),
    # 3: "how many" with nothing counted
    ("3", "telecom", "сколько всего по каналам?", ASK),
    ("3", "shop", "how many in total by region", ASK),
    ("3", "bank", "сколько всего по статусам операций", ASK),
    ("3", "utility", "сколько всего по тарифам?", ASK),
    ("3", "hr", "how many per department?", ASK),
    (
        "3",
        "shop",
        "how many sales in total by region",
        mart("sales", COUNT, ["region"]),
    ),
    # 3, control
    ("3", "shop", "сколько всего продаж по регионам", mart("sales", COUNT, ["region"])),
    ("3", "hr", "сколько всего сотрудников по отделам", mart("employees", COUNT, ["department_id"])),
    # 4: a state word before the counted noun
    (
        "4",
        "telecom",
        "successful payments: sum of amount by channel",
        mart("billing.payments", [["sum", "amount"]], ["channel"], mart__where="status = 'success'"),
    ),
    (
        "4",
        "telecom",
        "average amount of failed payments per channel",
        mart("billing.payments", [["avg", "amount"]], ["channel"], mart__where="status = 'failed'"),
    ),
    (
        "4",
        "telecom",
        "общая длительность исходящих звонков по регионам абонентов",
        mart(
            "network.calls",
            [["sum", "duration_sec"]],
            ["region"],
            mart__joins=["subscribers"],
            mart__where="direction = 'outgoing'",
        ),
    ),
    (
        "4",
        "telecom",
        "total duration of incoming calls by subscriber region",
        mart(
            "network.calls",
            [["sum", "duration_sec"]],
            ["region"],
            mart__joins=["subscribers"],
            mart__where="direction = 'incoming'",
        ),
    ),
    # 4, control
    (
        "4",
        "bank",
        "count of declined transactions by channel",
        mart("core.transactions", COUNT, ["channel"], mart__where="status = 'declined'"),
    ),
    # 5: bracketed examples of a dimension
    (
        "5",
        "utility",
        "readings count per source (app, call_center...) per week",
        mart("metering.readings", COUNT, ["source"], mart__time_grain=["taken_at", "week"]),
    ),
    (
        "5",
        "bank",
        "число операций по каналам (pos, atm и др.)",
        mart("core.transactions", COUNT, ["channel"]),
    ),
    (
        "5",
        "bank",
        "transactions count per channel (pos, atm, etc.)",
        mart("core.transactions", COUNT, ["channel"]),
    ),
    # 5, control: a complete bracket stays as before
    (
        "5",
        "bank",
        "transactions count per channel (pos, atm)",
        mart("core.transactions", COUNT, ["channel"]),
    ),
    # 6: a self-correction replaces
    (
        "6",
        "telecom",
        "sum of payments by channel, I mean by status",
        mart("billing.payments", [["sum", "amount"]], ["status"]),
    ),
    (
        "6",
        "utility",
        "Total charged per creation date... I mean per day of updated_at",
        mart("billing.charges", [["sum", "amount"]], [], mart__time_grain=["updated_at", "day"]),
    ),
    (
        "6",
        "shop",
        "total sold per region... I mean per product",
        mart("sales", [["sum", "amount"]], ["product_id"]),
    ),
    # 6: a correction no phrase before it matches is asked, never an average
    ("6", "telecom", "sum of payments by channel, I mean weekly", ASK),
    # 7: "<value>-<column noun>" before the fact's noun is that column's value
    (
        "7",
        "telecom",
        "number of low-priority tickets per category",
        mart("support_tickets", COUNT, ["category"], mart__where="priority = 'low'"),
    ),
    (
        "7",
        "bank",
        "count of premium-segment clients by branch",
        mart("clients", COUNT, ["branch_id"], mart__where="segment = 'premium'"),
    ),
    (
        "7",
        "bank",
        "count of credit-type cards by payment system",
        mart("core.cards", COUNT, ["payment_system"], mart__where="card_type = 'credit'"),
    ),
    # 8: two words that joined are a column's name name its table, whatever table the last word names
    (
        "8",
        "bank",
        "max interest rate per product",
        mart("lending.loans", [["max", "interest_rate"]], ["product"]),
    ),
    (
        "8",
        "bank",
        "average interest rate and count by product, monthly on issued_on",
        mart(
            "lending.loans",
            [["avg", "interest_rate"], ["count", None]],
            ["product"],
            mart__time_grain=["issued_on", "month"],
        ),
    ),
    # 8, controls
    ("8", "bank", "average rate per currency", mart("currency_rates", [["avg", "rate"]], ["currency"])),
    (
        "8",
        "insurance",
        "average commission rate per city",
        mart("agents", [["avg", "commission_rate"]], ["office_city"]),
    ),
    # 9: «по <grain> по <dimension> (column)»: the bracket names the dimension's column, not the grain's
    (
        "9",
        "utility",
        "число показаний по дням по счётчикам (meter_id)",
        mart("metering.readings", COUNT, ["meter_id"], mart__time_grain=["taken_at", "day"]),
    ),
    (
        "9",
        "utility",
        "суммарное потребление кВт·ч по часам по счётчикам (meter_id)",
        mart("metering.telemetry", [["sum", "kwh"]], ["meter_id"], mart__time_grain=["measured_at", "hour"]),
    ),
]


@pytest.mark.parametrize(("family", "catalog", "text", "expected"), CASES)
def test_round32(family: str, catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert not wrong_of(catalog, text, expected), (family, text)
