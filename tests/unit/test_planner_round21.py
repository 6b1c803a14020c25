"""Families still failing on the scored held-out batches (m, l, j) and families earlier sessions noticed,
tested with sentences phrased differently over several catalogs (none from an eval file)."""

from __future__ import annotations

import pytest

from airflow_ai_etl.messages import in_english
from tests.planned import best_cpu_seconds, ok_spec, plan_in

# --- 1. a noun a boolean column's comment consists of ('Льготник') names the rows whose flag is set -------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("льготников в клик каждый день в 3:00", "is_privileged = true"),
        ("льготников (is_privileged) в таблицу lgotniki каждую ночь в 1:15", "is_privileged = true"),
        ("абонентов, только льготников, в клик ежедневно в 6 утра", "is_privileged = true"),
        ("льготники из таблицы subscribers в клик ежедневно в 6 утра", "is_privileged = true"),
        ("абонентов в клик ежедневно в 6 утра, кроме льготников", "is_privileged = false"),
        ("абонентов без льготников в клик ежедневно в 6 утра", "is_privileged = false"),
        ("абонентов в клик ежедневно в 6 утра, льготников не грузить", "is_privileged = false"),
        ("privileged subscribers to clickhouse daily at 6 am", "is_privileged = true"),
        ("subscribers to clickhouse daily at 6 am, except privileged ones", "is_privileged = false"),
    ],
)
def test_a_role_noun_of_a_flag_names_rows(text: str, where: str) -> None:
    spec = ok_spec("utility", text)
    assert spec.source.table == "subscribers"
    assert spec.source.where == where
    assert spec.source.columns is None  # the flag's column stays loaded


@pytest.mark.parametrize(
    "text",
    [
        "звонки (network.calls) в клик каждый час",
        "детализацию звонков в клик каждый час",
    ],
)
def test_a_flag_comment_of_a_noun_and_its_state_is_no_role_noun(text: str) -> None:
    """'Звонок в роуминге' (is_roaming) is a state of a call: «звонков» says nothing about roaming."""
    assert ok_spec("telecom", text).source.where is None


def test_a_negated_verb_closing_its_clause_takes_no_list_after_the_comma() -> None:
    spec = ok_spec("utility", "льготников не брать, абонентов в клик ежедневно в 6 утра")
    assert spec.source.where == "is_privileged = false"
    assert spec.source.columns is None
    spec = ok_spec("utility", "телефон не брать, абонентов в клик ежедневно в 6 утра")
    assert spec.source.columns is not None and "phone" not in spec.source.columns
    assert "full_name" in spec.source.columns


def test_the_column_word_itself_after_a_column_noun_still_drops_the_column() -> None:
    spec = ok_spec("utility", "абонентов в клик ежедневно в 6 утра, колонку льготник не грузить")
    assert spec.source.where is None
    assert spec.source.columns is not None and "is_privileged" not in spec.source.columns


# --- 2. a clause that explains the word after «только»/"only" (где, т.е., i.e.) ------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("univ", "посещаемость, только прогулы, где present = false, в клик по пятницам в 9 утра", "present = false"),
        ("univ", "посещаемость — только неявки, т.е. present = false — в клик по пятницам в 9 утра", "present = false"),
        ("univ", "посещаемость в клик по пятницам в 9 утра, только присутствовавших, т.е. present = true", "present = true"),
        ("clinic", "счета в клик ежечасно, только закрытые, т.е. status = 'paid', номер карты скрыть", "status = 'paid'"),
        ("hr", "сотрудников в клик в полночь ежедневно, только уволенных, т.е. у кого fired_at заполнено", "fired_at IS NOT NULL"),
        ("shop", "orders to clickhouse daily at 3 am, only big ones, where total > 1000", "total > 1000"),
        ("hr", "employees to clickhouse daily at midnight, only fired ones, i.e. fired_at is set", "fired_at IS NOT NULL"),
    ],
)  # fmt: skip
def test_a_clause_explaining_the_word_after_only_is_the_condition(
    catalog: str, text: str, where: str
) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_a_word_after_only_with_no_explanation_is_still_asked() -> None:
    outcome = plan_in("univ", "посещаемость, только прогулы, в клик по пятницам в 9 утра")
    assert outcome.status == "needs_clarification"
    assert "прогулы" in outcome.questions[0]


