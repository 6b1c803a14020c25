"""Files (CSV / TSV / JSON lines / Parquet on S3 or in a local folder, Excel sheets) -> ClickHouse.

Each file is loaded all-or-nothing into a per-file staging table ``<table>__staging_file``:

* CSV, TSV and JSON lines (gzip or not, any encoding) are parsed by ClickHouse: their bytes are
  streamed into its HTTP ``INSERT ... FORMAT CSVWithNames | TSVWithNames | JSONEachRow`` with strict
  input settings (:mod:`~airflow_ai_etl.transfers.file_native`); the staging table is a copy of
  the target and is published with ``ALTER TABLE ... ATTACH PARTITION ... FROM`` (hard links, no
  second write) once the records counted in the byte stream equal the rows ClickHouse staged;
* Parquet, Excel, and a file whose values ClickHouse would read differently from the Python reader
  (the reason is logged), are read in batches of ``batch_size`` rows (bounded memory, see
  :mod:`~airflow_ai_etl.transfers.file_formats`), converted to the column types (see
  :mod:`~airflow_ai_etl.transfers.file_types`), inserted into the staging table, and copied
  server-side (``INSERT ... SELECT``) when the staged count equals the rows sent.

``append`` publishes into the target, ``replace`` into the replacement table ``<table>__staging``;
the per-file staging table is dropped either way.

A file that fails (malformed row, value that does not fit, undecodable bytes) leaves no rows
behind; the other files still load and the run then fails naming every failed file and why.

Target table: used as it is when it exists (file columns must be table columns; table columns a
file lacks get their ClickHouse defaults). Otherwise (``create=True``) it is created as
``MergeTree ORDER BY tuple()`` with types inferred from the first batch of the first readable file
(Parquet: from its schema). ``replace`` fills ``<table>__staging`` (same definition as the target
when it exists) and swaps it in with one ``RENAME`` at the end; when every file failed nothing is
swapped and the old table stays.

Remembered files: table ``_ai_etl_loaded_files`` in the target's database records
``target, uri, etag, size, rows, mode, load_id, loaded_at`` for each object, written right after that
object's rows were published (``replace``: after the swap). An ``append`` run skips objects whose
``(uri, etag)`` is recorded for the target since its last ``replace``; a changed object (new etag)
loads again, as new rows. There is no transaction across the two inserts: if the worker dies between
publishing a file and recording it, a rerun loads that file again. The entries belong to the table
they were loaded into: when the target is missing (dropped), or empty while the registry says rows
were loaded into it (recreated or truncated), an ``append`` run logs why, records a ``reset`` row,
creates the target as a first run does (or fails when ``create=False``) and loads every file again;
its result says so (``reloaded``). A run that loads nothing says why in the log and in ``reason``.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from airflow_ai_etl.file_roots import (
    HOW_TO_CONFIGURE,
    OPTION,
    FileRootError,
    configured_roots,
    readable_local_file,
)
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier
from airflow_ai_etl.hooks.excel import ExcelWorkbook
from airflow_ai_etl.hooks.s3 import S3Hook, S3Object, S3PathError, has_glob, is_s3_path
from airflow_ai_etl.transfers.clickhouse_staging import (
    STAGING_SUFFIX,
    TableNames,
    create_table_ddl,
    publish_staging,
    table_names,
)
from airflow_ai_etl.transfers.file_formats import (
    ColumnBatch,
    FileFormatError,
    normalize_header,
    read_csv,
    read_jsonl,
    read_parquet,
)
from airflow_ai_etl.transfers.file_native import (
    NativeFallback,
    NativePlan,
    StreamReport,
    clickhouse_error_location,
    exact_csv_records,
    fallback_reason,
    file_body,
    is_data_error,
    native_plan,
    staged_surprises,
    string_literal,
)
from airflow_ai_etl.transfers.file_stream import (
    ChunkReader,
    ReadAhead,
    ReplayableChunks,
    chunks_of,
    gunzip,
    prefetched,
    to_utf8,
)
from airflow_ai_etl.transfers.file_types import (
    TEXT_ALL,
    TEXT_DATES,
    TEXT_NONE,
    ColumnConverter,
    ValueConversionError,
    infer_type,
    make_column_converter,
)
from airflow_ai_etl.transfers.postgres_to_clickhouse import ReconciliationError, TransferError, _suppress_log

log = logging.getLogger(__name__)

FILE_MODES = ("append", "replace")
FORMATS = ("csv", "tsv", "jsonl", "parquet")
FILE_STAGING_SUFFIX = "__staging_file"
REGISTRY_TABLE = "_ai_etl_loaded_files"
NATIVE_SAMPLE_ROWS = 1_000  # rows read in Python to check a file's value forms (table known)
# Engines whose staging table can be a copy of the target and be published by ATTACH PARTITION FROM.
_ATTACHABLE_ENGINES = {
    "MergeTree", "ReplacingMergeTree", "SummingMergeTree", "AggregatingMergeTree",
    "CollapsingMergeTree", "VersionedCollapsingMergeTree",
}  # fmt: skip


class FilesLoadError(TransferError):
    """Some files failed; the others were loaded. ``result`` holds the :class:`FileLoadResult`."""

    def __init__(self, message: str, result: FileLoadResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass
class FileLoadResult:
    """What a file load did; :meth:`as_dict` is the operator's XCom value."""

    files: int = 0
    rows: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    loaded: list[str] = field(default_factory=list)
    target: str = ""
    mode: str = "append"
    seconds: float = 0.0
    reason: str | None = None  # why no file was loaded
    reloaded: str | None = None  # why recorded files were loaded again

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "rows": self.rows,
            "skipped": list(self.skipped),
            "failed": list(self.failed),
            "errors": dict(self.errors),
            "loaded": list(self.loaded),
            "target": self.target,
            "mode": self.mode,
            "seconds": round(self.seconds, 3),
            "reason": self.reason,
            "reloaded": self.reloaded,
        }


# --------------------------------------------------------------------------- table loader


@dataclass(frozen=True)
class ServerState:
    """What one query tells about the target's database before a load (:meth:`ClickHouseTableLoader.inspect`).

    :param database_exists: the target's database exists.
    :param columns: the target's ``(name, type)`` in table order; empty when it does not exist.
    :param engines: engine by table name, for those of the target, its staging tables and the
        loaded-files registry that exist.
    :param settings: the names of the server's format settings (which strict input settings it knows).
    """

    database_exists: bool
    columns: tuple[tuple[str, str], ...]
    engines: Mapping[str, str]
    settings: frozenset[str]

    def has(self, table: str) -> bool:
        return table in self.engines


class ClickHouseTableLoader:
    """Loads files one at a time into one ClickHouse table, each all-or-nothing (module docstring).

    :param hook: target ClickHouse hook.
    :param target_table: ``table`` or ``db.table``.
    :param mode: ``append`` or ``replace``.
    :param create: create the table when missing.
    :param text_kinds: which text values type inference parses (see ``file_types``).
    :param decimal_comma: ``1,5`` is a number (CSV with a non-comma delimiter).
    """

    def __init__(
        self,
        hook: ClickHouseHook,
        target_table: str,
        mode: str = "append",
        create: bool = True,
        text_kinds: frozenset[str] = TEXT_ALL,
        decimal_comma: bool = False,
    ) -> None:
        if mode not in FILE_MODES:
            raise TransferError(f"mode must be one of {FILE_MODES} for file loads, got {mode!r}")
        self.hook = hook
        self.mode = mode
        self.create = create
        self.text_kinds = text_kinds
        self.decimal_comma = decimal_comma
        self.names: TableNames = table_names(hook, target_table)
        self.exists = False
        self._schema: dict[str, str] | None = None
        self._staging_ready = False
        self._server_settings: frozenset[str] | None = None
        self._dest_engine: str | None = None  # engine of where files are published, when known
        self._file_staging_left = True  # a file staging table may exist (dropped when False)

    @property
    def dest_sql(self) -> str:
        """Where published files go: the target (append) or the replacement table (replace)."""
        return self.names.target_sql if self.mode == "append" else self.names.staging_sql

    def inspect(self, client: Any) -> ServerState:
        """The database, the target's columns, which helper tables exist and the server's format
        settings, in one round trip (scalar subqueries, as ClickHouse 18.16 reads them)."""
        names = self.names
        tables = (
            names.table,
            names.table + FILE_STAGING_SUFFIX,
            names.table + STAGING_SUFFIX,
            REGISTRY_TABLE,
        )
        row = client.execute(
            "SELECT (SELECT count() FROM system.databases WHERE name = %(d)s), "
            "(SELECT groupArray((name, type)) FROM system.columns WHERE database = %(d)s AND table = %(t)s), "
            "(SELECT groupArray((name, engine)) FROM system.tables "
            "WHERE database = %(d)s AND name IN %(n)s), "
            "(SELECT groupArray(name) FROM system.settings WHERE name LIKE '%%format%%')",
            {"d": names.database, "t": names.table, "n": tables},
        )[0]
        return ServerState(
            database_exists=bool(row[0]),
            columns=tuple((n, t) for n, t in row[1]),
            engines=dict(row[2]),
            settings=frozenset(row[3]),
        )

    def prepare(self, client: Any) -> ServerState:
        """Read the target's schema (:meth:`inspect`), create the database when missing, drop a failed
        run's leftovers, set up the replacement table; only the statements the inspection shows are
        needed are sent."""
        names = self.names
        state = self.inspect(client)
        self._server_settings = state.settings
        self.exists = bool(state.columns)  # a table always has columns
        if not self.exists and not self.create:
            raise TransferError(f"ClickHouse table {names.full_name} does not exist and create=False")
        if not state.database_exists:
            client.execute(f"CREATE DATABASE IF NOT EXISTS {quote_identifier(names.database)}")
        if state.has(names.table + FILE_STAGING_SUFFIX):  # leftovers of a failed run
            client.execute(f"DROP TABLE IF EXISTS {names.sql(FILE_STAGING_SUFFIX)}")
        self._file_staging_left = False
        if self.exists:
            self._schema = dict(state.columns)
            self._dest_engine = state.engines.get(names.table)
        if self.mode == "replace":
            if state.has(names.table + STAGING_SUFFIX):
                client.execute(f"DROP TABLE IF EXISTS {names.staging_sql}")
            self._dest_engine = None
            if self.exists:
                client.execute(f"CREATE TABLE {names.staging_sql} AS {names.target_sql}")
                self._dest_engine = state.engines.get(names.table)
                self._staging_ready = True
        return state

    def known_columns(self) -> list[str] | None:
        """The table's columns in order when known (for headerless CSV), else None."""
        return list(self._schema) if self._schema else None

    def _ensure_schema(self, client: Any, first: ColumnBatch) -> dict[str, str]:
        if self._schema is not None:
            return self._schema
        types = first.types or [infer_type(col, self.text_kinds, self.decimal_comma) for col in first.data]
        columns = list(zip(first.columns, types, strict=True))
        table_sql = self.names.target_sql if self.mode == "append" else self.names.staging_sql
        ddl = create_table_ddl(table_sql, columns)
        log.info("Creating %s with types inferred from %s rows:\n%s", self.names.full_name, first.rows, ddl)
        client.execute(ddl)
        self._staging_ready = self.mode == "replace"
        self._dest_engine = "MergeTree"  # create_table_ddl's engine
        self._schema = dict(columns)
        return self._schema

    def load(self, client: Any, name: str, batches: Iterator[ColumnBatch], label: str = "line") -> int:
        """Load one file's batches; return its row count. On any error nothing of it is published."""
        try:
            first = next(batches, None)
            if first is None:
                log.info("%s has no rows", name)
                return 0
            schema = self._ensure_schema(client, first)
            missing = [c for c in first.columns if c not in schema]
            if missing:
                raise FileFormatError(
                    f"columns {missing} are not in table {self.names.full_name} (it has {list(schema)})"
                )
            absent = [c for c in schema if c not in first.columns]
            if absent:
                log.warning("%s has no columns %s: they get ClickHouse defaults", name, absent)
            columns = first.columns
            types = [schema[c] for c in columns]
            converters = [make_column_converter(t, self.decimal_comma) for t in types]
            staging, attach = self._file_staging(client, columns, types)
            try:
                insert = f"INSERT INTO {staging} ({', '.join(quote_identifier(c) for c in columns)}) VALUES"
                sent = 0
                for batch in chain([first], batches):
                    if batch.columns != columns:
                        raise FileFormatError(
                            f"columns changed within the file: {batch.columns} vs {columns}"
                        )
                    data = _convert(batch, converters, types, label)
                    client.execute(insert, data, columnar=True)
                    sent += batch.rows
                landed = client.execute(f"SELECT count() FROM {staging}")[0][0]
                if landed != sent:
                    raise ReconciliationError(f"{name}: {sent} rows sent, {landed} staged; nothing published")
                if landed:
                    self._publish_staging(client, staging, attach, columns)
            except BaseException:
                with _suppress_log("dropping the file staging table"):
                    self._drop_file_staging(client, staging)
                raise
            self._drop_published_staging(client, staging)
            log.info("%s: %s rows -> %s", name, sent, self.names.full_name)
            return sent
        finally:
            close = getattr(batches, "close", None)
            if close:
                close()

    # ------------------------------------------------------------------ native (ClickHouse parses)

    def server_settings(self, client: Any) -> frozenset[str]:
        """Names of the server's settings (which strict input settings it knows)."""
        if self._server_settings is None:
            rows = client.execute("SELECT name FROM system.settings WHERE name LIKE '%format%'")
            self._server_settings = frozenset(r[0] for r in rows)
        return self._server_settings

    def plan_native(self, client: Any, sample: ColumnBatch, options: FileOptions) -> NativePlan | str:
        """How to stream a file whose first rows are ``sample``, or why it is read in Python."""
        if self.hook.http_port is None:
            return (
                f"connection {self.hook.get_conn_id()!r} has no http_port extra (ClickHouse's HTTP interface)"
            )
        schema = self._ensure_schema(client, sample)
        missing = [c for c in sample.columns if c not in schema]
        if missing:
            raise FileFormatError(
                f"columns {missing} are not in table {self.names.full_name} (it has {list(schema)})"
            )
        return native_plan(
            "jsonl" if options.format == "jsonl" else "csv",
            sample,
            schema,
            delimiter=options.delimiter,
            header=options.header,
            encoding=options.encoding,
            decimal_comma=self.decimal_comma,
            server_settings=self.server_settings(client),
        )

    def _file_staging(self, client: Any, columns: Sequence[str], types: Sequence[str]) -> tuple[str, bool]:
        """Create the file's staging table; return it and whether it is published by ATTACH PARTITION."""
        staging = self.names.sql(FILE_STAGING_SUFFIX)
        if self._file_staging_left:  # not known to be gone (a failed drop, or no prepare)
            client.execute(f"DROP TABLE IF EXISTS {staging}")
        engine = self._dest_engine
        if engine is None:
            database, table = (self.names.database, self.names.table)
            if self.mode == "replace":
                table = table + STAGING_SUFFIX
            found = client.execute(
                "SELECT engine FROM system.tables WHERE database = %(d)s AND name = %(t)s",
                {"d": database, "t": table},
            )
            engine = self._dest_engine = found[0][0] if found else None
        self._file_staging_left = True
        if engine in _ATTACHABLE_ENGINES:
            client.execute(f"CREATE TABLE {staging} AS {self.dest_sql}")
            return staging, True
        client.execute(create_table_ddl(staging, list(zip(columns, types, strict=True))))
        return staging, False

    def _drop_file_staging(self, client: Any, staging: str) -> None:
        client.execute(f"DROP TABLE IF EXISTS {staging}")
        self._file_staging_left = False

    def _drop_published_staging(self, client: Any, staging: str) -> None:
        """Drop a staging table whose rows are already in the target. A failure is only logged: the
        file is loaded and must be recorded so, or a retry would load its rows twice; the next file's
        staging drops the leftover first."""
        with _suppress_log("dropping the file staging table after publishing"):
            self._drop_file_staging(client, staging)

    def load_native(
        self, client: Any, name: str, opener: Callable[[], Iterable[bytes]], plan: NativePlan
    ) -> int:
        """Stream one file into its staging table, reconcile, publish; see :mod:`.file_native`.

        :raises NativeFallback: the file must be loaded by the Python reader instead (nothing published).
        """
        staging, attach = self._file_staging(client, plan.columns, plan.types)
        try:
            report = StreamReport()
            try:
                self.hook.http_query(
                    plan.insert_sql(staging), body=file_body(opener, plan, report), settings=plan.settings()
                )
            except RuntimeError as e:
                if is_data_error(str(e)):
                    raise NativeFallback(
                        f"ClickHouse rejected it ({clickhouse_error_location(str(e))})"
                    ) from e
                raise
            reason = fallback_reason(plan, report)
            if reason:
                raise NativeFallback(f"it has {reason}")
            parts_of = (self.names.database, self.names.table + FILE_STAGING_SUFFIX) if attach else None
            surprise, landed, partitions = staged_surprises(client, staging, plan, report, parts_of)
            if surprise:
                raise NativeFallback(surprise)
            expected = report.records - (1 if plan.header and plan.format != "jsonl" else 0)
            if landed != expected and not report.exact_records:  # newlines inside quoted fields?
                expected = exact_csv_records(opener(), plan) - (1 if plan.header else 0)
            if landed != expected:
                raise ReconciliationError(
                    f"{name}: {expected} records counted in the file, {landed} staged by ClickHouse; "
                    "nothing published"
                )
            if landed:
                self._publish_staging(client, staging, attach, plan.columns, partitions)
        except BaseException:
            with _suppress_log("dropping the file staging table"):
                self._drop_file_staging(client, staging)
            raise
        self._drop_published_staging(client, staging)
        log.info("%s: %s rows -> %s (parsed by ClickHouse)", name, landed, self.names.full_name)
        return landed

    def _publish_staging(
        self,
        client: Any,
        staging: str,
        attach: bool,
        columns: Sequence[str],
        partitions: Sequence[str] | None = None,
    ) -> None:
        """Staged rows into the destination: ``ATTACH PARTITION FROM`` each of ``partitions`` (the
        staging table's; read here when not given), else ``INSERT ... SELECT``."""
        if not attach:
            cols = ", ".join(quote_identifier(c) for c in columns)
            client.execute(f"INSERT INTO {self.dest_sql} ({cols}) SELECT {cols} FROM {staging}")
            return
        if partitions is None:
            database, table = self.names.database, self.names.table + FILE_STAGING_SUFFIX
            partitions = [
                p
                for (p,) in client.execute(
                    "SELECT DISTINCT partition_id FROM system.parts "
                    "WHERE database = %(d)s AND table = %(t)s AND active",
                    {"d": database, "t": table},
                )
            ]
        for partition_id in partitions:  # hard links of the staged parts: no second write
            partition = string_literal(partition_id)  # a literal: the table names may hold a "%"
            client.execute(f"ALTER TABLE {self.dest_sql} ATTACH PARTITION ID {partition} FROM {staging}")

    def finish(self, client: Any) -> None:
        """``replace``: swap the replacement table in (nothing to do for ``append``)."""
        if self.mode == "replace" and self._staging_ready:
            names = self.names
            publish_staging(
                client,
                "replace",
                exists=self.exists,
                rows=0,
                target_sql=names.target_sql,
                staging_sql=names.staging_sql,
                old_sql=names.old_sql,
                columns=(),
            )
            self._staging_ready = False

    def abort(self, client: Any) -> None:
        """Drop the helper tables (the target is untouched)."""
        with _suppress_log("dropping staging tables"):
            client.execute(f"DROP TABLE IF EXISTS {self.names.sql(FILE_STAGING_SUFFIX)}")
            if self.mode == "replace":
                client.execute(f"DROP TABLE IF EXISTS {self.names.staging_sql}")
        self._staging_ready = False


