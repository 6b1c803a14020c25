"""Issue 15 (heldout 29b: exception lists and dashed asides, states said as verb clauses).

- «кроме закрытых (done) и отменённых»: the exception word reaches the list's second item past a bracket that
  glosses the first (it was asked «status <> 'done'» or «status = 'cancelled'»).
- «кроме занятых и тех, что на обслуживании»: an item said as «тех, что на/в …» is one more item of the
  exception's list (and alone, «кроме тех, что на обслуживании», the rows left out).
- «которые забронированы»: the booked state ('booked', or 'reserved' where a status lists that), read as
  «зарезервированы» is; «которые забронированы, но ещё не выданы (reserved)»: the «не» negates the words the
  bracket glosses, not its value, so the rival `status <> 'reserved'` is dropped (it was asked).
- «кроме закрытых» of is_open 'Кинотеатр работает': a closed place is one not open, `is_open = true`
  (flags.OPPOSITE_STATES); «закрытые кинотеатры» `is_open = false` (both asked).
- Left asked (a question, never a wrong plan): «заказы в зале» (dine_in), the English "except closed (done)
  and cancelled", «кроме выведенных из эксплуатации и тех, что …».

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (before the rules): 12/13 failed (all but the English dine-in orders; «Машины, которые
забронированы» and the construction's booked machines passed once the lexicon had «забронировать»).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, where_or_asked

# --- the exception word reaches past a bracketed gloss of the first item -----------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("carshare", "Поездки, кроме завершённых (finished) и отменённых, каждые 10 минут",
         "status NOT IN ('finished', 'cancelled')"),
        ("cinema", "Билеты — кроме возвращённых (refunded) и использованных — каждый час",
         "status NOT IN ('refunded', 'used')"),
    ],
)  # fmt: skip
def test_exception_reaches_past_a_gloss(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «и тех, что на …» is one more item of the exception's list --------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hotel", "Номера — кроме занятых и тех, что на обслуживании — каждый час",
         "status NOT IN ('occupied', 'maintenance')"),
        ("airline", "Борты, кроме тех, что на обслуживании, каждый день в 5 утра",
         "status <> 'maintenance'"),
    ],
)  # fmt: skip
def test_those_on_an_exception_list(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «забронированы» is the booked state --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("autoservice", "Записи service.appointments, которые забронированы или подтверждены, каждые 10 минут",
         "status IN ('booked', 'confirmed')"),
        ("carshare", "Машины, которые забронированы, каждые 5 минут", "status = 'reserved'"),
        ("realty", "Объявления, которые забронированы, каждый час", "status = 'reserved'"),
        ("construction", "Забронированную технику каждый день в 6 утра", "status = 'booked'"),
        # added after the first pass: the «не» of a second predicate a bracket glosses negates no value (the
        # cinema's asked at 22b2d00, «оплачены» being a value word of the same status; the other two passed)
        ("cinema", "Билеты, которые зарезервированы, но пока не оплачены (reserved), ежечасно",
         "status = 'reserved'"),
        ("carshare", "Машины, которые забронированы, но ещё не выданы (reserved), каждые 5 минут",
         "status = 'reserved'"),
        ("realty", "Объявления, которые забронированы, но ещё не проданы (reserved), каждый час",
         "status = 'reserved'"),
    ],
)  # fmt: skip
def test_booked_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- an order's kind said in English (kept) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Dine-in orders every 20 minutes", "order_type = 'dine_in'"),
    ],
)  # fmt: skip
def test_orders_in_the_hall(text: str, where: str) -> None:
    assert ok_spec("food", text).source.where == where


# --- «закрытые» of an is_open flag is the flag false (added after the first pass; both asked at 45e1c57) -----


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Кинотеатры, кроме закрытых, каждый час", "is_open = true"),
        ("Закрытые кинотеатры каждый час", "is_open = false"),
    ],
)  # fmt: skip
def test_closed_of_an_open_flag(text: str, where: str) -> None:
    assert ok_spec("cinema", text).source.where == where


# --- not read yet, and never planned without the excepted state (asked instead) ----------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "needed"),
    [
        ("autoservice", "Work orders except closed (done) and cancelled ones, every hour",
         ("'done'", "'cancelled'")),
        ("evcharge", "Станции, кроме выведенных из эксплуатации и тех, что на обслуживании, ежедневно в 7:00",
         ("'decommissioned'", "'maintenance'")),
        ("food", "Заказы в зале по будням в 9 утра", ("'dine_in'",)),
        ("food", "Заказы на доставку и в зале каждые 20 минут", ("'delivery'", "'dine_in'")),
    ],
)  # fmt: skip
def test_asked_or_whole(catalog: str, text: str, needed: tuple[str, ...]) -> None:
    where_or_asked(catalog, text, needed)
