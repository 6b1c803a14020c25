"""Volume anomaly: is this run's row count far outside what the last runs loaded?

The band is robust: median ± k·MAD over the last runs (MAD = median absolute deviation, not
scaled), widened to at least ± min_relative_width·median so a table that loads the same count
every run does not alarm on one extra row. Fewer than `min_runs` earlier runs: no verdict yet.

Where the counts live (:class:`ClickHouseVolumeStore`): a small table ``_ai_etl_volume`` in the
target ClickHouse database, next to the data and to the transfers' other bookkeeping
(``_ai_etl_loaded_files``), which the catalog already hides. Not XCom: under Airflow 3 a task
reads XCom of its own run only (the Task SDK has no query over earlier runs, and workers have no
metadata-database access); not a file in the state dir: workers on other machines do not share it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_K = 5.0
DEFAULT_MIN_RUNS = 5
DEFAULT_WINDOW = 30
DEFAULT_MIN_RELATIVE_WIDTH = 0.1
VOLUME_TABLE = "_ai_etl_volume"


@dataclass(frozen=True)
class VolumeVerdict:
    rows: int
    runs: int  # earlier runs the band was computed from
    median: float | None = None
    mad: float | None = None
    low: float | None = None
    high: float | None = None

    @property
    def judged(self) -> bool:
        return self.low is not None

    @property
    def anomaly(self) -> bool:
        return self.judged and not (self.low <= self.rows <= self.high)  # type: ignore[operator]

    @property
    def message(self) -> str:
        if not self.judged:
            return f"{self.rows} rows; {self.runs} earlier runs are too few to judge the volume"
        where = "outside" if self.anomaly else "within"
        return (
            f"{self.rows} rows is {where} the expected band [{self.low:.0f}, {self.high:.0f}] "
            f"(median {self.median:.0f} ± k·MAD, MAD {self.mad:.0f}, over the last {self.runs} runs)"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "runs": self.runs,
            "median": self.median,
            "mad": self.mad,
            "low": self.low,
            "high": self.high,
            "anomaly": self.anomaly,
            "message": self.message,
        }


def assess_volume(
    history: Sequence[int],
    rows: int,
    *,
    k: float = DEFAULT_K,
    min_runs: int = DEFAULT_MIN_RUNS,
    min_relative_width: float = DEFAULT_MIN_RELATIVE_WIDTH,
) -> VolumeVerdict:
    """Judge `rows` against the earlier runs' counts (`history`, any order)."""
    if k <= 0 or min_runs < 1 or min_relative_width < 0:
        raise ValueError("k must be positive, min_runs at least 1, min_relative_width not negative")
    counts = [int(c) for c in history]
    if len(counts) < min_runs:
        return VolumeVerdict(rows=rows, runs=len(counts))
    median = float(statistics.median(counts))
    mad = float(statistics.median(abs(c - median) for c in counts))
    half_width = max(k * mad, min_relative_width * median)
    return VolumeVerdict(rows, len(counts), median, mad, max(0.0, median - half_width), median + half_width)


class ClickHouseVolumeStore:
    """Rows loaded per run of a (dag_id, task_id), in ``_ai_etl_volume`` of the target database."""

    def __init__(self, clickhouse_conn_id: str) -> None:
        self.clickhouse_conn_id = clickhouse_conn_id

    def _client(self) -> Any:
        from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

        return ClickHouseHook(clickhouse_conn_id=self.clickhouse_conn_id).get_client()

    def history(
        self, dag_id: str, task_id: str, limit: int = DEFAULT_WINDOW, exclude_run: str = ""
    ) -> list[int]:
        """The counts of the last `limit` runs (the latest record per run), newest first."""
        client = self._client()
        try:
            self._create(client)
            rows = client.execute(
                f"SELECT run_id, argMax(rows, recorded_at) AS n, max(recorded_at) AS at FROM {VOLUME_TABLE} "
                "WHERE dag_id = %(dag)s AND task_id = %(task)s AND run_id != %(run)s "
                "GROUP BY run_id ORDER BY at DESC LIMIT %(limit)s",
                {"dag": dag_id, "task": task_id, "run": exclude_run, "limit": int(limit)},
            )
        finally:
            client.disconnect()
        return [int(n) for _, n, _ in rows]

    def record(self, dag_id: str, task_id: str, run_id: str, rows: int) -> None:
        client = self._client()
        try:
            self._create(client)
            client.execute(
                f"INSERT INTO {VOLUME_TABLE} (dag_id, task_id, run_id, recorded_at, rows) VALUES",
                [(dag_id, task_id, run_id, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), int(rows))],
            )
        finally:
            client.disconnect()

    @staticmethod
    def _create(client: Any) -> None:
        client.execute(
            f"CREATE TABLE IF NOT EXISTS {VOLUME_TABLE} (dag_id String, task_id String, run_id String, "
            "recorded_at DateTime, rows UInt64) ENGINE = MergeTree() ORDER BY (dag_id, task_id, recorded_at)"
        )
