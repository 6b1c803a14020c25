"""Export a mart (витрина) to an .xlsx file: «Выгружать витрину выручки по регионам в Excel каждый
понедельник».

The mart's aggregate query (:mod:`airflow_ai_etl.marts.sql`) runs where the fact table is - pushed
down to PostgreSQL (a server-side cursor) or inside ClickHouse (block by block) - and its rows are
streamed into :class:`~airflow_ai_etl.hooks.excel.ExcelReportWriter` (openpyxl write-only mode, a
bold header row, then one row per mart row): decimals stay numbers (``Decimal``, not text), a time
grain is an Excel date (or date-time for an hourly grain), NULL is an empty cell.

Atomic: the workbook is written to a temporary file beside the destination (``.ai-etl-export.*``)
and renamed over it only when complete (local paths, which must be under ``[ai_etl] file_roots``),
or uploaded only when complete (``s3://`` paths, through the S3 hook). A failure at any point - the
query, a row Excel cannot hold, the disk - leaves the previous file as it was and no temporary file.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from airflow_ai_etl.catalog import Catalog
from airflow_ai_etl.file_roots import FileRootError, writable_local_file
from airflow_ai_etl.hooks.excel import ExcelReportWriter
from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError, is_s3_path, parse_s3_path
from airflow_ai_etl.marts.model import Mart
from airflow_ai_etl.marts.resolve import ResolvedMart
from airflow_ai_etl.marts.sql import mart_select
from airflow_ai_etl.transfers.mart_to_clickhouse import resolve_for_refresh
from airflow_ai_etl.transfers.postgres_source import TransferError, pg_connect

log = logging.getLogger(__name__)

DEFAULT_SHEET = "Mart"


@dataclass
class MartToExcelTransfer:
    """Write the rows of ``mart`` to the workbook ``path`` (see the module docstring).

    :param mart: the mart definition (its fact table's connection decides where the query runs).
    :param path: ``/dir/file.xlsx`` under ``[ai_etl] file_roots``, or ``s3://bucket/key.xlsx``.
    :param sheet: the sheet's name.
    :param s3_conn_id: the S3 connection of an ``s3://`` path.
    :param batch_size: rows fetched from the source per round trip.
    :param catalog: the catalog to resolve the mart against (read from the connection when None).
    """

    mart: Mart
    path: str
    sheet: str = DEFAULT_SHEET
    s3_conn_id: str | None = None
    batch_size: int = 10_000
    catalog: Catalog | None = None

    def __post_init__(self) -> None:
        if not self.path.lower().endswith(".xlsx"):
            raise TransferError(f"{self.path}: a mart is exported to an .xlsx file")

    def _rows(self, resolved: ResolvedMart) -> Iterator[list[tuple[Any, ...]]]:
        """The mart query's rows, in batches (grain first, then dimensions, then measures; ordered by
        the keys so the sheet reads top-down in time)."""
        select = mart_select(resolved)
        if resolved.key_names:  # by output name: positional ORDER BY is not in ClickHouse 18
            select = select.order_by(*[exp.column(n, quoted=True) for n in resolved.key_names])
        sql = select.sql(dialect=resolved.engine)
        if resolved.engine == "clickhouse":
            from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

            client = ClickHouseHook(clickhouse_conn_id=self.mart.conn_id).get_client()
            try:
                batch: list[tuple[Any, ...]] = []
                for row in client.execute_iter(sql, settings={"max_block_size": self.batch_size}):
                    batch.append(row)
                    if len(batch) >= self.batch_size:
                        yield batch
                        batch = []
                if batch:
                    yield batch
            finally:
                client.disconnect()
            return
        conn = pg_connect(self.mart.conn_id)
        try:
            with conn.cursor(name="ai_etl_mart_export") as cur:  # server-side: bounded memory
                cur.itersize = self.batch_size
                cur.execute(sql)
                while batch := cur.fetchmany(self.batch_size):
                    yield batch
        finally:
            conn.rollback()
            conn.close()

    def run(self) -> dict[str, Any]:
        """Write the file; return ``{"rows", "path", "columns", "seconds"}`` (the operator's XCom)."""
        started = time.monotonic()
        resolved = resolve_for_refresh(self.mart, self.catalog)
        s3: S3Hook | None = None
        if is_s3_path(self.path):
            if not self.s3_conn_id:
                raise TransferError(f"{self.path} is on S3: give s3_conn_id")
            s3 = S3Hook(aws_conn_id=self.s3_conn_id)
            bucket, _ = parse_s3_path(self.path)
            if not s3.bucket_exists(bucket):  # fail before running the query
                raise S3PathError(f"S3 bucket {bucket!r} does not exist (connection {self.s3_conn_id!r})")
            tmp_dir, destination = None, self.path
        else:
            try:  # only under [ai_etl] file_roots; symlinks and .. resolved first
                destination = writable_local_file(self.path, "a writable location")
            except FileRootError as e:
                raise TransferError(str(e)) from None
            tmp_dir = os.path.dirname(destination)
        fd, tmp = tempfile.mkstemp(prefix=".ai-etl-export.", suffix=".xlsx", dir=tmp_dir)
        os.close(fd)
        try:
            writer = ExcelReportWriter(tmp, resolved.output_names, self.sheet)
            for batch in self._rows(resolved):
                writer.write_rows(batch)
            rows = writer.close()
            if s3 is not None:
                s3.upload_file(tmp, self.path)
            else:
                with open(tmp, "rb") as f:  # on disk before it replaces the previous file
                    os.fsync(f.fileno())
                os.chmod(tmp, 0o644)
                os.replace(tmp, destination)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        seconds = time.monotonic() - started
        log.info("Exported mart %s (%s rows) to %s in %.2f s", self.mart.table, rows, self.path, seconds)
        return {
            "rows": rows,
            "path": self.path,
            "columns": resolved.output_names,
            "seconds": round(seconds, 3),
        }
