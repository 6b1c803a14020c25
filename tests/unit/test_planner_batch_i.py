"""Families from the held-out batch heldout_2026-12-04i (and trg-ru-16 of heldout_triggers_g), tested with
sentences phrased differently: each one a confident wrong answer before, now a correct plan or a question."""

from __future__ import annotations

import dataclasses

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.schedule import alternative_times, parse_schedule
from tests.catalogs import CATALOGS


def _plan(catalog: str, text: str):  # type: ignore[no-untyped-def]
    return OfflinePlanner(CATALOGS[catalog]()).plan(text)


# --- a column left out, said after the column ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Пользователей (users) в клик ежедневно в 3 ночи, login нам не нужен",
        "users into clickhouse every day at 3 am; the login field is not needed",
        "users into clickhouse every day at 3 am, login column really not needed",
    ],
)
def test_column_not_needed_after_it_is_left_out_not_a_value(text: str) -> None:
    outcome = _plan("shop", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.columns is not None and "login" not in outcome.spec.source.columns
    assert "email" in outcome.spec.source.columns
    assert outcome.spec.source.where is None


def test_incremental_column_list_running_into_an_exclusion_keeps_its_time_column() -> None:
    outcome = _plan("shop", "sales to clickhouse hourly, incrementally by updated_at, region not needed")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.incremental is not None
    assert outcome.spec.source.incremental.column == "updated_at"
    assert outcome.spec.source.where is None


# --- days of the month in words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("выгружать второго и семнадцатого числа в 5 утра", "0 5 2,17 * *"),
        ("каждого третьего, десятого и восемнадцатого числа в 22:00", "0 22 3,10,18 * *"),
        ("четырнадцатого числа в шесть вечера", "0 18 14 * *"),
        ("run it on the second and the nineteenth at 7 am", "0 7 2,19 * *"),
        ("on the thirteenth at 11 pm", "0 23 13 * *"),
    ],
)
def test_days_of_month_in_words(text: str, cron: str) -> None:
    match = parse_schedule(text)
    assert match is not None
    assert match.cron == cron


def test_an_ordinal_not_before_a_day_word_is_no_day_of_month() -> None:
    match = parse_schedule("the second table daily at 7 am")
    assert match is not None
    assert match.cron == "0 7 * * *"


# --- a unit after a number is no value -----------------------------------------------------------------


def test_unit_after_a_number_is_not_a_filter_value() -> None:
    outcome = _plan("clinic", "визиты длиннее тридцати пяти минут в клик ежечасно в 20 минут")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == "duration_min > 35"
    assert outcome.spec.schedule == "20 * * * *"


# --- an ordinal qualifier naming a number column -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Учебные дисциплины третьего семестра в хранилище по средам в 4 утра", "semester = 3"),
        ("courses of the fourth semester to the warehouse on Wednesdays at 4 am", "semester = 4"),
        ("fifth-semester courses to the warehouse on Wednesdays at 4 am", "semester = 5"),
    ],
)
def test_ordinal_before_a_number_column_is_its_value(text: str, where: str) -> None:
    outcome = _plan("univ", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == where


# --- vague or alternative requests are asked -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "employees to clickhouse daily at 6 am, just the best ones",
        "Сотрудников в клик ежедневно в 6 утра, но только хороших",
    ],
)
def test_a_judgement_no_column_answers_is_asked(text: str) -> None:
    outcome = _plan("hr", text)
    assert outcome.status == "needs_clarification"


def test_only_needed_columns_is_no_judgement() -> None:
    outcome = _plan("hr", "Сотрудников в клик ежедневно в 6 утра, только нужные колонки: id, name")
    assert outcome.status == "ok", outcome.questions


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("grades every Friday at 8 or 9 pm, whichever works", "at 8 or 9 pm"),
        ("оценки по пятницам в 8 утра или в 9, без разницы", "в 8 утра или в 9"),
        ("оценки ежедневно в семь либо восемь вечера", "в семь либо восемь вечера"),
    ],
)
def test_two_clock_times_as_alternatives_are_asked(text: str, phrase: str) -> None:
    assert parse_schedule(text) is None
    assert alternative_times(text) == phrase
    outcome = _plan("univ", text)
    assert outcome.status == "needs_clarification"
    assert phrase in outcome.questions[0]


@pytest.mark.parametrize("text", ["оценки 4 или 5 ежедневно в 9 вечера", "status A or B daily at 9 pm"])
def test_values_joined_by_or_are_no_clock_alternatives(text: str) -> None:
    assert alternative_times(text) is None


# --- trigger requests: the main clause's words are no row state ----------------------------------------


def test_table_noun_with_its_name_is_no_event_after_a_trigger() -> None:
    assets = {
        "clickhouse://127.0.0.1:9000/dwh/doctors": ["doctors_pg_clinic_to_ch_dwh"],
        "clickhouse://127.0.0.1:9000/dwh/departments": ["departments_pg_clinic_to_ch_dwh"],
    }
    planner = OfflinePlanner(dataclasses.replace(CATALOGS["clinic"](), assets=assets))
    outcome = planner.plan("как обновятся врачи и отделения, затем грузим приёмы (visits) в ch_dwh")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where is None
