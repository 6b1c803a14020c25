"""Shared fixtures: private PostgreSQL and ClickHouse servers for integration tests.

* ``postgres`` (session): a :class:`local_servers.PostgresServer` on a free port.
* ``clickhouse`` (session): a :class:`local_servers.ClickHouseServer` on free ports.
* ``shop_db`` (function): a fresh PostgreSQL database ``shop`` loaded from
  ``tests/fixtures/shop.sql`` (copied from a template loaded once per session); returns its URI.
* ``ch_database`` (function): a fresh, empty ClickHouse database; returns its name.
* ``migrated_airflow_db`` (session): an Airflow metadata DB (SQLite file) made by a real
  ``airflow db migrate`` once per session; ``copy_migrated_db(template, home)`` (tests/airflow_meta.py)
  leaves a test's AIRFLOW_HOME as the migration would, without migrating again (seconds of CPU each).
* ``airflow_pg_meta_template`` (session): the same for a PostgreSQL metadata DB: a database migrated
  once, which ``clone_pg_meta`` copies with ``CREATE DATABASE ... TEMPLATE`` for one test.
* ``_import_gate_remembers_good_files`` (session, autouse): the Assistant's gate 4 imports each
  distinct DAG file in a real DagBag subprocess (~3 s of CPU); the same file text, in the same
  import environment, that imported cleanly before is not imported again in this session.

The servers start lazily (only when an integration test asks for them) and stop at session end.
They also end with this process when it is killed and runs no teardown (SIGKILL, a dying xdist
worker): each is its child with a parent-death signal (``die_with_parent``; PostgreSQL's
postmaster runs in the foreground, not daemonised by pg_ctl). tests/s3_server.py and
tests/ui/airflow_server.py do the same for moto and the api-server
(tests/integration/test_servers_die_with_session.py kills a session and checks).

Under pytest-xdist (``make test`` runs ``-n 2 --dist loadfile``) every worker is its own session:
its own servers (free ports, own directories), migrated databases, ``tmp_path`` and AIRFLOW_HOME, so
two workers share nothing but the checkout. Whole files go to one worker, all of tests/ui/ to one
(one api-server and one browser per run).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOP_SQL = ROOT / "tests" / "fixtures" / "shop.sql"
# The package is used from the checkout; scripts/ is not a package, so add it for local_servers.
for p in (ROOT, ROOT / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from local_servers import (  # noqa: E402
    ClickHouseServer,
    PostgresServer,
    ServerError,
    pg_dir_for,
    start_clickhouse,
    start_postgres,
)

from tests.airflow_meta import migrate  # noqa: E402

T = TypeVar("T")

XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... under pytest-xdist, else None


def _own_airflow_home_per_worker() -> Path | None:
    """Give this xdist worker an AIRFLOW_HOME of its own, before anything imports Airflow.

    Airflow keeps state there by default: its logs, the dags folder and the Assistant's version
    history (SQLite), and an ``airflow`` command run with the inherited home writes ``airflow.cfg``
    (a new fernet key) when it is missing, as on a fresh CI machine: two workers doing that in one
    home at once could read each other's half-written file. Tests that need a home of their own
    still make one; the caller's AIRFLOW_HOME is left to a serial run."""
    if XDIST_WORKER is None:
        return None
    home = Path(tempfile.mkdtemp(prefix=f"ai-etl-airflow-home-{XDIST_WORKER}-"))
    os.environ["AIRFLOW_HOME"] = str(home)
    return home


