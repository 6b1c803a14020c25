"""PostgreSQL -> ClickHouse transfer engine.

One load = one REPEATABLE READ, read-only snapshot of the source:

1. describe the selection (types, nullability, primary key) and map it to ClickHouse types;
2. make sure the target exists (``create``) and read the incremental watermark from it;
3. stream the selection into a staging table ``<table>__staging``:
   * row path: a server-side (named) cursor, ``batch_size`` rows at a time, each batch a
     columnar insert with clickhouse-driver (bounded memory);
   * fast path (when every column has a text form ClickHouse parses and the connection has an
     ``http_port``): ``COPY (SELECT ...) TO STDOUT`` bytes streamed into a chunked HTTP POST
     ``INSERT ... FORMAT TabSeparated`` - no Python object per value;
4. reconcile: count the same selection in the same snapshot and compare with the rows that
   arrived in staging; a mismatch fails the load before anything is published;
5. publish: ``replace`` swaps staging and target with one ``RENAME TABLE``; ``append``/``upsert``
   into a MergeTree-family target attach staging's partitions (hard links, see below); other
   targets get a server-side ``INSERT ... SELECT``; then staging is dropped.

Publishing an append/upsert into a MergeTree target:

* staging touches one partition (always so for a target without PARTITION BY): one
  ``ALTER TABLE t ATTACH PARTITION ... FROM staging``, which is atomic;
* staging touches several partitions: a kill between two per-partition statements must not leave
  a half load behind (the watermark would jump past the unpublished partitions and a rerun would
  lose them; a plain append rerun would duplicate the published ones). So the publish is made
  replayable:

  1. ``<t>__prior`` (``CREATE TABLE ... AS t``) receives a copy of the target's current rows of
     every partition staging touches (``REPLACE PARTITION ... FROM t``, hard links);
  2. ``RENAME TABLE <t>__staging TO <t>__publishing`` - from here on the load is committed: the
     existence of ``<t>__publishing`` means "a publish is in progress";
  3. for each partition p: ``ALTER TABLE t REPLACE PARTITION p FROM <t>__prior`` (back to the rows
     before this load) then ``ALTER TABLE t ATTACH PARTITION p FROM <t>__publishing`` (plus the
     new rows) - replaying these two statements always gives the same partition;
  4. drop ``<t>__publishing``, then ``<t>__prior``.

  Every run first looks for a leftover ``<t>__publishing`` and, before reading the watermark,
  replays step 3 for all its partitions and drops it (a leftover ``<t>__prior`` alone is dropped).
  A killed publish is therefore finished exactly once by the next run: no loss, no duplicates.
  Readers can still see some partitions published and others not while step 3 runs (and, during
  a replay, a published partition briefly without this load's rows).

  Trade-off: step 3 resets each partition to its copy taken in step 1, so rows that another writer
  inserts into the same partitions of the target between step 1 and the end of the publish (or of
  its replay) are overwritten. Loads of this engine into one target never overlap (see
  :func:`~airflow_ai_etl.transfers.postgres_source.lock_target`: a run waits for the previous
  one); other writers must stay off the partitions a multi-partition publish touches.

Readers therefore never see a half table, and the watermark (``max(incremental_column)`` in the
target) only moves when rows are published.

Type mapping (PostgreSQL -> ClickHouse), nullable source columns become ``Nullable(...)``
except ORDER BY / PARTITION BY columns (ClickHouse forbids them there; their NULLs are loaded
as the type's zero value: 0, '', 1970-01-01, ...):

=========================================  ===========================================
smallint / integer / bigint                Int16 / Int32 / Int64
numeric(p,s), p <= 38                      Decimal(p,s)
numeric (no precision)                     Decimal(38,10) (values rounded to 10 places)
real / double precision                    Float32 / Float64
text, varchar, char, name, citext, enum    String
boolean                                    UInt8 (0/1)
date                                       Date
timestamp                                  DateTime (seconds); DateTime64(6) on ClickHouse >= 20.1
timestamptz                                DateTime('UTC'); DateTime64(6, 'UTC') on >= 20.1
uuid                                       UUID
json / jsonb                               String (JSON text)
T[] (one dimension)                        Array(Nullable(T)); a NULL array loads as []
=========================================  ===========================================

Anything else (interval, bytea, inet, geometric, ranges, ...) raises :class:`UnmappedTypeError`
naming the column: cast it in ``source_sql`` or leave it out of ``columns``. ClickHouse 18.16
parses dates up to 2105-12-31 and stores a value outside (or before 1970) as 1970-01-01 plus its
time of day without an error; newer servers clamp it to the type's ends. The fast path therefore
checks staging (:func:`out_of_range_dates`) and fails naming the column and an example (the row
path's driver refuses such values itself).

An ``upsert`` table is a ``ReplacingMergeTree`` ordered by ``keys``. Its version column is the
``incremental_column`` when that is a date/time (NULLs load as 1970-01-01), so the row with the
latest value wins even when an older interval is reloaded later; without one the row inserted
last wins. Read the latest rows with ``SELECT ... FINAL`` (or ``argMax``) until merges catch up.
"""

from __future__ import annotations

import gc
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier, split_table
from airflow_ai_etl.transfers.clickhouse_staging import OLD_SUFFIX, STAGING_SUFFIX, create_table_ddl, swap_in
from airflow_ai_etl.transfers.postgres_source import (
    CLICKHOUSE_TEXT_SESSION_SQL,
    MASKS,
    ReconciliationError,
    SourceSelection,
    TransferError,
    describe_source,
    explain_timeout,
    lock_target,
    pg_connect,
    pg_quote_ident,
    pg_quote_table,
    source_from,
    source_statement_timeout,
    stream_copy,
    validate_options,
    watermark_condition,
)
from airflow_ai_etl.transfers.postgres_source import ChunkPipe as _ChunkPipe
from airflow_ai_etl.transfers.postgres_source import mask_expr as _mask_expr

__all__ = [
    "MASKS",
    "ReconciliationError",
    "TransferError",
    "UnmappedTypeError",
    "PostgresToClickHouseTransfer",
    "TransferResult",
    "pg_quote_ident",
    "pg_quote_table",
]

