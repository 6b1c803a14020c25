"""Trigger requests of my own (round 9, issue 18): chains, file drops, manual runs and bad input.

Written before any rule change on branch trig9, over five of the six demo catalogs, with the deployed
pipelines given per request (as eval/run_eval.py sets them up: a pipeline per table loading it into the
catalog's ClickHouse, usually with a distractor). Completion verbs and nouns of many kinds, upstream lists
with «и»/commas/"both", arrows and dashes, file drops, formats by extension or word, typos, word order, and
bad input that must stay a question or a refusal.

First pass (planner at main 7b2c314, before any change on this branch): 63/83 requests right = 75.9%
(RU 36/50 = 72.0%, EN 27/33 = 81.8%), 2 wrong confident (r16: three upstreams after «загрузок», only the
first read; ef06: an S3 glob followed by a colon kept the colon in the path). The misses: an upstream
clause said as a finished fact before the main verb («клиенты догрузились =>», «таблица doctors обновилась
—», "customers refreshed ->", "couriers load done -"), «когда догрузятся/подтянутся/обновяться X» with a
comma or a dash, upstream lists of three, «после выгрузки счётчиков» (ё-less lemma), "finshes", a Google
sheet source (refused only as «из Google»), «закинут» (a drop verb).

Round B (ids p, q, m, b; 52 requests) was written after the first fixes (commit 6653268) and run once
before the second ones: 43/52 right = 82.7% (RU 25/31, EN 18/21), 0 wrong confident (q02 first counted
as wrong: my expectation named the glob as part of the path; the path as written is the prefix, the glob
gives the format; corrected before any rule change). The misses: readiness («по готовности X», «будут
готовы», "are ready"), a label opener («триггер — обновление X»), «цепочкой за загрузкой X», "downstream
of both X and Y" with no load word, opener typos («посл», «кагда»), "ad hoc".

Round C (ids c, g, n; 34 requests, 11 of them loads or other requests with no trigger: PLAIN and
NOT_TRIGGERS) was run once after round B's fixes (commit 5a922ab), before its own: 25/37 with three more
requests then dropped (a request of mine main also asks about, a Ukrainian «після», a negated clock
«ежеминутно не надо» that schedule.py reads as a clock: left). Of the misses, three were my own
regressions from the arrow rule: a finished word that only says which rows («заказы, которые обновились за
сутки ->», "orders updated since yesterday ->") was read as a trigger. The others: «на обновление X»,
«когда закончат грузиться X», "reloaded"/"synced", a label «по событию:», "X updated? then ...".

Round D (ids d; 35 requests: form-like requests with labels, dag ids in quotes, English table names in a
Russian request, schema- and database-qualified names, «окажутся в клике», post-positioned «Запускать после
X.», «а также»/"as well as") was run once after heldout_triggers_h's fixes (commit b2aa99e), before its
own: 20/35, 0 wrong confident. Left out of the tests and not fixed: "Source: X. Target: Y" forms (the load
planner's reading of labels), an id in `backticks` (refused by the code gate), and a second trigger clause
later in the request («…, но не раньше чем обновятся клиенты»), and an expectation of mine I could not
settle (new .xlsx files in a folder); 31 kept.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

import pytest

from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.spec import PipelineSpec
from tests.catalogs import CATALOGS

# The ClickHouse connection and database each catalog's pipelines load into (asset URIs name the database).
WAREHOUSE = {
    "shop": ("clickhouse_default", "default"),
    "clinic": ("ch_dwh", "dwh"),
    "hr": ("ch_hr", "hr"),
    "logistics": ("ch_logistics", "logistics"),
    "univ": ("ch_univ", "univ"),
    "utility": ("ch_utility", "utility"),
    "telecom": ("ch_telecom", "telecom"),
    "bank": ("ch_bank", "bank"),
}


def uri(catalog: str, table: str) -> str:
    """The asset a deployed load of ``table`` (bare name) into the catalog's ClickHouse produces."""
    return f"clickhouse://127.0.0.1:9000/{WAREHOUSE[catalog][1]}/{table}"


@functools.lru_cache(maxsize=64)
def planner(catalog: str, deployed: str = "") -> OfflinePlanner:
    """A planner over ``catalog`` whose deployed pipelines load the tables listed in ``deployed`` (bare
    names); ``t:u,v`` says that pipeline of ``t`` runs after the loads of ``u`` and ``v`` (its
    ``schedule_assets``)."""
    assets: dict[str, list[str]] = {}
    schedules: dict[str, list[str]] = {}
    for item in deployed.split():
        table, _, after = item.partition(":")
        dag_id = f"{table}_pg_{catalog}_to_{WAREHOUSE[catalog][0]}"
        assets[uri(catalog, table)] = [dag_id]
        if after:
            schedules[dag_id] = [uri(catalog, t) for t in after.split(",")]
    return OfflinePlanner(dataclasses.replace(CATALOGS[catalog](), assets=assets, schedules=schedules))


def plan(catalog: str, text: str, deployed: str = "") -> Outcome:
    return planner(catalog, deployed).plan(text)


def bare(name: str | None) -> str | None:
    """A table name without its schema."""
    return name.rsplit(".", 1)[-1] if name else name


def triggered_spec(
    outcome: Outcome, expected: dict[str, Any], asset: Callable[[str], str]
) -> PipelineSpec | None:
    """The spec of a trigger case, checked against ``expected`` (``status``; for ``ok``: ``source`` the
    planned table, ``upstream`` the tables it runs after, ``path`` the watched place of new files);
    None when the case expects no plan. ``asset`` maps a bare table to its asset URI."""
    assert outcome.status == expected["status"], (outcome.questions, outcome.errors, outcome.spec)
    if expected["status"] != "ok":
        return None
    spec = outcome.spec
    assert spec is not None
    if "source" in expected:
        assert bare(spec.source.table) == bare(expected["source"])
    assert set(spec.schedule_assets) == {asset(t) for t in expected.get("upstream", [])}
    assert spec.on_new_files == ("path" in expected)
    if "path" in expected:
        assert spec.source.path == expected["path"]
    return spec


def chained_spec(catalog: str, text: str, deployed: str, source: str, upstream: list[str]) -> PipelineSpec:
    """The confident spec of ``text``: a load of ``source`` that runs after exactly the ``upstream`` loads."""
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "ok", outcome.questions or outcome.errors
    spec = outcome.spec
    assert spec is not None
    assert spec.source.table == source
    assert set(spec.schedule_assets) == {uri(catalog, t) for t in upstream}
    return spec


# --- chains: (id, catalog, request, deployed tables, source table, upstream tables) ---------------------

CHAINS: list[tuple[str, str, str, str, str, list[str]]] = [
    # Russian: completion verbs and nouns of every kind
    ("r01", "shop", "как только отработает загрузка заказов, перелей платежи в кликхаус",
     "orders customers", "payments", ["orders"]),
    ("r02", "shop", "когда догрузятся клиенты, обновить заказы в ClickHouse",
     "customers sales", "orders", ["customers"]),
    ("r03", "clinic", "после загрузки пациентов перегружать счета в ch_dwh",
     "patients doctors", "billing.invoices", ["patients"]),
    ("r04", "hr", "когда подтянутся сотрудники — обновлять отпуска в ch_hr",
     "employees departments", "vacations", ["employees"]),
    ("r05", "logistics", "как закончится импорт отправлений, грузи возвраты в ch_logistics",
     "shipments couriers", "returns", ["shipments"]),
    ("r06", "univ", "по завершении загрузки студентов переносить посещаемость в ch_univ",
     "students teachers", "attendance", ["students"]),
    ("r07", "utility", "сразу после того как обновятся абоненты, перелить начисления в ch_utility",
     "subscribers tariffs", "billing.charges", ["subscribers"]),
    ("r08", "utility", "после выгрузки счётчиков грузи показания в клик",
     "meters subscribers", "metering.readings", ["meters"]),
    ("r09", "shop", "когда подтянутся данные по клиентам, загрузить заказы в ClickHouse",
     "customers products", "orders", ["customers"]),
    ("r10", "clinic", "таблица doctors в ch_dwh обновилась — после этого переливай визиты (visits)",
     "doctors patients", "visits", ["doctors"]),
    ("r11", "hr", "загрузка отделов завершилась → запускай перенос сотрудников в ch_hr",
     "departments vacations", "employees", ["departments"]),
    ("r12", "logistics", "курьеры догрузились => гоняй маршрутные листы в клик",
     "couriers hubs", "routes", ["couriers"]),
    ("r13", "univ", "после того как загрузятся факультеты, студенты и преподаватели, перелить дисциплины в ch_univ",
     "faculties students teachers grades", "courses", ["faculties", "students", "teachers"]),
    ("r14", "utility", "когда обновятся и тарифы, и абоненты, перелить начисления в ch_utility",
     "tariffs subscribers meters", "billing.charges", ["tariffs", "subscribers"]),
    ("r15", "shop", "дождись загрузки клиентов и товаров, потом переливай продажи в клик",
     "customers products orders", "sales", ["customers", "products"]),
    ("r16", "clinic", "после окончания загрузок врачей, отделений и пациентов грузить visits в ch_dwh",
     "doctors departments patients beds", "visits", ["doctors", "departments", "patients"]),
    ("r17", "hr", "как только табель обновится, выгружать проходы через турникеты в ch_hr",
     "timesheets employees", "badge_events", ["timesheets"]),
    ("r18", "logistics", "вслед за загрузкой хабов запускай отправления в клик",
     "hubs couriers", "shipments", ["hubs"]),
    ("r19", "univ", "после успешной загрузки ведомостей переливать стипендии в ch_univ",
     "grades students", "finance.scholarships", ["grades"]),
    ("r20", "shop", "когда обновяться клиенты, перелей заказы в ClickHouse",
     "customers payments", "orders", ["customers"]),
    ("r21", "utility", "как отработают показания, гоняй телеметрию в ch_utility",
     "readings meters", "metering.telemetry", ["readings"]),
    ("r22", "shop", "после дага orders_pg_shop_to_clickhouse_default грузить товары в клик",
     "orders sales", "products", ["orders"]),
    ("r23", "shop", "платежи в клик переливать после загрузки заказов",
     "orders customers", "payments", ["orders"]),
    ("r24", "hr", "перелей отпуска в ch_hr, но только после того, как загрузятся сотрудники",
     "employees departments", "vacations", ["employees"]),
    ("r25", "logistics", "по итогам загрузки курьеров обновлять автопарк в ch_logistics",
     "couriers hubs", "fleet.vehicles", ["couriers"]),
    ("r26", "univ", "как прогрузятся записи на дисциплины, переливай оценки в ch_univ",
     "enrollments students", "grades", ["enrollments"]),
    ("r27", "clinic", "после перезаливки врачей — сразу же обновлять отделения в ch_dwh",
     "doctors patients", "departments", ["doctors"]),
    ("r28", "utility", "абоненты обновились -> после этого гоняй платежи абонентов в ch_utility",
     "subscribers charges", "billing.payments", ["subscribers"]),
    # English
    ("e01", "shop", "once orders are done loading, copy payments to ClickHouse",
     "orders customers", "payments", ["orders"]),
    ("e02", "clinic", "after the patients table has been refreshed, load invoices into ch_dwh",
     "patients doctors", "billing.invoices", ["patients"]),
    ("e03", "hr", "when employees have landed in ch_hr, load vacations there too",
     "employees departments", "vacations", ["employees"]),
    ("e04", "logistics", "run the routes load right after both couriers and hubs finish",
     "couriers hubs shipments", "routes", ["couriers", "hubs"]),
    ("e05", "univ", "once students, teachers and courses are all loaded, copy grades to ch_univ",
     "students teachers courses faculties", "grades", ["students", "teachers", "courses"]),
    ("e06", "utility", "after the meters load completes, sync readings to ClickHouse",
     "meters subscribers", "metering.readings", ["meters"]),
    ("e07", "shop", "customers refreshed -> then load orders to clickhouse",
     "customers payments", "orders", ["customers"]),
    ("e08", "clinic", "trigger the visits copy to ch_dwh when the doctors load is finished",
     "doctors patients", "visits", ["doctors"]),
    ("e09", "hr", "load payslips into ch_hr downstream of departments_pg_hr_to_ch_hr",
     "departments employees", "payroll.payslips", ["departments"]),
    ("e10", "logistics", "as soon as shipments are updated in ClickHouse, load returns",
     "shipments hubs", "returns", ["shipments"]),
    ("e11", "univ", "after the enrollment load has run, copy attendance to ch_univ",
     "enrollments grades", "attendance", ["enrollments"]),
    ("e12", "utility", "when both subscribers and tariffs have been refreshed, load charges into ch_utility",
     "subscribers tariffs meters", "billing.charges", ["subscribers", "tariffs"]),
    ("e13", "shop", "whenever the products load succeeds, reload inventory into clickhouse",
     "products orders", "inventory", ["products"]),
    ("e14", "shop", "after the orders load finshes, copy payments to clickhouse",
     "orders customers", "payments", ["orders"]),
    ("e15", "logistics", "couriers load done - then copy routes to ch_logistics",
     "couriers hubs", "routes", ["couriers"]),
    ("e16", "univ", "copy grades to ch_univ once the students and courses loads have landed",
     "students courses teachers", "grades", ["students", "courses"]),
]  # fmt: skip


# Rounds C and D (see the module docstring).
CHAINS += [
    ('d03', 'shop', 'Расписание: после загрузки заказов. Что: платежи в клик', 'orders customers', 'payments', ['orders']),
    ('d06', 'shop', 'после дага "orders_pg_shop_to_clickhouse_default" перелей платежи в клик', 'orders customers', 'payments', ['orders']),
    ('d08', 'shop', 'после загрузки orders перелей payments в клик', 'orders customers', 'payments', ['orders']),
    ('d09', 'shop', 'после загрузки таблицы orders грузить товары в кликхаус', 'orders customers', 'products', ['orders']),
    ('d10', 'shop', 'когда в ClickHouse обновится customers, перелей туда orders', 'customers payments', 'orders', ['customers']),
    ('d11', 'shop', 'after the ClickHouse table default.customers is updated, load orders', 'customers payments', 'orders', ['customers']),
    ('d12', 'shop', 'после загрузки crm.leads перелей users в клик', 'leads orders', 'users', ['leads']),
    ('d13', 'shop', 'после загрузки заказов (orders) грузить платежи (payments) в клик', 'orders customers', 'payments', ['orders']),
    ('d14', 'shop', 'once orders has loaded, copy payments to clickhouse', 'orders customers', 'payments', ['orders']),
    ('d15', 'shop', 'when orders lands in clickhouse, copy payments too', 'orders customers', 'payments', ['orders']),
    ('d16', 'shop', 'after orders load copy payments to clickhouse', 'orders customers', 'payments', ['orders']),
    ('d17', 'hr', 'по завершении дага employees_pg_hr_to_ch_hr грузить отпуска в ch_hr', 'employees departments', 'vacations', ['employees']),
    ('d18', 'univ', 'после успешного прогона students_pg_univ_to_ch_univ перелей посещаемость в ch_univ', 'students grades', 'attendance', ['students']),
    ('d19', 'shop', 'когда заказы окажутся в клике, перелей туда платежи', 'orders customers', 'payments', ['orders']),
    ('d20', 'shop', 'когда в клике появятся свежие заказы, грузи туда же платежи', 'orders customers', 'payments', ['orders']),
    ('d21', 'clinic', 'Нужен даг: визиты -> ch_dwh. Запуск: после обновления пациентов и врачей', 'patients doctors', 'visits', ['patients', 'doctors']),
    ('d22', 'utility', 'DAG for charges -> ch_utility; start condition: tariffs and subscribers refreshed', 'tariffs subscribers', 'billing.charges', ['tariffs', 'subscribers']),
    ('d23', 'logistics', 'грузи возвраты в клик. Запускать после отправлений.', 'shipments hubs', 'returns', ['shipments']),
    ('d24', 'univ', 'Load grades to ch_univ. Run it after students.', 'students courses', 'grades', ['students']),
    ('d31', 'shop', 'после загрузки заказов и платежей, а также клиентов, перелей продажи в клик', 'orders payments customers', 'sales', ['orders', 'payments', 'customers']),
    ('d32', 'shop', 'after orders, payments as well as customers are loaded, copy sales to clickhouse', 'orders payments customers', 'sales', ['orders', 'payments', 'customers']),
    ('d34', 'shop', 'после загрузки заказов - платежи в клик', 'orders customers', 'payments', ['orders']),
    ('d35', 'clinic', 'когда загрузятся пациенты: перелить счета в ch_dwh', 'patients doctors', 'billing.invoices', ['patients']),
    ('c01', 'shop', 'как только в клике обновится таблица customers, перелей туда заказы', 'customers orders', 'orders', ['customers']),
    ('c02', 'clinic', 'после каждой загрузки пациентов обновлять счета в ch_dwh', 'patients doctors', 'billing.invoices', ['patients']),
    ('c03', 'hr', 'отпуска в ch_hr: запуск после загрузки сотрудников', 'employees departments', 'vacations', ['employees']),
    ('c04', 'logistics', 'запуск по событию: загрузились отправления. Что грузим: возвраты в клик', 'shipments hubs', 'returns', ['shipments']),
    ('c05', 'univ', 'grades -> ch_univ; trigger: students and courses loaded', 'students courses teachers', 'grades', ['students', 'courses']),
    ('c06', 'utility', 'начисления в ch_utility пересчитывать сразу, как только обновятся тарифы', 'tariffs subscribers', 'billing.charges', ['tariffs']),
    ('c07', 'shop', 'customers updated in clickhouse? then reload orders there', 'customers payments', 'orders', ['customers']),
    ('c08', 'clinic', 'start the invoices load when the patients_pg_clinic_to_ch_dwh run is complete', 'patients doctors', 'billing.invoices', ['patients']),
    ('c09', 'hr', 'запускать выгрузку табеля в ch_hr, когда закончат грузиться сотрудники', 'employees departments', 'timesheets', ['employees']),
    ('c10', 'logistics', 'после того как в клик зальются хабы, загрузи курьеров', 'hubs routes', 'couriers', ['hubs']),
    ('c11', 'univ', 'как только обновление студентов завершится, переливай посещаемость в ch_univ', 'students teachers', 'attendance', ['students']),
    ('c12', 'shop', 'when the customers and products loads have both completed successfully, refresh sales in clickhouse', 'customers products orders', 'sales', ['customers', 'products']),
    ('c14', 'clinic', 'на обновление врачей запускай перенос визитов в ch_dwh', 'doctors patients', 'visits', ['doctors']),
    ('c15', 'hr', 'every time departments are reloaded, copy employees to ch_hr', 'departments vacations', 'employees', ['departments']),
    ('c16', 'logistics', 'after hubs have been synced, copy shipments to ch_logistics', 'hubs couriers', 'shipments', ['hubs']),
    ('c17', 'shop', 'run payments -> clickhouse after orders_pg_shop_to_clickhouse_default and customers_pg_shop_to_clickhouse_default', 'orders customers', 'payments', ['orders', 'customers']),
    ('c18', 'univ', 'после обновления данных о преподавателях загрузить дисциплины в ch_univ', 'teachers students', 'courses', ['teachers']),
]  # fmt: skip

