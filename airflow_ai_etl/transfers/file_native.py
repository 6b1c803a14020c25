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

The bytes pass through this process on purpose. Letting the server fetch an S3 object itself
(``INSERT ... SELECT FROM url('<presigned URL>', CSVWithNames, ...)``) was measured faster at 100k
rows, but on 18.16 it drops the first data row of a ``CSVWithNames``/``TSVWithNames`` object
without an error (99,999 of 100,000 rows staged; error row numbers one off), reads empty fields as
0 / '' with no ``\\N`` marking, and leaves no record count independent of ClickHouse's parser - the
count that would catch that lost row (benchmarks/RESULTS_FILES.md, files12).

Known differences that remain (as with ``clickhouse-client`` on the same file): ClickHouse 18.16
parses some decimal fractions one unit in the last binary place off the correctly rounded value
(``2.28`` -> ``2.2800000000000002``; current servers parse exactly); it accepts dates that do not
exist (``2024-02-30`` -> ``2024-03-01``), other date separators (``2024/01/31``), Unix timestamps in
DateTime columns and integers beyond the column's range (wrapped).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from airflow_ai_etl.exceptions import AIETLError
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


class NativeFallback(AIETLError):
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
    exact_records: bool = True  # False: quoted fields may hold newlines, count again when it differs
    cr_in_quotes: bool = False
    empty_fields: bool = False
    empty_not_last: bool = False  # an empty field was marked elsewhere than at the end of a line
    quoted_empty: bool = False
    quote_or_escape: bool = False
    null_text: bool = False
    spaced: bool = False
    json_null: bool = False
    key_counts: dict[str, int] = field(default_factory=dict)


