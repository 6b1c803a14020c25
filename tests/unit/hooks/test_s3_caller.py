"""The Amazon provider's client user agent names the calling operator, found without inspect.stack()."""

from __future__ import annotations

import json

import pytest

from airflow_ai_etl.hooks.s3 import S3Hook, _amazon_s3_hook_class


@pytest.fixture
def aws_conn(monkeypatch):
    conn = {
        "conn_type": "aws",
        "login": "key-id",
        "password": "secret-key",
        "extra": {"endpoint_url": "http://127.0.0.1:9", "region_name": "us-east-1"},
    }
    monkeypatch.setenv("AIRFLOW_CONN_CALLER_TEST", json.dumps(conn))
    return "caller_test"


def test_user_agent_names_the_operator_whose_execute_made_the_client(aws_conn):
    if _amazon_s3_hook_class() is None:
        pytest.skip("apache-airflow-providers-amazon is not installed")

    class ReportOperator:
        def execute(self):
            return S3Hook(aws_conn_id=aws_conn).get_conn()

    client = ReportOperator().execute()
    assert "Caller/ReportOperator" in client.meta.config.user_agent_extra
    assert client.meta.endpoint_url == "http://127.0.0.1:9"


def test_user_agent_without_an_execute_frame_is_what_the_provider_says(aws_conn):
    """No ``execute`` on the stack: the provider's own fallback (an executor class, else Unknown)."""
    if _amazon_s3_hook_class() is None:
        pytest.skip("apache-airflow-providers-amazon is not installed")
    assert _amazon_s3_hook_class()._find_operator_class_name("execute") is None
    client = S3Hook(aws_conn_id=aws_conn).get_conn()
    assert "Caller/" in client.meta.config.user_agent_extra and "Caller/ReportOperator" not in (
        client.meta.config.user_agent_extra
    )
