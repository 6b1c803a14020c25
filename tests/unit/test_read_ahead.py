"""prefetched(): chunks read ahead by a thread arrive in order; errors and early closes behave."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from airflow_ai_etl.transfers.file_formats import FileFormatError
from airflow_ai_etl.transfers.file_stream import prefetched, to_utf8


class Source:
    """A chunk source that records whether it was closed and how far it was read."""

    def __init__(self, n: int, fail_at: int | None = None) -> None:
        self.n, self.fail_at, self.read, self.closed = n, fail_at, 0, False

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        if self.read == self.fail_at:
            raise ConnectionError("the connection dropped")
        if self.read >= self.n:
            raise StopIteration
        self.read += 1
        return b"%d\n" % self.read

    def close(self) -> None:
        self.closed = True


def _reader_threads() -> int:
    return sum(t.name == "ai-etl-read-ahead" for t in threading.enumerate())


def test_every_chunk_in_order_then_the_source_is_closed():
    src = Source(50)
    assert list(prefetched(src, depth=2)) == [b"%d\n" % i for i in range(1, 51)]
    assert src.closed and _reader_threads() == 0


def test_an_error_of_the_source_is_raised_in_the_consumer_after_the_chunks_before_it():
    src = Source(50, fail_at=7)
    got = []
    with pytest.raises(ConnectionError, match="dropped"):
        for chunk in prefetched(src, depth=3):
            got.append(chunk)
    assert got == [b"%d\n" % i for i in range(1, 8)]
    assert src.closed and _reader_threads() == 0


def test_closing_early_stops_the_thread_and_closes_the_source_with_little_read_ahead():
    src = Source(10_000)
    stream = prefetched(src, depth=2)
    assert next(stream) == b"1\n"
    stream.close()
    assert src.closed and _reader_threads() == 0
    assert src.read <= 5  # the one consumed, the queue's two, one waiting to be put (bounded memory)


def test_the_first_read_starts_before_the_first_chunk_is_asked_for():
    src = Source(3)
    stream = prefetched(src, depth=2)
    deadline = time.monotonic() + 5
    while src.read < 3 and time.monotonic() < deadline:  # (an S3 GET: its request goes out now)
        time.sleep(0.01)
    assert src.read == 3  # two queued, the third waiting to be put
    assert list(stream) == [b"1\n", b"2\n", b"3\n"]
    assert src.closed and _reader_threads() == 0


def test_a_stream_dropped_unread_lets_its_thread_end():
    src = Source(10_000)
    stream = prefetched(src, depth=2)
    thread = stream._thread
    del stream
    gc.collect()
    thread.join(timeout=5)
    assert not thread.is_alive() and src.read <= 4


def test_ascii_chunks_pass_as_they_are_and_a_character_split_between_chunks_is_still_checked():
    assert b"".join(to_utf8([b"id,name\n", b"1,ab\n"])) == b"id,name\n1,ab\n"
    word = "пример".encode()
    assert b"".join(to_utf8([b"1,", word[:3], word[3:] + b"\n", b"2,x\n"])) == b"1," + word + b"\n2,x\n"
    with pytest.raises(FileFormatError, match="line 2"):
        list(to_utf8([b"1,a\n2,", word[:3], b"x\n"]))  # a cut character then ASCII: invalid
