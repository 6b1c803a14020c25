"""Lexer of the offline planner: a request -> tokens with spans, lemmas and numbers.

Russian words are analysed with pymorphy3 (lemma, part of speech, case, number; every parse is kept,
best first, because a rule may need a less likely one: «удали» is first the noun «удаль»). English words
get a Snowball stem as their lemma. Numerals in words become numbers, cardinal and ordinal, in both
languages («два», «двух», «пятнадцать», «третьего», "seven", "twenty five"). Words the dictionary does
not know but analysts write (кликхаус, постгрес, мержить, стримить, перезаливать) get their lemma from a
small jargon table.

The analyser is loaded lazily, once per process (~0.1 s); analyses are LRU-cached per word, so a word
seen before costs a dictionary lookup.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import snowballstemmer

__all__ = ["Parse", "Token", "Numeral", "tokenize", "numerals", "analyse", "known_word"]

TOKEN = re.compile(r"\d{1,2}:\d{2}|[a-zа-яё0-9_]+(?:[.\-][a-zа-яё0-9_]+)*|[^\w\s]", re.IGNORECASE)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Parse:
    """One reading of a word: its lemma and grammar (pymorphy3 tags; None for English)."""

    lemma: str
    pos: str | None = None  # NOUN, VERB, INFN, ADJF, PRTF, ADVB, NUMR, PREP, ...
    case: str | None = None  # nomn, gent, datv, accs, ablt, loct (loc2/gen2 folded in)
    number: str | None = None  # sing, plur
    score: float = 1.0


@dataclass(frozen=True)
class Token:
    """One word (or punctuation mark) of the request and where it is."""

    text: str
    start: int
    end: int
    lang: str  # ru | en | num | punct
    parses: tuple[Parse, ...]
    number: int | None = None  # the value when the word is a numeral («пять», "seven", "15")
    ordinal: bool = False  # «третьего», "third"

    @functools.cached_property  # tokens are cached per text; rules read `lower` millions of times
    def lower(self) -> str:
        return self.text.lower().replace("ё", "е")

    @functools.cached_property
    def _bare(self) -> tuple[Parse, ...]:
        """The one reading of a word the dictionary has none for: itself."""
        return (Parse(self.lower),)

    @property
    def lemma(self) -> str:
        return self.parses[0].lemma if self.parses else self.lower

    @property
    def lemmas(self) -> set[str]:
        return {p.lemma for p in self.parses} or {self.lower}

    def has(self, lemmas: Iterable[str], pos: Iterable[str | None] | None = None,
            case: Iterable[str] | None = None, number: str | None = None) -> bool:  # fmt: skip
        """Some parse has one of `lemmas` (and, when given, one of `pos`, one of `case`, `number`)."""
        # rules ask this millions of times on a long request: no copy of a set given, no fresh Parse
        wanted = lemmas if isinstance(lemmas, (set, frozenset)) else set(lemmas)
        parts = pos if pos is None or isinstance(pos, (set, frozenset, tuple)) else tuple(pos)
        cases = case if case is None or isinstance(case, (set, frozenset, tuple)) else tuple(case)
        for p in self.parses or self._bare:
            if p.lemma not in wanted:
                continue
            if parts is not None and p.pos not in parts:
                continue
            if cases is not None and p.case not in cases:
                continue
            if number is not None and p.number != number:
                continue
            return True
        return False


@dataclass(frozen=True)
class Numeral:
    """A number written in one or more tokens: «сорок пять» = 45 over tokens [i, j)."""

    value: int
    first: int
    last: int  # exclusive
    ordinal: bool
    start: int
    end: int


# Words the dictionary lacks (or misreads) but people write: stem -> lemma.
JARGON = {
    "кликхаус": "clickhouse", "клик": "clickhouse", "постгрес": "postgresql", "постгре": "postgresql",
    "мерж": "мержить", "смерж": "мержить", "стрим": "стримить", "перезалив": "перезаливать",
    "дозалив": "дозаливать", "дропн": "дропнуть", "грохн": "грохнуть", "апсерт": "upsert",
    "транкейт": "транкейтнуть", "транкет": "транкейтнуть", "транкат": "транкейтнуть", "делитн": "делитнуть",
    "альтерн": "альтернуть",
    "дилитн": "делитнуть", "пурдж": "пурджить",
    "цдц": "cdc",  # CDC spelled in Cyrillic letters («цдц на клиентов»)
}  # fmt: skip
# Written weekday abbreviations -> the weekday's lemma.
WEEKDAY_ABBREVIATIONS = {
    "пн": "понедельник", "вт": "вторник", "ср": "среда", "чт": "четверг", "пт": "пятница", "сб": "суббота",
    "вс": "воскресенье",
}  # fmt: skip
_JARGON_RE = re.compile("^(?:" + "|".join(sorted(JARGON, key=len, reverse=True)) + ")")

RU_CARDINALS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "нуль": 0,  # «больше нуля»: the dictionary's lemma of «нуля», «нулю» (planner89)
}  # fmt: skip
RU_ORDINALS = {
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6,
    "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12,
    "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17,
    "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30,
}  # fmt: skip
EN_CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
_TENS = {20, 30, 40, 50, 60, 70, 80, 90}
# Words that multiply the number before them: «пять тысяч» 5000, "two hundred" 200, «1,5 млн» is not read.
MULTIPLIERS = {"тысяча": 1000, "миллион": 1_000_000, "thousand": 1000, "million": 1_000_000,
               "тыс": 1000, "млн": 1_000_000}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _morph():  # noqa: ANN202 - pymorphy3.MorphAnalyzer, imported lazily
    import logging

    import pymorphy3

    logging.getLogger("pymorphy3").setLevel(logging.WARNING)  # "Loading dictionaries ..." on every start
    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=1)
def _english():  # noqa: ANN202
    return snowballstemmer.stemmer("english")


_CASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "gen1": "gent", "loc1": "loct"}


@functools.lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[Parse, ...]:
    """Every reading of one lower-cased word, best first (cached)."""
    if not CYRILLIC.search(word):
        return (Parse(_english().stemWord(word)),)
    if word.rstrip(".") in WEEKDAY_ABBREVIATIONS:  # «по пн, ср и пт»: indeclinable, so any case and number
        lemma = WEEKDAY_ABBREVIATIONS[word.rstrip(".")]
        return tuple(
            Parse(lemma, "NOUN", case, number)
            for number in ("sing", "plur")
            for case in ("nomn", "accs", "datv", "gent", "loct", "ablt")
        )
    jargon = _JARGON_RE.match(word)
    morph = _morph()
    if jargon and not morph.word_is_known(word):
        return (Parse(JARGON[jargon.group(0)], "NOUN" if "ть" not in word[-3:] else "INFN"),)
    parses = []
    for p in morph.parse(word):
        case = p.tag.case
        parses.append(
            Parse(p.normal_form.replace("ё", "е"), p.tag.POS, _CASES.get(case, case), p.tag.number, p.score)
        )
    return tuple(parses)


@functools.lru_cache(maxsize=4096)
def animate_noun_lemmas(word: str) -> frozenset[str]:
    """The lemmas of the Russian word's animate noun readings («ветеринаров» -> {ветеринар}, «врачи» ->
    {врач}; «отделения» -> none): a person or an animal, which only another person's noun can restate."""
    if not CYRILLIC.search(word):
        return frozenset()
    return frozenset(
        p.normal_form.replace("ё", "е")
        for p in _morph().parse(word)
        if p.tag.POS == "NOUN" and "anim" in p.tag
    )


@functools.lru_cache(maxsize=4096)
def is_instruction_verb(word: str) -> bool:
    """The Russian word's best reading is a verb said to the assistant: an imperative or a first or second
    person form («не трогай», «не грузим», «не берёте»), no state of the rows («не ушёл», «не работают»)."""
    parses = _morph().parse(word) if CYRILLIC.search(word) else []
    tag = parses[0].tag if parses else None
    return tag is not None and tag.POS == "VERB" and (tag.mood == "impr" or tag.person in ("1per", "2per"))


def singular_noun_phrase(adjective: str, noun: str) -> str | None:
    """«домашний» + «телефоны» -> «домашний телефон», «личную» + «почты» -> «личная почта»: a Russian
    adjective and the plural noun it qualifies, put in the nominative singular and agreed in gender (the
    words a question quotes as one column's name); None when they are no adjective and noun."""
    morph = _morph()
    head = next((p for p in morph.parse(noun) if p.tag.POS == "NOUN"), None)
    modifier = next((p for p in morph.parse(adjective) if p.tag.POS in ("ADJF", "PRTF")), None)
    single = head.inflect({"sing", "nomn"}) if head is not None else None
    if modifier is None or single is None or single.tag.gender is None:
        return None
    agreed = modifier.inflect({"sing", "nomn", single.tag.gender})
    return f"{agreed.word} {single.word}" if agreed is not None else None


def known_word(word: str) -> bool:
    """The dictionary knows `word` (lower-case) as a word of its own: «мин», «руб», «ср» are words, «лаб» is
    not (a cut a reader may write out)."""
    return bool(_morph().word_is_known(word))


def _number_of(word: str, parses: Sequence[Parse]) -> tuple[int | None, bool]:
    if word.isdigit():
        return (int(word), False) if word.isascii() and len(word) <= 18 else (None, False)
    if word in EN_CARDINALS:
        return EN_CARDINALS[word], False
    if word in EN_ORDINALS:
        return EN_ORDINALS[word], True
    for p in parses:
        if p.pos == "NUMR" and p.lemma in RU_CARDINALS:
            return RU_CARDINALS[p.lemma], False
        if p.lemma in RU_ORDINALS and p.pos == "ADJF":
            return RU_ORDINALS[p.lemma], True
    if parses and parses[0].lemma in RU_CARDINALS and parses[0].pos in ("NUMR", "NOUN", None):
        return RU_CARDINALS[parses[0].lemma], False  # «сорок», «сто» read as nouns
    return None, False


@functools.lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    for m in TOKEN.finditer(text):
        raw = m.group(0)
        word = raw.lower().replace("ё", "е")
        if not re.match(r"\w", word):
            tokens.append(Token(raw, m.start(), m.end(), "punct", ()))
            continue
        if word.isdigit() or ":" in word:
            # Only plain ASCII numbers of sane length have a value ('²', 16,000 digits have none).
            value = int(word) if word.isascii() and word.isdigit() and len(word) <= 18 else None
            tokens.append(Token(raw, m.start(), m.end(), "num", (), value))
            continue
        parses = analyse(word)
        value, ordinal = _number_of(word, parses)
        lang = "ru" if CYRILLIC.search(word) else "en"
        tokens.append(Token(raw, m.start(), m.end(), lang, parses, value, ordinal))
    return tuple(tokens)


def tokenize(text: str) -> list[Token]:
    """The request's tokens, in order, each with its span in `text`."""
    return list(_tokenize(text))


def _multiplier(token: Token) -> int | None:
    if token.lang == "en":
        return MULTIPLIERS.get(token.lower) or MULTIPLIERS.get(token.lower.rstrip("s"))
    if token.lang == "ru":
        if token.lower in ("тыс", "млн"):  # «от 10 тыс.», «2 млн»
            return MULTIPLIERS[token.lower]
        return next((MULTIPLIERS[p.lemma] for p in token.parses if p.lemma in MULTIPLIERS), None)
    return None


def _place(value: int) -> int:
    """The smallest power of ten a following part must stay under: 100 -> 100, 120 -> 10, 20 -> 10."""
    if value % 100 == 0 and value >= 100:
        return 100
    if value % 10 == 0 and value >= 10:
        return 10
    return 1


# the last few token lists numerals read and what it found: the grammar's rules read the same words again
_NUMERALS_READ: tuple[tuple[tuple[Token, ...], tuple[Numeral, ...]], ...] = ()


def numerals(tokens: Sequence[Token]) -> list[Numeral]:
    """Numbers written as one or more tokens: «сорок пять» -> 45, "twenty five" / "twenty-five" -> 25,
    «двадцать первого» -> 21 (ordinal). Digits are numerals too."""
    global _NUMERALS_READ
    read = _NUMERALS_READ  # one read: another thread may replace it
    for words, found_before in read:
        if len(words) == len(tokens) and all(a is b for a, b in zip(words, tokens, strict=True)):
            return list(found_before)
    found = _numerals(tokens)
    _NUMERALS_READ = ((tuple(tokens), tuple(found)), *read[:3])
    return found


