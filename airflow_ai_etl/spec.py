"""PipelineSpec v1: the contract between planners, the renderer, versions and the UI.

A planner (offline or LLM) only ever produces one of these; everything that runs is
rendered from it by deterministic code. Unknown fields are rejected (gate 1).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Annotated, Any, Literal

from croniter import croniter
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_serializer,
    model_validator,
)

from airflow_ai_etl.marts.model import MartDefinition

SPEC_VERSION: Literal[1] = 1
SCHEDULE_PRESETS = ("@once", "@hourly", "@daily", "@weekly", "@monthly", "@yearly")
# Airflow's key pattern, capped at 200 so the deployer's hidden temp file names fit in 255 bytes; the
# first character may not be '.' or '-' (a hidden file, an option-like name).
DAG_ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,199}$"
# Airflow's connection id rule (letters, digits, '_', '.', '-'), 250 at most.
CONN_ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,249}$"
# One cron field: digits, names (MON, JAN), and * / , - ? L W #; five of them separated by one space.
CRON_PATTERN = re.compile(r"[0-9A-Za-z*/,?#\-]{1,64}( [0-9A-Za-z*/,?#\-]{1,64}){4}")
# Names and numeric ranges of the five cron fields, to say which one is out of range.
_CRON_FIELDS = ("minute", "hour", "day-of-month", "month", "day-of-week")
_CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
# What a ClickHouse PARTITION BY may be: a column, or one of these functions of a column.
PARTITION_PATTERN = re.compile(
    r"(?:(?:toYYYYMM|toYYYYMMDD|toYear|toDate|toMonday|toStartOfMonth|toStartOfWeek|toStartOfDay)"
    r"\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\)|[A-Za-z_][A-Za-z0-9_]*)"
)
# A column or table name as we accept it from a planner: plain identifiers only, optionally
# schema-qualified; the renderer quotes them. Anything else (spaces, quotes, ;) is rejected.
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_$]{0,127}")
DEFAULT_S3_CONN_ID = "aws_default"  # Airflow's conventional AWS connection
# An Airflow asset URI as a pipeline may be scheduled on (see airflow_ai_etl.assets for the scheme):
# one of our schemes, then printable non-space characters other than quotes and backslashes.
ASSET_URI_PATTERN = "^(clickhouse|postgres|postgresql|s3|file)://[^\\s\"'\\\\]{1,1000}$"
QUALIFIED_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$]{0,127}(\.[A-Za-z_][A-Za-z0-9_$]{0,127})?")


def _identifier(name: str) -> str:
    if not IDENTIFIER.fullmatch(name):
        raise ValueError(f"{name!r} is not a plain column name")
    return name


def _table_name(name: str) -> str:
    if not QUALIFIED_NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a table name (expected name or schema.name)")
    return name


def _text_checker(max_length: int, multiline: bool) -> Any:
    """A validator for free text: printable characters only (tab and, when `multiline`, newline
    too), at most `max_length` of them. Control characters, line and paragraph separators and
    lone surrogates are refused, so no value can break a line of whatever shows it."""

    def check(value: str) -> str:
        if len(value) > max_length:
            raise ValueError(f"at most {max_length} characters allowed, got {len(value)}")
        allowed = "\t\n" if multiline else "\t"
        for position, char in enumerate(value):
            if not (char.isprintable() or char in allowed):
                raise ValueError(f"character {char!r} at position {position} is not allowed here")
        return value

    return AfterValidator(check)


def _cron_or_preset(value: str | None) -> str | None:
    if value is None or value in SCHEDULE_PRESETS:
        return value
    if not CRON_PATTERN.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a preset ({', '.join(SCHEDULE_PRESETS)}) or a cron expression of "
            "5 fields separated by single spaces"
        )
    if not croniter.is_valid(value):
        for name, (low, high), field in zip(_CRON_FIELDS, _CRON_RANGES, value.split(), strict=True):
            if any(not low <= int(n) <= high for n in re.findall(r"\d+", field.split("/")[0])):
                raise ValueError(f"{value!r}: the {name} field ({field}) is out of range {low}-{high}")
        raise ValueError(f"{value!r} has a field out of range (minute 0-59, hour 0-23, day 1-31, ...)")
    return value


def _partition(value: str) -> str:
    if not PARTITION_PATTERN.fullmatch(value):
        raise ValueError(f"{value!r} is not a column or toYYYYMM(column)-like expression")
    return value


def _sheet(value: str) -> str:
    if any(char in value for char in "[]:*?/\\"):
        raise ValueError(f"{value!r}: a sheet name may not contain [ ] : * ? / \\")
    return value


Identifier = Annotated[str, AfterValidator(_identifier)]
TableName = Annotated[str, AfterValidator(_table_name)]
ConnId = Annotated[str, Field(pattern=CONN_ID_PATTERN)]
Line = Annotated[str, _text_checker(500, multiline=False)]  # a description, an owner
FilePath = Annotated[str, Field(min_length=1), _text_checker(1024, multiline=False)]
Sql = Annotated[str, Field(min_length=1), _text_checker(10_000, multiline=True)]
Request = Annotated[str, _text_checker(10_000, multiline=True)]
Tag = Annotated[str, Field(pattern=r"^[\w .:/@+\-]{1,100}$")]
SheetName = Annotated[str, Field(min_length=1), _text_checker(31, multiline=False), AfterValidator(_sheet)]
Schedule = Annotated[str | None, AfterValidator(_cron_or_preset)]


def _asset_uri(value: str) -> str:
    from airflow_ai_etl.assets import normalize_uri

    return normalize_uri(value)


AssetUri = Annotated[
    str, Field(pattern=ASSET_URI_PATTERN), _text_checker(1024, multiline=False), AfterValidator(_asset_uri)
]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Incremental(StrictModel):
    """Load only rows whose `column` is greater than the largest value already loaded."""

    column: Identifier


class CDCOptions(StrictModel):
    """How a ``cdc`` source runs (airflow_ai_etl.operators.cdc); absent: ``mode="batch"``."""

    mode: Literal["batch", "stream"] = Field(
        "batch",
        description="batch: each scheduled run applies what was committed before it started, then ends; "
        "stream: the task keeps applying changes as they commit for max_runtime seconds",
    )
    max_runtime: int | None = Field(
        None, ge=10, le=86400, strict=True, description="seconds a stream-mode run lasts (default 3600)"
    )
    batch_seconds: float | None = Field(
        None,
        gt=0,
        le=60,
        strict=True,
        description="longest wait of a change before its batch is written (default 1 s stream, 5 s batch)",
    )

    @model_validator(mode="after")
    def _runtime_needs_stream(self) -> CDCOptions:
        if self.max_runtime is not None and self.mode != "stream":
            raise ValueError('max_runtime applies to mode "stream" only')
        return self


class Source(StrictModel):
    """Where rows come from. ``mart``: an aggregate (measures by dimensions and a time grain) of the
    fact table ``conn_id``/``table``, described by ``mart`` (see airflow_ai_etl.marts)."""

    type: Literal["sql", "s3", "excel", "cdc", "mart"] = "sql"
    conn_id: ConnId | None = Field(None, description="Airflow connection to read from")
    table: TableName | None = Field(None, description="Table to read, `name` or `schema.name`")
    query: Sql | None = Field(None, description="One read-only SELECT, instead of `table`")
    columns: list[Identifier] | None = Field(None, description="Column subset; all columns when empty")
    where: Sql | None = Field(None, description="SQL boolean condition applied at the source")
    incremental: Incremental | None = None
    path: FilePath | None = Field(None, description="s3://bucket/prefix/ or a local file path")
    format: Literal["csv", "tsv", "parquet", "jsonl", "xlsx"] | None = None
    sheet: SheetName | None = None
    mart: MartDefinition | None = Field(None, description="The aggregate of a `mart` source")
    cdc: CDCOptions | None = Field(None, description="How a `cdc` source runs (batch or stream)")

    @model_serializer(mode="wrap")
    def _without_absent_mart(self, handler: Any) -> dict[str, Any]:
        # A spec without a mart dumps exactly as before marts existed: files rendered from v1 specs
        # keep their bytes (the shape and round-trip gates compare them with a fresh render).
        data = handler(self)
        for optional in ("mart", "cdc"):
            if data.get(optional) is None:
                data.pop(optional, None)
        return data

    @property
    def file_conn_id(self) -> str | None:
        """The connection that reads a file source: conn_id, else `aws_default` for s3:// paths."""
        if self.conn_id or not (self.path or "").startswith("s3://"):
            return self.conn_id
        return DEFAULT_S3_CONN_ID

    @model_validator(mode="after")
    def _shape(self) -> Source:
        if self.type in ("sql", "cdc"):
            if not self.conn_id:
                raise ValueError(f"a {self.type} source needs conn_id")
            if self.type == "sql" and (self.table is None) == (self.query is None):
                raise ValueError("a sql source needs exactly one of table or query")
            if self.type == "cdc" and not self.table:
                raise ValueError("a cdc source needs table")
        if self.cdc is not None and self.type != "cdc":
            raise ValueError(f"a {self.type} source has no cdc options")
        if self.type == "mart":
            if not (self.conn_id and self.table and self.mart):
                raise ValueError("a mart source needs conn_id, table (the fact table) and mart")
            if self.query or self.columns or self.where or self.incremental:
                raise ValueError(
                    "a mart source takes its filters and refresh from `mart` (filters, where, refresh); "
                    "query, columns, where and incremental do not apply"
                )
        elif self.mart is not None:
            raise ValueError(f"a {self.type} source has no mart")
        if self.type in ("s3", "excel") and not self.path:
            raise ValueError(f"a {self.type} source needs path")
        return self


