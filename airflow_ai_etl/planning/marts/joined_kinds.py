"""A kind of a JOINED table said in one word with that table's noun: «Сеансы в VIP-залах» of screenings
(halls.hall_type 'vip'), «Электромобили: сколько поездок …» of trips (cars.fuel_type 'electric'), «Брони
в suite-номерах» (rooms.room_type 'suite'). The mart rules passed such a word as a title or a table word (the
table it names is one the fact points at), so the kind was dropped and every row counted (marts128: mbd-ru-14,
mbd-ru-38).

The word is a hyphenated pair «<value>-<table noun>» or a compound whose first part means a value
(COMPOUND_VALUE_PREFIXES: «электро-»), or an English listed value right before the table's word ("Electric
car trips"). A table the fact references by one key, one listed value the word says,
on a column the fact lacks: the mart joins that table and filters on the value. Any other reading (two joins
away, no or several values) is asked, quoting the word; never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from airflow_ai_etl.catalog import Table, listed_values
from airflow_ai_etl.planning.filters import (
    COMPOUND_VALUE_PREFIXES,
    _compound_values,
    _is_text,
    _quote,
    comment_lemmas,
)
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.marts.ground import _fk_column, _Ground
from airflow_ai_etl.planning.vocabulary import VALUE_MEANINGS

# between two adjectives of one run of values: «золотого и платинового», «золотого или платинового»
_RUN_JOINTS = frozenset({"и", "или", "либо", ","})


@dataclass(frozen=True)
class JoinedKind:
    """One word saying a kind of another table: its index, that table, and its condition (None: asked)."""

    index: int
    table: Table
    condition: str | None


def joined_kinds(
    ground: _Ground, fact: Table, tokens: Sequence[Token], skip: Iterable[int]
) -> list[JoinedKind]:
    """Every word of `tokens` (but the indexes in `skip`, read by other rules) that says a kind of a table
    other than the fact, with the condition the mart applies over one join, or None when it must ask."""
    skipped = set(skip)
    found = []
    for i, token in enumerate(tokens):
        if i in skipped or token.lang not in ("ru", "en"):
            continue
        run = _adjective_run(ground, fact, tokens, i, skipped) if token.lang == "ru" else None
        if run is not None:  # «золотого и платинового уровня» of guests: one condition, its words read
            table, said, read = run
            skipped.update(read)
            found.append(JoinedKind(i, table, said))
            continue
        named = (
            _kind_word(ground, fact, token) or _value_noun_after_fact(ground, fact, tokens, i)
            if token.lang == "ru"
            else _english_kind(ground, fact, tokens, i)
        )
        if named is None:
            continue
        other, values = named
        joined = _fk_column(fact, other) is not None
        one = len(values) == 1 and fact.column(values[0][0]) is None
        condition = f"{values[0][0]} = {_quote(values[0][1])}" if joined and one else None
        found.append(JoinedKind(i, other, condition))
    return found


def _adjective_run(
    ground: _Ground, fact: Table, tokens: Sequence[Token], i: int, skipped: set[int]
) -> tuple[Table, str, list[int]] | None:
    """«Гости золотого и платинового уровня» of reservations (marts131, mbe-ru-30): Russian adjectives whose
    meanings (VALUE_MEANINGS) are listed values of one column of a table the fact points at, then a noun of
    that column's comment ('Уровень программы лояльности'): (the table, `column IN (…)` or `= …`, the indexes
    read). The noun may instead name that table itself: «Зарядки корпоративных клиентов» (marts135,
    mbf-ru-25) is crm.accounts.account_type 'corporate'. A column the fact has itself is its own filter
    rules'; None for anything else."""
    values: list[set[str]] = []
    k = i
    while k < len(tokens) and k not in skipped:
        meant = {m for lemma in tokens[k].lemmas for m in VALUE_MEANINGS.get(lemma, ())}
        if not meant or tokens[k].lang != "ru":
            break
        values.append(meant)
        joint = k + 1 < len(tokens) and tokens[k + 1].lower in _RUN_JOINTS
        k += 2 if joint and k + 2 < len(tokens) and tokens[k + 2].lang == "ru" else 1
    if not values or k >= len(tokens) or tokens[k].lang != "ru" or tokens[k - 1].lower in _RUN_JOINTS:
        return None
    noun = tokens[k]
    found = [
        (table, column.name, picked)
        for table in _referenced_tables(ground, fact)
        for column in table.columns
        if _is_text(column)
        and fact.column(column.name) is None
        and (noun.lemmas & comment_lemmas(column.comment or "") or ground.table_of(noun) is table)
        and (picked := _picked(values, listed_values(column.comment))) is not None
    ]
    if len(found) != 1:
        return None
    table, name, picked = found[0]
    condition = (
        f"{name} = {_quote(picked[0])}"
        if len(picked) == 1
        else f"{name} IN ({', '.join(map(_quote, picked))})"
    )
    return table, condition, list(range(i, k + 1))


def _picked(values: list[set[str]], listed: Sequence[str]) -> list[str] | None:
    """The one listed value each adjective means, in order; None when one means none or two."""
    picked = []
    for meant in values:
        hits = [v for v in listed if v.lower() in meant]
        if len(hits) != 1:
            return None
        picked.append(hits[0])
    return picked


def _referenced_tables(ground: _Ground, fact: Table) -> list[Table]:
    """The tables the fact points at by one key: one join away."""
    return [t for t in ground.tables if t is not fact and _fk_column(fact, t) is not None]


def _kind_word(ground: _Ground, fact: Table, token: Token) -> tuple[Table, list[tuple[str, str]]] | None:
    """(the other table, the (column, value) pairs the word's kind part says) of a hyphenated «VIP-залах»
    whose head names a table other than the fact, or of a compound «электромобили» whose first part means a
    value another table lists; None for any other word. No pair: asked."""
    if "-" in token.lower:
        kind, _, head = token.lower.rpartition("-")
        other = _table_of_text(ground, head)
        if other is None or other is fact or not kind:
            return None
        values = _spelled_values(other, kind)
        return (other, values) if values else None
    prefix = next((p for p in COMPOUND_VALUE_PREFIXES if token.lower.startswith(p)), None)
    if prefix is None or len(token.lower) - len(prefix) < 4 or not _noun(token):
        return None  # «электронные»: an adjective; «электрик»: no compound
    if token.lemmas & comment_lemmas(fact.comment or "") or _compound_values(fact, prefix):
        return None  # «водителей электромобилей» of the fact's comment, or the fact's own kind: its own rules
    # the kind's table: the one the fact points at whose column lists it (trips -> cars.fuel_type 'electric');
    # else any table of the connection listing it (fines -> trips -> cars: two joins away, asked)
    kinds = [t for t in ground.tables if t is not fact and _compound_values(t, prefix)]
    joined = [t for t in kinds if _fk_column(fact, t) is not None]
    if len(joined) == 1:
        return joined[0], _compound_values(joined[0], prefix)
    return (kinds[0], []) if kinds else None


def _english_kind(
    ground: _Ground, fact: Table, tokens: Sequence[Token], i: int
) -> tuple[Table, list[tuple[str, str]]] | None:
    """ "Electric car trips": an English word that is a listed value of another table, right before a word
    naming that table ("car" of fleet.cars, fuel_type 'electric'); the fact's own value is its own rules'."""
    if i + 1 >= len(tokens) or tokens[i + 1].lang != "en":
        return _value_after_table_noun(ground, fact, tokens, i)
    other = ground.table_of(tokens[i + 1])
    if other is None:
        return None
    if other is fact:
        return _kind_of_fact_noun(ground, fact, tokens[i].lower)
    values = _spelled_values(other, tokens[i].lower) or _meant_values(other, tokens[i].lower)
    return (other, values) if values and not _spelled_values(fact, tokens[i].lower) else None


def _meant_values(table: Table, word: str) -> list[tuple[str, str]]:
    """ "rental listings" (marts134, mbf-en-19): the listed values one meaning of an English adjective spells
    (VALUE_MEANINGS "rental" -> 'rent' of listings.listing_kind), when no value is spelled as the word is."""
    return [pair for meaning in VALUE_MEANINGS.get(word, ()) for pair in _spelled_values(table, meaning)]


