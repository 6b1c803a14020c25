"""Families of the held-out batch heldout_2026-12-07o, tested with sentences phrased differently over several
catalogs, telecom among them (none from an eval file): a target table named last after a comma (with a type
word or an engine word in between, a name that is no existing table); a zone abbreviation that stands as a
column's value («только склад msk»); a minute offset in words after a frequency («ежечасно в полчаса»); a
mask item that names no column is asked, never dropped.

Written before the rule changes (planner23): 9 of the 32 cases passed then.
"""

from __future__ import annotations

import pytest

from tests.planned import best_cpu_seconds, ok_spec, plan_in


def _masked(spec) -> list[str]:  # type: ignore[no-untyped-def]
    return [c for t in spec.to_json_dict()["transforms"] if t["type"] == "mask" for c in t["columns"]]


# --- 1. the target table named last, after a comma ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "target"),
    [
        ("shop", "customers upsert by id every 10 minutes, table customers_live", "customers", "customers_live"),
        ("shop", "клиентов в клик ежедневно в 4 утра, таблица в клике customers_mirror", "customers",
         "customers_mirror"),
        ("shop", "продажи в кликхаус каждый час, таблица sales_hot", "sales", "sales_hot"),
        ("hr", "сотрудники ежедневно, таблица employees_copy", "employees", "employees_copy"),
        ("telecom", "subscribers daily at 2am, table in clickhouse subs_daily", "subscribers", "subs_daily"),
        ("telecom", "звонки каждые 10 минут, таблица в кх calls_hot", "network.calls", "calls_hot"),
        ("telecom", "tariffs every 5 minutes, table tariffs_mirror", "tariffs", "tariffs_mirror"),
        ("logistics", "couriers to clickhouse daily at 5am, table couriers_daily", "couriers", "couriers_daily"),
        ("utility", "показания счётчиков в клик ежечасно, таблица readings_hourly", "metering.readings",
         "readings_hourly"),
    ],
)  # fmt: skip
def test_a_target_table_named_last_after_a_comma(catalog: str, text: str, table: str, target: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.target.table) == (table, target)


def test_a_source_table_named_last_stays_the_source() -> None:
    assert ok_spec("shop", "orders to clickhouse daily, table orders").target.table == "orders"
    assert plan_in("shop", "load table foobar to clickhouse daily").status == "needs_clarification"


# --- 2. a zone abbreviation that is a column's value --------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "Please copy inventory to clickhouse every hour, only warehouse msk", "warehouse = 'msk'"),
        ("shop", "копировать остатки в клик каждые два часа, только склад msk", "warehouse = 'msk'"),
        ("telecom", "subscribers to clickhouse daily, only region msk", "region = 'msk'"),
        ("logistics", "hubs to clickhouse daily at 4am, only city msk", "city = 'msk'"),
        ("telecom", "абонентов в клик ежедневно, регион мск", "region = 'мск'"),
    ],
)
def test_a_zone_word_after_a_column_noun_is_a_value(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.where, spec.timezone) == (where, "UTC")


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "остатки в клик ежедневно, только мск"),
        ("telecom", "calls to clickhouse hourly, only msk"),
    ],
)
def test_a_zone_word_after_only_is_never_dropped(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification" or (
        outcome.spec is not None and outcome.spec.source.where and outcome.spec.timezone == "UTC"
    )


def test_a_zone_word_after_a_clock_time_is_still_the_zone() -> None:
    assert ok_spec("shop", "inventory to clickhouse daily at 3 msk").timezone == "Europe/Moscow"
    assert ok_spec("telecom", "абонентов в клик ежедневно в 5 утра по мск").timezone == "Europe/Moscow"


