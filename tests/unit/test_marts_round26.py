"""Mart requests of round marts26, in our own words over the demo catalogs (none of these sentences is in an
eval file):

1. counting entity X with a condition that lives on another table counts distinct X keys through the join,
   or is asked; never the rows of the other table («сколько кредитов просрочено»: not late payments);
2. "per <entity>" after an average, or beside another grouping, is a ratio (sum / distinct entities) the mart
   model cannot express: asked, as ARPU is; an average per the fact's own rows stays a plain average;
3. a finite event verb before the counted noun («сколько выпустилось студентов») is the rows' state as after
   it: a filter grounded in a column, or a question, never every row counted;
4. a column in brackets after a count noun that is neither an amount nor the table's key («Сколько заказов
   (customer_id)»: rows, distinct customers or a grouping?) is asked;
5. a question about which column to average lists real candidates, never an empty choice;
6. a month grain takes the date column whose comment is that month («Месяц начисления») over another time;
7. a state two columns could say (status 'closed' or closed_at) is asked in a mart as in a load, with the
   load's own question;
8. «ср.» before a measured noun is the average.

Before the rules: 33 of 65 failed (run once against the unchanged planner, 81dde69; three controls whose
wording failed for reasons of their own were reworded after that run). test_later_probes was written after the
rules.
"""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_shape


def _asked(outcome) -> None:
    assert outcome.status == "needs_clarification", (outcome.status, outcome.questions, outcome.errors)


# --- 1: counting X with a condition on another table ------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, entity, key",
    [
        ("bank", "сколько кредитов просрочено по продуктам", "lending.loans", "loan_id"),
        ("bank", "сколько кредитов с просроченными платежами по продуктам", "lending.loans", "loan_id"),
        ("bank", "количество кредитов, которые просрочили, по продуктам", "lending.loans", "loan_id"),
        ("univ", "сколько студентов оплатили обучение по факультетам", "students", "student_id"),
        ("univ", "how many students paid tuition by faculty", "students", "student_id"),
        ("univ", "number of students who paid tuition, by faculty", "students", "student_id"),
    ],
)
def test_counting_an_entity_never_counts_another_tables_rows(planners, catalog, text, entity, key):
    # before: «сколько кредитов просрочено» counted loan_payments rows with is_late (late payments, not loans)
    outcome = planners[catalog].plan(text)
    if outcome.status != "ok":
        return _asked(outcome)
    mart = mart_of(outcome)
    assert mart["table"] == entity or mart["measures"] == [("count_distinct", key)], mart


@pytest.mark.parametrize(
    "catalog, text, table, measures",
    [
        ("bank", "сколько платежей просрочено по продуктам", "lending.loan_payments", [("count", None)]),
        ("univ", "число студентов, оплативших обучение, по факультетам", "finance.tuition_payments",
         [("count_distinct", "student_id")]),
        ("shop", "сколько заказов по статусам", "orders", [("count", None)]),
    ],
)  # fmt: skip
def test_counting_the_facts_own_rows_stays(planners, catalog, text, table, measures):  # controls
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["measures"]) == (table, measures)


# --- 2: "per <entity>" is a ratio -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("shop", "average revenue per customer by region"),
        ("shop", "average sale amount per customer, by region"),
        ("shop", "mean order total per customer by status"),
        ("telecom", "average payment per subscriber by channel"),
        ("utility", "average charge per subscriber by tariff"),
        ("bank", "average balance per client by currency"),
        ("telecom", "средний платёж на абонента по каналам"),
        ("telecom", "средняя сумма платежей на одного абонента по каналам"),
        ("shop", "средняя выручка на клиента по регионам"),
        ("bank", "средний остаток на клиента по валютам"),
        ("utility", "средняя сумма начислений на абонента по тарифам"),
        ("shop", "ср. выручка на покупателя по регионам"),
    ],
)
def test_an_average_per_another_entity_is_asked(planners, catalog, text):
    # before: "average revenue per customer by region" -> avg(amount) grouped by customer_id and region
    _asked(planners[catalog].plan(text))


@pytest.mark.parametrize(
    "catalog, text, measures, dims",
    [
        ("hr", "average salary per employee by department", [("avg", "salary")], ["department_id"]),
        ("clinic", "average visit duration per doctor", [("avg", "duration_min")], ["doctor_id"]),
        ("shop", "number of orders per customer", [("count", None)], ["customer_id"]),
        ("hr", "средний оклад по отделам", [("avg", "salary")], ["department_id"]),
    ],
)
def test_per_the_facts_own_rows_or_a_grouping_stays(planners, catalog, text, measures, dims):  # controls
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["measures"], mart["dims"]) == (measures, dims)


