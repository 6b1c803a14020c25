"""Mart requests of round marts74 (requests of my own over several catalogs, RU and EN, none copied from an eval
file), scored as the eval scores them (tests/planned.py).

1. Marts computed inside ClickHouse over a table already loaded there. With the table listed in the catalog
   of the ClickHouse connection, «таблица X уже загружена/залита в кликхаус — построй там витрину» is that
   placement, never a dependency on a pipeline loading X (it asked "after which load?"), "over the
   clickhouse events table" names where the table lies, never an event_type value 'clickhouse', and
   «кликхаусной таблицы» is the same word as an adjective. With the table not listed there, the documented
   question about the ClickHouse catalog stays (README: a table the catalog does not list in ClickHouse is
   asked, never planned on the PostgreSQL table of that name).
2. A verb naming the fact table's event, counted over distinct people («сколько разных клиентов ходило в
   клубы», "distinct customers rented cars", "patients seen per doctor"): the verb's lemma names the event
   nouns (ходить -> посещение, rent -> аренда/rental, see -> visit/осмотр, buy -> sale/purchase/order); the
   one table pointing at the counted people whose comment lemmas or name say one of them is the fact, and
   the people are counted once each. A verb whose object the fact's comment says («выходило в интернет» of
   'Интернет-сессии') names it the same way. Two such tables are asked about by name (shop "bought": sales
   or orders), unless the request names one of them ("…, from sales"); a verb naming no table is still asked.

Requests of my own over several catalogs, RU and EN.

First pass (at 6a3c06d, before the rules): 16 of 28 failed. One case was added after the rules, when the eval
showed «каждый час» after the verb's place read as a schedule: «ходило в клубы каждый день» (grain, no schedule).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import clinic_catalog, shop_catalog
from tests.planned import mart, plan_in, wrong_of


def _loaded_in_clickhouse(catalog: Any, pg: str, ch: str) -> OfflinePlanner:
    """The catalog with every table of `pg` listed in the ClickHouse connection `ch` too (loaded there)."""
    loaded = [replace(t, schema="default") for t in catalog.tables[pg]]
    return OfflinePlanner(replace(catalog, tables={**catalog.tables, ch: loaded}))


@pytest.fixture(scope="module")
def in_ch() -> dict[str, OfflinePlanner]:
    return {
        "shop": _loaded_in_clickhouse(shop_catalog(), "pg_shop", "clickhouse_default"),
        "clinic": _loaded_in_clickhouse(clinic_catalog(), "pg_clinic", "ch_dwh"),
    }


CLICKHOUSE_SIDE: list[tuple[str, str, str, str, list[Any], list[str], tuple[str, str]]] = [
    ("shop", "Таблица payments уже загружена в кликхаус — построй там витрину: сумма платежей по дням",
     "clickhouse_default", "payments", [("sum", "amount")], [], ("paid_at", "day")),
    ("shop", "Заказы уже залиты в кликхаус (таблица orders) — сделай там витрину: число заказов по статусам по неделям",
     "clickhouse_default", "orders", [("count", None)], ["status"], ("created_at", "week")),
    ("shop", "Mart over the clickhouse events table: event count per event type per hour",
     "clickhouse_default", "events", [("count", None)], ["event_type"], ("occurred_at", "hour")),
    ("shop", "Mart over the clickhouse sales table: distinct customers per region per day",
     "clickhouse_default", "sales", [("count_distinct", "customer_id")], ["region"], ("sold_at", "day")),
    ("shop", "The orders table is already loaded into ClickHouse; build the mart there: weekly order count by status",
     "clickhouse_default", "orders", [("count", None)], ["status"], ("created_at", "week")),
    ("clinic", "Приёмы уже лежат в ch_dwh (таблица visits) — посчитай прямо там число приёмов по врачам по неделям",
     "ch_dwh", "visits", [("count", None)], ["doctor_id"], ("visit_date", "week")),
    ("clinic", "Витрина поверх кликхаусной таблицы visits: число приёмов по врачам по месяцам",
     "ch_dwh", "visits", [("count", None)], ["doctor_id"], ("visit_date", "month")),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "conn", "table", "measures", "dims", "grain"), CLICKHOUSE_SIDE)
def test_a_mart_over_a_table_listed_in_clickhouse_is_built_there(
    in_ch: dict[str, OfflinePlanner],
    catalog: str,
    text: str,
    conn: str,
    table: str,
    measures: list[Any],
    dims: list[str],
    grain: tuple[str, str],
) -> None:
    outcome = in_ch[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    source = outcome.spec.source
    got = source.mart
    assert (source.conn_id, source.table.split(".")[-1]) == (conn, table)
    assert sorted((m.func, m.column) for m in got.measures) == sorted(measures)
    assert sorted(got.dimensions) == dims
    assert (got.time_grain.column, got.time_grain.grain) == grain
    assert not got.where  # "clickhouse" names no value of event_type


@pytest.mark.parametrize(("catalog", "text", "conn", "_t", "_m", "_d", "_g"), CLICKHOUSE_SIDE)
def test_a_table_clickhouse_does_not_list_is_asked_about_the_catalog(
    catalog: str, text: str, conn: str, _t: str, _m: Any, _d: Any, _g: Any
) -> None:
    outcome = plan_in(catalog, text)  # the documented question, never a load dependency or the PG table
    assert outcome.status == "needs_clarification"
    assert conn in outcome.questions[0] and "пайплайн" not in outcome.questions[0]


EVENT_VERBS: list[tuple[str, str, dict[str, Any]]] = [
    ("fitness", "Сколько уникальных клиентов ходило в клубы по неделям",
     mart("access.visits", [["count_distinct", "member_id"]], [], mart__time_grain=["checked_in_at", "week"])),
    ("fitness", "How many distinct members went to the clubs each week?",
     mart("access.visits", [["count_distinct", "member_id"]], [], mart__time_grain=["checked_in_at", "week"])),
    ("carshare", "How many unique customers rented cars each month?",
     mart("rental.trips", [["count_distinct", "customer_id"]], [], mart__time_grain=["started_at", "month"])),
    ("carshare", "Сколько разных клиентов каталось по месяцам",
     mart("rental.trips", [["count_distinct", "customer_id"]], [], mart__time_grain=["started_at", "month"])),
    ("carshare", "сколько разных водителей по неделям брали машины",
     mart("rental.trips", [["count_distinct", "customer_id"]], [], mart__time_grain=["started_at", "week"])),
    ("fitness", "Сколько разных клиентов ходило в клубы каждый день",  # the grain, no schedule
     mart("access.visits", [["count_distinct", "member_id"]], [], mart__time_grain=["checked_in_at", "day"],
          schedule=None)),
    ("telecom", "сколько разных абонентов выходило в интернет по дням",
     mart("network.data_sessions", [["count_distinct", "subscriber_id"]], [],
          mart__time_grain=["started_at", "day"])),
    ("pharmacy", "Daily number of unique customers who bought something, from receipts",
     mart("sales.receipts", [["count_distinct", "customer_id"]], [], mart__time_grain=["created_at", "day"])),
    ("shop", "Weekly number of distinct customers who bought something, from sales",
     mart("sales", [["count_distinct", "customer_id"]], [], mart__time_grain=["sold_at", "week"])),
    ("clinic", "Unique patients seen each week per doctor",
     mart("visits", [["count_distinct", "patient_id"]], ["doctor_id"], mart__time_grain=["visit_date", "week"])),
    ("clinic", "How many distinct patients were seen per month, from visits",
     mart("visits", [["count_distinct", "patient_id"]], [], mart__time_grain=["visit_date", "month"])),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), EVENT_VERBS)
def test_a_verb_naming_the_event_picks_its_table(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text", "words"),
    [
        ("shop", "How many distinct customers bought something each week?", ("sales", "orders")),
        ("fitness", "Сколько разных клиентов грустило по дням", ()),  # a verb naming no event
        ("shop", "How many distinct customers laughed each day?", ()),
        ("clinic", "How many distinct patients were seen per month, from invoices", ()),  # seen: no invoice
    ],
)  # fmt: skip
def test_a_verb_naming_two_tables_or_none_is_asked(catalog: str, text: str, words: tuple[str, ...]) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert all(w in outcome.questions[0] for w in words), outcome.questions
