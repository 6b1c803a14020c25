"""`airflow ai-etl ...`: the assistant on the command line (registered via get_provider_info's "cli").

`get_cli_commands` runs on every `airflow` invocation, so it only builds argparse metadata;
the commands import the heavy modules when they run. Exit codes: 0 ok, 1 error,
2 needs clarification, 3 rejected.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from airflow_ai_etl.messages import message_of

if TYPE_CHECKING:
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.outcome import Outcome

EXIT_ERROR = 1
EXIT_NOT_TEXT = 2  # a request argument that is not text (undecodable bytes); like a usage error


def get_cli_commands() -> list:
    from airflow.cli.cli_config import ActionCommand, Arg, GroupCommand, lazy_load_command

    def command(name: str) -> Any:
        return _quiet_when_the_reader_leaves(lazy_load_command(f"airflow_ai_etl.cli.{name}_command"))

    json_out = Arg(("--json",), help="Print machine-readable JSON instead of text", action="store_true")
    force = Arg(
        ("--force",),
        help="Overwrite a DAG file the assistant did not write (or that was edited by hand since)",
        action="store_true",
    )
    catalog = Arg(
        ("--catalog",),
        metavar="FILE",
        help="Plan against a catalog snapshot (JSON written by `airflow ai-etl catalog --json`) "
        "instead of reading the Airflow connections",
    )
    dags_folder = Arg(
        ("--dags-folder",), metavar="DIR", help="Write DAG files here instead of [core] dags_folder"
    )
    dag_id = Arg(("dag_id",), help="The pipeline's DAG id (see `airflow ai-etl list`)")
    lang = Arg(
        ("--lang",),
        choices=("en", "ru"),
        help="Language of the messages (questions, errors, results); default: [ai_etl] language (en)",
    )
    subcommands = [
        ActionCommand(
            name="generate",
            help="Turn a request in plain Russian or English into a validated DAG",
            description=textwrap.dedent(
                """\
                Plans the request, checks it against the catalog (connections, tables, columns),
                renders the DAG file and imports it with Airflow's DagBag. Prints the spec, the
                schedule in words and the code; writes the DAG into the dags folder only with
                --deploy. Exit codes: 0 ok, 2 needs clarification (questions printed),
                3 rejected (reasons printed), 1 error.

                --batch FILE reads JSON lines {"id": ..., "request": "..."} and prints one JSON
                line per input: {"id", "status", "spec", "questions", "errors"}; logs go to stderr."""
            ),
            epilog="Example: airflow ai-etl generate "
            '"Загружать продажи из PostgreSQL в ClickHouse ежедневно в 2 часа ночи" --deploy',
            func=command("generate"),
            args=(
                Arg(("request",), nargs="?", help="The request text (omit with --batch)"),
                Arg(
                    ("--deploy",),
                    help="Write the DAG into the dags folder when every check passes",
                    action="store_true",
                ),
                Arg(
                    ("--dry-run",),
                    help="Run every check and show what --deploy would change; write nothing",
                    action="store_true",
                ),
                Arg(("--batch",), metavar="FILE", help="Plan every request of a JSONL file ('-' for stdin)"),
                Arg(
                    ("--strategy",),
                    choices=("offline", "llm", "auto"),
                    default="offline",
                    help="offline: rules only (default, no network); llm: an OpenAI-compatible model, rules "
                    "when it is down; auto: rules first, the model only for what they cannot resolve",
                ),
                Arg(
                    ("--llm-conn-id",),
                    metavar="CONN_ID",
                    help="Connection of the OpenAI-compatible endpoint (default: [ai_etl] llm_conn_id)",
                ),
                Arg(
                    ("--pii",),
                    choices=("mask", "allow"),
                    help="The answer to 'these columns look like personal data - mask them?': mask (md5 "
                    "inside the source) or allow (load as they are); default: [ai_etl] pii_policy (ask)",
                ),
                json_out,
                force,
                catalog,
                dags_folder,
                lang,
            ),  # fmt: skip
        ),
        ActionCommand(
            name="validate",
            help="Run every validation gate on a spec (JSON file) or a DAG file the assistant wrote",
            func=command("validate"),
            args=(
                Arg(("path",), help="A spec .json file or a rendered DAG .py file"),
                json_out,
                catalog,
                lang,
            ),
        ),
        ActionCommand(
            name="deploy",
            help="Validate a spec (JSON file) and deploy its DAG",
            func=command("deploy"),
            args=(Arg(("path",), help="A spec .json file"), json_out, force, catalog, dags_folder, lang),
        ),
        ActionCommand(
            name="list",
            help="List the pipelines the assistant deployed, with version and state",
            func=command("list"),
            args=(json_out, dags_folder),
        ),
        ActionCommand(
            name="history",
            help="Show every version of a pipeline: who, when, request",
            func=command("history"),
            args=(dag_id, json_out, dags_folder, lang),
        ),
        ActionCommand(
            name="diff",
            help="Show the difference between two versions of a pipeline's DAG file",
            func=command("diff"),
            args=(
                dag_id,
                Arg(("old",), type=int, help="The older version number"),
                Arg(("new",), type=int, nargs="?", help="The newer version number (default: latest)"),
                dags_folder,
                lang,
            ),
        ),
        ActionCommand(
            name="rollback",
            help="Restore an older version of a pipeline (recorded as a new version)",
            func=command("rollback"),
            args=(
                dag_id,
                Arg(("version",), type=int, help="The version to restore"),
                force,
                catalog,
                dags_folder,
                lang,
            ),
        ),
        ActionCommand(
            name="catalog",
            help="Show the connections and tables the planner can see",
            func=command("catalog"),
            args=(
                json_out,
                Arg(("--conn-id",), help="Only this connection"),
                Arg(
                    ("--relations",),
                    help="List relations between tables: declared foreign keys and inferred candidates "
                    "(<table>_id names, types, containment on a bounded sample) with evidence and confidence",
                    action="store_true",
                ),
            ),
        ),
        ActionCommand(
            name="preview",
            help="Show the first rows of a mart and how many rows it has, before deploying it",
            description=textwrap.dedent(
                """\
                Plans the request (or reads a spec with --spec), runs every check that comes before
                rendering, then runs the mart's query on its source: ordered by its keys, LIMIT
                --limit rows, stopped after --timeout seconds. Prints the rows and the mart's row count
                (exact, counted under the same time limit; PostgreSQL's plan estimate when the count
                runs out of time). Exit codes as for generate."""
            ),
            func=command("preview"),
            args=(
                Arg(("request",), nargs="?", help="The request text (or give --spec)"),
                Arg(("--spec",), metavar="FILE", help="A spec .json file (or a rendered DAG .py file)"),
                Arg(("--limit",), type=int, default=20, help="Rows to show (default 20)"),
                Arg(("--timeout",), type=float, default=10.0, help="Seconds the query may run (default 10)"),
                json_out,
                catalog,
            ),
        ),
        _scan_pii_command_spec(command, json_out),
        ActionCommand(
            name="runs",
            help="Show a pipeline's last runs: state, duration, rows loaded, check results, and a chart",
            func=command("runs"),
            args=(
                dag_id,
                Arg(("--limit",), type=int, default=20, help="How many runs, newest first (default 20)"),
                json_out,
            ),
        ),
        ActionCommand(
            name="pause",
            help="Pause a pipeline: no new scheduled runs until it is resumed",
            func=command("pause"),
            args=(dag_id,),
        ),
        ActionCommand(
            name="resume",
            help="Resume a paused pipeline",
            func=command("resume"),
            args=(dag_id,),
        ),
        ActionCommand(
            name="trigger",
            help="Start a manual run of a pipeline now, optionally with a run configuration",
            func=command("trigger"),
            args=(
                dag_id,
                Arg(
                    ("--conf",),
                    metavar="JSON",
                    help="The run's configuration, a JSON object (dag_run.conf), "
                    'e.g. \'{"day": "2025-01-31"}\'',
                ),
                json_out,
            ),
        ),
        ActionCommand(
            name="roles",
            help="Let every role with an AI ETL permission find the menu in Airflow's navigation",
            description=textwrap.dedent(
                """\
                Airflow's navigation lists plugin pages only for roles with can_read on Plugins
                (Op, Admin). This grants exactly that to every role holding an AI ETL permission
                (Viewer and User by default), nothing else. --role R --grant read|generate|deploy|
                rollback|audit also gives a role those AI ETL permissions. Nothing is taken away."""
            ),
            epilog="Example: airflow ai-etl roles --role Analysts --grant generate",
            func=command("roles"),
            args=(
                Arg(("--role",), action="append", metavar="ROLE", help="Only this role (repeatable)"),
                Arg(
                    ("--grant",),
                    action="append",
                    choices=("read", "generate", "deploy", "rollback", "audit"),
                    help="AI ETL permissions to add to the --role roles (repeatable)",
                ),
                Arg(("--dry-run",), action="store_true", help="Show what would be granted; change nothing"),
                json_out,
            ),
        ),
        ActionCommand(
            name="schema",
            help="Print the JSON Schema of PipelineSpec v1",
            func=command("schema"),
            args=(),
        ),
    ]
    return [
        GroupCommand(
            name="ai-etl",
            help="AI ETL Assistant: plain-language requests become validated, versioned DAGs",
            subcommands=subcommands,
        )
    ]


def _scan_pii_command_spec(command: Any, json_out: Any) -> Any:
    """`scan-pii CONN TABLE`: the argparse metadata (the command itself is scan_pii_command)."""
    from airflow.cli.cli_config import ActionCommand, Arg

    return ActionCommand(
        name="scan-pii",
        help="Look for personal data in a table: column names, comments and a bounded sample of values",
        description=textwrap.dedent(
            """\
            Reads at most --rows rows of the table's text columns (and of columns whose name or
            comment names personal data) through the connection's hook, in one read-only statement
            cut off after --timeout seconds, and prints each finding with its evidence: the share
            of sampled values that pass the detector (email, phone, SNILS and INN checksums, card
            numbers with Luhn, passport, IBAN mod 97) and what the column's name or comment says.
            Exit codes: 0 scanned (findings or not), 1 error."""
        ),
        func=command("scan_pii"),
        args=(
            Arg(("conn_id",), help="A postgres or clickhouse connection"),
            Arg(("table",), help="`table` or `schema.table`"),
            Arg(
                ("--rows",),
                type=int,
                help="Read at most this many rows (default: [ai_etl] pii_sample_rows, 1000)",
            ),
            Arg(
                ("--timeout",),
                type=float,
                help="Cancel the sampling statement after this many seconds "
                "(default: [ai_etl] pii_sample_timeout, 10)",
            ),
            json_out,
        ),
    )


# --- helpers ---------------------------------------------------------------------------------


def _quiet_when_the_reader_leaves(func: Any) -> Any:
    """Run a command; when its reader goes away (`airflow ai-etl schema | head`), stop quietly
    with exit code 1 instead of a BrokenPipeError traceback. What the command did before it
    printed (a deploy) is done; only the rest of its output is lost."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a pipe is block-buffered: a late EPIPE surfaces here, not at exit
            return result
        except BrokenPipeError:
            # Python flushes stdout again at exit: point it at /dev/null so that cannot fail too.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_ERROR)

    return run


