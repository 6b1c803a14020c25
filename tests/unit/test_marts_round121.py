"""Marts round 121 (issue 16: two measures joined by «и»/"and", each read or asked, never dropped or doubled).

Still asked on main (5ac3e5e): bb/zt's «литры и сумма посуточно …», «Пробег в км и длительность в минутах …»,
«записано человек и вместимость …», «Стоимость работ и запчастей …», «Средняя оценка еды и оценка доставки …».
Each item alone was planned; joined by «и» the second (or both) fell out of the measure rules.

First pass (on 5ac3e5e, before any change): 9 of 13 failed, one of them wrong confident: «Средняя оценка доставки
и оценка еды» planned avg(delivery_rating), avg(rating) (the second «оценка» read as the general rating
'Общая оценка', «еды» dropped). Asked: «литры и сумма понедельно» (no «по» ends the list), «длительность в
минутах и стоимость», «расстояние в км и чаевые», «длительность в минутах и вместимость» (the unit restating
the first item's column made two words name one column, and the list was dropped), «записано человек и
вместимость», «Стоимость запчастей и работ» (read as the parts table), «средняя оценка еды и доставки»,
«Максимальная стоимость работ и стоимость запчастей» (asked for a 'price' column). The four that passed: «сумма
и литры помесячно …» (a measure word first), «вместимость и записано человек», and the two guards.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, wrong_of

# A list of bare column words ended by a grain adverb («посуточно», «понедельно», "weekly"), not by «по»/"by":
# the words before the grain adverb are the measures, as before «по» («литры и сумма по дням» was planned).
GRAIN_ADVERB_END = [
    (
        "logistics",
        "Топливные карты: литры и сумма понедельно",
        mart(
            "fleet.fuel_cards",
            [["sum", "liters"], ["sum", "amount"]],
            [],
            mart__time_grain=["refueled_at", "week"],
        ),
    ),
    (
        "logistics",
        "Заправки по топливным картам: сумма и литры помесячно по времени заправки",
        mart(
            "fleet.fuel_cards",
            [["sum", "liters"], ["sum", "amount"]],
            [],
            mart__time_grain=["refueled_at", "month"],
        ),
    ),
]

# «длительность в минутах и стоимость»: the unit after «в» restates the column its noun names (duration_min
# 'Длительность, мин'), so the two words are one item, and the other item after «и» is a second sum.
UNIT_RESTATED = [
    (
        "vet",
        "Процедуры: длительность в минутах и стоимость по врачам помесячно",
        mart(
            "care.treatments",
            [["sum", "duration_min"], ["sum", "cost"]],
            ["vet_id"],
            mart__time_grain=["performed_at", "month"],
        ),
    ),
    (
        "food",
        "Доставки: расстояние в км и чаевые по курьерам посуточно по времени назначения",
        mart(
            "delivery.deliveries",
            [["sum", "distance_km"], ["sum", "tip_amount"]],
            ["courier_id"],
            mart__time_grain=["assigned_at", "day"],
        ),
    ),
    (
        "fitness",
        "Групповые занятия: длительность в минутах и вместимость по тренерам помесячно",
        mart(
            "schedule.group_classes",
            [["sum", "duration_min"], ["sum", "capacity"]],
            ["trainer_id"],
            mart__time_grain=["starts_at", "month"],
        ),
    ),
]

# A participle item said by its column's whole comment ('Записано человек') and a bare column noun after «и».
PARTICIPLE_ITEM = [
    (
        "fitness",
        "Групповые занятия: записано человек и вместимость по клубам помесячно",
        mart(
            "schedule.group_classes",
            [["sum", "booked_count"], ["sum", "capacity"]],
            ["club_id"],
            mart__time_grain=["starts_at", "month"],
        ),
    ),
    (
        "fitness",
        "Групповые занятия: вместимость и записано человек по клубам помесячно",
        mart(
            "schedule.group_classes",
            [["sum", "booked_count"], ["sum", "capacity"]],
            ["club_id"],
            mart__time_grain=["starts_at", "month"],
        ),
    ),
]

# «Стоимость работ и запчастей»: a head noun said once before two genitives, each spelling a numeric column's
# whole comment with it ('Стоимость работ', 'Стоимость запчастей'); «Средняя оценка еды и оценка доставки»: a
# measure word before a head noun said again after «и» carries over (English: "total bytes down and bytes up").
SHARED_HEAD = [
    (
        "autoservice",
        "Стоимость запчастей и работ по станциям помесячно по дате закрытия наряда",
        mart(
            "service.work_orders",
            [["sum", "labor_amount"], ["sum", "parts_amount"]],
            ["station_id"],
            mart__time_grain=["closed_at", "month"],
        ),
    ),
    (
        "food",
        "Средняя оценка доставки и оценка еды по ресторанам помесячно",
        mart(
            "crm.reviews",
            [["avg", "food_rating"], ["avg", "delivery_rating"]],
            ["restaurant_id"],
            mart__time_grain=["created_at", "month"],
        ),
    ),
    (
        "food",
        "Отзывы: средняя оценка еды и доставки по ресторанам понедельно",
        mart(
            "crm.reviews",
            [["avg", "food_rating"], ["avg", "delivery_rating"]],
            ["restaurant_id"],
            mart__time_grain=["created_at", "week"],
        ),
    ),
    (
        "autoservice",
        "Максимальная стоимость работ и стоимость запчастей по мастерам помесячно по дате закрытия наряда",
        mart(
            "service.work_orders",
            [["max", "labor_amount"], ["max", "parts_amount"]],
            ["mechanic_id"],
            mart__time_grain=["closed_at", "month"],
        ),
    ),
    (  # guard: the second item has its own measure word
        "food",
        "Средняя оценка еды и число отзывов по ресторанам помесячно",
        mart(
            "crm.reviews",
            [["avg", "food_rating"], ["count", None]],
            ["restaurant_id"],
            mart__time_grain=["created_at", "month"],
        ),
    ),
    (  # guard: a head noun that names no second column is not doubled into an unknown one (asked or planned)
        "food",
        "Средняя оценка еды и оценка курьера по ресторанам помесячно",
        {"status": "needs_clarification"},
    ),
]


@pytest.mark.parametrize(
    ("catalog", "text", "expected"), [*GRAIN_ADVERB_END, *UNIT_RESTATED, *PARTICIPLE_ITEM, *SHARED_HEAD]
)
def test_two_measures_joined(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# Added with their rules (not in the first pass above; both failed on 5ac3e5e, asked): "plus" opening one more
# measure after a grouping ("per day, plus total …" read "plus total …" as a dimension), and "top <noun>" as
# the highest reading ("top speed"). "top 5 …" and "top <plural>" rank rows, which stays asked.
PLUS_AND_TOP = [
    (
        "airline",
        "Tickets per fare class per day, plus total baggage in kg",
        mart(
            "sales.tickets",
            [["count", None], ["sum", "baggage_kg"]],
            ["fare_class"],
            mart__time_grain=["issued_at", "day"],
        ),
    ),
    (
        "agro",
        "Telemetry: top speed per machine, hourly by recorded time",
        mart(
            "ops.telemetry", [["max", "speed_kmh"]], ["machine_id"], mart__time_grain=["recorded_at", "hour"]
        ),
    ),
    ("agro", "Top 5 machines by fuel level, hourly by recorded time", {"status": "needs_clarification"}),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), PLUS_AND_TOP)
def test_plus_and_top(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# Added with its rule (not in the first pass; on 5ac3e5e «одной поездки» was asked, «одной» unread, and
# «каждой заправки» already planned): «один»/«каждый» before
# the rows' noun after a max/min/avg measure says the measure is per row, nothing more. A sum of "one refuel"
# stays asked. (bb's mbb-ru-02 is still asked: beside «средняя цена за литр», «объём» is asked between liters
# and price_per_liter.)
ONE_ROW = [
    (
        "agro",
        "Заправки: максимальный объём каждой заправки по машинам помесячно",
        mart("ops.fuel_logs", [["max", "liters"]], ["machine_id"], mart__time_grain=["refueled_at", "month"]),
    ),
    (
        "carshare",
        "Поездки: средний пробег одной поездки по тарифам понедельно",
        mart("rental.trips", [["avg", "distance_km"]], ["tariff"], mart__time_grain=["started_at", "week"]),
    ),
    (
        "agro",
        "Заправки: суммарный объём одной заправки по машинам помесячно",
        {"status": "needs_clarification"},
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), ONE_ROW)
def test_one_row(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []
