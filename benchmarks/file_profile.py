"""Where a file load's time goes (not part of `make test`): FilesToClickHouseOperator.execute()
split into phases, in a fresh task process as in file_bench.py (DAG module and provider imports
loaded, timed around execute()).

The timeline (``--timeline``) lists every step of one load in the order it started: each ClickHouse
round trip (native query or HTTP request, by its SQL), the S3 client creation, LIST, GET, the sample,
with its start, wall and CPU, the thread it ran on, and the Python work between the main thread's
steps ("between"); steps on other threads overlap the main thread's.

Each phase is a wrapped function; its time is exclusive (time spent in other wrapped phases called
from it is subtracted), wall and CPU (this process only; the ClickHouse and moto servers' CPU is
reported separately from /proc). Generators (the byte pump, the S3 body) are timed per step.

    python benchmarks/file_profile.py [--sizes 100000,2000000] [--repeat 2] [--cprofile] [--timeline]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from file_bench import CH_DDL, PRELUDE, put_bench_object, server_cpu, task_env, write_rows  # noqa: E402
from local_servers import start_clickhouse  # noqa: E402

from tests.s3_server import start_moto  # noqa: E402

CHILD = (
    PRELUDE
    + r"""
import functools, inspect, json, cProfile, pstats, io
import botocore.response
from airflow_ai_etl.hooks import s3 as s3_mod, clickhouse as ch_mod
from airflow_ai_etl.transfers import files_to_clickhouse as ftc, file_native as fn

import threading
TOTALS = {}  # phase -> [wall, cpu, calls]
LOCAL = threading.local()  # .stack: [child wall, child cpu] accumulators of this thread's open phases


def _stack():
    if not hasattr(LOCAL, "stack"):
        LOCAL.stack = []
    return LOCAL.stack


def _clock():  # CPU of this thread (the read-ahead thread runs alongside the main one)
    return time.thread_time()


def _account(phase, w0, c0):
    STACK = _stack()
    wall, cpu = time.perf_counter() - w0, _clock() - c0
    child_w, child_c = STACK.pop()
    if threading.current_thread() is not threading.main_thread():
        phase += " [read-ahead thread, overlaps]"
    t = TOTALS.setdefault(phase, [0.0, 0.0, 0])
    t[0] += wall - child_w
    t[1] += cpu - child_c
    t[2] += 1
    if STACK:
        STACK[-1][0] += wall
        STACK[-1][1] += cpu


def timed(phase, fn):
    @functools.wraps(fn)
    def call(*a, **k):
        _stack().append([0.0, 0.0])
        w0, c0 = time.perf_counter(), _clock()
        try:
            out = fn(*a, **k)
        finally:
            _account(phase, w0, c0)
        if inspect.isgenerator(out):
            return steps(phase, out)
        return out
    return call


def steps(phase, gen):
    while True:
        _stack().append([0.0, 0.0])
        w0, c0 = time.perf_counter(), _clock()
        try:
            item = next(gen)
        except StopIteration:
            _account(phase, w0, c0)
            return
        except BaseException:
            _account(phase, w0, c0)
            raise
        _account(phase, w0, c0)
        yield item


def patch(owner, name, phase):
    setattr(owner, name, timed(phase, getattr(owner, name)))


EVENTS = []  # [start, end, cpu, thread, depth, label]
T0 = [0.0]
ELOCAL = threading.local()


def event(label, fn):
    # each call of fn on the timeline (label: a string or a function of the arguments)
    @functools.wraps(fn)
    def call(*a, **k):
        depth = getattr(ELOCAL, "depth", 0)
        ELOCAL.depth = depth + 1
        row = [time.perf_counter() - T0[0], 0.0, time.thread_time(), threading.current_thread().name, depth,
               label(*a, **k) if callable(label) else label]
        EVENTS.append(row)
        try:
            return fn(*a, **k)
        finally:
            ELOCAL.depth = depth
            row[1] = time.perf_counter() - T0[0]
            row[2] = time.thread_time() - row[2]
    return call


def sql_head(sql):
    return " ".join(str(sql).split())[:90]


import clickhouse_driver, clickhouse_driver.connection
from airflow_ai_etl.transfers import file_stream as fs
clickhouse_driver.Client.execute = event(lambda self, q, *a, **k: "CH native: " + sql_head(q),
                                         clickhouse_driver.Client.execute)
clickhouse_driver.connection.Connection.connect = event("CH native connect (TCP, hello)",
                                                        clickhouse_driver.connection.Connection.connect)
ch_mod.ClickHouseHook.http_query = event(lambda self, q, *a, **k: "CH HTTP: " + sql_head(q),
                                         ch_mod.ClickHouseHook.http_query)
s3_mod.S3Hook.get_conn = event("S3 client creation", s3_mod.S3Hook.get_conn)
s3_mod.S3Hook._iter_prefix = event("S3 LIST", s3_mod.S3Hook._iter_prefix)
s3_mod.S3Hook.list_objects = event("S3 list_objects", s3_mod.S3Hook.list_objects)
s3_mod.S3Hook.open_object = event("S3 GET (request, headers)", s3_mod.S3Hook.open_object)
ch_mod.ClickHouseHook.get_client = event("CH client object", ch_mod.ClickHouseHook.get_client)
ftc.FilesToClickHouseTransfer.list_files = event("list files", ftc.FilesToClickHouseTransfer.list_files)
ftc.FilesToClickHouseTransfer.load_file = event("load one file", ftc.FilesToClickHouseTransfer.load_file)
ftc.ClickHouseTableLoader.prepare = event("prepare", ftc.ClickHouseTableLoader.prepare)
ftc.ClickHouseTableLoader.plan_native = event("plan", ftc.ClickHouseTableLoader.plan_native)
ftc.ClickHouseTableLoader.load_native = event("load_native", ftc.ClickHouseTableLoader.load_native)
ftc.LoadedFilesRegistry.holds = event("registry holds", ftc.LoadedFilesRegistry.holds)
_first_next = fs.ReadAhead.__next__


def _next(self):
    if getattr(self, "_profiled", False):
        return _first_next(self)
    self._profiled = True
    return event("first raw chunk (wait for the GET)", _first_next)(self)


fs.ReadAhead.__next__ = _next
_load_file = ftc.FilesToClickHouseTransfer.python_batches


def _python_batches(self, obj, columns, rows=None, chunks=None):
    gen = _load_file(self, obj, columns, rows, chunks)
    if rows is None:
        return gen
    return _timed_sample(gen)


def _timed_sample(gen):
    first = event("sample: read + parse (Python reader)", lambda: next(gen, None))()
    try:
        if first is not None:
            yield first
            yield from gen
    finally:
        gen.close()


ftc.FilesToClickHouseTransfer.python_batches = _python_batches

patch(s3_mod.S3Hook, "get_conn", "s3 client creation (S3Hook.get_conn)")
patch(s3_mod.S3Hook, "_iter_prefix", "s3 LIST")
patch(s3_mod.S3Hook, "open_object", "s3 GET (request, headers)")
patch(botocore.response.StreamingBody, "read", "s3 GET body read")
patch(ch_mod.ClickHouseHook, "get_client", "clickhouse connect")
patch(ch_mod.ClickHouseHook, "http_query", "clickhouse HTTP INSERT (send, wait for the parse)")
patch(ftc.ClickHouseTableLoader, "prepare", "prepare (schema, leftovers)")
patch(ftc.ClickHouseTableLoader, "plan_native", "plan (server settings, sample types)")
patch(ftc.ClickHouseTableLoader, "_file_staging", "file staging table create")
patch(ftc.ClickHouseTableLoader, "_publish_staging", "publish (ATTACH PARTITION FROM)")
patch(ftc, "staged_surprises", "staged checks (count, surprises)")
patch(ftc.LoadedFilesRegistry, "ensure", "registry ensure")
patch(ftc.LoadedFilesRegistry, "holds", "registry read")
patch(ftc.LoadedFilesRegistry, "record", "registry write")
patch(ftc.FilesToClickHouseTransfer, "python_batches", "sample read (Python reader)")
patch(ftc, "file_body", "our pump (gunzip, utf-8, count, edit)")

fmt = "jsonl" if sys.argv[2].endswith(".jsonl") else "csv"
op = FilesToClickHouseOperator(task_id="bench", path=sys.argv[2], s3_conn_id="bench_s3", format=fmt,
                               target_conn_id="bench_ch", target_table=sys.argv[1], mode="append")
mods = set(sys.modules)
prof = cProfile.Profile() if sys.argv[3] == "1" else None
cpu = time.process_time()
start = time.perf_counter()
T0[0] = start
if prof:
    prof.enable()
result = op.execute({})
if prof:
    prof.disable()
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu
new_mods = sorted(m for m in set(sys.modules) - mods if "." not in m)
print("PROFILE " + json.dumps({"seconds": seconds, "cpu": cpu, "rows": result["rows"], "phases": TOTALS,
                               "new_top_modules": new_mods, "events": EVENTS}))
if prof:
    s = io.StringIO()
    pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(45)
    print(s.getvalue())
"""
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,2000000")
    parser.add_argument("--formats", default="csv,jsonl")
    parser.add_argument("--sources", default="s3,folder")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--cprofile", action="store_true", help="also print cProfile's top functions")
    parser.add_argument("--timeline", action="store_true", help="also print each step of the median run")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="ai-etl-file-profile-"))
    base.chmod(0o755)
    ch, s3 = start_clickhouse(base), start_moto()
    try:
        client = ch.client()
        s3.client().create_bucket(Bucket="bench")
        env = task_env(base, ch, s3)
        for n in [int(s) for s in args.sizes.split(",")]:
            for fmt in args.formats.split(","):
                path = base / f"data_{n}.{fmt}"
                write_rows(ch, path, n, fmt)
                put_bench_object(s3, path)
                for source in args.sources.split(","):
                    uri = f"s3://bench/{path.name}" if source == "s3" else str(path)
                    runs = []
                    for _ in range(args.repeat):
                        client.execute("DROP TABLE IF EXISTS t_ours")
                        client.execute("DROP TABLE IF EXISTS _ai_etl_loaded_files")
                        client.execute(CH_DDL.format(table="t_ours"))
                        while client.execute("SELECT count() FROM system.merges")[0][0]:
                            time.sleep(0.2)
                        ch_cpu, moto_cpu = server_cpu(ch.pid), server_cpu(s3.proc.pid)
                        flag = "1" if args.cprofile else "0"
                        out = subprocess.run(
                            [sys.executable, "-c", CHILD, "t_ours", uri, flag],
                            env=env, capture_output=True, text=True, check=False,
                        )  # fmt: skip
                        if out.returncode:
                            raise SystemExit(out.stderr[-3000:])
                        time.sleep(0.2)
                        line = next(x for x in out.stdout.splitlines() if x.startswith("PROFILE "))
                        data = json.loads(line[8:])
                        data["ch_cpu"] = server_cpu(ch.pid) - ch_cpu
                        data["moto_cpu"] = server_cpu(s3.proc.pid) - moto_cpu
                        runs.append(data)
                        if args.cprofile:
                            print(out.stdout.split("\n", 1)[1][:6000])
                    report(f"{fmt} {n:,} rows from {source}", runs, os.getloadavg()[0])
                    if args.timeline:
                        timeline(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])
                path.unlink()
    finally:
        ch.stop()
        s3.stop()
    return 0


def report(case: str, runs: list[dict], load: float) -> None:
    print(f"\n### {case} (median of {len(runs)}; load {load:.1f})")
    print(
        f"execute(): {statistics.median(r['seconds'] for r in runs):.3f} s wall, "
        f"{statistics.median(r['cpu'] for r in runs):.3f} s CPU; ClickHouse server CPU "
        f"{statistics.median(r['ch_cpu'] for r in runs):.2f} s, moto CPU "
        f"{statistics.median(r['moto_cpu'] for r in runs):.2f} s; modules first imported in execute(): "
        f"{', '.join(runs[0]['new_top_modules']) or '-'}"
    )
    print("| phase | wall s | CPU s | calls |\n|---|---:|---:|---:|")
    phases = sorted(runs[0]["phases"], key=lambda p: -runs[0]["phases"][p][0])
    accounted = 0.0
    for p in phases:
        wall = statistics.median(r["phases"].get(p, [0, 0, 0])[0] for r in runs)
        cpu = statistics.median(r["phases"].get(p, [0, 0, 0])[1] for r in runs)
        accounted += wall
        print(f"| {p} | {wall:.3f} | {cpu:.3f} | {runs[0]['phases'][p][2]} |")
    rest = statistics.median(r["seconds"] for r in runs) - accounted
    print(f"| rest (operator, hooks, connection look-ups, other queries) | {rest:.3f} | | |")


def timeline(run: dict) -> None:
    """Every recorded step of one load, in the order it started; "between": the main thread's
    Python work between two of its top-level steps."""
    print(
        f"\nTimeline of one load ({run['seconds']:.3f} s wall, {run['cpu']:.3f} s CPU; ms from the start "
        "of execute(); indented: inside the step above; [thread] when not the main thread)"
    )
    print("| start ms | wall ms | CPU ms | step |\n|---:|---:|---:|---|")
    last_end = 0.0
    for start, end, cpu, thread, depth, label in sorted(run["events"], key=lambda e: e[0]):
        main = thread == "MainThread"
        if main and depth == 0:
            if start - last_end > 0.0005:
                print(f"| {last_end * 1e3:.1f} | {(start - last_end) * 1e3:.1f} | | between (Python) |")
            last_end = max(last_end, end)
        step = ("· " * depth) + label + ("" if main else f" [{thread}]")
        print(f"| {start * 1e3:.1f} | {(end - start) * 1e3:.1f} | {cpu * 1e3:.1f} | {step} |")
    if run["seconds"] - last_end > 0.0005:
        print(f"| {last_end * 1e3:.1f} | {(run['seconds'] - last_end) * 1e3:.1f} | | between (Python) |")


if __name__ == "__main__":
    sys.exit(main())
