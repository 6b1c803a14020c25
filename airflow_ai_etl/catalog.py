"""What exists: Airflow connections and, through their hooks, schemas, tables, columns and keys.

The catalog is the planner's vocabulary and the grounding gate's reference. It is read
once per request (or loaded from a JSON snapshot with `Catalog.from_dict`) and never
holds data values, only names, types, comments and the values a column's schema declares (a CHECK
constraint's list, an enum type's labels).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

log = logging.getLogger(__name__)

CONN_ENV_PREFIX = "AIRFLOW_CONN_"
# conn_type values grouped by the engine the assistant knows how to read or write.
ENGINE_BY_CONN_TYPE = {
    "postgres": "postgres",
    "postgresql": "postgres",
    "clickhouse": "clickhouse",
    "aws": "s3",
    "s3": "s3",
    "openai": "llm",
}
DEFAULT_SCHEMAS = {"postgres": "public", "clickhouse": "default"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool = True
    comment: str = ""
    # The values the schema allows: a single-column CHECK (`status IN ('draft', 'closed')`), a PostgreSQL
    # enum type's labels, a ClickHouse Enum8/Enum16; () when nothing declares them.
    values: tuple[str, ...] = ()


# A bracket listing a comment's values: 'Статус (created, in_transit, lost)'.
_BRACKET_LIST = re.compile(r"\(([^()]*,[^()]*)\)")
# A code-like value a comment lists after a colon: a Latin identifier or code ('in_progress', 'RUB', 'B2B'),
# or an age mark ('16+'); prose ('UTC по умолчанию', 'кг') is not one.
_CODE = r"(?:[A-Za-z][A-Za-z0-9_-]*|\d+\+)"
# 'Статус посева: planned, sown' / 'Валюта: RUB, USD или CNY': a label, a colon, then nothing but a list of
# two or more codes (commas, «или»/«и»/"or"/"and" before the last; an open list may end in '...').
_COLON_LIST = re.compile(
    rf"^[^:()]*\w[^:()]*:\s*({_CODE}(?:\s*,\s*{_CODE})*(?:\s*,?\s+(?:или|и|or|and)\s+{_CODE}|\s*,\s*{_CODE}))"
    r"(?:\s*,\s*(?:\.\.\.|…))?\s*\.?\s*$"
)


@functools.lru_cache(maxsize=1024)
def listed_values(comment: str | None) -> tuple[str, ...]:
    """The one-word values a column comment lists in parentheses: 'Статус (created, in_transit, lost)';
    an age mark keeps its plus sign ('Возрастной рейтинг (0+, 6+, 12+, 16+, 18+)'). A comment with no such
    bracket may list them after a colon instead: 'Статус посева: planned, sown, harvested', 'Валюта: RUB, USD'
    (only codes, two or more: a colon followed by prose, 'Время: UTC', 'Объём: в литрах', lists nothing)."""
    found = _BRACKET_LIST.search(comment or "")
    if not found:
        after_colon = _COLON_LIST.match(comment or "")
        if after_colon is None:
            return ()
        return tuple(re.findall(_CODE, re.sub(r"\b(?:или|и|or|and)\b", ",", after_colon.group(1))))
    values = [v.strip() for v in found.group(1).split(",")]
    return tuple(v for v in values if v and v not in ("...", "…") and re.fullmatch(r"[\w-]+|\d+\+", v))


def without_listed(comment: str | None) -> str:
    """A column comment less the values it lists: the bracket ('Способ оплаты (cash, card, online)' ->
    'Способ оплаты ') or the colon and its list ('Статус посева: planned, sown' -> 'Статус посева'), so that
    its naming words are not its values; a comment that lists nothing ('Телефон (мобильный)') is kept."""
    if not listed_values(comment):
        return comment or ""
    if _BRACKET_LIST.search(comment or ""):
        return _BRACKET_LIST.sub(" ", comment or "", count=1)
    return (comment or "").split(":", 1)[0]


# An integer type a code map may be stored in (PostgreSQL and ClickHouse spellings, Nullable or not).
_INTEGER_TYPE = re.compile(
    r"^(?:nullable\()?(?:smallint|integer|int|int[248]|bigint|u?int(?:8|16|32|64))\)?$", re.IGNORECASE
)


def coded(column: Column) -> dict[int, str]:
    """The code map of an integer column (`status smallint`, 'Статус: 1 — новая, 2 — закрыта'): {} for a
    column of another type, or one whose schema declares its values (they win, as over a comment's list)."""
    if column.values or not is_integer_type(column.type):
        return {}
    return code_map(column.comment)


def is_integer_type(type_: str) -> bool:
    """An integer type a code map may be stored in: smallint, int, bigint, Int8..UInt64, Nullable(...)."""
    return bool(_INTEGER_TYPE.match(type_.strip()))


def without_codes(comment: str | None) -> str:
    """A column comment less its code map: 'Статус: 1 — новая, 2 — закрыта' -> 'Статус', 'Приоритет (1 -
    низкий, 2 - высокий)' -> 'Приоритет': its naming words, never its meanings."""
    text = comment or ""
    items = list(_CODE_ITEM.finditer(text)) if code_map(comment) else []
    if not items:
        return text
    before = re.sub(r"[\s:(]+$", "", text[: items[0].start()])  # 'Статус: ', 'Приоритет ('
    after = re.sub(r"^[\s.,;)]+", "", text[items[-1].end() :])  # ').', '. Заполняется триггером'
    return " ".join(f"{before} {after}".split())


def with_values_listed(column: Column) -> Column:
    """The column as the planner reads it: its declared values written into its comment the way a comment
    lists them ('Статус проекта' + CHECK (status IN ('draft', 'closed')) -> 'Статус проекта (draft, closed)'),
    replacing any list the comment itself has (the schema is what a value must satisfy); so every rule that
    reads a comment's listed values (`listed_values`, `without_listed`, ...) reads declared values alike.
    Only values a comment could list are written (one word or code: 'on hold' or 'a,b' cannot be)."""
    listable = [v for v in column.values if re.fullmatch(r"[\w-]+|\d+\+", v)]
    if not listable:
        return column
    naming = without_listed(column.comment).strip()
    comment = f"{naming} ({', '.join(listable)})" if naming else f"({', '.join(listable)})"
    return replace(column, comment=comment)


# One item of a code map: a number, a dash, an en or em dash, '=' or ':', then a meaning of one or more words
# that begins with a letter ('1 — новая', '2 - в работе', '3=мобильное приложение', '4: юрлицо'); a range
# ('1-30') or a number after the dash ('1 - 2 часа') is no item; a full stop ends the list ('..., 2 — закрыта.
# Заполняется триггером').
_CODE_ITEM = re.compile(
    r"(?<![\w.-])(\d{1,6})\s*(?:[—–=:]|-(?!\s*\d))\s*([^\W\d_][^,;()=:—–.]*?)\s*(?=[,;).]|$)"
)
# What may stand between two items of one list: a comma or a semicolon.
_CODE_GAP = re.compile(r"\s*[,;]\s*")


@functools.lru_cache(maxsize=1024)
def code_map(comment: str | None) -> dict[int, str]:
    """The integer codes a column comment gives meanings to, in its order: 'Статус: 1 — новая, 2 — в работе'
    -> {1: 'новая', 2: 'в работе'}; 'Приоритет (1 - низкий, 2 - высокий)', 'Канал: 1=email, 2=чат' alike.
    Two or more items in one list (commas or semicolons between them), each code once; {} for a comment with
    prose numbers ('Срок в днях: 1-30', 'Количество мест: 2, 4 или 6'). A column's code map is a catalog fact
    as its CHECK values are: the planner reads a state word against the meanings and writes the code."""
    text = comment or ""
    items = list(_CODE_ITEM.finditer(text))
    if len(items) < 2:
        return {}
    # one list: nothing but a comma or a semicolon between one item and the next
    if any(
        not _CODE_GAP.fullmatch(text[a.end() : b.start()]) for a, b in zip(items, items[1:], strict=False)
    ):
        return {}
    codes = [int(m.group(1)) for m in items]
    if len(set(codes)) != len(codes):
        return {}
    return {code: " ".join(m.group(2).split()) for code, m in zip(codes, items, strict=True)}


def _check_operand(node: Any) -> Any:
    """`x` of `(x)` and `x::text` (PostgreSQL stores `status::text` for a varchar column's check)."""
    from sqlglot import exp

    while isinstance(node, (exp.Paren, exp.Cast)):
        node = node.this
    return node


def _string_literals(nodes: Iterable[Any]) -> tuple[str, ...]:
    """The strings of `'a', 'b'::text`; () when any of them is not a string literal."""
    from sqlglot import exp

    found = [_check_operand(n) for n in nodes]
    if not found or not all(isinstance(n, exp.Literal) and n.is_string for n in found):
        return ()
    return tuple(n.this for n in found)


def _is_null_test(node: Any, column: str) -> bool:
    from sqlglot import exp

    subject = _check_operand(node.this) if isinstance(node, exp.Is) else None
    return (
        isinstance(subject, exp.Column)
        and subject.name.lower() == column.lower()
        and isinstance(node.expression, exp.Null)
    )


def _check_condition_values(node: Any, column: str) -> tuple[str, ...]:
    from sqlglot import exp

    node = _check_operand(node)
    if isinstance(node, exp.Or):
        # `status IS NULL OR status IN (...)`: a nullable column's list is the list
        sides = [n for n in (node.this, node.expression) if not _is_null_test(_check_operand(n), column)]
        if len(sides) < 2:
            return _check_condition_values(sides[0], column) if sides else ()
        left, right = (_check_condition_values(n, column) for n in sides)
        return (*left, *(v for v in right if v not in left)) if left and right else ()
    subject = _check_operand(node.this) if isinstance(node, (exp.In, exp.EQ)) else None
    if not isinstance(subject, exp.Column) or subject.name.lower() != column.lower():
        return ()
    if isinstance(node, exp.In):
        return _string_literals(node.expressions)
    if not isinstance(node, exp.EQ):
        return ()
    other = _check_operand(node.expression)
    if isinstance(other, exp.Any):  # status = ANY (ARRAY['a'::text, 'b'::text]): what PostgreSQL stores
        array = _check_operand(other.this)
        return _string_literals(array.expressions) if isinstance(array, exp.Array) else ()
    return _string_literals([other])


def check_values(condition: Any, column: str) -> tuple[str, ...]:
    """The values a single-column CHECK allows `column`: `status IN ('a', 'b')`, the form PostgreSQL stores
    and `pg_get_constraintdef` prints, `CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))`, or
    `status = 'a' OR status = 'b'`; () for any other check (a range, a length, another column).
    `condition` is SQL text (an optional `CHECK` and `NOT VALID` are read past) or a parsed sqlglot node."""
    import sqlglot
    from sqlglot import exp

    if isinstance(condition, str):
        text = re.sub(r"\s+NOT\s+VALID\s*$", "", condition.strip(), flags=re.IGNORECASE)
        text = re.sub(r"^CHECK\b", "", text, flags=re.IGNORECASE)
        try:
            condition = sqlglot.parse_one(text, read="postgres")
        except sqlglot.errors.SqlglotError:
            return ()
    if isinstance(condition, exp.CheckColumnConstraint):
        condition = condition.this
    return _check_condition_values(condition, column)


# ClickHouse type wrappers that only qualify the type inside: Nullable lets it hold NULL, LowCardinality
# stores it as a dictionary. They nest either way round (`LowCardinality(Nullable(String))` is the usual one).
_CLICKHOUSE_WRAPPERS = ("Nullable(", "LowCardinality(")


def clickhouse_type_parts(type_: str) -> tuple[str, bool]:
    """A ClickHouse column type without its wrappers, and whether one of them is Nullable:
    `LowCardinality(Nullable(String))` -> ('String', True), `Nullable(Decimal(12, 2))` -> ('Decimal(12, 2)',
    True), `LowCardinality(String)` -> ('String', False). Any other type is returned stripped, not nullable
    (`Array(Nullable(String))`: the array itself is never NULL)."""
    base, nullable = type_.strip(), False
    while base.startswith(_CLICKHOUSE_WRAPPERS) and base.endswith(")"):
        nullable = nullable or base.startswith("Nullable(")
        base = base[base.index("(") + 1 : -1].strip()
    return base, nullable


def enum_type_values(type_: str) -> tuple[str, ...]:
    """The labels of a ClickHouse Enum8/Enum16 type, in their declared order, read through LowCardinality and
    Nullable: `Enum8('open' = 1, 'closed' = 2)` -> ('open', 'closed'); () for any other type."""
    if "Enum" not in type_:
        return ()
    import sqlglot
    from sqlglot import exp

    try:
        node = exp.DataType.build(type_, dialect="clickhouse")
    except sqlglot.errors.SqlglotError:
        return ()
    # sqlglot reads Nullable(...) as a flag of the type it wraps; LowCardinality(...) stays a wrapper
    while node.this == exp.DataType.Type.LOWCARDINALITY and node.expressions:
        node = node.expressions[0]
    if node.this not in (exp.DataType.Type.ENUM, exp.DataType.Type.ENUM8, exp.DataType.Type.ENUM16):
        return ()
    labels = [e.this if isinstance(e, exp.EQ) else e for e in node.expressions]
    return _string_literals(labels)


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    schema: str
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    comment: str = ""

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    def column(self, name: str, exact: bool = False) -> Column | None:
        """The column `name`: case-insensitively (reading a request), or exactly as spelled
        (`exact=True`: what a spec names, since the transfers quote it)."""
        if exact:
            return next((c for c in self.columns if c.name == name), None)
        return next((c for c in self.columns if c.name.lower() == name.lower()), None)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class ConnectionInfo:
    conn_id: str
    conn_type: str
    description: str = ""
    host: str = ""
    database: str = ""
    port: int | None = None

    @property
    def engine(self) -> str:
        """postgres | clickhouse | s3 | llm | other"""
        return ENGINE_BY_CONN_TYPE.get(self.conn_type, "other")


@dataclass
class Catalog:
    connections: dict[str, ConnectionInfo] = field(default_factory=dict)
    tables: dict[str, list[Table]] = field(default_factory=dict)
    # conn_id -> why its tables could not be read (unreachable server, missing driver, ...)
    errors: dict[str, str] = field(default_factory=dict)
    # asset URI -> the deployed pipelines (dag_ids) that load it: what a new pipeline can run after
    # («после загрузки заказов ...»); filled from the deploy store (airflow_ai_etl.assets.deployed_graph)
    assets: dict[str, list[str]] = field(default_factory=dict)
    # deployed dag_id -> the asset URIs it is scheduled on (runs after): lets the planner refuse a cycle
    # through deployed pipelines (A after B after A), not only a pipeline after its own output
    schedules: dict[str, list[str]] = field(default_factory=dict)

    def connections_of(self, engine: str) -> list[ConnectionInfo]:
        return [c for c in self.connections.values() if c.engine == engine]

    def tables_of(self, conn_id: str) -> list[Table]:
        return self.tables.get(conn_id, [])

    def display_name(self, conn_id: str, table: Table) -> str:
        """`sales` for a table in the engine's default schema, `crm.leads` otherwise."""
        conn = self.connections.get(conn_id)
        default = DEFAULT_SCHEMAS.get(conn.engine) if conn else None
        if conn and conn.engine == "clickhouse" and conn.database:
            default = conn.database  # ClickHouse tables are read from the connection's database
        return table.name if table.schema == default else table.qualified_name

    def find_table(self, conn_id: str, name: str, exact: bool = False) -> Table | None:
        """The table `name` (`table` or `schema.table`) of a connection: case-insensitively, or
        exactly as spelled (`exact=True`: what a spec names, since the transfers quote it)."""
        wanted = name if exact else name.lower()
        for table in self.tables_of(conn_id):
            names = (table.qualified_name, self.display_name(conn_id, table))
            if wanted in (names if exact else tuple(n.lower() for n in names)):
                return table
        return None

    def with_values_listed(self) -> Catalog:
        """This catalog as the planner reads it: every column with declared values lists them in its comment
        (`with_values_listed`); the catalog itself when no column declares any."""
        if not any(c.values for tables in self.tables.values() for t in tables for c in t.columns):
            return self
        tables = {
            conn_id: [
                replace(t, columns=tuple(with_values_listed(c) for c in t.columns))
                if any(c.values for c in t.columns)
                else t
                for t in conn_tables
            ]
            for conn_id, conn_tables in self.tables.items()
        }
        return replace(self, tables=tables)

    def fingerprint(self) -> str:
        """Changes whenever a connection, table or column changes (cache key for planners)."""
        return hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True).encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "connections": [asdict(c) for c in self.connections.values()],
            "tables": {conn_id: [_table_dict(t) for t in tables] for conn_id, tables in self.tables.items()},
            **({"assets": self.assets} if self.assets else {}),
            **({"schedules": self.schedules} if self.schedules else {}),
            "errors": dict(self.errors),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Catalog:
        connections = {c["conn_id"]: ConnectionInfo(**c) for c in data.get("connections", [])}
        tables = {
            conn_id: [_table_from_dict(t) for t in raw_tables]
            for conn_id, raw_tables in data.get("tables", {}).items()
        }
        return cls(
            connections=connections,
            tables=tables,
            errors=dict(data.get("errors", {})),
            assets={uri: list(dags) for uri, dags in data.get("assets", {}).items()},
            schedules={dag: list(uris) for dag, uris in data.get("schedules", {}).items()},
        )


