"""Ground a :class:`~airflow_ai_etl.marts.model.Mart` in the catalog: tables, joins, columns, types.

:func:`resolve_mart` returns a :class:`ResolvedMart` (what :mod:`airflow_ai_etl.marts.sql` turns
into SQL) or raises :class:`MartQuestion` with one question per problem, each naming the choices:

* a table or column that does not exist (the close names are listed);
* a column several joinable tables have, or a table reachable along several join paths;
* ``sum``/``avg`` of a column that is not a number, a time grain on a column that is not a time;
* a join that would repeat fact rows (it does not land on the joined table's primary key).

Joins follow many-to-one relations only (declared foreign keys and joinable inferred candidates,
see :mod:`airflow_ai_etl.relations`), as LEFT JOINs: every fact row is counted exactly once, and a
fact row without a match is grouped under NULL.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import sqlglot
from sqlglot import exp

from airflow_ai_etl.catalog import Catalog, Column, Table, clickhouse_type_parts
from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.marts.model import Filter, Mart
from airflow_ai_etl.relations import Relation, relations_of, type_family

MAX_JOIN_DEPTH = 3
# Functions a `where` condition may call (besides operators, CASE, CAST, IN, BETWEEN, LIKE, IS NULL).
_WHERE_NODES_FORBIDDEN = (
    exp.Select, exp.Subquery, exp.Command, exp.Anonymous, exp.Insert, exp.Update, exp.Delete, exp.Drop,
    exp.Create, exp.Alter, exp.Star, exp.AggFunc, exp.Window, exp.Placeholder, exp.Parameter,
)  # fmt: skip


class MartQuestion(AIETLError, ValueError):
    """The mart cannot be built as given; ``questions`` say what to choose (each names the choices)."""

    def __init__(self, questions: Sequence[str]) -> None:
        self.questions = list(questions)
        super().__init__("; ".join(self.questions))


@dataclass(frozen=True)
class ColumnKind:
    """The SQL-relevant family of a column type (PostgreSQL or ClickHouse spelling)."""

    family: Literal["int", "decimal", "float", "date", "timestamp", "timestamptz", "text", "bool", "other"]
    scale: int | None = None  # decimal places of a decimal; None for an unconstrained numeric

    @property
    def numeric(self) -> bool:
        return self.family in ("int", "decimal", "float")

    @property
    def temporal(self) -> bool:
        return self.family in ("date", "timestamp", "timestamptz")


_DECIMAL = re.compile(
    r"^(?:numeric|decimal)(?:\((\d+)(?:,\s*(\d+))?\))?$|^decimal(?:32|64|128|256)\((\d+)\)$"
)


def column_kind(type_name: str) -> ColumnKind:
    """:class:`ColumnKind` of ``numeric(12,2)``, ``timestamptz``, ``Nullable(Decimal(12, 2))``..."""
    family = type_family(type_name)
    if family == "int":
        return ColumnKind("int")
    if family == "text":
        return ColumnKind("text")
    low = clickhouse_type_parts(type_name)[0].lower()
    decimal = _DECIMAL.match(low)
    if decimal:
        if decimal.group(3) is not None:
            return ColumnKind("decimal", int(decimal.group(3)))
        if decimal.group(1) is None:
            return ColumnKind("decimal", None)
        return ColumnKind("decimal", int(decimal.group(2) or 0))
    if low in ("real", "double precision", "float", "float4", "float8", "double", "float32", "float64"):
        return ColumnKind("float")
    if low == "date" or low == "date32":
        return ColumnKind("date")
    if low in ("timestamptz", "timestamp with time zone") or re.match(
        r"^timestamp\(\d\) with time zone$", low
    ):
        return ColumnKind("timestamptz")
    if re.match(r"^(timestamp(\(\d\))?( without time zone)?|datetime(64)?(\(.*\))?)$", low):
        return ColumnKind("timestamp")
    if low in ("boolean", "bool"):
        return ColumnKind("bool")
    return ColumnKind("other")


@dataclass(frozen=True)
class ColumnUse:
    """A column of one of the mart's tables, as the query names it (``alias.column``)."""

    alias: str
    table: Table
    column: Column
    kind: ColumnKind

    @property
    def label(self) -> str:
        return f"{self.table.name}.{self.column.name}"

    def expression(self) -> exp.Column:
        return exp.column(self.column.name, table=self.alias, quoted=True)


