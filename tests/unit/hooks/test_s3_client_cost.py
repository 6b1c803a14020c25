"""The S3 client's cost: one connection read per client, botocore's parsed data shared by the process's
sessions (never credentials or settings), the garbage collector paused and restored, the executor
found for the user agent without inspect.stack()."""

from __future__ import annotations

import gc
import json

import pytest

from airflow_ai_etl.hooks import s3 as s3_module
from airflow_ai_etl.hooks.s3 import S3Hook, _amazon_s3_hook_class, _gc_paused, _share_data_loader


def _set_conn(monkeypatch: pytest.MonkeyPatch, conn_id: str, key: str, secret: str, endpoint: str) -> str:
    conn = {
        "conn_type": "aws",
        "login": key,
        "password": secret,
        "extra": {"endpoint_url": endpoint, "region_name": "us-east-1"},
    }
    monkeypatch.setenv(f"AIRFLOW_CONN_{conn_id.upper()}", json.dumps(conn))
    return conn_id


@pytest.fixture
def amazon() -> type:
    cls = _amazon_s3_hook_class()
    if cls is None:
        pytest.skip("apache-airflow-providers-amazon is not installed")
    return cls


def _credentials(client: object) -> tuple[str, str]:
    creds = client._request_signer._credentials  # type: ignore[attr-defined]
    return creds.access_key, creds.secret_key


def test_clients_of_two_connections_share_the_data_loader_not_credentials_or_endpoints(monkeypatch, amazon):
    a = _set_conn(monkeypatch, "cost_a", "key-a", "secret-a", "http://127.0.0.1:9")
    b = _set_conn(monkeypatch, "cost_b", "key-b", "secret-b", "http://127.0.0.2:19")
    first, second = S3Hook(aws_conn_id=a).get_conn(), S3Hook(aws_conn_id=b).get_conn()
    assert _credentials(first) == ("key-a", "secret-a")
    assert _credentials(second) == ("key-b", "secret-b")
    assert first.meta.endpoint_url == "http://127.0.0.1:9"
    assert second.meta.endpoint_url == "http://127.0.0.2:19"
    assert first._loader is second._loader  # parsed models read once per process


def test_rotated_credentials_reach_the_next_client(monkeypatch, amazon):
    conn_id = _set_conn(monkeypatch, "cost_rot", "old-key", "old-secret", "http://127.0.0.1:9")
    before = S3Hook(aws_conn_id=conn_id).get_conn()
    _set_conn(monkeypatch, "cost_rot", "new-key", "new-secret", "http://127.0.0.1:9")
    after = S3Hook(aws_conn_id=conn_id).get_conn()
    assert _credentials(before) == ("old-key", "old-secret")
    assert _credentials(after) == ("new-key", "new-secret")


def test_the_connection_is_read_once_per_client(monkeypatch, amazon):
    from airflow.sdk import BaseHook

    conn_id = _set_conn(monkeypatch, "cost_once", "key", "secret-key", "http://127.0.0.1:9")
    reads: list[str] = []
    real = BaseHook.get_connection.__func__  # type: ignore[attr-defined]

    def counted(cls: type, wanted: str) -> object:
        reads.append(wanted)
        return real(cls, wanted)

    monkeypatch.setattr(BaseHook, "get_connection", classmethod(counted))
    client = S3Hook(aws_conn_id=conn_id).get_conn()
    assert reads == [conn_id]
    assert _credentials(client) == ("key", "secret-key")
    # the Amazon hook still reads other connection ids itself
    other = _set_conn(monkeypatch, "cost_other", "k2", "s2", "http://127.0.0.1:9")
    hook = amazon(aws_conn_id=conn_id, connection=None)
    assert hook.get_connection(other).login == "k2"


def test_sessions_with_other_data_paths_get_their_own_loader(monkeypatch, tmp_path):
    import boto3

    one, two = _share_data_loader(boto3.session.Session()), _share_data_loader(boto3.session.Session())
    assert one._session.get_component("data_loader") is two._session.get_component("data_loader")
    assert one._loader is one._session.get_component("data_loader")  # boto3's resource look-ups too
    monkeypatch.setenv("AWS_DATA_PATH", str(tmp_path))
    other = _share_data_loader(boto3.session.Session())
    loader = other._session.get_component("data_loader")
    assert loader is not one._session.get_component("data_loader")
    assert str(tmp_path) in loader.search_paths
    assert s3_module._SHARED_LOADERS[tuple(loader.search_paths)] is loader


def test_the_garbage_collector_is_restored_as_it_was():
    assert gc.isenabled()
    with pytest.raises(ValueError), _gc_paused():
        assert not gc.isenabled()
        raise ValueError("client creation failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with _gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_the_executor_for_the_user_agent_is_the_providers_answer(amazon):
    """Called from a module whose globals hold ``BaseExecutor``: the last class there, as the
    provider's inspect.stack() version says; elsewhere both say the same too."""
    from airflow.providers.amazon.aws.hooks.s3 import S3Hook as AmazonS3Hook

    class BaseExecutor:
        pass

    class LocalExecutor(BaseExecutor):
        pass

    namespace = {
        "ours": amazon,
        "theirs": AmazonS3Hook,
        "BaseExecutor": BaseExecutor,
        "LocalExecutor": LocalExecutor,
    }
    exec(
        "def ask():\n    return ours._find_executor_class_name(), theirs._find_executor_class_name()\n",
        namespace,
    )
    ours, theirs = namespace["ask"]()  # type: ignore[operator]
    assert ours == theirs == "LocalExecutor"
    assert amazon._find_executor_class_name() == AmazonS3Hook._find_executor_class_name()
