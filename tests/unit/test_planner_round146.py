"""Year comparisons dropped silently (planner146, issue 15; blind batch 26b: az-en-023).

1. A year after before/after/since followed by a comma ("made before 2012, daily") was dropped silently:
   the comma now ends the year, as the end of the request did. A Russian year with «года» left out after
   a word naming the year column («выпущенные после 2018») is the year too (was dropped silently).

Requests of my own over agro, autoservice and airline, RU and EN.

First pass (at a877cfd, before the rules): 5 of 6 failed (4 planned no condition, one asked); the «до 2010»
question passed already. (A first item on "not closed yet" beside a status listing 'closed' was dropped
before the commit: it broke round38's «обращения, пока не закрыты» -> closed_at IS NULL.)
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

PLANNED = [
    # a year before a comma, and a Russian year without «года»
    ("agro", "Machinery made before 2012, daily at 3 am", "machinery", "year_made < 2012"),
    ("autoservice", "Cars released after 2018, weekly on Monday at 6", "cars", "release_year > 2018"),
    ("agro", "Machinery made since 2015, every day at noon, mask the VIN", "machinery", "year_made >= 2015"),
    ("airline", "Aircraft manufactured before 2005, daily at 4", "aircraft", "manufactured_year < 2005"),
    ("autoservice", "Машины, выпущенные после 2018, ежедневно в 6", "cars", "release_year > 2018"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text", "table", "where"), PLANNED)
def test_planned(catalog: str, request_text: str, table: str, where: str) -> None:
    spec = ok_spec(catalog, request_text)
    assert spec.source.table.endswith(table)
    assert spec.source.where == where


# A Russian «до 2010» with no word naming the year column is a number or a year: still asked.
ASKED = [
    ("autoservice", "Машины до 2010, ежедневно в 6"),
]  # fmt: skip


@pytest.mark.parametrize(("catalog", "request_text"), ASKED)
def test_asked(catalog: str, request_text: str) -> None:
    outcome = plan_in(catalog, request_text)
    assert outcome.status == "needs_clarification", outcome.spec
