"""Mart requests of round marts19 (issue 16, the four wrong-confident families of heldout_marts_m), in our own
words over several demo catalogs (none of these sentences is in an eval file): the fact table's own noun after
«по»/"per" next to a real dimension, a bare measure word after a comma (it names the aggregate, the title's
rows are not counted as well), a time column bracketed after a dimension (the grain's column; the dimension
stays), and "daily <rows> by X" read as a mart (so a join with two paths is asked, never a silent copy)."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of, mart_shape, mart_where

# --- 1: the fact's own noun after «по» is the rows, never its date column ---------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims, grain",
    [
        ("logistics", "Суммарный пробег по маршрутам в разрезе курьеров", "routes",
         [("sum", "distance_km")], ["courier_id"], None),
        ("logistics", "Число остановок по маршрутам в разрезе курьеров", "routes",
         [("sum", "stops")], ["courier_id"], None),
        ("logistics", "Пробег по маршрутам, в разрезе курьеров, по месяцам", "routes",
         [("sum", "distance_km")], ["courier_id"], ("route_date", "month")),
        ("clinic", "Средняя длительность по визитам в разрезе врачей", "visits",
         [("avg", "duration_min")], ["doctor_id"], None),
        ("clinic", "average duration per visit by doctor", "visits",
         [("avg", "duration_min")], ["doctor_id"], None),
    ],
)  # fmt: skip
def test_the_facts_noun_after_po_is_no_date_dimension(planners, catalog, text, table, measures, dims, grain):
    assert mart_shape(planners[catalog].plan(text)) == (table, sorted(measures), dims, grain)


def test_the_facts_noun_with_a_join_dimension(planners):
    mart = mart_of(planners["logistics"].plan("total distance per route by vehicle model"))
    assert (mart["measures"], mart["dims"]) == ([("sum", "distance_km")], ["model"])
    assert mart["joins"] == ["fleet.vehicles", "public.couriers"]


def test_an_adjective_naming_the_fact_still_qualifies_the_grain(planners):
    # «по расчётному месяцу»: «расчётному» is an adjective (charges' period), not the table's noun
    mart = mart_of(
        planners["utility"].plan("Начисления по тарифам (название тарифа), сумма, по расчётному месяцу")
    )
    assert mart["grain"] == ("period", "month")


# --- 2: a bare measure word after a comma says what of the title's rows ------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims, grain",
    [
        ("utility", "Начисления по тарифам, сумма", "billing.charges", [("sum", "amount")], ["tariff_id"], None),
        ("logistics", "Заправки по машинам, сумма, помесячно", "fleet.fuel_cards", [("sum", "amount")],
         ["vehicle_id"], ("refueled_at", "month")),
        ("logistics", "Возвраты по причинам, сумма", "returns", [("sum", "refund_amount")], ["reason"], None),
        ("telecom", "Платежи по абонентам, сумма, по месяцам", "billing.payments", [("sum", "amount")],
         ["subscriber_id"], ("paid_at", "month")),
        ("telecom", "payments per subscriber, sum, monthly", "billing.payments", [("sum", "amount")],
         ["subscriber_id"], ("paid_at", "month")),
        ("shop", "sales per region, total, per month", "sales", [("sum", "amount")], ["region"],
         ("sold_at", "month")),
        ("logistics", "returns by reason, total", "returns", [("sum", "refund_amount")], ["reason"], None),
    ],
)  # fmt: skip
def test_a_bare_measure_after_a_comma_is_the_only_measure(
    planners, catalog, text, table, measures, dims, grain
):
    assert mart_shape(planners[catalog].plan(text)) == (table, sorted(measures), dims, grain)


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        # a measure joined by «и»/"and"/"with", or one with its own object, is added to the rows' count
        ("logistics", "Возвраты по причинам и сумма возвратов", [("count", None), ("sum", "refund_amount")]),
        ("clinic", "Visits per diagnosis code, with the average duration",
         [("avg", "duration_min"), ("count", None)]),
        ("shop", "sales per region, total and count", [("count", None), ("sum", "amount")]),
        ("clinic", "Визиты по врачам, количество", [("count", None)]),
    ],
)  # fmt: skip
def test_a_joined_measure_still_adds_to_the_count(planners, catalog, text, measures):
    assert mart_of(planners[catalog].plan(text))["measures"] == sorted(
        measures, key=lambda m: (m[0], m[1] or "")
    )


# --- 3: a time column bracketed after a dimension is the grain's column; the dimension stays ---------------


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims, grain",
    [
        ("shop", "weekly order count by status (created_at)", "orders", [("count", None)], ["status"],
         ("created_at", "week")),
        ("shop", "monthly AOV by status (orders created_at)", "orders", [("avg", "total")], ["status"],
         ("created_at", "month")),
        ("shop", "monthly revenue per region (sales sold_at)", "sales", [("sum", "amount")], ["region"],
         ("sold_at", "month")),
        ("shop", "Средний чек по статусам (orders created_at), понедельно", "orders", [("avg", "total")],
         ["status"], ("created_at", "week")),
        ("clinic", "daily visits by doctor (visits visit_date)", "visits", [("count", None)], ["doctor_id"],
         ("visit_date", "day")),
    ],
)  # fmt: skip
def test_a_bracketed_time_column_after_a_dimension_is_the_grains(planners, catalog, text, table, measures, dims,
                                                                 grain):  # fmt: skip
    assert mart_shape(planners[catalog].plan(text)) == (table, sorted(measures), dims, grain)


@pytest.mark.parametrize("text", ["ARPU by region per month", "АРПУ по регионам помесячно"])
def test_jargon_the_mart_cannot_compute_is_asked(shop, text):
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification"
    assert any("АРПУ" in q or "ARPU" in q for q in outcome.questions)


# --- 4: "daily <rows> by X" is a mart; a join with two paths is asked ---------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims, grain",
    [
        ("clinic", "daily visits by diagnosis", "visits", ["diagnosis_code"], ("visit_date", "day")),
        ("clinic", "weekly visits by doctor", "visits", ["doctor_id"], ("visit_date", "week")),
        ("shop", "daily orders by status", "orders", ["status"], ("created_at", "day")),
        ("shop", "weekly signups by source", "crm.leads", ["source"], ("created_at", "week")),
    ],
)  # fmt: skip
def test_a_grain_adjective_before_the_rows_and_by_is_a_mart(planners, catalog, text, table, dims, grain):
    assert mart_shape(planners[catalog].plan(text)) == (table, [("count", None)], dims, grain)


@pytest.mark.parametrize(
    "text", ["daily visits by doctor and by patient gender", "weekly visits by diagnosis and patient gender"]
)
def test_a_dimension_along_two_join_paths_is_asked(clinic, text):
    outcome = clinic.plan(text)
    assert outcome.status == "needs_clarification"
    assert any("patients" in q and "2" in q for q in outcome.questions)


@pytest.mark.parametrize(
    "catalog, text",
    [
        ("clinic", "Load prescriptions daily at 1am, dropping duplicates by visit_id"),
        ("hr", "departments to clickhouse weekly on monday 6am, upsert by id"),
    ],
)
def test_a_keyed_by_in_a_load_is_no_grouping(planners, catalog, text):
    outcome = planners[catalog].plan(text)
    assert outcome.spec is None or outcome.spec.source.type != "mart"


# --- misses: two bare measures after a comma, "peak", «только <column noun> 'value'» -----------------------


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("telecom", "Платежи по абонентам, сумма и максимум, по месяцам", [("max", "amount"), ("sum", "amount")]),
        ("telecom", "payments per subscriber, sum and max, monthly", [("max", "amount"), ("sum", "amount")]),
        ("logistics", "Возвраты по причинам, сумма и среднее", [("avg", "refund_amount"), ("sum", "refund_amount")]),
        # «количество» in the list is a count of its own, next to the sum
        ("logistics", "Возвраты по причинам, сумма и количество", [("count", None), ("sum", "refund_amount")]),
        ("utility", "peak voltage and avg kwh per meter per hour", [("avg", "kwh"), ("max", "voltage")]),
        ("logistics", "peak stops per courier per week", [("max", "stops")]),
        ("telecom", "peak call duration per subscriber per day", [("max", "duration_sec")]),
    ],
)  # fmt: skip
def test_measure_lists_and_peak(planners, catalog, text, measures):
    assert mart_of(planners[catalog].plan(text))["measures"] == sorted(
        measures, key=lambda m: (m[0], m[1] or "")
    )


@pytest.mark.parametrize("text", ["orders per hour at peak", "orders per region in peak hours"])
def test_peak_with_no_column_is_no_measure(shop, text):
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    "catalog, text, where",
    [
        ("hr", "сколько часов по сотрудникам помесячно, только проект 'Apollo'", "project = 'Apollo'"),
        ("hr", "Часы по сотрудникам помесячно, только по проекту 'Apollo'", "project = 'Apollo'"),
        ("hr", "Часы по сотрудникам помесячно, только проект Apollo", "project = 'Apollo'"),
        ("shop", "Выручка по дням, только регион north", "region = 'north'"),
        ("shop", "Выручка по регионам по месяцам, только регион 'north'", "region = 'north'"),
    ],
)
def test_only_a_column_noun_and_a_value_is_a_filter(planners, catalog, text, where):
    assert mart_where(planners[catalog].plan(text)) == where


def test_only_a_noun_naming_no_column_is_asked(shop):
    outcome = shop.plan("Выручка по дням, только категория 'books'")
    assert outcome.status == "needs_clarification" and "категория" in outcome.questions[0]


@pytest.mark.parametrize(
    "catalog, text, measures, dims",
    [
        ("logistics", "stops per courier per week, sum", [("sum", "stops")], ["courier_id"]),
        ("logistics", "Остановки по курьерам по неделям, максимум", [("max", "stops")], ["courier_id"]),
        ("logistics", "distance per courier, avg and max", [("avg", "distance_km"), ("max", "distance_km")],
         ["courier_id"]),
    ],
)  # fmt: skip
def test_a_head_column_with_bare_measures_after_a_comma(planners, catalog, text, measures, dims):
    mart = mart_of(planners[catalog].plan(text))
    assert (mart["measures"], mart["dims"]) == (sorted(measures), dims)


@pytest.mark.parametrize(
    "catalog, text, measures",
    [
        ("logistics", "кол-во остановок максимум по курьерам помесячно", [("max", "stops")]),
        ("hr", "кол-во часов среднее по сотрудникам помесячно", [("avg", "hours")]),
    ],
)
def test_an_aggregate_word_after_a_count_phrase_picks_it(planners, catalog, text, measures):
    assert mart_of(planners[catalog].plan(text))["measures"] == measures


def test_an_aggregate_word_after_a_sum_phrase_is_still_asked(shop):
    # «сумма продаж максимум»: the max of which sales column (amount, quantity) is asked, never a sum and a max
    assert shop.plan("сумма продаж максимум по регионам").status == "needs_clarification"
