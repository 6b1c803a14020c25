"""Mart requests of round marts13 (issue 16, families heldout_marts_i failed on), in our own words over
several demo catalogs: a negative adjective or participle on a boolean column's subject («с нарушенной
пломбой», "with a broken seal") is `flag = false` or a question, never the positive value, and the
positive one («с целой пломбой») is `flag = true`, not `IS NOT NULL`; abbreviated measures «макс и мин»;
a time column named in brackets after a grain («по месяцам визита (visit_date)»).

Written before the rules were changed."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_where


def _plan(planners, catalog, text):
    return planners[catalog].plan(text)


# --- a negative word on a boolean column's subject is never its positive value ---------------------------


@pytest.mark.parametrize(
    "catalog, text, flag",
    [
        ("utility", "сколько обходов с нарушенной пломбой по месяцам обхода", "seal_ok"),
        ("utility", "Число обходов с повреждённой пломбой по контролёрам", "seal_ok"),
        ("utility", "number of inspections with a broken seal by month", "seal_ok"),
        ("utility", "Витрина: число обходов по месяцам, только с сорванной пломбой", "seal_ok"),
        ("clinic", "Число незанятых коек по палатам", "occupied"),
        ("hr", "Сколько неодобренных отпусков по видам", "approved"),
        ("logistics", "Число неактивных курьеров по городам", "is_active"),
        ("univ", "Число отсутствовавших на занятиях по датам занятий", "present"),
        ("univ", "число записей посещаемости, где студент не присутствовал, по курсам", "present"),
    ],
)
def test_a_negative_word_is_false_or_asked_never_the_positive_value(planners, catalog, text, flag):
    outcome = _plan(planners, catalog, text)
    if outcome.status == "ok":
        where = outcome.spec.source.mart.where or ""
        assert f"{flag} = true" not in where and f"{flag} IS NOT NULL" not in where, where
    else:
        assert outcome.status == "needs_clarification", outcome.errors


@pytest.mark.parametrize(
    "text, value",
    [
        ("сколько обходов с нарушенной пломбой по месяцам обхода", "false"),
        ("Число обходов с повреждённой пломбой по месяцам обхода", "false"),
        ("number of inspections with a broken seal per month of visit", "false"),
        ("Число обходов с целой пломбой по месяцам обхода", "true"),
        ("сколько обходов с неповреждённой пломбой по месяцам обхода", "true"),
    ],
)
def test_an_adjective_on_the_subject_of_a_boolean_comment_reads_its_value(planners, text, value):
    outcome = _plan(planners, "utility", text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["grain"]) == ("ops.inspections", ("visited_on", "month"))
    assert outcome.spec.source.mart.where == f"seal_ok = {value}"


def test_the_subject_noun_of_a_boolean_comment_alone_is_no_condition(planners):
    # «проверки пломб: ...» names the inspections, not the seal's state
    outcome = _plan(planners, "utility", "проверки пломб: сколько обходов по месяцам обхода")
    assert "seal_ok" not in (mart_where(outcome) or "")


@pytest.mark.parametrize(
    "text, where",
    [
        ("Загрузить обходы с нарушенной пломбой в ClickHouse ежедневно в 3:00", "seal_ok = false"),
        ("Загрузить обходы, где пломба не цела, в ClickHouse ежедневно в 3:00", "seal_ok = false"),
        ("Загрузить обходы с целой пломбой в ClickHouse ежедневно в 3:00", "seal_ok = true"),
        ("Load inspections with a broken seal to ClickHouse daily at 3am", "seal_ok = false"),
        ("Загрузить проверки пломб в ClickHouse ежедневно в 3:00", None),
    ],
)
def test_the_load_path_reads_the_seal_state_the_same_way(planners, text, where):
    outcome = _plan(planners, "utility", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where


# --- abbreviated measures «макс», «мин» -----------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures",
    [
        ("shop", "макс и мин сумма заказа по статусам", "orders", [("max", "total"), ("min", "total")]),
        ("hr", "мин и макс оклад по отделам", "employees", [("max", "salary"), ("min", "salary")]),
        ("shop", "мин сумма заказа по статусам", "orders", [("min", "total")]),
        ("logistics", "макс и мин вес отправлений по статусам", "shipments",
         [("max", "weight_kg"), ("min", "weight_kg")]),
        ("hr", "макс. и мин. оклад по отделам", "employees", [("max", "salary"), ("min", "salary")]),
    ],
)  # fmt: skip
def test_abbreviated_max_and_min_are_measures(planners, catalog, text, table, measures):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["table"], mart["measures"]) == (table, measures)


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("shop", "Выручка по регионам из продаж, обновлять каждые 30 мин"),
        ("logistics", "Вес отправлений по статусам, каждые 15 мин"),
    ],
)
def test_min_after_a_number_stays_minutes(planners, catalog, text):
    mart = mart_of(_plan(planners, catalog, text))
    assert all(func != "min" for func, _ in mart["measures"]), mart


# --- a time column named in brackets after a grain ------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, grain",
    [
        ("clinic", "суммарная длительность приёмов по врачам по месяцам визита (visit_date)", "visits",
         ("visit_date", "month")),
        ("logistics", "суммарный вес отправлений по статусам по дням создания (created_at)", "shipments",
         ("created_at", "day")),
        ("utility", "сумма оплат по каналам по неделям оплаты (paid_at)", "billing.payments",
         ("paid_at", "week")),
        ("shop", "число заказов по статусам по месяцам создания (created_at)", "orders",
         ("created_at", "month")),
        ("shop", "revenue by region per week of sale (sold_at)", "sales", ("sold_at", "week")),
    ],
)  # fmt: skip
def test_a_time_column_in_brackets_after_a_grain_names_the_grain_column(
    planners, catalog, text, table, grain
):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["table"], mart["grain"]) == (table, grain)


def test_a_bracketed_name_that_is_not_a_time_column_is_asked(planners):
    outcome = _plan(
        planners, "clinic", "суммарная длительность приёмов по врачам по месяцам визита (doctor_id)"
    )
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("logistics", "вес отправлений по месяцам доставки (created_at)"),
        ("clinic", "число визитов по врачам по месяцам визита (updated_at)"),
    ],
)
def test_a_bracketed_name_the_grain_words_contradict_is_asked(planners, catalog, text):
    assert _plan(planners, catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    "catalog, text, table, where",
    [
        ("utility", "сколько обходов, где пломба не цела, по месяцам обхода", "ops.inspections", "seal_ok = false"),
        ("utility", "число обходов по месяцам обхода, только где пломба цела", "ops.inspections", "seal_ok = true"),
        ("clinic", "число коек, которые не заняты, по палатам (ward)", "beds", "occupied = false"),
    ],
)  # fmt: skip
def test_a_negated_clause_on_a_boolean_is_read_in_a_mart(planners, catalog, text, table, where):
    outcome = _plan(planners, catalog, text)
    assert mart_of(outcome)["table"] == table
    assert outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "text",
    [
        "Загрузить счётчики с неисправным счётчиком в ClickHouse ежедневно в 3:00",
        "Загрузить счётчики со сломанным счётчиком в ClickHouse ежедневно в 3:00",
    ],
)
def test_a_negative_word_says_nothing_of_a_flag_that_is_not_about_integrity(planners, text):
    # 'Умный счётчик с телеметрией' (is_smart): a broken meter is not a meter without telemetry
    outcome = _plan(planners, "utility", text)
    assert outcome.status != "ok" or "is_smart" not in (outcome.spec.source.where or "")
