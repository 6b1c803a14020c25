"""SQL safety of what a spec sends to a PostgreSQL source (validation gate 3, DESIGN.md).

A *condition* (``source.where``, a filter transform) is pasted into ``SELECT ... WHERE (<condition>)``
by the transfers, so it must be exactly one true/false expression: the text is parsed as
``SELECT 1 FROM t WHERE <condition>`` and that SELECT may have nothing but its WHERE (no ORDER BY,
LIMIT, GROUP BY, FOR UPDATE, WINDOW, UNION, ...), and every node of the expression must be of an
allowlisted kind: comparisons, AND/OR/NOT, arithmetic, LIKE/ILIKE, IN (a list of values), BETWEEN,
IS [NOT] NULL, literals, columns of the source, casts to basic types, intervals and a short list of
date/time and scalar functions. Anything else (subqueries, ``repeat``, ``pg_sleep``, regular
expressions, ...) is refused, naming what is not allowed.

A *source query* is one read-only SELECT (no DDL/DML, no row locks, no known side-effecting function).

Both texts first pass :func:`lexical_problem`, a small PostgreSQL-faithful scan: no backslash, no
``$`` outside a string, no comment, no ``;``. That keeps sqlglot's reading of the text and
PostgreSQL's reading of it the same (string boundaries cannot differ), so what is checked is
what runs. Every function here returns messages; none raises.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlglot
from sqlglot import exp

# What a condition may be built from (an allowlist: a node of any other kind is refused).
_OPERATORS: tuple[type[exp.Expr], ...] = (
    exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.NullSafeEQ, exp.NullSafeNEQ,
    exp.And, exp.Or, exp.Not, exp.Paren, exp.Is, exp.Between, exp.In,
    exp.Like, exp.ILike, exp.Escape,
    exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.Neg, exp.DPipe,
    exp.Case, exp.If,
    exp.Literal, exp.Boolean, exp.Null, exp.Column, exp.Identifier,
    exp.Cast, exp.DataType, exp.DataTypeParam, exp.Interval, exp.AtTimeZone,
)  # fmt: skip
# Functions (sqlglot's node for each name a user writes), bounded in time and output size.
_FUNCTIONS: dict[type[exp.Expr], str] = {
    exp.CurrentDate: "current_date",
    exp.CurrentTimestamp: "now/current_timestamp",
    exp.CurrentTime: "current_time",
    exp.Localtimestamp: "localtimestamp",
    exp.Extract: "extract/date_part",
    exp.TimestampTrunc: "date_trunc",
    exp.DateTrunc: "date_trunc",
    exp.Date: "date",
    exp.StrToDate: "to_date",
    exp.StrToTime: "to_timestamp",
    exp.UnixToTime: "to_timestamp",
    exp.TimeToStr: "to_char",
    exp.Lower: "lower",
    exp.Upper: "upper",
    exp.Trim: "trim/btrim",
    exp.Length: "length/char_length",
    exp.Substring: "substring/substr",
    exp.Coalesce: "coalesce",
    exp.Nullif: "nullif",
    exp.Greatest: "greatest",
    exp.Least: "least",
    exp.Abs: "abs",
    exp.Round: "round",
    exp.Floor: "floor",
    exp.Ceil: "ceil",
    exp.Trunc: "trunc",
}
# Functions sqlglot does not model (it parses them as Anonymous), by their PostgreSQL name.
_NAMED_FUNCTIONS = {"age", "make_date", "make_timestamp", "date_part", "justify_days"}
ALLOWED_FUNCTIONS = sorted({n for names in _FUNCTIONS.values() for n in names.split("/")} | _NAMED_FUNCTIONS)
# Types a value may be cast to (`x::int`, `CAST(x AS date)`, `date '2024-01-01'`).
_TYPES = {
    exp.DataType.Type.SMALLINT, exp.DataType.Type.INT, exp.DataType.Type.BIGINT,
    exp.DataType.Type.DECIMAL, exp.DataType.Type.DOUBLE, exp.DataType.Type.FLOAT,
    exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR, exp.DataType.Type.CHAR,
    exp.DataType.Type.DATE, exp.DataType.Type.TIME, exp.DataType.Type.TIMESTAMP,
    exp.DataType.Type.TIMESTAMPTZ, exp.DataType.Type.INTERVAL, exp.DataType.Type.BOOLEAN,
    exp.DataType.Type.UUID,
}  # fmt: skip
# Keyword-like words (`year`, `month`, `'7 days'` units) are only allowed where they are units.
_UNIT_PARENTS = (exp.Interval, exp.Extract, exp.TimestampTrunc, exp.DateTrunc)
# Parts of the probe SELECT a condition could smuggle in, by the SQL that adds them.
_CLAUSES = {
    "order": "ORDER BY", "limit": "LIMIT", "offset": "OFFSET", "group": "GROUP BY", "having": "HAVING",
    "locks": "FOR UPDATE / FOR SHARE", "windows": "WINDOW", "qualify": "QUALIFY",
    "sample": "TABLESAMPLE", "joins": "JOIN", "laterals": "LATERAL", "distinct": "DISTINCT",
    "into": "INTO", "settings": "SETTINGS", "connect": "CONNECT BY", "prewhere": "PREWHERE",
}  # fmt: skip
_PROBE_ARGS = {"expressions", "from", "from_", "where"}
# Functions a source query may not call: they sleep, read files, write, or touch other sessions.
_QUERY_DENIED_PREFIXES = (
    "pg_sleep", "pg_read", "pg_ls_", "pg_stat_file", "lo_", "dblink", "set_config", "pg_terminate",
    "pg_cancel", "pg_advisory", "pg_try_advisory", "nextval", "setval", "pg_reload", "pg_rotate",
    "pg_switch", "pg_create", "pg_drop", "pg_logical", "pg_replication", "txid_", "pg_notify",
)  # fmt: skip
_WRITE_NODES = (
    exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create, exp.Alter, exp.Command, exp.Merge,
    exp.TruncateTable, exp.Copy, exp.Into, exp.Lock,
)  # fmt: skip
EXAMPLE = "one true/false expression such as amount > 10 AND region = 'north'"


def lexical_problem(sql: str, what: str = "a condition") -> str | None:
    """Why ``sql`` cannot be checked safely, or None: scanned the way PostgreSQL scans it.

    Strings ('...' with '' inside), quoted names ("..." with "" inside) and plain names (where
    ``$`` may follow the first character, as in PostgreSQL) are skipped; outside them a comment,
    ``;`` or ``$`` (dollar quoting, parameters) is refused, and a backslash is refused everywhere
    (E'\\'' strings end where a standard SQL reader does not expect).
    """
    if "\\" in sql:
        return f"backslashes are not allowed in {what} (write a quote inside a string as '')"
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = i + 1
            while True:
                end = sql.find(char, end)
                if end < 0:
                    return f"{what} has an unterminated {'string' if char == chr(39) else 'quoted name'}"
                if sql.startswith(char * 2, end):
                    end += 2
                    continue
                break
            i = end + 1
            continue
        if sql.startswith(("--", "/*"), i):
            return f"comments are not allowed in {what}"
        if char == ";":
            return f"';' is not allowed in {what}: it must be one statement"
        if char.isalpha() or char == "_" or ord(char) > 127:  # a name: '$' may continue it (price$)
            i += 1
            while i < n and (sql[i].isalnum() or sql[i] in "_$" or ord(sql[i]) > 127):
                i += 1
            continue
        if char == "$":
            return f"'$' is only allowed in a string or a name in {what} (no dollar quoting or parameters)"
        i += 1
    return None


def fold_name(name: str) -> str:
    """What PostgreSQL makes of ``name`` written unquoted: A-Z lower-cased, everything else kept."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in name)


def fold_identifier(identifier: exp.Identifier) -> str:
    """The name PostgreSQL resolves: quoted names as written, unquoted ones folded (:func:`fold_name`)."""
    return identifier.this if identifier.quoted else fold_name(identifier.this)


def quote_folded_names(sql: str, names: Iterable[str]) -> str:
    """``sql`` with every unquoted mention of a name PostgreSQL would fold (``Amount``) double-quoted.

    For text a planner built from catalog names: ``Amount > 100`` -> ``"Amount" > 100``. Strings and
    already quoted names are left alone; text that does not tokenize is returned unchanged.
    """
    needs = {n for n in names if fold_name(n) != n}
    if not needs or not sql:
        return sql
    try:
        tokens = sqlglot.tokenize(sql, read="postgres")
    except Exception:  # the gate reports it; nothing to quote
        return sql
    out, last = [], 0
    for token in tokens:
        raw = sql[token.start : token.end + 1]
        if raw in needs and raw == token.text:  # a string or a quoted name differs from its text
            out += [sql[last : token.start], '"' + raw.replace('"', '""') + '"']
            last = token.end + 1
    return "".join(out) + sql[last:]


def _parse_condition(condition: str) -> tuple[exp.Expr | None, str | None]:
    """The probe SELECT of a condition, or why it cannot be parsed (never raises)."""
    problem = lexical_problem(condition)
    if problem:
        return None, problem
    if not condition.strip():
        return None, "the condition is empty"
    try:
        statements = [s for s in sqlglot.parse(f"SELECT 1 FROM t WHERE {condition}", read="postgres") if s]
    except sqlglot.errors.ParseError as exc:
        return None, f"condition does not parse: {_first_line(exc)}"
    except Exception as exc:  # sqlglot's tokenizer/recursion errors: a problem, not a crash
        return None, f"condition does not parse: {type(exc).__name__}: {_first_line(exc)}"
    if len(statements) != 1:
        return None, f"a condition must be {EXAMPLE}"
    return statements[0], None


def condition_columns(condition: str) -> list[str]:
    """The column names a condition reads, as PostgreSQL resolves them (see :func:`fold_identifier`)."""
    parsed, _ = _parse_condition(condition)
    where = parsed.args.get("where") if isinstance(parsed, exp.Select) else None
    if where is None:
        return []
    return sorted(
        {fold_identifier(c.this) for c in where.find_all(exp.Column) if isinstance(c.this, exp.Identifier)}
    )


def check_condition(condition: str, source_table: str | None = None) -> list[str]:
    """Why ``condition`` is not one allowlisted true/false expression (empty list: it is).

    :param condition: the SQL condition as the spec holds it.
    :param source_table: ``table`` or ``schema.table`` of the source: a column may be qualified by it
        (``sales.amount``); with None (a source query) columns must be unqualified.
    """
    parsed, problem = _parse_condition(condition)
    if problem:
        return [problem]
    try:
        return _check_parsed(parsed, source_table)  # type: ignore[arg-type]
    except Exception as exc:  # a gate reports, it never crashes the caller
        return [f"condition cannot be checked: {type(exc).__name__}: {_first_line(exc)}"]


def _check_parsed(parsed: exp.Expr, source_table: str | None) -> list[str]:
    if isinstance(parsed, exp.SetOperation):
        return [f"{type(parsed).__name__.upper()} is not allowed in a condition; it must be {EXAMPLE}"]
    if not isinstance(parsed, exp.Select) or parsed.args.get("where") is None:
        return [f"a condition must be {EXAMPLE}"]
    extra = [
        key for key, value in parsed.args.items() if value not in (None, [], False) and key not in _PROBE_ARGS
    ]
    if extra:
        clauses = ", ".join(_CLAUSES.get(k, k.upper()) for k in extra)
        return [f"{clauses} is not allowed in a condition; it must be {EXAMPLE}"]
    predicate = parsed.args["where"].this
    problems = [message for node in predicate.walk() if (message := _node_problem(node, source_table))]
    if not problems and not _is_boolean(predicate):
        problems.append(f"a condition must be a true/false test ({EXAMPLE}), not {_snippet(predicate)}")
    return list(dict.fromkeys(problems))


def _node_problem(node: exp.Expr, source_table: str | None) -> str | None:
    if isinstance(node, (exp.Select, exp.Subquery, exp.Exists, exp.SetOperation)):
        return "subqueries are not allowed in a condition"
    if isinstance(node, exp.Var):
        if isinstance(node.parent, _UNIT_PARENTS):
            return None
        return f"{_snippet(node)} is not allowed in a condition (not a column, value or unit)"
    if isinstance(node, exp.Column):
        return _column_problem(node, source_table)
    if isinstance(node, exp.In) and (
        node.args.get("query") or node.args.get("unnest") or node.args.get("field")
    ):
        return "IN takes a list of values in a condition (no subqueries)"
    if isinstance(node, exp.In) and not all(
        isinstance(e, (exp.Literal, exp.Neg, exp.Null, exp.Boolean)) for e in node.expressions
    ):
        return "IN takes a list of literal values in a condition"
    if isinstance(node, exp.DataType):
        if node.this in _TYPES:
            return None
        return f"casting to {node.sql(dialect='postgres')} is not allowed in a condition (basic types only)"
    if isinstance(node, _OPERATORS):
        return None
    if type(node) in _FUNCTIONS:
        return None
    if isinstance(node, exp.Anonymous) and node.name.lower() in _NAMED_FUNCTIONS:
        return None
    if isinstance(node, exp.Func):
        name = node.name if isinstance(node, exp.Anonymous) else _function_name(node)
        return f"function {name}() is not allowed in a condition; allowed: {', '.join(ALLOWED_FUNCTIONS)}"
    if isinstance(node, exp.RegexpLike):
        return "regular expression matches (~) are not allowed in a condition; use LIKE"
    return f"{_snippet(node)} is not allowed in a condition"


def _column_problem(column: exp.Column, source_table: str | None) -> str | None:
    if not isinstance(column.this, exp.Identifier):
        return f"{_snippet(column)} is not allowed in a condition (name columns one by one)"
    qualifier = []
    for part in column.parts[:-1]:
        if not isinstance(part, exp.Identifier):
            return f"{_snippet(column)} is not allowed in a condition (name columns one by one)"
        qualifier.append(fold_identifier(part))
    if not qualifier:
        return None
    parts = [p.strip().strip('"') for p in source_table.split(".")] if source_table else []
    # `sales.amount` and `public.sales.amount` both name the source `sales` (default schema public).
    if parts and qualifier in (parts[-1:], parts if len(parts) == 2 else ["public", *parts]):
        return None
    return (
        f"column {column.sql(dialect='postgres')} is not a column of the source"
        f"{' ' + source_table if source_table else ''}; a condition reads only the source's columns"
    )


def _is_boolean(node: exp.Expr) -> bool:
    """Whether the top of a condition can be true/false (a predicate, not a number or a string)."""
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Cast):
        return node.to.this == exp.DataType.Type.BOOLEAN
    return isinstance(node, (exp.Predicate, exp.Connector, exp.Not, exp.Column, exp.Boolean, exp.Case))


