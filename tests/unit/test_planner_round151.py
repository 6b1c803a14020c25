"""Issue 15 (heldout_2026-12-27a): wrong confident plans and numbers compared beside a state or flag.

A number grouped by thousands right after a comparison word is read whole even when a comma and a digit follow
(«больше 500 000, 1-го числа»: was `> 500`). A short participle joined by «и» inside a relative clause is the
clause's second state («которые пришли через сайт (website) и сейчас подтверждены»: was dropped). The «по» of
«по которым» is a relative clause's, never the new-rows column's preposition. A cause in Russian words after
«по причине» is asked, never a value of the reason column. The words naming the table ("the fault tickets
table") are no value of its column. A comparison word, a number and an optional unit after a column phrase
(said by its comment's words, «с числом страниц не больше 50», or by what is left, "fewer than 3 remaining")
is one condition; "at least" is no typo of a table "leases"; a key said by words («Счета пациентам от
5 000» of patient_id 'Пациент') is never compared with a number; of several money columns the amount of the
rows' own noun ('Сумма счёта' of 'Счета за приём') is the one a bare «от 3 000 рублей» compares. Requests
phrased anew over several catalogs (none from an eval file).

first pass: 21/27 failed; the window test added after the first pass (failed before its fix) (the ones that passed: «и уже отменены», the «по которым» window, both table-words
requests, «Оплаты гостей от 20 000 рублей» and the insurance question: kept as guards)."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a grouped number after a comparison word, then a comma and a day of month ---------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where", "schedule"),
    [
        ("bank", "Кредиты с суммой кредита больше 500 000, 1-го числа каждого месяца в 9 утра",
         "principal > 500000", "0 9 1 * *"),
        ("carshare", "Штрафы дороже 10 000, 15-го числа каждого месяца в 8 утра", "amount > 10000",
         "0 8 15 * *"),
        ("bank", "Deposits with an amount over 1 000 000, 2 am daily", "amount > 1000000", "0 2 * * *"),
    ],
)  # fmt: skip
def test_a_grouped_number_after_a_comparison_is_whole(
    catalog: str, text: str, where: str, schedule: str
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert spec.schedule == schedule


# --- 2. a second state joined by «и» inside a relative clause ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Брони, которые пришли через сайт (website) и сейчас подтверждены — ежедневно в 7:00",
         "channel = 'website' AND status = 'confirmed'"),
        ("Брони, которые пришли через сайт (website) и уже отменены — ежедневно в 7:00",
         "channel = 'website' AND status = 'cancelled'"),
        ("Reservations that came via the website and are now confirmed, daily at 7 am",
         "channel = 'website' AND status = 'confirmed'"),
    ],
)  # fmt: skip
def test_a_second_state_in_a_relative_clause_is_read(text: str, where: str) -> None:
    assert ok_spec("hotel", text).source.where == where


# --- 3. «по которым» is no new-rows column; the window's named column makes it an upsert ---------------------


def test_a_relative_po_is_no_incremental_column() -> None:
    spec = ok_spec(
        "hotel",
        "Брони, по которым гость так и не заселился (no_show), за последние 3 дня по check_in, каждый час",
    )
    assert spec.source.where == "status = 'no_show' AND check_in >= now() - interval '3 days'"
    assert spec.target.mode == "upsert"
    assert spec.target.keys == ["id"]
    assert spec.source.incremental is None


def test_a_word_naming_another_time_than_the_event_time_asks_the_window() -> None:
    """«клиент» of slot_at 'Время, на которое записан клиент' beside created_at: the window is asked, never put
    on created_at while the words point at slot_at (found while fixing the «по которым» reading)."""
    outcome = plan_in(
        "autoservice",
        "Записи на ремонт, по которым клиент не пришёл (no_show), за последние 3 дня, раз в час",
    )
    assert outcome.status == "needs_clarification"
    assert any("slot_at" in q for q in outcome.questions)


# --- 4. a cause in Russian words is asked ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "phrase"),
    [
        ("fitness", "Заморозки по причине переезда ежедневно в 6 утра", "по причине переезда"),
        ("library", "Штрафы по причине порчи каждый день в 8 утра", "по причине порчи"),
    ],
)  # fmt: skip
def test_a_cause_in_words_is_asked(catalog: str, text: str, phrase: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert any(phrase in q for q in outcome.questions)


# --- 5. the words naming the table are no value -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("evcharge", "Capture changes from the fault tickets table via CDC", "fault_tickets"),
        ("hotel", "Stream changes of the folio charges table via CDC", "folio_charges"),
    ],
)  # fmt: skip
def test_the_table_words_are_no_value(catalog: str, text: str, table: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.type == "cdc"
    assert spec.source.where is None


def test_the_table_words_are_no_value_of_a_commented_column() -> None:
    """'Код события трекинга' lists no 'tracking': "tracking" is the table's name tracking_events."""
    spec = ok_spec("logistics", "Replicate rows of the tracking events table hourly")
    assert spec.source.table.endswith("tracking_events")
    assert spec.source.where is None


# --- 6. a number compared beside a state or flag ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        ("realty", "Active leases with a deposit of at least 100 000, daily at 6 am", "sales.leases",
         "status = 'active' AND deposit_amount >= 100000"),
        ("realty", "Leases that are terminated with a deposit amount of at least 50000, hourly", "sales.leases",
         "status = 'terminated' AND deposit_amount >= 50000"),
        ("autoservice", "Non-original parts with fewer than 3 remaining, hourly", "service.parts",
         "is_original = false AND stock_qty < 3"),
        ("autoservice", "Client cars that are not under warranty, upsert on vin daily", "cars",
         "is_under_warranty = false"),
        ("library", "Издания с числом страниц не больше 50 — ежедневно", "editions", "pages <= 50"),
        ("helpdesk", "Перезвоны с числом попыток не больше трёх — каждый час", "voice.callbacks",
         "attempts <= 3"),
        ("clinic", "Счета пациентам от 5 000 — ежедневно в 21:00", "billing.invoices", "amount >= 5000"),
        ("hotel", "Оплаты гостей от 20 000 рублей каждый час", "finance.payments", "amount >= 20000"),
        ("vet", "Счета от 3 000 рублей каждые 2 часа", "care.invoices", "total_amount >= 3000"),
        ("vet", "Счета за приём от 3 000 рублей каждые 2 часа", "care.invoices", "total_amount >= 3000"),
        ("food", "Vegan dishes, daily at 7 am", "menu_items", "is_vegan = true"),
        ("logistics", "Lost parcels with a weight over 5 kg, hourly", "shipments",
         "status = 'lost' AND weight_kg > 5"),
    ],
)  # fmt: skip
def test_a_number_beside_a_state_is_one_condition(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


def test_two_money_columns_neither_of_the_rows_noun_are_asked() -> None:
    """'Заявленная сумма' and 'Сумма к выплате' of 'Страховые случаи': which amount is not said."""
    outcome = plan_in("insurance", "Страховые случаи от 100 000 рублей каждый час")
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "phrase"),
    [
        ("food", "Load sugar-free dishes hourly", "sugar-free dishes"),
        ("logistics", "Copy fragile parcels every hour", "fragile parcels"),
    ],
)  # fmt: skip
def test_an_unread_qualifier_of_a_jargon_noun_is_asked(catalog: str, text: str, phrase: str) -> None:
    """ "dishes", "parcels" name menu_items and shipments by their comments' nouns; a word before them no rule
    reads says which rows, so it is asked as before a table's own name ("gluten-free menu items")."""
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert any(phrase in q for q in outcome.questions)
