"""Planner families of round 10, in general form, over the demo catalogs with phrasings of my own:
colloquial table nouns (clipped, folded into «-ка», transliterated from the English name), an imperative
verb never read as a filter value, ..."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.colloquial import expanded, skeleton, transliterates, univerbation_stems
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS


@pytest.fixture(scope="module")
def planners() -> dict[str, OfflinePlanner]:
    return {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}


def _ok(planner: OfflinePlanner, text: str):
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    return outcome.spec


# --- colloquial table nouns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "part", "fits"),
    [
        ("хабов", "hubs", True), ("роутами", "routes", True), ("инвойсы", "invoices", True),
        ("юзерам", "users", True), ("ивентов", "events", True), ("шипменты", "shipments", True),
        ("залей", "sales", False),  # a verb spells no table
        ("гони", "hubs", False), ("заказы", "orders", False), ("аб", "ab", False),
    ],
)  # fmt: skip
def test_transliteration_compares_sounds_not_letters(word, part, fits) -> None:
    assert transliterates(word, part) is fits
    assert skeleton("хаб") == skeleton("hub")


def test_univerbation_gives_the_adjective_stem_of_a_ka_noun() -> None:
    assert univerbation_stems("расчётками") == {"расчетн"}
    assert univerbation_stems("зачётку") == {"зачетн"}
    assert univerbation_stems("отклик") == set()


def test_clipped_forms_expand_in_every_case() -> None:
    assert {expanded(w) for w in ("общага", "общаге", "общагу", "общагами")} == {"общежитие"}
    assert expanded("преподов") == "преподаватель"
    assert expanded("студентов") is None


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("logistics", "Хабы перекинь в клик каждую ночь в 2", "hubs"),
        ("logistics", "роуты грузи в кликхаус по пятницам в 18:00", "routes"),
        ("hr", "Расчётки залей в клик ежемесячно 1-го числа в 6 утра", "payroll.payslips"),
        ("hr", "расчётку за месяц кидай в кликхаус ежедневно в 4 утра", "payroll.payslips"),
        ("univ", "Жильцов общаги перелей в клик ежедневно в 5 утра", "campus.dorm_residents"),
        ("univ", "Проживающих в общаге грузи в клик каждый день в 7 утра", "campus.dorm_residents"),
        ("univ", "Преподов в клик каждый день в 7 утра", "teachers"),
    ],
)  # fmt: skip
def test_a_colloquial_table_noun_names_its_table(planners, catalog, text, table) -> None:
    spec = _ok(planners[catalog], text)
    assert spec.source.table == table
    assert spec.source.where is None


@pytest.mark.parametrize("text", ["Залей табличку в кликхаус каждый час", "Сальдо залей в клик каждый час"])
def test_a_word_that_only_sounds_like_a_table_is_no_table(planners, text) -> None:
    """«залей» shares its consonants with `sales` but is a verb; «сальдо» is a known noun of another
    meaning but also no transliteration of a shop table: the planner asks which table."""
    assert planners["shop"].plan(text).status == "needs_clarification"


def test_an_imperative_after_a_column_noun_is_no_value(planners) -> None:
    """«в общежитии перелей»: 'Корпус общежития' made «общежитии» a column word and the verb its value
    (`building = 'перелей'`, status ok)."""
    spec = _ok(planners["univ"], "Проживающих в общежитии перелей в кликхаус ежедневно в 3 ночи")
    assert spec.source.table == "campus.dorm_residents"
    assert spec.source.where is None
