"""Source queries run under ``[ai_etl] source_statement_timeout`` (real PostgreSQL and ClickHouse).

A source query that runs longer than the configured seconds is cancelled by PostgreSQL; the load
fails with an error naming the setting, and the target keeps exactly what it had.
"""

from __future__ import annotations

import time

import pytest

from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator, PostgresToPostgresOperator
from airflow_ai_etl.transfers.postgres_source import TransferError, source_statement_timeout

pytestmark = pytest.mark.integration

TIMEOUT_ENV = "AIRFLOW__AI_ETL__SOURCE_STATEMENT_TIMEOUT"
# 500 sales rows x 0.05 s: 25 s of source query, cut off after 0.5 s.
SLOW_WHERE = "pg_sleep(0.05) IS NOT NULL"


@pytest.fixture
def env(postgres, shop_db, clickhouse, ch_database, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv(
        "AIRFLOW_CONN_PG_TARGET", postgres.create_database("timeout_target", drop_existing=True)
    )
    monkeypatch.setenv(
        "AIRFLOW_CONN_CH_ROWS", f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/{ch_database}"
    )
    monkeypatch.setenv("AIRFLOW_CONN_CH_FAST", clickhouse.uri(ch_database))
    return ch_database


def test_the_setting_is_read_from_airflow_config(monkeypatch) -> None:
    monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    assert source_statement_timeout() == 3600
    monkeypatch.setenv(TIMEOUT_ENV, "0.25")
    assert source_statement_timeout() == 0.25
    monkeypatch.setenv(TIMEOUT_ENV, "0")
    assert source_statement_timeout() is None
    monkeypatch.setenv(TIMEOUT_ENV, "soon")
    with pytest.raises(TransferError, match="source_statement_timeout"):
        source_statement_timeout()


@pytest.mark.parametrize("ch_conn", ["ch_rows", "ch_fast"])
def test_a_slow_source_query_is_cancelled_and_clickhouse_keeps_its_rows(
    env, clickhouse, monkeypatch, ch_conn
) -> None:
    load = {"task_id": "load", "source_conn_id": "pg_shop", "source_table": "sales"}
    load.update(target_conn_id=ch_conn, target_table="sales", mode="replace")
    PostgresToClickHouseOperator(**load, where="id <= 100").execute(context={})
    monkeypatch.setenv(TIMEOUT_ENV, "0.5")
    started = time.monotonic()
    with pytest.raises(TransferError, match=r"source_statement_timeout = 0.5 s"):
        PostgresToClickHouseOperator(**load, where=SLOW_WHERE).execute(context={})
    assert time.monotonic() - started < 15
    client = clickhouse.client(database=env)
    try:
        assert client.execute("SELECT count(), max(id) FROM sales")[0] == (100, 100)
        assert [t for (t,) in client.execute("SHOW TABLES")] == ["sales"]  # no staging left
    finally:
        client.disconnect()


def test_a_slow_source_query_is_cancelled_and_postgres_keeps_its_rows(env, postgres, monkeypatch) -> None:
    load = {"task_id": "load", "source_conn_id": "pg_shop", "source_table": "sales"}
    load.update(target_conn_id="pg_target", target_table="sales", mode="replace")
    PostgresToPostgresOperator(**load, where="id <= 100").execute(context={})
    monkeypatch.setenv(TIMEOUT_ENV, "0.5")
    with pytest.raises(TransferError, match=r"source_statement_timeout = 0.5 s"):
        PostgresToPostgresOperator(**load, where=SLOW_WHERE).execute(context={})
    assert postgres.execute("SELECT count(*), max(id) FROM sales", dbname="timeout_target") == [(100, 100)]


def test_a_quick_load_is_not_affected(env, postgres, monkeypatch) -> None:
    monkeypatch.setenv(TIMEOUT_ENV, "5")
    result = PostgresToPostgresOperator(
        task_id="load", source_conn_id="pg_shop", source_table="sales", target_conn_id="pg_target",
        target_table="sales",
    ).execute(context={})  # fmt: skip
    assert result["rows"] == 500
