"""Value detectors for personal data: pure functions, checksums where the format has one.

Every detector takes any value and answers True or False; it never raises (odd types, huge
strings, surrogates and control characters are simply "not this kind"). A detector accepts a
kind in any usual spelling; what a passing value *proves* depends on its form:

* **evidence** (:func:`detect`): the value's form says what it is on its own: an e-mail's shape,
  a phone written with ``+`` or separators («+7 (916) 123-45-67»), SNILS «123-456-789 01», a
  card grouped by four, a passport «45 06 123456», an IBAN (letters and mod 97).
* **candidate** (:func:`candidates`): a bare digit string (``7707083893``, ``79161234567``) that
  passes. A random 10-digit string passes the INN-10 check one time in ten and an 11-digit one
  starting 7/8 has a phone's shape, so a bare value proves nothing alone; the scanner
  (:mod:`airflow_ai_etl.quality.pii`) counts candidates only when the column's name or comment
  names the kind, or when the share of a column's values that pass a checksum is far above chance.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

MAX_VALUE_LENGTH = 320  # longer text is no single identifier (an email is at most 254 characters)
_SEPARATORS = str.maketrans("", "", " -()./\u00a0")
_DIGITS = re.compile(r"[0-9]+")


def _safe(detector: Callable[[str], bool]) -> Callable[[Any], bool]:
    """Accept any value: str (or int) of sane length, else False; any internal error is False."""

    @functools.wraps(detector)
    def wrapper(value: Any) -> bool:
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            if value.bit_length() > 4 * MAX_VALUE_LENGTH:  # str() of a huge int raises, and it is no id
                return False
            value = str(value)
        if not isinstance(value, str) or not value or len(value) > MAX_VALUE_LENGTH:
            return False
        try:
            return bool(detector(value.strip()))
        except Exception:  # a detector is a predicate: "not recognised" is the only failure
            return False

    return wrapper


def is_bare_digits(value: Any) -> bool:
    """A number, or text that is only the digits 0-9 (surrounding blanks aside): no form of its own."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH and _ascii_digits(value.strip())


def _ascii_digits(text: str) -> bool:
    """str.isdigit() accepts '²' and Arabic-Indic digits; identifiers use 0-9 only."""
    return bool(text) and _DIGITS.fullmatch(text) is not None


# --- email -----------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~\-]+(?:\.[\w!#$%&'*+/=?^`{|}~\-]+)*"  # local part (RFC 6531: any letters)
    r"@(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+"  # domain labels (letters incl. Cyrillic, digits, '-')
    r"(?:[^\W\d_]{2,63}|xn--[a-z0-9\-]{1,59})",  # top-level domain: letters, or punycode
)


@_safe
def is_email(value: str) -> bool:
    """An address like ``user@example.com`` or ``имя@почта.рф`` (at most 254 characters)."""
    return len(value) <= 254 and _EMAIL.fullmatch(value) is not None


# --- phones ----------------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"\+?[0-9][0-9 \-().\u00a0]{6,22}")
# A Russian number as people write it: prefix, code (maybe in brackets), then 3-2-2, 3-4 or 7
# digits. The groups are what tells «8 900 123-45-67» from an amount such as «79001234.567».
_SEP = r"[ \-\u00a0]?"
_PHONE_RU = re.compile(
    rf"(?:\+7|8|7){_SEP}(?:\([0-9]{{3}}\)|[0-9]{{3}}){_SEP}"
    rf"(?:[0-9]{{3}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}|[0-9]{{3}}{_SEP}[0-9]{{4}})"
)


@_safe
def is_phone_ru(value: str) -> bool:
    """A Russian number: +7 / 7 / 8, then 10 digits whose first is 3, 4, 8 or 9 (geographic and
    mobile codes), written ``+7 (900) 123-45-67``, ``8-900-123-45-67``, ``+79001234567`` or bare
    ``79001234567`` (a bare one is only a candidate: see :func:`candidates`)."""
    if not _PHONE_RU.fullmatch(value):
        return False
    digits = value.translate(_SEPARATORS).removeprefix("+")
    return len(digits) == 11 and _ascii_digits(digits) and digits[1] in "3489"


@_safe
def is_phone_international(value: str) -> bool:
    """An E.164 number written with its ``+`` (or ``00`` and separators): country code 1-9...,
    8 to 15 digits in all, e.g. ``+49 30 1234567``, ``+1 (212) 555-0123``, ``0044 20 7946 0958``.
    A bare digit string is not assumed to be a phone, nor one with a single dot (a decimal)."""
    if not _PHONE_CHARS.fullmatch(value) or value.count(".") == 1:
        return False
    digits = value.translate(_SEPARATORS)
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00") and any(c in value[2:] for c in " -()\u00a0"):
        digits = digits[2:]  # 00 as the international prefix, with the number spaced out after it
    else:
        return False
    if digits[:1] in ("1", "7") and len(digits) != 11:  # +1 (NANP) and +7 have ten digits after
        return False
    return _ascii_digits(digits) and 8 <= len(digits) <= 15 and digits[0] != "0"


# --- SNILS (Russian individual insurance account number) ------------------------------------

# 123-456-789 01, 123-456-789-01, 123 456 789 01, or bare 12345678901
_SNILS = re.compile(r"[0-9]{3}([ \-])[0-9]{3}\1[0-9]{3}[ \-][0-9]{2}|[0-9]{11}")


def snils_checksum(first_nine: str) -> int:
    """The control number of SNILS digits 1-9: sum of digit x (9 - position), reduced mod 101,
    100 and 101 giving 00."""
    total = sum(int(d) * (9 - i) for i, d in enumerate(first_nine))
    if total > 101:
        total %= 101
    return 0 if total in (100, 101) else total


