"""What a new user meets at the edges of `airflow ai-etl`: a bad --catalog file and a closed pipe
give one clear line and exit code 1, never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from airflow_ai_etl import cli
from airflow_ai_etl.catalog import Catalog
from tests.catalogs import shop_catalog

AIRFLOW = str(Path(sys.executable).parent / "airflow")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "No such file or directory"),
        (b"{not json", "it is not JSON (Expecting property name"),
        (b"\xff\xfe", "it is not JSON ('utf-8' codec can't decode byte 0xff"),
        (b"[1, 2]", "it is JSON, but not a catalog snapshot"),
        (b'{"connections": [{"id": "x"}]}', "it is JSON, but not a catalog snapshot"),
    ],
)
def test_a_bad_catalog_snapshot_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, reason: str
) -> None:
    path = tmp_path / "catalog.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SystemExit) as exited:
        cli._load_catalog(str(path), Catalog)
    assert exited.value.code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot plan against the catalog snapshot {path}: {reason}")
    assert err.rstrip().endswith("write one with `airflow ai-etl catalog --json > FILE`")


def test_a_catalog_snapshot_loads(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    assert cli._load_catalog(str(path), Catalog).to_dict() == shop_catalog().to_dict()


def _closed_pipe(command: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run ``command`` with its stdout a pipe whose reader is already gone, like `... | head -0`."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode(errors="replace")
    return process.wait(timeout=300), err


def test_a_command_whose_reader_left_stops_quietly() -> None:
    """The wrapper every command runs in: the command's work is done, the traceback is not printed."""
    script = (
        "import sys; from pathlib import Path; from airflow_ai_etl.cli import _quiet_when_the_reader_leaves\n"
        "def command():\n"
        "    Path(sys.argv[1]).write_text('done')\n"
        "    for _ in range(10000): print('x' * 100)\n"
        "_quiet_when_the_reader_leaves(command)()\n"
    )
    marker = Path(os.environ.get("TMPDIR", "/tmp")) / f"ai-etl-pipe-{os.getpid()}"
    try:
        code, err = _closed_pipe([sys.executable, "-c", script, str(marker)])
        assert marker.read_text() == "done"
    finally:
        marker.unlink(missing_ok=True)
    assert (code, err) == (cli.EXIT_ERROR, "")


def test_airflow_ai_etl_schema_into_a_closed_pipe(tmp_path: Path) -> None:
    """The real command line: `airflow ai-etl schema | head -0` prints no traceback."""
    code, err = _closed_pipe([AIRFLOW, "ai-etl", "schema"], env={**os.environ, "AIRFLOW_HOME": str(tmp_path)})
    assert code == cli.EXIT_ERROR
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_every_command_is_in_the_readme_cli_table() -> None:
    """A new user reads the README's CLI table: every `airflow ai-etl` command has a row there."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## CLI", 1)[1].split("\n\n", 2)[1]
    first_cells = " ".join(row.split(" | ", 1)[0] for row in table.splitlines() if row.startswith("| `"))
    named = set(re.findall(r"[a-z][a-z-]*", first_cells.replace("\\|", " ")))
    [group] = cli.get_cli_commands()
    assert [c.name for c in group.subcommands if c.name not in named] == []
