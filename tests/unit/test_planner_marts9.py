"""Mart rules of round marts9 (issue 16, families of heldout_marts_e/f): schedule adverbs after a grain,
time columns named by verbs, fact tables, Excel paths, ClickHouse-side wording."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import shop_catalog
from tests.unit.test_planner_marts import mart_of


@pytest.mark.parametrize(
    "text, grain, schedule",
    [
        ("Выручка по регионам по неделям, ежедневно", "week", "0 0 * * *"),
        ("Revenue by region per month, weekly", "month", "0 0 * * 1"),
        ("Средний платёж по месяцам; ежечасно", "month", "0 * * * *"),
        ("Выручка по регионам, ежемесячно 1-го числа в 6:00", None, "0 6 1 * *"),
        ("Сумма продаж по регионам, еженедельно по пятницам в 8", None, "0 8 * * 5"),
    ],
)
def test_a_frequency_word_after_a_grain_is_the_schedule(shop, text, grain, schedule):
    mart = mart_of(shop.plan(text))
    assert (mart["grain"][1] if mart["grain"] else None) == grain
    assert mart["schedule"] == schedule


@pytest.mark.parametrize(
    "text, grain",
    [("Ежедневная выручка по регионам", "day"), ("Daily revenue by region", "day"),
     ("Выручка по регионам помесячно, каждый час", "month")],
)  # fmt: skip
def test_an_attributive_frequency_word_stays_the_grain(shop, text, grain):
    assert mart_of(shop.plan(text))["grain"][1] == grain


@pytest.mark.parametrize(
    "text, table, column",
    [
        ("Shipments delivered per day by status", "shipments", "delivered_at"),
        ("Routes finished per week, total distance", "routes", "finished_at"),
        ("Routes started by the month: total distance", "routes", "started_at"),
    ],
)
def test_a_participle_before_the_grain_names_its_time_column(logistics, text, table, column):
    mart = mart_of(logistics.plan(text))
    assert mart["table"] == table and mart["grain"][0] == column


def test_a_participle_naming_no_time_column_is_still_asked(logistics):
    assert logistics.plan("Shipments painted per day by hub city").status == "needs_clarification"


@pytest.mark.parametrize(
    "text, column",
    [("Число результатов по дням получения результата", "reported_at"),
     ("Число анализов по неделям сбора", "collected_at")],
)  # fmt: skip
def test_a_time_noun_with_its_object_names_the_column(clinic, text, column):
    assert mart_of(clinic.plan(text))["grain"][0] == column


def _target(outcome):
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    return outcome.spec.target


@pytest.mark.parametrize(
    "text",
    [
        "Выручка по регионам по неделям, файл s3://bi/revenue.xlsx, каждый понедельник в 9",
        "Revenue per region per week, exported to s3://bi/revenue.xlsx every Monday at 9",
        "Revenue per region per week, saved as s3://bi/revenue.xlsx",
        "Выручка по регионам по неделям, выгружать в Excel-файл s3://bi/revenue.xlsx",
    ],
)
def test_an_excel_path_after_the_dimensions_is_the_export_target(shop, text):
    target = _target(shop.plan(text))
    assert target.type == "excel" and target.path == "s3://bi/revenue.xlsx"
    assert target.conn_id == "aws_default"  # no S3 connection listed: Airflow's conventional one
    assert mart_of(shop.plan(text))["dims"] == ["region"]


def test_an_excel_export_to_s3_uses_the_one_listed_s3_connection():
    from airflow_ai_etl.catalog import ConnectionInfo

    planner = OfflinePlanner(shop_catalog((ConnectionInfo("minio_reports", "s3", "Reports bucket"),)))
    target = _target(planner.plan("Revenue per region per week, exported to s3://bi/revenue.xlsx"))
    assert target.conn_id == "minio_reports"


@pytest.fixture(scope="module")
def shop_ch():
    """The shop catalog with payments and orders listed in ClickHouse too (loaded there by a pipeline)."""
    from dataclasses import replace

    catalog = shop_catalog()
    loaded = [
        replace(t, schema="default") for t in catalog.tables["pg_shop"] if t.name in ("payments", "orders")
    ]
    return OfflinePlanner(replace(catalog, tables={**catalog.tables, "clickhouse_default": loaded}))


PLACED = [
    ("Витрина в кликхаусе поверх уже загруженной туда таблицы payments: сумма платежей по дням", "payments"),
    (
        "Using the orders table that already lives in ClickHouse, count orders per status per week there",
        "orders",
    ),
]


@pytest.mark.parametrize("text, table", PLACED)
def test_a_table_said_to_be_loaded_in_clickhouse_is_aggregated_there(shop_ch, text, table):
    outcome = shop_ch.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert (outcome.spec.source.conn_id, outcome.spec.source.table) == ("clickhouse_default", table)


@pytest.mark.parametrize("text, table", PLACED)
def test_a_table_in_clickhouse_the_catalog_does_not_list_is_asked(shop, text, table):
    outcome = shop.plan(text)  # never planned on the PostgreSQL table of that name
    assert outcome.status == "needs_clarification" and "clickhouse_default" in outcome.questions[0]


def test_a_clickhouse_target_alone_still_pushes_down_to_postgres(shop):
    outcome = shop.plan("Витрина выручки по регионам по дням в кликхаус")
    assert outcome.status == "ok" and outcome.spec.source.conn_id == "pg_shop"


def test_an_already_loaded_table_is_no_load_verb(clinic):
    outcome = clinic.plan(
        "Приёмы уже загружены в ch_dwh (таблица visits). Посчитай там число приёмов по неделям"
    )
    # a mart over a table the catalog does not list in ch_dwh (the no-tables question), not a load
    assert outcome.status == "needs_clarification" and "ch_dwh" in outcome.questions[0]


def test_a_load_verb_not_after_already_is_still_a_load(clinic):
    outcome = clinic.plan("Загружать визиты в ch_dwh ежедневно в 3:00")
    assert outcome.status == "ok" and outcome.spec.source.type == "sql"


@pytest.mark.parametrize(
    "text, dim",
    [("Appointments per patient's full name per month of scheduled_at", "full_name"),
     ("Appointments per doctor's full name per month of scheduled_at", "full_name")],
)  # fmt: skip
def test_a_possessive_names_the_table_of_a_two_word_column(clinic, text, dim):
    outcome = clinic.plan(text)
    assert outcome.status == "ok", outcome.questions
    owner = "patients" if "patient" in text else "doctors"
    assert outcome.spec.source.mart.dimensions == [f"{owner}.{dim}"]


def test_a_relative_clause_explained_in_brackets_is_that_condition(hr):
    outcome = hr.plan(
        "Average salary per department_id among employees who were never fired (fired_at is null)"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.mart.where == "fired_at IS NULL"
    assert outcome.spec.source.mart.dimensions == ["department_id"]


def test_a_negated_clause_without_its_condition_is_still_asked(hr):
    assert hr.plan("Average salary per department_id among employees who have not been fired").status != "ok"


@pytest.mark.parametrize(
    "text, measures",
    [
        ("Общая длительность приёмов по врачам помесячно", [("sum", "duration_min")]),
        (
            "Число приёмов и общая длительность по врачам по неделям",
            [("count", None), ("sum", "duration_min")],
        ),
        ("Общее количество приёмов по врачам по неделям", [("count", None)]),
        ("Общая сумма оплат по врачам по неделям", None),  # «общая сумма»: the sum word decides
    ],
)
def test_obshchiy_before_a_column_noun_is_a_sum(clinic, text, measures):
    outcome = clinic.plan(text)
    if measures is None:
        assert outcome.status in ("ok", "needs_clarification")  # no crash, no second measure
        if outcome.status == "ok":
            assert len(outcome.spec.source.mart.measures) == 1
        return
    assert mart_of(outcome)["measures"] == sorted(measures, key=lambda m: (m[0], m[1] or ""))


def test_aov_is_an_average_never_a_plain_copy(shop):
    outcome = shop.plan("AOV by customer per month, refreshed daily at 6 am")
    assert outcome.status != "ok" or outcome.spec.source.type == "mart"
    if outcome.status == "ok":
        assert [m.func for m in outcome.spec.source.mart.measures] == ["avg"]


def test_a_diminutive_table_noun_names_the_mart_table(shop):
    outcome = shop.plan("Сколько заказов по дням — из orders, в табличку orders_per_day_v2")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "orders_per_day_v2"


def test_the_rest_of_a_fact_tables_comment_is_no_dimension(logistics):
    got = mart_of(
        logistics.plan("Сумма заправок по моделям машин помесячно — витрина из заправок по топливным картам")
    )
    assert got["table"] == "fleet.fuel_cards" and got["dims"] == ["model"]


def test_a_real_dimension_after_the_fact_word_stays(logistics):
    got = mart_of(logistics.plan("Витрина из заправок по госномеру машины помесячно: сумма литров"))
    assert got["dims"] == ["plate_number"]


@pytest.mark.parametrize(
    "text", ["Витрина маршрутов: среднее по курьерам за день", "Routes mart: max per courier per day"]
)
def test_a_bare_average_over_several_numeric_columns_is_asked(logistics, text):
    outcome = logistics.plan(text)
    assert outcome.status == "needs_clarification" and "distance_km" in outcome.questions[0]


def test_a_bare_average_of_the_one_money_column_is_still_planned(shop):
    assert mart_of(shop.plan("Средний чек по регионам"))["measures"]


def test_a_measure_word_naming_a_text_columns_comment_is_asked():
    from tests.catalogs import univ_catalog

    univ = OfflinePlanner(univ_catalog())
    outcome = univ.plan("Средняя оценка по дате экзамена по месяцам")  # 'Оценка' is grades.mark (text)
    assert outcome.status == "needs_clarification" and "score" in outcome.questions[0]
    assert mart_of(univ.plan("Средний балл по дате экзамена по месяцам"))["measures"] == [("avg", "score")]
