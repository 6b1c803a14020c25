"""python-calamine (the fast reader) gives exactly the values of the streaming reader, cell by cell.

Every workbook the Excel tests build is read through :meth:`ExcelWorkbook.iter_rows` with both
readers, and header, row numbers and values (type included: ``1 == 1.0 == True`` in Python) are
compared; and through :meth:`ExcelWorkbook.iter_batches` (what the load uses: calamine's cells
converted a column at a time) in batches of 1, 3 and 100,000 rows, which must give the same rows.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from typing import Any

import openpyxl
import pytest

from airflow_ai_etl.hooks import excel
from airflow_ai_etl.hooks.excel import ExcelReportWriter, ExcelWorkbook

pytest.importorskip("python_calamine")


def _typed(value):
    return (type(value).__name__, value)


def read(path, sheet, header_row: int, reader: str) -> tuple[str, list, list]:
    with ExcelWorkbook(str(path), reader=reader) as book:
        header, rows = book.iter_rows(sheet, header_row)
        typed = [(n, [_typed(v) for v in cells]) for n, cells in rows]
        return book.reader_used, [_typed(v) for v in header], typed


def read_batches(path, sheet, header_row: int, reader: str, batch_size: int) -> tuple[str, list, list]:
    """:func:`read` through iter_batches: the batches put back into rows."""
    with ExcelWorkbook(str(path), reader=reader) as book:
        header, batches = book.iter_batches(sheet, header_row, batch_size)
        typed, sizes = [], []
        for labels, columns in batches:
            assert len(columns) == len(header) and {len(c) for c in columns} == {len(labels)}
            sizes.append(len(labels))
            typed += [
                (n, [_typed(v) for v in cells])
                for n, cells in zip(labels, zip(*columns, strict=True), strict=True)
            ]
        assert all(size == batch_size for size in sizes[:-1]) and sizes[-1:] <= [batch_size]
        return book.reader_used, [_typed(v) for v in header], typed


def assert_same(path, sheet, header_row: int = 1) -> list:
    used, header, rows = read(path, sheet, header_row, "auto")
    assert used == "calamine"
    old_used, old_header, old_rows = read(path, sheet, header_row, "streaming")
    assert old_used == "streaming"
    assert header == old_header
    assert [n for n, _ in rows] == [n for n, _ in old_rows]
    for (number, cells), (_, old_cells) in zip(rows, old_rows, strict=True):
        for column, (value, old) in enumerate(zip(cells, old_cells, strict=True)):
            assert value == old, f"row {number}, column {column + 1}"
    for reader in ("auto", "streaming"):
        for batch_size in (1, 3, 100_000):
            assert read_batches(path, sheet, header_row, reader, batch_size) == (
                "calamine" if reader == "auto" else "streaming",
                header,
                rows,
            ), (reader, batch_size)
    return rows


def budget(path) -> None:
    """tests/integration/test_s3_excel.py's workbook: merged title and region, a date column, an
    empty row, Cyrillic."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Факт"
    ws.append(["ignored"])
    plan = wb.create_sheet("План")
    plan.append(["Бюджет на 2024 год"])
    plan.merge_cells("A1:E1")
    plan.append(["Регион", "Статья", "Месяц", "Сумма", "Комментарий"])
    plan.append(["Север", "Аренда", dt.date(2024, 1, 1), 1000, "первый"])
    plan.append([None, "Зарплата", dt.date(2024, 2, 1), 2500.5, None])
    plan.append([None, "Связь", dt.date(2024, 3, 1), 300, None])
    plan.merge_cells("A3:A5")
    plan.append([None, None, None, None, None])
    plan.append(["Юг", "Аренда", dt.date(2024, 1, 1), 800, "итог"])
    for i in range(30):
        plan.append(["Запад", f"Статья {i}", dt.date(2024, 4, 1), i, None])
    plan.append(["Восток", "Ошибка", dt.date(2024, 5, 1), "много", None])
    wb.save(path)


def test_budget_workbook(local_files):
    path = local_files / "budget.xlsx"
    budget(path)
    rows = assert_same(path, "План", header_row=2)
    assert rows[1] == (4, [("str", "Север"), ("str", "Зарплата"), ("datetime", dt.datetime(2024, 2, 1))]
                       + [("float", 2500.5), ("NoneType", None)])  # fmt: skip
    assert_same(path, 0)
    assert_same(path, "План", header_row=1)  # the merged title as the header


def test_plan_workbook_and_the_fast_reader_rows(local_files):
    """tests/integration/test_files_end_to_end.py's sheet, and test_excel_fast_reader.py's cells."""
    path = local_files / "plan.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Факт"
    plan = wb.create_sheet("План")
    plan.append(["month", "department", "amount"])
    for month in range(1, 13):
        plan.append([month, "sales", month * 1000.0])
    wb.save(path)
    assert_same(path, "План")

    for write_only in (False, True):
        path = local_files / f"cells_{write_only}.xlsx"
        wb = openpyxl.Workbook(write_only=write_only)
        ws = wb.create_sheet("S") if write_only else wb.active
        if not write_only:
            ws.title = "S"
        for row in [
            ["text", "number", "float", "date", "when", "flag", "formula"],
            ['a & b <c> "q"', 1, 1.5, dt.date(2024, 1, 31), dt.datetime(2024, 1, 31, 10, 30), True, "=1+1"],
            ["Юг", -7, 1e-7, dt.date(1999, 12, 31), dt.datetime(1970, 1, 1), False, '="x"&"y"'],
            [None, None, None, None, None, None, None],
            ["  spaced  ", 2**40, 0.1 + 0.2, None, None, None, "=A2"],
        ]:
            ws.append(row)
        if not write_only:
            ws["C9"] = "far"
        wb.save(path)
        assert_same(path, "S")


def test_report_writer_output(local_files):
    """A report as ExcelReportWriter writes it (styled header, frozen pane, filter, chart)."""
    path = local_files / "report.xlsx"
    writer = ExcelReportWriter(str(path), ["region", "day", "revenue", "orders", "code"],
                               chart={"type": "bar", "column": "revenue", "category": "region"})  # fmt: skip
    writer.write_rows(
        [("north", dt.date(2024, 1, i), i * 10.25, i, f"{i:05d}") for i in range(1, 29)]
        + [("south", dt.datetime(2024, 2, 1, 8, 0, 1), 0.0, 0, "00000"), (None, None, None, None, None)]
    )
    writer.close()
    rows = assert_same(path, 0)
    assert rows[0][1][4] == ("str", "00001")  # leading zeros kept


def test_odd_cells_and_layout(local_files):
    """Leading zeros, empty and blank strings, booleans, dates, times, durations, the 1900 dates,
    large and tiny numbers, formulas without cached values, a merged block, a sheet that starts at
    C3 and a far cell."""
    path = local_files / "odd.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for column, name in enumerate(["h1", "h2", "h3", None, "h5"], start=3):
        ws.cell(3, column, name)
    cells: list[list[Any]] = [
        [1, 1.0, 1.5, -0.0, 2**53],
        ["007", "", " ", "0", "-2**53"],
        [True, False, None, 0, 1],
        [dt.date(2024, 1, 31), dt.datetime(2024, 1, 31, 10, 30, 15, 123000), dt.time(13, 45, 30), dt.time(0, 0)],
        [dt.timedelta(hours=30, minutes=5), dt.datetime(1900, 1, 1), dt.datetime(1900, 2, 28), dt.datetime(1900, 3, 1)],
        [-(2**53), 2**53 - 1, -(2**60), 1e300, -1e-300],
        [1e-7, 0.1 + 0.2, 12345678901234567, 123456789.125, -5],
        ["=1/0", "=NA()", "=1+1", '="x"', None],
    ]  # fmt: skip
    for r, row in enumerate(cells, start=4):
        for c, value in enumerate(row, start=3):
            ws.cell(r, c, value)
    ws.merge_cells("C20:D21")
    ws["C20"] = "merged"
    ws["G25"] = "far"
    wb.save(path)
    rows = assert_same(path, "S", header_row=3)
    empty = [("NoneType", None)] * 2  # columns A and B
    assert rows[0] == (4, empty + [("int", 1), ("int", 1), ("float", 1.5), ("int", 0), ("int", 2**53)])
    assert rows[1][1][2:4] == [("str", "007"), ("NoneType", None)]
    assert (20, empty + [("str", "merged")] * 2 + [("NoneType", None)] * 3) in rows
    assert (21, empty + [("str", "merged")] * 2 + [("NoneType", None)] * 3) in rows
    for reader in ("auto", "streaming"):  # an empty row as the header: the same error
        with pytest.raises(excel.ExcelFileError, match="header row 1 of sheet 'S' .* is empty"):
            read(path, "S", 1, reader)


