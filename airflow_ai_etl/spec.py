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
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

SPEC_VERSION = 1
SCHEDULE_PRESETS = ("@once", "@hourly", "@daily", "@weekly", "@monthly", "@yearly")
# Names and numeric ranges of the five cron fields, to say which one is out of range.
_CRON_FIELDS = ("minute", "hour", "day-of-month", "month", "day-of-week")
_CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
# Airflow's key pattern, capped at 200 so the deployer's hidden temp file names fit in 255 bytes.
DAG_ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,200}$"
# A column or table name as we accept it from a planner: plain identifiers only, optionally
# schema-qualified; the renderer quotes them. Anything else (spaces, quotes, ;) is rejected.
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
DEFAULT_S3_CONN_ID = "aws_default"  # Airflow's conventional AWS connection
QUALIFIED_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")


def _identifier(name: str) -> str:
    if not IDENTIFIER.match(name):
        raise ValueError(f"{name!r} is not a plain column name")
    return name


def _table_name(name: str) -> str:
    if not QUALIFIED_NAME.match(name):
        raise ValueError(f"{name!r} is not a table name (expected name or schema.name)")
    return name


Identifier = Annotated[str, AfterValidator(_identifier)]
TableName = Annotated[str, AfterValidator(_table_name)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Incremental(StrictModel):
    """Load only rows whose `column` is greater than the largest value already loaded."""

    column: Identifier


class Source(StrictModel):
    type: Literal["sql", "s3", "excel", "cdc"] = "sql"
    conn_id: str | None = Field(None, description="Airflow connection to read from")
    table: TableName | None = Field(None, description="Table to read, `name` or `schema.name`")
    query: str | None = Field(None, description="One read-only SELECT, instead of `table`")
    columns: list[Identifier] | None = Field(None, description="Column subset; all columns when empty")
    where: str | None = Field(None, description="SQL boolean condition applied at the source")
    incremental: Incremental | None = None
    path: str | None = Field(None, description="s3://bucket/prefix/ or a local file path")
    format: Literal["csv", "parquet", "jsonl", "xlsx"] | None = None
    sheet: str | None = None

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
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_(), ]*", type_name):
                raise ValueError(f"{type_name!r} is not a type name")
        return value


class FilterTransform(StrictModel):
    type: Literal["filter"]
    condition: str = Field(description="SQL boolean condition, checked by the SQL safety gate")


class DedupeTransform(StrictModel):
    type: Literal["dedupe"]
    columns: list[Identifier] = Field(min_length=1, description="rows equal on these columns are kept once")


Transform = Annotated[
    MaskTransform | RenameTransform | CastTransform | FilterTransform | DedupeTransform,
    Field(discriminator="type"),
]


class Target(StrictModel):
    type: Literal["clickhouse", "sql", "s3", "excel"] = "clickhouse"
    conn_id: str | None = Field(None, description="Airflow connection to write to")
    table: TableName | None = None
    mode: Literal["append", "replace", "upsert"] = "append"
    keys: list[Identifier] = Field(default_factory=list, description="Key columns for upsert")
    create: bool = Field(True, description="Create the target table when it does not exist")
    order_by: list[Identifier] | None = Field(None, description="ClickHouse ORDER BY; primary key when empty")
    partition_by: str | None = None
    path: str | None = None
    format: Literal["csv", "parquet", "jsonl", "xlsx"] | None = None
    sheet: str | None = None

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
    type: Literal["row_count_min", "not_null", "unique", "row_count_match"]
    columns: list[Identifier] = Field(default_factory=list)
    value: int | None = Field(None, description="Threshold for row_count_min")


class PipelineSpec(StrictModel):
    """One pipeline: where data comes from, what happens to it, where it goes and when."""

    version: Literal[1] = SPEC_VERSION
    dag_id: str = Field(pattern=DAG_ID_PATTERN)
    description: str = ""
    request: str = Field("", description="The original request text, kept for review")
    owner: str = "ai-etl"
    tags: list[str] = Field(default_factory=lambda: ["ai-etl"])
    schedule: str | None = Field(None, description="5-field cron, a preset such as @daily, or null")
    timezone: str = "UTC"
    start_date: dt.date = dt.date(2025, 1, 1)
    catchup: bool = False
    retries: int = Field(2, ge=0, le=20)
    retry_delay_minutes: int = Field(5, ge=0, le=1440)
    source: Source
    transforms: list[Transform] = Field(default_factory=list)
    target: Target
    checks: list[Check] = Field(default_factory=list)

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str | None) -> str | None:
        if value is None or value in SCHEDULE_PRESETS:
            return value
        if len(value.split()) == 5 and not croniter.is_valid(value):
            for name, (low, high), field in zip(_CRON_FIELDS, _CRON_RANGES, value.split(), strict=True):
                numbers = [int(n) for n in re.findall(r"\d+", field.split("/")[0])]
                if any(not low <= n <= high for n in numbers):
                    raise ValueError(f"{value!r}: the {name} field ({field}) is out of range {low}-{high}")
        if len(value.split()) != 5 or not croniter.is_valid(value):
            raise ValueError(f"{value!r} is not a 5-field cron expression or a preset")
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone") from exc
        return value

    def to_json_dict(self) -> dict[str, Any]:
        """The spec as plain JSON types, in field order (what versions store and tests compare)."""
        return self.model_dump(mode="json")


def json_schema() -> dict[str, Any]:
    """JSON Schema of PipelineSpec v1 (what `airflow ai-etl schema` prints and LLMs are given)."""
    schema = PipelineSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "PipelineSpec v1"
    return schema
