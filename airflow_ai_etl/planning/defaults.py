"""The defaults a plan chose that its request did not state, each with the reason, in the
request's language: the load mode, the incremental column, the schedule's time zone.

Deterministic and planner-independent (a spec from the rules or from a model is explained the
same way): a default is "stated" when the grammar reads its cue in the request, or the request
names the chosen value.
"""

from __future__ import annotations

import re

from airflow_ai_etl.messages import say
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.schedule import detect_language
from airflow_ai_etl.spec import PipelineSpec

_ZONE_WORDS = re.compile(r"\b(?:utc|gmt)\b|гринвич", re.IGNORECASE)
_FIXED_HOUR = re.compile(r"^\d+(?:,\d+)*$")  # a cron hour field that names hours of the day


def explain_defaults(request: str, spec: PipelineSpec) -> list[str]:
    """One sentence per default ``spec`` took that ``request`` does not state (empty when none)."""
    language = detect_language(request)
    text = request.lower()
    notes: list[str] = []
    column = spec.source.incremental.column if spec.source.incremental else None
    if column and column.lower() not in text:
        notes.append(say(language, "defaults.incremental", column=column))
    if spec.source.type in ("sql", "excel") and not _mode_stated(request):
        mode, table = spec.target.mode, spec.target.table
        if mode == "replace":
            notes.append(say(language, "defaults.replace", table=table))
        elif mode == "append" and not column:
            notes.append(say(language, "defaults.append", table=table))
    hours = spec.schedule.split()[1] if spec.schedule else ""
    if spec.timezone == "UTC" and _FIXED_HOUR.match(hours) and not _ZONE_WORDS.search(request):
        notes.append(say(language, "defaults.utc"))
    return notes


def _mode_stated(request: str) -> bool:
    tokens = tokenize(request)
    return bool(
        grammar.replace_mode(tokens)
        or grammar.merge_mode(tokens, incremental=True)
        or grammar.append_only(tokens)
    )
