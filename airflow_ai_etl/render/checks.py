"""A spec's checks -> check tasks: common-sql column and table checks with a severity.

One ColumnCheckOperator (not_null as ``null_check``; column names unquoted, as common-sql also
makes aliases of them, so only plain identifiers are accepted) and one TableCheckOperator (every other
check as one aggregate ``check_statement``) per severity. The SQL is built here from the spec's
identifiers (quoted) and numbers only; it reaches the DAG file as string literals.

Why not everything as column checks: common-sql joins a column operator's checks with UNION ALL,
and ClickHouse finds no common type for ``null_check`` (UInt64) beside ``unique_check`` (Int64);
table checks all yield 0/1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from airflow_ai_etl.spec import IDENTIFIER, Check, PipelineSpec

OPERATORS_MODULE = "airflow_ai_etl.operators.quality"
COLUMN_CHECK = "ColumnCheckOperator"
TABLE_CHECK = "TableCheckOperator"
VOLUME_CHECK = "VolumeCheckOperator"
CDC_DELETED = "_deleted"  # transfers/cdc_to_clickhouse.py: 1 on a delete marker


@dataclass(frozen=True)
class Dialect:
    """How the target writes the few expressions a check needs."""

    name: str

    def ident(self, name: str) -> str:
        if self.name == "clickhouse":
            return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`"
        return '"' + name.replace('"', '""') + '"'

    def table(self, name: str) -> str:
        return ".".join(self.ident(part) for part in name.split("."))

    def count(self) -> str:
        return "count()" if self.name == "clickhouse" else "COUNT(*)"

    def distinct_count(self, columns: list[str]) -> str:
        quoted = ", ".join(self.ident(c) for c in columns)
        if self.name == "clickhouse":
            return f"uniqExact({quoted})"
        return f"COUNT(DISTINCT ({quoted}))" if len(columns) > 1 else f"COUNT(DISTINCT {quoted})"

    def count_if(self, condition: str) -> str:
        if self.name == "clickhouse":
            return f"countIf({condition})"
        return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    def not_null(self, column: str) -> str:
        return (
            f"isNotNull({self.ident(column)})"
            if self.name == "clickhouse"
            else f"{self.ident(column)} IS NOT NULL"
        )

    def newest_within(self, column: str, seconds: int) -> str:
        if self.name == "clickhouse":  # Date columns compare at midnight of their day
            return f"toDateTime(max({self.ident(column)})) >= now() - {int(seconds)}"
        return f"MAX({self.ident(column)}) >= now() - interval '{int(seconds)} seconds'"


DIALECTS = {"clickhouse": Dialect("clickhouse"), "sql": Dialect("postgres")}


def _statement(check: Check, dialect: Dialect) -> str:
    """One aggregate boolean over the target table: true when the check holds."""
    columns = check.columns
    if check.type == "row_count_min":
        return f"{dialect.count()} >= {int(check.value if check.value is not None else 1)}"
    if check.type == "unique":
        return f"{dialect.count()} = {dialect.distinct_count(columns)}"
    if check.type == "fk_orphans":
        keys = ", ".join(dialect.ident(c) for c in columns)
        refs = ", ".join(dialect.ident(c) for c in check.ref_columns)
        left = keys if len(columns) == 1 else f"({keys})"
        present = " AND ".join(dialect.not_null(c) for c in columns)
        orphan = f"{present} AND {left} NOT IN (SELECT {refs} FROM {dialect.table(check.ref_table or '')})"
        share = float(check.max_share or 0.0)
        return f"{dialect.count_if(orphan)} <= {share!r} * {dialect.count()}"
    if check.type == "freshness":
        return dialect.newest_within(columns[0], int(check.value or 0))
    if check.type == "min_value":  # NULLs are not below anything (a not_null check says whether they may be)
        below = " OR ".join(f"{dialect.ident(c)} < {int(check.value or 0)}" for c in columns)
        return f"{dialect.count_if(below if len(columns) == 1 else f'({below})')} = 0"
    raise ValueError(f"no table statement for a {check.type} check")


def _check_name(check: Check, taken: set[str]) -> str:
    """A SQL alias for the check (common-sql writes it unquoted): letters, digits, '_'."""
    base = re.sub(r"\W", "_", "_".join([check.type, *check.columns]), flags=re.ASCII)[:60].strip("_")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


@dataclass(frozen=True)
class CheckTask:
    var: str
    operator: str
    args: list[tuple[str, Any]]


def check_tasks(spec: PipelineSpec, load_task_id: str = "load") -> list[CheckTask]:
    """The check tasks of a spec (none when it has no checks the target must run).

    row_count_match is not a task: the transfer reconciles source and target counts on every load.
    volume_anomaly is a VolumeCheckOperator over `load_task_id`'s row count.
    """
    volume = [_volume_task(c, spec, load_task_id) for c in spec.checks if c.type == "volume_anomaly"][:1]
    checks = [c for c in spec.checks if c.type not in ("row_count_match", "volume_anomaly")]
    if not checks:
        return volume
    for check in checks:  # common-sql writes names into SQL as they are: plain identifiers only
        names = [*check.columns, *check.ref_columns, *(check.ref_table or "").split(".")]
        bad = [n for n in names if n and not IDENTIFIER.fullmatch(n)]
        if bad:
            raise ValueError(f"a {check.type} check names {bad[0]!r}, which is not a plain identifier")
    dialect = DIALECTS.get(spec.target.type)
    if dialect is None or not spec.target.table:
        raise ValueError(
            f"checks run on a clickhouse or sql target table, not on a {spec.target.type} target"
        )
    table = dialect.table(spec.target.table)
    cdc = spec.source.type == "cdc"
    if dialect.name == "clickhouse" and (spec.target.mode == "upsert" or cdc):
        table += " FINAL"  # a ReplacingMergeTree: count the rows as they are after deduplication
    # A change stream's target keeps delete markers (key set, the rest defaults): not current rows.
    where = [("partition_clause", f"{dialect.ident(CDC_DELETED)} = 0")] if cdc else []
    tasks = []
    for severity in ("fail", "warn"):
        suffix = "" if severity == "fail" else "_warn"
        mapping: dict[str, dict[str, Any]] = {}
        for check in checks:
            if check.type == "not_null" and check.severity == severity:
                for column in check.columns:  # common-sql also writes it into an alias: unquoted
                    mapping[column] = {"null_check": {"equal_to": 0}}
        if mapping:
            tasks.append(
                CheckTask(
                    f"check_columns{suffix}",
                    COLUMN_CHECK,
                    [
                        ("task_id", f"check_columns{suffix}"),
                        ("conn_id", spec.target.conn_id),
                        ("table", table),
                        ("column_mapping", mapping),
                        *where,
                        ("severity", severity),
                    ],
                )
            )
        taken: set[str] = set()
        statements = {
            _check_name(check, taken): {"check_statement": _statement(check, dialect)}
            for check in checks
            if check.type != "not_null" and check.severity == severity
        }
        if statements:
            tasks.append(
                CheckTask(
                    f"check_table{suffix}",
                    TABLE_CHECK,
                    [
                        ("task_id", f"check_table{suffix}"),
                        ("conn_id", spec.target.conn_id),
                        ("table", table),
                        ("checks", statements),
                        *where,
                        ("severity", severity),
                    ],
                )
            )
    return tasks + volume


def _volume_task(check: Check, spec: PipelineSpec, load_task_id: str) -> CheckTask:
    if spec.target.type != "clickhouse":
        raise ValueError("a volume_anomaly check keeps its counts in ClickHouse: a clickhouse target only")
    return CheckTask(
        "check_volume",
        VOLUME_CHECK,
        [
            ("task_id", "check_volume"),
            ("conn_id", spec.target.conn_id),
            ("load_task_id", load_task_id),
            ("k", float(check.k) if check.k is not None else None),
            ("severity", check.severity),
        ],
    )
