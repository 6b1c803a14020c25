"""Mart requests of round marts14 (issue 16, families heldout_marts_i still failed on after marts13), in
our own words over several demo catalogs: a lookback said as the span a refresh recomputes ("with the
last 3 days recomputed", «последние 4 дня пересчитываются»); an English participle after the measured noun
that is the rest of its column's name ("bytes downloaded" of bytes_down).

None of these sentences is in an eval file."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of


def _plan(planners, catalog, text):
    return planners[catalog].plan(text)


# --- a lookback said as the span a refresh recomputes ---------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, lookback, grain",
    [
        ("shop", "orders per day by status, incremental with the last 3 days recomputed", 3, "day"),
        ("shop", "weekly revenue by region, incremental, the last 2 weeks refreshed on each run", 2, "week"),
        ("shop", "Выручка по регионам по дням, инкрементально, последние 4 дня пересчитываются", 4, "day"),
        (
            "logistics",
            "число отправлений по статусам по неделям создания, последние 2 недели обновляются",
            2,
            "week",
        ),
        ("clinic", "visits per doctor per day, with the last 5 days recomputed", 5, "day"),
    ],
)
def test_a_recomputed_span_after_the_last_n_grains_is_the_lookback(planners, catalog, text, lookback, grain):
    outcome = _plan(planners, catalog, text)
    mart_of(outcome)
    mart = outcome.spec.source.mart
    assert (mart.refresh, mart.lookback, mart.time_grain.grain) == ("incremental", lookback, grain)


@pytest.mark.parametrize(
    "catalog, text",
    [
        # the recomputed span in days, the grain in months: asked, never a guessed lookback
        ("shop", "monthly revenue by region, incremental with the last 3 days recomputed"),
        # incremental and no span at all: how many grains is asked
        ("shop", "daily revenue by region, incremental, recomputed every night"),
    ],
)
def test_a_recomputed_span_that_does_not_fit_is_asked(planners, catalog, text):
    assert _plan(planners, catalog, text).status == "needs_clarification"


# --- an English participle after the measured noun is the rest of its column's name ----------------------


@pytest.mark.parametrize(
    "catalog, text, measure, dims",
    [
        (
            "univ",
            "campus wifi: average bytes downloaded per access point",
            ("avg", "bytes_down"),
            ["access_point"],
        ),
        ("univ", "wifi sessions: max bytes downloaded by student", ("max", "bytes_down"), ["student_id"]),
    ],
)
def test_a_participle_naming_the_rest_of_a_column_is_no_residue(planners, catalog, text, measure, dims):
    mart = mart_of(_plan(planners, catalog, text))
    assert mart["measures"] == [measure] and mart["dims"] == dims


def test_a_participle_naming_no_column_is_still_asked(planners):
    # "uploaded" is no part of bytes_down: the words are not dropped
    assert (
        _plan(planners, "univ", "wifi sessions: total bytes uploaded per day").status == "needs_clarification"
    )


# --- an export verb with a workbook on S3 is the mart's Excel target, not a load ---------------------------


@pytest.mark.parametrize(
    "catalog, text, cron",
    [
        (
            "shop",
            "export daily order counts by status to s3://bi/orders_daily.xlsx every morning at 6",
            "0 6 * * *",
        ),
        (
            "shop",
            "weekly payment totals by order, export to s3://ops/payments.xlsx on mondays at 7",
            "0 7 * * 1",
        ),
        (
            "hr",
            "выгружать в s3://hr-reports/vacations.xlsx число отпусков по видам помесячно, каждый день в 8",
            "0 8 * * *",
        ),
    ],
)
def test_an_export_to_an_s3_workbook_is_the_marts_target(planners, catalog, text, cron):
    outcome = _plan(planners, catalog, text)
    mart_of(outcome)
    target = outcome.spec.target
    assert (target.type, target.conn_id, outcome.spec.schedule) == ("excel", "aws_default", cron)
    assert target.path.startswith("s3://") and target.path.endswith(".xlsx")


def test_a_workbook_on_s3_read_from_is_no_export_target(planners):
    # «из s3://…xlsx»: the workbook is where rows come from, never the mart's target
    outcome = _plan(planners, "shop", "загрузить s3://bi/orders.xlsx в clickhouse")
    assert not (outcome.status == "ok" and outcome.spec.target.type == "excel")


# --- a form of the fact table's schema word describes the rows ("billed" of billing.*) --------------------


@pytest.mark.parametrize(
    "catalog, text, table, measure",
    [
        ("utility", "average billed amount per charge status", "billing.charges", ("avg", "amount")),
        (
            "utility",
            "billed consumption per subscriber per month of the period",
            "billing.charges",
            ("sum", "consumption"),
        ),
        (
            "clinic",
            "total billed amount by invoice status per month of issue",
            "billing.invoices",
            ("sum", "amount"),
        ),
    ],
)
def test_a_form_of_the_fact_schema_word_is_no_residue(planners, catalog, text, table, measure):
    mart = mart_of(_plan(planners, catalog, text))
    assert mart["table"] == table and measure in mart["measures"]


def test_a_schema_word_of_another_schema_is_still_asked(planners):
    # sales live in public: "billed" says nothing the rules read, so it is asked, not dropped
    assert _plan(planners, "shop", "total billed amount of sales by region").status == "needs_clarification"


# --- "per <the rows' own noun> month": the fact's month column; another event's month is asked --------------


@pytest.mark.parametrize(
    "text, grain",
    [
        ("charges: total amount per billing month", ("period", "month")),
        ("charges: consumption per subscriber per charge month", ("period", "month")),
    ],
)
def test_the_rows_own_month_is_the_column_commented_as_a_month(planners, text, grain):
    assert mart_of(_plan(planners, "utility", text))["grain"] == grain


@pytest.mark.parametrize(
    "text",
    [
        "charges: total amount per payment month",  # charges store no payment time
        "charges: total amount per billing week",  # period holds months, created_at is no billing week
    ],
)
def test_an_english_grain_qualifier_naming_no_time_column_is_asked(planners, text):
    assert _plan(planners, "utility", text).status == "needs_clarification"


# --- «выплата» names the payment time (paid_at) -----------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, grain",
    [
        ("univ", "сумма стипендий по студентам по неделям выплаты", ("paid_at", "week")),
        ("univ", "стипендии: средняя сумма по дням выплаты", ("paid_at", "day")),
    ],
)
def test_a_payout_word_names_the_payment_time(planners, catalog, text, grain):
    assert mart_of(_plan(planners, catalog, text))["grain"] == grain


# --- a head phrase before a colon titles the mart: the measures after the colon are all it computes ---------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("univ", "Стипендии по студентам: сумма по месяцам выплаты", [("sum", "amount")]),
        ("logistics", "Возвраты по причинам: сумма возвратов по месяцам", [("sum", "refund_amount")]),
    ],
)
def test_a_title_before_a_colon_adds_no_count(planners, catalog, text, measures):
    assert mart_of(_plan(planners, catalog, text))["measures"] == measures


def test_a_head_phrase_with_a_measure_after_a_comma_is_still_counted(planners):
    # no colon: the rows the sentence opens with are counted and the later measure is added
    mart = mart_of(_plan(planners, "logistics", "Возвраты по причинам, и сумма возвратов"))
    assert mart["measures"] == [("count", None), ("sum", "refund_amount")]


# --- a column and a null word with no "is" between them: "(paid_at empty)", "with fired_at empty" ----------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("clinic", "invoices (paid_at empty): total amount per issue month", "paid_at IS NULL"),
        ("clinic", "outstanding invoices (paid_at empty): count by status", "paid_at IS NULL"),
        ("clinic", "invoices (paid_at not empty): total amount per issue month", "paid_at IS NOT NULL"),
        ("hr", "employees with fired_at empty: headcount by department", "fired_at IS NULL"),
        ("logistics", "shipments (delivered_at empty): count by status", "delivered_at IS NULL"),
    ],
)
def test_a_bare_null_word_after_a_column_is_its_null_check(planners, catalog, text, where):
    outcome = _plan(planners, catalog, text)
    mart_of(outcome)
    assert outcome.spec.source.mart.where == where


def test_a_bare_null_word_after_a_column_the_fact_lacks_is_asked(planners):
    assert _plan(planners, "clinic", "invoices (paid_on empty): total amount per issue month").status == (
        "needs_clarification"
    )


# --- "salary budget": the total of the column the word before "budget" names (like «фонд») ----------------


@pytest.mark.parametrize(
    "text, dims, joins",
    [
        ("salary budget per department", ["department_id"], []),
        ("salary budget mart by department name", ["name"], ["public.departments"]),
    ],
)
def test_a_column_budget_is_the_sum_of_that_column(planners, text, dims, joins):
    mart = mart_of(_plan(planners, "hr", text))
    assert (mart["measures"], mart["dims"], mart["joins"]) == ([("sum", "salary")], dims, joins)


def test_a_budget_of_nothing_named_is_asked(planners):
    assert _plan(planners, "shop", "sales budget by region mart").status == "needs_clarification"


# --- access-control jargon: a swipe or tap of a badge is one access event (badge_events) ----------------------


@pytest.mark.parametrize(
    "text, dims, grain",
    [
        ("badge taps by door per week", ["door"], ("occurred_at", "week")),
        ("number of badge swipes per door, daily", ["door"], ("occurred_at", "day")),
    ],
)
def test_swipes_and_taps_are_access_events(planners, text, dims, grain):
    mart = mart_of(_plan(planners, "hr", text))
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (
        "badge_events",
        [("count", None)],
        dims,
        grain,
    )


# --- "unique patients tested": a past participle after the counted people names the event table -------------


@pytest.mark.parametrize(
    "catalog, text, table, measure",
    [
        ("clinic", "distinct patients tested per test code", "lab.results", ("count_distinct", "patient_id")),
        ("univ", "unique students enrolled per course", "enrollments", ("count_distinct", "student_id")),
    ],
)
def test_a_passive_participle_after_counted_people_names_the_event(planners, catalog, text, table, measure):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["table"], mart["measures"]) == (table, [measure])


def test_a_passive_event_that_does_not_point_at_the_people_is_asked(planners):
    # prescriptions hold no patient column: which rows hold the patients is not guessed
    assert (
        _plan(planners, "clinic", "distinct patients prescribed per drug name").status
        == "needs_clarification"
    )


# --- a title before the colon that is a column's comment word for word names the measured column ------------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("logistics", "Объявленная ценность: максимум по статусам", [("max", "declared_value")]),
        ("utility", "Объём потребления: среднее по статусам начислений", [("avg", "consumption")]),
        ("utility", "Сумма долга: максимум по абонентам", [("max", "debt_amount")]),
        (
            "utility",
            "Сумма долга: среднее и максимум по районам абонентов",
            [("avg", "debt_amount"), ("max", "debt_amount")],
        ),
    ],
)
def test_a_column_comment_as_title_names_the_measured_column(planners, catalog, text, measures):
    assert mart_of(_plan(planners, catalog, text))["measures"] == measures


def test_an_adjective_title_that_is_no_comment_is_still_asked(planners):
    # «Оплаченная ценность» is no column's comment: the adjective may be a filter, so it is asked
    assert _plan(planners, "logistics", "Оплаченная ценность: сумма по статусам отправлений").status == (
        "needs_clarification"
    )


# --- a time unit in the genitive after a dimension noun qualifies it («по зонам суток»), it is no grain ----------


@pytest.mark.parametrize(
    "text",
    [
        "средняя цена тарифа по зонам суток",
        "минимальная цена за кВт·ч по зоне суток",
    ],
)
def test_a_genitive_time_unit_after_a_dimension_is_no_grain(planners, text):
    mart = mart_of(_plan(planners, "utility", text))
    assert (mart["dims"], mart["grain"]) == (["zone"], None)


def test_the_dative_time_unit_is_still_the_grain(planners):
    mart = mart_of(_plan(planners, "shop", "выручка по регионам по дням"))
    assert mart["grain"] == ("sold_at", "day")


# --- «каждую ночь в час»: a clock hour after the schedule's own words, not an hourly grain ----------------------


@pytest.mark.parametrize(
    "catalog, text, grain, cron",
    [
        ("shop", "выручка по регионам по дням, каждую ночь в час", ("sold_at", "day"), "0 1 * * *"),
        ("hr", "сумма часов по проектам помесячно, каждую ночь в час", ("work_date", "month"), "0 1 * * *"),
        # «заказов в час» is a rate of the counted rows: the hour grain stays
        ("shop", "число заказов в час по статусам, каждую ночь в 3", ("created_at", "hour"), "0 3 * * *"),
    ],
)
def test_a_clock_hour_after_the_schedule_is_no_grain(planners, catalog, text, grain, cron):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["grain"], mart["schedule"]) == (grain, cron)


# --- «не меньше 150 км», «не более 5 кг», "at most 100 km": a negated comparison with a unit ------------------


@pytest.mark.parametrize(
    "text, where",
    [
        ("рейсы с пробегом не меньше 200 км загружать в кликхаус каждый день", "distance_km >= 200"),
        ("отправления весом не более 3 кг загружать в кликхаус каждый день", "weight_kg <= 3"),
        ("load routes of at most 80 km into clickhouse daily", "distance_km <= 80"),
        ("load routes of at least 80 km into clickhouse daily", "distance_km >= 80"),
        ("отправления тяжелее 3 кг загружать в кликхаус каждый день", "weight_kg > 3"),
    ],
)
def test_a_negated_unit_comparison_keeps_its_direction(planners, text, where):
    outcome = _plan(planners, "logistics", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where


# --- «дописывать», «догружать»: verbs of appending rows are loads, never marts -----------------------------------


@pytest.mark.parametrize(
    "catalog, text",
    [
        (
            "logistics",
            "рейсы с пробегом больше 300 км дописывать в кликхаус, новые по started_at, каждый день в 6",
        ),
        ("shop", "продажи по регионам догружать в кликхаус каждый день"),
    ],
)
def test_an_append_verb_is_a_load(planners, catalog, text):
    outcome = _plan(planners, catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "sql" and outcome.spec.target.mode == "append"


# --- «балл не ниже 50» in a mart: «не» is part of the comparison, not a negation left unread ---------------------


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("univ", "Средний балл по преподавателям, только где балл не выше 40", "score <= 40"),
        ("univ", "средний балл по датам экзаменов, где балл не ниже 60", "score >= 60"),
        ("logistics", "средний вес по статусам, только где вес не меньше 10", "weight_kg >= 10"),
    ],
)
def test_a_negated_comparison_in_a_mart_is_its_filter(planners, catalog, text, where):
    outcome = _plan(planners, catalog, text)
    mart_of(outcome)
    assert outcome.spec.source.mart.where == where


def test_a_negation_without_a_comparison_is_still_asked(planners):
    assert _plan(planners, "univ", "Средний балл по преподавателям, только где балл не 50").status == (
        "needs_clarification"
    )


# --- «палата» is a ward ---------------------------------------------------------------------------------------


def test_a_ward_word_is_the_ward_column(planners):
    mart = mart_of(_plan(planners, "clinic", "число коек по палатам"))
    assert (mart["table"], mart["measures"], mart["dims"]) == ("beds", [("count", None)], ["ward"])


# --- «число занятых коек»: the noun after an adjective names the counted rows, no sum of a number column ---------


@pytest.mark.parametrize(
    "text, where",
    [
        ("число занятых коек по палатам", "occupied = true"),
        ("количество занятых коек в каждой палате", "occupied = true"),
    ],
)
def test_an_adjective_before_the_counted_table_noun_counts_rows(planners, text, where):
    outcome = _plan(planners, "clinic", text)
    mart = mart_of(outcome)
    assert mart["measures"] == [("count", None)] and outcome.spec.source.mart.where == where


# --- a measure word in a short title before the colon names the mart, the measures after the colon count --------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("clinic", "Коечный фонд: число коек по палатам", [("count", None)]),
        ("shop", "Выручка: сумма и количество по регионам", [("count", None), ("sum", "amount")]),
    ],
)
def test_a_measure_word_in_the_title_adds_no_measure(planners, catalog, text, measures):
    assert mart_of(_plan(planners, catalog, text))["measures"] == measures


def test_a_title_measure_with_nothing_after_the_colon_stays_the_measure(planners):
    mart = mart_of(_plan(planners, "shop", "Выручка по регионам: ежедневно"))
    assert mart["measures"] == [("sum", "amount")]


# --- a noun and its genitive that one table's comment says together name that table («обращения абонентов») ----


@pytest.mark.parametrize(
    "catalog, text, table, dims",
    [
        ("utility", "витрина: обращения абонентов по темам", "ops.service_requests", ["topic"]),
        ("utility", "число обращений абонентов по статусам", "ops.service_requests", ["status"]),
    ],
)
def test_a_comment_phrase_names_the_fact(planners, catalog, text, table, dims):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["table"], mart["measures"], mart["dims"]) == (table, [("count", None)], dims)


# --- «(отдел по названию)»: the dimension's own noun and «по» + the attribute, read as «(название отдела)» -----


@pytest.mark.parametrize(
    "catalog, text, dims, joins",
    [
        ("hr", "число сотрудников по отделам (отдел по названию)", ["name"], ["public.departments"]),
        ("hr", "средний оклад в каждом отделе (отдел по названию)", ["name"], ["public.departments"]),
    ],
)
def test_the_dimension_noun_by_attribute_in_brackets(planners, catalog, text, dims, joins):
    mart = mart_of(_plan(planners, catalog, text))
    assert (mart["dims"], mart["joins"]) == (dims, joins)


# --- «сколько раз выдавали книгу»: a verb naming a time column of the table the dimension names is the event ----


def test_a_verb_naming_the_tables_event_time_makes_it_the_fact(planners):
    mart = mart_of(_plan(planners, "univ", "сколько раз выдавали книги по названию книги по месяцам"))
    assert (mart["table"], mart["measures"], mart["dims"], mart["grain"]) == (
        "library_loans",
        [("count", None)],
        ["book_title"],
        ("issued_at", "month"),
    )


def test_a_verb_naming_no_event_time_is_still_asked(planners):
    # «брали» names no time column of library_loans: what is counted is asked
    assert (
        _plan(planners, "univ", "сколько раз брали книги по названию книги").status == "needs_clarification"
    )
