"""Round planner126 (issue 15, loads): a listed state said as a past verb, over a column named `state`, or in an
English clause; and the ClickHouse reader's nullable types. Requests of my own over several catalogs, RU and EN
(none copied from an eval file), scored as the eval scores them (tests/planned.py).

1. A listed state said as a PAST VERB closing a relative clause («Договоры аренды, которые расторгли») was
   dropped, every row loaded (a confident wrong answer): the verb is the one listed value its lemma means
   (VALUE_MEANINGS, the vocabulary that maps «расторгнутые» too); a verb meaning no listed value, or two, is
   asked, quoting it. A present verb («которая простаивает») likewise. A relative clause whose rows an explicit
   condition in brackets describes («(где returned_at заполнен)») is read by the bracket alone (marts round 64).
2. The state column named `state` (an enum, construction's supply.deliveries.state), or a column whose comment
   says «Состояние …»/«Статус …» and lists values, is the table's state column wherever `status` was looked up.
3. English clauses over the construction catalog (values declared by CHECK): "that failed" of a result column,
   "contractor invoices" (the table's own noun 'Счета подрядчиков', no kind of invoice).
4. ClickHouse: `LowCardinality(Nullable(String))` is nullable (the reader tested only the `Nullable(` prefix).

First pass (at eec8e95, before the rules; `clickhouse_type_parts`, new here, stubbed so the module imports): 35 of
48 failed. After the first pass two requests over my own help desk were reworded, my mistakes, not the rules':
"Access requests" (no word of 'Заявки на доступ' is English) is "Requests", and «Обращения, которые закрыли» is
«…, которые решили» («закрыть» is a mask verb, «закрытый» alone is in VALUE_MEANINGS; the verb is asked).
«Дефекты, которые устранили» (status 'fixed') became «Поставщиков, которых заблокировали»: «устранили» names two
time columns of defects too (fixed_at 'Время устранения', fix_deadline 'Срок устранения'), asked, as «устранённые
дефекты» is.
"""

from __future__ import annotations

from typing import Any

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo, clickhouse_type_parts
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning.offline import plan
from airflow_ai_etl.relations import type_family
from tests.catalogs import tables_from_ddl
from tests.planned import mart, ok, plan_in, wrong_of

# --- 1. a listed state said as a past (or present) verb in a relative clause -------------------------------

