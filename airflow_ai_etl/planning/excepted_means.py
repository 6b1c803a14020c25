"""A participle of means inside a list of rows left out (planner166).

«Заказы — кроме отменённых и оплаченных бонусами —»: «оплаченных бонусами» says HOW the rows were paid (the
README: «оплаченные через СБП» names the means only), and it is the second item of the list «кроме» opens, so
both items are left out: `status <> 'cancelled' AND payment_method <> 'bonus'`. Read as a run of listed
states, «оплаченных» joined «отменённых» as the status 'paid' under the «кроме» and the means stayed
un-negated (`status NOT IN ('cancelled', 'paid') AND payment_method = 'bonus'`): the kept rows inverted.
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.state_column import is_state_column

__all__ = ["means_participles"]

# prepositions of means between a participle of paying and its value («оплаченных через СБП», «по карте»)
_MEANS_PREPOSITIONS_RU = frozenset({"через", "по"})


def _is_participle(token: Token) -> bool:
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("PRTF", "PRTS")


def _said_as_means(token: Token) -> bool:
    """The instrumental («бонусами», «картой») or an adverb of manner («онлайн»): how, not what."""
    return bool(token.parses) and (
        any(p.case == "ablt" for p in token.parses[:2]) or token.parses[0].pos == "ADVB"
    )


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces between the two words (a comma ends the phrase)."""
    return not text[left.end : right.start].strip()


def _means_value_after(
    text: str, table: Table, words: Sequence[Token], hits: Sequence[dict[str, str]], k: int
) -> bool:
    """Word `k + 1` (or `k + 2` after «через»/«по») is a value of a column other than the status, said as a
    means: in the instrumental («бонусами»), as an adverb («онлайн») or after the preposition."""
    at = k + 1
    if at < len(words) and words[at].lower in _MEANS_PREPOSITIONS_RU and _adjacent(text, words[k], words[at]):
        at += 1
    elif at >= len(words) or not _said_as_means(words[at]):
        return False
    if at >= len(words) or not _adjacent(text, words[at - 1], words[at]):
        return False
    return any(not is_state_column(table, name) for name in hits[at])


def means_participles(
    text: str, table: Table, words: Sequence[Token], hits: Sequence[dict[str, str]]
) -> set[int]:
    """Indices of Russian participles (of `words`, the request's words without punctuation) that read as no
    value or only as a listed state and are followed by a means another column lists: the participle is the
    means' verb («оплаченных бонусами»), no state of its own."""
    return {
        k
        for k, word in enumerate(words)
        if all(is_state_column(table, name) for name in hits[k])
        and _is_participle(word)
        and _means_value_after(text, table, words, hits, k)
    }
