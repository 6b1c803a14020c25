"""Operators that load a PostgreSQL table or query into ClickHouse or PostgreSQL (thin engine wrappers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator

from airflow_ai_etl import metrics
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.transfers.postgres_to_clickhouse import PostgresToClickHouseTransfer
from airflow_ai_etl.transfers.postgres_to_postgres import PostgresToPostgresTransfer


class _PostgresSourceOperator(BaseOperator):
    """What both transfers from PostgreSQL share: the source selection, the target, the mode, and
    a log line with the rate. Subclasses build their engine in ``build_transfer``."""

    template_fields: Sequence[str] = ("source_sql", "where", "target_table")
    template_fields_renderers = {"source_sql": "sql", "where": "sql"}

    def __init__(
        self,
        *,
        source_conn_id: str,
        source_table: str | None = None,
        source_sql: str | None = None,
        columns: list[str] | None = None,
        where: str | None = None,
        incremental_column: str | None = None,
        target_conn_id: str,
        target_table: str,
        mode: str = "append",
        keys: list[str] | None = None,
        create: bool = True,
        mask: dict[str, str] | None = None,
        dedupe: list[str] | None = None,
        batch_size: int = 50_000,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source_conn_id = source_conn_id
        self.source_table = source_table
        self.source_sql = source_sql
        self.columns = columns
        self.where = where
        self.incremental_column = incremental_column
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.mode = mode
        self.keys = list(keys or [])
        self.create = create
        self.mask = dict(mask or {})
        self.dedupe = list(dedupe) if dedupe else None
        self.batch_size = batch_size

    def _common(self) -> dict[str, Any]:
        """The engine arguments both transfers take, from this operator's (rendered) arguments."""
        return {
            "source_conn_id": self.source_conn_id,
            "target_table": self.target_table,
            "source_table": self.source_table,
            "source_sql": self.source_sql,
            "columns": self.columns,
            "where": self.where,
            "incremental_column": self.incremental_column,
            "mode": self.mode,
            "keys": self.keys,
            "create": self.create,
            "mask": self.mask,
            "dedupe": self.dedupe,
            "batch_size": self.batch_size,
        }

    # Which kind of database the target is, for OpenLineage: "clickhouse" or "postgres".
    target_engine = "clickhouse"

    def build_transfer(self) -> Any:
        raise NotImplementedError

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        """OpenLineage (when its provider is installed): the source and target tables with columns."""
        from airflow_ai_etl import lineage

        def source() -> Any:
            if not self.source_table:
                return None  # a query: its tables are the SQL parser's business
            return lineage.postgres_dataset(self.source_conn_id, self.source_table, self.columns)

        def target() -> Any:
            if self.target_engine == "postgres":
                return lineage.postgres_dataset(self.target_conn_id, self.target_table)
            return lineage.clickhouse_dataset(self.target_conn_id, self.target_table)

        return lineage.transfer_lineage([source], [target], masked=self.mask)

    def execute(self, context: Any) -> dict[str, Any]:
        result = self.build_transfer().run()
        rate = result.rows / result.seconds if result.seconds else 0.0
        self.log.info(
            "%s -> %s: %s rows in %.2f s (%.0f rows/s), watermark %r",
            self.source_table or "source_sql",
            result.target,
            result.rows,
            result.seconds,
            rate,
            result.watermark,
        )
        metrics.rows_loaded(context, self, result.rows)
        return result.as_dict()


