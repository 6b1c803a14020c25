"""Grounding is case-exact: what a spec names must exist exactly as PostgreSQL will resolve it.

The transfers quote table and column names (``"Orders"``, ``"Amount"``), and PostgreSQL folds an
unquoted name in a condition to lower case, so ``orders``/``Amount`` against a table ``Orders``
with a column ``Amount`` would fail at run time; the gate refuses it and suggests the real name.
"""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.validation import validate_spec
from tests.catalogs import shop_catalog, tables_from_ddl

MIXED_DDL = """
CREATE TABLE public."Orders" (id bigint PRIMARY KEY, "Amount" numeric(12,2), status text, "UpdatedAt" timestamp);
CREATE TABLE public.payments (id bigint PRIMARY KEY, amount numeric(12,2));
"""


def mixed_catalog() -> Catalog:
    connections = [
        ConnectionInfo("pg_app", "postgres", "App database", "127.0.0.1", "app"),
        ConnectionInfo("clickhouse_default", "clickhouse", "Warehouse", "127.0.0.1", "default"),
    ]
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_app": tables_from_ddl(MIXED_DDL)}
    )


def found(source: dict, catalog: Catalog | None = None, **more) -> list[tuple[str, str, str]]:
    data = {
        "dag_id": "orders_to_ch",
        "schedule": "@daily",
        "source": {"conn_id": "pg_app", "table": "Orders", **source},
        "target": {"conn_id": "clickhouse_default", "table": "orders"},
        **more,
    }
    _, problems = validate_spec(data, catalog or mixed_catalog())
    return [(p.gate, p.field, p.message) for p in problems]


def test_exact_names_ground() -> None:
    assert found({"columns": ["id", "Amount"], "incremental": {"column": "UpdatedAt"}}) == []
    assert found({"table": "public.Orders", "where": "\"Amount\" > 10 AND status = 'paid'"}) == []
    assert found({"where": '"Orders"."Amount" > 10'}) == []


@pytest.mark.parametrize(
    ("source", "more", "field", "message"),
    [
        ({"table": "orders"}, {}, "source.table", "table 'orders' not found in pg_app; did you mean 'Orders'?"),
        ({"table": "public.orders"}, {}, "source.table", "did you mean 'Orders'?"),
        ({"columns": ["id", "amount"]}, {}, "source.columns",
         "column 'amount' not found in public.Orders; did you mean 'Amount'?"),
        ({"incremental": {"column": "updatedat"}}, {}, "source.incremental.column", "did you mean 'UpdatedAt'?"),
        ({}, {"transforms": [{"type": "mask", "columns": ["STATUS"]}]}, "transforms.0.columns",
         "did you mean 'status'?"),
        ({"columns": ["id", "Amount"]}, {"target": {"conn_id": "clickhouse_default", "table": "orders",
                                                    "mode": "upsert", "keys": ["ID"]}},
         "target.keys", "did you mean 'id'?"),
        # Unquoted, PostgreSQL reads `Amount` as `amount`: not a column of "Orders".
        ({"where": "Amount > 10"}, {}, "source.where", "column 'amount' not found in public.Orders; "
         "did you mean \"Amount\" (double-quoted)?"),
        ({"where": '"amount" > 10'}, {}, "source.where", "did you mean \"Amount\""),
        ({"where": '"Status" = \'paid\''}, {}, "source.where", "did you mean status?"),
    ],
)  # fmt: skip
def test_a_case_variant_is_not_the_name(source: dict, more: dict, field: str, message: str) -> None:
    problems = found(source, **more)
    assert any(g == "grounding" and f == field and message in m for g, f, m in problems), problems


def test_lower_case_names_still_ground_in_any_unquoted_spelling_of_a_condition() -> None:
    """`AMOUNT > 1` is `amount > 1` to PostgreSQL: the shop's lower-case column."""
    data = {
        "dag_id": "sales_to_ch",
        "schedule": "@daily",
        "source": {"conn_id": "pg_shop", "table": "sales", "where": "AMOUNT > 1 AND Region = 'north'"},
        "target": {"conn_id": "clickhouse_default", "table": "sales"},
    }
    assert validate_spec(data, shop_catalog())[1] == []
    data["source"]["table"] = "Sales"
    problems = [p.message for p in validate_spec(data, shop_catalog())[1]]
    assert problems == ["table 'Sales' not found in pg_shop; did you mean 'sales'?"], problems


def test_the_planner_reads_a_request_case_insensitively_and_writes_exact_names() -> None:
    outcome = OfflinePlanner(mixed_catalog()).plan(
        "Load orders where amount > 100 from pg_app to ClickHouse daily"
    )
    assert outcome.status == "ok", (outcome.questions, outcome.errors)
    assert outcome.spec.source.table == "Orders"
    assert outcome.spec.source.where == '"Amount" > 100'
    assert validate_spec(outcome.spec, mixed_catalog())[1] == []
