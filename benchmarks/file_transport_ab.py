"""The transport of a file load's bytes, measured alone (not part of `make test`): HTTP vs clickhouse-client.

Question (issue #20, 2M rows from S3): does handing the same bytes to a ``clickhouse-client`` subprocess
(``INSERT ... FORMAT`` on its stdin; it parses in its own process and sends Native blocks over the
native port, beside the server's writes) beat the HTTP ``INSERT ... FORMAT`` POST (the server parses
in the HTTP handler's one thread)? For each case, ``--pairs`` rounds, the order rotating round by
round, each a fresh Python process (``python -P``):

  - http:   GET of the object (presigned URL, moto) read in 1 MiB chunks by a read-ahead thread
            (file_stream.prefetched, as the loader reads), POSTed chunked to ClickHouse's HTTP
            interface with the loader's strict input settings;
  - client: the same GET and read-ahead, the chunks written to ``clickhouse-client --query "INSERT
            ..."`` (same settings as ``--name value``) on its stdin;
  - anchor: ``curl -sf <presigned URL> | clickhouse-client --query "INSERT ..."`` (file_bench's
            anchor of an S3 case).

No pump (no record counting or checks): only the transport differs; with ``--pump`` both are also
run fed through the loader's ``file_body`` (records counted, whole lines checked), as the load does.
Prints wall medians, our process's CPU, the server's CPU and the ratios anchor / variant (median of
the per-round ratios).

    python -P benchmarks/file_transport_ab.py [--sizes 2000000] [--formats jsonl,csv] [--pairs 5] [--pump]
"""

from __future__ import annotations

import argparse
import json
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
from file_bench import put_bench_object, server_cpu, task_env, timed, write_rows  # noqa: E402
from local_servers import start_clickhouse  # noqa: E402

from airflow_ai_etl.transfers.file_native import STRICT_SETTINGS  # noqa: E402
from tests.s3_server import start_moto  # noqa: E402