@dataclass(frozen=True)
class JoinStep:
    """LEFT JOIN ``table`` AS ``alias`` ON ``left_alias.left_col = alias.right_col`` (AND ...)."""

    table: Table
    alias: str
    pairs: tuple[tuple[str, str, str], ...]  # (left alias, left column, right column)
    label: str  # the relation, for review: "sales.customer_id -> customers.id"


@dataclass(frozen=True)
class ResolvedMeasure:
    func: str
    column: ColumnUse | None
    name: str


@dataclass(frozen=True)
class ResolvedGrain:
    column: ColumnUse
    grain: str
    name: str


@dataclass
class ResolvedMart:
    """Everything the SQL generator needs; ``engine`` is where the aggregate runs."""

    mart: Mart
    engine: Literal["postgres", "clickhouse"]
    fact: Table
    fact_alias: str
    joins: list[JoinStep] = field(default_factory=list)
    grain: ResolvedGrain | None = None
    dimensions: list[tuple[ColumnUse, str]] = field(default_factory=list)
    measures: list[ResolvedMeasure] = field(default_factory=list)
    conditions: list[exp.Expr] = field(default_factory=list)

    @property
    def output_names(self) -> list[str]:
        names = [self.grain.name] if self.grain else []
        return names + [n for _, n in self.dimensions] + [m.name for m in self.measures]

    @property
    def key_names(self) -> list[str]:
        """The GROUP BY outputs (grain, dimensions): one mart row per combination."""
        return ([self.grain.name] if self.grain else []) + [n for _, n in self.dimensions]


def _choices(names: Sequence[str]) -> str:
    return ", ".join(names) if names else "(none)"


