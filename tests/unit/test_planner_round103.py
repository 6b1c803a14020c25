"""Round 103: a value or state word of the request silently dropped from a confident load plan (issue 15).

1. A capitalised English value right before the word of a column whose comment lists no values: "Parts in
   the Filters category", "Cars of the Toyota brand", "Drugs by the Bayer manufacturer" loaded every row
   ("filters" is a lexicon word elsewhere, so the unread-word check counted it read; "Toyota" stood where
   no phrase check looks). It is that column's value, as "category Filters" and a quoted value already
   are; a capitalised word before a column that lists its values and lists no such one is asked.
2. A state noun heading the rows: «Неявки на занятия» planned group_classes with no filter, «Неявки на
   показы» every viewing. «Неявка» is the 'no_show' a status lists (glossary); where the loaded table's
   column lists it, it is that value («неявки на показы»: status = 'no_show'); where only ANOTHER table's
   does (bookings.status, not group_classes), it is asked, quoting the word and naming the column.

Requests of my own over several catalogs, RU and EN.
First pass (at 6c37741, before the rules): 13 of 19 failed (the other 6 are readings that must stay, or
asked already: "Class no-shows").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, plan_in, wrong_of

D = "0 0 * * *"
H = "0 * * * *"

# («Spare parts in the Brakes category», "Parts of the Filters category", 'Parts of category "Filters"' of
# 'Категория запчасти', a classification column documented with no values listed, are asked since planner106:
# one rule for both languages, as «Запчасти из категории "Аккумуляторы"» is (README); see ASKED below.)
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("autoservice", "Cars of the Toyota brand to ClickHouse daily at 3",
     ok(source__table="cars", schedule="0 3 * * *", source__where="brand = 'Toyota'")),
    ("pharmacy", "Drugs by the Bayer manufacturer to ClickHouse hourly",
     ok(source__table="inventory.drugs", schedule=H, source__where="manufacturer = 'Bayer'")),
    ("telecom", "Subscribers of the Siberia region to ClickHouse daily",
     ok(source__table="subscribers", schedule=D, source__where="region = 'Siberia'")),
    ("utility", "Subscribers from the Central district to the warehouse daily",
     ok(source__table="subscribers", schedule=D, source__where="district = 'Central'")),
    ("realty", "Неявки на показы в клик ежедневно",
     ok(source__table="sales.viewings", schedule=D, source__where="status = 'no_show'")),
    ("autoservice", "Неявки на запись в хранилище каждый час",
     ok(source__table="service.appointments", schedule=H, source__where="status = 'no_show'")),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), CASES)
def test_read(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# readings that must stay as they were
KEPT: list[tuple[str, str, dict[str, Any]]] = [
    ("autoservice", "Cars of brand Toyota to ClickHouse daily",
     ok(source__table="cars", schedule=D, source__where="brand = 'Toyota'")),
    ("telecom", "Tickets in the Billing category to ClickHouse daily",
     ok(source__table="support_tickets", schedule=D, source__where="category = 'billing'")),
    ("fitness", "Отменённые записи на занятия в клик ежедневно",
     ok(source__table="schedule.bookings", schedule=D, source__where="status = 'cancelled'")),
    ("autoservice", "Parts to ClickHouse daily", ok(source__table="service.parts", schedule=D)),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), KEPT)
def test_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# must ask: a state of another table's rows, a capitalised word a listing column does not list
ASKED = [
    ("fitness", "Неявки на занятия в клик ежедневно"),  # bookings.status 'no_show', not group_classes
    ("fitness", "Неявки на групповые занятия в хранилище каждый час"),
    ("fitness", "Class no-shows to ClickHouse daily"),
    ("airline", "Неявки на рейсы в клик ежедневно"),  # tickets.status 'no_show', not flights
    ("telecom", "Tickets in the Fraud category to ClickHouse daily"),  # category lists no fraud
    ("cinema", "Movies of the Western genre to ClickHouse daily"),  # genre lists no western
    # a label of a documented classification column listing no values (planner106, README)
    ("autoservice", "Spare parts in the Brakes category to ClickHouse daily"),
    ("autoservice", "Parts of the Filters category to the warehouse every hour"),
    ("autoservice", "Parts of category \"Filters\" to ClickHouse daily"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