# --- 3. a minute offset in words after a frequency ----------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "cron"),
    [
        ("shop", "остатки в клик ежечасно в полчаса", "30 * * * *"),
        ("shop", "заказы в клик каждый час в полчаса", "30 * * * *"),
        ("telecom", "платежи в клик, новые по paid_at, ежечасно в полчаса", "30 * * * *"),
        ("telecom", "звонки в клик раз в час в полчаса", "30 * * * *"),
        ("telecom", "calls to clickhouse every hour at half past", "30 * * * *"),
        ("hr", "табели в клик ежечасно в пятнадцать минут", "15 * * * *"),
        ("shop", "заказы в клик каждые полчаса", "*/30 * * * *"),
        # added after the change (not counted in the before number): a quarter to the hour
        ("telecom", "calls to clickhouse hourly at quarter to", "45 * * * *"),
        ("shop", "заказы в клик каждый час без четверти", "45 * * * *"),
        ("shop", "заказы в клик ежедневно без четверти семь утра", "45 6 * * *"),
    ],
)
def test_a_minute_offset_in_words_after_a_frequency(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron


# --- 6. a mask item that names no column --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "customers to clickhouse daily, mask email and the loyalty column"),
        ("shop", "клиентов в клик ежедневно, замаскировать email и колонку бонусов"),
        ("telecom", "абонентов в клик ежедневно, скрыть email и поле скидки"),
        ("telecom", "subscribers to clickhouse daily, hash passport_number and the nickname field"),
        ("hr", "employees to clickhouse at 7 daily, mask the salary and the perks column"),
    ],
)
def test_a_mask_item_naming_no_column_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "masked"),
    [
        ("hr", "employees to clickhouse daily at 8, mask passport_number and the salary column",
         ["passport_number", "salary"]),
        ("telecom", "subscribers to clickhouse daily, mask email and passport number", ["email", "passport_number"]),
    ],
)  # fmt: skip
def test_a_mask_list_of_real_columns_is_kept(catalog: str, text: str, masked: list[str]) -> None:
    assert sorted(_masked(ok_spec(catalog, text))) == masked


# --- misses of 07o (added after the changes, not counted in the before number) -------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("telecom", "обращения категорий roaming и billing в кх каждые 15 мин", "support_tickets",
         "category IN ('roaming', 'billing')"),
        ("telecom", "support tickets of category roaming or billing to clickhouse hourly", "support_tickets",
         "category IN ('roaming', 'billing')"),
        ("shop", "продажи с кол-вом больше трёх штук, каждые 10 минут", "sales", "quantity > 3"),
        ("shop", "продажи, где кол-во больше 5, в клик ежедневно", "sales", "quantity > 5"),
        ("utility", "тарифы ночной зоны (zone night) в кх ежедневно в 5 утра", "tariffs", "zone = 'night'"),
        ("utility", "тарифы пиковой зоны в клик ежедневно", "tariffs", "zone = 'peak'"),
        ("clinic", "пациентов женского пола (gender = f) в клик ежедневно", "patients", "gender = 'f'"),
        ("hr", "табели, проект Zeus, в клик ежедневно", "timesheets", "project = 'Zeus'"),
        ("hr", "табели в клик ежедневно, только проект Zeus", "timesheets", "project = 'Zeus'"),
        ("telecom", "data sessions with bytes_up over 5000000 to clickhouse hourly", "network.data_sessions",
         "bytes_up > 5000000"),
        ("telecom", "sessions with bytes_down over 1000 to clickhouse daily at 03:00", "network.data_sessions",
         "bytes_down > 1000"),
    ],
)  # fmt: skip
def test_values_after_a_column_word_and_a_hyphen_contraction(
    catalog: str, text: str, table: str, where: str
) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# --- CPU: the round's rules stay linear in the request ------------------------------------------------------


def test_a_long_repeated_request_with_this_rounds_words_stays_linear() -> None:
    """A table named last, a zone word as a value, «в полчаса», values after a column word, «кол-во», a mask
    item that is no column, a bracketed condition: n repeats of one clause cost about n times one clause."""

    clause = (
        "только регион мск, only region msk, статуса active и blocked, с кол-вом больше 3, "
        "email и колонку бонусов замаскировать, ночной зоны (zone = night), таблица в клике subs_live, "
    )

    def cpu_seconds(repeats: int) -> float:
        text = "абонентов в клик ежечасно в полчаса, " + clause * repeats
        return best_cpu_seconds(lambda: plan_in("telecom", text))

    cpu_seconds(2)  # warm the lexer's caches
    small, large = cpu_seconds(10), cpu_seconds(40)
    # Four times the text: about 4x; quadratic would be 16x.
    assert large < 10 * small + 0.1, (small, large)


@pytest.mark.parametrize(
    ("catalog", "text", "masked"),
    [
        ("logistics", "посылки в кх каждый час, фио и тел отправителя замаскировать", ["sender_name", "sender_phone"]),
        ("logistics", "посылки в кх каждый час, тел. получателя замаскировать", ["recipient_phone"]),
        ("shop", "клиентов в клик ежедневно, тел замаскировать", ["phone"]),
    ],
)  # fmt: skip
def test_a_clipped_word_of_several_columns_that_share_it(catalog: str, text: str, masked: list[str]) -> None:
    """«тел.» starts one word (телефон) of two phone columns: the word, then its qualifier, picks the column
    (added after the change, not counted in the before number)."""
    assert sorted(_masked(ok_spec(catalog, text))) == masked
