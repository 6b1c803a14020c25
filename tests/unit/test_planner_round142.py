"""Wrong confident plans of the blind batch 26a other than a dropped second condition (planner142, issue 15).

1. A negation or a bound turned around: "no longer"/"no more" before a state ("clubs that are no longer open")
   and Russian «больше не» before an adjective («больше не активны») negate it; "no longer than 5 minutes",
   "not less than 100 seats" are the opposite bounds (at most, at least); "X and up" is `>= X`.
2. «решённые заявки (код 4)»: a bracket giving the status's code explains the state word, no
   `resolved_at IS NOT NULL` beside it (a bracket naming the event column keeps it).
3. A window's time column named with «по»/"by" right after or before the window («за последние 30 дней по
   paid_at апсертом», "by paid_at over the last 30 days") is the window's column: no upsert key, no mart.
4. Must-ask requests: a bare window on a table with two NOT NULL event times is asked even though the window's
   own word («последний») is in a column comment ('Время последнего изменения'); a cause no column lists («из-за
   <noun>», "due to <noun>") is asked; "the <value> <column noun>" with a value the column does not list is
   asked. Words saying which rows («кроме уволенных», a flag's noun) before a mask list are not masked.

Requests of my own over other catalogs (fitness, cinema, realty, telecom, univ, carshare, hr, construction).

First pass (the file run against main 2294f49, without these rules; written beside the rules, not before
them): 24 of 30 failed. The six that passed guard the family: «Залы от 150 мест и выше», «Решённые тикеты
(статус 4)», the bracket naming resolved_at, the two univ windows' WHERE (paid_at is also the event time; their
keys failed) and the English mask after "except fired ones".
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

PLANNED = [
    # 1. negations and bounds
    ("fitness", "Trainers who are no longer active, daily at 7", "trainers", "is_active = false"),
    ("fitness", "Тренеры, которые больше не активны, каждый день в 7", "trainers", "is_active = false"),
    ("fitness", "Clubs with a pool that are no longer open, daily", "clubs", "has_pool = true AND is_open = false"),
    ("cinema", "Cinemas no longer open, every Monday at 9", "cinemas", "is_open = false"),
    ("realty", "Agents who are no longer active, weekly on Friday", "agents", "is_active = false"),
    ("cinema", "Halls with 200 seats and up, daily", "halls", "seats >= 200"),
    ("cinema", "Cinemas with five halls and up, daily at 3", "cinemas", "halls_count >= 5"),
    ("realty", "Properties with 3 rooms and up, hourly", "properties", "rooms >= 3"),
    ("cinema", "Залы от 150 мест и выше ежедневно", "halls", "seats >= 150"),
    ("telecom", "Calls no longer than 5 minutes, daily", "calls", "duration_sec <= 300"),
    ("telecom", "Calls not shorter than 5 minutes, daily", "calls", "duration_sec >= 300"),
    ("cinema", "Halls with no more than 100 seats, daily", "halls", "seats <= 100"),
    ("cinema", "Halls with not less than 100 seats, daily", "halls", "seats >= 100"),
    # 2. a bracketed code explains the state word
    ("helpdesk", "Решённые тикеты (статус 4) раз в час", "tickets", "status = 4"),
    ("helpdesk", "Resolved tickets (status 4), every 2 hours", "tickets", "status = 4"),
    ("helpdesk", "Решённые заявки (resolved_at) ежечасно", "tickets", "resolved_at IS NOT NULL"),
    # 3. a window's column named beside it
    ("univ", "Оплаты обучения за последние 30 дней по paid_at апсертом, каждые 6 часов", "tuition_payments",
     "paid_at >= now() - interval '30 days'"),
    ("univ", "Tuition payments by paid_at over the last 30 days, every 6 hours", "tuition_payments",
     "paid_at >= now() - interval '30 days'"),
    ("carshare", "Поездки за последние 7 дней по finished_at мержить, ежечасно", "trips",
     "finished_at >= now() - interval '7 days'"),
    ("carshare", "Trips over the last 7 days by finished_at, upsert, hourly", "trips",
     "finished_at >= now() - interval '7 days'"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text", "table", "where"), PLANNED)
def test_planned(catalog: str, request_text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, request_text)
    assert spec.source.type == "sql"
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


WINDOW_KEYS = [
    ("univ", "Оплаты обучения за последние 30 дней по paid_at апсертом, каждые 6 часов"),
    ("carshare", "Поездки за последние 7 дней по finished_at мержить, ежечасно"),
]


@pytest.mark.parametrize(("catalog", "request_text"), WINDOW_KEYS)
def test_window_column_is_no_key(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.spec is not None
    assert outcome.spec.target.mode == "upsert"
    assert outcome.spec.target.keys == ["id"]


MASKED = [
    ("hr", "Сотрудников, кроме уволенных, телефон и email скрыть, ежедневно", ["phone", "email"], "fired_at IS NULL"),
    ("hr", "Employees, except fired ones, phone and email masked, daily", ["phone", "email"], "fired_at IS NULL"),
    ("realty", "VIP клиентов, паспорт скрыть, ежедневно", ["passport_no"], "is_vip = true"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text", "mask", "where"), MASKED)
def test_row_words_not_masked(catalog: str, request_text: str, mask: list[str], where: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where == where
    masked = [c for t in outcome.spec.transforms if t.type == "mask" for c in t.columns]
    assert sorted(masked) == sorted(mask)


ASKED = [
    ("construction", "Аренду техники за последние две недели, ежедневно"),  # rented_from or created_at?
    ("hotel", "Hotels rated 4 stars and up daily"),  # "rated" unread: asked, not dropped
    ("insurance", "Claims due to lightning, hourly"),  # claim_type lists no lightning
    ("insurance", "Страховые случаи из-за урагана ежедневно"),
    ("utility", "Tariffs of the holiday zone, daily"),  # zone lists day, night, peak
]


@pytest.mark.parametrize(("catalog", "request_text"), ASKED)
def test_asked(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "needs_clarification", outcome.spec
