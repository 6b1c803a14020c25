"""The polarity of a negated clause over a yes/no column, checked once every rule has read (planner159).

A rule that reads a flag from the words of its comment ('Согласие на SMS-рассылку' of sms_opt_in, 'Есть
детское кресло' of has_child_seat) reads the words, not the verb before them: «которые не давали согласия на
SMS-рассылку», «у которых нет согласия», "who did not give SMS consent", "cars that don't have a child seat"
were `= true`, the rows inverted (the worst kind of wrong). A «не»/«нет»/"not"/"no"/"n't" in the same clause
before the flag's words, with only the clause's verbs between (no other condition read, no comma, no
«и»/"and"), negates it: `= true` becomes `= false`. A flag read `= false` already took its negation; a
comment that says «не» itself ('Тариф в архиве (не продаётся)') is left as read.
"""

from __future__ import annotations

import re

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.request import Request

__all__ = ["negated_flags"]

_NEGATORS = frozenset({"не", "нет", "not", "no", "never"})
# a negator of a comparison or a limit, not of the clause: «не только», "not only", «не больше»
_NOT_A_CLAUSE_NEGATION = frozenset(
    {"только", "лишь", "более", "менее", "больше", "меньше", "раньше", "позже", "позднее", "ранее",
     "only", "just", "more", "less", "later", "earlier", "before", "after", "longer"}
)  # fmt: skip
# words that end a clause's verb group: another condition may start after them
_RELATIVE_WORDS = frozenset({"кто", "где", "who", "that", "which", "whose"})
_CLAUSE_JOINERS = frozenset({"и", "или", "либо", "а", "но", "and", "or", "but", "plus", "плюс"})
_MAX_WORDS_BACK = 6
_TRUE = re.compile(r"^(\w+) = true$")


def _is_negator(tokens: list[Token], k: int) -> bool:
    """«не», "not", or the "t" of "haven't"/"don't" (the tokenizer splits the apostrophe off)."""
    word = tokens[k].lower
    if word in _NEGATORS:
        return True
    return word == "t" and k >= 2 and tokens[k - 1].text == "'" and tokens[k - 2].lower.endswith("n")


def _is_participle(token: Token) -> bool:
    """«не давших согласия»: a Russian participle after the negator opens a clause of its own."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("PRTF", "PRTS")


def _opens_relative_clause(tokens: list[Token], negator: int) -> bool:
    """A relative word («которые», «у которых», «кто», "who", "that") before the negator in its clause: the
    negation is the clause's predicate, not a wish about the rows ("we don't want the roaming ones") nor a
    negation of a phrase ("not the non-original ones"), which other rules read."""
    for k in range(negator - 1, max(-1, negator - 4), -1):
        token = tokens[k]
        if token.lang == "punct" and token.text != "'":
            return False
        if token.lemma == "который" or token.lower in _RELATIVE_WORDS:
            return True
    return False


def _negated_before(tokens: list[Token], at: int, others: list[int]) -> int | None:
    """The index of a clause negator before token `at` with only the clause's own words between: no
    punctuation, no joiner, no position another condition was read at; None when there is none."""
    words = 0
    k = at - 1
    while k >= 0 and words < _MAX_WORDS_BACK:
        token = tokens[k]
        if token.lang == "punct" and token.text != "'":
            return None
        if token.lower in _CLAUSE_JOINERS or any(token.start <= p < tokens[at].start for p in others):
            return None
        if _is_negator(tokens, k):
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or after.lower in _NOT_A_CLAUSE_NEGATION:
                return None
            return k if _opens_relative_clause(tokens, k) or _is_participle(after) else None
        words += token.lang != "punct"
        k -= 1
    return None


def _flag_own_word(token: Token, name: str, comment: str) -> bool:
    """The flag was read from a word of its own name or comment («согласия» of 'Согласие на SMS-рассылку',
    "child" of has_child_seat), not from its opposite ("open" of is_closed 'Отделение закрыто', whose rule
    took the negation before it)."""
    own = set(re.split(r"[^\w]+|_", f"{name} {comment}".lower().replace("ё", "е")))
    stem = token.lower.replace("ё", "е")[:5]
    if any(word.startswith(stem) or (len(word) >= 3 and stem.startswith(word)) for word in own if word):
        return True
    # «чёрный» of 'В чёрном списке': a stem of five letters cuts into the ending («черны»/«черном»), the
    # lemmas agree
    return len(token.lemma) >= 3 and token.lemma in {t.lemma for t in tokenize(comment) if t.lang == "ru"}


def negated_flags(
    request: Request, table: Table, found: dict[str, tuple[int, str]], written: set[str]
) -> None:
    """Turn `col = true` into `col = false` where a clause negator stands before the flag's words."""
    tokens = tokenize(request.text)
    for name, (position, condition) in list(found.items()):
        matched = _TRUE.match(condition)
        column = table.column(name)
        if matched is None or matched.group(1) != name or condition in written or column is None:
            continue
        if "bool" not in column.type.lower():
            continue
        if {t.lower for t in tokenize(column.comment or "")} & _NEGATORS:
            continue  # 'Тариф в архиве (не продаётся)': «не продаются» is the comment's own words
        at = next((k for k, t in enumerate(tokens) if t.start <= position < t.end), None)
        if at is None or not _flag_own_word(tokens[at], column.name, column.comment or ""):
            continue  # "branches that are not open" of is_closed: an opposite word read its negation already
        others = [p for p in request.read_at if p != position]
        negator = _negated_before(tokens, at, others)
        if negator is not None:
            found[name] = (position, f"{name} = false")
            # read: «не попавшие в чёрный список» is no «не попадают» (don't load) scope turning it back
            request.handled.append((tokens[negator].start, tokens[negator].end))