def test_column_batches_of_an_unmerged_sheet(local_files, monkeypatch):
    """The column-at-a-time path (no row of calamine's converted one by one): the odd cells of
    the test above without the merged block, blank rows at batch edges, a column with only empty
    cells, numbers and text mixed in a column, whitespace-only cells, a sheet starting at C3."""
    path = local_files / "columns.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for column, name in enumerate(["h1", "h2", "h3", None, "h5", "h6"], start=3):
        ws.cell(3, column, name)
    rows: list[list[Any]] = [
        [1, 1.0, 1.5, -0.0, 2**53, None],
        ["007", "", " ", "0", "-2**53", None],
        [True, False, None, 0, 1, None],
        [None, None, None, None, None, None],
        [dt.date(2024, 1, 31), dt.datetime(2024, 1, 31, 10, 30, 15, 123000), dt.time(13, 45, 30), dt.time(0, 0)],
        [dt.timedelta(hours=30, minutes=5), dt.datetime(1900, 1, 1), dt.datetime(1900, 2, 28), dt.datetime(1900, 3, 1)],
        [" ", "  ", None, None, None, None],
        [-(2**53), 2**53 - 1, -(2**60), 1e300, -1e-300, None],
        [1e-7, 0.1 + 0.2, 12345678901234567, 123456789.125, -5, None],
    ]  # fmt: skip
    rows += [
        [i, i / 4, f"t{i}", dt.date(2024, 1, 1 + i % 28), None if i % 5 else "", None] for i in range(40)
    ]
    rows += [[None] * 6, [None] * 6, [2.5, "x", None, None, None, None]]
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row, start=3):
            ws.cell(r, c, value)
    numbers = wb.create_sheet("F")  # columns of numbers only: integral, beyond 2**53, fractions, dates
    numbers.append(["whole", "big", "fractions", "mixed", "days"])
    for i in range(30):
        big = 1e20 * i if i % 2 else float(i)  # (openpyxl writes 1e+20: a float to both readers)
        numbers.append([float(i), big, i + 0.5, i / 4, dt.date(2024, 2, 1 + i % 28)])
    wb.save(path)
    assert_same(path, "F")

    def row_by_row(book, data):
        raise AssertionError("iter_batches converted calamine's rows one by one")

    with monkeypatch.context() as patched:
        patched.setattr(excel, "_converted_rows", row_by_row)
        used, header, batched = read_batches(path, "S", 3, "auto", 100_000)
    assert used == "calamine"
    _, old_header, old_rows = read(path, "S", 3, "streaming")
    assert (header, batched) == (old_header, old_rows)
    assert len(old_rows) == len(rows) - 4  # the three empty rows and the whitespace-only one
    assert_same(path, "S", header_row=3)


