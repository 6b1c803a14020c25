"""PipelineSpec -> DAG source: one Jinja template, values written as Python literals.

Escaping holds by construction: the template environment refuses to write anything that is not
`Code`, and only two filters make Code from data: `py` (a Python literal in which every character
that is not printable, quotes and backslashes included, is escaped) and `comment` (text flattened
to one line of printable characters). The same spec always renders to the same bytes.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any

import jinja2

from airflow_ai_etl.assets import Lineage
from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.planning.schedule import describe_schedule, detect_language
from airflow_ai_etl.render.checks import COLUMN_CHECK, TABLE_CHECK, VOLUME_CHECK, check_tasks
from airflow_ai_etl.render.checks import OPERATORS_MODULE as CHECKS_MODULE
from airflow_ai_etl.spec import DedupeTransform, FilterTransform, MaskTransform, PipelineSpec

SPEC_VARIABLE = "AI_ETL_SPEC"
# The header line of a file that declares assets (schedule, inlets, outlets); files without
# assets keep the shorter `from airflow.sdk import DAG`.
ASSET_HEADER = "from airflow.sdk import DAG, Asset"
CHECK_IMPORT = ("airflow.providers.common.sql.operators.sql", "SQLCheckOperator")
WAIT_IMPORT = ("airflow_ai_etl.sensors.files", "NewFilesSensor")


class RenderError(AIETLError, ValueError):
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

    imports: list[tuple[str, str]]  # (module, name): `from module import name`
    tasks: list[RenderedTask]
    edges: list[tuple[str, str]]

    @property
    def task_ids(self) -> list[str]:
        return [t.task_id for t in self.tasks]


class Code(str):
    """Text that may be written into the DAG file as it is: template constants and the output
    of the `py` and `comment` filters. The environment refuses every other value."""


_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _escape_char(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if char.isprintable():
        return char
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def py_string(text: str) -> str:
    """A double-quoted Python string literal of `text`: printable characters as they are (so
    Cyrillic stays readable), everything else (newlines, line separators, control characters,
    lone surrogates) as an escape. The literal is one line and only closes at its end."""
    return '"' + "".join(_escape_char(char) for char in text) + '"'


def py_literal(value: Any, indent: int = 0) -> Code:
    """A Python literal for JSON-like data, double-quoted like formatted code.

    Dicts and lists that do not fit on one line are split one item per line.
    """
    if isinstance(value, str):
        return Code(py_string(value))
    if value is None or isinstance(value, bool):
        return Code(repr(value))
    if isinstance(value, int):
        return Code(str(int(value)))  # int() drops any subclass's own __repr__/__str__
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise TypeError("NaN and infinity have no literal in a DAG file")
        return Code(repr(float(value)))
    if isinstance(value, (list, tuple, dict)):
        is_dict = isinstance(value, dict)
        items = list(value.items()) if isinstance(value, dict) else list(value)
        open_, close = ("{", "}") if is_dict else ("[", "]")

        def item(entry: Any, depth: int) -> str:
            if is_dict:
                return f"{py_literal(str(entry[0]))}: {py_literal(entry[1], depth)}"
            return py_literal(entry, depth)

        flat = open_ + ", ".join(item(e, indent) for e in items) + close
        if len(flat) + indent <= 100 and "\n" not in flat:
            return Code(flat)
        pad = " " * (indent + 4)
        lines = [f"{pad}{item(e, indent + 4)}," for e in items]
        return Code(open_ + "\n" + "\n".join(lines) + "\n" + " " * indent + close)
    raise TypeError(f"cannot write {type(value).__name__} into a DAG file")


def comment_text(text: str, limit: int = 300) -> Code:
    """Text for a `#` comment: one line of printable characters, at most `limit` of them."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return Code(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _only_code(value: Any) -> Code:
    """The environment's finalize: a value reaches the file only as Code."""
    if isinstance(value, Code):
        return value
    raise RenderError(f"the template wrote a {type(value).__name__} without the py or comment filter")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("airflow_ai_etl.render", "templates"),
        autoescape=False,  # Python source, not HTML; `finalize` makes every value pass a filter
        finalize=_only_code,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["py"] = py_literal
    env.filters["comment"] = comment_text
    return env


_ENV = _environment()


def _version() -> str:
    try:
        return package_version("airflow-ai-etl")
    except PackageNotFoundError:
        return "dev"


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


