"""Round 83 (issues 15 and 16): the last confident wrong answers of the loads, as families.

1. A vague time word of the rows ("recently", "lately", "the other day", «недавно», «на днях», «недавние»,
   "soon", «скоро») says which rows by a time no column bound can be read from: the window is asked, quoting
   the word, even when another rule reads the state word of the same clause ("claims approved recently" read
   status = 'approved' and loaded every approved claim). A window said beside it ("recently (in the last 7
   days)") answers it; "as soon as possible" and "shortly after midnight" are about the pipeline.
2. A state word of the status rules («отменённые», «возвращённые», "cancelled") on a table with the status value
   listed and the event's own time column (cancelled_at) is the status's value, as the README's «оплаченные
   заказы» = paid and some twenty scored eval cases read it; a state word the status rules do not know
   («отчисленных», «закрытые») that fits both is asked (the README's two-columns rule). Recorded here so the
   two stay apart (eval z-ru-032 expects the question for «Возвращённые билеты»: see the round's report).

Requests of my own over several catalogs, RU and EN.
First pass (at fb61118, before the rules): 11 of 26 failed (family 1: 11 of 18; family 2: 0 of 8, the
convention as it stands).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a vague time word is asked, the state word beside it read or not --------------------------------

VAGUE_WITH_STATE = [
    ("hotel", "reservations cancelled recently, every day at 3", "recently"),
    ("hotel", "брони, отменённые на днях, каждый день в 6", "на днях"),
    ("shop", "orders paid lately, daily at 4", "lately"),
    ("shop", "недавно оплаченные заказы ежедневно в 3", "недавно"),
    ("logistics", "посылки, доставленные на днях, ежедневно в 9", "на днях"),
    ("telecom", "subscribers blocked recently, daily at 1", "recently"),
    ("telecom", "недавно заблокированные абоненты ежедневно", "недавно"),
    ("evcharge", "sessions completed lately, hourly", "lately"),
    ("carshare", "fines paid the other day, hourly", "the other day"),
    ("fitness", "активные абонементы, которые скоро истекут, ежедневно в 8", "скоро"),
    ("fitness", "frozen memberships ending soon, daily at 7", "soon"),
    ("cinema", "недавние возвраты билетов ежедневно в 5", "недавние"),
    ("insurance", "recently signed active policies daily at 2", "recently"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), VAGUE_WITH_STATE)
def test_vague_time_word_is_asked_quoting_it(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert quoted in " ".join(outcome.questions), outcome.questions


def test_window_beside_the_vague_word_answers_it() -> None:
    where = ok_spec("hotel", "reservations cancelled recently (in the last 7 days), daily at 4").source.where
    assert where is not None and "status = 'cancelled'" in where and "interval '7 days'" in where


NOT_ABOUT_ROWS = [
    ("shop", "paid orders to clickhouse daily at 2, please set it up as soon as possible", "status = 'paid'"),
    ("hotel", "cancelled reservations daily at 3", "status = 'cancelled'"),
    ("logistics", "доставленные посылки ежедневно в 9", "status = 'delivered'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), NOT_ABOUT_ROWS)
def test_no_vague_word_of_the_rows_is_still_planned(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_shortly_after_midnight_is_the_schedule() -> None:
    spec = ok_spec("hr", "вскоре после полуночи грузи отпуска в кх")
    assert spec.source.where is None


# --- 2. a status word beside its event's time column: the status value (the convention as it stands) ----

STATUS_WORD_BESIDE_EVENT_TIME = [
    ("hotel", "отменённые брони каждый день в 4", "status = 'cancelled'"),
    ("hotel", "cancelled reservations every morning at 5", "status = 'cancelled'"),
    ("carshare", "оплаченные штрафы по будням в 6", "status = 'paid'"),
    ("food", "доставленные заказы ежедневно в 23:00", "status = 'delivered'"),
    ("evcharge", "оплаченные платежи каждый час", None),  # 'succeeded' is listed, «оплаченные» = paid is not
]


@pytest.mark.parametrize(("catalog", "text", "where"), STATUS_WORD_BESIDE_EVENT_TIME)
def test_status_word_is_the_status_value(catalog: str, text: str, where: str | None) -> None:
    outcome = plan_in(catalog, text)
    if where is None:
        assert outcome.status == "needs_clarification"
    else:
        assert outcome.status == "ok", outcome.questions
        assert outcome.spec is not None and outcome.spec.source.where == where


# planner85 changed the convention (asked before): a state word the status lists beside the time column named
# after it is the value, and the plan's assumption names `<event> IS NOT NULL` as the other reading
UNKNOWN_STATE_WORD_TWO_COLUMNS = [
    ("univ", "отчисленные студенты по понедельникам в 7", "status = 'expelled'"),
    ("bank", "закрытые счета ежедневно в 4", "status = 'closed'"),
    ("telecom", "закрытые обращения каждый час", "status = 'closed'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), UNKNOWN_STATE_WORD_TWO_COLUMNS)
def test_unknown_state_word_two_columns_fit_is_the_listed_value(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == where
    assert "IS NOT NULL" in " ".join(outcome.assumptions)
