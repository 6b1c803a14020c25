"""Tests for the DAG deployer: real files in tmp_path, real SQLite, real processes and SIGKILL."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import random
import signal
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from airflow_ai_etl.deploy import DeployError, DeployStore, PipelineSummary, Version

SPAWN = mp.get_context("spawn")
BIG_DAG = "big_pipeline"


def _source(tag: str) -> str:
    """A small, valid-looking DAG file whose content is unique per ``tag``."""
    return f'"""DAG {tag}."""\n\nfrom airflow.sdk import dag\n\nTAG = {tag!r}\n'


def _spec(schedule: str | None = "@daily", **extra: Any) -> dict[str, Any]:
    return {"version": 1, "schedule": schedule, **extra}


def _big_source(tag: str, kib: int = 1024) -> str:
    """~``kib`` KiB of source with a unique first and last line, so a torn write is detectable."""
    line = "................................................"
    body = "".join(f"# filler {tag} {i:08d} {line}\n" for i in range(kib))
    return f"# begin {tag}\n{body}# end {tag}\n"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _leftover_temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "dags", tmp_path / "state"


@pytest.fixture
def store(dirs: tuple[Path, Path]) -> DeployStore:
    return DeployStore(*dirs)


# ---------------------------------------------------------------------- round trips


def test_deploy_writes_file_and_records_version(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    before = datetime.now().astimezone()
    v1 = store.deploy("sales_daily", _source("one"), _spec(), request="load sales daily", user="ann")

    path = dags / "sales_daily.py"
    assert path.read_text("utf-8") == _source("one")
    assert (state / "history.sqlite3").exists()
    assert isinstance(v1, Version)
    assert (v1.dag_id, v1.version, v1.action, v1.note) == ("sales_daily", 1, "deploy", "")
    assert (v1.user, v1.request, v1.spec, v1.source) == ("ann", "load sales daily", _spec(), _source("one"))
    assert v1.path == str(path.resolve()) and Path(v1.path).is_absolute()
    assert v1.sha256 == _sha(path.read_bytes())
    created = datetime.fromisoformat(v1.created_at)
    assert created.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=2) <= created <= datetime.now().astimezone() + timedelta(seconds=2)
    assert _leftover_temps(dags) == []
    assert list((state / "pending").iterdir()) == []


def test_list_history_get_round_trip(store: DeployStore) -> None:
    store.deploy("zeta", _source("z1"), _spec(None), request="zeta once", user="bob")
    store.deploy("alpha", _source("a1"), _spec("0 3 * * *"), request="first", user="ann")
    a2 = store.deploy("alpha", _source("a2"), _spec("@hourly"), request="second", user="cat")

    summaries = store.list()
    assert [s.dag_id for s in summaries] == ["alpha", "zeta"]
    alpha = summaries[0]
    assert isinstance(alpha, PipelineSummary)
    assert (alpha.version, alpha.user, alpha.request, alpha.schedule, alpha.state) == (
        2,
        "cat",
        "second",
        "@hourly",
        "ok",
    )
    assert (alpha.path, alpha.created_at) == (a2.path, a2.created_at)
    assert summaries[1].schedule is None

    history = store.history("alpha")
    assert [v.version for v in history] == [2, 1]
    assert [v.source for v in history] == [_source("a2"), _source("a1")]
    assert store.get("alpha") == a2
    assert store.get("alpha", 1).spec == _spec("0 3 * * *")
    assert store.get("alpha", 1).request == "first"

    with pytest.raises(DeployError, match="no version 7"):
        store.get("alpha", 7)
    with pytest.raises(DeployError, match="never been deployed"):
        store.get("nope")
    with pytest.raises(DeployError, match="never been deployed"):
        store.history("nope")


def test_list_reports_missing_and_modified_files(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    assert store.list() == []
    store.deploy("gone", _source("g"), _spec())
    store.deploy("edited", _source("e"), _spec())
    store.deploy("fine", _source("f"), _spec())
    (dags / "gone.py").unlink()
    (dags / "edited.py").write_text(_source("e") + "# tweak\n", "utf-8")

    states = {s.dag_id: s.state for s in store.list()}
    assert states == {"edited": "modified", "fine": "ok", "gone": "missing"}


def test_diff_between_versions(store: DeployStore) -> None:
    store.deploy("etl", "a = 1\nb = 2\n", _spec())
    store.deploy("etl", "a = 1\nb = 3\n", _spec())
    store.deploy("etl", "a = 1\nb = 3\nc = 4", _spec())

    diff = store.diff("etl", 1)
    assert diff.splitlines()[:2] == ["--- a/etl.py@v1", "+++ b/etl.py@v3"]
    assert "-b = 2\n" in diff and "+b = 3\n" in diff and "+c = 4\n" in diff
    assert "\\ No newline at end of file" in diff

    assert store.diff("etl", 1, 2).splitlines()[:2] == ["--- a/etl.py@v1", "+++ b/etl.py@v2"]
    assert store.diff("etl", 2, 2) == ""
    with pytest.raises(DeployError):
        store.diff("etl", 9)


def test_rollback_writes_old_file_as_new_version(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    store.deploy("etl", _source("v1"), _spec("@daily"), request="daily load", user="ann")
    store.deploy("etl", _source("v2"), _spec("@hourly"), request="hourly load", user="ann")

    v3 = store.rollback("etl", 1, user="ops")

    assert (v3.version, v3.action, v3.note, v3.user) == (3, "rollback", "rollback to v1", "ops")
    assert (v3.source, v3.spec, v3.request) == (_source("v1"), _spec("@daily"), "daily load")
    assert (dags / "etl.py").read_text("utf-8") == _source("v1")
    assert store.diff("etl", 1, 3) == ""
    assert [v.action for v in store.history("etl")] == ["rollback", "deploy", "deploy"]
    assert store.list()[0].state == "ok"
    # Rolling back to what is already deployed changes nothing.
    assert store.rollback("etl", 1) == v3
    with pytest.raises(DeployError):
        store.rollback("etl", 42)


def test_versions_survive_restart(dirs: tuple[Path, Path]) -> None:
    first = DeployStore(*dirs)
    first.deploy("etl", _source("1"), _spec(), request="r1", user="ann")
    first.deploy("etl", _source("2"), _spec(), request="r2", user="ann")
    del first

    second = DeployStore(*dirs)
    v3 = second.deploy("etl", _source("3"), _spec(), request="r3", user="bob")
    assert v3.version == 3
    assert [(v.version, v.request) for v in second.history("etl")] == [(3, "r3"), (2, "r2"), (1, "r1")]
    with sqlite3.connect(dirs[1] / "history.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# ---------------------------------------------------------------------- ownership and no-ops


def test_refuses_hand_written_file_unless_forced(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    dags.mkdir(parents=True, exist_ok=True)
    (dags / "legacy.py").write_text("# written by a human\n", "utf-8")

    with pytest.raises(DeployError, match="--force") as err:
        store.deploy("legacy", _source("ai"), _spec())
    assert "not deployed by the AI ETL assistant" in str(err.value)
    assert (dags / "legacy.py").read_text("utf-8") == "# written by a human\n"
    with pytest.raises(DeployError):
        store.history("legacy")

    forced = store.deploy("legacy", _source("ai"), _spec(), user="admin", force=True)
    assert (forced.version, forced.action, forced.user) == (1, "deploy", "admin")
    assert (dags / "legacy.py").read_text("utf-8") == _source("ai")


def test_refuses_hand_edited_deployed_file_unless_forced(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    store.deploy("etl", _source("v1"), _spec())
    store.deploy("etl", _source("v2"), _spec())
    edited = _source("v2") + "# hotfix by hand\n"
    (dags / "etl.py").write_text(edited, "utf-8")

    with pytest.raises(DeployError, match="changed outside the AI ETL assistant since v2.*--force"):
        store.deploy("etl", _source("v3"), _spec())
    with pytest.raises(DeployError, match="--force"):
        store.rollback("etl", 1)
    assert (dags / "etl.py").read_text("utf-8") == edited
    assert store.get("etl").version == 2

    v3 = store.rollback("etl", 1, force=True)
    assert (v3.version, v3.note) == (3, "rollback to v1")
    assert (dags / "etl.py").read_text("utf-8") == _source("v1")
    # After the forced write the file is ours again: a plain deploy works.
    assert store.deploy("etl", _source("v4"), _spec()).version == 4


def test_deleted_file_can_be_redeployed(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    store.deploy("etl", _source("v1"), _spec())
    (dags / "etl.py").unlink()
    assert store.deploy("etl", _source("v2"), _spec()).version == 2
    assert (dags / "etl.py").read_text("utf-8") == _source("v2")


def test_identical_redeploy_is_a_noop(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    v1 = store.deploy("etl", _source("same"), _spec(), request="first", user="ann")
    again = store.deploy("etl", _source("same"), _spec(), request="ignored", user="bob")
    assert again == v1
    assert [v.version for v in store.history("etl")] == [1]

    # Same content but the file was deleted: the file is put back, still no new version.
    (dags / "etl.py").unlink()
    assert store.deploy("etl", _source("same"), _spec()) == v1
    assert (dags / "etl.py").read_text("utf-8") == _source("same")
    assert store.list()[0].state == "ok"


# ---------------------------------------------------------------------- validation and failures


BAD_DAG_IDS = ["", ".hidden", "..", ".", "../evil", "a/b", "a\\b", "/etc/passwd", "x y", "a\x00b", "тест"]


@pytest.mark.parametrize("dag_id", [*BAD_DAG_IDS, "a" * 201, 5])
def test_invalid_dag_ids_are_rejected(store: DeployStore, tmp_path: Path, dag_id: Any) -> None:
    with pytest.raises(DeployError, match="invalid dag_id"):
        store.deploy(dag_id, _source("x"), _spec())
    with pytest.raises(DeployError, match="invalid dag_id"):
        store.get(dag_id)
    with pytest.raises(DeployError, match="invalid dag_id"):
        store.history(dag_id)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith("history.sqlite3")]
    assert written == []


def test_valid_unusual_dag_ids(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    for dag_id in ("a.b-c_D9", "x", "a..b", "z" * 200):
        store.deploy(dag_id, _source(dag_id), _spec())
        assert (dags / f"{dag_id}.py").read_text("utf-8") == _source(dag_id)


def test_bad_spec_is_rejected(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    with pytest.raises(DeployError):
        store.deploy("etl", _source("x"), {"when": object()})
    with pytest.raises(DeployError):
        store.deploy("etl", _source("x"), ["not", "a", "dict"])  # type: ignore[arg-type]
    assert not (dags / "etl.py").exists()


def _break_recording(state: Path) -> None:
    """Make every INSERT fail inside SQLite, as a full disk or a corrupt page would."""
    with sqlite3.connect(state / "history.sqlite3") as conn:
        conn.execute(
            "CREATE TRIGGER no_inserts BEFORE INSERT ON versions BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )


def test_recording_failure_restores_previous_file(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    store.deploy("etl", _source("v1"), _spec())
    _break_recording(state)

    with pytest.raises(DeployError, match="could not record.*disk full"):
        store.deploy("etl", _source("v2"), _spec())
    assert (dags / "etl.py").read_text("utf-8") == _source("v1")

    # A DAG that had no file before: the new file is removed again.
    with pytest.raises(DeployError, match="could not record"):
        store.deploy("fresh", _source("new"), _spec())
    assert not (dags / "fresh.py").exists()

    assert [v.version for v in store.history("etl")] == [1]
    assert [s.state for s in store.list()] == ["ok"]
    assert _leftover_temps(dags) == []
    assert list((state / "pending").iterdir()) == []
    # Store and folder still agree, so once recording works again a plain deploy goes through.
    with sqlite3.connect(state / "history.sqlite3") as conn:
        conn.execute("DROP TRIGGER no_inserts")
    assert store.deploy("etl", _source("v2"), _spec()).version == 2


def test_stale_temp_files_are_ignored_and_cleaned(store: DeployStore, dirs: tuple[Path, Path]) -> None:
    dags, _ = dirs
    store.deploy("etl", _source("v1"), _spec())
    stale = dags / ".etl.py.0123456789abcdef.tmp"
    stale.write_text("# half a fi", "utf-8")
    other = dags / ".other.py.0123456789abcdef.tmp"
    other.write_text("# not ours to touch in this deploy", "utf-8")

    assert [s.state for s in store.list()] == ["ok"]
    assert [v.version for v in store.history("etl")] == [1]
    store.deploy("etl", _source("v2"), _spec())
    assert not stale.exists()
    assert other.exists()


# ---------------------------------------------------------------------- processes: concurrency and crashes


def _deploy_many(dags: str, state: str, writer: int, count: int, go: Any) -> None:
    """Child process: open its own store and deploy ``count`` distinct versions of one DAG."""
    go.wait(30)
    store = DeployStore(dags, state)
    for i in range(count):
        store.deploy("shared", _source(f"writer {writer} #{i}"), _spec(i=i), user=f"w{writer}")


def test_concurrent_writers_get_gap_free_versions(dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    go = SPAWN.Event()
    procs = [SPAWN.Process(target=_deploy_many, args=(str(dags), str(state), w, 10, go)) for w in range(4)]
    for proc in procs:
        proc.start()
    go.set()  # all children open a fresh store and write at the same time
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0

    store = DeployStore(dags, state)
    history = store.history("shared")
    assert sorted(v.version for v in history) == list(range(1, 41))
    assert len({v.source for v in history}) == 40
    for writer in range(4):
        mine = sorted((v for v in history if v.user == f"w{writer}"), key=lambda v: v.version)
        assert [v.spec["i"] for v in mine] == list(range(10))  # each writer's order is kept
    assert (dags / "shared.py").read_text("utf-8") == history[0].source
    assert store.list()[0].state == "ok"


class _DiesBeforeRecording(DeployStore):
    """Killed after the new file is in place but before its version row is written."""

    def _insert(self, conn: sqlite3.Connection, row: dict[str, Any]) -> int:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")


class _DiesBeforeReplacing(DeployStore):
    """Killed after the intent is saved but before the DAG file is touched."""

    def _write_intent(self, row: dict[str, Any]) -> Path:
        intent = super()._write_intent(row)
        os.kill(os.getpid(), signal.SIGKILL)
        return intent


def _deploy_with(cls: type[DeployStore], dags: str, state: str, source: str) -> None:
    cls(dags, state).deploy("etl", source, _spec(), request="crashing deploy", user="victim")


def _run_and_expect_kill(cls: type[DeployStore], dags: Path, state: Path, source: str) -> None:
    proc = SPAWN.Process(target=_deploy_with, args=(cls, str(dags), str(state), source))
    proc.start()
    proc.join(60)
    assert proc.exitcode == -signal.SIGKILL


def _recorded_versions(state: Path) -> list[int]:
    """Read the history without DeployStore, which would run recovery."""
    with sqlite3.connect(state / "history.sqlite3") as conn:
        return [n for (n,) in conn.execute("SELECT version FROM versions ORDER BY version")]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_crash_after_file_replaced_is_recorded_on_reopen(dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    DeployStore(dags, state).deploy("etl", _source("v1"), _spec())

    _run_and_expect_kill(_DiesBeforeRecording, dags, state, _source("v2"))
    assert (dags / "etl.py").read_text("utf-8") == _source("v2")  # complete, just not recorded yet
    assert _recorded_versions(state) == [1]

    store = DeployStore(dags, state)
    v2 = store.get("etl")
    assert (v2.version, v2.source, v2.user, v2.request) == (2, _source("v2"), "victim", "crashing deploy")
    assert store.list()[0].state == "ok"
    assert list((state / "pending").iterdir()) == []
    assert store.deploy("etl", _source("v3"), _spec()).version == 3


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_crash_before_file_replaced_keeps_old_version(dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    DeployStore(dags, state).deploy("etl", _source("v1"), _spec())

    _run_and_expect_kill(_DiesBeforeReplacing, dags, state, _source("v2"))
    assert (dags / "etl.py").read_text("utf-8") == _source("v1")
    assert any((state / "pending").glob("*.json"))

    store = DeployStore(dags, state)
    assert [v.version for v in store.history("etl")] == [1]
    assert list((state / "pending").iterdir()) == []
    assert store.deploy("etl", _source("v2"), _spec()).version == 2


def _deploy_forever(dags: str, state: str, ready: Any) -> None:
    """Child process: deploy large, distinct versions back to back until killed."""
    store = DeployStore(dags, state)
    ready.set()
    i = 0
    while True:
        i += 1
        store.deploy(BIG_DAG, _big_source(f"{os.getpid()}-{i}"), _spec(i=i), user="crasher")


def _assert_consistent(dags: Path, state: Path) -> int:
    """The store opens, is intact, and the file is exactly the latest recorded version."""
    store = DeployStore(dags, state)
    with sqlite3.connect(state / "history.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    history = store.history(BIG_DAG)
    assert [v.version for v in history] == list(range(len(history), 0, -1))
    content = (dags / f"{BIG_DAG}.py").read_bytes()
    assert _sha(content) == history[0].sha256
    assert content.decode("utf-8") == history[0].source
    assert store.list()[0].state == "ok"
    return len(history)


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_sigkill_during_deploy_never_leaves_a_partial_file(dirs: tuple[Path, Path]) -> None:
    dags, state = dirs
    DeployStore(dags, state).deploy(BIG_DAG, _big_source("initial"), _spec())
    rng = random.Random(20240611)
    counts = [1]
    for _ in range(10):
        ready = SPAWN.Event()
        proc = SPAWN.Process(target=_deploy_forever, args=(str(dags), str(state), ready))
        proc.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join(30)
        assert proc.exitcode == -signal.SIGKILL
        counts.append(_assert_consistent(dags, state))

    assert counts == sorted(counts) and counts[-1] > counts[0]  # the children really did deploy
    # Whatever the kills left behind (temp files, intents) is cleaned by the next deploy.
    store = DeployStore(dags, state)
    final = store.deploy(BIG_DAG, _big_source("final"), _spec())
    assert final.version == counts[-1] + 1
    assert _leftover_temps(dags) == []
    assert list((state / "pending").iterdir()) == []


def test_pending_diff_shows_what_a_deploy_would_change(tmp_path: Path) -> None:
    store = DeployStore(tmp_path / "dags", tmp_path / "state")
    assert store.pending_diff("p", "a = 1\n") == (
        None,
        "--- /dev/null\n+++ b/p.py (new)\n@@ -0,0 +1 @@\n+a = 1\n",
    )
    store.deploy("p", "a = 1\n", {"dag_id": "p"})
    assert store.pending_diff("p", "a = 1\n") == (1, "")
    version, diff = store.pending_diff("p", "a = 2\n")
    assert version == 1 and "-a = 1\n+a = 2\n" in diff and diff.startswith("--- a/p.py@v1")
    assert not list((tmp_path / "dags").glob(".*.tmp")) and store.get("p").version == 1
