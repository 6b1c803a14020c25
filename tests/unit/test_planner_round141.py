"""Leftovers of the sealed batches 25a/25b (planner141, issue 15).

1. A qualifier before a noun that names a foreign key and the table it references ("at the night tariff" of
   sessions.tariff_id -> billing.tariffs, "on the prepaid plan", «по льготному тарифу») was dropped: the
   load planned every row (and "night" even moved the clock). Unless a rule reads it as a condition (the
   WHERE names the key), it is asked, quoting the words.
2. A rolling window's unit word («дней», "days") named an integer count column (freezes.days), which passed
   as "the request names the time column", so the window went on created_at beside starts_on/ends_on: the
   README asks there (two candidate times, none named). A count column names no time.
3. Slang destroy verbs with an object («выкоси заявки», "nuke the tickets") are refused; the word alone with
   no object asks (it orders nothing).

Requests of my own over other catalogs (telecom, utility, evcharge, fitness, helpdesk, shop), RU and EN.

First pass (at a0b24fe, before the rules): 10 of 20 failed (5 of 8 asked were planned, the three slang Russian
verbs were not refused, «Выкоси» alone was refused as no pipeline request).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

ASKED = [
    ("telecom", "Subscribers on the unlimited tariff, every evening at 9"),
    ("evcharge", "Sessions at the fast connector every hour"),
    ("evcharge", "Sessions billed at the weekend tariff, daily at 6"),
    ("evcharge", "Payments for the corporate account sessions, hourly"),
    ("telecom", "Абоненты на безлимитном тарифе каждый вечер в 21:00"),
    ("fitness", "Freezes over the last ten days, every day at 8"),
    ("fitness", "Заморозки за последние 5 дней, ежедневно в 7"),
    # fixreg28: a qualifier that is no word of the referenced table's name is still asked
    ("fitness", "Записи на утренние занятия ежедневно в 4"),
    ("fitness", "Заморозки абонементов за последние двенадцать дней каждое утро в 6"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text"), ASKED)
def test_asked(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "needs_clarification", outcome.spec


PLANNED = [
    ("evcharge", "Sessions at the station, every hour", "charging.sessions", None),
    ("telecom", "Subscribers on the tariff, daily at 3", "subscribers", None),
    ("fitness", "Заморозки, оформленные за последние 10 дней, ежедневно в 7", "sales.freezes",
     "created_at >= now() - interval '10 days'"),
    ("evcharge", "Сессии по тарифу каждый час", "charging.sessions", None),
    # fixreg28: the "qualifier" spells the referenced table's own name (schedule.group_classes 'Групповые
    # занятия') or is a pronominal adjective («на которые клиент»): no rows of it are picked
    ("fitness", "Записи на эти групповые занятия ежедневно в 4", "schedule.bookings", None),
    ("fitness", "Bookings for the group classes, every hour", "schedule.bookings", None),
    ("fitness", "Записи на групповые занятия, на которые клиент не пришёл (no_show), ежедневно в 5",
     "schedule.bookings", "status = 'no_show'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text", "table", "where"), PLANNED)
def test_planned(catalog: str, request_text: str, table: str, where: str | None) -> None:
    spec = ok_spec(catalog, request_text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


REJECTED = [
    ("helpdesk", "Выкоси все старые тикеты из support.tickets"),
    ("shop", "Выкосите отменённые заказы"),
    ("shop", "Выкашивай таблицу orders каждую ночь"),
    ("shop", "Nuke all cancelled orders from the orders table"),
    ("shop", "Wipe out the customers table"),
    ("helpdesk", "Грохни закрытые тикеты"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text"), REJECTED)
def test_rejected(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "rejected", (outcome.status, outcome.questions)


@pytest.mark.parametrize("request_text", ["Выкоси", "nuke"])
def test_destroy_word_alone_asks(request_text: str) -> None:
    outcome = plan_in("shop", request_text)
    assert outcome.status == "needs_clarification"
