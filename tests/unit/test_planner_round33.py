"""Families of the blind batch heldout_2026-12-09r (planner33), tested with requests of our own over several
catalogs (RU and EN): a negated state is never dropped or un-negated («нет подозрения на …», «кроме … (column
value)», «X не грузить, остальных …», "not returned yet", "skip the ones flagged as …", "not blocked"); a
number in words keeps its multiplier ("over two hundred thousand", «больше трёхсот тысяч»); a clock the user
hesitates about ("at 7, or was it 8?") is asked; status values said in words are read from the comment's
listed values («действующие» = active, "in transit" = in_transit, "in_progress", currencies in words).

Written before the rule changes (planner33): 16 of 51 failed before the rules. Added with the rules (seen
while writing them): «тяжелее двадцати килограммов» (main dropped the filter), a two-word column before a
comparison («с заявленной суммой больше …»), «N процентов», values before their column's noun ("academic and
presidential kinds"), currency words explained by codes in brackets, "paid by <means>", an absent date
(«нет даты расторжения»), "flagged as X" (read as a target table name before); a status list after a
clause verb that also names an event column ("delivered or lost", which main planned `delivered_at IS NOT
NULL AND status IN (...)`, dropping the lost rows), and a negated yes/no flag written as its other value
(`= false`, not `<> true`).
"""

from __future__ import annotations

import pytest

from tests.planned import ok, plan_in, wrong_of


def _wrong_filter(catalog: str, text: str, where: str) -> list[str]:
    """The status or the filter when wrong, scored as the eval scores it (the other fields are not asserted)."""
    wrong = wrong_of(catalog, text, ok(source__where=where))
    return [field for field in wrong if field.startswith(("status", "source.where"))]


def _where_or_asked(catalog: str, text: str, where: str) -> None:
    """Right when planned with this filter or asked; a confident other filter is the failure."""
    if plan_in(catalog, text).status == "ok":
        assert _wrong_filter(catalog, text, where) == [], text
    else:
        assert plan_in(catalog, text).status == "needs_clarification", text


def _planned_where(catalog: str, text: str, where: str) -> None:
    assert _wrong_filter(catalog, text, where) == [], text


# --- 1. a negated state is never dropped, un-negated or read as a column drop ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "убытки, где нет подозрения на мошенничество, в клик каждый день", "is_fraud_suspected = false"),
        ("insurance", "полисы, по которым нет пролонгации, в клик ежедневно в 4", "is_renewal = false"),
        ("bank", "платежи по кредитам, по которым нет просрочки, ежедневно в 6", "is_late = false"),
        ("insurance", "полисы кроме онлайн-продаж (channel online), в клик ежедневно",
         "channel IS DISTINCT FROM 'online'"),
        ("bank", "транзакции кроме банкоматов (channel atm) ежедневно в 3", "channel IS DISTINCT FROM 'atm'"),
        ("insurance", "взносы кроме наличных (payment_method cash) ежечасно",
         "payment_method IS DISTINCT FROM 'cash'"),
        ("insurance", "policies except online sales (channel online), daily at 5",
         "channel IS DISTINCT FROM 'online'"),
        ("univ", "отчисленных студентов не грузить, остальных ежедневно в 4", "status IS DISTINCT FROM 'expelled'"),
        ("telecom", "абонентов ушедших не выгружать, остальных в клик каждый день",
         "status <> 'churned'"),
        ("univ", "library loans that are not returned yet, hourly", "returned_at IS NULL"),
        ("univ", "loans not yet returned, daily at 7", "returned_at IS NULL"),
        ("insurance", "claims, skip the ones flagged as suspected fraud, daily at 6", "is_fraud_suspected = false"),
        ("insurance", "policy holders, skip the ones flagged as vip, daily", "is_vip = false"),
        ("bank", "load the cards that are not blocked into clickhouse hourly", "status <> 'blocked'"),
        ("telecom", "subscribers that are not churned, daily at 1", "status <> 'churned'"),
        ("insurance", "policies that aren't expired, daily at 2", "status <> 'expired'"),
    ],
)  # fmt: skip
def test_a_negated_state_is_never_the_positive_or_dropped(catalog: str, text: str, where: str) -> None:
    _where_or_asked(catalog, text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "убытки, по которым нет подозрения на мошенничество, ежечасно", "is_fraud_suspected = false"),
        ("insurance", "полисы кроме онлайн-продаж (channel online), ежедневно", "channel IS DISTINCT FROM 'online'"),
        ("univ", "loans not returned yet, daily at 9", "returned_at IS NULL"),
        ("bank", "cards that are not blocked, daily at 4", "status <> 'blocked'"),
    ],
)  # fmt: skip
def test_a_plain_negated_state_is_planned(catalog: str, text: str, where: str) -> None:
    _planned_where(catalog, text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "claims every hour, skip the ones flagged as suspected fraud", "is_fraud_suspected = false"),
        ("bank", "cards hourly, skip the ones that are blocked", "status <> 'blocked'"),
        ("logistics", "shipments that are delivered or lost, hourly", "status IN ('delivered', 'lost')"),
        ("logistics", "отправления тяжелее двадцати килограммов ежедневно", "weight_kg > 20"),
        ("insurance", "убытки с заявленной суммой больше 2000 ежедневно", "claimed_amount > 2000"),
        ("insurance", "агентов с комиссией выше 7 процентов ежедневно", "commission_rate > 7"),
        ("univ", "scholarships of academic and presidential kinds, monthly", "kind IN ('academic', 'presidential')"),
        ("bank", "вклады в долларах и юанях (USD, CNY) ежедневно", "currency IN ('USD', 'CNY')"),
        ("telecom", "payments paid by card or terminal, hourly", "channel IN ('card', 'terminal')"),
    ],
)  # fmt: skip
def test_added_with_the_rules(catalog: str, text: str, where: str) -> None:
    _planned_where(catalog, text, where)


def test_rows_not_to_load_are_not_a_column_drop() -> None:
    outcome = plan_in("univ", "студентов отчисленных не грузить, остальных ежедневно в 5")
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.columns is None
        assert outcome.spec.source.where == "status IS DISTINCT FROM 'expelled'"


# --- 2. a number in words keeps its multiplier ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "claims with approved amount over two hundred thousand, daily", "approved_amount > 200000"),
        ("insurance", "claims with claimed amount above one million, hourly", "claimed_amount > 1000000"),
        ("insurance", "убытки с заявленной суммой больше трёхсот тысяч ежедневно в 2", "claimed_amount > 300000"),
        ("bank", "вклады с суммой больше двухсот тысяч ежедневно", "amount > 200000"),
        ("logistics", "отправления тяжелее тридцати кг ежедневно", "weight_kg > 30"),
        ("logistics", "shipments heavier than fifteen kg, daily at 3", "weight_kg > 15"),
        ("insurance", "агентов с комиссией выше пятнадцати процентов ежедневно", "commission_rate > 15"),
        ("insurance", "agents with commission over twelve percent, daily", "commission_rate > 12"),
    ],
)  # fmt: skip
def test_a_number_in_words_keeps_its_multiplier(catalog: str, text: str, where: str) -> None:
    _where_or_asked(catalog, text, where)


def test_a_multiplied_number_in_words_is_planned() -> None:
    _planned_where(
        "insurance",
        "claims with approved amount over three hundred thousand, daily",
        "approved_amount > 300000",
    )


# --- 3. a clock the user hesitates about is asked -----------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("logistics", "couriers every day at 7, or was it 8? whichever"),
        ("insurance", "agents daily at 6 or maybe 7, not sure"),
        ("bank", "clients every day at 5, or 6? doesn't matter"),
        ("univ", "студентов каждый день в 9, или в 10? неважно"),
        ("shop", "заказы ежедневно в 3 или 4 ночи, не помню"),
    ],
)  # fmt: skip
def test_a_hesitated_clock_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification", text


def test_two_clocks_said_firmly_stay_planned() -> None:
    outcome = plan_in("logistics", "couriers every day at 9 and 21")
    assert outcome.status == "ok" and outcome.spec is not None and outcome.spec.schedule == "0 9,21 * * *"


# --- 4. status values said in words are read from the comment's listed values -----------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "полисы в клик ежедневно в 3, только действующие", "status = 'active'"),
        ("bank", "только действующие карты в клик каждый час", "status = 'active'"),
        ("telecom", "абонентов кроме ушедших (churned) ежедневно", "status <> 'churned'"),
        ("bank", "счета в долларах и евро ежедневно в 4", "currency IN ('USD', 'EUR')"),
        ("bank", "счета в юанях ежедневно в 4", "currency = 'CNY'"),
        ("insurance", "premium payments paid in cash or by transfer, daily", "payment_method IN ('cash', 'transfer')"),
        ("telecom", "payments paid by card or sbp, hourly", "channel IN ('card', 'sbp')"),
        ("logistics", "shipments in transit, every 10 minutes", "status = 'in_transit'"),
        ("logistics", "shipments that are created or in transit, hourly", "status IN ('created', 'in_transit')"),
        ("telecom", "support tickets, only open and in_progress, hourly", "status IN ('open', 'in_progress')"),
        ("insurance", "claims, only new and in_review, hourly", "status IN ('new', 'in_review')"),
        ("univ", "scholarships, academic and social kinds only, daily", "kind IN ('academic', 'social')"),
    ],
)  # fmt: skip
def test_status_words_are_read_from_listed_values(catalog: str, text: str, where: str) -> None:
    _where_or_asked(catalog, text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "полисы ежедневно, только действующие", "status = 'active'"),
        ("logistics", "shipments that are delivered or in transit, hourly", "status IN ('delivered', 'in_transit')"),
        ("telecom", "support tickets, only open and in_progress, daily", "status IN ('open', 'in_progress')"),
    ],
)  # fmt: skip
def test_plain_status_words_are_planned(catalog: str, text: str, where: str) -> None:
    _planned_where(catalog, text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "полисы, у которых нет даты расторжения, ежедневно", "cancelled_at IS NULL"),
        ("univ", "книги, где даты возврата нет, ежедневно", "returned_at IS NULL"),
        ("hr", "сотрудники, у которых нет даты увольнения, ежедневно", "fired_at IS NULL"),
    ],
)  # fmt: skip
def test_an_absent_date_is_a_null_check(catalog: str, text: str, where: str) -> None:
    _planned_where(catalog, text, where)


def test_flagged_as_names_no_target_table() -> None:
    outcome = plan_in("insurance", "claims hourly, skip the ones flagged as suspected fraud")
    assert outcome.status != "ok" or (outcome.spec is not None and outcome.spec.target.table == "claims")
