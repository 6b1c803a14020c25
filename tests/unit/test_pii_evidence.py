"""What a value proves on its own (its form) and what a column of bare digit strings needs (a checksum
pass share far above chance); the detectors never raise on odd input."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airflow_ai_etl.quality.detectors import (
    DETECTORS,
    HINTED_DETECTORS,
    candidates,
    detect,
    is_bare_digits,
    is_passport_ru,
    is_passport_ru_bare,
    is_phone_international,
    is_phone_ru,
    is_snils,
    luhn_ok,
    snils_checksum,
)
from airflow_ai_etl.quality.pii import (
    CHECKSUM_CHANCE,
    CHECKSUM_MIN_DISTINCT,
    CHECKSUM_SHARE,
    assess_column,
    false_flag_bound,
)


def _inn10(rng: random.Random) -> str:
    body = f"{rng.randint(10, 99)}" + "".join(rng.choices("0123456789", k=7))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10)


def _card(rng: random.Random) -> str:
    body = "4" + "".join(rng.choices("0123456789", k=14))
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def _snils(rng: random.Random) -> str:
    body = f"{rng.randint(1_002_000, 999_999_999):09d}"
    return f"{body}{snils_checksum(body):02d}"


# --- one value: form is evidence, bare digits are candidates -----------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("user1@example.com", "email"),
        ("+7 (916) 123-45-67", "phone"),
        ("8 916 123-45-67", "phone"),
        ("+79161234567", "phone"),  # written with its +: E.164
        ("+7 900 000-0001", "phone"),  # the shop fixture's spelling (3-3-4)
        ("+49 30 1234567", "phone"),
        ("112-233-445 95", "snils"),
        ("112 233 445 95", "snils"),
        ("4111 1111 1111 1111", "card"),
        ("4111-1111-1111-1111", "card"),
        ("45 06 123456", "passport"),
        ("DE89 3704 0044 0532 0130 00", "iban"),
    ],
)
def test_a_value_in_its_kinds_form_is_evidence(value, kind):
    assert kind in detect(value) and candidates(value) == set()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("7707083893", "inn"),
        ("500100732259", "inn"),
        ("79161234567", "phone"),
        ("89161234567", "phone"),
        ("11223344595", "snils"),
        ("4111111111111111", "card"),
        (4111111111111111, "card"),  # a number is bare digits too
        ("  7707083893 ", "inn"),
    ],
)
def test_a_bare_digit_string_is_only_a_candidate(value, kind):
    assert detect(value) == set() and kind in candidates(value)
    assert is_bare_digits(value)


@pytest.mark.parametrize(
    "value",
    [
        "79161234.567",  # an amount, not «7 916 123 45 67»
        "7916123456.7",
        "(7)9161234567",
        "791-612-345-67",  # 11 digits, but no phone's grouping
        "+1234567.8",  # a signed decimal
        "0049123456.78",
        "1124-233445-95",  # SNILS digits in no SNILS layout
        "4506-123456",  # a dashed 4-6 code is a passport only under a passport hint
    ],
)
def test_other_spellings_are_no_evidence(value):
    assert detect(value) == set()


def test_the_narrowed_forms():
    assert not is_phone_ru("79161234.567") and is_phone_ru("8 (916) 1234567")
    assert not is_phone_international("+4930123456.7") and is_phone_international("+49.30.123.4567")
    assert not is_snils("112-233445 95") and is_snils("112-233-445-95")
    assert not is_passport_ru("4506-123456") and is_passport_ru_bare("4506-123456")


def test_is_bare_digits():
    assert is_bare_digits("0012") and is_bare_digits(12) and is_bare_digits(" 12 ")
    for value in ("", " ", "12a", "1 2", "١٢", "１２", "²", True, 1.5, None, b"12", "1" * 1000):
        assert not is_bare_digits(value), value


# --- the column rules --------------------------------------------------------------------------


def test_thresholds_follow_from_the_chance_rates():
    """The checksum rule lets a column of random values through with probability at most 1e-5 per kind
    (one check digit, p = 0.1), far below the 0.1% target; 4 distinct values would allow 1e-4."""
    assert CHECKSUM_SHARE >= 9 * max(CHECKSUM_CHANCE.values())
    for kind, chance in CHECKSUM_CHANCE.items():
        assert false_flag_bound(chance) <= 1.01e-5, kind
    assert sum(false_flag_bound(p) for p in CHECKSUM_CHANCE.values()) < 1e-4
    assert false_flag_bound(0.1) == pytest.approx(0.1**CHECKSUM_MIN_DISTINCT)  # the worst: all of 5 pass
    assert false_flag_bound(0.1, min_distinct=2) == pytest.approx(0.01)  # why not fewer
    assert false_flag_bound(0.1, share=0.5) > 1e-3  # why not a lower share


def test_a_column_of_distinct_valid_bare_numbers_is_flagged_by_its_checksum():
    rng = random.Random(1)
    for make, kind in ((_inn10, "inn"), (_card, "card"), (_snils, "snils")):
        values = [make(rng) for _ in range(CHECKSUM_MIN_DISTINCT)]
        [finding] = assess_column("ref", "", values)
        assert (finding.kind, finding.basis, finding.formatted) == (kind, ["checksum"], 0)
        assert (finding.distinct, finding.distinct_matched) == (5, 5)
        assert "5 of 5 distinct values pass its checksum" in finding.evidence
        # one value fewer, or too many that fail, and the column is no evidence
        assert assess_column("ref", "", values[:-1]) == []
        broken = values[0][:-1] + str((int(values[0][-1]) + 1) % 10)  # fails the check
        assert assess_column("ref", "", [*values, broken]) == []  # 5 of 6 distinct: below 90%
        nine = [make(rng) for _ in range(9)]
        assert [f.kind for f in assess_column("ref", "", [*nine, broken])] == [kind]  # 9 of 10: 90%


def test_repeating_lucky_values_is_one_draw_each():
    values = ["7707083893", "7736050003"] * 100  # 200 values, 2 distinct
    assert assess_column("ref", "", values) == []
    [finding] = assess_column("inn", "", values)  # the name says INN: the values are its evidence
    assert (finding.hint, finding.matched, finding.sampled, finding.distinct) == ("name", 200, 200, 2)


def test_random_bare_digits_are_not_flagged_but_named_columns_keep_their_evidence():
    rng = random.Random(7)
    for length in (10, 11, 12, 16):
        for _ in range(300):
            column = ["".join(rng.choices("0123456789", k=length)) for _ in range(20)]
            assert assess_column("value", "", column) == [], column


def test_bare_phones_count_only_under_a_hint():
    phones = [f"7916{n:07d}" for n in range(100)]
    assert assess_column("contact", "", phones) == []
    [finding] = assess_column("contact", "Телефон клиента", phones)
    assert (finding.kind, finding.matched, finding.formatted, finding.basis) == ("phone", 100, 0, ["comment"])
    spelled = [f"+7 916 {n // 100:03d}-{n % 100:02d}-00" for n in range(100)]
    [by_form] = assess_column("contact", "", spelled)
    assert (by_form.kind, by_form.formatted, by_form.basis) == ("phone", 100, ["form"])


def test_form_needs_most_values():
    half = ["+7 916 123-45-67", "79161234567"] * 10  # half formatted, half bare
    assert assess_column("contact", "", half) == []


# --- never raises --------------------------------------------------------------------------------

ALL = {**DETECTORS, **HINTED_DETECTORS}


def _odd_values(rng: random.Random):
    yield from ("", " ", "\x00", "\ud800", "\udfff" * 3, "+", "@", "№", "٣٤٥٦٧٨٩٠١٢", "１２３４５６７８９０")
    yield from ("7" * 10**6, "a@" + "b" * 10**6 + ".ru", "+7 " * 10**5, "4111 " * 10**5, "DE" + "9" * 10**5)
    yield from (
        10**400,
        10**5000,
        -7707083893,
        2**63,
        float("nan"),
        float("inf"),
        b"\xff\xfe",
        bytearray(b"12"),
    )
    yield from (object(), [1, 2], {"a": 1}, None, True, 3.5e10, complex(1, 2))
    for _ in range(3000):
        size = rng.randint(0, 40)
        yield bytes(rng.getrandbits(8) for _ in range(size)).decode("utf-8", errors="surrogateescape")
        yield "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(size))
        yield "".join(rng.choices("0123456789 +-().№@", k=size))


def test_detectors_never_raise_on_random_bytes_unicode_and_huge_values():
    rng = random.Random(17)
    values = list(_odd_values(rng))
    for value in values:
        for name, (_, predicate) in ALL.items():
            assert predicate(value) in (True, False), name
        assert isinstance(detect(value), set) and isinstance(candidates(value), set)
    # the column assessment too, over the whole mix at once and in small columns
    assess_column("c", "", values)
    for i in range(0, 600, 6):
        assess_column("c", "", values[i : i + 6])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=30), st.integers(), st.binary(max_size=12), st.none()), max_size=12)
)
def test_column_assessment_never_raises(values):
    for finding in assess_column("value", "", values):
        assert finding.matched <= finding.sampled and finding.distinct_matched <= finding.distinct
