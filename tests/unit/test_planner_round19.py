"""Families of confident wrong answers (and needless questions) from the held-out batch heldout_2026-12-06l,
tested with sentences phrased differently over several catalogs (none from an eval file): a negation after (or
before) the condition it turns around; the new-rows column named only by «по <column>» / "using <column>"; mask
lists that ran into key lists or lost items; a bare weekday in an aside after a weekly frequency; alternative
schedules; a bare city after a clock time; numbers in words composing across "and"; "only" closing a
preposition's phrase; a value word inside a column's name; "truncate and reload"."""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a negation closing (or opening) the clause of a condition ----------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("clinic", "записи на приём в клик каждый час, записи в статусе 'no_show' не грузить",
         "status IS DISTINCT FROM 'no_show'"),
        ("clinic", "анализы в клик ежедневно в 3 ночи, результаты со статусом 'draft' нам совсем не нужны",
         "status IS DISTINCT FROM 'draft'"),
        ("utility", "начисления в клик ежедневно в 6 утра, черновики (status = 'draft') не переносить",
         "status <> 'draft'"),
        ("utility", "заявки в клик каждый час, заявки со статусом 'rejected' не тащим, пожалуйста",
         "status <> 'rejected'"),
        ("shop", "заказы в клик ежедневно в 2 ночи, не тащить заказы со статусом 'test'",
         "status IS DISTINCT FROM 'test'"),
        ("univ", "записи на курсы в клик ежедневно в 5 утра, где status = 'dropped' — не брать",
         "status IS DISTINCT FROM 'dropped'"),
        ("shop", "sales to clickhouse daily at 4 am, sales with region 'test' are not needed",
         "region IS DISTINCT FROM 'test'"),
        ("utility", "charges to clickhouse hourly, charges with status = 'draft' should not be loaded",
         "status <> 'draft'"),
    ],
)  # fmt: skip
def test_a_negation_after_the_condition_turns_it_around(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where
    assert spec.source.columns is None  # the column of the condition is still loaded


@pytest.mark.parametrize(
    ("catalog", "text", "left_out"),
    [
        ("shop", "покупателей в клик ежедневно в 4 утра, телефон не брать", "phone"),
        ("hr", "сотрудников в клик ежедневно в 6 утра, оклад вообще не тащить", "salary"),
    ],
)
def test_a_negated_column_without_a_condition_is_still_left_out(
    catalog: str, text: str, left_out: str
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where is None
    assert spec.source.columns is not None and left_out not in spec.source.columns


# --- 2. the new-rows column named only by «по <column>» / "using <column>" ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "column", "mode", "keys"),
    [
        ("shop", "события в клик каждые 10 минут по occurred_at", "occurred_at", "append", []),
        ("hr", "проходы по пропускам в клик раз в 15 минут по occurred_at, door не нужен", "occurred_at",
         "append", []),
        ("logistics", "возвраты в клик каждый час по created_at, мержить по id", "created_at", "upsert", ["id"]),
        ("utility", "показания гнать раз в 10 минут по taken_at, слияние по id", "taken_at", "upsert", ["id"]),
        ("clinic", "visits to clickhouse every 15 minutes using updated_at", "updated_at", "append", []),
        ("univ", "grades upsert by id hourly using updated_at", "updated_at", "upsert", ["id"]),
        ("shop", "payments to clickhouse every 5 minutes by paid_at", "paid_at", "append", []),
    ],
)  # fmt: skip
def test_a_time_column_after_a_preposition_marks_the_new_rows(
    catalog: str, text: str, column: str, mode: str, keys: list[str]
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.incremental is not None and spec.source.incremental.column == column
    assert spec.target.mode == mode
    assert spec.target.keys == keys


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # the time column is one of the merge keys, the list another rule's, or no time column at all
        ("utility", "телеметрию в клик каждый час, мерж по meter_id и measured_at"),
        ("shop", "заказы в клик каждый час, дубли по created_at убрать"),
        ("shop", "orders to clickhouse hourly, dedupe by created_at"),
        ("shop", "заказы в клик каждый час по status"),
    ],
)
def test_a_time_column_in_another_rules_list_is_no_new_rows_column(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.incremental is None


def test_two_time_columns_after_the_preposition_name_no_new_rows_column() -> None:
    outcome = plan_in("shop", "заказы в клик каждый час по created_at, updated_at")
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.source.incremental is None


# --- 3. mask lists: never upsert keys, and a list shared by «... X и Y, а также Z» masks all of it ----------


@pytest.mark.parametrize(
    ("catalog", "text", "keys", "mask"),
    [
        ("hr", "сотрудников в клик ежедневно в 3 ночи, апсерт по id; СНИЛС и паспорт скрыть", ["id"],
         ["snils", "passport_number"]),
        ("univ", "студентов в клик каждый час, слияние по id; телефон, email и снилс захешировать", ["id"],
         ["phone", "email", "snils"]),
        ("utility", "абонентов в клик ежедневно, upsert by id; phone and email masked", ["id"], ["phone", "email"]),
    ],
)  # fmt: skip
def test_a_key_list_ends_with_its_sentence(catalog: str, text: str, keys: list[str], mask: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.target.keys == keys
    masked = [c for t in spec.transforms if t.type == "mask" for c in t.columns]
    assert sorted(masked) == sorted(mask)


def test_a_column_both_key_and_masked_is_asked() -> None:
    outcome = plan_in("hr", "сотрудников в клик ежедневно, мерж по id и email, email замаскировать")
    assert outcome.status == "needs_clarification"
    assert "email" in outcome.questions[0]


@pytest.mark.parametrize(
    ("catalog", "text", "mask"),
    [
        ("logistics", "отправления в клик ежедневно, ФИО отправителя и получателя, а также телефон получателя "
         "замаскировать", ["sender_name", "recipient_name", "recipient_phone"]),
        ("logistics", "отправления в клик каждый час, захешировать телефоны отправителя и получателя, а также "
         "ФИО получателя", ["sender_phone", "recipient_phone", "recipient_name"]),
        ("logistics", "shipments to clickhouse hourly, hash sender and recipient names as well as the recipient "
         "address", ["sender_name", "recipient_name", "recipient_address"]),
        ("clinic", "пациентов в клик ежедневно, телефон, а также СНИЛС скрыть", ["phone", "snils"]),
    ],
)  # fmt: skip
def test_a_list_continued_by_also_masks_every_column(catalog: str, text: str, mask: list[str]) -> None:
    spec = ok_spec(catalog, text)
    masked = [c for t in spec.transforms if t.type == "mask" for c in t.columns]
    assert sorted(masked) == sorted(mask)


# --- 4. a weekday named bare in an aside after a weekly frequency -----------------------------------------


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("раз в неделю (пятница, 18:30)", "30 18 * * 5"),
        ("еженедельно: вторник, 9:00", "0 9 * * 2"),
        ("раз в неделю (ср и пт, 7:00)", "0 7 * * 3,5"),
        ("раз в неделю — суббота, в 10 утра", "0 10 * * 6"),
        ("раз в неделю, четверг 23:15", "15 23 * * 4"),
        ("weekly (thursday, 8:00)", "0 8 * * 4"),
    ],
)
def test_a_weekday_in_an_aside_after_weekly_is_the_day(text: str, cron: str) -> None:
    from airflow_ai_etl.planning.schedule import parse_schedule

    found = parse_schedule(text)
    assert found is not None and found.cron == cron


def test_a_bare_weekday_word_elsewhere_is_no_day() -> None:
    from airflow_ai_etl.planning.schedule import parse_schedule

    found = parse_schedule("раз в неделю в 12:00, среда разработки своя")
    assert found is None or found.cron != "0 12 * * 3"


def test_a_weekday_aside_in_a_whole_request() -> None:
    spec = ok_spec("hr", "отпуска в клик перезаливать раз в неделю (понедельник, 6:00)")
    assert spec.schedule == "0 6 * * 1"
    spec = ok_spec("logistics", "маршруты в клик целиком раз в неделю (воскресенье, 23:00)")
    assert spec.schedule == "0 23 * * 0"


# --- 5. two schedules offered as alternatives are asked about ---------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("hr", "табели в клик то ли ежедневно, то ли ежечасно — решите сами", "то ли ежедневно, то ли ежечасно"),
        ("shop", "товары в клик раз в неделю или раз в день", "раз в неделю или раз в день"),
        ("clinic", "визиты в клик каждые 15 минут либо каждый час", "каждые 15 минут либо каждый час"),
        ("logistics", "routes to clickhouse either weekly or daily, not sure", "either weekly or daily"),
        ("univ", "grades to clickhouse every hour or every 30 minutes", "every hour or every 30 minutes"),
    ],
)  # fmt: skip
def test_two_schedules_joined_by_or_are_asked(catalog: str, text: str, quoted: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert quoted in outcome.questions[0]


@pytest.mark.parametrize(
    ("catalog", "text", "cron"),
    [
        # an «или» elsewhere in the request joins values, not schedules
        ("utility", "начисления в клик ежедневно в 9, статус draft или issued", "0 9 * * *"),
        ("shop", "заказы или продажи? заказы, в клик ежечасно", "0 * * * *"),
    ],
)
def test_an_or_outside_the_schedule_keeps_it(catalog: str, text: str, cron: str) -> None:
    outcome = plan_in(catalog, text)
    if outcome.status == "ok":
        assert outcome.spec is not None and outcome.spec.schedule == cron
    else:
        assert not any("Как часто" in q or "How often" in q for q in outcome.questions)


# --- 6. a bare city right after a clock time is its zone ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cron", "zone"),
    [
        ("каждый день в 6:30 Екатеринбург", "30 6 * * *", "Asia/Yekaterinburg"),
        ("ежедневно в 23:00 Владивосток.", "0 23 * * *", "Asia/Vladivostok"),
        ("every day at 04:15 Moscow", "15 4 * * *", "Europe/Moscow"),
        ("daily at 6 pm Tokyo, please", "0 18 * * *", "Asia/Tokyo"),
        ("каждый день в 5 утра Самара", "0 5 * * *", "Europe/Samara"),
    ],
)
def test_a_city_right_after_a_clock_time_is_its_zone(text: str, cron: str, zone: str) -> None:
    from airflow_ai_etl.planning.schedule import parse_schedule

    found = parse_schedule(text)
    assert found is not None and (found.cron, found.timezone) == (cron, zone)


@pytest.mark.parametrize(
    "text",
    [
        "daily at 09:00 Berlin customers",  # a city with more words after it: a place, not the zone
        "daily at 9 Berlin",  # a bare hour: «9 Berlin» may be a count
        "каждый день в 9:00, клиенты из Самары",
    ],
)
def test_a_city_not_closing_the_time_phrase_is_no_zone(text: str) -> None:
    from airflow_ai_etl.planning.schedule import parse_schedule

    found = parse_schedule(text)
    assert found is not None and found.timezone is None


def test_a_city_zone_in_a_whole_request_leaves_no_filter() -> None:
    spec = ok_spec("shop", "клиентов в клик ежедневно в 3:00 Новосибирск")
    assert (spec.timezone, spec.source.where) == ("Asia/Novosibirsk", None)


# --- 7. an English number in words in a condition is read whole, never dropped ---------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a thousand and fifty", 1050),
        ("two thousand five hundred", 2500),
        ("three thousand four hundred and ten", 3410),
        ("one hundred and fifty", 150),
        ("a hundred and twenty five", 125),
        ("две тысячи пятьсот двадцать", 2520),
        ("тысяча пятьсот", 1500),
    ],
)
def test_numbers_in_words_compose(text: str, value: int) -> None:
    from airflow_ai_etl.planning.lexer import numerals, tokenize

    found = numerals(tokenize(text))
    assert [n.value for n in found] == [value]


