"""PostgresToClickHouseOperator against the real servers (no mocks).

Most behaviours run on both load paths: ``rows`` (named cursor + columnar native inserts; the
ClickHouse connection has no http_port) and ``copy`` (COPY -> chunked HTTP TabSeparated).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator
from airflow_ai_etl.transfers.postgres_to_clickhouse import (
    PostgresToClickHouseTransfer,
    ReconciliationError,
    TransferError,
    UnmappedTypeError,
)
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.integration


@pytest.fixture
def env(shop_db, clickhouse, ch_database, monkeypatch):
    """Connections: pg_shop, ch_rows (native only) and ch_fast (with http_port)."""
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv(
        "AIRFLOW_CONN_CH_ROWS", f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/{ch_database}"
    )
    monkeypatch.setenv("AIRFLOW_CONN_CH_FAST", clickhouse.uri(ch_database))
    return ch_database


@pytest.fixture(params=["rows", "copy"])
def path(request) -> str:
    return request.param


def conn_for(path: str) -> str:
    return {"rows": "ch_rows", "copy": "ch_fast"}[path]


@pytest.fixture
def ch(clickhouse, env):
    client = clickhouse.client(database=env)
    yield client
    client.disconnect()


def pg(postgres, sql, params=None):
    return postgres.execute(sql, dbname="shop", params=params)


def run(**kwargs):
    kwargs.setdefault("task_id", "load")
    kwargs.setdefault("source_conn_id", "pg_shop")
    return PostgresToClickHouseOperator(**kwargs).execute(context={})


def ch_types(ch, table):
    return dict(
        ch.execute(
            f"SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = '{table}'"
        )
    )


def tables(ch):
    return sorted(r[0] for r in ch.execute("SHOW TABLES"))


# --------------------------------------------------------------------------- modes


def test_append_full_table(env, ch, postgres, path):
    res = run(
        source_table="sales",
        target_conn_id=conn_for(path),
        target_table="sales",
        partition_by="toYYYYMM(sold_at)",
    )
    assert res["rows"] == 500 and res["mode"] == "append" and res["path"] == path
    assert set(res) >= {"rows", "watermark", "mode", "seconds"}
    src = pg(postgres, "SELECT count(*), sum(amount), sum(quantity), min(sold_at), max(sold_at) FROM sales")[
        0
    ]
    dst = ch.execute("SELECT count(), sum(amount), sum(quantity), min(sold_at), max(sold_at) FROM sales")[0]
    assert tuple(dst) == tuple(src)
    types = ch_types(ch, "sales")
    assert types["id"] == "Int64"  # primary key: ORDER BY, not Nullable
    assert types["amount"] == "Nullable(Decimal(12, 2))"
    assert types["sold_at"] == "DateTime"  # partition key: not Nullable
    create = ch.execute("SHOW CREATE TABLE sales")[0][0]
    assert "PARTITION BY toYYYYMM(sold_at)" in create and "ORDER BY id" in create
    # A second plain append adds the rows again (append has no dedup by design).
    assert run(source_table="sales", target_conn_id=conn_for(path), target_table="sales")["rows"] == 500
    assert ch.execute("SELECT count() FROM sales")[0][0] == 1000
    assert tables(ch) == ["sales"]  # no staging left behind


def test_replace_swaps_whole_table(env, ch, postgres, path):
    assert (
        run(source_table="orders", target_conn_id=conn_for(path), target_table="orders", mode="replace")[
            "rows"
        ]
        == 200
    )
    pg(postgres, "DELETE FROM payments; DELETE FROM orders WHERE id > 150")
    res = run(source_table="orders", target_conn_id=conn_for(path), target_table="orders", mode="replace")
    assert res["rows"] == 150
    assert ch.execute("SELECT count(), max(id) FROM orders")[0] == (150, 150)
    assert tables(ch) == ["orders"]  # staging renamed in, old dropped


def test_upsert_keeps_latest_row_per_key(env, ch, postgres, path):
    kw = dict(
        source_table="customers",
        target_conn_id=conn_for(path),
        target_table="customers",
        mode="upsert",
        keys=["id"],
    )
    assert run(**kw)["rows"] == 50
    pg(
        postgres,
        "UPDATE customers SET city = 'Moved' WHERE id <= 5; "
        "INSERT INTO customers (id, full_name, city) VALUES (51, 'New 51', 'X'), (52, 'New 52', 'Y')",
    )
    assert run(**kw)["rows"] == 52
    assert "ReplacingMergeTree" in ch.execute("SHOW CREATE TABLE customers")[0][0]
    assert ch.execute("SELECT count() FROM customers FINAL")[0][0] == 52
    assert (
        ch.execute("SELECT groupArray(city) FROM (SELECT city FROM customers FINAL WHERE id <= 5)")[0][0]
        == ["Moved"] * 5
    )
    assert ch.execute("SELECT city FROM customers FINAL WHERE id = 51")[0][0] == "X"


def test_incremental_upsert_versions_rows_by_the_incremental_column(env, ch, postgres, path):
    kw = dict(
        source_table="customers",
        target_conn_id=conn_for(path),
        target_table="customers",
        mode="upsert",
        keys=["id"],
        incremental_column="updated_at",
    )
    assert run(**kw)["rows"] == 50
    create = ch.execute("SHOW CREATE TABLE customers")[0][0]
    assert "ReplacingMergeTree(updated_at)" in create
    assert "updated_at DateTime)" in create  # a version column cannot be Nullable
    pg(
        postgres,
        "UPDATE customers SET city = 'Moved', updated_at = updated_at + interval '1 year' WHERE id <= 5",
    )
    assert run(**kw)["rows"] == 5
    # An older copy of a row arriving late (a backfill by hand) does not replace the newer one.
    ch.execute("INSERT INTO customers (id, city, updated_at) VALUES", [(1, "Stale", dt.datetime(2000, 1, 1))])
    assert ch.execute("SELECT count() FROM customers FINAL")[0][0] == 50
    cities = ch.execute("SELECT groupArray(city) FROM (SELECT city FROM customers FINAL WHERE id <= 5)")
    assert cities[0][0] == ["Moved"] * 5


def test_upsert_requires_keys(env):
    with pytest.raises(TransferError, match="needs keys"):
        run(source_table="customers", target_conn_id="ch_rows", target_table="c", mode="upsert")


def test_incremental_loads_only_new_rows(env, ch, postgres, path):
    kw = dict(
        source_table="sales",
        target_conn_id=conn_for(path),
        target_table="sales",
        incremental_column="updated_at",
    )
    first = run(**kw)
    assert first["rows"] == 500
    assert first["watermark"] == "2024-03-01T08:20:00"  # max(updated_at) of the fixture
    # New rows, one with a fractional second: ClickHouse keeps whole seconds, it must not reload forever.
    pg(
        postgres,
        """INSERT INTO sales (id, amount, sold_at, updated_at)
                    SELECT g, g, timestamp '2024-06-01', timestamp '2024-06-01 00:00:00' + g * interval '1 s'
                    FROM generate_series(501, 509) g;
                    INSERT INTO sales (id, amount, sold_at, updated_at)
                    VALUES (510, 1, '2024-06-01', '2024-06-02 00:00:00.5')""",
    )
    second = run(**kw)
    assert second["rows"] == 10
    assert second["watermark"] == "2024-06-02T00:00:00"
    third = run(**kw)
    assert third["rows"] == 0 and third["watermark"] == second["watermark"]
    assert ch.execute("SELECT count(), uniqExact(id) FROM sales")[0] == (510, 510)


def test_incremental_with_where_and_schema_qualified_source(env, ch, postgres):
    kw = dict(
        source_table="crm.leads",
        target_conn_id="ch_rows",
        target_table="leads",
        where="source = 'web'",
        incremental_column="created_at",
    )
    res = run(**kw)
    web = pg(postgres, "SELECT count(*) FROM crm.leads WHERE source = 'web'")[0][0]
    assert res["rows"] == web == ch.execute("SELECT count() FROM leads")[0][0]
    pg(
        postgres,
        "INSERT INTO crm.leads VALUES (100, 'web', 'n@x', '2025-01-01'), (101, 'ads', 'm@x', '2025-01-01')",
    )
    assert run(**kw)["rows"] == 1


def test_percent_in_where_with_incremental(env, ch, postgres, path):
    """The watermark is inlined as a literal, so '%' in user SQL is not a parameter marker."""
    kw = dict(
        source_table="sales",
        target_conn_id=conn_for(path),
        target_table="sales",
        where="region LIKE 'n%'",
        incremental_column="updated_at",
    )
    expected = pg(postgres, "SELECT count(*) FROM sales WHERE region LIKE 'n%%'")[0][0]
    assert 0 < expected < 500
    assert run(**kw)["rows"] == expected == ch.execute("SELECT count() FROM sales")[0][0]
    assert run(**kw)["rows"] == 0


# --------------------------------------------------------------------------- selection and masking


def test_masking_happens_in_source(env, ch, postgres, path):
    run(
        source_table="customers",
        target_conn_id=conn_for(path),
        target_table="customers",
        mask={"email": "hash", "phone": "partial", "snils": "redact"},
    )
    rows = ch.execute("SELECT id, email, phone, snils FROM customers ORDER BY id")
    src = {r[0]: r[1:] for r in pg(postgres, "SELECT id, email, phone, snils FROM customers")}
    for id_, email, phone, snils in rows:
        s_email, s_phone, s_snils = src[id_]
        assert email == hashlib.md5(s_email.encode()).hexdigest()
        assert phone == "****" + s_phone[-4:]
        assert snils == (None if s_snils is None else "***")
    assert ch_types(ch, "customers")["email"] == "Nullable(String)"


def test_column_subset_and_where(env, ch, path):
    res = run(
        source_table="sales",
        columns=["id", "amount", "region"],
        where="region = 'north'",
        target_conn_id=conn_for(path),
        target_table="north_sales",
    )
    assert res["rows"] == 125
    assert list(ch_types(ch, "north_sales")) == ["id", "amount", "region"]
    assert ch.execute("SELECT uniqExact(region) FROM north_sales")[0][0] == 1


def test_source_sql_keeps_not_null_of_base_columns(env, ch):
    sql = "SELECT o.id, o.status, o.total, c.city FROM orders o JOIN customers c ON c.id = o.customer_id;"
    res = run(
        source_sql=sql,
        where="status = 'paid'",
        target_conn_id="ch_rows",
        target_table="paid",
        order_by=["id"],
    )
    assert res["rows"] == 66
    types = ch_types(ch, "paid")
    assert types == {
        "id": "Int64",
        "status": "Nullable(String)",
        "total": "Nullable(Decimal(12, 2))",
        "city": "Nullable(String)",
    }


def test_unknown_column_is_named(env):
    with pytest.raises(TransferError, match="nope"):
        run(source_table="sales", columns=["id", "nope"], target_conn_id="ch_rows", target_table="x")


def test_create_false_needs_existing_table(env):
    with pytest.raises(TransferError, match="does not exist"):
        run(source_table="sales", target_conn_id="ch_rows", target_table="missing", create=False)


# --------------------------------------------------------------------------- types

ALL_TYPES_DDL = """
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE typed (
    id integer PRIMARY KEY, s smallint, i integer, b bigint, n numeric(10, 3), n_free numeric,
    r real, d double precision, t text, vc varchar(10), c char(3), flag boolean, day date,
    ts timestamp, tstz timestamptz, u uuid, j json, jb jsonb, ints integer[], texts text[],
    decs numeric(5, 2)[], m mood
);
INSERT INTO typed VALUES
 (1, -32768, 2147483647, 9223372036854775807, 1234567.125, 3.14159265358979, 1.5, 2.25,
  E'tab\\there\\nnew line \\\\ back', 'varchar', 'ab', true, '2024-02-29', '2024-02-29 23:59:59.75',
  '2024-03-01 02:00:00+03', '123e4567-e89b-12d3-a456-426614174000', '{"a": [1, 2]}', '{"b": "x\\"y"}',
  '{1,NULL,3}', '{"x",NULL,"y z"}', '{1.50,NULL}', 'happy'),
 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL);
