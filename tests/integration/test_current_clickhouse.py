"""What the transfer sends to ClickHouse, checked against a current ClickHouse release.

The integration servers run Debian's ClickHouse 18.16; production servers are mostly current
releases, where the transfer creates DateTime64 columns (the server is >= 20.1). chDB is the
ClickHouse engine of a current release (26.x) in-process, without a server: these tests run the
DDL the transfer generates for such a server and parse the TabSeparated text its fast path
streams (the same COPY from the real PostgreSQL, with the same insert settings), then compare
what ClickHouse stored with the source values.
"""

from __future__ import annotations

import json

import pytest
from chdb.session import Session

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.transfers.postgres_source import CLICKHOUSE_TEXT_SESSION_SQL
from airflow_ai_etl.transfers.postgres_to_clickhouse import TSV_INSERT_SETTINGS, PostgresToClickHouseTransfer
from tests.integration.test_transfer import ALL_TYPES_DDL

pytestmark = pytest.mark.integration

# Row 1 of ALL_TYPES_DDL as a current ClickHouse prints it (toString), where DateTime64 keeps the
# microseconds that 18.16's DateTime drops; row 2 is all NULLs (arrays: empty).
EXPECTED_ROW1 = {
    "id": "1",
    "s": "-32768",
    "i": "2147483647",
    "b": "9223372036854775807",
    "n": "1234567.125",
    "n_free": "3.1415926536",
    "r": "1.5",
    "d": "2.25",
    "t": "tab\there\nnew line \\ back",
    "vc": "varchar",
    "c": "ab ",
    "flag": "1",
    "day": "2024-02-29",
    "ts": "2024-02-29 23:59:59.750000",
    "tstz": "2024-02-29 23:00:00.000000",
    "u": "123e4567-e89b-12d3-a456-426614174000",
    "j": '{"a": [1, 2]}',
    "jb": '{"b": "x\\"y"}',
    "ints": "[1,NULL,3]",
    "decs": "[1.5,NULL]",
    "m": "happy",
}
EXPECTED_TYPES = {
    "ts": "Nullable(DateTime64(6))",
    "tstz": "Nullable(DateTime64(6, 'UTC'))",
    "day": "Nullable(Date)",
}


@pytest.fixture
def chdb_session(tmp_path):
    session = Session(str(tmp_path / "chdb"))
    session.query("CREATE DATABASE IF NOT EXISTS t")
    yield session
    session.close()


def _transfer(monkeypatch, shop_db: str, **kwargs) -> PostgresToClickHouseTransfer:
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CH", "clickhouse://default@127.0.0.1:9/default")  # never dialled
    kwargs.setdefault("source_table", "typed")
    return PostgresToClickHouseTransfer(
        source_conn_id="pg_shop", target_hook=ClickHouseHook("ch"), target_table="t.typed", **kwargs
    )


def _columns(session: Session, table: str) -> dict[str, str]:
    text = session.query(
        f"SELECT name, type FROM system.columns WHERE database = 't' AND table = '{table}' FORMAT TSVRaw"
    ).bytes()
    return dict(line.split("\t") for line in text.decode().splitlines())


def _load(session: Session, transfer: PostgresToClickHouseTransfer, table: str, tmp_path) -> list[str]:
    """Create ``t.<table>`` with the transfer's DDL for a >= 20.1 server and insert the fast path's
    COPY output into it; returns the loaded column names."""
    conn = transfer._pg_connect()
    try:
        with conn.cursor() as cur:
            cur.execute(CLICKHOUSE_TEXT_SESSION_SQL)
        described, pk = transfer._describe(conn)
        plans, order = transfer._plan(described, pk, datetime64=True)
        server = (26, 9)
        plans = [p for p in plans if p.text_expr is not None]  # the rest goes by the row path
        session.query(transfer._ddl(f"t.{table}", plans, order, server))
        data = tmp_path / f"{table}.tsv"
        with conn.cursor() as cur, data.open("wb") as out:
            cur.copy_expert(f"COPY {transfer._copy_source(plans, incremental=False)} TO STDOUT", out)
    finally:
        conn.close()
    settings = ", ".join(f"{k} = '{v}'" for k, v in TSV_INSERT_SETTINGS.items())
    names = [p.name for p in plans]
    session.query(
        f"INSERT INTO t.{table} ({', '.join(names)}) FROM INFILE '{data}' SETTINGS {settings} FORMAT TabSeparated"
    )
    return names


