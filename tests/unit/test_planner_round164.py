"""Issue 15 (leftovers of the load batches 28a/28b).

- «просроченные или частично оплаченные (partially_paid)»: one rule read «оплаченные» alone as 'paid' where
  another read the same words as the longer value 'partially_paid', and the or-joined reading merged both
  (`status IN ('overdue', 'partially_paid', 'paid')`). A value whose words are a part of a longer value
  read at the same words is no item of its own; said at words of its own («оплаченные или частично
  оплаченные») it stays.
- "with more than 150 seats" (seats_total, seats_business), "with more than 50 000 due" (amount_due,
  due_date): the counted noun is a part of number columns' names; the one such number column, or of several
  the total one whose other qualifiers are unsaid. "with 3 or more attempts, via CDC": a number compared and
  followed by the noun it counts says nothing of when to run (the change stream's every minute).
- "Products in the books category under 30": a text column's noun before the comparison; the rows' own noun
  earlier in the clause is what is compared (its one money column).
- "that are major or critical and still open": the second state shares the clause's "are".
- "Agents who are still working" of is_active 'Агент работает'.
- «Оплаты, которые не прошли», "that didn't go through": failed, where the status lists it.
- «мойка или шины» ('Вид работ (washing, tires, …)'): «шина» is the tyre job.
- «Лиды из рекламы или от партнёров (ads, partner)»: one bracket glossing a list of «из/от» phrases on the
  table's one source column, one code per item.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at d614ff9, before the rules, run from a `git archive` copy): 24/32 failed (all but the English
"overdue or partially paid", the value said on its own, the business seats, the time after a number, the
unlisted "still working", the object of «не прошли» and the two brackets that gloss no list, which already
passed or asked). The two English "paid or partially paid" tests were added after the marts subset showed
mbc-en-08 losing 'paid' (they pass at d614ff9 too).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a value word inside a longer glossed value ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Счета подрядчиков, черновики или частично оплаченные (partially_paid), каждый час",
         "status IN ('draft', 'partially_paid')"),
        ("Счета подрядчиков, просроченные либо частично оплаченные (partially_paid), по понедельникам",
         "status IN ('overdue', 'partially_paid')"),
        ("Счета подрядчиков, просроченные или частично оплаченные (partially_paid), ежедневно в 6 утра",
         "status IN ('overdue', 'partially_paid')"),
        ("Contractor invoices that are overdue or partially paid (partially_paid), daily",
         "status IN ('overdue', 'partially_paid')"),
    ],
)  # fmt: skip
def test_value_inside_a_longer_value_is_not_read_again(text: str, where: str) -> None:
    assert ok_spec("construction", text).source.where == where


@pytest.mark.parametrize(
    "text",
    [
        "Счета подрядчиков, оплаченные или частично оплаченные (partially_paid), каждый час",
        "Contractor invoices, paid or partially paid, daily",
    ],
)
def test_value_said_on_its_own_stays(text: str) -> None:
    assert ok_spec("construction", text).source.where == "status IN ('paid', 'partially_paid')"


def test_value_said_on_its_own_stays_in_a_mart() -> None:
    """The list's reading at its first item («paid or partially paid» at "paid") is no reading of "paid" inside
    "partially paid" (found by the marts' subset: mbc-en-08 lost 'paid')."""
    text = "Contractor invoices by project city: total amount, monthly by creation time, paid or partially paid only"
    spec = ok_spec("construction", text)
    assert spec.source.mart is not None
    assert spec.source.mart.where == "status IN ('paid', 'partially_paid')"


# --- a number clause beside a state clause -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("airline", "Aircraft with over 200 seats, daily", "seats_total > 200"),
        ("airline", "Aircraft that are active, with fewer than 100 seats, every Monday at 9 am",
         "status = 'active' AND seats_total < 100"),
        ("bank", "Loan payments with over 10000 due, hourly", "amount_due > 10000"),
        ("bank", "Loan payments that were late with more than 20 000 due, every 4 hours",
         "is_late = true AND amount_due > 20000"),
        ("helpdesk", "Callbacks with 2 or more attempts via CDC", "attempts >= 2"),
    ],
)  # fmt: skip
def test_counted_noun_part_of_a_column_name(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_qualifier_said_is_not_the_total() -> None:
    assert ok_spec("airline", "Aircraft with more than 20 business seats, daily").source.where == (
        "seats_business > 20"
    )


def test_compared_count_keeps_the_change_stream_schedule() -> None:
    spec = ok_spec("helpdesk", "Callbacks with more than 4 attempts, via CDC")
    assert (spec.source.type, spec.schedule) == ("cdc", "* * * * *")


def test_a_time_after_the_number_is_still_asked() -> None:
    assert plan_in("helpdesk", "Callbacks via CDC 3 times an hour").status == "needs_clarification"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Products in the electronics category over 500, daily", "category = 'electronics' AND price > 500"),
        ("Products in the books category under 15, hourly", "category = 'books' AND price < 15"),
    ],
)  # fmt: skip
def test_own_rows_compared_after_a_kind_phrase(text: str, where: str) -> None:
    assert ok_spec("shop", text).source.where == where


# --- two states of one English clause ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Defects that are minor and still open, hourly", "severity = 'minor' AND status = 'open'"),
        ("Defects that are critical and open, every 3 hours", "severity = 'critical' AND status = 'open'"),
    ],
)  # fmt: skip
def test_second_state_shares_the_copula(text: str, where: str) -> None:
    assert ok_spec("construction", text).source.where == where


@pytest.mark.parametrize(
    "text",
    [
        "Agents who are still working, daily",
        "Agents that still work, every 2 hours",
        "Agents with a commission under 5 percent who are still working, weekly",
    ],
)
def test_still_working_is_the_active_flag(text: str) -> None:
    assert "is_active = true" in (ok_spec("insurance", text).source.where or "")


def test_still_working_without_such_a_flag_is_asked() -> None:
    assert plan_in("hr", "Employees who are still working, daily").status == "needs_clarification"


# --- a payment that did not go through -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hotel", "Оплаты гостей, которые так и не прошли, ежедневно"),
        ("hotel", "Guest payments that didn't go through, hourly"),
        ("fitness", "Платежи, которые не прошли, каждый час"),
    ],
)
def test_payment_that_did_not_go_through_failed(catalog: str, text: str) -> None:
    assert ok_spec(catalog, text).source.where.endswith("status = 'failed'")  # type: ignore[union-attr]


def test_not_passing_an_object_is_asked() -> None:
    assert plan_in("hotel", "Оплаты гостей, которые не прошли проверку, ежедневно").status == (
        "needs_clarification"
    )


# --- kinds of work, a dashed aside ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Заявки на обслуживание — шины — каждый час", "job_type = 'tires'"),
        ("Заявки на шины или мойку, ежедневно", "job_type IN ('tires', 'washing')"),
    ],
)  # fmt: skip
def test_tyre_jobs(text: str, where: str) -> None:
    assert ok_spec("carshare", text).source.where == where


# --- one bracket glossing a list of «из/от» phrases ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Лиды из рекламы, от партнёров или из поиска (ads, partner, search) ежедневно",
         "source IN ('ads', 'partner', 'search')"),
        ("Лиды от партнёров (partner) каждый час", "source = 'partner'"),
        ("Leads from ads or partners (ads, partner) every 3 hours", "source IN ('ads', 'partner')"),
    ],
)  # fmt: skip
def test_bracket_glosses_the_from_list(text: str, where: str) -> None:
    assert ok_spec("shop", text).source.where == where


@pytest.mark.parametrize(
    "text",
    [
        "Лиды из рекламы или от партнёров (ads) каждые 3 часа",  # two phrases, one code
        "Лиды из crm (ads, partner) каждые 3 часа",  # a schema, no source
    ],
)
def test_bracket_not_glossing_the_list_is_asked(text: str) -> None:
    assert plan_in("shop", text).status == "needs_clarification"
