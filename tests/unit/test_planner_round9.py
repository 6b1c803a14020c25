"""Planner families fixed in round 9, in general form, over the demo catalogs with phrasings of my own:
a load modifier that was dropped silently (a column exclusion before an imperative verb, the short form
"dupes", a bound after its number: "90 or more", «85 и выше»), a Russian list of column nouns after
«только» taken for a mart, and a mask word that names no column of the table (asked, not moved)."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS


@pytest.fixture(scope="module")
def planners() -> dict[str, OfflinePlanner]:
    return {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}


def _ok(planner: OfflinePlanner, text: str):
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    return outcome.spec


def _transform(spec, kind: str):
    return next((t for t in spec.transforms if t.type == kind), None)


CUSTOMERS = {"id", "full_name", "email", "phone", "snils", "birth_date", "city", "created_at", "updated_at"}


# --- family 1: a modifier of the load dropped silently ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("Клиентов без колонки phone гони в клик ежедневно в 5 утра", {"phone"}),
        ("Клиентов без колонки email и phone перелей в клик ежедневно в 5 утра", {"email", "phone"}),
        ("Клиентов без email и phone перелей в клик ежедневно в 5 утра", {"email", "phone"}),
        ("Клиентов без столбца snils кидай в клик ежедневно в 5 утра", {"snils"}),
    ],
)  # fmt: skip
def test_an_exclusion_before_an_imperative_verb_leaves_the_column_out(planners, text, left_out) -> None:
    """«без колонки X» right after the table noun ends at the imperative verb: every other column is
    loaded (before, the list ran on and the load kept every column, or kept only the excluded ones)."""
    columns = _ok(planners["shop"], text).source.columns
    assert columns is not None, "the exclusion was dropped"
    assert set(columns) == CUSTOMERS - left_out


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("customers to clickhouse daily at 7, no dupes by email", ["email"]),
        ("clients to clickhouse daily at 7, drop dupes on phone", ["phone"]),
        ("load customers into clickhouse every night at 2, removing dupes by snils", ["snils"]),
    ],
)  # fmt: skip
def test_dupes_is_the_short_form_of_duplicates(planners, text, columns) -> None:
    dedupe = _transform(_ok(planners["shop"], text), "dedupe")
    assert dedupe is not None and dedupe.columns == columns


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("load grades with score 60 or less into clickhouse daily at 5am", "score <= 60"),
        ("grades with a score of 75 or higher to clickhouse every monday at 8", "score >= 75"),
        ("grades with score 40 and below to clickhouse daily at 5am", "score <= 40"),
        ("Оценки с баллом 85 и выше в клик ежедневно в 5 утра", "score >= 85"),
        ("Оценки, где score 50 или меньше, в клик ежедневно в 5 утра", "score <= 50"),
    ],
)  # fmt: skip
def test_a_bound_after_its_number_is_inclusive(planners, text, where) -> None:
    """ "N or more / or higher", «N и выше / или меньше»: the comparison word comes after the number."""
    assert _ok(planners["univ"], text).source.where == where
