"""Airflow metadata databases for tests, migrated once per session (fixtures in tests/conftest.py).

``airflow db migrate`` costs seconds of CPU each time; the schema it writes holds nothing of the
AIRFLOW_HOME it ran in, so a test gets a copy of a database migrated once instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

AIRFLOW = str(Path(sys.executable).parent / "airflow")


def migrate(home: Path, sql_alchemy_conn: str) -> None:
    """A real ``airflow db migrate`` of ``sql_alchemy_conn`` in the throw-away AIRFLOW_HOME ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW__", "AIRFLOW_CONN_"))}
    env.update(
        {
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": sql_alchemy_conn,
        }
    )
    migrated = subprocess.run(
        [AIRFLOW, "db", "migrate"], env=env, capture_output=True, text=True, timeout=600, cwd=home
    )
    assert migrated.returncode == 0, migrated.stdout[-2000:] + migrated.stderr[-3000:]


def copy_migrated_db(template: Path, home: Path) -> Path:
    """Leave the AIRFLOW_HOME ``home`` as ``airflow db migrate`` leaves it: a copy of the migrated
    SQLite ``template`` where Airflow keeps its DB by default (``sqlite:///{home}/airflow.db``), and
    the ``airflow.cfg`` the migration wrote, its paths moved to ``home`` (without it, the next
    command would write one and say so on stdout). Returns the DB's path."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "logs").mkdir(exist_ok=True)
    config = home / "airflow.cfg"
    if not config.exists():
        text = (template.parent / "airflow.cfg").read_text(encoding="utf-8")
        config.write_text(text.replace(str(template.parent), str(home)), encoding="utf-8")
        config.chmod(0o600)
    return Path(shutil.copyfile(template, home / "airflow.db"))


def clone_pg_meta(postgres: Any, template: str, name: str) -> str:
    """A fresh PostgreSQL database ``name`` copied from the migrated ``template``; returns its URI."""
    postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return str(postgres.uri(name))
