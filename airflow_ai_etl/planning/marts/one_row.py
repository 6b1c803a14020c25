"""«максимальный объём одной заправки»: a measure of one row (marts121, issue 16).

«один»/«каждый» in the genitive before a noun naming one table's rows, right after the noun a max, min or
average measure word opens, says the measure is taken per row of that table («объём одной заправки» is the
liters of a refuel, the largest of them): it adds nothing the measure does not say, so the word is dropped
and the rest («максимальный объём заправки») is read by the measure rules. Before, «одной» was left unread and
the mart asked what it is (mbb-ru-02). A sum («суммарный объём одной заправки») or a noun naming no table is
left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _fact_connections, _Ground
from airflow_ai_etl.planning.marts.words import _measure_func

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

ONE_ROW_RU = {"один", "каждый"}
PER_ROW_FUNCS = {"max", "min", "avg"}


def _genitive(token: Token, pos: str) -> bool:
    return bool(token.parses) and token.parses[0].pos == pos and token.parses[0].case == "gent"


def _after_measured_noun(tokens: Sequence[Token], k: int) -> bool:
    """The word before `k` is a noun right after a max/min/avg measure word («максимальный объём»)."""
    return (
        k >= 2
        and tokens[k - 1].lang == "ru"
        and bool(tokens[k - 1].parses)
        and tokens[k - 1].parses[0].pos == "NOUN"
        and _measure_func(tokens, k - 2) in PER_ROW_FUNCS
    )


def one_row_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """The text without «одной»/«каждой» of a per-row max/min/avg (see the module's doc)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    ground = _Ground(planner, sources[0].conn_id, planner.catalog.tables_of(sources[0].conn_id))
    for k in range(2, len(tokens) - 1):
        one, rows = tokens[k], tokens[k + 1]
        if one.lang != "ru" or not (one.lemmas & ONE_ROW_RU) or not _genitive(one, "ADJF"):
            continue
        if rows.lang != "ru" or not _genitive(rows, "NOUN") or ground.table_of(rows) is None:
            continue
        if _after_measured_noun(tokens, k):
            return text[: one.start] + text[rows.start :]
    return text
