"""Readers that turn a file stream (CSV, JSON lines, Parquet) into column batches of bounded size.

Every reader yields :class:`ColumnBatch` objects of at most ``batch_size`` rows, so memory is bounded
by one batch whatever the file size (Parquet needs a seekable file: the caller spools an S3 object
to a temporary file first). Malformed content raises :class:`FileFormatError` with the location:

* CSV: a row whose field count differs from the header's, a broken quote, undecodable bytes
  (wrong ``encoding``); blank lines are skipped. A UTF-8 byte order mark is dropped.
* JSON lines: a line that is not a JSON object, or that has a key the file's first batch did not
  have (the columns of a file are the keys of its first batch, in order of appearance; a missing
  key is an empty value).
* Parquet: an unreadable file.

Header names are stripped; an empty name becomes ``column_<n>``; a repeated name gets ``_2``, ``_3``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, TypeAlias

from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.exceptions import AIETLError

FORMATS = ("csv", "jsonl", "parquet")


class FileFormatError(AIETLError, AirflowException):
    """The file's content cannot be read in the given format (the message says where)."""


@dataclass
class ColumnBatch:
    """Up to ``batch_size`` rows, column-major.

    :param columns: column names.
    :param data: one list of values per column, all of the same length.
    :param labels: where each row came from, for messages (line / sheet row / row number).
    :param types: ClickHouse types known from the file itself (Parquet schema), else None.
    """

    columns: list[str]
    data: list[list[Any]]
    labels: list[int]
    types: list[str] | None = None

    @property
    def rows(self) -> int:
        return len(self.labels)


# What the readers take: a binary file (``open(..., "rb")``), an S3 body, a ChunkReader.
BinaryStream: TypeAlias = "IO[bytes] | io.RawIOBase | io.BufferedIOBase"


