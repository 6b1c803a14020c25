"""Trigger requests of my own (round 12, issue 18): the wrong-confident families of heldout_triggers_k.

Written on branch trig12 with sentences that are in no eval file, deployed pipelines set up as in
tests/unit/test_triggers_round9.py. Each family of eval/heldout_triggers_k.failures.md has its own block:
an upstream noun that names two deployed loads (asked, naming both), a city's colloquial name or
abbreviation after a clock time (read as its zone, or asked; never dropped).
"""

from __future__ import annotations

import pytest

from tests.unit.test_triggers_round9 import chained_spec, plan

# --- 1. an upstream noun with two deployed readings: (request, deployed) ----------------------------------

TWO_READINGS = [
    "как отработает загрузка приёмов, перелей счета в ch_dwh",
    "счета в ch_dwh после того как обновятся приемы",
    "когда догрузятся приёмы — гоняй результаты анализов в клик",
]


@pytest.mark.parametrize("text", TWO_READINGS)
def test_a_noun_naming_two_deployed_loads_is_asked_naming_both(text: str) -> None:
    outcome = plan("clinic", text, "appointments visits doctors")
    assert outcome.status == "needs_clarification", outcome.spec
    question = " ".join(outcome.questions)
    assert "appointments" in question and "visits" in question


@pytest.mark.parametrize("text", TWO_READINGS)
def test_a_noun_with_one_deployed_reading_is_that_load(text: str) -> None:
    # Only the visits load is deployed: the one reading a deployed pipeline produces is planned.
    source = "lab.results" if "анализов" in text else "billing.invoices"
    chained_spec("clinic", text, "visits doctors", source, ["visits"])


@pytest.mark.parametrize(
    ("text", "deployed", "source", "upstream"),
    [
        # «пациентов» in «Записи пациентов на приём» is a genitive: it qualifies the booking, one reading
        ("после загрузки пациентов перелей счета в ch_dwh", "patients appointments visits", "billing.invoices",
         "patients"),
        ("после загрузки визитов перелей счета в ch_dwh", "appointments visits", "billing.invoices", "visits"),
    ],
)  # fmt: skip
def test_a_noun_another_comment_only_qualifies_stays_one_load(
    text: str, deployed: str, source: str, upstream: str
) -> None:
    chained_spec("clinic", text, deployed, source, [upstream])


def test_a_qualifying_genitive_in_another_comment_is_not_a_second_reading() -> None:
    # «Табель учёта рабочего времени сотрудников»: the timesheets' comment names employees as a genitive.
    chained_spec("hr", "после загрузки сотрудников перелей отпуска в ch_hr", "employees timesheets", "vacations",
                 ["employees"])  # fmt: skip
