"""The words a flag was read from (fixreg28b): «согласием на смс» of sms_opt_in 'Согласие на SMS-рассылку'
is read from «согласием», and «на смс» goes on as the comment does (the same preposition after the same
word, then a word of the comment's next one: by stem, by meaning or spelled by ear, «смс» ~ SMS). Those
words are the flag's phrase, read with it, so no residue rule asks about «на смс» as a condition of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.vocabulary import stem, words

# the prepositions a flag's comment continues its word with ('Доступно для заказа', 'Согласие на SMS')
PHRASE_PREPOSITIONS = frozenset({"для", "в", "во", "на", "по", "for", "in", "on"})


def phrase_rest(comment: str, tokens: Sequence[Token], k: int) -> list[Token] | None:
    """The preposition and noun after `tokens[k]` that continue the flag's comment past the word `tokens[k]`
    said; empty when no such preposition follows; None when the request goes on otherwise than the comment
    («согласием на звонки» is no 'Согласие на SMS-рассылку': the flag is not what it says)."""
    if k + 2 >= len(tokens) or tokens[k + 1].lower not in PHRASE_PREPOSITIONS:
        return []
    said = stem(tokens[k].lower)
    prep, noun = tokens[k + 1], tokens[k + 2]
    comment_words = words(comment)
    continued = False
    for i in range(len(comment_words) - 2):
        if stem(comment_words[i]) != said or comment_words[i + 1] != {"во": "в"}.get(prep.lower, prep.lower):
            continue
        continued = True
        if any(_same_word(noun, word) for word in comment_words[i + 2 :]):
            return [prep, noun]
    return None if continued else []


def _same_word(token: Token, word: str) -> bool:
    """The request's word is the comment's word: by stem, by lemma, or a Cyrillic spelling of a Latin one."""
    return stem(token.lower) == stem(word) or word in token.lemmas or transliterates(token.lower, word)
