"""Generated DAGs run under Airflow's distributed executor, as a scaled-out deployment runs them.

The test starts the real Airflow 3 topology on loopback: Redis (broker), a PostgreSQL metadata
database, the api-server (the workers' execution API), the scheduler, the dag-processor and two
Celery workers. Three pipelines are generated and deployed from sentences with `airflow ai-etl`
(a PostgreSQL -> ClickHouse transfer, a CSV load from the local S3 server, CDC), triggered with
`airflow dags trigger`, and must succeed through the workers with every row in ClickHouse.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_servers import parent_death_preexec

from tests import processes
from tests.airflow_meta import clone_pg_meta

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

BIN = Path(sys.executable).parent
AIRFLOW = str(BIN / "airflow")
REDIS = shutil.which("redis-server")
PIPELINES = {
    "sales_pg_shop_to_clickhouse_default": "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
    "raw_sales_files_to_clickhouse_default": "Load CSV files from s3://raw/sales/ into ClickHouse table raw_sales every hour",
    "orders_pg_shop_to_clickhouse_default": "Capture inserts, updates and deletes on orders with CDC every minute",
}


def _free_port() -> int:
    from local_servers import free_port

    return free_port()


class Topology:
    """The Airflow processes of one test, with their logs; stopped together."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env = env
        self.logs = logs
        self.processes: list[tuple[str, subprocess.Popen]] = []

    def airflow(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([AIRFLOW, *args], env=self.env, capture_output=True, text=True, timeout=timeout)

    def run_together(
        self, *commands: tuple[str, ...], timeout: float = 300
    ) -> list[subprocess.CompletedProcess]:
        """Run several `airflow` commands at once (each its own process, as separate users would)."""
        return processes.run_together([([AIRFLOW, *args], self.env) for args in commands], timeout)

    def start(self, name: str, *args: str) -> None:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process group
        process = subprocess.Popen(
            [AIRFLOW, *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # A killed test session runs no stop(): SIGTERM then asks the command to stop (with its children).
            preexec_fn=parent_death_preexec(),
        )
        self.processes.append((name, process))

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def stop(self) -> None:
        for _, process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    if REDIS is None:
        pytest.fail("redis-server is not installed (scripts/install_system_deps.sh installs it)")
    port = _free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=parent_death_preexec(),  # ends with the test session, even a killed one
    )  # fmt: skip
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def _wait_for(what: str, check: Any, timeout: float, topology: Topology) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.5)  # one query on the metadata DB: cheap, and the test ends as soon as it can
    logs = "\n".join(f"--- {name}\n{topology.log(name)[-3000:]}" for name, _ in topology.processes)
    pytest.fail(f"timed out waiting for {what}\n{logs}")


def test_generated_dags_run_on_two_celery_workers(
    postgres, airflow_pg_meta_template, shop_db, clickhouse, ch_database, s3_server, redis_url, tmp_path
) -> None:
    import psycopg2

    s3 = s3_server.client()
    s3.create_bucket(Bucket="raw")
    s3.put_object(Bucket="raw", Key="sales/jan.csv", Body=b"id,region,amount\n1,north,1.5\n2,south,2.5\n")
    meta = clone_pg_meta(
        postgres, airflow_pg_meta_template, "airflow_meta"
    )  # as `airflow db migrate` left it
    api_port = _free_port()
    dags = tmp_path / "dags"
    dags.mkdir()
    (tmp_path / "logs").mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta.replace("postgresql://", "postgresql+psycopg2://"),
        "AIRFLOW__CELERY__BROKER_URL": redis_url,
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + meta,
        "AIRFLOW__API_AUTH__JWT_SECRET": "celery-test-secret",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
        # The DAGs start unpaused, as `airflow dags unpause` would leave them (three CLI runs fewer).
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": clickhouse.uri(ch_database),
        "AIRFLOW_CONN_AWS_DEFAULT": s3_server.connection_json(),
    }
    topology = Topology(env, tmp_path / "logs")

    try:
        topology.start("api-server", "api-server", "--host", "127.0.0.1", "--port", str(api_port))
        topology.start("scheduler", "scheduler")
        topology.start("dag-processor", "dag-processor")
        for worker in ("w1", "w2"):
            topology.start(worker, "celery", "worker", "--celery-hostname", f"{worker}@%h",
                           "--concurrency", "2", "--skip-serve-logs")  # fmt: skip
        # The pipelines are generated while the processes start; the dag-processor picks them up
        # (a deploy renames a complete file into the folder).
        generated = topology.run_together(
            *(("ai-etl", "generate", sentence, "--deploy") for sentence in PIPELINES.values())
        )
        for dag_id, result in zip(PIPELINES, generated, strict=True):
            assert result.returncode == 0, result.stdout + result.stderr[-3000:]
            assert (dags / f"{dag_id}.py").exists(), result.stdout

        def query(sql: str) -> list[tuple]:
            with psycopg2.connect(meta) as conn, conn.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()

        ids = ", ".join(f"'{dag_id}'" for dag_id in PIPELINES)
        _wait_for("the DAGs to be parsed", lambda: len(query(f"SELECT dag_id FROM dag WHERE dag_id IN ({ids})")) == 3, 240, topology)  # fmt: skip
        assert query(f"SELECT dag_id FROM dag WHERE dag_id IN ({ids}) AND is_paused") == []
        triggered = topology.run_together(
            *(("dags", "trigger", dag_id, "--run-id", "celery_test") for dag_id in PIPELINES)
        )
        for result in triggered:
            assert result.returncode == 0, result.stderr[-2000:]

        def finished() -> list[tuple] | None:
            runs = query(
                f"SELECT dag_id, state FROM dag_run WHERE run_id = 'celery_test' AND dag_id IN ({ids})"
            )
            return (
                runs if len(runs) == 3 and all(state in ("success", "failed") for _, state in runs) else None
            )

        runs = _wait_for("the three runs to finish", finished, 420, topology)
        assert sorted(runs) == sorted((dag_id, "success") for dag_id in PIPELINES), runs
        # Every task went through Celery (it has a Celery task id) and was executed by one of the workers.
        tasks = query(f"SELECT task_id, external_executor_id FROM task_instance WHERE run_id = 'celery_test' AND dag_id IN ({ids})")  # fmt: skip
        assert tasks and all(executor_id for _, executor_id in tasks), tasks
        worker_logs = topology.log("w1") + topology.log("w2")
        assert all(executor_id in worker_logs for _, executor_id in tasks), tasks
    finally:
        topology.stop()

    with psycopg2.connect(shop_db) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM sales), (SELECT count(*) FROM orders)")
        sales, orders = cursor.fetchone()
    client = clickhouse.client(database=ch_database)
    assert client.execute("SELECT count() FROM sales") == [(sales,)]
    assert client.execute("SELECT count() FROM orders FINAL WHERE _deleted = 0") == [(orders,)]
    assert client.execute("SELECT count(), sum(amount) FROM raw_sales") == [(2, 4.0)]
