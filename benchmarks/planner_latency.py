"""Offline planner latency benchmark (`make bench-planner`; not part of `make test`).

Plans every request of the evaluation sets (eval/cases.jsonl, eval/heldout_*.jsonl, eval/perturbed.jsonl)
against its demo catalog, in one process, and prints:
  - cold start: the first request, including loading the pymorphy3 dictionaries;
  - p50 / p95 / max per request with the grammar (lexer + morphology + rules) the first time its text is
    planned (word analyses of earlier requests are cached, as in a running process), and the median of
    --repeat plans;
  - the same with the grammar families switched off (AI_ETL_GRAMMAR_OFF), measured in the same run,
    and the ratio: what reading words as words costs.
Target (issue 15): p95 under 100 ms including morphology. Exits 1 when the p95 is over it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from airflow_ai_etl.planning import grammar, lexer  # noqa: E402
from airflow_ai_etl.planning.offline import OfflinePlanner  # noqa: E402
from tests.catalogs import CATALOGS  # noqa: E402

TARGET_P95_MS = 100.0


def _requests() -> list[tuple[str, str]]:
    first_pass = json.loads((ROOT / "eval" / "first_pass.json").read_text(encoding="utf-8"))
    heldout = [p for p in sorted((ROOT / "eval").glob("heldout_*.jsonl")) if p.name in first_pass]
    files = [ROOT / "eval" / "cases.jsonl", *heldout]  # the load and mart batches with a first pass
    if (ROOT / "eval" / "perturbed.jsonl").exists():
        files.append(ROOT / "eval" / "perturbed.jsonl")
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                out.append((case["catalog"], case["request"]))
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(
    planners: dict[str, OfflinePlanner], requests: list[tuple[str, str]], repeat: int
) -> tuple[list[float], list[float]]:
    """(first plan of each request: its text never seen before, median of `repeat` plans) in ms."""
    first, median = [], []
    for catalog, text in requests:
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            planners[catalog].plan(text)
            runs.append(time.perf_counter() - started)
        first.append(1000 * runs[0])
        median.append(1000 * statistics.median(runs))
    return first, median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="plans per request (median taken)")
    args = parser.parse_args(argv)
    requests = _requests()
    planners = {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}

    lexer._morph.cache_clear()
    started = time.perf_counter()
    planners[requests[0][0]].plan(requests[0][1])
    cold = 1000 * (time.perf_counter() - started)

    on_first, on = _measure(planners, requests, args.repeat)
    os.environ["AI_ETL_GRAMMAR_OFF"] = ",".join(grammar.FAMILIES)
    _, off = _measure(planners, requests, args.repeat)
    del os.environ["AI_ETL_GRAMMAR_OFF"]

    p95_on, p95_off = _percentile(on_first, 0.95), _percentile(off, 0.95)
    print(f"{len(requests)} requests, {args.repeat} runs each (median per request)")
    print(f"cold start (first request, dictionaries loaded): {cold:.0f} ms")
    rows = [
        ("grammar on, first sight of each text", on_first),
        ("grammar on, repeated", on),
        ("grammar off, repeated", off),
    ]
    for label, values in rows:
        p50, p95 = _percentile(values, 0.5), _percentile(values, 0.95)
        print(f"{label:<38} p50 {p50:5.1f} ms  p95 {p95:5.1f} ms  max {max(values):5.1f} ms")
    verdict = "met" if p95_on < TARGET_P95_MS else "NOT met"
    print(f"p95 ratio (on, first sight) / (off, repeated): {p95_on / p95_off:.2f}")
    print(f"target p95 < {TARGET_P95_MS:.0f} ms including morphology: {verdict}")
    return 0 if p95_on < TARGET_P95_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
