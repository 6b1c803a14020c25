"""TSV files as a spec'd file source: the planner names the format, the gates pass it, the DAG reads it as TSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.planning.offline import plan
from tests.catalogs import shop_catalog


@pytest.mark.parametrize(
    "request_text",
    [
        "load tsv files from s3://partners/in/ into clickhouse table partner_rows every day at 6",
        "load s3://partners/in/report.tsv into clickhouse table partner_rows every day at 6",
        "every day at 6 load the tab-separated files from s3://partners/in/ into clickhouse table partner_rows",
        "Каждый день в 6 утра грузить файлы с разделителями-табуляцией из s3://partners/in/ в таблицу "
        "partner_rows в ClickHouse",
    ],
)
def test_tab_separated_files_are_planned_as_tsv(request_text: str) -> None:
    outcome = plan(request_text, shop_catalog())
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert (outcome.spec.source.type, outcome.spec.source.format) == ("s3", "tsv")
    assert outcome.spec.target.table == "partner_rows"


def test_a_format_the_request_does_not_name_is_asked_with_tsv_among_the_choices() -> None:
    outcome = plan(
        "load files from s3://partners/in/ into clickhouse table partner_rows daily", shop_catalog()
    )
    assert outcome.status == "needs_clarification"
    assert "CSV, TSV, Parquet or JSONL" in outcome.questions[0]


def test_a_tsv_spec_passes_the_gates_and_renders_the_tsv_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIRFLOW__AI_ETL__FILE_ROOTS", str(tmp_path / "share"))
    (tmp_path / "share" / "in").mkdir(parents=True)
    assistant = Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "s")
    spec = {"dag_id": "partner_rows", "schedule": "0 6 * * *",
            "target": {"conn_id": "clickhouse_default", "table": "partner_rows"},
            "source": {"type": "s3", "path": f"{tmp_path}/share/in/", "format": "tsv"}}  # fmt: skip
    outcome = assistant.check(spec)
    assert outcome.status == "ok", outcome.errors
    assert "format='tsv'" in outcome.source_code or 'format="tsv"' in outcome.source_code


@pytest.mark.parametrize(
    "request_text",
    [
        "every day at 6 load the csv files in s3://partners/in/ into clickhouse table partner_rows",
        "файлы csv в s3://partners/in/ грузить в кликхаус в таблицу partner_rows ежедневно",
    ],
)
def test_a_bucket_named_with_in_is_where_the_files_are(request_text: str) -> None:
    """ "in s3://…" before "into clickhouse" places the files; it was asked as loading into S3."""
    outcome = plan(request_text, shop_catalog())
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert (outcome.spec.source.path, outcome.spec.target.table) == ("s3://partners/in/", "partner_rows")


def test_loading_into_a_bucket_is_still_asked() -> None:
    outcome = plan("выгружать заказы в s3://exports/orders/ ежедневно", shop_catalog())
    assert outcome.status == "needs_clarification"
    assert any("not supported" in q for q in outcome.questions)
