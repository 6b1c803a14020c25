"""PipelineSpec -> DAG source: one Jinja template, values written as Python literals.

Every value that reaches the file goes through `repr` (the `py` filter), so no text from a
request or a model can become code. The same spec always renders to the same bytes.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any

import jinja2

from airflow_ai_etl.planning.schedule import describe_schedule, detect_language
from airflow_ai_etl.spec import Check, DedupeTransform, FilterTransform, MaskTransform, PipelineSpec

SPEC_VARIABLE = "AI_ETL_SPEC"
CHECK_IMPORT = "from airflow.providers.common.sql.operators.sql import SQLCheckOperator"


class RenderError(ValueError):
    """The spec asks for something this renderer cannot express (yet)."""


@dataclass(frozen=True)
class RenderedTask:
    var: str
    operator: str
    args: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def task_id(self) -> str:
        return dict(self.args)["task_id"]

    @property
    def written_args(self) -> list[tuple[str, Any]]:
        """Arguments worth writing: empty values are the operator's defaults anyway."""
        return [(k, v) for k, v in self.args if v not in (None, [], {}) or k == "task_id"]


@dataclass(frozen=True)
class DagPlan:
    """The tasks and edges a spec becomes; the import gate compares them with the real DAG."""

    imports: list[str]
    tasks: list[RenderedTask]
    edges: list[tuple[str, str]]

    @property
    def task_ids(self) -> list[str]:
        return [t.task_id for t in self.tasks]


def py_literal(value: Any, indent: int = 0) -> str:
    """A Python literal for JSON-like data, double-quoted like formatted code.

    JSON string syntax (with non-ASCII kept) is also valid Python string syntax, so a value can
    never escape its quotes. Dicts and lists that do not fit on one line are split one item per line.
    """
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, (list, tuple, dict)):
        is_dict = isinstance(value, dict)
        items = list(value.items()) if is_dict else list(value)
        open_, close = ("{", "}") if is_dict else ("[", "]")

        def item(entry: Any, depth: int) -> str:
            if is_dict:
                return f"{py_literal(str(entry[0]))}: {py_literal(entry[1], depth)}"
            return py_literal(entry, depth)

        flat = open_ + ", ".join(item(e, indent) for e in items) + close
        if len(flat) + indent <= 100 and "\n" not in flat:
            return flat
        pad = " " * (indent + 4)
        lines = [f"{pad}{item(e, indent + 4)}," for e in items]
        return open_ + "\n" + "\n".join(lines) + "\n" + " " * indent + close
    raise TypeError(f"cannot write {type(value).__name__} into a DAG file")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("airflow_ai_etl.render", "templates"),
        autoescape=False,  # Python source, not HTML; values are escaped by the `py` filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["py"] = py_literal
    return env


_ENV = _environment()


def _version() -> str:
    try:
        return package_version("airflow-ai-etl")
    except PackageNotFoundError:
        return "dev"


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _quote_ch(name: str) -> str:
    return ".".join(f"`{part}`" for part in name.split("."))


@dataclass(frozen=True)
class _Transforms:
    """The spec's transforms as the transfer operators take them."""

    where: str | None
    mask: dict[str, str]
    dedupe: list[str] | None

    @classmethod
    def of(cls, spec: PipelineSpec) -> _Transforms:
        conditions = [spec.source.where] if spec.source.where else []
        mask: dict[str, str] = {}
        dedupe: list[str] | None = None
        for transform in spec.transforms:
            if isinstance(transform, FilterTransform):
                conditions.append(transform.condition)
            elif isinstance(transform, MaskTransform):
                mask.update(dict.fromkeys(transform.columns, transform.method))
            elif isinstance(transform, DedupeTransform):
                dedupe = list(transform.columns)
            else:
                raise RenderError(f"transform {transform.type!r} is not supported by this version yet")
        where = " AND ".join(f"({c})" for c in conditions) if len(conditions) > 1 else None
        return cls(where or (conditions[0] if conditions else None), mask, dedupe)


def _sql_source_args(spec: PipelineSpec) -> list[tuple[str, Any]]:
    """Arguments shared by the transfers that read a PostgreSQL table."""
    if spec.source.query is not None:
        raise RenderError("source.query is not supported by this version yet; name a table")
    transforms = _Transforms.of(spec)
    return [
        ("source_conn_id", spec.source.conn_id),
        ("source_table", spec.source.table),
        ("columns", spec.source.columns),
        ("where", transforms.where),
        ("incremental_column", spec.source.incremental.column if spec.source.incremental else None),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("mode", spec.target.mode),
        ("keys", spec.target.keys),
        ("create", spec.target.create),
        ("mask", transforms.mask),
        ("dedupe", transforms.dedupe),
    ]


def _no_transforms(spec: PipelineSpec) -> None:
    if spec.transforms or spec.source.where or spec.source.columns or spec.source.incremental:
        raise RenderError(
            f"a {spec.source.type} source loads whole records: transforms, columns, where and "
            "incremental are not supported for it yet"
        )


def _postgres_to_clickhouse(spec: PipelineSpec) -> tuple[str, list[tuple[str, Any]]]:
    args = _sql_source_args(spec)
    args += [("order_by", spec.target.order_by), ("partition_by", spec.target.partition_by)]
    return "PostgresToClickHouseOperator", args


def _postgres_to_postgres(spec: PipelineSpec) -> tuple[str, list[tuple[str, Any]]]:
    return "PostgresToPostgresOperator", _sql_source_args(spec)


