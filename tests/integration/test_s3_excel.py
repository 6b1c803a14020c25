"""S3 and Excel data plane against real servers: a moto S3 server (subprocess on loopback, see
tests/s3_server.py), the ClickHouse server from tests/conftest.py, and real files written here
(CSV, JSON lines, Parquet with pyarrow, .xlsx with openpyxl)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import threading
import zipfile
from decimal import Decimal

import pytest

from airflow_ai_etl.hooks.excel import ExcelFileError, SheetNotFoundError, excel_sheet_exists
from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError, glob_to_regex, s3_path_exists
from airflow_ai_etl.operators.files import (
    ClickHouseToExcelOperator,
    ClickHouseToS3Operator,
    ExcelToClickHouseOperator,
    S3ToClickHouseOperator,
)
from airflow_ai_etl.transfers.file_types import infer_type
from airflow_ai_etl.transfers.files_to_clickhouse import REGISTRY_TABLE, FilesLoadError

pytest_plugins = ["tests.s3_server"]

CH_CONN = "ch_files"


@pytest.fixture
def ch(clickhouse, ch_database, monkeypatch):
    """(clickhouse_driver client on the test database, database name); sets connection ch_files."""
    monkeypatch.setenv(f"AIRFLOW_CONN_{CH_CONN.upper()}", clickhouse.uri(ch_database))
    client = clickhouse.client(ch_database)
    yield client
    client.disconnect()


@pytest.fixture
def bucket(s3_server, s3_conn, request):
    """A fresh bucket named after the test."""
    name = "b-" + request.node.name.replace("_", "-").lower()[:50].strip("-")
    client = s3_server.client()
    client.create_bucket(Bucket=name)
    return name


def put(s3_server, bucket: str, key: str, body: bytes | str, encoding: str = "utf-8") -> None:
    data = body.encode(encoding) if isinstance(body, str) else body
    s3_server.client().put_object(Bucket=bucket, Key=key, Body=data)


def s3_load(path: str, table: str, **kwargs) -> dict:
    op = S3ToClickHouseOperator(
        task_id="load", s3_conn_id="s3_test", path=path, target_conn_id=CH_CONN, target_table=table, **kwargs
    )
    return op.execute({})


def columns(client, table: str) -> dict[str, str]:
    return dict(
        client.execute(
            "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = %(t)s",
            {"t": table},
        )
    )


def tables(client) -> set[str]:
    return {r[0] for r in client.execute("SELECT name FROM system.tables WHERE database = currentDatabase()")}


# --------------------------------------------------------------------------- S3 -> ClickHouse


@pytest.mark.integration
def test_csv_comma_and_semicolon_cp1251(s3_server, bucket, ch):
    put(
        s3_server,
        bucket,
        "sales/2024-01.csv",
        "id,region,amount,sold_on,sold_at,note\n"
        "1,north,10.5,2024-01-31,2024-01-31 10:00:00,\n"
        '2,"south, coast",20,2024-02-01,2024-02-01T11:30:00Z,"said ""hi"""\n'
        "3,west,-3.25,2024-02-02,2024-02-02 00:00:00,ok\n",
    )
    result = s3_load(f"s3://{bucket}/sales/", "sales", batch_size=2)
    assert result == {**result, "files": 1, "rows": 3, "skipped": [], "failed": []}
    assert columns(ch, "sales") == {
        "id": "Int64",
        "region": "String",
        "amount": "Float64",
        "sold_on": "Date",
        "sold_at": "DateTime",
        "note": "Nullable(String)",
    }
    assert ch.execute("SELECT * FROM sales ORDER BY id") == [
        (1, "north", 10.5, dt.date(2024, 1, 31), dt.datetime(2024, 1, 31, 10), None),
        (2, "south, coast", 20.0, dt.date(2024, 2, 1), dt.datetime(2024, 2, 1, 11, 30), 'said "hi"'),
        (3, "west", -3.25, dt.date(2024, 2, 2), dt.datetime(2024, 2, 2), "ok"),
    ]

    # Russian export: semicolons, decimal commas, DD.MM.YYYY dates, Windows-1251 bytes.
    put(
        s3_server,
        bucket,
        "ru/выгрузка.csv",
        "Код;Регион;Сумма;Дата\n1;Север;1234,50;31.01.2024\n2;Юг;7,25;01.02.2024\n3;;0,5;\n",
        encoding="cp1251",
    )
    result = s3_load(f"s3://{bucket}/ru/*.csv", "ru_sales", csv_delimiter=";", encoding="cp1251")
    assert (result["files"], result["rows"]) == (1, 3)
    assert columns(ch, "ru_sales") == {
        "Код": "Int64",
        "Регион": "Nullable(String)",
        "Сумма": "Float64",
        "Дата": "Nullable(Date)",
    }
    assert ch.execute("SELECT * FROM ru_sales ORDER BY `Код`") == [
        (1, "Север", 1234.5, dt.date(2024, 1, 31)),
        (2, "Юг", 7.25, dt.date(2024, 2, 1)),
        (3, None, 0.5, None),
    ]

    # Headerless file into the existing table: columns are the table's, in order.
    put(s3_server, bucket, "ru2/b.csv", "4;Запад;1,5;02.02.2024\n", encoding="cp1251")
    result = s3_load(
        f"s3://{bucket}/ru2/", "ru_sales", csv_delimiter=";", encoding="cp1251", csv_header=False
    )
    assert ch.execute("SELECT * FROM ru_sales WHERE `Код` = 4") == [(4, "Запад", 1.5, dt.date(2024, 2, 2))]


@pytest.mark.integration
def test_jsonl_and_parquet(s3_server, bucket, ch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = [
        {"id": 1, "name": "Анна", "score": 1.5, "active": True, "born": "1990-05-01", "tags": ["a", "b"]},
        {"id": 2, "name": "Bob", "score": 2, "active": False, "born": None, "tags": {"k": 1}},
        {"id": 3, "name": "007", "score": None, "active": True},
    ]
    put(s3_server, bucket, "events/part-1.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    result = s3_load(f"s3://{bucket}/events/", "events", format="jsonl")
    assert (result["files"], result["rows"]) == (1, 3)
    assert columns(ch, "events") == {
        "id": "Int64",
        "name": "String",
        "score": "Nullable(Float64)",
        "active": "UInt8",
        "born": "Nullable(Date)",
        "tags": "Nullable(String)",
    }
    assert ch.execute("SELECT * FROM events ORDER BY id") == [
        (1, "Анна", 1.5, 1, dt.date(1990, 5, 1), '["a", "b"]'),
        (2, "Bob", 2.0, 0, None, '{"k": 1}'),
        (3, "007", None, 1, None, None),
    ]

    table = pa.table(
        {
            "id": pa.array([1, 2, 3], pa.int64()),
            "price": pa.array([Decimal("1.10"), None, Decimal("3.30")], pa.decimal128(12, 2)),
            "city": pa.array(["Москва", "Paris", None]),
            "day": pa.array([dt.date(2024, 1, 1), dt.date(2024, 1, 2), dt.date(2024, 1, 3)], pa.date32()),
            "ts": pa.array([dt.datetime(2024, 1, 1, 1, 2, 3)] * 3, pa.timestamp("us")),
            "ratio": pa.array([0.5, 0.25, 1.0], pa.float32()),
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    put(s3_server, bucket, "pq/data.parquet", buf.getvalue())
    result = s3_load(f"s3://{bucket}/pq/data.parquet", "pq_data", format="parquet", batch_size=2)
    assert (result["files"], result["rows"]) == (1, 3)
    assert columns(ch, "pq_data") == {
        "id": "Int64",
        "price": "Nullable(Decimal(12, 2))",
        "city": "String",
        "day": "Date",
        "ts": "DateTime",
        "ratio": "Float32",
    }
    # Nullable comes from the first batch (2 rows): the NULL city of row 3 lands as '' in String.
    assert ch.execute("SELECT id, price, city, day, ts FROM pq_data ORDER BY id") == [
        (1, Decimal("1.10"), "Москва", dt.date(2024, 1, 1), dt.datetime(2024, 1, 1, 1, 2, 3)),
        (2, None, "Paris", dt.date(2024, 1, 2), dt.datetime(2024, 1, 1, 1, 2, 3)),
        (3, Decimal("3.30"), "", dt.date(2024, 1, 3), dt.datetime(2024, 1, 1, 1, 2, 3)),
    ]


@pytest.mark.integration
def test_rerun_loads_only_new_files_and_replace_reloads_all(s3_server, bucket, ch):
    header = "id,amount\n"
    put(s3_server, bucket, "raw/sales/a.csv", header + "1,10\n2,20\n")
    put(s3_server, bucket, "raw/sales/b.csv", header + "3,30\n")
    put(s3_server, bucket, "raw/sales/readme.txt", "not data")
    path = f"s3://{bucket}/raw/sales/*.csv"

    def gets() -> list[str]:  # the object GETs moto served so far (its request log)
        return re.findall(rf'"GET /{bucket}/raw/sales/(\w+\.csv) HTTP', s3_server.log_file.read_text())

    def readers() -> int:
        return sum(t.name == "ai-etl-read-ahead" for t in threading.enumerate())

    first = s3_load(path, "raw_sales")
    assert (first["files"], first["rows"], first["skipped"]) == (2, 3, [])
    assert gets() == ["a.csv", "b.csv"]  # one GET per file: a.csv's, started early, was the one read
    again = s3_load(path, "raw_sales")
    assert (again["files"], again["rows"]) == (0, 0)
    assert again["skipped"] == [f"s3://{bucket}/raw/sales/a.csv", f"s3://{bucket}/raw/sales/b.csv"]
    assert len(gets()) <= 3 and readers() == 0  # at most the early GET of a.csv, closed unread

    put(s3_server, bucket, "raw/sales/c.csv", header + "4,40\n5,50\n")
    third = s3_load(path, "raw_sales")
    assert (third["files"], third["rows"], third["loaded"]) == (1, 2, [f"s3://{bucket}/raw/sales/c.csv"])
    assert gets().count("c.csv") == 1 and readers() == 0
    assert ch.execute("SELECT count(), sum(amount) FROM raw_sales") == [(5, 150)]
    registry = ch.execute(f"SELECT uri, rows, mode FROM {REGISTRY_TABLE} ORDER BY uri")
    assert registry == [
        (f"s3://{bucket}/raw/sales/{n}.csv", r, "append") for n, r in (("a", 2), ("b", 1), ("c", 2))
    ]

    # A changed object (new ETag) is new; replace reloads everything into a swapped-in table.
    put(s3_server, bucket, "raw/sales/a.csv", header + "1,11\n2,21\n")
    replaced = s3_load(path, "raw_sales", mode="replace")
    assert (replaced["files"], replaced["rows"], replaced["skipped"]) == (3, 5, [])
    assert ch.execute("SELECT count(), sum(amount) FROM raw_sales") == [(5, 152)]
    assert s3_load(path, "raw_sales")["files"] == 0  # the replace run is remembered too
    assert not {t for t in tables(ch) if "__" in t}  # no staging tables left


@pytest.mark.integration
def test_malformed_file_is_named_others_load_and_nothing_half_loaded(s3_server, bucket, ch):
    header = "id,amount,city\n"
    put(s3_server, bucket, "in/1.csv", header + "".join(f"{i},{i}.5,x\n" for i in range(1, 6)))
    # Four good rows (two batches of 2 reach the staging table), then a row with a missing field.
    put(
        s3_server,
        bucket,
        "in/2.csv",
        header + "".join(f"{i},{i},y\n" for i in range(10, 14)) + "14,1\n15,2,y\n",
    )
    put(s3_server, bucket, "in/3.csv", header + "20,1,z\n21,abc,z\n")  # a value that is not a number
    put(s3_server, bucket, "in/4.csv", header + "30,1,w\n")
    with pytest.raises(FilesLoadError) as err:
        s3_load(f"s3://{bucket}/in/", "loads", batch_size=2)
    message = str(err.value)
    assert f"s3://{bucket}/in/2.csv: line 6: 2 fields, expected 3" in message
    assert f"s3://{bucket}/in/3.csv: line 3, column 'amount': cannot load 'abc' as Float64" in message
    assert "2 of 4 files failed" in message
    result = err.value.result.as_dict()
    assert result["failed"] == [f"s3://{bucket}/in/2.csv", f"s3://{bucket}/in/3.csv"]
    assert (result["files"], result["rows"]) == (2, 6)
    assert ch.execute("SELECT groupUniqArray(city), count() FROM loads") in (
        [(["x", "w"], 6)],
        [(["w", "x"], 6)],
    )
    assert ch.execute("SELECT count() FROM loads WHERE id >= 10 AND id < 30") == [(0,)]
    assert not {t for t in tables(ch) if "__" in t}

    # Fixed files load on the next run; the good ones are not loaded twice.
    put(s3_server, bucket, "in/2.csv", header + "10,1,y\n")
    put(s3_server, bucket, "in/3.csv", header + "20,1,z\n")
    rerun = s3_load(f"s3://{bucket}/in/", "loads", batch_size=2)
    assert (rerun["files"], rerun["rows"], len(rerun["skipped"])) == (2, 2, 2)
    assert ch.execute("SELECT count() FROM loads") == [(8,)]


@pytest.mark.integration
def test_missing_bucket_empty_prefix_and_bad_encoding(s3_server, bucket, s3_conn, ch):
    with pytest.raises(S3PathError, match="S3 bucket 'no-such-bucket' does not exist"):
        s3_load("s3://no-such-bucket/sales/", "nothing")
    with pytest.raises(S3PathError, match=f"no objects match s3://{bucket}/empty/"):
        s3_load(f"s3://{bucket}/empty/", "nothing")
    assert "nothing" not in tables(ch)

    assert s3_path_exists(s3_conn, "s3://no-such-bucket/x/") == (
        "S3 bucket 'no-such-bucket' does not exist (connection 's3_test')"
    )
    assert (
        s3_path_exists(s3_conn, f"s3://{bucket}/empty/") == f"no objects match s3://{bucket}/empty/ "
        f"(bucket '{bucket}' exists)"
    )
    assert "not an S3 path" in s3_path_exists(s3_conn, "/local/file.csv")
    put(s3_server, bucket, "ok/a.csv", "a\n1\n")
    assert s3_path_exists(s3_conn, f"s3://{bucket}/ok/") is None
    assert s3_path_exists(s3_conn, f"s3://{bucket}/ok/*.csv") is None
    assert s3_path_exists(s3_conn, f"s3://{bucket}/ok/a.csv") is None
    assert s3_path_exists(s3_conn, f"s3://{bucket}/ok/*.parquet") is not None

    put(s3_server, bucket, "enc/a.csv", "name\nПривет\n", encoding="utf-8")
    with pytest.raises(FilesLoadError, match=r"not valid ascii .*check the encoding"):
        s3_load(f"s3://{bucket}/enc/", "enc", encoding="ascii")
    assert "enc" not in tables(ch) or ch.execute("SELECT count() FROM enc") == [(0,)]


# --------------------------------------------------------------------------- Excel -> ClickHouse


def budget_workbook(path, extra_rows: int = 0) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Факт"
    ws.append(["ignored"])
    plan = wb.create_sheet("План")
    plan.append(["Бюджет на 2024 год"])
    plan.merge_cells("A1:E1")  # title above the header
    plan.append(["Регион", "Статья", "Месяц", "Сумма", "Комментарий"])
    plan.append(["Север", "Аренда", dt.date(2024, 1, 1), 1000, "первый"])
    plan.append([None, "Зарплата", dt.date(2024, 2, 1), 2500.5, None])
    plan.append([None, "Связь", dt.date(2024, 3, 1), 300, None])
    plan.merge_cells("A3:A5")  # one region cell over three rows
    plan.append([None, None, None, None, None])  # empty row: skipped
    plan.append(["Юг", "Аренда", dt.date(2024, 1, 1), 800, "итог"])
    for i in range(extra_rows):
        plan.append(["Запад", f"Статья {i}", dt.date(2024, 4, 1), i, None])
    wb.save(path)


@pytest.mark.integration
def test_excel_sheet_into_clickhouse(local_files, tmp_path, s3_server, bucket, ch):
    path = tmp_path / "budget.xlsx"
    budget_workbook(path)
    result = ExcelToClickHouseOperator(
        task_id="excel",
        path=str(path),
        sheet="План",
        header_row=2,
        target_conn_id=CH_CONN,
        target_table="budget",
    ).execute({})
    assert (result["rows"], result["sheet"]) == (4, "План")
    assert columns(ch, "budget") == {
        "Регион": "String",
        "Статья": "String",
        "Месяц": "Date",
        "Сумма": "Float64",
        "Комментарий": "Nullable(String)",
    }
    assert ch.execute("SELECT * FROM budget ORDER BY `Месяц`, `Регион`, `Статья`") == [
        ("Север", "Аренда", dt.date(2024, 1, 1), 1000.0, "первый"),
        ("Юг", "Аренда", dt.date(2024, 1, 1), 800.0, "итог"),
        ("Север", "Зарплата", dt.date(2024, 2, 1), 2500.5, None),
        ("Север", "Связь", dt.date(2024, 3, 1), 300.0, None),
    ]
    assert excel_sheet_exists(str(path), "План") is None
    assert excel_sheet_exists(str(path), 0) is None

    # The same workbook from S3, by index, replacing the table.
    s3_server.client().upload_file(str(path), bucket, "xls/budget.xlsx")
    again = ExcelToClickHouseOperator(
        task_id="excel",
        path=f"s3://{bucket}/xls/budget.xlsx",
        sheet=1,
        header_row=2,
        target_conn_id=CH_CONN,
        target_table="budget",
        mode="replace",
        s3_conn_id="s3_test",
    ).execute({})
    assert again["rows"] == 4
    assert ch.execute("SELECT count(), sum(`Сумма`) FROM budget") == [(4, 4600.5)]
    assert excel_sheet_exists(f"s3://{bucket}/xls/budget.xlsx", "План", s3_conn_id="s3_test") is None


@pytest.mark.integration
def test_excel_bad_inputs_leave_nothing_half_loaded(local_files, tmp_path, ch):
    path = tmp_path / "budget.xlsx"
    budget_workbook(path, extra_rows=30)

    def load(**kwargs):
        args = {
            "task_id": "excel",
            "path": str(path),
            "sheet": "План",
            "header_row": 2,
            "target_conn_id": CH_CONN,
            "target_table": "budget",
            **kwargs,
        }
        return ExcelToClickHouseOperator(**args).execute({})

    with pytest.raises(SheetNotFoundError) as err:
        load(sheet="Plan")
    assert str(err.value) == f"sheet 'Plan' not found in {path}; its sheets are: 'Факт', 'План'"
    assert excel_sheet_exists(str(path), "Plan") == str(err.value)
    assert "budget" not in tables(ch)

    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    with pytest.raises(ExcelFileError, match=r"corrupt.xlsx is not a readable .xlsx workbook"):
        load(path=str(corrupt))
    assert "not a readable .xlsx workbook" in excel_sheet_exists(str(corrupt), 0)
    assert excel_sheet_exists(str(tmp_path / "missing.xlsx"), 0) == (
        f"{tmp_path / 'missing.xlsx'} is not a readable workbook under the allowed file roots ([ai_etl] file_roots)"
    )

    # A typed table, then a workbook whose 'Сумма' turns into text after 30 rows (3 batches of 10).
    assert load(batch_size=10, mode="replace")["rows"] == 34
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["План"].append(["Восток", "Ошибка", dt.date(2024, 5, 1), "много", None])
    wb.save(path)
    for mode in ("append", "replace"):
        with pytest.raises(Exception, match=r"row 38, column 'Сумма': cannot load 'много' as Float64"):
            load(batch_size=10, mode=mode)
        assert ch.execute("SELECT count() FROM budget") == [(34,)]
    assert not {t for t in tables(ch) if "__" in t}


@pytest.mark.integration
def test_excel_sheet_without_merged_cells_loads_column_by_column(local_files, tmp_path, ch, caplog):
    """A plain data sheet (no merged cells: calamine's cells are converted a column at a time):
    types, NULLs, dates, blank rows, batches; a bad cell in a later batch names its row and column
    and nothing of the sheet is published."""
    import logging

    import openpyxl

    path = tmp_path / "sales.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sales"
    ws.append(["id", "customer", "amount", "qty", "day", "at", "note", "flag"])
    for i in range(1, 2501):
        if i == 1200:
            ws.append([None] * 8)  # a blank row: skipped
        ws.append([
            i, f"c{i % 7}", i / 4, None if i % 10 == 0 else i % 9, dt.date(2024, 1, 1) + dt.timedelta(i % 300),
            dt.datetime(2024, 1, 1, 8) + dt.timedelta(minutes=i), None if i % 3 else f"n{i}", i % 2 == 0,
        ])  # fmt: skip
    wb.save(path)

    def load(**kwargs):
        args = {"task_id": "excel", "path": str(path), "sheet": "Sales", "target_conn_id": CH_CONN}
        return ExcelToClickHouseOperator(**{**args, "target_table": "sales", **kwargs}).execute({})

    caplog.set_level(logging.INFO)
    assert load(batch_size=1000)["rows"] == 2500
    assert (
        "[Sales]: read in Python with the calamine reader (ClickHouse has no input format for .xlsx)"
        in caplog.text
    )
    assert columns(ch, "sales") == {
        "id": "Int64", "customer": "String", "amount": "Float64", "qty": "Nullable(Int64)", "day": "Date",
        "at": "DateTime", "note": "Nullable(String)", "flag": "UInt8",
    }  # fmt: skip
    assert ch.execute(
        "SELECT count(), sum(id), sum(amount), countIf(qty IS NULL), sum(qty), min(day), max(at), "
        "countIf(note IS NULL), sum(flag) FROM sales"
    ) == [
        (2500, 3126250, 781562.5, 250, 9000, dt.date(2024, 1, 1), dt.datetime(2024, 1, 3, 1, 40), 1667, 1250)
    ]
    assert ch.execute(
        "SELECT id, customer, amount, qty, day, at, note, flag FROM sales WHERE id IN (3, 10)"
    ) == [
        (3, "c3", 0.75, 3, dt.date(2024, 1, 4), dt.datetime(2024, 1, 1, 8, 3), "n3", 0),
        (10, "c3", 2.5, None, dt.date(2024, 1, 11), dt.datetime(2024, 1, 1, 8, 10), None, 1),
    ]

    wb = openpyxl.load_workbook(path)
    wb["Sales"]["D2302"] = "many"  # id 2300 (row 2302: the header, the blank row), in the third batch
    wb.save(path)
    for mode in ("append", "replace"):
        with pytest.raises(Exception) as err:
            load(batch_size=1000, mode=mode)
        assert str(err.value) == (
            f"{path} [Sales]: row 2302, column 'qty': cannot load 'many' as Nullable(Int64) (not an integer)"
        )
        assert ch.execute("SELECT count(), sum(id) FROM sales") == [(2500, 3126250)]
    assert not {t for t in tables(ch) if "__" in t}


# --------------------------------------------------------------------------- exports


@pytest.fixture
def report_table(ch):
    ch.execute(
        "CREATE TABLE report (region String, amount Decimal(12, 2), orders Int64, day Date, "
        "updated DateTime, note Nullable(String)) ENGINE = MergeTree() ORDER BY region"
    )
    ch.execute(
        "INSERT INTO report VALUES",
        [
            ("Север", Decimal("1200.50"), 12, dt.date(2024, 1, 1), dt.datetime(2024, 1, 1, 8), "a"),
            ("Юг", Decimal("800.00"), 8, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 9), None),
            (
                "Запад",
                Decimal("450.25"),
                5,
                dt.date(2024, 1, 3),
                dt.datetime(2024, 1, 3, 10),
                "long note " * 5,
            ),
        ],
    )
    return "report"


@pytest.mark.integration
def test_export_xlsx_with_chart(local_files, tmp_path, s3_server, bucket, ch, report_table):
    import openpyxl

    out = tmp_path / "sales.xlsx"
    result = ClickHouseToExcelOperator(
        task_id="xlsx",
        source_conn_id=CH_CONN,
        sql="SELECT region, amount, orders, day FROM report ORDER BY region",
        path=str(out),
        sheet="Продажи",
        chart={"type": "bar", "column": "amount", "category": "region"},
    ).execute({})
    assert result["rows"] == 3
    with zipfile.ZipFile(out) as zf:
        assert "xl/charts/chart1.xml" in zf.namelist()
        chart_xml = zf.read("xl/charts/chart1.xml").decode()
    assert re.search(r"<(\w+:)?barChart>", chart_xml)
    assert "'Продажи'!$B$2:$B$4" in chart_xml and "'Продажи'!$A$2:$A$4" in chart_xml
    wb = openpyxl.load_workbook(out)
    ws = wb["Продажи"]
    assert [c.value for c in ws[1]] == ["region", "amount", "orders", "day"]
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("305496")
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D4"
    assert [ws.cell(r, 1).value for r in (2, 3, 4)] == ["Запад", "Север", "Юг"]
    assert ws["B3"].value == 1200.5 and ws["D2"].value == dt.datetime(2024, 1, 3)
    assert ws.column_dimensions["A"].width >= 8

    line = ClickHouseToExcelOperator(
        task_id="xlsx",
        source_conn_id=CH_CONN,
        table="report",
        path=f"s3://{bucket}/reports/report.xlsx",
        chart={"type": "line", "column": "orders", "category": "day"},
        s3_conn_id="s3_test",
    ).execute({})
    assert line["rows"] == 3
    body = s3_server.client().get_object(Bucket=bucket, Key="reports/report.xlsx")["Body"].read()
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        assert re.search(r"<(\w+:)?lineChart>", zf.read("xl/charts/chart1.xml").decode())
    ws = openpyxl.load_workbook(io.BytesIO(body))["Report"]
    assert "long note " * 5 in [c.value for c in ws["F"]] and ws.column_dimensions["F"].width > 40

    with pytest.raises(ExcelFileError, match=r"chart column 'nope' is not a result column"):
        ClickHouseToExcelOperator(
            task_id="x",
            source_conn_id=CH_CONN,
            table="report",
            path=str(tmp_path / "x.xlsx"),
            chart={"column": "nope"},
        ).execute({})
    assert not (tmp_path / "x.xlsx").exists() and not list(tmp_path.glob(".ai-etl-export*"))


@pytest.mark.integration
def test_export_to_s3_csv_and_parquet_round_trip(s3_server, bucket, ch, report_table):
    import pyarrow.parquet as pq

    csv_result = ClickHouseToS3Operator(
        task_id="csv",
        source_conn_id=CH_CONN,
        sql="SELECT region, amount, note FROM report ORDER BY orders",
        path=f"s3://{bucket}/exports/report.csv",
        format="csv",
        s3_conn_id="s3_test",
    ).execute({})
    assert csv_result["rows"] == 3
    text = s3_server.client().get_object(Bucket=bucket, Key="exports/report.csv")["Body"].read().decode()
    assert text.splitlines()[:3] == ["region,amount,note", f"Запад,450.25,{'long note ' * 5}", "Юг,800.00,"]

    pq_result = ClickHouseToS3Operator(
        task_id="pq",
        source_conn_id=CH_CONN,
        table="report",
        path=f"s3://{bucket}/exports/",
        format="parquet",
        s3_conn_id="s3_test",
        batch_size=2,
    ).execute({})
    assert pq_result["path"] == f"s3://{bucket}/exports/report.parquet"
    body = s3_server.client().get_object(Bucket=bucket, Key="exports/report.parquet")["Body"].read()
    table = pq.read_table(io.BytesIO(body))
    assert str(table.schema.field("amount").type) == "decimal128(12, 2)"
    assert table.num_rows == 3

    # What goes out as Parquet comes back in with the same types and values.
    back = s3_load(f"s3://{bucket}/exports/*.parquet", "report_copy", format="parquet")
    assert back["rows"] == 3
    assert ch.execute("SELECT * FROM report_copy ORDER BY region") == ch.execute(
        "SELECT * FROM report ORDER BY region"
    )

    with pytest.raises(S3PathError, match="S3 bucket 'no-such-bucket' does not exist"):
        ClickHouseToS3Operator(
            task_id="x",
            source_conn_id=CH_CONN,
            table="report",
            path="s3://no-such-bucket/r.csv",
            s3_conn_id="s3_test",
        ).execute({})


# --------------------------------------------------------------------------- pure functions


def test_glob_and_inference_rules():
    rx = glob_to_regex("raw/sales/*.csv")
    assert rx.match("raw/sales/a.csv") and not rx.match("raw/sales/2024/a.csv")
    assert glob_to_regex("raw/**/*.csv").match("raw/sales/2024/a.csv")
    assert glob_to_regex("raw/**/*.csv").match("raw/a.csv")
    assert infer_type(["1", "2", ""]) == "Nullable(Int64)"
    assert infer_type(["007", "1"]) == "String"
    assert infer_type(["1", "2.5"]) == "Float64"
    assert infer_type(["1,5"], decimal_comma=True) == "Float64"
    assert infer_type(["2024-01-01", "31.12.2024"]) == "Date"
    assert infer_type(["2024-01-01", "2024-01-01 10:00"]) == "DateTime"
    assert infer_type(["1969-12-31"]) == "String"
    assert infer_type([dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 1)]) == "Date"
    assert infer_type([None, None]) == "Nullable(String)"
    assert S3Hook.hook_name == "S3 (AI ETL)" and S3Hook.conn_type == "aws"


def _listing(hook: S3Hook, bucket: str) -> list[tuple[str, int]]:
    return sorted((o.key, o.size) for o in hook.list_objects(f"s3://{bucket}/in/*.csv"))


def test_s3_client_comes_from_the_amazon_providers_hook(s3_server, bucket, s3_conn, tmp_path):
    """With apache-airflow-providers-amazon installed ([s3] extra) the Amazon S3Hook reads the
    connection; listing, glob, upload and read behave as on the boto3 path."""
    pytest.importorskip("airflow.providers.amazon.aws.hooks.s3")
    put(s3_server, bucket, "in/a.csv", "id\n1\n")
    put(s3_server, bucket, "in/b.csv", "id\n2\n3\n")
    put(s3_server, bucket, "in/sub/c.csv", "id\n4\n")
    hook = S3Hook(aws_conn_id=s3_conn)
    assert hook.backend == "amazon"
    client = hook.get_conn()
    assert client.meta.endpoint_url == s3_server.endpoint_url and client.meta.region_name == "us-east-1"
    assert _listing(hook, bucket) == [("in/a.csv", 5), ("in/b.csv", 7)]
    local = tmp_path / "up.csv"
    local.write_text("id\n9\n")
    uploaded = hook.upload_file(str(local), f"s3://{bucket}/out/up.csv")
    assert hook.read_object(bucket, uploaded.key) == b"id\n9\n"
    assert hook.bucket_exists(bucket) and not hook.bucket_exists("no-such-bucket")


def test_s3_boto3_path_without_the_amazon_provider(s3_server, bucket, s3_conn, monkeypatch):
    """Without the provider (simulated: its import fails) the same connection works through boto3."""
    import airflow_ai_etl.hooks.s3 as s3_module

    put(s3_server, bucket, "in/a.csv", "id\n1\n")
    through_amazon = _listing(S3Hook(aws_conn_id=s3_conn), bucket)  # whichever path is installed
    monkeypatch.setattr(s3_module, "_amazon_s3_hook_class", lambda: None)
    plain = S3Hook(aws_conn_id=s3_conn)
    assert plain.backend == "boto3"
    assert plain.get_conn().meta.endpoint_url == s3_server.endpoint_url
    assert _listing(plain, bucket) == through_amazon == [("in/a.csv", 5)]


def test_s3_endpoint_only_in_host_keeps_the_boto3_path(s3_server, bucket, monkeypatch):
    """An endpoint written as the extra's `host` (read here, not by the Amazon provider) still works."""
    put(s3_server, bucket, "in/a.csv", "id\n1\n")
    conn = json.loads(s3_server.connection_json())
    conn["extra"] = {"host": s3_server.endpoint_url}
    monkeypatch.setenv("AIRFLOW_CONN_S3_HOST_ONLY", json.dumps(conn))
    hook = S3Hook(aws_conn_id="s3_host_only")
    assert hook.backend == "boto3"
    assert _listing(hook, bucket) == [("in/a.csv", 5)]


@pytest.mark.integration
def test_dropped_target_is_created_again_and_every_file_reloaded(s3_server, bucket, ch, caplog):
    header = "id,amount\n"
    put(s3_server, bucket, "drop/a.csv", header + "1,10\n2,20\n")
    put(s3_server, bucket, "drop/b.csv", header + "3,30\n")
    path = f"s3://{bucket}/drop/"
    first = s3_load(path, "dropped")
    assert (first["files"], first["rows"], first["reason"], first["reloaded"]) == (2, 3, None, None)

    caplog.set_level("WARNING", logger="airflow_ai_etl.transfers.files_to_clickhouse")
    again = s3_load(path, "dropped")
    assert (again["files"], again["rows"], len(again["skipped"])) == (0, 0, 2)
    assert again["reason"].startswith("no new files: all 2 files at")
    assert "mode='replace'" in again["reason"]
    assert "Nothing loaded into" in caplog.text and "no new files" in caplog.text

    ch.execute("DROP TABLE dropped")
    caplog.clear()
    reloaded = s3_load(path, "dropped")
    assert (reloaded["files"], reloaded["rows"], reloaded["skipped"]) == (2, 3, [])
    assert "does not exist" in reloaded["reloaded"] and reloaded["reason"] is None
    assert "every file is loaded again" in caplog.text
    assert ch.execute("SELECT count(), sum(amount) FROM dropped") == [(3, 60)]
    assert s3_load(path, "dropped")["files"] == 0  # the reload is remembered for the new table

    # Recreated empty by hand (or truncated): reloaded too; a new file loads once with the others.
    ch.execute("DROP TABLE dropped")
    ch.execute("CREATE TABLE dropped (id Int64, amount Int64) ENGINE = MergeTree ORDER BY id")
    put(s3_server, bucket, "drop/c.csv", header + "4,40\n")
    recreated = s3_load(path, "dropped")
    assert (recreated["files"], recreated["rows"]) == (3, 4) and "is empty" in recreated["reloaded"]
    assert ch.execute("SELECT count(), sum(amount) FROM dropped") == [(4, 100)]


@pytest.mark.integration
def test_reload_that_stops_half_way_does_not_count_the_old_tables_files(s3_server, bucket, ch):
    header = "id,amount\n"
    put(s3_server, bucket, "half/a.csv", header + "1,10\n")
    put(s3_server, bucket, "half/b.csv", header + "2,20\n")
    path = f"s3://{bucket}/half/"
    assert s3_load(path, "half")["files"] == 2
    ch.execute("DROP TABLE half")
    # b.csv now fails: the reload loads a.csv only, and its reset row retires the old entries.
    put(s3_server, bucket, "half/b.csv", header + "2,not a number\n")
    with pytest.raises(FilesLoadError):
        s3_load(path, "half")
    assert ch.execute("SELECT count() FROM half") == [(1,)]
    put(s3_server, bucket, "half/b.csv", header + "2,20\n")  # the ETag the old table's entry has
    fixed = s3_load(path, "half")
    assert (fixed["files"], fixed["loaded"], fixed["reloaded"]) == (1, [f"s3://{bucket}/half/b.csv"], None)
    assert ch.execute("SELECT count(), sum(amount) FROM half") == [(2, 30)]
