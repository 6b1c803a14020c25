"""Which tables a mart's fact reaches by its relations, for a condition on a joined table's column (marts105).

A load reads one table, so a yes/no column of another table ("policies of VIP holders") is asked; a mart joins
the tables its fact refers to, and its resolver finds a column written by its bare name in the one table of
those that holds it. This module says whether that bare name is safe: the other table is reached, and no
other table reached (nor the fact) holds a column of that name.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Catalog, Column, Table
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.relations import relations_of

# A Russian compound led by a Latin word and a hyphen («VIP-клиентов»): the Latin half names the state.
_LATIN_HEAD = re.compile(r"[A-Za-z]+-[а-яё]", re.IGNORECASE)

# The mart resolver joins along at most this many relations from the fact (planning.marts.ground._reachable).
_HOPS = 3


def reached(catalog: Catalog, fact: Table) -> list[Table]:
    """The tables of the fact's connection that its joinable relations reach, the fact left out."""
    conn_id = next((c for c, tables in catalog.tables.items() if fact in tables), None)
    if conn_id is None:
        return []
    relations = [r for r in relations_of(catalog, conn_id) if r.joinable]
    seen, frontier = {fact.qualified_name}, [fact.qualified_name]
    for _ in range(_HOPS):
        frontier = [r.ref_table for r in relations if r.table in frontier and r.ref_table not in seen]
        seen.update(frontier)
    return [t for t in catalog.tables_of(conn_id) if t.qualified_name in seen - {fact.qualified_name}]


def joins_alone(catalog: Catalog, fact: Table, holder: Table, name: str) -> bool:
    """`holder` is reached from `fact`, and `name` is a column of no other table reached nor of the fact:
    a condition on `name` resolves to `holder` and joins it."""
    if fact.column(name) is not None:
        return False
    tables = reached(catalog, fact)
    holders = [t for t in tables if t.column(name) is not None]
    return [t.qualified_name for t in holders] == [holder.qualified_name]


def is_sole_noun(token: Token, column: Column | None) -> bool:
    """«льготники» of subscribers.is_privileged 'Льготник (скидка по соцзащите)': the flag's comment, its
    bracket left out, is one Russian noun, and the word is that noun (people of that kind are the rows with
    the flag). A comment of more words ('VIP-пассажир', 'Умный счётчик') names its rows' noun beside the state
    (a passenger is no VIP), so its nouns are not read alone."""
    if column is None or token.lang != "ru" or "-" in token.lower:
        return False
    comment = re.sub(r"\([^()]*\)", " ", column.comment or "")
    words = [t for t in tokenize(comment) if t.lang != "punct"]
    if len(words) != 1 or words[0].lang != "ru" or "-" in words[0].lower:
        return False
    noun = words[0]
    return bool(noun.parses) and noun.parses[0].pos == "NOUN" and bool(token.lemmas & noun.lemmas)


def latin_state_compound(token: Token) -> bool:
    """«VIP-клиентов»: a Russian compound whose first half is a Latin word says the state first and the
    rows' noun after it ("VIP clients"), unlike a role compound led by the noun («клиентов-резидентов»)."""
    return token.lang == "ru" and _LATIN_HEAD.match(token.text) is not None


def says_state(token: Token) -> bool:
    """The word says a state as a modifier does: a Russian adjective or participle («веганских»,
    «корпоративных»), a Latin word in a Russian sentence («VIP»), an English word that is no plural noun
    ("vegan", "blacklisted", "VIP"; "points" of has_pickup_point names things, not a state of them)."""
    if latin_state_compound(token):
        return True  # «VIP-клиентов» of 'VIP-клиент': the Latin half is the state, the Russian one its rows
    if token.lang == "ru":
        return bool(token.parses) and token.parses[0].pos in ("ADJF", "ADJS", "PRTF", "PRTS")
    if token.lang != "en":
        return False
    return token.text.isupper() or not (token.lower.endswith("s") and not token.lower.endswith("ss"))
