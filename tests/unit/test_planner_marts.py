"""Mart rules of the offline planner (airflow_ai_etl/planning/marts/): sentence -> mart spec or a question."""

from __future__ import annotations

import pytest

from airflow_ai_etl.messages import text as message_text
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.marts import is_mart_request
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import clinic_catalog, shop_catalog


def mart_of(outcome):
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert spec.source.type == "mart" and spec.target.mode == "replace" and not spec.target.keys
    mart = spec.source.mart
    grain = (mart.time_grain.column, mart.time_grain.grain) if mart.time_grain else None
    return {
        "table": spec.source.table,
        "measures": sorted((m.func, m.column) for m in mart.measures),
        "dims": sorted(mart.dimensions),
        "grain": grain,
        "joins": sorted(j.table for j in mart.joins),
        "schedule": spec.schedule,
    }


def mart_where(outcome):
    """The WHERE of a confident mart spec; None when the planner did not answer confidently."""
    return outcome.spec.source.mart.where if outcome.status == "ok" else None


def mart_shape(outcome):
    """(table, measures, dimensions, grain) of a confident mart spec, measures and dimensions sorted."""
    mart = mart_of(outcome)
    return mart["table"], mart["measures"], mart["dims"], mart["grain"]


@pytest.mark.parametrize(
    "text, mart",
    [
        ("Витрина выручки по регионам и дням из продаж", True),
        ("Построй витрину заказов", True),
        ("Сделай витриной", True),  # any case form of «витрина»
        ("Daily revenue by region", True),
        ("Report table of orders", True),
        ("Leads per source per week", True),
        ("Грузить продажи по регионам ежедневно в 3:00", False),  # a verb of loading: a load
        ("Ежемесячно 1-го числа в 6:00 перегружать товары полностью", False),  # «числа» is a date
        ("Load orders to ClickHouse daily, count rows", False),
        ("Копировать события в кликхаус каждые 5 минут", False),
    ],
)
def test_what_is_a_mart_request(text, mart):
    assert is_mart_request(tokenize(text)) is mart


def test_mart_rules_switch_off(shop, monkeypatch):
    monkeypatch.setenv("AI_ETL_GRAMMAR_OFF", "mart")
    outcome = shop.plan("Выручка по регионам по дням, обновлять каждый час")
    assert outcome.spec is None or outcome.spec.source.type != "mart"


@pytest.mark.parametrize(
    "text, measures",
    [
        ("Витрина суммы продаж по регионам", [("sum", "amount")]),
        ("Витрина количества продаж по регионам", [("count", None)]),
        ("Средний чек по регионам", [("avg", "amount")]),
        ("Витрина: сколько уникальных покупателей в каждом регионе", [("count_distinct", "customer_id")]),
        ("Максимальная и минимальная сумма продажи по регионам", [("max", "amount"), ("min", "amount")]),
        ("Витрина: сколько штук продано по регионам", [("sum", "quantity")]),
        ("Average sale amount by region", [("avg", "amount")]),
        ("Mart: number of orders by status", [("count", None)]),
        ("Revenue and units sold per region", [("sum", "amount"), ("sum", "quantity")]),
        ("Сумма заказов (total) по статусам", [("sum", "total")]),
    ],
)
def test_measures_by_lemma(shop, text, measures):
    assert mart_of(shop.plan(text))["measures"] == sorted(measures, key=lambda m: (m[0], m[1] or ""))


def test_grain_is_not_the_schedule(shop):
    daily = mart_of(shop.plan("Ежедневная выручка из продаж, обновлять каждые 15 минут"))
    assert daily["grain"] == ("sold_at", "day") and daily["schedule"] == "*/15 * * * *"
    refreshed = mart_of(shop.plan("Витрина выручки по регионам, обновлять ежедневно в 3:00"))
    assert refreshed["grain"] is None and refreshed["schedule"] == "0 3 * * *"
    monthly = mart_of(shop.plan("Monthly revenue per region"))
    assert monthly["grain"] == ("sold_at", "month") and monthly["schedule"] is None  # on demand
    weekly = mart_of(
        shop.plan("Количество заказов по статусам по неделям, обновлять по понедельникам в 6 утра")
    )
    assert weekly["grain"] == ("created_at", "week") and weekly["schedule"] == "0 6 * * 1"


def test_dimensions_and_joins_through_relations(shop):
    by_category = mart_of(shop.plan("Выручка по категориям товаров и регионам по месяцам"))
    assert by_category["dims"] == ["category", "region"] and by_category["joins"] == ["public.products"]
    through = shop.plan("Выручка по городам клиентов через заказы, витрина по месяцам")
    assert mart_of(through)["joins"] == ["public.customers", "public.orders"]
    joins = {j.table: j.on for j in through.spec.source.mart.joins}
    assert joins["public.customers"] == {"orders.customer_id": "id"}  # the path the words named
    by_customer = mart_of(shop.plan("Витрина числа заказов по клиентам"))
    assert by_customer["dims"] == ["customer_id"] and by_customer["table"] == "orders"


def test_time_column_named_next_to_the_grain(clinic, hr):
    invoices = mart_of(clinic.plan("Витрина: сумма счетов по статусам по месяцам выставления"))
    assert invoices["grain"] == ("issued_at", "month") and invoices["table"] == "billing.invoices"
    results = mart_of(clinic.plan("Average lab result value by test code per collection day"))
    assert results["grain"] == ("collected_at", "day") and results["measures"] == [("avg", "value")]
    hires = mart_of(hr.plan("Витрина найма: сколько сотрудников принято по месяцам"))
    assert hires["grain"] == ("hired_at", "month")


def test_mart_spec_is_named_and_described(shop):
    outcome = shop.plan("Витрина выручки по регионам и дням")
    spec = outcome.spec
    assert spec.target.table == "sales_by_region_day" and spec.target.conn_id == "clickhouse_default"
    assert "refreshed on demand" in spec.description and "sum(amount)" in spec.description
    named = shop.plan("Daily revenue by region into table revenue_by_region, recompute the last 5 days")
    assert named.spec.target.table == "revenue_by_region"
    assert named.spec.source.mart.refresh == "incremental" and named.spec.source.mart.lookback == 5


@pytest.mark.parametrize(
    "text, words",
    [
        # a Russian request is asked in Russian (planner26)
        ("Витрина выручки по городам покупателей по дням", ["2 путям", "orders"]),  # two join paths
        ("Витрина: сумма по столбцу email клиентов по городам", ["числовая", "email"]),  # text summed
        ("Mart that sums the region column by day", ["numeric", "region"]),
        ("Revenue by region with an hourly grain on the region column", ["date or time", "region"]),
        ("Витрина выручки по брендам", ["брендам"]),  # a dimension no table has
        ("Медиана суммы продажи по регионам, витрина", ["Медиана"]),  # not offered: asked, never guessed
        ("Витрина продаж по регионам в таблицу sales_by_region", ["Что посчитать"]),  # no measure
        ("Revenue by region excluding the north region", ["excluding north region"]),  # a filter not read
        ("Витрина выручки по регионам по дням и по месяцам", ["шаг"]),  # two grains
    ],
)
def test_questions_instead_of_guesses(shop, text, words):
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification" and outcome.spec is None
    assert all(w in " ".join(outcome.questions) for w in words), outcome.questions


