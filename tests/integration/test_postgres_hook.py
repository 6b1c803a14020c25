"""The engines' PostgreSQL connections follow PostgresHook's rules: extras, `iam`, `cursor`."""

from __future__ import annotations

import json

import pytest

from airflow_ai_etl.hooks.postgres import Psycopg2PostgresHook
from airflow_ai_etl.transfers.postgres_source import pg_connect

pytestmark = pytest.mark.integration


def _connection(shop_db: str, monkeypatch: pytest.MonkeyPatch, **extra: object) -> str:
    from urllib.parse import urlsplit

    url = urlsplit(shop_db)
    conn = {"conn_type": "postgres", "host": url.hostname, "port": url.port, "login": "postgres",
            "schema": "shop", "extra": extra}  # fmt: skip
    monkeypatch.setenv("AIRFLOW_CONN_PG_EXTRAS", json.dumps(conn))
    return "pg_extras"


def test_extras_reach_the_engine_connection_and_cursor_does_not_change_its_rows(shop_db, monkeypatch) -> None:
    conn_id = _connection(shop_db, monkeypatch, application_name="nightly-sales", cursor="dictcursor",
                          sslmode="disable", options="-c work_mem=5MB")  # fmt: skip
    pg = pg_connect(conn_id)
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT current_setting('application_name'), current_setting('work_mem'), 1")
            assert cur.fetchone() == ("nightly-sales", "5MB", 1)  # a tuple: the engines' own cursor
    finally:
        pg.close()
    assert type(pg).__module__.startswith("psycopg2")


def test_iam_extra_logs_in_with_the_token_postgres_hook_gets(shop_db, postgres, monkeypatch) -> None:
    postgres.execute("DROP ROLE IF EXISTS iam_reader; CREATE ROLE iam_reader LOGIN", dbname="shop")
    conn_id = _connection(shop_db, monkeypatch, iam=True, aws_conn_id="aws_default")
    asked = []

    def token(self, conn):  # what RDS would sign: login, a short-lived token as password, port
        asked.append(conn.conn_id)
        return "iam_reader", "signed-token", conn.port

    monkeypatch.setattr(Psycopg2PostgresHook, "get_iam_token", token)
    pg = pg_connect(conn_id)
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT current_user")
            assert cur.fetchone() == ("iam_reader",)
    finally:
        pg.close()
    assert asked == [conn_id]


def test_cdc_hook_is_a_base_hook_whose_connections_are_postgres_hooks(shop_db, monkeypatch) -> None:
    """The CDC hook looks its connection up like any hook and opens it (plain and replication)
    with PostgresHook's arguments: the same session settings PostgresHook's own connection gets."""
    from airflow.providers.postgres.hooks.postgres import PostgresHook
    from airflow.sdk import BaseHook

    from airflow_ai_etl.hooks.cdc import WALSENDER_OPTIONS, PostgresCDCHook

    conn_id = _connection(shop_db, monkeypatch, application_name="cdc-orders", cursor="dictcursor",
                          options="-c work_mem=6MB")  # fmt: skip
    hook = PostgresCDCHook(postgres_conn_id=conn_id)
    assert isinstance(hook, BaseHook) and getattr(hook, hook.conn_name_attr) == conn_id
    assert (PostgresCDCHook.conn_name_attr, PostgresCDCHook.default_conn_name) == (
        "postgres_conn_id",
        "postgres_default",
    )
    assert hook.get_connection(conn_id).schema == "shop"
    sql = "SELECT current_setting('application_name') AS app, current_setting('work_mem') AS mem, current_database() AS db"
    official = PostgresHook(postgres_conn_id=conn_id).get_conn()
    try:
        with official.cursor() as cur:
            cur.execute(sql)
            expected = tuple(cur.fetchone().values())  # the `cursor` extra gives PostgresHook dict rows
    finally:
        official.close()
    assert expected == ("cdc-orders", "6MB", "shop")
    plain = hook.get_conn()
    try:
        with plain.cursor() as cur:
            cur.execute(sql)
            assert cur.fetchone() == expected  # a tuple: the engine's own cursor
            cur.execute("SHOW TimeZone")
            assert cur.fetchone() == ("UTC",)  # the CDC session settings on top
    finally:
        plain.close()
    replication = hook.connect(replication=True)
    try:
        assert type(replication).__name__ == "LogicalReplicationConnection"
        # the connection's own options, then the CDC session settings a walsender takes only at startup
        assert replication.get_dsn_parameters()["options"] == f"-c work_mem=6MB {WALSENDER_OPTIONS}"
        assert "application_name=cdc-orders" in replication.dsn
    finally:
        replication.close()


def test_cdc_hook_logs_in_with_the_iam_token(shop_db, postgres, monkeypatch) -> None:
    from airflow_ai_etl.hooks.cdc import PostgresCDCHook

    postgres.execute("DROP ROLE IF EXISTS iam_cdc; CREATE ROLE iam_cdc LOGIN", dbname="shop")
    conn_id = _connection(shop_db, monkeypatch, iam=True, aws_conn_id="aws_default")
    monkeypatch.setattr(
        Psycopg2PostgresHook, "get_iam_token", lambda self, conn: ("iam_cdc", "signed", conn.port)
    )
    pg = PostgresCDCHook(conn_id).get_conn()
    try:
        with pg.cursor() as cur:
            cur.execute("SELECT current_user")
            assert cur.fetchone() == ("iam_cdc",)
    finally:
        pg.close()
