"""Operator: change data capture from PostgreSQL (logical replication) into ClickHouse, as micro-batches.

Typical DAG (every minute; one run at a time, because the slot serves one reader)::

    with DAG("orders_cdc", schedule="* * * * *", max_active_runs=1, catchup=False, ...):
        PostgresCDCToClickHouseOperator(
            task_id="orders_cdc",
            source_conn_id="pg_shop", source_table="public.orders",
            target_conn_id="clickhouse_default", target_table="analytics.orders",
        )

Query the replica with ``SELECT ... FROM analytics.orders FINAL WHERE _deleted = 0``.

Two modes (see :mod:`airflow_ai_etl.transfers.cdc_to_clickhouse`): ``mode="batch"`` (default) drains
the slot up to the WAL position seen at the run's start and exits; ``mode="stream"`` keeps applying
changes as they commit for ``max_runtime`` seconds (latency of about ``batch_seconds``), e.g.::

    with DAG("orders_cdc_live", schedule="@hourly", max_active_runs=1, catchup=False, ...):
        PostgresCDCToClickHouseOperator(
            task_id="orders_cdc", ..., mode="stream", max_runtime=3500,
            execution_timeout=timedelta(minutes=65),
        )
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator

from airflow_ai_etl import metrics
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.transfers.cdc_to_clickhouse import CDCMode, CDCReader, PostgresCDCToClickHouse


class PostgresCDCToClickHouseOperator(BaseOperator):
    """Apply the inserts, updates and deletes of one PostgreSQL table to a ClickHouse ReplacingMergeTree.

    The first run creates the publication and the replication slot and copies the table with a
    snapshot consistent with the slot; every run then applies the changes since the last confirmed
    position in batches and confirms the slot only after ClickHouse accepted each batch.

    :param source_conn_id: PostgreSQL connection (server with ``wal_level = logical``; the user needs
        the REPLICATION attribute and ownership of the table for the publication).
    :param source_table: ``table`` or ``schema.table`` to replicate.
    :param target_conn_id: ClickHouse connection; needs the ``http_port`` extra.
    :param target_table: ``table`` or ``db.table`` (templated); created as
        ``ReplacingMergeTree(_version) ORDER BY keys`` with ``_version UInt64`` and ``_deleted UInt8``.
    :param keys: ORDER BY / deduplication columns (default: the primary key). A table without a
        primary key needs ``keys`` and ``REPLICA IDENTITY FULL``.
    :param slot_name: replication slot name (default: ``ai_etl_<table>_<hash>``, one per pipeline).
    :param publication: publication name (default: the slot name).
    :param max_changes: decoded messages per batch; a transaction is never split.
    :param snapshot: copy the table's existing rows when the pipeline is initialised.
    :param mode: ``"batch"`` (default): apply the changes committed before the run started, then
        finish; ``"stream"``: keep applying changes as they commit until ``max_runtime`` has passed.
    :param max_runtime: seconds a ``"stream"`` run keeps streaming (default 3600); keep the task's
        ``execution_timeout`` above it. Only for ``mode="stream"``.
    :param batch_seconds: longest wait of a received change before its batch is written to ClickHouse
        (default 1 s in ``"stream"`` mode, 5 s in ``"batch"`` mode).
    :param reader: ``"replication"`` (default): PostgreSQL's streaming replication protocol;
        ``"sql"``: the SQL functions ``pg_logical_slot_peek_binary_changes`` /
        ``pg_replication_slot_advance`` (about half the speed; ``"batch"`` mode only).
    :param where: SQL condition on the source rows (templated): only rows satisfying it are replicated.
        It becomes the publication's row filter (PostgreSQL 15), and the snapshot copies the same rows;
        a row that an UPDATE takes out of the condition is deleted in ClickHouse, one it brings in is
        inserted. PostgreSQL allows only the table's columns, constants, built-in operators and
        immutable built-in functions there, and its columns must be in the replica identity (else
        ``ALTER TABLE ... REPLICA IDENTITY FULL``; checked before anything is created). Changing it
        re-initialises the pipeline (new snapshot).
    :param mask: ``{column: "hash" | "redact" | "partial"}``: these columns land in ClickHouse masked
        (String), with the same values as ``mask`` of
        :class:`~airflow_ai_etl.operators.transfer.PostgresToClickHouseOperator` (``hash``: md5 of
        the text; ``redact``: ``'***'``; ``partial``: ``'****'`` + the last 4 characters; NULL stays
        NULL), in the snapshot and in every change. A key cannot be masked.
        Changing the masks re-initialises the pipeline, so no column keeps clear values.
    :return: ``{"changes", "inserts", "updates", "deletes", "rows_per_batch", "lag_bytes",
        "last_commit_age_seconds", "confirmed_lsn", "snapshot_rows", ...}`` (pushed to XCom).
    """

    template_fields: Sequence[str] = ("source_table", "target_table", "where")
    ui_color = "#e3f4ff"

    def __init__(
        self,
        *,
        source_conn_id: str,
        source_table: str,
        target_conn_id: str = "clickhouse_default",
        target_table: str,
        keys: list[str] | None = None,
        slot_name: str | None = None,
        publication: str | None = None,
        max_changes: int = 100_000,
        snapshot: bool = True,
        mode: CDCMode = "batch",
        max_runtime: float | None = None,
        batch_seconds: float | None = None,
        reader: CDCReader = "replication",
        where: str | None = None,
        mask: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source_conn_id = source_conn_id
        self.source_table = source_table
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.keys = list(keys) if keys else None
        self.slot_name = slot_name
        self.publication = publication
        self.max_changes = max_changes
        self.snapshot = snapshot
        self.mode = mode
        self.max_runtime = max_runtime
        self.batch_seconds = batch_seconds
        self.reader = reader
        self.where = where
        self.mask = dict(mask) if mask else None

    def build_engine(self) -> PostgresCDCToClickHouse:
        """The CDC engine configured from this operator's (rendered) arguments."""
        return PostgresCDCToClickHouse(
            source_conn_id=self.source_conn_id,
            source_table=self.source_table,
            target_hook=ClickHouseHook(clickhouse_conn_id=self.target_conn_id),
            target_table=self.target_table,
            keys=self.keys,
            slot_name=self.slot_name,
            publication=self.publication,
            max_changes=self.max_changes,
            snapshot=self.snapshot,
            mode=self.mode,
            max_runtime=self.max_runtime,
            batch_seconds=self.batch_seconds,
            reader=self.reader,
            where=self.where,
            mask=self.mask,
        )

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        """OpenLineage (when its provider is installed): the replicated table and its replica."""
        from airflow_ai_etl import lineage

        return lineage.transfer_lineage(
            [lambda: lineage.postgres_dataset(self.source_conn_id, self.source_table)],
            [lambda: lineage.clickhouse_dataset(self.target_conn_id, self.target_table)],
        )

    def execute(self, context: Any) -> dict[str, Any]:
        result = self.build_engine().run().as_dict()
        self.log.info(
            "CDC %s -> %s: %s changes (%s inserts, %s updates, %s deletes) in %s batches %s, %.2f s "
            "(%.0f changes/s); snapshot rows %s; slot %s at %s, lag %s bytes, last commit %s s ago",
            self.source_table,
            result["target"],
            result["changes"],
            result["inserts"],
            result["updates"],
            result["deletes"],
            result["batches"],
            result["rows_per_batch"],
            result["seconds"],
            result["changes_per_second"],
            result["snapshot_rows"],
            result["slot"],
            result["confirmed_lsn"],
            result["lag_bytes"],
            result["last_commit_age_seconds"],
        )
        metrics.rows_loaded(context, self, result["rows_written"])
        return result
