"""A real ``airflow api-server`` with the FAB auth manager, in a throw-away AIRFLOW_HOME, on loopback.

Used by the browser tests and the screenshot script::

    server = AirflowServer.create(home, connections={"pg_shop": "postgresql://..."})
    server.create_user("admin", "Admin")
    server.start()          # waits until the UI answers
    ...
    server.stop()
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from local_servers import parent_death_preexec

FAB_AUTH_MANAGER = "airflow.providers.fab.auth_manager.fab_auth_manager.FabAuthManager"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class AirflowServer:
    """One api-server process and the environment every ``airflow`` command of the test shares."""

    home: Path
    port: int
    env: dict[str, str]
    process: subprocess.Popen | None = None
    log_path: Path = field(init=False)
    roles_granted: list[dict[str, str]] = field(default_factory=list)  # what `airflow ai-etl roles` granted

    def __post_init__(self) -> None:
        self.log_path = self.home / "api-server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def dags_folder(self) -> Path:
        return self.home / "dags"

    @property
    def state_dir(self) -> Path:
        return self.home / "ai_etl"

    @classmethod
    def create(
        cls,
        home: Path,
        connections: dict[str, str] | None = None,
        extra_env: dict[str, str] | None = None,
        migrated_db: Path | None = None,
    ) -> AirflowServer:
        """Make the directories, migrate the metadata DB (SQLite), return the server (not started).

        :param connections: conn_id -> URI, given to Airflow as ``AIRFLOW_CONN_*`` variables.
        :param extra_env: more environment, e.g. ``AIRFLOW__AI_ETL__CATALOG_FILE``.
        :param migrated_db: an ``airflow.db`` that ``airflow db migrate`` already wrote (the tests'
            session template): copied instead of migrating again.
        """
        home = Path(home).resolve()
        for sub in ("dags", "plugins", "ai_etl", "logs"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW__", "AIRFLOW_CONN_"))}
        env.update(
            {
                "AIRFLOW_HOME": str(home),
                "AIRFLOW__CORE__AUTH_MANAGER": FAB_AUTH_MANAGER,
                "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
                "AIRFLOW__CORE__PLUGINS_FOLDER": str(home / "plugins"),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
                "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
                "AIRFLOW__API__WORKERS": "1",
                "AIRFLOW__API__SECRET_KEY": "ai-etl-ui-tests-secret",
                "AIRFLOW__API_AUTH__JWT_SECRET": "ai-etl-ui-tests-jwt-secret",
                "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(home / "logs"),
                "AIRFLOW__AI_ETL__STATE_DIR": str(home / "ai_etl"),
                # The tests log in many users within seconds; FAB's default allows 5 per 40 s.
                "AIRFLOW__FAB__AUTH_RATE_LIMITED": "False",
                "PYTHONWARNINGS": "ignore",
            }
        )
        for conn_id, uri in (connections or {}).items():
            env[f"AIRFLOW_CONN_{conn_id.upper()}"] = uri
        env.update(extra_env or {})
        server = cls(home=home, port=port, env=env)
        if migrated_db is not None:
            from tests.airflow_meta import copy_migrated_db

            copy_migrated_db(migrated_db, home)
        else:
            server.airflow("db", "migrate")
        return server

    def airflow(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        """Run an ``airflow`` CLI command in this server's environment; raise with its output on failure."""
        result = subprocess.run(
            [sys.executable, "-m", "airflow", *args],
            env=self.env,
            cwd=self.home,  # not the checkout: a stale *.egg-info there would register the plugin twice
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"airflow {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}"
            )
        return result

    def create_user(self, username: str, role: str, password: str | None = None) -> None:
        """``airflow users create`` with the given FAB role (password defaults to the username)."""
        self.airflow(
            "users", "create", "-u", username, "-p", password or username, "-r", role,
            "-f", username.title(), "-l", "Tester", "-e", f"{username}@example.com",
        )  # fmt: skip

    def start(self, timeout: float = 90, attempts: int = 3) -> None:
        """Start ``airflow api-server`` on 127.0.0.1 and wait until the login page answers.

        The port picked free may be taken before the server binds it (another xdist worker or test
        run starting a server of its own): then the server starts again on a new free port."""
        for attempt in range(1, attempts + 1):
            try:
                return self._start_once(timeout)
            except RuntimeError:
                if attempt == attempts or "address already in use" not in self.log_tail().lower():
                    raise
                self.port = free_port()
                self.env["AIRFLOW__API__BASE_URL"] = self.url

    def _start_once(self, timeout: float) -> None:
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [sys.executable, "-m", "airflow", "api-server", "-p", str(self.port), "--host", "127.0.0.1"],
            env=self.env,
            cwd=self.home,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # Ends with the test session, even a killed one: SIGKILL, as its graceful shutdown takes
            # seconds and it keeps nothing (a throw-away home) that a clean stop would save.
            preexec_fn=parent_death_preexec(signal.SIGKILL),
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"api-server exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                with urllib.request.urlopen(f"{self.url}/auth/login/", timeout=2) as response:
                    if response.status == 200:
                        return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"api-server not ready after {timeout}s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the api-server (its whole process group: uvicorn runs workers as children)."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=5)  # uvicorn waits for idle keep-alive connections
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
