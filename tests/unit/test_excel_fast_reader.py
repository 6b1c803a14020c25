"""The regex sheet reader gives exactly the values openpyxl's read-only iter_rows gives."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from airflow_ai_etl.hooks.excel import ExcelWorkbook, _sheet_values


def _openpyxl_rows(path) -> list[list]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb["S"]
    ws.reset_dimensions()
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    return rows


@pytest.mark.parametrize("write_only", [False, True])
def test_values_equal_openpyxl(local_files, write_only):
    tmp_path = local_files
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("S") if write_only else wb.active
    if not write_only:
        ws.title = "S"
    rows = [
        ["text", "number", "float", "date", "when", "flag", "formula"],
        ['a & b <c> "q"', 1, 1.5, dt.date(2024, 1, 31), dt.datetime(2024, 1, 31, 10, 30), True, "=1+1"],
        ["Юг", -7, 1e-7, dt.date(1999, 12, 31), dt.datetime(1970, 1, 1), False, '="x"&"y"'],
        [None, None, None, None, None, None, None],
        ["  spaced  ", 2**40, 0.1 + 0.2, None, None, None, "=A2"],
    ]
    for r in rows:
        ws.append(r)
    if not write_only:
        ws.append([])
        ws["C9"] = "far"
    wb.save(path)
    expected = [r for r in _openpyxl_rows(path)]
    with ExcelWorkbook(str(path)) as book:
        sheet = book._wb["S"]
        got = {n: v for n, v in _sheet_values(book._wb, str(path), sheet._worksheet_path)}
    for number, row in enumerate(expected, start=1):
        have = got.get(number, [])
        assert (have + [None] * len(row))[: len(row)] == row, number