def _value_after_table_noun(
    ground: _Ground, fact: Table, tokens: Sequence[Token], i: int
) -> tuple[Table, list[tuple[str, str]]] | None:
    """«Бронирования гостей gold» (marts131): a Latin listed value right after a Russian word naming a table
    the fact points at (guests.loyalty_level 'gold'), at the end of its phrase: it was dropped as a title
    word."""
    if i == 0 or tokens[i - 1].lang != "ru" or tokens[i].lower.isdigit():
        return None
    if _spelled_values(fact, tokens[i].lower):
        return None
    for j in (i - 1, i - 2):  # «гостей gold», or «гостей уровня gold» with the column's own word between
        other = ground.table_of(tokens[j]) if j >= 0 and tokens[j].lang == "ru" else None
        if other is None or other is fact:
            continue
        values = [
            (name, value)
            for name, value in _spelled_values(other, tokens[i].lower)
            if not _state_column(name) and all(_in_comment(tokens[k], other, name) for k in range(j + 1, i))
        ]
        return (other, values) if values else None
    return None


def _in_comment(token: Token, table: Table, name: str) -> bool:
    """The word is one of the column's comment ('Уровень программы лояльности': «уровня»)."""
    column = table.column(name)
    return column is not None and bool(token.lemmas & comment_lemmas(column.comment or ""))


def _kind_of_fact_noun(ground: _Ground, fact: Table, word: str) -> tuple[Table, list[tuple[str, str]]] | None:
    """ "Dog appointments" (marts131, mbe-en-26): a listed value of a table the fact points at, right before
    the fact's own noun (pets.species 'dog' of care.appointments). The one referenced table listing it is
    joined; several, or one further away, are asked; a value of the fact itself, or a state word (a status
    column's value: the fact's own state rules read it), is no kind of another table."""
    if _spelled_values(fact, word) or _names_own_part(fact, word):
        return None
    listing = [
        t
        for t in ground.tables
        if t is not fact and any(not _state_column(c) for c, _ in _spelled_values(t, word))
    ]
    if not listing:
        return None
    joined = [t for t in listing if _fk_column(fact, t) is not None]
    if len(joined) == 1 and len(listing) == 1:
        return joined[0], [p for p in _spelled_values(joined[0], word) if not _state_column(p[0])]
    return listing[0], []  # two tables list it, or it is two joins away: asked, quoting the word


def _value_noun_after_fact(
    ground: _Ground, fact: Table, tokens: Sequence[Token], i: int
) -> tuple[Table, list[tuple[str, str]]] | None:
    """«Приёмы кошек» (marts135, mbf-ru-53): a Russian noun meaning (VALUE_MEANINGS) a listed value of another
    table, right after the fact's own noun: the Russian "Cat appointments" (pets.species 'cat'), read as
    _kind_of_fact_noun reads the English; the fact's own value is its own rules'."""
    if i == 0 or not _noun(tokens[i]) or ground.table_of(tokens[i]) is fact:
        return None  # «число доставок» of deliveries: the fact's own noun, no kind of orders (order_type)
    before = ground.table_of(tokens[i - 1])
    if before is not fact and not (before is None and i == 1):
        return None  # the request's first word names no one table (appointments' «приёмы» of vets' hiring)
    meant = {m for lemma in tokens[i].lemmas for m in VALUE_MEANINGS.get(lemma, ())}
    found = [named for word in sorted(meant) if (named := _kind_of_fact_noun(ground, fact, word)) is not None]
    if len(found) == 1:
        return found[0]
    return (found[0][0], []) if found else None  # two readings: asked, quoting the word


def _names_own_part(fact: Table, word: str) -> bool:
    """ "rent payments" of rent_payments, "roaming calls" of calls.is_roaming, "SIM cards": a part of the
    fact's own name or of one of its columns' names, read by the fact's own rules."""
    parts = {p.lower() for c in fact.columns for p in c.name.split("_")} | set(fact.name.lower().split("_"))
    return word in parts


def _state_column(name: str) -> bool:
    """A status or state column: its values are states of rows ("closed"), read by the state rules."""
    return name in ("status", "state") or name.endswith(("_status", "_state"))


def _spelled_values(table: Table, word: str) -> list[tuple[str, str]]:
    """(column, value) of the listed values of `table`'s text columns spelled `word`."""
    return [
        (column.name, value)
        for column in table.columns
        if _is_text(column)
        for value in listed_values(column.comment)
        if value.lower() == word
    ]


def _table_of_text(ground: _Ground, text: str) -> Table | None:
    """The table one word names (the head of a hyphenated pair, tokenized on its own)."""
    words = [t for t in tokenize(text) if t.lang in ("ru", "en")]
    return ground.table_of(words[0]) if len(words) == 1 else None


def _noun(token: Token) -> bool:
    return any(p.pos == "NOUN" for p in token.parses) and token.parses[0].pos not in ("ADJF", "PRTF")
