"""Audit log of the web menu: who generated, deployed, rolled back or triggered what, and the result.

Kept next to the version history, in ``<state_dir>/audit.sqlite3`` (see
:func:`airflow_ai_etl.assistant.default_state_dir`). Rows are only ever appended.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

DB_NAME = "audit.sqlite3"
BUSY_TIMEOUT_S = 30.0
MAX_TEXT = 4000  # a request or detail longer than this is cut (the log is not a data store)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    action     TEXT NOT NULL,
    dag_id     TEXT NOT NULL,
    request    TEXT NOT NULL,
    status     TEXT NOT NULL,
    detail     TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class AuditEntry:
    """One audited action."""

    id: int
    created_at: str
    user: str
    action: str  # generate | check | deploy | rollback | trigger
    dag_id: str
    request: str
    status: str  # ok | needs_clarification | rejected | error | forbidden
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class AuditLog:
    """Append-only SQLite log; a fresh connection per call, so it is safe across threads and workers."""

    def __init__(self, state_dir: str | Path) -> None:
        """:param state_dir: the assistant's state directory (created when missing)."""
        self.state_dir = Path(state_dir).expanduser()
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.state_dir / DB_NAME
        with contextlib.closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    def record(
        self,
        user: str,
        action: str,
        status: str,
        request: str = "",
        dag_id: str = "",
        detail: str | dict[str, Any] | list[Any] = "",
    ) -> int:
        """Append one entry and return its id.

        :param detail: free text, or a JSON-serialisable value (stored as JSON): errors, version, path.
        """
        if not isinstance(detail, str):
            detail = json.dumps(detail, ensure_ascii=False, default=str)
        with contextlib.closing(self._connect()) as conn:
            cursor = conn.execute(
                "INSERT INTO audit (created_at, user_name, action, dag_id, request, status, detail)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    user,
                    action,
                    dag_id or "",
                    (request or "")[:MAX_TEXT],
                    status,
                    detail[:MAX_TEXT],
                ),
            )
            return int(cursor.lastrowid or 0)

    def entries(self, limit: int = 200, offset: int = 0, dag_id: str | None = None) -> list[AuditEntry]:
        """The newest entries first."""
        query = "SELECT id, created_at, user_name, action, dag_id, request, status, detail FROM audit"
        params: list[Any] = []
        if dag_id:
            query += " WHERE dag_id = ?"
            params.append(dag_id)
        query += " ORDER BY id DESC LIMIT ? OFFSET ?"
        params += [max(1, min(limit, 1000)), max(0, offset)]
        with contextlib.closing(self._connect()) as conn:
            rows = conn.execute(query, params).fetchall()
        return [
            AuditEntry(
                id=r["id"],
                created_at=r["created_at"],
                user=r["user_name"],
                action=r["action"],
                dag_id=r["dag_id"],
                request=r["request"],
                status=r["status"],
                detail=r["detail"],
            )
            for r in rows
        ]
