"""Marts without servers: the model, grounding in the demo catalogs (questions), and the generated SQL."""

from __future__ import annotations

import pytest
import sqlglot
from pydantic import ValidationError
from sqlglot import exp

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, Table
from airflow_ai_etl.marts.model import Mart
from airflow_ai_etl.marts.resolve import MartQuestion, column_kind, resolve_mart
from airflow_ai_etl.marts.sql import mart_sql
from airflow_ai_etl.relations import relations_of
from airflow_ai_etl.transfers.mart_to_clickhouse import ch_time_literal, shift_grain
from tests.catalogs import shop_catalog

SALES = {"conn_id": "pg_shop", "table": "sales"}
REVENUE = {"func": "sum", "column": "amount", "as": "revenue"}


def mart(**fields) -> Mart:
    return Mart.model_validate({**SALES, "measures": [REVENUE], **fields})


def questions(m: Mart, catalog: Catalog | None = None) -> list[str]:
    with pytest.raises(MartQuestion) as info:
        resolve_mart(m, catalog or shop_catalog())
    return info.value.questions


def ch_catalog() -> Catalog:
    """A ClickHouse connection whose database `dwh` holds a loaded sales table."""
    sales = Table(
        "dwh",
        "sales",
        (
            Column("id", "Int64", False),
            Column("amount", "Decimal(12, 2)", False),
            Column("quantity", "Nullable(Int32)"),
            Column("region", "String", False),
            Column("sold_at", "DateTime('UTC')", False),
            Column("customer_id", "Int64", False),
        ),
    )
    conn = ConnectionInfo("ch_dwh", "clickhouse", "", "127.0.0.1", "dwh")
    return Catalog(connections={"ch_dwh": conn}, tables={"ch_dwh": [sales]})


# --------------------------------------------------------------------------- model


def test_model_round_trips_with_as_spelled_as_in_json():
    m = mart(time_grain={"column": "sold_at", "grain": "day"}, dimensions=["region"])
    data = m.to_json_dict()
    assert data["measures"] == [{"func": "sum", "column": "amount", "as": "revenue"}]
    assert Mart.model_validate(data) == m
    assert m.output_names() == ["day", "region", "revenue"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"measures": [{"func": "sum"}]}, "sum needs a column"),
        ({"measures": [REVENUE, {"func": "sum", "column": "quantity", "as": "revenue"}]}, "repeat"),
        ({"refresh": "incremental"}, "needs a time_grain"),
        ({"filters": [{"column": "region", "op": "in", "value": "north"}]}, "non-empty list"),
        ({"filters": [{"column": "region", "op": "=", "value": None}]}, "is_null"),
        ({"dimensions": ["region; DROP TABLE sales"]}, "is not a column"),
        ({"measures": [{"func": "median", "column": "amount"}]}, "func"),
        ({"unknown": 1}, "Extra inputs"),
    ],
)
def test_model_rejects_malformed_marts(fields, message):
    with pytest.raises(ValidationError, match=message):
        Mart.model_validate({**SALES, "measures": [REVENUE], **fields})


@pytest.mark.parametrize(
    ("type_name", "family", "scale"),
    [
        ("numeric(12,2)", "decimal", 2),
        ("decimal(12, 2)", "decimal", 2),
        ("numeric", "decimal", None),
        ("Nullable(Decimal(18, 4))", "decimal", 4),
        ("bigint", "int", None),
        ("Nullable(UInt32)", "int", None),
        ("double precision", "float", None),
        ("Float64", "float", None),
        ("timestamp without time zone", "timestamp", None),
        ("timestamptz", "timestamptz", None),
        ("DateTime('UTC')", "timestamp", None),
        ("date", "date", None),
        ("LowCardinality(String)", "text", None),
        ("jsonb", "other", None),
    ],
)
def test_column_kind(type_name, family, scale):
    kind = column_kind(type_name)
    assert (kind.family, kind.scale) == (family, scale)


# --------------------------------------------------------------------------- SQL


def test_pushed_down_sql_groups_by_grain_and_dimension_and_parses():
    m = mart(
        measures=[
            REVENUE,
            {"func": "count", "as": "orders"},
            {"func": "avg", "column": "amount", "as": "check"},
        ],
        dimensions=["region"],
        time_grain={"column": "sold_at", "grain": "day"},
        filters=[{"column": "quantity", "op": ">=", "value": 2}],
    )
    sql = mart_sql(resolve_mart(m, shop_catalog()))
    assert sql.startswith(
        'SELECT CAST(DATE_TRUNC(\'day\', "sales"."sold_at") AS DATE) AS "day", "sales"."region" AS "region", '
        'CAST(SUM("sales"."amount") AS DECIMAL(38, 2)) AS "revenue", COUNT(*) AS "orders", '
    )
    assert 'FROM "public"."sales" AS "sales" WHERE "sales"."quantity" >= 2 GROUP BY' in sql
    # avg of numeric(12,2): scale 6, truncated with integer division (exactly what ClickHouse does)
    assert 'DIV(CAST(SUM("sales"."amount") AS DECIMAL) * 1000000, NULLIF(COUNT("sales"."amount"), 0))' in sql
    parsed = sqlglot.parse_one(sql, read="postgres")
    assert isinstance(parsed, exp.Select) and len(parsed.expressions) == 5


