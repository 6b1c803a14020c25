"""Big JSON lines handed to a clickhouse-client subprocess (file_client.py) against the real 18.16
server: the same table as the Python reader and the HTTP path make, a bad line named with its line
and column and nothing published, a broken stream killing the client, and HTTP when the binary is
missing. ``CLIENT_MIN_BYTES`` is lowered so that small files take the client path."""

from __future__ import annotations

import gzip
import json
import logging

import pytest

from airflow_ai_etl.operators.files import S3ToClickHouseOperator
from airflow_ai_etl.transfers import file_client
from airflow_ai_etl.transfers.files_to_clickhouse import FilesLoadError
from tests.integration.test_files_native import (
    LOGGER,
    NATIVE,
    PYTHON,
    _existing_table,
    ch,  # noqa: F401 - a fixture
    helper_tables,
    load,
    native_messages,
    table_state,
)

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

BY_CLIENT = "sent to ClickHouse by clickhouse-client"


@pytest.fixture
def small_files_by_client(monkeypatch, caplog):
    monkeypatch.setattr(file_client, "CLIENT_MIN_BYTES", 0)
    caplog.set_level(logging.INFO, logger=LOGGER)
    caplog.set_level(logging.INFO, logger=file_client.__name__)


def messages(caplog) -> list[str]:
    return native_messages(caplog) + [
        r.getMessage() for r in caplog.records if r.name == file_client.__name__
    ]


def jsonl(rows: int, bad: dict[int, str] | None = None) -> str:
    lines = [json.dumps({"id": i, "region": f"r{i}", "amount": i + 0.25}) for i in range(1, rows + 1)]
    for number, text in (bad or {}).items():
        lines[number - 1] = text
    return "\n".join(lines) + "\n"


def test_jsonl_by_the_client_equals_the_python_reader(tmp_path, ch, caplog, small_files_by_client):  # noqa: F811
    rows = [
        {"id": 1, "name": "Анна", "score": 1.5, "active": True, "born": "1990-05-01"},
        {"id": 2, "name": "Bob", "score": None, "active": False, "born": None},
        {"id": 3, "name": "007", "active": True},
    ]
    (tmp_path / "e.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in rows) + "\n\n")
    assert load(str(tmp_path / "e.jsonl"), "json_c", format="jsonl")["rows"] == 3
    load(str(tmp_path / "e.jsonl"), "json_p", conn=PYTHON, format="jsonl")
    assert table_state(ch, "json_c") == table_state(ch, "json_p")
    assert any(BY_CLIENT in m for m in messages(caplog)), messages(caplog)
    assert any("(parsed by ClickHouse)" in m for m in messages(caplog))
    assert not helper_tables(ch)


def test_bad_line_50001_through_the_client_is_named_and_nothing_published(
    tmp_path,
    ch,  # noqa: F811
    caplog,
    small_files_by_client,
):
    _existing_table(ch)
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl(60_000, {50_001: '{"id": 50001, "region": "r", "amount": "abc"}'}))
    with pytest.raises(FilesLoadError) as err:
        load(str(path), "sales", format="jsonl")
    assert f"{path.as_uri()}: line 50001, column 'amount'" in str(err.value), str(err.value)
    logged = messages(caplog)
    assert any(BY_CLIENT in m for m in logged), logged
    assert any("ClickHouse rejected it (row 50001" in m for m in logged), logged
    assert ch.execute("SELECT count(), sum(id) FROM sales") == [(1, 0)]
    assert not helper_tables(ch)


def test_broken_gzip_stream_kills_the_client_and_nothing_is_published(
    s3_server,
    s3_conn,
    ch,  # noqa: F811
    caplog,
    small_files_by_client,
):
    _existing_table(ch)
    s3 = s3_server.client()
    s3.create_bucket(Bucket="client-gz")
    body = gzip.compress(jsonl(200_000).encode())
    s3.put_object(Bucket="client-gz", Key="cut.jsonl.gz", Body=body[: len(body) // 2])
    with pytest.raises(FilesLoadError, match="s3://client-gz/cut.jsonl.gz: truncated gzip"):
        S3ToClickHouseOperator(
            task_id="t",
            s3_conn_id=s3_conn,
            path="s3://client-gz/cut.jsonl.gz",
            target_conn_id=NATIVE,
            target_table="sales",
            format="jsonl",
        ).execute({})
    assert any(BY_CLIENT in m for m in messages(caplog)), messages(caplog)
    assert ch.execute("SELECT count(), sum(id) FROM sales") == [(1, 0)]
    assert not helper_tables(ch)


def test_without_the_binary_the_load_goes_by_http(
    tmp_path,
    ch,  # noqa: F811
    caplog,
    small_files_by_client,
    monkeypatch,  # noqa: F811
):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    (tmp_path / "a.jsonl").write_text(jsonl(1000))
    assert load(str(tmp_path / "a.jsonl"), "sales_h", format="jsonl")["rows"] == 1000
    logged = messages(caplog)
    assert any("sent to ClickHouse by HTTP: no clickhouse-client on PATH" in m for m in logged), logged
    assert ch.execute("SELECT count(), sum(id) FROM sales_h") == [(1000, 500500)]


def test_csv_and_small_jsonl_stay_on_http(tmp_path, ch, caplog):  # noqa: F811
    caplog.set_level(logging.INFO, logger=LOGGER)
    (tmp_path / "a.jsonl").write_text(jsonl(10))
    (tmp_path / "a.csv").write_text("id,region\n1,a\n")
    load(str(tmp_path / "a.jsonl"), "j", format="jsonl")
    load(str(tmp_path / "a.csv"), "c")
    logged = messages(caplog)
    assert any("by HTTP: " in m and "below" in m for m in logged), logged
    assert any("by HTTP: csv" in m for m in logged), logged
