"""Pure SQL building of transfers/postgres_source.py: quoting, masks, option checks, selections."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from airflow_ai_etl.transfers.postgres_source import (
    SourceSelection,
    TransferError,
    mask_expr,
    pg_quote_ident,
    pg_quote_table,
    source_from,
    split_pg_table,
    validate_options,
    watermark_condition,
)


def test_identifiers_and_tables_are_quoted_safely():
    assert pg_quote_ident('we"ird') == '"we""ird"'
    assert pg_quote_table("sales.orders") == '"sales"."orders"'
    assert pg_quote_table('"Sales"."Orders"') == '"Sales"."Orders"'
    assert pg_quote_table("orders") == '"orders"'
    assert split_pg_table("orders") == (None, "orders")
    with pytest.raises(TransferError, match="not a table name"):
        split_pg_table("sales.")


@pytest.mark.parametrize(
    ("method", "sql"),
    [
        ("hash", 'md5(("email")::text)'),
        ("redact", "CASE WHEN \"email\" IS NULL THEN NULL ELSE '***' END"),
        ("partial", "('****' || right((\"email\")::text, 4))"),
    ],
)
def test_mask_expressions(method, sql):
    assert mask_expr('"email"', method) == sql


def test_unknown_mask_names_the_methods():
    with pytest.raises(TransferError, match="hash"):
        mask_expr('"email"', "rot13")


def _options(**overrides):
    base = dict(source_table="orders", source_sql=None, where=None, incremental_column=None, mode="append",
                keys=[], mask={}, dedupe=None, batch_size=1000)  # fmt: skip
    return SimpleNamespace(**{**base, **overrides})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"source_sql": "SELECT 1"}, "exactly one of source_table and source_sql"),
        ({"source_table": None}, "exactly one of source_table and source_sql"),
        ({"mode": "merge"}, "mode must be one of"),
        ({"mode": "upsert"}, "needs keys"),
        ({"batch_size": 0}, "batch_size must be positive"),
        ({"mask": {"email": "rot13"}}, "unknown method"),
        ({"mask": {"ts": "hash"}, "incremental_column": "ts"}, "cannot be masked"),
        ({"dedupe": "id"}, "dedupe must be a list"),
    ],
)
def test_bad_options_are_refused_with_the_reason(overrides, message):
    with pytest.raises(TransferError, match=message):
        validate_options(_options(**overrides))


def test_good_options_pass():
    validate_options(_options(mode="upsert", keys=["id"], mask={"email": "hash"}, dedupe=["id"]))


def test_plain_selection_sql():
    sel = SourceSelection("sales.orders", None, "amount > 0")
    wm = watermark_condition("updated_at")
    assert wm == '"updated_at" > %(watermark)s'
    assert sel.select_sql([('"id"', "id"), ('md5(("email")::text)', "email")], [wm]) == (
        'SELECT "id" AS "id", md5(("email")::text) AS "email" FROM "sales"."orders" '
        'WHERE (amount > 0) AND "updated_at" > %(watermark)s'
    )
    assert (
        sel.count_sql()
        == 'SELECT count(*) FROM (SELECT * FROM "sales"."orders" WHERE (amount > 0)) AS ai_etl_rows'
    )


def test_dedupe_keeps_the_latest_row_per_key_in_a_stable_order():
    sel = SourceSelection("orders", None, None, ["id"], "updated_at")
    rows = sel.rows_sql()
    assert rows.startswith('SELECT DISTINCT ON ("id") * FROM (SELECT * FROM "orders") AS ')
    assert rows.index('"id"') < rows.index('"updated_at" DESC NULLS LAST') < rows.index('COLLATE "C"')
    assert sel.select_sql([('"id"', "id")]).endswith(") AS ai_etl_rows")
    with pytest.raises(TransferError, match=r"dedupe columns \['id'\] are not in the source"):
        sel.check_columns(["code"])


def test_watermark_variants_and_query_sources():
    assert watermark_condition("ts", truncate_to_seconds=True, literal="'2024-01-01'") == (
        "date_trunc('second', \"ts\") > '2024-01-01'"
    )
    assert source_from(None, "SELECT 1 AS x").startswith("(SELECT 1 AS x")
