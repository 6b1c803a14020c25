"""Marts refreshed on the real servers: values equal PostgreSQL's own aggregate, exactly.

The reference aggregates are written by hand in plain PostgreSQL (not with the mart SQL generator),
so a wrong generated query cannot agree with them by construction.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.marts.model import Mart
from airflow_ai_etl.transfers.mart_to_clickhouse import MartToClickHouseTransfer
from airflow_ai_etl.transfers.postgres_source import TransferError
from airflow_ai_etl.transfers.postgres_to_clickhouse import PostgresToClickHouseTransfer

pytestmark = pytest.mark.integration

MEASURES = [
    {"func": "sum", "column": "amount", "as": "revenue"},
    {"func": "count", "as": "n"},
    {"func": "avg", "column": "amount", "as": "avg_check"},
    {"func": "count_distinct", "column": "customer_id", "as": "buyers"},
    {"func": "max", "column": "quantity", "as": "max_qty"},
]
# The same measures, by hand; avg truncated to 6 places as the mart defines it.
REFERENCE_MEASURES = (
    "sum(amount), count(*), trunc(avg(amount), 6), count(DISTINCT customer_id), max(quantity)"
)


@pytest.fixture
def env(shop_db, clickhouse, ch_database, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CH_FAST", clickhouse.uri(ch_database))
    monkeypatch.setenv(
        "AIRFLOW_CONN_CH_ROWS", f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/{ch_database}"
    )
    return ch_database


@pytest.fixture
def ch(clickhouse, env):
    client = clickhouse.client(database=env)
    yield client
    client.disconnect()


def pg(postgres, sql):
    return postgres.execute(sql, dbname="shop")


def refresh(mart: dict, table: str = "mart", conn: str = "ch_fast", **kwargs):
    hook = ClickHouseHook(clickhouse_conn_id=conn)
    return MartToClickHouseTransfer(Mart.model_validate(mart), hook, table, **kwargs).run()


def rows(ch, table: str, order: str) -> list[tuple]:
    return [tuple(r) for r in ch.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def normalise(records) -> list[tuple]:
    """Decimals compared by value (Decimal('1.50') == Decimal('1.5')), ints as ints."""
    return [tuple(int(v) if isinstance(v, int) else v for v in r) for r in records]


def tables(ch) -> list[str]:
    return sorted(r[0] for r in ch.execute("SHOW TABLES"))


DAY_REGION_CITY = {
    "conn_id": "pg_shop",
    "table": "sales",
    "measures": MEASURES,
    "dimensions": ["region", "city"],
    "joins": [{"table": "customers", "on": {"customer_id": "id"}}],
    "time_grain": {"column": "sold_at", "grain": "day"},
}
REFERENCE_DAY_REGION_CITY = f"""
SELECT s.sold_at::date, s.region, c.city, {REFERENCE_MEASURES.replace("customer_id", "s.customer_id")}
FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 NULLS FIRST
"""


@pytest.mark.parametrize("conn", ["ch_fast", "ch_rows"])
def test_pushed_down_mart_equals_postgres_aggregate(env, ch, postgres, conn):
    result = refresh(DAY_REGION_CITY, conn=conn)

    expected = pg(postgres, REFERENCE_DAY_REGION_CITY)
    assert result.mode == "full" and result.path == (
        "postgres:copy" if conn == "ch_fast" else "postgres:rows"
    )
    assert result.rows == len(expected) == result.recomputed
    assert rows(ch, "mart", "day, region, city NULLS FIRST") == normalise(expected)
    # exact decimals: the revenue total is the source's total to the cent
    assert (
        ch.execute("SELECT sum(revenue) FROM mart")[0][0]
        == pg(postgres, "SELECT sum(amount) FROM sales")[0][0]
    )
    assert tables(ch) == ["mart"]  # no work tables left behind


def test_clickhouse_side_mart_equals_postgres_aggregate(env, ch, postgres):
    PostgresToClickHouseTransfer(
        source_conn_id="pg_shop",
        target_hook=ClickHouseHook(clickhouse_conn_id="ch_fast"),
        target_table="sales",
        source_table="sales",
        mode="replace",
    ).run()
    mart = {
        "conn_id": "ch_fast",
        "table": "sales",
        "measures": MEASURES,
        "dimensions": ["region"],
        "time_grain": {"column": "sold_at", "grain": "week"},
        "filters": [{"column": "quantity", "op": ">=", "value": 2}],
    }
    result = refresh(mart)

    expected = pg(
        postgres,
        f"SELECT date_trunc('week', sold_at)::date, region, {REFERENCE_MEASURES} FROM sales "
        "WHERE quantity >= 2 GROUP BY 1, 2 ORDER BY 1, 2",
    )
    assert result.path == "clickhouse" and result.rows == len(expected)
    assert rows(ch, "mart", "week, region") == normalise(expected)


def test_incremental_refresh_after_late_rows_equals_a_full_recompute(env, ch, postgres):
    mart = {**DAY_REGION_CITY, "refresh": "incremental", "lookback": 3}
    first = refresh(mart)
    assert first.mode == "full"  # an empty mart is built in full
    last_day = pg(postgres, "SELECT max(sold_at)::date FROM sales")[0][0]  # 2024-03-24
    # Late rows: two in the last grains (inside the window), one on a new day, with new customers' cities.
    pg(
        postgres,
        f"""INSERT INTO sales (id, order_id, customer_id, product_id, amount, quantity, region, sold_at)
        VALUES (1001, 1, 3, 1, 0.01, 1, 'north', DATE '{last_day}' - 2 + TIME '05:00'),
               (1002, 2, 10, 2, 12345.67, 2, 'east', DATE '{last_day}' + TIME '23:59:59'),
               (1003, 3, 7, 3, 99.99, 3, 'mars', DATE '{last_day}' + 1 + TIME '00:00')""",
    )

    second = refresh(mart)

    assert second.mode == "incremental" and second.since == str(last_day.replace(day=last_day.day - 2))
    assert second.recomputed < second.rows  # only the window was computed from the source
    assert rows(ch, "mart", "day, region, city NULLS FIRST") == normalise(
        pg(postgres, REFERENCE_DAY_REGION_CITY)
    )
    # A row older than the window is not counted by an incremental refresh, only by a full one.
    pg(postgres, "INSERT INTO sales (id, customer_id, amount, quantity, region, sold_at) "
       "VALUES (1004, 5, 1000, 1, 'north', TIMESTAMP '2024-01-02 10:00')")  # fmt: skip
    refresh(mart)
    assert rows(ch, "mart", "day, region, city NULLS FIRST") != normalise(
        pg(postgres, REFERENCE_DAY_REGION_CITY)
    )
    assert refresh(mart, mode="full").mode == "full"
    assert rows(ch, "mart", "day, region, city NULLS FIRST") == normalise(
        pg(postgres, REFERENCE_DAY_REGION_CITY)
    )


def test_clickhouse_side_incremental_hourly_counts_late_rows(env, ch, postgres):
    hook = ClickHouseHook(clickhouse_conn_id="ch_fast")
    PostgresToClickHouseTransfer(
        source_conn_id="pg_shop", target_hook=hook, target_table="sales", source_table="sales", mode="replace"
    ).run()
    mart = {
        "conn_id": "ch_fast",
        "table": "sales",
        "measures": [{"func": "sum", "column": "amount", "as": "revenue"}, {"func": "count", "as": "n"}],
        "time_grain": {"column": "sold_at", "grain": "hour"},
        "refresh": "incremental",
        "lookback": 8,
    }
    refresh(mart)
    # late rows inside the last 8 hours of the mart and one newer hour, written straight into ClickHouse
    ch.execute(
        "INSERT INTO sales (id, amount, sold_at) VALUES",
        [
            (2001, Decimal("0.05"), ch.execute("SELECT max(sold_at) - 3600 * 4 FROM sales")[0][0]),
            (2002, Decimal("7.25"), ch.execute("SELECT max(sold_at) + 3600 * 5 FROM sales")[0][0]),
        ],
    )
    result = refresh(mart)

    full = ch.execute(
        "SELECT toStartOfHour(sold_at) h, sum(amount), count() FROM sales GROUP BY h ORDER BY h"
    )
    assert result.mode == "incremental" and 0 < result.recomputed < result.rows
    assert rows(ch, "mart", "hour") == [tuple(r) for r in full]


def test_failed_refresh_keeps_the_previous_mart(env, ch, postgres):
    mart = {"conn_id": "pg_shop", "table": "sales", "measures": MEASURES, "dimensions": ["region"]}
    refresh(mart)
    before = rows(ch, "mart", "region")
    # The query fails in PostgreSQL half way (division by zero on the rows with quantity 3).
    with pytest.raises(TransferError):
        refresh({**mart, "where": "100 / (quantity - 3) > 0"})
    assert rows(ch, "mart", "region") == before
    assert tables(ch) == ["mart"]


def test_changed_definition_is_rebuilt_in_full(env, ch, postgres):
    mart = {**DAY_REGION_CITY, "refresh": "incremental"}
    refresh(mart)
    changed = {**mart, "measures": [*MEASURES, {"func": "min", "column": "amount", "as": "min_amount"}]}
    result = refresh(changed)
    assert result.mode == "full"
    assert [c for c, _ in ClickHouseHook(clickhouse_conn_id="ch_fast").get_table_columns("mart")][
        -1
    ] == "min_amount"


def test_clickhouse_side_mart_needs_the_fact_table_on_the_same_server(env, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_CH_ELSEWHERE", "clickhouse://default@127.0.0.2:9/x")
    mart = {"conn_id": "ch_elsewhere", "table": "sales", "measures": [{"func": "count"}]}
    hook = ClickHouseHook(clickhouse_conn_id="ch_fast")
    transfer = MartToClickHouseTransfer(
        Mart.model_validate(mart), hook, "mart", catalog=_catalog_with_sales()
    )
    with pytest.raises(TransferError, match="must be on the mart's server"):
        transfer.run()


def _catalog_with_sales():
    from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, Table

    table = Table("x", "sales", (Column("id", "Int64", False),))
    conn = ConnectionInfo("ch_elsewhere", "clickhouse", "", "127.0.0.2", "x")
    return Catalog(connections={"ch_elsewhere": conn}, tables={"ch_elsewhere": [table]})


# --------------------------------------------------------------------------- spec, preview, gates

MART_SPEC = {
    "dag_id": "revenue_mart",
    "request": "Витрина выручки по регионам и дням из продаж",
    "source": {
        "type": "mart",
        "conn_id": "pg_shop",
        "table": "sales",
        "mart": {
            "measures": MEASURES,
            "dimensions": ["region"],
            "time_grain": {"column": "sold_at", "grain": "day"},
        },
    },
    "target": {"conn_id": "ch_fast", "table": "revenue", "mode": "replace"},
}
REFERENCE_DAY_REGION = (
    f"SELECT sold_at::date, region, {REFERENCE_MEASURES} FROM sales GROUP BY 1, 2 ORDER BY 1, 2"
)


def test_rendered_operator_refreshes_the_mart(env, ch, postgres, tmp_path):
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.operators.mart import MartToClickHouseOperator
    from airflow_ai_etl.render.renderer import plan_tasks

    outcome = Assistant(catalog=load_catalog(), check_import=False).check(MART_SPEC)
    assert outcome.status == "ok", outcome.errors
    [task] = plan_tasks(outcome.spec).tasks  # the operator and the literal arguments the file holds

    result = MartToClickHouseOperator(**dict(task.args)).execute(context={})

    assert result["rows"] == len(pg(postgres, REFERENCE_DAY_REGION)) and result["mode"] == "full"
    assert rows(ch, "revenue", "day, region") == normalise(pg(postgres, REFERENCE_DAY_REGION))


def test_cost_cap_refuses_an_expensive_mart(env, monkeypatch):
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog

    monkeypatch.setenv("AIRFLOW__AI_ETL__MART_COST_CAP", "5")
    outcome = Assistant(catalog=load_catalog(), check_import=False).check(MART_SPEC)
    assert outcome.status == "rejected" and outcome.errors[0].gate == "cost"
    assert "above the cap 5" in outcome.errors[0].message


def test_preview_cli_shows_the_first_rows_and_an_estimate(env, postgres, tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    spec_file = tmp_path / "mart.json"
    spec_file.write_text(json.dumps(MART_SPEC), encoding="utf-8")
    environment = {**os.environ, "AIRFLOW_HOME": str(tmp_path), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "airflow"),
            "ai-etl",
            "preview",
            "--spec",
            str(spec_file),
            "--json",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    expected = pg(postgres, REFERENCE_DAY_REGION + " LIMIT 20")
    assert shown["columns"] == ["day", "region", "revenue", "n", "avg_check", "buyers", "max_qty"]
    assert shown["rows"] == [
        [v.isoformat() if hasattr(v, "isoformat") else (str(v) if isinstance(v, Decimal) else v) for v in r]
        for r in expected
    ]
    # counted, not PostgreSQL's plan estimate (which takes date_trunc's groups from sold_at: ~every row)
    assert shown["estimate_kind"] == "exact"
    assert shown["estimated_rows"] == len(pg(postgres, "SELECT DISTINCT sold_at::date, region FROM sales"))
    assert shown["spec"]["source"]["mart"]["measures"][0] == {
        "func": "sum",
        "column": "amount",
        "as": "revenue",
    }


def test_preview_stops_at_the_timeout_and_on_clickhouse_counts_exactly(env, ch, postgres):
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.marts.preview import preview_mart
    from airflow_ai_etl.marts.resolve import resolve_mart

    PostgresToClickHouseTransfer(
        source_conn_id="pg_shop",
        target_hook=ClickHouseHook(clickhouse_conn_id="ch_fast"),
        target_table="sales",
        source_table="sales",
        mode="replace",
    ).run()
    catalog = load_catalog(["pg_shop", "ch_fast"])
    ch_mart = Mart.model_validate(
        {**DAY_REGION_CITY, "conn_id": "ch_fast", "dimensions": ["region"], "joins": []}
    )
    shown = preview_mart(resolve_mart(ch_mart, catalog), limit=3)
    assert shown.estimate_kind == "exact"
    assert shown.estimated_rows == len(pg(postgres, "SELECT DISTINCT sold_at::date, region FROM sales"))
    assert normalise(shown.rows) == normalise(pg(postgres, REFERENCE_DAY_REGION + " LIMIT 3"))
    # a PostgreSQL preview that runs too long is stopped by its statement timeout
    # (md5 of 20 MB per row: seconds for the 500 rows)
    slow = Mart.model_validate({**DAY_REGION_CITY, "where": "md5(repeat(region, 5000000)) <> ''"})
    with pytest.raises(Exception, match="statement timeout"):
        preview_mart(resolve_mart(slow, catalog), timeout_seconds=0.2)


def test_refresh_reads_schema_qualified_tables_and_finds_unpinned_joins(env, ch, postgres):
    leads = {
        "conn_id": "pg_shop",
        "table": "crm.leads",
        "measures": [{"func": "count", "as": "leads"}],
        "dimensions": ["source"],
        "time_grain": {"column": "created_at", "grain": "week"},
    }
    refresh(leads, table="leads_mart")
    expected = pg(
        postgres, "SELECT date_trunc('week', created_at)::date, source, count(*) FROM crm.leads GROUP BY 1, 2"
    )
    assert sorted(rows(ch, "leads_mart", "week")) == sorted(normalise(expected))
    # category is in products, reached along the one relation sales.product_id -> products.id
    by_category = {
        "conn_id": "pg_shop",
        "table": "sales",
        "measures": MEASURES[:2],
        "dimensions": ["category"],
    }
    refresh(by_category, table="category_mart")
    expected = pg(
        postgres,
        "SELECT p.category, sum(s.amount), count(*) FROM sales s LEFT JOIN products p ON p.id = s.product_id "
        "GROUP BY 1 ORDER BY 1",
    )
    assert rows(ch, "category_mart", "category") == normalise(expected)
