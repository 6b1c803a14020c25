#!/usr/bin/env python3
"""Private PostgreSQL and ClickHouse servers for tests and the demo.

Both servers live entirely under one base directory (data, config, logs, pid files) and
listen on 127.0.0.1 only, so they never clash with system-wide instances.

Used two ways:

* from Python (pytest fixtures)::

      pg = start_postgres(Path("/tmp/x"))          # free port chosen
      ch = start_clickhouse(Path("/tmp/x"))
      ...
      ch.stop(); pg.stop()

* from the command line (``make demo``); the servers keep running after the command exits::

      python scripts/local_servers.py start --dir .demo [--pg-port 55432 --ch-port 59000 --ch-http-port 58123]
      python scripts/local_servers.py status --dir .demo
      python scripts/local_servers.py stop --dir .demo

``start`` prints ``export AIRFLOW_CONN_...`` lines and writes ``<dir>/local_servers.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

STATE_FILE = "local_servers.json"
PG_BIN_CANDIDATES = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin", "/usr/local/bin")


class ServerError(RuntimeError):
    """A local server failed to start or stop; the message carries the log tail."""


# --------------------------------------------------------------------------- helpers


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.3) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout):
        return True
    return False


def log_tail(path: Path, lines: int = 40) -> str:
    """Return the last ``lines`` lines of a log file (or a note that it does not exist)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:]) or f"(empty log {path})"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as dead.
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def parent_death_preexec(signum: int = signal.SIGTERM) -> Callable[[], None]:
    """A ``preexec_fn`` for ``subprocess.Popen``: Linux sends the child ``signum`` when the process
    that started it dies, however it dies (SIGKILL included), so a server started for a test session
    never outlives the session (prctl PR_SET_PDEATHSIG; elsewhere a no-op).

    It runs in the child after ``Popen``'s ``user=`` switch (a change of user clears the setting), so
    libc is loaded here, in the parent: the new user may not read this Python's files. It checks the
    parent is still the one that forked it: a parent that died before the prctl call sends no
    signal, so the child ends itself then."""
    import ctypes

    parent = os.getpid()
    try:
        prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: nothing to ask for
        return lambda: None

    def preexec() -> None:
        prctl(1, signum)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != parent:
            os.kill(os.getpid(), signum)

    return preexec


def _is_root() -> bool:
    return os.geteuid() == 0


def find_pg_bin(name: str) -> str:
    """Locate a PostgreSQL server binary (``initdb``, ``pg_ctl``): PATH first, then Debian's dirs."""
    found = shutil.which(name)
    if found:
        return found
    for pattern in PG_BIN_CANDIDATES:
        # Highest version first: /usr/lib/postgresql/16/bin before 15.
        for d in sorted(
            glob.glob(pattern),
            key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()] or [0],
            reverse=True,
        ):
            cand = Path(d) / name
            if cand.exists():
                return str(cand)
    raise ServerError(
        f"PostgreSQL binary {name!r} not found on PATH or in {PG_BIN_CANDIDATES}; "
        "install it with `apt-get install postgresql`"
    )


