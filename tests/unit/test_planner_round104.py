"""Round 104: two confident wrong loads of a held-out batch that must ask.

1. The noun heading the rows before «из <таблицы>»/"from <table>" is a kind of row: the value a column's
   comment lists for it, else asked, quoting it, never dropped. «Дома из объектов недвижимости» was dropped
   because «дом» is a word of the kind column's comment ('Тип дома', listing no values) and was taken for a
   mention of that column ("emails from owners"); a kind column's comment says the thing the kind is of, so
   the noun is a kind still to be read, and asked when no listed value reads it.
2. "<schema word> stuff/things" ("the booking stuff" of the schema booking: rooms, reservations, reviews) is
   a topic over the schema's tables, as "<schema> data" is: which table is asked, even though the word also
   names one of them (reservations 'Бронирования'). A table's own noun before stuff/things outside such a
   schema ("the guest stuff", "the owner stuff") still names its table (planner102).

Requests of my own over several catalogs, RU and EN.
First pass (at 52264e2, before the rules): 4 of 17 failed (the other 13 are readings that must stay).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# 1. a noun before «из»/"from" that only a kind column listing no values mentions: asked, quoting it
KIND_NOUNS = [
    ("realty", "Дома из объектов недвижимости в хранилище каждый день в 4 утра", "Дома"),
    ("realty", "Домов из объектов недвижимости в клик ежедневно", "Домов"),
    ("realty", "Load houses from properties every day at 5 am", "houses"),
    ("realty", "Квартиры из объектов недвижимости в хранилище ежедневно в 3", "Квартиры"),
    ("vet", "Hamsters from the pets table daily", "Hamsters"),
]


@pytest.mark.parametrize(("catalog", "text", "word"), KIND_NOUNS)
def test_kind_noun_before_from_is_asked(catalog: str, text: str, word: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(word in str(q) for q in outcome.questions), outcome.questions


# a listed value or the table itself before «из»/"from" is still read
READ_NOUNS = [
    ("vet", "Dogs from the pets table daily", "pets", "species = 'dog'"),
    ("realty", "Объекты из таблицы объектов недвижимости в клик ежедневно", "properties", None),
    ("hotel", "Load suite rooms from rooms every day at 5 am", "booking.rooms", "room_type = 'suite'"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), READ_NOUNS)
def test_read_noun_before_from_still_plans(catalog: str, text: str, table: str, where: str | None) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# 2. a schema's word before stuff/things: which table is asked
SCHEMA_STUFF = [
    ("hotel", "Load the booking stuff every hour"),
    ("hotel", "Copy all the booking things to ClickHouse daily"),
    ("hotel", "Load the finance stuff every two hours"),
    ("realty", "Load the sales stuff every hour"),
    ("hotel", "Всё по бронированиям в клик каждый час"),
]


@pytest.mark.parametrize(("catalog", "text"), SCHEMA_STUFF)
def test_schema_stuff_asks_which_table(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


# a table's own noun before stuff/things still names it
TABLE_STUFF = [
    ("hotel", "Load the guest stuff every hour", "guests"),
    ("hotel", "Load the reservation things daily", "booking.reservations"),
    ("vet", "Load the owner stuff every hour", "owners"),
    ("vet", "Load the appointment stuff every hour", "care.appointments"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), TABLE_STUFF)
def test_table_noun_before_stuff_still_names_it(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table
