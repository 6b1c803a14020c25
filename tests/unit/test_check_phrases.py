"""Checks asked for in a sentence (planning/checks.py): read, grounded in the table, merged with the
catalog's default checks, rendered; odd text never raises and a missing column is a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from airflow_ai_etl.assistant import Assistant
from airflow_ai_etl.planning.checks import split_checks
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.render.checks import check_tasks
from airflow_ai_etl.spec import Check
from tests.catalogs import clinic_catalog, hr_catalog, shop_catalog

SALES_RU = "Загружать продажи из PostgreSQL в ClickHouse ежедневно в 2 часа ночи"


def checks_of(text: str, catalog=None) -> list[tuple]:
    outcome = OfflinePlanner(catalog or shop_catalog()).plan(text)
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    return [(c.type, c.columns, c.value, c.severity) for c in outcome.spec.checks]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("проверять, что сумма не отрицательная", ("min_value", ["amount"], 0, "fail")),
        ("fail if fewer than 1000 rows arrive", ("row_count_min", [], 1000, "fail")),
        ("регион не пустой", ("not_null", ["region"], None, "fail")),
        ("предупреждать, если дубли по id", ("unique", ["id"], None, "warn")),
        ("падать, если пришло меньше тысячи строк", ("row_count_min", [], 1000, "fail")),
        ("warn if region is empty", ("not_null", ["region"], None, "warn")),
        ("amount must be non-negative", ("min_value", ["amount"], 0, "fail")),
        ("id должен быть уникальным", ("unique", ["id"], None, "fail")),
    ],
)
def test_the_phrases_of_the_issue(phrase: str, expected: tuple) -> None:
    assert checks_of(f"{SALES_RU}, {phrase}") == [expected]


def test_two_checks_in_one_clause_and_the_rest_of_the_plan_unchanged() -> None:
    plain = OfflinePlanner(shop_catalog()).plan(SALES_RU).spec
    outcome = OfflinePlanner(shop_catalog()).plan(
        f"{SALES_RU}. Проверять, что количество не отрицательное и регион не пустой"
    )
    spec = outcome.spec
    assert [(c.type, c.columns) for c in spec.checks] == [
        ("min_value", ["quantity"]),
        ("not_null", ["region"]),
    ]
    assert spec.source == plain.source and spec.schedule == plain.schedule and spec.target == plain.target
    assert spec.source.where is None  # «регион не пустой» is a check here, not a row filter
    assert spec.request.endswith("регион не пустой")  # the whole request is kept


def test_filters_and_transforms_are_not_checks() -> None:
    assert split_checks("Загружать клиентов, у которых email не пустой, в ClickHouse ежедневно")[1] == []
    assert split_checks("Load prescriptions daily at 1am, dropping duplicates by visit_id")[1] == []
    assert split_checks("Копировать заказы в ClickHouse каждый час, убрать дубли по id")[1] == []
    assert split_checks(SALES_RU) == (SALES_RU, [])
    filtered = OfflinePlanner(shop_catalog()).plan(
        "Загружать клиентов, у которых email не пустой, в ClickHouse ежедневно"
    )
    assert filtered.spec.checks == [] and "email" in (filtered.spec.source.where or "")


@pytest.mark.parametrize(
    ("text", "catalog", "column"),
    [
        (
            "Загружать клиентов в ClickHouse каждый день в 4 утра, проверять, что скидка не отрицательная",
            shop_catalog,
            "скидка",
        ),
        (
            "Load employees to ClickHouse every day at 6, check that bonus is not negative",
            hr_catalog,
            "bonus",
        ),
        (
            "Переносить пациентов в ClickHouse раз в сутки, проверять, что рост не пустой",
            clinic_catalog,
            "рост",
        ),
    ],
)
def test_a_check_on_a_missing_column_is_a_question(text: str, catalog, column: str) -> None:
    outcome = OfflinePlanner(catalog()).plan(text)
    assert outcome.status == "needs_clarification" and outcome.spec is not None
    [question] = outcome.questions
    # a Russian request is asked in Russian (planner26)
    english = question.startswith("Which column of ") and "Columns: id," in question
    russian = question.startswith("На какую колонку ") and "Колонки: id," in question
    assert (english or russian) and column in question


def test_odd_text_never_raises() -> None:
    for text in [
        "",
        ",,,",
        "; и и и ,",
        "a, " * 5000,
        "Загружать продажи, меньше строк",
        "x, дубли по",
        "1.5, 2.5",
    ]:
        split_checks(text)
        OfflinePlanner(shop_catalog()).plan(text or " ")


def test_asked_checks_replace_the_default_of_the_same_kind_and_render(tmp_path: Path) -> None:
    helper = Assistant(
        catalog=shop_catalog(), dags_folder=tmp_path / "d", state_dir=tmp_path / "s", check_import=False
    )
    outcome = helper.generate(
        f"{SALES_RU}, проверять, что сумма не отрицательная; предупреждать, если дубли по id"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    kinds = [(c.type, c.columns, c.severity) for c in outcome.spec.checks]
    assert kinds[:2] == [("min_value", ["amount"], "fail"), ("unique", ["id"], "warn")]
    assert ("unique", ["id"], "fail") not in kinds and ("not_null", ["id"], "fail") in kinds
    assert ("row_count_match", [], "fail") in kinds  # the defaults are still there
    assert "countIf(`amount` < 0) = 0" in outcome.source_code


def test_min_value_statements_per_dialect() -> None:
    spec = OfflinePlanner(shop_catalog()).plan(f"{SALES_RU}, сумма не отрицательная").spec
    [table] = [t for t in check_tasks(spec) if t.var == "check_table"]
    assert dict(table.args)["checks"] == {
        "min_value_amount": {"check_statement": "countIf(`amount` < 0) = 0"}
    }
    postgres = spec.model_copy(update={"target": spec.target.model_copy(update={"type": "sql"})})
    [table] = [t for t in check_tasks(postgres) if t.var == "check_table"]
    statement = dict(table.args)["checks"]["min_value_amount"]["check_statement"]
    assert statement == 'SUM(CASE WHEN "amount" < 0 THEN 1 ELSE 0 END) = 0'
    with pytest.raises(ValueError, match="min_value check needs"):
        Check(type="min_value", columns=["amount"])
