"""Round 77: confident plans that guessed (heldout_2026-12-16a families 4 and 6, heldout_2026-12-15b family 4).

- A state word on a status column that the catalog documents (it has a comment) without listing its values
  ('Статус доставки') is asked about, RU and EN: the usual English value («неуспешные» = failed) is a guess
  there; a value written as stored ("with status failed") is still read, and a bare status column with no
  comment at all keeps the usual value (the main set's «оплаченные заказы» = paid).
- "<database word> data" ("hotel data" of the hotel chain's database) names the domain, not the table that
  happens to share the word: asked which table.
- Two schedules in two clauses ("every hour and also reload everything nightly") are asked about: one pipeline
  has one schedule.
- «аккаунты» names a table called accounts too (crm.accounts 'Клиенты (аккаунты водителей)'; the glossary entry
  of round 74, 267aef7, with its tests): a word heading the comment of a table already named («клиентов» of
  'Клиенты (...)') says that table again and gives no hit to a table it only qualifies ('Платежи клиентов').
- «сессии зарядки и платежи»: a word of a table's comment that is also a word of the connection's description
  («зарядки», "EV charging ... database") still closes the left table of two joined by «и»: asked.
- A table word spelled by ear for a name ending in -ies («деливери» = deliveries) names that table even when a
  word inside the masking clause names another one.
Requests of my own over several catalogs, RU and EN.
First pass (planner77 at 50b8983, before the rules): 24 of 49 failed.
"""

from __future__ import annotations

import functools

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import tables_from_ddl
from tests.planned import ok_spec, plan_in

_SUPPORT_DDL = """
CREATE TABLE public.tickets (id bigint PRIMARY KEY, subject text, status text NOT NULL, priority text,
    created_at timestamp NOT NULL, updated_at timestamp NOT NULL);
COMMENT ON TABLE public.tickets IS 'Обращения клиентов в поддержку';
COMMENT ON COLUMN public.tickets.status IS 'Статус обращения';
COMMENT ON COLUMN public.tickets.priority IS 'Приоритет (low, normal, high)';
"""


@functools.cache
def _support() -> OfflinePlanner:
    connections = [
        ConnectionInfo("pg_support", "postgres", "Helpdesk database", "127.0.0.1", "support"),
        ConnectionInfo("ch_support", "clickhouse", "ClickHouse warehouse", "127.0.0.1", "default"),
    ]
    catalog = Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_support": tables_from_ddl(_SUPPORT_DDL)}
    )
    return OfflinePlanner(catalog)


UNLISTED_STATUS_WORD = [
    ("food", "отменённые доставки грузить в клик каждый час"),
    ("food", "Copy cancelled deliveries to ClickHouse daily at 4"),
    ("food", "активных курьеров раз в сутки в 6 утра"),
    ("food", "active couriers every 30 minutes"),
    ("food", "доставки без отменённых ежедневно в 2 ночи"),
]


