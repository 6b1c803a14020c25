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


# Particles that, opening a listed meaning ('не дозвонились', 'не оплачено'), are part of the state's name.
NEGATION_PARTICLES = frozenset({"не", "нет", "без"})


def opens_with_negation(value: str) -> bool:
    """A listed value whose first word is a negation particle ('не_дозвонились', a code's meaning 'не
    дозвонились'): the state is named by its «не», so a word of it alone says another state (planner136)."""
    parts = [p for p in re.split(r"[_\s]+", value.lower()) if p]
    return len(parts) > 1 and parts[0] in NEGATION_PARTICLES


def negated_meanings_said(words: Sequence[Token], table: Table) -> list[tuple[int, str, str, int]]:
    """(index of the first word, column, value, how many words) of each run of `words` that says a listed
    value opening with a negation word by word («по которым не дозвонились» of 'не_дозвонились'): the
    longest meaning is matched first, so its «не» is never read as the negation of another state (planner136:
    «не дозвонились» was `status <> 'дозвонились'`, or the inverse of the code meant). A run two values fit
    is left to the rules that ask."""
    found = []
    for k, word in enumerate(words):
        if word.lower not in NEGATION_PARTICLES:
            continue
        fits = [
            (column.name, value, len(_meaning_lemmas(value)))
            for column in table.columns
            for value in listed_values(column.comment)
            if opens_with_negation(value) and _fits(words[k:], _meaning_lemmas(value))
        ]
        if len(fits) == 1:
            found.append((k, *fits[0]))
    return found


def _fits(words: Sequence[Token], lemmas: tuple[frozenset[str], ...]) -> bool:
    """`words` begin with the words of a meaning whose lemmas are `lemmas`, lemma by lemma."""
    return (
        bool(lemmas)
        and len(words) >= len(lemmas)
        and all(w.lemmas & s for w, s in zip(words, lemmas, strict=False))
    )
