"""Round 55 (issue #15): load-planner families, tested with requests of our own over several catalogs (RU, EN).

1. A head noun the glossary knows as rows of a kind («платежи», «счета», «заказы», «продажи», "invoices") that
   names no table, column or comment word of this catalog, qualified by a word that only appears in a table's
   comment outside its head («авиакомпании» of 'Пассажиры (профили клиентов авиакомпании)'), means a table the
   catalog lacks: asked, listing the tables (RU and EN). A head noun the glossary does not know («жильцов
   общаги») may be a synonym of the comment's head and is still planned; a head naming a table keeps its
   qualifier as a qualifier («брони отелей», «клиенты банка»).
2. «…, остальные не нужны», "the rest are not needed" with no filter, column list or new rows read before it
   restates nothing: asked which rows, never every row loaded. After a reading it still restates it.
3. Capitals without dots («ВУ») stand for the initials of consecutive words of one column's comment ('Номер
   водительского удостоверения'); a colon list closed by a mask verb («клиентов: телефон, почту и ВУ закрыть»)
   is what to mask, not a column subset (the lexicon lacked «закрыть», so the list was loaded as columns too).
4. «дороже» / «дешевле» compare a table's `cost` when it has no price, amount or total column.
5. «штрафы в клик, новые по id, …»: «новые по <column>» names the new rows' column, never a grouping that makes
   the request a mart; a colon followed by a masking clause («сессии: mac-адрес захешировать, …») lists no columns.
6. "employees without fired ones", «без уволенных сотрудников», "except fired employees": the state after
   «без»/«кроме»/"without"/"except" is left out (fired_at IS NULL). "without" was no cue (the state was dropped:
   every row loaded) and a state word before the table's noun was read as wanted even after «без» (turned
   around: fired_at IS NOT NULL, a confident wrong answer in both languages).
7. «заказы за месяц», «за день» (no «последний») were left unread with every row loaded: asked which rows, unless
   the table's rows have a period of their own (a `period`/`month` column: «расчётки за месяц»).
8. «сотрудников … без зарплаты»: a word after «без»/"without" that names a column of one candidate table
   (employees.salary) is that column left out, not a second table (payslips 'начисленная зарплата'): no question.

First pass against the unchanged planner (b2c358d): 22 of 36 failed before the rules. Family 1: 11 of 20 (every
must-ask request of a Russian catalog was planned on the qualifier's table; the English ones but one were asked
already); family 2: 5 of 8 (every "rest of nothing" planned all rows; one dropped its column list silently);
family 3: 4 of 5; family 4: 2 of 3; family 5 (written after the first four were fixed, run on the
unchanged planner): 3 of 6; family 6 (the same way): 7 of 9; family 7: 4 of 5; family 8: 2 of 4.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a glossary head noun no table has, qualified by a comment's non-head word: asked --------------------

GLOSS_QUALIFIER_ONLY = [
    ("airline", "счета авиакомпании в клик каждый час"),
    ("airline", "перелей платежи клиентов авиакомпании в кх ежедневно"),
    ("hr", "заказы компании в клик каждый час"),
    ("hr", "счета компании в кх раз в сутки"),
    ("logistics", "заказы складов в клик каждые полчаса"),
    ("telecom", "продажи мобильной связи в клик ежедневно в 3 ночи"),
    ("carshare", "счета ремонта в кликхаус по понедельникам"),
    ("univ", "продажи общежитий в клик ежедневно"),
    ("insurance", "заказы клиентов в клик раз в час"),
    ("clinic", "payments of wards to CH daily"),
    ("airline", "invoices of the airline to clickhouse every hour"),
    ("hr", "orders of the company to CH daily"),
]


@pytest.mark.parametrize(("catalog", "text"), GLOSS_QUALIFIER_ONLY)
def test_a_head_noun_no_table_has_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source.table
    assert outcome.questions


def test_the_question_quotes_the_phrase_and_lists_tables() -> None:
    question = plan_in("airline", "гони счета авиакомпании в кликхаус каждый час").questions[0]
    assert "счета авиакомпании" in question
    assert "sales.tickets" in question


HEAD_STILL_PLANNED = [
    ("univ", "жильцов общаги в клик ежедневно", "campus.dorm_residents"),
    ("hotel", "брони отелей в клик каждые полчаса", "booking.reservations"),
    ("bank", "клиенты банка в клик ежедневно в 2", "clients"),
    ("hr", "сотрудники компании в кх каждый день", "employees"),
    ("carshare", "платежи клиентов в клик каждый час", "rental.payments"),
    ("airline", "данные пассажиров авиакомпании в клик ежедневно", "passengers"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), HEAD_STILL_PLANNED)
def test_a_head_that_names_a_table_keeps_it(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table in (table, table.removeprefix("public."))


def test_payments_of_customers_in_the_shop_stays_asked() -> None:
    assert plan_in("shop", "Пусть оплаты клиентов попадают в ClickHouse ежедневно").status == (
        "needs_clarification"
    )


# --- 2. «остальные не нужны» with nothing read before it: asked, never every row ------------------------------

REST_OF_NOTHING = [
    ("shop", "заказы в клик каждый час, остальные не нужны"),
    ("hr", "сотрудники в кх ежедневно, прочие не грузить"),
    ("airline", "рейсы в клик раз в сутки, все остальные нам не нужны"),
    ("telecom", "звонки в кх каждые полчаса, прочие не нужны"),
]


@pytest.mark.parametrize(("catalog", "text"), REST_OF_NOTHING)
def test_the_rest_of_nothing_read_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


REST_AFTER_A_READING = [
    (
        "shop",
        "заказы со статусом cancelled в клик каждый день, остальные не нужны",
        "where",
        "status = 'cancelled'",
    ),
    ("shop", "новые заказы в клик каждый час, остальные не нужны", "incremental", "created_at"),
    (
        "shop",
        "клиенты в клик каждый день, колонки id, email и phone, остальные не нужны",
        "columns",
        "id,email,phone",
    ),
    # planner61: a list of columns before «остальные не нужны» is read as the columns to load, without «колонки»
    (
        "shop",
        "клиенты в клик каждый день: id, email и phone, остальные не нужны",
        "columns",
        "id,email,phone",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "field", "value"), REST_AFTER_A_READING)
def test_the_rest_after_a_reading_restates_it(catalog: str, text: str, field: str, value: str) -> None:
    spec = ok_spec(catalog, text)
    read = {
        "where": spec.source.where,
        "incremental": spec.source.incremental and spec.source.incremental.column,
        "columns": ",".join(spec.source.columns or []),
    }
    assert read[field] == value


# --- 3. «ВУ»: capitals standing for words of one column's comment; a colon list closed by a mask verb --------


def _masked(catalog: str, text: str) -> list[str]:
    spec = ok_spec(catalog, text)
    return [c for t in spec.transforms if t.type == "mask" for c in t.columns or []]


def test_an_acronym_of_a_column_comment_is_masked() -> None:
    assert _masked("carshare", "клиенты в кх ежедневно, ВУ захешировать") == ["license_number"]
    text = "клиентов в хранилище раз в сутки, телефон и номер ВУ скрыть"
    assert _masked("carshare", text) == ["phone", "license_number"]
    assert ok_spec("carshare", text).source.where is None  # «номер ВУ» names the column: no value 'ВУ'


def test_an_acronym_no_column_comment_spells_is_asked() -> None:
    # agents.license_number is 'Номер агентского договора': «ВУ» (a driver's licence) is none of its columns
    assert plan_in("insurance", "агенты в кх ежедневно, номер ВУ скрыть").status == "needs_clarification"


COLON_MASK_LISTS = [
    (
        "carshare",
        "клиентов: телефон, почту, ВУ и дату рождения закрыть, грузить ежедневно в 2 ночи",
        ["phone", "email", "license_number", "birth_date"],
    ),
    ("shop", "клиенты: email, телефон и снилс закрыть, грузить каждый день", ["email", "phone", "snils"]),
    (
        "hr",
        "сотрудники: телефон, почту и паспорт закрыть, ежедневно в 6 утра",
        ["phone", "email", "passport_number"],
    ),
]


@pytest.mark.parametrize(("catalog", "text", "masked"), COLON_MASK_LISTS)
def test_a_colon_list_closed_by_a_mask_verb_is_what_to_mask(
    catalog: str, text: str, masked: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert not spec.source.columns
    assert _masked(catalog, text) == masked


# --- 4. «дороже» / «дешевле» of a table whose money column is its `cost` --------------------------------------

COST_COMPARATIVES = [
    ("carshare", "ремонты машин дороже 20000 в клик по воскресеньям", "fleet.service_jobs", "cost > 20000"),
    ("carshare", "заявки на ремонт дешевле 5000 в кх ежедневно", "fleet.service_jobs", "cost < 5000"),
    ("carshare", "поездки дороже 500 в клик ежедневно", "rental.trips", "total_cost > 500"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "where"), COST_COMPARATIVES)
def test_a_price_comparative_reads_the_cost_column(catalog: str, text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.source.where) == (table, where)


# --- 5. «…, новые по id, …»: the new rows' column, no grouping of a mart; a colon opening a mask clause ------

NEW_BY_COLUMN = [
    ("carshare", "штрафы в клик, новые по id, каждые 20 минут", "rental.fines", "id"),
    ("carshare", "поездки в кх, новые по id, каждый час", "rental.trips", "id"),
    ("telecom", "платежи в кх, новые по id, каждые 15 минут", "billing.payments", "id"),
    ("bank", "платежи по кредитам в клик, новые по id, ежедневно", "lending.loan_payments", "id"),
    ("carshare", "fines to CH, new ones by id, every 20 minutes", "rental.fines", "id"),
]


@pytest.mark.parametrize(("catalog", "text", "table", "column"), NEW_BY_COLUMN)
def test_new_rows_by_a_column_are_no_mart(catalog: str, text: str, table: str, column: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.type == "sql"
    assert spec.source.table == table
    assert spec.source.incremental is not None and spec.source.incremental.column == column


def test_a_colon_opening_a_mask_clause_lists_no_columns() -> None:
    text = "вайфай-сессии: mac-адрес захешировать, новые по id каждые 10 минут"
    spec = ok_spec("univ", text)
    assert not spec.source.columns
    assert _masked("univ", text) == ["mac_address"]
    assert spec.source.incremental is not None and spec.source.incremental.column == "id"


# --- 6. "without <state> ones", «без <state> <table noun>»: the state left out, never dropped or turned around ---

LEFT_OUT_STATES = [
    ("hr", "employees daily without fired ones", "fired_at IS NULL"),
    ("hr", "employees to CH daily without the fired ones", "fired_at IS NULL"),
    ("hr", "employees to clickhouse every day at 3, without fired", "fired_at IS NULL"),
    ("hr", "employees daily except fired employees", "fired_at IS NULL"),
    ("hr", "сотрудников в кх ежедневно без уволенных сотрудников", "fired_at IS NULL"),
    ("hr", "сотрудников в кх ежедневно кроме уволенных сотрудников", "fired_at IS NULL"),
    ("insurance", "агентов в кх ежедневно, кроме уволенных агентов", "is_active = true"),
    ("hr", "только уволенных сотрудников в кх ежедневно", "fired_at IS NOT NULL"),
    ("hr", "only fired employees to CH daily", "fired_at IS NOT NULL"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), LEFT_OUT_STATES)
def test_a_state_after_without_or_except_is_left_out(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


# --- 7. «за месяц», «за день» with no «последний»: asked, unless the rows have a period of their own ---------

UNIT_SPANS = [
    ("shop", "заказы за месяц в клик ежедневно"),
    ("shop", "заказы за день в клик каждую ночь в 2"),
    ("telecom", "звонки за день в кх каждый час"),
    ("hotel", "брони за месяц в клик по понедельникам"),
]


@pytest.mark.parametrize(("catalog", "text"), UNIT_SPANS)
def test_a_bare_month_or_day_span_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


def test_a_period_of_the_rows_own_stays_unread() -> None:
    spec = ok_spec("hr", "расчётки за месяц в клик ежедневно")
    assert spec.source.table == "payroll.payslips"
    assert spec.source.where is None


# --- 8. «без <word>» naming a column of the table and another table's comment: the column left out ----------

WITHOUT_A_COLUMN_WORD = [
    ("hr", "сотрудников в кх каждый понедельник в 8:00 без зарплаты"),
    ("hr", "сотрудники в клик ежедневно, без зарплаты"),
    ("hr", "employees to CH every monday without salary"),
]


@pytest.mark.parametrize(("catalog", "text"), WITHOUT_A_COLUMN_WORD)
def test_without_a_column_word_leaves_the_column_out(catalog: str, text: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table == "employees"
    assert spec.source.columns and "salary" not in spec.source.columns


def test_two_tables_named_outside_the_exclusion_stay_asked() -> None:
    assert plan_in("hr", "сотрудники и расчётки без зарплаты в кх ежедневно").status == "needs_clarification"
