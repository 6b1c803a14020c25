"""Files parsed by ClickHouse (bytes streamed over HTTP) against the real 18.16 server and the moto S3
server: the same table as the Python reader makes, and bad files named with their line, nothing
published. A connection without ``http_port`` is the Python reader (the reference)."""

from __future__ import annotations

import gzip
import json
import logging
import os
import time

import pytest

from airflow_ai_etl.file_roots import FileRootError
from airflow_ai_etl.operators.files import FilesToClickHouseOperator, S3ToClickHouseOperator
from airflow_ai_etl.transfers.files_to_clickhouse import FilesLoadError

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

NATIVE, PYTHON = "ch_native", "ch_python"
LOGGER = "airflow_ai_etl.transfers.files_to_clickhouse"


@pytest.fixture
def ch(clickhouse, ch_database, monkeypatch, local_files):
    """Client on the test database; connection ch_native (with http_port) and ch_python (without);
    local files allowed under tmp_path."""
    uri = clickhouse.uri(ch_database)
    monkeypatch.setenv(f"AIRFLOW_CONN_{NATIVE.upper()}", uri)
    monkeypatch.setenv(f"AIRFLOW_CONN_{PYTHON.upper()}", uri.split("?")[0])
    client = clickhouse.client(ch_database)
    yield client
    client.disconnect()


def load(path: str, table: str, conn: str = NATIVE, **kwargs) -> dict:
    return FilesToClickHouseOperator(
        task_id="load", path=path, target_conn_id=conn, target_table=table, **kwargs
    ).execute({})


def table_state(client, table: str) -> tuple[dict, list]:
    types = dict(
        client.execute(
            "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = %(t)s",
            {"t": table},
        )
    )
    first = next(iter(types))
    return types, client.execute(f"SELECT * FROM `{table}` ORDER BY `{first}`")


def helper_tables(client) -> set[str]:
    rows = client.execute("SELECT name FROM system.tables WHERE database = currentDatabase()")
    return {r[0] for r in rows if "__" in r[0]}


def native_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


TRICKY_CSV = (
    "\n"  # a blank line before the header (skipped by both readers)
    "id,name,amount,day,at,note\r\n"
    '1,"Анна ""А"" Петрова",10.5,2024-01-31,2024-01-31 10:00:00,"line one\nline two"\r\n'
    "2,Bob,,2024-02-01,,\r\n"
    "\r\n"  # a blank CRLF line in the middle
    '3,"comma, inside",-3.25,,2024-02-02 00:00:00,"a ""quote"""\r\n'
    "4,,7,2024-02-03,2024-02-03 23:59:59,last"  # no newline at the end
)


def test_csv_parsed_by_clickhouse_equals_the_python_reader(tmp_path, ch, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.csv").write_bytes(TRICKY_CSV.encode())
    (folder / "b.csv.gz").write_bytes(gzip.compress(TRICKY_CSV.replace("\n1,", "\n11,").encode()))
    caplog.set_level(logging.INFO, logger=LOGGER)
    native = load(str(folder), "native_t")
    python = load(str(folder), "python_t", conn=PYTHON)
    assert (native["files"], native["rows"]) == (python["files"], python["rows"]) == (2, 8)
    assert sum("(parsed by ClickHouse)" in m for m in native_messages(caplog)) == 2
    types, rows = table_state(ch, "native_t")
    assert (types, rows) == table_state(ch, "python_t")
    assert types == {
        "id": "Int64",
        "name": "Nullable(String)",
        "amount": "Nullable(Float64)",
        "day": "Nullable(Date)",
        "at": "Nullable(DateTime)",
        "note": "Nullable(String)",
    }
    assert rows[0][1:] == ('Анна "А" Петрова', 10.5, rows[0][3], rows[0][4], "line one\nline two")
    assert rows[2][2] is None and rows[2][4] is None and rows[6][1] is None  # empty -> NULL
    # A rerun skips both files; a changed file is loaded again.
    assert load(str(folder), "native_t")["files"] == 0
    time.sleep(0.01)
    (folder / "a.csv").write_bytes(b"id,name,amount,day,at,note\n9,x,1,2024-01-01,2024-01-01 00:00:00,y\n")
    os.utime(folder / "a.csv", ns=(time.time_ns(), time.time_ns() + 10**9))
    again = load(str(folder / "*.csv"), "native_t")
    assert (again["files"], again["rows"]) == (1, 1)
    assert not helper_tables(ch)


def test_tsv_and_jsonl_parsed_by_clickhouse(tmp_path, ch, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    (tmp_path / "t.tsv").write_text("id\tcity\tscore\n1\tМосква\t1.5\n2\t\t\n3\tParis\t2\n", encoding="utf-8")
    assert load(str(tmp_path / "t.tsv"), "tsv_n", format="tsv")["rows"] == 3
    load(str(tmp_path / "t.tsv"), "tsv_p", conn=PYTHON, format="tsv")
    assert table_state(ch, "tsv_n") == table_state(ch, "tsv_p")

    lines = [
        {"id": 1, "name": "Анна", "score": 1.5, "active": True, "born": "1990-05-01"},
        {"id": 2, "name": "Bob", "score": None, "active": False, "born": None},
        {"id": 3, "name": "007", "active": True},  # missing keys: Nullable columns -> NULL
    ]
    (tmp_path / "e.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    assert load(str(tmp_path / "e.jsonl"), "json_n", format="jsonl")["rows"] == 3
    load(str(tmp_path / "e.jsonl"), "json_p", conn=PYTHON, format="jsonl")
    assert table_state(ch, "json_n") == table_state(ch, "json_p")
    assert sum("(parsed by ClickHouse)" in m for m in native_messages(caplog)) == 2


def _existing_table(ch) -> None:
    ch.execute("CREATE TABLE sales (id Int64, region String, amount Float64) ENGINE = MergeTree ORDER BY id")
    ch.execute("INSERT INTO sales VALUES", [(0, "seed", 1.0)])


def test_truncated_gzip_is_an_error_and_the_table_is_unchanged(s3_server, s3_conn, ch):
    _existing_table(ch)
    s3 = s3_server.client()
    s3.create_bucket(Bucket="gzip-in")
    body = gzip.compress(
        ("id,region,amount\n" + "".join(f"{i},r{i},{i}.5\n" for i in range(1, 20001))).encode()
    )
    s3.put_object(Bucket="gzip-in", Key="in/cut.csv.gz", Body=body[: len(body) // 2])
    s3.put_object(Bucket="gzip-in", Key="in/ok.csv.gz", Body=gzip.compress(b"id,region,amount\n7,x,1\n"))
    with pytest.raises(FilesLoadError) as err:
        S3ToClickHouseOperator(
            task_id="t",
            s3_conn_id=s3_conn,
            path="s3://gzip-in/in/",
            target_conn_id=NATIVE,
            target_table="sales",
        ).execute({})
    message = str(err.value)
    assert "s3://gzip-in/in/cut.csv.gz: truncated gzip: the compressed data ends after" in message
    assert "1 of 2 files failed" in message
    assert ch.execute("SELECT id FROM sales ORDER BY id") == [(0,), (7,)]  # the good file only
    assert not helper_tables(ch)


def test_wrong_column_count_on_line_50001(tmp_path, ch, caplog):
    _existing_table(ch)
    lines = ["id,region,amount"] + [f"{i},r{i},{i}.25" for i in range(1, 60001)]
    lines[50000] = "50000,short"  # line 50,001 of the file
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n")
    caplog.set_level(logging.INFO, logger=LOGGER)
    with pytest.raises(FilesLoadError) as err:
        load(str(path), "sales")
    assert f"{path.as_uri()}: line 50001: 2 fields, expected 3 (columns ['id', 'region', 'amount'])" in str(
        err.value
    )
    assert any("ClickHouse rejected it (row 50000" in m for m in native_messages(caplog))
    assert ch.execute("SELECT count(), sum(id) FROM sales") == [(1, 0)]
    assert not helper_tables(ch)


def test_bad_line_50001_of_a_gzip_object_in_replace_mode_keeps_the_old_table(s3_server, s3_conn, ch):
    _existing_table(ch)
    lines = ["id,region,amount"] + [f"{i},r{i},{i}.25" for i in range(1, 60001)]
    lines[50000] = "50000,short"
    s3 = s3_server.client()
    s3.create_bucket(Bucket="gzip-bad")
    s3.put_object(Bucket="gzip-bad", Key="big.csv.gz", Body=gzip.compress(("\n".join(lines) + "\n").encode()))
    with pytest.raises(FilesLoadError) as err:
        S3ToClickHouseOperator(
            task_id="t",
            s3_conn_id=s3_conn,
            path="s3://gzip-bad/big.csv.gz",
            target_conn_id=NATIVE,
            target_table="sales",
            mode="replace",
        ).execute({})
    message = str(err.value)
    assert "s3://gzip-bad/big.csv.gz: line 50001: 2 fields, expected 3" in message
    assert "nothing was replaced: " in message
    assert ch.execute("SELECT id, region FROM sales") == [(0, "seed")]
    assert not helper_tables(ch)


def test_empty_value_in_a_non_nullable_number_is_named(tmp_path, ch):
    _existing_table(ch)
    (tmp_path / "e.csv").write_text("id,region,amount\n1,a,1\n2,b,\n")
    with pytest.raises(FilesLoadError, match=r"line 3, column 'amount': cannot load '' as Float64"):
        load(str(tmp_path / "e.csv"), "sales")
    assert ch.execute("SELECT count() FROM sales") == [(1,)]


def test_cp1251_file_with_a_byte_order_mark(tmp_path, ch, caplog):
    text = "Код;Регион;Сумма\n1;Север;10\n2;Юг;20\n"
    (tmp_path / "win").mkdir()
    (tmp_path / "win" / "a.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("cp1251"))
    caplog.set_level(logging.INFO, logger=LOGGER)
    result = load(str(tmp_path / "win"), "ru", csv_delimiter=";", encoding="cp1251")
    assert result["rows"] == 2
    assert "(parsed by ClickHouse)" in " ".join(native_messages(caplog))
    assert ch.execute("SELECT `Код`, `Регион`, `Сумма` FROM ru ORDER BY `Код`") == [
        (1, "Север", 10),
        (2, "Юг", 20),
    ]
    # The same text saved as UTF-8 with a BOM but declared cp1251: the BOM says UTF-8, and it is.
    (tmp_path / "utf").mkdir()
    (tmp_path / "utf" / "b.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("1;", "3;", 1).encode("utf-8"))
    assert load(str(tmp_path / "utf"), "ru", csv_delimiter=";", encoding="cp1251")["rows"] == 2
    assert ch.execute("SELECT `Регион` FROM ru WHERE `Код` = 3") == [("Север",)]
    # Undecodable bytes are an error naming the line; nothing of the file is loaded.
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "c.csv").write_bytes("Код;Регион;Сумма\n5;Юг;1\n".encode("cp1251") + b"6;\x98;1\n")
    with pytest.raises(FilesLoadError, match=r"bytes near line 3 are not valid cp1251"):
        load(str(tmp_path / "bad"), "ru", csv_delimiter=";", encoding="cp1251")
    assert ch.execute("SELECT count() FROM ru") == [(4,)]


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("quoted_empty", 'id,note\n1,""\n2,x\n', "a quoted empty field"),
        ("spaces", "id;note\n1; x \n2;y\n", "does not read as String"),
        ("late_spaces", "id;note\n1;x\n2;y\n3; z\n", "starts or ends with a space"),
        ("null_text", "id,note\n1,\\N\n2,\n", "the text \\N"),
        # an empty field outside the type sample of a non-Nullable String column, in the middle of its
        # line, at its end, and in the middle after a Nullable last column's empty fields
        ("late_empty_middle", "id,name,note\n1,a,x\n2,b,y\n3,,z\n", "non-Nullable String with empty"),
        ("late_empty_last", "id,name\n1,a\n2,b\n3,\n", "non-Nullable String with empty"),
        ("late_empty_after_null", "id,name,note\n1,a,\n2,b,x\n3,,z\n", "non-Nullable String with empty"),
        ("ru_dates", "id,day\n1,31.01.2024\n2,01.02.2024\n", "does not read as Date"),
        (
            "late_ru_date",
            "id,day\n" + "".join(f"{i},2024-01-01\n" for i in range(3)) + "9,31.01.2024\n",
            "read as 1970-01-01",
        ),
    ],
)
def test_what_clickhouse_reads_differently_goes_to_the_python_reader(
    tmp_path, ch, caplog, name, body, reason
):
    path = tmp_path / f"{name}.csv"
    path.write_text(body)
    delimiter = ";" if ";" in body else ","
    caplog.set_level(logging.INFO, logger=LOGGER)
    batch = 2 if name.startswith("late") else 100_000  # the late value is outside the type sample
    load(str(path), "n", csv_delimiter=delimiter, batch_size=batch)
    load(str(path), "p", conn=PYTHON, csv_delimiter=delimiter, batch_size=batch)
    assert table_state(ch, "n") == table_state(ch, "p")
    assert any(reason in m for m in native_messages(caplog)), native_messages(caplog)


def test_json_null_for_a_non_nullable_number_is_named(tmp_path, ch):
    ch.execute("CREATE TABLE ev (id Int64, score Float64) ENGINE = MergeTree ORDER BY id")
    (tmp_path / "a.jsonl").write_text('{"id": 1, "score": 1.5}\n{"id": 2}\n{"id": 3, "score": null}\n')
    with pytest.raises(FilesLoadError, match=r"line 2, column 'score': cannot load None as Float64"):
        load(str(tmp_path / "a.jsonl"), "ev", format="jsonl")
    assert ch.execute("SELECT count() FROM ev") == [(0,)]


def test_local_files_only_under_the_file_roots(tmp_path, ch, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_text("id\n1\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("id\n2\n")
    (tmp_path / "in" / "link.csv").symlink_to(outside / "secret.csv")
    with pytest.raises(FileRootError, match="not a readable file under the allowed file roots"):
        load(str(tmp_path / "in"), "t")  # the symlink leads out of the roots
    with pytest.raises(FileRootError, match="not a readable file or folder under the allowed file roots"):
        load(str(outside), "t")
    monkeypatch.delenv("AIRFLOW__AI_ETL__FILE_ROOTS")
    with pytest.raises(FileRootError, match="no file roots are configured"):
        load(str(tmp_path / "in" / "a.csv"), "t")
    assert "t" not in {
        r[0] for r in ch.execute("SELECT name FROM system.tables WHERE database = currentDatabase()")
    }


def test_json_missing_date_for_a_non_nullable_date_is_named(tmp_path, ch, caplog):
    ch.execute("CREATE TABLE ev (id Int64, day Date) ENGINE = MergeTree ORDER BY id")
    (tmp_path / "a.jsonl").write_text('{"id": 1, "day": "2024-01-01"}\n{"id": 2}\n')
    caplog.set_level(logging.INFO, logger=LOGGER)
    with pytest.raises(FilesLoadError, match=r"line 2, column 'day': cannot load None as Date"):
        load(str(tmp_path / "a.jsonl"), "ev", format="jsonl")
    assert any("read as 1970-01-01" in m for m in native_messages(caplog))  # found in the staged rows
    assert ch.execute("SELECT count() FROM ev") == [(0,)]


def test_an_s3_object_is_fetched_once_sample_and_all(s3_server, s3_conn, ch, monkeypatch):
    """The type/form sample is read from the first chunks of the same GET that streams the file;
    a file bigger than a few chunks (3 MB of gzip) arrives whole."""
    from airflow_ai_etl.hooks.s3 import S3Hook

    opened = []
    original = S3Hook.open_object
    monkeypatch.setattr(S3Hook, "open_object", lambda self, b, k: opened.append(k) or original(self, b, k))
    s3 = s3_server.client()
    s3.create_bucket(Bucket="once")
    lines = "".join(f"{i},{os.urandom(12).hex()},{i}.25\n" for i in range(1, 90001))
    s3.put_object(
        Bucket="once", Key="big.csv.gz", Body=gzip.compress(("id,region,amount\n" + lines).encode())
    )
    result = S3ToClickHouseOperator(
        task_id="t",
        s3_conn_id=s3_conn,
        path="s3://once/big.csv.gz",
        target_conn_id=NATIVE,
        target_table="once",
    ).execute({})
    assert result["rows"] == 90000 and opened == ["big.csv.gz"]
    assert ch.execute("SELECT count(), sum(id), uniqExact(region) FROM once") == [(90000, 4050045000, 90000)]


@pytest.mark.parametrize("conn", [NATIVE, PYTHON])
def test_a_failed_staging_drop_after_publishing_counts_the_file_as_loaded(tmp_path, ch, monkeypatch, conn):
    """Once a file's rows are in the target, failing to drop its staging table is only logged: the file
    is recorded as loaded, so a rerun loads nothing twice (the next load drops the leftover first)."""
    from airflow_ai_etl.transfers.files_to_clickhouse import ClickHouseTableLoader

    (tmp_path / "a.csv").write_text("id,amount\n1,10\n2,20\n", encoding="utf-8")
    original = ClickHouseTableLoader._drop_file_staging
    drops: list[bool] = []

    def fail_first_drop(self, client, staging):
        drops.append(True)
        if len(drops) == 1:
            raise RuntimeError("Code: 999. connection reset while dropping")
        return original(self, client, staging)

    monkeypatch.setattr(ClickHouseTableLoader, "_drop_file_staging", fail_first_drop)
    assert load(str(tmp_path / "*.csv"), "dropfail", conn=conn, mode="append")["rows"] == 2
    (tmp_path / "b.csv").write_text("id,amount\n3,30\n", encoding="utf-8")
    assert load(str(tmp_path / "*.csv"), "dropfail", conn=conn, mode="append")["rows"] == 1
    assert ch.execute("SELECT id, amount FROM dropfail ORDER BY id") == [(1, 10), (2, 20), (3, 30)]
    assert not {t for t in helper_tables(ch) if t.startswith("dropfail")}
