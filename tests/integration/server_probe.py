"""Not collected on its own (no ``test_`` prefix): tests/integration/test_servers_die_with_session.py
runs it in a pytest session of its own, then kills that session.

The one test asks for the session fixtures named in ``AI_ETL_PROBE_FIXTURES`` (comma separated; the
real ones from tests/conftest.py and tests/s3_server.py, plus ``api_server``: the tests' Airflow
api-server, started as tests/ui/ starts it), writes what they started -- the server processes and
their ports -- as JSON to ``AI_ETL_PROBE_OUT``, and then waits to be killed."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.airflow_server import AirflowServer

pytest_plugins = ["tests.s3_server"]


@pytest.fixture(scope="session")
def api_server(migrated_airflow_db: Path) -> Iterator[AirflowServer]:
    home = Path(tempfile.mkdtemp(prefix="ai-etl-probe-ui-"))
    server = AirflowServer.create(home, migrated_db=migrated_airflow_db)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(home, ignore_errors=True)


def _started(name: str, server: Any) -> dict[str, Any]:
    """The process the fixture started (the leader of its own session, but for moto) and its ports."""
    if name == "postgres":
        return {"pid": server._proc.pid, "ports": [server.port]}
    if name == "clickhouse":
        return {"pid": server.pid, "ports": [server.tcp_port, server.http_port]}
    if name == "s3_server":
        return {"pid": server.proc.pid, "ports": [server.port]}
    if name == "api_server":
        return {"pid": server.process.pid, "ports": [server.port]}
    raise ValueError(name)


def test_hold_the_servers_until_killed(request: pytest.FixtureRequest) -> None:
    names = os.environ["AI_ETL_PROBE_FIXTURES"].split(",")
    started = {name: _started(name, request.getfixturevalue(name)) for name in names}
    out = Path(os.environ["AI_ETL_PROBE_OUT"])
    out.with_suffix(".tmp").write_text(json.dumps(started))
    out.with_suffix(".tmp").rename(out)  # whole, or not there yet
    time.sleep(600)
