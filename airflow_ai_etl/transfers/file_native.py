"""Loading a CSV / TSV / JSON-lines file by streaming its bytes to ClickHouse's own parser.

ClickHouse parses the file (``INSERT INTO staging (...) FORMAT CSVWithNames | CSV | JSONEachRow``
over the HTTP interface, chunked, see :meth:`ClickHouseHook.http_query`); Python only moves bytes
(gunzip, decode to UTF-8, count records: :mod:`~airflow_ai_etl.transfers.file_stream`). The rules
that make ClickHouse read a file the way the Python reader does:

* input settings (only those the server knows are sent): no tolerated errors
  (``input_format_allow_errors_num/ratio = 0``), no unknown JSON keys, no single-quoted CSV strings,
  the basic date-time parser, the CSV delimiter; on current servers also no trimming of spaces, no
  defaults for empty fields or NULLs, no header matching by name, and JSON numbers/objects are not
  read as text;
* an empty CSV field is sent as ``\\N``: NULL in a Nullable column, an error ("cannot parse") in a
  number or date column - the Python reader's rules. ClickHouse 18.16 would read an empty field as
  0 instead;
* the file goes native only when its sample (the first rows) has the column types and value forms
  ClickHouse reads the same way (:func:`native_plan`); otherwise - and when ClickHouse rejects the
  file, or the stream shows something ClickHouse would read differently (an empty field for a
  non-Nullable String column, ``\\N`` text, spaces around an unquoted field on a server that trims
  them, a JSON ``null`` or missing key for a non-Nullable number) - the file is loaded by the
  Python reader, which loads it or fails with its line / column / value message. The reason is
  logged.

Known differences that remain (as with ``clickhouse-client`` on the same file): ClickHouse 18.16
parses some decimal fractions one unit in the last binary place off the correctly rounded value
(``2.28`` -> ``2.2800000000000002``; current servers parse exactly); it accepts dates that do not
exist (``2024-02-30`` -> ``2024-03-01``), other date separators (``2024/01/31``), Unix timestamps in
DateTime columns and integers beyond the column's range (wrapped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.hooks.clickhouse import quote_identifier
from airflow_ai_etl.transfers.file_formats import ColumnBatch
from airflow_ai_etl.transfers.file_stream import CsvScanner, JsonLinesScanner, gunzip, to_utf8
from airflow_ai_etl.transfers.file_types import _unwrap, is_empty

# Base types whose text form ClickHouse and the Python reader read alike (see native_plan).
_NATIVE_BASES = {
    "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
    "Float32", "Float64", "Date", "DateTime", "String",
}  # fmt: skip
_INT_TEXT = re.compile(r"^-?[0-9]{1,18}$")
_FLOAT_TEXT = re.compile(r"^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$")

# Sent when the server knows them (system.settings); values make the parse strict.
STRICT_SETTINGS: dict[str, Any] = {
    "input_format_allow_errors_num": 0,
    "input_format_allow_errors_ratio": 0,
    "input_format_skip_unknown_fields": 0,
    "format_csv_allow_single_quotes": 0,
    "format_csv_allow_double_quotes": 1,
    "date_time_input_format": "basic",
    # current servers (unknown to 18.16)
    "input_format_csv_trim_whitespaces": 0,
    "input_format_csv_empty_as_default": 0,
    "input_format_null_as_default": 0,
    "input_format_with_names_use_header": 0,
    "input_format_csv_detect_header": 0,
    "input_format_defaults_for_omitted_fields": 0,
    "input_format_json_read_numbers_as_strings": 0,
    "input_format_json_read_objects_as_strings": 0,
    "input_format_json_read_arrays_as_strings": 0,
    "input_format_json_read_bools_as_strings": 0,
    "input_format_json_try_infer_numbers_from_strings": 0,
    "input_format_csv_allow_variable_number_of_columns": 0,
    "input_format_csv_allow_whitespace_or_tab_as_delimiter": 0,
    "format_csv_null_representation": "\\N",
}


class NativeFallback(Exception):
    """ClickHouse cannot load this file the way the Python reader would: load it with Python."""


@dataclass
class NativePlan:
    """How one file is streamed: its columns, their types, the INSERT format and the checks."""

    format: str  # "csv" | "tsv" (tab delimiter: ClickHouse's TabSeparated) | "jsonl"
    columns: list[str]
    types: list[str]
    delimiter: str = ","
    header: bool = True
    encoding: str = "utf-8"
    server_settings: frozenset[str] = frozenset()

    @property
    def clickhouse_format(self) -> str:
        if self.format == "jsonl":
            return "JSONEachRow"
        if self.format == "tsv":  # ClickHouse's CSV reader skips tabs around fields: no tab delimiter
            return "TSVWithNames" if self.header else "TSV"
        return "CSVWithNames" if self.header else "CSV"

    @property
    def nullable(self) -> list[bool]:
        return [_unwrap(t)[1] for t in self.types]

    @property
    def bases(self) -> list[str]:
        return [_unwrap(t)[0] for t in self.types]

    def settings(self) -> dict[str, Any]:
        wanted = dict(STRICT_SETTINGS, format_csv_delimiter=self.delimiter)
        return {k: v for k, v in wanted.items() if k in self.server_settings}

    def insert_sql(self, table_sql: str) -> str:
        cols = ", ".join(quote_identifier(c) for c in self.columns)
        return f"INSERT INTO {table_sql} ({cols}) FORMAT {self.clickhouse_format}"


def native_plan(
    fmt: str,
    sample: ColumnBatch,
    schema: dict[str, str],
    *,
    delimiter: str = ",",
    header: bool = True,
    encoding: str = "utf-8",
    decimal_comma: bool = False,
    server_settings: frozenset[str] = frozenset(),
) -> NativePlan | str:
    """A :class:`NativePlan` for a file whose sample ClickHouse reads as Python does, else the reason."""
    types = [schema[c] for c in sample.columns]
    for name, ch_type, values in zip(sample.columns, types, sample.data, strict=True):
        base, _ = _unwrap(ch_type)
        if base not in _NATIVE_BASES:
            return f"column {name!r} is {ch_type}, which the file loader converts in Python"
        bad = _first_foreign(fmt, base, values, decimal_comma)
        if bad is not None:
            return (
                f"column {name!r} has values ClickHouse does not read as {base} the same way (e.g. {bad!r})"
            )
    if fmt == "csv" and delimiter == "\t":
        fmt = "tsv"
    return NativePlan(fmt, list(sample.columns), types, delimiter, header, encoding, server_settings)


def _first_foreign(fmt: str, base: str, values: Sequence[Any], decimal_comma: bool) -> Any:
    """The first sample value ClickHouse would not read as ``base`` the way Python does, else None."""
    if fmt == "jsonl":
        for v in values:
            if v is None:
                continue
            if base == "String":
                ok = isinstance(v, str)  # numbers, booleans, objects: Python stores their JSON text
            elif base in ("Date", "DateTime"):
                ok = isinstance(v, str) and _date_like(base, v)
            elif base == "UInt8":
                ok = isinstance(v, int)  # booleans too
            elif base.startswith(("Int", "UInt")):
                ok = isinstance(v, int) and not isinstance(v, bool)
            else:  # Float32/64
                ok = isinstance(v, int | float) and not isinstance(v, bool)
            if not ok:
                return v
        return None
    pattern = None
    if base.startswith(("Int", "UInt")):
        pattern = _INT_TEXT
    elif base.startswith("Float"):
        pattern = _FLOAT_TEXT
    for v in values:
        if v == "":
            continue
        if base == "String":
            if v != v.strip():
                return v
            continue
        if pattern is not None and not pattern.match(v):
            return v
        if base in ("Date", "DateTime") and not _date_like(base, v):
            return v
    return None


def _date_like(base: str, text: str) -> bool:
    if base == "Date":
        return bool(_DATE_TEXT.match(text))
    return bool(_DATETIME_TEXT.match(text))


# --------------------------------------------------------------------------- the byte stream


@dataclass
class StreamReport:
    """What the byte stream saw: the record count and what ClickHouse would read differently."""

    records: int = 0
    empty_fields: bool = False
    quoted_empty: bool = False
    quote_or_escape: bool = False
    null_text: bool = False
    spaced: bool = False
    json_null: bool = False
    key_counts: dict[str, int] = field(default_factory=dict)


class EmptyFieldMarker:
    """Writes ``\\N`` into empty unquoted CSV fields (outside quotes), across chunk boundaries."""

    def __init__(self, delimiter: str) -> None:
        d = delimiter.encode()
        self.d = d
        self.pairs = [(d + d, d + b"\\N" + d), (b"\n" + d, b"\n\\N" + d), (d + b"\n", d + b"\\N\n"),
                      (d + b"\r", d + b"\\N\r")]  # fmt: skip
        self.prev = b"\n"  # the byte before this chunk, outside quotes (start of file: a line start)
        self.seen = False
        self._inside = False

    def _mark(self, text: bytes, prev: bytes) -> bytes:
        probe = prev + text
        if not any(a in probe for a, _ in self.pairs):
            return text
        self.seen = True
        for a, b in self.pairs:
            while a in probe:  # twice for ",,," (the replacement overlaps the next match)
                probe = probe.replace(a, b)
        return probe[len(prev) :]

    def feed(self, chunk: bytes) -> bytes:
        """Mark the empty fields of ``chunk`` (the bytes after the previous chunk)."""
        if not chunk:
            return chunk
        if b'"' not in chunk and not self._inside:
            out = self._mark(chunk, self.prev)
            self.prev = out[-1:]
            return out
        parts = chunk.split(b'"')
        first_out = 1 if self._inside else 0
        changed = False
        for i in range(first_out, len(parts), 2):
            prev = self.prev if i == first_out else b'"'
            new = self._mark(parts[i], prev)
            if new is not parts[i]:
                parts[i], changed = new, True
        ends_outside = (len(parts) - 1 - first_out) % 2 == 0
        self._inside = not ends_outside
        self.prev = parts[-1][-1:] if ends_outside and parts[-1] else b'"'
        return b'"'.join(parts) if changed else chunk


def csv_body(
    chunks: Iterable[bytes], plan: NativePlan, report: StreamReport, mark_empty: bool = True
) -> Iterator[bytes]:
    """The UTF-8 CSV bytes to send, blank lines dropped and empty fields marked; fills ``report``."""
    tsv = plan.format == "tsv"
    scanner = CsvScanner(plan.delimiter, quoting=not tsv)
    marker = EmptyFieldMarker(plan.delimiter)
    d = plan.delimiter.encode()
    quoted_empty = (d + b'""' + d, b'\n""' + d, d + b'""\n', d + b'""\r')
    for chunk in _utf8(chunks, plan.encoding):
        piece = scanner.feed(chunk)
        if not piece:
            continue
        if not report.null_text and b"\\N" in piece:
            report.null_text = True
        if not report.quoted_empty and any(q in piece for q in quoted_empty):
            report.quoted_empty = True  # ClickHouse reads "" as '', the Python reader as empty (NULL)
        if tsv and not report.quote_or_escape and (b'"' in piece or b"\\" in piece):
            report.quote_or_escape = True
        yield marker.feed(piece) if mark_empty else piece
    tail = scanner.finish()
    if tail:
        yield marker.feed(tail) if mark_empty else tail
    if marker.prev == plan.delimiter.encode() and mark_empty:
        marker.seen = True
        yield b"\\N"  # the file ends with an empty last field and no newline
    report.records = scanner.records
    report.spaced = scanner.spaced
    report.empty_fields = report.empty_fields or marker.seen


def jsonl_body(
    chunks: Iterable[bytes], plan: NativePlan, report: StreamReport, watch_keys: Sequence[str] = ()
) -> Iterator[bytes]:
    """The UTF-8 JSON-lines bytes to send; counts lines and the watched keys (non-Nullable numbers and
    dates, which ClickHouse would fill with 0 when missing or null)."""
    scanner = JsonLinesScanner()
    probes = {k: json.dumps(k, ensure_ascii=False).encode() for k in watch_keys}
    nulls = [p + sep + b"null" for p in probes.values() for sep in (b":", b": ")]
    counts = dict.fromkeys(watch_keys, 0)
    carry = b""
    for chunk in _utf8(chunks, plan.encoding):
        scanner.feed(chunk)
        if probes:
            # count keys in whole lines only, so a key split by a chunk boundary is seen once
            data = carry + chunk
            cut = data.rfind(b"\n") + 1
            whole, carry = data[:cut], data[cut:]
            _count_keys(whole, probes, counts, nulls, report)
        yield chunk
    if carry:
        _count_keys(carry, probes, counts, nulls, report)
    report.records = scanner.records
    report.key_counts = counts


def _count_keys(
    text: bytes, probes: dict[str, bytes], counts: dict[str, int], nulls: list[bytes], report: StreamReport
) -> None:
    for k, probe in probes.items():
        counts[k] += text.count(probe)
    if not report.json_null and any(n in text for n in nulls):
        report.json_null = True


def _utf8(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    return to_utf8(gunzip(chunks), encoding)


def file_body(
    opener: Callable[[], Iterable[bytes]], plan: NativePlan, report: StreamReport
) -> Iterator[bytes]:
    """The bytes to POST for ``plan``'s file (see :func:`csv_body` / :func:`jsonl_body`)."""
    if plan.format == "jsonl":
        watch = [
            c
            for c, base, null in zip(plan.columns, plan.bases, plan.nullable, strict=True)
            if not null and base != "String"
        ]
        return jsonl_body(opener(), plan, report, watch)
    return csv_body(opener(), plan, report)


def fallback_reason(plan: NativePlan, report: StreamReport) -> str | None:
    """Why the staged result differs from what the Python reader would load, else None."""
    nullable = plan.nullable
    if plan.format == "jsonl":
        if report.json_null:
            return "a JSON null for a non-Nullable number or date (ClickHouse would store 0)"
        short = [k for k, n in report.key_counts.items() if n < report.records]
        if short:
            return f"keys {short} are missing on some lines (ClickHouse would store 0 or an empty date)"
        return None
    if report.quoted_empty:
        return 'a quoted empty field (""), which ClickHouse reads as an empty string, not as empty'
    if report.quote_or_escape:
        return "quotes or backslashes, which ClickHouse's TabSeparated format reads differently from CSV"
    strings = [b == "String" and not n for b, n in zip(plan.bases, nullable, strict=True)]
    if report.empty_fields and any(strings):
        return "an empty field in a non-Nullable String column"
    if report.null_text and any(nullable):
        return "the text \\N, which ClickHouse reads as NULL in a Nullable column"
    if (
        report.spaced
        and plan.format == "csv"
        and "input_format_csv_trim_whitespaces" not in plan.server_settings
    ):
        return "an unquoted field starts or ends with a space, which this ClickHouse version trims"
    return None


def zero_dates(client: Any, staging: str, plan: NativePlan) -> str | None:
    """The first Date/DateTime column holding the zero date, else None.

    ClickHouse 18.16 reads text it cannot parse as a date (``31.01.2024``, ``31/01/2024``, a year
    before 1970) as 1970-01-01 instead of failing; the Python reader rejects or converts such text.
    """
    checks = [
        (c, f"countIf(toUInt32({quote_identifier(c)}) = 0)")
        for c, base in zip(plan.columns, plan.bases, strict=True)
        if base in ("Date", "DateTime")
    ]
    if not checks:
        return None
    counts = client.execute(f"SELECT {', '.join(sql for _, sql in checks)} FROM {staging}")[0]
    return next((c for (c, _), n in zip(checks, counts, strict=True) if n), None)


