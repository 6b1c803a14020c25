"""CDC PostgreSQL -> ClickHouse against the real servers (PostgreSQL 15 wal_level=logical, ClickHouse 18.16).

The kill test forks each operator run from a pre-imported "zygote" process (Airflow takes seconds
to import) and SIGKILLs the run after a random delay; ``AI_ETL_CDC_KILLS`` sets the number of kill
points (default 20, ~40 s). Besides random-time kills, the child SIGKILLs itself at the two critical
points: after the snapshot copy before its RENAME, and after a batch's insert before the slot advance.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from airflow_ai_etl.hooks.cdc import CDCError, PostgresCDCHook, check_wal_level
from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator
from airflow_ai_etl.transfers.cdc_to_clickhouse import PostgresCDCToClickHouse

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cdc(postgres, clickhouse, ch_database, monkeypatch):
    """A fresh PostgreSQL database and connections pg_cdc / ch_cdc; slots of the database dropped after."""
    dbname = f"cdc_{uuid.uuid4().hex[:8]}"
    postgres.create_database(dbname, drop_existing=True)
    monkeypatch.setenv("AIRFLOW_CONN_PG_CDC", postgres.uri(dbname))
    monkeypatch.setenv("AIRFLOW_CONN_CH_CDC", clickhouse.uri(ch_database))
    ns = type("Env", (), {})()
    ns.db, ns.ch_db, ns.pg_uri, ns.ch_uri = (
        dbname,
        ch_database,
        postgres.uri(dbname),
        clickhouse.uri(ch_database),
    )
    # The test server runs synchronous_commit=off; logical decoding reads only flushed WAL.
    ns.pg = lambda sql, params=None: postgres.execute(
        "SET synchronous_commit = on; " + sql, dbname=dbname, params=params
    )
    ns.ch = clickhouse.client(database=ch_database)
    yield ns
    ns.ch.disconnect()
    for _ in range(100):  # a killed run's backend may still hold its slot for a moment
        try:
            postgres.execute(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = %s",
                params=(dbname,),
            )
            break
        except Exception:
            time.sleep(0.1)
    postgres.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def run_cdc(**kwargs):
    kwargs.setdefault("task_id", "cdc")
    kwargs.setdefault("source_conn_id", "pg_cdc")
    kwargs.setdefault("target_conn_id", "ch_cdc")
    return PostgresCDCToClickHouseOperator(**kwargs).execute(context={})


def ch_view(env, table, cols, key="id"):
    """The replica as PostgreSQL should have it: latest version per key, not deleted."""
    sel = ", ".join(cols)
    return env.ch.execute(f"SELECT {sel} FROM {table} FINAL WHERE _deleted = 0 ORDER BY {key}")


def ch_view_argmax(env, table, cols, key="id"):
    """Same view without FINAL (cross-check); tuple() because aggregates skip NULL arguments."""
    sel = ", ".join(c if c == key else f"argMax(tuple({c}), _version).1" for c in cols)
    return env.ch.execute(
        f"SELECT {sel} FROM {table} GROUP BY {key} HAVING argMax(_deleted, _version) = 0 ORDER BY {key}"
    )


# --------------------------------------------------------------------------- types and basic flow

TYPES_DDL = """
CREATE TABLE public.things (
    id bigint PRIMARY KEY, name text, qty integer NOT NULL, price numeric(12,2), ok boolean,
    ts timestamp, tstz timestamptz, day date, uid uuid, doc jsonb, nums int[], big numeric
);
"""
TYPES_COLS_PG = (
    "id, name, qty, price, ok::int, date_trunc('second', ts), date_trunc('second', tstz AT TIME ZONE 'UTC'), "
    "day, uid, doc::text, coalesce(nums, '{}'), big::numeric(38,10)"
)
TYPES_COLS_CH = ["id", "name", "qty", "price", "ok", "ts", "tstz", "day", "uid", "doc", "nums", "big"]


def pg_things(env):
    rows = env.pg(f"SELECT {TYPES_COLS_PG} FROM public.things ORDER BY id")
    out = []
    for r in rows:
        r = list(r)
        r[8] = uuid.UUID(str(r[8])) if r[8] is not None else None
        r[10] = list(r[10])
        out.append(tuple(r))
    return out


def ch_things(env, view=ch_view):
    out = []
    for r in view(env, "things", TYPES_COLS_CH):
        r = list(r)
        r[6] = r[6].replace(tzinfo=None) if r[6] is not None else None
        out.append(tuple(r))
    return out


def test_snapshot_then_inserts_updates_deletes(cdc):
    cdc.pg(TYPES_DDL)
    cdc.pg(
        """INSERT INTO things VALUES
        (1, E'tab\\there\\nnew line \\\\ back ''quote'' юникод', 5, 12.34, true, '2024-01-02 03:04:05.678',
         '2024-05-06 07:08:09.5+03', '2024-01-31', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, "x\\ty"]}',
         '{1,NULL,3}', 1.123456789012345),
        (2, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, 'three', 3, -1.5, false, '2030-12-31 23:59:59', '2030-01-01 00:00:00+00', '2000-02-29', NULL, '[]', '{}', 0)"""
    )
    res = run_cdc(source_table="things", target_table="things")
    assert res["initialized"] and res["snapshot_rows"] == 3 and res["changes"] == 0
    engine = cdc.ch.execute(
        f"SELECT engine_full FROM system.tables WHERE database = '{cdc.ch_db}' AND name = 'things'"
    )
    assert "ReplacingMergeTree(_version)" in engine[0][0] and "ORDER BY id" in engine[0][0]
    assert ch_things(cdc) == pg_things(cdc)

    cdc.pg(
        """BEGIN;
        INSERT INTO things VALUES (4, 'four', 4, 4.4, true, now(), now(), current_date, gen_random_uuid(), '{}', '{4}', 4);
        UPDATE things SET name = 'four!', qty = 44 WHERE id = 4;
        UPDATE things SET qty = qty + 1 WHERE id = 4;
        COMMIT;
        UPDATE things SET name = E'x\\ty', price = NULL, nums = '{7,8}' WHERE id = 1;
        DELETE FROM things WHERE id = 2;
        UPDATE things SET id = 30 WHERE id = 3;
        INSERT INTO things (id, qty) VALUES (2, 22);"""
    )
    res = run_cdc(source_table="things", target_table="things")
    assert not res["initialized"]
    assert (res["inserts"], res["updates"], res["deletes"]) == (2, 4, 1)
    assert res["rows_per_batch"] == [7] and res["lag_bytes"] >= 0 and res["last_commit_age_seconds"] >= 0
    assert ch_things(cdc) == pg_things(cdc) == ch_things(cdc, ch_view_argmax)
    assert [r[0] for r in pg_things(cdc)] == [1, 2, 4, 30]

    res = run_cdc(source_table="things", target_table="things")
    assert res["changes"] == 0 and not res["initialized"]
    assert ch_things(cdc) == pg_things(cdc)


@pytest.mark.parametrize("reader", ["replication", "sql"])
def test_batches_and_replay_after_crash_before_confirm(cdc, monkeypatch, reader):
    cdc.pg("CREATE TABLE t (id int PRIMARY KEY, v text)")
    cdc.pg("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g")
    run_cdc(source_table="t", target_table="t", max_changes=50)
    cdc.pg("INSERT INTO t SELECT g, 'n' || g FROM generate_series(101, 400) g")  # one transaction
    cdc.pg("UPDATE t SET v = 'u' WHERE id % 3 = 0; DELETE FROM t WHERE id % 7 = 0")
    for i in range(10):
        cdc.pg(f"UPDATE t SET v = 'loop{i}' WHERE id = {i + 1}")

    # A crash after the ClickHouse insert and before the slot advance: the next run replays the batch.
    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash before confirming")

    with monkeypatch.context() as patched:
        patched.setattr(PostgresCDCToClickHouse, "_confirm", crash)
        with pytest.raises(RuntimeError, match="simulated crash"):
            run_cdc(source_table="t", target_table="t", max_changes=50, reader=reader)
    res = run_cdc(source_table="t", target_table="t", max_changes=50, reader=reader)
    # Transactions are never split: the 300-row insert is one batch although max_changes is 50.
    assert res["rows_per_batch"][0] == 300 and sum(res["rows_per_batch"]) == res["changes"]
    assert len(res["rows_per_batch"]) >= 3
    expected = cdc.pg("SELECT id, v FROM t ORDER BY id")
    assert [tuple(r) for r in ch_view(cdc, "t", ["id", "v"])] == [tuple(r) for r in expected]
    # The replayed batch landed twice with the same versions: FINAL still shows one row per key.
    assert cdc.ch.execute("SELECT count() FROM t")[0][0] > len(expected)


def test_toast_unchanged_values_and_truncate(cdc):
    cdc.pg("CREATE TABLE docs (id int PRIMARY KEY, body text, n int)")
    cdc.pg("ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL")  # force out-of-line TOAST
    big = "x" * 5000
    cdc.pg("INSERT INTO docs VALUES (1, %s, 0), (2, %s, 0)", (big + "1", big + "2"))
    run_cdc(source_table="docs", target_table="docs")
    cdc.pg("INSERT INTO docs VALUES (3, %s, 0)", (big + "3",))
    # body is not logged for these updates (unchanged TOAST): taken from ClickHouse / the batch.
    cdc.pg("UPDATE docs SET n = n + 1 WHERE id IN (1, 3); UPDATE docs SET n = n + 1 WHERE id = 3")
    run_cdc(source_table="docs", target_table="docs")
    want = [tuple(r) for r in cdc.pg("SELECT id, body, n FROM docs ORDER BY id")]
    assert [tuple(r) for r in ch_view(cdc, "docs", ["id", "body", "n"])] == want

    cdc.pg(
        "BEGIN; INSERT INTO docs VALUES (9, 'before', 0); TRUNCATE docs; INSERT INTO docs VALUES (10, 'after', 1); COMMIT"
    )
    res = run_cdc(source_table="docs", target_table="docs")
    assert res["truncates"] == 1
    assert [tuple(r) for r in ch_view(cdc, "docs", ["id", "body", "n"])] == [(10, "after", 1)]
    run_cdc(source_table="docs", target_table="docs")  # nothing new; replays of truncate are no-ops
    assert [tuple(r) for r in ch_view(cdc, "docs", ["id", "body", "n"])] == [(10, "after", 1)]


# --------------------------------------------------------------------------- errors and guidance


def test_wal_level_must_be_logical():
    check_wal_level("logical")
    for value in ("replica", "minimal"):
        with pytest.raises(CDCError, match="wal_level = logical.*restart"):
            check_wal_level(value)

    class Cursor:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def execute(self, sql):
            assert sql == "SHOW wal_level"

        def fetchone(self):
            return ("replica",)

    class Conn:
        def cursor(self):
            return Cursor()

        def rollback(self):
            pass

    with pytest.raises(CDCError, match="wal_level is 'replica'"):
        PostgresCDCHook.check_server(Conn())


def test_table_without_primary_key_needs_replica_identity_full(cdc):
    cdc.pg("CREATE TABLE nopk (id int NOT NULL, v text); INSERT INTO nopk VALUES (1, 'a'), (2, 'b')")
    with pytest.raises(CDCError, match="no primary key"):
        run_cdc(source_table="nopk", target_table="nopk")
    with pytest.raises(CDCError, match="REPLICA IDENTITY FULL"):
        run_cdc(source_table="nopk", target_table="nopk", keys=["id"])
    # Nothing was created on the source: deletes on the table still work.
    cdc.pg("DELETE FROM nopk WHERE id = 2; INSERT INTO nopk VALUES (2, 'b')")
    assert cdc.pg("SELECT count(*) FROM pg_publication")[0][0] == 0

    cdc.pg("ALTER TABLE nopk REPLICA IDENTITY FULL")
    run_cdc(source_table="nopk", target_table="nopk", keys=["id"])
    cdc.pg(
        "DELETE FROM nopk WHERE id = 1; UPDATE nopk SET v = 'bb' WHERE id = 2; INSERT INTO nopk VALUES (3, 'c')"
    )
    res = run_cdc(source_table="nopk", target_table="nopk", keys=["id"])
    assert res["deletes"] == 1
    assert ch_view(cdc, "nopk", ["id", "v"]) == [(2, "bb"), (3, "c")]


def test_keys_outside_replica_identity_are_refused(cdc):
    cdc.pg("CREATE TABLE k (id int PRIMARY KEY, code text UNIQUE NOT NULL)")
    with pytest.raises(CDCError, match="not all in its replica identity"):
        run_cdc(source_table="k", target_table="k", keys=["code"])


def test_reinitialises_when_slot_is_lost(cdc):
    cdc.pg("CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 1), (2, 2)")
    res = run_cdc(source_table="t", target_table="t", slot_name="lost_slot_test")
    assert res["slot"] == res["publication"] == "lost_slot_test"
    cdc.pg("SELECT pg_drop_replication_slot('lost_slot_test')")
    cdc.pg("DELETE FROM t WHERE id = 1; INSERT INTO t VALUES (3, 3)")  # unseen by any slot
    res = run_cdc(source_table="t", target_table="t", slot_name="lost_slot_test")
    assert res["initialized"] and res["snapshot_rows"] == 2
    assert ch_view(cdc, "t", ["id", "v"]) == [(2, 2), (3, 3)]


# --------------------------------------------------------------------------- SIGKILL at random points

ZYGOTE = r"""
import json, os, sys
proto = os.fdopen(os.dup(1), "w")  # protocol channel; logs (fd 1) go to stderr
os.dup2(2, 1)
sys.path.insert(0, sys.argv[1])
from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator  # the slow import, done once
print("ready", file=proto, flush=True)
for line in sys.stdin:
    cmd, *args = line.split()
    if cmd == "run":
        out, max_changes, mode, reader = args[0], int(args[1]), args[2], args[3]
        pid = os.fork()
        if pid == 0:
            import signal
            from airflow_ai_etl.transfers.cdc_to_clickhouse import PostgresCDCToClickHouse

            def die(original, after_calls):
                # SIGKILL ourselves at an exact point: after the snapshot copy (before the RENAME),
                # or before a slot advance (after the batch's ClickHouse insert).
                calls = []
                def wrapper(*a, **k):
                    calls.append(1)
                    if len(calls) > after_calls:
                        os.kill(os.getpid(), signal.SIGKILL)
                    res = original(*a, **k)
                    if mode == "snapshot":
                        os.kill(os.getpid(), signal.SIGKILL)
                    return res
                return wrapper

            if mode == "snapshot":
                PostgresCDCToClickHouse._copy_snapshot = die(PostgresCDCToClickHouse._copy_snapshot, 1)
            elif mode == "advance":
                PostgresCDCToClickHouse._confirm = die(PostgresCDCToClickHouse._confirm, 0)
            code = 0
            try:
                res = PostgresCDCToClickHouseOperator(
                    task_id="cdc", source_conn_id="pg_cdc", source_table="items", target_conn_id="ch_cdc",
                    target_table="items", slot_name="kill_test_slot", max_changes=max_changes,
                    reader=reader,
                ).execute(context={})
                with open(out, "w") as f:
                    json.dump(res, f)
            except BaseException as e:
                with open(out, "w") as f:
                    json.dump({"error": repr(e)}, f)
                code = 1
            finally:
                os._exit(code)
        print("pid", pid, file=proto, flush=True)
    elif cmd == "reap":  # reaped only when asked: an unreaped child's pid cannot be reused
        _, status = os.waitpid(int(args[0]), 0)
        print("status", status, file=proto, flush=True)
"""


class Workload:
    """Random transactions of inserts, updates (incl. key changes) and deletes on ``items``, in a thread."""

    def __init__(self, postgres, dbname, seed):
        self.conn = postgres.connect(dbname, autocommit=True)
        with self.conn.cursor() as cur:
            cur.execute("SET synchronous_commit = on")  # decodable as soon as committed
        self.conn.autocommit = False
        self.rnd = random.Random(seed)
        self.next_id = 1
        self.stop = threading.Event()
        self.txns = 0
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def txn(self):
        r = self.rnd
        with self.conn.cursor() as cur:
            for _ in range(r.randint(1, 12)):
                op = r.random()
                if op < 0.45:
                    n = r.choice([1, 1, 1, 5, 40])
                    rows = [
                        (
                            self.next_id + i,
                            r.choice(["a", "b\tc", "d\ne", "é\\", "'q'"]) + str(r.random())[:5]
                            if r.random() < 0.9
                            else None,
                            r.randint(-5, 500),
                            Decimal(r.randint(0, 99999)) / 100,
                            r.random() < 0.5,
                            dt.datetime(2024, 1, 1) + dt.timedelta(seconds=r.randint(0, 10**8)),
                        )
                        for i in range(n)
                    ]
                    self.next_id += n
                    cur.executemany("INSERT INTO items VALUES (%s, %s, %s, %s, %s, %s)", rows)
                elif op < 0.8:
                    cur.execute(
                        "UPDATE items SET qty = qty + 1, name = %s, active = NOT active WHERE id IN "
                        "(SELECT id FROM items ORDER BY random() LIMIT %s)",
                        (f"upd{r.randint(0, 9)}", r.choice([1, 1, 3, 20])),
                    )
                elif op < 0.85:
                    cur.execute(
                        "UPDATE items SET id = %s WHERE id = (SELECT id FROM items ORDER BY random() LIMIT 1)",
                        (self.next_id,),
                    )
                    self.next_id += 1
                else:
                    cur.execute(
                        "DELETE FROM items WHERE id IN (SELECT id FROM items ORDER BY random() LIMIT %s)",
                        (r.choice([1, 1, 2, 10]),),
                    )
        self.conn.commit()
        self.txns += 1

    def loop(self):
        while not self.stop.is_set():
            self.txn()
            time.sleep(self.rnd.uniform(0, 0.01))


def test_sigkill_at_random_points_then_exact_match(cdc, postgres, tmp_path):
    kills = int(os.environ.get("AI_ETL_CDC_KILLS", "20"))
    seed = int(os.environ.get("AI_ETL_CDC_SEED", str(random.randrange(10**6))))
    print(f"kill test: {kills} kill points, seed {seed}")
    rnd = random.Random(seed)
    cdc.pg(
        "CREATE TABLE items (id bigint PRIMARY KEY, name text, qty int NOT NULL, price numeric(12,2), "
        "active boolean, updated_at timestamp)"
    )
    work = Workload(postgres, cdc.db, seed)
    for _ in range(200):  # something for the snapshot
        work.txn()

    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=open(tmp_path / "zygote.log", "w"),
        text=True,
        env=os.environ.copy(),
    )

    def read(prefix, timeout=120):
        ready, _, _ = select.select([zygote.stdout], [], [], timeout)
        assert ready, f"zygote silent for {timeout}s waiting for {prefix!r}"
        line = zygote.stdout.readline().split()
        assert line and line[0] == prefix, line
        return line[1:]

    def run_once(i, kill_after, mode="none"):
        out = tmp_path / f"run{i}.json"
        # Both readers confirm the same slot: runs alternate between them at random.
        reader = rnd.choice(["replication", "replication", "sql"])
        zygote.stdin.write(f"run {out} {rnd.choice([200, 1000, 5000])} {mode} {reader}\n")
        zygote.stdin.flush()
        pid = int(read("pid")[0])
        if kill_after is None:
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            status = int(read("status")[0])
        else:
            time.sleep(kill_after)
            os.kill(pid, signal.SIGKILL)  # our forked child (a zombie at worst: it is not reaped yet)
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            status = int(read("status")[0])
        result = json.loads(out.read_text()) if out.exists() else None
        return status, result

    killed = {"snapshot": 0, "advance": 0, "none": 0}
    runs = {"snapshot": 0, "advance": 0}  # runs per mode
    completed = 0
    try:
        read("ready")
        work.thread.start()
        for i in range(kills):
            # Targeted kills at the two critical points, random-time kills otherwise.
            mode = "snapshot" if i == 0 else "advance" if i % 4 == 1 else "none"
            status, result = run_once(i, None if mode != "none" else rnd.uniform(0.0, 1.2), mode)
            runs[mode] = runs.get(mode, 0) + 1
            if os.WIFSIGNALED(status):
                killed[mode] += 1
            else:
                assert status == 0, result
                completed += 1
        work.stop.set()
        work.thread.join()
        status, result = run_once(kills, None)  # the final, uninterrupted run
        assert status == 0, result
        status, result = run_once(kills + 1, None)
        assert status == 0 and result["changes"] == 0, result
    finally:
        work.stop.set()
        zygote.stdin.close()
        zygote.wait(timeout=30)
        work.conn.close()

    print(f"kill test: runs killed {killed}, {completed} completed, {work.txns} source transactions")
    # Every targeted run died at its point: mid-initialisation, and between insert and slot advance.
    assert killed["snapshot"] == runs["snapshot"] == 1
    assert killed["advance"] == runs["advance"] >= 1
    cols = ["id", "name", "qty", "price", "active", "updated_at"]
    want = [
        tuple(r)
        for r in cdc.pg("SELECT id, name, qty, price, active::int, updated_at FROM items ORDER BY id")
    ]
    assert len(want) > 100
    got = [tuple(r) for r in ch_view(cdc, "items", cols)]
    assert got == want
    assert [tuple(r) for r in ch_view_argmax(cdc, "items", cols)] == want


def test_engine_names_and_validation(cdc):
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

    eng = PostgresCDCToClickHouse(
        "pg_cdc", "public.Orders-2024", ClickHouseHook(clickhouse_conn_id="ch_cdc"), "o"
    )
    assert eng.slot_name.startswith("ai_etl_orders_2024_") and len(eng.slot_name) <= 63
    with pytest.raises(CDCError, match="slot_name"):
        PostgresCDCToClickHouse(
            "pg_cdc", "t", ClickHouseHook(clickhouse_conn_id="ch_cdc"), "o", slot_name="Bad-Name"
        )


def test_final_view_hides_a_key_deleted_in_a_later_part(cdc):
    """The documented view must not apply ``_deleted = 0`` before FINAL (as an early PREWHERE would)."""
    cdc.ch.execute(
        "CREATE TABLE v (id Int64, x String, _version UInt64, _deleted UInt8) "
        "ENGINE = ReplacingMergeTree(_version) ORDER BY id"
    )
    cdc.ch.execute("INSERT INTO v VALUES", [(1, "a", 0, 0), (2, "b", 0, 0)])  # part 1
    cdc.ch.execute("INSERT INTO v VALUES", [(1, "", 7, 1)])  # part 2: delete marker
    assert (
        cdc.ch.execute(
            "SELECT count() FROM system.parts WHERE table = 'v' AND active AND database = currentDatabase()"
        )[0][0]
        == 2
    )
    assert cdc.ch.execute("SELECT id, x FROM v FINAL WHERE _deleted = 0 ORDER BY id") == [(2, "b")]


# --------------------------------------------------------------------------- dates outside ClickHouse's range


def slot_position(env, slot):
    return env.pg("SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = %s", (slot,))


def ch_tables(env):
    return [r[0] for r in env.ch.execute("SHOW TABLES")]


def test_snapshot_with_dates_outside_clickhouse_range_fails_and_publishes_nothing(cdc):
    cdc.pg(
        "CREATE TABLE dated (id int PRIMARY KEY, born date, seen timestamp, paid timestamptz);"
        "INSERT INTO dated VALUES (1, '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00'),"
        "  (2, '2024-02-29', '2105-12-31 23:59:59.5', '2024-02-29 12:00:00+03'), (3, NULL, NULL, NULL)"
    )
    kw = dict(source_table="dated", target_table="dated", slot_name="dated_slot")
    assert run_cdc(**kw)["snapshot_rows"] == 3
    state = "SELECT id, toUInt32(born), toUInt32(seen), toUInt32(paid), _version FROM dated ORDER BY id"
    # 1970-01-01 is a real value (ClickHouse's zero): it loads; so does the last second 18.16 parses.
    before = cdc.ch.execute(state)
    assert before == [(1, 0, 0, 0, 0), (2, 19782, 4291747199, 1709197200, 0), (3, None, None, None, 0)]

    # Re-initialise (lost slot) over out-of-range values: 18.16 would store 0 or day 0 + time of day.
    cdc.pg("SELECT pg_drop_replication_slot('dated_slot')")
    cdc.pg(
        "INSERT INTO dated VALUES (4, '1961-05-02', '2200-01-01 00:00:00', '2024-01-01 00:00:00+00'),"
        "  (5, '2024-01-01', '2106-01-15 06:00:00', '1969-12-31 23:59:59+00')"
    )
    with pytest.raises(CDCError) as failure:
        run_cdc(**kw)
    message = str(failure.value)
    assert message.startswith("CDC snapshot of public.dated: ")
    assert (
        'column "born": 1 value(s) outside the range of ClickHouse Nullable(Date) (1970-01-01 .. 2105-12-31), '
        "e.g. 1961-05-02" in message
    )
    assert 'column "seen": 2 value(s)' in message and "e.g. 2106-01-15 06:00:00" in message
    assert 'column "paid": 1 value(s)' in message and "e.g. 1969-12-31 23:59:59+00" in message
    assert "nothing was published" in message
    assert cdc.ch.execute(state) == before
    assert ch_tables(cdc) == ["dated", "dated__cdc_snapshot"]  # the marker: the next run re-initialises

    # No zero left in seen/paid: values 18.16 stores as 06:00:00 / 23:59:59 on 1970-01-01 are still found.
    cdc.pg("DELETE FROM dated WHERE id IN (1, 4)")
    with pytest.raises(CDCError) as failure:
        run_cdc(**kw)
    message = str(failure.value)
    assert 'column "seen": 1 value(s)' in message and 'column "paid": 1 value(s)' in message
    assert '"born"' not in message
    assert cdc.ch.execute(state) == before

    cdc.pg(
        "UPDATE dated SET seen = '2105-01-15 06:00:00', paid = NULL WHERE id = 5;"
        "INSERT INTO dated VALUES (1, '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00')"
    )
    res = run_cdc(**kw)
    assert res["initialized"] and res["snapshot_rows"] == 4
    assert ch_tables(cdc) == ["dated"]
    assert cdc.ch.execute(state) == [*before, (5, 19723, 4261442400, None, 0)]


def test_streamed_dates_outside_clickhouse_range_stop_the_slot_until_corrected(cdc):
    cdc.pg(
        "CREATE TABLE ev (id int PRIMARY KEY, born date, seen timestamp, paid timestamptz NOT NULL, note text);"
        "INSERT INTO ev VALUES (1, '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', 'epoch'),"
        "  (2, '2000-01-01', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00', 'two'),"
        "  (3, '2001-01-01', '2001-01-01 00:00:00', '2001-01-01 00:00:00+00', 'three')"
    )
    kw = dict(source_table="ev", target_table="ev", slot_name="ev_slot")
    run_cdc(**kw)
    cdc.pg(
        "INSERT INTO ev VALUES (10, '2010-01-01', '2010-01-01 10:00:00', '2010-01-01 10:00:00+00', 'before');"
        "BEGIN;"
        "INSERT INTO ev VALUES (4, '1961-05-02', '2024-01-01 00:00:00', '2024-01-01 00:00:00+00', 'born');"
        "UPDATE ev SET note = 'two!' WHERE id = 2;"
        "COMMIT;"
        "UPDATE ev SET seen = '2200-01-01 00:00:00' WHERE id = 2;"
        "UPDATE ev SET paid = 'infinity' WHERE id = 1;"
        "UPDATE ev SET paid = '2000-06-01 00:00:00+00 BC' WHERE id = 3;"  # would load as 2000-06-01
        "INSERT INTO ev VALUES (11, '2011-01-01', '2011-01-01 11:00:00', '2011-01-01 11:00:00+00', 'after')"
    )
    position = slot_position(cdc, "ev_slot")
    rows = "SELECT id, born, seen, paid, note, _version, _deleted FROM ev ORDER BY id, _version"
    before = cdc.ch.execute(rows)

    def fails(column, value):
        with pytest.raises(CDCError) as failure:
            run_cdc(**kw)
        message = str(failure.value)
        assert f'CDC of public.ev: column "{column}" = {value!r}' in message, message
        assert "Nothing of this batch was confirmed" in message and "Correct the row in the source" in message
        # Nothing written (not even the valid changes of the batch), the slot did not move.
        assert cdc.ch.execute(rows) == before and slot_position(cdc, "ev_slot") == position
        return message

    message = fails("born", "1961-05-02")
    assert "outside the range of ClickHouse Nullable(Date) (1970-01-01 .. 2105-12-31)" in message
    fails("born", "1961-05-02")  # still in the source: fails again
    # Corrected in the source: that change is superseded; the next live value stops the run.
    cdc.pg("UPDATE ev SET born = '1970-01-02' WHERE id = 4")
    message = fails("seen", "2200-01-01 00:00:00")
    assert "ClickHouse Nullable(DateTime) (1970-01-01 00:00:00 .. 2105-12-31 23:59:59 Etc/UTC)" in message
    cdc.pg("UPDATE ev SET seen = NULL WHERE id = 2")
    fails("paid", "infinity")
    cdc.pg("UPDATE ev SET paid = '2020-02-02 02:02:02+00' WHERE id = 1")
    fails("paid", "2000-06-01 00:00:00+00 BC")
    cdc.pg("DELETE FROM ev WHERE id = 3")

    res = run_cdc(**kw)
    assert res["changes"] == 11 and slot_position(cdc, "ev_slot") != position
    cols = ["id", "born", "seen", "paid", "note"]
    want = [tuple(r) for r in cdc.pg("SELECT id, born, seen, paid, note FROM ev ORDER BY id")]
    assert [r[0] for r in want] == [1, 2, 4, 10, 11]

    def got(view):
        return [(*r[:3], r[3].replace(tzinfo=dt.timezone.utc), r[4]) for r in view(cdc, "ev", cols)]

    assert got(ch_view) == got(ch_view_argmax) == want
    # Every change written once: no (key, version) twice.
    assert cdc.ch.execute("SELECT count(), uniqExact(id, _version) FROM ev") == [(14, 14)]
    assert run_cdc(**kw)["changes"] == 0


def test_streamed_key_outside_clickhouse_range_asks_to_reinitialise(cdc):
    cdc.pg("CREATE TABLE daily (day date PRIMARY KEY, n int); INSERT INTO daily VALUES ('1970-01-01', 1)")
    kw = dict(source_table="daily", target_table="daily", slot_name="daily_slot")
    run_cdc(**kw)
    cdc.pg("INSERT INTO daily VALUES ('1969-12-31', 2)")
    position = slot_position(cdc, "daily_slot")
    for _ in range(2):  # corrected or not: a stand-in key would write another key's row
        with pytest.raises(CDCError, match='column "day" = .1969-12-31.*It is a key column.*re-initialises'):
            run_cdc(**kw)
        assert slot_position(cdc, "daily_slot") == position
        assert cdc.ch.execute("SELECT toUInt16(day), n FROM daily") == [(0, 1)]
        cdc.pg("UPDATE daily SET day = '1970-01-03' WHERE n = 2")
    cdc.ch.execute("DROP TABLE daily")
    assert run_cdc(**kw)["snapshot_rows"] == 2
    assert cdc.ch.execute("SELECT toUInt16(day), n FROM daily ORDER BY n") == [(0, 1), (2, 2)]


# --------------------------------------------------------------------------- streaming replication protocol


def test_modes_and_readers_are_validated(cdc):
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

    def engine(**kw):
        return PostgresCDCToClickHouse("pg_cdc", "t", ClickHouseHook(clickhouse_conn_id="ch_cdc"), "o", **kw)

    assert engine().mode == "batch" and engine().reader == "replication" and engine().batch_seconds == 5.0
    streaming = engine(mode="stream")
    assert streaming.max_runtime == 3600.0 and streaming.batch_seconds == 1.0
    for kw, message in [
        ({"mode": "live"}, "mode must be one of"),
        ({"reader": "wal2json"}, "reader must be one of"),
        ({"mode": "stream", "reader": "sql"}, 'needs reader="replication"'),
        ({"max_runtime": 60}, 'applies to mode="stream" only'),
        ({"mode": "stream", "max_runtime": 0}, "max_runtime must be a positive number"),
        ({"mode": "stream", "max_runtime": True}, "max_runtime must be a positive number"),
        ({"batch_seconds": "1"}, "batch_seconds must be a positive number"),
        ({"max_changes": 0}, "max_changes must be a positive integer"),
    ]:
        with pytest.raises(CDCError, match=message):
            engine(**kw)


MIXED = [
    "INSERT INTO t SELECT g, 'n' || g FROM generate_series(101, 160) g",
    "UPDATE t SET v = 'u' || id WHERE id % 4 = 0",
    "DELETE FROM t WHERE id % 9 = 0",
    "BEGIN; UPDATE t SET id = id + 1000 WHERE id = 5; INSERT INTO t VALUES (5, 'again'); COMMIT",
    "UPDATE t SET v = NULL WHERE id BETWEEN 20 AND 25",
    "BEGIN; INSERT INTO t VALUES (999, 'gone'); DELETE FROM t WHERE id = 999; COMMIT",
]


def test_stream_mode_applies_changes_while_they_commit(cdc):
    cdc.pg("CREATE TABLE t (id int PRIMARY KEY, v text)")
    cdc.pg("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g")
    kw = dict(source_table="t", target_table="t", slot_name="stream_slot")
    run_cdc(**kw)  # initialise: snapshot + slot
    out: dict = {}
    streamer = threading.Thread(
        target=lambda: out.update(run_cdc(mode="stream", max_runtime=6, batch_seconds=0.2, **kw))
    )
    started = time.monotonic()
    streamer.start()
    while not cdc.pg("SELECT active FROM pg_replication_slots WHERE slot_name = 'stream_slot'")[0][0]:
        time.sleep(0.05)  # the stream is open
    for sql in MIXED:
        cdc.pg(sql)
        time.sleep(0.1)
    # Visible while the task still runs (second-level latency), not only when it ends.
    want = [tuple(r) for r in cdc.pg("SELECT id, v FROM t ORDER BY id")]
    while ch_view(cdc, "t", ["id", "v"]) != want and streamer.is_alive():
        time.sleep(0.05)
    assert streamer.is_alive(), "the replica caught up only when the stream ended"
    streamer.join()
    assert 6 <= time.monotonic() - started < 20
    assert [tuple(r) for r in ch_view(cdc, "t", ["id", "v"])] == want
    assert [tuple(r) for r in ch_view_argmax(cdc, "t", ["id", "v"])] == want
    assert out["changes"] == out["inserts"] + out["updates"] + out["deletes"] and out["changes"] > 100
    assert len(out["rows_per_batch"]) >= 2  # applied as it came, in several batches
    # No (key, version) written twice; background merges of the ReplacingMergeTree may already have
    # folded some versions away, so the count is at most what was written, not equal to it.
    rows, distinct = cdc.ch.execute("SELECT count(), uniqExact(id, _version) FROM t")[0]
    assert rows == distinct <= 100 + out["rows_written"]
    assert run_cdc(**kw)["changes"] == 0  # everything confirmed


KILL_AFTER_APPLY = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator
from airflow_ai_etl.transfers.cdc_to_clickhouse import PostgresCDCToClickHouse

def die(self, confirm, lsn):  # ClickHouse accepted the batch; die before the feedback is sent
    os.kill(os.getpid(), signal.SIGKILL)

PostgresCDCToClickHouse._confirm = die
PostgresCDCToClickHouseOperator(
    task_id="cdc", source_conn_id="pg_cdc", source_table="t", target_conn_id="ch_cdc", target_table="t",
    slot_name="stream_kill_slot", mode=sys.argv[2], max_runtime=float(sys.argv[3]) or None, batch_seconds=0.2,
).execute(context={})
"""


