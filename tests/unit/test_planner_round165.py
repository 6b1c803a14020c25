"""Issue 15 (session 30 fixers' leftovers: conditions dropped or misread with status ok, no eval batch holds them).

- «не по карте», «не картой»: «не» right before «по» and a means a column lists (or before the means in the
  instrumental) turns the one value around (`payment_method <> 'card'`); the condition was dropped and every
  row loaded, as «через» already read it (planner89).
- «по карте, нет, по СБП», "by card, no, by sbp": «нет»/"no" set off by commas between two values of one
  column is a correction, not a negation: the later value is read (the assumed correction is noted); «по СБП»
  after «нет,» was left to the negation rules, none read it, and the earlier card was kept.
- «которые истекли и отменены»: two states of one column joined by «и» in a relative clause cannot both hold
  (a row has one status); asked which, as the English "that expired and were cancelled" is (the first
  verb was dropped and only the last state read).
- «Собаки после кастрации»: «после»/"after" and a noun no rule reads says which rows; asked (the words were
  dropped, every dog loaded).
- «Карты, которые заблокированы (blocked), или фиолетовые», "Callbacks scheduled or missed": an item after
  «или»/«либо»/"or" that no rule, column, value or table reads, beside a first item that was read, is asked,
  never dropped (the second item was dropped; "missed" left every callback loaded).
- "Station faults", "Connector faults": an English word right after the table's own noun whose stem is a part of
  another table's name (ops.fault_tickets) and that no rule reads is the phrase's head; asked (stations and
  connectors were planned with every row).
- «Тикеты с приоритетом высокий и выше», "Agents senior and higher": «и выше»/"and higher" after a value that is no
  number bounds an order of coded levels the catalog does not state; asked (`priority = 3` alone was planned).
- «Кредиты, которые передали коллекторам»: a Russian relative clause set off by a comma whose verb has a word
  after it, in which no rule read anything, is asked even with no WHERE beside it (it was dropped, every loan
  loaded; «которые ушли к коллекторам» was asked already).

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at d614ff9, before the rules): 18/26 failed (all four «не по X», both «не картой», three of the
four corrections (the English one passed by asking) and the pharmacy one meant to be read, two of the three «и»
states, the three «после» phrases, and three of the five unread «или»/"or" items; the read lists and «после
стерилизации» passed). The head-noun tests were added after that commit, first pass at d614ff9 (`git archive`
copy): 3/6 failed (all three asked ones; the three that plan passed); the verb-clause tests, added last: 3/4
failed at d614ff9 (the three asked ones); the order-bound tests, added last: 2/4 failed at d614ff9 (the Russian
«высокий и выше» and "senior and higher"; «старший смены и выше» asked already).
"""

from __future__ import annotations

import pytest

from tests.planned import plan_in


def _where_if_ok(catalog: str, text: str) -> str | None:
    """The WHERE of a confident plan (empty when it has none), or None when the planner asked."""
    outcome = plan_in(catalog, text)
    if outcome.status != "ok":
        assert outcome.status == "needs_clarification", (text, outcome.status, outcome.questions)
        return None
    return outcome.spec.source.where or ""  # type: ignore[union-attr]


# --- «не по X»: a negated means -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "column", "value"),
    [
        ("hotel", "Платежи гостей не по карте, каждый день в кликхаус", "method", "card"),
        ("pharmacy", "Чеки не по СБП, ежечасно в кликхаус", "payment_method", "sbp"),
        ("fitness", "Платежи не по карте каждую ночь в кликхаус", "method", "card"),
        ("evcharge", "Платежи за зарядку не по СБП, ежедневно в кликхаус", "method", "sbp"),
    ],
)
def test_negated_means_after_po_is_read(catalog: str, text: str, column: str, value: str) -> None:
    where = _where_if_ok(catalog, text)
    assert where in (f"{column} <> '{value}'", f"{column} IS DISTINCT FROM '{value}'"), (text, where)


@pytest.mark.parametrize(
    ("catalog", "text", "value"),
    [
        ("insurance", "Взносы не картой, ежедневно в кликхаус", "card"),
        ("cinema", "Заказы бара не картой, ежедневно в кликхаус", "card"),
    ],
)
def test_negated_instrumental_means_is_never_dropped(catalog: str, text: str, value: str) -> None:
    where = _where_if_ok(catalog, text)
    assert where is None or f"'{value}'" in where and "=" not in where.replace("<>", ""), (text, where)


# --- «X, нет, Y»: a corrected value ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "kept", "retracted"),
    [
        ("fitness", "Платежи по карте, нет, по СБП, ежедневно в кликхаус", "sbp", "card"),
        ("hotel", "Платежи по СБП, нет, по карте, каждый день в кликхаус", "card", "sbp"),
        ("telecom", "Платежи абонентов по карте, а нет, по СБП, ежедневно в кликхаус", "sbp", "card"),
        ("carshare", "Payments by card, no, by sbp, daily to clickhouse", "sbp", "card"),
    ],
)
def test_corrected_means_keeps_the_later_value(catalog: str, text: str, kept: str, retracted: str) -> None:
    where = _where_if_ok(catalog, text)
    assert where is None or f"= '{kept}'" in where and f"'{retracted}'" not in where, (text, where)
    assert where is None or "<>" not in where and "DISTINCT" not in where, (text, where)


