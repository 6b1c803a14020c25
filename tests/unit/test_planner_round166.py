"""Issue 15 (heldout 29a: negations and negated flags, planner166).

- «Клиентов, не внесённых в чёрный список»: a «не» before a participle whose complement is a flag's comment
  words negates the flag (flag_polarity.py), but the flag's own word «чёрный» was not recognised as a word of
  'В чёрном списке' (a five-letter stem cut into the ending: «черны»/«черном»), so the «не» was lost and the
  plan loaded exactly the rows the analyst excluded. Lemmas now agree too. «не попавшие в чёрный список»
  also read «не попадают» (a don't-load verb) as a scope turning the flag back: the negator read is marked.
- «кроме отменённых и оплаченных бонусами»: a participle of paying followed by a means another column lists
  («бонусами», «картой», «онлайн») says how (the README: «оплаченные через СБП» names the means only), and
  under «кроме» both list items are left out: `status <> 'cancelled' AND payment_method <> 'bonus'` (it was
  `status NOT IN ('cancelled', 'paid') AND payment_method = 'bonus'`).
- "that haven't been sold or rented yet": a negated English clause with an "or" list is neither state:
  `status NOT IN ('sold', 'rented')` (the second value was dropped). A Russian «не A или B» is asked (the
  «не» may cover A only).
- "payments that failed, card numbers masked": a segment before a mask list that says a value its column
  lists ("failed" of status) says which rows; the status column was masked too.
- «тарифы, которые ещё продаются» of is_archived 'Тариф в архиве (не продаётся)': the comment's negated
  bracket says the flag's opposite; its words were read as the flag itself (`is_archived = true`, inverted).
  Now `is_archived = false`, and «больше не продаются» `= true`.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 3823ae9, before the rules, run from a `git archive` copy): 15/22 failed (every «не внесённых /
занесённых» flag, the negated hotel flag beside a mask, the four «кроме … и оплаченных X» lists, two of the four
negated English "or" lists ("have not failed or been refunded", "aren't reserved or rented"), the three state
segments before a mask and the three negated brackets; «не попавшие в чёрный список» passed by two errors
cancelling, the Russian «не A или B» was already cut short or asked as the test allows). The second commit's
nine requests (working here, «автопарковые», «кроме X, с …», «только …, которых нет», «включают бассейн»),
written before its rules: 8/9 failed at 3823ae9 (only «Агенты, которые у нас больше не работают» passed, by
the comment 'Работает сейчас'); «Курьеров, которые у нас работают» was planned with no condition at all. The third commit's «раньше» /
"previously" requests: 3/4 failed at 3823ae9 («раньше работали», «раньше продавались» planned with no
condition, "previously worked here" asked; «раньше не работали» was asked already).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a «не» before a participle whose complement is the flag's words ---------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hotel", "Гостей, не внесённых в чёрный список, ежедневно в 6 утра", "is_blacklisted = false"),
        ("hotel", "Гостей, внесённых в чёрный список, ежедневно", "is_blacklisted = true"),
        ("autoservice", "Клиенты, не попавшие в чёрный список, каждую ночь в 2", "is_blacklisted = false"),
        ("autoservice", "Клиентов, не занесённых в черный список, каждый день", "is_blacklisted = false"),
        ("hotel", "Guests who were not put on the blacklist, daily", "is_blacklisted = false"),
    ],
)  # fmt: skip
def test_negated_participle_negates_the_flag(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_negated_participle_keeps_the_mask() -> None:
    spec = ok_spec("hotel", "Гостей, не занесённых в чёрный список, с телефоном скрытым, каждый час")
    assert spec.source.where == "is_blacklisted = false"


# --- a participle of means inside a «кроме» list ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("pharmacy", "Чеки, кроме возвращённых и оплаченных картой, каждый час",
         "status <> 'refunded' AND payment_method <> 'card'"),
        ("pharmacy", "Чеки — кроме отменённых и оплаченных наличными — каждые 15 минут",
         "status <> 'cancelled' AND payment_method <> 'cash'"),
        ("vet", "Счета, кроме отменённых и оплаченных онлайн, ежедневно",
         "status <> 'cancelled' AND payment_method <> 'online'"),
        ("carshare", "Платежи, кроме возвращённых и оплаченных бонусами, ежедневно в 9",
         "status <> 'refunded' AND method <> 'bonus'"),
    ],
)  # fmt: skip
def test_excepted_means_is_left_out(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_means_participle_alone_still_names_the_means() -> None:
    assert (
        ok_spec("pharmacy", "Чеки, оплаченные картой, каждый час").source.where == "payment_method = 'card'"
    )


# --- a negated English clause with an "or" list -------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("realty", "Rent payments that haven't been paid or refunded yet, daily",
         "status NOT IN ('paid', 'refunded')"),
        ("vet", "Invoices that haven't been paid or cancelled yet, every hour",
         "status NOT IN ('paid', 'cancelled')"),
        ("carshare", "Payments that have not failed or been refunded, hourly",
         "status NOT IN ('failed', 'refunded')"),
        ("realty", "Listings that aren't reserved or rented, every 2 hours",
         "status NOT IN ('reserved', 'rented')"),
    ],
)  # fmt: skip
def test_negated_or_list_is_neither(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_russian_negated_or_list_is_not_cut_short() -> None:
    outcome = plan_in("vet", "Счета, которые ещё не оплачены или отменены, ежедневно")
    if outcome.status == "ok":
        assert outcome.spec is not None
        assert outcome.spec.source.where in ("status NOT IN ('paid', 'cancelled')",), (
            outcome.spec.source.where
        )
    else:
        assert outcome.status == "needs_clarification"


# --- a state word before a mask list ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where", "mask"),
    [
        ("vet", "Invoices that got refunded, card numbers hashed, every day at 8", "status = 'refunded'",
         ["card_number"]),
        ("library", "Payments that were refunded, card numbers masked, hourly", "status = 'refunded'",
         ["card_number"]),
        ("vet", "Cancelled invoices, card numbers masked, daily", "status = 'cancelled'", ["card_number"]),
    ],
)  # fmt: skip
def test_state_segment_is_not_masked(catalog: str, text: str, where: str, mask: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    masked = [c for t in spec.to_json_dict()["transforms"] if t["type"] == "mask" for c in t["columns"]]
    assert masked == mask


# --- a comment's negated bracket says the flag's opposite ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("telecom", "Тарифы, которые ещё продаются, каждое воскресенье", "is_archived = false"),
        ("telecom", "Тарифы, которые уже не продаются, каждое воскресенье", "is_archived = true"),
        ("fitness", "Абонементные тарифы, которые продаются сейчас, ежедневно", "is_archived = false"),
    ],
)  # fmt: skip
def test_negated_bracket_is_the_opposite(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- the second commit: working here, a kind adjective, a «кроме» before a comma, «только» before a clause ----


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("logistics", "Курьеров, которые у нас работают, ежедневно в 7", "is_active = true"),
        ("realty", "Агенты, которые у нас больше не работают, ежемесячно", "is_active = false"),
        ("realty", "Agents who no longer work here, every Monday", "is_active = false"),
        ("logistics", "Couriers who are no longer with us, weekly", "is_active = false"),
        ("evcharge", "Автопарковые аккаунты, не удалённые, каждый час",
         "account_type = 'fleet' AND is_deleted = false"),
        ("logistics", "Посылки, кроме доставленных, с весом не меньше 5 кг, ежедневно",
         "status IS DISTINCT FROM 'delivered' AND weight_kg >= 5"),
        ("hotel", "Только гостей, которые не в чёрном списке, ежедневно", "is_blacklisted = false"),
        ("fitness", "Тарифы, которые не включают бассейн, ежемесячно", "includes_pool = false"),
        ("fitness", "Абонементные тарифы, которые включают бассейн, ежемесячно", "includes_pool = true"),
    ],
)  # fmt: skip
def test_second_commit_readings(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- «раньше», "previously": a state that held once, not now (the third commit) -----------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("logistics", "Курьеров, которые у нас раньше работали, ежедневно", "is_active = false"),
        ("realty", "Agents who previously worked here, monthly", "is_active = false"),
        ("telecom", "Тарифы, которые раньше продавались, по пятницам", "is_archived = true"),
    ],
)  # fmt: skip
def test_former_state_is_no_longer(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_former_negated_state_is_asked() -> None:
    assert (
        plan_in("logistics", "Курьеров, которые раньше не работали, ежедневно").status
        == "needs_clarification"
    )