def test_sum_of_two_money_columns_is_asked_unless_a_word_names_one(hr):
    asked = hr.plan("Sum per currency from payslips")
    assert asked.status == "needs_clarification" and "gross, net" in asked.questions[0]
    named = mart_of(hr.plan("Витрина: сумма к выплате по валютам"))
    assert named["measures"] == [("sum", "net")] and named["dims"] == ["currency"]


def test_filters_are_read_by_the_filter_rules(shop):
    spec = shop.plan("Витрина: количество событий purchase по дням").spec
    assert spec.source.mart.where == "event_type = 'purchase'"
    spec = shop.plan("Витрина количества продаж по регионам, где количество больше 2").spec
    assert spec.source.mart.where == "quantity > 2"
    assert [m.func for m in spec.source.mart.measures] == ["count"]


@pytest.mark.parametrize(
    "text",
    [
        "Витрина выручки по регионам и " * 500,  # 500 measures: more than a mart takes
        "витрина " + "по " * 4000,
        "mart per per per by by " * 600,
        "Витрина 🙂 по ☃ и ,,, по",
        "Витрина: сумма по полю",
        "Mart that sums the column",
        "Витрина выручки пересчитывать последние",
        "витрина",
    ],
)
def test_odd_mart_text_is_asked_about_never_a_crash(shop, text):
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification" and outcome.spec is None and outcome.questions


@pytest.mark.parametrize(
    "text",
    [
        "По регионам и дням выручка, витрина",  # the measure after the dimensions
        "витрина выручки в разрезе регионов по дням",  # «в разрезе»
        "Витрину выручки по регионам с разбивкой по дням построй",  # «с разбивкой по», a verb at the end
    ],
)
def test_word_order_and_cut_phrases(shop, text):
    mart = mart_of(shop.plan(text))
    assert mart["measures"] == [("sum", "amount")] and mart["dims"] == ["region"]
    assert mart["grain"] == ("sold_at", "day") and mart["schedule"] is None


# --------------------------------------------------------------------------- ClickHouse-side marts


def _with_clickhouse_tables(*extra):
    """The shop catalog plus tables in the ClickHouse warehouse (loaded there by other pipelines):
    `raw_sales` only ClickHouse has, and a copy of `sales`."""
    from airflow_ai_etl.catalog import Column, ConnectionInfo, Table

    catalog = shop_catalog(extra)
    ch_sales = (
        Column("id", "Int64", False),
        Column("region", "LowCardinality(String)", False),
        Column("amount", "Decimal(12, 2)", False),
        Column("quantity", "Int32", False),
        Column("sold_at", "DateTime", False),
    )
    catalog.tables["clickhouse_default"] = [
        Table("default", "raw_sales", ch_sales),
        Table("default", "sales", ch_sales),
    ]
    for conn in extra:
        if conn.engine == "clickhouse" and conn.host == "127.0.0.1":  # the same server and database
            catalog.tables[conn.conn_id] = list(catalog.tables["clickhouse_default"])
    assert isinstance(extra, tuple) and all(isinstance(c, ConnectionInfo) for c in extra)
    return catalog


@pytest.mark.parametrize(
    "text, table, dims, grain",
    [
        ("Витрина выручки по дням из raw_sales в кликхаусе", "raw_sales", [], ("sold_at", "day")),
        ("Витрина выручки по регионам из raw_sales", "raw_sales", ["region"], None),  # only ClickHouse has it
        ("daily revenue by region from the clickhouse sales table", "sales", ["region"], ("sold_at", "day")),
        ("Revenue by region from the clickhouse raw_sales table", "raw_sales", ["region"], None),
        ("Витрина выручки по регионам из таблицы raw_sales", "raw_sales", ["region"], None),
        (
            "Выручка по регионам по месяцам из кликхауса, таблица sales",
            "sales",
            ["region"],
            ("sold_at", "month"),
        ),
        ("Revenue by region from sales in ClickHouse, by week", "sales", ["region"], ("sold_at", "week")),
    ],
)
def test_a_fact_table_in_clickhouse_makes_a_clickhouse_side_mart(text, table, dims, grain):
    outcome = OfflinePlanner(_with_clickhouse_tables()).plan(text)
    got = mart_of(outcome)
    spec = outcome.spec
    assert spec.source.conn_id == "clickhouse_default" and spec.target.conn_id == "clickhouse_default"
    assert (got["table"], got["dims"], got["grain"]) == (table, dims, grain)
    assert got["measures"] == [("sum", "amount")]
    assert spec.target.table != table  # never the fact table itself


@pytest.mark.parametrize(
    "text",
    [
        "Витрина выручки по регионам из продаж",  # no place named: pushed down to PostgreSQL
        "Витрина выручки по регионам из продаж в кликхаус",  # «в кликхаус»: where the mart goes
        "Daily revenue by region from sales into ClickHouse",
    ],
)
def test_a_table_both_engines_have_is_read_from_postgres_unless_placed_in_clickhouse(text):
    outcome = OfflinePlanner(_with_clickhouse_tables()).plan(text)
    mart_of(outcome)
    assert outcome.spec.source.conn_id == "pg_shop" and outcome.spec.source.table == "sales"


def test_clickhouse_side_mart_sql_is_in_clickhouse_dialect():
    from airflow_ai_etl.marts.gates import mart_of as spec_mart
    from airflow_ai_etl.marts.resolve import resolve_mart
    from airflow_ai_etl.marts.sql import mart_sql

    catalog = _with_clickhouse_tables()
    outcome = OfflinePlanner(catalog).plan("Витрина выручки и среднего чека по регионам по дням из raw_sales")
    resolved = resolve_mart(spec_mart(outcome.spec), catalog)
    sql = mart_sql(resolved)
    assert resolved.engine == "clickhouse"
    assert "toDate(" in sql and "toDecimal128(" in sql and "DATE_TRUNC" not in sql.upper()


def test_clickhouse_side_mart_on_another_server_asks():
    from airflow_ai_etl.catalog import ConnectionInfo

    far = ConnectionInfo("ch_far", "clickhouse", "Other warehouse", "10.0.0.9", "default")
    outcome = OfflinePlanner(_with_clickhouse_tables(far)).plan(
        "Витрина выручки по регионам из raw_sales в clickhouse_default, записать в ch_far"
    )
    assert outcome.status == "needs_clarification" and outcome.spec is None
    assert "ch_far" in outcome.questions[0] and "clickhouse_default" in outcome.questions[0]


def test_a_clickhouse_table_in_several_clickhouse_connections_asks_unless_one_is_named():
    from airflow_ai_etl.catalog import ConnectionInfo

    twin = ConnectionInfo("ch_twin", "clickhouse", "", "127.0.0.1", "default")
    planner = OfflinePlanner(_with_clickhouse_tables(twin))
    asked = planner.plan("Витрина выручки по регионам из raw_sales")
    assert asked.status == "needs_clarification"
    outcome = planner.plan("Витрина выручки по регионам из raw_sales в ch_twin")
    mart_of(outcome)
    assert outcome.spec.source.conn_id == "ch_twin" and outcome.spec.target.conn_id == "ch_twin"


