"""The bytes and settings the file loader sends, parsed by a current ClickHouse (26.x, in-process
via chDB): every strict setting is known there, and the values are the Python reader's."""

from __future__ import annotations

import json

import pytest
from chdb.session import Session

from airflow_ai_etl.transfers.file_native import (
    STRICT_SETTINGS,
    NativePlan,
    StreamReport,
    csv_body,
    exact_csv_records,
)

pytestmark = pytest.mark.integration

COLUMNS = ["id", "name", "amount", "day", "note"]
TYPES = ["Int64", "String", "Nullable(Float64)", "Nullable(Date)", "Nullable(String)"]


@pytest.fixture
def chdb_session(tmp_path):
    session = Session(str(tmp_path / "chdb"))
    session.query("CREATE DATABASE IF NOT EXISTS t")
    session.query(
        "CREATE TABLE t.x (id Int64, name String, amount Nullable(Float64), day Nullable(Date), "
        "note Nullable(String)) ENGINE = MergeTree ORDER BY id"
    )
    yield session
    session.close()


def insert(session, raw: bytes) -> StreamReport:
    known = session.query("SELECT name FROM system.settings WHERE name LIKE '%format%'", "TSV").bytes()
    plan = NativePlan("csv", COLUMNS, TYPES, server_settings=frozenset(known.decode().split()))
    assert set(plan.settings()) == set(STRICT_SETTINGS) | {"format_csv_delimiter"}
    report = StreamReport()
    body = b"".join(csv_body([raw], plan, report)).decode()
    settings = ", ".join(
        f"{k} = {v!r}" if isinstance(v, str) else f"{k} = {v}" for k, v in plan.settings().items()
    )
    session.query(f"INSERT INTO t.x SETTINGS {settings} FORMAT CSVWithNames\n{body}")
    return report


def test_csv_values_as_the_python_reader_reads_them(chdb_session):
    raw = (
        b"id,name,amount,day,note\r\n"
        b"1, spaced ,2.28,2024-01-31,x\r\n"
        b"2,b,,,\r\n"
        b"\r\n"
        b'3,"q ""x""",1e3,2024-02-01,"multi\nline"'
    )
    report = insert(chdb_session, raw)
    # 5 lines, one of them inside a quoted field: the loader then counts again, with quotes (4)
    assert (report.records, report.exact_records, report.spaced) == (5, False, False)
    plan = NativePlan("csv", COLUMNS, TYPES)
    assert exact_csv_records([raw], plan) == 4
    rows = chdb_session.query(
        "SELECT id, name, amount, toString(day), note FROM t.x ORDER BY id", "JSONCompact"
    )
    assert json.loads(rows.bytes())["data"] == [
        [1, " spaced ", 2.28, "2024-01-31", "x"],  # spaces kept, 2.28 parsed exactly
        [2, "b", None, None, None],  # empty fields are NULL
        [3, 'q "x"', 1000, "2024-02-01", "multi\nline"],
    ]


@pytest.mark.parametrize(
    "line",
    [b"9,z,abc,,", b"9,z,1,31.01.2024,", b"9,z,,,,"],
    ids=["text in a number", "another date form", "one field too many"],
)
def test_what_the_python_reader_rejects_current_clickhouse_rejects(chdb_session, line):
    with pytest.raises(Exception, match=r"Cannot|expected|Expected"):
        insert(chdb_session, b"id,name,amount,day,note\n" + line + b"\n")
    assert chdb_session.query("SELECT count() FROM t.x", "TSV").bytes() == b"0\n"
