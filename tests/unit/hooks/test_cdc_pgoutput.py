"""Pure functions of hooks/cdc.py: LSN arithmetic, server checks and the pgoutput decoder,
on hand-built protocol messages (no server)."""

from __future__ import annotations

import struct

import pytest

from airflow_ai_etl.hooks.cdc import (
    PG_EPOCH,
    UNCHANGED,
    CDCError,
    SourceTable,
    check_replica_identity,
    check_wal_level,
    int_to_lsn,
    lsn_to_int,
    parse_message,
    parse_tuple,
)


def _tuple(*values: bytes | None | object) -> bytes:
    out = struct.pack(">h", len(values))
    for v in values:
        if v is None:
            out += b"n"
        elif v is UNCHANGED:
            out += b"u"
        else:
            out += b"t" + struct.pack(">i", len(v)) + v
    return out


@pytest.mark.parametrize("lsn", ["0/0", "16/B374D848", "FFFFFFFF/FFFFFFFF", "1/0"])
def test_lsn_round_trip(lsn):
    assert int_to_lsn(lsn_to_int(lsn)) == lsn


def test_lsn_order_is_numeric_not_textual():
    assert lsn_to_int("1/0") > lsn_to_int("0/FFFFFFFF")
    assert lsn_to_int("16/B374D848") == (0x16 << 32) | 0xB374D848


def test_wal_level_must_be_logical_and_the_error_says_how():
    check_wal_level(" Logical\n")
    with pytest.raises(CDCError, match="wal_level = logical"):
        check_wal_level("replica")


def test_replica_identity_rules():
    with_pk = SourceTable("public", "orders", ["id"], "d", ["id"])
    check_replica_identity(with_pk, ["id"])
    check_replica_identity(SourceTable("public", "t", [], "f", ["a", "b"]), ["b"])  # FULL: any key
    with pytest.raises(CDCError, match="REPLICA IDENTITY FULL"):
        check_replica_identity(SourceTable("public", "t", [], "d", []), ["id"])
    with pytest.raises(CDCError, match=r"\['code'\]"):
        check_replica_identity(with_pk, ["id", "code"])


def test_tuple_values_text_null_and_unchanged_toast():
    buf = b"xx" + _tuple(b"42", None, UNCHANGED, b"")
    values, pos = parse_tuple(buf, 2)
    assert values == [b"42", None, UNCHANGED, b""] and pos == len(buf)


def test_unknown_tuple_kind_is_a_clear_error():
    with pytest.raises(CDCError, match="unsupported pgoutput tuple value kind 'b'"):
        parse_tuple(struct.pack(">h", 1) + b"b", 0)


def test_insert_update_delete_messages():
    ins = parse_message(100, b"I" + struct.pack(">I", 7) + b"N" + _tuple(b"1", b"a"))
    assert (ins.op, ins.lsn, ins.relid, ins.new) == ("I", 100, 7, [b"1", b"a"])
    upd_key = parse_message(
        101, b"U" + struct.pack(">I", 7) + b"K" + _tuple(b"1", None) + b"N" + _tuple(b"2", b"b")
    )
    assert (upd_key.old, upd_key.new, upd_key.old_is_full) == ([b"1", None], [b"2", b"b"], False)
    upd_plain = parse_message(102, b"U" + struct.pack(">I", 7) + b"N" + _tuple(b"2", b"c"))
    assert upd_plain.old is None and upd_plain.new == [b"2", b"c"]
    dele = parse_message(103, b"D" + struct.pack(">I", 7) + b"O" + _tuple(b"2", b"c"))
    assert (dele.op, dele.old, dele.old_is_full, dele.new) == ("D", [b"2", b"c"], True, None)


def test_relation_commit_truncate_and_ignored_messages():
    rel = (
        b"R" + struct.pack(">I", 9) + b"sales\0orders\0" + b"d" + struct.pack(">h", 2)
        + b"\x01id\0" + struct.pack(">Ii", 23, -1) + b"\x00note\0" + struct.pack(">Ii", 25, -1)
    )  # fmt: skip
    change = parse_message(5, rel)
    assert change.relation.schema == "sales" and change.relation.name == "orders"
    assert change.relation.columns == ["id", "note"] and change.relation.key_flags == [True, False]
    commit = parse_message(6, b"C" + b"\0" + struct.pack(">QQq", 1, 2, 1_500_000))
    assert commit.op == "C" and commit.commit_time == pytest.approx(PG_EPOCH + 1.5)
    trunc = parse_message(7, b"T" + struct.pack(">i", 2) + b"\0" + struct.pack(">II", 9, 10))
    assert trunc.op == "T" and trunc.relids == [9, 10]
    assert parse_message(8, b"B" + b"\0" * 20).op == "B"
    assert parse_message(9, b"Y" + b"\0" * 8) is None  # type messages are not changes
