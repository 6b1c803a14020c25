"""Round 125: the colloquial verbs of showing «светить» and «палить» ("to expose", "to give away") (issue 15).

README's «Hidden, not left out»: a negated verb of showing on a column masks it («оклад не показывать»), and
rows not shown are rows not loaded («возвращённые не показывать»). «Светить» and «палить» are verbs of
showing too: «паспорт не светить», «не палить номер карты», «паспорт и телефон не светить» mask the columns;
«отменённые не светить» leaves those rows out (a state word no column lists, «тестовые не светить», is
asked, as «тестовые не показывать» is). Words that only share letters with them («светлые», «светильников»,
«палитра») read nothing of the kind, and an unknown verb after «не» («не мучить») is still asked.

Requests of my own over several catalogs, RU and EN.
First pass (at 7645d90, before the rules): 11 of 19 failed (three of the four rows cases planned confidently as
`status = ...`, the value kept instead of left out).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"


def _masked(catalog: str, text: str) -> tuple[str, list[str]]:
    spec = ok_spec(catalog, text)
    return spec.source.table, sorted(c for t in spec.transforms if t.type == "mask" for c in t.columns)


MASKS = [
    # the verb after the column
    ("hr", "сотрудников в клик ежедневно в 6 утра, паспорт не светить", "employees", ["passport_number"]),
    ("clinic", "пациентов в клик ежедневно в 7 утра, телефон не палить", "patients", ["phone"]),
    ("utility", "абонентов в клик ежедневно в 6 утра, номер паспорта не светим", "subscribers", ["passport_number"]),
    # the verb before the column
    ("bank", "клиентов в хранилище каждый день в 5 утра, не светить номер паспорта", "clients", ["passport_number"]),
    ("shop", "платежи в клик ежедневно в 4 утра, не палить номер карты", "payments", ["card_number"]),
    # a list of columns
    ("airline", "пассажиров в клик ежедневно в 3 ночи, паспорт и телефон не светить", "passengers",
     ["passport_number", "phone"]),
    ("hotel", "гостей в клик ежедневно в 2 ночи, email и телефон не палим", "guests", ["email", "phone"]),
    # the older verbs stay as they were
    ("clinic", "пациентов в клик ежедневно в 7 утра, телефон не показывать", "patients", ["phone"]),
    ("shop", "customers to clickhouse daily at 6 am, don't show the phone", "customers", ["phone"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "columns"), MASKS)
def test_a_column_not_exposed_is_masked(catalog: str, text: str, table: str, columns: list[str]) -> None:
    assert _masked(catalog, text) == (table, columns)


ROWS = [
    ("shop", "заказы в клик ежедневно в 6 утра, отменённые не светить", "orders", "'cancelled'"),
    ("hotel", "бронирования в клик ежедневно в 5 утра, отменённые не палить", "booking.reservations", "'cancelled'"),
    ("fitness", "платежи в клик ежедневно в 6 утра, возвращённые не светить", "sales.payments", "'refunded'"),
    # the shop's orders list 'test': «тестовые» is that value, left out
    ("shop", "заказы в клик ежедневно в 6 утра, тестовые не палить", "orders", "'test'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "value"), ROWS)
def test_rows_not_exposed_are_rows_not_loaded(catalog: str, text: str, table: str, value: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    where = spec.source.where or ""
    assert value in where and ("<>" in where or "IS DISTINCT FROM" in where), where
    assert not [t for t in spec.transforms if t.type == "mask"]


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # a state word no column lists: asked, as «тестовые не показывать» is
        ("univ", "студентов в клик ежедневно в 3 ночи, тестовые не светить"),
        ("univ", "студентов в клик ежедневно в 3 ночи, тестовые не палить"),
        # words sharing letters with the verbs read no mask and stay unread
        ("shop", "светлые заказы в клик ежедневно в 6 утра"),
        ("shop", "заказы светильников в клик ежедневно в 6 утра"),
        # an unknown verb after «не» is still asked
        ("univ", "студентов в клик ежедневно в 3 ночи, email не мучить"),
    ],
)
def test_still_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec


def test_a_palette_is_no_verb_of_showing() -> None:
    outcome = plan_in("shop", "заказы в клик ежедневно в 6 утра, палитра не нужна")
    assert outcome.spec is None or not [t for t in outcome.spec.transforms if t.type == "mask"]
