"""Mart requests of round marts16 (issue 16, the families heldout_marts_k failed on), in our own words over
several demo catalogs (none of these sentences is in an eval file): a people-count noun after a count word
(«сколько человек», «число людей») is the counted rows, never a value of a dimension column."""

from __future__ import annotations

import pytest

from tests.unit.test_planner_marts import mart_of


def _where(outcome):
    return outcome.spec.source.mart.where if outcome.status == "ok" else None


# --- P1: a people-count noun is the counted rows -------------------------------------------------------------


@pytest.mark.parametrize(
    "catalog, text, table, dims",
    [
        # before: building = 'человек' (a lead-in naming the place let the filter rules take the noun)
        ("univ", "заселение в общежитие: сколько человек въехало по корпусам", "campus.dorm_residents",
         ["building"]),
        ("univ", "общежитие: сколько людей въехало по корпусам по месяцам заселения", "campus.dorm_residents",
         ["building"]),
        ("univ", "общага — число человек по корпусам по неделям заселения", "campus.dorm_residents",
         ["building"]),
        ("clinic", "визиты: сколько людей по пациентам", "visits", ["patient_id"]),
        ("shop", "продажи в магазинах: сколько человек по регионам по неделям", "sales", ["region"]),
    ],
)  # fmt: skip
def test_a_people_count_noun_is_the_counted_rows(planners, catalog, text, table, dims):
    outcome = planners[catalog].plan(text)
    mart = mart_of(outcome)
    assert (mart["table"], mart["measures"], mart["dims"]) == (table, [("count", None)], dims)
    assert _where(outcome) is None


def test_a_people_noun_that_names_a_table_keeps_its_table(planners):
    # «сотрудников» names the employees table of hr: the table's own rules read it, as before
    mart = mart_of(planners["hr"].plan("число сотрудников по отделам"))
    assert (mart["table"], mart["measures"], mart["dims"]) == (
        "employees",
        [("count", None)],
        ["department_id"],
    )
