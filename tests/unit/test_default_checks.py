"""Default checks from the catalog, the spec's check rules, and how checks render (no server)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.quality.checks import propose_checks, schedule_interval_seconds
from airflow_ai_etl.render.renderer import RenderError, plan_tasks, render
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import Check, PipelineSpec
from tests.catalogs import shop_catalog

BASE = {
    "dag_id": "orders_to_ch",
    "schedule": "0 2 * * *",
    "source": {"conn_id": "pg_shop", "table": "orders"},
    "target": {"conn_id": "clickhouse_default", "table": "orders"},
}


def spec(**changes: object) -> PipelineSpec:
    return PipelineSpec.model_validate({**BASE, **changes})


def with_warehouse_customers():
    catalog = shop_catalog()
    customers = Table("default", "customers", (Column("id", "Int64", False), Column("email", "String")))
    catalog.tables["clickhouse_default"] = [customers]
    return catalog


def test_orders_get_key_fk_freshness_and_reconciliation():
    checks = propose_checks(spec(), with_warehouse_customers())
    assert [(c.type, c.columns, c.severity) for c in checks] == [
        ("unique", ["id"], "fail"),
        ("not_null", ["id"], "fail"),
        ("fk_orphans", ["customer_id"], "warn"),
        ("freshness", ["updated_at"], "warn"),
        ("row_count_match", [], "fail"),
        ("volume_anomaly", [], "warn"),
    ]
    assert (checks[2].ref_table, checks[2].ref_columns, checks[3].value) == ("customers", ["id"], 86400)


def test_what_is_left_out():
    catalog = shop_catalog()  # no customers table in the warehouse: no FK check
    assert "fk_orphans" not in [c.type for c in propose_checks(spec(), catalog)]
    # a masked FK no longer matches its table; a manual pipeline has no interval to be fresh within
    masked = spec(transforms=[{"type": "mask", "columns": ["customer_id"]}], schedule=None)
    types = [c.type for c in propose_checks(masked, with_warehouse_customers())]
    assert "fk_orphans" not in types and "freshness" not in types
    # columns not loaded are not checked
    narrow = spec(source={"conn_id": "pg_shop", "table": "orders", "columns": ["status", "total"]})
    assert [c.type for c in propose_checks(narrow, catalog)] == ["row_count_match", "volume_anomaly"]
    s3 = PipelineSpec.model_validate(
        {**BASE, "source": {"type": "s3", "path": "s3://b/x/"}, "target": BASE["target"]}
    )
    # a file load: the transfer reconciles each file's rows; its columns are unknown when planning
    assert [c.type for c in propose_checks(s3, catalog)] == ["row_count_match"]
    s3_out = s3.model_copy(
        update={"target": s3.target.model_copy(update={"type": "s3", "path": "s3://b/o/"})}
    )
    assert propose_checks(s3_out, catalog) == []


def test_composite_key_and_incremental_freshness():
    inventory = spec(
        source={"conn_id": "pg_shop", "table": "inventory", "incremental": {"column": "updated_at"}}
    )
    checks = propose_checks(inventory, shop_catalog())
    assert (checks[0].type, checks[0].columns) == ("unique", ["product_id", "warehouse"])
    assert [c.columns for c in checks if c.type == "freshness"] == [["updated_at"]]


@pytest.mark.parametrize(
    ("schedule", "seconds"),
    [
        ("0 2 * * *", 86400),
        ("*/15 * * * *", 900),
        ("0 9 * * 1-5", 3 * 86400),
        ("@hourly", 3600),
        (None, None),
    ],
)
def test_schedule_interval(schedule, seconds):
    assert schedule_interval_seconds(schedule) == seconds


def test_check_rules():
    with pytest.raises(ValidationError, match="needs columns"):
        Check(type="not_null")
    with pytest.raises(ValidationError, match="ref_table"):
        Check(type="fk_orphans", columns=["a"], ref_table="t", ref_columns=[])
    with pytest.raises(ValidationError, match="maximum age"):
        Check(type="freshness", columns=["a"])
    with pytest.raises(ValidationError):
        Check(type="not_null", columns=["a"], severity="maybe")


def test_render_groups_checks_by_severity_and_writes_literals():
    checks = propose_checks(spec(), with_warehouse_customers())
    plan = plan_tasks(spec(checks=[c.model_dump() for c in checks]))
    assert plan.task_ids == [
        "load_orders",
        "check_columns",
        "check_table",
        "check_table_warn",
        "check_volume",
    ]
    args = {t.task_id: dict(t.args) for t in plan.tasks}
    assert args["check_columns"]["column_mapping"] == {"id": {"null_check": {"equal_to": 0}}}
    assert args["check_table"]["checks"] == {"unique_id": {"check_statement": "count() = uniqExact(`id`)"}}
    warn = args["check_table_warn"]["checks"]
    assert warn["fk_orphans_customer_id"]["check_statement"] == (
        "countIf(isNotNull(`customer_id`) AND `customer_id` NOT IN (SELECT `id` FROM `customers`)) <= 0.01 * count()"
    )
    assert warn["freshness_updated_at"]["check_statement"] == "toDateTime(max(`updated_at`)) >= now() - 86400"
    source = render(spec(checks=[c.model_dump() for c in checks]))
    assert check_shape(source) == []
    assert "from airflow_ai_etl.operators.quality import TableCheckOperator" in source
    assert args["check_volume"] == {
        "task_id": "check_volume", "conn_id": "clickhouse_default", "load_task_id": "load_orders", "k": 5.0,
        "severity": "warn",
    }  # fmt: skip


def test_upsert_counts_after_deduplication_and_postgres_targets_use_their_sql():
    upsert = spec(
        target={**BASE["target"], "mode": "upsert", "keys": ["id"]},
        checks=[{"type": "unique", "columns": ["id"]}],
    )
    assert dict(plan_tasks(upsert).tasks[1].args)["table"] == "`orders` FINAL"
    pg = spec(
        target={"type": "sql", "conn_id": "pg_shop", "table": "orders_copy"},
        checks=[
            {"type": "unique", "columns": ["id", "status"]},
            {"type": "freshness", "columns": ["updated_at"], "value": 60},
        ],
    )
    statements = dict(plan_tasks(pg).tasks[1].args)["checks"]
    assert statements["unique_id_status"]["check_statement"] == 'COUNT(*) = COUNT(DISTINCT ("id", "status"))'
    assert (
        statements["freshness_updated_at"]["check_statement"]
        == "MAX(\"updated_at\") >= now() - interval '60 seconds'"
    )


def test_checks_on_a_file_target_or_with_odd_names_are_refused():
    from airflow_ai_etl.render.checks import check_tasks

    data = {
        **BASE,
        "target": {"type": "s3", "path": "s3://b/out/"},
        "checks": [{"type": "row_count_min", "value": 5}],
    }
    with pytest.raises(ValueError, match="clickhouse or sql target"):
        check_tasks(PipelineSpec.model_validate(data))
    forced = spec(checks=[{"type": "not_null", "columns": ["id"]}])
    forced.checks[0].columns[0] = "id) OR 1=1 --"  # past the spec's rules: the renderer refuses it
    with pytest.raises(RenderError, match="not a plain identifier"):
        plan_tasks(forced)


def test_a_check_on_a_column_that_is_not_loaded_is_a_question(tmp_path):
    helper = Assistant(
        catalog=shop_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    outcome = helper.check({**BASE, "checks": [{"type": "not_null", "columns": ["nope"]}]})
    assert outcome.status == "needs_clarification"
    assert outcome.questions == ["check column 'nope' is not among the loaded columns"]


def test_the_assistant_adds_default_checks_once(tmp_path):
    helper = Assistant(
        catalog=shop_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    outcome = helper.generate(
        "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
    )
    assert [c.type for c in outcome.spec.checks] == [
        "unique", "not_null", "freshness", "row_count_match", "volume_anomaly"
    ]  # fmt: skip
    assert "check_table_warn = TableCheckOperator(" in outcome.source_code
    off = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False,
                    propose_checks=False)  # fmt: skip
    assert off.generate("Загружать данные о продажах в ClickHouse ежедневно в 2 часа ночи").spec.checks == []
