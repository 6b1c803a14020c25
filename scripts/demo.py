"""`make demo`: the main job end to end on local servers.

1. starts a private PostgreSQL and ClickHouse under .demo/ (reused when already running);
2. creates the demo shop database (tests/fixtures/shop.sql plus generated sales rows);
3. `airflow ai-etl generate "<the sentence>" --deploy` writes the DAG into ./dags;
4. `airflow dags list` shows it and `airflow dags test` runs it once;
5. prints source and target row counts, which must be equal.

Environment for the Airflow commands: AIRFLOW_HOME=.demo/airflow (SQLite metadata DB),
connections pg_shop and clickhouse_default as AIRFLOW_CONN_* variables. The same environment is
written to .demo/env.sh, so `. .demo/env.sh` gives a shell the demo's Airflow and servers.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from local_servers import start_clickhouse, start_postgres  # noqa: E402

SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
DAG_ID = "sales_pg_shop_to_clickhouse_default"
EXTRA_SALES_SQL = """
INSERT INTO public.sales
SELECT g, 1 + g % 200, 1 + g % 50, 1 + g % 20, round((g % 1000) * 1.37, 2), 1 + g % 5,
       (ARRAY['north', 'south', 'east', 'west'])[1 + g % 4],
       timestamp '2024-01-01' + g * interval '1 minute', timestamp '2024-01-01' + g * interval '1 minute'
FROM generate_series((SELECT max(id) + 1 FROM public.sales), {rows}) g
"""


# What `.demo/env.sh` sets: everything the demo's airflow commands get beyond the caller's environment.
ENV_FILE_KEYS = (
    "AIRFLOW_HOME",
    "AIRFLOW__CORE__DAGS_FOLDER",
    "AIRFLOW__CORE__LOAD_EXAMPLES",
    "AIRFLOW_CONN_PG_SHOP",
    "AIRFLOW_CONN_CLICKHOUSE_DEFAULT",
)


def write_env_file(path: Path, env: dict[str, str], venv_bin: Path) -> None:
    """Write a shell file that gives a terminal the demo's Airflow: its home, dags folder,
    connections and the virtualenv's `airflow` first on PATH (`. .demo/env.sh`)."""
    lines = [
        "# Written by `make demo`: `. .demo/env.sh` runs `airflow ...` against the demo's Airflow,",
        "# PostgreSQL (pg_shop) and ClickHouse (clickhouse_default). `make demo-stop` stops the servers.",
        *(f"export {key}={shlex.quote(env[key])}" for key in ENV_FILE_KEYS),
        f'export PATH={shlex.quote(str(venv_bin))}:"$PATH"',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def step(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def airflow(env: dict[str, str], *args: str, quiet: bool = False) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "airflow"), *args]
    print("$ airflow " + " ".join(f'"{a}"' if " " in a else a for a in args), flush=True)
    result = subprocess.run(command, env=env, text=True, capture_output=quiet)
    if result.returncode != 0:
        if quiet:
            sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(
            f"demo failed: airflow {args[0]} {args[1] if len(args) > 1 else ''} exited {result.returncode}"
        )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="sales rows in the demo database")
    parser.add_argument("--dir", default=str(ROOT / ".demo"), help="where servers and Airflow state live")
    args = parser.parse_args()
    base = Path(args.dir).resolve()
    started = time.monotonic()

    step("Starting local PostgreSQL and ClickHouse")
    pg = start_postgres(base)
    ch = start_clickhouse(base)
    print(f"PostgreSQL on 127.0.0.1:{pg.port}, ClickHouse on 127.0.0.1:{ch.tcp_port} (http {ch.http_port})")

    step(f"Creating the demo shop database ({args.rows:,} sales rows)")
    pg.create_database("shop", drop_existing=True)
    pg.execute((ROOT / "tests" / "fixtures" / "shop.sql").read_text(encoding="utf-8"), dbname="shop")
    pg.execute(EXTRA_SALES_SQL.format(rows=int(args.rows)), dbname="shop")
    ch.client().execute("DROP TABLE IF EXISTS default.sales")  # each demo run starts from an empty target

    airflow_home = base / "airflow"
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": pg.uri("shop"),
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": ch.uri(),
    }
    env_file = base / "env.sh"
    write_env_file(env_file, env, Path(sys.executable).parent)

    step("Preparing Airflow's metadata database (SQLite)")
    airflow(env, "db", "migrate", quiet=True)

    step("Generating, validating and deploying the DAG from the sentence")
    # A re-run keeps what was deployed meanwhile and its history (the same DAG redeploys as
    # "unchanged"); only a DAG file whose history went with a wiped .demo is removed, since the
    # assistant rightly refuses to overwrite a file it has no record of.
    if not (airflow_home / "ai_etl").exists():
        (ROOT / "dags" / f"{DAG_ID}.py").unlink(missing_ok=True)
    airflow(env, "ai-etl", "generate", SENTENCE, "--deploy")

    step("Airflow sees the DAG")
    airflow(env, "dags", "reserialize", quiet=True)  # what a running DAG processor does by itself
    listed = airflow(env, "dags", "list", "-o", "plain", quiet=True).stdout
    print("\n".join(line for line in listed.splitlines() if DAG_ID in line or line.startswith("dag_id")))
    if DAG_ID not in listed:
        raise SystemExit(f"demo failed: `airflow dags list` does not show {DAG_ID}")

    step("Running the DAG once (airflow dags test)")
    airflow(env, "dags", "test", DAG_ID, quiet=True)

    step("Row counts")
    source_rows = pg.execute("SELECT count(*) FROM public.sales", dbname="shop")[0][0]
    target_rows = ch.client().execute("SELECT count() FROM default.sales")[0][0]
    print(f"PostgreSQL shop.public.sales:      {source_rows:>10,}")
    print(f"ClickHouse default.sales:          {target_rows:>10,}")
    print(f"DAG file: {ROOT / 'dags' / (DAG_ID + '.py')}   ({time.monotonic() - started:.0f} s in all)")
    print("Servers keep running for you; `make demo-stop` stops them.")
    if source_rows != target_rows:
        raise SystemExit("demo failed: the row counts differ")
    print("OK: every row of sales is in ClickHouse.")
    shown = os.path.relpath(env_file) if env_file.is_relative_to(Path.cwd()) else str(env_file)
    print(
        f"\nTry it yourself, on the same Airflow and servers:\n"
        f"  . {shlex.quote(shown)}\n"
        f'  airflow ai-etl generate "copy new orders from Postgres to ClickHouse every hour"\n'
        f"  airflow ai-etl history {DAG_ID}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
