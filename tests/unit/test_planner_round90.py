"""Round 90: loads whose schedule, mode, new-rows column, dedupe or check clause the request states, asked
anyway (issue 15).

1. A mode noun in the instrumental case right after the table's noun («платежи инкрементом по paid_at») is how
   the load runs, not a means that says which rows: incremental by the column, never asked as a condition. A
   means that is no mode («платежи наличными») is still asked.
2. A genitive set off from the table's noun by a comma («платежи, номера карт спрятать») is the object of the
   next clause (here the masked column), not a row condition of the table; right after the noun («сотрудников
   отдела продаж») it is still one.
3. A check clause «проверять, что X не меньше N», "check that X is at least N" is a min_value check on X with N
   (no value of X below N); it was asked about or, in English, planned as the row filter `X >= N` (a confident
   wrong plan: rows below N were dropped instead of failing the check). Without a check word («сумма не меньше
   100») it stays a row condition.
4. The items of a duplicates key list («дубли по станции и коннектору выкидывать», "drop duplicates by patient
   and doctor") are columns of the table named before the list, not tables of their own: a table word there
   that a column of the named table means (station_id 'Станция') is that column; the load was asked which
   table to load.
5. An English word of a yes/no column of another table ("smart" of meters.is_smart 'Умный счётчик') whose state
   the loaded table's own comment states ('Телеметрия умных счётчиков') names that table, as its Russian
   adjective does: "smart meter telemetry" is the telemetry table, no condition.
6. "from the <party>" with its article ("bookings from the agency", "tickets from the aggregator"): the listed
   value, as "from agencies" already was. "from the app/website" is left asked: an application or a site can
   also be the system the rows are read from (round 80 keeps "orders from the app" asked).

Requests of my own over several catalogs, RU and EN.
First pass (at 29a56b7, before the rules): 20 of 27 failed (the 7 that passed are the readings that must stay:
asked means, genitive, flag, two tables, "from the app/website"; «оклад не меньше 20000» with no check word).
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

# --- 1. a mode noun in the instrumental ------------------------------------------------------------------------

INCREMENTAL = [
    (
        "telecom",
        "платежи инкрементом по paid_at каждые 5 минут",
        "billing.payments",
        "paid_at",
        "*/5 * * * *",
    ),
    ("telecom", "звонки инкрементом по started_at ежечасно", "network.calls", "started_at", "0 * * * *"),
    (
        "evcharge",
        "сессии зарядки инкрементом по created_at каждые 10 минут",
        "charging.sessions",
        "created_at",
        "*/10 * * * *",
    ),
]


@pytest.mark.parametrize(("catalog", "text", "table", "column", "cron"), INCREMENTAL)
def test_mode_noun_in_instrumental_is_the_mode(
    catalog: str, text: str, table: str, column: str, cron: str
) -> None:
    spec = ok_spec(catalog, text)
    assert (spec.source.table, spec.schedule, spec.source.where) == (table, cron, None)
    assert spec.source.incremental is not None and spec.source.incremental.column == column
    assert spec.target.mode == "append"


def test_means_noun_is_still_asked() -> None:
    outcome = plan_in("telecom", "платежи наличными каждый час")
    assert outcome.status == "needs_clarification", outcome.spec
    assert "наличными" in " ".join(outcome.questions)


# --- 2. a genitive after a comma is the next clause's object -----------------------------------------------------

MASKED = [
    ("telecom", "платежи, номера карт спрятать, ежедневно в 4", "billing.payments", ["card_number"]),
    ("hr", "сотрудники, паспорта сотрудников спрятать, каждый день в 6", "employees", ["passport_number"]),
    (
        "hr",
        "сотрудники, номера паспортов сотрудников замаскировать, ежедневно в 6",
        "employees",
        ["passport_number"],
    ),
]


@pytest.mark.parametrize(("catalog", "text", "table", "masked"), MASKED)
def test_genitive_after_comma_is_no_condition(catalog: str, text: str, table: str, masked: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table) and spec.source.where is None
    assert [c for t in spec.transforms if t.type == "mask" for c in t.columns] == masked


def test_genitive_right_after_the_noun_is_still_asked() -> None:
    outcome = plan_in("hr", "сотрудников отдела продаж ежедневно в 6")
    assert outcome.status == "needs_clarification", outcome.spec


# --- 3. «не меньше N» in a check clause --------------------------------------------------------------------------

CHECKED = [
    (
        "telecom",
        "платежи ежедневно в 4, проверять, что сумма не меньше нуля",
        "billing.payments",
        "amount",
        0,
    ),
    ("telecom", "payments hourly, check that amount is at least 0", "billing.payments", "amount", 0),
    (
        "evcharge",
        "сессии зарядки ежедневно в 1, проверять, что отпущено энергии не меньше нуля",
        "charging.sessions",
        "energy_kwh",
        0,
    ),
    (
        "evcharge",
        "charging sessions daily at 1, check that cost is not less than 0",
        "charging.sessions",
        "cost",
        0,
    ),
    ("hr", "сотрудники ежедневно в 7, убедиться, что оклад не меньше 20000", "employees", "salary", 20000),
]


@pytest.mark.parametrize(("catalog", "text", "table", "column", "value"), CHECKED)
def test_at_least_check(catalog: str, text: str, table: str, column: str, value: int) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table)
    assert spec.source.where is None  # a check, not a filter that drops the rows below
    assert [(c.columns, c.value) for c in spec.checks if c.type == "min_value"] == [([column], value)]


def test_at_least_without_check_word_is_no_check() -> None:
    """«оклад не меньше 20000» with no check word says which rows to load."""
    outcome = plan_in("hr", "сотрудники ежедневно в 7, оклад не меньше 20000")
    assert outcome.spec is None or not [c for c in outcome.spec.checks if c.type == "min_value"]


# --- 4. a duplicates key list names columns ----------------------------------------------------------------------

DEDUPED = [
    (
        "evcharge",
        "сессии зарядки каждый час, дубли по станции и коннектору выкидывать",
        "charging.sessions",
        ["station_id", "connector_id"],
    ),
    (
        "fitness",
        "абонементы ежедневно, дубли по клиенту и клубу выкидывать",
        "memberships",
        ["member_id", "club_id"],
    ),
    (
        "fitness",
        "абонементы ежедневно, дубли по клиенту, тарифу и клубу убрать",
        "memberships",
        ["member_id", "plan_id", "club_id"],
    ),
]


@pytest.mark.parametrize(("catalog", "text", "table", "keys"), DEDUPED)
def test_dedupe_list_words_are_columns(catalog: str, text: str, table: str, keys: list[str]) -> None:
    spec = ok_spec(catalog, text)
    assert spec.source.table.endswith(table) and spec.source.columns is None
    assert [t.columns for t in spec.transforms if t.type == "dedupe"] == [keys]


@pytest.mark.parametrize(
    ("catalog", "text", "keys"),
    [
        (
            "cinema",
            "билеты ежечасно, дубли по screening_id, ряду и месту выкидывать",
            ["screening_id", "row_no", "seat_no"],
        ),
        (
            "fitness",
            "абонементы ежедневно, дубли по contract_no, клиенту и клубу убрать",
            ["contract_no", "member_id", "club_id"],
        ),
    ],
)
def test_key_list_after_a_comma_stays_keys(catalog: str, text: str, keys: list[str]) -> None:
    """The items after a comma in the key list («…, ряду и месту выкидывать») are keys too: no columns are left out
    of the load (they were read as «ряд и место выкидывать», a confident load without them) and none is lost."""
    spec = ok_spec(catalog, text)
    assert spec.source.columns is None
    assert [t.columns for t in spec.transforms if t.type == "dedupe"] == [keys]


def test_two_tables_outside_the_list_are_still_asked() -> None:
    outcome = plan_in("clinic", "записи на приём и пациенты каждый час, дубли по врачу выкидывать")
    assert outcome.status == "needs_clarification", outcome.spec


# --- 5. an English flag word the table's own comment states ---------------------------------------------------


def test_smart_meter_telemetry_is_the_telemetry_table() -> None:
    spec = ok_spec("utility", "smart meter telemetry daily at 3")
    assert (spec.source.table, spec.source.where) == ("metering.telemetry", None)


def test_flag_of_another_table_is_still_asked() -> None:
    """The readings table's comment says nothing of smart meters: "smart" is meters.is_smart there."""
    outcome = plan_in("utility", "smart meter readings daily at 3")
    assert outcome.status == "needs_clarification", outcome.spec


# --- 6. "from the <party>" --------------------------------------------------------------------------------------

FROM_THE = [
    ("airline", "bookings from the agency daily at 6", "channel = 'agency'"),
    ("telecom", "payments from the terminal hourly", "channel = 'terminal'"),
    ("cinema", "tickets from the aggregator every day at 9", "channel = 'aggregator'"),
]


@pytest.mark.parametrize(("catalog", "text", "where"), FROM_THE)
def test_from_the_party_is_the_value(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [("airline", "bookings from the app daily at 6"), ("airline", "bookings from the website daily at 6")],
)
def test_from_the_application_is_still_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"
