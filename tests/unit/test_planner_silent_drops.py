"""The offline planner must not answer `ok` while it ignores words that matter (issue 15's frame rule):
a dictionary word is not a transliterated table noun, "as soon as possible" names no target table, a
DDL verb on the source is not a load, and a request word naming a column of the source (or a value its
comment lists) that no rule used turns the answer into one question quoting those words."""

from __future__ import annotations

import pytest

from airflow_ai_etl.planning.colloquial import transliterates

# --- a Russian dictionary word is not a clipped/transliterated table noun ---------------------------------


@pytest.mark.parametrize(
    ("word", "part", "fits"),
    [
        ("людей", "leads", False),  # lemma человек: a native word, its consonants only happen to fit
        ("люди", "leads", False),
        ("лидов", "leads", True),  # лид: a borrowing whose lemma spells the name
        ("юзеров", "users", True),
        ("инвойсы", "invoices", True),
        ("ивентов", "events", True),  # not in the dictionary: compared by sound only
    ],
)  # fmt: skip
def test_a_dictionary_word_transliterates_only_through_its_lemma(word, part, fits) -> None:
    assert transliterates(word, part) is fits


def test_people_is_not_the_leads_table(planners) -> None:
    outcome = planners["shop"].plan("перелей людей в клик каждый день")
    assert outcome.status == "needs_clarification"
    assert outcome.spec is None


def test_leads_in_slang_still_loads_leads(planners) -> None:
    outcome = planners["shop"].plan("перелей лидов в клик каждый день")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.table == "crm.leads"


# --- "as ... as" compares; it names no target table -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "as soon as possible, load orders to clickhouse every day at 3 am",
        "load orders to clickhouse every day at 3 am, as soon as you can",
    ],
)
def test_as_soon_as_possible_is_not_a_target_name(planners, text) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "orders"
    assert outcome.spec.schedule == "0 3 * * *"


def test_as_name_still_names_the_target(planners) -> None:
    outcome = planners["shop"].plan("load orders as orders_copy to clickhouse daily")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.target.table == "orders_copy"


# --- ALTER on the source is DDL: refused like "drop" / "truncate" ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "alter the orders table and load it daily",
        "ALTER TABLE orders, then copy it to clickhouse every night",
        "альтерни таблицу orders и грузи её в клик каждый день",
        "drop the orders table and load it daily",  # the reference: alter is handled like drop
    ],
)
def test_alter_of_the_source_is_refused_like_drop(planners, text) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "rejected"


def test_alter_without_an_object_is_asked_not_refused(planners) -> None:
    outcome = planners["shop"].plan("load orders to clickhouse daily, alter")
    assert outcome.status == "needs_clarification"
    assert "alter" in outcome.questions[0]


@pytest.mark.parametrize(
    "text",
    [
        "load orders to clickhouse daily, no alterations to the data",
        "грузи заказы в клик каждый день, альтернативный вариант не нужен",
    ],
)
def test_words_that_only_start_like_alter_are_no_ddl(planners, text) -> None:
    outcome = planners["shop"].plan(text)
    assert outcome.status == "ok", outcome.questions


# --- a word naming a source column, or a value its comment lists, that no rule read: one question ----------


@pytest.mark.parametrize(
    ("catalog", "text", "quoted"),
    [
        ("shop", "load orders with region in (North, South) to clickhouse daily", "region in (North, South)"),
        # "made through the terminal or post channels" is read as channel IN ('terminal', 'post') since
        # planner26 (test_planner_round26.py), so h-en-005 below is planned with it and is no question any more
        # «платежи через терминал» is read as channel = 'terminal' since planner14 (test_planner_round14.py)
        # «только льготников» is read as is_privileged = true since planner21 (test_planner_round21.py), and the
        # adjective of its root («только льготных абонентов») since planner32 (test_planner_round32.py)
        (
            "telecom",
            "выгружай только роуминговость звонков в клик каждый день",
            "роуминговость",
        ),  # derived form
        # "bank channel only" left this list: "<value> <column> only" is the value's filter (eval/README.md,
        # planner36), channel = 'bank', read so since planner39-41 (test_planner_round39/40/41.py)
    ],
)
def test_an_unread_column_word_is_asked_about_quoting_it(planners, catalog, text, quoted) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "needs_clarification"
    assert outcome.spec is None
    assert len(outcome.questions) == 1
    assert quoted in str(outcome.questions[0])


def test_the_question_names_the_column_and_the_table(planners) -> None:
    question = str(
        planners["telecom"].plan("выгружай только роуминговость звонков в клик каждый день").questions[0]
    )
    assert "is_roaming" in question and "calls" in question


@pytest.mark.parametrize(
    ("catalog", "text", "where", "columns"),
    [
        (
            "utility",
            "load payments where channel = 'terminal' to clickhouse daily",
            "channel = 'terminal'",
            None,
        ),
        ("utility", "load payments with channel terminal to clickhouse daily", "channel = 'terminal'", None),
        ("utility", "load only privileged subscribers to clickhouse daily", "is_privileged = true", None),
        ("utility", "выгружай только льготных абонентов в клик каждый день", "is_privileged = true", None),
        (
            "utility",
            "load subscribers to clickhouse daily, privileged ones only",
            "is_privileged = true",
            None,
        ),
        ("utility", "load subscribers to clickhouse daily, only email and phone", None, ["email", "phone"]),
        ("utility", "все платежи в клик каждый день", None, None),
        ("utility", "выгружай только абонентов в клик каждый день", None, None),  # the table's own noun
        ("shop", "Выгружать остатки на складах каждые 2 часа", None, None),  # a column word that describes
        (
            "clinic",
            "Copy paid invoices to ClickHouse every day at 8:00",
            "status = 'paid'",
            None,
        ),  # the table stays ok
    ],
)
def test_a_column_word_a_rule_read_stays_confident(planners, catalog, text, where, columns) -> None:
    outcome = planners[catalog].plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec.source.where == where
    assert outcome.spec.source.columns == columns


def test_listed_values_are_one_word_items_of_a_parenthesised_list() -> None:
    from airflow_ai_etl.catalog import listed_values

    assert listed_values("Канал оплаты (bank, card, post, terminal)") == ("bank", "card", "post", "terminal")
    assert listed_values("Валюта (RUB, GBP, ...)") == ("RUB", "GBP")  # an open list still lists its values
    assert listed_values("Льготник (скидка по соцзащите)") == ()
    assert listed_values(None) == ()
