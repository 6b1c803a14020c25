"""ClickHouse column types for file data: inference from sample values, and value converters.

Files (CSV, JSON lines, Excel) carry no schema, so a created table's types are inferred from a
sample (the first batch of the first readable file). Per column, over the non-empty sample values:

==============================================================  ==================================
every value is an integer in Int64 range (text without a        Int64
leading zero such as ``007``, or a JSON/Excel integer)
integers and decimals (``1.5``, ``1e3``; ``1,5`` when the        Float64
CSV delimiter is not a comma)
``true``/``false`` (JSON booleans, Excel booleans)               UInt8 (0/1)
dates: ``2024-01-31``, ``31.01.2024``, Excel dates without a     Date
time of day
dates with a time of day: ``2024-01-31 12:00[:00[.fff]]``,       DateTime (UTC; fractions dropped,
``2024-01-31T12:00:00Z``, ``31.01.2024 12:00``                   offsets converted to UTC)
anything else, mixed kinds, nested JSON (as JSON text),          String
dates outside 1970..2105 (ClickHouse 18 Date/DateTime range)
==============================================================  ==================================

A column becomes ``Nullable(...)`` when the sample has an empty value (an empty CSV field, a JSON
``null`` or missing key, an empty Excel cell); a column with only empty values is
``Nullable(String)``. Which text is parsed: CSV - all of the above; JSON strings - dates only (a JSON
``"007"`` stays text); Excel text cells - none (cells are already typed).

Converters turn a file value into what clickhouse-driver inserts for a ClickHouse type and raise
:class:`ValueConversionError` (with the reason) when a value does not fit - e.g. text in an Int64
column in a later batch, or an empty value in a non-Nullable numeric column (an empty value in a
non-Nullable String column is ``''``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from airflow_ai_etl.exceptions import AIETLError

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
DATE_MIN, DATE_MAX = dt.date(1970, 1, 1), dt.date(2105, 12, 31)
DATETIME_MIN, DATETIME_MAX = dt.datetime(1970, 1, 1), dt.datetime(2105, 12, 31, 23, 59, 59)

_INT = re.compile(r"^[+-]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?$")
_LEADING_ZERO = re.compile(r"^[+-]?0[0-9]+$")
_LEADING_ZERO_WS = re.compile(r"^\s*[+-]?0[0-9]+\s*$")
_INT_WS = re.compile(r"^\s*[+-]?(0|[1-9][0-9]*)\s*$")
_FLOAT_WS = re.compile(r"^\s*[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?\s*$")
_FLOAT_COMMA_WS = re.compile(r"^\s*[+-]?[0-9]+,[0-9]+\s*$")
_FLOAT_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RU_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_RU_DATETIME = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")

TEXT_ALL = frozenset({"int", "float", "date", "datetime"})
TEXT_DATES = frozenset({"date", "datetime"})
TEXT_NONE: frozenset[str] = frozenset()


class ValueConversionError(AIETLError, ValueError):
    """A value does not fit its ClickHouse column type."""


# --------------------------------------------------------------------------- text parsing


def parse_date(text: str) -> dt.date | None:
    """``2024-01-31`` or ``31.01.2024`` -> date; None when the text is not such a date."""
    s = text.strip()
    try:
        if _ISO_DATE.match(s):
            return dt.date.fromisoformat(s)
        m = _RU_DATE.match(s)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return None


def parse_datetime(text: str) -> dt.datetime | None:
    """ISO or ``DD.MM.YYYY HH:MM[:SS]`` text -> naive UTC datetime (fractions dropped); else None."""
    s = text.strip()
    try:
        if _ISO_DATETIME.match(s):
            value = dt.datetime.fromisoformat(s if len(s) < 11 or s[10] != "T" else s[:10] + " " + s[11:])
        else:
            m = _RU_DATETIME.match(s)
            if not m:
                return None
            d, mo, y, h, mi, sec = m.groups()
            value = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0))
    except ValueError:
        return None
    return _naive_utc(value)


def _naive_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value.replace(microsecond=0)


def _text_kind(s: str, kinds: frozenset[str], decimal_comma: bool) -> str:
    s = s.strip()
    if _LEADING_ZERO.match(s):
        return "string"  # codes such as 007 or 0012345 keep their zeros
    if "int" in kinds and _INT.match(s):
        return "int" if INT64_MIN <= int(s) <= INT64_MAX else "string"
    if "float" in kinds and (_FLOAT.match(s) or (decimal_comma and _FLOAT_COMMA.match(s))):
        return "float"
    if "date" in kinds:
        d = parse_date(s)
        if d is not None:
            return "date" if DATE_MIN <= d <= DATE_MAX else "string"
    if "datetime" in kinds:
        t = parse_datetime(s)
        if t is not None:
            return "datetime" if DATETIME_MIN <= t <= DATETIME_MAX else "string"
    return "string"


def is_empty(value: Any) -> bool:
    """None, an empty string, or a float NaN (whitespace-only text is a value)."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def value_kind(value: Any, text_kinds: frozenset[str] = TEXT_ALL, decimal_comma: bool = False) -> str:
    """Kind of one non-empty value: int|float|bool|date|midnight|datetime|string."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if INT64_MIN <= value <= INT64_MAX else "string"
    if isinstance(value, float | decimal.Decimal):
        return "float"
    if isinstance(value, dt.datetime):
        naive = _naive_utc(value) if value.tzinfo else value
        if not DATETIME_MIN <= naive <= DATETIME_MAX:
            return "string"
        # Excel stores dates as datetimes: a column of midnights is a Date column.
        return "midnight" if value.time() == dt.time(0) and value.tzinfo is None else "datetime"
    if isinstance(value, dt.date):
        return "date" if DATE_MIN <= value <= DATE_MAX else "string"
    if isinstance(value, str):
        return _text_kind(value, text_kinds, decimal_comma)
    return "string"


def kinds_to_type(kinds: set[str], nullable: bool) -> str:
    """Combine the kinds seen in a column into one ClickHouse type (see the module table)."""
    if not kinds:
        base = "String"
        nullable = True
    elif kinds == {"int"}:
        base = "Int64"
    elif kinds <= {"int", "float"}:
        base = "Float64"
    elif kinds == {"bool"}:
        base = "UInt8"
    elif kinds <= {"date", "midnight"}:
        base = "Date"
    elif kinds <= {"date", "midnight", "datetime"}:
        base = "DateTime"
    else:
        base = "String"
    return f"Nullable({base})" if nullable else base


def _text_column_kinds(texts: list[str], text_kinds: frozenset[str], decimal_comma: bool) -> set[str]:
    """The kinds :func:`value_kind` would give a column of text, computed a column at a time."""
    if not text_kinds:
        return {"string"}  # (Excel: text cells are text)
    if any(map(_LEADING_ZERO_WS.match, texts)):
        return {"string"}
    ints = "int" in text_kinds and all(map(_INT_WS.match, texts))
    if ints:
        return {"int"} if all(INT64_MIN <= int(t) <= INT64_MAX for t in texts if len(t) > 18) else {"string"}
    if "float" in text_kinds:
        number = _FLOAT_COMMA_WS if decimal_comma else None
        if all(_FLOAT_WS.match(t) or (number is not None and number.match(t)) for t in texts):
            big = [t for t in texts if _INT_WS.match(t) and len(t) > 18]
            return {"float"} if all(INT64_MIN <= int(t) <= INT64_MAX for t in big) else {"string"}
    kinds: set[str] = set()
    if text_kinds & TEXT_DATES:
        for t in texts:
            kind = _text_kind(t, text_kinds - {"int", "float"}, decimal_comma)
            if kind == "string":
                return {"string"}
            kinds.add(kind)
        return kinds
    return {"string"}


_NONE = type(None)
_TZINFO = operator.attrgetter("tzinfo")
_MICROSECOND = operator.attrgetter("microsecond")


def _classes_type(classes: set[type], present: list[Any]) -> str | None:
    """The base type :func:`kinds_to_type` gives a column of non-empty ``present`` values of the
    value ``classes`` (exact classes: a bool is not an int), worked out a column at a time for
    the common columns (integers, numbers, naive date-times in range); None for any other column."""
    if classes == {int} or classes == {int, float}:
        ints = present if classes == {int} else [v for v in present if v.__class__ is int]
        if not INT64_MIN <= min(ints) or not max(ints) <= INT64_MAX:
            return None  # an integer beyond Int64 is a string kind
        return "Int64" if classes == {int} else "Float64"
    if classes == {float}:
        return "Float64"  # (NaN is empty: the caller has checked there is none)
    if classes == {dt.datetime}:
        if any(map(_TZINFO, present)) or not (DATETIME_MIN <= min(present) and max(present) <= DATETIME_MAX):
            return None
        midnight = dt.time(0)
        return "Date" if all(t == midnight for t in set(map(dt.datetime.time, present))) else "DateTime"
    return None


def infer_type(
    values: Iterable[Any], text_kinds: frozenset[str] = TEXT_ALL, decimal_comma: bool = False
) -> str:
    """ClickHouse type for a column sample (see the module docstring)."""
    values = list(values)
    classes = set(map(type, values))
    known = classes - {_NONE}
    if known and (known <= {int, float} or known == {dt.datetime}):  # a column at a time
        present = [v for v in values if v is not None] if _NONE in classes else values
        if float not in known or not any(map(math.isnan, present)):  # (NaN is empty)
            fast = _classes_type(known, present)
            if fast is not None:
                return f"Nullable({fast})" if len(present) < len(values) else fast
    if classes <= {str, _NONE}:  # text: is_empty is "not v"
        present = [v for v in values if v]
    else:
        present = [v for v in values if not is_empty(v)]
    nullable = len(present) < len(values)
    if present and all(v.__class__ is str for v in present):
        return kinds_to_type(_text_column_kinds(present, text_kinds, decimal_comma), nullable)
    return kinds_to_type({value_kind(v, text_kinds, decimal_comma) for v in present}, nullable)


# --------------------------------------------------------------------------- converters


def _unwrap(ch_type: str) -> tuple[str, bool]:
    t = ch_type.strip()
    nullable = False
    while True:
        m = re.match(r"^(Nullable|LowCardinality)\((.*)\)$", t)
        if not m:
            return t, nullable
        nullable = nullable or m.group(1) == "Nullable"
        t = m.group(2).strip()


def to_text(value: Any) -> str:
    """Text form of a value for a String column."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _to_int(value: Any, decimal_comma: bool) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float | decimal.Decimal) and value == int(value):
        return int(value)
    if isinstance(value, str) and re.match(r"^[+-]?[0-9]+$", value.strip()):
        return int(value.strip())
    raise ValueConversionError("not an integer")


