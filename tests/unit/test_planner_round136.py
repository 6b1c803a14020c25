"""Wrong confident plans of heldout 25a as families (planner136, issue 15): a coded meaning that itself holds
«не» read as the negation of its code, a condition word dropped while another condition was read, and
must-ask requests planned with the unread words dropped. A question is always better than a wrong plan.

Requests of my own, RU and EN, over a domain of my own (a call centre's outbound calls and payments, the DDL
below) and the project's fitness, library, vet and cinema catalogs; none is an eval request.

First pass (at d3dc5e1, before the rules): 16 of 22 failed. Two of the 22 were then changed: "Invoices paid in
cash" expected `status = 'paid'` too, but the README reads "paid in/by X" as the means alone (aw-en-013's
expectation), and «Счета лидам со статусом «не доставлен»» (a quoted meaning, asked before and after) was replaced
by «где номер не существует». Written after the rules, so no first pass: "Payments by card (succeeded)", the
windows after a participle (section 4; the evcharge one failed before: created_at) and section 5.
"""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS, tables_from_ddl

OUTBOUND = """
CREATE SCHEMA dial;
CREATE TABLE dial.attempts (
    id bigint PRIMARY KEY, lead_id bigint NOT NULL, result smallint NOT NULL, pay_state smallint NOT NULL,
    operator_name text, created_at timestamp NOT NULL
);
CREATE TABLE dial.invoices (
    id bigint PRIMARY KEY, lead_id bigint NOT NULL, status smallint NOT NULL, amount numeric(12,2) NOT NULL,
    created_at timestamp NOT NULL
);
COMMENT ON TABLE dial.attempts IS 'Попытки обзвона';
COMMENT ON COLUMN dial.attempts.result IS
    'Итог: 1 — дозвонились, 2 — не дозвонились, 3 — номер не существует, 4 — отказ';
COMMENT ON COLUMN dial.attempts.pay_state IS 'Оплата: 1 — оплачено, 2 — не оплачено';
COMMENT ON COLUMN dial.attempts.operator_name IS 'Оператор';
COMMENT ON TABLE dial.invoices IS 'Счета лидам';
COMMENT ON COLUMN dial.invoices.status IS 'Статус счёта: 1 — выставлен, 2 — не доставлен, 3 — оплачен';
COMMENT ON COLUMN dial.invoices.amount IS 'Сумма счёта';
"""


def _outbound() -> Catalog:
    connections = [
        ConnectionInfo("pg_dial", "postgres", "Outbound call centre database", "127.0.0.1", "dial"),
        ConnectionInfo("ch_dial", "clickhouse", "ClickHouse for call centre analytics", "127.0.0.1", "dwh"),
    ]
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_dial": tables_from_ddl(OUTBOUND)}
    )


_PLANNERS: dict[str, OfflinePlanner] = {}


def _plan(catalog: str, text: str) -> Outcome:
    if catalog not in _PLANNERS:
        _PLANNERS[catalog] = OfflinePlanner(_outbound() if catalog == "outbound" else CATALOGS[catalog]())
    return _PLANNERS[catalog].plan(text)


# 1. A listed meaning that holds «не» is matched whole before «не» is read as a negation


@pytest.mark.parametrize(
    ("text", "table", "where"),
    [
        ("Попытки обзвона, где не дозвонились, каждый час", "dial.attempts", "result = 2"),
        ("Попытки обзвона, по которым не дозвонились, ежедневно в 7", "dial.attempts", "result = 2"),
        ("Попытки обзвона, по которым дозвонились, ежедневно в 7", "dial.attempts", "result = 1"),
        ("Счета лидам, которые не доставлены, каждые 30 минут", "dial.invoices", "status = 2"),
        ("Попытки обзвона, где номер не существует, каждый час", "dial.attempts", "result = 3"),
    ],
)  # fmt: skip
def test_a_meaning_holding_a_negation_is_matched_whole(text: str, table: str, where: str) -> None:
    outcome = _plan("outbound", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == table
    assert outcome.spec.source.where == where


def test_a_meaning_holding_a_negation_is_never_inverted() -> None:
    # «не оплачено» is the code 2 itself: `pay_state <> 1` would be right here only by luck of two codes
    outcome = _plan("outbound", "Попытки обзвона, где не оплачено, каждый час")
    assert outcome.status != "ok" or outcome.spec.source.where == "pay_state = 2"  # type: ignore[union-attr]


def test_a_word_of_a_negated_meaning_alone_never_says_it() -> None:
    # «доставленные» is no 'не доставлен': the inverse of the rows meant
    outcome = _plan("outbound", "Доставленные счета лидам каждый час")
    assert outcome.status != "ok" or outcome.spec.source.where != "status = 2"  # type: ignore[union-attr]


def test_a_negation_before_a_plain_meaning_still_leaves_it_out() -> None:
    outcome = _plan("outbound", "Счета лидам, кроме оплаченных, каждый час")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == "status <> 3"


# 2. A condition word dropped while another condition is read: asked (or read), never dropped


@pytest.mark.parametrize(
    ("catalog", "text", "needed"),
    [
        # a comparison beside a rolling window
        ("fitness", "Платежи по карте больше 5000 за последние трое суток каждые 10 минут", "5000"),
        ("fitness", "Payments by card over 5000 in the last two days, hourly", "5000"),
        # a list item no column lists beside one it does
        ("fitness", "Групповые занятия по йоге и кикбоксингу каждый понедельник в 7", "kickbox"),
        ("vet", "Питомцы: кошки и хомяки каждый день", "hamster"),
        # a bracketed listed state beside another condition
        ("fitness", "Payments that cleared (succeeded) by SBP every 15 minutes", "succeeded"),
        ("fitness", "Payments by card (succeeded) every 15 minutes", "card"),
    ],
)  # fmt: skip
def test_a_second_condition_is_never_dropped(catalog: str, text: str, needed: str) -> None:
    outcome = _plan(catalog, text)
    assert outcome.status != "ok" or needed in (outcome.spec.source.where or "")  # type: ignore[union-attr]


def test_a_text_literal_is_never_written_on_a_coded_column() -> None:
    # «первый ответ» is code 1's meaning; an English hyphenated word no meaning is must not be a literal
    outcome = _plan("helpdesk", "SLA breaches of the update-client kind, daily at 9")
    assert outcome.status != "ok" or "'" not in (outcome.spec.source.where or "")  # type: ignore[union-attr]


# 3. Must-ask: words that no column holds are asked, never dropped


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("vet", "Invoices paid in crypto daily"),
        ("library", "Fines paid in installments daily"),
        ("library", "Мероприятия для волонтёров каждый день в 8"),
        ("fitness", "Платежи, прошедшие проверку, каждый день в 9"),
        ("fitness", "Тренеры, прошедшие аттестацию, каждый день в 9"),
        ("hr", "Сотрудников, прошедших переобучение, раз в неделю"),
    ],
)
def test_words_no_column_holds_are_asked(catalog: str, text: str) -> None:
    outcome = _plan(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # the readings beside them stay
        ("library", "Мероприятия для пенсионеров каждую пятницу в 10", "audience = 'seniors'"),
        ("vet", "Invoices paid in cash daily", "payment_method = 'cash'"),
        ("fitness", "Групповые занятия по йоге и растяжке каждый понедельник в 7",
         "class_type IN ('yoga', 'stretching')"),
    ],
)  # fmt: skip
def test_readings_beside_them_stay(catalog: str, text: str, where: str) -> None:
    outcome = _plan(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == where


# 4. A participle naming an event right before a window puts the window on that event's time (README: «Клиентов,
#    зарегистрированных за …» names the event), never on created_at


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("carshare", "Поездки, начатые за последние трое суток, каждый час",
         "started_at >= now() - interval '3 days'"),
        ("evcharge", "Сессии зарядки, начатые за последние сутки, каждый час",
         "started_at >= now() - interval '1 day'"),
    ],
)  # fmt: skip
def test_a_participle_before_a_window_names_its_time(catalog: str, text: str, where: str) -> None:
    outcome = _plan(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == where


# 5. A bracketed code says the code; a money noun after "with" beside the table's name is `> 0`


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("SLA breaches of the resolution kind (code 2), every hour", "breach_kind = 2"),
        ("SLA breaches with a penalty every hour", "penalty_rub > 0"),
    ],
)
def test_a_bracketed_code_and_a_money_noun_are_read(text: str, where: str) -> None:
    outcome = _plan("helpdesk", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == where


def test_a_with_phrase_beside_a_read_condition_is_never_dropped() -> None:
    outcome = _plan("helpdesk", "SLA breaches of the resolution kind (code 2) with a penalty, every hour")
    where = outcome.spec.source.where if outcome.status == "ok" and outcome.spec else ""
    assert outcome.status != "ok" or "penalty_rub" in (where or "")
