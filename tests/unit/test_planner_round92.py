"""Round 92: a compared number said with a colloquial or compound unit (issue 15, loads).

1. «кило» is the kilogram («отправления тяжелее двадцати кило»: weight_kg > 20), read only as the whole word:
   «киловатт», «километров» keep their own units.
2. A participle after the number and its unit that the measured column's comment spells ("40 kWh delivered"
   of 'Отпущено энергии, кВт·ч') is the measure's own word, not a condition left unread; a participle the
   comment does not spell ("kWh refunded") is still asked.
3. A Russian ordinal after «(не) ниже»/«(не) выше» is a rank compared as its number («с разрядом не ниже
   пятого»: grade >= 5, «на этаже выше третьего»: floor > 3); it was left unread and asked. One before a
   calendar word («выше пятого числа») is not read so.

Requests of my own over several catalogs, RU and EN.
First pass (at f13faa5, before the rules): 8 of 13 failed (the 5 that passed: «с багажом больше двадцати
кило», read by its noun already, «где отпущено больше 30 кВт·ч», and the three that must be asked).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

PLANNED = [
    ("logistics", "отправления легче трёх кило каждый час", "shipments", "weight_kg < 3"),
    ("logistics", "посылки тяжелее 15 кило ежедневно в 6 утра", "shipments", "weight_kg > 15"),
    ("logistics", "отправления не меньше пяти кило ежедневно", "shipments", "weight_kg >= 5"),
    ("airline", "билеты с багажом больше двадцати кило ежедневно", "sales.tickets", "baggage_kg > 20"),
    (
        "evcharge",
        "charging sessions with under 10 kWh delivered, every hour",
        "charging.sessions",
        "energy_kwh < 10",
    ),
    (
        "evcharge",
        "sessions with at least 25 kWh delivered daily at 2 am",
        "charging.sessions",
        "energy_kwh >= 25",
    ),
    (
        "evcharge",
        "сессии зарядки, где отпущено больше 30 кВт·ч, ежедневно",
        "charging.sessions",
        "energy_kwh > 30",
    ),
    ("hotel", "номера на этаже не ниже третьего ежедневно", "booking.rooms", "floor >= 3"),
    ("hotel", "номера с этажом выше пятого каждый час", "booking.rooms", "floor > 5"),
    ("hotel", "номера с этажом не выше второго ежедневно в 5", "booking.rooms", "floor <= 2"),
]

ASKED = [
    # a kWh figure with a participle no comment spells: the word is asked, not dropped
    ("evcharge", "charging sessions with more than 40 kWh refunded daily"),
    # «кило» where no column is kept in kilograms
    ("hotel", "брони тяжелее двадцати кило ежедневно"),
    # an ordinal bound with no column it ranks
    ("hotel", "брони ежедневно не ниже пятого"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PLANNED)
def test_compared_unit_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_unread_unit_word_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
