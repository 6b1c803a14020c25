"""Mart requests of round marts24 (confident wrong plans found outside the eval), in our own words over the
demo catalogs (none of these sentences is in an eval file):

1. a finite event verb on the counted rows («студентов выпустилось», «сотрудников уволилось», «абонентов
   ушло») is their event: a listed status value it means (graduated) or the event's time column it names
   (fired_at IS NOT NULL); a verb that names neither is asked, never dropped;
2. a count noun with a numeric column in brackets («сколько заказов (total)») is count or sum: asked
   (a participle of accrual or payment, «сколько начислено (gross)», names an amount and stays a sum);
3. a month grain over a fact with created_at and a column whose comment names the month ('Расчётный
   месяц') is on that column;
4. «ср.» (a dot after it) before the measured word is average («Ср. длительность визитов»);
5. every question of the mart resolver to a Russian request is Russian («Сколько начислено (brutto)»).

Before the rules: 30 of 40 failed (run once against the unchanged planner, 62bc9d3). The 29 cases added
after (Russian forms of the resolver's questions, more event verbs, reflexive verbs, participles and state
adjectives before the counted noun, controls the eval diff found) were written after the rules.
"""

from __future__ import annotations

import re

import pytest

from tests.unit.test_planner_marts import mart_of, mart_shape, mart_where

ASKED = "asked"  # two columns could say the state (round 26): the load's question


def _asked(outcome) -> None:
    assert outcome.status == "needs_clarification", mart_of(outcome)


# --- 1: a finite event verb on the counted rows is their event, or asked -----------------------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "сколько студентов выпустилось по факультетам", "status = 'graduated'"),
        ("univ", "Число выпустившихся студентов по факультетам", "status = 'graduated'"),
        ("univ", "how many students graduated per faculty", "status = 'graduated'"),
        ("hr", "сколько сотрудников уволилось по отделам", "fired_at IS NOT NULL"),
        ("hr", "сколько человек уволилось по отделам", "fired_at IS NOT NULL"),
        # planner95: README: a state word a status column lists is that value; the date reading is noted (asked from round 26 to planner95: expelled_on or status 'expelled')
        ("univ", "сколько студентов отчислилось по факультетам", "status = 'expelled'"),
        ("logistics", "сколько посылок доставили по хабам назначения", "status = 'delivered'"),
        ("telecom", "сколько обращений закрыли по категориям", "status = 'closed'"),  # planner95, as above
        ("univ", "сколько книг вернули по названиям", "returned_at IS NOT NULL"),
    ],
)
def test_a_finite_event_verb_keeps_the_rows_it_happened_to(planners, catalog, text, where):
    # before: every row counted, the verb skipped as a word that carries no slot
    outcome = planners[catalog].plan(text)
    assert (outcome.status if where == ASKED else mart_where(outcome)) == (
        "needs_clarification" if where == ASKED else where
    )


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("hr", "сколько сотрудников ушло по отделам"),
        ("hr", "сколько ушло сотрудников по отделам"),
        ("shop", "сколько человек ушло по регионам"),
        ("logistics", "сколько клиентов ушло по регионам"),
        ("bank", "сколько карт пропало по статусам"),
        ("utility", "сколько абонентов переехало по районам"),
    ],
)
def test_an_event_verb_no_column_says_is_asked(planners, catalog, text):
    _asked(planners[catalog].plan(text))