class _Resolver:
    def __init__(self, mart: Mart, catalog: Catalog, relations: Sequence[Relation] | None) -> None:
        self.mart = mart
        self.catalog = catalog
        self.questions: list[str] = []
        conn = catalog.connections.get(mart.conn_id)
        if conn is None:
            raise MartQuestion([f"connection {mart.conn_id!r} does not exist"])
        if conn.engine not in ("postgres", "clickhouse"):
            raise MartQuestion(
                [f"connection {mart.conn_id!r} is {conn.conn_type!r}; a mart reads PostgreSQL or ClickHouse"]
            )
        if mart.conn_id in catalog.errors:
            raise MartQuestion([f"cannot read tables of {mart.conn_id}: {catalog.errors[mart.conn_id]}"])
        self.engine: Literal["postgres", "clickhouse"] = conn.engine  # type: ignore[assignment]
        fact = self.table(mart.table)
        if fact is None:
            raise MartQuestion(self.questions)
        self.fact = fact
        self.aliases: dict[str, Table] = {}  # alias -> table, in join order (fact first)
        self.alias_of: dict[str, str] = {}  # qualified name -> alias
        self.add_alias(fact)
        self.joins: list[JoinStep] = []
        rels = relations if relations is not None else relations_of(catalog, mart.conn_id)
        self.relations = [r for r in rels if r.conn_id == mart.conn_id and r.joinable]

    # ------------------------------------------------------------------ tables

    def table(self, name: str) -> Table | None:
        table = self.catalog.find_table(self.mart.conn_id, name)
        if table is None:
            names = [
                self.catalog.display_name(self.mart.conn_id, t)
                for t in self.catalog.tables_of(self.mart.conn_id)
            ]
            close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
            hint = f"did you mean {_choices(close)}?" if close else f"tables: {_choices(names)}"
            self.questions.append(f"table {name!r} not found in {self.mart.conn_id}; {hint}")
        return table

    def add_alias(self, table: Table) -> str:
        alias, n = table.name, 2
        while alias in self.aliases:
            alias, n = f"{table.name}_{n}", n + 1
        self.aliases[alias] = table
        self.alias_of[table.qualified_name] = alias
        return alias

    # ------------------------------------------------------------------ joins

    def paths_to(self, target: Table, depth: int = MAX_JOIN_DEPTH) -> list[tuple[Relation, ...]]:
        """Simple many-to-one paths (at most `depth` relations) from a joined table to ``target``
        whose intermediate tables are not joined yet (a path through a joined table starts there)."""
        found: list[tuple[Relation, ...]] = []

        def walk(current: str, path: tuple[Relation, ...], seen: set[str]) -> None:
            if len(path) >= depth:
                return
            for rel in self.relations:
                if rel.table != current or rel.ref_table in seen:
                    continue
                if rel.ref_table == target.qualified_name:
                    found.append((*path, rel))
                elif rel.ref_table not in self.alias_of:
                    walk(rel.ref_table, (*path, rel), seen | {rel.ref_table})

        for joined in list(self.alias_of):
            walk(joined, (), {joined})
        return found

    @staticmethod
    def path_label(path: Sequence[Relation]) -> str:
        return ", ".join(r.label for r in path)

    def join_path(self, path: Sequence[Relation]) -> None:
        for rel in path:
            if rel.ref_table in self.alias_of:
                continue
            ref = next(
                t for t in self.catalog.tables_of(self.mart.conn_id) if t.qualified_name == rel.ref_table
            )
            left = self.alias_of[rel.table]
            alias = self.add_alias(ref)
            pairs = tuple((left, c, r) for c, r in zip(rel.columns, rel.ref_columns, strict=True))
            self.joins.append(JoinStep(ref, alias, pairs, rel.label))

    def reach(self, target: Table, why: str) -> bool:
        """Join ``target`` along its unique path; else ask (several paths) or explain (none)."""
        if target.qualified_name in self.alias_of:
            return True
        paths = self.paths_to(target)
        if len(paths) == 1 and len(longer := self.paths_to(target, MAX_JOIN_DEPTH + 1)) > 1:
            # branches from transactions: through account_id (3 joins) or card_id -> cards (4). A path one
            # join past the limit is still another way to the table, so it is asked, as two shorter ones
            # are (the clients on the same two paths were asked, their branches were not)
            paths = longer
        if len(paths) == 1:
            self.join_path(paths[0])
            return True
        if len(paths) > 1:
            options = "; or ".join(self.path_label(p) for p in paths)
            self.questions.append(
                f"{why}: {target.name} can be joined to {self.fact.name} along {len(paths)} paths: "
                f"{options}. "
                f"Which one? (set joins: [{{table: {target.name}, on: {{...}}}}])"
            )
            return False
        reverse = [
            r for r in self.relations if r.table == target.qualified_name and r.ref_table in self.alias_of
        ]
        if reverse:
            self.questions.append(
                f"{why}: {target.name} refers to {_short_names(r.ref_table for r in reverse)} "
                f"({reverse[0].label}), "
                f"so joining it would repeat each {self.fact.name} row once per {target.name} row and count "
                f"it several times; make {target.name} the fact table instead"
            )
        else:
            self.questions.append(
                f"{why}: no relation leads from {self.fact.name} to {target.name}; name the join columns "
                f"(joins: [{{table: {target.name}, "
                f"on: {{<{self.fact.name} column>: <{target.name} column>}}}}])"
            )
        return False

    def explicit_join(self, table: Table, on: dict[str, str]) -> None:
        if table.qualified_name in self.alias_of:
            self.questions.append(f"{table.name} is joined twice; a mart joins each table once")
            return
        pairs = []
        for left_ref, right_name in on.items():
            left = self.column(left_ref, auto_join=False)
            right = table.column(right_name)
            if right is None:
                self.questions.append(
                    f"column {right_name!r} not found in {table.name}; "
                    f"columns: {_choices(table.column_names)}"
                )
            if left is None or right is None:
                return
            if type_family(left.column.type) != type_family(right.type):
                self.questions.append(
                    f"cannot join {left.label} ({left.column.type}) to "
                    f"{table.name}.{right.name} ({right.type}): "
                    "the types differ"
                )
                return
            pairs.append((left.alias, left.column.name, right.name))
        key = {c.lower() for c in table.primary_key}
        if not key or {r.lower() for _, _, r in pairs} != key:
            self.questions.append(
                f"joining {table.name} on {_choices([r for _, _, r in pairs])} may repeat fact rows: "
                "that is not "
                f"the primary key of {table.name} ({_choices(list(table.primary_key))}); join on its key"
            )
            return
        alias = self.add_alias(table)
        label = ", ".join(f"{self.aliases[a].name}.{c} -> {table.name}.{r}" for a, c, r in pairs)
        self.joins.append(JoinStep(table, alias, tuple(pairs), label))

    # ------------------------------------------------------------------ columns

    def column(self, ref: str, *, auto_join: bool = True, why: str = "") -> ColumnUse | None:
        """Resolve ``column`` / ``table.column`` / ``schema.table.column`` (joining its table if needed)."""
        parts = ref.split(".")
        name = parts[-1]
        if len(parts) > 1:
            prefix = ".".join(parts[:-1])
            # a joined table by its alias: a pinned join writes `fuel_cards.vehicle_id` for fleet.fuel_cards
            table = self.aliases.get(prefix) or self.table(prefix)
            if table is None:
                return None
            column = table.column(name)
            if column is None:
                close = difflib.get_close_matches(name, table.column_names, n=3, cutoff=0.5)
                hint = (
                    f"did you mean {_choices(close)}?"
                    if close
                    else f"columns: {_choices(table.column_names)}"
                )
                self.questions.append(f"column {name!r} not found in {table.name}; {hint}")
                return None
            if table.qualified_name not in self.alias_of:
                if not auto_join or not self.reach(table, why or f"column {ref}"):
                    if not auto_join:
                        self.questions.append(f"{table.name} is not joined yet; join it before {ref}")
                    return None
            return self.use(table, column)
        for alias, table in self.aliases.items():  # the fact table first, then joined tables
            column = table.column(name)
            if column is not None:
                others = [t.name for a, t in self.aliases.items() if a != alias and t.column(name)]
                if others and table is not self.fact:
                    self.questions.append(
                        f"column {name!r} is in {_choices([table.name, *others])}; which table's? "
                        f"(write table.{name})"
                    )
                    return None
                return self.use(table, column)
        if auto_join:
            holders = [
                t
                for t in self.catalog.tables_of(self.mart.conn_id)
                if t.column(name) is not None and self.paths_to(t)
            ]
            if len(holders) == 1:
                if self.reach(holders[0], why or f"column {name}"):
                    return self.use(holders[0], holders[0].column(name))  # type: ignore[arg-type]
                return None
            if len(holders) > 1:
                self.questions.append(
                    f"column {name!r} is in {_choices([t.name for t in holders])}; which table's? "
                    f"(write table.{name})"
                )
                return None
        joined = [c for t in self.aliases.values() for c in t.column_names]
        reachable = [
            f"{t.name}.{c}"
            for t in self.catalog.tables_of(self.mart.conn_id)
            if t.qualified_name not in self.alias_of and self.paths_to(t)
            for c in t.column_names
            if difflib.SequenceMatcher(None, name, c).ratio() >= 0.75
        ]
        close = difflib.get_close_matches(name, joined, n=3, cutoff=0.5) + reachable[:3]
        hint = f"did you mean {_choices(close)}?" if close else f"columns: {_choices(self.fact.column_names)}"
        self.questions.append(f"column {name!r} not found in {self.fact.name} or the tables it joins; {hint}")
        return None

    def use(self, table: Table, column: Column) -> ColumnUse:
        return ColumnUse(self.alias_of[table.qualified_name], table, column, column_kind(column.type))

    def numeric_columns(self) -> list[str]:
        return [
            c.name
            for c in self.fact.columns
            if column_kind(c.type).numeric and not c.name.lower().endswith("id")
        ]

    def time_columns(self) -> list[str]:
        return [c.name for c in self.fact.columns if column_kind(c.type).temporal]