def test_values_enter_the_sql_as_literals_only():
    evil = "x'); DROP TABLE sales; --"
    m = mart(filters=[{"column": "region", "op": "in", "value": [evil, "north"]}])
    sql = mart_sql(resolve_mart(m, shop_catalog()))
    statements = sqlglot.parse(sql, read="postgres")
    assert len(statements) == 1 and not list(statements[0].find_all(exp.Drop))
    assert "'x''); DROP TABLE sales; --'" in sql


def test_unique_relation_path_is_joined_automatically():
    m = mart(dimensions=["category"])
    sql = mart_sql(resolve_mart(m, shop_catalog()))
    assert 'LEFT JOIN "public"."products" AS "products" ON "sales"."product_id" = "products"."id"' in sql
    assert 'GROUP BY "products"."category"' in sql


def test_explicit_join_picks_one_of_two_paths():
    m = mart(dimensions=["city"], joins=[{"table": "customers", "on": {"customer_id": "id"}}])
    sql = mart_sql(resolve_mart(m, shop_catalog()))
    assert 'LEFT JOIN "public"."customers" AS "customers" ON "sales"."customer_id" = "customers"."id"' in sql
    assert "orders" not in sql


def test_clickhouse_side_sql_keeps_output_names_apart_from_columns():
    m = Mart.model_validate(
        {
            "conn_id": "ch_dwh",
            "table": "sales",
            "measures": [
                {"func": "sum", "column": "amount", "as": "amount"},
                {"func": "avg", "column": "quantity"},
            ],
            "time_grain": {"column": "sold_at", "grain": "week", "as": "sold_at"},
        }
    )
    resolved = resolve_mart(m, ch_catalog())
    sql = mart_sql(resolved)
    # toMonday(sold_at) AS sold_at inside one query would make ClickHouse read the alias as the column
    assert sql == (
        'SELECT "ai_etl_k0" AS "sold_at", "ai_etl_m0" AS "amount", "ai_etl_m1" AS "avg_quantity" FROM '
        '(SELECT toMonday("sales"."sold_at") AS "ai_etl_k0", SUM("sales"."amount") AS "ai_etl_m0", '
        'toDecimal128(SUM("sales"."quantity"), 4) / greatest(COUNT("sales"."quantity"), 1) AS "ai_etl_m1" '
        'FROM "dwh"."sales" AS "sales" GROUP BY toMonday("sales"."sold_at"))'
    )
    assert sqlglot.parse_one(sql, read="clickhouse") is not None
    since = mart_sql(resolved, since="2024-03-04")
    assert 'WHERE toMonday("sales"."sold_at") >= toDate(\'2024-03-04\')' in since


def test_incremental_bounds_compare_the_column_itself_in_postgres():
    hourly = mart(time_grain={"column": "sold_at", "grain": "hour"})
    sql = mart_sql(resolve_mart(hourly, shop_catalog()), since="2024-01-05 03:00:00")
    assert 'WHERE "sales"."sold_at" >= CAST(\'2024-01-05 03:00:00\' AS TIMESTAMP)' in sql
    events = Mart.model_validate(
        {
            "conn_id": "pg_shop",
            "table": "events",
            "measures": [{"func": "count"}],
            "time_grain": {"column": "occurred_at", "grain": "day"},
        }
    )
    sql = mart_sql(resolve_mart(events, shop_catalog()), since="2024-04-01")
    # a timestamptz is grouped and bounded in UTC, whatever the session's time zone
    assert "DATE_TRUNC('day', \"events\".\"occurred_at\" AT TIME ZONE 'UTC')" in sql
    assert '"events"."occurred_at" >= CAST(\'2024-04-01+00\' AS TIMESTAMPTZ)' in sql


def test_where_columns_are_qualified_and_transpiled():
    m = mart(dimensions=["category"], where="quantity > 2 OR category = 'toys'")
    resolved = resolve_mart(m, shop_catalog())
    assert '("sales"."quantity" > 2 OR "products"."category" = \'toys\')' in mart_sql(resolved)


# --------------------------------------------------------------------------- questions


def test_sum_of_text_asks_for_a_numeric_column():
    [question] = questions(mart(measures=[{"func": "sum", "column": "region"}]))
    assert "sum needs a numeric column; sales.region is text" in question
    assert "amount, quantity" in question


def test_grain_on_a_non_time_column_names_the_time_columns():
    [question] = questions(mart(time_grain={"column": "region", "grain": "month"}))
    assert "needs a date or time column" in question and "sold_at, updated_at" in question


def test_hour_grain_on_a_date_is_refused():
    m = Mart.model_validate(
        {
            "conn_id": "pg_shop",
            "table": "customers",
            "measures": [{"func": "count"}],
            "time_grain": {"column": "birth_date", "grain": "hour"},
        }
    )
    assert "is a date (no hours)" in questions(m)[0]


def test_unknown_dimension_suggests_a_close_column_of_a_reachable_table():
    [question] = questions(mart(dimensions=["citty"]))
    assert "'citty' not found" in question and "customers.city" in question


def test_two_join_paths_are_a_question_naming_both():
    [question] = questions(mart(dimensions=["city"]))
    assert "2 paths" in question
    assert "sales.customer_id -> customers.id" in question
    assert "sales.order_id -> orders.id, orders.customer_id -> customers.id" in question


def test_joining_a_child_table_is_refused_because_it_repeats_rows():
    m = Mart.model_validate(
        {
            "conn_id": "pg_shop",
            "table": "orders",
            "measures": [{"func": "sum", "column": "total"}],
            "joins": [{"table": "payments"}],
        }
    )
    assert "would repeat each orders row" in questions(m)[0]


def test_explicit_join_off_the_key_is_refused():
    m = mart(dimensions=["customers.city"], joins=[{"table": "customers", "on": {"customer_id": "phone"}}])
    qs = questions(m)
    assert any("types differ" in q or "not the primary key" in q for q in qs)


def test_unsafe_where_and_mistyped_filters_are_questions():
    assert "no subqueries" in questions(mart(where="amount > (SELECT max(total) FROM orders)"))[0]
    assert "';' or comments" in questions(mart(where="amount > 1; DROP TABLE sales"))[0]
    assert (
        "sales.amount is decimal(12, 2)"
        in questions(mart(filters=[{"column": "amount", "op": ">", "value": "a lot"}]))[0]
    )


def test_clickhouse_side_mart_does_not_join():
    m = Mart.model_validate(
        {
            "conn_id": "ch_dwh",
            "table": "sales",
            "measures": [{"func": "count"}],
            "dimensions": ["customers.city"],
        }
    )
    assert "pushed down to PostgreSQL only" in questions(m, ch_catalog())[0]


def test_missing_table_and_connection():
    assert (
        "did you mean sales"
        in questions(Mart.model_validate({**SALES, "table": "sale", "measures": [REVENUE]}))[0]
    )
    assert (
        "does not exist"
        in questions(Mart.model_validate({**SALES, "conn_id": "nope", "measures": [REVENUE]}))[0]
    )


# --------------------------------------------------------------------------- relations, windows


def test_relations_declared_and_inferred_from_names():
    labels = {r.label: r for r in relations_of(shop_catalog(), "pg_shop")}
    assert labels["orders.customer_id -> customers.id"].kind == "declared"
    inferred = labels["sales.product_id -> products.id"]
    assert inferred.kind == "inferred" and inferred.confidence == 0.6 and inferred.joinable
    assert any("named after table products" in e for e in inferred.evidence)
    # users.id is bigint, events.user_id bigint: a candidate; leads have no *_id columns
    assert "events.user_id -> users.id" in labels
    assert not any(label.startswith("leads.") for label in labels)


@pytest.mark.parametrize(
    ("start", "grain", "steps", "expected"),
    [
        ("2024-03-05", "day", 2, "2024-03-03"),
        ("2024-03-04", "week", 1, "2024-02-26"),
        ("2024-01-01", "month", 2, "2023-11-01"),
        ("2024-03-01 01:00:00", "hour", 3, "2024-02-29 22:00:00"),
        ("2024-03-05", "day", 0, "2024-03-05"),
    ],
)
def test_shift_grain(start, grain, steps, expected):
    assert shift_grain(start, grain, steps) == expected


def test_ch_time_literal_uses_the_column_zone():
    assert ch_time_literal("Nullable(Date)", "2024-03-04") == "toDate('2024-03-04')"
    assert ch_time_literal("DateTime('Europe/Moscow')", "2024-03-04 05:00:00") == (
        "toDateTime('2024-03-04 05:00:00', 'Europe/Moscow')"
    )
