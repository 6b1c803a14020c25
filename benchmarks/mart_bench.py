"""Mart refresh benchmark (`python benchmarks/mart_bench.py`; not part of `make test`).

In one run, on private local servers, over N synthetic sales rows (default 2,000,000), a day x region
mart (sum of amount, count of rows) is built in ClickHouse by:
  - ours:     MartToClickHouseOperator, full refresh (catalog read, the generated GROUP BY pushed down
              to PostgreSQL, COPY of its result into a new table, reconciliation, swap);
  - baseline: the same GROUP BY with psql, its result piped into clickhouse-client
              (``psql -c "COPY (<query>) TO STDOUT" | clickhouse-client "INSERT ... FORMAT TabSeparated"``)
              into a table created beforehand.
They run --repeat times, alternating, and are compared run by run (neighbouring runs see the same
machine load). Both marts are checked to hold the same values. Writes benchmarks/RESULTS_MART.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from local_servers import find_pg_bin, start_clickhouse, start_postgres  # noqa: E402
from transfer_bench import PRELUDE, REPORT, SETTLE_SQL, TABLE_DDL, Run, median_run, timed  # noqa: E402

MART = {
    "conn_id": "bench_pg",
    "table": "sales",
    "measures": [{"func": "sum", "column": "amount", "as": "revenue"}, {"func": "count", "as": "orders"}],
    "dimensions": ["region"],
    "time_grain": {"column": "sold_at", "grain": "day"},
}
OURS = (
    PRELUDE.format(module="airflow_ai_etl.operators.mart", operator="MartToClickHouseOperator")
    + """
import json
op = MartToClickHouseOperator(task_id="bench", mart=json.loads(os.environ["BENCH_MART"]),
                              target_conn_id="bench_ch", target_table=sys.argv[1])
start = time.perf_counter()
op.execute({})
"""
    + REPORT
)
PIPE_DDL = (
    "CREATE TABLE {table} (day Date, region String, revenue Decimal(38, 2), orders Int64) "
    "ENGINE = MergeTree() ORDER BY tuple()"
)


def mart_query(pg_uri: str) -> str:
    """The PostgreSQL query our refresh runs (the mart SQL generator's output for MART)."""
    from airflow_ai_etl.catalog import Catalog, ConnectionInfo
    from airflow_ai_etl.marts.model import Mart
    from airflow_ai_etl.marts.resolve import resolve_mart
    from airflow_ai_etl.marts.sql import mart_sql
    from tests.catalogs import tables_from_ddl

    tables = tables_from_ddl(TABLE_DDL.split(";")[1])
    catalog = Catalog(
        connections={"bench_pg": ConnectionInfo("bench_pg", "postgres", "", "127.0.0.1", "bench")},
        tables={"bench_pg": tables},
    )
    return mart_sql(resolve_mart(Mart.model_validate(MART), catalog))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2_000_000, help="rows in the fact table")
    parser.add_argument("--repeat", type=int, default=5, help="runs of ours and of the baseline")
    args = parser.parse_args()
    n = args.rows

    base = Path(tempfile.mkdtemp(prefix="ai-etl-mart-bench-"))
    base.chmod(0o755)
    pg, ch = start_postgres(base), start_clickhouse(base)
    try:
        print(f"Generating {n:,} rows in PostgreSQL ...", flush=True)
        pg.create_database("bench", drop_existing=True)
        pg.execute(TABLE_DDL.format(rows=n), dbname="bench")
        pg.execute(SETTLE_SQL, dbname="bench")
        client = ch.client()
        servers = (int((pg.data_dir / "postmaster.pid").read_text().split()[0]), ch.pid)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            "AIRFLOW_HOME": str(base / "airflow"),
            "AIRFLOW_CONN_BENCH_PG": pg.uri("bench"),
            "AIRFLOW_CONN_BENCH_CH": ch.uri(),
            "BENCH_MART": json.dumps(MART),
        }
        query = mart_query(pg.uri("bench"))
        pipe = (
            f"{find_pg_bin('psql')} -h 127.0.0.1 -p {pg.port} -U postgres -d bench -c "
            + shlex.quote(f"COPY ({query}) TO STDOUT")
            + f" | clickhouse-client --host 127.0.0.1 --port {ch.tcp_port} "
            "--query 'INSERT INTO mart_pipe FORMAT TabSeparated'"
        )

        def settle() -> None:
            deadline = time.monotonic() + 30
            while client.execute("SELECT count() FROM system.merges")[0][0] and time.monotonic() < deadline:
                time.sleep(0.2)

        def values(table: str) -> list[tuple]:
            return client.execute(f"SELECT day, region, revenue, orders FROM {table} ORDER BY day, region")

        runs: dict[str, list[Run]] = {"ours": [], "baseline": []}
        for i in range(1, args.repeat + 1):
            print(f"ours and baseline, run {i} of {args.repeat} ...", flush=True)
            settle()
            runs["ours"].append(timed("ours", n, [sys.executable, "-c", OURS, "mart_ours"], env, servers))
            client.execute("DROP TABLE IF EXISTS mart_pipe")
            client.execute(PIPE_DDL.format(table="mart_pipe"))
            settle()
            runs["baseline"].append(
                timed("baseline", n, ["bash", "-o", "pipefail", "-c", pipe], env, servers)
            )
            ours_values, pipe_values = values("mart_ours"), values("mart_pipe")
            assert ours_values == pipe_values and ours_values, "the two marts differ"
        groups = len(values("mart_ours"))
    finally:
        ch.stop()
        pg.stop()

    report = render_report(n, groups, query, runs)
    print(report)
    (ROOT / "benchmarks" / "RESULTS_MART.md").write_text(report, encoding="utf-8")
    return 0


def render_report(n: int, groups: int, query: str, runs: dict[str, list[Run]]) -> str:
    ours, baseline = median_run(runs["ours"]), median_run(runs["baseline"])
    paired = [o.seconds / b.seconds for o, b in zip(runs["ours"], runs["baseline"], strict=True)]
    each = "; ".join(
        f"{k} " + ", ".join(f"{r.seconds:.2f}" for r in runs[k]) + " s" for k in ("ours", "baseline")
    )
    cpu = {k: statistics.median(r.cpu_seconds for r in runs[k]) for k in runs}
    lines = [
        "# Mart refresh benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        "PostgreSQL and ClickHouse on loopback; written by `python benchmarks/mart_bench.py` "
        f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        f"A day x region mart (sum of amount, count) over a {n:,}-row fact table in PostgreSQL, {groups} "
        "groups, full refresh. Ours is timed around `execute()` (Airflow and the drivers imported first); "
        "the baseline's timing includes starting psql and clickhouse-client (~0.06 s). CPU seconds add up "
        "the client processes, the PostgreSQL backends and the ClickHouse server. "
        f"Each ran {len(runs['ours'])} times, alternating ({each}).",
        "",
        "The query (generated from the structured mart; the baseline runs the same text):",
        "",
        f"    {query}",
        "",
        "| path | fact rows | seconds (median) | CPU seconds (median) |",
        "|---|---:|---:|---:|",
        f"| ours (MartToClickHouseOperator) | {n:,} | {ours.seconds:.2f} | {cpu['ours']:.2f} |",
        f"| baseline (psql GROUP BY \\| clickhouse-client) | {n:,} | {baseline.seconds:.2f} | "
        f"{cpu['baseline']:.2f} |",
        "",
        f"- ours / baseline time: **{statistics.median(paired):.2f}×** (median of the {len(paired)} pairs "
        "of neighbouring runs: " + ", ".join(f"{r:.2f}" for r in paired) + "; target ≤ 1.2)",
        "- both marts hold the same rows and values (checked after every pair)",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