def _convert(
    batch: ColumnBatch, converters: Sequence[ColumnConverter], types: Sequence[str], label: str
) -> list[list[Any]]:
    out = []
    for name, values, conv, ch_type in zip(batch.columns, batch.data, converters, types, strict=True):
        try:
            out.append(conv(values))
        except ValueConversionError:
            for i, v in enumerate(values):
                try:
                    conv.value(v)
                except ValueConversionError as e:
                    raise FileFormatError(
                        f"{label} {batch.labels[i]}, column {name!r}: cannot load {v!r} as {ch_type} ({e})"
                    ) from None
            raise
    return out


# --------------------------------------------------------------------------- registry


class LoadedFilesRegistry:
    """The ``_ai_etl_loaded_files`` table: which objects each target already holds.

    Entries count for the table as it is now: only those since the target's last ``replace`` or
    ``reset`` row, and none at all while the target is missing, or empty although entries say rows
    were loaded into it (dropped, recreated or truncated since): :meth:`holds` then says why, and
    the load writes a ``reset`` row before loading every file again, so files recorded for the
    old table never count for the new one (even when that reload stops half-way).
    """

    def __init__(self, client: Any, database: str) -> None:
        self.client = client
        self.table_sql = f"{quote_identifier(database)}.{quote_identifier(REGISTRY_TABLE)}"

    def ensure(self, exists: bool = False) -> None:
        """Create the table unless ``exists`` (known from :meth:`ClickHouseTableLoader.inspect`)."""
        if exists:
            return
        self.client.execute(
            f"CREATE TABLE IF NOT EXISTS {self.table_sql} (target String, uri String, etag String, "
            "size UInt64, rows UInt64, mode String, load_id UInt64, loaded_at DateTime) "
            "ENGINE = MergeTree() ORDER BY (target, uri)"
        )

    def _entries(self, target: str, also: str = "") -> list[tuple[Any, ...]]:
        """The entries that count for ``target``: ``(uri, etag, rows)`` and the columns ``also`` adds."""
        registry = self.table_sql.replace("%", "%%")  # names in a query with parameters
        return self.client.execute(
            f"SELECT uri, etag, rows{also.replace('%', '%%')} FROM {registry} "
            "WHERE target = %(t)s AND mode != 'reset' "
            f"AND load_id >= (SELECT max(load_id) FROM {registry} "
            "WHERE target = %(t)s AND mode IN ('replace', 'reset'))",
            {"t": target},
        )

    def loaded(self, target: str) -> set[tuple[str, str]]:
        """``(uri, etag)`` recorded for ``target`` since its last replace or reset."""
        return {(u, e) for u, e, _ in self._entries(target)}

    def holds(self, names: TableNames, target_exists: bool) -> tuple[set[tuple[str, str]], str | None]:
        """``(uri, etag)`` of the files the target holds now, and why recorded files no longer count
        (the target is missing, or empty while entries say rows were loaded), else None. Whether the
        target has a row is read with the entries: one query."""
        also = f", (SELECT count() FROM (SELECT 1 FROM {names.sql()} LIMIT 1))" if target_exists else ", 0"
        entries = self._entries(names.full_name, also)
        if not entries:
            return set(), None
        recorded = sum(e[2] for e in entries)
        if not target_exists:
            why = f"{names.full_name} does not exist (dropped?)"
        elif recorded and not entries[0][3]:
            why = f"{names.full_name} is empty (recreated or truncated?)"
        else:
            return {(e[0], e[1]) for e in entries}, None
        return set(), (
            f"{why} although {REGISTRY_TABLE} records {len(entries)} files ({recorded:,} rows) loaded "
            "into it: every file is loaded again"
        )

    def reset(self, target: str, load_id: int, hook: ClickHouseHook | None = None) -> None:
        """Forget every file recorded for ``target`` (a ``reset`` row: later entries count only)."""
        self.record(target, [(_ResetMarker(), 0)], "reset", load_id, hook)

    def record(
        self,
        target: str,
        entries: Sequence[tuple[Any, int]],
        mode: str,
        load_id: int,
        hook: ClickHouseHook | None = None,
    ) -> None:
        """Remember loaded files. With a ``hook`` that has an HTTP port the row goes as text
        (clickhouse-driver's DateTime column costs ~0.3 s of set-up in a fresh process)."""
        if not entries:
            return
        stamp = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        rows = [(target, o.uri, o.etag, o.size, rows, mode, load_id, stamp) for o, rows in entries]
        columns = "(target, uri, etag, size, rows, mode, load_id, loaded_at)"
        if hook is not None and hook.http_port is not None:
            body = "".join("\t".join(_tsv(v) for v in row) + "\n" for row in rows).encode()
            hook.http_query(f"INSERT INTO {self.table_sql} {columns} FORMAT TabSeparated", body=body)
            return
        self.client.execute(f"INSERT INTO {self.table_sql} {columns} VALUES", rows)


