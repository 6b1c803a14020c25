"""ClickHouseHook against the real ClickHouse server started by the fixtures (no mocks)."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_table, split_table

pytestmark = pytest.mark.integration


@pytest.fixture
def ch_conn(clickhouse, ch_database, monkeypatch) -> str:
    """Connection ``clickhouse_test`` pointing at the test's database; returns the conn id."""
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_TEST", clickhouse.uri(ch_database))
    return "clickhouse_test"


def test_connection_from_env_uri(ch_conn, clickhouse, ch_database):
    hook = ClickHouseHook(clickhouse_conn_id=ch_conn)
    ok, message = hook.test_connection()
    assert ok, message
    assert "ClickHouse" in message
    assert hook.server_version()[:2] >= (18, 16)
    assert hook.database_name == ch_database
    assert hook.http_port == clickhouse.http_port
    assert hook.get_client().execute("SELECT currentDatabase()")[0][0] == ch_database


def test_default_conn_name_and_metadata():
    assert ClickHouseHook.conn_name_attr == "clickhouse_conn_id"
    assert ClickHouseHook.default_conn_name == "clickhouse_default"
    assert ClickHouseHook.conn_type == "clickhouse"
    assert ClickHouseHook.hook_name == "ClickHouse"
    assert ClickHouseHook().get_conn_id() == "clickhouse_default"
    behaviour = ClickHouseHook.get_ui_field_behaviour()
    assert behaviour["relabeling"]["schema"] == "Database"
    widgets = ClickHouseHook.get_connection_form_widgets()
    assert {"secure", "compression", "http_port", "settings"} <= set(widgets)


def test_run_get_records_and_helpers(ch_conn, ch_database):
    hook = ClickHouseHook(clickhouse_conn_id=ch_conn)
    hook.run(
        "CREATE TABLE items (id UInt32, name String, price Nullable(Decimal(10, 2))) "
        "ENGINE = MergeTree() ORDER BY id"
    )
    assert hook.table_exists("items")
    assert hook.table_exists(f"{ch_database}.items")
    assert not hook.table_exists("nope")
    assert hook.get_table_columns("items") == [
        ("id", "UInt32"),
        ("name", "String"),
        ("price", "Nullable(Decimal(10, 2))"),
    ]

    hook.insert_rows("items", [(1, "a", None), (2, "b", 2.5)], target_fields=["id", "name", "price"])
    n = hook.insert_rows_columnar("items", ["id", "name"], [[3, 4], ["c", "d"]])
    assert n == 2
    assert hook.get_records("SELECT id, name FROM items ORDER BY id") == [
        (1, "a"),
        (2, "b"),
        (3, "c"),
        (4, "d"),
    ]
    assert hook.get_first("SELECT count() FROM items WHERE id > %(x)s", parameters={"x": 1}) == (3,)
    assert hook.get_records("SELECT toString(price) FROM items WHERE id = 2") == [("2.50",)]


def test_settings_and_database_override(clickhouse, ch_database, monkeypatch):
    extra = {"settings": json.dumps({"max_threads": 3}), "http_port": str(clickhouse.http_port)}
    monkeypatch.setenv(
        "AIRFLOW_CONN_CLICKHOUSE_TEST",
        f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/default?{urllib.parse.urlencode(extra)}",
    )
    hook = ClickHouseHook(clickhouse_conn_id="clickhouse_test", database=ch_database)
    assert hook.settings == {"max_threads": 3}
    assert hook.get_first("SELECT value FROM system.settings WHERE name = 'max_threads'") == ("3",)
    assert hook.get_first("SELECT currentDatabase()") == (ch_database,)


@pytest.mark.parametrize("method", ["true", "lz4", "lz4hc", "zstd"])
def test_compressed_native_protocol(clickhouse, ch_database, monkeypatch, method):
    monkeypatch.setenv(
        "AIRFLOW_CONN_CLICKHOUSE_TEST",
        f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/{ch_database}?compression={method}",
    )
    hook = ClickHouseHook(clickhouse_conn_id="clickhouse_test")
    expected = {"true": "lz4", "lz4": "lz4", "lz4hc": "lz4hc", "zstd": "zstd"}[method]
    assert hook.get_client().connection.compressor_cls.__module__.endswith(expected)
    hook.run("CREATE TABLE z (id UInt32, s String) ENGINE = MergeTree() ORDER BY id")
    hook.insert_rows_columnar("z", ["id", "s"], [list(range(50_000)), ["x" * 20] * 50_000])
    assert hook.get_first("SELECT count(), sum(id), any(s) FROM z") == (50_000, 1_249_975_000, "x" * 20)


def test_unknown_or_uninstalled_compression_is_named(clickhouse, monkeypatch):
    monkeypatch.setenv(
        "AIRFLOW_CONN_CLICKHOUSE_TEST",
        f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/default?compression=gzip",
    )
    with pytest.raises(ValueError, match="'gzip' is not one of: false, true, lz4, lz4hc, zstd"):
        ClickHouseHook(clickhouse_conn_id="clickhouse_test").get_client()
    monkeypatch.setenv(
        "AIRFLOW_CONN_CLICKHOUSE_TEST",
        f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/default?compression=zstd",
    )
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(ValueError, match=r"needs the Python packages zstd, clickhouse_cityhash: pip install"):
        ClickHouseHook(clickhouse_conn_id="clickhouse_test").get_client()