class MaskTransform(StrictModel):
    type: Literal["mask"]
    columns: list[Identifier] = Field(min_length=1)
    method: Literal["hash", "redact", "partial"] = "hash"


class RenameTransform(StrictModel):
    type: Literal["rename"]
    mapping: dict[Identifier, Identifier] = Field(min_length=1, description="old column name -> new name")


class CastTransform(StrictModel):
    type: Literal["cast"]
    columns: dict[Identifier, str] = Field(min_length=1, description="column -> target type name")

    @field_validator("columns")
    @classmethod
    def _type_names(cls, value: dict[str, str]) -> dict[str, str]:
        for type_name in value.values():
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_(), ]{0,63}", type_name):
                raise ValueError(f"{type_name!r} is not a type name")
        return value


class FilterTransform(StrictModel):
    type: Literal["filter"]
    condition: Sql = Field(description="SQL boolean condition, checked by the SQL safety gate")


class DedupeTransform(StrictModel):
    type: Literal["dedupe"]
    columns: list[Identifier] = Field(min_length=1, description="rows equal on these columns are kept once")


Transform = Annotated[
    MaskTransform | RenameTransform | CastTransform | FilterTransform | DedupeTransform,
    Field(discriminator="type"),
]


class Target(StrictModel):
    type: Literal["clickhouse", "sql", "s3", "excel"] = "clickhouse"
    conn_id: ConnId | None = Field(None, description="Airflow connection to write to")
    table: TableName | None = None
    mode: Literal["append", "replace", "upsert"] = "append"
    keys: list[Identifier] = Field(default_factory=list, description="Key columns for upsert")
    create: bool = Field(True, description="Create the target table when it does not exist")
    order_by: list[Identifier] | None = Field(None, description="ClickHouse ORDER BY; primary key when empty")
    partition_by: Annotated[str, AfterValidator(_partition)] | None = None
    path: FilePath | None = None
    format: Literal["csv", "parquet", "jsonl", "xlsx"] | None = None
    sheet: SheetName | None = None

    @model_validator(mode="after")
    def _shape(self) -> Target:
        if self.type in ("clickhouse", "sql") and not (self.conn_id and self.table):
            raise ValueError(f"a {self.type} target needs conn_id and table")
        if self.type in ("s3", "excel") and not self.path:
            raise ValueError(f"a {self.type} target needs path")
        if self.mode == "upsert" and not self.keys:
            raise ValueError("mode upsert needs keys")
        return self


