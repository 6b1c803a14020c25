"""A real local S3 server for tests: moto in server mode, in a subprocess, on 127.0.0.1.

Use it as a pytest plugin from a test module (``pytest_plugins = ["tests.s3_server"]``):

* ``s3_server`` (session): the running :class:`MotoServer` (``endpoint_url``, ``client()``);
* ``s3_conn`` (function): connection id ``s3_test`` (Airflow ``aws`` connection fields, set through
  ``AIRFLOW_CONN_S3_TEST``) pointing at that server.

Or from Python: ``server = start_moto(); ...; server.stop()``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from local_servers import parent_death_preexec

ACCESS_KEY, SECRET_KEY, REGION = "testing-key", "testing-secret", "us-east-1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class MotoServer:
    """A moto S3 server process listening on ``127.0.0.1:port``."""

    port: int
    proc: subprocess.Popen[bytes]
    log_file: Path

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self) -> Any:
        """A boto3 S3 client for this server."""
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}),
        )

    def connection_json(self) -> str:
        """The Airflow connection (``aws`` fields) as the JSON an ``AIRFLOW_CONN_*`` variable takes."""
        return json.dumps(
            {
                "conn_type": "aws",
                "login": ACCESS_KEY,
                "password": SECRET_KEY,
                "extra": {"endpoint_url": self.endpoint_url, "region_name": REGION},
            }
        )

    def stop(self) -> None:
        """Terminate the process we started (SIGTERM, then SIGKILL)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_moto(timeout: float = 30) -> MotoServer:
    """Start ``python -m moto.server -H 127.0.0.1 -p <free port>`` and wait until S3 answers."""
    port = _free_port()
    log_file = Path(tempfile.mkstemp(prefix="moto-", suffix=".log")[1])
    with open(log_file, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=parent_death_preexec(),  # ends with the test session, even a killed one
        )
    server = MotoServer(port, proc, log_file)
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"moto server exited ({proc.returncode}):\n{log_file.read_text()[-3000:]}")
        try:
            server.client().list_buckets()
            return server
        except Exception as e:  # noqa: BLE001 - not ready yet
            last = e
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"moto server on port {port} not answering after {timeout}s ({last})")


@pytest.fixture(scope="session")
def s3_server() -> Iterator[MotoServer]:
    """A moto S3 server (subprocess, loopback, free port) for the whole session."""
    server = start_moto()
    yield server
    server.stop()
    server.log_file.unlink(missing_ok=True)


@pytest.fixture
def s3_conn(s3_server: MotoServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """Connection id ``s3_test`` for the test S3 server."""
    monkeypatch.setenv("AIRFLOW_CONN_S3_TEST", s3_server.connection_json())
    return "s3_test"