def test_unreachable_server_reports_failure(monkeypatch):
    from local_servers import free_port

    monkeypatch.setenv(
        "AIRFLOW_CONN_CLICKHOUSE_DOWN", f"clickhouse://default@127.0.0.1:{free_port()}/default"
    )
    ok, message = ClickHouseHook(clickhouse_conn_id="clickhouse_down", settings=None).test_connection()
    assert not ok
    assert message


def _ensure_clickhouse_conn_type(monkeypatch) -> None:
    """Make connection type ``clickhouse`` resolvable when the package is not pip-installed.

    Installed, the provider entry point registers it; from a plain checkout it is not, so register
    the hook the way the providers manager would.
    """
    from airflow.sdk._shared.providers_discovery.providers_discovery import HookInfo
    from airflow.sdk.providers_manager_runtime import ProvidersManagerTaskRuntime

    hooks = ProvidersManagerTaskRuntime().hooks
    if hooks.get("clickhouse") is None:
        monkeypatch.setitem(
            hooks,
            "clickhouse",
            HookInfo(
                hook_class_name="airflow_ai_etl.hooks.clickhouse.ClickHouseHook",
                connection_id_attribute_name="clickhouse_conn_id",
                package_name="airflow-ai-etl",
                hook_name="ClickHouse",
                connection_type="clickhouse",
                connection_testable=True,
            ),
        )


def test_sql_execute_query_operator(ch_conn, ch_database, monkeypatch):
    from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator

    _ensure_clickhouse_conn_type(monkeypatch)
    create = SQLExecuteQueryOperator(
        task_id="create",
        conn_id=ch_conn,
        sql=[
            "CREATE TABLE t (id UInt64, v String) ENGINE = MergeTree() ORDER BY id",
            "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
        ],
    )
    create.execute(context={})
    select = SQLExecuteQueryOperator(task_id="select", conn_id=ch_conn, sql="SELECT id, v FROM t ORDER BY id")
    assert isinstance(select.get_db_hook(), ClickHouseHook)
    assert select.get_db_hook().http_port is not None  # connection extras reach the hook
    rows = select.execute(context={})
    assert [tuple(r) for r in rows] == [(1, "x"), (2, "y")]


def test_common_sql_check_operators(ch_conn, monkeypatch):
    from airflow.providers.common.sql.operators.sql import (
        SQLCheckOperator,
        SQLColumnCheckOperator,
        SQLTableCheckOperator,
        SQLThresholdCheckOperator,
        SQLValueCheckOperator,
    )
    from airflow.sdk.exceptions import AirflowException

    _ensure_clickhouse_conn_type(monkeypatch)
    hook = ClickHouseHook(clickhouse_conn_id=ch_conn)
    hook.run("CREATE TABLE t (id UInt64, amount Nullable(Float64)) ENGINE = MergeTree() ORDER BY id")
    hook.run("INSERT INTO t VALUES (1, 10.5), (2, 20), (3, NULL)")

    def run(op):
        return op.execute(context={})

    run(SQLCheckOperator(task_id="c", conn_id=ch_conn, sql="SELECT count() = 3 FROM t"))
    with pytest.raises(AirflowException, match="Test failed"):
        run(SQLCheckOperator(task_id="c", conn_id=ch_conn, sql="SELECT count() = 4 FROM t"))
    run(SQLValueCheckOperator(task_id="v", conn_id=ch_conn, sql="SELECT sum(amount) FROM t", pass_value=30.5))
    run(
        SQLThresholdCheckOperator(
            task_id="th", conn_id=ch_conn, sql="SELECT max(id) FROM t", min_threshold=1, max_threshold=3
        )
    )
    run(
        SQLColumnCheckOperator(
            task_id="col",
            conn_id=ch_conn,
            table="t",
            # One operator's checks are UNION ALLed: ClickHouse needs their results to share a type
            # (no supertype of UInt64 and Float64), so float columns get their own operator.
            column_mapping={"id": {"null_check": {"equal_to": 0}, "min": {"geq_to": 1}}},
        )
    )
    run(
        SQLColumnCheckOperator(
            task_id="col_float",
            conn_id=ch_conn,
            table="t",
            column_mapping={"amount": {"max": {"leq_to": 20}}},
        )
    )
    with pytest.raises(AirflowException, match="null_check"):
        run(
            SQLColumnCheckOperator(
                task_id="col2",
                conn_id=ch_conn,
                table="t",
                column_mapping={"amount": {"null_check": {"equal_to": 0}}},
            )
        )
    run(
        SQLTableCheckOperator(
            task_id="tab",
            conn_id=ch_conn,
            table="t",
            checks={"rows": {"check_statement": "COUNT(*) = 3"}, "ids": {"check_statement": "MIN(id) >= 1"}},
        )
    )
    with pytest.raises(AirflowException, match="rows"):
        run(
            SQLTableCheckOperator(
                task_id="tab2",
                conn_id=ch_conn,
                table="t",
                checks={"rows": {"check_statement": "COUNT(*) = 9"}},
            )
        )


def test_quote_helpers():
    assert quote_table("sales", "db") == "`db`.`sales`"
    assert quote_table("a.b") == "`a`.`b`"
    assert split_table("db.t", "default") == ("db", "t")
    with pytest.raises(ValueError):
        split_table("`we`ird.x")
    assert quote_table("`my db`.`a\\`b`") == "`my db`.`a\\`b`"