@pytest.mark.parametrize(("catalog", "text"), UNLISTED_STATUS_WORD)
def test_state_word_on_a_documented_unlisted_status_is_asked(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status == "needs_clarification"
    assert any("status" in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    "text",
    ["завершённые обращения каждый час", "Load completed tickets hourly", "failed tickets daily at 7"],
)
def test_state_word_on_another_catalogs_unlisted_status_is_asked(text: str) -> None:
    outcome = _support().plan(text)
    assert outcome.status == "needs_clarification"
    assert any("status" in q for q in outcome.questions), outcome.questions


@pytest.mark.parametrize(
    ("catalog", "text", "where"),
    [
        ("food", "deliveries with status failed hourly", "status = 'failed'"),
        ("food", "доставки со статусом failed раз в час", "status = 'failed'"),
        ("shop", "Оплаченные заказы в клик каждые 3 часа", "status = 'paid'"),  # no comment at all
        ("hotel", "load reservations hourly, drop cancelled reservations", "status <> 'cancelled'"),  # listed
    ],
)
def test_written_listed_or_undocumented_status_is_still_read(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


DOMAIN_DATA = [
    ("hotel", "Export hotel data to ClickHouse every day at 6"),
    ("hotel", "sync all the hotel data hourly"),
    ("cinema", "Load cinema data into the warehouse daily at 2 am"),
    ("food", "food data to clickhouse every hour"),
]


@pytest.mark.parametrize(("catalog", "text"), DOMAIN_DATA)
def test_database_word_with_data_names_no_table(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "table"),
    [
        ("hotel", "Load the hotels table to ClickHouse daily at 5", "hotels"),
        ("shop", "load customer data into ClickHouse every day at 5", "customers"),
        ("hotel", "load guest data daily at 5", "guests"),
    ],
)
def test_a_table_word_with_data_still_names_its_table(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


TWO_SCHEDULES = [
    ("telecom", "Load subscribers every 15 minutes and also reload the whole table every night at 2"),
    ("hotel", "Sync reservations hourly, and replace all of them weekly on Sunday"),
    ("telecom", "абонентов грузить каждый час, а также раз в сутки перезаливать целиком"),
    ("carshare", "поездки догружать каждые 10 минут и ещё полностью перезаливать каждую ночь в 3"),
    ("telecom", "tariffs hourly, plus a full reload every day"),
    ("hotel", "копировать гостей ежечасно и перезаливать всё ежедневно"),
    ("fitness", "visits every 15 min and also reload the whole table daily"),
]


@pytest.mark.parametrize(("catalog", "text"), TWO_SCHEDULES)
def test_two_schedules_in_two_clauses_are_asked(catalog: str, text: str) -> None:
    assert plan_in(catalog, text).status == "needs_clarification"


@pytest.mark.parametrize(
    ("catalog", "text", "cron"),
    [
        ("telecom", "Load subscribers daily at 9 and also mask the emails", "0 9 * * *"),
        ("hotel", "guests every hour and mask their email", "0 * * * *"),
        ("hotel", "гостей ежедневно в 9 и в 18", "0 9,18 * * *"),
    ],
)
def test_one_schedule_and_another_clause_still_plans(catalog: str, text: str, cron: str) -> None:
    assert ok_spec(catalog, text).schedule == cron


@pytest.mark.parametrize(
    "text", ["деливери ежедневно в 5 утра, адрес клиента закрыть", "выгружай деливери в клик раз в час"]
)
def test_a_name_spelled_by_ear_beats_a_word_inside_the_mask_clause(text: str) -> None:
    assert ok_spec("food", text).source.table == "delivery.deliveries"


ACCOUNT_WORD = [  # round 74's tests (267aef7), kept with the rule that lets them pass without its regressions
    ("evcharge", "аккаунты каждые три часа", "crm.accounts"),
    ("evcharge", "выгрузи аккаунтов ежедневно в 4 утра", "crm.accounts"),
    ("evcharge", "по аккаунтам раз в сутки, телефон захешировать", "crm.accounts"),
    ("evcharge", "аккаунты со статусом blocked каждые 30 минут", "crm.accounts"),
    ("evcharge", "учетки водителей раз в час", "crm.accounts"),
    ("evcharge", "аккаунты апсертом по account_no каждый час", "crm.accounts"),
    ("evcharge", "аккаунты клиентов ежедневно в 7, почту закрыть", "crm.accounts"),
    ("evcharge", "клиентов (тип аккаунта fleet) раз в сутки", "crm.accounts"),
    ("shop", "аккаунты каждые два часа", "users"),
    ("shop", "учетки пользователей ежедневно", "users"),
    ("evcharge", "accounts daily at 5", "crm.accounts"),
]


@pytest.mark.parametrize(("catalog", "text", "table"), ACCOUNT_WORD)
def test_account_loanword_names_the_accounts_table(catalog: str, text: str, table: str) -> None:
    assert ok_spec(catalog, text).source.table == table


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("evcharge", "сессии зарядки и платежи каждые 2 часа"),
        ("evcharge", "сессии зарядки и платежи клиентов ежедневно в 4"),
        ("evcharge", "сессии зарядки и тарифы раз в сутки"),
    ],
)
def test_a_table_phrase_with_a_connection_word_joined_to_another_table_is_asked(
    catalog: str, text: str
) -> None:
    """«зарядки» of 'Сессии зарядки' is also a word of the "EV charging ... database" (claimed as such, so it is
    never read as the status value charging); beside «сессии» it still closes the left table of the pair."""
    assert plan_in(catalog, text).status == "needs_clarification"


def test_the_table_phrase_alone_still_plans_its_table() -> None:
    assert ok_spec("evcharge", "сессии зарядки ежедневно в 4").source.table == "charging.sessions"
