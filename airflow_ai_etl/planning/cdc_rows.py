"""The rows of a change stream (planner147): «клиенты частного сегмента через CDC», "Guests on the platinum
level, CDC". A CDC load's rows are said like a table copy's, so its row condition is read (source.where) or
asked by the same rules. Those rules must not see the words that ask for the stream itself ("via CDC",
"stream changes", «через цдц»): they name no rows, and a filter rule would take "CDC" for a listed value."""

from __future__ import annotations

import dataclasses
import re

from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.lexicon import is_
from airflow_ai_etl.planning.patterns import CDC
from airflow_ai_etl.planning.request import Request

# the verb and preposition that join the stream's words to the request ("Capture inserts, updates and
# deletes", "via CDC", «через цдц», "using change data capture"): blanked with them, else a rule reads
# "Capture" or "via" as the head of an unread phrase
_BEFORE_STREAM = re.compile(
    r"(?:\b(?:stream|captur\w*|replicat\w*|стрим\w*|реплицир\w*)\s+)?"
    r"(?:\b(?:via|through|using|with|by|over|через|по)\s+)?$",
    re.IGNORECASE,
)
# what the stream does with its changes, and how it runs ("and apply them to ClickHouse", «батчем»): no rows
_STREAM_RUN = re.compile(
    r"\b(?:(?:and\s+)?apply\s+(?:them|it|the\s+changes)|in\s+batch(?:es)?|batch\s+mode|батч(?:ем|ами)|пачками)\b",
    re.IGNORECASE,
)


def _blank(text: str, start: int, end: int) -> str:
    found = _BEFORE_STREAM.search(text, 0, start)
    start = found.start() if found else start
    return text[:start] + " " * (end - start) + text[end:]


def without_stream_words(request: Request) -> Request:
    """`request` as the row rules of a CDC load read it: the stream's words blanked (offsets kept), every
    state other rules gathered shared (their claimed words, the schedule's spans, the notes said with the
    plan); a word index (an upsert's key list) moved to where its word now is."""
    text = request.text
    for found in CDC.finditer(request.text):
        text = _blank(text, found.start(), found.end())
    for found in _STREAM_RUN.finditer(request.text):
        text = text[: found.start()] + " " * (found.end() - found.start()) + text[found.end() :]
    for token in tokenize(request.text):
        if token.lang != "punct" and is_(token, "CDC"):
            text = _blank(text, token.start, token.end)
    if text == request.text:
        return request
    rows = dataclasses.replace(request, text=text)
    rows.language = request.language  # «бронирования через цдц»: still Russian with the word gone
    rows.key_indices = {
        rows.token_at(request.spans[i][0]) for i in request.key_indices if i < len(request.spans)
    }
    return rows