# --- 3. a column list ends where an instruction starts ("..., append by issued_at") -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "prescriptions, only id, drug_name, dosage and days, append by issued_at every 3 hours",
        "prescriptions, only id, drug_name, dosage, load new ones by issued_at every 3 hours",
        "назначения, только id, drug_name и dosage, дописывать по issued_at каждые 3 часа",
        "назначения, только id, drug_name, dosage, грузить новые по issued_at каждые 3 часа",
    ],
)
def test_a_column_list_ends_at_an_instruction(text: str) -> None:
    """The list is read whole and the watermark left out of it is asked about (the watermark is the
    target's max of that column, so it must be loaded), not reported as an unknown column."""
    outcome = plan_in("clinic", text)
    assert outcome.status == "needs_clarification"
    assert outcome.questions[0].startswith("issued_at of public.prescriptions would be left out")


def test_a_column_list_with_its_watermark_and_an_upsert_after_it() -> None:
    spec = ok_spec("clinic", "prescriptions, only id, drug_name, issued_at, upsert on id, hourly")
    assert spec.source.columns == ["id", "drug_name", "issued_at"]
    assert spec.target.mode == "upsert" and spec.target.keys == ["id"]


# --- 4. "w/" and "w/o" are "with" and "without" -------------------------------------------------------------


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("utility", "charges w/ status paid to clickhouse, daily at 4 am", "status = 'paid'"),
        ("shop", "orders w/ status shipped, hourly", "status = 'shipped'"),
        ("utility", "subscribers W/ district Central, nightly at 2 am", "district = 'Central'"),
    ],
)
def test_w_slash_is_with(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


def test_w_slash_o_is_without() -> None:
    spec = ok_spec("utility", "subscribers w/o the email column, daily at 4 am")
    assert spec.source.columns is not None and "email" not in spec.source.columns
    outcome = plan_in("utility", "charges w/o the email column, daily at 4 am")  # charges have no email
    assert outcome.status == "needs_clarification" and "no column 'email'" in outcome.questions[0]


def test_a_w_slash_inside_a_path_is_no_word() -> None:
    outcome = plan_in("shop", "load s3://bucket/w/orders.csv into clickhouse daily")
    assert "with" not in " ".join(outcome.questions)
    if outcome.spec is not None:
        assert outcome.spec.source.path == "s3://bucket/w/orders.csv"


# --- 5. a place-like phrase that continues the masked column's comment («номер счёта в банке закрыть») -------


@pytest.mark.parametrize(
    "text",
    [
        "расчётные листки в клик ежемесячно 3-го числа в 7 утра, номер счёта в банке закрыть",
        "расчётки в клик ежемесячно 3-го числа в 7 утра, закрыть номер счёта в банке",
        "payslips to clickhouse monthly on the 3rd at 7 am, the bank account number blanked out",
    ],
)
def test_a_bank_phrase_in_the_masked_columns_comment_is_no_condition(text: str) -> None:
    spec = ok_spec("hr", text)
    assert spec.source.where is None
    masks = [t for t in spec.to_json_dict()["transforms"] if t["type"] == "mask"]
    assert [m["columns"] for m in masks] == [["bank_account"]]


def test_a_bank_phrase_outside_a_mask_clause_is_still_asked() -> None:
    outcome = plan_in("hr", "расчётные листки в клик ежемесячно 3-го числа в 7 утра, только в банке")
    assert outcome.status == "needs_clarification"


# --- 6. «затереть»: a column's values are masked, a table or the source's data is destroyed ------------------


@pytest.mark.parametrize(
    ("catalog", "text", "masked"),
    [
        ("clinic", "счета в клик ежечасно, номер карты затереть", ["card_number"]),
        ("clinic", "счета в клик ежечасно, затереть номер карты", ["card_number"]),
        ("clinic", "пациентов в клик ежедневно в 5 утра, телефоны и СНИЛС затереть", ["phone", "snils"]),
        (
            "hr",
            "сотрудников в клик ежедневно в 6 утра, затирать паспорт и снилс",
            ["passport_number", "snils"],
        ),
        ("shop", "клиентов в клик ежедневно в 3 ночи, а email затереть", ["email"]),
    ],
)
def test_wiping_a_columns_values_is_a_mask(catalog: str, text: str, masked: list[str]) -> None:
    spec = ok_spec(catalog, text)
    masks = [t for t in spec.to_json_dict()["transforms"] if t["type"] == "mask"]
    assert [sorted(m["columns"]) for m in masks] == [sorted(masked)]


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("clinic", "счета в клик ежечасно, а потом затереть таблицу счетов в источнике"),
        ("clinic", "затереть счета в постгресе"),
        ("clinic", "счета в клик ежечасно, затереть всё в источнике"),
        ("shop", "клиентов в клик ежедневно в 3 ночи, затереть заказы"),
        ("hr", "сотрудников в клик ежедневно в 6 утра, затереть таблицу сотрудников в постгресе"),
    ],
)
def test_wiping_a_table_stays_refused(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "rejected"
    assert "затереть" in outcome.errors[0].message


def test_the_lexicon_has_no_conflicting_lemma_for_wipe() -> None:
    from airflow_ai_etl.planning.lexicon import RU, conflicts

    assert "затереть" in RU["WIPE"] and "затереть" not in RU["DESTROY_VERB"] | RU["MASK"]
    assert conflicts() == []


# --- 7. colloquial names of engines the assistant cannot read («из оракла», «в мускуле») ------------------


@pytest.mark.parametrize(
    ("text", "engine"),
    [
        ("клиентов из оракла в клик каждый час", "Oracle"),
        ("клиентов из мускуля в клик каждый час", "MySQL"),
        ("клиентов из базы на мускуле в клик каждый час", "MySQL"),
        ("клиентов из монги в клик каждый час", "MongoDB"),
        ("клиентов из скуля в клик каждый час", "MS SQL"),
        ("клиентов из мсскуля в клик каждый час", "MS SQL"),
        ("клиентов из постгреса в кафку каждый час", "Kafka"),
        ("клиентов из оракловой базы в клик каждый час", "Oracle"),
        ("клиентов из мускульной таблицы в клик каждый час", "MySQL"),
        ("customers from mysql to clickhouse hourly", "mysql"),
    ],
)
def test_a_colloquial_unsupported_engine_is_refused(text: str, engine: str) -> None:
    outcome = plan_in("shop", text)
    assert outcome.status == "rejected"
    assert f"no {engine} connection" in in_english(outcome.errors[0].message)


@pytest.mark.parametrize(
    "text",
    [
        "клиентов в клик каждый час, скулы не трогать",  # a word, not after from/to or a database noun
        "клиентов из постгреса в клик каждый час",
        "клиентов из Монголии в клик каждый час",
    ],
)
def test_a_look_alike_word_is_no_engine(text: str) -> None:
    assert plan_in("shop", text).status != "rejected"


# --- 8. numbers with a thousands suffix ("1.5k", «20к», «1,5 тыс.») and a bare word after "=" ----------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("orders with total over 1.5k, hourly", "total > 1500"),
        ("orders over 2.5 thousand, hourly", "total > 2500"),
        ("orders with total above 50k, hourly", "total > 50000"),
        ("заказы с суммой больше 1,5 тыс. ежечасно", "total > 1500"),
        ("заказы дороже 1.5k ежечасно", "total > 1500"),
        ("заказы с суммой больше 20к ежечасно", "total > 20000"),
        ("заказы с суммой от 2 тыс. руб. ежечасно", "total >= 2000"),
        ("заказы с суммой свыше 1,2 млн ежечасно", "total > 1200000"),
    ],
)
def test_a_number_with_a_thousands_suffix_is_scaled(text: str, where: str) -> None:
    assert ok_spec("shop", text).source.where == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("badge events, only direction = in, load new ones every 5 min by occurred_at", "direction = 'in'"),
        ("badge events where door = A, hourly", "door = 'A'"),
        ("badge events where direction=in and door = main, hourly", "direction = 'in' AND door = 'main'"),
        ("проходы, где direction = in и door = B, каждый час", "direction = 'in' AND door = 'B'"),
        ("проходы по турникетам, только direction = out, ежечасно", "direction = 'out'"),
    ],
)
def test_a_bare_word_after_equals_closing_its_clause_is_the_value(text: str, where: str) -> None:
    assert ok_spec("hr", text).source.where == where


def test_a_stop_word_after_equals_inside_a_phrase_is_still_no_value() -> None:
    outcome = plan_in("hr", "badge events where direction = in the morning, hourly")
    assert outcome.status == "needs_clarification"


# --- 9. «колонку с паспортом», "the column with the passport": the column the words after «с» name ----------


@pytest.mark.parametrize(
    ("catalog", "text", "dropped"),
    [
        ("logistics", "курьеров в клик каждое утро в 6:40, колонку с паспортом не тащить", "passport_number"),
        ("logistics", "курьеров в клик каждое утро в 6:40, без колонки с паспортом", "passport_number"),
        ("logistics", "курьеров в клик каждое утро в 6:40, столбец с телефоном не выгружать", "phone"),
        ("logistics", "couriers to clickhouse daily at 6 am, without the column with the passport", "passport_number"),
        ("shop", "клиентов в клик ежечасно, поле с email не брать", "email"),
    ],
)  # fmt: skip
def test_a_column_noun_with_its_words_leaves_that_column_out(catalog: str, text: str, dropped: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where is None
    assert spec.source.columns is not None and dropped not in spec.source.columns


@pytest.mark.parametrize(
    "text",
    [
        "курьеров, которые сейчас активны, в клик каждое утро в 6:40, столбец с прозвищем не выгружать",
        "курьеров в клик каждое утро в 6:40, без колонки с прозвищем",
    ],
)
def test_a_column_noun_with_words_no_column_answers_is_asked(text: str) -> None:
    outcome = plan_in("logistics", text)
    assert outcome.status == "needs_clarification"
    assert "прозвищем" in outcome.questions[0]


# --- 10. a plural participle standing for the rows («уволенных выгрузить») names its table and event -------


@pytest.mark.parametrize(
    "text",
    [
        "уволенных выгрузить в клик каждый день в 23:00",
        "уволенных, т.е. у кого fired_at заполнено, в клик каждый день в 23:00",
        "уволенных в клик каждый день в 23:00 — только id, full_name и fired_at",
    ],
)
def test_a_substantive_participle_names_the_table_and_its_event(text: str) -> None:
    spec = ok_spec("hr", text)
    assert spec.source.table == "employees"
    assert spec.source.where == "fired_at IS NOT NULL"


@pytest.mark.parametrize(
    "text",
    [
        "уволенных не грузить, сотрудников в клик ежедневно в 5 утра",
        "сотрудников в клик ежедневно в 5 утра, уволенных не грузить",
        "сотрудников в клик ежедневно в 5 утра, без уволенных",
    ],
)
def test_a_negated_substantive_participle_keeps_the_other_rows(text: str) -> None:
    spec = ok_spec("hr", text)
    assert spec.source.where == "fired_at IS NULL"
    assert spec.source.columns is None  # before, «уволенных не грузить» dropped the fired_at column


def test_a_participle_explained_in_brackets_takes_the_brackets_condition() -> None:
    spec = ok_spec(
        "univ", "студентов в клик каждый день в 5 утра, отчисленных (status = 'expelled') не грузить"
    )
    assert spec.source.where == "status IS DISTINCT FROM 'expelled'"  # nullable status: NULL rows kept


def test_a_substantive_participle_a_status_lists_is_the_value() -> None:
    # planner85 (README convention changed; asked before): the status lists 'expelled', the plan says so
    outcome = plan_in("univ", "отчисленных в клик ежемесячно второго числа в 4 утра")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None and outcome.spec.source.where == "status = 'expelled'"
    assert any("expelled_on" in note and "status" in note for note in outcome.assumptions)


# --- 11. the question about a lone value after «только» is asked in the request's language ----------------


def test_a_lone_value_after_only_is_asked_in_russian_for_a_russian_request() -> None:
    outcome = plan_in("utility", "в клик каждые два часа отключения, только неплановые")
    assert outcome.status == "needs_clarification"
    assert outcome.questions[0].startswith("Какая колонка ops.outages должна быть равна «неплановые»")
    outcome = plan_in("utility", "outages to clickhouse every two hours, only unplanned-ish")
    assert all(not q.startswith("Какая") for q in outcome.questions)


# --- CPU: the round's rules stay linear in the request ------------------------------------------------------


def test_a_long_repeated_request_with_this_rounds_words_stays_linear() -> None:
    """Role nouns, «т.е.» lists, «затереть», «в банке», "w/", "1.5k", "= in": n repeats of one clause cost
    about n times one clause (a rule looping over the sentence per word would grow as n²)."""

    clause = (  # read by the load's filters and mask (the conflicting district values are asked at the end)
        "льготников (is_privileged) w/ district North, т.е. district = 'North', паспорт затереть, "
        "номер в банке, id больше 1,5 тыс., district = in, "
    )

    def cpu_seconds(repeats: int) -> float:
        text = "абонентов в клик ежедневно в 3:00, " + clause * repeats
        return best_cpu_seconds(lambda: plan_in("utility", text))

    cpu_seconds(2)  # warm the lexer's caches
    small, large = cpu_seconds(10), cpu_seconds(40)
    # Four times the text: about 4x; quadratic would be 16x.
    assert large < 10 * small + 0.1, (small, large)
