"""Apply PostgreSQL changes (logical replication, pgoutput) to a ClickHouse ReplacingMergeTree.

Target table
------------
``ENGINE = ReplacingMergeTree(_version) ORDER BY (keys)`` with the source columns (mapped as in
:mod:`airflow_ai_etl.transfers.postgres_to_clickhouse`) plus

* ``_version UInt64``: the WAL position (LSN, as an integer) of the change; 0 for rows of the
  initial snapshot. With unique keys (primary key or replica identity) two changes of one key are
  row-locked against each other, so the later one always has the higher LSN; one WAL record never
  holds two changes of the same key. No in-transaction sequence is needed: every change inside a
  transaction has its own record and LSN.
* ``_deleted UInt8``: 1 for a delete marker (key columns set, the rest defaults).

The current state of the table, as PostgreSQL has it::

    SELECT * FROM t FINAL WHERE _deleted = 0

(``FINAL`` keeps the highest ``_version`` per key; ClickHouse 18.16 supports it. Equivalent
without FINAL: ``argMax(tuple(col), _version).1 ... GROUP BY keys HAVING argMax(_deleted, _version) = 0``
- ``tuple()`` because aggregate functions skip NULL arguments.)
Background merges eventually drop superseded rows; delete markers stay (a ReplacingMergeTree
keeps the last row of a key), so ``_deleted = 0`` belongs in every query.

Confirm after apply (no loss, no duplicates)
--------------------------------------------
Each batch: **receive** whole transactions from the slot -> convert to TabSeparated -> HTTP
``INSERT ... FORMAT TabSeparated`` -> only then **confirm** the slot up to the batch's last commit.
The default reader streams the slot over the replication protocol (``START_REPLICATION ...
LOGICAL``, pgoutput; PostgreSQL decodes the WAL once and pushes changes as they commit) and
confirms with a standby status update (flush LSN); ``reader="sql"`` peeks with
``pg_logical_slot_peek_binary_changes`` and confirms with ``pg_replication_slot_advance`` (which
decodes the WAL a second time). A crash anywhere before the confirmation replays the batch next
time with identical ``_version`` values: duplicates of a (key, version) collapse to one row; a
crash after it lost nothing, the insert was done. Batches end on transaction boundaries, so the
slot only ever points between transactions; a transaction is never split.

Initial snapshot consistent with the slot
-----------------------------------------
1. Create an empty staging table ``<table>__cdc_snapshot`` (its existence means "initialisation
   unfinished");
2. create the publication (before the slot: pgoutput resolves publications as of each change);
3. drop a stale slot, then ``CREATE_REPLICATION_SLOT ... LOGICAL pgoutput EXPORT_SNAPSHOT`` on a
   replication connection: the slot starts exactly at the exported snapshot;
4. copy the table into staging inside ``REPEATABLE READ`` + ``SET TRANSACTION SNAPSHOT`` with
   the fast COPY -> HTTP TabSeparated path (``_version = 0``), reconcile the row count;
5. swap staging in with one ``RENAME TABLE`` and close the replication connection.

Every later change has a version above 0 and is exactly what the snapshot did not see. A run
re-initialises when the slot is missing, the target is missing, the staging table still exists
(a crash in 1-5), or the publication lost the table; otherwise it only applies changes.
With ``snapshot=False`` the target is created empty and CDC starts at the slot's creation.

Row condition and masks
-----------------------
``where`` (a SQL condition on the source rows) becomes the publication's **row filter**
(PostgreSQL 15: ``CREATE PUBLICATION ... FOR TABLE t WHERE (cond)``), and the snapshot copies
``WHERE (cond)`` of the same exported snapshot, so the target holds exactly the rows that satisfy
it. pgoutput sends an UPDATE that takes a row out of the condition as a DELETE (a delete marker
here) and one that brings a row in as an INSERT; changes of rows outside it are not sent at all.
PostgreSQL evaluates the filter of an UPDATE/DELETE on the old row, which the WAL holds only as
its replica identity: the condition may read only replica identity columns (the primary key)
unless the table has ``REPLICA IDENTITY FULL`` - otherwise PostgreSQL would refuse every UPDATE
and DELETE of the table once the publication exists. The condition is therefore tried out in a
rolled-back transaction (which also reports what a row filter may not contain: ``now()``,
subqueries, user-defined functions) and refused before anything is created; this happens when
initialising only. The condition and PostgreSQL's text of it are recorded in the COMMENT of the
target's ``_deleted`` column: a run re-initialises when the condition differs from the recorded
one, or the publication's filter from the recorded text (changed on the source).

``mask`` (``{column: hash|redact|partial}``) lands a column as String with the value
:func:`~airflow_ai_etl.transfers.postgres_source.mask_expr` gives in the batch load. The snapshot
masks in its SQL; changes are masked in Python over pgoutput's text by
:func:`~airflow_ai_etl.transfers.postgres_source.mask_value` (same md5 of the same text, with the
replication session's settings equal to the batch load's), before anything is sent to ClickHouse:
no clear value reaches a ClickHouse table, staging included. Deletes carry only keys, which
cannot be masked. Each masked column records its method in its COMMENT; a run whose masks differ
re-initialises (new snapshot), so a column never holds clear and masked values side by side.

Running it
----------
``mode="batch"`` (default; :class:`~airflow_ai_etl.operators.cdc.PostgresCDCToClickHouseOperator`
in a DAG scheduled every minute, ``max_active_runs=1``): each run applies what was committed
before the WAL position seen at its start, in batches of ``max_changes`` messages (or
``batch_seconds``), then exits; it knows it is done when the server reports (keepalive, requested
when idle) that its decoding passed that position. Simple, restartable, visible in the Airflow UI
per run; latency is the schedule interval plus the run time; the slot holds WAL between runs
(monitor ``lag_bytes``).

``mode="stream"``: one task keeps the stream open for ``max_runtime`` seconds and applies a batch
at the latest ``batch_seconds`` (default 1 s) after its first transaction arrived, so changes are
in ClickHouse about a second after their commit. It holds a worker slot meanwhile; schedule it
(``@hourly``, ``max_runtime`` a little below the interval, ``max_active_runs=1``) so that a failure
is one failed run and the next one resumes from the confirmed position. Same data contract and
confirmation rule as the batch mode, so both can take turns on one slot.

Dates and times outside ClickHouse's range
------------------------------------------
ClickHouse's text parser stores a Date/DateTime value outside its range (18.16: 1970-01-01 ..
2105-12-31, DateTime also from the epoch on; 'infinity' and BC values) as 1970-01-01 (plus the
time of day) without an error. The snapshot checks staging like the batch transfer
(:func:`~airflow_ai_etl.transfers.postgres_to_clickhouse.out_of_range_dates`) and fails before the
RENAME. A change carrying such a value fails its batch before the insert, so the slot stays
before it. The WAL keeps the value, so after the row is corrected in the source the rerun meets it
again: a value whose source row has changed since (in range now, NULL or gone) is written as NULL
(zero) and superseded by the later change in the same run; a live one fails again. Key columns
always fail (re-initialise after correcting the source). Rows of the failed batch flushed before a
TRUNCATE or relation message inside it may already be in ClickHouse: the rerun writes them again
with the same versions, as after a crash before the advance.

Limits: values of types without a ClickHouse text form (``text[]`` and other non-numeric arrays,
``interval``, ``bytea``, ...) are refused up front; columns added to the source after
initialisation stop the pipeline with an error (re-initialise by dropping the ClickHouse table);
a transaction is never split, so one huge transaction is held in memory as a whole; the slot is
per pipeline - dropping the pipeline must drop it (:meth:`PostgresCDCToClickHouse.drop_replication`),
or PostgreSQL keeps WAL for it forever.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from airflow_ai_etl.hooks.cdc import (
    UNCHANGED,
    CDCError,
    Change,
    PostgresCDCHook,
    Relation,
    ReplicationStream,
    RowFilter,
    SourceTable,
    check_replica_identity,
    check_row_filter_identity,
    int_to_lsn,
    parse_message,
)
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier, split_table
from airflow_ai_etl.transfers.postgres_source import (
    MASKS,
    ReconciliationError,
    describe_source,
    mask_value,
    pg_quote_ident,
    stream_copy,
)
from airflow_ai_etl.transfers.postgres_to_clickhouse import (
    TSV_INSERT_SETTINGS,
    ColumnPlan,
    ParsedRange,
    UnmappedTypeError,
    last_parsed_day,
    out_of_range_dates,
    parsed_range,
    plan_column,
)

log = logging.getLogger(__name__)

CDCMode = Literal["batch", "stream"]
CDCReader = Literal["replication", "sql"]
MODES: tuple[str, ...] = ("batch", "stream")
READERS: tuple[str, ...] = ("replication", "sql")
DEFAULT_MAX_RUNTIME = 3600.0
STREAM_BATCH_SECONDS = 1.0
BATCH_BATCH_SECONDS = 5.0
READ_CHUNK = 10_000  # messages taken off the socket per read (psycopg2 buffers the rest)
IDLE_WAIT = 0.2  # seconds to wait for the server when nothing is buffered
BATCH_IDLE_LIMIT = 60.0  # a batch run that hears nothing for this long stops (nothing lost)

VERSION_COL = "_version"
DELETED_COL = "_deleted"
SNAPSHOT_SUFFIX = "__cdc_snapshot"
OLD_SUFFIX = "__cdc_old"
# The target records what it was filled with in column COMMENTs: a masked column its method, the
# _deleted column the row condition and PostgreSQL's text of it. A run whose masks or condition
# differ re-initialises instead of mixing clear and masked values or rows of two conditions, and
# a steady run compares them without trying the condition out on the source.
MASK_COMMENT = "ai_etl mask: "
FILTER_COMMENT = "ai_etl row filter: "

# --------------------------------------------------------------------------- text conversion

_ESC_RE = re.compile(rb"[\\\t\n\r]")
_ESC_MAP = {b"\\": b"\\\\", b"\t": b"\\t", b"\n": b"\\n", b"\r": b"\\r"}
_UNESC_RE = re.compile(rb"\\(.)")
_UNESC_MAP = {b"t": b"\t", b"n": b"\n", b"r": b"\r", b"0": b"\0"}
_ARRAY_BRACES = bytes.maketrans(b"{}", b"[]")
_UNPACK_I16 = struct.Struct(">h").unpack_from
_UNPACK_I32 = struct.Struct(">i").unpack_from
_UNPACK_U32 = struct.Struct(">I").unpack_from
_ZERO = {
    "int": b"0",
    "float": b"0",
    "decimal": b"0",
    "bool": b"0",
    "string": b"",
    "json": b"",
    "date": b"0000-00-00",
    "timestamp": b"0000-00-00 00:00:00",
    "timestamptz": b"0000-00-00 00:00:00",
    "uuid": b"00000000-0000-0000-0000-000000000000",
    "array": b"[]",
}


def tsv_escape(value: bytes) -> bytes:
    """Escape a raw value for ClickHouse TabSeparated (backslash, tab, newline, CR)."""
    return _ESC_RE.sub(lambda m: _ESC_MAP[m.group()], value) if _ESC_RE.search(value) else value


def tsv_unescape(value: bytes) -> bytes:
    """Inverse of :func:`tsv_escape` (also what ClickHouse's TabSeparated output escapes)."""
    return _UNESC_RE.sub(lambda m: _UNESC_MAP.get(m.group(1), m.group(1)), value)


def _bool(v: bytes) -> bytes:
    return b"1" if v == b"t" else b"0"


def _seconds(v: bytes) -> bytes:
    return v[:19]  # 'YYYY-MM-DD HH:MM:SS[.ffffff][+00]' -> DateTime text


def _strip_utc(v: bytes) -> bytes:
    return v[:-3] if v.endswith(b"+00") else v


def _array(v: bytes) -> bytes:
    return v.translate(_ARRAY_BRACES)  # {1,NULL} -> [1,NULL]


def _numeric10(v: bytes) -> bytes:
    # Unconstrained numeric lands in Decimal(38, 10): keep 10 fractional digits (truncating).
    dot = v.find(b".")
    return v if dot < 0 else v[: dot + 11]


def converter(plan: ColumnPlan) -> Callable[[bytes], bytes] | None:
    """Function turning PostgreSQL's text output of ``plan``'s column into ClickHouse TSV text (None: as is).

    A masked column's function masks the value first, exactly as the snapshot's SQL does.

    :raises CDCError: the column has no text form ClickHouse parses (same rule as the fast path).
    """
    if plan.mask:
        masked = mask_value(plan.mask, plan.pg_type)
        return lambda v: tsv_escape(masked(v))
    if plan.text_expr is None:
        raise CDCError(
            f'column "{plan.name}" ({plan.pg_type}) has no text form ClickHouse parses; CDC cannot carry it'
        )
    kind, sub = plan.mapped.kind, plan.mapped.subsecond
    if kind in ("string", "json"):
        return tsv_escape
    if kind == "bool":
        return _bool
    if kind == "timestamp":
        return None if sub else _seconds
    if kind == "timestamptz":
        return _strip_utc if sub else _seconds
    if kind == "array":
        return _array
    if kind == "decimal" and plan.mapped.cast == "numeric(38,10)":
        return _numeric10
    return None


def null_text(plan: ColumnPlan) -> bytes:
    """TSV text of a NULL in ``plan``'s column: ``\\N``, or the zero value where ClickHouse has no NULL."""
    return b"\\N" if plan.nullable else _ZERO.get(plan.mapped.kind, b"")


def ch_literal(raw: bytes) -> str:
    """A ClickHouse string literal for raw (unescaped) bytes."""
    text = raw.decode(errors="replace").replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


@dataclass(frozen=True)
class _DateCheck:
    """A Date/DateTime column of the stream: which of its texts ClickHouse stores faithfully."""

    index: int  # position in the relation's columns
    first: bytes
    last: bytes
    range: ParsedRange
    is_key: bool

    def holds(self, value: bytes) -> bool:
        """``value`` (PostgreSQL's ISO output) lies in the range; 'infinity' and BC values do not."""
        return self.first <= value[: len(self.first)] <= self.last and not value.endswith(b" BC")


def compile_decoder(
    convs: Sequence[Callable[[bytes], bytes] | None],
    nulls: Sequence[bytes],
    check_at: Sequence[_DateCheck | None],
) -> Callable[[bytes, int], list[bytes] | None]:
    """A TupleData -> TSV values function unrolled for one relation's columns (the hot loop of CDC).

    Returns None, for the caller's general path, when a value is UNCHANGED TOAST, of an unknown
    kind, or a date/time outside its ClickHouse range. The generated source holds only column
    positions; converters, NULL texts and range checks are bound as arguments.
    """
    n = len(convs)
    env: dict[str, Any] = {"unpack16": _UNPACK_I16, "unpack32": _UNPACK_I32}
    lines = ["def fast(buf, p):", f"    if unpack16(buf, p)[0] != {n}:", "        return None", "    p += 2"]
    for i in range(n):
        env[f"null{i}"] = nulls[i]
        lines += [
            "    k = buf[p]",
            "    if k == 116:",
            "        e = p + 5 + unpack32(buf, p + 1)[0]",
            f"        v{i} = buf[p + 5:e]",
            "        p = e",
        ]
        if check_at[i] is not None:
            env[f"holds{i}"] = check_at[i].holds  # type: ignore[union-attr]
            lines += [f"        if not holds{i}(v{i}):", "            return None"]
        if convs[i] is not None:
            env[f"conv{i}"] = convs[i]
            lines.append(f"        v{i} = conv{i}(v{i})")
        lines += [
            "    elif k == 110:",
            f"        v{i} = null{i}",
            "        p += 1",
            "    else:",
            "        return None",
        ]
    lines.append("    return [" + ", ".join(f"v{i}" for i in range(n)) + "]")
    exec(compile("\n".join(lines), "<cdc-decoder>", "exec"), env)  # noqa: S102 - positions only, see above
    return env["fast"]


@dataclass
class _RelState:
    """Per relation (pgoutput 'R'): column order of the stream and how each value becomes TSV."""

    columns: list[str]
    convs: list[Callable[[bytes], bytes] | None]
    nulls: list[bytes]
    key_idx: list[int]
    checks: list[_DateCheck]  # range checks of the Date/DateTime columns
    check_at: list[_DateCheck | None] = field(init=False)  # the same, by column position
    fast: Callable[[bytes, int], list[bytes] | None] = field(init=False)  # see compile_decoder

    def __post_init__(self) -> None:
        self.check_at = [None] * len(self.columns)
        for check in self.checks:
            self.check_at[check.index] = check
        self.fast = compile_decoder(self.convs, self.nulls, self.check_at)


# --------------------------------------------------------------------------- result


@dataclass
class CDCResult:
    """What one run did; :meth:`as_dict` is the operator's XCom value."""

    target: str
    slot: str
    publication: str
    initialized: bool = False
    snapshot_rows: int | None = None
    changes: int = 0
    inserts: int = 0
    updates: int = 0
    deletes: int = 0
    truncates: int = 0
    transactions: int = 0
    rows_written: int = 0
    batches: list[int] = field(default_factory=list)  # changes per batch
    confirmed_lsn: int = 0
    lag_bytes: int = 0
    last_commit_age_seconds: float | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        rate = self.changes / self.seconds if self.seconds else 0.0
        return {
            "target": self.target,
            "slot": self.slot,
            "publication": self.publication,
            "initialized": self.initialized,
            "snapshot_rows": self.snapshot_rows,
            "changes": self.changes,
            "inserts": self.inserts,
            "updates": self.updates,
            "deletes": self.deletes,
            "truncates": self.truncates,
            "transactions": self.transactions,
            "rows_written": self.rows_written,
            "batches": len(self.batches),
            "rows_per_batch": list(self.batches),
            "confirmed_lsn": int_to_lsn(self.confirmed_lsn),
            "lag_bytes": self.lag_bytes,
            "last_commit_age_seconds": None
            if self.last_commit_age_seconds is None
            else round(self.last_commit_age_seconds, 3),
            "seconds": round(self.seconds, 3),
            "changes_per_second": round(rate, 1),
        }


def default_name(source_table: str, target_id: str) -> str:
    """Slot/publication name for a pipeline: ``ai_etl_<table>_<hash of source and target>`` (<= 63 chars)."""
    base = re.sub(r"[^a-z0-9_]+", "_", source_table.lower().split(".")[-1]).strip("_")[:40]
    digest = hashlib.sha1(f"{source_table}|{target_id}".encode()).hexdigest()[:10]
    return f"ai_etl_{base}_{digest}"


# --------------------------------------------------------------------------- engine


@dataclass
class PostgresCDCToClickHouse:
    """Replicate one PostgreSQL table into ClickHouse through a logical replication slot (see module doc).

    :param source_conn_id: Airflow connection of the PostgreSQL database (``wal_level = logical``).
    :param source_table: ``table`` or ``schema.table``.
    :param target_hook: ClickHouse hook of the target; needs the ``http_port`` extra (bulk path).
    :param target_table: ``table`` or ``db.table`` in ClickHouse; created (with the snapshot) if missing.
    :param keys: ORDER BY / deduplication keys (default: the primary key, else the replica identity
        index); must be unique in the source and covered by the replica identity.
    :param slot_name: replication slot (default: derived from source and target, see :func:`default_name`).
    :param publication: publication (default: same as the slot name).
    :param max_changes: decoded messages per batch (whole transactions; bounds memory per batch).
    :param snapshot: copy the existing rows when initialising (False: start empty at slot creation).
    :param mode: ``"batch"`` (default): apply what the slot holds up to the WAL position seen at the
        start, then return; ``"stream"``: keep applying new changes as they commit until
        ``max_runtime`` seconds have passed (low latency; the task occupies its worker meanwhile).
    :param max_runtime: seconds a ``"stream"`` run keeps streaming (default 3600); not used by ``"batch"``.
    :param batch_seconds: longest time a received change waits before its batch is applied (default
        1 s in ``"stream"`` mode, 5 s in ``"batch"`` mode); fewer, larger ClickHouse inserts vs latency.
    :param reader: ``"replication"`` (default): the streaming replication protocol, WAL decoded once;
        ``"sql"``: peek with ``pg_logical_slot_peek_binary_changes`` and ``pg_replication_slot_advance``
        (decodes the WAL twice; for connections where a replication session is refused).
    :param where: SQL condition on the source rows: only rows satisfying it are replicated (see
        "Row condition and masks" in the module docstring).
    :param mask: ``{column: "hash" | "redact" | "partial"}``: these columns land masked, as
        :func:`~airflow_ai_etl.transfers.postgres_source.mask_expr` masks them; never a key.
    """

    source_conn_id: str
    source_table: str
    target_hook: ClickHouseHook
    target_table: str
    keys: Sequence[str] | None = None
    slot_name: str | None = None
    publication: str | None = None
    max_changes: int = 100_000
    snapshot: bool = True
    mode: CDCMode = "batch"
    max_runtime: float | None = None
    batch_seconds: float | None = None
    reader: CDCReader = "replication"
    where: str | None = None
    mask: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if (
            isinstance(self.max_changes, bool)
            or not isinstance(self.max_changes, int)
            or self.max_changes < 1
        ):
            raise CDCError(f"max_changes must be a positive integer, got {self.max_changes!r}")
        if self.mode not in MODES:
            raise CDCError(f"mode must be one of {list(MODES)}, got {self.mode!r}")
        if self.reader not in READERS:
            raise CDCError(f"reader must be one of {list(READERS)}, got {self.reader!r}")
        if self.mode == "stream" and self.reader != "replication":
            raise CDCError('mode="stream" needs reader="replication"')
        for name in ("max_runtime", "batch_seconds"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float) or not value > 0
            ):
                raise CDCError(f"{name} must be a positive number of seconds, got {value!r}")
        if self.max_runtime is not None and self.mode != "stream":
            raise CDCError('max_runtime applies to mode="stream" only (a "batch" run stops at the WAL end)')
        if self.max_runtime is None and self.mode == "stream":
            self.max_runtime = DEFAULT_MAX_RUNTIME
        if self.batch_seconds is None:
            self.batch_seconds = STREAM_BATCH_SECONDS if self.mode == "stream" else BATCH_BATCH_SECONDS
        self._check_mask()
        if self.where is not None and not self.where.strip():
            self.where = None
        hook = self.target_hook
        target_id = f"{getattr(hook, hook.conn_name_attr, '')}:{self.target_table}"
        # The resolved names, typed str (the fields stay as given or filled in, for callers).
        self._slot: str = self.slot_name or default_name(self.source_table, target_id)
        self._publication: str = self.publication or self._slot
        self.slot_name, self.publication = self._slot, self._publication
        if not re.fullmatch(r"[a-z0-9_]{1,63}", self._slot):
            raise CDCError(f"slot_name {self._slot!r}: use 1-63 lower-case letters, digits, underscores")
        self.source = PostgresCDCHook(self.source_conn_id)

    def _check_mask(self) -> None:
        """Mask methods are known and no explicit key is masked (a masked key would merge rows)."""
        mask = self.mask or {}
        if not isinstance(mask, dict):
            raise CDCError(f"mask must be a {{column: method}} dict, got {mask!r}")
        for column, method in mask.items():
            if method not in MASKS:
                raise CDCError(f"mask for column {column!r}: unknown method {method!r}; use one of {MASKS}")
        self._check_masked_keys(self.keys or [])

    def _check_masked_keys(self, keys: Sequence[str]) -> None:
        masked = [k for k in keys if k in (self.mask or {})]
        if masked:
            raise CDCError(
                f"key columns {masked} of the CDC of {self.source_table} are masked: a key identifies the "
                "row that each update and delete replaces, so it must arrive in clear. Mask other "
                "columns, or pass keys=[...] with unmasked unique columns. Nothing was created."
            )

    def _where_sql(self) -> str:
        """`` WHERE (condition)`` of the row condition, or nothing."""
        return f" WHERE ({self.where})" if self.where else ""

    # ------------------------------------------------------------------ helpers

    def _copy_snapshot(self, conn: Any, table: SourceTable, plans: Sequence[ColumnPlan], staging: str) -> int:
        """``COPY (SELECT <ClickHouse text>) TO STDOUT`` in ``conn``'s transaction, streamed into an HTTP
        ``INSERT ... FORMAT TabSeparated`` of ``staging`` (``_version``/``_deleted`` take their default 0).
        """
        exprs = ", ".join(f"{p.text_expr} AS {pg_quote_ident(p.name)}" for p in plans)
        copy_sql = f"COPY (SELECT {exprs} FROM {table.qualified}{self._where_sql()}) TO STDOUT"
        cols = ", ".join(quote_identifier(p.name) for p in plans)
        insert = f"INSERT INTO {staging} ({cols}) FORMAT TabSeparated"
        with conn.cursor() as cur:
            _, rows = stream_copy(
                cur,
                copy_sql,
                lambda pipe: self.target_hook.http_query(insert, body=pipe, settings=TSV_INSERT_SETTINGS),
                "ai-etl-cdc-snapshot",
            )
        return rows

    def _check_snapshot_dates(
        self,
        conn: Any,
        client: Any,
        table: SourceTable,
        plans: Sequence[ColumnPlan],
        staging: tuple[str, str],
    ) -> None:
        """Fail the initialisation, before anything is published, when a snapshot date/time lies outside
        its ClickHouse column's range (stored as 1970-01-01 otherwise); asks ``conn``'s snapshot."""
        exprs = ", ".join(f"{p.select_expr} AS {pg_quote_ident(p.name)}" for p in plans)
        select = f"SELECT {exprs} FROM {table.qualified}{self._where_sql()}"
        problems = out_of_range_dates(conn, client, plans, staging, select)
        if problems:
            raise CDCError(
                f"CDC snapshot of {table.schema}.{table.name}: " + "; ".join(problems) + ". ClickHouse "
                "would store them as 1970-01-01: correct those rows in the source (a value in range, or "
                "NULL) and rerun; nothing was published"
            )

    def _names(self) -> tuple[str, str, str, str]:
        database, table = split_table(self.target_table, self.target_hook.database_name)
        q = quote_identifier
        return (
            f"{q(database)}.{q(table)}",
            f"{q(database)}.{q(table + SNAPSHOT_SUFFIX)}",
            f"{q(database)}.{q(table + OLD_SUFFIX)}",
            f"{database}.{table}",
        )

    @staticmethod
    def _ddl(
        table_sql: str, plans: Sequence[ColumnPlan], keys: Sequence[str], row_filter: RowFilter | None
    ) -> str:
        cols = [
            f"{quote_identifier(p.name)} {p.ch_type}"
            + (f" COMMENT {ch_literal((MASK_COMMENT + p.mask).encode())}" if p.mask else "")
            for p in plans
        ]
        deleted = f"{quote_identifier(DELETED_COL)} UInt8"
        if row_filter is not None:
            record = json.dumps(
                {"where": row_filter.condition, "filter": row_filter.deparsed}, ensure_ascii=False
            )
            deleted += f" COMMENT {ch_literal((FILTER_COMMENT + record).encode())}"
        cols += [f"{quote_identifier(VERSION_COL)} UInt64", deleted]
        order = ", ".join(quote_identifier(k) for k in keys)
        return (
            f"CREATE TABLE {table_sql} (\n  " + ",\n  ".join(cols) + "\n) "
            f"ENGINE = ReplacingMergeTree({quote_identifier(VERSION_COL)}) ORDER BY ({order})"
        )

    def _plan(self, conn: Any) -> tuple[SourceTable, list[str], dict[str, ColumnPlan]]:
        """Describe the source, resolve and check keys and masks, and map every column (fails fast,
        before DDL or publication; the row condition is checked by :meth:`_row_filter` when initialising)."""
        table = self.source.describe_table(conn, self.source_table)
        keys = list(
            self.keys or table.pk or (table.identity_columns if table.replica_identity == "i" else [])
        )
        if not keys:
            raise CDCError(
                f"table {table.schema}.{table.name} has no primary key: pass keys=[...] (unique columns) "
                f"and run ALTER TABLE {table.qualified} REPLICA IDENTITY FULL; so deletes can be replicated"
            )
        check_replica_identity(table, keys)
        described, _ = describe_source(conn, f"{table.schema}.{table.name}", None)
        names = [c[0] for c in described]
        if {VERSION_COL, DELETED_COL} & set(names):
            raise CDCError(
                f"source columns {VERSION_COL!r}/{DELETED_COL!r} clash with the CDC bookkeeping columns"
            )
        absent = [k for k in keys if k not in names]
        if absent:
            raise CDCError(f"keys {absent} are not columns of {table.schema}.{table.name} ({names})")
        self._check_masked_keys(keys)
        mask = self.mask or {}
        self._check_mask_columns(conn, table, names)
        datetime64 = self.target_hook.server_version() >= (20, 1)
        plans = []
        for name, pg_type, nullable, is_enum in described:
            try:
                plans.append(
                    plan_column(
                        name,
                        pg_type,
                        nullable,
                        mask=mask.get(name),
                        is_key=name in keys,
                        is_enum=is_enum,
                        datetime64=datetime64,
                    )
                )
            except UnmappedTypeError:
                raise CDCError(
                    f'CDC of {table.schema}.{table.name}: column "{name}" has PostgreSQL type "{pg_type}" '
                    "with no ClickHouse mapping, and CDC replicates whole rows. Change the column's type in "
                    "the source (e.g. to text) or drop it, then drop the ClickHouse table so that CDC "
                    "re-initialises. Nothing was applied; the replication slot did not move."
                ) from None
        for p in plans:
            converter(p)  # unsupported types fail here, not in the middle of a batch
        return table, keys, {p.name: p for p in plans}

    def _check_mask_columns(self, conn: Any, table: SourceTable, names: Sequence[str]) -> None:
        """Masked columns exist; hash and partial masks need a UTF-8 database (see :func:`mask_value`)."""
        mask = self.mask or {}
        absent = [c for c in mask if c not in names]
        if absent:
            raise CDCError(
                f"masked columns {absent} are not columns of {table.schema}.{table.name} ({names})"
            )
        if any(method != "redact" for method in mask.values()):
            with conn.cursor() as cur:
                cur.execute("SHOW server_encoding")
                encoding = cur.fetchone()[0]
            conn.rollback()
            if encoding.upper() not in ("UTF8", "UTF-8"):
                # md5() hashes the server's bytes; pgoutput's text arrives converted for the client.
                raise CDCError(
                    f"the source database is encoded in {encoding}: CDC masks hash/partial only UTF8 "
                    "databases identically to the batch load; use method 'redact'"
                )

    def _row_filter(self, conn: Any, table: SourceTable) -> RowFilter | None:
        """The row condition as a publication row filter, tried out and checked against the replica
        identity (PostgreSQL refuses UPDATE/DELETE on the table once a filter it cannot check is
        published); None without a condition."""
        if not self.where:
            return None
        row_filter = self.source.probe_row_filter(conn, self._publication, table, self.where)
        check_row_filter_identity(table, row_filter)
        return row_filter

    # ------------------------------------------------------------------ initialisation

    def _needs_init(
        self, conn: Any, client: Any, table: SourceTable, plans: dict[str, ColumnPlan]
    ) -> str | None:
        hook = self.target_hook
        target_sql, staging_sql, _, full = self._names()
        slot = self.source.slot_info(conn, self._slot)
        if slot is not None and slot["plugin"] != "pgoutput":
            raise CDCError(f"replication slot {self._slot!r} uses plugin {slot['plugin']!r}, not pgoutput")
        if slot is None:
            return "no replication slot"
        if hook.table_exists(full + SNAPSHOT_SUFFIX, client):
            return "unfinished initialisation (snapshot staging table exists)"
        if not hook.table_exists(full, client):
            return "target table missing"
        if not self.source.publication_has_table(conn, self._publication, table):
            return "publication missing or without the table"
        return self._filled_otherwise(conn, client, table, plans)

    def _filled_otherwise(
        self, conn: Any, client: Any, table: SourceTable, plans: dict[str, ColumnPlan]
    ) -> str | None:
        """Why the target holds other rows or values than this run's condition and masks ask for
        (None: it holds these): its recorded masks or condition differ, or the publication's filter
        is not the one recorded (changed on the source)."""
        masks, recorded = self._recorded(client)
        if masks != {n: p.mask for n, p in plans.items() if p.mask}:
            return f"the masked columns {masks} of the target differ from the masks asked for"
        if recorded.get("where") != self.where:
            return f"the target holds the rows of condition {recorded.get('where')!r}, not {self.where!r}"
        published = self.source.publication_filter(conn, self._publication, table)
        if published != recorded.get("filter"):
            return (
                f"the publication's row filter {published!r} is not the recorded {recorded.get('filter')!r}"
            )
        return None

    def _recorded(self, client: Any) -> tuple[dict[str, str], dict[str, Any]]:
        """(masks by column, ``{"where", "filter"}`` of the row condition) the target's column COMMENTs
        record (see :data:`MASK_COMMENT`); empty for what they do not record."""
        database, table = self._names()[3].split(".", 1)
        rows = client.execute(
            "SELECT name, comment FROM system.columns WHERE database = %(d)s AND table = %(t)s",
            {"d": database, "t": table},
        )
        masks = {n: c[len(MASK_COMMENT) :] for n, c in rows if c.startswith(MASK_COMMENT)}
        condition = next(
            (c[len(FILTER_COMMENT) :] for n, c in rows if n == DELETED_COL and c.startswith(FILTER_COMMENT)),
            None,
        )
        return masks, json.loads(condition) if condition else {}

    def _refuse_kept_target(
        self, client: Any, plans: dict[str, ColumnPlan], row_filter: RowFilter | None
    ) -> None:
        """Without a snapshot an existing target is kept, with the COMMENTs it has: refuse when it holds
        other rows or values (clear ones of a column now masked, rows of another condition) than this
        run asks for, or records another text of the condition (each run would re-initialise)."""
        masks, recorded = self._recorded(client)
        asked = (
            {n: p.mask for n, p in plans.items() if p.mask},
            self.where,
            row_filter.deparsed if row_filter else None,
        )
        if (masks, recorded.get("where"), recorded.get("filter")) != asked:
            raise CDCError(
                f"ClickHouse table {self._names()[3]} was filled with other masks or another row condition, "
                "and snapshot=False keeps it: drop it (or run with snapshot=True) so that no clear or "
                "out-of-condition value stays in it. Nothing was changed."
            )

    def _initialize(
        self, conn: Any, client: Any, table: SourceTable, keys: list[str], plans: dict[str, ColumnPlan]
    ) -> int | None:
        """Steps 1-5 of the module docstring; returns the snapshot's row count (None without snapshot)."""
        hook = self.target_hook
        target_sql, staging_sql, old_sql, full = self._names()
        database, name = full.split(".", 1)
        plan_list = list(plans.values())
        row_filter = self._row_filter(conn, table)  # refused here, before anything is created
        if not self.snapshot and hook.table_exists(full, client):
            self._refuse_kept_target(client, plans, row_filter)
        client.execute(f"CREATE DATABASE IF NOT EXISTS {quote_identifier(database)}")
        client.execute(f"DROP TABLE IF EXISTS {old_sql}")
        client.execute(f"DROP TABLE IF EXISTS {staging_sql}")
        if self.snapshot:
            client.execute(self._ddl(staging_sql, plan_list, keys, row_filter))  # 1. marker + destination
        self.source.ensure_publication(conn, self._publication, table, row_filter)  # 2.
        self.source.drop_slot(conn, self._slot)  # 3.
        if not self.snapshot:
            self.source.create_slot(conn, self._slot)
            if not hook.table_exists(full, client):
                client.execute(self._ddl(target_sql, plan_list, keys, row_filter))
            else:
                log.warning("%s kept as is; changes made while no slot existed are not in it", full)
            return None
        repl, start, snapshot_name = self.source.create_slot_with_snapshot(self._slot)
        try:
            snap = self.source.connect()
            try:  # 4.
                snap.set_session(isolation_level="REPEATABLE READ", readonly=True)
                with snap.cursor() as cur:
                    cur.execute("SET TRANSACTION SNAPSHOT %s", (snapshot_name,))
                self._copy_snapshot(snap, table, plan_list, staging_sql)
                self._check_snapshot_dates(snap, client, table, plan_list, (database, name + SNAPSHOT_SUFFIX))
                with snap.cursor() as cur:
                    cur.execute(f"SELECT count(*) FROM {table.qualified}{self._where_sql()}")
                    source_rows = cur.fetchone()[0]
                snap.rollback()
            finally:
                snap.close()
        finally:
            repl.close()
        landed = client.execute(f"SELECT count() FROM {staging_sql}")[0][0]
        if landed != source_rows:
            raise ReconciliationError(
                f"CDC snapshot of {table.schema}.{table.name}: {source_rows} rows in the snapshot, "
                f"{landed} arrived in {full}{SNAPSHOT_SUFFIX}; will re-initialise on the next run"
            )
        if hook.table_exists(full, client):  # 5. one RENAME: readers see old or new, never neither
            client.execute(f"RENAME TABLE {target_sql} TO {old_sql}, {staging_sql} TO {target_sql}")
            client.execute(f"DROP TABLE {old_sql}")
        else:
            client.execute(f"RENAME TABLE {staging_sql} TO {target_sql}")
        log.info(
            "CDC snapshot of %s: %s rows into %s, slot %s from %s",
            table.name,
            landed,
            full,
            self._slot,
            int_to_lsn(start),
        )
        return int(landed)

    # ------------------------------------------------------------------ changes

    def run(self) -> CDCResult:
        """Initialise if needed, then apply batches until the slot reaches the WAL position seen at start."""
        started = time.monotonic()
        hook = self.target_hook
        if hook.http_port is None:
            raise CDCError(
                f"ClickHouse connection {getattr(hook, hook.conn_name_attr, '')!r} has no http_port extra; "
                "CDC inserts through the HTTP interface (TabSeparated)"
            )
        target_sql, _, _, full = self._names()
        result = CDCResult(full, self._slot, self._publication)
        conn = self.source.connect()
        client = hook.get_client()
        try:
            self.source.check_server(conn)
            table, keys, plans = self._plan(conn)
            reason = self._needs_init(conn, client, table, plans)
            if reason:
                log.info("Initialising CDC %s -> %s: %s", self.source_table, full, reason)
                result.snapshot_rows = self._initialize(conn, client, table, keys, plans)
                result.initialized = True
            ranges = self._date_ranges(client, plans, self._check_target(client, full, plans))
            self.source.wait_slot_free(conn, self._slot)
            info = self.source.slot_info(conn, self._slot)
            if info is None:  # dropped by someone else since _needs_init found it
                raise CDCError(
                    f"replication slot {self._slot} disappeared during the run; rerun to reinitialise"
                )
            confirmed = info["confirmed_flush"]
            upto = self.source.flush_lsn(conn)
            rels: dict[int, _RelState] = {}

            def apply(rows: Sequence[tuple[int, bytes]]) -> float | None:
                return self._apply(rows, rels, plans, keys, ranges, conn, table, client, target_sql, result)

            if self.reader == "sql":
                last_commit, confirmed = self._run_peek(conn, apply, confirmed, upto)
            else:
                last_commit, confirmed = self._run_stream(conn, apply, confirmed, upto, started)
            result.confirmed_lsn = confirmed
            result.lag_bytes = max(0, self.source.flush_lsn(conn) - confirmed)
            if last_commit is not None:
                result.last_commit_age_seconds = max(0.0, time.time() - last_commit)
        finally:
            conn.close()
            client.disconnect()
        result.seconds = time.monotonic() - started
        return result

    def _confirm(self, confirm: Callable[[int], int], lsn: int) -> int:
        """Confirm the slot up to ``lsn`` through ``confirm`` (feedback or advance); the one place the slot
        moves, called only after ClickHouse accepted everything before ``lsn``."""
        return confirm(lsn)

    def _run_peek(
        self,
        conn: Any,
        apply: Callable[[Sequence[tuple[int, bytes]]], float | None],
        confirmed: int,
        upto: int,
    ) -> tuple[float | None, int]:
        """The SQL-function reader: peek a batch, apply it, advance the slot; until ``upto``."""
        last_commit: float | None = None

        def advance(lsn: int) -> int:
            return self.source.advance(conn, self._slot, lsn)

        while upto > confirmed:
            rows = self.source.peek(conn, self._slot, self._publication, upto, self.max_changes)
            truncated = len(rows) >= self.max_changes
            stats = apply(rows)
            if stats is not None:
                last_commit = stats
            if truncated:
                commits = [lsn for lsn, data in rows if data[:1] == b"C"]
                if not commits:
                    raise CDCError("decoded batch does not end with a commit; cannot confirm it")
                target = commits[-1]
            else:
                target = upto  # everything up to `upto` was decoded (incl. other tables' WAL)
            if target > confirmed:
                confirmed = self._confirm(advance, target)
            if not truncated:
                break
        return last_commit, confirmed

    def _run_stream(
        self,
        conn: Any,
        apply: Callable[[Sequence[tuple[int, bytes]]], float | None],
        confirmed: int,
        upto: int,
        started: float,
    ) -> tuple[float | None, int]:
        """The replication-protocol reader: receive whole transactions, apply them in batches (at
        ``max_changes`` messages or ``batch_seconds`` after the batch's first transaction), and send
        the flush position only after ClickHouse accepted the batch.

        ``"batch"`` mode stops once every transaction committed before ``upto`` was applied (the server
        reports its decoding position in keepalives, which we request when idle); ``"stream"`` mode
        stops at ``max_runtime``, leaving a transaction still being received to the next run.
        """
        stream: ReplicationStream = self.source.open_stream(self._slot, self._publication, confirmed)
        window = float(self.batch_seconds or BATCH_BATCH_SECONDS)
        deadline = started + float(self.max_runtime) if self.mode == "stream" and self.max_runtime else None
        pending: list[tuple[int, bytes]] = []  # complete transactions not yet applied
        open_txn: list[tuple[int, bytes]] = []  # messages since the last commit
        pending_since = 0.0
        reached = confirmed  # everything the server sent below this position is in `pending` or applied
        last_commit: float | None = None
        heard = time.monotonic()

        def flush() -> None:
            nonlocal pending, last_commit, confirmed
            if pending:
                commit_end = pending[-1][0]
                stats = apply(pending)
                if stats is not None:
                    last_commit = stats
                pending = []
                confirmed = self._confirm(self._feedback(stream), commit_end)

        try:
            while True:
                messages = stream.read(READ_CHUNK)
                now = time.monotonic()
                if messages:
                    heard = now
                for lsn, data in messages:
                    open_txn.append((lsn, data))
                    if data[0] == 67:  # 'C': the transaction is complete; lsn = end of its commit record
                        if not pending:
                            pending_since = now
                        pending.extend(open_txn)
                        open_txn = []
                        reached = lsn
                        if len(pending) >= self.max_changes:
                            flush()
                if not messages and not open_txn:
                    reached = max(reached, stream.server_wal_end)
                if pending and (time.monotonic() - pending_since >= window):
                    flush()
                if deadline is not None:
                    if time.monotonic() >= deadline:
                        break
                elif reached >= upto and not open_txn:
                    break
                elif time.monotonic() - heard > BATCH_IDLE_LIMIT:
                    log.warning(
                        "CDC: no message from the server for %.0f s before reaching %s (at %s); stopping "
                        "this run, the next one continues from the confirmed position",
                        BATCH_IDLE_LIMIT,
                        int_to_lsn(upto),
                        int_to_lsn(reached),
                    )
                    break
                if not messages:
                    if deadline is None:
                        stream.ask_position()  # the server answers with a keepalive: its decoding position
                    stream.wait(IDLE_WAIT)
            flush()
            if not open_txn and reached > confirmed:  # WAL after our last commit held nothing for us
                confirmed = self._confirm(self._feedback(stream), reached)
        finally:
            stream.close()
        self.source.wait_confirmed(conn, self._slot, confirmed)
        return last_commit, confirmed

    @staticmethod
    def _feedback(stream: ReplicationStream) -> Callable[[int], int]:
        def send(lsn: int) -> int:
            stream.confirm(lsn)
            return lsn

        return send

    def _check_target(self, client: Any, full: str, plans: dict[str, ColumnPlan]) -> dict[str, str]:
        """Check the target has every column; returns its ClickHouse types by column."""
        existing = dict(self.target_hook.get_table_columns(full, client))
        missing = [c for c in [*plans, VERSION_COL, DELETED_COL] if c not in existing]
        if missing:
            raise CDCError(
                f"ClickHouse table {full} lacks columns {missing}: the source schema changed or the table "
                "is not a CDC target; drop it to re-initialise (snapshot + new slot)"
            )
        return existing

    @staticmethod
    def _date_ranges(
        client: Any, plans: dict[str, ColumnPlan], types: dict[str, str]
    ) -> dict[str, ParsedRange]:
        """Range of each Date/DateTime target column fed by a date/time column (texts sent without offset)."""
        dated = [n for n, p in plans.items() if p.mapped.kind in ("date", "timestamp", "timestamptz")]
        if not dated:
            return {}
        server_tz, last_day = client.execute("SELECT timezone()")[0][0], last_parsed_day(client)
        ranges = {name: parsed_range(types[name], None, server_tz, last_day) for name in dated}
        return {name: r for name, r in ranges.items() if r is not None}

    def _rel_state(
        self,
        rel: Relation,
        plans: dict[str, ColumnPlan],
        keys: Sequence[str],
        ranges: dict[str, ParsedRange],
    ) -> _RelState:
        unknown = [c for c in rel.columns if c not in plans]
        if unknown:
            raise CDCError(
                f"source table {rel.schema}.{rel.name} has new columns {unknown}; drop the ClickHouse table "
                "to re-initialise CDC with the new schema"
            )
        col_plans = [plans[c] for c in rel.columns]
        return _RelState(
            list(rel.columns),
            [converter(p) for p in col_plans],
            [null_text(p) for p in col_plans],
            [rel.columns.index(k) for k in keys],
            [
                _DateCheck(i, r.first.encode(), r.last.encode(), r, name in keys)
                for i, name in enumerate(rel.columns)
                if (r := ranges.get(name)) is not None
            ],
        )

    def _apply(
        self,
        rows: Sequence[tuple[int, bytes]],
        rels: dict[int, _RelState],
        plans: dict[str, ColumnPlan],
        keys: Sequence[str],
        ranges: dict[str, ParsedRange],
        conn: Any,
        table: SourceTable,
        client: Any,
        target_sql: str,
        result: CDCResult,
    ) -> float | None:
        """Convert one peeked batch and insert it; returns the last commit time (UNIX s) or None.

        A date/time outside its ClickHouse column's range raises :class:`CDCError` (see
        :meth:`_stand_in`) before the batch's last insert, so the caller does not advance the slot
        (rows flushed earlier, at a TRUNCATE or relation change, are replayed with the same versions).
        """
        upserts: list[tuple[list[bytes], int]] = []
        deletes: list[tuple[list[bytes], int]] = []
        columns: list[str] | None = None
        last_commit: float | None = None
        n_changes = 0

        def convert(state: _RelState, vals: list[Any]) -> list[Any]:
            out: list[Any] = []
            for v, conv, null in zip(vals, state.convs, state.nulls, strict=True):
                if v is None:
                    out.append(null)
                elif v is UNCHANGED:
                    out.append(UNCHANGED)
                else:
                    out.append(conv(v) if conv else v)
            return out

        def check_dates(state: _RelState, vals: list[Any], lsn: int, out: list[Any] | None) -> None:
            # out=None: an old key (delete, key change), where only key columns matter.
            for check in state.checks:
                v = vals[check.index]
                if isinstance(v, bytes) and (out is not None or check.is_key) and not check.holds(v):
                    stand_in = self._stand_in(conn, table, state, vals, check, lsn)
                    if out is not None:
                        out[check.index] = stand_in

        def flush() -> None:
            nonlocal upserts, deletes
            if upserts and columns is None:  # never: every upsert's relation set `columns`
                raise CDCError("internal error: changes without a relation message; nothing confirmed")
            if upserts and columns is not None:
                cols = ", ".join(quote_identifier(c) for c in [*columns, VERSION_COL, DELETED_COL])
                body = b"".join(b"\t".join(vals) + b"\t%d\t0\n" % ver for vals, ver in upserts)
                self.target_hook.http_query(
                    f"INSERT INTO {target_sql} ({cols}) FORMAT TabSeparated", body=body
                )
            if deletes:
                cols = ", ".join(quote_identifier(c) for c in [*keys, VERSION_COL, DELETED_COL])
                body = b"".join(b"\t".join(vals) + b"\t%d\t1\n" % ver for vals, ver in deletes)
                self.target_hook.http_query(
                    f"INSERT INTO {target_sql} ({cols}) FORMAT TabSeparated", body=body
                )
            result.rows_written += len(upserts) + len(deletes)
            upserts, deletes = [], []

        inserts = updates = 0
        for lsn, data in rows:
            tag = data[0]
            # Fast path, most changes: an insert, or an update without old tuple ('N' at 5: the key
            # did not change), all values present and in range: parse and convert in one pass.
            if tag == 73 or (tag == 85 and data[5] == 78):
                state = rels[_UNPACK_U32(data, 1)[0]]
                new = state.fast(data, 6)
                if new is not None:
                    if columns is None:
                        columns = state.columns
                    upserts.append((new, lsn))
                    if tag == 73:
                        inserts += 1
                    else:
                        updates += 1
                    continue
            ch = parse_message(lsn, data)
            if ch is None:
                continue
            op = ch.op
            if op == "I" or op == "U":
                state = rels[ch.relid]
                if columns is None:  # a stream sends a relation's 'R' once per session, not per batch
                    columns = state.columns
                new = convert(state, ch.new or [])
                check_dates(state, ch.new or [], lsn, new)
                prev_key = [new[i] for i in state.key_idx]
                if op == "U" and ch.old is not None:
                    check_dates(state, ch.old, lsn, None)
                    old = convert(state, ch.old)
                    old_key = [old[i] for i in state.key_idx]
                    if old_key != prev_key:  # key changed: retire the old key
                        deletes.append((old_key, lsn))
                        prev_key = old_key
                    if ch.old_is_full:
                        new = [o if v is UNCHANGED else v for v, o in zip(new, old, strict=True)]
                if UNCHANGED in new:
                    self._fill_unchanged(new, prev_key, state, upserts, client, target_sql)
                upserts.append((new, lsn))
                n_changes += 1
                if op == "I":
                    result.inserts += 1
                else:
                    result.updates += 1
            elif op == "D":
                state = rels[ch.relid]
                old = ch.old or []
                key = [old[i] for i in state.key_idx] if old else []
                if not key or any(v is None or v is UNCHANGED for v in key):
                    raise CDCError(
                        f"a DELETE on {self.source_table} carries no key {list(keys)}: set a primary key or "
                        "ALTER TABLE ... REPLICA IDENTITY FULL"
                    )
                check_dates(state, old, lsn, None)
                deletes.append(
                    (
                        [
                            state.nulls[i] if v is None else (state.convs[i] or bytes)(v)
                            for i, v in zip(state.key_idx, key, strict=True)
                        ],
                        lsn,
                    )
                )
                n_changes += 1
                result.deletes += 1
            elif op == "R":
                assert ch.relation is not None
                state = self._rel_state(ch.relation, plans, keys, ranges)
                if columns is not None and state.columns != columns:
                    flush()  # schema shape changed inside the batch
                rels[ch.relid] = state
                columns = state.columns
            elif op == "C":
                last_commit = ch.commit_time
                result.transactions += 1
            elif op == "T":
                flush()  # rows before the TRUNCATE must be in before it is applied
                self._truncate(client, target_sql, keys, lsn)
                n_changes += 1
                result.truncates += 1
        flush()
        n_changes += inserts + updates
        result.inserts += inserts
        result.updates += updates
        result.changes += n_changes
        result.batches.append(n_changes)
        log.info(
            "CDC batch %s: %s changes (%s messages) applied to %s",
            len(result.batches),
            n_changes,
            len(rows),
            target_sql,
        )
        return last_commit

    def _stand_in(
        self, conn: Any, table: SourceTable, state: _RelState, vals: list[Any], check: _DateCheck, lsn: int
    ) -> bytes:
        """What to write for a value outside its ClickHouse column's range, which ClickHouse would store
        as 1970-01-01; raises :class:`CDCError` unless the source row has changed since.

        The WAL keeps the value forever, so a rerun after the source row was corrected meets it again.
        If the row's current value of that column is in range, NULL, or the row is gone, a later change
        of the key (still to be applied: the slot stands before this one) supersedes this version, so
        it is written with NULL (the zero value when not nullable) as a stand-in. A key column never
        gets a stand-in: it would write (or delete) the row of another key.
        """
        column = state.columns[check.index]
        key = [vals[i] for i in state.key_idx]
        if not check.is_key and all(isinstance(k, bytes) for k in key):
            try:
                params = [k.decode() for k in key]
            except UnicodeDecodeError:
                params = None
            if params is not None:
                cond = " AND ".join(f"{pg_quote_ident(state.columns[i])} = %s" for i in state.key_idx)
                with conn.cursor() as cur:
                    cur.execute(
                        f"SELECT ({pg_quote_ident(column)})::text FROM {table.qualified} WHERE {cond}", params
                    )
                    row = cur.fetchone()
                conn.rollback()
                if row is None or row[0] is None or check.holds(row[0].encode()):
                    log.warning(
                        "CDC %s.%s: %s = %r (key %s, %s) is out of range but the source row has changed "
                        "since; written as NULL/zero, superseded by the later change",
                        table.schema,
                        table.name,
                        column,
                        vals[check.index],
                        params,
                        int_to_lsn(lsn),
                    )
                    return state.nulls[check.index]
        value = vals[check.index].decode(errors="replace")
        shown = [k.decode(errors="replace") if isinstance(k, bytes) else k for k in key]
        remedy = (
            "It is a key column: correct the row in the source, then drop the ClickHouse table so that the "
            "next run re-initialises from a new snapshot"
            if check.is_key
            else "Correct the row in the source (UPDATE it to a value in range, or NULL, or delete it) and "
            "rerun: the replayed change is then superseded by the correction; or make the source column "
            "text and drop the ClickHouse table to re-initialise"
        )
        raise CDCError(
            f'CDC of {table.schema}.{table.name}: column "{column}" = {value!r} (key {shown}, change at '
            f"{int_to_lsn(lsn)}) is outside the range of ClickHouse {check.range.ch_type} "
            f"({check.range.label}), which would store it as 1970-01-01. Nothing of this batch was "
            f"confirmed (the slot did not advance). {remedy}"
        )

    def _fill_unchanged(
        self,
        new: list[Any],
        key: list[Any],
        state: _RelState,
        batch: Sequence[tuple[list[Any], int]],
        client: Any,
        target_sql: str,
    ) -> None:
        """Replace UNCHANGED (TOASTed, not logged) values with the previous values of ``key`` (the old key).

        The previous row is the latest earlier change of the key in this batch, else the latest
        version in ClickHouse. A version in ClickHouse newer than this change (a replayed batch)
        supersedes this row anyway, so using it cannot change the final state.
        """
        missing = [i for i, v in enumerate(new) if v is UNCHANGED]
        for vals, _ in reversed(batch):
            if [vals[i] for i in state.key_idx] == key:
                for i in missing:
                    new[i] = vals[i]
                return
        cond = " AND ".join(
            f"toString({quote_identifier(state.columns[i])}) = {ch_literal(tsv_unescape(k))}"
            for i, k in zip(state.key_idx, key, strict=True)
        )
        exprs = ", ".join(
            f"argMax(tuple({quote_identifier(state.columns[i])}), {quote_identifier(VERSION_COL)}).1"
            for i in missing
        )
        text = self.target_hook.http_query(
            f"SELECT {exprs} FROM {target_sql} WHERE {cond} FORMAT TabSeparated"
        )
        line = text.rstrip("\n").encode()
        if not line:
            raise CDCError(f"unchanged TOAST value of {state.columns[missing[0]]} for key {key} not found")
        for i, value in zip(missing, line.split(b"\t"), strict=True):
            new[i] = value

    @staticmethod
    def _truncate(client: Any, target_sql: str, keys: Sequence[str], lsn: int) -> None:
        """Mark every key alive before ``lsn`` deleted (idempotent: replays find nothing older alive)."""
        k = ", ".join(quote_identifier(c) for c in keys)
        v, d = quote_identifier(VERSION_COL), quote_identifier(DELETED_COL)
        client.execute(
            f"INSERT INTO {target_sql} ({k}, {v}, {d}) SELECT {k}, {lsn}, 1 FROM ("
            f"SELECT {k}, max({v}) AS _v, argMax({d}, {v}) AS _d FROM {target_sql} GROUP BY {k}"
            f") WHERE _d = 0 AND _v < {lsn}"
        )

    # ------------------------------------------------------------------ teardown

    def drop_replication(self) -> None:
        """Drop the slot and the publication (when retiring the pipeline; PostgreSQL keeps WAL for a slot)."""
        conn = self.source.connect()
        try:
            self.source.drop_slot(conn, self._slot)
            self.source.drop_publication(conn, self._publication)
        finally:
            conn.close()


__all__ = ["CDCError", "CDCResult", "Change", "PostgresCDCToClickHouse", "default_name"]
