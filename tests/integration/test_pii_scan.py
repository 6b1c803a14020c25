"""The PII scanner on the real servers: bounded sample, statement timeout, findings with evidence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from airflow_ai_etl.quality.pii import PiiScanError, scan_table

pytestmark = pytest.mark.integration
AIRFLOW = str(Path(sys.executable).parent / "airflow")


def test_shop_customers_findings(shop_db, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    scan = scan_table("pg_shop", "customers")
    by_column = {f.column: f for f in scan.findings}
    assert scan.pii_columns == ["full_name", "email", "phone", "snils", "birth_date"]
    assert (by_column["email"].matched, by_column["email"].sampled) == (50, 50)
    assert (by_column["phone"].matched, by_column["phone"].hint) == (50, "name")
    # The fixture's SNILS are made up (no valid checksum): the name is the only evidence, and says so.
    assert by_column["snils"].matched == 0 and by_column["snils"].sampled == 25
    assert "0 of 25 sampled values (0%) pass the SNILS check" in by_column["snils"].evidence
    assert scan.rows_read == 50 and "city" in scan.columns_sampled and "id" not in scan.columns_sampled


def test_sample_is_bounded_and_values_decide_without_hints(postgres, shop_db, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    # Anonymous columns of bare 10-digit strings: c1 distinct valid INN-10 numbers (checksum computed
    # in SQL), c2 random ones (one in ten passes by chance), c3 two valid INNs over and over (two
    # lucky values are two draws, not 5000).
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    control = " + ".join(f"{w} * substr(body, {i + 1}, 1)::int" for i, w in enumerate(weights))
    postgres.execute(
        f"""
        CREATE TABLE public.counterparties (id int PRIMARY KEY, c1 text, c2 text, c3 text);
        INSERT INTO public.counterparties
        SELECT g, body || (({control}) % 11 % 10)::text,
               lpad(((g::bigint * 7919 * 104729) % 9999999999)::text, 10, '1'),
               CASE WHEN g % 2 = 0 THEN '7707083893' ELSE '7736050003' END
        FROM (SELECT g, '77' || lpad(g::text, 7, '0') AS body FROM generate_series(1, 5000) g) numbered;
        """,
        dbname="shop",
    )
    scan = scan_table("pg_shop", "public.counterparties", sample_rows=200)
    assert scan.rows_read == 200
    assert [(f.column, f.kind, f.matched, f.sampled) for f in scan.findings] == [("c1", "inn", 200, 200)]
    [finding] = scan.findings
    assert finding.basis == ["checksum"] and (finding.distinct, finding.distinct_matched) == (200, 200)
    assert "200 of 200 distinct values pass its checksum, where chance passes 10%" in finding.evidence


def test_statement_timeout_cancels_a_slow_sample(postgres, shop_db, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    postgres.execute("CREATE VIEW public.slow_contacts AS SELECT pg_sleep(5)::text AS email", dbname="shop")
    started = time.monotonic()
    with pytest.raises(PiiScanError, match="statement timeout"):
        scan_table("pg_shop", "slow_contacts", timeout_seconds=0.5)
    assert time.monotonic() - started < 4


def test_missing_table_is_a_clear_error(shop_db, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    with pytest.raises(PiiScanError, match="table 'nope' not found on pg_shop; tables: .*customers"):
        scan_table("pg_shop", "nope")


def test_clickhouse_table(clickhouse, ch_database, monkeypatch):
    client = clickhouse.client(database=ch_database)
    client.execute(
        "CREATE TABLE contacts (id UInt64, contact String, iban Nullable(String), note String) "
        "ENGINE = MergeTree() ORDER BY id"
    )
    client.execute(
        "INSERT INTO contacts VALUES",
        [(i, f"+49 30 {1000000 + i}", "DE89 3704 0044 0532 0130 00", "ok") for i in range(30)],
    )
    monkeypatch.setenv("AIRFLOW_CONN_CH_WAREHOUSE", clickhouse.uri(ch_database))
    scan = scan_table("ch_warehouse", f"{ch_database}.contacts", sample_rows=10)
    assert scan.rows_read == 10
    assert [(f.column, f.kind, f.matched, f.hint) for f in scan.findings] == [
        ("contact", "phone", 10, ""),
        ("iban", "iban", 10, "name"),
    ]


def test_cli_scan_pii(shop_db, tmp_path):
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
    }
    text = subprocess.run(
        [AIRFLOW, "ai-etl", "scan-pii", "pg_shop", "customers", "--rows", "20"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert text.returncode == 0, text.stderr
    assert "pg_shop public.customers: 20 rows sampled (at most 20)" in text.stdout
    assert "email" in text.stdout and "20 of 20 sampled values (100%) pass the email check" in text.stdout
    as_json = subprocess.run(
        [AIRFLOW, "ai-etl", "scan-pii", "pg_shop", "payments", "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    data = json.loads(as_json.stdout)
    assert data["pii_columns"] == ["card_number"] and data["findings"][0]["hint"] == "name"
    missing = subprocess.run(
        [AIRFLOW, "ai-etl", "scan-pii", "pg_shop", "nope"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1 and "table 'nope' not found" in missing.stderr


def test_assistant_reads_a_sample_when_it_reads_live_connections(
    shop_db, clickhouse, ch_database, monkeypatch, tmp_path
):
    from airflow_ai_etl.assistant import Assistant

    monkeypatch.setenv("AIRFLOW_CONN_PG_SHOP", shop_db)
    monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
    monkeypatch.setenv("AIRFLOW__AI_ETL__PII_SAMPLE_ROWS", "30")
    helper = Assistant(dags_folder=tmp_path / "dags", state_dir=tmp_path / "state", check_import=False)
    outcome = helper.generate("Загружать клиентов в ClickHouse ежедневно в 3 часа ночи")
    assert outcome.status == "needs_clarification"
    assert outcome.pii["sampled"] is True and outcome.pii["note"] == ""
    email = next(f for f in outcome.pii["findings"] if f["column"] == "email")
    assert (email["matched"], email["sampled"], email["share"]) == (30, 30, 1.0)
