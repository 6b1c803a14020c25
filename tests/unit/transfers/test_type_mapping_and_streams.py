"""Pure functions of transfers/: PostgreSQL -> ClickHouse type mapping and the byte-stream helpers
(gzip detection, re-encoding to UTF-8, chunked reads) the file loads use."""

from __future__ import annotations

import gzip
import io

import pytest

from airflow_ai_etl.transfers.file_formats import FileFormatError
from airflow_ai_etl.transfers.file_stream import chunks_of, gunzip, to_utf8
from airflow_ai_etl.transfers.postgres_to_clickhouse import UnmappedTypeError, map_pg_type


@pytest.mark.parametrize(
    ("pg_type", "ch_type", "kind"),
    [
        ("integer", "Int32", "int"),
        ("bigint", "Int64", "int"),
        ("double precision", "Float64", "float"),
        ("character varying(20)", "String", "string"),
        ("numeric(12,2)", "Decimal(12, 2)", "decimal"),
        ("numeric", "Decimal(38, 10)", "decimal"),
        ("numeric(10)", "Decimal(10, 0)", "decimal"),
        ("boolean", "UInt8", "bool"),
        ("jsonb", "String", "json"),
        ("timestamp without time zone", "DateTime", "timestamp"),
        ("timestamp with time zone", "DateTime('UTC')", "timestamptz"),
        ("integer[]", "Array(Nullable(Int32))", "array"),
        ("  UUID ", "UUID", "uuid"),
    ],
)
def test_type_mapping(pg_type, ch_type, kind):
    mapped = map_pg_type(pg_type)
    assert (mapped.ch_type, mapped.kind) == (ch_type, kind)


def test_type_mapping_options():
    assert map_pg_type("timestamp(3) without time zone", datetime64=True).ch_type == "DateTime64(6)"
    assert map_pg_type("timestamptz", datetime64=True).ch_type == "DateTime64(6, 'UTC')"
    assert map_pg_type("mood", is_enum=True).ch_type == "String"
    assert map_pg_type("numeric").cast == "numeric(38,10)"  # unconstrained numeric is cast to fit
    assert map_pg_type("json").cast == "text"


@pytest.mark.parametrize(("pg_type", "message"), [("numeric(40,2)", "at most 38"), ("point", "point"),
                                                  ("point[]", "point")])  # fmt: skip
def test_unmapped_types_are_named(pg_type, message):
    with pytest.raises(UnmappedTypeError, match=message):
        map_pg_type(pg_type)


def test_gunzip_detects_gzip_and_passes_plain_bytes_through():
    data = b"id,name\n" + b"1,a\n" * 10_000
    packed = gzip.compress(data) + gzip.compress(b"2,b\n")  # two members, as concatenated files are
    assert b"".join(gunzip([packed[i : i + 7] for i in range(0, len(packed), 7)])) == data + b"2,b\n"
    assert b"".join(gunzip([b"i", b"d\n1\n"])) == b"id\n1\n"
    assert b"".join(gunzip([])) == b""


def test_gunzip_reports_a_broken_file():
    with pytest.raises(FileFormatError):
        b"".join(gunzip([gzip.compress(b"x" * 1000)[:-12] + b"garbage!" * 3]))


def test_to_utf8_reencodes_and_drops_a_bom():
    text = "код;имя\n1;Иван\n"
    assert b"".join(to_utf8([text.encode("cp1251")], "cp1251")) == text.encode()
    assert b"".join(to_utf8([b"\xef\xbb\xbf" + text.encode()], "utf-8")) == text.encode()
    assert b"".join(to_utf8([b"\xef\xbb\xbf" + text.encode()], "cp1251")) == text.encode()  # BOM wins


def test_to_utf8_says_which_line_is_not_in_the_encoding():
    with pytest.raises(FileFormatError, match="near line 2"):
        b"".join(to_utf8([b"ok\n\xff\xfe bad\n"], "utf-8"))
    with pytest.raises(FileFormatError, match="unknown encoding"):
        b"".join(to_utf8([b"x"], "no-such-codec"))


def test_chunks_of_reads_until_the_end():
    assert list(chunks_of(io.BytesIO(b"abcdefg"), size=3)) == [b"abc", b"def", b"g"]