def _postgres_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    args = _sql_source_args(spec)
    args += [("order_by", spec.target.order_by), ("partition_by", spec.target.partition_by)]
    return args


def _postgres_to_postgres(spec: PipelineSpec) -> list[tuple[str, Any]]:
    return _sql_source_args(spec)


def _s3_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    _no_transforms(spec)
    return [
        ("s3_conn_id", spec.source.file_conn_id),
        ("path", spec.source.path),
        ("format", spec.source.format or "csv"),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("mode", _file_mode(spec)),
        ("create", spec.target.create),
    ]


def _local_files_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    """A file source in a local or mounted folder: the same load without an S3 connection."""
    return [(name, value) for name, value in _s3_to_clickhouse(spec) if name != "s3_conn_id"]


def _excel_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    _no_transforms(spec)
    return [
        ("path", spec.source.path),
        ("sheet", spec.source.sheet if spec.source.sheet is not None else 0),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("mode", _file_mode(spec)),
        ("create", spec.target.create),
        ("s3_conn_id", spec.source.file_conn_id),
    ]


def _cdc_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    """Whole rows of one table, filtered by a row condition (source.where and filter transforms) and
    masked; the rest of what a sql load can do is refused by name."""
    _refuse_cdc_unsupported(spec)
    transforms = _Transforms.of(spec)
    masked_keys = [key for key in spec.target.keys if key in transforms.mask]
    if masked_keys:
        raise RenderError(
            f"a cdc load cannot mask its key columns {masked_keys}: the key identifies the row each "
            "update and delete replaces; mask other columns or choose other keys"
        )
    return [
        ("source_conn_id", spec.source.conn_id),
        ("source_table", spec.source.table),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
        ("keys", spec.target.keys or None),
        ("where", transforms.where),
        ("mask", transforms.mask),
        *_cdc_options(spec),
    ]


def _refuse_cdc_unsupported(spec: PipelineSpec) -> None:
    """RenderError naming each part of the spec a cdc load cannot do yet (it replicates whole rows)."""
    parts = [name for name, present in _cdc_parts(spec) if present]
    if parts:
        raise RenderError(
            "a cdc source replicates whole rows of a table, filtered by a row condition and masked; "
            f"{', '.join(parts)} {'is' if len(parts) == 1 else 'are'} not supported for it yet"
        )


def _cdc_parts(spec: PipelineSpec) -> list[tuple[str, bool]]:
    """(what, the spec asks for it) for everything a cdc load cannot do."""
    kinds = sorted({t.type for t in spec.transforms if not isinstance(t, (FilterTransform, MaskTransform))})
    return [
        ("source.query", spec.source.query is not None),
        ("source.columns", bool(spec.source.columns)),
        ("source.incremental", spec.source.incremental is not None),
        *((f"the {kind!r} transform", True) for kind in kinds),
    ]


def _cdc_options(spec: PipelineSpec) -> list[tuple[str, Any]]:
    """The operator arguments of ``source.cdc``, only those set (a spec without them renders as before)."""
    options = spec.source.cdc
    if options is None:
        return []
    args: list[tuple[str, Any]] = [("mode", options.mode)]
    if options.max_runtime is not None:
        args.append(("max_runtime", options.max_runtime))
    if options.batch_seconds is not None:
        args.append(("batch_seconds", options.batch_seconds))
    return args


def _mart_argument(spec: PipelineSpec) -> dict[str, Any]:
    """The ``mart`` argument of both mart operators: the source's mart as its JSON dict."""
    from airflow_ai_etl.marts.model import Mart

    source = spec.source
    return Mart.of(source.conn_id, source.table, source.mart).to_json_dict()  # type: ignore[arg-type]


def _mart_to_clickhouse(spec: PipelineSpec) -> list[tuple[str, Any]]:
    return [
        ("mart", _mart_argument(spec)),
        ("target_conn_id", spec.target.conn_id),
        ("target_table", spec.target.table),
    ]


def _mart_to_excel(spec: PipelineSpec) -> list[tuple[str, Any]]:
    from airflow_ai_etl.transfers.mart_to_excel import DEFAULT_SHEET

    return [
        ("mart", _mart_argument(spec)),
        ("path", spec.target.path),
        ("sheet", spec.target.sheet or DEFAULT_SHEET),
        ("s3_conn_id", spec.target.conn_id),
    ]


