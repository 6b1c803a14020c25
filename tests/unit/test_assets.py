"""Assets: one URI scheme, inlets/outlets on every load task, pipelines scheduled on other pipelines'
outputs, questions for assets nobody loads, rejected cycles, and a shape gate that lets only
`Asset(uri="literal")` through."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from airflow_ai_etl.assets import (
    AssetGraph,
    AssetUriError,
    Lineage,
    declared_assets,
    file_uri,
    normalize_uri,
    pipeline_lineage,
)
from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.catalog import ConnectionInfo
from airflow_ai_etl.deploy import DeployError
from airflow_ai_etl.render.renderer import RenderError, render
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import PipelineSpec
from airflow_ai_etl.validation import check_imports
from tests.catalogs import shop_catalog
from tests.unit.test_injection import EXCEL, FRAGMENTS, S3, SQL, payload

SALES_CH = "clickhouse://127.0.0.1:9000/default/sales"
ORDERS_CH = "clickhouse://127.0.0.1:9000/default/orders"


def _spec(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(SQL))
    data.update(changes)
    return data


def _orders(**changes: Any) -> dict[str, Any]:
    data = {
        "dag_id": "orders_to_ch",
        "source": {"type": "sql", "conn_id": "pg_shop", "table": "orders"},
        "target": {"conn_id": "clickhouse_default", "table": "orders"},
    }
    data.update(changes)
    return data


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    return Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")


# --- the URI scheme --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "postgresql://db.local/shop/public/sales",
        "postgres://db.local:6432/shop/crm/leads",
        "clickhouse://ch.local/analytics/sales",
        "CLICKHOUSE://ch.local:9440/analytics/sales/",
        "s3://bucket/incoming/",
        "s3://bucket/incoming/2025/file.csv",
        "file:///mnt/share/reports/",
    ],
)
def test_uris_are_normalised_exactly_as_airflow_stores_them(uri: str) -> None:
    from airflow.sdk import Asset

    assert normalize_uri(uri) == Asset(uri=uri).uri


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("clickhouse://ch.local/sales", "database and table"),
        ("postgres://db.local/shop/sales", "database, schema, and table"),
        ("clickhouse:///analytics/sales", "must contain a host"),
        ("s3:///key", "needs a bucket"),
        ("file://host/path", "file:///absolute/path"),
        ("postgres://user:secret@db.local/shop/public/sales", "no user or password"),
        ("s3://bucket/key?versionId=1", "no ?query"),
        ("mysql://db/shop/sales", "scheme must be"),
    ],
)
def test_bad_uris_are_refused_with_the_expected_shape(uri: str, message: str) -> None:
    with pytest.raises(AssetUriError, match=message.replace("?", r"\?")):
        normalize_uri(uri)


def test_lineage_names_sources_and_targets_with_the_connections_hosts() -> None:
    catalog = shop_catalog()
    lineage = pipeline_lineage(PipelineSpec.model_validate(SQL), catalog)
    assert lineage == Lineage(("postgres://127.0.0.1:5432/shop/public/sales",), (SALES_CH,))
    glob = PipelineSpec.model_validate({**S3, "source": {"type": "s3", "path": "s3://bucket/in/2025/*.csv"}})
    assert pipeline_lineage(glob, catalog).inlets == ("s3://bucket/in/2025",)
    assert pipeline_lineage(PipelineSpec.model_validate(EXCEL), catalog).inlets == ("file:///data/book.xlsx",)
    assert file_uri("reports/book.xlsx") is None  # a relative path names no place
    # a port and a database on the connection, a schema-qualified table
    catalog.connections["pg_shop"] = ConnectionInfo(
        "pg_shop", "postgres", host="pg.prod", database="shop", port=6432
    )
    catalog.connections["clickhouse_default"] = ConnectionInfo("clickhouse_default", "clickhouse", host="ch")
    spec = PipelineSpec.model_validate(_spec(source={"type": "sql", "conn_id": "pg_shop", "table": "crm.leads"},
                                             transforms=[], checks=[],
                                             target={"conn_id": "clickhouse_default", "table": "dwh.leads"}))  # fmt: skip
    assert pipeline_lineage(spec, catalog) == Lineage(
        ("postgres://pg.prod:6432/shop/crm/leads",), ("clickhouse://ch:9000/dwh/leads",)
    )


# --- rendered files --------------------------------------------------------------------------------


def _import_dag(source: str, folder: Path) -> Any:
    from airflow.dag_processing.dagbag import DagBag

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dag.py").write_text(source, encoding="utf-8")
    bag = DagBag(dag_folder=str(folder), safe_mode=False)
    assert not bag.import_errors, bag.import_errors
    return next(iter(bag.dags.values()))


def test_the_load_task_declares_its_source_and_target_and_airflow_reads_them(
    assistant: Assistant, tmp_path: Path
) -> None:
    outcome = assistant.check(SQL)
    assert outcome.status == "ok", outcome.errors
    dag = _import_dag(outcome.source_code, tmp_path / "imported")
    load = dag.get_task("load_sales")
    assert [a.uri for a in load.inlets] == ["postgres://127.0.0.1:5432/shop/public/sales"]
    assert [a.uri for a in load.outlets] == [SALES_CH]
    assert dag.get_task("check_columns").outlets == []  # only the load writes the target
    assert declared_assets("sales_to_ch", outcome.source_code).outlets == (SALES_CH,)


def test_a_pipeline_scheduled_on_another_ones_output_runs_after_it(
    assistant: Assistant, tmp_path: Path
) -> None:
    assistant.deploy(assistant.check(SQL))
    outcome = assistant.check(_orders(schedule_assets=["clickhouse://127.0.0.1/default/sales/"]))
    assert outcome.status == "ok", outcome.errors
    assert outcome.spec.schedule_assets == [SALES_CH]  # normalised
    assert outcome.schedule_description == f"after {SALES_CH} is updated"
    dag = _import_dag(outcome.source_code, tmp_path / "imported")
    assert [a.uri for a in dag.timetable.asset_condition.objects] == [SALES_CH]
    assistant.deploy(outcome)
    listed = {p.dag_id: p.schedule for p in assistant.store.list()}
    assert listed == {"sales_to_ch": "0 2 * * *", "orders_to_ch": f"after {SALES_CH}"}
    graph = assistant.asset_graph()
    assert graph.upstream("orders_to_ch") == ["sales_to_ch"]
    assert graph.downstream("sales_to_ch") == ["orders_to_ch"]

    from airflow_ai_etl.web import service

    feeds = service.lineage(assistant.store, "sales_to_ch")
    assert [(d["dag_id"], d["assets"]) for d in feeds["downstream"]] == [("orders_to_ch", [SALES_CH])]
    assert feeds["upstream"] == [] and feeds["outlets"] == [SALES_CH]
    fed = service.lineage(assistant.store, "orders_to_ch")
    assert [(u["dag_id"], u["assets"]) for u in fed["upstream"]] == [("sales_to_ch", [SALES_CH])]
    assert fed["schedule_assets"] == [SALES_CH] and fed["waiting_on"] == []
    with pytest.raises(DeployError, match="not deployed"):
        service.lineage(assistant.store, "nope")


def test_several_assets_must_all_be_updated(assistant: Assistant, tmp_path: Path) -> None:
    assistant.deploy(assistant.check(SQL))
    assistant.deploy(assistant.check(_orders()))
    mart = _orders(dag_id="mart", schedule_assets=[SALES_CH, ORDERS_CH],
                   target={"conn_id": "clickhouse_default", "table": "mart"})  # fmt: skip
    outcome = assistant.check(mart)
    assert outcome.status == "ok", outcome.errors
    condition = _import_dag(outcome.source_code, tmp_path / "imported").timetable.asset_condition
    assert type(condition).__name__ == "AssetAll"
    assert sorted(a.uri for a in condition.objects) == [ORDERS_CH, SALES_CH]


def test_an_asset_no_pipeline_loads_is_a_question_listing_the_loaded_ones(assistant: Assistant) -> None:
    outcome = assistant.check(_orders(schedule_assets=[SALES_CH]))
    assert outcome.status == "needs_clarification"
    assert f"no pipeline loads {SALES_CH}" in outcome.questions[0] and "none yet" in outcome.questions[0]
    assistant.deploy(assistant.check(SQL))
    outcome = assistant.check(_orders(schedule_assets=["clickhouse://127.0.0.1:9000/default/salez"]))
    assert outcome.status == "needs_clarification" and not outcome.source_code
    assert f"{SALES_CH} (sales_to_ch)" in outcome.questions[0]
    assert outcome.errors[0].field == "schedule_assets"


def test_a_cycle_of_pipelines_is_rejected_naming_it(assistant: Assistant) -> None:
    assistant.deploy(assistant.check(SQL))
    assistant.deploy(assistant.check(_orders(schedule_assets=[SALES_CH])))
    outcome = assistant.check(_spec(schedule=None, schedule_assets=[ORDERS_CH]))
    assert outcome.status == "rejected" and not outcome.source_code
    assert outcome.errors[0].gate == "lineage"
    assert "sales_to_ch -> orders_to_ch -> sales_to_ch" in outcome.errors[0].message
    own = assistant.check(_spec(schedule=None, schedule_assets=[SALES_CH]))  # on its own output
    assert own.status == "rejected" and "sales_to_ch -> sales_to_ch" in own.errors[0].message


def test_cycle_search_finds_long_cycles_and_ignores_branches() -> None:
    from airflow_ai_etl.assets import PipelineAssets as P

    graph = AssetGraph.of([P("a", ("d",), (), ("a",)), P("b", ("a",), (), ("b",)), P("x", ("a",), (), ("x",)),
                           P("c", ("b",), (), ("c",)), P("d", ("c",), (), ("d",))])  # fmt: skip
    assert graph.cycle_through("a") == ["a", "b", "c", "d", "a"]
    assert graph.cycle_through("x") is None


def test_the_spec_takes_a_clock_or_assets_not_both() -> None:
    with pytest.raises(ValidationError, match="not both"):
        PipelineSpec.model_validate(_spec(schedule_assets=[SALES_CH]))
    for bad in ("clickhouse://h/db/t x", "mysql://h/db/t", "s3://b/k\n", 'file:///a"b', "clickhouse://h/t"):
        with pytest.raises(ValidationError):
            PipelineSpec.model_validate(_spec(schedule=None, schedule_assets=[bad]))


# --- the shape gate --------------------------------------------------------------------------------


def _rendered() -> str:
    spec = PipelineSpec.model_validate(_spec(schedule=None, schedule_assets=[ORDERS_CH]))
    return render(spec, Lineage(("postgres://127.0.0.1:5432/shop/public/sales",), (SALES_CH,)))


def test_the_rendered_asset_file_has_the_template_shape() -> None:
    source = _rendered()
    assert check_shape(source) == []
    assert "from airflow.sdk import DAG, Asset\n" in source
    assert f'outlets=[Asset(uri="{SALES_CH}")],' in source


ASSET_EDITS = [
    ("from airflow.sdk import DAG, Asset", "from airflow.sdk import DAG", "must be a literal"),  # no import
    ('Asset(uri="clickhouse://', 'Asset("clickhouse://', "may only hold Asset"),  # positional
    (f'outlets=[Asset(uri="{SALES_CH}")]', f'outlets=[Asset(uri="{SALES_CH}", extra={{}})]', "may only hold"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', 'outlets=[Asset(uri="a" + "b")]', "may only hold Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', 'outlets=[Asset(uri=f"{dag}")]', "may only hold Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', "outlets=[__import__('os')]", "may only hold Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', 'outlets=[Asset(uri="x")] + []', "must be a list of Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', "outlets=[]", "must be a list of Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', 'outlets=["x"]', "may only hold Asset"),
    (f'outlets=[Asset(uri="{SALES_CH}")]', "outlets=[Asset(uri=1)]", "may only hold Asset"),
    ('task_id="load_sales"', 'task_id=Asset(uri="x")', "must be a literal"),  # Asset elsewhere
    ('description="sales"', 'description=[Asset(uri="x")]', "must be a literal"),
    ("    schedule=[\n", "    schedule=[open('x'),\n", "may only hold Asset"),
    ("    schedule=[\n", "    schedule=[print,\n", "may only hold Asset"),
    (
        "    load >> check_columns\n",
        '    extra = Asset(uri="x")\n    load >> check_columns\n',
        "a task must be",
    ),
    (
        "    load >> check_columns\n",
        '    Asset(uri="x")\n    load >> check_columns\n',
        "not allowed in the DAG block",
    ),
    ("with DAG(", "Asset = print\nwith DAG(", "expected one `with DAG"),
]


@pytest.mark.parametrize(("old", "new", "message"), ASSET_EDITS)
def test_the_shape_gate_refuses_every_other_use_of_asset(old: str, new: str, message: str) -> None:
    source = _rendered()
    assert old in source
    problems = check_shape(source.replace(old, new, 1))
    assert problems and message in problems[0].message, problems


def test_a_file_without_the_asset_import_may_not_declare_assets() -> None:
    source = render(PipelineSpec.model_validate(SQL))  # no lineage: the short header
    assert "from airflow.sdk import DAG\n" in source and check_shape(source) == []
    edited = source.replace(
        'task_id="load_sales",', 'task_id="load_sales",\n        outlets=[Asset(uri="x")],'
    )
    assert "must be a literal" in check_shape(edited)[0].message


def test_asset_uris_render_to_literals_and_nothing_runs(tmp_path: Path) -> None:
    """Values in schedule_assets and in the lineage, valid or forced past the spec's rules,
    render to string literals inside Asset(uri=...); every file that passes the gate imports
    without running the canary."""
    canary = tmp_path / "canary"
    code = st.sampled_from([payload(canary), f"__import__('os').system('touch {canary}')"])
    text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), code), max_size=8).map(
        lambda p: "s3://b/" + "".join(p)
    )
    files: dict[str, str] = {}

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(where=st.sampled_from(["schedule", "inlets", "outlets"]), value=text)
    def render_one(where: str, value: str) -> None:
        dag_id = f"fuzz_{len(files)}"  # one DAG id per file: DagBag refuses duplicates
        spec = PipelineSpec.model_validate(_spec(dag_id=dag_id, schedule=None, schedule_assets=[SALES_CH]))
        lineage = Lineage((SALES_CH,), (ORDERS_CH,))
        if where == "schedule":
            spec.schedule_assets[0] = value  # forced: no validation
        else:
            lineage = Lineage(**{**lineage.__dict__, where: (value,)})
        try:
            source = render(spec, lineage)
        except (RenderError, ValueError, TypeError):
            return
        assert check_shape(source) == [], source
        files[dag_id] = source

    render_one()
    assert len(files) > 50
    results = check_imports(files, {})
    assert not canary.exists()
    assert sum(1 for problems in results.values() if not problems) > 10  # most of them import


# --- pipelines started by files --------------------------------------------------------------------

FILES = {
    "dag_id": "incoming_to_ch",
    "on_new_files": True,
    "source": {"type": "s3", "path": "s3://bucket/incoming/", "format": "csv"},
    "target": {"conn_id": "clickhouse_default", "table": "incoming"},
}


def test_a_pipeline_started_by_files_waits_deferred_then_loads(tmp_path: Path) -> None:
    spec = PipelineSpec.model_validate(FILES)
    source = render(spec, pipeline_lineage(spec, shop_catalog()))
    assert check_shape(source) == []
    assert 'schedule="@continuous"' in source and "    wait >> load\n" in source
    assert "as soon as a new file lands in s3://bucket/incoming/" in source
    assert check_imports(
        {"incoming_to_ch": source}, {"incoming_to_ch": ["wait_for_new_files", "load_incoming"]}
    ) == {"incoming_to_ch": []}
    dag = _import_dag(source, tmp_path / "imported")
    wait = dag.get_task("wait_for_new_files")
    assert type(wait).__name__ == "NewFilesSensor" and wait.poke_interval == 30
    assert [t.task_id for t in wait.downstream_list] == ["load_incoming"]
    assert [a.uri for a in dag.get_task("load_incoming").inlets] == ["s3://bucket/incoming"]
    assert wait.inlets == [] and wait.outlets == []


def test_files_start_a_pipeline_only_when_nothing_else_does() -> None:
    for changes, message in (
        ({"schedule": "@daily"}, "leave schedule and schedule_assets empty"),
        ({"schedule_assets": [SALES_CH]}, "leave schedule and schedule_assets empty"),
        ({"source": {"type": "sql", "conn_id": "pg_shop", "table": "sales"}}, "the source must be files"),
    ):
        with pytest.raises(ValidationError, match=message):
            PipelineSpec.model_validate({**FILES, **changes})
