"""Marts round 108: measures named by a unit or by a column's comment noun, asked where a sum was expected
(blind batch zv: mzv-en-12 "total dose in ml", mzv-en-19 "total max power in kW").

Causes (found by printing the planner's question on each request of the family):
1. A unit said after a measure ("dose in ml", "area in ha"): the units read after a measure (words.MEASURE_UNITS)
   knew kg, km, kW, kWh but not ml or ha, so "ml" was left as residue and asked.
2. A max (or min) word right after a sum word ("total max power", «суммарная максимальная мощность») of a
   column whose name or comment begins with it (max_power_kw 'Максимальная мощность, кВт'): the max word took
   the noun and the sum asked which column (measures._extreme_adjective_of_column).
3. Spending said as «затраты на X», «расходы на X» of the column commented 'Стоимость X' (repair_cost
   'Стоимость ремонта'): «затраты» matched no comment and was asked (planning/marts/spending.py). Written
   after the first pass; 3 of 3 planned cases failed before the rule (asked «затраты»/«расходов»).

First pass (this file run against main d2716cd with the rules taken out): 4 of 6 planned cases failed ("sum of
dose in ml", "total area in ha", "total max power by owner company", «суммарная максимальная мощность»); 0 of 2
must-ask cases failed.
Left asked (not in this round): «итоговая сумма и нормо-часы» (a comment noun phrase listed with a second
measure), «сколько дней суммарно».
"""

from __future__ import annotations

import pytest

from tests.planned import mart, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # 1. a unit after a measure
        (
            "vet",
            "Vaccinations: sum of dose in ml by vaccine name, weekly",
            mart("care.vaccinations", [["sum", "dose_ml"]], ["vaccine_name"],
                 mart__time_grain=["vaccinated_at", "week"]),
        ),
        (
            "vet",
            "Vaccinations: total dose in millilitres per vaccine name, weekly",
            mart("care.vaccinations", [["sum", "dose_ml"]], ["vaccine_name"],
                 mart__time_grain=["vaccinated_at", "week"]),
        ),
        (
            "agro",
            "Field operations: total area in ha per operation type, weekly",
            mart("ops.field_operations", [["sum", "area_ha"]], ["operation_type"],
                 mart__time_grain=["started_at", "week"]),
        ),
        # 2. a max word after a sum word, beginning a column's name or comment
        (
            "evcharge",
            "Stations: total max power by owner company",
            mart("stations", [["sum", "max_power_kw"]], ["owner_company"]),
        ),
        (
            "evcharge",
            "Станции: суммарная максимальная мощность по городам",
            mart("stations", [["sum", "max_power_kw"]], ["city"]),
        ),
        (
            "evcharge",
            "Connectors: total power in kW per connector type",
            mart("connectors", [["sum", "power_kw"]], ["connector_type"]),
        ),
        # 3. «затраты/расходы на X» of 'Стоимость X'
        (
            "autoservice",
            "Заказ-наряды: затраты на запчасти по видам ремонта помесячно",
            mart("service.work_orders", [["sum", "parts_amount"]], ["repair_type"],
                 mart__time_grain=["opened_at", "month"]),
        ),
        (
            "autoservice",
            "Заказ-наряды: сумма расходов на работы по видам ремонта, помесячно",
            mart("service.work_orders", [["sum", "labor_amount"]], ["repair_type"],
                 mart__time_grain=["opened_at", "month"]),
        ),
        (
            "evcharge",
            "Заявки на неисправности: число заявок и затраты на ремонт по станциям, по неделям",
            mart("ops.fault_tickets", [["count", None], ["sum", "repair_cost"]], ["station_id"],
                 mart__time_grain=["opened_at", "week"]),
        ),
    ],
)  # fmt: skip
def test_unit_measure_is_planned(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # an average of the max word's column is not this rule's: avg and max both take it, asked
        ("evcharge", "Stations: average max power in kW per city"),
        # "total volume in liters" of fuel_logs: liters beside price_per_liter, asked as before
        ("agro", "Fuel logs: total volume in liters per fuel kind, weekly"),
        # «затраты на связь»: no column is 'Стоимость связи', asked as before
        ("evcharge", "Заявки на неисправности: затраты на связь по станциям, по неделям"),
    ],
)
def test_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
