"""The ``source.cdc`` options of a spec: strict values, and the operator arguments they render to."""

from __future__ import annotations

import ast

import pytest
from pydantic import ValidationError

from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator
from airflow_ai_etl.render.renderer import render
from airflow_ai_etl.spec import PipelineSpec

BASE = {
    "dag_id": "orders_cdc",
    "schedule": "@hourly",
    "source": {"type": "cdc", "conn_id": "pg_shop", "table": "public.orders"},
    "target": {"type": "clickhouse", "conn_id": "clickhouse_default", "table": "analytics.orders"},
}


def cdc_spec(options: dict | None = None, **source: object) -> PipelineSpec:
    src = {**BASE["source"], **source}
    if options is not None:
        src["cdc"] = options
    return PipelineSpec.model_validate({**BASE, "source": src})


def load_call_kwargs(code: str) -> dict[str, object]:
    """Keyword arguments of the rendered PostgresCDCToClickHouseOperator call, as Python values."""
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PostgresCDCToClickHouseOperator":
            return {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
    raise AssertionError("no CDC operator in the rendered file")


def test_without_options_the_spec_and_the_dag_are_as_before() -> None:
    spec = cdc_spec()
    assert "cdc" not in spec.to_json_dict()["source"]
    kwargs = load_call_kwargs(render(spec))
    assert not {"mode", "max_runtime", "batch_seconds"} & set(kwargs)


def test_stream_options_render_to_operator_arguments_the_operator_accepts() -> None:
    spec = cdc_spec({"mode": "stream", "max_runtime": 3300, "batch_seconds": 0.5})
    assert spec.to_json_dict()["source"]["cdc"] == {
        "mode": "stream",
        "max_runtime": 3300,
        "batch_seconds": 0.5,
    }
    kwargs = load_call_kwargs(render(spec))
    assert (kwargs["mode"], kwargs["max_runtime"], kwargs["batch_seconds"]) == ("stream", 3300, 0.5)
    engine = PostgresCDCToClickHouseOperator(**kwargs).build_engine()  # type: ignore[arg-type]
    assert (engine.mode, engine.max_runtime, engine.batch_seconds) == ("stream", 3300, 0.5)
    assert load_call_kwargs(render(cdc_spec({"mode": "batch"})))["mode"] == "batch"


@pytest.mark.parametrize(
    ("options", "source", "message"),
    [
        ({"mode": "live"}, {}, "Input should be 'batch' or 'stream'"),
        ({"max_runtime": 600}, {}, 'max_runtime applies to mode "stream" only'),
        ({"mode": "stream", "max_runtime": "600"}, {}, "Input should be a valid integer"),
        ({"mode": "stream", "max_runtime": 5}, {}, "greater than or equal to 10"),
        ({"mode": "stream", "batch_seconds": 0}, {}, "greater than 0"),
        ({"mode": "stream", "lag": 1}, {}, "Extra inputs are not permitted"),
        ({"mode": "stream"}, {"type": "sql"}, "a sql source has no cdc options"),
    ],
)
def test_bad_options_are_refused_with_the_reason(options: dict, source: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        cdc_spec(options, **source)
