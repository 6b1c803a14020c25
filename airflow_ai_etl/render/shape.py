"""The shape gate: a DAG file is checked against the renderer's template before anything imports it.

`ast.parse` runs nothing, so this gate can look at any file, including one that was edited by
hand or appended to. A file passes only when it has exactly the template's shape:

    from __future__ import annotations / import datetime / import pendulum /
    from airflow.sdk import DAG   (or `DAG, Asset` in a file that declares assets)
    from <module> import <Operator>          one per line, each from ALLOWED_IMPORTS
    AI_ETL_SPEC = <literal>
    with DAG(<literal keywords>) as dag:     start_date=pendulum.datetime(...), retry_delay=timedelta(...),
                                             schedule=[Asset(uri="..."), ...] (when Asset is imported)
        <var> = <Operator>(<literal keywords>)       inlets=/outlets=[Asset(uri="..."), ...] too
        <var> >> <var>

Anything else (another statement, a name, an attribute, a call, a comprehension, f-string, ...)
is a problem, reported with its line. Importing runs code; parsing and this walk do not.
"""

from __future__ import annotations

import ast

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.outcome import Problem
from airflow_ai_etl.render.renderer import ALLOWED_IMPORTS, ASSET_HEADER, SPEC_VARIABLE

GATE = "shape"
# The header every rendered file starts with, in this order.
_HEADER = [
    "from __future__ import annotations",
    "import datetime",
    "import pendulum",
    "from airflow.sdk import DAG",
]
# Keywords whose value may be a list of Asset(uri="...") calls: the DAG's and the tasks' ones.
_DAG_ASSET_KEYWORDS = frozenset({"schedule"})
_TASK_ASSET_KEYWORDS = frozenset({"inlets", "outlets"})
# Source size past which a file is not looked at (a rendered file is a few KB).
MAX_SOURCE_CHARS = 1_000_000


class _ShapeError(AIETLError):
    def __init__(self, node: ast.AST | None, message: str) -> None:
        line = getattr(node, "lineno", None)
        super().__init__(f"line {line}: {message}" if line else message)


def _is_literal(node: ast.AST) -> bool:
    """Constants, and lists/tuples/dicts of them; a negative number; nothing that runs."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, int, float, bool, type(None)))
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_is_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_literal(k) for k in node.keys) and all(
            _is_literal(v) for v in node.values
        )
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float)
    return False


def _literal(node: ast.AST, what: str) -> None:
    if not _is_literal(node):
        raise _ShapeError(node, f"{what} must be a literal, found {type(node).__name__}")


def _is_call_of(node: ast.AST, module: str, function: str) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and (node.func.value.id, node.func.attr) == (module, function)
    )


def _literal_call(node: ast.Call, what: str) -> None:
    for arg in node.args:
        _literal(arg, f"an argument of {what}")
    for keyword in node.keywords:
        if keyword.arg is None:
            raise _ShapeError(keyword, f"{what} may not take **arguments")
        _literal(keyword.value, f"{what}({keyword.arg}=...)")


def _check_dag_keyword(keyword: ast.keyword, with_assets: bool) -> None:
    value = keyword.value
    if keyword.arg is None:
        raise _ShapeError(keyword, "DAG(...) may not take **arguments")
    if with_assets and keyword.arg in _DAG_ASSET_KEYWORDS and isinstance(value, ast.List):
        _check_asset_list(value, f"DAG({keyword.arg}=...)")
        return
    if keyword.arg == "start_date" and _is_call_of(value, "pendulum", "datetime"):
        _literal_call(value, "pendulum.datetime")  # type: ignore[arg-type]
        return
    if keyword.arg == "default_args" and isinstance(value, ast.Dict):
        for key, item in zip(value.keys, value.values, strict=True):
            if key is None:
                raise _ShapeError(value, "default_args may not unpack a dict")
            _literal(key, "a default_args key")
            if _is_call_of(item, "datetime", "timedelta"):
                _literal_call(item, "datetime.timedelta")  # type: ignore[arg-type]
            else:
                _literal(item, "a default_args value")
        return
    _literal(value, f"DAG({keyword.arg}=...)")


def _check_header(body: list[ast.stmt]) -> tuple[int, bool]:
    """The header's length, and whether it imports Asset (only then may Asset(...) appear)."""
    with_assets = len(body) >= len(_HEADER) and ast.unparse(body[len(_HEADER) - 1]) == ASSET_HEADER
    for index, expected in enumerate(_HEADER):
        if with_assets and index == len(_HEADER) - 1:
            expected = ASSET_HEADER
        if index >= len(body) or ast.unparse(body[index]) != expected:
            found = ast.unparse(body[index])[:80] if index < len(body) else "the end of the file"
            raise _ShapeError(
                body[index] if index < len(body) else None, f"expected {expected!r}, found {found!r}"
            )
    return len(_HEADER), with_assets


