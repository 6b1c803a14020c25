"""The JSON-lines byte stream (file_native.jsonl_body): its vectorised check of whole lines
(_uniform_lines) reports exactly what counting each key does, on random files and chunkings."""

from __future__ import annotations

import json
import random

import pytest

from airflow_ai_etl.transfers import file_native
from airflow_ai_etl.transfers.file_native import NativePlan, StreamReport, jsonl_body

COLUMNS = ["id", "name", "amount", "note"]
TYPES = ["Int64", "String", "Float64", "Nullable(String)"]
WATCH, NULLABLE = ["id", "amount"], ["note"]


def report_of(data: bytes, cuts: list[int]) -> tuple:
    plan = NativePlan("jsonl", COLUMNS, TYPES)
    chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    report = StreamReport()
    sent = b"".join(jsonl_body(chunks, plan, report, WATCH, NULLABLE))
    assert sent == data
    return report.records, report.json_null, report.key_counts


def random_line(rng: random.Random) -> bytes:
    row = {"id": rng.randint(0, 9), "name": rng.choice(["a", 'q"x":', "b\\", "nul:l", "n"]), "amount": 1.5,
           "note": rng.choice([None, "x", "null"])}  # fmt: skip
    if rng.random() < 0.1:
        row[rng.choice(WATCH)] = None
    if rng.random() < 0.1:
        del row[rng.choice(COLUMNS)]
    sep = rng.choice([(",", ":"), (", ", ": "), (",", ":")])
    text = json.dumps(row, separators=sep).encode()
    return text + rng.choice([b"\n", b"\n", b"\n", b"\r\n", b"\n\n", b" \n"])


@pytest.mark.parametrize("seed", range(3))
def test_vectorised_check_reports_what_counting_each_key_does(monkeypatch, seed):
    rng = random.Random(seed)
    cases = []
    for _ in range(400):
        lines = [random_line(rng) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.5:  # the usual file: every line whole and alike
            lines = [json.dumps({"id": i, "name": "n", "amount": 2.0, "note": None}).encode() + b"\n"
                     for i in range(rng.randint(1, 9))]  # fmt: skip
        data = b"".join(lines)
        if rng.random() < 0.2:
            data = data.rstrip(b"\n")
        cuts = sorted(rng.sample(range(len(data) + 1), min(len(data) + 1, rng.randint(0, 4))))
        cases.append((data, cuts))
    fast = [report_of(d, c) for d, c in cases]
    monkeypatch.setattr(file_native, "_uniform_lines", lambda *a: None)
    slow = [report_of(d, c) for d, c in cases]
    assert [c for c, f, s in zip(cases, fast, slow, strict=True) if f != s] == []


@pytest.mark.parametrize("seed", range(3))
def test_pair_counts_answer_as_the_full_check_or_not_at_all(monkeypatch, seed):
    import numpy as np

    rng = random.Random(seed)
    probes = [json.dumps(k).encode() for k in NULLABLE]
    cases = []
    for _ in range(600):
        lines = [random_line(rng) for _ in range(rng.randint(1, 10))]
        if rng.random() < 0.5:  # compact and whole, as ClickHouse and most tools write them
            lines = [json.dumps({"id": i, "name": rng.choice(["n", "a:n", "nul"]), "amount": 2.0,
                                 "note": rng.choice([None, "x"])}, separators=(",", ":")).encode() + b"\n"
                     for i in range(rng.randint(1, 9))]  # fmt: skip
        cases.append(b"".join(lines))
    quick = [file_native._uniform_lines_quick(d, np.frombuffer(d, np.uint8), 4, probes) for d in cases]
    # the pump says whether a piece holds a backslash (found by memchr): the same answers
    told = [
        file_native._uniform_lines_quick(d, np.frombuffer(d, np.uint8), 4, probes, b"\\" in d) for d in cases
    ]
    assert told == quick
    assert any(b"\\" in d for d in cases)
    monkeypatch.setattr(file_native, "_uniform_lines_quick", lambda *a: None)
    full = [file_native._uniform_lines(d, 4, probes) for d in cases]
    assert [(d, q, f) for d, q, f in zip(cases, quick, full, strict=True) if q is not None and q != f] == []
    assert sum(q is not None for q in quick) > 50  # the usual compact lines are answered by it
    assert any(q is not None and b":null" in d for q, d in zip(quick, cases, strict=True))


def test_the_usual_lines_take_the_vectorised_path(monkeypatch):
    def slow(*args):
        raise AssertionError("keys were counted one by one")

    monkeypatch.setattr(file_native, "_count_keys", slow)
    rows = [{"id": i, "name": "n: x", "amount": 1.0, "note": None if i % 3 else "y"} for i in range(500)]
    data = b"".join(json.dumps(r, separators=(",", ":")).encode() + b"\n" for r in rows)
    assert report_of(data, [len(data) // 3, len(data) // 2]) == (500, False, {"id": 500, "amount": 500})


def test_a_null_or_a_missing_watched_key_is_seen():
    good = b'{"id":1,"name":"a","amount":1,"note":null}\n'
    assert report_of(good * 5 + b'{"id":null,"name":"a","amount":1,"note":null}\n', [])[1] is True
    records, _, counts = report_of(good * 5 + b'{"name":"a","amount":1,"note":null}\n', [])
    assert records == 6 and counts["id"] == 5
