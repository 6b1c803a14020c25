"""Planner families fixed in round 6 (issue 15), in general form: each test uses phrasings of its own,
over the demo catalogs, end to end through the offline planner."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("clinic", "пациентов в кликхаус ежедневно, у которых рост не пустой"),
        ("hr", "сотрудников в кликхаус ежедневно, у которых рост не пустой"),
        ("clinic", "пациентов в кликхаус ежедневно, где не указан"),
    ],
)
def test_a_null_predicate_at_the_end_on_an_unknown_column_is_asked_about(planners, catalog, text) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification" and outcome.questions


def test_a_null_predicate_at_the_end_on_a_known_column_is_read(planners) -> None:
    outcome = planners["clinic"].plan("пациентов в кликхаус ежедневно, у которых телефон не пустой")
    assert outcome.status == "ok" and outcome.spec.source.where == "phone IS NOT NULL AND phone <> ''"


@pytest.mark.parametrize(
    "text",
    [
        "Copy staff and payroll data to ClickHouse at 2am",
        "Загрузи сотрудников и данные payroll в кликхаус в 2 ночи",
    ],
)
def test_a_schema_word_shared_with_the_connection_description_still_names_its_table(planners, text) -> None:
    """ "payroll" is a word of pg_hr's description ("HR and payroll database") and the schema of payslips:
    next to another table noun it is a second table, asked about, not a connection word dropped."""
    outcome = planners["hr"].plan(text)
    assert outcome.status == "needs_clarification"
    assert "payslips" in outcome.questions[0]


def test_a_schema_word_alone_names_its_one_table(planners) -> None:
    outcome = planners["hr"].plan("Copy payroll data to ClickHouse at 2am")
    assert outcome.status == "ok" and outcome.spec.source.table == "payroll.payslips"


def test_a_status_word_that_names_the_compared_column_is_no_status(planners) -> None:
    """ "refund" is a status word ("refunded") and the first part of `refund_amount`: compared to a number it
    is the column."""
    outcome = planners["logistics"].plan("returns with refund above three thousand to CH every day at 8am")
    assert outcome.status == "ok" and outcome.spec.source.where == "refund_amount > 3000"


@pytest.mark.parametrize(
    "text",
    [
        # «со статусом new и paid», "status new or paid" are one list since planner14: status IN ('new',
        # 'paid') (heldout j-ru-022 «со статусом lost или delivered» expects the list; round 10 reads Latin
        # codes joined by and/or as IN). They were asked only because the status rule took 'paid' aside.
        "оплаченные заказы со статусом new в кликхаус ежедневно",
    ],
)
def test_two_conditions_on_one_column_are_asked_about(planners, text) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "needs_clarification"
    assert "'new'" in outcome.questions[0] and "'paid'" in outcome.questions[0]


@pytest.mark.parametrize(
    ("text", "where", "columns"),
    [
        ("заказы со статусом paid, только id, customer_id и total, в клик каждый день в 6:00", "status = 'paid'",
         ["id", "customer_id", "total"]),
        ("orders with status new, only id and total, to clickhouse every day at 5", "status = 'new'", ["id", "total"]),
        ("orders with status paid, id and total only, to clickhouse daily", "status = 'paid'", ["id", "total"]),
        ("заказы: только id и total, в кликхаус ежедневно", None, ["id", "total"]),
    ],
)  # fmt: skip
def test_a_column_list_after_a_latin_value_is_no_value_list_and_no_measure(
    planners, text, where, columns
) -> None:
    """A Russian word after a Latin status value starts the next clause; "total" in a list of column names
    after «только»/"only" is the column, not a sum (no mart)."""
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.type == "sql" and outcome.spec.source.table == "orders"
    assert outcome.spec.source.where == where and outcome.spec.source.columns == columns


def test_a_measure_word_outside_a_column_list_still_makes_a_mart(planners) -> None:
    outcome = planners["shop"].plan("only new orders and total revenue by day to clickhouse")
    assert outcome.status != "ok" or outcome.spec.source.type == "mart"


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("products -> clickhouse every 4h", "0 */4 * * *"),
        ("products -> clickhouse every 30min", "*/30 * * * *"),
        ("products -> clickhouse every 10m", "*/10 * * * *"),
        ("products -> clickhouse every 3hrs", "0 */3 * * *"),
        ("товары в клик каждые 2ч", "0 */2 * * *"),
        ("товары в клик каждые 20мин", "*/20 * * * *"),
    ],
)
def test_a_unit_glued_to_the_number_of_an_interval(planners, text: str, cron: str) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok" and outcome.spec.schedule == cron


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("load products into clickhouse at ten past four am every day", "10 4 * * *"),
        ("load products into clickhouse at twenty to nine pm every day", "40 20 * * *"),
        ("load products into clickhouse at 25 past 6 in the morning every day", "25 6 * * *"),
        ("load products into clickhouse daily at five minutes to 7 am", "55 6 * * *"),
        ("товары в клик каждый день в десять минут девятого утра", "10 8 * * *"),
        ("товары в клик каждый день без десяти семь вечера", "50 18 * * *"),
        ("товары в клик каждый день без двадцати пять утра", "40 4 * * *"),
    ],
)
def test_minutes_said_before_the_hour(planners, text: str, cron: str) -> None:
    """ "N past/to H" and «без N H» / «N минут H-ого»; «без десяти семь» was read as 17:00 (the numeral
    composer joined «десяти семь» into 17)."""
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule == cron


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("logistics", "возвраты с кодом damaged в хранилище ежедневно", "damaged"),
        ("shop", "клиенты с тегом vip в кликхаус ежедневно", "vip"),
        ("univ", "преподаватели с пометкой visiting в клик каждый день в 6 утра", "visiting"),
    ],
)
def test_an_unplaced_latin_value_in_a_russian_request_is_asked_about(planners, catalog, text, quoted) -> None:
    """A Latin word that names nothing in the catalog and no rule put into the WHERE is a value the user
    meant; planning without it would load rows the user excluded."""
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"
    assert quoted in outcome.questions[0]


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Лиды из crm в кликхаус ежедневно в 7:00"),
        ("shop", "Продажи грузить в ClickHouse upsert по id каждые 15 минут"),
        ("shop", "Выгружать клиентов в кликхаус ежедневно в формате Parquet"),
        ("clinic", "койки каждые 10 минут в хранилище, merge по ward и bed_no"),
        ("univ", "Сессии Wi-Fi в CH ежедневно"),
    ],
)
def test_latin_words_the_catalog_or_lexicon_knows_are_not_values(planners, catalog, text) -> None:
    assert planners[catalog].plan(text).status == "ok"


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("logistics", "возвраты с причиной damaged в хранилище ежедневно", "reason = 'damaged'"),
        ("logistics", "возвраты, причина wrong_size, в хранилище ежедневно", "reason = 'wrong_size'"),
        ("univ", "Студенты группы IT21 в клик ежедневно", "group_code = 'IT21'"),
    ],
)
def test_russian_column_words_without_a_comment(planners, catalog, text, where) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok" and outcome.spec.source.where == where


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        (
            "univ",
            "книги на руках, которые ещё не вернули, в клик каждый день в 7 утра",
            "returned_at IS NULL",
        ),
        ("univ", "выдачи книг, которые уже вернули, в клик ежедневно", "returned_at IS NOT NULL"),
        ("univ", "проживающих, которые ещё не выселились, в клик ежедневно", "checked_out_on IS NULL"),
        # univ students also have a status listing 'expelled': asked there (test_planner_round16.py)
        ("hr", "сотрудников, которые не уволены, в клик ежедневно", "fired_at IS NULL"),
        ("hr", "сотрудников, которые пока не уволены, в клик ежедневно", "fired_at IS NULL"),
        ("univ", "library loans that have not been returned yet to ClickHouse daily", "returned_at IS NULL"),
        ("univ", "library loans which haven't been returned to ClickHouse daily", "returned_at IS NULL"),
    ],
)
def test_a_relative_clause_names_the_event_of_a_time_column(planners, catalog, text, where) -> None:
    """«которые (ещё) не <verb>» / "that have not been <verb>ed": the verb matches the time column's comment
    (lemma or root) or its name; «Вернуть до» (due_on) loses to «Когда книгу вернули» by the word form."""
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("logistics", "посылки, которые ещё не забрали, в клик ежедневно"),
        ("shop", "клиенты, которые ещё не подтвердили почту, в клик ежедневно"),
    ],
)
def test_a_negated_relative_clause_no_column_matches_is_asked_about(planners, catalog, text) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"
    assert "которые ещё не" in outcome.questions[0]


def test_a_relative_clause_without_a_state_is_no_filter(planners) -> None:
    outcome = planners["hr"].plan(
        "Candidates who applied for the vacancy 'data engineer' to CH every weekday at 7am"
    )
    assert outcome.status == "ok" and outcome.spec.source.where == "vacancy = 'data engineer'"


@pytest.mark.parametrize(
    "text",
    [
        "Сессии Wi-Fi в CH каждые 5 минут, MAC-адреса захешировать",
        "Сессии Wi-Fi в CH ежедневно, MAC-адрес не грузить",
    ],
)
def test_a_latin_prefix_of_the_column_own_name_is_no_value(planners, text) -> None:
    outcome = planners["univ"].plan(text)
    assert outcome.status == "ok" and outcome.spec.source.where is None


@pytest.mark.parametrize(
    ("catalog", "text", "columns"),
    [
        ("univ", "из students только id, ФИО, группу и статус — в клик раз в сутки в 23:30",
         ["id", "full_name", "group_code", "status"]),
        ("univ", "студентов в клик ежедневно, только фио, телефон и группу", ["full_name", "phone", "group_code"]),
        ("univ", "преподавателей в клик ежедневно, только ФИО и звание", ["full_name", "academic_title"]),
        ("hr", "сотрудников в кликхаус каждый день, только имя и email", None),
    ],
)  # fmt: skip
def test_a_list_of_column_words_after_only_is_read_whole(planners, catalog, text, columns) -> None:
    outcome = planners[catalog].plan(text)
    if columns is None:  # whatever it reads, never a list cut to its first item
        assert outcome.status != "ok" or len(outcome.spec.source.columns or [1, 2]) >= 2
        return
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.columns == columns


def test_a_list_item_no_column_answers_to_is_asked_about(planners) -> None:
    outcome = planners["univ"].plan("студентов в клик ежедневно, только фио, телефон и рост")
    assert outcome.status == "needs_clarification" and "'рост'" in outcome.questions[0]


def test_a_schedule_word_ends_the_list(planners) -> None:
    outcome = planners["shop"].plan("sync orders, only changes, hourly")
    assert outcome.status == "ok" and outcome.spec.schedule == "0 * * * *"


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("logistics", "отправления в пути в клик каждый час", "status = 'in_transit'"),
        ("logistics", "посылки, которые не в пути, в клик каждые 15 минут", "status IS DISTINCT FROM 'in_transit'"),
        ("hr", "расчётные листки в рублях в CH ежедневно в 9 утра", "currency = 'RUB'"),
        ("hr", "листки не в рублях в клик ежедневно", "currency IS DISTINCT FROM 'RUB'"),
        ("univ", "социальные стипендии в клик ежедневно", "kind = 'social'"),
        ("univ", "студентов в академическом отпуске в клик ежедневно", "status = 'academic_leave'"),
        ("univ", "преподавателей со званием доцент в клик ежедневно", "academic_title = 'доцент'"),
    ],
)  # fmt: skip
def test_a_word_for_a_value_listed_in_the_column_comment(planners, catalog, text, where) -> None:
    """The comment lists the column's values in parentheses; a Russian word whose lemma is one of them,
    or whose meaning is a part of a listed code (путь -> in_transit, рубль -> RUB), filters on it."""
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where


def test_a_genitive_that_heads_another_tables_comment_is_no_second_table(planners) -> None:
    outcome = planners["univ"].plan("оценки студентов в клик каждые 30 минут, мержить по id")
    assert outcome.status == "ok" and outcome.spec.source.table == "grades"
    assert (
        planners["univ"].plan("записи студентов на дисциплины в клик ежедневно").spec.source.table
        == "enrollments"
    )


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ("load orders into the orders_copy table daily", "orders_copy"),
        ("copy customers to the clickhouse customers_hist table every day at 3am", "customers_hist"),
        ("parquet files from s3://shop-raw/clicks/ into the clicks_raw table every hour", "clicks_raw"),
        ("load orders into the warehouse table daily", "orders"),
    ],
)
def test_the_target_name_before_the_word_table(planners, text: str, table: str) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == table


def test_a_table_word_that_names_a_column_with_the_next_word_is_that_column(planners) -> None:
    """ "the student id" in a list of dorm_residents' columns is student_id, not the students table;
    "check-in date" is checked_in_on (every part of its name but the time suffix); "ship" opening the
    request is the verb, not the status shipped."""
    outcome = planners["univ"].plan(
        "ship dorm residents to clickhouse every day at 7 pm, just the student id, room and check-in date"
    )
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "campus.dorm_residents"
    assert outcome.spec.source.columns == ["student_id", "room", "checked_in_on"]
    assert outcome.spec.source.where is None


def test_a_list_item_running_into_the_next_words_keeps_its_column(planners) -> None:
    outcome = planners["shop"].plan(
        "Переносить в кликхаус только колонки id, amount, region таблицы sales каждый час"
    )
    assert outcome.status == "ok" and outcome.spec.source.columns == ["id", "amount", "region"]


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        # «отчисленных» on univ students is asked since planner16 (status lists 'expelled' too)
        ("hr", "Сотрудники в клик ежедневно, кроме уволенных", "fired_at IS NULL"),
        ("hr", "Сотрудники в клик ежедневно, только уволенные", "fired_at IS NOT NULL"),
        ("hr", "employees to clickhouse daily, except the fired ones", "fired_at IS NULL"),
        ("hr", "уволенных сотрудников в клик ежедневно", "fired_at IS NOT NULL"),
        ("hr", "сотрудников в клик ежедневно, без уволенных", "fired_at IS NULL"),
    ],
)
def test_a_participle_after_only_or_except_is_a_state_of_the_rows(planners, catalog, text, where) -> None:
    """«кроме отчисленных» leaves out rows (expelled_on IS NULL), never the column expelled_on; the
    participle matches the time column's comment ('Дата отчисления') by its root."""
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where and outcome.spec.source.columns is None


