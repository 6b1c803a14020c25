"""Mart requests of round marts16 (issue 16, the families heldout_marts_k failed on), in our own words over
several demo catalogs (none of these sentences is in an eval file): a people-count noun after a count word
(«сколько человек», «число людей») is the counted rows, never a value of a dimension column; chat phrases
("nothing fancy", «без изысков», "keep it fresh" before a schedule) are no slot of the mart."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_where

# --- P1: a people-count noun is the counted rows -------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims",
    [
        # before: building = 'человек' (a lead-in naming the place let the filter rules take the noun)
        ("univ", "заселение в общежитие: сколько человек въехало по корпусам", "campus.dorm_residents",
         ["building"]),
        ("univ", "общежитие: сколько людей въехало по корпусам по месяцам заселения", "campus.dorm_residents",
         ["building"]),
        ("univ", "общага — число человек по корпусам по неделям заселения", "campus.dorm_residents",
         ["building"]),
        ("clinic", "визиты: сколько людей по пациентам", "visits", ["patient_id"]),
        ("shop", "продажи в магазинах: сколько человек по регионам по неделям", "sales", ["region"]),
    ],
)  # fmt: skip
def test_a_people_count_noun_is_the_counted_rows(planners, catalog, text, table, dims):
    outcome = planners[catalog].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"]) == (table, [("count", None)], dims)
    assert mart_where(outcome) is None


def test_a_people_noun_that_names_a_table_keeps_its_table(planners):
    # «сотрудников» names the employees table of hr: the table's own rules read it, as before
    mart = mart_of(planners["hr"].plan("число сотрудников по отделам"))
    assert (mart["table"], mart["measures"], mart["dims"]) == (
        "employees",
        [("count", None)],
        ["department_id"],
    )


# --- C1: chat phrases ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims, grain, schedule",
    [
        ("shop", "revenue per region per day - keep it up to date hourly, nothing fancy", "sales",
         [("sum", "amount")], ["region"], ("sold_at", "day"), "0 * * * *"),
        ("shop", "units sold per region per hour, keep it fresh every 10 min", "sales",
         [("sum", "quantity")], ["region"], ("sold_at", "hour"), "*/10 * * * *"),
        ("shop", "средний чек по регионам по неделям, без изысков", "sales", [("avg", "amount")], ["region"],
         ("sold_at", "week"), None),
        ("shop", "min and max order total by customer, no frills", "orders", [("max", "total"), ("min", "total")],
         ["customer_id"], None, None),
    ],
)  # fmt: skip
def test_chat_phrases_are_no_slot(planners, catalog, text, table, measures, dims, grain, schedule):
    outcome = planners[catalog].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (table, measures, dims, grain)
    assert outcome.spec.schedule == schedule and mart_where(outcome) is None


def test_keep_it_fresh_without_a_schedule_is_asked(planners):
    # how often "fresh" is, is never guessed: with no schedule after it the phrase stays unread
    outcome = planners["shop"].plan("units sold per region per hour, keep it fresh")
    assert outcome.status == "needs_clarification"


# --- F1: a noun in the instrumental case after the fact's noun is a value a column's comment lists ----------


@pytest.mark.parametrize(
    "text, table, measures, dims, grain, where",
    [
        # before: «картой» read as card_number (a sum of text asked), or dropped from a count (no filter)
        ("средняя сумма платежей картой по абонентам по месяцам", "billing.payments", [("avg", "amount")],
         ["subscriber_id"], ("paid_at", "month"), "channel = 'card'"),
        ("число оплат картой по неделям", "billing.payments", [("count", None)], [], ("paid_at", "week"),
         "channel = 'card'"),
        ("количество показаний приложением по неделям", "metering.readings", [("count", None)], [],
         ("taken_at", "week"), "source = 'app'"),
        ("оплаты картой: сумма по дням", "billing.payments", [("sum", "amount")], [], ("paid_at", "day"),
         "channel = 'card'"),
    ],
)  # fmt: skip
def test_an_instrumental_noun_is_a_listed_value(planners, text, table, measures, dims, grain, where):
    outcome = planners["utility"].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (table, measures, dims, grain)
    assert mart_where(outcome) == where


def test_an_instrumental_noun_no_comment_lists_is_asked(planners):
    # cash is none of payments.channel's values (bank, card, post, terminal): asked, never dropped
    outcome = planners["utility"].plan("средняя оплата наличными по дням")
    assert outcome.status == "needs_clarification"
    assert "наличными" in outcome.questions[0]


# --- M1: the measured noun is the fact's own: the column whose comment names the fact's head noun ----------


@pytest.mark.parametrize(
    "text, measures, dims, grain, where",
    [
        # charges: consumption ('Объём потребления') and amount ('Сумма начисления'); the fact 'Начисления ...'
        ("total charges per tariff zone by month of period, only status issued", [("sum", "amount")], ["zone"],
         ("period", "month"), "status = 'issued'"),
        ("max charges per subscriber", [("max", "amount")], ["subscriber_id"], None, None),
    ],
)  # fmt: skip
def test_the_fact_nouns_measure_is_the_column_its_comment_names(planners, text, measures, dims, grain, where):
    outcome = planners["utility"].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (
        "billing.charges",
        measures,
        dims,
        grain,
    )
    assert mart_where(outcome) == where


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("hr", "sum of payslips per employee per month"),  # gross and net: no comment names the fact's noun
        ("logistics", "sum of shipments per status"),  # weight or declared value: never guessed
    ],
)
def test_the_fact_nouns_measure_no_comment_decides_is_asked(planners, catalog, text):
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"


# --- U1: a bracket holding only a unit is the unit the measure is in ------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims, grain",
    [
        ("logistics", "total distance (in km) per courier per week", "routes", [("sum", "distance_km")],
         ["courier_id"], ("route_date", "week")),
        ("logistics", "средний пробег (в км) по курьерам", "routes", [("avg", "distance_km")], ["courier_id"],
         None),
        ("clinic", "average visit duration (in minutes) per patient", "visits", [("avg", "duration_min")],
         ["patient_id"], None),
    ],
)  # fmt: skip
def test_a_bracketed_unit_is_the_measures_unit(planners, catalog, text, table, measures, dims, grain):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (table, measures, dims, grain)


def test_a_bracketed_word_that_is_no_unit_is_asked(planners):
    outcome = planners["logistics"].plan("средний вес посылки (в попугаях) по статусам")
    assert outcome.status == "needs_clarification" and "попугаях" in outcome.questions[0]
