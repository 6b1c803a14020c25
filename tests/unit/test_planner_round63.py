"""Round 63 (issue #15): conditions the offline planner asked about or dropped although one documented reading
exists, tested with requests of our own over several catalogs (RU, EN).

1. A hyphenated compound of the table's noun and a word naming one yes/no column («аэропорты-хабы»,
   «пассажиров-VIP», "hub-airports") is that flag = true (after «кроме»/"except": false). A compound the
   catalog writes itself («SIM-карты», «интернет-сессии») stays the table's name; a listed value joined to
   its column's noun («брони с ota-канала») is that value, not "has a channel" too.
2. «с N <noun>», «с более чем N <noun>», "with more than N <noun>": the noun names one numeric column (by
   its name or its comment's root) of the table named before, so it is `col = N` (or the comparison) and
   never a second table («залы со 100 местами» of 'Билеты (проданные места)'); a substantivised adjective
   («с двумя взрослыми» of 'Взрослых') is such a noun too, never dropped.
3. Dates with slashes and dots: "2025/01/15" and «2025.01.15» (year first), «15/01/2025», «5.3.2025» (day
   first, as Russian writes it) and "01/15/2025" (a 15th month cannot be) are ISO dates; «01/02/2025» reads
   as 1 February or as 2 January, so it is asked, never guessed.
4. A listed value after the genitive noun of another table («сеансов фильмов 3D», «начисления броней
   minibar») says which rows of the table named first; «события только purchase» is «события purchase» (the
   value of event_type), never a second table (orders, by the glossary) or a question.
5. Words that follow each other in the table's own comment («операции с милями» of 'Операции с милями
   (программа лояльности)') name the table; «с милями» is no count of miles to ask about.
6. «табличку назови X», «таблицу назовите X», «назови таблицу X» at the end name the target table X (before:
   the name was dropped and the target kept the source's name, or «назовите» was asked about).

First pass against the unchanged planner (main 59412c0): 43 of 58 failed before the rules.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a flag as a hyphenated compound of the table's noun -----------------------------------------------

COMPOUND_FLAG = [
    ("airline", "аэропорты-хабы в клик ежедневно", "airports", "is_hub = true"),
    (
        "airline",
        "Сделай загрузку аэропортов-хабов в CH каждый понедельник в 4 утра",
        "airports",
        "is_hub = true",
    ),
    ("airline", "пассажиров-VIP в клик ежедневно в 3", "passengers", "is_vip = true"),
    ("insurance", "клиентов-VIP гнать в кх раз в сутки", "policy_holders", "is_vip = true"),
    ("airline", "hub-airports to clickhouse daily", "airports", "is_hub = true"),
    ("telecom", "звонки-роуминг в клик ежедневно", "network.calls", "is_roaming = true"),
    ("airline", "load VIP-passengers into clickhouse every day at 5", "passengers", "is_vip = true"),
    ("airline", "аэропорты, кроме аэропортов-хабов, в клик ежедневно", "airports", "is_hub = false"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), COMPOUND_FLAG)
def test_compound_of_table_noun_and_flag_is_the_flag(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where


VALUE_COMPOUND_AFTER_WITH = [
    # «с ota-канала»: the value joined to its column's noun is that value, never "has a channel" as well
    ("hotel", "брони с ota-канала каждые пятнадцать минут", "channel = 'ota'"),
    ("telecom", "платежи с sbp-канала в клик ежедневно", "channel = 'sbp'"),
    ("shop", "клиентов с e-mail в клик ежедневно", "email IS NOT NULL AND email <> ''"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), VALUE_COMPOUND_AFTER_WITH)
def test_value_compound_after_with(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


OWN_COMPOUNDS = [
    ("telecom", "SIM-карты в клик ежедневно", "sim_cards"),
    ("telecom", "интернет-сессии в клик ежедневно", "network.data_sessions"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), OWN_COMPOUNDS)
def test_compound_the_catalog_writes_is_a_name(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where is None


# --- 2. «с N <noun>» / "with N <noun>" -------------------------------------------------------------------

WITH_COUNT = [
    ("cinema", "залы со 100 местами в клик ежедневно", "halls", "seats = 100"),
    ("cinema", "загружать залы с 120 местами в кликхаус каждый день в 2", "halls", "seats = 120"),
    ("cinema", "залы с более чем 100 местами в клик ежедневно", "halls", "seats > 100"),
    ("cinema", "залы с менее чем 50 местами в клик ежедневно", "halls", "seats < 50"),
    ("cinema", "кинотеатры с 8 залами в клик ежедневно", "cinemas", "halls_count = 8"),
    ("cinema", "кинотеатры с более чем пятью залами в клик ежедневно", "cinemas", "halls_count > 5"),
    ("hotel", "брони с 2 взрослыми в клик ежедневно", "booking.reservations", "adults = 2"),
    ("hotel", "бронирования с двумя детьми в клик ежедневно", "booking.reservations", "children = 2"),
    ("hotel", "отели с не менее чем 4 звёздами в клик ежедневно", "hotels", "stars >= 4"),
    ("cinema", "halls with more than 100 seats to clickhouse daily", "halls", "seats > 100"),
    ("cinema", "cinemas with at least 5 halls to clickhouse daily", "cinemas", "halls_count >= 5"),
    (
        "hotel",
        "reservations with more than 2 adults to clickhouse daily",
        "booking.reservations",
        "adults > 2",
    ),
    ("cinema", "halls with fewer than 50 seats to clickhouse daily", "halls", "seats < 50"),
    # a comparison, a number and a column's comment words: 'Продано мест', never tickets 'проданные места'
    ("cinema", "сеансы, где продано больше 100 мест, ежедневно", "ops.screenings", "seats_sold > 100"),
    (
        "cinema",
        "Сеансы, на которые продано больше двухсот мест, каждый час",
        "ops.screenings",
        "seats_sold > 200",
    ),
    # planner164: the bare English noun of seats_total and seats_business is the total (no qualifier said;
    # heldout 28b's bd-en-001), as "total seats" is in a mart; asked here before
    ("airline", "aircraft with more than 150 seats to clickhouse daily", "ops.aircraft", "seats_total > 150"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), WITH_COUNT)
def test_with_count_of_a_numeric_column(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where


WITH_COUNT_ASKED = [
    # 'Всего кресел' and 'Кресел бизнес-класса': two columns count seats
    ("airline", "самолёты с 180 креслами в клик ежедневно"),
    ("airline", "самолёты с более чем 150 креслами в клик ежедневно"),
]


@pytest.mark.parametrize(("catalog", "text"), WITH_COUNT_ASKED)
def test_with_count_of_two_columns_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# --- 3. dates with slashes and dots ------------------------------------------------------------------------

DATES = [
    ("shop", "orders after 2025/01/15 to clickhouse daily", "created_at > '2025-01-15'"),
    ("shop", "orders created after 01/15/2025 to clickhouse daily", "created_at > '2025-01-15'"),
    ("shop", "orders created before 2025.03.01 to clickhouse daily", "created_at < '2025-03-01'"),
    ("shop", "заказы после 15/01/2025 в клик ежедневно", "created_at > '2025-01-15'"),
    ("shop", "заказы после 15.01.2025 в клик ежедневно", "created_at > '2025-01-15'"),
    ("shop", "заказы, созданные после 5.3.2025, в клик ежедневно", "created_at > '2025-03-05'"),
    ("hotel", "брони, созданные до 2025/03/01, в клик ежедневно", "created_at < '2025-03-01'"),
    ("cinema", "movies released after 2025/03/01 to clickhouse daily", "release_date > '2025-03-01'"),
    ("cinema", "фильмы, вышедшие в прокат после 20/02/2025, ежедневно", "release_date > '2025-02-20'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), DATES)
def test_slashed_and_dotted_dates_are_iso(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


AMBIGUOUS_DATES = [
    ("shop", "заказы с 01/02/2025 в клик ежедневно"),
    ("shop", "orders created after 03/04/2025 to clickhouse daily"),
    ("hotel", "bookings created before 05/06/2025, daily"),
    ("shop", "заказы после 31/02/2025 в клик ежедневно"),  # no such day
]


@pytest.mark.parametrize(("catalog", "text"), AMBIGUOUS_DATES)
def test_ambiguous_or_impossible_date_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"


# --- 4. a value after a genitive of another table, or after «только» ----------------------------------------

VALUE_AFTER_GENITIVE_OR_ONLY = [
    ("cinema", "Сеансов фильмов IMAX — в клик, каждый час", "ops.screenings", "format = 'IMAX'"),
    (
        "hotel",
        "начисления броней minibar в клик ежедневно",
        "finance.folio_charges",
        "charge_type = 'minibar'",
    ),
    ("hotel", "брони гостей website в клик ежедневно", "booking.reservations", "channel = 'website'"),
    ("telecom", "обращения абонентов roaming в клик ежедневно", "support_tickets", "category = 'roaming'"),
    ("shop", "события только signup, раз в час, новые по occurred_at", "events", "event_type = 'signup'"),
    ("shop", "события только purchase каждые 10 минут", "events", "event_type = 'purchase'"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), VALUE_AFTER_GENITIVE_OR_ONLY)
def test_value_after_genitive_or_only(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where


def test_unlisted_value_after_only_is_still_asked() -> None:
    assert plan_in("hotel", "брони только xyz ежедневно").status == "needs_clarification"


# --- 5. the table's own comment phrase is no condition ------------------------------------------------------

OWN_PHRASE = [
    ("airline", "операции с милями в клик ежедневно", "loyalty.miles_transactions"),
    (
        "airline",
        "Операции с милями инкрементально по created_at каждые 20 минут",
        "loyalty.miles_transactions",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "table"), OWN_PHRASE)
def test_table_comment_phrase_is_no_condition(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where is None


def test_counted_state_after_with_is_still_asked() -> None:
    # «с просрочкой»: status 'overdue' or overdue_days > 0 (no comment phrase of lending.loans)
    assert plan_in("bank", "кредиты с просрочкой в клик ежедневно").status == "needs_clarification"


# --- 6. the target table named with a naming verb -----------------------------------------------------------

NAMED_TARGET = [
    ("cinema", "Сеансы IMAX — в клик, ежечасно, табличку назови screenings_imax", "screenings_imax"),
    ("shop", "заказы в клик ежедневно, таблицу назовите orders_copy", "orders_copy"),
    ("hotel", "брони в кх каждый час, табличку назовём bookings_raw", "bookings_raw"),
    ("shop", "заказы в клик ежедневно, назови таблицу orders_copy", "orders_copy"),
]


@pytest.mark.parametrize(("catalog", "text", "target"), NAMED_TARGET)
def test_target_named_with_a_naming_verb(catalog: str, text: str, target: str) -> None:
    assert ok_spec(catalog, text).target.table == target
