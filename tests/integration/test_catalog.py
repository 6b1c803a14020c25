"""The catalog read through the hooks from the real servers."""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import load_catalog

pytestmark = pytest.mark.integration


def test_catalog_reads_tables_keys_and_comments(shop_db, postgres, clickhouse, ch_database, monkeypatch):
    postgres.execute("COMMENT ON TABLE public.sales IS 'Продажи по регионам'", dbname="shop")
    postgres.execute("COMMENT ON COLUMN public.sales.amount IS 'Сумма продажи'", dbname="shop")
    client = clickhouse.client(database=ch_database)
    client.execute("CREATE TABLE facts (id Int64, v Nullable(String)) ENGINE = MergeTree() ORDER BY id")
    # The transfers' bookkeeping tables are not offered to the planner.
    for own in ("_ai_etl_loaded_files", "facts__staging", "facts__old", "orders__cdc_snapshot"):
        client.execute(f"CREATE TABLE `{own}` (id Int64) ENGINE = Memory")
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CH_WAREHOUSE", clickhouse.uri(ch_database))
    monkeypatch.setenv("AIRFLOW_CONN_BROKEN_PG", "postgresql://nobody@127.0.0.1:1/none")

    catalog = load_catalog()

    assert {c.conn_id: c.engine for c in catalog.connections.values()} == {
        "broken_pg": "postgres", "ch_warehouse": "clickhouse", "pg_shop": "postgres"
    }  # fmt: skip
    assert "broken_pg" in catalog.errors and "pg_shop" not in catalog.errors
    sales = catalog.find_table("pg_shop", "sales")
    assert sales.primary_key == ("id",) and sales.comment == "Продажи по регионам"
    assert (
        sales.column("amount").comment == "Сумма продажи" and sales.column("amount").type == "numeric(12,2)"
    )
    orders = catalog.find_table("pg_shop", "orders")
    assert [(fk.columns, fk.ref_table, fk.ref_columns) for fk in orders.foreign_keys] == [
        (("customer_id",), "public.customers", ("id",))
    ]
    assert catalog.find_table("pg_shop", "crm.leads") is not None
    ch_tables = catalog.tables_of("ch_warehouse")
    assert [t.name for t in ch_tables] == ["facts"]
    assert ch_tables[0].primary_key == ("id",) and ch_tables[0].column("v").nullable
