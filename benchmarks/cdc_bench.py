"""CDC benchmark: PostgreSQL logical replication -> ClickHouse, three readers of the same WAL, and lag.

On private local servers, a sales-like table gets three consumers before any change is made:

* ``sql``: the CDC operator with ``reader="sql"`` (peek with ``pg_logical_slot_peek_binary_changes``,
  apply, ``pg_replication_slot_advance``: PostgreSQL decodes the WAL twice), the previous path;
* ``replication``: the CDC operator with the default reader (streaming replication protocol, WAL
  decoded once, feedback after each ClickHouse insert);
* ``pg_recvlogical``: PostgreSQL's own client on a third pgoutput slot, writing the same decoded
  stream to /dev/null (the anchor: decoding + transport, no apply).

Then N changes (default 200,000: 50 % inserts, 35 % updates, 15 % deletes, in transactions of
1,000 rows) are committed and each consumer drains them in turn, timed (operator runs: the
``execute()`` wall time, Python start-up not counted; pg_recvlogical: the process, start to exit at
``--endpos``). Both replicas are checked against PostgreSQL. Ratios pair by pair are printed and
appended to benchmarks/RESULTS_CDC.md.

Lag (``--lag-seconds``, default 20; 0 skips): a ``mode="stream"`` operator runs in a thread while
a writer commits ``--lag-rate`` rows/s (default 1,000, 20 transactions/s) and a poller reads
``max(id)`` from ClickHouse every 20 ms; lag of a transaction = first poll that sees its rows -
the moment its COMMIT returned (one clock). Reports p50/p95/max.

    python benchmarks/cdc_bench.py [--changes 200000] [--max-changes 100000] [--lag-seconds 20] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from local_servers import find_pg_bin, start_clickhouse, start_postgres  # noqa: E402
from transfer_bench import SETTLE_SQL, TABLE_DDL  # noqa: E402  (the same synthetic sales table)

RESULTS = ROOT / "benchmarks" / "RESULTS_CDC.md"
INSERT = """
INSERT INTO public.sales
SELECT g, g / 3, 1 + g %% 5000, 1 + g %% 700, round((g %% 100000) / 100.0, 2), 1 + g %% 9,
       (ARRAY['north', 'south', 'east', 'west'])[1 + g %% 4], timestamp '2024-06-01' + g * interval '1 second'
FROM generate_series(%(lo)s, %(hi)s) g
"""
UPDATE = (
    "UPDATE public.sales SET amount = amount + 1, quantity = quantity + 1, region = 'upd' "
    "WHERE id BETWEEN %(lo)s AND %(hi)s"
)
DELETE = "DELETE FROM public.sales WHERE id BETWEEN %(lo)s AND %(hi)s"
COLS = "id, order_id, customer_id, product_id, amount, quantity, region, sold_at"
RECV_SLOT = "cdc_bench_recv"
STREAM_HEADER = (
    "\n## Readers side by side (same WAL, same run)\n\n"
    "`baseline` = the operator as of an earlier commit (`--baseline-ref`; the code before the streaming "
    "reader), `sql` = peek/apply/advance with SQL functions (with today's decoder), "
    "`replication` = streaming replication protocol (default), `pg_recvlogical` = PostgreSQL's client "
    "decoding the same slot "
    'stream to /dev/null. Lag: `mode="stream"` at the given rate, commit -> visible in ClickHouse.\n\n'
    "| date (UTC) | machine | changes | baseline (commit) changes/s | sql changes/s | replication changes/s "
    "| pg_recvlogical changes/s | replication/baseline | replication/sql | replication/pg_recvlogical "
    "| lag rate/s | lag p50 s | lag p95 s | lag max s | replica check |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"
)


def generate(pg: object, dbname: str, changes: int, base: int, txn: int = 1000) -> dict[str, int]:
    """Commit ``changes`` row changes (inserts of new ids, updates and deletes of existing ones)."""
    n_ins, n_upd = changes // 2, changes * 35 // 100
    n_del = changes - n_ins - n_upd
    conn = pg.connect(dbname, autocommit=True)  # type: ignore[attr-defined]
    with conn.cursor() as cur:
        cur.execute("SET synchronous_commit = on")  # decodable as soon as committed
        for lo in range(base + 1, base + n_ins + 1, txn):
            cur.execute(INSERT, {"lo": lo, "hi": min(lo + txn - 1, base + n_ins)})
        for lo in range(1, n_upd + 1, txn):
            cur.execute(UPDATE, {"lo": lo, "hi": min(lo + txn - 1, n_upd)})
        start = n_upd + 1  # delete rows not updated, so every change counts
        for lo in range(start, start + n_del, txn):
            cur.execute(DELETE, {"lo": lo, "hi": min(lo + txn - 1, start + n_del - 1)})
    conn.close()
    return {"inserts": n_ins, "updates": n_upd, "deletes": n_del}


def operator(reader: str, max_changes: int, **kwargs: object) -> object:
    from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator

    kwargs.setdefault("source_table", "public.sales")
    kwargs.setdefault("target_table", f"default.sales_{reader}")
    kwargs.setdefault("slot_name", f"cdc_bench_{reader}")
    return PostgresCDCToClickHouseOperator(
        task_id=f"cdc_bench_{reader}",
        source_conn_id="pg_bench",
        target_conn_id="ch_bench",
        max_changes=max_changes,
        reader=reader,
        **kwargs,
    )


BASELINE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator

res = PostgresCDCToClickHouseOperator(
    task_id="cdc_bench_baseline", source_conn_id="pg_bench", source_table="public.sales",
    target_conn_id="ch_bench", target_table="default.sales_baseline", slot_name="cdc_bench_baseline",
    max_changes=int(sys.argv[2]),
).execute(context={})
print("RESULT " + json.dumps(res))
"""


