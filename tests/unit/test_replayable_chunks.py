"""ReplayableChunks: a stream read for a sample, then from its start once more without reopening."""

from __future__ import annotations

import pytest

from airflow_ai_etl.transfers.file_stream import ReplayableChunks


def test_replay_gives_the_kept_chunks_then_the_rest_and_closes_the_stream():
    closed = []

    def source():
        try:
            yield from (b"a", b"b", b"c", b"d")
        finally:
            closed.append(True)

    head = ReplayableChunks(source())
    first = head.first()
    assert [next(first), next(first)] == [b"a", b"b"]
    first.close()  # the sample reader stops: the stream stays open
    assert not closed
    assert list(head.replay()) == [b"a", b"b", b"c", b"d"]
    with pytest.raises(RuntimeError):
        list(head.replay())
    head.close()
    assert closed == [True]


def test_close_before_replay_closes_the_stream():
    closed = []

    def source():
        try:
            yield from (b"a", b"b")
        finally:
            closed.append(True)

    head = ReplayableChunks(source())
    next(head.first())
    head.close()
    assert closed == [True] and not head.replayable
