"""OpenLineage events of a generated pipeline, captured with the provider's file transport while
`airflow dags test` runs it against the real PostgreSQL and ClickHouse servers."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.airflow_meta import copy_migrated_db
from tests.integration.test_end_to_end import AIRFLOW, DAG_ID, SENTENCE

pytestmark = pytest.mark.integration


def test_the_load_reports_its_input_and_output_tables_with_columns(
    shop_db, postgres, clickhouse, ch_database, migrated_airflow_db, tmp_path: Path
) -> None:
    pytest.importorskip("airflow.providers.openlineage")
    events_file = tmp_path / "openlineage.jsonl"
    dags = tmp_path / "dags"
    dags.mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": clickhouse.uri(ch_database),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "ai-etl-test",
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps(
            {"type": "file", "log_file_path": str(events_file), "append": True}
        ),
    }

    def airflow(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=600)

    copy_migrated_db(migrated_airflow_db, tmp_path / "home")  # what `airflow db migrate` leaves
    generated = airflow("ai-etl", "generate", SENTENCE, "--deploy")
    assert generated.returncode == 0, generated.stdout + generated.stderr[-3000:]
    assert airflow("dags", "reserialize").returncode == 0
    ran = airflow("dags", "test", DAG_ID)
    (tmp_path / "dags_test.log").write_text(ran.stdout + ran.stderr)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]

    events = [json.loads(line) for line in events_file.read_text().splitlines() if line.strip()]
    complete = [
        e for e in events if e.get("eventType") == "COMPLETE" and e["job"]["name"] == f"{DAG_ID}.load_sales"
    ]
    assert len(complete) == 1, [(e.get("eventType"), e["job"]["name"]) for e in events]
    warnings = [line for line in (ran.stdout + ran.stderr).splitlines() if "OpenLineage" in line]
    assert len(complete[0]["inputs"]) == 1 and len(complete[0]["outputs"]) == 1, (complete[0], warnings)
    (source,) = complete[0]["inputs"]
    (target,) = complete[0]["outputs"]
    assert (source["namespace"], source["name"]) == (
        f"postgres://127.0.0.1:{postgres.port}",
        "shop.public.sales",
    )
    assert (target["namespace"], target["name"]) == (
        f"clickhouse://127.0.0.1:{clickhouse.tcp_port}",
        f"{ch_database}.sales",
    )
    source_columns = postgres.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'sales' "
        "ORDER BY ordinal_position",
        dbname="shop",
    )
    assert [(f["name"], f["type"]) for f in source["facets"]["schema"]["fields"]] == [
        tuple(c) for c in source_columns
    ]
    target_columns = clickhouse.client(database=ch_database).execute(
        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'sales'"
    )
    assert [(f["name"], f["type"]) for f in target["facets"]["schema"]["fields"]] == [
        tuple(c) for c in target_columns
    ]
    assert [f["name"] for f in target["facets"]["schema"]["fields"]] == [c for c, _ in source_columns]
    # Column lineage: every written column comes from the read column of the same name, one to one.
    lineage = target["facets"]["columnLineage"]["fields"]
    assert sorted(lineage) == sorted(c for c, _ in source_columns)
    for column, field in lineage.items():
        (read,) = field["inputFields"]
        assert (read["namespace"], read["name"], read["field"]) == (
            source["namespace"],
            source["name"],
            column,
        )
        assert [(t["type"], t["subtype"]) for t in read["transformations"]] == [("DIRECT", "IDENTITY")]
    assert "columnLineage" not in source["facets"]
