"""PostgresToPostgresOperator against the real PostgreSQL server (no mocks).

Source: the ``shop`` fixture database (connection ``pg_shop``); target: a second database on the same
server (connection ``pg_target``).
"""

from __future__ import annotations

import hashlib

import pytest

from airflow_ai_etl.operators.transfer import PostgresToPostgresOperator
from airflow_ai_etl.transfers.postgres_source import ReconciliationError, TransferError
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.integration

TARGET_DB = "p2p_target"


@pytest.fixture
def env(postgres, shop_db, monkeypatch):
    """Connections pg_shop (source) and pg_target (a fresh, empty database on the same server)."""
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_PG_TARGET", postgres.create_database(TARGET_DB, drop_existing=True))
    return postgres


def src(postgres, sql, params=None):
    return postgres.execute(sql, dbname="shop", params=params)


def tgt(postgres, sql, params=None):
    return postgres.execute(sql, dbname=TARGET_DB, params=params)


def run(**kwargs):
    kwargs.setdefault("task_id", "load")
    kwargs.setdefault("source_conn_id", "pg_shop")
    kwargs.setdefault("target_conn_id", "pg_target")
    return PostgresToPostgresOperator(**kwargs).execute(context={})


def columns(postgres, dbname, table):
    """[(name, format_type, not null)] of a table."""
    return postgres.execute(
        "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
        dbname=dbname,
        params=(table,),
    )


def primary_key(postgres, dbname, table):
    return [
        r[0]
        for r in postgres.execute(
            """SELECT a.attname FROM pg_index i
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
               WHERE i.indrelid = %s::regclass AND i.indisprimary
               ORDER BY array_position(i.indkey::int2[], a.attnum)""",
            dbname=dbname,
            params=(table,),
        )
    ]


def tables(postgres):
    return sorted(
        r[0]
        for r in tgt(
            postgres,
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        )
    )


def rows_of(postgres, dbname, sql):
    return postgres.execute(sql, dbname=dbname)


# --------------------------------------------------------------------------- create, types, modes

TYPED_DDL = """
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE typed (
    id integer, part text, n numeric(10, 3) NOT NULL, r real, d double precision, vc varchar(10),
    c char(3), flag boolean, day date, ts timestamp(3), tstz timestamptz, u uuid, j json, jb jsonb,
    ints integer[], texts text[], iv interval, raw bytea, ip inet, m mood, p positive,
    PRIMARY KEY (part, id)
);
INSERT INTO typed VALUES
 (1, 'x', 1234567.125, 1.5, 0.1, 'varchar', 'ab', true, '2024-02-29', '2024-02-29 23:59:59.75',
  '2024-03-01 02:00:00+03', '123e4567-e89b-12d3-a456-426614174000', '{"a": [1, 2]}', '{"b": "x\\"y"}',
  '{1,NULL,3}', '{"x",NULL,"y z","tab\there"}', '1 day 02:03:04', '\\x00ff', '10.0.0.1/8', 'happy', 5),
 (2, 'x', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL),
 (3, E'multi\\nline\\\\', -1.5, 'NaN', '-Infinity', '', '', false, '0001-01-01', 'infinity',
  '1999-12-31 23:59:59.999999+00', NULL, 'null', '[]', '{}', '{}', '-1 mon', '\\x', '::1', 'sad', 1);
"""


def test_create_keeps_types_not_null_primary_key_and_values(env):
    env.execute(TYPED_DDL, dbname="shop")
    res = run(source_table="typed", target_table="analytics.typed_copy")
    assert res["rows"] == 3 and res["mode"] == "append" and res["target"] == "analytics.typed_copy"
    assert set(res) == {"rows", "watermark", "mode", "seconds", "target"}
    src_cols = columns(env, "shop", "typed")
    dst_cols = columns(env, TARGET_DB, "analytics.typed_copy")
    expected = [
        (name, {"mood": "text", "positive": "integer"}.get(t, t), notnull) for name, t, notnull in src_cols
    ]
    assert dst_cols == expected  # format_type for format_type; the enum as text, the domain's base
    assert ("n", "numeric(10,3)", True) in dst_cols and (
        "ts",
        "timestamp(3) without time zone",
        False,
    ) in dst_cols
    assert primary_key(env, TARGET_DB, "analytics.typed_copy") == ["part", "id"]
    # Every value survives the text round trip exactly (compared as text, by the same server).
    sql = "SELECT (id, n, r, d, vc, c, flag, day, ts, tstz, u, j::text, jb, ints, texts, iv, raw, ip, m::text, p, part)::text FROM {} ORDER BY id"
    assert rows_of(env, TARGET_DB, sql.format("analytics.typed_copy")) == rows_of(
        env, "shop", sql.format("typed")
    )


