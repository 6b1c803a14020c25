"""Which transport carries a file's bytes (file_client.choose_transport) and the client's command line."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

import pytest

from airflow_ai_etl.transfers import file_client
from airflow_ai_etl.transfers.file_client import CLIENT, HTTP, choose_transport, client_command, client_insert

BIG = file_client.CLIENT_MIN_BYTES


def hook(secure: bool = False, password: str = "s3cret") -> SimpleNamespace:
    conn = SimpleNamespace(host="ch.local", port=9001, login="etl", password=password)
    return SimpleNamespace(secure=secure, connection=conn, database_name="dwh", settings={"max_threads": 2})


def server(major: int = 18, minor: int = 16) -> SimpleNamespace:
    info = SimpleNamespace(version_major=major, version_minor=minor)
    return SimpleNamespace(connection=SimpleNamespace(server_info=info))


@pytest.fixture
def binary(monkeypatch):
    monkeypatch.setattr(file_client.shutil, "which", lambda name: "/usr/bin/clickhouse-client")
    monkeypatch.setattr(file_client, "client_release", lambda path: (18, 16))


def test_big_jsonl_goes_to_the_client(binary):
    transport, why = choose_transport(hook(), server(), "jsonl", BIG)
    assert transport == CLIENT and "parsed by /usr/bin/clickhouse-client" in why


@pytest.mark.parametrize(
    ("fmt", "size", "secure", "release", "reason"),
    [
        ("csv", BIG, False, (18, 16), "csv (ClickHouse's HTTP parse"),
        ("tsv", BIG, False, (18, 16), "tsv ("),
        ("jsonl", BIG - 1, False, (18, 16), "below"),
        ("jsonl", BIG, True, (18, 16), "TLS"),
        ("jsonl", BIG, False, (19, 1), "release (19, 1), the server (18, 16)"),
        ("jsonl", BIG, False, None, "release None"),
    ],
)
def test_everything_else_goes_by_http(binary, monkeypatch, fmt, size, secure, release, reason):
    monkeypatch.setattr(file_client, "client_release", lambda path: release)
    transport, why = choose_transport(hook(secure=secure), server(), fmt, size)
    assert transport == HTTP and reason in why


def test_no_binary_goes_by_http(monkeypatch):
    monkeypatch.setattr(file_client.shutil, "which", lambda name: None)
    assert choose_transport(hook(), server(), "jsonl", BIG) == (HTTP, "no clickhouse-client on PATH")


def test_an_unconnected_client_goes_by_http(binary):
    assert choose_transport(hook(), SimpleNamespace(), "jsonl", BIG)[0] == HTTP


def test_the_command_line_carries_settings_but_no_credentials(binary):
    command = client_command(hook(), "INSERT INTO t FORMAT JSONEachRow", {"input_format_allow_errors_num": 0})
    assert command[1:9] == [
        "--host",
        "ch.local",
        "--port",
        "9001",
        "--database",
        "dwh",
        "--query",
        command[8],
    ]
    assert command[-4:] == ["--max_threads", "2", "--input_format_allow_errors_num", "0"]
    assert "s3cret" not in " ".join(command) and "etl" not in command


def test_the_client_error_is_raised_with_its_stderr(monkeypatch, tmp_path):
    fake = tmp_path / "clickhouse-client"
    fake.write_text(
        '#!/bin/sh\ncat >/dev/null\necho "Code: 27. DB::Exception: Cannot parse (at row 3)" >&2\nexit 27\n'
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    with pytest.raises(file_client.ClickHouseClientError, match=r"exit status 27: Code: 27\. .*\(at row 3\)"):
        client_insert(hook(), "INSERT", iter([b"a\n", b"b\n"]), {})


def test_a_stream_error_kills_the_client(monkeypatch, tmp_path):
    marker = tmp_path / "finished"
    fake = tmp_path / "clickhouse-client"
    fake.write_text(f"#!/bin/sh\ncat >/dev/null\ntouch {marker}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")

    def body():
        yield b"a\n"
        raise OSError("the stream broke")

    with pytest.raises(OSError, match="the stream broke"):
        client_insert(hook(), "INSERT", body(), {})
    subprocess.run(["sleep", "0.2"], check=True)
    assert not marker.exists()  # killed before its input ended: the INSERT is not completed
    client_insert(hook(), "INSERT", iter([b"a\n"]), {})  # the same fake, its input ended: it finishes
    assert marker.exists()
