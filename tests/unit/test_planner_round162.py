"""Issue 15 (row states said in a clause the rules did not close, asked although one reading is clear).

- "inspections that failed in the last 10 days by inspected_on": an English past verb that is a value a text
  column lists, followed by a rolling window or a day word, closes its clause as a comma does; the verb is the
  state and the window is read by the window rule (it was asked: "that failed" then "in" looked like a verb
  with a place after it). "that failed twice" is still no closed clause.
- «книги, которые студенты ещё не вернули»: a nominative noun between «которые» (the object) and the verb is
  the clause's subject, who acted. A verb naming the event of one time column (returned_at 'Когда книгу
  вернули') holds whoever acted -> `returned_at IS NULL` (it was asked). A state value said with its agent
  («табели, которые прораб утвердил», «карты, которые клиенты заблокировали»: by whom?) stays asked, quoting
  the clause, as planner130 decided; «которые прораб утвердил» loaded every row before (a confident plan
  with the clause dropped).
- «события покупок (purchase)»: a Russian word glossed by a Latin code in brackets that means the same
  (покупка = purchase) names that code, a value of the column the table noun before it names (event_type),
  and no second table (the glossary's purchase = orders had the table asked).
- «счётчики горячей воды» of 'Ресурс (electricity, cold_water, hot_water, gas)': «горячей» names one code by
  its first part, «воды» both water codes (VALUE_MEANINGS: горячий, холодный, вода); «счётчики воды» alone
  stays asked.
- «просроченные или частично оплаченные (partially_paid)»: an «или» list whose last item is a phrase glossed
  by a value of the same column in brackets -> `status IN ('overdue', 'partially_paid')` (the adverb
  «частично» was asked as an unlisted value; the bracket then replaced the list by its own value).

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 7c53bd5, before the rules, run from a `git archive` copy): 16/24 failed (both inspections with
a window after "failed"/"passed", the three loans with a subject noun, the three agent clauses of a state
value (two loaded every row or read nothing; now asked), both glossed events, the three hot/cold water
meters, the three glossed «или» lists; the fitness and evcharge status columns, "failed twice", "failed the
fire check", the not-yet approval, «счётчики воды», «события покупок» without a code and the unglossed
«частично оплаченные» already passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- an English past verb, then a window: the clause is closed ----------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("construction", "Inspections that failed during the last 10 days by inspected_on, hourly",
         "result = 'failed' AND inspected_on >= now() - interval '10 days'"),
        ("construction", "Inspections that passed in the last 7 days by inspected_on, hourly",
         "result = 'passed' AND inspected_on >= now() - interval '7 days'"),
        ("fitness", "Memberships that expired over the last 30 days by updated_at, daily",
         "status = 'expired' AND updated_at >= now() - interval '30 days'"),
        ("evcharge", "Charging sessions that failed in the last 24 hours by started_at, hourly",
         "status = 'failed' AND started_at >= now() - interval '24 hours'"),
    ],
)  # fmt: skip
def test_english_past_state_then_window(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("construction", "Inspections that failed twice, hourly"),
        ("construction", "Inspections that failed the fire check in the last 7 days, hourly"),
    ],
)  # fmt: skip
def test_english_past_verb_with_more_words_is_not_a_bare_state(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":  # read whole or asked; never the state alone with the rest dropped
        assert outcome.spec is not None and outcome.spec.source.where != "result = 'failed'"


# --- a subject noun between «которые» and the verb ----------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("univ", "Книги, которые читатели ещё не вернули, каждый день в 18:00", "returned_at IS NULL"),
        ("univ", "Выдачи книг, которые студенты уже вернули, ежедневно", "returned_at IS NOT NULL"),
        ("univ", "Выдачи книг, которые читатели не вернули, по понедельникам в 7", "returned_at IS NULL"),
    ],
)  # fmt: skip
def test_subject_noun_inside_a_russian_clause(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("construction", "Табели, которые прораб утвердил, каждый час", "которые прораб утвердил"),
        ("construction", "Табели, которые мастер отклонил, каждый час", "которые мастер отклонил"),
        ("bank", "Транзакции, которые банк отклонил, каждый час", "которые банк отклонил"),
    ],
)  # fmt: skip
def test_subject_noun_before_a_state_value_is_asked(catalog: str, text: str, quoted: str) -> None:
    """Approved by the foreman, or by anyone? A state value said with who acted stays asked (planner130),
    quoting the clause; before, «которые прораб утвердил» loaded every row."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert quoted in " ".join(outcome.questions)


def test_subject_noun_never_drops_the_clause() -> None:
    """«которые прораб ещё не утвердил»: not approved is several states; asked or read, never every row."""
    outcome = plan_in("construction", "Табели, которые прораб ещё не утвердил, каждый час")
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.where


# --- a Russian word glossed by its code in brackets -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "kind"),
    [
        ("События покупок (purchase) через CDC каждые 5 минут", "event_type = 'purchase'", "cdc"),
        ("События покупки (purchase) раз в час", "event_type = 'purchase'", "sql"),
    ],
)  # fmt: skip
def test_russian_word_glossed_by_its_code(text: str, where: str, kind: str) -> None:
    spec = ok_spec("shop", text)
    assert (spec.source.table, spec.source.where, spec.source.type) == ("events", where, kind)


def test_russian_word_without_its_code_still_asks_the_table() -> None:
    """«события покупок» with no code: events of purchases, or the orders? Still asked."""
    assert plan_in("shop", "События покупок каждые 5 минут").status == "needs_clarification"


# --- an adjective naming one part of a listed two-part code -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Счётчики холодной воды, раз в сутки", "resource = 'cold_water'"),
        ("Умные счётчики холодной воды ежедневно", "is_smart = true AND resource = 'cold_water'"),
        ("Счётчики горячей воды, которые умные, ежедневно", "resource = 'hot_water' AND is_smart = true"),
    ],
)  # fmt: skip
def test_adjective_and_noun_of_a_two_part_code(text: str, where: str) -> None:
    spec = ok_spec("utility", text)
    assert (spec.source.table, spec.source.where) == ("metering.meters", where)


def test_water_alone_names_two_codes_and_is_asked() -> None:
    assert plan_in("utility", "Счётчики воды ежедневно").status == "needs_clarification"


# --- an «или» list whose last item is a phrase glossed by its code in brackets ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("construction", "Счета подрядчиков, отменённые или частично оплаченные (partially_paid) — ежедневно",
         "status IN ('cancelled', 'partially_paid')"),
        ("bank", "Транзакции, отклонённые или возвращённые обратно (reversed), каждый час",
         "status IN ('declined', 'reversed')"),
        ("fitness", "Абонементы, истёкшие или временно замороженные (frozen), ежедневно",
         "status IN ('expired', 'frozen')"),
    ],
)  # fmt: skip
def test_or_list_ending_in_a_glossed_phrase(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_or_list_with_an_unglossed_adverb_is_asked() -> None:
    """«частично оплаченные» with no code: partially_paid, or paid? Still asked, never one of them alone."""
    text = "Счета подрядчиков, просроченные или частично оплаченные — ежедневно"
    assert plan_in("construction", text).status == "needs_clarification"