def test_clock_words_stay_two_numbers() -> None:
    from airflow_ai_etl.planning.lexer import numerals, tokenize

    assert [n.value for n in numerals(tokenize("at seven thirty"))] == [7, 30]
    assert [n.value for n in numerals(tokenize("at 10 and 11"))] == [10, 11]


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("logistics", "fuel cards with amount over a thousand five hundred, daily at 6 am", "amount > 1500"),
        ("logistics", "routes with distance_km under a hundred, daily at 6 am", "distance_km < 100"),
        ("utility", "debts with debt_amount above a thousand, daily at 7 am", "debt_amount > 1000"),
        ("univ", "scholarships with amount more than two thousand five hundred, monthly", "amount > 2500"),
    ],
)
def test_a_number_in_words_after_a_comparison_filters(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_compared_number_no_column_takes_is_asked() -> None:
    outcome = plan_in("logistics", "couriers with over a thousand deliveries to clickhouse daily at 6 am")
    assert outcome.status == "needs_clarification"
    assert "1000" in outcome.questions[0]


# --- 8. «only» closing a preposition's phrase is no column list ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "incremental", "where"),
    [
        ("shop", "events to clickhouse every 10 minutes, new ones by occurred_at only, event_type = 'click'",
         "occurred_at", "event_type = 'click'"),
        ("hr", "кандидатов в клик ежечасно, дозагружать по applied_at только, stage = 'offer'", "applied_at",
         "stage = 'offer'"),
        ("univ", "library loans to clickhouse hourly, append new rows using issued_at only", "issued_at", None),
    ],
)  # fmt: skip
def test_only_after_a_prepositions_column_loads_every_column(
    catalog: str, text: str, incremental: str, where: str | None
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.columns is None
    assert spec.source.incremental is not None and spec.source.incremental.column == incremental
    assert spec.source.where == where


def test_a_column_list_closed_by_only_is_still_the_subset() -> None:
    spec = ok_spec("shop", "orders to clickhouse hourly, id, status and total only")
    assert spec.source.columns == ["id", "status", "total"]


# --- 12. a request word that is a listed value and, with its neighbour, a column's name ---------------------


@pytest.mark.parametrize(
    ("catalog", "text", "mask"),
    [
        ("utility", "оплаты в клик каждый час, card numbers hashed", ["card_number"]),
        ("utility", "payments to clickhouse hourly, hash the card numbers", ["card_number"]),
    ],
)
def test_a_value_word_inside_a_column_name_is_the_column(catalog: str, text: str, mask: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where is None
    assert [c for t in spec.transforms if t.type == "mask" for c in t.columns] == mask


def test_a_value_word_alone_is_still_the_value() -> None:
    spec = ok_spec("utility", "payments to clickhouse hourly, only card")
    assert spec.source.where == "channel = 'card'"


# --- noticed: "truncate and reload" names the target's replace mode ------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("clinic", "visits to clickhouse nightly at 1 am, truncate and reload"),
        ("hr", "сотрудников в клик ежедневно в 2 ночи, транкейт и перезаливка"),
        ("logistics", "wipe & reload hubs into clickhouse every day at 4 am"),
    ],
)
def test_truncate_and_reload_is_the_replace_mode(catalog: str, text: str) -> None:
    assert ok_spec(catalog, text).target.mode == "replace"


@pytest.mark.parametrize(
    "text", ["truncate the orders table in postgres", "truncate orders and reload them into clickhouse daily"]
)
def test_a_truncate_with_its_own_object_is_still_refused(text: str) -> None:
    assert plan_in("shop", text).status == "rejected"
