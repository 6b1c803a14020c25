"""Listing and reading S3 objects by signed HTTP requests, without a botocore client (hooks/s3_signed.py):
the same objects, ETags and bytes as the client's; no client made on the way; any failure done
again by the client (its errors and messages unchanged); AWS connections (no endpoint) keep the client."""

from __future__ import annotations

import gzip
import json
import logging

import pytest

from airflow_ai_etl.hooks import s3 as s3_module
from airflow_ai_etl.hooks.s3 import S3Hook, S3PathError

pytest_plugins = ["tests.s3_server"]

ODD_KEYS = [
    "in/a b.csv",
    "in/plus+sign.csv",
    "in/кириллица.csv",
    "in/amp&lt.csv",
    "in/sub/deep.csv",
    "in/dir/",
]


@pytest.fixture(params=["amazon", "boto3"])
def backend(request, monkeypatch) -> str:
    """Each test on the Amazon provider's hook (when installed) and on the plain boto3 path."""
    if request.param == "boto3":
        monkeypatch.setattr(s3_module, "_amazon_s3_hook_class", lambda: None)
    elif s3_module._amazon_s3_hook_class() is None:
        pytest.skip("apache-airflow-providers-amazon is not installed")
    return request.param


@pytest.fixture
def bucket(s3_server, s3_conn, request) -> str:
    name = "sig-" + request.node.name.replace("_", "-").replace("[", "-").replace("]", "").lower()[:50]
    client = s3_server.client()
    client.create_bucket(Bucket=name.strip("-"))
    for key in ODD_KEYS:
        client.put_object(Bucket=name.strip("-"), Key=key, Body=key.encode())
    return name.strip("-")


def _client_listing(s3_server, bucket: str, prefix: str) -> list[tuple[str, str, int]]:
    pages = s3_server.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return [
        (o["Key"], o["ETag"].strip('"'), o["Size"])
        for page in pages
        for o in page.get("Contents", [])
        if not o["Key"].endswith("/")
    ]


def test_listing_and_reading_make_no_client_and_match_the_clients(s3_server, s3_conn, bucket, backend):
    hook = S3Hook(aws_conn_id=s3_conn)
    assert hook.backend == backend
    listed = [(o.key, o.etag, o.size) for o in hook.list_objects(f"s3://{bucket}/in/")]
    assert listed == sorted(_client_listing(s3_server, bucket, "in/"))
    assert [o.key for o in hook.list_objects(f"s3://{bucket}/in/*.csv")] == sorted(
        k for k in ODD_KEYS if k.count("/") == 1 and k.endswith(".csv")
    )
    for key in ODD_KEYS[:-1]:
        assert hook.read_object(bucket, key) == key.encode()
    assert hook._client is None, "a botocore client was made"


def test_every_page_is_listed(s3_server, s3_conn, bucket, backend):
    signed = S3Hook(aws_conn_id=s3_conn).signed_transport()
    assert signed is not None
    pages = signed.list_prefix(bucket, "in/", page_size=2)
    assert sorted(k for k, _, _ in pages) == sorted(ODD_KEYS)


def test_gzip_object_is_read_as_stored(s3_server, s3_conn, bucket, backend):
    """Compressed bytes come as stored (the loader gunzips), also with a gzip Content-Encoding."""
    data = gzip.compress(b"id\n1\n2\n")
    s3_server.client().put_object(Bucket=bucket, Key="z/a.csv.gz", Body=data, ContentEncoding="gzip")
    body = S3Hook(aws_conn_id=s3_conn).open_object(bucket, "z/a.csv.gz")
    try:
        assert body.read(3) + body.read() == data
    finally:
        body.close()


def test_failures_are_done_again_by_the_client_with_its_errors(
    s3_server, s3_conn, bucket, backend, monkeypatch, caplog
):
    """A missing bucket, a missing key, a wrong secret: the signed request fails, the client then
    answers as it always did (the same exceptions and messages), and the log says why."""
    caplog.set_level(logging.INFO, logger="airflow_ai_etl.hooks.s3")
    hook = S3Hook(aws_conn_id=s3_conn)
    with pytest.raises(S3PathError, match="does not exist"):
        hook.list_objects("s3://no-such-bucket-signed/in/")
    assert "signed listing failed (HTTP 404)" in caplog.text
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError, match="NoSuchKey"):
        hook.open_object(bucket, "in/missing.csv")
    assert "signed GET failed (HTTP 404)" in caplog.text

    conn = json.loads(s3_server.connection_json())
    conn["password"] = "wrong-secret"
    monkeypatch.setenv("AIRFLOW_CONN_S3_WRONG_SECRET", json.dumps(conn))
    wrong = S3Hook(aws_conn_id="s3_wrong_secret")
    try:
        found = wrong.list_objects(f"s3://{bucket}/in/")
    except S3PathError as e:  # a server that checks signatures
        assert "denied" in str(e)
    else:  # moto accepts any signature: both paths list the same
        assert [o.key for o in found] == [
            o.key for o in S3Hook(aws_conn_id=s3_conn).list_objects(f"s3://{bucket}/in/")
        ]


def test_an_unreachable_endpoint_falls_back_to_the_client(s3_conn, monkeypatch, backend):
    """A transport error (nothing listening) is a signed-request failure; the client then retries
    and raises its own error, as before."""
    conn = {
        "conn_type": "aws",
        "login": "k",
        "password": "s",
        "extra": {"endpoint_url": "http://127.0.0.1:9", "region_name": "us-east-1"},
    }
    monkeypatch.setenv("AIRFLOW_CONN_S3_NOWHERE", json.dumps(conn))
    hook = S3Hook(aws_conn_id="s3_nowhere")
    hook._config = lambda extra: __import__("botocore.config").config.Config(  # type: ignore[method-assign]
        retries={"max_attempts": 1}, connect_timeout=1, s3={"addressing_style": "path"}
    )
    from botocore.exceptions import EndpointConnectionError

    with pytest.raises(EndpointConnectionError):
        hook.list_objects("s3://b/in/")
    assert hook._client is not None


def test_aws_connections_and_anonymous_access_keep_the_client(monkeypatch, backend):
    """No endpoint (AWS: the client picks the regional host and follows redirects) or no
    credentials at all (unsigned requests): no signed transport."""
    conn = {"conn_type": "aws", "login": "k", "password": "s", "extra": {"region_name": "eu-west-1"}}
    monkeypatch.setenv("AIRFLOW_CONN_S3_AWS", json.dumps(conn))
    assert S3Hook(aws_conn_id="s3_aws").signed_transport() is None
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    anonymous = {
        "conn_type": "aws",
        "extra": {"endpoint_url": "http://127.0.0.1:9", "region_name": "us-east-1"},
    }
    monkeypatch.setenv("AIRFLOW_CONN_S3_ANON", json.dumps(anonymous))
    assert S3Hook(aws_conn_id="s3_anon").signed_transport() is None


def test_plain_key_connections_do_not_import_the_amazon_provider(s3_server, s3_conn, bucket, monkeypatch):
    """An access key, a secret, an endpoint, a region and a boolean verify are read alike by every
    path: the signed transport is made from them without the Amazon provider's hook (its import is
    most of a small load's fixed cost); listing and reading still match the client's."""

    def no_provider():
        raise AssertionError("the Amazon provider's hook was asked for")

    monkeypatch.setattr(s3_module, "_amazon_s3_hook_class", no_provider)
    conn = json.loads(s3_server.connection_json())
    for extra in (conn["extra"], {**conn["extra"], "verify": False}):
        monkeypatch.setenv("AIRFLOW_CONN_S3_PLAIN", json.dumps({**conn, "extra": extra}))
        hook = S3Hook(aws_conn_id="s3_plain")
        assert [o.key for o in hook.list_objects(f"s3://{bucket}/in/*.csv")] == sorted(
            k for k in ODD_KEYS if k.count("/") == 1 and k.endswith(".csv")
        )
        assert hook.read_object(bucket, ODD_KEYS[0]) == ODD_KEYS[0].encode()
        assert hook.signed_transport().credentials.access_key == conn["login"]
        assert hook.signed_transport().verify is extra.get("verify", True)
        assert hook._client is None


@pytest.mark.parametrize(
    "extra",
    [
        {"aws_session_token": "token"},
        {"role_arn": "arn:aws:iam::123456789012:role/loader"},
        {"profile_name": "other"},
        {"config_kwargs": {"proxies": {"http": "http://proxy:3128"}}},
        {"verify": "false"},
        {"service_config": {"s3": {"endpoint_url": "http://127.0.0.1:9"}}},
    ],
)
def test_any_other_connection_setting_keeps_the_amazon_providers_reading(s3_server, monkeypatch, extra):
    """A session token, a role, a profile, botocore settings, a verify given as text, a service
    endpoint: read by the Amazon provider's hook as before (not by the plain-key path)."""
    if s3_module._amazon_s3_hook_class() is None:
        pytest.skip("apache-airflow-providers-amazon is not installed")
    conn = json.loads(s3_server.connection_json())
    monkeypatch.setenv("AIRFLOW_CONN_S3_SET", json.dumps({**conn, "extra": {**conn["extra"], **extra}}))
    hook = S3Hook(aws_conn_id="s3_set")
    assert not s3_module._plain_keys(*hook._connection_extra())
    asked = []
    real = s3_module._amazon_s3_hook_class

    def provider():
        asked.append(True)
        return real()

    monkeypatch.setattr(s3_module, "_amazon_s3_hook_class", provider)
    try:
        hook.signed_transport()
    except Exception:  # noqa: BLE001, S110 - a role or profile that does not exist: only who read it matters
        pass
    assert asked, "the Amazon provider's hook did not read the connection"
