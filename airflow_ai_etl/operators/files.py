"""Operators for files: S3 objects and Excel sheets into ClickHouse, ClickHouse results out to Excel/S3.

Thin wrappers over :mod:`airflow_ai_etl.transfers.files_to_clickhouse` (loading: per-file staging,
type inference, remembered S3 objects) and :mod:`airflow_ai_etl.transfers.clickhouse_export`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator

from airflow_ai_etl import metrics
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.transfers.clickhouse_export import ClickHouseExport
from airflow_ai_etl.transfers.files_to_clickhouse import (
    ExcelToClickHouseTransfer,
    FilesLoadError,
    FilesToClickHouseTransfer,
)


class FilesToClickHouseOperator(BaseOperator):
    """Load every file under an S3 prefix/glob or a local folder/glob into a ClickHouse table; a rerun
    loads only new or changed files.

    CSV, TSV and JSON lines (gzip or not, any encoding) are parsed by ClickHouse itself: the bytes
    are streamed into its HTTP interface (the connection's ``http_port`` extra), at the speed of
    ``clickhouse-client``; Parquet, and files whose values ClickHouse would read differently from
    the Python reader, are read in Python (the log says why). Each file is staged and published only
    when all of it was read: a malformed file leaves no rows, the other files still load, and then
    the task fails
    naming each failed file and the reason (line, column, value). Loaded objects are recorded in
    ``_ai_etl_loaded_files`` in the target database (by URI and ETag), so an ``append`` rerun skips
    them - while the target holds them: a dropped target is created again and every file reloaded,
    as is an empty (recreated or truncated) one. A created table gets types inferred from the first
    batch of the first file (Int64/Float64/Date/DateTime/String, ``Nullable`` where values were
    empty; Parquet keeps its schema types) - see :mod:`airflow_ai_etl.transfers.file_types`.

    :param s3_conn_id: S3 connection for ``s3://`` paths (``aws`` connection fields: login = access
        key, password = secret, extra ``endpoint_url``, ``region_name``).
    :param path: ``s3://bucket/prefix/`` (all objects below), ``s3://bucket/prefix/*.csv`` (a glob:
        ``*`` within one level, ``**`` across levels) or one object; or a local (mounted) folder,
        glob or file such as ``/data/in/*.csv.gz`` (templated). Local files are remembered by path,
        size and modification time.
    :param format: ``csv`` | ``tsv`` (tab-delimited CSV) | ``jsonl`` (one JSON object per line) |
        ``parquet``; a gzip-compressed file (``.gz``) is decompressed whatever its name.
    :param csv_delimiter: CSV field delimiter (one character); with a non-comma delimiter a decimal
        comma (``1,5``) reads as a number.
    :param csv_header: the first CSV row holds column names; if False, columns are the existing
        table's (in order) or ``column_1..n``.
    :param encoding: CSV / JSON lines encoding, e.g. ``utf-8`` or ``cp1251`` (a byte order mark is
        dropped; a UTF-8 one on a file that is valid UTF-8 means UTF-8).
    :param target_conn_id: ClickHouse connection id.
    :param target_table: ``table`` or ``db.table`` (templated).
    :param mode: ``append`` (load objects not loaded before) | ``replace`` (load all matching objects
        into a new table and swap it in at the end; the old table stays if every file failed).
    :param create: create the table when it does not exist.
    :param batch_size: rows per batch (memory bound and type-inference sample).
    :return: ``{"files", "rows", "skipped", "failed", "errors", "loaded", "target", "mode", "seconds",
        "reason", "reloaded"}`` (XCom; also pushed before the task fails because of failed files);
        ``reason`` says why nothing was loaded (e.g. no new files), ``reloaded`` why recorded files
        were loaded again (the target was dropped or emptied), both None otherwise.
    """

    template_fields: Sequence[str] = ("path", "target_table")
    ui_color = "#e8f4ea"

    def __init__(
        self,
        *,
        path: str,
        s3_conn_id: str | None = None,
        format: str = "csv",
        csv_delimiter: str = ",",
        csv_header: bool = True,
        encoding: str = "utf-8",
        target_conn_id: str = "clickhouse_default",
        target_table: str,
        mode: str = "append",
        create: bool = True,
        batch_size: int = 100_000,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.s3_conn_id = s3_conn_id
        self.path = path
        self.format = format
        self.csv_delimiter = csv_delimiter
        self.csv_header = csv_header
        self.encoding = encoding
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.mode = mode
        self.create = create
        self.batch_size = batch_size

    def build_transfer(self) -> FilesToClickHouseTransfer:
        """The engine configured from this operator's (rendered) arguments."""
        return FilesToClickHouseTransfer(
            s3_conn_id=self.s3_conn_id,
            path=self.path,
            target_hook=ClickHouseHook(clickhouse_conn_id=self.target_conn_id),
            target_table=self.target_table,
            format=self.format,
            csv_delimiter=self.csv_delimiter,
            csv_header=self.csv_header,
            encoding=self.encoding,
            mode=self.mode,
            create=self.create,
            batch_size=self.batch_size,
        )

    def get_openlineage_facets_on_complete(self, task_instance: Any) -> Any:
        """OpenLineage (when its provider is installed): the S3 prefix in, the table with columns out."""
        from airflow_ai_etl import lineage

        return lineage.transfer_lineage(
            [lambda: lineage.file_dataset(self.path)],
            [lambda: lineage.clickhouse_dataset(self.target_conn_id, self.target_table)],
        )

    def execute(self, context: Any) -> dict[str, Any]:
        try:
            result = self.build_transfer().run().as_dict()
        except FilesLoadError as e:
            ti = context.get("ti") if hasattr(context, "get") else None
            if ti is not None:
                ti.xcom_push(key="return_value", value=e.result.as_dict())
            raise
        metrics.rows_loaded(context, self, result.get("rows"))
        return result


class S3ToClickHouseOperator(FilesToClickHouseOperator):
    """:class:`FilesToClickHouseOperator` for S3 paths (``s3_conn_id`` is required)."""

    def __init__(self, *, s3_conn_id: str, path: str, **kwargs: Any) -> None:
        super().__init__(s3_conn_id=s3_conn_id, path=path, **kwargs)


class ExcelToClickHouseOperator(BaseOperator):
    """Load one sheet of an .xlsx workbook (local or S3) into a ClickHouse table, all or nothing.

    The sheet is streamed (openpyxl read-only); formulas read as their cached values. Rows above
    ``header_row`` are ignored; merged ranges give every cell the top-left value; empty rows are
    skipped; columns end at the last non-empty header cell. A created table gets its types from the
    cells of the first ``batch_size`` rows: whole numbers Int64, other numbers Float64, dates without
    a time Date, with a time DateTime, text String; ``Nullable`` when a cell was empty. A missing
    sheet fails listing the workbook's sheets; an unreadable file fails naming it; a value that does
    not fit its column fails naming the row and column - and nothing is loaded.

    :param path: ``/data/budget.xlsx`` or ``s3://bucket/budget.xlsx`` (templated).
    :param sheet: sheet name (``"План"``) or 0-based index (templated).
    :param header_row: 1-based row holding the column names.
    :param target_conn_id: ClickHouse connection id.
    :param target_table: ``table`` or ``db.table`` (templated).
    :param mode: ``append`` | ``replace`` (new table swapped in atomically).
    :param create: create the table when it does not exist.
    :param s3_conn_id: S3 connection for ``s3://`` paths.
    :param batch_size: rows per insert (and the type-inference sample).
    :return: ``{"rows", "sheet", "columns", "target", "mode", "seconds"}`` (XCom).
    """

    template_fields: Sequence[str] = ("path", "sheet", "target_table")
    ui_color = "#e6f2e6"

    def __init__(
        self,
        *,
        path: str,
        sheet: str | int = 0,
        header_row: int = 1,
        target_conn_id: str = "clickhouse_default",
        target_table: str,
        mode: str = "append",
        create: bool = True,
        s3_conn_id: str | None = None,
        batch_size: int = 100_000,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.path = path
        self.sheet = sheet
        self.header_row = header_row
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.mode = mode
        self.create = create
        self.s3_conn_id = s3_conn_id
        self.batch_size = batch_size

    def execute(self, context: Any) -> dict[str, Any]:
        result = ExcelToClickHouseTransfer(
            path=self.path,
            target_hook=ClickHouseHook(clickhouse_conn_id=self.target_conn_id),
            target_table=self.target_table,
            sheet=self.sheet,
            header_row=self.header_row,
            mode=self.mode,
            create=self.create,
            s3_conn_id=self.s3_conn_id,
            batch_size=self.batch_size,
        ).run()
        metrics.rows_loaded(context, self, result.get("rows"))
        return result


class ClickHouseToExcelOperator(BaseOperator):
    """Export a ClickHouse query or table to an .xlsx report (local path or S3).

    Bold white header on a blue fill, frozen header row, auto-filter, column widths from the header
    and the first 1000 rows, and optionally a chart placed right of the data. At most 1,048,575
    rows (an Excel sheet's limit; more fails - export CSV/Parquet instead). A local file is replaced
    atomically.

    :param source_conn_id: ClickHouse connection id.
    :param sql: one SELECT (templated; exclusive with ``table``).
    :param table: ``table`` or ``db.table`` to export entirely (exclusive with ``sql``).
    :param path: ``/reports/sales.xlsx`` or ``s3://bucket/reports/sales.xlsx`` (templated).
    :param sheet: sheet title.
    :param chart: None, or ``{"type": "bar" | "line", "column": <numeric column to plot>,
        "category": <column for the x axis>, "title": <optional>}``.
    :param s3_conn_id: S3 connection for ``s3://`` paths.
    :return: ``{"rows", "path", "format", "columns", "seconds"}`` (XCom).
    """

    template_fields: Sequence[str] = ("sql", "table", "path", "sheet")
    template_fields_renderers = {"sql": "sql"}
    ui_color = "#e2efda"

    def __init__(
        self,
        *,
        source_conn_id: str = "clickhouse_default",
        sql: str | None = None,
        table: str | None = None,
        path: str,
        sheet: str = "Report",
        chart: dict[str, Any] | None = None,
        s3_conn_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source_conn_id = source_conn_id
        self.sql = sql
        self.table = table
        self.path = path
        self.sheet = sheet
        self.chart = chart
        self.s3_conn_id = s3_conn_id

    def execute(self, context: Any) -> dict[str, Any]:
        return ClickHouseExport(
            source_hook=ClickHouseHook(clickhouse_conn_id=self.source_conn_id),
            path=self.path,
            format="xlsx",
            sql=self.sql,
            table=self.table,
            s3_conn_id=self.s3_conn_id,
            sheet=self.sheet,
            chart=self.chart,
        ).run()


class ClickHouseToS3Operator(BaseOperator):
    """Export a ClickHouse query or table to one S3 object as CSV or Parquet, streamed in batches.

    CSV has a header row (NULL = empty field, ISO dates); Parquet keeps the ClickHouse types
    (see :mod:`airflow_ai_etl.transfers.clickhouse_export`). The bucket must exist.

    :param source_conn_id: ClickHouse connection id.
    :param sql: one SELECT (templated; exclusive with ``table``).
    :param table: ``table`` or ``db.table`` to export entirely (exclusive with ``sql``).
    :param path: ``s3://bucket/key.csv``; a path ending in ``/`` gets ``<table>.<format>`` (templated,
        e.g. ``s3://exports/sales/{{ ds }}.parquet``).
    :param format: ``csv`` | ``parquet``.
    :param s3_conn_id: S3 connection.
    :param csv_delimiter: CSV delimiter.
    :param encoding: CSV encoding (``utf-8``, ``cp1251``, ...).
    :param batch_size: rows per block read from ClickHouse / Parquet row group.
    :return: ``{"rows", "path", "format", "columns", "seconds"}`` (XCom).
    """

    template_fields: Sequence[str] = ("sql", "table", "path")
    template_fields_renderers = {"sql": "sql"}
    ui_color = "#e8f4ea"

    def __init__(
        self,
        *,
        source_conn_id: str = "clickhouse_default",
        sql: str | None = None,
        table: str | None = None,
        path: str,
        format: str = "csv",
        s3_conn_id: str,
        csv_delimiter: str = ",",
        encoding: str = "utf-8",
        batch_size: int = 100_000,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source_conn_id = source_conn_id
        self.sql = sql
        self.table = table
        self.path = path
        self.format = format
        self.s3_conn_id = s3_conn_id
        self.csv_delimiter = csv_delimiter
        self.encoding = encoding
        self.batch_size = batch_size

    def execute(self, context: Any) -> dict[str, Any]:
        if self.format not in ("csv", "parquet"):
            raise ValueError(f"format must be csv or parquet, got {self.format!r}")
        return ClickHouseExport(
            source_hook=ClickHouseHook(clickhouse_conn_id=self.source_conn_id),
            path=self.path,
            format=self.format,
            sql=self.sql,
            table=self.table,
            s3_conn_id=self.s3_conn_id,
            csv_delimiter=self.csv_delimiter,
            encoding=self.encoding,
            batch_size=self.batch_size,
        ).run()
