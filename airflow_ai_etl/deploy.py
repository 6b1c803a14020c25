"""Deploy rendered DAG files into Airflow's dags folder and keep every version.

A deploy is crash safe and keeps the dags folder and the version history in agreement:

1. Under the SQLite write lock (``BEGIN IMMEDIATE``) the current file is checked against the latest
   recorded version, so files written or edited by people are never overwritten without ``force``.
2. An *intent* (the full version about to be recorded) is written durably to ``<state_dir>/pending``.
3. The DAG file is replaced atomically: a hidden temp file in the same directory, fsync, ``os.replace``,
   fsync of the directory. Airflow only ever sees the old file or the new one.
4. The version row is inserted and committed. If that fails, the previous file is put back.

If the process dies between steps 3 and 4 the intent is left behind; the next store that takes the
write lock records it when the file on disk matches it, or drops it when the old file is still there.
Either way the file always equals the latest recorded version.
"""

from __future__ import annotations

import builtins  # DeployStore.list shadows list in the class body's annotations
import contextlib
import difflib
import hashlib
import json
import os
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.messages import msg

__all__ = ["DeployError", "DeployStore", "PipelineSummary", "Version"]

DB_NAME = "history.sqlite3"
PENDING_DIR = "pending"
# Long enough for several processes queueing behind each other's fsyncs.
BUSY_TIMEOUT_S = 30.0
ACTIONS = ("deploy", "rollback")
# Airflow's key characters. Airflow allows 250 of them, but the hidden temp and intent file names
# add up to 44 bytes to the dag_id and most filesystems stop at 255. A leading "." is refused
# separately (hidden files, "..").
MAX_DAG_ID_LENGTH = 200
_DAG_ID = re.compile(rf"^[A-Za-z0-9_.\-]{{1,{MAX_DAG_ID_LENGTH}}}$")
_INTENT_KEYS = ("dag_id", "spec", "source", "request", "user", "created_at", "sha256", "action", "note")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    dag_id     TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    spec       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    request    TEXT    NOT NULL,
    user_name  TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    sha256     TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('deploy', 'rollback')),
    note       TEXT    NOT NULL,
    PRIMARY KEY (dag_id, version)
)
"""
_SELECT = "SELECT dag_id, version, spec, source, request, user_name, created_at, sha256, action, note"


class DeployError(AIETLError):
    """A deploy, rollback or lookup that cannot be done; the message is meant for the end user."""


@dataclass(frozen=True)
class Version:
    """One recorded version of a DAG file."""

    dag_id: str
    version: int
    spec: dict[str, Any]
    source: str
    request: str
    user: str
    created_at: str
    sha256: str
    action: str
    note: str
    path: str


@dataclass(frozen=True)
class PipelineSummary:
    """The latest version of one pipeline plus the state of its file in the dags folder."""

    dag_id: str
    version: int
    path: str
    created_at: str
    user: str
    request: str
    schedule: str | None
    state: str


class DeployStore:
    """Writes DAG files into ``dags_folder`` and keeps their history in ``<state_dir>/history.sqlite3``.

    Safe to use from several threads and processes at once: every write holds the SQLite write lock
    for its whole duration, so version numbers are gap free and ownership checks cannot race.
    """

    def __init__(self, dags_folder: str | Path, state_dir: str | Path) -> None:
        """Open (and create if needed) the store.

        :param dags_folder: Airflow's dags folder; DAG files are written as ``<dags_folder>/<dag_id>.py``.
        :param state_dir: private directory for the history database and pending intents.
        """
        self.dags_folder = Path(dags_folder).expanduser().resolve()
        self.state_dir = Path(state_dir).expanduser().resolve()
        self.db_path = self.state_dir / DB_NAME
        self._pending_dir = self.state_dir / PENDING_DIR
        for directory, what in (
            (self.dags_folder, "the dags folder"),
            (self.state_dir, "the state folder"),
            (self._pending_dir, "the state folder"),
        ):
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DeployError(f"cannot create {what} {directory}: {_reason(exc)}") from exc
        self._init_db()
        if any(self._pending_dir.glob("*.json")):
            self._recover_now()

    # ------------------------------------------------------------------ public API

    def deploy(
        self,
        dag_id: str,
        source: str,
        spec: dict[str, Any],
        request: str = "",
        user: str = "unknown",
        force: bool = False,
    ) -> Version:
        """Write ``source`` as ``<dag_id>.py`` and record it as the next version.

        :param dag_id: the DAG id; also the file name, so only ``[A-Za-z0-9_.-]`` and no leading ".".
        :param source: full text of the DAG file.
        :param spec: the PipelineSpec (JSON-serialisable dict) the file was rendered from.
        :param request: the plain-language request that produced the spec.
        :param user: who deploys, stored with the version.
        :param force: overwrite the file even if it was not written by the assistant or was edited since.
        :return: the new version, or the latest one unchanged when ``source`` is identical to it.
        """
        return self._write_version(dag_id, source, spec, request, user, "deploy", "", force)

    def rollback(self, dag_id: str, version: int, user: str = "unknown", force: bool = False) -> Version:
        """Put the file of an earlier version back, recorded as a new version with action "rollback".

        :param dag_id: the DAG to roll back.
        :param version: the version number whose file (and spec and request) is restored.
        :param user: who rolls back, stored with the new version.
        :param force: overwrite the file even if it was edited outside the assistant.
        """
        target = self.get(dag_id, version)
        note = f"rollback to v{target.version}"
        return self._write_version(
            dag_id, target.source, target.spec, target.request, user, "rollback", note, force
        )

    def list(self) -> list[PipelineSummary]:
        """Latest version of every deployed DAG, sorted by dag_id, with the state of its file."""
        query = f"{_SELECT} FROM versions v WHERE version = "
        query += "(SELECT MAX(version) FROM versions WHERE dag_id = v.dag_id) ORDER BY dag_id"
        with contextlib.closing(self._connect()) as conn:
            latest = [self._version(row) for row in conn.execute(query)]
        return [self._summary(v) for v in latest]

    def history(self, dag_id: str) -> builtins.list[Version]:
        """All versions of ``dag_id``, newest first.

        :param dag_id: the DAG to look up; DeployError if it was never deployed.
        """
        self._dag_path(dag_id)
        with contextlib.closing(self._connect()) as conn:
            rows = conn.execute(f"{_SELECT} FROM versions WHERE dag_id = ? ORDER BY version DESC", (dag_id,))
            versions = [self._version(row) for row in rows]
        if not versions:
            raise DeployError(msg("deploy.never_deployed", dag_id=dag_id))
        return versions

    def get(self, dag_id: str, version: int | None = None) -> Version:
        """One version of ``dag_id``.

        :param dag_id: the DAG to look up.
        :param version: the version number; ``None`` means the latest.
        """
        self._dag_path(dag_id)
        with contextlib.closing(self._connect()) as conn:
            found = self._fetch(conn, dag_id, version)
        if found is None:
            if version is None:
                raise DeployError(msg("deploy.never_deployed", dag_id=dag_id))
            raise DeployError(msg("deploy.no_version", dag_id=dag_id, version=version))
        return found

    def diff(self, dag_id: str, old: int, new: int | None = None) -> str:
        """Unified diff between the files of two versions ("" when they are identical).

        :param dag_id: the DAG to compare.
        :param old: the older version number (the ``a/`` side).
        :param new: the newer version number (the ``b/`` side); ``None`` means the latest.
        """
        before = self.get(dag_id, old)
        after = self.get(dag_id, new)
        lines = difflib.unified_diff(
            _diff_lines(before.source),
            _diff_lines(after.source),
            fromfile=f"a/{dag_id}.py@v{before.version}",
            tofile=f"b/{dag_id}.py@v{after.version}",
        )
        return "".join(lines)

    def pending_diff(self, dag_id: str, source: str) -> tuple[int | None, str]:
        """What deploying ``source`` would change: the deployed version number (None for a new
        DAG) and the unified diff from its file ("" when nothing would change)."""
        try:
            current: Version | None = self.get(dag_id)
        except DeployError:
            current = None
        lines = difflib.unified_diff(
            _diff_lines(current.source if current else ""),
            _diff_lines(source),
            fromfile=f"a/{dag_id}.py@v{current.version}" if current else "/dev/null",
            tofile=f"b/{dag_id}.py (new)",
        )
        return (current.version if current else None), "".join(lines)

    # ------------------------------------------------------------------ the write path

    def _write_version(
        self,
        dag_id: str,
        source: str,
        spec: dict[str, Any],
        request: str,
        user: str,
        action: str,
        note: str,
        force: bool,
    ) -> Version:
        """Shared body of deploy and rollback: check, write the file, record the version."""
        path = self._dag_path(dag_id)
        row = _new_row(dag_id, source, spec, request, user, action, note)
        data = source.encode("utf-8")
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            recovered = self._recover(conn)
            try:
                try:
                    _remove_stale_temps(path)
                    previous = _read_bytes(path)
                except OSError as exc:  # an unreadable folder: say which, not a traceback
                    raise _folder_error(path.parent, exc) from exc
                latest = self._fetch(conn, dag_id, None)
                _check_ownership(path, latest, previous, force)
            except DeployError:
                # Refused before touching the folder; keep what recovery recorded.
                self._commit(conn, recovered)
                raise
            if latest is not None and latest.sha256 == row["sha256"]:
                return self._keep_latest(conn, recovered, latest, path, data, previous)
            return self._install(conn, recovered, row, path, data, previous)
        finally:
            conn.close()

    def _keep_latest(
        self,
        conn: sqlite3.Connection,
        recovered: builtins.list[Path],
        latest: Version,
        path: Path,
        data: bytes,
        previous: bytes | None,
    ) -> Version:
        """Same content as the latest version: no new version, but make sure the file holds it.

        :param previous: current file bytes; differs from ``data`` only if the file was deleted or a
            hand edit is being forced away.
        """
        if previous != data:
            try:
                _atomic_write(path, data)
            except OSError as exc:
                self._commit(conn, recovered)
                raise _folder_error(path.parent, exc) from exc
        self._commit(conn, recovered)
        return latest

    def _install(
        self,
        conn: sqlite3.Connection,
        recovered: builtins.list[Path],
        row: dict[str, Any],
        path: Path,
        data: bytes,
        previous: bytes | None,
    ) -> Version:
        """Write the intent and the file, then record the version; undo the file if recording fails.

        :param previous: file bytes before this deploy (``None``: no file), restored on failure.
        """
        try:
            intent = self._write_intent(row)
        except OSError as exc:
            raise DeployError(f"could not prepare the deploy of {row['dag_id']!r}: {exc}") from exc
        written = False
        try:
            _atomic_write(path, data)
            written = True
            number = self._insert(conn, row)
            conn.execute("COMMIT")
        except BaseException as exc:
            # A failed ROLLBACK must not hide the original error; closing the connection rolls back too.
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if _restore(path, previous):
                # The folder is back as it was, so the intent must not be replayed.
                intent.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not written:  # the file could not be written at all
                raise _folder_error(path.parent, exc) from exc
            if isinstance(exc, Exception):
                raise DeployError(f"could not record the new version of {row['dag_id']!r}: {exc}") from exc
            raise
        for done in (intent, *recovered):
            done.unlink(missing_ok=True)
        return self._version({**row, "version": number, "user_name": row["user"]})

    def _commit(self, conn: sqlite3.Connection, recovered: builtins.list[Path]) -> None:
        """Commit and drop the intents that recovery has now settled."""
        conn.execute("COMMIT")
        for done in recovered:
            done.unlink(missing_ok=True)

    # ------------------------------------------------------------------ crash recovery

    def _write_intent(self, row: dict[str, Any]) -> Path:
        """Durably record what is about to be deployed, before the DAG file is touched."""
        intent = self._pending_dir / f"{row['dag_id']}.{secrets.token_hex(8)}.json"
        _atomic_write(intent, json.dumps(row, ensure_ascii=False).encode("utf-8"))
        return intent

    def _intent_files(self) -> builtins.list[Path]:
        """Intents left by writers; sorted oldest first so replays keep the original order."""
        found = []
        for intent in self._pending_dir.glob("*.json"):
            # A writer that just committed may delete its intent while we look.
            with contextlib.suppress(FileNotFoundError):
                found.append((intent.stat().st_mtime_ns, intent.name, intent))
        return [intent for _, _, intent in sorted(found)]

    def _recover_now(self) -> None:
        """Settle leftover intents in a transaction of their own (used when opening the store)."""
        with contextlib.closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                recovered = self._recover(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            self._commit(conn, recovered)

    def _recover(self, conn: sqlite3.Connection) -> builtins.list[Path]:
        """Record deploys that died after their file was in place; return the intents handled.

        Must run under the write lock: every live writer holds it while its intent exists, so any
        intent seen here belongs to a writer that died or has already committed.
        """
        for stale in self._pending_dir.glob(".*.tmp"):
            stale.unlink(missing_ok=True)
        handled = []
        for intent in self._intent_files():
            row = _read_intent(intent)
            if row is not None and self._needs_replay(conn, row):
                self._insert(conn, row)
            handled.append(intent)
        return handled

    def _needs_replay(self, conn: sqlite3.Connection, row: dict[str, Any]) -> bool:
        """True when the intent's file is on disk but is not the latest recorded version yet."""
        try:
            path = self._dag_path(row["dag_id"])
        except DeployError:
            return False
        current = _read_bytes(path)
        if current is None or _sha256(current) != row["sha256"]:
            return False
        latest = self._fetch(conn, row["dag_id"], None)
        return latest is None or latest.sha256 != row["sha256"]

    # ------------------------------------------------------------------ database

    def _connect(self) -> sqlite3.Connection:
        """A fresh connection per operation, so the store is safe across threads and forks."""
        # isolation_level=None: we issue BEGIN IMMEDIATE / COMMIT ourselves.
        conn = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        # FULL: a committed version survives power loss, not just a process crash.
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _init_db(self) -> None:
        """Create the schema and switch the database to WAL (persistent, readers never block writers)."""
        with contextlib.closing(self._connect()) as conn:
            _switch_to_wal(conn)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_SCHEMA)
            conn.execute("COMMIT")

    def _insert(self, conn: sqlite3.Connection, row: dict[str, Any]) -> int:
        """Insert ``row`` as the next version of its DAG; the caller holds the write lock."""
        (number,) = conn.execute(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE dag_id = ?", (row["dag_id"],)
        ).fetchone()
        conn.execute(
            "INSERT INTO versions (dag_id, version, spec, source, request, user_name, created_at, sha256,"
            " action, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row["dag_id"],
                number,
                row["spec"],
                row["source"],
                row["request"],
                row["user"],
                row["created_at"],
                row["sha256"],
                row["action"],
                row["note"],
            ),
        )
        return int(number)

    def _fetch(self, conn: sqlite3.Connection, dag_id: str, version: int | None) -> Version | None:
        """One version (``None``: the latest) or ``None`` when it does not exist."""
        if version is None:
            query = f"{_SELECT} FROM versions WHERE dag_id = ? ORDER BY version DESC LIMIT 1"
            row = conn.execute(query, (dag_id,)).fetchone()
        else:
            query = f"{_SELECT} FROM versions WHERE dag_id = ? AND version = ?"
            row = conn.execute(query, (dag_id, version)).fetchone()
        return None if row is None else self._version(row)

    def _version(self, row: sqlite3.Row | dict[str, Any]) -> Version:
        """Build a Version from a database row (or an inserted row dict)."""
        return Version(
            dag_id=row["dag_id"],
            version=int(row["version"]),
            spec=json.loads(row["spec"]),
            source=row["source"],
            request=row["request"],
            user=row["user_name"],
            created_at=row["created_at"],
            sha256=row["sha256"],
            action=row["action"],
            note=row["note"],
            path=str(self._dag_path(row["dag_id"])),
        )

    def _summary(self, version: Version) -> PipelineSummary:
        """Summarise the latest version and compare it with the file actually in the dags folder."""
        current = _read_bytes(Path(version.path))
        if current is None:
            state = "missing"
        elif _sha256(current) != version.sha256:
            state = "modified"
        else:
            state = "ok"
        schedule = version.spec.get("schedule")
        if version.spec.get("on_new_files"):
            schedule = "on new files"
        elif version.spec.get("schedule_assets"):
            schedule = "after " + ", ".join(map(str, version.spec["schedule_assets"]))
        return PipelineSummary(
            dag_id=version.dag_id,
            version=version.version,
            path=version.path,
            created_at=version.created_at,
            user=version.user,
            request=version.request,
            schedule=schedule if isinstance(schedule, str) else None,
            state=state,
        )

    def _dag_path(self, dag_id: str) -> Path:
        """Validate ``dag_id`` and return the absolute path of its file inside the dags folder."""
        if not isinstance(dag_id, str) or not _DAG_ID.fullmatch(dag_id) or dag_id.startswith("."):
            raise DeployError(
                f"invalid dag_id {dag_id!r}: use 1-{MAX_DAG_ID_LENGTH} letters, digits, '_', '.', '-'"
                " (not starting with '.')"
            )
        path = self.dags_folder / f"{dag_id}.py"
        # Belt and braces: the pattern already rules out separators, but never write outside the folder.
        if path.parent != self.dags_folder:
            raise DeployError(f"invalid dag_id {dag_id!r}: it would leave the dags folder")
        return path


