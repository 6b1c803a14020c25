"""The content-word residue of a load's noun phrase (issue 15): a word of the table's own phrase no rule read.

The table a load names is said in a noun phrase: "premium hotel guests", «заказы мебели», "dishes and
restaurants". Every content word of that phrase must be read: it names the table, a column or a value
the WHERE took, a word a rule read (schedule, mode, mask, a connection), or a filler («данные», "data",
"please", a load verb). A word left over is something the planner did not understand: a kind of rows no
column holds ("premium", "luxury"), a thing the catalog lacks («мебели»), or a second table the catalog
does not have ("dishes" beside "restaurants"). Planning the table without it would be a confident
wrong answer, so the planner asks one question quoting the word.

The phrase read: in English up to two words right before the table's word (modifiers; a domain noun
the glossary knows, "customer" of "customer orders", is read as a qualifier), in Russian the genitive
nouns right after it («заказы мебели»; a chain of them, «кафедры математики», asked only when none of its
nouns is read, a proper name after it, «студии Мосфильм», whenever nothing reads it), and in both languages
the item joined to it by and/«и».

A table named only by the subject of the whole database («залей кино» over a 'Cinema chain …' database, the
word translated by vocabulary.DOMAIN_MEANINGS) is no table at all: which one is asked (domain_word_only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.messages import Message, say
from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.english_meanings import russian_lemmas
from airflow_ai_etl.planning.heads import GENERIC_EN, GENERIC_RU
from airflow_ai_etl.planning.lexer import Token, known_word, tokenize
from airflow_ai_etl.planning.lexicon import SURFACE_ONLY, concepts
from airflow_ai_etl.planning.patterns import COLUMN_NOUN_PARTS, STOP_WORDS, VALUE_COLUMN_WORDS
from airflow_ai_etl.planning.request import Request, status_spellings, status_word
from airflow_ai_etl.planning.vocabulary import DOMAIN_MEANINGS, VALUE_MEANINGS, name_parts, stem

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

_EN_BREAKS = frozenset(
    {"over", "off", "up", "out", "down", "away", "back", "this", "that", "these", "those", "my"}
)
_CONTENT_POS = {"NOUN", "ADJF", "ADJS", "PRTF", "PRTS", None}
_COORDINATORS = {"and", "и", "&", "plus", "плюс"}
_DETERMINERS = {"the", "our", "all", "наш", "наши", "все"}
# «клиентов и их машины», "customers and their orders": the owner's pronoun before the second item (planner98)
_POSSESSIVES = {"their", "its", "his", "her", "их", "его", "её", "ее", "свои", "своих", "своими"}
# Words said to the assistant before the table, not of the table's phrase ("can you sync", "pls load").
_EN_FILLERS = frozenset(
    {
        "need", "needs", "want", "wants", "you", "can", "could", "would", "will", "pls", "plz", "please",
        "hey", "thanks", "thx", "also", "just", "then", "now", "again", "both", "whole", "entire", "set",
        "let", "lets", "get", "make", "keep", "have",
    }
)  # fmt: skip


@dataclass(frozen=True)
class _PhraseReader:
    """The request's words around the table's word as the phrase rules below walk them: a word's token,
    whether two words stand side by side, and whether any rule read a word (of the load's table and WHERE)."""

    planner: OfflinePlanner
    request: Request
    table: Table
    where: str
    at: dict[int, Token]  # the lexer's tokens of the request by their start

    def token(self, i: int) -> Token | None:
        """The lexer's token of the request's word `i`; None outside the request."""
        return self.at.get(self.request.spans[i][0]) if 0 <= i < len(self.request.tokens) else None

    def joined(self, i: int, j: int) -> bool:
        """Words `i` < `j` stand with only white space between them."""
        spans, text = self.request.spans, self.request.text
        return 0 <= i < j < len(self.request.tokens) and not text[spans[i][1] : spans[j][0]].strip()

    def unread(self, word: Token, qualifier: bool, spans: bool = True) -> bool:
        """No rule read `word`, nor does it name anything (`_read`)."""
        return not _read(self.planner, self.request, self.table, self.where, word, qualifier, spans=spans)


def unread_phrase_words(
    planner: OfflinePlanner, request: Request, table: Table, where: str
) -> Message | None:
    """One question quoting the content words of the table's own noun phrase that nothing read; None when
    every word of it was read."""
    from airflow_ai_etl.planning.offline import EN_LEAD_WORDS  # offline imports this module
    from airflow_ai_etl.planning.triggers import EN_ORDERS

    indices = _hit_indices(planner, request, table)
    if not indices:
        return None
    reader = _PhraseReader(planner, request, table, where, {t.start: t for t in tokenize(request.text)})
    token, joined, unread = reader.token, reader.joined, reader.unread
    tokens = request.tokens
    flagged: list[Token] = []
    first, last = indices[0], indices[-1]
    j = first - 1  # "premium hotel guests": English modifiers before the table's word
    while j >= first - 2 and joined(j, j + 1) and j not in indices:
        word = token(j)
        if (
            word is not None
            and word.lower in _EN_PARTICLES
            and _en_participle(token(j - 1))
            and joined(j - 1, j)
        ):
            j -= 1  # "topped up deposits": a phrasal participle's particle; the participle is the modifier
            continue
        if word is None or word.lang != "en" or not _content(word) or word.lower in STOP_WORDS | _EN_BREAKS:
            break  # "kick off the inventory copy": an article or a preposition ends the modifiers
        if word.lower in EN_LEAD_WORDS | EN_ORDERS | _EN_FILLERS or word.lower.endswith("ly"):
            break  # "sync customers", "fully reload": the order, not a modifier
        if unread(word, qualifier=True):
            flagged.append(word)
        j -= 1
    k = last + 1  # «заказы мебели»: Russian genitive nouns after it (adjectives of theirs passed over)
    head = token(last)
    noun = head is not None and head.lang == "ru" and head.parses[:1] and head.parses[0].pos == "NOUN"
    genitives: list[Token] = []
    while noun and k <= last + 3 and joined(k - 1, k) and k not in indices:
        word = token(k)
        if word is None or word.lang != "ru" or not _content(word) or not word.parses:
            break
        if "-" not in word.lower and not known_word(word.lower):
            break  # «интернет сесии»: a misspelling the dictionary only guesses, left to the spelling rules
        if not _genitive(word) and not _genitive_after(head, word):
            break
        genitives += [word] if word.parses[0].pos == "NOUN" else []
        k += 1
    # «фильмы студии Мосфильм», «авиакомпании Аэрофлот»: a proper name set after the chain names one body
    name = token(k) if noun and k not in indices and joined(k - 1, k) else None
    if name is not None and not _proper_name(name):
        name = None
    # one noun says which rows («заказы мебели»); a chain of nouns may name a body or the domain («курьеров
    # службы доставки» of a 'Delivery service database'): it is asked only when none of its nouns is read
    # (translated, a column, a listed value, a table), «преподавателей кафедры математики» where univ has no
    # department; a name after it is asked whenever nothing reads it
    if len(genitives) == 1 and unread(genitives[0], qualifier=True):
        flagged.append(genitives[0])
    elif len(genitives) > 1 and (said := _informative(genitives)) and all(unread(g, True) for g in said):
        flagged += genitives  # a generic noun («кафедры истории») reads nothing of its own
    if name is not None and unread(name, qualifier=True):
        flagged.append(name)
    if flagged and name is not None:
        flagged += _unread_head_before(reader, first)
    flagged += _english_of_chain(reader, last)
    if noun and _holds_kinds(table):  # «занятия по карате» of class_type (planner106)
        flagged += _topic_after_po(reader, last)
    flagged += _object_before_source(reader, indices)
    flagged += _role_among(reader, indices)
    flagged += _means_through(reader)
    flagged += _state_not_shown(reader)
    flagged += _kind_after_preposition(reader, last)
    phrase = _agent_phrase(reader, last)
    for joint, step in ((first - 1, -1), (last + 1, 1)):  # "dishes and restaurants"
        if not (0 <= joint < len(tokens)) or tokens[joint] not in _COORDINATORS:
            continue
        other = joint + step
        if 0 <= other < len(tokens) and tokens[other] in _DETERMINERS | _POSSESSIVES:
            other += step
        word = token(other)
        if word is None or not _content(word) or word.lower in EN_LEAD_WORDS | EN_ORDERS:
            continue
        if (word.lang == "en" or any(p.pos == "NOUN" for p in word.parses[:1])) and unread(word, False):
            flagged.append(word)
    flagged += _kinds_beside_the_table(planner, request, table, where, indices)
    if not flagged and phrase is None:
        return None
    quotes = {(t.start, t.text) for t in flagged}
    if phrase is not None:  # "made by the night team" is quoted whole, not word by word
        quotes = {(s, w) for s, w in quotes if not phrase[0] <= s < phrase[1]}
        quotes.add((phrase[0], request.text[phrase[0] : phrase[1]]))
    found = sorted(quotes)
    quoted = ", ".join(f"«{w}»" if request.language == "ru" else f"'{w}'" for _, w in found)
    return say(request.language, "planner.unread_content_words", words=quoted, table=table.qualified_name)


def _holds_kinds(table: Table) -> bool:
    """`table` has a column of kinds a «по»-phrase may say: a text column listing values or a kind column
    («занятия по карате»: class_type); «проходы по пропускам» of badge_events (door, direction) has none,
    so the phrase there says how the rows are known, not which."""
    from airflow_ai_etl.planning.filters import _is_kind, _is_text

    return any(_is_text(c) and (_is_kind(c) or listed_values(c.comment)) for c in table.columns)


def _topic_after_po(reader: _PhraseReader, last: int) -> list[Token]:
    """«Занятия по карате», «тренеры по боксу»: a Russian noun after «по» right after the table's noun says
    which rows (the kind of class, the trainer's sport); read when a rule took it («тренеры по боксу»:
    specialization = 'boxing'), a column or a table names it, a schedule or key rule spans it, else quoted to
    be asked (planner106: «занятия по карате» loaded every class)."""
    request, token, joined = reader.request, reader.token, reader.joined
    k = last + 1
    if k + 1 >= len(request.tokens) or request.tokens[k] != "по":
        return []
    if not joined(last, k) or not joined(k, k + 1):
        return []
    word = token(k + 1)
    if word is None or word.lang != "ru" or not word.parses or word.parses[0].pos != "NOUN":
        return []
    named = token(k + 2) if joined(k + 1, k + 2) else None
    if named is not None and named.lang == "en":
        return []  # «заказы по полю updated_at», «по ключу id»: a column's noun before its name
    return [word] if reader.unread(word, qualifier=False) else []


# "from"/«из» before the table's word, and what may stand between them ("from the properties table")
_SOURCE_PREPOSITIONS = frozenset({"from", "из"})
_SOURCE_FILLERS = frozenset({"the", "table", "таблицы"})
_OBJECT_DETERMINERS = frozenset({"the", "all", "only", "just", "только", "все", "всех"})


def _object_before_source(reader: _PhraseReader, indices: list[int]) -> list[Token]:
    """ "Load panel buildings from properties", «Панельные дома из объектов недвижимости»: the load's object
    said before "from"/«из» and the table's word is the rows' own phrase; its content words (up to three,
    back to the load verb, an article or the start) are quoted when nothing reads them. A single noun there
    is the filter rules' (planner97: "Hamsters from pets" is asked there); a modifier beside it was dropped,
    every row loaded (planner102: "panel" of building_type 'Тип дома', which lists no values)."""
    from airflow_ai_etl.planning.offline import EN_LEAD_WORDS  # offline imports this module
    from airflow_ai_etl.planning.triggers import EN_ORDERS

    tokens, token, joined = reader.request.tokens, reader.token, reader.joined
    for i in indices:
        j = i - 1
        while j >= 0 and tokens[j] in _SOURCE_FILLERS:
            j -= 1
        if j < 1 or tokens[j] not in _SOURCE_PREPOSITIONS or not joined(j - 1, j):
            continue
        words: list[Token] = []
        k = j - 1
        while k >= 0 and len(words) < 3 and joined(k, k + 1):
            word = token(k)
            if word is None or not _content(word):
                break
            if word.lower in _OBJECT_DETERMINERS | STOP_WORDS | _EN_BREAKS:
                break
            if word.lower in EN_LEAD_WORDS | EN_ORDERS | _EN_FILLERS:
                break  # "load", "copy": the order before its object
            if word.lang == "ru" and word.parses and word.parses[0].pos not in ("NOUN", "ADJF", "PRTF"):
                break  # «перелей», «выгрузи»: the verb before its object
            words.append(word)
            k -= 1
        if len(words) < 2:
            return []  # one noun: the filter rules read it or ask (planner97)
        return [w for w in reversed(words) if reader.unread(w, qualifier=True)]
    return []


def _state_not_shown(reader: _PhraseReader) -> list[Token]:
    """«Сим-карты …, заблокированные не показывать»: a Russian adjective or participle right before a negated
    verb of showing says which rows to leave out (rows not shown are rows not loaded, planner109); read when a
    rule took it (`status <> 'blocked'` of subscribers, «тестовые» asked by the filters), else quoted: the
    SIM cards' status lists no 'blocked', and every card was loaded (planner127)."""
    from airflow_ai_etl.planning.filters import NOT_SHOWN_AFTER  # imported where used, as _holds_kinds does

    request, token = reader.request, reader.token
    flagged = []
    for k in range(len(request.tokens) - 1):
        word = token(k)
        if word is None or word.lang != "ru" or not word.parses or word.parses[0].pos not in ("ADJF", "PRTF"):
            continue
        if NOT_SHOWN_AFTER.match(request.lower, request.spans[k + 1][0]) and reader.unread(word, False):
            flagged.append(word)
    return flagged


# «через час», «через неделю»: a time after «через», the schedule's or a window's, never a means
_TIME_LEMMAS = frozenset({"секунда", "минута", "час", "день", "сутки", "неделя", "месяц", "год", "полчаса"})


def _means_through(reader: _PhraseReader) -> list[Token]:
    """«Счета, оплаченные через терминал», «платежи через терминал»: a Russian noun after «через» says how
    the rows were made (a payment means, a channel); read when a column lists it («через терминал» of
    'Канал оплаты (…, terminal)'), else quoted: dropped, every means was loaded (planner127)."""
    request, token = reader.request, reader.token
    flagged = []
    for k, word in enumerate(request.tokens[:-1]):
        if word != "через" or not reader.joined(k, k + 1):
            continue
        noun = token(k + 1)
        if noun is None or noun.lang != "ru" or not noun.parses or noun.parses[0].pos != "NOUN":
            continue
        if noun.lemmas & _TIME_LEMMAS or not _content(noun):
            continue
        if reader.unread(noun, qualifier=False):
            flagged.append(noun)
    return flagged


# «проектировщиков среди подрядчиков», "designers among contractors": the rows picked out of the table's
_AMONG = frozenset({"среди", "among", "amongst"})


def _role_among(reader: _PhraseReader, indices: list[int]) -> list[Token]:
    """«Проектировщиков среди подрядчиков»: the noun said right before «среди»/"among" and the table's word
    says which of its rows (a kind of contractor); quoted when no rule, column or listed value reads it, as
    a word nothing declares (planner127: contractor_type lists nothing, and every contractor was loaded)."""
    tokens, token, joined = reader.request.tokens, reader.token, reader.joined
    for i in indices:
        j = i - 1
        if j < 1 or tokens[j] not in _AMONG or not joined(j - 1, j):
            continue
        word = token(j - 1)
        if word is None or not _content(word) or word.lower in STOP_WORDS:
            return []
        if word.lang == "ru" and word.parses and word.parses[0].pos != "NOUN":
            return []
        return [word] if reader.unread(word, qualifier=False) else []
    return []


# «Билеты на блокбастеры», "claims for hail damage": the preposition after the table's word saying what the
# rows are for
_KIND_PREPOSITIONS = frozenset({"на", "for"})
_EN_ARTICLES = frozenset({"the", "a", "an", "all", "any"})
# "for today", "for more than 14 days", "for next week": a time or an amount after "for", no kind of rows
_EN_NO_KIND = frozenset(
    {
        "today", "tomorrow", "yesterday", "tonight", "now", "more", "less", "over", "under", "at", "up",
        "about", "around", "last", "next", "this", "that", "each", "every", "longer", "shorter", "fewer",
    }
)  # fmt: skip


def _kind_after_preposition(reader: _PhraseReader, last: int) -> list[Token]:
    """«Билеты на блокбастеры», «Записи на стрижку», "claims for hail damage": right after the table's word,
    «на»/"for" and a noun phrase (Russian adjectives and their noun, English up to two words) saying which
    rows: a kind of them. Its words nothing reads are quoted; every row was loaded (wc108). Words that are
    read (a table, a comment's word, a listed value: «Записи на групповые занятия», "claims for theft") or a
    time (schedule spans, "for today") are no question; "the hail ones" is the ones rule's."""
    tokens, token, joined = reader.request.tokens, reader.token, reader.joined
    k = last + 1
    prep = token(k)
    if prep is None or prep.lower not in _KIND_PREPOSITIONS or not joined(last, k):
        return []
    words: list[Token] = []
    j = k + 1
    if prep.lang == "ru":
        while j <= k + 3 and joined(j - 1, j):
            word = token(j)
            if word is None or word.lang != "ru" or not word.parses or not _content(word):
                return []
            pos = word.parses[0].pos
            if pos in ("ADJF", "PRTF"):
                words.append(word)
                j += 1
                continue
            if pos != "NOUN" or not any(
                p.pos == "NOUN" and p.case in ("accs", "nomn") for p in word.parses[:2]
            ):
                return []  # «на завтра», «на складе»: a time or a place, no kind
            words.append(word)
            break
        else:
            return []
    else:
        while j < len(tokens) and tokens[j] in _EN_ARTICLES and joined(j - 1, j):
            j += 1
        if j < len(tokens) and tokens[j] in _EN_NO_KIND:
            return []
        while j < len(tokens) and len(words) < 2 and joined(j - 1, j):
            word = token(j)
            if (
                word is None
                or word.lang != "en"
                or not _content(word)
                or word.lower in STOP_WORDS | _EN_BREAKS
            ):
                break
            words.append(word)
            j += 1
        if j < len(tokens) and tokens[j] in ("ones", "one"):
            return []  # "claims for the hail ones": the ones rule asks
    # «на сеансы», "for theft": read words (a table, a listed value) say nothing more; "bookings for yoga
    # classes": a modifier nothing of the bookings reads (another table's value) is asked all the same
    return [w for w in words if reader.unread(w, qualifier=True)]


def _english_of_chain(reader: _PhraseReader, last: int) -> list[Token]:
    """ "teachers of the chemistry department": the English twin of a Russian genitive chain, an of-phrase
    right after the table's word whose words (two at most) no rule read, asked as «кафедры химии» is."""
    tokens, token = reader.request.tokens, reader.token
    k = last + 1
    if k >= len(tokens) or tokens[k] != "of":
        return []
    k += 1
    if k < len(tokens) and tokens[k] in _DETERMINERS | {"a", "an", "this", "that"}:
        k += 1
    words: list[Token] = []
    while k < len(tokens) and len(words) < 2:
        word = token(k)
        if word is None or word.lang != "en" or not _content(word) or word.lower in STOP_WORDS | _EN_BREAKS:
            break
        words.append(word)
        k += 1
    return words if len(words) == 2 and all(reader.unread(w, qualifier=False) for w in words) else []


# Irregular English past participles a load's rows are qualified by ("made by", "written by"); a regular one
# ends in -ed ("handled by", "created by", "booked by").
_EN_PARTICIPLES = frozenset(
    {
        "made", "done", "taken", "given", "written", "sent", "run", "held", "built", "sold", "paid", "bought",
        "brought", "kept", "won", "seen", "driven", "ridden", "shown", "drawn", "chosen", "spent", "led",
        "met", "put", "set", "begun", "struck", "caught", "taught", "fought", "found", "got", "gotten",
    }
)  # fmt: skip


def _agent_phrase(reader: _PhraseReader, last: int) -> tuple[int, int] | None:
    """ "deliveries made by the night team", "orders created by the marketing team": a participle phrase right
    after the table's word saying who made the rows. Its head noun (the last word before a break) names the
    rows' maker; when nothing reads that noun (no column, listed value, table) the phrase is a condition no
    column holds, so it is asked, quoted whole. The phrase's text span, or None when it is read or absent."""
    request, token = reader.request, reader.token
    tokens = request.tokens
    k = last + 1
    if k + 1 >= len(tokens) or tokens[k + 1] != "by":
        return None
    verb = token(k)
    if verb is None or verb.lang != "en" or not (verb.lower in _EN_PARTICIPLES or verb.lower.endswith("ed")):
        return None
    j = k + 2
    if j < len(tokens) and tokens[j] in {"more", "less", "over", "under", "at", "up", "about", "around"}:
        return None  # "flights delayed by more than 45 minutes": an amount, no maker
    if j < len(tokens) and tokens[j] in _DETERMINERS | {"a", "an", "this", "that", "its", "their"}:
        j += 1
    spans = list(request.schedule_spans)
    words: list[Token] = []
    while j < len(tokens) and len(words) < 3:
        word = token(j)
        if word is None or word.lang != "en" or not _content(word) or word.lower in STOP_WORDS | _EN_BREAKS:
            break
        if any(a <= word.start < b for a, b in spans) and words:
            break  # "… by the front desk every hour": the schedule ends the phrase
        words.append(word)
        j += 1
    # the maker's noun is read only by what names it, never by a span a schedule or flag rule took over it
    # ("by the night team every hour": «night» is no clock there)
    if not words or not reader.unread(words[-1], qualifier=False, spans=False):
        return None
    return verb.start, words[-1].start + len(words[-1].text)


def _informative(chain: list[Token]) -> list[Token]:
    """The chain's nouns that say something of their own (not «история», «данные»: any rows)."""
    return [w for w in chain if not w.lemmas & GENERIC_RU]


def _genitive(word: Token) -> bool:
    """The word may be genitive: its best reading, or a noun's genitive reading the dictionary ranks lower
    («студии»: locative first, then genitive)."""
    return word.parses[0].case == "gent" or _genitive_noun(word)


def _genitive_after(head: Token | None, word: Token) -> bool:
    """A lower-case noun whose best reading is a nominative that does not agree with the plural noun before
    it («Сеансы премьер»: «премьер» the prime minister, singular) and that may be a genitive plural: the
    genitive, however low the dictionary ranks it; a nominative cannot follow a plural noun so (q112)."""
    if head is None or not head.parses or head.parses[0].number != "plur" or not word.text[:1].islower():
        return False
    best = word.parses[0]
    if best.pos != "NOUN" or best.case != "nomn" or best.number != "sing":
        return False
    return any(p.pos == "NOUN" and p.case == "gent" and p.number == "plur" for p in word.parses)


def _genitive_noun(word: Token) -> bool:
    return word.parses[0].pos == "NOUN" and any(
        p.pos == "NOUN" and p.case == "gent" and p.score >= 0.1 for p in word.parses
    )


def _proper_name(word: Token) -> bool:
    """A capitalised Russian noun in the nominative («Мосфильм», «Аэрофлот»): a name in apposition."""
    return (
        word.lang == "ru"
        and word.text[:1].isupper()
        and _content(word)
        and bool(word.parses)
        and word.parses[0].pos == "NOUN"
        and word.parses[0].case == "nomn"
    )


def _unread_head_before(reader: _PhraseReader, first: int) -> list[Token]:
    """«пилотов авиакомпании Аэрофлот»: the table's word is a genitive naming a body; the noun before it is
    what the user wants loaded, quoted too when nothing reads it."""
    token, joined = reader.token, reader.joined
    head, after = token(first - 1), token(first)
    if head is None or after is None or not joined(first - 1, first) or head.lang != "ru" or not head.parses:
        return []
    if head.parses[0].pos != "NOUN" or not _genitive(after) or not _content(head):
        return []
    return [head] if reader.unread(head, qualifier=False) else []


def names_the_domain(planner: OfflinePlanner, token: Token) -> bool:
    """The word translates a word that describes a connection: the business or body the whole database is
    about («кино» of 'Cinema chain …', «службы доставки» of 'Delivery service database')."""
    english = {e for lemma in token.lemmas | {token.lower} for e in DOMAIN_MEANINGS.get(lemma, ())}
    if not english:
        return False
    described = set().union(*(planner._description_stems(c) for c in planner.catalog.connections.values()))
    return any(all(stem(p) in described for p in re.findall(r"[a-z]+", e)) for e in english)


def _content(token: Token) -> bool:
    """A noun or an adjective (English: any word) of three letters or more, not an abbreviation («ЖКХ»)."""
    if token.lang not in ("ru", "en") or len(token.lower) < 3 or token.text.isupper():
        return False
    return token.lang == "en" or not token.parses or token.parses[0].pos in _CONTENT_POS


# particles of an English phrasal participle before a noun ("topped up", "checked out", "signed off")
_EN_PARTICLES = frozenset({"up", "out", "off", "down", "over"})


def _en_participle(word: Token | None) -> bool:
    """`word` is an English past participle: by its ending ("topped", "checked") or a word of a coded meaning
    ("hung" of 'сброшен клиентом', english_meanings)."""
    if word is None or word.lang != "en":
        return False
    return (word.lower.endswith("ed") and len(word.lower) > 4) or bool(russian_lemmas(word.lower))


def _lemma_concepts(lemma: str, lang: str) -> set[str]:
    """The concepts a word says by its lemma: an English surface-only concept ("drop") is said by the word
    itself, so "dropped calls" is a state of the calls, not a read command word (planner153: every call was
    loaded)."""
    return concepts(lemma, lang) - SURFACE_ONLY if lang == "en" else concepts(lemma, lang)


def _read(
    planner: OfflinePlanner,
    request: Request,
    table: Table,
    where: str,
    token: Token,
    qualifier: bool,
    spans: bool = True,
) -> bool:
    """The word was read by a rule, names something of the catalog, or is a filler. A `qualifier` (a
    modifier of the table's word) may also be a domain noun the glossary knows ("customer orders"). Without
    `spans` a rule's span over the word does not count as reading it."""
    spans_read = list(request.schedule_spans) + list(request.handled) if spans else []
    if any(a <= token.start < b for a, b in spans_read):
        return True
    word = token.lower
    if word in STOP_WORDS or word in request.claimed or word in request.values or word in _EN_FILLERS:
        return True
    if token.lemmas & GENERIC_RU or word in GENERIC_EN:
        return True
    if concepts(word, token.lang) or any(_lemma_concepts(lemma, token.lang) for lemma in token.lemmas):
        return True
    if planner._is_engine_word(word) or planner._names_table_or_connection(word):
        return True
    meanings = planner.vocabulary.meanings(word)
    if meanings & (COLUMN_NOUN_PARTS | VALUE_COLUMN_WORDS):
        return True  # «события типа purchase»: a column's noun before its value
    if qualifier and planner.vocabulary.glossed(word):
        return True
    schemas = {
        t.qualified_name.partition(".")[0].lower()
        for c in planner.catalog.tables
        for t in planner.catalog.tables_of(c)
    }
    if word in schemas:
        return True  # "crm leads": the schema's name
    values = {v.lower() for c in table.columns for v in listed_values(c.comment)}
    if planner._column_mentions(table, [word]) or word in values or stem(word) in where:
        return True
    status, _ = status_word(word)
    if status and any(s in where for s in status_spellings(status)):
        return True  # "unpaid orders": read as the status
    from airflow_ai_etl.planning.offline import _every_row_event  # offline imports this module

    if not where and _every_row_event(token, table):
        return True  # "bought memberships" of 'Абонементы (проданные клубные карты)': every row (planner106)
    parts = [p for c in table.columns for p in c.name.lower().split("_")] + table.name.lower().split("_")
    if any(transliterates(word, part) for part in parts):
        return True  # «модели машин», «вайфай сессии»: a name of the table spelled in Cyrillic
    described = {
        w for c in planner.catalog.connections.values() for w in re.findall(r"[a-z]+", c.description.lower())
    }
    if any(transliterates(word, known) for known in described) or names_the_domain(planner, token):
        return True  # «студенты университета» of "University records database": the database's own domain
    said = re.findall(r"[a-z]+", where)
    if any(e in said for lemma in token.lemmas for e in VALUE_MEANINGS.get(lemma, ())):
        return True  # «тренеры секции йоги»: specialization = 'yoga', the value the WHERE took
    pieces = word.split("-")  # «билеты бизнес-класса»: fare_class = 'business'; «gold-уровня»; «upsert-ом»
    if len(pieces) > 1 and any(p.isascii() and (p in said or concepts(p, "en")) for p in pieces):
        return True  # a Latin piece a rule read; «клиентов-юрлиц» stays unread
    return any(transliterates(piece, value) for piece in pieces for value in said)


def domain_word_only(planner: OfflinePlanner, request: Request, table: Table) -> Message | None:
    """«залей кино в клик» over a 'Cinema chain …' database: every word naming the table is the domain of the
    whole database (a word its description says, translated), never the table's name or the head noun of its
    comment ('Билеты в кино' only says what tickets are for), so no one table is named: which one is asked.
    «билеты в кино» names the tickets by their own noun; «мили» of 'Операции с милями' is no domain word."""
    indices = _hit_indices(planner, request, table)
    if not indices or any(_names_own_rows(planner, table, request.tokens[i]) for i in indices):
        return None
    said = _lexed(request, indices)
    if not all(t is not None and names_the_domain(planner, t) for t in said):
        return None
    word = " ".join(request.raw[i] for i in indices)
    listed = [
        f"{c.conn_id}: {', '.join(planner._table_names(c.conn_id))}" for c in planner._readable("postgres")
    ]
    return say(request.language, "planner.domain_word_no_table", word=word, tables="; ".join(listed))


def _lexed(request: Request, indices: list[int]) -> list[Token | None]:
    """The lexer's tokens of the request's words `indices`, in order; None where no token starts at a word."""
    at = {t.start: t for t in tokenize(request.text)}
    return [at.get(request.spans[i][0]) for i in indices]


def _hit_indices(planner: OfflinePlanner, request: Request, table: Table) -> list[int]:
    """The indices of the request's words that name `table`."""
    return sorted(
        {
            i
            for conn in planner._readable("postgres")
            for name, (_, found) in planner._table_hits(request, conn.conn_id).items()
            if name == table.qualified_name
            for i in found
        }
    )


def _names_own_rows(planner: OfflinePlanner, table: Table, word: str) -> bool:
    """The word is the table's name, a part of it, or the head noun of its comment: what its rows are."""
    from airflow_ai_etl.planning.heads import comment_head_stems, comment_noun_stem

    noun = comment_noun_stem(table.comment)
    own = set(name_parts(table.name)) | comment_head_stems(table.comment) | ({noun} if noun else set())
    return word in (table.name.lower(), table.qualified_name.lower()) or bool(
        planner.vocabulary.meanings(word) & own
    )


_LISTED_KINDS = re.compile(r"\(([^()]*(?:,| и | and )[^()]*)\)")


def _kinds_beside_the_table(
    planner: OfflinePlanner, request: Request, table: Table, where: str, indices: list[int]
) -> list[Token]:
    """«заказы попкорна в кинобаре», «попкорн из кинобара» of 'Заказы в кинобаре (попкорн, напитки)': a word
    of the comment's bracketed list of kinds names the table only when said alone; beside another word that
    names the table it says which rows, and with no WHERE at all nothing read it."""
    listed = _LISTED_KINDS.search(table.comment or "")
    if listed is None or where:
        return []
    kinds = {stem(w) for w in re.findall(r"\w+", listed.group(1).lower())}
    # «блюда меню» of 'Позиции меню (блюда и напитки)': a kind the columns call each row by ('Название блюда',
    # 'Артикул блюда') is the rows' own noun, no kind of them (planner98)
    kinds -= {stem(w) for c in table.columns for w in re.findall(r"\w+", (c.comment or "").lower())}
    said = [i for i in indices if planner.vocabulary.meanings(request.tokens[i]) & kinds]
    if not said or len(said) == len(indices):
        return []
    # beside it («заказы попкорна», «попкорн из кинобара»), not in another clause («абоненты, дедуп по
    # лицевому счёту» of 'Абоненты (физические лица, лицевые счета)')
    said = [i for i in said if any(0 < abs(i - j) <= 2 for j in indices if j not in said)]
    spans = list(request.schedule_spans) + list(request.handled)
    found = _lexed(request, said)
    return [t for t in found if t is not None and not any(a <= t.start < b for a, b in spans)]


def unread_noun_outside(
    planner: OfflinePlanner, request: Request, table: Table, indices: list[int]
) -> Token | None:
    """«рекламации каждый день, адрес клиента закрыть»: the one table is named only inside the masking
    clause, where it says whose column is masked; a noun outside that clause that nothing reads is the head
    of the load (a table the catalog lacks), so the masked column's table is no answer. The noun, or None."""
    for word in _lexed(request, indices):
        if word is None or not _content(word) or word.lower in _EN_FILLERS:
            continue
        if word.lang == "ru" and not any(p.pos == "NOUN" and p.case in ("nomn", "accs") for p in word.parses):
            continue
        if word.lang == "en" and not re.fullmatch(r"[a-z]{3,}s", word.lower):
            continue  # an English plural: the rows' noun ("complaints daily, mask the customer's phone")
        if not _read(planner, request, table, "", word, qualifier=False):
            return word
    return None