log = logging.getLogger(__name__)

PUBLISHING_SUFFIX = "__publishing"  # staging renamed once a multi-partition publish has started
PRIOR_SUFFIX = "__prior"  # the target's rows, before the load, of the partitions being published
# Settings of every TabSeparated insert of PostgreSQL's COPY text: "best_effort" reads fractional
# seconds (truncated by DateTime, kept by DateTime64) and "+hh[:mm]" offsets; the basic parser
# rejects both. ClickHouse has had this setting since 18.x.
TSV_INSERT_SETTINGS = {"date_time_input_format": "best_effort"}


class UnmappedTypeError(TransferError):
    """A source column has a PostgreSQL type without a ClickHouse mapping."""


# --------------------------------------------------------------------------- type mapping

_SCALAR: dict[str, tuple[str, str]] = {
    # pg base name -> (ClickHouse type, kind); kind drives casts, text form and NULL defaults
    "smallint": ("Int16", "int"),
    "integer": ("Int32", "int"),
    "bigint": ("Int64", "int"),
    "real": ("Float32", "float"),
    "double precision": ("Float64", "float"),
    "text": ("String", "string"),
    "character varying": ("String", "string"),
    "character": ("String", "string"),
    "name": ("String", "string"),
    "citext": ("String", "string"),
    "boolean": ("UInt8", "bool"),
    "date": ("Date", "date"),
    "uuid": ("UUID", "uuid"),
    "json": ("String", "json"),
    "jsonb": ("String", "json"),
}
# Zero values for NULLs in ORDER BY / PARTITION BY columns (ClickHouse keys cannot be Nullable).
_KEY_DEFAULTS = {
    "int": "0",
    "float": "0",
    "decimal": "0",
    "string": "''",
    "json": "''",
    "bool": "false",
    "date": "DATE '1970-01-01'",
    "timestamp": "TIMESTAMP '1970-01-01 00:00:00'",
    "timestamptz": "TIMESTAMPTZ '1970-01-01 00:00:00+00'",
    "uuid": "'00000000-0000-0000-0000-000000000000'::uuid",
}
_TYPMOD = re.compile(r"\((\d+)(?:,(\d+))?\)")
# ClickHouse Date / DateTime[('tz')], possibly Nullable: the types that hold 1970 .. 2106/2149 only.
_SECONDS_TYPE = re.compile(r"(?:Nullable\()?(?:Date|DateTime(?:\('(?P<tz>[^']+)'\))?)\)?")


@dataclass(frozen=True)
class MappedType:
    """ClickHouse type for a PostgreSQL type, plus how to select and print its values."""

    ch_type: str  # without Nullable(...)
    kind: str  # int|float|decimal|string|json|bool|date|timestamp|timestamptz|uuid|array
    cast: str | None = None  # PostgreSQL cast applied in the SELECT (e.g. "text", "numeric(38,10)")
    subsecond: bool = False  # DateTime64: no truncation to seconds
    element_kind: str | None = None  # for arrays


def map_pg_type(pg_type: str, *, datetime64: bool = False, is_enum: bool = False) -> MappedType:
    """Map a ``format_type()`` string (``numeric(12,2)``, ``integer[]``, ...) to a ClickHouse type.

    :param pg_type: PostgreSQL type as printed by ``format_type(atttypid, atttypmod)``.
    :param datetime64: the server has DateTime64 (ClickHouse >= 20.1): keep microseconds.
    :param is_enum: the type is a PostgreSQL enum (loaded as its text label).
    :raises UnmappedTypeError: (without column name; the caller adds it).
    """
    t = pg_type.strip().lower()
    if t.endswith("[]"):
        elem = map_pg_type(t.rstrip("[]"), datetime64=datetime64)
        if elem.kind == "array":
            raise UnmappedTypeError(f"nested array type {pg_type}")
        cast = f"{elem.cast}[]" if elem.cast else None
        return MappedType(f"Array(Nullable({elem.ch_type}))", "array", cast, elem.subsecond, elem.kind)
    if is_enum:
        return MappedType("String", "string", "text")
    typmod = _TYPMOD.search(t)
    base = _TYPMOD.sub("", t).strip()
    if base in _SCALAR:
        ch, kind = _SCALAR[base]
        return MappedType(ch, kind, "text" if kind == "json" else None)
    if base == "numeric":
        if typmod is None:
            return MappedType("Decimal(38, 10)", "decimal", "numeric(38,10)")
        precision, scale = int(typmod.group(1)), int(typmod.group(2) or 0)
        if precision > 38:
            raise UnmappedTypeError(f"{pg_type} (ClickHouse Decimal precision is at most 38)")
        return MappedType(f"Decimal({precision}, {scale})", "decimal")
    if base in ("timestamp without time zone", "timestamp"):
        return MappedType("DateTime64(6)" if datetime64 else "DateTime", "timestamp", None, datetime64)
    if base in ("timestamp with time zone", "timestamptz"):
        ch = "DateTime64(6, 'UTC')" if datetime64 else "DateTime('UTC')"
        return MappedType(ch, "timestamptz", None, datetime64)
    raise UnmappedTypeError(pg_type)


@dataclass
class ColumnPlan:
    """How one selected column is read, typed and written."""

    name: str
    pg_type: str
    mapped: MappedType
    nullable: bool  # Nullable(...) in ClickHouse
    select_expr: str  # PostgreSQL expression for the row path
    text_expr: str | None  # PostgreSQL expression printing ClickHouse-parsable text, or None
    mask: str | None = None
    coalesced: bool = False  # NULLs replaced by a zero value (key column)

    @property
    def ch_type(self) -> str:
        return f"Nullable({self.mapped.ch_type})" if self.nullable else self.mapped.ch_type


def _text_expr_of(plan: ColumnPlan) -> str:
    """The plan's text expression; the text (COPY) path is only chosen when every column has one."""
    if plan.text_expr is None:
        raise TransferError(f"column {plan.name} ({plan.pg_type}) has no text form for the COPY path")
    return plan.text_expr