# --------------------------------------------------------------------------- export to Excel


@pytest.mark.parametrize(
    "text, file, grain, dims, schedule",
    [
        ("Выгружать витрину выручки по регионам в Excel каждый понедельник", "sales_by_region.xlsx", None,
         ["region"], "0 0 * * 1"),
        ("export the monthly revenue mart to an Excel file every Monday", "sales_by_month.xlsx",
         ("sold_at", "month"), [], "0 0 * * 1"),
        ("Выгрузка витрины количества заказов по статусам в эксель", "orders_by_status.xlsx", None, ["status"],
         None),
        ("Витрина выручки по дням в {root}/rev.xlsx, обновлять ежедневно в 6:00", "rev.xlsx",
         ("sold_at", "day"), [], "0 6 * * *"),
    ],
)  # fmt: skip
def test_a_mart_exported_to_excel(local_files, text, file, grain, dims, schedule):
    from airflow_ai_etl.assistant import Assistant

    assistant = Assistant(catalog=shop_catalog(), check_import=False)
    outcome = assistant.generate(text.format(root=local_files))
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    spec = outcome.spec
    assert spec.source.type == "mart" and spec.source.conn_id == "pg_shop"
    assert spec.target.type == "excel" and spec.target.path == str(local_files / file)
    assert spec.target.conn_id is None and spec.target.mode == "replace"
    mart = spec.source.mart
    got_grain = (mart.time_grain.column, mart.time_grain.grain) if mart.time_grain else None
    assert got_grain == grain
    assert mart.dimensions == dims and spec.schedule == schedule
    assert "MartToExcelOperator" in outcome.source_code


def test_an_excel_export_without_a_place_to_write_asks(monkeypatch):
    monkeypatch.delenv("AIRFLOW__AI_ETL__FILE_ROOTS", raising=False)
    outcome = OfflinePlanner(shop_catalog()).plan("Выгружать витрину выручки по регионам в Excel")
    assert outcome.status == "needs_clarification" and "file_roots" in outcome.questions[0]


def test_an_excel_export_to_s3_writes_through_the_s3_connection():
    from airflow_ai_etl.catalog import ConnectionInfo

    catalog = shop_catalog((ConnectionInfo("s3_reports", "aws", "Reports bucket"),))
    outcome = OfflinePlanner(catalog).plan(
        "Export the revenue by region mart to s3://reports/rev.xlsx weekly"
    )
    assert outcome.status == "ok", outcome.questions
    target = outcome.spec.target
    assert (target.type, target.path, target.conn_id) == ("excel", "s3://reports/rev.xlsx", "s3_reports")
    two = shop_catalog(
        (ConnectionInfo("s3_reports", "aws", "Reports"), ConnectionInfo("s3_archive", "aws", "Archive"))
    )
    asked = OfflinePlanner(two).plan("Export the revenue by region mart to s3://reports/rev.xlsx")
    assert asked.status == "needs_clarification" and "S3" in asked.questions[0]
    # none listed: Airflow's conventional aws_default, as a file load does (marts9)
    none = OfflinePlanner(shop_catalog()).plan("Export the revenue by region mart to s3://reports/rev.xlsx")
    assert none.status == "ok" and none.spec.target.conn_id == "aws_default"


def test_a_load_from_excel_is_not_an_export():
    outcome = OfflinePlanner(shop_catalog()).plan("Витрина выручки по регионам из Excel /data/sales.xlsx")
    assert outcome.status != "ok" or outcome.spec.target.type != "excel"


# --------------------------------------------------------------------------- measures without a measure word


@pytest.mark.parametrize(
    "text, table, measures, dims, grain",
    [
        # the words before «по»/"by"/"per" name a numeric column: its sum
        ("Hours worked by project per month", "timesheets", [("sum", "hours")], ["project"], ("work_date", "month")),
        ("Витрина: отработанные часы по проектам", "timesheets", [("sum", "hours")], ["project"], None),
        ("Invoice amount per month of issue", "billing.invoices", [("sum", "amount")], [], ("issued_at", "month")),
        # two words naming the fact table together, a dimension word the glossary lacks: a count of rows
        ("Badge events per direction", "badge_events", [("count", None)], ["direction"], None),
        ("Витрина проходов через турникеты по дверям", "badge_events", [("count", None)], ["door"], None),
        ("Количество отпусков по видам", "vacations", [("count", None)], ["kind"], None),
    ],
)  # fmt: skip
def test_measures_and_dimensions_named_by_column_words(hr, clinic, text, table, measures, dims, grain):
    planner = clinic if table.startswith("billing") else hr
    got = mart_of(planner.plan(text))
    assert (got["table"], got["measures"], got["dims"], got["grain"]) == (table, measures, dims, grain)


def test_a_subject_naming_no_single_numeric_column_is_still_a_count(shop):
    got = mart_of(shop.plan("Orders per status"))
    assert got["measures"] == [("count", None)] and got["dims"] == ["status"]


@pytest.mark.parametrize(
    "text, measures",
    [
        # a bare measure word repeated by one that says of what: one measure
        ("Витрина ФОТ: сумма начисленной зарплаты по отделам", [("sum", "gross")]),
        # the column comment names the column by another form of the word («начисленного» / 'Начислено')
        ("Витрина: сумма начисленного по отделам", [("sum", "gross")]),
        # "gross pay": the column and a money noun; "Payroll" is the fact table's schema
        ("Payroll mart: total net pay by department", [("sum", "net")]),
    ],
)
def test_payroll_measures(hr, text, measures):
    got = mart_of(hr.plan(text))
    assert got["table"] == "payroll.payslips" and got["measures"] == measures


def test_total_pay_with_two_money_columns_asks(hr):
    outcome = hr.plan("Payroll mart: total pay by department")
    assert outcome.status == "needs_clarification" and outcome.spec is None


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims",
    [
        # a time unit naming the measured column: «число дней» of days, «часов» of hours
        ("clinic", "Витрина: суммарное число дней назначений по визитам", "prescriptions", [("sum", "days")],
         ["visit_id"]),
        ("clinic", "Витрина: сумма дней назначений по препаратам", "prescriptions", [("sum", "days")],
         ["drug_name"]),
        ("hr", "Витрина: суммарное число часов по проектам", "timesheets", [("sum", "hours")], ["project"]),
        # the fact's noun with words of its own comment ('Записи пациентов на приём к врачу')
        ("clinic", "Витрина: количество записей на приём по статусам", "appointments", [("count", None)],
         ["status"]),
    ],
)  # fmt: skip
def test_words_that_describe_the_measure_or_the_fact(shop, clinic, hr, catalog, text, table, measures, dims):
    planner = {"shop": shop, "clinic": clinic, "hr": hr}[catalog]
    got = mart_of(planner.plan(text))
    assert (got["table"], got["measures"], got["dims"]) == (table, measures, dims)


