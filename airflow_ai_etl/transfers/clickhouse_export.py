"""ClickHouse table or query -> a CSV, Parquet or .xlsx file, locally or on S3.

Rows are streamed from ClickHouse block by block (``execute_iter``, ``max_block_size`` =
``batch_size``) into a file written incrementally, so memory is bounded by one batch:

* ``csv``: header row, ``delimiter``, ``encoding``; NULL is an empty field, dates ISO
  (``2024-01-31``, ``2024-01-31 12:00:00``), arrays/maps as text;
* ``parquet``: column types from ClickHouse (``Int*``/``UInt*``/``Float*``, ``Decimal(p,s)``,
  ``Date`` -> date32, ``DateTime`` -> timestamp[s], ``String``; anything else as text), one row group
  per batch;
* ``xlsx``: see :class:`~airflow_ai_etl.hooks.excel.ExcelReportWriter` (styled header, widths, chart).

The file is first written to a temporary file; a local target is then renamed into place (readers
never see a partial file), an S3 target uploaded (multipart for big files). The S3 bucket and the
local directory must exist.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.file_roots import FileRootError, writable_local_file
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.hooks.excel import ExcelReportWriter
from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError, is_s3_path, parse_s3_path
from airflow_ai_etl.transfers.file_types import clickhouse_to_arrow, to_text
from airflow_ai_etl.transfers.postgres_to_clickhouse import TransferError

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("csv", "parquet", "xlsx")


def _csv_formatter(ch_type: str) -> Any:
    """Per-column CSV text: NULL -> empty, Decimal(p, s) with exactly s decimals, the rest ``to_text``."""
    m = re.search(r"Decimal\(\d+,\s*(\d+)\)|Decimal(?:32|64|128)\((\d+)\)", ch_type)
    scale = int(m.group(1) or m.group(2)) if m else None

    def fmt(value: Any) -> Any:
        if value is None:
            return ""
        if scale is not None and isinstance(value, decimal.Decimal):
            return format(value, f".{scale}f")
        if isinstance(value, str | int | float):
            return value
        return to_text(value)

    return fmt


@dataclass
class ClickHouseExport:
    """Export ``sql`` (or all of ``table``) to ``path`` in ``format``.

    :param source_hook: ClickHouse hook to read from.
    :param path: local file path or ``s3://bucket/key``; a path ending in ``/`` gets
        ``<table or "export">.<format>`` appended.
    :param format: ``csv`` | ``parquet`` | ``xlsx``.
    :param sql: one SELECT (exclusive with ``table``).
    :param table: ``table`` or ``db.table`` (exclusive with ``sql``).
    :param s3_conn_id: connection for ``s3://`` paths.
    :param sheet: xlsx sheet title.
    :param chart: xlsx chart spec (see ``ExcelReportWriter``).
    :param csv_delimiter: CSV delimiter.
    :param encoding: CSV encoding.
    :param batch_size: rows per ClickHouse block / Parquet row group.
    """

    source_hook: ClickHouseHook
    path: str
    format: str = "csv"
    sql: str | None = None
    table: str | None = None
    s3_conn_id: str | None = None
    sheet: str = "Report"
    chart: dict[str, Any] | None = None
    csv_delimiter: str = ","
    encoding: str = "utf-8"
    batch_size: int = 100_000
    _columns: list[tuple[str, str]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        if bool(self.sql) == bool(self.table):
            raise TransferError("give exactly one of sql and table")
        if self.format not in EXPORT_FORMATS:
            raise TransferError(f"format must be one of {EXPORT_FORMATS}, got {self.format!r}")
        if self.batch_size < 1:
            raise TransferError("batch_size must be positive")

    def query(self) -> str:
        if self.sql:
            return self.sql.strip().rstrip(";")
        return f"SELECT * FROM {self.source_hook.quote_table(self.table or '')}"

    def target_path(self) -> str:
        path = self.path.strip()
        if path.endswith("/"):
            stem = (self.table or "export").split(".")[-1].strip("`")
            path = f"{path}{stem}.{self.format}"
        return path

    def _open(self, client: Any) -> Iterator[list[tuple[Any, ...]]]:
        """Run the query: set ``self._columns`` and return an iterator of row blocks."""
        rows = client.execute_iter(
            self.query(), with_column_types=True, settings={"max_block_size": self.batch_size}
        )
        self._columns = [(name, ch_type) for name, ch_type in next(rows)]

        def blocks() -> Iterator[list[tuple[Any, ...]]]:
            block: list[tuple[Any, ...]] = []
            for row in rows:
                block.append(row)
                if len(block) >= self.batch_size:
                    yield block
                    block = []
            if block:
                yield block

        return blocks()

    def _write_csv(self, filename: str, blocks: Iterator[list[tuple[Any, ...]]]) -> int:
        n = 0
        with open(filename, "w", encoding=self.encoding, newline="", errors="strict") as f:
            writer = csv.writer(f, delimiter=self.csv_delimiter)
            writer.writerow([name for name, _ in self._columns])
            fmts = [_csv_formatter(t) for _, t in self._columns]
            for block in blocks:
                writer.writerows([f(v) for f, v in zip(fmts, row, strict=True)] for row in block)
                n += len(block)
        return n

    def _write_parquet(self, filename: str, blocks: Iterator[list[tuple[Any, ...]]]) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        fields = [pa.field(name, clickhouse_to_arrow(t)) for name, t in self._columns]
        schema = pa.schema(fields)
        n = 0
        with pq.ParquetWriter(filename, schema, compression="snappy") as writer:
            for block in blocks:
                arrays = []
                for i, f in enumerate(fields):
                    values = [r[i] for r in block]
                    if pa.types.is_string(f.type):
                        values = [None if v is None else to_text(v) for v in values]
                    elif pa.types.is_timestamp(f.type):
                        values = [
                            v.astimezone(dt.timezone.utc).replace(tzinfo=None)
                            if isinstance(v, dt.datetime) and v.tzinfo
                            else v
                            for v in values
                        ]
                    try:
                        arrays.append(pa.array(values, type=f.type))
                    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as e:
                        raise TransferError(
                            f"column {f.name!r}: cannot write as Parquet {f.type}: {e}"
                        ) from None
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
                n += len(block)
        return n

    def _write_xlsx(self, filename: str, blocks: Iterator[list[tuple[Any, ...]]]) -> int:
        writer = ExcelReportWriter(filename, [name for name, _ in self._columns], self.sheet, self.chart)
        for block in blocks:
            writer.write_rows(block)
        return writer.close()

    def run(self) -> dict[str, Any]:
        """Write the file; return ``{"rows", "path", "format", "columns", "seconds"}``."""
        started = time.monotonic()
        path = self.target_path()
        s3: S3Hook | None = None
        if is_s3_path(path):
            if not self.s3_conn_id:
                raise TransferError(f"{path} is on S3: give s3_conn_id")
            s3 = S3Hook(aws_conn_id=self.s3_conn_id)
            bucket, _ = parse_s3_path(path)
            if not s3.bucket_exists(bucket):  # fail before running the query
                raise S3PathError(f"S3 bucket {bucket!r} does not exist (connection {self.s3_conn_id!r})")
            tmp_dir, destination = None, path
        else:
            try:  # only under [ai_etl] file_roots; symlinks and .. resolved first
                destination = writable_local_file(path, "a writable location")
            except FileRootError as e:
                raise TransferError(str(e)) from None
            tmp_dir = os.path.dirname(destination)
        fd, tmp = tempfile.mkstemp(prefix=".ai-etl-export.", suffix=f".{self.format}", dir=tmp_dir)
        os.close(fd)
        client = self.source_hook.get_client()
        try:
            writer = {"csv": self._write_csv, "parquet": self._write_parquet, "xlsx": self._write_xlsx}
            blocks = self._open(client)
            rows = writer[self.format](tmp, blocks)
            if s3 is not None:
                s3.upload_file(tmp, path)
            else:
                os.chmod(tmp, 0o644)
                os.replace(tmp, destination)
        finally:
            client.disconnect()
            if os.path.exists(tmp):
                os.unlink(tmp)
        seconds = time.monotonic() - started
        log.info("Exported %s rows to %s (%s) in %.2f s", rows, path, self.format, seconds)
        return {
            "rows": rows,
            "path": path,
            "format": self.format,
            "columns": [name for name, _ in self._columns],
            "seconds": round(seconds, 3),
        }
