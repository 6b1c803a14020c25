"""Do the LOAD fixes of planner28, planner29 and planner30 generalise? Their families (negated states on flags,
«или»/"or" value lists named by words, «кроме X»/"except X ones" exclusions, dedupe by a key said by its
comment or abbreviation, two tables in one request, bank catalog words, currency codes, new rows by X after a
status value, composite merge keys, a state two columns fit, «вне»/"outside" qualifiers, «статус X», masks)
asked again with requests of my own in other words, over all eight catalogs, with inflections, word orders and
typos (none copied from an eval file). Every request is scored as the eval scores it: the whole plan with the
README's defaults for every field it does not name (run_eval.wrong_fields), or the status alone for a request
that must be asked.

First pass (run once against the unchanged planner, main 81dde69): 25 of 111 failed: RU 56/77 right (21
failed), EN 30/34 right (4 failed); 7 of the 25 were confident wrong plans (RU 5, EN 2):
- neg-ru-15 «не являющихся резидентами» and neg-ru-20 «неархивные тарифы»: the condition dropped (every row);
- or-ru-39 «наличными или картой»: channel = 'card', the unread alternative dropped;
- dedup-ru-69 «дедуп по номеру счёта»: a dedupe over every column, the key dropped;
- two-ru-82 «автокредиты и вклады»: deposits alone, the loans' value dropped;
- out-en-103 "calls outside of roaming": is_roaming = true (the negation lost);
- state-en-91 "delivered shipments": status = 'delivered' where the probe expected a question; the eval reads the
  same state so (e-ru-060, i-ru-035: delivered_at has no comment naming the event), so the expectation is wrong
  and the plan right.
Per family, failed/total: neg 5/24, or 9/21, exc 2/17, dedup 1/13, two 3/13, state 2/6, new 0/5, key 0/4,
out 1/3, mask 0/3, typo 2/2. The 18 others were needless questions (unread value words: «сбп», «банкомат»,
«просроченные», «ипотеку или автокредиты», «электричества», «потерянные», «в долларах»; «кроме закрытых» on a
status column; «за исключением»; «в отделении» taken for branches; a table comment's own two nouns; "resolved
tickets"; typos «вкладав», «каторые»; "not working now"; «не присутствовал»; «пломба нарушена»).

After round 32 (test_planner_round32.py): 14 of 111 fail (RU 11 of 77, EN 3 of 34), marked xfail in STILL_FAILING
with the reason: 13 needless questions and state-en-91, whose expectation is wrong; no confident wrong plan left.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, wrong_of

ASK = {"status": "needs_clarification"}
D = "0 0 * * *"  # «ежедневно», "daily", «раз в сутки»
H = "0 * * * *"  # «каждый час», «ежечасно», "hourly"


# (family, language, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # neg: a negated or negative state on a boolean is the flag false; the positive stays true
    ("neg", "en", "logistics", "couriers that are not active to clickhouse hourly",
     ok(source__table="couriers", schedule=H, source__where="is_active = false")),
    ("neg", "ru", "logistics", "курьеры, которые не активны, в клик ежедневно",
     ok(source__table="couriers", schedule=D, source__where="is_active = false")),
    ("neg", "en", "utility", "inspectors who are not working now, daily at 7",
     ok(source__table="ops.inspectors", schedule="0 7 * * *", source__where="is_active = false")),
    ("neg", "en", "telecom", "calls that are not in roaming to clickhouse daily",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("neg", "ru", "telecom", "звонки не в роуминге в клик ежедневно",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("neg", "en", "hr", "vacations that were not approved to clickhouse daily",
     ok(source__table="vacations", schedule=D, source__where="approved = false")),
    ("neg", "ru", "hr", "отпуска, которые не согласованы, в клик ежедневно",
     ok(source__table="vacations", schedule=D, source__where="approved = false")),
    ("neg", "ru", "clinic", "койки, которые не заняты, в клик каждый час",
     ok(source__table="beds", schedule=H, source__where="occupied = false")),
    ("neg", "en", "clinic", "beds that aren't occupied, hourly",
     ok(source__table="beds", schedule=H, source__where="occupied = false")),
    ("neg", "ru", "univ", "посещаемость, где студент не присутствовал, в клик ежедневно",
     ok(source__table="attendance", schedule=D, source__where="present = false")),
    ("neg", "ru", "bank", "отделения банка, которые не закрыты, в клик ежедневно в 6",
     ok(source__table="branches", schedule="0 6 * * *", source__where="is_closed = false")),
    ("neg", "en", "bank", "deposits that are not replenishable to clickhouse daily",
     ok(source__table="core.deposits", schedule=D, source__where="is_replenishable = false")),
    ("neg", "ru", "bank", "непополняемые вклады в клик ежедневно",
     ok(source__table="core.deposits", schedule=D, source__where="is_replenishable = false")),
    ("neg", "ru", "bank", "платежи по кредитам, которые не просрочены, в клик ежедневно",
     ok(source__table="lending.loan_payments", schedule=D, source__where="is_late = false")),
    ("neg", "en", "bank", "loan payments that were not late, to clickhouse daily",
     ok(source__table="lending.loan_payments", schedule=D, source__where="is_late = false")),
    ("neg", "ru", "bank", "клиентов, не являющихся резидентами, в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = false")),
    ("neg", "ru", "utility", "обходы, где пломба нарушена, в клик ежедневно",
     ok(source__table="ops.inspections", schedule=D, source__where="seal_ok = false")),
    ("neg", "ru", "utility", "обходы с нарушенной пломбой в клик каждый час",
     ok(source__table="ops.inspections", schedule=H, source__where="seal_ok = false")),
    ("neg", "ru", "utility", "абоненты, которые не льготники, в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    ("neg", "en", "telecom", "tariffs that aren't archived, daily",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    ("neg", "ru", "telecom", "неархивные тарифы в клик ежедневно",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    ("neg", "ru", "telecom", "сим-карты, которые не esim, в клик ежедневно",
     ok(source__table="sim_cards", schedule=D, source__where="is_esim = false")),
    ("neg", "en", "logistics", "couriers who are active, daily",
     ok(source__table="couriers", schedule=D, source__where="is_active = true")),
    ("neg", "ru", "utility", "обходы, где пломба целая, в клик ежедневно",
     ok(source__table="ops.inspections", schedule=D, source__where="seal_ok = true")),
    # or: «или»/"or" value lists named by Russian words or codes keep every value; an unread alternative is asked
    ("or", "ru", "telecom", "платежи картой или через сбп в клик каждый час",
     ok(source__table="billing.payments", schedule=H, source__where="channel IN ('card', 'sbp')")),
    ("or", "ru", "bank", "транзакции в отделении или через сбп в клик каждый час",
     ok(source__table="core.transactions", schedule=H, source__where="channel IN ('branch', 'sbp')")),
    ("or", "ru", "bank", "операции онлайн или через банкомат в клик ежечасно",
     ok(source__table="core.transactions", schedule=H, source__where="channel IN ('online', 'atm')")),
    ("or", "ru", "bank", "карты мир или visa в клик ежедневно",
     ok(source__table="core.cards", schedule=D, source__where="payment_system IN ('mir', 'visa')")),
    ("or", "ru", "bank", "карты заблокированные или просроченные в клик ежедневно",
     ok(source__table="core.cards", schedule=D, source__where="status IN ('blocked', 'expired')")),
    ("or", "ru", "bank", "ипотеку или автокредиты в клик ежедневно",
     ok(source__table="lending.loans", schedule=D, source__where="product IN ('mortgage', 'auto')")),
    ("or", "en", "bank", "loans with product mortgage or auto to clickhouse daily",
     ok(source__table="lending.loans", schedule=D, source__where="product IN ('mortgage', 'auto')")),
    ("or", "ru", "utility", "счётчики газа или электричества в клик ежедневно",
     ok(source__table="metering.meters", schedule=D, source__where="resource IN ('gas', 'electricity')")),
    ("or", "ru", "utility", "начисления со статусом paid или overdue в клик ежедневно",
     ok(source__table="billing.charges", schedule=D, source__where="status IN ('paid', 'overdue')")),
    ("or", "ru", "telecom", "обращения с приоритетом high или normal в клик каждый час",
     ok(source__table="support_tickets", schedule=H, source__where="priority IN ('high', 'normal')")),
    ("or", "ru", "logistics", "отправления доставленные или потерянные в клик ежедневно",
     ok(source__table="shipments", schedule=D, source__where="status IN ('delivered', 'lost')")),
    ("or", "ru", "univ", "студентов со статусом expelled или graduated в клик ежедневно",
     ok(source__table="students", schedule=D, source__where="status IN ('expelled', 'graduated')")),
    ("or", "en", "telecom", "payments by card or through sbp to clickhouse hourly",
     ok(source__table="billing.payments", schedule=H, source__where="channel IN ('card', 'sbp')")),
    ("or", "en", "bank", "transactions via atm or branch to clickhouse daily",
     ok(source__table="core.transactions", schedule=D, source__where="channel IN ('atm', 'branch')")),
    ("or", "en", "utility", "payments via post or bank to clickhouse hourly",
     ok(source__table="billing.payments", schedule=H, source__where="channel IN ('post', 'bank')")),
    ("or", "ru", "utility", "оплаты наличными или картой в клик каждый час", ASK),
    ("or", "ru", "bank", "вклады в долларах или евро в клик ежедневно",
     ok(source__table="core.deposits", schedule=D, source__where="currency IN ('USD', 'EUR')")),
    ("or", "ru", "bank", "счета в USD или EUR в клик ежедневно",
     ok(source__table="core.accounts", schedule=D, source__where="currency IN ('USD', 'EUR')")),
    ("or", "en", "bank", "transactions in CNY to clickhouse hourly",
     ok(source__table="core.transactions", schedule=H, source__where="currency = 'CNY'")),
    ("or", "ru", "hr", "расчётные листки в GBP в клик ежедневно",
     ok(source__table="payroll.payslips", schedule=D, source__where="currency = 'GBP'")),
    ("or", "en", "shop", "payments in EUR or USD to clickhouse daily", ASK),
    # exc: «кроме X», "except X ones" keep the other rows (a status value, or the flag false)
    ("exc", "ru", "telecom", "сим-карты, кроме потерянных, в клик ежедневно",
     ok(source__table="sim_cards", schedule=D, source__where="status <> 'lost'")),
    ("exc", "ru", "bank", "карты, кроме заблокированных, в клик ежедневно",
     ok(source__table="core.cards", schedule=D, source__where="status <> 'blocked'")),
    ("exc", "ru", "bank", "вклады, кроме закрытых, в клик ежедневно в 5",
     ok(source__table="core.deposits", schedule="0 5 * * *", source__where="status <> 'closed'")),
    ("exc", "ru", "logistics", "отправления, кроме потерянных, в клик каждый час",
     ok(source__table="shipments", schedule=H, source__where="status IS DISTINCT FROM 'lost'")),
    ("exc", "ru", "utility", "заявки, кроме отклонённых, в клик ежечасно",
     ok(source__table="ops.service_requests", schedule=H, source__where="status <> 'rejected'")),
    ("exc", "ru", "hr", "отпуска, кроме согласованных, в клик ежедневно",
     ok(source__table="vacations", schedule=D, source__where="approved = false")),
    ("exc", "ru", "clinic", "койки, кроме занятых, в клик каждый час",
     ok(source__table="beds", schedule=H, source__where="occupied = false")),
    ("exc", "ru", "telecom", "звонки, кроме роуминговых, в клик ежедневно",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("exc", "ru", "telecom", "тарифы за исключением архивных в клик ежедневно",
     ok(source__table="tariffs", schedule=D, source__where="is_archived = false")),
    ("exc", "ru", "bank", "отделенния, кроме закрытых, в клик ежедневно",
     ok(source__table="branches", schedule=D, source__where="is_closed = false")),
    ("exc", "en", "bank", "deposits except closed ones to clickhouse daily",
     ok(source__table="core.deposits", schedule=D, source__where="status <> 'closed'")),
    ("exc", "en", "telecom", "sim cards except the lost ones to clickhouse daily",
     ok(source__table="sim_cards", schedule=D, source__where="status <> 'lost'")),
    ("exc", "en", "logistics", "shipments except lost ones, hourly",
     ok(source__table="shipments", schedule=H, source__where="status IS DISTINCT FROM 'lost'")),
    ("exc", "en", "bank", "branches excluding closed ones, daily",
     ok(source__table="branches", schedule=D, source__where="is_closed = false")),
    ("exc", "en", "telecom", "calls except roaming ones to clickhouse daily",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("exc", "ru", "telecom", "платежи, кроме неуспешных (status failed), в клик каждый час",
     ok(source__table="billing.payments", schedule=H, source__where="status <> 'failed'")),
    ("exc", "ru", "utility", "начисления, кроме черновиков (status draft), в клик ежедневно",
     ok(source__table="billing.charges", schedule=D, source__where="status <> 'draft'")),
    # dedup: «дедуп/без дублей/убрать дубли по X», "dedupe by X" with X a column, its comment or abbreviation
    ("dedup", "ru", "shop", "клиенты, дедуп по email, в клик ежедневно",
     ok(source__table="customers", schedule=D, dedupe=["email"])),
    ("dedup", "ru", "shop", "клиентов без дублей по СНИЛС в клик ежедневно",
     ok(source__table="customers", schedule=D, dedupe=["snils"])),
    ("dedup", "ru", "hr", "кандидаты, дедупликация по email, в клик каждый час",
     ok(source__table="candidates", schedule=H, dedupe=["email"])),
    ("dedup", "ru", "univ", "студенты: дедуп по снилс, в клик ежедневно",
     ok(source__table="students", schedule=D, dedupe=["snils"])),
    ("dedup", "ru", "telecom", "абоненты в клик ежедневно, убрать дубли по номеру телефона",
     ok(source__table="subscribers", schedule=D, dedupe=["msisdn"])),
    ("dedup", "ru", "logistics", "курьеры: дедуп по паспорту, в клик ежедневно",
     ok(source__table="couriers", schedule=D, dedupe=["passport_number"])),
    ("dedup", "ru", "bank", "клиенты в клик ежедневно, задвоения по паспорту убрать",
     ok(source__table="clients", schedule=D, dedupe=["passport_number"])),
    ("dedup", "ru", "bank", "счета, дедуп по номеру счёта, в клик ежедневно",
     ok(source__table="core.accounts", schedule=D, dedupe=["account_number"])),
    ("dedup", "ru", "utility", "абоненты, дедуп по лицевому счёту, в клик ежедневно",
     ok(source__table="subscribers", schedule=D, dedupe=["account_no"])),
    ("dedup", "ru", "bank", "клиенты, дедубликация по ИНН, в клик ежедневно",
     ok(source__table="clients", schedule=D, dedupe=["inn"])),
    ("dedup", "en", "bank", "clients to clickhouse daily, dedupe by INN",
     ok(source__table="clients", schedule=D, dedupe=["inn"])),
    ("dedup", "en", "clinic", "patients to clickhouse daily, dedup on snils",
     ok(source__table="patients", schedule=D, dedupe=["snils"])),
    ("dedup", "en", "utility", "subscribers deduplicated by account number, daily",
     ok(source__table="subscribers", schedule=D, dedupe=["account_no"])),
    # two: two tables in one request are asked; one table whose name holds two nouns is planned
    ("two", "ru", "shop", "заказы и платежи в клик ежедневно", ASK),
    ("two", "en", "hr", "load the employees and the vacations into clickhouse daily", ASK),
    ("two", "ru", "telecom", "звонки и интернет-сессии в клик каждый час", ASK),
    ("two", "ru", "logistics", "отправления, а также возвраты в клик ежедневно", ASK),
    ("two", "ru", "univ", "студентов и преподавателей в клик ежедневно", ASK),
    ("two", "en", "clinic", "copy the patients and the doctors to clickhouse hourly", ASK),
    ("two", "ru", "bank", "карты и счета в клик ежедневно", ASK),
    ("two", "ru", "bank", "автокредиты и вклады в клик ежедневно", ASK),
    ("two", "en", "bank", "load the car loans and the cards into clickhouse daily", ASK),
    ("two", "ru", "utility", "счётчики вместе с показаниями в клик ежечасно", ASK),
    ("two", "ru", "bank", "операции по счетам и картам в клик ежедневно",
     ok(source__table="core.transactions", schedule=D)),
    ("two", "ru", "utility", "обходы и проверки счётчиков в клик ежедневно",
     ok(source__table="ops.inspections", schedule=D)),
    ("two", "ru", "bank", "платежи по кредитам в клик ежедневно",
     ok(source__table="lending.loan_payments", schedule=D)),
    # state: a state the status column lists is that value even when a time column dates it (README: a state
    # word a status column lists is that value; the date reading is noted; planner95); one column: read
    ("state", "ru", "telecom", "ушедшие абоненты в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="status = 'churned'")),
    ("state", "ru", "univ", "отчисленные студенты в клик ежедневно",
     ok(source__table="students", schedule=D, source__where="status = 'expelled'")),
    ("state", "en", "univ", "expelled students to clickhouse daily",
     ok(source__table="students", schedule=D, source__where="status = 'expelled'")),
    ("state", "en", "logistics", "delivered shipments to clickhouse daily", ASK),
    ("state", "ru", "bank", "заблокированные карты в клик ежедневно",
     ok(source__table="core.cards", schedule=D, source__where="status = 'blocked'")),
    ("state", "en", "telecom", "resolved tickets to clickhouse hourly",
     ok(source__table="support_tickets", schedule=H, source__where="status = 'resolved'")),
    # new: new rows by X after a status value; «статус X» names the value
    ("new", "ru", "bank", "транзакции со статусом completed, новые по created_at, каждый час",
     ok(source__table="core.transactions", schedule=H, source__where="status = 'completed'",
        source__incremental__column="created_at")),
    ("new", "ru", "telecom", "платежи со статусом success, только новые по paid_at, каждые 15 минут",
     ok(source__table="billing.payments", schedule="*/15 * * * *", source__where="status = 'success'",
        source__incremental__column="paid_at")),
    ("new", "en", "univ", "tuition payments with status paid, new rows by paid_at, hourly",
     ok(source__table="finance.tuition_payments", schedule=H, source__where="status = 'paid'",
        source__incremental__column="paid_at")),
    ("new", "ru", "telecom", "обращения статус resolved в клик ежедневно",
     ok(source__table="support_tickets", schedule=D, source__where="status = 'resolved'")),
    ("new", "en", "bank", "cards, status blocked only, daily",
     ok(source__table="core.cards", schedule=D, source__where="status = 'blocked'")),
    # key: a composite merge key
    ("key", "en", "univ", "attendance to clickhouse daily, merge on student_id, course_id and lesson_date",
     ok(source__table="attendance", schedule=D, target__mode="upsert",
        target__keys=["student_id", "course_id", "lesson_date"])),
    ("key", "ru", "shop", "остатки в клик каждый час, мерж по product_id и warehouse",
     ok(source__table="inventory", schedule=H, target__mode="upsert", target__keys=["product_id", "warehouse"])),
    ("key", "ru", "hr", "табели в клик ежедневно, апсерт по employee_id и work_date",
     ok(source__table="timesheets", schedule=D, target__mode="upsert", target__keys=["employee_id", "work_date"])),
    ("key", "en", "utility", "telemetry to clickhouse hourly, merge on meter_id and measured_at",
     ok(source__table="metering.telemetry", schedule=H, target__mode="upsert",
        target__keys=["meter_id", "measured_at"])),
    # out: «вне X»/"outside X" a condition reads, or asked
    ("out", "en", "telecom", "calls outside of roaming to clickhouse daily",
     ok(source__table="network.calls", schedule=D, source__where="is_roaming = false")),
    ("out", "ru", "hr", "проходы через турникеты вне рабочего времени в клик ежедневно", ASK),
    ("out", "ru", "bank", "операции вне отделения в клик ежедневно", ASK),
    # mask: bank words and a qualifier no column takes
    ("mask", "ru", "bank", "клиенты в клик ежедневно, паспорт и ИНН скрыть",
     ok(source__table="clients", schedule=D, mask=["passport_number", "inn"])),
    ("mask", "ru", "bank", "карты в клик ежедневно, только id, payment_system, номер карты замаскировать",
     ok(source__table="core.cards", schedule=D, source__columns=["id", "payment_system", "card_number"],
        mask=["card_number"])),
    ("mask", "ru", "bank", "клиенты в клик ежедневно, домашний и мобильный телефоны скрыть", ASK),
    # typo: a misspelt table noun keeps the family's reading
    ("typo", "ru", "bank", "вкладав, кроме закрытых, в клик ежедневно",
     ok(source__table="core.deposits", schedule=D, source__where="status <> 'closed'")),
    ("typo", "ru", "logistics", "курьеры, каторые не активны, в клик ежедневно",
     ok(source__table="couriers", schedule=D, source__where="is_active = false")),
]  # fmt: skip


# Still failing after round 32 (tests/unit/test_planner_round32.py), by index in CASES: every one a question
# where a plan was expected, but 91, whose expectation is wrong.
# (2, "not working now" of 'Работает сейчас', planned since planner166: "work" is the active flag's verb;
# 16, «где пломба нарушена», read since marts129: a short participle of a flag's comment)
STILL_FAILING = {
    25: "«в отделении» names branches as well as the channel 'branch': which table is asked",
    40: "«в долларах» is no currency code: asked",
    86: "«обходы и проверки счётчиков» is the comment of inspections, read as two tables: asked",
    91: "expectation wrong: the eval reads 'delivered shipments' as status = 'delivered' (e-ru-060, i-ru-035); "
    "delivered_at has no comment naming the event, so the plan is right",
    110: "«каторые» (typo of «которые») is not corrected: the clause is asked",
}


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"),
    [
        pytest.param(
            *c,
            id=f"{c[0]}-{c[1]}-{i}",
            marks=[pytest.mark.xfail(reason=STILL_FAILING[i], strict=True)] if i in STILL_FAILING else [],
        )
        for i, c in enumerate(CASES)
    ],
)
def test_the_family_generalises(
    family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []
