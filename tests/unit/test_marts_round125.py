"""Marts round 125 (issue 16: what is still asked around measures and the grain's time column).

First pass (on 25fb287, before any change): 11 of 12 failed. Wrong confident: "weekly by date closed" of tickets
(the participle read as the status dimension, the grain on created_at), «средняя цена за штуку по блюдам» (a
sum(quantity) added for «штуку»), «средний объём по договору и средняя цена за тонну» (the first measure dropped).
Also failing: "weekly by date resolved", "by server time", "by tracker timestamp" (no comment read in English),
"by sending time", "by send date" (sent_at), "by date performed", "by time delivered" (a partial dimension),
«средний штраф по договору» («договору» a dimension). Passed: "by gateway time" (asked).
Cases added after the first pass (main moved to 7c53bd5 meanwhile, with marts124): the «цена за тонну/упаковку/
штуку и …» lists (on 7c53bd5 «средняя цена за литр и максимальный объём» planned an extra sum(liters), «литр»
read again after «и»), «средний объём по видам топлива» (asked liters or price_per_liter), «за минуту зарядки»
(asked, a guard), «по полям:», «в разрезе полей,» (the punctuation read as the column «поле» names: asked), and
"distance in total and trip count" (asked: "distance" unread; the liters one and the bare guard passed).
"""

from __future__ import annotations

import pytest

from tests.planned import mart, wrong_of

ASKED = {"status": "needs_clarification"}

# An English word before "time"/"date" that names no time column's name but spells, by ear, a Russian noun of
# exactly one time column's comment: "by server time" of received_at 'Время получения на сервере', "by tracker
# time" of recorded_at 'Время замера на трекере'. A word no comment holds stays asked.
SPELLED_IN_COMMENT = [
    (
        "agro",
        "Telemetry: average speed per machine, hourly by server time",
        mart(
            "ops.telemetry", [["avg", "speed_kmh"]], ["machine_id"], mart__time_grain=["received_at", "hour"]
        ),
    ),
    (
        "agro",
        "Machine telemetry: max fuel level by machine, daily by tracker timestamp",
        mart(
            "ops.telemetry",
            [["max", "fuel_level_pct"]],
            ["machine_id"],
            mart__time_grain=["recorded_at", "day"],
        ),
    ),
    ("agro", "Telemetry: average speed per machine, hourly by gateway time", ASKED),
]

# "send" of sent_at: an irregular past participle, the column's name part ("by send time", "by sending date").
SEND_TIME = [
    (
        "helpdesk",
        "CSAT surveys: average score per channel, daily by sending time",
        mart("feedback.csat_surveys", [["avg", "score"]], ["channel"], mart__time_grain=["sent_at", "day"]),
    ),
    (
        "helpdesk",
        "Survey results by channel: mean score, monthly by send date",
        mart("feedback.csat_surveys", [["avg", "score"]], ["channel"], mart__time_grain=["sent_at", "month"]),
    ),
]

# "by time performed", "by date resolved": the date noun first, then the participle naming its event (the
# grain's time), never a dimension or a state. A participle naming no time column stays asked.
DATE_THEN_PARTICIPLE = [
    (
        "vet",
        "Treatments by vet: average cost, monthly by date performed",
        mart("care.treatments", [["avg", "cost"]], ["vet_id"], mart__time_grain=["performed_at", "month"]),
    ),
    (
        "food",
        "Deliveries per courier: average distance, daily by time delivered",
        mart(
            "delivery.deliveries",
            [["avg", "distance_km"]],
            ["courier_id"],
            mart__time_grain=["delivered_at", "day"],
        ),
    ),
    (
        "helpdesk",
        "Tickets per priority: count, weekly by date resolved",
        mart("support.tickets", [["count", None]], ["priority"], mart__time_grain=["resolved_at", "week"]),
    ),
    ("helpdesk", "Tickets per priority: count, weekly by date closed", ASKED),
]

