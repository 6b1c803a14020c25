"""Colloquial table nouns: the short, slangy or transliterated words people write for a table.

Three general ways a spoken word names a table whose name or comment says it in full:

- **Clipped forms** (a small table, like the lexer's jargon): «общага» = общежитие, «препод» =
  преподаватель. :func:`expanded` gives the full word, and the vocabulary reads both.
- **Univerbation**: Russian folds "adjective + noun" into the adjective's root plus «-к-»: «расчётка» =
  расчётный листок, «зачётка» = зачётная книжка, «кредитка» = кредитная карта. :func:`univerbation_stems`
  gives the adjective's stem («расчетн»), which meets the table comment («Расчётные листки»).
- **Clipped compounds**: the adjective's first letters glued to the noun: «ветклиники» = ветеринарные
  клиники, «лабанализы» = лабораторные анализы, «страхагенты» = страховые агенты. :func:`clipped_compound_of`
  checks a word against a comment's adjective + noun pairs.
- **Transliteration** of the English table name: «хабы» = hubs, «юзеры» = users, «инвойсы» = invoices.
  :func:`skeleton` reduces a word in either alphabet to its consonants in sound classes, so «хаб» and
  "hub" meet; vowels are left out because Russian spells English vowels by ear (ивент = event).

Univerbation and transliteration are guesses: the planner uses them only when no table is named
otherwise, and asks when they fit more than one table.
"""

from __future__ import annotations

import functools
import re

from airflow_ai_etl.planning.vocabulary import stem

# Clipped or slang Russian nouns (lemma, ё as е) -> the full word a table comment would use.
CLIPPED = {
    "общага": "общежитие", "препод": "преподаватель", "универ": "университет", "стипуха": "стипендия",
    "зарплатка": "зарплата", "зп": "зарплата", "больничка": "больница", "поликлиника": "клиника",
    "физра": "физкультура", "матан": "математика", "кадровик": "кадры", "бух": "бухгалтерия",
    # planner54: an airline's word for an aircraft, the noun of a fleet's gloss ('Воздушные суда (парк
    # самолётов)')
    "борт": "самолет",
    "право": "удостоверение",  # «права», «водительские права»: the driving licence a comment names in full
    # planner135: a batch of goods is the «серия» a stock comment says ('Остатки … (по сериям)')
    "партия": "серия",
}  # fmt: skip
_CLIPPED_STEMS = {stem(short): full for short, full in CLIPPED.items()}


def expanded(word: str) -> str | None:
    """The full word for a clipped form in any case form («в общаге» -> общежитие), else None."""
    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports the vocabulary

    lower = word.lower().replace("ё", "е")
    for parse in analyse(lower):
        if parse.lemma in CLIPPED:
            return CLIPPED[parse.lemma]
    return _CLIPPED_STEMS.get(stem(lower))


# Everyday Russian nouns (lemma) that say an adjective and a noun a table comment would write in full
# (planner130): «перезвоны» of 'Обратные звонки клиентам'.
PHRASE_NOUNS = {"перезвон": ("обратный", "звонок")}


@functools.lru_cache(maxsize=8192)
def restates_comment_phrase(word: str, comment: str | None) -> bool:
    """«перезвоны» over 'Обратные звонки клиентам': the word is an everyday noun for an adjective and a noun
    (PHRASE_NOUNS) the comment says side by side; 'Телефонные звонки' (no «обратные») is no such phrase."""
    from airflow_ai_etl.planning.lexer import analyse, tokenize  # the lexer imports the vocabulary

    phrases = [
        PHRASE_NOUNS[p.lemma] for p in analyse(word.lower().replace("ё", "е")) if p.lemma in PHRASE_NOUNS
    ]
    if not comment or not phrases:
        return False
    said = [t for t in tokenize(comment) if t.lang == "ru"]
    return any(
        adjective.has((first,), pos=("ADJF",)) and noun.has((second,), pos=("NOUN",))
        for adjective, noun in zip(said, said[1:], strict=False)
        for first, second in phrases
    )


_UNIVERBATION = re.compile(r"^([а-я]{3,}[бвгджзлмнпрстфхцчшщ])к[аиуеоы]?[йхмв]?[иа]?$")


def univerbation_stems(word: str) -> set[str]:
    """«расчётки» -> {"расчетн"}: the stem of the adjective a «-ка» noun was folded from (empty when the
    word has no consonant + «к» before its ending)."""
    lower = word.lower().replace("ё", "е")
    found = _UNIVERBATION.match(stem(lower) + "а") or _UNIVERBATION.match(lower)
    if not found:
        return set()
    root = found.group(1)
    return {s for s in (stem(root + "ный"), stem(root + "ная")) if s.endswith("н")}


@functools.lru_cache(maxsize=8192)
def clipped_compound_of(word: str, comment: str | None) -> bool:
    """«ветврачей» over 'Ветеринарные врачи': the word is the clipped beginning of an adjective of the
    comment (three letters or more) glued to a form of the noun right after that adjective («вет» +
    «врачей»). A head that begins no adjective of the comment («автоклиники» over 'Ветеринарные клиники') is
    no such compound."""
    from airflow_ai_etl.planning.lexer import analyse, tokenize  # the lexer imports the vocabulary

    lower = word.lower().replace("ё", "е")
    if not comment or not re.fullmatch(r"[а-я]{7,}", lower):
        return False
    said = [t for t in tokenize(comment) if t.lang != "punct"]
    for adjective, noun in zip(said, said[1:], strict=False):
        if adjective.lang != "ru" or not any(p.pos == "ADJF" for p in adjective.parses):
            continue
        nouns = {p.lemma for p in noun.parses if p.pos == "NOUN"}
        full = adjective.lower.replace("ё", "е")
        for cut in range(3, len(lower) - 3):
            head, tail = lower[:cut], lower[cut:]
            if not full.startswith(head) or len(full) - cut < 3:
                break  # the head runs past the adjective's beginning (or spells all of it)
            if any(p.pos == "NOUN" and p.lemma in nouns for p in analyse(tail)):
                return True
    return False


# The suffixes that make an adjective of a person's noun: «ветеринар» -> «ветеринарный», «хирург» ->
# «хирургический», «терапевт» -> «терапевтический»
_PERSON_ADJECTIVE_SUFFIXES = ("ный", "ский", "ический", "ной", "ской")


@functools.lru_cache(maxsize=8192)
def person_of_adjective(word: str, comment: str | None) -> bool:
    """«ветеринаров» over 'Ветеринарные врачи': the word is a person's noun whose adjective («ветеринарный»)
    qualifies a person's noun of the comment («врачи»), so the word restates the two («ветеринар» =
    «ветеринарный врач»). A person's noun before no person ('Хирургические отделения') is no such word."""
    # the lexer imports the vocabulary
    from airflow_ai_etl.planning.lexer import animate_noun_lemmas, tokenize

    persons = animate_noun_lemmas(word.lower().replace("ё", "е"))
    if not comment or not persons:
        return False
    said = [t for t in tokenize(comment) if t.lang != "punct"]
    for adjective, noun in zip(said, said[1:], strict=False):
        if adjective.lang != "ru" or not animate_noun_lemmas(noun.lower):
            continue
        adjectives = {p.lemma for p in adjective.parses if p.pos == "ADJF"}
        if any(
            f"{person}{suffix}" in adjectives for person in persons for suffix in _PERSON_ADJECTIVE_SUFFIXES
        ):
            return True
    return False


# Cyrillic letters -> Latin sound classes (vowels, й, ь, ъ drop out); з and с are one class (юзер = user).
_RU_SOUNDS = {
    "б": "b", "в": "v", "г": "g", "д": "d", "ж": "z", "з": "s", "к": "k", "л": "l", "м": "m", "н": "n",
    "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "h", "ц": "s", "ч": "c", "ш": "s", "щ": "s",
}  # fmt: skip
# "-tion" is said «-ция» (operation ~ «операция», transaction ~ «транзакция»)
_EN_DIGRAPHS = (
    ("tion", "s"),
    ("ph", "f"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "c"),
    ("ck", "k"),
    ("qu", "kv"),
    ("x", "ks"),
)
_EN_SOUNDS = {
    "b": "b", "d": "d", "f": "f", "g": "g", "h": "h", "j": "dz", "k": "k", "l": "l", "m": "m", "n": "n",
    "p": "p", "q": "k", "r": "r", "s": "s", "t": "t", "v": "v", "w": "v", "z": "s",
}  # fmt: skip


_RU_VOWELS = "аеёиоуыэюя"


@functools.lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """Consonants of a word in sound classes, doubled letters once: «хабы» and "hubs" -> "hbs"."""
    lower = word.lower().replace("ё", "е")
    if re.search(r"[а-я]", lower):
        sounds = "".join(_RU_SOUNDS.get(c, "") for c in lower)
    else:
        for digraph, sound in _EN_DIGRAPHS:
            lower = lower.replace(digraph, sound.upper())
        lower = re.sub(r"c(?=[eiy])", "s", lower).replace("c", "k")
        sounds = "".join(c.lower() if c.isupper() else _EN_SOUNDS.get(c, "") for c in lower)
    return re.sub(r"(.)\1+", r"\1", sounds)


_RU_ADJECTIVE_ENDING = re.compile(r"(?:ов|ев)?(?:ая|ую|ой|ый|ий|ое|ые|ых|ым|ыми|ого|ому|ом)$")


# An upper-case abbreviation said in Russian: its Latin letters read as Russian ones («би» of BI, «црм» of
# CRM) or by their English names («биай», «эйчар» of HR); an adjective made from it ends in «-(ш)ный».
_LATIN_AS_RU = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з",
}  # fmt: skip
_LETTER_NAMES = {
    "a": "эй", "b": "би", "c": "си", "d": "ди", "e": "и", "f": "эф", "g": "джи", "h": "эйч", "i": "ай",
    "j": "джей", "k": "кей", "l": "эл", "m": "эм", "n": "эн", "o": "оу", "p": "пи", "q": "кью", "r": "ар",
    "s": "эс", "t": "ти", "u": "ю", "v": "ви", "w": "дабл", "x": "экс", "y": "уай", "z": "зи",
}  # fmt: skip
_ABBREVIATION_ADJECTIVE_ENDING = re.compile(r"ш?н(?:ая|ую|ой|ый|ий|ое|ые|ых|ым|ыми|ого|ому|ом)$")


@functools.lru_cache(maxsize=8192)
def abbreviation_adjective(word: str, abbreviation: str) -> bool:
    """A Russian adjective made from an upper-case abbreviation: «бишную» / «биайную» ~ BI, «эйчарный» ~ HR,
    «црмной» ~ CRM (the «-(ш)н-» ending off; the rest is the letters read as Russian ones or by name)."""
    if not re.fullmatch(r"[A-Z]{2,5}", abbreviation):
        return False
    lower = word.lower().replace("ё", "е")
    root = _ABBREVIATION_ADJECTIVE_ENDING.sub("", lower)
    if root == lower or len(root) < 2:
        return False
    letters = abbreviation.lower()
    return root in {"".join(_LATIN_AS_RU[c] for c in letters), "".join(_LETTER_NAMES[c] for c in letters)}


@functools.lru_cache(maxsize=8192)
def transliterated_adjective(word: str, latin: str) -> bool:
    """A Russian adjective made from an English word by ear: «репортинговую» ~ reporting, «стейджинговой» ~
    staging (the adjective's ending off, then the consonants compared as :func:`transliterates` does)."""
    lower = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я]+", lower) or not re.fullmatch(r"[a-z]{4,}", latin.lower()):
        return False
    root = _RU_ADJECTIVE_ENDING.sub("", lower)
    if root == lower or len(root) < 4 or (root[0] in _RU_VOWELS) != (latin[0].lower() in "aeiou"):
        return False
    mine = skeleton(root)
    return len(mine) >= 3 and mine == skeleton(latin.lower())


# Cyrillic letters of an abbreviation spelled letter by letter in Latin («сбп» = sbp, «пос» = pos).
_RU_LETTERS = {**_RU_SOUNDS, "а": "a", "е": "e", "и": "i", "о": "o", "у": "u", "ы": "y", "к": "k", "с": "s"}


def spells_code(word: str, code: str, capitals: bool = False) -> bool:
    """A short Cyrillic abbreviation that writes a listed Latin code letter by letter: «сбп» ~ sbp, «СБП» ~
    SBP; two to four letters on both sides, so a real word («сеть») spells no code. Written in capitals
    (`capitals`: «ОСАГО», «КАСКО» ~ osago, kasko) the word is an abbreviation, so up to six letters."""
    lower, latin = word.lower(), code.lower()
    longest = 6 if capitals else 4
    if not 2 <= len(lower) <= longest or len(lower) != len(latin) or not re.fullmatch(r"[a-z]+", latin):
        return False
    return all(_RU_LETTERS.get(letter) == want for letter, want in zip(lower, latin, strict=True))


def transliterates(word: str, name_part: str) -> bool:
    """A Cyrillic word that spells an English name part by ear: «хабы» ~ hubs, «инвойсов» ~ invoices.
    Both sides are compared without their plural/case endings and need two consonants or more."""
    if not re.fullmatch(r"[а-яё]+", word.lower()) or not re.fullmatch(r"[a-z]{3,}", name_part):
        return False
    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports the vocabulary

    lower = word.lower().replace("ё", "е")
    parses = analyse(lower)
    if parses and parses[0].pos == "ADJS" and (nouns := [p for p in parses if p.pos == "NOUN"]):
        parses = (nouns[0], *parses)  # «тикетов»: guessed first as a short adjective (тикетовый), a noun too
    if not parses or parses[0].pos != "NOUN":
        return False
    if any(p.pos in ("VERB", "INFN", "GRND") for p in parses) and _morph_knows(lower):
        return False  # «залей» ~ sales: a verb spells no table (a verb only guessed for an unknown noun,
        # «деливери» as if of «деливерить», is no verb the dictionary knows)
    if (lower[0] in _RU_VOWELS) != (name_part[0] in "aeiou"):
        return False  # «ивент» ~ event, «хаб» ~ hub: both start with a vowel or both with a consonant
    mine = skeleton(stem(lower))
    singular = re.sub(r"ies$", "y", name_part)  # deliveries ~ «деливери»: the -ies plural's singular
    singular = re.sub(r"(?<=[^aeiou])es$|s$", "", singular)
    if len(mine) < 2:
        return False
    names = {skeleton(name_part), skeleton(singular), skeleton(stem(name_part))}
    if mine not in names:
        return False
    if _morph_knows(lower):
        # A dictionary word is a borrowing only when its lemma spells the name too and its first vowel
        # sounds like the name's: «людей» (lemma человек) is not "leads", «юзеров» (юзер) is "users".
        lemma = parses[0].lemma
        if skeleton(stem(lemma)) not in names or not _vowels_agree(lower, name_part):
            return False
    return True


# The English vowel letters a Russian vowel may spell by ear (first vowel only: «лид» = lead, «юзер» = user).
_VOWEL_SOUNDS = {
    "а": "auo", "о": "oa", "у": "uo", "ю": "u", "ы": "iy", "и": "iey", "е": "eai", "э": "ea", "я": "a",
}  # fmt: skip


def _vowels_agree(word: str, name_part: str) -> bool:
    mine = next((c for c in word if c in _VOWEL_SOUNDS), None)
    theirs = next((c for c in name_part if c in "aeiouy"), None)
    return mine is None or theirs is None or theirs in _VOWEL_SOUNDS[mine]


def _morph_knows(word: str) -> bool:
    from airflow_ai_etl.planning.lexer import _morph  # the lexer imports the vocabulary

    return bool(_morph().word_is_known(word))


# Diminutive and clipped «-ка» endings of a noun's lemma -> what to put back (planner22): «тарифчик» ->
# тариф, «заказик» -> заказ, «звоночек» -> звонок, «страничка» -> страница; «симка» (SIM-карта) -> сим,
# «платёжка» -> платёж: the first part of a compound a «-ка» noun was clipped from.
# «посылочка» -> посылка, «заявочки» (a plural the dictionary takes for its lemma) -> заявка.
_DIMINUTIVES = (
    ("очка", "ка"), ("очки", "ка"), ("очек", "ок"), ("ечек", "ек"), ("ичка", "ица"), ("чик", ""), ("ик", ""),
    ("ка", ""),
)  # fmt: skip


def diminutive_bases(word: str) -> set[str]:
    """Bases of a diminutive or clipped «-ка» Russian noun («тарифчики» -> {"тариф"}, «симки» -> {"сим"});
    empty for a word with no such ending. Only a guess: the planner reads it when no table is named."""
    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports the vocabulary

    lower = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я]{4,}", lower):
        return set()
    bases = set()
    for parse in analyse(lower)[:2]:
        if parse.pos != "NOUN":
            continue
        for ending, put_back in _DIMINUTIVES:
            if parse.lemma.endswith(ending) and len(parse.lemma) - len(ending) >= 3:
                bases.add(parse.lemma[: -len(ending)] + put_back)
                break
    return bases


# Spoken spellings of particles, written out before any rule reads the text: «тока новые по occurred_at»,
# «токо оплаченные», «ваще без тестовых» (the trigger openers' «как тока» is planning/triggers.py's).
# «тока» is also the genitive of «ток» (an electric current): kept when the catalog speaks of a current.
_SPOKEN_PARTICLES = {
    "тока": "только", "токо": "только", "тольк": "только", "толька": "только", "тоько": "только",
    "тольно": "только", "ваще": "вообще", "щас": "сейчас",
}  # fmt: skip
# «тока после загрузки оплат ...»: before «после»/«когда» it opens a trigger (planning/triggers.py reads it)
_SPOKEN_PARTICLE = re.compile(
    r"(?<![\w-])(" + "|".join(_SPOKEN_PARTICLES) + r")(?![\w-])(?!\s+(?:после|когда)(?![\w-]))", re.IGNORECASE
)
_CURRENT = {"тока": "ток"}  # the slang form -> the dictionary noun it also is


def spoken_particles(text: str, catalog_words: frozenset[str] = frozenset()) -> str:
    """``text`` with «тока», «токо», «ваще» ... written as «только», «вообще» (word lengths change: call it
    before any span is taken). A form that is also a word of the catalog (`catalog_words`, lower case:
    «ток» of a 'Сила тока' column) is left as written."""

    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports the vocabulary

    def written_out(match: re.Match[str]) -> str:
        word = match.group(1)
        lower = word.lower()
        if lower in catalog_words or _CURRENT.get(lower, "") in catalog_words:
            return word
        after = re.match(r"\s*([а-яё]+)", text[match.end() :], re.IGNORECASE)
        parses = analyse(after.group(1).lower()) if after else []
        if parses and parses[0].pos in ("VERB", "INFN"):
            return word  # «тока <blank> обнови витрину»: what is left of a trigger opener, no rows' condition
        full = _SPOKEN_PARTICLES[lower]
        return full.capitalize() if word[0].isupper() else full

    return _SPOKEN_PARTICLE.sub(written_out, text)


# «которые больше не работают»: «больше» before «не» and a finite verb means "no longer", not a comparison
# («больше 5»); the negated verb alone says which rows, as «которые не работают» / «уже не работают» do.
# So does a negated short or full adjective or participle: «больше не активны», «больше не активные»
# (planner142).
_NO_LONGER = re.compile(r"(?<![\w-])(?:больше|более)(?=\s+не\s+([а-яё]+))", re.IGNORECASE)
_NO_LONGER_POS = frozenset({"VERB", "ADJS", "PRTS", "ADJF", "PRTF"})
# "zones that are no longer active", "staff that are no more employed": "no longer"/"no more" before a word
# (not "than": "no longer than 5 minutes" is a bound) negates it as "not" does; read as "not", the state is
# turned around (planner142: "no longer active" was `is_active = true`, the rows inverted).
# "no more" only after a copula ("that are no more active"): "no more duplicates" is no state
_NO_LONGER_EN = re.compile(
    r"(?:(?<![\w-])no\s+longer|(?:(?<=is\s)|(?<=are\s)|(?<=was\s)|(?<=were\s))no\s+more)(?=\s+(?!than\b)[a-z])",
    re.IGNORECASE,
)


def no_longer(text: str) -> str:
    """``text`` with «больше»/«более» of «больше не <finite verb or adjective>» blanked and English "no
    longer" written "not" (same length: spans keep their offsets), so the comparison rules do not read it
    and the negation rules read «не <verb>», "not <adjective>"."""
    from airflow_ai_etl.planning.lexer import analyse  # the lexer imports the vocabulary

    def blanked(match: re.Match[str]) -> str:
        parses = analyse(match.group(1).lower())
        return " " * len(match.group(0)) if parses and parses[0].pos in _NO_LONGER_POS else match.group(0)

    def written_not(match: re.Match[str]) -> str:
        return " " * (len(match.group(0)) - 3) + "not"

    return _NO_LONGER_EN.sub(written_not, _NO_LONGER.sub(blanked, text))


# "calls no longer than 5 minutes", "not more than 3 nights", "no shorter than an hour": a negated
# comparative is the opposite bound, said as "at most"/"at least" (same length, spaces after it); read as
# the bare comparative, the rows were turned around (planner142: "no longer than 5 minutes" was `> 300`)
_NEGATED_COMPARATIVE = re.compile(
    r"(?<![\w-])no[t]?\s++(?:(?P<most>more|longer|greater|larger|bigger|heavier|higher)|"
    r"(?P<least>less|shorter|fewer|smaller|lighter|lower))\s++than(?![\w-])",
    re.IGNORECASE,
)


def negated_comparatives(text: str) -> str:
    """``text`` with "no longer than" written "at most" and "no less than" "at least" (same length)."""

    def bound(match: re.Match[str]) -> str:
        said = "at most" if match.group("most") else "at least"
        return said + " " * (len(match.group(0)) - len(said))

    return _NEGATED_COMPARATIVE.sub(bound, text)


# "soft-deleted ones", "soft deleted accounts": a deletion kept as a mark on the row (a flag or a status), the
# rows a delete word names; "soft" says how the system deletes, no condition of its own (planner88: it was an
# unread word, and "soft-deleted ones excluded" dropped the condition)
_SOFT_DELETED = re.compile(r"(?<![\w-])soft[\s-]+(?=(?:delet|remov)\w*)", re.IGNORECASE)


def soft_deleted(text: str) -> str:
    """``text`` with "soft" of "soft-deleted" blanked (same length: spans keep their offsets)."""
    return _SOFT_DELETED.sub(lambda m: " " * len(m.group(0)), text)