def _text_expr(expr: str, mapped: MappedType) -> str | None:
    """A PostgreSQL expression whose COPY text output ClickHouse parses as ``mapped``; None if none.

    Timestamps go out as PostgreSQL prints them (``YYYY-MM-DD HH:MM:SS[.ffffff][+00]`` under the
    session's ISO DateStyle and UTC time zone): the insert parses them with
    :data:`TSV_INSERT_SETTINGS`, which drops the fraction a DateTime cannot hold and applies the
    offset. Casting them in PostgreSQL (``date_trunc``/``::text``) made COPY ~50% slower.
    """
    kind = mapped.kind
    if kind in ("int", "decimal", "float", "string", "json", "uuid", "date", "timestamp", "timestamptz"):
        return expr  # COPY's text escaping (\t \n \\ \N) is TabSeparated's
    if kind == "bool":
        return f"({expr})::int"
    if kind == "array" and mapped.element_kind in ("int", "decimal"):
        return f"translate(({expr})::text, '{{}}', '[]')"  # {1,NULL} -> [1,NULL]
    return None  # strings/dates/floats in arrays need ClickHouse quoting: row path


def plan_column(
    name: str,
    pg_type: str,
    source_nullable: bool,
    *,
    mask: str | None = None,
    is_key: bool = False,
    is_enum: bool = False,
    datetime64: bool = False,
) -> ColumnPlan:
    """Build the :class:`ColumnPlan` of one column.

    :param name: column name.
    :param pg_type: ``format_type`` string of the source column.
    :param source_nullable: the source column may hold NULLs.
    :param mask: ``hash``/``redact``/``partial`` to mask the value in the SELECT (result is String).
    :param is_key: the column is in ORDER BY / PARTITION BY (never Nullable; NULLs become zero values).
    :param is_enum: the PostgreSQL type is an enum.
    :param datetime64: the server supports DateTime64.
    """
    col = pg_quote_ident(name)
    if mask:
        mapped = MappedType("String", "string")
        expr = _mask_expr(col, mask)
    else:
        try:
            mapped = map_pg_type(pg_type, datetime64=datetime64, is_enum=is_enum)
        except UnmappedTypeError as e:
            raise UnmappedTypeError(
                f'column "{name}" has PostgreSQL type "{pg_type}" with no ClickHouse mapping ({e}); '
                f"cast it in source_sql (e.g. {col}::text) or leave it out of columns"
            ) from None
        expr = f"({col})::{mapped.cast}" if mapped.cast else col
    nullable = source_nullable
    coalesced = False
    if mapped.kind == "array":
        expr, nullable = f"COALESCE({expr}, '{{}}')", False  # ClickHouse has no Nullable(Array)
    elif is_key and source_nullable:
        expr, nullable, coalesced = f"COALESCE({expr}, {_KEY_DEFAULTS[mapped.kind]})", False, True
    return ColumnPlan(name, pg_type, mapped, nullable, expr, _text_expr(expr, mapped), mask, coalesced)


# --------------------------------------------------------------------------- result


@dataclass
class TransferResult:
    """What a load did; :meth:`as_dict` is the operator's XCom value."""

    rows: int
    watermark: Any
    mode: str
    seconds: float
    path: str = "rows"
    source_rows: int | None = None
    batches: int = 0
    target: str = ""

    def as_dict(self) -> dict[str, Any]:
        wm = self.watermark
        return {
            "rows": self.rows,
            "watermark": wm.isoformat()
            if hasattr(wm, "isoformat")
            else (str(wm) if wm is not None else None),
            "mode": self.mode,
            "seconds": round(self.seconds, 3),
            "path": self.path,
            "target": self.target,
        }


# --------------------------------------------------------------------------- engine


