"""Catalogs for tests that need no server: built from CREATE TABLE statements with sqlglot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlglot
from sqlglot import exp

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, ForeignKey, Table

FIXTURES = Path(__file__).parent / "fixtures"


def tables_from_ddl(sql: str, default_schema: str = "public") -> list[Table]:
    """Tables, columns, keys and comments of every CREATE TABLE / COMMENT ON in `sql` (PostgreSQL)."""
    tables = []
    statements = sqlglot.parse(sql, read="postgres")
    for statement in statements:
        if not isinstance(statement, exp.Create) or statement.kind != "TABLE":
            continue
        schema_node = statement.this
        table_node = schema_node.this
        columns, primary_key, foreign_keys = [], [], []
        for item in schema_node.expressions:
            if isinstance(item, exp.ColumnDef):
                constraints = [c.kind for c in item.constraints]
                if any(isinstance(k, exp.PrimaryKeyColumnConstraint) for k in constraints):
                    primary_key.append(item.name)
                for ref in (k for k in constraints if isinstance(k, exp.Reference)):
                    target = ref.this
                    foreign_keys.append(
                        ForeignKey((item.name,), f"{target.this.db or default_schema}.{target.this.name}",
                                   tuple(c.name for c in target.expressions))
                    )  # fmt: skip
                not_null = any(isinstance(k, exp.NotNullColumnConstraint) for k in constraints)
                columns.append(Column(item.name, item.args["kind"].sql("postgres").lower(), not not_null))
            elif isinstance(item, exp.PrimaryKey):
                primary_key += [e.name for e in item.expressions]
        tables.append(
            Table(
                schema=table_node.db or default_schema,
                name=table_node.name,
                columns=tuple(
                    Column(c.name, c.type, c.nullable and c.name not in primary_key) for c in columns
                ),
                primary_key=tuple(primary_key),
                foreign_keys=tuple(foreign_keys),
            )
        )
    return _with_comments(tables, statements, default_schema)


def _with_comments(tables: list[Table], statements: list, default_schema: str) -> list[Table]:
    """Apply `COMMENT ON TABLE/COLUMN ... IS '...'` statements to the parsed tables."""
    table_comments: dict[str, str] = {}
    column_comments: dict[tuple[str, str], str] = {}
    for statement in statements:
        if not isinstance(statement, exp.Comment):
            continue
        node, text = statement.this, statement.expression.name
        if statement.args.get("kind") == "TABLE":
            table_comments[f"{node.db or default_schema}.{node.name}"] = text
        elif statement.args.get("kind") == "COLUMN":
            column_comments[(f"{node.db or default_schema}.{node.table}", node.name)] = text
    return [
        replace(
            t,
            comment=table_comments.get(t.qualified_name, t.comment),
            columns=tuple(
                replace(c, comment=column_comments.get((t.qualified_name, c.name), c.comment))
                for c in t.columns
            ),
        )
        for t in tables
    ]


def shop_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """The demo shop database behind pg_shop, and one ClickHouse connection."""
    connections = [
        ConnectionInfo("pg_shop", "postgres", "Shop database", "127.0.0.1", "shop"),
        ConnectionInfo("clickhouse_default", "clickhouse", "Analytics warehouse", "127.0.0.1", "default"),
        *extra_connections,
    ]
    sql = (FIXTURES / "shop.sql").read_text(encoding="utf-8")
    return Catalog(connections={c.conn_id: c for c in connections}, tables={"pg_shop": tables_from_ddl(sql)})


REPORTING_DDL = """
CREATE TABLE public.kpi_daily (day date, metric text, value numeric(14,2), PRIMARY KEY (day, metric));
"""


def clinic_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A second domain: the clinic database behind pg_clinic, a reporting Postgres and a ClickHouse DWH."""
    connections = [
        ConnectionInfo("pg_clinic", "postgres", "Clinic EMR database", "127.0.0.1", "clinic"),
        ConnectionInfo(
            "pg_reporting", "postgres", "Reporting Postgres for BI dashboards", "127.0.0.1", "reporting"
        ),
        ConnectionInfo("ch_dwh", "clickhouse", "ClickHouse analytics warehouse", "127.0.0.1", "dwh"),
        *extra_connections,
    ]
    sql = (FIXTURES / "clinic.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections},
        tables={"pg_clinic": tables_from_ddl(sql), "pg_reporting": tables_from_ddl(REPORTING_DDL)},
    )


