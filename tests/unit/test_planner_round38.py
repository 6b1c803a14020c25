"""Confident wrong load plans found outside the eval (planner38), fixed in general form or asked.

1. An adjective before a table's noun that only resembles another table's words («временных сотрудников»:
   «временный» ~ «время» of 'Табель учёта рабочего времени') never moves the load to that other table: the noun
   names the table, and an adjective no rule reads is asked.
2. A genitive tail after a dedupe key that names the table itself («по лицевому счёту абонента», "the account
   number of the subscriber") says whose key it is, not a second key.
3. "exclude/omit/skip the <adjective> ones" with no listed value: a yes/no column the adjective reads is
   negated (claims' is_fraud_suspected), else asked (round 37's strict xfail, now passing).
4. A number of weeks against a column counting days is exact (× 7), years against one counting months too (× 12);
   months and years have no fixed number of days and are asked, never compared as bare numbers («от 2 месяцев» was
   overdue_days >= 2).
5. "still ongoing (ended_at empty)", "<time column> empty", «ещё не закрыты»: the rows whose event has not
   happened (IS NULL); a bracketed column the table lacks ("(no blocked_at)" on cards) is asked.
6. «только новые и in_progress» beside a status listing new: «новые» is the listed value, not new rows.

Written before the rules (run against unchanged main f5d7d0c): 32 of 45 failed before the rules (section 1: 3 of 6,
section 2: 3 of 6, section 3: 5 of 6, section 4: 6 of 7, section 5: 12 of 14, section 6: 3 of 6). Changed while
fixing (each checked on main first): in section 1 «рабочих сотрудников» (NOT_A_STATE: «рабочий» says no state, so
employees with every row is a fair reading) was replaced by «лабораторных пациентов» (confident wrong on main:
lab.results); section 4 got «сроком больше 2 лет» (term_months > 2 on main). So 33 of 45 failed on main.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in


def _asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification", text


# --- 1. an adjective resembling another table's noun never picks that table ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hr", "временных сотрудников в кликхаус каждый день"),
        ("hr", "временные сотрудники ежедневно в 5 утра"),
        ("hr", "temporary employees to clickhouse daily"),
        ("clinic", "лабораторных пациентов каждый день в 4 утра"),  # not lab.results
    ],
)
def test_adjective_before_a_table_noun_is_asked_not_another_table(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":  # only acceptable if it stayed on the noun's table and read the adjective
        assert outcome.spec is not None and outcome.spec.source.table in ("employees", "patients")
        assert outcome.spec.source.where, text
    else:
        assert outcome.status == "needs_clarification", text


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("hr", "табель рабочего времени ежедневно", "timesheets"),
        ("hr", "сотрудники ежедневно", "employees"),
    ],
)
def test_table_nouns_alone_still_pick_their_table(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table, text


# --- 2. a genitive tail naming the table is no second dedupe key ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "keys"),
    [
        ("utility", "абоненты, без дублей по лицевому счёту абонента, ежедневно", ["account_no"]),
        ("utility", "абонентов грузить каждый день, дубли по номеру лицевого счёта абонента убрать", ["account_no"]),
        ("utility", "subscribers daily, dedupe by account number of the subscriber", ["account_no"]),
        ("utility", "subscribers daily, dedupe by the subscriber's account number", ["account_no"]),
        ("hr", "сотрудники, дедуп по email сотрудника, ежедневно", ["email"]),
        ("bank", "клиенты, без дублей по ИНН клиента, каждый день", ["inn"]),
    ],
)  # fmt: skip
def test_genitive_of_the_table_is_no_second_key(catalog: str, text: str, keys: list[str]) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "needs_clarification":
        return  # asking is acceptable; a second key is not
    assert outcome.spec is not None, text
    dedupes = [t for t in outcome.spec.transforms if t.type == "dedupe"]
    assert dedupes and dedupes[0].columns == keys, text


# --- 3. an unread adjective after a leave-out verb: a yes/no column it reads, else asked -------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "copy transactions to clickhouse every day, exclude the suspicious ones"),
        ("telecom", "subscribers hourly, omit the sleepy ones"),
        ("telecom", "load subscribers daily, skip the dormant ones"),
        ("shop", "orders daily, leave out the weird ones"),
    ],
)
def test_unread_adjective_after_a_leave_out_verb_is_asked(catalog: str, text: str) -> None:
    _asked(catalog, text)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "load claims daily, exclude the suspicious ones", "is_fraud_suspected = false"),
        ("insurance", "claims every hour, omit the suspected ones", "is_fraud_suspected = false"),
    ],
)
def test_adjective_reading_a_flag_negates_it(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "needs_clarification":
        return  # asked is acceptable; every row is not
    assert outcome.spec is not None and outcome.spec.source.where == where, text


# --- 4. weeks are 7 days; months and years against a days column are asked ---------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("bank", "кредиты с просрочкой больше 3 недель ежедневно", "overdue_days > 21"),
        ("utility", "долги с просрочкой от двух недель каждый день", "overdue_days >= 14"),
        ("bank", "кредиты с просрочкой от 30 дней ежедневно", "overdue_days >= 30"),
        ("bank", "кредиты сроком больше 2 лет ежедневно", "term_months > 24"),  # years on a months column
    ],
)
def test_weeks_against_a_days_column_are_seven_days(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where, text


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "кредиты с просрочкой от 2 месяцев ежедневно"),
        ("utility", "задолженности с просрочкой больше трёх месяцев раз в сутки"),
        ("utility", "долги, просрочка свыше 1 года, по понедельникам"),
        ("bank", "кредиты, просрочка от двух месяцев, каждый день в 6 утра"),
    ],
)
def test_months_and_years_against_a_days_column_are_asked(catalog: str, text: str) -> None:
    _asked(catalog, text)


# --- 5. "still ongoing (ended_at empty)", «ещё не закрыты»: the event has not happened -----------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "outages still ongoing (ended_at empty), every 10 minutes", "ended_at IS NULL"),
        ("utility", "outages with ended_at empty, hourly", "ended_at IS NULL"),
        ("utility", "service requests still open (closed_at empty), hourly", "closed_at IS NULL"),
        ("telecom", "support tickets, closed_at empty, every 15 minutes", "closed_at IS NULL"),
        ("univ", "students still studying (expelled_on empty), daily", "expelled_on IS NULL"),
        ("utility", "заявки ещё не закрыты, каждый час", "closed_at IS NULL"),
        ("telecom", "обращения, пока не закрыты, каждые 15 минут", "closed_at IS NULL"),
        ("insurance", "policies still valid (no cancelled_at), daily", "cancelled_at IS NULL"),
    ],
)
def test_event_not_happened_yet_is_null(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, text
    assert spec.source.columns is None, text


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "cards still valid (no blocked_at), daily"),  # cards have no blocked_at
        ("utility", "outages still ongoing, every 10 minutes"),  # ended_at or ...: not read, asked
        ("hr", "employees still working, daily"),
        ("utility", "отключения, ещё не закрытые, каждые 10 минут"),  # outages have no closing column
    ],
)
def test_still_a_state_no_rule_reads_is_asked(catalog: str, text: str) -> None:
    _asked(catalog, text)


def test_empty_text_column_is_null_or_blank() -> None:
    # a text column's "empty" is NULL or '' as everywhere else (README); only time columns are NULL alone
    where = ok_spec("shop", "customers with phone empty, daily").source.where
    assert where == "(phone IS NULL OR phone = '')"


def test_no_column_in_brackets_still_drops_it() -> None:
    # planner52: asked in both languages (the column left out, or the rows where it is empty?)
    assert plan_in("hr", "load employees (no passport_number), daily").status == "needs_clarification"


# --- 6. «новые» beside a listed status value is the status 'new', not new rows ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "заявки слиянием по id каждый час, только новые и in_progress", "status IN ('new', 'in_progress')"),
        ("utility", "заявки ежечасно, только in_progress и новые", "status IN ('in_progress', 'new')"),
        ("utility", "заявки каждый час, новые или отклонённые", "status IN ('new', 'rejected')"),
        ("insurance", "убытки мержить по id каждые 30 минут, только новые и in_review", "status IN ('new', 'in_review')"),
        ("utility", "service requests upsert by id hourly, only new and in_progress ones", "status IN ('new', 'in_progress')"),
    ],
)  # fmt: skip
def test_new_beside_a_listed_value_is_a_status(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "needs_clarification":
        return  # asking which «новые» is meant is acceptable; new rows plus one status is not
    assert outcome.spec is not None, text
    assert outcome.spec.source.where == where, text
    assert outcome.spec.source.incremental is None, text


def test_only_new_rows_alone_stay_new_rows() -> None:
    spec = ok_spec("utility", "заявки каждый час, только новые по created_at")
    assert spec.source.incremental is not None and not spec.source.where
