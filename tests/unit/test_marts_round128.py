"""Marts round 128 (sealed batch bd: the wrong confident marts left by marts127).

Each of bd's remaining wrong confident marts is a family, read here in general form on other catalogs:
- a kind of a JOINED table said as a hyphenated or compound noun («Сеансы в VIP-залах», «Электромобили: …» of
  trips, cars.fuel_type 'electric'; mbd-ru-38, mbd-ru-14) was dropped as a mere title: it is joined and
  filtered, or asked;
- "by members' card tier" (mbd-en-18): the possessive owner and a joined column's words were read as member_id,
  and "card" of "card tier" as payment_method = 'card': the dimension is the joined column (or asked);
- «часы всего и сверхурочные» (mbd-ru-17): two measures, the first one dropped;
- «число студентов-получателей» (mbd-ru-42): the people of a table the fact points at, counted as distinct keys,
  not the rows;
- must-ask times: a payment's nullable paid_at beside created_at with no state kept is asked (README marts66
  rule 2). bd's three must-ask marts (mbd-ru-18, mbd-ru-41, mbd-en-26) contradict readings the README documents
  (see WHICH_TIME) and are left as they are, disputed in the round's report.

First pass (the file as first written, at d614ff9 before any change): 18 of 26 failed.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

FIRST_PASS = "first pass: 18 of 26 failed at d614ff9 (before any rule changed)"


def _right_or_asked(catalog: str, text: str, expected: dict[str, Any]) -> None:
    """Planned right, or asked; never planned otherwise (a wrong confident mart)."""
    outcome = plan_in(catalog, text)
    if outcome.status == "needs_clarification":
        return
    assert wrong_of(catalog, text, expected) == [], text


# (catalog, request, the expected mart): a kind of a joined table, said as one word with that table's noun
JOINED_KINDS = [
    (
        "cinema",
        "Сеансы в IMAX-залах: сколько сеансов по кинотеатрам, посуточно",
        mart(
            "ops.screenings",
            [["count", None]],
            ["cinema_id"],
            mart__where="hall_type = 'imax'",
            mart__joins=["halls"],
            mart__time_grain=["starts_at", "day"],
        ),
    ),
    (
        "cinema",
        "Сеансы в VIP-залах: сумма проданных мест по кинотеатрам, помесячно",
        mart(
            "ops.screenings",
            [["sum", "seats_sold"]],
            ["cinema_id"],
            mart__where="hall_type = 'vip'",
            mart__joins=["halls"],
            mart__time_grain=["starts_at", "month"],
        ),
    ),
    (
        "carshare",
        "Электромобили: сколько поездок по тарифам, помесячно, за последние 30 дней",
        mart(
            "rental.trips",
            [["count", None]],
            ["tariff"],
            mart__joins=["fleet.cars"],
            mart__where="fuel_type = 'electric' AND started_at >= now() - interval '30 days'",
            mart__time_grain=["started_at", "month"],
        ),
    ),
    (
        "carshare",
        "Электромобили: число ремонтов по типам работ, помесячно",
        mart(
            "fleet.service_jobs",
            [["count", None]],
            ["job_type"],
            mart__joins=["fleet.cars"],
            mart__where="fuel_type = 'electric'",
            mart__time_grain=["opened_at", "month"],
        ),
    ),
    (
        "hotel",
        "Бронирования в suite-номерах: число бронирований по каналам, помесячно по дате заезда",
        mart(
            "booking.reservations",
            [["count", None]],
            ["channel"],
            mart__joins=["booking.rooms"],
            mart__where="room_type = 'suite'",
            mart__time_grain=["check_in", "month"],
        ),
    ),
    (
        "carshare",
        "Поездки на электромобилях: сколько поездок и общая стоимость по тарифам, понедельно",
        mart(
            "rental.trips",
            [["count", None], ["sum", "total_cost"]],
            ["tariff"],
            mart__joins=["fleet.cars"],
            mart__where="fuel_type = 'electric'",
            mart__time_grain=["started_at", "week"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), JOINED_KINDS)
def test_round128_joined_kind_is_joined_or_asked(catalog: str, text: str, expected: dict[str, Any]) -> None:
    _right_or_asked(catalog, text, expected)


# Added after the first pass (found while checking the family in English, where "Electric car trips" was
# planned over every trip): an English listed value right before the joined table's word. First pass of this
# list at d614ff9: 1 of 2 failed ("suite rooms" was read already)
ENGLISH_KINDS = [
    (
        "carshare",
        "Electric car trips: trip count and total cost by tariff, weekly",
        mart(
            "rental.trips",
            [["count", None], ["sum", "total_cost"]],
            ["tariff"],
            mart__joins=["fleet.cars"],
            mart__where="fuel_type = 'electric'",
            mart__time_grain=["started_at", "week"],
        ),
    ),
    (
        "hotel",
        "Reservations of suite rooms: number of reservations by channel, monthly by check-in date",
        mart(
            "booking.reservations",
            [["count", None]],
            ["channel"],
            mart__joins=["booking.rooms"],
            mart__where="room_type = 'suite'",
            mart__time_grain=["check_in", "month"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), ENGLISH_KINDS)
def test_round128_english_joined_kind(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == [], text


def test_round128_kind_two_joins_away_is_asked() -> None:
    """Fines point at trips, which point at cars: a kind of cars two joins away is asked, never dropped."""
    outcome = plan_in("carshare", "Электромобили: сумма штрафов по типам, помесячно")
    assert outcome.status == "needs_clarification", outcome.spec


def test_round128_joined_kind_planned_when_one_value() -> None:
    """The hyphenated kind names one listed value of the joined table: joined and filtered, not asked (IMAX
    is also a listed screenings.format, so «IMAX-залах» may be asked)."""
    for catalog, text, expected in JOINED_KINDS[1:]:
        assert wrong_of(catalog, text, expected) == [], text


# (catalog, request, expected): a possessive owner and a column of its table is that joined column
OWNER_COLUMNS = [
    (
        "cinema",
        "Bar orders by members' card tier: order count, weekly",
        mart(
            "sales.bar_orders",
            [["count", None]],
            ["tier"],
            mart__joins=["loyalty.members"],
            mart__time_grain=["ordered_at", "week"],
        ),
    ),
    (
        "cinema",
        "Ticket sales by members' card tier: tickets sold, monthly",
        mart(
            "sales.tickets",
            [["count", None]],
            ["tier"],
            mart__joins=["loyalty.members"],
            mart__time_grain=["sold_at", "month"],
        ),
    ),
    (
        "airline",
        "Tickets by passengers' loyalty tier: ticket count, monthly",
        mart("sales.tickets", [["count", None]], ["loyalty_tier"], mart__joins=["public.passengers"]),
    ),
    (
        "hotel",
        "Reservations by guests' loyalty level: number of reservations, monthly by check-in date",
        mart(
            "booking.reservations",
            [["count", None]],
            ["loyalty_level"],
            mart__joins=["guests"],
            mart__time_grain=["check_in", "month"],
        ),
    ),
    (
        "cinema",
        "Bar orders by members' tier: total amount, weekly, cash payments only",
        mart(
            "sales.bar_orders",
            [["sum", "total_amount"]],
            ["tier"],
            mart__joins=["loyalty.members"],
            mart__where="payment_method = 'cash'",
            mart__time_grain=["ordered_at", "week"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), OWNER_COLUMNS)
def test_round128_owner_column_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    _right_or_asked(catalog, text, expected)


def test_round128_plural_possessive_planned() -> None:
    """The plural possessive reads as its bare noun: the joined column, planned."""
    for catalog, text, expected in (OWNER_COLUMNS[0], OWNER_COLUMNS[3]):
        assert wrong_of(catalog, text, expected) == [], text


# (catalog, request, expected): a bare measure noun and an adjective item after «и» are two measures
TWO_ITEMS = [
    (
        "construction",
        "Табели: часы и сверхурочные по площадкам, посуточно",
        mart(
            "projects.timesheets",
            [["sum", "hours"], ["sum", "overtime_hours"]],
            ["site_id"],
            mart__time_grain=["work_date", "day"],
        ),
    ),
    (
        "construction",
        "Табели по площадкам: отработанные часы всего и сверхурочные, помесячно по рабочему дню",
        mart(
            "projects.timesheets",
            [["sum", "hours"], ["sum", "overtime_hours"]],
            ["site_id"],
            mart__time_grain=["work_date", "month"],
        ),
    ),
    (
        "construction",
        "Табели: часы всего и сверхурочные часы по площадкам, посуточно",
        mart(
            "projects.timesheets",
            [["sum", "hours"], ["sum", "overtime_hours"]],
            ["site_id"],
            mart__time_grain=["work_date", "day"],
        ),
    ),
    (  # marts132: read (lone_unit_items)
        "construction",
        "Табели иностранных рабочих: часы всего, посуточно",
        mart(
            "projects.timesheets",
            [["sum", "hours"]],
            [],
            mart__joins=["projects.workers"],
            mart__where="is_foreign = true",
            mart__time_grain=["work_date", "day"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), TWO_ITEMS)
def test_round128_two_measure_items(catalog: str, text: str, expected: dict[str, Any]) -> None:
    _right_or_asked(catalog, text, expected)


# (catalog, request, expected): «число студентов-получателей»: distinct people of the referenced table
PEOPLE_COUNTED = [
    (
        "univ",
        "Академические стипендии: число студентов-получателей помесячно (paid_at)",
        mart(
            "finance.scholarships",
            [["count_distinct", "student_id"]],
            [],
            mart__where="kind = 'academic'",
            mart__time_grain=["paid_at", "month"],
        ),
    ),
    (
        "univ",
        "Стипендии: сумма и число студентов-стипендиатов, помесячно (paid_at)",
        mart(
            "finance.scholarships",
            [["sum", "amount"], ["count_distinct", "student_id"]],
            [],
            mart__time_grain=["paid_at", "month"],
        ),
    ),
    (  # marts132: the rows' count is kept (and the monthly grain the request says is expected)
        "library",
        "Выдачи книг: сколько выдач и число читателей-получателей, помесячно",
        mart(
            "circ.loans",
            [["count", None], ["count_distinct", "reader_id"]],
            [],
            mart__time_grain=["issued_at", "month"],
        ),
    ),
    (
        "library",
        "Выдачи книг: число читателей-получателей, помесячно",
        mart("circ.loans", [["count_distinct", "reader_id"]], [], mart__time_grain=["issued_at", "month"]),
    ),
    (
        "carshare",
        "Платежи: сумма и число клиентов-плательщиков, помесячно по дате создания",
        mart(
            "rental.payments",
            [["sum", "amount"], ["count_distinct", "customer_id"]],
            [],
            mart__time_grain=["created_at", "month"],
        ),
    ),
    (
        "carshare",
        "Штрафы: сумма штрафов и число клиентов-нарушителей, помесячно",
        mart(
            "rental.fines",
            [["sum", "amount"], ["count_distinct", "customer_id"]],
            [],
            mart__time_grain=["issued_at", "month"],
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), PEOPLE_COUNTED)
def test_round128_people_counted_distinct(catalog: str, text: str, expected: dict[str, Any]) -> None:
    _right_or_asked(catalog, text, expected)


# must ask: a payment's nullable paid_at beside a NOT NULL created_at and no state kept (README, marts66 rule 2:
# "without such a state it stays asked", mx-en-08). Not changed this round, and kept out of this list: the
# readings the README documents the other way, which bd's must-ask marts contradict (each disputed in the report,
# as their family already is in eval/disputed.json): a Russian comment naming the event («Оплаты …» -> paid_at,
# marts30; mx-ru-07, mbd-ru-18), memberships' created_at 'Дата продажи' (mzq-en-25, mzo-ru-38; mbd-en-26) and
# grades.exam_date 'Дата экзамена' of 'Оценки за экзамены' (README "A grain beside created_at …"; mbd-ru-41).
ENGLISH_PAYMENTS = (
    "an English noun of a Russian-commented payments table is read as the comment's «Оплаты» (marts30)"
)
WHICH_TIME = [
    ("carshare", "Оплаты аренды: сумма по неделям"),
    ("carshare", "Customer payments: total per week by method"),
    pytest.param(
        "construction",
        "Contractor payments: total amount per month",
        marks=pytest.mark.xfail(strict=True, reason=ENGLISH_PAYMENTS),
    ),
]


@pytest.mark.parametrize(("catalog", "text"), WHICH_TIME)
def test_round128_two_times_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
