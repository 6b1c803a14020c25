"""Before/after of the file loads in one run (not part of `make test`): two source trees, alternating.

The machine is shared (2 cores, other work): a change is only seen in pairs run side by side. For
each case, ``--pairs`` times: ours with the ``before`` tree, ours with the ``after`` tree (the order
alternates pair by pair), and clickhouse-client on the local file as the anchor. Each run is a fresh
task process as in file_bench.py (timed around execute(); CPU = our process inside execute(), plus
the ClickHouse server's during the load, reported apart). Prints one table row per case: median
wall and CPU of each tree, the median of the per-pair differences, and the ratio against the
anchors: the local file, and for S3 ``curl <presigned URL> | clickhouse-client`` of the same object
on the same server (file_bench.py's anchor of an S3 case; the object is uploaded in one PUT).

    python benchmarks/file_ab.py --before /tmp/main-copy [--after .] [--sizes 100000] [--pairs 8]
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import file_bench  # noqa: E402
from file_bench import OURS, put_bench_object, server_cpu, task_env, timed, write_rows  # noqa: E402
from local_servers import start_clickhouse  # noqa: E402

from tests.s3_server import start_moto  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="source tree of the code before the change")
    parser.add_argument("--after", default=str(ROOT), help="source tree after (default: this checkout)")
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--formats", default="csv,jsonl")
    parser.add_argument("--sources", default="s3")
    parser.add_argument("--pairs", type=int, default=8)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="ai-etl-file-ab-"))
    base.chmod(0o755)
    ch, s3 = start_clickhouse(base), start_moto()
    file_bench.SERVER_PID = ch.pid
    trees = {"before": str(Path(args.before).resolve()), "after": str(Path(args.after).resolve())}
    print(f"before = {trees['before']}, after = {trees['after']}; load at start {os.getloadavg()[0]:.1f}")
    print(
        "| case | pairs | wall s before → after (median) | after − before, per pair (median) "
        "| our CPU s before → after | server CPU s before → after | vs local client before → after "
        "| vs curl \\| client (same S3 object) before → after | load |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    try:
        client = ch.client()
        s3.client().create_bucket(Bucket="bench")

        def fresh(table: str) -> str:
            return file_bench.fresh_table(client, table)

        for n in [int(s) for s in args.sizes.split(",")]:
            for fmt in args.formats.split(","):
                ch_format = "JSONEachRow" if fmt == "jsonl" else "CSVWithNames"
                path = base / f"data_{n}.{fmt}"
                write_rows(ch, path, n, fmt)
                put_bench_object(s3, path)
                anchor = [
                    "clickhouse-client", "--host", "127.0.0.1", "--port", str(ch.tcp_port),
                    "--query", f"INSERT INTO t_client FORMAT {ch_format}",
                ]  # fmt: skip
                for source in args.sources.split(","):
                    uri = f"s3://bench/{path.name}" if source == "s3" else str(path)
                    runs: dict[str, list[tuple[float, ...]]] = {"before": [], "after": []}
                    loads = []
                    for i in range(args.pairs):
                        order = ("before", "after") if i % 2 == 0 else ("after", "before")
                        fresh("t_client")
                        local = timed("client", n, anchor, task_env(base, ch, s3), stdin=path).seconds
                        from_s3 = float("nan")
                        if source == "s3":
                            fresh("t_client")
                            url = s3.client().generate_presigned_url(
                                "get_object", Params={"Bucket": "bench", "Key": path.name}, ExpiresIn=3600
                            )
                            pipe = f"curl -sf {shlex.quote(url)} | {shlex.join(anchor)}"
                            command = ["bash", "-o", "pipefail", "-c", pipe]
                            from_s3 = timed("curl | client", n, command, task_env(base, ch, s3)).seconds
                        for name in order:
                            env = dict(task_env(base, ch, s3), PYTHONPATH=trees[name])
                            table = fresh("t_ours")  # before the server's CPU is read: not the load's
                            ch_before = server_cpu(ch.pid)
                            # -P: without it `python -c` puts the working directory first on
                            # sys.path, and run from a checkout both trees would import that one
                            command = [sys.executable, "-P", "-c", OURS, table, uri]
                            run = timed(name, n, command, env)
                            server = server_cpu(ch.pid) - ch_before
                            runs[name].append((run.seconds, run.cpu_seconds - server, server, local, from_s3))
                        loads.append(os.getloadavg()[0])
                    report(f"{fmt} {n:,} rows from {source}", runs, loads)
                path.unlink()
    finally:
        ch.stop()
        s3.stop()
    return 0


def report(case: str, runs: dict[str, list[tuple[float, ...]]], loads: list[float]) -> None:
    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in runs[name])

    def ratio(i: int) -> str:  # the anchor in column i / ours, pair by pair; before → after
        if any(math.isnan(r[i]) for r in runs["before"]):
            return "—"
        before, after = (statistics.median(r[i] / r[0] for r in runs[name]) for name in ("before", "after"))
        return f"{before:.2f}× → {after:.2f}×"

    diffs = [a[0] - b[0] for a, b in zip(runs["after"], runs["before"], strict=True)]
    print(
        f"| {case} | {len(diffs)} | {med('before', 0):.3f} → {med('after', 0):.3f} | "
        f"{statistics.median(diffs) * 1e3:+.0f} ms | {med('before', 1):.3f} → {med('after', 1):.3f} | "
        f"{med('before', 2):.2f} → {med('after', 2):.2f} | {ratio(3)} | {ratio(4)} | "
        f"{min(loads):.1f}-{max(loads):.1f} |",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
