"""Relationship discovery on a real PostgreSQL: containment measured on bounded samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from airflow_ai_etl.catalog import load_catalog
from airflow_ai_etl.relations import discover_relations, measure_containment, relations_of

pytestmark = pytest.mark.integration
AIRFLOW = str(Path(sys.executable).parent / "airflow")


@pytest.fixture
def catalog(shop_db, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    return load_catalog(["pg_shop"])


def by_label(relations):
    return {r.label: r for r in relations}


def test_declared_and_contained_relations(catalog):
    found = by_label(discover_relations(catalog, ["pg_shop"]))
    declared = found["orders.customer_id -> customers.id"]
    assert declared.kind == "declared" and declared.confidence == 1.0 and declared.containment is None
    inferred = found["sales.customer_id -> customers.id"]
    assert inferred.kind == "inferred" and inferred.confidence == 0.9
    assert inferred.containment == 1.0 and inferred.sampled == 50
    assert (
        "every sampled value exists in the referenced key (50 distinct values sampled)" in inferred.evidence
    )


def test_orphans_lower_the_confidence(catalog, postgres):
    # a third of the sales point at products that do not exist: not a relation to join along
    postgres.execute("UPDATE sales SET product_id = 1000 + id WHERE id % 3 = 0", dbname="shop")
    # one of 50 customers referenced by sales is missing
    postgres.execute("UPDATE sales SET customer_id = 999 WHERE customer_id = 7", dbname="shop")
    found = by_label(discover_relations(catalog, ["pg_shop"]))
    products = found["sales.product_id -> products.id"]
    assert products.confidence == 0.1 and not products.joinable and products.containment < 0.2
    assert any(e.startswith("only ") and "probably not a relation" in e for e in products.evidence)
    customers = found["sales.customer_id -> customers.id"]
    assert customers.containment == pytest.approx(49 / 50) and customers.confidence == 0.5


def test_sample_is_bounded(catalog):
    [measured] = [
        r
        for r in measure_containment("pg_shop", relations_of(catalog, "pg_shop"), sample_rows=10)
        if r.label == "sales.order_id -> orders.id"
    ]
    assert 0 < measured.sampled <= 10


def test_measurement_stops_at_the_statement_timeout(catalog, postgres):
    """A locked referenced table makes the sample wait; the timeout ends it and the candidate stays."""
    conn = postgres.connect("shop", autocommit=False)
    try:
        with conn.cursor() as cur:
            cur.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
        relations = [
            r for r in relations_of(catalog, "pg_shop") if r.label == "sales.customer_id -> customers.id"
        ]
        [measured] = measure_containment("pg_shop", relations, timeout_ms=300)
    finally:
        conn.rollback()
        conn.close()
    assert measured.confidence == 0.6 and measured.containment is None
    assert measured.evidence[-1] == "sample not measured: timed out"


def test_cli_lists_relations_as_json(shop_db, tmp_path):
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
    }
    result = subprocess.run(
        [AIRFLOW, "ai-etl", "catalog", "--relations", "--conn-id", "pg_shop", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    listed = {r["label"]: r for r in json.loads(result.stdout)}
    assert listed["orders.customer_id -> customers.id"]["kind"] == "declared"
    assert listed["sales.product_id -> products.id"]["confidence"] == 0.9
    assert (
        listed["sales.product_id -> products.id"]["evidence"][0] == "product_id is named after table products"
    )


def test_cli_text_lists_relations_with_evidence(catalog, capsys):
    from airflow_ai_etl.cli import _print_relations

    _print_relations(catalog, None)
    out = capsys.readouterr().out
    assert out.startswith("pg_shop\n  orders.customer_id -> customers.id  declared  confidence 1.00\n")
    assert "  sales.customer_id -> customers.id  inferred  confidence 0.90\n      customer_id is named" in out
