"""Pure functions of hooks/s3.py (S3 paths and globs) and hooks/clickhouse.py (names, extras)."""

from __future__ import annotations

import pytest

from airflow_ai_etl.hooks.clickhouse import (
    _as_bool,
    _check_compression,
    quote_identifier,
    quote_table,
    split_table,
)
from airflow_ai_etl.hooks.s3 import (
    S3PathError,
    _glob_prefix,
    glob_to_regex,
    has_glob,
    is_s3_path,
    parse_s3_path,
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("s3://bucket/key.csv", ("bucket", "key.csv")),
        ("S3A://bucket/in/", ("bucket", "in/")),
        ("s3n://bucket", ("bucket", "")),
        ("  s3://b/a b/c.csv ", ("b", "a b/c.csv")),
        ("s3://b/in/*.csv", ("b", "in/*.csv")),
    ],
)
def test_parse_s3_path(path, expected):
    assert is_s3_path(path.strip())
    assert parse_s3_path(path) == expected


@pytest.mark.parametrize("path", ["/local/file.csv", "s3://", "s3:///key", "", "http://bucket/key"])
def test_not_an_s3_path_is_a_clear_error(path):
    with pytest.raises(S3PathError, match="is not an S3 path"):
        parse_s3_path(path)


@pytest.mark.parametrize(
    ("pattern", "matches", "misses"),
    [
        ("in/*.csv", ["in/a.csv", "in/.csv"], ["in/sub/a.csv", "in/a.csvx", "a.csv"]),
        ("in/**/*.csv", ["in/a.csv", "in/x/y/a.csv"], ["out/a.csv", "in/a.json"]),
        ("in/?.csv", ["in/a.csv"], ["in/ab.csv", "in//.csv"]),
        ("in/[ab].csv", ["in/a.csv", "in/b.csv"], ["in/c.csv"]),
        ("in/[!ab].csv", ["in/c.csv"], ["in/a.csv"]),
        ("in/a+b(1).csv", ["in/a+b(1).csv"], ["in/aab1.csv"]),  # regex characters are literal
        ("in/[x.csv", ["in/[x.csv"], ["in/x.csv"]),  # an unclosed class is a literal bracket
    ],
)
def test_glob_semantics(pattern, matches, misses):
    regex = glob_to_regex(pattern)
    assert [k for k in matches if regex.match(k)] == matches
    assert [k for k in misses if regex.match(k)] == []


def test_glob_listing_prefix_is_the_literal_part():
    assert has_glob("in/*.csv") and not has_glob("in/a.csv")
    assert _glob_prefix("in/2024-*/part?.csv") == "in/2024-"
    assert _glob_prefix("in/a.csv") == "in/a.csv"


@pytest.mark.parametrize(
    ("table", "default", "expected"),
    [
        ("events", "dwh", ("dwh", "events")),
        ("events", None, (None, "events")),
        ("raw.events", "dwh", ("raw", "events")),
        ("`my db`.`a.b`", None, ("my db", "a.b")),
        ("`we\\`ird`", "d", ("d", "we`ird")),
    ],
)
def test_split_table(table, default, expected):
    assert split_table(table, default) == expected


@pytest.mark.parametrize("table", ["", "a.b.c", ".t", "db.", "`open", "a`b`.c"])
def test_split_table_rejects_what_is_not_a_table_name(table):
    with pytest.raises(ValueError, match="table name"):
        split_table(table)


def test_quoting_escapes_backticks_and_backslashes():
    assert quote_identifier("a`b\\c") == "`a\\`b\\\\c`"
    assert quote_table("events", "dwh") == "`dwh`.`events`"
    assert quote_table("events") == "`events`"
    assert split_table(quote_table("`we\\`ird`.t")) == ("we`ird", "t")  # quoting round-trips


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("ON", True), (" 1 ", True), ("no", False),
                                                 (False, False), (None, True), ("", True)])  # fmt: skip
def test_boolean_extras(value, expected):
    assert _as_bool(value, default=True) is expected


def test_unknown_compression_names_the_choices():
    with pytest.raises(ValueError, match="false, true, lz4, lz4hc, zstd"):
        _check_compression("gzip")
    _check_compression("lz4")  # the test extra installs it
