"""Catalogs for tests that need no server: built from CREATE TABLE statements with sqlglot."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import sqlglot
from sqlglot import exp

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, ForeignKey, Table, check_values

FIXTURES = Path(__file__).parent / "fixtures"


def tables_from_ddl(sql: str, default_schema: str = "public") -> list[Table]:
    """Tables, columns, keys and comments of every CREATE TABLE / COMMENT ON in `sql` (PostgreSQL), and the
    values a column declares: its single-column CHECKs (on the column or the table) and its CREATE TYPE ... AS
    ENUM labels, as the PostgreSQL reader reads them (airflow_ai_etl.catalog.check_values).

    A new list each call, of tables parsed once per process: sqlglot's parse was ~0.25 s of CPU per
    catalog, and the planner tests build thousands (45% of the unit tests' time). The tables are
    frozen dataclasses of tuples, so a caller cannot change what another call returns."""
    return list(_parsed_tables(sql, default_schema))


@functools.cache
def _parsed_tables(sql: str, default_schema: str) -> tuple[Table, ...]:
    tables = []
    statements = sqlglot.parse(sql, read="postgres")
    enums = _enum_types(statements, default_schema)
    for statement in statements:
        if not isinstance(statement, exp.Create) or statement.kind != "TABLE":
            continue
        schema_node = statement.this
        table_node = schema_node.this
        columns, primary_key, foreign_keys = [], [], []
        table_checks = [
            check
            for item in schema_node.expressions
            for check in ([item] if isinstance(item, exp.CheckColumnConstraint) else item.expressions)
            if isinstance(item, (exp.CheckColumnConstraint, exp.Constraint))
            and isinstance(check, exp.CheckColumnConstraint)
        ]
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
                type_ = item.args["kind"].sql("postgres").lower()
                checks = [k for k in constraints if isinstance(k, exp.CheckColumnConstraint)] + table_checks
                declared = enums.get(type_ if "." in type_ else f"{default_schema}.{type_}", ())
                for listed in (v for v in (check_values(k, item.name) for k in checks) if v):
                    declared = tuple(v for v in listed if v in declared) if declared else listed
                columns.append(Column(item.name, type_, not not_null, values=declared))
            elif isinstance(item, exp.PrimaryKey):
                primary_key += [e.name for e in item.expressions]
        tables.append(
            Table(
                schema=table_node.db or default_schema,
                name=table_node.name,
                columns=tuple(replace(c, nullable=c.nullable and c.name not in primary_key) for c in columns),
                primary_key=tuple(primary_key),
                foreign_keys=tuple(foreign_keys),
            )
        )
    return tuple(_with_comments(tables, statements, default_schema))


def _enum_types(statements: list, default_schema: str) -> dict[str, tuple[str, ...]]:
    """`schema.type` -> the labels of every CREATE TYPE ... AS ENUM in `statements`, in their order."""
    found = {}
    for statement in statements:
        if not isinstance(statement, exp.Create) or statement.kind != "TYPE":
            continue
        enum = statement.args.get("expression")
        if isinstance(enum, exp.DataType) and enum.this == exp.DataType.Type.ENUM:
            name = f"{statement.this.db or default_schema}.{statement.this.name}".lower()
            found[name] = tuple(label.name for label in enum.expressions)
    return found


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


def _catalog(
    fixture: str,
    connections: list[ConnectionInfo],
    extra_connections: tuple[ConnectionInfo, ...],
    more_tables: dict[str, str] | None = None,
) -> Catalog:
    """`connections` (the first one holds tests/fixtures/<fixture>.sql), then `extra_connections`;
    `more_tables` maps further connection ids to their DDL."""
    sql = (FIXTURES / f"{fixture}.sql").read_text(encoding="utf-8")
    tables = {connections[0].conn_id: tables_from_ddl(sql)}
    tables |= {conn_id: tables_from_ddl(ddl) for conn_id, ddl in (more_tables or {}).items()}
    everything = [*connections, *extra_connections]
    return Catalog(connections={c.conn_id: c for c in everything}, tables=tables)


def _domain_catalog(
    name: str, source: str, warehouse: str, extra_connections: tuple[ConnectionInfo, ...]
) -> Catalog:
    """tests/fixtures/<name>.sql behind pg_<name> (described as `source`) and a ClickHouse warehouse
    ch_<name> (described as `warehouse`)."""
    connections = [
        ConnectionInfo(f"pg_{name}", "postgres", source, "127.0.0.1", name),
        ConnectionInfo(f"ch_{name}", "clickhouse", warehouse, "127.0.0.1", name),
    ]
    return _catalog(name, connections, extra_connections)


def shop_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """The demo shop database behind pg_shop, and one ClickHouse connection."""
    connections = [
        ConnectionInfo("pg_shop", "postgres", "Shop database", "127.0.0.1", "shop"),
        ConnectionInfo("clickhouse_default", "clickhouse", "Analytics warehouse", "127.0.0.1", "default"),
    ]
    return _catalog("shop", connections, extra_connections)


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
    ]
    return _catalog("clinic", connections, extra_connections, {"pg_reporting": REPORTING_DDL})


def hr_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A third domain with Russian table comments: the HR database behind pg_hr and a ClickHouse warehouse."""
    return _domain_catalog("hr", "HR and payroll database", "ClickHouse for HR analytics", extra_connections)


def logistics_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fourth domain with Russian comments: parcel delivery and fleet behind pg_logistics, a ClickHouse warehouse."""
    return _domain_catalog(
        "logistics", "Delivery service database", "ClickHouse for logistics reporting", extra_connections
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
    ]
    return _catalog("univ", connections, extra_connections, {"pg_bi": BI_DDL})


def utility_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A sixth domain with Russian comments: an energy retailer behind pg_utility and a ClickHouse warehouse."""
    return _domain_catalog(
        "utility",
        "Energy retail billing and metering database",
        "ClickHouse warehouse for metering analytics",
        extra_connections,
    )


def telecom_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A seventh domain with Russian comments: a mobile operator behind pg_telecom and a ClickHouse warehouse."""
    return _domain_catalog(
        "telecom",
        "Mobile operator billing and subscriber database",
        "ClickHouse warehouse for telecom analytics",
        extra_connections,
    )


def bank_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """An eighth domain with Russian comments: a retail bank behind pg_bank and a ClickHouse warehouse."""
    return _domain_catalog(
        "bank",
        "Retail bank core banking database",
        "ClickHouse warehouse for bank analytics",
        extra_connections,
    )


def insurance_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A ninth domain with Russian comments: an insurer behind pg_insurance and a ClickHouse warehouse."""
    return _domain_catalog(
        "insurance",
        "Insurance company policy and claims database",
        "ClickHouse warehouse for insurance analytics",
        extra_connections,
    )


def hotel_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A tenth domain with Russian comments: a hotel chain behind pg_hotel and a ClickHouse warehouse."""
    return _domain_catalog(
        "hotel",
        "Hotel chain reservations and guest database",
        "ClickHouse warehouse for hotel analytics",
        extra_connections,
    )


def carshare_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """An eleventh domain with Russian comments: a car-sharing service behind pg_carshare and a ClickHouse
    warehouse."""
    return _domain_catalog(
        "carshare",
        "Car-sharing trips, fleet and customer database",
        "ClickHouse warehouse for car-sharing analytics",
        extra_connections,
    )


def airline_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twelfth domain with Russian comments: an airline behind pg_airline and a ClickHouse warehouse."""
    return _domain_catalog(
        "airline",
        "Airline flights, bookings and passenger database",
        "ClickHouse warehouse for airline analytics",
        extra_connections,
    )


def cinema_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A thirteenth domain with Russian comments: a cinema chain behind pg_cinema and a ClickHouse warehouse."""
    return _domain_catalog(
        "cinema",
        "Cinema chain box office, screenings and loyalty database",
        "ClickHouse warehouse for cinema analytics",
        extra_connections,
    )


def fitness_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fourteenth domain with Russian comments: a fitness-club chain behind pg_fitness and a ClickHouse warehouse."""
    return _domain_catalog(
        "fitness",
        "Fitness club chain members, memberships, visits and classes database",
        "ClickHouse warehouse for fitness club analytics",
        extra_connections,
    )


def evcharge_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A fifteenth domain with Russian comments: an EV-charging network behind pg_evcharge and a ClickHouse warehouse."""
    return _domain_catalog(
        "evcharge",
        "EV charging network stations, connectors, charging sessions, tariffs and accounts database",
        "ClickHouse warehouse for EV charging analytics",
        extra_connections,
    )


def food_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A sixteenth domain with Russian comments: a restaurant chain with food delivery behind pg_food and a ClickHouse warehouse."""
    return _domain_catalog(
        "food",
        "Restaurant chain and food delivery database: restaurants, menu, orders, couriers, deliveries, reviews",
        "ClickHouse warehouse for restaurant and delivery analytics",
        extra_connections,
    )


def pharmacy_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A seventeenth domain with Russian comments: a pharmacy chain behind pg_pharmacy and a ClickHouse warehouse."""
    return _domain_catalog(
        "pharmacy",
        "Pharmacy chain database: pharmacies, pharmacists, loyalty customers, drugs, stock, supplies, receipts, prescriptions, online orders",
        "ClickHouse warehouse for pharmacy retail analytics",
        extra_connections,
    )


def autoservice_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """An eighteenth domain with Russian comments: a car-service station network behind pg_autoservice and a ClickHouse warehouse."""
    return _domain_catalog(
        "autoservice",
        "Car-service station network database: stations, mechanics, clients, cars, repair appointments, work orders, spare parts",
        "ClickHouse warehouse for car-service analytics",
        extra_connections,
    )


def vet_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A nineteenth domain with Russian comments: a veterinary clinic chain behind pg_vet and a ClickHouse warehouse."""
    return _domain_catalog(
        "vet",
        "Veterinary clinic chain database: clinics, vets, pet owners, pets, appointments, treatments, invoices, vaccinations",
        "ClickHouse warehouse for veterinary clinic analytics",
        extra_connections,
    )


def realty_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twentieth domain with Russian comments: a real-estate agency network behind pg_realty and a ClickHouse warehouse."""
    return _domain_catalog(
        "realty",
        "Real-estate agency network database: offices, agents, clients, properties, listings, viewings, deals, leases, rent payments",
        "ClickHouse warehouse for real-estate analytics",
        extra_connections,
    )


def library_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twenty-first domain with Russian comments: a city public-library network behind pg_library and a ClickHouse warehouse."""
    return _domain_catalog(
        "library",
        "City public-library network database: branches, staff, readers, books, editions, copies, loans, holds, fines, payments, events, event registrations",
        "ClickHouse warehouse for library analytics",
        extra_connections,
    )


def agro_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twenty-second domain with Russian comments: an agricultural holding behind pg_agro and a ClickHouse warehouse."""
    return _domain_catalog(
        "agro",
        "Agricultural holding database: farms, fields, crops, plantings, field operations, machinery, telemetry, fuel logs, workers, shifts, elevators, grain contracts, shipments, payments",
        "ClickHouse warehouse for agro analytics",
        extra_connections,
    )


def construction_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twenty-third domain with Russian comments: a building contractor behind pg_construction and a ClickHouse
    warehouse; status/kind values are declared by CHECK constraints and enum types, not in comments."""
    return _domain_catalog(
        "construction",
        "Building contractor database: projects, sites, contractors, workers, timesheets, inspections, defects, materials, suppliers, material deliveries, equipment rentals, invoices, payments",
        "ClickHouse warehouse for construction analytics",
        extra_connections,
    )


def helpdesk_catalog(extra_connections: tuple[ConnectionInfo, ...] = ()) -> Catalog:
    """A twenty-fourth domain with Russian comments: a customer-support desk behind pg_helpdesk and a ClickHouse
    warehouse; several state/kind columns are smallint codes whose meanings the comments document."""
    return _domain_catalog(
        "helpdesk",
        "Customer support desk database: queues, agents, customers, tickets, ticket comments, SLA breaches, agent shifts, phone calls, callbacks, CSAT surveys, NPS answers, complaints",
        "ClickHouse warehouse for support analytics",
        extra_connections,
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
    "food": food_catalog,
    "pharmacy": pharmacy_catalog,
    "autoservice": autoservice_catalog,
    "vet": vet_catalog,
    "realty": realty_catalog,
    "library": library_catalog,
    "agro": agro_catalog,
    "construction": construction_catalog,
    "helpdesk": helpdesk_catalog,
}