def _file_mode(spec: PipelineSpec) -> str:
    if spec.target.mode == "upsert":
        raise RenderError("file sources load in mode append or replace; upsert is not supported for them")
    return spec.target.mode


@dataclass(frozen=True)
class Loader:
    """The load task of one (source.type, target.type) pair: which operator, and its arguments."""

    module: str
    operator: str
    arguments: Callable[[PipelineSpec], list[tuple[str, Any]]]


LOADERS = {
    ("sql", "clickhouse"): Loader(
        "airflow_ai_etl.operators.transfer", "PostgresToClickHouseOperator", _postgres_to_clickhouse
    ),
    ("sql", "sql"): Loader(
        "airflow_ai_etl.operators.transfer", "PostgresToPostgresOperator", _postgres_to_postgres
    ),
    ("s3", "clickhouse"): Loader(
        "airflow_ai_etl.operators.files", "S3ToClickHouseOperator", _s3_to_clickhouse
    ),
    ("excel", "clickhouse"): Loader(
        "airflow_ai_etl.operators.files", "ExcelToClickHouseOperator", _excel_to_clickhouse
    ),
    ("cdc", "clickhouse"): Loader(
        "airflow_ai_etl.operators.cdc", "PostgresCDCToClickHouseOperator", _cdc_to_clickhouse
    ),
    ("mart", "clickhouse"): Loader(
        "airflow_ai_etl.operators.mart", "MartToClickHouseOperator", _mart_to_clickhouse
    ),
    ("mart", "excel"): Loader("airflow_ai_etl.operators.mart", "MartToExcelOperator", _mart_to_excel),
}
# A file source (type s3) whose path is a local or mounted folder, not s3://: loaded without S3.
LOCAL_FILES_LOADER = Loader(
    "airflow_ai_etl.operators.files", "FilesToClickHouseOperator", _local_files_to_clickhouse
)
# Every `from module import Name` a rendered file may contain (the shape gate's allowlist).
ALLOWED_IMPORTS: frozenset[tuple[str, str]] = frozenset(
    {(loader.module, loader.operator) for loader in (*LOADERS.values(), LOCAL_FILES_LOADER)}
    | {CHECK_IMPORT, WAIT_IMPORT}  # CHECK_IMPORT: files rendered before the severity operators
    | {(CHECKS_MODULE, COLUMN_CHECK), (CHECKS_MODULE, TABLE_CHECK), (CHECKS_MODULE, VOLUME_CHECK)}
)


def plan_tasks(spec: PipelineSpec) -> DagPlan:
    """The operators a spec needs, in order; RenderError for what is not supported yet."""
    loader = LOADERS.get((spec.source.type, spec.target.type))
    if spec.source.type == "s3" and loader is not None and not (spec.source.path or "").startswith("s3"):
        loader = LOCAL_FILES_LOADER
    if loader is None:
        supported = ", ".join(f"{s} -> {t}" for s, t in LOADERS)
        raise RenderError(
            f"source type {spec.source.type!r} -> target type {spec.target.type!r} is not supported by this "
            f"version yet; supported: {supported}"
        )
    module, operator, args = loader.module, loader.operator, loader.arguments(spec)
    table_slug = (spec.target.table or "data").replace(".", "_")
    load = RenderedTask(var="load", operator=operator, args=[("task_id", f"load_{table_slug}"), *args])
    tasks = [load]
    edges = []
    try:
        checks = check_tasks(spec, load.task_id)
    except ValueError as exc:
        raise RenderError(str(exc)) from None
    for check in checks:
        tasks.append(RenderedTask(var=check.var, operator=check.operator, args=check.args))
        edges.append(("load", check.var))
    imports = [(module, operator)] + sorted({(CHECKS_MODULE, c.operator) for c in checks})
    if spec.on_new_files:
        wait = RenderedTask(
            var="wait",
            operator=WAIT_IMPORT[1],
            args=[
                ("task_id", "wait_for_new_files"),
                ("path", spec.source.path),
                ("s3_conn_id", spec.source.file_conn_id),
                ("target_conn_id", spec.target.conn_id),
                ("target_table", spec.target.table),
            ],
        )
        tasks.insert(0, wait)
        edges.insert(0, ("wait", "load"))
        imports.insert(0, WAIT_IMPORT)
    return DagPlan(imports=imports, tasks=tasks, edges=edges)


