"""Families of confident wrong answers from the held-out batch heldout_2026-12-06m, tested with sentences
phrased differently over several catalogs (none from an eval file): «дубли по X выкинуть» is a dedupe on X,
not a unique check; a status word next to a mask word is a row condition, not a masked column; a bracketed
condition after a «по <noun> X» / «где <noun> (col) больше N» phrase in a plain load is the row condition,
not a mart."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. «дубли по X выкинуть», "drop duplicates by X": a dedupe on X, not a unique check -------------------


@pytest.mark.parametrize(
    ("catalog", "text", "columns"),
    [
        ("shop", "клиенты в клик каждый час, телефон скрыть, дубли по email выкинуть", ["email"]),
        ("shop", "заказы в клик каждые 3 часа, дубли по customer_id выбросить", ["customer_id"]),
        ("shop", "покупатели в клик раз в день, дубли по phone выбрасывать", ["phone"]),
        ("shop", "покупатели в клик раз в день, убрать дубли по phone", ["phone"]),
        ("shop", "customers to clickhouse hourly, drop duplicates by email", ["email"]),
    ],
)  # fmt: skip
def test_dropping_duplicates_by_a_column_is_a_dedupe(catalog: str, text: str, columns: list[str]) -> None:
    spec = ok_spec(catalog, text)
    dedupes = [t for t in spec.to_json_dict()["transforms"] if t["type"] == "dedupe"]
    assert [d["columns"] for d in dedupes] == [columns]
    assert not [c for c in spec.checks if c.type == "unique"]


def test_a_warning_about_duplicates_is_still_a_unique_check() -> None:
    spec = ok_spec("shop", "клиенты в клик каждый час, предупреждать если дубли по email")
    assert [(c.type, c.columns, c.severity) for c in spec.checks] == [("unique", ["email"], "warn")]
    assert not [t for t in spec.to_json_dict()["transforms"] if t["type"] == "dedupe"]


# --- 2. a status word next to a mask word: the rows to take, not a column to mask --------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where", "mask"),
    [
        ("univ", "tuition payments to clickhouse every morning at 7, pending only, card masked",
         "status = 'pending'", ["card_number"]),
        ("logistics", "shipments to clickhouse hourly, delivered only, recipient phone masked",
         "status = 'delivered'", ["recipient_phone"]),
        ("clinic", "invoices, unpaid only, card number hashed, every night at 1",
         "status IS DISTINCT FROM 'paid'", ["card_number"]),
        ("utility", "payments to clickhouse daily, card only, card number masked", "channel = 'card'",
         ["card_number"]),
        ("clinic", "счета в клик каждый день в 6 утра, только оплаченные, номер карты скрыть",
         "status = 'paid'", ["card_number"]),
    ],
)  # fmt: skip
def test_a_status_word_before_a_mask_is_the_row_condition(
    catalog: str, text: str, where: str, mask: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    masks = [t for t in spec.to_json_dict()["transforms"] if t["type"] == "mask"]
    assert [m["columns"] for m in masks] == [mask]


def test_a_list_of_columns_before_a_mask_word_is_still_masked() -> None:
    spec = ok_spec("shop", "customers to clickhouse daily, full name, email and phone masked")
    masks = [t for t in spec.to_json_dict()["transforms"] if t["type"] == "mask"]
    assert [m["columns"] for m in masks] == [["full_name", "email", "phone"]]


# --- 3. a bracketed condition after «по <noun> X» or «где <noun> (col) больше N»: a load's rows, no mart ----


@pytest.mark.parametrize(
    ("catalog", "text", "where", "target"),
    [
        ("shop", "остатки по складу spb (warehouse = 'spb') каждый час в таблицу inventory_spb",
         "warehouse = 'spb'", "inventory_spb"),
        ("shop", "продажи по региону north (region = 'north') каждые 2 часа в таблицу sales_north",
         "region = 'north'", "sales_north"),
        ("univ", "курсы, где кредитов (credits) больше 3, ежедневно в 4 утра", "credits > 3", "courses"),
    ],
)  # fmt: skip
def test_a_bracketed_row_condition_is_no_mart(catalog: str, text: str, where: str, target: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "sql"
    assert spec.source.where == where
    assert spec.target.table == target


def test_a_zone_word_given_as_a_quoted_value_is_that_value() -> None:
    spec = ok_spec("shop", "остатки по складу msk (warehouse = 'msk') ежедневно в 7 утра в таблицу stock_m")
    assert spec.source.where == "warehouse = 'msk'"
    assert spec.timezone == "UTC"
    assert ok_spec("shop", "заказы в клик каждый день в 9 msk").timezone == "Europe/Moscow"


def test_a_grouping_by_a_plural_noun_is_still_a_mart() -> None:
    spec = ok_spec("shop", "выручка по регионам (region = 'north') ежедневно")
    assert spec.source.type == "mart"


# --- 4. a condition in brackets right after a city phrase restates it; a boolean compared with true/false ---


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "покупатели из Самары (city = 'Samara') в клик каждый день в 6 утра", "city = 'Samara'"),
        ("shop", "customers from Berlin (city = 'Berlin') to clickhouse daily", "city = 'Berlin'"),
        ("utility", "обходы контролёров (seal_ok = false) в таблицу bs каждый день в 19:00", "seal_ok = false"),
        ("utility", "абоненты, где is_privileged = true, в клик каждый день в 3 ночи", "is_privileged = true"),
    ],
)  # fmt: skip
def test_a_bracketed_condition_after_a_place_restates_it(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_another_condition_on_the_place_column_outside_brackets_is_still_asked() -> None:
    outcome = plan_in("shop", "покупатели из Самары в клик каждый день в 6 утра, city = 'Samara'")
    assert outcome.status == "needs_clarification"


# --- 5. "only col = 'x'" after a comma: a row condition, not the one column to load --------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "events, only event_type = 'click', load new ones every 5 min by occurred_at",
         "event_type = 'click'"),
        ("hr", "badge events, only direction = 'out', new ones every 10 minutes by occurred_at",
         "direction = 'out'"),
    ],
)  # fmt: skip
def test_only_with_a_comparison_is_a_row_condition(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert spec.source.columns is None
    assert spec.source.incremental is not None and spec.source.incremental.column == "occurred_at"


def test_only_a_list_of_columns_is_still_a_subset() -> None:
    assert ok_spec("shop", "orders, only id, status and total, hourly").source.columns == [
        "id",
        "status",
        "total",
    ]


# --- 6. a status value quoted in capitals is read, not asked about again -------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "orders hourly, where status = 'PAID'", "status = 'PAID'"),
        ("shop", "orders to clickhouse every 15 minutes, only status = 'CANCELLED'", "status = 'CANCELLED'"),
    ],
)  # fmt: skip
def test_a_status_value_in_capitals_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
