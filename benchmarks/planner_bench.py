"""Planner time against request length (`make bench`; not part of `make test`).

The offline planner is called directly (the Assistant's length limit, [ai_etl] max_request_chars,
is bypassed on purpose) on odd requests of 2 KB, 8 KB and 16 KB: one long token (Latin, Cyrillic,
digits, mixed, ``x_x_``, ``1.1.``) and many tokens (short words, comma lists, numbers with dots and
colons, mixed scripts), each after a plausible pipeline sentence so every rule runs. Time is CPU time
of this process (``time.process_time``: the shared 2-core machine's load inflates wall time, not
CPU time), the best of --repeat runs. Linear rules give a 16k/2k ratio near 8; the target is 16 KB of
one token in under 100 ms. Prints a table; exits non-zero only when ``--check`` is given and a
target is missed.

    python benchmarks/planner_bench.py [--repeat 3] [--check]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from airflow_ai_etl.planning.offline import OfflinePlanner  # noqa: E402
from tests.catalogs import shop_catalog  # noqa: E402

SIZES = (2_000, 8_000, 16_000)
PREFIX = "load orders from postgres to clickhouse daily "
PREFIX_RU = "загружать заказы из postgres в clickhouse ежедневно "
# name -> (unit repeated to the size, prefix): one token when the unit has no space or punctuation.
INPUTS: dict[str, tuple[str, str]] = {
    "one token a": ("a", PREFIX),
    "one token а (cyr)": ("а", PREFIX_RU),
    "one token 1": ("1", PREFIX),
    "one token x_": ("x_", PREFIX),
    "one token x1": ("x1", PREFIX),
    "one token аa (mixed)": ("аa", PREFIX_RU),
    "one token а_ (cyr)": ("а_", PREFIX_RU),
    "1.1.1.": ("1.", PREFIX),
    "1:1:1:": ("1:", PREFIX_RU),
    "a-a-a-": ("a-", PREFIX),
    "a.a.a.": ("a.", PREFIX_RU),
    "/a/a/a": ("/a", PREFIX),
    "words ab ab": ("ab ", PREFIX),
    "words аб аб (cyr)": ("аб ", PREFIX_RU),
    "list a, a, a": ("a, ", PREFIX),
    "list x1, x1": ("x1, ", PREFIX),
    "a and a and": ("a and ", PREFIX),
    "numbers 12 12": ("12 ", PREFIX_RU),
    "times 12:00": ("12:00 ", PREFIX),
    "decimals 1.5": ("1.5 ", PREFIX_RU),
    "mixed а a 1": ("а a 1 ", PREFIX_RU),
    "columns amount status": ("amount status ", PREFIX),
    "comparisons amount > 1": ("amount > 1 ", PREFIX),
    "spaces": (" ", PREFIX),
    "newlines": ("\n", PREFIX_RU),
    "commas ,,,": (",", PREFIX),
    "dashes ---": ("-", PREFIX_RU),
    "dots ...": (".", PREFIX),
    "quotes 'a": ("'a", PREFIX),
    "brackets (a": ("(a", PREFIX_RU),
}
TARGET_MS = 100.0  # 16 KB of one token
LINEAR_RATIO = 8.0  # 16k / 2k


def request(unit: str, prefix: str, size: int) -> str:
    return prefix + (unit * (size // len(unit) + 1))[:size] + " x"  # a word after: runs are not stripped


def cpu_ms(planner: OfflinePlanner, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        planner.plan(text)
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per input and size; the best counts")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    planner = OfflinePlanner(shop_catalog())
    planner.plan(PREFIX + "at 2 am")  # first call loads vocabularies; not what is measured
    print(
        f"Planner benchmark: {platform.platform()}, Python {platform.python_version()}; "
        f"CPU ms, best of {args.repeat}"
    )
    header = f"{'input':24s}" + "".join(f"{size // 1000:>7d}k" for size in SIZES) + "  16k/2k"
    print(header)
    print("-" * len(header))
    missed = []
    for name, (unit, prefix) in INPUTS.items():
        times = [cpu_ms(planner, request(unit, prefix, size), args.repeat) for size in SIZES]
        ratio = times[-1] / max(times[0], 1e-3)
        flags = []
        if name.startswith("one token") and times[-1] > TARGET_MS:
            flags.append(f"over {TARGET_MS:.0f} ms")
        if ratio > 2 * LINEAR_RATIO:
            flags.append("super-linear")
        missed += [f"{name}: {flag}" for flag in flags]
        cells = "".join(f"{t:8.1f}" for t in times)
        print(f"{name:24s}{cells}  {ratio:6.1f}  {' '.join(flags)}", flush=True)
    print(
        f"\nLinear is a 16k/2k ratio near {LINEAR_RATIO:.0f}; "
        f"target: one 16 KB token under {TARGET_MS:.0f} ms."
    )
    print("missed: " + "; ".join(missed) if missed else "every target met")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
