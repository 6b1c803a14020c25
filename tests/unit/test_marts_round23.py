"""Mart requests of round marts23 (the five misses of the blind batch heldout_marts_n), in our own words over
the demo catalogs (none of these sentences is in an eval file):

1. an abbreviation with a dot inside the measure or table phrase («лаб.», «трансп.», «расч.») is the one word
   of the catalog's comments it starts; one that starts words of two lemmas is asked;
2. an English column name in brackets after «сколько» + a participle («сколько начислено (gross)») names
   the summed column; a text column or an unknown name there is asked;
3. an English jargon word that only a Russian table comment explains ("top-up", "recharge" of 'пополнение
   баланса', "refuelings" of 'Заправки', "accruals" of 'Начисления') names that table; where no comment
   says it, it is asked;
4. a people noun counted with a verb naming the flag of an event table («сколько студентов присутствовало
   на занятиях») counts the event table's rows with that flag, not the people register;
5. a filter «только <the fact's own noun> <flag phrase>» («только звонки в роуминге») is the flag alone; the
   repeated noun is no value.

Before the rules: 21 of 30 failed (run once against the unchanged planner, e5704e6).
"""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_shape


def _asked(outcome) -> None:
    assert outcome.status == "needs_clarification", mart_of(outcome)


# --- 1: an abbreviation with a dot is the one comment word it starts ------------------------------------


@pytest.mark.parametrize(
    "catalog, text, shape",
    [
        (
            "clinic",
            "Число лаб. анализов по статусу почасово (collected_at)",
            ("lab.results", [("count", None)], ["status"], ("collected_at", "hour")),
        ),
        (
            "clinic",
            "кол-во лаб. анализов по коду анализа по дням (reported_at), обновлять каждые 15 мин.",
            ("lab.results", [("count", None)], ["test_code"], ("reported_at", "day")),
        ),
        (
            "logistics",
            "Кол-во трансп. средств по моделям",
            ("fleet.vehicles", [("count", None)], ["model"], None),
        ),
        ("univ", "Число учебн. дисциплин по семестрам", ("courses", [("count", None)], ["semester"], None)),
        (
            "hr",
            "Кол-во расч. листков по сотрудникам помесячно (period)",
            ("payroll.payslips", [("count", None)], ["employee_id"], ("period", "month")),
        ),
    ],
)
def test_a_dotted_abbreviation_is_the_comment_word_it_starts(planners, catalog, text, shape):
    assert mart_shape(planners[catalog].plan(text)) == shape


def test_a_dotted_abbreviation_keeps_the_schedule(planners):
    outcome = planners["clinic"].plan(
        "кол-во лаб. анализов по коду анализа по дням (reported_at), обновлять каждые 15 мин."
    )
    assert mart_of(outcome)["schedule"] == "*/15 * * * *"


def test_an_abbreviation_of_two_comment_words_is_asked(planners):
    # «абон.»: 'Абоненты мобильной связи' and 'Абонентская плата в месяц': two words, no guess
    _asked(planners["telecom"].plan("Сумма абон. по тарифам помесячно"))


# --- 2: a bracketed English column after «сколько» + participle is the summed column -------------------


@pytest.mark.parametrize(
    "catalog, text, shape",
    [
        (
            "hr",
            "Сколько начислено (gross) по сотрудникам",
            ("payroll.payslips", [("sum", "gross")], ["employee_id"], None),
        ),
        (
            "hr",
            "Сколько к выплате (net) помесячно по полю period",
            ("payroll.payslips", [("sum", "net")], [], ("period", "month")),
        ),
        (
            "shop",
            "Сколько продано (quantity) по регионам",
            ("sales", [("sum", "quantity")], ["region"], None),
        ),
        (
            "utility",
            "Сколько затронуто (households) по районам",
            ("ops.outages", [("sum", "households")], ["district"], None),
        ),
        (
            "univ",
            "Сколько скачано (bytes_down) по точкам доступа по дням",
            ("campus.wifi_sessions", [("sum", "bytes_down")], ["access_point"], ("started_at", "day")),
        ),
    ],
)
def test_a_bracketed_column_after_a_how_much_participle_is_summed(planners, catalog, text, shape):
    assert mart_shape(planners[catalog].plan(text)) == shape


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("hr", "Сколько начислено (currency) по сотрудникам"),  # a text column is never summed
        ("hr", "Сколько начислено (brutto) помесячно по полю period"),  # no such column
    ],
)
def test_a_bracket_that_names_no_summable_column_is_asked(planners, catalog, text):
    _asked(planners[catalog].plan(text))


# --- 3: an English jargon word a Russian table comment explains names that table -----------------------


