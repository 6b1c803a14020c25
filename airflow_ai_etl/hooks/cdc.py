"""PostgreSQL logical replication source for CDC: publication, slot, streaming, pgoutput parsing.

Choice of decoding: **pgoutput** (built into PostgreSQL >= 10, nothing to install):

* the publication filters the stream to the one table (test_decoding would decode every table of
  the database and print SQL-quoted literals that need re-parsing);
* pgoutput's tuple data is length-prefixed text in the types' output format, cheap to parse and
  already what ClickHouse's TabSeparated parser wants once escaped.

Reading: the **streaming replication protocol** (:class:`ReplicationStream`: psycopg2's
``LogicalReplicationConnection`` opened from the Airflow connection, ``START_REPLICATION ...
LOGICAL``): PostgreSQL decodes the WAL once and pushes messages as transactions commit; the slot
moves only when the client confirms a flush position, which the engine does after ClickHouse
accepted a batch. The SQL functions ``pg_logical_slot_peek_binary_changes`` /
``pg_replication_slot_advance`` (:meth:`PostgresCDCHook.peek` / :meth:`PostgresCDCHook.advance`)
remain as the ``reader="sql"`` alternative: same semantics, but the WAL is decoded twice.
``CREATE_REPLICATION_SLOT ... EXPORT_SNAPSHOT`` gives the snapshot consistent with the slot.

Requirements on the server: ``wal_level = logical`` (checked, with a clear error), a free
replication slot (``max_replication_slots``), and a role with the REPLICATION attribute (or
superuser) that may create the publication (table owner). Deletes and key-changing updates need
the old key in the WAL: a table with a primary key has it by default; a table without one needs
``ALTER TABLE ... REPLICA IDENTITY FULL`` (checked before the publication is created, because
PostgreSQL refuses UPDATE/DELETE on a published table that has no replica identity).

Row condition: a **publication row filter** (PostgreSQL 15, ``CREATE PUBLICATION ... FOR TABLE t
WHERE (cond)``). pgoutput then sends only the changes of rows that satisfy it, and turns an UPDATE
that takes a row out of the condition into a DELETE, one that brings a row in into an INSERT.
PostgreSQL refuses UPDATE and DELETE on the table once a published filter reads a column outside
the replica identity, so the filter is tried out first in a rolled-back transaction
(:meth:`PostgresCDCHook.probe_row_filter`) and refused with the fix before it is ever committed.
"""

from __future__ import annotations

import logging
import struct
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from airflow.sdk import BaseHook
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.hooks.postgres import Psycopg2PostgresHook
from airflow_ai_etl.transfers.postgres_source import (
    CLICKHOUSE_TEXT_SESSION_SQL,
    pg_quote_ident,
    pg_quote_table,
)

log = logging.getLogger(__name__)

# pgoutput timestamps are microseconds since 2000-01-01 UTC.
PG_EPOCH = 946684800
UNCHANGED = object()  # pgoutput 'u': an unchanged TOASTed value that was not written to the WAL
# CLICKHOUSE_TEXT_SESSION_SQL as libpq options: a walsender accepts no SET, only startup options.
WALSENDER_OPTIONS = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c extra_float_digits=3"
ROW_FILTER_VERSION = 150000  # server_version_num from which publications take WHERE


class CDCError(AIETLError, AirflowException):
    """CDC cannot run as configured (server settings, replica identity, slot in use, ...)."""


def lsn_to_int(lsn: str) -> int:
    """``'16/B374D848'`` -> integer position."""
    hi, lo = lsn.split("/")
    return (int(hi, 16) << 32) | int(lo, 16)


def int_to_lsn(value: int) -> str:
    """Integer position -> ``'16/B374D848'``."""
    return f"{value >> 32:X}/{value & 0xFFFFFFFF:X}"


def check_wal_level(value: str) -> None:
    """Raise :class:`CDCError` with the fix unless ``wal_level`` (``SHOW wal_level``) is logical."""
    if value.strip().lower() != "logical":
        raise CDCError(
            f"PostgreSQL wal_level is {value!r}; change data capture needs wal_level = logical. "
            "Run ALTER SYSTEM SET wal_level = logical; and restart PostgreSQL "
            "(managed services: enable logical replication, e.g. rds.logical_replication = 1)."
        )


@dataclass
class SourceTable:
    """What CDC needs to know about the source table."""

    schema: str
    name: str
    pk: list[str]
    replica_identity: str  # pg_class.relreplident: d(efault) f(ull) i(ndex) n(othing)
    identity_columns: list[str]  # columns PostgreSQL logs as the old key (all columns for FULL)

    @property
    def qualified(self) -> str:
        return f"{pg_quote_ident(self.schema)}.{pg_quote_ident(self.name)}"


def check_replica_identity(table: SourceTable, keys: Sequence[str]) -> None:
    """Raise :class:`CDCError` with guidance unless updates/deletes will carry the values of ``keys``."""
    if table.replica_identity == "f":
        return
    where = f"{table.schema}.{table.name}"
    if not table.identity_columns:
        raise CDCError(
            f"table {where} has no primary key and its REPLICA IDENTITY is "
            f"{ {'d': 'DEFAULT', 'n': 'NOTHING', 'i': 'USING INDEX'}[table.replica_identity] }, so "
            "PostgreSQL does not log which row an UPDATE or DELETE touched and deletes cannot be "
            f"replicated. Add a primary key, or run: ALTER TABLE {table.qualified} REPLICA IDENTITY FULL;"
        )
    missing = [k for k in keys if k not in table.identity_columns]
    if missing:
        raise CDCError(
            f"keys {list(keys)} of {where} are not all in its replica identity {table.identity_columns}, "
            f"so deletes would not carry {missing}. Use the primary key as keys, or run: "
            f"ALTER TABLE {table.qualified} REPLICA IDENTITY FULL;"
        )


@dataclass(frozen=True)
class RowFilter:
    """A row condition as a publication row filter.

    :param condition: the SQL condition as given (already through the SQL safety gate).
    :param deparsed: PostgreSQL's own text of it (``pg_publication_tables.rowfilter``): what an
        existing publication's filter is compared with, since the given text need not be canonical.
    :param columns: the table columns the condition reads.
    """

    condition: str
    deparsed: str
    columns: list[str]


def check_row_filter_identity(table: SourceTable, row_filter: RowFilter) -> None:
    """Raise :class:`CDCError` unless the replica identity covers the filter's columns.

    PostgreSQL evaluates the filter of an UPDATE or DELETE on the old row, which the WAL holds
    only as its replica identity; once such a filter is published it refuses every UPDATE and
    DELETE of the table, so this must hold before the publication is created.
    """
    if table.replica_identity == "f":
        return
    outside = [c for c in row_filter.columns if c not in table.identity_columns]
    if outside:
        raise CDCError(
            f"the row condition ({row_filter.condition}) reads {outside}, which are not in the replica "
            f"identity of {table.schema}.{table.name} ({table.identity_columns or 'none'}); PostgreSQL "
            "would then refuse every UPDATE and DELETE of the table. Run: "
            f"ALTER TABLE {table.qualified} REPLICA IDENTITY FULL; (the WAL then logs whole old rows), "
            "or write the condition over the primary key columns. Nothing was created."
        )


# --------------------------------------------------------------------------- pgoutput protocol


@dataclass
class Relation:
    """A pgoutput 'R' message: the table's columns as the decoder sends them."""

    relid: int
    schema: str
    name: str
    columns: list[str]
    key_flags: list[bool]


@dataclass
class Change:
    """One decoded message. ``op``: I/U/D/T (changes), B/C (transaction bounds), R (relation)."""

    op: str
    lsn: int
    relid: int = 0
    new: list[Any] | None = None  # bytes | None (NULL) | UNCHANGED, in relation column order
    old: list[Any] | None = None  # old key ('K') or old row ('O') tuple of U/D
    old_is_full: bool = False
    relation: Relation | None = None
    relids: list[int] = field(default_factory=list)  # T: truncated relations
    commit_time: float | None = None  # C: UNIX seconds


_I32 = struct.Struct(">i")
_U32 = struct.Struct(">I")
_I16 = struct.Struct(">h")
_Q = struct.Struct(">q")


def _cstring(buf: bytes, pos: int) -> tuple[str, int]:
    end = buf.index(0, pos)
    return buf[pos:end].decode(), end + 1


def parse_tuple(buf: bytes, pos: int) -> tuple[list[Any], int]:
    """TupleData at ``pos`` -> (values, next position); a value is bytes, None (NULL) or UNCHANGED."""
    (n,) = _I16.unpack_from(buf, pos)
    pos += 2
    out: list[Any] = []
    append = out.append
    for _ in range(n):
        kind = buf[pos]
        pos += 1
        if kind == 116:  # 't': text
            (ln,) = _I32.unpack_from(buf, pos)
            pos += 4
            append(buf[pos : pos + ln])
            pos += ln
        elif kind == 110:  # 'n': NULL
            append(None)
        elif kind == 117:  # 'u': unchanged TOAST
            append(UNCHANGED)
        else:
            raise CDCError(f"unsupported pgoutput tuple value kind {chr(kind)!r}")
    return out, pos


def parse_message(lsn: int, buf: bytes) -> Change | None:
    """Decode one pgoutput (protocol 1) message; None for messages CDC ignores (type, origin)."""
    tag = buf[0]
    if tag == 73:  # I
        (relid,) = _U32.unpack_from(buf, 1)
        new, _ = parse_tuple(buf, 6)  # buf[5] == 'N'
        return Change("I", lsn, relid, new=new)
    if tag == 85:  # U
        (relid,) = _U32.unpack_from(buf, 1)
        marker, pos = buf[5], 6
        old = None
        full = False
        if marker in (75, 79):  # 'K' old key / 'O' old row, then 'N'
            old, pos = parse_tuple(buf, pos)
            full = marker == 79
            pos += 1
        new, _ = parse_tuple(buf, pos)
        return Change("U", lsn, relid, new=new, old=old, old_is_full=full)
    if tag == 68:  # D
        (relid,) = _U32.unpack_from(buf, 1)
        old, _ = parse_tuple(buf, 6)
        return Change("D", lsn, relid, old=old, old_is_full=buf[5] == 79)
    if tag == 66:  # B
        return Change("B", lsn)
    if tag == 67:  # C: flags, commit lsn, end lsn, commit timestamp
        (ts,) = _Q.unpack_from(buf, 18)
        return Change("C", lsn, commit_time=PG_EPOCH + ts / 1e6)
    if tag == 82:  # R
        (relid,) = _U32.unpack_from(buf, 1)
        schema, pos = _cstring(buf, 5)
        name, pos = _cstring(buf, pos)
        pos += 1  # replica identity setting
        (ncols,) = _I16.unpack_from(buf, pos)
        pos += 2
        cols, flags = [], []
        for _ in range(ncols):
            flag = buf[pos]
            col, pos = _cstring(buf, pos + 1)
            pos += 8  # type oid, typmod
            cols.append(col)
            flags.append(bool(flag & 1))
        rel = Relation(relid, schema, name, cols, flags)
        return Change("R", lsn, relid, relation=rel)
    if tag == 84:  # T: nrels, options, relids
        (n,) = _I32.unpack_from(buf, 1)
        relids = [_U32.unpack_from(buf, 6 + 4 * i)[0] for i in range(n)]
        return Change("T", lsn, relids=relids)
    return None  # Y (type), O (origin), M (message)


# --------------------------------------------------------------------------- streaming protocol

STATUS_INTERVAL = 10.0  # seconds between unsolicited standby status updates (psycopg2 sends them)


class ReplicationStream:
    """A logical slot streamed over the replication protocol (``START_REPLICATION ... LOGICAL``).

    PostgreSQL decodes the WAL once and pushes pgoutput messages as transactions commit; this object
    only reads them and reports positions back. The slot moves through :meth:`confirm`; besides,
    psycopg2 forwards the flush position to a keepalive's WAL end when the last message received
    lies at or before the confirmed position. That is safe: a keepalive's WAL end is the
    walsender's decoding position, and a transaction whose commit lies beyond it is sent (again)
    in full. Keepalives are answered by psycopg2 inside :meth:`read`.

    :param conn: psycopg2 ``LogicalReplicationConnection`` (owned: closed by :meth:`close`).
    :param cursor: its cursor, already in ``start_replication``.
    :param start_lsn: position the stream started from (the slot's confirmed position).
    """

    def __init__(self, conn: Any, cursor: Any, start_lsn: int) -> None:
        self.conn = conn
        self.cursor = cursor
        self.confirmed = start_lsn
        self._asked_at = 0.0

    def read(self, max_messages: int) -> list[tuple[int, bytes]]:
        """Up to ``max_messages`` messages already received, as ``(lsn, pgoutput message)``; never blocks.

        The lsn of a change is its WAL record position, that of a commit the end of its record,
        as with ``pg_logical_slot_peek_binary_changes``.
        """
        out: list[tuple[int, bytes]] = []
        read = self.cursor.read_message
        for _ in range(max_messages):
            msg = read()
            if msg is None:
                break
            out.append((msg.data_start, msg.payload))
        return out

    def wait(self, timeout: float) -> None:
        """Block until the server sends something or ``timeout`` seconds pass."""
        import select

        if timeout > 0:
            select.select([self.cursor], [], [], timeout)

    @property
    def server_wal_end(self) -> int:
        """The latest WAL position the server reported (keepalive or message header)."""
        return int(self.cursor.wal_end or 0)

    def ask_position(self, every: float = 0.5) -> None:
        """Ask the server for a keepalive (its decoding position), at most once per ``every`` seconds."""
        now = time.monotonic()
        if now - self._asked_at >= every:
            self._asked_at = now
            self.cursor.send_feedback(reply=True, force=True)

    def confirm(self, lsn: int) -> None:
        """Tell the server everything before ``lsn`` is applied (flush position); the slot may move there."""
        if lsn > self.confirmed:
            self.cursor.send_feedback(write_lsn=lsn, flush_lsn=lsn, apply_lsn=lsn, force=True)
            self.confirmed = lsn

    def close(self) -> None:
        """End the stream (the walsender processes the last feedback before it sees the close)."""
        try:
            self.cursor.close()
        finally:
            self.conn.close()


# --------------------------------------------------------------------------- hook


class PostgresCDCHook(BaseHook):
    """Publication, slot and change reading on one PostgreSQL database (an Airflow ``postgres`` connection).

    The connection is looked up through Airflow (metadata database, environment, secrets backends)
    and opened by :class:`~airflow_ai_etl.hooks.postgres.Psycopg2PostgresHook`, i.e. with everything
    the PostgresHook reads from it (extras, ``iam`` tokens, ``sslmode``, ...).

    :param postgres_conn_id: Airflow connection of the source database.
    """

    conn_name_attr = "postgres_conn_id"
    default_conn_name = "postgres_default"
    conn_type = "postgres"
    hook_name = "PostgreSQL CDC (AI ETL)"

    def __init__(self, postgres_conn_id: str = default_conn_name, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.postgres_conn_id = postgres_conn_id

    # ------------------------------------------------------------------ connections

    def get_pg_hook(self, replication: bool = False) -> Psycopg2PostgresHook:
        """The PostgresHook (psycopg2 flavour) that opens this hook's connections."""
        return Psycopg2PostgresHook(postgres_conn_id=self.postgres_conn_id, replication=replication)

    def get_conn(self) -> Any:
        """A regular (not replication) connection with the CDC session settings; see :meth:`connect`."""
        return self.connect()

    def test_connection(self) -> tuple[bool, str]:
        """Connect and check ``wal_level``; return (ok, message) for the UI's connection test."""
        try:
            conn = self.connect()
            try:
                self.check_server(conn)
            finally:
                conn.close()
        except Exception as e:  # noqa: BLE001 - the UI shows the message
            return False, str(e)
        return True, "Connection successfully tested (wal_level = logical)"

    def connect(self, replication: bool = False) -> Any:
        """A psycopg2 connection; ``replication=True`` gives a ``LogicalReplicationConnection``.

        Session settings make the types' text output what ClickHouse parses: UTC, ISO dates. The
        walsender of a replication connection gets the same ones, since pgoutput prints the values
        with its session's settings and masks hash that text exactly as the snapshot's SQL does.
        """
        hook = self.get_pg_hook(replication=replication)
        if replication:  # a walsender takes no SET: its settings come with the connection
            hook.session_options = WALSENDER_OPTIONS
        pg = hook.get_conn()
        if not replication:
            with pg.cursor() as cur:
                # Exactly the batch load's session (a masked value hashes the same text there).
                cur.execute(CLICKHOUSE_TEXT_SESSION_SQL)
            pg.commit()
        return pg

    # ------------------------------------------------------------------ checks and metadata

    @staticmethod
    def check_server(conn: Any) -> None:
        """Raise :class:`CDCError` unless the server can decode logically (``wal_level``)."""
        with conn.cursor() as cur:
            cur.execute("SHOW wal_level")
            check_wal_level(cur.fetchone()[0])
        conn.rollback()

    @staticmethod
    def describe_table(conn: Any, table: str) -> SourceTable:
        """Primary key and replica identity of ``table`` (``name`` or ``schema.name``)."""
        with conn.cursor() as cur:
            cur.execute(
                "SELECT n.nspname, c.relname, c.relreplident FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = %s::regclass",
                (pg_quote_table(table),),
            )
            schema, name, ident = cur.fetchone()
            qualified = f"{pg_quote_ident(schema)}.{pg_quote_ident(name)}"
            index_cols = """SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = %s::regclass AND {cond}
                ORDER BY array_position(i.indkey::int2[], a.attnum)"""
            cur.execute(index_cols.format(cond="i.indisprimary"), (qualified,))
            pk = [r[0] for r in cur.fetchall()]
            if ident == "f":
                cur.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                    "AND NOT attisdropped ORDER BY attnum",
                    (qualified,),
                )
                identity = [r[0] for r in cur.fetchall()]
            elif ident == "i":
                cur.execute(index_cols.format(cond="i.indisreplident"), (qualified,))
                identity = [r[0] for r in cur.fetchall()]
            elif ident == "d":
                identity = list(pk)
            else:
                identity = []
        conn.rollback()
        return SourceTable(schema, name, pk, ident, identity)

    # ------------------------------------------------------------------ publication and slot

    @staticmethod
    def ensure_publication(
        conn: Any, publication: str, table: SourceTable, row_filter: RowFilter | None = None
    ) -> bool:
        """Create ``publication`` for the table with ``row_filter``, or add the table to it, or replace
        the table's filter when it differs; True if anything changed."""
        where = f" WHERE ({row_filter.condition})" if row_filter else ""
        name = pg_quote_ident(publication)
        changed = False
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (publication,))
            if cur.fetchone() is None:
                cur.execute(f"CREATE PUBLICATION {name} FOR TABLE {table.qualified}{where}")
                changed = True
            else:
                present, current = PostgresCDCHook._published_filter(cur, publication, table)
                if present and current != (row_filter.deparsed if row_filter else None):
                    # Other tables of a shared publication keep theirs: only this table is re-added.
                    cur.execute(f"ALTER PUBLICATION {name} DROP TABLE {table.qualified}")
                    present = False
                if not present:
                    cur.execute(f"ALTER PUBLICATION {name} ADD TABLE {table.qualified}{where}")
                    changed = True
        conn.commit()
        return changed

    @staticmethod
    def _published_filter(cur: Any, publication: str, table: SourceTable) -> tuple[bool, str | None]:
        """(the publication has the table, its row filter as PostgreSQL prints it or None)."""
        cur.execute(  # to_jsonb: servers before 15 have no rowfilter column (and no filters)
            "SELECT to_jsonb(t) ->> 'rowfilter' FROM pg_publication_tables t WHERE pubname = %s "
            "AND schemaname = %s AND tablename = %s",
            (publication, table.schema, table.name),
        )
        row = cur.fetchone()
        return (row is not None, row[0] if row else None)

    @staticmethod
    def publication_filter(conn: Any, publication: str, table: SourceTable) -> str | None:
        """The row filter ``publication`` has for the table (PostgreSQL's text), None without one."""
        with conn.cursor() as cur:
            _, current = PostgresCDCHook._published_filter(cur, publication, table)
        conn.rollback()
        return current

    @staticmethod
    def probe_row_filter(conn: Any, publication: str, table: SourceTable, condition: str) -> RowFilter:
        """``condition`` as PostgreSQL takes it for a publication row filter: its canonical text and the
        columns it reads, from a publication created and rolled back at once (nothing is kept).

        :raises CDCError: PostgreSQL refuses the condition as a row filter (mutable functions such
            as ``now()``, subqueries, user-defined functions or operators, unknown columns).
        """
        import psycopg2

        probe = f"{publication}_probe"[:63]
        with conn.cursor() as cur:
            cur.execute("SHOW server_version_num")
            version = int(cur.fetchone()[0])
        conn.rollback()
        if version < ROW_FILTER_VERSION:
            raise CDCError(
                f"a CDC row condition ({condition}) is a publication row filter, which PostgreSQL has from "
                f"version 15 on; this server is {version // 10000}. Replicate the whole table, or filter "
                "in ClickHouse. Nothing was created."
            )
        try:
            with conn.cursor() as cur:
                where = f"WHERE ({condition})"
                cur.execute(f"CREATE PUBLICATION {pg_quote_ident(probe)} FOR TABLE {table.qualified} {where}")
                cur.execute(
                    "SELECT t.rowfilter, ARRAY(SELECT a.attname::text FROM pg_depend d JOIN pg_attribute a "
                    "ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                    "WHERE d.classid = 'pg_publication_rel'::regclass AND d.objid = r.oid ORDER BY a.attnum) "
                    "FROM pg_publication_tables t JOIN pg_publication p ON p.pubname = t.pubname "
                    "JOIN pg_publication_rel r ON r.prpubid = p.oid AND r.prrelid = %s::regclass "
                    "WHERE t.pubname = %s AND t.schemaname = %s AND t.tablename = %s",
                    (table.qualified, probe, table.schema, table.name),
                )
                deparsed, columns = cur.fetchone()
        except psycopg2.Error as e:
            # The primary message and detail only: the statement's text names the probe publication.
            reason = " ".join(filter(None, [e.diag.message_primary, e.diag.message_detail])) or str(e)
            raise CDCError(
                f"the row condition ({condition}) cannot filter a CDC publication of {table.schema}."
                f"{table.name}: {reason.rstrip('.')}. PostgreSQL allows only the table's columns, constants, "
                "built-in operators and immutable built-in functions there (no now(), no subqueries). "
                "Nothing was created."
            ) from None
        finally:
            conn.rollback()
        return RowFilter(condition, deparsed, list(columns))

    @staticmethod
    def publication_has_table(conn: Any, publication: str, table: SourceTable) -> bool:
        """True when ``publication`` exists and publishes inserts, updates, deletes of the table."""
        with conn.cursor() as cur:
            cur.execute(
                "SELECT p.pubinsert AND p.pubupdate AND p.pubdelete FROM pg_publication p "
                "JOIN pg_publication_tables t ON t.pubname = p.pubname "
                "WHERE p.pubname = %s AND t.schemaname = %s AND t.tablename = %s",
                (publication, table.schema, table.name),
            )
            row = cur.fetchone()
        conn.rollback()
        return bool(row and row[0])

    @staticmethod
    def slot_info(conn: Any, slot: str) -> dict[str, Any] | None:
        """``{plugin, database, active_pid, confirmed_flush}`` (LSN as int) of ``slot``, or None."""
        with conn.cursor() as cur:
            cur.execute(
                "SELECT plugin, database, active_pid, confirmed_flush_lsn::text "
                "FROM pg_replication_slots WHERE slot_name = %s",
                (slot,),
            )
            row = cur.fetchone()
        conn.rollback()
        if row is None:
            return None
        return {
            "plugin": row[0],
            "database": row[1],
            "active_pid": row[2],
            "confirmed_flush": lsn_to_int(row[3]) if row[3] else None,
        }

    def wait_slot_free(self, conn: Any, slot: str, timeout: float = 60) -> None:
        """Wait until no backend uses ``slot`` (a killed run's backend finishes its statement first).

        :raises CDCError: still in use after ``timeout`` seconds (another run of the same pipeline?).
        """
        deadline = time.monotonic() + timeout
        while True:
            info = self.slot_info(conn, slot)
            if info is None or info["active_pid"] is None:
                return
            if time.monotonic() > deadline:
                raise CDCError(
                    f"replication slot {slot!r} is in use by PostgreSQL backend {info['active_pid']}: "
                    "is another run of this pipeline active? (use max_active_runs=1)"
                )
            time.sleep(0.2)

    def wait_confirmed(self, conn: Any, slot: str, lsn: int, timeout: float = 10) -> None:
        """Wait until ``slot`` shows ``lsn`` as confirmed (the walsender applies feedback asynchronously),
        so that a run reports, and the next run starts from, the position it confirmed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = self.slot_info(conn, slot)
            if info is None or (info["confirmed_flush"] or 0) >= lsn:
                return
            time.sleep(0.02)
        log.warning("slot %s did not show confirmed position %s within %s s", slot, int_to_lsn(lsn), timeout)

    def drop_slot(self, conn: Any, slot: str) -> None:
        """Drop ``slot`` if it exists (waiting for a previous user to let go of it)."""
        if self.slot_info(conn, slot) is None:
            return
        self.wait_slot_free(conn, slot)
        with conn.cursor() as cur:
            cur.execute("SELECT pg_drop_replication_slot(%s)", (slot,))
        conn.commit()

    def create_slot_with_snapshot(self, slot: str) -> tuple[Any, int, str]:
        """Create logical slot ``slot`` (pgoutput) and export its snapshot.

        :return: (replication connection, consistent point LSN, snapshot name). The snapshot stays
            importable (``SET TRANSACTION SNAPSHOT``) only while that connection is open and idle:
            close it after the copy.
        """
        repl = self.connect(replication=True)
        try:
            with repl.cursor() as cur:
                cur.execute(
                    f"CREATE_REPLICATION_SLOT {pg_quote_ident(slot)} LOGICAL pgoutput EXPORT_SNAPSHOT"
                )
                _, lsn, snapshot, _ = cur.fetchone()
        except Exception:
            repl.close()
            raise
        return repl, lsn_to_int(lsn), snapshot

    @staticmethod
    def create_slot(conn: Any, slot: str) -> int:
        """Create logical slot ``slot`` (pgoutput) without a snapshot; returns its consistent point."""
        with conn.cursor() as cur:
            cur.execute("SELECT lsn::text FROM pg_create_logical_replication_slot(%s, 'pgoutput')", (slot,))
            lsn = cur.fetchone()[0]
        conn.commit()
        return lsn_to_int(lsn)

    @staticmethod
    def drop_publication(conn: Any, publication: str) -> None:
        """Drop ``publication`` if it exists."""
        with conn.cursor() as cur:
            cur.execute(f"DROP PUBLICATION IF EXISTS {pg_quote_ident(publication)}")
        conn.commit()

    # ------------------------------------------------------------------ changes

    @staticmethod
    def flush_lsn(conn: Any) -> int:
        """The server's WAL flush position (what logical decoding can read up to)."""
        with conn.cursor() as cur:
            cur.execute("SELECT (pg_current_wal_flush_lsn() - '0/0'::pg_lsn)::int8")
            value = cur.fetchone()[0]
        conn.rollback()
        return int(value)

    @staticmethod
    def peek(
        conn: Any, slot: str, publication: str, upto_lsn: int, max_changes: int
    ) -> list[tuple[int, bytes]]:
        """Decoded messages after the slot's confirmed position, without consuming them.

        Decoding stops at ``upto_lsn`` or once ``max_changes`` messages were produced, always after a
        whole transaction (the messages of one transaction are produced at its commit).

        :return: ``[(lsn, pgoutput message), ...]``; the lsn of a change is its WAL record position,
            the lsn of a commit ('C') is the end of the commit record.
        """
        with conn.cursor() as cur:
            cur.execute(
                "SELECT (lsn - '0/0'::pg_lsn)::int8, data FROM pg_logical_slot_peek_binary_changes("
                "%s, %s::pg_lsn, %s, 'proto_version', '1', 'publication_names', %s)",
                (slot, int_to_lsn(upto_lsn), max_changes, pg_quote_ident(publication)),
            )
            rows = cur.fetchall()
        conn.rollback()
        return [(lsn, bytes(data)) for lsn, data in rows]

    @staticmethod
    def advance(conn: Any, slot: str, lsn: int) -> int:
        """Confirm everything before ``lsn`` (the slot never moves backwards); returns the new position."""
        with conn.cursor() as cur:
            cur.execute(
                "SELECT (end_lsn - '0/0'::pg_lsn)::int8 FROM pg_replication_slot_advance(%s, %s::pg_lsn)",
                (slot, int_to_lsn(lsn)),
            )
            value = cur.fetchone()[0]
        conn.commit()
        return int(value)

    def open_stream(self, slot: str, publication: str, start_lsn: int) -> ReplicationStream:
        """Start streaming ``slot`` (pgoutput) from ``start_lsn`` on a new replication connection."""
        repl = self.connect(replication=True)
        try:
            cur = repl.cursor()
            cur.start_replication(
                slot_name=slot,
                decode=False,
                start_lsn=start_lsn,
                options={"proto_version": "1", "publication_names": pg_quote_ident(publication)},
                status_interval=STATUS_INTERVAL,
            )
        except Exception:
            repl.close()
            raise
        return ReplicationStream(repl, cur, start_lsn)

    @staticmethod
    def iter_changes(rows: Sequence[tuple[int, bytes]]) -> Iterator[Change]:
        """Parse peeked rows into :class:`Change` objects (ignored message kinds are skipped)."""
        for lsn, data in rows:
            change = parse_message(lsn, data)
            if change is not None:
                yield change
