"""A StatsD server stand-in for tests: a UDP socket on 127.0.0.1 collecting ``name:value|type`` lines in a
background thread, plus the ``[metrics]`` settings that point Airflow's Stats at it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class StatsdListener:
    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self.port: int = self._sock.getsockname()[1]
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        while not self._done.is_set():
            try:
                data = self._sock.recv(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._lines.extend(data.decode(errors="replace").splitlines())

    @property
    def env(self) -> dict[str, str]:
        """``[metrics]`` as environment variables: StatsD on, sent here, prefix ``airflow``."""
        return {
            "AIRFLOW__METRICS__STATSD_ON": "True",
            "AIRFLOW__METRICS__STATSD_HOST": "127.0.0.1",
            "AIRFLOW__METRICS__STATSD_PORT": str(self.port),
            "AIRFLOW__METRICS__STATSD_PREFIX": "airflow",
        }

    def lines(
        self, containing: str = "", wait_for: str = "", count: int = 1, timeout: float = 5.0
    ) -> list[str]:
        """Lines received so far that contain `containing`; first waits up to `timeout` seconds for
        `count` lines containing `wait_for` (UDP is delivered asynchronously)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                got = list(self._lines)
            arrived = sum(wait_for in line for line in got) >= count
            if not wait_for or arrived or time.monotonic() > deadline:
                return [line for line in got if containing in line]
            time.sleep(0.05)

    def close(self) -> None:
        self._done.set()
        self._thread.join(timeout=2)
        self._sock.close()


@contextmanager
def statsd_listening(monkeypatch) -> Iterator[StatsdListener]:
    """A listener, and Airflow's (task SDK) Stats sending to it, initialised as its task runner does
    it; both undone on exit."""
    from airflow.sdk._shared.observability.metrics.base_stats_logger import NoStatsLogger
    from airflow.sdk.observability import stats
    from airflow.sdk.observability.metrics import stats_utils

    listener = StatsdListener()
    for name, value in listener.env.items():
        monkeypatch.setenv(name, value)
    stats.initialize(factory=stats_utils.get_stats_factory(), export_legacy_names=True)
    try:
        yield listener
    finally:
        stats.initialize(factory=NoStatsLogger, export_legacy_names=True)
        listener.close()
