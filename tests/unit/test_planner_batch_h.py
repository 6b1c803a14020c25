"""Planner families from held-out batch h, fixed in general form and tested with phrasings of my own over
the demo catalogs (never the batch's sentences): weekdays written as abbreviations, "half past midnight",
jargon destroy verbs and a destroy verb on a column (an exclusion), a spelling fixer that leaves real words
alone, a mask list after a clause break, upsert keys named by nouns, «без дублей по X» as a dedupe, and file
loads («в табличку ...», a folder with a clock time)."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.schedule import parse_schedule


def _ok(planner: OfflinePlanner, text: str):
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions or outcome.errors
    return outcome.spec


# --- schedule: weekday abbreviations, half past midnight ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("по вт и чт в 6:15", "15 6 * * 2,4"),
        ("в сб в 10 утра", "0 10 * * 6"),
        ("каждый пн в 8:00", "0 8 * * 1"),
        ("вт/чт/сб в 22:00", "0 22 * * 2,4,6"),
        ("пн, вт, ср, чт и пт в 7 утра", "0 7 * * 1-5"),
        ("every Tue/Thu at 6 pm", "0 18 * * 2,4"),
        ("on Sat and Sun at 11 am", "0 11 * * 0,6"),
        ("Mon, Thu at 5:45", "45 5 * * 1,4"),
    ],
)  # fmt: skip
def test_weekday_abbreviations_in_a_list_or_after_a_preposition_are_the_days(text, cron) -> None:
    """Before, the abbreviations were unread and the schedule became daily (a confident wrong answer)."""
    found = parse_schedule(text)
    assert found is not None and found.cron == cron


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("ежедневно в 9:00, кроме сб и вс", "0 9 * * 1-5"),
        ("каждый день в 9:00, не в пт", "0 9 * * 0,1,2,3,4,6"),
        ("every day at 9 am except Sat", "0 9 * * 0,1,2,3,4,5"),
    ],
)  # fmt: skip
def test_abbreviated_weekdays_after_a_negation_are_the_days_left_out(text, cron) -> None:
    found = parse_schedule(text)
    assert found is not None and found.cron == cron


def test_a_lone_abbreviation_without_a_preposition_is_no_weekday() -> None:
    """«ср» alone (no list, no preposition) may be anything (сравни, среднее): it makes no weekday."""
    found = parse_schedule("ежедневно в 9:00, ср значения")
    assert found is not None and found.cron == "0 9 * * *"


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("daily at half past midnight", "30 0 * * *"),
        ("every day at quarter past midnight", "15 0 * * *"),
        ("nightly at a quarter to midnight", "45 23 * * *"),
        ("daily at half past noon", "30 12 * * *"),
        ("ежедневно в половине первого ночи", "30 0 * * *"),
        ("ежедневно в половине первого дня", "30 12 * * *"),
    ],
)  # fmt: skip
def test_minutes_around_midnight_and_noon_keep_their_minutes(text, cron) -> None:
    """ "half past midnight" was 00:00: the minutes were lost when the hour was a word."""
    found = parse_schedule(text)
    assert found is not None and found.cron == cron


SUBSCRIBERS = {"id", "account_no", "full_name", "phone", "email", "passport_number", "inn", "address", "district",
               "is_privileged", "registered_on", "updated_at"}  # fmt: skip


# --- destructive intent: jargon verbs refused; a drop verb on a column is an exclusion ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Перелей заказы в клик ежедневно в 3 ночи, а orders потом транкейтни",
        "Загрузи клиентов в клик ежедневно в 5 утра, а таблицу customers транкатнем после загрузки",
        "Гони клиентов в клик в 4 утра и делитни старые записи в источнике",
        "Копируй заказы в клик каждый час, потом пурджни orders",
    ],
)  # fmt: skip
def test_transliterated_destroy_verbs_are_refused(planners, text) -> None:
    """«транкейтни» and its kin were unknown words: the load was planned and the destroy order ignored."""
    outcome = planners["shop"].plan(text)
    assert outcome.status == "rejected"
    assert outcome.errors[0].gate == "policy"


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("subscribers -> clickhouse, daily at 6 am, drop the email column", {"email"}),
        ("subscribers -> CH daily at 6 am, drop inn", {"inn"}),
        ("subscribers to clickhouse every night at 1, drop the phone and inn columns", {"phone", "inn"}),
    ],
)  # fmt: skip
def test_a_drop_verb_on_columns_of_a_load_without_a_verb_is_an_exclusion(planners, text, left_out) -> None:
    """A load said with an arrow or "to <engine>" (no load verb) and "drop <columns>": those columns are
    left out (before: refused as a destroy intent)."""
    spec = _ok(planners["utility"], text)
    assert set(spec.source.columns) == SUBSCRIBERS - left_out


@pytest.mark.parametrize(
    "text",
    [
        "subscribers to clickhouse daily at 6 am, drop the subscribers table",
        "subscribers -> clickhouse daily at 6 am, then drop subscribers",
        "drop the email column from subscribers",
    ],
)  # fmt: skip
def test_a_drop_verb_on_the_table_or_without_a_load_stays_refused(planners, text) -> None:
    assert planners["utility"].plan(text).status == "rejected"


# --- the spelling fixer leaves real words alone -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("Capture readings changes into ClickHouse every 15 minutes", "metering.readings"),
        ("replicate payments changes to clickhouse every 2 minutes", "billing.payments"),
        ("load payments changed since the last run to clickhouse hourly", "billing.payments"),
    ],
)  # fmt: skip
def test_a_word_the_rules_read_is_never_corrected_into_a_table_word(planners, text, table) -> None:
    """ "changes" is one letter from the table word "charges": it was "corrected", and the request got a
    second table (a question) or the wrong one (billing.charges)."""
    spec = _ok(planners["utility"], text)
    assert spec.source.table == table
    assert "charges" not in (spec.description or "")


def test_a_real_typo_of_a_table_word_is_still_corrected(planners) -> None:
    assert _ok(planners["utility"], "load chrges to clickhouse daily at 5").source.table == "billing.charges"


# --- masks: a list before the mask verb, after a clause break -----------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "masked"),
    [
        ("clinic", "Пациентов в клик каждый день в 6 утра; ФИО, телефон и номер паспорта захешировать",
         ["full_name", "phone", "passport_number"]),
        ("clinic", "Пациентов в клик каждый день в 6 утра. ФИО, телефон замаскировать", ["full_name", "phone"]),
        ("utility", "Абонентов в клик ежедневно в 4 утра: ФИО, ИНН и телефон захешировать",
         ["full_name", "inn", "phone"]),
    ],
)  # fmt: skip
def test_every_item_of_a_mask_list_after_a_clause_break_is_masked(planners, catalog, text, masked) -> None:
    """The first item of «; ФИО, телефон и ... захешировать» shared its comma segment with the previous
    clause, so it was dropped silently (a confident wrong mask)."""
    spec = _ok(planners[catalog], text)
    mask = next(t for t in spec.transforms if t.type == "mask")
    assert mask.columns == masked


# --- «без дублей по X» is a dedupe, never a mart's grouping -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "table", "columns"),
    [
        ("счётчики в кликхаус каждую субботу в 2 ночи, без дублей по serial_no", "metering.meters", ["serial_no"]),
        ("абонентов в клик ежедневно в 3 ночи, без дублей по account_no", "subscribers", ["account_no"]),
        ("показания в клик каждый час без дубликатов по meter_id", "metering.readings", ["meter_id"]),
    ],
)  # fmt: skip
def test_a_dedupe_key_after_a_bare_table_noun_is_no_grouping(planners, text, table, columns) -> None:
    """With no load verb, «по X» after «без дублей» was read as a mart's grouping and asked about."""
    spec = _ok(planners["utility"], text)
    assert spec.source.table == table
    assert next(t for t in spec.transforms if t.type == "dedupe").columns == columns