def _numerals(tokens: Sequence[Token]) -> list[Numeral]:
    found: list[Numeral] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.number is None and "-" in token.lower and token.lang == "en":
            head, _, tail = token.lower.partition("-")  # "twenty-five"
            if EN_CARDINALS.get(head) in _TENS and tail in EN_CARDINALS | EN_ORDINALS:
                unit = EN_CARDINALS.get(tail, EN_ORDINALS.get(tail, 0))
                found.append(Numeral(EN_CARDINALS[head] + unit, i, i + 1, tail in EN_ORDINALS,
                                     token.start, token.end))  # fmt: skip
            i += 1
            continue
        # «больше тысячи», "over a thousand": the multiplier alone is its value (and may go on: "a thousand
        # and fifty", «тысяча пятьсот»)
        factor = _multiplier(token) if token.number is None else None
        if token.number is None and not factor:
            i += 1
            continue
        value, last, ordinal = token.number or factor or 0, i + 1, token.ordinal
        limit, added = factor, value  # after a multiplier the next part stays under it («две тысячи пятьсот»)
        # «сто двадцать пять», "two hundred", «пять тысяч», «ста тысяч», "15 thousand": each next part
        # is smaller than the one before it (or multiplies what was read), in the same language.
        while not ordinal and last < len(tokens):
            nxt = tokens[last]
            factor = _multiplier(nxt)
            if factor and (nxt.lang == token.lang or token.lang == "num") and value < factor:
                value, last, limit = value * factor, last + 1, factor
                continue
            if token.lang == "en" and nxt.lower == "hundred" and limit and value > limit and 0 < added < 10:
                value, last, added = value + added * 99, last + 1, added * 100  # "two thousand five hundred"
                continue
            bound = limit if limit and value % limit == 0 else _place(value)
            if (
                token.lang == "en"
                and nxt.lower == "and"
                and value >= 100
                and last + 1 < len(tokens)
                and tokens[last + 1].lang == "en"
                and 0 < (tokens[last + 1].number or 0) < bound
            ):
                last += 1  # "one hundred and fifty", "a thousand and fifty"
                continue
            if (
                nxt.number is None
                or nxt.number == 0
                or nxt.lang != token.lang
                or token.lang == "num"
                or nxt.number >= bound
                or nxt.lower == "hundred"
            ):
                break
            value, last, ordinal, added = value + nxt.number, last + 1, nxt.ordinal, nxt.number
        if token.lang == "en" and last < len(tokens) and tokens[last].lower == "hundred" and value < 10:
            value, last = value * 100, last + 1
            if (
                last + 1 < len(tokens)
                and tokens[last].lower == "and"
                and tokens[last + 1].lang == "en"
                and 0 < (tokens[last + 1].number or 0) < 100
            ):
                last += 1  # "one hundred and fifty"
            while (
                last < len(tokens) and (part := tokens[last].number) is not None and tokens[last].lang == "en"
            ):
                if part >= 100 or tokens[last].lower == "hundred":
                    break
                value, last, ordinal = value + part, last + 1, tokens[last].ordinal
            factor = _multiplier(tokens[last]) if last < len(tokens) and not ordinal else None
            if factor and tokens[last].lang == "en" and value < factor:
                value, last = value * factor, last + 1  # "two hundred thousand": the hundreds are multiplied
        found.append(Numeral(value, i, last, ordinal, token.start, tokens[last - 1].end))
        i = last
    return found


@dataclass(frozen=True)
class Half:
    """A number with a half written in words: «полтора» 1.5, «две с половиной» 2.5, "one and a half" 1.5,
    "half an (hour)" 0.5, over tokens [first, last)."""

    value: float
    first: int
    last: int  # exclusive
    start: int
    end: int


def _half_at(tokens: Sequence[Token], i: int, whole: dict[int, Numeral]) -> Half | None:
    """The number with a half that starts at token `i`, if any."""
    token = tokens[i]
    if token.lang == "ru" and token.has({"полтора"}):  # «полтора», «полутора», «полторы»
        return Half(1.5, i, i + 1, token.start, token.end)
    if token.lower == "half" and i + 1 < len(tokens) and tokens[i + 1].lower in ("a", "an"):
        return Half(0.5, i, i + 2, token.start, tokens[i + 1].end)  # "half an hour": the unit follows
    n = whole.get(i)
    if n is None or n.ordinal:
        return None
    tail = [t.lower for t in tokens[n.last : n.last + 3]]
    if tail[:2] == ["с", "половиной"]:  # «две с половиной», «2 с половиной»
        return Half(n.value + 0.5, i, n.last + 2, n.start, tokens[n.last + 1].end)
    if tail == ["and", "a", "half"]:  # "one and a half"
        return Half(n.value + 0.5, i, n.last + 3, n.start, tokens[n.last + 2].end)
    return None


def halves(tokens: Sequence[Token]) -> list[Half]:
    """Numbers with a half written in words (see :class:`Half`); the numerals reader keeps whole numbers."""
    whole = {n.first: n for n in numerals(tokens)}
    found: list[Half] = []
    i = 0
    while i < len(tokens):
        half = _half_at(tokens, i, whole)
        if half is not None:
            found.append(half)
        i = half.last if half is not None else i + 1
    return found


@functools.lru_cache(maxsize=4096)
def in_past(word: str) -> bool:
    """A Russian finite verb form in the past tense («вернули», «погибли»): an event the rows went through."""
    return any(p.tag.POS == "VERB" and p.tag.tense == "past" for p in _morph().parse(word)[:1])


@functools.lru_cache(maxsize=4096)
def in_present(word: str) -> bool:
    """A Russian verb form in the present tense («готовятся», «убираются»): the process the rows are in now,
    not a perfective future («истекут») or a past event («ушёл»)."""
    return any(p.tag.POS == "VERB" and p.tag.tense == "pres" for p in _morph().parse(word)[:1])