@dataclass
class PostgresToClickHouseTransfer:
    """Move one PostgreSQL selection into a ClickHouse table (see module docstring).

    :param source_conn_id: Airflow connection of the PostgreSQL source.
    :param target_hook: ClickHouse hook for the target connection.
    :param target_table: ``table`` or ``db.table`` in ClickHouse.
    :param source_table: ``table`` or ``schema.table``; exclusive with ``source_sql``.
    :param source_sql: one SELECT; exclusive with ``source_table``.
    :param columns: subset/order of columns to load (default: all).
    :param where: SQL condition on the source (applied to the table or to ``source_sql``'s output).
    :param incremental_column: load only rows with a value above the target's current maximum.
    :param mode: ``append`` | ``replace`` (staging + swap) | ``upsert`` (ReplacingMergeTree on ``keys``).
    :param keys: upsert keys (ORDER BY of the ReplacingMergeTree).
    :param create: create the target table when missing.
    :param order_by: ORDER BY columns of a created table (default: the source primary key, else tuple()).
    :param partition_by: PARTITION BY expression of a created table, e.g. ``toYYYYMM(sold_at)``.
    :param mask: ``{column: hash|redact|partial}``, applied in the source SELECT.
    :param batch_size: rows per fetch/insert on the row path (bounds memory).
    :param fast_path: True = COPY->HTTP when possible, False = always row path, None = auto (True).
    :param dedupe: source columns; rows equal on them are loaded once (``DISTINCT ON``, see
        :mod:`airflow_ai_etl.transfers.postgres_source` for which row wins).
    """

    source_conn_id: str
    target_hook: ClickHouseHook
    target_table: str
    source_table: str | None = None
    source_sql: str | None = None
    columns: Sequence[str] | None = None
    where: str | None = None
    incremental_column: str | None = None
    mode: str = "append"
    keys: Sequence[str] = ()
    create: bool = True
    order_by: Sequence[str] | None = None
    partition_by: str | None = None
    mask: dict[str, str] = field(default_factory=dict)
    batch_size: int = 50_000
    fast_path: bool | None = None
    dedupe: Sequence[str] | None = None
    # The watermark as a quoted SQL literal, set by run(): the source SQL then carries no parameter
    # markers, so a '%' in ``where`` or ``source_sql`` (LIKE 'n%') stays plain SQL.
    _watermark_literal: str = field(default="NULL", init=False, repr=False)

    def __post_init__(self) -> None:
        validate_options(self)

    # ------------------------------------------------------------------ source

    def _pg_connect(self, statement_timeout: float | None = None) -> Any:
        """psycopg2 connection from the Airflow connection (psycopg2: named cursors, copy_expert).

        :param statement_timeout: seconds after which PostgreSQL cancels a source statement.
        """
        return pg_connect(self.source_conn_id, statement_timeout)

    def _source_from(self) -> str:
        return source_from(self.source_table, self.source_sql)

    def _selection(self) -> SourceSelection:
        return SourceSelection.of(self)

    def _describe(self, conn: Any) -> tuple[list[tuple[str, str, bool, bool]], list[str]]:
        """Source columns [(name, format_type, nullable, is_enum)] and primary key column names."""
        described, pk = describe_source(conn, self.source_table, self.source_sql)
        self._selection().check_columns([c[0] for c in described])
        return described, pk

    # ------------------------------------------------------------------ planning

    def _plan(
        self, described: list[tuple[str, str, bool, bool]], pk: list[str], datetime64: bool
    ) -> tuple[list[ColumnPlan], list[str]]:
        by_name = {c[0]: c for c in described}
        wanted = list(self.columns) if self.columns else [c[0] for c in described]
        missing = [c for c in wanted if c not in by_name]
        if missing:
            raise TransferError(f"columns {missing} are not in the source (it has {list(by_name)})")
        for label, names in (
            ("mask", list(self.mask or {})),
            ("keys", list(self.keys)),
            ("order_by", list(self.order_by or [])),
            ("incremental_column", [self.incremental_column] if self.incremental_column else []),
        ):
            absent = [n for n in names if n not in wanted]
            if absent:
                raise TransferError(f"{label} {absent} not among the loaded columns {wanted}")
        if self.mode == "upsert":
            order = list(self.keys)
        elif self.order_by:
            order = list(self.order_by)
        elif pk and all(c in wanted and c not in (self.mask or {}) for c in pk):
            order = pk
        else:
            order = []
        key_cols = set(order) | self._partition_columns(wanted)
        if self.mode == "upsert" and self.incremental_column:
            key_cols.add(self.incremental_column)  # a candidate version column: never Nullable
        plans = [
            plan_column(
                name,
                by_name[name][1],
                by_name[name][2],
                mask=(self.mask or {}).get(name),
                is_key=name in key_cols,
                is_enum=by_name[name][3],
                datetime64=datetime64,
            )
            for name in wanted
        ]
        coalesced = [p.name for p in plans if p.coalesced]
        if coalesced:
            log.warning("Key columns %s are nullable in the source; NULLs load as zero values", coalesced)
        return plans, order

    def _partition_columns(self, names: Sequence[str]) -> set[str]:
        if not self.partition_by:
            return set()
        found = set(re.findall(r"`([^`]+)`|\b([A-Za-z_][A-Za-z0-9_]*)\b", self.partition_by))
        tokens = {a or b for a, b in found}
        return {n for n in names if n in tokens}

    def _select_sql(self, plans: Sequence[ColumnPlan], text: bool, incremental: bool) -> str:
        exprs = [(_text_expr_of(p) if text else p.select_expr, p.name) for p in plans]
        return self._selection().select_sql(exprs, self._conditions(plans, incremental))

    def _count_sql(self, plans: Sequence[ColumnPlan], incremental: bool) -> str:
        return self._selection().count_sql(self._conditions(plans, incremental))

    def _conditions(self, plans: Sequence[ColumnPlan], incremental: bool) -> list[str]:
        if not incremental:
            return []
        plan = next(p for p in plans if p.name == self.incremental_column)
        # ClickHouse DateTime keeps whole seconds: compare what the target holds, or a row
        # with .5 s would be reloaded forever.
        truncate = plan.mapped.kind in ("timestamp", "timestamptz") and not plan.mapped.subsecond
        return [watermark_condition(plan.name, truncate, literal=self._watermark_literal)]

    # ------------------------------------------------------------------ ClickHouse side

    def _ddl(
        self, table_sql: str, plans: Sequence[ColumnPlan], order: Sequence[str], server: tuple[int, ...]
    ) -> str:
        engine = "MergeTree()"
        if self.mode == "upsert":
            version = self._version_column(plans, server)
            engine = f"ReplacingMergeTree({quote_identifier(version) if version else ''})"
        return create_table_ddl(
            table_sql,
            [(p.name, p.ch_type) for p in plans],
            engine=engine,
            order_by=order,
            partition_by=self.partition_by,
        )

    def _version_column(self, plans: Sequence[ColumnPlan], server: tuple[int, ...]) -> str | None:
        """The upsert table's version column: the incremental column when ClickHouse takes its type
        as one (Date, DateTime; DateTime64 since 21.6); None means the row inserted last wins."""
        plan = next((p for p in plans if p.name == self.incremental_column), None)
        if plan is None or plan.nullable or plan.mapped.kind not in ("date", "timestamp", "timestamptz"):
            return None
        return None if plan.mapped.subsecond and server < (21, 6) else plan.name

    def _watermark(self, client: Any, table_sql: str) -> Any:
        col = quote_identifier(self.incremental_column or "")
        # count() guards against max() of an empty table, which is 0 / 1970-01-01, not NULL.
        n, wm = client.execute(f"SELECT count(), max({col}) FROM {table_sql} WHERE {col} IS NOT NULL")[0]
        return wm if n else None

    # ------------------------------------------------------------------ run

    def run(self) -> TransferResult:
        """Execute the load and return its :class:`TransferResult`."""
        started = time.monotonic()
        hook = self.target_hook
        client = hook.get_client()
        version = hook.server_version()
        datetime64 = version >= (20, 1)
        database, table = split_table(self.target_table, hook.database_name)
        target_sql = f"{quote_identifier(database)}.{quote_identifier(table)}"
        staging_sql = f"{quote_identifier(database)}.{quote_identifier(table + STAGING_SUFFIX)}"
        old_sql = f"{quote_identifier(database)}.{quote_identifier(table + OLD_SUFFIX)}"
        full_name = f"{database}.{table}"

        timeout = source_statement_timeout()
        conn = self._pg_connect(timeout)
        try:
            with conn.cursor() as cur:
                cur.execute(CLICKHOUSE_TEXT_SESSION_SQL)
                # Held by this session until the connection closes (also when the process dies).
                lock_target(cur, f"clickhouse://{hook.server_address}/{full_name}", transaction=False)
            conn.commit()
            described, pk = self._describe(conn)
            plans, order = self._plan(described, pk, datetime64)

            exists = hook.table_exists(full_name, client)
            if not exists and not self.create:
                raise TransferError(f"ClickHouse table {full_name} does not exist and create=False")
            if self.create:
                client.execute(f"CREATE DATABASE IF NOT EXISTS {quote_identifier(database)}")
            if exists:
                self._check_target(hook, client, full_name, plans)
            elif self.mode != "replace":
                ddl = self._ddl(target_sql, plans, order, version)
                log.info("Creating %s:\n%s", full_name, ddl)
                client.execute(ddl)
            # A run killed while publishing partitions: finish its publish before the watermark is read.
            self._finish_publishing(hook, client, database, table, exists and self.mode != "replace")

            watermark = None
            incremental = bool(self.incremental_column) and self.mode != "replace"
            if incremental:
                watermark = self._watermark(client, target_sql)
                incremental = watermark is not None
                log.info("Watermark of %s.%s: %r", full_name, self.incremental_column, watermark)

            client.execute(f"DROP TABLE IF EXISTS {staging_sql}")  # leftover of a failed run
            attachable = False
            if self.mode == "replace":
                client.execute(
                    f"CREATE TABLE {staging_sql} AS {target_sql}"
                    if exists
                    else self._ddl(staging_sql, plans, order, version)
                )
            else:
                attachable = self._create_append_staging(
                    hook, client, full_name, plans, target_sql, staging_sql
                )

            try:
                conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
                with conn.cursor() as cur:
                    self._watermark_literal = cur.mogrify("%s", (watermark,)).decode()
                use_fast = (
                    self.fast_path is not False
                    and hook.http_port is not None
                    and all(p.text_expr is not None for p in plans)
                )
                if use_fast:
                    # PostgreSQL's own count of the rows COPY produced (its command tag) is the
                    # source count in this snapshot: no second scan of the source is needed.
                    source_rows, sent = self._load_fast(
                        conn, plans, incremental, database, table + STAGING_SUFFIX
                    )
                    batches, path = 1, "copy"
                    self._check_date_ranges(
                        conn, client, plans, incremental, (database, table + STAGING_SUFFIX)
                    )
                else:
                    self._log_row_path_reason(hook, plans)
                    sent, batches = self._load_rows(conn, client, plans, incremental, staging_sql)
                    path = "rows"
                    with conn.cursor() as cur:
                        cur.execute(self._count_sql(plans, incremental))
                        source_rows = cur.fetchone()[0]
                conn.rollback()
                landed = client.execute(f"SELECT count() FROM {staging_sql}")[0][0]
                if source_rows != landed or sent != landed:
                    raise ReconciliationError(
                        f"row count mismatch for {full_name}: source selection has {source_rows} rows, "
                        f"{landed} arrived in ClickHouse staging ({sent} sent); nothing was published"
                    )
                self._publish(
                    client,
                    plans,
                    exists,
                    landed,
                    target_sql,
                    staging_sql,
                    old_sql,
                    attachable,
                    (database, table + STAGING_SUFFIX),
                )
            except BaseException:
                with _suppress_log("dropping staging table"):
                    client.execute(f"DROP TABLE IF EXISTS {staging_sql}")
                raise

            new_wm = watermark
            if self.incremental_column:
                new_wm = self._watermark(client, target_sql)
        except Exception as exc:
            clear = explain_timeout(exc, timeout, conn)
            if clear is not None:
                raise clear from exc
            raise
        finally:
            conn.close()
            client.disconnect()

        seconds = time.monotonic() - started
        log.info(
            "Loaded %s rows into %s (%s, %s path) in %.2f s: %.0f rows/s",
            landed,
            full_name,
            self.mode,
            path,
            seconds,
            landed / seconds if seconds else 0,
        )
        return TransferResult(landed, new_wm, self.mode, seconds, path, source_rows, batches, full_name)

    def _check_target(
        self, hook: ClickHouseHook, client: Any, full_name: str, plans: Sequence[ColumnPlan]
    ) -> None:
        existing = dict(hook.get_table_columns(full_name, client))
        missing = [p.name for p in plans if p.name not in existing]
        if missing:
            raise TransferError(
                f"ClickHouse table {full_name} has no columns {missing} (it has {list(existing)})"
            )
        if self.mode == "upsert":
            database, table = full_name.split(".", 1)
            engine = client.execute(
                "SELECT engine FROM system.tables WHERE database = %(d)s AND name = %(t)s",
                {"d": database, "t": table},
            )[0][0]
            if "Replacing" not in engine:
                log.warning(
                    "Upsert into %s whose engine is %s: rows will not be deduplicated by keys",
                    full_name,
                    engine,
                )

    def _create_append_staging(
        self,
        hook: ClickHouseHook,
        client: Any,
        full_name: str,
        plans: Sequence[ColumnPlan],
        target_sql: str,
        staging_sql: str,
    ) -> bool:
        """Create the staging table of an append/upsert load; True if its partitions can be attached.

        A MergeTree-family target gets a staging table with its exact columns, partition key and
        sorting key but a plain MergeTree engine (no background dedup while counting): publishing is
        then ``ATTACH PARTITION ... FROM`` (hard links, no second write of the data). Other engines
        get a plain staging table and an ``INSERT ... SELECT``.
        """
        database, table = full_name.split(".", 1)
        engine, partition_key, sorting_key = client.execute(
            "SELECT engine, partition_key, sorting_key FROM system.tables "
            "WHERE database = %(d)s AND name = %(t)s",
            {"d": database, "t": table},
        )[0]
        if engine.endswith("MergeTree") and not engine.startswith("Replicated"):
            partition = f" PARTITION BY {partition_key}" if partition_key else ""
            order = f"({sorting_key})" if sorting_key else "tuple()"
            client.execute(
                f"CREATE TABLE {staging_sql} AS {target_sql} ENGINE = MergeTree(){partition} ORDER BY {order}"
            )
            return True
        types = dict(hook.get_table_columns(full_name, client))
        cols = ", ".join(f"{quote_identifier(p.name)} {types[p.name]}" for p in plans)
        client.execute(f"CREATE TABLE {staging_sql} ({cols}) ENGINE = MergeTree() ORDER BY tuple()")
        return False

    def _publish(
        self,
        client: Any,
        plans: Sequence[ColumnPlan],
        exists: bool,
        rows: int,
        target_sql: str,
        staging_sql: str,
        old_sql: str,
        attachable: bool = False,
        staging: tuple[str, str] = ("", ""),
    ) -> None:
        if self.mode == "replace":
            swap_in(client, exists=exists, target_sql=target_sql, staging_sql=staging_sql, old_sql=old_sql)
            return
        attached = rows and attachable and self._attach_partitions(client, target_sql, staging)
        if rows and not attached:
            cols = ", ".join(quote_identifier(p.name) for p in plans)
            client.execute(f"INSERT INTO {target_sql} ({cols}) SELECT {cols} FROM {staging_sql}")
        client.execute(f"DROP TABLE IF EXISTS {staging_sql}")  # renamed away by a multi-partition publish

    def _attach_partitions(self, client: Any, target_sql: str, staging: tuple[str, str]) -> bool:
        """Publish staging's partitions into the target; False if refused before anything was published.

        One partition: one ``ATTACH PARTITION ... FROM`` (atomic). Several: the replayable publish
        of the module docstring (``<t>__prior``, rename to ``<t>__publishing``, replay).

        :param staging: (database, table) of the staging table.
        """
        database, staging_table = staging
        table = staging_table[: -len(STAGING_SUFFIX)]
        staging_sql = f"{quote_identifier(database)}.{quote_identifier(staging_table)}"
        partitions = _active_partitions(client, database, staging_table)
        if len(partitions) <= 1:
            try:
                for pid in partitions:
                    client.execute(
                        f"ALTER TABLE {target_sql} ATTACH PARTITION ID %(p)s FROM {staging_sql}", {"p": pid}
                    )
            except Exception as e:  # nothing published: the caller falls back to INSERT ... SELECT
                log.warning("ATTACH PARTITION FROM staging refused (%s); copying with INSERT SELECT", e)
                return False
            return True
        prior_sql = f"{quote_identifier(database)}.{quote_identifier(table + PRIOR_SUFFIX)}"
        publishing_sql = f"{quote_identifier(database)}.{quote_identifier(table + PUBLISHING_SUFFIX)}"
        try:
            client.execute(f"DROP TABLE IF EXISTS {prior_sql}")
            client.execute(f"CREATE TABLE {prior_sql} AS {target_sql}")
            for pid in partitions:
                client.execute(
                    f"ALTER TABLE {prior_sql} REPLACE PARTITION ID %(p)s FROM {target_sql}", {"p": pid}
                )
        except Exception as e:  # nothing published: the caller falls back to INSERT ... SELECT
            log.warning("Copying partitions of %s refused (%s); copying with INSERT SELECT", target_sql, e)
            with _suppress_log("dropping the prior-rows table"):
                client.execute(f"DROP TABLE IF EXISTS {prior_sql}")
            return False
        # From here on the load is committed: if this run dies, the next one finishes the publish.
        client.execute(f"RENAME TABLE {staging_sql} TO {publishing_sql}")
        self._replay_publishing(client, database, table, partitions)
        return True

    def _finish_publishing(
        self, hook: ClickHouseHook, client: Any, database: str, table: str, finish: bool
    ) -> None:
        """Finish (``finish``) or discard the publish of a killed run, and drop its leftover tables."""
        publishing = f"{database}.{table}{PUBLISHING_SUFFIX}"
        publishing_sql = f"{quote_identifier(database)}.{quote_identifier(table + PUBLISHING_SUFFIX)}"
        prior_sql = f"{quote_identifier(database)}.{quote_identifier(table + PRIOR_SUFFIX)}"
        if hook.table_exists(publishing, client):
            if finish:
                if not hook.table_exists(f"{database}.{table}{PRIOR_SUFFIX}", client):
                    raise TransferError(
                        f"{publishing} (an interrupted publish) exists without {table}{PRIOR_SUFFIX}; "
                        "cannot finish it safely - inspect and drop it by hand"
                    )
                log.warning("Finishing the interrupted publish of %s (a previous run was killed)", publishing)
                self._replay_publishing(client, database, table, None)
                return
            log.warning("Dropping %s (interrupted publish; this run replaces the target)", publishing)
            client.execute(f"DROP TABLE {publishing_sql}")
        client.execute(f"DROP TABLE IF EXISTS {prior_sql}")

    @staticmethod
    def _replay_publishing(client: Any, database: str, table: str, partitions: list[str] | None) -> None:
        """Each partition of ``<t>__publishing`` := its ``<t>__prior`` rows + the new rows (idempotent)."""

        def q(suffix: str) -> str:
            return f"{quote_identifier(database)}.{quote_identifier(table + suffix)}"

        target_sql, publishing_sql, prior_sql = q(""), q(PUBLISHING_SUFFIX), q(PRIOR_SUFFIX)
        if partitions is None:
            partitions = _active_partitions(client, database, table + PUBLISHING_SUFFIX)
        for i, pid in enumerate(partitions):
            try:
                client.execute(
                    f"ALTER TABLE {target_sql} REPLACE PARTITION ID %(p)s FROM {prior_sql}", {"p": pid}
                )
                client.execute(
                    f"ALTER TABLE {target_sql} ATTACH PARTITION ID %(p)s FROM {publishing_sql}", {"p": pid}
                )
            except Exception as e:
                raise TransferError(
                    f"publishing stopped after {i} of {len(partitions)} partitions of {target_sql}: {e}; "
                    f"the next run finishes it from {table}{PUBLISHING_SUFFIX}"
                ) from e
        client.execute(f"DROP TABLE {publishing_sql}")  # the publish is complete
        client.execute(f"DROP TABLE IF EXISTS {prior_sql}")

    # ------------------------------------------------------------------ row path

    def _log_row_path_reason(self, hook: ClickHouseHook, plans: Sequence[ColumnPlan]) -> None:
        """Say why the load takes the row path (about 4x slower, see benchmarks/RESULTS.md)."""
        if self.fast_path is False:
            return
        if hook.http_port is None:
            log.warning(
                "Row path: connection %r has no http_port extra. Set it (ClickHouse's HTTP port, usually "
                "8123) to stream COPY output instead - about 4x faster.",
                hook.get_conn_id(),
            )
        else:
            slow = [f"{p.name} ({p.pg_type})" for p in plans if p.text_expr is None]
            log.info("Row path: no text form ClickHouse parses for %s", ", ".join(slow))

    def _load_rows(
        self,
        conn: Any,
        client: Any,
        plans: Sequence[ColumnPlan],
        incremental: bool,
        staging_sql: str,
    ) -> tuple[int, int]:
        """Named cursor -> fetchmany(batch_size) -> columnar INSERT; returns (rows, batches)."""
        sql = self._select_sql(plans, text=False, incremental=incremental)
        insert = f"INSERT INTO {staging_sql} ({', '.join(quote_identifier(p.name) for p in plans)}) VALUES"
        # A batch is batch_size x columns objects without reference cycles; the cyclic GC would
        # traverse them over and over (a third of this path's CPU), so it waits until the load ends.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._insert_batches(conn, client, sql, insert)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _insert_batches(self, conn: Any, client: Any, sql: str, insert: str) -> tuple[int, int]:
        total = batches = 0
        with conn.cursor(name="ai_etl_extract") as cur:  # server-side: memory bounded by batch_size
            cur.itersize = self.batch_size
            cur.execute(sql)
            while True:
                try:
                    rows = cur.fetchmany(self.batch_size)
                except UnicodeDecodeError as e:  # e.g. non-ASCII bytes in a SQL_ASCII database
                    raise TransferError(
                        f"cannot decode a text value of {self.source_table or 'source_sql'} in the "
                        f"source's encoding {conn.encoding} ({e}); convert or cast the column in "
                        "source_sql, or use the fast path (http_port), which copies the bytes unchanged"
                    ) from e
                if not rows:
                    break
                client.execute(insert, list(zip(*rows, strict=True)), columnar=True)
                total += len(rows)
                batches += 1
                log.debug("batch %s: %s rows (total %s)", batches, len(rows), total)
        return total, batches

    # ------------------------------------------------------------------ fast path

    def _load_fast(
        self,
        conn: Any,
        plans: Sequence[ColumnPlan],
        incremental: bool,
        database: str,
        staging: str,
    ) -> tuple[int, int]:
        """COPY (SELECT text...) TO STDOUT streamed into a chunked HTTP INSERT ... FORMAT TabSeparated.

        Returns the rows PostgreSQL reports it copied and the rows (lines) that went to ClickHouse.
        """
        with conn.cursor() as cur:
            copy_sql = f"COPY {self._copy_source(plans, incremental)} TO STDOUT"
            columns = [p.name for p in plans]
            return stream_copy(
                cur, copy_sql, lambda pipe: self._http_insert(database, staging, columns, pipe)
            )

    def _check_date_ranges(
        self, conn: Any, client: Any, plans: Sequence[ColumnPlan], incremental: bool, staging: tuple[str, str]
    ) -> None:
        """Fail the fast path's load when a source date/time lies outside its ClickHouse column's range
        (see :func:`out_of_range_dates`; the row path's driver refuses such values itself)."""
        problems = out_of_range_dates(
            conn, client, plans, staging, self._select_sql(plans, False, incremental)
        )
        if problems:
            raise TransferError(
                "; ".join(problems) + ". ClickHouse would store them as 1970-01-01: load such a column "
                "as text (cast it ::text in source_sql) or filter those rows out with where; nothing was "
                "published"
            )

    def _copy_source(self, plans: Sequence[ColumnPlan], incremental: bool) -> str:
        """What COPY reads: the table itself when every column goes out as PostgreSQL prints it
        (no filter, mask, dedupe or cast) - COPY of a table is cheaper than COPY of a query -
        else the text-casting SELECT."""
        verbatim = all(p.text_expr == pg_quote_ident(p.name) for p in plans)
        if verbatim and self.source_table and not (self.where or self.dedupe or incremental):
            return f"{pg_quote_table(self.source_table)} ({', '.join(pg_quote_ident(p.name) for p in plans)})"
        return f"({self._select_sql(plans, text=True, incremental=incremental)})"

    def _http_insert(self, database: str, table: str, columns: Sequence[str], body: _ChunkPipe) -> None:
        cols = ", ".join(quote_identifier(c) for c in columns)
        query = (
            f"INSERT INTO {quote_identifier(database)}.{quote_identifier(table)} ({cols}) FORMAT TabSeparated"
        )
        try:
            self.target_hook.http_query(query, body=body, settings=TSV_INSERT_SETTINGS)
        except RuntimeError as e:
            raise TransferError(f"ClickHouse HTTP insert failed: {e}") from e


# --------------------------------------------------------------------------- date ranges

_DATE_KINDS = ("date", "timestamp", "timestamptz")
_DATETIME_MAX = 4294967295  # DateTime: UInt32 seconds since 1970-01-01 00:00:00 UTC
# Where 18.16 puts an out-of-range DateTime: day 0 plus the time of day, shifted by the column's
# zone and the text's offset (at most 51 h either way), wrapping below 0; newer servers saturate.
_SUSPECT_SECONDS = 200_000


@dataclass(frozen=True)
class ParsedRange:
    """The values ClickHouse's text parser stores faithfully in one Date/DateTime column.

    Outside it stores day 0 (1970-01-01) plus the time of day, or a wrapped value, without an
    error. ``first``/``last`` are texts in ``tz`` (``YYYY-MM-DD`` for Date, ``YYYY-MM-DD HH:MM:SS``
    for DateTime): a value's ISO text is in range when its prefix of that length lies between them
    and it is not BC.
    """

    ch_type: str
    first: str
    last: str
    tz: str | None  # DateTime: the zone the text is read in; None for Date

    @property
    def label(self) -> str:
        return f"{self.first} .. {self.last}" + (f" {self.tz}" if self.tz else "")


def last_parsed_day(client: Any) -> str:
    """Last day ClickHouse's text parser reads into Date/DateTime.

    2105-12-31 where the server's date table ends there (18.16: a later day becomes 1970-01-01 even
    below the type's maximum), else Date's maximum 2149-06-06.
    """
    full = client.execute("SELECT toUInt16(toDate('2149-06-06'))")[0][0] == 65535
    return "2149-06-06" if full else "2105-12-31"


