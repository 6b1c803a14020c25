"""The ``source.cdc`` options of a spec: strict values, and the operator arguments they render to; a cdc
spec's row condition and masks, and what a cdc load still refuses."""

from __future__ import annotations

import ast

import pytest
from pydantic import ValidationError

from airflow_ai_etl.operators.cdc import PostgresCDCToClickHouseOperator
from airflow_ai_etl.render.renderer import RenderError, plan_tasks, render
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import MaskTransform, PipelineSpec
from airflow_ai_etl.validation import check_imports, validate_spec
from tests.catalogs import bank_catalog
from tests.planned import ok_spec

BASE = {
    "dag_id": "orders_cdc",
    "schedule": "@hourly",
    "source": {"type": "cdc", "conn_id": "pg_shop", "table": "public.orders"},
    "target": {"type": "clickhouse", "conn_id": "clickhouse_default", "table": "analytics.orders"},
}


def cdc_spec(options: dict | None = None, transforms: list | None = None, **source: object) -> PipelineSpec:
    src = {**BASE["source"], **source}
    if options is not None:
        src["cdc"] = options
    return PipelineSpec.model_validate({**BASE, "source": src, "transforms": transforms or []})


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


# --------------------------------------------------------------------------- row condition and masks

CLIENTS_REQUESTS = [
    "Clients who aren't residents, replicate via CDC, hide passport and INN",
    "Клиенты-нерезиденты через CDC, паспорт скрыть",
]


@pytest.mark.parametrize("text", CLIENTS_REQUESTS)
def test_a_planned_cdc_with_a_condition_and_masks_renders_passes_the_gates_and_imports(text: str) -> None:
    spec = ok_spec("bank", text)
    assert spec.source.type == "cdc" and spec.source.where == "is_resident = false"
    masked = [c for t in spec.transforms if isinstance(t, MaskTransform) for c in t.columns]
    assert "passport_number" in masked
    _, problems = validate_spec(spec, bank_catalog())
    assert problems == []
    code = render(spec)
    kwargs = load_call_kwargs(code)
    assert kwargs["where"] == "is_resident = false"
    assert kwargs["mask"] == dict.fromkeys(masked, "hash")
    assert check_shape(code) == []
    assert check_imports({spec.dag_id: code}, {spec.dag_id: plan_tasks(spec).task_ids}) == {spec.dag_id: []}
    engine = PostgresCDCToClickHouseOperator(**kwargs).build_engine()  # type: ignore[arg-type]
    assert (engine.where, engine.mask) == ("is_resident = false", dict.fromkeys(masked, "hash"))


def test_where_and_filter_transforms_become_one_condition() -> None:
    spec = cdc_spec(where="status <> 'test'", transforms=[{"type": "filter", "condition": "amount > 0"}])
    assert load_call_kwargs(render(spec))["where"] == "(status <> 'test') AND (amount > 0)"


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"source": {"columns": ["id", "amount"]}}, "source.columns is not supported"),
        ({"source": {"incremental": {"column": "updated_at"}}}, "source.incremental is not supported"),
        ({"transforms": [{"type": "dedupe", "columns": ["id"]}]}, "the 'dedupe' transform is not supported"),
        (
            {"source": {"columns": ["id"]}, "transforms": [{"type": "dedupe", "columns": ["id"]}]},
            "source.columns, the 'dedupe' transform are not supported",
        ),
    ],
)
def test_what_cdc_cannot_do_yet_is_refused_by_name(changes: dict, named: str) -> None:
    data = {**BASE, "source": {**BASE["source"], **changes.get("source", {})}}
    data["transforms"] = changes.get("transforms", [])
    with pytest.raises(RenderError, match=named):
        render(PipelineSpec.model_validate(data))


def test_a_masked_key_is_refused_at_render_and_validation() -> None:
    mask_id = [{"type": "mask", "columns": ["id", "passport_number"], "method": "hash"}]
    spec = cdc_spec(transforms=mask_id)
    keyed = PipelineSpec.model_validate({**spec.to_json_dict(), "target": {**BASE["target"], "keys": ["id"]}})
    with pytest.raises(RenderError, match=r"cannot mask its key columns \['id'\]"):
        render(keyed)
    # Without target.keys the key is the primary key, which the catalog knows.
    data = {
        **BASE,
        "source": {"type": "cdc", "conn_id": "pg_bank", "table": "clients"},
        "target": {"type": "clickhouse", "conn_id": "ch_bank", "table": "clients"},
        "transforms": mask_id,
    }
    table = bank_catalog().find_table("pg_bank", "clients", exact=True)
    assert table is not None and table.primary_key == ("id",)
    _, problems = validate_spec(data, bank_catalog())
    assert [(p.gate, p.field) for p in problems] == [("grounding", "transforms.0.columns")]
    assert "cannot mask its key column 'id'" in problems[0].message
