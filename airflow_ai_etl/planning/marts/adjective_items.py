"""«Табели: часы всего и сверхурочные по площадкам»: a bare quantity noun, then «и» and an adjective of that
noun, are two measures (marts128, mbd-ru-17). The adjective item («сверхурочные», maybe with the noun again)
names the column whose comment has both words (overtime_hours 'Сверхурочные часы'); the bare noun before it,
said apart from the adjective, names the other column of that table whose comment has the noun and not the
adjective (hours 'Отработано часов'). The measure rules read the two items as one («часы … сверхурочные»:
overtime_hours) and dropped the first.

The pair is rewritten «сумма hours и сумма overtime_hours», which the measure rules ground as written. Only
when both columns are found, one each, in one table; anything else is left to the rules that read or ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.marts.ground import _fact_connections, _numeric_columns
from airflow_ai_etl.planning.marts.words import _measure_func
from airflow_ai_etl.planning.vocabulary import stem, words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# where a measure list's item begins
_ITEM_OPENERS = frozenset({":", ",", ";", "—", "–"})
# adverbs saying a bare item is the total of its quantity («часы всего», «часы итого»)
_TOTAL_ADVERBS_RU = frozenset({"всего", "итого", "суммарно"})


def adjective_measure_pairs(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«: часы всего и сверхурочные» -> «: сумма hours и сумма overtime_hours»."""
    for k in range(1, len(tokens) - 2):
        noun = tokens[k]
        if tokens[k - 1].text not in _ITEM_OPENERS or not _bare_noun(noun):
            continue
        joiner = k + 2 if tokens[k + 1].lower in _TOTAL_ADVERBS_RU else k + 1
        if joiner + 1 >= len(tokens) or tokens[joiner].lower != "и" or not _adjective(tokens[joiner + 1]):
            continue
        adjective = tokens[joiner + 1]
        last = (
            joiner + 2 if joiner + 2 < len(tokens) and tokens[joiner + 2].lemmas & noun.lemmas else joiner + 1
        )
        if (
            last + 1 < len(tokens)
            and _bare_noun(tokens[last + 1])
            and not tokens[last + 1].lemmas & noun.lemmas
        ):
            continue  # «часы и сверхурочные выплаты»: the adjective heads a noun of its own
        pair = _columns_of_pair(planner, tokens, stem(noun.lower), stem(adjective.lower))
        if pair is None:
            continue
        bare, qualified = pair
        said = f"сумма {bare.name} и сумма {qualified.name}"
        return text[: noun.start] + said + text[tokens[last].end :]
    return text


def _columns_of_pair(
    planner: OfflinePlanner, tokens: Sequence[Token], noun: str, adjective: str
) -> tuple[Column, Column] | None:
    """(the noun's column without the adjective, the column with both) of one table of the source
    connection, each the only one of its table; None otherwise."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return None
    found = [
        pair
        for table in planner.catalog.tables_of(sources[0].conn_id)
        if (pair := _pair_in(table, noun, adjective))
    ]
    return found[0] if len(found) == 1 else None


def _pair_in(table: Table, noun: str, adjective: str) -> tuple[Column, Column] | None:
    """(the numeric column whose comment has the noun alone, the one whose comment has both) of `table`."""
    said = [(c, {stem(w) for w in words(c.comment or "")}) for c in _numeric_columns(table)]
    with_noun = [(c, stems) for c, stems in said if noun in stems]
    qualified = [c for c, stems in with_noun if adjective in stems]
    bare = [c for c, stems in with_noun if adjective not in stems]
    return (bare[0], qualified[0]) if len(bare) == 1 and len(qualified) == 1 else None


def _same_noun(tokens: Sequence[Token], k: int, noun: Token) -> bool:
    """Word `k` is `noun` said again («сверхурочные часы» after «часы»)."""
    return k < len(tokens) and bool(tokens[k].lemmas & noun.lemmas)


def _bare_noun(token: Token) -> bool:
    """A Russian noun that is no measure word («часы», not «сумма»)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "NOUN"
        and _measure_func([token], 0) is None
    )


def _adjective(token: Token) -> bool:
    """A Russian adjective or participle that is no measure word («сверхурочные», not «средние»)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos in ("ADJF", "PRTF")
        and _measure_func([token], 0) is None
    )
