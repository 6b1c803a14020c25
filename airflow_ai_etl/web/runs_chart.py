"""The Runs page's chart: rows loaded per run as bars, duration per run as points, drawn on the server.

Plain geometry (no Flask, no JavaScript, nothing fetched from a CDN): the template writes the
returned shapes into an inline SVG, so the page works without network access and the chart can be
read by a test or a screen reader (every bar and point carries its value and a ``<title>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WIDTH = 640
HEIGHT = 180
PAD_LEFT = 56  # room for the rows axis labels
PAD_RIGHT = 56  # room for the duration axis labels
PAD_TOP = 12
PAD_BOTTOM = 22
MAX_BAR = 36


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    rows: int
    run_id: str
    anomaly: bool


@dataclass(frozen=True)
class Point:
    cx: float
    cy: float
    seconds: float
    run_id: str


@dataclass
class RunsChart:
    """What the template draws; ``runs`` is oldest first, like the x axis."""

    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    max_rows: int = 0
    max_seconds: float = 0.0
    baseline: float = HEIGHT - PAD_BOTTOM
    plot_left: float = PAD_LEFT
    plot_right: float = WIDTH - PAD_RIGHT
    top: float = PAD_TOP
    missing: list[float] = field(default_factory=list)  # x of runs that reported no rows

    @property
    def polyline(self) -> str:
        """The duration points joined, oldest to newest (SVG ``points`` attribute)."""
        return " ".join(f"{p.cx:.1f},{p.cy:.1f}" for p in self.points)


def runs_chart(runs: list[dict[str, Any]]) -> RunsChart:
    """Bars and points for `runs` (oldest first), each a :meth:`RunRecord.to_dict` with ``anomaly``.

    Bars are scaled to the largest row count, points to the longest duration; a run without a row
    count (it failed before loading, or is still running) gets no bar but keeps its slot.
    """
    chart = RunsChart()
    if not runs:
        return chart
    rows = [r.get("rows") for r in runs]
    seconds = [r.get("duration_seconds") for r in runs]
    chart.max_rows = max((v for v in rows if isinstance(v, int)), default=0)
    chart.max_seconds = max((float(v) for v in seconds if isinstance(v, (int, float))), default=0.0)
    plot_width = chart.plot_right - chart.plot_left
    plot_height = chart.baseline - chart.top
    slot = plot_width / len(runs)
    bar_width = min(MAX_BAR, slot * 0.7)
    for i, run in enumerate(runs):
        center = chart.plot_left + slot * (i + 0.5)
        count = rows[i]
        if isinstance(count, int):
            height = plot_height * count / chart.max_rows if chart.max_rows else 0.0
            chart.bars.append(
                Bar(
                    x=round(center - bar_width / 2, 1),
                    y=round(chart.baseline - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    rows=count,
                    run_id=str(run.get("run_id", "")),
                    anomaly=bool(run.get("anomaly")),
                )
            )
        else:
            chart.missing.append(round(center, 1))
        duration = seconds[i]
        if isinstance(duration, (int, float)):
            y = chart.baseline - (
                plot_height * float(duration) / chart.max_seconds if chart.max_seconds else 0.0
            )
            chart.points.append(
                Point(round(center, 1), round(y, 1), float(duration), str(run.get("run_id", "")))
            )
    return chart
