"""`airflow ai-etl pause|resume|trigger DAG_ID [--conf JSON]` with the real `airflow` executable and a
real (SQLite) metadata database: the state changes where Airflow keeps it, and every bad input gets
a clear error and changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.airflow_meta import copy_migrated_db
from tests.unit.test_cli import AIRFLOW, DAG_ID, SENTENCE


def run(home: Path, *args: str, ai_etl: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
           "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}  # fmt: skip
    catalog = ("--catalog", str(home / "catalog.json")) if args[0] == "generate" else ()
    command = [AIRFLOW, *(("ai-etl",) if ai_etl else ()), *args, *catalog]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, migrated_airflow_db: Path) -> Path:
    from tests.catalogs import shop_catalog

    home = tmp_path_factory.mktemp("airflow_home")
    (home / "dags").mkdir()
    (home / "catalog.json").write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    copy_migrated_db(migrated_airflow_db, home)  # what `airflow db migrate` leaves
    return home


def _db(home: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(home / "airflow.db") as conn:
        return conn.execute(sql, args).fetchall()


def _fails(result, message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]


def test_pause_resume_and_trigger_a_deployed_pipeline(home: Path) -> None:
    _fails(run(home, "pause", "no_such_dag"), "DAG 'no_such_dag' does not exist")
    deployed = run(home, "generate", SENTENCE, "--deploy")
    assert deployed.returncode == 0, deployed.stderr[-2000:]
    _fails(run(home, "trigger", DAG_ID), "was deployed but Airflow has not parsed it yet")

    assert run(home, "dags", "reserialize", ai_etl=False).returncode == 0  # what the dag-processor does
    paused = run(home, "pause", DAG_ID)
    assert paused.returncode == 0 and f"{DAG_ID}: paused" in paused.stdout, paused.stderr[-2000:]
    assert _db(home, "SELECT is_paused FROM dag WHERE dag_id = ?", DAG_ID) == [(1,)]

    _fails(run(home, "trigger", DAG_ID, "--conf", "{day: 1}"), "--conf is not valid JSON")
    _fails(run(home, "trigger", DAG_ID, "--conf", "[1, 2]"), "--conf must be a JSON object")
    assert _db(home, "SELECT count(*) FROM dag_run") == [(0,)]

    triggered = run(home, "trigger", DAG_ID, "--conf", '{"day": "2025-01-31"}', "--json")
    assert triggered.returncode == 0, triggered.stderr[-2000:]
    answer = json.loads(triggered.stdout)
    assert answer["paused"] is True and answer["conf"] == {"day": "2025-01-31"}
    runs = _db(home, "SELECT run_id, run_type, triggered_by, conf FROM dag_run WHERE dag_id = ?", DAG_ID)
    assert [(r[0], r[1], r[2]) for r in runs] == [(answer["run_id"], "manual", "CLI")]
    assert "2025-01-31" in str(runs[0][3])

    resumed = run(home, "resume", DAG_ID)
    assert resumed.returncode == 0 and f"{DAG_ID}: resumed" in resumed.stdout
    assert _db(home, "SELECT is_paused FROM dag WHERE dag_id = ?", DAG_ID) == [(0,)]
    again = run(home, "resume", DAG_ID)
    assert again.returncode == 0 and "already running" in again.stdout
