"""Round 64 (issue #16): loads whose condition no column reads, a window inside a column's name, a
reading of «по дате обновления», tested with requests of our own over several catalogs (RU, EN).

1. A vague time qualifier of the rows («которые скоро истекут», «недавно зарегистрировавшиеся», "ending
   soon", "recently") names no threshold and no column: asked, never every row loaded.
2. "ratings" is no form of "rate": "trainer ratings" over a table with only hourly_rate names nothing and is
   asked about, while a real rating column still grounds.
3. «на Тверской», «на Невском»: a capitalised adjective standing for a street (its noun left out) after
   «на»/«в» says which rows like any place phrase; asked when no rule reads it.
4. «по дате обновления», «по дате изменения», "by updated_at", "by update time" with no append verb: the
   column named by its words marks the rows each run takes (the README's reading of «по <time column>»:
   a whole-table copy "by a time column" means nothing else); with an append verb too, never the creation
   time instead.
5. «все поля кроме ставки за час» ('Ставка за час'): «за час» continues the column's comment, so no
   last-hour window is read and the column is left out.
6. «штрафы за парковку и превышение скорости»: every value of a «за»-list is read or the list is asked about,
   never a value dropped.
7. «групповые занятия» heads 'Групповые занятия (расписание тренировок)' and only ends 'Записи клиентов на
   групповые занятия': the table whose comment heads with the phrase (its noun past the adjectives) wins.
8. «возвраты не нужны» of tickets (refunded_at 'Время возврата', status ... refunded): the event's noun left
   out may drop the column or the rows; the README documents neither, so it is asked as «без возвратов» is.
   «время возврата не нужно» still leaves the column out.
9. "group classes" of group_classes on a connection described as "... visits and classes database": two words
   spelling a table's name are the table, not the connection ("classes" was claimed as the connection's).

First pass against the unchanged planner (59412c0): 37 of 48 failed before the rules.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a vague time qualifier ---------------------------------------------------------------------------

VAGUE_TIME = [
    ("fitness", "абонементы, которые скоро истекут, ежедневно в 6"),
    ("insurance", "полисы, которые скоро заканчиваются, каждый день в 5"),
    ("bank", "карты, которые скоро закончатся, ежедневно"),
    ("shop", "клиенты, которые недавно зарегистрировались, ежедневно в 4"),
    ("fitness", "memberships ending soon, every day at 7"),
    ("shop", "customers who signed up recently, daily at 5"),
    ("hotel", "bookings that were made recently, daily at 3"),
]


@pytest.mark.parametrize(("catalog", "text"), VAGUE_TIME)
def test_vague_time_qualifier_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_as_soon_as_possible_is_no_condition() -> None:
    assert (
        ok_spec("shop", "orders to clickhouse daily at 2, please set it up as soon as possible").source.where
        is None
    )


# --- 2. ratings are no rate ------------------------------------------------------------------------------

NO_RATING_COLUMN = [
    ("fitness", "sync trainer ratings every day at 3 am"),
    ("fitness", "load trainer ratings to clickhouse daily at 3"),
    ("shop", "load product ratings daily at 1"),
]


@pytest.mark.parametrize(("catalog", "text"), NO_RATING_COLUMN)
def test_ratings_without_a_rating_column_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_currency_rates_still_ground() -> None:
    assert ok_spec("bank", "currency rates to clickhouse daily at 6").source.table.endswith("currency_rates")


# --- 3. a street named by its adjective ------------------------------------------------------------------

STREET = [
    ("fitness", "клиенты клуба на Тверской каждый день в 5 утра"),
    ("fitness", "посещения клуба на Тверской ежедневно"),
    ("hotel", "гости отеля на Невском ежедневно"),
    ("clinic", "пациенты клиники на Ленинском ежедневно в 2"),
]


@pytest.mark.parametrize(("catalog", "text"), STREET)
def test_street_adjective_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_city_is_still_read() -> None:
    assert ok_spec("fitness", "клубы в Москве ежедневно").source.where == "city = 'Москва'"


# --- 4. «по дате обновления» --------------------------------------------------------------------------

BY_UPDATE_TIME = [
    ("shop", "заказы в клик каждые 20 минут по дате обновления", "append"),
    ("hotel", "брони каждые 10 минут по дате изменения", "append"),
    ("cinema", "билеты в хранилище каждые 5 минут по дате изменения", "append"),
    ("carshare", "поездки по дате изменения апсертом по id каждые 5 минут", "upsert"),
    ("fitness", "тренеры по дате изменения, мерж по id, каждый час", "upsert"),
    ("shop", "orders every 20 minutes by updated_at", "append"),
    ("shop", "orders to clickhouse every 15 minutes by update time", "append"),
    ("shop", "дозаливать заказы в клик каждые 20 минут по дате обновления", "append"),
]


@pytest.mark.parametrize(("catalog", "text", "mode"), BY_UPDATE_TIME)
def test_by_update_time_is_incremental(catalog: str, text: str, mode: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.incremental is not None
    assert spec.source.incremental.column == "updated_at"
    assert spec.target.mode == mode


def test_sorted_by_update_time_is_no_watermark() -> None:
    spec = ok_spec("shop", "заказы ежедневно в 2, отсортировать по дате обновления")
    assert spec.source.incremental is None


# --- 5. a window word inside a column's comment ---------------------------------------------------------

COMMENT_WINDOW = [
    ("fitness", "тренеров перезаливать раз в сутки в 4 утра, все поля кроме ставки за час", "hourly_rate"),
    ("fitness", "тренеры ежедневно, без ставки за час", "hourly_rate"),
    ("hotel", "номера ежедневно в 3, все поля кроме тарифа за ночь", "base_rate"),
]


@pytest.mark.parametrize(("catalog", "text", "left_out"), COMMENT_WINDOW)
def test_comment_window_words_name_the_column(catalog: str, text: str, left_out: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or (
        outcome.spec is not None
        and outcome.spec.source.where is None
        and outcome.spec.source.columns is not None
        and left_out not in outcome.spec.source.columns
    )


def test_comment_window_plans_the_exclusion() -> None:
    spec = ok_spec("fitness", "тренеры ежедневно в 4, все поля кроме ставки за час")
    assert spec.source.where is None
    assert spec.source.columns is not None and "hourly_rate" not in spec.source.columns


# --- 6. a «за»-list of values -------------------------------------------------------------------------

REASON_LIST = [
    ("carshare", "штрафы за парковку и превышение скорости ежедневно в 3 ночи"),
    ("carshare", "штрафы за курение и превышение скорости ежедневно"),
    ("carshare", "штрафы за парковку и за мусор ежедневно"),
    ("carshare", "штрафы за парковку и мусор ежедневно"),
]


@pytest.mark.parametrize(("catalog", "text"), REASON_LIST)
def test_reason_list_never_drops_a_value(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or (
        outcome.spec is not None and "speeding" in str(outcome.spec.source.where)
    )


def test_reason_list_of_known_values_is_planned() -> None:
    spec = ok_spec("carshare", "штрафы за парковку и курение ежедневно")
    assert spec.source.where == "fine_type IN ('parking', 'smoking')"


# --- 7. a head noun whose phrase heads one table's comment and ends another's ----------------------------

HEAD_PHRASE = [
    ("fitness", "групповые занятия ежедневно", "schedule.group_classes"),
    ("fitness", "выгрузка групповых занятий каждую ночь в 2", "schedule.group_classes"),
    ("fitness", "групповые занятия в клик по понедельникам в 6", "schedule.group_classes"),
    ("fitness", "записи на групповые занятия ежедневно", "schedule.bookings"),
    ("fitness", "записи клиентов на групповые занятия каждый час", "schedule.bookings"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), HEAD_PHRASE)
def test_comment_head_phrase_wins(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


# --- 8. the event's noun left out: the column or the rows -------------------------------------------------

EVENT_NOUN_LEFT_OUT = [
    ("cinema", "билеты в кино, возвраты не нужны, ежедневно в полночь"),
    ("cinema", "билеты каждый час, возвраты нам не нужны"),
    ("hotel", "брони ежедневно, отмены не нужны"),
]


@pytest.mark.parametrize(("catalog", "text"), EVENT_NOUN_LEFT_OUT)
def test_event_noun_left_out_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification" or (
        outcome.spec is not None and outcome.spec.source.where is not None
    )


def test_event_time_left_out_by_its_comment_is_the_column() -> None:
    spec = ok_spec("cinema", "билеты ежедневно, время возврата не нужно")
    assert spec.source.columns is not None and "refunded_at" not in spec.source.columns
    assert spec.source.where is None


# --- 9. a table's name spelled by two words, one of them also the connection's --------------------------

TWO_WORD_TABLE = [
    ("fitness", "group classes daily", "schedule.group_classes"),
    ("fitness", "copy the group classes to clickhouse every night at 1", "schedule.group_classes"),
    ("fitness", "group classes from the fitness database daily", "schedule.group_classes"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), TWO_WORD_TABLE)
def test_two_words_spell_the_table_not_the_connection(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


def test_cancelled_ones_not_needed_of_group_classes() -> None:
    spec = ok_spec("fitness", "group classes every hour at quarter past, cancelled ones not needed")
    assert spec.source.where == "status <> 'cancelled'"
