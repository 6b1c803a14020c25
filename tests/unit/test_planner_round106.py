"""Round 106: the table named by a noun phrase whose modifier is a kind or a state of its rows (issue 15).

1. A participle of the event the table's comment names sets no condition, said by the other party too:
   «Купленные абонементы» of 'Абонементы (проданные клубные карты)' are the sold ones, every row (as
   «Проданные абонементы» since planner100); «приобретённые», "purchased", "bought" alike. A participle the
   comment does not say of its rows («купленные запчасти» of 'Запчасти на складах станций', «выставленные
   счета») is still asked.
2. A state adjective whose value a status column spells otherwise: "Completed work orders", «завершённые
   заказ-наряды» of 'Статус заказ-наряда (open, in_progress, waiting_parts, done, cancelled)' are `status =
   'done'` (as «выполненные» since planner101); "closed" (done or cancelled?) is still asked.
3. A kind modifier before the table's noun: "Karate classes" names group_classes (the head noun of its name,
   though "classes" is a word of the connection's description) and asks only which class_type "Karate" is;
   «Занятия по карате» (planned for every class) and "Properties of the Townhouse type" (two type columns:
   planned with no filter) are asked, never dropped.
4. One rule for a value said for a column whose comment lists none, in either language (README): a name said
   for a NAME column (brand, make, model, manufacturer, city, region, name ...) is its literal as written
   («Автомобили марки Тойота», "the Toyota brand"); a label said for a CLASSIFICATION column (category, type,
   kind, class, genre ...) whose comment documents it is asked, quoting the word and naming the column,
   English as Russian ("Parts in the Brakes category", «категории "Аккумуляторы"»): the stored code could be
   in another language. A code as stored (lowercase Latin, 'brake_pads'), an explicit SQL comparison, and a
   column the catalog says nothing about (shop's category) are still read.

Requests of my own over several catalogs, RU and EN.
First pass (at 3f9d9fa, before the rules): 23 of 51 failed (the other 28 are readings that must stay, or asked
already).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"


def _asked(catalog: str, text: str, *quoted: str) -> list[str]:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec and (outcome.spec.source.table, outcome.spec.source.where)
    for word in quoted:
        assert any(word in q for q in outcome.questions), outcome.questions
    return outcome.questions


# --- 1. a participle of the table's own event ---------------------------------------------------------------

OWN_EVENT = [
    ("fitness", "Купленные абонементы в хранилище каждый день", "sales.memberships"),
    ("fitness", "Приобретённые абонементы в клик ежедневно в 6", "sales.memberships"),
    ("cinema", "Купленные билеты в клик каждый час", "sales.tickets"),
    ("pharmacy", "Купленные позиции чеков в хранилище каждые 30 минут", "sales.receipt_lines"),
    ("fitness", "Purchased memberships to ClickHouse daily", "sales.memberships"),
    ("fitness", "Bought memberships to the warehouse every hour", "sales.memberships"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), OWN_EVENT)
def test_participle_of_the_own_event_sets_no_filter(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, None)


OWN_EVENT_ASKED = [
    ("autoservice", "Купленные запчасти в клик ежедневно", "Купленные"),  # 'Запчасти на складах станций'
    ("pharmacy", "Купленные препараты в клик ежедневно", "Купленные"),  # a reference of drugs
    ("vet", "Выставленные счета в хранилище каждый час", "Выставленные"),
    ("autoservice", "Bought parts to ClickHouse daily", "Bought"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), OWN_EVENT_ASKED)
def test_participle_the_comment_does_not_say_is_asked(catalog: str, text: str, quoted: str) -> None:
    _asked(catalog, text, quoted)


# --- 2. a state spelled otherwise by the status -------------------------------------------------------------

STATE_SPELLED = [
    ("autoservice", "Completed work orders to ClickHouse daily", "service.work_orders", "status = 'done'"),
    ("autoservice", "Load completed work orders into the warehouse every hour", "service.work_orders",
     "status = 'done'"),
    ("autoservice", "Завершённые заказ-наряды в клик ежедневно в 5", "service.work_orders", "status = 'done'"),
    # a status listing done beside closed_at: the listed state (README), as «выполненные заявки» always was
    # (round 101 asked this one while 'completed' was no spelling of done)
    ("utility", "Завершённые заявки в клик ежедневно", "ops.service_requests", "status = 'done'"),
    # a status listing completed keeps it
    ("evcharge", "Completed charging sessions to ClickHouse every 10 minutes", "charging.sessions",
     "status = 'completed'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), STATE_SPELLED)
def test_state_spelled_otherwise_is_the_listed_value(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


def test_closed_is_still_asked() -> None:
    _asked("autoservice", "Closed work orders to ClickHouse daily", "Closed")


# --- 3. a kind modifier before the table's noun -------------------------------------------------------------

KIND_READ = [
    ("fitness", "Pilates classes to ClickHouse daily", "schedule.group_classes", "class_type = 'pilates'"),
    ("hotel", "Suite rooms to the warehouse every hour", "booking.rooms", "room_type = 'suite'"),
    ("cinema", "Comedy movies to ClickHouse daily at 4", "content.movies", "genre = 'comedy'"),
    ("fitness", "Тренеры по боксу в клик ежедневно", "trainers", "specialization = 'boxing'"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), KIND_READ)
def test_listed_kind_before_the_noun_is_read(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


KIND_ASKED = [
    ("fitness", "Karate classes to ClickHouse daily", "Karate"),
    ("fitness", "Load karate classes into the warehouse every hour", "karate"),
    ("fitness", "Занятия по карате в клик ежедневно", "карате"),
    ("fitness", "Занятия карате в хранилище каждый час", "карате"),
    ("fitness", "Занятия по боксу в клик каждый час", "боксу"),  # boxing: trainers.specialization only
    ("fitness", "Тренеры по карате в хранилище ежедневно в 9", "карате"),
    ("cinema", "Western movies to ClickHouse daily", "Western"),
    ("hotel", "Penthouse rooms to ClickHouse daily", "Penthouse"),
    ("realty", "Townhouse properties to ClickHouse daily", "Townhouse"),
    ("realty", "Properties of the Townhouse type to ClickHouse daily", "Townhouse"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), KIND_ASKED)
def test_unlisted_kind_before_the_noun_is_asked(catalog: str, text: str, quoted: str) -> None:
    questions = _asked(catalog, text, quoted)
    assert not any(q.startswith(("Which table", "Какую таблицу")) for q in questions), questions


def test_head_noun_of_a_table_name_names_it() -> None:
    """ "classes" is the head noun of group_classes only, though a word of the connection's description."""
    assert ok_spec("fitness", "Classes to ClickHouse daily at 7").source.table == "schedule.group_classes"


# --- 4. one rule for a value said for a column listing none -------------------------------------------------

CLASSIFICATION_ASKED = [
    ("autoservice", "Spare parts in the Brakes category to ClickHouse daily", "Brakes", "category"),
    ("autoservice", "Parts of category \"Filters\" to the warehouse every hour", "Filters", "category"),
    ("autoservice", "Parts of category Filters to ClickHouse daily", "Filters", "category"),
    ("autoservice", "Запчасти из категории «Тормоза» в клик ежедневно", "Тормоза", "category"),
    ("autoservice", "Запчасти категории Фильтры в клик ежедневно", "Фильтры", ""),
    ("autoservice", "Cars of the Diesel fuel type to ClickHouse daily", "Diesel", "fuel_type"),
    ("vet", "Treatments of the Ultrasound type to ClickHouse daily", "Ultrasound", "treatment_type"),
    ("vet", "Treatments of type \"Ultrasound\" to the warehouse hourly", "Ultrasound", "treatment_type"),
    ("realty", "Deals of the Mortgage type to ClickHouse daily", "Mortgage", "deal_type"),
    ("pharmacy", "Рецепты вида «Льготный» в клик ежедневно", "Льготный", "kind"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "quoted", "column"), CLASSIFICATION_ASKED)
def test_label_of_a_classification_column_is_asked(catalog: str, text: str, quoted: str, column: str) -> None:
    _asked(catalog, text, quoted, column)


LITERAL_READ = [
    # a name said for a name column: the name as written, either language
    ("autoservice", "Cars of the Toyota brand to ClickHouse daily", "cars", "brand = 'Toyota'"),
    ("autoservice", "Автомобили марки Тойота в клик ежедневно", "cars", "brand = 'Тойота'"),
    ("autoservice", "Автомобили марки «Тойота» в хранилище каждый час", "cars", "brand = 'Тойота'"),
    ("carshare", "Машины марки Киа в клик ежедневно", "fleet.cars", "make = 'Киа'"),
    ("carshare", "Cars of the Kia make to ClickHouse daily", "fleet.cars", "make = 'Kia'"),
    ("pharmacy", "Препараты производителя «Байер» в клик ежедневно", "inventory.drugs",
     "manufacturer = 'Байер'"),
    ("airline", "Aircraft of the Airbus model to ClickHouse daily", "ops.aircraft", "model = 'Airbus'"),
    ("telecom", "Абоненты региона «Сибирь» в клик ежедневно", "subscribers", "region = 'Сибирь'"),
    ("fitness", "Clubs in the Kazan city to ClickHouse daily", "clubs", "city = 'Kazan'"),
    # a code as stored, an explicit comparison, a column the catalog says nothing about
    ("autoservice", "Запчасти категории 'brake_pads' в клик ежедневно", "service.parts",
     "category = 'brake_pads'"),
    ("vet", "Treatments of type 'vaccination_booster' to ClickHouse hourly", "care.treatments",
     "treatment_type = 'vaccination_booster'"),
    ("autoservice", "Parts where category = 'Filters' to ClickHouse daily", "service.parts",
     "category = 'Filters'"),
    ("shop", "Products in the Toys category to ClickHouse daily", "products", "category = 'Toys'"),
    ("shop", "Товары из категории «Игрушки» в клик ежедневно", "products", "category = 'Игрушки'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), LITERAL_READ)
def test_name_or_code_is_read_as_written(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)
