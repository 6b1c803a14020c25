"""CDC benchmark: PostgreSQL logical replication -> ClickHouse, changes applied per second.

On private local servers: a sales-like table is initialised by the CDC operator (snapshot + slot),
then N changes (default 200,000: 50 % inserts, 35 % updates, 15 % deletes, in transactions of
1,000 rows) are committed, and one operator run applies them all. The rate counts the run's
wall time (peek + decode + TSV + HTTP insert + advance, in batches of ``--max-changes``); Python
start-up and imports are not counted. The replica is checked against PostgreSQL before the
result is printed and appended to benchmarks/RESULTS_CDC.md. Target: >= 20,000 changes/s.

    python benchmarks/cdc_bench.py [--changes 200000] [--max-changes 100000] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from local_servers import start_clickhouse, start_postgres  # noqa: E402
from transfer_bench import SETTLE_SQL, TABLE_DDL  # noqa: E402  (the same synthetic sales table)

TARGET = 20_000
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=200_000, help="changes to apply (default 200000)")
    parser.add_argument("--base-rows", type=int, default=100_000, help="rows in the initial snapshot")
    parser.add_argument("--max-changes", type=int, default=100_000, help="operator max_changes per batch")
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

        from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator

        def run() -> dict:
            return PostgresCDCToClickHouseOperator(
                task_id="cdc_bench",
                source_conn_id="pg_bench",
                source_table="public.sales",
                target_conn_id="ch_bench",
                target_table="default.sales_cdc",
                slot_name="cdc_bench",
                max_changes=args.max_changes,
            ).execute(context={})

        init = run()
        print(f"snapshot: {init['snapshot_rows']:,} rows in {init['seconds']:.2f} s")
        t0 = time.perf_counter()
        mix = generate(pg, "bench", args.changes, args.base_rows)
        print(f"generated {args.changes:,} changes {mix} in {time.perf_counter() - t0:.1f} s")
        res = run()
        rate = res["changes"] / res["seconds"]
        print(
            f"applied {res['changes']:,} changes in {res['seconds']:.2f} s: {rate:,.0f} changes/s "
            f"(batches {res['rows_per_batch']}, lag {res['lag_bytes']} bytes)"
        )

        client = ch.client()
        got = client.execute(f"SELECT {COLS} FROM default.sales_cdc FINAL WHERE _deleted = 0 ORDER BY id")
        client.disconnect()
        want = pg.execute(f"SELECT {COLS} FROM public.sales ORDER BY id", dbname="bench") or []
        # Every row and value equal (sold_at has whole seconds, so DateTime holds it exactly).
        ok = [tuple(r) for r in got] == [tuple(r) for r in want] and res["changes"] == args.changes
        print(
            f"replica check: {len(got):,} rows in ClickHouse vs {len(want):,} in PostgreSQL: "
            f"{'ok' if ok else 'MISMATCH'}"
        )
        verdict = "meets" if rate >= TARGET else "below"
        print(f"result: {rate:,.0f} changes/s ({verdict} the {TARGET:,} changes/s target)")

        if not args.no_write:
            new = not RESULTS.exists()
            with RESULTS.open("a") as f:
                if new:
                    f.write(
                        "# CDC benchmark results (PostgreSQL logical replication -> ClickHouse)\n\n"
                        "Written by `benchmarks/cdc_bench.py`; one row per run. "
                        "Target: >= 20,000 changes/s.\n\n"
                        "| date (UTC) | machine | changes | mix (ins/upd/del) | max_changes | batches "
                        "| seconds | changes/s | replica check |\n"
                        "|---|---|---:|---|---:|---:|---:|---:|---|\n"
                    )
                f.write(
                    f"| {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} | {platform.machine()}, "
                    f"{os.cpu_count()} CPUs, Python {platform.python_version()} | {res['changes']:,} | "
                    f"{mix['inserts']}/{mix['updates']}/{mix['deletes']} | {args.max_changes:,} | "
                    f"{res['batches']} | {res['seconds']:.2f} | {rate:,.0f} | "
                    f"{'ok' if ok else 'MISMATCH'} |\n"
                )
        return 0 if ok else 1
    finally:
        ch.stop()
        pg.stop()
        shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