@pytest.mark.parametrize(
    "text",
    [
        "сколько ушло абонентов по регионам",
        "сколько абонентов ушло по регионам",
        "сколько человек ушло по регионам",
    ],
)
def test_an_event_verb_the_status_lists_is_that_value(planners, text):
    # planner95: README: a state word a status column lists is that value; the date reading is noted
    # (these three were asked above from round 26 to planner95: churned_on 'Дата ухода' or status 'churned')
    outcome = planners["telecom"].plan(text)
    assert outcome.status == "ok" and outcome.spec.source.mart.where == "status = 'churned'"
    assert any("churned_on IS NOT NULL" in note for note in outcome.assumptions), outcome.assumptions


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "Сколько книг выдали по неделям", None),  # the grain dates the rows by the event
        # planned again since round 26 (the noun phrase read before the verb, as in «студентов выпустилось»)
        ("univ", "сколько выпустилось студентов по факультетам", "status = 'graduated'"),
        ("hr", "сколько уволилось сотрудников по отделам", "fired_at IS NOT NULL"),
        ("hr", "сколько человек уволено по отделам", "fired_at IS NOT NULL"),
        ("shop", "Построй витрину: сколько заказов по статусам", None),
        # the grain dates the rows by the verb's event (found by the eval diff: mk-ru-35, mi-ru-33)
        ("utility", "сколько счётчиков установили по ресурсам по месяцам установки", None),
        ("univ", "сколько человек въехало в общежитие по корпусам по месяцам заселения", None),
        # a verb with a subject of its own is no state of the counted rows (eval diff: mn-ru-11)
        ("clinic", "сколько визитов принял каждый врач по месяцам", None),
    ],
)
def test_event_verbs_read_before_stay(planners, catalog, text, where):  # controls
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok" and outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        # a reflexive verb is the state of its plain verb («закрылось» as «закрытые» of «закрыть»)
        # planner95: README: a state word a status column lists is that value; the date reading is noted (asked from round 26 to planner95: closed_at or status 'closed')
        ("bank", "сколько счетов закрылось по валютам", "status = 'closed'"),
        ("telecom", "сколько сим-карт потерялось по статусам", "status = 'lost'"),
        # a full participle before the counted noun (before: dropped, every row counted)
        ("hr", "число уволенных сотрудников по отделам", "fired_at IS NOT NULL"),
        ("bank", "число закрытых счетов по валютам", "status = 'closed'"),  # planner95, as above
        ("utility", "число закрытых заявок по темам", ASKED),
        ("univ", "количество отчисленных студентов по факультетам", "status = 'expelled'"),  # planner95
        ("univ", "число выданных книг по неделям", None),  # control: the grain dates the rows by the event
        ("logistics", "число доставленных посылок по хабам назначения", "status = 'delivered'"),  # control
        # a state adjective a listed value answers (before: dropped)
        ("telecom", "число активных абонентов по тарифам", "status = 'active'"),
        ("bank", "число активных карт по типам", "status = 'active'"),
        ("shop", "число новых клиентов по месяцам", None),  # control: new rows by the month they appear in
    ],
)
def test_reflexive_verbs_and_participles_before_the_counted_noun(planners, catalog, text, where):
    # found probing family 1 after its rule; written after the rules
    outcome = planners[catalog].plan(text)
    if where == ASKED:
        assert outcome.status == "needs_clarification", outcome.spec
        return
    assert outcome.status == "ok" and outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "catalog, text",
    # planner158: «число свободных коек по палатам» is now read (occupied = false): test_planner_round158.py
    [("shop", "число крупных заказов по статусам")],
)
def test_a_state_adjective_no_value_answers_stays_asked(planners, catalog, text):  # controls
    _asked(planners[catalog].plan(text))


# --- 2: a count noun with a bracketed numeric column is asked ---------------------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("shop", "Сколько заказов (total) по статусам"),
        ("telecom", "Сколько платежей (amount) по каналам"),
        ("utility", "Число начислений (amount) по тарифам"),
        ("hr", "Количество расчётных листков (net) по сотрудникам"),
        ("logistics", "кол-во отправлений (weight_kg) по статусам"),
        ("bank", "Сколько транзакций (amount) по каналам"),  # a counted noun naming no table (written after)
    ],
)
def test_a_count_noun_with_a_numeric_column_in_brackets_is_asked(planners, catalog, text):
    # before: count(total), a count that reads as a number of orders but names an amount
    _asked(planners[catalog].plan(text))


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("hr", "Сколько выплачено (net) по сотрудникам", [("sum", "net")]),
        ("hr", "Сколько начислено (gross) по отделам", [("sum", "gross")]),
        ("shop", "Сколько заказов (id) по статусам", [("count", "id")]),
    ],
)
def test_an_accrual_participle_or_a_key_in_brackets_stays(planners, catalog, text, measures):  # controls
    assert mart_of(planners[catalog].plan(text))["measures"] == measures