def test_append_then_duplicate_keys_fail_and_leave_target(env):
    res = run(source_table="sales", target_table="sales")
    assert res["rows"] == 500 and res["watermark"] is None
    agg = "SELECT count(*), sum(amount), sum(quantity), min(sold_at), max(sold_at), max(region) FROM sales"
    assert tgt(env, agg) == src(env, agg)
    assert primary_key(env, TARGET_DB, "sales") == ["id"]
    # A second full append collides with the primary key: clear error, nothing of it committed.
    with pytest.raises(
        TransferError, match=r"load into public\.sales failed, target unchanged: duplicate key"
    ):
        run(source_table="sales", target_table="sales")
    assert tgt(env, "SELECT count(*) FROM sales")[0][0] == 500
    # Without a key (columns subset, no pk) append just adds rows.
    kw = dict(
        source_table="sales", columns=["region", "amount"], where="region = 'north'", target_table="north"
    )
    assert run(**kw)["rows"] == 125 and run(**kw)["rows"] == 125
    assert tgt(env, "SELECT count(*), count(DISTINCT region) FROM north")[0] == (250, 1)
    assert tables(env) == ["public.north", "public.sales"]


def test_replace_swaps_in_one_transaction(env):
    # A hand-made target with a serial key: its sequence must survive the swap.
    tgt(
        env,
        "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint, status text, total numeric(12,2), "
        "created_at timestamp, updated_at timestamp, note text DEFAULT 'n/a');"
        "INSERT INTO orders (status) VALUES ('stale')",
    )
    assert run(source_table="orders", target_table="orders", mode="replace")["rows"] == 200
    src(env, "DELETE FROM payments; DELETE FROM orders WHERE id > 150")
    res = run(source_table="orders", target_table="orders", mode="replace")
    assert res["rows"] == 150 and res["mode"] == "replace"
    assert tgt(env, "SELECT count(*), max(id), min(note) FROM orders")[0] == (150, 150, "n/a")
    assert tables(env) == ["public.orders"]  # staging renamed in, old dropped
    assert tgt(
        env, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'orders'::regclass"
    ) == [("orders_pkey",)]
    tgt(
        env, "SELECT setval('orders_id_seq', 1000); INSERT INTO orders (status) VALUES ('new')"
    )  # default works
    # Replace of a missing table creates it (with the source's primary key).
    assert run(source_table="customers", target_table="crm.customers", mode="replace")["rows"] == 50
    assert primary_key(env, TARGET_DB, "crm.customers") == ["id"]


def test_upsert_updates_and_inserts_by_keys(env):
    kw = dict(source_table="customers", target_table="customers", mode="upsert", keys=["id"])
    assert run(**kw)["rows"] == 50
    src(
        env,
        "UPDATE customers SET city = 'Moved' WHERE id <= 5; "
        "INSERT INTO customers (id, full_name, city) VALUES (51, 'New 51', 'X'), (52, 'New 52', 'Y')",
    )
    assert run(**kw)["rows"] == 52
    assert tgt(env, "SELECT count(*), count(*) FILTER (WHERE city = 'Moved') FROM customers")[0] == (52, 5)
    assert tgt(env, "SELECT full_name FROM customers WHERE id = 52")[0][0] == "New 52"


def test_upsert_into_table_without_unique_keys_is_refused(env):
    tgt(
        env,
        "CREATE TABLE customers (id bigint, full_name text, city text); INSERT INTO customers VALUES (1, 'a', 'b')",
    )
    with pytest.raises(TransferError, match=r"needs a unique index or primary key on exactly \['id'\]"):
        run(
            source_table="customers",
            columns=["id", "full_name", "city"],
            target_table="customers",
            mode="upsert",
            keys=["id"],
        )
    assert tgt(env, "SELECT * FROM customers") == [(1, "a", "b")]


def test_incremental_rerun_adds_nothing(env):
    kw = dict(source_table="sales", target_table="sales", incremental_column="updated_at")
    first = run(**kw)
    assert first["rows"] == 500 and first["watermark"] == "2024-03-01T08:20:00"
    again = run(**kw)
    assert again["rows"] == 0 and again["watermark"] == first["watermark"]
    src(
        env,
        "INSERT INTO sales (id, amount, updated_at) "
        "SELECT g, g, timestamp '2024-06-01' + g * interval '1 ms' FROM generate_series(501, 510) g",
    )
    third = run(**kw)
    assert third["rows"] == 10 and third["watermark"] == "2024-06-01T00:00:00.510000"  # sub-second kept
    assert run(**kw)["rows"] == 0
    assert tgt(env, "SELECT count(*), count(DISTINCT id) FROM sales")[0] == (510, 510)


@pytest.mark.parametrize("mode", ["incremental", "replace"])
def test_concurrent_loads_into_one_target_are_serialized(env, mode):
    """Overlapping runs into one table wait for each other: no staging clash, no duplicate rows."""
    src(
        env,
        "INSERT INTO sales (id, amount, updated_at) "
        "SELECT g, g, timestamp '2024-06-01' + g * interval '1 s' FROM generate_series(1001, 200000) g",
    )
    kw = dict(source_table="sales", target_table="sales")
    kw.update(incremental_column="updated_at") if mode == "incremental" else kw.update(mode="replace")
    results, errors = run_concurrently(lambda: run(**kw), 3)
    assert errors == []
    total = 500 + 200000 - 1000
    expected = [0, 0, total] if mode == "incremental" else [total] * 3
    assert sorted(r["rows"] for r in results) == expected
    assert tgt(env, "SELECT count(*), count(DISTINCT id) FROM sales")[0] == (total, total)
    assert tables(env) == ["public.sales"]


# --------------------------------------------------------------------------- selection


def test_masking_happens_in_source(env):
    run(
        source_table="customers",
        target_table="customers",
        mask={"email": "hash", "phone": "partial", "snils": "redact"},
    )
    source = {r[0]: r[1:] for r in src(env, "SELECT id, email, phone, snils FROM customers")}
    loaded = tgt(env, "SELECT id, email, phone, snils FROM customers")
    assert len(loaded) == 50
    for id_, email, phone, snils in loaded:
        s_email, s_phone, s_snils = source[id_]
        assert email == hashlib.md5(s_email.encode()).hexdigest()
        assert phone == "****" + s_phone[-4:]
        assert snils == (None if s_snils is None else "***")
    assert [c for c in columns(env, TARGET_DB, "customers") if c[0] in ("email", "phone")] == [
        ("email", "text", False),
        ("phone", "text", False),
    ]


DUPS_DDL = """
CREATE TABLE dups (id int, email text, amount numeric(10, 2), updated_at timestamp);
INSERT INTO dups VALUES
 (1, 'a@x', 1, '2024-01-01'), (2, 'a@x', 2, '2024-01-03'), (3, 'a@x', 3, '2024-01-02'),
 (4, 'b@x', 4, '2024-01-01'), (5, 'b@x', 5, NULL), (6, 'c@x', 6, '2024-01-05');
"""


def test_dedupe_latest_row_per_key_and_upsert_needs_it(env):
    src(env, DUPS_DDL)
    kw = dict(source_table="dups", target_table="dups", mode="upsert", keys=["email"])
    # Several rows per key in one upsert: PostgreSQL refuses, we say how to fix it.
    with pytest.raises(
        TransferError, match=r"several source rows have the same keys \['email'\]; pass dedupe"
    ):
        run(**kw)
    assert tables(env) == []  # the created table was rolled back too
    res = run(**kw, dedupe=["email"], incremental_column="updated_at")
    assert res["rows"] == 3 and res["watermark"] == "2024-01-05T00:00:00"
    assert tgt(env, "SELECT email, id FROM dups ORDER BY email") == [("a@x", 2), ("b@x", 4), ("c@x", 6)]
    src(env, "INSERT INTO dups VALUES (7, 'a@x', 7, '2024-02-01'), (8, 'a@x', 8, '2024-02-02')")
    assert run(**kw, dedupe=["email"], incremental_column="updated_at")["rows"] == 1
    assert tgt(env, "SELECT email, id FROM dups ORDER BY email") == [("a@x", 8), ("b@x", 4), ("c@x", 6)]
    # Without an incremental column the winner is fixed by the row text: the same on every run.
    for _ in range(2):
        assert run(source_table="dups", target_table="one", mode="replace", dedupe=["email"])["rows"] == 3
        assert tgt(env, "SELECT email, id FROM one ORDER BY email") == [("a@x", 1), ("b@x", 4), ("c@x", 6)]


# --------------------------------------------------------------------------- failures


def test_reconciliation_mismatch_fails_with_both_counts(env):
    run(source_table="orders", target_table="orders", mode="replace")
    src(env, "DELETE FROM payments; DELETE FROM orders WHERE id > 10")
    # A volatile selection: true while COPY runs, false for the count in the same snapshot.
    with pytest.raises(
        ReconciliationError,
        match=r"source selection has 0 rows, 10 were copied into staging; the target was not",
    ):
        run(
            source_table="orders", where="current_query() LIKE 'COPY%'", target_table="orders", mode="replace"
        )
    assert tgt(env, "SELECT count(*) FROM orders")[0][0] == 200
    assert tables(env) == ["public.orders"]
    # A target trigger that swallows rows: staging is complete, the target would not be.
    tgt(
        env,
        "CREATE FUNCTION drop_odd() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN IF NEW.id % 2 = 1 THEN RETURN NULL; END IF; RETURN NEW; END$$;"
        "CREATE TABLE sink (id bigint, status text);"
        "CREATE TRIGGER t BEFORE INSERT ON sink FOR EACH ROW EXECUTE FUNCTION drop_odd()",
    )
    with pytest.raises(ReconciliationError, match=r"source selection has 10 rows, 5 reached the target"):
        run(source_table="orders", columns=["id", "status"], target_table="sink")
    assert tgt(env, "SELECT count(*) FROM sink")[0][0] == 0


def test_same_table_is_refused(env, monkeypatch, shop_db):
    with pytest.raises(TransferError, match="are the same table on the same connection"):
        run(source_table="sales", target_conn_id="pg_shop", target_table="public.sales")
    # Another connection id pointing at the same database is the same database.
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP_AGAIN", shop_db)
    with pytest.raises(TransferError, match="are the same table"):
        run(source_table="public.sales", target_conn_id="pg_shop_again", target_table="sales", mode="replace")
    assert src(env, "SELECT count(*) FROM sales")[0][0] == 500
    # Same database, another table: fine.
    assert run(source_table="sales", target_conn_id="pg_shop", target_table="sales_copy")["rows"] == 500


def test_vanished_source_table_leaves_target(env):
    run(source_table="users", target_table="users")
    src(env, "DROP TABLE users")
    with pytest.raises(TransferError, match=r"cannot describe table 'users': .*\"users\" does not exist"):
        run(source_table="users", target_table="users", mode="replace")
    assert tgt(env, "SELECT count(*) FROM users")[0][0] == 30
    assert tables(env) == ["public.users"]


def test_create_false_needs_existing_table(env):
    with pytest.raises(TransferError, match="does not exist and create=False"):
        run(source_table="sales", target_table="missing", create=False)
    assert tables(env) == []


def test_streams_many_chunks(env):
    # ~9 MB of COPY text: several 1 MiB chunks through the bounded pipe.
    src(
        env,
        "CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((-g)::text) AS payload FROM generate_series(1, 120000) g",
    )
    assert run(source_table="big", target_table="big")["rows"] == 120000
    check = "SELECT count(*), sum(id), md5(string_agg(payload, '' ORDER BY id)) FROM big"
    assert tgt(env, check) == src(env, check)


def test_template_fields():
    assert tuple(PostgresToPostgresOperator.template_fields) == ("source_sql", "where", "target_table")