class CsvPump:
    """CSV bytes on their way to ClickHouse, in one cheap pass per chunk (no per-row Python).

    * drops blank lines and turns CRLF line ends into LF (outside quotes): 18.16 rejects blank lines;
    * writes ``\\N`` into empty unquoted fields, so an empty field is NULL in a Nullable column and an
      error in a number or date column, as with the Python reader (18.16 would read 0);
    * notes what ClickHouse would read differently: spaces or tabs next to a delimiter or a line end
      outside quotes (18.16 trims them), a quoted empty field ``""`` (read as an empty string, not
      as empty), the text ``\\N``, a CR inside quotes;
    * counts newlines: the records, unless quoted fields hold newlines (:attr:`quoted`).

    The usual chunk takes :meth:`_quick` (numpy: neighbouring delimiter/newline/space bytes found in
    a few vector passes, the quote state computed only at those positions; ~2.5 ms/MB in all); a
    chunk with a blank line or two quotes side by side takes the full treatment, where each chunk is
    mapped to character classes with one ``bytes.translate`` (delimiters and newlines become ``,``,
    spaces and tabs a space) and the few patterns are found with C-speed searches. Trailing
    delimiters, newlines, spaces and quotes are held back for the next chunk, so no pattern is split
    between two chunks.

    :param delimiter: the field delimiter.
    :param quoting: double quotes enclose fields (False: TabSeparated, quotes are text).
    :param mark_empty: write ``\\N`` into empty fields.
    :param check_spaces: look for spaces next to delimiters (for servers that trim them).
    """

    def __init__(
        self,
        delimiter: str = ",",
        *,
        quoting: bool = True,
        mark_empty: bool = True,
        check_spaces: bool = True,
    ) -> None:
        d = delimiter.encode()
        self.d = d
        self.quoting, self.mark_empty, self.check_spaces = quoting, mark_empty, check_spaces
        table = bytearray(b"a" * 256)  # delimiters, newlines, spaces and tabs -> ","
        for c in (d[0], 10, 32, 9):
            table[c] = ord(",")
        self.table = bytes(table)
        import numpy  # here, not at import time: DAG files import the operators

        self._np = numpy
        classes = numpy.zeros(256, numpy.uint8)  # 1 delimiter, 2 newline, 4 space or tab, 0 other
        classes[[32, 9]] = 4
        classes[10], classes[d[0]] = 2, 1
        self.classes = classes
        self.space = {32, 9} - {d[0]}
        self.hold = frozenset(d + b'\n\r \t"')
        self.carry = b""
        self.inside = False  # inside a quoted field at the start of the next data
        self.started = False
        self.newlines = 0
        self.ends_with_newline = True  # nothing sent yet counts as a finished line
        self.quoted = False  # some data had quotes: newlines may be inside quoted fields
        self.spaced = self.quoted_empty = self.null_text = self.cr_in_quotes = self.empty_fields = False
        # an empty field was marked that is not the last of its line (so maybe in any column; when
        # False, only the last column can hold a marked empty field)
        self.empty_not_last = False

    def feed(self, chunk: bytes) -> bytes:
        """Process one chunk; return the bytes to send (then :meth:`finish`)."""
        data = self.carry + chunk
        k = len(data)
        while k and data[k - 1] in self.hold:
            k -= 1
        self.carry = data[k:]
        return self._process(data[:k]) if k else b""

    def finish(self) -> bytes:
        """Process what was held back; after it, :attr:`records` is final."""
        data, self.carry = self.carry, b""
        out = self._process(data)
        if self.mark_empty and not self.inside and out.endswith(self.d):
            out += b"\\N"  # the file ends with an empty last field and no newline
            self.empty_fields = True
            self.ends_with_newline = False
        return out

    @property
    def records(self) -> int:
        """Lines sent (a last line without a newline counts): the records unless :attr:`quoted`."""
        return self.newlines + (0 if self.ends_with_newline else 1)

    def _parity(self, data: bytes) -> Callable[[int], bool]:
        """A function telling whether position ``p`` of ``data`` is inside quotes (growing ``p``)."""
        state = [0, self.inside]

        def inside(p: int) -> bool:
            if data.count(b'"', state[0], p) & 1:
                state[1] = not state[1]
            state[0] = p
            return bool(state[1])

        return inside

    def _process(self, data: bytes) -> bytes:
        if not data:
            return data
        quotes = self.quoting and (self.inside or b'"' in data)  # some of data may be quoted
        if quotes:
            self.quoted = True
        if not self.started:
            data = data.lstrip(b"\r\n")  # blank lines before the first record
            if not data:
                return data
            self.started = True
            if self.mark_empty and data[:1] == self.d:
                data = b"\\N" + data
                self.empty_fields = self.empty_not_last = True
        if b"\r" in data:
            if quotes and self._cr_inside(data):
                self.cr_in_quotes = True
            else:
                data = data.replace(b"\r\n", b"\n")
        if not self.null_text and b"\\" in data and b"\\N" in data:
            self.null_text = True
        quick = self._quick(data, quotes)
        if quick is not None:
            return quick
        data = self._bulk_edit(data, quotes)
        t = data.translate(self.table)
        if quotes and not self.quoted_empty and b'""' in data:
            self._find_quoted_empty(data, t)
        if b",," in t:  # what the bulk edit left: pairs in quotes, spaces, patterns also found in quotes
            data = self._edit(data, t, quotes)
        return self._account(data, quotes)

    def _account(self, data: bytes, quotes: bool) -> bytes:
        """Update the quote state and the newline count after ``data`` is sent."""
        if quotes and data.count(b'"') & 1:
            self.inside = not self.inside
        self.newlines += data.count(b"\n")
        self.ends_with_newline = data.endswith(b"\n")
        return data

    def _quick(self, data: bytes, quotes: bool) -> bytes | None:
        """The usual chunk, found and edited with numpy (a few vector passes per chunk), sent and
        accounted; None when it needs the full treatment (a blank line, or two quotes side by side:
        a quoted empty field or an escaped quote).

        The bytes that matter (delimiter, newline, space, tab) are found with two compares; a pair
        of neighbours both such bytes is an empty field, a blank line or a space next to a delimiter
        or a line end - unless it is inside quotes (the quotes before it are odd in number). Empty
        fields get ``\\N`` with one join."""
        np = self._np
        a = np.frombuffer(data, np.uint8)
        quote_count = 0
        if quotes:
            qpos = np.flatnonzero(a == 34)
            quote_count = qpos.size
            if quote_count > 1 and bool((qpos[1:] - qpos[:-1] == 1).any()):
                return None
        # candidates: the delimiter and every byte up to the space (newline, tab; the few other
        # control bytes are dropped below by their class 0) - two compares, which release the GIL,
        # instead of a bytes.translate of the chunk, which holds it (0.42 vs 0.63 ms per MiB)
        special = a <= 32
        special |= a == self.d[0]
        p = np.flatnonzero(special[:-1] & special[1:])
        if quotes and p.size:
            p = p[(np.searchsorted(qpos, p) + (1 if self.inside else 0)) & 1 == 0]
        out = data
        if p.size:
            first, second = self.classes[a[p]], self.classes[a[p + 1]]
            if not bool((first != 0).all() and (second != 0).all()):
                both = (first != 0) & (second != 0)
                p, first, second = p[both], first[both], second[both]
            if bool(((first == 2) & (second == 2)).any()):
                return None  # a blank line
            space1, space2 = first == 4, second == 4
            if self.check_spaces and not self.spaced and bool((space1 != space2).any()):
                self.spaced = True
            if self.mark_empty:
                kept = ~(space1 | space2)
                empty = p[kept]  # delimiter-delimiter, delimiter-newline, newline-delimiter
                if empty.size:
                    if not self.empty_not_last and bool(((first[kept] != 1) | (second[kept] != 2)).any()):
                        self.empty_not_last = True
                    cuts = (empty + 1).tolist()
                    starts, ends = [0, *cuts], [*cuts, len(data)]
                    out = b"\\N".join([data[i:j] for i, j in zip(starts, ends, strict=True)])
                    self.empty_fields = True
        if quote_count & 1:
            self.inside = not self.inside
        self.newlines += int(np.count_nonzero(a == 10))
        self.ends_with_newline = out.endswith(b"\n")
        return out

    def _cr_inside(self, data: bytes) -> bool:
        inside = self._parity(data)
        p = data.find(b"\r")
        while p >= 0:
            if inside(p):
                return True
            p = data.find(b"\r", p + 1)
        return False

    def _find_quoted_empty(self, data: bytes, t: bytes) -> None:
        inside = self._parity(data)
        p = data.find(b'""')
        while p >= 0:
            # the byte before is a delimiter or a line end (data starts after a non-delimiter byte)
            before = t[p - 1 : p] if p else b","
            after = t[p + 2 : p + 3]
            if before == b"," and after in (b",", b"") and not inside(p):
                self.quoted_empty = True
                return
            p = data.find(b'""', p + 2)

    def _bulk_edit(self, data: bytes, quotes: bool) -> bytes:
        """Drop blank lines and mark empty fields with C-speed replaces, for each pattern that does
        not also occur inside a quoted field of ``data`` (those are left to :meth:`_edit`)."""
        quoted = b""
        if quotes:
            quoted = b'"'.join(data.split(b'"')[0 if self.inside else 1 :: 2])
        if b"\n\n" not in quoted:  # replace scans once when there is nothing to replace
            while len(shorter := data.replace(b"\n\n", b"\n")) != len(data):
                data = shorter
        if self.mark_empty:
            d = self.d
            for pattern, marked in (
                (d + b"\n", d + b"\\N\n"),
                (b"\n" + d, b"\n\\N" + d),
                (d + d, d + b"\\N" + d),
            ):
                if pattern in quoted:
                    continue
                longer = data.replace(pattern, marked)
                if len(longer) != len(data):
                    if pattern == d + d:  # a run of empty fields: ",,," -> ",\N,,\N," -> all marked
                        longer = longer.replace(pattern, marked)
                    data = longer
                    self.empty_fields = True
                    if pattern != d + b"\n":
                        self.empty_not_last = True
        return data

    def _quote_positions(self, data: bytes) -> list[int]:
        """Positions of the double quotes in ``data`` (computed in C: split, then running sums)."""
        ends = list(accumulate(map(len, data.split(b'"'))))  # part i ends where quote i is, minus i
        return [end + i for i, end in enumerate(ends[:-1])]

    def _edit(self, data: bytes, t: bytes, quotes: bool) -> bytes:
        """Act on the ``,,`` pairs of the class map ``t`` outside quotes: drop blank lines, mark empty
        fields, note spaces next to a delimiter or a line end."""
        qpos = self._quote_positions(data) if quotes else None
        odd = 1 if self.inside else 0
        pieces: list[bytes] = []
        append = pieces.append
        last = 0
        space, d, nl = self.space, self.d[0], 10
        find = t.find
        p = find(b",,")
        while p >= 0:
            if qpos is None or not (bisect_right(qpos, p) + odd) & 1:
                a, b = data[p], data[p + 1]
                if a == nl and b == nl:  # a blank line: drop its newline
                    append(data[last : p + 1])
                    last = p + 2
                elif a in space or b in space:
                    if self.check_spaces and (a in space) != (b in space):
                        self.spaced = True
                elif self.mark_empty and (a == d or b == d):
                    if not (a == d and b == nl):
                        self.empty_not_last = True
                    append(data[last : p + 1])
                    append(b"\\N")
                    last = p + 1
            p = find(b",,", p + 1)
        if not pieces:
            return data
        self.empty_fields = self.empty_fields or self.mark_empty
        append(data[last:])
        return b"".join(pieces)


def csv_body(
    chunks: Iterable[bytes], plan: NativePlan, report: StreamReport, mark_empty: bool = True
) -> Iterator[bytes]:
    """The UTF-8 CSV bytes to send (see :class:`CsvPump`); fills ``report`` when the stream ends."""
    tsv = plan.format == "tsv"
    check_spaces = not tsv and "input_format_csv_trim_whitespaces" not in plan.server_settings
    pump = CsvPump(plan.delimiter, quoting=not tsv, mark_empty=mark_empty, check_spaces=check_spaces)
    for chunk in _utf8(chunks, plan.encoding):
        if tsv and not report.quote_or_escape and (b'"' in chunk or b"\\" in chunk):
            report.quote_or_escape = True
        out = pump.feed(chunk)
        if out:
            yield out
    tail = pump.finish()
    if tail:
        yield tail
    report.records = pump.records
    report.exact_records = not pump.quoted
    report.spaced = pump.spaced
    report.quoted_empty = pump.quoted_empty
    report.null_text = pump.null_text
    report.cr_in_quotes = pump.cr_in_quotes
    report.empty_fields = pump.empty_fields
    report.empty_not_last = pump.empty_not_last


def jsonl_body(
    chunks: Iterable[bytes],
    plan: NativePlan,
    report: StreamReport,
    watch_keys: Sequence[str] = (),
    nullable_keys: Sequence[str] = (),
) -> Iterator[bytes]:
    """The UTF-8 JSON-lines bytes to send; counts the lines and the ``watch_keys`` (non-Nullable
    numbers, which ClickHouse would fill with 0 when missing or null) and looks for a ``null`` of a
    watched key: all ``null`` tokens are counted, and when they are more than the nulls of the
    ``nullable_keys``, the watched keys' nulls are looked for one by one."""
    scanner = JsonLinesScanner()
    probes = {k: json.dumps(k, ensure_ascii=False).encode() for k in watch_keys}
    watched_nulls = [p + sep + b"null" for p in probes.values() for sep in (b":", b": ")]
    allowed_nulls = [
        json.dumps(k, ensure_ascii=False).encode() + sep + b"null"
        for k in nullable_keys
        for sep in (b":", b": ")
    ]
    counts = dict.fromkeys(watch_keys, 0)
    nullable_probes = [json.dumps(k, ensure_ascii=False).encode() for k in nullable_keys]
    carry = b""
    for chunk in _utf8(chunks, plan.encoding):
        # whole lines only, so a line or a key split by a chunk boundary is seen once: the line
        # completed by this chunk (the carry and the chunk's first line), then a view of the chunk's
        # other whole lines (no copy of the chunk)
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            carry += chunk
            yield chunk
            continue
        start = chunk.find(b"\n") + 1 if carry else 0
        # each with whether it holds a backslash (memchr on the bytes, cheaper than a numpy pass)
        pieces: list[tuple[bytes | memoryview, bool]] = []
        if carry:
            first = carry + chunk[:start]
            pieces.append((first, b"\\" in first))
        if start < cut:
            pieces.append((memoryview(chunk)[start:cut], chunk.find(b"\\", start, cut) >= 0))
        carry = chunk[cut:]
        for whole, escapes in pieces:
            n = _uniform_lines(whole, len(plan.columns), nullable_probes, escapes)
            if n is not None:
                scanner.count += n
                for k in counts:
                    counts[k] += n
            else:
                whole = bytes(whole)
                scanner.feed(whole)
                if probes:
                    _count_keys(whole, probes, counts, watched_nulls, allowed_nulls, report)
        yield chunk
    if carry:
        scanner.feed(carry)
        if probes:
            _count_keys(carry, probes, counts, watched_nulls, allowed_nulls, report)
    report.records = scanner.records
    report.key_counts = counts


