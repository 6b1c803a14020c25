"""Trigger: wait in the triggerer until a file the target has not loaded yet appears.

Why a deferrable sensor (this trigger) and not an asset watcher: Airflow 3.3's asset watchers run
``BaseEventTrigger`` subclasses that must not re-fire for the same event, and the only file watchers
shipped (``FileDeleteTrigger``, ``DirectoryFileDeleteTrigger`` in the standard provider) delete the
file they saw - the load would have nothing to read. "New" here means "not in the target's loaded
files registry" (``_ai_etl_loaded_files``, the one the load itself writes), which only the load
changes: a sensor that waits, then the load, then (``@continuous``) the next wait never fires twice
for one file, needs no state of its own, and while it waits the task is DEFERRED - it holds no
worker slot, only a coroutine in the triggerer.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from airflow.triggers.base import BaseTrigger, TriggerEvent

# How many new file URIs an event carries (the load reads the folder itself; these are for the log).
MAX_LISTED = 20


def new_files(path: str, s3_conn_id: str | None, target_conn_id: str, target_table: str) -> list[str]:
    """URIs of the files at ``path`` (S3 prefix/glob or local folder/glob) that ``target_table``
    has not loaded yet (by URI and ETag, or size and mtime for a local file), sorted.

    A missing registry means nothing was loaded: every file is new; so does a missing target, or an
    empty one the registry says holds rows (dropped, recreated or truncated since).
    """
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
    from airflow_ai_etl.transfers import files_to_clickhouse as files
    from airflow_ai_etl.transfers.clickhouse_staging import table_names

    if path.startswith("s3://"):
        from airflow_ai_etl.hooks.s3 import S3Hook

        found = [(o.uri, o.etag) for o in S3Hook(aws_conn_id=s3_conn_id).list_objects(path)]
    else:
        list_local_files = getattr(files, "list_local_files", None)
        if list_local_files is None:
            raise NotImplementedError("watching a local folder needs the local files transfer")
        found = [(f.uri, f.etag) for f in list_local_files(path)]
    if not found:
        return []
    hook = ClickHouseHook(clickhouse_conn_id=target_conn_id)
    names = table_names(hook, target_table)
    client = hook.get_client()
    try:
        existing = {
            name
            for (name,) in client.execute(
                "SELECT name FROM system.tables WHERE database = %(d)s AND name IN (%(r)s, %(t)s)",
                {"d": names.database, "r": files.REGISTRY_TABLE, "t": names.table},
            )
        }
        done: set[tuple[str, str]] = set()
        if files.REGISTRY_TABLE in existing:
            registry = files.LoadedFilesRegistry(client, names.database)
            done = registry.holds(names, target_exists=names.table in existing)[0]
    finally:
        client.disconnect()
    return sorted(uri for uri, etag in found if (uri, etag) not in done)


class NewFilesTrigger(BaseTrigger):
    """Fire once when ``path`` holds a file the target has not loaded; poll every ``poke_interval`` s.

    Listing and the registry query are blocking client calls, so they run in a thread
    (``sync_to_async``, which also lets the hooks read connections inside the triggerer).

    :param path: ``s3://bucket/prefix/`` (or a glob) or a local / mounted folder (or a glob).
    :param s3_conn_id: the S3 connection for ``s3://`` paths.
    :param target_conn_id: the ClickHouse connection of the target.
    :param target_table: ``table`` or ``db.table`` the files are loaded into.
    :param poke_interval: seconds between two looks.
    """

    def __init__(
        self,
        *,
        path: str,
        target_conn_id: str,
        target_table: str,
        s3_conn_id: str | None = None,
        poke_interval: float = 30.0,
    ) -> None:
        super().__init__()
        self.path = path
        self.s3_conn_id = s3_conn_id
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.poke_interval = poke_interval

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {
                "path": self.path,
                "s3_conn_id": self.s3_conn_id,
                "target_conn_id": self.target_conn_id,
                "target_table": self.target_table,
                "poke_interval": self.poke_interval,
            },
        )

    async def run(self) -> AsyncIterator[TriggerEvent]:
        from asgiref.sync import sync_to_async

        look = sync_to_async(new_files)
        while True:
            try:
                found = await look(self.path, self.s3_conn_id, self.target_conn_id, self.target_table)
            except Exception as exc:  # noqa: BLE001 - the task fails with the reason, not the triggerer
                yield TriggerEvent({"status": "error", "message": f"cannot look at {self.path}: {exc}"})
                return
            if found:
                self.log.info("%d new file(s) at %s: %s", len(found), self.path, found[:MAX_LISTED])
                yield TriggerEvent({"status": "success", "files": found[:MAX_LISTED], "count": len(found)})
                return
            await asyncio.sleep(self.poke_interval)
