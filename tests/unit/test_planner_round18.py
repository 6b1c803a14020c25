"""Families of the remaining failures of the held-out batch heldout_2026-12-05k, tested with sentences
phrased differently over several catalogs (none of them is in an eval file): an explanation after «то есть» /
"i.e." restates the condition before it."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS

_PLANNERS: dict[str, OfflinePlanner] = {}


def _plan(catalog: str, text: str):  # type: ignore[no-untyped-def]
    if catalog not in _PLANNERS:
        _PLANNERS[catalog] = OfflinePlanner(CATALOGS[catalog]())
    return _PLANNERS[catalog].plan(text)


def _where(catalog: str, text: str) -> str | None:
    outcome = _plan(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    return outcome.spec.source.where


# --- 1. a restatement replaces the guess it explains ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("clinic", "неоплаченные счета, т.е. paid_at не заполнен, в клик ежедневно в 5 утра", "paid_at IS NULL"),
        ("clinic", "счета без оплаты, то есть paid_at пустой, в клик каждый час", "paid_at IS NULL"),
        ("clinic", "unpaid invoices, i.e. paid_at is null, to clickhouse daily at 5 am", "paid_at IS NULL"),
        ("clinic", "unpaid invoices, that is where paid_at is empty, to clickhouse every hour",
         "paid_at IS NULL"),
        ("hr", "уволенных сотрудников, то есть где fired_at заполнен, в клик ежедневно в 6 утра",
         "fired_at IS NOT NULL"),
    ],
)  # fmt: skip
def test_restatement_replaces_the_guessed_condition(catalog: str, text: str, where: str) -> None:
    assert _where(catalog, text) == where


def test_without_restatement_both_conditions_stay() -> None:
    """Two conditions said side by side (no marker) are both kept: the marker is what makes a restatement."""
    where = _where("clinic", "unpaid invoices, where paid_at is empty, to clickhouse daily at 5 am")
    assert where is not None and "paid_at IS NULL" in where and "status" in where


# --- 2. a marking word names a value of the mark/label/status column, not an event time --------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("univ", "оценки, помеченные как «хорошо», в клик каждый день в 20:00", "mark = 'хорошо'"),
        ("univ", "оценки с отметкой отлично в клик ежедневно в 6 утра", "mark = 'отлично'"),
        ("univ", "course grades marked \"удовлетворительно\" to clickhouse every day at 8 pm",
         "mark = 'удовлетворительно'"),
        ("univ", "exam grades to clickhouse daily at 9 pm", None),
        ("univ", "экзаменационные оценки в клик ежедневно в 21:00", None),
    ],
)  # fmt: skip
def test_marked_value_is_the_mark_column(catalog: str, text: str, where: str | None) -> None:
    assert _where(catalog, text) == where


def test_marked_value_nobody_lists_is_asked() -> None:
    outcome = _plan("univ", "grades marked as passed to clickhouse every day at 8 pm")
    assert outcome.status == "needs_clarification"
    assert "marked as passed" in outcome.questions[0]


def test_participle_before_the_table_noun_still_reads_its_event() -> None:
    assert _where("hr", "fired employees to clickhouse daily at 6 am") == "fired_at IS NOT NULL"
