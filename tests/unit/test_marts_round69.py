"""Mart requests of round marts69 (requests of my own over several catalogs, RU and EN, none copied from an eval
file), scored as the eval scores them (tests/planned.py).

Family (issue 16): a dimension that is an attribute of a joined table («по отделам (название отдела)», «по
госномерам машин», «по тарифам (название тарифа)») was read already; what asked was a word around it:

1. A state word glossed by a column condition after a dash or a colon («только работающие — fired_at пустой»,
   "only current ones — fired_at empty"): the condition says which rows the word means, no value of another
   column is asked for it. Without such a gloss («только работающие», «… — в отделе продаж») it is still asked.
2. An impersonal short participle of the counted rows («сколько абонентов подключено … по месяцам
   подключения») is the event the grain dates them by, as the finite verb («подключили») already was; one
   the grain does not date («отключено … по месяцам подключения») is still asked.
3. A short participle after a counted column's amount («сколько литров залито») is the fact's own event, as
   «сколько литров залили» already was, no state 'залитые' to filter on.
Two join paths to the joined table («по зонам (название зоны)» of trips: start or end zone) still ask.

First pass, against the unchanged planner (8e361c9): 9 of 15 failed before the rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

GLOSSED_STATE: list[tuple[str, str, dict[str, Any]]] = [
    ("hr", "Средний оклад по отделам, только работающие — fired_at пустой",
     mart("employees", [["avg", "salary"]], ["department_id"], mart__where="fired_at IS NULL")),
    ("hr", "Средний оклад по отделам (название отдела), только работающие: fired_at пустой",
     mart("employees", [["avg", "salary"]], ["name"], mart__joins=["departments"], mart__where="fired_at IS NULL")),
    ("hr", "Average salary per department, only current ones — fired_at empty",
     mart("employees", [["avg", "salary"]], ["department_id"], mart__where="fired_at IS NULL")),
    ("hotel", "Сумма стоимости проживания по отелям помесячно по дате создания брони, только живые — cancelled_at "
     "пустой",
     mart("booking.reservations", [["sum", "total_amount"]], ["hotel_id"], mart__joins=["booking.rooms"],
          mart__time_grain=["created_at", "month"], mart__where="cancelled_at IS NULL")),
    ("carshare", "Сумма платежей по способам оплаты по месяцам создания, только проведённые — paid_at заполнен",
     mart("rental.payments", [["sum", "amount"]], ["method"], mart__time_grain=["created_at", "month"],
          mart__where="paid_at IS NOT NULL")),
]  # fmt: skip

EVENT_PARTICIPLE: list[tuple[str, str, dict[str, Any]]] = [
    ("telecom", "Сколько абонентов подключено по месяцам подключения",
     mart("subscribers", [["count", None]], [], mart__time_grain=["activated_on", "month"])),
    ("telecom", "Сколько абонентов подключено по тарифам (название тарифа) помесячно по дате подключения",
     mart("subscribers", [["count", None]], ["name"], mart__joins=["tariffs"],
          mart__time_grain=["activated_on", "month"])),
    ("logistics", "Сколько литров залито по машинам (госномер) по неделям заправки",
     mart("fleet.fuel_cards", [["sum", "liters"]], ["plate_number"], mart__joins=["fleet.vehicles"],
          mart__time_grain=["refueled_at", "week"])),
    ("logistics", "Сколько литров залито по госномерам машин по дням заправки",
     mart("fleet.fuel_cards", [["sum", "liters"]], ["plate_number"], mart__joins=["fleet.vehicles"],
          mart__time_grain=["refueled_at", "day"])),
    # a state the grain does not date stays the condition it is
    ("hotel", "Сколько броней отменено по месяцам создания брони",
     mart("booking.reservations", [["count", None]], [], mart__time_grain=["created_at", "month"],
          mart__where="status = 'cancelled'")),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), GLOSSED_STATE + EVENT_PARTICIPLE)
def test_glossed_state_and_event_participle(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hr", "Средний оклад по отделам, только работающие"),  # no gloss: which column says «работающие»?
        ("hr", "Средний оклад по отделам, только работающие — в отделе продаж"),  # the dash glosses no column
        ("telecom", "Сколько абонентов отключено по месяцам подключения"),  # not the event the grain dates
        # trips reach zones by their start or by their end zone: which one is asked
        ("carshare", "Число поездок по зонам (название зоны) помесячно по началу аренды"),
        ("carshare", "Trips per zone (zone name), monthly by start"),
    ],
)
def test_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
