"""English words for a coded meaning written in Russian (planner134, issue 15).

A SMALLINT column whose comment gives its codes Russian meanings ('Результат: 1 — отвечен, 3 — сброшен
клиентом', 'Роль: 2 — специалист второй линии') is listed by those meanings (planning/codes.py); one an
English word of the value lexicon translates is listed in English ('закрыта' -> closed) and read as any
English code is. The others («сброшен клиентом», «на рассмотрении», «промоутер») are read here: an English
phrase says a meaning when its words cover every content word of it, lemma by lemma through MEANING_WORDS_EN,
VALUE_MEANINGS read backwards and the glossary's Russian synonyms, with only articles, auxiliaries and
particles between them ("the customer hung up on", "still under review", "second-line specialists"). A phrase
covering two meanings, or part of one, or said with a negation, is no reading: the rules after it ask,
quoting the words. A coded meaning naming rows ("NPS promoters", "first-line operators") also names the one
table listing it when no table noun is said (planning/offline.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from airflow_ai_etl.catalog import Column, Table, is_integer_type, listed_values
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.vocabulary import (
    BUILTIN_GLOSSARY,
    CYRILLIC,
    MEANING_WORDS_EN,
    VALUE_MEANINGS,
    stem,
)

# Prepositions of a meaning's words ('на рассмотрении', 'переведён на диспетчера'): the English phrase says
# them with its own ("under review", "to a dispatcher"), so only the other words must be covered.
_PREPOSITIONS_RU = frozenset({"на", "в", "во", "по", "с", "со", "от", "для", "к", "у", "из", "при"})
# English words a phrase saying a meaning holds besides its words: articles, relative pronouns, auxiliaries,
# particles of a phrasal verb ("hung up on"), the preposition of a state ("under review").
_FILLERS_EN = frozenset(
    {"the", "a", "an", "that", "which", "who", "were", "was", "is", "are", "be", "been", "being", "got",
     "get", "gets", "have", "has", "had", "by", "on", "up", "off", "out", "to", "under", "in", "still",
     "currently", "now", "already", "for"}
)  # fmt: skip
_NEGATORS_EN = frozenset({"not", "never", "no", "nor", "t"})  # "t" of "aren't" (the lexer splits it)
# "new rides": the new-rows cue before a noun (the README's modes rule); the meaning 'новая' is read only
# after the column word ("in status new"), by planning/filters.py's value rule
_NEW_ROWS_EN = frozenset({"new"})
_MAX_FILLERS = 4  # a phrase longer than its meaning by more than this says more than the meaning


@dataclass(frozen=True)
class MeaningPhrase:
    """An English phrase saying one listed Russian meaning: its words' span (with the fillers around them),
    where its first meaning word is, and the column and value it says."""

    start: int
    end: int
    position: int
    column: str
    value: str


def _plain(lemma: str) -> str:
    return lemma.lower().replace("ё", "е")


@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    """English stem -> the Russian lemmas it may say: MEANING_WORDS_EN, the value lexicon read backwards
    ("cancelled" -> отменить, "driver" -> водитель) and the glossary's one-word Russian synonyms ("customer"
    -> клиент)."""
    found: dict[str, set[str]] = {}
    for english, lemmas in MEANING_WORDS_EN.items():
        found.setdefault(stem(english), set()).update(_plain(x) for x in lemmas)
    for lemma, englishes in VALUE_MEANINGS.items():
        for english in englishes:
            if english.isalpha():
                found.setdefault(stem(english), set()).add(_plain(lemma))
    for english, synonyms in BUILTIN_GLOSSARY.items():
        for synonym in synonyms:
            if CYRILLIC.search(synonym) and " " not in synonym:
                said = {_plain(x) for t in tokenize(synonym) for x in t.lemmas}
                found.setdefault(stem(english), set()).update(said)
    return {k: frozenset(v) for k, v in found.items()}


def russian_lemmas(word: str) -> frozenset[str]:
    """The Russian lemmas an English word may say ("missed" -> пропустить); empty when no entry reads it."""
    return _lexicon().get(stem(word.lower()), frozenset())


@functools.lru_cache(maxsize=4096)
def meaning_words(value: str) -> tuple[frozenset[str], ...]:
    """Lemmas of each content word of a listed Russian value ('на_рассмотрении' -> ({рассмотрение},),
    'сброшен_клиентом' -> ({сбросить}, {клиент})); () for an English code, or a meaning with a negation
    («не дозвонились»: its English phrase is read by the negation rules, never as covered words)."""
    if not CYRILLIC.search(value):
        return ()
    parts = [p for p in re.split(r"[_\s]+", value.lower()) if p]
    if "не" in parts:
        return ()
    found = []
    for part in parts:
        if part in _PREPOSITIONS_RU:
            continue
        said = next(iter(tokenize(part)), None)
        if said is None or said.lang != "ru":
            return ()
        found.append(frozenset(_plain(x) for x in said.lemmas))
    return tuple(found)


def negated_meaning_words(value: str) -> tuple[frozenset[str], ...]:
    """The content words of a listed meaning opening with «не» ('не_дозвонились' -> ({дозвониться},)), which
    an English phrase says only with its own negation ("couldn't get through", "not reached"; marts113);
    () for any other value."""
    parts = [p for p in re.split(r"[_\s]+", value.lower()) if p]
    if len(parts) < 2 or parts[0] != "не" or "не" in parts[1:]:
        return ()
    return meaning_words("_".join(parts[1:]))


def english_meaning(word: str, listed: Sequence[str], coded: bool = False) -> str | None:
    """The one listed Russian value of one content word that the English `word` says ("new" of 'новая' after
    "in status"), or, of a coded column (`coded`), the English word a Russian meaning is listed as that
    `word` says as its synonym ("in status scheduled" of 'запланирован', listed as planned); None when none or
    several."""
    lemmas = russian_lemmas(word) if word.isascii() else frozenset()
    hits = [v for v in listed if len(w := meaning_words(v)) == 1 and w[0] & lemmas]
    if not hits and coded:
        hits = [v for v in listed if _synonym_lemmas(v) & lemmas and stem(word) != stem(v)]
    return hits[0] if len(hits) == 1 else None


def lists_code_meanings(column: Column) -> bool:
    """The planner's view of an integer column whose comment gives its codes meanings: values declared on a
    column of an integer type (planning/codes.py lists the meanings as its values)."""
    return bool(column.values) and is_integer_type(column.type)


@functools.lru_cache(maxsize=4096)
def _synonym_lemmas(value: str) -> frozenset[str]:
    """The Russian lemmas the value lexicon translates first as the English `value`, with other English
    words beside it (запланировать -> planned, scheduled): a coded meaning listed in English by that first
    word ('запланирован' -> planned, codes.py) is said by those other words too ("scheduled callbacks";
    fixreg30: planner157 read them against the Russian meaning before planner158 gave it its English word)."""
    if CYRILLIC.search(value):
        return frozenset()
    said = value.lower()
    return frozenset(
        _plain(k) for k, english in VALUE_MEANINGS.items() if len(english) > 1 and english[0] == said
    )


def _synonym_words(column: Column, value: str) -> tuple[frozenset[str], ...]:
    """The one content word of a coded column's meaning listed in English whose other English words say it
    too (see _synonym_lemmas); () for any other value."""
    lemmas = _synonym_lemmas(value) if lists_code_meanings(column) else frozenset()
    return (lemmas,) if lemmas else ()


def _parts(token: Token) -> list[frozenset[str]] | None:
    """The Russian lemmas each hyphen-joined part of an English word says ("second-line": второй, линия);
    None when a part says none (the word is no meaning's word)."""
    said = [russian_lemmas(p) for p in token.lower.split("-") if p]
    return said if said and all(said) else None


def _covers(
    tokens: list[Token], i: int, words: tuple[frozenset[str], ...], skip: Callable[[int], bool]
) -> int:
    """The index of the last word of the phrase starting at word `i` that covers every one of `words`, each
    by a different word (part), only fillers between them; -1 when it covers them not all."""
    covered: set[int] = set()
    fillers = 0
    for j in range(i, len(tokens)):
        token = tokens[j]
        if token.lang != "en" or skip(token.start):
            return -1
        parts = _parts(token)
        if parts is None:
            if token.lower not in _FILLERS_EN or j == i:
                return -1
            fillers += 1
            if fillers > _MAX_FILLERS:
                return -1
            continue
        for lemmas in parts:
            hit = next((k for k, w in enumerate(words) if k not in covered and w & lemmas), None)
            if hit is None:
                return -1  # a word saying something else: the phrase is not this meaning alone
            covered.add(hit)
        if len(covered) == len(words):
            return j
    return -1


def _negated_before(tokens: list[Token], i: int) -> bool:
    """A negation among the fillers right before word `i` ("that were not upheld", "aren't upheld")."""
    j = i - 1
    while j >= 0 and (
        tokens[j].lower in _FILLERS_EN or tokens[j].text == "'" or tokens[j].lower in _NEGATORS_EN
    ):
        if tokens[j].lower in _NEGATORS_EN:
            return True
        j -= 1
    return False


# Words of a negated English verb phrase before its negation ("we couldn't", "the agent did not"): a
# subject pronoun and a modal or auxiliary, read with the phrase that says a «не» meaning.
_NEGATED_VERB_LEAD_EN = frozenset(
    {"we", "they", "i", "you", "could", "couldn", "did", "didn", "can", "cannot", "was", "wasn", "were",
     "weren", "would", "wouldn", "do", "don", "does", "doesn"}
)  # fmt: skip


def _negation_start(tokens: list[Token], i: int, start: int) -> int:
    """The offset where the negated phrase before word `i` opens ("we couldn't get through"): back over the
    fillers, the negation, its apostrophe and the auxiliaries and pronoun leading it."""
    j = i - 1
    while j >= 0 and (
        tokens[j].lower in _FILLERS_EN | _NEGATORS_EN | _NEGATED_VERB_LEAD_EN or tokens[j].text == "'"
    ):
        j -= 1
    return min(start, tokens[j + 1].start) if j + 1 < i else start


def _span(tokens: list[Token], i: int, last: int) -> tuple[int, int]:
    """The words `i`..`last` with the fillers right before them ("that were", "still under") and the
    particles right after them ("up on" of "hung up on")."""
    first = i
    while first > 0 and tokens[first - 1].lang == "en" and tokens[first - 1].lower in _FILLERS_EN:
        first -= 1
    end = last
    while end + 1 < len(tokens) and tokens[end + 1].lower in ("up", "on", "off", "out", "by"):
        end += 1
    return tokens[first].start, tokens[end].end


_JOINERS_EN = frozenset({"or", "and", "nor"})


def _says_listed(word: str, listed: Sequence[str]) -> bool:
    """The English `word` is a listed value, or says one (its Russian meaning or a synonym of its code)."""
    lemmas = russian_lemmas(word)
    return word in {v.lower() for v in listed} or any(
        (len(w := meaning_words(v)) == 1 and w[0] & lemmas) or _synonym_lemmas(v) & lemmas for v in listed
    )


def _joined_to_unread(tokens: list[Token], i: int, listed: Sequence[str]) -> bool:
    """Word `i` is joined by or/and to an English word saying no listed value ("scheduled or missed"): a
    list of states the value-list rules read or ask about; its synonym alone would load too few rows."""
    for joiner, other in ((i + 1, i + 2), (i - 1, i - 2)):
        if 0 <= other < len(tokens) and tokens[joiner].lower in _JOINERS_EN and tokens[other].lang == "en":
            if not _says_listed(tokens[other].lower, listed):
                return True
    return False


def joined_to_unread(text: str, start: int, listed: Sequence[str]) -> bool:
    """The word of `text` at offset `start` is joined by or/and to an English word saying none of `listed`
    ("in status scheduled or missed"): no synonym of a code is read there (see _joined_to_unread)."""
    tokens = list(tokenize(text))
    i = next((k for k, t in enumerate(tokens) if t.start == start), None)
    return i is not None and _joined_to_unread(tokens, i, listed)


def english_meaning_phrases(text: str, table: Table, skip: Callable[[int], bool]) -> list[MeaningPhrase]:
    """Each English phrase of `text` saying exactly one listed Russian meaning of `table`'s columns (words at
    an offset `skip` says another rule read are no part of one)."""
    tokens = list(tokenize(text))
    found: list[MeaningPhrase] = []
    for column in table.columns:
        for value in listed_values(column.comment):
            words, negated = meaning_words(value), False
            if not words:  # 'не дозвонились': said by the English words with their negation only
                words = negated_meaning_words(value)
                negated = bool(words)
            synonym = not words and bool(words := _synonym_words(column, value))
            if not words:
                continue
            for i, token in enumerate(tokens):
                if token.lang != "en" or (len(words) == 1 and token.lower in _NEW_ROWS_EN):
                    continue
                if synonym and (
                    stem(token.lower) == stem(value)
                    or _joined_to_unread(tokens, i, listed_values(column.comment))
                ):
                    continue  # "planned" of 'planned': the English code itself, read by the value rules
                last = _covers(tokens, i, words, skip)
                if last < 0 or _negated_before(tokens, i) != negated:
                    continue
                start, end = _span(tokens, i, last)
                if negated:
                    start = _negation_start(tokens, i, start)
                found.append(MeaningPhrase(start, end, token.start, column.name, value))
    # words two meanings would fit («водитель первого класса» and a bare «водитель») say neither
    return [
        p for p in found if not any(q is not p and q.position < p.end and p.position < q.end for q in found)
    ]


def _names_rows(value: str) -> bool:
    """A meaning that may name the rows themselves: of two words or more ('специалист второй линии') or a
    noun ('промоутер'); a participle alone ('пропущен') says a state of rows another word names."""
    if len(meaning_words(value)) > 1:
        return True
    said = [t for t in tokenize(value.replace("_", " ")) if t.lang == "ru"]
    return len(said) == 1 and bool(said[0].parses) and said[0].parses[0].pos == "NOUN"


def tables_named_by_meaning(text: str, tables: Sequence[Table]) -> list[Table]:
    """The tables of `tables` an English phrase of `text` names by a coded meaning that names rows ("NPS
    promoters" of 'Сегмент: 3 — промоутер', "first-line operators" of 'Роль: 1 — оператор первой линии')."""
    return [
        t
        for t in tables
        if any(_names_rows(p.value) for p in english_meaning_phrases(text, t, lambda _: False))
    ]


def table_of_meaning(text: str, hits: dict[str, tuple[Table, list[tuple[int, int]]]]) -> Table | None:
    """The one of several tables the request's words name whose coded meaning an English phrase says, when
    every word naming another table is inside that phrase ("calls the driver hung up on" of hotline_calls'
    'сброшен водителем', "driver" naming drivers too); None otherwise."""
    spans = {
        name: [(p.start, p.end) for p in english_meaning_phrases(text, table, lambda _: False)]
        for name, (table, _) in hits.items()
    }
    saying = [name for name, found in spans.items() if found]
    if len(saying) != 1:
        return None
    kept = saying[0]
    inside = all(
        any(a <= start and end <= b for a, b in spans[kept])
        for name, (_, words) in hits.items()
        if name != kept
        for start, end in words
    )
    return hits[kept][0] if inside else None
