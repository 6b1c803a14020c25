"""Mart requests of round marts17 (issue 16: the families the scored mart batches still failed on, and the
ones earlier sessions noticed), in our own words over several demo catalogs (none of these sentences is in an
eval file): a frequency word on a refresh noun ("monthly refresh", «ежемесячное обновление») is the schedule,
not a grain; a relative clause «у которых …» is a row condition like где/where; an adjective and its noun
(«по страховым полисам») are one dimension; a size noun («размер», «величина», «выработка», "size") names
nothing of its own and a unit «в штуках»/"in units" measures the quantity column."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.marts import is_mart_request
from tests.unit.test_planner_marts import mart_of, mart_shape, mart_where

# --- F1: a frequency word on a refresh noun is the schedule ----------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, schedule, grain",
    [
        # before: "monthly" was read as a month grain and the mart had no schedule
        ("shop", "revenue by region from sales, monthly refresh", "0 0 1 * *", None),
        ("shop", "revenue by region per day, with a monthly rebuild", "0 0 1 * *", ("sold_at", "day")),
        ("shop", "daily revenue by region, weekly refresh", "0 0 * * 1", ("sold_at", "day")),
        ("shop", "выручка по регионам, ежемесячное обновление", "0 0 1 * *", None),
        ("shop", "ежедневная выручка по регионам, ежемесячное обновление", "0 0 1 * *", ("sold_at", "day")),
        ("shop", "сумма продаж по категориям, еженедельный пересчёт", "0 0 * * 1", None),
        ("hr", "сумма часов по сотрудникам из табеля по дням, ежемесячное обновление", "0 0 1 * *",
         ("work_date", "day")),
    ],
)  # fmt: skip
def test_a_frequency_on_a_refresh_noun_is_the_schedule(planners, catalog, text, schedule, grain):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["schedule"], mart["grain"]) == (schedule, grain)


def test_a_frequency_adjective_on_the_measure_is_still_the_grain(planners):
    mart = mart_of(planners["shop"].plan("monthly revenue by region, refreshed daily"))
    assert (mart["grain"], mart["schedule"]) == (("sold_at", "month"), "0 0 * * *")


# --- F2: «у которых …» is a row condition, not a mart ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "дисциплины, у которых зачётных единиц (credits) больше 4, в клик ежедневно",
        "дисциплины, у которых зачётных единиц больше 4, в клик ежедневно",
        "дисциплины, в которых зачётных единиц больше 4, грузить каждый день",
    ],
)
def test_a_relative_clause_comparing_a_count_word_is_a_load_filter(planners, text):
    assert not is_mart_request(tokenize(text))
    outcome = planners["univ"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "sql" and outcome.spec.source.where == "credits > 4"


def test_a_relative_clause_does_not_hide_a_real_mart():
    assert is_mart_request(tokenize("число дисциплин по семестрам"))


# --- F3: an adjective and its noun are one dimension ------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims, joins",
    [
        # before: «страховым» and «полисам» were two dimensions, «страховым» asked about
        ("clinic", "сумма счетов по страховым полисам", "billing.invoices", ["insurance_policy"], []),
        ("clinic", "количество счетов по страховым полисам по месяцам оплаты", "billing.invoices",
         ["insurance_policy"], []),
        ("shop", "выручка по товарным категориям", "sales", ["category"], ["public.products"]),
        ("shop", "сумма продаж по торговым регионам", "sales", ["region"], []),
    ],
)  # fmt: skip
def test_an_adjective_and_its_noun_are_one_dimension(planners, catalog, text, table, dims, joins):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["dims"], mart["joins"]) == (table, dims, joins)


def test_an_adjective_phrase_naming_no_column_is_asked_as_written(planners):
    outcome = planners["shop"].plan("выручка по платёжным методам")
    assert outcome.status == "needs_clarification"
    assert "«платёжным методам»" in outcome.questions[0]


# --- F4: a size noun and a unit of pieces -----------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        # before: «размер», «величина», «выработка» were asked about; "in units" did not pick the column
        ("shop", "средний размер продажи в штуках по регионам", [("avg", "quantity")]),
        ("shop", "средняя величина продажи в штуках по регионам", [("avg", "quantity")]),
        ("shop", "максимальный объём продажи в штуках по регионам", [("max", "quantity")]),
        ("shop", "average size of a sale in units by region", [("avg", "quantity")]),
        ("shop", "average sale in units by region", [("avg", "quantity")]),
        ("hr", "средняя выработка часов по сотрудникам из табеля", [("avg", "hours")]),
        ("hr", "суммарная выработка часов по сотрудникам из табеля", [("sum", "hours")]),
    ],
)
def test_a_size_noun_names_nothing_and_pieces_are_the_quantity(planners, catalog, text, measures):
    assert mart_shape(planners[catalog].plan(text))[1] == measures


def test_pieces_of_a_table_with_no_quantity_column_are_asked(planners):
    outcome = planners["hr"].plan("средняя выработка в штуках по сотрудникам из табеля")
    assert outcome.status == "needs_clarification"


# --- F5: English grain words after a two-word dimension, and "on <event> date" ------------------------------


@pytest.mark.parametrize(
    "catalog, text, dims, grain, joins",
    [
        # before: "order status weekly" was read as one three-word dimension
        ("shop", "payments sum per order status monthly", ["status"], ("paid_at", "month"), ["public.orders"]),
        ("shop", "sales total per product category monthly", ["category"], ("sold_at", "month"),
         ["public.products"]),
        ("shop", "order count by customer city daily", ["city"], ("created_at", "day"), ["public.customers"]),
        # a one-word dimension then the grain word ("per district hourly")
        ("shop", "revenue per region daily", ["region"], ("sold_at", "day"), []),
        ("utility", "kwh sum per district hourly from telemetry", ["district"], ("measured_at", "hour"),
         ["metering.meters", "public.subscribers"]),
        # before: "on created date" after the grain word was not read, the time column asked
        ("logistics", "shipment count by origin hub, weekly on delivered date", ["origin_hub_id"],
         ("delivered_at", "week"), []),
        ("logistics", "avg declared value of shipments by destination hub, monthly on the delivery date",
         ["dest_hub_id"], ("delivered_at", "month"), []),
    ],
)  # fmt: skip
def test_english_grain_words_after_a_dimension(planners, catalog, text, dims, grain, joins):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["dims"], mart["grain"], mart["joins"]) == (dims, grain, joins)


# --- F6: a bracketed null check in Russian words ----------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        # before: «не» (or «только») was asked about
        ("utility", "кол-во заявок по темам по дням создания, только закрытые (closed_at не пустой)",
         "closed_at IS NOT NULL"),
        ("utility", "число заявок по темам по неделям создания, только открытые (closed_at пустой)",
         "closed_at IS NULL"),
        ("clinic", "сумма счетов по дням выставления, только неоплаченные (paid_at пусто)", "paid_at IS NULL"),
        ("clinic", "сумма счетов по дням выставления, лишь оплаченные (paid_at заполнен)", "paid_at IS NOT NULL"),
        ("utility", "request count by topic per creation day, only closed ones (closed_at not empty)",
         "closed_at IS NOT NULL"),
    ],
)  # fmt: skip
def test_a_bracketed_null_check_in_words(planners, catalog, text, where):
    assert mart_where(planners[catalog].plan(text)) == where


def test_a_null_word_on_a_column_the_fact_lacks_is_asked(planners):
    outcome = planners["utility"].plan("кол-во заявок по темам, только закрытые (finished_at не пустой)")
    assert outcome.status == "needs_clarification"


# --- F7: a bracket of slash-joined values after a dimension ------------------------------------------------


@pytest.mark.parametrize(
    "text, dims, grain",
    [
        # before: «вход выход» replaced the dimension and was asked about
        ("число проходов по направлению (вход/выход) по дням", ["direction"], ("occurred_at", "day")),
        ("число проходов по дверям и направлению (вход / выход / транзит), по неделям", ["direction", "door"],
         ("occurred_at", "week")),
        ("badge swipes per direction (in/out) per day", ["direction"], ("occurred_at", "day")),
    ],
)  # fmt: skip
def test_slash_joined_values_in_brackets_illustrate_the_dimension(planners, text, dims, grain):
    mart = mart_of(planners["hr"].plan(text))
    assert (mart["table"], mart["dims"], mart["grain"]) == ("badge_events", dims, grain)


def test_a_bracketed_attribute_word_still_names_the_column(planners):
    mart = mart_of(planners["hr"].plan("число сотрудников по отделам (название)"))
    assert mart["dims"] == ["name"]


# --- F8: words describing the grain's column before a bracketed column name ---------------------------------


@pytest.mark.parametrize(
    "text, table, grain",
    [
        # before: «hired_at» was asked about (the words between the grain and the bracket were not read)
        ("кол-во нанятых по месяцам приёма на работу (hired_at)", "employees", ("hired_at", "month")),
        ("число сотрудников по неделям приёма на работу (hired_at) по отделам", "employees", ("hired_at", "week")),
        ("кол-во кандидатов по этапам по неделям отклика на вакансию (applied_at)", "candidates",
         ("applied_at", "week")),
    ],
)  # fmt: skip
def test_words_describing_the_bracketed_grain_column(planners, text, table, grain):
    mart = mart_of(planners["hr"].plan(text))
    assert (mart["table"], mart["grain"]) == (table, grain)


def test_describing_words_that_disagree_with_the_bracketed_column_are_asked(planners):
    outcome = planners["hr"].plan("кол-во нанятых по месяцам приёма на работу (fired_at)")
    assert outcome.status == "needs_clarification"


# --- F9: a short title naming the table when no measure says of what ---------------------------------------


@pytest.mark.parametrize(
    "text, dims",
    [
        # before: asked which table (the counted noun was only in the title)
        ("кандидаты: кол-во по этапам и вакансиям", ["stage", "vacancy"]),
        ("candidates: count by stage", ["stage"]),
    ],
)
def test_a_title_names_the_counted_table(planners, text, dims):
    mart = mart_of(planners["hr"].plan(text))
    assert (mart["table"], mart["dims"]) == ("candidates", dims)


def test_a_title_disagreeing_with_the_counted_noun_is_asked(planners):
    assert planners["hr"].plan("кандидаты: кол-во сотрудников по отделам").status == "needs_clarification"


# --- F10: «на каждой <noun> <genitive>» is a dimension ------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims, joins",
    [
        # before: not read as a mart (a load of two tables was asked about)
        ("logistics", "сколько курьеров ездит на каждой модели машины", "couriers", ["model"], ["fleet.vehicles"]),
        ("shop", "число продаж на каждой категории товаров", "sales", ["category"], ["public.products"]),
    ],
)  # fmt: skip
def test_on_each_attribute_of_a_noun_is_a_dimension(planners, catalog, text, table, dims, joins):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["table"], mart["dims"], mart["joins"]) == (table, dims, joins)


def test_on_each_entity_alone_is_still_asked(planners):
    # «на каждом факультете»: the faculty's key or its name? Not decided by this rule.
    assert planners["univ"].plan("сколько студентов на каждом факультете").status == "needs_clarification"


# --- F11: a relative clause whose verb is a boolean column's comment ------------------------------------


@pytest.mark.parametrize(
    "text, where",
    [
        # before: «студент» was asked about (and the verb carried no condition)
        ("число занятий, на которых студент присутствовал, по дисциплинам по неделям", "present = true"),
        ("число занятий, на которых студент не присутствовал, по дисциплинам", "present = false"),
        ("число занятий, где студент присутствовал, по дисциплинам по месяцам", "present = true"),
    ],
)
def test_a_relative_clause_of_a_flag_verb_is_its_condition(planners, text, where):
    outcome = planners["univ"].plan(text)
    assert mart_of(outcome)["table"] == "attendance"
    assert mart_where(outcome) == where


def test_a_relative_clause_with_more_words_is_asked(planners):
    text = "число занятий, на которых студент присутствовал на лекции, по дисциплинам"
    assert planners["univ"].plan(text).status == "needs_clarification"


# --- F12: an unquoted word compared with a text column is its value -----------------------------------------


@pytest.mark.parametrize(
    "text, where",
    [
        # before: «только direction» was asked about ("in" read as a preposition)
        ("сколько разных людей заходило через каждую дверь по часам; только direction = in", "direction = 'in'"),
        ("badge event count by door, only direction = in", "direction = 'in'"),
        ("число проходов по дверям, только direction = out", "direction = 'out'"),
        ("число проходов по дверям, только direction = 'in'", "direction = 'in'"),
    ],
)  # fmt: skip
def test_an_unquoted_value_of_a_text_column(planners, text, where):
    assert mart_where(planners["hr"].plan(text)) == where


def test_a_column_compared_with_a_column_is_not_quoted(planners):
    # door = direction names two columns: not a value, left to the filter rules
    assert (
        mart_where(planners["hr"].plan("число проходов по дверям, только door = direction"))
        != "door = 'direction'"
    )


# --- F13: English modifiers listed before a measured noun ----------------------------------------------------


@pytest.mark.parametrize(
    "text, measures",
    [
        # before: "Which column should sum use: gross, net?" (only "pay" was read)
        ("net and gross pay totals by currency", [("sum", "gross"), ("sum", "net")]),
        ("gross and net pay totals by currency", [("sum", "gross"), ("sum", "net")]),
        ("net, gross pay totals by currency", [("sum", "gross"), ("sum", "net")]),
    ],
)
def test_listed_modifiers_of_a_measured_noun_are_measures(planners, text, measures):
    assert mart_shape(planners["hr"].plan(text))[1] == measures


def test_modifiers_naming_no_column_stay_words_of_the_filter(planners):
    # «paid» and «unpaid» are values of status, not columns: no measure per modifier
    outcome = planners["shop"].plan("paid and unpaid order totals by status")
    assert mart_shape(outcome)[1] == [("sum", "total")]
    assert mart_where(outcome) == "status IN ('paid', 'unpaid')"


def test_a_modifier_of_no_column_among_columns_is_asked(planners):
    assert planners["hr"].plan("net and bonus pay totals by currency").status == "needs_clarification"


# --- F14: "in a single day" of a fact whose rows are days; "hours logged" -----------------------------------


@pytest.mark.parametrize(
    "text, measures",
    [
        # before: 'logged single day' was asked about
        ("max hours in a single day per employee, by month", [("max", "hours")]),
        ("максимум часов за один день по сотрудникам помесячно", [("max", "hours")]),
        ("min hours logged in one day per employee by month", [("min", "hours")]),
        ("total hours logged per employee by month", [("sum", "hours")]),
    ],
)
def test_a_single_day_of_day_rows_and_a_logged_participle(planners, text, measures):
    mart = mart_of(planners["hr"].plan(text))
    assert (mart["table"], mart["measures"], mart["grain"]) == (
        "timesheets",
        measures,
        ("work_date", "month"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "max revenue in a single day by region",  # sales rows are single sales: the day's total is not a row
        "максимальная выручка за один день по регионам",
    ],
)
def test_a_single_day_of_rows_that_are_not_days_is_asked(planners, text):
    assert planners["shop"].plan(text).status == "needs_clarification"


def test_a_participle_after_a_word_naming_part_of_the_column_is_asked(planners):
    # "bytes uploaded" of bytes_down: the participle contradicts the rest of the column's name
    assert planners["univ"].plan("wifi sessions: max bytes uploaded per day").status == "needs_clarification"


# --- F15: "<adjective> <noun> only (<column> empty)": the bracket explains the words «only» closes -----------


@pytest.mark.parametrize(
    "text, dims",
    [
        # before: "active" was asked about although the bracket says what it means
        ("headcount per department, current employees only (fired_at empty)", ["department_id"]),
        ("число сотрудников по отделам, действующие сотрудники только (fired_at пустой)", ["department_id"]),
    ],
)
def test_only_closing_explained_words(planners, text, dims):
    outcome = planners["hr"].plan(text)
    assert mart_of(outcome)["dims"] == dims
    assert mart_where(outcome) == "fired_at IS NULL"


# --- F16: «те, у кого <column> пустой», "those where <column> empty": a null check ----------------------------


@pytest.mark.parametrize(
    "text, where",
    [
        ("число сотрудников по отделам, только те у кого fired_at не пустой", "fired_at IS NOT NULL"),
        ("число сотрудников по отделам, у которых fired_at пустой", "fired_at IS NULL"),
        ("headcount per department, only those where fired_at empty", "fired_at IS NULL"),
    ],
)
def test_a_relative_null_check_on_a_named_column(planners, text, where):
    assert mart_where(planners["hr"].plan(text)) == where
