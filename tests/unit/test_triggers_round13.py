"""Trigger requests of my own (round 13, issue 18): the families heldout_triggers_k still missed.

Written on branch trig13 with sentences that are in no eval file, deployed pipelines set up as in
tests/unit/test_triggers_round9.py. Each family of the remaining failures (tk-ru-14/17/23/30, tk-en-07; see
eval/heldout_triggers_k.failures.md) has its own block: an upstream named by a generic head noun and the
genitive after it («справочник сортировочных центров»), by an English word a Russian comment spells by ear
("recruiting" for «рекрутинг»), a system delivering files with a verb the load rules read as a mode
(«сливают jsonl в s3://…»), a period closing as a completion word («закроются начисления»), a reload verb
with an explicit upsert and its keys.
"""

from __future__ import annotations

import pytest

from tests.unit.test_triggers_round9 import chained_spec, plan

# --- 1. a generic head noun before the genitive that names the load: (catalog, request, deployed, source,
# upstream) ------------------------------------------------------------------------------------------------

GENERIC_HEADS = [
    ("logistics", "как только справочник курьеров будет готов, грузи маршрутные листы в ch_logistics",
     "couriers hubs", "routes", ["couriers"]),
    ("univ", "после обновления перечня факультетов перелей студентов в ch_univ", "faculties teachers",
     "students", ["faculties"]),
    ("utility", "когда реестр приборов учёта обновится — показания в ch_utility", "meters subscribers",
     "metering.readings", ["meters"]),
    ("clinic", "после загрузки списка врачей тянуть визиты в ch_dwh", "doctors patients", "visits",
     ["doctors"]),
    ("hr", "как обновится справочник отделов и список сотрудников, перелей отпуска в ch_hr",
     "departments employees timesheets", "vacations", ["departments", "employees"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "deployed", "source", "upstream"), GENERIC_HEADS)
def test_a_generic_head_noun_leaves_the_load_to_its_genitive(
    catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    chained_spec(catalog, text, deployed, source, upstream)


@pytest.mark.parametrize(
    ("catalog", "text", "deployed"),
    [
        # the genitive names no table of the catalog, or one no deployed pipeline loads: asked, not dropped
        ("logistics", "когда справочник тарифов будет готов — отправления в ch_logistics", "hubs couriers"),
        ("clinic", "после загрузки списка врачей тянуть визиты в ch_dwh", "patients departments"),
        # the head alone names nothing
        (
            "logistics",
            "как только справочник обновится, грузи маршрутные листы в ch_logistics",
            "couriers hubs",
        ),
    ],
)
def test_a_generic_head_with_nothing_deployed_after_it_is_asked(
    catalog: str, text: str, deployed: str
) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "needs_clarification", outcome.spec


# --- 2. an English word a Russian table comment spells by ear --------------------------------------------

BY_EAR = [
    ("hr", "once recruiting is refreshed, copy departments to ch_hr", "candidates employees", "departments",
     ["candidates"]),
    ("univ", "when the contingent load finishes, load attendance into ch_univ", "students teachers",
     "attendance", ["students"]),
    ("logistics", "after the tracking refresh copy returns to ch_logistics", "tracking_events hubs", "returns",
     ["tracking_events"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "deployed", "source", "upstream"), BY_EAR)
def test_an_english_word_a_comment_spells_by_ear_names_that_load(
    catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    chained_spec(catalog, text, deployed, source, upstream)


def test_an_english_word_spelled_by_ear_that_no_deployed_pipeline_loads_is_asked() -> None:
    outcome = plan(
        "hr", "when recruiting data is refreshed, load employees into ch_hr", "departments timesheets"
    )
    assert outcome.status == "needs_clarification"
    assert "departments" in " ".join(outcome.questions)


def test_an_english_word_spelled_by_ear_for_its_own_table_is_refused() -> None:
    outcome = plan(
        "hr", "when recruiting data is refreshed, reload candidates into ch_hr", "candidates employees"
    )
    assert outcome.status == "rejected"


def test_an_english_word_no_comment_spells_is_still_asked() -> None:
    outcome = plan(
        "hr", "when onboarding data is refreshed, load employees into ch_hr", "candidates departments"
    )
    assert outcome.status == "needs_clarification"
