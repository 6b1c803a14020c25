"""Issue 15: Russian row states said as verb clauses and participles, read by the verb's lemma.

- a verb the state lexicon did not hold («законсервировали», «забанили», «проданы»): the clause's past verb,
  short participle or passive is the listed value its lemma means (`status = 'conserved'`), or asked.
- a reflexive verb of a flag whose comment is the participle of the same verb («которые (не) орошаются» of
  is_irrigated 'Орошаемое поле'): the flag, negated by the «не» before it.
- a noun between the relative pronoun and its verb («по которым книгу вернули», «у которых аккаунт
  заблокирован»): the noun of the rows themselves (the table's or the state column's comment) is the
  clause's subject or object, and the verb still states the row's state.
- a verb of passing into a state and the state's noun («ушедшие в просрочку», «прошедшие госрегистрацию»):
  the listed value the noun means.
- a participle and its object naming a two-word listed value («ожидающие запчастей» -> 'waiting_parts').
- a participle phrase whose complement is a flag's noun («положенные в подарок по акции» of is_gift).
- the column's own adjective and noun before its value («карты, которые заблокировали, платёжной системы
  mir»): the column named, then its value, no second «платёжной системы» value to ask about.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 5ac3e5e, before the rules): 26/30 failed (every new verb, reflexive flag, noun-before-verb,
passing-into-a-state, two-word value, participle-with-flag-noun and column-name-before-value request, and
«ещё не опубликованы на сайте»; «которые ушли в архив», «перешли в спящий режим» were planned with no
condition; the two asked verbs, «опубликованы на сайте» and «не опубликованные на сайте»
already passed).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- a clause's verb whose lemma means a listed value -------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("agro", "Хозяйства, которые продали, апсертом по code ежедневно", "status = 'sold'"),
        ("agro", "Хозяйства, которые законсервировали, каждый час", "status = 'conserved'"),
        ("agro", "Хозяйства, которые не законсервированы, каждый час", "status <> 'conserved'"),
        ("construction", "Строительные площадки, которые законсервированы, ежедневно", "status = 'mothballed'"),
        ("fitness", "Члены клуба, которые забанены, каждый час", "status = 'banned'"),
        ("fitness", "Клиентов, которых забанили, выгружать ежедневно в 6 утра", "status = 'banned'"),
        ("realty", "Объявления, которые уже проданы, ежедневно", "status = 'sold'"),
        ("agro", "Хозяйства, которые проданы или законсервированы, ежедневно", "status IN ('sold', 'conserved')"),
    ],
)  # fmt: skip
def test_a_clause_verb_means_a_listed_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("bank", "Карты, которые забанили, каждый час", "забанили"),
        ("agro", "Хозяйства, которые обанкротились, ежедневно", "обанкротились"),
        # a verb of passing into a state whose noun no listed value means: asked, no longer every row loaded
        ("bank", "Кредиты, которые ушли в архив, ежедневно", "ушли в архив"),
        ("telecom", "Абоненты, которые перешли в спящий режим, каждый час", "перешли в спящий"),
    ],
)  # fmt: skip
def test_a_verb_meaning_no_listed_value_is_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert any(quoted in q for q in outcome.questions), outcome.questions


# --- a reflexive verb of a flag's participle -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("agro", "Поля, которые орошаются, раз в день", "is_irrigated = true"),
        ("agro", "Поля хозяйств, которые не орошаются, раз в день", "is_irrigated = false"),
        ("bank", "Вклады, которые пополняются, ежедневно", "is_replenishable = true"),
    ],
)  # fmt: skip
def test_a_reflexive_verb_states_its_participles_flag(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a noun of the rows between the pronoun and the verb ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("library", "Выдачи, по которым книгу потеряли, ежедневно", "status = 'lost'"),
        ("carshare", "Клиенты, у которых аккаунт заблокирован, каждый час", "status = 'blocked'"),
        ("library", "Читатели, у которых билет заблокирован, ежедневно", "status = 'blocked'"),
    ],
)  # fmt: skip
def test_a_noun_of_the_rows_before_the_clause_verb(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a verb of passing into a state and the state's noun ----------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("realty", "Платежи по аренде, ушедшие в просрочку, ежедневно", "status = 'overdue'"),
        ("utility", "Начисления, которые ушли в просрочку, каждый час", "status = 'overdue'"),
        ("realty", "Сделки, которые прошли госрегистрацию, апсертом по deal_no ежедневно", "status = 'registered'"),
    ],
)  # fmt: skip
def test_a_verb_of_passing_into_a_state_noun(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a participle and its object: a two-word listed value ---------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("autoservice", "Заказ-наряды, которые ждут запчастей, ежедневно", "status = 'waiting_parts'"),
        ("autoservice", "Наряды на ремонт, ожидающие запчасти, каждый час", "status = 'waiting_parts'"),
    ],
)  # fmt: skip
def test_a_participle_and_its_object_name_one_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- a participle phrase and a flag's noun; a flag's place complement ---------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Позиции заказов, добавленные в подарок, дозаливать по added_at каждые 15 минут", "is_gift = true"),
        ("hotel", "Отзывы гостей, которые ещё не опубликованы на сайте, каждый час", "is_public = false"),
        ("hotel", "Отзывы гостей, которые опубликованы на сайте, ежедневно", "is_public = true"),
        ("hotel", "Отзывы гостей, не опубликованные на сайте, ежедневно", "is_public = false"),
    ],
)  # fmt: skip
def test_a_flags_participle_with_its_complement(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- the column's own name in the genitive before its value -------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("bank", "Карты платёжной системы visa, ежедневно", "payment_system = 'visa'"),
        ("pharmacy", "Препараты лекарственной формы syrup, ежедневно", "dosage_form = 'syrup'"),
        ("bank", "Карты, которые заблокированы, платёжной системы mir, каждый час",
         "status = 'blocked' AND payment_system = 'mir'"),
    ],
)  # fmt: skip
def test_the_columns_own_name_before_its_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