def _assistant(args: argparse.Namespace) -> Assistant:
    from airflow_ai_etl.assistant import Assistant
    from airflow_ai_etl.catalog import Catalog

    catalog = _load_catalog(args.catalog, Catalog) if getattr(args, "catalog", None) else None
    return Assistant(
        catalog=catalog,
        dags_folder=getattr(args, "dags_folder", None),
        strategy=getattr(args, "strategy", None) or "offline",
        llm_conn_id=getattr(args, "llm_conn_id", None),
    )


def _load_catalog(path: str, catalog_class: Any) -> Any:
    """The --catalog snapshot, or one clear error line (a missing file, not JSON, not a snapshot)."""
    try:
        return catalog_class.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as exc:
        reason = exc.strerror or str(exc)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        reason = _say("cli.catalog_file.not_json", error=str(exc))
    except (AttributeError, KeyError, TypeError):  # JSON, but not what `catalog --json` writes
        reason = _say("cli.catalog_file.not_snapshot")
    _fail(_say("cli.catalog_file", path=path, reason=reason))


def _reserve_stdout() -> TextIO:
    """Keep stdout for our JSON: from now on anything else written to it (Airflow's and the
    hooks' log lines, in this process or its children) goes to stderr. Returns the real stdout."""
    sys.stdout.flush()
    real_stdout = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return real_stdout


