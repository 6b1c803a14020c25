"""Trigger requests of my own (round 13, issue 18): robustness in the styles heldout_triggers_k missed.

Forty requests written on branch trig13 BEFORE any rule change for them, in the styles of the families
the sealed batch k failed on (eval/heldout_triggers_k.failures.md), none copied from an eval file: an
upstream named by a generic head noun and its genitive («справочник курьеров», "the doctors list"), an
English word for a Russian table comment ("contingent", "recruiting"), a system that delivers files with a
verb the load rules read otherwise («сливает», «скидывает», "dump"), completion verbs of closing a period
(«закроется», "is closed"), long polite requests with greetings and reason clauses, a reload verb with an
explicit upsert and its keys, typos in completion words, word order, "every time X finishes", "has to wait
for", and bad input that must stay a question or a refusal. Deployed pipelines are set up as in
tests/unit/test_triggers_round9.py (a load per table into the catalog's ClickHouse, with a distractor).

First pass (planner at main 836a4ed, before any rule change on this branch): 24/40 right = 60.0%
(RU 10/21, EN 14/19), 0 wrong confident (all 16 misses asked: a generic head noun or an English word for a
comment word not matched, «закроется»/"closed" not a completion word, «сливает» read as a merge, a reload verb
with an explicit upsert asked as two modes, an own-output chain asked instead of refused).
After the fixes on this branch (generic head nouns, comment words spelled by ear, closing periods, delivery
verbs, a reload verb with upsert keys): 40/40.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round9 import plan, uri

# (id, catalog, request, deployed tables, expected): expected["status"] "ok" (with source, upstream tables
# or files, and any mode/keys/incremental named), "needs_clarification" or "rejected".
ROBUST: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- an upstream named by a generic head noun and its genitive
    ("g01", "logistics", "когда справочник курьеров обновится — маршрутные листы в клик", "couriers hubs",
     {"source": "routes", "upstream": ["couriers"]}),
    ("g02", "univ", "после обновления списка преподавателей перелить дисциплины в ch_univ", "teachers students",
     {"source": "courses", "upstream": ["teachers"]}),
    ("g03", "utility", "как только реестр абонентов будет готов, начисления в ch_utility целиком",
     "subscribers tariffs", {"source": "billing.charges", "upstream": ["subscribers"], "mode": "replace"}),
    ("g04", "clinic", "once the doctors list is updated load visits to ch_dwh incrementally by updated_at",
     "doctors patients", {"source": "visits", "upstream": ["doctors"], "incremental": "updated_at"}),
    ("g05", "logistics", "после того как будет готов справочник хабов, гони отправления в кх", "hubs couriers",
     {"source": "shipments", "upstream": ["hubs"]}),
    ("g06", "utility", "when the subscriber register is refreshed, load payments into ch_utility",
     "subscribers tariffs", {"source": "billing.payments", "upstream": ["subscribers"]}),
    # --- an English word for a Russian table comment, or a domain word of it
    ("e01", "univ", "after the contingent refresh, load grades to ch_univ", "students teachers",
     {"source": "grades", "upstream": ["students"]}),
    ("e02", "hr", "once the recruiting load is done -> copy employees to ch_hr", "candidates departments",
     {"source": "employees", "upstream": ["candidates"]}),
    ("e03", "clinic", "when the medication orders are refreshed, load invoices into ch_dwh",
     "prescriptions visits", {"source": "billing.invoices", "upstream": ["prescriptions"]}),
    ("e04", "logistics", "when tracking data is refreshed, load returns into ch_logistics",
     "tracking_events couriers", {"source": "returns", "upstream": ["tracking_events"]}),
    ("e05", "utility", "after the smart meter telemetry is refreshed, load readings into ch_utility",
     "telemetry meters", {"source": "metering.readings", "upstream": ["telemetry"]}),
    # --- a system delivering files with a verb the load rules read otherwise
    ("d01", "logistics", "курьерская служба скидывает csv в s3://couriers-feed/in/, как только появился новый "
     "файл — грузить его в ClickHouse таблицу courier_feed", "",
     {"path": "s3://couriers-feed/in/", "format": "csv", "target": "courier_feed"}),
    ("d02", "shop", "маркетплейс сливает parquet в s3://mp-dump/orders/ — каждый новый файл сразу в кликхаус в "
     "таблицу mp_orders", "", {"path": "s3://mp-dump/orders/", "format": "parquet", "target": "mp_orders"}),
    ("d03", "clinic", "лаборатория выкладывает jsonl в s3://lab-out/results/, при появлении нового файла "
     "загружать его в таблицу lab_raw", "",
     {"path": "s3://lab-out/results/", "format": "jsonl", "target": "lab_raw"}),
    ("d04", "shop", "partners dump parquet into s3://partner-drop/prices/; load each new file into the "
     "ClickHouse table partner_prices as soon as it lands", "",
     {"path": "s3://partner-drop/prices/", "format": "parquet", "target": "partner_prices"}),
    ("d05", "utility", "АСКУЭ сливает csv в s3://askue/readings/ , надо как пришёл новый файл сразу заливать "
     "в ClickHouse таблицу askue_raw", "",
     {"path": "s3://askue/readings/", "format": "csv", "target": "askue_raw"}),
    # --- completion said as closing a period
    ("c01", "utility", "задолженность перезаливать полностью, но только когда закроется период начислений",
     "charges payments", {"source": "billing.debts", "upstream": ["charges"], "mode": "replace"}),
    ("c02", "utility", "когда будут закрыты оплаты — пересчитать долги в ch_utility", "payments charges",
     {"source": "billing.debts", "upstream": ["payments"]}),
    ("c03", "shop", "after the orders are closed for the day, load payments to clickhouse", "orders customers",
     {"source": "payments", "upstream": ["orders"]}),
    ("c04", "hr", "как закроется табель, перелей расчётные листки в ch_hr", "timesheets employees",
     {"source": "payroll.payslips", "upstream": ["timesheets"]}),
    # --- long polite requests with a greeting and a reason clause
    ("p01", "univ", "Здравствуйте! Оценки нужно перегружать в кликхаус целиком, но только после того, как "
     "обновятся и студенты, и дисциплины, иначе отчёты разъедутся", "students courses teachers",
     {"source": "grades", "upstream": ["students", "courses"], "mode": "replace"}),
    ("p02", "shop", "Hi team! Could you set up sales going into ClickHouse, but only once both orders and "
     "customers have finished loading - otherwise the numbers won't match. Thanks!",
     "orders customers products", {"source": "sales", "upstream": ["orders", "customers"]}),
    ("p03", "clinic", "Коллеги, привет. Визиты в ch_dwh тянуть только после того как догрузятся врачи — раньше "
     "смысла нет", "doctors patients", {"source": "visits", "upstream": ["doctors"]}),
    ("p04", "hr", "Good morning. Payslips should be refreshed in ch_hr only after timesheets are loaded, "
     "because the hours come from there.", "timesheets employees",
     {"source": "payroll.payslips", "upstream": ["timesheets"]}),
    # --- a reload verb with an explicit upsert and its keys
    ("m01", "univ", "оценки перезаливать после студентов, мерж по student_id+course_id", "students teachers",
     {"source": "grades", "upstream": ["students"], "mode": "upsert", "keys": ["student_id", "course_id"]}),
    ("m02", "shop", "reload inventory after products, upsert on product_id + warehouse", "products orders",
     {"source": "inventory", "upstream": ["products"], "mode": "upsert", "keys": ["product_id", "warehouse"]}),
    ("m03", "clinic", "перегружай назначения после визитов, апсерт по id", "visits doctors",
     {"source": "prescriptions", "upstream": ["visits"], "mode": "upsert", "keys": ["id"]}),
    # --- typos in the completion words
    ("t01", "logistics", "возвраты грузить по окончанию загрузке отправлений", "shipments couriers",
     {"source": "returns", "upstream": ["shipments"]}),
    ("t02", "shop", "as soon as the custmers load finishs, load orders into clickhouse", "customers products",
     {"source": "orders", "upstream": ["customers"]}),
    ("t03", "hr", "отпуска гнать в ch_hr после обнавления сотрудников", "employees departments",
     {"source": "vacations", "upstream": ["employees"]}),
    ("t04", "univ", "after the studnets refresh is done load attendance to ch_univ", "students teachers",
     {"source": "attendance", "upstream": ["students"]}),
    # --- word order
    ("w01", "utility", "в ch_utility показания, после счётчиков", "meters subscribers",
     {"source": "metering.readings", "upstream": ["meters"]}),
    ("w02", "clinic", "результаты анализов в ch_dwh, запуск — после обновления пациентов", "patients doctors",
     {"source": "lab.results", "upstream": ["patients"]}),
    ("w03", "shop", "only after the products refresh: inventory to clickhouse, full reload", "products orders",
     {"source": "inventory", "upstream": ["products"], "mode": "replace"}),
    ("x01", "logistics", "every time the couriers pipeline finishes, reload routes into ch_logistics",
     "couriers hubs", {"source": "routes", "upstream": ["couriers"]}),
    ("x02", "univ", "the grades load has to wait for students and courses", "students courses teachers",
     {"source": "grades", "upstream": ["students", "courses"]}),
    # --- bad input: must stay a question or a refusal
    ("n01", "logistics", "когда справочник тарифов будет готов — отправления в кх", "hubs couriers",
     {"status": "needs_clarification"}),
    ("n02", "hr", "when recruiting data is refreshed, load candidates to ch_hr", "candidates departments",
     {"status": "rejected"}),
    ("n03", "clinic", "когда закроются визиты — грузи счета в ch_dwh", "doctors patients",
     {"status": "needs_clarification"}),
    ("n04", "shop", "after the reviews list is refreshed, load customers to clickhouse", "orders customers",
     {"status": "needs_clarification"}),
]  # fmt: skip


def check_trigger_case(catalog: str, text: str, deployed: str, expected: dict[str, Any]) -> None:
    """Plan `text` with `deployed` pipelines and check the status and the fields `expected` names."""
    outcome = plan(catalog, text, deployed)
    status = expected.get("status", "ok")
    assert outcome.status == status, (outcome.status, outcome.questions or outcome.errors, outcome.spec)
    if status != "ok":
        return
    spec = outcome.spec
    assert spec is not None
    if "upstream" in expected:
        assert spec.source.table == expected["source"]
        assert set(spec.schedule_assets) == {uri(catalog, t) for t in expected["upstream"]}
        assert spec.schedule is None and not spec.on_new_files
    elif "manual" in expected:
        assert spec.source.table == expected["source"]
        assert spec.schedule is None and not spec.schedule_assets and not spec.on_new_files
    else:  # new files at a path
        assert spec.on_new_files and spec.schedule is None
        assert spec.source.path == expected["path"]
        assert spec.source.format == expected["format"]
        assert spec.target.table == expected["target"]
    if "mode" in expected:
        assert spec.target.mode == expected["mode"]
    if "keys" in expected:
        assert spec.target.keys == expected["keys"]
    if "incremental" in expected:
        assert spec.source.incremental is not None
        assert spec.source.incremental.column == expected["incremental"]


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "expected"), ROBUST, ids=[c[0] for c in ROBUST]
)
def test_robust_trigger_requests(
    case: str, catalog: str, text: str, deployed: str, expected: dict[str, Any]
) -> None:
    check_trigger_case(catalog, text, deployed, expected)


def test_forty_requests_in_both_languages() -> None:
    ids = [c[0] for c in ROBUST]
    assert len(ids) == len(set(ids)) == 40
    russian = sum(any("а" <= ch <= "я" for ch in c[2].lower()) for c in ROBUST)
    assert 15 <= russian <= 25
