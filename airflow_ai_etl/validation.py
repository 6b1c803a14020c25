"""The validation gates a spec passes before any file is written (DESIGN.md):

1. schema      the spec parses; unknown fields rejected
2. grounding   connections exist with the right type; tables and columns exist
3. sql_safety  source queries are one read-only SELECT; conditions are plain expressions
4. shape       the rendered file has exactly the template's shape (ast, nothing runs), then
   import      it imports in Airflow's DagBag (subprocess, timeout, no secrets) with the planned tasks
5. policy      nothing destroys a source

Each gate returns a list of Problems; an empty list means the gate passed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from airflow_ai_etl import sql_safety
from airflow_ai_etl.catalog import Catalog, Table
from airflow_ai_etl.outcome import Problem
from airflow_ai_etl.render.shape import check_shape
from airflow_ai_etl.spec import FilterTransform, MaskTransform, PipelineSpec

IMPORT_TIMEOUT_SECONDS = 120
_ENGINE_FOR_TARGET = {"clickhouse": "clickhouse", "sql": "postgres"}


# --- gate 1 ----------------------------------------------------------------------------------


def parse_spec(data: dict[str, Any] | PipelineSpec) -> tuple[PipelineSpec | None, list[Problem]]:
    """Gate 1: the spec as a model, or one Problem per schema error with its field path."""
    if isinstance(data, PipelineSpec):
        return data, []
    try:
        return PipelineSpec.model_validate(data), []
    except ValidationError as exc:
        problems = [
            Problem("schema", err["msg"], ".".join(str(p) for p in err["loc"]))
            for err in exc.errors(include_url=False)
        ]
        return None, problems


# --- gate 2 ----------------------------------------------------------------------------------


def check_grounding(spec: PipelineSpec, catalog: Catalog) -> list[Problem]:
    """Gate 2: every conn_id, table and column the spec names exists in the catalog."""
    problems: list[Problem] = []
    source, target = spec.source, spec.target
    source_conn = catalog.connections.get(source.conn_id or "")
    if source.type in ("sql", "cdc"):
        if source_conn is None:
            return [Problem("grounding", f"connection {source.conn_id!r} does not exist", "source.conn_id")]
        if source_conn.engine != "postgres":
            problems.append(
                Problem(
                    "grounding",
                    f"connection {source.conn_id!r} is of type {source_conn.conn_type!r}, not postgres",
                    "source.conn_id",
                )
            )
    if target.type in _ENGINE_FOR_TARGET:
        target_conn = catalog.connections.get(target.conn_id or "")
        if target_conn is None:
            problems.append(
                Problem("grounding", f"connection {target.conn_id!r} does not exist", "target.conn_id")
            )
        elif target_conn.engine != _ENGINE_FOR_TARGET[target.type]:
            problems.append(
                Problem(
                    "grounding",
                    f"connection {target.conn_id!r} is of type {target_conn.conn_type!r}, "
                    f"not {_ENGINE_FOR_TARGET[target.type]}",
                    "target.conn_id",
                )
            )
    if source.type in ("s3", "excel"):
        return problems + _check_file_source(spec, catalog)
    if problems or source.table is None or source_conn is None:
        return problems
    if source.conn_id in catalog.errors:
        return [
            Problem("grounding", f"cannot read tables of {source.conn_id}: {catalog.errors[source.conn_id]}")
        ]
    table = catalog.find_table(source.conn_id, source.table, exact=True)  # type: ignore[arg-type]
    if table is None:
        variant = catalog.find_table(source.conn_id, source.table)  # type: ignore[arg-type]
        if variant is not None:  # the transfers quote the name: "Orders" is not orders
            hint = f"did you mean {catalog.display_name(source.conn_id, variant)!r}?"  # type: ignore[arg-type]
        else:
            hint = "tables: " + ", ".join(
                catalog.display_name(source.conn_id, t)  # type: ignore[arg-type]
                for t in catalog.tables_of(source.conn_id)  # type: ignore[arg-type]
            )
        return [
            Problem(
                "grounding", f"table {source.table!r} not found in {source.conn_id}; {hint}", "source.table"
            )
        ]
    return _check_columns(spec, table) + _check_cdc_masked_keys(spec, table)


def _check_cdc_masked_keys(spec: PipelineSpec, table: Table) -> list[Problem]:
    """A cdc load masks no key: its keys (target.keys, else the primary key) say which row each
    update and delete replaces, so they must arrive in clear."""
    if spec.source.type != "cdc":
        return []
    keys = set(spec.target.keys or table.primary_key)
    return [
        Problem(
            "grounding",
            f"a cdc load cannot mask its key column {column!r}: the key identifies the row that each "
            "update and delete replaces; mask other columns",
            f"transforms.{i}.columns",
        )
        for i, transform in enumerate(spec.transforms)
        if isinstance(transform, MaskTransform)
        for column in transform.columns
        if column in keys
    ]


def _check_local_files(path: str) -> list[Problem]:
    """A local (mounted) folder, file or glob: under ``[ai_etl] file_roots`` and there (the folder may
    be empty: files arrive later). Outside the roots and missing get one message (file_roots.py)."""
    from airflow_ai_etl.file_roots import OPTION, FileRootError
    from airflow_ai_etl.transfers.files_to_clickhouse import list_local_files

    try:
        list_local_files(path)
    except FileRootError as exc:
        return [Problem("grounding", str(exc), "source.path")]
    base = path[: min((path.index(c) for c in "*?[" if c in path), default=len(path))]
    if not (os.path.isdir(base) or os.path.isfile(path)):
        message = f"{path} is not a readable file or folder under the allowed file roots ({OPTION})"
        return [Problem("grounding", message, "source.path")]
    return []


def _check_file_source(spec: PipelineSpec, catalog: Catalog) -> list[Problem]:
    """The S3 connection and bucket exist; a workbook opens and has the sheet.

    An S3 prefix may still be empty (files arrive later); the load reports that at run time.
    """
    from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError, parse_s3_path

    conn_id = spec.source.file_conn_id
    if conn_id is not None:
        conn = catalog.connections.get(conn_id)
        if conn is None or conn.engine != "s3":
            what = "does not exist" if conn is None else f"is of type {conn.conn_type!r}, not aws"
            return [Problem("grounding", f"S3 connection {conn_id!r} {what}", "source.conn_id")]
    if spec.source.type == "excel":
        from airflow_ai_etl.hooks.excel import excel_sheet_exists

        error = excel_sheet_exists(spec.source.path, spec.source.sheet, conn_id)  # type: ignore[arg-type]
        return [Problem("grounding", error, "source.path")] if error else []
    if not (spec.source.path or "").startswith(("s3://", "s3a://")):
        return _check_local_files(spec.source.path or "")
    try:
        bucket, _ = parse_s3_path(spec.source.path)  # type: ignore[arg-type]
        if not S3Hook(aws_conn_id=conn_id).bucket_exists(bucket):
            return [Problem("grounding", f"S3 bucket {bucket!r} does not exist ({conn_id})", "source.path")]
    except S3PathError as exc:
        return [Problem("grounding", str(exc), "source.path")]
    except Exception as exc:  # unreachable endpoint, bad credentials: the user must fix the connection
        return [
            Problem("grounding", f"cannot check {spec.source.path} with {conn_id!r}: {exc}", "source.path")
        ]
    return []


def _check_columns(spec: PipelineSpec, table: Table) -> list[Problem]:
    named: list[tuple[str, str]] = [(c, "source.columns") for c in spec.source.columns or []]
    if spec.source.incremental:
        named.append((spec.source.incremental.column, "source.incremental.column"))
    for i, transform in enumerate(spec.transforms):
        columns = getattr(transform, "columns", None) or getattr(transform, "mapping", None) or {}
        named += [(c, f"transforms.{i}.columns") for c in columns]
    named += [(c, "target.keys") for c in spec.target.keys]
    loaded = set(spec.source.columns or table.column_names)
    problems = [
        Problem("grounding", _missing_column(table, name), where)
        for name, where in named
        if table.column(name, exact=True) is None
    ]
    problems += [
        Problem("grounding", f"key column {key!r} is not among the loaded columns", "target.keys")
        for key in spec.target.keys
        if table.column(key, exact=True) is not None and key not in loaded
    ]
    for i, check in enumerate(spec.checks):
        problems += [
            Problem(
                "grounding", f"check column {column!r} is not among the loaded columns", f"checks.{i}.columns"
            )
            for column in check.columns
            if column not in loaded or table.column(column) is None
        ]
    for condition, where in _conditions(spec):
        for column in _condition_columns(condition):
            if table.column(column, exact=True) is None:
                problems.append(Problem("grounding", _missing_column(table, column, in_sql=True), where))
    return problems


def _missing_column(table: Table, name: str, in_sql: bool = False) -> str:
    """`column 'amount' not found in public.Orders`, with the real spelling when only the case differs.

    :param in_sql: the name comes from a condition, where PostgreSQL folds unquoted names to lower
        case: a mixed-case column must be written double-quoted there.
    """
    message = f"column {name!r} not found in {table.qualified_name}"
    variant = table.column(name)
    if variant is None:
        return message
    if in_sql and sql_safety.fold_name(variant.name) != variant.name:
        return f'{message}; did you mean "{variant.name}" (double-quoted)?'
    return f"{message}; did you mean {variant.name if in_sql else repr(variant.name)}?"


# --- gate 3 ----------------------------------------------------------------------------------


def _conditions(spec: PipelineSpec) -> list[tuple[str, str]]:
    found = [(spec.source.where, "source.where")] if spec.source.where else []
    found += [
        (t.condition, f"transforms.{i}.condition")
        for i, t in enumerate(spec.transforms)
        if isinstance(t, FilterTransform)
    ]
    return found


def _condition_columns(condition: str) -> list[str]:
    """The columns a condition reads, as PostgreSQL resolves them (unquoted names fold to lower case)."""
    return sql_safety.condition_columns(condition)


def check_sql_safety(spec: PipelineSpec) -> list[Problem]:
    """Gate 3: a source query is one read-only SELECT; each condition is one allowlisted
    true/false expression over the source's columns (see airflow_ai_etl.sql_safety)."""
    problems = []
    if spec.source.query is not None:
        problems += _check_query(spec.source.query)
    table = spec.source.table if spec.source.query is None else None
    for condition, where in _conditions(spec):
        problems += _check_condition(condition, where, table)
    return problems


