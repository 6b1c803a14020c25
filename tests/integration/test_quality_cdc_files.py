"""Checks after CDC and file loads, on the real servers (issue 17): planned from a sentence by the
Assistant, loaded by the real transfer, then the rendered check tasks run against ClickHouse.

A CDC target is a ReplacingMergeTree with delete markers: its checks read ``FINAL`` without the
markers (a delete marker's columns are defaults, NULL for a text column), so a planted NULL fails
the check while it is a current row and stops failing once the row is deleted in PostgreSQL.
"""

from __future__ import annotations

import importlib
import os
import time
import uuid

import pytest
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.catalog import load_catalog
from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator
from airflow_ai_etl.render.renderer import ALLOWED_IMPORTS, plan_tasks

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]


def run_checks(spec) -> dict[str, dict]:
    """Each rendered check task, built from its literal arguments, run once: task_id -> result."""
    modules = {name: module for module, name in ALLOWED_IMPORTS}
    results = {}
    for task in plan_tasks(spec).tasks:
        if not task.task_id.startswith("check_") or task.operator == "VolumeCheckOperator":
            continue
        operator = getattr(importlib.import_module(modules[task.operator]), task.operator)
        results[task.task_id] = operator(**dict(task.args)).execute({})
    return results


@pytest.fixture
def cdc_env(postgres, clickhouse, ch_database, monkeypatch, tmp_path):
    dbname = f"qcdc_{uuid.uuid4().hex[:8]}"
    postgres.create_database(dbname, drop_existing=True)
    for name in [k for k in os.environ if k.startswith("AIRFLOW_CONN_")]:
        monkeypatch.delenv(name)  # the catalog sees exactly these two connections
    monkeypatch.setenv("AIRFLOW_CONN_PG_CDC", postgres.uri(dbname))
    monkeypatch.setenv("AIRFLOW_CONN_CH_CDC", clickhouse.uri(ch_database))

    def pg(sql: str) -> None:  # logical decoding reads flushed WAL only (the server runs it off)
        postgres.execute("SET synchronous_commit = on; " + sql, dbname=dbname)

    pg(
        "CREATE TABLE public.items (id bigint PRIMARY KEY, name text, qty integer NOT NULL);"
        "INSERT INTO public.items SELECT g, 'item ' || g, g FROM generate_series(1, 10) g;"
    )
    yield pg, clickhouse.client(database=ch_database), tmp_path
    for _ in range(50):
        try:
            postgres.execute(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = %s",
                params=(dbname,),
            )
            break
        except Exception:
            time.sleep(0.1)
    postgres.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def test_cdc_checks_fail_on_a_current_bad_row_and_ignore_delete_markers(cdc_env):
    pg, ch, tmp_path = cdc_env
    helper = Assistant(
        catalog=load_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    outcome = helper.generate(
        "Stream changes from the items table into ClickHouse every 5 minutes, name must not be empty"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert spec.source.type == "cdc"
    assert [(c.type, c.columns) for c in spec.checks] == [
        ("not_null", ["name"]),  # asked
        ("unique", ["id"]),  # proposed: the key, and the NOT NULL columns
        ("not_null", ["id", "qty"]),
    ]
    [table_task] = [t for t in plan_tasks(spec).tasks if t.task_id == "check_table"]
    assert dict(table_task.args)["table"] == "`items` FINAL"
    assert dict(table_task.args)["partition_clause"] == "`_deleted` = 0"

    def load() -> None:
        PostgresCDCToClickHouseOperator(
            task_id="load_items", source_conn_id="pg_cdc", source_table="items",
            target_conn_id="ch_cdc", target_table="items",
        ).execute(context={})  # fmt: skip

    load()
    assert all(r["passed"] for r in run_checks(spec).values())

    pg("INSERT INTO public.items VALUES (11, NULL, 1)")  # a bad row arrives through the stream
    load()
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*name"):
        run_checks(spec)

    pg("DELETE FROM public.items WHERE id = 11")  # its delete marker has name NULL too
    load()
    assert ch.execute("SELECT count() FROM items WHERE id = 11 AND _deleted = 1 AND name IS NULL") == [(1,)]
    assert all(r["passed"] for r in run_checks(spec).values())


def test_file_load_checks_fail_on_a_planted_bad_row(
    s3_server, clickhouse, ch_database, monkeypatch, tmp_path
):
    """CSV files from S3 with checks asked for in the sentence: a file with a negative amount fails the run."""
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
    monkeypatch.setenv("AIRFLOW_CONN_AWS_DEFAULT", s3_server.connection_json())
    s3 = s3_server.client()
    s3.create_bucket(Bucket="checked")
    s3.put_object(Bucket="checked", Key="sales/jan.csv", Body=b"id,region,amount\n1,north,10.5\n2,south,3\n")
    helper = Assistant(
        catalog=load_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    outcome = helper.generate(
        "Load CSV files from s3://checked/sales/ into ClickHouse table checked_sales every hour, "
        "fail if amount is negative; id must not be empty"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert [(c.type, c.columns, c.value) for c in spec.checks] == [
        ("min_value", ["amount"], 0),
        ("not_null", ["id"], None),
        ("row_count_match", [], None),
    ]
    loader = plan_tasks(spec).tasks[0]
    modules = {name: module for module, name in ALLOWED_IMPORTS}
    operator = getattr(importlib.import_module(modules[loader.operator]), loader.operator)
    assert operator(**dict(loader.args)).execute({})["rows"] == 2
    assert all(r["passed"] for r in run_checks(spec).values())

    s3.put_object(Bucket="checked", Key="sales/feb.csv", Body=b"id,region,amount\n3,north,-1\n")
    assert operator(**dict(loader.args)).execute({})["rows"] == 1
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*min_value_amount"):
        run_checks(spec)
