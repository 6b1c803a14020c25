"""`airflow ai-etl ...` run as a user runs it: the real `airflow` executable in a subprocess.

The catalog comes from a snapshot file (--catalog), so no database server is needed; the
import gate runs Airflow's real DagBag.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import processes
from tests.catalogs import shop_catalog

AIRFLOW = str(Path(sys.executable).parent / "airflow")
SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"
DAG_ID = "sales_pg_shop_to_clickhouse_default"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("airflow_home")
    (home / "dags").mkdir()
    (home / "catalog.json").write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    return home


def _command(home: Path, args: tuple[str, ...]) -> tuple[list[str], dict[str, str]]:
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }
    catalog = (
        ("--catalog", str(home / "catalog.json"))
        if args[0] in ("generate", "validate", "deploy", "rollback")
        else ()
    )
    return [AIRFLOW, "ai-etl", *args, *catalog], env


def run(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    command, env = _command(home, args)
    return subprocess.run(command, env=env, capture_output=True, text=True, input=stdin, timeout=300)


def run_together(home: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess]:
    """Several commands that only read, each its own `airflow ai-etl` process, started at once."""
    return processes.run_together([_command(home, args) for args in commands])


def test_help_lists_every_command(home: Path) -> None:
    result = subprocess.run([AIRFLOW, "ai-etl", "--help"], capture_output=True, text=True, env={
        **os.environ, "AIRFLOW_HOME": str(home)})  # fmt: skip
    assert result.returncode == 0
    for command in (
        "generate",
        "validate",
        "deploy",
        "list",
        "history",
        "diff",
        "rollback",
        "catalog",
        "schema",
    ):
        assert command in result.stdout


def test_schema_prints_the_json_schema(home: Path) -> None:
    result = run(home, "schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "PipelineSpec v1"


def test_generate_without_deploy_prints_the_dag_and_writes_nothing(home: Path) -> None:
    result = run(home, "generate", SENTENCE)
    assert result.returncode == 0, result.stderr
    assert "schedule: 0 2 * * * (Ежедневно в 02:00, UTC)" in result.stdout
    assert "target: clickhouse_default sales (replace)" in result.stdout
    assumed = [line for line in result.stdout.splitlines() if line.startswith("assumed: ")]
    assert len(assumed) == 2 and "Режим replace" in assumed[0] and "Часовой пояс UTC" in assumed[1]
    assert "PostgresToClickHouseOperator(" in result.stdout
    assert not list((home / "dags").glob("*.py"))


def test_unknown_table_exits_2_with_a_question_and_writes_nothing(home: Path) -> None:
    result = run(home, "generate", "Load table foobar from postgres to clickhouse daily", "--deploy")
    assert result.returncode == 2
    assert "question: There is no table 'foobar'" in result.stdout
    assert not list((home / "dags").glob("*.py"))


def test_destructive_request_exits_3(home: Path) -> None:
    result = run(home, "generate", "drop table sales", "--json")
    assert result.returncode == 3
    report = json.loads(result.stdout)
    assert report["status"] == "rejected" and report["spec"] is None
    assert report["errors"][0]["gate"] == "policy"


def test_batch_contract(home: Path) -> None:
    lines = [
        json.dumps({"id": 1, "request": SENTENCE}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": "b", "request": "Выгружать клиентов в ClickHouse"}, ensure_ascii=False),
        json.dumps({"id": 7, "request": "truncate orders"}),
        json.dumps({"id": 8}),
    ]
    result = run(home, "generate", "--batch", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2, "b", 7, 8]
    assert [o["status"] for o in out] == ["ok", "rejected", "needs_clarification", "rejected", "rejected"]
    for o in out:
        assert set(o) == {"id", "status", "spec", "questions", "errors"}
    ok = out[0]["spec"]
    assert (ok["source"]["table"], ok["target"]["conn_id"], ok["schedule"]) == (
        "sales",
        "clickhouse_default",
        "0 2 * * *",
    )
    assert out[2]["questions"] and out[2]["spec"] is None
    assert not list((home / "dags").glob("*.py")), "batch without --deploy must not deploy"


def test_deploy_list_history_diff_rollback(home: Path) -> None:
    first = run(home, "generate", SENTENCE, "--deploy")
    assert first.returncode == 0, first.stderr
    path = home / "dags" / f"{DAG_ID}.py"
    assert "deployed:" in first.stdout and path.exists()
    dry, as_json = run_together(
        home,
        ("generate", SENTENCE.replace("2 часа", "3 часа"), "--deploy", "--dry-run"),
        ("generate", SENTENCE, "--json"),
    )
    assert dry.returncode == 0 and '+    schedule="0 3 * * *",' in dry.stderr
    assert 'schedule="0 2 * * *"' in path.read_text(encoding="utf-8"), "--dry-run wrote the file"

    # A changed spec, deployed from a JSON file, becomes version 2.
    spec = json.loads(as_json.stdout)["spec"]
    spec["schedule"] = "30 3 * * *"
    spec_file = home / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    assert run(home, "validate", str(spec_file)).returncode == 0
    second = run(home, "deploy", str(spec_file))
    assert second.returncode == 0, second.stderr
    assert "(version 2)" in second.stdout
    assert 'schedule="30 3 * * *"' in path.read_text(encoding="utf-8")
    # The same spec again records nothing, and says so instead of "deployed".
    again = run(home, "deploy", str(spec_file))
    assert again.returncode == 0, again.stderr
    assert f"unchanged: {path} already holds version 2; no new version recorded" in again.stdout
    assert "deployed:" not in again.stdout

    listing, history, history_as_text, diff = run_together(
        home, ("list",), ("history", DAG_ID, "--json"), ("history", DAG_ID), ("diff", DAG_ID, "1", "2")
    )
    listed = listing.stdout.splitlines()
    assert listed[0].split() == ["dag_id", "version", "schedule", "state", "deployed_at", "user"]
    assert re.match(rf"{DAG_ID}\s+v2\s+30 3 \* \* \*\s+ok\s", listed[1]), listed
    assert [v["version"] for v in json.loads(history.stdout)] == [2, 1]
    history_text = history_as_text.stdout.splitlines()
    assert history_text[0].split() == ["version", "deployed_at", "user", "action", "request"]
    assert [line.split()[0] for line in history_text[1:]] == ["v2", "v1"]
    assert '-    schedule="0 2 * * *",' in diff.stdout and '+    schedule="30 3 * * *",' in diff.stdout

    rolled = run(home, "rollback", DAG_ID, "1")
    assert rolled.returncode == 0, rolled.stderr
    assert "restored version 1 as version 3" in rolled.stdout
    assert 'schedule="0 2 * * *"' in path.read_text(encoding="utf-8")
    # The deployed file validates on its own, from its embedded spec.
    assert run(home, "validate", str(path)).returncode == 0


def test_refuses_to_overwrite_a_file_it_did_not_write(home: Path) -> None:
    path = home / "dags" / "orders_pg_shop_to_clickhouse_default.py"
    path.write_text("# my own DAG\n", encoding="utf-8")
    request = "copy new orders from Postgres to ClickHouse every hour"
    refused = run(home, "generate", request, "--deploy")
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert path.read_text(encoding="utf-8") == "# my own DAG\n"
    forced = run(home, "generate", request, "--deploy", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "PostgresToClickHouseOperator" in path.read_text(encoding="utf-8")


# --- the batch contract holds for any input (issue #14) ------------------------------------------

ODD_LINES: list[tuple[bytes, object, str, str]] = [  # (line, id out, status, what the reason says)
    (b"\xef\xbb\xbf" + json.dumps({"id": "bom-file", "request": SENTENCE}).encode(), "bom-file", "ok", ""),
    (b"", 2, "rejected", "line 2: blank line"),
    (b"  \t ", 3, "rejected", "line 3: blank line"),
    (b"\xef\xbb\xbf" + json.dumps({"id": "bom-line", "request": "drop table sales"}).encode(), "bom-line",
     "rejected", "Destructive intent"),  # planned: the policy gate answers, not the batch reader
    (b'{"id": "bad-utf8", "request": "load \xff\xfe sales"}', "bad-utf8", "rejected",
     "line 5: not UTF-8 text (byte 0xff at byte 37)"),
    (b'{"id": "surrogate", "request": "load \\ud800 sales"}', "surrogate", "rejected",
     "line 6: the request is not text: a lone surrogate '\\ud800' at character 6"),
    (b'{"id": "\\udfff", "request": "truncate orders"}', 7, "rejected", "truncate"),
    (b"{not json", 8, "rejected", "line 8: not JSON"),
    (b"[1, 2]", 9, "rejected", "line 9: expected a JSON object {\"id\": ..., \"request\": \"...\"}, got an array"),
    (b'"just text"', 10, "rejected", "line 10: expected a JSON object {\"id\": ..., \"request\": \"...\"}, got a string"),
    (b"null", 11, "rejected", "line 11: expected a JSON object {\"id\": ..., \"request\": \"...\"}, got null"),
    (b'{"id": "no-request"}', "no-request", "rejected", "line 12: no 'request' field"),
    (b'{"id": "number", "request": 5}', "number", "rejected", "line 13: 'request' must be a string, not a number"),
    (b'{"id": "nan", "request": NaN}', 14, "rejected", "line 14: not JSON (NaN is not a JSON value)"),
    (json.dumps({"id": "huge", "request": "load " + "a" * 1_000_000}).encode(), "huge", "rejected",
     "1,000,005 characters, at most 2,000"),
    (b'{"id": "crlf", "request": "truncate orders"}\r', "crlf", "rejected", "truncate"),
    (b'{"request": "truncate orders"}', 17, "rejected", "truncate"),
    (b'{"id": null, "request": "truncate orders"}', None, "rejected", "truncate"),
    (b'{"id": "last, no newline", "request": "truncate orders"}', "last, no newline", "rejected", "truncate"),
]  # fmt: skip


def test_batch_answers_every_input_line_whatever_it_holds(home: Path) -> None:
    batch = home / "odd.jsonl"
    batch.write_bytes(b"\n".join(line for line, *_ in ODD_LINES))  # the last line has no newline
    result = subprocess.run(
        [AIRFLOW, "ai-etl", "generate", "--batch", str(batch), "--catalog", str(home / "catalog.json")],
        env={**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__DAGS_FOLDER": str(home / "dags")},
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = [json.loads(line) for line in result.stdout.decode("utf-8").split("\n")[:-1]]  # strict UTF-8
    assert len(out) == len(ODD_LINES)
    assert [o["id"] for o in out] == [expected_id for _, expected_id, _, _ in ODD_LINES]
    assert [o["status"] for o in out] == [status for _, _, status, _ in ODD_LINES]
    for o, (line, _, _, reason) in zip(out, ODD_LINES, strict=True):
        assert set(o) == {"id", "status", "spec", "questions", "errors"}
        messages = " ".join(e["message"] for e in o["errors"])
        assert reason in messages, (line[:80], messages)
    assert out[0]["spec"]["source"]["table"] == "sales"


def test_an_empty_batch_answers_nothing(home: Path) -> None:
    result = run(home, "generate", "--batch", "-", stdin="")
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_a_missing_batch_file_is_a_clear_error(home: Path) -> None:
    result = run(home, "generate", "--batch", str(home / "nope.jsonl"))
    assert result.returncode == 1
    assert "error: cannot read the batch file" in result.stderr and "Traceback" not in result.stderr


def test_a_request_argument_that_is_not_utf8_is_a_clear_error(home: Path) -> None:
    result = subprocess.run(  # the argument's bytes arrive in Python as lone surrogates (surrogateescape)
        [AIRFLOW.encode(), b"ai-etl", b"generate", b"load \xff sales daily", b"--catalog", str(home / "catalog.json").encode()],
        env={**os.environ, "AIRFLOW_HOME": str(home), "LC_ALL": "C.UTF-8"},
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 2, stderr
    assert "error: the request is not UTF-8 text: byte 0xff at character 6" in stderr
    assert "Traceback" not in stderr and result.stdout == b""


PRINTED_FIELDS = {"status", "dag_id", "schedule", "source", "target", "assumed"}


def test_readme_demo_block_matches_the_cli(home: Path) -> None:
    """The README's `make demo` block shows what `generate` really prints for its sentence."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    block = readme.split("## What `make demo` shows", 1)[1].split("```", 2)[1]
    shown = [line for line in block.splitlines() if line.split(":")[0] in PRINTED_FIELDS]
    assert len(shown) == 7
    printed = run(home, "generate", SENTENCE).stdout.splitlines()
    assert [line for line in printed if line.split(":")[0] in PRINTED_FIELDS] == shown


def test_lang_ru_prints_questions_and_errors_in_russian(home: Path) -> None:
    """--lang ru (or [ai_etl] language = ru) prints the report in Russian; JSON keys stay as they are."""
    asked = run(home, "generate", "Load table foobar from postgres to clickhouse daily", "--lang", "ru")
    assert asked.returncode == 2
    assert "вопрос: Таблицы «foobar» нет. Таблицы, которые я вижу:" in asked.stdout
    assert "статус: нужно уточнение" in asked.stdout
    refused = run(home, "generate", "drop table sales", "--json", "--lang", "ru")
    assert refused.returncode == 3
    report = json.loads(refused.stdout)
    assert report["status"] == "rejected"
    assert report["errors"][0]["message"].startswith("Разрушающее действие («drop")
    env = {**os.environ, "AIRFLOW__AI_ETL__LANGUAGE": "ru", "AIRFLOW_HOME": str(home)}
    missing = subprocess.run([AIRFLOW, "ai-etl", "history", "no_such_dag"], env=env, capture_output=True,
                             text=True, timeout=300)  # fmt: skip
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith("ошибка: DAG «no_such_dag» ещё не развёртывался")
