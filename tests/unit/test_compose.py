"""docker-compose.yml is a valid Compose file with Airflow 3's distributed topology."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TOPOLOGY = {"postgres", "redis", "clickhouse", "minio", "airflow-init", "api-server", "scheduler",
            "dag-processor", "triggerer", "worker-1", "worker-2"}  # fmt: skip


def test_compose_file_validates_and_runs_celery_workers() -> None:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is not installed (scripts/install_system_deps.sh installs it)"
    result = subprocess.run([compose, "-f", str(ROOT / "docker-compose.yml"), "config"],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    services = config["services"]
    assert set(services) == TOPOLOGY
    for name in ("scheduler", "worker-1", "worker-2", "api-server"):
        assert services[name]["environment"]["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
