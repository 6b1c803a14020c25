"""Round 51 (issue #15): failure families of the blind batch 2026-12-12x (airline), fixed as families.

1. A word that is a table's own noun (its name through the glossary, or the tail of its comment's head
   compound: «билеты» of 'Авиабилеты') names that table; another table whose comment only mentions the word in
   a bracketed gloss ('Бронирования (заказы билетов)') is not the one meant.
2. «бронирования» / «брони» name the table whose comment's head noun they are, even when the connection's
   description also says "bookings": a word naming a table is no connection word.
5. Two tables joined by «и» («брони и билеты») are two loads: asked.
8. «номерной фонд» / «коечный фонд» weekly is a plain load, not a mart.

First pass against main 2ccacbc: N of M failed before the rules.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

OWN_NOUN = [
    ("airline", "только билеты в кх раз в сутки в 5 утра", "sales.tickets"),
    ("airline", "выгружай билеты в клик каждые два часа", "sales.tickets"),
    ("airline", "билеты со статусом used в clickhouse ежедневно", "sales.tickets"),
    ("airline", "все авиабилеты в кх каждый час", "sales.tickets"),
    ("airline", "tickets to clickhouse every hour", "sales.tickets"),
    ("airline", "заливай билетики в клик каждые полчаса", "sales.tickets"),
    ("airline", "бронирования в кх каждый час", "sales.bookings"),
    ("airline", "брони в клик ежедневно в 6 утра", "sales.bookings"),
    ("airline", "перелей бронирования в клик раз в сутки", "sales.bookings"),
    ("airline", "bookings to clickhouse every 30 minutes", "sales.bookings"),
    ("hotel", "бронирования в кх каждые 10 минут", "booking.reservations"),
    ("hotel", "брони в клик ежечасно", "booking.reservations"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), OWN_NOUN)
def test_a_tables_own_noun_names_it(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


def test_a_ticket_filter_is_kept_on_tickets() -> None:
    spec = ok_spec("airline", "билеты класса comfort в клик по субботам в 7 утра")
    assert spec.source.table == "sales.tickets"
    assert spec.source.where == "fare_class = 'comfort'"


def test_a_ticket_key_is_a_tickets_column() -> None:
    spec = ok_spec("airline", "билеты в клик апсертом по ticket_number каждые 3 часа")
    assert spec.source.table == "sales.tickets"
    assert spec.target.keys == ["ticket_number"]


TWO_TABLES = [
    ("airline", "бронирования и билеты в кх каждый день в 3 ночи"),
    ("airline", "билеты и брони в клик ежечасно"),
    ("airline", "рейсы и билеты в clickhouse раз в сутки"),
    ("hotel", "брони и отзывы в клик каждый час"),
]


@pytest.mark.parametrize(("catalog", "text"), TWO_TABLES)
def test_two_tables_joined_by_and_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


PLAIN_FUND = [
    ("hotel", "номерной фонд в кх каждое воскресенье в 2 ночи", "booking.rooms"),
    ("clinic", "коечный фонд в клик по средам в 6 утра", "public.beds"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), PLAIN_FUND)
def test_a_weekly_fund_is_a_plain_load(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "sql"
    assert spec.source.table in (table, table.removeprefix("public."))
