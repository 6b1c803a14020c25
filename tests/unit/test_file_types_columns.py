"""Type inference and value conversion a column at a time give what value by value gives.

``infer_type`` and :class:`ColumnConverter` take whole columns of one value class without a
Python call per value; the reference below is the value-by-value rule (``value_kind`` per value,
``make_converter`` per value), applied to random columns of every mix of classes the file readers
give (ints, floats with NaN, bools, text, dates, naive and aware date-times, None, Decimals).
"""

from __future__ import annotations

import datetime as dt
import decimal
import random

import pytest

from airflow_ai_etl.transfers.file_types import (
    TEXT_ALL,
    TEXT_NONE,
    ValueConversionError,
    infer_type,
    is_empty,
    kinds_to_type,
    make_column_converter,
    make_converter,
    value_kind,
)

UTC3 = dt.timezone(dt.timedelta(hours=3))
POOLS = {
    "int": [0, 1, -7, 2**40, 2**63 - 1, -(2**63), 255, 256, -129, 65535],
    "big int": [2**63, -(2**63) - 1, 2**70],
    "float": [0.0, 1.5, -2.25, 1e300, 3.0, float("nan"), float("inf")],
    "bool": [True, False],
    "text": ["", " ", "abc", "007", "12", "1.5", "2024-01-31", "2024-01-31 10:00:00"],
    "date": [dt.date(2024, 1, 31), dt.date(1969, 12, 31), dt.date(2106, 1, 1)],
    "midnight": [dt.datetime(2024, 1, 31), dt.datetime(1970, 1, 1)],
    "datetime": [dt.datetime(2024, 1, 31, 10, 30), dt.datetime(2024, 1, 31, 10, 30, 5, 250)],
    "far datetime": [dt.datetime(1969, 12, 31, 23, 0), dt.datetime(2200, 1, 1)],
    "aware": [dt.datetime(2024, 1, 31, 1, 0, tzinfo=UTC3)],
    "none": [None],
    "decimal": [decimal.Decimal("1.25")],
}
TYPES = [
    "Int64", "Int8", "UInt8", "UInt16", "Int32", "UInt64", "Float64", "Float32", "Date", "DateTime",
    "String", "FixedString(3)", "Decimal(10, 2)", "UUID",
]  # fmt: skip


def reference_type(values, text_kinds) -> str:
    """infer_type as it was for columns that are not all text: value_kind of every non-empty value."""
    present = [v for v in values if not is_empty(v)]
    nullable = len(present) < len(values)
    return kinds_to_type({value_kind(v, text_kinds) for v in present}, nullable)


def outcome(fn, arg):
    try:
        return ("ok", [(type(v).__name__, v) for v in fn(arg)])
    except (ValueConversionError, OverflowError) as e:
        return ("error", type(e).__name__)


def same(a, b) -> bool:
    """Outcomes equal, NaN equal to NaN."""
    if a[0] != b[0] or a[0] == "error":
        return a == b
    return all(
        x == y or (x[1] != x[1] and y[1] != y[1] and x[0] == y[0]) for x, y in zip(a[1], b[1], strict=True)
    )


def random_columns(rng: random.Random, count: int):
    names = list(POOLS)
    for _ in range(count):
        kinds = rng.sample(names, rng.choice([1, 1, 1, 2, 2, 3]))
        size = rng.choice([1, 2, 5, 40])
        yield [rng.choice(POOLS[rng.choice(kinds)]) for _ in range(size)]


def test_column_inference_equals_the_value_by_value_rule():
    rng = random.Random(20)
    checked = 0
    for values in random_columns(rng, 4000):
        if values and all(v.__class__ is str or v is None for v in values) and any(values):
            continue  # text: the text rule, checked below against itself with text_kinds
        for text_kinds in (TEXT_ALL, TEXT_NONE):
            assert infer_type(values, text_kinds) == reference_type(values, text_kinds), values
            checked += 1
    assert checked > 3000
    assert infer_type(["a", "", None]) == "Nullable(String)"
    assert infer_type(["1", "2"], TEXT_NONE) == "String" and infer_type(["1", "2"]) == "Int64"
    assert infer_type([1, None, 2**63]) == "Nullable(String)"
    assert infer_type([1.0, float("nan")]) == "Nullable(Float64)"
    assert infer_type([dt.datetime(2024, 1, 1), None]) == "Nullable(Date)"


@pytest.mark.parametrize("ch_type", TYPES + [f"Nullable({t})" for t in TYPES])
def test_column_conversion_equals_the_value_by_value_converter(ch_type):
    rng = random.Random(ch_type)
    column = make_column_converter(ch_type)
    value = make_converter(ch_type)
    for values in random_columns(rng, 600):
        expected = outcome(lambda vs: [value(v) for v in vs], values)
        assert same(outcome(column, values), expected), (ch_type, values)
    assert column([]) == []