class PostgresToClickHouseOperator(_PostgresSourceOperator):
    """Copy rows from PostgreSQL into a ClickHouse table in batches, with reconciliation.

    See :mod:`airflow_ai_etl.transfers.postgres_to_clickhouse` for the type mapping and the
    staging/swap protocol.

    :param source_conn_id: PostgreSQL connection id.
    :param source_table: ``table`` or ``schema.table`` to read (exclusive with ``source_sql``).
    :param source_sql: a single SELECT to read (templated; exclusive with ``source_table``).
    :param columns: columns to load, in this order (default: all columns of the source).
    :param where: SQL condition applied to the source rows (templated), e.g. ``status = 'paid'``.
    :param incremental_column: load only rows whose value is greater than the maximum already in the
        target (the watermark); the new watermark is returned. Ignored for filtering in ``replace``.
    :param target_conn_id: ClickHouse connection id.
    :param target_table: ``table`` or ``db.table`` in ClickHouse (templated).
    :param mode: ``append`` adds rows; ``replace`` loads a staging table and swaps it in atomically;
        ``upsert`` writes into a ReplacingMergeTree ordered by ``keys`` - read it with ``FINAL`` (or
        ``argMax``) to see only the latest row per key.
    :param keys: key columns for ``upsert``.
    :param create: create the target table when it does not exist.
    :param order_by: ORDER BY of a created table (default: source primary key, else ``tuple()``).
    :param partition_by: PARTITION BY expression of a created table, e.g. ``toYYYYMM(sold_at)``.
    :param mask: ``{column: "hash" | "redact" | "partial"}``: md5 of the value, ``'***'``, or
        ``'****'`` + the last 4 characters; applied inside PostgreSQL, so clear values never leave it.
    :param batch_size: rows fetched and inserted per batch on the row path (bounds memory).
    :param dedupe: source columns; rows equal on all of them are loaded once (PostgreSQL
        ``DISTINCT ON``, on both load paths, and the reconciliation counts the deduplicated rows).
        The row kept has the greatest ``incremental_column`` when there is one; otherwise (and on
        ties) the one whose whole-row text sorts first - arbitrary but the same on every run.
    :return: ``{"rows", "watermark", "mode", "seconds", "path", "target"}`` (pushed to XCom).
    """

    ui_color = "#fff4d6"

    def __init__(
        self,
        *,
        target_conn_id: str = "clickhouse_default",
        order_by: list[str] | None = None,
        partition_by: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(target_conn_id=target_conn_id, **kwargs)
        self.order_by = order_by
        self.partition_by = partition_by

    def build_transfer(self) -> PostgresToClickHouseTransfer:
        """The engine configured from this operator's (rendered) arguments."""
        return PostgresToClickHouseTransfer(
            **self._common(),
            target_hook=ClickHouseHook(clickhouse_conn_id=self.target_conn_id),
            order_by=self.order_by,
            partition_by=self.partition_by,
        )


class PostgresToPostgresOperator(_PostgresSourceOperator):
    """Copy rows from one PostgreSQL table or query into a PostgreSQL table with COPY.

    Same argument names as :class:`PostgresToClickHouseOperator` where they apply. The source is read
    with ``COPY (SELECT ...) TO STDOUT`` in one REPEATABLE READ snapshot and streamed (bounded memory)
    into ``COPY ... FROM STDIN`` of a staging table; everything on the target happens in one
    transaction. See :mod:`airflow_ai_etl.transfers.postgres_to_postgres`.

    :param source_conn_id: PostgreSQL connection id of the source.
    :param source_table: ``table`` or ``schema.table`` to read (exclusive with ``source_sql``).
    :param source_sql: a single SELECT to read (templated; exclusive with ``source_table``).
    :param columns: columns to load, in this order (default: all columns of the source).
    :param where: SQL condition applied to the source rows (templated), e.g. ``status = 'paid'``.
    :param incremental_column: load only rows whose value is greater than ``max(column)`` in the
        target (the watermark, which moves only when the load commits); ignored in ``replace``.
    :param target_conn_id: PostgreSQL connection id of the target (may equal ``source_conn_id`` as
        long as the target table is not the source table).
    :param target_table: ``table`` (in the target's current schema) or ``schema.table`` (templated).
    :param mode: ``append`` inserts the rows; ``replace`` loads ``<table>__staging`` and swaps it in
        with renames in one transaction; ``upsert`` does ``INSERT ... ON CONFLICT (keys) DO UPDATE``
        and needs a unique index or primary key on exactly ``keys``.
    :param keys: key columns for ``upsert``; also the primary key of a created table.
    :param create: create the target table when missing, with the source column types
        (``format_type``; masked columns and enums as ``text``), NOT NULL, and the primary key
        ``keys`` (or the source's primary key).
    :param mask: ``{column: "hash" | "redact" | "partial"}``: md5 of the value, ``'***'``, or
        ``'****'`` + the last 4 characters; applied inside the source, so clear values never leave it.
    :param dedupe: source columns; rows equal on all of them are loaded once (``DISTINCT ON``). The
        row kept has the greatest ``incremental_column`` when there is one; otherwise (and on ties)
        the one whose whole-row text sorts first - arbitrary but the same on every run.
    :param batch_size: accepted for symmetry with the ClickHouse operator; COPY streams ~1 MiB chunks.
    :return: ``{"rows", "watermark", "mode", "seconds", "target"}`` (pushed to XCom).
    """

    ui_color = "#e3f0ff"
    target_engine = "postgres"

    def __init__(self, *, target_conn_id: str = "postgres_default", **kwargs: Any) -> None:
        super().__init__(target_conn_id=target_conn_id, **kwargs)

    def build_transfer(self) -> PostgresToPostgresTransfer:
        """The engine configured from this operator's (rendered) arguments."""
        return PostgresToPostgresTransfer(**self._common(), target_conn_id=self.target_conn_id)
