"""Event-driven pipelines on a real Airflow: a file dropped into the local S3 server, and one dropped
into a local (mounted) folder, is loaded once, and the finished load starts the pipeline scheduled on
its output asset; the deferred waits take no pool slot.

The test starts the api-server (the execution API), the scheduler (LocalExecutor), the
dag-processor and the triggerer on loopback with a PostgreSQL metadata database, deploys two specs
with `airflow ai-etl deploy`, resumes them with `airflow ai-etl resume`, and watches the metadata DB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.airflow_meta import clone_pg_meta
from tests.integration.test_celery_executor import Topology, _free_port, _wait_for

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

FILES_DAG = "incoming_to_ch"
FOLDER_DAG = "folder_to_ch"
MART_DAG = "sales_after_files"
CSV = b"id,region,amount\n1,north,1.5\n2,south,2.5\n"


def test_a_dropped_file_loads_once_and_starts_the_downstream_pipeline(
    postgres, airflow_pg_meta_template, shop_db, clickhouse, ch_database, s3_server, tmp_path: Path
) -> None:
    import psycopg2

    s3 = s3_server.client()
    s3.create_bucket(Bucket="drop")
    # as `airflow db migrate` left it
    meta = clone_pg_meta(postgres, airflow_pg_meta_template, "airflow_meta_files")
    api_port = _free_port()
    dags = tmp_path / "dags"
    dags.mkdir()
    share = tmp_path / "share"  # a mounted network folder is a local path under [ai_etl] file_roots
    (share / "in").mkdir(parents=True)
    (tmp_path / "logs").mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": "4",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta.replace("postgresql://", "postgresql+psycopg2://"),
        "AIRFLOW__API_AUTH__JWT_SECRET": "file-trigger-test-secret",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
        "AIRFLOW__AI_ETL__NEW_FILES_POKE_SECONDS": "1",  # each look is one listing and one query
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": clickhouse.uri(ch_database),
        "AIRFLOW_CONN_AWS_DEFAULT": s3_server.connection_json(),
        "AIRFLOW__AI_ETL__FILE_ROOTS": str(share),
    }
    topology = Topology(env, tmp_path / "logs")
    started = time.monotonic()
    marks: list[tuple[str, float]] = []

    def mark(what: str) -> None:
        marks.append((what, time.monotonic()))

    mark("metadata DB cloned")

    files_spec = {
        "dag_id": FILES_DAG,
        "on_new_files": True,
        "retries": 0,
        "source": {"type": "s3", "path": "s3://drop/incoming/", "format": "csv"},
        "target": {"conn_id": "clickhouse_default", "table": "incoming"},
    }
    deploy = _deploy(topology, tmp_path, files_spec)
    outlet = f"clickhouse://127.0.0.1:{clickhouse.tcp_port}/{ch_database}/incoming"
    assert f'outlets=[Asset(uri="{outlet}")]' in (dags / f"{FILES_DAG}.py").read_text(), deploy
    mart_spec = {
        "dag_id": MART_DAG,
        "retries": 0,
        "schedule_assets": [outlet],
        "source": {"type": "sql", "conn_id": "pg_shop", "table": "sales"},
        "target": {"conn_id": "clickhouse_default", "table": "sales_mart", "mode": "replace"},
    }
    _deploy(topology, tmp_path, mart_spec)
    folder_spec = {
        "dag_id": FOLDER_DAG,
        "on_new_files": True,
        "retries": 0,
        "source": {"type": "s3", "path": f"{share}/in/", "format": "csv"},
        "target": {"conn_id": "clickhouse_default", "table": "folder_rows"},
    }
    _deploy(topology, tmp_path, folder_spec)
    mark("three deploys")

    def query(sql: str) -> list[tuple]:
        with psycopg2.connect(meta) as conn, conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def states(dag_id: str) -> list[tuple]:
        return query(
            f"SELECT run_id, task_id, state FROM task_instance WHERE dag_id = '{dag_id}' ORDER BY start_date"
        )

    def ran_loads(dag_id: str) -> list[str]:
        """The end states of the load tasks that ran. Under load Airflow's scheduler may fail a waiting
        task that was just resumed from its trigger ("finished with state success, but the task
        instance's state attribute is queued"); that run's load is then upstream_failed, never ran,
        and the next run of the continuous DAG finds the file instead."""
        return [s for _, t, s in states(dag_id) if t.startswith("load") and s in ("success", "failed")]

    try:
        topology.start("api-server", "api-server", "--host", "127.0.0.1", "--port", str(api_port))
        topology.start("scheduler", "scheduler")
        topology.start("dag-processor", "dag-processor")
        topology.start("triggerer", "triggerer")
        ids = f"'{FILES_DAG}', '{MART_DAG}', '{FOLDER_DAG}'"
        _wait_for("the DAGs to be parsed", lambda: len(query(f"SELECT dag_id FROM dag WHERE dag_id IN ({ids})")) == 3, 240, topology)  # fmt: skip
        for dag_id in (MART_DAG, FILES_DAG, FOLDER_DAG):
            resumed = topology.airflow("ai-etl", "resume", dag_id)
            assert resumed.returncode == 0, resumed.stderr[-2000:]

        def deferred() -> bool:
            return all(
                any(t == "wait_for_new_files" and s == "deferred" for _, t, s in states(dag_id))
                for dag_id in (FILES_DAG, FOLDER_DAG)
            )

        mark("processes up, DAGs parsed, resumed")
        _wait_for("both waits to be deferred", deferred, 180, topology)
        mark("first waits deferred")
        # Waiting holds no worker slot: no task instance is queued or running anywhere, the waits are
        # triggers the triggerer runs, and Airflow's own pool count leaves every slot open.
        assert query("SELECT count(*) FROM task_instance WHERE state IN ('running', 'queued')") == [(0,)]
        assert query("SELECT count(*) FROM trigger WHERE classpath LIKE '%NewFilesTrigger'")[0][0] >= 2
        pool = _pool_stats(topology)
        assert pool["deferred"] >= 2 and pool["running"] == pool["queued"] == 0, pool
        assert pool["open"] == pool["total"], pool  # the deferred waits occupy no slot
        assert query(f"SELECT count(*) FROM dag_run WHERE dag_id = '{MART_DAG}'") == [(0,)]

        staged = tmp_path / "feb.csv"  # a file is dropped whole (written elsewhere, then moved in)
        staged.write_bytes(CSV + b"3,east,3.0\n")
        shutil.copy2(staged, share / "in" / ".feb.csv.part")
        os.replace(share / "in" / ".feb.csv.part", share / "in" / "feb.csv")

        s3.put_object(Bucket="drop", Key="incoming/jan.csv", Body=CSV)

        def mart_done() -> list[tuple] | None:
            runs = query(f"SELECT run_type, state FROM dag_run WHERE dag_id = '{MART_DAG}'")
            return runs if runs and all(s in ("success", "failed") for _, s in runs) else None

        mart_runs = _wait_for("the load to start the downstream pipeline", mart_done, 240, topology)
        mark("file loaded, downstream run finished")
        assert mart_runs == [("asset_triggered", "success")], mart_runs
        loads = ran_loads(FILES_DAG)
        assert loads == ["success"], states(FILES_DAG)  # the next run's load has no state until files come
        client = clickhouse.client(database=ch_database)
        assert client.execute("SELECT count(), sum(amount) FROM incoming") == [(2, 4.0)]
        assert client.execute("SELECT count() FROM sales_mart")[0][0] > 0

        def folder_loaded() -> list[str] | None:
            return ran_loads(FOLDER_DAG) or None

        assert _wait_for("the folder's file to be loaded", folder_loaded, 120, topology) == ["success"]
        assert client.execute("SELECT count(), sum(amount) FROM folder_rows") == [(3, 7.0)]
        mark("folder file loaded")

        # The next run waits again; dropping the same file again changes nothing.
        for dag_id in (FILES_DAG, FOLDER_DAG):
            _wait_for(f"the next wait of {dag_id} to be deferred", lambda d=dag_id: sum(
                1 for _, t, s in states(d) if t == "wait_for_new_files" and s == "deferred") == 1, 120, topology)  # fmt: skip
        s3.put_object(Bucket="drop", Key="incoming/jan.csv", Body=CSV)
        # The same file dropped into the folder again, with its timestamp (cp -p, rsync -t, robocopy):
        # a local file is known by its size and modification time.
        shutil.copy2(staged, share / "in" / ".feb.csv.part")
        os.replace(share / "in" / ".feb.csv.part", share / "in" / "feb.csv")
        time.sleep(5)  # five looks of each trigger (one a second)
        mark("same files again: nothing")
        loads = ran_loads(FILES_DAG)
        assert loads == ["success"], states(FILES_DAG)
        assert ran_loads(FOLDER_DAG) == ["success"], states(FOLDER_DAG)
        assert client.execute("SELECT count() FROM incoming") == [(2,)]
        assert client.execute("SELECT count() FROM folder_rows") == [(3,)]
        assert query(f"SELECT count(*) FROM dag_run WHERE dag_id = '{MART_DAG}'") == [(1,)]
    finally:
        topology.stop()
    previous = started
    for what, at in marks:
        print(f"file trigger test: {what}: {at - previous:.1f} s")
        previous = at
    print(f"file trigger test: {time.monotonic() - started:.0f} s")


def _pool_stats(topology: Topology) -> dict[str, float]:
    """Airflow's own count of the default pool's slots (Pool.slots_stats), read from the test's metadata DB."""
    code = (
        "import json; from airflow.models.pool import Pool; "
        "print(json.dumps(Pool.slots_stats()['default_pool'], default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=topology.env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {k: float(v) for k, v in json.loads(result.stdout.strip().splitlines()[-1]).items()}


def _deploy(topology: Topology, tmp_path: Path, spec: dict) -> str:
    path = tmp_path / f"{spec['dag_id']}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    result = topology.airflow("ai-etl", "deploy", str(path))
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return result.stdout


def test_the_trigger_fires_for_unloaded_files_only(
    s3_server, s3_conn, clickhouse, ch_database, monkeypatch
) -> None:
    """The wait's pieces without a scheduler: the trigger's loop against the local S3 server and
    the ClickHouse registry that the real load writes."""
    import asyncio

    from airflow_ai_etl.operators.files import S3ToClickHouseOperator
    from airflow_ai_etl.triggers.files import NewFilesTrigger, new_files

    monkeypatch.setenv("AIRFLOW_CONN_CH_FILES", clickhouse.uri(ch_database))
    s3 = s3_server.client()
    s3.create_bucket(Bucket="watch")
    look = {
        "path": "s3://watch/in/",
        "s3_conn_id": s3_conn,
        "target_conn_id": "ch_files",
        "target_table": "landed",
    }
    trigger = NewFilesTrigger(**look, poke_interval=0.2)

    async def first_event(seconds: float) -> dict | None:
        try:
            return (await asyncio.wait_for(anext(trigger.run()), seconds)).payload
        except TimeoutError:
            return None

    assert asyncio.run(first_event(1.5)) is None  # empty prefix: keeps waiting
    s3.put_object(Bucket="watch", Key="in/a.csv", Body=CSV)
    assert asyncio.run(first_event(5)) == {"status": "success", "files": ["s3://watch/in/a.csv"], "count": 1}
    S3ToClickHouseOperator(task_id="load", s3_conn_id=s3_conn, path="s3://watch/in/",
                           target_conn_id="ch_files", target_table="landed").execute({})  # fmt: skip
    assert new_files(**look) == []
    s3.put_object(Bucket="watch", Key="in/a.csv", Body=CSV)  # the same file again: not new
    assert asyncio.run(first_event(1.5)) is None
    s3.put_object(Bucket="watch", Key="in/a.csv", Body=CSV + b"3,east,1\n")  # changed: new
    s3.put_object(Bucket="watch", Key="in/b.csv", Body=CSV)
    assert new_files(**look) == ["s3://watch/in/a.csv", "s3://watch/in/b.csv"]
    S3ToClickHouseOperator(task_id="load", s3_conn_id=s3_conn, path="s3://watch/in/",
                           target_conn_id="ch_files", target_table="landed").execute({})  # fmt: skip
    assert new_files(**look) == []
    ch = clickhouse.client(ch_database)
    ch.execute("DROP TABLE landed")  # a dropped target holds nothing: every file is new again
    ch.disconnect()
    assert new_files(**look) == ["s3://watch/in/a.csv", "s3://watch/in/b.csv"]
    missing = NewFilesTrigger(**{**look, "path": "s3://no-such-bucket/in/"}, poke_interval=0.2)
    event = asyncio.run(asyncio.wait_for(anext(missing.run()), 10)).payload
    assert event["status"] == "error" and "no-such-bucket" in event["message"]
    assert NewFilesTrigger(**look).serialize()[0] == "airflow_ai_etl.triggers.files.NewFilesTrigger"


def test_watching_a_bucket_that_does_not_exist_is_a_question(s3_server, s3_conn, tmp_path: Path) -> None:
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import Catalog, ConnectionInfo

    s3_server.client().create_bucket(Bucket="there")
    catalog = Catalog(connections={s3_conn: ConnectionInfo(s3_conn, "aws"),
                                   "ch": ConnectionInfo("ch", "clickhouse", host="127.0.0.1")})  # fmt: skip
    assistant = Assistant(
        catalog=catalog, dags_folder=tmp_path / "dags", state_dir=tmp_path / "s", check_import=False
    )
    spec = {"dag_id": "watch", "on_new_files": True, "target": {"conn_id": "ch", "table": "landed"},
            "source": {"type": "s3", "conn_id": s3_conn, "path": "s3://not-there/in/"}}  # fmt: skip
    outcome = assistant.check(spec)
    assert outcome.status == "needs_clarification" and "'not-there' does not exist" in outcome.questions[0]
    spec["source"]["path"] = "s3://there/in/"  # an empty prefix is fine: files arrive later
    assert assistant.check(spec).status == "ok"
