"""Issue 15 (sealed heldout 29b: CDC with a condition, changed rows as a clause, refusals).

- A CDC stream runs every minute when no frequency is said (README), but a number in the request counted as a
  word about time. Now also no time: an amount after «от»/«до» that no clock hour can be (written in digit
  groups or over 24: «на сумму от 1 500»; «до 18», «с 10 до 18» still ask), and a length of time compared
  with «дольше»/«короче»/"longer than"/"shorter than" with its unit word («дольше 30 дней» of a days column).
- "records that have changed, append …", "that have been modified;": an English relative clause whose verb
  says the rows changed, closing its clause, is the changed-rows cue of the incremental rules (updated_at),
  not a state to ask about, when the table keeps an update time; without one ("that have been modified" of
  vet treatments) it is still asked, never loaded by another time column.
- "Empty the X table", "empty out the orders table", «опустоши таблицу …»: a delete of every row, refused as
  «очисти таблицу» is; the adjective ("skip empty phones") stays a condition word.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 4c419d2, before the rules, run from a `git archive` copy): 11/16 failed (the five CDC streams
with an amount or a duration, both changed-rows clauses, all four emptied tables; the two clock-hour CDC
streams, the named frequency, the vet treatments without updated_at and the adjective "empty" already passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a CDC stream whose only numbers are amounts or durations runs every minute --------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("fitness", "Платежи на сумму от 3 000 через CDC", "amount >= 3000"),
        ("cinema", "Билеты от 1 000 рублей через CDC", "price >= 1000"),
        ("fitness", "Заморозки короче 7 дней через CDC", "days < 7"),
        ("clinic", "Prescriptions longer than 10 days via CDC", "days > 10"),
        ("fitness", "Freezes longer than 14 days, stream them with CDC", "days > 14"),
    ],
)  # fmt: skip
def test_cdc_with_an_amount_or_a_duration_runs_every_minute(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.type, spec.schedule, spec.source.where) == ("cdc", "* * * * *", where)


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("cinema", "Билеты до 10 через CDC"),  # «до 10»: may be a clock hour
        ("food", "Курьеры с 10 до 18 через CDC"),
    ],
)  # fmt: skip
def test_cdc_with_a_clock_hour_is_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_cdc_with_a_named_frequency_keeps_it() -> None:
    spec = ok_spec("clinic", "Назначения дольше 14 дней — через CDC каждые 5 минут")
    assert (spec.schedule, spec.source.where) == ("*/5 * * * *", "days > 14")


# --- "records that have changed": the changed-rows cue ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("agro", "Shift records that have been modified, append hourly"),
        ("food", "Orders that have changed, append every 10 minutes"),
    ],
)  # fmt: skip
def test_changed_rows_clause_appends_by_update_time(catalog: str, text: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.incremental.column if spec.source.incremental else None) == "updated_at"
    assert spec.source.where is None


def test_changed_rows_clause_without_an_update_time_is_asked() -> None:
    # care.treatments keeps no updated_at: never appended by performed_at
    assert plan_in("vet", "Treatments that have been modified; append every 15 minutes").status != "ok"


# --- "empty the table": refused ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hr", "Empty the candidates table"),
        ("food", "Please empty out the orders table"),
        ("food", "Опустоши таблицу смен кухни"),
        ("hr", "Опустошить таблицу кандидатов"),
    ],
)  # fmt: skip
def test_emptying_a_table_is_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "rejected"


def test_empty_as_an_adjective_is_no_refusal() -> None:
    assert plan_in("food", "Load couriers daily, skip empty phones").status != "rejected"
