"""Issue 15 (sealed heldout 29b: its confident wrong plans).

- A window on an event's time said as a verb clause ("that got picked up in the last 24 hours", «которые
  откликнулись за …» beside «откликнувшиеся за …») read the event happening too (`picked_up_at IS NOT NULL`)
  beside the window on that column: a row inside the window has the time, so the test is dropped and the
  window alone is planned.
- «оплаченные онлайн», "paid online": a verb of paying before a means word with no case ending or
  preposition says how the rows were paid, as «оплаченные картой» / "paid by card" do (the means only, README:
  «оплаченные через СБП» names the means); the status 'paid' was added. Other verbs keep their state
  («отменённые онлайн» is cancelled and online).
- "of at least 5 000 t", «от 300 тонн»: a number with a unit of weight (t, т, tonnes) is compared with the
  column kept in that unit (volume_t 'Объём по договору, т'), never a rate per that unit (price_per_t 'Цена за
  тонну'), which the bare-number rule took as the rows' one money column.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 4c419d2, before the rules, run from a `git archive` copy): 11/15 failed (two
windows and their two exact tests, three of the four paid-online means, all four weight units; the window after
«курьер забрал», the invoices paid in the last 3 days, «наличными или онлайн» and «отменённые онлайн» passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a window on the event's time says the event happened ------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Deliveries that got picked up in the last 6 hours, hourly",
         "picked_up_at >= now() - interval '6 hours'"),
        ("food", "Доставки, которые курьер забрал за последние 12 часов, каждый час",
         "picked_up_at >= now() - interval '12 hours'"),
        ("hr", "Кандидаты, откликнувшиеся за последние 7 дней, ежедневно",
         "applied_at >= now() - interval '7 days'"),
        ("vet", "Invoices that got paid in the last 3 days, daily at 6",
         "paid_at >= now() - interval '3 days'"),
    ],
)  # fmt: skip
def test_event_window_without_its_not_null(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":  # planned: the window alone, never also `col IS NOT NULL`
        assert outcome.spec is not None
        assert "IS NOT NULL" not in (outcome.spec.source.where or ""), outcome.spec.source.where
        assert where in (outcome.spec.source.where or "")
    else:
        assert outcome.status == "needs_clarification"


def test_hr_participle_window_is_the_window_alone() -> None:
    spec = ok_spec("hr", "Кандидаты, откликнувшиеся за последние 7 дней, ежедневно")
    assert spec.source.where == "applied_at >= now() - interval '7 days'"


def test_english_clause_window_is_the_window_alone() -> None:
    spec = ok_spec("food", "Deliveries that got picked up in the last 6 hours, hourly")
    assert spec.source.where == "picked_up_at >= now() - interval '6 hours'"


# --- «оплаченные онлайн», "paid online": the means only ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("vet", "Счета, оплаченные онлайн, ежедневно", "payment_method = 'online'"),
        ("vet", "Счета, оплаченные наличными или онлайн, каждый час",
         "payment_method IN ('cash', 'online')"),
        ("vet", "Invoices paid online, daily at 7", "payment_method = 'online'"),
        ("vet", "Invoices paid online or in cash, hourly", "payment_method IN ('online', 'cash')"),
    ],
)  # fmt: skip
def test_paid_by_an_uncased_means_is_the_means(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_another_verb_keeps_its_state_beside_the_means() -> None:
    where = ok_spec("vet", "Счета, отменённые онлайн, ежедневно").source.where or ""
    assert "status = 'cancelled'" in where


# --- a weight unit compares the column kept in it, not a rate per it --------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("agro", "Contracts of at least 2 000 t, daily", "volume_t >= 2000"),
        ("agro", "Contracts for more than 800 tonnes, daily at 5", "volume_t > 800"),
        ("agro", "Договоры больше 300 тонн, ежедневно", "volume_t > 300"),
        ("agro", "Договоры от 1 500 т — каждый час", "volume_t >= 1500"),
    ],
)  # fmt: skip
def test_weight_unit_is_the_measured_column(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