@pytest.mark.parametrize(
    "catalog, text, shape",
    [
        (
            "telecom",
            "weekly recharge totals by channel",
            ("billing.payments", [("sum", "amount")], ["channel"], ("paid_at", "week")),
        ),
        (
            "telecom",
            "number of top-ups per day",
            ("billing.payments", [("count", None)], [], ("paid_at", "day")),
        ),
        (
            "logistics",
            "refuelings per vehicle per month",
            ("fleet.fuel_cards", [("count", None)], ["vehicle_id"], ("refueled_at", "month")),
        ),
        (
            "utility",
            "accruals total by tariff, monthly by period",
            ("billing.charges", [("sum", "amount")], ["tariff_id"], ("period", "month")),
        ),
    ],
)
def test_a_jargon_word_the_table_comment_explains_names_the_table(planners, catalog, text, shape):
    assert mart_shape(planners[catalog].plan(text)) == shape


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("utility", "monthly top-up amount by payment channel"),  # 'Оплаты абонентов': no top-up said
        ("hr", "top-ups by department per month"),
    ],
)
def test_a_jargon_word_no_comment_explains_is_asked(planners, catalog, text):
    _asked(planners[catalog].plan(text))


# --- 4: people counted at an event whose flag the verb names: the event table's rows ------------------


@pytest.mark.parametrize(
    "text, shape, where",
    [
        (
            "Сколько студентов присутствовало на занятиях по неделям, по курсам",
            ("attendance", [("count_distinct", "student_id")], ["course_id"], ("lesson_date", "week")),
            "present = true",
        ),
        (
            "Сколько студентов присутствовало на занятиях по дням",
            ("attendance", [("count_distinct", "student_id")], [], ("lesson_date", "day")),
            "present = true",
        ),
        (
            "Сколько студентов не присутствовало на занятиях в разрезе курсов",
            ("attendance", [("count_distinct", "student_id")], ["course_id"], None),
            "present = false",
        ),
        (
            "сколько студентов присутствовали на занятии помесячно, по курсам (course_id)",
            ("attendance", [("count_distinct", "student_id")], ["course_id"], ("lesson_date", "month")),
            "present = true",
        ),
    ],
)
def test_people_at_a_flagged_event_count_the_event_rows(planners, text, shape, where):
    # since round 26 the students are counted (distinct student_id), not their attendance rows, unless the
    # grouping leaves one row per student (by course and day: the table's key)
    outcome = planners["univ"].plan(text)
    assert mart_shape(outcome) == shape and outcome.spec.source.mart.where == where


def test_people_with_their_own_time_verb_stay_the_register(planners):
    outcome = planners["hr"].plan("Сколько сотрудников уволено по отделам помесячно")
    assert mart_of(outcome)["table"] == "employees"


# --- 5: «только <fact noun> <flag phrase>»: the flag, never the noun as a value ------------------------


@pytest.mark.parametrize(
    "catalog, text, table, where",
    [
        (
            "telecom",
            "Сколько звонков по сотам помесячно, только звонки в роуминге",
            "network.calls",
            "is_roaming = true",
        ),
        (
            "telecom",
            "Средняя длительность звонков по направлению, только звонков в роуминге",
            "network.calls",
            "is_roaming = true",
        ),
        (
            "utility",
            "Количество счётчиков по моделям, только счётчики с телеметрией",
            "metering.meters",
            "is_smart = true",
        ),
    ],
)
def test_the_fact_noun_repeated_in_a_flag_filter_is_no_value(planners, catalog, text, table, where):
    outcome = planners[catalog].plan(text)
    assert mart_of(outcome)["table"] == table and outcome.spec.source.mart.where == where


def test_the_fact_noun_before_a_comparison_still_reads(planners):
    outcome = planners["logistics"].plan(
        "Количество отправлений по статусам, только отправления весом больше 5 кг"
    )
    assert outcome.spec.source.mart.where == "weight_kg > 5"


def test_the_fact_noun_with_an_unknown_value_is_still_asked(planners):
    _asked(planners["telecom"].plan("Сколько звонков по сотам, только звонки абракадабра"))


# --- added after the rules: more catalogs and forms of the same families (2 of these 5 failed before them:
# the two cuts and «отработано (hours)»; the others were controls that already passed) ----------------------


def test_two_cuts_in_one_request_are_both_written_out(planners):
    assert mart_shape(planners["hr"].plan("Кол-во сотр. по отд.")) == (
        "employees",
        [("count", None)],
        ["department_id"],
        None,
    )


def test_a_bracketed_column_after_a_worked_participle_is_summed(planners):
    shape = mart_shape(planners["hr"].plan("Сколько отработано (hours) по сотрудникам помесячно"))
    assert shape == ("timesheets", [("sum", "hours")], ["employee_id"], ("work_date", "month"))


def test_a_bracketed_text_column_after_a_participle_is_asked_in_another_catalog(planners):
    _asked(planners["univ"].plan("Сколько выдано (book_title) по студентам"))


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("shop", "Сумма заказов по дням, только заказы в статусе paid", "status = 'paid'"),
        ("telecom", "call count by direction, only calls in roaming", "is_roaming = true"),
    ],
)
def test_the_fact_noun_before_a_prepositional_condition(planners, catalog, text, where):
    assert planners[catalog].plan(text).spec.source.mart.where == where
