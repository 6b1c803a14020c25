"""A mart's condition on a table its fact points at: «сессии …, только корпоративные аккаунты» is
`account_type = 'corporate'` of crm.accounts, which charging.sessions references (marts107).

The load rules read such a word as another table's value and ask (a load of one table cannot filter on
another's column); a mart joins the table its fact's key points at, so the condition goes into the mart's
`where` with that join. Only one such word, said without a negation, on a table the fact references by one
key, whose column the fact does not have (the condition stays unqualified and unambiguous); anything else
keeps the question.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.marts.ground import _fk_column, _Ground
from airflow_ai_etl.planning.marts.words import NEGATION_WORDS
from airflow_ai_etl.planning.request import Found, Request


def joined_condition(
    ground: _Ground,
    fact: Table,
    request: Request,
    where: Found,
    reread: Callable[[Request], Found],
) -> tuple[Request, Found, Table | None, str | None]:
    """(the request read, its filter, the joined table, its condition): the filter re-read with the other
    table's word read as that table's condition, when the only question was about it; else as given."""
    unchanged: tuple[Request, Found, Table | None, str | None] = (request, where, None, None)
    # every question may be about the one word («только ЖНВЛП»: another table's column, and which column of
    # the fact equals it; marts129, mbd-ru-26): the re-read below must ask nothing, so a question about other
    # words is kept
    if not where.questions or len(request.other_table_conditions) != 1:
        return unchanged
    start, end, other_name, condition = request.other_table_conditions[0]
    other = next((t for t in ground.tables if t.qualified_name == other_name), None)
    column = condition.split(" ", 1)[0]
    if other is None or other is fact or fact.column(column) is not None or _fk_column(fact, other) is None:
        return unchanged
    if _negated_before(request.text, start):
        return unchanged  # «кроме корпоративных аккаунтов»: the other value list, asked as before
    # the words read here are blanked, as the mart blanks its own words: no filter rule reads them again
    # («аккаунты» is no 'user' of sessions.stop_reason)
    text = request.text
    for a, b in [(start, end), *_table_nouns_beside(ground, other, text, start, end)]:
        text = text[:a] + " " * (b - a) + text[b:]
    again = Request(text)
    found = reread(again)
    if found.questions:
        return unchanged
    return again, found, other, condition


def _table_nouns_beside(
    ground: _Ground, other: Table, text: str, start: int, end: int
) -> list[tuple[int, int]]:
    """Spans of the words right before and after the value word that name the joined table («корпоративные
    аккаунты»): whose value it is, no word for the fact's own filter rules."""
    words = [t for t in tokenize(text) if t.lang in ("ru", "en")]
    at = next((k for k, t in enumerate(words) if t.start == start and t.end == end), None)
    if at is None:
        return []
    beside = [words[k] for k in (at - 1, at + 1) if 0 <= k < len(words)]
    return [(t.start, t.end) for t in beside if ground.table_of(t) is other]


def _negated_before(text: str, start: int) -> bool:
    """A negation word among the two words before `start`."""
    before = [t for t in tokenize(text[:start]) if t.lang in ("ru", "en")][-2:]
    return any(t.lower in NEGATION_WORDS or t.lemma in NEGATION_WORDS for t in before)


def add_join(definition: dict[str, Any], name: str) -> None:
    """The joined table named once in the mart's joins (the catalog's relation says the columns)."""
    joins = definition.setdefault("joins", [])
    if all(j.get("table") != name for j in joins):
        joins.append({"table": name})
