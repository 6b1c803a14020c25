"""A listed code said by a verb (planner128): with its object, or negated.

A verb and its object: «заказ-наряды, которые ждут запчасти» is the rows whose status is 'waiting_parts'
('Статус заказ-наряда (open, in_progress, waiting_parts, done, cancelled)'). A negated English verb: "people
who didn't show up" is the rows whose status is 'no_show'.

The object («запчасти») names a table of its own (service.parts), but right after a present verb whose meaning
is one part of a listed code and itself meaning the code's other part, it says the rows' state with the verb:
it heads no table. A verb and an object that make no listed code together leave the table named.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.lexer import Token, in_present, tokenize
from airflow_ai_etl.planning.vocabulary import VALUE_MEANINGS, name_parts, stem


def _meanings(word: Token, kinds: tuple[str, ...]) -> set[str]:
    """Stems of the English words VALUE_MEANINGS gives the word's readings of the parts of speech `kinds`."""
    lemmas = {p.lemma for p in word.parses if p.pos in kinds}
    return {stem(m) for lemma in lemmas for m in VALUE_MEANINGS.get(lemma, ())}


def says_code_with_verb(verb: str, noun: str, table: Table) -> bool:
    """`verb` (a Russian verb in the present) and `noun` right after it each mean a different part of one code
    a column of `table` lists: «ждут запчасти» -> waiting_parts. Only a two-part reading counts: the verb
    alone («ждут») is read by the filter rules, and the object then heads no table."""
    said_verb = next(iter(tokenize(verb)), None)
    said_noun = next(iter(tokenize(noun)), None)
    if said_verb is None or said_noun is None or said_verb.lang != "ru" or said_noun.lang != "ru":
        return False
    if not in_present(said_verb.lower):
        return False
    acts, things = _meanings(said_verb, ("VERB", "INFN")), _meanings(said_noun, ("NOUN",))
    if not acts or not things:
        return False
    for column in table.columns:
        for value in listed_values(column.comment):
            parts = set(name_parts(value.lower()))
            if acts & parts and things & parts and not acts & things:
                return True
    return False


# "didn't show up", "did not reply", "never showed": an English verb negated before it
_NEGATED_VERB = r"(?:did(?:n['’]?t|\s+not)|do(?:n['’]?t|\s+not)|does(?:n['’]?t|\s+not)|never)\s+"
_PARTICLE = r"(?:\s+(?:up|in|out))?"


def negated_verb_codes(
    lower: str, listed: dict[str, tuple[str, ...]]
) -> list[tuple[int, int, int, str, str]]:
    """(start, verb, end, column, value) of each listed code "no_<verb>" the request says as that verb
    negated: "people who didn't show up" -> no_show ('Статус записи (booked, attended, cancelled,
    no_show)'). The negation is the code's own first part, so it turns nothing around (planner128). `start`
    is where the words read begin (the people the clause is said of, "of people who"), `verb` where the
    negated verb does."""
    found = []
    for name, values in listed.items():
        for value in values:
            parts = [p for p in re.split(r"[_\s-]+", value.lower()) if p]
            if len(parts) != 2 or parts[0] != "no" or not parts[1].isalpha():
                continue
            verb = re.escape(parts[1]) + r"(?:s|ed|n)?"
            match = re.search(r"(?<![\w-])" + _NEGATED_VERB + verb + _PARTICLE + r"(?![\w-])", lower)
            if match:
                found.append((_with_subject(lower, match.start()), match.start(), match.end(), name, value))
    return found


# "of people who didn't show up": who did not come, said of the people the rows are about
_PEOPLE_SUBJECT = re.compile(
    r"(?:\bof\s+)?(?:the\s+)?\b(?:people|persons?|guests?|clients?|customers?|members?|owners?|patients?|"
    r"readers?|visitors?|attendees?|participants?)\s+(?:who|that)\s+$"
)


def _with_subject(lower: str, start: int) -> int:
    """Where the clause of the negated verb at `start` begins, with the people it is said of ("of people
    who ..."): those words are read with it."""
    subject = _PEOPLE_SUBJECT.search(lower, max(0, start - 60), start)
    return subject.start() if subject else start