# --- 3: a finite event verb before the counted noun -------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "сколько выпустилось студентов по факультетам", "status = 'graduated'"),
        ("hr", "сколько уволили сотрудников по отделам", "fired_at IS NOT NULL"),
        ("hr", "сколько уволилось человек по отделам", "fired_at IS NOT NULL"),
        # planner95: README: a state word a status column lists is that value; the date reading is noted (asked from round 26 to planner95)
        ("univ", "сколько отчислили студентов по факультетам", "status = 'expelled'"),
        ("bank", "сколько закрылось счетов по валютам", "status = 'closed'"),
        ("telecom", "сколько закрыли обращений по категориям", "status = 'closed'"),
        ("hr", "сколько ушло сотрудников по отделам", None),
        ("telecom", "сколько отключилось абонентов по регионам", None),
        ("bank", "сколько ушло клиентов по сегментам", None),
    ],
)
def test_a_verb_before_the_counted_noun_is_their_state_or_asked(planners, catalog, text, where):
    # before: «сколько закрылось счетов по валютам» counted every account
    outcome = planners[catalog].plan(text)
    if where is None:
        return _asked(outcome)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.mart.where == where


# --- 4: a bracketed column after a count noun -------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("shop", "Сколько заказов (customer_id) по статусам"),
        ("clinic", "Количество визитов (patient_id) по врачам"),
        ("bank", "Number of accounts (client_id) by currency"),
        ("shop", "Сколько заказов (created_at) по статусам"),
        ("telecom", "Число платежей (amount) по каналам"),
        ("bank", "How many loans (principal) by product"),
    ],
)
def test_a_bracketed_column_after_a_count_noun_is_asked(planners, catalog, text):
    # before: «Сколько заказов (customer_id) по статусам» -> count(customer_id)
    _asked(planners[catalog].plan(text))


def test_the_tables_own_key_in_brackets_counts_its_rows(planners):  # control
    mart = mart_of(planners["shop"].plan("Сколько заказов (id) по статусам"))
    assert mart["measures"] in ([("count", "id")], [("count", None)])


# --- 5: a question lists real candidates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("telecom", "средний доход на абонента по тарифам"),
        ("utility", "средний доход на абонента по районам"),
        ("telecom", "средний доход на абонента по регионам"),
        ("utility", "average income per subscriber by district"),
    ],
)
def test_a_question_never_offers_an_empty_choice(planners, catalog, text):
    # before: «Какую колонку subscribers агрегировать (avg): -?»
    outcome = planners[catalog].plan(text)
    _asked(outcome)
    assert not any(q.rstrip("?").rstrip().endswith((":", ": -", "-")) for q in outcome.questions), (
        outcome.questions
    )


# --- 6: a month grain on the column whose comment is the month --------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, grain",
    [
        ("univ", "сумма стипендий по видам помесячно", ("period", "month")),
        ("univ", "total scholarships by kind per month", ("period", "month")),
        ("univ", "сумма стипендий по видам за месяц", ("period", "month")),
        ("utility", "начисления по тарифам за месяц, сумма", ("period", "month")),
    ],
)
def test_a_month_grain_takes_the_month_column(planners, catalog, text, grain):
    # before: «сумма стипендий по видам помесячно» asked period or paid_at
    assert mart_of(planners[catalog].plan(text))["grain"] == grain


def test_a_paid_month_still_takes_the_payment_time(planners):  # control: the words name the event
    assert mart_of(planners["univ"].plan("сумма стипендий по месяцам выплаты"))["grain"] == (
        "paid_at",
        "month",
    )


# --- 7: a state two columns could say is read as in a load ----------------------------------------------
# planner95: README: a state word a status column lists is that value; the date reading is noted. Until
# planner95 these marts asked the load's question (closed_at IS NOT NULL or status 'closed'); now both plan the
# listed value and say the other reading. A status listing no such value (utility) stays asked, in both.


