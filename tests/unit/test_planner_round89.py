"""Round 89: row filters said by adjectives, prepositional phrases and comparisons with numbers (digits or
words) on a type, category, flag or numeric column (issue 15, loads).

1. A listed value said by a Russian adjective or noun the comment lists in English is read by its meaning
   («с высоким приоритетом» of 'Приоритет (low, normal, high)': high; «в форме сиропа» of 'Лекарственная
   форма (tablets, syrup, ...)': syrup; «по рекомендации» of '(website, referral, ...)': referral); a form no
   listed value means («в форме порошка») is asked, quoting it. An adjective agreeing with the noun after
   it («поддержку важного оператора») is no value of the text column before it (it was operator_name =
   'важного').
2. A flag said by an adjective fused with «без»/«бес» is the flag not holding («безрецептурные препараты»:
   is_prescription = false), as «не»/«без рецепта» already were.
3. A count said with «от»/«до» or with «и выше»/"or more" after the noun is a bound («отели от трёх звёзд»:
   stars >= 3, «с тремя звёздами и выше» >= 3, "with four stars or more" >= 4; «до двух звёзд» <= 2): before,
   «от N звёзд» was dropped and «с N звёздами и выше» read as `= N`. A noun no numeric column counts
   («от 4 этажей») is still asked.
4. «нуля» is the number 0 («предоплата больше нуля»); a counted noun that is no currency never names a
   money column («больше двух штук» of 'Цена за штуку' was unit_price > 2, now asked; «больше трёх
   упаковок» is quantity of 'Количество, упаковок', not 'Цена за упаковку').
5. A comparative misspelled by a dropped letter is read («длинее»: длиннее), not the noun one edit away.
6. A Russian participle before a date names the time column whose comment is its event («выданные после
   2024-01-01» of 'Дата выдачи': issued_on); one that names none («закрытые до ...» of 'Дата погашения') is
   still asked.
7. «не через ota», "not via ota": «не»/"not" right before the means preposition turns its one listed value
   around (channel IS DISTINCT FROM 'ota'); it was asked, and «не через сайт», "not via ota" were read as
   channel = 'website' / 'ota', the negation dropped (confident wrong). A bound refused («с суммой меньше 50
   не нужны») and its exact complement said as the rows to load («грузить ... от 50») are one condition
   (amount >= 50), no longer asked as two; bounds that are no complements still are.

Requests of my own over several catalogs, RU and EN.
First pass (at 5d4e5d7, before the rules): 20 of 28 failed (the five cases of 7., added after it: 4 of 5
failed); the 8 that passed are readings that must stay («рецептурные» true, «с пятью звёздами» = 5,
«звонки от 5 минут» on duration_sec) and questions that must stay asked (the unread noun after «от», the
date no participle names, the unlisted form, «тяжеле»).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

PLANNED = [
    ("hotel", "отели от трёх звёзд ежедневно в 4", "hotels", "stars >= 3"),
    ("hotel", "отели с тремя звёздами и выше каждый день в 5", "hotels", "stars >= 3"),
    ("hotel", "отели до двух звёзд ежедневно", "hotels", "stars <= 2"),
    ("hotel", "hotels with four stars or more daily", "hotels", "stars >= 4"),
    ("hotel", "hotels with two stars or fewer daily", "hotels", "stars <= 2"),
    ("hotel", "брони от двух взрослых ежедневно", "booking.reservations", "adults >= 2"),
    ("telecom", "платежи абонентов, где сумма больше нуля, ежедневно в 3", "billing.payments", "amount > 0"),
    ("carshare", "поездки, где пробег больше нуля, ежедневно", "rental.trips", "distance_km > 0"),
    ("pharmacy", "строки чеков, где меньше двух упаковок, каждый час", "sales.receipt_lines", "quantity < 2"),
    ("logistics", "маршрутные листы длинее двухсот км ежедневно", "routes", "distance_km > 200"),
    ("carshare", "поездки длинее 30 км ежедневно", "rental.trips", "distance_km > 30"),
    ("evcharge", "заявки о неисправностях с высоким приоритетом ежедневно", "ops.fault_tickets",
     "priority = 'high'"),
    ("telecom", "обращения в поддержку с низким приоритетом ежедневно в 9", "support_tickets",
     "priority = 'low'"),
    ("telecom", "обращения в поддержку высокого приоритета каждый час", "support_tickets", "priority = 'high'"),
    ("pharmacy", "препараты в форме мази ежедневно", "inventory.drugs", "dosage_form = 'ointment'"),
    ("pharmacy", "препараты в форме капсул каждый час", "inventory.drugs", "dosage_form = 'capsules'"),
    ("pharmacy", "безрецептурные препараты каждый час", "inventory.drugs", "is_prescription = false"),
    ("pharmacy", "рецептурные препараты каждый час", "inventory.drugs", "is_prescription = true"),
    ("bank", "кредиты, выданные после 2024-01-01, ежедневно", "lending.loans", "issued_on > '2024-01-01'"),
    ("fitness", "клиенты, пришедшие по рекомендации, ежедневно в 9", "crm.members", "source = 'referral'"),
    ("hotel", "отели с пятью звёздами ежедневно", "hotels", "stars = 5"),
    ("telecom", "звонки от 5 минут ежедневно", "network.calls", "duration_sec >= 300"),
    ("hotel", "брони не через сайт, ежечасно", "booking.reservations", "channel IS DISTINCT FROM 'website'"),
    ("hotel", "reservations not via ota, hourly", "booking.reservations", "channel IS DISTINCT FROM 'ota'"),
    ("telecom", "платежи с суммой меньше 50 не нужны, грузить платежи с суммой от 50 ежедневно в 4",
     "billing.payments", "amount >= 50"),
    ("logistics", "возвраты с суммой возврата до 1000 не нужны; грузить возвраты с суммой больше 1000 ежедневно",
     "returns", "refund_amount > 1000"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PLANNED)
def test_filter_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where


ASKED = [
    ("telecom", "обращения в поддержку важного оператора ежедневно", "важного"),
    ("hotel", "отели от 4 этажей ежедневно", "этажей"),
    ("bank", "кредиты, закрытые до 2025-01-01, ежедневно", "2025-01-01"),
    ("pharmacy", "препараты в форме порошка ежедневно", "порошка"),
    # the refused bound and the kept one are no complements: which rows is asked
    (
        "clinic",
        "счета с суммой меньше 500 не нужны, грузить счета с суммой от 300 ежедневно",
        "amount >= 300",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), ASKED)
def test_unread_words_are_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert quoted in " ".join(outcome.questions).lower()


NOT_CONFIDENT = [
    # «штук» is counted by no column ('Количество' has no unit; 'Цена за штуку' is the price of one)
    ("food", "позиции заказов, где больше двух штук, ежедневно"),
    # «тяжеле» is two letters off «тяжелее» (no «-ее» left to read it by): asked, never guessed
    ("logistics", "посылки тяжеле 5 кг ежедневно"),
]


@pytest.mark.parametrize(("catalog", "text"), NOT_CONFIDENT)
def test_no_confident_plan(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source.where