def _table_dict(table: Table) -> dict[str, Any]:
    """`asdict`, less a column's empty `values`: a catalog that declares none keeps the snapshot (and the
    fingerprint) it had before columns had values."""
    data = asdict(table)
    for column in data["columns"]:
        if not column["values"]:
            del column["values"]
    return data


def _table_from_dict(data: dict[str, Any]) -> Table:
    return Table(
        schema=data["schema"],
        name=data["name"],
        columns=tuple(Column(**{**c, "values": tuple(c.get("values", ()))}) for c in data.get("columns", [])),
        primary_key=tuple(data.get("primary_key", ())),
        foreign_keys=tuple(
            ForeignKey(tuple(fk["columns"]), fk["ref_table"], tuple(fk["ref_columns"]))
            for fk in data.get("foreign_keys", ())
        ),
        comment=data.get("comment", ""),
    )


# --- reading Airflow connections -------------------------------------------------------------


def list_connections(configured: Iterable[str] | None = None) -> list[ConnectionInfo]:
    """Every connection the planner may use.

    Listed: the metadata database, AIRFLOW_CONN_* environment variables and the connections files
    of the configured secrets backends that have one (the local-file backend). Backends that cannot
    be listed (Vault, AWS Secrets Manager, ...) contribute the ids named in `configured` —
    ``[ai_etl] connections`` when None — each resolved through Airflow's own lookup (secrets
    backends, environment, metadata DB; inside a task, the Task SDK). Later sources win on a
    conn_id clash, in Airflow's own lookup order: DB, then environment, then secrets backends.
    """
    found: dict[str, ConnectionInfo] = {}
    for source in (_metadata_db_connections, _env_connections, _secrets_file_connections):
        for conn in source():
            found[conn.conn_id] = conn
    wanted = configured if configured is not None else configured_connection_ids()
    for conn_id in wanted:
        looked_up = _lookup_connection(conn_id)
        if looked_up is not None:
            found[looked_up.conn_id] = looked_up
    return [found[k] for k in sorted(found)]


def configured_connection_ids() -> list[str]:
    """``[ai_etl] connections``: ids to look up one by one (comma-separated)."""
    from airflow.configuration import conf

    value = conf.get("ai_etl", "connections", fallback="") or ""
    return [conn_id.strip() for conn_id in value.split(",") if conn_id.strip()]


def _lookup_connection(conn_id: str) -> ConnectionInfo | None:
    from airflow.sdk import BaseHook

    try:
        return _info(BaseHook.get_connection(conn_id))
    except Exception as exc:  # a configured id that no backend knows: say so, keep the others
        log.warning("Connection %r from [ai_etl] connections cannot be resolved: %s", conn_id, exc)
        return None


def _secrets_file_connections() -> list[ConnectionInfo]:
    """Connections of the secrets backends that keep them in a file they can list."""
    from airflow.configuration import ensure_secrets_loaded
    from airflow.secrets.local_filesystem import load_connections_dict

    found: list[ConnectionInfo] = []
    for backend in ensure_secrets_loaded():
        path = getattr(backend, "connections_file", None)
        if not path:
            continue
        try:
            found += [_info(conn) for conn in load_connections_dict(path).values()]
        except Exception as exc:  # a broken file must not hide the other sources
            log.warning("Cannot list the connections in %s: %s", path, exc)
    return found


def _info(conn: Any) -> ConnectionInfo:
    return ConnectionInfo(
        conn_id=conn.conn_id,
        conn_type=(conn.conn_type or "").lower(),
        description=conn.description or "",
        host=conn.host or "",
        database=conn.schema or "",
        port=conn.port or None,
    )


def _env_connections() -> Iterable[ConnectionInfo]:
    from airflow.models.connection import Connection

    for name, value in sorted(os.environ.items()):
        # AIRFLOW_CONN__TEAM___ID is a team-scoped connection; not ours to list.
        if not name.startswith(CONN_ENV_PREFIX) or name.startswith(CONN_ENV_PREFIX + "_"):
            continue
        conn_id = name[len(CONN_ENV_PREFIX) :].lower()
        try:
            if value.lstrip().startswith("{"):
                conn = Connection.from_json(value, conn_id=conn_id)
            else:
                conn = Connection(conn_id=conn_id, uri=value)
        except Exception as exc:  # a malformed variable must not hide the others
            log.warning("Skipping connection %s from %s: %s", conn_id, name, exc)
            continue
        yield _info(conn)


def _metadata_db_connections() -> list[ConnectionInfo]:
    try:
        from airflow.models.connection import Connection
        from airflow.utils.session import create_session
        from sqlalchemy import select

        with create_session() as session:
            return [_info(c) for c in session.scalars(select(Connection))]
    except Exception as exc:  # no metadata DB (inside a task, or before `db migrate`)
        log.info(
            "Connections in the metadata database cannot be listed here (%s: %s); using environment "
            "variables, secrets-backend files and [ai_etl] connections",
            type(exc).__name__,
            str(exc).splitlines()[0][:200] if str(exc) else "",
        )
        return []


# --- reading tables through hooks ------------------------------------------------------------

_PG_COLUMNS = """
SELECT c.table_schema, c.table_name, c.column_name,
       CASE WHEN c.data_type = 'ARRAY' THEN format_type(a.atttypid, a.atttypmod)
            WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name
            ELSE format_type(a.atttypid, a.atttypmod) END,
       c.is_nullable = 'YES',
       coalesce(col_description(a.attrelid, a.attnum), ''),
       coalesce(obj_description(a.attrelid, 'pg_class'), '')
FROM information_schema.columns c
JOIN pg_catalog.pg_namespace n ON n.nspname = c.table_schema
JOIN pg_catalog.pg_class cl ON cl.relname = c.table_name AND cl.relnamespace = n.oid
JOIN pg_catalog.pg_attribute a ON a.attrelid = cl.oid AND a.attname = c.column_name
WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
ORDER BY c.table_schema, c.table_name, c.ordinal_position
"""

_PG_KEYS = """
SELECT tc.table_schema, tc.table_name, tc.constraint_type, tc.constraint_name, kcu.column_name,
       ccu.table_schema || '.' || ccu.table_name, ccu.column_name
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage kcu
  ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
LEFT JOIN information_schema.constraint_column_usage ccu
  ON tc.constraint_type = 'FOREIGN KEY' AND ccu.constraint_name = tc.constraint_name
WHERE tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
ORDER BY tc.table_schema, tc.table_name, tc.constraint_name, kcu.ordinal_position
"""

# Single-column CHECK constraints, as PostgreSQL prints them (`CHECK ((status = ANY (ARRAY[...])))`).
_PG_CHECKS = """
SELECT n.nspname, cl.relname, a.attname, pg_get_constraintdef(con.oid)
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class cl ON cl.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
WHERE con.contype = 'c' AND array_length(con.conkey, 1) = 1
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY n.nspname, cl.relname, con.conname
"""

# The labels of a column's enum type, one row each, in the type's order.
_PG_ENUM_LABELS = """
SELECT n.nspname, cl.relname, a.attname, e.enumlabel::text
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class cl ON cl.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = a.atttypid
WHERE a.attnum > 0 AND NOT a.attisdropped AND cl.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY n.nspname, cl.relname, a.attname, e.enumsortorder
"""

# The transfers' own bookkeeping (loaded-files registry, staging, swap and snapshot tables) is not
# part of what a user can load from or into.
_CH_OWN_TABLES = (
    "NOT match(table, '^_ai_etl_|__(staging|old|publishing|prior|cdc_snapshot|mart_(new|window|old))$')"
)
_CH_COLUMNS = f"""
SELECT database, table, name, type, comment
FROM system.columns
WHERE database = currentDatabase() AND {_CH_OWN_TABLES}
"""
_CH_KEYS = f"""
SELECT database, name AS table, primary_key FROM system.tables
WHERE database = currentDatabase() AND {_CH_OWN_TABLES}
"""


