"""Marts round 93: a measure named by its unit, quantity or money noun.

Families (mart requests asked where the catalog's comments say which numeric column is meant, or planned wrong):
1. A unit noun («литры», «минуты», «нормо-часы», «киловатт-часы», "minutes", "kilometers") heading the measure,
   with or without a measure word, sums the one numeric column whose name or comment carries that unit
   (liters, duration_min 'Длительность, мин', labor_hours 'Нормо-часы', energy_kwh '…, кВт·ч'); a noun of the
   fact's rows qualifying it («литры топлива», «минуты поездок», "procedure minutes") says whose. Two columns
   of that unit (bytes_up, bytes_down) are asked naming both; a unit no column carries is asked.
2. A money noun naming a money column by its comment sums that column: "payouts" of approved_amount ('Сумма к
   выплате'), "rent" of monthly_rent ('Арендная плата в месяц'), "loan volume" of principal ('Сумма кредита').
3. An explicit column in brackets after a count restates it: «сколько штук заказали … (сумма quantity)» is one
   sum of quantity, no count beside it.

Requests of my own over several catalogs, RU and EN; and requests that must still ask (two columns of one unit,
a unit no column carries, a bare "amounts" between two money columns) or still count ("folio charges by week").

First pass (at ab091c9, before the rules): 16 of 23 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # 1. a unit noun
        (
            "logistics",
            "Литры топлива по машинам по неделям",
            mart(
                "fleet.fuel_cards",
                [["sum", "liters"]],
                ["vehicle_id"],
                mart__time_grain=["refueled_at", "week"],
            ),
        ),
        (
            "autoservice",
            "Нормо-часы по мастерам помесячно",
            mart(
                "service.work_orders",
                [["sum", "labor_hours"]],
                ["mechanic_id"],
                mart__time_grain=["opened_at", "month"],
            ),
        ),
        (
            "autoservice",
            "Сколько нормо-часов по мастерам",
            mart("service.work_orders", [["sum", "labor_hours"]], ["mechanic_id"]),
        ),
        (
            "evcharge",
            "Киловатт-часы по станциям",
            mart("charging.sessions", [["sum", "energy_kwh"]], ["station_id"]),
        ),
        (
            "carshare",
            "Минуты поездок по тарифам",
            mart("rental.trips", [["sum", "duration_min"]], ["tariff"]),
        ),
        (
            "vet",
            "Минуты процедур по врачам",
            mart("care.treatments", [["sum", "duration_min"]], ["vet_id"]),
        ),
        (
            "vet",
            "total procedure minutes per vet per week",
            mart(
                "care.treatments",
                [["sum", "duration_min"]],
                ["vet_id"],
                mart__time_grain=["performed_at", "week"],
            ),
        ),
        (
            "carshare",
            "trip kilometers per tariff",
            mart("rental.trips", [["sum", "distance_km"]], ["tariff"]),
        ),
        # 2. a money noun
        (
            "insurance",
            "claim payouts by claim type",
            mart("settlement.claims", [["sum", "approved_amount"]], ["claim_type"]),
        ),
        (
            "insurance",
            "total payouts per claim type, paid claims only",
            mart(
                "settlement.claims",
                [["sum", "approved_amount"]],
                ["claim_type"],
                mart__where="status = 'paid'",
            ),
        ),
        (
            "insurance",
            "Выплаты по типам событий",
            mart("settlement.claims", [["sum", "approved_amount"]], ["claim_type"]),
        ),
        (
            "realty",
            "rent of active leases summed per agent",
            mart("sales.leases", [["sum", "monthly_rent"]], ["agent_id"], mart__where="status = 'active'"),
        ),
        (
            "bank",
            "Loans mart: loan volume by product",
            mart("lending.loans", [["sum", "principal"]], ["product"]),
        ),
        # 3. an explicit column in brackets restates the count
        (
            "food",
            "Сколько блюд заказали по категориям меню (сумма quantity)",
            mart(
                "sales.order_items",
                [["sum", "quantity"]],
                ["category"],
                mart__joins=["menu_items"],
            ),
        ),
        (
            "food",
            "how many portions were ordered per menu category (sum of quantity)",
            mart(
                "sales.order_items",
                [["sum", "quantity"]],
                ["category"],
                mart__joins=["menu_items"],
            ),
        ),
    ],
)
def test_planned(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text", "named"),
    [
        ("telecom", "Байты по точкам доступа", ["bytes_up", "bytes_down"]),  # two columns of one unit
        ("telecom", "bytes per access point", []),
        ("telecom", "call minutes by direction", []),  # duration_sec is in seconds: no column in minutes
        ("evcharge", "Минуты по станциям", []),  # price_per_minute is a price, not minutes
        ("insurance", "total amounts by claim type", []),  # claimed or approved, of claims or premiums
    ],
)
def test_still_asks(catalog: str, text: str, named: list[str]) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    asked = " ".join(outcome.questions)
    assert all(name in asked for name in named), asked


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        ("hotel", "folio charges by week", [["count", None]]),  # a noun naming only its table counts rows
        ("insurance", "claims by claim type", [["count", None]]),
        ("carshare", "Поездки по тарифам", [["count", None]]),
    ],
)
def test_still_counts(catalog: str, text: str, expected: list) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.mart is not None
    assert [[m.func, m.column] for m in outcome.spec.source.mart.measures] == expected
