"""`make demo` leaves `.demo/env.sh`: sourcing it gives a shell the demo's Airflow and connections."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _demo_module():
    spec = importlib.util.spec_from_file_location("ai_etl_demo_script", ROOT / "scripts" / "demo.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_env_file_gives_a_shell_the_demo_environment(tmp_path: Path) -> None:
    demo = _demo_module()
    env = {
        "AIRFLOW_HOME": str(tmp_path / "a home with spaces"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(tmp_path / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": "postgresql://postgres@127.0.0.1:5432/shop",
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": "clickhouse://default@127.0.0.1:9000/default?http_port=8123&x='1'",
        "SECRET_FROM_THE_CALLER": "not written",
    }
    venv_bin = tmp_path / "venv bin"
    venv_bin.mkdir()
    (venv_bin / "airflow").write_text("#!/bin/sh\necho demo-airflow\n")
    (venv_bin / "airflow").chmod(0o755)
    env_file = tmp_path / "env.sh"
    demo.write_env_file(env_file, env, venv_bin)

    assert "SECRET_FROM_THE_CALLER" not in env_file.read_text()
    keys = list(demo.ENV_FILE_KEYS)
    shown = subprocess.run(
        ["bash", "-c", f'. "$0" && for k in {" ".join(keys)}; do printf "%s\\n" "${{!k}}"; done && airflow',
         str(env_file)],
        env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    assert shown.stdout.splitlines() == [env[key] for key in keys] + ["demo-airflow"]


def test_env_file_keys_are_what_the_demo_sets() -> None:
    """Every variable the demo gives its airflow commands is in the file (a new one is not forgotten)."""
    source = (ROOT / "scripts" / "demo.py").read_text(encoding="utf-8")
    block = source.split("env = {\n        **os.environ,", 1)[1].split("}", 1)[0]
    set_keys = [line.strip().split('"')[1] for line in block.splitlines() if line.strip()]
    assert set_keys == list(_demo_module().ENV_FILE_KEYS)
