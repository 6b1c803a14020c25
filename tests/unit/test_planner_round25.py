"""Confident wrong plans found by helpers (no eval case covers them), tested with phrasings of our own (RU and
EN) over the demo catalogs: a comparison on a quantity column in a load is a row condition, not a mart; a
value list after «типа» / "of type" is values of the type column, even a word that is also another table's
name; a key list after «по» ends at a clause boundary (a comma), so the masked column is no key; an English
adjective before an engine word that describes no connection is asked, as on the Russian side.

Written before the rule changes (planner25): 11 of 23 cases passed then.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in


def _masked(spec) -> list[str]:  # type: ignore[no-untyped-def]
    return [c for t in spec.to_json_dict()["transforms"] if t["type"] == "mask" for c in t["columns"]]


# --- 1. a comparison on a quantity column is a row condition, not an aggregate -------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("shop", "остатки с количеством меньше 10 в клик каждый час", "inventory", "qty < 10"),
        ("shop", "остатки с количеством больше 5 в клик ежедневно", "inventory", "qty > 5"),
        ("shop", "складские остатки с количеством менее 3 в клик каждый час", "inventory", "qty < 3"),
        ("shop", "inventory with quantity below 10 to clickhouse hourly", "inventory", "qty < 10"),
        ("shop", "продажи с количеством больше 3 в клик каждый час", "sales", "quantity > 3"),
    ],
)  # fmt: skip
def test_a_quantity_comparison_is_a_row_condition(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "sql"
    assert spec.source.table == table
    assert spec.source.where == where
    assert spec.target.table == table


# --- 2. values after «типа» / "of type" are values of the type column -------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("shop", "события типа purchase и payments в клик каждый час", "event_type IN ('purchase', 'payments')"),
        ("shop", "события типа payments в клик каждый час", "event_type = 'payments'"),
        ("shop", "события с типом orders и login в клик ежедневно", "event_type IN ('orders', 'login')"),
        ("shop", "events of type purchase and payments to clickhouse hourly", "event_type IN ('purchase', 'payments')"),
        ("shop", "events of type users to clickhouse daily", "event_type = 'users'"),
    ],
)  # fmt: skip
def test_a_value_after_type_is_a_value_not_a_table(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == "events"
    assert spec.source.where == where


@pytest.mark.parametrize(
    "text",
    [
        # added after the rule (planner25): a comma before the joiner ends the value list; both tables asked
        "события типа purchase, и payments в клик каждый час",
        "события типа purchase, а также payments в клик каждый час",
        "events of type purchase, and payments, to clickhouse hourly",
    ],
)  # fmt: skip
def test_a_table_name_after_the_value_list_is_asked(text: str) -> None:
    outcome = plan_in("shop", text)
    assert outcome.status == "needs_clarification"
    assert "events" in " ".join(outcome.questions) and "payments" in " ".join(outcome.questions)


# --- 3. a key list ends at a clause boundary ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "платежи в клик каждый час апсертом по id, карту замаскировать"),
        ("shop", "платежи в клик каждый час, мержить по id, номер карты скрыть"),
        ("shop", "платежи в клик ежедневно апсерт по id, карту замаскируй"),
        ("shop", "payments to clickhouse hourly, upsert by id, mask the card"),
        ("shop", "payments to clickhouse hourly with upsert on id, card masked"),
    ],
)  # fmt: skip
def test_a_key_list_ends_at_a_comma(catalog: str, text: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.target.mode, spec.target.keys) == ("upsert", ["id"])
    assert _masked(spec) == ["card_number"]


# --- 4. an adjective before an engine word that describes no connection is asked -------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("clinic", "doctors into analytics postgres daily"),
        ("clinic", "load doctors into the analytics postgres every day at 6"),
        ("univ", "students into analytics postgres daily"),
        ("clinic", "врачей в аналитическую постгрю ежедневно"),
        ("univ", "студентов в аналитическую постгрю ежедневно"),
    ],
)  # fmt: skip
def test_an_adjective_no_connection_has_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert "postgres" in " ".join(outcome.questions).lower()


@pytest.mark.parametrize(
    ("catalog", "text", "conn_id"),
    [
        ("clinic", "doctors into reporting postgres daily", "pg_reporting"),
        ("univ", "students into the BI postgres daily", "pg_bi"),
        ("clinic", "doctors into postgres daily", "pg_reporting"),
    ],
)  # fmt: skip
def test_an_adjective_a_connection_has_still_grounds(catalog: str, text: str, conn_id: str) -> None:
    assert ok_spec(catalog, text).target.conn_id == conn_id