def _rows(session: Session, table: str, names: list[str]) -> list[dict[str, str]]:
    text = session.query(
        f"SELECT {', '.join(f'toString({n})' for n in names)} FROM t.{table} ORDER BY id FORMAT JSONCompact"
    ).bytes()
    return [dict(zip(names, row, strict=True)) for row in json.loads(text)["data"]]


def test_fast_path_text_round_trips_through_current_clickhouse(
    monkeypatch, postgres, shop_db, chdb_session, tmp_path
):
    postgres.execute(ALL_TYPES_DDL, dbname="shop")
    names = _load(chdb_session, _transfer(monkeypatch, shop_db), "typed", tmp_path)
    assert "texts" not in names  # text[] has no TabSeparated form: row path
    types = _columns(chdb_session, "typed")
    assert {k: types[k] for k in EXPECTED_TYPES} == EXPECTED_TYPES
    row1, row2 = _rows(chdb_session, "typed", names)
    assert row1 == {n: EXPECTED_ROW1[n] for n in names}
    assert row2["id"] == "2"
    assert row2["ints"] == row2["decs"] == "[]"  # NULL arrays load as empty arrays
    assert all(v is None for n, v in row2.items() if n not in ("id", "ints", "decs"))


@pytest.mark.parametrize(
    ("options", "engine"),
    [
        (
            {"mode": "append", "partition_by": "toYYYYMM(day)"},
            "MergeTree PARTITION BY toYYYYMM(day) ORDER BY (id)",
        ),
        ({"mode": "upsert", "keys": ["id"]}, "ReplacingMergeTree ORDER BY (id)"),
        (
            {"mode": "upsert", "keys": ["id"], "incremental_column": "ts"},
            "ReplacingMergeTree(ts) ORDER BY (id)",
        ),
        ({"mode": "replace", "order_by": ["day", "id"]}, "MergeTree ORDER BY (day, id)"),
    ],
    ids=["partitioned", "upsert", "upsert-versioned", "ordered"],
)
def test_generated_tables_work_on_current_clickhouse(
    monkeypatch, postgres, shop_db, chdb_session, tmp_path, options, engine
):
    postgres.execute(ALL_TYPES_DDL, dbname="shop")
    names = _load(chdb_session, _transfer(monkeypatch, shop_db, **options), "typed", tmp_path)
    assert [r["id"] for r in _rows(chdb_session, "typed", names)] == ["1", "2"]
    created = chdb_session.query(
        "SELECT engine_full FROM system.tables WHERE database = 't' AND name = 'typed' FORMAT TSVRaw"
    )
    assert created.bytes().decode().startswith(engine + " SETTINGS")


@pytest.mark.parametrize(("incremental_column", "older_wins"), [("ts", False), (None, True)])
def test_upsert_version_decides_which_row_wins(
    monkeypatch, postgres, shop_db, chdb_session, tmp_path, incremental_column, older_wins
):
    """An older version of a row inserted later (a backfill of an older interval) loses against the
    version column; without one, the row inserted last wins."""
    postgres.execute(ALL_TYPES_DDL, dbname="shop")
    options = {"mode": "upsert", "keys": ["id"], "incremental_column": incremental_column}
    _load(chdb_session, _transfer(monkeypatch, shop_db, **options), "typed", tmp_path)
    chdb_session.query("INSERT INTO t.typed (id, t, ts) VALUES (1, 'older', '2020-01-01 00:00:00')")
    final = chdb_session.query("SELECT t = 'older' FROM t.typed FINAL WHERE id = 1 FORMAT TSVRaw")
    assert final.bytes().decode().strip() == ("1" if older_wins else "0")
