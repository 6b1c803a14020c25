"""Round 61: column lists, masks and listed conditions of LOAD requests, tested with requests of our own over
several catalogs (RU, EN).

1. A mask list item that names no column of the table («ИНН, СНИЛС скрыть» on a table without an INN column)
   is asked about, quoting its words, never dropped while the other items are masked.
2. A positive column list followed by «остальные (колонки) не нужны», "the rest aren't needed", "nothing
   else" loads exactly those columns (never every column).
3. A list closed by a mask verb («телефон, почту и дату рождения закрыть») is what to mask only, never the
   columns to load as well.
4. «со статусом X и <column noun>», "with status X and <column>": the status condition is kept, and the
   second item is read (a value: «и типом theft») or asked about, quoting it («и каналом», "and claim
   number": a two-word column name opening with the table's noun was skipped as the table's noun).
5. An unread «с <number> <noun>» / "with <number> <noun>" qualifier is asked about, never dropped.
6. A qualifier in a compound noun («вип-абоненты», «гости-вип», "vip guests") that no column or listed value
   reads is asked about, never loading every row.

First pass against the unchanged planner (0d39ebf): 27 of 46 failed before the rules. Family 4's tests were
then rewritten (its «суммой к выплате» example is planned as a mart: xfail below) before its rule; the file
as it stands: 28 of 51 failed on 0d39ebf.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in


def _asked(catalog: str, text: str) -> list[str]:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", (outcome.status, outcome.spec)
    return outcome.questions


def _masked(catalog: str, text: str) -> list[str]:
    spec = ok_spec(catalog, text)
    return [c for t in spec.transforms if t.type == "mask" for c in (t.columns or [])]


# --- 1. a mask item that grounds nowhere is asked, quoting it ---------------------------------------------

UNGROUNDED_MASK_ITEM = [
    ("hr", "сотрудников в клик ежедневно, ИНН, СНИЛС скрыть", "ИНН"),
    ("hr", "сотрудников ежедневно, ИНН, СНИЛС и телефон скрыть", "ИНН"),
    ("shop", "клиентов в клик ежедневно, ИНН, телефон скрыть", "ИНН"),
    ("clinic", "пациентов в клик ежедневно, ИНН, снилс замаскировать", "ИНН"),
    ("bank", "клиентов в клик ежедневно, СНИЛС, паспорт скрыть", "СНИЛС"),
    ("hr", "employees to clickhouse daily, INN, snils masked", "INN"),
    ("clinic", "patients to clickhouse daily, mask the phone, tax id", "tax id"),
    ("hr", "сотрудников в клик ежедневно, ИНН и СНИЛС скрыть", "ИНН"),
]


@pytest.mark.parametrize(("catalog", "text", "word"), UNGROUNDED_MASK_ITEM)
def test_ungrounded_mask_item_is_asked(catalog: str, text: str, word: str) -> None:
    assert any(word.lower() in q.lower() for q in _asked(catalog, text))


GROUNDED_MASK_LIST = [
    ("hr", "сотрудников в клик ежедневно, паспорт, СНИЛС скрыть", ["passport_number", "snils"]),
    ("bank", "клиентов в клик ежедневно, ИНН, паспорт скрыть", ["inn", "passport_number"]),
    ("hotel", "гостей в клик ежедневно, телефон, почту скрыть", ["phone", "email"]),
    ("bank", "clients to clickhouse daily, inn, passport masked", ["inn", "passport_number"]),
]


@pytest.mark.parametrize(("catalog", "text", "columns"), GROUNDED_MASK_LIST)
def test_grounded_mask_list_is_masked_whole(catalog: str, text: str, columns: list[str]) -> None:
    assert sorted(_masked(catalog, text)) == sorted(columns)


# --- 2. "the rest aren't needed" closes a positive column list ---------------------------------------------

REST_NOT_NEEDED = [
    ("shop", "клиентов в клик ежедневно, нужны id и email, остальные колонки не нужны", ["id", "email"]),
    ("shop", "клиентов в клик ежедневно, нужны id и email, остальные не нужны", ["id", "email"]),
    ("shop", "клиентов в клик ежедневно, нужны id и email, остальное не нужно", ["id", "email"]),
    ("hotel", "гостей в клик ежедневно, нужны id, телефон и почта, остальные поля не нужны",
     ["id", "phone", "email"]),
    ("bank", "клиентов в клик ежедневно, id и почта, остальные колонки не грузить", ["id", "email"]),
    ("bank", "клиентов в клик ежедневно: id и email, больше ничего не надо", ["id", "email"]),
    ("hotel", "guests to clickhouse daily, we need id, phone and email, the rest isn't needed",
     ["id", "phone", "email"]),
    ("hotel", "guests to clickhouse daily: id, phone and email, nothing else", ["id", "phone", "email"]),
    ("bank", "clients to clickhouse daily, id and email and nothing else", ["id", "email"]),
    ("shop", "customers to clickhouse daily, need id and email, the rest of the columns are not needed",
     ["id", "email"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "columns"), REST_NOT_NEEDED)
def test_rest_not_needed_selects_the_list(catalog: str, text: str, columns: list[str]) -> None:
    outcome = plan_in(catalog, text)
    # exactly those columns, or a question; never every column of the table
    assert outcome.status != "ok" or (outcome.spec is not None and outcome.spec.source.columns == columns)
    assert outcome.status == "ok", outcome.questions


# --- 3. a list closed by a mask verb is a mask list only ---------------------------------------------------

MASK_LIST_ONLY = [
    ("carshare", "клиентов: телефон, почту и дату рождения закрыть, ежедневно в клик",
     ["phone", "email", "birth_date"]),
    ("carshare", "выгружать ежедневно клиентов: телефон, почту и дату рождения скрыть",
     ["phone", "email", "birth_date"]),
    ("hotel", "гости: телефон, почта и паспорт — замаскировать, ежедневно в клик",
     ["phone", "email", "passport_number"]),
    ("bank", "клиентов ежедневно в клик: телефон, почту и ИНН закрыть", ["phone", "email", "inn"]),
    ("hotel", "guests daily to clickhouse: phone, email and passport masked", ["phone", "email", "passport_number"]),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "columns"), MASK_LIST_ONLY)
def test_mask_verb_list_is_no_column_list(catalog: str, text: str, columns: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.columns is None
    assert sorted(_masked(catalog, text)) == sorted(columns)


# --- 4. «со статусом X и <column noun>» keeps the condition --------------------------------------------------

STATUS_AND_COLUMN = [
    # the second item is a column, not a value: asked about (quoting it), the condition never dropped
    ("carshare", "поездки со статусом finished и тарифом в клик ежедневно", "тарифом"),
    ("hotel", "брони со статусом confirmed и каналом в клик ежедневно", "каналом"),
    ("insurance", "убытки со статусом approved и номером убытка в клик ежедневно", "номером"),
    ("insurance", "полисы со статусом active и каналом в клик ежедневно", "каналом"),
    ("hotel", "reservations with status confirmed and the channel to clickhouse daily", "channel"),
    ("insurance", "claims with status approved and claim number to clickhouse daily", "claim number"),
    ("hotel", "bookings with status confirmed and reservation code to clickhouse daily", "reservation code"),
]


@pytest.mark.parametrize(("catalog", "text", "word"), STATUS_AND_COLUMN)
def test_column_item_after_status_is_asked(catalog: str, text: str, word: str) -> None:
    assert any(word in q for q in _asked(catalog, text))


STATUS_AND_VALUE = [
    ("insurance", "убытки со статусом approved и типом theft в клик ежедневно", ["'approved'", "'theft'"]),
    (
        "insurance",
        "claims with status approved and type theft to clickhouse daily",
        ["'approved'", "'theft'"],
    ),
]


@pytest.mark.parametrize(("catalog", "text", "values"), STATUS_AND_VALUE)
def test_status_and_second_condition_both_read(catalog: str, text: str, values: list[str]) -> None:
    outcome = plan_in(catalog, text)  # both conditions read, or asked; never one of them dropped
    assert outcome.status != "ok" or all(v in (outcome.spec.source.where or "") for v in values)  # type: ignore[union-attr]


def test_status_and_amount_is_no_mart() -> None:
    # was a strict xfail (planned as a mart); since session 27 it is asked (the grain's time), never planned
    outcome = plan_in("insurance", "убытки со статусом approved и суммой к выплате в клик ежедневно")
    assert outcome.spec is None or outcome.spec.source.type != "mart"


# --- 5. an unread «с N <noun>» is asked ----------------------------------------------------------------------

UNREAD_WITH_NUMBER = [
    ("shop", "заказы с двумя блорпами в клик ежедневно", "блорп"),
    ("hotel", "брони с тремя кракозябрами в клик ежедневно", "кракозябр"),
    ("bank", "клиенты с двумя флюгерами ежедневно в клик", "флюгер"),
    ("shop", "orders with two blorps to clickhouse daily", "blorp"),
    ("cinema", "сеансы с пятью глорками в клик ежедневно", "глорк"),
]


@pytest.mark.parametrize(("catalog", "text", "word"), UNREAD_WITH_NUMBER)
def test_unread_with_number_is_asked(catalog: str, text: str, word: str) -> None:
    assert any(word in q.lower() for q in _asked(catalog, text))


# --- 6. a compound-noun qualifier nothing reads is asked --------------------------------------------------

UNREAD_COMPOUND_QUALIFIER = [
    ("telecom", "вип-абоненты в клик ежедневно", "вип"),
    ("hotel", "гости-вип в клик ежедневно", "вип"),
    ("hotel", "вип-гости в клик ежедневно", "вип"),
    ("bank", "вип-клиенты в клик ежедневно", "вип"),
    ("shop", "вип-клиенты в клик ежедневно", "вип"),
    ("telecom", "vip-subscribers to clickhouse daily", "vip"),
    ("hotel", "vip-guests to clickhouse daily", "vip"),
]


@pytest.mark.parametrize(("catalog", "text", "word"), UNREAD_COMPOUND_QUALIFIER)
def test_unread_compound_qualifier_is_asked(catalog: str, text: str, word: str) -> None:
    assert any(word in q.lower() for q in _asked(catalog, text))


READ_COMPOUND_QUALIFIER = [
    # a listed value or a flag reads the qualifier: the rows are filtered, no question
    ("bank", "премиум-клиенты в клик ежедневно", "segment = 'premium'"),
    ("insurance", "вип-страхователи в клик ежедневно", "is_vip"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), READ_COMPOUND_QUALIFIER)
def test_read_compound_qualifier_filters(catalog: str, text: str, where: str) -> None:
    assert where in (ok_spec(catalog, text).source.where or "")