def test_a_column_word_after_without_still_leaves_the_column_out(planners) -> None:
    outcome = planners["hr"].plan("сотрудников в клик ежедневно, без email")
    assert outcome.status == "ok" and "email" not in outcome.spec.source.columns
    assert outcome.spec.source.where is None


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("univ", "Оценки с баллом не ниже 60 в клик ежедневно", "score >= 60"),
        ("univ", "Оценки с баллом не выше сорока в клик ежедневно", "score <= 40"),
        ("univ", "grades with score no less than 50 to CH daily", "score >= 50"),
        ("univ", "grades with score at most 30 to CH daily", "score <= 30"),
    ],
)
def test_negated_comparatives(planners, catalog, text, where) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # «студентами» of student_id: a key said by words is never compared (README planner151), so the
        # number stays unread. «Оплату обучения от 10 тыс.» was the case here until planner151 read it as the
        # rows' own amount (a word of the table's comment before the comparison): see the test below.
        ("univ", "Оплату обучения студентами от 10 тыс. в клик ежедневно"),
        ("univ", "Оценки за экзамены после первого января 2025 в клик ежедневно"),
        ("univ", "grades of exams since March 2025 to CH daily"),
    ],
)
def test_an_unread_quantity_or_month_date_is_asked_about(planners, catalog, text) -> None:
    assert planners[catalog].plan(text).status == "needs_clarification"


