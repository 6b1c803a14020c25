"""Gate 3 for conditions (WHERE and filter transforms): one true/false expression over the source's
columns, built only from allowlisted SQL; never an exception, always a Problem naming what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airflow_ai_etl.planning.offline import OfflinePlanner
from airflow_ai_etl.validation import check_sql_safety, validate_spec
from tests.catalogs import CATALOGS, shop_catalog

BASE = {
    "dag_id": "sales_to_ch",
    "schedule": "0 2 * * *",
    "source": {"conn_id": "pg_shop", "table": "sales"},
    "target": {"conn_id": "clickhouse_default", "table": "sales"},
}
CASES = Path(__file__).resolve().parents[2] / "eval" / "cases.jsonl"


def where_problems(condition: str, table: str = "sales") -> list[tuple[str, str, str]]:
    data = {**BASE, "source": {**BASE["source"], "where": condition, "table": table}}
    _, found = validate_spec(data, shop_catalog())
    return [(p.gate, p.field, p.message) for p in found]


@pytest.mark.parametrize(
    ("condition", "named"),
    [
        # The reproductions of issue 14: each passed the gates (or crashed them) before.
        ("id > 0 ORDER BY pg_sleep(5)", "ORDER BY"),
        ("id > 0 LIMIT 0", "LIMIT"),
        ("id > 0 OFFSET 3", "OFFSET"),
        ("id > 0 GROUP BY id", "GROUP BY"),
        ("id > 0 GROUP BY id HAVING count(*) > 1", "GROUP BY"),
        ("id > 0 FOR UPDATE", "FOR UPDATE"),
        ("id > 0 FOR SHARE", "FOR UPDATE"),
        ("id > 0 WINDOW w AS ()", "WINDOW"),
        ("1=1 UNION SELECT 1", "UNION"),
        ("id > 0 INTERSECT SELECT 1", "INTERSECT"),
        ("id > 0 EXCEPT SELECT 1", "EXCEPT"),
        ("length(repeat(region, 5000000)) > 0", "repeat"),
        ("length(lpad(region, 100000000, 'x')) > 0", "lpad"),
        ("id IN (SELECT generate_series(1, 100000000))", "subquer"),
        ("EXISTS (SELECT 1 FROM users)", "subquer"),
        ("pg_sleep(5) IS NULL", "pg_sleep"),
        ("current_setting('is_superuser') = 'on'", "current_setting"),
        ("random() < 0.5", "random"),
        ("region ~ '(a+)+$'", "~"),
        ("id > 0; SELECT pg_sleep(5)", "';'"),
        ("id > 0 -- the rest is hidden", "comment"),
        ("id > 0 /* hidden */", "comment"),
        ("region = $$x$$", "$"),
        ("region = E'\\'' OR pg_sleep(5) IS NULL", "backslash"),
        ("amount::regclass IS NOT NULL", "regclass"),
        ("users.id > 0", "users"),
        ("amount + 1", "true/false"),
        ("'yes'", "true/false"),
    ],
)
def test_a_condition_is_one_allowlisted_boolean_expression(condition: str, named: str) -> None:
    found = where_problems(condition)
    safety = [m for g, f, m in found if g == "sql_safety" and f == "source.where"]
    assert safety, found
    assert any(named.lower() in m.lower() for m in safety), safety


@pytest.mark.parametrize(
    "condition",
    [
        "region = 'north' AND amount > 10",
        "region IS DISTINCT FROM 'it''s test'",
        "(region IS NULL OR region = '')",
        "region IS NOT NULL AND region <> ''",
        "sold_at >= now() - interval '7 days'",
        "sold_at >= current_date - 1 AND sold_at < current_date",
        "sold_at >= CURRENT_TIMESTAMP - '1 day'::interval",
        "amount BETWEEN 100 AND 500",
        "quantity IN (1, 2, 3) AND region NOT IN ('north', 'south')",
        "lower(region) LIKE 'no%' OR upper(region) ILIKE 'S%'",
        "coalesce(amount, 0) > abs(quantity - 3) * 2.5",
        "length(region) > 3",
        "amount::numeric(12,2) > 1 AND CAST(quantity AS bigint) >= 2 AND id::text <> ''",
        "sold_at::date = current_date AND updated_at::timestamptz < now()",
        "extract(year FROM sold_at) = 2024 AND date_part('month', sold_at) = 3",
        "date_trunc('month', sold_at) = date_trunc('month', now())",
        "sold_at > to_date('2024-01-01', 'YYYY-MM-DD')",
        "sold_at > date '2024-01-01' AND sold_at < timestamp '2025-01-01 00:00'",
        "NOT (region = 'north')",
        "sales.amount > 1 AND public.sales.quantity > 0",
        "region = 'US$' AND region <> 'a--b' AND region <> '/* x */' AND region <> ';'",
        "nullif(region, '') IS NOT NULL AND round(amount) > 1",
    ],
)
def test_ordinary_conditions_pass(condition: str) -> None:
    assert where_problems(condition) == []


def test_filter_transform_conditions_go_through_the_same_gate() -> None:
    data = {**BASE, "transforms": [{"type": "filter", "condition": "id > 0 LIMIT 0"}]}
    _, found = validate_spec(data, shop_catalog())
    assert [(p.gate, p.field) for p in found] == [("sql_safety", "transforms.0.condition")], found


def test_every_condition_the_offline_planner_writes_passes_the_gates() -> None:
    """The eval requests that plan a filter: the planner's own SQL shapes must stay allowed."""
    planners = {name: OfflinePlanner(build()) for name, build in CATALOGS.items()}
    checked = 0
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if "source.where" not in case["expected"]:
            continue
        planner = planners[case["catalog"]]
        outcome = planner.plan(case["request"])
        if outcome.status != "ok" or not outcome.spec.source.where:
            continue
        _, found = validate_spec(outcome.spec, planner.catalog)
        assert found == [], (case["request"], outcome.spec.source.where, found)
        checked += 1
    assert checked > 100


