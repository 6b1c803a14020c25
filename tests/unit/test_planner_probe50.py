"""Probe 50 (issue #15): an honest generalisation probe of the load families fixed in rounds 38-46 (planner50).

Every request below is new: written from the families' descriptions alone (the docstrings of
test_planner_round38.py ... test_planner_round46.py and the planner38-46 prose of eval/README.md), before
reading any rule in airflow_ai_etl/planning/ and without reading those rounds' cases, in other words, tables
and catalogs (carshare, hotel, insurance, bank, telecom, utility, clinic), Russian cases and English variants.
Each is scored as the eval scores a request (the whole plan with the README's defaults, or the status alone for
a question).

First pass (every request run once against the unchanged planner, at 832084c = main d4f6157): RU 63/84, EN
35/42, 11 confident wrong (a plan where a question or a different plan was expected). Three of those 28 failures
were this file's spelling, not the planner: the eval writes a public table without its schema (ru-gloss-3 wrote
'public.currency_rates') and a text column's empty check in brackets (ru-netcol-1/2 wrote it unbracketed); the
planner's plans were the README's, so they were respelt after the pass (substance unchanged). Counted right,
the first pass is RU 66/84, EN 35/42, 8 confident wrong (RU 7, EN 1): «без дублей по номеру телефона клиента»
read 'телефона' as a value of license_number; «заявки на ремонт, пока не закрыты» and «подозрительные убытки»
and «штрафы за курение» dropped their condition; «опубликованные отзывы» took is_public where published_at reads
the same state (planner42: asked); «показания теплосчётчиков» loaded every reading; «без дублей
(reservation_code)» deduped on every column; "fines ... without paid_at" dropped the column (planner42: asked).
18 asked where a plan was expected (XFAIL below, each with what was asked).

Expectation error found after the pass (kept, marked in XFAIL, not flipped): ru-except-2 («штрафы, кроме
оплаченных») expects status <> 'paid', but fines also have paid_at ('Дата оплаты'), and planner42's rule (a
flag or a status value and a time column that both read the state word are asked) makes a question the
README's answer; the planner asked, though for another reason (no column 'оплаченных'). Since planner49
(merged later) «кроме <state participle>» reads the status value as round 37's "omit the churned ones" does, so
the case passes as first written.

After the rules (planner50): RU 76/84, EN 38/42, 1 confident wrong left (ru-flagtime-1, XFAIL). Fixed in general
form: Russian words for values listed in English (vocabulary.VALUE_MEANINGS: грузовой, гибридный, семейный,
курение ...); «<table noun> за <noun>» no rule read is asked (a span of time is no reason); a compound prefix
whose kind the column does not list («теплосчётчики») is asked; a dedupe key in brackets right after the cue,
never a column left out; «по номеру телефона» names phone, and 'телефона' is no value of license_number; an
adjective of the root of a flag's subject noun («подозрительные» of 'Подозрение на мошенничество');
«пока/ещё не <participle>» after the table's noun and its comment's words; "without <nullable time column>"
after the schedule is asked; "exclude the corporate ones" read as is_corporate = false is no unread negation
any more; a time unit after a number the filter read («от 30 минут и дольше») is no listed value
('minute'). Still asked (none wrong): ru-genkey-4, ru-unit-4, ru-newval-3, ru-nullmeasure-2/3,
en-genkey-1, en-unit-1, en-valcol-3/4 (ru-ruval-5 passes since planner56: «полисы страхования»
is the table's own phrase, no connection word).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, wrong_of

ASK: dict[str, Any] = {"status": "needs_clarification"}

# (id, catalog, request, expected); the id's first part is the language, the second the family.
CASES: list[tuple[str, str, str, dict[str, Any]]] = [
    # --- 38.1 an adjective before the table noun that only resembles another table's words ---------------------
    ("ru-adj-1", "carshare", "Перелей штрафных клиентов в кликхаус ежедневно в 3 ночи", ASK),
    ("ru-adj-2", "bank", "Загружать кредитных клиентов ежедневно в 6 утра", ASK),
    ("ru-adj-3", "utility", "Выгрузка аварийных абонентов каждый день в 4 утра", ASK),
    (
        "ru-adj-4",
        "insurance",
        "Страховых агентов грузить ежедневно в 7 утра",
        ok(source__table="agents", schedule="0 7 * * *"),
    ),
    ("ru-adj-5", "hotel", "Загружай постоянных гостей в кликхаус каждый день в 5 утра", ASK),
    ("en-adj-1", "carshare", "load corporate trips to clickhouse daily at 3am", ASK),
    # --- 38.2 a genitive of the table's own noun after a dedupe key ---------------------------------------------
    (
        "ru-genkey-1",
        "carshare",
        "Загружать клиентов без дублей по номеру телефона клиента ежедневно в 2 ночи",
        ok(source__table="customers", schedule="0 2 * * *", dedupe=["phone"]),
    ),
    (
        "ru-genkey-2",
        "hotel",
        "Выгружать брони без дублей по коду брони ежедневно в 3 ночи",
        ok(source__table="booking.reservations", schedule="0 3 * * *", dedupe=["reservation_code"]),
    ),
    (
        "ru-genkey-3",
        "bank",
        "Переносить кредиты без дубликатов по номеру договора кредита каждый день в 4 утра",
        ok(source__table="lending.loans", schedule="0 4 * * *", dedupe=["contract_number"]),
    ),
    (
        "ru-genkey-4",
        "carshare",
        "Машины ежедневно в час ночи, дубли убирать по госномеру машины",
        ok(source__table="fleet.cars", schedule="0 1 * * *", dedupe=["plate_number"]),
    ),
    (
        "en-genkey-1",
        "telecom",
        "load subscribers daily at 5am, dedupe by the phone number of the subscriber",
        ok(source__table="subscribers", schedule="0 5 * * *", dedupe=["msisdn"]),
    ),
    (
        "en-genkey-2",
        "carshare",
        "copy cars every night at 1am, remove duplicates by the VIN of the car",
        ok(source__table="fleet.cars", schedule="0 1 * * *", dedupe=["vin"]),
    ),
    # --- 38.3 exclude / skip the <adjective> ones -----------------------------------------------------------------
    (
        "en-skipadj-1",
        "carshare",
        "load customers daily at 6am, exclude the corporate ones",
        ok(source__table="customers", schedule="0 6 * * *", source__where="is_corporate = false"),
    ),
    (
        "en-skipadj-2",
        "hotel",
        "load rooms every day at 2am, skip the smoking ones",
        ok(source__table="booking.rooms", schedule="0 2 * * *", source__where="is_smoking = false"),
    ),
    (
        "en-skipadj-3",
        "insurance",
        "load policy holders daily at 4am, leave out the VIP ones",
        ok(source__table="policy_holders", schedule="0 4 * * *", source__where="is_vip = false"),
    ),
    ("en-skipadj-4", "carshare", "load zones daily at 5am, exclude the dangerous ones", ASK),
    (
        "ru-skipadj-1",
        "hotel",
        "Выгружай номера отелей ежедневно в 4 утра, курящие не нужны",
        ok(source__table="booking.rooms", schedule="0 4 * * *", source__where="is_smoking = false"),
    ),
    (
        "ru-skipadj-2",
        "carshare",
        "Клиентов грузить каждый день в 6 утра, кроме корпоративных",
        ok(source__table="customers", schedule="0 6 * * *", source__where="is_corporate = false"),
    ),
    # --- 38.4 a calendar unit against the column's unit ---------------------------------------------------------
    (
        "ru-unit-1",
        "utility",
        "Долги с просрочкой больше 3 недель выгружать ежедневно в 5 утра",
        ok(source__table="billing.debts", schedule="0 5 * * *", source__where="overdue_days > 21"),
    ),
    (
        "ru-unit-2",
        "bank",
        "Кредиты сроком от 3 лет загружать ежедневно в 6 утра",
        ok(source__table="lending.loans", schedule="0 6 * * *", source__where="term_months >= 36"),
    ),
    ("ru-unit-3", "utility", "Задолженность с просрочкой свыше полутора месяцев ежедневно в 2 ночи", ASK),
    (
        "ru-unit-4",
        "bank",
        "Кредиты на срок меньше года грузить каждый день в 3 ночи",
        ok(source__table="lending.loans", schedule="0 3 * * *", source__where="term_months < 12"),
    ),
    (
        "en-unit-1",
        "utility",
        "load debts daily at 4am where overdue for more than 2 weeks",
        ok(source__table="billing.debts", schedule="0 4 * * *", source__where="overdue_days > 14"),
    ),
    (
        "en-unit-2",
        "bank",
        "loans with a term under 2 years daily at 1am",
        ok(source__table="lending.loans", schedule="0 1 * * *", source__where="term_months < 24"),
    ),
    ("en-unit-3", "utility", "debts overdue by more than a month, daily at 3am", ASK),
    # --- 38.5 the event has not happened ------------------------------------------------------------------------
    (
        "ru-notyet-1",
        "carshare",
        "Поездки, которые ещё не завершены (finished_at пустой), каждый час",
        ok(source__table="rental.trips", schedule="0 * * * *", source__where="finished_at IS NULL"),
    ),
    (
        "ru-notyet-2",
        "carshare",
        "Заявки на ремонт, пока не закрыты, выгружать каждые 30 минут",
        ok(source__table="fleet.service_jobs", schedule="*/30 * * * *", source__where="closed_at IS NULL"),
    ),
    (
        "ru-notyet-3",
        "insurance",
        "Убытки, ещё не выплаченные (paid_at пустой), ежедневно в 8 утра",
        ok(source__table="settlement.claims", schedule="0 8 * * *", source__where="paid_at IS NULL"),
    ),
    (
        "en-notyet-1",
        "carshare",
        "fines still unpaid (paid_at empty) every hour",
        ok(source__table="rental.fines", schedule="0 * * * *", source__where="paid_at IS NULL"),
    ),
    ("en-notyet-2", "carshare", "service jobs still open (no closed_on) hourly", ASK),
    ("en-notyet-3", "hotel", "reservations still going on, daily at 2am", ASK),
    # --- 38.6 «новые» beside a listed value is the value --------------------------------------------------------
    (
        "ru-newval-1",
        "insurance",
        "Грузить убытки каждые 15 минут, только новые и rejected",
        ok(
            source__table="settlement.claims",
            schedule="*/15 * * * *",
            source__where="status IN ('new', 'rejected')",
        ),
    ),
    (
        "ru-newval-2",
        "utility",
        "Обращения абонентов, только новые и done, ежедневно в 8 утра",
        ok(
            source__table="ops.service_requests",
            schedule="0 8 * * *",
            source__where="status IN ('new', 'done')",
        ),
    ),
    (
        "ru-newval-3",
        "utility",
        "Заявки абонентов: только новые или in_progress, каждые 10 минут",
        ok(
            source__table="ops.service_requests",
            schedule="*/10 * * * *",
            source__where="status IN ('new', 'in_progress')",
        ),
    ),
    (
        "en-newval-1",
        "insurance",
        "claims every hour, only the new and paid ones",
        ok(
            source__table="settlement.claims", schedule="0 * * * *", source__where="status IN ('new', 'paid')"
        ),
    ),
    # --- 39.1 a bracketed English gloss of the table noun -------------------------------------------------------
    (
        "ru-gloss-1",
        "carshare",
        "Штрафы (rental fines) выгружать ежедневно в 3 ночи",
        ok(source__table="rental.fines", schedule="0 3 * * *"),
    ),
    (
        "ru-gloss-2",
        "hotel",
        "Отзывы (booking reviews) каждый день в 2 ночи",
        ok(source__table="booking.reviews", schedule="0 2 * * *"),
    ),
    (
        "ru-gloss-3",
        "bank",
        "Курсы валют (currency_rates) грузить ежедневно в 9 утра",
        ok(source__table="currency_rates", schedule="0 9 * * *"),
    ),
    (
        "ru-gloss-4",
        "utility",
        "Показания (metering readings) переливать каждый час",
        ok(source__table="metering.readings", schedule="0 * * * *"),
    ),
    # --- 39.2 one Latin word in brackets after a Russian word: a listed value ----------------------------------
    (
        "ru-brval-1",
        "carshare",
        "Штрафы за парковку (parking) ежедневно в 5 утра",
        ok(source__table="rental.fines", schedule="0 5 * * *", source__where="fine_type = 'parking'"),
    ),
    (
        "ru-brval-2",
        "carshare",
        "Машины, кроме дизельных (diesel), ежедневно в час ночи",
        ok(source__table="fleet.cars", schedule="0 1 * * *", source__where="fuel_type <> 'diesel'"),
    ),
    (
        "ru-brval-3",
        "hotel",
        "Номера люкс (suite) загружать ежедневно в 6 утра",
        ok(source__table="booking.rooms", schedule="0 6 * * *", source__where="room_type = 'suite'"),
    ),
    (
        "ru-brval-4",
        "bank",
        "Операции через банкомат (atm) каждый час",
        ok(source__table="core.transactions", schedule="0 * * * *", source__where="channel = 'atm'"),
    ),
    (
        "ru-brval-5",
        "telecom",
        "Обращения с высоким приоритетом (high) каждые 30 минут",
        ok(source__table="support_tickets", schedule="*/30 * * * *", source__where="priority = 'high'"),
    ),
    # --- 39.3 a measure word as the subject of a null state -----------------------------------------------------
    (
        "ru-nullmeasure-1",
        "hotel",
        "Брони, где предоплата ещё не внесена (prepaid_amount пустой), ежедневно в 7 утра",
        ok(
            source__table="booking.reservations", schedule="0 7 * * *", source__where="prepaid_amount IS NULL"
        ),
    ),
    (
        "ru-nullmeasure-2",
        "carshare",
        "Поездки, у которых стоимость поездки ещё не определена, каждый час",
        ok(source__table="rental.trips", schedule="0 * * * *", source__where="total_cost IS NULL"),
    ),
    (
        "ru-nullmeasure-3",
        "carshare",
        "Заявки на обслуживание, где стоимость работ пока не известна, ежедневно в 5 утра",
        ok(source__table="fleet.service_jobs", schedule="0 5 * * *", source__where="cost IS NULL"),
    ),
    (
        "en-nullmeasure-1",
        "carshare",
        "trips where the total cost is still unknown (total_cost empty), hourly",
        ok(source__table="rental.trips", schedule="0 * * * *", source__where="total_cost IS NULL"),
    ),
    # --- 39.4 a judging adjective is asked ----------------------------------------------------------------------
    ("ru-judge-1", "carshare", "Хорошие машины грузить ежедневно в 3 ночи", ASK),
    ("ru-judge-2", "carshare", "Плохих водителей выгружать каждый день в 4 утра", ASK),
    ("ru-judge-3", "insurance", "Полисы с высокой премией ежедневно в 5 утра", ASK),
    ("en-judge-1", "hotel", "load bad reviews daily at 2am", ASK),
    ("en-judge-2", "bank", "load good clients every day at 5am", ASK),
    (
        "ru-judge-4",
        "hotel",
        "Отзывы с оценкой ниже 5 ежедневно в 2 ночи",
        ok(source__table="booking.reviews", schedule="0 2 * * *", source__where="rating < 5"),
    ),
    # --- 39.5 the noun «маска» orders a mask ---------------------------------------------------------------------
    (
        "ru-masknoun-1",
        "carshare",
        "Клиентов ежедневно в 2 ночи с маской на номер водительского удостоверения",
        ok(source__table="customers", schedule="0 2 * * *", mask=["license_number"]),
    ),
    (
        "ru-masknoun-2",
        "hotel",
        "Гостей каждый день в 3 ночи, маска на паспорт и телефон",
        ok(source__table="guests", schedule="0 3 * * *", mask=["passport_number", "phone"]),
    ),
    (
        "ru-masknoun-3",
        "bank",
        "Карты ежедневно в 4 утра, наложить маску на номер карты",
        ok(source__table="core.cards", schedule="0 4 * * *", mask=["card_number"]),
    ),
    (
        "en-masknoun-1",
        "telecom",
        "payments hourly with a mask on the card number",
        ok(source__table="billing.payments", schedule="0 * * * *", mask=["card_number"]),
    ),
    # --- 39.6 an English value before its column's word ---------------------------------------------------------
    (
        "en-valcol-1",
        "carshare",
        "trips with minute tariff daily at 3am",
        ok(source__table="rental.trips", schedule="0 3 * * *", source__where="tariff = 'minute'"),
    ),
    (
        "en-valcol-2",
        "carshare",
        "cars with electric or hybrid fuel type every day at 2am",
        ok(
            source__table="fleet.cars",
            schedule="0 2 * * *",
            source__where="fuel_type IN ('electric', 'hybrid')",
        ),
    ),
    (
        "en-valcol-3",
        "hotel",
        "reservations with ota channel daily at 4am",
        ok(source__table="booking.reservations", schedule="0 4 * * *", source__where="channel = 'ota'"),
    ),
    (
        "en-valcol-4",
        "insurance",
        "policies with online sales channel daily at 6am",
        ok(source__table="underwriting.policies", schedule="0 6 * * *", source__where="channel = 'online'"),
    ),
    # --- 39.7 a value named like a schema is no schema ----------------------------------------------------------
    (
        "en-schemaval-1",
        "telecom",
        "support tickets with network category daily at 3am",
        ok(source__table="support_tickets", schedule="0 3 * * *", source__where="category = 'network'"),
    ),
    (
        "en-schemaval-2",
        "telecom",
        "tickets in the billing category every 2 hours",
        ok(source__table="support_tickets", schedule="0 */2 * * *", source__where="category = 'billing'"),
    ),
    (
        "ru-schemaval-1",
        "telecom",
        "Обращения категории network ежедневно в 4 утра",
        ok(source__table="support_tickets", schedule="0 4 * * *", source__where="category = 'network'"),
    ),
    # --- 41 yes/no states by the comment's verb or participle; two tables; listed values beside the noun --------
    (
        "ru-state-1",
        "hotel",
        "Работающие отели ежедневно в 5 утра",
        ok(source__table="hotels", schedule="0 5 * * *", source__where="is_active = true"),
    ),
    (
        "ru-state-2",
        "carshare",
        "Действующие зоны парковки каждый день в 4 утра",
        ok(source__table="zones", schedule="0 4 * * *", source__where="is_active = true"),
    ),
    (
        "ru-state-3",
        "bank",
        "Закрытые отделения выгружать ежедневно в 2 ночи",
        ok(source__table="branches", schedule="0 2 * * *", source__where="is_closed = true"),
    ),
    (
        "ru-state-4",
        "insurance",
        "Взносы, которые просрочены, ежедневно в 6 утра",
        ok(source__table="billing.premium_payments", schedule="0 6 * * *", source__where="is_overdue = true"),
    ),
    (
        "ru-state-5",
        "hotel",
        "Начисления на счёт гостя ежедневно в 3 ночи, сторнированные не нужны",
        ok(source__table="finance.folio_charges", schedule="0 3 * * *", source__where="is_refunded = false"),
    ),
    (
        "en-state-1",
        "carshare",
        "active zones daily at 4am",
        ok(source__table="zones", schedule="0 4 * * *", source__where="is_active = true"),
    ),
    ("ru-twotables-1", "carshare", "Клиентов и штрафы грузить ежедневно в 3 ночи", ASK),
    ("en-twotables-1", "carshare", "trips and payments to clickhouse every hour", ASK),
    (
        "ru-night-1",
        "carshare",
        "Каждую ночь в 23:30 выгружать поездки",
        ok(source__table="rental.trips", schedule="30 23 * * *"),
    ),
    (
        "ru-besideval-1",
        "carshare",
        "Поездки disputed выгружать ежедневно в 4 утра",
        ok(source__table="rental.trips", schedule="0 4 * * *", source__where="status = 'disputed'"),
    ),
    # --- 42 "the X ones are not needed", flag vs time column, «без <time column>», another table's column -------
    (
        "en-notneeded-1",
        "carshare",
        "load cars daily at 2am, the retired ones are not needed",
        ok(source__table="fleet.cars", schedule="0 2 * * *", source__where="status <> 'retired'"),
    ),
    (
        "en-notneeded-2",
        "hotel",
        "guests every day at 1am; we don't need the blacklisted ones",
        ok(source__table="guests", schedule="0 1 * * *", source__where="is_blacklisted = false"),
    ),
    ("ru-bezcol-1", "carshare", "Штрафы без paid_at ежедневно в 5 утра", ASK),
    ("en-bezcol-1", "carshare", "fines daily at 4am without paid_at", ASK),
    ("ru-flagtime-1", "hotel", "Опубликованные отзывы выгружать ежедневно в 6 утра", ASK),
    ("ru-othercol-1", "carshare", "Завершённые поездки клиентов из Казани ежедневно в 2 ночи", ASK),
    (
        "ru-suspect-1",
        "insurance",
        "Подозрительные убытки выгружать каждый час",
        ok(
            source__table="settlement.claims", schedule="0 * * * *", source__where="is_fraud_suspected = true"
        ),
    ),
    # --- 43.1 a number and a unit with "or more" ----------------------------------------------------------------
    (
        "ru-ormore-1",
        "carshare",
        "Поездки от 30 минут и дольше ежедневно в 3 ночи",
        ok(source__table="rental.trips", schedule="0 3 * * *", source__where="duration_min >= 30"),
    ),
    (
        "ru-ormore-2",
        "carshare",
        "Поездки на 50 км и больше выгружать каждый час",
        ok(source__table="rental.trips", schedule="0 * * * *", source__where="distance_km >= 50"),
    ),
    (
        "ru-ormore-3",
        "telecom",
        "Звонки 10 минут и дольше ежедневно в час ночи",
        ok(source__table="network.calls", schedule="0 1 * * *", source__where="duration_sec >= 600"),
    ),
    ("ru-ormore-4", "carshare", "Поездки 3 раза и больше каждый час", ASK),
    (
        "en-ormore-1",
        "carshare",
        "trips of 2 hours or more daily at 5am",
        ok(source__table="rental.trips", schedule="0 5 * * *", source__where="duration_min >= 120"),
    ),
    (
        "en-ormore-2",
        "carshare",
        "cars with mileage of 100000 km or more daily at 6am",
        ok(source__table="fleet.cars", schedule="0 6 * * *", source__where="mileage_km >= 100000"),
    ),
    # --- 43.2 «(нет <column>)» ----------------------------------------------------------------------------------
    # planner52: «(нет X)» and "(no X)" on a column that records no event are asked in both languages (the column
    # left out, or the rows where it is empty?): the README documents neither reading
    ("ru-netcol-1", "carshare", "Поездки (нет promo_code) ежедневно в 2 ночи", ASK),
    ("ru-netcol-2", "hotel", "Отзывы (нет comment) каждый день в 3 ночи", ASK),
    ("ru-netcol-3", "carshare", "Машины (нет vin) ежедневно в 4 утра", ASK),
    # --- 43.3 a compound whose first part is a listed kind ------------------------------------------------------
    ("ru-compound-1", "utility", "Газосчётчики выгружать ежедневно в 4 утра", ASK),
    ("ru-compound-2", "utility", "Показания теплосчётчиков ежедневно в 5 утра", ASK),
    # --- 43.4 a condition on another table's free-text column ---------------------------------------------------
    ("ru-otherfree-1", "hotel", "Брони гостей из Германии ежедневно в 3 ночи", ASK),
    ("ru-otherfree-2", "bank", "Карты клиентов из Новосибирска ежедневно в 6 утра", ASK),
    ("en-otherfree-1", "carshare", "payments of customers from Kazan daily at 3am", ASK),
    # --- 43.5 a role noun hyphened with the table noun; flag adjectives -----------------------------------------
    (
        "ru-role-1",
        "bank",
        "Клиентов-резидентов грузить ежедневно в 3 ночи",
        ok(source__table="clients", schedule="0 3 * * *", source__where="is_resident = true"),
    ),
    (
        "ru-role-2",
        "bank",
        "Резидентов-клиентов грузить ежедневно в 3 ночи",
        ok(source__table="clients", schedule="0 3 * * *", source__where="is_resident = true"),
    ),
    ("ru-role-3", "carshare", "Водителей-новичков выгружать ежедневно в 2 ночи", ASK),
    (
        "ru-role-4",
        "carshare",
        "Корпоративных клиентов ежедневно в 5 утра",
        ok(source__table="customers", schedule="0 5 * * *", source__where="is_corporate = true"),
    ),
    # --- 43.6 «просрочка» on loans: one reading or asked --------------------------------------------------------
    (
        "ru-overdue-1",
        "bank",
        "Просроченные кредиты (overdue) ежедневно в 2 ночи",
        ok(source__table="lending.loans", schedule="0 2 * * *", source__where="status = 'overdue'"),
    ),
    (
        "ru-overdue-2",
        "bank",
        "Кредиты с просрочкой больше 30 дней ежедневно в 3 ночи",
        ok(source__table="lending.loans", schedule="0 3 * * *", source__where="overdue_days > 30"),
    ),
    (
        "ru-overdue-3",
        "utility",
        "Долги с просрочкой ежедневно в 5 утра",
        ok(source__table="billing.debts", schedule="0 5 * * *", source__where="overdue_days > 0"),
    ),
    ("en-overdue-1", "bank", "loans that are past due, daily at 4am", ASK),
    # --- 44 verbs and mode words are no values; bracketed dedupe key; column lists; «кроме <participle>» --------
    (
        "ru-cols-1",
        "carshare",
        "Ежедневно в 4 утра грузить штрафы: amount, status, issued_at",
        ok(
            source__table="rental.fines",
            schedule="0 4 * * *",
            source__columns=["amount", "status", "issued_at"],
        ),
    ),
    (
        "ru-brdedupe-1",
        "hotel",
        "Загружать брони ежедневно в 3 ночи без дублей (reservation_code)",
        ok(source__table="booking.reservations", schedule="0 3 * * *", dedupe=["reservation_code"]),
    ),
    (
        "ru-except-1",
        "carshare",
        "Поездки ежедневно в 2 ночи, кроме отменённых",
        ok(source__table="rental.trips", schedule="0 2 * * *", source__where="status <> 'cancelled'"),
    ),
    (
        "ru-except-2",
        "carshare",
        "Штрафы каждый час, кроме оплаченных",
        ok(source__table="rental.fines", schedule="0 * * * *", source__where="status <> 'paid'"),
    ),
    (
        "ru-verb-1",
        "carshare",
        "Перезаливать машины каждый день в 4 утра",
        ok(source__table="fleet.cars", schedule="0 4 * * *"),
    ),
    (
        "ru-verb-2",
        "carshare",
        "Грузить заявки на обслуживание ежедневно в 6 утра",
        ok(source__table="fleet.service_jobs", schedule="0 6 * * *"),
    ),
    # --- 45 "<rows> that are <listed value>" --------------------------------------------------------------------
    (
        "en-thatare-1",
        "carshare",
        "cars that are reserved, daily at 3am",
        ok(source__table="fleet.cars", schedule="0 3 * * *", source__where="status = 'reserved'"),
    ),
    (
        "en-thatare-2",
        "carshare",
        "zones that are airports, daily at 5am",
        ok(source__table="zones", schedule="0 5 * * *", source__where="zone_type = 'airport'"),
    ),
    (
        "en-thatare-3",
        "carshare",
        "customers that are blocked every day at 1am",
        ok(source__table="customers", schedule="0 1 * * *", source__where="status = 'blocked'"),
    ),
    (
        "en-thatare-4",
        "hotel",
        "guests that are gold members, daily at 2am",
        ok(source__table="guests", schedule="0 2 * * *", source__where="loyalty_level = 'gold'"),
    ),
    # --- 46.1 a Russian word for a value listed in English ------------------------------------------------------
    (
        "ru-ruval-1",
        "carshare",
        "Грузовые машины выгружать ежедневно в 2 ночи",
        ok(source__table="fleet.cars", schedule="0 2 * * *", source__where="car_class = 'cargo'"),
    ),
    (
        "ru-ruval-2",
        "carshare",
        "Гибридные машины ежедневно в 3 ночи",
        ok(source__table="fleet.cars", schedule="0 3 * * *", source__where="fuel_type = 'hybrid'"),
    ),
    (
        "ru-ruval-3",
        "hotel",
        "Семейные номера грузить каждый день в 4 утра",
        ok(source__table="booking.rooms", schedule="0 4 * * *", source__where="room_type = 'family'"),
    ),
    (
        "ru-ruval-4",
        "hotel",
        "Оплаты наличными ежедневно в 3 ночи",
        ok(source__table="finance.payments", schedule="0 3 * * *", source__where="method = 'cash'"),
    ),
    (
        "ru-ruval-5",
        "insurance",
        "Полисы страхования жизни ежедневно в 5 утра",
        ok(source__table="underwriting.policies", schedule="0 5 * * *", source__where="product = 'life'"),
    ),
    (
        "ru-ruval-6",
        "insurance",
        "Убытки по наводнениям выгружать ежедневно в 6 утра",
        ok(source__table="settlement.claims", schedule="0 6 * * *", source__where="claim_type = 'flood'"),
    ),
    (
        "ru-ruval-7",
        "carshare",
        "Штрафы за курение каждый час",
        ok(source__table="rental.fines", schedule="0 * * * *", source__where="fine_type = 'smoking'"),
    ),
    # --- 46.2 "<plural value> only" and 46.3 "the X ones" -------------------------------------------------------
    (
        "en-only-1",
        "carshare",
        "cars daily at 2am, hybrids only",
        ok(source__table="fleet.cars", schedule="0 2 * * *", source__where="fuel_type = 'hybrid'"),
    ),
    (
        "en-only-2",
        "carshare",
        "zones daily at 5am, airports only",
        ok(source__table="zones", schedule="0 5 * * *", source__where="zone_type = 'airport'"),
    ),
    (
        "en-ones-1",
        "carshare",
        "trips daily at 4am, the disputed ones",
        ok(source__table="rental.trips", schedule="0 4 * * *", source__where="status = 'disputed'"),
    ),
    (
        "en-ones-2",
        "carshare",
        "zones every day at 3am, the restricted ones",
        ok(source__table="zones", schedule="0 3 * * *", source__where="zone_type = 'restricted'"),
    ),
    ("en-ones-3", "carshare", "fines daily at 6am, the fancy ones", ASK),
]

# case id -> why it fails on the planner today (strict: an xfail that passes fails the suite)
XFAIL: dict[str, str] = {
    "ru-genkey-4": "asked: «по госномеру машины» read plate_number = 'машины' beside a negation",
    "en-genkey-1": "asked: 'the phone number of the subscriber' not grounded on msisdn",
    "ru-unit-4": "asked: «меньше года» (a unit with no number) not read as term_months < 12",
    "en-unit-1": "asked: 'overdue for more than 2 weeks' not read",
    "ru-newval-3": "asked which table: «заявки абонентов» (the table's comment words) read as two tables",
    "ru-nullmeasure-2": "asked: «стоимость поездки ещё не определена» not read as total_cost IS NULL",
    "ru-nullmeasure-3": "asked: «стоимость работ пока не известна» not read as cost IS NULL",
    "en-valcol-3": "asked: 'with ota channel' offered channel = 'ota' or channel not empty",
    "en-valcol-4": "asked: 'online sales channel' took 'sales' for the value",
    "ru-flagtime-1": "confident: is_public = true; the Russian participle does not reach published_at ('Дата "
    "публикации': «публикация» lacks the «о-» of «опубликованный»), so planner42's question is not raised",
}


# planner52: ru-except-2's outcome depends on the requests planned before it in this module (alone, on main too, it
# plans status <> 'paid'; after this module's earlier cases main asked): not strict until that state is found
_ORDER_DEPENDENT = frozenset({"ru-except-2"})


def _param(case: tuple[str, str, str, dict[str, Any]]) -> Any:
    reason = XFAIL.get(case[0])
    strict = case[0] not in _ORDER_DEPENDENT
    marks = [pytest.mark.xfail(strict=strict, reason=reason)] if reason else []
    return pytest.param(*case[1:], id=case[0], marks=marks)


@pytest.mark.parametrize(("catalog", "text", "expected"), [_param(case) for case in CASES])
def test_the_family_generalises(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# Written while fixing (after reading the rules, so no probe): the fixed families in other words and tables.
FIXED: list[tuple[str, str, str, dict[str, Any]]] = [
    # «за <noun>» after the table's noun: a listed kind by the value lexicon, else asked; a span of time is none
    ("ru-reason-1", "carshare", "Штрафы за повреждения ежедневно в 2 ночи",
     ok(source__table="rental.fines", schedule="0 2 * * *", source__where="fine_type = 'damage'")),
    # planner64: the value lexicon knows «превышение» (скорости) for 'speeding' (heldout_2026-12-14a aa-ru-065)
    ("ru-reason-2", "carshare", "Штрафы за превышение скорости каждый час",
     ok(source__table="rental.fines", schedule="0 * * * *", source__where="fine_type = 'speeding'")),
    ("ru-reason-3", "carshare", "Штрафы за мусор каждый час", ASK),
    ("ru-reason-4", "univ", "Оплата за обучение ежедневно в 3 ночи",
     ok(source__table="finance.tuition_payments", schedule="0 3 * * *")),
    ("ru-reason-5", "telecom", "Платежи за роуминг ежедневно в 3 ночи", ASK),
    # a compound prefix whose kind the column does not list is asked
    ("ru-kindprefix-1", "utility", "Показания теплосчётчиков каждый час", ASK),
    # a dedupe key in brackets right after the cue; the bracket is no column left out
    ("ru-dedupebr-1", "hotel", "Брони ежедневно в 3 ночи, дубли (reservation_code) убрать",
     ok(source__table="booking.reservations", schedule="0 3 * * *", dedupe=["reservation_code"])),
    ("ru-dedupebr-2", "carshare", "Машины ежедневно в 2 ночи без дубликатов (vin)",
     ok(source__table="fleet.cars", schedule="0 2 * * *", dedupe=["vin"])),
    ("en-dedupebr-1", "carshare", "load trips daily at 1am, dedupe (trip_code)",
     ok(source__table="rental.trips", schedule="0 1 * * *", dedupe=["trip_code"])),
    ("en-dedupebr-2", "carshare", "load trips daily at 1am without duplicates (whatever)", ASK),
    # a generic column word and a genitive naming another column: that column, no value
    ("ru-genhead-1", "carshare", "Клиенты с номером телефона 123 ежедневно в 2 ночи", ASK),
    ("ru-genhead-2", "insurance", "Агенты без дублей по номеру телефона ежедневно в 4 утра",
     ok(source__table="agents", schedule="0 4 * * *", dedupe=["phone"])),
    # an adjective of the root of a flag's subject noun
    ("ru-rootadj-1", "insurance", "Убытки, кроме подозрительных, каждый час",
     ok(source__table="settlement.claims", schedule="0 * * * *", source__where="is_fraud_suspected = false")),
    # «пока не <participle>» after the table's noun and its comment's words
    ("ru-notyetphrase-1", "carshare", "Заявки на обслуживание машин, ещё не закрытые, каждые 30 минут",
     ok(source__table="fleet.service_jobs", schedule="*/30 * * * *", source__where="closed_at IS NULL")),
    # a time unit after a number the filter read is no listed value; a number no rule read is still asked
    ("ru-unitword-1", "carshare", "Поездки дольше 2 часов ежедневно в 3 ночи",
     ok(source__table="rental.trips", schedule="0 3 * * *", source__where="duration_min > 120")),
    ("ru-unitword-2", "carshare", "Поездки 30 минут ежедневно в 3 ночи", ASK),
    # "exclude the X ones" read as a flag or a value leaves no unread negation
    ("en-ones-neg-1", "carshare", "load trips daily at 2am, leave out the cancelled ones",
     ok(source__table="rental.trips", schedule="0 2 * * *", source__where="status <> 'cancelled'")),
    # "without <nullable time column>" after the schedule
    ("en-withouttime-1", "hotel", "reservations daily at 2am without cancelled_at", ASK),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), [pytest.param(*c[1:], id=c[0]) for c in FIXED])
def test_the_fixed_family_reads_other_words(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []
