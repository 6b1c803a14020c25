"""How a pipeline's runs went, from Airflow's own records (metadata DB: dag runs, task instances,
XCom return values): state, duration, rows loaded, check results. What `airflow ai-etl runs`
prints and what a Runs page can show (:func:`pipeline_runs` returns plain data).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LOAD_PREFIX = "load_"
CHECK_PREFIX = "check_"
VOLUME_TASK = "check_volume"  # render/checks.py names the volume anomaly task so


@dataclass
class CheckResult:
    task_id: str
    state: str  # the task instance's state: success, failed, upstream_failed, ...
    passed: bool | None  # what the check returned (a warn check succeeds with passed False)
    message: str = ""


@dataclass
class RunRecord:
    run_id: str
    state: str
    run_after: str
    start_date: str
    end_date: str
    duration_seconds: float | None
    rows: int | None  # rows the load task reported (its XCom), None when it did not finish
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def checks_failed(self) -> int:
        return sum(1 for c in self.checks if c.passed is False or c.state == "failed")

    @property
    def anomaly(self) -> bool:
        """The volume check found this run's row count outside the band of the earlier runs."""
        return any(c.task_id == VOLUME_TASK and c.passed is False for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["checks_failed"] = self.checks_failed
        data["anomaly"] = self.anomaly
        return data


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def pipeline_runs(dag_id: str, limit: int = 30) -> list[RunRecord]:
    """The last `limit` runs of `dag_id`, newest first. Needs the metadata database."""
    from airflow.models.dagrun import DagRun
    from airflow.models.taskinstance import TaskInstance
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        runs = session.execute(
            select(
                DagRun.id, DagRun.run_id, DagRun.state, DagRun.run_after, DagRun.start_date, DagRun.end_date
            )
            .where(DagRun.dag_id == dag_id)
            .order_by(DagRun.id.desc())
            .limit(int(limit))
        ).all()
        run_ids = [r.run_id for r in runs]
        if not run_ids:
            return []
        instances = session.execute(
            select(TaskInstance.run_id, TaskInstance.task_id, TaskInstance.state).where(
                TaskInstance.dag_id == dag_id, TaskInstance.run_id.in_(run_ids)
            )
        ).all()
        xcoms = session.execute(
            select(XComModel.run_id, XComModel.task_id, XComModel.value).where(
                XComModel.dag_id == dag_id, XComModel.run_id.in_(run_ids), XComModel.key == "return_value"
            )
        ).all()
    values = {(x.run_id, x.task_id): XComModel.deserialize_value(x) for x in xcoms}
    records = []
    for run in runs:
        duration = (
            (run.end_date - run.start_date).total_seconds() if run.start_date and run.end_date else None
        )
        rows = None
        checks = []
        for ti in sorted((t for t in instances if t.run_id == run.run_id), key=lambda t: t.task_id):
            value = values.get((run.run_id, ti.task_id))
            if (
                ti.task_id.startswith(LOAD_PREFIX)
                and isinstance(value, dict)
                and isinstance(value.get("rows"), int)
            ):
                rows = value["rows"]
            elif ti.task_id.startswith(CHECK_PREFIX):
                passed = value.get("passed") if isinstance(value, dict) else None
                if isinstance(value, dict) and "anomaly" in value:  # the volume check
                    passed = not value["anomaly"]
                message = str(value.get("message", "")) if isinstance(value, dict) else ""
                checks.append(CheckResult(ti.task_id, str(ti.state or ""), passed, message))
        records.append(
            RunRecord(
                run.run_id,
                str(run.state or ""),
                _iso(run.run_after),
                _iso(run.start_date),
                _iso(run.end_date),
                duration,
                rows,
                checks,
            )  # fmt: skip
        )
    return records


_BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[float | None]) -> str:
    """One character per value, its height relative to the largest (a missing value is '·')."""
    known = [v for v in values if v is not None]
    top = max(known, default=0) or 1
    return "".join("·" if v is None else _BARS[round(v / top * (len(_BARS) - 1))] for v in values)
