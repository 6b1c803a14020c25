"""common-sql's column and table check operators with a severity: ``fail`` or ``warn``.

``fail`` is common-sql's own behaviour (a failed check fails the task, so the run). ``warn``
logs the failed checks as a warning and lets the run go on; either way the task returns what
it found (pushed to XCom), so a run's check results can be read back later. Errors that are not
a failed check (a missing table, a lost connection) fail the task under both severities.
"""

from __future__ import annotations

from typing import Any, NoReturn

from airflow.providers.common.sql.operators.sql import (
    BaseSQLOperator,
    SQLColumnCheckOperator,
    SQLTableCheckOperator,
)
from airflow.sdk import BaseOperator
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl import metrics
from airflow_ai_etl.exceptions import AIETLError

SEVERITIES = ("fail", "warn")


class DataQualityError(AIETLError, AirflowException):
    """A data quality check or volume check with severity fail did not hold (the message says which)."""


class _ChecksFailed(AIETLError, AirflowException):
    """Raised by common-sql's `_raise_exception` when a check does not hold."""


class _SeverityCheckOperator(BaseSQLOperator):
    """What the two check operators share: a ``severity`` and an ``execute`` that turns a failed
    check into an error (``fail``) or a warning (``warn``), returning what it found.

    An operator class (not a plain mixin) placed before the common-sql operator, so that Airflow's
    BaseOperatorMeta wraps this __init__ and the subclasses inherit it: an __init__ inherited from a
    class that is not an operator is never wrapped and fails at parse time ('function' object has
    no attribute '__wrapped__'). Its super() calls reach the common-sql operator's __init__ and
    execute next in the MRO."""

    ui_color = "#e8f7e4"

    def __init__(self, *, severity: str = "fail", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be fail or warn, not {severity!r}")
        self.severity = severity

    def _raise_exception(self, exception_string: str) -> NoReturn:
        raise _ChecksFailed(exception_string)

    def execute(self, context: Any) -> dict[str, Any]:
        return self._run_checks(super().execute, context)

    def _run_checks(self, run: Any, context: Any) -> dict[str, Any]:
        try:
            run(context)
        except _ChecksFailed as exc:
            metrics.check_failed(context, self, self.severity)
            if self.severity == "fail":
                raise DataQualityError(f"Data quality check failed:\n{exc}") from None
            self.log.warning("Data quality warning (severity warn, the run goes on):\n%s", exc)
            return {"passed": False, "severity": self.severity, "message": str(exc)[:4000]}
        return {"passed": True, "severity": self.severity, "message": ""}


class ColumnCheckOperator(_SeverityCheckOperator, SQLColumnCheckOperator):
    """:class:`SQLColumnCheckOperator` whose failure fails the run or only warns.

    :param severity: ``fail`` (default) or ``warn``.
    Other parameters as SQLColumnCheckOperator (``conn_id``, ``table``, ``column_mapping``).
    :return: ``{"passed", "severity", "message"}`` (pushed to XCom).
    """


class TableCheckOperator(_SeverityCheckOperator, SQLTableCheckOperator):
    """:class:`SQLTableCheckOperator` whose failure fails the run or only warns.

    :param severity: ``fail`` (default) or ``warn``.
    Other parameters as SQLTableCheckOperator (``conn_id``, ``table``, ``checks``).
    :return: ``{"passed", "severity", "message"}`` (pushed to XCom).
    """


class VolumeCheckOperator(BaseOperator):
    """Warn or fail when a load's row count is outside median ± k·MAD of its last runs.

    Reads the rows the load task returned in this run (its XCom), the counts of its earlier
    runs from ``_ai_etl_volume`` in the target ClickHouse database (see
    :mod:`airflow_ai_etl.quality.volume` for why there), records this run, and judges it.
    Counts ``ai_etl.volume_anomaly`` through Airflow's Stats when it flags a run (the load task
    itself sends ``ai_etl.rows_loaded``; see :mod:`airflow_ai_etl.metrics`).

    :param conn_id: the target ClickHouse connection (where the counts are kept).
    :param load_task_id: the transfer task whose ``{"rows": ...}`` return value is judged.
    :param k: band half-width in MADs (default 5).
    :param min_runs: earlier runs needed before judging (default 5).
    :param window: how many earlier runs the band is computed from (default 30).
    :param severity: ``warn`` (default: log and go on) or ``fail`` (fail the task, so the run).
    :return: ``{"rows", "runs", "median", "mad", "low", "high", "anomaly", "message"}`` (XCom).
    """

    ui_color = "#e8f7e4"

    def __init__(
        self,
        *,
        conn_id: str,
        load_task_id: str,
        k: float = 5.0,
        min_runs: int = 5,
        window: int = 30,
        severity: str = "warn",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be fail or warn, not {severity!r}")
        if k <= 0 or min_runs < 1 or window < min_runs:
            raise ValueError("k must be positive, min_runs at least 1 and window at least min_runs")
        self.conn_id = conn_id
        self.load_task_id = load_task_id
        self.k = k
        self.min_runs = min_runs
        self.window = window
        self.severity = severity

    def execute(self, context: Any) -> dict[str, Any]:
        from airflow_ai_etl.quality.volume import ClickHouseVolumeStore, assess_volume

        ti = context["ti"]
        loaded = ti.xcom_pull(task_ids=self.load_task_id)
        if not isinstance(loaded, dict) or not isinstance(loaded.get("rows"), int):
            raise DataQualityError(
                f"task {self.load_task_id!r} returned no row count in this run: {loaded!r}"
            )
        rows = loaded["rows"]
        store = ClickHouseVolumeStore(self.conn_id)
        history = store.history(ti.dag_id, self.load_task_id, self.window, exclude_run=ti.run_id)
        verdict = assess_volume(history, rows, k=self.k, min_runs=self.min_runs)
        store.record(ti.dag_id, self.load_task_id, ti.run_id, rows)
        if verdict.anomaly:
            metrics.volume_anomaly(context, self, self.load_task_id)
            if self.severity == "fail":
                raise DataQualityError(f"Volume anomaly: {verdict.message}")
            self.log.warning("Volume anomaly (severity warn, the run goes on): %s", verdict.message)
        else:
            self.log.info("Volume: %s", verdict.message)
        return verdict.to_dict()
