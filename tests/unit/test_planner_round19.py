"""Families of confident wrong answers (and needless questions) from the held-out batch heldout_2026-12-06l,
tested with sentences phrased differently over several catalogs: a negation after (or before) the condition
it turns around, ..."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS

_PLANNERS: dict[str, OfflinePlanner] = {}


def _plan(catalog: str, text: str):  # type: ignore[no-untyped-def]
    if catalog not in _PLANNERS:
        _PLANNERS[catalog] = OfflinePlanner(CATALOGS[catalog]())
    return _PLANNERS[catalog].plan(text)


def _ok(catalog: str, text: str):  # type: ignore[no-untyped-def]
    outcome = _plan(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    return outcome.spec


# --- 1. a negation closing (or opening) the clause of a condition ----------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("clinic", "записи на приём в клик каждый час, записи в статусе 'no_show' не грузить",
         "status IS DISTINCT FROM 'no_show'"),
        ("clinic", "анализы в клик ежедневно в 3 ночи, результаты со статусом 'draft' нам совсем не нужны",
         "status IS DISTINCT FROM 'draft'"),
        ("utility", "начисления в клик ежедневно в 6 утра, черновики (status = 'draft') не переносить",
         "status <> 'draft'"),
        ("utility", "заявки в клик каждый час, заявки со статусом 'rejected' не тащим, пожалуйста",
         "status <> 'rejected'"),
        ("shop", "заказы в клик ежедневно в 2 ночи, не тащить заказы со статусом 'test'",
         "status IS DISTINCT FROM 'test'"),
        ("univ", "записи на курсы в клик ежедневно в 5 утра, где status = 'dropped' — не брать",
         "status IS DISTINCT FROM 'dropped'"),
        ("shop", "sales to clickhouse daily at 4 am, sales with region 'test' are not needed",
         "region IS DISTINCT FROM 'test'"),
        ("utility", "charges to clickhouse hourly, charges with status = 'draft' should not be loaded",
         "status <> 'draft'"),
    ],
)  # fmt: skip
def test_a_negation_after_the_condition_turns_it_around(catalog: str, text: str, where: str) -> None:
    spec = _ok(catalog, text)
    assert spec.source.where == where
    assert spec.source.columns is None  # the column of the condition is still loaded


@pytest.mark.parametrize(
    ("catalog", "text", "left_out"),
    [
        ("shop", "покупателей в клик ежедневно в 4 утра, телефон не брать", "phone"),
        ("hr", "сотрудников в клик ежедневно в 6 утра, оклад вообще не тащить", "salary"),
    ],
)
def test_a_negated_column_without_a_condition_is_still_left_out(
    catalog: str, text: str, left_out: str
) -> None:
    spec = _ok(catalog, text)
    assert spec.source.where is None
    assert spec.source.columns is not None and left_out not in spec.source.columns
