"""The CSV byte pump (file_native.CsvPump): the bytes sent to ClickHouse and what it notes, and its
quick path for the usual chunk giving exactly what the full treatment gives."""

from __future__ import annotations

import random

import pytest

from airflow_ai_etl.transfers.file_native import CsvPump

FLAGS = (
    "records", "spaced", "quoted_empty", "null_text", "cr_in_quotes", "empty_fields", "quoted", "empty_not_last",
)  # fmt: skip


def pump(data: bytes, cuts: list[int], delimiter: str = ",", **kwargs) -> tuple[bytes, tuple]:
    p = CsvPump(delimiter, **kwargs)
    out, prev = b"", 0
    for cut in [*cuts, len(data)]:
        out += p.feed(data[prev:cut])
        prev = cut
    out += p.finish()
    return out, tuple(getattr(p, f) for f in FLAGS)


def test_empty_fields_marked_blank_lines_dropped_quotes_kept():
    data = b'id,a,b\n1,,x\n\n2,"y, z",\n3,"q\nr",s\n'
    out, flags = pump(data, [])
    assert out == b'id,a,b\n1,\\N,x\n2,"y, z",\\N\n3,"q\nr",s\n'
    # 5 newlines: one is inside quotes, so ``quoted`` tells the caller that the count may be high
    assert dict(zip(FLAGS, flags, strict=True)) == {
        "records": 5, "spaced": False, "quoted_empty": False, "null_text": False,
        "cr_in_quotes": False, "empty_fields": True, "quoted": True, "empty_not_last": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("data", "not_last"),
    [
        (b"a,b,c\n1,x,\n2,y,\n", False),  # only the last column is empty
        (b"a,b,c\n1,x,\n2,y,", False),  # ... also on the last line, without its newline
        (b"a,b,c\r\n1,x,\r\n\r\n2,y,\r\n", False),  # CRLF and a blank line (the full treatment)
        (b'a,b,c\n1,"x,\n",\n', False),  # a quoted newline after a delimiter is no empty field
        (b"a,b,c\n1,,z\n", True),  # a middle field
        (b"a,b,c\n,x,z\n", True),  # the first field of a line
        (b",b,c\n1,x,z\n", True),  # the first field of the file
        (b"a,b,c\n1,x,\n\n2,,z\n", True),  # the full treatment, a middle field
    ],
)
def test_it_notes_whether_every_marked_field_ends_its_line(data, not_last):
    for cuts in ([], [len(data) // 2], list(range(1, len(data)))):
        out, flags = pump(data, cuts)
        assert dict(zip(FLAGS, flags, strict=True))["empty_not_last"] is not_last, (cuts, out)
        assert b"\\N" in out


def test_the_usual_chunk_takes_the_quick_path(monkeypatch):
    def full(*args):
        raise AssertionError("the full treatment ran")

    monkeypatch.setattr(CsvPump, "_bulk_edit", full)
    monkeypatch.setattr(CsvPump, "_edit", full)
    rows = b"".join(b'%d,"south, coast",note %d,\n' % (i, i) for i in range(1000))
    out, flags = pump(rows, [len(rows) // 3, len(rows) // 2])
    assert out == rows.replace(b",\n", b",\\N\n")
    assert flags[0] == 1000 and flags[5]  # records, empty fields


ATOMS = [b"a", b"bc", b",", b",", b"\n", b"\n", b" ", b"\t", b'"', b'""', b"\r\n", b"\\N", b"1", b";", b"\r"]
ROWS = [b'1,"a, b",c,', b"2,x,y,z", b'3,"q",r,', b'4,"m\nn",o,p', b"5,s,t,", b'6,"",u,v', b"7,a b,c,d",
        b"8, a,b,", b'9,"x""y",z,']  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_quick_path_sends_and_notes_what_the_full_treatment_does(monkeypatch, seed):
    rng = random.Random(seed)
    cases = []
    for _ in range(1500):
        data = b"".join(rng.choice(ATOMS) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.7:
            rows = b"\n".join(rng.choice(ROWS) for _ in range(rng.randint(1, 8)))
            data = rows + rng.choice([b"", b"\n", b"\n\n", data])
        cuts = sorted(rng.sample(range(len(data) + 1), min(len(data) + 1, rng.randint(0, 4))))
        kwargs = {
            "delimiter": rng.choice([",", ",", ";", "\t"]),
            "quoting": rng.random() < 0.8,
            "mark_empty": rng.random() < 0.8,
            "check_spaces": rng.random() < 0.7,
        }
        cases.append((data, cuts, kwargs))
    quick = [pump(data, cuts, **kwargs) for data, cuts, kwargs in cases]
    monkeypatch.setattr(CsvPump, "_quick", lambda self, data, quotes: None)
    full = [pump(data, cuts, **kwargs) for data, cuts, kwargs in cases]
    assert [c for c, q, f in zip(cases, quick, full, strict=True) if q != f] == []
