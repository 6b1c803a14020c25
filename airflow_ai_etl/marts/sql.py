"""The SQL of a resolved mart, built as sqlglot expressions (never by pasting strings together).

PostgreSQL (the fact table is in PostgreSQL: the aggregation is pushed down to it)::

    SELECT CAST(DATE_TRUNC('day', "sales"."sold_at") AS DATE) AS "day", "sales"."region" AS "region",
           CAST(SUM("sales"."amount") AS DECIMAL(38, 2)) AS "revenue", COUNT(*) AS "orders"
    FROM "public"."sales" AS "sales"
    LEFT JOIN "public"."customers" AS "customers" ON "sales"."customer_id" = "customers"."id"
    WHERE ... GROUP BY CAST(DATE_TRUNC('day', "sales"."sold_at") AS DATE), "sales"."region"

ClickHouse (the fact table is already in ClickHouse): the same aggregate in an inner query whose
output names cannot collide with column names (ClickHouse resolves an alias anywhere in its query,
so ``toDate(sold_at) AS sold_at`` would change what ``sold_at`` means), renamed outside.

Exactness: ``sum`` of a decimal keeps the column's scale (``numeric(38, s)`` / ``Decimal(38, s)``);
``avg`` of an integer or decimal column has scale ``s + 4`` and is truncated toward zero in both
engines (``div`` in PostgreSQL, Decimal division in ClickHouse), so both give the same exact value.
Time grains of a ``timestamptz`` are taken in UTC.
"""

from __future__ import annotations

import re
from typing import Literal

from sqlglot import exp

from airflow_ai_etl.marts.resolve import ColumnUse, ResolvedGrain, ResolvedMart, ResolvedMeasure

AVG_EXTRA_SCALE = 4
UNCONSTRAINED_SCALE = 10  # numeric without a scale: what the PostgreSQL -> ClickHouse load keeps
_CH_GRAIN = {"hour": "toStartOfHour", "day": "toDate", "week": "toMonday", "month": "toStartOfMonth"}
_TZ = re.compile(r"DateTime(?:64)?\((?:\d+,\s*)?'([^']+)'\)")
Dialect = Literal["postgres", "clickhouse"]


def _ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def _table(schema: str, name: str, alias: str) -> exp.Table:
    return exp.Table(this=_ident(name), db=_ident(schema), alias=exp.TableAlias(this=_ident(alias)))


def _fn(name: str, *args: exp.Expr) -> exp.Anonymous:
    return exp.Anonymous(this=name, expressions=list(args))


def _cast(expr: exp.Expr, type_sql: str) -> exp.Cast:
    return exp.Cast(this=expr, to=exp.DataType.build(type_sql, dialect="postgres"))


def grain_expression(grain: ResolvedGrain, dialect: Dialect) -> exp.Expr:
    """The start of the grain that contains each row's time value."""
    col: exp.Expr = grain.column.expression()
    kind = grain.column.kind.family
    if dialect == "clickhouse":
        return _fn(_CH_GRAIN[grain.grain], col)
    if kind == "timestamptz":  # the grain of the UTC wall-clock time, whatever the session's zone
        col = exp.AtTimeZone(this=col, zone=exp.Literal.string("UTC"))
    if grain.grain == "day" and kind == "date":
        return col
    trunc = _fn("DATE_TRUNC", exp.Literal.string(grain.grain), col)
    return trunc if grain.grain == "hour" else _cast(trunc, "DATE")


def _scale(use: ColumnUse) -> int:
    kind = use.kind
    if kind.family == "decimal":
        return UNCONSTRAINED_SCALE if kind.scale is None else kind.scale
    return 0


def measure_expression(measure: ResolvedMeasure, dialect: Dialect) -> exp.Expr:
    """The aggregate of one measure (see the module docstring for the exact types)."""
    use = measure.column
    if use is None:
        return exp.Count(this=exp.Star())
    col = use.expression()
    func, family = measure.func, use.kind.family
    if func == "count":
        return exp.Count(this=col)
    if func == "count_distinct":
        return exp.Count(this=exp.Distinct(expressions=[col]))
    if func in ("min", "max"):
        return (exp.Min if func == "min" else exp.Max)(this=col)
    if func == "sum":
        if dialect == "clickhouse" or family == "float":
            return exp.Sum(this=col)
        if family == "decimal":
            return _cast(exp.Sum(this=col), f"NUMERIC(38, {_scale(use)})")
        return (
            _cast(exp.Sum(this=col), "NUMERIC(38, 0)")
            if "big" in use.column.type.lower()
            else exp.Sum(this=col)
        )
    # avg
    if family == "float":
        return exp.Avg(this=col)
    scale = min(_scale(use) + AVG_EXTRA_SCALE, 38)
    if dialect == "clickhouse":
        total = _fn("toDecimal128", exp.Sum(this=col), exp.Literal.number(scale))
        return exp.Div(this=total, expression=_fn("greatest", exp.Count(this=col), exp.Literal.number(1)))
    shifted = exp.Mul(
        this=_cast(exp.Sum(this=col), "NUMERIC"), expression=exp.Literal.number(f"1{'0' * scale}")
    )
    quotient = _fn("DIV", shifted, exp.Nullif(this=exp.Count(this=col), expression=exp.Literal.number(0)))
    unit = exp.Literal.number(f"0.{'0' * (scale - 1)}1") if scale else exp.Literal.number(1)
    return _cast(exp.Mul(this=quotient, expression=unit), f"NUMERIC(38, {scale})")


