"""Paths and URLs in a request: their words are part of a name, not words of the request.

A bucket prefix ``s3://metering-lake/hourly/``, a folder ``/srv/drop/weekly/`` or a file ``daily_sales.csv``
carries words the rules read elsewhere: a frequency ("hourly", "weekly"), a connection's description word
(``s3://shop-exports/`` and a connection described as "Shop database"). :func:`path_spans` finds where they
are, so the schedule reader and the connection reader skip them.
"""

from __future__ import annotations

import functools
import re

__all__ = ["path_spans", "blank_paths", "in_path"]

Span = tuple[int, int]

# A URL ("s3://bucket/prefix/", "https://host/x"), an absolute POSIX path that starts a word ("/data/x/",
# "(/srv/in)"), a Windows path ("C:\\drop\\x"), a home path ("~/in/x") or a file name with a data file's
# extension ("daily_sales.csv", "plan.xlsx"). "Europe/Moscow" and a cron's "*/10" are none of these: a
# path's slash must start a word.
_PATH = re.compile(
    r"(?<![a-z0-9+.\-])[a-z][a-z0-9+.\-]*+://[^\s,;'\"«»()\[\]]*+"
    r"|(?<![\w*/.:])~?/[^\s,;'\"«»()\[\]]++"
    r"|\b[a-z]:\\[^\s,;'\"«»()\[\]]++"
    r"|(?<![\w\-.])[\w\-.]++",  # a word: a data file's name when it ends with its extension
    re.IGNORECASE,
)
_DATA_FILE = re.compile(r"\.(?:csv|tsv|parquet|jsonl?|ndjson|xlsx?|xlsm|gz|zip|txt)$", re.IGNORECASE)
# Every alternative starts only where a run of its characters starts and never gives characters back,
# so finding paths stays linear in the request's length (16 kB of "a-a-a-" is no slower per kB).


def path_spans(text: str) -> list[Span]:
    """Character spans of the paths, URLs and data file names in `text` (a trailing «.» or «,» excluded)."""
    return list(_path_spans(text))


@functools.lru_cache(maxsize=256)  # the rules ask about the same request several times
def _path_spans(text: str) -> tuple[Span, ...]:
    spans = []
    for match in _PATH.finditer(text):
        end = match.end()
        while end > match.start() + 1 and text[end - 1] in ".,":
            end -= 1
        if text[match.start()] not in "/~" and "/" not in match.group(0) and "\\" not in match.group(0):
            if not _DATA_FILE.search(text[match.start() : end]):
                continue  # a plain word
        if end - match.start() > 1:  # a lone "/" is no path
            spans.append((match.start(), end))
    return tuple(spans)


def blank_paths(text: str) -> str:
    """`text` with every path replaced by spaces (same length, so offsets stay valid)."""
    for start, end in path_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def in_path(spans: list[Span], start: int) -> bool:
    """The character at `start` lies inside one of `spans`."""
    return any(a <= start < b for a, b in spans)
