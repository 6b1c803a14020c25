"""The defaults a plan chose that its request did not state, each with the reason, in the
request's language: the load mode, the incremental column, the schedule's time zone.

Deterministic and planner-independent (a spec from the rules or from a model is explained the
same way): a default is "stated" when the grammar reads its cue in the request, or the request
names the chosen value.
"""

from __future__ import annotations

import re

from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.schedule import detect_language
from airflow_ai_etl.spec import PipelineSpec

_ZONE_WORDS = re.compile(r"\b(?:utc|gmt)\b|гринвич", re.IGNORECASE)
_FIXED_HOUR = re.compile(r"^\d+(?:,\d+)*$")  # a cron hour field that names hours of the day


def explain_defaults(request: str, spec: PipelineSpec) -> list[str]:
    """One sentence per default ``spec`` took that ``request`` does not state (empty when none)."""
    ru = detect_language(request) == "ru"
    text = request.lower()
    notes: list[str] = []
    column = spec.source.incremental.column if spec.source.incremental else None
    if column and column.lower() not in text:
        notes.append(
            f"Новые строки — те, у которых {column} больше, чем в прошлый запуск: это столбец времени "
            "событий таблицы; другой можно назвать: «по полю …»."
            if ru
            else f"New rows are those with a {column} later than the last run's: it is the table's "
            "event time column; name another with 'by column …'."
        )
    if spec.source.type in ("sql", "excel") and not _mode_stated(request):
        mode, table = spec.target.mode, spec.target.table
        if mode == "replace":
            notes.append(
                f"Режим replace: режим загрузки не указан, а дописывать всю таблицу {table} при каждом "
                "запуске — значит удваивать её строки. Для дозагрузки новых строк скажите «только новые»."
                if ru
                else f"Mode replace: no load mode was named, and appending the whole table to {table} "
                "on every run would double its rows. Say 'only new rows' to append new rows instead."
            )
        elif mode == "append" and not column:
            notes.append(
                f"Режим append: режим загрузки не указан; каждый запуск дописывает строки в {table}."
                if ru
                else f"Mode append: no load mode was named; each run adds its rows to {table}."
            )
    hours = spec.schedule.split()[1] if spec.schedule else ""
    if spec.timezone == "UTC" and _FIXED_HOUR.match(hours) and not _ZONE_WORDS.search(request):
        notes.append(
            "Часовой пояс UTC: в запросе он не указан; например, «по Москве» даст Europe/Moscow."
            if ru
            else "Time zone UTC: the request names none; e.g. 'Moscow time' gives Europe/Moscow."
        )
    return notes


def _mode_stated(request: str) -> bool:
    tokens = tokenize(request)
    return bool(
        grammar.replace_mode(tokens)
        or grammar.merge_mode(tokens, incremental=True)
        or grammar.append_only(tokens)
    )
