"""Shadow comparison of planner rule families: every eval set planned with a family on and off.

    python eval/shadow.py [--family clock] [--sets main,heldout,perturbed]

For each family of :mod:`airflow_ai_etl.planning.grammar` (destroy, clock, freq, weekday, mode), the
requests whose answer changes when the family is switched off (AI_ETL_GRAMMAR_OFF) are printed with both
answers and which one is right, and per set: right answers and wrong confident answers with and without it.
A family is switched when it is at least as good on every set with 0 wrong confident answers; its old
table is then deleted, so after a switch "off" shows what is left without the family, not the old table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from airflow_ai_etl.planning.grammar import FAMILIES  # noqa: E402
from eval.run_eval import (  # noqa: E402
    CASES,
    FIRST_PASS,
    PERTURBED,
    Result,
    evaluate,
    heldout_files,
    load_cases,
)


def _answer(r: Result) -> str:
    if r.status != "ok":
        return r.status
    return "ok" + (
        f" (wrong: {', '.join(f'{f}={r.got.get(f)!r}' for f in r.wrong_fields)})" if r.wrong_fields else ""
    )


def _run(cases: list[dict], off: str) -> list[Result]:
    os.environ["AI_ETL_GRAMMAR_OFF"] = off
    try:
        return evaluate(cases).results
    finally:
        os.environ.pop("AI_ETL_GRAMMAR_OFF", None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", choices=FAMILIES, action="append")
    args = parser.parse_args(argv)
    first_pass = json.loads(FIRST_PASS.read_text(encoding="utf-8")) if FIRST_PASS.exists() else {}
    # only held-out batches already first-scored (run_eval.py --all does the same)
    sets = [("main", CASES), *((p.stem, p) for p in heldout_files() if p.name in first_pass)]
    if PERTURBED.exists():
        sets.append(("perturbed", PERTURBED))
    for family in args.family or FAMILIES:
        print(f"== family {family}")
        for name, path in sets:
            cases = load_cases(path)
            on, off = _run(cases, ""), _run(cases, family)
            changed = [(a, b) for a, b in zip(on, off, strict=True) if _answer(a) != _answer(b)]
            print(
                f"  {name:<22} on: {sum(r.right for r in on)}/{len(on)} right, "
                f"{sum(r.wrong_confident for r in on)} wrong confident | off: {sum(r.right for r in off)}/"
                f"{len(off)} right, {sum(r.wrong_confident for r in off)} wrong confident | "
                f"{len(changed)} disagreements"
            )
            for a, b in changed:
                better = "on" if a.right and not b.right else "off" if b.right and not a.right else "neither"
                print(f"    [{better} right] {a.case['id']}: {a.case['request']}")
                print(f"        on: {_answer(a)}\n        off: {_answer(b)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