def test_a_title_table_before_the_colon_qualifies_a_later_dimension(shop):
    # «Витрина по товарам: ... по категориям»: by the product's category, not by product and category
    got = mart_of(shop.plan("Витрина по товарам: выручка по категориям"))
    assert got["dims"] == ["category"] and got["joins"] == ["public.products"]
    # without the colon title both stay dimensions
    both = mart_of(shop.plan("Витрина выручки по товарам и категориям"))
    assert both["dims"] == ["category", "product_id"]


def test_units_sold_name_the_sales_table(shop):
    # inventory has a quantity and a product too: «проданных» says which table counts units
    got = mart_of(shop.plan("Витрина: суммарное количество проданных единиц по категориям"))
    assert (
        got["table"] == "sales" and got["measures"] == [("sum", "quantity")] and got["dims"] == ["category"]
    )


@pytest.mark.parametrize(
    "text, dims, grain",
    [
        ("Число заказов каждого статуса по дням", ["status"], ("created_at", "day")),
        ("Витрина: количество заказов по каждому статусу", ["status"], None),
        ("Orders mart: number of orders of every status", ["status"], None),
    ],
)
def test_a_quantifier_is_never_a_filter_value(shop, text, dims, grain):
    outcome = shop.plan(text)
    got = mart_of(outcome)
    assert got["dims"] == dims and got["grain"] == grain
    assert outcome.spec.source.mart.where is None


def test_a_quantifier_before_a_time_unit_stays_a_schedule(shop):
    got = mart_of(shop.plan("Витрина: число заказов по статусам, обновлять каждый час"))
    assert got["dims"] == ["status"] and got["schedule"] == "0 * * * *"


@pytest.mark.parametrize(
    "text, where",
    [
        ("Выручка по регионам, только продажи не менее 5 единиц", "quantity >= 5"),
        ("Сумма продаж по регионам для продаж больше 3 штук", "quantity > 3"),
        ("Revenue by region for sales of at least 4 units", "quantity >= 4"),
    ],
)
def test_a_count_of_pieces_filters_the_quantity_column(shop, text, where):
    outcome = shop.plan(text)
    got = mart_of(outcome)
    assert got["measures"] == [("sum", "amount")]  # the unit word is no second measure
    assert outcome.spec.source.mart.where == where


def test_a_count_of_pieces_without_a_quantity_column_asks(hr):
    outcome = hr.plan("Средний оклад по отделам для сотрудников от 2 штук")
    assert outcome.status == "needs_clarification"


def test_an_export_path_before_the_mart_words_is_the_target(hr):
    outcome = hr.plan(
        "Каждый понедельник в 7 утра выгружать в /data/reports/pay.xlsx сумму часов по проектам"
    )
    got = mart_of(outcome)
    assert (
        got["table"] == "timesheets" and got["measures"] == [("sum", "hours")] and got["dims"] == ["project"]
    )
    assert outcome.spec.target.type == "excel" and outcome.spec.target.path == "/data/reports/pay.xlsx"


def test_a_workbook_read_from_stays_a_file_load(shop):
    outcome = shop.plan("Загружать /data/in/sales.xlsx в кликхаус каждый день")
    assert outcome.spec is None or outcome.spec.source.type != "mart"


@pytest.mark.parametrize(
    "text, lookback",
    [
        ("Revenue per region per day, incremental refresh that recomputes the last 2 days, every hour", 2),
        ("Выручка по регионам по дням, за последние 4 дня пересчитывать каждый час", 4),
        ("Выручка по регионам по дням, инкрементально обновлять последние 5 дней, каждый час", 5),
    ],
)
def test_an_incremental_refresh_with_a_lookback_is_a_mart(shop, text, lookback):
    outcome = shop.plan(text)
    got = mart_of(outcome)
    assert got["dims"] == ["region"] and got["grain"] == ("sold_at", "day")
    mart = outcome.spec.source.mart
    assert mart.refresh == "incremental" and mart.lookback == lookback


def test_an_incremental_load_without_a_lookback_stays_a_load(shop):
    outcome = shop.plan("Инкрементально грузить продажи по sold_at в кликхаус каждый час")
    assert outcome.spec is not None and outcome.spec.source.type != "mart"


@pytest.mark.parametrize(
    "text, dims, grain",
    [
        ("Выручка в разрезе регионов помесячно", ["region"], ("sold_at", "month")),
        ("Число заказов по статусам понедельно, обновлять каждый день", ["status"], ("created_at", "week")),
        ("Revenue by region, monthly, refreshed every day at 5", ["region"], ("sold_at", "month")),
        ("Order count by status, weekly", ["status"], ("created_at", "week")),
    ],
)
def test_a_grain_said_as_an_adverb_is_no_dimension(shop, text, dims, grain):
    got = mart_of(shop.plan(text))
    assert got["dims"] == dims and got["grain"] == grain


def test_an_average_receipt_over_a_named_table_is_not_planned_on_sales(shop):
    outcome = shop.plan("Средний чек по заказам в разрезе статусов понедельно")
    assert outcome.status != "ok" or outcome.spec.source.table == "orders"


@pytest.fixture(scope="module")
def logistics():
    from tests.catalogs import logistics_catalog

    return OfflinePlanner(logistics_catalog())


@pytest.mark.parametrize(
    "catalog, text, table, dims, grain",
    [
        ("hr", "Сколько кандидатов на каждом этапе по вакансиям", "candidates", ["stage", "vacancy"], None),
        ("hr", "Витрина проходов по направлению и дверям", "badge_events", ["direction", "door"], None),
        ("clinic", "Витрина записей на приём по каналу", "appointments", ["channel"], None),
        ("logistics", "Сумма возвратов в разрезе причин по месяцам", "returns", ["reason"], ("created_at", "month")),
        ("logistics", "Суммарный вес из shipments по неделям доставки", "shipments", [], ("delivered_at", "week")),
    ],
)  # fmt: skip
def test_a_column_named_by_its_russian_word(shop, clinic, hr, logistics, catalog, text, table, dims, grain):
    planner = {"hr": hr, "clinic": clinic, "logistics": logistics}[catalog]
    got = mart_of(planner.plan(text))
    assert got["table"] == table and got["dims"] == dims and got["grain"] == grain


# --- marts6: families of heldout_marts_c, in general form --------------------------------------------


@pytest.mark.parametrize(
    "text, table, measures, dims",
    [
        ("Сводка по заказам: количество заказов по статусам", "orders", [("count", None)], ["status"]),
        ("Агрегат по платежам — сумма оплат по дням", "payments", [("sum", "amount")], []),
        ("Отчёт о продажах: выручка по регионам", "sales", [("sum", "amount")], ["region"]),
        ("сколько заказов по дням? нужна табличка в кликхаусе", "orders", [("count", None)], []),
        ("Summary of payments: total amount per day", "payments", [("sum", "amount")], []),
        ("Monthly rollup of revenue by region", "sales", [("sum", "amount")], ["region"]),
    ],
)
def test_title_words_are_no_dimension_or_residue(shop, text, table, measures, dims):
    got = mart_of(shop.plan(text))
    assert got["table"] == table and got["measures"] == sorted(measures) and got["dims"] == dims


