"""English requests over coded meanings written in Russian (planner134, issue 15): a SMALLINT column whose
comment gives its codes Russian meanings ('Итог: 1 — принят, 2 — пропущен, 3 — сброшен водителем') is read by
an English request through a small bilingual lexicon (vocabulary.MEANING_WORDS_EN) and the value lexicon read
backwards: "calls the driver hung up on" covers both words of 'сброшен водителем', "appeals still under
review" the content word of 'на проверке', "trainee drivers" the one word of 'стажёр'. A phrase whose words
cover no one meaning whole (the other party, a word no entry reads) stays asked, quoting the words.

Requests of my own over a domain of my own (a taxi dispatch, the DDL below), plus the helpdesk catalog with
words its held-out batches do not use.

First pass (at 8ea5714, before the rules): 15 of 20 failed (the 5 that passed: questions that must stay
questions).
"""

from __future__ import annotations

import pytest

from airflow_ai_etl.catalog import Catalog, ConnectionInfo
from airflow_ai_etl.planning.offline import OfflinePlanner
from tests.catalogs import CATALOGS, tables_from_ddl

DISPATCH = """
CREATE SCHEMA dispatch;
CREATE TABLE dispatch.drivers (
    id int PRIMARY KEY, full_name text NOT NULL, phone text, grade smallint NOT NULL, is_online boolean NOT NULL,
    created_at timestamp NOT NULL
);
CREATE TABLE dispatch.rides (
    id bigint PRIMARY KEY, driver_id int REFERENCES dispatch.drivers(id), rider_phone text NOT NULL,
    status smallint NOT NULL, fare_rub numeric(10,2), created_at timestamp NOT NULL, finished_at timestamp
);
CREATE TABLE dispatch.hotline_calls (
    id bigint PRIMARY KEY, driver_id int REFERENCES dispatch.drivers(id), caller_phone text NOT NULL,
    outcome smallint NOT NULL, wait_seconds int NOT NULL, started_at timestamp NOT NULL
);
CREATE TABLE dispatch.appeals (
    id bigint PRIMARY KEY, ride_id bigint NOT NULL REFERENCES dispatch.rides(id), verdict smallint NOT NULL,
    refund_rub numeric(10,2), filed_at timestamp NOT NULL
);
CREATE TABLE dispatch.rider_votes (
    id bigint PRIMARY KEY, ride_id bigint NOT NULL REFERENCES dispatch.rides(id), score smallint NOT NULL,
    segment smallint NOT NULL, answered_at timestamp NOT NULL
);
COMMENT ON TABLE dispatch.drivers IS 'Водители службы такси';
COMMENT ON COLUMN dispatch.drivers.full_name IS 'ФИО водителя';
COMMENT ON COLUMN dispatch.drivers.grade IS
    'Разряд: 1 — стажёр, 2 — водитель первого класса, 3 — водитель второго класса, 4 — наставник';
COMMENT ON COLUMN dispatch.drivers.is_online IS 'Сейчас на линии';
COMMENT ON TABLE dispatch.rides IS 'Поездки';
COMMENT ON COLUMN dispatch.rides.rider_phone IS 'Телефон пассажира';
COMMENT ON COLUMN dispatch.rides.status IS
    'Статус: 1 — новая, 2 — водитель назначен, 3 — в пути, 4 — завершена, 5 — отменена пассажиром';
COMMENT ON COLUMN dispatch.rides.fare_rub IS 'Стоимость поездки, руб.';
COMMENT ON TABLE dispatch.hotline_calls IS 'Звонки на горячую линию';
COMMENT ON COLUMN dispatch.hotline_calls.caller_phone IS 'Номер звонящего';
COMMENT ON COLUMN dispatch.hotline_calls.outcome IS
    'Итог: 1 — принят, 2 — пропущен, 3 — сброшен водителем, 4 — переведён на диспетчера';
COMMENT ON COLUMN dispatch.hotline_calls.wait_seconds IS 'Ожидание, сек';
COMMENT ON TABLE dispatch.appeals IS 'Апелляции водителей';
COMMENT ON COLUMN dispatch.appeals.verdict IS 'Решение: 1 — подана, 2 — на проверке, 3 — удовлетворена, 4 — отклонена';
COMMENT ON COLUMN dispatch.appeals.refund_rub IS 'Возврат, руб.';
COMMENT ON TABLE dispatch.rider_votes IS 'Оценки поездок пассажирами (NPS)';
COMMENT ON COLUMN dispatch.rider_votes.score IS 'Оценка от 0 до 10';
COMMENT ON COLUMN dispatch.rider_votes.segment IS 'Группа: 1 — критик, 2 — нейтрал, 3 — промоутер';
"""