def parsed_range(ch_type: str, text_tz: str | None, server_tz: str, last_day: str) -> ParsedRange | None:
    """The :class:`ParsedRange` of a (Nullable) Date/DateTime column; None for other types.

    :param text_tz: zone of the texts' wall-clock time when they carry an offset (``+00``: "UTC");
        None when they carry none and ClickHouse reads them in the column's zone (type's, else server's).
    :param last_day: :func:`last_parsed_day`.
    """
    match = _SECONDS_TYPE.fullmatch(ch_type)
    if match is None:
        return None
    if "DateTime" not in ch_type:
        return ParsedRange(ch_type, "1970-01-01", last_day, None)
    tz = text_tz or match.group("tz") or server_tz
    zone = ZoneInfo(tz)

    def wall(seconds: int) -> str:
        return datetime.fromtimestamp(seconds, zone).strftime("%Y-%m-%d %H:%M:%S")

    return ParsedRange(
        ch_type, max("1970-01-01 00:00:00", wall(0)), min(f"{last_day} 23:59:59", wall(_DATETIME_MAX)), tz
    )


def out_of_range_dates(
    conn: Any, client: Any, plans: Sequence[ColumnPlan], staging: tuple[str, str], select_sql: str
) -> list[str]:
    """One problem per column whose source dates/times lie outside its Date/DateTime column in staging.

    Loads that stream PostgreSQL's text (``TSV_INSERT_SETTINGS``: timestamptz as ``...+00``) would
    lose such values silently (see :class:`ParsedRange`). Suspicious values in staging (day 0, the
    type's ends) are cheap to count; only when there are some is the source asked, through
    ``select_sql`` (the loaded selection, in the load's snapshot), which are really out of range:
    a true 1970-01-01 is legal.

    :param staging: (database, table) the values were loaded into.
    """
    kinds = {p.name: p.mapped.kind for p in plans if p.mapped.kind in _DATE_KINDS}
    columns = [
        (name, ch_type)
        for name, ch_type in client.execute(
            "SELECT name, type FROM system.columns WHERE database = %(d)s AND table = %(t)s",
            {"d": staging[0], "t": staging[1]},
        )
        if name in kinds and _SECONDS_TYPE.fullmatch(ch_type)
    ]
    if not columns:
        return []
    counts = []
    for name, ch_type in columns:
        value = f"toUInt32({quote_identifier(name)})"
        if "DateTime" in ch_type:
            counts.append(
                f"countIf({value} < {_SUSPECT_SECONDS} OR {value} > {_DATETIME_MAX - _SUSPECT_SECONDS})"
            )
        else:
            counts.append(f"countIf({value} IN (0, 65535))")
    found = client.execute(f"SELECT {', '.join(counts)} FROM {'.'.join(map(quote_identifier, staging))}")[0]
    suspects = [c for c, n in zip(columns, found, strict=True) if n]
    if not suspects:
        return []
    server_tz, last_day = client.execute("SELECT timezone()")[0][0], last_parsed_day(client)
    tests = []  # (column, range, PostgreSQL condition "value is out of range")
    for name, ch_type in suspects:
        col = pg_quote_ident(name)
        offset = kinds[name] == "timestamptz"  # printed with "+00": read as UTC wall-clock time
        rng = parsed_range(ch_type, "UTC" if offset else None, server_tz, last_day)
        assert rng is not None  # suspects are Date/DateTime columns
        if rng.tz is None:
            outside = f"({col})::date NOT BETWEEN DATE '{rng.first}' AND DATE '{rng.last}'"
        else:
            wall = f"({col}) AT TIME ZONE 'UTC'" if offset else f"({col})::timestamp"
            outside = (
                f"date_trunc('second', {wall}) NOT BETWEEN TIMESTAMP '{rng.first}' AND TIMESTAMP '{rng.last}'"
            )
        tests.append((name, rng, outside))
    exprs = ", ".join(
        f"count(*) FILTER (WHERE {outside}), min(({pg_quote_ident(name)})::text) FILTER (WHERE {outside})"
        for name, _, outside in tests
    )
    with conn.cursor() as cur:
        cur.execute(f"SELECT {exprs} FROM ({select_sql}) AS loaded")
        found = cur.fetchone()
    return [
        f'column "{name}": {found[2 * i]} value(s) outside the range of ClickHouse {rng.ch_type} '
        f"({rng.label}), e.g. {found[2 * i + 1]}"
        for i, (name, rng, _) in enumerate(tests)
        if found[2 * i]
    ]


def _active_partitions(client: Any, database: str, table: str) -> list[str]:
    """Partition ids holding active parts of ``database.table``, sorted."""
    return [
        r[0]
        for r in client.execute(
            "SELECT DISTINCT partition_id FROM system.parts "
            "WHERE database = %(d)s AND table = %(t)s AND active ORDER BY partition_id",
            {"d": database, "t": table},
        )
    ]


class _suppress_log:
    """Context manager: log (not raise) an exception from best-effort cleanup."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> bool:
        if exc is not None and isinstance(exc, Exception):
            log.warning("Ignored error while %s: %s", self.what, exc)
            return True
        return False