def test_a_title_before_a_dash_is_no_residue_but_an_adjective_there_still_filters(shop, hr):
    got = mart_of(hr.plan("Воронка найма — число кандидатов по вакансиям и этапам"))
    assert got["table"] == "candidates" and got["dims"] == ["stage", "vacancy"]
    outcome = shop.plan("Оплаченные заказы: сумма по дням")
    assert outcome.status == "ok" and "paid" in outcome.spec.source.mart.where


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims",
    [
        # measures named by nouns with no measure word: each column word, a money word as its own item
        ("logistics", "Заправки: литры и деньги по госномеру машины помесячно", "fleet.fuel_cards",
         [("sum", "amount"), ("sum", "liters")], ["plate_number"]),
        ("logistics", "Fuel spend and liters by vehicle plate number per month", "fleet.fuel_cards",
         [("sum", "amount"), ("sum", "liters")], ["plate_number"]),
        ("hr", "Payroll rollup: gross and net pay per month (period)", "payroll.payslips",
         [("sum", "gross"), ("sum", "net")], []),
        # stock words are the quantity column
        ("shop", "Stock on hand by warehouse", "inventory", [("sum", "qty")], ["warehouse"]),
        ("shop", "Остатки: суммарное количество на складах в разрезе склада и категории товара", "inventory",
         [("sum", "qty")], ["category", "warehouse"]),
    ],
)  # fmt: skip
def test_measures_named_by_column_words(shop, hr, logistics, catalog, text, table, measures, dims):
    planner = {"shop": shop, "hr": hr, "logistics": logistics}[catalog]
    got = mart_of(planner.plan(text))
    assert got["table"] == table and got["measures"] == sorted(measures) and got["dims"] == dims


def test_stock_with_a_key_is_an_upsert_load_not_a_mart(hr):
    assert not is_mart_request(
        tokenize("Остатки товаров обновлять в кликхаусе по ключу product_id каждый час")
    )
    outcome = hr.plan("Payroll mart: total pay by department")
    assert outcome.status == "needs_clarification"


def test_a_grain_column_in_brackets(clinic):
    got = mart_of(clinic.plan("Витрина записей к врачам: число записей по каналам по дням (по scheduled_at)"))
    assert got["grain"] == ("scheduled_at", "day") and got["dims"] == ["channel"]


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims",
    [
        # count words: rows («сколько раз»), pieces without a pieces column (rows), a unit noun (its sum)
        ("clinic", "Витрина назначений: сколько раз назначали каждый препарат, по месяцам", "prescriptions",
         [("count", None)], ["drug_name"]),
        ("shop", "Лиды из CRM по источникам, сколько штук по неделям", "crm.leads", [("count", None)], ["source"]),
        ("hr", "Сколько часов отработано по проектам", "timesheets", [("sum", "hours")], ["project"]),
        # a table noun and its name column are one grouping said twice (the name is kept)
        ("hr", "Средний оклад по отделам, по названию отдела", "employees", [("avg", "salary")], ["name"]),
        ("hr", "Средний оклад по отделам (название)", "employees", [("avg", "salary")], ["name"]),
        ("hr", "Часы по отделам: сколько часов отработано в каждом отделе (название отдела) по месяцам",
         "timesheets", [("sum", "hours")], ["name"]),
        # a measure word two tables hold: the table the request names elsewhere
        ("logistics", "Пробег курьеров: сумма км по дате маршрута, по дням", "routes", [("sum", "distance_km")], []),
    ],
)  # fmt: skip
def test_count_words_and_repeated_groupings(
    shop, clinic, hr, logistics, catalog, text, table, measures, dims
):
    planner = {"shop": shop, "clinic": clinic, "hr": hr, "logistics": logistics}[catalog]
    got = mart_of(planner.plan(text))
    assert got["table"] == table and got["measures"] == sorted(measures) and got["dims"] == dims


def test_a_qualified_column_is_never_taken_from_another_table(shop):
    # "customer name": customers has full_name; products.name must not be grouped by
    outcome = shop.plan("Revenue by customer and customer name")
    assert outcome.status != "ok" or "name" not in outcome.spec.source.mart.dimensions
    got = mart_of(shop.plan("Выручка по регионам и городам клиентов, через заказы"))
    assert "city" in got["dims"]


def test_a_table_noun_counted_is_rows_never_a_sum_of_its_number_column():

    got = mart_of(
        OfflinePlanner(clinic_catalog()).plan("Number of beds per ward, refreshed every 10 minutes")
    )
    assert got["table"] == "beds" and got["measures"] == [("count", None)] and got["dims"] == ["ward"]


@pytest.mark.parametrize("text", ["Headcount by departmnet name", "Численность по отделам"])
def test_headcount_counts_people_not_the_dimension_table(hr, text):
    got = mart_of(hr.plan(text))
    assert got["table"] == "employees" and got["measures"] == [("count", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Таблица sales уже лежит в ClickHouse — посчитай прямо там выручку по регионам по дням",
        "Build it inside ClickHouse from the sales table that is already loaded there: daily revenue by region",
        "Mart over the clickhouse events table: distinct users per event type per day",
    ],
)
def test_a_fact_table_placed_in_clickhouse_is_never_planned_on_postgres(shop, text):
    # the shop catalog lists no ClickHouse table: a question, not the PostgreSQL table
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification" and "clickhouse_default" in outcome.questions[0]


def test_a_table_placed_in_clickhouse_that_no_catalog_lists_is_asked(shop):
    outcome = shop.plan("Таблица raw_clicks уже лежит в ClickHouse — посчитай там число строк по дням")
    assert outcome.status == "needs_clarification" and "clickhouse_default" in outcome.questions[0]


@pytest.mark.parametrize(
    "catalog, text, dims, grain, schedule",
    [
        ("shop", "Отчёт о платежах: сумма оплат по часам, ежедневно в 7:30 по Москве", [], ("paid_at", "hour"),
         "30 7 * * *"),
        ("logistics", "Routes mart: total distance per courier per day, every weekday at 7 am", ["courier_id"],
         ("route_date", "day"), "0 7 * * 1-5"),
        ("hr", "ФОТ по месяцам: сумма начисленного по периоду расчёта", [], ("period", "month"), None),
        ("logistics", "Пробег курьеров: суммарный километраж и среднее число остановок по курьерам (ФИО) по неделям "
         "маршрута", ["full_name"], ("route_date", "week"), None),
    ],
)  # fmt: skip
def test_schedule_words_and_time_columns_are_no_dimensions(
    shop, hr, logistics, catalog, text, dims, grain, schedule
):
    planner = {"shop": shop, "hr": hr, "logistics": logistics}[catalog]
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    mart = outcome.spec.source.mart
    assert sorted(mart.dimensions) == dims and (mart.time_grain.column, mart.time_grain.grain) == grain
    assert outcome.spec.schedule == schedule


