"""LLM planner cache-hit latency (`make bench-planner`; not part of `make test`).

A request the model has already answered is served from the planner's store (PlannerStore, a SQLite file),
even by a new planner object on the same file, as another process would be. This plans one request through
the OpenAI-compatible fake server of the tests (loopback) with a fresh store each time (a model call: the
request is sent, answered, validated), and a respelled form of it from a new planner on a store that already
holds the answer (a cache hit), alternating, and prints the medians and their ratio.
Target: a cache hit's median under 50 ms. Exits 1 when it is over it.

    python benchmarks/llm_cache_bench.py [--pairs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from airflow_ai_etl.planning.cache import PlannerStore  # noqa: E402
from airflow_ai_etl.planning.llm import CACHE_FILE, LLMPlanner, LLMSettings  # noqa: E402
from tests.catalogs import shop_catalog  # noqa: E402
from tests.fake_llm import PAYMENTS_SPEC, RUSSIAN_REQUEST, FakeLLM  # noqa: E402

TARGET_MS = 50.0
RESPELLED = "  пусть каждое утро в 6 ОПЛАТЫ клиентов попадают в clickhouse. "


def planner(fake: FakeLLM, store: PlannerStore) -> LLMPlanner:
    return LLMPlanner(shop_catalog(), LLMSettings(base_url=fake.base_url, model="fake-model"), store=store)


def timed_ms(plan: LLMPlanner, text: str) -> float:
    started = time.perf_counter()
    outcome = plan.plan(text)
    elapsed = (time.perf_counter() - started) * 1000
    if outcome.status != "ok":
        raise SystemExit(f"planning failed: {outcome.status} {outcome.errors or outcome.questions}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15, help="model calls and cache hits, alternating")
    args = parser.parse_args()
    model_calls, cache_hits = [], []
    with FakeLLM() as fake, tempfile.TemporaryDirectory() as folder:
        warm = PlannerStore(Path(folder) / CACHE_FILE)
        fake.answer_spec(PAYMENTS_SPEC)
        planner(fake, warm).plan(RUSSIAN_REQUEST)  # fills the store the cache hits read
        for pair in range(args.pairs):
            fake.answer_spec(PAYMENTS_SPEC)
            cold = PlannerStore(Path(folder) / f"cold-{pair}.sqlite")
            model_calls.append(timed_ms(planner(fake, cold), RUSSIAN_REQUEST))
            fresh = planner(fake, warm)  # a new planner object on the same file
            cache_hits.append(timed_ms(fresh, RESPELLED))
            if not fresh.last_report.cache_hit:
                raise SystemExit("the respelled request was not served from the cache")
    model, hit = statistics.median(model_calls), statistics.median(cache_hits)
    print(f"model call (fake server on loopback): median {model:7.1f} ms over {args.pairs}")
    print(f"cache hit (new planner, same store):  median {hit:7.1f} ms over {args.pairs}")
    print(f"cache hit / model call: {hit / model:.2f}")
    met = hit < TARGET_MS
    print(f"target: cache hit median under {TARGET_MS:.0f} ms: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
