"""A list of Russian state words each glossed by its stored code in brackets (marts105).

«кроме возвращённых (refunded) и неуспешных (failed)», «только завершённых (completed) и возвращённых
(refunded)»: the filter rules read a glossed word one at a time and stop after the first, so the list's other
items were dropped (a NOT IN of two values became `<> 'refunded'` with a second, contradicting `= 'failed'`,
or the first value was lost: `status = 'refunded'` for "completed and refunded"). The codes are what the user
means the words to be; said alone («кроме refunded и failed») the list rules read them as one list, and a
code no column lists is asked there, never dropped.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table

# one Russian word (a participle or adjective, maybe hyphenated) and a Latin code alone in brackets after it
_ITEM = r"[А-Яа-яЁё][А-Яа-яЁё-]*\s*\(\s*[a-z][a-z0-9_]*\s*\)"
_JOINER = r"\s*(?:,\s*(?:и\s+|или\s+)?|\s+и\s+|\s+или\s+)"
# two items or more; the last may be a bare word (left for the rules that ask: «(cancelled) и тестовых»)
_GLOSSED_LIST = re.compile(rf"{_ITEM}(?:{_JOINER}{_ITEM})+|{_ITEM}{_JOINER}(?=[А-Яа-яЁё])")
_GLOSS = re.compile(r"(?P<word>[А-Яа-яЁё][А-Яа-яЁё-]*)\s*\(\s*(?P<code>[a-z][a-z0-9_]*)\s*\)")


def glossed_list_codes(text: str, fact: Table) -> tuple[str, list[str]]:
    """The text with each glossed word of such a list replaced by its code («кроме refunded и failed»), and
    the glossed phrases replaced («возвращённых (refunded)»). A code naming a column of the fact («(is_vip)»)
    is no value: that list is left as said."""
    replaced: list[str] = []

    def codes(match: re.Match[str]) -> str:
        glosses = list(_GLOSS.finditer(match.group(0)))
        if any(fact.column(g.group("code")) is not None for g in glosses):
            return match.group(0)
        replaced.extend(g.group(0) for g in glosses)
        return _GLOSS.sub(lambda g: g.group("code"), match.group(0))

    return _GLOSSED_LIST.sub(codes, text), replaced


def unread_gloss(replaced: list[str], where: str | None) -> str | None:
    """The first glossed phrase whose code the mart's condition does not hold («возвращённых (refunded)» when
    the orders' status lists no 'refunded'): asked, never dropped."""
    for phrase in replaced:
        code = _GLOSS.fullmatch(phrase)
        if code is not None and f"'{code.group('code')}'" not in (where or ""):
            return phrase
    return None
