"""Planner families fixed in round 6 (issue 15), in general form: each test uses phrasings of its own,
over the demo catalogs, end to end through the offline planner."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS


@pytest.fixture(scope="module")
def planners() -> dict[str, OfflinePlanner]:
    return {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("clinic", "пациентов в кликхаус ежедневно, у которых рост не пустой"),
        ("hr", "сотрудников в кликхаус ежедневно, у которых рост не пустой"),
        ("clinic", "пациентов в кликхаус ежедневно, где не указан"),
    ],
)
def test_a_null_predicate_at_the_end_on_an_unknown_column_is_asked_about(planners, catalog, text) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification" and outcome.questions


def test_a_null_predicate_at_the_end_on_a_known_column_is_read(planners) -> None:
    outcome = planners["clinic"].plan("пациентов в кликхаус ежедневно, у которых телефон не пустой")
    assert outcome.status == "ok" and outcome.spec.source.where == "phone IS NOT NULL AND phone <> ''"


@pytest.mark.parametrize(
    "text",
    [
        "Copy staff and payroll data to ClickHouse at 2am",
        "Загрузи сотрудников и данные payroll в кликхаус в 2 ночи",
    ],
)
def test_a_schema_word_shared_with_the_connection_description_still_names_its_table(planners, text) -> None:
    """ "payroll" is a word of pg_hr's description ("HR and payroll database") and the schema of payslips:
    next to another table noun it is a second table, asked about, not a connection word dropped."""
    outcome = planners["hr"].plan(text)
    assert outcome.status == "needs_clarification"
    assert "payslips" in outcome.questions[0]


def test_a_schema_word_alone_names_its_one_table(planners) -> None:
    outcome = planners["hr"].plan("Copy payroll data to ClickHouse at 2am")
    assert outcome.status == "ok" and outcome.spec.source.table == "payroll.payslips"
