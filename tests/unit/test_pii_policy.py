"""[ai_etl] pii_policy: a pipeline that would load personal data unmasked asks, masks or allows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from airflow.sdk.exceptions import AirflowException

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.operators.ai_pipeline import AIPipelineOperator
from tests.catalogs import shop_catalog

CUSTOMERS_RU = "Загружать клиентов в ClickHouse ежедневно в 3 часа ночи"
CUSTOMERS_EN = "Load customers to ClickHouse daily at 3 AM"
QUESTION_RU = (
    "В колонках full_name, email, phone, snils, birth_date похоже персональные данные — маскировать?"
)
AIRFLOW = str(Path(sys.executable).parent / "airflow")


def assistant(tmp_path: Path, **kwargs: object) -> Assistant:
    return Assistant(
        catalog=shop_catalog(),
        dags_folder=tmp_path / "dags",
        state_dir=tmp_path / "state",
        check_import=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_default_policy_asks_about_the_customers_columns(tmp_path: Path) -> None:
    outcome = assistant(tmp_path).generate(CUSTOMERS_RU)
    assert outcome.status == "needs_clarification" and outcome.questions == [QUESTION_RU]
    assert outcome.spec is not None and outcome.spec.source.table == "customers" and not outcome.source_code
    assert outcome.pii["columns"] == ["full_name", "email", "phone", "snils", "birth_date"]
    assert outcome.pii["sampled"] is False and "snapshot" in outcome.pii["note"]  # a snapshot: names only
    assert outcome.pii["choices"] == ["mask", "allow"]
    english = assistant(tmp_path).generate(CUSTOMERS_EN)
    assert english.questions == [
        "Columns full_name, email, phone, snils, birth_date look like personal data — mask them?"
    ]


def test_mask_answer_hashes_exactly_the_flagged_columns(tmp_path: Path) -> None:
    outcome = assistant(tmp_path).generate(CUSTOMERS_RU, pii="mask")
    assert outcome.status == "ok", outcome.errors
    masks = [t for t in outcome.spec.transforms if t.type == "mask"]
    assert [(m.columns, m.method) for m in masks] == [
        (["full_name", "email", "phone", "snils", "birth_date"], "hash")
    ]
    assert (
        '"email": "hash"' in outcome.source_code
        and '"city"' not in outcome.source_code.split("mask=")[1][:200]
    )
    assert outcome.pii["answer"] == "mask"


def test_allow_answer_loads_as_is_and_says_so(tmp_path: Path) -> None:
    outcome = assistant(tmp_path).generate(CUSTOMERS_RU, pii="allow")
    assert outcome.status == "ok" and not outcome.spec.transforms
    assert outcome.pii["answer"] == "allow" and "email" in outcome.pii["columns"]


def test_policies_from_the_constructor_and_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    masked = assistant(tmp_path, pii_policy="mask").generate(CUSTOMERS_RU)
    assert masked.status == "ok" and masked.pii["answer"] == "mask"
    monkeypatch.setenv("AIRFLOW__AI_ETL__PII_POLICY", "allow")
    allowed = assistant(tmp_path).generate(CUSTOMERS_RU)
    assert allowed.status == "ok" and allowed.pii is None and not allowed.spec.transforms
    monkeypatch.setenv("AIRFLOW__AI_ETL__PII_POLICY", "sometimes")
    broken = assistant(tmp_path).generate(CUSTOMERS_RU)
    assert (
        broken.status == "rejected"
        and "pii_policy must be one of ask, mask, allow" in broken.errors[0].message
    )
    with pytest.raises(ValueError, match="pii_policy must be one of"):
        assistant(tmp_path, pii_policy="never")
    with pytest.raises(ValueError, match="mask or allow"):
        assistant(tmp_path).generate(CUSTOMERS_RU, pii="maybe")


def test_no_question_when_nothing_personal_is_loaded(tmp_path: Path) -> None:
    helper = assistant(tmp_path)
    sales = helper.generate("Загружать продажи в ClickHouse ежедневно в 2 часа ночи")
    assert sales.status == "ok" and sales.pii is None
    # Only columns without personal data are loaded: nothing to ask.
    only_city = helper.generate("Load customers to ClickHouse daily at 3 AM, only columns id and city")
    assert only_city.status == "ok" and only_city.spec.source.columns == ["id", "city"]
    assert only_city.pii is None


def test_a_request_that_masks_some_columns_is_asked_about_the_others(tmp_path: Path) -> None:
    outcome = assistant(tmp_path).generate("Load customers to ClickHouse daily at 3 AM, mask email and phone")
    assert outcome.status == "needs_clarification"
    assert outcome.pii["columns"] == ["full_name", "snils", "birth_date"]


def test_operator_fails_with_the_question_and_takes_the_answer(tmp_path: Path) -> None:
    def run(**kwargs: object) -> dict:
        return AIPipelineOperator(
            task_id="plan", request=CUSTOMERS_RU, strategy="offline", catalog=shop_catalog().to_dict(),
            dags_folder=str(tmp_path / "dags"), state_dir=str(tmp_path / "state"), check_import=False,
            deploy=False, **kwargs,
        ).execute({})  # fmt: skip

    with pytest.raises(AirflowException, match="needs clarification") as failure:
        run()
    assert QUESTION_RU in str(failure.value) and "pii='mask'" in str(failure.value)
    result = run(pii="mask")
    assert result["status"] == "ok" and result["pii"]["answer"] == "mask"
    assert {
        "type": "mask",
        "columns": ["full_name", "email", "phone", "snils", "birth_date"],
        "method": "hash",
    } in (result["spec"]["transforms"])
    with pytest.raises(ValueError, match="pii must be"):
        run(pii="yes")


def test_cli_asks_and_takes_the_flag(tmp_path: Path) -> None:
    (tmp_path / "catalog.json").write_text(json.dumps(shop_catalog().to_dict()), encoding="utf-8")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__DAGS_FOLDER": str(tmp_path / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [AIRFLOW, "ai-etl", "generate", CUSTOMERS_RU, "--catalog", str(tmp_path / "catalog.json"), *args],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip

    asked = cli()
    assert asked.returncode == 2 and f"question: {QUESTION_RU}" in asked.stdout
    assert "pii: email (email): the column's name says email" in asked.stdout
    assert "--pii mask" in asked.stderr
    masked = cli("--pii", "mask", "--json")
    data = json.loads(masked.stdout)
    assert masked.returncode == 0 and data["status"] == "ok" and data["pii"]["answer"] == "mask"
    assert data["spec"]["transforms"][-1]["columns"] == ["full_name", "email", "phone", "snils", "birth_date"]
    bad = cli("--pii", "sure")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