def test_a_request_with_a_schedule_and_no_known_table_is_asked_not_refused(planners) -> None:
    # (was «курсы»: since round 10 a transliteration of `courses`, so a noun that names no table here)
    outcome = planners["univ"].plan("гранты из базы деканата в отчётную базу ежедневно в час ночи")
    assert outcome.status == "needs_clarification"
    assert planners["univ"].plan("Напиши стих про студентов").status == "rejected"


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("Курьеров в клик каждое пятнадцатое число в девять вечера", "0 21 15 * *"),
        ("Курьеров в клик каждое двадцать пятое число в 10 утра", "0 10 25 * *"),
        ("Курьеров в клик ежемесячно 12-го в 9 вечера", "0 21 12 * *"),
        ("couriers to clickhouse on the fifteenth of every month at 9 pm", "0 21 15 * *"),
        ("couriers to clickhouse the twentieth day of each month at noon", "0 12 20 * *"),
    ],
)
def test_a_day_of_the_month_as_an_ordinal_in_words_or_n_go(planners, text: str, cron: str) -> None:
    """«пятнадцатое число» was dropped (a daily job) and "the fifteenth of every month" ran on the 1st."""
    outcome = planners["logistics"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.schedule == cron


def test_a_day_of_the_month_that_not_every_month_has_is_asked_about(planners) -> None:
    assert (
        planners["logistics"].plan("Курьеров в клик каждое тридцатое число в 10").status
        == "needs_clarification"
    )


@pytest.mark.parametrize(
    ("text", "status", "where"),
    [
        ("Invoices over $2,500 to ClickHouse daily", "ok", "amount > 2500"),
        ("Invoices over $1,250,000 to ClickHouse daily", "ok", "amount > 1250000"),
        ("Invoices over 2k to ClickHouse daily", "ok", "amount > 2000"),  # planner18: "k" is thousands
        ("Счета с суммой больше 2,000 в клик ежедневно", "needs_clarification", None),
        ("Счета с суммой больше 2,5 в клик ежедневно", "ok", "amount > 2.5"),
    ],
)
def test_thousands_separators_and_glued_letters(planners, text: str, status: str, where: str | None) -> None:
    """ "over 1k" was read as amount > 1 and "$1,000" as amount > 1.000; a Russian «2,000» may be 2 or 2000."""
    outcome = planners["clinic"].plan(text)
    assert outcome.status == status, outcome.questions
    if where:
        assert outcome.spec.source.where == where


@pytest.mark.parametrize(
    "text",
    [
        "Табель в клик каждую пятницу в 18:00, без удаления старых данных",
        "Табель в клик каждую пятницу в 18:00, ничего не удаляя",
        "Load timesheets to clickhouse every friday at 6pm, don't delete old rows",
        "Load timesheets to clickhouse every friday at 6pm without deleting anything",
        "Табель в клик каждую пятницу, без перезаписи",
    ],
)
def test_a_negated_destroy_word_keeps_the_old_rows_and_is_asked_not_refused(planners, text: str) -> None:
    """«без удаления» was refused as a destructive intent (a refusal is final); planning it as a replace
    would delete what the user said to keep."""
    outcome = planners["hr"].plan(text)
    assert outcome.status == "needs_clarification"


def test_a_negated_destroy_word_with_an_append_verb_is_planned(planners) -> None:
    outcome = planners["hr"].plan(
        "Табель дописывать в клик каждую пятницу в 18:00, без удаления старых данных"
    )
    assert outcome.status == "ok" and outcome.spec.target.mode == "append"


@pytest.mark.parametrize(
    "text", ["Удали табель", "delete timesheets", "Грузи табель в клик и удали его из постгреса"]
)
def test_a_confirmed_destroy_frame_is_still_refused(planners, text: str) -> None:
    assert planners["hr"].plan(text).status == "rejected"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("logistics", "Застрявшие посылки в клик каждый час"),
        ("hr", "Переведённых сотрудников в клик ежедневно"),
    ],
)
def test_an_unread_participle_on_the_table_noun_is_asked_about(planners, catalog: str, text: str) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("shop", "Изменённые заказы в клик каждый час"),
        ("shop", "Оплаченные заказы в клик каждый час"),
        ("hr", "Уволенных сотрудников в клик ежедневно"),
    ],
)
def test_participles_other_rules_read_are_not_asked_about(planners, catalog: str, text: str) -> None:
    assert planners[catalog].plan(text).status == "ok"


def test_the_table_comment_words_before_a_bare_amount_compare_the_rows_own_amount(planners) -> None:
    """README planner151: a word of the table's own comment before the comparison («обучения» of 'Оплата
    обучения по договорам') compares the rows' one money column, as «Оплату от 10 тыс.» always did."""
    outcome = planners["univ"].plan("Оплату обучения от 10 тыс. в клик ежедневно")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == "amount >= 10000"
