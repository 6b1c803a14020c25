"""PostgreSQL -> PostgreSQL transfer engine (COPY based).

One load:

1. source: describe the selection (``format_type``, NOT NULL, primary key) - see
   :mod:`airflow_ai_etl.transfers.postgres_source` for ``where``/``mask``/``dedupe``;
2. target, in ONE transaction: create the table when missing (``create``; source column types, the
   primary key = ``keys`` or the source's), read the watermark ``max(incremental_column)``, create a
   staging table, and stream ``COPY (SELECT ...) TO STDOUT`` of the source (a REPEATABLE READ,
   read-only snapshot) through a bounded pipe (a producer thread, ~1 MiB chunks, at most 8 in
   flight) into ``COPY staging FROM STDIN`` - memory does not grow with the number of rows;
3. reconcile: ``count(*)`` of the same selection in the same source snapshot must equal the rows
   COPY put into staging (and, for append/upsert, the rows the INSERT into the target touched);
   otherwise :class:`ReconciliationError` with both counts and a rollback - the target is untouched;
4. publish, still in that transaction, then COMMIT:

   * ``append``: ``INSERT INTO target SELECT ... FROM staging`` (staging is a TEMP table);
   * ``upsert``: ``INSERT ... ON CONFLICT (keys) DO UPDATE SET <other columns> = EXCLUDED...``;
     needs a unique index (or primary key) on exactly ``keys`` - a created table gets ``keys`` as its
     primary key, an existing target without one is refused with a clear error;
   * ``replace``: staging is ``<table>__staging`` (``LIKE target INCLUDING ALL`` when the target
     exists), then ``ALTER TABLE t RENAME TO t__old; ALTER TABLE t__staging RENAME TO t; DROP TABLE
     t__old``. Readers block for that instant and then see the new table, never a half one. Owned
     (serial) sequences move to the new table; objects depending on the old table (views, foreign
     keys) make the DROP fail and the load roll back.

The watermark only moves with the COMMIT, so a crash or failure at any point leaves the target as it
was and a rerun loads the same rows again (rows > watermark only; ``replace`` always loads all).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.transfers.postgres_source import (
    ReconciliationError,
    SourceSelection,
    TransferError,
    connection_identity,
    describe_source,
    explain_timeout,
    lock_target,
    mask_expr,
    pg_connect,
    pg_quote_ident,
    pg_quote_table,
    source_statement_timeout,
    split_pg_table,
    stream_copy,
    validate_options,
    watermark_condition,
)

log = logging.getLogger(__name__)

STAGING_SUFFIX = "__staging"
OLD_SUFFIX = "__old"
_TEMP_STAGING = "ai_etl_staging"
_SESSION_SQL = "SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3"
_MAX_IDENT = 63


@dataclass
class PostgresTransferResult:
    """What a load did; :meth:`as_dict` is the operator's XCom value."""

    rows: int
    watermark: Any
    mode: str
    seconds: float
    target: str
    source_rows: int = 0

    def as_dict(self) -> dict[str, Any]:
        """``{"rows", "watermark", "mode", "seconds", "target"}`` with a JSON-friendly watermark."""
        wm = self.watermark
        if hasattr(wm, "isoformat"):
            wm = wm.isoformat()
        elif wm is not None and not isinstance(wm, (bool, int, float, str)):
            wm = str(wm)  # Decimal, UUID, ...
        return {
            "rows": self.rows,
            "watermark": wm,
            "mode": self.mode,
            "seconds": round(self.seconds, 3),
            "target": self.target,
        }


@dataclass
class _Column:
    name: str
    pg_type: str  # type of the created target column
    not_null: bool
    expr: str  # source expression (masked or plain)


