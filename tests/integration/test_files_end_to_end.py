"""Issue 7's sentences, from request to rows: plan, validate (with grounding on the real S3 server
and the real workbook), deploy, then run the deployed DAG's task as Airflow would import it."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.catalog import load_catalog

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]


@pytest.fixture
def assistant(local_files, tmp_path, clickhouse, ch_database, s3_server, monkeypatch) -> Assistant:
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
    monkeypatch.setenv("AIRFLOW_CONN_AWS_DEFAULT", s3_server.connection_json())
    return Assistant(catalog=load_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")


def run_deployed(path: str) -> dict:
    """Import the deployed file the way the DAG processor does and execute its load task."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=path, safe_mode=False, load_op_links=False)
    assert not bag.import_errors, bag.import_errors
    (dag,) = bag.dags.values()
    (task,) = dag.tasks
    return task.execute(context={})


def test_csv_files_from_s3_every_hour(assistant, s3_server, clickhouse, ch_database) -> None:
    s3 = s3_server.client()
    s3.create_bucket(Bucket="raw")
    for name, rows in (("jan", range(1, 4)), ("feb", range(4, 6))):
        body = "id,region,amount\n" + "".join(f"{i},north,{i}.5\n" for i in rows)
        s3.put_object(Bucket="raw", Key=f"sales/{name}.csv", Body=body.encode())

    outcome = assistant.generate(
        "Load CSV files from s3://raw/sales/ into ClickHouse table raw_sales every hour"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.spec.schedule == "0 * * * *"
    deployed = assistant.deploy(outcome)
    assert "S3ToClickHouseOperator(" in Path(deployed.path).read_text(encoding="utf-8")

    assert run_deployed(deployed.path)["rows"] == 5
    client = clickhouse.client(database=ch_database)
    assert client.execute("SELECT count(), sum(amount) FROM raw_sales") == [(5, 17.5)]
    # The next hour: only the new object is loaded.
    s3.put_object(Bucket="raw", Key="sales/mar.csv", Body=b"id,region,amount\n6,south,1.0\n")
    assert run_deployed(deployed.path)["rows"] == 1
    assert client.execute("SELECT count() FROM raw_sales") == [(6,)]


def test_missing_bucket_is_a_question_not_a_deploy(assistant) -> None:
    outcome = assistant.generate(
        "Load CSV files from s3://no-such-bucket/x/ into ClickHouse table t every hour"
    )
    assert outcome.status == "needs_clarification"
    assert "no-such-bucket" in outcome.questions[0]


def test_excel_workbook_sheet_plan(assistant, tmp_path, clickhouse, ch_database) -> None:
    workbook = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Факт"
    plan_sheet = wb.create_sheet("План")
    plan_sheet.append(["month", "department", "amount"])
    for month in range(1, 13):
        plan_sheet.append([month, "sales", month * 1000.0])
    wb.save(workbook)

    request = f"Импортировать Excel файл {workbook}, лист План, в ClickHouse"
    outcome = assistant.generate(request)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert (spec.source.sheet, spec.target.table, spec.target.mode, spec.schedule) == (
        "План", "budget", "replace", None
    )  # fmt: skip
    deployed = assistant.deploy(outcome)
    assert run_deployed(deployed.path)["rows"] == 12
    # A second run replaces: the workbook's rows are there once.
    run_deployed(deployed.path)
    client = clickhouse.client(database=ch_database)
    assert client.execute("SELECT count(), sum(amount) FROM budget") == [(12, 78000.0)]

    missing_sheet = assistant.generate(f"Импортировать Excel файл {workbook}, лист Бюджет, в ClickHouse")
    assert missing_sheet.status == "needs_clarification"
    assert "План" in json.dumps(missing_sheet.questions, ensure_ascii=False)