def _check_query(query: str) -> list[Problem]:
    return [Problem("sql_safety", message, "source.query") for message in sql_safety.check_query(query)]


def _check_condition(condition: str, where: str, source_table: str | None = None) -> list[Problem]:
    return [
        Problem("sql_safety", message, where)
        for message in sql_safety.check_condition(condition, source_table)
    ]


# --- gate 5 ----------------------------------------------------------------------------------


def check_policy(spec: PipelineSpec) -> list[Problem]:
    """Gate 5: a pipeline never replaces or rewrites its own source."""
    same_place = (
        spec.target.type == "sql"
        and spec.source.type == "sql"
        and spec.source.conn_id == spec.target.conn_id
        and (spec.source.table or "").split(".")[-1] == (spec.target.table or "").split(".")[-1]
    )
    if same_place:
        return [
            Problem(
                "policy",
                "the target is the source table itself; that would destroy the source",
                "target.table",
            )
        ]
    return []


def validate_spec(
    data: dict[str, Any] | PipelineSpec, catalog: Catalog
) -> tuple[PipelineSpec | None, list[Problem]]:
    """Gates 1, 2, 3 and 5 (everything before rendering)."""
    spec, problems = parse_spec(data)
    if spec is None:
        return None, problems
    if spec.source.type == "mart":  # its own gates (airflow_ai_etl.marts.gates); joins come back pinned
        from airflow_ai_etl.marts.gates import check_mart_spec

        return check_mart_spec(spec, catalog)
    return spec, check_sql_safety(spec) + check_policy(spec) + check_grounding(spec, catalog)


