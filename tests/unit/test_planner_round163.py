"""Issue 15 (heldout 28b's confident plans with a condition dropped or added).

- «Взносы, оплаченные через СБП»: a Russian participle whose complement is a means a column lists (through
  «через»/«по» or an instrumental noun) says HOW the rows were paid (payment_method), not that paid_at is
  set: the substantive-participle rule took «оплаченные» (no noun after it) for the event of paid_at and
  added `paid_at IS NOT NULL`.
- "claims that got paid out", "invoices that were paid": an English clause whose verb names both a listed
  status value and a nullable time column is one state, the listed value (the marts' convention 5: a state
  word read as a listed value is not also its time column): `status = 'paid'`, no `paid_at IS NOT NULL`.
- «которые выставлены (issued) или просрочены»: a state glossed by its listed value in brackets, then
  «или»/"or" and a word saying another listed value: either state, `status IN ('issued', 'overdue')` (the
  second state was dropped silently).
- "surveys that customers haven't answered yet", "that the client has answered": an English noun (or "the"
  and a noun) between "that"/"which" and an auxiliary is the clause's subject, who acted, as planner162 read
  «которые студенты не вернули»; the verb names the event of one time column -> `answered_at IS NULL` (the
  clause was dropped, every row loaded). A listed state with its agent ("bookings that members have
  cancelled") is the status rule's, read once.
- «Начисления за спа и прачечную»: «спа» (indeclinable, Cyrillic) and «прачечная» are the listed spa and
  laundry (VALUE_MEANINGS); «спа» was dropped silently.
- "Login events": an English word right before the table's own noun, on a table with one uncommented
  `<noun>_type` column (events.event_type), is that kind's value (planning/kind_word.py), as the marts read
  "a login event"; it was dropped silently.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 0bf2453, before the rules, run from a `git archive` copy): 19/31 failed (the three «оплаченные
через/переводом» premiums, four of the five one-state verbs, the four Russian glossed «или» lists, the three
English clauses with a subject, the three charge kinds after «за» and both kinds before "events"; the fitness
and English "via sbp" means, the lone participle, "bookings that members have cancelled", the negated fine,
the English glossed list, the blocked cards, the unknown «химчистку» and the four words that are no kind
already passed). The leave-out verb test was added after the eval subset showed "skip events" read as a kind
(it passes at 0bf2453 too).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a participle of paying whose complement is the means ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("insurance", "Взносы, оплаченные через СБП, каждый час", "payment_method = 'sbp'"),
        ("insurance", "Взносы, оплаченные через СБП, дозаливать по created_at каждые 10 минут",
         "payment_method = 'sbp'"),
        ("insurance", "Взносы, оплаченные переводом через СБП, ежедневно",
         "payment_method IN ('transfer', 'sbp')"),
        ("fitness", "Платежи, оплаченные через СБП, каждые 30 минут", "method = 'sbp'"),
        ("insurance", "Premium payments that got paid via sbp, hourly", "payment_method = 'sbp'"),
    ],
)  # fmt: skip
def test_participle_with_a_means_says_how(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_participle_alone_still_states_the_event() -> None:
    assert ok_spec("insurance", "Взносы, оплаченные, каждый час").source.where == "paid_at IS NOT NULL"


# --- one state, not its time column too ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("vet", "Invoices that got paid, daily", "status = 'paid'"),
        ("vet", "Invoices that were paid, every 2 hours", "status = 'paid'"),
        ("insurance", "Claims for accidents or fires that were paid out, daily at 7 am",
         "claim_type IN ('accident', 'fire') AND status = 'paid'"),
        ("carshare", "Fines that got paid, daily", "status = 'paid'"),
        ("fitness", "Bookings that members have cancelled, daily", "status = 'cancelled'"),
    ],
)  # fmt: skip
def test_state_verb_is_read_once(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_negated_state_verb_is_unchanged() -> None:
    assert ok_spec("carshare", "Fines that haven't been paid, daily").source.where == "status <> 'paid'"


# --- an «или» list after a bracketed first state ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "Начисления, которые выставлены (issued) или оплачены, каждые 4 часа",
         "status IN ('issued', 'paid')"),
        ("bank", "Карты, которые заблокированы (blocked) или истекли, ежедневно",
         "status IN ('blocked', 'expired')"),
        ("bank", "Кредиты, которые просрочены (overdue) или списаны, по понедельникам",
         "status IN ('overdue', 'written_off')"),
        ("airline", "Билеты, которые выданы (issued) или возвращены, ежедневно",
         "status IN ('issued', 'refunded')"),
        ("airline", "Tickets that are issued (issued) or refunded, daily", "status IN ('issued', 'refunded')"),
    ],
)  # fmt: skip
def test_or_list_after_a_glossed_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- an English clause with its subject ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("helpdesk", "CSAT surveys that clients haven't answered yet, hourly", "answered_at IS NULL"),
        ("helpdesk", "CSAT surveys that the client has answered, every 2 hours", "answered_at IS NOT NULL"),
        ("helpdesk", "CSAT surveys sent by sms that customers have not answered, daily",
         "channel = 'sms' AND answered_at IS NULL"),
    ],
)  # fmt: skip
def test_english_clause_with_its_subject(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_english_subject_before_a_listed_state_never_drops_it() -> None:
    outcome = plan_in("bank", "Cards that customers have blocked, daily")
    if outcome.status == "ok":
        assert outcome.spec is not None and "blocked" in (outcome.spec.source.where or "")


# --- kinds of a charge after «за», a kind before the table's noun ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Начисления за прачечную ежедневно", "charge_type = 'laundry'"),
        ("Начисления за ресторан и спа, ежедневно", "charge_type IN ('restaurant', 'spa')"),
        ("Начисления за спа за последнюю неделю по charged_at каждые 2 часа",
         "charge_type = 'spa' AND charged_at >= now() - interval '1 week'"),
    ],
)  # fmt: skip
def test_charge_kinds_after_za(text: str, where: str) -> None:
    assert ok_spec("hotel", text).source.where == where


def test_unknown_charge_kind_after_za_is_asked() -> None:
    assert plan_in("hotel", "Начисления за спа и химчистку ежечасно").status == "needs_clarification"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("View events, every 5 minutes", "event_type = 'view'"),
        ("Purchase events over the last 3 hours by occurred_at, every 15 minutes",
         "event_type = 'purchase' AND occurred_at >= now() - interval '3 hours'"),
    ],
)  # fmt: skip
def test_kind_before_the_table_noun(text: str, where: str) -> None:
    assert ok_spec("shop", text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Recent events, hourly"),
        ("shop", "Raw events, every hour"),
        ("shop", "User events, hourly"),
        ("realty", "Rental deals, daily"),  # 'Тип сделки': which stored value is asked, as before
    ],
)  # fmt: skip
def test_words_before_the_noun_that_are_no_kind(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and "_type" not in (outcome.spec.source.where or "")


def test_leave_out_verb_before_the_noun_is_no_kind() -> None:
    # found by the eval subset after the rule (shop-en-p19's shape): "skip" is the verb leaving rows out
    spec = ok_spec("shop", "Copy events every hour, ignore events with an empty payload")
    assert spec.source.where == "payload IS NOT NULL"
