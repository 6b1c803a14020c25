"""Run one callable in several threads at once and collect what each returned or raised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def run_concurrently(fn: Callable[[], Any], times: int) -> tuple[list[Any], list[BaseException]]:
    """Start ``times`` threads running ``fn`` together; return (results, errors) once all ended."""
    results: list[Any] = []
    errors: list[BaseException] = []

    def call() -> None:
        try:
            results.append(fn())
        except Exception as e:  # noqa: BLE001 - handed back to the test
            errors.append(e)

    threads = [threading.Thread(target=call) for _ in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors
