"""Marts round 119 (blind batch ba: measure words).

Wrong confident (found by marts116): «Сумма литров дизеля, по неделям заправки» planned sum(liters) with no
`fuel_kind = 'diesel'`: a Russian genitive right after the word naming the measured column («литров») was read
as what the quantity is of («сумма часов работы»), even when it is a value a text column of the fact lists
(fuel_kind 'diesel, petrol, gas'); English "liters of diesel" dropped the value the same way. A listed value
inside a measure phrase is the rows' condition, never dropped. Also asked: "per mechanic: count and average
labor hours, week over week by close date" read "per mechanic" (said before the average, in the title) as a
ratio "labor hours per mechanic".

First pass (on a876521, before any change; the English "liters of <value>" cases were first written expecting
the filter, then changed to "asked" as the filter rules read no bare English value; both forms failed on
a876521): 6 of 11 failed, five of them wrong confident (the fuel kind dropped: «Сумма литров бензина, по …»,
«литры бензина и количество …», «Литры бензина по машинам», "Total liters of petrol", "Liters of diesel and
number of refuelings"; all planned sum(liters) over every fuel) and one asked ("per station … month over month
by close date"). The five that passed are guards and neighbours ("diesel fuel", «сумма отработанных часов
смен», "average … per mechanic by station" stays a ratio, "Treatments per vet …", «Суммарно литров дизеля
по машинам» with no comma).
"""

from __future__ import annotations

import pytest

from tests.planned import mart, wrong_of

CASES = [
    (  # a listed value in the genitive after the measured column's word, at a clause's end
        "agro",
        "Сумма литров бензина, по месяцам заправки",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"]],
            [],
            mart__time_grain=["refueled_at", "month"],
            mart__where="fuel_kind = 'petrol'",
        ),
    ),
    (
        "agro",
        "Суммарно литров дизеля по машинам, понедельно",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"]],
            ["machine_id"],
            mart__time_grain=["refueled_at", "week"],
            mart__where="fuel_kind = 'diesel'",
        ),
    ),
    (  # English: "liters of <value>": a bare English value the filter rules do not read alone, asked, never dropped
        "agro",
        "Total liters of petrol, weekly by refuel time",
        {"status": "needs_clarification"},
    ),
    (
        "agro",
        "Liters of diesel and number of refuelings per machine, monthly",
        {"status": "needs_clarification"},
    ),
    (  # the value said with its noun is read ("diesel fuel")
        "agro",
        "Liters of diesel fuel per machine, monthly",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"]],
            ["machine_id"],
            mart__time_grain=["refueled_at", "month"],
            mart__where="fuel_kind = 'diesel'",
        ),
    ),
    (  # a unit noun heading a list, its value right after («литры бензина и число …»)
        "agro",
        "Заправки: литры бензина и количество заправок по машинам, помесячно",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"], ["count", None]],
            ["machine_id"],
            mart__time_grain=["refueled_at", "month"],
            mart__where="fuel_kind = 'petrol'",
        ),
    ),
    (
        "agro",
        "Литры бензина по машинам, помесячно",
        mart(
            "ops.fuel_logs",
            [["sum", "liters"]],
            ["machine_id"],
            mart__time_grain=["refueled_at", "month"],
            mart__where="fuel_kind = 'petrol'",
        ),
    ),
    (  # guard: a genitive that is no listed value still describes the quantity («сумма часов работы»)
        "agro",
        "Сумма отработанных часов смен по работникам, помесячно",
        mart(
            "ops.shifts",
            [["sum", "hours_worked"]],
            ["worker_id"],
            mart__time_grain=["shift_date", "month"],
        ),
    ),
    (  # "per <entity>" said before the average (a title's grouping) is no ratio of it
        "autoservice",
        "Work orders per station: count and average labor hours, month over month by close date",
        mart(
            "service.work_orders",
            [["count", None], ["avg", "labor_hours"]],
            ["station_id"],
            mart__time_grain=["closed_at", "month"],
        ),
    ),
    (
        "vet",
        "Treatments per vet: count and average duration in minutes, weekly by performed time",
        mart(
            "care.treatments",
            [["count", None], ["avg", "duration_min"]],
            ["vet_id"],
            mart__time_grain=["performed_at", "week"],
        ),
    ),
    (  # guard: "average ... per <entity>" after the average, beside another grouping, stays a ratio (asked)
        "autoservice",
        "Average labor hours per mechanic by station, monthly",
        {"status": "needs_clarification"},
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), CASES)
def test_measure_words(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# Added after the first fixes (first pass on a876521 in the comment of each list): a bracket glossing a measure
# with a numeric column's whole comment names that column, and a unit noun closing a list after a measure
# said with a measure word is its own sum. First pass on a876521: 4 of 7 failed (all asked: the vet and parts
# brackets, the unit noun after «сумма total_amount», and «средняя выручка (итоговая сумма)»); the three that
# passed are guards («стоимость работ и нормо-часы»; «сумма и литры», added after mzh-ru-18 regressed on an
# earlier form of the rule) and a neighbour (evcharge's «доход (стоимость зарядки)»).
GLOSSES_AND_LISTS = [
    (
        "vet",
        "Процедуры: выручка (стоимость процедуры) и средняя длительность по типам, помесячно",
        mart(
            "care.treatments",
            [["sum", "cost"], ["avg", "duration_min"]],
            ["treatment_type"],
            mart__time_grain=["performed_at", "month"],
        ),
    ),
    (
        "autoservice",
        "Заказ-наряды: выручка (стоимость запчастей) и нормо-часы по станциям помесячно",
        mart(
            "service.work_orders",
            [["sum", "parts_amount"], ["sum", "labor_hours"]],
            ["station_id"],
            mart__time_grain=["opened_at", "month"],
        ),
    ),
    (
        "autoservice",
        "Наряды: сумма total_amount и нормо-часы по мастерам, понедельно",
        mart(
            "service.work_orders",
            [["sum", "total_amount"], ["sum", "labor_hours"]],
            ["mechanic_id"],
            mart__time_grain=["opened_at", "week"],
        ),
    ),
    (  # guard: an average before the glossed noun stays the average
        "autoservice",
        "Заказ-наряды: средняя выручка (итоговая сумма) по мастерам помесячно",
        mart(
            "service.work_orders",
            [["avg", "total_amount"]],
            ["mechanic_id"],
            mart__time_grain=["opened_at", "month"],
        ),
    ),
    (  # guard: with no measure word before «и», the pair is the subject rules' (as before)
        "autoservice",
        "Заказ-наряды: стоимость работ и нормо-часы по мастерам понедельно",
        mart(
            "service.work_orders",
            [["sum", "labor_amount"], ["sum", "labor_hours"]],
            ["mechanic_id"],
            mart__time_grain=["opened_at", "week"],
        ),
    ),
    (  # guard: a bare «сумма» before «и» is the subject rules' pair (the money summed, and the liters)
        "logistics",
        "Топливные карты: сумма и литры по машинам, понедельно",
        mart(
            "fleet.fuel_cards",
            [["sum", "amount"], ["sum", "liters"]],
            ["vehicle_id"],
            mart__time_grain=["refueled_at", "week"],
        ),
    ),
    (
        "evcharge",
        "Зарядки: доход (стоимость зарядки) по станциям посуточно",
        mart("charging.sessions", [["sum", "cost"]], ["station_id"], mart__time_grain=["started_at", "day"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), GLOSSES_AND_LISTS)
def test_glosses_and_lists(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# A lead-in naming a table with nothing to sum is no fact of a sum: «Приёмы по врачам» says the comment of
# appointments ('Записи пациентов на приём к врачу'), but the duration summed is the visits'. First pass on
# a876521: 1 of 2 failed (asked which table holds «средняя длительность»); the count-only guard passed.
LEAD_INS = [
    (
        "clinic",
        "Приёмы по врачам: сколько приёмов и средняя длительность в минутах, помесячно по дате визита",
        mart(
            "visits",
            [["count", None], ["avg", "duration_min"]],
            ["doctor_id"],
            mart__time_grain=["visit_date", "month"],
        ),
    ),
    (  # guard: no sum said, the lead-in still names what is counted (asked between the two, as before)
        "clinic",
        "Приёмы по врачам: число приёмов по дням визита",
        {"status": "needs_clarification"},
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), LEAD_INS)
def test_lead_ins(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []
