"""Round 31: confident wrong load plans found outside the eval, each asked again as a family with requests of
my own over several catalogs (none copied from an eval file), scored as the eval scores a request (the whole
plan with the README's defaults, or the status alone for a question).

1. «без X» / "without X" / "with a delay" / "late" naming a column by its comment's word is a row filter
   (a count column 'Дней просрочки': `= 0` when NOT NULL, asked when nullable; `> 0` after «с»/"with"; a
   boolean 'Платёж просрочен' by its English synonyms delay/delayed), never a column left out or every row;
2. «кроме уволенных» / "except fired ones" where a boolean's comment says the rows work now («Работает
   сейчас») and no time column dates the firing: `flag = true`; a bare is_active with no comment is asked;
3. a condition on ANOTHER table's column ("and the meter is smart" on inspections, «показания умных
   счётчиков») is asked, never dropped;
4. a mask list masks only what it names («абоненты, почту скрыть» masked full_name, 'ФИО абонента', too);
5. a hyphenated English qualifier the planner cannot ground ("off-net calls") is asked, quoting the words;
6. a status value list containing 'new' is a filter, never an incremental load by created_at;
7. a refresh word («апдейт», «обновление», "refresh") is no filter value;
8. a duration in a filter on a duration column is converted into the column's unit (hours/minutes ->
   seconds or minutes), never read as the schedule nor compared in the wrong unit.

First pass (planner31 = main 81dde69, before any rule): 39 of 60 failed (family 1: 11 of 15, 2: 6 of 8, 3: 4 of
7, 4: 3 of 5, 5: 5 of 9, 6: 3 of 5, 7: 2 of 4, 8: 5 of 7); 30 of them confident wrong plans, 9 asked
(«визиты длительностью больше часа», «заявки со статусами new, in_progress», «уволенные контролёры» ...). One
expectation changed after the rules: "loans with a delay" on bank is asked (loans.status lists 'overdue' too,
so the words fit status and overdue_days), not `overdue_days > 0` as first written.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, wrong_of

ASK = {"status": "needs_clarification"}
DAILY = "0 0 * * *"

# (family, language, catalog, request, expected)
CASES: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # 1: «без X» / "with a delay" on a column named by its comment's word
    ("1", "ru", "utility", "долги без просрочки в клик ежедневно",
     ok(source__table="billing.debts", schedule=DAILY, source__where="overdue_days = 0")),
    ("1", "ru", "utility", "задолженность с просрочкой в клик ежедневно",
     ok(source__table="billing.debts", schedule=DAILY, source__where="overdue_days > 0")),
    ("1", "ru", "bank", "кредиты без просрочки в клик ежедневно", ASK),  # nullable: 0 or NULL?
    ("1", "ru", "bank", "выгружай кредиты без просрочек каждый час", ASK),
    # status 'overdue' or overdue_days > 0? asked, as "loans with a delay" below (planner43, round 43 family 6)
    ("1", "ru", "bank", "кредиты с просрочкой в клик ежедневно", ASK),
    ("1", "en", "bank", "loan payments with a delay to clickhouse daily",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = true")),
    ("1", "en", "bank", "delayed loan payments to clickhouse daily",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = true")),
    ("1", "en", "bank", "loan payments without delay to clickhouse daily",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = false")),
    ("1", "ru", "bank", "платежи по кредитам с задержкой в клик ежедневно",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = true")),
    # (loans.status lists 'overdue' too: status or overdue_days? asked; my first expectation was the latter)
    ("1", "en", "bank", "loans with a delay to clickhouse daily", ASK),
    ("1", "en", "utility", "debts without delay to clickhouse daily",
     ok(source__table="billing.debts", schedule=DAILY, source__where="overdue_days = 0")),
    # ... what the rules read stays planned
    ("1", "ru", "bank", "платежи по кредитам без просрочки в клик ежедневно",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = false")),
    ("1", "ru", "utility", "долги с просрочкой больше 30 дней в клик ежедневно",
     ok(source__table="billing.debts", schedule=DAILY, source__where="overdue_days > 30")),
    ("1", "en", "bank", "late loan payments to clickhouse daily",
     ok(source__table="lending.loan_payments", schedule=DAILY, source__where="is_late = true")),
    ("1", "ru", "utility", "долги без колонки last_payment_on в клик ежедневно",
     ok(source__table="billing.debts", schedule=DAILY,
        source__columns=["subscriber_id", "debt_amount", "overdue_days", "updated_at"])),
    # 2: «кроме уволенных» on a flag whose comment says the rows work now
    ("2", "ru", "utility", "контролёры, кроме уволенных, ежедневно",
     ok(source__table="ops.inspectors", schedule=DAILY, source__where="is_active = true")),
    ("2", "ru", "utility", "контролёров без уволенных в клик каждый час",
     ok(source__table="ops.inspectors", schedule="0 * * * *", source__where="is_active = true")),
    ("2", "en", "utility", "inspectors except fired ones to clickhouse daily",
     ok(source__table="ops.inspectors", schedule=DAILY, source__where="is_active = true")),
    ("2", "ru", "utility", "только уволенных контролёров в клик ежедневно",
     ok(source__table="ops.inspectors", schedule=DAILY, source__where="is_active = false")),
    ("2", "ru", "logistics", "курьеры, кроме уволенных, в клик ежедневно", ASK),  # is_active, no comment
    ("2", "en", "logistics", "couriers except dismissed ones to clickhouse daily", ASK),
    # ... a firing date keeps its reading, and the comment's own word stays read
    ("2", "ru", "hr", "сотрудники, кроме уволенных, ежедневно",
     ok(source__table="employees", schedule=DAILY, source__where="fired_at IS NULL")),
    ("2", "ru", "utility", "работающие контролёры в клик ежедневно",
     ok(source__table="ops.inspectors", schedule=DAILY, source__where="is_active = true")),
    # 3: a condition on another table's column is asked
    ("3", "en", "utility", "inspections where the seal is not intact and the meter is smart to clickhouse daily",
     ASK),
    ("3", "ru", "utility", "проверки, где пломба не цела и счётчик умный, в клик ежедневно", ASK),
    ("3", "ru", "utility", "показания умных счётчиков в клик ежедневно", ASK),
    ("3", "en", "utility", "readings of smart meters to clickhouse daily", ASK),
    ("3", "en", "telecom", "calls of esim cards to clickhouse daily", ASK),
    # ... the table's own flag stays read
    ("3", "ru", "utility", "счётчики умные в клик ежедневно",
     ok(source__table="metering.meters", schedule=DAILY, source__where="is_smart = true")),
    ("3", "en", "utility", "inspections where the seal is not intact to clickhouse daily",
     ok(source__table="ops.inspections", schedule=DAILY, source__where="seal_ok = false")),
    # 4: a mask list masks only what it names
    ("4", "ru", "utility", "абоненты, почту скрыть, ежедневно",
     ok(source__table="subscribers", schedule=DAILY, mask=["email"])),
    ("4", "ru", "utility", "абоненты, телефон и почту скрыть, ежедневно в клик",
     ok(source__table="subscribers", schedule=DAILY, mask=["phone", "email"])),
    ("4", "ru", "telecom", "абоненты, паспорт замаскировать, каждый час",
     ok(source__table="subscribers", schedule="0 * * * *", mask=["passport_number"])),
    ("4", "ru", "utility", "контролёры, телефон скрыть, ежедневно",
     ok(source__table="ops.inspectors", schedule=DAILY, mask=["phone"])),
    ("4", "ru", "utility", "абоненты, ФИО и почту скрыть, ежедневно",
     ok(source__table="subscribers", schedule=DAILY, mask=["full_name", "email"])),
    # 5: an English hyphenated qualifier nothing grounds is asked
    ("5", "en", "telecom", "off-net calls to clickhouse daily", ASK),
    ("5", "en", "telecom", "on-net calls to clickhouse daily", ASK),
    ("5", "en", "telecom", "out-of-network calls to clickhouse daily", ASK),
    ("5", "en", "shop", "cross-border orders to clickhouse daily", ASK),
    ("5", "ru", "telecom", "внесетевые звонки в клик ежедневно", ASK),
    ("5", "ru", "telecom", "звонки вне сети в клик ежедневно", ASK),
    # ... what the catalog grounds stays planned
    ("5", "en", "telecom", "outgoing calls to clickhouse daily",
     ok(source__table="network.calls", schedule=DAILY, source__where="direction = 'outgoing'")),
    ("5", "en", "telecom", "roaming calls to clickhouse daily",
     ok(source__table="network.calls", schedule=DAILY, source__where="is_roaming = true")),
    ("5", "en", "telecom", "e-sim cards to clickhouse daily",
     ok(source__table="sim_cards", schedule=DAILY, source__where="is_esim = true")),
    # 6: a status value list with 'new' is a filter, not an incremental load
    ("6", "en", "utility", "service requests with status done or new to clickhouse daily",
     ok(source__table="ops.service_requests", schedule=DAILY, source__where="status IN ('done', 'new')")),
    ("6", "ru", "utility", "заявки со статусом done или new в клик ежедневно",
     ok(source__table="ops.service_requests", schedule=DAILY, source__where="status IN ('done', 'new')")),
    ("6", "ru", "utility", "заявки со статусами new, in_progress в клик каждый час",
     ok(source__table="ops.service_requests", schedule="0 * * * *",
        source__where="status IN ('new', 'in_progress')")),
    ("6", "en", "utility", "service requests with status new to clickhouse daily",
     ok(source__table="ops.service_requests", schedule=DAILY, source__where="status = 'new'")),
    # ... words that say incremental stay incremental
    ("6", "en", "utility", "service requests with status done, only new rows by created_at, daily",
     ok(source__table="ops.service_requests", schedule=DAILY, source__where="status = 'done'",
        source__incremental__column="created_at")),
    # 7: a refresh word is no filter value
    ("7", "ru", "clinic", "Койки по палатам (ward), апдейт каждый час",
     ok(source__table="beds", schedule="0 * * * *")),
    ("7", "ru", "clinic", "Койки по палатам (ward), обновление каждый час",
     ok(source__table="beds", schedule="0 * * * *")),
    ("7", "ru", "utility", "Отключения по районам (district), апдейт ежедневно",
     ok(source__table="ops.outages", schedule=DAILY)),
    ("7", "en", "clinic", "beds by ward (ward), refresh every hour", ok(source__table="beds", schedule="0 * * * *")),
    # 8: a duration on a duration column is a filter in the column's unit
    ("8", "ru", "telecom", "звонки длительностью больше двух часов в клик ежедневно",
     ok(source__table="network.calls", schedule=DAILY, source__where="duration_sec > 7200")),
    ("8", "ru", "telecom", "звонки длительностью больше двух минут в клик ежедневно",
     ok(source__table="network.calls", schedule=DAILY, source__where="duration_sec > 120")),
    ("8", "en", "telecom", "calls longer than two hours to clickhouse daily",
     ok(source__table="network.calls", schedule=DAILY, source__where="duration_sec > 7200")),
    ("8", "en", "clinic", "visits longer than 2 hours to clickhouse daily",
     ok(source__table="visits", schedule=DAILY, source__where="duration_min > 120")),
    ("8", "ru", "clinic", "визиты длительностью больше часа в клик ежедневно",
     ok(source__table="visits", schedule=DAILY, source__where="duration_min > 60")),
    # ... the column's own unit stays as written
    ("8", "ru", "clinic", "приёмы дольше 30 минут в клик ежедневно",
     ok(source__table="visits", schedule=DAILY, source__where="duration_min > 30")),
    ("8", "ru", "telecom", "звонки длительностью больше 60 секунд в клик ежедневно",
     ok(source__table="network.calls", schedule=DAILY, source__where="duration_sec > 60")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "lang", "catalog", "text", "expected"),
    [pytest.param(*c, id=f"{c[0]}-{c[1]}-{i}") for i, c in enumerate(CASES)],
)
def test_the_family_generalises(
    family: str, lang: str, catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []
