"""Families of confident wrong answers from the held-out batch heldout_2026-12-05k, tested with sentences
phrased differently over several catalogs: a column exclusion said after the column («номер паспорта не
выгружать»), the last name of a column list after «и», and a mask of a column the table does not have."""

from __future__ import annotations

import pytest

from tests.catalogs import CATALOGS
from tests.planned import plan_in


def _all_but(catalog: str, table: str, *left_out: str) -> list[str]:
    found = next(t for ts in CATALOGS[catalog]().tables.values() for t in ts if t.qualified_name == table)
    return [c for c in found.column_names if c not in left_out]


# --- 1. a column exclusion said after the column -------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "left_out"),
    [
        ("hr", "сотрудников в клик ежедневно в 6 утра, номер паспорта не выгружать", "public.employees",
         ("passport_number",)),
        ("hr", "расчётные листки в клик каждый день в 8 утра, а номер счёта в банке не переносить",
         "payroll.payslips", ("bank_account",)),
        ("shop", "заказы в клик каждый час, колонку customer_id не тащить", "public.orders", ("customer_id",)),
        ("shop", "покупателей в клик ежедневно в 4 утра, телефон не нужен", "public.customers", ("phone",)),
        ("logistics", "курьеров в клик ежедневно в 7 утра, поле phone не грузить", "public.couriers",
         ("phone",)),
        ("utility", "абонентов в клик ежедневно в 5 утра, ИНН не выгружать", "public.subscribers", ("inn",)),
        ("univ", "студентов в клик ежедневно в 3 ночи, столбец snils не тащим", "public.students", ("snils",)),
        ("shop", "copy sales to clickhouse daily at 6, region column not needed", "public.sales", ("region",)),
        ("hr", "employees to clickhouse daily at 6 am, the salary column is not needed", "public.employees",
         ("salary",)),
        ("logistics", "fuel cards to clickhouse every day at 5 am, card_number not needed", "fleet.fuel_cards",
         ("card_number",)),
    ],
)  # fmt: skip
def test_exclusion_after_the_column_leaves_it_out(
    catalog: str, text: str, table: str, left_out: tuple[str, ...]
) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == table.removeprefix("public.")
    assert outcome.spec.source.columns == _all_but(catalog, table, *left_out)
    assert "'не'" not in (outcome.spec.source.where or "")


# --- 2. the last name of a column list after «и» ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "columns"),
    [
        ("shop", "заказы в клик ежедневно в 6 утра, только id, status и total", "public.orders",
         ["id", "status", "total"]),
        ("shop", "продажи в клик вручную, только id, product_id и quantity", "public.sales",
         ["id", "product_id", "quantity"]),
        ("univ", "дисциплины в клик раз в неделю, только id, code и credits", "public.courses",
         ["id", "code", "credits"]),
        ("logistics", "топливные карты в клик ежедневно в 2 ночи, только id, liters и amount", "fleet.fuel_cards",
         ["id", "liters", "amount"]),
        ("hr", "отпуска в клик ежедневно в 5 утра, только employee_id, starts_on и ends_on", "public.vacations",
         ["employee_id", "starts_on", "ends_on"]),
        ("logistics", "fuel cards to clickhouse daily at 2 am, only id, liters and amount", "fleet.fuel_cards",
         ["id", "liters", "amount"]),
        # added after the rule change: the list before words another rule reads, moved to the end
        ("logistics", "fuel cards to clickhouse manually, only id, liters and amount", "fleet.fuel_cards",
         ["id", "liters", "amount"]),
        ("univ", "дисциплины в клик по кнопке, только id, code и credits", "public.courses",
         ["id", "code", "credits"]),
    ],
)  # fmt: skip
def test_last_listed_column_after_and_is_kept(
    catalog: str, text: str, table: str, columns: list[str]
) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == table.removeprefix("public.")
    assert outcome.spec.source.columns == columns


# --- 3. a mask of a column the table does not have is asked about -----------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("logistics", "курьеров в клик ежедневно в 6 утра, замаскировать номер водительских прав"),
        ("shop", "покупателей в клик ежедневно в 6 утра, маскировать номер паспорта"),
        ("hr", "кандидатов в клик ежедневно в 6 утра, скрыть СНИЛС"),
        ("univ", "преподавателей в клик ежедневно в 6 утра, замаскировать номер паспорта"),
        ("logistics", "load couriers into clickhouse daily at 6 am, mask the driver's license number"),
        ("utility", "inspectors to clickhouse daily at 6 am, mask their passport numbers"),
    ],
)
def test_mask_of_a_column_the_table_lacks_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hr", "расчётки в клик ежедневно в 10 утра, валюту не мучить"),
        ("shop", "заказы в клик ежедневно в 6 утра, статус не мучить"),
        ("univ", "студентов в клик ежедневно в 3 ночи, email не мучить"),
    ],
)
def test_negation_after_a_column_is_never_a_value(catalog: str, text: str) -> None:
    """An unknown verb after «не» («не мучить») is asked about, never planned as `col = 'не'` nor silently
    dropped. These requests said «не светить»/«не палить» when those verbs were unknown; they are verbs of
    showing now (README «Hidden, not left out», round 125), so those requests mask the column (below)."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(
    ("catalog", "text", "table", "column"),
    [
        ("hr", "расчётки в клик ежедневно в 10 утра, валюту не светить", "payroll.payslips", "currency"),
        ("shop", "заказы в клик ежедневно в 6 утра, статус не палить", "orders", "status"),
        ("univ", "студентов в клик ежедневно в 3 ночи, email не светить", "students", "email"),
    ],
)
def test_a_column_not_exposed_is_masked(catalog: str, text: str, table: str, column: str) -> None:
    """«не светить», «не палить» are verbs of showing, negated: the column is masked (README «Hidden, not left
    out»), never a value `col = 'не'` nor dropped."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == table
    assert [c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns] == [column]


@pytest.mark.parametrize(
    ("catalog", "text", "column"),
    [
        ("logistics", "курьеров в клик ежедневно в 9 утра, маскировать номер паспорта", "passport_number"),
        ("logistics", "fuel cards to clickhouse daily at 6 am, mask the card number", "card_number"),
        ("hr", "сотрудников в клик ежедневно в 6 утра, замаскировать номер паспорта", "passport_number"),
    ],
)
def test_mask_of_a_column_the_table_has_still_masks(catalog: str, text: str, column: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert column in [c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns]
