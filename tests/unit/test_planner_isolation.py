"""A request's plan does not depend on what the same planner planned before (no state leaks between requests).

The planner keeps caches on itself (phrase -> tables, words -> columns, connection descriptions ...) and in
module-level lru_caches (word analyses, comment stems ...), and the eval, the tests (tests/planned.py) and a
long-lived web server all plan many requests through one planner per catalog. A cache keyed on less than its
result depends on, or a cached value a caller later mutates, would make an answer depend on the requests before
it. This is the property: for a deterministic sample of each eval file, planning a request with a fresh planner
(and a fresh catalog) gives the same outcome -- status, spec JSON, questions -- as planning it with one planner
per catalog shared across the whole sample in file order, and in reverse order. Module caches are emptied
before each pass, so the passes see them filled in different orders.

First pass (at d5062dd, before any change): 0 of 3 files differed (705 requests of eval/cases.jsonl,
heldout_2026-12-10t and heldout_marts_t planned fresh, forward and reverse with no difference), and
tests/unit/test_planner_probe50.py's ru-except-2 gave the same plan alone and after the whole module.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest

import airflow_ai_etl.planning as planning
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS

EVAL = Path(__file__).resolve().parents[2] / "eval"
# (file, every n-th case): a deterministic sample that keeps the whole test near a minute on an idle machine
SAMPLES = [("cases.jsonl", 3), ("heldout_2026-12-10t.jsonl", 2), ("heldout_marts_t.jsonl", 2)]


def _cases(name: str, every: int) -> list[dict[str, Any]]:
    lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    # a case with deployed pipelines plans against its own catalog (eval/run_eval.py), never a shared planner
    return [case for case in cases if not case.get("deployed")][::every]


def _clear_module_caches() -> None:
    """Empty every lru_cache of the planning modules, as in a fresh process."""
    for info in pkgutil.iter_modules(planning.__path__):
        module = importlib.import_module(f"{planning.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                callable(getattr(value, "cache_clear", None))
                and getattr(value, "__module__", "") == module.__name__
            ):
                value.cache_clear()


def _signature(outcome: Outcome) -> tuple[str, str, tuple[str, ...]]:
    spec = outcome.spec.model_dump(mode="json") if outcome.spec is not None else None
    return outcome.status, json.dumps(spec, sort_keys=True, ensure_ascii=False), tuple(outcome.questions)


def _fresh(cases: list[dict[str, Any]]) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    _clear_module_caches()
    return {c["id"]: _signature(OfflinePlanner(CATALOGS[c["catalog"]]()).plan(c["request"])) for c in cases}


def _shared(cases: list[dict[str, Any]]) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    _clear_module_caches()
    planners: dict[str, OfflinePlanner] = {}
    found = {}
    for case in cases:
        planner = planners.setdefault(case["catalog"], OfflinePlanner(CATALOGS[case["catalog"]]()))
        found[case["id"]] = _signature(planner.plan(case["request"]))
    return found


@pytest.mark.parametrize(("name", "every"), SAMPLES, ids=[name for name, _ in SAMPLES])
def test_a_shared_planner_answers_as_a_fresh_one(name: str, every: int) -> None:
    cases = _cases(name, every)
    fresh = _fresh(cases)
    for order, sequence in (("in file order", cases), ("in reverse order", cases[::-1])):
        shared = _shared(sequence)
        differing = [
            f"{cid}: fresh {fresh[cid][0]}, shared {got[0]}"
            for cid, got in shared.items()
            if got != fresh[cid]
        ]
        assert differing == [], f"{name} {order}: " + "; ".join(differing)