PAST_VERB_READ: list[tuple[str, str, dict[str, Any]]] = [
    (
        "realty",
        "Договоры аренды, которые расторгли, грузить по пятницам в шесть вечера",
        ok(source__table="sales.leases", source__where="status = 'terminated'", schedule="0 18 * * 5"),
    ),
    (
        "realty",
        "Объявления, которые сняли, перекидывать каждые полчаса",
        ok(source__table="sales.listings", source__where="status = 'withdrawn'", schedule="*/30 * * * *"),
    ),
    (
        "agro",
        "Отгрузки, которые отклонили, в клик каждые два часа",
        ok(source__table="sales.shipments", source__where="status = 'rejected'", schedule="0 */2 * * *"),
    ),
    (
        "agro",
        "Договоры, которые подписали, выгружать ежедневно в шесть утра",
        ok(source__table="sales.contracts", source__where="status = 'signed'", schedule="0 6 * * *"),
    ),
    (
        "construction",
        "Поставщиков, которых заблокировали, выгружать каждый день в полдень",
        ok(source__table="supply.suppliers", source__where="status = 'blocked'", schedule="0 12 * * *"),
    ),
    (
        "construction",
        "Проекты, которые приостановили, каждый день в восемь утра",
        ok(source__table="projects.projects", source__where="status = 'suspended'", schedule="0 8 * * *"),
    ),
    (
        "cinema",
        "Билеты, которые использовали, по будням в девять утра",
        ok(source__table="sales.tickets", source__where="status = 'used'", schedule="0 9 * * 1-5"),
    ),
    (
        "library",
        "Выдачи, которые уже потеряли, выгружать каждое утро в семь",
        ok(source__table="circ.loans", source__where="status = 'lost'", schedule="0 7 * * *"),
    ),
    # the state column is `state` (an enum): the verb is its value there too
    (
        "construction",
        "Поставки, которые отклонили, в клик каждый час",
        ok(source__table="supply.deliveries", source__where="state = 'rejected'", schedule="0 * * * *"),
    ),
    # a present verb: the state the rows are in now
    (
        "agro",
        "Технику, которая сейчас простаивает, ежедневно в семь утра",
        ok(source__table="machinery", source__where="status = 'idle'", schedule="0 7 * * *"),
    ),
    # no status: the one column listing the verb's value (projects.inspections.result)
    (
        "construction",
        "Проверки вида electrical, которые провалили, по будням в 9",
        ok(
            source__table="projects.inspections",
            source__where="inspection_kind = 'electrical' AND result = 'failed'",
            schedule="0 9 * * 1-5",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), PAST_VERB_READ)
def test_a_past_verb_is_the_listed_state_it_means(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# A table whose status lists both readings of «вернуть» (returned and refunded): the verb is asked.
SHOP_RETURNS = """
CREATE TABLE orders (
    id bigint PRIMARY KEY, customer_email text, total numeric(12,2) NOT NULL,
    status text NOT NULL CHECK (status IN ('new', 'paid', 'returned', 'refunded')),
    created_at timestamp NOT NULL, updated_at timestamp NOT NULL
);
COMMENT ON TABLE orders IS 'Заказы интернет-магазина';
COMMENT ON COLUMN orders.status IS 'Статус заказа';
"""


def _catalog_of(ddl: str, name: str) -> Catalog:
    return Catalog(
        connections={
            f"pg_{name}": ConnectionInfo(f"pg_{name}", "postgres", "source", "127.0.0.1", name),
            f"ch_{name}": ConnectionInfo(f"ch_{name}", "clickhouse", "warehouse", "127.0.0.1", name),
        },
        tables={f"pg_{name}": tables_from_ddl(ddl)},
    )


PAST_VERB_ASKED: list[tuple[str, str, str]] = [
    ("library", "Выдачи, которые продлили, грузить каждый час", "продлили"),  # no listed value 'renewed'
    (
        "library",
        "Штрафы, которые списали, выгружать ежедневно в полночь",
        "списали",
    ),  # waived is no write-off
    ("construction", "Поставки, которые потеряли, в клик каждый час", "потеряли"),  # no 'lost' delivery
]


@pytest.mark.parametrize(("catalog", "text", "verb"), PAST_VERB_ASKED)
def test_a_past_verb_meaning_no_listed_value_is_asked(catalog: str, text: str, verb: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert any(verb in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    "text", ["Заказы, которые вернули, в клик каждый час", "Заказы, которые уже вернули, ежедневно в девять"]
)
def test_a_past_verb_meaning_two_listed_values_is_asked(text: str) -> None:
    outcome = plan(text, _catalog_of(SHOP_RETURNS, "webshop"))
    assert outcome.status == "needs_clarification"
    assert any("вернули" in q for q in outcome.questions), outcome.questions


# An explicit condition in brackets describes the clause's rows: the bracket's condition alone.
BRACKET_DESCRIBES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "library",
        "Выдачи, которые вернули, каждый час (где returned_at заполнен)",
        ok(source__table="circ.loans", source__where="returned_at IS NOT NULL", schedule="0 * * * *"),
    ),
    (
        "library",
        "Число выдач, которые вернули, по филиалам помесячно по returned_at (где returned_at заполнен)",
        mart(
            "circ.loans",
            [["count", None]],
            ["branch_id"],
            mart__time_grain=["returned_at", "month"],
            mart__where="returned_at IS NOT NULL",
        ),
    ),
    (
        "telecom",
        "Сколько абонентов, которые ушли, по тарифам понедельно по churned_on (где churned_on заполнен)",
        mart(
            "subscribers",
            [["count", None]],
            ["tariff_id"],
            mart__time_grain=["churned_on", "week"],
            mart__where="churned_on IS NOT NULL",
        ),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), BRACKET_DESCRIBES)
def test_a_bracketed_condition_describes_the_clause(
    catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


# --- 2. the state column named `state`, or a column whose comment says «Состояние …» -------------------------

STATE_COLUMN: list[tuple[str, str, dict[str, Any]]] = [
    (
        "construction",
        "Поставки со статусом ordered ежедневно в девять",
        ok(source__table="supply.deliveries", source__where="state = 'ordered'", schedule="0 9 * * *"),
    ),
    (
        "construction",
        "Доставленные поставки выгружать по будням в семь вечера",
        ok(source__table="supply.deliveries", source__where="state = 'delivered'", schedule="0 19 * * 1-5"),
    ),
    (
        "construction",
        "Поставки в статусе rejected грузить каждые два часа",
        ok(source__table="supply.deliveries", source__where="state = 'rejected'", schedule="0 */2 * * *"),
    ),
    (
        "construction",
        "Material deliveries with status shipped, hourly",
        ok(source__table="supply.deliveries", source__where="state = 'shipped'", schedule="0 * * * *"),
    ),
    (
        "construction",
        "Delivered material deliveries, every day at 5 am",
        ok(source__table="supply.deliveries", source__where="state = 'delivered'", schedule="0 5 * * *"),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), STATE_COLUMN)
def test_a_state_column_named_state(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# A help desk whose tickets have `state` (a CHECK) and whose requests have `phase` ('Состояние заявки', a CHECK)
DESK_STATES = """
CREATE SCHEMA desk;
CREATE TABLE desk.tickets (
    id bigint PRIMARY KEY, subject text NOT NULL, requester_email text,
    state text NOT NULL CHECK (state IN ('open', 'pending', 'resolved', 'closed')),
    created_at timestamp NOT NULL, updated_at timestamp NOT NULL
);
CREATE TABLE desk.requests (
    id bigint PRIMARY KEY, title text NOT NULL,
    phase text NOT NULL CHECK (phase IN ('new', 'approved', 'rejected', 'done')),
    channel text, created_at timestamp NOT NULL, updated_at timestamp NOT NULL
);
COMMENT ON TABLE desk.tickets IS 'Обращения в поддержку';
COMMENT ON COLUMN desk.tickets.subject IS 'Тема обращения';
COMMENT ON COLUMN desk.tickets.state IS 'Состояние обращения';
COMMENT ON TABLE desk.requests IS 'Заявки на доступ';
COMMENT ON COLUMN desk.requests.title IS 'Название заявки';
COMMENT ON COLUMN desk.requests.phase IS 'Состояние заявки';
COMMENT ON COLUMN desk.requests.channel IS 'Канал подачи';
"""

DESK_READ: list[tuple[str, str]] = [
    ("Решённые обращения в клик каждый час", "state = 'resolved'"),
    ("Обращения со статусом pending ежедневно в восемь", "state = 'pending'"),
    ("Обращения, которые решили, каждые полчаса", "state = 'resolved'"),
    ("Tickets in state open, every 15 minutes", "state = 'open'"),
    ("Отклонённые заявки на доступ грузить каждый час", "phase = 'rejected'"),
    ("Заявки на доступ, которые одобрили, ежедневно в семь утра", "phase = 'approved'"),
    ("Requests with status done, daily at 6 am", "phase = 'done'"),
]


@pytest.mark.parametrize(("text", "where"), DESK_READ)
def test_state_and_state_comment_columns(text: str, where: str) -> None:
    outcome = plan(text, _catalog_of(DESK_STATES, "desk"))
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == where


# --- 3. English clauses over construction ---------------------------------------------------------------

ENGLISH_CONSTRUCTION: list[tuple[str, str, dict[str, Any]]] = [
    (
        "construction",
        "Inspections of kind fire that passed, every Monday at 9",
        ok(
            source__table="projects.inspections",
            source__where="inspection_kind = 'fire' AND result = 'passed'",
            schedule="0 9 * * 1",
        ),
    ),
    (
        "construction",
        "Inspections that failed, daily at 8",
        ok(source__table="projects.inspections", source__where="result = 'failed'", schedule="0 8 * * *"),
    ),
    (
        "construction",
        "Contractor invoices with status paid only, hourly",
        ok(source__table="finance.invoices", source__where="status = 'paid'", schedule="0 * * * *"),
    ),
    (
        "construction",
        "Contractor invoices, cancelled ones only, every two hours",
        ok(source__table="finance.invoices", source__where="status = 'cancelled'", schedule="0 */2 * * *"),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), ENGLISH_CONSTRUCTION)
def test_english_construction_clauses(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_an_english_clause_naming_no_listed_value_is_still_asked() -> None:
    assert plan_in("construction", "Inspections that stalled, daily at 8").status == "needs_clarification"


# --- 4. ClickHouse type wrappers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "base", "nullable"),
    [
        ("LowCardinality(Nullable(String))", "String", True),
        ("Nullable(LowCardinality(String))", "String", True),  # the other nesting
        ("Nullable(Decimal(12, 2))", "Decimal(12, 2)", True),
        ("LowCardinality(String)", "String", False),
        ("DateTime64(3)", "DateTime64(3)", False),
        (" Nullable(DateTime) ", "DateTime", True),
        ("Array(Nullable(String))", "Array(Nullable(String))", False),  # the array itself is never NULL
    ],
)
def test_clickhouse_type_parts(type_: str, base: str, nullable: bool) -> None:
    assert clickhouse_type_parts(type_) == (base, nullable)


def test_clickhouse_reader_counts_low_cardinality_nullable_as_nullable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from airflow_ai_etl import catalog as catalog_module

    rows = [
        ("dwh", "events", "kind", "LowCardinality(Nullable(String))", "Вид события"),
        ("dwh", "events", "code", "LowCardinality(String)", ""),
        ("dwh", "events", "state", "LowCardinality(Nullable(Enum8('open' = 1, 'closed' = 2)))", ""),
        ("dwh", "events", "amount", "Nullable(Decimal(12, 2))", ""),
        ("dwh", "events", "id", "UInt64", ""),
    ]

    class Client:
        def execute(self, query: str) -> list[tuple[Any, ...]]:
            return rows if "system.columns" in query else [("dwh", "events", "id")]

    class Hook:
        def __init__(self, clickhouse_conn_id: str) -> None:
            pass

        def get_client(self) -> Client:
            return Client()

    import airflow_ai_etl.hooks.clickhouse as hooks

    monkeypatch.setattr(hooks, "ClickHouseHook", Hook)
    (table,) = catalog_module.read_clickhouse_tables("ch_dwh")
    nullable = {c.name: c.nullable for c in table.columns}
    assert nullable == {"kind": True, "code": False, "state": True, "amount": True, "id": False}
    assert table.column("state") is not None and table.column("state").values == ("open", "closed")


@pytest.mark.parametrize(
    ("type_", "family"),
    [
        ("LowCardinality(Nullable(String))", "text"),
        ("Nullable(LowCardinality(String))", "text"),
        ("LowCardinality(Nullable(UInt32))", "int"),
        ("Nullable(Decimal(12, 2))", "decimal"),
    ],
)
def test_type_family_reads_through_both_wrappers(type_: str, family: str) -> None:
    assert type_family(type_) == family
    assert column_kind(type_).family == family
