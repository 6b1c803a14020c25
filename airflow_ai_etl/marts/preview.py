"""Preview a mart before it is deployed: its first rows and how many rows it will have.

The query runs where the mart's aggregate runs (PostgreSQL for a pushed-down mart, ClickHouse for
a ClickHouse-side one), read-only, ordered by the mart's keys, with ``LIMIT`` and a time limit
(PostgreSQL ``statement_timeout``, ClickHouse ``max_execution_time``). The row count is exact (a
count of the groups under the same time limit); on PostgreSQL, when that count runs out of time,
it is the plan's estimate (``EXPLAIN``), which can be far off: PostgreSQL takes the number of
distinct values of a grouped expression such as ``date_trunc('day', sold_at)`` from its column,
so a day x region mart over 100,000 sales is estimated at about 100,000 rows, not 280.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from airflow_ai_etl.marts.resolve import ResolvedMart
from airflow_ai_etl.marts.sql import mart_select

PREVIEW_ROWS = 20
PREVIEW_TIMEOUT_SECONDS = 10


@dataclass
class MartPreview:
    """The first rows of a mart and its size."""

    sql: str  # the full aggregate query (what a refresh runs)
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    estimated_rows: int | None = None
    estimate_kind: str = "plan"  # plan (PostgreSQL EXPLAIN, the count ran out of time) | exact (a count)
    engine: str = "postgres"

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "sql": self.sql,
            "columns": self.columns,
            "rows": [[_json_value(v) for v in row] for row in self.rows],
            "estimated_rows": self.estimated_rows,
            "estimate_kind": self.estimate_kind,
        }

    def as_text(self) -> str:
        """A plain-text table of the rows, then the estimate."""
        cells = [self.columns] + [[_text(v) for v in row] for row in self.rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(self.columns))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
        lines.insert(1, "  ".join("-" * w for w in widths))
        about = "about " if self.estimate_kind == "plan" else ""
        lines.append(f"({len(self.rows)} rows shown; the mart has {about}{self.estimated_rows or 0:,} rows)")
        return "\n".join(lines) + "\n"


def _json_value(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _text(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def limited_select(resolved: ResolvedMart, limit: int) -> exp.Select:
    """The mart's query ordered by its keys (grain, dimensions), first ``limit`` rows."""
    select = mart_select(resolved)
    keys = [exp.column(name, quoted=True) for name in resolved.key_names]
    if keys:
        select = select.order_by(*keys)
    return select.limit(limit)


def preview_mart(
    resolved: ResolvedMart, *, limit: int = PREVIEW_ROWS, timeout_seconds: float = PREVIEW_TIMEOUT_SECONDS
) -> MartPreview:
    """Run the preview (see the module docstring) through the fact table's connection."""
    dialect = resolved.engine
    full_sql = mart_select(resolved).sql(dialect=dialect)
    limited_sql = limited_select(resolved, limit).sql(dialect=dialect)
    preview = MartPreview(full_sql, resolved.output_names, engine=dialect)
    if dialect == "postgres":
        _preview_postgres(resolved.mart.conn_id, preview, limited_sql, timeout_seconds)
    else:
        _preview_clickhouse(resolved.mart.conn_id, preview, limited_sql, timeout_seconds)
    return preview


def _preview_postgres(conn_id: str, preview: MartPreview, limited_sql: str, timeout_seconds: float) -> None:
    import psycopg2.errors

    from airflow_ai_etl.transfers.postgres_source import readonly_cursor

    with readonly_cursor(conn_id, int(timeout_seconds * 1000)) as cur:
        cur.execute(f"EXPLAIN (FORMAT JSON) {preview.sql}")
        preview.estimated_rows = int(cur.fetchone()[0][0]["Plan"]["Plan Rows"])
        cur.execute(limited_sql)
        preview.rows = [tuple(r) for r in cur.fetchall()]
        # The exact count costs about what the preview did (both aggregate every group); when
        # it runs out of time the plan's estimate stays, said to be one.
        cur.execute("SAVEPOINT mart_count")
        try:
            cur.execute(f"SELECT count(*) FROM ({preview.sql}) AS mart")
        except psycopg2.errors.QueryCanceled:
            cur.execute("ROLLBACK TO SAVEPOINT mart_count")
        else:
            preview.estimated_rows = int(cur.fetchone()[0])
            preview.estimate_kind = "exact"


def _preview_clickhouse(conn_id: str, preview: MartPreview, limited_sql: str, timeout_seconds: float) -> None:
    from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

    settings = {"max_execution_time": max(1, int(timeout_seconds)), "readonly": 2}
    client = ClickHouseHook(clickhouse_conn_id=conn_id, settings=settings).get_client()
    try:
        preview.rows = [tuple(r) for r in client.execute(limited_sql)]
        preview.estimated_rows = int(client.execute(f"SELECT count() FROM ({preview.sql})")[0][0])
        preview.estimate_kind = "exact"
    finally:
        client.disconnect()
