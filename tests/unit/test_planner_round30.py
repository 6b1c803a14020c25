"""Families of the blind batch heldout_2026-12-08q (planner30), tested with requests of our own over several
catalogs (RU and EN): a negated state on a boolean ("is not intact", "not ok") flips the flag; an «или»/"or"
list of channel values named by Russian words («почта» = post) filters every value; two table nouns joined
by "and" with articles are asked; «кроме закрытых» filters the flag, never a column selection; «дедуп по
<abbreviation of a column>» dedupes by that column.

Written before the rule changes (planner30): 12 of 24 failed before the rules.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a negated state on a boolean flips it, never the positive ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "inspections where the seal is not intact, to clickhouse hourly", "seal_ok = false"),
        ("utility", "inspections with the seal not intact to clickhouse daily at 5", "seal_ok = false"),
        ("utility", "inspections where the seal isn't intact, daily", "seal_ok = false"),
        ("utility", "обходы, где пломба не цела, в клик ежедневно", "seal_ok = false"),
        ("utility", "inspections where the seal is intact, to clickhouse hourly", "seal_ok = true"),
    ],
)  # fmt: skip
def test_a_negated_state_flips_the_flag(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where == where
    else:
        assert outcome.status == "needs_clarification" and "true" in where  # only a positive may be asked


def test_a_negated_state_is_never_the_positive() -> None:
    for text in ("inspections where the seal is not ok, daily", "inspections with seal not ok, daily"):
        outcome = plan_in("utility", text)
        assert outcome.status != "ok" or outcome.spec.source.where == "seal_ok = false", text


# --- 2. «или»/"or" channel values named by Russian words keep every value ---------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "платежи через почту или терминал в клик каждый час", "channel IN ('post', 'terminal')"),
        ("utility", "платежи через банк или почту в клик каждый час", "channel IN ('bank', 'post')"),
        ("utility", "платежи по карте или через почту в клик каждый час", "channel IN ('card', 'post')"),
        ("telecom", "платежи через терминал или офис в клик каждый час", "channel IN ('terminal', 'office')"),
    ],
)  # fmt: skip
def test_or_listed_channel_words_keep_every_value(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where == where
    else:
        assert outcome.status == "needs_clarification"


# --- 3. two table nouns joined by "and" (with articles) are asked ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "load the loans and the deposits into clickhouse daily at 4"),
        ("bank", "copy the clients and the accounts to clickhouse hourly"),
        ("shop", "load the orders and the customers into clickhouse daily"),
        ("utility", "load the meters and the inspections into clickhouse daily at 2"),
        ("bank", "кредиты и вклады в клик ежедневно"),
    ],
)  # fmt: skip
def test_two_tables_joined_by_and_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification", text


# --- 4. «кроме закрытых» filters the flag, never a column selection ----------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("bank", "отделения, кроме закрытых, ежедневно в 6", "branches", "is_closed = false"),
        ("bank", "отделения банка, кроме закрытых, каждый понедельник в 8:00", "branches", "is_closed = false"),
        ("bank", "branches except closed ones, daily at 6", "branches", "is_closed = false"),
        ("telecom", "тарифы, кроме архивных, ежедневно", "tariffs", "is_archived = false"),
    ],
)  # fmt: skip
def test_except_a_state_filters_the_flag(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where
    assert spec.source.columns is None


# --- 5. «дедуп по <abbreviation>» dedupes by that column ---------------------------------------------------


def _dedupe_columns(catalog: str, text: str) -> list[str]:
    spec = ok_spec(catalog, text)
    return [c for t in spec.transforms if t.type == "dedupe" for c in t.columns]


@pytest.mark.parametrize(
    ("catalog", "text", "columns"),
    [
        ("bank", "клиенты, дедуп по ИНН, ежедневно в 3", ["inn"]),
        ("utility", "абоненты: дедуп по ИНН, раз в сутки", ["inn"]),
        ("clinic", "пациенты: дедуп по СНИЛС, ежедневно", ["snils"]),
        ("bank", "клиенты, дедупликация по ИНН, ежедневно", ["inn"]),
        ("hr", "сотрудники, дедуп по снилсу, ежедневно", ["snils"]),
    ],
)  # fmt: skip
def test_dedupe_by_an_abbreviation_names_the_column(catalog: str, text: str, columns: list[str]) -> None:
    assert _dedupe_columns(catalog, text) == columns


# --- added after the rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("inspections where the seal is broken, daily", "seal_ok = false"),
        ("inspections where the seal was not broken, daily", "seal_ok = true"),
    ],
)
def test_a_negative_state_after_the_subject(text: str, where: str) -> None:
    assert ok_spec("utility", text).source.where == where


def test_an_unread_or_alternative_is_asked() -> None:
    assert (
        plan_in("utility", "платежи через банк или госуслуги в клик каждый час").status
        == "needs_clarification"
    )


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "load the deposits and the mortgages into clickhouse daily at 4"),
        ("bank", "ипотеку и вклады в клик ежедневно"),
    ],
)
def test_a_value_of_another_table_beside_a_table_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_a_participle_of_the_flag_predicate_names_the_rows() -> None:
    assert ok_spec("bank", "закрытые отделения в клик ежедневно").source.where == "is_closed = true"
    assert (
        ok_spec("bank", "платежи по кредитам, кроме просроченных, ежедневно").source.where
        == "is_late = false"
    )
