"""The service every interface calls: nothing reaches the dags folder unless every gate passed."""

from __future__ import annotations

from pathlib import Path

import pytest

import airflow_ai_etl.assistant as assistant_module
from airflow_ai_etl.assistant import Assistant
from tests.catalogs import shop_catalog

SENTENCE = "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    return Assistant(catalog=shop_catalog(), dags_folder=tmp_path / "dags", state_dir=tmp_path / "state")


def test_generate_passes_every_gate_and_deploy_writes_the_file(assistant: Assistant, tmp_path: Path) -> None:
    outcome = assistant.generate(SENTENCE)
    assert outcome.status == "ok", outcome.errors
    assert outcome.schedule_description == "Ежедневно в 02:00"
    deployed = assistant.deploy(outcome, user="analyst")
    assert Path(deployed.path).read_text(encoding="utf-8") == outcome.source_code
    assert assistant.store.get("sales_pg_shop_to_clickhouse_default").user == "analyst"


def test_a_file_that_fails_import_is_never_written(
    assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_render = assistant_module.render

    def broken_render(spec, lineage=None):  # a renderer bug that keeps the template's shape: month 13
        return real_render(spec, lineage).replace(
            "pendulum.datetime(2025, 1, 1,", "pendulum.datetime(2025, 13, 1,"
        )

    monkeypatch.setattr(assistant_module, "render", broken_render)
    outcome = assistant.generate(SENTENCE)
    assert outcome.status == "rejected"
    assert outcome.errors[0].gate == "import" and "month must be in 1..12" in outcome.errors[0].message
    with pytest.raises(ValueError, match="only a validated outcome"):
        assistant.deploy(outcome)
    assert not (tmp_path / "dags").exists() or not list((tmp_path / "dags").iterdir())


def test_a_file_not_in_the_template_shape_is_never_imported(
    assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    canary = tmp_path / "canary"

    def broken_render(spec, lineage=None):  # code outside the template's shape
        return f"from airflow.sdk import DAG\nopen({str(canary)!r}, 'w').close()\n"

    monkeypatch.setattr(assistant_module, "render", broken_render)
    outcome = assistant.generate(SENTENCE)
    assert outcome.status == "rejected" and outcome.errors[0].gate == "shape"
    assert not canary.exists()


def test_grounding_problems_in_an_edited_spec_become_questions(assistant: Assistant) -> None:
    spec = assistant.generate(SENTENCE).spec.to_json_dict()
    spec["source"]["table"] = "salez"
    outcome = assistant.check(spec)
    assert outcome.status == "needs_clarification"
    assert "table 'salez' not found in pg_shop" in outcome.questions[0]


def test_unsupported_shapes_are_rejected_with_the_reason(assistant: Assistant) -> None:
    spec = assistant.generate(SENTENCE).spec.to_json_dict()
    spec["transforms"] = [{"type": "rename", "mapping": {"amount": "sum"}}]
    outcome = assistant.check(spec)
    assert outcome.status == "rejected"
    assert "transform 'rename' is not supported" in outcome.errors[0].message


def test_batch_plans_many_requests_with_one_import_check(assistant: Assistant) -> None:
    outcomes = assistant.generate_many(
        [SENTENCE, "copy new orders from Postgres to ClickHouse every hour", "drop table sales", SENTENCE]
    )
    assert [o.status for o in outcomes] == ["ok", "ok", "rejected", "ok"]
    assert outcomes[0].source_code == outcomes[3].source_code


def test_batch_with_two_files_for_one_dag_id_checks_each(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    real_check = assistant_module.check_imports

    def recording_check(files, expected, **kwargs):
        checked.extend(files.values())
        return real_check(files, expected, **kwargs)

    monkeypatch.setattr(assistant_module, "check_imports", recording_check)
    daily, hourly = assistant.generate_many(
        ["load sales to ClickHouse daily", "load sales to ClickHouse hourly"]
    )
    assert daily.spec.dag_id == hourly.spec.dag_id
    assert (daily.status, hourly.status) == ("ok", "ok")
    assert sorted(checked) == sorted([daily.source_code, hourly.source_code])  # each file imported once


# --- requests are checked before any planner runs (issue #14) ------------------------------------


def _no_catalog():
    raise AssertionError("a refused request must not load the catalog or reach a planner")


@pytest.mark.parametrize("strategy", ["offline", "llm", "auto"])
def test_a_request_over_the_limit_is_rejected_with_both_lengths_before_any_planner(
    tmp_path: Path, strategy: str
) -> None:
    assistant = Assistant(catalog_loader=_no_catalog, state_dir=tmp_path, strategy=strategy)
    outcome = assistant.generate("copy orders to ClickHouse daily " + "x" * 2000)
    assert outcome.status == "rejected"
    assert outcome.errors[0].gate == "request"
    assert "2,032 characters" in outcome.errors[0].message
    assert "at most 2,000" in outcome.errors[0].message


def test_the_limit_message_speaks_the_language_of_the_request(tmp_path: Path) -> None:
    assistant = Assistant(catalog_loader=_no_catalog, state_dir=tmp_path)
    message = assistant.generate("загружать заказы " + "я" * 3000).errors[0].message
    assert "Запрос слишком длинный: 3 017 символов" in message
    assert "не больше 2 000" in message


def test_a_request_of_exactly_the_limit_is_planned(assistant: Assistant) -> None:
    text = SENTENCE + " " * 5 + "." * (2000 - len(SENTENCE) - 5)
    assert len(text) == 2000
    outcome = assistant.generate(text)
    assert all(p.gate != "request" for p in outcome.errors), outcome.errors


def test_the_limit_comes_from_the_provider_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIRFLOW__AI_ETL__MAX_REQUEST_CHARS", "40")
    assistant = Assistant(catalog=shop_catalog(), state_dir=tmp_path, check_import=False)
    assert assistant.max_request_chars == 40
    outcome = assistant.generate("copy new orders from Postgres to ClickHouse every hour")
    assert outcome.status == "rejected" and "54 characters, at most 40" in outcome.errors[0].message
    monkeypatch.setenv("AIRFLOW__AI_ETL__MAX_REQUEST_CHARS", "lots")  # a typo keeps the default
    assert Assistant(catalog=shop_catalog()).max_request_chars == 2000
    assert Assistant(catalog=shop_catalog(), max_request_chars=10).max_request_chars == 10


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u3000", 42, None])
def test_an_empty_or_non_text_request_is_rejected_before_any_planner(tmp_path: Path, text: object) -> None:
    outcome = Assistant(catalog_loader=_no_catalog, state_dir=tmp_path).generate(text)  # type: ignore[arg-type]
    assert outcome.status == "rejected" and outcome.errors[0].gate == "request"
    assert "empty" in outcome.errors[0].message or "must be text" in outcome.errors[0].message


def test_a_refused_request_in_a_batch_keeps_its_place(assistant: Assistant) -> None:
    outcomes = assistant.generate_many([SENTENCE, "x" * 5000, "", SENTENCE])
    assert [o.status for o in outcomes] == ["ok", "rejected", "rejected", "ok"]
    assert "5,000 characters" in outcomes[1].errors[0].message
    assert "empty" in outcomes[2].errors[0].message