def test_corrected_means_is_read_not_asked() -> None:
    assert (
        _where_if_ok("pharmacy", "Чеки по карте, нет, по СБП, ежедневно в кликхаус")
        == "payment_method = 'sbp'"
    )


# --- «которые X и Y»: two states of one column ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "values"),
    [
        ("insurance", "Полисы, которые отменены и истекли, ежедневно в кликхаус", ("expired", "cancelled")),
        ("carshare", "Штрафы, которые оплачены и оспорены, ежедневно в кликхаус", ("paid", "disputed")),
        ("bank", "Карты, которые истекли и заблокированы, ежедневно в кликхаус", ("expired", "blocked")),
    ],
)
def test_two_exclusive_states_joined_by_i_are_asked_or_both(
    catalog: str, text: str, values: tuple[str, ...]
) -> None:
    where = _where_if_ok(catalog, text)
    assert where is None or all(f"'{v}'" in where for v in values), (text, where)


# --- «после X»: an event the rows went through ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("vet", "Кошки после кастрации, ежедневно в кликхаус"),
        ("vet", "Питомцы после операции, каждый день в кликхаус"),
        ("carshare", "Машины после ремонта, ежедневно в кликхаус"),
    ],
)
def test_unread_after_phrase_is_asked(catalog: str, text: str) -> None:
    where = _where_if_ok(catalog, text)
    assert where is None or " AND " in where or "IS NOT NULL" in where or "true" in where, (text, where)


def test_after_a_read_flag_event_still_plans() -> None:
    assert _where_if_ok("vet", "Собаки после стерилизации, ежедневно в кликхаус") == (
        "species = 'dog' AND is_sterilized = true"
    )


# --- an unread item after «или»/"or" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "read"),
    [
        ("bank", "Карты, которые истекли (expired), или зелёные, ежедневно в кликхаус", "expired"),
        ("carshare", "Штрафы, которые оспорены (disputed), либо мятые, ежедневно в кликхаус", "disputed"),
        ("bank", "Cards that are blocked, or purple ones, daily to clickhouse", "blocked"),
        ("helpdesk", "Callbacks cancelled or forgotten, daily to clickhouse", "4"),
        ("helpdesk", "Callbacks scheduled or missed, every hour to clickhouse", "1"),
    ],
)
def test_unread_item_after_or_is_asked(catalog: str, text: str, read: str) -> None:
    assert _where_if_ok(catalog, text) is None, text


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        (
            "bank",
            "Карты, которые заблокированы или истекли, ежедневно в кликхаус",
            "status IN ('blocked', 'expired')",
        ),
        (
            "insurance",
            "Полисы, которые истекли или отменены, ежедневно в кликхаус",
            "status IN ('expired', 'cancelled')",
        ),
        ("helpdesk", "Callbacks scheduled or cancelled, daily to clickhouse", "status IN (1, 4)"),
    ],
)
def test_read_or_lists_still_plan(catalog: str, text: str, where: str) -> None:
    assert _where_if_ok(catalog, text) == where


# --- "Station faults": a head noun naming another table ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("evcharge", "Connector faults, every hour to clickhouse"),
        ("evcharge", "Station tickets, daily to clickhouse"),
        ("evcharge", "Station faults, nightly to clickhouse"),
    ],
)
def test_head_noun_of_another_table_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":  # the table the head noun names, never its modifier's with every row
        assert outcome.spec.source.table == "ops.fault_tickets", (text, outcome.spec)  # type: ignore[union-attr]
    else:
        assert outcome.status == "needs_clarification", (text, outcome.questions)


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("helpdesk", "Agent shifts, daily to clickhouse", "support.shifts"),
        ("evcharge", "Faulted connectors, daily to clickhouse", "connectors"),
        ("bank", "Card transactions, daily to clickhouse", "core.transactions"),
    ],
)
def test_head_noun_naming_the_table_still_plans(catalog: str, text: str, table: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == table  # type: ignore[union-attr]


# --- «, которые <verb> <complement>» with no WHERE -------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "Кредиты, которые передали коллекторам, ежедневно в кликхаус"),
        ("library", "Книги, которые подарили спонсоры, каждый день в кликхаус"),
        ("carshare", "Машины, которые отогнали на мойку, ежедневно в кликхаус"),
    ],
)
def test_unread_verb_clause_without_where_is_asked(catalog: str, text: str) -> None:
    assert _where_if_ok(catalog, text) is None, text


def test_verb_clause_a_rule_reads_still_plans() -> None:
    assert _where_if_ok("insurance", "Полисы, которые истекли или отменены, ежедневно в кликхаус") == (
        "status IN ('expired', 'cancelled')"
    )


# --- «X и выше», "X and higher": an order of coded levels ---------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("helpdesk", "Тикеты с приоритетом высокий и выше, ежедневно в кликхаус"),
        ("helpdesk", "Agents senior and higher, daily to clickhouse"),
        ("helpdesk", "Агенты уровня старший смены и выше, ежедневно в кликхаус"),
    ],
)
def test_order_bound_after_a_level_is_asked(catalog: str, text: str) -> None:
    assert _where_if_ok(catalog, text) is None, text


def test_number_and_above_is_still_a_bound() -> None:
    assert _where_if_ok("evcharge", "Сессии с энергией 40 и выше, ежедневно в кликхаус") == "energy_kwh >= 40"