WORKER_AIRFLOW_HOME = _own_airflow_home_per_worker()


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Not pytest_unconfigure: xdist may end a worker's process before that runs.
    if WORKER_AIRFLOW_HOME is not None:
        shutil.rmtree(WORKER_AIRFLOW_HOME, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: unknown (and unused) without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile``, with all of tests/ui/ as one unit: its session fixtures (an api-server
    with four users, a browser) then start once per run instead of once per worker."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class UiTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "tests/ui" if scope.startswith("tests/ui/") else scope

    return UiTogether(config, log)


def _sigterm_to_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def servers_dir() -> Iterator[Path]:
    """Base directory of the session's servers.

    Not pytest's tmp_path: that lives under a 0700 directory the ``postgres`` OS user cannot enter.
    """
    path = Path(tempfile.mkdtemp(prefix="ai-etl-servers-"))
    path.chmod(0o755)
    pg_home = pg_dir_for(path).parent  # elsewhere when TMPDIR is a folder `postgres` cannot reach
    yield path
    if not os.environ.get("AI_ETL_KEEP_SERVERS_DIR"):
        shutil.rmtree(path, ignore_errors=True)
        shutil.rmtree(pg_home, ignore_errors=True)


def _on_free_ports(start: Callable[[], T], attempts: int = 3) -> T:
    """``start()`` again (it picks new free ports) when the port it picked was taken before its
    server bound it: a free port is only free when asked, and another xdist worker, or another test
    run on the machine, may start a server of its own in between."""
    for attempt in range(1, attempts + 1):
        try:
            return start()
        except ServerError as error:
            if attempt == attempts or "already in use" not in str(error).lower():
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def postgres(servers_dir: Path) -> Iterator[PostgresServer]:
    """A private PostgreSQL 15 server (trust auth, 127.0.0.1, free port) for the whole session."""
    server = _on_free_ports(lambda: start_postgres(servers_dir, die_with_parent=True))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def clickhouse(servers_dir: Path) -> Iterator[ClickHouseServer]:
    """A private ClickHouse server (user ``default``, no password, free ports) for the whole session."""
    server = _on_free_ports(lambda: start_clickhouse(servers_dir, die_with_parent=True))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _shop_template(postgres: PostgresServer) -> str:
    postgres.create_database("shop_template", drop_existing=True)
    postgres.execute(SHOP_SQL.read_text(), dbname="shop_template")
    return "shop_template"


@pytest.fixture
def shop_db(postgres: PostgresServer, _shop_template: str) -> str:
    """A fresh ``shop`` database (tests may change it) with the fixture data; returns its URI."""
    postgres.execute("DROP DATABASE IF EXISTS shop WITH (FORCE)")
    postgres.execute(f"CREATE DATABASE shop TEMPLATE {_shop_template}")
    return postgres.uri("shop")


@pytest.fixture
def ch_database(clickhouse: ClickHouseServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty ClickHouse database named after the test; dropped afterwards."""
    name = "t_" + re.sub(r"\W+", "_", request.node.name)[:60].strip("_").lower()
    client = clickhouse.client()
    client.execute(f"DROP DATABASE IF EXISTS `{name}`")
    client.execute(f"CREATE DATABASE `{name}`")
    yield name
    client.execute(f"DROP DATABASE IF EXISTS `{name}`")
    client.disconnect()


@pytest.fixture
def local_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Allow local files under ``tmp_path`` (``[ai_etl] file_roots``); returns ``tmp_path``."""
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def migrated_airflow_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ``airflow.db`` migrated once per session (the schema holds no path of its home)."""
    home = tmp_path_factory.mktemp("migrated_airflow_home")
    migrate(home, f"sqlite:///{home / 'airflow.db'}")
    return home / "airflow.db"


@pytest.fixture(scope="session")
def airflow_pg_meta_template(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PostgreSQL database migrated as an Airflow metadata DB once per session; returns its name."""
    name = "airflow_meta_template"
    postgres.create_database(name, drop_existing=True)
    home = tmp_path_factory.mktemp("migrated_pg_airflow_home")
    migrate(home, postgres.uri(name).replace("postgresql://", "postgresql+psycopg2://"))
    return name


def _remembering_good_imports(check_imports: Callable[..., Any]) -> Callable[..., Any]:
    """``check_imports`` that skips the DagBag subprocess for a call it already answered with no
    problem at all: same files, same expected tasks, same timeout and the same environment the
    subprocess would get. Any call with a problem (a failed import, a timeout) is never remembered,
    so every failure a test sees comes from a real import."""
    from airflow_ai_etl.validation import import_environment

    clean: set[tuple] = set()

    def check(files: dict[str, str], expected_tasks: dict[str, list[str]], **kwargs: Any) -> Any:
        key = (
            tuple(sorted(files.items())),
            tuple(sorted((dag_id, tuple(tasks)) for dag_id, tasks in expected_tasks.items())),
            tuple(sorted(kwargs.items())),
            tuple(sorted(import_environment().items())),
        )
        if key in clean:
            return {dag_id: [] for dag_id in files}
        results = check_imports(files, expected_tasks, **kwargs)
        if not any(results.values()):
            clean.add(key)
        return results

    return check


@pytest.fixture(scope="session", autouse=True)
def _import_gate_remembers_good_files() -> Iterator[None]:
    from airflow_ai_etl import assistant

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assistant, "check_imports", _remembering_good_imports(assistant.check_imports))
        yield
