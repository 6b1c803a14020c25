"""A listed value of several Russian words said by those words in other forms (planner132).

An integer code's meaning is often a phrase ('Статус: 3 — ждёт клиента'), listed as one word ('ждёт_клиента',
planning/codes.py). A relative clause says it with the same words inflected: «заявки, которые ждут клиента».
The words match when each word's lemma is the lemma of the meaning's word at that place, in order; the rows
are then in that state. A phrase two listed values would fit is no reading (the rules before it ask).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.lexer import Token, tokenize


@lru_cache(maxsize=4096)
def _meaning_lemmas(value: str) -> tuple[frozenset[str], ...]:
    """Lemmas of each word of a listed value of two or more Russian words ('ждёт_клиента'), else ()."""
    parts = [p for p in re.split(r"[_\s]+", value.lower()) if p]
    said = [next(iter(tokenize(p)), None) for p in parts]
    if len(parts) < 2 or any(t is None or t.lang != "ru" for t in said):
        return ()
    return tuple(frozenset(t.lemmas) for t in said if t is not None)


def meaning_said(words: Sequence[Token], table: Table) -> tuple[str, str, int] | None:
    """(column, value, how many words) of the one listed value of `table` whose words `words` begin with,
    lemma by lemma («ждут клиента» -> 'ждёт_клиента'); None when none or two fit."""
    found = []
    for column in table.columns:
        for value in listed_values(column.comment):
            lemmas = _meaning_lemmas(value)
            if lemmas and len(words) >= len(lemmas):
                if all(w.lemmas & said for w, said in zip(words, lemmas, strict=False)):
                    found.append((column.name, value, len(lemmas)))
    return found[0] if len(found) == 1 else None
