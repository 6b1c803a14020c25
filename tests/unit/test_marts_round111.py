"""Marts round 111 (issue 16): confident answers that dropped or misread a word of the request.

- a negated flag «без X» beside a listed value: «Питомцев: кошек и собак без стерилизации» loaded cats and dogs
  alone (the words «без стерилизации» read by no rule); "without X" of a flag read as "X = true";
- an English phrase of a round-the-clock flag on a table with no such flag ("Stations open round the clock" on
  evcharge loaded every station, "Cinemas open round the clock" was `is_open = true`);
- marts: "number of items per restaurant" over a table with no items column counted the rows;
  «итоговая сумма и сумма нормо-часов» dropped the total; «сумма в рублях и количество» counted the rows
  though «Количество» is a column's comment.

First pass: 8 of 15 failed (6 of 7 loads asked, 1 of 2 marts asked, 2 of 4 mart measures; the kept ones passed).
The bare «количество» rule was reverted before the deadline (it broke round14); marts114 fixed its case (a sum
said in a currency beside it), no longer xfail.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, ok, plan_in, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # «без X» beside a listed value: X names no flag any rule reads; «кошек-питомцев» stays asked
        # («Питомцы: собаки и птицы без стерилизации» is read since planner158: test_planner_round158.py)
        ("vet", "Собак и кошек-питомцев без стерилизации ежедневно в 6:30"),
        # an English phrase of a round-the-clock flag the table does not have
        ("evcharge", "Charging stations that are open round the clock, every day at 5"),
        ("evcharge", "Stations operating 24/7, daily at 1 am"),
        ("cinema", "Cinemas open around the clock, weekly on Mondays"),
        ("fitness", "Clubs open 24/7 every night at 2"),
        # "without X" read as "X = true"
        ("food", "Open restaurants without own delivery, every day at 7"),
    ],
)
def test_load_asks(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # kept: a flag «без X» the planner reads, and a round-the-clock flag the table has
        (
            "carshare",
            "Машины: электрические и гибридные без детского кресла ежедневно в 6",
            ok(source__table="fleet.cars", schedule="0 6 * * *",
               source__where="fuel_type IN ('electric', 'hybrid') AND has_child_seat = false"),
        ),
        (
            "pharmacy",
            "Pharmacies open round the clock, daily at 4",
            ok(source__table="pharmacies", schedule="0 4 * * *", source__where="is_round_the_clock = true"),
        ),
    ],
)  # fmt: skip
def test_load_kept(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # "items" of rows that hold no items column: the rows' count is no count of items
        pytest.param(
            "pharmacy",
            "Receipts: number of items per pharmacy",
            marks=pytest.mark.xfail(
                reason="a count of pieces over rows with no pieces column: not fixed yet", strict=True
            ),
        ),
        ("pharmacy", "Чеки: количество позиций по аптекам помесячно"),
    ],
)
def test_mart_asks(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        # «количество» beside another measure, the comment of a column ('Количество, упаковок'): its sum
        # marts114: «в рублях» on the sum tells the money from the pieces; round14's «сумма и количество» counts
        pytest.param(
            "pharmacy",
            "Строки чеков: сумма в рублях и количество по препаратам",
            mart("sales.receipt_lines", [["sum", "line_amount"], ["sum", "quantity"]], ["drug_id"]),
        ),
        (
            "pharmacy",
            "Receipt lines: amount and quantity per drug, monthly",
            mart("sales.receipt_lines", [["sum", "line_amount"], ["sum", "quantity"]], ["drug_id"],
                 mart__time_grain=["added_at", "month"]),
        ),
        # «итоговая сумма» ('Итоговая сумма, руб.') kept beside another sum (it was dropped as a repeat)
        (
            "autoservice",
            "Заказ-наряды: итоговая сумма и сумма нормо-часов по видам ремонта",
            mart("service.work_orders", [["sum", "total_amount"], ["sum", "labor_hours"]], ["repair_type"]),
        ),
        # a counted noun after «количество»: the rows' count, as before
        (
            "construction",
            "Поставки: сумма и количество поставок по материалам",
            mart("supply.deliveries", [["sum", "amount_rub"], ["count", None]], ["material_id"]),
        ),
        # a count of items over a table that has one: its sum, as before
        (
            "cinema",
            "Bar orders: number of items per cinema",
            mart("sales.bar_orders", [["sum", "items_count"]], ["cinema_id"]),
        ),
    ],
)  # fmt: skip
def test_mart_measures(catalog: str, text: str, expected: dict) -> None:
    assert wrong_of(catalog, text, expected) == []
