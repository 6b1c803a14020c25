"""Issue 15: a number compared beside a row state or a flag, planned instead of asked.

- a number with a unit that two columns are kept in («больше 120 секунд» of wait_seconds and talk_seconds): the
  noun before the comparison («с ожиданием», «с длительностью разговора», "with a wait of") says which; no
  noun, or one naming neither, is asked.
- a Russian relative clause saying a payment state («которые оплачены», «которые были оплачены») beside an
  amount «на сумму больше 2 500» (a number grouped by a space).
- a count two columns may mean ("more than 100 uses": max_uses by name, used_count by meaning) stays asked.
- "worth" of the one column keeping a thing's value (market_value 'Рыночная стоимость'); asked when two
  value columns fit.
- "still operating", "that are operating" of the flag whose comment is the verb «работает» ('Отель работает').

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 138744d, before the rules): 12/14 failed: all 12 requests then expected planned (the two "uses"
requests among them, since rewritten as asked: two columns fit "uses") and none of the 2 asked unit requests.
"Hotels that are still operating with 3 or more stars" was planned `stars >= 3`, the flag dropped. Added after
the first pass: the negated shop clause and "worth" with no comparison.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in


def _conditions(where: str | None) -> set[str]:
    return set((where or "").split(" AND "))


# --- a unit two columns are kept in: the noun before the comparison says which -------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("helpdesk", "Пропущенные звонки с ожиданием в очереди дольше 90 секунд ежедневно",
         "result = 2 AND wait_seconds > 90"),
        ("helpdesk", "Отвеченные звонки с длительностью разговора больше 600 секунд каждый час",
         "result = 1 AND talk_seconds > 600"),
        ("helpdesk", "Звонки, где ожидание не меньше 30 секунд, каждый час", "wait_seconds >= 30"),
        ("helpdesk", "Missed calls with a wait of more than 45 seconds, hourly", "result = 2 AND wait_seconds > 45"),
    ],
)  # fmt: skip
def test_the_noun_before_a_unit_comparison_says_which_column(catalog: str, text: str, where: str) -> None:
    assert _conditions(ok_spec(catalog, text).source.where) == _conditions(where)


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("helpdesk", "Звонки больше 120 секунд каждый час"),
        ("helpdesk", "Calls over 300 seconds, hourly"),
    ],
)  # fmt: skip
def test_a_unit_two_columns_are_kept_in_is_asked_without_a_noun(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# --- a paid state said by a relative clause, beside an amount -------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("cinema", "Заказы кинобара, которые оплачены, на сумму больше 2 500 каждый час",
         "status = 'paid' AND total_amount > 2500"),
        ("shop", "Заказы, которые были оплачены, ежедневно в 7:00", "status = 'paid'"),
        ("shop", "Заказы, которые оплачены, на сумму от 10 000 ежедневно", "status = 'paid' AND total >= 10000"),
        # added after the first pass: the negated clause of the same uncommented status
        ("shop", "Заказы, которые не оплачены, на сумму меньше 1 000 ежедневно",
         "status IS DISTINCT FROM 'paid' AND total < 1000"),
    ],
)  # fmt: skip
def test_a_paid_clause_beside_an_amount(catalog: str, text: str, where: str) -> None:
    assert _conditions(ok_spec(catalog, text).source.where) == _conditions(where)


# --- a count two columns may mean: asked ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # "uses" is max_uses by name ('Лимит использований') and used_count by meaning ('Использован раз')
        ("food", "Active promo codes with at least 50 uses, daily"),
        ("food", "Promo codes with fewer than 10 uses, weekly"),
    ],
)  # fmt: skip
def test_a_count_two_columns_may_mean_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


# --- "worth": the one column keeping a value --------------------------------------------------------------------


def test_worth_names_the_one_value_column() -> None:
    spec = ok_spec("insurance", "Insured vehicles with an alarm worth more than 1 500 000, daily")
    assert _conditions(spec.source.where) == {"has_alarm = true", "market_value > 1500000"}


def test_worth_with_no_comparison_is_asked() -> None:
    assert plan_in("insurance", "Insured vehicles worth 3000000, daily").status == "needs_clarification"


# --- "operating" of a flag whose comment is «работает» ----------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hotel", "Hotels that are still operating with 3 or more stars, weekly", "is_active = true AND stars >= 3"),
        ("fitness", "Clubs still operating, daily", "is_open = true"),
    ],
)  # fmt: skip
def test_operating_is_the_working_flag(catalog: str, text: str, where: str) -> None:
    assert _conditions(ok_spec(catalog, text).source.where) == _conditions(where)
