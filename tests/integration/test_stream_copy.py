"""stream_copy: PostgreSQL COPY output handed to a consumer through a bounded pipe (real server)."""

from __future__ import annotations

import threading

import psycopg2
import pytest

from airflow_ai_etl.transfers.postgres_source import stream_copy

pytestmark = pytest.mark.integration

ROWS = 200_000
COPY_SQL = f"COPY (SELECT g, repeat('x', 50) FROM generate_series(1, {ROWS}) g) TO STDOUT"


@pytest.fixture
def cur(postgres):
    conn = postgres.connect()
    with conn.cursor() as cursor:
        yield cursor
    conn.close()


def test_every_byte_and_row_reaches_the_consumer(cur):
    chunks: list[bytes] = []
    copied, lines = stream_copy(cur, COPY_SQL, chunks.extend)
    assert (copied, lines) == (ROWS, ROWS)
    received = b"".join(chunks).splitlines()
    assert received == [b"%d\t%s" % (g, b"x" * 50) for g in range(1, ROWS + 1)]
    assert max(map(len, chunks)) <= 1 << 20  # bounded chunks, not one blob


def test_consumer_error_wins_and_stops_the_copy(cur):
    def consume(chunks):
        next(iter(chunks))
        raise ValueError("target refused")

    with pytest.raises(ValueError, match="target refused"):
        stream_copy(cur, COPY_SQL, consume)
    assert not [t for t in threading.enumerate() if t.name == "ai-etl-copy"]  # producer ended


def test_consumer_that_stops_early_makes_the_copy_fail_instead_of_hanging(cur):
    with pytest.raises(BrokenPipeError):
        stream_copy(cur, COPY_SQL, lambda chunks: next(iter(chunks)))


def test_source_error_mid_stream_is_raised_after_the_consumer_saw_the_end(cur):
    failing = f"COPY (SELECT 1 / (g - {ROWS - 10}) FROM generate_series(1, {ROWS}) g) TO STDOUT"
    seen = []
    with pytest.raises(psycopg2.errors.DivisionByZero):
        stream_copy(cur, failing, lambda chunks: seen.extend(chunks))
    assert seen, "the consumer got the rows before the error and then the end of data"