class Check(StrictModel):
    """A data quality check run on the target after each load.

    row_count_min (value = rows), not_null (columns), unique (columns together), row_count_match
    (source vs target, done by the transfer on every load), fk_orphans (columns -> ref_columns of
    ref_table in the target; at most max_share of the rows may point nowhere), freshness (the
    newest value of one time column is at most `value` seconds old), volume_anomaly (the rows a
    run loads are within median ± k·MAD of the last runs; ClickHouse targets), min_value (no value of
    the columns is below `value`: «сумма не отрицательная» is min_value 0).
    """

    type: Literal[
        "row_count_min",
        "not_null",
        "unique",
        "row_count_match",
        "fk_orphans",
        "freshness",
        "volume_anomaly",
        "min_value",
    ]
    columns: list[Identifier] = Field(default_factory=list)
    value: int | None = Field(
        None,
        ge=0,
        description="row_count_min: rows; freshness: maximum age in seconds; min_value: the smallest allowed",
    )
    severity: Literal["fail", "warn"] = Field("fail", description="fail: the run fails; warn: a warning only")
    ref_table: TableName | None = Field(None, description="fk_orphans: the referenced table in the target")
    ref_columns: list[Identifier] = Field(default_factory=list, description="fk_orphans: its key columns")
    max_share: float | None = Field(None, ge=0, le=1, description="fk_orphans: share of orphan rows allowed")
    k: float | None = Field(None, gt=0, le=100, description="volume_anomaly: band half-width in MADs (5)")

    @model_validator(mode="after")
    def _shape(self) -> Check:
        if self.type in ("not_null", "unique", "fk_orphans", "freshness", "min_value") and not self.columns:
            raise ValueError(f"a {self.type} check needs columns")
        if self.type == "fk_orphans" and (not self.ref_table or len(self.ref_columns) != len(self.columns)):
            raise ValueError("an fk_orphans check needs ref_table and one ref_column per column")
        if self.type == "min_value" and self.value is None:
            raise ValueError("a min_value check needs value = the smallest value allowed")
        if self.type == "freshness" and (len(self.columns) != 1 or not self.value):
            raise ValueError("a freshness check needs one time column and value = maximum age in seconds")
        return self


