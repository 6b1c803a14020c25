"""Default checks on real PostgreSQL + ClickHouse: clean data passes; planted bad data fails (or warns).

The pipeline is planned by the Assistant from a live catalog; its rendered check tasks are built
from the plan's literal arguments (what the DAG file holds) and run against ClickHouse through
the ClickHouseHook.
"""

from __future__ import annotations

import contextlib
import importlib

import pytest
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator
from airflow_ai_etl.render.renderer import ALLOWED_IMPORTS, plan_tasks

pytestmark = pytest.mark.integration
REQUEST = "Загружать заказы в ClickHouse ежедневно в 2 часа ночи"


def load(table: str) -> None:
    PostgresToClickHouseOperator(
        task_id=f"load_{table}", source_conn_id="pg_shop", source_table=table,
        target_conn_id="clickhouse_default", target_table=table, mode="replace",
    ).execute({})  # fmt: skip


def run_checks(spec) -> dict[str, dict]:
    """Each rendered check task, built from its literal arguments, run once: task_id -> result."""
    modules = {name: module for module, name in ALLOWED_IMPORTS}
    results = {}
    for task in plan_tasks(spec).tasks[1:]:
        if task.operator == "VolumeCheckOperator":
            continue  # needs the run's XCom; test_volume_check_records_runs_and_flags_a_10x_drop
        operator = getattr(importlib.import_module(modules[task.operator]), task.operator)
        results[task.task_id] = operator(**dict(task.args)).execute({})
    return results


@pytest.fixture
def planned(shop_db, postgres, clickhouse, ch_database, monkeypatch, tmp_path):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
    # Fresh orders (the fixture's are from 2024), and customers already in the warehouse.
    postgres.execute("UPDATE public.orders SET updated_at = now() - id * interval '1 minute'", dbname="shop")
    load("customers")
    load("orders")
    helper = Assistant(dags_folder=tmp_path / "dags", state_dir=tmp_path / "state", check_import=False)
    outcome = helper.generate(REQUEST)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    return outcome.spec, clickhouse.client(database=ch_database)


def test_proposed_checks_for_orders(planned):
    spec, _ = planned
    assert [(c.type, c.columns, c.severity) for c in spec.checks] == [
        ("unique", ["id"], "fail"),
        ("not_null", ["id"], "fail"),
        ("fk_orphans", ["customer_id"], "warn"),
        ("freshness", ["updated_at"], "warn"),
        ("row_count_match", [], "fail"),
        ("volume_anomaly", [], "warn"),
    ]
    fk = spec.checks[2]
    assert (fk.ref_table, fk.ref_columns, fk.max_share) == ("customers", ["id"], 0.01)
    assert spec.checks[3].value == 86400  # daily: the newest row is at most a day old


def test_clean_data_passes(planned):
    spec, _ = planned
    results = run_checks(spec)
    assert set(results) == {"check_columns", "check_table", "check_table_warn"}
    assert all(r["passed"] for r in results.values()), results


def test_duplicate_key_fails_the_run(planned):
    spec, client = planned
    client.execute("INSERT INTO orders SELECT * FROM orders WHERE id = 1")
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*unique_id"):
        run_checks(spec)


def test_orphans_above_the_threshold_warn_and_below_it_pass(planned):
    spec, client = planned
    # 1 orphan in 201 rows (0.5%) is below the 1% threshold.
    client.execute(
        "INSERT INTO orders SELECT id + 1000, 999, status, total, created_at, updated_at FROM orders WHERE id = 1"
    )
    assert run_checks(spec)["check_table_warn"]["passed"] is True
    client.execute(
        "INSERT INTO orders SELECT id + 2000, 999, status, total, created_at, updated_at FROM orders WHERE id <= 4"
    )  # 5 of 205 (2.4%)
    results = run_checks(spec)
    assert (
        results["check_table_warn"]["passed"] is False and results["check_table_warn"]["severity"] == "warn"
    )
    assert "fk_orphans_customer_id" in results["check_table_warn"]["message"]
    assert results["check_table"]["passed"] is True  # the keys are still unique