def _function_name(node: exp.Expr) -> str:
    """The name as written in PostgreSQL (``lpad``, not sqlglot's ``PAD``)."""
    try:
        return node.sql(dialect="postgres").split("(", 1)[0].strip().lower() or node.key
    except Exception:  # an unprintable node still gets named
        return node.key


def _snippet(node: exp.Expr, limit: int = 60) -> str:
    try:
        text = node.sql(dialect="postgres")
    except Exception:
        text = node.key
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0][:300]


def check_query(query: str) -> list[str]:
    """Why ``query`` is not one read-only SELECT (empty list: it is)."""
    problem = lexical_problem(query, "a source query")
    if problem:
        return [problem]
    try:
        statements = [s for s in sqlglot.parse(query, read="postgres") if s is not None]
    except Exception as exc:
        return [f"source query does not parse: {_first_line(exc)}"]
    if len(statements) != 1:
        return [f"source query must be one statement, found {len(statements)}"]
    statement = statements[0]
    try:
        if any(s.args.get("locks") for s in statement.find_all(exp.Select)):
            return ["source query may not lock rows (FOR UPDATE / FOR SHARE)"]
        if not isinstance(statement, exp.Query) or any(statement.find_all(*_WRITE_NODES)):
            return ["source query must be a read-only SELECT"]
        for func in statement.find_all(exp.Func):
            name = func.name.lower() if isinstance(func, exp.Anonymous) else _function_name(func)
            if name.startswith(_QUERY_DENIED_PREFIXES):
                return [f"function {name}() is not allowed in a source query"]
    except Exception as exc:
        return [f"source query cannot be checked: {type(exc).__name__}: {_first_line(exc)}"]
    return []
