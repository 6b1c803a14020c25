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

from airflow_ai_etl.catalog import Catalog, Table, listed_values, without_listed
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


def value_adjective_ids(catalog: Catalog, tokens: Sequence[Token]) -> frozenset[int]:
    """Ids of the Russian adjectives that are a listed value of the column the noun beside them names
    (planner133): «со средним приоритетом» of 'Приоритет: 1 — низкий, 2 — средний', «средней срочности». The
    adjective says which rows, not an average of the column, so no measure reads it; in the nominative
    («средний приоритет заявок по очередям») it stays the measure, asked as before."""
    words = [t for t in tokens if t.lang != "punct"]
    found: set[int] = set()
    for k, word in enumerate(words):
        if word.lang != "ru" or not any(p.pos == "ADJF" for p in word.parses):
            continue
        beside = [w for w in (words[k - 1] if k else None, words[k + 1] if k + 1 < len(words) else None) if w]
        if any(_qualifies(word, noun) and _names_value_of_column(word, noun, catalog) for noun in beside):
            found.add(id(word))
    return frozenset(found)


def _qualifies(adjective: Token, noun: Token) -> bool:
    """`adjective` agrees with `noun` in an oblique case: a qualifier of the rows («со средним приоритетом»,
    «средней срочности»), never the subject the request measures («средний приоритет заявок»)."""
    cases = {p.case for p in adjective.parses if p.pos == "ADJF"} - {"nomn", "accs", None}
    return any(p.pos == "NOUN" and p.case in cases for p in noun.parses)


def _names_value_of_column(adjective: Token, noun: Token, catalog: Catalog) -> bool:
    """`adjective` is (by lemma) a Russian value a column lists whose comment's first word is `noun`."""
    for table in (t for conn in catalog.connections for t in catalog.tables_of(conn)):
        for column in table.columns:
            values = [v for v in listed_values(column.comment) if not v.isascii()]
            if values and noun.lemmas & _head_lemmas(without_listed(column.comment)):
                if any(adjective.lemmas & lemmas for v in values for lemmas in _value_lemmas(v)):
                    return True
    return False


@lru_cache(maxsize=4096)
def _head_lemmas(comment: str) -> frozenset[str]:
    """Lemmas of a column comment's first word ('Приоритет' of 'Приоритет (low, средний, high)')."""
    first = next((t for t in tokenize(comment) if t.lang == "ru"), None)
    return frozenset(first.lemmas) if first is not None else frozenset()


@lru_cache(maxsize=4096)
def _value_lemmas(value: str) -> tuple[frozenset[str], ...]:
    """Lemmas of a one-word Russian listed value ('средняя' -> средний), else ()."""
    said = [t for t in tokenize(value) if t.lang == "ru"]
    return (frozenset(said[0].lemmas),) if len(said) == 1 else ()


# Words that open a clause about the rows («которые клиент сбросил», «где ждём ответа от клиента»).
_CLAUSE_OPENERS = frozenset({"который", "где"})
# Words that turn a meaning around: the rows not in that state, read by the negation rules or asked.
_NEGATORS = frozenset({"не", "кроме", "без", "исключая", "помимо"})
# Punctuation that closes a clause.
_CLAUSE_MARKS = frozenset({",", ";", ".", "—", "–", "(", ")", "!", "?"})


def meaning_phrases(tokens: Sequence[Token], table: Table) -> list[tuple[Token, Token, str, str]]:
    """(first word, last word, column, value) of each listed value of several Russian words that `tokens`
    say (planner133): the words in order as a noun phrase («старших смены», «операторов первой линии» of
    'Роль: 3 — старший смены, 1 — оператор первой линии'), or anywhere in one relative clause, in any order
    and form («которые клиент сбросил» of 'сброшен клиентом', «где ждём ответа от клиента» of 'ждёт
    клиента'). A phrase two values fit, or one after a negator, is no reading (the rules after it ask)."""
    found: list[tuple[Token, Token, str, str]] = []
    covered: set[int] = set()
    for k, word in enumerate(tokens):
        if k in covered or word.lang != "ru" or _negated_at(tokens, k):
            continue
        if word.lemmas & _CLAUSE_OPENERS:
            clause = _clause_after(tokens, k)
            hit = _meaning_in_clause(tokens[k + 1 : clause], table)
            if hit is not None:
                found.append((word, tokens[clause - 1], *hit))
                covered.update(range(k, clause))
            continue
        said = meaning_said([t for t in tokens[k:] if t.lang != "punct"], table)
        if said is not None and _contiguous(tokens, k, said[2]):
            column, value, count = said
            found.append((word, tokens[k + count - 1], column, value))
            covered.update(range(k, k + count))
    return found


def _negated_at(tokens: Sequence[Token], k: int) -> bool:
    """A negator right before word `k`, or a «не» in the clause it opens («которые не ждут клиента»)."""
    if k and tokens[k - 1].lower in _NEGATORS:
        return True
    if tokens[k].lemmas & _CLAUSE_OPENERS:
        return any(t.lower in _NEGATORS for t in tokens[k + 1 : _clause_after(tokens, k)])
    return False


def _clause_after(tokens: Sequence[Token], k: int) -> int:
    """Index of the token that closes the clause word `k` opens (a comma, a dash, the end)."""
    end = k + 1
    while end < len(tokens) and tokens[end].text not in _CLAUSE_MARKS:
        end += 1
    return end


def _contiguous(tokens: Sequence[Token], k: int, count: int) -> bool:
    """The `count` words from `k` follow one another with no punctuation between."""
    return k + count <= len(tokens) and all(t.lang != "punct" for t in tokens[k : k + count])


def _meaning_in_clause(words: Sequence[Token], table: Table) -> tuple[str, str] | None:
    """(column, value) of the one listed value of several words whose every word one word of the clause
    says by lemma, in any order («клиент сбросил» of 'сброшен клиентом'); None when none or two fit."""
    found = []
    for column in table.columns:
        for value in listed_values(column.comment):
            lemmas = _meaning_lemmas(value)
            if lemmas and all(any(w.lemmas & said for w in words) for said in lemmas):
                found.append((column.name, value))
    return found[0] if len(found) == 1 else None


def tables_of_said_meaning(tokens: Sequence[Token], tables: Sequence[Table]) -> list[tuple[Table, Token]]:
    """The tables one of whose columns lists, as a Russian meaning, a noun phrase the request starts a word
    with: a one-word meaning by lemma («нейтралов» of 'Сегмент: 2 — нейтрал'), or a meaning of several words
    said in order («руководителей группы» of 'Роль: 4 — руководитель группы'). Rows named by their kind when
    no word names a table (planner133); the caller keeps one table only. Each with the word that names it."""
    words = [t for t in tokens if t.lang != "punct"]
    found: list[tuple[Table, Token]] = []
    for k, word in enumerate(words):
        if word.lang != "ru" or not word.parses or word.parses[0].pos != "NOUN":
            continue
        if k and words[k - 1].lower in _NEGATORS:
            continue
        for table in tables:
            said = meaning_said(words[k:], table) is not None or _one_word_meaning(word, table)
            if said and all(table is not t for t, _ in found):
                found.append((table, word))
    return found


def meaning_phrase_spans(tokens: Sequence[Token], tables: Sequence[Table]) -> list[tuple[Table, int, int]]:
    """(table, start, end) of each phrase of two or more words, opening with a Russian noun or adjective,
    that one column of `table` lists as a Russian meaning («старших смены» of 'Роль: … 3 — старший смены'):
    a word inside it («смены») is part of the kind's name, not a table of its own (planner158)."""
    words = [t for t in tokens if t.lang != "punct"]
    found: list[tuple[Table, int, int]] = []
    for k, word in enumerate(words):
        if word.lang != "ru" or not word.parses or word.parses[0].pos not in ("NOUN", "ADJF"):
            continue
        if k and words[k - 1].lower in _NEGATORS:
            continue
        for table in tables:
            said = meaning_said(words[k:], table)
            if said is not None and said[2] >= 2:
                found.append((table, word.start, words[k + said[2] - 1].end))
    return found


def _one_word_meaning(word: Token, table: Table) -> bool:
    """`word` is by lemma a one-word Russian value a column of `table` lists."""
    return any(
        word.lemmas & lemmas
        for column in table.columns
        for value in listed_values(column.comment)
        if not value.isascii()
        for lemmas in _value_lemmas(value)
    )


def table_saying_meaning(tokens: Sequence[Token], tables: Sequence[Table]) -> Table | None:
    """The one of several tables the request's words name whose column lists a Russian meaning the request
    says: «Удовлетворённые жалобы» of complaints ('Статус: 3 — удовлетворена') beside csat_surveys
    'Опросы удовлетворённости', «Нарушения SLA по первому ответу» of sla_breaches ('Вид нарушения: 1 —
    первый ответ') beside nps_answers 'Ответы …'. None when no table or several do (planner133)."""
    words = [t for t in tokens if t.lang != "punct"]
    saying = [
        table
        for table in tables
        if meaning_phrases(tokens, table)
        or any(
            w.lang == "ru" and not (k and words[k - 1].lower in _NEGATORS) and _one_word_meaning(w, table)
            for k, w in enumerate(words)
        )
    ]
    return saying[0] if len(saying) == 1 else None


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