def test_a_grouping_without_a_dedupe_cue_still_makes_a_mart(planners) -> None:
    spec = _ok(planners["utility"], "сумма начислений по районам в клик ежедневно")
    assert spec.target.table != "charges"  # a mart table, not a copy of charges


# --- upsert keys named by nouns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "keys"),
    [
        ("hr", "Табели учёта времени мержить в клик по сотруднику и дате ежедневно в 2 ночи",
         ["employee_id", "work_date"]),
        ("hr", "Timesheets upsert into clickhouse by employee and date every hour", ["employee_id", "work_date"]),
        ("univ", "Посещаемость мержить в клик по студенту и дате ежедневно в 22:00", ["student_id", "lesson_date"]),
        ("univ", "Оценки мержить в клик по студенту и дисциплине ежедневно в 22:00", ["student_id", "course_id"]),
        ("univ", "Посещаемость upsert в клик по студенту, дисциплине и дате занятия ежедневно в 23:30",
         ["student_id", "course_id", "lesson_date"]),
        ("shop", "Остатки мержить в клик по товару и складу каждый час", ["product_id", "warehouse"]),
    ],
)  # fmt: skip
def test_upsert_keys_named_by_the_nouns_of_the_tables_they_refer_to(planners, catalog, text, keys) -> None:
    """«по студенту» names student_id (students' comment «Студенты»), «по дисциплине» course_id (courses:
    «Учебные дисциплины»), «по дате» the one date column of the primary key. Before: asked."""
    spec = _ok(planners[catalog], text)
    assert spec.target.mode == "upsert"
    assert spec.target.keys == keys


