"""The servers a test session starts end with it, however it ends: a pytest killed with SIGKILL (or
an xdist worker dying) runs no teardown, and its PostgreSQL, ClickHouse, moto S3 and Airflow
api-server used to keep running for hours. Each is now started with a parent-death signal (the
postmaster as a direct child, not daemonised by pg_ctl).

A pytest session of its own runs tests/integration/server_probe.py with the real fixtures; once
its servers answer, it is SIGKILLed, and every server process -- with all of its session's
processes (postgres backends, ...) -- must be gone and its ports closed within seconds."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from local_servers import parent_death_preexec

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("server_probe.py")
GONE_WITHIN = 15.0  # seconds; a fast PostgreSQL shutdown and ClickHouse's own take one or two


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state first), or None for no process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _alive_in(leaders: set[int]) -> list[int]:
    """Live processes (zombies are dead) that are a leader or belong to a leader's session."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None or fields[0] == "Z":
            continue
        if int(entry.name) in leaders or int(fields[3]) in leaders:  # fields[3]: the session id
            alive.append(int(entry.name))
    return alive


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.3):
        return True
    return False


def _start_probe(fixtures: list[str], scratch: Path) -> tuple[subprocess.Popen[bytes], Path, Path]:
    out, log = scratch / "started.json", scratch / "probe.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AIRFLOW__", "AIRFLOW_CONN_"))}
    env.update(
        AI_ETL_PROBE_FIXTURES=",".join(fixtures),
        AI_ETL_PROBE_OUT=str(out),
        AIRFLOW_HOME=str(scratch / "airflow-home"),
        TMPDIR=str(scratch),  # what the killed session leaves behind (its servers' data) goes with it
        PYTHONPATH=str(ROOT),
    )
    with open(log, "wb") as log_file:
        probe = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", str(PROBE)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=parent_death_preexec(signal.SIGKILL),  # not left waiting if this test is killed
        )
    return probe, out, log


def _wait_for_servers(probe: subprocess.Popen[bytes], out: Path, log: Path) -> dict[str, Any]:
    deadline = time.monotonic() + 600  # initdb, ClickHouse, moto, api-server on a busy machine
    while not out.exists():
        if probe.poll() is not None or time.monotonic() > deadline:
            probe.kill()
            pytest.fail(f"the probe session never held its servers:\n{log.read_text()[-4000:]}")
        time.sleep(0.2)
    return json.loads(out.read_text())


def _kill_session_and_measure(fixtures: list[str]) -> dict[str, Any]:
    # Not tmp_path: OS user `postgres` cannot enter pytest's 0700 base, and the cluster would move.
    scratch = Path(tempfile.mkdtemp(prefix="ai-etl-kill-test-"))
    scratch.chmod(0o755)
    try:
        return _measure(fixtures, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _measure(fixtures: list[str], scratch: Path) -> dict[str, Any]:
    probe, out, log = _start_probe(fixtures, scratch)
    started = _wait_for_servers(probe, out, log)
    leaders = {server["pid"] for server in started.values()}
    ports = [port for server in started.values() for port in server["ports"]]
    assert _alive_in(leaders), "the servers should be running before the kill"
    assert all(_port_open(port) for port in ports)

    os.kill(probe.pid, signal.SIGKILL)  # no teardown, no atexit: as the OOM killer or `kill -9` does
    probe.wait()
    killed_at = time.monotonic()
    while (_alive_in(leaders) or any(map(_port_open, ports))) and time.monotonic() - killed_at < GONE_WITHIN:
        time.sleep(0.1)
    seconds = time.monotonic() - killed_at
    left = {pid: _cmdline(pid) for pid in _alive_in(leaders)}
    open_ports = [port for port in ports if _port_open(port)]
    for pid in left:  # a failing run leaves nothing running either
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return {"seconds": seconds, "left": left, "open_ports": open_ports, "started": started}


def _cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    return ""


def test_postgres_clickhouse_and_s3_end_with_a_killed_session() -> None:
    result = _kill_session_and_measure(["postgres", "clickhouse", "s3_server"])
    print(f"servers gone {result['seconds']:.1f} s after SIGKILL of the session")
    assert not result["left"], result
    assert not result["open_ports"], result
    assert result["seconds"] < GONE_WITHIN


@pytest.mark.ui
def test_the_airflow_api_server_ends_with_a_killed_session() -> None:
    result = _kill_session_and_measure(["api_server"])
    print(f"api-server gone {result['seconds']:.1f} s after SIGKILL of the session")
    assert not result["left"], result
    assert not result["open_ports"], result
    assert result["seconds"] < GONE_WITHIN