# --- 3: a month grain on the column whose comment names the month ------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, dims",
    [
        ("utility", "сумма начислений по тарифам за месяц", ["tariff_id"]),
        ("utility", "сумма начислений по тарифам помесячно", ["tariff_id"]),
        ("utility", "объём потребления по статусам по месяцам", ["status"]),
        ("utility", "monthly charged amount per tariff", ["tariff_id"]),
    ],
)
def test_a_month_grain_is_on_the_column_whose_comment_is_the_month(planners, catalog, text, dims):
    # before: created_at ('Расчётный месяц' is billing.charges.period)
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["dims"], mart["grain"]) == (dims, ("period", "month"))


def test_a_day_grain_is_not_on_a_month_column(planners):  # control: period is a month, created_at a day
    assert mart_of(planners["utility"].plan("сумма начислений по тарифам по дням"))["grain"] == (
        "created_at",
        "day",
    )


# --- 4: «ср.» is average ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, shape",
    [
        (
            "clinic",
            "Ср. длительность визитов по врачам",
            ("visits", [("avg", "duration_min")], ["doctor_id"], None),
        ),
        ("telecom", "Ср. длительность звонков по направлениям", None),
        ("shop", "ср. сумма заказов по статусам", ("orders", [("avg", "total")], ["status"], None)),
        (
            "logistics",
            "Ср. вес отправлений по статусам",
            ("shipments", [("avg", "weight_kg")], ["status"], None),
        ),
    ],
)
def test_sr_with_a_dot_is_average(planners, catalog, text, shape):
    outcome = planners[catalog].plan(text)
    if shape is None:  # the measured column is not this rule's: only the function
        assert [func for func, _ in mart_of(outcome)["measures"]] == ["avg"]
    else:
        assert mart_shape(outcome) == shape


def test_sr_as_wednesday_stays(planners):  # control: a weekday list
    outcome = planners["shop"].plan("Выгружать заказы в ClickHouse по пн, ср и пт в 6:00")
    assert outcome.status == "ok" and outcome.spec.schedule == "0 6 * * 1,3,5"


# --- 5: resolver questions to a Russian request are Russian -----------------------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("hr", "Сколько начислено (brutto) по отделам"),
        ("shop", "Сумма (totall) заказов по статусам"),
        ("utility", "Сумма начислений (amout) по тарифам"),
        ("clinic", "Средняя длительность (durration) визитов по врачам"),
    ],
)
def test_a_resolver_question_to_a_russian_request_is_russian(planners, catalog, text):
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"
    for question in outcome.questions:
        text_of = str(question)
        assert not re.search(r"\b(not found|did you mean|columns|which|the tables)\b", text_of), text_of


@pytest.mark.parametrize(
    "english",
    [
        "column 'amout' not found in charges; did you mean amount?",
        "column 'x' not found in orders; columns: id, total",
        "table 'ordrs' not found in pg_shop; did you mean orders?",
        "dimension region: customers refers to orders (orders.customer_id -> customers.id), so joining it would "
        "repeat each orders row once per customers row and count it several times; make customers the fact "
        "table instead",
        "dimension name: no relation leads from orders to hubs; name the join columns (joins: [{table: hubs, "
        "on: {<orders column>: <hubs column>}}])",
        "customers is joined twice; a mart joins each table once",
        "cannot join orders.customer_id (bigint) to customers.email (text): the types differ",
        "joining customers on email may repeat fact rows: that is not the primary key of customers (id); join "
        "on its key",
        "customers is not joined yet; join it before customers.region",
        "max of orders.status (text) has no order",
        "filter total > 'abc': orders.total is numeric(12,2)",
    ],
)
def test_every_resolver_question_has_a_russian_form(english):
    from airflow_ai_etl.web.messages import translate

    russian = translate(english, "ru")
    assert russian != english and not re.search(
        r"\b(not found|did you mean|joined|joins it|refers|the types)\b", russian
    )
