"""Thirty trigger requests of my own in the styles of eval/heldout_triggers_l (round 14b, issue 18).

Written on branch trig14 after the fixes for the families of heldout_triggers_l.failures.md, before any rule
change for them: chatty Russian and English, slang openers, politeness particles, modifiers of the upstream's
noun, frequency adjectives of the data, refusals (a pipeline after its own output), an «или» between
upstreams and a clock beside a trigger. Deployed pipelines are set up as in tests/unit/test_triggers_round9.py.

First pass (branch trig14 at fe98b99, before any rule change for these): 26/30 right (RU 16/18, EN 10/12),
0 wrong confident (every miss a question). Missed: «ежедневные выгрузки … падают» and «еженедельные табели
прилетают» (the adjective read as a clock: the noun's first parse is not the one that agrees with it), "is
done please go ahead and copy" ("and" after the fillers), "after the tuition payments land pls copy" (an
arrival verb, not a load word, ends the upstream clause).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_triggers_round9 import plan, uri

# (id, catalog, request, deployed tables, expected): expected is "ask", "reject", or a dict of what the
# confident spec holds: source (table), upstream (tables it runs after), or path/target for new files.
CASES: list[tuple[str, str, str, str, Any]] = [
    # --- Russian ---
    ("r01", "shop", "как тока отработает загрузка заказов плиз перелей товары в кх целиком", "orders customers",
     {"source": "products", "upstream": ["orders"]}),
    ("r02", "clinic", "когда обновятся счета пациентам за услуги, гоняй назначения в двх", "invoices patients",
     {"source": "prescriptions", "upstream": ["invoices"]}),
    ("r03", "univ", "после выгрузки оплат обучения по договорам перелей стипендии в ch_univ",
     "tuition_payments students", {"source": "finance.scholarships", "upstream": ["tuition_payments"]}),
    ("r04", "logistics", "када доедут события трекинга отправлений — грузи возвраты в клик",
     "tracking_events shipments", {"source": "returns", "upstream": ["tracking_events"]}),
    ("r05", "hr", "как токо обновятся отпуска сотрудников пжлст перелей табель в ch_hr", "vacations employees",
     {"source": "timesheets", "upstream": ["vacations"]}),
    ("r06", "utility", "как тока обновятся оплаты абонентов — пересчитай витрину: сумма оплат по каналам по дням",
     "payments subscribers", {"source": "billing.payments", "upstream": ["payments"], "mart": True}),
    ("r07", "shop", "ежедневные выгрузки заказов падают в s3://shop-drop/orders/ в csv, забирай каждый новый файл в "
     "таблицу orders_raw", "", {"path": "s3://shop-drop/orders/", "target": "orders_raw"}),
    ("r08", "utility", "почасовые профили телеметрии кидают в s3://util-ami/hourly/ паркетом, по мере поступления "
     "лей в telemetry_hourly_raw", "", {"path": "s3://util-ami/hourly/", "target": "telemetry_hourly_raw"}),
    ("r09", "hr", "еженедельные табели прилетают в s3://hr-inbox/timesheets/ в формате csv, как прилетит новый — "
     "загружай в timesheets_weekly", "", {"path": "s3://hr-inbox/timesheets/", "target": "timesheets_weekly"}),
    ("r10", "clinic", "после загрузки назначений лекарств пациентам перегружай таблицу prescriptions в ch_dwh",
     "prescriptions patients", "reject"),
    ("r11", "logistics", "когда обновятся заправки по топливным картам и автопарк, перелей маршрутные листы в "
     "ch_logistics", "fuel_cards vehicles couriers", {"source": "routes", "upstream": ["fuel_cards", "vehicles"]}),
    ("r12", "univ", "как только обновится выдача книг в библиотеке, гони проживающих в общежитиях в ch_univ",
     "library_loans dorm_residents", {"source": "campus.dorm_residents", "upstream": ["library_loans"]}),
    ("r13", "shop", "после загрузки клиентов плиз каждый день в 6 утра перелей заказы в кх", "customers", "ask"),
    ("r14", "utility", "когда догрузятся начисления за расчётный период, перелей оплаты в ch_utility, тока новые по "
     "paid_at", "charges payments", {"source": "billing.payments", "upstream": ["charges"]}),
    ("r15", "logistics", "после загрузки хабов или курьеров плз перелей возвраты в кх", "hubs couriers", "ask"),
    ("r16", "hr", "как тока догрузятся кандидаты на вакансии — перелей проходы через турникеты в ch_hr",
     "candidates employees", {"source": "badge_events", "upstream": ["candidates"]}),
    ("r17", "clinic", "когда обновятся результаты анализов пациентов, гоняй визиты в двх", "results patients",
     {"source": "visits", "upstream": ["results"]}),
    ("r18", "univ", "после загрузки оценок за экзамены студентов перелей посещаемость в ch_univ", "grades students",
     {"source": "attendance", "upstream": ["grades"]}),
    # --- English ---
    ("e01", "shop", "when the orders load is done please go ahead and copy payments to clickhouse",
     "orders customers", {"source": "payments", "upstream": ["orders"]}),
    ("e02", "clinic", "once the bills for patients are refreshed, load prescriptions into ch_dwh",
     "invoices patients", {"source": "prescriptions", "upstream": ["invoices"]}),
    ("e03", "univ", "after the tuition payments land pls copy scholarships to ch_univ", "tuition_payments students",
     {"source": "finance.scholarships", "upstream": ["tuition_payments"]}),
    ("e04", "logistics", "Daily hub manifests land in s3://hub-drop/manifests/ as csv; load each new file into "
     "manifests_raw", "", {"path": "s3://hub-drop/manifests/", "target": "manifests_raw"}),
    ("e05", "utility", "nightly meter dumps are dropped into /mnt/ami/dumps/ in parquet, ingest new ones as they "
     "arrive into the meter_dumps table", "", {"path": "/mnt/ami/dumps/", "target": "meter_dumps"}),
    ("e06", "hr", "once employees are loaded then kindly reload departments into ch_hr", "employees vacations",
     {"source": "departments", "upstream": ["employees"]}),
    ("e07", "shop", "hourly load new csv files from s3://shop-drop/clicks/ into clicks_raw as soon as they land", "",
     "ask"),
    ("e08", "univ", "when the enrollments of students to courses are refreshed please copy attendance to ch_univ",
     "enrollments students courses", {"source": "attendance", "upstream": ["enrollments"]}),
    ("e09", "logistics", "after the vehicles load completes pls copy fuel cards to ch_logistics", "vehicles couriers",
     {"source": "fleet.fuel_cards", "upstream": ["vehicles"]}),
    ("e10", "clinic", "when appointments with doctors have been reloaded, reload appointments into ch_dwh",
     "appointments doctors", "reject"),
    ("e11", "utility", "once payments are synced pls rebuild the mart: total amount by channel per day",
     "payments charges", {"source": "billing.payments", "upstream": ["payments"], "mart": True}),
    ("e12", "hr", "after the payslips load or the vacations load, copy employees to ch_hr", "payslips vacations",
     "ask"),
]  # fmt: skip


def verdict(catalog: str, text: str, deployed: str, expected: Any) -> str:
    """'' when the plan is what ``expected`` says, else what differs."""
    outcome = plan(catalog, text, deployed)
    if expected == "ask":
        return "" if outcome.status == "needs_clarification" else f"status {outcome.status}"
    if expected == "reject":
        return "" if outcome.status == "rejected" else f"status {outcome.status}: {outcome.questions}"
    if outcome.status != "ok" or outcome.spec is None:
        return f"status {outcome.status}: {outcome.questions}"
    spec = outcome.spec
    if "path" in expected:
        got = (spec.on_new_files, spec.schedule, spec.source.path, spec.target.table)
        want = (True, None, expected["path"], expected["target"])
    else:
        got = (
            spec.source.table,
            set(spec.schedule_assets),
            spec.schedule,
            spec.on_new_files,
            spec.source.type == "mart",
        )
        want = (
            expected["source"],
            {uri(catalog, t) for t in expected["upstream"]},
            None,
            False,
            bool(expected.get("mart")),
        )
    return "" if got == want else f"got {got}, want {want}"


@pytest.mark.parametrize(("case_id", "catalog", "text", "deployed", "expected"), CASES)
def test_round14b(case_id: str, catalog: str, text: str, deployed: str, expected: Any) -> None:
    assert verdict(catalog, text, deployed, expected) == "", case_id
