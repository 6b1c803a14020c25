"""Marts round 109: the rows' count dropped when a closing "with total X" adds a sum (blind batch zw, wrong
confident mzw-en-04 "Field operations per machine type, …, with total area in hectares", mzw-en-19 "Fault
tickets in resolved status per technician, …, with total repair cost").

Causes: the opening rows were counted beside later measures (measures._counted_head, marts36/marts106) only
when the grouping word stood right after a one-word head (or its participle). An English head of two words
spelling the fact ("Field operations" of field_operations, "Charging sessions" of sessions) or a state phrase
after it ("in resolved status") moved "per" out of place, and the count was lost.

First pass: 5 of 5 planned cases failed (the Russian one still fails: xfail); 0 of 3 others failed. «Заправки по видам
топлива и сумма литров» was added after the rule (a one-word Russian head, counted before as well).

Then the asked mzw-en-05 ("liters and average price per liter by fuel kind"): "per liter" after "average price"
is the rest of price_per_liter's name, but the grouping it made (liters) was dropped only when it named the
averaged column itself; here another measure sums liters, so "liters is both computed and grouped by" was asked.
First pass of test_per_unit_of_another_measure: 2 of 2 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        (
            "agro",
            "Field operations per operation type, monthly, with total area in ha",
            mart("ops.field_operations", [["count", None], ["sum", "area_ha"]], ["operation_type"],
                 mart__time_grain=["started_at", "month"]),
        ),
        (
            "evcharge",
            "Fault tickets in open status per station, weekly, with total repair cost",
            mart("ops.fault_tickets", [["count", None], ["sum", "repair_cost"]], ["station_id"],
                 mart__time_grain=["opened_at", "week"], mart__where="status = 'open'"),
        ),
        (
            "evcharge",
            "Fault tickets per fault type, with total repair cost",
            mart("ops.fault_tickets", [["count", None], ["sum", "repair_cost"]], ["fault_type"]),
        ),
        (
            "evcharge",
            "Charging sessions per station, monthly, with total energy in kWh",
            mart("charging.sessions", [["count", None], ["sum", "energy_kwh"]], ["station_id"],
                 mart__time_grain=["started_at", "month"]),
        ),
        # Russian: a head of three words spelling the table's comment («Заявки на неисправности») is not
        # read as the counted rows yet (the sum alone is planned): left for a later round
        pytest.param(
            "evcharge",
            "Заявки на неисправности по типам неисправностей и сумма стоимости ремонта",
            mart("ops.fault_tickets", [["count", None], ["sum", "repair_cost"]], ["fault_type"]),
            marks=pytest.mark.xfail(reason="a Russian head of several words naming the fact", strict=True),
        ),
        (
            "agro",
            "Заправки по видам топлива и сумма литров",
            mart("ops.fuel_logs", [["count", None], ["sum", "liters"]], ["fuel_kind"]),
        ),
    ],
)  # fmt: skip
def test_count_kept_beside_with_total(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # a title then a colon: the measures say what of the rows, no count
        (
            "agro",
            "Field operations: total area in ha per operation type, weekly",
            mart("ops.field_operations", [["sum", "area_ha"]], ["operation_type"],
                 mart__time_grain=["started_at", "week"]),
        ),
        (
            "evcharge",
            "Станции: суммарная максимальная мощность по городам",
            mart("stations", [["sum", "max_power_kw"]], ["city"]),
        ),
    ],
)  # fmt: skip
def test_no_count_added(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_still_asks_unknown() -> None:
    assert (
        plan_in("agro", "Fuel logs: total volume in liters per fuel kind, weekly").status
        == "needs_clarification"
    )


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # "per liter" is the rest of price_per_liter's name though another measure sums liters (mzw-en-05 asked)
        (
            "agro",
            "Fuel logs: total liters and average price per liter by fuel kind, weekly",
            mart("ops.fuel_logs", [["sum", "liters"], ["avg", "price_per_liter"]], ["fuel_kind"],
                 mart__time_grain=["refueled_at", "week"]),
        ),
        (
            "agro",
            "Fuel logs: liters and average price per liter per machine",
            mart("ops.fuel_logs", [["sum", "liters"], ["avg", "price_per_liter"]], ["machine_id"]),
        ),
    ],
)  # fmt: skip
def test_per_unit_of_another_measure(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_grouped_by_the_summed_column_still_asked() -> None:
    # "total liters by liters": the same column measured and grouped by, asked as before
    assert plan_in("agro", "Fuel logs: total liters by liters").status == "needs_clarification"
