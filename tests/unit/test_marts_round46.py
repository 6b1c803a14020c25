"""Mart requests of round marts46 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A state said excluded ("cancelled trips excluded", "excluding declined transactions") was also read as
   the rows' state by the English state rule: `status <> 'cancelled' AND status = 'cancelled'`, a mart of no
   rows, planned. The excluded word is the filter rules' negation only; and one WHERE that both requires and
   excludes one value of a column is asked, whichever rules read it.
2. A dimension reached through a key the words name by its role ("by arrival airport country", «по стране
   аэропорта прилёта», «по названию зоны старта»): the English words "arrival airport" matched the fact's
   key column arrival_airport and the attribute after them was dropped (grouped by the airport code); the
   Russian role words (прилёт, вылет, старт, завершение) and the key names' role parts (departure_airport,
   start_zone_id) picked no path, so the resolver asked between them. Now the attribute of the referenced
   table, joined along that key (through the table the fact points at when the key is there: tickets ->
   flights.departure_airport, "tickets per departure airport name", "price per arrival country"); an
   attribute it does not have is asked.
3. An aggregate before a list of measure nouns carries over «и»/"and" («среднее количество взрослых и
   детей», "average distance and duration of trips"): the second noun was summed.
4. A column name spelled with a hyphen for its underscore ("month of check-in", "monthly by check-out
   date"): the grain asked which time column, and "check-out date" grouped by the guests' birth_date (its
   "date" word) beside the grain, confident wrong. Now check_in / check_out, the grain's column; likewise a
   column two English words spell after "month of" ("of scheduled departure": scheduled_departure, whose
   second word was read as a dimension and asked).

First pass, against the unchanged planner (0d39ebf, scored from `git archive` of it): 26 of the 31 tests failed
(the five controls passed); the three one-step-further cases and the two English "start"/"end" ones of
section 2 were added after its first rule, section 4 after the rules of 1-3.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

EXCLUDED_STATE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "carshare",
        "average trip cost per tariff, excluding cancelled trips",
        mart("rental.trips", [["avg", "total_cost"]], ["tariff"], mart__where="status <> 'cancelled'"),
    ),
    (
        "bank",
        "total transaction amount by merchant, declined transactions excluded",
        mart("core.transactions", [["sum", "amount"]], ["merchant_name"], mart__where="status <> 'declined'"),
    ),
    (
        "bank",
        "total transaction amount by merchant, excluding declined transactions",
        mart("core.transactions", [["sum", "amount"]], ["merchant_name"], mart__where="status <> 'declined'"),
    ),
    (
        "hotel",
        "average total amount of reservations by channel, cancelled reservations excluded",
        mart(
            "booking.reservations",
            [["avg", "total_amount"]],
            ["channel"],
            mart__where="status <> 'cancelled'",
        ),
    ),
    (
        "logistics",
        "average shipment weight by origin hub, excluding lost shipments",
        mart(
            "shipments",
            [["avg", "weight_kg"]],
            ["origin_hub_id"],
            mart__where="status IS DISTINCT FROM 'lost'",
        ),
    ),
]

CONTRADICTION_ASKED: list[tuple[str, str]] = [
    ("carshare", "average trip cost per tariff, only cancelled trips, excluding cancelled trips"),
    ("logistics", "средний вес отправлений по статусам, только потерянные, без потерянных"),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), EXCLUDED_STATE)
def test_excluded_state_is_no_required_state(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text"), CONTRADICTION_ASKED)
def test_contradicting_conditions_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_required_and_excluded_value_found_in_a_where() -> None:
    from airflow_ai_etl.planning.marts.row_filters import _contradicted

    assert _contradicted("status <> 'cancelled' AND status = 'cancelled'") == (
        "status",
        "status = 'cancelled'",
        "status <> 'cancelled'",
    )
    assert _contradicted("amount > 5 AND status IS DISTINCT FROM 'x' AND status = 'x'") == (
        "status",
        "status = 'x'",
        "status IS DISTINCT FROM 'x'",
    )
    assert _contradicted("(a = 'x' OR a = 'y') AND a <> 'x'") is None
    assert _contradicted("status <> 'cancelled' AND channel = 'cancelled'") is None
    assert _contradicted("status = 'paid'") is None


ROLE_KEY_DIMENSION: list[tuple[str, str, dict[str, Any]]] = [
    (
        "airline",
        "average delay by departure airport city",
        mart("ops.flights", [["avg", "delay_min"]], ["city"], mart__joins=["airports"]),
    ),
    (
        "airline",
        "max delay by arrival airport name",
        mart("ops.flights", [["max", "delay_min"]], ["name"], mart__joins=["airports"]),
    ),
    (
        "airline",
        "средняя задержка по стране аэропорта прилёта",
        mart("ops.flights", [["avg", "delay_min"]], ["country"], mart__joins=["airports"]),
    ),
    (
        "airline",
        "средняя задержка рейсов по городу аэропорта вылета",
        mart("ops.flights", [["avg", "delay_min"]], ["city"], mart__joins=["airports"]),
    ),
    (
        "carshare",
        "средняя стоимость поездки по городу зоны старта",
        mart("rental.trips", [["avg", "total_cost"]], ["city"], mart__joins=["zones"]),
    ),
    (
        "carshare",
        "trips count by start zone name",
        mart("rental.trips", [["count", None]], ["name"], mart__joins=["zones"]),
    ),
    (
        "carshare",
        "trips per end zone per month of start",
        mart("rental.trips", [["count", None]], ["end_zone_id"], mart__time_grain=["started_at", "month"]),
    ),
    (  # a key one step further: tickets -> flights.arrival_airport -> airports
        "airline",
        "average ticket price per arrival country",
        mart("sales.tickets", [["avg", "price"]], ["country"], mart__joins=["ops.flights", "airports"]),
    ),
    (
        "airline",
        "number of tickets per departure airport name per day of issue",
        mart(
            "sales.tickets",
            [["count", None]],
            ["name"],
            mart__time_grain=["issued_at", "day"],
            mart__joins=["ops.flights", "airports"],
        ),
    ),
    (
        "logistics",
        "number of returns per origin hub city",
        mart("returns", [["count", None]], ["city"], mart__joins=["shipments", "hubs"]),
    ),
    (  # control: a role word the key names already matched
        "logistics",
        "average weight by destination hub city",
        mart("shipments", [["avg", "weight_kg"]], ["city"], mart__joins=["hubs"]),
    ),
]

ROLE_KEY_ASKED: list[tuple[str, str]] = [
    ("airline", "average delay by arrival airport gate"),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), ROLE_KEY_DIMENSION)
def test_attribute_through_a_role_key(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text"), ROLE_KEY_ASKED)
def test_unknown_attribute_through_a_role_key_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


CARRIED_AGGREGATE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "hotel",
        "среднее количество взрослых и детей по каналам",
        mart("booking.reservations", [["avg", "adults"], ["avg", "children"]], ["channel"]),
    ),
    (
        "hotel",
        "максимальное число взрослых и детей по каналам",
        mart("booking.reservations", [["max", "adults"], ["max", "children"]], ["channel"]),
    ),
    (
        "hotel",
        "average number of adults and children per reservation by channel",
        mart("booking.reservations", [["avg", "adults"], ["avg", "children"]], ["channel"]),
    ),
    (
        "carshare",
        "average distance and duration of trips by tariff",
        mart("rental.trips", [["avg", "distance_km"], ["avg", "duration_min"]], ["tariff"]),
    ),
    (  # controls: a sum carried is a sum; a second measure with its own word keeps it
        "hotel",
        "сумма взрослых и детей по каналам",
        mart("booking.reservations", [["sum", "adults"], ["sum", "children"]], ["channel"]),
    ),
    (
        "hotel",
        "среднее число взрослых и количество броней по каналам",
        mart("booking.reservations", [["avg", "adults"], ["count", None]], ["channel"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), CARRIED_AGGREGATE)
def test_aggregate_carried_over_and(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


SPELLED_COLUMN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "hotel",
        "Number of reservations by channel, monthly by check-out date",
        mart(
            "booking.reservations",
            [["count", None]],
            ["channel"],
            mart__time_grain=["check_out", "month"],
        ),
    ),
    (
        "hotel",
        "average total amount per week of check-in",
        mart("booking.reservations", [["avg", "total_amount"]], [], mart__time_grain=["check_in", "week"]),
    ),
    (
        "hotel",
        "number of reservations by room type per day of check-out",
        mart(
            "booking.reservations",
            [["count", None]],
            ["room_type"],
            mart__time_grain=["check_out", "day"],
            mart__joins=["booking.rooms"],
        ),
    ),
    (
        "airline",
        "max delay per week of scheduled departure",
        mart("ops.flights", [["max", "delay_min"]], [], mart__time_grain=["scheduled_departure", "week"]),
    ),
    (
        "airline",
        "number of flights per day of actual departure",
        mart("ops.flights", [["count", None]], [], mart__time_grain=["actual_departure", "day"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), SPELLED_COLUMN)
def test_column_spelled_with_a_hyphen(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
