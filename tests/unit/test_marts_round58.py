"""Mart requests of round marts58 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

"How many <rows> each <dimension> <verb-ed>": the counted rows' event verb follows the dimension noun after
"each"; the verb names the fact's time column (signed -> signed_at), so it dates the grain and is no word of
the dimension ("agent signed" was asked as a column). A verb naming no time column of the fact is asked, never
dropped.

First pass, against the unchanged planner (6c37842): 5 of 7 failed before the rule (every
verb after "each" read as a word of the dimension; the two guards were asked already).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

EACH_DIMENSION_VERB: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bank",
        "How many accounts each client opened per month",
        mart("core.accounts", [["count", None]], ["client_id"], mart__time_grain=["opened_at", "month"]),
    ),
    (
        "hr",
        "Number of employees each department hired, monthly",
        mart("employees", [["count", None]], ["department_id"], mart__time_grain=["hired_at", "month"]),
    ),
    (
        "fitness",
        "How many bookings each member cancelled per week",
        mart(
            "schedule.bookings", [["count", None]], ["member_id"], mart__time_grain=["cancelled_at", "week"]
        ),
    ),
    (
        "telecom",
        "How many SIM cards each subscriber was issued per week",
        mart("sim_cards", [["count", None]], ["subscriber_id"], mart__time_grain=["issued_at", "week"]),
    ),
    (
        "insurance",
        "Count of claims each policy reported weekly",
        mart("settlement.claims", [["count", None]], ["policy_id"], mart__time_grain=["reported_at", "week"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), EACH_DIMENSION_VERB)
def test_event_verb_after_each_dimension_dates_the_grain(
    catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "How many accounts each client liked per month"),  # no liked_* column: asked
        ("hr", "Number of employees each department praised, monthly"),
    ],
)
def test_verb_naming_no_time_column_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status != "ok"


def test_noun_in_ing_after_each_stays_in_the_dimension() -> None:
    """ "each dorm building": "building" is a noun of the dimension, no event verb."""
    expected = mart("campus.dorm_residents", [["count", None]], ["building"])
    assert wrong_of("univ", "count of dorm residents in each dorm building", expected) == []