@pytest.mark.parametrize(
    "text, key",
    [
        ("Суммарный вес отправлений по городу хаба отправки", "shipments.origin_hub_id"),
        ("Доставленные посылки по городу хаба отправления по дням доставки", "shipments.origin_hub_id"),
        ("Shipments by destination hub name: daily count by creation day", "shipments.dest_hub_id"),
    ],
)
def test_a_role_word_picks_one_of_two_keys_to_a_table(logistics, text, key):
    outcome = logistics.plan(text)
    assert outcome.status == "ok", outcome.questions
    joins = outcome.spec.source.mart.joins
    assert [j.table.split(".")[-1] for j in joins] == ["hubs"] and list(joins[0].on) == [key]


def test_two_keys_without_a_role_word_still_ask(logistics):
    outcome = logistics.plan("Суммарный вес отправлений по городам хабов")
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    "catalog, text, measures, grain",
    [
        ("logistics", "Заправки: литры и сумма по моделям машин помесячно", [("sum", "amount"), ("sum", "liters")],
         ("refueled_at", "month")),
        ("clinic", "Distinct patients per doctor specialty from appointments, daily by scheduled time",
         [("count_distinct", "patient_id")], ("scheduled_at", "day")),
        ("clinic", "Средняя длительность приёма по врачам (doctor_id) по неделям visit_date",
         [("avg", "duration_min")], ("visit_date", "week")),
    ],
)  # fmt: skip
def test_listed_column_words_money_columns_and_time_words(clinic, logistics, catalog, text, measures, grain):
    got = mart_of({"clinic": clinic, "logistics": logistics}[catalog].plan(text))
    assert got["measures"] == sorted(measures) and got["grain"] == grain


def test_into_a_clickhouse_table_is_the_target_not_the_fact(shop):
    got = mart_of(
        shop.plan("Hourly payments total into ClickHouse table payments_hourly, rebuild every 15 minutes")
    )
    assert got["table"] == "payments" and got["grain"] == ("paid_at", "hour")


def test_a_mart_named_only_by_column_words_is_read_as_a_mart(logistics):
    got = mart_of(logistics.plan("Вес посылок по статусам"))
    assert (
        got["table"] == "shipments"
        and got["measures"] == [("sum", "weight_kg")]
        and got["dims"] == ["status"]
    )
    # two keys to hubs, no role word: the question names the paths (it was refused as off-topic)
    outcome = logistics.plan("Объявленная ценность посылок по городам хабов")
    assert outcome.status == "needs_clarification" and "origin_hub_id" in outcome.questions[0]


@pytest.mark.parametrize(
    "catalog, text, measures, where",
    [
        ("logistics", "Возвраты: сумма возвратов и их количество по причинам, по месяцам, только от 1000 рублей",
         [("count", None), ("sum", "refund_amount")], "refund_amount >= 1000"),
        ("shop", "Weekly units sold per product category, only sales with a quantity of at least 3",
         [("sum", "quantity")], "quantity >= 3"),
        ("shop", "Выручка по регионам, только продажи с количеством от 3", [("sum", "amount")], "quantity >= 3"),
        ("shop", "Revenue by region, only sales over 500 dollars", [("sum", "amount")], "amount > 500"),
    ],
)  # fmt: skip
def test_money_and_quantity_comparisons_filter_rows(shop, logistics, catalog, text, measures, where):
    outcome = {"shop": shop, "logistics": logistics}[catalog].plan(text)
    got = mart_of(outcome)
    assert got["measures"] == sorted(measures) and outcome.spec.source.mart.where == where


@pytest.mark.parametrize(
    "catalog, text, table, measures, dims",
    [
        ("clinic", "Средний срок назначения в днях по препаратам", "prescriptions", [("avg", "days")], ["drug_name"]),
        ("clinic", "Prescriptions per drug: how many and the longest course in days, by week issued",
         "prescriptions", [("count", None), ("max", "days")], ["drug_name"]),
        ("shop", "Посчитай, сколько лидов пришло из каждого источника по неделям", "crm.leads", [("count", None)],
         ["source"]),
        ("hr", "ФОТ по отделам помесячно: сумма начислений из расчётных листков по названию отдела, по периоду",
         "payroll.payslips", [("sum", "gross")], ["name"]),
    ],
)  # fmt: skip
def test_units_roots_and_each_source(shop, clinic, hr, catalog, text, table, measures, dims):
    got = mart_of({"shop": shop, "clinic": clinic, "hr": hr}[catalog].plan(text))
    assert got["table"] == table and got["measures"] == sorted(measures) and got["dims"] == dims


def test_a_weekday_after_the_grain_is_the_schedule(shop):
    text = "Выгружай в Excel (/data/reports/revenue_weekly.xlsx) витрину выручки по регионам по неделям каждый понедельник в 9 утра"
    outcome = shop.plan(text)
    assert outcome.status == "ok" and outcome.spec.schedule == "0 9 * * 1"
    assert outcome.spec.source.mart.time_grain.grain == "week"


def test_each_month_after_dimensions_is_still_the_grain(clinic):
    outcome = clinic.plan("Сколько записей по специальностям врачей каждый месяц, по дате создания записи")
    assert outcome.status == "ok" and outcome.spec.schedule is None
    assert outcome.spec.source.mart.time_grain.column == "created_at"


@pytest.mark.parametrize(
    "catalog, text, measures, grain",
    [
        ("hr", "Payroll dashboard: gross and net totals per currency per month of period", [("sum", "gross"),
         ("sum", "net")], ("period", "month")),
        ("hr", "Воронка кандидатов: число кандидатов на каждом этапе по вакансиям, по неделям подачи отклика",
         [("count", None)], ("applied_at", "week")),
    ],
)  # fmt: skip
def test_listed_columns_and_time_phrases(hr, catalog, text, measures, grain):
    got = mart_of(hr.plan(text))
    assert got["measures"] == sorted(measures) and got["grain"] == grain


def test_a_title_adjective_and_a_titled_topic_are_no_measures(shop):
    got = mart_of(shop.plan("Сводная таблица продаж: выручка и число продаж по регионам за каждую неделю"))
    assert got["table"] == "sales" and got["measures"] == [("count", None), ("sum", "amount")]
    got = mart_of(shop.plan("Max order total per customer city"))
    assert got["measures"] == [("max", "total")]  # "total" is the object of max, not a second sum
    # «Отчёт по остаткам: количество ...»: the title's topic is no second measure
    outcome = shop.plan("Отчёт по остаткам: количество на складе по складам")
    assert outcome.status != "ok" or len(outcome.spec.source.mart.measures) == 1


@pytest.mark.parametrize(
    "text", ["Total amount of paid invoices per month", "Сумма счетов по статусам оплаты помесячно"]
)
def test_a_state_or_a_dimension_word_does_not_pick_the_time_column(clinic, text):
    # "paid invoices" is a state, «статусам оплаты» a dimension: issued_at or paid_at is asked
    outcome = clinic.plan(text)
    assert outcome.status == "needs_clarification" and "paid_at" in outcome.questions[0]


