"""Issue 15 (heldout 29a's event verbs, windows and time columns; modes and refusals).

- "Trips that started in the last 3 days", «Сессии, которые начались за последние 12 часов»: a verb naming an
  event right before a rolling window puts the window on that event's time column (started_at, by its name in
  English, by its comment's noun «Начало …» in Russian), as the Russian participle «начатые за …» already did
  (planner136); the window went to created_at. When that column is NOT NULL the event happened to every row: the
  verb says when, and the status value of the same word ('started') is no state the rows keep, so no
  `status = 'started'`. A nullable event column keeps the state reading beside the window ("Loans that were
  returned in the last 7 days": the window on returned_at).
- «Заказы, которые изменились, дописывать»: a relative clause whose verb says the rows changed is the changed-rows
  cue, as «изменившиеся заказы» is (README: changed rows by lemma -> incremental by `updated_at`).
- «Залы типа 4DX»: a code that starts with a digit after a column word ('Формат показа (2D, 3D, IMAX)') is a
  value of that column; one the comment does not list is asked, never dropped.
- «Выкинь из базы все отменённые заказы»: a verb that throws rows away, with «из базы»/«из БД»/«из источника»
  after it, deletes in the source: refused, as «удали» is. «дубли по email выкинуть» stays a dedupe.

Requests phrased anew over several catalogs (none copied from an eval file).

first pass (at 3823ae9, before the rules): 16/21 failed (all but the Russian «которые начались» on trips, the
Russian «которые отменили» (asked), the listed «2D» and both kept «выкинуть» loads). «Сеансы в формате 4K» was
replaced by «5D» after the first pass («4K» is read as the number 4000 by the thousands rule, another family; «5D»
failed alike before the rules). The English format tests were added after the rules, when "Editions in djvu format"
and "Screenings of format 4DX" were found planned with no filter (the two listed ones passed before).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in, where_or_asked

# --- 1. an event verb before a window: the window is on that event's time column ---------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("carshare", "Trips that started in the last 3 days, every hour", "started_at >= now() - interval '3 days'"),
        ("evcharge", "Sessions that started in the last 12 hours, hourly",
         "started_at >= now() - interval '12 hours'"),
        ("evcharge", "Сессии зарядки, которые начались за последние 12 часов, каждый час",
         "started_at >= now() - interval '12 hours'"),
        ("carshare", "Поездки, которые начались за последние трое суток, каждый час",
         "started_at >= now() - interval '3 days'"),
    ],
)  # fmt: skip
def test_an_event_every_row_has_is_the_window_alone(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text", "window"),
    [
        ("carshare", "Trips that finished in the last 2 days, hourly", "finished_at >= now() - interval '2 days'"),
        ("hotel", "Bookings that were cancelled in the last 5 days, every 2 hours",
         "cancelled_at >= now() - interval '5 days'"),
        ("library", "Loans that were returned in the last 7 days, every hour",
         "returned_at >= now() - interval '7 days'"),
        ("hotel", "Брони, которые отменили за последние 5 дней, каждые 2 часа",
         "cancelled_at >= now() - interval '5 days'"),
        ("library", "Выдачи, которые вернули за последнюю неделю, каждый час", "returned_at >= now()"),
    ],
)  # fmt: skip
def test_a_nullable_event_puts_the_window_on_its_time(catalog: str, text: str, window: str) -> None:
    where_or_asked(catalog, text, (window,))
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        where = outcome.spec.source.where or ""  # type: ignore[union-attr]
        assert where.count("now()") == 1, where


def test_the_event_column_named_in_english_is_planned() -> None:
    spec = ok_spec("library", "Loans that were returned in the last 7 days, every hour")
    assert "returned_at >= now() - interval '7 days'" in (spec.source.where or "")


# --- 2. changed rows said as a relative clause --------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Заказы, которые изменились, дописывать каждые 15 минут"),
        ("library", "Читателей, которые обновились, догружать каждый час"),
        ("vet", "Питомцев, которые поменялись, дописывать раз в час"),
    ],
)
def test_a_changed_clause_loads_changed_rows(catalog: str, text: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.incremental is not None
    assert spec.source.incremental.column == "updated_at"
    assert not spec.source.where


# --- 3. a digit-led code after a column word ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Залы типа 4DX, ежедневно", "Сеансы в формате 5D, ежедневно в 7"],
)
def test_an_unlisted_digit_code_is_asked(text: str) -> None:
    assert plan_in("cinema", text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("cinema", "Screenings of format 4DX every evening at 8"),
        ("cinema", "Halls of type 4DX, daily"),
        ("library", "Editions in djvu format daily at 6"),
    ],
)
def test_an_unlisted_english_format_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("library", "Editions in ebook format daily at 6", "format = 'ebook'"),
        ("cinema", "Screenings in IMAX format every evening at 8", "format = 'IMAX'"),
    ],
)  # fmt: skip
def test_a_listed_english_format_is_planned(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_listed_digit_code_is_planned() -> None:
    assert ok_spec("cinema", "Сеансы в формате 2D каждое утро в 6").source.where == "format = '2D'"


# --- 4. a verb throwing rows out of the database ------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Выкинь из базы все отменённые заказы"),
        ("hr", "Выбросите из БД уволенных сотрудников"),
        ("library", "Убери из базы все списанные экземпляры"),
    ],
)
def test_throwing_rows_out_of_the_database_is_refused(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "rejected"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "клиенты в клик каждый час, дубли по email выкинуть"),
        ("shop", "заказы в клик ежедневно, отменённые выкинуть"),
    ],
)
def test_throwing_rows_out_of_the_load_stays_planned(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "ok"
