"""Round 52 (issue #15): confident wrong load plans noticed outside the eval, fixed as families.

1. A state word with "only / not needed / without" after or before it («уволенные не нужны», "active only",
   «активные только», "without fired ones") is the rows' state when a column reads it, and asked when none does
   («странные не нужны», "weird ones not needed"): never dropped with every row loaded.
2. A bracket after a negated state names its reading («кроме закрытых (status closed)»): one condition, the
   negated value, never the bracket's value ANDed with the state's time column.
3. A listed kind in the genitive after «страхования» («договоры страхования жизни»: product 'life') is read or
   asked, never dropped (value words «жизнь», «здоровье» in the vocabulary; «полисы страхования имущества» asks
   which table).
4. «дубли по <column words>» with no verb and no check word (проверять, если, warn, fail ...) is the dedupe on
   that key, no longer a `unique` check that loaded the duplicates; words naming no column are asked.
5. «за сутки», «за неделю», «за час» (no «последние») on a table with one event time column is the rolling window
   the README writes for «за последние …»; asked when two time columns fit. "for the week/month" and "for the
   last week" (the calendar week or seven days?) are asked. «за месяц» stays unread (xfail: «расчётка за месяц»
   is a payslip's period, not a window).
6. "(no X)" and «(нет X)» on a column that records no event (not a time or yes/no column): asked in both
   languages (leave the column out, or only the rows where it is empty? the README documents neither reading),
   never one reading per language; the older round 36/38/43 and probe50 expectations follow.

Requests of my own over hr, telecom, bank, carshare, hotel, shop, utility, airline, insurance, clinic and univ.
First pass (base 90dca56, before the rules): 29 of the first 38 cases failed, all but four of them confident
plans (a state word, a bracket, a genitive kind, a dedupe key or a period dropped; "(no X)" read two ways). The
dedupe-question and check-word cases were added after the rule.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"

# --- 1. a state word with only / not needed / without: read or asked, never dropped


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hr", "employees every day without fired ones", "fired_at IS NULL"),  # read since planner55
        ("hr", "staff daily at 5, except the fired ones", "fired_at IS NULL"),
        ("telecom", "sim cards every day, active only", "status = 'active'"),
        ("telecom", "SIM-карты каждый день в 4, активные только", "status = 'active'"),
        ("airline", "flights daily at 2, cancelled only", "status = 'cancelled'"),
        ("bank", "cards daily, blocked only", "status = 'blocked'"),
    ],
)
def test_a_state_word_with_only_or_except_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hotel", "брони каждый день в 3, кривые не нужны"),
        ("shop", "заказы ежедневно, подозрительные не нужны"),
        ("shop", "orders daily, the strange ones are not needed"),
        ("hotel", "reservations daily, weird ones not needed"),
        ("utility", "отключения каждый день, закрытые не нужны"),  # outages list no closed state
        ("carshare", "поездки ежедневно, странные не нужны"),
        ("clinic", "визиты ежедневно, мутные не нужны"),
        ("telecom", "звонки каждый час, левые только"),
        ("shop", "customers daily, weird only"),
    ],
)
def test_a_state_word_no_column_reads_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec and outcome.spec.source.where


# --- 2. the bracket names the reading of a negated state: one condition


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("bank", "кроме закрытых (status closed) кредиты каждый день в 1", "status <> 'closed'"),
        ("bank", "без закрытых (status closed) счета ежедневно", "status <> 'closed'"),
        # a bare column in brackets names the reading (planner56: no longer ANDed with the status)
        ("bank", "кроме закрытых (closed_on) кредиты ежедневно", "closed_on IS NULL"),
        ("bank", "счета ежедневно, кроме закрытых (status closed)", "status <> 'closed'"),
    ],
)
def test_a_bracket_names_the_reading_of_a_negated_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 3. a listed kind in the genitive after «страхования»


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("insurance", "договоры страхования жизни каждый день в 2"),
        ("insurance", "полисы страхования имущества ежедневно"),
        ("insurance", "договоры страхования здоровья ежедневно"),
    ],
)
def test_a_genitive_kind_of_insurance_is_read_or_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert "product = " in str(outcome.spec.source.where), outcome.spec.source.where
    else:
        assert outcome.status == ASK


# --- 4. «дубли по X» with no verb: the dedupe on that key


@pytest.mark.parametrize(
    ("catalog", "text", "key"),
    [
        ("bank", "клиенты ежедневно, дубли по номеру паспорта", ["passport_number"]),
        ("hr", "сотрудники каждый день в 6, дубли по email", ["email"]),
        ("shop", "customers daily, duplicates by email", ["email"]),
        ("clinic", "пациенты ежедневно; дубли по СНИЛС", ["snils"]),
    ],
)
def test_duplicates_by_a_key_without_a_verb_dedupe(catalog: str, text: str, key: list[str]) -> None:
    spec = ok_spec(catalog, text)
    dedupes = [t for t in spec.transforms if t.type == "dedupe"]
    assert dedupes and list(dedupes[0].columns) == key, spec.transforms


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "клиенты ежедневно, дубли по номеру удостоверения"),  # no column is an ID document's number
        ("insurance", "страхователи каждый день в 7, дубли по номеру удостоверения"),
    ],
)
def test_duplicates_by_words_no_column_reads_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == ASK


@pytest.mark.parametrize(
    ("catalog", "text", "severity"),
    [
        ("hr", "сотрудники каждый день в 6, предупреждать, если дубли по email", "warn"),
        ("shop", "customers daily, fail on duplicates by email", "fail"),
        ("hr", "сотрудники ежедневно, дубли по email — ошибка", "fail"),
    ],
)
def test_duplicates_with_a_check_word_stay_a_check(catalog: str, text: str, severity: str) -> None:
    spec = ok_spec(catalog, text)
    assert [(c.type, c.severity) for c in spec.checks] == [("unique", severity)], spec.checks
    assert not [t for t in spec.transforms if t.type == "dedupe"]


# --- 5. «за сутки», «за неделю», "for the week": a rolling window, or asked


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "заказы за неделю ежедневно", "created_at >= now() - interval '1 week'"),
        ("shop", "заказы за сутки каждый день в 3", "created_at >= now() - interval '1 day'"),
    ],
)
def test_a_relative_period_is_a_window(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("carshare", "штрафы за сутки ежедневно"),  # issued_at and paid_at
        ("hr", "отпуска за месяц ежедневно"),  # asked (planner55); «расчётка за месяц» is payslips' period
        ("shop", "orders for the last week daily"),  # the calendar week or 7 days: asked (CALENDAR_UNITS)
        ("shop", "orders for the week daily"),
    ],
)
def test_a_relative_period_is_never_dropped(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where, "every row loaded"
    else:
        assert outcome.status == ASK


# --- 6. "(no X)" / «(нет X)» on a column: one reading in both languages


@pytest.mark.parametrize(
    ("catalog", "english", "russian"),
    [
        ("shop", "customers daily (no email)", "клиенты ежедневно (нет email)"),
        ("hr", "employees daily (no phone)", "сотрудники ежедневно (нет телефона)"),
        ("hotel", "guests every day (no email)", "гости каждый день (нет email)"),
        ("bank", "clients daily (no inn)", "клиенты ежедневно (нет inn)"),
    ],
)
def test_no_column_in_brackets_reads_alike(catalog: str, english: str, russian: str) -> None:
    en, ru = plan_in(catalog, english), plan_in(catalog, russian)
    assert en.status == ru.status == ASK, (en.spec, ru.spec)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "outages daily (no ended_at)", "ended_at IS NULL"),
        ("utility", "отключения ежедневно (нет ended_at)", "ended_at IS NULL"),
    ],
)
def test_no_time_column_in_brackets_is_its_null_check(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
