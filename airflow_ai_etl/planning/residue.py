"""The column residue rule of the offline planner (issue 15's frame rule, for the source's columns).

A confident answer must not ignore a word that names something of the source table: a column (by its
name, the glossary or its comment), a value its comment lists («Канал оплаты (bank, card, post,
terminal)»), or a column list written as SQL ("region in (North, South)"). When such a word is used by
no part of the finished spec (the WHERE, the column list, the incremental column, the keys, a mask or a
dedupe), the planner asks one question that quotes the words instead of loading every row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.messages import Message, say
from airflow_ai_etl.planning.colloquial import skeleton, transliterates
from airflow_ai_etl.planning.filters import EQUAL_MEASURE, POSTFIX_BOUND, UNIT_AFTER, starts_new_rows
from airflow_ai_etl.planning.frame import covering
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.negation import TAKE_LEMMAS
from airflow_ai_etl.planning.newrows import says_recent
from airflow_ai_etl.planning.patterns import GENERIC_PARTS, WINDOW_UNITS
from airflow_ai_etl.planning.request import Request, status_word
from airflow_ai_etl.planning.vocabulary import name_parts, stem, words

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

# "region in (North, South)", «регион в (Север, Юг)»: a column and a list of values written as SQL
_IN_LIST = re.compile(
    r"\b([A-Za-zА-Яа-яЁё_][\wЁё]*)\s+(?:not\s+|не\s+)?(?:in|в)\s*\(([^()]+)\)", re.IGNORECASE
)


@dataclass
class Used:
    """What the finished spec did with the source's columns."""

    columns: Sequence[str] | None = None  # the column list (a selection or what is left after exclusions)
    where: str | None = None
    named: set[str] = field(default_factory=set)  # incremental column, keys, masked, deduplicated


def unread_column_words(
    planner: OfflinePlanner, request: Request, table: Table, used: Used
) -> Message | None:
    """One question quoting the request's words that name a column (or a listed value) of `table` and that
    the spec uses nowhere; None when every such word was read."""
    where = (used.where or "").lower()
    in_list = _IN_LIST.search(request.text)
    if in_list and not any(v.strip().strip("'\"").lower() in where for v in in_list.group(2).split(",")):
        column = in_list.group(1)
        return _question(request, table, [in_list.group(0)], [column])
    table_words = set(name_parts(table.name.split(".")[-1]))
    read = covering([*request.schedule_spans, *request.handled])
    skip = {
        i for i, t in enumerate(request.tokens) if t in request.claimed or _in(request, i, table_words, read)
    }
    skip |= {  # «льготных абонентов»: the word that names the table itself (by its comment too); a clause's
        # noun naming another table («на которые работник не вышел») too: clauses.py asks about it if unread
        i
        for conn in planner._readable("postgres")
        for _, indices in planner._table_hits_past(request, conn.conn_id, frozenset()).values()
        for i in indices
    }
    skip |= {i for i, t in enumerate(request.tokens) if planner._names_table(t, table)}
    # «только платежи со статусом paid» of tuition_payments: a word for a part of the table's name
    skip |= {i for i, t in enumerate(request.tokens) if planner.vocabulary.meanings(t) & table_words}
    unread: dict[int, str] = {}
    mentions = [  # word by word: a two-word window would quote its first word ("the terminal")
        (index, name)
        for index, token in enumerate(request.tokens)
        if stem(token) not in GENERIC_PARTS  # "student id": the part "id" alone names no column
        for _, name in planner._column_mentions(table, [token])
    ]
    seen = {index for index, _ in mentions}
    mentions += [  # «только льготных» ~ «Льготник»: a word derived from a comment's word, after "only"
        (index, name)
        for index, token in enumerate(request.tokens)
        if index not in seen and _restricted(request, index)
        for name in derived_columns(token, table)
    ]
    # the table's own noun («fuel cards» of fuel_cards: card_number) says nothing about the columns
    mentioned = {name for index, name in mentions if index not in skip}
    excluded = set(c.name for c in table.columns) - set(used.columns) if used.columns else set()
    # A named column that is not loaded (and not filtered on): the list is what exclusions left
    exclusion = any(_uses(n, where, used, set(), False) is False and n in excluded for n in mentioned)
    for index, name in mentions:
        if index in skip or _uses(name, where, used, excluded, exclusion):
            continue
        if not _restricted(request, index) and not _joined_to_a_condition(request, index):
            continue
        value, _ = status_word(request.tokens[index])
        if value and f"'{value}'" in where:
            continue  # «только оплаченные» read as status = 'paid' (not as paid_at)
        unread[index] = name
    # "with status approved and claim number": a two-word column name opening with the table's own noun
    # (skipped above), the next item of a list whose condition was read, is read or asked (planner61)
    pairs: dict[int, str] = {}  # the words quoted for such a pair: both of them
    own_noun = (i for i in sorted(skip) if planner.vocabulary.meanings(request.tokens[i]) & table_words)
    for index in own_noun:
        pair = planner._word_column(table, request.tokens[index : index + 2], fk_words=False)
        if pair and pair[1] == 2 and _joined_to_a_condition(request, index):
            if not _uses(pair[0], where, used, excluded, exclusion) and index not in unread:
                unread[index] = pair[0]
                pairs[index] = " ".join(request.raw[index : index + 2])
    for column in table.columns:
        values = {v.lower() for v in listed_values(column.comment)}
        for index, token in enumerate(request.tokens):
            value = token if token in values else _spelled(token, values)
            if value and index not in skip and not re.search(rf"\b{re.escape(value)}\b", where):
                if starts_new_rows(request.lower, request.spans[index][0]):
                    continue  # "new records by created_at": the new-rows clause, not the status 'new'
                if index + 1 in skip and request.language == "en" and says_recent(tokenize(token)[0]):
                    continue  # "new bar orders": new rows of the table its noun names (as «только новые»)
                if _part_of_column_name(planner, request, table, index, column.name):
                    continue  # "card numbers masked": the word of card_number, not the channel 'card'
                if _unit_of_number(request, index, where):
                    continue  # «от 30 минут и дольше»: the unit of a number, not the tariff 'minute'
                unread.setdefault(index, column.name)
    if not unread:
        return _unread_ordinal(request, table, where) or _unread_measure(request, table, where)
    order = sorted(unread)
    columns = list(dict.fromkeys(unread[i] for i in order))
    return _question(request, table, [pairs.get(i, request.raw[i]) for i in order], columns)


# «email не трогать», «телефон не менять», "don't touch the email": leave the column as it is
_UNTOUCHED_RU = re.compile(r"трога|меня|измен")
_UNTOUCHED_EN = re.compile(r"^(?:touch|chang|modif)")


def untouched_notes(
    planner: OfflinePlanner, request: Request, table: Table, masked: Sequence[str]
) -> list[Message]:
    """The plan's notes for columns the request says to leave as they are («email не трогать», "don't touch
    the phone"): they load unmasked, and the plan says so instead of dropping the words silently
    (planner127; shop-ru-h04 «регион и сумму не трогать» plans with no mask)."""
    notes: list[Message] = []
    tokens = request.tokens
    for index, token in enumerate(tokens[:-1]):
        ru = token == "не" and bool(_UNTOUCHED_RU.match(tokens[index + 1]))
        en = token in ("not", "t", "dont") and bool(_UNTOUCHED_EN.match(tokens[index + 1]))
        if not (ru or en):
            continue
        # the column words: before «не» in Russian («регион и сумму не трогать»), after the verb in English
        near = range(max(0, index - 3), index) if ru else range(index + 2, min(len(tokens), index + 5))
        found = [
            (k, name)
            for k in near
            if not _CLAUSE_END.search(
                request.text[slice(*sorted((request.spans[k][1], request.spans[index][0])))]
            )
            for _, name in planner._column_mentions(table, [tokens[k]])
            if name not in masked
        ]
        if not found:
            continue
        said_do = token == "t" or (index and tokens[index - 1] in ("do", "does"))
        first = min(k for k, _ in found) if ru else index - (1 if said_do else 0)
        last = index + 1 if ru else max(k for k, _ in found)
        phrase = request.text[request.spans[first][0] : request.spans[last][1]]
        columns = ", ".join(dict.fromkeys(name for _, name in found))
        notes.append(say(request.language, "planner.assumed_untouched", phrase=phrase, column=columns))
    return notes


