"""A sentence planned over a demo catalog, with one offline planner per catalog (shared by the planner tests)."""

from __future__ import annotations

import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.spec import PipelineSpec
from tests.catalogs import CATALOGS


@functools.cache
def planner_of(catalog: str) -> OfflinePlanner:
    return OfflinePlanner(CATALOGS[catalog]())


def plan_in(catalog: str, text: str) -> Outcome:
    return planner_of(catalog).plan(text)


def best_cpu_seconds(call: Callable[[], object]) -> float:
    """The CPU seconds ``call`` takes: the best of two runs with the garbage collector paused, so that a full
    collection or a cold cache inside one run cannot make a linear phrasing look quadratic on a busy worker."""
    times = []
    for _ in range(2):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            call()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


def ok_spec(catalog: str, text: str) -> PipelineSpec:
    """The spec of a sentence the planner must answer confidently."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    return outcome.spec


def where_or_asked(catalog: str, text: str, needed: tuple[str, ...]) -> None:
    """Planned with every condition of `needed` in the WHERE, or asked; never planned without one."""
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        where = outcome.spec.source.where or ""  # type: ignore[union-attr]
        assert all(part in where for part in needed), (text, where)
    else:
        assert outcome.status == "needs_clarification", (text, outcome.questions)


def ok(**fields: Any) -> dict[str, Any]:
    """An expected plan: the fields named (dotted names with "__" for "."), the README's defaults for the rest."""
    return {"status": "ok", **{name.replace("__", "."): value for name, value in fields.items()}}


def mart(table: str, measures: list[list[Any]], dims: list[str], **fields: Any) -> dict[str, Any]:
    """An expected mart plan over ``table``: its measures and dimensions, and any other fields named."""
    return ok(
        source__type="mart", source__table=table, mart__measures=measures, mart__dimensions=dims, **fields
    )


@functools.cache
def _run_eval() -> Any:
    """eval/run_eval.py, the scorer the eval uses (it is a script, not a package module)."""
    folder = str(Path(__file__).resolve().parents[1] / "eval")
    sys.path.insert(0, folder)
    try:
        import run_eval
    finally:
        sys.path.remove(folder)
    return run_eval


def wrong_of(catalog: str, text: str, expected: dict[str, Any]) -> list[str]:
    """What the planner gets wrong on one request, scored as the eval scores it: [] when right, the status or
    the wrong fields otherwise."""
    outcome = plan_in(catalog, text)
    if outcome.status != expected["status"]:
        return [f"status {outcome.status}: {outcome.questions or outcome.errors}"]
    if outcome.status != "ok":
        return []
    run_eval = _run_eval()
    case = {"catalog": catalog, "expected": expected}
    got = run_eval.spec_fields(outcome, CATALOGS[catalog]())
    return [f"{name}={got.get(name)!r}" for name in run_eval.wrong_fields(case, got, CATALOGS[catalog]())]
