"""The counted noun after a compared number, named by one part of column names (planner164).

"Aircraft with more than 150 seats" of ops.aircraft (seats_total 'Всего кресел', seats_business 'Кресел
бизнес-класса'), "Loan payments with more than 50 000 due" of lending.loan_payments (amount_due 'Сумма к
оплате', due_date): the noun after the number names no column whole, only a part of some names. Of the
number columns (never a key, never a time: a number is no date) whose names hold that part, one is what is
compared; of several, the one that is the total (`<part>_total`, no qualifier said: "seats" are all the
seats, "business seats" are named by the qualifier). Before, both were asked beside a state clause the
planner read (heldout 28b: bd-en-001, bd-en-004). Several without a total stay asked.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Column
from airflow_ai_etl.planning.vocabulary import name_parts, stem

# the name part of the column that counts all of a thing («всего»), beside others qualifying it
_TOTAL_PARTS = frozenset({"total", "all"})


def part_named_quantity(word: str, said: str, numeric: list[Column]) -> str | None:
    """The one column of `numeric` (the table's quantity columns, no key, no time) whose name holds the stem
    of `word` as a part, or the total one of several whose other qualifiers `said` (the request, lower case)
    does not say; None otherwise."""
    part = stem(word)
    if len(part) < 3:
        return None
    named = [c.name for c in numeric if part in name_parts(c.name)]
    if len(named) == 1:
        return named[0]
    totals = [n for n in named if _TOTAL_PARTS & set(name_parts(n))]
    if len(totals) != 1:
        return None
    said_stems = {stem(w) for w in re.findall(r"[a-zа-яё]+", said)}
    qualifiers = {q for n in named if n != totals[0] for q in name_parts(n) if q != part}
    return None if qualifiers & said_stems else totals[0]
