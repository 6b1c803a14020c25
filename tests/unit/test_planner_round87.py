"""Round 87: what a load names as its subject must exist in the catalog, or the planner asks (issue 15).

1. A genitive chain after the table's noun naming a body no table, column or listed value holds («курсы
   кафедры физики», «фильмы студии Мосфильм», «пилотов авиакомпании Аэрофлот»: univ has no department,
   cinema no studio, airline no carrier column) is asked, quoting the unread words; a proper name set after
   the chain as an apposition («Мосфильм», «Победа») is one of them. The chain is still planned where one of
   its words translates a connection's description («курьеры службы доставки» of a 'Delivery service
   database', «студенты университета») or names a listed value or a column («тренеры секции йоги»).
2. A domain word that names no table («кино грузи в хранилище»: 'Cinema chain …' is the whole database; its
   comment word in 'Билеты в кино' is only what tickets are for) asks which table; a table named by its own
   noun with the same word after a preposition («билеты в кино») is still planned.
3. «справочник X» / «реестр X» is the table of X, not the table whose comment says 'Справочник …'
   («справочник фармацевтов» = pharmacists); «заведующие аптеками» are the pharmacists whose is_head
   ('Заведующий аптекой') is true, not the pharmacies.

Requests of my own over several catalogs, RU and EN.
First pass (at 5d4e5d7, before the rules): 13 of 24 failed (the 11 that passed are the readings that must stay
planned: chains a description, a value or a table reads, «билеты в кино», «мили», «справочник препаратов»;
and the English of-phrase, asked since round 86).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASKED = [
    ("univ", "курсы кафедры физики в клик ежедневно в 4", "кафедры"),
    ("univ", "преподаватели кафедры истории каждый час", "истории"),
    ("cinema", "фильмы студии Мосфильм в клик каждый день", "студии"),
    ("cinema", "фильмы студии Мосфильм в клик каждый день", "мосфильм"),
    ("airline", "пилотов авиакомпании Аэрофлот в хранилище ежедневно", "аэрофлот"),
    ("airline", "рейсы перевозчика Победа в клик каждый час", "победа"),
    ("food", "блюда ресторана Пушкин в клик каждый час", "пушкин"),
    ("univ", "teachers of the mathematics department daily at 6", "mathematics"),
    # a domain word that names no table: which table is asked
    ("cinema", "кино грузи в хранилище ежедневно в 3", "кино"),
    ("airline", "авиакомпанию в клик каждый час", "авиакомпанию"),
]


@pytest.mark.parametrize(("catalog", "text", "quoted"), ASKED)
def test_a_subject_the_catalog_lacks_is_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec
    assert quoted in " ".join(outcome.questions).lower()


PLANNED = [
    ("logistics", "курьеры службы доставки в клик каждый час", "couriers", None),
    ("univ", "студенты университета в клик ежедневно", "students", None),
    ("fitness", "тренеры секции йоги в клик ежедневно", "trainers", "specialization = 'yoga'"),
    ("fitness", "платежи клиентов фитнеса в клик каждый час", "sales.payments", None),
    ("airline", "операции с милями в клик каждый час", "loyalty.miles_transactions", None),
    ("cinema", "билеты в кино в клик каждый час", "sales.tickets", None),
    ("cinema", "кинотеатры сети в клик ежедневно", "cinemas", None),
    ("airline", "справочник аэропортов в клик ежедневно", "airports", None),
    ("pharmacy", "справочник препаратов в клик ежедневно", "inventory.drugs", None),
    ("pharmacy", "Реестр аптек в хранилище каждый день в 6", "pharmacies", None),
    ("pharmacy", "справочник аптек сети в клик ежедневно в 3", "pharmacies", None),
    ("pharmacy", "справочник фармацевтов в клик ежедневно в 2", "pharmacists", None),
    ("pharmacy", "заведующие аптеками в клик ежедневно в 8", "pharmacists", "is_head = true"),
    ("pharmacy", "список заведующих аптеками каждый час", "pharmacists", "is_head = true"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "table", "where"), PLANNED)
def test_a_subject_the_catalog_holds_is_planned(
    catalog: str, text: str, table: str, where: str | None
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == table
    assert spec.source.where == where
