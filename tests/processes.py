"""Running several commands at once in tests: each its own process, as users in separate terminals."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence

from local_servers import parent_death_preexec


def run_together(
    commands: Sequence[tuple[Sequence[str], Mapping[str, str]]], timeout: float = 300
) -> list[subprocess.CompletedProcess]:
    """Start every (command, env) at once and return their results in the order given; a command
    spends seconds starting Airflow, so the machine's cores are shared out instead of idling. None
    is left running when one times out."""
    processes = [
        subprocess.Popen(
            list(command),
            env=dict(env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=parent_death_preexec(),  # none outlives a killed test run either
        )
        for command, env in commands
    ]
    results = []
    try:
        for (command, _), process in zip(commands, processes, strict=True):
            out, err = process.communicate(timeout=timeout)
            results.append(subprocess.CompletedProcess(list(command), process.returncode, out, err))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return results