def _group_tables(
    columns: Iterable[tuple[str, str, Column, str]],
    primary_keys: dict[tuple[str, str], list[str]],
    foreign_keys: dict[tuple[str, str], list[ForeignKey]],
) -> list[Table]:
    grouped: dict[tuple[str, str], list[Column]] = {}
    comments: dict[tuple[str, str], str] = {}
    for schema, name, column, table_comment in columns:
        grouped.setdefault((schema, name), []).append(column)
        comments[(schema, name)] = table_comment
    return [
        Table(
            schema=schema,
            name=name,
            columns=tuple(cols),
            primary_key=tuple(primary_keys.get((schema, name), ())),
            foreign_keys=tuple(foreign_keys.get((schema, name), ())),
            comment=comments[(schema, name)],
        )
        for (schema, name), cols in grouped.items()
    ]


def _pg_records(conn_id: str, *queries: str) -> list[list[tuple]]:
    """Rows of each query as tuples (a `cursor` extra shapes rows for user code, not for us)."""
    from contextlib import closing

    from airflow_ai_etl.hooks.postgres import Psycopg2PostgresHook

    with closing(Psycopg2PostgresHook(postgres_conn_id=conn_id).get_conn()) as conn, conn.cursor() as cursor:
        results = []
        for query in queries:
            cursor.execute(query)
            results.append(cursor.fetchall())
        return results