def _to_float(value: Any, decimal_comma: bool) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float | decimal.Decimal):
        return float(value)
    if isinstance(value, str):
        s = value.strip()
        if decimal_comma and _FLOAT_COMMA.match(s):
            s = s.replace(",", ".")
        if _FLOAT.match(s):
            return float(s)
    raise ValueConversionError("not a number")


def _to_decimal(value: Any, decimal_comma: bool) -> decimal.Decimal:
    try:
        if isinstance(value, float):
            return decimal.Decimal(repr(value))
        s = str(value).strip()
        if decimal_comma and _FLOAT_COMMA.match(s):
            s = s.replace(",", ".")
        return decimal.Decimal(s)
    except (decimal.InvalidOperation, ValueError):
        raise ValueConversionError("not a decimal number") from None


def _to_date(value: Any, decimal_comma: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    elif isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            full = parse_datetime(value)
            if full is None or full.time() != dt.time(0):
                raise ValueConversionError("not a date (expected YYYY-MM-DD or DD.MM.YYYY)")
            parsed = full.date()
        value = parsed
    if not isinstance(value, dt.date):
        raise ValueConversionError("not a date")
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueConversionError("date outside ClickHouse's Date range 1970-01-01..2105-12-31")
    return value


def _to_datetime(value: Any, decimal_comma: bool) -> dt.datetime:
    if isinstance(value, dt.datetime):
        value = _naive_utc(value)
    elif isinstance(value, dt.date):
        value = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            d = parse_date(value)
            if d is None:
                raise ValueConversionError("not a date-time (expected YYYY-MM-DD HH:MM:SS)")
            parsed = dt.datetime(d.year, d.month, d.day)
        value = parsed
    else:
        raise ValueConversionError("not a date-time")
    if not DATETIME_MIN <= value <= DATETIME_MAX:
        raise ValueConversionError("date-time outside ClickHouse's DateTime range 1970..2105")
    return value


def _to_string(value: Any, decimal_comma: bool) -> str:
    return to_text(value)


_INT_RANGES = {
    f"{p}{b}": ((0, 2**b - 1) if p == "UInt" else (-(2 ** (b - 1)), 2 ** (b - 1) - 1))
    for p in ("Int", "UInt")
    for b in (8, 16, 32, 64)
}


def _fast_datetime(text: str) -> dt.datetime:
    return _naive_utc(dt.datetime.fromisoformat(text))


def make_converter(ch_type: str, decimal_comma: bool = False) -> Callable[[Any], Any]:
    """A function turning one file value into the Python value inserted into ``ch_type``.

    Empty values (None, ``''``, NaN) become None for ``Nullable`` types and ``''`` for ``String``;
    for other non-Nullable types they raise :class:`ValueConversionError`. Types this module does
    not know (Enum, Array, UUID, ...) get the value unchanged (clickhouse-driver checks it).
    Text goes through a fast parser first (``int``, ``float``, ``fromisoformat``), then the full one.
    """
    base, nullable = _unwrap(ch_type)
    family = re.match(r"^[A-Za-z0-9]+", base)
    name = family.group(0) if family else base
    convert: Callable[[Any, bool], Any] | None
    fast: Callable[[str], Any] | None = None
    low: Any = None
    high: Any = None
    bounds = _INT_RANGES.get(name)
    if bounds:
        low, high = bounds
        convert, fast = _to_int, int
    elif name in ("Float32", "Float64"):
        convert, fast = _to_float, float
    elif name.startswith("Decimal"):
        convert = _to_decimal
    elif name == "Date":
        convert, fast, low, high = _to_date, dt.date.fromisoformat, DATE_MIN, DATE_MAX
    elif name == "DateTime":
        convert, fast, low, high = _to_datetime, _fast_datetime, DATETIME_MIN, DATETIME_MAX
    elif name in ("String", "FixedString"):
        convert = _to_string
    else:
        convert = None
    is_string = name in ("String", "FixedString")

    def conv(value: Any) -> Any:
        cls = value.__class__
        if value is None or (cls is str and value == "") or (cls is float and math.isnan(value)):
            if nullable:
                return None
            if is_string:
                return ""
            raise ValueConversionError(f"empty value in a non-Nullable {ch_type} column")
        if cls is str:
            if is_string:
                return value
            if fast is not None:
                try:
                    out = fast(value)
                except ValueError:
                    pass
                else:
                    if low is None or low <= out <= high:
                        return out
                    raise ValueConversionError(f"{out} is outside the range of {name}")
        if convert is None:
            return value
        out = convert(value, decimal_comma)
        if low is not None and not low <= out <= high:
            raise ValueConversionError(f"{out} is outside the range of {name}")
        return out

    return conv


@dataclass(frozen=True)
class ColumnConverter:
    """:func:`make_converter` for a whole column: ``converter(values)`` is
    ``[converter.value(v) for v in values]``, worked out a column at a time when the column's value
    classes allow it (integers in range for an integer type, numbers without NaN for a float type,
    naive date-times for Date/DateTime, text for String: no Python call per value), else value by
    value (which raises :class:`ValueConversionError` for the first value that does not fit).
    """

    ch_type: str
    value: Callable[[Any], Any]
    family: str
    nullable: bool

    def __call__(self, values: Sequence[Any]) -> list[Any]:
        if not values:
            return []
        classes = set(map(type, values))
        fast = self._fast(values, classes)
        if fast is None and self.nullable and _NONE in classes and len(classes) > 1:
            present = [v for v in values if v is not None]  # None stays None in a Nullable column
            part = self._fast(present, classes - {_NONE})
            if part is not None:
                rest = iter(part)
                fast = [None if v is None else next(rest) for v in values]
        return fast if fast is not None else [self.value(v) for v in values]

    def _fast(self, values: Sequence[Any], classes: set[type]) -> list[Any] | None:
        family = self.family
        if classes == {str}:
            if family in ("String", "FixedString"):
                return [v or None for v in values] if self.nullable and "" in values else list(values)
            return None
        bounds = _INT_RANGES.get(family)
        if bounds is not None:
            if classes == {int} and bounds[0] <= min(values) and max(values) <= bounds[1]:
                return list(values)
            return None
        if family in ("Float32", "Float64"):
            if classes == {float}:
                return None if any(map(math.isnan, values)) else list(values)
            if classes <= {int, float}:
                out = list(map(float, values))
                return None if any(map(math.isnan, out)) else out
            return None
        if classes == {dt.datetime} and not any(map(_TZINFO, values)):
            if family == "Date":
                days: list[dt.date] = list(map(dt.datetime.date, values))
                return list(days) if DATE_MIN <= min(days) and max(days) <= DATE_MAX else None
            if family == "DateTime" and not any(map(_MICROSECOND, values)):
                return list(values) if DATETIME_MIN <= min(values) and max(values) <= DATETIME_MAX else None
        return None


def make_column_converter(ch_type: str, decimal_comma: bool = False) -> ColumnConverter:
    """A :class:`ColumnConverter` for ``ch_type`` (see :func:`make_converter` for the values)."""
    base, nullable = _unwrap(ch_type)
    family = re.match(r"^[A-Za-z0-9]+", base)
    return ColumnConverter(
        ch_type, make_converter(ch_type, decimal_comma), family.group(0) if family else base, nullable
    )


# --------------------------------------------------------------------------- Arrow (Parquet) types


def arrow_to_clickhouse(arrow_type: Any) -> str:
    """ClickHouse type for a pyarrow type (Parquet loads): ints/uints/floats keep their width,
    bool -> UInt8, string/binary -> String, date -> Date, timestamp -> DateTime (UTC),
    decimal128(p<=38, s) -> Decimal(p, s), dictionary -> its value type, anything else (lists,
    structs, ...) -> String (JSON text). Nullable is added by the reader when nulls are seen."""
    import pyarrow.types as pt

    t = arrow_type
    if pt.is_dictionary(t):
        return arrow_to_clickhouse(t.value_type)
    if pt.is_boolean(t):
        return "UInt8"
    if pt.is_integer(t):
        return f"{'UInt' if pt.is_unsigned_integer(t) else 'Int'}{t.bit_width}"
    if pt.is_floating(t):
        return "Float64" if t.bit_width == 64 else "Float32"
    if pt.is_decimal(t) and t.precision <= 38:
        return f"Decimal({t.precision}, {t.scale})"
    if pt.is_date(t):
        return "Date"
    if pt.is_timestamp(t):
        return "DateTime"
    return "String"


def clickhouse_to_arrow(ch_type: str) -> Any:
    """pyarrow type for a ClickHouse column type (Parquet exports); unknown types -> string (text)."""
    import pyarrow as pa

    base, _ = _unwrap(ch_type)
    simple = {
        "Int8": pa.int8(),
        "Int16": pa.int16(),
        "Int32": pa.int32(),
        "Int64": pa.int64(),
        "UInt8": pa.uint8(),
        "UInt16": pa.uint16(),
        "UInt32": pa.uint32(),
        "UInt64": pa.uint64(),
        "Float32": pa.float32(),
        "Float64": pa.float64(),
        "Date": pa.date32(),
        "String": pa.string(),
    }
    if base in simple:
        return simple[base]
    if base.startswith("DateTime"):
        return pa.timestamp("s") if base == "DateTime" or base.startswith("DateTime(") else pa.timestamp("us")
    m = re.match(r"^Decimal\((\d+),\s*(\d+)\)$", base)
    if m:
        return pa.decimal128(int(m.group(1)), int(m.group(2)))
    m = re.match(r"^Decimal(32|64|128)\((\d+)\)$", base)
    if m:
        return pa.decimal128({"32": 9, "64": 18, "128": 38}[m.group(1)], int(m.group(2)))
    return pa.string()
