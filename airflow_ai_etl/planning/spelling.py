"""Spelling of the offline planner: a word misspelled by one letter is read as the word the planner knows.

Analysts type fast: «кажый час», «продажы», «ежеднено», "custmers". Such a word is unknown to the
dictionary, so every rule skips it and the planner asks what it already could have read. A word is
corrected only when all of these hold:

* Russian: pymorphy3 does not know it, it is no jargon word (кликхаус, мержить) and no lexicon word
  the dictionary lacks («инкрементально»); English: it is no word of the planner's English vocabulary
  and no number ("eight");
* it is 5 to 30 letters long and holds only letters;
* the words one edit away (a letter dropped, added, changed or two swapped) that the dictionary knows
  and that carry meaning for the planner (a lexicon concept, a schedule or load word, a glossary noun, a
  word of a table comment; in English only a table name or a frequency/weekday word, and not by adding
  or dropping a final "s") share a lemma. Two readings («полчса»: полчаса, полис) are left alone, so the
  planner asks.

A Russian word with no such reading may be a common misspelling of a word of the catalog's comments two
letters off, where every difference is a vowel or a soft/hard sign dropped or added, or a consonant doubled
or undoubled («задолжность» of 'Задолженность', «аппеляции» of 'Апелляции', «коммисии» of 'Комиссии'): its
consonants are the comment word's, so its dictionary lemma's skeleton finds the candidates and only forms of
one comment word at most two such edits away count. Another consonant changed, a real word or a word no
comment holds is left alone.

The corrected text is what the rules read; each correction is returned, and the spec's description
says it ("read 'кажый' as 'каждый'"), the request itself is kept as written.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from airflow_ai_etl.catalog import Catalog
from airflow_ai_etl.planning.colloquial import diminutive_bases
from airflow_ai_etl.planning.lexer import _JARGON_RE, Token, _morph, analyse, tokenize
from airflow_ai_etl.planning.lexicon import EN, RU
from airflow_ai_etl.planning.patterns import NOT_A_NAME

__all__ = ["Speller", "Correction"]

_RU_LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Words of schedules and loads that carry meaning for the rules but are no lexicon concept.
RU_PLANNER_LEMMAS = frozenset(
    {
        "каждый", "час", "минута", "секунда", "день", "сутки", "неделя", "месяц", "утро", "вечер", "ночь",
        "полночь", "полдень", "будни", "будний", "выходной", "выходные", "раз", "полчаса", "число",
        "грузить", "загружать", "загрузить", "выгружать", "выгрузить", "переносить", "перенести",
        "копировать", "скопировать", "заливать", "залить", "переливать", "перелить", "синхронизировать",
        "подтягивать", "подтянуть", "забирать", "забрать", "выгрузка", "загрузка", "таблица", "база",
        "колонка", "столбец", "поле", "ключ", "только", "новый", "статус", "сумма", "последний",
        # planner89: comparisons a filter reads («длинее ста км»: длиннее)
        "длинный", "короткий", "тяжёлый", "тяжелый", "лёгкий", "легкий", "дорогой", "дешёвый", "дешевый",
        "большой", "маленький", "высокий", "низкий", "долгий",
    }
)  # fmt: skip
EN_PLANNER_WORDS = frozenset(
    {
        "daily", "hourly", "weekly", "monthly", "nightly", "yearly", "every", "minutes", "hours", "midnight",
        "incrementally", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "weekday", "weekdays", "weekends", "clickhouse", "postgres",
    }
)  # fmt: skip
MIN_LENGTH = 5
MAX_LENGTH = 30  # longer "words" are no typos of ours, and their edits would cost ~60 * length lookups
# Unknown words looked up per request: each costs ~1-15 ms of dictionary lookups, so a 16 KB request of
# made-up words would otherwise take seconds (a request has a typo or two, not hundreds).
MAX_UNKNOWN_PER_REQUEST = 8
MEMO_SIZE = 4096
# Misspellings two letters off (vowels, signs, doubled consonants) are read only in words this long whose
# consonant skeleton is this long: in short words such edits reach too many other words.
MIN_MISSPELLED_LENGTH = 6
MIN_SKELETON = 3
MAX_ORTHOGRAPHIC_EDITS = 2
_SOFT_LETTERS = frozenset("аеёиоуыэюяьъ")


@dataclass(frozen=True)
class Correction:
    """One corrected word: as written, as read, and where it was."""

    written: str
    read: str
    start: int
    end: int


def _edits(word: str, letters: str) -> set[str]:
    """Every string one edit away from `word` (drop, swap, change, add a letter)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]}
        | {a + c + b for a, b in splits for c in letters}
    )


@functools.lru_cache(maxsize=8192)
def _ru_candidates(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Known Russian words one edit away, each with its lemmas (cached per word)."""
    morph = _morph()
    found = []
    for candidate in sorted(_edits(word, _RU_LETTERS)):
        if morph.word_is_known(candidate):
            lemmas = frozenset(p.normal_form.replace("ё", "е") for p in morph.parse(candidate))
            found.append((candidate, lemmas))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _is_comparative(word: str) -> bool:
    """A Russian comparative form («длиннее», «тяжелее»)."""
    return any("COMP" in p.tag for p in _morph().parse(word))


def _skeleton(word: str) -> str:
    """The consonants of a Russian word, a doubled one once: «задолженность» and «задолжность» -> здлжнст."""
    consonants = [c for c in word.lower().replace("ё", "е") if c not in _SOFT_LETTERS]
    return "".join(c for k, c in enumerate(consonants) if k == 0 or consonants[k - 1] != c)


def _droppable(word: str, k: int) -> bool:
    """Letter ``k`` is a vowel or a sign, or one of a doubled consonant: a common misspelling drops it."""
    return word[k] in _SOFT_LETTERS or (k > 0 and word[k - 1] == word[k]) or word[k + 1 : k + 2] == word[k]


def _orthographic_distance(written: str, known: str) -> int:
    """How many vowels, signs and doubled consonants are dropped or added between the two words (an edit
    distance with no other edit: a large number when another letter differs)."""
    far = len(written) + len(known) + 1
    previous = [0]
    for j in range(len(known)):
        previous.append(previous[-1] + 1 if _droppable(known, j) else far)
    for i in range(len(written)):
        current = [previous[0] + 1 if _droppable(written, i) else far]
        for j in range(len(known)):
            best = previous[j] if written[i] == known[j] else far
            if _droppable(written, i):
                best = min(best, previous[j + 1] + 1)
            if _droppable(known, j):
                best = min(best, current[j] + 1)
            current.append(best)
        previous = current
    return previous[-1]


@functools.lru_cache(maxsize=1024)
def _forms(lemma: str) -> tuple[str, ...]:
    """Every form of the Russian noun or adjective ``lemma`` (ё written е)."""
    return tuple(
        sorted(
            {
                form.word.replace("ё", "е")
                for p in _morph().parse(lemma)
                if p.normal_form.replace("ё", "е") == lemma and p.tag.POS in ("NOUN", "ADJF")
                for form in p.lexeme
            }
        )
    )


def _lemmas_of(texts: Iterable[str], pos: tuple[str, ...]) -> set[str]:
    """Lemmas of the Russian words of ``texts`` with a parse of one of the parts of speech ``pos``."""
    return {
        p.lemma
        for text in texts
        for token in tokenize(text)
        if token.lang == "ru"
        for p in token.parses
        if p.pos in pos
    }


def _written_words(texts: Iterable[str]) -> set[str]:
    """The words of ``texts`` as written (lower case, ё written е)."""
    return {t.lower.replace("ё", "е") for text in texts for t in tokenize(text) if t.lang in ("ru", "en")}


def _form_rank(word: str, candidate: str) -> tuple[bool, str]:
    """Candidates of the case and number the dictionary guesses for the typo first («продажы», plural ->
    «продажи», not «продажа»)."""
    guess = _morph().parse(word)[0].tag
    tags = [p.tag for p in _morph().parse(candidate)]
    return (not any(t.case == guess.case and t.number == guess.number for t in tags), candidate)


@dataclass
class Speller:
    """Corrects one-letter typos towards the words that mean something to the planner on one catalog."""

    ru_lemmas: frozenset[str]
    en_words: frozenset[str]
    en_keep: frozenset[str] = frozenset()  # column-name parts: real words of this catalog, never "typos"
    comment_lemmas: frozenset[str] = frozenset()  # words of the catalog's comments: common misspellings'
    # Words the catalog itself writes (comments, connection descriptions), as written: the domain's own
    # words («каршеринга» of 'Клиенты каршеринга'), never typos, even when the dictionary lacks them.
    catalog_words: frozenset[str] = frozenset()
    _memo: dict[str, str | None] = field(default_factory=dict)

    @functools.cached_property
    def _by_skeleton(self) -> dict[str, frozenset[str]]:
        """Comment lemmas by their consonant skeleton (:func:`_skeleton`)."""
        found: dict[str, set[str]] = {}
        for lemma in self.comment_lemmas:
            found.setdefault(_skeleton(lemma), set()).add(lemma)
        return {k: frozenset(v) for k, v in found.items() if len(k) >= MIN_SKELETON}

    @classmethod
    def for_catalog(
        cls,
        catalog: Catalog,
        glossary_words: Iterable[str] = (),
        en_words: Iterable[str] = (),
        en_known: Iterable[str] = (),
    ) -> Speller:
        """The planner's words: lexicon lemmas, schedule/load words, glossary words and table comments
        (Russian); table names, frequency/weekday words and `en_words` (English: a few words of other
        readers, e.g. the mart's "number", "average"). A word that is (a part of) a column name is never
        corrected ("county" is no typo of "count" where a column says so); nor is an English word the
        rules read (`en_known` and the lexicon's English words) in any inflection of it ("changes",
        "changed" are no typos of the table word "charges")."""
        ru = set(RU_PLANNER_LEMMAS)
        for lemmas in RU.values():
            ru |= lemmas
        texts = list(glossary_words)
        comments: list[str] = []
        en = set(EN_PLANNER_WORDS) | set(en_words)
        # The planner's own English words are real words ("changes" is the CDC cue, not "charges").
        keep: set[str] = {w for w in NOT_A_NAME if w.isascii()}
        for word in [*en_known, *(w for words in EN.values() for w in words)]:
            if word.isalpha() and word.isascii():
                keep |= {word.lower(), analyse(word.lower())[0].lemma}
        # English real words lie one letter from many of these ("remote" / remove, "clean" / clear) and
        # there is no English dictionary to tell them apart: only table names and schedule words are
        # targets, never a destroy verb, never a column (a target table's own name may be one edit away).
        written = [c.description or "" for c in catalog.connections.values()]
        for tables in catalog.tables.values():
            for table in tables:
                # every part of the name: "wifi sesions", "suport tickets"
                en |= {table.name, table.name.rstrip("s"), *table.name.split("_")}
                comments += [table.comment or ""] + [c.comment or "" for c in table.columns]
                keep |= {part for c in table.columns for part in c.name.lower().split("_")}
        # the glossary's words are chosen, whatever their part of speech: «сколько» (a numeral) makes
        # «сколко» a typo of it
        ru |= _lemmas_of(texts, ("NOUN", "ADJF", "VERB", "INFN", "PRTF", "PRTS", "NUMR", "ADVB"))
        # participles too: «Отработано часов» makes «отработаные» a typo of «отработанные»
        ru |= _lemmas_of(comments, ("NOUN", "ADJF", "VERB", "INFN", "PRTF", "PRTS"))
        return cls(
            frozenset(ru),
            frozenset(w for w in en if w.isalpha()),
            frozenset(keep),
            frozenset(_lemmas_of(comments, ("NOUN", "ADJF"))),
            frozenset(_written_words([*comments, *written])),
        )

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """`text` with each correctable word replaced, and the corrections (left to right)."""
        corrections = []
        budget = [MAX_UNKNOWN_PER_REQUEST]
        for token in tokenize(text):
            read = self._read(token, budget)
            if read is not None:
                corrections.append(Correction(token.text, read, token.start, token.end))
        for c in reversed(corrections):
            text = text[: c.start] + c.read + text[c.end :]
        return text, corrections

    def _read(self, token: Token, budget: list[int]) -> str | None:
        word = token.lower
        if token.lang not in ("ru", "en") or not MIN_LENGTH <= len(word) <= MAX_LENGTH:
            return None
        if not word.isalpha() or word.replace("ё", "е") in self.catalog_words:
            return None  # «каршеринга»: the catalog writes it, so it is the domain's word, not a typo
        if token.number is not None:  # "eight" is a number, not "night" misspelled
            return None
        if word not in self._memo:
            if budget[0] <= 0:
                return None
            budget[0] -= 1
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[word] = self._ru(word) if token.lang == "ru" else self._en(word)
        read = self._memo[word]
        if read is None:
            return None
        return read[0].upper() + read[1:] if token.text[0].isupper() else read

    def _ru(self, word: str) -> str | None:
        if word in self.ru_lemmas or _morph().word_is_known(word) or _JARGON_RE.match(word):
            return None
        if diminutive_bases(word) & self.ru_lemmas:
            return None  # «заказики»: a diminutive of «заказ», not «заказчики» misspelled (planner22)
        meaningful = [(c, lemmas & self.ru_lemmas) for c, lemmas in _ru_candidates(word)]
        meaningful = [(c, lemmas) for c, lemmas in meaningful if lemmas]
        if not meaningful:  # «инкриментально»: a lexicon word the dictionary lacks is a target as well
            direct = _edits(word, _RU_LETTERS) & self.ru_lemmas
            return direct.pop() if len(direct) == 1 else self._misspelled_comment_word(word)
        if word.endswith("ее") and any(_is_comparative(c) for c, _ in meaningful):
            # «длинее»: the comparative «длиннее» a filter reads, not the noun «длине» (planner89)
            meaningful = [(c, lemmas) for c, lemmas in meaningful if _is_comparative(c)]
        if not frozenset.intersection(*(lemmas for _, lemmas in meaningful)):
            return None  # none, or two readings («полчса»: полчаса, полис): leave it to the question
        # The form closest to what was written: same length, then the consonants as written (a vowel
        # mistyped is the common slip: «курьерав» is «курьеров», not the dative «курьерам» that changes a
        # consonant), then the same case and number
        # A comparative's ending «-ее» kept first: «длинее» is «длиннее» (a letter dropped), not the short
        # «длинен» of the same length (planner89)
        comparative = word.endswith("ее")
        return min(
            (c for c, _ in meaningful),
            key=lambda c: (
                comparative and not _is_comparative(c),
                len(c) != len(word),
                _skeleton(c) != _skeleton(word),
                *_form_rank(word, c),
            ),
        )

    def _misspelled_comment_word(self, word: str) -> str | None:
        """«задолжность» -> «задолженность»: the one comment word whose form is at most two dropped or added
        vowels, signs or doubled consonants away (see the module's docstring); None for none or two."""
        if len(word) < MIN_MISSPELLED_LENGTH:
            return None
        guessed = {p.normal_form.replace("ё", "е") for p in _morph().parse(word)} | {word.replace("ё", "е")}
        targets = {t for lemma in guessed for t in self._by_skeleton.get(_skeleton(lemma), ())}
        near = {
            (form, lemma)
            for lemma in targets
            for form in _forms(lemma)
            if _orthographic_distance(word.replace("ё", "е"), form) <= MAX_ORTHOGRAPHIC_EDITS
        }
        if len({lemma for _, lemma in near}) != 1:
            return None  # none, or forms of two comment words: leave it to the question
        written = word.replace("ё", "е")
        return min(
            (form for form, _ in near),
            key=lambda f: (_orthographic_distance(written, f), *_form_rank(word, f)),
        )

    def _en(self, word: str) -> str | None:
        if word in self.en_words or word in self.en_keep or analyse(word)[0].lemma in self.en_keep:
            return None
        candidates = {
            c for c in _edits(word, _EN_LETTERS) & self.en_words if c + "s" != word and word + "s" != c
        }  # a plural or singular is no typo ("prices" is a name of its own, not "price" misspelled)
        return next(iter(candidates)) if len(candidates) == 1 else None