CONTINUOUS = "@continuous"  # a new run as soon as the last one ends: wait for files, load, wait again


def describe_file_trigger(path: str, language: str = "en") -> str:
    """A file trigger in words."""
    if language == "ru":
        return f"как только в {path} появится новый файл"
    return f"as soon as a new file lands in {path}"


def describe_asset_schedule(uris: list[str], language: str = "en") -> str:
    """An asset schedule in words: "after X and Y are updated" / «после обновления X и Y»."""
    if language == "ru":
        return "после обновления " + " и ".join(uris)
    return "after " + " and ".join(uris) + (" are updated" if len(uris) > 1 else " is updated")


def render(spec: PipelineSpec, lineage: Lineage | None = None) -> str:
    """The DAG file for a spec (deterministic: same spec and lineage, same bytes).

    :param lineage: the load task's inlets and outlets (``assets.pipeline_lineage``, which needs
        the catalog for the connections' hosts); None declares none.
    """
    plan = plan_tasks(spec)
    lineage = lineage or Lineage()
    task_assets = [
        (Code(name), list(uris))
        for name, uris in (("inlets", lineage.inlets), ("outlets", lineage.outlets))
        if uris
    ]
    language = detect_language(spec.request) if spec.request else "en"
    schedule_text = describe_schedule(spec.schedule, language)
    source = spec.source
    target = spec.target
    incremental = f", incremental by {source.incremental.column}" if source.incremental else ""
    schedule_code = spec.schedule or ("assets" if spec.schedule_assets else "manual")
    if spec.schedule_assets:
        schedule_text = describe_asset_schedule(spec.schedule_assets, language)
    if spec.on_new_files:
        schedule_code = CONTINUOUS
        schedule_text = describe_file_trigger(spec.source.path or "", language)
    if source.mart is not None:  # what the mart computes, for the reader of the file
        mart = source.mart
        keys = ([mart.time_grain.name] if mart.time_grain else []) + [
            d.rsplit(".", 1)[-1] for d in mart.dimensions
        ]
        by = f" by {', '.join(keys)}" if keys else ""
        incremental = f", mart of {', '.join(m.name for m in mart.measures)}{by}, {mart.refresh} refresh"
    doc_md = (
        f"**AI ETL pipeline** `{spec.dag_id}`\n\n"
        f"- Request: {comment_text(spec.request) or '—'}\n"
        f"- Schedule: `{schedule_code}` — {schedule_text} ({spec.timezone})\n"
        f"- Source: `{source.conn_id}` `{source.table or source.path}`{incremental}\n"
        f"- Target: `{target.conn_id}` `{target.table or target.path}` ({target.mode})\n"
    )
    return _ENV.get_template("dag.py.j2").render(
        spec=spec,
        version=_version(),
        uses_assets=bool(spec.schedule_assets or task_assets),
        dag_schedule=CONTINUOUS if spec.on_new_files else spec.schedule,
        task_assets=task_assets,
        request_line=spec.request or "—",
        schedule_line=f"{schedule_code} — {schedule_text} ({spec.timezone})",
        source_line=f"{source.conn_id}: {source.table or source.path}{incremental}",
        target_line=f"{target.conn_id}: {target.table or target.path} ({target.mode})",
        imports=[(Code(module), Code(name)) for module, name in plan.imports],
        spec_variable=Code(SPEC_VARIABLE),
        spec_literal=py_literal(spec.to_json_dict()),
        doc_md=doc_md,
        tasks=[
            (
                Code(t.var),
                Code(t.operator),
                [(Code(k), v) for k, v in t.written_args],
                task_assets if t.var == "load" else [],
            )
            for t in plan.tasks
        ],
        edges=[(Code(up), Code(down)) for up, down in plan.edges],
    )


def read_embedded_spec(source: str) -> dict[str, Any] | None:
    """The spec literal of a rendered file (None when the file has none): the round trip."""
    try:
        tree = ast.parse(source)
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == SPEC_VARIABLE for t in node.targets
            ):
                value = ast.literal_eval(node.value)
                return value if isinstance(value, dict) else None
    except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
        return None  # not valid Python, or a spec that is not a literal: not ours to read
    return None
