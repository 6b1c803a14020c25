"""Fault and bad-input tests of PostgresToClickHouseOperator against the real servers (issue 9, items 7-8).

Fault tests: a load runs in a child process and is SIGKILLed at a chosen point, possibly several
times in a row (like a task killed and retried), then rerun to completion; the ClickHouse target must
then equal the source exactly (count, sum of ids, sum of amounts; ``FINAL`` for upsert) - no loss,
no duplicates - and after each kill the target must be unchanged or (after the publish step)
complete, never half loaded.

Kill points, on a fixed seed:

* ``time``: an early kill a few milliseconds into the run;
* ``staging_rows``: row path, when a random fraction of the rows has landed in the staging table;
* ``copy_rows``: fast path, when PostgreSQL's ``COPY ... TO STDOUT`` has produced a random fraction of
  the rows (``pg_stat_progress_copy``);
* ``sql``: right before or right after the n-th ClickHouse statement matching a pattern (``before
  ATTACH PARTITION``: all rows staged and reconciled, nothing published; ``after RENAME``: swapped,
  old table not dropped; ``after ATTACH PARTITION`` of 1 of 3 partitions: half published; ...).

The children are forked from one pre-imported "zygote" process (``python -c ...``, started with the
test's ``AIRFLOW_CONN_*`` variables), so each attempt starts in milliseconds instead of the ~4 s an
Airflow import takes; a SIGKILL of a child is exactly a SIGKILL of a separate task process.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import psycopg2
import pytest

from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator
from airflow_ai_etl.transfers.postgres_to_clickhouse import TransferError

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEED = 20240917
N_FAST = 400_000  # fast path: ~1 s per full load on the 2-core test machine
N_ROWS = 150_000  # row path: ~2.5 s per full load
ROW_BATCH = 15_000  # row path batch size: the staging table grows in 10 steps
SOURCE_DB = "ai_etl_faults"

SOURCE_DDL = """
CREATE TABLE {name} (
    id bigint PRIMARY KEY,
    amount numeric(12, 2) NOT NULL,
    updated_at timestamp NOT NULL,
    sold_at date NOT NULL,
    note text NOT NULL
)"""
# Deterministic rows: updated_at grows with id (a watermark); sold_at spreads over 3 months
# (3 partitions with toYYYYMM(sold_at)), each month holding ids from the whole range.
SOURCE_ROWS = """
INSERT INTO {name}
SELECT g, ((g::bigint * 7919) % 100000) / 100.0, timestamp '2024-01-01' + g * interval '1 second',
       date '2024-01-01' + (g % 90)::int, md5(g::text)
FROM generate_series({lo}, {hi}) g"""

ZYGOTE = r"""
import json, os, re, signal, sys, traceback

import clickhouse_driver

from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator

_execute = clickhouse_driver.Client.execute


def arm(when, pattern, nth):
    seen = [0]

    def execute(self, query, *args, **kwargs):
        fire = False
        if re.search(pattern, query):
            seen[0] += 1
            fire = seen[0] == nth
        if fire and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        result = _execute(self, query, *args, **kwargs)
        if fire:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    clickhouse_driver.Client.execute = execute


for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(log, 1)
            os.dup2(log, 2)
            os.environ.update(job["env"])
            if job["sql_kill"]:
                arm(*job["sql_kill"])
            result = PostgresToClickHouseOperator(task_id="load", **job["kwargs"]).execute(context={})
            print("RESULT " + json.dumps(result), flush=True)
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    print(pid, flush=True)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def source_db(postgres) -> str:
    """A PostgreSQL database with ``src_fast`` (N_FAST rows) and ``src_rows`` (N_ROWS rows)."""
    postgres.create_database(SOURCE_DB, drop_existing=True)
    for name, n in (("src_fast", N_FAST), ("src_rows", N_ROWS)):
        postgres.execute(
            SOURCE_DDL.format(name=name) + ";" + SOURCE_ROWS.format(name=name, lo=1, hi=n), dbname=SOURCE_DB
        )
    postgres.execute("ANALYZE", dbname=SOURCE_DB)
    return postgres.uri(SOURCE_DB)