@dataclass
class PostgresToPostgresTransfer:
    """Move one PostgreSQL selection into a PostgreSQL table with COPY (see the module docstring).

    :param source_conn_id: Airflow connection of the source database.
    :param target_conn_id: Airflow connection of the target database (may be the same).
    :param target_table: ``table`` (in the target's ``current_schema()``) or ``schema.table``.
    :param source_table: ``table`` or ``schema.table``; exclusive with ``source_sql``.
    :param source_sql: one SELECT; exclusive with ``source_table``.
    :param columns: subset/order of columns to load (default: all).
    :param where: SQL condition on the source rows.
    :param incremental_column: load only rows above the target's ``max(column)`` (not in ``replace``).
    :param mode: ``append`` | ``replace`` (staging + rename swap) | ``upsert`` (ON CONFLICT on ``keys``).
    :param keys: upsert keys; also the primary key of a created table.
    :param create: create the target table when missing (source types, primary key = keys or the
        source's primary key; masked columns and enums become ``text``).
    :param mask: ``{column: hash|redact|partial}``, applied in the source SELECT.
    :param dedupe: source columns; rows equal on them are loaded once (``DISTINCT ON``).
    :param batch_size: accepted for symmetry with the ClickHouse transfer; COPY streams in ~1 MiB
        chunks whatever its value.
    """

    source_conn_id: str
    target_conn_id: str
    target_table: str
    source_table: str | None = None
    source_sql: str | None = None
    columns: Sequence[str] | None = None
    where: str | None = None
    incremental_column: str | None = None
    mode: str = "append"
    keys: Sequence[str] = ()
    create: bool = True
    mask: dict[str, str] = field(default_factory=dict)
    dedupe: Sequence[str] | None = None
    batch_size: int = 100_000

    def __post_init__(self) -> None:
        validate_options(self)
        split_pg_table(self.target_table)  # raises on a malformed name

    # ------------------------------------------------------------------ planning

    def _selection(self) -> SourceSelection:
        return SourceSelection.of(self)

    def _plan(
        self, described: list[tuple[str, str, bool, bool]], pk: list[str]
    ) -> tuple[list[_Column], list[str]]:
        """Loaded columns and the primary key of a created table."""
        by_name = {c[0]: c for c in described}
        self._selection().check_columns(list(by_name))
        wanted = list(self.columns) if self.columns else [c[0] for c in described]
        missing = [c for c in wanted if c not in by_name]
        if missing:
            raise TransferError(f"columns {missing} are not in the source (it has {list(by_name)})")
        for label, names in (
            ("mask", list(self.mask or {})),
            ("keys", list(self.keys)),
            ("incremental_column", [self.incremental_column] if self.incremental_column else []),
        ):
            absent = [n for n in names if n not in wanted]
            if absent:
                raise TransferError(f"{label} {absent} not among the loaded columns {wanted}")
        cols = []
        for name in wanted:
            _, pg_type, nullable, is_enum = by_name[name]
            method = (self.mask or {}).get(name)
            quoted = pg_quote_ident(name)
            if method:
                cols.append(_Column(name, "text", not nullable, mask_expr(quoted, method)))
            else:  # an enum type need not exist in the target database: its label is text
                cols.append(_Column(name, "text" if is_enum else pg_type, not nullable, quoted))
        if self.keys:
            primary = list(self.keys)
        elif pk and all(c in wanted and c not in (self.mask or {}) for c in pk):
            primary = pk
        else:
            primary = []
        return cols, primary

    @staticmethod
    def _ddl(table_sql: str, cols: Sequence[_Column], primary: Sequence[str]) -> str:
        parts = [f"{pg_quote_ident(c.name)} {c.pg_type}{' NOT NULL' if c.not_null else ''}" for c in cols]
        if primary:
            parts.append(f"PRIMARY KEY ({', '.join(pg_quote_ident(c) for c in primary)})")
        return f"CREATE TABLE {table_sql} (\n  " + ",\n  ".join(parts) + "\n)"

    # ------------------------------------------------------------------ checks

    def _same_database(self) -> bool:
        if self.source_conn_id == self.target_conn_id:
            return True
        return connection_identity(self.source_conn_id) == connection_identity(self.target_conn_id)

    def _refuse_same_table(self, src: Any, target_sql: str) -> None:
        """Same database and the source table *is* the target table: refuse (it would read itself)."""
        if not self.source_table or not self._same_database():
            return
        with src.cursor() as cur:
            cur.execute(
                "SELECT to_regclass(%s)::oid, to_regclass(%s)::oid",
                (pg_quote_table(self.source_table), target_sql),
            )
            source_oid, target_oid = cur.fetchone()
        src.rollback()
        if source_oid is not None and source_oid == target_oid:
            raise TransferError(
                f"source table {self.source_table!r} and target table {self.target_table!r} are the same "
                f"table on the same connection ({self.source_conn_id!r}); choose another target"
            )

    @staticmethod
    def _check_target(cur: Any, target_sql: str, cols: Sequence[_Column]) -> None:
        cur.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum",
            (target_sql,),
        )
        existing = [r[0] for r in cur.fetchall()]
        missing = [c.name for c in cols if c.name not in existing]
        if missing:
            raise TransferError(f"target table {target_sql} has no columns {missing} (it has {existing})")

    def _check_unique_keys(self, cur: Any, target_sql: str) -> None:
        cur.execute(
            """SELECT ARRAY(SELECT a.attname FROM pg_attribute a
                            WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey))
               FROM pg_index i
               WHERE i.indrelid = %s::regclass AND i.indisunique AND i.indisvalid
                 AND i.indpred IS NULL AND i.indexprs IS NULL""",
            (target_sql,),
        )
        wanted = set(self.keys)
        if not any(set(r[0]) == wanted for r in cur.fetchall()):
            keys = ", ".join(pg_quote_ident(k) for k in self.keys)
            raise TransferError(
                f"upsert into {target_sql} needs a unique index or primary key on exactly {list(self.keys)} "
                f"and the table has none; add one (CREATE UNIQUE INDEX ON {target_sql} ({keys})) "
                f"or use mode 'append'/'replace'"
            )

    # ------------------------------------------------------------------ run

    def run(self) -> PostgresTransferResult:
        """Execute the load and return its :class:`PostgresTransferResult`."""
        import psycopg2

        started = time.monotonic()
        timeout = source_statement_timeout()
        src = pg_connect(self.source_conn_id, timeout)
        try:
            tgt = pg_connect(self.target_conn_id)
        except BaseException:
            src.close()
            raise
        try:
            for conn in (src, tgt):
                conn.set_client_encoding("UTF8")
                with conn.cursor() as cur:
                    cur.execute(_SESSION_SQL)
                conn.commit()
            schema, table = split_pg_table(self.target_table)
            if schema is None:
                with tgt.cursor() as cur:
                    cur.execute("SELECT current_schema()")
                    schema = cur.fetchone()[0]
                tgt.rollback()
                if schema is None:
                    raise TransferError("the target connection has no current schema; use schema.table")
            for suffix in (STAGING_SUFFIX, OLD_SUFFIX):
                if len((table + suffix).encode()) > _MAX_IDENT:
                    raise TransferError(f"target table name {table!r} is too long for {table + suffix!r}")
            target_sql = f"{pg_quote_ident(schema)}.{pg_quote_ident(table)}"
            full_name = f"{schema}.{table}"
            self._refuse_same_table(src, target_sql)

            described, pk = describe_source(src, self.source_table, self.source_sql)
            cols, primary = self._plan(described, pk)
            try:
                rows, source_rows, watermark = self._load(src, tgt, cols, primary, schema, table, target_sql)
                tgt.commit()
            except BaseException as e:
                tgt.rollback()
                clear = explain_timeout(e, timeout, src)
                if clear is not None:
                    raise clear from e
                if isinstance(e, psycopg2.Error):
                    raise TransferError(
                        f"load into {full_name} failed, target unchanged: {str(e).strip()}"
                    ) from e
                raise
            new_wm = watermark
            if self.incremental_column:
                with tgt.cursor() as cur:  # read after COMMIT: the watermark moved with the data
                    cur.execute(f"SELECT max({pg_quote_ident(self.incremental_column)}) FROM {target_sql}")
                    new_wm = cur.fetchone()[0]
                tgt.rollback()
        finally:
            src.close()
            tgt.close()
        seconds = time.monotonic() - started
        log.info(
            "Loaded %s rows into %s (%s) in %.2f s: %.0f rows/s",
            rows,
            full_name,
            self.mode,
            seconds,
            rows / seconds if seconds else 0,
        )
        return PostgresTransferResult(rows, new_wm, self.mode, seconds, full_name, source_rows)

    def _load(
        self,
        src: Any,
        tgt: Any,
        cols: Sequence[_Column],
        primary: Sequence[str],
        schema: str,
        table: str,
        target_sql: str,
    ) -> tuple[int, int, Any]:
        """Everything on the target inside its one transaction; returns (rows, source_rows, watermark)."""
        staging_sql = f"{pg_quote_ident(schema)}.{pg_quote_ident(table + STAGING_SUFFIX)}"
        old_sql = f"{pg_quote_ident(schema)}.{pg_quote_ident(table + OLD_SUFFIX)}"
        col_list = ", ".join(pg_quote_ident(c.name) for c in cols)
        cur = tgt.cursor()
        lock_target(cur, target_sql, transaction=True)  # released when this transaction ends
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", (target_sql,))
        exists = cur.fetchone()[0]
        if exists:
            self._check_target(cur, target_sql, cols)
            if self.mode == "upsert":
                self._check_unique_keys(cur, target_sql)
        elif not self.create:
            raise TransferError(f"target table {target_sql} does not exist and create=False")
        else:
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {pg_quote_ident(schema)}")

        watermark = None
        incremental = bool(self.incremental_column) and self.mode != "replace" and exists
        if incremental:
            cur.execute(f"SELECT max({pg_quote_ident(self.incremental_column or '')}) FROM {target_sql}")
            watermark = cur.fetchone()[0]
            incremental = watermark is not None
            log.info("Watermark of %s.%s: %r", target_sql, self.incremental_column, watermark)

        if self.mode == "replace":
            for name in (staging_sql, old_sql):
                cur.execute("SELECT to_regclass(%s) IS NOT NULL", (name,))
                if cur.fetchone()[0]:
                    raise TransferError(f"{name} already exists; it is in the way of the replace, drop it")
            ddl = f"CREATE TABLE {staging_sql} (LIKE {target_sql} INCLUDING ALL)" if exists else None
            cur.execute(ddl or self._ddl(staging_sql, cols, primary))
            load_sql = staging_sql
        else:
            if not exists:
                ddl = self._ddl(target_sql, cols, primary)
                log.info("Creating %s:\n%s", target_sql, ddl)
                cur.execute(ddl)
            cur.execute(
                f"CREATE TEMP TABLE {_TEMP_STAGING} ON COMMIT DROP AS "
                f"SELECT {col_list} FROM {target_sql} WITH NO DATA"
            )
            load_sql = _TEMP_STAGING

        conditions = []
        if incremental:
            # The watermark goes in as a literal: no parameter markers, so a '%' in ``where`` or
            # ``source_sql`` (LIKE 'a%') stays plain SQL.
            literal = cur.mogrify("%s", (watermark,)).decode()
            conditions.append(watermark_condition(self.incremental_column or "", literal=literal))
        copied, source_rows = self._copy(src, cur, cols, conditions, load_sql)
        if source_rows != copied:
            raise ReconciliationError(
                f"row count mismatch for {target_sql}: source selection has {source_rows} rows, "
                f"{copied} were copied into staging; the target was not changed"
            )
        self._publish(cur, cols, exists, copied, target_sql, staging_sql, old_sql, schema, table)
        cur.close()
        return copied, source_rows, watermark

    def _copy(
        self,
        src: Any,
        tcur: Any,
        cols: Sequence[_Column],
        conditions: Sequence[str],
        load_sql: str,
    ) -> tuple[int, int]:
        """Source COPY TO -> bounded pipe -> target COPY FROM; returns (rows copied, source count).

        The source count runs in the same REPEATABLE READ snapshot as the COPY.
        """
        import psycopg2

        selection = self._selection()
        src.set_session(isolation_level="REPEATABLE READ", readonly=True)
        try:
            with src.cursor() as scur:
                exprs = [(c.expr, c.name) for c in cols]
                select = selection.select_sql(exprs, conditions)
                col_list = ", ".join(pg_quote_ident(c.name) for c in cols)
                load = f"COPY {load_sql} ({col_list}) FROM STDIN"
                try:
                    stream_copy(
                        scur,
                        f"COPY ({select}) TO STDOUT",
                        lambda pipe: tcur.copy_expert(load, pipe.reader(), size=1 << 20),
                        "ai-etl-pg-copy",
                    )
                except psycopg2.Error as e:
                    if e.cursor is not scur:  # a failure of the target's COPY keeps its own error
                        raise
                    raise TransferError(f"reading the source failed: {str(e).strip()}") from e
                copied = tcur.rowcount
                scur.execute(selection.count_sql(conditions))
                source_rows = scur.fetchone()[0]
        finally:
            src.rollback()
            src.set_session(isolation_level="DEFAULT", readonly="DEFAULT")
        return copied, source_rows

    def _publish(
        self,
        cur: Any,
        cols: Sequence[_Column],
        exists: bool,
        rows: int,
        target_sql: str,
        staging_sql: str,
        old_sql: str,
        schema: str,
        table: str,
    ) -> None:
        import psycopg2

        col_list = ", ".join(pg_quote_ident(c.name) for c in cols)
        if self.mode == "replace":
            if exists:
                cur.execute(f"ALTER TABLE {target_sql} RENAME TO {pg_quote_ident(table + OLD_SUFFIX)}")
                cur.execute(f"ALTER TABLE {staging_sql} RENAME TO {pg_quote_ident(table)}")
                self._move_owned_sequences(cur, old_sql, target_sql)
                cur.execute(f"DROP TABLE {old_sql}")
                self._rename_staging_indexes(cur, schema, table, target_sql)
            else:
                cur.execute(f"ALTER TABLE {staging_sql} RENAME TO {pg_quote_ident(table)}")
                self._rename_staging_indexes(cur, schema, table, target_sql)
            return
        insert = f"INSERT INTO {target_sql} ({col_list}) SELECT {col_list} FROM {_TEMP_STAGING}"
        if self.mode == "upsert":
            keys = ", ".join(pg_quote_ident(k) for k in self.keys)
            others = [c.name for c in cols if c.name not in self.keys] or [self.keys[0]]
            sets = ", ".join(f"{pg_quote_ident(c)} = EXCLUDED.{pg_quote_ident(c)}" for c in others)
            insert += f" ON CONFLICT ({keys}) DO UPDATE SET {sets}"
        try:
            cur.execute(insert)
        except psycopg2.errors.CardinalityViolation as e:
            raise TransferError(
                f"upsert into {target_sql}: several source rows have the same keys {list(self.keys)}; "
                f"pass dedupe={list(self.keys)} to load one row per key; target unchanged"
            ) from e
        if cur.rowcount != rows:
            raise ReconciliationError(
                f"row count mismatch for {target_sql}: source selection has {rows} rows, "
                f"{cur.rowcount} reached the target (a trigger or rule dropped rows?); "
                f"the target was not changed"
            )

    @staticmethod
    def _move_owned_sequences(cur: Any, old_sql: str, new_sql: str) -> None:
        """Serial sequences owned by the old table's columns: give them to the new table's columns."""
        cur.execute(
            """SELECT d.objid::regclass::text, a.attname FROM pg_depend d
               JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
               JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
               WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                 AND d.refobjid = %s::regclass AND d.deptype = 'a'""",
            (old_sql,),
        )
        for seq, column in cur.fetchall():
            cur.execute(f"ALTER SEQUENCE {seq} OWNED BY {new_sql}.{pg_quote_ident(column)}")

    @staticmethod
    def _rename_staging_indexes(cur: Any, schema: str, table: str, target_sql: str) -> None:
        """``t__staging_pkey`` -> ``t_pkey`` etc. (LIKE / CREATE named them after the staging table)."""
        prefix = table + STAGING_SUFFIX
        cur.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass",
            (target_sql,),
        )
        for (name,) in cur.fetchall():
            if not name.startswith(prefix):
                continue
            new = table + name[len(prefix) :]
            if len(new.encode()) > _MAX_IDENT:
                continue
            schema_sql = pg_quote_ident(schema)
            cur.execute("SELECT to_regclass(%s) IS NULL", (f"{schema_sql}.{pg_quote_ident(new)}",))
            if cur.fetchone()[0]:
                index_sql = f"{schema_sql}.{pg_quote_ident(name)}"
                cur.execute(f"ALTER INDEX {index_sql} RENAME TO {pg_quote_ident(new)}")