def baseline(code_dir: Path, max_changes: int) -> dict:
    """One run of the CDC operator as it is in ``code_dir`` (another commit's code), in a subprocess."""
    out = subprocess.run(
        [sys.executable, "-c", BASELINE, str(code_dir), str(max_changes)],
        env={**os.environ, "PYTHONPATH": str(code_dir)},
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    ).stdout
    line = [x for x in out.splitlines() if x.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT ") :])


def checkout(ref: str, into: Path) -> Path:
    """The package ``airflow_ai_etl`` as of git ``ref``, extracted under ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "airflow_ai_etl"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def recvlogical(pg: object, publication: str, endpos: str) -> float:
    """Seconds pg_recvlogical takes to stream slot RECV_SLOT up to ``endpos`` into /dev/null."""
    cmd = [
        find_pg_bin("pg_recvlogical"),
        "-d",
        pg.uri("bench"),  # type: ignore[attr-defined]
        "--slot",
        RECV_SLOT,
        "--start",
        "-o",
        "proto_version=1",
        "-o",
        f"publication_names={publication}",
        "--endpos",
        endpos,
        "--no-loop",
        "-f",
        "/dev/null",
    ]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, timeout=600)
    return time.perf_counter() - t0


def measure_lag(pg: object, ch: object, seconds: float, rate: int) -> dict[str, float]:
    """Lag commit -> visible in ClickHouse of a ``mode="stream"`` run at ``rate`` rows/s for ``seconds``."""
    pg.execute(  # type: ignore[attr-defined]
        "DROP TABLE IF EXISTS public.lagt; CREATE TABLE public.lagt (id bigint PRIMARY KEY, "
        "note text, at timestamptz NOT NULL DEFAULT clock_timestamp())",
        dbname="bench",
    )
    kw = dict(
        source_table="public.lagt",
        target_table="default.lagt",
        slot_name="cdc_bench_lag",
    )
    operator("replication", 100_000, **kw).execute(context={})  # initialise (slot + empty snapshot)
    streamer_result: dict = {}
    streamer = threading.Thread(
        target=lambda: streamer_result.update(
            operator("replication", 100_000, mode="stream", max_runtime=seconds + 5, **kw).execute(context={})
        ),
        daemon=True,
    )
    streamer.start()
    time.sleep(1.0)  # the stream is open

    commits: list[tuple[int, float]] = []  # (last id of the transaction, COMMIT returned at)
    seen: list[tuple[float, int]] = []  # (poll time, max id visible)
    stop = threading.Event()

    def poll() -> None:
        client = ch.client()  # type: ignore[attr-defined]
        while not stop.is_set():
            got = client.execute("SELECT max(id) FROM default.lagt")[0][0]
            seen.append((time.time(), int(got or 0)))
            time.sleep(0.02)
        client.disconnect()

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    conn = pg.connect("bench", autocommit=True)  # type: ignore[attr-defined]
    per_txn = max(1, rate // 20)
    next_id, t_start = 1, time.monotonic()
    with conn.cursor() as cur:
        cur.execute("SET synchronous_commit = on")
        while time.monotonic() - t_start < seconds:
            due = t_start + (next_id - 1) / rate
            if (wait := due - time.monotonic()) > 0:
                time.sleep(wait)
            cur.execute(
                "INSERT INTO public.lagt (id, note) SELECT g, 'x' FROM generate_series(%s, %s) g",
                (next_id, next_id + per_txn - 1),
            )
            commits.append((next_id + per_txn - 1, time.time()))
            next_id += per_txn
    conn.close()
    written = next_id - 1
    deadline = time.monotonic() + 30
    while (not seen or seen[-1][1] < written) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    poller.join()
    streamer.join(timeout=60)
    lags, j = [], 0
    for last_id, committed in commits:
        while j < len(seen) and seen[j][1] < last_id:
            j += 1
        if j == len(seen):
            raise RuntimeError(f"rows up to id {last_id} never became visible in ClickHouse")
        lags.append(max(0.0, seen[j][0] - committed))
    lags.sort()
    achieved = written / seconds
    return {
        "rate": achieved,
        "p50": statistics.median(lags),
        "p95": lags[int(0.95 * (len(lags) - 1))],
        "max": lags[-1],
        "transactions": len(lags),
        "stream_changes": streamer_result.get("changes", -1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=200_000, help="changes to apply (default 200000)")
    parser.add_argument("--base-rows", type=int, default=100_000, help="rows in the initial snapshot")
    parser.add_argument(
        "--max-changes",
        type=int,
        default=100_000,
        help="operator max_changes per batch",
    )
    parser.add_argument(
        "--lag-seconds",
        type=float,
        default=20.0,
        help="lag measurement length (0: skip)",
    )
    parser.add_argument("--lag-rate", type=int, default=1000, help="rows/s written during the lag test")
    parser.add_argument(
        "--baseline-ref",
        help="also time the CDC operator as of this git commit (e.g. the one before the streaming reader)",
    )
    parser.add_argument("--no-write", action="store_true", help=f"do not append to {RESULTS.name}")
    args = parser.parse_args(argv)
    if (
        args.changes * 35 // 100 + (args.changes - args.changes // 2 - args.changes * 35 // 100)
        > args.base_rows
    ):
        parser.error("--base-rows must cover the updated and deleted rows (>= half of --changes)")

    base_dir = Path(tempfile.mkdtemp(prefix="ai-etl-cdc-bench-"))
    base_dir.chmod(0o755)
    pg = start_postgres(base_dir)
    ch = start_clickhouse(base_dir, die_with_parent=True)
    try:
        pg.create_database("bench", drop_existing=True)
        pg.execute(TABLE_DDL.format(rows=args.base_rows), dbname="bench")
        pg.execute(SETTLE_SQL, dbname="bench")
        os.environ["AIRFLOW_CONN_PG_BENCH"] = pg.uri("bench")
        os.environ["AIRFLOW_CONN_CH_BENCH"] = ch.uri("default")

        readers = ("sql", "replication")
        for reader in readers:
            init = operator(reader, args.max_changes).execute(context={})
            print(f"{reader}: snapshot {init['snapshot_rows']:,} rows in {init['seconds']:.2f} s")
        code = checkout(args.baseline_ref, base_dir / "baseline") if args.baseline_ref else None
        if code is not None:
            init = baseline(code, args.max_changes)
            print(f"baseline {args.baseline_ref}: snapshot {init['snapshot_rows']:,} rows")
        pg.execute(
            f"SELECT pg_create_logical_replication_slot('{RECV_SLOT}', 'pgoutput')",
            dbname="bench",
        )

        t0 = time.perf_counter()
        mix = generate(pg, "bench", args.changes, args.base_rows)
        endpos = pg.execute("SELECT pg_current_wal_flush_lsn()::text", dbname="bench")[0][0]
        print(
            f"generated {args.changes:,} changes {mix} in {time.perf_counter() - t0:.1f} s (WAL end {endpos})"
        )

        rates: dict[str, float] = {}
        # The new reader first, the old ones after it, in case going first costs anything.
        for reader in reversed(readers):
            cpu = time.process_time()
            res = operator(reader, args.max_changes).execute(context={})
            cpu = time.process_time() - cpu
            rates[reader] = res["changes"] / res["seconds"]
            assert res["changes"] == args.changes, res
            print(
                f"{reader:>14}: {res['changes']:,} changes in {res['seconds']:.2f} s = "
                f"{rates[reader]:,.0f} changes/s (batches {res['rows_per_batch']}; this process's CPU "
                f"{cpu:.2f} s, server-side decoding not included)"
            )
        if code is not None:
            res = baseline(code, args.max_changes)
            assert res["changes"] == args.changes, res
            rates["baseline"] = res["changes"] / res["seconds"]
            print(
                f"{'baseline':>14}: {res['changes']:,} changes in {res['seconds']:.2f} s = "
                f"{rates['baseline']:,.0f} changes/s (the operator as of {args.baseline_ref})"
            )
        seconds = recvlogical(pg, "cdc_bench_replication", endpos)
        rates["pg_recvlogical"] = args.changes / seconds
        print(
            f"{'pg_recvlogical':>14}: {args.changes:,} changes in {seconds:.2f} s = "
            f"{rates['pg_recvlogical']:,.0f} changes/s"
        )

        client = ch.client()
        want = [
            tuple(r) for r in pg.execute(f"SELECT {COLS} FROM public.sales ORDER BY id", dbname="bench") or []
        ]
        ok = True
        for reader in (*readers, "baseline") if code is not None else readers:
            got = client.execute(
                f"SELECT {COLS} FROM default.sales_{reader} FINAL WHERE _deleted = 0 ORDER BY id"
            )
            same = [tuple(r) for r in got] == want
            ok = ok and same
            print(
                f"replica check {reader}: {len(got):,} rows vs {len(want):,} in PostgreSQL: "
                f"{'ok' if same else 'MISMATCH'}"
            )
        client.disconnect()
        vs_sql = rates["replication"] / rates["sql"]
        vs_recv = rates["replication"] / rates["pg_recvlogical"]
        vs_base = rates["replication"] / rates["baseline"] if "baseline" in rates else None
        print(
            f"ratios: replication/sql {vs_sql:.2f}x, replication/pg_recvlogical {vs_recv:.2f}x"
            + (f", replication/baseline {vs_base:.2f}x" if vs_base else "")
        )

        lag = None
        if args.lag_seconds > 0:
            lag = measure_lag(pg, ch, args.lag_seconds, args.lag_rate)
            print(
                f"lag (mode=stream, {lag['rate']:,.0f} rows/s for {args.lag_seconds:.0f} s, "
                f"{lag['transactions']} transactions): p50 {lag['p50']:.2f} s, p95 {lag['p95']:.2f} s, "
                f"max {lag['max']:.2f} s"
            )

        if not args.no_write:
            text = RESULTS.read_text() if RESULTS.exists() else "# CDC benchmark results\n"
            if STREAM_HEADER not in text:
                text += STREAM_HEADER
            lag_cells = (
                f"{lag['rate']:,.0f} | {lag['p50']:.2f} | {lag['p95']:.2f} | {lag['max']:.2f}"
                if lag
                else "- | - | - | -"
            )
            text += (
                f"| {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} | {platform.machine()}, "
                f"{os.cpu_count()} CPUs, Python {platform.python_version()} | {args.changes:,} | "
                + (f"{rates['baseline']:,.0f} ({args.baseline_ref}) | " if vs_base else "- | ")
                + f"{rates['sql']:,.0f} | {rates['replication']:,.0f} | {rates['pg_recvlogical']:,.0f} | "
                + (f"{vs_base:.2f} | " if vs_base else "- | ")
                + f"{vs_sql:.2f} | {vs_recv:.2f} | {lag_cells} | {'ok' if ok else 'MISMATCH'} |\n"
            )
            RESULTS.write_text(text)
        return 0 if ok else 1
    finally:
        ch.stop()
        pg.stop()
        shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
