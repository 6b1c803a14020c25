"""Values a column's schema declares: a single-column CHECK constraint (`status IN (...)`, the `= ANY (ARRAY[...])`
form PostgreSQL stores, `status = 'a' OR status = 'b'`), a PostgreSQL enum type, a ClickHouse Enum8/Enum16.
They are catalog facts (Column.values), read by the PostgreSQL and ClickHouse readers and by the tests' DDL reader,
and the planner reads them exactly as values a comment lists: a state said as a participle or an adjective over
a CHECK or an enum column is that value; a value no constraint lists, and a kind column nothing declares, is asked.

Requests of my own over several catalogs, RU and EN: `construction` (values only in CHECKs and enum types) and a
help desk of my own built twice, once with the values in CHECKs/enum and once with the same values in comments,
which must plan alike.

First pass (at fb68209, before the rules): 71 of 82 failed (with `check_values` and `enum_type_values`, new
here, stubbed so the module imports; the 11 that passed are requests that already asked, or a plain CHECK-less
column).
"""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, Table, check_values, enum_type_values
from airflow_ai_etl.planning.offline import plan
from tests.catalogs import CATALOGS, tables_from_ddl
from tests.planned import plan_in

# --- 1. reading declared values --------------------------------------------------------------------------

DESK_DECLARED = """
CREATE SCHEMA support;
CREATE TYPE public.ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE support.agent_level AS ENUM ('junior', 'senior', 'lead');
CREATE TABLE support.tickets (
    id bigint PRIMARY KEY, subject text NOT NULL, customer_email text, priority ticket_priority NOT NULL,
    status varchar(20) NOT NULL, channel text, reopen_count int CHECK (reopen_count >= 0),
    created_at timestamp NOT NULL, closed_at timestamp, updated_at timestamp NOT NULL,
    CONSTRAINT tickets_status_check CHECK (status = 'open' OR status = 'pending' OR status = 'resolved' OR status = 'closed'),
    CHECK (channel IS NULL OR channel IN ('email', 'phone', 'chat')),
    CHECK (closed_at IS NULL OR closed_at >= created_at)
);
CREATE TABLE support.agents (
    id int PRIMARY KEY, full_name text NOT NULL, level support.agent_level NOT NULL,
    shift text NOT NULL CHECK (shift IN ('day', 'night')), team text, hired_on date NOT NULL
);
COMMENT ON TABLE support.tickets IS 'Обращения в поддержку';
COMMENT ON COLUMN support.tickets.subject IS 'Тема обращения';
COMMENT ON COLUMN support.tickets.customer_email IS 'Email клиента';
COMMENT ON COLUMN support.tickets.priority IS 'Приоритет';
COMMENT ON COLUMN support.tickets.status IS 'Статус обращения';
COMMENT ON COLUMN support.tickets.channel IS 'Канал обращения';
COMMENT ON COLUMN support.tickets.closed_at IS 'Время закрытия';
COMMENT ON TABLE support.agents IS 'Операторы поддержки';
COMMENT ON COLUMN support.agents.full_name IS 'ФИО оператора';
COMMENT ON COLUMN support.agents.level IS 'Уровень оператора';
COMMENT ON COLUMN support.agents.shift IS 'Смена';
COMMENT ON COLUMN support.agents.team IS 'Команда';
"""

# The same help desk with the values listed in the comments instead (how every older catalog says them).
DESK_COMMENTED = """
CREATE SCHEMA support;
CREATE TABLE support.tickets (
    id bigint PRIMARY KEY, subject text NOT NULL, customer_email text, priority text NOT NULL,
    status varchar(20) NOT NULL, channel text, reopen_count int,
    created_at timestamp NOT NULL, closed_at timestamp, updated_at timestamp NOT NULL
);
CREATE TABLE support.agents (
    id int PRIMARY KEY, full_name text NOT NULL, level text NOT NULL, shift text NOT NULL, team text,
    hired_on date NOT NULL
);
COMMENT ON TABLE support.tickets IS 'Обращения в поддержку';
COMMENT ON COLUMN support.tickets.subject IS 'Тема обращения';
COMMENT ON COLUMN support.tickets.customer_email IS 'Email клиента';
COMMENT ON COLUMN support.tickets.priority IS 'Приоритет (low, normal, high, urgent)';
COMMENT ON COLUMN support.tickets.status IS 'Статус обращения (open, pending, resolved, closed)';
COMMENT ON COLUMN support.tickets.channel IS 'Канал обращения (email, phone, chat)';
COMMENT ON COLUMN support.tickets.closed_at IS 'Время закрытия';
COMMENT ON TABLE support.agents IS 'Операторы поддержки';
COMMENT ON COLUMN support.agents.full_name IS 'ФИО оператора';
COMMENT ON COLUMN support.agents.level IS 'Уровень оператора (junior, senior, lead)';
COMMENT ON COLUMN support.agents.shift IS 'Смена (day, night)';
COMMENT ON COLUMN support.agents.team IS 'Команда';
"""


def _desk(ddl: str) -> Catalog:
    connections = [
        ConnectionInfo("pg_desk", "postgres", "Help desk database", "127.0.0.1", "desk"),
        ConnectionInfo("ch_desk", "clickhouse", "ClickHouse for support analytics", "127.0.0.1", "desk"),
    ]
    return Catalog(connections={c.conn_id: c for c in connections}, tables={"pg_desk": tables_from_ddl(ddl)})


def _column(catalog: Catalog, table: str, column: str) -> Column:
    found = catalog.find_table("pg_desk", table)
    assert found is not None and found.column(column) is not None
    return found.column(column)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("table", "column", "values"),
    [
        ("support.tickets", "priority", ("low", "normal", "high", "urgent")),  # an unqualified enum type
        ("support.tickets", "status", ("open", "pending", "resolved", "closed")),  # a named CHECK of ORs
        ("support.tickets", "channel", ("email", "phone", "chat")),  # IS NULL OR IN (...), a table CHECK
        ("support.tickets", "reopen_count", ()),  # a range check lists nothing
        ("support.tickets", "closed_at", ()),  # a check over two columns lists nothing
        ("support.tickets", "subject", ()),
        ("support.agents", "level", ("junior", "senior", "lead")),  # a schema-qualified enum type
        ("support.agents", "shift", ("day", "night")),  # a column CHECK ... IN
        ("support.agents", "team", ()),
    ],
)
def test_ddl_reader_reads_checks_and_enum_types(table: str, column: str, values: tuple[str, ...]) -> None:
    assert _column(_desk(DESK_DECLARED), table, column).values == values


def test_construction_declares_its_values_and_not_its_two_kind_columns() -> None:
    catalog = CATALOGS["construction"]()
    projects = catalog.find_table("pg_construction", "projects.projects")
    defects = catalog.find_table("pg_construction", "projects.defects")
    sites = catalog.find_table("pg_construction", "projects.sites")
    contractors = catalog.find_table("pg_construction", "projects.contractors")
    assert projects and defects and sites and contractors
    assert projects.column("status").values == ("draft", "approved", "in_progress", "suspended", "closed")
    assert defects.column("severity").values == ("minor", "major", "critical")  # the enum type's order
    assert sites.column("site_kind").values == () and contractors.column("contractor_type").values == ()


@pytest.mark.parametrize(
    ("definition", "column", "values"),
    [
        # pg_get_constraintdef: what PostgreSQL stores for `status IN ('a', 'b')`
        ("CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))", "status", ("open", "closed")),
        # ... for a varchar column
        (
            "CHECK (((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))",
            "kind",
            ("a", "b"),
        ),
        ("CHECK (((status = 'open'::text) OR (status = 'closed'::text)))", "status", ("open", "closed")),
        ("CHECK (((status IS NULL) OR (status = ANY (ARRAY['x'::text, 'y'::text]))))", "status", ("x", "y")),
        ("CHECK (status IN ('a', 'b')) NOT VALID", "status", ("a", "b")),
        ("status IN ('a', 'b')", "STATUS", ("a", "b")),
        ("CHECK ((amount > (0)::numeric))", "amount", ()),
        ("CHECK ((other = ANY (ARRAY['a'::text])))", "status", ()),
        ("CHECK (((status = 'a'::text) OR (amount > 0)))", "status", ()),
        ("CHECK ((priority = ANY (ARRAY[1, 2, 3])))", "priority", ()),  # numbers are no listed values
        ("not sql at all (((", "status", ()),
    ],
)
def test_check_values_reads_both_spellings(definition: str, column: str, values: tuple[str, ...]) -> None:
    assert check_values(definition, column) == values


@pytest.mark.parametrize(
    ("type_", "values"),
    [
        ("Enum8('open' = 1, 'closed' = 2)", ("open", "closed")),
        ("Enum16('low' = -1, 'high' = 300)", ("low", "high")),
        ("Nullable(Enum8('a' = 1, 'b' = 2))", ("a", "b")),
        ("LowCardinality(Nullable(Enum8('x' = 1, 'y' = 2)))", ("x", "y")),
        ("Enum8('it''s' = 1, 'two words' = 2)", ("it's", "two words")),
        ("LowCardinality(String)", ()),
        ("Array(Enum8('a' = 1))", ()),
        ("Int64", ()),
    ],
)
def test_clickhouse_enum_types(type_: str, values: tuple[str, ...]) -> None:
    assert enum_type_values(type_) == values


def test_values_survive_a_snapshot_and_older_snapshots_load() -> None:
    catalog = _desk(DESK_DECLARED)
    again = Catalog.from_dict(catalog.to_dict())
    assert _column(again, "support.tickets", "status").values == ("open", "pending", "resolved", "closed")
    assert again.fingerprint() == catalog.fingerprint()
    # a catalog that declares nothing keeps its older snapshot shape (and fingerprint): no "values" key
    commented = _desk(DESK_COMMENTED).to_dict()
    assert all("values" not in c for t in commented["tables"]["pg_desk"] for c in t["columns"])
    assert _column(Catalog.from_dict(commented), "support.tickets", "status").values == ()


def test_planner_reads_declared_values_as_a_listing_comment() -> None:
    listed = _desk(DESK_DECLARED).with_values_listed()
    assert (
        _column(listed, "support.tickets", "status").comment
        == "Статус обращения (open, pending, resolved, closed)"
    )
    assert _column(listed, "support.tickets", "subject").comment == "Тема обращения"
    table = Table("public", "t", (Column("k", "text", comment="Вид (a, b)", values=("x", "y")),))
    again = Catalog(tables={"c": [table]}).with_values_listed().tables["c"][0]
    assert again.columns[0].comment == "Вид (x, y)"  # the schema's values win over the comment's
    plain = _desk(DESK_COMMENTED)
    assert plain.with_values_listed() is plain


# --- 2. the planner over declared values -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "table", "where"),
    [
        # states said as participles and adjectives over CHECK columns
        (
            "Приостановленные проекты в клик по будням в восемь утра",
            "projects.projects",
            "status = 'suspended'",
        ),
        ("Закрытые проекты в клик каждую ночь в два", "projects.projects", "status = 'closed'"),
        ("Одобренные табели в клик каждый час", "projects.timesheets", "status = 'approved'"),
        ("Отклонённые табели в клик каждый час", "projects.timesheets", "status = 'rejected'"),
        ("Заблокированных поставщиков в клик ежедневно в три", "supply.suppliers", "status = 'blocked'"),
        (
            "Отменённую аренду техники в клик каждый день в восемь",
            "supply.equipment_rentals",
            "status = 'cancelled'",
        ),
        ("Просроченные счета в клик каждый день в девять", "finance.invoices", "status = 'overdue'"),
        ("Suspended projects to clickhouse on weekdays at 8", "projects.projects", "status = 'suspended'"),
        ("Approved timesheets to clickhouse every hour", "projects.timesheets", "status = 'approved'"),
        (
            "Blacklisted contractors to clickhouse daily at 3",
            "projects.contractors",
            "status = 'blacklisted'",
        ),
        ("Refunded payments to clickhouse every 5 minutes", "finance.payments", "status = 'refunded'"),
        ("Handed over sites to clickhouse daily at 7", "projects.sites", "status = 'handed_over'"),
        ("Failed inspections to clickhouse daily at 7", "projects.inspections", "result = 'failed'"),
        # over the two enum columns
        ("Критичные дефекты в клик каждые десять минут", "projects.defects", "severity = 'critical'"),
        ("Мелкие дефекты в клик каждый час", "projects.defects", "severity = 'minor'"),
        ("Дефекты, кроме мелких, в клик каждый час", "projects.defects", "severity <> 'minor'"),
        ("Отклонённые поставки в клик каждые полчаса", "supply.deliveries", "state = 'rejected'"),
        ("Major defects to clickhouse every 15 minutes", "projects.defects", "severity = 'major'"),
        (
            "Delivered material deliveries to clickhouse every 30 minutes",
            "supply.deliveries",
            "state = 'delivered'",
        ),
        ("Deliveries in state shipped to clickhouse hourly", "supply.deliveries", "state = 'shipped'"),
    ],
)
def test_a_state_over_a_declared_column_is_its_value(text: str, table: str, where: str) -> None:
    outcome = plan_in("construction", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == table
    assert outcome.spec.source.where == where


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a value no constraint lists
        ("Проекты в статусе «заморожен» в клик каждый час", "заморожен"),
        ("Проекты в статусе «на согласовании» в клик каждый час", "на согласовании"),
        ("Projects with status frozen to clickhouse hourly", "frozen"),
        ("Frozen projects to clickhouse hourly", "Frozen"),
        ("Поставки в состоянии «в пути» в клик каждые полчаса", "в пути"),
        # the two kind columns nothing declares
        ("Жилые площадки в клик каждый день в 6 утра", "Жилые"),
        ("Площадки жилого типа в клик каждый день в 6", "жилого типа"),
        ("Residential sites to clickhouse daily at 6", "Residential"),
        ("General contractors to clickhouse daily at 5", "General"),
    ],
)
def test_a_value_nothing_declares_is_asked(text: str, word: str) -> None:
    outcome = plan_in("construction", text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert any(word.lower() in q.lower() for q in outcome.questions), outcome.questions


DESK_REQUESTS = [
    "Срочные обращения в клик каждые десять минут",
    "Закрытые обращения в клик каждый день в шесть утра",
    "Обращения со статусом pending в клик каждый час",
    "Обращения по телефону в клик каждые пять минут",
    "Обращения с низким приоритетом в клик каждый час",
    "Операторов ночной смены в клик каждый день в семь",
    "Старших операторов в клик по понедельникам в девять",
    "Обращения в статусе «эскалировано» в клик каждый час",
    "Resolved tickets to clickhouse hourly",
    "High priority tickets to clickhouse every 10 minutes",
    "Urgent and high priority tickets to clickhouse every 5 minutes",
    "Tickets by phone to clickhouse every 15 minutes",
    "Senior agents to clickhouse daily at 6",
    "Escalated tickets to clickhouse hourly",
    "Agents of the platform team to clickhouse daily at 6",
]


def _reading(catalog: Catalog, text: str) -> tuple[object, ...]:
    outcome = plan(text, catalog)
    spec = outcome.spec
    return (
        outcome.status,
        spec.source.table if spec else None,
        spec.source.where if spec else None,
        len(outcome.questions),
    )


@pytest.mark.parametrize("text", DESK_REQUESTS)
def test_declared_values_plan_as_listed_values(text: str) -> None:
    assert _reading(_desk(DESK_DECLARED), text) == _reading(_desk(DESK_COMMENTED), text)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Срочные обращения в клик каждые десять минут", "priority = 'urgent'"),
        ("Закрытые обращения в клик каждый день в шесть утра", "status = 'closed'"),
        ("Resolved tickets to clickhouse hourly", "status = 'resolved'"),
        ("High priority tickets to clickhouse every 10 minutes", "priority = 'high'"),
        ("Senior agents to clickhouse daily at 6", "level = 'senior'"),
    ],
)
def test_desk_states_over_checks_and_enums(text: str, where: str) -> None:
    outcome = plan(text, _desk(DESK_DECLARED))
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == where


@pytest.mark.parametrize(
    "text", ["Обращения в статусе «эскалировано» в клик каждый час", "Escalated tickets to clickhouse hourly"]
)
def test_desk_value_no_check_lists_is_asked(text: str) -> None:
    assert plan(text, _desk(DESK_DECLARED)).status == "needs_clarification"