def test_a_key_noun_naming_no_referred_table_is_still_asked(planners) -> None:
    outcome = planners["hr"].plan("Табель мержить в клик по клиенту и дате ежедневно в 2 ночи")
    assert outcome.status == "needs_clarification"
    assert "клиенту" in outcome.questions[0]


# --- file loads: «в табличку», a folder described with a clock time ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("csv с рейсами из s3://fleet-dumps/trips/ складывать в табличку trips_csv в кликхаусе каждый день в 7 утра",
         "trips_csv"),
        ("parquet из s3://fleet-dumps/trips/ грузить в табличку trips_pq в клик ежедневно в 6 утра", "trips_pq"),
    ],
)  # fmt: skip
def test_the_diminutive_table_noun_names_the_target(planners, text, table) -> None:
    assert _ok(planners["logistics"], text).target.table == table


@pytest.mark.parametrize(
    "text",
    [
        "В папку /mnt/exchange/trips/ водители кладут csv с рейсами; грузи их в ClickHouse, таблица trips_raw, "
        "ежедневно в 22:15",
        "Partners drop csv files into /mnt/exchange/trips/; load them into ClickHouse table trips_raw daily at 22:15",
    ],
)  # fmt: skip
def test_a_folder_described_with_a_clock_time_runs_on_the_clock(planners, text) -> None:
    """A verb that only says how files get to the folder («кладут», "drop ... into") is no trigger when a
    clock time is the only schedule (before: asked "new files or a clock?"; "drop" was even refused)."""
    spec = _ok(planners["logistics"], text)
    assert spec.schedule == "15 22 * * *"
    assert spec.target.table == "trips_raw"


def test_an_announced_arrival_with_a_clock_is_still_asked(planners) -> None:
    text = "Как только в /mnt/exchange/trips/ появится csv, грузи его в ClickHouse, таблица trips_raw, ежедневно в 22:15"
    assert planners["logistics"].plan(text).status == "needs_clarification"


def test_dropping_a_table_before_a_load_stays_refused(planners) -> None:
    assert (
        planners["logistics"].plan("drop the trips table and load into clickhouse daily").status == "rejected"
    )
