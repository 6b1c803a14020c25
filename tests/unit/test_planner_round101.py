"""Round 101: a flag word asked twice, value words before a plural head, row states read wrongly (issue 15).

1. A regression of planner97: a role noun that one flag's comment is («нерезидентов», «льготников»,
   «подрядчиков»), fused with «не» or not, heading the rows before «из <table>», was asked by the head-noun
   value rule before the flag rule had marked it read; the flag rule's word now counts as read.
2. A value word before a plural head: "Zumba classes" (class_type 'zumba'; "classes" was taken for the
   fitness connection's description, and the trainer's specialization lists the value too, though the
   request names the class's type), "Vegan menu items", "Pizza menu items" ("items" was read as a sum of
   pieces over order_items); «корпоративных клиентов», «частных клиентов» ('Тип клиента (private,
   corporate)'); «выполненные наряды», «выполненные заявки» (status 'done': «выполнено» is done; «завершённые»,
   "completed" stay 'completed', asked where a status lists no such value).
3. Row states read wrongly: «из категории "…"» of a category column that lists no values was asked about
   is_original as an origin; «осталось меньше пяти мест» compared the capacity ('Вместимость (мест)': all
   the places) and is asked now (a column of what is left, 'Остаток, шт.', still reads); "Working mechanics"
   ("working" was taken for the "... work orders ..." database) is fired_on IS NULL; "open round the clock"
   is the round-the-clock flag only, not also status 'open'; «зарядные сессии» of 'Сессии зарядки' is the
   table's own word, not status 'charging'.

Requests of my own over several catalogs, RU and EN.
First pass (at 5e0e69d, before the rules): 20 of 35 failed (the other 15 are readings that must stay, or
were right already: «подрядчиков из курьеров»).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.planned import ok, plan_in, wrong_of

D = "0 0 * * *"
H = "0 * * * *"

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # 1. the flag's role noun heading the rows before «из <table>», fused with «не» or not
    ("bank", "скопируй нерезидентов из таблицы клиентов в хранилище каждый час",
     ok(source__table="clients", schedule=H, source__where="is_resident = false")),
    ("food", "неподрядчиков из курьеров в клик ежедневно",
     ok(source__table="delivery.couriers", schedule=D, source__where="is_contractor = false")),
    ("food", "подрядчиков из курьеров в клик ежедневно",
     ok(source__table="delivery.couriers", schedule=D, source__where="is_contractor = true")),
    ("utility", "нельготников из абонентов в клик ежедневно",
     ok(source__table="subscribers", schedule=D, source__where="is_privileged = false")),
    # 2. a value word before a plural head
    ("fitness", "Zumba classes to ClickHouse daily",
     ok(source__table="schedule.group_classes", schedule=D, source__where="class_type = 'zumba'")),
    ("fitness", "Crossfit classes to the warehouse every hour",
     ok(source__table="schedule.group_classes", schedule=H, source__where="class_type = 'crossfit'")),
    ("food", "Pizza menu items to ClickHouse hourly",
     ok(source__table="menu_items", schedule=H, source__where="category = 'pizza'")),
    ("food", "Drink menu items to the warehouse daily at 5",
     ok(source__table="menu_items", schedule="0 5 * * *", source__where="category = 'drinks'")),
    ("food", "Vegan menu items to ClickHouse daily",
     ok(source__table="menu_items", schedule=D, source__where="is_vegan = true")),
    ("food", "Order items to ClickHouse daily", ok(source__table="sales.order_items", schedule=D)),
    ("autoservice", "Корпоративные клиенты в хранилище ежедневно в 8",
     ok(source__table="clients", schedule="0 8 * * *", source__where="client_type = 'corporate'")),
    ("autoservice", "Частных клиентов в клик каждый час",
     ok(source__table="clients", schedule=H, source__where="client_type = 'private'")),
    ("autoservice", "Выполненные наряды в клик ежедневно в 22:30",
     ok(source__table="service.work_orders", schedule="30 22 * * *", source__where="status = 'done'")),
    ("utility", "Выполненные заявки в клик ежедневно в 6",
     ok(source__table="ops.service_requests", schedule="0 6 * * *", source__where="status = 'done'")),
    # 3. row states
    ("autoservice", "Working mechanics to the warehouse every hour",
     ok(source__table="mechanics", schedule=H, source__where="fired_on IS NULL")),
    ("autoservice", "Stations that are open round the clock to ClickHouse daily",
     ok(source__table="stations", schedule=D, source__where="is_round_the_clock = true")),
    ("pharmacy", "Pharmacies open round the clock to ClickHouse hourly",
     ok(source__table="pharmacies", schedule=H, source__where="is_round_the_clock = true")),
    ("evcharge", "Зарядные сессии в клик ежедневно", ok(source__table="charging.sessions", schedule=D)),
    ("evcharge", "Прерванные зарядные сессии в клик каждый час",
     ok(source__table="charging.sessions", schedule=H, source__where="status = 'interrupted'")),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), CASES)
def test_read(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


# readings that must stay as they were
KEPT: list[tuple[str, str, dict[str, Any]]] = [
    ("bank", "резидентов из клиентов в клик ежедневно",
     ok(source__table="clients", schedule=D, source__where="is_resident = true")),
    ("fitness", "Yoga trainers to ClickHouse daily",
     ok(source__table="trainers", schedule=D, source__where="specialization = 'yoga'")),
    ("autoservice", "Open stations to ClickHouse daily",
     ok(source__table="stations", schedule=D, source__where="status = 'open'")),
    ("hr", "Working employees to ClickHouse daily",
     ok(source__table="employees", schedule=D, source__where="fired_at IS NULL")),
    ("autoservice", "Запчасти, которых осталось меньше пяти штук, в клик ежедневно",
     ok(source__table="service.parts", schedule=D, source__where="stock_qty < 5")),
    ("fitness", "Занятия вместимостью меньше 10 мест в клик ежедневно",
     ok(source__table="schedule.group_classes", schedule=D, source__where="capacity < 10")),
    ("evcharge", "Сессии в статусе charging в клик ежедневно",
     ok(source__table="charging.sessions", schedule=D, source__where="status = 'charging'")),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text", "expected"), KEPT)
def test_kept(catalog: str, text: str, expected: dict[str, Any]) -> None:
    assert wrong_of(catalog, text, expected) == []


def test_items_with_a_grouping_stay_a_mart() -> None:
    outcome = plan_in("food", "Order items per day to ClickHouse")
    assert outcome.status == "ok" and outcome.spec is not None
    assert (outcome.spec.source.type, outcome.spec.source.table) == ("mart", "sales.order_items")


# must ask: what no column holds, a value no column lists, two readings the README keeps asked
ASKED = [
    ("fitness", "Karate classes to ClickHouse daily"),  # no class_type lists karate
    ("fitness", "Занятия, на которые осталось меньше трёх мест, в клик ежедневно"),  # no column of places left
    ("fitness", "Group classes with fewer than 4 places left to ClickHouse daily"),
    ("evcharge", "Зарядные сессии в офлайне в клик ежедневно"),  # offline: a station's state, no session's
    ("autoservice", "Retired mechanics to ClickHouse daily"),
    # («Завершённые заявки» of 'Статус (new, in_progress, done, rejected)': planner106 reads «завершённые»,
    # "completed" as the done such a status lists, as «выполненные» is; the README's listed-state rule plans
    # status = 'done' beside closed_at: tests/unit/test_planner_round106.py)
    # a Russian label of a kind column whose comment documents it ('Категория запчасти') and lists no values
    # is asked (README, planner100: «типа «УЗИ»»), no longer about is_original as an origin
    ("autoservice", "Запчасти из категории \"Аккумуляторы\" в клик ежедневно"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "text"), ASKED)
def test_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