"""
EXPECTED_TYPES = {
    "id": "Int32",
    "s": "Nullable(Int16)",
    "i": "Nullable(Int32)",
    "b": "Nullable(Int64)",
    "n": "Nullable(Decimal(10, 3))",
    "n_free": "Nullable(Decimal(38, 10))",
    "r": "Nullable(Float32)",
    "d": "Nullable(Float64)",
    "t": "Nullable(String)",
    "vc": "Nullable(String)",
    "c": "Nullable(String)",
    "flag": "Nullable(UInt8)",
    "day": "Nullable(Date)",
    "ts": "Nullable(DateTime)",
    "tstz": "Nullable(DateTime('UTC'))",
    "u": "Nullable(UUID)",
    "j": "Nullable(String)",
    "jb": "Nullable(String)",
    "ints": "Array(Nullable(Int32))",
    "texts": "Array(Nullable(String))",
    "decs": "Array(Nullable(Decimal(5, 2)))",
    "m": "Nullable(String)",
}
EXPECTED_ROW1 = (
    1,
    -32768,
    2147483647,
    9223372036854775807,
    Decimal("1234567.125"),
    Decimal("3.1415926536"),
    1.5,
    2.25,
    "tab\there\nnew line \\ back",
    "varchar",
    "ab ",
    1,
    dt.date(2024, 2, 29),
    dt.datetime(2024, 2, 29, 23, 59, 59),
    "2024-02-29 23:00:00",
    "123e4567-e89b-12d3-a456-426614174000",
    '{"a": [1, 2]}',
    '{"b": "x\\"y"}',
    [1, None, 3],
    ["x", None, "y z"],
    [Decimal("1.50"), None],
    "happy",
)


def _typed_rows(ch, table):
    cols = ", ".join(f"toString({c})" if c in ("tstz", "u") else c for c in EXPECTED_TYPES)
    return ch.execute(f"SELECT {cols} FROM {table} ORDER BY id")


@pytest.mark.parametrize("conn", ["ch_rows", "ch_fast"])
def test_type_mapping_with_nulls(env, ch, postgres, conn, caplog):
    pg(postgres, ALL_TYPES_DDL)
    caplog.set_level("INFO", logger="airflow_ai_etl")
    res = run(source_table="typed", target_conn_id=conn, target_table="typed")
    # text[] has no TabSeparated form the COPY path can print, so even ch_fast falls back to rows.
    assert res["path"] == "rows" and res["rows"] == 2
    reason = "no text form ClickHouse parses for texts (text[])" if conn == "ch_fast" else "no http_port"
    assert reason in caplog.text  # the log says why the slower path was taken
    assert ch_types(ch, "typed") == EXPECTED_TYPES
    row1, row2 = _typed_rows(ch, "typed")
    assert row1 == EXPECTED_ROW1
    assert row2[0] == 2
    assert row2[18:21] == ([], [], [])  # NULL arrays load as empty arrays
    assert all(v is None for i, v in enumerate(row2) if i not in (0, 18, 19, 20))


def test_fast_path_matches_row_path(env, ch, postgres):
    pg(postgres, ALL_TYPES_DDL)
    cols = [c for c in EXPECTED_TYPES if c != "texts"]
    fast = run(source_table="typed", columns=cols, target_conn_id="ch_fast", target_table="typed_fast")
    rows = run(source_table="typed", columns=cols, target_conn_id="ch_rows", target_table="typed_rows")
    assert (fast["path"], rows["path"]) == ("copy", "rows")
    sel = ", ".join(f"toString({c})" for c in cols)
    assert ch.execute(f"SELECT {sel} FROM typed_fast ORDER BY id") == ch.execute(
        f"SELECT {sel} FROM typed_rows ORDER BY id"
    )


def test_unmapped_type_error_names_column(env, ch, postgres):
    pg(postgres, "CREATE TABLE odd (id int PRIMARY KEY, wait_for interval, label text)")
    with pytest.raises(UnmappedTypeError, match=r'column "wait_for" has PostgreSQL type "interval"'):
        run(source_table="odd", target_conn_id="ch_rows", target_table="odd")
    assert tables(ch) == []  # failed before touching ClickHouse
    # Leaving it out (or casting in source_sql) works.
    assert (
        run(source_table="odd", columns=["id", "label"], target_conn_id="ch_rows", target_table="odd")["rows"]
        == 0
    )


def test_nullable_partition_key_loads_zero_value(env, ch, postgres):
    pg(postgres, "UPDATE sales SET sold_at = NULL WHERE id = 1")
    run(
        source_table="sales", target_conn_id="ch_rows", target_table="sales", partition_by="toYYYYMM(sold_at)"
    )
    assert ch.execute("SELECT toUInt32(sold_at) FROM sales WHERE id = 1")[0][0] == 0  # 1970-01-01 00:00:00


# --------------------------------------------------------------------------- batches and reconciliation


def test_bounded_batches(env, ch, postgres, clickhouse):
    pg(
        postgres,
        "CREATE TABLE big AS SELECT g AS id, md5(g::text) AS payload FROM generate_series(1, 25000) g",
    )
    transfer = PostgresToClickHouseTransfer(
        source_conn_id="pg_shop",
        target_hook=ClickHouseHook(clickhouse_conn_id="ch_rows"),
        source_table="big",
        target_table="big",
        batch_size=1000,
    )
    res = transfer.run()
    assert (res.rows, res.batches, res.path) == (25000, 25, "rows")  # 25 fetches of 1000, never all
    assert ch.execute("SELECT count(), uniqExact(id), sum(id) FROM big")[0] == (
        25000,
        25000,
        25000 * 25001 // 2,
    )


def test_reconciliation_failure_keeps_target(env, ch, path):
    # A misconfigured target: a Null-engine table swallows every row written to it (and to its staging
    # copy). The counts differ, so nothing is swapped in and the error says how many of each.
    ch.execute("CREATE TABLE sink (id Int64, status Nullable(String)) ENGINE = Null")
    with pytest.raises(ReconciliationError, match=r"source selection has 200 rows, 0 arrived"):
        run(
            source_table="orders",
            columns=["id", "status"],
            target_conn_id=conn_for(path),
            target_table="sink",
            mode="replace",
        )
    assert tables(ch) == ["sink"]
    assert "ENGINE = Null" in ch.execute("SHOW CREATE TABLE sink")[0][0]


def test_template_fields():
    assert tuple(PostgresToClickHouseOperator.template_fields) == ("source_sql", "where", "target_table")


# --------------------------------------------------------------------------- dedupe

DUPS_DDL = """
CREATE TABLE dups (id int, email text, amount numeric(10, 2), updated_at timestamp);
INSERT INTO dups VALUES
 (1, 'a@x', 1, '2024-01-01 00:00:00'), (2, 'a@x', 2, '2024-01-03 00:00:00'), (3, 'a@x', 3, '2024-01-02 00:00:00'),
 (4, 'b@x', 4, '2024-01-01 00:00:00'), (5, 'b@x', 5, NULL),
 (6, 'c@x', 6, '2024-01-05 00:00:00'),
 (7, NULL, 7, '2024-01-01 00:00:00'), (8, NULL, 8, '2024-01-02 00:00:00');
