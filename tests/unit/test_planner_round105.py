"""Round 105: row states and numeric filters of loads said the ways analysts say them.

1. A state participle or noun with the status column and one of its listed values named right after it
   («только проведённые, в статусе done», «отменённые (статус cancelled)», "completed ones, status
   checked_out"): the named value is what the word means, so the word is read as that condition, not asked
   as a value of some column. A participle that itself says ANOTHER listed value is still asked (two
   conditions on one column), and a status value no comment lists is still asked.
2. A state noun set off by commas right after the table's words («Записи на занятия, неявки, в клик»): the
   value one column of the table lists for it (by the glossary: «неявка» = no_show), never dropped; a noun
   no column of the table lists («опоздания», «неявки» of payments) is asked, quoting it. Before a word of
   the table's comment after a preposition («Неявки на приём» of 'Записи на приём') the noun is read too,
   and it picks, of the tables that word fits (appointments, invoices 'Счета за приём'), the one whose
   column lists it. "no-shows" is the listed no_show said as an English plural (not «номер», rooms).
3. A numeric filter said by the column's noun in the instrumental with a number in words and a unit
   («Объекты площадью от ста квадратов») picks the one table of those the head noun fits that has the
   column («объекты» fits properties and listings, only properties has the area); "properties over 100
   square meters" compares the area column (m², sqm), "larger/bigger than" included. A measure no table
   has («рейсы протяжённостью до тысячи километров») is asked; square feet are not square meters.

Requests of my own over several catalogs, RU and EN.
First pass (at 3f9d9fa, before the rules): 24 of 38 failed (the other 14 are readings and questions that must stay).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# 1. a state word glossed by the status column and a listed value after it
GLOSSED_STATES = [
    ("realty", "Показы в клик каждый час, только проведённые, в статусе done", "sales.viewings", "status = 'done'"),
    ("realty", "Показы в хранилище ежедневно, только проведённые: статус done", "sales.viewings", "status = 'done'"),
    ("realty", "Показы в клик каждый час, только проведённые, со статусом done", "sales.viewings", "status = 'done'"),
    ("airline", "Рейсы в клик каждый час, только приземлившиеся, в статусе arrived", "ops.flights",
     "status = 'arrived'"),
    ("hotel", "Бронирования в хранилище ежедневно, только завершённые, в статусе checked_out",
     "booking.reservations", "status = 'checked_out'"),
    ("hotel", "Load reservations every hour, completed ones, status checked_out", "booking.reservations",
     "status = 'checked_out'"),
    ("realty", "Load viewings every hour, only held ones, status done", "sales.viewings", "status = 'done'"),
    ("fitness", "Load bookings daily, only the attended ones, with status attended", "schedule.bookings",
     "status = 'attended'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), GLOSSED_STATES)
def test_state_word_glossed_by_status_value(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# the gloss names a value no comment lists, or the word says another listed value: asked
GLOSS_ASKED = [
    ("realty", "Показы в клик каждый час, только проведённые, в статусе finished"),
    ("realty", "Показы в клик каждый час, только отменённые, в статусе done"),
    ("hotel", "Load reservations every hour, cancelled ones, status checked_out"),
    ("airline", "Рейсы в клик каждый час, только приземлившиеся, в статусе landed"),
]


@pytest.mark.parametrize(("catalog", "text"), GLOSS_ASKED)
def test_state_word_with_unfit_gloss_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


# 2. a state noun set off by commas after the table's words
APPOSED_STATES = [
    ("fitness", "Записи на занятия, неявки, в клик каждый час", "schedule.bookings", "status = 'no_show'"),
    ("hotel", "Бронирования, неявки, в хранилище ежедневно", "booking.reservations", "status = 'no_show'"),
    ("realty", "Показы, неявки, в клик ежедневно в 6 утра", "sales.viewings", "status = 'no_show'"),
    ("vet", "Записи на приём, неявки, перелей в хранилище каждые полчаса", "care.appointments",
     "status = 'no_show'"),
    ("fitness", "Платежи клиентов, возвраты, в клик каждый день", "sales.payments", "status = 'refunded'"),
    # the noun before the table's comment word: 'Записи на приём' (not 'Счета за приём', which lists no no_show)
    ("vet", "Неявки на приёмы в хранилище ежедневно в 4 утра", "care.appointments", "status = 'no_show'"),
    # "no-shows": the listed code said as an English plural, not «номер» (rooms) and "shows"
    ("hotel", "Load reservations, no-shows only, every hour", "booking.reservations", "status = 'no_show'"),
    ("fitness", "Load class bookings, only no-shows, every day", "schedule.bookings", "status = 'no_show'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), APPOSED_STATES)
def test_state_noun_after_table_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# a noun no column of the table lists: asked, quoting it, never every row
APPOSED_ASKED = [
    ("vet", "Записи на приём, опоздания, в клик каждый час", "опоздания"),
    ("fitness", "Платежи клиентов, неявки, в клик каждый час", "неявки"),
    ("realty", "Сделки, неявки, в клик ежедневно", "неявки"),
    ("fitness", "Load payments, no-shows only, every hour", "no-shows"),
]

# a state noun before a word two tables' comments share that neither lists: which table is still asked
STATE_NOUN_ASKED = [
    ("vet", "Опоздания на приём в клик каждый час"),
    ("vet", "Неявки на оплату в клик каждый день"),
]


@pytest.mark.parametrize(("catalog", "text"), STATE_NOUN_ASKED)
def test_unlisted_state_noun_before_shared_word_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(("catalog", "text", "word"), APPOSED_ASKED)
def test_unlisted_state_noun_after_table_is_asked(catalog: str, text: str, word: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(word in str(q).lower() for q in outcome.questions), outcome.questions


# 3. a measure named in the instrumental picks the one table that has it
MEASURED = [
    ("realty", "Объекты площадью от ста квадратов в клик каждый день в 3 ночи", "properties", "area_m2 >= 100"),
    ("realty", "Объекты площадью больше пятидесяти метров в хранилище ежедневно", "properties",
     "area_m2 > 50"),
    ("realty", "Объекты площадью до восьмидесяти квадратных метров в клик каждый час", "properties",
     "area_m2 <= 80"),
    ("realty", "Load properties over 100 square meters daily", "properties", "area_m2 > 100"),
    ("realty", "Load properties larger than 120 square metres daily", "properties", "area_m2 > 120"),
    ("fitness", "Load clubs over two thousand square meters daily", "clubs", "area_sqm > 2000"),
    ("fitness", "Клубы площадью больше тысячи квадратных метров в хранилище ежедневно", "clubs",
     "area_sqm > 1000"),
    ("vet", "Животных весом больше двадцати килограммов в клик каждый день", "pets", "weight_kg > 20"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), MEASURED)
def test_measure_in_instrumental_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# a measure no table has, square feet of a square-meter column, a number on no measure: asked
MEASURE_ASKED = [
    ("airline", "Рейсы протяжённостью до тысячи километров в клик каждый день"),
    ("realty", "Load properties over 1000 square feet daily"),
    ("realty", "Load properties bigger than 1000 sq ft daily"),
    ("hotel", "Финансы суммой от десяти тысяч в клик каждый день"),
    # the noun only in another table's tail: 'Процедуры, выполненные на приёме' keeps a duration, appointments none
    ("vet", "Приёмы длительностью больше тридцати минут в клик ежедневно"),
]


@pytest.mark.parametrize(("catalog", "text"), MEASURE_ASKED)
def test_unfit_measure_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
