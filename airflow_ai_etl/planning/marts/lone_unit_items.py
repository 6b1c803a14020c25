"""«Табели: часы всего, посуточно»: a measure item said by a unit noun alone (marts132).

A Russian item of the measure list that is only a unit noun, maybe with «всего»/«итого» after it («часы»,
«часы всего», «часы (всего)»), standing alone between the list's punctuation (after «:» or «,», before «,»,
«по …», a grain adverb or the end), is the sum of the column named by that unit itself (hours), when the
connection's tables hold exactly one such column. «часы» was taken for the hour unit (no grain is said so)
and the rows were counted, or asked between hours and overtime_hours: a column named by the bare unit is
what «часы» says («сверхурочные часы» says the other). An item with «и» after it is unit_items' or
adjective_items'; a unit with no such column (labor_hours of «нормо-часы») is _unit_noun_measures'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _fact_connections, _numeric_columns
from airflow_ai_etl.planning.marts.measures import MEASURE_UNITS, _unit_of_noun
from airflow_ai_etl.planning.marts.words import DIM_PREPS_RU, GRAIN_ADVERBS_RU

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

_OPENERS = frozenset({":", ",", "—", "–", ";"})
_CLOSERS = frozenset({",", ";", "."})
_TOTAL_WORDS = frozenset({"всего", "итого"})  # «часы всего»: the total, no other column


def _item_end(tokens: Sequence[Token], i: int) -> int | None:
    """The last token of the item opened by the unit noun at i («часы», «часы всего», «часы (всего)»), when
    the item closes right after it; None when more words follow (another rule's phrase)."""
    last = i
    if last + 1 < len(tokens) and tokens[last + 1].lower in _TOTAL_WORDS:
        last += 1
    elif last + 3 < len(tokens) and tokens[last + 1].text == "(" and tokens[last + 2].lower in _TOTAL_WORDS:
        last = last + 3 if tokens[last + 3].text == ")" else last
    if last + 1 == len(tokens):
        return last
    after = tokens[last + 1]
    if after.text in _CLOSERS or after.lower in DIM_PREPS_RU or after.lower in GRAIN_ADVERBS_RU:
        return last
    return None


def lone_unit_items(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«Табели: часы всего, посуточно» -> «Табели: сумма hours, посуточно»."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    for i, w in enumerate(tokens):
        if w.lang != "ru" or i == 0 or tokens[i - 1].text not in _OPENERS:
            continue
        unit = _unit_of_noun(w)
        last = _item_end(tokens, i) if unit is not None else None
        if unit is None or last is None:
            continue
        names, _ = MEASURE_UNITS[unit]
        named = {c.name for table in tables for c in _numeric_columns(table) if c.name.lower() in names}
        if len(named) == 1:
            return text[: w.start] + "сумма " + named.pop() + text[tokens[last].end :]
    return text
