"""Round 71: confident wrong load plans seen outside the eval.

«X пустой» / "X is empty" said after the load with no check word («проверять», «если», "check", "alert") names the
rows to load (X IS NULL; a text column's empty is NULL or ''), never a not-null check, the opposite meaning; real
checks still read. A negated event of who is loaded («только кто не ушёл», "those not fired", "branches no longer
open") is read when a column grounds it, else asked, never dropped. «без времени возврата» / "without refund time"
leaves out the column that holds it (or is asked), and where none does it is asked, never read as the refunded state. "refunds are
not needed" reads as "refunds not needed". Requests of my own over several catalogs, RU and EN.
First pass (planner71 at 0cf1bd1, before the rules): 18 of the first 30 cases failed. Added while fixing (seen failing
in probes before the rules): airline «без даты возврата» (was issued_at IS NULL), telecom "without block date" (was
status IS NULL OR ''), plus the README's «без даты увольнения» reading kept and fitness «без времени выхода».
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

EMPTY_COLUMN_ROWS = [
    ("hr", "Грузить сотрудников ежедневно, fired_at пустой", "fired_at IS NULL"),
    ("telecom", "Загружать абонентов в кликхаус каждый день, churned_on пустой", "churned_on IS NULL"),
    ("hr", "employees daily, fired_at is empty", "fired_at IS NULL"),
    ("bank", "кредиты ежечасно, closed_on пустая", "closed_on IS NULL"),
    ("cinema", "билеты каждый день в 5:00, refunded_at пустое", "refunded_at IS NULL"),
    ("cinema", "tickets every day at 5, refunded_at is null", "refunded_at IS NULL"),
    ("shop", "клиенты ежедневно, email пустой", "(email IS NULL OR email = '')"),  # a text column: NULL or ''
    ("shop", "customers daily, email is empty", "(email IS NULL OR email = '')"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), EMPTY_COLUMN_ROWS)
def test_an_empty_column_without_a_check_word_is_the_rows(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert not [c for c in spec.checks if c.type == "not_null"]


REAL_NULL_CHECKS = [
    ("hr", "Грузить сотрудников ежедневно, проверять, что fired_at не пустой", "fired_at"),
    ("hr", "employees daily, alert if email is empty", "email"),
    ("hr", "сотрудников ежедневно, ошибка, если email пустой", "email"),
    ("hr", "сотрудников ежедневно, email не пустой", "email"),
    ("telecom", "subscribers daily, check that churned_on is not empty", "churned_on"),
    ("telecom", "абонентов каждый день, предупреждать, если email пустой", "email"),
    ("cinema", "tickets daily, fail if buyer_email is empty", "buyer_email"),
    ("clinic", "пациенты ежедневно, проверять, что телефон не пустой", "phone"),
]


@pytest.mark.parametrize(("catalog", "text", "column"), REAL_NULL_CHECKS)
def test_a_null_check_with_a_check_word_stays_a_check(catalog: str, text: str, column: str) -> None:
    spec = ok_spec(catalog, text)
    assert [c.columns for c in spec.checks if c.type == "not_null"] == [[column]]
    assert spec.source.where is None


NEGATED_EVENT_OF_WHO = [
    ("telecom", "Загружать абонентов в кликхаус каждый день, только кто не ушёл", "churned_on IS NULL"),
    ("hr", "employees daily, those not fired", "fired_at IS NULL"),
    ("hr", "сотрудников ежедневно, только кто не уволен", "fired_at IS NULL"),
    ("bank", "branches that are no longer open, daily", "is_closed = true"),
    ("bank", "branches no longer open, daily", "is_closed = true"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), NEGATED_EVENT_OF_WHO)
def test_a_negated_event_is_read_or_asked_never_dropped(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where == where
    else:
        assert outcome.status == "needs_clarification"


def test_open_branches_are_read_or_asked() -> None:
    for text in (
        "open branches, every Sunday at 6 am",
        "только открытые отделения каждое воскресенье в 6 утра",
    ):
        outcome = plan_in("bank", text)
        if outcome.status == "ok":
            assert outcome.spec is not None and outcome.spec.source.where == "is_closed = false"
        else:
            assert outcome.status == "needs_clarification"


WITHOUT_A_TIME_COLUMN = [
    ("cinema", "tickets daily without refund time", "refunded_at"),
    ("cinema", "билеты ежедневно без времени возврата", "refunded_at"),
    ("fitness", "посещения ежедневно без времени выхода", "checked_out_at"),
]


@pytest.mark.parametrize(("catalog", "text", "column"), WITHOUT_A_TIME_COLUMN)
def test_without_a_time_column_is_never_the_state(catalog: str, text: str, column: str) -> None:
    """The column left out (planner67's reading after the schedule) or asked; never a status condition."""
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where is None
        assert outcome.spec.source.columns and column not in outcome.spec.source.columns
    else:
        assert outcome.status == "needs_clarification"


NO_SUCH_TIME_COLUMN = [
    ("airline", "билеты ежедневно без времени возврата"),
    ("airline", "билеты ежедневно без даты возврата"),
    ("airline", "tickets daily without refund time"),
    ("telecom", "абоненты ежедневно без даты блокировки"),
    ("telecom", "subscribers daily without block date"),
]


@pytest.mark.parametrize(("catalog", "text"), NO_SUCH_TIME_COLUMN)
def test_without_a_time_the_table_lacks_is_asked(catalog: str, text: str) -> None:
    """airline tickets keep no refund time: «без времени возврата» was status = 'refunded' (the opposite) and
    «без даты возврата» issued_at IS NULL ('Дата выписки' by «даты» alone)."""
    assert plan_in(catalog, text).status == "needs_clarification"


WITHOUT_AN_EVENT_DATE_ROWS = [  # the README's «без (даты) <event noun>» = that event's column IS NULL
    ("hr", "employees daily without the firing date", "fired_at IS NULL"),
    ("hr", "сотрудники ежедневно без даты увольнения", "fired_at IS NULL"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), WITHOUT_AN_EVENT_DATE_ROWS)
def test_without_an_event_date_keeps_the_rows_reading(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


STATE_ARE_NOT_NEEDED = [
    ("airline", "tickets daily, refunds are not needed", "status <> 'refunded'"),
    ("telecom", "payments daily, refunds are not needed", "status <> 'refunded'"),
    ("hotel", "payments daily, refunds are not needed", "status <> 'refunded'"),
    ("cinema", "tickets daily, refunds are not needed", "status <> 'refunded'"),
    ("carshare", "payments daily, failed ones are not needed", "status <> 'failed'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), STATE_ARE_NOT_NEEDED)
def test_state_are_not_needed_reads_like_not_needed(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_only_open_reads_the_closed_flag_false() -> None:
    """'Отделение закрыто' (is_closed) holds the state «открытые» ends: the open branches have it false."""
    spec = ok_spec("bank", "только открытые отделения каждое воскресенье в 6 утра")
    assert spec.source.where == "is_closed = false"
    assert ok_spec("bank", "закрытые отделения ежедневно").source.where == "is_closed = true"


INSTRUCTION_NOT_A_STATE = [
    ("hotel", "гостей в кликхаус ежедневно в 3:00; ФИО не трогай, а телефон замаскируй"),
    ("hr", "сотрудников ежедневно, email не грузим"),
    ("clinic", "пациентов каждый час, телефон не выгружайте"),
]


@pytest.mark.parametrize(("catalog", "text"), INSTRUCTION_NOT_A_STATE)
def test_a_negated_instruction_is_no_unread_state(catalog: str, text: str) -> None:
    """«не трогай», «не грузим»: said to the assistant (imperative, first person), not which rows."""
    assert ok_spec(catalog, text).source.where is None