# ---------------------------------------------------------------------- helpers


def _new_row(
    dag_id: str, source: str, spec: dict[str, Any], request: str, user: str, action: str, note: str
) -> dict[str, Any]:
    """Validate the inputs of a write and build the row (also the intent) to record."""
    if action not in ACTIONS:
        raise DeployError(f"unknown action {action!r}")
    if not isinstance(source, str):
        raise DeployError("the DAG source must be text")
    if not isinstance(spec, dict):
        raise DeployError("the spec must be a dict")
    try:
        spec_json = json.dumps(spec, sort_keys=True, ensure_ascii=False)
        digest = _sha256(source.encode("utf-8"))
    except (TypeError, ValueError) as exc:
        raise DeployError(f"cannot store this version of {dag_id!r}: {exc}") from exc
    return {
        "dag_id": dag_id,
        "spec": spec_json,
        "source": source,
        "request": str(request),
        "user": str(user),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sha256": digest,
        "action": action,
        "note": note,
    }


def _check_ownership(path: Path, latest: Version | None, current: bytes | None, force: bool) -> None:
    """Refuse to overwrite a file the assistant did not write, unless forced."""
    if current is None or force:
        return
    if latest is None:
        raise DeployError(msg("deploy.foreign_file", path=path))
    if _sha256(current) != latest.sha256:
        raise DeployError(msg("deploy.hand_edited", path=path, version=latest.version))


