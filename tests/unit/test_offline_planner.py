"""The offline planner against the shop catalog (no servers: the catalog is built from DDL)."""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import ConnectionInfo
from airflow_ai_etl.planning.offline import plan
from tests.catalogs import shop_catalog

SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"


def fields(text: str, catalog=None) -> dict:
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
    }


def test_the_card_sentence() -> None:
    got = fields(SENTENCE)
    assert got["table"] == "sales"
    assert (got["source"], got["target"]) == ("pg_shop", "clickhouse_default")
    assert got["schedule"] == "0 2 * * *"
    assert got["mode"] == "append"
    spec = plan(SENTENCE, shop_catalog()).spec
    assert spec.request == SENTENCE
    assert spec.dag_id == "sales_pg_shop_to_clickhouse_default"


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
        ("Загружать платежи ежечасно, маскировать номера карт", {"table": "payments", "mask": ["card_number"]}),
        ("upsert inventory to clickhouse every 2 hours",
         {"table": "inventory", "mode": "upsert", "keys": ["product_id", "warehouse"]}),
        ("Загружать заказы инкрементально по полю updated_at каждые 5 минут в таблицу orders_inc",
         {"incremental": "updated_at", "target_table": "orders_inc", "schedule": "*/5 * * * *"}),
        ("load sales only columns id, amount, region daily at 17:00 UTC",
         {"columns": ["id", "amount", "region"], "schedule": "0 17 * * *", "timezone": "UTC"}),
        ("Load paid orders with total over 1000 into ClickHouse daily",
         {"table": "orders", "where": "total > 1000 AND status = 'paid'"}),
        ("copy leads from postgres to clickhouse manually", {"table": "crm.leads", "schedule": None}),
        ("Копировать таблицу crm.leads в ClickHouse вручную", {"table": "crm.leads", "target_table": "leads"}),
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
        ("Загружать данные в ClickHouse каждый час", "Which table"),
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
    assert reason in outcome.errors[0].message


def test_deduplication_words_are_not_destructive() -> None:
    outcome = plan("Удалить дубли из продаж и загружать ежедневно", shop_catalog())
    assert outcome.status == "ok"
    assert outcome.spec.transforms[0].type == "dedupe"


def test_same_request_same_spec() -> None:
    assert plan(SENTENCE, shop_catalog()).spec == plan(SENTENCE, shop_catalog()).spec