def _short_names(qualified: Iterable[str]) -> str:
    return _choices(sorted({q.split(".", 1)[-1] for q in qualified}))


def _literal(value: object) -> exp.Expr:
    if value is None:
        return exp.Null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        return exp.Literal.number(repr(value))
    return exp.Literal.string(str(value))


_COMPARISONS = {"=": exp.EQ, "!=": exp.NEQ, "<": exp.LT, "<=": exp.LTE, ">": exp.GT, ">=": exp.GTE}


def _filter_condition(use: ColumnUse, flt: Filter) -> exp.Expr:
    col = use.expression()
    if flt.op == "is_null":
        return exp.Is(this=col, expression=exp.Null())
    if flt.op == "not_null":
        return exp.Not(this=exp.Is(this=col, expression=exp.Null()))
    if flt.op in ("in", "not_in"):
        cond = exp.In(this=col, expressions=[_literal(v) for v in flt.value])  # type: ignore[union-attr]
        return exp.Not(this=cond) if flt.op == "not_in" else cond
    return _COMPARISONS[flt.op](this=col, expression=_literal(flt.value))


def _value_fits(kind: ColumnKind, value: object) -> bool:
    if value is None:
        return True
    if kind.numeric:
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float):
            return True
        return bool(re.fullmatch(r"-?\d+(\.\d+)?", str(value)))
    if kind.temporal:
        return isinstance(value, str) and bool(
            re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?", value)
        )
    return True


