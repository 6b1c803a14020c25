"""A mart exported to Excel on the real servers: the file's cells equal PostgreSQL's own aggregate of
the fact rows (written by hand), typed (numbers, dates); a failed export keeps the previous file."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.operators.mart import MartToExcelOperator
from airflow_ai_etl.transfers.postgres_to_clickhouse import PostgresToClickHouseTransfer
from tests.integration.test_mart_refresh import ch, env, pg  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

MART = {
    "conn_id": "pg_shop",
    "table": "sales",
    "measures": [
        {"func": "sum", "column": "amount", "as": "revenue"},
        {"func": "count", "as": "n"},
        {"func": "avg", "column": "amount", "as": "avg_check"},
    ],
    "dimensions": ["region", "city"],
    "joins": [{"table": "customers", "on": {"customer_id": "id"}}],
    "time_grain": {"column": "sold_at", "grain": "day"},
}
REFERENCE = """
SELECT s.sold_at::date, s.region, c.city, sum(s.amount), count(*), trunc(avg(s.amount), 6)
FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
"""


def export(mart: dict, path, **kwargs) -> dict:
    return MartToExcelOperator(task_id="export", mart=mart, path=str(path), **kwargs).execute(context={})


def sheet_rows(path, sheet: str = "Mart") -> tuple[list, list[tuple]]:
    """Header and data rows of the sheet; numbers as exact Decimals of the stored text, dates as dates."""
    ws = load_workbook(path, read_only=True)[sheet]
    cells = list(ws.iter_rows())
    header = [c.value for c in cells[0]]
    data = []
    for row in cells[1:]:
        values = []
        for c in row:
            if c.value is None:
                values.append(None)
            elif c.is_date:
                values.append(c.value.date() if c.value.time() == dt.time() else c.value)
            elif c.data_type == "n":
                values.append(Decimal(str(c.value)))
            else:
                values.append(c.value)
        data.append(tuple(values))
    return header, data


def as_expected(records) -> list[tuple]:
    return [tuple(Decimal(v) if isinstance(v, int | Decimal) else v for v in r) for r in records]


def test_exported_mart_cells_equal_the_postgres_aggregate(env, postgres, local_files):  # noqa: F811
    path = local_files / "revenue.xlsx"
    result = export(MART, path)

    expected = as_expected(pg(postgres, REFERENCE))
    header, data = sheet_rows(path)
    assert header == ["day", "region", "city", "revenue", "n", "avg_check"]
    assert result["rows"] == len(expected) == len(data) > 10
    assert data == expected
    assert all(isinstance(r[0], dt.date) and isinstance(r[3], Decimal) for r in data)  # typed, not text
    assert sorted(os.listdir(local_files)) == ["revenue.xlsx"]  # no temporary file left

    # the next refresh replaces the file by a rename (a new inode), never by writing into it
    inode = path.stat().st_ino
    export(MART, path)
    assert path.stat().st_ino != inode and sheet_rows(path)[1] == expected


def test_clickhouse_side_mart_exports_the_same_cells(env, ch, postgres, local_files):  # noqa: F811
    PostgresToClickHouseTransfer(
        source_conn_id="pg_shop",
        target_hook=ClickHouseHook(clickhouse_conn_id="ch_fast"),
        target_table="raw_sales",
        source_table="sales",
        mode="replace",
    ).run()
    mart = {**MART, "conn_id": "ch_fast", "table": "raw_sales", "dimensions": ["region"], "joins": []}
    path = local_files / "ch.xlsx"
    export(mart, path, sheet="Выручка")

    expected = pg(
        postgres,
        "SELECT sold_at::date, region, sum(amount), count(*), trunc(avg(amount), 6) FROM sales "
        "GROUP BY 1, 2 ORDER BY 1, 2",
    )
    assert sheet_rows(path, "Выручка")[1] == as_expected(expected)


def test_a_failed_export_leaves_the_previous_file_intact(env, postgres, local_files, monkeypatch):  # noqa: F811
    path = local_files / "revenue.xlsx"
    export(MART, path)
    before = path.read_bytes()

    # the sheet fills up after 3 rows: the export fails in the middle of writing
    with monkeypatch.context() as patched, pytest.raises(Exception, match="more than 3 rows"):
        patched.setattr("airflow_ai_etl.hooks.excel.EXCEL_MAX_ROWS", 4)
        export(MART, path)
    assert path.read_bytes() == before

    # the query fails on the server (division by zero on the rows it reads)
    failing = {**MART, "where": "amount / (quantity - quantity) > 0"}
    with pytest.raises(Exception, match="division by zero"):
        export(failing, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(local_files)) == ["revenue.xlsx"]


def test_export_outside_the_file_roots_is_refused(env, local_files, tmp_path_factory):  # noqa: F811
    outside = tmp_path_factory.mktemp("outside") / "revenue.xlsx"
    with pytest.raises(Exception, match="file roots"):
        export(MART, outside)
    assert not outside.exists()


def test_planned_excel_export_deploys_and_writes_the_mart(env, postgres, local_files, tmp_path_factory):  # noqa: F811
    """«Выгружать витрину ... в Excel каждый понедельник» from the sentence to the file on disk: the
    deployed DAG's operator writes the rows PostgreSQL's own GROUP BY gives."""
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.render.renderer import plan_tasks

    state = tmp_path_factory.mktemp("state")
    assistant = Assistant(
        catalog=load_catalog(), dags_folder=state / "dags", state_dir=state, pii_sample=False
    )
    outcome = assistant.generate(
        "Выгружать витрину выручки и количества продаж по регионам в Excel каждый понедельник"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert spec.target.type == "excel" and spec.schedule == "0 0 * * 1"
    assert spec.target.path == str(local_files / "sales_by_region.xlsx")
    assert assistant.deploy(outcome, user="test").path  # the file passed the DagBag import gate

    [task] = plan_tasks(spec).tasks
    MartToExcelOperator(**dict(task.args)).execute(context={})
    header, data = sheet_rows(spec.target.path)
    assert header == ["region", "sum_amount", "count"]
    expected = pg(postgres, "SELECT region, sum(amount), count(*) FROM sales GROUP BY 1 ORDER BY 1")
    assert data == as_expected(expected)


def test_mart_exported_to_s3_has_the_same_cells(env, postgres, s3_server, s3_conn, tmp_path):  # noqa: F811
    s3_server.client().create_bucket(Bucket="mart-reports")
    export(MART, "s3://mart-reports/marts/revenue.xlsx", s3_conn_id=s3_conn)

    local = tmp_path / "downloaded.xlsx"
    s3_server.client().download_file("mart-reports", "marts/revenue.xlsx", str(local))
    assert sheet_rows(local)[1] == as_expected(pg(postgres, REFERENCE))
    # a missing bucket is refused before the query runs, and nothing is written
    with pytest.raises(Exception, match="does not exist"):
        export(MART, "s3://no-such-bucket/revenue.xlsx", s3_conn_id=s3_conn)


def test_preview_cli_of_an_excel_export_names_the_workbook(env, postgres, local_files, tmp_path_factory):  # noqa: F811
    import subprocess
    import sys
    from pathlib import Path

    home = tmp_path_factory.mktemp("home")
    environment = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "airflow"), "ai-etl", "preview",
         "Выгружать витрину количества заказов по статусам в Excel каждый понедельник"],
        env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    [first] = [line for line in result.stdout.splitlines() if line.startswith("mart: ")]
    assert first == f"mart: pg_shop orders -> {local_files / 'orders_by_status.xlsx'}"
    assert not (local_files / "orders_by_status.xlsx").exists()  # a preview writes nothing
