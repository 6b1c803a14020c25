"""A generated pipeline's metrics reach StatsD when Airflow's [metrics] says so: `airflow dags test` runs the
sales pipeline against the real servers with statsd_on, and a UDP socket on loopback is the StatsD server.

The run is planted so that every metric has something to say: six earlier runs of ten times the rows
(the volume check flags a 10x drop) and the fixture's sales are from 2024 (the freshness check warns).
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from tests.integration.test_end_to_end import AIRFLOW, DAG_ID, SENTENCE

pytestmark = pytest.mark.integration


def test_rows_check_failures_and_anomalies_reach_statsd(
    shop_db, clickhouse, ch_database, monkeypatch, tmp_path: Path
) -> None:
    from airflow_ai_etl.quality.volume import ClickHouseVolumeStore

    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    received: list[str] = []
    done = threading.Event()

    def listen() -> None:
        while not done.is_set():
            try:
                received.extend(sock.recv(65535).decode().splitlines())
            except TimeoutError:
                continue

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    dags = tmp_path / "dags"
    dags.mkdir()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_PG_SHOP": shop_db,
        "AIRFLOW_CONN_CLICKHOUSE_DEFAULT": clickhouse.uri(ch_database),
        "AIRFLOW__METRICS__STATSD_ON": "True",
        "AIRFLOW__METRICS__STATSD_HOST": "127.0.0.1",
        "AIRFLOW__METRICS__STATSD_PORT": str(sock.getsockname()[1]),
        "AIRFLOW__METRICS__STATSD_PREFIX": "airflow",
    }

    def airflow(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=600)

    try:
        assert airflow("db", "migrate").returncode == 0
        generated = airflow("ai-etl", "generate", SENTENCE, "--deploy")
        assert generated.returncode == 0, generated.stdout + generated.stderr[-3000:]
        monkeypatch.setenv("AIRFLOW_CONN_CLICKHOUSE_DEFAULT", clickhouse.uri(ch_database))
        store = ClickHouseVolumeStore("clickhouse_default")
        for i in range(6):
            store.record(DAG_ID, "load_sales", f"earlier_{i}", 5000)
        ran = airflow("dags", "test", DAG_ID)
        assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    finally:
        done.set()
        listener.join(timeout=5)
        sock.close()
    ours = sorted({line for line in received if ".ai_etl." in line})
    assert f"airflow.ai_etl.rows_loaded.{DAG_ID}.load_sales:500|g" in ours, ours
    assert "airflow.ai_etl.rows_loaded:500|g" in ours
    assert f"airflow.ai_etl.volume_anomaly.{DAG_ID}.load_sales:1|c" in ours
    failed = [line for line in ours if line.startswith(f"airflow.ai_etl.check_failed.{DAG_ID}.")]
    assert failed == [f"airflow.ai_etl.check_failed.{DAG_ID}.check_table_warn:1|c"]  # freshness: 2024 data
