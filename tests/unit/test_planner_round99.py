"""Round 99: numbers compared and place phrases in load requests (issue 15).

1. A measure word that names the column a number is compared with is no measure: "with a total over five
   thousand", «дороже пяти тысяч по сумме чека» load the rows whose total exceeds the number (a row
   condition), never a mart summing the total, nor a question about which column a sum should use. A measure
   word with a grouping or a grain and no comparison still makes a mart.
2. A count of pieces («меньше пяти штук», "fewer than 5 pieces") is compared with the table's one column
   that says it counts pieces ('Остаток, шт.'), in a relative clause too («которых осталось больше двадцати
   штук»); never with a price (the table's own noun) nor a key a place word names («на складе» of
   station_id 'Станция (склад)'). With no such column it is asked
   ('Количество' with no unit too, as planner89 keeps it).
3. «по <Город>» names a time zone only after a clock time («в 7 утра по Москве», «в 6:30 по Самаре»;
   «по московскому времени» anywhere); elsewhere («Убытки по Москве», «Аптеки по Самаре») it is a place the
   rows are in: the table's one city column is filtered by the name in the nominative, and with no such
   column it is asked, never dropped (it was read as Moscow time, or silently left unread for other cities).

Requests of my own over several catalogs, RU and EN.
First pass (at bcaeb9d, before the rules): 22 of 34 failed (the other 12 are readings that must stay).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# 1. a measure word naming the compared column: a load with a row condition
COMPARED_MEASURE = [
    ("pharmacy", "Receipts with a total over five thousand to ClickHouse hourly", "sales.receipts",
     "total_amount > 5000"),
    ("food", "Orders with a total above 3000, daily at 6", "sales.orders", "total > 3000"),
    ("pharmacy", "Supplies with a total amount under 20000 to the warehouse daily at 5", "inventory.supplies",
     "total_amount < 20000"),
    ("hotel", "Reservations with a total of more than 100000, hourly", "booking.reservations",
     "total_amount > 100000"),
    ("pharmacy", "чеки дороже пяти тысяч по сумме чека в клик каждый час", "sales.receipts",
     "total_amount > 5000"),
    # the «по» phrase names the column: labor_amount 'Стоимость работ', not the default total (planned at bcaeb9d)
    ("autoservice", "наряды дешевле пяти тысяч по стоимости работ в хранилище ежедневно в 3", "service.work_orders",
     "labor_amount < 5000"),
    ("pharmacy", "поставки дешевле 10000 по сумме накладной в клик ежедневно в 5", "inventory.supplies",
     "total_amount < 10000"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), COMPARED_MEASURE)
def test_compared_measure_word_is_a_row_condition(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "sql"
    assert (spec.source.table, spec.source.where) == (table, where)


STILL_MARTS = [
    ("vet", "Total of invoices by owner hourly", "care.invoices"),
    ("pharmacy", "Receipts total by pharmacy, hourly", "sales.receipts"),
    ("autoservice", "Итоговая сумма нарядов по станциям ежедневно в 4:15", "service.work_orders"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), STILL_MARTS)
def test_measure_with_grouping_is_still_a_mart(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.type, spec.source.table) == ("mart", table)


# 2. a count of pieces: the pieces column
PIECES = [
    ("autoservice", "Запчасти, которых осталось больше двадцати штук, в хранилище ежедневно в 8", "service.parts",
     "stock_qty > 20"),
    ("autoservice", "Запчасти меньше пяти штук в клик каждое утро в 9", "service.parts", "stock_qty < 5"),
    ("autoservice", "Запчасти, которых на складе меньше 5 штук, в клик каждое утро в 9", "service.parts",
     "stock_qty < 5"),
    ("autoservice", "Parts with fewer than 5 pieces left to ClickHouse daily at 9", "service.parts",
     "stock_qty < 5"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PIECES)
def test_count_of_pieces_compares_the_pieces_column(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# 3. «по <Город>» with a city column: a place filter
PLACE_FILTERED = [
    ("autoservice", "Станции по Москве в клик ежедневно в 7 утра", "stations", "city = 'Москва'"),
    ("pharmacy", "Аптеки по Самаре в хранилище каждый час", "pharmacies", "city = 'Самара'"),
    ("food", "Рестораны по Екатеринбургу в клик ежедневно в 3", "restaurants", "city = 'Екатеринбург'"),
    ("vet", "Клиники по Новосибирску в клик ежедневно в 3", "clinics", "city = 'Новосибирск'"),
    ("insurance", "Страхователи по Казани в хранилище каждый час", "policy_holders", "city = 'Казань'"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PLACE_FILTERED)
def test_po_city_filters_the_city_column(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)
    assert spec.timezone == "UTC"


# a time zone after a clock time (or said as «по московскому времени») stays the zone, and filters nothing
ZONES = [
    ("insurance", "Убытки в хранилище ежедневно в 7 утра по Москве", "Europe/Moscow"),
    ("insurance", "Убытки в хранилище ежедневно в 7 утра по московскому времени", "Europe/Moscow"),
    ("autoservice", "Станции в клик ежедневно в 7 по Москве", "Europe/Moscow"),
    ("pharmacy", "Аптеки в клик ежедневно в 6:30 по Самаре", "Europe/Samara"),
    ("shop", "Заказы по московскому времени ежедневно в 7 в кликхаус", "Europe/Moscow"),
]


@pytest.mark.parametrize(("catalog", "text", "zone"), ZONES)
def test_zone_after_a_clock_stays_the_zone(catalog: str, text: str, zone: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.timezone == zone
    assert spec.source.where is None


# must ask: the rule must not over-reach, and a place or a count nothing holds is never dropped
ASKED = [
    ("insurance", "Убытки по Самаре в хранилище ежедневно в 7 утра"),  # claims: no city column
    ("insurance", "Полисы по Казани в хранилище каждый час"),
    ("shop", "Заказы по Москве в кликхаус ежедневно в 7 утра"),
    ("autoservice", "Наряды по Твери в клик ежедневно в 7 утра"),
    ("vet", "Счета больше трёх штук в клик ежедневно в 2"),  # invoices: no pieces column
    # 'Количество' says no unit and 'Цена за штуку' is a price: asked, as planner89 documents
    ("food", "Позиции заказов больше трёх штук в клик ежедневно в 2"),
    ("pharmacy", "Receipts over 5000 to ClickHouse hourly"),  # three money columns
    ("food", "заказы дороже 3000 по сумме в клик ежедневно в 6"),  # «сумма»: subtotal or total
    ("insurance", "Убытки по Урюпинску в хранилище ежедневно в 7 утра"),
]


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_still_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec


def test_moscow_place_before_the_clock_is_asked_quoting_it() -> None:
    outcome = plan_in("insurance", "Страховые случаи по Москве в хранилище ежедневно в 8 утра")
    assert outcome.status == "needs_clarification", outcome.spec
    assert any("по Москве" in str(q) for q in outcome.questions), outcome.questions