SPEC, _ = validate_spec({**BASE, "source": {**BASE["source"], "where": "id > 0"}}, shop_catalog())
SQLISH = st.sampled_from(
    ["id", " ", "(", ")", "'", '"', "--", "/*", "$", ";", "\\", "=", "1", "OR", "SELECT", "::"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(SQLISH, max_size=20).map("".join)))
def test_the_gate_never_raises(condition: str) -> None:
    spec = SPEC.model_copy(update={"source": SPEC.source.model_copy(update={"where": condition})})
    assert all(p.gate == "sql_safety" for p in check_sql_safety(spec))


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("SELECT * FROM sales FOR UPDATE", "FOR UPDATE"),
        ("SELECT pg_sleep(5), * FROM sales", "pg_sleep"),
        ("SELECT * FROM sales WHERE region = $$x$$", "$"),
        ("SELECT * FROM sales; SELECT 1", "';'"),
    ],
)
def test_a_source_query_is_one_plain_read(query: str, named: str) -> None:
    data = {**BASE, "source": {**BASE["source"], "table": None, "query": query}}
    _, found = validate_spec(data, shop_catalog())
    assert any(p.gate == "sql_safety" and named in p.message for p in found), found


def test_comment_marks_inside_strings_are_text_in_a_source_query() -> None:
    query = "SELECT id, '--' || region AS tagged FROM sales WHERE region <> '/* x */'"
    data = {**BASE, "source": {**BASE["source"], "table": None, "query": query}}
    _, found = validate_spec(data, shop_catalog())
    assert [p for p in found if p.gate == "sql_safety"] == []


@pytest.mark.parametrize(
    ("condition", "allowed"),
    [
        ("price$ > 1 AND a$b$ = 'x$'", True),  # '$' inside a name or a string is not dollar quoting
        ("$1 > 0", False),
        ("x = $tag$ a $tag$", False),
        ("x = 1$$", False),
    ],
)
def test_dollar_signs(condition: str, allowed: bool) -> None:
    from airflow_ai_etl.sql_safety import check_condition

    assert (check_condition(condition) == []) is allowed, check_condition(condition)