def _uniform_lines(
    whole: bytes | memoryview, keys: int, nullable_probes: Sequence[bytes], escapes: bool | None = None
) -> int | None:
    """The number of lines of ``whole`` (complete lines) when each is an object ending in ``}`` with
    ``keys`` keys and every ``null`` value is a Nullable key's; else None (look closely).

    A few numpy passes instead of a count per key. Keys are the ``":`` pairs not after a backslash
    (inside a JSON string a quote is escaped). ClickHouse rejects unknown keys, repeated keys and
    nested objects, so when the file loads, ``keys`` keys per line on average means each line has
    every key, the watched (non-Nullable number) ones included."""
    import numpy as np

    a = np.frombuffer(whole, np.uint8)
    quick = _uniform_lines_quick(whole, a, keys, nullable_probes, escapes)
    if quick is not None:
        return quick
    ends = np.flatnonzero(a == 10)
    n = int(ends.size)
    if not n or ends[0] == 0 or not bool((a[ends - 1] == 125).all()):  # "}" before every newline
        return None
    colons = np.flatnonzero(a == 58)
    colons = colons[colons >= 2]
    colons = colons[(a[colons - 1] == 34) & (a[colons - 2] != 92)]
    if colons.size != n * keys:
        return None
    value = a[colons + 1]  # a line ends with "}", so a value follows every key's colon
    spaced = value == 32
    if spaced.any():
        value = np.where(spaced, a[np.minimum(colons + 2, a.size - 1)], value)
    nulls = colons[value == 110]  # "n": only null starts so
    if not nulls.size:
        return n
    return n if _nulls_allowed(a, nulls, nullable_probes) else None


def _nulls_allowed(a: Any, nulls: Any, nullable_probes: Sequence[bytes]) -> bool:
    """Every ``null`` (at the positions ``nulls``, each right after a key's colon) belongs to a Nullable
    key: the bytes before it are one of ``nullable_probes`` (``"key":``)."""
    import numpy as np

    allowed = 0
    for probe in nullable_probes:
        at = nulls - len(probe)
        if int(at.min()) < 0:
            return False
        match = np.ones(nulls.size, np.bool_)
        for i, byte in enumerate(probe):
            match &= a[at + i] == byte
        allowed += int(np.count_nonzero(match))
    return allowed == nulls.size


def _uniform_lines_quick(
    whole: bytes | memoryview,
    a: Any,
    keys: int,
    nullable_probes: Sequence[bytes],
    escapes: bool | None = None,
) -> int | None:
    """:func:`_uniform_lines` for the usual chunk (no backslash, no ``": "``), from counts of byte
    pairs - one 16-bit compare of the even and one of the odd positions each - instead of the
    positions of every newline and colon (about 0.5 vs 1.1 ms per MiB); None when it cannot tell
    (then the full check decides), never a different answer."""
    import numpy as np

    size = a.size
    if escapes is None:  # ``escapes``: whether ``whole`` holds a backslash, when the caller knows
        escapes = bool(np.count_nonzero(a == 92))
    if size < 2 or a[0] == 10 or escapes:  # escapes: quotes may be text
        return None
    even = np.frombuffer(whole, "<u2", count=size // 2)
    odd = np.frombuffer(whole, "<u2", count=(size - 1) // 2, offset=1)

    def pairs(pair: bytes) -> int:
        code = pair[0] | pair[1] << 8
        return int(np.count_nonzero(even == code)) + int(np.count_nonzero(odd == code))

    n = int(np.count_nonzero(a == 10))
    if not n or pairs(b"}\n") != n or pairs(b": "):
        return None
    if pairs(b'":') - (1 if a[0] == 34 and a[1] == 58 else 0) != n * keys:  # key colons from index 2
        return None
    null_code = ord(":") | ord("n") << 8
    nulls = np.concatenate((np.flatnonzero(even == null_code) * 2, np.flatnonzero(odd == null_code) * 2 + 1))
    if not nulls.size:
        return n
    if int(nulls.min()) < 2 or not bool((a[nulls - 1] == 34).all()):
        return None  # not every colon before an "n" ends a key
    return n if _nulls_allowed(a, nulls, nullable_probes) else None


def _count_keys(
    text: bytes,
    probes: dict[str, bytes],
    counts: dict[str, int],
    watched_nulls: list[bytes],
    allowed_nulls: list[bytes],
    report: StreamReport,
) -> None:
    for k, probe in probes.items():
        counts[k] += text.count(probe)
    if report.json_null:
        return
    nulls = text.count(b"null")
    if nulls and nulls > sum(text.count(p) for p in allowed_nulls):
        report.json_null = any(p in text for p in watched_nulls)


def _utf8(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    return to_utf8(gunzip(chunks), encoding)


def file_body(
    opener: Callable[[], Iterable[bytes]], plan: NativePlan, report: StreamReport
) -> Iterator[bytes]:
    """The bytes to POST for ``plan``'s file (see :func:`csv_body` / :func:`jsonl_body`)."""
    if plan.format == "jsonl":
        # dates are not watched: missing or null, ClickHouse 18.16 stores the zero date, which
        # staged_surprises finds
        kinds = list(zip(plan.columns, plan.bases, plan.nullable, strict=True))
        watch = [c for c, base, null in kinds if not null and base not in ("String", "Date", "DateTime")]
        nullable = [c for c, _, null in kinds if null]
        return jsonl_body(opener(), plan, report, watch, nullable)
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
    if report.cr_in_quotes:
        return "a carriage return inside a quoted field"
    if report.quoted_empty:
        return 'a quoted empty field (""), which ClickHouse reads as an empty string, not as empty'
    if report.quote_or_escape:
        return "quotes or backslashes, which ClickHouse's TabSeparated format reads differently from CSV"
    if report.null_text and any(nullable):
        return "the text \\N, which ClickHouse reads as NULL in a Nullable column"
    if (
        report.spaced
        and plan.format == "csv"
        and "input_format_csv_trim_whitespaces" not in plan.server_settings
    ):
        return "an unquoted field starts or ends with a space, which this ClickHouse version trims"
    return None


def exact_csv_records(chunks: Iterable[bytes], plan: NativePlan) -> int:
    """Records of a CSV file counted with quotes taken into account (newlines inside quoted fields
    are not record ends); a second, slower read for files whose quick count did not match."""
    scanner = CsvScanner(plan.delimiter)
    for chunk in _utf8(chunks, plan.encoding):
        scanner.feed(chunk)
    scanner.finish()
    return scanner.records


def staged_surprises(
    client: Any,
    staging: str,
    plan: NativePlan,
    report: StreamReport | None = None,
    parts_of: tuple[str, str] | None = None,
) -> tuple[str | None, int, list[str] | None]:
    """What the staged rows show ClickHouse read differently from the Python reader (else None),
    how many rows were staged, and (with ``parts_of``, the staging table's database and name) the
    IDs of its partitions for publishing (else None) - one query.

    * a Date/DateTime column holding the zero date: ClickHouse 18.16 reads text it cannot parse as a
      date (``31.01.2024``, ``31/01/2024``, a year before 1970) as 1970-01-01 instead of failing;
    * ``\\N`` in a non-Nullable String column (CSV): an empty field, which the byte stream marks as
      ``\\N`` and ClickHouse then stores as that text (the Python reader stores an empty string).
      With the stream's ``report``, only the columns that can hold a marked field are scanned: none
      when no field was marked, the last one when every marked field ended its line (a String scan
      of a 2M-row file is most of this query's time).
    """
    strings = set(plan.columns)
    if report is not None and not report.null_text:
        if not report.empty_fields:
            strings = set()
        elif not report.empty_not_last:
            strings = {plan.columns[-1]}
    checks = []
    for c, base, null in zip(plan.columns, plan.bases, plan.nullable, strict=True):
        col = quote_identifier(c)
        if base in ("Date", "DateTime"):
            reason = f"column {c!r} has values ClickHouse read as 1970-01-01 (other date forms, or that date)"
            checks.append((reason, f"countIf(toUInt32({col}) = 0)"))
        elif base == "String" and not null and plan.format != "jsonl" and c in strings:
            checks.append(
                (f"column {c!r} is a non-Nullable String with empty fields", f"countIf({col} = '\\\\N')")
            )
    columns = [sql for _, sql in checks] + ["count()"]
    if parts_of is not None:  # literals, not parameters: a column name may hold a "%"
        database, table = (string_literal(n) for n in parts_of)
        columns.append(
            "(SELECT groupUniqArray(partition_id) FROM system.parts "
            f"WHERE database = {database} AND table = {table} AND active)"
        )
    row = client.execute(f"SELECT {', '.join(columns)} FROM {staging}")[0]
    counts = row[: len(checks) + 1]
    why = next((why for (why, _), n in zip(checks, counts, strict=False) if n), None)
    return why, counts[-1], (sorted(row[-1]) if parts_of is not None else None)


def string_literal(text: str) -> str:
    """A ClickHouse string literal."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


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
    "exact_csv_records",
    "fallback_reason",
    "file_body",
    "is_data_error",
    "is_empty",
    "native_plan",
    "sample_is_empty",
    "staged_surprises",
    "string_literal",
]
