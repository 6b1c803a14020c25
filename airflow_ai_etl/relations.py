"""Relationships between tables: declared foreign keys and inferred candidates, each with evidence.

A mart joins its fact table to dimension tables along these relations, and ``airflow ai-etl
catalog --relations`` lists them. Two kinds:

* ``declared``: a foreign key in the catalog (PostgreSQL constraints). Confidence 1.0.
* ``inferred``: a column named ``<table>_id`` (``customer_id`` -> ``customers``, ``category_id`` ->
  ``categories``) whose type belongs to the same family as the single-column primary key of that
  table. Confidence 0.6 from the names and types alone; :func:`measure_containment` then looks at a
  bounded sample of the column's values (``LIMIT``, under a statement timeout, in a read-only
  transaction) and counts how many exist in the referenced key: all of them raises the confidence
  to 0.9, a few orphans keep it lower, many orphans drop it to 0.1.

Every relation is many-to-one: ``table.columns`` (the many side) points at ``ref_table.ref_columns``,
which is the referenced table's primary key. Joining along it never repeats a row of ``table``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from airflow_ai_etl.catalog import Catalog, Table, clickhouse_type_parts

log = logging.getLogger(__name__)

# Relations a mart may join along without asking (declared, or inferred and not contradicted).
JOINABLE_CONFIDENCE = 0.5
NAME_CONFIDENCE = 0.6
SAMPLE_ROWS = 10_000
STATEMENT_TIMEOUT_MS = 2_000

_INT_TYPE = re.compile(r"^(smallint|integer|int|int[248]|bigint|serial|bigserial|u?int(8|16|32|64|128|256))$")
_TEXT_TYPE = re.compile(r"^(text|string|varchar|char|character|character varying|citext|name)(\(\d+\))?$")


@dataclass(frozen=True)
class Relation:
    """``table.columns`` (many rows) refer to ``ref_table.ref_columns`` (the primary key of one row).

    :param conn_id: the connection both tables belong to.
    :param table: qualified name (``schema.table``) of the referencing table.
    :param columns: its referencing columns.
    :param ref_table: qualified name of the referenced table.
    :param ref_columns: the referenced table's key columns, in the order of ``columns``.
    :param kind: ``declared`` (a foreign key) or ``inferred`` (names and types, maybe a sample).
    :param confidence: 0..1; 1.0 for declared relations.
    :param evidence: why the relation is believed, one sentence each.
    :param containment: share of sampled values found in the referenced key (None: not measured).
    :param sampled: how many distinct values were sampled.
    """

    conn_id: str
    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    kind: Literal["declared", "inferred"]
    confidence: float
    evidence: tuple[str, ...] = ()
    containment: float | None = None
    sampled: int | None = None

    @property
    def label(self) -> str:
        """``sales.customer_id -> customers.id`` (schema-qualified names shortened to the table)."""
        left = ", ".join(f"{_short(self.table)}.{c}" for c in self.columns)
        right = ", ".join(f"{_short(self.ref_table)}.{c}" for c in self.ref_columns)
        return f"{left} -> {right}"

    @property
    def joinable(self) -> bool:
        return self.confidence >= JOINABLE_CONFIDENCE

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["label"] = self.label
        return data


def _short(qualified: str) -> str:
    return qualified.split(".", 1)[-1]


def type_family(type_name: str) -> str:
    """``int`` | ``text`` | ``uuid`` | the lower-cased base type (PostgreSQL or ClickHouse spelling)."""
    t = clickhouse_type_parts(type_name)[0].lower()
    if _INT_TYPE.match(t):
        return "int"
    if _TEXT_TYPE.match(t) or t.startswith("fixedstring"):
        return "text"
    return re.sub(r"\(.*\)$", "", t)


def declared_relations(catalog: Catalog, conn_id: str) -> list[Relation]:
    """Foreign keys of the connection's tables whose referenced table is in the catalog."""
    tables = {t.qualified_name.lower(): t for t in catalog.tables_of(conn_id)}
    found = []
    for table in catalog.tables_of(conn_id):
        for fk in table.foreign_keys:
            ref = tables.get(fk.ref_table.lower())
            if ref is None or len(fk.columns) != len(fk.ref_columns):
                continue
            found.append(
                Relation(
                    conn_id,
                    table.qualified_name,
                    tuple(fk.columns),
                    ref.qualified_name,
                    tuple(fk.ref_columns),
                    "declared",
                    1.0,
                    (f"declared foreign key ({', '.join(fk.columns)}) references {ref.qualified_name}",),
                )
            )
    return found


def _referenced_tables(stem: str, tables: Sequence[Table], schema: str) -> list[Table]:
    """Tables named like ``stem`` (singular or plural), those in ``schema`` first."""
    names = {stem, stem + "s", stem + "es"}
    if stem.endswith("y"):
        names.add(stem[:-1] + "ies")
    matches = [t for t in tables if t.name.lower() in names]
    same_schema = [t for t in matches if t.schema == schema]
    return same_schema or matches


def inferred_relations(catalog: Catalog, conn_id: str) -> list[Relation]:
    """Candidates from ``<table>_id`` names and type families (no data read; see the module docstring)."""
    tables = catalog.tables_of(conn_id)
    declared = {(r.table, r.columns) for r in declared_relations(catalog, conn_id)}
    found = []
    for table in tables:
        for column in table.columns:
            name = column.name.lower()
            if (
                not name.endswith("_id")
                or len(name) <= 3
                or (table.qualified_name, (column.name,)) in declared
            ):
                continue
            for ref in _referenced_tables(name[:-3], tables, table.schema):
                if ref is table or len(ref.primary_key) != 1:
                    continue
                key = ref.column(ref.primary_key[0])
                if key is None:
                    continue
                left, right = type_family(column.type), type_family(key.type)
                if left != right:
                    continue
                found.append(
                    Relation(
                        conn_id,
                        table.qualified_name,
                        (column.name,),
                        ref.qualified_name,
                        (key.name,),
                        "inferred",
                        NAME_CONFIDENCE,
                        (
                            f"{column.name} is named after table {ref.name}",
                            f"{ref.name}.{key.name} is its primary key",
                            f"types match ({column.type} and {key.type})",
                        ),
                    )
                )
    return found


def relations_of(catalog: Catalog, conn_id: str) -> list[Relation]:
    """Declared and inferred relations of one connection (nothing is read from the server)."""
    return declared_relations(catalog, conn_id) + inferred_relations(catalog, conn_id)


def _containment_confidence(share: float) -> tuple[float, str]:
    if share >= 1.0:
        return 0.9, "every sampled value exists in the referenced key"
    if share >= 0.99:
        return 0.75, f"{share:.1%} of sampled values exist in the referenced key (a few orphans)"
    if share >= 0.9:
        return 0.5, f"{share:.1%} of sampled values exist in the referenced key (many orphans)"
    return 0.1, f"only {share:.1%} of sampled values exist in the referenced key: probably not a relation"


def _containment_sql(relation: Relation, sample_rows: int) -> str:
    from airflow_ai_etl.transfers.postgres_source import pg_quote_ident, pg_quote_table

    col = pg_quote_ident(relation.columns[0])
    ref_col = pg_quote_ident(relation.ref_columns[0])
    return (
        "SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "
        f"{pg_quote_table(relation.ref_table)}"
        f" AS ref WHERE ref.{ref_col} = sample.v)) "
        f"FROM (SELECT DISTINCT v FROM (SELECT {col} AS v FROM {pg_quote_table(relation.table)} "
        f"WHERE {col} IS NOT NULL LIMIT {int(sample_rows)}) AS rows) AS sample"
    )


def measure_containment(
    conn_id: str,
    relations: Iterable[Relation],
    *,
    sample_rows: int = SAMPLE_ROWS,
    timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> list[Relation]:
    """Measure each inferred relation on a PostgreSQL sample; return all relations, updated.

    At most ``sample_rows`` non-NULL values of the referencing column are read (the first ones a
    scan meets, not a random sample), in a read-only transaction whose statements stop after
    ``timeout_ms``; a relation whose measurement times out or fails keeps its name-based confidence
    and says why in its evidence. Declared relations are returned unchanged.
    """
    import psycopg2

    from airflow_ai_etl.transfers.postgres_source import pg_connect

    relations = list(relations)
    if not any(r.kind == "inferred" for r in relations):
        return relations
    conn = pg_connect(conn_id)
    measured = []
    try:
        conn.set_session(readonly=True)
        for relation in relations:
            if relation.kind != "inferred" or len(relation.columns) != 1:
                measured.append(relation)
                continue
            try:
                with conn.cursor() as cur:
                    cur.execute("SET LOCAL statement_timeout = %s", (int(timeout_ms),))
                    cur.execute(_containment_sql(relation, sample_rows))
                    sampled, orphans = cur.fetchone()
            except psycopg2.Error as exc:
                conn.rollback()
                reason = "timed out" if isinstance(exc, psycopg2.errors.QueryCanceled) else str(exc).strip()
                measured.append(
                    replace(relation, evidence=(*relation.evidence, f"sample not measured: {reason}"))
                )
                continue
            finally:
                if not conn.closed:
                    conn.rollback()
            if not sampled:
                measured.append(
                    replace(relation, sampled=0, evidence=(*relation.evidence, "no values to sample"))
                )
                continue
            share = (sampled - orphans) / sampled
            confidence, sentence = _containment_confidence(share)
            measured.append(
                replace(
                    relation,
                    confidence=confidence,
                    containment=round(share, 4),
                    sampled=sampled,
                    evidence=(*relation.evidence, f"{sentence} ({sampled} distinct values sampled)"),
                )
            )
    finally:
        conn.close()
    return measured


def discover_relations(
    catalog: Catalog,
    conn_ids: Iterable[str] | None = None,
    *,
    measure: bool = True,
    sample_rows: int = SAMPLE_ROWS,
    timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> list[Relation]:
    """Relations of every connection with tables (or of ``conn_ids``), measured on PostgreSQL samples.

    :param measure: read samples to measure inferred relations (PostgreSQL connections only).
    """
    found = []
    for conn_id in conn_ids if conn_ids is not None else list(catalog.tables):
        relations = relations_of(catalog, conn_id)
        conn = catalog.connections.get(conn_id)
        if measure and conn is not None and conn.engine == "postgres":
            try:
                relations = measure_containment(
                    conn_id, relations, sample_rows=sample_rows, timeout_ms=timeout_ms
                )
            except Exception as exc:  # unreachable server: keep the unmeasured candidates
                log.warning("Cannot measure relations of %s: %s", conn_id, exc)
        found += relations
    return found
