"""The provider's metrics reach a StatsD server through Airflow's Stats: a UDP socket on loopback
stands in for StatsD, and Airflow's own Stats is initialised the way its task runner does it."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from airflow_ai_etl import metrics
from tests.statsd_listener import StatsdListener, statsd_listening


@pytest.fixture
def statsd(monkeypatch: pytest.MonkeyPatch) -> Iterator[StatsdListener]:
    with statsd_listening(monkeypatch) as listener:
        yield listener


def _context(dag_id: str = "sales_to_ch", task_id: str = "load_sales") -> dict[str, Any]:
    return {"ti": SimpleNamespace(dag_id=dag_id, task_id=task_id, run_id="r1")}


def test_rows_check_failures_and_anomalies_are_sent(statsd: StatsdListener) -> None:
    metrics.rows_loaded(_context(), None, 1234)
    metrics.check_failed(_context(task_id="check_table_warn"), None, "warn")
    metrics.volume_anomaly(_context(task_id="check_volume"), None, "load_sales")
    lines = statsd.lines(wait_for="volume_anomaly.sales_to_ch")
    assert "airflow.ai_etl.rows_loaded:1234|g" in lines
    assert "airflow.ai_etl.rows_loaded.sales_to_ch.load_sales:1234|g" in lines
    assert "airflow.ai_etl.check_failed:1|c" in lines
    assert "airflow.ai_etl.check_failed.sales_to_ch.check_table_warn:1|c" in lines
    assert "airflow.ai_etl.volume_anomaly.sales_to_ch.load_sales:1|c" in lines


def test_nothing_but_a_row_count_is_a_row_count(statsd: StatsdListener) -> None:
    for odd in (None, "12", True, 1.5):
        metrics.rows_loaded(_context(), None, odd)
    metrics.rows_loaded(_context(dag_id="a.b", task_id="g.load"), None, 0)  # dots keep the levels apart
    lines = statsd.lines(wait_for="rows_loaded.a__b")
    assert [line for line in lines if "rows_loaded" in line] == [
        "airflow.ai_etl.rows_loaded:0|g",
        "airflow.ai_etl.rows_loaded.a__b.g__load:0|g",
    ]


def test_the_operator_names_the_task_without_a_context() -> None:
    operator = SimpleNamespace(task_id="load_x", dag=SimpleNamespace(dag_id="d"))
    assert metrics.task_tags({}, operator) == {"dag_id": "d", "task_id": "load_x"}
    assert metrics.task_tags(None, SimpleNamespace(task_id="t")) == {"dag_id": "", "task_id": "t"}


def test_an_operator_outside_a_dag_is_named_by_its_task_only() -> None:
    from airflow_ai_etl.operators.transfer import PostgresToClickHouseOperator

    operator = PostgresToClickHouseOperator(
        task_id="load_x", source_conn_id="a", source_table="t", target_conn_id="b", target_table="t"
    )
    assert metrics.task_tags({}, operator) == {"dag_id": "", "task_id": "load_x"}


def test_a_broken_metrics_backend_never_fails_the_task(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    class Broken:
        def gauge(self, *args: Any, **kwargs: Any) -> None:
            raise OSError("statsd is down")

        incr = gauge

    monkeypatch.setattr(metrics, "stats", lambda: Broken())
    metrics.rows_loaded(_context(), None, 5)
    metrics.check_failed(_context(), None, "fail")
    assert "Could not send the metric ai_etl.rows_loaded" in caplog.text


def test_a_failed_check_is_counted_with_its_task(statsd: StatsdListener) -> None:
    from airflow_ai_etl.operators.quality import TableCheckOperator, _ChecksFailed

    operator = TableCheckOperator(
        task_id="check_table_warn", conn_id="x", table="t", checks={"c": {"check_statement": "1 = 1"}},
        severity="warn",
    )  # fmt: skip

    def failing(context: Any) -> None:
        raise _ChecksFailed("c failed")

    result = operator._run_checks(failing, _context(task_id="check_table_warn"))
    assert result["passed"] is False
    lines = statsd.lines(wait_for="check_failed.sales_to_ch")
    assert "airflow.ai_etl.check_failed.sales_to_ch.check_table_warn:1|c" in lines
