"""Trigger requests of my own (round 16, issue 18): the four families of heldout_triggers_n's real failures.

Written on branch trig16 (= main 39629dd) before any rule change for them, over five demo catalogs and a
small CRM catalog of this file (contacts with home/work addresses, first/last names, mobile/work phones;
Russian comments with words whose common misspellings are two letters off), in Russian and English:

1. a clock and a file trigger in one request, either order («каждый час, а также при каждом новом файле в
   s3://…», "on every new CSV in s3://… and also hourly"): two triggers, a question; a clock that reads the
   new files ("every hour pull new csv files", «каждые полчаса забирать новые csv») and a file trigger alone
   stay planned;
2. two qualifiers sharing one plural noun in a mask ("sender and recipient phones", "home and work
   addresses", "first and last names", «телефоны отправителя и получателя», «домашний и рабочий адреса») in
   a pipeline started by other loads or by a person: every column, not the last one; a pair the table lacks
   one of is asked;
3. a genitive plural with a fleeting vowel naming a table comment's noun («оценок» of 'Оценки …',
   «заявок», «заправок», «сделок», «посылок»), after a list of upstream loads or on a clock;
4. a common Russian misspelling two letters off a catalog word: a dropped or inserted vowel or soft sign,
   a doubled or undoubled consonant («задолжность», «аппеляции», «коммисии»); real words, other letters
   changed and words no catalog comment holds are left alone.

First pass (trig16 at 39629dd plus this file, before any change for them): 23 of 47 failed before the rules.
c05 (a clock with "upon each new file") and m02 (the Russian mask after a trigger) already passed; m09, m10
and s01 were confident wrong plans besides the eval's: "home and work phones" masked home_address and
work_phone, «задолжности по абонентам» loaded subscribers. After the four rules: 47/47; m11-m15 were added
after the mask rule (a first version of it asked on a list «СНИЛС и номер паспорта» in the eval and on a verb
«залей» in test_planner_round9, both fixed before committing), 52/52.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.planning.spelling import Speller
from tests.catalogs import CATALOGS, tables_from_ddl
from tests.unit.test_triggers_round9 import plan as plan_demo
from tests.unit.test_triggers_round9 import triggered_spec, uri

OK, ASK = "ok", "needs_clarification"

CRM_DDL = """
CREATE TABLE public.accounts (id bigint PRIMARY KEY, name text, region text, updated_at timestamp);
CREATE TABLE public.contacts (
    id bigint PRIMARY KEY, account_id bigint REFERENCES public.accounts(id), first_name text, last_name text,
    home_address text, work_address text, mobile_phone text, work_phone text, email text, updated_at timestamp
);
CREATE TABLE public.deals (
    id bigint PRIMARY KEY, account_id bigint REFERENCES public.accounts(id), amount numeric(12,2), stage text,
    closed_at timestamp
);
CREATE TABLE public.partner_fees (id bigint PRIMARY KEY, partner text, fee numeric(12,2), charged_at timestamp);
CREATE TABLE public.appeals (
    id bigint PRIMARY KEY, deal_id bigint REFERENCES public.deals(id), reason text, filed_at timestamp
);
COMMENT ON TABLE public.accounts IS 'Клиентские аккаунты';
COMMENT ON TABLE public.contacts IS 'Контактные лица клиентов';
COMMENT ON TABLE public.deals IS 'Сделки с клиентами';
COMMENT ON TABLE public.partner_fees IS 'Комиссии партнёров';
COMMENT ON TABLE public.appeals IS 'Апелляции по сделкам';
COMMENT ON COLUMN public.contacts.first_name IS 'Имя';
COMMENT ON COLUMN public.contacts.last_name IS 'Фамилия';
COMMENT ON COLUMN public.contacts.home_address IS 'Домашний адрес';
COMMENT ON COLUMN public.contacts.work_address IS 'Рабочий адрес';
COMMENT ON COLUMN public.contacts.mobile_phone IS 'Мобильный телефон';
COMMENT ON COLUMN public.contacts.work_phone IS 'Рабочий телефон';
"""


def crm_catalog() -> Catalog:
    connections = [
        ConnectionInfo("pg_crm", "postgres", "CRM database", "127.0.0.1", "crm"),
        ConnectionInfo("ch_crm", "clickhouse", "ClickHouse for sales analytics", "127.0.0.1", "crm"),
    ]
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_crm": tables_from_ddl(CRM_DDL)}
    )


ALL = {**CATALOGS, "crm": crm_catalog}


def crm_uri(table: str) -> str:
    return f"clickhouse://127.0.0.1:9000/crm/{table}"


@functools.lru_cache(maxsize=32)
def crm_planner(deployed: str = "") -> OfflinePlanner:
    assets = {crm_uri(t): [f"{t}_pg_crm_to_ch_crm"] for t in deployed.split() if t}
    return OfflinePlanner(dataclasses.replace(crm_catalog(), assets=assets))


def plan(catalog: str, text: str, deployed: str = "") -> Outcome:
    return crm_planner(deployed).plan(text) if catalog == "crm" else plan_demo(catalog, text, deployed)


def asset(catalog: str, table: str) -> str:
    return crm_uri(table) if catalog == "crm" else uri(catalog, table)


# (id, catalog, request, deployed tables, expected): `source` the planned source table, `upstream` the tables
# it runs after, `path` the watched place of new files, `cron` a clock, `manual` no trigger and no clock,
# `mask` the masked columns (any order).
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- 1. a clock and a file trigger: two triggers, a question ----------------------------------------
    ("c01", "logistics", "каждый час, а также при каждом новом файле в s3://logi-drop/gps/ грузить csv в таблицу gps_raw",
     "", {"status": ASK}),
    ("c02", "telecom", "при каждом новом csv в s3://tele-in/roaming/ и ещё раз в сутки в 3 ночи загружать в таблицу roam_raw",
     "", {"status": ASK}),
    ("c03", "utility", "при новом файле в s3://util-in/meters/ и заодно каждые 15 минут грузить csv в таблицу meter_raw",
     "", {"status": ASK}),
    ("c04", "hr", "on every new file in s3://hr-drop/badges/ and also hourly, load csv into table badge_raw",
     "", {"status": ASK}),
    ("c05", "shop", "load parquet from s3://shop-in/clicks/ every 30 minutes and also upon each new file",
     "", {"status": ASK}),
    ("c06", "clinic", "daily at 6am plus on each new CSV in s3://clinic-in/labs/, load into table lab_raw",
     "", {"status": ASK}),
    # controls: a clock that reads the new files, a file trigger alone
    ("c07", "logistics", "каждые полчаса забирать новые csv из s3://logi-drop/gps/ в таблицу gps_raw",
     "", {"status": OK, "cron": "*/30 * * * *"}),
    ("c08", "hr", "every day at 5am load every new csv from s3://hr-drop/badges/ into table badge_raw",
     "", {"status": OK, "cron": "0 5 * * *"}),
    ("c09", "logistics", "при каждом новом файле в s3://logi-drop/gps/ грузить csv в таблицу gps_raw",
     "", {"status": OK, "path": "s3://logi-drop/gps/"}),
    ("c10", "hr", "on every new csv in s3://hr-drop/badges/ load it into table badge_raw",
     "", {"status": OK, "path": "s3://hr-drop/badges/"}),
    # --- 2. two qualifiers sharing one plural noun in a mask, started by loads or by a person -----------
    ("m01", "logistics", "once couriers are loaded, copy shipments into ch_logistics; hash sender and recipient phones",
     "couriers hubs", {"status": OK, "source": "shipments", "upstream": ["couriers"],
                       "mask": ["sender_phone", "recipient_phone"]}),
    ("m02", "logistics", "как догрузятся хабы — перелей отправления в кх, телефоны получателя и отправителя захешировать",
     "hubs couriers", {"status": OK, "source": "shipments", "upstream": ["hubs"],
                       "mask": ["sender_phone", "recipient_phone"]}),
    ("m03", "logistics", "shipments to clickhouse manually; redact sender and recipient names",
     "", {"status": OK, "source": "shipments", "manual": True, "mask": ["sender_name", "recipient_name"]}),
    ("m04", "crm", "after the accounts load, copy contacts to ch_crm; mask home and work addresses",
     "accounts deals", {"status": OK, "source": "contacts", "upstream": ["accounts"],
                        "mask": ["home_address", "work_address"]}),
    ("m05", "crm", "contacts into clickhouse on demand; hash first and last names",
     "", {"status": OK, "source": "contacts", "manual": True, "mask": ["first_name", "last_name"]}),
    ("m06", "crm", "после загрузки аккаунтов грузи контакты в кх, замаскировать домашний и рабочий адреса",
     "accounts deals", {"status": OK, "source": "contacts", "upstream": ["accounts"],
                        "mask": ["home_address", "work_address"]}),
    ("m07", "crm", "контакты в кх вручную, скрыть мобильный и рабочий телефоны",
     "", {"status": OK, "source": "contacts", "manual": True, "mask": ["mobile_phone", "work_phone"]}),
    ("m08", "crm", "load contacts to ch_crm daily at 5; mask mobile and work phones",
     "", {"status": OK, "source": "contacts", "cron": "0 5 * * *", "mask": ["mobile_phone", "work_phone"]}),
    # a pair the table has only one of: asked, never the one column alone
    ("m09", "crm", "contacts into clickhouse on demand; mask home and work phones", "", {"status": ASK}),
    ("m10", "crm", "после загрузки аккаунтов грузи контакты в кх, скрыть домашний и рабочий телефоны",
     "accounts deals", {"status": ASK}),
    # added after the rule: a qualifier the table lacks in both orders, and items of a list that only look
    # like qualifiers (a column named by one word, a singular noun, a verb of the next clause) stay a list
    ("m11", "logistics", "when hubs are refreshed, reload shipments to ch; mask sender and recipient addresses",
     "hubs couriers", {"status": ASK}),
    ("m12", "logistics", "после обновления хабов грузи отправления в кх, замаскировать телефоны отправителя и курьера",
     "hubs couriers", {"status": ASK}),
    ("m13", "clinic", "пациентов в кх по будням в 5, СНИЛС и номер паспорта захешировать",
     "", {"status": OK, "source": "patients", "cron": "0 5 * * 1-5", "mask": ["snils", "passport_number"]}),
    ("m14", "clinic", "счета в кх каждый день в 4, номер карты и полис скрыть",
     "", {"status": OK, "source": "billing.invoices", "cron": "0 4 * * *",
          "mask": ["card_number", "insurance_policy"]}),
    ("m15", "univ", "Захешируй ФИО студентов и перелей их в клик ежедневно в 2 ночи",
     "", {"status": OK, "source": "students", "cron": "0 2 * * *", "mask": ["full_name"]}),
    # --- 3. a genitive plural with a fleeting vowel names a comment's noun ------------------------------
    ("g01", "utility", "когда тарифы, счётчики и абоненты обновятся — запускай выгрузку заявок",
     "tariffs meters subscribers readings", {"status": OK, "source": "ops.service_requests",
                                             "upstream": ["tariffs", "meters", "subscribers"]}),
    ("g02", "logistics", "после загрузки курьеров, хабов и маршрутов запускай копию заправок",
     "couriers hubs routes shipments", {"status": OK, "source": "fleet.fuel_cards",
                                        "upstream": ["couriers", "hubs", "routes"]}),
    ("g03", "crm", "когда аккаунты и контакты загрузятся, запускай выгрузку сделок",
     "accounts contacts", {"status": OK, "source": "deals", "upstream": ["accounts", "contacts"]}),
    ("g04", "logistics", "выгрузка посылок в кх каждый день в 4 утра",
     "", {"status": OK, "source": "shipments", "cron": "0 4 * * *"}),
    ("g05", "univ", "копию оценок в кх по будням в 6:30",
     "", {"status": OK, "source": "grades", "cron": "30 6 * * 1-5"}),
    ("g06", "crm", "перенос сделок в клик вручную", "", {"status": OK, "source": "deals", "manual": True}),
    # words no comment holds stay asked
    ("g07", "univ", "выгрузка ошибок в кх ежедневно", "", {"status": ASK}),
    ("g08", "crm", "выгрузка ставок в кх ежедневно", "", {"status": ASK}),
    # --- 4. a common misspelling two letters off a catalog word ------------------------------------------
    ("s01", "utility", "задолжности по абонентам в кх каждую ночь в 3",
     "", {"status": OK, "source": "billing.debts", "cron": "0 3 * * *"}),
    ("s02", "utility", "после загрузки начислений грузи задолжность абонентов в кх",
     "charges payments", {"status": OK, "source": "billing.debts", "upstream": ["charges"]}),
    ("s03", "crm", "аппеляции в клик ежедневно в 8", "", {"status": OK, "source": "appeals", "cron": "0 8 * * *"}),
    ("s04", "crm", "коммисии партнёров в кх каждый час",
     "", {"status": OK, "source": "partner_fees", "cron": "0 * * * *"}),
    # no catalog word it misspells: still asked
    ("s05", "hr", "задолжность сотрудников в кх ежедневно", "", {"status": ASK}),
]  # fmt: skip

PARAMS = [pytest.param(*c, id=c[0]) for c in CASES]


@pytest.mark.parametrize(("case_id", "catalog", "text", "deployed", "expected"), PARAMS)
def test_round16(case_id: str, catalog: str, text: str, deployed: str, expected: dict[str, Any]) -> None:
    spec = triggered_spec(plan(catalog, text, deployed), expected, lambda t: asset(catalog, t))
    if spec is None:
        return
    assert spec.schedule == expected.get("cron")
    masked = [c for t in spec.transforms if t.type == "mask" for c in t.columns]
    assert sorted(masked) == sorted(expected.get("mask", []))


# --- 4. the speller itself: what it reads, and what it leaves alone ----------------------------------------


@functools.lru_cache(maxsize=8)
def speller(catalog: str) -> Speller:
    return Speller.for_catalog(ALL[catalog]())


@pytest.mark.parametrize(
    ("catalog", "written", "read"),
    [
        ("utility", "задолжность", "задолженность"),  # a vowel dropped, a double consonant single
        ("utility", "задолжностей", "задолженностей"),
        ("utility", "задолжностью", "задолженностью"),
        ("crm", "аппеляций", "апелляций"),  # the doubled letter moved
        ("crm", "коммисии", "комиссии"),
    ],
)
def test_a_common_misspelling_of_a_catalog_word_is_read(catalog: str, written: str, read: str) -> None:
    assert speller(catalog).correct(written)[0] == read


@pytest.mark.parametrize(
    ("catalog", "written"),
    [
        ("utility", "задолжник"),  # a real word (the dictionary knows it)
        ("utility", "задолжал"),
        ("utility", "контроллеры"),  # a real word one letter from 'Контролёры'
        ("utility", "задолжнозть"),  # a consonant changed: no vowel, soft sign or doubling
        ("utility", "задолжкность"),  # a consonant added that doubles nothing
        ("utility", "здолжнсть"),  # three letters off
        ("hr", "задолжность"),  # no catalog comment holds «задолженность»
        ("utility", "аппеляции"),  # 'Апелляции' is another catalog's word
    ],
)
def test_real_words_and_other_letters_are_left_alone(catalog: str, written: str) -> None:
    assert speller(catalog).correct(written)[0] == written


def test_the_misspelling_is_said_in_the_description() -> None:
    outcome = plan("utility", "задолжность абонентов в кх ежедневно в 7")
    assert outcome.status == OK and outcome.spec is not None, outcome.questions
    assert "задолжность" in outcome.spec.description and outcome.spec.request.startswith("задолжность")
