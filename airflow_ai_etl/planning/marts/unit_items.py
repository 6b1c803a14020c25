"""«отпущено кВт·ч и средняя стоимость зарядки»: a list item said by its unit alone (marts120).

A Russian item of a measure list that is only a unit of measure («кВт·ч», «км», maybe after the participle
its column's comment opens with: «отпущено кВт·ч» of energy_kwh 'Отпущено энергии, кВт·ч'), followed by «и»
and an item said with a measure word («средняя стоимость», «число сессий»), is the sum of the one numeric
column of the connection that carries that unit, as «сумма кВт·ч и число сессий» already was. The subject
rules read such a unit only with no measure word said, so the measure was dropped (mbb-ru-21). The item
becomes «сумма <column>»; a unit that several columns carry is left to the rules that ask which, and a
bare money word after «и» («литры и сумма») to the subject rules, which read the pair (mbb-ru-41).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _comment_word, _fact_connections, _numeric_columns
from airflow_ai_etl.planning.marts.measures import MEASURE_UNITS, _carries_unit
from airflow_ai_etl.planning.marts.words import MONEY_RU, _measure_func

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# where an item of the list begins: right after a colon, a comma or a dash
_ITEM_OPENERS = frozenset({":", ",", "—", "–", ";"})
# how many tokens an item may hold (a participle, and a unit of up to three tokens: «кВт · ч»)
_ITEM_TOKENS = 4
# a noun and «в» before the unit («отпущенная энергия в кВт·ч»): two tokens more (marts130)
_NOUN_IN_TOKENS = 2


def _item_start(tokens: Sequence[Token], joiner: int, most: int = _ITEM_TOKENS) -> int | None:
    """The first token of the item that ends right before «и» at `joiner`, or None past `most` tokens."""
    for k in range(joiner - 1, max(-1, joiner - most - 2), -1):
        if tokens[k].text in _ITEM_OPENERS:
            return k + 1 if k + 1 < joiner else None
    return None


def _noun_before_unit(tokens: Sequence[Token], first: int, joiner: int) -> Token | None:
    """«энергия в кВт·ч» (marts130): the item's noun when the item is a noun, «в», then its unit; the
    column summed must then carry the unit and have the noun in its comment ('Отпущено энергии, кВт·ч')."""
    if first + 2 < joiner and tokens[first + 1].lower in ("в", "во") and tokens[first].lang == "ru":
        return tokens[first]
    return None


def _participle(token: Token) -> bool:
    return token.lang == "ru" and any(p.pos in ("PRTS", "PRTF", "VERB") for p in token.parses[:1])


def _unit_of(text: str) -> str | None:
    """The unit a whole item's text is («квт·ч», «км»), by the comment patterns of MEASURE_UNITS."""
    said = text.lower().replace("ё", "е").strip()
    return next((unit for unit, (_, pattern) in MEASURE_UNITS.items() if re.fullmatch(pattern, said)), None)


def unit_items_before_measure(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«: отпущено кВт·ч и средняя стоимость» -> «: сумма energy_kwh и средняя стоимость»."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    for j, t in enumerate(tokens):
        if t.lower != "и" or j + 1 >= len(tokens) or _measure_func(tokens, j + 1) is None:
            continue
        start = _item_start(tokens, j, _ITEM_TOKENS + _NOUN_IN_TOKENS)
        if start is None:
            continue
        first = start + 1 if _participle(tokens[start]) and start + 1 < j else start
        noun = _noun_before_unit(tokens, first, j)
        if tokens[j + 1].lemma in MONEY_RU and noun is None:
            continue  # «литры и сумма»: a bare money word, the subject rules' pair (liters, amount)
        if noun is None and j - start > _ITEM_TOKENS:
            continue
        unit = _unit_of(text[tokens[first if noun is None else first + 2].start : tokens[j - 1].end])
        if unit is None:
            continue
        carrying = [
            c
            for table in tables
            for c in _numeric_columns(table)
            if _carries_unit(table, c, unit) and (noun is None or _comment_word(c, noun))
        ]
        if len(carrying) == 1:
            return text[: tokens[start].start] + "сумма " + carrying[0].name + text[tokens[j - 1].end :]
    return text
