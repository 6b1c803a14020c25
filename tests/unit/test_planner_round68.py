"""Round 68: families of heldout_2026-12-14a/b still asked about.

The table's own noun before a comparison ("fines over 5000", "tickets above 20000") meant its one money
column, unless a column's name begins with that noun (fine_type, ticket_number, trip_code): the noun then
named that text column, nothing was compared and the planner asked. Requests of my own over several
catalogs, EN (the Russian nouns never spell the Latin column names).

A listed value after an English participle and "in"/"with" ("paid in cash", "specializing in yoga") had no
cue that it says which rows; "paid" before such a means phrase ("paid in cash", "paid by card") is its verb,
not the status 'paid'. A value before a noun that modifies the table's noun ("declined card transactions")
was not beside the table's noun. Requests of my own over seven catalogs.

Files of a named format loaded on a clock from a folder, no table named («паркеты из s3://b/ads/ раз в сутки»),
were asked for a table; new files of a named format already land in `<folder>_raw` (eval/README), and so do
these now (a table said in words or an unread name is still asked; «в сутки» of the schedule names none).

«которые больше не работают» read «больше» as a comparison and asked; «больше не <verb>» is "no longer": the
negated verb says which rows, as «которые не работают» already did (is_active = false). A number after
«больше» is still compared.
First pass (planner68 at 03eb8b1, before the rules): 19 of 27 failed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

OWN_NOUN_COMPARED = [
    ("carshare", "fines above 7000, daily at 4 am", "amount > 7000"),
    ("carshare", "trips over three thousand, every hour", "total_cost > 3000"),
    ("airline", "tickets over 20000 every 30 minutes", "price > 20000"),
    ("airline", "load tickets below 5000 into clickhouse, daily at 1 am", "price < 5000"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), OWN_NOUN_COMPARED)
def test_the_tables_own_noun_compared_is_its_money_column(catalog: str, text: str, where: str) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, spec.source.where


SEVERAL_MONEY_COLUMNS = [
    ("insurance", "claims over 100000, daily at 5 am"),
    ("hotel", "reservations over 30000, hourly"),
]


@pytest.mark.parametrize(("catalog", "text"), SEVERAL_MONEY_COLUMNS)
def test_the_own_noun_compared_with_several_money_columns_is_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


PARTICIPLE_IN_VALUE = [
    ("fitness", "trainers specializing in boxing, daily at 7 am", "specialization = 'boxing'"),
    ("hotel", "hotel payments paid in cash, every hour", "method = 'cash'"),
    ("airline", "bookings placed in the app, hourly", "channel = 'app'"),
    ("cinema", "bar orders paid with bonus, every hour", "payment_method = 'bonus'"),
    ("cinema", "bar orders paid by card, daily at 3 am", "payment_method = 'card'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), PARTICIPLE_IN_VALUE)
def test_a_value_after_a_participle_and_in_says_which_rows(catalog: str, text: str, where: str) -> None:
    """ "paid in cash", "specializing in boxing": the participle says how, the listed value which rows; "paid"
    before a means phrase is its verb, not the status 'paid' of bar_orders."""
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, spec.source.where


def test_a_status_participle_alone_is_still_the_status() -> None:
    assert ok_spec("cinema", "paid bar orders, hourly").source.where == "status = 'paid'"


VALUE_BEFORE_COMPOUND_NOUN = [
    ("bank", "reversed card transactions, hourly", "status = 'reversed'"),
    ("telecom", "churned mobile subscribers, daily at 5 am", "status = 'churned'"),
    ("hotel", "cancelled hotel reservations every hour", "status = 'cancelled'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), VALUE_BEFORE_COMPOUND_NOUN)
def test_a_value_before_a_noun_modifying_the_tables_noun_says_which_rows(
    catalog: str, text: str, where: str
) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.where == where, spec.source.where


CLOCKED_FOLDER_FILES = [
    ("cinema", "parquet files from s3://cinema-box/promo/ every day at 5 am", "parquet", "promo_raw"),
    ("fitness", "jsonl from s3://fitness-app/checkins/ hourly", "jsonl", "checkins_raw"),
    ("shop", "csv из s3://shop-drop/returns/ каждые 30 минут", "csv", "returns_raw"),
    ("bank", "джейсоны из s3://bank-feeds/fx-rates/ раз в сутки в 6 утра", "jsonl", "fx_rates_raw"),
]


@pytest.mark.parametrize(("catalog", "text", "file_format", "table"), CLOCKED_FOLDER_FILES)
def test_clocked_files_of_a_named_format_and_no_table_land_in_a_raw_table_named_after_their_folder(
    catalog: str, text: str, file_format: str, table: str
) -> None:
    """As new files of a named format do (eval/README: "new files of a named format and no table ->
    <folder>_raw"), files loaded on a clock from a folder land in its raw table."""
    spec = ok_spec(catalog, text)
    assert (spec.source.format, spec.target.table) == (file_format, table), spec


FOLDER_FILES_ASKED = [
    ("shop", "csv из s3://shop-drop/returns/ каждый час в таблицу возвратов"),  # a table said in words
    ("cinema", "files from s3://cinema-box/promo/ every day at 5 am"),  # no format named
    ("fitness", "джейсоны из s3://fitness-app/checkins/ каждый час в посещения"),  # a table said in words
]


@pytest.mark.parametrize(("catalog", "text"), FOLDER_FILES_ASKED)
def test_clocked_files_whose_table_may_be_named_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


NO_LONGER = [
    ("hotel", "отели, которые больше не работают, каждый день в 5:00", "is_active = false"),
    ("carshare", "зоны, которые больше не действуют, раз в сутки", "is_active = false"),
    ("utility", "контролёры, которые больше не работают, каждый понедельник в 9:00", "is_active = false"),
    ("insurance", "агентов, что более не работают, выгружать ежедневно в 4 утра", "is_active = false"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), NO_LONGER)
def test_no_longer_before_a_negated_verb_is_no_comparison(catalog: str, text: str, where: str) -> None:
    """«больше не работают» is "no longer work": the negated verb says which rows, as «уже не работают»."""
    assert ok_spec(catalog, text).source.where == where


def test_more_than_a_number_is_still_a_comparison() -> None:
    assert ok_spec("carshare", "платежи больше 5000 каждый час").source.where == "amount > 5000"


def test_a_modifier_no_column_holds_is_asked() -> None:
    # "prepaid" was dropped here until round 81: telecom's subscribers and tariffs hold no payment kind, so
    # planning every churned subscriber would be a confident wrong answer (README: an unread content word).
    outcome = plan_in("telecom", "churned prepaid subscribers, daily at 5 am")
    assert outcome.status == "needs_clarification" and "'prepaid'" in outcome.questions[0], outcome.questions
