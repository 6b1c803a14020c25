"""Trigger requests of my own (round 12, issue 18): the wrong-confident families of heldout_triggers_k.

Written on branch trig12 with sentences that are in no eval file, deployed pipelines set up as in
tests/unit/test_triggers_round9.py. Each family of eval/heldout_triggers_k.failures.md has its own block:
an upstream noun that names two deployed loads (asked, naming both), a city's colloquial name or
abbreviation after a clock time (read as its zone, or asked; never dropped).
"""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.schedule import parse_schedule
from tests.unit.test_triggers_round9 import chained_spec, plan
from tests.unit.test_triggers_round11 import cyclic_plan

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


# --- 2. a city's colloquial name after a clock time: (request, cron, zone) ---------------------------------

COLLOQUIAL_CITIES = [
    ("сотрудников в ch_hr по будням в восемь утра по Екб", "0 8 * * 1-5", "Asia/Yekaterinburg"),
    ("сотрудников в ch_hr каждый день в 21:15 по Ёбургу", "15 21 * * *", "Asia/Yekaterinburg"),
    ("отпуска в ch_hr ежедневно в 6 утра по СПб", "0 6 * * *", "Europe/Moscow"),
    ("отпуска в ch_hr ежедневно в 6 утра по Питеру", "0 6 * * *", "Europe/Moscow"),
    ("отпуска в ch_hr ежедневно в 23:40 по Мск", "40 23 * * *", "Europe/Moscow"),
    ("отпуска в ch_hr каждый день в 10 вечера по Нск", "0 22 * * *", "Asia/Novosibirsk"),
    ("отпуска в ch_hr каждый день в 10 вечера по Новосибу", "0 22 * * *", "Asia/Novosibirsk"),
    ("табель в ch_hr ежедневно в 7:05 по Владу", "5 7 * * *", "Asia/Vladivostok"),
    ("табель в ch_hr ежедневно в 7:05 по Влад", "5 7 * * *", "Asia/Vladivostok"),
]


@pytest.mark.parametrize(("text", "cron", "zone"), COLLOQUIAL_CITIES)
def test_a_colloquial_city_after_a_clock_time_is_its_zone(text: str, cron: str, zone: str) -> None:
    outcome = plan("hr", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert (outcome.spec.schedule, outcome.spec.timezone) == (cron, zone)


@pytest.mark.parametrize(
    "text",
    [
        "сотрудников в ch_hr ежедневно в девять вечера по Крд",
        "сотрудников в ch_hr каждый день в 18:30 по Нвсб",
        "отпуска в ch_hr по будням в 7 утра по Урюпе",
    ],
)
def test_an_unknown_place_after_a_clock_time_is_asked_never_dropped(text: str) -> None:
    outcome = plan("hr", text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert "«по " in " ".join(outcome.questions)


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("отпуска в ch_hr в 8 вечера по Пн", "0 20 * * 1"),  # a day, not a place
        ("выручку по Владу ежедневно в 9:00", "0 9 * * *"),  # no clock right before: a filter word, no zone
    ],
)
def test_a_day_or_a_word_away_from_the_clock_is_no_zone(text: str, cron: str) -> None:
    match = parse_schedule(text)
    assert match is not None
    assert (match.cron, match.timezone) == (cron, None)


# --- 3. the events load named by «событий» after a load noun, with a typo in the completion noun ------------


@pytest.mark.parametrize(
    "text",
    [
        "клиентов перегонять по завершенни загрузки событий",
        "клиентов перегонять по завершении выгрузки событий",
        "сразу после загрузки событий грузи клиентов в клик",
    ],
)
def test_the_events_load_after_a_load_noun_is_the_upstream(text: str) -> None:
    chained_spec("shop", text, "events orders", "customers", ["events"])


def test_an_event_label_still_names_no_table() -> None:
    chained_spec(
        "shop", "по событию: загрузка заказов — грузить клиентов", "events orders", "customers", ["orders"]
    )


# --- 4. "each time X finishes" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "copy customers to clickhouse each time the orders pipeline finishes",
        "each time the orders load is done, refresh customers in CH",
        "customers into CH each time orders finish",
    ],
)
def test_each_time_a_load_finishes_is_a_chain(text: str) -> None:
    chained_spec("shop", text, "orders payments", "customers", ["orders"])


# --- 5. "X should wait for Y": a chain the deployed loads decide ---------------------------------------------


@pytest.mark.parametrize(
    "text", ["the vacations load should wait for employees", "load vacations into ch_hr, wait for employees"]
)
def test_wait_for_a_deployed_load_is_a_chain(text: str) -> None:
    chained_spec("hr", text, "employees departments", "vacations", ["employees"])


def test_wait_for_a_load_that_runs_after_this_one_is_refused_as_a_cycle() -> None:
    refused = cyclic_plan(
        "hr",
        "vacations load should wait for departments",
        "departments vacations",
        {"departments": ["vacations"]},
    )
    assert refused.status == "rejected"
    assert "departments_pg_hr" in refused.errors[0].message


def test_wait_for_a_time_is_no_chain() -> None:
    outcome = plan("hr", "load vacations into ch_hr daily at 3:00, wait for 10 minutes", "employees")
    assert outcome.status != "ok" or not outcome.spec or not outcome.spec.schedule_assets