def _s3_to_clickhouse(spec: PipelineSpec) -> tuple[str, list[tuple[str, Any]]]:
    _no_transforms(spec)
    return "S3ToClickHouseOperator", [
        ("s3_conn_id", spec.source.file_conn_id),
        ("path", spec.source.path),
        ("format", spec.source.format or "csv"),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("mode", _file_mode(spec)),
        ("create", spec.target.create),
    ]


def _excel_to_clickhouse(spec: PipelineSpec) -> tuple[str, list[tuple[str, Any]]]:
    _no_transforms(spec)
    return "ExcelToClickHouseOperator", [
        ("path", spec.source.path),
        ("sheet", spec.source.sheet if spec.source.sheet is not None else 0),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("mode", _file_mode(spec)),
        ("create", spec.target.create),
        ("s3_conn_id", spec.source.file_conn_id),
    ]


def _cdc_to_clickhouse(spec: PipelineSpec) -> tuple[str, list[tuple[str, Any]]]:
    _no_transforms(spec)
    return "PostgresCDCToClickHouseOperator", [
        ("source_conn_id", spec.source.conn_id),
        ("source_table", spec.source.table),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("keys", spec.target.keys or None),
    ]


def _file_mode(spec: PipelineSpec) -> str:
    if spec.target.mode == "upsert":
        raise RenderError("file sources load in mode append or replace; upsert is not supported for them")
    return spec.target.mode


# (source.type, target.type) -> the load task's operator and arguments, and where it is imported from.
LOADERS = {
    ("sql", "clickhouse"): (_postgres_to_clickhouse, "airflow_ai_etl.operators.transfer"),
    ("sql", "sql"): (_postgres_to_postgres, "airflow_ai_etl.operators.transfer"),
    ("s3", "clickhouse"): (_s3_to_clickhouse, "airflow_ai_etl.operators.files"),
    ("excel", "clickhouse"): (_excel_to_clickhouse, "airflow_ai_etl.operators.files"),
    ("cdc", "clickhouse"): (_cdc_to_clickhouse, "airflow_ai_etl.operators.cdc"),
}


def plan_tasks(spec: PipelineSpec) -> DagPlan:
    """The operators a spec needs, in order; RenderError for what is not supported yet."""
    loader = LOADERS.get((spec.source.type, spec.target.type))
    if loader is None:
        supported = ", ".join(f"{s} -> {t}" for s, t in LOADERS)
        raise RenderError(
            f"source type {spec.source.type!r} -> target type {spec.target.type!r} is not supported by this "
            f"version yet; supported: {supported}"
        )
    build, module = loader
    operator, args = build(spec)
    table_slug = (spec.target.table or "data").replace(".", "_")
    load = RenderedTask(var="load", operator=operator, args=[("task_id", f"load_{table_slug}"), *args])
    tasks = [load]
    edges = []
    for index, check in enumerate(spec.checks):
        if check.type == "row_count_match":
            continue  # the transfer reconciles source and target counts on every load
        task = RenderedTask(
            var=f"check_{index}",
            operator="SQLCheckOperator",
            args=[
                ("task_id", f"check_{check.type}_{index}"),
                ("conn_id", spec.target.conn_id),
                ("sql", _check_sql(check, spec.target.table)),  # type: ignore[arg-type]
            ],
        )
        tasks.append(task)
        edges.append(("load", task.var))
    imports = [f"from {module} import {operator}"] + ([CHECK_IMPORT] if edges else [])
    return DagPlan(imports=imports, tasks=tasks, edges=edges)


def _check_sql(check: Check, table: str) -> str:
    """One ClickHouse query whose single value is true when the check passes."""
    quoted = _quote_ch(table)
    columns = ", ".join(f"`{c}`" for c in check.columns)
    if check.type == "row_count_min":
        return f"SELECT count() >= {int(check.value or 1)} FROM {quoted}"
    if check.type == "not_null":
        nulls = " + ".join(f"countIf(isNull(`{c}`))" for c in check.columns)
        return f"SELECT ({nulls}) = 0 FROM {quoted}"
    return f"SELECT count() = uniqExact({columns}) FROM {quoted}"  # unique


def render(spec: PipelineSpec) -> str:
    """The DAG file for a spec (deterministic: same spec, same bytes)."""
    plan = plan_tasks(spec)
    language = detect_language(spec.request) if spec.request else "en"
    schedule_text = describe_schedule(spec.schedule, language)
    source = spec.source
    target = spec.target
    incremental = f", incremental by {source.incremental.column}" if source.incremental else ""
    doc_md = (
        f"**AI ETL pipeline** `{spec.dag_id}`\n\n"
        f"- Request: {_one_line(spec.request) or '—'}\n"
        f"- Schedule: `{spec.schedule}` — {schedule_text} ({spec.timezone})\n"
        f"- Source: `{source.conn_id}` `{source.table or source.path}`{incremental}\n"
        f"- Target: `{target.conn_id}` `{target.table or target.path}` ({target.mode})\n"
    )
    return _ENV.get_template("dag.py.j2").render(
        spec=spec,
        version=_version(),
        request_line=_one_line(spec.request) or "—",
        schedule_line=f"{spec.schedule or 'manual'} — {schedule_text} ({spec.timezone})",
        source_line=f"{source.conn_id}: {source.table or source.path}{incremental}",
        target_line=f"{target.conn_id}: {target.table or target.path} ({target.mode})",
        imports=plan.imports,
        spec_literal=py_literal(spec.to_json_dict()),
        doc_md=doc_md,
        tasks=plan.tasks,
        edges=plan.edges,
    )


def read_embedded_spec(source: str) -> dict[str, Any] | None:
    """The spec literal of a rendered file (None when the file has none): the round trip."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == SPEC_VARIABLE for t in node.targets
        ):
            return ast.literal_eval(node.value)
    return None