def is_data_error(message: str) -> bool:
    """True when a ClickHouse error is about the data (parse errors), not the server or the query."""
    codes = {"6", "26", "27", "38", "41", "69", "70", "72", "117", "321", "432", "623"}
    m = re.search(r"Code: (\d+)", message)
    return bool(m and m.group(1) in codes) or "Cannot parse" in message


def clickhouse_error_location(message: str) -> str:
    """``row N: <what ClickHouse said>`` from an HTTP error text, for the log."""
    m = re.search(r"DB::Exception: (.*?)(?:\(at row (\d+)\))", message, re.DOTALL)
    if not m:
        m = re.search(r"DB::Exception: (.*?)(?:, e\.what\(\)|$)", message, re.DOTALL)
        return " ".join((m.group(1) if m else message).split())[:300]
    what = " ".join(m.group(1).split())[:300]
    col = re.search(r"ERROR: (.*)", message)
    extra = f" ({' '.join(col.group(1).split())[:200]})" if col else ""
    return f"row {m.group(2)}: {what}{extra}"


def sample_is_empty(sample: ColumnBatch | None) -> bool:
    return sample is None or sample.rows == 0


__all__ = [
    "NativeFallback",
    "NativePlan",
    "StreamReport",
    "clickhouse_error_location",
    "fallback_reason",
    "file_body",
    "is_data_error",
    "is_empty",
    "native_plan",
    "sample_is_empty",
    "zero_dates",
]