def _pg_declared_values(
    check_rows: list[tuple], enum_rows: list[tuple]
) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(schema, table, column) -> the values its enum type or its single-column CHECKs allow (several CHECKs
    that each list values: the values all of them allow)."""
    declared: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for schema, table, column, label in enum_rows:
        declared[(schema, table, column)] = (*declared.get((schema, table, column), ()), label)
    for schema, table, column, definition in check_rows:
        values = check_values(definition, column)
        if values:
            known = declared.get((schema, table, column))
            declared[(schema, table, column)] = tuple(v for v in values if v in known) if known else values
    return declared


def read_postgres_tables(conn_id: str) -> list[Table]:
    column_rows, key_rows, check_rows, enum_rows = _pg_records(
        conn_id, _PG_COLUMNS, _PG_KEYS, _PG_CHECKS, _PG_ENUM_LABELS
    )
    declared = _pg_declared_values(check_rows, enum_rows)
    columns = [
        (
            schema,
            table,
            Column(name, type_, bool(nullable), comment, declared.get((schema, table, name), ())),
            table_comment,
        )
        for schema, table, name, type_, nullable, comment, table_comment in column_rows
    ]
    primary_keys: dict[tuple[str, str], list[str]] = {}
    fk_parts: dict[tuple[str, str, str], tuple[list[str], str, list[str]]] = {}
    for schema, table, kind, constraint, column, ref_table, ref_column in key_rows:
        if kind == "PRIMARY KEY":
            primary_keys.setdefault((schema, table), []).append(column)
        else:
            cols, _, refs = fk_parts.setdefault((schema, table, constraint), ([], ref_table, []))
            if column not in cols:
                cols.append(column)
            if ref_column and ref_column not in refs:
                refs.append(ref_column)
    foreign_keys: dict[tuple[str, str], list[ForeignKey]] = {}
    for (schema, table, _), (cols, ref_table, refs) in fk_parts.items():
        foreign_keys.setdefault((schema, table), []).append(ForeignKey(tuple(cols), ref_table, tuple(refs)))
    return _group_tables(columns, primary_keys, foreign_keys)


def _clickhouse_column(name: str, type_: str, comment: str) -> Column:
    """A column as system.columns describes it; nullable when any wrapper of its type is Nullable (a
    `LowCardinality(Nullable(String))` column holds NULLs though its type does not start with Nullable)."""
    return Column(name, type_, clickhouse_type_parts(type_)[1], comment, enum_type_values(type_))


def read_clickhouse_tables(conn_id: str) -> list[Table]:
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

    client = ClickHouseHook(clickhouse_conn_id=conn_id).get_client()
    columns = [
        (db, table, _clickhouse_column(name, type_, comment), "")
        for db, table, name, type_, comment in client.execute(_CH_COLUMNS)
    ]
    primary_keys = {
        (db, name): [k.strip() for k in key.split(",") if k.strip()]
        for db, name, key in client.execute(_CH_KEYS)
    }
    return _group_tables(columns, primary_keys, {})


READERS = {"postgres": read_postgres_tables, "clickhouse": read_clickhouse_tables}


def load_catalog(conn_ids: Iterable[str] | None = None) -> Catalog:
    """Read connections and the tables behind every postgres/clickhouse connection.

    :param conn_ids: only introspect these connections (all readable ones when None).
    """
    catalog = Catalog(connections={c.conn_id: c for c in list_connections()})
    wanted = set(conn_ids) if conn_ids is not None else None
    for conn in catalog.connections.values():
        reader = READERS.get(conn.engine)
        if reader is None or (wanted is not None and conn.conn_id not in wanted):
            continue
        try:
            catalog.tables[conn.conn_id] = reader(conn.conn_id)
        except Exception as exc:  # one unreachable server must not hide the others
            catalog.errors[conn.conn_id] = describe_connection_error(conn, exc)
            log.warning("Cannot read tables: %s", catalog.errors[conn.conn_id])
    return catalog


DEFAULT_PORTS = {"postgres": 5432, "clickhouse": 9000}


def describe_connection_error(conn: ConnectionInfo, exc: BaseException) -> str:
    """One line for a server that could not be read: connection id, host:port, the server's error
    code and the first line of its message (a ClickHouse error carries its whole stack trace).

    ``ch_bad (127.0.0.1:9000): ClickHouse error 193: Wrong password for user default.``
    """
    code = getattr(exc, "code", None)  # clickhouse-driver: the server's error code
    text = getattr(exc, "message", None) if code is not None else None
    lines = [line.strip() for line in str(text or exc).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    first = first.split(" Stack trace:")[0].removeprefix("DB::Exception: ").strip()
    if code is not None and conn.engine == "clickhouse":
        kind = f"ClickHouse error {code}"
    elif getattr(exc, "pgcode", None):
        kind = f"PostgreSQL error {exc.pgcode}"  # type: ignore[attr-defined]
    else:
        kind = type(exc).__name__
    return f"{conn.conn_id} ({_address(conn)}): {kind}: {first[:300]}"


def _address(conn: ConnectionInfo) -> str:
    """host:port of a connection (the port from Airflow's connection, else the engine's default)."""
    host, port = conn.host, None
    try:
        from airflow.sdk import BaseHook

        airflow_conn = BaseHook.get_connection(conn.conn_id)
        host, port = airflow_conn.host or host, airflow_conn.port
    except Exception:  # the message still names the connection
        pass
    return f"{host or 'localhost'}:{port or DEFAULT_PORTS.get(conn.engine, '?')}"