def hr_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A third domain with Russian table comments: the HR database behind pg_hr and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo("pg_hr", "postgres", "HR and payroll database", "127.0.0.1", "hr"),
        ConnectionInfo("ch_hr", "clickhouse", "ClickHouse for HR analytics", "127.0.0.1", "hr"),
        *extra_connections,
    ]
    sql = (FIXTURES / "hr.sql").read_text(encoding="utf-8")
    return Catalog(connections={c.conn_id: c for c in connections}, tables={"pg_hr": tables_from_ddl(sql)})


def logistics_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fourth domain with Russian comments: parcel delivery and fleet behind pg_logistics, a ClickHouse warehouse."""
    connections = [
        ConnectionInfo("pg_logistics", "postgres", "Delivery service database", "127.0.0.1", "logistics"),
        ConnectionInfo(
            "ch_logistics", "clickhouse", "ClickHouse for logistics reporting", "127.0.0.1", "logistics"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "logistics.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_logistics": tables_from_ddl(sql)}
    )


BI_DDL = """
CREATE TABLE public.faculty_kpi (day date, faculty text, metric text, value numeric(14,2), PRIMARY KEY (day, faculty, metric));
"""


def univ_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fifth domain with Russian comments: a university behind pg_univ, a BI PostgreSQL and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_univ", "postgres", "University records database (dean's office)", "127.0.0.1", "univ"
        ),
        ConnectionInfo("pg_bi", "postgres", "Reporting PostgreSQL for BI dashboards", "127.0.0.1", "bi"),
        ConnectionInfo(
            "ch_univ", "clickhouse", "ClickHouse warehouse for university analytics", "127.0.0.1", "univ"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "univ.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections},
        tables={"pg_univ": tables_from_ddl(sql), "pg_bi": tables_from_ddl(BI_DDL)},
    )


def utility_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A sixth domain with Russian comments: an energy retailer behind pg_utility and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_utility", "postgres", "Energy retail billing and metering database", "127.0.0.1", "utility"
        ),
        ConnectionInfo(
            "ch_utility", "clickhouse", "ClickHouse warehouse for metering analytics", "127.0.0.1", "utility"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "utility.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_utility": tables_from_ddl(sql)}
    )


def telecom_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A seventh domain with Russian comments: a mobile operator behind pg_telecom and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_telecom",
            "postgres",
            "Mobile operator billing and subscriber database",
            "127.0.0.1",
            "telecom",
        ),
        ConnectionInfo(
            "ch_telecom", "clickhouse", "ClickHouse warehouse for telecom analytics", "127.0.0.1", "telecom"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "telecom.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_telecom": tables_from_ddl(sql)}
    )


def bank_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """An eighth domain with Russian comments: a retail bank behind pg_bank and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo("pg_bank", "postgres", "Retail bank core banking database", "127.0.0.1", "bank"),
        ConnectionInfo(
            "ch_bank", "clickhouse", "ClickHouse warehouse for bank analytics", "127.0.0.1", "bank"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "bank.sql").read_text(encoding="utf-8")
    return Catalog(connections={c.conn_id: c for c in connections}, tables={"pg_bank": tables_from_ddl(sql)})


def insurance_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A ninth domain with Russian comments: an insurer behind pg_insurance and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_insurance",
            "postgres",
            "Insurance company policy and claims database",
            "127.0.0.1",
            "insurance",
        ),
        ConnectionInfo(
            "ch_insurance",
            "clickhouse",
            "ClickHouse warehouse for insurance analytics",
            "127.0.0.1",
            "insurance",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "insurance.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_insurance": tables_from_ddl(sql)}
    )


def hotel_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A tenth domain with Russian comments: a hotel chain behind pg_hotel and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_hotel", "postgres", "Hotel chain reservations and guest database", "127.0.0.1", "hotel"
        ),
        ConnectionInfo(
            "ch_hotel", "clickhouse", "ClickHouse warehouse for hotel analytics", "127.0.0.1", "hotel"
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "hotel.sql").read_text(encoding="utf-8")
    return Catalog(connections={c.conn_id: c for c in connections}, tables={"pg_hotel": tables_from_ddl(sql)})


def carshare_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """An eleventh domain with Russian comments: a car-sharing service behind pg_carshare and a ClickHouse
    warehouse."""
    connections = [
        ConnectionInfo(
            "pg_carshare",
            "postgres",
            "Car-sharing trips, fleet and customer database",
            "127.0.0.1",
            "carshare",
        ),
        ConnectionInfo(
            "ch_carshare",
            "clickhouse",
            "ClickHouse warehouse for car-sharing analytics",
            "127.0.0.1",
            "carshare",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "carshare.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_carshare": tables_from_ddl(sql)}
    )


def airline_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twelfth domain with Russian comments: an airline behind pg_airline and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_airline",
            "postgres",
            "Airline flights, bookings and passenger database",
            "127.0.0.1",
            "airline",
        ),
        ConnectionInfo(
            "ch_airline",
            "clickhouse",
            "ClickHouse warehouse for airline analytics",
            "127.0.0.1",
            "airline",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "airline.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_airline": tables_from_ddl(sql)}
    )


def cinema_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A thirteenth domain with Russian comments: a cinema chain behind pg_cinema and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_cinema",
            "postgres",
            "Cinema chain box office, screenings and loyalty database",
            "127.0.0.1",
            "cinema",
        ),
        ConnectionInfo(
            "ch_cinema",
            "clickhouse",
            "ClickHouse warehouse for cinema analytics",
            "127.0.0.1",
            "cinema",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "cinema.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_cinema": tables_from_ddl(sql)}
    )


def fitness_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fourteenth domain with Russian comments: a fitness-club chain behind pg_fitness and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_fitness",
            "postgres",
            "Fitness club chain members, memberships, visits and classes database",
            "127.0.0.1",
            "fitness",
        ),
        ConnectionInfo(
            "ch_fitness",
            "clickhouse",
            "ClickHouse warehouse for fitness club analytics",
            "127.0.0.1",
            "fitness",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "fitness.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_fitness": tables_from_ddl(sql)}
    )


def evcharge_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fifteenth domain with Russian comments: an EV-charging network behind pg_evcharge and a ClickHouse warehouse."""
    connections = [
        ConnectionInfo(
            "pg_evcharge",
            "postgres",
            "EV charging network stations, connectors, charging sessions, tariffs and accounts database",
            "127.0.0.1",
            "evcharge",
        ),
        ConnectionInfo(
            "ch_evcharge",
            "clickhouse",
            "ClickHouse warehouse for EV charging analytics",
            "127.0.0.1",
            "evcharge",
        ),
        *extra_connections,
    ]
    sql = (FIXTURES / "evcharge.sql").read_text(encoding="utf-8")
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_evcharge": tables_from_ddl(sql)}
    )


CATALOGS = {
    "shop": shop_catalog,
    "clinic": clinic_catalog,
    "hr": hr_catalog,
    "logistics": logistics_catalog,
    "univ": univ_catalog,
    "utility": utility_catalog,
    "telecom": telecom_catalog,
    "bank": bank_catalog,
    "insurance": insurance_catalog,
    "hotel": hotel_catalog,
    "carshare": carshare_catalog,
    "airline": airline_catalog,
    "cinema": cinema_catalog,
    "fitness": fitness_catalog,
    "evcharge": evcharge_catalog,
}
