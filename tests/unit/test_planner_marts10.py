"""Mart rules of round marts10 (issue 16, confident-wrong families of heldout_marts_g): an Excel path after
an export word is a mart's target, never a source; lookbacks in weeks; grains on a verb's time column;
an attribute named after a dimension."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of


def test_a_grouped_excel_export_is_a_mart_with_its_grain_column(clinic):
    outcome = clinic.plan(
        "Visits by status each month on visit_date, exported to /srv/out/visits_by_status.xlsx"
    )
    assert outcome.status == "ok", outcome.questions
    spec = outcome.spec
    assert spec.source.type == "mart" and spec.target.type == "excel"
    assert spec.target.path == "/srv/out/visits_by_status.xlsx"


def test_a_grain_adjective_takes_the_column_named_after_on(clinic):
    mart = mart_of(clinic.plan("Count of appointments per status, weekly on created_at"))
    assert mart["grain"] == ("created_at", "week")
    assert mart["dims"] == ["status"]


@pytest.mark.parametrize(
    "text",
    [
        "Send appointments to /srv/out/appts.xlsx every morning",
        "Выгружай приёмы в файл /srv/out/a.xlsx каждое утро",
    ],
)
def test_an_ungrouped_export_to_excel_is_a_question_never_an_excel_source(clinic, text):
    outcome = clinic.plan(text)
    assert outcome.status == "needs_clarification"
    assert "Excel" in outcome.questions[0]


def test_a_workbook_to_load_is_still_a_source(clinic):
    outcome = clinic.plan("Load /srv/in/plan.xlsx into pg_reporting once")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "excel"


@pytest.mark.parametrize(
    "text, lookback",
    [
        ("Сумма часов по сотрудникам по дням, инкрементально, пересчитывать 4 последних дня", 4),
        ("Часы по сотрудникам помесячно, инкрементально, пересчитывать последние 2 месяца", 2),
    ],
)
def test_a_lookback_with_the_number_before_or_after_the_cue(hr, text, lookback):
    outcome = hr.plan(text)
    assert outcome.status == "ok", outcome.questions
    mart = outcome.spec.source.mart
    assert outcome.spec.source.type == "mart" and outcome.spec.source.table == "timesheets"
    assert (mart.refresh, mart.lookback) == ("incremental", lookback)


@pytest.mark.parametrize(
    "text",
    [
        "Сумма часов по сотрудникам понедельно, инкрементально, каждый день",
        "Total hours per employee per week, incremental",
    ],
)
def test_an_incremental_mart_without_a_lookback_asks_and_is_no_load(hr, text):
    outcome = hr.plan(text)
    assert outcome.status == "needs_clarification"
    assert "N" in outcome.questions[0]


@pytest.mark.parametrize(
    "text, column, grain",
    [
        ("Сколько отпусков заканчивается каждый месяц, в разрезе видов", "ends_on", "month"),
        ("How many vacations begin every week, per kind", "starts_on", "week"),
    ],
)
def test_each_unit_after_a_verb_of_the_event_is_a_grain_on_its_time(hr, text, column, grain):
    mart = mart_of(hr.plan(text))
    assert mart["grain"] == (column, grain)
    assert mart["dims"] == ["kind"] and mart["schedule"] is None


def test_each_unit_after_a_refresh_verb_stays_the_schedule(hr):
    mart = mart_of(hr.plan("Число отпусков по видам, витрина обновляется каждый час"))
    assert mart["grain"] is None and mart["schedule"] == "0 * * * *"


def test_an_apposition_after_a_dimension_names_its_attribute_through_the_join(logistics):
    mart = mart_of(logistics.plan("Сумма заправок по машинам, модель, помесячно"))
    assert mart["dims"] == ["model"] and mart["joins"] == ["fleet.vehicles"]


def test_a_comma_list_of_dative_dimensions_stays_two_dimensions(logistics):
    outcome = logistics.plan("Сумма заправок по машинам, водителям")
    assert outcome.status == "needs_clarification" or len(outcome.spec.source.mart.dimensions) == 2


def test_an_apposition_the_joined_table_lacks_is_asked(logistics):
    outcome = logistics.plan("Сумма заправок по машинам, цвет")
    assert outcome.status == "needs_clarification"
    assert "цвет" in outcome.questions[0]


@pytest.mark.parametrize(
    "text, lookback",
    [
        ("Hours per employee per day, incremental with a 6-day lookback", 6),
        ("Total hours per employee per month, incremental, lookback window of 2 months", 2),
        ("Сумма часов по сотрудникам по дням, инкрементно, окно пересчёта 10 дней", 10),
    ],
)
def test_a_lookback_named_as_a_window(hr, text, lookback):
    outcome = hr.plan(text)
    assert outcome.status == "ok", outcome.questions
    mart = outcome.spec.source.mart
    assert (mart.refresh, mart.lookback) == ("incremental", lookback)
