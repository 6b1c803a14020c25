"""The ClickHouse set-up of a file load (one inspection query after the listing) keeps what the
set-up of several queries did: a failed listing leaves nothing behind, a missing database is created,
a failed run's leftovers are dropped, every partition of a partitioned target is published, and a
set-up error is raised as before. Real ClickHouse 18.16 and the moto S3 server."""

from __future__ import annotations

import datetime as dt

import pytest

from airflow_ai_etl.hooks.s3 import S3PathError
from airflow_ai_etl.operators.files import S3ToClickHouseOperator
from airflow_ai_etl.transfers.postgres_to_clickhouse import TransferError

pytestmark = pytest.mark.integration
pytest_plugins = ["tests.s3_server"]

CH_CONN = "ch_setup"
CSV = "id,day,amount\n1,2024-01-31,1.5\n2,2024-02-01,2\n3,2024-03-05,\n"


@pytest.fixture
def ch(clickhouse, ch_database, monkeypatch):
    monkeypatch.setenv(f"AIRFLOW_CONN_{CH_CONN.upper()}", clickhouse.uri(ch_database))
    client = clickhouse.client(ch_database)
    yield client
    client.disconnect()


@pytest.fixture
def bucket(s3_server, s3_conn, request):
    name = "b-" + request.node.name.replace("_", "-").lower()[:50].strip("-")
    s3_server.client().create_bucket(Bucket=name)
    return name


def load(path: str, table: str, **kwargs) -> dict:
    return S3ToClickHouseOperator(
        task_id="load", s3_conn_id="s3_test", path=path, target_conn_id=CH_CONN, target_table=table, **kwargs
    ).execute({})


def tables(client, database: str | None = None) -> set[str]:
    where = "database = currentDatabase()" if database is None else f"database = '{database}'"
    return {r[0] for r in client.execute(f"SELECT name FROM system.tables WHERE {where}")}


def test_a_failed_listing_in_replace_mode_leaves_the_table_and_no_helper_tables(s3_server, bucket, ch):
    ch.execute(
        "CREATE TABLE sales (id Int64, day Date, amount Nullable(Float64)) ENGINE = MergeTree() ORDER BY id"
    )
    ch.execute("INSERT INTO sales VALUES", [(7, dt.date(2024, 1, 1), 1.0)])
    with pytest.raises(S3PathError, match=f"no objects match s3://{bucket}/none/"):
        load(f"s3://{bucket}/none/", "sales", mode="replace")
    # the listing comes first: ClickHouse is not touched (no replacement table, no registry)
    assert tables(ch) == {"sales"}
    assert ch.execute("SELECT id FROM sales") == [(7,)]
    with pytest.raises(S3PathError, match="S3 bucket 'no-such-bucket' does not exist"):
        load("s3://no-such-bucket/x/", "sales", mode="append")
    assert tables(ch) == {"sales"}


def test_a_missing_database_is_created_after_the_listing(s3_server, bucket, ch, clickhouse):
    database = "t_files_setup_new_db"
    ch.execute(f"DROP DATABASE IF EXISTS {database}")
    try:
        with pytest.raises(S3PathError, match="no objects match"):
            load(f"s3://{bucket}/none/", f"{database}.sales")
        assert not ch.execute(f"SELECT name FROM system.databases WHERE name = '{database}'")

        s3_server.client().put_object(Bucket=bucket, Key="in/a.csv", Body=CSV.encode())
        assert load(f"s3://{bucket}/in/", f"{database}.sales")["rows"] == 3
        assert tables(ch, database) == {"sales", "_ai_etl_loaded_files"}
        again = load(f"s3://{bucket}/in/", f"{database}.sales")
        assert (again["rows"], again["skipped"]) == (0, [f"s3://{bucket}/in/a.csv"])
    finally:
        ch.execute(f"DROP DATABASE IF EXISTS {database}")


def test_leftovers_of_a_failed_run_are_dropped(s3_server, bucket, ch):
    ch.execute(
        "CREATE TABLE sales (id Int64, day Date, amount Nullable(Float64)) ENGINE = MergeTree() ORDER BY id"
    )
    for leftover in ("sales__staging_file", "sales__staging"):
        ch.execute(f"CREATE TABLE {leftover} (x Int8) ENGINE = Memory")
    s3_server.client().put_object(Bucket=bucket, Key="in/a.csv", Body=CSV.encode())
    assert load(f"s3://{bucket}/in/", "sales", mode="replace")["rows"] == 3
    assert tables(ch) == {"sales", "_ai_etl_loaded_files"}
    assert ch.execute("SELECT count() FROM sales") == [(3,)]


def test_every_partition_of_a_partitioned_target_is_published(s3_server, bucket, ch):
    # a "%" in a column name: the staged check names its columns, the partitions query its table
    ch.execute(
        "CREATE TABLE `sales%` (id Int64, day Date, `amount%` Nullable(Float64)) ENGINE = MergeTree "
        "PARTITION BY toYYYYMM(day) ORDER BY id"
    )
    body = CSV.replace("amount", "amount%")
    s3_server.client().put_object(Bucket=bucket, Key="in/a.csv", Body=body.encode())
    assert load(f"s3://{bucket}/in/a.csv", "sales%")["rows"] == 3
    assert ch.execute("SELECT id, toString(day), `amount%` FROM `sales%` ORDER BY id") == [
        (1, "2024-01-31", 1.5),
        (2, "2024-02-01", 2.0),
        (3, "2024-03-05", None),
    ]
    assert ch.execute(
        "SELECT count(DISTINCT partition_id) FROM system.parts "
        "WHERE database = currentDatabase() AND table = 'sales%' AND active"
    ) == [(3,)]
    assert tables(ch) == {"sales%", "_ai_etl_loaded_files"}


def test_a_set_up_error_is_raised_and_a_listing_error_comes_first(s3_server, bucket, ch):
    s3_server.client().put_object(Bucket=bucket, Key="in/a.csv", Body=CSV.encode())
    with pytest.raises(TransferError, match="does not exist and create=False"):
        load(f"s3://{bucket}/in/", "missing", create=False)
    with pytest.raises(S3PathError, match="no objects match"):  # both fail: the listing's error
        load(f"s3://{bucket}/none/", "missing", create=False)
    assert "missing" not in tables(ch)


def test_an_emptied_target_reloads_every_file(s3_server, bucket, ch, caplog):
    s3_server.client().put_object(Bucket=bucket, Key="in/a.csv", Body=CSV.encode())
    assert load(f"s3://{bucket}/in/", "sales")["rows"] == 3
    assert load(f"s3://{bucket}/in/", "sales")["rows"] == 0
    ch.execute("TRUNCATE TABLE sales")
    result = load(f"s3://{bucket}/in/", "sales")
    assert result["rows"] == 3 and "is empty (recreated or truncated?)" in result["reloaded"]
    assert ch.execute("SELECT count() FROM sales") == [(3,)]