def test_stale_data_warns(planned, postgres):
    spec, _ = planned
    postgres.execute("UPDATE public.orders SET updated_at = now() - interval '3 days'", dbname="shop")
    load("orders")
    warn = run_checks(spec)["check_table_warn"]
    assert warn["passed"] is False and "freshness_updated_at" in warn["message"]


def test_null_in_a_not_null_column_fails(planned):
    spec, client = planned
    # A target created by someone else, whose key column admits NULL.
    client.execute(
        "CREATE TABLE orders_copy (id Nullable(Int64), customer_id Nullable(Int64), status Nullable(String), "
        "total Nullable(Float64), created_at Nullable(DateTime), updated_at Nullable(DateTime)) "
        "ENGINE = MergeTree() ORDER BY tuple()"
    )
    client.execute(
        "INSERT INTO orders_copy SELECT id, customer_id, status, toFloat64(total), created_at, updated_at FROM orders"
    )
    copy = spec.model_copy(update={"target": spec.target.model_copy(update={"table": "orders_copy"})})
    assert all(r["passed"] for r in run_checks(copy).values())
    client.execute(
        "INSERT INTO orders_copy SELECT NULL, customer_id, status, toFloat64(total), created_at, updated_at FROM orders WHERE id = 1"
    )
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*null_check"):
        run_checks(copy)


def test_volume_check_records_runs_and_flags_a_10x_drop(clickhouse, ch_database, monkeypatch, request):
    from types import SimpleNamespace

    from airflow_ai_etl.operators.quality import VolumeCheckOperator
    from airflow_ai_etl.quality.volume import VOLUME_TABLE
    from tests.statsd_listener import statsd_listening

    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
    stack = contextlib.ExitStack()
    request.addfinalizer(stack.close)
    statsd = stack.enter_context(statsd_listening(monkeypatch))

    def run(run_id: str, rows: int, severity: str = "warn") -> dict:
        ti = SimpleNamespace(dag_id="d", run_id=run_id, xcom_pull=lambda task_ids: {"rows": rows})
        operator = VolumeCheckOperator(
            task_id="check_volume", conn_id="clickhouse_default", load_task_id="load_sales", severity=severity
        )
        return operator.execute({"ti": ti})

    for i, rows in enumerate([1000, 1020, 990, 1010, 1005]):
        assert run(f"r{i}", rows)["anomaly"] is False
    assert run("r5", 1015)["anomaly"] is False
    assert statsd.lines("volume_anomaly", timeout=0.5) == []  # quiet on normal runs, in the metrics too
    warned = run("r6", 100)  # warn: the task succeeds and says why
    assert warned["anomaly"] is True and "outside the expected band" in warned["message"]
    with pytest.raises(AirflowException, match=r"Volume anomaly: 100 rows is outside the expected band \[9"):
        run("r7", 100, severity="fail")
    client = clickhouse.client(database=ch_database)
    assert client.execute(f"SELECT count(), uniqExact(run_id) FROM {VOLUME_TABLE}")[0] == (8, 8)
    # a retry of a run is judged without its own earlier attempt
    assert run("r7", 1000)["runs"] == 7
    # each flagged run (the warned and the failed one) counted once through Airflow's Stats
    assert (
        statsd.lines("volume_anomaly.d.", wait_for="volume_anomaly.d.", count=2)
        == ["airflow.ai_etl.volume_anomaly.d.load_sales:1|c"] * 2
    )


def test_postgres_target_checks_use_postgres_sql(shop_db, postgres, monkeypatch):
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.quality.checks import propose_checks
    from airflow_ai_etl.spec import PipelineSpec

    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    postgres.execute(
        "UPDATE public.orders SET updated_at = now();"
        "CREATE TABLE public.orders_copy AS SELECT * FROM public.orders;",
        dbname="shop",
    )
    spec = PipelineSpec.model_validate(
        {
            "dag_id": "orders_copy",
            "schedule": "0 * * * *",
            "source": {"conn_id": "pg_shop", "table": "orders"},
            "target": {"type": "sql", "conn_id": "pg_shop", "table": "orders_copy"},
        }
    )
    spec = spec.model_copy(update={"checks": propose_checks(spec, load_catalog(["pg_shop"]))})
    assert [c.type for c in spec.checks] == [
        "unique",
        "not_null",
        "fk_orphans",
        "freshness",
        "row_count_match",
    ]
    assert all(r["passed"] for r in run_checks(spec).values())
    postgres.execute(
        "INSERT INTO public.orders_copy SELECT * FROM public.orders WHERE id = 1;"
        "INSERT INTO public.orders_copy SELECT id + 1000, 999, status, total, created_at, updated_at "
        "FROM public.orders WHERE id <= 10;",
        dbname="shop",
    )
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*unique_id"):
        run_checks(spec)
    copy_checks = [c for c in spec.checks if c.type == "fk_orphans"]
    warn = run_checks(spec.model_copy(update={"checks": copy_checks}))["check_table_warn"]
    assert warn["passed"] is False and "fk_orphans_customer_id" in warn["message"]


def test_postgres_target_null_key_fails_and_stale_data_warns(shop_db, postgres, monkeypatch):
    """The two planted faults the test above leaves out, on a PostgreSQL target: a NULL in the key
    (NOT NULL in the source) fails the run; rows older than the schedule interval warn."""
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.quality.checks import propose_checks
    from airflow_ai_etl.spec import PipelineSpec

    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    postgres.execute(
        "UPDATE public.orders SET updated_at = now();"
        "CREATE TABLE public.orders_nulls AS SELECT * FROM public.orders;",  # no NOT NULL of its own
        dbname="shop",
    )
    spec = PipelineSpec.model_validate(
        {
            "dag_id": "orders_nulls",
            "schedule": "0 * * * *",
            "source": {"conn_id": "pg_shop", "table": "orders"},
            "target": {"type": "sql", "conn_id": "pg_shop", "table": "orders_nulls"},
        }
    )
    spec = spec.model_copy(update={"checks": propose_checks(spec, load_catalog(["pg_shop"]))})
    assert all(r["passed"] for r in run_checks(spec).values())
    postgres.execute("UPDATE public.orders_nulls SET updated_at = now() - interval '3 hours'", dbname="shop")
    warn = run_checks(spec)["check_table_warn"]  # hourly schedule: 3 hours old is stale
    assert warn["passed"] is False and "freshness_updated_at" in warn["message"]
    postgres.execute(
        "INSERT INTO public.orders_nulls SELECT NULL, customer_id, status, total, created_at, updated_at "
        "FROM public.orders WHERE id = 1",
        dbname="shop",
    )
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*null_check"):
        run_checks(spec)


ASKED = (
    "Загружать заказы в ClickHouse ежедневно в 2 часа ночи, проверять, что total не отрицательный; "
    "предупреждать, если дубли по id"
)


def test_checks_asked_in_the_request_fail_and_warn_on_planted_rows(planned, tmp_path):
    """«total не отрицательный» fails the run on a planted negative total; «предупреждать, если дубли по
    id» turns the default unique check into a warning, so a planted duplicate only warns."""
    _, client = planned
    helper = Assistant(dags_folder=tmp_path / "dags2", state_dir=tmp_path / "state2", check_import=False)
    outcome = helper.generate(ASKED)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    kinds = [(c.type, c.columns, c.value, c.severity) for c in spec.checks]
    assert kinds[:2] == [("min_value", ["total"], 0, "fail"), ("unique", ["id"], None, "warn")]
    assert ("unique", ["id"], None, "fail") not in kinds and ("not_null", ["id"], None, "fail") in kinds
    assert all(r["passed"] for r in run_checks(spec).values())

    client.execute("INSERT INTO orders SELECT * FROM orders WHERE id = 1")  # a duplicate key: a warning
    results = run_checks(spec)
    assert (
        results["check_table_warn"]["passed"] is False
        and "unique_id" in results["check_table_warn"]["message"]
    )
    assert results["check_table"]["passed"] is True

    client.execute(
        "INSERT INTO orders SELECT id + 5000, customer_id, status, -1, created_at, updated_at FROM orders WHERE id = 2"
    )
    with pytest.raises(AirflowException, match=r"(?s)Data quality check failed.*min_value_total"):
        run_checks(spec)