# Round B (written after the first fixes, before the second ones; see the module docstring).
CHAINS += [
    ('p01', 'shop', 'запускать после того, как отработает даг customers_pg_shop_to_clickhouse_default: заказы в клик', 'customers orders', 'orders', ['customers']),
    ('p02', 'clinic', 'как только данные по врачам будут загружены, обновляй отделения в ch_dwh', 'doctors patients', 'departments', ['doctors']),
    ('p03', 'hr', 'по готовности сотрудников грузить отпуска в ch_hr', 'employees departments', 'vacations', ['employees']),
    ('p04', 'logistics', 'когда отправления будут готовы в клике, гони возвраты туда же', 'shipments hubs', 'returns', ['shipments']),
    ('p05', 'univ', 'после успешного завершения загрузки студентов перелить стипендии в ch_univ', 'students grades', 'finance.scholarships', ['students']),
    ('p06', 'utility', 'триггер — обновление тарифов; грузить начисления в ch_utility', 'tariffs subscribers', 'billing.charges', ['tariffs']),
    ('p07', 'shop', 'загрузка платежей в клик зависит от загрузки заказов', 'orders customers', 'payments', ['orders']),
    ('p08', 'clinic', 'пациентов в ch_dwh грузить цепочкой за загрузкой врачей', 'doctors patients', 'patients', ['doctors']),
    ('p09', 'hr', 'as soon as the employees dataset is updated, load timesheets into ch_hr', 'employees departments', 'timesheets', ['employees']),
    ('p10', 'logistics', 'kick off the returns copy to ch_logistics once shipments_pg_logistics_to_ch_logistics succeeds', 'shipments hubs', 'returns', ['shipments']),
    ('p11', 'univ', 'load grades into ch_univ following a successful students load', 'students courses', 'grades', ['students']),
    ('p12', 'utility', 'readings to ch_utility, chained after the meters load', 'meters subscribers', 'metering.readings', ['meters']),
    ('p13', 'shop', 'make the payments load downstream of both orders and customers', 'orders customers sales', 'payments', ['orders', 'customers']),
    ('p14', 'clinic', 'when doctors are ready in ch_dwh, copy visits', 'doctors patients', 'visits', ['doctors']),
    ('p15', 'hr', 'посл загрузки сотрудников грузи отпуска в ch_hr', 'employees departments', 'vacations', ['employees']),
    ('p16', 'shop', 'кагда обновятся заказы, перелей платежи в клик', 'orders customers', 'payments', ['orders']),
    ('p17', 'logistics', 'после загруски курьеров обновлять маршрутные листы в клике', 'couriers hubs', 'routes', ['couriers']),
    ('p18', 'univ', 'afetr the teachers load finishes, copy courses to ch_univ', 'teachers students', 'courses', ['teachers']),
    ('p19', 'utility', 'после того, как загрузятся абоненты и счётчики, грузи показания в ch_utility', 'subscribers meters tariffs', 'metering.readings', ['subscribers', 'meters']),
    ('p20', 'shop', 'когда и клиенты и товары обновятся — гони продажи в клик', 'customers products orders', 'sales', ['customers', 'products']),
    ('p21', 'hr', 'заливку расчётных листков в ch_hr запускать после того как отработают сотрудники и отделы', 'employees departments vacations', 'payroll.payslips', ['employees', 'departments']),
    ('p22', 'clinic', 'once doctors, departments and patients are all refreshed in the warehouse, load appointments', 'doctors departments patients', 'appointments', ['doctors', 'departments', 'patients']),
    ('p23', 'logistics', 'хабы обновились, курьеры тоже — после этого грузи маршрутные листы в клик', 'hubs couriers shipments', 'routes', ['hubs', 'couriers']),
    ('p24', 'shop', 'orders loaded => payments to clickhouse', 'orders customers', 'payments', ['orders']),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "upstream"), CHAINS, ids=[c[0] for c in CHAINS]
)
def test_trigger_chains(
    case: str, catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    spec = chained_spec(catalog, text, deployed, source, upstream)
    assert spec.schedule is None and not spec.on_new_files
    assert spec.target.conn_id == WAREHOUSE[catalog][0]


# --- new files: (id, catalog, request, path, format, target table) ------------------------------------

FILES: list[tuple[str, str, str, str, str | None, str]] = [
    ("rf01", "shop", "когда в s3://shop-raw/returns/ закинут новый csv, загрузить его в таблицу returns_raw",
     "s3://shop-raw/returns/", "csv", "returns_raw"),
    ("rf02", "logistics", "партнёры кладут parquet в s3://partners/tariffs/ — как положат новый файл, сразу "
     "грузи в таблицу partner_tariffs", "s3://partners/tariffs/", "parquet", "partner_tariffs"),
    ("rf03", "clinic", "если в папку /mnt/lab/incoming/ упадёт файл .jsonl — загрузить его в таблицу lab_raw",
     "/mnt/lab/incoming/", "jsonl", "lab_raw"),
    ("rf04", "univ", "при поступлении новых csv-файлов в /srv/exchange/dean/ загружать их в таблицу dean_orders",
     "/srv/exchange/dean/", "csv", "dean_orders"),
    ("rf05", "utility", "следи за s3://meters-raw/asuse/ и загружай каждый новый parquet в таблицу asuse_readings",
     "s3://meters-raw/asuse/", "parquet", "asuse_readings"),
    ("rf06", "shop", "новые файлы *.csv.gz в s3://shop-raw/clicks/ сразу грузить в таблицу clicks_raw",
     "s3://shop-raw/clicks/", "csv", "clicks_raw"),
    ("rf07", "logistics", "как только упадёт выгрузка в /data/gps/inbox/ (формат parquet), загрузить её в "
     "таблицу gps_raw", "/data/gps/inbox/", "parquet", "gps_raw"),
    ("rf08", "shop", "когда в s3://shop-raw/refunds/ появиться новый csv, грузи в таблицу refunds_raw",
     "s3://shop-raw/refunds/", "csv", "refunds_raw"),
    ("rf09", "hr", "в бакет s3://hr-drop/ats/ прилетают jsonl-выгрузки из ATS; каждую новую заливай в таблицу "
     "ats_events", "s3://hr-drop/ats/", "jsonl", "ats_events"),
    ("rf10", "univ", "как только в s3://lms/quiz/ положат новый файл в формате parquet, залить его в таблицу "
     "quiz_attempts", "s3://lms/quiz/", "parquet", "quiz_attempts"),
    ("ef01", "shop", "whenever someone drops a CSV into s3://shop-raw/coupons/, load it into table coupons_raw",
     "s3://shop-raw/coupons/", "csv", "coupons_raw"),
    ("ef02", "clinic", "when new parquet files are uploaded to s3://clinic-imaging/meta/, import them into "
     "table imaging_meta", "s3://clinic-imaging/meta/", "parquet", "imaging_meta"),
    ("ef03", "hr", "pick up every new .jsonl file that lands in /mnt/hr/exports/ and load it into table "
     "hr_exports", "/mnt/hr/exports/", "jsonl", "hr_exports"),
    ("ef04", "utility", "watch s3://grid/outage-feed/ for new CSV files and load each one into table outage_feed "
     "as soon as it appears", "s3://grid/outage-feed/", "csv", "outage_feed"),
    ("ef05", "logistics", "files in Parquet format show up in s3://tms/pod/; ingest each new one into table "
     "pod_events right away", "s3://tms/pod/", "parquet", "pod_events"),
    ("ef06", "univ", "s3://univ-lms/logins/*.parquet: load every new object into table lms_logins when it lands",
     "s3://univ-lms/logins/*.parquet", "parquet", "lms_logins"),
]  # fmt: skip


FILES += [
    ('d01', 'shop', 'Источник: s3://shop-in/leads/. Формат: csv. Запуск: при появлении нового файла. Таблица: leads_feed', 's3://shop-in/leads/', 'csv', 'leads_feed'),
    ('d02', 'shop', 'Trigger: new file in s3://shop-in/leads/. Format: parquet. Target table: leads_feed', 's3://shop-in/leads/', 'parquet', 'leads_feed'),
    ('d27', 'clinic', 'при появлении нового файла в s3://lab/raw/2026/ (csv) загрузить его в таблицу lab_raw', 's3://lab/raw/2026/', 'csv', 'lab_raw'),
    ('d28', 'shop', "when today's file shows up in s3://shop-in/daily/, load it into table daily_raw (csv)", 's3://shop-in/daily/', 'csv', 'daily_raw'),
    ('d29', 'utility', 'как только придёт свежая выгрузка из АСКУЭ в s3://askue/out/ (csv) — грузи в таблицу askue_raw', 's3://askue/out/', 'csv', 'askue_raw'),
    ('d30', 'univ', 'watch the share /mnt/dean/exports/ and load new parquet files into table dean_exports', '/mnt/dean/exports/', 'parquet', 'dean_exports'),
    ('g01', 'shop', 'грузи в таблицу returns_feed каждый новый csv, который появится в s3://shop-in/returns/', 's3://shop-in/returns/', 'csv', 'returns_feed'),
    ('g02', 'hr', 'load every new CSV that appears under s3://hr-in/badges/ into badge_feed', 's3://hr-in/badges/', 'csv', 'badge_feed'),
    ('g03', 'logistics', 'подхватывать новые parquet из s3://tms/events/ и класть в таблицу tms_events', 's3://tms/events/', 'parquet', 'tms_events'),
    ('g04', 'clinic', 'monitor s3://lab-drop/hl7/ and import new jsonl files into table hl7_messages', 's3://lab-drop/hl7/', 'jsonl', 'hl7_messages'),
    ('g06', 'univ', 'как только кто-то выложит новый parquet в s3://univ-in/survey/, загрузить в таблицу survey_raw', 's3://univ-in/survey/', 'parquet', 'survey_raw'),
    ('q01', 'shop', 'как только в бакет s3://shop-in/promo/ прилетит новый файл csv, грузи его в таблицу promo_raw', 's3://shop-in/promo/', 'csv', 'promo_raw'),
    ('q02', 'clinic', 'при появлении файлов *.parquet в s3://lab-out/results/ сразу загружать их в таблицу lab_results_raw', 's3://lab-out/results/', 'parquet', 'lab_results_raw'),
    ('q03', 'hr', 'новые выгрузки в /mnt/hr/payroll/ (csv) загружать по мере появления в таблицу payroll_raw', '/mnt/hr/payroll/', 'csv', 'payroll_raw'),
    ('q04', 'logistics', 'ingest parquet files as they land in s3://tms/scans/ into table scans_raw', 's3://tms/scans/', 'parquet', 'scans_raw'),
    ('q05', 'univ', 'new objects in s3://univ-in/forms/ (jsonl) should be loaded into table forms_raw on arrival', 's3://univ-in/forms/', 'jsonl', 'forms_raw'),
    ('q06', 'utility', 'load any new csv dropped to /mnt/asuse/out/ into table asuse_raw', '/mnt/asuse/out/', 'csv', 'asuse_raw'),
    ('q07', 'shop', 'файл упал в s3://shop-in/prices/ -> загрузить его в таблицу prices_raw (формат csv)', 's3://shop-in/prices/', 'csv', 'prices_raw'),
    ('q08', 'clinic', 'whenever something new shows up in s3://pacs/dicom-meta/ (parquet), load it into table dicom_meta', 's3://pacs/dicom-meta/', 'parquet', 'dicom_meta'),
    ('q09', 'hr', 'скинут новый csv в /srv/share/ats/ — сразу заливай его в таблицу ats_raw', '/srv/share/ats/', 'csv', 'ats_raw'),
    ('q10', 'logistics', 'как только партнёры пришлют новый parquet в s3://partners/rates/, загрузить его в таблицу partner_rates', 's3://partners/rates/', 'parquet', 'partner_rates'),
    ('q11', 'univ', 'event-driven: every new .csv in s3://univ-in/exams/ goes into table exams_raw', 's3://univ-in/exams/', 'csv', 'exams_raw'),
    ('q12', 'utility', 'по факту появления нового файла в s3://grid/meters/ грузить его в таблицу grid_meters, файлы в json lines', 's3://grid/meters/', 'jsonl', 'grid_meters'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "path", "fmt", "table"), FILES, ids=[c[0] for c in FILES]
)
def test_trigger_new_files(
    case: str, catalog: str, text: str, path: str, fmt: str | None, table: str
) -> None:
    outcome = plan(catalog, text)
    assert outcome.status == "ok", outcome.questions or outcome.errors
    spec = outcome.spec
    assert spec is not None
    assert spec.on_new_files and spec.schedule is None and not spec.schedule_assets
    assert spec.source.type == "s3" and spec.source.path == path
    assert spec.source.format == fmt
    assert spec.target.table == table


# --- manual: (id, catalog, request, source table) ---------------------------------------------------

MANUAL: list[tuple[str, str, str, str]] = [
    ("rm01", "hr", "отпуска в ch_hr, запуск только вручную", "vacations"),
    ("rm02", "logistics", "перенос курьеров в клик запускаю сам по кнопке", "couriers"),
    ("rm03", "univ", "перелить стипендии в ch_univ, без расписания, по требованию", "finance.scholarships"),
    ("em01", "utility", "copy tariffs to ch_utility on demand only", "tariffs"),
    ("em02", "univ", "I will trigger the courses load to ch_univ myself, no schedule", "courses"),
    ("em03", "shop", "products to ClickHouse, run manually from the UI", "products"),
]  # fmt: skip


MANUAL += [
    ('d05', 'logistics', 'расписание: нет, только вручную; хабы в ch_logistics', 'hubs'),
    ('d25', 'hr', 'запуск: по кнопке. что: кандидаты -> ch_hr', 'candidates'),
    ('m01', 'shop', 'заказы в клик, только ручной запуск', 'orders'),
    ('m02', 'clinic', 'врачей в ch_dwh без расписания, запускаю руками', 'doctors'),
    ('m03', 'hr', 'departments to ch_hr, ad hoc runs only', 'departments'),
    ('m04', 'logistics', "hubs to ch_logistics, no schedule, I'll trigger it manually", 'hubs'),
    ('m05', 'utility', 'тарифы в ch_utility разово, по кнопке', 'tariffs'),
    ('m06', 'univ', 'copy faculties to ch_univ on request', 'faculties'),
]  # fmt: skip


@pytest.mark.parametrize(("case", "catalog", "text", "source"), MANUAL, ids=[c[0] for c in MANUAL])
def test_trigger_manual(case: str, catalog: str, text: str, source: str) -> None:
    outcome = plan(catalog, text)
    assert outcome.status == "ok", outcome.questions or outcome.errors
    spec = outcome.spec
    assert spec is not None and spec.source.table == source
    assert spec.schedule is None and not spec.on_new_files and not spec.schedule_assets


# --- bad input: (id, catalog, request, deployed tables, status) ---------------------------------------

BAD: list[tuple[str, str, str, str, str]] = [
    # an upstream nothing deployed loads
    ("rb01", "univ", "после загрузки стипендий переливать оценки в ch_univ", "students", "needs_clarification"),
    ("eb01", "logistics", "after the vehicles load finishes, copy couriers to ch_logistics", "hubs",
     "needs_clarification"),
    ("rb02", "shop", "когда обновятся и заказы, и склады, перелей платежи в клик", "orders customers",
     "needs_clarification"),
    # a pipeline on its own output
    ("rb03", "shop", "после загрузки заказов перезаливать заказы в клик", "orders customers", "rejected"),
    ("eb02", "hr", "reload employees into ch_hr after the employees load finishes", "employees", "rejected"),
    # a chain, files or a person together with a clock
    ("rb04", "shop", "после загрузки клиентов и ещё каждый день в 7 утра обновлять заказы в клик",
     "customers orders", "needs_clarification"),
    ("eb03", "shop", "run the payments copy to clickhouse by hand and also every night at 1", "",
     "needs_clarification"),
    ("eb04", "univ", "when a new csv lands in s3://lms/exams/, load it into table exams_raw, and also hourly",
     "", "needs_clarification"),
    # no place for the new files
    ("rb05", "clinic", "как только появится новый файл, загрузить его в таблицу scans_raw", "",
     "needs_clarification"),
    ("eb05", "utility", "load each new parquet into table feed_raw as soon as it lands", "",
     "needs_clarification"),
    # any one of the loads (Airflow waits for all)
    ("rb06", "shop", "после загрузки либо заказов, либо продаж переливать платежи в клик",
     "orders sales", "needs_clarification"),
    # no upstream named
    ("eb06", "shop", "after the other pipeline is done, load orders to clickhouse", "customers sales",
     "needs_clarification"),
    # destructive
    ("eb07", "shop", "after the orders load finishes, delete old orders from pg_shop", "orders", "rejected"),
    ("rb07", "hr", "когда догрузятся сотрудники, очисти таблицу vacations в pg_hr", "employees", "rejected"),
    # a source no reader exists for
    ("rb08", "shop", "как только в MySQL появятся новые заказы, грузи их в клик", "", "rejected"),
    ("eb08", "univ", "whenever new rows show up in the dean's Google Sheet, load them into ch_univ", "",
     "rejected"),
    ("rb09", "utility", "как появятся новые строки в гугл-таблице диспетчеров, грузи в ch_utility", "",
     "rejected"),
]  # fmt: skip


BAD += [
    ('b01', 'shop', 'после загрузки склада перелей платежи в клик', 'orders customers', 'needs_clarification'),
    ('b02', 'clinic', 'когда обновятся врачи или пациенты, грузи визиты в ch_dwh', 'doctors patients', 'needs_clarification'),
    ('b03', 'hr', 'after the employees load finishes and every day at 6, copy vacations to ch_hr', 'employees', 'needs_clarification'),
    ('b04', 'logistics', 'couriers updated -> reload couriers into ch_logistics', 'couriers', 'rejected'),
    ('b05', 'univ', 'when a new file lands, load it into ch_univ', '', 'needs_clarification'),
    ('b06', 'utility', 'после загрузки показаний удалить старые показания из pg_utility', 'readings', 'rejected'),
    ('b07', 'shop', 'когда что-нибудь обновится, перелей заказы в клик', 'orders customers', 'needs_clarification'),
    ('b08', 'clinic', 'as soon as new rows appear in the Oracle lab system, load them into ch_dwh', '', 'rejected'),
    ('b09', 'hr', 'загрузка кандидатов обновилась -> грузи кандидатов в ch_hr', 'candidates', 'rejected'),
    ('b10', 'logistics', 'после загрузки fleet обновлять курьеров в клике', 'vehicles fuel_cards', 'needs_clarification'),
]  # fmt: skip


@pytest.mark.parametrize(("case", "catalog", "text", "deployed", "status"), BAD, ids=[c[0] for c in BAD])
def test_trigger_bad_input(case: str, catalog: str, text: str, deployed: str, status: str) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == status, (outcome.spec and outcome.spec.model_dump(), outcome.questions)


# --- no trigger: (id, catalog, request, deployed tables, source table, cron) ----------------------------
# A finished-load word that only says which rows («заказы, которые обновились за сутки ->», "orders
# updated since yesterday ->") is no trigger, even with an arrow after it; the clock stays the schedule.
PLAIN: list[tuple[str, str, str, str, str, str]] = [
    ('n01', 'shop', 'updated orders -> clickhouse daily at 3', 'orders', 'orders', '0 3 * * *'),
    ('n02', 'shop', 'обновлённые заказы -> клик ежедневно в 3 ночи', 'orders', 'orders', '0 3 * * *'),
    ('n03', 'shop', 'заказы, которые обновились за сутки -> клик каждый час, инкрементально по updated_at', 'orders', 'orders', '0 * * * *'),
    ('n05', 'shop', 'orders updated since yesterday -> clickhouse hourly, incremental on updated_at', 'orders', 'orders', '0 * * * *'),
    ('n06', 'hr', 'сотрудники: загрузка в ch_hr каждый день в 6 утра', 'employees', 'employees', '0 6 * * *'),
    ('n07', 'logistics', 'отправления — грузить в клик каждые 15 минут, новые по updated_at', 'shipments', 'shipments', '*/15 * * * *'),
    ('n12', 'shop', 'загрузка заказов в клик — каждую ночь в 2', 'orders', 'orders', '0 2 * * *'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "cron"), PLAIN, ids=[c[0] for c in PLAIN]
)
def test_no_trigger_in_plain_loads(
    case: str, catalog: str, text: str, deployed: str, source: str, cron: str
) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "ok", outcome.questions or outcome.errors
    spec = outcome.spec
    assert spec is not None and spec.source.table == source and spec.schedule == cron
    assert not spec.on_new_files and not spec.schedule_assets


# Requests whose answer may be a plan or a question, but never a trigger read into them.
NOT_TRIGGERS: list[tuple[str, str, str]] = [
    ('n04', 'shop', 'orders that were updated today -> clickhouse every hour, incremental by updated_at'),  # main's planner now asks about 'that were updated'
    ('n09', 'utility', 'показания счётчиков за прошлый день -> ch_utility каждое утро в 7'),
    ('n10', 'clinic', 'пациенты в ch_dwh; после загрузки замаскировать снилс; ежедневно в 1 ночи'),
    ('n11', 'shop', 'load orders to clickhouse daily; then load payments too'),
    ('n13', 'hr', 'следить за загрузкой отпусков не нужно, просто грузить их в ch_hr ежедневно'),
]  # fmt: skip


@pytest.mark.parametrize(("case", "catalog", "text"), NOT_TRIGGERS, ids=[c[0] for c in NOT_TRIGGERS])
def test_no_trigger_read_into(case: str, catalog: str, text: str) -> None:
    outcome = plan(catalog, text, "orders patients readings")
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert not outcome.spec.on_new_files and not outcome.spec.schedule_assets


def _count() -> dict[str, Any]:
    return {
        "chains": len(CHAINS),
        "files": len(FILES),
        "manual": len(MANUAL),
        "bad": len(BAD),
        "plain": len(PLAIN),
    }


def test_at_least_sixty_requests() -> None:
    assert sum(_count().values()) >= 60


# --- families of heldout_triggers_h (its F1 and F3), on phrasings of my own ---------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "deployed", "source", "upstream"),
    [
        # «залив»/«перезалив»: a colloquial noun for the load itself
        ("utility", "после перезалива тарифов гони начисления в ch_utility", "tariffs subscribers",
         "billing.charges", ["tariffs"]),
        # a genitive right after the upstream's noun qualifies it («оценок студентов»: the grades, not students)
        ("univ", "как только отработает залив оценок студентов, грузи стипендии в ch_univ", "grades students",
         "finance.scholarships", ["grades"]),
        ("utility", "когда догрузятся показания счётчиков — перелей начисления в ch_utility",
         "readings meters subscribers", "billing.charges", ["readings"]),
        # a list keeps its items: «и» between them
        ("univ", "когда обновятся оценки и студенты, грузи стипендии в ch_univ", "grades students",
         "finance.scholarships", ["grades", "students"]),
    ],
)  # fmt: skip
def test_load_nouns_and_genitive_modifiers_of_the_upstream(
    catalog: str, text: str, deployed: str, source: str, upstream: list[str]
) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == source
    assert set(outcome.spec.schedule_assets) == {uri(catalog, t) for t in upstream}


@pytest.mark.parametrize(
    "text",
    [
        "когда обновятся платежи, пересобирать витрину: сумма amount по дням",
        "once payments are refreshed, rebuild the mart: sum of amount per day",
    ],
)
def test_a_mart_after_a_load_aggregates_that_load_when_it_names_no_table(text: str) -> None:
    """amount is in sales and in payments: the mart runs after the payments load, so it sums payments."""
    outcome = plan("shop", text, "payments sales")
    assert outcome.status == "ok", outcome.questions
    spec = outcome.spec
    assert spec is not None and spec.source.type == "mart" and spec.source.table == "payments"
    assert spec.schedule_assets == [uri("shop", "payments")]


def test_a_mart_after_two_loads_still_asks_for_its_table() -> None:
    outcome = plan("shop", "когда обновятся платежи и продажи, пересобирать витрину: сумма amount по дням",
                   "payments sales")  # fmt: skip
    assert outcome.status == "needs_clarification"


# --- Round E: every table of five catalogs as an upstream, by its comment's or glossary's words ---------
# Run once after round D's fixes (commit 6b04717), before this round's: RU 41/42 («расчёток», a genitive
# the load planner reads only as «расчётки»), EN 54/62 ("patient visits", "meter readings", "smart meter
# telemetry": an English noun before the table's noun read as a second upstream; "parcels": no glossary
# word for shipments in English — left, 2 kept out).
UPSTREAM_WORDS_RU = {'utility': ('перелей тарифы в ch_utility', 'tariffs', [('лицевых счетов', 'subscribers'), ('отключений', 'outages'), ('заявок', 'service_requests'), ('обходов', 'inspections'), ('контролёров', 'inspectors'), ('задолженности', 'debts'), ('телеметрии', 'telemetry'), ('начислений', 'charges'), ('оплат', 'payments'), ('приборов учёта', 'meters')]), 'univ': ('перелей факультеты в ch_univ', 'faculties', [('контингента', 'students'), ('ППС', 'teachers'), ('общежитий', 'dorm_residents'), ('библиотеки', 'library_loans'), ('сессий wi-fi', 'wifi_sessions'), ('оплаты обучения', 'tuition_payments'), ('стипендий', 'scholarships'), ('посещаемости', 'attendance'), ('записей на дисциплины', 'enrollments'), ('ведомостей', 'grades')]), 'hr': ('перелей отделы в ch_hr', 'departments', [('штата', 'employees'), ('СКУД', 'badge_events'), ('рекрутинга', 'candidates'), ('зарплат', 'payslips'), ('расчёток', 'payslips'), ('табеля', 'timesheets'), ('отпусков', 'vacations'), ('кандидатов', 'candidates')]), 'logistics': ('перелей хабы в ch_logistics', 'hubs', [('заправок', 'fuel_cards'), ('автопарка', 'vehicles'), ('посылок', 'shipments'), ('трекинга', 'tracking_events'), ('возвратов', 'returns'), ('маршрутных листов', 'routes'), ('курьеров', 'couriers')]), 'clinic': ('перелей отделения в ch_dwh', 'departments', [('коечного фонда', 'beds'), ('анализов', 'results'), ('счетов', 'invoices'), ('назначений', 'prescriptions'), ('записей на приём', 'appointments'), ('осмотров', 'visits'), ('пациентов', 'patients')])}  # fmt: skip
UPSTREAM_WORDS_EN = {'clinic': ('copy departments to ch_dwh', [('lab tests', 'results'), ('bills', 'invoices'), ('ward beds', 'beds'), ('medication orders', 'prescriptions'), ('appointments', 'appointments'), ('patient visits', 'visits'), ('doctors', 'doctors')]), 'utility': ('copy tariffs to ch_utility', [('meter readings', 'readings'), ('subscribers', 'subscribers'), ('outages', 'outages'), ('service requests', 'service_requests'), ('inspections', 'inspections'), ('debts', 'debts'), ('smart meter telemetry', 'telemetry')]), 'univ': ('copy faculties to ch_univ', [('library loans', 'library_loans'), ('tuition payments', 'tuition_payments'), ('scholarships', 'scholarships'), ('dorm residents', 'dorm_residents'), ('wifi sessions', 'wifi_sessions'), ('enrollments', 'enrollments'), ('grades', 'grades')]), 'logistics': ('copy hubs to ch_logistics', [('tracking events', 'tracking_events'), ('fuel cards', 'fuel_cards'), ('vehicles', 'vehicles'), ('returns', 'returns')]), 'hr': ('copy departments to ch_hr', [('payslips', 'payslips'), ('badge events', 'badge_events'), ('timesheets', 'timesheets'), ('candidates', 'candidates'), ('staff', 'employees')])}  # fmt: skip


def _upstream_cases(table: dict[str, tuple], english: bool) -> list[tuple[str, str, str, str, str]]:
    cases = []
    for catalog, spec in table.items():
        main, items = (spec[0], spec[-1])
        deployed = " ".join(t for _, t in items)
        for words, name in items:
            if english:
                cases.append((catalog, f"after the {words} load finishes, {main}", deployed, name, words))
                cases.append((catalog, f"once {words} are refreshed, {main}", deployed, name, words))
            else:
                cases.append((catalog, f"после загрузки {words} {main}", deployed, name, words))
    return cases


@pytest.mark.parametrize(
    ("catalog", "text", "deployed", "upstream", "words"),
    _upstream_cases(UPSTREAM_WORDS_RU, english=False) + _upstream_cases(UPSTREAM_WORDS_EN, english=True),
)
def test_every_table_as_an_upstream(
    catalog: str, text: str, deployed: str, upstream: str, words: str
) -> None:
    outcome = plan(catalog, text, deployed)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule_assets == [uri(catalog, upstream)]


def test_an_english_word_before_a_table_noun_that_names_nothing_is_no_modifier() -> None:
    """ "the employees dataset": «dataset» names no table, so «employees» is the upstream."""
    outcome = plan("hr", "as soon as the employees dataset is updated, load timesheets into ch_hr",
                   "employees departments")  # fmt: skip
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.schedule_assets == [uri("hr", "employees")]


def test_an_or_between_adjacent_upstreams_is_still_asked() -> None:
    outcome = plan("shop", "after orders or customers load copy payments to clickhouse", "orders customers")
    assert outcome.status == "needs_clarification"


# --- Round F: wishes, relative clauses, post-positioned and short-participle triggers ------------------
# Run once after round E's fixes (commit 7c74ce7), before its own: 10/14 (short participles «обновлён»,
# «обновлены»; «сразу, как доедут врачи»; "once products AND customers are in").
ROUND_F = [
    ('h01', 'shop', 'перелей платежи в клик после того, как в клике обновятся заказы и клиенты', 'orders customers', 'payments', ['orders', 'customers']),
    ('h02', 'shop', 'когда отработает загрузка заказов в ClickHouse, надо перелить платежи', 'orders customers', 'payments', ['orders']),
    ('h03', 'shop', 'Хочу, чтобы платежи обновлялись в клике после обновления заказов', 'orders customers', 'payments', ['orders']),
    ('h04', 'shop', 'I want payments refreshed in ClickHouse whenever orders get reloaded', 'orders customers', 'payments', ['orders']),
    ('h06', 'hr', 'need a vacations pipeline to ch_hr that starts after the employees load', 'employees departments', 'vacations', ['employees']),
    ('h07', 'logistics', 'возвраты в клик. триггер: отправления обновлены', 'shipments hubs', 'returns', ['shipments']),
    ('h08', 'univ', 'оценки в ch_univ — только после того как прогрузятся и студенты, и дисциплины, и преподаватели', 'students courses teachers', 'grades', ['students', 'courses', 'teachers']),
    ('h09', 'utility', 'начисления в ch_utility: ждать загрузку тарифов, потом запускать', 'tariffs subscribers', 'billing.charges', ['tariffs']),
    ('h10', 'clinic', 'пусть визиты едут в ch_dwh сразу, как доедут врачи', 'doctors patients', 'visits', ['doctors']),
    ('h11', 'shop', 'sales to clickhouse, but only once products AND customers are in', 'products customers', 'sales', ['products', 'customers']),
    ('h12', 'logistics', 'after shipments finished loading into the warehouse, pull returns', 'shipments hubs', 'returns', ['shipments']),
    ('h13', 'hr', 'как только обновлён табель — грузи проходы в ch_hr', 'timesheets employees', 'badge_events', ['timesheets']),
    ('h14', 'univ', 'когда загружены студенты, запускай перенос общежитий в ch_univ', 'students grades', 'campus.dorm_residents', ['students']),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "catalog", "text", "deployed", "source", "upstream"), ROUND_F, ids=[c[0] for c in ROUND_F]
)
def test_round_f(case: str, catalog: str, text: str, deployed: str, source: str, upstream: list[str]) -> None:
    test_trigger_chains(case, catalog, text, deployed, source, upstream)


def test_a_long_participle_says_which_rows_not_when() -> None:
    """«обновлённые заказы» are the rows updated, not a finished load: a plain load on its clock."""
    outcome = plan("shop", "обновлённые заказы -> клик ежедневно в 3 ночи", "orders")
    assert outcome.status == "ok", outcome.questions
    assert (
        outcome.spec is not None and not outcome.spec.schedule_assets and outcome.spec.schedule == "0 3 * * *"
    )


def test_a_second_clause_that_must_finish_first_joins_the_first() -> None:
    """Round D's «но не раньше чем»: both loads finish first (left out of round D's first fixes)."""
    outcome = plan("shop", "после загрузки заказов перелей платежи в клик, но не раньше чем обновятся клиенты",
                   "orders customers")  # fmt: skip
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.table == "payments"
    assert set(outcome.spec.schedule_assets) == {uri("shop", "orders"), uri("shop", "customers")}


def test_a_second_after_clause_that_runs_it_again_is_asked() -> None:
    """«а после загрузки клиентов ещё раз»: after each of the loads, which Airflow's all-of cannot say."""
    outcome = plan("shop", "после загрузки заказов перелей платежи в клик, а после загрузки клиентов ещё раз",
                   "orders customers")  # fmt: skip
    assert outcome.status == "needs_clarification"


def test_round_f_h05_pipeline_word_as_head_noun() -> None:
    # «пайплайн отпусков»: a generic head noun (planning/heads.py), the table is the genitive after it
    test_trigger_chains(
        *(
            "h05",
            "hr",
            "нужен пайплайн отпусков в ch_hr, который стартует после загрузки сотрудников",
            "employees departments",
            "vacations",
            ["employees"],
        )
    )
