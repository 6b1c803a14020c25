"""Mart requests of round marts40 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

1. A bare "sum of <the fact's rows>" («сумма полисов по каналам», «Полисы: сумма по …», "total of policies by
   …") says no money column: when two money columns fit (policies: premium and sum_insured) it is asked, never
   the column whose comment merely repeats «сумма» ('Страховая сумма'). A comment that also names the rows
   («Сумма кредита» of loans) or a single money column (orders.total) stays planned.
2. «<measure> по <the fact's own noun>» with no other dimension («средняя страховая премия по полисам») says
   whose measure it is, no dimension (it grouped by sum_insured); and the fact's own noun followed by another
   dimension is no dimension even when it also names an identifier-like text column of the fact («средний тариф
   по номерам по типам»: rooms.room_number 'Номер комнаты').
3. «сколько по <rows> (<money column>) по <dim>»: the bracket names the measure, one sum of that column (it
   planned count + sum).

4. "guest payments", "customer orders", "patient invoices": an English noun right before the fact's noun that
   names a table the fact points at (or whose noun the fact's comment holds: 'Оплаты гостей') says whose rows
   they are, no word to ask about; an unknown word before it ("VIP customer orders") is still asked.
5. A priced measure («средняя стоимость») «по <another table's noun> по <dim>» where that table holds a price
   column ('Базовый тариф за ночь') is asked which table (marts36's «по полисам» convention, for prices); and
   «средняя премия полисов» (the owner in the genitive) is asked as «средняя премия по полисам» is.

First pass, against the unchanged planner (main d5062dd): 14 of the first 20 cases failed (two controls that
asked for unrelated reasons were replaced by others before the rules were written); the two GENITIVE_OWNER
cases were written after them and both failed (planned avg(amount) over premium_payments).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, plan_in, wrong_of

# (catalog, request): a bare sum of the fact's rows where two money columns fit
SUM_OF_ROWS_ASKED: list[tuple[str, str]] = [
    ("insurance", "сумма договоров страхования по продуктам"),
    ("insurance", "Договоры страхования: сумма по статусам"),
    ("insurance", "total of policies per sales channel"),
    ("insurance", "Полисы: сумма по продуктам"),  # written after the first commit (it planned sum_insured)
    ("insurance", "суммы полисов помесячно по дате заключения"),
]

# (catalog, request, expected): the money column is said, or only one fits
SUM_OF_ROWS_KEPT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "сумма страховых премий по каналам продаж",
        mart("underwriting.policies", [["sum", "premium"]], ["channel"]),
    ),
    (
        "insurance",
        "общая страховая сумма по каналам продаж",
        mart("underwriting.policies", [["sum", "sum_insured"]], ["channel"]),
    ),
    ("bank", "сумма кредитов по продуктам", mart("lending.loans", [["sum", "principal"]], ["product"])),
    ("shop", "сумма заказов по статусам", mart("orders", [["sum", "total"]], ["status"])),
]

# (catalog, request, expected): the fact's own noun says whose measure, no dimension
OWN_NOUN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "insurance",
        "максимальная страховая премия по полисам",
        mart("underwriting.policies", [["max", "premium"]], []),
    ),
    ("bank", "средняя сумма вклада по вкладам", mart("core.deposits", [["avg", "amount"]], [])),
    (
        "hotel",
        "минимальный тариф по номерам по категориям",
        mart("booking.rooms", [["min", "base_rate"]], ["room_type"]),
    ),
    (
        "hotel",
        "средний базовый тариф по номерам по этажам",
        mart("booking.rooms", [["avg", "base_rate"]], ["floor"]),
    ),
]

# (catalog, request, expected): the bracket after «сколько по <rows>» names the summed column
HOW_MUCH_BRACKET: list[tuple[str, str, dict[str, Any]]] = [
    ("shop", "сколько по заказам (total) по статусам", mart("orders", [["sum", "total"]], ["status"])),
    (
        "hotel",
        "сколько по бронированиям (total_amount) по каналам",
        mart("booking.reservations", [["sum", "total_amount"]], ["channel"]),
    ),
    (
        "insurance",
        "сколько по убыткам (approved_amount) по типам события",
        mart("settlement.claims", [["sum", "approved_amount"]], ["claim_type"]),
    ),
]


@pytest.mark.parametrize(("catalog", "text"), SUM_OF_ROWS_ASKED, ids=[c[1] for c in SUM_OF_ROWS_ASKED])
def test_bare_sum_of_rows_with_two_money_columns_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(
    ("catalog", "text", "expected"), SUM_OF_ROWS_KEPT, ids=[c[1] for c in SUM_OF_ROWS_KEPT]
)
def test_named_or_single_money_column_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(("catalog", "text", "expected"), OWN_NOUN, ids=[c[1] for c in OWN_NOUN])
def test_fact_own_noun_is_no_dimension(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text", "expected"), HOW_MUCH_BRACKET, ids=[c[1] for c in HOW_MUCH_BRACKET]
)
def test_how_much_bracket_names_the_sum(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# (catalog, request, expected): an English noun before the fact's noun naming whose rows they are
OWNER_BEFORE_FACT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "shop",
        "customer orders total by status per month",
        mart("orders", [["sum", "total"]], ["status"], mart__time_grain=["created_at", "month"]),
    ),
    ("clinic", "patient invoices total by status", mart("billing.invoices", [["sum", "amount"]], ["status"])),
    ("hotel", "guest payments total by method", mart("finance.payments", [["sum", "amount"]], ["method"])),
]


@pytest.mark.parametrize(
    ("catalog", "text", "expected"), OWNER_BEFORE_FACT, ids=[c[1] for c in OWNER_BEFORE_FACT]
)
def test_owner_noun_before_fact_is_the_fact(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_unknown_word_before_owner_still_asked() -> None:
    assert plan_in("shop", "VIP customer orders total by status").status == "needs_clarification"


def test_priced_measure_per_other_table_and_its_attribute_is_asked() -> None:
    # «средняя стоимость по номерам по типам»: the rooms' tariff, or the bookings' cost per room type?
    assert plan_in("hotel", "средняя стоимость по номерам по категориям").status == "needs_clarification"


# (catalog, request): «<measure> <another table's noun, genitive>» where that table holds the measured column
GENITIVE_OWNER_ASKED: list[tuple[str, str]] = [
    ("insurance", "средняя премия договоров по каналам продаж"),
    ("insurance", "максимальная премия полисов по видам страхования"),
]


@pytest.mark.parametrize(("catalog", "text"), GENITIVE_OWNER_ASKED, ids=[c[1] for c in GENITIVE_OWNER_ASKED])
def test_genitive_owner_of_the_measure_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
