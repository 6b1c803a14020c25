"""Round 131: confident wrongs of heldout 24b (issue 15), each as a family.

- A bracket glossing a status value («со статусом 2 (в работе)») is part of the value, never a new-rows cue:
  «новая» inside it made a frequent load an incremental append.
- A value one column lists, written as is before a bracketed value of another column («категории sim с
  высоким приоритетом (high)»), is read from its own words: the bracket explains only its own phrase.
- A quoted Russian value of a documented status column that lists no values («со статусом «подписан»» of
  'Статус проекта') is the user's wording: asked, never the literal (the undocumented case keeps reading it).
- "with a <money noun>" ("with a refund", «с возвратом») over a nullable money column is `> 0`: a refund of 0
  is none, as NULL is (README's "with a phone" reading, IS NOT NULL, stays for other columns).
- English words before a register phrase ("First-line operators from the agents list") that no rule reads are
  asked, quoting them, never dropped.
- An English contact clause ("Calls the customer hung up on", "tickets the agent closed") is a condition
  clause: asked when no rule reads it.

Requests of my own over several catalogs, RU and EN (none copied from the eval).
First pass (the rules of c9ec654, main before this round): 13 of 21 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"


def _asked(catalog: str, text: str) -> str:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec
    return " ".join(outcome.questions)


# (catalog, request, where): a glossed status value, a plain copy, no incremental load
GLOSSED = [
    ("helpdesk", "Заявки со статусом 2 (в работе) выгружать каждые пять минут", "status = 2"),
    ("helpdesk", "Заявки со статусом 1 (новая) каждые 3 минуты в клик", "status = 1"),
    ("helpdesk", "Tickets with status 1 (новая) every 5 minutes", "status = 1"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "where"), GLOSSED)
def test_a_glossed_status_value_is_no_new_rows_cue(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert spec.target.mode == "replace" and spec.source.incremental is None


def test_new_rows_said_beside_a_status_still_load_incrementally() -> None:
    spec = ok_spec("helpdesk", "Заявки со статусом 2 (в работе) инкрементально по created_at каждые 5 минут")
    assert spec.source.incremental is not None and spec.source.incremental.column == "created_at"


# (catalog, request, where): a written value kept beside another column's bracketed value
WRITTEN_BESIDE_BRACKET = [
    ("telecom", "Обращения категории sim с высоким приоритетом (high) каждый день в 8",
     "category = 'sim' AND priority = 'high'"),
    ("telecom", "Обращения со статусом open с высоким приоритетом (high) ежедневно",
     "status = 'open' AND priority = 'high'"),
    ("telecom", "Support tickets in category billing with a high priority (high), daily at 7",
     "category = 'billing' AND priority = 'high'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "where"), WRITTEN_BESIDE_BRACKET)
def test_a_written_value_beside_a_bracket_is_kept(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# (catalog, request, the words quoted): a quoted Russian value of a documented status listing none
QUOTED_UNLISTED = [
    ("construction", "Проекты со статусом «приостановлен» каждый день в 6", "приостановлен"),
    ("construction", "Счета в статусе «частично оплачен» каждый час", "частично оплачен"),
    ("food", "Курьеров со статусом «на линии» каждые 10 минут", "на линии"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "quoted"), QUOTED_UNLISTED)
def test_a_quoted_unlisted_value_of_a_documented_status_is_asked(
    catalog: str, text: str, quoted: str
) -> None:
    assert quoted in _asked(catalog, text)


def test_an_undocumented_status_keeps_the_quoted_value() -> None:
    assert ok_spec("shop", "Заказы в статусе «собран» каждый час").source.where == "status = 'собран'"


# (catalog, request, where): "with a <money noun>" over a nullable money column
WITH_MONEY = [
    ("logistics", "Returns with a refund, daily at 6", "refund_amount > 0"),
    ("helpdesk", "Нарушения SLA со штрафом каждый день в 7", "penalty_rub > 0"),
    ("helpdesk", "Решённые заявки с возвратом ежедневно в 22", "status = 4 AND refund_rub > 0"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "where"), WITH_MONEY)
def test_with_a_money_noun_is_above_zero(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_with_a_phone_still_means_one_is_there() -> None:
    assert (
        ok_spec("helpdesk", "Customers with a city daily").source.where == "city IS NOT NULL AND city <> ''"
    )


# (catalog, request, the words quoted): English role words before a register phrase, unread
LIST_HEAD_ASKED = [
    # planner134: "First-line operators" now reads 'оператор первой линии' (role = 1); a rank no role lists
    ("helpdesk", "Junior operators from the agents list, every day at 8", "Junior operators"),
    ("helpdesk", "Senior dispatchers from the agents list daily at 9", "Senior dispatchers"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "quoted"), LIST_HEAD_ASKED)
def test_unread_words_before_a_register_are_asked(catalog: str, text: str, quoted: str) -> None:
    assert quoted in _asked(catalog, text)


def test_all_of_a_register_is_no_condition() -> None:
    assert ok_spec("helpdesk", "Load all agents from the agents list daily at noon").source.where is None


# (catalog, request, the words quoted): an English contact clause no rule reads
CONTACT_ASKED = [
    ("helpdesk", "Calls the agent put on hold, every 30 minutes", "the agent put on hold"),
    ("helpdesk", "Load tickets the customer reopened daily at 9", "the customer reopened"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "quoted"), CONTACT_ASKED)
def test_an_unread_contact_clause_is_asked(catalog: str, text: str, quoted: str) -> None:
    assert quoted in _asked(catalog, text)


def test_a_read_contact_clause_stays_a_condition() -> None:
    assert ok_spec("shop", "Orders the customer cancelled daily at 9").source.where == "status = 'cancelled'"
