"""Trigger requests of my own (round 13, second robustness batch, issue 18): chat-style requests.

Thirty requests written on branch trig13 after the first fixes (commit fe68950) and run once before any
rule change for them: chat phrasing of completion ("once X's done", "after X wraps up", «как X отстреляется»),
Russian-English mixes («после load'а заказов»), trigger clauses at the end and in brackets, file drops with
colloquial verbs («прилетают», «валятся»), manual runs said colloquially, typos in openers and table nouns, and
bad input that must stay a question or a refusal. Deployed pipelines as in tests/unit/test_triggers_round9.py.

First pass (commit fe68950, before any rule change for them): 22/30 right = 73.3% (RU 12/18, EN 10/12), 0 wrong
confident; all 8 misses asked: "wraps up", "soon as … are through loading", «отстреляются», «прогрузились? тогда
…», «залились — можно гнать …», «после load'а клиентов заказы в кликхаус» (no verb after the clause), «после
апдейта», «засинкались». After the fixes of tests/unit/test_triggers_round13.py block 7: 30/30.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round13b import check_trigger_case

# (id, catalog, request, deployed tables, expected) as in tests/unit/test_triggers_round13b.py
CHAT: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- chat phrasing of a finished load
    ("h01", "shop", "once the customers load is done, push orders to clickhouse", "customers products",
     {"source": "orders", "upstream": ["customers"]}),
    ("h02", "shop", "after the products job wraps up, sync inventory into clickhouse", "products orders",
     {"source": "inventory", "upstream": ["products"]}),
    ("h03", "hr", "soon as employees are through loading, copy vacations to ch_hr", "employees departments",
     {"source": "vacations", "upstream": ["employees"]}),
    ("h04", "clinic", "как врачи отстреляются — визиты в ch_dwh", "doctors patients",
     {"source": "visits", "upstream": ["doctors"]}),
    ("h05", "logistics", "отправления прогрузились? тогда возвраты в клик", "shipments couriers",
     {"source": "returns", "upstream": ["shipments"]}),
    ("h06", "univ", "студенты залились — можно гнать оценки в ch_univ", "students teachers",
     {"source": "grades", "upstream": ["students"]}),
    # --- the trigger at the end, in brackets, or as an aside
    ("o01", "utility", "показания в ch_utility (после загрузки счётчиков)", "meters subscribers",
     {"source": "metering.readings", "upstream": ["meters"]}),
    ("o02", "hr", "vacations to ch_hr - but only after employees have been refreshed", "employees departments",
     {"source": "vacations", "upstream": ["employees"]}),
    ("o03", "logistics", "маршрутные листы в кх, запуск по готовности курьеров", "couriers hubs",
     {"source": "routes", "upstream": ["couriers"]}),
    ("o04", "clinic", "load prescriptions into ch_dwh whenever visits get refreshed", "visits doctors",
     {"source": "prescriptions", "upstream": ["visits"]}),
    # --- Russian-English mixes and typos
    ("x01", "shop", "после load'а клиентов заказы в кликхаус", "customers products",
     {"source": "orders", "upstream": ["customers"]}),
    ("x02", "shop", "кагда обновятся клинеты, перелей заказы в кликхаус", "customers products",
     {"source": "orders", "upstream": ["customers"]}),
    ("x03", "univ", "aftre teachers refresh load courses to ch_univ", "teachers students",
     {"source": "courses", "upstream": ["teachers"]}),
    ("x04", "hr", "после апдейта сотрудников перелей отпуска в ch_hr", "employees departments",
     {"source": "vacations", "upstream": ["employees"]}),
    ("x05", "logistics", "как только хабы засинкались, гони отправления в кх", "hubs couriers",
     {"source": "shipments", "upstream": ["hubs"]}),
    # --- file drops with colloquial verbs
    ("f01", "shop", "в s3://partners/feeds/ прилетают csv от поставщиков — каждый новый сразу в кликхаус, "
     "таблица supplier_feed", "", {"path": "s3://partners/feeds/", "format": "csv", "target": "supplier_feed"}),
    ("f02", "logistics", "в s3://gps-raw/tracks/ валятся jsonl с трекеров, подхватывай новые и грузи в таблицу "
     "track_points", "", {"path": "s3://gps-raw/tracks/", "format": "jsonl", "target": "track_points"}),
    ("f03", "clinic", "new parquet files keep showing up in s3://lab-drop/out/ - load each one into the "
     "lab_results_raw table as it arrives", "",
     {"path": "s3://lab-drop/out/", "format": "parquet", "target": "lab_results_raw"}),
    ("f04", "utility", "watch s3://askue/hourly/ and ingest every new csv into table meter_hourly", "",
     {"path": "s3://askue/hourly/", "format": "csv", "target": "meter_hourly"}),
    # --- manual runs said colloquially
    ("u01", "shop", "товары в кликхаус, запускать буду сам когда понадобится", "",
     {"source": "products", "manual": True}),
    ("u02", "hr", "отделы в ch_hr, без расписания — дёргаю руками", "",
     {"source": "departments", "manual": True}),
    ("u03", "univ", "courses to ch_univ, no schedule, I'll kick it off by hand", "",
     {"source": "courses", "manual": True}),
    # --- upstream lists
    ("l01", "utility", "начисления в ch_utility, когда догрузятся тарифы с абонентами", "tariffs subscribers meters",
     {"source": "billing.charges", "upstream": ["tariffs", "subscribers"]}),
    ("l02", "clinic", "after doctors + patients are loaded, copy appointments to ch_dwh",
     "doctors patients departments", {"source": "appointments", "upstream": ["doctors", "patients"]}),
    # --- bad input: a question or a refusal
    ("b01", "shop", "после загрузки отзывов тащи заказы в кликхаус", "customers products",
     {"status": "needs_clarification"}),
    ("b02", "shop", "once orders are done, reload orders into clickhouse", "orders customers",
     {"status": "rejected"}),
    ("b03", "logistics", "как только в s3://gps-raw/tracks/ появится новый jsonl — грузи в track_points каждый "
     "час", "", {"status": "needs_clarification"}),
    ("b04", "hr", "после сотрудников или отделов грузи отпуска в ch_hr", "employees departments",
     {"status": "needs_clarification"}),
    ("b05", "univ", "оценки в ch_univ вручную и каждый день в 6 утра", "", {"status": "needs_clarification"}),
    ("b06", "clinic", "when the billing load finishes, copy visits to ch_dwh", "doctors patients",
     {"status": "needs_clarification"}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "catalog", "text", "deployed", "expected"), CHAT, ids=[c[0] for c in CHAT])
def test_chat_style_trigger_requests(
    case: str, catalog: str, text: str, deployed: str, expected: dict[str, Any]
) -> None:
    check_trigger_case(catalog, text, deployed, expected)


def test_thirty_requests() -> None:
    assert len({c[0] for c in CHAT}) == len(CHAT) == 30
