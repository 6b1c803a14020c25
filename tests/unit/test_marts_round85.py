"""Mart requests of round marts85: three confident wrong marts.

1. A title «Витрина по <word>:» / «Сводка по <word>:» whose word is one of the fact's own comment ('Записи на
   приём': «по приёмам») and names no one table (invoices, treatments say «приём» too) is the mart's topic,
   no dimension: it grouped by is_emergency 'Экстренный приём', the column whose comment shares the noun.
   A title naming another table («Витрина по клиникам:») stays a dimension.
2. A verb the fact's own comment says of every row ('Строки чеков (проданные позиции)': «продали») names
   the rows, never the yes/no column whose comment starts with it ('Продано по акции'): it made the filter
   `is_promo = true` up.
3. A bare sum word («сумма», «итого», "total") with nothing named that it sums, over tables named only as
   dimensions («витрину по тренерам: сумма по специализациям»), is asked: the one table whose column says
   «Сумма …» ('Сумма платежа') was a guess. A sum whose table is named («Витрина платежей …», «Заказы по
   ресторанам: сумма …») still sums that table's money.

Requests of my own over several catalogs, RU and EN.
First pass (at e00de66, before the rules): 8 of 17 failed (the other 9 are readings that must stay, three of
them sums that were asked before too, about another word or table).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# 1. a title restating the fact's own comment: no dimension
TITLE_OF_FACT: list[tuple[str, str, str, list[str], str]] = [
    ("vet", "Витрина по приёмам: сколько записей по врачам, по дням приёма", "care.appointments", ["vet_id"],
     "visit_at"),
    ("vet", "Сводка по приёмам: количество записей по источникам, по неделям приёма", "care.appointments",
     ["source"], "visit_at"),
    ("vet", "Отчёт по приёмам: число записей на приём по клиникам, по месяцам приёма", "care.appointments",
     ["clinic_id"], "visit_at"),
    ("vet", "Витрина по приёмам: средняя длительность процедур по врачам, по неделям", "care.treatments",
     ["vet_id"], "performed_at"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "dims", "time"), TITLE_OF_FACT)
def test_title_of_the_facts_own_words_is_no_dimension(
    catalog: str, text: str, table: str, dims: list[str], time: str
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table and spec.source.mart is not None
    assert spec.source.mart.dimensions == dims
    assert spec.source.mart.time_grain is not None and spec.source.mart.time_grain.column == time


def test_title_naming_another_table_stays_a_dimension() -> None:
    spec = ok_spec("vet", "Витрина по клиникам: число записей на приём по врачам, по дням приёма")
    assert spec.source.mart is not None
    assert spec.source.mart.dimensions == ["clinic_id", "vet_id"]


# 2. the fact's own verb: no flag
OWN_VERB: list[tuple[str, str, str]] = [
    ("pharmacy", "Строки чеков: сколько продали по препаратам, помесячно", "count"),
    ("pharmacy", "Сколько единиц каждого препарата продали: сумма количества в строках чеков, по месяцам",
     "sum"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "func"), OWN_VERB)
def test_the_facts_own_verb_is_no_flag(catalog: str, text: str, func: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == "sales.receipt_lines" and spec.source.mart is not None
    assert spec.source.mart.where is None
    assert [m.func for m in spec.source.mart.measures] == [func]


def test_the_flags_own_words_still_filter() -> None:
    spec = ok_spec("pharmacy", "Сколько строк чеков, только по акции, по препаратам, по неделям")
    assert spec.source.mart is not None
    assert spec.source.mart.where == "is_promo = true"


# 3. a bare sum over tables named only as dimensions: asked
BARE_SUM = [
    ("fitness", "Сделай витрину по тренерам: сумма по клубам", "сумма"),
    ("fitness", "Mart by trainers: total by specialization", "total"),
    ("pharmacy", "Витрина по аптекам: итого по городам, помесячно", "итого"),
    ("food", "Витрина по ресторанам: сумма по городам", "сумма"),
    ("hotel", "Rollup per hotel: sum per city", ""),  # asked which table (no word quoted)
]


@pytest.mark.parametrize(("catalog", "text", "word"), BARE_SUM)
def test_a_sum_of_nothing_named_is_asked(catalog: str, text: str, word: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(word in q for q in outcome.questions), outcome.questions


NAMED_SUM: list[tuple[str, str, str, str]] = [
    ("fitness", "Витрина платежей по тренерам: сумма по специализациям", "sales.payments", "amount"),
    ("shop", "Orders by status: total per month", "orders", "total"),
    ("pharmacy", "Чеки по аптекам: итого по дням", "sales.receipts", "total_amount"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "column"), NAMED_SUM)
def test_a_sum_of_a_named_table_still_sums_it(catalog: str, text: str, table: str, column: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table and spec.source.mart is not None
    assert [(m.func, m.column) for m in spec.source.mart.measures] == [("sum", column)]


def test_a_plain_sum_among_a_rows_parts_and_total_is_asked() -> None:
    # README (marts): a plain «сумма» over a table keeping a row's parts beside its total is asked (marts84)
    outcome = plan_in("food", "Заказы по ресторанам: сумма по дням")
    assert outcome.status == "needs_clarification", outcome.spec
    assert any("subtotal" in q and "total" in q for q in outcome.questions), outcome.questions
