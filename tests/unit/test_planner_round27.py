"""Do the fixes of the last held-out rounds generalise? The failure families of heldout_2026-12-06l, -06m, -07n
and -07o (their .failures.md files and eval/README.md), each asked again with requests of my own: other
synonyms, word order, grammatical case, slang, typos, numbers in words, other catalogs (none copied from an eval
file). Every request is scored as the eval scores it: the whole plan, with the README's defaults for every field
it does not name (run_eval.wrong_fields), or the status alone for a request that must be asked or refused.

First pass (planner27, against the unchanged planner = main 5a9f18b): 32 of 122 failed before the rules
(RU 24 of 83, EN 8 of 39), 12 of them confident wrong plans (RU 10, EN 2; one more RU request was refused).
Per family, failed/total: l1 4/5, l2 1/5, l3 1/5, l6 1/4, l7 1/4, l8 1/3, l9 1/5, m2 3/4, m3 2/3, m4 2/5,
n1 4/6, n2 2/5, n3 1/4, n4 3/4, o1 2/5, o2 1/4, o4 1/4, o5 1/4; l4, l5, l10, l11, l12, m1, n5, o3, o6, o7, o8
all right.

After the rules (planner27): 15 of 122 still fail (RU 9 of 83, EN 6 of 39), every one a needless question
(STILL_ASKED, strict xfail), no confident wrong plan left; after planner26's rules and marts21's merged, 12. FOUND_WHILE_FIXING holds confident wrong plans of
the same families found on the way (they were wrong on main too), not counted above.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import best_cpu_seconds, ok, plan_in, wrong_of

ASK = {"status": "needs_clarification"}
REFUSE = {"status": "rejected"}


# (family, language, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # l1: a negation closing the clause of a value condition (the rows are excluded, the column still loaded)
    ("l1", "ru", "telecom", "платежи в кликхаус каждый час, платежи со статусом 'failed' тащить не нужно",
     ok(source__table="billing.payments", schedule="0 * * * *", source__where="status <> 'failed'")),
    ("l1", "ru", "utility", "заявки абонентов в клик ежедневно в 4 утра; отклонённые (status = 'rejected') пусть не попадают",
     ok(source__table="ops.service_requests", schedule="0 4 * * *", source__where="status <> 'rejected'")),
    ("l1", "ru", "logistics", "отправления в клик раз в час, а те, что в статусе 'lost', не грузим",
     ok(source__table="shipments", schedule="0 * * * *", source__where="status IS DISTINCT FROM 'lost'")),
    ("l1", "ru", "shop", "заказы в клик ежедневно в три ночи, тестовые (status = 'test') не перекидывать",
     ok(source__table="orders", schedule="0 3 * * *", source__where="status IS DISTINCT FROM 'test'")),
    ("l1", "en", "univ", "enrollments to clickhouse daily at 6 am, the ones with status 'dropped' we don't need",
     ok(source__table="enrollments", schedule="0 6 * * *", source__where="status IS DISTINCT FROM 'dropped'")),
    # l2: the new-rows column named by a bare «по <column>» / "using <column>"
    ("l2", "ru", "telecom", "звонки в клик каждые десять минут по started_at",
     ok(source__table="network.calls", schedule="*/10 * * * *", source__incremental__column="started_at")),
    ("l2", "ru", "hr", "проходы через турникеты раз в пять минут по occurred_at, мержить по id",
     ok(source__table="badge_events", schedule="*/5 * * * *", source__incremental__column="occurred_at",
        target__mode="upsert", target__keys=["id"])),
    ("l2", "ru", "logistics", "события трекинга гнать в клик ежечасно по полю occurred_at",
     ok(source__table="tracking_events", schedule="0 * * * *", source__incremental__column="occurred_at")),
    ("l2", "en", "utility", "readings to clickhouse every 15 min going by taken_at",
     ok(source__table="metering.readings", schedule="*/15 * * * *", source__incremental__column="taken_at")),
    ("l2", "en", "shop", "upsert sales on id every 20 minutes, incrementally using updated_at",
     ok(source__table="sales", schedule="*/20 * * * *", source__incremental__column="updated_at",
        target__mode="upsert", target__keys=["id"])),
    # l3: a key list ends with its clause; a mask list goes on after «а ещё», «плюс», "as well as"
    ("l3", "ru", "utility", "абонентов в клик ежедневно в 2 ночи, апсерт по id; инн, паспорт и телефон спрятать",
     ok(source__table="subscribers", schedule="0 2 * * *", target__mode="upsert", target__keys=["id"],
        mask=["inn", "passport_number", "phone"])),
    ("l3", "ru", "univ", "студентов в клик ежечасно, мержим по id — email, телефон и снилс захешировать",
     ok(source__table="students", schedule="0 * * * *", target__mode="upsert", target__keys=["id"],
        mask=["email", "phone", "snils"])),
    ("l3", "ru", "logistics", "отправления в клик каждый день, имена отправителя и получателя, плюс телефон получателя замаскировать",
     ok(source__table="shipments", schedule="0 0 * * *", mask=["sender_name", "recipient_name", "recipient_phone"])),
    ("l3", "ru", "clinic", "пациентов в клик раз в сутки; паспорт, а ещё адрес скрыть",
     ok(source__table="patients", schedule="0 0 * * *", mask=["passport_number", "address"])),
    ("l3", "en", "hr", "employees to clickhouse daily, merge by id; passport and snils hashed",
     ok(source__table="employees", schedule="0 0 * * *", target__mode="upsert", target__keys=["id"],
        mask=["passport_number", "snils"])),
    # l4: a weekday in an aside after a weekly frequency
    ("l4", "ru", "hr", "отпуска в клик раз в неделю (четверг, 7:30)",
     ok(source__table="vacations", schedule="30 7 * * 4")),
    ("l4", "ru", "univ", "оценки в клик еженедельно (по вторникам, в 20:00)",
     ok(source__table="grades", schedule="0 20 * * 2")),
    ("l4", "ru", "telecom", "тарифы в клик раз в неделю — пятница, 6 вечера",
     ok(source__table="tariffs", schedule="0 18 * * 5")),
    ("l4", "en", "logistics", "routes to clickhouse once a week (sunday, 22:00)",
     ok(source__table="routes", schedule="0 22 * * 0")),
    # l5: two alternative schedules are asked
    ("l5", "ru", "utility", "показания в клик: может каждые полчаса, а может раз в час — подскажите", ASK),
    ("l5", "ru", "shop", "товары в клик ежедневно или еженедельно, не знаю", ASK),
    ("l5", "ru", "hr", "табели в клик или каждый день, или по понедельникам", ASK),
    ("l5", "en", "telecom", "tariffs to clickhouse maybe daily, maybe weekly", ASK),
    # l6: a bare city right after a clock time is the zone
    ("l6", "ru", "logistics", "хабы в клик ежедневно в 7:00 Красноярск",
     ok(source__table="hubs", schedule="0 7 * * *", timezone="Asia/Krasnoyarsk")),
    ("l6", "ru", "clinic", "визиты в клик каждый день в девять утра Калининград",
     ok(source__table="visits", schedule="0 9 * * *", timezone="Europe/Kaliningrad")),
    ("l6", "ru", "telecom", "абонентов в клик ежедневно в 3:00 по Омску",
     ok(source__table="subscribers", schedule="0 3 * * *", timezone="Asia/Omsk")),
    ("l6", "en", "univ", "courses to clickhouse daily at 05:30 Novosibirsk",
     ok(source__table="courses", schedule="30 5 * * *", timezone="Asia/Novosibirsk")),
    # l7: a number in words after a comparison word reaches the filter
    ("l7", "ru", "shop", "заказы на сумму свыше двух тысяч в клик ежечасно",
     ok(source__table="orders", schedule="0 * * * *", source__where="total > 2000")),
    ("l7", "en", "shop", "orders with total above two thousand to clickhouse hourly",
     ok(source__table="orders", schedule="0 * * * *", source__where="total > 2000")),
    ("l7", "en", "utility", "debts with debt_amount exceeding five thousand, daily",
     ok(source__table="billing.debts", schedule="0 0 * * *", source__where="debt_amount > 5000")),
    ("l7", "en", "logistics", "returns where refund_amount is more than three hundred and fifty, daily at 8 am",
     ok(source__table="returns", schedule="0 8 * * *", source__where="refund_amount > 350")),
    # l8: "only" closing a preposition's phrase is no column list
    ("l8", "ru", "univ", "выдачи книг в клик каждый час, дозаливать только по issued_at",
     ok(source__table="library_loans", schedule="0 * * * *", source__incremental__column="issued_at")),
    ("l8", "en", "telecom", "tickets hourly, append by created_at only; category = 'sim'",
     ok(source__table="support_tickets", schedule="0 * * * *", source__incremental__column="created_at",
        source__where="category = 'sim'")),
    ("l8", "en", "logistics", "tracking events every 2 minutes, incremental on occurred_at only, event_code = 'LOST'",
     ok(source__table="tracking_events", schedule="*/2 * * * *", source__incremental__column="occurred_at",
        source__where="event_code = 'LOST'")),
    # l9: an explicit condition beside a qualifier word is the condition (the word is no value)
    ("l9", "ru", "telecom", "обращения в клик ежечасно, только закрытые — status = 'closed'",
     ok(source__table="support_tickets", schedule="0 * * * *", source__where="status = 'closed'")),
    ("l9", "ru", "logistics", "курьеры в клик ежедневно, лишь активные (is_active = true)",
     ok(source__table="couriers", schedule="0 0 * * *", source__where="is_active = true")),
    ("l9", "ru", "univ", "записи на дисциплины в клик каждый день, только завершённые (status completed)",
     ok(source__table="enrollments", schedule="0 0 * * *", source__where="status = 'completed'")),
    ("l9", "ru", "utility", "обходы в клик ежедневно, где пломба сорвана (seal_ok = false)",
     ok(source__table="ops.inspections", schedule="0 0 * * *", source__where="seal_ok = false")),
    ("l9", "en", "hr", "vacations to clickhouse daily, approved ones only (approved = true)",
     ok(source__table="vacations", schedule="0 0 * * *", source__where="approved = true")),
    # l10: abbreviations are not split into words
    ("l10", "ru", "shop", "клиенты в клик каждый день, только из Казани, т.е. city = 'Kazan'",
     ok(source__table="customers", schedule="0 0 * * *", source__where="city = 'Kazan'")),
    ("l10", "en", "utility", "payments w/ channel terminal to clickhouse hourly",
     ok(source__table="billing.payments", schedule="0 * * * *", source__where="channel = 'terminal'")),
    ("l10", "en", "logistics", "couriers w/o passport number, daily",
     ok(source__table="couriers", schedule="0 0 * * *",
        source__columns=["id", "full_name", "phone", "vehicle_id", "hired_at", "is_active", "updated_at"])),
    # l11: a value named by a word that the comments translate
    ("l11", "ru", "utility", "только плановые отключения в клик ежедневно",
     ok(source__table="ops.outages", schedule="0 0 * * *", source__where="kind = 'planned'")),
    ("l11", "ru", "utility", "отключения без аварийных в клик ежедневно",
     ok(source__table="ops.outages", schedule="0 0 * * *", source__where="kind <> 'emergency'")),
    # l12: a request word that is a column's value or comment phrase, used as a mask item
    ("l12", "en", "telecom", "payments to clickhouse hourly, bank card numbers hashed",
     ok(source__table="billing.payments", schedule="0 * * * *", mask=["card_number"])),
    ("l12", "ru", "utility", "оплаты в клик ежечасно, номер карты скрыть",
     ok(source__table="billing.payments", schedule="0 * * * *", mask=["card_number"])),
    ("l12", "ru", "univ", "оплату обучения в клик ежедневно, номер карты плательщика замаскировать",
     ok(source__table="finance.tuition_payments", schedule="0 0 * * *", mask=["card_number"])),
    ("l12", "ru", "hr", "расчётные листки в клик ежемесячно 1-го числа в 6 утра, счёт в банке спрятать",
     ok(source__table="payroll.payslips", schedule="0 6 1 * *", mask=["bank_account"])),
    # m1: a bracketed condition after a dimension-like phrase is a load's condition, not a mart
    ("m1", "ru", "univ", "студенты по группе ИВТ-21 (group_code = 'IVT-21') ежедневно в 6 утра в таблицу ivt21",
     ok(source__table="students", schedule="0 6 * * *", source__where="group_code = 'IVT-21'",
        target__table="ivt21")),
    ("m1", "ru", "logistics", "хабы по городу Казань (city = 'Kazan') каждый день в таблицу hubs_kzn",
     ok(source__table="hubs", schedule="0 0 * * *", source__where="city = 'Kazan'", target__table="hubs_kzn")),
    ("m1", "ru", "utility", "отключения по району Центральный (district = 'Central') раз в час",
     ok(source__table="ops.outages", schedule="0 * * * *", source__where="district = 'Central'")),
    ("m1", "ru", "clinic", "назначения, где дней (days) больше 10, ежедневно в 2 ночи",
     ok(source__table="prescriptions", schedule="0 2 * * *", source__where="days > 10")),
    ("m1", "en", "telecom", "subscribers by region Kazan (region = 'Kazan') daily at 3 am into table subs_kzn",
     ok(source__table="subscribers", schedule="0 3 * * *", source__where="region = 'Kazan'",
        target__table="subs_kzn")),
    # m2: duplicates by a column thrown out is a dedupe, not a check
    ("m2", "ru", "hr", "кандидатов в клик ежедневно, повторы по email убрать",
     ok(source__table="candidates", schedule="0 0 * * *", dedupe=["email"])),
    ("m2", "ru", "telecom", "абоненты в клик раз в сутки, задвоения по msisdn удалить",
     ok(source__table="subscribers", schedule="0 0 * * *", dedupe=["msisdn"])),
    ("m2", "ru", "univ", "студентов в клик каждый день, дубликаты по снилсу выкинуть",
     ok(source__table="students", schedule="0 0 * * *", dedupe=["snils"])),
    ("m2", "en", "shop", "leads to clickhouse daily, remove duplicate emails",
     ok(source__table="crm.leads", schedule="0 0 * * *", dedupe=["email"])),
    # m3: a status word next to a mask word is the rows' value, not a masked column
    ("m3", "en", "telecom", "payments, refunded only, card number hashed, daily",
     ok(source__table="billing.payments", schedule="0 0 * * *", source__where="status = 'refunded'",
        mask=["card_number"])),
    ("m3", "ru", "univ", "оплаты обучения, только pending, номер карты скрыть, каждый день в 8",
     ok(source__table="finance.tuition_payments", schedule="0 8 * * *", source__where="status = 'pending'",
        mask=["card_number"])),
    ("m3", "en", "utility", "payments to clickhouse hourly, terminal only, card masked",
     ok(source__table="billing.payments", schedule="0 * * * *", source__where="channel = 'terminal'",
        mask=["card_number"])),
    # m4: a condition in brackets after a city, a boolean column in brackets, terse English lists
    ("m4", "ru", "logistics", "хабы из Новосибирска (city = 'Novosibirsk') в клик ежедневно",
     ok(source__table="hubs", schedule="0 0 * * *", source__where="city = 'Novosibirsk'")),
    ("m4", "ru", "utility", "умные счётчики (is_smart) в отдельную таблицу smart_meters раз в сутки",
     ok(source__table="metering.meters", schedule="0 0 * * *", source__where="is_smart = true",
        target__table="smart_meters")),
    ("m4", "ru", "telecom", "абонентов, только status = 'blocked', новых каждые 15 мин по updated_at",
     ok(source__table="subscribers", schedule="*/15 * * * *", source__where="status = 'blocked'",
        source__incremental__column="updated_at")),
    ("m4", "en", "clinic", "doctors: only id, full_name and specialty, hourly",
     ok(source__table="doctors", schedule="0 * * * *", source__columns=["id", "full_name", "specialty"])),
    ("m4", "en", "hr", "timesheets, by updated_at, append, every 20 minutes, only project = 'apollo'",
     ok(source__table="timesheets", schedule="*/20 * * * *", source__incremental__column="updated_at",
        source__where="project = 'apollo'")),
    # n1: a yes/no column named by its comment's words or an adjective
    ("n1", "ru", "logistics", "активных курьеров в клик ежедневно",
     ok(source__table="couriers", schedule="0 0 * * *", source__where="is_active = true")),
    ("n1", "ru", "utility", "контролёров, которые работают сейчас, в клик раз в день",
     ok(source__table="ops.inspectors", schedule="0 0 * * *", source__where="is_active = true")),
    ("n1", "ru", "telecom", "звонки вне роуминга в клик ежечасно",
     ok(source__table="network.calls", schedule="0 * * * *", source__where="is_roaming = false")),
    ("n1", "ru", "clinic", "незанятые койки в клик каждый час",
     ok(source__table="beds", schedule="0 * * * *", source__where="occupied = false")),
    ("n1", "ru", "hr", "неодобренные отпуска в клик ежедневно",
     ok(source__table="vacations", schedule="0 0 * * *", source__where="approved = false")),
    ("n1", "en", "telecom", "archived tariff plans to clickhouse weekly on monday at 5",
     ok(source__table="tariffs", schedule="0 5 * * 1", source__where="is_archived = true")),
    # n2: a value after a column named by its comment («с <noun> <value>», a participle)
    ("n2", "ru", "telecom", "обращения с приоритетом high в клик каждый час",
     ok(source__table="support_tickets", schedule="0 * * * *", source__where="priority = 'high'")),
    ("n2", "ru", "utility", "счётчики с ресурсом gas в клик ежедневно",
     ok(source__table="metering.meters", schedule="0 0 * * *", source__where="resource = 'gas'")),
    ("n2", "ru", "telecom", "платежи, оплаченные через terminal, в клик каждые 20 минут, новые по paid_at",
     ok(source__table="billing.payments", schedule="*/20 * * * *", source__where="channel = 'terminal'",
        source__incremental__column="paid_at")),
    ("n2", "ru", "univ", "сессии wi-fi с точкой доступа ap12 в клик ежечасно",
     ok(source__table="campus.wifi_sessions", schedule="0 * * * *", source__where="access_point = 'ap12'")),
    ("n2", "en", "logistics", "tracking events with event code DELIVERED to clickhouse hourly",
     ok(source__table="tracking_events", schedule="0 * * * *", source__where="event_code = 'DELIVERED'")),
    # n3: a number followed by the unit word that names the column
    ("n3", "ru", "telecom", "тарифы с пакетом больше 500 минут в клик ежедневно",
     ok(source__table="tariffs", schedule="0 0 * * *", source__where="minutes > 500")),
    ("n3", "ru", "logistics", "отправления тяжелее 30 кг в клик ежедневно",
     ok(source__table="shipments", schedule="0 0 * * *", source__where="weight_kg > 30")),
    ("n3", "en", "logistics", "routes longer than 200 km to clickhouse daily",
     ok(source__table="routes", schedule="0 0 * * *", source__where="distance_km > 200")),
    ("n3", "en", "telecom", "tariffs with over 10 GB to clickhouse daily",
     ok(source__table="tariffs", schedule="0 0 * * *", source__where="data_gb > 10")),
    # n4: a table by a colloquial or diminutive form of its noun
    ("n4", "ru", "logistics", "посылочки в клик ежедневно", ok(source__table="shipments", schedule="0 0 * * *")),
    ("n4", "ru", "logistics", "курьерчиков в клик каждый час", ok(source__table="couriers", schedule="0 * * * *")),
    ("n4", "ru", "utility", "заявочки в клик каждый час",
     ok(source__table="ops.service_requests", schedule="0 * * * *")),
    ("n4", "en", "telecom", "subs to clickhouse daily", ok(source__table="subscribers", schedule="0 0 * * *")),
    # n5: mask lists with abbreviations, a role qualifier, and without a neighbouring clause's column
    ("n5", "ru", "univ", "студентов в клик ежедневно, моб. тел. и эл. почту скрыть",
     ok(source__table="students", schedule="0 0 * * *", mask=["phone", "email"])),
    ("n5", "ru", "logistics", "отправления в клик ежедневно, всё про отправителя (имя и телефон) замаскировать",
     ok(source__table="shipments", schedule="0 0 * * *", mask=["sender_name", "sender_phone"])),
    ("n5", "ru", "hr", "сотрудники в клик ежечасно, новые по updated_at, паспорт и снилс захешировать",
     ok(source__table="employees", schedule="0 * * * *", source__incremental__column="updated_at",
        mask=["passport_number", "snils"])),
    ("n5", "en", "telecom", "subscribers hourly, new ones by updated_at, passport hashed",
     ok(source__table="subscribers", schedule="0 * * * *", source__incremental__column="updated_at",
        mask=["passport_number"])),
    ("n5", "en", "logistics", "shipments daily, mask the recipient's info (name, phone, address)",
     ok(source__table="shipments", schedule="0 0 * * *",
        mask=["recipient_name", "recipient_phone", "recipient_address"])),
    # o1: the target table named last, in a clause of its own
    ("o1", "ru", "univ", "преподаватели в клик ежедневно в 4 утра, целевая таблица teachers_snap",
     ok(source__table="teachers", schedule="0 4 * * *", target__table="teachers_snap")),
    ("o1", "ru", "telecom", "обращения в поддержку в кх каждые 5 минут по updated_at, в клике таблица tickets_live",
     ok(source__table="support_tickets", schedule="*/5 * * * *", source__incremental__column="updated_at",
        target__table="tickets_live")),
    ("o1", "ru", "clinic", "записи на приём в клик ежечасно, табличка appts_hot",
     ok(source__table="appointments", schedule="0 * * * *", target__table="appts_hot")),
    ("o1", "en", "utility", "meters every hour, target table meters_hourly",
     ok(source__table="metering.meters", schedule="0 * * * *", target__table="meters_hourly")),
    ("o1", "en", "hr", "payslips monthly on the 5th at 6 am, table payslips_m",
     ok(source__table="payroll.payslips", schedule="0 6 5 * *", target__table="payslips_m")),
    # o2: a value that is also a city abbreviation is no time zone
    ("o2", "ru", "logistics", "хабы из региона msk в клик ежедневно",
     ok(source__table="hubs", schedule="0 0 * * *", source__where="region = 'msk'")),
    ("o2", "ru", "telecom", "абонентов, регион nsk, в клик ежедневно в 6 утра",
     ok(source__table="subscribers", schedule="0 6 * * *", source__where="region = 'nsk'")),
    ("o2", "ru", "shop", "остатки, только склад spb, в клик ежечасно",
     ok(source__table="inventory", schedule="0 * * * *", source__where="warehouse = 'spb'")),
    ("o2", "en", "shop", "sales in region ekb to clickhouse daily",
     ok(source__table="sales", schedule="0 0 * * *", source__where="region = 'ekb'")),
    # o3: a minute offset in words after an hourly frequency
    ("o3", "ru", "shop", "заказы в клик каждый час, в пятнадцать минут",
     ok(source__table="orders", schedule="15 * * * *")),
    ("o3", "ru", "hr", "табели в клик каждый час в сорок пять минут",
     ok(source__table="timesheets", schedule="45 * * * *")),
    ("o3", "ru", "utility", "телеметрию в клик раз в час в 10 минут",
     ok(source__table="metering.telemetry", schedule="10 * * * *")),
    ("o3", "en", "clinic", "visits to clickhouse hourly at half past",
     ok(source__table="visits", schedule="30 * * * *")),
    # o4: two tables in one load are asked
    ("o4", "ru", "shop", "выгрузи клиентов и заказы в клик ежедневно", ASK),
    ("o4", "ru", "telecom", "тарифы, а также абонентов в клик каждый день", ASK),
    ("o4", "ru", "logistics", "курьеров вместе с маршрутами в клик раз в сутки", ASK),
    ("o4", "en", "univ", "load students plus grades to clickhouse daily", ASK),
    # o5: a PostgreSQL target by slang or an adjective
    ("o5", "ru", "clinic", "визиты в отчётную постгрю ежедневно",
     ok(source__table="visits", schedule="0 0 * * *", target__type="sql", target__conn_id="pg_reporting")),
    ("o5", "ru", "univ", "оценки в бишную постгре раз в сутки",
     ok(source__table="grades", schedule="0 0 * * *", target__type="sql", target__conn_id="pg_bi")),
    ("o5", "ru", "univ", "студентов в постгрес для BI ежедневно в 5 утра",
     ok(source__table="students", schedule="0 5 * * *", target__type="sql", target__conn_id="pg_bi")),
    ("o5", "en", "clinic", "doctors into the reporting pg daily",
     ok(source__table="doctors", schedule="0 0 * * *", target__type="sql", target__conn_id="pg_reporting")),
    # o6: a mask item that names no column is asked
    ("o6", "ru", "shop", "клиентов в клик ежедневно, колонку с паролем замаскировать", ASK),
    ("o6", "ru", "telecom", "абонентов в клик ежедневно, поле с ИНН скрыть", ASK),
    ("o6", "en", "hr", "employees daily, hash the bonus field and email", ASK),
    # o7: an unsupported engine named by product is refused
    ("o7", "ru", "hr", "сотрудников из DynamoDB в клик ежедневно", REFUSE),
    ("o7", "ru", "clinic", "визиты из редиса в клик каждый час", REFUSE),
    ("o7", "en", "shop", "orders from our Cassandra into clickhouse hourly", REFUSE),
    ("o7", "en", "telecom", "calls from Teradata to clickhouse hourly", REFUSE),
    # o8: the misses of 07o: a big number, «кол-во ... шт.», new rows every N hours, a bracketed IS NULL, a project
    ("o8", "ru", "shop", "продажи, где кол-во больше пяти шт., в клик ежечасно",
     ok(source__table="sales", schedule="0 * * * *", source__where="quantity > 5")),
    ("o8", "ru", "telecom", "раз в 6 часов подгружать новые обращения по created_at",
     ok(source__table="support_tickets", schedule="0 */6 * * *", source__incremental__column="created_at")),
    ("o8", "ru", "utility", "заявки, ещё не закрытые (closed_at пустой), в клик ежечасно",
     ok(source__table="ops.service_requests", schedule="0 * * * *", source__where="closed_at IS NULL")),
    ("o8", "ru", "hr", "табели по проекту Orion в клик ежедневно",
     ok(source__table="timesheets", schedule="0 0 * * *", source__where="project = 'Orion'")),
    ("o8", "en", "telecom", "data sessions with bytes_up over 500000000 hourly",
     ok(source__table="network.data_sessions", schedule="0 * * * *", source__where="bytes_up > 500000000")),
]  # fmt: skip


# Confident wrong plans found while fixing the families above (not in the first-pass count): two frequencies
# joined by «и»/"and" (planned as the second), a condition segment taken into the mask list before it.
FOUND_WHILE_FIXING: list[tuple[str, str, str, dict[str, Any]]] = [
    ("ru", "shop", "заказы в клик ежедневно и ежечасно", ASK),
    ("ru", "shop", "заказы в клик раз в день, а также каждый час", ASK),
    ("en", "shop", "orders to clickhouse daily and hourly", ASK),
    ("en", "shop", "orders to clickhouse every day at 9 and every monday at 10", ASK),
    ("ru", "shop", "заказы в клик ежедневно в 9 и в 18", ok(source__table="orders", schedule="0 9,18 * * *")),
    ("ru", "clinic", "счета в клик ежечасно, status = 'paid', номер карты скрыть",
     ok(source__table="billing.invoices", schedule="0 * * * *", source__where="status = 'paid'",
        mask=["card_number"])),
    ("ru", "clinic", "счета в клик ежечасно, только оплаченные — status = 'paid', номер карты скрыть",
     ok(source__table="billing.invoices", schedule="0 * * * *", source__where="status = 'paid'",
        mask=["card_number"])),
    ("ru", "utility", "телеметрия (is_smart) в клик раз в сутки", ASK),
    ("ru", "shop", "заказы (email) в клик ежедневно", ASK),
    ("ru", "utility", "счётчики (is_smart) в клик раз в сутки",
     ok(source__table="metering.meters", schedule="0 0 * * *", source__where="is_smart = true")),
    ("ru", "utility", "абонентов, кроме льготников (is_privileged), в клик ежедневно",
     ok(source__table="subscribers", schedule="0 0 * * *", source__where="is_privileged = false")),
    ("ru", "telecom", "абоненты в клик раз в сутки, дубли по msisdn и таблицу удалить", REFUSE),
    ("ru", "shop", "заказы в клик ежечасно, 3 повтора при ошибке", ok(source__table="orders", schedule="0 * * * *")),
]  # fmt: skip


# Still asked after the fixes (a needless question, no wrong plan): kept as strict expected failures, so a
# later fix that answers one shows up.
STILL_ASKED = {
    "хабы из Новосибирска (city = 'Novosibirsk') в клик ежедневно": "city or region asked before the bracket",
    "archived tariff plans to clickhouse weekly on monday at 5": "'tariff plans' names no table",
    "tracking events with event code DELIVERED to clickhouse hourly": "a code after its column's words",
    "subs to clickhouse daily": "clipped English noun",
}


def _case(index: int, family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=STILL_ASKED[text])] if text in STILL_ASKED else []
    return pytest.param(family, lang, catalog, text, expected, marks=marks, id=f"{family}-{lang}-{index}")


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"), [_case(i, *c) for i, c in enumerate(CASES)]
)
def test_the_family_generalises(
    family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_two_thirds_of_the_requests_are_russian() -> None:
    russian = sum(lang == "ru" for _, lang, *_ in CASES)
    assert russian * 3 >= len(CASES) * 2 - 3


@pytest.mark.parametrize(("lang", "catalog", "text", "expected"), FOUND_WHILE_FIXING)
def test_a_confident_wrong_plan_found_while_fixing(
    lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_a_long_request_full_of_conjunctions_stays_linear() -> None:
    """The joined-frequencies reading parses at most three conjunctions, each only with a frequency word
    beside it: 80 repeats of a clause with «и» cost about 4x the CPU of 20 (not 16x)."""

    clause = (
        "заказы в клик ежедневно в 9 и в 18, телефон и email скрыть, дубли по email и телефону выкинуть; "
    )

    def cost(repeats: int) -> float:
        return best_cpu_seconds(lambda: plan_in("shop", clause * repeats))

    cost(5)  # warm the caches
    assert cost(80) < 10 * max(cost(20), 0.01)
