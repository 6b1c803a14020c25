"""No spec value can run code: not when rendered, not when validated, not when Airflow parses the file.

Every attempt writes a canary file if its code runs. The property test fuzzes every string field of
the spec with random Unicode, quotes, line separators and code, renders it (validated, and also
bypassing the spec's own field rules), passes it through the shape gate and imports every file that
passes in Airflow's DagBag; the canary must never appear.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.render.renderer import RenderError, render
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import PipelineSpec
from airflow_ai_etl.validation import check_imports
from tests.catalogs import shop_catalog
from tests.fake_llm import RUSSIAN_REQUEST, FakeLLM

AIRFLOW = str(Path(sys.executable).parent / "airflow")


def payload(canary: Path) -> str:
    """The issue's reproduction, which ran on the old renderer: the newline leaves the `# Source:`
    comment, `'''` opens a string that the second copy of the value (inside AI_ETL_SPEC) closes,
    and the rest of that copy is a conditional expression whose condition runs."""
    return f"x\n''' if __import__('pathlib').Path({str(canary)!r}).touch() else {{1:{{#"


SQL = {
    "dag_id": "sales_to_ch",
    "description": "sales",
    "request": "copy sales",
    "tags": ["ai-etl"],
    "schedule": "0 2 * * *",
    "source": {
        "type": "sql",
        "conn_id": "pg_shop",
        "table": "sales",
        "where": "amount > 0",
        "columns": ["id", "amount"],
        "incremental": {"column": "sold_at"},
    },
    "transforms": [
        {"type": "mask", "columns": ["customer_id"]},
        {"type": "filter", "condition": "region = 'north'"},
    ],
    "target": {
        "conn_id": "clickhouse_default",
        "table": "sales",
        "keys": ["id"],
        "mode": "upsert",
        "order_by": ["id"],
        "partition_by": "toYYYYMM(sold_at)",
    },
    "checks": [{"type": "not_null", "columns": ["id"]}],
}
S3 = {
    "dag_id": "files_to_ch",
    "source": {"type": "s3", "path": "s3://bucket/in/", "format": "csv"},
    "target": {"conn_id": "clickhouse_default", "table": "files"},
}
EXCEL = {
    "dag_id": "book_to_ch",
    "source": {"type": "excel", "path": "/data/book.xlsx", "sheet": "Лист1"},
    "target": {"conn_id": "clickhouse_default", "table": "book"},
}
MART = {
    "dag_id": "mart_to_ch",
    "source": {
        "type": "mart",
        "conn_id": "pg_shop",
        "table": "sales",
        "mart": {
            "measures": [{"func": "sum", "column": "amount", "as": "revenue"}],
            "dimensions": ["region"],
            "time_grain": {"column": "sold_at", "grain": "day", "as": "day"},
            "filters": [{"column": "region", "op": "=", "value": "north"}],
            "where": "quantity > 1",
            "joins": [{"table": "customers", "on": {"customer_id": "id"}}],
        },
    },
    "target": {"conn_id": "clickhouse_default", "table": "mart", "mode": "replace"},
}
# Every string field of the spec, as (base spec, path of keys/indexes).
STRING_FIELDS: list[tuple[dict[str, Any], tuple[Any, ...]]] = [
    *[(SQL, (name,)) for name in ("dag_id", "description", "request", "owner", "schedule", "timezone")],
    (SQL, ("tags", 0)),
    *[(SQL, ("source", name)) for name in ("conn_id", "table", "where")],
    (SQL, ("source", "columns", 0)),
    (SQL, ("source", "incremental", "column")),
    (SQL, ("transforms", 0, "columns", 0)),
    (SQL, ("transforms", 1, "condition")),
    *[(SQL, ("target", name)) for name in ("conn_id", "table", "partition_by")],
    (SQL, ("target", "keys", 0)),
    (SQL, ("target", "order_by", 0)),
    (SQL, ("checks", 0, "columns", 0)),
    (S3, ("source", "path")),
    (S3, ("source", "conn_id")),
    (EXCEL, ("source", "path")),
    (EXCEL, ("source", "sheet")),
    (MART, ("source", "mart", "measures", 0, "as_")),
    (MART, ("source", "mart", "measures", 0, "column")),
    (MART, ("source", "mart", "dimensions", 0)),
    (MART, ("source", "mart", "time_grain", "column")),
    (MART, ("source", "mart", "filters", 0, "value")),
    (MART, ("source", "mart", "where")),
    (MART, ("source", "mart", "joins", 0, "table")),
]
FRAGMENTS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x1c", "\ud800",
             "'''", '"""', '"', "'", "\\", "\\n", "#", "{{", "}}", "{%", "%}", " ", "a", "й", "\t", ")", "]"]  # fmt: skip


def _with_value(base: dict[str, Any], path: tuple[Any, ...], value: str) -> dict[str, Any]:
    data = json.loads(json.dumps(base))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _force(spec: PipelineSpec, path: tuple[Any, ...], value: str) -> PipelineSpec:
    """The same value set on an already-validated spec, skipping the field rules: the renderer
    must be safe on its own, whatever a future spec field lets through."""
    node: Any = spec
    for key in path[:-1]:
        node = node[key] if isinstance(key, int) else getattr(node, key)
    if isinstance(path[-1], int):
        node[path[-1]] = value
    else:
        object.__setattr__(node, path[-1], value)
    return spec


