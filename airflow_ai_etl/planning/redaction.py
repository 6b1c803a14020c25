"""Scrub personal data and secrets from a request before it leaves for a language model.

A request is free text typed by a person; it may quote a customer's e-mail, a card number or
a password by accident. The model only needs the request's *shape*, so each finding is
replaced by a placeholder such as ``[EMAIL]``. Detection is deliberately generous (a false
positive costs a little context, a false negative leaks data), but numbers that are clearly
not identifiers (times, dates, amounts) are left alone: card numbers must pass the Luhn check,
INNs their checksum or an explicit "ИНН"/"INN" label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from airflow_ai_etl.quality.detectors import luhn_ok

_SECRET_ASSIGNMENT = re.compile(
    r"(?i)\b(password|passwd|pwd|пароль|token|токен|secret|секрет|api[_-]?key|access[_-]?key|ключ)"
    r"(\s*(?:[:=]|is|это|—|-)\s*)([^\s,;]+)"
)
_SECRET_TOKEN = re.compile(r"\b(sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,})\b")
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^\s:/@]+):([^\s@/]+)@")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 13-19 digits, optionally grouped by spaces or dashes (4 4 4 4, 4 6 5, ...).
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
# СНИЛС: 123-456-789 01 or 123-456-789-01 (the bare 11-digit form is caught below with its checksum).
_SNILS = re.compile(r"(?<!\d)\d{3}-\d{3}-\d{3}[ -]\d{2}(?!\d)")
_SNILS_BARE = re.compile(r"(?<![\d-])\d{11}(?![\d-])")
# Russian (+7 / 8) and international (+<country>) phone numbers with the usual separators.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)"
    r"|(?<![\w+])\+\d{1,3}[\s(-]*\d{2,4}[\s)-]*\d{3,4}[\s-]*\d{2,4}(?:[\s-]*\d{2,4})?(?!\d)"
)
_INN_LABELLED = re.compile(r"(?i)\b(инн|inn)(\s*:?\s*)(\d{10}|\d{12})(?!\d)")
_INN_BARE = re.compile(r"(?<![\d-])(\d{10}|\d{12})(?![\d-])")


@dataclass(frozen=True)
class Redaction:
    """The text as it may be sent, and how many findings of each kind were replaced."""

    text: str
    found: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.found)


def _inn_ok(digits: str) -> bool:
    """The check digits of a Russian INN (10 digits: legal entity, 12: person)."""

    def check(weights: list[int], body: str) -> int:
        return sum(w * int(c) for w, c in zip(weights, body, strict=False)) % 11 % 10

    nums = [int(c) for c in digits]
    if len(digits) == 10:
        return check([2, 4, 10, 3, 5, 9, 4, 6, 8], digits) == nums[9]
    if len(digits) == 12:
        return (
            check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], digits) == nums[10]
            and check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], digits) == nums[11]
        )
    return False


def _snils_ok(digits: str) -> bool:
    body, control = digits[:9], int(digits[9:])
    total = sum(int(c) * (9 - i) for i, c in enumerate(body))
    expected = total % 101 if total > 101 else total
    return (0 if expected in (100, 101) else expected) == control


def redact(text: str) -> Redaction:
    """Replace secrets, e-mails, card numbers, SNILS, phones and INNs in `text` by placeholders.

    :param text: the request as typed.
    :return: the scrubbed text and a count per kind (``{"email": 1, ...}``), never the values.
    """
    found: Counter[str] = Counter()

    def sub(pattern: re.Pattern[str], kind: str, replace: Callable[[re.Match[str]], str | None]) -> None:
        nonlocal text

        def one(match: re.Match[str]) -> str:
            replacement = replace(match)
            if replacement is None:
                return match.group(0)
            found[kind] += 1
            return replacement

        text = pattern.sub(one, text)

    # Order matters: secrets and e-mails first (they contain digits), then the longest numbers.
    sub(_URL_CREDENTIALS, "secret", lambda m: f"{m.group(1)}[USER]:[SECRET]@")
    sub(_SECRET_ASSIGNMENT, "secret", lambda m: f"{m.group(1)}{m.group(2)}[SECRET]")
    sub(_SECRET_TOKEN, "secret", lambda m: "[SECRET]")
    sub(_EMAIL, "email", lambda m: "[EMAIL]")
    sub(_CARD, "card", lambda m: "[CARD]" if luhn_ok(re.sub(r"\D", "", m.group(0))) else None)
    sub(_SNILS, "snils", lambda m: "[SNILS]")
    sub(_SNILS_BARE, "snils", lambda m: "[SNILS]" if _snils_ok(m.group(0)) else None)
    sub(_PHONE, "phone", lambda m: "[PHONE]")
    sub(_INN_LABELLED, "inn", lambda m: f"{m.group(1)}{m.group(2)}[INN]")
    sub(_INN_BARE, "inn", lambda m: "[INN]" if _inn_ok(m.group(0)) else None)
    return Redaction(text, dict(found))
