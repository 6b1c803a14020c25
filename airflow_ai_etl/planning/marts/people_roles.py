"""«число студентов-получателей»: people of a table the fact points at, named with their role in the rows
(marts128, mbd-ru-42). The hyphenated pair was read as neither half, so the count became a count of rows
(count(*) of scholarships) instead of the distinct students. The role half («-получателей») says only what
the counted people do in the fact's rows, so the pair is rewritten to the key of the one other table the
request names that points at the people («число разных student_id» of «Стипендии»), or else to its first half
(«число студентов»), which the measure rules read as a count of distinct keys already.

Only after a count word, and only a role noun of ROW_ROLE_NOUNS: a second half that is a kind or a state of
the people («читателей-студентов»: readers.category 'student'; «читателей-должников») is a condition, left to
the rules that read or ask it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.marts.ground import _fact_connections, _fk_column, _Ground
from airflow_ai_etl.planning.marts.words import COUNT_RU

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# Lemmas of nouns that name a person only by the part they take in a fact's row: who receives, pays, buys,
# orders or rents (no kind and no state of the person)
ROW_ROLE_NOUNS = frozenset(
    {"получатель", "плательщик", "покупатель", "заказчик", "арендатор", "стипендиат", "участник"}
)
# words that may stand between the count word and the pair («число разных студентов-получателей»)
_DISTINCT_RU = frozenset({"разный", "уникальный", "различный"})


def counted_people_roles(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«число студентов-получателей» -> «число студентов» (the role half blanked), when the first half names
    a table of the source connection."""
    words = [t for t in tokens if t.lang != "punct"]
    for k, token in enumerate(words):
        if token.lang != "ru" or token.text.count("-") != 1 or not _after_count_word(words, k):
            continue
        people, _, role = token.text.partition("-")
        halves = [t for t in tokenize(f"{people} {role}") if t.lang == "ru"]
        if len(halves) != 2 or halves[1].lemma not in ROW_ROLE_NOUNS:
            continue
        sources = _fact_connections(planner, tokens)
        if len(sources) != 1:
            return text
        ground = _Ground(planner, sources[0].conn_id, planner.catalog.tables_of(sources[0].conn_id))
        people_table = ground.table_of(halves[0])
        if people_table is None:
            continue  # «число грузов-получателей»: no table of people to count the keys of
        key = _key_of_named_fact(ground, words, k, people_table)
        if key is None:  # the rows' table unsaid or several: the people's own word, read by the measure rules
            cut = token.start + len(people)
            return text[:cut] + " " * (token.end - cut) + text[token.end :]
        distinct = "" if words[k - 1].lemma in _DISTINCT_RU else "разных "
        return text[: token.start] + distinct + key + text[token.end :]
    return text


def _key_of_named_fact(ground: _Ground, words: Sequence[Token], k: int, people: Table) -> str | None:
    """The key column pointing at `people` of the one other table the request's words name («Стипендии»:
    scholarships.student_id): the people's word alone would make their own table the fact."""
    named = {ground.table_of(w) for i, w in enumerate(words) if i != k} - {None, people}
    keys = [(t, _fk_column(t, people)) for t in named if t is not None]
    found = [key for _, key in keys if key is not None]
    return found[0] if len(found) == 1 else None


def _after_count_word(words: Sequence[Token], k: int) -> bool:
    """A count word right before word `k`, or before one «разных»/«уникальных» standing before it."""
    before = [w.lemma for w in words[max(0, k - 2) : k]]
    if before and before[-1] in COUNT_RU:
        return True
    return len(before) == 2 and before[0] in COUNT_RU and before[1] in _DISTINCT_RU