@pytest.mark.parametrize(
    "catalog, text, load",
    [
        ("bank", "сколько закрытых счетов по валютам", "Загружать закрытые счета в кликхаус ежедневно"),
        ("bank", "число закрытых счетов по валютам", "Загружать закрытые счета в кликхаус ежедневно"),
        ("telecom", "сколько закрытых обращений по категориям", "Загружать закрытые обращения ежедневно"),
        ("utility", "количество закрытых заявок по темам", "Загружать закрытые заявки ежедневно"),
        ("univ", "сколько отчисленных студентов по факультетам", "Загружать отчисленных студентов ежедневно"),
        ("bank", "number of closed accounts by currency", "Load closed accounts to clickhouse daily"),
        ("telecom", "count of closed support tickets by category", None),
        # written after the rules: the people's event verb (planned by round 22 as expelled_on)
        ("univ", "сколько человек отчислено по факультетам", "Загружать отчисленных студентов ежедневно"),
        ("univ", "how many people were expelled per faculty", "Load expelled students daily"),
    ],
)
def test_a_state_two_columns_could_say_is_read_as_in_a_load(planners, catalog, text, load):
    # before round 26: marts picked closed_at IS NOT NULL (RU) or status = 'closed' (EN); loads asked which
    outcome = planners[catalog].plan(text)
    if load is None:  # this catalog's English load reads otherwise: the listed value all the same
        assert outcome.status == "ok" and outcome.spec.source.mart.where == "status = 'closed'"
        assert any("closed_at IS NOT NULL" in note for note in outcome.assumptions), outcome.assumptions
        return
    loaded = planners[catalog].plan(load)
    if catalog == "utility":  # the status lists no 'closed' (new, in_progress, done, rejected): asked
        _asked(outcome)
        _asked(loaded)
        assert [_unquoted(q) for q in outcome.questions] == [_unquoted(q) for q in loaded.questions]
        return
    assert outcome.status == "ok" and loaded.status == "ok", (outcome.questions, loaded.questions)
    assert outcome.spec.source.mart.where == loaded.spec.source.where
    assert [_unquoted(n) for n in outcome.assumptions[:1]] == [_unquoted(n) for n in loaded.assumptions[:1]]


def _unquoted(question: str) -> str:
    """The question past the user's word it quotes (its form follows the sentence: «отчисленных»)."""
    return question.split("»", 1)[-1] if "»" in question else question.split("'", 2)[-1]


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("hr", "число уволенных сотрудников по отделам", "fired_at IS NOT NULL"),
        ("bank", "сколько просроченных кредитов по продуктам", "status = 'overdue'"),
        ("telecom", "сколько обращений со статусом closed по категориям", "status = 'closed'"),
        ("telecom", "number of tickets with status closed by category", "status = 'closed'"),
    ],
)
def test_a_state_one_column_says_stays(planners, catalog, text, where):  # controls
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.mart.where == where


# --- 8: «ср.» is the average ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("telecom", "ср. длительность звонков по направлениям", [("avg", "duration_sec")]),
        ("hr", "Ср. оклад по отделам", [("avg", "salary")]),
        ("logistics", "ср. вес посылок по статусам", [("avg", "weight_kg")]),
        ("shop", "Ср. сумма заказа по статусам каждый час", [("avg", "total")]),
    ],
)
def test_abbreviated_average(planners, catalog, text, measures):
    assert mart_of(planners[catalog].plan(text))["measures"] == measures


# --- written after the rules (found by the unit suites of earlier rounds and by probing) -------------------


@pytest.mark.parametrize(
    "catalog, text, shape, where",
    [
        # «на <person>» of the fact's own rows is its plain average, never read as a filter (before: hired_at)
        ("hr", "средний оклад на сотрудника по отделам", ("employees", [("avg", "salary")], ["department_id"], None),
         None),
        ("hr", "средний оклад на одного сотрудника по отделам",
         ("employees", [("avg", "salary")], ["department_id"], None), None),
        # «на приём», «на дисциплины»: what the rows are for, no ratio
        ("clinic", "количество записей на приём по каналам", ("appointments", [("count", None)], ["channel"], None),
         None),
        # the students counted through their attendance: distinct, unless the grouping is the table's key
        ("univ", "Сколько студентов присутствовало на занятиях по неделям",
         ("attendance", [("count_distinct", "student_id")], [], ("lesson_date", "week")), "present = true"),
        ("univ", "Сколько студентов присутствовало на занятиях по дням, по курсам (course_id)",
         ("attendance", [("count", None)], ["course_id"], ("lesson_date", "day")), "present = true"),
    ],
)  # fmt: skip
def test_later_probes(planners, catalog, text, shape, where):
    outcome = planners[catalog].plan(text)
    assert mart_shape(outcome) == shape and outcome.spec.source.mart.where == where
