"""Confident wrong plans of heldout_2026-12-09s (planner36), fixed in general form.

1. «без/кроме <column noun> <value>», "without/except <column> <value>": a value the column's comment lists right
   after the column's words says which rows to skip (`<>` on a NOT NULL column, `IS DISTINCT FROM` on a nullable
   one), not a column to leave out. Controls: the column noun alone is still a column drop.
2. "<value> <column> only" ("the night zone only"): the value's filter, not a column list of that one column.
3. A state adjective after the table's noun (Russian word order, «звонки исходящие»): a direction the comment
   lists is read (`direction = 'outgoing'`); one no rule reads is asked as it is before the noun.
4. "(no ended_at)" in brackets after a state ("still ongoing"): on a time column, the rows whose event has not
   happened (`ended_at IS NULL`); on another column ("(no passport_number)") still a column left out.

5. «полисы: policy_number, holder_id — каждый день»: two or more columns after the table's noun and a colon
   are the columns to load; a colon after another word («маскировать: email, phone») is no column list.

Written before the rules (run against unchanged main): 22 of 33 failed before the rule (section 1: 6 of 8,
section 2: 3 of 5, section 3: 6 of 9, section 4: 3 of 5, section 5: 4 of 5; every control passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. an exclusion word before a column and one of its listed values filters rows --------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hr", "расчётные листки без валюты GBP каждый день в 20:00", "currency IS DISTINCT FROM 'GBP'"),
        ("bank", "счета без валюты USD в кликхаус ежедневно", "currency <> 'USD'"),
        ("bank", "счета кроме валюты CNY ежедневно в 7 утра", "currency <> 'CNY'"),
        ("utility", "платежи без канала post каждый день", "channel IS DISTINCT FROM 'post'"),
        ("bank", "accounts without currency USD, daily", "currency <> 'USD'"),
        ("bank", "accounts except currency EUR daily at 5", "currency <> 'EUR'"),
    ],
)
def test_exclusion_of_a_column_value_filters_rows(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, text
    assert spec.source.columns is None, text


@pytest.mark.parametrize(
    ("catalog", "text", "dropped"),
    [
        ("hr", "расчётные листки без валюты каждый день в 20:00", "currency"),
        ("bank", "accounts without currency, daily", "currency"),
    ],
)
def test_exclusion_of_a_column_alone_still_drops_it(catalog: str, text: str, dropped: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.columns is not None and dropped not in spec.source.columns, text
    assert spec.source.where is None, text


# --- 2. "<value> <column> only" is a filter, not a column list ----------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "tariffs for the night zone only, weekly on monday at 1am", "zone = 'night'"),
        ("utility", "payments for the card channel only, daily", "channel = 'card'"),
        ("univ", "scholarships for the social kind only, daily", "kind = 'social'"),
    ],
)
def test_value_column_only_is_a_filter(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, text
    assert spec.source.columns is None, text


@pytest.mark.parametrize(
    ("catalog", "text", "columns"),
    [
        ("utility", "tariffs: zone only, daily", ["zone"]),
        ("utility", "tariffs, only the zone column, daily", ["zone"]),
        ("utility", "payments: amount and paid_at only, daily", ["amount", "paid_at"]),
    ],
)
def test_column_only_is_still_a_column_list(catalog: str, text: str, columns: list[str]) -> None:
    assert ok_spec(catalog, text).source.columns == columns, text


# --- 3. a state adjective after the table's noun (Russian word order) is read or asked ----------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        (
            "telecom",
            "звонки исходящие длиннее 30 секунд каждый час",
            "direction = 'outgoing' AND duration_sec > 30",
        ),
        ("telecom", "звонки входящие каждый час", "direction = 'incoming'"),
        ("telecom", "входящие звонки в кликхаус ежедневно", "direction = 'incoming'"),
    ],
)
def test_direction_adjective_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where, text


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "заказы ручные ежедневно"),
        ("bank", "транзакции входящие ежедневно"),
        ("hr", "сотрудники удалённые каждый день"),
    ],
)
def test_unread_adjective_after_the_noun_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification", text


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "заказы в кликхаус ежедневно"),
        ("hr", "сотрудники все каждый день"),
        ("hr", "расчётные листки каждый день"),
    ],
)
def test_noun_without_a_state_adjective_stays_planned(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "ok", text


# --- 4. "(no <time column>)" after a state: rows whose event has not happened, not a column left out --------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "outages still ongoing (no ended_at), every 10 minutes", "ended_at IS NULL"),
        ("hr", "employees still working (no fired_at), daily", "fired_at IS NULL"),
        ("univ", "students still studying (no expelled_on), daily", "expelled_on IS NULL"),
    ],
)
def test_bracketed_no_time_column_is_a_null_check(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, text
    assert spec.source.columns is None, text


@pytest.mark.parametrize(
    ("catalog", "text", "dropped"),
    [
        ("hr", "load employees (no passport_number), daily", "passport_number"),
        ("shop", "customers (no phone), daily", "phone"),
    ],
)
def test_bracketed_no_other_column_still_drops_it(catalog: str, text: str, dropped: str) -> None:
    # planner52: "(no X)" and «(нет X)» on a column that records no event read alike: asked (the column left
    # out, or the rows where it is empty?), since the README documents neither reading; never one guessed
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", text
    assert any(dropped in q for q in outcome.questions), outcome.questions


# --- 5. a column list after the table's noun and a colon is the columns to load ----------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "columns"),
    [
        (
            "insurance",
            "полисы: policy_number, holder_id, sum_insured — каждый день",
            ["policy_number", "holder_id", "sum_insured"],
        ),
        ("hr", "сотрудники: id, email, phone — ежедневно в 3 ночи", ["id", "email", "phone"]),
        ("hr", "employees: id, email and phone — daily", ["id", "email", "phone"]),
        ("utility", "tariffs: zone, price_per_kwh, every monday", ["zone", "price_per_kwh"]),
    ],
)
def test_list_after_the_table_noun_and_a_colon(catalog: str, text: str, columns: list[str]) -> None:
    assert ok_spec(catalog, text).source.columns == columns, text


def test_colon_after_another_word_is_no_column_list() -> None:
    assert ok_spec("hr", "сотрудники ежедневно, маскировать: email, phone").source.columns is None