def _unit_of_number(request: Request, index: int, where: str) -> bool:
    """Word `index` is a time unit right after a number the filter rules read («от 30 минут и дольше»:
    duration_min >= 30; "2 hours or more" converted): the quantity's unit, never a listed value ('minute').
    A number no rule read keeps the word unread, so «поездки 30 минут» is still asked (planner50)."""
    number = request.tokens[index - 1] if index else ""
    if not number.isdigit() or not any(pattern.match(request.tokens[index]) for pattern, _ in WINDOW_UNITS):
        return False
    return bool(re.search(rf"\b{number}\b", where)) or request.is_handled(request.spans[index - 1][0])


def _part_of_column_name(
    planner: OfflinePlanner, request: Request, table: Table, index: int, valued: str
) -> bool:
    """Word `index` and a neighbour together name a column other than `valued`, the one the word is a value
    of ("card numbers" -> card_number; "bank channel" names `channel` itself: its value 'bank')."""
    for first in (index - 1, index):
        if first < 0 or first + 1 >= len(request.tokens):
            continue
        found = planner._word_column(table, request.tokens[first : first + 2], fk_words=False)
        if found is not None and found[1] == 2 and found[0] != valued:
            return True
    return False


def _unread_ordinal(request: Request, table: Table, where: str) -> Message | None:
    """«дисциплины второго курса», "third-year students": an ordinal before a noun qualifies the rows; when
    neither the WHERE nor the schedule used its number, no column answered it, and every row would load."""
    tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
    spans = list(request.schedule_spans) + list(request.handled)
    for token, noun in zip(tokens, tokens[1:], strict=False):
        if not token.ordinal or token.number is None or noun.number is not None:
            continue
        # a qualifier: «второго курса» (the noun in the genitive), "third-year" (one hyphenated word)
        genitive = noun.lang == "ru" and any(p.case == "gent" for p in noun.parses[:1])
        if not genitive and not (noun.lang == "en" and request.text[token.end : noun.start] == "-"):
            continue
        if any(s <= token.start < e for s, e in spans) or re.search(rf"\b{token.number}\b", where):
            continue
        phrase = request.text[token.start : noun.end]
        return say(request.language, "planner.unread_ordinal", words=phrase, table=table.name)
    return None


def _unread_measure(request: Request, table: Table, where: str) -> Message | None:
    """ "orders with quantity 3" where orders has no quantity, «заказы с весом 5»: a number said after
    with/с and a word that no rule read is a condition no column took; asked, never every row (planner80)."""
    spans = list(request.schedule_spans) + list(request.handled)
    for match in EQUAL_MEASURE.finditer(request.lower):
        number = match.group("n")
        if any(s <= match.start("n") < e for s, e in spans) or re.search(rf"\b{re.escape(number)}\b", where):
            continue
        if UNIT_AFTER.match(request.lower, match.end()) or POSTFIX_BOUND.match(request.lower, match.end()):
            continue  # «с опозданием 5 минут», "5 or more": a unit's or a bound's rule reads it
        phrase = request.text[match.start() : match.end()]
        return say(request.language, "planner.unread_ordinal", words=phrase, table=table.name)
    return None


_ONLY = {"only", "just", "solely", "только", "лишь", "исключительно"}
_CLAUSE_END = re.compile(r"[,.;:!?()]")


def _restricted(request: Request, index: int) -> bool:
    """The column word stands in a restricting phrase: "only"/«только» within two words in its clause
    ("privileged ones only", «только льготников»). A column word alone often just describes the table
    («остатки на складах», "paid invoices") and is no slot of its own."""
    for other in range(max(0, index - 2), min(len(request.tokens), index + 3)):
        if request.tokens[other] in _ONLY:
            lo, hi = sorted((request.spans[other][0], request.spans[index][0]))
            if not _CLAUSE_END.search(request.text[lo:hi]):
                return True
    # «колонку с паспортом не тащить», "skip the column with the passport": a column noun, a column word and
    # a negator in one clause say what to leave out; unread, every column would load
    near = [
        other
        for other in range(max(0, index - 3), min(len(request.tokens), index + 4))
        if other != index
        and not _CLAUSE_END.search(
            request.text[slice(*sorted((request.spans[other][0], request.spans[index][0])))]
        )
    ]
    if any(request.tokens[k] in _LEAVE_OUT for k in near) and any(
        _COLUMN_NOUN.fullmatch(request.tokens[k]) for k in near
    ):
        return True
    # «валюту не светить», "currency not shown": a negation right after the column word says something
    # about it; when no rule read it, the column would load anyway
    # (not «сумму не трогать», "keep as is"; a condition «с суммой меньше 100 не нужны» has its words between)
    # «счётчик не умный» is a row condition (a full adjective), asked or read by the filters
    following = request.tokens[index + 1 : index + 3]
    if index + 1 not in near or following[0] not in ("не", "not") or len(following) < 2:
        return False
    if re.match(r"трога|меня|измен|touch|chang|modif", following[1]):
        return False
    if request.language != "ru":
        return True
    start = request.spans[index + 2][0]
    word = next((t for t in tokenize(request.text) if t.start == start), None)
    return word is not None and word.lang == "ru" and word.parses[0].pos in ("INFN", "VERB", "ADJS", "PRTS")


_JOINTS = {"и", "или", "а", "and", "or"}
# «… и с бонусами», "… and the prepayment": a preposition or an article between the joint and the item
_LIST_PREPOSITIONS = {"с", "со", "без", "with", "without", "the", "a", "an"}


def _joined_to_a_condition(request: Request, index: int) -> bool:
    """The column word is the next item of a list whose item before it a filter rule read: «с уровнем gold и
    согласием на смс», "status paid and the discount". The list is one slot; its item must be read or
    asked, never dropped while the first one filters the rows."""
    joint = index - 2 if index > 2 and request.tokens[index - 1] in _LIST_PREPOSITIONS else index - 1
    if joint < 1 or request.tokens[joint] not in _JOINTS:
        return False
    for before in range(joint - 1, max(-1, joint - 4), -1):
        start, end = request.spans[before]
        if _CLAUSE_END.search(request.text[end : request.spans[joint][0]]):
            return False
        scheduled = any(s <= start < e for s, e in request.schedule_spans)
        if not scheduled and any(s <= start and end <= e for s, e in request.handled):
            return True
    return False


_COLUMN_NOUN = re.compile(r"колонк\w*|столб\w*|пол[еяю]|columns?|fields?")
_LEAVE_OUT = {"не", "без", "кроме", "not", "without", "except", "excluding", "skip", "omit", "exclude"}


def derived_columns(token: str, table: Table) -> list[str]:
    """Columns whose comment has a word sharing this word's stem of five letters or more, one derived from
    the other («льготных» and «Льготник»): the dictionary lemmas differ, the root does not."""
    root = stem(token)
    if len(root) < 5 or not re.fullmatch(r"[а-яё]+", root):
        return []
    return [
        c.name
        for c in table.columns
        if any(
            w.startswith(root) or root.startswith(w) for w in map(stem, words(c.comment or "")) if len(w) >= 5
        )
    ]


def _spelled(token: str, values: set[str]) -> str | None:
    """The listed value a Cyrillic word spells by ear («терминалом» -> terminal, «банк» -> bank); a short one
    of two consonants too, as the value rules read it (colloquial.transliterates: «из чата» -> chat, which
    loaded every row unread before: planner133); never a verb of loading («гнать» sounds like 'agent' without
    its vowels: the request's order, no value; planner135)."""
    if not values or not re.fullmatch(r"[а-яё]{3,}", token) or tokenize(token)[0].lemmas & TAKE_LEMMAS:
        return None
    sounds = {s for s in (skeleton(token), skeleton(stem(token))) if len(s) >= 3} if len(token) > 3 else set()
    found = next((v for v in sorted(values) if sounds & {skeleton(v), skeleton(stem(v))}), None)
    return found or next((v for v in sorted(values) if v.isascii() and transliterates(token, v)), None)


def _in(request: Request, index: int, table_words: set[str], read: Callable[[int, int], bool]) -> bool:
    """The word is part of the table's own name, or of a span the schedule or a filter already `read` (a
    frame.covering test of those spans)."""
    if stem(request.tokens[index]) in table_words:
        return True
    start, end = request.spans[index]
    return read(start, end)


def _uses(name: str, where: str, used: Used, excluded: set[str], exclusion: bool) -> bool:
    if re.search(rf"\b{re.escape(name)}\b", where) or name in used.named:
        return True
    if used.columns:
        return name in excluded if exclusion else name in used.columns
    return False


def _question(request: Request, table: Table, words: list[str], columns: list[str]) -> Message:
    quoted = ", ".join(f"«{w}»" if request.language == "ru" else f"'{w}'" for w in words)
    return say(
        request.language,
        "planner.unread_column_words",
        words=quoted,
        columns=", ".join(columns),
        table=table.name,
        column=columns[0],
    )