def _check_asset_list(node: ast.AST, what: str) -> None:
    """`[Asset(uri="..."), ...]`: a non-empty list of Asset calls, each with exactly one keyword
    argument `uri` whose value is a string constant. Nothing else, not even another literal."""
    if not isinstance(node, ast.List) or not node.elts:
        raise _ShapeError(node, f"{what} must be a list of Asset(uri=...)")
    for item in node.elts:
        if not (
            isinstance(item, ast.Call)
            and isinstance(item.func, ast.Name)
            and item.func.id == "Asset"
            and not item.args
            and len(item.keywords) == 1
            and item.keywords[0].arg == "uri"
            and isinstance(item.keywords[0].value, ast.Constant)
            and type(item.keywords[0].value.value) is str
        ):
            raise _ShapeError(
                item, f'{what} may only hold Asset(uri="..."), found {ast.unparse(item)[:120]!r}'
            )


def _check_imports(body: list[ast.stmt], start: int) -> tuple[int, set[str]]:
    imported: set[str] = set()
    index = start
    while index < len(body) and isinstance(body[index], (ast.ImportFrom, ast.Import)):
        node = body[index]
        if not isinstance(node, ast.ImportFrom) or node.level or len(node.names) != 1 or node.names[0].asname:
            raise _ShapeError(node, f"import not allowed: {ast.unparse(node)[:120]!r}")
        name = node.names[0].name
        if (node.module, name) not in ALLOWED_IMPORTS:
            raise _ShapeError(node, f"import not allowed: {ast.unparse(node)[:120]!r}")
        imported.add(name)
        index += 1
    if not imported:
        raise _ShapeError(body[index] if index < len(body) else None, "no operator is imported")
    return index, imported


def _check_spec(body: list[ast.stmt], index: int) -> int:
    node = body[index] if index < len(body) else None
    if not (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == SPEC_VARIABLE
    ):
        raise _ShapeError(node, f"expected `{SPEC_VARIABLE} = {{...}}` after the imports")
    if not isinstance(node.value, ast.Dict):
        raise _ShapeError(node, f"{SPEC_VARIABLE} must be a dict literal")
    _literal(node.value, SPEC_VARIABLE)
    return index + 1


def _check_dag_block(body: list[ast.stmt], index: int, operators: set[str], with_assets: bool) -> None:
    node = body[index] if index < len(body) else None
    if not isinstance(node, ast.With) or len(node.items) != 1:
        raise _ShapeError(node, "expected one `with DAG(...) as dag:` block after the spec")
    item = node.items[0]
    call = item.context_expr
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "DAG"
        and not call.args
        and isinstance(item.optional_vars, ast.Name)
        and item.optional_vars.id == "dag"
    ):
        raise _ShapeError(node, "expected `with DAG(keyword=...) as dag:`")
    for keyword in call.keywords:
        _check_dag_keyword(keyword, with_assets)
    tasks: set[str] = set()
    for statement in node.body:
        _check_task_statement(statement, operators, tasks, with_assets)
    if not tasks:
        raise _ShapeError(node, "the DAG block defines no task")
    if index + 1 != len(body):
        raise _ShapeError(body[index + 1], "nothing may follow the DAG block")


def _check_task_statement(
    statement: ast.stmt, operators: set[str], tasks: set[str], with_assets: bool
) -> None:
    if isinstance(statement, ast.Assign):
        target, value = statement.targets, statement.value
        if not (
            len(target) == 1
            and isinstance(target[0], ast.Name)
            and isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in operators
        ):
            raise _ShapeError(statement, "a task must be `name = ImportedOperator(keyword=literal, ...)`")
        if value.args:
            raise _ShapeError(statement, "operators take keyword arguments only")
        literal = ast.Call(func=value.func, args=[], keywords=[])
        for keyword in value.keywords:
            if with_assets and keyword.arg in _TASK_ASSET_KEYWORDS:
                _check_asset_list(keyword.value, f"{value.func.id}({keyword.arg}=...)")
            else:
                literal.keywords.append(keyword)
        _literal_call(literal, value.func.id)
        tasks.add(target[0].id)
        return
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.BinOp):
        edge = statement.value
        names = (edge.left, edge.right)
        if isinstance(edge.op, ast.RShift) and all(isinstance(n, ast.Name) and n.id in tasks for n in names):
            return
    raise _ShapeError(statement, f"not allowed in the DAG block: {ast.unparse(statement)[:120]!r}")


def check_shape(source: str) -> list[Problem]:
    """The shape gate: no problems when `source` has exactly the rendered template's shape."""
    if len(source) > MAX_SOURCE_CHARS:
        return [Problem(GATE, f"the file has {len(source):,} characters; a rendered DAG has a few thousand")]
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as exc:  # ValueError: NUL bytes
        return [Problem(GATE, f"the file is not valid Python: {exc}")]
    except (RecursionError, MemoryError):
        return [Problem(GATE, "the file nests too deeply to be a rendered DAG")]
    try:
        index, with_assets = _check_header(tree.body)
        index, operators = _check_imports(tree.body, index)
        index = _check_spec(tree.body, index)
        _check_dag_block(tree.body, index, operators, with_assets)
    except _ShapeError as exc:
        return [Problem(GATE, f"the file does not have the shape of a rendered DAG: {exc}")]
    except RecursionError:
        return [Problem(GATE, "the file nests too deeply to be a rendered DAG")]
    return []
