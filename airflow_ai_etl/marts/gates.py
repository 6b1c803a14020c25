"""The validation gates of a pipeline whose source is a mart (``source.type == "mart"``).

* grounding: the fact connection is PostgreSQL or ClickHouse, the target a ClickHouse table
  replaced on refresh; the mart resolves in the catalog (every column exists, sum/avg on numbers,
  the grain on a time column, one join path) - otherwise the resolver's questions, each naming
  the choices, make the outcome ``needs_clarification``;
* sql_safety: ``where`` is one plain condition; the generated query parses with sqlglot as one
  read-only SELECT in its dialect;
* cost: ``EXPLAIN`` of the pushed-down query on the source, refused above ``[ai_etl]
  mart_cost_cap`` (PostgreSQL cost units; skipped when the source cannot be reached, and for
  ClickHouse-side marts: ClickHouse 18 has no EXPLAIN);
* policy: a ClickHouse-side mart does not overwrite its own fact table.

A mart that passes comes back with its joins pinned (``joins`` with explicit ``on`` columns), so
the deployed DAG joins exactly what was reviewed even if relations change later.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlglot
from sqlglot import exp

from airflow_ai_etl.catalog import Catalog
from airflow_ai_etl.marts.model import Join, Mart, MartDefinition
from airflow_ai_etl.marts.resolve import MartQuestion, ResolvedMart, check_where, resolve_mart
from airflow_ai_etl.marts.sql import mart_sql
from airflow_ai_etl.outcome import Problem
from airflow_ai_etl.spec import PipelineSpec

log = logging.getLogger(__name__)

DEFAULT_COST_CAP = 1e9
EXPLAIN_TIMEOUT_MS = 5_000
_WRITES = (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Alter, exp.Command, exp.Into)


def mart_of(spec: PipelineSpec) -> Mart:
    """The :class:`Mart` of a ``mart`` source (its fact table and aggregate)."""
    source = spec.source
    if source.type != "mart" or source.mart is None:
        raise ValueError("the spec's source is not a mart")
    return Mart.of(source.conn_id, source.table, source.mart)  # type: ignore[arg-type]


def pinned(definition: MartDefinition, resolved: ResolvedMart) -> MartDefinition:
    """``definition`` with the joins the resolver chose written out (explicit ``on`` columns)."""
    tables = {resolved.fact_alias: resolved.fact.name, **{s.alias: s.table.name for s in resolved.joins}}
    joins = [
        Join(table=step.table.qualified_name, on={f"{tables[la]}.{lc}": rc for la, lc, rc in step.pairs})
        for step in resolved.joins
    ]
    return definition.model_copy(update={"joins": joins})


def check_generated_sql(sql: str, dialect: str) -> list[Problem]:
    """The generated query parses back as exactly one read-only SELECT."""
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except sqlglot.errors.ParseError as exc:
        return [Problem("sql_safety", f"the generated mart query does not parse: {exc}", "source.mart")]
    if (
        len(statements) != 1
        or not isinstance(statements[0], exp.Select)
        or any(statements[0].find_all(*_WRITES))
    ):
        return [Problem("sql_safety", "the generated mart query is not one read-only SELECT", "source.mart")]
    return []


def cost_cap() -> float:
    try:
        from airflow.configuration import conf

        value = conf.get("ai_etl", "mart_cost_cap", fallback="")
    except Exception:  # no Airflow configuration (plain library use)
        value = ""
    return float(value) if value else DEFAULT_COST_CAP


def explain(conn_id: str, sql: str, timeout_ms: int = EXPLAIN_TIMEOUT_MS) -> dict[str, Any]:
    """PostgreSQL's plan estimate of ``sql``: ``{"cost": total cost, "rows": estimated rows}``.

    Runs ``EXPLAIN (FORMAT JSON)`` (nothing is executed) in a read-only transaction with a
    statement timeout.
    """
    from airflow_ai_etl.transfers.postgres_source import readonly_cursor

    with readonly_cursor(conn_id, timeout_ms) as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cur.fetchone()[0][0]["Plan"]
    return {"cost": float(plan["Total Cost"]), "rows": int(plan["Plan Rows"])}


def check_cost(resolved: ResolvedMart, sql: str) -> list[Problem]:
    """EXPLAIN the pushed-down query; a problem above the cost cap (skipped when unreachable)."""
    if resolved.engine != "postgres":
        return []
    try:
        estimate = explain(resolved.mart.conn_id, sql)
    except Exception as exc:  # a snapshot catalog, an unreachable server: the import gate still runs
        log.info("EXPLAIN of the mart query skipped (%s): %s", resolved.mart.conn_id, exc)
        return []
    cap = cost_cap()
    if estimate["cost"] > cap:
        return [
            Problem(
                "cost",
                f"PostgreSQL estimates the mart query at cost {estimate['cost']:,.0f} (about "
                f"{estimate['rows']:,} rows), above the cap {cap:,.0f} ([ai_etl] mart_cost_cap): "
                "filter the fact rows or aggregate fewer joins",
                "source.mart",
            )
        ]
    return []


def check_excel_target(spec: PipelineSpec, catalog: Catalog) -> list[Problem]:
    """An exported mart: one .xlsx file, local under ``[ai_etl] file_roots`` or on S3 through an S3
    connection (``target.conn_id``); a refresh rewrites the whole file."""
    from airflow_ai_etl.file_roots import FileRootError, writable_local_file
    from airflow_ai_etl.hooks.s3 import is_s3_path

    target = spec.target
    path = target.path or ""
    problems = []
    if target.format not in (None, "xlsx") or not path.lower().endswith(".xlsx"):
        problems.append(
            Problem("schema", f"a mart is exported to an .xlsx file, not {path!r}", "target.path")
        )
    if target.table or target.order_by or target.partition_by:
        problems.append(Problem("schema", "an exported mart is a file: no table, order_by or partition_by",
                                "target.table"))  # fmt: skip
    if is_s3_path(path):
        conn = catalog.connections.get(target.conn_id or "")
        if conn is None or conn.engine != "s3":
            problems.append(
                Problem(
                    "grounding",
                    f"{path} is on S3: target.conn_id must name an S3 connection",
                    "target.conn_id",
                )
            )
    else:
        if target.conn_id:
            problems.append(Problem("schema", "a local file needs no target.conn_id", "target.conn_id"))
        try:
            writable_local_file(path, "a writable location")
        except FileRootError as e:
            problems.append(Problem("policy", str(e), "target.path"))
    return problems


def check_mart_spec(spec: PipelineSpec, catalog: Catalog) -> tuple[PipelineSpec, list[Problem]]:
    """Every gate of a mart pipeline before rendering; the spec comes back with pinned joins."""
    source, target = spec.source, spec.target
    problems: list[Problem] = []
    if target.type == "excel":
        problems += check_excel_target(spec, catalog)
    elif target.type != "clickhouse":
        problems.append(
            Problem("grounding", "a mart is written to a ClickHouse table or an .xlsx file", "target.type")
        )
    else:
        target_conn = catalog.connections.get(target.conn_id or "")
        if target_conn is None:
            problems.append(
                Problem("grounding", f"connection {target.conn_id!r} does not exist", "target.conn_id")
            )
        elif target_conn.engine != "clickhouse":
            problems.append(
                Problem(
                    "grounding",
                    f"connection {target.conn_id!r} is of type {target_conn.conn_type!r}, not clickhouse",
                    "target.conn_id",
                )
            )
    if target.order_by or target.partition_by:
        problems.append(
            Problem(
                "schema",
                "a mart's table is ordered by its grain and NOT NULL dimensions; order_by and partition_by "
                "do not apply",
                "target.order_by" if target.order_by else "target.partition_by",
            )
        )
    if target.mode != "replace" or target.keys:
        problems.append(
            Problem(
                "schema",
                "a mart replaces its table (or file) on every refresh (mode replace, no keys); "
                "incremental refresh is source.mart.refresh",
                "target.mode",
            )
        )
    if spec.transforms:
        problems.append(
            Problem(
                "schema",
                "a mart filters with source.mart.filters / where; transforms do not apply",
                "transforms",
            )
        )
    if (
        source.conn_id == target.conn_id
        and (source.table or "").split(".")[-1] == (target.table or "").split(".")[-1]
    ):
        problems.append(Problem("policy", "the mart would overwrite its own fact table", "target.table"))
    if source.mart and source.mart.where:
        try:
            check_where(source.mart.where)
        except MartQuestion as exc:
            problems += [Problem("sql_safety", q, "source.mart.where") for q in exc.questions]
    if problems:
        return spec, problems
    mart = mart_of(spec)
    try:
        resolved = resolve_mart(mart, catalog)
    except MartQuestion as exc:
        return spec, [Problem("grounding", q, "source.mart") for q in exc.questions]
    sql = mart_sql(resolved)
    problems = check_generated_sql(sql, resolved.engine) + check_cost(resolved, sql)
    definition = pinned(source.mart, resolved)  # type: ignore[arg-type]
    return spec.model_copy(update={"source": source.model_copy(update={"mart": definition})}), problems
