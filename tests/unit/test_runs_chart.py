"""The one-line charts of `airflow ai-etl runs`."""

from __future__ import annotations

from airflow_ai_etl.quality.runs import CheckResult, RunRecord, sparkline


def test_sparkline_scales_to_the_largest_and_marks_missing_values():
    assert sparkline([0, 50, 100]) == " ▄█"
    assert sparkline([10, None, 10]) == "█·█"
    assert sparkline([]) == "" and sparkline([None]) == "·"


def test_failed_checks_count_warnings_and_failures():
    record = RunRecord("r", "success", "", "", "", 1.0, 5, [
        CheckResult("check_table", "success", True),
        CheckResult("check_table_warn", "success", False, "freshness"),
        CheckResult("check_columns", "failed", None),
    ])  # fmt: skip
    assert record.checks_failed == 2 and record.to_dict()["checks_failed"] == 2
