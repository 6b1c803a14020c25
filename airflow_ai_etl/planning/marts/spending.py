"""Spending said as «затраты на X», «расходы на X» (marts108): a cost of X, the column whose comment is
'Стоимость X' ('Стоимость ремонта' of ops.fault_tickets.repair_cost).

«затраты»/«расходы» are money nouns (words.MONEY_NOUNS_RU) but a column's comment says the same money as
«стоимость» with X in the genitive, so «затраты на ремонт» matched no comment and was asked. The phrase
becomes the column's name, after «сумма» when no measure word precedes it; only when exactly one numeric
column of the connection's tables has such a comment (two, or none, leave the words to the rules that ask).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _comment_head_words, _fact_connections, _numeric_columns
from airflow_ai_etl.planning.marts.words import _measure_func

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# Nouns of money spent on something, said with «на» + the thing; a comment says «стоимость» + genitive.
SPENDING_NOUNS_RU = frozenset({"затрата", "затраты", "расход", "расходы", "трата", "траты"})
COST_NOUNS_RU = frozenset({"стоимость", "затраты", "расходы"})


def _spending_at(tokens: Sequence[Token], i: int) -> bool:
    """«затраты на …»: a spending noun followed by «на» and a Russian word."""
    return (
        i + 2 < len(tokens)
        and tokens[i].lang == "ru"
        and bool(tokens[i].lemmas & SPENDING_NOUNS_RU or tokens[i].lower in SPENDING_NOUNS_RU)
        and tokens[i + 1].lower == "на"
        and tokens[i + 2].lang == "ru"
    )


def _cost_of(thing: Token, head: Sequence[Token]) -> bool:
    """The comment's head is exactly «стоимость <thing>» (any case of the thing)."""
    return (
        len(head) == 2
        and bool(head[0].lemmas & COST_NOUNS_RU or head[0].lower in COST_NOUNS_RU)
        and bool(head[1].lemmas & thing.lemmas)
    )


def spending_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«затраты на ремонт» -> «сумма repair_cost» (the one column commented 'Стоимость ремонта')."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    for i in range(len(tokens)):
        if not _spending_at(tokens, i):
            continue
        thing = tokens[i + 2]
        found = {
            c.name for t in tables for c in _numeric_columns(t) if _cost_of(thing, _comment_head_words(c))
        }
        if len(found) != 1:
            continue
        measured = i > 0 and _measure_func(tokens, i - 1) is not None
        lead = "" if measured else "сумма "
        return text[: tokens[i].start] + lead + found.pop() + text[thing.end :]
    return text
