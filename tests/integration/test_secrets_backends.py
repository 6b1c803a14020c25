"""Connections kept only in a secrets backend: the planner sees them from the CLI and inside a task.

No AIRFLOW_CONN_* variable and no connection in the metadata DB: the connections live in Airflow's
local-file secrets backend (listable), or in a backend that can only look ids up (like Vault),
named by `[ai_etl] connections`. The engines' hooks (psycopg2 PostgresHook, CDC, ClickHouse) open
them, `airflow ai-etl generate` plans and deploys, and an AIPipelineOperator deploys from inside
`airflow dags test`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.airflow_meta import copy_migrated_db

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
AIRFLOW = str(Path(sys.executable).parent / "airflow")
SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
DAG_ID = "sales_pg_shop_to_clickhouse_default"
PLANNER_DAG = """
from airflow.sdk import DAG
from airflow_ai_etl.operators.ai_pipeline import AIPipelineOperator

with DAG(dag_id="plan_from_secrets", schedule=None):
    AIPipelineOperator(task_id="plan", request={request!r}, strategy="offline",
                       dags_folder={out!r}, state_dir={state!r})
"""

HOOKS_CHECK = """
from airflow_ai_etl.hooks.cdc import PostgresCDCHook
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.transfers.postgres_source import pg_connect

for conn in (pg_connect("pg_shop"), PostgresCDCHook("pg_shop").get_conn()):
    with conn.cursor() as cur:
        cur.execute("SELECT current_database()")
        print(cur.fetchone()[0])
    conn.close()
print(ClickHouseHook(clickhouse_conn_id="clickhouse_default").get_client().execute("SELECT 1")[0][0])
"""


def _environment(tmp_path: Path, backend: dict[str, str]) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("AIRFLOW_CONN_")}
    return {
        **env,
        **backend,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(tmp_path / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }


@pytest.mark.parametrize("backend", ["local file", "lookup only"])
def test_connections_only_in_a_secrets_backend(
    backend, shop_db, clickhouse, ch_database, migrated_airflow_db, tmp_path
) -> None:
    connections = {"pg_shop": shop_db, "clickhouse_default": clickhouse.uri(ch_database)}
    secrets = tmp_path / "connections.json"
    secrets.write_text(json.dumps(connections), encoding="utf-8")
    if backend == "local file":
        settings = {
            "AIRFLOW__SECRETS__BACKEND": "airflow.secrets.local_filesystem.LocalFilesystemBackend",
            "AIRFLOW__SECRETS__BACKEND_KWARGS": json.dumps({"connections_file_path": str(secrets)}),
        }
    else:
        settings = {
            "AIRFLOW__SECRETS__BACKEND": "tests.lookup_only_secrets.LookupOnlySecretsBackend",
            "AI_ETL_TEST_SECRETS": str(secrets),
            "AIRFLOW__AI_ETL__CONNECTIONS": "pg_shop, clickhouse_default",
        }
    env = _environment(tmp_path, settings)
    (tmp_path / "dags").mkdir()

    def airflow(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=600)

    copy_migrated_db(migrated_airflow_db, tmp_path / "home")  # what `airflow db migrate` leaves
    # The hooks the engines use resolve the ids through the backend too (no metadata-DB fallback).
    hooks = subprocess.run(
        [sys.executable, "-c", HOOKS_CHECK], env=env, capture_output=True, text=True, timeout=300
    )
    assert hooks.returncode == 0 and hooks.stdout.split() == ["shop", "shop", "1"], hooks.stderr[-2000:]
    catalog = airflow("ai-etl", "catalog")
    assert catalog.returncode == 0 and "pg_shop (postgres)" in catalog.stdout, catalog.stderr[-2000:]
    generated = airflow("ai-etl", "generate", SENTENCE, "--deploy")
    assert generated.returncode == 0, generated.stdout + generated.stderr[-2000:]
    assert (tmp_path / "dags" / f"{DAG_ID}.py").exists()

    # Inside a task: the metadata DB is out of reach; the Task SDK resolves the connections.
    out = tmp_path / "planned"
    dag = PLANNER_DAG.format(request=SENTENCE, out=str(out), state=str(tmp_path / "state"))
    (tmp_path / "dags" / "plan_from_secrets.py").write_text(textwrap.dedent(dag), encoding="utf-8")
    ran = airflow("dags", "test", "plan_from_secrets")
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert (out / f"{DAG_ID}.py").exists(), ran.stdout[-3000:] + ran.stderr[-3000:]