def _read_intent(intent: Path) -> dict[str, Any] | None:
    """Load an intent file; ``None`` if it is unreadable (it is then simply discarded)."""
    try:
        row = json.loads(intent.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(row, dict) or any(key not in row for key in _INTENT_KEYS):
        return None
    if row["action"] not in ACTIONS:
        return None
    return row


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    """File contents, or ``None`` when there is no file."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _reason(exc: OSError) -> str:
    """`permission denied`, `read-only file system`, ...: the OS's words without the errno noise."""
    return (exc.strerror or str(exc)).lower()


def _folder_error(directory: Path, exc: OSError) -> DeployError:
    return DeployError(
        f"cannot write DAG files into {directory}: {_reason(exc)}; make the folder writable for the "
        "user running the assistant, or choose another one ([core] dags_folder, --dags-folder)"
    )


def _temp_name(path: Path) -> Path:
    """Hidden sibling of ``path``: same filesystem for os.replace, and Airflow skips it (no .py)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files of ``path`` left by crashed writers; the caller holds the write lock."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]+\.tmp")
    for entry in os.scandir(path.parent):
        if pattern.fullmatch(entry.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers and crashes only ever see old or new contents."""
    tmp = _temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in ``directory`` durable (a no-op where directories cannot be opened)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _restore(path: Path, previous: bytes | None) -> bool:
    """Put ``path`` back to ``previous`` (``None``: remove it). Return False if that failed too."""
    try:
        if previous is None:
            path.unlink(missing_ok=True)
            _fsync_dir(path.parent)
        else:
            _atomic_write(path, previous)
    except OSError:
        return False
    return True


def _diff_lines(text: str) -> list[str]:
    """Lines for difflib, marking a missing final newline the way git does."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Put the database in WAL mode. SQLite answers a journal-mode change that races another first opener
    with "database is locked" at once, without waiting out busy_timeout, so retry until BUSY_TIMEOUT_S."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
