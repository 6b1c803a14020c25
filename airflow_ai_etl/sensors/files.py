"""Sensor: wait (deferred, no worker slot) until a file the target has not loaded yet appears."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from airflow.sdk import BaseSensorOperator

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.triggers.files import NewFilesTrigger, new_files


class FileWaitError(AIETLError, RuntimeError):
    """The triggerer could not look for new files (the message is the trigger's reason)."""


DEFAULT_POKE_SECONDS = 30.0


class NewFilesSensor(BaseSensorOperator):
    """Succeed as soon as ``path`` holds a file that ``target_table`` has not loaded yet.

    Looks once on the worker; when nothing is new it defers to :class:`NewFilesTrigger`, so the
    wait runs in the triggerer and holds no worker slot. "Loaded" is the per-file registry the
    file loads keep (``_ai_etl_loaded_files``: URI and ETag), so a file is new until it was loaded,
    and a file dropped again unchanged is not new. Generated pipelines put it before the load with
    ``schedule="@continuous"``: wait, load, wait again.

    :param path: ``s3://bucket/prefix/`` (or a glob) or a local / mounted folder (templated).
    :param s3_conn_id: S3 connection for ``s3://`` paths.
    :param target_conn_id: ClickHouse connection of the target.
    :param target_table: ``table`` or ``db.table`` the load writes (templated).
    :param poke_interval: seconds between two looks in the triggerer (default: ``[ai_etl]
        new_files_poke_seconds``, 30).
    :param timeout: seconds to wait before failing (default 7 days; the next run waits again).
    :return: up to 20 new file URIs (XCom).
    """

    template_fields: Sequence[str] = ("path", "target_table")
    ui_color = "#f0eee4"

    def __init__(
        self,
        *,
        path: str,
        target_conn_id: str = "clickhouse_default",
        target_table: str,
        s3_conn_id: str | None = None,
        poke_interval: float | None = None,
        timeout: float = 7 * 24 * 3600,
        **kwargs: Any,
    ) -> None:
        if poke_interval is None:
            from airflow.configuration import conf

            configured = conf.get("ai_etl", "new_files_poke_seconds", fallback="")
            poke_interval = float(configured) if configured else DEFAULT_POKE_SECONDS
        kwargs.setdefault("mode", "reschedule")  # poke() outside a deferral never holds a slot either
        super().__init__(poke_interval=poke_interval, timeout=timeout, **kwargs)
        self.path = path
        self.s3_conn_id = s3_conn_id
        self.target_conn_id = target_conn_id
        self.target_table = target_table

    def poke(self, context: Any) -> bool:
        return bool(new_files(self.path, self.s3_conn_id, self.target_conn_id, self.target_table))

    def execute(self, context: Any) -> list[str]:
        found = new_files(self.path, self.s3_conn_id, self.target_conn_id, self.target_table)
        if found:
            return found[:20]
        self.defer(
            trigger=NewFilesTrigger(
                path=self.path,
                s3_conn_id=self.s3_conn_id,
                target_conn_id=self.target_conn_id,
                target_table=self.target_table,
                poke_interval=self.poke_interval,
            ),
            method_name="execute_complete",
            timeout=timedelta(seconds=self.timeout),
        )
        return []  # unreachable: defer raises

    def execute_complete(self, context: Any, event: dict[str, Any]) -> list[str]:
        """Back from the triggerer: the new files, or the reason it could not look."""
        if event.get("status") != "success":
            raise FileWaitError(event.get("message", f"waiting for files at {self.path} failed"))
        self.log.info("%s new file(s) at %s", event.get("count"), self.path)
        return list(event.get("files", []))