@_safe
def is_snils(value: str) -> bool:
    """``123-456-789 64`` (or ``123 456 789 64``) or bare ``12345678964`` whose last two digits
    are the checksum. Numbers up to 001-001-998 have no checksum and are not accepted."""
    if not _SNILS.fullmatch(value):
        return False
    digits = value.translate(_SEPARATORS)
    if int(digits[:9]) <= 1_001_998:
        return False
    return snils_checksum(digits[:9]) == int(digits[9:])


# --- INN (Russian taxpayer number) -----------------------------------------------------------

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN11_WEIGHTS = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _inn_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


@_safe
def is_inn(value: str) -> bool:
    """A 10-digit (organisation) or 12-digit (person) INN with valid control digits and a
    region code other than 00."""
    if not _ascii_digits(value) or value.startswith("00"):
        return False
    if len(value) == 10:
        return _inn_digit(value, _INN10_WEIGHTS) == int(value[9])
    if len(value) == 12:
        return _inn_digit(value, _INN11_WEIGHTS) == int(value[10]) and _inn_digit(
            value, _INN12_WEIGHTS
        ) == int(value[11])
    return False


# --- payment cards ---------------------------------------------------------------------------

_CARD = re.compile(r"[0-9]{4}([ \-]?)[0-9]{4}\1[0-9]{4}\1[0-9]{1,7}|[0-9]{13,19}")
# Issuer prefixes in use (ISO/IEC 7812): Visa, Mastercard, Mir, Amex, Diners, JCB, Discover,
# UnionPay, Maestro. A digit string outside them is no card however its Luhn digit falls.
_CARD_PREFIXES = re.compile(r"4|5[0-8]|2[2-7]|3[0-9]|6[0-9]")


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check every payment card number carries."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


@_safe
def is_card_number(value: str) -> bool:
    """13-19 digits (grouped by 4 with one kind of separator, or bare) with a known issuer
    prefix and a valid Luhn digit, e.g. ``4111 1111 1111 1111``."""
    if not _CARD.fullmatch(value):
        return False
    digits = value.translate(_SEPARATORS)
    return (
        13 <= len(digits) <= 19
        and _CARD_PREFIXES.match(digits) is not None
        and len(set(digits)) > 1  # 0000 0000 0000 0000 passes Luhn
        and luhn_ok(digits)
    )


# --- Russian passport ------------------------------------------------------------------------

_PASSPORT = re.compile(r"([0-9]{2}) ?([0-9]{2})(?: ?№ ?| )([0-9]{6})")
# Forms that mean passport only where the column says so: bare, or with a dash like any code.
_PASSPORT_BARE = re.compile(r"([0-9]{2})([0-9]{2})-?([0-9]{6})")


def _passport_year_ok(year: str) -> bool:
    """Digits 3-4 of the series are the form's year of printing: 97..99 or 00..this year + 1."""
    y = int(year)
    return y >= 97 or y <= (dt.date.today().year + 1) % 100


@_safe
def is_passport_ru(value: str) -> bool:
    """A Russian internal passport written with a separator: ``45 06 123456``, ``4506 123456``,
    ``4506 № 123456``: region code 01-99, year of the form, six-digit number. A bare
    10-digit string is also an INN-10 candidate; see :func:`is_passport_ru_bare`."""
    match = _PASSPORT.fullmatch(value)
    return match is not None and match.group(1) != "00" and _passport_year_ok(match.group(2))


@_safe
def is_passport_ru_bare(value: str) -> bool:
    """``4506123456`` or ``4506-123456``: only meaningful in a column whose name or comment says
    passport."""
    match = _PASSPORT_BARE.fullmatch(value) or _PASSPORT.fullmatch(value)
    return match is not None and match.group(1) != "00" and _passport_year_ok(match.group(2))


# --- IBAN ------------------------------------------------------------------------------------

_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")
# Lengths of the IBAN registry (SWIFT) for the countries most often met; others: 15-34.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BY": 28, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "EG": 29, "ES": 24,
    "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "HR": 21,
    "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MT": 31,
    "MU": 30, "NL": 18, "NO": 15, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VA": 22,
    "VG": 24, "XK": 20,
}  # fmt: skip


@_safe
def is_iban(value: str) -> bool:
    """An IBAN (``DE89 3704 0044 0532 0130 00``): country, check digits, account; the whole
    number mod 97 is 1 and the length is the country's."""
    compact = value.replace(" ", "").upper()
    if not _IBAN.fullmatch(compact):
        return False
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


# --- registry --------------------------------------------------------------------------------

# detector name -> (kind of personal data, predicate). A kind may have several detectors.
DETECTORS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "email": ("email", is_email),
    "phone_ru": ("phone", is_phone_ru),
    "phone_international": ("phone", is_phone_international),
    "snils": ("snils", is_snils),
    "inn": ("inn", is_inn),
    "card_luhn": ("card", is_card_number),
    "passport_ru": ("passport", is_passport_ru),
    "iban": ("iban", is_iban),
}
# Used only where a column's name or comment already says passport.
HINTED_DETECTORS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "passport_ru_bare": ("passport", is_passport_ru_bare),
}


def detect(value: Any) -> set[str]:
    """The kinds of personal data `value` is evidence of on its own: it passes a detector and has
    the kind's form (not a bare digit string). Empty for most values; never raises."""
    if is_bare_digits(value):
        return set()
    return {kind for kind, predicate in DETECTORS.values() if predicate(value)}


def candidates(value: Any) -> set[str]:
    """The kinds a bare digit string passes (INN, a bare SNILS, card or phone): evidence only
    where its column says so (see :mod:`airflow_ai_etl.quality.pii`). Empty for other values."""
    if not is_bare_digits(value):
        return set()
    return {kind for kind, predicate in DETECTORS.values() if predicate(value)}