def _print_json(data: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    out.flush()


# The language of this command's messages: --lang, else [ai_etl] language; None (neither given):
# the planner's messages as it said them (in the request's language), the labels in English.
_language: str | None = None


def _set_language(args: argparse.Namespace) -> str | None:
    """Use ``--lang`` (else ``[ai_etl] language``) for every message this command prints."""
    from airflow_ai_etl.messages import configured_language, normalize

    global _language
    _language = normalize(getattr(args, "lang", None)) or configured_language(default=None)
    return _language


def _say(message_id: str, **fields: Any) -> str:
    """A catalog message in the command's language."""
    from airflow_ai_etl.messages import text

    return text(message_id, _language or "en", **fields)


def _local(message: Any) -> str:
    """A message (catalog or not) in the command's language (as it was said when none was chosen)."""
    from airflow_ai_etl.messages import localize

    return str(message) if _language is None else localize(message, _language)


def _fail(message: str) -> NoReturn:
    sys.stderr.write(_say("cli.failed", message=_local(message)) + "\n")
    sys.exit(EXIT_ERROR)


def _report(outcome: Outcome, as_json: TextIO | None) -> None:
    """Print an outcome: as JSON to `as_json` (the reserved stdout) when given, else as text.

    Questions and errors are in the command's language (JSON keys and statuses stay as they are)."""
    if as_json:
        data = outcome.to_batch_dict(None)
        data.pop("id")
        data["questions"] = [_local(q) for q in outcome.questions]
        data["errors"] = [{**p.to_dict(), "message": _local(p.message)} for p in outcome.errors]
        data.update(
            schedule_description=outcome.schedule_description,
            path=outcome.path,
            version=outcome.version,
            unchanged=outcome.unchanged,
            pii=outcome.pii,
            assumptions=[_local(a) for a in outcome.assumptions],
        )
        _print_json(data, as_json)
        return
    out = sys.stdout
    out.write(_say("cli.status", status=_say(f"outcome.{outcome.status}")) + "\n")
    if outcome.spec:
        spec = outcome.spec
        out.write(_say("cli.dag_id", dag_id=spec.dag_id) + "\n")
        when = spec.schedule or _say(
            "cli.when.on_new_files"
            if spec.on_new_files
            else "cli.when.after_assets"
            if spec.schedule_assets
            else "cli.when.manual"
        )
        description = outcome.schedule_description
        if _language not in (None, "en") and spec.schedule:
            description = _schedule_words(spec.schedule, description)
        out.write(_say("cli.schedule", when=when, description=description, timezone=spec.timezone) + "\n")
        out.write(_say("cli.source", conn_id=spec.source.conn_id, table=spec.source.table) + "\n")
        out.write(
            _say("cli.target", conn_id=spec.target.conn_id, table=spec.target.table, mode=spec.target.mode)
            + "\n"
        )
    for assumption in outcome.assumptions:
        out.write(_say("cli.assumed", assumption=_local(assumption)) + "\n")
    for question in outcome.questions:
        out.write(_say("cli.question", question=_local(question)) + "\n")
    for finding in (outcome.pii or {}).get("findings", []):
        out.write(f"  pii: {finding['column']} ({finding['kind']}): {finding['evidence']}\n")
    if outcome.pii and outcome.pii.get("answer"):
        out.write(f"pii: {outcome.pii['answer']} {', '.join(outcome.pii['columns'])}\n")
    for problem in outcome.errors:
        where = f" [{problem.field}]" if problem.field else ""
        out.write(_say("cli.error", gate=problem.gate, where=where, message=_local(problem.message)) + "\n")
    if outcome.path:
        said = "cli.deployed_unchanged" if outcome.unchanged else "cli.deployed"
        out.write(_say(said, path=outcome.path, version=outcome.version) + "\n")


def _schedule_words(schedule: str, fallback: str) -> str:
    """The schedule in the command's language (the planner describes it in the request's)."""
    from airflow_ai_etl.planning.schedule import describe_schedule

    if _language is None:  # no language chosen: the planner's words, in the request's language
        return fallback
    try:
        return describe_schedule(schedule, _language)
    except Exception:  # a language the describer does not have: keep the planner's words
        return fallback


def _deploy_or_show(assistant: Assistant, outcome: Outcome, args: argparse.Namespace) -> Outcome:
    """Deploy an ok outcome when asked; with --dry-run show the change instead."""
    from airflow_ai_etl.deploy import DeployError

    if outcome.status != "ok" or not (args.deploy or getattr(args, "dry_run", False)):
        return outcome
    try:
        if getattr(args, "dry_run", False):
            sys.stderr.write(_pending_diff(assistant, outcome))
            return outcome
        return assistant.deploy(outcome, force=args.force)
    except DeployError as exc:  # unwritable dags folder, hand-edited file, ...: one line, no traceback
        _fail(message_of(exc))
        raise  # unreachable; keeps type checkers calm


def _pending_diff(assistant: Assistant, outcome: Outcome) -> str:
    dag_id = outcome.spec.dag_id  # type: ignore[union-attr]
    _, diff = assistant.store.pending_diff(dag_id, outcome.source_code)
    return diff or f"{dag_id}: no change\n"


# --- commands --------------------------------------------------------------------------------


def generate_command(args: argparse.Namespace) -> None:
    """Plan a request (or a JSONL batch), validate it and optionally deploy it."""
    _set_language(args)
    if args.batch:
        _generate_batch(args)
        return
    if not args.request:
        _fail(_say("cli.no_request"))
    undecodable = _not_text(args.request)
    if undecodable:  # bytes the terminal's encoding could not decode arrive as lone surrogates
        sys.stderr.write(f"error: the request is not UTF-8 text: {undecodable}\n")
        sys.exit(EXIT_NOT_TEXT)
    json_out = _reserve_stdout() if args.json else None
    assistant = _assistant(args)
    outcome = _deploy_or_show(assistant, assistant.generate(args.request, pii=args.pii), args)
    _report(outcome, json_out)
    if outcome.pii and "answer" not in outcome.pii:
        sys.stderr.write(_say("cli.pii_answer_hint") + "\n")
    if not args.json and outcome.source_code and not outcome.path:
        sys.stdout.write("\n" + outcome.source_code)
    sys.exit(outcome.exit_code)


def _not_text(text: str) -> str:
    """Why ``text`` cannot be written as UTF-8 (it holds a lone surrogate), or "" when it can."""
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            if char >= "\udc80":  # surrogateescape: Python's stand-in for an undecodable byte
                return f"byte 0x{ord(char) - 0xDC00:02x} at character {index + 1} (a lone surrogate {char!a})"
            return f"a lone surrogate {char!a} at character {index + 1}"
    return ""


# One output line per input line, whatever the line holds: the JSON Lines input is split on b"\n"
# only and each line is decoded on its own, so a bad line is answered (rejected, with the reason)
# and never stops or shifts the others.
_BOM = b"\xef\xbb\xbf"


def _generate_batch(args: argparse.Namespace) -> None:
    out = _reserve_stdout()
    try:
        if args.batch == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.batch, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        _fail(f"cannot read the batch file {args.batch}: {exc.strerror or exc}")
        raise  # unreachable; keeps type checkers calm
    lines = data.split(b"\n")
    if lines[-1] == b"":  # the newline that ends the last line does not start another one
        lines.pop()
    items = [_batch_item(number, line) for number, line in enumerate(lines, start=1)]
    assistant = _assistant(args)
    outcomes = iter(
        assistant.generate_many([request for _, request, _ in items if request is not None], pii=args.pii)
    )
    from airflow_ai_etl.outcome import Outcome

    for request_id, request, error in items:
        if request is None:
            outcome = Outcome.reject("schema", f"invalid batch line: {error}")
        else:
            outcome = _deploy_in_batch(assistant, next(outcomes), args)
        line = json.dumps(outcome.to_batch_dict(request_id), ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # never lose the line: escape what UTF-8 cannot hold
            line = json.dumps(outcome.to_batch_dict(request_id))
        out.write(line + "\n")
        out.flush()


def _batch_item(number: int, raw: bytes) -> tuple[Any, str | None, str]:
    """One input line as (id, request, error): ``request`` is None and ``error`` says why when the
    line cannot be planned. The id is the line's own when it has a usable one, else ``number``."""
    raw = raw.removesuffix(b"\r").removeprefix(_BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Still answer with the line's id when the rest of it is readable.
        return (
            _line_id(raw.decode("utf-8", errors="replace"), number),
            None,
            f"line {number}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1})",
        )
    if not text.strip():
        return number, None, f"line {number}: blank line, expected {_LINE_SHAPE}"
    try:
        item = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        return number, None, f"line {number}: not JSON ({exc}), expected {_LINE_SHAPE}"
    if not isinstance(item, dict):
        return number, None, f"line {number}: expected a JSON object {_LINE_SHAPE}, got {_json_type(item)}"
    request_id = _line_id(text, number, item)
    if "request" not in item:
        return request_id, None, f"line {number}: no 'request' field, expected {_LINE_SHAPE}"
    request = item["request"]
    if not isinstance(request, str):
        return request_id, None, f"line {number}: 'request' must be a string, not {_json_type(request)}"
    undecodable = _not_text(request)
    if undecodable:
        return request_id, None, f"line {number}: the request is not text: {undecodable}"
    return request_id, request, ""


_LINE_SHAPE = '{"id": ..., "request": "..."}'


def _line_id(text: str, number: int, item: Any = None) -> Any:
    """The id a line gives, when it gives one that can be written back as UTF-8 JSON; else ``number``."""
    if item is None:
        try:
            item = json.loads(text, parse_constant=_no_constant)
        except ValueError:
            return number
    if not isinstance(item, dict) or "id" not in item:
        return number
    try:
        json.dumps(item["id"], ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return number
    return item["id"]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _json_type(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _deploy_in_batch(assistant: Assistant, outcome: Outcome, args: argparse.Namespace) -> Outcome:
    """_deploy_or_show for one batch line: a deploy that fails is that line's rejection, and the
    batch goes on."""
    from airflow_ai_etl.outcome import Outcome, Problem

    if outcome.status != "ok" or not (args.deploy or args.dry_run):
        return outcome
    try:
        if args.dry_run:
            sys.stderr.write(_pending_diff(assistant, outcome))
            return outcome
        return assistant.deploy(outcome, force=args.force)
    except Exception as exc:
        return Outcome("rejected", spec=outcome.spec, errors=[Problem("deploy", f"not deployed: {exc}")])


def _read_text(path: str) -> str:
    """A spec or DAG file's text, or a clear error (exit 2) for what cannot be read as one."""
    file = Path(path)
    if file.is_dir():
        _fail(f"{path} is a directory; give a spec (.json) or a DAG file (.py)")
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"{path} does not exist")
    except UnicodeDecodeError as exc:
        _fail(f"{path} is not UTF-8 text: {exc.reason} at byte {exc.start}")
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")


def _load_spec(path: str) -> dict[str, Any]:
    """The spec of a .json file, or the embedded spec of a DAG file that passes the shape gate."""
    text = _read_text(path)
    if path.endswith(".py"):
        from airflow_ai_etl.render.renderer import read_embedded_spec
        from airflow_ai_etl.render.shape import check_shape

        problems = check_shape(text)
        if problems:
            _fail(f"{path}: {problems[0].message}")
        return read_embedded_spec(text)  # type: ignore[return-value]
    try:
        data = json.loads(text)
    except ValueError as exc:
        _fail(f"{path} is not JSON: {exc}")
        raise
    if not isinstance(data, dict):
        _fail(f"{path} holds a JSON {type(data).__name__}, not a spec object")
    return data


def validate_command(args: argparse.Namespace) -> None:
    """Run every gate on a spec file or a rendered DAG file."""
    _set_language(args)
    json_out = _reserve_stdout() if args.json else None
    assistant = _assistant(args)
    if args.path.endswith(".py"):
        outcome = assistant.check_file(_read_text(args.path))
    else:
        outcome = assistant.check(_load_spec(args.path))
    _report(outcome, json_out)
    sys.exit(outcome.exit_code)


def deploy_command(args: argparse.Namespace) -> None:
    """Validate a spec file and deploy it."""
    _set_language(args)
    json_out = _reserve_stdout() if args.json else None
    assistant = _assistant(args)
    args.deploy = True
    outcome = _deploy_or_show(assistant, assistant.check(_load_spec(args.path)), args)
    _report(outcome, json_out)
    sys.exit(outcome.exit_code)


def list_command(args: argparse.Namespace) -> None:
    """List deployed pipelines."""
    from dataclasses import asdict

    from airflow_ai_etl.deploy import DeployError

    try:
        rows = _assistant(args).store.list()
    except DeployError as exc:
        _fail(str(exc))
    if args.json:
        _print_json([asdict(r) for r in rows])
        return
    if not rows:
        sys.stdout.write('No pipelines deployed yet. Try: airflow ai-etl generate "..." --deploy\n')
        return
    _print_table(
        ("dag_id", "version", "schedule", "state", "deployed_at", "user"),
        [(r.dag_id, f"v{r.version}", r.schedule or "manual", r.state, r.created_at, r.user) for r in rows],
    )


def _print_table(headers: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
    """Aligned columns under a header line, as `airflow dags list --output plain` prints them."""
    from tabulate import tabulate  # type: ignore[import-untyped]

    sys.stdout.write(tabulate(rows, headers=headers, tablefmt="plain", disable_numparse=True) + "\n")


def history_command(args: argparse.Namespace) -> None:
    """Show every version of a pipeline."""
    from dataclasses import asdict

    from airflow_ai_etl.deploy import DeployError

    _set_language(args)
    try:
        versions = _assistant(args).store.history(args.dag_id)
    except DeployError as exc:
        _fail(message_of(exc))
    if args.json:
        _print_json([{k: v for k, v in asdict(ver).items() if k != "source"} for ver in versions])
        return
    _print_table(
        ("version", "deployed_at", "user", "action", "request"),
        [
            (f"v{v.version}", v.created_at, v.user, v.action + (f" ({v.note})" if v.note else ""), v.request)
            for v in versions
        ],
    )


def diff_command(args: argparse.Namespace) -> None:
    """Show a unified diff between two versions."""
    from airflow_ai_etl.deploy import DeployError

    _set_language(args)
    try:
        sys.stdout.write(
            _assistant(args).store.diff(args.dag_id, args.old, args.new) or _say("cli.no_difference") + "\n"
        )
    except DeployError as exc:
        _fail(message_of(exc))


def rollback_command(args: argparse.Namespace) -> None:
    """Restore an older version."""
    from airflow_ai_etl.deploy import DeployError

    _set_language(args)
    try:
        version = _assistant(args).rollback(args.dag_id, args.version, force=args.force)
    except (DeployError, ValueError) as exc:
        _fail(message_of(exc))
    sys.stdout.write(
        _say("cli.restored", dag_id=args.dag_id, old=args.version, new=version.version, path=version.path)
        + "\n"
    )


def catalog_command(args: argparse.Namespace) -> None:
    """Show connections and tables."""
    from airflow_ai_etl.catalog import load_catalog

    json_out = _reserve_stdout() if args.json else None
    catalog = load_catalog([args.conn_id] if args.conn_id else None)
    if args.conn_id:
        catalog.connections = {k: v for k, v in catalog.connections.items() if k == args.conn_id}
        if not catalog.connections:
            _fail(f"connection {args.conn_id!r} does not exist")
    if args.relations:
        _print_relations(catalog, json_out)
        return
    if args.json:
        _print_json(catalog.to_dict(), json_out)
        return
    for conn in catalog.connections.values():
        sys.stdout.write(f"{conn.conn_id} ({conn.conn_type}) {conn.description}\n")
        if conn.conn_id in catalog.errors:
            sys.stdout.write(f"  cannot read tables: {catalog.errors[conn.conn_id]}\n")
        for table in catalog.tables_of(conn.conn_id):
            key = f" key({', '.join(table.primary_key)})" if table.primary_key else ""
            cols = ", ".join(f"{c.name} {c.type}" for c in table.columns)
            sys.stdout.write(f"  {catalog.display_name(conn.conn_id, table)}{key}: {cols}\n")


def roles_command(args: argparse.Namespace) -> None:
    """Grant what the menu needs to the roles (see permissions.setup_roles)."""
    try:
        from airflow.providers.fab.auth_manager.cli_commands.utils import get_application_builder
    except ImportError:
        _fail("the FAB provider is not installed (pip install apache-airflow-providers-fab)")
    from airflow_ai_etl.web.permissions import setup_roles

    json_out = _reserve_stdout() if args.json else None
    try:
        with get_application_builder() as appbuilder:
            granted = setup_roles(appbuilder.sm, args.role, args.grant, dry_run=args.dry_run)
    except ValueError as exc:
        _fail(str(exc))
    if json_out:
        rows = [{"role": r, "action": a, "resource": res} for r, a, res in granted]
        _print_json({"dry_run": args.dry_run, "granted": rows}, json_out)
        return
    verb = "would grant" if args.dry_run else "granted"
    for role, action, resource in granted:
        sys.stdout.write(f"{role}: {verb} {action} on {resource}\n")
    if not granted:
        sys.stdout.write("Nothing to grant: every role with an AI ETL permission can find the menu.\n")


def pause_command(args: argparse.Namespace) -> None:
    """Pause a DAG (Airflow's own `dags pause` path)."""
    _set_paused(args.dag_id, True)


def resume_command(args: argparse.Namespace) -> None:
    """Resume a DAG (Airflow's own `dags unpause` path)."""
    _set_paused(args.dag_id, False)


def _set_paused(dag_id: str, paused: bool) -> None:
    from airflow_ai_etl.runs import RunError, set_paused

    try:
        was_paused = set_paused(dag_id, paused)
    except RunError as exc:
        _fail(str(exc))
    word = "paused" if paused else "resumed"
    note = "" if was_paused != paused else f" (it was already {'paused' if paused else 'running'})"
    sys.stdout.write(f"{dag_id}: {word}{note}\n")


def trigger_command(args: argparse.Namespace) -> None:
    """Create a manual run (Airflow's own `dags trigger` path)."""
    from airflow_ai_etl.runs import RunError, parse_conf, trigger

    json_out = _reserve_stdout() if args.json else None
    try:
        run = trigger(args.dag_id, parse_conf(args.conf), user=_current_user(), source="cli")
    except RunError as exc:
        _fail(str(exc))
    if json_out:
        _print_json(run, json_out)
        return
    sys.stdout.write(f"{run['dag_id']}: run {run['run_id']} created ({run['state']})\n")
    if run["paused"]:
        sys.stdout.write(
            f"note: {run['dag_id']} is paused; the run starts after `airflow ai-etl resume {run['dag_id']}`\n"
        )


def _current_user() -> str:
    from airflow_ai_etl.assistant import current_user

    return current_user()


def preview_command(args: argparse.Namespace) -> None:
    """Plan (or read) a mart and show its first rows and its row estimate."""
    from airflow_ai_etl.assistant import _failed
    from airflow_ai_etl.marts.gates import mart_of
    from airflow_ai_etl.marts.preview import preview_mart
    from airflow_ai_etl.marts.resolve import resolve_mart
    from airflow_ai_etl.validation import validate_spec

    if not args.request and not args.spec:
        _fail('give the request text or --spec FILE, e.g. airflow ai-etl preview "revenue by region and day"')
    if not 1 <= args.limit <= 1000:
        _fail("--limit must be between 1 and 1000")
    json_out = _reserve_stdout() if args.json else None
    assistant = _assistant(args)
    if args.spec:
        data: Any = _load_spec(args.spec)
    else:
        planned = assistant.planner.plan(args.request)
        if planned.status != "ok" or planned.spec is None:
            _report(planned, json_out)
            sys.exit(planned.exit_code)
        data = planned.spec
    spec, problems = validate_spec(data, assistant.catalog)
    if problems or spec is None:
        outcome = _failed(spec, problems)
        _report(outcome, json_out)
        sys.exit(outcome.exit_code)
    if spec.source.type != "mart":
        _fail(
            f"preview shows marts; this request is a {spec.source.type} load of "
            f"{spec.source.table or spec.source.path}"
        )
    try:
        preview = preview_mart(
            resolve_mart(mart_of(spec), assistant.catalog), limit=args.limit, timeout_seconds=args.timeout
        )
    except Exception as exc:  # the query failed or timed out on the source: say so, write nothing
        _fail(f"the mart query failed on {spec.source.conn_id}: {str(exc).strip()}")
        raise
    if json_out:
        _print_json({"status": "ok", "spec": spec.to_json_dict(), **preview.to_dict()}, json_out)
        return
    written_to = (
        spec.target.path if spec.target.type == "excel" else f"{spec.target.conn_id} {spec.target.table}"
    )  # an exported mart goes to its workbook
    sys.stdout.write(f"mart: {spec.source.conn_id} {spec.source.table} -> {written_to}\n")
    sys.stdout.write(preview.sql + "\n\n" + preview.as_text())


def _print_relations(catalog: Any, json_out: TextIO | None) -> None:
    """Relations of every connection with tables, measured on PostgreSQL samples."""
    from airflow_ai_etl.relations import discover_relations

    relations = discover_relations(catalog, [c for c in catalog.connections if c in catalog.tables])
    if json_out:
        _print_json([r.to_dict() for r in relations], json_out)
        return
    for conn_id in catalog.connections:
        if conn_id in catalog.errors:
            sys.stdout.write(f"{conn_id}: cannot read tables: {catalog.errors[conn_id]}\n")
        found = [r for r in relations if r.conn_id == conn_id]
        if not found:
            continue
        sys.stdout.write(f"{conn_id}\n")
        for r in sorted(found, key=lambda r: (-r.confidence, r.label)):
            sys.stdout.write(f"  {r.label}  {r.kind}  confidence {r.confidence:.2f}\n")
            for sentence in r.evidence:
                sys.stdout.write(f"      {sentence}\n")


def schema_command(args: argparse.Namespace) -> None:
    """Print the PipelineSpec JSON Schema."""
    from airflow_ai_etl.spec import json_schema

    _print_json(json_schema())


def scan_pii_command(args: argparse.Namespace) -> None:
    """Print the personal data found in one table."""
    from airflow_ai_etl.quality.pii import KIND_LABELS, PiiScanError, sampling_settings, scan_table

    json_out = _reserve_stdout() if args.json else None
    rows, timeout = sampling_settings()
    rows = args.rows if args.rows is not None else rows
    timeout = args.timeout if args.timeout is not None else timeout
    if rows < 1 or timeout <= 0:
        _fail("--rows must be at least 1 and --timeout positive")
    try:
        scan = scan_table(args.conn_id, args.table, sample_rows=rows, timeout_seconds=timeout)
    except PiiScanError as exc:
        _fail(str(exc))
    if json_out:
        _print_json(scan.to_dict(), json_out)
        return
    out = sys.stdout
    out.write(
        f"{args.conn_id} {scan.table}: {scan.rows_read} rows sampled (at most {scan.sample_rows}), "
        f"columns sampled: {', '.join(scan.columns_sampled) or 'none'}\n"
    )
    if not scan.findings:
        out.write("no personal data found\n")
    width = max((len(f.column) for f in scan.findings), default=0)
    for finding in scan.findings:
        label = KIND_LABELS[finding.kind][0]
        out.write(f"  {finding.column:<{width}}  {label}: {finding.evidence}\n")


def runs_command(args: argparse.Namespace) -> None:
    """Print a pipeline's last runs from Airflow's records, with rows and durations as charts."""
    from airflow_ai_etl.quality.runs import pipeline_runs, sparkline

    json_out = _reserve_stdout() if args.json else None
    if args.limit < 1:
        _fail("--limit must be at least 1")
    try:
        records = pipeline_runs(args.dag_id, args.limit)
    except Exception as exc:  # no metadata database, an old schema, ...
        _fail(f"cannot read the runs of {args.dag_id}: {exc}")
    if json_out:
        _print_json([r.to_dict() for r in records], json_out)
        return
    out = sys.stdout
    if not records:
        out.write(f"{args.dag_id}: no runs yet\n")
        return
    for r in records:
        duration = f"{r.duration_seconds:.1f}s" if r.duration_seconds is not None else "-"
        rows = str(r.rows) if r.rows is not None else "-"
        checks = ", ".join(f"{c.task_id}={_check_word(c)}" for c in r.checks)
        out.write(f"{r.run_after[:19]}  {r.state:<8} {duration:>8}  rows {rows:>10}  {checks}\n")
    oldest_first = list(reversed(records))
    out.write(f"rows per run (oldest -> newest):     {sparkline([r.rows for r in oldest_first])}\n")
    out.write(
        f"duration per run (oldest -> newest): {sparkline([r.duration_seconds for r in oldest_first])}\n"
    )


def _check_word(check: Any) -> str:
    """ok, WARN (a warn check that did not hold), or the task's state (failed, upstream_failed)."""
    if check.passed and check.state == "success":
        return "ok"
    if check.passed is False and check.state == "success":
        return "WARN"
    return check.state or "-"
