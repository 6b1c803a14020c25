"""Marts round 114 (blind batch zy, wrong confident mzy-ru-38 «Заказы в кинобаре, оплаченные бонусами, по
кинотеатрам помесячно» -> sum(items_count)).

Cause: with no measure word, marts' _subject_measure reads the words before «по» as numeric columns; the
preposition «в» of «Заказы в кинобаре» matched a word of items_count's comment 'Позиций в заказе', so the
rows' own noun was summed as a column. A one- or two-letter stop word (a preposition or conjunction: «в», «с»,
«и», "of") names no column; «Заказы» alone is then asked as before (count the orders or sum 'Сумма
заказа'?), no longer a confident wrong sum.

First pass: 2 of 4 failed (the two asked ones). Then «оплаченные бонусами» was summed as members.bonus_balance
(a noun in the instrumental after a participle is how the event happened, measures._participle_instrument):
the two «бонусами» cases were added after that fix (the eval's own request gave sum(bonus_balance)
before it; not re-run on the old code for lack of time).

Left undone this round (deadline): mzy-ru-24, mzy-ru-25 (see the tests below for ru-20, ru-35).
"""

from __future__ import annotations

import pytest

from tests.planned import mart, wrong_of


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        (  # «Заказы» may count the orders or sum 'Сумма заказа' (row_filters._noun_names_a_value): asked
            "cinema",
            "Заказы в кинобаре по кинотеатрам понедельно",
            {"status": "needs_clarification"},
        ),
        (
            "cinema",
            "Заказы в кинобаре, оплаченные картой, по кинотеатрам по дням",
            {"status": "needs_clarification"},
        ),
        (  # «бонусами» after «оплаченные» is how they were paid, not members.bonus_balance to sum
            "cinema",
            "Заказы кинобара, оплаченные бонусами, по кинотеатрам понедельно",
            {"status": "needs_clarification"},
        ),
        (
            "cinema",
            "Число заказов в кинобаре, оплаченных бонусами, по кинотеатрам по дням",
            mart(
                "sales.bar_orders",
                [["count", None]],
                ["cinema_id"],
                mart__time_grain=["ordered_at", "day"],
                mart__where="payment_method = 'bonus'",
            ),
        ),
        (
            "cinema",
            "Число заказов в кинобаре, оплаченных картой, по кинотеатрам по дням",
            mart(
                "sales.bar_orders",
                [["count", None]],
                ["cinema_id"],
                mart__time_grain=["ordered_at", "day"],
                mart__where="payment_method = 'card'",
            ),
        ),
        (  # the column's whole comment, its «в» included, is still that column
            "cinema",
            "Позиций в заказе по кинотеатрам понедельно",
            mart(
                "sales.bar_orders",
                [["sum", "items_count"]],
                ["cinema_id"],
                mart__time_grain=["ordered_at", "week"],
            ),
        ),
    ],
)
def test_preposition_names_no_column(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# mzy-ru-35 «Билеты по каналам продажи: выручка и сумма скидок»: the money noun «выручка» took «скидок» of the
# next measure as its own object (the shared object of «максимальная и минимальная сумма продажи»), and both
# summed the discount. A money noun that is no function word («выручка», «оборот», «фот») names its own
# amount; only an aggregate word («сумма», an adjective) shares the next one's object.
# First pass: 3 of 3 failed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Продажи билетов по кинотеатрам: выручка и сумма скидок, по дням",
            mart(
                "sales.tickets",
                [["sum", "price"], ["sum", "discount"]],
                ["cinema_id"],
                mart__time_grain=["sold_at", "day"],
                mart__joins=["ops.screenings", "halls"],
            ),
        ),
        (
            "Выручка и сумма скидок по каналам продажи, помесячно",
            mart(
                "sales.tickets",
                [["sum", "price"], ["sum", "discount"]],
                ["channel"],
                mart__time_grain=["sold_at", "month"],
            ),
        ),
        (
            "Выручка и средняя скидка по каналам продажи",
            mart("sales.tickets", [["sum", "price"], ["avg", "discount"]], ["channel"]),
        ),
    ],
)
def test_money_noun_keeps_its_own_amount(text: str, expected: dict[str, object]) -> None:
    assert wrong_of("cinema", text, expected) == []


# mzy-ru-20 «сумма в рублях и общее количество по поставщикам»: a bare «количество» beside a sum said in a
# currency («в рублях») is the pieces, not the rows: the money is told apart from the quantity (round14's «сумма
# и количество по регионам», with no unit, still counts the rows). First pass: 2 of 3 failed.
@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        (
            "construction",
            "Поставки по материалам: сумма в рублях и количество, по неделям доставки",
            mart(
                "supply.deliveries",
                [["sum", "amount_rub"], ["sum", "quantity"]],
                ["material_id"],
                mart__time_grain=["delivered_at", "week"],
            ),
        ),
        (
            "pharmacy",
            "Строки чеков: сумма в рублях и общее количество по препаратам",
            mart("sales.receipt_lines", [["sum", "line_amount"], ["sum", "quantity"]], ["drug_id"]),
        ),
        (
            "construction",
            "Поставки по материалам: сумма и количество, по неделям доставки",
            mart(
                "supply.deliveries",
                [["sum", "amount_rub"], ["count", None]],
                ["material_id"],
                mart__time_grain=["delivered_at", "week"],
            ),
        ),
    ],
)
def test_quantity_beside_money_in_currency(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []
