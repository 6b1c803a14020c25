"""Evaluate the offline planner on eval/cases.jsonl: per-field and whole-request accuracy per language.

Every case names a demo catalog (built from DDL in tests/fixtures, no servers), a request and the
expected status plus the spec fields that matter. For an expected `ok`, fields the case does not
name must have their default (no keys, no filter, target table = source table, mode append for a load of
new rows and replace for a whole-table copy, ...), so a
planner that invents a filter or a mask is caught. `mask` is compared as a set and `source.where`
as a set of AND-ed conditions; everything else exactly.

A *wrong confident answer* is status `ok` when the case expects a question or a refusal, or `ok`
with any field wrong. Usage (from the repository root):

    python eval/run_eval.py [--cases FILE] [--failures] [--json]

Exits non-zero only when the planner crashes on a request.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from airflow_ai_etl.catalog import Catalog  # noqa: E402
from airflow_ai_etl.outcome import Outcome  # noqa: E402
from airflow_ai_etl.planning.offline import OfflinePlanner  # noqa: E402
from tests.catalogs import CATALOGS  # noqa: E402

CASES = Path(__file__).resolve().parent / "cases.jsonl"
# conn_ids a case means when it does not name them: (source postgres, target clickhouse) per catalog.
DEFAULT_CONNS = {"shop": ("pg_shop", "clickhouse_default"), "clinic": ("pg_clinic", "ch_dwh")}
FIELDS = (
    "source.type", "source.conn_id", "source.table", "target.type", "target.conn_id", "target.table",
    "schedule", "timezone", "target.mode", "target.keys", "source.incremental.column", "mask",
    "source.columns", "source.where", "dedupe", "source.path", "source.format", "source.sheet",
)  # fmt: skip
OPTIONAL_FIELDS = {"dedupe", "source.path", "source.format", "source.sheet"}  # compared only when named


@dataclass
class Result:
    case: dict[str, Any]
    status: str
    got: dict[str, Any]
    wrong_fields: list[str]
    seconds: float

    @property
    def expected_status(self) -> str:
        return self.case["expected"]["status"]

    @property
    def right(self) -> bool:
        return self.status == self.expected_status and not self.wrong_fields

    @property
    def wrong_confident(self) -> bool:
        return self.status == "ok" and not self.right


@dataclass
class Summary:
    results: list[Result] = field(default_factory=list)
    crashes: list[tuple[str, str]] = field(default_factory=list)

    def of(self, lang: str | None = None) -> list[Result]:
        return [r for r in self.results if lang is None or r.case["lang"] == lang]

    def whole_accuracy(self, lang: str | None = None) -> float:
        results = self.of(lang)
        return sum(r.right for r in results) / len(results) if results else 0.0

    def field_accuracy(self, lang: str | None = None) -> dict[str, tuple[int, int]]:
        """field -> (right, compared) over the cases that expect `ok` (status over all cases)."""
        counts: dict[str, list[int]] = {"status": [0, 0]}
        for result in self.of(lang):
            counts["status"][0] += result.status == result.expected_status
            counts["status"][1] += 1
            if result.expected_status != "ok" or result.status != "ok":
                continue
            for name in compared_fields(result.case):
                pair = counts.setdefault(name, [0, 0])
                pair[0] += name not in result.wrong_fields
                pair[1] += 1
        return {k: (v[0], v[1]) for k, v in counts.items()}

    def wrong_confident(self, lang: str | None = None) -> list[Result]:
        return [r for r in self.of(lang) if r.wrong_confident]

    def wrong_confident_on_must_not_plan(self) -> list[Result]:
        return [r for r in self.wrong_confident() if r.expected_status != "ok"]

    def p95_ms(self) -> float:
        times = sorted(r.seconds for r in self.results)
        return 1000 * times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def spec_fields(outcome: Outcome) -> dict[str, Any]:
    """The compared fields of a planned spec (empty when there is no spec)."""
    if outcome.spec is None:
        return {}
    spec = outcome.spec.to_json_dict()
    source, target, transforms = spec["source"], spec["target"], spec["transforms"]
    dedupe = [t["columns"] for t in transforms if t["type"] == "dedupe"]
    return {
        "source.type": source["type"],
        "source.conn_id": source["conn_id"],
        "source.table": source["table"],
        "target.type": target["type"],
        "target.conn_id": target["conn_id"],
        "target.table": target["table"],
        "schedule": spec["schedule"],
        "timezone": spec["timezone"],
        "target.mode": target["mode"],
        "target.keys": target["keys"],
        "source.incremental.column": (source["incremental"] or {}).get("column"),
        "mask": [c for t in transforms if t["type"] == "mask" for c in t["columns"]],
        "source.columns": source["columns"],
        "source.where": source["where"],
        "dedupe": dedupe[0] if dedupe else None,
        "source.path": source["path"],
        "source.format": source["format"],
        "source.sheet": source["sheet"],
    }


def expected_fields(case: dict[str, Any]) -> dict[str, Any]:
    """The case's expected fields with the defaults filled in for everything it does not name."""
    expected = dict(case["expected"])
    source_conn, target_conn = DEFAULT_CONNS[case["catalog"]]
    source_type = expected.get("source.type", "sql")
    table = expected.get("source.table")
    defaults = {
        "source.type": "sql",
        "source.conn_id": source_conn if source_type in ("sql", "cdc") else None,
        "source.table": None,
        "target.type": "clickhouse",
        "target.conn_id": target_conn,
        "target.table": table.split(".")[-1] if table else None,
        "timezone": "UTC",
        # A whole table copied again on every run is replaced, new rows (incremental) are appended.
        "target.mode": "append"
        if expected.get("source.incremental.column") or source_type != "sql"
        else "replace",
        "target.keys": [],
        "source.incremental.column": None,
        "mask": [],
        "source.columns": None,
        "source.where": None,
    }
    return {**defaults, **expected}


def compared_fields(case: dict[str, Any]) -> list[str]:
    return [f for f in FIELDS if f not in OPTIONAL_FIELDS or f in case["expected"]]


def _conditions(where: str | None) -> set[str]:
    parts = re.split(r"\s+and\s+", where or "", flags=re.IGNORECASE)
    return {" ".join(p.split()) for p in parts if p.strip()}


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "mask": lambda want, got: set(want or []) == set(got or []),
    "source.where": lambda want, got: _conditions(want) == _conditions(got),
}


def wrong_fields(case: dict[str, Any], got: dict[str, Any]) -> list[str]:
    if not got:
        return []
    want = expected_fields(case)
    wrong = []
    for name in compared_fields(case):
        same = COMPARE.get(name, lambda a, b: a == b)
        if not same(want.get(name), got.get(name)):
            wrong.append(name)
    return wrong


def evaluate(cases: list[dict[str, Any]] | None = None) -> Summary:
    """Plan every case against its catalog and compare."""
    catalogs: dict[str, Catalog] = {name: build() for name, build in CATALOGS.items()}
    planners = {name: OfflinePlanner(catalog) for name, catalog in catalogs.items()}
    summary = Summary()
    for case in cases if cases is not None else load_cases():
        started = time.perf_counter()
        try:
            outcome = planners[case["catalog"]].plan(case["request"])
        except Exception as exc:  # reported, and the exit code says so
            summary.crashes.append((case["id"], f"{type(exc).__name__}: {exc}"))
            continue
        seconds = time.perf_counter() - started
        got = spec_fields(outcome) if outcome.status == "ok" else {}
        wrong = wrong_fields(case, got) if case["expected"]["status"] == "ok" else []
        summary.results.append(Result(case, outcome.status, got, wrong, seconds))
    return summary


def _report(summary: Summary, failures: bool) -> str:
    lines = []
    for lang in ("ru", "en"):
        results = summary.of(lang)
        right = sum(r.right for r in results)
        wrong = len(summary.wrong_confident(lang))
        lines.append(
            f"[{lang}] {len(results)} requests: whole-request accuracy {right}/{len(results)} "
            f"= {summary.whole_accuracy(lang):.1%}; wrong confident answers: {wrong}"
        )
        for name, (ok, total) in summary.field_accuracy(lang).items():
            lines.append(f"    {name:<28} {ok:>4}/{total:<4} {ok / total:.1%}")
    must_not = [r for r in summary.results if r.expected_status != "ok"]
    must_not_wrong = len(summary.wrong_confident_on_must_not_plan())
    lines.append(
        f"[all] {len(summary.results)} requests, whole-request accuracy {summary.whole_accuracy():.1%}; "
        f"wrong confident answers: {len(summary.wrong_confident())} "
        f"(on the {len(must_not)} must-clarify/reject requests: {must_not_wrong}); "
        f"planning p95 {summary.p95_ms():.1f} ms; crashes: {len(summary.crashes)}"
    )
    if failures:
        lines.append("")
        for r in (r for r in summary.results if not r.right):
            tag = "WRONG-CONFIDENT" if r.wrong_confident else "miss"
            detail = ", ".join(f"{f}={r.got.get(f)!r}" for f in r.wrong_fields) or f"status={r.status}"
            lines.append(f"{tag:<15} {r.case['id']:<14} {r.case['request']}\n{'':<31}-> {detail}")
    lines += [f"CRASH {case_id}: {error}" for case_id, error in summary.crashes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--failures", action="store_true", help="list every request that is not fully right")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)
    summary = evaluate(load_cases(args.cases))
    if args.json:
        numbers = {
            lang: {
                "requests": len(summary.of(lang)),
                "whole_request_accuracy": summary.whole_accuracy(lang),
                "fields": summary.field_accuracy(lang),
                "wrong_confident": len(summary.wrong_confident(lang)),
            }
            for lang in ("ru", "en")
        }
        numbers["wrong_confident_on_must_clarify_or_reject"] = len(summary.wrong_confident_on_must_not_plan())
        numbers["p95_ms"] = summary.p95_ms()
        numbers["crashes"] = len(summary.crashes)
        print(json.dumps(numbers, indent=2))
    else:
        print(_report(summary, args.failures))
    return 1 if summary.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
