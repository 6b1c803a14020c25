"""Mart requests of round marts54 (requests of my own over several catalogs, none copied from an eval file),
scored as the eval scores them (tests/planned.py).

«Сколько разных абонентов звонило», «уникальных клиентов, посещавших клубы»: people counted once each, with a
Russian verb or participle after them that names the event by its root (звонить -> 'Детализация звонков',
ездить -> 'Поездки', посещать -> 'Посещения клубов'). The one table pointing at those people whose comment
has a noun of that root is the fact; the count is of its key to them. A verb whose root no such table's comment
says («жаловалось») is still asked.

«Численность по регионам, только те, у кого churned_on пустой», «только кто ещё не уволен»: the demonstrative
and the relative pronoun describe the rows kept (a row condition), never a not-null check on the column (the
opposite: a load «…, у кого churned_on пустой» loaded every row with a not-null check) nor a value «те»/«кто».

First pass, against the unchanged planner (4189b37): 10 of the 14 failed before the rules (verb naming the
event: 5 of 8; relative clauses: 5 of 6, the load one a confident wrong not-null check).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import mart, ok_spec, wrong_of

VERB_NAMES_EVENT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "telecom",
        "Сколько разных абонентов звонило по неделям",
        mart(
            "network.calls",
            [["count_distinct", "subscriber_id"]],
            [],
            mart__time_grain=["started_at", "week"],
        ),
    ),
    (
        "telecom",
        "Число уникальных абонентов, звонивших, помесячно",
        mart(
            "network.calls",
            [["count_distinct", "subscriber_id"]],
            [],
            mart__time_grain=["started_at", "month"],
        ),
    ),
    (
        "telecom",
        "Сколько уникальных абонентов платило по каналам оплаты",
        mart("billing.payments", [["count_distinct", "subscriber_id"]], ["channel"]),
    ),
    (
        "carshare",
        "Сколько разных клиентов ездило по тарифам",
        mart("rental.trips", [["count_distinct", "customer_id"]], ["tariff"]),
    ),
    (
        "fitness",
        "Количество уникальных клиентов, посещавших клубы, по способу прохода",
        mart("access.visits", [["count_distinct", "member_id"]], ["entry_method"]),
    ),
    (
        "carshare",
        "Сколько разных клиентов каталось по дням начала аренды",
        mart("rental.trips", [["count_distinct", "customer_id"]], [], mart__time_grain=["started_at", "day"]),
    ),
    # a verb no table's comment names by its root: asked, never guessed
    ("telecom", "Сколько уникальных абонентов жаловалось по дням", {"status": "needs_clarification"}),
    ("hotel", "Сколько разных гостей отдыхало по месяцам", {"status": "needs_clarification"}),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), VERB_NAMES_EVENT)
def test_verb_after_distinct_people_names_the_event(
    catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


# «только тех, у кого X пустой», «лишь те, кто ещё не …»: the demonstrative and the relative pronoun
# («у кого», «кто») describe the rows kept; the clause is a row condition, never a not-null check on X nor a
# value «те»/«кто» of some column.
RELATIVE_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "telecom",
        "Число абонентов по регионам — только те, у кого churned_on пустой",
        mart("subscribers", [["count", None]], ["region"], mart__where="churned_on IS NULL"),
    ),
    (
        "telecom",
        "Число абонентов по регионам, считаем лишь тех, у кого churned_on не заполнен",
        mart("subscribers", [["count", None]], ["region"], mart__where="churned_on IS NULL"),
    ),
    (
        "hr",
        "Сколько сотрудников по отделам, только кто ещё не уволен",
        mart("employees", [["count", None]], ["department_id"], mart__where="fired_at IS NULL"),
    ),
    (
        "univ",
        "Число студентов по факультетам, лишь тех, кто пока не отчислен",
        mart("students", [["count", None]], ["faculty_id"], mart__where="expelled_on IS NULL"),
    ),
    # control: the English relative was read already
    (
        "hr",
        "Headcount per department, only those whose fired_at is empty",
        mart("employees", [["count", None]], ["department_id"], mart__where="fired_at IS NULL"),
    ),
]


@pytest.mark.parametrize(("catalog", "text", "expected"), RELATIVE_ROWS)
def test_relative_pronoun_clause_is_a_row_condition(
    catalog: str, text: str, expected: dict[str, Any]
) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_relative_null_clause_of_a_load_filters_rows() -> None:
    """«…, у кого churned_on пустой» of a load keeps those rows; it was a not-null check on churned_on (the
    opposite), every row loaded."""
    spec = ok_spec("telecom", "Загружать абонентов в кликхаус каждый день, у кого churned_on пустой")
    assert spec.source.where == "churned_on IS NULL"
    assert not [c for c in spec.checks if c.type == "not_null"]
