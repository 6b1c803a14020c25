"""Yes/no columns named by the words of their comment: «звонки в роуминге» ('Звонок в роуминге' ->
is_roaming), «тарифы не в архиве» ('Тариф в архиве' -> is_archived = false), «архивные тарифы» (an adjective
of the comment's noun), «только eSIM-ки» ('Электронная SIM (eSIM)'), "calls in roaming", "tariffs not
archived" (the column's name).

A boolean column's *flag words* are what its comment says about the row, not what the row is: the nouns of
its prepositional phrases («в роуминге», «в архиве», «с телеметрией»), its adjectives («электронная»,
«умный»), its Latin words (eSIM) and the parts of its name (roaming, archived), less the words that name the
table itself ('Звонок', 'SIM', 'Тариф'). A request word meets a flag word by lemma, as an adjective made from
the noun (архивный from архив, роуминговый from роуминг), or as a Latin word with a
Russian ending («eSIM-ки»).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.colloquial import skeleton, transliterates
from airflow_ai_etl.planning.lexer import Token, analyse, tokenize
from airflow_ai_etl.planning.vocabulary import (
    NEGATED_STATE_WORDS_EN,
    STATE_JARGON_EN,
    VALUE_MEANINGS,
    name_parts,
    stem,
    words,
)

# Name parts that say nothing of the state (is_archived, has_photo, seal_ok).
_NAME_NOISE = frozenset({"is", "has", "flag", "ok", "yes", "no"})
# Comment words so general that they name no state («признак», «флаг», «сейчас»).
_COMMENT_NOISE = frozenset({"признак", "флаг", "отметка", "есть", "наличие", "да", "нет", "flag"})
# Words between a negation and the flag word: «не в архиве», "not in roaming", "outside of roaming".
_LINKS = frozenset(
    {"в", "во", "на", "с", "со", "из", "in", "on", "at", "with", "the", "a", "an", "are", "is", "were", "of"}
)
# Copulas between a negation and the flag word, by lemma: «не являющихся резидентами», «не будучи в архиве».
_LINK_LEMMAS = frozenset({"являться", "быть"})
# Relative words that open a clause about the rows: «те, что работают», «которые работают», «кто работает».
_RELATIVE_LEMMAS = frozenset({"что", "который", "кто"})
# «вне роуминга», "outside roaming" say the flag does not hold, as «не в роуминге» does.
NEGATIONS = frozenset({"не", "not", "non", "no", "без", "without", "нет", "вне", "outside"})


# A bracket that opens with a negation: 'Доступно для заказа (не в стоп-листе)', 'Самозанятый (не в штате)'
NEGATED_BRACKET = re.compile(r"\(\s*(?:не|not)\s[^()]*\)", re.IGNORECASE)


@dataclass(frozen=True)
class FlagWords:
    """What a boolean column's comment and name say about a row: lemmas of nouns (in an oblique case),
    lemmas of adjectives, Latin words and name-part stems."""

    nouns: frozenset[str]
    adjectives: frozenset[str]
    latin: frozenset[str]
    parts: frozenset[str]
    predicates: frozenset[str] = frozenset()  # lemmas of short forms: 'Платёж просрочен' -> просрочить
    # the comment's subject noun when it is the state itself: 'Подозрение на мошенничество' -> подозрение
    heads: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # lemmas of finite verbs: 'Отель работает' -> работать
    # stems of adverbs: 'Работает круглосуточно' -> круглосуточн (said as the adjective «круглосуточные»)
    adverbs: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=2048)
def flag_words(column: Column, table_stems: frozenset[str]) -> FlagWords:
    """The flag words of `column`, less those whose stem is in `table_stems` (the table's own nouns)."""
    nouns: set[str] = set()
    adjectives: set[str] = set()
    latin: set[str] = set()
    predicates: set[str] = set()
    heads: set[str] = set()
    verbs: set[str] = set()
    adverbs: set[str] = set()
    # '(не в стоп-листе)', '(не в штате)': a negated bracket says the opposite state, never the flag's own
    comment = NEGATED_BRACKET.sub(" ", column.comment or "")
    after_preposition = False
    tokens = tokenize(comment)
    for k, token in enumerate(tokens):
        governed, after_preposition = after_preposition, bool(token.parses) and token.parses[0].pos == "PREP"
        # '(DC)': two capitals are an abbreviation of the state, as a longer Latin word is
        if token.lang == "en" and (len(token.lower) >= 3 or re.fullmatch(r"[A-Z]{2}", token.text)):
            if stem(token.lower) not in table_stems and not table_stems & set(name_parts(token.lower)):
                latin.add(token.lower)
            continue
        latin |= _latin_parts(token.lower, table_stems)  # 'VIP-клиент': the Latin half says the state
        if token.lang != "ru" or not token.parses or token.lemma in _COMMENT_NOISE:
            continue
        first, root = token.parses[0], stem(token.lemma)
        if _adjective_before_noun(token, tokens[k + 1 : k + 2]):
            first = next(p for p in token.parses if p.pos == "ADJF")
        if first.pos == "VERB":  # 'Агент работает': a verb is no noun of the table ('Дата приёма на работу')
            verbs.add(token.lemma)
            continue
        if first.pos == "ADVB" and len(root) >= 6:  # 'Работает круглосуточно': «круглосуточные» (planner84)
            adverbs.add(root)
            continue
        if len(token.lemma) < 4 or any(
            len(s) >= 4 and (s.startswith(root) or root.startswith(s)) for s in table_stems
        ):
            continue  # 'Тарифные планы' of 'Тариф в архиве': the table's own noun
        oblique = not any(p.case == "nomn" for p in token.parses if p.pos == "NOUN")
        # ... in a case no nominative shares («в перечень» may be the subject's form: 'перечень' is none)
        governed = governed and any(p.case not in ("nomn", "accs") for p in token.parses if p.pos == "NOUN")
        # 'Продано по акции': after a preposition the noun is in an oblique case, though «акции» may read as a
        # nominative plural too; with no subject noun before it, it says the state (planner84: «проданные по
        # акции» lost is_promo); after one ('Подозрение на мошенничество') it is part of the subject's phrase
        # 'Входит в перечень ЖНВЛП': a Cyrillic abbreviation names the one list, register or body the state
        # is about, whatever its case (ah-ru-009: «препараты из перечня ЖНВЛП» lost is_vital)
        abbreviation = token.text.isupper() and len(token.text) >= 3
        if first.pos == "NOUN" and (oblique or abbreviation or governed and not heads):
            nouns.add(token.lemma)
        elif first.pos == "NOUN" and not nouns and not heads:
            heads.add(token.lemma)  # the first nominative noun only: the subject, not a noun it governs
        elif first.pos in ("ADJF", "PRTF"):
            adjectives.add(token.lemma)
        elif first.pos in ("ADJS", "PRTS"):
            predicates.add(token.lemma)
    parts = {p for p in name_parts(column.name) if p not in _NAME_NOISE and len(p) >= 4} - table_stems
    parts |= _spoken_short_parts(column, table_stems)
    return FlagWords(
        frozenset(nouns),
        frozenset(adjectives),
        frozenset(latin),
        frozenset(parts),
        frozenset(predicates),
        frozenset(heads),
        frozenset(verbs),
        frozenset(adverbs),
    )


def _adjective_before_noun(token: Token, after: Sequence[Token]) -> bool:
    """'Старший мастер': a word pymorphy reads first as a noun («старший», a senior person) that also reads as
    an adjective in the case of the noun right after it modifies that noun (the state of the row's noun, as
    «умный» of 'Умный счётчик'), so it is the flag's adjective, not the comment's subject (marts123)."""
    if not token.parses or token.parses[0].pos != "NOUN" or not after or not after[0].parses:
        return False
    nouns = {p.case for p in after[0].parses if p.pos == "NOUN"}
    return any(p.pos == "ADJF" and p.case in nouns for p in token.parses)


def _spoken_short_parts(column: Column, table_stems: frozenset[str]) -> set[str]:
    """Three-letter name parts the comment says again by ear ('Базовый аэропорт (хаб)' of is_hub -> hub): too
    short to count alone (is_new would read "new rows"), they name the state when the comment confirms them
    (planner59: "airports that are hubs" lost is_hub)."""
    said = [t.lower for t in tokenize(column.comment or "") if t.lang == "ru"]
    return {
        p
        for p in name_parts(column.name)
        if len(p) == 3 and p not in _NAME_NOISE and p not in table_stems and any(_spells(w, p) for w in said)
    }


def _spells(word: str, part: str) -> bool:
    """A comment's Cyrillic word spells a short name part by ear as written ('хаб' ~ hub; a comment says its
    words in the nominative, so no ending is stripped: stemming «хаб» leaves one consonant)."""
    return (word[0] in "аеёиоуыэюя") == (part[0] in "aeiou") and skeleton(word) == skeleton(part)


def _latin_parts(word: str, table_stems: frozenset[str]) -> set[str]:
    """The Latin halves of a hyphenated comment word ('VIP-клиент' -> vip), less the table's own nouns."""
    if "-" not in word:
        return set()
    return {
        part for part in word.split("-") if re.fullmatch(r"[a-z]{3,}", part) and stem(part) not in table_stems
    }


def of_table(table: Table) -> tuple[tuple[str, FlagWords], ...]:
    """(name, flag words) of each boolean column of `table`, less the words of the table's own name and
    comment ('SIM-карты' of sim_cards: «SIM» is no flag word of is_esim) and of its other columns' comments.
    Not cached by table: a Table may hold its columns in a list (unhashable); each column's words are.
    """
    own = frozenset(name_parts(table.name)) | frozenset(stem(w) for w in words(table.comment or ""))
    found = []
    for column in table.columns:
        if "bool" not in column.type.lower():
            continue
        # a word other columns' comments use names the thing the table holds, not a state of the row
        others = frozenset(stem(w) for c in table.columns if c is not column for w in words(c.comment or ""))
        found.append((column.name, flag_words(column, own | others)))
    return tuple(found)


def negated_of_table(table: Table) -> tuple[tuple[str, FlagWords], ...]:
    """(name, words of its negated bracket) of each boolean column whose comment has one: «стоп-лист» of
    is_available 'Доступно для заказа (не в стоп-листе)' says the flag does not hold (planner75: «блюда из
    стоп-листа» was is_available = true)."""
    own = frozenset(name_parts(table.name)) | frozenset(stem(w) for w in words(table.comment or ""))
    found = []
    for column in table.columns:
        bracket = NEGATED_BRACKET.search(column.comment or "")
        if "bool" in column.type.lower() and bracket is not None:
            inside = re.sub(r"^\(\s*(?:не|not)\s", "", bracket.group(0), flags=re.IGNORECASE).rstrip(")")
            found.append((column.name, flag_words(Column("", column.type, comment=inside), own)))
    return tuple(found)


def names_negated_state(token: Token, said: FlagWords) -> bool:
    """`token` says the state a flag's negated bracket names: as `names_flag` reads it, or an English word
    whose Russian lemma (NEGATED_STATE_WORDS_EN) is the bracket's noun ("staff" of '(не в штате)', "stop list"
    of '(не в стоп-листе)': planner157, every English row was loaded)."""
    if token.lang == "en" and set(NEGATED_STATE_WORDS_EN.get(token.lower, ())) & said.nouns:
        return True
    return names_flag(token, said)


def names_flag(token: Token, said: FlagWords) -> bool:
    """`token` says the state `said` describes: the same noun or adjective, an adjective made from the noun
    («архивные» of «в архиве»), the Latin word with or without a Russian ending («eSIM-ки»), a name part."""
    if token.lang == "en" and "-" in token.lower:
        # "round-the-clock", "24-hour" of is_round_the_clock: the hyphenated words (or the jargon's plain
        # ones) are every long part of the flag's name (planner121: the flag was dropped)
        pieces = STATE_JARGON_EN.get(token.lower) or tuple(p for p in token.lower.split("-") if len(p) >= 4)
        if len(pieces) >= 2 and all(stem(p) in said.parts for p in pieces):
            return True
    # "e-sim" is eSIM written with a hyphen
    latin = re.fullmatch(
        r"([a-z][a-z0-9]{2,})(?:-[а-яё]{1,4})?", re.sub(r"(?<=^[a-z])-(?=[a-z])", "", token.lower)
    )
    if latin:
        word = latin.group(1)
        plain = (word, *STATE_JARGON_EN.get(word, ()))  # "storno" of is_refunded: the jargon's plain words
        return any(m in said.latin or stem(m) in said.parts for m in plain)
    if re.fullmatch(r"[A-Z]{2}", token.text) and token.lower in said.latin:
        return True  # «только DC» of 'Быстрая зарядка постоянным током (DC)': two capitals the comment writes
    if _first_half_names(token.lower, said):  # «VIP-клиентов», «вип-клиенты» of 'VIP-клиент'
        return True
    if token.lang != "ru" or not token.parses:
        return False
    meant = [m for lemma in token.lemmas for m in VALUE_MEANINGS.get(lemma, ())]
    if any(m in said.latin or stem(m) in said.parts for m in meant):
        return True  # «вип» of 'VIP-клиент', «сигнализации» of has_alarm: the Latin word said in Russian
    if token.lemmas & (said.nouns | said.adjectives):
        return True
    if any(len(part) == 3 and transliterates(token.lower, part) for part in said.parts):
        return True  # «хабами» of is_hub ('(хаб)'): the short part the comment says by ear
    if deverbal_verbs(token) & (said.predicates | said.adjectives | said.verbs):
        return True  # «без стерилизации» of 'Стерилизовано': the noun of the comment's verb (planner158)
    if token.parses[0].pos not in ("ADJF", "PRTF"):
        return False
    if token.lemmas & said.predicates:  # «закрытых» of 'Отделение закрыто': the participle of the predicate
        return True
    if stem(token.lemma) in said.adverbs:  # «круглосуточные» of 'Работает круглосуточно': the adverb's
        return True
    # «архивный» from «архив», «роуминговый» from «роуминг»: the adjective's lemma starts with the noun
    if any(_adjective_of_noun(token.lemma, noun) for noun in said.nouns):
        return True
    # «подозрительные» of 'Подозрение на мошенничество': an adjective of the root of the comment's subject
    # noun when that noun is the state itself (planner50)
    return any(_shared_root(stem(token.lemma), stem(head)) for head in said.heads)


# planner158: the suffixes of a Russian action noun and of its verb (стерилиз-ация ~ стерилиз-овать,
# вакцин-ация ~ вакцин-ировать, кастр-ация ~ кастр-ировать): the noun names the process whose participle a
# flag's comment says
_ACTION_NOUN_SUFFIXES = ("ация",)
_ACTION_VERB_SUFFIXES = ("овать", "ировать")


def deverbal_verbs(token: Token) -> frozenset[str]:
    """The verb lemmas a Russian action noun may be made from («стерилизации» -> стерилизовать,
    стерилизировать): candidates only, matched against a comment's own lemmas, never taken alone."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
        return frozenset()
    lemma = token.lemma
    suffix = next((s for s in _ACTION_NOUN_SUFFIXES if lemma.endswith(s)), None)
    if suffix is None or len(lemma) - len(suffix) < 4:
        return frozenset()
    base = lemma[: -len(suffix)]
    return frozenset(base + ending for ending in _ACTION_VERB_SUFFIXES)


def _adjective_of_noun(adjective: str, noun: str) -> bool:
    """An adjective made from the noun: its lemma starts with the noun («архивный» of «архив»), or, for a noun
    in «-ия», with the noun less «я» and «он» or «й» («акционный» of «акция», «гарантийный» of «гарантия»:
    marts122, «только акционные позиции» of 'Продано по акции' was asked)."""
    if adjective.startswith(noun):
        return True
    root = noun[:-1]  # «акци» of «акция»
    return noun.endswith("ия") and len(noun) >= 5 and adjective.startswith((root + "он", root + "й"))


def _shared_root(first: str, second: str) -> bool:
    """Two stems that differ only in their last letters (подозрительн, подозрен): a common beginning of at
    least six letters, at most two letters short of the shorter stem."""
    common = len(os.path.commonprefix([first, second]))
    return common >= max(6, min(len(first), len(second)) - 2)


def _first_half_names(word: str, said: FlagWords) -> bool:
    """The first half of a hyphenated request word is a Latin flag word, as written («VIP-клиентов») or said
    in Cyrillic by the value lexicon («вип-клиенты»)."""
    first, hyphen, _ = word.partition("-")
    if not hyphen or not first:
        return False
    return first in said.latin or any(m in said.latin for m in VALUE_MEANINGS.get(first, ()))


# Adverbs of time that restrict no verb: 'Работает сейчас' is "works", «работающие» says it
_TIME_ADVERBS = frozenset({"сейчас", "теперь", "ещё", "еще", "уже", "пока", "всё", "все", "ныне"})


def manner_adverbs(column: Column) -> bool:
    """The comment of `column` qualifies its verb by an adverb of manner ('Работает круглосуточно'): the
    verb alone («работающие станции») then says no state of the flag; an adverb of time ('Работает
    сейчас') does not qualify it so."""
    comment = tokenize(column.comment or "")
    if not any(t.parses and t.parses[0].pos == "VERB" for t in comment):
        return False
    return any(
        t.lang == "ru" and t.parses and t.parses[0].pos == "ADVB" and t.lower not in _TIME_ADVERBS
        for t in comment
    )


def names_by_verb(tokens: list[Token], index: int, said: FlagWords) -> bool:
    """«только те, что работают», «кто не работает» of 'Отель работает': the comment's own finite verb in a
    relative clause about the rows («что»/«который»/«кто», «не» between) says the flag holds. A verb anywhere
    else is the request's own («грузи», «работает каждый час»), so the relative word is required. A comment
    whose verb an adverb of manner qualifies ('Работает круглосуточно') needs that adverb after the verb, and
    then its participle says it too («аптеки, работающие круглосуточно»)."""
    token = tokens[index]
    if token.lang != "ru" or not token.parses or not token.lemmas & said.verbs:
        return False
    if token.parses[0].pos not in ("VERB", "PRTF"):
        return False
    manner = said.adverbs - {stem(a) for a in _TIME_ADVERBS}
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if manner and (after is None or stem(after.lower) not in manner):
        return False  # «станции, которые работают» of 'Работает круглосуточно': not said round the clock
    if token.parses[0].pos == "PRTF":  # «аптеки, работающие круглосуточно»: the participle and its adverb
        return bool(manner)
    k = index - 1 - (index > 0 and tokens[index - 1].lower == "не")
    return k >= 0 and tokens[k].lang == "ru" and bool(tokens[k].lemmas & _RELATIVE_LEMMAS)


# infinitive endings cut off to compare the roots of two aspects («включать» / «включить»)
_INFINITIVE_ENDINGS = ("ать", "ять", "ить", "еть")


def _verb_root(lemma: str) -> str:
    return next((lemma[: -len(e)] for e in _INFINITIVE_ENDINGS if lemma.endswith(e)), lemma)


def names_by_verb_object(
    tokens: Sequence[Token], index: int, said: FlagWords, participle: bool = False
) -> bool:
    """«которые включают бассейн» of 'Бассейн включён': a finite verb of the root of the comment's predicate
    (either aspect: включать / включить) with the comment's subject noun as its object says the flag holds
    (planner166: asked before). With `participle`, an active participle of that verb too («тарифы,
    включающие бассейн», planner169)."""
    token = tokens[index]
    verbs = ("VERB", "PRTF") if participle else ("VERB",)
    if token.lang != "ru" or not token.parses or token.parses[0].pos not in verbs or index + 1 >= len(tokens):
        return False
    root = _verb_root(token.lemma)
    if len(root) < 4 or not any(_verb_root(p) == root for p in said.predicates):
        return False
    return bool(tokens[index + 1].lemmas & said.heads)


def names_state_noun(token: Token, said: FlagWords) -> bool:
    """«с просрочкой», «без просрочки» of 'Платёж просрочен': a noun of the root of the comment's predicate
    or adjective (просрочка ~ просрочить) names the state the flag says (planner28); so does the comment's
    subject noun («нет подозрения на мошенничество» of 'Подозрение на мошенничество', planner33). Only after
    «с»/«без»/«нет» (the caller checks): a bare noun may be anything of that root."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
        return False
    if token.lemma in said.heads:
        return True
    own = stem(token.lemma)
    return any(_one_root(own, stem(lemma)) for lemma in said.predicates | said.adjectives)


def names_role(token: Token, role: str) -> bool:
    """`token` names the rows of the role noun `role` ('Льготник' of is_privileged): the noun itself
    («льготников») or an adjective of its root («льготных абонентов»)."""
    if token.has({role}, pos=("NOUN",)):
        return True
    adjective = token.lang == "ru" and bool(token.parses) and token.parses[0].pos == "ADJF"
    return adjective and _one_root(stem(token.lemma), stem(role))


def _one_root(first: str, second: str) -> bool:
    """Two stems of one root: one a prefix of the other, at least six letters long."""
    short, long = sorted((first, second), key=len)
    return len(short) >= 6 and long.startswith(short)


def negated_before(tokens: list[Token], index: int) -> int | None:
    """Index of «не»/"not"/«без» before word `index`, past prepositions and articles: «не в архиве»,
    "not in roaming", "not archived", «без роуминга»."""
    k = index - 1
    if tokens[index].text.isupper() and k > 0 and tokens[k - 1].lower in _LINKS and tokens[k].parses[:1]:
        if tokens[k].parses[0].pos == "NOUN":  # «не из перечня ЖНВЛП»: the list's noun before its name
            k -= 1
    while k >= 0 and (tokens[k].lower in _LINKS or _is_copula(tokens[k])):
        k -= 1
    if k >= 0 and tokens[k].lower in NEGATIONS:
        return k
    if k >= 1 and tokens[k].lower == "t" and tokens[k - 1].lower in _CONTRACTED_NEGATORS_EN:
        return k  # "who aren't on staff": the lexer splits the n't off (planner157: read as "on staff")
    return None


# Words that leave out the rows after them: «кроме первых визитов», «за исключением», "except", "excluding"
EXCEPTIONS = frozenset({"кроме", "исключением", "except", "excluding"})


def excepted_before(tokens: list[Token], index: int) -> int | None:
    """Index of «кроме»/"except" right before word `index` (past "for" and the prepositions and articles
    `negated_before` passes): «кроме первых визитов» leaves the first visits out, as «без» would."""
    k = index - 1
    while k >= 0 and (tokens[k].lower in _LINKS or tokens[k].lower == "for"):
        k -= 1
    return k if k >= 0 and tokens[k].lower in EXCEPTIONS else None


# English auxiliaries a contracted "n't" negates ("aren't", "isn't", "weren't")
_CONTRACTED_NEGATORS_EN = frozenset(
    {"aren", "isn", "wasn", "weren", "haven", "hasn", "hadn", "don", "doesn", "didn"}
)


def _is_copula(token: Token) -> bool:
    return token.lang == "ru" and bool(token.lemmas & _LINK_LEMMAS)


def fused_negation(token: Token) -> Token | None:
    """The word after a fused Russian «не»: «неархивные» -> «архивные», «нерезидентов» -> «резидентов»
    (a state said not to hold, as «не архивные» says it); None for a word with no such prefix. The caller
    checks the rest names a flag, so «неделя» or «нефть» name nothing. «без»/«бес» fuse the same way
    («безрецептурные» -> «рецептурные», «бесконтактные» -> «контактные»: planner89). English "non-" fuses so
    too: "non-resident" -> "resident" (planner135), and "un-": "unpaid" -> "paid" (marts122: "unpaid only" of
    is_paid 'Оплачен онлайн' was taken for an unlisted status value and asked)."""
    english = re.fullmatch(r"(?:non-?|un)([a-z]{4,})", token.lower) if token.lang == "en" else None
    if english is not None:
        rest = tokenize(english.group(1))
        return rest[0] if len(rest) == 1 else None
    if token.lang != "ru" or len(token.lower) < 7:
        return None
    prefix = next((p for p in ("не", "без", "бес") if token.lower.startswith(p)), None)
    if prefix is None or len(token.lower) - len(prefix) < 5:
        return None
    rest = tokenize(token.text[len(prefix) :])
    return rest[0] if len(rest) == 1 and rest[0].lang == "ru" and rest[0].parses else None


# Negation particles that follow a column word; a value never.
NEGATION_PARTICLES = {"не", "ни", "нет", "not", "no", "never"}
# («за исключением уволенных»: the noun of the two-word exception, as «кроме»)
# "without fired ones" as «без уволенных» (planner55: without that cue the state was dropped or turned around)
STATE_CUES = {
    "только", "лишь", "кроме", "без", "only", "just", "except", "excluding", "without", "исключением",
}  # fmt: skip


# A state that ends another: the rows it names are the ones whose flag of the other state is false. Keys are
# Russian lemmas and English stems of the words said; values, lemmas and stems of the flag's comment or name
# («кроме уволенных» of 'Работает сейчас' is is_active = true; a bare is_active says nothing about firing).
_WORKING = ("работать", "трудиться", "work", "employ")
_CLOSED = ("закрыть", "закрытый", "close", "closed")  # "open branches" of is_closed 'Отделение закрыто'
# planner135: "the student was absent", «отсутствовавшие» of present 'Присутствовал на занятии'
_PRESENT = ("присутствовать", "present")
# planner158: «свободные койки» of occupied (no comment): a free bed is one not occupied
_OCCUPIED = ("занятый", "занять", "occupi", "busi")
# planner169: «неактивные курьеры», "inactive couriers" of an uncommented is_active: the negated adjective
# matched no flag (the name's stem 'activ' is not «неактивный»), so the rows were asked about
_ACTIVE = ("activ", "активный")
# planner171: «кроме закрытых клубов» of is_open 'Клуб работает': a closed place is one not open
_OPEN = ("открыть", "открытый", "open")
ABSENCE_WORDS = frozenset({"absent", "отсутствовать", "отсутствующий"})
OPPOSITE_STATES = {
    "уволить": _WORKING, "уволиться": _WORKING, "уволенный": _WORKING, "fire": _WORKING, "dismiss": _WORKING,
    "terminat": _WORKING, "открытый": _CLOSED, "открыть": _CLOSED, "open": _CLOSED,
    "absent": _PRESENT, "отсутствовать": _PRESENT, "отсутствующий": _PRESENT,
    "свободный": _OCCUPIED, "освободиться": _OCCUPIED, "закрытый": _OPEN, "закрыть": _OPEN,
    "неактивный": _ACTIVE, "inact": _ACTIVE,
}  # fmt: skip


def state_words(comment: list[Token]) -> list[Token]:
    """The words of a boolean column's comment that state its value: 'Пломба цела' -> «цела», not the
    subject «пломба» (a noun of the comment names what the flag is about, not that it holds); a comment of
    nouns only ('Льготник') is its own state."""
    predicates = [
        c for c in comment if c.parses and c.parses[0].pos in ("ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN")
    ]
    return predicates or comment


def state_names(column: Column) -> set[str]:
    """Stems of a column's name parts and lemmas of its comment's state words: what the column says holds
    (is_closed 'Отделение закрыто' -> close, закрыть, закрытый)."""
    comment = state_words([c for c in tokenize(column.comment or "") if c.lang == "ru"])
    parts = {stem(p) for p in name_parts(column.name)} - {"is", "has", "at", "on", "date"}
    return parts | {s for c in comment for s in c.lemmas}


def state_polarity(column: Column, phrase: str) -> bool | None:
    """Whether `phrase` says `column` holds (a flag true, an event time filled in): True for «закрытые» or
    "closed" of is_closed, False for «открытые», "open" (OPPOSITE_STATES) or "not closed", None when no word
    of the phrase names the column's state. A question's example follows it (planner78: «открытые» was
    offered «где is_closed = true»)."""
    names, said, negated = state_names(column), None, False
    for word in tokenize(phrase):
        if word.lang not in ("ru", "en"):
            continue
        negated ^= word.lower in NEGATION_PARTICLES | STATE_CUES - {"только", "лишь", "only", "just"}
        bare = re.sub(r"^(?:не|un|non-?)(?=\w{4})", "", word.lower)
        keys = {stem(bare), stem(word.lower)} | {p.lemma for p in analyse(bare)} | word.lemmas
        if keys & names:
            said = bare == word.lower
        elif {o for key in keys for o in OPPOSITE_STATES.get(key, ())} & names:
            said = bare != word.lower
    return None if said is None else said != negated


def head_noun_flags(table: Table, word: Token) -> list[str]:
    """Boolean columns whose comment is nouns only and opens with `word`'s noun: «(дали) в подарок» of
    is_gift 'Подарок по акции' (planner140). Only the comment's first word, its head: «по акции» qualifies
    the gift, and «которые пришли по акции» says nothing about a gift."""
    if word.lang != "ru" or not any(p.pos == "NOUN" for p in word.parses):
        return []
    found = []
    for column in table.columns:
        if "bool" not in column.type.lower():
            continue
        # 'VIP-клиент': the head is the English word, and «клиент» no state of its own
        comment = [c for c in tokenize(column.comment or "") if c.lang != "punct"]
        nouns = all(c.lang == "ru" for c in comment) and state_words(comment) is comment
        if comment and nouns and comment[0].lemmas & word.lemmas:
            found.append(column.name)
    return found
