"""Every default a plan takes that the request did not state is explained (issue 22)."""

from __future__ import annotations

import pytest
from catalogs import shop_catalog

from airflow_ai_etl.assistant import Assistant


@pytest.fixture(scope="module")
def assistant() -> Assistant:
    return Assistant(catalog=shop_catalog(), check_import=False)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (  # the README's sentence: replace chosen, UTC chosen
            "Загружать данные о продажах из PostgreSQL в ClickHouse ежедневно в 2 часа ночи",
            ["Режим replace", "Часовой пояс UTC"],
        ),
        ("copy new orders from Postgres to ClickHouse every hour", ["New rows are those with a created_at"]),
        (
            "Загружать только новые продажи в ClickHouse ежедневно в 2 часа ночи",
            ["sold_at", "Часовой пояс UTC"],
        ),
        ("copy orders to clickhouse daily at 5 am Moscow time", ["Mode replace"]),
        ("load sales into clickhouse every day at 2am UTC", ["Mode replace"]),
        # stated: mode, zone, the incremental column -- nothing to explain
        ("Загружать продажи в кликхаус каждый день в 3 ночи по Москве, перезаливать целиком", []),
        ("copy orders to clickhouse daily at 5 am Moscow time, only new rows by created_at", []),
        ("copy orders to clickhouse every hour, upsert by id", []),
    ],
)
def test_each_unstated_default_is_explained(
    assistant: Assistant, request_text: str, expected: list[str]
) -> None:
    outcome = assistant.generate(request_text)
    assert outcome.status == "ok", outcome.questions
    assert len(outcome.assumptions) == len(expected), outcome.assumptions
    for note, words in zip(outcome.assumptions, expected, strict=True):
        assert words in note


def test_the_replace_note_says_how_to_append_instead(assistant: Assistant) -> None:
    note = assistant.generate("copy orders to clickhouse daily at 5 am Moscow time").assumptions[0]
    assert "double its rows" in note and "only new rows" in note


def test_no_assumptions_without_a_plan(assistant: Assistant) -> None:
    outcome = assistant.generate("Load the table no_such_table to ClickHouse every day")
    assert outcome.status != "ok" and outcome.assumptions == []
