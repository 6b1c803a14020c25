"""The words a flag or a table was read from are read (fixreg28b, after planner143 made eval z-ru-030 and
ac-ru-005 ask). planner143 asks about a prepositional phrase beside a WHERE that no condition starts in; but
«согласием на смс» is the phrase of sms_opt_in 'Согласие на SMS-рассылку' (the preposition and the word after
the flag's word go on as its comment does, «смс» spelling SMS by ear), and «заказы в баре» names sales.bar_orders
'Заказы в кинобаре' (a word of the named table's own name: its Latin name part by ear, or the tail of a
compound of its comment before the brackets). Those words are recorded as read (`Request.read_at`) or skipped
as the table's, so no question quotes them; a phrase going on otherwise («согласием на звонки») is still asked.

Requests of my own over the pharmacy, autoservice, food and carshare catalogs; none is an eval request.

First pass (at 2f0f058, before the rules): 5 of 7 failed (the flag's phrase asked, «на звонки» dropped, the
table's own words asked).
"""

from __future__ import annotations

import pytest

from tests.planned import plan_in


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # the flag's phrase: the preposition and word after the flag's word, as its comment goes on
        (
            "pharmacy",
            "Покупателей с балансом бонусов больше 500 и согласием на смс каждый день в 8",
            "sms_opt_in = true",
        ),
        ("autoservice", "Корпоративные клиенты с согласием на смс — ежечасно", "sms_opt_in = true"),
        ("food", "Гости с согласием на рассылки, каждое утро в 7", "marketing_opt_in = true"),
    ],
)
def test_a_flags_phrase_is_read_with_it(catalog: str, text: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", (text, outcome.questions)
    assert where in (outcome.spec.source.where or ""), (text, outcome.spec.source.where)  # type: ignore[union-attr]


def test_a_phrase_going_on_otherwise_is_asked() -> None:
    """«согласием на звонки» is no 'Согласие на SMS-рассылку': «на звонки» is not read with the flag."""
    outcome = plan_in("pharmacy", "Покупатели с согласием на звонки и балансом бонусов больше 100 каждый час")
    if outcome.status == "ok":
        assert "звон" in (outcome.spec.source.where or ""), outcome.spec.source.where  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        # a word of the named table's own name: «в баре» of bar_orders 'Заказы в кинобаре'
        ("cinema", "Заказы в баре, только отменённые, раз в час", "sales.bar_orders", "status = 'cancelled'"),
        ("carshare", "Машины в парке каждые полчаса", "fleet.cars", ""),
    ],
)
def test_the_tables_own_words_are_read(catalog: str, text: str, table: str, where: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", (text, outcome.questions)
    assert outcome.spec.source.table == table  # type: ignore[union-attr]
    assert where in (outcome.spec.source.where or "")  # type: ignore[union-attr]
