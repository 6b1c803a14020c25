"""The provider's metrics, sent through Airflow's Stats (StatsD, DogStatsD or OpenTelemetry, as
``[metrics]`` configures it; nothing when metrics are off).

    ai_etl.rows_loaded     gauge    rows a load task wrote in this run
    ai_etl.check_failed    counter  a data quality check task found a failed check (any severity)
    ai_etl.volume_anomaly  counter  a run's row count fell outside the band of the earlier runs

Each is sent once with tags (``dag_id``, ``task_id``; ``severity`` for checks) for backends that keep
tags, and once more named per pipeline, ``<metric>.<dag_id>.<task_id>``, because plain StatsD drops
tags: that is how Airflow's own task metrics (``ti.finish.<dag_id>.<task_id>.<state>``) are named.
A metric is never worth a failed load: any error while sending is logged and dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)

ROWS_LOADED = "ai_etl.rows_loaded"
CHECK_FAILED = "ai_etl.check_failed"
VOLUME_ANOMALY = "ai_etl.volume_anomaly"


def stats() -> Any:
    """Airflow's Stats (the task SDK's in Airflow 3; the core one in older versions)."""
    try:
        from airflow.sdk.observability.stats import Stats
    except ImportError:  # an older Airflow
        from airflow.stats import Stats
    return Stats


def task_tags(context: Mapping[str, Any] | None, operator: Any) -> dict[str, str]:
    """``dag_id`` and ``task_id`` of the running task (from the context's ti, else the operator)."""
    ti = (context or {}).get("ti")
    dag_id = getattr(ti, "dag_id", None)
    if not dag_id:
        try:  # an operator outside a DAG raises here (RuntimeError), not AttributeError
            dag_id = operator.dag.dag_id
        except Exception:
            dag_id = ""
    task_id = getattr(ti, "task_id", None) or getattr(operator, "task_id", "")
    return {"dag_id": str(dag_id), "task_id": str(task_id)}


def _per_pipeline(metric: str, tags: Mapping[str, str]) -> str:
    # StatsD separates levels with dots: a dot inside an id becomes '__', as in Airflow's legacy names
    parts = [tags.get("dag_id", ""), tags.get("task_id", "")]
    return ".".join([metric, *(p.replace(".", "__") for p in parts if p)])


def _send(kind: str, metric: str, value: float, make_tags: Callable[[], dict[str, str]]) -> None:
    try:
        tags = make_tags()
        backend = stats()
        send = backend.gauge if kind == "gauge" else backend.incr
        send(metric, value, tags=tags)
        send(_per_pipeline(metric, tags), value)
    except Exception:  # a broken metrics backend must not fail the data work
        log.warning("Could not send the metric %s", metric, exc_info=True)


def rows_loaded(context: Mapping[str, Any] | None, operator: Any, rows: Any) -> None:
    """Gauge ``ai_etl.rows_loaded``: the rows a load task wrote (anything but an int is ignored)."""
    if isinstance(rows, int) and not isinstance(rows, bool):
        _send("gauge", ROWS_LOADED, rows, lambda: task_tags(context, operator))


def check_failed(context: Mapping[str, Any] | None, operator: Any, severity: str) -> None:
    """Count one failed data quality check task."""
    _send("incr", CHECK_FAILED, 1, lambda: {**task_tags(context, operator), "severity": severity})


def volume_anomaly(context: Mapping[str, Any] | None, operator: Any, load_task_id: str) -> None:
    """Count one volume anomaly of `load_task_id`'s row count."""
    _send("incr", VOLUME_ANOMALY, 1, lambda: {**task_tags(context, operator), "task_id": load_task_id})
