"""Excel (.xlsx) files with openpyxl: stream a sheet's rows, and write a styled report with a chart.

Reading (:class:`ExcelWorkbook`) opens the workbook read-only (rows are streamed, the sheet is never
held in memory) with cached formula values (``data_only``: a formula reads as the value Excel last
computed; None if the file was never recalculated, e.g. written by a script). A path may be local or
``s3://...`` (downloaded to a temporary file first: .xlsx is a zip archive and needs random access).

* ``sheet``: a sheet name, or a 0-based index (an int, or a digit string that is not a sheet name).
* ``header_row`` (1-based): the row with column names; rows above it (titles) are ignored, data
  starts below it. Columns right of the last non-empty header cell are ignored; an empty header cell
  in between names its column ``column_<n>``.
* Merged cells: every cell of a merged range gets the value of the range's top-left cell (a region
  name merged over five rows repeats on each of them; a header merged over two columns names both,
  the second with a ``_2`` suffix).
* Rows whose cells are all empty are skipped.

The rows come from python-calamine (a Rust reader; the ``excel`` extra) when it is installed and
the sheet's XML is at most :data:`CALAMINE_MAX_SHEET_BYTES` uncompressed (calamine holds the whole
sheet in memory, about the XML's size again), else from the streaming reader below (regular
expressions over the sheet's XML, a chunk at a time); the reason is logged. Both give the same
values (tests compare them cell by cell): calamine's numbers are floats and its date-only cells
``date``, so an integral float within +-2**53 becomes an int and a date a midnight ``datetime``,
as the streaming reader reads the XML's text. Known differences, both from writers other than
Excel and openpyxl: an integer written with a decimal point or an exponent (``10.0``, ``1E3``)
reads as an int, and an integer beyond +-2**53 as a float.

Writing (:class:`ExcelReportWriter`) uses openpyxl's write-only mode (rows are streamed to the
file): bold header on a filled background, frozen header row, auto-filter, column widths from the
header and the first rows, and optionally a bar or line chart of one column by a category column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import html
import logging
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, islice, repeat
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.file_roots import FileRootError, readable_local_file
from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError, is_s3_path, parse_s3_path

log = logging.getLogger(__name__)

EXCEL_MAX_ROWS = 1_048_576
# The largest sheet (its XML, uncompressed) read with python-calamine, which holds a whole sheet in
# memory; larger sheets are streamed. 256 MB of XML is about 3 million cells.
CALAMINE_MAX_SHEET_BYTES = 256 * 1024 * 1024
READERS = ("auto", "streaming")
CHART_TYPES = ("bar", "line")
HEADER_FILL = "305496"
_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


class ExcelFileError(AIETLError, AirflowException):
    """The file is missing, not a readable .xlsx workbook, or cannot be written."""


class SheetNotFoundError(ExcelFileError):
    """The requested sheet is not in the workbook (the message lists the sheets)."""


@contextlib.contextmanager
def local_copy(path: str, s3_conn_id: str | None = None) -> Iterator[str]:
    """A local file name for ``path``: the resolved local path (only under ``[ai_etl] file_roots``),
    or a temporary download of an S3 object."""
    if not is_s3_path(path):
        try:  # only under [ai_etl] file_roots; a missing file and a refused one read the same
            real = readable_local_file(path, "a readable workbook")
        except FileRootError as e:
            raise ExcelFileError(str(e)) from None
        yield real
        return
    if not s3_conn_id:
        raise ExcelFileError(f"{path} is on S3: give s3_conn_id")
    bucket, key = parse_s3_path(path)
    hook = S3Hook(aws_conn_id=s3_conn_id)
    if not hook.bucket_exists(bucket):
        raise S3PathError(f"S3 bucket {bucket!r} does not exist (connection {s3_conn_id!r})")
    if not any(o.key == key for o in hook.list_objects(path)):
        raise ExcelFileError(f"Excel file {path} does not exist")
    with tempfile.NamedTemporaryFile(suffix=Path(key).suffix or ".xlsx") as tmp:
        hook.download_fileobj(bucket, key, tmp)
        tmp.flush()
        yield tmp.name


_MERGE_REF = re.compile(rb"<(?:[\w-]+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+[0-9]+:[A-Za-z]+[0-9]+)\"")


def _merged_ranges(filename: str, sheet_xml: str | None) -> list[tuple[int, int, int, int]]:
    """``(min_row, min_col, max_row, max_col)`` of the sheet's merged ranges.

    The ``<mergeCell ref="A1:E1"/>`` elements follow the cell data in the sheet's XML, and the
    ranges are needed before the rows are read: the XML is scanned as bytes (the cells are not
    parsed), a chunk at a time, keeping the end of each chunk for a reference cut in two.
    """
    if not sheet_xml:
        return []
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    tail = b""
    with zipfile.ZipFile(filename) as zf, zf.open(sheet_xml) as f:
        while chunk := f.read(1 << 20):
            data = tail + chunk
            end = 0
            for m in _MERGE_REF.finditer(data):
                min_col, min_row, max_col, max_row = range_boundaries(m.group(1).decode())
                ranges.append((min_row, min_col, max_row, max_col))
                end = m.end()
            tail = data[max(end, len(data) - 200) :]
    return ranges


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE = _NS + "row", _NS + "c", _NS + "v", _NS + "is"


def _column_index(letters: str, cache: dict[str, int]) -> int:
    """0-based column of ``AB`` (cached: a sheet has few distinct columns)."""
    index = cache.get(letters)
    if index is None:
        index = 0
        for ch in letters:
            index = index * 26 + ord(ch) - 64
        cache[letters] = index - 1
        index -= 1
    return index


# Rows and cells of a sheet's XML, read as bytes (namespace-prefixed sheets use the XML parser).
_ROW_OR_CELL = re.compile(
    # a row | a cell as Excel and most writers lay it out (r, s, t in this order; a plain <v>) |
    # any other cell
    rb"<row\b([^>]*)>"
    rb'|<c r="([A-Z]{1,3})[0-9]+"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?'
    rb"(?:/>|><v>([^<]*)</v></c>|><is><t(?: [^>]*)?>([^<]*)</t></is></c>)"  # inline: write-only openpyxl
    rb"|<c\b([^>]*?)(?:/>|>(.*?)</c>)",
    re.DOTALL,
)
_ATTR = re.compile(rb'\b(r|t|s)="([^"]*)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_V = re.compile(rb"<v>([^<]*)</v>")
_T = re.compile(rb"<t\b[^>]*>([^<]*)</t>")


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _read_cell(
    kind: bytes,
    text: str,
    style: bytes | None,
    shared: Any,
    date_styles: set[bytes],
    timedelta_styles: set[bytes],
    epoch: Any,
) -> Any:
    """One cell's value from its type attribute and ``<v>`` text (as openpyxl reads it)."""
    if not text:
        return None
    if kind == b"n":
        value: Any = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        if style and style in date_styles:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(value, epoch, timedelta=style in timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value
    if kind == b"s":
        return shared[int(text)]
    if kind == b"b":
        return bool(int(text))
    if kind == b"d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(text)
    return _unescape(text)  # str (a formula's text), e (an error)


_DATE_CACHE = 1 << 16  # distinct (style, number) date cells remembered by the streaming reader


def _sheet_values(
    wb: Any, filename: str, sheet_xml: str, shared_strings: Sequence[str] | None = None
) -> Iterator[tuple[int, list[Any]]]:
    """``(row_number, values)`` of a sheet, streamed from its XML with the values openpyxl's
    read-only ``iter_rows(values_only=True)`` gives (shared/inline strings, booleans, numbers as
    int or float, date-formatted numbers as datetimes, errors as their text), without a Python
    object per cell: the XML is scanned with regular expressions a chunk of whole rows at a time
    (about 3x openpyxl's speed). Missing rows are not yielded; missing cells are None.

    ``shared_strings``: the workbook's shared-string table as read (a read-only worksheet's
    ``shared_strings``; the workbook's own attribute is the empty table openpyxl writes with).
    """
    shared = wb.shared_strings if shared_strings is None else shared_strings
    date_styles = {str(i).encode() for i in (getattr(wb, "_date_formats", None) or ())}
    timedelta_styles = {str(i).encode() for i in (getattr(wb, "_timedelta_formats", None) or ())}
    epoch = wb.epoch
    columns: dict[Any, int] = {}  # column letters (bytes in the common layout, else str) -> index
    dates: dict[tuple[bytes, bytes], Any] = {}  # (style, text) -> the date-time (immutable)
    number = 0
    values: list[Any] | None = None
    value: Any
    col = -1
    with zipfile.ZipFile(filename) as zf, zf.open(sheet_xml) as f:
        head = f.read(1 << 16)
        if b"<row" not in head and re.search(rb"<[\w-]+:row\b", head):
            yield from _sheet_values_parsed(wb, filename, sheet_xml, shared)
            return
        buffer = head
        while True:
            chunk = f.read(1 << 20)
            data = buffer + chunk
            cut = len(data) if not chunk else data.rfind(b"</row>") + 6
            if cut < 6:
                buffer = data
                continue
            buffer = data[cut:]
            for m in _ROW_OR_CELL.finditer(data, 0, cut):
                row_attrs, letters, style, kind, text, inline, cell_attrs, body = m.groups()
                if row_attrs is not None:
                    if values is not None:
                        yield number, values
                    r = _ROW_NUMBER.search(row_attrs)
                    number = int(r.group(1)) if r else number + 1
                    values, col = [], -1
                    continue
                if letters is not None:  # the common layout: no attribute dictionary, no decoding
                    col = columns.get(letters, -1)
                    if col < 0:
                        col = columns[letters] = _column_index(letters.decode(), {})
                    if inline is not None:  # an inline string (only after t="inlineStr")
                        value = _unescape(inline.decode())
                    elif not text:
                        value = None
                    elif kind is None or kind == b"n":  # a number (int() and float() read bytes)
                        value = float(text) if (b"." in text or b"E" in text or b"e" in text) else int(text)
                        if style and style in date_styles:  # a date column repeats its days
                            cached = dates.get((style, text))
                            if cached is None:
                                cached = _read_cell(
                                    b"n", text.decode(), style, shared, date_styles, timedelta_styles, epoch
                                )
                                if len(dates) < _DATE_CACHE:
                                    dates[style, text] = cached
                            value = cached
                    elif kind == b"s":
                        value = shared[int(text)]
                    else:
                        value = _read_cell(
                            kind, text.decode(), style, shared, date_styles, timedelta_styles, epoch
                        )
                else:
                    attrs = dict(_ATTR.findall(cell_attrs))
                    ref = attrs.get(b"r")
                    col = _column_index(ref.decode().rstrip("0123456789"), columns) if ref else col + 1
                    kind = attrs.get(b"t", b"n")
                    style = attrs.get(b"s")
                    value = None
                    if body and kind == b"inlineStr":
                        value = _unescape("".join(t.decode() for t in _T.findall(body)))
                    elif body:
                        v = _V.search(body)
                        text = v.group(1).decode() if v else ""
                        value = _read_cell(kind, text, style, shared, date_styles, timedelta_styles, epoch)
                if values is None:
                    continue
                width = len(values)
                if col == width:  # the usual next cell
                    values.append(value)
                    continue
                if col > width:
                    values.extend([None] * (col - width))
                    values.append(value)
                else:
                    values[col] = value
            if not chunk:
                break
    if values is not None:
        yield number, values


def _sheet_values_parsed(
    wb: Any, filename: str, sheet_xml: str, shared: Sequence[str]
) -> Iterator[tuple[int, list[Any]]]:
    """:func:`_sheet_values` for sheets with namespace prefixes: the XML parser, one row at a time."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    date_styles: set[int] = getattr(wb, "_date_formats", set()) or set()
    timedelta_styles: set[int] = getattr(wb, "_timedelta_formats", set()) or set()
    epoch = wb.epoch
    columns: dict[str, int] = {}
    number = 0
    with zipfile.ZipFile(filename) as zf, zf.open(sheet_xml) as f:
        for _, elem in iterparse(f, events=("end",)):
            if elem.tag != _ROW:
                continue
            r = elem.get("r")
            number = int(r) if r else number + 1
            values: list[Any] = []
            col = -1
            for cell in elem:
                if cell.tag != _CELL:
                    continue
                ref = cell.get("r")
                col = _column_index(ref.rstrip("0123456789"), columns) if ref else col + 1
                kind = cell.get("t", "n")
                if kind == "inlineStr":
                    inline = cell.find(_INLINE)
                    value: Any = "".join(inline.itertext()) if inline is not None else None
                else:
                    value = cell.findtext(_VALUE) or None
                    if value is not None:
                        if kind == "n":
                            value = (
                                float(value) if ("." in value or "E" in value or "e" in value) else int(value)
                            )
                            style = cell.get("s")
                            if style and int(style) in date_styles:
                                try:
                                    value = from_excel(value, epoch, timedelta=int(style) in timedelta_styles)
                                except (OverflowError, ValueError):
                                    value = "#VALUE!"
                        elif kind == "s":
                            value = shared[int(value)]
                        elif kind == "b":
                            value = bool(int(value))
                        elif kind == "d":
                            value = from_ISO8601(value)
                if col >= len(values):
                    values.extend([None] * (col + 1 - len(values)))
                values[col] = value
            elem.clear()
            yield number, values


_EXACT_FLOAT = 2**53  # integers up to this size are exact as doubles


@dataclass
class _CalamineSheet:
    """A sheet read whole by python-calamine (the workbook is closed once its rows are read)."""

    book: Any
    data: Any
    merged: list[tuple[int, int, int, int]]

    @property
    def lead(self) -> int:
        """The columns left of the first used one (calamine's rows start there)."""
        return self.data.start[1] if self.data.start else 0

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        return _converted_rows(self.book, self.data)


def _calamine_values(filename: str, sheet: str) -> _CalamineSheet:
    """A sheet read with python-calamine; its rows (:meth:`_CalamineSheet.rows`) are the
    ``(row_number, values)`` converted to the values the streaming reader gives (an empty cell is
    None where calamine gives "", an integral float within +-2**53 an int as the XML's text was, a
    date-only cell a midnight ``datetime``), and its merged ranges as :func:`_merged_ranges` gives them.

    The sheet is read whole when this is called (errors are raised here, before any row); rows are
    converted to Python one at a time. calamine yields rows from the sheet's first row, and each
    row from the first used column, which is put back with leading Nones.
    """
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(filename)
    try:
        data = book.get_sheet_by_name(sheet)
        merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in data.merged_cell_ranges or ()]
    except BaseException:
        book.close()
        raise
    return _CalamineSheet(book, data, merged)


def _has_error_cells(filename: str, sheet_xml: str) -> bool:
    """Whether the sheet's XML has a cell of type ``e`` (#N/A, #DIV/0!, ...): calamine reads them as
    empty cells, the streaming reader as their text. A plain byte search (a false match in a
    string's text only costs the faster reader)."""
    tail = b""
    with zipfile.ZipFile(filename) as zf, zf.open(sheet_xml) as f:
        while chunk := f.read(1 << 20):
            if b't="e"' in tail + chunk[:8] or b't="e"' in chunk:
                return True
            tail = chunk[-8:]
    return False


def _calamine_cell(v: Any) -> Any:
    """One calamine value as the streaming reader gives it (see :func:`_calamine_values`)."""
    t = type(v)
    if t is str:
        return v or None
    if t is float:
        return int(v) if v.is_integer() and -_EXACT_FLOAT <= v <= _EXACT_FLOAT else v
    if t is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    return v  # bool, int, datetime, time, timedelta


_CALAMINE_AS_IS = {bool, int, dt.datetime, dt.time, dt.timedelta}
_MIDNIGHT = dt.time(0)


def _calamine_column(cells: Sequence[Any]) -> list[Any]:
    """``[_calamine_cell(v) for v in cells]``, with one comprehension (or none) for a column of
    one value class (the class set is taken in C)."""
    classes = set(map(type, cells))
    if classes <= _CALAMINE_AS_IS:
        return list(cells)
    if classes == {str}:
        return [v or None for v in cells] if "" in cells else list(cells)
    if classes == {float}:
        integral = list(map(float.is_integer, cells))
        if all(integral) and -_EXACT_FLOAT <= min(cells) and max(cells) <= _EXACT_FLOAT:
            return list(map(int, cells))
        if not any(integral):
            return list(cells)
        return [
            int(v) if i and -_EXACT_FLOAT <= v <= _EXACT_FLOAT else v
            for v, i in zip(cells, integral, strict=True)
        ]
    if classes == {dt.date}:
        return list(map(dt.datetime.combine, cells, repeat(_MIDNIGHT)))
    return [_calamine_cell(v) for v in cells]


def _may_be_blank(column: list[Any]) -> bool:
    """Whether a converted column holds a value :func:`_is_blank` calls blank."""
    classes = set(map(type, column))
    if type(None) in classes:
        return True
    if str not in classes:
        return False
    if classes == {str}:
        return not all(map(str.strip, column))
    return not all(v.strip() for v in column if type(v) is str)


# Rows taken from calamine at a time while the cells are gathered into columns: calamine makes a
# list per row, and lists that live through a garbage collection (one every 700 new containers)
# are moved to older generations and scanned again and again; 256 rows die young. Gathering a
# 100,000-row sheet took 0.21 s of CPU in 100,000-row steps, 0.12 s in 1,000-row steps, 0.045 s in
# 256-row steps (the same as with the collector off).
_ROWS_AT_A_TIME = 256


def _calamine_cells(rows: Iterator[list[Any]], count: int, width: int) -> tuple[int, list[list[Any]]]:
    """``(rows taken, columns)``: the first ``width`` cells of up to ``count`` of calamine's rows,
    a list per column (a row shorter than ``width`` is padded with calamine's empty cell)."""
    columns: list[list[Any]] = [[] for _ in range(width)]
    taken = 0
    while taken < count and (chunk := list(islice(rows, min(_ROWS_AT_A_TIME, count - taken)))):
        taken += len(chunk)
        if min(map(len, chunk)) < width:  # (calamine's rows are all as wide as the sheet)
            chunk = [row + [""] * (width - len(row)) for row in chunk]
        for column, cells in zip(columns, zip(*chunk, strict=False), strict=False):
            column.extend(cells)
    return taken, columns


def _calamine_batches(
    sheet: _CalamineSheet, rows: Iterator[list[Any]], first: int, width: int, batch_size: int
) -> Iterator[tuple[list[int], list[list[Any]]]]:
    """``(row numbers, columns)`` of calamine's ``rows`` (the first is row ``first``), the
    sheet's first ``width`` columns converted a column at a time, rows with only blank cells left
    out, in batches of ``batch_size`` rows (the last one smaller), as :meth:`ExcelWorkbook.iter_rows`
    gives them row by row (no merged ranges: those take the row path)."""
    lead = sheet.lead
    number = first
    pending: tuple[list[int], list[list[Any]]] | None = None
    try:
        while True:
            taken, cells = _calamine_cells(rows, batch_size, width - lead)
            if not taken:
                break
            labels = list(range(number, number + taken))
            number += taken
            columns = [[None] * taken for _ in range(lead)] + [_calamine_column(c) for c in cells]
            if all(map(_may_be_blank, columns)):  # else no row can be blank
                keep = [not all(map(_is_blank, row)) for row in zip(*columns, strict=True)]
                if not all(keep):
                    labels = list(compress(labels, keep))
                    columns = [list(compress(column, keep)) for column in columns]
            if pending is not None:  # whole batches, as rows_to_batches groups the rows
                labels = pending[0] + labels
                columns = [a + b for a, b in zip(pending[1], columns, strict=True)]
            while len(labels) > batch_size:
                yield labels[:batch_size], [column[:batch_size] for column in columns]
                labels, columns = labels[batch_size:], [column[batch_size:] for column in columns]
            if len(labels) == batch_size:
                yield labels, columns
                labels = []
            pending = (labels, columns) if labels else None
        if pending is not None:
            yield pending
    finally:
        sheet.book.close()


def _converted_rows(book: Any, data: Any) -> Iterator[tuple[int, list[Any]]]:
    date, datetime = dt.date, dt.datetime
    lead: list[Any] = [None] * (data.start[1] if data.start else 0)
    try:
        for number, cells in enumerate(data.iter_rows(), start=1):
            row = lead.copy()
            append = row.append
            for v in cells:
                t = type(v)
                if t is str:
                    append(v or None)
                elif t is float:
                    append(int(v) if v.is_integer() and -_EXACT_FLOAT <= v <= _EXACT_FLOAT else v)
                elif t is date:
                    append(datetime(v.year, v.month, v.day))
                else:  # bool, int, datetime, time, timedelta
                    append(v)
            yield number, row
    finally:
        book.close()


@contextlib.contextmanager
def _no_dimension_scan() -> Iterator[None]:
    """Open a workbook without openpyxl reading every sheet up front for its size.

    A read-only worksheet looks for the ``<dimension>`` element when the workbook is loaded; a
    sheet written without one (by many scripts) is then parsed to its end, once per sheet, before
    anything is read. The rows are streamed below without the size, so the lookup is skipped.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    original = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ExcelWorkbook:
    """A workbook opened for streaming reads; use as a context manager.

    :param path: local path or ``s3://bucket/key.xlsx``.
    :param s3_conn_id: connection for S3 paths.
    :param reader: ``auto`` (python-calamine when installed and the sheet is at most
        :data:`CALAMINE_MAX_SHEET_BYTES` of XML, else streaming) or ``streaming`` (always the
        streaming reader). :attr:`reader_used` tells which one read the last sheet.
    """

    def __init__(self, path: str, s3_conn_id: str | None = None, reader: str = "auto") -> None:
        if reader not in READERS:
            raise ExcelFileError(f"reader must be one of {READERS}, got {reader!r}")
        self.path = path
        self.s3_conn_id = s3_conn_id
        self.reader = reader
        self.reader_used = ""
        self._stack = contextlib.ExitStack()
        self._wb: Any = None
        self.filename = ""

    def __enter__(self) -> ExcelWorkbook:
        from openpyxl import load_workbook

        try:
            self.filename = self._stack.enter_context(local_copy(self.path, self.s3_conn_id))
            try:
                with _no_dimension_scan():
                    self._wb = load_workbook(self.filename, read_only=True, data_only=True)
            except Exception as e:  # noqa: BLE001 - openpyxl raises many types for a bad archive
                raise ExcelFileError(
                    f"{self.path} is not a readable .xlsx workbook ({type(e).__name__}: {e}); "
                    "old .xls files must be saved as .xlsx"
                ) from None
            self._stack.callback(self._wb.close)
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stack.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheetnames)

    def resolve_sheet(self, sheet: str | int | None) -> str:
        """The name of ``sheet`` (name, 0-based index or digit string); the first sheet for None."""
        names = self.sheet_names
        if sheet is None or sheet == "":
            return names[0]
        if isinstance(sheet, str) and sheet in names:
            return sheet
        if isinstance(sheet, str):
            folded = [n for n in names if n.strip().casefold() == sheet.strip().casefold()]
            if len(folded) == 1:
                return folded[0]
        index = sheet if isinstance(sheet, int) else (int(sheet) if sheet.strip().isdigit() else None)
        if index is not None and 0 <= index < len(names):
            return names[index]
        listed = ", ".join(repr(n) for n in names)
        raise SheetNotFoundError(f"sheet {sheet!r} not found in {self.path}; its sheets are: {listed}")

    def _calamine_sheet(self, name: str, sheet_xml: str) -> _CalamineSheet | None:
        """The sheet read with python-calamine, or None (reason logged) to stream it."""
        if self.reader != "auto":
            return None
        try:
            import python_calamine  # noqa: F401
        except ImportError:
            log.info("%s [%s]: streaming reader (python-calamine is not installed)", self.path, name)
            return None
        try:
            with zipfile.ZipFile(self.filename) as zf:
                size = zf.getinfo(sheet_xml).file_size
            if size > CALAMINE_MAX_SHEET_BYTES:
                log.info(
                    "%s [%s]: streaming reader (the sheet is %.0f MB of XML, more than the %.0f MB "
                    "read whole with python-calamine)",
                    self.path,
                    name,
                    size / 2**20,
                    CALAMINE_MAX_SHEET_BYTES / 2**20,
                )
                return None
            if _has_error_cells(self.filename, sheet_xml):
                log.info(
                    "%s [%s]: streaming reader (the sheet has error cells such as #N/A, which "
                    "python-calamine reads as empty)",
                    self.path,
                    name,
                )
                return None
            fast = _calamine_values(self.filename, name)
        except Exception as e:  # noqa: BLE001 - calamine's errors vary; the streaming reader decides
            log.warning(
                "%s [%s]: streaming reader (python-calamine failed: %s: %s)",
                self.path,
                name,
                type(e).__name__,
                e,
            )
            return None
        self.reader_used = "calamine"
        return fast

    def iter_rows(
        self, sheet: str | int | None, header_row: int = 1
    ) -> tuple[list[Any], Iterator[tuple[int, list[Any]]]]:
        """``(header_cells, rows)``: the header row's values and an iterator of ``(row_number, values)``.

        Values are padded/cut to the header's width; merged ranges are filled; empty rows skipped.
        """
        if header_row < 1:
            raise ExcelFileError(f"header_row is 1-based, got {header_row}")
        name = self.resolve_sheet(sheet)
        sheet_xml = getattr(self._wb[name], "_worksheet_path", None)
        return self._rows(name, header_row, self._calamine_sheet(name, sheet_xml) if sheet_xml else None)

    def iter_batches(
        self, sheet: str | int | None, header_row: int = 1, batch_size: int = 100_000
    ) -> tuple[list[Any], Iterator[tuple[list[int], list[list[Any]]]]]:
        """``(header_cells, batches)``: :meth:`iter_rows`' header and rows, in batches of
        ``batch_size`` rows as ``(row numbers, one list of values per column)``.

        The same values as :meth:`iter_rows`; a sheet python-calamine reads that has no merged
        ranges is converted a column at a time (no Python call per cell), any other row by row.
        """
        if header_row < 1:
            raise ExcelFileError(f"header_row is 1-based, got {header_row}")
        if batch_size < 1:
            raise ExcelFileError(f"batch_size must be at least 1, got {batch_size}")
        name = self.resolve_sheet(sheet)
        sheet_xml = getattr(self._wb[name], "_worksheet_path", None)
        fast = self._calamine_sheet(name, sheet_xml) if sheet_xml else None
        if fast is None or fast.merged:
            header, rows = self._rows(name, header_row, fast)
            return header, _row_batches(rows, batch_size)
        raw = iter(fast.data.iter_rows())
        try:
            cells = next(islice(raw, header_row - 1, None), None)
            first = [None] * fast.lead + [_calamine_cell(v) for v in cells] if cells is not None else None
            width = self._header_width(name, header_row, first)
        except BaseException:
            fast.book.close()
            raise
        assert first is not None
        return first[:width], _calamine_batches(fast, raw, header_row + 1, width, batch_size)

    def _header_width(self, name: str, header_row: int, header: list[Any] | None) -> int:
        """The header's width (up to its last non-blank cell); an error when there is none."""
        if header is None:
            raise ExcelFileError(f"sheet {name!r} of {self.path} has no row {header_row} (no header)")
        width = max((i + 1 for i, v in enumerate(header) if not _is_blank(v)), default=0)
        if width == 0:
            raise ExcelFileError(f"header row {header_row} of sheet {name!r} in {self.path} is empty")
        return width

    def _rows(
        self, name: str, header_row: int, fast: _CalamineSheet | None
    ) -> tuple[list[Any], Iterator[tuple[int, list[Any]]]]:
        """:meth:`iter_rows` of the sheet ``name``, read by calamine (``fast``) or streamed."""
        ws = self._wb[name]
        sheet_xml = getattr(ws, "_worksheet_path", None)
        raw: Iterator[tuple[int, list[Any]]]
        if fast:
            raw, merged = fast.rows(), fast.merged
        elif sheet_xml:
            raw = _sheet_values(self._wb, self.filename, sheet_xml, getattr(ws, "_shared_strings", None))
            merged = _merged_ranges(self.filename, sheet_xml)
            self.reader_used = "streaming"
        else:  # not a read-only worksheet: openpyxl's own rows
            raw = ((n, list(v)) for n, v in enumerate(ws.iter_rows(values_only=True), start=1))
            merged = []
            self.reader_used = "openpyxl"
        starts: dict[int, list[tuple[int, int, int, int]]] = {}
        for rng in merged:
            starts.setdefault(rng[0], []).append(rng)
        active: list[tuple[tuple[int, int, int, int], Any]] = []

        def fill(number: int, row: list[Any]) -> tuple[int, list[Any]]:
            """Give the cells of merged ranges covering this row their range's top-left value."""
            nonlocal active
            if not starts:
                return number, row
            active = [(r, v) for r, v in active if r[2] >= number]
            for rng in starts.get(number, ()):
                top_left = row[rng[1] - 1] if len(row) >= rng[1] else None
                active.append((rng, top_left))
            for (_, min_col, _, max_col), value in active:
                if len(row) < max_col:
                    row.extend([None] * (max_col - len(row)))
                for c in range(min_col - 1, max_col):
                    row[c] = value
            return number, row

        def filled() -> Iterator[tuple[int, list[Any]]]:
            previous = 0
            for number, row in raw:
                for missing in range(previous + 1, number):  # rows the XML leaves out are empty
                    yield fill(missing, [])
                previous = number
                yield fill(number, row)

        rows = filled()
        header: list[Any] | None = None
        for number, row in rows:
            if number == header_row:
                header = row
                break
        width = self._header_width(name, header_row, header)
        assert header is not None

        def data() -> Iterator[tuple[int, list[Any]]]:
            padding = [None] * width
            for number, row in rows:
                cells = row[:width] if len(row) >= width else (row + padding)[:width]
                if _is_blank(cells[0]) and all(_is_blank(v) for v in cells):  # (most rows: one call)
                    continue
                yield number, cells

        return header[:width], data()


def _row_batches(
    rows: Iterator[tuple[int, list[Any]]], batch_size: int
) -> Iterator[tuple[list[int], list[list[Any]]]]:
    """``(row numbers, columns)`` batches of ``batch_size`` rows (all of the header's width)."""
    while chunk := list(islice(rows, batch_size)):
        yield [n for n, _ in chunk], [list(column) for column in zip(*(r for _, r in chunk), strict=True)]


def excel_sheet_exists(path: str, sheet: str | int | None, s3_conn_id: str | None = None) -> str | None:
    """Grounding check for the validator: None when the file opens and has ``sheet``, else why not."""
    try:
        with ExcelWorkbook(path, s3_conn_id) as wb:
            wb.resolve_sheet(sheet)
    except (ExcelFileError, S3PathError) as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - reported as a grounding failure
        return f"cannot open {path}: {e}"
    return None


# --------------------------------------------------------------------------- writing


def _cell_value(value: Any) -> Any:
    """A value openpyxl can store: tz-aware -> naive UTC, big ints/UUIDs/arrays -> text."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, bool | float | decimal.Decimal):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else str(value)  # Excel numbers are doubles
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dt.date | dt.time):
        return value
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, list | tuple):
        return ILLEGAL_CHARACTERS_RE.sub("", str(list(value)))
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 19
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def validate_chart(chart: dict[str, Any] | None, columns: Sequence[str]) -> dict[str, Any] | None:
    """Check a chart spec ``{"type": "bar"|"line", "column": ..., "category": ..., "title": ...}``."""
    if not chart:
        return None
    unknown = set(chart) - {"type", "column", "category", "title"}
    if unknown:
        raise ExcelFileError(f"chart has unknown keys {sorted(unknown)}; use type, column, category, title")
    kind = chart.get("type", "bar")
    if kind not in CHART_TYPES:
        raise ExcelFileError(f"chart type must be one of {CHART_TYPES}, got {kind!r}")
    for key in ("column", "category"):
        if chart.get(key) is not None and chart[key] not in columns:
            raise ExcelFileError(
                f"chart {key} {chart[key]!r} is not a result column; columns: {list(columns)}"
            )
    if not chart.get("column"):
        raise ExcelFileError("chart needs column (the values to plot)")
    return {
        "type": kind,
        "column": chart["column"],
        "category": chart.get("category"),
        "title": chart.get("title")
        or (f"{chart['column']} by {chart['category']}" if chart.get("category") else chart["column"]),
    }


class ExcelReportWriter:
    """Stream rows into a new .xlsx report.

    :param filename: local file to write (overwritten).
    :param columns: header names.
    :param sheet: sheet title (at most 31 characters, no ``[]:*?/\\``).
    :param chart: None or ``{"type": "bar"|"line", "column": <values>, "category": <labels>,
        "title": <optional>}``; placed right of the data.
    :param width_sample: rows used to size columns (widths must be set before rows are streamed).
    """

    def __init__(
        self,
        filename: str,
        columns: Sequence[str],
        sheet: str = "Report",
        chart: dict[str, Any] | None = None,
        width_sample: int = 1000,
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.workbook.child import INVALID_TITLE_REGEX

        if not sheet or len(sheet) > 31 or INVALID_TITLE_REGEX.search(sheet):
            raise ExcelFileError(f"{sheet!r} is not a valid sheet name (1-31 characters, none of []:*?/\\)")
        self.filename = filename
        self.columns = list(columns)
        self.chart = validate_chart(chart, self.columns)
        self._wb = Workbook(write_only=True)
        self._ws = self._wb.create_sheet(sheet)
        self._sample: list[list[Any]] = []
        self._width_sample = width_sample
        self._started = False
        self.rows = 0

    def write_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            if self.rows + 1 >= EXCEL_MAX_ROWS:
                raise ExcelFileError(
                    f"the result has more than {EXCEL_MAX_ROWS - 1} rows, the most an Excel sheet holds; "
                    "filter it, or export CSV/Parquet instead"
                )
            values = [_cell_value(v) for v in row]
            self.rows += 1
            if self._started:
                self._ws.append(values)
            else:
                self._sample.append(values)
                if len(self._sample) >= self._width_sample:
                    self._start()

    def _start(self) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        ws = self._ws
        for i, name in enumerate(self.columns, start=1):
            width = max([len(name)] + [_display_width(r[i - 1]) for r in self._sample])
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
        header = []
        for name in self.columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            header.append(cell)
        ws.append(header)
        for values in self._sample:
            ws.append(values)
        self._sample = []
        self._started = True

    def _add_chart(self) -> None:
        from openpyxl.chart import BarChart, LineChart, Reference
        from openpyxl.utils import get_column_letter

        spec = self.chart
        if not spec or not self.rows:
            return
        chart = BarChart() if spec["type"] == "bar" else LineChart()
        chart.title = spec["title"]
        chart.y_axis.title = spec["column"]
        chart.width, chart.height = 20, 10
        value_col = self.columns.index(spec["column"]) + 1
        chart.add_data(
            Reference(self._ws, min_col=value_col, min_row=1, max_row=self.rows + 1), titles_from_data=True
        )
        if spec["category"]:
            chart.x_axis.title = spec["category"]
            cat_col = self.columns.index(spec["category"]) + 1
            chart.set_categories(Reference(self._ws, min_col=cat_col, min_row=2, max_row=self.rows + 1))
        self._ws.add_chart(chart, f"{get_column_letter(len(self.columns) + 2)}2")

    def close(self) -> int:
        """Finish the sheet (header, chart, filter) and save; return the number of data rows."""
        from openpyxl.utils import get_column_letter

        if not self._started:
            self._start()
        self._ws.auto_filter.ref = f"A1:{get_column_letter(max(len(self.columns), 1))}{self.rows + 1}"
        self._add_chart()
        try:
            self._wb.save(self.filename)
        except OSError as e:
            raise ExcelFileError(f"cannot write {self.filename}: {e}") from None
        return self.rows