def since_condition(resolved: ResolvedMart, since: str, dialect: Dialect) -> exp.Expr:
    """Rows whose grain starts at or after ``since`` (a grain start, ``YYYY-MM-DD[ HH:MM:SS]``,
    wall-clock time in the column's zone; UTC for a ``timestamptz``)."""
    grain = resolved.grain
    if grain is None:
        raise ValueError("an incremental refresh needs a time grain")
    if dialect == "clickhouse":
        if grain.grain == "hour":
            tz = _TZ.search(grain.column.column.type)
            args = [exp.Literal.string(since)] + ([exp.Literal.string(tz.group(1))] if tz else [])
            bound: exp.Expr = _fn("toDateTime", *args)
        else:
            bound = _fn("toDate", exp.Literal.string(since[:10]))
        return exp.GTE(this=grain_expression(grain, dialect), expression=bound)
    # PostgreSQL: compare the column itself (an index on it stays usable); a grain start is a bound
    family = grain.column.kind.family
    if family == "timestamptz":
        bound = _cast(exp.Literal.string(f"{since}+00"), "TIMESTAMPTZ")
    elif family == "date":
        bound = _cast(exp.Literal.string(since[:10]), "DATE")
    else:
        bound = _cast(exp.Literal.string(since), "TIMESTAMP")
    return exp.GTE(this=grain.column.expression(), expression=bound)


def _where(resolved: ResolvedMart, since: str | None, dialect: Dialect) -> exp.Expr | None:
    conditions = [c.copy() for c in resolved.conditions]
    if since is not None:
        conditions.append(since_condition(resolved, since, dialect))
    if not conditions:
        return None
    if dialect == "clickhouse":  # ClickHouse 18 has no TRUE/FALSE literals
        conditions = [
            c.transform(lambda n: exp.Literal.number(int(n.this)) if isinstance(n, exp.Boolean) else n)
            for c in conditions
        ]
    return exp.and_(*[exp.Paren(this=c) if isinstance(c, exp.Or) else c for c in conditions])


def mart_select(
    resolved: ResolvedMart, *, since: str | None = None, dialect: Dialect | None = None
) -> exp.Select:
    """The mart's aggregate query as a sqlglot ``Select`` (in the resolved engine's dialect by default).

    :param since: only the grains starting at or after this one (incremental refresh, preview).
    """
    dialect = dialect or resolved.engine
    keys: list[tuple[exp.Expr, str]] = []
    if resolved.grain is not None:
        keys.append((grain_expression(resolved.grain, dialect), resolved.grain.name))
    keys += [(use.expression(), name) for use, name in resolved.dimensions]
    measures = [(measure_expression(m, dialect), m.name) for m in resolved.measures]
    fact = resolved.fact
    inner_names = (
        [f"ai_etl_k{i}" for i in range(len(keys))] + [f"ai_etl_m{i}" for i in range(len(measures))]
        if dialect == "clickhouse"
        else [name for _, name in keys + measures]
    )
    select = exp.Select(
        expressions=[
            exp.alias_(e, n, quoted=True) for (e, _), n in zip(keys + measures, inner_names, strict=True)
        ]
    ).from_(_table(fact.schema, fact.name, resolved.fact_alias))
    for step in resolved.joins:
        on = exp.and_(
            *[
                exp.EQ(
                    this=exp.column(lc, table=la, quoted=True),
                    expression=exp.column(rc, table=step.alias, quoted=True),
                )
                for la, lc, rc in step.pairs
            ]
        )
        select = select.join(_table(step.table.schema, step.table.name, step.alias), on=on, join_type="LEFT")
    where = _where(resolved, since, dialect)
    if where is not None:
        select = select.where(where)
    if keys:
        select = select.group_by(*[e.copy() for e, _ in keys])
    if dialect != "clickhouse":
        return select
    outer = [
        exp.alias_(exp.column(inner, quoted=True), name, quoted=True)
        for inner, (_, name) in zip(inner_names, keys + measures, strict=True)
    ]
    return exp.Select(expressions=outer).from_(exp.Subquery(this=select))


def mart_sql(
    resolved: ResolvedMart, *, since: str | None = None, dialect: Dialect | None = None, pretty: bool = False
) -> str:
    """:func:`mart_select` as SQL text."""
    dialect = dialect or resolved.engine
    return mart_select(resolved, since=since, dialect=dialect).sql(dialect=dialect, pretty=pretty)
