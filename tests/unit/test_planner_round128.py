"""Round 128: a listed value said as a compound or hyphenated noun, a participle, an adjective or an idiom
(issue 15).

A column whose comment lists its values in English ('Категория читателя (adult, child, student, pensioner)',
'Язык показа (dub, original, subtitles)', 'Вид топлива: diesel, petrol, gas') or a flag whose comment is one
Russian phrase ('Гарантийный ремонт', 'Самозанятый (не в штате)') is read from the everyday word for the value:
the second part of a hyphenated noun («читатели-студенты»), a prefixed negative adjective («негарантийные» =
the flag false), a noun after «с» («с субтитрами»), a locative idiom («в работе» = in_progress), a present verb
of a clause («которые ждут запчасти» = waiting_parts), the English "no-show" and "didn't show up" (no_show), the
English adjective of a listed kind before the rows' noun ("petrol refuelings").

Requests of my own over the demo catalogs, RU and EN (not the eval's wording).
First pass (at eec8e95, before the rules): 12 of 21 failed (11 asked instead of planned; «Нестандартные
заказ-наряды», which must be asked, planned with no filter). The cases marked "added after the rules" were
written later and are not in that count.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"

PLANNED = [
    # a hyphenated noun: the rows' noun and the listed value
    ("library", "Читателей-студентов в клик каждый день в 5 утра", "readers", "category = 'student'"),
    ("library", "выгружай читателей-пенсионеров по средам в 9 утра", "readers", "category = 'pensioner'"),
    # a participle of a listed state and a noun of a listed kind in one phrase
    ("realty", "Зарезервированные объявления гони в клик каждый час", "sales.listings", "status = 'reserved'"),
    # a flag whose comment is the adjective and the rows' noun; its negative prefix
    ("autoservice", "Гарантийные заказ-наряды каждый день в 9 утра", "service.work_orders",
     "is_warranty = true"),
    ("autoservice", "Негарантийные заказ-наряды каждый день в 9 утра", "service.work_orders",
     "is_warranty = false"),
    ("vet", "Экстренные записи на приём в клик каждые 10 минут", "care.appointments", "is_emergency = true"),
    # a locative idiom and a present verb of a clause
    ("autoservice", "заказ-наряды, которые сейчас в работе, гнать в клик каждый час", "service.work_orders",
     "status = 'in_progress'"),
    ("autoservice", "Заказ-наряды, что ждут запчастей, каждые 15 минут", "service.work_orders",
     "status = 'waiting_parts'"),
    # a noun after «с»
    ("cinema", "Показы с субтитрами в клик каждый час", "ops.screenings", "language = 'subtitles'"),
    ("cinema", "Сеансы с дубляжом ежедневно в 5 утра", "ops.screenings", "language = 'dub'"),
    # two role nouns of a listed position
    ("agro", "Водителей и механиков в клик по пятницам в 7 утра", "workers",
     "position IN ('driver', 'mechanic')"),
    # English
    ("agro", "Gas refuelings to clickhouse every hour", "ops.fuel_logs", "fuel_kind = 'gas'"),
    ("agro", "Load petrol fuel logs daily at 3 am", "ops.fuel_logs", "fuel_kind = 'petrol'"),
    ("vet", "Vet appointments where the owner didn't show up, every 15 minutes", "care.appointments",
     "status = 'no_show'"),
    ("fitness", "Class bookings marked no-show or cancelled, hourly", "schedule.bookings",
     "status IN ('no_show', 'cancelled')"),
    # ("Holds that expired" is asked: holds.expires_on may say it too)
    ("cinema", "Screenings that finished, daily at 1 am", "ops.screenings", "status = 'finished'"),
    ("food", "Self-employed couriers to clickhouse daily at 5 am", "delivery.couriers", "is_contractor = true"),
    # added after the rules (not in the first pass)
    ("food", "Couriers who are not self-employed, daily at 4 am", "delivery.couriers", "is_contractor = false"),
    ("fitness", "Class bookings of members who never showed up, hourly", "schedule.bookings",
     "status = 'no_show'"),
    ("library", "Бронирования книг, готовые к выдаче, каждый час", "circ.holds", "status = 'ready'"),
    ("agro", "Технику, которая простаивает, каждый час", "machinery", "status = 'idle'"),
    ("food", "Заказы на доставку каждый час", "sales.orders", "order_type = 'delivery'"),
    ("vet", "Неэкстренные приёмы каждый час", "care.appointments", "is_emergency = false"),
    ("realty", "Объявления о продаже каждый час", "sales.listings", "listing_kind = 'sale'"),
    # «с продажи» after the participle of a state is that state's words; «из приложения» after a value's
    # noun is a second value
    ("realty", "Объявления, снятые с продажи, каждый час", "sales.listings", "status = 'withdrawn'"),
    ("food", "Заказы на самовывоз из приложения каждый час", "sales.orders",
     "order_type = 'pickup' AND channel = 'app'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PLANNED)
def test_an_everyday_word_of_a_listed_value_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


ASKED = [
    # a hyphenated noun whose second part no column lists stays asked
    ("library", "Читателей-блогеров в клик каждый день в 5 утра"),
    # a negative prefix on an adjective no flag's comment says
    ("autoservice", "Нестандартные заказ-наряды каждый день в 9 утра"),
    # a noun after «с» that no comment lists
    ("cinema", "Сеансы с антрактом ежедневно в 5 утра"),
    # an English kind no comment lists
    ("agro", "Hydrogen refuelings to clickhouse every hour"),
    # added after the rules: an adjective before a hyphenated noun no rule reads (it was dropped)
    ("autoservice", "Срочные заказ-наряды каждый день в 9 утра"),
    # «доставки» of the column 'Стоимость доставки' is no order_type 'delivery'
    ("food", "Стоимость доставки скрыть, заказы каждый час"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_a_word_no_column_lists_is_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == ASK
