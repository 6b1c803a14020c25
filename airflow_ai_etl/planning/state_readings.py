"""Checks on the row conditions read for a table's state column, run once every rule has read (planner149).

* A negated state read twice is one condition: "loans that aren't closed yet" was read by the clause rule as
  the event's time column (`closed_on IS NULL`) and by the value rule as the listed state (`status <>
  'closed'`), both from the one verb, and ANDed. Where the status lists the state, the status says it as
  stored (README: «ещё не закрытые» of a listed status is `status <> 'closed'`); the time column's reading is
  kept only where the status does not list the state (round 18: «ещё не закрыты» of service requests).
* A state value no listed set holds is asked: "status is zorgly", 'the status "zorgly"', «в фываолдж статусе»
  over a status whose values are listed (its comment, a CHECK or an enum) can match no row, so it is asked,
  quoting the word; a status that lists nothing keeps the value as said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.messages import say
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.patterns import STOP_WORDS
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.state_column import state_column
from airflow_ai_etl.planning.window_named import is_time_column

# `status <> 'closed'`, `status NOT IN ('closed', 'written_off')`: the rows not in a listed state
_LEFT_OUT = re.compile(r"(\w+) (?:<> '((?:[^']|'')*)'|NOT IN \((.*)\))")
# every comparison of a column with string literals: =, <>, IN, NOT IN
_COMPARED = re.compile(r"(\w+) (?:=|<>|IN|NOT IN) ?\(?('(?:[^']|'')*'(?:, '(?:[^']|'')*')*)\)?")
# words naming the state column in a request: «в статусе», «в состоянии», "status", "state"
_STATE_NOUN_STEMS = ("статус", "состоян")
_STATE_NOUNS_EN = frozenset({"status", "state"})
# words before a value said ahead of the state noun: «в <X> статусе», «с <X> статусом», "in the <X> status"
_VALUE_OPENERS = frozenset({"в", "во", "с", "со", "in", "with", "the", "a"})
# words before the state noun that say no value («в любом статусе», "in any status", «в текущем статусе»):
# left to the unread-clause question, which quotes the whole phrase
_NO_VALUE_LEMMAS = frozenset(
    {"any", "all", "every", "each", "some", "other", "same", "current", "its", "their", "whatever",
     "любой", "весь", "каждый", "другой", "тот", "такой", "текущий", "прежний", "нынешний", "какой",
     "некоторый", "один", "свой", "этот", "иной", "разный", "всякий"}
)  # fmt: skip


def _folded(value: str) -> str:
    return value.lower().replace("ё", "е")


def _listed(column: Column) -> set[str]:
    return {_folded(v) for v in listed_values(column.comment)}


def one_negated_state(table: Table, found: dict[str, tuple[int, str]]) -> None:
    """Drops `<time> IS NULL` read at the very words `status <> '<state>'` was read from, when the status
    lists the state: one negated state, one condition (planner149: "Loans that aren't closed yet")."""
    status = state_column(table)
    if status is None or status.name not in found:
        return
    at, condition = found[status.name]
    left_out = _LEFT_OUT.fullmatch(condition)
    if left_out is None or left_out.group(1) != status.name:
        return
    for name, (position, other) in list(found.items()):
        column = table.column(name)
        if position != at or column is None or not is_time_column(column) or other != f"{name} IS NULL":
            continue
        del found[name]


def unlisted_state_values(table: Table, found: dict[str, tuple[int, str]]) -> Iterable[tuple[str, str]]:
    """(column, value) of each value a condition compares the state column with that its listed set does not
    hold; nothing when the column lists no values or is coded in numbers."""
    status = state_column(table)
    if status is None or status.name not in found:
        return
    listed = _listed(status)
    if not listed:
        return
    compared = _COMPARED.fullmatch(found[status.name][1])
    if compared is None or compared.group(1) != status.name:
        return
    for value in re.findall(r"'((?:[^']|'')*)'", compared.group(2)):
        if _folded(value.replace("''", "'")) not in listed:
            yield status.name, value.replace("''", "'")


def ask_unlisted_states(request: Request, table: Table, found: dict[str, tuple[int, str]]) -> None:
    """Asks about a state value the status does not list (the condition dropped, never planned), and about a
    word said as the state before the status noun that no rule read («в фываолдж статусе»: dropped before)."""
    status = state_column(table)
    if status is None:
        return
    for name, value in list(unlisted_state_values(table, found)):
        del found[name]
        request.unsure.append(_question(request, table, status, value))
    if status.name in found:
        return
    word = _unread_word_before_state_noun(request)
    if word is not None:
        request.unsure.append(_question(request, table, status, word.text))


def _question(request: Request, table: Table, status: Column, value: str) -> str:
    listed = listed_values(status.comment)
    if listed:
        return say(request.language, "planner.value_not_listed", value=value,
                   column=f"{table.qualified_name}.{status.name}", values=", ".join(listed))  # fmt: skip
    return say(request.language, "planner.column_value_unknown", column=status.name, phrase=value)


def _unread_word_before_state_noun(request: Request) -> Token | None:
    """«брони в фываолдж статусе», «рейсы в фрыжном статусе»: a word between a preposition and the state noun
    that no rule read (no condition starts at it, nothing handled it) is the state said, unread."""
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    for k in range(1, len(words) - 1):
        word, noun = words[k], words[k + 1]
        if words[k - 1].lower not in _VALUE_OPENERS or not _names_state(noun):
            continue
        if word.lower in STOP_WORDS or word.lower in _VALUE_OPENERS or _names_state(word):
            continue
        if word.lower in _NO_VALUE_LEMMAS or set(word.lemmas) & _NO_VALUE_LEMMAS:
            return None
        if word.start in request.read_at or request.is_handled(word.start) or word.lower in request.claimed:
            continue
        if any(a <= word.start < b for a, b in request.schedule_spans):
            continue
        return word
    return None


def _names_state(word: Token) -> bool:
    return word.lower in _STATE_NOUNS_EN or word.lower.startswith(_STATE_NOUN_STEMS)
