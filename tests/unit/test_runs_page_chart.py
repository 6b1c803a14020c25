"""The Runs page's chart geometry (web/runs_chart.py) and the anomaly flag of a recorded run."""

from __future__ import annotations

from airflow_ai_etl.quality.runs import CheckResult, RunRecord
from airflow_ai_etl.web.runs_chart import runs_chart


def _run(run_id: str, rows: int | None, seconds: float | None, anomaly: bool = False) -> dict:
    return {"run_id": run_id, "rows": rows, "duration_seconds": seconds, "anomaly": anomaly}


def test_bars_scale_to_the_largest_count_and_keep_their_order():
    chart = runs_chart([_run("a", 40, 2.0, anomaly=True), _run("b", 400, 4.0), _run("c", 200, 1.0)])
    assert [b.rows for b in chart.bars] == [40, 400, 200] and chart.max_rows == 400
    heights = [b.height for b in chart.bars]
    assert heights[1] == chart.baseline - chart.top
    assert abs(heights[0] * 10 - heights[1]) < 1 and abs(heights[2] * 2 - heights[1]) < 1
    assert all(b.y + b.height == chart.baseline for b in chart.bars)
    assert [b.anomaly for b in chart.bars] == [True, False, False]
    xs = [b.x for b in chart.bars]
    assert xs == sorted(xs) and chart.plot_left <= xs[0] and xs[-1] + chart.bars[-1].width <= chart.plot_right
    # duration points: the longest at the top
    assert [p.seconds for p in chart.points] == [2.0, 4.0, 1.0]
    assert chart.points[1].cy == chart.top and chart.points[2].cy > chart.points[0].cy
    assert chart.polyline.count(",") == 3


def test_a_run_without_rows_keeps_its_slot_and_nothing_divides_by_zero():
    chart = runs_chart([_run("a", None, None), _run("b", 0, 0.0)])
    assert len(chart.bars) == 1 and chart.bars[0].height == 0 and len(chart.missing) == 1
    assert chart.missing[0] < chart.bars[0].x
    assert runs_chart([]).bars == [] and runs_chart([]).polyline == ""


def test_a_run_is_anomalous_when_its_volume_check_did_not_hold():
    volume_warned = RunRecord(
        "r", "success", "", "", "", 1.0, 40, [CheckResult("check_volume", "success", False)]
    )
    other_warned = RunRecord(
        "r", "success", "", "", "", 1.0, 40, [CheckResult("check_table_warn", "success", False)]
    )
    assert volume_warned.anomaly and volume_warned.to_dict()["anomaly"] is True
    assert not other_warned.anomaly
