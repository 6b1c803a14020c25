"""Round 49 (issue #15): load requests noticed outside the eval giving a wrong confident plan or an odd question.

1. A word read as a listed value of the loaded table that a table it references lists too («кредитные
   транзакции»: transactions.direction or the card's card_type 'credit'): asked, never one reading picked.
2. A state word a yes/no column's comment says by its verb ('Опубликован на сайте') reads the same in both
   languages: «опубликованные отзывы» and "published reviews" are `is_public = true`.
3. "except closed ones" on a table with no column 'closed' is the state (status value or closed_* time column),
   never a column to leave out; asked only when both fit.
4. The generic row-condition question gives an example over the table's own columns.
5. «завершённые не нужны» is the rows' state (a status value, an ended time column), asked only when both fit.
6. "(no X)" and «(нет X)» read alike.
7. Russian words for listed English values: «семейные номера», «убытки по болезням».

Requests of my own over bank, hotel, insurance, carshare, telecom, utility, univ, shop, clinic and hr.
First pass against main d4f6157: 23 of 38 failed before the rules (confident wrong among them: «кредитные
transactions» as direction, "(no returns)" loading every row).
"""

from __future__ import annotations

import pytest

from tests.catalogs import CATALOGS
from tests.planned import ok_spec, plan_in

# --- 1. a listed value of the loaded table that a referenced table lists too: asked


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "кредитные транзакции ежедневно"),
        ("bank", "загружать кредитные операции в клик каждый день в 3"),
        ("bank", "дебетовые операции ежедневно в 6"),
        ("bank", "credit transactions to clickhouse daily at 4"),
    ],
)
def test_a_value_a_referenced_table_lists_too_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source.where


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("bank", "кредитные карты ежедневно в 5", "card_type = 'credit'"),  # the card's own kind
        ("bank", "транзакции ежедневно, направление credit", "direction = 'credit'"),  # the column said
        ("bank", "transactions daily where direction = 'debit'", "direction = 'debit'"),
        ("carshare", "штрафы ежедневно, только оспоренные", "status = 'disputed'"),  # a row's own status
    ],
)
def test_a_value_of_the_rows_own_column_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 2. a comment's verb reads the flag alike in both languages


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hotel", "опубликованные отзывы ежедневно", "is_public = true"),
        ("hotel", "published reviews daily", "is_public = true"),
        ("hotel", "guest reviews every day at 6, only the published ones", "is_public = true"),
        ("hotel", "отзывы гостей каждый день в 6, только опубликованные", "is_public = true"),
    ],
)
def test_a_comment_verb_reads_the_flag_in_both_languages(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 3. "except closed ones": the state, never a column 'closed' to leave out


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("bank", "deposits every hour except closed ones", "status <> 'closed'"),
        ("bank", "bank clients daily except closed ones", "closed_at IS NULL"),
        ("telecom", "support tickets hourly, skip closed", "status <> 'closed'"),
    ],
)
def test_except_closed_reads_the_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    "text",
    [
        "loans every hour except closed ones",
        "loans hourly without closed ones",
        "accounts every 2 hours except the closed ones",
    ],
)
def test_except_closed_with_two_readings_reads_the_listed_value(text: str) -> None:
    # planner85 (README convention changed; asked about the state before): status lists 'closed'
    outcome = plan_in("bank", text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == "status <> 'closed'"
    assert any("closed" in note and "status" in note for note in outcome.assumptions), outcome.assumptions


# --- 4. the generic row-condition question's example names the table's own columns


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("bank", "loans daily, the weird ones"),
        ("hotel", "отзывы ежедневно только нормальные"),
        ("shop", "заказы ежедневно, только хорошие"),
        ("carshare", "trips daily, the odd ones only"),
        ("hotel", "бронирования ежедневно, странные не нужны"),  # asked since planner52
    ],
)
def test_the_row_condition_example_uses_the_tables_columns(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    tables = {t.qualified_name: t for tables in CATALOGS[catalog]().tables.values() for t in tables}
    for question in outcome.questions:
        for name in ("returned_at", "amount > 100", "status = 'paid'", "total > 1000"):
            if name in question:
                table = next(t for qualified, t in tables.items() if qualified in question)
                column = name.split()[0]
                assert table.column(column, exact=True) is not None, question
                if name == "status = 'paid'":
                    assert "paid" in (table.column("status", exact=True) or table.columns[0]).comment, (
                        question
                    )


# --- 5. «завершённые не нужны»: the state the catalog holds


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        (
            "univ",
            "записи на дисциплины ежедневно, завершённые не нужны",
            "status IS DISTINCT FROM 'completed'",
        ),
        ("telecom", "интернет-сессии каждый час, завершённые не нужны", "ended_at IS NULL"),
        ("utility", "отключения ежедневно, кроме завершённых", "ended_at IS NULL"),
        ("bank", "операции по счетам ежедневно, завершённые не нужны", "status <> 'completed'"),
    ],
)
def test_completed_not_needed_reads_the_state(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        pytest.param(
            "carshare",
            "поездки ежедневно, завершённые не нужны",  # status 'finished' and finished_at
            marks=pytest.mark.xfail(
                strict=True,
                reason="not fixed in round 49: «завершённые» names the zones table ('... завершения аренды')",
            ),
        ),
        ("carshare", "поездки каждый час, кроме завершённых"),  # fixed since (session 15)
    ],
)
def test_completed_with_two_readings_asks_about_the_state_not_the_table(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert not any("Какую таблицу" in q or "Which table" in q for q in outcome.questions), outcome.questions


# --- 6. "(no X)" and «(нет X)» read alike


@pytest.mark.parametrize(
    ("catalog", "english", "russian"),
    [
        ("bank", "loans daily (no overdue)", "кредиты ежедневно (нет просрочки)"),
        ("shop", "orders daily (no returns)", "заказы ежедневно (нет возвратов)"),
        ("telecom", "calls daily (no roaming)", "звонки ежедневно (нет роуминга)"),
        ("hr", "employees daily (no fired)", "сотрудники ежедневно (нет уволенных)"),
    ],
)
def test_no_x_in_brackets_reads_alike_in_both_languages(catalog: str, english: str, russian: str) -> None:
    en, ru = plan_in(catalog, english), plan_in(catalog, russian)
    assert en.status == ru.status, (en.questions, ru.questions)
    if en.status == "ok":
        assert en.spec is not None and ru.spec is not None
        assert en.spec.source.where == ru.spec.source.where
        assert en.spec.source.where, "every row loaded"


# --- 7. Russian words for listed English values


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("hotel", "семейные номера ежедневно", "room_type = 'family'"),
        ("hotel", "выгружать номера семейные в клик каждый день в 4", "room_type = 'family'"),
        ("insurance", "убытки по болезням ежедневно", "claim_type = 'illness'"),
        ("insurance", "убытки по ДТП каждый день в 2", "claim_type = 'accident'"),
        ("insurance", "страховые случаи из-за болезней ежедневно", "claim_type = 'illness'"),
    ],
)
def test_a_russian_word_for_a_listed_value_is_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where
