"""Round 73: an exclusion verb on rows refused as destructive, a state in a relative clause dropped, a mask phrase
with a number word read as a row condition, and two tables joined by «и»/"and" (heldout_2026-12-15b families).

In a load request "drop/remove <state> <table noun>" («отменённые поездки удалить») leaves those rows out
(status <> ...); only destroying a table or the source's data is refused. «дубли по номеру карты удалить»
removes duplicates by a column named in two words. Requests of my own over several catalogs, RU and EN.
First pass (planner73 at 6c37842, before the rules): 14 of 21 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

EXCLUDED_STATE_ROWS = [
    (
        "carshare",
        "trips every 10 minutes (incremental by updated_at), drop cancelled trips",
        "status <> 'cancelled'",
    ),
    ("hotel", "load reservations hourly, drop cancelled reservations", "status <> 'cancelled'"),
    ("telecom", "payments every 5 minutes, remove failed payments", "status <> 'failed'"),
    ("carshare", "поездки каждые 10 минут, отменённые поездки удалить", "status <> 'cancelled'"),
    ("hotel", "оплаты гостей раз в час, неуспешные оплаты удалить", "status <> 'failed'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), EXCLUDED_STATE_ROWS)
def test_leave_out_verb_on_state_rows_is_a_filter(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


REAL_DESTRUCTION = [
    ("hotel", "drop the reservations table daily"),
    ("carshare", "delete cancelled trips from the source every hour"),
    ("telecom", "удалить таблицу платежей"),
]


@pytest.mark.parametrize(("catalog", "text"), REAL_DESTRUCTION)
def test_destroying_a_table_or_source_data_is_still_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "rejected"


DEDUPE_BY_TWO_WORD_COLUMN = [
    ("cinema", "участников программы лояльности раз в сутки, дубли по номеру карты удалить"),
    ("fitness", "клиентов клуба ежедневно, дубли по номеру карты удалить"),
    ("evcharge", "аккаунты раз в час, дубли по номеру телефона удалить"),
]


@pytest.mark.parametrize(("catalog", "text"), DEDUPE_BY_TWO_WORD_COLUMN)
def test_duplicates_by_a_two_word_column_are_no_refusal(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status != "rejected"


MASK_LAST_DIGITS = [
    ("hotel", "оплаты гостей ежедневно, последние четыре цифры карты скрыть"),
    ("cinema", "заказы кинобара раз в час, последние 4 цифры карты замаскировать"),
    ("evcharge", "платежи за зарядку каждый час, последние четыре цифры карты замаскировать"),
]


@pytest.mark.parametrize(("catalog", "text"), MASK_LAST_DIGITS)
def test_mask_of_a_column_described_by_its_comment_never_filters(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.where is None
        masked = [c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns]
        assert "card_last4" in masked
    else:
        assert outcome.status == "needs_clarification"


RELATIVE_CLAUSE_STATE = [
    ("hotel", "номера, которые сейчас заняты, каждые 10 минут", "occupied"),
    ("carshare", "машины, которые сейчас свободны, каждые 5 минут", "available"),
    ("evcharge", "станции, которые сейчас на обслуживании, раз в час", "maintenance"),  # read since planner82
]


@pytest.mark.parametrize(("catalog", "text", "value"), RELATIVE_CLAUSE_STATE)
def test_state_in_a_relative_clause_is_read_or_asked(catalog: str, text: str, value: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.where == f"status = '{value}'"
    else:
        assert outcome.status == "needs_clarification"


TWO_TABLES_JOINED = [
    ("carshare", "поездки и штрафы раз в час"),
    ("hotel", "бронирования и оплаты ежедневно"),
    ("telecom", "calls and payments every hour"),
    ("evcharge", "заявки на неисправности и платежи ежедневно"),
]


@pytest.mark.parametrize(("catalog", "text"), TWO_TABLES_JOINED)
def test_two_tables_joined_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
