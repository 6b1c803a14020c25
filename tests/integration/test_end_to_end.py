"""The spine, as a user meets it: a sentence becomes a deployed DAG that moves every row.

Real PostgreSQL and ClickHouse servers, the real `airflow` executable, a real metadata DB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.airflow_meta import copy_migrated_db
from tests.statsd_listener import StatsdListener

pytestmark = pytest.mark.integration

AIRFLOW = str(Path(sys.executable).parent / "airflow")
SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
DAG_ID = "sales_pg_shop_to_clickhouse_default"


def test_sentence_becomes_a_dag_that_moves_every_row(
    shop_db, postgres, clickhouse, ch_database, migrated_airflow_db, tmp_path
):
    dags = tmp_path / "dags"
    dags.mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": clickhouse.uri(ch_database),
    }

    def airflow(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=600)

    copy_migrated_db(migrated_airflow_db, tmp_path / "home")  # what `airflow db migrate` leaves

    catalog = airflow("ai-etl", "catalog")
    assert catalog.returncode == 0, catalog.stderr
    assert "pg_shop (postgres)" in catalog.stdout
    assert "sales key(id): id bigint" in catalog.stdout

    missing = airflow(
        "ai-etl", "generate", "Load table no_such_table from postgres to clickhouse daily", "--deploy"
    )
    assert missing.returncode == 2, missing.stdout + missing.stderr
    assert "There is no table 'no_such_table'" in missing.stdout
    assert not list(dags.glob("*.py"))

    # The batch contract holds with live connections too: stdout carries only the JSON lines.
    batch = subprocess.run(
        [AIRFLOW, "ai-etl", "generate", "--batch", "-"],
        input='{"id": "a", "request": "load sales daily"}\n{"id": "b", "request": "drop orders"}\n',
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert [json.loads(line)["status"] for line in batch.stdout.splitlines()] == ["ok", "rejected"]
    assert not list(dags.glob("*.py"))

    generated = airflow("ai-etl", "generate", SENTENCE, "--deploy")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    dag_file = dags / f"{DAG_ID}.py"
    assert 'schedule="0 2 * * *"' in dag_file.read_text(encoding="utf-8")

    # What the DAG processor does in a running Airflow: parse the folder into the metadata DB.
    assert airflow("dags", "reserialize").returncode == 0
    listed = airflow("dags", "list", "-o", "plain")
    assert DAG_ID in listed.stdout, listed.stdout + listed.stderr

    # Metrics on, as [metrics] statsd_on turns them on: a UDP socket on loopback is the StatsD server.
    statsd = StatsdListener()
    try:
        ran = subprocess.run(
            [AIRFLOW, "dags", "test", DAG_ID], env={**env, **statsd.env},
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
        ours = statsd.lines(".ai_etl.", wait_for="check_failed", timeout=10)
    finally:
        statsd.close()
    # the load's rows and the freshness warning (below), named per pipeline for plain StatsD; no anomaly
    assert f"airflow.ai_etl.rows_loaded.{DAG_ID}.load_sales:500|g" in ours, ours
    assert [line for line in ours if line.startswith(f"airflow.ai_etl.check_failed.{DAG_ID}.")] == [
        f"airflow.ai_etl.check_failed.{DAG_ID}.check_table_warn:1|c"
    ]
    assert not [line for line in ours if "volume_anomaly" in line]

    source_rows = postgres.execute("SELECT count(*), sum(amount) FROM public.sales", dbname="shop")[0]
    target_rows = clickhouse.client().execute(f"SELECT count(), sum(amount) FROM `{ch_database}`.sales")[0]
    assert source_rows[0] == 500
    assert target_rows == (source_rows[0], source_rows[1])

    # The run, as Airflow recorded it: rows loaded, the default checks (the fixture's 2024 rows
    # are stale: the freshness check warns, the run still succeeds).
    runs = airflow("ai-etl", "runs", DAG_ID, "--json")
    assert runs.returncode == 0, runs.stderr
    [run] = json.loads(runs.stdout)
    assert run["state"] == "success" and run["rows"] == 500 and run["duration_seconds"] > 0
    checks = {c["task_id"]: (c["state"], c["passed"]) for c in run["checks"]}
    assert checks == {
        "check_columns": ("success", True),
        "check_table": ("success", True),
        "check_table_warn": ("success", False),
        "check_volume": ("success", True),
    }
    text = airflow("ai-etl", "runs", DAG_ID)
    assert "rows        500" in text.stdout and "check_table_warn=WARN" in text.stdout
    assert "rows per run (oldest -> newest):     █" in text.stdout
    assert airflow("ai-etl", "runs", "no_such_dag").stdout == "no_such_dag: no runs yet\n"
