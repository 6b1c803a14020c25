"""Mart requests of round marts35 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A sum of a rate, percentage, ratio or score column is asked, never planned: «общая процентная ставка по
   продуктам», "total rating of reviews by hotel", «сколько кредитов и на какую ставку»: adding up
   interest_rate, score, rating, stars or commission_rate makes no sense, so the user is asked which aggregate
   (the average?) or which other column is meant. avg/min/max of the same column stay as planned, and a sum of
   an ordinary quantity (duration_sec, principal) stays a sum.

First pass, against the unchanged planner (f44b0f0): 11 of 17 failed before the rule (all 11 sums planned
confidently: sum(interest_rate), sum(rate), sum(score), sum(rating), sum(stars), sum(commission_rate)); the 6
controls passed.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# (catalog, request): a sum of a rate/score column, asked
ASKED: list[tuple[str, str]] = [
    ("bank", "общая процентная ставка по продуктам"),
    ("bank", "суммарная ставка по кредитам в разрезе продукта"),
    ("bank", "сколько кредитов и на какую процентную ставку по продуктам"),
    ("bank", "total interest rate of loans by product"),
    ("bank", "сумма ставок по вкладам по валютам"),
    ("univ", "суммарный балл по курсам"),
    ("univ", "sum of score by course_id"),
    ("hotel", "общая оценка отзывов по месяцам"),
    ("hotel", "total rating of reviews per month"),
    ("hotel", "суммарная звёздность отелей по городам"),
    ("insurance", "total commission rate of agents by office city"),
]

# (catalog, request, expected): avg/min/max of the same columns and sums of ordinary columns, as before
KEPT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "bank",
        "средняя процентная ставка по продуктам",
        mart("lending.loans", [["avg", "interest_rate"]], ["product"]),
    ),
    (
        "bank",
        "max interest rate of loans by product",
        mart("lending.loans", [["max", "interest_rate"]], ["product"]),
    ),
    ("bank", "общая сумма кредитов по продуктам", mart("lending.loans", [["sum", "principal"]], ["product"])),
    ("univ", "средний балл по курсам", mart("grades", [["avg", "score"]], ["course_id"])),
    (
        "hotel",
        "average rating of reviews per month",
        mart("booking.reviews", [["avg", "rating"]], [], mart__time_grain=["published_at", "month"]),
    ),
    (
        "telecom",
        "общая длительность звонков по направлениям",
        mart("network.calls", [["sum", "duration_sec"]], ["direction"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text"), ASKED, ids=[c[1] for c in ASKED])
def test_sum_of_rate_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(word in outcome.questions[0] for word in ("rate", "score", "rating", "stars")), (
        outcome.questions
    )


@pytest.mark.parametrize(("catalog", "text", "expected"), KEPT, ids=[c[1] for c in KEPT])
def test_other_aggregates_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