# --- gate 4 ----------------------------------------------------------------------------------

_DAGBAG_SCRIPT = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1], safe_mode=False, load_op_links=False)
print(json.dumps({
    "errors": {path: str(err) for path, err in bag.import_errors.items()},
    "dags": {dag_id: sorted(t.task_id for t in dag.tasks) for dag_id, dag in bag.dags.items()},
}))
"""


# What the import subprocess inherits: enough to find Python, the packages and Airflow's config
# file, nothing that carries a secret (connections, variables, cloud credentials, tokens).
_IMPORT_ENV_NAMES = {
    *("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PYTHONPATH", "VIRTUAL_ENV"),
}
_SECRET_MARKERS = ("SECRET", "PASSWORD", "TOKEN", "FERNET", "CONN", "_KEY", "CREDENTIAL")


def import_environment() -> dict[str, str]:
    """The environment of the DagBag subprocess: the allow-listed names, and Airflow's own
    settings except those whose name suggests a secret or a connection."""
    env = {name: value for name, value in os.environ.items() if name in _IMPORT_ENV_NAMES}
    for name, value in os.environ.items():
        if name == "AIRFLOW_HOME" or (
            name.startswith("AIRFLOW__") and not any(marker in name for marker in _SECRET_MARKERS)
        ):
            env[name] = value
    env["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    return env


def check_imports(
    files: dict[str, str], expected_tasks: dict[str, list[str]], timeout: float = IMPORT_TIMEOUT_SECONDS
) -> dict[str, list[Problem]]:
    """Gate 4 for many files at once: each `dag_id -> source` is imported by Airflow's DagBag in a
    subprocess; returns the problems per dag_id (empty list when the file is good).

    A file is imported only after it passes the shape gate: importing runs code, so nothing that
    is not exactly a rendered DAG (literals in the template's shape) is ever imported."""
    results: dict[str, list[Problem]] = {dag_id: check_shape(source) for dag_id, source in files.items()}
    to_import = {dag_id: source for dag_id, source in files.items() if not results[dag_id]}
    if not to_import:
        return results
    with tempfile.TemporaryDirectory(prefix="ai_etl_import_") as folder:
        # File names are numbered, not taken from the dag_id: no name can point outside the folder.
        file_keys = {f"dag_{index}": dag_id for index, dag_id in enumerate(to_import)}
        for name, dag_id in file_keys.items():
            Path(folder, f"{name}.py").write_text(to_import[dag_id], encoding="utf-8", errors="surrogatepass")
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _DAGBAG_SCRIPT, folder],
                capture_output=True, text=True, timeout=timeout, env=import_environment(),
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            message = f"importing the DAG file took longer than {timeout:.0f} s"
            return {**results, **{dag_id: [Problem("import", message)] for dag_id in to_import}}
        try:
            report = json.loads(proc.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            message = f"DagBag import check failed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}"
            return {**results, **{dag_id: [Problem("import", message)] for dag_id in to_import}}
    for path, error in report["errors"].items():
        key = file_keys.get(Path(path).stem, Path(path).stem)
        results.setdefault(key, []).append(Problem("import", error.strip()[-2000:]))
    for dag_id, expected in expected_tasks.items():
        if results.get(dag_id) or dag_id not in to_import:
            continue
        actual = report["dags"].get(dag_id)
        if actual is None:
            results[dag_id].append(Problem("import", f"the file defines no DAG named {dag_id!r}"))
        elif sorted(expected) != actual:
            results[dag_id].append(
                Problem("import", f"the DAG's tasks {actual} differ from the spec's {sorted(expected)}")
            )
    return results
