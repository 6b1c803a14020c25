"""Persistent state of the LLM planner in one SQLite file: answers, breaker state, usage.

One small file in the assistant's state dir, shared by every process that plans (CLI, web
server, workers): a request answered once is answered again from disk in milliseconds, and a
provider that is down is skipped by every process until its cool-down ends. Each operation
opens its own short connection, so the store is safe across threads and processes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY, model TEXT NOT NULL, answer TEXT NOT NULL, created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS breakers (
    name TEXT PRIMARY KEY, failures INTEGER NOT NULL, opened_until REAL NOT NULL, last_error TEXT
);
CREATE TABLE IF NOT EXISTS usage (
    at REAL NOT NULL, request_key TEXT NOT NULL, model TEXT NOT NULL, calls INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, latency_ms REAL NOT NULL,
    cache_hit INTEGER NOT NULL, status TEXT NOT NULL
);
"""


def normalize_request(text: str) -> str:
    """Case, ё/е, whitespace and trailing punctuation do not change what a request asks for."""
    text = text.lower().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip().rstrip(".!?…;, ")


def cache_key(request: str, catalog_fingerprint: str, model: str, prompt_version: str) -> str:
    """Hash of everything the answer depends on; the request itself is not stored in clear."""
    material = json.dumps([normalize_request(request), catalog_fingerprint, model, prompt_version])
    return hashlib.sha256(material.encode()).hexdigest()


class PlannerStore:
    """The SQLite file behind ResponseCache, CircuitBreaker and usage accounting.

    :param path: the database file; created with its directory on first use.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._ready = False

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            # No fsync per commit: losing the last cache entry or usage row in a power cut is
            # harmless, and an fsync would cost more than the whole cache hit should take.
            conn.execute("PRAGMA synchronous=NORMAL")
            if not self._ready:
                # WAL lets readers (cache lookups) proceed while another process writes.
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(_SCHEMA)
                self._ready = True
            yield conn
        finally:
            conn.close()

    def record_usage(
        self,
        request_key: str,
        model: str,
        *,
        calls: int,
        prompt_tokens: int,
        completion_tokens: int,
        latency_ms: float,
        cache_hit: bool,
        status: str,
    ) -> None:
        """One row per planned request, for cost reports (`SELECT sum(prompt_tokens) ...`)."""
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO usage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), request_key, model, calls, prompt_tokens, completion_tokens,
                 latency_ms, int(cache_hit), status),
            )  # fmt: skip

    def usage_rows(self) -> list[dict[str, Any]]:
        with self.connect() as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute("SELECT * FROM usage ORDER BY at")]


class ResponseCache:
    """Final planner answers (a validated spec, or the model's questions) by cache_key().

    :param store: the SQLite store.
    :param ttl_seconds: answers older than this are ignored (models and prompts improve).
    """

    def __init__(self, store: PlannerStore, ttl_seconds: float = 30 * 24 * 3600) -> None:
        self.store = store
        self.ttl_seconds = ttl_seconds

    def get(self, key: str) -> dict[str, Any] | None:
        with self.store.connect() as conn:
            row = conn.execute(
                "SELECT answer FROM responses WHERE key = ? AND created_at >= ?",
                (key, time.time() - self.ttl_seconds),
            ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, model: str, answer: dict[str, Any]) -> None:
        with self.store.connect() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)",
                (key, model, json.dumps(answer, ensure_ascii=False), time.time()),
            )

    def clear(self) -> None:
        with self.store.connect() as conn:
            conn.execute("DELETE FROM responses")


@dataclass(frozen=True)
class BreakerState:
    failures: int
    opened_until: float
    last_error: str

    @property
    def is_open(self) -> bool:
        return self.opened_until > time.time()


class CircuitBreaker:
    """Stops calling an endpoint after `threshold` consecutive failed requests, for `cooldown` s.

    State lives in the store, so a breaker opened by one process (a worker) is honoured by
    the others (the web server, the CLI). After the cool-down one request is let through
    (half-open): success closes the breaker, failure opens it again for another cool-down.

    :param store: the SQLite store.
    :param name: what is being protected, e.g. the endpoint URL and model.
    :param threshold: consecutive failed requests (each after its own retries) that open it.
    :param cooldown: seconds the breaker stays open.
    """

    def __init__(self, store: PlannerStore, name: str, threshold: int = 3, cooldown: float = 120.0) -> None:
        self.store = store
        self.name = name
        self.threshold = max(1, threshold)
        self.cooldown = cooldown

    def state(self) -> BreakerState:
        with self.store.connect() as conn:
            row = conn.execute(
                "SELECT failures, opened_until, last_error FROM breakers WHERE name = ?", (self.name,)
            ).fetchone()
        return BreakerState(*row) if row else BreakerState(0, 0.0, "")

    def allow(self) -> bool:
        """False while open; True when closed or when the cool-down has passed (half-open)."""
        return not self.state().is_open

    def record_success(self) -> None:
        with self.store.connect() as conn:
            conn.execute("DELETE FROM breakers WHERE name = ?", (self.name,))

    def record_failure(self, error: str) -> BreakerState:
        with self.store.connect() as conn:
            # One statement, so two processes failing at once both count.
            conn.execute(
                "INSERT INTO breakers VALUES (?, 1, 0, ?) ON CONFLICT(name) DO UPDATE SET "
                "failures = failures + 1, last_error = excluded.last_error",
                (self.name, error[:500]),
            )
            failures = conn.execute("SELECT failures FROM breakers WHERE name = ?", (self.name,)).fetchone()[
                0
            ]
            if failures >= self.threshold:
                conn.execute(
                    "UPDATE breakers SET opened_until = ? WHERE name = ?",
                    (time.time() + self.cooldown, self.name),
                )
        return self.state()
