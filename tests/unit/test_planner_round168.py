"""Issue 15 (heldout 29a: CDC with a row condition, states said as verb clauses).

- A CDC stream with a compared amount ("via CDC where the amount is at least 3000", «через CDC, где сумма
  больше 100 000»): a change stream without a frequency runs every minute (README), but any number in the
  request counted as a word about time, so the schedule was asked. A number after a comparison word ("over",
  "at least", «больше», «дороже»), its digit groups too ("2,000", «100 000»), is a row condition's amount, no
  time; one with a time word after it ("over 2 hours") still counts.
- "only those over 2,000", "the ones over 3000", «только те, что больше 5000»: the rows named again by a
  pronoun are compared by their one money column, as "orders over 500" is (it was asked).
- «кроме первых визитов» of is_first_visit 'Первый визит': the exception word turns the adjective's state
  around, as «не»/«без» do. It was planned `is_first_visit = true` (confident wrong: the rows left out).
- «где клиент не пришёл или отменил»: «не пришёл» is one state (no_show, the noun «неявка»), so its «не»
  does not spread over «или отменил» (it was read `status <> 'cancelled'` and asked).
- "faulted or out of service": a listed code (out_of_service) said in words after "or" is the list's second
  value (its first word "out" was asked as an unlisted value).
- «заказы в пути» of 'Статус заказа (…, cooking, ready, delivering, delivered, …)': «путь» means transit
  (in_transit) and delivering; a code that is one of the meanings as written wins over one sharing a stem
  ('delivered'), so «в пути» of a shipment is still in_transit.
- «которые выставлены, но ещё не оплачены (issued)»: one bracket glosses both predicates of the clause joined
  by «, но», so the first («которые выставлены») is read with it (it was asked); «которые ещё не оплачены
  (issued)» is `status = 'issued'` alone: the bracket explains `paid_at IS NULL`, read from the same words
  (README: a bracketed listed value says the value).
- «фильмы ужасов»: the genitive's lemma «ужас» means horror, as «ужасы» did; «Читателей-пенсионеров и
  студентов»: the words joined after a compound of the rows' noun and a value («читатели-пенсионеры») that
  each say one more value of its column are that list (`category IN ('pensioner', 'student')`; «студентов»
  was asked).

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 3823ae9, before the rules, run from a `git archive` copy): 22/39 failed (the five CDC streams
with an amount, the four rows named again, both «кроме»/«за исключением» first visits, both «не пришёл/не явился
или отменил», the occupied-or-out-of-service list, both «в пути» orders, both carshare fines glossed (issued),
both «ужасов»/«ужасы» films and both «читателей-X и студентов»; the shipments in transit, the CDC time words,
«только первые визиты», the English "except", the plain negated list, the utility charges glossed (issued), both
never-negated brackets, «студентов или детей», the univ titles, the unlisted assistant and the librarians
already passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a CDC stream with a compared amount runs every minute ------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Orders via CDC where the total is over 5000", "total > 5000"),
        ("fitness", "Stream payments with CDC, amount at least 1,500", "amount >= 1500"),
        ("realty", "Платежи по аренде через CDC, только где сумма не меньше 50 000", "amount >= 50000"),
        ("food", "Заказы дороже 2 500 — реплицировать через CDC", "total > 2500"),
        ("vet", "Stream treatments that cost more than 10 000 through CDC", "cost > 10000"),
    ],
)  # fmt: skip
def test_cdc_with_an_amount_runs_every_minute(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.type, spec.schedule, spec.source.where) == ("cdc", "* * * * *", where)


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("fitness", "Payments via CDC, over 2 hours"),
        ("food", "Заказы через CDC больше 3 раз в день"),
        ("food", "Заказы через CDC в 5"),
    ],
)  # fmt: skip
def test_cdc_with_a_time_number_is_still_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification" or (
        outcome.spec is not None and outcome.spec.schedule != "* * * * *"
    ), outcome.spec


# --- the rows named again by a pronoun, compared ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Orders every hour, only those over 4000", "total > 4000"),
        ("fitness", "Payments, just the ones above 2500, daily", "amount > 2500"),
        ("food", "Заказы, только те, что больше 1500, каждый час", "total > 1500"),
        ("cinema", "Bar orders paid in cash, only those under 300, daily",
         "payment_method = 'cash' AND total_amount < 300"),
    ],
)  # fmt: skip
def test_rows_named_again_are_compared_by_their_money(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «кроме» before a state adjective turns it around ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Записи на обслуживание, кроме первых визитов, каждый час", "is_first_visit = false"),
        ("Записи на обслуживание — за исключением первых визитов — ежедневно", "is_first_visit = false"),
        ("Записи на обслуживание, только первые визиты, ежедневно", "is_first_visit = true"),
    ],
)  # fmt: skip
def test_exception_word_turns_the_state_around(text: str, where: str) -> None:
    assert ok_spec("autoservice", text).source.where == where


def test_except_first_visits_is_never_planned_true() -> None:
    outcome = plan_in("autoservice", "Repair bookings except first visits, hourly")
    assert outcome.status != "ok" or outcome.spec.source.where == "is_first_visit = false"  # type: ignore[union-attr]


# --- «не пришёл или отменил»: the «не» is the no-show's own ------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("vet", "Записи на приём, где владелец не пришёл или отменил, каждый час",
         "status IN ('no_show', 'cancelled')"),
        ("autoservice", "Записи, где клиент не явился или отменил, ежедневно в 22:00",
         "status IN ('no_show', 'cancelled')"),
    ],
)  # fmt: skip
def test_not_turning_up_or_another_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_plain_negated_list_still_spreads() -> None:
    where = ok_spec("vet", "Записи на приём, кроме отменённых и неявок, каждый час").source.where
    assert where == "status NOT IN ('cancelled', 'no_show')"


# --- a listed code said in words after "or" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("evcharge", "Charging connectors which are occupied or out of service, hourly",
         "status IN ('occupied', 'out_of_service')"),
        ("logistics", "Shipments that are created or in transit, every 15 minutes",
         "status IN ('created', 'in_transit')"),
    ],
)  # fmt: skip
def test_spelled_code_after_or(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «в пути» of a delivery status ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Заказы, которые сейчас в пути, каждые 10 минут", "status = 'delivering'"),
        ("food", "Заказы, которые ещё готовятся или уже в пути, ежечасно", "status IN ('cooking', 'delivering')"),
        ("pharmacy", "Поставки в пути каждый час", "status = 'in_transit'"),
        ("logistics", "Отправления, которые в пути, ежедневно в 6", "status = 'in_transit'"),
        # a code that is a meaning whole still wins over one holding it as a part (senior_librarian)
        ("library", "Библиотекарей, которые сейчас работают, каждый час", "role = 'librarian' AND is_active = true"),
    ],
)  # fmt: skip
def test_on_the_way(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- one bracket glossing a clause's two predicates joined by «но» ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("carshare", "Штрафы, которые выписаны, но пока не оплачены (issued), ежедневно"),
        ("carshare", "Штрафы, которые ещё не оплачены (issued), каждый час"),
        ("utility", "Начисления, которые ещё не оплачены (issued), ежедневно в 7"),
        ("utility", "Charges that were issued but aren't paid yet (issued), daily"),
    ],
)  # fmt: skip
def test_bracket_says_the_state_of_the_clause(catalog: str, text: str) -> None:
    assert ok_spec(catalog, text).source.where == "status = 'issued'"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("utility", "Начисления, которые выставлены, но ещё не оплачены (issued), ежедневно в 7"),
        ("construction", "Счета подрядчиков, которые выставлены, но пока не оплачены (issued), каждый час"),
    ],
)  # fmt: skip
def test_bracket_after_but_is_never_negated(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or outcome.spec.source.where == "status = 'issued'"  # type: ignore[union-attr]


# --- kind words naming listed values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("cinema", "Фильмы ужасов каждую ночь в 3", "genre = 'horror'"),
        ("cinema", "Ужасы и комедии с рейтингом 16+ каждую пятницу в 9",
         "genre IN ('horror', 'comedy') AND age_rating = '16+'"),
        ("library", "Читателей-студентов или детей по пятницам в 8", "category IN ('student', 'child')"),
        ("library", "Читателей-детей и студентов ежедневно в 7", "category IN ('child', 'student')"),
        ("library", "Читателей-взрослых и студентов по средам в 12", "category IN ('adult', 'student')"),
        ("univ", "Преподавателей-доцентов и профессоров ежедневно в 6",
         "academic_title IN ('доцент', 'профессор')"),
    ],
)  # fmt: skip
def test_kind_words_name_values(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_compound_list_with_an_unlisted_word_is_asked() -> None:
    assert plan_in("univ", "Преподаватели-доценты, профессора и ассистенты каждый час").status != "ok"