@dataclass(frozen=True)
class _ResetMarker:
    """The object of a registry ``reset`` row (no file)."""

    uri: str = ""
    etag: str = ""
    size: int = 0


def _tsv(value: Any) -> str:
    """A value as ClickHouse's TabSeparated text (``DateTime`` as ``YYYY-MM-DD hh:mm:ss``)."""
    text = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class FileOptions:
    """How a file's bytes are read: ``format`` (csv | tsv | jsonl | parquet), CSV ``delimiter`` and
    ``header``, text ``encoding``, and ``batch_size`` (the Python reader's batch and the type sample)."""

    format: str = "csv"
    delimiter: str = ","
    header: bool = True
    encoding: str = "utf-8"
    batch_size: int = 100_000


@dataclass(frozen=True)
class LocalFile:
    """A file in a local or mounted folder; ``etag`` is its size and modification time."""

    path: str
    etag: str
    size: int

    @property
    def uri(self) -> str:
        return Path(self.path).as_uri()


def list_local_files(path: str) -> list[LocalFile]:
    """Files matching ``path`` under ``[ai_etl] file_roots``: a file, every file below a folder
    (recursively, hidden files left out), or a glob (``/data/in/*.csv``; ``**`` spans folders);
    sorted by path. Every file found must resolve (symlinks followed) inside the roots.

    :raises FileRootError: no roots configured, or the path (or a file found) outside them.
    """
    path = path.removeprefix("file://")
    roots = configured_roots()
    if not roots:
        raise FileRootError(
            f"local files are not allowed ({path}): no file roots are configured; {HOW_TO_CONFIGURE}"
        )
    refused = FileRootError(
        f"{path} is not a readable file or folder under the allowed file roots ({OPTION})"
    )
    if "\x00" in path or not os.path.isabs(path):
        raise refused
    base = path[: min((path.index(c) for c in "*?[" if c in path), default=len(path))]
    real_base = os.path.realpath(base)
    if not any(os.path.commonpath([real_base, root]) == root for root in roots):
        raise refused
    if has_glob(path):
        found = [p for p in glob.glob(path, recursive=True) if os.path.isfile(p)]
    elif os.path.isdir(path):
        found = [
            os.path.join(root, f)
            for root, dirs, files in os.walk(path)
            for f in files
            if not f.startswith(".") and not any(part.startswith(".") for part in Path(root).parts[1:])
        ]
    elif os.path.isfile(path):
        found = [path]
    else:
        found = []
    out = []
    for p in sorted(found):
        real = readable_local_file(os.path.abspath(p))  # a symlink out of the roots is refused
        st = os.stat(real)
        out.append(LocalFile(real, f"{st.st_size:x}-{st.st_mtime_ns:x}", st.st_size))
    return out


