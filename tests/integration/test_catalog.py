"""The catalog read through the hooks from the real servers."""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import Catalog, load_catalog

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


def test_catalog_reads_values_declared_by_checks_and_enum_types(
    shop_db, postgres, clickhouse, ch_database, monkeypatch
):
    postgres.execute(
        """
        CREATE SCHEMA support;
        CREATE TYPE support.ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
        ALTER TYPE support.ticket_priority ADD VALUE 'trivial' BEFORE 'low';
        CREATE TABLE support.tickets (
            id int PRIMARY KEY, priority support.ticket_priority NOT NULL,
            status text NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
            channel varchar(10) CHECK (channel = 'email' OR channel = 'phone'),
            kind text, amount numeric CHECK (amount > 0), subject text,
            CONSTRAINT tickets_kind_check CHECK (kind IS NULL OR kind IN ('bug', 'question')),
            CHECK (amount IS NULL OR subject IS NOT NULL)
        );
        COMMENT ON COLUMN support.tickets.status IS 'Статус обращения';
        """,
        dbname="shop",
    )
    client = clickhouse.client(database=ch_database)
    # (the test server's ClickHouse needs an experimental setting for LowCardinality: that wrapper is read in
    # tests/unit/test_planner_round123.py)
    client.execute(
        "CREATE TABLE events (id Int64, level Enum8('info' = 1, 'warn' = 2, 'error' = 3),"
        " stage Nullable(Enum16('new' = 1, 'done' = 300)), tag String)"
        " ENGINE = MergeTree() ORDER BY id"
    )
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CH_WAREHOUSE", clickhouse.uri(ch_database))

    catalog = load_catalog(["pg_shop", "ch_warehouse"])

    tickets = catalog.find_table("pg_shop", "support.tickets")
    assert tickets is not None and not catalog.errors
    assert {c.name: c.values for c in tickets.columns} == {
        "id": (),
        "priority": ("trivial", "low", "normal", "high", "urgent"),  # the enum's sort order, not its oids
        "status": ("open", "pending", "closed"),  # stored as `status = ANY (ARRAY[...])`
        "channel": ("email", "phone"),  # a varchar column's check, spelled with OR
        "kind": ("bug", "question"),
        "amount": (),
        "subject": (),
    }
    assert tickets.column("status").comment == "Статус обращения"  # the comment is kept as written
    # the planner reads them as a listing comment; a snapshot keeps them
    listed = catalog.with_values_listed().find_table("pg_shop", "support.tickets")
    assert listed.column("status").comment == "Статус обращения (open, pending, closed)"
    assert Catalog.from_dict(catalog.to_dict()).find_table("pg_shop", "support.tickets") == tickets
    events = catalog.find_table("ch_warehouse", "events")
    assert events is not None
    assert {c.name: c.values for c in events.columns} == {
        "id": (), "level": ("info", "warn", "error"), "stage": ("new", "done"), "tag": ()
    }  # fmt: skip
    assert events.column("stage").nullable
