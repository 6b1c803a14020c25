"""Validation gates 1, 2, 3 and 5 against the shop catalog; gate 4 on real files through DagBag."""

from __future__ import annotations

from pathlib import Path

import pytest

from airflow_ai_etl.render.renderer import render
from airflow_ai_etl.spec import PipelineSpec
from airflow_ai_etl.validation import check_imports, import_environment, validate_spec
from tests.catalogs import shop_catalog

BASE = {
    "dag_id": "sales_to_ch",
    "schedule": "0 2 * * *",
    "source": {"conn_id": "pg_shop", "table": "sales"},
    "target": {"conn_id": "clickhouse_default", "table": "sales"},
}


def problems(**changes: dict) -> list[tuple[str, str, str]]:
    data = {**BASE}
    for key, value in changes.items():
        data[key] = {**data[key], **value} if isinstance(data.get(key), dict) else value
    _, found = validate_spec(data, shop_catalog())
    return [(p.gate, p.field, p.message) for p in found]


def test_a_good_spec_passes_every_gate() -> None:
    assert problems() == []
    assert (
        problems(source={"where": "region = 'north' AND amount > 10", "incremental": {"column": "sold_at"}})
        == []
    )


@pytest.mark.parametrize(
    ("changes", "gate", "field", "message"),
    [
        ({"source": {"conn_id": "pg_nope"}}, "grounding", "source.conn_id", "does not exist"),
        ({"source": {"conn_id": "clickhouse_default"}}, "grounding", "source.conn_id", "not postgres"),
        ({"target": {"conn_id": "pg_shop"}}, "grounding", "target.conn_id", "not clickhouse"),
        ({"source": {"table": "salez"}}, "grounding", "source.table", "table 'salez' not found in pg_shop"),
        ({"source": {"columns": ["id", "nope"]}}, "grounding", "source.columns", "column 'nope' not found"),
        ({"source": {"incremental": {"column": "nope"}}}, "grounding", "source.incremental.column", "not found"),
        ({"transforms": [{"type": "mask", "columns": ["email"]}]}, "grounding", "transforms.0.columns", "email"),
        ({"source": {"where": "nope > 1"}}, "grounding", "source.where", "column 'nope' not found"),
        ({"target": {"mode": "upsert", "keys": ["order_id"]}, "source": {"columns": ["id", "amount"]}},
         "grounding", "target.keys", "not among the loaded columns"),
        ({"source": {"where": "amount > 1; DROP TABLE sales"}}, "sql_safety", "source.where", "';' is not allowed"),
        ({"source": {"where": "amount > 1 -- hidden"}}, "sql_safety", "source.where", "comments are not allowed"),
        ({"source": {"where": "id IN (SELECT id FROM users)"}}, "sql_safety", "source.where", "subqueries"),
        ({"source": {"where": "pg_sleep(100) IS NULL"}}, "sql_safety", "source.where", "pg_sleep() is not allowed"),
        ({"source": {"where": "amount >"}}, "sql_safety", "source.where", "does not parse"),
        ({"schedule": "daily"}, "schema", "schedule", "cron expression of 5 fields"),
        ({"surprise": True}, "schema", "surprise", "Extra inputs"),
    ],
)  # fmt: skip
def test_each_gate_names_the_problem(changes: dict, gate: str, field: str, message: str) -> None:
    found = problems(**changes)
    assert any(g == gate and f == field and message in m for g, f, m in found), found


@pytest.mark.parametrize(
    "query",
    [
        "SELECT 1; DROP TABLE sales",
        "DELETE FROM sales",
        "WITH x AS (DELETE FROM sales RETURNING *) SELECT * FROM x",
        "SELECT * FROM sales /* ; DROP TABLE sales */",
        "INSERT INTO sales SELECT * FROM sales",
    ],
)
def test_source_query_must_be_one_read_only_select(query: str) -> None:
    found = problems(source={"table": None, "query": query})
    assert [g for g, _, _ in found if g == "sql_safety"], found


def test_policy_refuses_replacing_the_source_itself() -> None:
    found = problems(target={"conn_id": "pg_shop", "type": "sql", "mode": "replace"})
    assert ("policy", "target.table") in [(g, f) for g, f, _ in found]


def test_import_gate_reports_broken_files_and_missing_tasks(tmp_path: Path) -> None:
    spec = PipelineSpec.model_validate(BASE)
    good = render(spec)
    broken = good.replace("pendulum.datetime(2025, 1, 1,", "pendulum.datetime(2025, 13, 1,")
    canary = tmp_path / "canary"
    foreign = f"import pathlib\npathlib.Path({str(canary)!r}).touch()\n"
    results = check_imports(
        {"good": good.replace('"sales_to_ch"', '"good"'), "broken": broken, "foreign": foreign},
        {"good": ["a"], "broken": ["load_sales"], "foreign": ["a"]},
    )
    assert "month must be in 1..12" in results["broken"][0].message
    assert "differ from the spec" in results["good"][0].message
    assert results["foreign"][0].gate == "shape" and not canary.exists()
    assert check_imports({"sales_to_ch": good}, {"sales_to_ch": ["load_sales"]}) == {"sales_to_ch": []}


def test_the_import_subprocess_inherits_no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AIRFLOW_CONN_PG", "AIRFLOW_VAR_KEY", "AWS_SECRET_ACCESS_KEY", "OPENAI_API_KEY",
                 "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "AIRFLOW__CORE__FERNET_KEY", "AIRFLOW__API_AUTH__JWT_SECRET"):  # fmt: skip
        monkeypatch.setenv(name, "secret")
    monkeypatch.setenv("AIRFLOW__CORE__DAGS_FOLDER", "/dags")
    env = import_environment()
    assert not [name for name, value in env.items() if value == "secret"]
    assert env["AIRFLOW__CORE__DAGS_FOLDER"] == "/dags" and env["PATH"]
