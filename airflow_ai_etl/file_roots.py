"""Local files are read and written only under ``[ai_etl] file_roots``.

A spec's ``source.path`` comes from a request (or a model); without a limit a pipeline could read
any file the Airflow worker can (``/etc/shadow``, ``../../secrets``, a symlink to either). So a local
path must be absolute and, with every symlink and ``..`` resolved (``os.path.realpath``), lie inside
one of the configured directories. Nothing is configured by default, so local files are refused
until an administrator names the directories meant for them; S3 paths are not affected.

A refused path and a missing one get the same message, so the check never tells whether a path
outside the roots exists. The resolved path is what the caller opens (a symlink swapped after
the check cannot redirect the read).
"""

from __future__ import annotations

import os

from airflow_ai_etl.exceptions import AIETLError

OPTION = "[ai_etl] file_roots"
HOW_TO_CONFIGURE = (
    "set [ai_etl] file_roots to a comma-separated list of directories "
    "(e.g. AIRFLOW__AI_ETL__FILE_ROOTS=/data/excel,/data/reports)"
)


class FileRootError(AIETLError, ValueError):
    """A local path that is not allowed, or not there (one message for both)."""


def configured_roots() -> list[str]:
    """The resolved ``[ai_etl] file_roots`` directories (empty: local files are not allowed)."""
    try:
        from airflow.configuration import conf

        raw = conf.get("ai_etl", "file_roots", fallback="") or ""
    except ImportError:  # plain library use without Airflow's configuration
        raw = os.environ.get("AIRFLOW__AI_ETL__FILE_ROOTS", "")
    roots = []
    for part in raw.split(","):
        part = part.strip()
        if part and os.path.isabs(part):  # a relative root would depend on the worker's cwd
            roots.append(os.path.realpath(part))
    return roots


def _inside(path: str, roots: list[str]) -> bool:
    return any(os.path.commonpath([path, root]) == root for root in roots)


def _resolve(path: str, what: str, check: str | None = None) -> str:
    """``check`` (default ``path``) resolved, if it lies under the roots; messages name ``path``."""
    roots = configured_roots()
    if not roots:
        raise FileRootError(
            f"local files are not allowed ({path}): no file roots are configured; {HOW_TO_CONFIGURE}"
        )
    refused = FileRootError(f"{path} is not {what} under the allowed file roots ({OPTION})")
    check = path if check is None else check
    if "\x00" in path or not os.path.isabs(path):
        raise refused
    try:
        real = os.path.realpath(check)
    except (OSError, ValueError):
        raise refused from None
    if not _inside(real, roots):
        raise refused
    return real


def readable_local_file(path: str, what: str = "a readable file") -> str:
    """The resolved path of an existing regular file under the file roots.

    :param path: an absolute local path as the user wrote it (used in the message).
    :param what: how the message names the expected file, e.g. "a readable workbook".
    :raises FileRootError: outside the roots, missing, not a file or unreadable (one message).
    """
    real = _resolve(path, what)
    if not os.path.isfile(real) or not os.access(real, os.R_OK):
        raise FileRootError(f"{path} is not {what} under the allowed file roots ({OPTION})")
    return real


def writable_local_file(path: str, what: str = "a writable location") -> str:
    """The resolved path to write ``path`` to: its directory exists under the file roots.

    The file itself may be missing (it is created) or a symlink (it is replaced, not followed).
    :raises FileRootError: outside the roots or no such directory (one message).
    """
    directory = _resolve(path, what, os.path.dirname(path) or path)
    name = os.path.basename(path)
    if not name or name in (".", "..") or not os.path.isdir(directory):
        raise FileRootError(f"{path} is not {what} under the allowed file roots ({OPTION})")
    return os.path.join(directory, name)
