"""A dags folder the assistant cannot write gives one clear line naming the folder, not an OSError
traceback, and nothing is recorded as deployed.

Run as root (the test machine), file modes do not bind; the CLI then runs without
CAP_DAC_OVERRIDE (setpriv), so a read-only folder is read-only for it as for an ordinary user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.catalogs import shop_catalog

AIRFLOW = str(Path(sys.executable).parent / "airflow")
REQUEST = "Load sales from PostgreSQL to ClickHouse daily at 2 AM"


def as_ordinary_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "catalog.json").write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    return tmp_path


def generate(home: Path, dags_folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    return subprocess.run(
        [*as_ordinary_user(), AIRFLOW, "ai-etl", "generate", REQUEST, "--deploy",
         "--catalog", str(home / "catalog.json"), "--dags-folder", str(dags_folder)],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("layout", ["read-only dags folder", "dags folder under a read-only parent"])
def test_an_unwritable_dags_folder_is_named_in_one_line(home: Path, layout: str) -> None:
    locked = home / "locked"
    locked.mkdir()
    dags = locked if layout == "read-only dags folder" else locked / "dags"
    locked.chmod(0o555)
    try:
        result = generate(home, dags)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "OSError" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    verb = "write DAG files into" if layout == "read-only dags folder" else "create the dags folder"
    assert errors == [errors[0]] and f"cannot {verb} {dags}: permission denied" in errors[0], result.stderr
    assert not list(locked.rglob("*.py")) and not list(locked.glob(".*.tmp"))