def test_a_table_noun_with_two_keys_asks_unless_a_role_word_picks(logistics):
    got = mart_of(logistics.plan("Средний вес посылок по хабам назначения"))
    assert got["dims"] == ["dest_hub_id"]
    outcome = logistics.plan("Средний вес посылок по хабам")  # was origin_hub_id, silently
    assert outcome.status == "needs_clarification" and "dest_hub_id" in outcome.questions[0]


@pytest.mark.parametrize(
    "text", ["Сколько остановок в среднем по курьерам", "How many stops on average per courier"]
)
def test_on_average_turns_the_measure_into_an_average(logistics, text):
    got = mart_of(logistics.plan(text))
    assert got["measures"] == [("avg", "stops")] and got["dims"] == ["courier_id"]
    assert logistics.plan("Число отправлений в среднем по дням").status == "needs_clarification"


@pytest.mark.parametrize(
    "text, dims",
    [
        ("Сколько товаров продано по SKU по дням", ["sku"]),
        ("How many products were sold per category", ["category"]),
        ("Витрина: сколько штук товаров продано по категориям и регионам", ["category", "region"]),
    ],
)
def test_products_sold_are_the_sales_quantity(shop, text, dims):
    got = mart_of(shop.plan(text))
    assert got["table"] == "sales" and got["measures"] == [("sum", "quantity")] and got["dims"] == dims
    # without a sold word the products themselves are counted
    assert mart_of(shop.plan("Сколько товаров по категориям"))["table"] == "products"


@pytest.mark.parametrize(
    "text, column", [("Сумма регионов по дням", "region"), ("Средний статус заказов по месяцам", "status")]
)
def test_a_sum_or_average_of_a_text_column_named_by_its_word_asks(shop, text, column):
    # it was sum(amount) / avg(total), silently: the text column named is asked about, with the choices
    outcome = shop.plan(text)
    assert outcome.status == "needs_clarification" and column in outcome.questions[0]
    assert outcome.spec is None


@pytest.mark.parametrize(
    "catalog, text, dims, where",
    [
        ("shop", "Largest order total per status and week of created_at, paid orders only", ["status"],
         "status = 'paid'"),
        ("hr", "Badge swipes per hour by direction, door 'main' only", ["direction"], "door = 'main'"),
    ],
)  # fmt: skip
def test_an_only_clause_after_a_comma_is_a_filter_not_a_dimension(shop, hr, catalog, text, dims, where):
    outcome = {"shop": shop, "hr": hr}[catalog].plan(text)
    assert mart_of(outcome)["dims"] == dims and outcome.spec.source.mart.where == where


def test_a_column_comment_said_in_full_names_the_fact_table(hr):
    got = mart_of(hr.plan("Средняя сумма к выплате по валютам, помесячно по расчётному периоду"))
    assert got["table"] == "payroll.payslips" and got["measures"] == [("avg", "net")]
    assert got["dims"] == ["currency"] and got["grain"] == ("period", "month")


@pytest.mark.parametrize(
    "text", ["Number of prescription days per drug", "Число дней назначений по препаратам"]
)
def test_a_number_of_unit_nouns_is_the_sum_of_that_column(clinic, text):
    got = mart_of(clinic.plan(text))
    assert got["measures"] == [("sum", "days")] and got["dims"] == ["drug_name"]


def test_a_number_of_days_no_column_stores_asks(hr):
    # vacations store starts_on/ends_on, no days: asked, never a count of vacations
    assert hr.plan("Number of vacation days per employee per month").status == "needs_clarification"


@pytest.mark.parametrize(
    "text, grain, schedule",
    [
        ("Выручка по часам каждый час", "hour", "0 * * * *"),
        ("Выручка по регионам по дням каждый час", "day", "0 * * * *"),
        ("Число заказов по статусам каждый месяц", "month", None),  # no grain before it: the grain
    ],
)
def test_each_unit_after_a_grain_is_the_schedule(shop, text, grain, schedule):
    outcome = shop.plan(text)
    assert outcome.status == "ok" and outcome.spec.source.mart.time_grain.grain == grain
    assert outcome.spec.schedule == schedule


def test_the_column_most_words_name_wins_over_a_shared_word(logistics):
    # "amount" is in returns.refund_amount and fuel_cards.amount; "Refund amount" names one of them
    got = mart_of(logistics.plan("Refund amount by shipment status"))
    assert (
        got["table"] == "returns"
        and got["measures"] == [("sum", "refund_amount")]
        and got["dims"] == ["status"]
    )


@pytest.mark.parametrize(
    "text", ["Сумма дозировок (dosage) по препаратам", "Средняя дозировка по препаратам"]
)
def test_the_question_names_the_text_column_not_the_database(clinic, text):
    # clinic has two PostgreSQL connections: the one whose columns the words name is taken, and the
    # question is about dosage being text (it asked which database)
    outcome = clinic.plan(text)
    assert outcome.status == "needs_clarification" and "dosage" in outcome.questions[0]


@pytest.mark.parametrize("text", ["Средний чек для каждого региона", "Revenue for each region"])
def test_for_each_groups_without_po_or_by(shop, text):
    got = mart_of(shop.plan(text))  # «для каждого региона» was refused as off-topic
    assert got["table"] == "sales" and got["dims"] == ["region"]


@pytest.mark.parametrize(
    "text",
    [
        "Продажи с суммой свыше двух тысяч — в ClickHouse по вторникам и четвергам в девять вечера",
        "Sales with amount over 2000 to ClickHouse every Tuesday at 9 pm",
    ],
)
def test_a_compared_column_and_a_schedule_po_make_no_mart(shop, text):
    # «с суммой свыше ...» is a filter, «по вторникам» the schedule: a load, never a mart of amount
    outcome = shop.plan(text)
    assert (
        outcome.status == "ok" and outcome.spec.source.type == "sql" and "2000" in outcome.spec.source.where
    )


@pytest.mark.parametrize(
    "text",
    [
        "Отработаные часы по проектам по неделям",  # a participle of the comment «Отработано часов»
        "Отработанные часы по проектам по неделям",
        "Сумма отработаных часов по проектам в разрезе недель",
    ],
)
def test_a_one_letter_typo_of_a_comment_participle_is_read(hr, text):
    got = mart_of(hr.plan(text))
    assert got["table"] == "timesheets" and got["measures"] == [("sum", "hours")]
    assert got["dims"] == ["project"] and got["grain"] == ("work_date", "week")


@pytest.mark.parametrize(
    "text, measures",
    [
        ("Averge order total by status", [("avg", "total")]),
        ("Numbr of orders by status per month", [("count", None)]),
    ],
)
def test_a_one_letter_typo_of_an_english_mart_word_is_read(shop, text, measures):
    got = mart_of(shop.plan(text))
    assert got["table"] == "orders" and got["measures"] == measures


