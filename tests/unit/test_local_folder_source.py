"""A local (mounted network) folder as a file source: under [ai_etl] file_roots and there, else a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.catalog import Catalog, ConnectionInfo


@pytest.fixture
def assistant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Assistant:
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", str(tmp_path / "share"))
    (tmp_path / "share" / "in").mkdir(parents=True)
    catalog = Catalog(connections={"ch": ConnectionInfo("ch", "clickhouse", host="127.0.0.1")})
    return Assistant(
        catalog=catalog, dags_folder=tmp_path / "dags", state_dir=tmp_path / "s", check_import=False
    )


def _spec(path: str) -> dict:
    return {"dag_id": "watch", "on_new_files": True, "target": {"conn_id": "ch", "table": "landed"},
            "source": {"type": "s3", "path": path, "format": "csv"}}  # fmt: skip


def test_an_existing_empty_folder_under_the_roots_is_fine(assistant: Assistant, tmp_path: Path) -> None:
    outcome = assistant.check(_spec(f"{tmp_path}/share/in/"))
    assert outcome.status == "ok", outcome.errors
    # Loaded without an S3 connection; the rendered file passed the shape gate and Airflow's import.
    assert "NewFilesSensor" in outcome.source_code and f"{tmp_path}/share/in/" in outcome.source_code
    assert "load = FilesToClickHouseOperator(" in outcome.source_code
    assert "S3ToClickHouseOperator" not in outcome.source_code


@pytest.mark.parametrize("where", ["share/missing/", "elsewhere/"])
def test_a_missing_folder_or_one_outside_the_roots_is_one_question(
    assistant: Assistant, tmp_path: Path, where: str
) -> None:
    outcome = assistant.check(_spec(f"{tmp_path}/{where}"))
    assert outcome.status == "needs_clarification" and not outcome.source_code
    assert "is not a readable file or folder under the allowed file roots" in outcome.questions[0]
    assert outcome.errors[0].field == "source.path"


def test_without_roots_local_files_are_refused_with_how_to_allow_them(
    assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", "")
    outcome = assistant.check(_spec(f"{tmp_path}/share/in/"))
    assert outcome.status == "needs_clarification"
    assert "AIRFLOW__AI_ETL__FILE_ROOTS" in outcome.questions[0]