class PipelineSpec(StrictModel):
    """One pipeline: where data comes from, what happens to it, where it goes and when."""

    version: Literal[1] = SPEC_VERSION
    dag_id: str = Field(pattern=DAG_ID_PATTERN)
    description: Line = ""
    request: Request = Field("", description="The original request text, kept for review")
    owner: Annotated[str, Field(pattern=r"^[\w.@+\- ]{1,100}$")] = "ai-etl"
    tags: list[Tag] = Field(default_factory=lambda: ["ai-etl"], max_length=20)
    schedule: Schedule = Field(None, description="5-field cron, a preset such as @daily, or null")
    schedule_assets: list[AssetUri] = Field(
        default_factory=list,
        max_length=20,
        description="Run when every one of these assets was updated since the last run (Airflow asset "
        "URIs of what other pipelines load, e.g. clickhouse://host:9000/analytics/sales); exclusive "
        "with schedule",
    )
    on_new_files: bool = Field(
        False,
        description="Run as soon as a file not loaded yet appears at source.path (an S3 prefix or a "
        "folder); the wait is deferred (no worker slot) and each file loads once; exclusive with "
        "schedule and schedule_assets",
    )
    timezone: Annotated[str, Field(pattern=r"^[A-Za-z0-9_+\-]{1,32}(/[A-Za-z0-9_+\-]{1,32}){0,2}$")] = "UTC"
    start_date: dt.date = dt.date(2025, 1, 1)
    catchup: bool = False
    retries: int = Field(2, ge=0, le=20)
    retry_delay_minutes: int = Field(5, ge=0, le=1440)
    source: Source
    transforms: list[Transform] = Field(default_factory=list)
    target: Target
    checks: list[Check] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone") from exc
        return value

    @model_validator(mode="after")
    def _one_schedule(self) -> PipelineSpec:
        if self.schedule_assets and self.schedule is not None:
            raise ValueError(
                "give either schedule (a clock) or schedule_assets (after other loads), not both"
            )
        if self.on_new_files:
            if self.schedule is not None or self.schedule_assets:
                raise ValueError(
                    "on_new_files starts the pipeline itself: leave schedule and schedule_assets empty"
                )
            if self.source.type != "s3":
                raise ValueError(
                    "on_new_files watches a folder or S3 prefix: the source must be files (type s3)"
                )
        return self

    @model_serializer(mode="wrap")
    def _without_default_triggers(self, handler: Any) -> dict[str, Any]:
        # A spec that no asset or file starts dumps exactly as before those fields existed (like an
        # absent mart): its AI_ETL_SPEC literal and stored versions keep their bytes.
        data = handler(self)
        if not data.get("schedule_assets"):
            data.pop("schedule_assets", None)
        if not data.get("on_new_files"):
            data.pop("on_new_files", None)
        return data

    def to_json_dict(self) -> dict[str, Any]:
        """The spec as plain JSON types, in field order (what versions store and tests compare)."""
        return self.model_dump(mode="json")


def json_schema() -> dict[str, Any]:
    """JSON Schema of PipelineSpec v1 (what `airflow ai-etl schema` prints and LLMs are given)."""
    schema = PipelineSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "PipelineSpec v1"
    return schema
