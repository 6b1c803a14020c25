"""A mart in the pipeline spec: schema, gates, rendering (literal arguments), v1 files unchanged."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pydantic import ValidationError

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.render.renderer import plan_tasks, read_embedded_spec
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import PipelineSpec
from tests.catalogs import shop_catalog

MART_SPEC = {
    "dag_id": "revenue_mart",
    "request": "Витрина выручки по регионам и дням из продаж, обновлять каждый час",
    "schedule": "0 * * * *",
    "source": {
        "type": "mart",
        "conn_id": "pg_shop",
        "table": "sales",
        "mart": {
            "measures": [
                {"func": "sum", "column": "amount", "as": "revenue"},
                {"func": "count", "as": "orders"},
            ],
            "dimensions": ["region", "category"],
            "time_grain": {"column": "sold_at", "grain": "day"},
            "refresh": "incremental",
        },
    },
    "target": {"conn_id": "clickhouse_default", "table": "revenue_by_region_day", "mode": "replace"},
}


def spec_with(**changes) -> dict:
    data = copy.deepcopy(MART_SPEC)
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return data


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    return Assistant(
        catalog=shop_catalog(),
        dags_folder=tmp_path / "dags",
        state_dir=tmp_path / "state",
        check_import=False,
    )


def test_v1_specs_dump_as_before_marts_existed():
    spec = PipelineSpec.model_validate(
        {
            "dag_id": "s",
            "source": {"conn_id": "pg_shop", "table": "sales"},
            "target": {"conn_id": "c", "table": "s"},
        }
    )
    assert "mart" not in spec.to_json_dict()["source"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ({"type": "mart", "conn_id": "pg_shop", "table": "sales"}, "needs conn_id, table"),
        ({**MART_SPEC["source"], "where": "amount > 0"}, "do not apply"),
        (
            {"type": "sql", "conn_id": "pg_shop", "table": "sales", "mart": MART_SPEC["source"]["mart"]},
            "has no mart",
        ),
    ],
)
def test_mart_source_shape(source, message):
    with pytest.raises(ValidationError, match=message):
        PipelineSpec.model_validate({**MART_SPEC, "source": source})


def test_mart_renders_with_literal_arguments_and_pinned_joins(assistant):
    outcome = assistant.check(MART_SPEC)

    assert outcome.status == "ok", (outcome.errors, outcome.questions)
    assert check_shape(outcome.source_code) == []
    assert "from airflow_ai_etl.operators.mart import MartToClickHouseOperator" in outcome.source_code
    # the join the resolver found is written into the spec and the operator's literal argument
    joins = outcome.spec.source.mart.joins
    assert [(j.table, j.on) for j in joins] == [("public.products", {"sales.product_id": "id"})]
    [task] = plan_tasks(outcome.spec).tasks
    args = dict(task.args)
    assert args["mart"]["joins"] == [{"table": "public.products", "on": {"sales.product_id": "id"}}]
    assert args["mart"]["conn_id"] == "pg_shop" and args["mart"]["table"] == "sales"
    assert (args["target_conn_id"], args["target_table"]) == ("clickhouse_default", "revenue_by_region_day")
    # the file carries its spec; validating it again gives the same file
    assert read_embedded_spec(outcome.source_code) == outcome.spec.to_json_dict()
    assert assistant.check(outcome.spec.to_json_dict()).source_code == outcome.source_code


def test_mart_file_imports_in_airflow(tmp_path):
    assistant = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")
    outcome = assistant.check(MART_SPEC)
    assert outcome.status == "ok", outcome.errors
    deployed = assistant.deploy(outcome)
    assert Path(deployed.path).read_text(encoding="utf-8") == outcome.source_code


@pytest.mark.parametrize(
    ("changes", "status", "text"),
    [
        ({"source__mart__dimensions": ["city"]}, "needs_clarification", "2 paths"),
        ({"source__mart__measures": [{"func": "avg", "column": "region"}]}, "needs_clarification", "numeric"),
        (
            {"source__mart__time_grain": {"column": "region", "grain": "day"}},
            "needs_clarification",
            "time column",
        ),
        ({"target__mode": "append"}, "rejected", "mode replace"),
        ({"target__order_by": ["region"]}, "rejected", "do not apply"),
        ({"source__mart__where": "amount > (SELECT 1)"}, "rejected", "no subqueries"),
        ({"target__conn_id": "pg_shop"}, "needs_clarification", "not clickhouse"),
    ],
)
def test_bad_marts_ask_or_are_refused_and_nothing_is_rendered(assistant, changes, status, text):
    outcome = assistant.check(spec_with(**changes))
    assert outcome.status == status
    assert not outcome.source_code
    messages = outcome.questions + [p.message for p in outcome.errors]
    assert any(text in m for m in messages), messages


def test_clickhouse_side_mart_may_not_overwrite_its_fact_table(assistant):
    catalog = shop_catalog()
    catalog.tables["clickhouse_default"] = catalog.tables["pg_shop"]
    spec = spec_with(
        source__conn_id="clickhouse_default",
        source__mart__dimensions=["region"],
        target__table="sales",
    )
    outcome = Assistant(catalog=catalog, check_import=False).check(spec)
    assert outcome.status == "rejected" and "its own fact table" in outcome.errors[0].message


# --------------------------------------------------------------------------- export to Excel


def excel_spec(path: str, **target) -> dict:
    data = spec_with(source__mart__refresh="full")
    data["target"] = {"type": "excel", "path": path, "mode": "replace", **target}
    return data


def test_mart_exported_to_excel_renders_the_export_operator(assistant, local_files):
    path = str(local_files / "revenue.xlsx")
    outcome = assistant.check(excel_spec(path, sheet="Выручка"))

    assert outcome.status == "ok", (outcome.errors, outcome.questions)
    assert check_shape(outcome.source_code) == []
    assert "from airflow_ai_etl.operators.mart import MartToExcelOperator" in outcome.source_code
    [task] = plan_tasks(outcome.spec).tasks
    args = dict(task.args)
    assert (args["path"], args["sheet"], args["s3_conn_id"]) == (path, "Выручка", None)
    assert args["mart"]["conn_id"] == "pg_shop" and args["mart"]["joins"][0]["table"] == "public.products"
    assert assistant.check(outcome.spec.to_json_dict()).source_code == outcome.source_code


@pytest.mark.parametrize(
    ("path", "target", "text"),
    [
        ("/etc/revenue.xlsx", {}, "file roots"),  # outside [ai_etl] file_roots
        ("{root}/revenue.csv", {}, ".xlsx"),
        ("{root}/revenue.xlsx", {"mode": "append"}, "mode replace"),
        ("{root}/revenue.xlsx", {"table": "x"}, "no table"),
        ("s3://reports/revenue.xlsx", {}, "S3 connection"),
        ("s3://reports/revenue.xlsx", {"conn_id": "pg_shop"}, "S3 connection"),
    ],
)
def test_bad_excel_exports_are_refused_and_nothing_is_rendered(assistant, local_files, path, target, text):
    outcome = assistant.check(excel_spec(path.format(root=local_files), **target))
    assert outcome.status != "ok" and not outcome.source_code
    messages = outcome.questions + [p.message for p in outcome.errors]
    assert any(text in m for m in messages), messages


def test_mart_exported_to_s3_names_the_s3_connection(local_files):
    from airflow_ai_etl.catalog import ConnectionInfo

    catalog = shop_catalog((ConnectionInfo("s3_reports", "aws", "Reports bucket"),))
    outcome = Assistant(catalog=catalog, check_import=False).check(
        excel_spec("s3://reports/mart/revenue.xlsx", conn_id="s3_reports")
    )
    assert outcome.status == "ok", outcome.errors
    [task] = plan_tasks(outcome.spec).tasks
    assert dict(task.args)["s3_conn_id"] == "s3_reports"


def test_graph_of_an_exported_mart_shows_the_workbook(assistant, local_files):
    from airflow_ai_etl.web.service import task_graph

    path = str(local_files / "revenue.xlsx")
    graph = task_graph(assistant.check(excel_spec(path)))
    target = next(n for n in graph["nodes"] if n["id"] == "target")
    assert target["label"] == f"excel: {path}"
    assert any(n.get("operator") == "MartToExcelOperator" for n in graph["nodes"])
