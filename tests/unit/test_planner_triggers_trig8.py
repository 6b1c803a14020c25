"""Trigger wording found in trigger batches e and f (issue 18), tested on phrasings of my own."""

from __future__ import annotations

import dataclasses

import pytest

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.triggers import _named_by_sound
from tests.catalogs import logistics_catalog, shop_catalog

CH = "clickhouse://127.0.0.1:9000/default/"
LOADED = {CH + t: [f"{t}_pg_shop_to_clickhouse_default"] for t in ("orders", "sales", "customers", "events")}
LOG = "clickhouse://127.0.0.1:9000/logistics/"


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    """A shop whose orders, sales, customers and events are loaded into ClickHouse by deployed pipelines."""
    return OfflinePlanner(dataclasses.replace(shop_catalog(), assets=LOADED))


@pytest.fixture(scope="module")
def logistics() -> OfflinePlanner:
    assets = {LOG + t: [f"logistics_{t}_to_ch"] for t in ("hubs", "shipments", "routes")}
    return OfflinePlanner(dataclasses.replace(logistics_catalog(), assets=assets))


@pytest.mark.parametrize(
    ("text", "source", "upstream"),
    [
        # "as soon as" opens a chain as "when" does
        ("As soon as the orders load is done, copy products into ClickHouse", "products", ["orders"]),
        # «ждать, пока ...» / «пока не ...»: wait until the loads finish
        ("Дождаться, пока загрузятся заказы и продажи, затем переливать товары в клик", "products",
         ["orders", "sales"]),
        ("пока не обновятся клиенты, не запускать; потом грузить платежи в ClickHouse", "payments",
         ["customers"]),
        ("wait until the customers load finishes, then copy payments to ClickHouse", "payments", ["customers"]),
        # «после того, как …» with its comma, the loads listed after a dash
        ("Переливать платежи в CH после того, как отработают обе загрузки — заказов и клиентов", "payments",
         ["orders", "customers"]),
        # «в хранилище», "in the warehouse": where the upstream was loaded, not what
        ("когда в хранилище обновятся заказы, перегружать товары в ClickHouse", "products", ["orders"]),
        ("once the orders in the warehouse are refreshed, reload products into ClickHouse", "products",
         ["orders"]),
    ],
)  # fmt: skip
def test_chain_wordings(planner: OfflinePlanner, text: str, source: str, upstream: list[str]) -> None:
    outcome = planner.plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == source
    assert set(outcome.spec.schedule_assets) == {CH + t for t in upstream}
    assert outcome.spec.schedule is None


def test_a_load_nothing_deployed_produces_is_still_asked_after_as_soon_as(planner: OfflinePlanner) -> None:
    outcome = planner.plan("as soon as the payments load finishes, copy products to ClickHouse")
    assert outcome.status == "needs_clarification"
    assert "payments" in outcome.questions[0]


def test_a_transliterated_upstream_names_its_table(logistics: OfflinePlanner) -> None:
    """«хабов» is how hubs are said in Russian; «маршрутов» is the glossary's word for routes."""
    outcome = logistics.plan("после загрузки хабов и маршрутов перекладывать курьеров в клик")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "couriers"
    assert set(outcome.spec.schedule_assets) == {LOG + "hubs", LOG + "routes"}


def test_sound_alike_names() -> None:
    known = {"hubs", "leads", "users", "invoices", "tracking_events", "badge_events"}
    assert _named_by_sound(known, "хабы") == ["hubs"]
    assert _named_by_sound(known, "лидов") == ["leads"]
    assert _named_by_sound(known, "юзеров") == ["users"]
    assert _named_by_sound(known, "инвойсы") == ["invoices"]
    assert _named_by_sound(known, "ивенты") == []  # two tables end in events: none
    assert _named_by_sound(known, "заказы") == []
    assert _named_by_sound(known, "hubs") == []  # a Latin word is read by name, not by sound