def _dispatch() -> Catalog:
    connections = [
        ConnectionInfo("pg_dispatch", "postgres", "Taxi dispatch database", "127.0.0.1", "dispatch"),
        ConnectionInfo("ch_dispatch", "clickhouse", "ClickHouse for dispatch analytics", "127.0.0.1", "dwh"),
    ]
    return Catalog(
        connections={c.conn_id: c for c in connections}, tables={"pg_dispatch": tables_from_ddl(DISPATCH)}
    )


_PLANNERS: dict[str, OfflinePlanner] = {}


def _planner(name: str) -> OfflinePlanner:
    if name not in _PLANNERS:
        _PLANNERS[name] = OfflinePlanner(_dispatch() if name == "dispatch" else CATALOGS[name]())
    return _PLANNERS[name]


@pytest.mark.parametrize(
    ("catalog", "text", "table", "where"),
    [
        # a meaning of two words, its agent said as the English noun and its verb as a phrasal verb
        ("dispatch", "Hotline calls the driver hung up on, every 10 minutes", "dispatch.hotline_calls",
         "outcome = 3"),
        ("dispatch", "Rides the passenger cancelled, hourly", "dispatch.rides", "status = 5"),
        ("dispatch", "Hotline calls that got transferred to a dispatcher, every 5 minutes",
         "dispatch.hotline_calls", "outcome = 4"),
        # a one-word meaning said as the English adjective, participle or noun of the rows
        ("dispatch", "Missed hotline calls daily at 8 am", "dispatch.hotline_calls", "outcome = 2"),
        ("dispatch", "Appeals that were upheld, every Monday at 9 am", "dispatch.appeals", "verdict = 3"),
        ("dispatch", "Trainee drivers, daily at 7 am", "dispatch.drivers", "grade = 1"),
        ("dispatch", "Passives from the rider votes, nightly at 2", "dispatch.rider_votes", "segment = 2"),
        # a locative meaning: its preposition is the English one's, its noun the content word
        ("dispatch", "Appeals still under review, every hour", "dispatch.appeals", "verdict = 2"),
        # a meaning of three words, one of them the table's own noun
        ("dispatch", "Second-class drivers every morning at 6", "dispatch.drivers", "grade = 3"),
        # the meaning after the column word, its code confirmed in brackets
        ("dispatch", "Rides in status new (1), every 2 minutes", "dispatch.rides", "status = 1"),
        # the helpdesk catalog, other words than its batches
        ("helpdesk", "Answered calls, every hour", "voice.calls", "result = 1"),
        ("helpdesk", "Complaints that were upheld, daily at 8 pm", "feedback.complaints", "status = 3"),
        ("helpdesk", "Shift leads from the agents list, hourly", "support.agents", "role = 3"),
        ("helpdesk", "First-line operators, daily at 9 am", "support.agents", "role = 1"),
        ("helpdesk", "Tickets with status new, every 5 minutes", "support.tickets", "status = 1"),
    ],
)  # fmt: skip
def test_english_words_reach_a_russian_meaning(catalog: str, text: str, table: str, where: str) -> None:
    outcome = _planner(catalog).plan(text)
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.table == table
    assert outcome.spec.source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        # the other party: 'отменена пассажиром' needs the passenger, the driver fits no meaning
        ("dispatch", "Rides the driver cancelled, hourly"),
        # a word no lexicon entry reads: asked, never every row
        ("dispatch", "Hotline calls that were dropped, hourly"),
        # a line no meaning lists
        ("helpdesk", "Third-line specialists from the agents list, daily"),
        # a negated meaning is no equality
        ("dispatch", "Appeals that were not upheld, daily"),
    ],
)
def test_words_covering_no_one_meaning_are_asked(catalog: str, text: str) -> None:
    outcome = _planner(catalog).plan(text)
    assert outcome.status == "needs_clarification", outcome.spec and outcome.spec.source.where


def test_new_before_the_rows_noun_stays_the_new_rows_cue() -> None:
    # "new rides" are the rows added since the last run (the README's modes rule), not the code 'новая'
    outcome = _planner("dispatch").plan("Load new rides every 5 minutes")
    assert outcome.status == "ok", outcome.questions
    assert outcome.spec is not None
    assert outcome.spec.source.where is None
