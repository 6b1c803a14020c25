"""A file's bytes handed to a ``clickhouse-client`` subprocess instead of an HTTP POST (big JSON lines).

ClickHouse 18.16 parses an HTTP ``INSERT ... FORMAT JSONEachRow`` in the HTTP handler's one thread,
parse and write in turn. clickhouse-client parses the same text in its own process and sends Native
blocks over the native port, so the parse runs beside the server's write. Measured on the 307 MB
bench file of 2M JSON lines from S3 (``benchmarks/file_transport_ab.py``, RESULTS_FILES.md, files16):
the same bytes 1.34x faster through the client; CSV only 1.07x (its parse is cheap), and a small file
pays the client's start (~0.1-0.2 s) without the gain (100k JSON lines, 15 MB: slower). So the client
carries JSON lines of at least :data:`CLIENT_MIN_BYTES`, when the binary is on PATH, is of the
server's release (it must know the same settings, given as ``--name value``) and the connection is
plain TCP; everything else, and every fallback, is the HTTP POST.

The rest of the load is the HTTP path's: the same strict settings, the same staging table,
reconciliation and publication. A parse error leaves the client with its exit status and the
server's message on stderr (``Code: 27. DB::Exception: ... (at row N)``), raised as
:class:`ClickHouseClientError` for the same parsing as the HTTP error text.
"""

from __future__ import annotations

import fcntl
import functools
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook

log = logging.getLogger(__name__)

CLIENT_BINARY = "clickhouse-client"
# Where the client's start (~0.1-0.2 s at load 6) is paid back by the parse beside the server's write:
# 15 MB of JSON lines was slower through the client, 307 MB 1.34x faster (break-even near 55 MB).
CLIENT_MIN_BYTES = 64 << 20
HTTP, CLIENT = "HTTP", "clickhouse-client"
PIPE_BYTES = 1 << 20


class ClickHouseClientError(AIETLError, RuntimeError):
    """clickhouse-client exited with an error (its stderr, the server's message, is the text)."""


@functools.lru_cache(maxsize=4)
def client_release(binary: str) -> tuple[int, int] | None:
    """``(major, minor)`` of the clickhouse-client binary (``ClickHouse client version 18.16.1.``)."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    words = [w for w in out.split() if w[:1].isdigit()]
    parts = words[0].split(".") if words else []
    return (int(parts[0]), int(parts[1])) if len(parts) >= 2 and parts[1].isdigit() else None


def choose_transport(hook: ClickHouseHook, client: Any, fmt: str, size: int) -> tuple[str, str]:
    """``(HTTP | CLIENT, reason)`` for one file of format ``fmt`` and ``size`` bytes (as stored)."""
    if fmt != "jsonl":
        return HTTP, f"{fmt} (ClickHouse's HTTP parse of it is as fast as the client's)"
    if size < CLIENT_MIN_BYTES:
        return HTTP, f"{size} bytes, below {CLIENT_MIN_BYTES} (the client's start would not pay)"
    if hook.secure:
        return HTTP, "the connection uses TLS"
    binary = shutil.which(CLIENT_BINARY)
    if binary is None:
        return HTTP, f"no {CLIENT_BINARY} on PATH"
    info = getattr(getattr(client, "connection", None), "server_info", None)
    server = (info.version_major, info.version_minor) if info is not None else None
    release = client_release(binary)
    if server is None or release != server:
        return HTTP, f"{binary} is release {release}, the server {server}"
    return CLIENT, f"JSON lines of {size} bytes: parsed by {binary} beside the server's write"


@contextmanager
def _config_file(user: str, password: str) -> Iterator[list[str]]:
    """The user and password in a private config file (never on the command line, seen by ``ps``)."""
    with tempfile.TemporaryDirectory(prefix="ai-etl-ch-") as folder:
        path = os.path.join(folder, "client.xml")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(f"<config><user>{escape(user)}</user><password>{escape(password)}</password></config>")
        yield ["--config-file", path]


def _widen_pipe(fd: int) -> None:
    """Let the pipe hold up to 1 MiB (Linux; 64 KiB by default), as a loopback socket buffers more:
    the stream's read-ahead and checks then run ahead of the client's parse instead of in step."""
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:  # above /proc/sys/fs/pipe-max-size for this user: the default stays
        pass


def client_command(hook: ClickHouseHook, query: str, settings: dict[str, Any]) -> list[str]:
    """The clickhouse-client command line of ``query`` (no credentials: see :func:`client_insert`)."""
    conn = hook.connection
    command = [
        shutil.which(CLIENT_BINARY) or CLIENT_BINARY,
        "--host", conn.host or "localhost",
        "--port", str(conn.port or 9000),
        "--database", hook.database_name,
        "--query", query,
    ]  # fmt: skip
    for name, value in {**hook.settings, **settings}.items():
        command += [f"--{name}", str(value)]
    return command


def client_insert(hook: ClickHouseHook, query: str, body: Iterable[bytes], settings: dict[str, Any]) -> None:
    """Write ``body`` to ``clickhouse-client --query query`` and wait for it.

    An error of ``body`` (the file's stream) kills the client before its input ends, so the INSERT is
    not completed (the rows it had sent stay in the staging table, which the caller drops).

    :raises ClickHouseClientError: the client exited with an error (the server's message).
    """
    user, password = hook.connection.login or "default", hook.connection.password or ""
    with _config_file(user, password) as config, tempfile.TemporaryFile() as err:
        command = client_command(hook, query, settings)
        proc = subprocess.Popen(
            command[:1] + config + command[1:], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err
        )
        assert proc.stdin is not None
        _widen_pipe(proc.stdin.fileno())
        try:
            try:
                for chunk in body:
                    proc.stdin.write(chunk)
                proc.stdin.close()
            except BrokenPipeError:  # the client stopped reading: its status and stderr say why
                pass
            status = proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
            if proc.stdin is not None and not proc.stdin.closed:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
        if status != 0:
            err.seek(0)
            text = err.read().decode(errors="replace").strip()
            raise ClickHouseClientError(f"clickhouse-client exit status {status}: {text[:2000]}")
