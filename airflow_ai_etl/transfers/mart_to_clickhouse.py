"""Refresh a mart table in ClickHouse from its aggregate query (see :mod:`airflow_ai_etl.marts`).

Where the aggregate runs:

* fact table in PostgreSQL: the query is pushed down (PostgreSQL groups the rows) and its result is
  streamed into ClickHouse by
  :class:`~airflow_ai_etl.transfers.postgres_to_clickhouse.PostgresToClickHouseTransfer`
  (COPY -> HTTP fast path, row path otherwise, row counts reconciled);
* fact table in ClickHouse (on the target's server): ``INSERT INTO ... SELECT`` runs on the server.

Refresh modes; readers see the old mart or the new one, never a half-built one - the new table is
built beside the mart as ``<mart>__mart_new`` and swapped in with one ``RENAME TABLE``:

* ``full``: the whole aggregate becomes ``<mart>__mart_new``; swap. The new table always has the
  columns of the current definition (a changed mart is rebuilt, not patched);
* ``incremental``: the last ``lookback`` grains are recomputed, counting rows that arrived late. The
  window starts ``lookback - 1`` grains before the latest grain in the mart (so grains newer than
  that are included too); ``<mart>__mart_new`` = the mart's rows before the window + the window's
  rows, then swap. Rows older than the window that arrive late are not counted until a full refresh.
  A missing or empty mart, or one whose columns differ from the definition, gets a full refresh.

One refresh of a PostgreSQL-fed mart at a time: a PostgreSQL advisory lock on the mart's name is
held for the whole refresh (a second run waits). ClickHouse-side marts rely on the DAG's
``max_active_runs=1``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from airflow_ai_etl.catalog import READERS, Catalog, Column, ConnectionInfo, Table
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook, quote_identifier
from airflow_ai_etl.marts.model import Mart
from airflow_ai_etl.marts.resolve import MartQuestion, ResolvedMart, resolve_mart
from airflow_ai_etl.marts.sql import mart_sql
from airflow_ai_etl.transfers.clickhouse_staging import TableNames, swap_in, table_names
from airflow_ai_etl.transfers.postgres_source import TransferError, lock_target, pg_connect
from airflow_ai_etl.transfers.postgres_to_clickhouse import PostgresToClickHouseTransfer

log = logging.getLogger(__name__)

NEW_SUFFIX = "__mart_new"  # the next version of the mart, until it is swapped in
WINDOW_SUFFIX = "__mart_window"  # the recomputed grains of an incremental refresh (PostgreSQL facts)
OLD_SUFFIX = "__mart_old"  # the previous version, between the swap and its drop
_TZ = re.compile(r"DateTime(?:64)?\((?:\d+,\s*)?'([^']+)'\)")


@dataclass
class MartRefreshResult:
    """What a refresh did; :meth:`as_dict` is the operator's XCom value."""

    rows: int  # rows of the mart after the refresh
    recomputed: int  # rows computed from the fact table in this run
    mode: str  # full | incremental
    since: str | None  # first recomputed grain (incremental)
    seconds: float
    path: str  # postgres:copy | postgres:rows | clickhouse
    target: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "recomputed": self.recomputed,
            "mode": self.mode,
            "since": self.since,
            "seconds": round(self.seconds, 3),
            "path": self.path,
            "target": self.target,
        }


def shift_grain(start: str, grain: str, steps: int) -> str:
    """The grain start ``steps`` grains before ``start`` (``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM:SS``)."""
    if grain == "hour":
        moment = dt.datetime.fromisoformat(start) - dt.timedelta(hours=steps)
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    day = dt.date.fromisoformat(start[:10])
    if grain == "day":
        day -= dt.timedelta(days=steps)
    elif grain == "week":
        day -= dt.timedelta(weeks=steps)
    else:
        months = day.year * 12 + day.month - 1 - steps
        day = dt.date(months // 12, months % 12 + 1, 1)
    return day.isoformat()


def ch_time_literal(ch_type: str, text: str) -> str:
    """A ClickHouse literal of ``text`` for a Date / DateTime[('tz')] column of type ``ch_type``."""
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if "DateTime" not in ch_type:
        return f"toDate({quoted})"
    tz = _TZ.search(ch_type)
    return f"toDateTime({quoted}, '{tz.group(1)}')" if tz else f"toDateTime({quoted})"


_PG_TABLES = """
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
       coalesce(col_description(c.oid, a.attnum), ''),
       coalesce((SELECT array_agg(k.attname ORDER BY array_position(i.indkey::int2[], k.attnum))
                 FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY(i.indkey)
                 WHERE i.indrelid = c.oid AND i.indisprimary), '{}')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.oid IN (SELECT to_regclass(name) FROM unnest(%s::text[]) AS name)
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum
"""


def read_postgres_tables(conn_id: str, names: list[str]) -> list[Table]:
    """Columns, nullability and primary keys of the named tables only (missing ones are left out).

    A refresh needs just the mart's own tables; reading the whole catalog (information_schema)
    would cost time on every run, and more the bigger the database.
    """
    from airflow_ai_etl.transfers.postgres_source import pg_quote_table

    conn = pg_connect(conn_id)
    try:
        with conn.cursor() as cur:
            cur.execute(_PG_TABLES, ([pg_quote_table(n) for n in names],))
            found = cur.fetchall()
    finally:
        conn.rollback()
        conn.close()
    grouped: dict[tuple[str, str], list[Column]] = {}
    keys: dict[tuple[str, str], tuple[str, ...]] = {}
    for schema, table, column, type_, nullable, comment, primary_key in found:
        grouped.setdefault((schema, table), []).append(Column(column, type_, bool(nullable), comment))
        keys[(schema, table)] = tuple(primary_key)
    return [
        Table(schema, table, tuple(cols), keys[(schema, table)]) for (schema, table), cols in grouped.items()
    ]


def read_catalog(conn_id: str, tables: list[str] | None = None) -> Catalog:
    """The catalog of one connection, read through its hook.

    :param tables: PostgreSQL: read only these tables (names as the mart gives them).
    """
    from airflow.sdk import BaseHook

    conn = BaseHook.get_connection(conn_id)
    info = ConnectionInfo(
        conn_id, (conn.conn_type or "").lower(), conn.description or "", conn.host or "", conn.schema or ""
    )
    if tables is not None and info.engine == "postgres":
        return Catalog(connections={conn_id: info}, tables={conn_id: read_postgres_tables(conn_id, tables)})
    reader = READERS.get(info.engine)
    if reader is None:
        raise TransferError(
            f"connection {conn_id!r} is {info.conn_type!r}; a mart reads PostgreSQL or ClickHouse"
        )
    return Catalog(connections={conn_id: info}, tables={conn_id: reader(conn_id)})


def resolve_for_refresh(mart: Mart, catalog: Catalog | None = None) -> ResolvedMart:
    """Resolve a mart at run time: against the given catalog, else against its own tables (a deployed
    mart's joins are pinned, so these are all it needs), else against the connection's whole catalog."""
    if catalog is not None:
        return resolve_mart(mart, catalog)
    refs = list(mart.dimensions) + [m.column for m in mart.measures if m.column]
    refs += [f.column for f in mart.filters] + ([mart.time_grain.column] if mart.time_grain else [])
    own = [mart.table] + [j.table for j in mart.joins]
    own += sorted({d.rsplit(".", 1)[0] for d in refs if "." in d})
    try:
        return resolve_mart(mart, read_catalog(mart.conn_id, own))
    except MartQuestion:  # e.g. a join still to be found along the relations
        return resolve_mart(mart, read_catalog(mart.conn_id))


@dataclass
class MartToClickHouseTransfer:
    """Refresh the mart ``target_table`` (see the module docstring).

    :param mart: the mart definition.
    :param target_hook: ClickHouse hook of the mart's connection.
    :param target_table: ``table`` or ``db.table`` in ClickHouse.
    :param catalog: the catalog to resolve the mart against (read from the connection when None).
    :param mode: ``full`` | ``incremental``; default: the mart's ``refresh``.
    :param fast_path: PostgreSQL facts: as in PostgresToClickHouseTransfer (None = auto).
    """

    mart: Mart
    target_hook: ClickHouseHook
    target_table: str
    catalog: Catalog | None = None
    mode: str | None = None
    fast_path: bool | None = None

    def resolve(self) -> ResolvedMart:
        """See :func:`resolve_for_refresh`."""
        return resolve_for_refresh(self.mart, self.catalog)

    # ------------------------------------------------------------------ run

    def run(self) -> MartRefreshResult:
        started = time.monotonic()
        resolved = self.resolve()
        mode = self.mode or self.mart.refresh
        if mode not in ("full", "incremental"):
            raise TransferError(f"mode must be full or incremental, got {mode!r}")
        if mode == "incremental" and resolved.grain is None:
            raise TransferError("an incremental refresh needs a mart with a time_grain")
        hook = self.target_hook
        names = table_names(hook, self.target_table)
        client = hook.get_client()
        lock_conn = None
        try:
            if resolved.engine == "postgres":
                lock_conn = pg_connect(self.mart.conn_id)
                lock_conn.autocommit = True
                with lock_conn.cursor() as cur:
                    lock_target(
                        cur, f"clickhouse://{hook.server_address}/{names.full_name}", transaction=False
                    )
            else:
                self._check_same_server(hook)
            client.execute(f"CREATE DATABASE IF NOT EXISTS {quote_identifier(names.database)}")
            since = None
            if mode == "incremental":
                since = self._window_start(client, names, resolved)
                if since is None:
                    mode = "full"
            for leftover in (NEW_SUFFIX, WINDOW_SUFFIX, OLD_SUFFIX):
                client.execute(f"DROP TABLE IF EXISTS {names.sql(leftover)}")
            if mode == "full":
                recomputed, path = self._build_full(client, names, resolved)
            else:
                recomputed, path = self._build_incremental(client, names, resolved, since)  # type: ignore[arg-type]
            rows = client.execute(f"SELECT count() FROM {names.sql(NEW_SUFFIX)}")[0][0]
            exists = hook.table_exists(names.full_name, client)
            swap_in(
                client,
                exists=exists,
                target_sql=names.sql(),
                staging_sql=names.sql(NEW_SUFFIX),
                old_sql=names.sql(OLD_SUFFIX),
            )
        except BaseException:
            for leftover in (NEW_SUFFIX, WINDOW_SUFFIX):
                try:
                    client.execute(f"DROP TABLE IF EXISTS {names.sql(leftover)}")
                except Exception as exc:  # best effort; the next run drops them too
                    log.warning("Could not drop %s%s: %s", names.full_name, leftover, exc)
            raise
        finally:
            if lock_conn is not None:
                lock_conn.close()
            client.disconnect()
        seconds = time.monotonic() - started
        log.info(
            "Mart %s refreshed (%s%s): %s rows, %s recomputed, in %.2f s",
            names.full_name,
            mode,
            f" since {since}" if since else "",
            rows,
            recomputed,
            seconds,
        )
        return MartRefreshResult(rows, recomputed, mode, since, seconds, path, names.full_name)

    def _check_same_server(self, hook: ClickHouseHook) -> None:
        source = ClickHouseHook(clickhouse_conn_id=self.mart.conn_id)
        if source.server_address != hook.server_address:
            raise TransferError(
                "the fact table of a ClickHouse-side mart must be on the mart's server: "
                f"{self.mart.conn_id} is "
                f"{source.server_address}, the target {hook.server_address}"
            )

    # ------------------------------------------------------------------ windows

    def _window_start(self, client: Any, names: TableNames, resolved: ResolvedMart) -> str | None:
        """First grain to recompute, or None when the mart needs a full refresh."""
        grain = resolved.grain
        assert grain is not None
        columns = self.target_hook.get_table_columns(names.full_name, client)
        if [c for c, _ in columns] != resolved.output_names:
            if columns:
                log.info(
                    "Mart %s has columns %s, the definition %s: full refresh",
                    names.full_name,
                    [c for c, _ in columns],
                    resolved.output_names,
                )
            return None
        col = quote_identifier(grain.name)
        count, latest = client.execute(f"SELECT count(), toString(max({col})) FROM {names.sql()}")[0]
        if not count:
            return None
        return shift_grain(latest, grain.grain, self.mart.lookback - 1)

    def _keep_before(self, client: Any, names: TableNames, resolved: ResolvedMart, since: str) -> None:
        """``<mart>__mart_new`` := a copy of the mart's table with its rows before ``since``."""
        grain = resolved.grain
        assert grain is not None
        types = dict(self.target_hook.get_table_columns(names.full_name, client))
        cols = ", ".join(quote_identifier(n) for n in resolved.output_names)
        client.execute(f"CREATE TABLE {names.sql(NEW_SUFFIX)} AS {names.sql()}")
        bound = ch_time_literal(types[grain.name], since)
        client.execute(
            f"INSERT INTO {names.sql(NEW_SUFFIX)} ({cols}) SELECT {cols} FROM {names.sql()} "
            f"WHERE {quote_identifier(grain.name)} < {bound}"
        )

    # ------------------------------------------------------------------ builds

    def _order_by(self, resolved: ResolvedMart) -> list[str]:
        """Key outputs that can never be NULL (ClickHouse keys cannot be Nullable): grain and fact
        dimensions over NOT NULL columns; a LEFT JOINed column may always be NULL."""
        keys = []
        if resolved.grain is not None and not resolved.grain.column.column.nullable:
            keys.append(resolved.grain.name)
        keys += [
            name
            for use, name in resolved.dimensions
            if use.alias == resolved.fact_alias and not use.column.nullable
        ]
        return keys

    def _build_full(self, client: Any, names: TableNames, resolved: ResolvedMart) -> tuple[int, str]:
        if resolved.engine == "postgres":
            result = self._load_from_postgres(names.full_name + NEW_SUFFIX, mart_sql(resolved), resolved)
            return result.rows, f"postgres:{result.path}"
        keys = self._order_by(resolved)
        order = f"({', '.join(quote_identifier(k) for k in keys)})" if keys else "tuple()"
        client.execute(
            f"CREATE TABLE {names.sql(NEW_SUFFIX)} ENGINE = MergeTree() ORDER BY {order} "
            f"AS {mart_sql(resolved)}"
        )
        return client.execute(f"SELECT count() FROM {names.sql(NEW_SUFFIX)}")[0][0], "clickhouse"

    def _build_incremental(
        self, client: Any, names: TableNames, resolved: ResolvedMart, since: str
    ) -> tuple[int, str]:
        cols = ", ".join(quote_identifier(n) for n in resolved.output_names)
        if resolved.engine == "postgres":
            # The window first (the slow part, outside ClickHouse), then the copy of the kept rows.
            result = self._load_from_postgres(
                names.full_name + WINDOW_SUFFIX, mart_sql(resolved, since=since), resolved
            )
            self._keep_before(client, names, resolved, since)
            client.execute(
                f"INSERT INTO {names.sql(NEW_SUFFIX)} ({cols}) SELECT {cols} FROM {names.sql(WINDOW_SUFFIX)}"
            )
            client.execute(f"DROP TABLE {names.sql(WINDOW_SUFFIX)}")
            return result.rows, f"postgres:{result.path}"
        self._keep_before(client, names, resolved, since)
        kept = client.execute(f"SELECT count() FROM {names.sql(NEW_SUFFIX)}")[0][0]
        client.execute(f"INSERT INTO {names.sql(NEW_SUFFIX)} ({cols}) {mart_sql(resolved, since=since)}")
        total = client.execute(f"SELECT count() FROM {names.sql(NEW_SUFFIX)}")[0][0]
        return total - kept, "clickhouse"

    def _load_from_postgres(self, target: str, sql: str, resolved: ResolvedMart) -> Any:
        import psycopg2

        log.info("Mart query (PostgreSQL):\n%s", sql)
        try:
            return PostgresToClickHouseTransfer(
                source_conn_id=self.mart.conn_id,
                target_hook=self.target_hook,
                target_table=target,
                source_sql=sql,
                mode="replace",
                order_by=self._order_by(resolved),
                fast_path=self.fast_path,
            ).run()
        except psycopg2.Error as exc:
            raise TransferError(f"the mart query failed in PostgreSQL: {str(exc).strip()}") from exc