# argv: mode url host http_port tcp_port query settings(json) rows
# Timed from after the imports (as file_bench times ours around execute()); the CPU is this process's
# and its children's (the clickhouse-client subprocess) over the same span.
CHILD = r"""
import http.client, json, resource, subprocess, sys, time, urllib.parse
from airflow_ai_etl.transfers.file_native import NativePlan, StreamReport, file_body
from airflow_ai_etl.transfers.file_stream import prefetched
COLUMNS = ["id", "customer", "region", "amount", "quantity", "day", "sold_at", "note"]
TYPES = ["Int64", "String", "String", "Float64", "Int32", "Date", "DateTime", "Nullable(String)"]
mode, url, host, http_port, tcp_port, query, settings = sys.argv[1:8]
settings = json.loads(settings)
def cpu():
    return sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))
cpu_start, start = cpu(), time.perf_counter()
parts = urllib.parse.urlsplit(url)
get = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
get.request("GET", parts.path + "?" + parts.query)
resp = get.getresponse()
assert resp.status == 200, resp.status
def chunks():
    while True:
        data = resp.read(1 << 20)
        if not data:
            return
        yield data
body = prefetched(chunks())
if mode.endswith("+pump"):  # the loader's stream: records counted, whole lines checked (file_body)
    jsonl = "JSONEachRow" in query
    plan = NativePlan("jsonl" if jsonl else "csv", COLUMNS, TYPES)
    raw = body
    body = file_body(lambda: raw, plan, StreamReport())
    mode = mode.split("+")[0]
if mode == "http":
    params = dict(settings, query=query)
    post = http.client.HTTPConnection(host, int(http_port), timeout=600)
    post.request("POST", "/?" + urllib.parse.urlencode(params), body=body, encode_chunked=True)
    answer = post.getresponse()
    text = answer.read()
    assert answer.status == 200, text[:500]
else:
    args = ["clickhouse-client", "--host", host, "--port", tcp_port, "--query", query]
    for k, v in settings.items():
        args += [f"--{k}", str(v)]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    for chunk in body:
        proc.stdin.write(chunk)
    proc.stdin.close()
    err = proc.stderr.read()
    assert proc.wait() == 0, err[:500]
body.close()
# file_bench.timed reads: seconds, baseline RSS kB, rows (not counted here: given), CPU (ours + the client's)
print("BENCH", time.perf_counter() - start, 0, sys.argv[8], cpu() - cpu_start)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000000")
    parser.add_argument("--formats", default="jsonl,csv")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--pump", action="store_true", help="also both transports fed by the loader's pump")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="ai-etl-transport-ab-"))
    base.chmod(0o755)
    ch, s3 = start_clickhouse(base), start_moto()
    file_bench.SERVER_PID = ch.pid
    print(f"load at start {os.getloadavg()[0]:.1f}")
    print(
        "| case | rounds | wall s http / client / anchor (median) | our CPU s http / client "
        "| server CPU s http / client / anchor | **anchor / http** | **anchor / client** "
        "| http / client (speed-up) | load |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    try:
        client = ch.client()
        s3.client().create_bucket(Bucket="bench")
        env = task_env(base, ch, s3)
        for n in [int(s) for s in args.sizes.split(",")]:
            for fmt in args.formats.split(","):
                ch_format = "JSONEachRow" if fmt == "jsonl" else "CSVWithNames"
                path = base / f"data_{n}.{fmt}"
                write_rows(ch, path, n, fmt)
                put_bench_object(s3, path)
                known = {r[0] for r in client.execute("SELECT name FROM system.settings")}
                settings = {k: v for k, v in STRICT_SETTINGS.items() if k in known}
                query = f"INSERT INTO t FORMAT {ch_format}"
                runs: dict[str, list[tuple[float, float, float]]] = {}
                loads = []
                names = ["http", "client", "anchor", *(["http+pump", "client+pump"] if args.pump else [])]
                for i in range(args.pairs):
                    for name in names[i % len(names) :] + names[: i % len(names)]:
                        file_bench.fresh_table(client, "t")
                        url = s3.client().generate_presigned_url(
                            "get_object", Params={"Bucket": "bench", "Key": path.name}, ExpiresIn=3600
                        )
                        if name == "anchor":
                            anchor = ["clickhouse-client", "--host", "127.0.0.1", "--port", str(ch.tcp_port),
                                      "--query", query]  # fmt: skip
                            pipe = f"curl -sf {shlex.quote(url)} | {shlex.join(anchor)}"
                            command = ["bash", "-o", "pipefail", "-c", pipe]
                        else:
                            ports = [str(ch.http_port), str(ch.tcp_port)]
                            child = [name, url, "127.0.0.1", *ports, query, json.dumps(settings), str(n)]
                            command = [sys.executable, "-P", "-c", CHILD, *child]
                        ch_before = server_cpu(ch.pid)
                        run = timed(name, n, command, env)
                        server = server_cpu(ch.pid) - ch_before
                        landed = client.execute("SELECT count() FROM t")[0][0]
                        if landed != n:
                            raise SystemExit(f"{name}: {landed} rows, {n} expected")
                        runs.setdefault(name, []).append((run.seconds, run.cpu_seconds - server, server))
                    loads.append(os.getloadavg()[0])
                report(f"{fmt} {n:,} rows from s3", runs, loads)
                path.unlink()
    finally:
        ch.stop()
        s3.stop()
    return 0


def report(case: str, runs: dict[str, list[tuple[float, float, float]]], loads: list[float]) -> None:
    def med(name: str, i: int) -> float:
        return statistics.median(r[i] for r in runs[name])

    def ratio(top: str, bottom: str) -> float:
        return statistics.median(a[0] / b[0] for a, b in zip(runs[top], runs[bottom], strict=True))

    def three(i: int, names: tuple[str, ...]) -> str:
        return " / ".join(f"{med(name, i):.2f}" for name in names)

    for suffix in ("", "+pump") if "http+pump" in runs else ("",):
        http, client = "http" + suffix, "client" + suffix
        print(
            f"| {case}{' (pump)' if suffix else ''} | {len(runs['http'])} "
            f"| {three(0, (http, client, 'anchor'))} "
            f"| {three(1, (http, client))} | {three(2, (http, client, 'anchor'))} "
            f"| {ratio('anchor', http):.2f}× | {ratio('anchor', client):.2f}× "
            f"| {ratio(http, client):.2f}× | {min(loads):.1f}-{max(loads):.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