def normalize_header(names: Sequence[Any]) -> list[str]:
    """Clean header cells: stripped text, ``column_<n>`` for empty ones, ``_2``... for repeats."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(names, start=1):
        name = " ".join(str(raw).split()) if raw is not None else ""
        name = name or f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        seen.setdefault(name, 1)
        out.append(name)
    return out


def rows_to_batches(
    columns: list[str], rows: Iterable[tuple[int, Sequence[Any]]], batch_size: int
) -> Iterator[ColumnBatch]:
    """Group ``(label, values)`` rows (each as long as ``columns``) into column batches."""
    width = len(columns)
    batch: list[Sequence[Any]] = []
    labels: list[int] = []
    for label, values in rows:
        batch.append(values)
        labels.append(label)
        if len(labels) >= batch_size:
            yield ColumnBatch(columns, _transpose(batch, width), labels)
            batch, labels = [], []
    if labels:
        yield ColumnBatch(columns, _transpose(batch, width), labels)


def _transpose(rows: list[Sequence[Any]], width: int) -> list[list[Any]]:
    """The columns of ``rows`` (zip in C; a row shorter than ``width`` is an IndexError, as before)."""
    data = [list(column) for column in zip(*rows, strict=False)][:width]  # rows may be longer
    if len(data) < width:
        raise IndexError(f"a row has fewer than {width} values")
    return data


def _text_stream(stream: BinaryStream, encoding: str) -> io.TextIOWrapper:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise FileFormatError(f"unknown encoding {encoding!r}") from None
    if codec == "utf-8":
        codec = "utf-8-sig"  # drop a byte order mark
    # TextIOWrapper reads a raw stream too (read() when there is no read1()); typeshed wants a buffered one.
    return io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")  # type: ignore[arg-type]


def read_csv(
    stream: BinaryStream,
    *,
    delimiter: str = ",",
    header: bool = True,
    encoding: str = "utf-8",
    batch_size: int = 100_000,
    columns: Sequence[str] | None = None,
) -> Iterator[ColumnBatch]:
    """CSV bytes -> column batches of text values (types are applied later).

    :param stream: binary stream (an S3 body or an open file); read incrementally.
    :param delimiter: one character, e.g. ``,`` ``;`` ``\\t`` ``|``.
    :param header: the first row holds column names; when False, columns are ``columns`` (the
        existing table's columns, in order) or ``column_1..n``.
    :param encoding: text encoding, e.g. ``utf-8``, ``cp1251``.
    :param columns: names to use when ``header`` is False.
    """
    if len(delimiter) != 1:
        raise FileFormatError(f"csv_delimiter must be one character, got {delimiter!r}")
    reader = csv.reader(_text_stream(stream, encoding), delimiter=delimiter, strict=True)

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(names)
        for record in reader:
            if not record or (len(record) == 1 and record[0] == ""):
                continue
            if len(record) != width:
                raise FileFormatError(
                    f"line {reader.line_num}: {len(record)} fields, expected {width} "
                    f"(columns {names}); check csv_delimiter ({delimiter!r}) and quoting"
                )
            yield reader.line_num, record

    try:
        first: list[str] | None = None
        for record in reader:
            if record and record != [""]:
                first = record
                break
        if first is None:
            return
        if header:
            names = normalize_header(first)
            pending: list[tuple[int, list[str]]] = []
        else:
            given = list(columns or [])
            if given and len(first) > len(given):
                raise FileFormatError(
                    f"line {reader.line_num}: {len(first)} fields but the table has {len(given)} columns"
                )
            names = given[: len(first)] if given else [f"column_{i}" for i in range(1, len(first) + 1)]
            pending = [(reader.line_num, first)]

        def all_rows() -> Iterator[tuple[int, list[str]]]:
            yield from pending
            yield from rows()

        yield from rows_to_batches(names, all_rows(), batch_size)
    except csv.Error as e:
        raise FileFormatError(f"line {reader.line_num}: malformed CSV ({e})") from None
    except UnicodeDecodeError as e:
        raise FileFormatError(
            f"bytes near line {reader.line_num + 1} are not valid {encoding} ({e.reason}); check the encoding"
        ) from None


def read_jsonl(
    stream: BinaryStream, *, encoding: str = "utf-8", batch_size: int = 100_000
) -> Iterator[ColumnBatch]:
    """JSON lines (one object per line) -> column batches; nested values stay dicts/lists."""
    text = _text_stream(stream, encoding)
    names: list[str] | None = None
    line_no = 0
    buffered: list[tuple[int, dict[str, Any]]] = []

    def batch(objs: list[tuple[int, dict[str, Any]]], cols: list[str]) -> ColumnBatch:
        known = set(cols)
        for label, obj in objs:
            extra = [k for k in obj if k not in known]
            if extra:
                raise FileFormatError(
                    f"line {label}: keys {extra} are not among the file's columns {cols} "
                    "(taken from its first batch)"
                )
        return ColumnBatch(
            cols, [[obj.get(c) for _, obj in objs] for c in cols], [label for label, _ in objs]
        )

    try:
        for line in text:
            line_no += 1
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise FileFormatError(f"line {line_no}: not valid JSON ({e.msg})") from None
            if not isinstance(obj, dict):
                raise FileFormatError(f"line {line_no}: a JSON {type(obj).__name__}, expected an object")
            buffered.append((line_no, obj))
            if len(buffered) >= batch_size:
                if names is None:
                    names = list(dict.fromkeys(k for _, o in buffered for k in o))
                yield batch(buffered, names)
                buffered = []
    except UnicodeDecodeError as e:
        raise FileFormatError(
            f"bytes near line {line_no + 1} are not valid {encoding} ({e.reason})"
        ) from None
    if buffered:
        if names is None:
            names = list(dict.fromkeys(k for _, o in buffered for k in o))
        yield batch(buffered, names)


def read_parquet(file: IO[bytes] | str, *, batch_size: int = 100_000) -> Iterator[ColumnBatch]:
    """Parquet (seekable file or path) -> column batches, with ClickHouse types from the schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from airflow_ai_etl.transfers.file_types import arrow_to_clickhouse

    try:
        pf = pq.ParquetFile(file)
        names = normalize_header(pf.schema_arrow.names)
        types = [arrow_to_clickhouse(f.type) for f in pf.schema_arrow]
        row = 0
        for rb in pf.iter_batches(batch_size=batch_size):
            data = [rb.column(i).to_pylist() for i in range(rb.num_columns)]
            nullable = [rb.column(i).null_count > 0 for i in range(rb.num_columns)]
            labels = list(range(row + 1, row + rb.num_rows + 1))
            row += rb.num_rows
            yield ColumnBatch(
                names,
                data,
                labels,
                [
                    f"Nullable({t})" if n and not t.startswith("Nullable") else t
                    for t, n in zip(types, nullable, strict=True)
                ],
            )
    except (pa.ArrowException, OSError) as e:
        raise FileFormatError(f"not a readable Parquet file ({e})") from None
