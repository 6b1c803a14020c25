"""Marts round 89: a verb of the rows' own event sets no flag.

«сколько позиций заказали по блюдам по дням» over food planned `where is_gift = true`: the rule that reads
"attended lessons" as the fact's one yes/no column (`present = true`, 'Посещаемость занятий') matched
«заказали» against «заказов» of 'Позиции заказов (состав заказа)'. Every order item was ordered: that word
is what the rows belong to, not an event some rows had, and 'Подарок по акции' names a kind of row, no event
that happened to it. Now the verb must match the word naming what each row is (the last part of the table's
name, the first noun of each part of its comment), and the flag must say an event (its comment a verb or a
short participle: 'Присутствовал на занятии'); «заказали», «записали» of vet appointments ('Экстренный
приём') add no filter. A real flag word still filters.

First pass (before the fix): 3 failed, 9 passed.
"""

from __future__ import annotations

import pytest

from tests.planned import plan_in


def _where(catalog: str, text: str) -> str | None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "ok", outcome.questions
    return outcome.spec.source.mart.where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("food", "сколько позиций заказали по блюдам по дням"),
        ("food", "сколько позиций заказали по блюдам по месяцам"),
        ("vet", "сколько записей записали по дням"),
        ("food", "сколько позиций продали по блюдам по дням"),
        ("food", "ordered items count by menu item by day"),
        ("food", "how many items were ordered per menu item per day"),
        ("pharmacy", "сколько позиций продали по препаратам по дням"),
        ("pharmacy", "how many lines were sold per drug per day"),
    ],
)
def test_a_verb_of_the_rows_own_event_adds_no_filter(catalog, text):
    assert _where(catalog, text) is None


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "сколько подарочных позиций заказали по блюдам по дням", "is_gift = true"),
        ("pharmacy", "сколько позиций продали по акции по препаратам по дням", "is_promo = true"),
        ("univ", "сколько занятий посетили по курсам", "present = true"),
        ("univ", "how many lessons were attended per course", "present = true"),
    ],
)
def test_a_real_flag_word_still_filters(catalog, text, where):
    assert _where(catalog, text) == where