def _run(
    cmd: list[str],
    *,
    as_user: str | None = None,
    timeout: float = 120,
    check: bool = True,
    log: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a command (as ``as_user`` via runuser when we are root) and raise with output on failure."""
    if as_user and _is_root() and pwd.getpwuid(os.geteuid()).pw_name != as_user:
        cmd = ["runuser", "-u", as_user, "--", *cmd]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        tail = f"\n--- log tail ({log}) ---\n{log_tail(log)}" if log else ""
        raise ServerError(f"timeout after {timeout}s: {' '.join(cmd)}{tail}") from e
    if check and res.returncode != 0:
        tail = f"\n--- log tail ({log}) ---\n{log_tail(log)}" if log else ""
        raise ServerError(
            f"command failed ({res.returncode}): {' '.join(cmd)}\n{res.stdout}\n{res.stderr}{tail}"
        )
    return res


def _chown_tree(path: Path, user: str) -> None:
    pw = pwd.getpwnam(user)
    for root, dirs, files in os.walk(path):
        os.chown(root, pw.pw_uid, pw.pw_gid)
        for n in dirs + files:
            with contextlib.suppress(FileNotFoundError):
                os.lchown(os.path.join(root, n), pw.pw_uid, pw.pw_gid)


def _reachable_by(path: Path, user: str) -> bool:
    """True when OS ``user`` can traverse every directory down to ``path``."""
    return _run(["test", "-x", str(path)], as_user=user, check=False).returncode == 0


# World-searchable parents for a cluster whose base dir the ``postgres`` user cannot reach.
RELOCATION_PARENTS = ("/var/tmp", "/tmp")


def pg_dir_for(base_dir: Path) -> Path:
    """Where the PostgreSQL cluster of ``base_dir`` lives: ``base_dir/pg``, or a stable directory
    under /var/tmp when we are root and OS user ``postgres`` (which runs the server, since
    initdb refuses root) cannot reach ``base_dir`` -- e.g. a checkout under /root or a 0700 folder.
    The relocated name is derived from ``base_dir``, so start, status and stop agree without state."""
    base_dir = Path(base_dir).resolve()
    base_dir.mkdir(parents=True, exist_ok=True)
    if not _is_root() or _reachable_by(base_dir, "postgres"):
        return base_dir / "pg"
    digest = hashlib.sha256(str(base_dir).encode()).hexdigest()[:12]
    for parent in RELOCATION_PARENTS:
        home = Path(parent) / f"ai-etl-pg-{digest}"
        home.mkdir(mode=0o755, exist_ok=True)
        home.chmod(0o755)
        if _reachable_by(home, "postgres"):
            return home / "pg"
    raise ServerError(
        f"OS user 'postgres' cannot reach {base_dir} nor any of {', '.join(RELOCATION_PARENTS)}: "
        "make one of them searchable by others (chmod o+x)."
    )


# --------------------------------------------------------------------------- PostgreSQL


@dataclass
class PostgresServer:
    """A running private PostgreSQL server (trust auth on 127.0.0.1)."""

    host: str
    port: int
    data_dir: Path
    log_file: Path
    user: str = "postgres"
    password: str = ""
    os_user: str | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)

    def uri(self, dbname: str = "postgres") -> str:
        """Airflow connection URI for database ``dbname``, e.g. ``postgresql://postgres@127.0.0.1:5432/shop``."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres", autocommit: bool = True) -> Any:
        """Open a psycopg2 connection to ``dbname`` (autocommit by default)."""
        import psycopg2

        conn = psycopg2.connect(
            host=self.host, port=self.port, user=self.user, dbname=dbname, connect_timeout=5
        )
        conn.autocommit = autocommit
        return conn

    def execute(self, sql: str, dbname: str = "postgres", params: Any = None) -> list[tuple] | None:
        """Run ``sql`` (may hold several statements when ``params`` is None) in autocommit mode.

        Returns the rows of the last statement if it produced any, else None.
        """
        conn = self.connect(dbname)
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description is not None else None
        finally:
            conn.close()

    def create_database(self, name: str, drop_existing: bool = False) -> str:
        """Create database ``name`` if missing (dropping it first when ``drop_existing``); return its URI."""
        from psycopg2 import sql as pgsql

        conn = self.connect("postgres")
        try:
            with conn.cursor() as cur:
                ident = pgsql.Identifier(name)
                if drop_existing:
                    cur.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                if cur.fetchone() is None:
                    cur.execute(pgsql.SQL("CREATE DATABASE {}").format(ident))
        finally:
            conn.close()
        return self.uri(name)

    def database_exists(self, name: str) -> bool:
        """True when database ``name`` exists."""
        return bool(self.execute("SELECT 1 FROM pg_database WHERE datname = %s", params=(name,)))

    def stop(self) -> None:
        """Stop the server (fast shutdown); a no-op when it is not running."""
        if not (self.data_dir / "postmaster.pid").exists():
            return
        _run(
            [find_pg_bin("pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "60", "stop"],
            as_user=self.os_user,
            check=False,
            log=self.log_file,
        )
        if self._proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=5)  # reap our child (a foreground postmaster)

    def to_state(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "port": self.port,
            "data_dir": str(self.data_dir),
            "log_file": str(self.log_file),
            "user": self.user,
            "os_user": self.os_user,
        }


def _pg_running_port(data_dir: Path) -> int | None:
    """Port of a live postmaster for ``data_dir`` (from postmaster.pid), or None."""
    pidfile = data_dir / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
        pid, port = int(lines[0]), int(lines[3])
    except (OSError, ValueError, IndexError):
        return None
    return port if _pid_alive(pid) and "postgres" in _cmdline(pid) else None


def start_postgres(
    base_dir: Path, port: int | None = None, timeout: float = 60, die_with_parent: bool = False
) -> PostgresServer:
    """Start (or reuse) a private PostgreSQL cluster in ``base_dir/pg``.

    :param base_dir: directory holding ``pg/data`` (cluster), ``pg/postgres.log`` and ``pg/run`` (socket).
    :param port: TCP port on 127.0.0.1; a free one when None. An already running server for this
        directory is reused with its own port.
    :param timeout: seconds to wait for the server to accept connections.
    :param die_with_parent: (Linux) the postmaster runs as a direct child of the calling process and
        shuts down (fast) when that process dies, even by SIGKILL; for test sessions. Otherwise
        ``pg_ctl`` daemonises it and it outlives the caller until :meth:`PostgresServer.stop`.
    """
    base_dir = Path(base_dir).resolve()
    pg_dir = pg_dir_for(base_dir)
    if pg_dir.parent != base_dir:
        print(
            f"PostgreSQL data is in {pg_dir}: OS user 'postgres' cannot reach {base_dir}",
            file=sys.stderr,
        )
    data_dir, run_dir, log_file = pg_dir / "data", pg_dir / "run", pg_dir / "postgres.log"
    os_user = "postgres" if _is_root() else None  # initdb/postgres refuse to run as root
    run_dir.mkdir(parents=True, exist_ok=True)
    if os_user:
        _chown_tree(pg_dir, os_user)

    running = _pg_running_port(data_dir)
    if running is not None:
        server = PostgresServer("127.0.0.1", running, data_dir, log_file, os_user=os_user)
        _wait_pg(server, timeout)
        return server

    if not (data_dir / "PG_VERSION").exists():
        if data_dir.exists():
            shutil.rmtree(data_dir)  # half-initialised leftovers make initdb refuse
        _run(
            [
                find_pg_bin("initdb"),
                "-D",
                str(data_dir),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            as_user=os_user,
            timeout=180,
        )
        (data_dir / "pg_hba.conf").write_text(
            "# written by scripts/local_servers.py: trust on loopback only\n"
            "local all all trust\n"
            "host all all 127.0.0.1/32 trust\n"
            "local replication all trust\n"
            "host replication all 127.0.0.1/32 trust\n"
        )
        with (data_dir / "postgresql.conf").open("a") as f:
            f.write("\ninclude_if_exists = 'local_servers.conf'\n")

    port = port or free_port()
    # Rewritten on every start so that a reused directory can move to another port.
    (data_dir / "local_servers.conf").write_text(
        "listen_addresses = '127.0.0.1'\n"
        f"port = {port}\n"
        f"unix_socket_directories = '{run_dir}'\n"
        "wal_level = logical\n"
        "max_wal_senders = 10\n"
        "max_replication_slots = 10\n"
        "max_connections = 100\n"
        "shared_buffers = 128MB\n"
        "fsync = off\n"  # throw-away test/demo data: durability is not needed, speed is
        "synchronous_commit = off\n"
        "full_page_writes = off\n"
        "timezone = 'UTC'\n"
        "log_timezone = 'UTC'\n"
    )
    if os_user:
        _chown_tree(pg_dir, os_user)
    if log_file.exists():
        log_file.write_text("")  # only this start's messages in error reports
    if die_with_parent:
        proc = _start_postmaster_child(data_dir, log_file, os_user)
        server = PostgresServer("127.0.0.1", port, data_dir, log_file, os_user=os_user, _proc=proc)
        _wait_pg(server, timeout)
        return server
    # pg_ctl daemonises the postmaster (setsid), so it outlives this process.
    _run(
        [
            find_pg_bin("pg_ctl"),
            "-D",
            str(data_dir),
            "-l",
            str(log_file),
            "-w",
            "-t",
            str(int(timeout)),
            "start",
        ],
        as_user=os_user,
        timeout=timeout + 10,
        log=log_file,
    )
    server = PostgresServer("127.0.0.1", port, data_dir, log_file, os_user=os_user)
    _wait_pg(server, timeout)
    return server


def _start_postmaster_child(data_dir: Path, log_file: Path, os_user: str | None) -> subprocess.Popen[bytes]:
    """``postgres -D data_dir`` in the foreground, as our own child (not through pg_ctl, which
    daemonises it): with a parent-death SIGINT (fast shutdown) its whole cluster ends with us."""
    as_user: dict[str, Any] = {}
    if os_user:  # postgres refuses root; Popen switches user before the preexec_fn runs
        pw = pwd.getpwnam(os_user)
        as_user = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
    with open(log_file, "ab") as log:
        return subprocess.Popen(
            [find_pg_bin("postgres"), "-D", str(data_dir)],
            cwd=data_dir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C in the terminal goes to pytest, which stops it in order
            preexec_fn=parent_death_preexec(signal.SIGINT),
            **as_user,
        )


def _wait_pg(server: PostgresServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if server._proc is not None and server._proc.poll() is not None:
            raise ServerError(
                f"PostgreSQL exited with code {server._proc.returncode} during startup\n"
                f"--- log tail ({server.log_file}) ---\n{log_tail(server.log_file)}"
            )
        try:
            server.execute("SELECT 1")
            return
        except Exception as e:  # noqa: BLE001 - any failure means "not ready yet"
            last = e
            time.sleep(0.2)
    raise ServerError(
        f"PostgreSQL on 127.0.0.1:{server.port} not answering after {timeout}s ({last})\n"
        f"--- log tail ({server.log_file}) ---\n{log_tail(server.log_file)}"
    )


# --------------------------------------------------------------------------- ClickHouse

CH_CONFIG = """<?xml version="1.0"?>
<!-- written by scripts/local_servers.py -->
<yandex>
  <logger>
    <level>information</level>
    <log>{log_dir}/clickhouse-server.log</log>
    <errorlog>{log_dir}/clickhouse-server.err.log</errorlog>
    <size>50M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>{tcp_port}</tcp_port>
  <http_port>{http_port}</http_port>
  <!-- no interserver_http_port: nothing replicated, and it would need a third free port -->
  <path>{data_dir}/</path>
  <tmp_path>{tmp_dir}/</tmp_path>
  <user_files_path>{user_files_dir}/</user_files_path>
  <format_schema_path>{format_schema_dir}/</format_schema_path>
  <users_config>{users_config}</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mlock_executable>false</mlock_executable>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
"""

CH_USERS = """<?xml version="1.0"?>
<!-- written by scripts/local_servers.py: user "default", no password, loopback only -->
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      <use_uncompressed_cache>0</use_uncompressed_cache>
      <load_balancing>random</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval>
        <duration>3600</duration>
        <queries>0</queries><errors>0</errors><result_rows>0</result_rows>
        <read_rows>0</read_rows><execution_time>0</execution_time>
      </interval>
    </default>
  </quotas>
</yandex>
"""


@dataclass
class ClickHouseServer:
    """A running private ClickHouse server (user ``default`` without password, 127.0.0.1 only)."""

    host: str
    tcp_port: int
    http_port: int
    ch_dir: Path
    pid: int
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)

    @property
    def log_dir(self) -> Path:
        return self.ch_dir / "log"

    def uri(self, database: str = "default") -> str:
        """Airflow connection URI, e.g. ``clickhouse://default@127.0.0.1:9000/default?http_port=8123``."""
        return f"clickhouse://default@{self.host}:{self.tcp_port}/{database}?http_port={self.http_port}"

    def client(self, database: str = "default", **kwargs: Any) -> Any:
        """A ``clickhouse_driver.Client`` on the native port."""
        from clickhouse_driver import Client

        return Client(
            self.host,
            port=self.tcp_port,
            user="default",
            password="",
            database=database,
            connect_timeout=5,
            **kwargs,
        )

    def log_tail(self, lines: int = 40) -> str:
        """Tail of the server's error log and stdout/stderr capture."""
        return (
            f"--- {self.log_dir / 'clickhouse-server.err.log'} ---\n"
            f"{log_tail(self.log_dir / 'clickhouse-server.err.log', lines)}\n"
            f"--- {self.log_dir / 'stdout.log'} ---\n{log_tail(self.log_dir / 'stdout.log', lines)}"
        )

    def stop(self, timeout: float = 30) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` s); a no-op when it is not running."""
        pid_file = self.ch_dir / "clickhouse.pid"
        if _pid_alive(self.pid) and "clickhouse" in _cmdline(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and _pid_alive(self.pid):
                if self._proc is not None and self._proc.poll() is not None:
                    break
                time.sleep(0.1)
            if _pid_alive(self.pid):
                os.kill(self.pid, signal.SIGKILL)
        if self._proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=5)  # reap our child
        pid_file.unlink(missing_ok=True)

    def to_state(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "tcp_port": self.tcp_port,
            "http_port": self.http_port,
            "dir": str(self.ch_dir),
            "pid": self.pid,
        }


def _ch_ping(tcp_port: int) -> Exception | None:
    from clickhouse_driver import Client

    try:
        Client("127.0.0.1", port=tcp_port, connect_timeout=1, send_receive_timeout=5).execute("SELECT 1")
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "not ready yet"
        return e


def _running_clickhouse(ch_dir: Path) -> ClickHouseServer | None:
    try:
        state = json.loads((ch_dir / "clickhouse.pid").read_text())
    except (OSError, ValueError):
        return None
    pid = int(state["pid"])
    if _pid_alive(pid) and str(ch_dir / "config.xml") in _cmdline(pid):
        return ClickHouseServer("127.0.0.1", int(state["tcp_port"]), int(state["http_port"]), ch_dir, pid)
    return None


def start_clickhouse(
    base_dir: Path,
    tcp_port: int | None = None,
    http_port: int | None = None,
    timeout: float = 60,
    binary: str | None = None,
    die_with_parent: bool = False,
) -> ClickHouseServer:
    """Start (or reuse) a private ClickHouse server with its own config under ``base_dir/ch``.

    :param base_dir: directory for ``ch/config.xml``, ``ch/users.xml``, data (``ch/data``) and logs
        (``ch/log``).
    :param tcp_port: native protocol port on 127.0.0.1; a free one when None.
    :param http_port: HTTP interface port on 127.0.0.1; a free one when None.
    :param timeout: seconds to wait until ``SELECT 1`` answers.
    :param binary: the ``clickhouse-server`` executable (PATH, then /usr/bin, /usr/sbin).
    :param die_with_parent: (Linux) SIGTERM the server when the calling process dies, even by SIGKILL;
        for test sessions. Otherwise the process runs in its own session and outlives the caller
        until :meth:`ClickHouseServer.stop`.
    """
    ch_dir = (Path(base_dir) / "ch").resolve()
    running = _running_clickhouse(ch_dir)
    if running is not None:
        if _ch_ping(running.tcp_port) is None:
            return running
        running.stop()

    binary = (
        binary
        or shutil.which("clickhouse-server")
        or next(
            (p for p in ("/usr/bin/clickhouse-server", "/usr/sbin/clickhouse-server") if os.path.exists(p)),
            None,
        )
    )
    if not binary:
        raise ServerError("clickhouse-server not found; install it with `apt-get install clickhouse-server`")
    tcp_port = tcp_port or free_port()
    http_port = http_port or free_port()
    while http_port == tcp_port:
        http_port = free_port()
    for p in (tcp_port, http_port):
        if _port_open(p):
            raise ServerError(f"port {p} on 127.0.0.1 is already in use; pick another one")

    dirs = {name: ch_dir / name for name in ("data", "tmp", "user_files", "format_schemas", "log")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    (ch_dir / "users.xml").write_text(CH_USERS)
    (ch_dir / "config.xml").write_text(
        CH_CONFIG.format(
            log_dir=xml_escape(str(dirs["log"])),
            data_dir=xml_escape(str(dirs["data"])),
            tmp_dir=xml_escape(str(dirs["tmp"])),
            user_files_dir=xml_escape(str(dirs["user_files"])),
            format_schema_dir=xml_escape(str(dirs["format_schemas"])),
            users_config=xml_escape(str(ch_dir / "users.xml")),
            tcp_port=tcp_port,
            http_port=http_port,
        )
    )
    err_log = dirs["log"] / "clickhouse-server.err.log"
    if err_log.exists():
        err_log.write_text("")  # only this start's errors in reports
    with open(dirs["log"] / "stdout.log", "wb") as out:
        proc = subprocess.Popen(
            [binary, f"--config-file={ch_dir / 'config.xml'}"],
            cwd=ch_dir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # detached: survives the CLI and Ctrl-C of the caller
            preexec_fn=parent_death_preexec() if die_with_parent else None,
        )
    server = ClickHouseServer("127.0.0.1", tcp_port, http_port, ch_dir, proc.pid, _proc=proc)
    (ch_dir / "clickhouse.pid").write_text(json.dumps(server.to_state()))

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            (ch_dir / "clickhouse.pid").unlink(missing_ok=True)
            raise ServerError(
                f"clickhouse-server exited with code {proc.returncode} during startup\n{server.log_tail()}"
            )
        last = _ch_ping(tcp_port)
        if last is None:
            return server
        time.sleep(0.2)
    server.stop()
    raise ServerError(
        f"ClickHouse on 127.0.0.1:{tcp_port} not answering after {timeout}s ({last})\n{server.log_tail()}"
    )


# --------------------------------------------------------------------------- CLI


def _conn_exports(pg: PostgresServer, ch: ClickHouseServer, pg_dbs: list[str]) -> list[str]:
    lines = [f"export AIRFLOW_CONN_POSTGRES_DEFAULT='{pg.uri('postgres')}'"]
    lines += [f"export AIRFLOW_CONN_PG_{db.upper()}='{pg.uri(db)}'" for db in pg_dbs]
    lines.append(f"export AIRFLOW_CONN_CLICKHOUSE_DEFAULT='{ch.uri()}'")
    return lines


def cmd_start(args: argparse.Namespace) -> int:
    base = Path(args.dir).resolve()
    base.mkdir(parents=True, exist_ok=True)
    pg = start_postgres(base, args.pg_port)
    ch = start_clickhouse(base, args.ch_port, args.ch_http_port)
    dbs: list[str] = []
    for spec in args.init_db or []:
        name, _, sql_file = spec.partition(":")
        existed = pg.database_exists(name)
        pg.create_database(name)
        if sql_file and not existed:  # load once: the file is not expected to be idempotent
            pg.execute(Path(sql_file).read_text(), dbname=name)
        dbs.append(name)
    state = {
        "postgres": pg.to_state(),
        "clickhouse": ch.to_state(),
        "databases": dbs,
        "connections": {
            line.split("=", 1)[0].removeprefix("export "): line.split("=", 1)[1].strip("'")
            for line in _conn_exports(pg, ch, dbs)
        },
    }
    (base / STATE_FILE).write_text(json.dumps(state, indent=2))
    print(
        f"# PostgreSQL {pg.host}:{pg.port} (data {pg.data_dir}), "
        f"ClickHouse {ch.host}:{ch.tcp_port} http {ch.http_port} (dir {ch.ch_dir})"
    )
    print("\n".join(_conn_exports(pg, ch, dbs)))
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    base = Path(args.dir).resolve()
    ch = _running_clickhouse(base / "ch")
    if ch is not None:
        ch.stop()
    pg_dir = pg_dir_for(base)
    if _pg_running_port(pg_dir / "data") is not None:
        os_user = "postgres" if _is_root() else None
        PostgresServer("127.0.0.1", 0, pg_dir / "data", pg_dir / "postgres.log", os_user=os_user).stop()
    print(f"stopped servers in {base}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    base = Path(args.dir).resolve()
    pg_port = _pg_running_port(pg_dir_for(base) / "data")
    ch = _running_clickhouse(base / "ch")
    print(
        json.dumps(
            {
                "postgres": {"running": pg_port is not None, "port": pg_port},
                "clickhouse": {"running": ch is not None, **(ch.to_state() if ch else {})},
            },
            indent=2,
        )
    )
    return 0 if pg_port is not None and ch is not None else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_start = sub.add_parser("start", help="start (or reuse) both servers, detached")
    p_start.add_argument("--dir", required=True, help="base directory for data, config and logs")
    p_start.add_argument("--pg-port", type=int, default=None, help="PostgreSQL port (default: free port)")
    p_start.add_argument("--ch-port", type=int, default=None, help="ClickHouse native port (default: free)")
    p_start.add_argument(
        "--ch-http-port", type=int, default=None, help="ClickHouse HTTP port (default: free)"
    )
    p_start.add_argument(
        "--init-db",
        action="append",
        metavar="NAME[:FILE.sql]",
        help="create PostgreSQL database NAME and load FILE into it when newly created; "
        "also prints AIRFLOW_CONN_PG_<NAME> (repeatable)",
    )
    p_start.set_defaults(func=cmd_start)
    for name, func, text in (
        ("stop", cmd_stop, "stop both servers"),
        ("status", cmd_status, "show whether the servers run"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--dir", required=True)
        p.set_defaults(func=func)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ServerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
