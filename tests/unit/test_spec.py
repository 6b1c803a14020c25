from __future__ import annotations

import pytest
from pydantic import ValidationError

from airflow_ai_etl.spec import PipelineSpec, json_schema

BASE = {
    "dag_id": "sales_to_ch",
    "schedule": "0 2 * * *",
    "source": {"conn_id": "pg_shop", "table": "sales"},
    "target": {"conn_id": "clickhouse_default", "table": "sales"},
}


def spec(**changes: object) -> dict:
    data = {**BASE, **changes}
    return data


def test_minimal_spec_gets_defaults() -> None:
    parsed = PipelineSpec.model_validate(spec())
    assert parsed.source.type == "sql"
    assert parsed.target.mode == "append"
    assert parsed.catchup is False
    assert parsed.to_json_dict()["target"]["create"] is True


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"unknown": 1}, "Extra inputs are not permitted"),
        ({"schedule": "every day"}, "cron expression of 5 fields"),
        ({"schedule": "0 2 * * * *"}, "cron expression of 5 fields"),
        ({"timezone": "Mars/Olympus"}, "not an IANA time zone"),
        ({"dag_id": "bad id"}, "String should match pattern"),
        ({"dag_id": "x" * 201}, "String should match pattern"),
        ({"dag_id": ".hidden"}, "String should match pattern"),  # a hidden file Airflow never parses
        ({"schedule": "0 2 * * *\r"}, "cron expression of 5 fields"),
        ({"schedule": "0 25 * * *"}, "the hour field \\(25\\) is out of range 0-23"),
        ({"description": "line\u2028break"}, "not allowed here"),
        ({"tags": ["ai-etl", "a\nb"]}, "String should match pattern"),
        ({"owner": "x\ny"}, "String should match pattern"),
        ({"timezone": "../../etc/passwd"}, "String should match pattern"),
        ({"source": {"conn_id": "pg\nx", "table": "t"}}, "String should match pattern"),
        ({"source": {"conn_id": "pg", "table": "t\n"}}, "is not a table name"),
        ({"source": {"type": "s3", "path": "s3://b/x\n'''"}}, "not allowed here"),
        ({"source": {"type": "excel", "path": "/d/b.xlsx", "sheet": "a/b"}}, "sheet name may not contain"),
        (
            {"target": {"conn_id": "ch", "table": "t", "partition_by": "toYYYYMM(d) SETTINGS x=1"}},
            "is not a column",
        ),
        ({"source": {"conn_id": "pg", "table": "sales; DROP TABLE x"}}, "is not a table name"),
        ({"source": {"conn_id": "pg"}}, "exactly one of table or query"),
        ({"source": {"conn_id": "pg", "table": "t", "query": "SELECT 1"}}, "exactly one of table or query"),
        ({"source": {"table": "t"}}, "needs conn_id"),
        ({"target": {"conn_id": "ch", "table": "t", "mode": "upsert"}}, "upsert needs keys"),
        ({"target": {"conn_id": "ch", "table": "t", "keys": ["id) --"]}}, "not a plain column name"),
        ({"transforms": [{"type": "mask", "columns": []}]}, "at least 1 item"),
        ({"transforms": [{"type": "explode", "columns": ["a"]}]}, "does not match any of the expected tags"),
        ({"transforms": [{"type": "cast", "columns": {"a": "Int64; DROP"}}]}, "is not a type name"),
    ],
)
def test_invalid_specs_are_rejected_with_the_reason(changes: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PipelineSpec.model_validate(spec(**changes))


@pytest.mark.parametrize("schedule", [None, "@daily", "*/15 * * * *", "30 6 * * 1-5", "0 0 1 * *"])
def test_accepted_schedules(schedule: str | None) -> None:
    assert PipelineSpec.model_validate(spec(schedule=schedule)).schedule == schedule


def test_json_schema_describes_the_contract() -> None:
    schema = json_schema()
    assert schema["title"] == "PipelineSpec v1"
    assert set(schema["required"]) == {"dag_id", "source", "target"}
    assert schema["additionalProperties"] is False
    source = schema["$defs"]["Source"]["properties"]
    assert {"table", "query", "incremental", "columns", "where"} <= set(source)
