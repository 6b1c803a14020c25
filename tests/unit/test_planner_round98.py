"""Round 98: which table the request names (issue 15).

1. A clipped compound of the table comment's adjective and noun («расчлистки» of 'Расчётные листки',
   «лабанализы» of 'Результаты лабораторных анализов', «страхагенты» of 'Страховые агенты', «ветврачи» of
   'Ветеринарные врачи') names that table: the compound's tail is a noun of the comment and its clipped head
   the beginning of the adjective right before that noun. A head that begins no such adjective («автоклиники»
   over 'Ветеринарные клиники сети') names nothing and is asked as before.
2. A glossary synonym of the noun heading a table comment names that table («машины» of 'Автомобили
   клиентов': both mean a vehicle; «докторов» of 'Ветеринарные врачи'; «питомцы» of pets, a glossary entry),
   so «машины клиентов» is the cars whose comment says «клиентов», no longer a head noun nothing reads.
3. Two tables in one load («клиентов и их машины», «клиентов вместе с их машинами») are asked (one pipeline
   copies one table), never planned as the first one.
4. «всё по X», «все про X», "everything about X": a topic word covering several tables (X's own table and
   the tables whose comments say X: 'Автомобили клиентов', 'Отзывы клиентов о заказах') is asked which table;
   a topic with one table («всё про прививки») and «всех клиентов» (all the rows) still name their table.
5. Hyphenated words naming the table («Wi-Fi» of wifi_sessions, 'Сессии Wi-Fi'), and a word of the table's
   own comment gloss that its columns call each row by («блюда меню» of 'Позиции меню (блюда и напитки)',
   'Название блюда'): the table, no unread word; «напитки меню» stays category = 'drinks'. A listed value in
   Latin letters glued to the table's noun («IMAX-залы» of 'Кинозалы', 'Тип зала (..., vip, imax)') is that
   value, as «вип-залы» was.

Requests of my own over several catalogs, RU and EN.
First pass (at bcaeb9d, before the rules): 27 of 43 failed (the 16 that passed are readings that must stay
and must-ask requests). Two must-ask cases were added after the eval check (a synonym qualifying an unknown
head, "customer surveys"; a schema word of several tables, "the sales stuff"); both asked at bcaeb9d too.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASK = "needs_clarification"

# --- 1. clipped compounds of a comment's adjective and noun ------------------------------------------------------

CLIPPED = [
    ("hr", "Расчлистки в клик каждый день в 5", "payroll.payslips"),
    ("clinic", "Лабанализы в хранилище ежедневно в 4", "lab.results"),
    ("insurance", "Страхагентов в клик каждую ночь в 2", "agents"),
    ("insurance", "Страхполисы грузить в хранилище ежедневно в 6", "underwriting.policies"),
    ("vet", "Список ветклиник в хранилище по понедельникам в 9", "clinics"),
    ("vet", "Ветврачи в клик ежедневно в 5, без оклада", "vets"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), CLIPPED)
def test_clipped_compound_names_the_table(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("vet", "Автоклиники в клик ежедневно в 3"),  # «авто» begins no adjective of 'Ветеринарные клиники'
        ("hr", "Спецлистки в клик каждый день в 5"),
        ("clinic", "Экоанализы в хранилище ежедневно в 4"),
    ],
)
def test_clipped_head_no_adjective_begins_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == ASK


# --- 2. a glossary synonym of the comment's head noun -----------------------------------------------------------

SYNONYM = [
    ("autoservice", "Все машины в клик ежедневно в 4", "cars"),
    ("autoservice", "Машины клиентов в хранилище каждую ночь в 1", "cars"),
    ("autoservice", "Машины клиентов, только vin и model, в хранилище каждый день в 6", "cars"),
    ("autoservice", "Из машин клиентов убрать дубли по vin, грузить каждый час", "cars"),
    ("autoservice", "Автомобили клиентов в клик ежедневно в 1", "cars"),  # the comment word for word
    ("vet", "Докторов клиник в клик ежедневно в 5", "vets"),
    ("vet", "Докторов в клик ежедневно в 5", "vets"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), SYNONYM)
def test_synonym_of_comment_head_names_the_table(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


def test_synonym_keeps_the_columns_read() -> None:
    spec = ok_spec("autoservice", "Машины клиентов, только vin и model, в хранилище каждый день в 6")
    assert spec.source.columns == ["vin", "model"]


# --- 3. two tables in one load: asked ------------------------------------------------------------------------------

TWO_TABLES = [
    ("autoservice", "Залей клиентов и их машины в хранилище каждый день в 4"),
    ("autoservice", "Залей клиентов вместе с их машинами в клик ежедневно"),
    ("autoservice", "Клиентов и машины в клик каждую ночь"),
    ("vet", "Перелей владельцев и их питомцев в хранилище ежедневно в 2"),
    ("food", "Load customers and their orders to ClickHouse daily"),
]


@pytest.mark.parametrize(("catalog", "text"), TWO_TABLES)
def test_two_tables_in_one_load_are_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec and outcome.spec.source.table


# --- 4. a topic word over several tables --------------------------------------------------------------------------

TOPIC_ASKED = [
    ("autoservice", "Перелей всё по клиентам в хранилище каждый день в 4"),
    ("food", "Выгрузи всё про заказы в клик каждый час"),
    ("carshare", "Все по машинам в клик каждую ночь"),
    ("univ", "Load everything about students to ClickHouse daily at 2"),
    ("fitness", "Залей в хранилище все о клиентах ежедневно в 5"),
]


@pytest.mark.parametrize(("catalog", "text"), TOPIC_ASKED)
def test_topic_over_several_tables_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == ASK, outcome.spec and outcome.spec.source.table


TOPIC_PLANNED = [
    ("vet", "Перелей всё про прививки в хранилище ежедневно", "care.vaccinations"),
    ("autoservice", "Залей всех клиентов в клик каждый день в 4", "clients"),
    ("food", "Все заказы в клик каждый час", "sales.orders"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), TOPIC_PLANNED)
def test_topic_of_one_table_or_all_rows_planned(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


# --- 5. hyphenated names and comment glosses -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("univ", "Wi-Fi sessions every hour", "campus.wifi_sessions"),
        ("univ", "Load the Wi-Fi sessions to ClickHouse daily at 3", "campus.wifi_sessions"),
        ("food", "Блюда меню каждый час", "menu_items"),
        ("food", "Блюда меню грузить в хранилище ежедневно в 2", "menu_items"),
    ],
)
def test_hyphenated_name_or_comment_gloss_names_the_table(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where is None


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "Напитки меню каждый час", "category = 'drinks'"),  # a kind the columns do not call rows by
        ("cinema", "IMAX-залы в клик каждый день в 7", "hall_type = 'imax'"),
        ("cinema", "Залы-VIP в хранилище каждую ночь в 2", "hall_type = 'vip'"),
        ("cinema", "Все залы, кроме VIP-залов, в клик ежедневно", "hall_type <> 'vip'"),
    ],
)
def test_kind_beside_the_table_noun_is_its_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- must still ask: a noun two tables share ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("food", "Позиции в клик каждый день"),  # 'Позиции меню', 'Позиции заказов'
        ("vet", "Приёмы в клик ежедневно в 3"),  # appointments, treatments, invoices all say «приём»
        ("evcharge", "Зарядки в клик каждый час"),  # qualifies tariffs, sessions and payments alike
        ("food", "Ресторанные позиции в клик каждый день"),  # a clipped-looking adjective is no compound
        ("hotel", "VIP-гости в хранилище ежедневно"),  # no column lists vip: asked as before
        # a synonym of a comment's head only qualifies an unknown head noun: asked as before (eval check)
        ("autoservice", "Load the customer surveys to ClickHouse daily"),
        ("pharmacy", "Sync all the sales stuff to the warehouse daily at 2"),  # a schema of several tables
    ],
)
def test_noun_two_tables_share_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == ASK