@pytest.mark.parametrize("mode", ["batch", "stream"])
def test_sigkill_between_apply_and_feedback_then_restart_loses_and_duplicates_nothing(cdc, mode):
    cdc.pg("CREATE TABLE t (id int PRIMARY KEY, v text)")
    cdc.pg("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g")
    kw = dict(source_table="t", target_table="t", slot_name="stream_kill_slot")
    run_cdc(**kw)
    position = slot_position(cdc, "stream_kill_slot")
    for sql in MIXED:
        cdc.pg(sql)
    child = subprocess.run(
        [sys.executable, "-c", KILL_AFTER_APPLY, str(ROOT), mode, "30" if mode == "stream" else "0"],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    # The batch reached ClickHouse, the slot did not move.
    assert cdc.ch.execute("SELECT count() FROM t")[0][0] > 100
    assert slot_position(cdc, "stream_kill_slot") == position
    applied_once = cdc.ch.execute("SELECT count() FROM t")[0][0]

    res = run_cdc(**kw)  # restart: the same changes again, with the same versions
    want = [tuple(r) for r in cdc.pg("SELECT id, v FROM t ORDER BY id")]
    assert [tuple(r) for r in ch_view(cdc, "t", ["id", "v"])] == want
    assert [tuple(r) for r in ch_view_argmax(cdc, "t", ["id", "v"])] == want
    assert res["rows_written"] == applied_once - 100
    # Every (key, version) twice at most: once from the killed run, once from the restart; one per change
    # once merged.
    cdc.ch.execute("OPTIMIZE TABLE t FINAL")
    assert cdc.ch.execute("SELECT count() = uniqExact(id, _version) FROM t")[0][0] == 1
    assert slot_position(cdc, "stream_kill_slot") != position
    assert run_cdc(**kw)["changes"] == 0


def test_unsupported_change_stops_the_stream_before_it(cdc):
    cdc.pg("CREATE TABLE t (id int PRIMARY KEY, v text)")
    cdc.pg("INSERT INTO t VALUES (1, 'a')")
    kw = dict(source_table="t", target_table="t", slot_name="bad_change_slot")
    run_cdc(**kw)
    failure: list[BaseException] = []

    def stream():
        try:
            run_cdc(mode="stream", max_runtime=20, batch_seconds=0.1, **kw)
        except BaseException as e:
            failure.append(e)

    streamer = threading.Thread(target=stream)
    streamer.start()
    time.sleep(0.5)
    cdc.pg("INSERT INTO t VALUES (2, 'b')")  # a good change, applied and confirmed
    deadline = time.monotonic() + 10
    while cdc.ch.execute("SELECT count() FROM t")[0][0] < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    # An interval column has no ClickHouse mapping: the next change cannot be applied.
    cdc.pg("ALTER TABLE t ADD COLUMN took interval; INSERT INTO t VALUES (3, 'c', '1 hour')")
    bad_end = cdc.pg("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")[0][0]
    streamer.join(timeout=30)
    assert not streamer.is_alive() and len(failure) == 1
    assert isinstance(failure[0], CDCError)
    assert re.search(r"source table public\.t has new columns \['took'\].*re-initialise", str(failure[0]))
    assert ch_view(cdc, "t", ["id", "v"]) == [(1, "a"), (2, "b")]
    position = slot_position(cdc, "bad_change_slot")
    lsn = cdc.pg("SELECT %s::pg_lsn - '0/0'::pg_lsn", (position[0][0],))[0][0]
    assert lsn < bad_end  # confirmed up to the good change at most, not past the bad one

    for _ in range(2):  # a rerun meets the same change again: not skipped
        with pytest.raises(CDCError, match='column "took" has PostgreSQL type "interval" with no ClickHouse'):
            run_cdc(**kw)
        assert slot_position(cdc, "bad_change_slot") == position
        assert ch_view(cdc, "t", ["id", "v"]) == [(1, "a"), (2, "b")]
    # The documented way out: fix the source, drop the ClickHouse table, re-initialise; nothing lost.
    cdc.pg("ALTER TABLE t ALTER COLUMN took TYPE text")
    cdc.ch.execute("DROP TABLE t")
    assert run_cdc(**kw)["snapshot_rows"] == 3
    assert cdc.ch.execute("SELECT id, v, took FROM t FINAL WHERE _deleted = 0 ORDER BY id") == [
        (1, "a", None),
        (2, "b", None),
        (3, "c", "01:00:00"),
    ]


# --------------------------------------------------------------------------- row condition and masks

CLIENTS_DDL = """
CREATE TABLE clients (
    id int PRIMARY KEY, name text, is_resident boolean NOT NULL, passport text, score numeric(12,2)
);
ALTER TABLE clients REPLICA IDENTITY FULL;
"""
NON_RESIDENTS = "is_resident = false"


def replica_equals_selection(env, table, cols, where, key="id"):
    """The ClickHouse replica (FINAL, without deleted rows) equals ``SELECT cols ... WHERE where`` in PostgreSQL."""
    expected = [
        tuple(r) for r in env.pg(f"SELECT {', '.join(cols)} FROM {table} WHERE {where} ORDER BY {key}")
    ]
    assert [tuple(r) for r in ch_view(env, table, cols, key)] == expected
    assert [tuple(r) for r in ch_view_argmax(env, table, cols, key)] == expected
    return expected


@pytest.mark.parametrize("reader", ["replication", "sql"])
def test_row_condition_follows_rows_into_and_out_of_it(cdc, reader):
    cols = ["id", "name", "is_resident", "score"]
    cdc.pg(CLIENTS_DDL)
    cdc.pg(
        "INSERT INTO clients VALUES (1, 'Anna', false, 'P1', 1.5), (2, 'Boris', true, 'P2', 2), "
        "(3, 'Chen', false, 'P3', NULL), (4, 'Dina', true, 'P4', 4), (5, 'Emil', false, 'P5', 5)"
    )
    run = dict(source_table="clients", target_table="clients", where=NON_RESIDENTS, reader=reader)
    res = run_cdc(**run)
    # The snapshot copied only the rows of the condition.
    assert res["initialized"] and res["snapshot_rows"] == 3
    assert [r[0] for r in replica_equals_selection(cdc, "clients", cols, NON_RESIDENTS)] == [1, 3, 5]
    assert cdc.ch.execute("SELECT count() FROM clients")[0][0] == 3  # resident rows never written

    # UPDATEs: 1 leaves the condition (a delete), 2 enters it (an insert), 3 stays in, 4 stays out.
    cdc.pg(
        "UPDATE clients SET is_resident = true WHERE id = 1; UPDATE clients SET is_resident = false WHERE id = 2;"
        "UPDATE clients SET name = 'Chen!' WHERE id = 3; UPDATE clients SET name = 'Dina!' WHERE id = 4"
    )
    res = run_cdc(**run)
    assert (res["inserts"], res["updates"], res["deletes"]) == (1, 1, 1)
    assert [r[0] for r in replica_equals_selection(cdc, "clients", cols, NON_RESIDENTS)] == [2, 3, 5]

    # DELETEs inside and outside, INSERTs inside and outside, a key change inside the condition.
    cdc.pg(
        "DELETE FROM clients WHERE id IN (5, 4); INSERT INTO clients VALUES (6, 'Fay', false, 'P6', 6), "
        "(7, 'Gus', true, 'P7', 7); UPDATE clients SET id = 30 WHERE id = 3"
    )
    res = run_cdc(**run)
    # Only 5, 6 and 3 -> 30 are sent: the changes of ids 4 and 7, outside the condition, are not.
    assert (res["inserts"], res["updates"], res["deletes"]) == (1, 1, 1)
    assert [r[0] for r in replica_equals_selection(cdc, "clients", cols, NON_RESIDENTS)] == [2, 6, 30]

    # A row that left comes back; one transaction moves a row out and in again.
    cdc.pg(
        "UPDATE clients SET is_resident = false, score = 11 WHERE id = 1;"
        "BEGIN; UPDATE clients SET is_resident = true WHERE id = 6; UPDATE clients SET is_resident = false, "
        "name = 'Fay!' WHERE id = 6; COMMIT"
    )
    run_cdc(**run)
    assert [r[0] for r in replica_equals_selection(cdc, "clients", cols, NON_RESIDENTS)] == [1, 2, 6, 30]


def test_a_changed_row_condition_reinitialises_with_a_new_snapshot(cdc):
    cols = ["id", "name", "is_resident", "score"]
    cdc.pg(CLIENTS_DDL)
    cdc.pg(
        "INSERT INTO clients VALUES (1, 'a', false, 'P1', 1), (2, 'b', true, 'P2', 2), (3, 'c', false, 'P3', 3)"
    )
    run_cdc(source_table="clients", target_table="clients", where=NON_RESIDENTS)
    res = run_cdc(source_table="clients", target_table="clients", where=NON_RESIDENTS)
    assert not res["initialized"]  # the same condition, written the same way: the publication is kept

    res = run_cdc(source_table="clients", target_table="clients", where="score >= 2")
    assert res["initialized"] and res["snapshot_rows"] == 2
    replica_equals_selection(cdc, "clients", cols, "score >= 2")
    cdc.pg("UPDATE clients SET score = 0 WHERE id = 3; INSERT INTO clients VALUES (4, 'd', false, 'P4', 9)")
    run_cdc(source_table="clients", target_table="clients", where="score >= 2")
    replica_equals_selection(cdc, "clients", cols, "score >= 2")
    # The publication carries PostgreSQL's form of the new condition, and only it.
    filters = cdc.pg("SELECT rowfilter FROM pg_publication_tables WHERE tablename = 'clients'")
    assert filters == [("(score >= (2)::numeric)",)]

    # A filter changed on the source (not by the pipeline) is noticed: a new snapshot restores it.
    publication = cdc.pg("SELECT pubname FROM pg_publication")[0][0]
    cdc.pg(f'ALTER PUBLICATION "{publication}" SET TABLE clients WHERE (score >= 9)')
    res = run_cdc(source_table="clients", target_table="clients", where="score >= 2")
    assert res["initialized"] and res["snapshot_rows"] == 2
    replica_equals_selection(cdc, "clients", cols, "score >= 2")
    assert cdc.pg("SELECT rowfilter FROM pg_publication_tables WHERE tablename = 'clients'") == filters

    res = run_cdc(source_table="clients", target_table="clients")  # no condition any more: all rows
    assert res["initialized"] and res["snapshot_rows"] == 4
    replica_equals_selection(cdc, "clients", cols, "true")
    assert cdc.pg("SELECT rowfilter FROM pg_publication_tables WHERE tablename = 'clients'") == [(None,)]


def nothing_created(env):
    """No publication, slot or ClickHouse table exists, and the source still takes UPDATE and DELETE."""
    env.pg("UPDATE clients SET name = name || '.'; DELETE FROM clients WHERE id = -1")
    assert env.pg("SELECT count(*) FROM pg_publication")[0][0] == 0
    assert env.pg("SELECT count(*) FROM pg_replication_slots WHERE database = current_database()")[0][0] == 0
    assert env.ch.execute(f"SELECT name FROM system.tables WHERE database = '{env.ch_db}'") == []


def test_a_row_condition_postgresql_cannot_check_is_refused_before_anything_is_created(cdc):
    cdc.pg(CLIENTS_DDL.replace("ALTER TABLE clients REPLICA IDENTITY FULL;", ""))
    cdc.pg("INSERT INTO clients VALUES (1, 'a', false, 'P1', 1)")
    # The condition reads a column outside the replica identity (the primary key): a published filter
    # would make PostgreSQL refuse every UPDATE and DELETE of the table.
    with pytest.raises(CDCError, match=r"not in the replica identity.*REPLICA IDENTITY FULL"):
        run_cdc(source_table="clients", target_table="clients", where=NON_RESIDENTS)
    nothing_created(cdc)
    with pytest.raises(CDCError, match=r"cannot filter a CDC publication.*mutable functions"):
        run_cdc(source_table="clients", target_table="clients", where="now() > '2020-01-01' AND id > 0")
    nothing_created(cdc)
    # A condition over the primary key alone needs no full replica identity.
    res = run_cdc(source_table="clients", target_table="clients", where="id < 10")
    assert res["snapshot_rows"] == 1


MASKED_DDL = """
CREATE TABLE people (
    id int PRIMARY KEY, is_resident boolean NOT NULL, passport text, phone text, note text, n integer,
    amount numeric(12,2), ratio double precision, born timestamptz, seen timestamp, day date, flag boolean,
    code character(6), ip inet, took interval, doc jsonb, tags text[], photo bytea
);
ALTER TABLE people REPLICA IDENTITY FULL;
"""
MASKS_OF_PEOPLE = {
    "passport": "hash", "phone": "partial", "note": "redact", "n": "hash", "amount": "hash", "ratio": "hash",
    "born": "hash", "seen": "partial", "day": "hash", "flag": "hash", "code": "hash", "ip": "hash",
    "took": "hash", "doc": "hash", "tags": "partial", "photo": "hash",
}  # fmt: skip
# Tricky values: unicode, empty strings, NULLs, TSV specials, numbers, times, padded char, inet.
PEOPLE_ROWS = [
    "(1, false, 'паспорт № 45 01 123456', '+7 (999) 123-45-67', 'x', 42, 12.50, 0.1, '2024-05-06 07:08:09.5+03', "
    "'2024-01-02 03:04:05.678', '2024-01-31', true, 'ab', '10.0.0.1', '1 day 02:03:04', '{\"a\": [1, \"ё\"]}', "
    "'{x,\"y z\"}', '\\x00ff')",
    "(2, false, '', '', '', 0, 0, -1.5e-10, '1970-01-01 00:00:00+00', '2000-02-29 00:00:00', '1999-12-31', false, "
    "'', '::1', '-3 mons', '[]', '{}', '')",
    "(3, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    "(4, false, E'tab\\there\\\\ back', E'end\\ttab\\n', E'a\\nb', -7, -0.01, 1e300, 'infinity', '-infinity', "
    "'infinity', true, 'abcdef', '192.168.0.0/16', '00:00:00.000001', '\"text\"', '{NULL,\"\\\\\"}', '\\x')",
    "(5, true, 'resident', '12345', 'z', 5, 5, 5, now(), now(), current_date, true, 'r', '1.2.3.4', '1 hour', "
    "'{}', '{}', '\\x01')",
]


def masked_selection(env, where):
    """``mask_expr`` of every masked column of people, in the batch load's session, in id order."""
    from airflow_ai_etl.transfers.postgres_source import CLICKHOUSE_TEXT_SESSION_SQL, mask_expr

    exprs = ", ".join(mask_expr(f'"{c}"', m) for c, m in MASKS_OF_PEOPLE.items())
    rows = env.pg(f"{CLICKHOUSE_TEXT_SESSION_SQL}; SELECT id, {exprs} FROM people WHERE {where} ORDER BY id")
    return [tuple(r) for r in rows]


def people_replica(env):
    return [tuple(r) for r in ch_view(env, "people", ["id", *MASKS_OF_PEOPLE])]


@pytest.mark.parametrize("reader", ["replication", "sql"])
def test_masked_columns_equal_postgresql_mask_expr_in_snapshot_and_stream(cdc, reader):
    cdc.pg(MASKED_DDL)
    cdc.pg("INSERT INTO people VALUES " + ", ".join(PEOPLE_ROWS[:3]))
    run = dict(
        source_table="people", target_table="people", where=NON_RESIDENTS, mask=MASKS_OF_PEOPLE, reader=reader
    )
    res = run_cdc(**run)
    assert res["snapshot_rows"] == 3
    assert people_replica(cdc) == masked_selection(cdc, NON_RESIDENTS)

    # The same tricky values arriving as changes: inserts, a row entering the condition, updates of
    # masked columns (to and from NULL), a key change, and the old values of the other rows again.
    cdc.pg("INSERT INTO people VALUES " + ", ".join(PEOPLE_ROWS[3:]))
    cdc.pg(
        "INSERT INTO people SELECT id + 100, is_resident, passport, phone, note, n, amount, ratio, born, seen, day, "
        "flag, code, ip, took, doc, tags, photo FROM people WHERE id <= 3;"
        "UPDATE people SET is_resident = false WHERE id = 5;"
        "UPDATE people SET passport = NULL, phone = 'x', born = '2030-01-01 12:00+05' WHERE id = 1;"
        "UPDATE people SET passport = 'новый', note = NULL WHERE id = 3;"
        "UPDATE people SET id = 20 WHERE id = 2"
    )
    res = run_cdc(**run)
    assert res["changes"] == 8
    expected = masked_selection(cdc, NON_RESIDENTS)
    assert people_replica(cdc) == expected and len(expected) == 8

    # What ClickHouse stored anywhere (every version, not only the latest) holds no clear value.
    clear = {r for row in cdc.pg("SELECT passport, phone, note FROM people") for r in row if r and len(r) > 4}
    stored = {v for row in cdc.ch.execute("SELECT passport, phone, note FROM people") for v in row if v}
    assert clear and not clear & stored


def test_a_masked_key_is_refused_and_nothing_is_created(cdc):
    cdc.pg(CLIENTS_DDL)
    cdc.pg("INSERT INTO clients VALUES (1, 'a', false, 'P1', 1)")
    with pytest.raises(CDCError, match=r"key columns \['id'\] .* are masked"):
        run_cdc(source_table="clients", target_table="clients", mask={"id": "hash"})  # the primary key
    nothing_created(cdc)
    with pytest.raises(CDCError, match=r"key columns \['passport'\] .* are masked"):
        run_cdc(
            source_table="clients", target_table="clients", keys=["passport"], mask={"passport": "redact"}
        )
    with pytest.raises(CDCError, match="unknown method 'blur'"):
        run_cdc(source_table="clients", target_table="clients", mask={"name": "blur"})
    with pytest.raises(CDCError, match=r"masked columns \['pasport'\] are not columns"):
        run_cdc(source_table="clients", target_table="clients", mask={"pasport": "hash"})
    nothing_created(cdc)


def test_changed_masks_reinitialise_so_no_column_keeps_clear_values(cdc):
    cdc.pg(CLIENTS_DDL)
    cdc.pg("INSERT INTO clients VALUES (1, 'a', false, 'P1', 1), (2, 'b', true, 'P2', 2)")
    run_cdc(source_table="clients", target_table="clients")
    assert cdc.ch.execute("SELECT passport FROM clients FINAL ORDER BY id") == [("P1",), ("P2",)]
    res = run_cdc(source_table="clients", target_table="clients", mask={"passport": "redact"})
    assert res["initialized"]
    assert cdc.ch.execute("SELECT passport FROM clients ORDER BY id") == [("***",), ("***",)]
    res = run_cdc(source_table="clients", target_table="clients", mask={"passport": "redact"})
    assert not res["initialized"]
    # Without a snapshot the target would be kept with its redacted values next to hashed ones: refused.
    with pytest.raises(CDCError, match="other masks or another row condition"):
        run_cdc(source_table="clients", target_table="clients", mask={"passport": "hash"}, snapshot=False)
    res = run_cdc(source_table="clients", target_table="clients", mask={"passport": "hash"})
    assert res["initialized"]
    assert people_free_of(cdc, {"P1", "P2", "***"})


def people_free_of(env, values):
    """No row of the clients replica (any version) holds one of ``values`` in passport."""
    return not {r[0] for r in env.ch.execute("SELECT passport FROM clients")} & values


def test_masked_toast_values_left_unchanged_by_an_update_stay_masked(cdc):
    """An UPDATE that does not touch a TOASTed column does not log it: the value is taken from the
    batch or from ClickHouse, where it is already masked (and must not be masked twice)."""
    cdc.pg("CREATE TABLE docs (id int PRIMARY KEY, body text, n int)")
    cdc.pg("ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL")  # force out-of-line TOAST
    big = "ж" * 5000
    cdc.pg("INSERT INTO docs VALUES (1, %s, 0), (2, %s, 0)", (big + "1", big + "2"))
    run = dict(source_table="docs", target_table="docs", mask={"body": "hash"}, where="id < 100")
    run_cdc(**run)
    cdc.pg("INSERT INTO docs VALUES (3, %s, 0)", (big + "3",))
    cdc.pg("UPDATE docs SET n = n + 1 WHERE id IN (1, 3); UPDATE docs SET n = n + 1 WHERE id = 3")
    run_cdc(**run)
    want = [tuple(r) for r in cdc.pg("SELECT id, md5(body::text), n FROM docs ORDER BY id")]
    assert [tuple(r) for r in ch_view(cdc, "docs", ["id", "body", "n"])] == want