"""


def test_dedupe_keeps_latest_by_incremental_column(env, ch, postgres, path):
    pg(postgres, DUPS_DDL)
    kw = dict(
        source_table="dups",
        target_conn_id=conn_for(path),
        target_table="dups",
        dedupe=["email"],
        incremental_column="updated_at",
        mask={"email": "hash"},  # dedupe compares the clear values, before masking
    )
    res = run(**kw)
    # One row per email (NULLs are one group), the latest updated_at winning (NULL loses); the
    # reconciliation counted the deduplicated selection, or this would have raised.
    assert (res["rows"], res["path"]) == (4, path)
    assert [r[0] for r in ch.execute("SELECT id FROM dups ORDER BY id")] == [2, 4, 6, 8]
    # Incremental rerun: only rows above the watermark (2024-01-05), deduplicated among themselves.
    pg(
        postgres,
        "INSERT INTO dups VALUES (9, 'a@x', 9, '2024-02-01'), (10, 'a@x', 10, '2024-02-02'), "
        "(11, 'd@x', 11, '2024-01-04')",
    )
    res = run(**kw)
    assert res["rows"] == 1 and res["watermark"] == "2024-02-02T00:00:00"
    assert [r[0] for r in ch.execute("SELECT id FROM dups ORDER BY id")] == [2, 4, 6, 8, 10]


def test_dedupe_without_incremental_is_deterministic(env, ch, postgres, path):
    pg(postgres, DUPS_DDL + "INSERT INTO dups SELECT * FROM dups WHERE id <= 3;")  # exact duplicates too
    assert pg(postgres, "SELECT count(*) FROM dups")[0][0] == 11
    whole = run(source_table="dups", target_conn_id=conn_for(path), target_table="whole", dedupe=["id"])
    assert whole["rows"] == 8
    assert ch.execute("SELECT count(), uniqExact(id) FROM whole")[0] == (8, 8)
    kw = dict(
        source_sql="SELECT email, amount FROM dups",
        where="amount < 8",
        target_conn_id=conn_for(path),
        target_table="by_email",
        mode="replace",
        dedupe=["email"],
    )
    picks = []
    for _ in range(2):
        assert run(**kw)["rows"] == 4  # a, b, c, NULL
        picks.append(ch.execute("SELECT email, amount FROM by_email ORDER BY email"))
    # Same winner every run: the row whose text sorts first ((1,a@x) before (2,a@x)...).
    assert picks[0] == picks[1]
    assert dict(picks[0]) == {
        "a@x": Decimal("1.00"),
        "b@x": Decimal("4.00"),
        "c@x": Decimal("6.00"),
        None: Decimal("7.00"),
    }


def test_dedupe_unknown_column_is_named(env):
    with pytest.raises(TransferError, match=r"dedupe columns \['nope'\] are not in the source"):
        run(source_table="sales", target_conn_id="ch_rows", target_table="x", dedupe=["nope"])


def test_verbatim_table_copy_keeps_every_value(env, ch, postgres):
    """Columns PostgreSQL prints as ClickHouse parses them are copied straight from the table
    (COPY table, not COPY (SELECT)): escapes, NULLs and non-ASCII text must survive."""
    pg(postgres, "CREATE TABLE plain_t (id bigint PRIMARY KEY, name text, amount numeric(10,2), d date)")
    pg(
        postgres,
        "INSERT INTO plain_t VALUES (1, E'tab\\there\\nnew line \\\\ back', 1.50, '2024-02-29'),"
        " (2, NULL, NULL, NULL), (3, 'Привет', -3.25, '1999-12-31')",
    )
    res = run(source_table="plain_t", target_conn_id="ch_fast", target_table="plain_t")
    assert (res["rows"], res["path"]) == (3, "copy")
    rows = ch.execute("SELECT id, name, toString(amount), toString(d) FROM plain_t ORDER BY id")
    assert rows == [
        (1, "tab\there\nnew line \\ back", "1.50", "2024-02-29"),
        (2, None, None, None),
        (3, "Привет", "-3.25", "1999-12-31"),
    ]


# --------------------------------------------------------------------------- concurrency


@pytest.mark.parametrize("mode", ["incremental", "replace"])
def test_concurrent_loads_into_one_target_are_serialized(env, ch, postgres, mode):
    """Two runs into one table at once (overlapping DAG runs, a backfill): both succeed, one after
    the other, and the target equals the source - no staging collision, no duplicate rows."""
    pg(
        postgres,
        "INSERT INTO sales (id, amount, sold_at, updated_at) "
        "SELECT g, g, timestamp '2024-06-01', timestamp '2024-06-01' + g * interval '1 s' "
        "FROM generate_series(1001, 300000) g",
    )
    kw = dict(source_table="sales", target_conn_id="ch_fast", target_table="sales")
    kw.update(incremental_column="updated_at") if mode == "incremental" else kw.update(mode="replace")
    results, errors = run_concurrently(lambda: run(**kw), 3)
    assert errors == []
    total = 500 + 300000 - 1000
    expected = [0, 0, total] if mode == "incremental" else [total] * 3
    assert sorted(r["rows"] for r in results) == expected
    assert ch.execute("SELECT count(), uniqExact(id) FROM sales")[0] == (total, total)
    assert tables(ch) == ["sales"]
