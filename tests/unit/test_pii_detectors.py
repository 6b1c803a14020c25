"""PII value detectors and column hints: valid and invalid checksums, formats, odd values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airflow_ai_etl.quality.detectors import (
    DETECTORS,
    HINTED_DETECTORS,
    detect,
    is_card_number,
    is_email,
    is_iban,
    is_inn,
    is_passport_ru,
    is_passport_ru_bare,
    is_phone_international,
    is_phone_ru,
    is_snils,
    luhn_ok,
    snils_checksum,
)
from airflow_ai_etl.quality.pii import assess_column, hints, name_tokens

ALL = {**DETECTORS, **HINTED_DETECTORS}


@pytest.mark.parametrize(
    "value", ["user1@example.com", "Ivan.Petrov+tag@mail.co.uk", "имя@почта.рф", "a@xn--80ak6aa92e.com"]
)
def test_email_valid(value):
    assert is_email(value)


@pytest.mark.parametrize(
    "value",
    ["user@", "@example.com", "user@example", "user@@example.com", "user@exa mple.com", "a@b.c", "x.@"],
)
def test_email_invalid(value):
    assert not is_email(value)


@pytest.mark.parametrize(
    "value", ["+7 (900) 123-45-67", "8-900-123-45-67", "89001234567", "+74951234567", "7 (812) 555 12 34"]
)
def test_phone_ru_valid(value):
    assert is_phone_ru(value)


@pytest.mark.parametrize(
    # 9001234567 has no country prefix; +7 1xx is no Russian code; 12 digits; letters; +8 is no prefix
    "value",
    ["9001234567", "+7 100 123-45-67", "890012345678", "8-900-ABC-45-67", "+8 900 123 45 67", "+7"],
)
def test_phone_ru_invalid(value):
    assert not is_phone_ru(value)


@pytest.mark.parametrize(
    "value", ["+49 30 1234567", "+1 (212) 555-0123", "0044 20 7946 0958", "+380441234567"]
)
def test_phone_international_valid(value):
    assert is_phone_international(value)


@pytest.mark.parametrize(
    "value", ["4930123456", "+0 30 1234567", "+49 30", "+1234567890123456", "+49 30 12x4567"]
)
def test_phone_international_invalid(value):
    assert not is_phone_international(value)


def test_snils_valid_and_invalid_checksum():
    assert is_snils("112-233-445 95") and is_snils("11223344595")
    assert not is_snils("112-233-445 96")  # checksum off by one
    assert not is_snils("112-233-446 95")  # one digit changed
    assert not is_snils("001-001-998 00")  # numbers up to 001-001-998 carry no checksum
    assert not is_snils("00100000002")  # the shop fixture's made-up values
    assert snils_checksum("112233445") == 95


def test_snils_checksum_reductions():
    # sum 100 and 101 give 00; sums above 101 are taken mod 101 (then 100 -> 00)
    assert snils_checksum("000000055") == (5 * 2 + 5 * 1)  # small sums are the checksum itself
    digits = next(
        f"{n:09d}"
        for n in range(1_002_000, 9_999_999)
        if sum(int(d) * (9 - i) for i, d in enumerate(f"{n:09d}")) == 101
    )
    assert snils_checksum(digits) == 0
    assert is_snils(digits + "00")


def test_inn_valid_and_invalid():
    assert is_inn("7707083893")  # INN-10 (an organisation)
    assert is_inn("500100732259")  # INN-12 (a person)
    assert not is_inn("7707083894")
    assert not is_inn("500100732258")  # second control digit wrong
    assert not is_inn("500100732269")  # first control digit wrong
    assert not is_inn("0007083893")  # region 00
    assert not is_inn("77070838931")  # 11 digits
    assert is_inn(7707083893)  # stored as a number


def test_card_valid_and_invalid():
    for number in ("4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "2200000000000004"):
        assert is_card_number(number), number
    assert not is_card_number("4111 1111 1111 1112")  # Luhn fails
    assert not is_card_number("4111 1111-1111 1111")  # mixed separators
    assert not is_card_number("0000 0000 0000 0000")  # no issuer starts with 0
    assert not is_card_number("1234 5678 9012 3452")  # Luhn-valid, but no issuer uses 1
    assert not is_card_number("4000 0000 0000 0001")  # the shop fixture's made-up values


def test_passport():
    assert (
        is_passport_ru("45 06 123456") and is_passport_ru("4506 123456") and is_passport_ru("4506 № 123456")
    )
    assert not is_passport_ru("4506123456")  # bare: only where the column says passport
    assert is_passport_ru_bare("4506123456")
    assert not is_passport_ru("45 50 123456")  # no form printed in '50
    assert not is_passport_ru("00 06 123456")  # no region 00
    assert not is_passport_ru("45 06 12345")


def test_iban_valid_and_invalid():
    assert is_iban("DE89 3704 0044 0532 0130 00") and is_iban("GB82WEST12345698765432")
    assert is_iban("gb82 west 1234 5698 7654 32")
    assert not is_iban("GB82WEST12345698765431")  # mod 97 fails
    assert not is_iban("DE89370400440532013")  # the length of a German IBAN is 22
    assert not is_iban("1289370400440532013000")


# --- properties ------------------------------------------------------------------------------

odd_values = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec=None), max_size=40),
    st.binary(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.from_regex(r"[0-9 +()\-№]{0,30}", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(odd_values)
def test_detectors_never_raise(value):
    for _, predicate in ALL.values():
        assert predicate(value) in (True, False)
    assert detect(value) <= {kind for kind, _ in DETECTORS.values()}
    assess_column("c", "", [value])  # the column assessment neither


def _luhn_complete(prefix_and_body: str) -> str:
    return next(prefix_and_body + d for d in "0123456789" if luhn_ok(prefix_and_body + d))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["4", "51", "55", "2200", "37", "6011"]), st.integers(12, 18), st.data())
def test_luhn_catches_every_single_digit_change(prefix, length, data):
    body = data.draw(
        st.text(alphabet="0123456789", min_size=length - len(prefix), max_size=length - len(prefix))
    )
    number = _luhn_complete(prefix + body)
    if len(set(number)) > 1:
        assert is_card_number(number)
    position = data.draw(st.integers(0, len(number) - 1))
    changed = data.draw(st.sampled_from([d for d in "0123456789" if d != number[position]]))
    assert not is_card_number(number[:position] + changed + number[position + 1 :])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: int(s) > 1_001_998), st.data())
def test_snils_checksum_property(first_nine, data):
    checksum = snils_checksum(first_nine)
    assert is_snils(f"{first_nine}{checksum:02d}")
    wrong = data.draw(st.integers(0, 99).filter(lambda n: n != checksum))
    assert not is_snils(f"{first_nine}{wrong:02d}")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: not s.startswith("00")))
def test_inn10_exactly_one_control_digit_passes(first_nine):
    assert sum(is_inn(first_nine + d) for d in "0123456789") == 1


def _iban(country: str, bban: str) -> str:
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.data())
def test_iban_mod97_catches_single_digit_changes(bban, data):
    iban = _iban("DE", bban)
    assert is_iban(iban)
    position = data.draw(st.integers(4, len(iban) - 1))
    changed = data.draw(st.sampled_from([d for d in "0123456789" if d != iban[position]]))
    assert not is_iban(iban[:position] + changed + iban[position + 1 :])


# --- hints -----------------------------------------------------------------------------------


def test_name_tokens():
    assert name_tokens("customerEmail") == "customer_email"
    assert name_tokens("Customer-E-Mail") == "customer_e_mail"


@pytest.mark.parametrize(
    ("name", "comment", "kind"),
    [
        ("email", "", "email"),
        ("customerEmail", "", "email"),
        ("contact_phone", "", "phone"),
        ("tel", "", "phone"),
        ("snils", "", "snils"),
        ("x1", "СНИЛС", "snils"),
        ("inn", "", "inn"),
        ("card_number", "", "card"),
        ("passport_number", "Номер паспорта", "passport"),
        ("iban", "", "iban"),
        ("full_name", "", "person_name"),
        ("фио", "", "person_name"),
        ("birth_date", "", "birth_date"),
        ("address", "", "address"),
        ("col7", "Телефон для связи", "phone"),
        ("col8", "Адрес электронной почты", "email"),
    ],
)
def test_hints_find(name, comment, kind):
    assert kind in hints(name, comment)


@pytest.mark.parametrize(
    ("name", "comment"),
    [
        ("name", ""),  # a product's name is no person's name
        ("dinner_time", ""),
        ("winner", ""),
        ("card_type", ""),
        ("pinned", ""),
        ("telemetry", ""),
        ("mailing_list_size", ""),
        ("test_code", "Код анализа"),
        ("diagnosis_code", "Код диагноза по МКБ-10"),
        ("status", "Инновационный статус"),
        ("specialty", "Специальность врача"),
    ],
)
def test_hints_do_not_fire(name, comment):
    assert hints(name, comment) == {}


def test_assess_column_needs_a_majority_of_values():
    emails = [f"user{i}@example.com" for i in range(10)]
    [finding] = assess_column("contact", "", emails)
    assert (finding.kind, finding.matched, finding.sampled, finding.hint) == ("email", 10, 10, "")
    assert "10 of 10 sampled values (100%)" in finding.evidence
    # 3 of 10 are no evidence for an anonymous column
    assert assess_column("contact", "", emails[:3] + ["n/a"] * 7) == []
    # ...but the name alone is (the made-up values of a test database still mean a SNILS column)
    [snils] = assess_column("snils", "", ["00100000002"] * 5)
    assert (snils.kind, snils.hint, snils.matched, snils.share) == ("snils", "name", 0, 0.0)
    # NULLs and blanks are not sampled values
    [email] = assess_column("email", "", [None, "", "  ", "a@b.ru"])
    assert (email.matched, email.sampled) == (1, 1)


def test_bare_passport_counts_only_under_a_passport_hint():
    values = ["4506123456", "4507654321", "4010111222"]
    assert assess_column("doc", "", values) == []
    [finding] = assess_column("doc", "Номер паспорта", values)
    assert (finding.kind, finding.matched, finding.hint) == ("passport", 3, "comment")
