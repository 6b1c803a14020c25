"""A verb of loading again next to an upsert with its keys: «перегружать после врачей, апсерт по ward+bed_no».

«перегружать», «перезаливать», "reload" are REPLACE words in the lexicon (a whole-table copy), and a request
naming a replace word and a merge word at once is asked which mode it means. When the only replace word is
such a verb and the request names an upsert together with the key columns it merges on, the verb only says
"load it again" (each run, each time an upstream load finishes) and the upsert is the mode: the keys leave no
doubt, and a full copy has none. A whole-table word («целиком», «полностью», "full", "overwrite",
"truncate") keeps the question («перезаливать целиком и мержить по id»).
"""

from __future__ import annotations

from collections.abc import Sequence

from airflow_ai_etl.planning.lexer import Token
from airflow_ai_etl.planning.lexicon import is_

__all__ = ["reload_verb_with_keys"]

# The replace words that are verbs of loading again (Russian parts of speech; English forms of "reload").
_VERB_POS = frozenset({"INFN", "VERB", "GRND"})
_EN_RELOAD = frozenset({"reload", "reloads", "reloaded", "reloading", "re-load", "re-loaded"})
# Words that say the whole table is copied, beside the lexicon's («целиком», «полностью»): a reload with one
# of them and an upsert is still two modes.
_WHOLE = frozenset({
    "full", "fully", "entire", "entirely", "whole", "completely", "scratch",
    "заново", "нуля", "всю", "полную", "полной", "полная", "полный",
})  # fmt: skip


def _reload_verb(token: Token) -> bool:
    if token.lang == "en":
        return token.lower in _EN_RELOAD
    if token.lang != "ru" or not is_(token, "REPLACE") or not token.parses:
        return False
    first = token.parses[0]
    # a jargon verb the dictionary lacks is read as a noun of its lemma: «перезаливай» keeps the verb's stem
    # and theme vowel («перезалива-»), «перезаливка» does not
    return first.pos in _VERB_POS or (first.lemma.endswith("ть") and token.lower.startswith(first.lemma[:-2]))


def reload_verb_with_keys(tokens: Sequence[Token]) -> bool:
    """Every replace word of ``tokens`` is a verb of loading again and an upsert names its key columns
    («мерж по student_id+course_id», "upsert on product_id + warehouse"): the upsert is the mode."""
    from airflow_ai_etl.planning import grammar

    verbs = [t for t in tokens if _reload_verb(t)]
    if not verbs:
        return False
    others = [t for t in tokens if not _reload_verb(t)]
    if grammar.replace_mode(others) is not None or any(t.lower in _WHOLE for t in tokens):
        return False  # «перезаливать целиком …, мержить по id», "reload in full": a whole-table word
    if grammar.merge_mode(tokens) is None:
        return False
    # a key cue («апсерт по», "upsert on", «по ключу») with a key after it: a column name or a noun
    return any(
        isinstance(cue.value, int) and cue.value < len(tokens) and _key_word(tokens[cue.value])
        for cue in grammar.key_cues(tokens)
    )


def _key_word(token: Token) -> bool:
    if token.lang == "en":
        return token.lower.replace("_", "a").isalnum() and token.lower[0].isalpha()
    return token.lang == "ru" and any(p.pos == "NOUN" for p in token.parses[:1])