class Zygote:
    """A pre-imported Python process that forks one child per load attempt."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.stderr = open(log_dir / "zygote.err", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
        )
        self.attempts = 0

    def start(self, env: dict[str, str], kwargs: dict, sql_kill: tuple | None) -> tuple[int, Path]:
        self.attempts += 1
        log = self.log_dir / f"attempt-{self.attempts}.log"
        job = {"env": env, "kwargs": kwargs, "sql_kill": sql_kill, "log": str(log)}
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, f"zygote died: {(self.log_dir / 'zygote.err').read_text()[-3000:]}"
        return int(line), log

    def wait(self) -> int:
        """Wait status of the last child (the zygote reaps it)."""
        return int(self.proc.stdout.readline())

    def stop(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.stderr.close()


@pytest.fixture(scope="module")
def zygote(tmp_path_factory):
    z = Zygote(tmp_path_factory.mktemp("fault-attempts"))
    yield z
    z.stop()


@pytest.fixture
def fenv(source_db, shop_db, clickhouse, ch_database, monkeypatch) -> dict[str, str]:
    """Connections pg_faults (big sources), pg_shop, ch_rows (native only), ch_fast (with http_port)."""
    env = {
        "AIRFLOW_CONN_PG_FAULTS": source_db,
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CH_ROWS": f"clickhouse://default@127.0.0.1:{clickhouse.tcp_port}/{ch_database}",
        "AIRFLOW_CONN_CH_FAST": clickhouse.uri(ch_database),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


@pytest.fixture
def ch(clickhouse, ch_database):
    client = clickhouse.client(database=ch_database)
    yield client
    client.disconnect()


# --------------------------------------------------------------------------- helpers


def pg_rows(postgres, sql, dbname=SOURCE_DB):
    return postgres.execute(sql, dbname=dbname)


def source_state(postgres, table, dbname=SOURCE_DB) -> tuple[int, int, Decimal]:
    n, ids, amount = pg_rows(
        postgres, f"SELECT count(*), coalesce(sum(id), 0), coalesce(sum(amount), 0) FROM {table}", dbname
    )[0]
    return int(n), int(ids), Decimal(amount)


def target_state(ch, table, final=False) -> tuple[int, int, Decimal] | None:
    """(count, sum(id), sum(amount)) of the ClickHouse table, None when it does not exist."""
    if not ch.execute(f"EXISTS TABLE {table}")[0][0]:
        return None
    n, ids, amount = ch.execute(
        f"SELECT count(), sum(id), sum(amount) FROM {table}{' FINAL' if final else ''}"
    )[0]
    return int(n), int(ids), Decimal(amount or 0)


EMPTY = (0, 0, Decimal(0))


def tables(ch):
    return sorted(r[0] for r in ch.execute("SHOW TABLES"))


def run_inline(**kwargs):
    kwargs.setdefault("task_id", "load")
    return PostgresToClickHouseOperator(**kwargs).execute(context={})


def staged_rows(ch, database, table) -> int:
    return int(
        ch.execute(
            "SELECT sum(rows) FROM system.parts WHERE database = %(d)s AND table = %(t)s AND active",
            {"d": database, "t": table},
        )[0][0]
    )


def kill_attempt(zygote, env, kwargs, point, ch=None, database=None, pg_conn=None) -> str:
    """Start a load in a child process and SIGKILL it at ``point``; returns a description of the point.

    ``point`` is ``("time", s)``, ``("staging_rows", n)``, ``("copy_rows", n)`` or
    ``("sql", "before"|"after", pattern, nth)``. Fails if the child finishes (or dies otherwise)
    before the kill point.
    """
    kind = point[0]
    pid, log = zygote.start(env, kwargs, tuple(point[1:]) if kind == "sql" else None)
    if kind != "sql":
        deadline = time.monotonic() + 60
        started = time.monotonic()
        while time.monotonic() < deadline:
            if kind == "time":
                reached = time.monotonic() - started >= point[1]
            elif kind == "staging_rows":
                reached = staged_rows(ch, database, kwargs["target_table"] + "__staging") >= point[1]
            else:
                with pg_conn.cursor() as cur:
                    cur.execute(
                        "SELECT coalesce(max(tuples_processed), 0) FROM pg_stat_progress_copy "
                        "WHERE datname = %s",
                        (SOURCE_DB,),
                    )
                    reached = cur.fetchone()[0] >= point[1]
            if reached:
                os.kill(pid, signal.SIGKILL)
                break
            time.sleep(0.005)
    status = zygote.wait()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"attempt was not killed at {point} (wait status {status}):\n{log.read_text()[-3000:]}"
    )
    return f"{point}"


def kill_chain(zygote, env, kwargs, points, ch, database, check) -> None:
    """Kill one attempt per point (like a task killed and retried); ``check(point)`` after each."""
    pg_conn = psycopg2.connect(env["AIRFLOW_CONN_PG_FAULTS"])
    pg_conn.autocommit = True
    try:
        for point in points:
            kill_attempt(zygote, env, kwargs, point, ch, database, pg_conn)
            check(point)
    finally:
        pg_conn.close()


def fast_points(rng, n):
    """Kill points on the fast path: early, two random fractions of the COPY, staged, reconciled."""
    a, b = sorted((rng.uniform(0.1, 0.5), rng.uniform(0.5, 0.95)))
    return [
        ("time", rng.uniform(0.0, 0.05)),
        ("copy_rows", int(a * n)),
        ("copy_rows", int(b * n)),
        ("sql", "before", r"^SELECT count\(\) FROM .*__staging`$", 1),  # HTTP insert done, not counted
        ("sql", "before", "ATTACH PARTITION", 1),  # staged and reconciled, nothing published
    ]


def row_points(rng, n):
    a, b = sorted((rng.uniform(0.1, 0.5), rng.uniform(0.5, 0.9)))
    return [
        ("time", rng.uniform(0.0, 0.05)),
        ("staging_rows", int(a * n)),
        ("staging_rows", int(b * n)),
        ("sql", "before", "ATTACH PARTITION", 1),
    ]


# --------------------------------------------------------------------------- 7. fault tests


@pytest.mark.parametrize("path", ["rows", "copy"])
def test_append_killed_then_rerun_loads_exactly_once(fenv, ch, ch_database, zygote, postgres, path):
    rng = random.Random(f"{SEED}-append-{path}")
    src, n = ("src_rows", N_ROWS) if path == "rows" else ("src_fast", N_FAST)
    kwargs = dict(
        source_conn_id="pg_faults",
        source_table=src,
        target_conn_id={"rows": "ch_rows", "copy": "ch_fast"}[path],
        target_table="t",
        batch_size=ROW_BATCH,
    )
    points = row_points(rng, n) if path == "rows" else fast_points(rng, n)

    def check(point):
        # Killed before publishing: the target is absent (killed before its CREATE) or empty.
        assert target_state(ch, "t") in (None, EMPTY), point
        if point[0] == "sql":  # killed after the staging table was filled: it is left behind, full
            assert staged_rows(ch, ch_database, "t__staging") == n

    kill_chain(zygote, fenv, kwargs, points, ch, ch_database, check)
    assert "t__staging" in tables(ch)  # the rerun has a leftover staging table to cope with
    res = run_inline(**kwargs)
    assert (res["rows"], res["path"]) == (n, path)
    assert target_state(ch, "t") == source_state(postgres, src)
    assert tables(ch) == ["t"]


def test_replace_killed_then_rerun(fenv, ch, ch_database, zygote, postgres):
    rng = random.Random(f"{SEED}-replace")
    kwargs = dict(
        source_conn_id="pg_faults", source_table="src_fast", target_conn_id="ch_fast", target_table="t"
    )
    run_inline(**kwargs, mode="replace", where="id <= 1000")  # the previous version of the table
    before = target_state(ch, "t")
    assert before[0] == 1000
    full = source_state(postgres, "src_fast")
    points = fast_points(rng, N_FAST)[:2] + [
        ("sql", "before", r"^RENAME TABLE", 1),  # staged and reconciled, not swapped
        ("sql", "after", r"^RENAME TABLE", 1),  # swapped, t__old not dropped yet
    ]

    def check(point):
        # Never half a table: the old version until the swap, the complete new one after it.
        assert target_state(ch, "t") == (full if point[1] == "after" else before), point

    kill_chain(zygote, fenv, {**kwargs, "mode": "replace"}, points, ch, ch_database, check)
    assert "t__old" in tables(ch)
    res = run_inline(**kwargs, mode="replace")
    assert res["rows"] == N_FAST
    assert target_state(ch, "t") == full
    assert tables(ch) == ["t"]


def test_upsert_killed_mid_publish_then_rerun(fenv, ch, ch_database, zygote, postgres):
    """Upsert into 3 partitions; a kill between the partition attaches publishes a part; the rerun heals it."""
    rng = random.Random(f"{SEED}-upsert")
    kwargs = dict(
        source_conn_id="pg_faults",
        target_conn_id="ch_fast",
        target_table="t",
        mode="upsert",
        keys=["id"],
        partition_by="toYYYYMM(sold_at)",
    )
    # The previous state: a third of the keys, with stale amounts.
    stale = "SELECT id, (amount + 1)::numeric(12, 2) AS amount, updated_at, sold_at, note FROM src_fast"
    run_inline(**kwargs, source_sql=stale, where="id % 3 = 0")
    kwargs["source_table"] = "src_fast"
    before = target_state(ch, "t", final=True)
    full = source_state(postgres, "src_fast")
    points = fast_points(rng, N_FAST)[1:2] + [
        ("sql", "after", "ATTACH PARTITION", 1),  # 1 of 3 partitions published
        ("sql", "after", "ATTACH PARTITION", 3),  # all published, staging not dropped
    ]
    states = []

    def check(point):
        state = target_state(ch, "t", final=True)
        states.append(state)
        if point[1] != "after":
            assert state == before, point
        elif point[3] == 3:
            assert state == full, point

    kill_chain(zygote, fenv, kwargs, points, ch, ch_database, check)
    assert states[-2] not in (before, full)  # the kill between attaches did publish a part
    res = run_inline(**kwargs)
    assert res["rows"] == N_FAST
    assert target_state(ch, "t", final=True) == full
    assert ch.execute("SELECT uniqExact(id) FROM t")[0][0] == N_FAST
    assert tables(ch) == ["t"]


@pytest.mark.parametrize("path", ["rows", "copy"])
def test_incremental_append_killed_then_rerun(fenv, ch, ch_database, zygote, postgres, path):
    rng = random.Random(f"{SEED}-incremental-{path}")
    n = N_ROWS if path == "rows" else N_FAST
    half = n // 2
    pg_rows(
        postgres,
        "DROP TABLE IF EXISTS inc;"
        + SOURCE_DDL.format(name="inc")
        + ";"
        + SOURCE_ROWS.format(name="inc", lo=1, hi=half),
    )
    kwargs = dict(
        source_conn_id="pg_faults",
        source_table="inc",
        target_conn_id={"rows": "ch_rows", "copy": "ch_fast"}[path],
        target_table="t",
        incremental_column="updated_at",
        batch_size=ROW_BATCH,
    )
    first = run_inline(**kwargs)
    assert first["rows"] == half
    before = target_state(ch, "t")
    pg_rows(postgres, SOURCE_ROWS.format(name="inc", lo=half + 1, hi=n))  # the next interval
    points = row_points(rng, half) if path == "rows" else fast_points(rng, half)
    points = [points[2], points[-1]]  # mid-load and staged-but-unpublished

    def unchanged(point):
        assert target_state(ch, "t") == before, point

    kill_chain(zygote, fenv, kwargs, points, ch, ch_database, unchanged)
    second = run_inline(**kwargs)
    assert second["rows"] == n - half
    assert target_state(ch, "t") == source_state(postgres, "inc")
    max_wm = pg_rows(postgres, "SELECT max(updated_at) FROM inc")[0][0]
    assert second["watermark"] == max_wm.isoformat()

    # Killed after publishing, before the staging table is dropped: the rows are in, the watermark
    # moved with them, and the rerun adds nothing.
    pg_rows(postgres, SOURCE_ROWS.format(name="inc", lo=n + 1, hi=n + 1000))
    full = source_state(postgres, "inc")

    def published(point):
        assert target_state(ch, "t") == full, point

    kill_chain(zygote, fenv, kwargs, [("sql", "after", "ATTACH PARTITION", 1)], ch, ch_database, published)
    third = run_inline(**kwargs)
    max_wm = pg_rows(postgres, "SELECT max(updated_at) FROM inc")[0][0]
    assert (third["rows"], third["watermark"]) == (0, max_wm.isoformat())
    assert target_state(ch, "t") == full
    assert run_inline(**kwargs)["rows"] == 0
    assert tables(ch) == ["t"]


def test_incremental_append_killed_between_partition_attaches(fenv, ch, ch_database, zygote, postgres):
    """A load touching 3 partitions, killed after attaching the first: the rerun must still load the rest."""
    pg_rows(
        postgres,
        "DROP TABLE IF EXISTS inc;"
        + SOURCE_DDL.format(name="inc")
        + ";"
        + SOURCE_ROWS.format(name="inc", lo=1, hi=30_000),
    )
    kwargs = dict(
        source_conn_id="pg_faults",
        source_table="inc",
        target_conn_id="ch_fast",
        target_table="t",
        incremental_column="updated_at",
        partition_by="toYYYYMM(sold_at)",
    )
    run_inline(**kwargs)
    pg_rows(postgres, SOURCE_ROWS.format(name="inc", lo=30_001, hi=60_000))
    kill_chain(
        zygote, fenv, kwargs, [("sql", "after", "ATTACH PARTITION", 1)], ch, ch_database, lambda p: None
    )
    run_inline(**kwargs)
    assert target_state(ch, "t") == source_state(postgres, "inc")


# --------------------------------------------------------------------------- 8. bad input

PATHS = {"rows": "ch_rows", "copy": "ch_fast"}


def shop(postgres, sql):
    return postgres.execute(sql, dbname="shop")


def seeded_target(ch, ddl, rows=((1, 10), (2, 20), (3, 30))):
    """Create an existing ClickHouse target ``t`` holding ``rows``; returns its (count, checksum) state."""
    ch.execute(ddl)
    ch.execute("INSERT INTO t VALUES", list(rows))
    return state(ch)


def state(ch):
    return ch.execute("SELECT count(), sum(cityHash64(*)) FROM t")[0]


@pytest.mark.parametrize("path", ["rows", "copy"])
def test_null_into_not_nullable_target_column(fenv, ch, postgres, path):
    shop(
        postgres, "CREATE TABLE n (id bigint PRIMARY KEY, v bigint); INSERT INTO n VALUES (4, 40), (5, NULL)"
    )
    before = seeded_target(ch, "CREATE TABLE t (id Int64, v Int64) ENGINE = MergeTree ORDER BY id")
    # rows: the driver refuses None for the Int64 column v; copy: ClickHouse refuses \N for v.
    message = (
        r"Column v: required argument is not an integer" if path == "rows" else r"name: v, +type: Int64.*N"
    )
    with pytest.raises(Exception, match=message):
        run_inline(source_conn_id="pg_shop", source_table="n", target_conn_id=PATHS[path], target_table="t")
    assert state(ch) == before and tables(ch) == ["t"]  # nothing published, staging dropped


@pytest.mark.parametrize("path", ["rows", "copy"])
def test_type_mismatch_with_existing_target(fenv, ch, postgres, path):
    shop(
        postgres,
        "CREATE TABLE n (id bigint PRIMARY KEY, v text); INSERT INTO n VALUES (4, 'forty'), (5, '5')",
    )
    before = seeded_target(ch, "CREATE TABLE t (id Int64, v Int64) ENGINE = MergeTree ORDER BY id")
    message = (
        r"Column v: required argument is not an integer"
        if path == "rows"
        else r'type: Int64, ERROR: text "forty'
    )
    with pytest.raises(Exception, match=message):
        run_inline(source_conn_id="pg_shop", source_table="n", target_conn_id=PATHS[path], target_table="t")
    assert state(ch) == before and tables(ch) == ["t"]


DATED_DDL = """
CREATE TABLE dated (id bigint PRIMARY KEY, born date, seen timestamp, paid timestamptz);
INSERT INTO dated VALUES (1, '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00'),
                         (2, '2024-02-29', '2024-02-29 12:00:00.5', '2024-02-29 12:00:00+03'),
                         (3, NULL, NULL, NULL);