def _patch(path, sheet_xml: str, shared: list[str]) -> None:
    """Replace the first sheet's XML and add a shared-string table (as Excel writes strings)."""
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist() if name != "xl/sharedStrings.xml"}
    si = "".join(s if s.startswith("<si>") else f'<si><t xml:space="preserve">{s}</t></si>' for s in shared)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(shared)}" uniqueCount="{len(shared)}">{si}</sst>'
    ).encode()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    if b"sharedStrings" not in parts["xl/_rels/workbook.xml.rels"]:
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml" Id="rId99"/></Relationships>',
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_excel_layout_shared_strings_errors_and_cached_formulas(local_files, caplog):
    """The cell kinds Excel itself writes: shared strings (rich text too), errors (#N/A, #DIV/0!),
    formulas with cached numbers/text/booleans, ISO dates (t="d"), cells without a reference."""
    path = local_files / "excel.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "S"
    wb.active["A1"] = dt.date(2024, 1, 1)  # styles.xml gets a date format (style 1)
    wb.save(path)
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="e"><v>#N/A</v></c>'
        '<c r="C2"><f>1+1</f><v>2</v></c><c r="D2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        '<c r="E2" t="b"><f>TRUE()</f><v>1</v></c></row>'
        '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="C3" s="1"><v>45322</v></c><c r="D3" s="1"><f>C3+1</f><v>45323</v></c>'
        '<c r="E3" t="n"><v>3.25</v></c></row>'
        '<row r="5"><c r="A5" t="s"><v>7</v></c><c r="B5"><v>-12</v></c><c r="C5" t="s"><v>8</v></c>'
        '<c r="D5"/><c r="E5" t="e"><v>#VALUE!</v></c></row>'
        '<row r="6"><c t="s"><v>9</v></c><c><v>42</v></c></row>'
        "</sheetData></worksheet>"
    )
    shared = ["name", "error", "number", "text", "flag", "00123", "a &amp; b", '<si><r><t xml:space="preserve">rich </t></r><r><t>text</t></r></si>', " ", "Юг"]  # fmt: skip
    _patch(path, sheet, shared)
    # Error cells: calamine reads them as empty cells, so such a sheet is streamed (reason logged).
    with caplog.at_level(logging.INFO, logger="airflow_ai_etl.hooks.excel"):
        used, header, rows = read(path, "S", 1, "auto")
    assert used == "streaming" and "error cells such as #N/A" in caplog.text
    assert rows[0][1][:2] == [("str", "00123"), ("str", "#N/A")]
    assert rows[1][1][1:4] == [("str", "#DIV/0!"), ("datetime", dt.datetime(2024, 1, 31)), ("datetime", dt.datetime(2024, 2, 1))]  # fmt: skip
    assert rows[2] == (5, [("str", "rich text"), ("int", -12), ("str", " "), ("NoneType", None), ("str", "#VALUE!")])  # fmt: skip
    assert rows[3] == (6, [("str", "Юг"), ("int", 42)] + [("NoneType", None)] * 3)

    # The same sheet without the error cells: calamine, the same values.
    _patch(path, re.sub(r'<c r="[A-Z]+[0-9]+" t="e">.*?</c>', "", sheet), shared)
    rows = assert_same(path, "S")
    assert rows[0] == (2, [("str", "00123"), ("NoneType", None), ("int", 2), ("str", "ab"), ("bool", True)])
    assert rows[2] == (5, [("str", "rich text"), ("int", -12), ("str", " ")] + [("NoneType", None)] * 2)


def test_bench_sheet(local_files):
    """The benchmark's sheet (openpyxl write-only: inline strings, dates), 2,000 rows."""
    path = local_files / "bench.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["id", "customer", "region", "amount", "quantity", "day"])
    for i in range(1, 2001):
        ws.append([i, f"customer {i % 50}", "north", (i % 1000) / 100, 1 + i % 9, dt.datetime(2024, 1, 1) + dt.timedelta(i % 700)])  # fmt: skip
    wb.save(path)
    assert len(assert_same(path, "Data")) == 2000


def test_large_sheet_and_missing_calamine_fall_back_to_streaming(local_files, monkeypatch, caplog):
    path = local_files / "budget.xlsx"
    budget(path)
    caplog.set_level(logging.INFO, logger="airflow_ai_etl.hooks.excel")
    monkeypatch.setattr(excel, "CALAMINE_MAX_SHEET_BYTES", 100)
    used, _, rows = read(path, "План", 2, "auto")
    assert used == "streaming" and len(rows) == 35
    assert "python-calamine" in caplog.text and "MB of XML" in caplog.text

    caplog.clear()
    monkeypatch.setitem(__import__("sys").modules, "python_calamine", None)  # import fails
    monkeypatch.setattr(excel, "CALAMINE_MAX_SHEET_BYTES", 256 * 2**20)
    used, _, again = read(path, "План", 2, "auto")
    assert (used, again) == ("streaming", rows)
    assert "python-calamine is not installed" in caplog.text


def test_calamine_failure_falls_back_and_bad_reader_name(local_files, monkeypatch, caplog):
    path = local_files / "budget.xlsx"
    budget(path)

    def broken(filename, sheet):
        raise ValueError("cannot read this")

    monkeypatch.setattr(excel, "_calamine_values", broken)
    caplog.set_level(logging.INFO, logger="airflow_ai_etl.hooks.excel")
    used, _, rows = read(path, "План", 2, "auto")
    assert used == "streaming" and len(rows) == 35
    assert "python-calamine failed: ValueError: cannot read this" in caplog.text
    with pytest.raises(excel.ExcelFileError, match="reader must be one of"):
        ExcelWorkbook(str(path), reader="fast")
