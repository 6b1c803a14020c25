"""A mart planned from a Russian sentence deploys and refreshes on the real servers, and its values
equal the same aggregate written by hand in PostgreSQL (exact decimals)."""

from __future__ import annotations

import pytest

from tests.integration.test_mart_refresh import ch, env, normalise, pg, rows  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

REQUEST = "Витрина выручки и среднего чека по регионам и категориям товаров по дням, в ch_fast"
# By hand: the category comes from products (sales.product_id -> products.id, a LEFT JOIN keeps every
# sale), avg of numeric(12,2) keeps 6 places, truncated, as the mart defines it.
REFERENCE = """
SELECT s.sold_at::date, s.region, p.category, sum(s.amount), trunc(avg(s.amount), 6)
FROM sales s LEFT JOIN products p ON p.id = s.product_id
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
"""


def test_planned_mart_deploys_and_equals_the_postgres_aggregate(env, ch, postgres, tmp_path):  # noqa: F811
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.operators.mart import MartToClickHouseOperator
    from airflow_ai_etl.render.renderer import plan_tasks

    assistant = Assistant(
        catalog=load_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state", pii_sample=False
    )
    outcome = assistant.generate(REQUEST)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert spec.source.type == "mart" and spec.source.table == "sales" and spec.schedule is None
    mart = spec.source.mart
    assert [(m.func, m.column) for m in mart.measures] == [("sum", "amount"), ("avg", "amount")]
    assert mart.dimensions == ["region", "category"]
    assert (mart.time_grain.column, mart.time_grain.grain) == ("sold_at", "day")
    assert [(j.table, j.on) for j in mart.joins] == [("public.products", {"sales.product_id": "id"})]

    deployed = assistant.deploy(outcome, user="test")  # the file passed the DagBag import gate
    assert deployed.path and (tmp_path / "dags").joinpath(f"{spec.dag_id}.py").exists()
    [task] = plan_tasks(spec).tasks  # the operator and the literal arguments the deployed file holds
    result = MartToClickHouseOperator(**dict(task.args)).execute(context={})

    expected = pg(postgres, REFERENCE)
    assert result["rows"] == len(expected) and result["mode"] == "full"
    table = spec.target.table
    assert rows(ch, table, "day, region, category") == normalise(expected)
    assert (
        ch.execute(f"SELECT sum(sum_amount) FROM {table}")[0][0]
        == pg(postgres, "SELECT sum(amount) FROM sales")[0][0]
    )


def test_planned_mart_with_two_join_paths_asks_and_deploys_nothing(env, tmp_path):  # noqa: F811
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog

    assistant = Assistant(
        catalog=load_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state", pii_sample=False
    )
    outcome = assistant.generate("Витрина выручки по городам покупателей по дням, в ch_fast")

    assert outcome.status == "needs_clarification" and outcome.spec is None
    assert "по 2 путям" in outcome.questions[0] and "orders" in outcome.questions[0]  # asked in Russian
    assert not (tmp_path / "dags").exists() or not any((tmp_path / "dags").iterdir())


def test_preview_cli_plans_a_mart_from_russian_text(env, postgres, tmp_path):  # noqa: F811
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {**os.environ, "AIRFLOW_HOME": str(tmp_path), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "airflow"), "ai-etl", "preview",
         "Витрина количества заказов и суммы заказов по статусам, в ch_fast", "--json"],
        env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["columns"] == ["status", "count", "sum_total"]
    expected = pg(postgres, "SELECT status, count(*), sum(total) FROM orders GROUP BY 1 ORDER BY 1")
    assert shown["rows"] == [[s, n, str(t)] for s, n, t in expected]


CH_REQUEST = "Витрина выручки и среднего чека по регионам по неделям из raw_sales в ch_fast"
CH_REFERENCE = """
SELECT date_trunc('week', sold_at)::date, region, sum(amount), trunc(avg(amount), 6)
FROM sales GROUP BY 1, 2 ORDER BY 1, 2
"""


def test_planned_clickhouse_side_mart_equals_the_postgres_aggregate(env, ch, postgres, tmp_path):  # noqa: F811
    """The fact table was loaded into ClickHouse by another pipeline (as raw_sales): the planner builds
    the mart there, in ClickHouse's dialect, and its values equal PostgreSQL's own aggregate of the
    same rows (exact decimals)."""
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import load_catalog
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
    from airflow_ai_etl.operators.mart import MartToClickHouseOperator
    from airflow_ai_etl.render.renderer import plan_tasks
    from airflow_ai_etl.transfers.postgres_to_clickhouse import PostgresToClickHouseTransfer

    PostgresToClickHouseTransfer(
        source_conn_id="pg_shop",
        target_hook=ClickHouseHook(clickhouse_conn_id="ch_fast"),
        target_table="raw_sales",
        source_table="sales",
        mode="replace",
    ).run()
    assistant = Assistant(
        catalog=load_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state", pii_sample=False
    )
    outcome = assistant.generate(CH_REQUEST)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert (spec.source.type, spec.source.conn_id, spec.source.table) == ("mart", "ch_fast", "raw_sales")
    assert spec.target.conn_id == "ch_fast" and spec.target.table != "raw_sales"
    mart = spec.source.mart
    assert [(m.func, m.column) for m in mart.measures] == [("sum", "amount"), ("avg", "amount")]
    assert mart.dimensions == ["region"] and (mart.time_grain.column, mart.time_grain.grain) == (
        "sold_at",
        "week",
    )

    deployed = assistant.deploy(outcome, user="test")  # the file passed the DagBag import gate
    assert deployed.path
    [task] = plan_tasks(spec).tasks
    result = MartToClickHouseOperator(**dict(task.args)).execute(context={})

    expected = pg(postgres, CH_REFERENCE)
    assert result["path"] == "clickhouse" and result["rows"] == len(expected)
    assert rows(ch, spec.target.table, "week, region") == normalise(expected)
