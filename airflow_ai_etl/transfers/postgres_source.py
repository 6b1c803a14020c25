"""The PostgreSQL source side shared by the transfer engines (-> ClickHouse, -> PostgreSQL).

* quoting (:func:`pg_quote_ident`, :func:`pg_quote_table`) and mask expressions (:func:`mask_expr`);
* :func:`pg_connect`: a psycopg2 connection from an Airflow connection id;
* :func:`describe_source`: columns (``format_type``, nullability, enum) and primary key of a table or
  of a ``source_sql`` query;
* :class:`SourceSelection`: the SELECT / count(*) of the rows to load - ``where``, the incremental
  watermark condition and ``dedupe`` (``DISTINCT ON``) applied identically to both, so the
  reconciliation count counts exactly the rows that were copied;
* :class:`ChunkPipe`: the bounded byte pipe a ``COPY ... TO STDOUT`` thread writes into;
* :func:`lock_target`: one load at a time into a given target table.

Dedupe (``dedupe=[cols]``): rows equal on these source columns (NULLs compare equal) are loaded
once. The row kept is the one with the greatest ``incremental_column`` (NULLs last) when the load
has one; ties, and loads without one, keep the row whose whole-row text sorts first in the "C"
collation - arbitrary but deterministic, the same on every run over the same data. Dedupe applies
after ``where`` and the watermark filter, and before masking (it compares the clear values).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.exceptions import AIETLError

log = logging.getLogger(__name__)

MASKS = ("hash", "redact", "partial")
# A source session whose text ClickHouse parses (see TSV_INSERT_SETTINGS in postgres_to_clickhouse):
# ISO dates, UTC offsets ("+00"), floats that read back to the same value.
CLICKHOUSE_TEXT_SESSION_SQL = "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3"
# Alias of the filtered source rows inside the dedupe subquery (its whole-row text is the tiebreak).
_ROW_ALIAS = "ai_etl_src"
# [ai_etl] source_statement_timeout when unset: one source statement (a whole COPY of a load) may
# run an hour; a condition or query that would run for ever on the source is cancelled.
DEFAULT_SOURCE_STATEMENT_TIMEOUT = 3600.0


class TransferError(AIETLError, AirflowException):
    """The transfer cannot run as configured (bad column, missing table, ...)."""


class ReconciliationError(TransferError):
    """The rows that arrived in the target differ from the rows of the source selection."""


# --------------------------------------------------------------------------- quoting


def pg_quote_ident(name: str) -> str:
    """Quote one PostgreSQL identifier (``a"b`` -> ``"a""b"``)."""
    return '"' + name.replace('"', '""') + '"'


def split_pg_table(table: str) -> tuple[str | None, str]:
    """``schema.table`` -> (schema, table); ``table`` -> (None, table). Surrounding quotes are removed."""
    parts = [p.strip().strip('"') for p in table.split(".", 1)]
    if not all(parts):
        raise TransferError(f"not a table name: {table!r}")
    return (parts[0], parts[1]) if len(parts) == 2 else (None, parts[0])


def pg_quote_table(table: str) -> str:
    """Quote ``schema.table`` / ``table`` as ``"schema"."table"`` (a name with a dot must be pre-split)."""
    schema, name = split_pg_table(table)
    return f"{pg_quote_ident(schema)}.{pg_quote_ident(name)}" if schema else pg_quote_ident(name)


def mask_expr(col: str, method: str) -> str:
    """PostgreSQL expression masking the (quoted) column ``col``; the result is text.

    :param col: quoted column reference.
    :param method: ``hash`` (md5 of the text), ``redact`` (``'***'``, NULL stays NULL) or ``partial``
        (``'****'`` + the last 4 characters).
    """
    if method == "hash":
        return f"md5(({col})::text)"
    if method == "redact":
        return f"CASE WHEN {col} IS NULL THEN NULL ELSE '***' END"
    if method == "partial":
        return f"('****' || right(({col})::text, 4))"
    raise TransferError(f"unknown mask method {method!r}; use one of {MASKS}")


def _cast_text(pg_type: str) -> Callable[[bytes], bytes] | None:
    """How ``(col)::text`` differs from the type's output function (what COPY and pgoutput print);
    None where the cast is that output. ``pg_type`` is the ``format_type`` name."""
    if pg_type == "boolean":
        return lambda v: b"true" if v == b"t" else b"false"  # booltext, not boolout's t/f
    if pg_type == "character" or pg_type.startswith("character("):
        return lambda v: v.rstrip(b" ")  # bpchar -> text drops the padding
    if pg_type == "inet":
        return lambda v: v if b"/" in v else v + (b"/128" if b":" in v else b"/32")  # network_show
    return None


def mask_value(method: str, pg_type: str) -> Callable[[bytes], bytes]:
    """The Python twin of :func:`mask_expr`: masks a value's output-function text (as pgoutput sends
    it, UTF-8) to exactly the bytes :func:`mask_expr` computes in PostgreSQL; NULLs never reach it
    (every method keeps NULL as NULL).

    :param method: ``hash``, ``redact`` or ``partial``.
    :param pg_type: ``format_type`` of the column: ``::text`` of a few types is not their output.
    """
    if method not in MASKS:
        raise TransferError(f"unknown mask method {method!r}; use one of {MASKS}")
    if method == "redact":
        return lambda v: b"***"
    cast = _cast_text(pg_type)
    if method == "hash":
        if cast is None:
            return lambda v: hashlib.md5(v).hexdigest().encode()  # noqa: S324 - md5() of PostgreSQL
        return lambda v: hashlib.md5(cast(v)).hexdigest().encode()  # noqa: S324
    # right(text, 4) counts characters, not bytes.
    if cast is None:
        return lambda v: b"****" + v.decode()[-4:].encode()
    return lambda v: b"****" + cast(v).decode()[-4:].encode()


MODES = ("append", "replace", "upsert")


class TransferOptions(Protocol):
    """What both PostgreSQL-source engines are configured with (see their docstrings)."""

    source_table: str | None
    source_sql: str | None
    where: str | None
    incremental_column: str | None
    mode: str
    keys: Sequence[str]
    mask: dict[str, str]
    dedupe: Sequence[str] | None
    batch_size: int


def validate_options(options: TransferOptions) -> None:
    """Checks shared by the engines' constructors: one source, a known mode (upsert with keys),
    a positive batch size, known mask methods, an unmasked watermark and a list for dedupe."""
    if bool(options.source_table) == bool(options.source_sql):
        raise TransferError("give exactly one of source_table and source_sql")
    if options.mode not in MODES:
        raise TransferError(f"mode must be one of {MODES}, got {options.mode!r}")
    if options.mode == "upsert" and not options.keys:
        raise TransferError("mode 'upsert' needs keys")
    if options.batch_size < 1:
        raise TransferError("batch_size must be positive")
    mask, dedupe, incremental_column = options.mask or {}, options.dedupe, options.incremental_column
    for col, method in mask.items():
        if method not in MASKS:
            raise TransferError(f"mask for column {col!r}: unknown method {method!r}; use {MASKS}")
    if incremental_column and incremental_column in mask:
        raise TransferError(f"incremental column {incremental_column!r} cannot be masked")
    if dedupe is not None and (isinstance(dedupe, str) or not all(isinstance(c, str) for c in dedupe)):
        raise TransferError(f"dedupe must be a list of column names, got {dedupe!r}")


# --------------------------------------------------------------------------- connection


def source_statement_timeout() -> float | None:
    """``[ai_etl] source_statement_timeout`` in seconds (default 3600); None when set to 0 (no limit).

    :raises TransferError: the setting is not a number of seconds.
    """
    raw: Any = DEFAULT_SOURCE_STATEMENT_TIMEOUT
    try:
        from airflow.configuration import conf

        raw = conf.get("ai_etl", "source_statement_timeout", fallback="") or raw
    except ImportError:  # plain library use without Airflow's configuration
        pass
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise TransferError(
            f"[ai_etl] source_statement_timeout must be a number of seconds >= 0, got {raw!r}"
        )
    return seconds or None


def set_statement_timeout(conn: Any, seconds: float | None) -> None:
    """Cancel any statement of ``conn``'s session that runs longer than ``seconds`` (None: no limit)."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT set_config('statement_timeout', %s, false)", (f"{round((seconds or 0) * 1000)}ms",)
        )
    conn.commit()


def explain_timeout(exc: BaseException, seconds: float | None, source: Any = None) -> TransferError | None:
    """A clear :class:`TransferError` for a source statement cancelled by its statement timeout, else None.

    :param source: the source connection; an error raised by another connection's cursor (the
        target's) is not the source's timeout.
    """
    import psycopg2.errors

    while isinstance(exc, TransferError) and exc.__cause__ is not None:  # a wrapped source error
        exc = exc.__cause__
    if seconds is None or not isinstance(exc, psycopg2.errors.QueryCanceled):
        return None
    cursor = getattr(exc, "cursor", None)
    if source is not None and cursor is not None and cursor.connection is not source:
        return None
    return TransferError(
        f"the source query ran longer than [ai_etl] source_statement_timeout = {seconds:g} s and was "
        f"cancelled by PostgreSQL; the target is unchanged. Narrow the selection (where, incremental) "
        f"or raise the setting."
    )


def pg_connect(conn_id: str, statement_timeout: float | None = None) -> Any:
    """psycopg2 connection from the Airflow connection ``conn_id`` (psycopg2: named cursors, COPY),
    made by the PostgresHook's rules (extras, `iam`); see hooks.postgres.

    :param statement_timeout: seconds after which PostgreSQL cancels a statement of this session
        (see :func:`source_statement_timeout`); None leaves the server's setting.
    """
    from airflow_ai_etl.hooks.postgres import Psycopg2PostgresHook

    pg = Psycopg2PostgresHook(postgres_conn_id=conn_id).get_conn()
    if statement_timeout is not None:
        try:
            set_statement_timeout(pg, statement_timeout)
        except BaseException:
            pg.close()
            raise
    return pg


@contextlib.contextmanager
def readonly_cursor(conn_id: str, timeout_ms: int) -> Iterator[Any]:
    """A cursor in a read-only transaction on a new connection to ``conn_id``, with the text settings
    the ClickHouse loads read with and a statement timeout; rolled back and closed afterwards (for
    looking at a query's plan or rows before anything is loaded)."""
    conn = pg_connect(conn_id)
    try:
        conn.set_session(readonly=True)
        with conn.cursor() as cur:
            cur.execute(CLICKHOUSE_TEXT_SESSION_SQL)
            cur.execute("SET LOCAL statement_timeout = %s", (int(timeout_ms),))
            yield cur
    finally:
        conn.rollback()
        conn.close()


def connection_identity(conn_id: str) -> tuple[str, int, str]:
    """(host, port, database) the Airflow connection ``conn_id`` points at."""
    from airflow.sdk import BaseHook

    conn = BaseHook.get_connection(conn_id)
    return (conn.host or "localhost", int(conn.port or 5432), conn.schema or "postgres")


def lock_target(cur: Any, target: str, *, transaction: bool) -> None:
    """Wait until no other load into ``target`` holds its PostgreSQL advisory lock, then take it.

    Overlapping runs into one table (a backfill, ``max_active_runs`` > 1, a manual run beside the
    scheduled one) would otherwise share the staging table and read the same watermark. The lock
    lives in PostgreSQL, so a killed load releases it with its session.

    :param cur: cursor of the session that holds the lock: the source's for a ClickHouse target
        (session lock, released by closing the connection), the target's for a PostgreSQL target.
    :param target: the target's identity (server, database, table).
    :param transaction: take a transaction-level lock (released at COMMIT/ROLLBACK).
    """
    key = int.from_bytes(hashlib.sha256(f"airflow-ai-etl:{target}".encode()).digest()[:8], "big", signed=True)
    kind = "pg_try_advisory_xact_lock" if transaction else "pg_try_advisory_lock"
    cur.execute(f"SELECT {kind}(%s)", (key,))
    if not cur.fetchone()[0]:
        log.info("Another load into %s is running; waiting for it to finish", target)
        if not transaction:  # waiting for the other load is not a source query: no statement timeout
            cur.execute("SET LOCAL statement_timeout = 0")
        cur.execute(f"SELECT {kind.replace('_try', '')}(%s)", (key,))


# --------------------------------------------------------------------------- source description


def source_from(source_table: str | None, source_sql: str | None) -> str:
    """The FROM item of the source: a quoted table or ``(source_sql) AS src``."""
    if source_table:
        return pg_quote_table(source_table)
    sql = (source_sql or "").strip().rstrip(";").strip()
    return f"({sql}) AS src"


def describe_source(
    conn: Any, source_table: str | None, source_sql: str | None
) -> tuple[list[tuple[str, str, bool, bool]], list[str]]:
    """Source columns ``[(name, format_type, nullable, is_enum)]`` and primary key column names.

    Domains are described by their base type. For ``source_sql`` the primary key is empty and a
    column taken straight from a table keeps that table's NOT NULL.

    :param conn: psycopg2 connection (the transaction is rolled back afterwards).
    :raises TransferError: the table or query cannot be described (missing table, bad SQL, ...).
    """
    import psycopg2

    attr_sql = """
        SELECT a.attname,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod)
                    ELSE format_type(a.atttypid, a.atttypmod) END,
               NOT a.attnotnull, t.typtype = 'e'
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum"""
    frm = source_from(source_table, source_sql)
    try:
        with conn.cursor() as cur:
            if source_table:
                cur.execute(attr_sql, (frm,))
                cols = [tuple(r) for r in cur.fetchall()]
                cur.execute(
                    """SELECT a.attname FROM pg_index i
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                       WHERE i.indrelid = %s::regclass AND i.indisprimary
                       ORDER BY array_position(i.indkey::int2[], a.attnum)""",
                    (frm,),
                )
                pk = [r[0] for r in cur.fetchall()]
            else:
                # A temporary view keeps the typmods (numeric(12,2)) that cursor.description loses.
                cur.execute(f"CREATE TEMP VIEW ai_etl_probe AS SELECT * FROM {frm}")
                cur.execute(attr_sql, ("pg_temp.ai_etl_probe",))
                cols = [tuple(r) for r in cur.fetchall()]
                # Columns taken straight from a table keep that table's NOT NULL. `WHERE false` is
                # planned as a one-time filter and runs nothing (`LIMIT 0` ran an aggregate's
                # parallel plan: 175 ms of a 2M-row GROUP BY).
                cur.execute(f"SELECT * FROM {frm} WHERE false")
                origin = {d.name: (d.table_oid, d.table_column) for d in cur.description}
                notnull: set[str] = set()
                for name, (oid, attnum) in origin.items():
                    if oid and attnum:
                        cur.execute(
                            "SELECT attnotnull FROM pg_attribute WHERE attrelid = %s AND attnum = %s",
                            (oid, attnum),
                        )
                        row = cur.fetchone()
                        if row and row[0]:
                            notnull.add(name)
                cols = [(n, t, nullable and n not in notnull, e) for n, t, nullable, e in cols]
                pk = []
    except psycopg2.Error as e:
        what = f"table {source_table!r}" if source_table else "source_sql"
        raise TransferError(f"cannot describe {what}: {str(e).strip()}") from e
    finally:
        conn.rollback()
    names = [c[0] for c in cols]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise TransferError(f"source has duplicate column names {dupes}; alias them in source_sql")
    return cols, pk


# --------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class SourceSelection:
    """The source rows of one load, as SQL: a projection and a count over the same rows.

    :param source_table: ``table`` or ``schema.table`` (exclusive with ``source_sql``).
    :param source_sql: one SELECT (exclusive with ``source_table``).
    :param where: SQL condition on the source rows.
    :param dedupe: columns whose equal values collapse to one row (see the module docstring).
    :param incremental_column: with ``dedupe``, the row with its greatest value wins.
    """

    source_table: str | None = None
    source_sql: str | None = None
    where: str | None = None
    dedupe: Sequence[str] | None = None
    incremental_column: str | None = None

    @classmethod
    def of(cls, options: TransferOptions) -> SourceSelection:
        """The selection an engine's options describe."""
        return cls(
            options.source_table,
            options.source_sql,
            options.where,
            options.dedupe or None,
            options.incremental_column,
        )

    def check_columns(self, source_columns: Sequence[str]) -> None:
        """Raise :class:`TransferError` when a dedupe column is not a column of the source."""
        absent = [c for c in self.dedupe or () if c not in source_columns]
        if absent:
            raise TransferError(
                f"dedupe columns {absent} are not in the source (it has {list(source_columns)})"
            )

    def rows_sql(self, conditions: Sequence[str] = ()) -> str:
        """``SELECT * ...`` of the selected rows (``where``, then ``conditions``, then dedupe).

        :param conditions: extra SQL conditions, e.g. the watermark filter ``"col" > %(watermark)s``.
        """
        frm, where_sql = source_from(self.source_table, self.source_sql), self._where_sql(conditions)
        if not self.dedupe:
            return f"SELECT * FROM {frm}{where_sql}"
        keys = ", ".join(pg_quote_ident(c) for c in self.dedupe)
        order = [keys]
        if self.incremental_column:
            order.append(f"{pg_quote_ident(self.incremental_column)} DESC NULLS LAST")
        order.append(f'({_ROW_ALIAS}::text) COLLATE "C"')  # whole-row text: a total, stable order
        return (
            f"SELECT DISTINCT ON ({keys}) * FROM (SELECT * FROM {frm}{where_sql}) AS {_ROW_ALIAS} "
            f"ORDER BY {', '.join(order)}"
        )

    def select_sql(self, exprs: Sequence[tuple[str, str]], conditions: Sequence[str] = ()) -> str:
        """``SELECT expr AS name, ...`` over the selected rows.

        :param exprs: ``(expression over the source columns, output name)`` pairs.
        :param conditions: as in :meth:`rows_sql`.
        """
        cols = ", ".join(f"{e} AS {pg_quote_ident(n)}" for e, n in exprs)
        if not self.dedupe:  # the plain form, no subquery
            frm = source_from(self.source_table, self.source_sql)
            return f"SELECT {cols} FROM {frm}{self._where_sql(conditions)}"
        return f"SELECT {cols} FROM ({self.rows_sql(conditions)}) AS ai_etl_rows"

    def _where_sql(self, conditions: Sequence[str]) -> str:
        conds = ([f"({self.where})"] if self.where else []) + list(conditions)
        return f" WHERE {' AND '.join(conds)}" if conds else ""

    def count_sql(self, conditions: Sequence[str] = ()) -> str:
        """``SELECT count(*)`` of exactly the rows :meth:`select_sql` returns."""
        return f"SELECT count(*) FROM ({self.rows_sql(conditions)}) AS ai_etl_rows"


def watermark_condition(column: str, truncate_to_seconds: bool = False, literal: str | None = None) -> str:
    """``"column" > %(watermark)s``: rows above the watermark.

    :param column: the incremental column.
    :param truncate_to_seconds: compare the value truncated to whole seconds (target keeps seconds).
    :param literal: an already quoted SQL literal to compare with instead of the ``%(watermark)s``
        parameter (then the SQL needs no parameters, and ``%`` in user SQL stays literal).
    """
    col = pg_quote_ident(column)
    if truncate_to_seconds:
        col = f"date_trunc('second', {col})"
    return f"{col} > {literal if literal is not None else '%(watermark)s'}"


# --------------------------------------------------------------------------- COPY streaming


def stream_copy(
    cur: Any, copy_sql: str, consume: Callable[[ChunkPipe], object], thread: str = "ai-etl-copy"
) -> tuple[int, int]:
    """Run ``COPY ... TO STDOUT`` on ``cur`` in a thread while ``consume`` reads its chunks.

    Memory stays bounded by the pipe. An error on either side stops both; the consumer's is
    raised first, else the producer's. Returns the rows PostgreSQL reports it copied (the
    command tag) and the lines that went through the pipe.
    """
    pipe = ChunkPipe()
    errors: list[BaseException] = []

    def produce() -> None:
        try:
            cur.copy_expert(copy_sql, pipe.writer, size=1 << 20)
        except BaseException as e:  # noqa: BLE001 - re-raised by the calling thread
            errors.append(e)
        finally:
            pipe.close()

    producer = threading.Thread(target=produce, name=thread, daemon=True)
    producer.start()
    try:
        consume(pipe)
    finally:
        # Closing the read end first makes a producer the consumer left behind fail at its next
        # write (BrokenPipeError) instead of blocking the join forever.
        pipe.release()
        producer.join()
    if errors:
        raise errors[0]
    return cur.rowcount, pipe.rows


class ChunkPipe:
    """An OS pipe between ``copy_expert`` (writing) and a consumer iterating chunks of up to 1 MiB.

    ``copy_expert`` calls ``write`` once per row, so :attr:`writer` is a C-level buffered file: no
    Python code runs per row (a Python ``write`` made the transferring process use ~50% more CPU),
    and the kernel pipe keeps memory flat: the COPY blocks while the consumer is behind. ``rows``
    counts the lines that went through (COPY text escapes newlines inside values).
    """

    def __init__(self, chunk: int = 1 << 20) -> None:
        read_fd, write_fd = os.pipe()
        with contextlib.suppress(OSError, AttributeError):  # Linux: fewer, larger reads
            fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, chunk)
        self._read_fd: int | None = read_fd
        self._chunk = chunk
        self.writer: BinaryIO = open(write_fd, "wb", buffering=chunk)  # noqa: SIM115 - see close()
        self.rows = 0

    def close(self) -> None:
        """End of data (called by the producer, also after an error)."""
        with contextlib.suppress(OSError):  # BrokenPipeError after release()
            self.writer.close()

    def release(self) -> None:
        """Close the read end (idempotent): the producer's next write raises ``BrokenPipeError``."""
        fd, self._read_fd = self._read_fd, None
        if fd is not None:
            os.close(fd)

    def __iter__(self) -> Iterator[bytes]:
        while self._read_fd is not None:
            data = os.read(self._read_fd, self._chunk)
            if not data:
                return
            self.rows += data.count(b"\n")
            yield data

    def reader(self) -> _PipeReader:
        """A file-like ``read()`` view, for ``copy_expert(COPY ... FROM STDIN, file)``."""
        return _PipeReader(iter(self))


class _PipeReader:
    """``read(size)`` over an iterator of chunks (returns whole chunks; b"" at the end)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def read(self, size: int = -1) -> bytes:
        return next(self._chunks, b"")

    readline = read
