"""Words that state a condition on the rows, not the table: a relative clause, a passive agent (planner130).

The head noun of a load request (the object of the load verb, the first noun phrase) names the table; a noun
inside a clause describing those rows says something about them. In «заявки, где ждём ответа от клиента»
the customer and the answer are a state of the tickets, in «Звонки, которые клиент сбросил» the customer is
who hung up, in «Аренду техники, которая сейчас на объекте» the site is where the rented machine is, and in
"Ticket comments written by customers" the customers are the comments' authors. Tables named only inside such
a clause are no candidates when a word outside it names a table (the planner's table search runs without the
clause's words first, and falls back to all words when they alone name a table: «те, которые в заказах»).

The clause shapes read:

- Russian: a relative pronoun («который» in any form, «где», «кто», «чей») after the head, up to the end of
  its clause (a comma, a bracket, a dash, a full stop);
- English: a relative word ("that", "which", "who", "whose", "whom", "where") after a noun, and "by" after a
  participle ("written by", "placed by", "assigned by"), up to the end of the clause. "that" right after a
  load verb or opening the request is a determiner ("load that table"), no clause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table
from airflow_ai_etl.planning.lexer import analyse, tokenize
from airflow_ai_etl.planning.lexicon import concepts
from airflow_ai_etl.planning.patterns import STOP_WORDS
from airflow_ai_etl.planning.request import Request

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# fmt: off
_RELATIVE_RU = frozenset({"где", "кто", "чей", "чья", "чье", "чьи", "чьих", "чьим"})
_RELATIVE_EN = frozenset({"that", "which", "who", "whose", "whom", "where"})
# participles before a passive "by" that do not end in -ed
_IRREGULAR_PARTICIPLES_EN = frozenset({
    "written", "made", "sent", "left", "given", "taken", "done", "paid", "held", "kept", "brought", "bought",
    "sold", "won", "chosen", "driven", "drawn", "spoken", "shown", "seen", "told", "put", "set", "run",
    "read", "built", "begun", "signed", "issued", "rated", "owned", "filed",
})
# words after which "that" is a determiner, not a relative word ("load that table", "so that")
_DETERMINER_CONTEXT_EN = frozenset({
    "load", "copy", "sync", "move", "export", "import", "replicate", "send", "push", "pull", "take", "get",
    "so", "sure", "and", "but", "of", "from", "to", "into", "in", "on", "at", "with", "all", "like",
})
# fmt: on
# «из списка агентов», "from the list of agents": nouns of a register whose genitive names the table
_LIST_NOUNS_RU = frozenset({"список", "перечень", "реестр", "справочник", "таблица", "база"})
_LIST_NOUNS_EN = frozenset({"list", "register", "registry", "roster", "table", "directory"})
_ARTICLES_EN = frozenset({"the", "a", "our", "your", "all"})
# the end of a clause between two words: a comma, a semicolon, a bracket, a dash, a full stop
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]!?—–]|\s-\s|\.(?!\d)")


def condition_clause_indices(request: Request) -> frozenset[int]:
    """The indices of `request.tokens` inside a relative clause or a passive agent phrase that follows the
    request's first word (the words the head noun is described by)."""
    return frozenset(i for _, first, end in clause_spans(request) for i in range(first, end))


def list_source_indices(request: Request) -> frozenset[int]:
    """The words naming the register the rows are taken from: «Старших смены из списка агентов» (the agents;
    «старших смены» is their role, a condition), "senior agents from the list of staff", "from the agents
    list". Empty when the request says no such phrase."""
    found = _list_source(request)
    return found[1] if found else frozenset()


def _list_source(request: Request) -> tuple[int, frozenset[int]] | None:
    """Where «из»/"from" opens a register phrase, and the words of the register's noun."""
    tokens = request.tokens
    for k, token in enumerate(tokens[:-1]):
        if token not in ("из", "from"):
            continue
        j = k + 1
        while token == "from" and j < len(tokens) and tokens[j] in _ARTICLES_EN:
            j += 1
        end = _clause_end(request, j) if j < len(tokens) else j
        if j < end and _list_noun_ru(tokens[j]):
            return k, frozenset(range(j + 1, end))  # «из списка агентов»
        if j + 1 < end and tokens[j] in _LIST_NOUNS_EN and tokens[j + 1] == "of":
            return k, frozenset(range(j + 2, end))  # "from the list of agents"
        if j + 1 < end and tokens[j + 1] in _LIST_NOUNS_EN and tokens[j] not in _LIST_NOUNS_EN:
            return k, frozenset({j})  # "from the agents list"
    return None


def _list_noun_ru(word: str) -> bool:
    return any(p.lemma in _LIST_NOUNS_RU and p.pos == "NOUN" and p.case == "gent" for p in analyse(word))


def _opens_clause(request: Request, k: int) -> bool:
    token, before = request.tokens[k], request.tokens[k - 1]
    if token.startswith("котор") or token in _RELATIVE_RU:
        return True
    if token in _RELATIVE_EN:
        return not (token == "that" and before in _DETERMINER_CONTEXT_EN)
    return (token == "by" and _participle_en(before)) or contact_clause_en(request, k)


# past forms a contact clause may end in that neither end in -ed nor are participles ("hung up on")
_IRREGULAR_PAST_EN = frozenset({"hung", "got", "gave", "took", "wrote", "sent", "lost", "broke", "rang"})


def contact_clause_en(request: Request, k: int) -> bool:
    """ "Calls the customer hung up on", "load tickets the agent closed": an English relative clause without
    "that" (a contact clause), an article, a noun and a past verb right after the head noun that opens the
    request (after a load verb at most); it says which rows, its noun names no table to load (planner131)."""
    tokens = request.tokens
    if request.language != "en" or tokens[k] not in ("the", "a", "an") or k + 2 >= len(tokens):
        return False
    if any(t not in STOP_WORDS for t in tokens[: k - 1]) or tokens[k - 1] in STOP_WORDS:
        return False  # the word before the article must be the head noun that opens the request
    if request.text[request.spans[k - 1][1] : request.spans[k][0]].strip():
        return False  # "tickets, the agent …": a comma or a bracket between is no contact clause
    verb = tokens[k + 2]
    return verb in _IRREGULAR_PAST_EN or verb in _IRREGULAR_PARTICIPLES_EN or _participle_en(verb)


def _participle_en(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES_EN or (len(word) > 4 and word.isascii() and word.endswith("ed"))


def _clause_end(request: Request, k: int) -> int:
    """The index of the first word past the clause opened at word `k`."""
    for j in range(k + 1, len(request.tokens)):
        between = request.text[request.spans[j - 1][1] : request.spans[j][0]]
        if _CLAUSE_BREAK.search(between):
            return j
    return len(request.tokens)


def clause_spans(request: Request) -> list[tuple[int, int, int]]:
    """(where its quote starts, first, end) of each condition clause `condition_clause_indices` reads: its
    words are [first, end), past a relative pronoun, from a participle on."""
    spans: list[tuple[int, int, int]] = []
    k = 1
    while k < len(request.tokens):
        participle = _opens_participle_phrase(request, k)
        if not participle and not _opens_clause(request, k):
            k += 1
            continue
        end = _clause_end(request, k)
        if end > k + 1:
            spans.append((k, k if participle else k + 1, end))
        k = end
    return spans


def _opens_participle_phrase(request: Request, k: int) -> bool:
    """«Строки чеков, проданные по акции»: a Russian full participle right after a comma that follows the head
    noun opens a participial phrase, which describes the head's rows as a relative clause does; its words
    («проданные» ~ 'Чеки продаж') name no table to load (planner135)."""
    if request.language != "ru" or "," not in request.text[request.spans[k - 1][1] : request.spans[k][0]]:
        return False
    gaps = (request.text[request.spans[j - 1][1] : request.spans[j][0]] for j in range(1, k))
    if any(_CLAUSE_BREAK.search(gap) for gap in gaps):
        return False  # the phrase right after the head noun only, not in a later clause
    if k + 1 < len(request.tokens) and request.tokens[k + 1] in ("не", "ни"):
        return False  # «поездки, завершённые не нужны»: the rows left out, read by the negation rules
    parses = analyse(request.tokens[k])
    return bool(parses) and parses[0].pos == "PRTF"


def unread_clause_of_other_table(planner: OfflinePlanner, request: Request, conn_id: str, table: Table,
                                 where: str | None) -> str | None:  # fmt: skip
    """The words of a condition clause that named another table («Звонки, которые клиент сбросил»: the
    customers; «Старших смены из списка агентов»: the shifts) when no condition of the WHERE reads them: the
    table search set them aside as a condition, so dropping them would load every row. None when the WHERE
    has a column the words describe (result = 3 of 'Результат: …, 3 — сброшен клиентом') or a rule handled
    one of them."""
    regions = _condition_regions(request)
    if not regions:
        return None
    hits = planner._table_hits_past(request, conn_id, frozenset())
    # a key to the other table compared with a number ("by members over 60" -> member_id > 60) reads no clause
    read_columns = [
        c
        for c in table.columns
        if where and re.search(rf"\b{re.escape(c.name)}\b", where) and not _a_key(table, c.name)
    ]
    own = hits[table.qualified_name][1] if table.qualified_name in hits else frozenset()
    for quote_from, inside in regions:
        inside = [i for i in inside if not _in_schedule(request, i)]
        if quote_from < 0:
            # the head noun before «из таблицы X» naming X itself («Объекты из таблицы объектов
            # недвижимости»: the properties) is the table, no condition (round104)
            inside = [i for i in inside if i not in own]
        others = [
            i
            for name, (_, indices) in hits.items()
            if name != table.qualified_name
            for i in indices
            if i in inside
        ]
        if not others or any(request.is_handled(request.spans[i][0]) for i in inside):
            continue
        meanings = set().union(*(planner.vocabulary.meanings(request.tokens[i]) for i in inside))
        if any(meanings & planner._column_words(column) for column in read_columns):
            continue
        first = quote_from if quote_from >= 0 else max(min(others) - 1, min(inside))
        last = inside[-1] if quote_from >= 0 else max(others)
        return request.text[request.spans[first][0] : request.spans[last][1]]
    return None


def _condition_regions(request: Request) -> list[tuple[int, list[int]]]:
    """(where the quote starts, the words) of each stretch the table search read as a condition: a clause
    (quoted from its pronoun) and the words before a register phrase (quoted around the noun that named
    another table: -1)."""
    regions = [(quote, list(range(first, end))) for quote, first, end in clause_spans(request)]
    found = _list_source(request)
    if found is not None and found[0] > 0:
        regions.append((-1, list(range(found[0]))))
    return regions


def _a_key(table: Table, name: str) -> bool:
    return name == "id" or name.endswith("_id") or any(name in fk.columns for fk in table.foreign_keys)


def _in_schedule(request: Request, index: int) -> bool:
    """The word at `index` is one the schedule read («каждый день в 6» closing the clause)."""
    start = request.spans[index][0]
    return any(a <= start < b for a, b in request.schedule_spans)


# the register nouns an adjective may qualify («из чёрного списка»); «из удалённой базы», «из новой таблицы»
# name a source, not a subset
_QUALIFIED_LIST_NOUNS_RU = frozenset({"список", "перечень", "реестр"})
# adjectives of a register that name all of it («из общего списка», «из полного реестра»), no subset
_WHOLE_LIST_ADJECTIVES = frozenset({"общий", "полный", "весь", "основной", "единый", "текущий", "актуальный"})


def unread_list_qualifier(request: Request, where: str | None) -> str | None:
    """«сотрудников из чёрного списка», «клиенты в стоп-листе»: an adjective before a register noun after
    «из»/«в»/«на» says which of the rows are meant (the noun alone is generic: «из списка сотрудников» is all
    of them). With no condition in the WHERE the words were not read: returned to be asked about, never
    dropped (planner130: «подрядчиков из чёрного списка» loaded every contractor)."""
    if where:
        return None
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    for k in range(2, len(words)):
        noun, adjective, preposition = words[k], words[k - 1], words[k - 2]
        if preposition.lower not in ("из", "в", "во", "на"):
            continue
        if not any(p.lemma in _QUALIFIED_LIST_NOUNS_RU and p.case in ("gent", "loct") for p in noun.parses):
            continue
        if (
            any(p.pos == "ADJF" for p in adjective.parses[:1])
            and not adjective.lemmas & _WHOLE_LIST_ADJECTIVES
        ):
            return request.text[preposition.start : noun.end]
    return None


_ARTICLES_AFTER_WITH = frozenset({"a", "an", "the"})


def unread_with_phrase(
    planner: OfflinePlanner, request: Request, table: Table, where: str | None
) -> str | None:
    """ "hotel rooms with a sea view", "cars with a panoramic roof": "with" and an article before words that
    name no column, value, table or option of the request is a qualifier of the rows no rule read: returned
    to be asked about, never dropped (planner130: every room was loaded). Without the article ("with keys",
    "with masking") the words are the request's options, read by their own rules."""
    if request.language != "en" or where:
        return None
    tokens = request.tokens
    for k in range(1, len(tokens) - 2):
        if tokens[k] != "with" or tokens[k + 1] not in _ARTICLES_AFTER_WITH:
            continue
        end = _clause_end(request, k)
        phrase = [i for i in range(k + 2, min(end, k + 5)) if not _in_schedule(request, i)]
        if not phrase or any(_read_word(planner, request, table, i) for i in phrase):
            continue
        return request.text[request.spans[k][0] : request.spans[phrase[-1]][1]]
    return None


# «из-за града», «по причине аварии», "due to hail", "because of hail", "caused by hail": the rows' cause
_CAUSE_CUES = frozenset({("из", "за"), ("по", "причине"), ("due", "to"), ("because", "of"), ("caused", "by")})


def follows_cause_cue(tokens: list[str], k: int) -> bool:
    """Word `k` closes a cause cue: «причине» of «по причине», "to" of "due to"."""
    return k > 0 and (tokens[k - 1], tokens[k]) in _CAUSE_CUES


def unread_cause_phrase(
    planner: OfflinePlanner, request: Request, table: Table, where: str | None
) -> str | None:
    """«Страховые случаи из-за града», "claims due to hail": a cause said of the rows whose noun no rule reads
    (no column, listed value, table or option names it: claim_type lists no hail) says which rows, so it is
    returned to be asked about, never dropped with every row loaded (planner142)."""
    if where:
        return None
    tokens = request.tokens
    for k in range(len(tokens) - 2):
        if (tokens[k], tokens[k + 1]) not in _CAUSE_CUES or _in_schedule(request, k + 2):
            continue
        if k + 2 >= _clause_end(request, k) or _read_word(planner, request, table, k + 2):
            continue
        return request.text[request.spans[k][0] : request.spans[k + 2][1]]
    return None


# words naming all of a register's rows: "everyone from the staff list", "everything from the pets table"
_WHOLE_WORDS = frozenset(
    {"everyone", "everybody", "everything", "anything", "whole", "entire", "rows", "records", "data",
     "entries"}
)  # fmt: skip


def unread_list_head(
    planner: OfflinePlanner, request: Request, table: Table, where: str | None
) -> str | None:
    """ "Second-line specialists from the agents list": the English words before
    a register phrase say which of its rows are meant (their role); with no condition in the WHERE and a word
    of them no rule reads, they are returned to be asked about, never dropped (planner131: every agent was
    loaded). A hyphenated word is read when any of its parts is."""
    found = _list_source(request) if request.language == "en" else None  # Russian: the rules above
    if where or found is None or found[0] == 0:
        return None
    unread = [
        i
        for i in range(found[0])
        if not _in_schedule(request, i)
        and request.tokens[i] not in STOP_WORDS | _WHOLE_WORDS
        and not _read_word_or_parts(planner, request, table, i)
    ]
    if not unread:
        return None
    return request.text[request.spans[unread[0]][0] : request.spans[found[0] - 1][1]]


def _read_word_or_parts(planner: OfflinePlanner, request: Request, table: Table, index: int) -> bool:
    """`_read_word`; a hyphenated word ("second-line") is judged by its parts: unread when none is read."""
    word = request.tokens[index]
    parts = word.split("-")
    if len(parts) < 2 or not all(part.isalpha() for part in parts):
        return _read_word(planner, request, table, index)
    if word in request.claimed or request.is_handled(request.spans[index][0]):
        return True
    return any(
        planner._column_mentions(table, [part]) or planner._names_table(part, table) or concepts(part, "en")
        for part in parts
    )


def _read_word(planner: OfflinePlanner, request: Request, table: Table, index: int) -> bool:
    """Word `index` is one a rule reads: claimed, handled, a column's or the table's word, an option's word,
    or no plain word at all."""
    word = request.tokens[index]
    if not word.isalpha() or word in request.claimed or request.is_handled(request.spans[index][0]):
        return True
    if planner._column_mentions(table, [word]) or planner._names_table(word, table):
        return True
    return bool(concepts(word, "en") or concepts(analyse(word)[0].lemma, "en"))