def test_every_string_field_renders_to_a_literal_and_nothing_runs(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    code = st.sampled_from([payload(canary), f"__import__('os').system('touch {canary}')"])
    text = st.one_of(
        st.text(st.characters(exclude_categories=()), max_size=40),
        st.lists(st.one_of(st.sampled_from(FRAGMENTS), code), max_size=8).map("".join),
    )
    files: dict[str, str] = {}
    counts = {"valid": 0, "rejected by the spec": 0, "forced": 0}

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(field=st.sampled_from(STRING_FIELDS), value=text)
    def render_one(field: tuple[dict[str, Any], tuple[Any, ...]], value: str) -> None:
        base, path = field
        try:
            spec = PipelineSpec.model_validate(_with_value(base, path, value))
            counts["valid"] += 1
        except ValidationError:
            counts["rejected by the spec"] += 1
            spec = _force(PipelineSpec.model_validate(base), path, value)
            counts["forced"] += 1
        try:
            source = render(spec)
        except (RenderError, ValueError, TypeError):
            return  # refusing to render is a safe answer
        assert check_shape(source) == [], source  # the renderer only writes the template's shape
        files[f"fuzz_{len(files)}"] = source

    render_one()
    assert counts["valid"] > 10 and counts["rejected by the spec"] > 10, counts
    check_imports(files, {})
    assert not canary.exists()


def test_the_issue_reproduction_is_rejected_and_runs_nothing(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    assistant = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")
    path = "s3://bucket/in/" + payload(canary)
    for spec in (_with_value(S3, ("source", "path"), path),
                 _with_value(SQL, ("schedule",), "0 2 * * *\r__import__('os').system('touch x')")):  # fmt: skip
        outcome = assistant.check(spec)
        assert outcome.status == "rejected" and outcome.errors[0].gate == "schema"
    forced = _force(PipelineSpec.model_validate(S3), ("source", "path"), path)
    source = render(forced)
    assert "\n'''" not in source and check_shape(source) == []
    assert check_imports({"files_to_ch": source}, {"files_to_ch": ["load_files"]}) == {"files_to_ch": []}
    assert not canary.exists()


def test_a_model_answer_with_code_in_a_value_never_runs(tmp_path: Path) -> None:
    """The LLM path: the model proposes the malicious spec, first live, then from the cache."""
    from airflow_ai_etl.planning.cache import PlannerStore
    from airflow_ai_etl.planning.llm import CACHE_FILE, LLMPlanner, LLMSettings

    canary = tmp_path / "canary"
    answer = _with_value(SQL, ("source", "where"), f"amount > 0\n{payload(canary)}")
    answer["description"] = payload(canary).replace("\n", "\u2028")
    with FakeLLM() as fake:
        for _ in range(3):  # the repair loop asks again after each rejected answer
            fake.answer_spec(answer)
        settings_ = LLMSettings(base_url=fake.base_url, model="fake", timeout=2, max_retries=0)
        store = PlannerStore(tmp_path / CACHE_FILE)
        assistant = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "s")
        assistant._planner = LLMPlanner(shop_catalog(), settings_, store=store, fallback=None)
        for _ in range(2):  # live, then replayed
            outcome = assistant.generate(RUSSIAN_REQUEST)
            assert outcome.status != "ok" and not outcome.source_code
    assert not canary.exists()


def _run_validate(home: Path, path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    catalog = home / "catalog.json"
    catalog.write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    return subprocess.run([AIRFLOW, "ai-etl", "validate", str(path), "--catalog", str(catalog)],
                          env=env, capture_output=True, text=True, timeout=300)  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s, c: s + f"\n__import__('pathlib').Path({str(c)!r}).touch()\n", "nothing may follow"),
        (lambda s, c: s.replace("AI_ETL_SPEC = {", f"AI_ETL_SPEC = open({str(c)!r}, 'w') and {{"), "literal"),
        (lambda s, c: s.replace('task_id="load_sales"', 'task_id="load_" + "sales"'), "must be a literal"),
        (lambda s, c: s.replace('mode="upsert"', 'mode="append"'), "differs from what its AI_ETL_SPEC"),
        (lambda s, c: s + "\n\x00", "not valid Python"),
    ],
    ids=["appended code", "non-literal spec", "computed argument", "hand edit", "NUL byte"],
)
def test_validate_dag_file_rejects_what_is_not_a_rendered_dag(
    tmp_path: Path, edit: Any, message: str
) -> None:
    canary = tmp_path / "canary"
    dag = tmp_path / "sales_to_ch.py"
    dag.write_text(edit(render(PipelineSpec.model_validate(SQL)), canary), encoding="utf-8")
    result = _run_validate(tmp_path, dag)
    assert result.returncode == 3, result.stderr[-2000:]
    assert message in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert not canary.exists()


def test_validate_gives_clear_errors_for_paths_that_are_not_files(tmp_path: Path) -> None:
    for path, message in ((tmp_path, "is a directory"), (tmp_path / "missing.py", "does not exist")):
        result = _run_validate(tmp_path, path)
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    good = tmp_path / "sales_to_ch.py"
    renderer = Assistant(
        catalog=shop_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    good.write_text(renderer.check(SQL).source_code, encoding="utf-8")
    assert _run_validate(tmp_path, good).returncode == 0