FileObject = S3Object | LocalFile


# --------------------------------------------------------------------------- files -> ClickHouse


@dataclass
class FilesToClickHouseTransfer:
    """Load every file under an S3 prefix/glob or a local folder/glob into a ClickHouse table.

    CSV, TSV and JSON lines (gzip-compressed or not, any text encoding) are parsed by ClickHouse:
    their bytes are streamed into its HTTP interface (:mod:`~airflow_ai_etl.transfers.file_native`);
    Parquet, and files whose values ClickHouse would read differently, go through the Python reader
    (the reason is logged). See the module docstring for staging, publishing and the registry.

    :param path: ``s3://bucket/prefix/``, ``s3://bucket/prefix/*.csv``, one object, or a local
        ``/data/in/`` folder, ``/data/in/*.csv.gz`` glob or file.
    :param target_hook: ClickHouse hook of the target.
    :param target_table: ``table`` or ``db.table``.
    :param s3_conn_id: S3 connection (``aws`` fields) for ``s3://`` paths.
    :param format: ``csv`` | ``tsv`` (CSV with tab delimiters) | ``jsonl`` | ``parquet``.
    :param csv_delimiter: one character; with a non-comma delimiter ``1,5`` reads as a number.
    :param csv_header: the first CSV row holds column names.
    :param encoding: text encoding of CSV/JSON lines (``utf-8``, ``cp1251``, ...).
    :param mode: ``append`` (new files only) | ``replace`` (all files, swapped in at the end).
    :param create: create the table when missing.
    :param batch_size: rows per batch of the Python reader (bounds memory; also the type-inference sample).
    """

    path: str
    target_hook: ClickHouseHook
    target_table: str
    s3_conn_id: str | None = None
    format: str = "csv"
    csv_delimiter: str = ","
    csv_header: bool = True
    encoding: str = "utf-8"
    mode: str = "append"
    create: bool = True
    batch_size: int = 100_000

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise TransferError(f"format must be one of {FORMATS}, got {self.format!r}")
        if self.mode not in FILE_MODES:
            raise TransferError(f"mode must be one of {FILE_MODES}, got {self.mode!r}")
        if self.batch_size < 1:
            raise TransferError("batch_size must be positive")
        if self.format == "tsv" and self.csv_delimiter == ",":
            self.csv_delimiter = "\t"
        self._s3: S3Hook | None = None
        self._early: tuple[FileObject, ReadAhead] | None = None  # the first S3 object, opened early

    @property
    def options(self) -> FileOptions:
        return FileOptions(
            "jsonl" if self.format == "jsonl" else ("parquet" if self.format == "parquet" else "csv"),
            self.csv_delimiter,
            self.csv_header,
            self.encoding,
            self.batch_size,
        )

    # ------------------------------------------------------------------ reading

    def list_files(self) -> list[FileObject]:
        if is_s3_path(self.path):
            if not self.s3_conn_id:
                raise TransferError(f"{self.path} is an S3 path: s3_conn_id is required")
            self._s3 = S3Hook(aws_conn_id=self.s3_conn_id)
            objects: list[FileObject] = list(self._s3.list_objects(self.path))
            if not objects:
                raise S3PathError(f"no objects match {self.path} (connection {self.s3_conn_id!r})")
            return objects
        files: list[FileObject] = list(list_local_files(self.path))
        if not files:
            raise TransferError(f"no files match {self.path}")
        return files

    def open_chunks(self, obj: FileObject) -> Iterator[bytes]:
        """The file's raw bytes in chunks (compressed as stored), read ahead by a thread (the next
        chunks download while this one is processed and sent; a few MiB at most)."""
        if self._early is not None and self._early[0] is obj:
            stream = self._early[1]
            self._early = None
            return stream
        return prefetched(self._read_chunks(obj))

    def _open_early(self, objects: Sequence[FileObject]) -> None:
        """Start the GET of the first S3 object now, so that S3 (moto: reading the whole object)
        prepares it while ClickHouse is set up and the registry read; :meth:`open_chunks` hands it
        over, :meth:`_drop_early` closes it when that file is not loaded."""
        if objects and isinstance(objects[0], S3Object):
            self._early = (objects[0], prefetched(self._read_chunks(objects[0])))

    def _drop_early(self, keep: Sequence[FileObject] = ()) -> None:
        if self._early is not None and not any(o is self._early[0] for o in keep):
            stream = self._early[1]
            self._early = None
            stream.close()

    def _read_chunks(self, obj: FileObject) -> Iterator[bytes]:
        if isinstance(obj, LocalFile):
            with open(obj.path, "rb") as f:
                yield from chunks_of(f)
            return
        assert self._s3 is not None
        body = self._s3.open_object(obj.bucket, obj.key)
        try:
            yield from chunks_of(body)
        finally:
            body.close()

    def text_stream(self, obj: FileObject, chunks: Iterable[bytes] | None = None) -> ChunkReader:
        """The file as UTF-8 bytes (gunzipped, decoded), as a binary file for the Python readers.

        :param chunks: the file's raw chunks when already opened (default: open it)."""
        raw = self.open_chunks(obj) if chunks is None else chunks
        return ChunkReader(to_utf8(gunzip(raw), self.encoding))

    def python_batches(
        self,
        obj: FileObject,
        columns: list[str] | None,
        rows: int | None = None,
        chunks: Iterable[bytes] | None = None,
    ) -> Generator[ColumnBatch, None, None]:
        """The Python reader's column batches (``rows``: batch size, default ``batch_size``;
        ``chunks``: the file's raw chunks when already opened)."""
        batch_size = rows or self.batch_size
        if self.format == "parquet":
            with tempfile.TemporaryFile() as tmp:  # Parquet needs random access: spool to disk
                for chunk in gunzip(self.open_chunks(obj)):
                    tmp.write(chunk)
                tmp.seek(0)
                yield from read_parquet(tmp, batch_size=batch_size)
            return
        stream = self.text_stream(obj, chunks)
        try:
            if self.format == "jsonl":
                yield from read_jsonl(stream, encoding="utf-8", batch_size=batch_size)
            else:
                yield from read_csv(
                    stream,
                    delimiter=self.csv_delimiter,
                    header=self.csv_header,
                    encoding="utf-8",
                    batch_size=batch_size,
                    columns=columns,
                )
        finally:
            stream.close()

    # ------------------------------------------------------------------ one file

    def load_file(self, loader: ClickHouseTableLoader, client: Any, obj: FileObject) -> int:
        """Load one file: parsed by ClickHouse when it reads it as Python would, else by Python."""
        label = "row" if self.format == "parquet" else "line"
        python = lambda: loader.load(  # noqa: E731
            client, obj.uri, self.python_batches(obj, loader.known_columns()), label=label
        )
        if self.format == "parquet":
            log.info("%s: read with pyarrow (Parquet is not streamed to ClickHouse)", obj.uri)
            return python()
        sample_rows = (
            self.batch_size if loader.known_columns() is None else min(self.batch_size, NATIVE_SAMPLE_ROWS)
        )
        # One read of the file (one S3 GET): the sample is read from its first chunks, which are
        # kept and sent again ahead of the rest of the same stream.
        head = ReplayableChunks(self.open_chunks(obj))
        try:
            sampler = self.python_batches(obj, loader.known_columns(), rows=sample_rows, chunks=head.first())
            try:
                sample = next(sampler, None)
            except FileFormatError as e:
                log.info(
                    "%s: the Python reader reports %s; loading it in Python for the full message", obj.uri, e
                )
                sample = None
            finally:
                sampler.close()
            if sample is None:
                head.close()
                return python()
            plan = loader.plan_native(client, sample, self.options)
            if isinstance(plan, str):
                head.close()
                log.info("%s: loading with the Python reader: %s", obj.uri, plan)
                return python()
            opener = lambda: head.replay() if head.replayable else self.open_chunks(obj)  # noqa: E731
            try:
                return loader.load_native(client, obj.uri, opener, plan)
            except NativeFallback as e:
                head.close()
                log.warning("%s: %s; loading it with the Python reader instead", obj.uri, e)
                return python()
        finally:
            head.close()

    # ------------------------------------------------------------------ run

    def _set_up(
        self, loader: ClickHouseTableLoader, client: Any
    ) -> tuple[LoadedFilesRegistry, set[tuple[str, str]], str | None]:
        """Prepare the target (:meth:`ClickHouseTableLoader.prepare`), the registry, and (append)
        read which files the target holds."""
        state = loader.prepare(client)
        registry = LoadedFilesRegistry(client, loader.names.database)
        registry.ensure(exists=state.has(REGISTRY_TABLE))
        if self.mode != "append" or not state.has(REGISTRY_TABLE):  # (a registry made now holds nothing)
            return registry, set(), None
        done, stale = registry.holds(loader.names, target_exists=loader.exists)
        return registry, done, stale

    def run(self) -> FileLoadResult:
        """Load the new files; raise :class:`FilesLoadError` (after loading the rest) if any failed."""
        started = time.monotonic()
        objects = self.list_files()
        hook = self.target_hook
        text_kinds = TEXT_ALL if self.format in ("csv", "tsv") else TEXT_DATES
        loader = ClickHouseTableLoader(
            hook,
            self.target_table,
            self.mode,
            self.create,
            text_kinds,
            decimal_comma=self.format in ("csv", "tsv") and self.csv_delimiter != ",",
        )
        result = FileLoadResult(target=loader.names.full_name, mode=self.mode)
        client = hook.get_client()
        try:
            self._open_early(objects)
            registry, done, stale = self._set_up(loader, client)
            todo = objects
            load_id = time.time_ns()
            if self.mode == "append":
                if stale:
                    log.warning("%s", stale)
                    registry.reset(result.target, load_id, hook)  # before loading: a half reload counts
                    result.reloaded = stale
                todo = [o for o in objects if (o.uri, o.etag) not in done]
                result.skipped = [o.uri for o in objects if (o.uri, o.etag) in done]
                self._drop_early(todo[:1])  # the first file is loaded already: no early read of it
            published: list[tuple[FileObject, int]] = []
            try:
                for obj in todo:
                    try:
                        rows = self.load_file(loader, client, obj)
                    except Exception as e:  # noqa: BLE001 - one bad file must not stop the others
                        log.error("Failed to load %s: %s", obj.uri, e)
                        result.failed.append(obj.uri)
                        result.errors[obj.uri] = str(e)
                        continue
                    result.files += 1
                    result.rows += rows
                    result.loaded.append(obj.uri)
                    if self.mode == "append":
                        registry.record(result.target, [(obj, rows)], "append", load_id, hook)
                    else:
                        published.append((obj, rows))
                if self.mode == "replace":
                    if published:
                        loader.finish(client)
                        registry.record(result.target, published, "replace", load_id, hook)
                    else:
                        loader.abort(client)
            except BaseException:
                loader.abort(client)
                raise
        finally:
            self._drop_early()
            client.disconnect()
        result.seconds = time.monotonic() - started
        if not result.files and not result.failed:
            if not todo:
                result.reason = (
                    f"no new files: all {len(objects)} files at {self.path} are recorded as loaded into "
                    f"{result.target} ({REGISTRY_TABLE}); to load them again use mode='replace', "
                    "or drop or truncate the target"
                )
            else:
                result.reason = f"no rows: the {len(todo)} files to load hold no data rows"
                if not loader.exists and loader.known_columns() is None:
                    result.reason += f"; {result.target} does not exist and was not created (no types)"
            log.warning("Nothing loaded into %s: %s", result.target, result.reason)
        log.info(
            "%s -> %s: %s files, %s rows, %s skipped, %s failed in %.2f s",
            self.path,
            result.target,
            result.files,
            result.rows,
            len(result.skipped),
            len(result.failed),
            result.seconds,
        )
        if result.failed:
            details = "\n".join(f"  {uri}: {result.errors[uri]}" for uri in result.failed)
            kept = (
                "the other files were loaded"
                if self.mode == "append" or result.files
                else f"nothing was replaced: {result.target} is unchanged"
            )
            raise FilesLoadError(
                f"{len(result.failed)} of {len(todo)} files failed to load into {result.target} "
                f"({result.files} files, {result.rows} rows loaded; {kept}; a failed file leaves no rows):\n"
                f"{details}",
                result,
            )
        return result


