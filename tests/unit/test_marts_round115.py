"""Marts round 115 (sealed batch zy's leftovers: mzy-ru-24, mzy-ru-25, mzy-ru-02, mzy-en-14, mzy-en-20).

New requests over several catalogs, both languages (no eval request copied):
1. A date named with «по»/"by" right beside a rolling window («за последние 60 дней по дате подписания»,
   "over the last sixty days by report date") names the window's time column: no daily grain is added (a bare
   «по дате X» with no window is still a day); words naming no one time column are asked.
2. A title before the colon that a key column's comment spells («Рецептурные препараты:» of receipt_lines'
   prescription_id 'Рецепт (для рецептурных препаратов)') titles no measure: its words say which rows, and
   they are asked, never dropped (the plan summed every line, prescription drugs or not).
3. A bare grouping whose first words are a state before the rows' noun («Эскалированные (на вторую линию)
   заявки по приоритетам помесячно»): the noun after the attributes is what is counted (the tickets), not the
   tables whose key is commented 'Заявка'.
4. An English hyphenated event word ("by check-in week", "by check-out week") needs each of its pieces in the
   time column's name (checked_in_on, not checked_out_on too); "by receipt date" is received_at.

First pass (run on main 2d5cde7): 10 of 12 failed (the bare «по дате заявления» guard and the asked
«урегулирования» passed). Found on the way, not fixed (another family): "number of claims and claimed amount"
drops the bare "claimed amount" after "and" (count only, confident); "and total claimed amount" is read.
"""

from __future__ import annotations

import pytest

from tests.planned import mart, wrong_of

ASKED = {"status": "needs_clarification"}


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        (
            "insurance",
            "Полисы по продуктам за последние 60 дней по дате подписания: число полисов",
            mart(
                "underwriting.policies",
                [["count", None]],
                ["product"],
                mart__where="signed_at >= now() - interval '60 days'",
            ),
        ),
        (  # the date phrase before the window
            "carshare",
            "Поездки по тарифам по дате окончания за последние 14 дней: число поездок",
            mart(
                "rental.trips",
                [["count", None]],
                ["tariff"],
                mart__where="finished_at >= now() - interval '14 days'",
            ),
        ),
        (
            "insurance",
            "Claims per event type over the last sixty days by report date: number of claims and total claimed amount",
            mart(
                "settlement.claims",
                [["count", None], ["sum", "claimed_amount"]],
                ["claim_type"],
                mart__where="reported_at >= now() - interval '60 days'",
            ),
        ),
        (  # «урегулирования» names no time column of claims: asked, never the window on reported_at
            "insurance",
            "Убытки по типам события за последние 30 дней по дате урегулирования: число убытков",
            ASKED,
        ),
        (  # no window: a date is a day, as before
            "insurance",
            "Убытки по типам события по дате заявления: число убытков",
            mart(
                "settlement.claims",
                [["count", None]],
                ["claim_type"],
                mart__time_grain=["reported_at", "day"],
            ),
        ),
    ],
)
def test_date_beside_window_is_its_column(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


@pytest.mark.parametrize(
    "text",
    [
        "Рецептурные препараты: сколько упаковок продано по странам помесячно",
        "Рецептурные препараты: сумма строк чеков по производителям понедельно",
    ],
)
def test_key_comment_title_is_asked(text: str) -> None:
    assert wrong_of("pharmacy", text, ASKED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Эскалированные заявки по каналам понедельно",
            mart(
                "support.tickets",
                [["count", None]],
                ["channel"],
                mart__time_grain=["created_at", "week"],
                mart__where="is_escalated = true",
            ),
        ),
        (
            "Закрытые заявки по приоритетам помесячно",
            mart(
                "support.tickets",
                [["count", None]],
                ["priority"],
                mart__time_grain=["created_at", "month"],
                mart__where="status = 5",
            ),
        ),
    ],
)
def test_state_before_rows_noun_counts_the_noun(text: str, expected: dict[str, object]) -> None:
    assert wrong_of("helpdesk", text, expected) == []


@pytest.mark.parametrize(
    ("catalog", "text", "expected"),
    [
        (
            "univ",
            "Dorm residents per room, by check-in week",
            mart(
                "campus.dorm_residents",
                [["count", None]],
                ["room"],
                mart__time_grain=["checked_in_on", "week"],
            ),
        ),
        (
            "univ",
            "Dorm residents per building, by check-out week",
            mart(
                "campus.dorm_residents",
                [["count", None]],
                ["building"],
                mart__time_grain=["checked_out_on", "week"],
            ),
        ),
        (
            "pharmacy",
            "Supplies per distributor, weekly by receipt date: total amount",
            mart(
                "inventory.supplies",
                [["sum", "total_amount"]],
                ["distributor"],
                mart__time_grain=["received_at", "week"],
            ),
        ),
    ],
)
def test_event_words_name_time_column(catalog: str, text: str, expected: dict[str, object]) -> None:
    assert wrong_of(catalog, text, expected) == []


# mzy-en-16's family: "churn" beside a date or grain noun ("by churn date", «по месяцам оттока») names the
# event of churned_on, no metric the mart cannot compute; "churn rate" stays asked. First pass: 2 of 3 failed
# (the asked "churn rate" passed; these were added after the first commit, run on 973803e before the fix).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Churned subscribers per region, weekly by churn date",
            mart(
                "subscribers",
                [["count", None]],
                ["region"],
                mart__time_grain=["churned_on", "week"],
                mart__where="status = 'churned'",
            ),
        ),
        (
            "Ушедшие абоненты по тарифам, по месяцам оттока",
            mart(
                "subscribers",
                [["count", None]],
                ["tariff_id"],
                mart__time_grain=["churned_on", "month"],
                mart__where="status = 'churned'",
            ),
        ),
        ("Churn rate per tariff, monthly", ASKED),
    ],
)
def test_churn_beside_time_noun_is_event(text: str, expected: dict[str, object]) -> None:
    assert wrong_of("telecom", text, expected) == []
