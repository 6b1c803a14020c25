"""Failures a user meets in `airflow ai-etl catalog` read as one line, not a server's stack trace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

AIRFLOW = str(Path(sys.executable).parent / "airflow")


def test_a_wrong_clickhouse_password_is_one_line_in_catalog(clickhouse, tmp_path) -> None:
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_CH_BAD": f"clickhouse://default:wrong@127.0.0.1:{clickhouse.tcp_port}/default",
    }
    result = subprocess.run(
        [AIRFLOW, "ai-etl", "catalog", "--conn-id", "ch_bad"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert "Stack trace" not in output and "Traceback" not in output, output
    lines = [line for line in result.stdout.splitlines() if "cannot read tables" in line]
    assert len(lines) == 1, result.stdout
    line = lines[0]
    assert f"ch_bad (127.0.0.1:{clickhouse.tcp_port})" in line, line
    assert "ClickHouse error 193" in line or "ClickHouse error 516" in line, line
    assert "password" in line.lower(), line
    assert len(line) < 400, line