# A price noun with the unit it is the price of («цена за штуку», «цена за тонну», «ставка за час»): the unit
# belongs to the price, no sum of the counted column beside it, and never read again after «и». A unit that says
# more («за минуту зарядки») is left to the other rules.
PRICE_PER_UNIT = [
    (
        "food",
        "Позиции заказов: средняя цена за штуку по блюдам",
        mart("sales.order_items", [["avg", "unit_price"]], ["menu_item_id"]),
    ),
    (
        "agro",
        "Договоры продаж: средняя цена за тонну и максимальный объём по культурам",
        mart("sales.contracts", [["avg", "price_per_t"], ["max", "volume_t"]], ["crop_id"]),
    ),
    (
        "pharmacy",
        "Позиции чеков: средняя цена за упаковку и максимальное количество по препаратам",
        mart("sales.receipt_lines", [["avg", "unit_price"], ["max", "quantity"]], ["drug_id"]),
    ),
    (
        "food",
        "Позиции заказов: средняя цена за штуку и число позиций по блюдам",
        mart("sales.order_items", [["avg", "unit_price"], ["count", None]], ["menu_item_id"]),
    ),
    ("evcharge", "Тарифы: средняя цена за минуту зарядки по валютам", ASKED),
]

# «объём» before «по»: the size noun is the measured word ('Объём, л'), not «размер/объём» of a genitive after
# it (one rare parse of «по» is the noun ПО, which made «по» look like that genitive and the average bare).
SIZE_NOUN_ALONE = [
    (
        "agro",
        "Топливо: средний объём по видам топлива",
        mart("ops.fuel_logs", [["avg", "liters"]], ["fuel_kind"]),
    ),
]

# A measure whose column's comment goes on with «по …» («Объём по договору», «Штраф по договору»): the words
# after «по» are the measure's, not a dimension; never dropped from a list.
COMMENT_WITH_PO = [
    (
        "agro",
        "Договоры продаж: средний объём по договору и средняя цена за тонну по культурам",
        mart("sales.contracts", [["avg", "volume_t"], ["avg", "price_per_t"]], ["crop_id"]),
    ),
    (
        "helpdesk",
        "Нарушения SLA: средний штраф по договору по видам нарушения",
        mart("support.sla_breaches", [["avg", "penalty_rub"]], ["breach_kind"]),
    ),
]

# «по полям:», «в разрезе полей,» over agro's field operations: «поле» is also the noun of a column («по полю
# region»), but before punctuation it names no column after it: the fields are the dimension (field_id).
FIELDS_BEFORE_PUNCTUATION = [
    (
        "agro",
        "Полевые работы по полям: число операций",
        mart("ops.field_operations", [["count", None]], ["field_id"]),
    ),
    (
        "agro",
        "Полевые работы в разрезе полей, сколько операций и средняя площадь",
        mart("ops.field_operations", [["count", None], ["avg", "area_ha"]], ["field_id"]),
    ),
]

# "X in total" ending its item totals X, as "total X" does; a bare "in total" stays asked.
IN_TOTAL_AFTER = [
    (
        "carshare",
        "Trips per tariff: distance in total and trip count, weekly by start",
        mart(
            "rental.trips",
            [["sum", "distance_km"], ["count", None]],
            ["tariff"],
            mart__time_grain=["started_at", "week"],
        ),
    ),
    (
        "agro",
        "Refuels by fuel kind: liters in total and refuel count, monthly",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"], ["count", None]],
            ["fuel_kind"],
            mart__time_grain=["refueled_at", "month"],
        ),
    ),
    ("agro", "Refuels by fuel kind: in total and refuel count", ASKED),
]

CASES = [
    *FIELDS_BEFORE_PUNCTUATION,
    *IN_TOTAL_AFTER,
    *SPELLED_IN_COMMENT,
    *SEND_TIME,
    *DATE_THEN_PARTICIPLE,
    *PRICE_PER_UNIT,
    *SIZE_NOUN_ALONE,
    *COMMENT_WITH_PO,
]


@pytest.mark.parametrize(("catalog", "text", "expected"), CASES)
def test_round125(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []
