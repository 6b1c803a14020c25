"""Grounding of head nouns: the table a request names must be the head of its noun phrase.

In «отзывы покупателей» (customer reviews) and "the employee bonuses table" the word that names a table
(«покупателей», "employee") only qualifies the head noun («отзывы», "bonuses"); when the head names no
table, no column of the found table and nothing else the planner knows, the user means a table the
catalog lacks. Loading the modifier's table would be a confident wrong answer, so the planner asks,
quoting the phrase.

The phrase shapes read (the head found by grammar, not by a word list):

- Russian: a noun in the nominative or accusative, then (optionally) agreeing genitive adjectives or
  pronouns, then the table's word in the genitive: «отзывы покупателей», «страховки наших пациентов».
- English: the table's word used as a modifier before a plural noun or before "table"/"data" ("customer
  reviews", "employee bonuses table"), or a plural noun before "of" and the table's word ("reviews of
  customers").

Generic nouns (data, records, list, «данные», «список», «выгрузка», ...) and words a rule reads (schedule,
modes, masks, connections, engines) are no head of their own.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.lexicon import concepts
from airflow_ai_etl.planning.patterns import FROM_WORDS, STOP_WORDS, TO_WORDS
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.vocabulary import name_parts, stem, words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# fmt: off
# Nouns that stand for the rows of any table (their head is the table word that follows).
GENERIC_RU = {
    "данные", "информация", "инфа", "сведения", "запись", "строка", "список", "перечень", "реестр",
    "справочник", "база", "выборка", "массив", "набор", "таблица", "табличка", "выгрузка", "загрузка",
    "копия", "снимок", "снапшот", "бэкап", "дамп", "реплика", "репликация", "синхронизация", "перенос",
    "перелив", "заливка", "импорт", "экспорт", "миграция", "архив", "срез", "слепок", "история",
    "карточка", "профиль", "анкета", "учётка", "учетка", "изменение", "обновление", "удаление", "вставка",
    "дельта", "инкремент", "часть", "все", "весь", "содержимое", "контингент", "состав", "штат",
    "пайплайн", "даг", "джоба", "процесс",  # «пайплайн отпусков»: the pipeline of the table that follows
}
GENERIC_EN = {
    "data", "records", "record", "rows", "row", "table", "tables", "info", "information", "details",
    "list", "entries", "entry", "dump", "export", "snapshot", "copy", "backup", "history", "master",
    "catalog", "catalogue", "base", "database", "dataset", "feed", "stream", "extract", "file", "files",
    "sheet", "changes", "updates", "deletes", "inserts", "deltas", "logs", "log", "stuff", "things",
    "profiles", "accounts", "registry", "register", "roster", "directory", "plus", "as", "is", "was",
    "has", "does", "this", "its", "thus", "always", "sometimes", "afterwards", "besides", "unless",
    "towards", "yes", "us", "ones", "ids", "others", "basis", "minutes", "hours", "days", "weeks",
    "months", "years", "weekdays", "weekends", "mornings", "evenings", "nights", "afternoons",
    "pipeline", "dag", "job", "workflow",
    "fleet",  # "the aircraft fleet": the aircraft (planner107)
    "reference", "lookup", "dictionary",  # "the crops reference table": the crops (planner118)
    "dim", "dimension", "fact",  # "vehicles dim": the warehouse's name for the rows' table (planner67)
}
# fmt: on
# "grades should only run after ...": a modal verb after the table word, no singular head noun
_MODALS_EN = frozenset({"should", "would", "could", "must", "will", "shall", "can", "may", "might", "need"})
# "copy payments too", "reload orders there": an adverb closing the phrase is no singular head noun
_ADVERBS_EN = frozenset(
    {
        "too",
        "also",
        "well",
        "there",
        "here",
        "again",
        "now",
        "then",
        "instead",
        "anyway",
        "please",
        "asap",
        "today",
    }
)
_ADJECTIVE_POS = {"ADJF", "PRTF", "NPRO", "APRO", "NUMR"}
_TOPIC_PREPS_RU = {"о", "об", "обо", "про", "для", "по", "за"}  # «счета за поездки»: bills for trips
_TOPIC_PREPS_EN = {"of", "for", "about", "on"}


def unknown_head(
    planner: OfflinePlanner, request: Request, hits: dict[str, tuple[Table, list[int]]]
) -> str | None:
    """The phrase whose head noun names no table, column or other known thing while a word qualifying
    it names the table in `hits` («отзывы покупателей», "employee bonuses"); None when every table word
    heads its own phrase."""
    if not hits:
        return None
    used = {i for _, indices in hits.values() for i in indices}
    tokens = {t.start: t for t in tokenize(request.text) if t.lang in ("ru", "en")}
    masked = _mask_clause(request)
    for table, indices in hits.values():
        for k in indices:
            head = _russian_head(planner, request, tokens, used, k)
            head = _russian_prep_head(request, tokens, used, k) if head is None else head
            head = _english_head(request, used, k) if head is None else head
            if head is None or _object_of_mask(request, masked, head):
                continue  # «захешируй ИНН студентов»: the mask rule asks about a column the table lacks
            word = request.tokens[k]
            if not _names_entity(planner, table, word) and (
                _in_name(planner, table, word) or not planner.vocabulary.glossed(request.tokens[head])
            ):
                # «жильцов общаги»: «общаги» only qualifies 'Проживающие в общежитиях' itself, and «жильцов»
                # may be a synonym of the comment's head; so may "txns" of "fuel card txns" (fuel_cards'
                # name qualifies its rows, 'Заправки по топливным картам'). A head the glossary knows,
                # qualified by another word of a comment («платежи авиакомпании»), is checked below
                continue
            if _known(planner, request, table, head):
                continue
            first, last = sorted((head, k))
            return request.text[request.spans[first][0] : request.spans[last][1]]
    return None


def _mask_clause(request: Request) -> tuple[int, int, int]:
    """The span of the clause with the masking word and the index of that word ((0, 0, -1) when none)."""
    from airflow_ai_etl.planning.offline import _mask_cue  # offline imports this module

    match = _mask_cue(request)
    if match is None:
        return 0, 0, -1
    text = request.lower
    start = max(text.rfind(p, 0, match.start()) for p in ",;.") + 1
    ends = [i for i in (text.find(p, match.end()) for p in ",;.") if i >= 0]
    return start, min(ends, default=len(text)), request.token_at(match.start())


def _object_of_mask(request: Request, masked: tuple[int, int, int], index: int) -> bool:
    """Word `index` is in the masking clause, at most three words from the masking word (its object)."""
    start, end, cue = masked
    return start <= request.spans[index][0] < end and abs(index - cue) <= 3


def _names_entity(planner: OfflinePlanner, table: Table, word: str) -> bool:
    """The word names what the table's rows are: its name or the head (first word) of its comment, not a
    word that only qualifies it there (then the unknown head may be a synonym of the comment's head)."""
    comment = re.findall(r"\w+", table.comment or "")[:1]
    entity = set(name_parts(table.name)) | {stem(w) for w in comment}
    if _name_qualifies_rows(planner, table):  # "fuel card txns" of fuel_cards «Заправки по топливным картам»
        entity -= set(name_parts(table.name))
    entity |= planner._comment_head_synonyms(table)  # "customer" of 'Клиенты банка' (planner98)
    return word in (table.name.lower(), table.qualified_name.lower()) or bool(
        planner.vocabulary.meanings(word) & entity
    )


def _in_name(planner: OfflinePlanner, table: Table, word: str) -> bool:
    """The word is one of the table's name parts ("card" of fuel_cards), in any form."""
    return bool(planner.vocabulary.meanings(word) & set(name_parts(table.name)))


# Prepositions that open a comment's qualifier («Заправки по топливным картам»).
_QUALIFYING_PREPS = frozenset({"по", "для", "на", "к", "за", "о", "об", "от", "с", "of", "for", "by", "on"})


def _name_qualifies_rows(planner: OfflinePlanner, table: Table) -> bool:
    """The table's name says what its rows are about, not what they are: its comment's head means something
    else and the name's words are the comment's words after a preposition (fuel_cards «Заправки по топливным
    картам»: the rows are refuelings). Words in brackets are a gloss of the whole, not a qualifier."""
    text = re.sub(r"\([^)]*\)", " ", table.comment or "")
    found = re.findall(r"\w+", text.lower())
    parts = set(name_parts(table.name))
    if len(found) < 3 or planner.vocabulary.meanings(found[0]) & parts:
        return False
    after = next((i for i, w in enumerate(found[1:], 1) if w in _QUALIFYING_PREPS), None)
    if after is None:
        return False
    qualifier = set().union(*(planner.vocabulary.meanings(w) for w in found[after + 1 :]))
    return parts <= qualifier


def _token(request: Request, tokens: dict[int, Token], index: int) -> Token | None:
    return tokens.get(request.spans[index][0]) if 0 <= index < len(request.spans) else None


def _joined(request: Request, first: int, second: int) -> bool:
    """Only spaces (no punctuation but a possessive apostrophe) between two words."""
    return not request.text[request.spans[first][1] : request.spans[second][0]].strip(" '’")


def _russian_head(
    planner: OfflinePlanner, request: Request, tokens: dict[int, Token], used: set[int], k: int
) -> int | None:
    word = _token(request, tokens, k)
    if word is None or word.lang != "ru":
        return None
    if not any(p.case == "gent" for p in word.parses):
        return None
    j = k - 1
    while j >= 0 and j not in used and _joined(request, j, j + 1):
        before = _token(request, tokens, j)
        if before is None or before.lang != "ru" or not before.parses:
            return None
        top = before.parses[0]
        if top.pos in _ADJECTIVE_POS and top.case == "gent":
            j -= 1  # «страховки наших пациентов»: agreeing words between the head and the table word
            continue
        nouns = [p for p in before.parses[:2] if p.pos == "NOUN"]
        if top.pos == "NOUN" and any(p.case in ("nomn", "accs") for p in nouns):
            return j
        return None
    return None


def _russian_prep_head(request: Request, tokens: dict[int, Token], used: set[int], k: int) -> int | None:
    """«отзывы о покупателях», «штрафы по курьерам», «премии для сотрудников»: a noun, a preposition of
    topic or recipient, then the table word."""
    if (word := _token(request, tokens, k)) is None or word.lang != "ru":
        return None
    j = k - 1
    while j >= 0 and j not in used and (before := _token(request, tokens, j)) is not None and before.parses:
        if before.parses[0].pos in _ADJECTIVE_POS:
            j -= 1
            continue
        break
    if j < 1 or request.tokens[j] not in _TOPIC_PREPS_RU or not _joined(request, j, j + 1):
        return None
    head = _token(request, tokens, j - 1)
    if (
        j - 1 in used
        or head is None
        or head.lang != "ru"
        or not head.parses
        or not _joined(request, j - 1, j)
    ):
        return None
    nouns = [p for p in head.parses[:2] if p.pos == "NOUN"]
    if head.parses[0].pos == "NOUN" and any(p.case in ("nomn", "accs") for p in nouns):
        return j - 1
    return None


def _english_head(request: Request, used: set[int], k: int) -> int | None:
    words = request.tokens
    if not words[k].isascii():
        return None
    after = k + 1
    if (
        after + 1 < len(words)
        and words[after] == "s"
        and "'" in request.text[request.spans[k][1] : request.spans[after][0]]
    ):
        after += 1  # "the customer's reviews"
    if after < len(words) and after not in used and _joined(request, after - 1, after):
        word = words[after]
        next_word = words[after + 1] if after + 1 < len(words) else ""
        if _english_noun(word) and (word.endswith("s") or next_word in ("table", "data")):
            return after  # "customer reviews", "employee bonus table"
        if (
            word not in _MODALS_EN | _ADVERBS_EN
            and _english_noun(word, verbal_ok=True)
            and _phrase_ends(request, after)
        ):
            return after  # "trainer rating daily": a singular head closing its phrase (planner67)
    j = k - 1
    while j > 0 and words[j] in ("the", "our", "all", "each", "every", "their"):
        j -= 1
    if j >= 1 and words[j] in _TOPIC_PREPS_EN and j - 1 not in used and _english_noun(words[j - 1]):
        if words[j - 1].endswith("s"):
            return j - 1  # "reviews of customers", "bonuses for employees"
    return None


def _phrase_ends(request: Request, index: int) -> bool:
    """Word `index` closes its noun phrase: the request's end, a punctuation mark or the schedule follows."""
    if index + 1 >= len(request.tokens):
        return True
    start = request.spans[index + 1][0]
    if re.search(r"[,;.:!?()]", request.text[request.spans[index][1] : start]):
        return True
    return any(a <= start < b for a, b in request.schedule_spans)


def _english_noun(word: str, verbal_ok: bool = False) -> bool:
    """`word` may be an English noun; with `verbal_ok` a word in -ing or -ss too ("rating", "status": a
    singular head closing its phrase, which no verb form does before the schedule)."""
    endings = ("ed", "ly") if verbal_ok else ("ed", "ing", "ly", "ss")
    return (
        bool(re.fullmatch(r"[a-z]{3,}", word))
        and not word.endswith(endings)
        and word not in GENERIC_EN
        and word not in STOP_WORDS
        and word not in TO_WORDS
        and word not in FROM_WORDS
    )


def _known(planner: OfflinePlanner, request: Request, table: Table, index: int) -> bool:
    """Whether the head word names something: a table or column, a connection or engine, a word a rule
    reads (its lemma has a lexicon concept; it lies in the schedule), or a generic noun for rows."""
    word = request.tokens[index]
    start = request.spans[index][0]
    if word in STOP_WORDS or word in request.values:
        return True
    if word in request.claimed and not _connection_synonym(planner, word):
        return True  # a word a rule read; not one that named the connection by a glossary synonym only
    if any(a <= start < b for a, b in request.schedule_spans) or planner._is_engine_word(word):
        return True
    token = next((t for t in tokenize(request.text) if t.start == start), None)
    if token is not None and _names_listed_value(token, table):
        return True  # «люкс номера»: «люкс» is 'suite' of rooms.room_type, a grounded kind, no head noun
    if token is not None and token.lang == "ru":
        if token.lemmas & GENERIC_RU or any(concepts(lemma, "ru") for lemma in token.lemmas):
            return True
    elif token is not None and (concepts(token.lower, "en") or concepts(token.lemma, "en")):
        return True
    meanings = set(planner.vocabulary.meanings(word))
    if planner._column_mentions(table, [word]):
        return True
    if any(transliterates(word, part) for c in table.columns for part in c.name.lower().split("_")):
        return True  # «модели машин» on fleet.vehicles: «модели» spells its column `model`
    if any(transliterates(word, part) for part in table.name.lower().split("_")):
        return True  # «вайфай сессии» of wifi_sessions: «вайфай» spells the table's own word, not a head
    known = set()
    for conn_id in planner.catalog.tables:
        for other in planner.catalog.tables_of(conn_id):
            known |= set(name_parts(other.name)) | {stem(w) for w in re.findall(r"\w+", other.comment or "")}
    if meanings & known:
        return True
    return _names_a_connection(planner, word)


def _names_listed_value(token: Token, table: Table) -> bool:
    """The word names a value a column of the table lists in its comment («люкс» of 'Категория номера
    (standard, superior, suite, family)'): a kind of the table's rows the filter rules read, so the word
    before the table word qualifies it and heads no phrase of its own (planner67, kept past planner98's
    comment-head synonyms: «номера» of 'Номерной фонд (номера отелей)' names the rows)."""
    from airflow_ai_etl.planning.filters import _listed_value_hits  # filters imports this module

    listed = {c.name: values for c in table.columns if (values := listed_values(c.comment))}
    if token.lang == "en":
        return any(token.lower == v.lower() for values in listed.values() for v in values)
    return token.lang == "ru" and bool(_listed_value_hits(token, listed))


def _connection_synonym(planner: OfflinePlanner, word: str) -> bool:
    """The word names a connection only by a glossary synonym of its description («счета» of "billing")."""
    meanings = planner.vocabulary.meanings(word)
    described = any(meanings & planner._description_stems(c) for c in planner.catalog.connections.values())
    return described and not _names_a_connection(planner, word)


def _names_a_connection(planner: OfflinePlanner, word: str) -> bool:
    """The head word is a word of a connection's id or description as written («биллинг» would need a
    "billing" said so), not a glossary synonym of one: «счета абонентов» over a 'billing and subscriber
    database' are bills, a table the catalog lacks, not the connection (planner67)."""
    said = {
        stem(w)
        for c in planner.catalog.connections.values()
        for w in words(f"{c.conn_id.replace('_', ' ')} {c.description} {c.database}")
    }
    return stem(word) in said


_APPOSITION = re.compile(r"\(([^(),]+)\)")  # '(аренды)', '(машины каршеринга)'; '(ПДД, парковка)' lists kinds


@functools.lru_cache(maxsize=1024)  # asked per table for every request: comments are few and fixed
def comment_head_stems(comment: str | None) -> frozenset[str]:
    """Stems of the words a table comment is headed by: its first word and the noun that opens its first
    parenthesis when that names the rows again ('Поездки (аренды)', 'Приборы учёта (счётчики)'), so «аренды»
    names the trips over 'Зоны парковки и завершения аренды', where it is only a genitive tail. A parenthesis
    listing values or kinds (commas) or opening with an adjective ('(почасовой профиль)') adds nothing."""
    stems = {stem(w) for w in words(comment or "")[:1]}
    apposition = _APPOSITION.search(comment or "")
    said = tokenize(apposition.group(1)) if apposition else []
    first = next((t for t in said if t.lang != "punct"), None)
    # «аренды» reads first as a genitive singular: any nominative noun reading will do
    if first is not None and any(p.pos == "NOUN" and p.case == "nomn" for p in first.parses):
        stems.add(stem(first.lower))
    return frozenset(stems)


@functools.lru_cache(maxsize=1024)
def apposition_stems(comment: str | None) -> frozenset[str]:
    """Stems of every word of a table comment's bracketed other name ('Участники программы лояльности
    (зрители с бонусной картой)': зрител, бонусн, карт): the catalog owner's second name of the rows, whose
    words name the table as its head does (planner116). A bracket listing kinds (commas) or opening with no
    noun gives none, as in :func:`comment_head_stems`."""
    apposition = _APPOSITION.search(comment or "")
    said = [t for t in tokenize(apposition.group(1)) if t.lang != "punct"] if apposition else []
    if not said or not any(p.pos == "NOUN" and p.case == "nomn" for p in said[0].parses):
        return frozenset()
    return frozenset(stem(t.lower) for t in said)


@functools.lru_cache(maxsize=512)
def comment_noun_stem(comment: str | None) -> str | None:
    """The stem of the noun a table comment's head phrase is about, past its leading adjectives: «дисциплин»
    of 'Учебные дисциплины', «карт» of 'Банковские карты' (comment_head_stems keeps the first word only)."""
    for token in tokenize(comment or ""):
        if token.lang == "punct" or not token.parses:
            return None
        if any(p.pos == "NOUN" and p.case == "nomn" for p in token.parses):
            return stem(token.lower)
        if not any(p.pos in ("ADJF", "PRTF") for p in token.parses):
            return None  # a preposition or a verb before any noun: no head phrase to read
    return None


@functools.lru_cache(maxsize=512)
def comment_head_words(comment: str | None) -> tuple[str, ...]:
    """The nouns (lower case) heading a table comment: its first noun past its leading adjectives
    ('Автомобили клиентов': «автомобили», 'Ветеринарные врачи': «врачи») and the noun opening a bracketed
    apposition ('Мастера (автомеханики)'): the words whose glossary synonyms name the table («машины» of
    'Автомобили клиентов', planner98)."""
    said = [t for t in tokenize(comment or "") if t.lang != "punct"]
    found = []  # the first word heads only as a noun: 'Зарядные станции' is about stations, not charging
    for token in said:
        if any(p.pos == "NOUN" and p.case == "nomn" for p in token.parses):
            found.append(token.lower)
            break
        if not any(p.pos in ("ADJF", "PRTF") for p in token.parses):
            break
    apposition = _APPOSITION.search(comment or "")
    opening = [t for t in tokenize(apposition.group(1)) if t.lang != "punct"] if apposition else []
    first = opening[0] if opening else None
    if first is not None and any(p.pos == "NOUN" and p.case == "nomn" for p in first.parses):
        found.append(first.lower)
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=1024)
def column_rows_stems(comments: tuple[str, ...]) -> frozenset[str]:
    """Stems of the nouns a table's column comments call its rows, in the genitive after the column's own
    word: «объект» of 'Тип объекта' and 'Дата сдачи объекта', «площадк» of 'Адрес площадки' (planner127).
    Only a comment of two words or more ending in a singular genitive noun says it, and not when an adjective
    before that noun names one particular thing of the row: 'Номер агентского договора' of agents is the
    agent's contract, no name of agents' rows (round 37's «договоры страхования» stays policies)."""
    found = set()
    for comment in comments:
        said = [t for t in tokenize(comment) if t.lang != "punct"]
        if len(said) < 2:
            continue
        last = said[-1]
        if any(p.pos in ("ADJF", "PRTF") and p.case == "gent" for p in said[-2].parses):
            continue
        if any(p.pos == "NOUN" and p.case == "gent" and p.number == "sing" for p in last.parses):
            found.add(stem(last.lower))
    return frozenset(found)


def rows_called_by_columns(table: Table) -> frozenset[str]:
    """column_rows_stems of `table`'s column comments."""
    return column_rows_stems(tuple(c.comment for c in table.columns if c.comment))