"""


def test_dates_outside_clickhouse_range_fail_instead_of_turning_into_1970(fenv, ch, postgres):
    shop(postgres, DATED_DDL)
    kw = dict(source_conn_id="pg_shop", source_table="dated", target_conn_id="ch_fast", target_table="t")
    # 1970-01-01 is a real value (stored as ClickHouse's zero): it loads.
    assert run_inline(**kw)["rows"] == 3
    # Days / seconds since 1970 (ClickHouse 18.16 prints its zero date as 0000-00-00).
    assert ch.execute("SELECT toUInt32(born), toUInt32(seen), toUInt32(paid) FROM t ORDER BY id") == [
        (0, 0, 0),
        (19782, 1709208000, 1709197200),
        (None, None, None),
    ]
    before = state(ch)
    shop(
        postgres,
        "INSERT INTO dated VALUES (4, '1961-04-12', '2024-01-01', '2024-01-01'), "
        "(5, '2024-01-01', '2107-01-01 00:00:00', '1969-12-31 23:59:59+00')",
    )
    for mode in ("append", "replace"):
        with pytest.raises(TransferError) as failure:
            run_inline(**kw, mode=mode)
        message = str(failure.value)
        assert 'column "born": 1 value(s) outside the range of ClickHouse Nullable(Date)' in message
        assert "e.g. 1961-04-12" in message
        assert 'column "seen": 1 value(s)' in message and "e.g. 2107-01-01 00:00:00" in message
        assert 'column "paid": 1 value(s)' in message and "nothing was published" in message
        assert state(ch) == before and tables(ch) == ["t"]
    # The way out the message names: load the column as text.
    shop(postgres, "DELETE FROM dated WHERE id = 5")
    res = run_inline(
        **dict(kw, source_table=None, target_table="t_text"),
        source_sql="SELECT id, born::text AS born FROM dated",
    )
    assert res["rows"] == 4
    assert ch.execute("SELECT born FROM t_text WHERE id = 4") == [("1961-04-12",)]


def test_vanished_source_table(fenv, ch, postgres):
    shop(
        postgres,
        "CREATE TABLE gone (id bigint PRIMARY KEY, v bigint); INSERT INTO gone VALUES (1, 10), (2, 20)",
    )
    kw = dict(source_conn_id="pg_shop", source_table="gone", target_conn_id="ch_fast", target_table="t")
    kw_inc = dict(kw, incremental_column="id")
    run_inline(**kw)
    before = state(ch)
    shop(postgres, "DROP TABLE gone")
    for args in (kw, kw_inc, dict(kw, mode="replace")):
        with pytest.raises(
            TransferError, match=r"""cannot describe table 'gone': relation "gone" does not exist"""
        ):
            run_inline(**args)
        assert state(ch) == before and tables(ch) == ["t"]


@pytest.mark.parametrize("path", ["rows", "copy"])
def test_very_long_text_loads_intact(fenv, ch, postgres, path):
    """A 10 MiB value (with tabs, newlines, backslashes, non-ASCII) is not an error: it loads byte for byte."""
    shop(
        postgres,
        "CREATE TABLE longtext (id int PRIMARY KEY, body text);"
        "INSERT INTO longtext SELECT 1, repeat(md5('x') || E'\\t\\n\\\\ é', 10 * 1024 * 1024 / 38);"
        "INSERT INTO longtext VALUES (2, 'short')",
    )
    res = run_inline(
        source_conn_id="pg_shop", source_table="longtext", target_conn_id=PATHS[path], target_table="t"
    )
    assert (res["rows"], res["path"]) == (2, path)
    src = shop(postgres, "SELECT id, octet_length(body), md5(body) FROM longtext ORDER BY id")
    assert src[0][1] >= 10 * 1024 * 1024 - 64
    assert ch.execute("SELECT id, length(body), lower(hex(MD5(body))) FROM t ORDER BY id") == [
        tuple(r) for r in src
    ]


def test_invalid_utf8(fenv, ch, postgres, monkeypatch):
    """PostgreSQL keeps invalid UTF-8 out of a UTF8 database; a SQL_ASCII database can hold any bytes.

    From SQL_ASCII the row path (which decodes text in Python) fails with a clear error and leaves
    the target as it was; the fast path copies the bytes unchanged into the String column (a
    ClickHouse String is a byte string), so nothing is lost or altered either way.
    """
    for sql in (
        "CREATE TABLE u (s text); INSERT INTO u VALUES (E'a\\xffb')",
        "SELECT convert_from('\\x61ff62'::bytea, 'UTF8')",
    ):
        with pytest.raises(
            psycopg2.errors.CharacterNotInRepertoire, match='invalid byte sequence for encoding "UTF8"'
        ):
            shop(postgres, sql)
    postgres.execute("DROP DATABASE IF EXISTS ai_etl_ascii WITH (FORCE)")
    postgres.execute(
        "CREATE DATABASE ai_etl_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    )
    postgres.execute(
        "CREATE TABLE bad (id int PRIMARY KEY, s text); INSERT INTO bad VALUES (1, 'ok'), (2, E'a\\xff\\xfeb')",
        dbname="ai_etl_ascii",
    )
    monkeypatch.setenv("AIRFLOW_CONN_PG_ASCII", postgres.uri("ai_etl_ascii"))
    before = seeded_target(
        ch, "CREATE TABLE t (id Int32, s String) ENGINE = MergeTree ORDER BY id", [(1, "x"), (3, "z")]
    )
    with pytest.raises(
        TransferError, match=r"cannot decode a text value of bad in the source's encoding SQL_?ASCII"
    ):
        run_inline(source_conn_id="pg_ascii", source_table="bad", target_conn_id="ch_rows", target_table="t")
    assert state(ch) == before and tables(ch) == ["t"]
    res = run_inline(
        source_conn_id="pg_ascii", source_table="bad", target_conn_id="ch_fast", target_table="t"
    )
    assert (res["rows"], res["path"]) == (2, "copy")
    loaded = ch.execute("SELECT id, hex(s) FROM t ORDER BY id, s")
    assert loaded == [(1, "6F6B"), (1, "78"), (2, "61FFFE62"), (3, "7A")]  # the 2 seeded rows + the 2 loaded


def test_leftover_staging_and_old_tables_do_not_break_a_run(fenv, ch, postgres):
    """Junk left by a killed run of an older version (other columns, rows) is dropped, never published."""
    kw = dict(source_conn_id="pg_shop", source_table="orders", target_table="t")
    for mode, conn in (("append", "ch_rows"), ("replace", "ch_fast"), ("upsert", "ch_fast")):
        ch.execute("DROP TABLE IF EXISTS t")
        for junk in ("t__staging", "t__old"):
            ch.execute(f"CREATE TABLE IF NOT EXISTS {junk} (x String) ENGINE = MergeTree ORDER BY x")
            ch.execute(f"INSERT INTO {junk} VALUES", [("junk",)])
        extra = {"keys": ["id"]} if mode == "upsert" else {}
        assert run_inline(**kw, target_conn_id=conn, mode=mode, **extra)["rows"] == 200
        expected = shop(postgres, "SELECT count(*), sum(id) FROM orders")[0]
        final = " FINAL" if mode == "upsert" else ""
        assert ch.execute(f"SELECT count(), sum(id) FROM t{final}")[0] == tuple(int(v) for v in expected)
        assert "t__staging" not in tables(ch)