def test_a_column_name_word_is_never_a_typo():
    from airflow_ai_etl.catalog import Catalog, ConnectionInfo
    from airflow_ai_etl.planning.spelling import Speller
    from tests.catalogs import tables_from_ddl

    def catalog(ddl):
        conn = ConnectionInfo("pg", "postgres", "", "127.0.0.1", "db")
        return Catalog(connections={"pg": conn}, tables={"pg": tables_from_ddl(ddl)})

    # "county" is one letter from "count": a catalog with a county column keeps it, one without reads it
    with_county = Speller.for_catalog(catalog("CREATE TABLE s (county text, amount int)"), en_words=["count"])
    without = Speller.for_catalog(catalog("CREATE TABLE s (region text, amount int)"), en_words=["count"])
    assert with_county.correct("amount by county")[1] == []
    assert without.correct("amount by county")[0] == "amount by count"


def test_mart_questions_come_from_the_message_catalog(shop):
    # a Russian request is asked in Russian, and any interface can show the same question in English
    question = shop.plan("Медиана суммы заказов по статусам").questions[0]
    assert question.id.startswith("planner.mart.") and "витрина" in question
    english = question.in_language("en")
    assert english.startswith("A mart does not compute 'Медиана'") and "What should it compute?" in english


@pytest.fixture()
def clinic_lab():

    return OfflinePlanner(clinic_catalog())


@pytest.mark.parametrize(
    "text, dims",
    [
        ("Среднее значение анализов по коду анализа и единицам измерения", ["test_code", "unit"]),
        ("Среднее значение анализов по единице измерения", ["unit"]),
        ("Average result value by unit", ["unit"]),  # planned with no dimension before
    ],
)
def test_a_units_noun_after_po_or_by_is_a_dimension(clinic_lab, text, dims):
    got = mart_of(clinic_lab.plan(text))
    assert got["table"] == "lab.results" and got["measures"] == [("avg", "value")] and got["dims"] == dims


@pytest.mark.parametrize(
    "text", ["Количество проданных штук по категориям", "Сумма и количество штук по регионам"]
)
def test_pieces_counted_stay_the_quantity(shop, text):
    got = mart_of(shop.plan(text))
    assert ("sum", "quantity") in got["measures"] and got["table"] == "sales"


@pytest.mark.parametrize(
    "text",
    [
        "Численность сотрудников по должностям, без даты увольнения",
        "Численность сотрудников по должностям без увольнения",
        "Численность сотрудников по должностям, только действующие (без даты увольнения)",
    ],
)
def test_without_an_event_date_is_the_event_not_happened(hr, text):
    outcome = hr.plan(text)
    got = mart_of(outcome)
    assert got["table"] == "employees" and got["dims"] == ["job_title"]
    assert outcome.spec.source.mart.where == "fired_at IS NULL"


@pytest.mark.parametrize(
    "text",
    [
        "Загружать сотрудников без даты увольнения в кликхаус ежедневно",  # the filter was dropped silently
        "Загружать сотрудников, только действующие (без даты увольнения), в кликхаус ежедневно",
    ],
)
def test_a_load_without_an_event_date_filters_too(hr, text):
    outcome = hr.plan(text)
    assert outcome.status == "ok" and outcome.spec.source.where == "fired_at IS NULL"


def test_an_unexplained_state_word_is_still_asked(hr):
    outcome = hr.plan("Численность сотрудников по должностям, только действующие")
    assert outcome.status == "needs_clarification" and "действующие" in outcome.questions[0]


# marts8, family W1 (marts_e): every named measure appears; a counted head noun or «сколько раз» is kept
# as count(*) next to a measure named after it.
@pytest.mark.parametrize(
    "catalog, text, table, measures",
    [
        ("shop", "Orders per status per day, with the average total", "orders", [("avg", "total"), ("count", None)]),
        ("shop", "Заказы по статусам по дням и средняя сумма заказа", "orders", [("avg", "total"), ("count", None)]),
        ("logistics", "Сколько раз заправлялась каждая машина и сколько литров в среднем, по месяцам",
         "fleet.fuel_cards", [("avg", "liters"), ("count", None)]),
        ("shop", "Orders per status per day", "orders", [("count", None)]),
    ],
)  # fmt: skip
def test_a_counted_head_noun_stays_next_to_a_second_measure(shop, logistics, catalog, text, table, measures):
    got = mart_of({"shop": shop, "logistics": logistics}[catalog].plan(text))
    assert got["table"] == table and got["measures"] == measures


def test_an_average_of_a_count_alone_is_still_asked(logistics):
    outcome = logistics.plan("Сколько раз заправлялась каждая машина в среднем, по месяцам")
    assert outcome.status == "needs_clarification"


# marts8, family W2: an order-level measure (средний чек, average basket / order value) is avg(orders.total)
@pytest.mark.parametrize(
    "text, grain",
    [
        ("Средний чек по статусам заказов по месяцам", ("created_at", "month")),
        ("Average order value by order status per week", ("created_at", "week")),
        ("Average basket per order status per day", ("created_at", "day")),
    ],
)
def test_an_order_level_measure_is_taken_over_orders(shop, text, grain):
    got = mart_of(shop.plan(text))
    assert got["table"] == "orders" and got["measures"] == [("avg", "total")]
    assert got["dims"] == ["status"] and got["grain"] == grain and got["joins"] == []


def test_a_sum_of_sales_by_an_order_dimension_stays_on_sales(shop):
    got = mart_of(shop.plan("Сумма продаж по статусам заказов по неделям"))
    assert got["table"] == "sales" and got["measures"] == [("sum", "amount")]


# marts8, family W3: a condition spelled out in brackets explains the adjective; no second guessed condition
def test_a_bracketed_condition_replaces_the_adjective(clinic):
    outcome = clinic.plan("Сумма счетов по дням оплаты, только оплаченные счета (paid_at заполнен)")
    got = mart_of(outcome)
    assert got["table"] == "billing.invoices" and got["grain"] == ("paid_at", "day")
    assert outcome.spec.source.mart.where == "paid_at IS NOT NULL"


def test_an_unexplained_adjective_is_not_dropped(clinic):
    outcome = clinic.plan("Сумма счетов по дням оплаты, только оплаченные счета")
    assert outcome.status != "ok" or outcome.spec.source.mart.where


# marts8, family W4: a mart of a register (leads, customers) naming no measure is asked; counting words,
# a time grain or an event table still count rows.
@pytest.mark.parametrize(
    "request_text", ["Витрина лидов по источникам", "Mart of leads by source", "Витрина клиентов по городам"]
)
def test_a_mart_of_a_register_without_a_measure_is_asked(shop, request_text):
    outcome = shop.plan(request_text)
    assert outcome.status == "needs_clarification"
    assert outcome.questions[0] in (
        message_text("planner.mart.no_measure", "ru"),
        message_text("planner.mart.no_measure", "en"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Витрина: число лидов по источникам",
        "Mart of leads by source: how many",
        "Витрина: сколько лидов по источникам",
    ],
)
def test_counting_words_still_count_a_register(shop, text):
    got = mart_of(shop.plan(text))
    assert got["table"] == "crm.leads" and got["measures"] == [("count", None)] and got["dims"] == ["source"]