def check_where(condition: str) -> exp.Expr:
    """Parse a ``where`` condition; raise :class:`MartQuestion` unless it is one plain boolean expression
    over columns and literals (no subqueries, aggregates, unknown functions, comments or ``;``)."""
    if "--" in condition or "/*" in condition or ";" in condition:
        raise MartQuestion(["a mart's where may not contain ';' or comments"])
    try:
        parsed = sqlglot.parse_one(f"SELECT 1 WHERE {condition}", read="postgres")
    except sqlglot.errors.ParseError as exc:
        raise MartQuestion([f"the mart's where does not parse: {exc}"]) from exc
    where = parsed.args.get("where")
    if (
        not isinstance(parsed, exp.Select)
        or where is None
        or any(k for k in parsed.args if k not in ("expressions", "where") and parsed.args[k])
    ):
        raise MartQuestion(["a mart's where must be one condition"])
    predicate = where.this
    if any(predicate.find_all(*_WHERE_NODES_FORBIDDEN)):
        raise MartQuestion(
            ["a mart's where may only compare columns and values (no subqueries or aggregates)"]
        )
    return predicate


def resolve_mart(mart: Mart, catalog: Catalog, relations: Sequence[Relation] | None = None) -> ResolvedMart:
    """Ground ``mart`` in ``catalog``; raise :class:`MartQuestion` naming the choices when it cannot be.

    :param relations: the relations to join along (default: declared and name-inferred relations of
        the mart's connection, :func:`~airflow_ai_etl.relations.relations_of`); only joinable ones count.
    """
    r = _Resolver(mart, catalog, relations)
    if r.engine == "clickhouse" and (mart.joins or any("." in d for d in mart.dimensions)):
        raise MartQuestion(
            [
                "joins are pushed down to PostgreSQL only; a ClickHouse-side mart aggregates one table "
                "(load the dimension columns into the fact table, "
                "or build the mart from the PostgreSQL source)"
            ]
        )
    for join in mart.joins:
        table = r.table(join.table)
        if table is None:
            continue
        if join.on:
            r.explicit_join(table, join.on)
        else:
            r.reach(table, f"join {join.table}")
    if r.questions:
        raise MartQuestion(r.questions)

    resolved = ResolvedMart(mart, r.engine, r.fact, r.alias_of[r.fact.qualified_name])
    if mart.time_grain:
        tg = mart.time_grain
        use = r.column(tg.column, why=f"time grain on {tg.column}")
        if use is not None:
            if not use.kind.temporal:
                r.questions.append(
                    f"a {tg.grain} grain needs a date or time column; {use.label} is {use.column.type}. "
                    f"Which time column: {_choices(r.time_columns())}?"
                )
            elif tg.grain == "hour" and use.kind.family == "date":
                r.questions.append(f"{use.label} is a date (no hours); choose day, week or month")
            else:
                resolved.grain = ResolvedGrain(use, tg.grain, tg.name)
    for ref in mart.dimensions:
        use = r.column(ref, why=f"dimension {ref}")
        if use is not None:
            resolved.dimensions.append((use, ref.rsplit(".", 1)[-1]))
    for measure in mart.measures:
        use = None
        if measure.column is not None:
            use = r.column(measure.column, why=f"{measure.func}({measure.column})")
            if use is None:
                continue
            if measure.func in ("sum", "avg") and not use.kind.numeric:
                r.questions.append(
                    f"{measure.func} needs a numeric column; {use.label} is {use.column.type}. "
                    f"Which column: {_choices(r.numeric_columns())}? "
                    f"(or count / count_distinct of {use.column.name})"
                )
                continue
            if measure.func in ("min", "max") and use.kind.family in ("other", "bool"):
                r.questions.append(f"{measure.func} of {use.label} ({use.column.type}) has no order")
                continue
        resolved.measures.append(ResolvedMeasure(measure.func, use, measure.name))
    for flt in mart.filters:
        use = r.column(flt.column, why=f"filter on {flt.column}")
        if use is None:
            continue
        values = flt.value if isinstance(flt.value, list) else [flt.value]
        bad = [v for v in values if not _value_fits(use.kind, v)]
        if bad:
            r.questions.append(f"filter {flt.column} {flt.op} {bad[0]!r}: {use.label} is {use.column.type}")
            continue
        resolved.conditions.append(_filter_condition(use, flt))
    if mart.where:
        try:
            predicate = check_where(mart.where)
        except MartQuestion as exc:
            r.questions += exc.questions
        else:
            for col in list(predicate.find_all(exp.Column)):
                ref = ".".join(p.name for p in col.parts)
                use = r.column(ref, why=f"where {mart.where}")
                if use is not None:
                    col.replace(use.expression())
            resolved.conditions.append(predicate)
    if r.questions:
        raise MartQuestion(r.questions)
    resolved.joins = r.joins
    return resolved
