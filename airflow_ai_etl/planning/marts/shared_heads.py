"""Two measures sharing one head noun across «и» (marts121, issue 16).

«Стоимость работ и запчастей», «средняя оценка еды и доставки»: the head noun said once before two genitives;
«Средняя оценка доставки и оценка еды»: the head said again after «и» with the measure word said once. When
the head with each genitive says the whole comment of a numeric column of one table ('Стоимость работ, руб.',
'Стоимость запчастей, руб.'; 'Оценка еды', 'Оценка доставки'), the second item is said in full, with the
first item's measure word: «стоимость работ и стоимость запчастей», «средняя оценка доставки и средняя оценка
еды», which the measure rules read as two measures. Before, the second item was dropped or read as another
column («оценка еды» as the general rating 'Общая оценка', a confident wrong avg(rating)). A second item that
says no column of that table («оценка курьера») is left to the measure rules, which ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _comment_head_words, _fact_connections, _numeric_columns
from airflow_ai_etl.planning.marts.words import _measure_func

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


def _noun(token: Token, case: str | None = None) -> bool:
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "NOUN"
        and (case is None or token.parses[0].case == case)
    )


def _spelled(column: Column, head: Token, genitive: Token) -> bool:
    """The two words are the column's whole comment before its unit ('Стоимость работ, руб.')."""
    own = _comment_head_words(column)
    return len(own) == 2 and all(
        o.lemmas & w.lemmas or o.lower == w.lower for o, w in zip(own, (head, genitive), strict=True)
    )


def _pair_table(tables: Sequence[Table], head: Token, first: Token, second: Token) -> bool:
    """Exactly one table has two different numeric columns spelled by head + first and head + second."""
    holding = []
    for table in tables:
        numeric = _numeric_columns(table)
        one = [c for c in numeric if _spelled(c, head, first)]
        two = [c for c in numeric if _spelled(c, head, second)]
        if len(one) == 1 and len(two) == 1 and one[0].name != two[0].name:
            holding.append(table)
    return len(holding) == 1


def _measure_adjective(tokens: Sequence[Token], k: int) -> str:
    """«средняя», «максимальная», «суммарная» right before the head: said again before the second item."""
    if k < 0 or tokens[k].lang != "ru" or _measure_func(tokens, k) is None:
        return ""
    parse = tokens[k].parses[0] if tokens[k].parses else None
    return tokens[k].lower + " " if parse is not None and parse.pos == "ADJF" else ""


def shared_head_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """The text with the second of two measures sharing a head noun said in full (see the module's doc)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    for i in range(2, len(tokens) - 1):
        if tokens[i].lower != "и":
            continue
        head, first = tokens[i - 2], tokens[i - 1]
        if not (_noun(head) and _noun(first, "gent")):
            continue
        said = _measure_adjective(tokens, i - 3)
        after = tokens[i + 1]
        if _noun(after, "gent") and not (after.lemmas & head.lemmas):
            # «Стоимость работ и запчастей»: the head said once; «работ и запчастей» of one noun is no list
            if not _pair_table(tables, head, first, after):
                continue
            return text[: after.start] + said + head.lower + " " + text[after.start :]
        if said and after.lemmas & head.lemmas and i + 2 < len(tokens) and _noun(tokens[i + 2], "gent"):
            # «Средняя оценка доставки и оценка еды»: the head said again, its measure word once
            if not _pair_table(tables, head, first, tokens[i + 2]):
                continue
            return text[: after.start] + said + text[after.start :]
    return text