S3ToClickHouseTransfer = FilesToClickHouseTransfer  # the name it had when it read S3 only


# --------------------------------------------------------------------------- Excel -> ClickHouse


@dataclass
class ExcelToClickHouseTransfer:
    """Load one Excel sheet into a ClickHouse table, all-or-nothing (see ``hooks.excel`` for reading).

    :param path: local ``.xlsx`` path or ``s3://bucket/key.xlsx``.
    :param sheet: sheet name or 0-based index.
    :param header_row: 1-based row with the column names.
    :param target_hook: ClickHouse hook of the target.
    :param target_table: ``table`` or ``db.table``.
    :param mode: ``append`` | ``replace``.
    :param create: create the table when missing (types from the first ``batch_size`` rows).
    :param s3_conn_id: connection for ``s3://`` paths.
    :param batch_size: rows per insert.
    """

    path: str
    target_hook: ClickHouseHook
    target_table: str
    sheet: str | int | None = 0
    header_row: int = 1
    mode: str = "append"
    create: bool = True
    s3_conn_id: str | None = None
    batch_size: int = 100_000

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        loader = ClickHouseTableLoader(self.target_hook, self.target_table, self.mode, self.create, TEXT_NONE)
        with ExcelWorkbook(self.path, self.s3_conn_id) as wb:
            sheet = wb.resolve_sheet(self.sheet)
            header, batches = wb.iter_batches(sheet, self.header_row, self.batch_size)
            log.info(
                "%s [%s]: read in Python with the %s reader (ClickHouse has no input format for .xlsx)",
                self.path,
                sheet,
                wb.reader_used,
            )
            columns = normalize_header(header)
            client = self.target_hook.get_client()
            try:
                loader.prepare(client)
                try:
                    try:
                        loaded = loader.load(
                            client,
                            f"{self.path} [{sheet}]",
                            (ColumnBatch(columns, data, labels) for labels, data in batches),
                            label="row",
                        )
                    except FileFormatError as e:  # a bad cell: say which workbook and sheet
                        raise FileFormatError(f"{self.path} [{sheet}]: {e}") from None
                    loader.finish(client)
                except BaseException:
                    loader.abort(client)
                    raise
            finally:
                client.disconnect()
        seconds = time.monotonic() - started
        log.info(
            "%s [%s] -> %s: %s rows in %.2f s", self.path, sheet, loader.names.full_name, loaded, seconds
        )
        return {
            "rows": loaded,
            "sheet": sheet,
            "columns": columns,
            "target": loader.names.full_name,
            "mode": self.mode,
            "seconds": round(seconds, 3),
        }
