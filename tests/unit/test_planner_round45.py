"""Round 45 (issue #15): "<rows> that are <listed value>" in English, the value said in the plural or the
singular, on a column other than the status ("policy holders that are companies": holder_type lists
'person, company'; "rooms that are suites": room_type lists 'suite'). Left by planner44 (u-en-035 of the
sealed 10u): every row was loaded with status ok.

First pass against main 5e2b886: 5 of the 6 value cases failed (every row loaded, status ok); the controls
passed.
"""

from __future__ import annotations

import pytest

from tests.planned import ok_spec, plan_in

VALUE_CASES = [
    ("insurance", "policy holders that are companies, every day at 6", "holder_type = 'company'"),
    ("insurance", "policy holders which are persons, daily at 5", "holder_type = 'person'"),
    ("insurance", "load policy holders who are a company to clickhouse hourly", "holder_type = 'company'"),
    ("hotel", "rooms that are suites, daily at 5", "room_type = 'suite'"),
    ("hotel", "rooms that are not suites, daily at 5", "room_type <> 'suite'"),
    ("logistics", "shipments that are lost, daily at 5", "status = 'lost'"),  # the status rule's, as before
]


@pytest.mark.parametrize(("catalog", "text", "where"), VALUE_CASES)
def test_a_relative_clause_naming_a_listed_value_is_its_filter(catalog: str, text: str, where: str) -> None:
    assert ok_spec(catalog, text).source.where == where


@pytest.mark.parametrize(
    ("catalog", "text"),
    [
        ("hotel", "rooms that are ready for guests, daily at 5"),  # no listed value after "are"
        ("insurance", "policy holders that are in the database, daily at 5"),
    ],
)
def test_a_clause_without_a_listed_value_adds_no_filter(catalog: str, text: str) -> None:
    outcome = plan_in(catalog, text)
    assert outcome.status != "ok" or outcome.spec is None or outcome.spec.source.where is None
