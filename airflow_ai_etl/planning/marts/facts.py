"""Fact choice: which table is a mart's fact, read from counted nouns, titles, comments and event verbs."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Sequence

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning.flags import of_table
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.lexicon import EVENT_VERB_NOUNS_EN, EVENT_VERB_NOUNS_RU, SOMETHING_WORDS
from airflow_ai_etl.planning.marts.ground import (
    _adjective_fact_title,
    _column_spelled_apart,
    _comment_names,
    _comment_word,
    _describes,
    _dim_heads,
    _fk_column,
    _grain_word_before,
    _Ground,
    _groups_after,
    _holds_dims,
    _how_many_of_nothing,
    _how_much_column,
    _joined_words,
    _key_column,
    _leading_words_name_column,
    _money_columns,
    _names_event_time,
    _names_time_column,
    _numeric_columns,
    _numeric_names,
    _own_noun_time,
    _own_value_column,
    _part_match,
    _quantity_column,
    _reachable,
    _row_total,
    _spelled_columns,
    _state_participle_value,
    _time_columns,
    _titles_fact,
    _via_comment_tables,
)
from airflow_ai_etl.planning.marts.phrase import MartPhrase, _target_phrase_at
from airflow_ai_etl.planning.marts.row_filters import _hyphenated_noun_value, _means_listed_value
from airflow_ai_etl.planning.marts.words import (
    _IDENTIFIER,
    ARTICLES_EN,
    CARRIED_FUNCS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    EACH,
    FROM_RU,
    FROM_WORDS,
    LIST_JOINERS,
    MONEY_RU,
    PEOPLE_PARTS,
    SOLD_LEMMAS,
    SUM_FUNCTION_EN,
    SUM_FUNCTION_RU,
    TITLE_EN,
    TITLE_LINKS,
    TITLE_RU,
    TRIGGER_EN,
    TRIGGER_RU,
    MeasureWord,
    _asker,
    _comment_lemmas,
    _comment_words,
    _en,
    _finite_event_verb,
    _flag_adjective,
    _full_participle_form,
    _grain_noun,
    _is_measure,
    _is_quantity_word,
    _naming_lemmas,
    _participle,
    _plural_noun_head,
    _ru,
    _spelled_name,
    _stops,
    _time_word,
    _title_nouns,
    _word,
)
from airflow_ai_etl.planning.vocabulary import LOCATIVE_VALUE_MEANINGS, name_parts, stem
from airflow_ai_etl.relations import relations_of


def _title_source(ph: MartPhrase, ground: _Ground) -> None:
    """«кандидаты: кол-во по этапам», "tickets: count by topic": a short title before a colon naming one
    table is the fact when no «из»/"from" names a table and each measure's words, if any, name a column of
    that table ("Deposits overview: highest rate …")."""
    tokens = ph.tokens
    cut = next((i for i, t in enumerate(tokens[:4]) if t.text == ":"), None)
    if cut is None or ph.sources or any(m.column_ref for m in ph.measures) or not ph.measures:
        return
    named = {k: t for k in range(cut) if k not in ph.used and (t := ground.table_of(tokens[k])) is not None}
    topic = _title_topic(ph, cut)  # «Сводка по вай-фаю: …»: the title's «по» names its topic, no grouping
    if not named and topic is not None and (t := ground.table_of(tokens[topic[0]])) is not None:
        named = {topic[0]: t}
    if len({id(t) for t in named.values()}) != 1:
        return
    k, table = next(iter(named.items()))
    # "Deposits overview: highest rate per currency": the header's table holds the measured column, though
    # "rate" alone would name currency_rates (measured words naming no other table are left as before)
    objects = [m.object for m in ph.measures if m.object]
    elsewhere = any(ground.table_of(tokens[w]) not in (None, table) for words in objects for w in words)

    def held(m: MeasureWord) -> bool:  # the measured column, or the key of the people counted once each
        if ground.columns_named(table, [tokens[w] for w in m.object]):
            return True
        owner = ground.table_of(tokens[m.object[-1]]) if m.func == "count_distinct" else None
        return topic is not None and owner is not None and _fk_column(table, owner) is not None

    if not objects or (elsewhere and all(held(m) for m in ph.measures if m.object)):
        ph.sources.append(k)
        ph.used.add(k)
        if topic is not None and topic[0] == k:
            ph.dims.remove(topic)


def _title_topic(ph: MartPhrase, cut: int) -> list[int] | None:
    """The one-word dimension of a title before its colon, «Сводка по вай-фаю:», "Summary of wifi:": a title
    word, its link («по», "of", "on") and the word, which may name the table the title is about."""
    tokens = ph.tokens
    for words in ph.dims:
        if len(words) == 1 and (k := words[0]) == cut - 1 and k >= 2:
            if tokens[k - 1].lower in TITLE_LINKS and _word(tokens[k - 2], TITLE_RU, TITLE_EN):
                return words
    return None


def _logged_participle(tokens: Sequence[Token], k: int, m: MeasureWord, ground: _Ground, fact: Table) -> bool:
    """ "max hours logged", "total hours worked": an English past participle right after a word that names
    a numeric column of the fact whole (hours, not bytes_down), and naming no column or table itself, only
    says the values were recorded: no condition."""
    t = tokens[k]
    if t.lang != "en" or not t.lower.endswith("ed") or k - 1 not in m.object or m.func in ("count",):
        return False
    named = ground.columns_named(fact, [tokens[k - 1]])
    if len(named) != 1 or not column_kind(named[0].type).numeric:
        return False
    if not set(name_parts(named[0].name)) <= ground.meanings(tokens[k - 1].lower) | {
        stem(tokens[k - 1].lower)
    }:
        return False  # "bytes uploaded" of bytes_down: the participle would name the rest of it (asked)
    if _state_participle_value(t, ground, fact) is not None:
        return False  # "miles redeemed" of 'Тип операции (accrual, …, redemption)': which rows were summed
    return not ground.columns_named(fact, [t]) and ground.table_of(t) is None


def _sum_of_nothing(ph: MartPhrase) -> str | None:
    """Every measure is a bare sum word («сумма», «итого», "total") with no words of what is summed and no
    column: the word (to quote), else None. A money noun («выручка», "revenue") says what is summed."""
    tokens = ph.tokens
    bare = [
        m
        for m in ph.measures
        if m.func == "sum"
        and not m.object
        and not m.column_ref
        and not m.units
        and _word(tokens[m.index], SUM_FUNCTION_RU, SUM_FUNCTION_EN)
    ]
    if not bare or len(bare) != len(ph.measures):
        return None
    return tokens[bare[0].index].text


def _words_name_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """A word of the request other than a measure's own names the fact table or one of its columns («по
    заказ-нарядам», «Начисления (сумма)», "stops per courier … sum")."""
    cues = {m.index for m in ph.measures}
    return any(
        ground.table_of(t) is fact or bool(ground.columns_named(fact, [t]))
        for i, t in enumerate(ph.tokens)
        if i not in cues and t.lang in ("ru", "en")
    )


HEADCOUNT_RU = {"численность", "штат"}
HEADCOUNT_EN = {"headcount", "staff"}


def _object_table(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> Table | None:
    """The table a measure's words name: «количество заказов» (the first Russian noun), "purchase events"
    (the last English one)."""
    words = [ph.tokens[k] for k in m.object]
    if words and words[0].lang == "en":
        words = words[::-1]
    # «умных счётчиков»: the noun names the table (meters), its adjective only another table's comment
    # ('Телеметрия умных счётчиков'); the adjective is tried only when no noun names one
    words.sort(key=lambda w: w.lang == "ru" and not w.has(w.lemmas, pos=("NOUN",)))
    for w in words:
        table = ground.table_of(w)
        if table is not None:
            return _owner_recorded_in(ph, ground, m, w, table) or table
    return _object_pair_table(ph, ground, m)  # "number of service requests": service_requests


def _owner_recorded_in(
    ph: MartPhrase, ground: _Ground, m: MeasureWord, owner_word: Token, owner: Table
) -> Table | None:
    """«средняя оценка гостей» of hotels: the genitive names guests, who hold no number the other words name;
    the one table whose comment says that genitive ('Отзывы гостей') and holds a numeric column the other
    words name (reviews.rating 'Оценка') records the owner's measure (marts117)."""
    if m.func not in CARRIED_FUNCS or owner_word.lang != "ru" or len(m.object) < 2:
        return None
    if not any(p.case == "gent" for p in owner_word.parses[:1]):
        return None
    others = [ph.tokens[k] for k in m.object if ph.tokens[k] is not owner_word]
    if not others or any(c in _numeric_columns(owner) for c in ground.columns_named(owner, others)):
        return None
    recorders = [
        t
        for t in ground.tables
        if t is not owner
        and _said_in_comment(owner_word, t)
        and any(c in _numeric_columns(t) for c in ground.columns_named(t, others))
    ]
    return recorders[0] if len(recorders) == 1 else None


ORDER_LEVEL_RU = {"чек"}  # «средний чек»: the average of an order's total, not of its lines
ORDER_LEVEL_EN = {"basket", "aov"}
ORDER_NAME = "order"


def _order_level(ph: MartPhrase) -> bool:
    """A measure of whole orders: «средний чек», "average basket", "average order value"."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func == "count" and not m.column_ref:
            continue  # «сколько чеков по статусам»: the receipts' rows counted, no money of whole orders
        words = [tokens[m.index], *(tokens[k] for k in m.object)]
        if any(_word(w, ORDER_LEVEL_RU, ORDER_LEVEL_EN) for w in words):
            return True
        lowers = [w.lower for w in words]
        if "value" in lowers and any(w.lower in ("order", "orders") for w in words):
            return True
    return False


def _order_level_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> Table:
    """An order-level measure is taken over the order table (its one money column), not over line
    items: «Средний чек по статусам заказов» is avg(orders.total), not the average sale line."""
    if not _order_level(ph):
        return fact
    tokens = ph.tokens
    words = [tokens[k] for m in ph.measures for k in (m.index, *m.object)]
    if any(ground.table_of(w) is fact for w in words if _word(w, ORDER_LEVEL_RU, ORDER_LEVEL_EN)):
        return fact  # «сумма чеков» over pharmacy receipts ('Чеки'): the word names the fact's own rows
    orders = [  # one money column, or the row's total among its parts (subtotal, discount, delivery_fee)
        t
        for t in ground.tables
        if stem(ORDER_NAME) in name_parts(t.name)
        and (len(_money_columns(t)) == 1 or _row_total(t) is not None)
    ]
    if len(orders) != 1 or orders[0] is fact or not _holds_dims(ph, ground, orders[0]):
        return fact
    return orders[0]


RELATIVE_RU = {"который"}


def _bracketed_table(ph: MartPhrase, ground: _Ground) -> None:
    """ "daily lead counts by source (crm leads)", "(billing payments)", "(campus wifi_sessions)": a bracket
    after a dimension holding a schema and a table name says which table the mart is of; the dimension is
    the word before the bracket."""
    tokens = ph.tokens
    for index, before, inner in ph.bracketed:
        if len(inner) != 2 or index >= len(ph.dims):
            continue
        schema, name = tokens[inner[0]], tokens[inner[1]]
        named = [
            t for t in ground.tables
            if t.schema.lower() == schema.lower
            and (t.name.lower() == name.lower or ground.table_of(name) is t)
        ]  # fmt: skip
        if len(named) != 1:
            continue
        ph.dims[index] = before
        ph.fact_hint = named[0]
        ph.used.update(inner)


def _clause_lead(token: Token) -> bool:
    """A participle that opens a clause: «прошедших», "placing" (not "during", "morning")."""
    if token.lang == "ru":
        return any(p.pos == "PRTF" for p in token.parses[:1])
    return (
        token.lang == "en"
        and token.lower.endswith("ing")
        and len(token.lower) > 5
        and (
            token.lower not in ("during", "morning", "evening", "building", "pending", "incoming", "outgoing")
        )
    )


def _passive_event(ground: _Ground, token: Token) -> bool:
    """ "unique patients tested", "students enrolled": an English past participle after the counted noun that
    names a table by itself (tested -> lab results 'lab tests'), the event whose rows hold the people."""
    return (
        token.lang == "en"
        and token.lower.endswith("ed")
        and len(token.lower) > 4
        and (ground.table_of(token) is not None)
    )


def _clause_fact(ph: MartPhrase, ground: _Ground) -> None:
    """A participle or relative clause after a counted noun names the event whose rows are counted:
    «уникальных сотрудников, прошедших через турникеты», «студентов, получающих стипендию», "distinct
    customers placing orders", «уникальных посылок, по которым были события трекинга». The table the clause
    names (or the participle itself: "visiting" -> visits) is the fact when it points at the counted
    table; the people in it are counted once each (count_distinct of its key)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        if m.func not in ("count", "count_distinct") or not m.object:
            continue
        counted = ground.table_of(tokens[m.object[0]])
        if counted is None:
            continue
        inner = [
            j
            for j in m.object[1:]
            if _clause_lead(tokens[j])
            or _passive_event(ground, tokens[j])
            or tokens[j].lower in EVENT_VERB_NOUNS_EN  # "distinct customers rented cars", "patients seen"
        ]
        if inner:  # "distinct customers placing orders": the object reading took the clause
            ph.used.difference_update(m.object[m.object.index(inner[0]) :])
            m.object = m.object[: m.object.index(inner[0])]
        k = inner[0] if inner else m.object[-1] + 1
        if k < n and tokens[k].text == ",":
            k += 1
        k = _past_grain(ph, k)  # «клиентов в день брали машины»: the grain said before the verb
        if k >= n:
            continue
        t = tokens[k]
        clause: list[int] = []
        if t.lang == "ru" and any(p.pos == "PRTF" for p in t.parses):
            clause = [k]
        elif (
            m.func == "count_distinct"
            and t.parses[:1]
            and t.parses[0].pos == "VERB"
            and (
                ph.grain_words
                or _verb_event_table(ground, t, counted) is not None
                or _event_verb_tables(ground, t, counted)
                or _object_event_table(ground, k, counted, tokens) is not None
            )
        ):
            # «сколько разных абонентов звонило»: the verb's root names the event (calls), or the grain's
            # word does («гостей заезжало … по месяцам заезда»: the reservations' check_in)
            clause = [k]
        elif (
            t.lang == "ru"
            and k + 1 < n
            and tokens[k].lower in DIM_PREPS_RU | {"у", "в"}
            and (tokens[k + 1].lemma in RELATIVE_RU)
        ):
            clause = [k, k + 1]  # «по которым были события трекинга»
        elif t.lang == "en" and (
            _clause_lead(t) or _passive_event(ground, t) or t.lower in EVENT_VERB_NOUNS_EN
        ):
            clause = [k]  # "placing orders", "patients tested" (a reduced passive naming the event), "rode"
        elif t.lang == "en" and t.lower in ("who", "that", *BE_EN) and k + 1 < n:
            clause = [k, k + 1]  # "who bought", "were seen"
        if not clause:
            continue
        j, named = clause[-1] + 1, None
        words = list(clause)
        own = (  # "visiting" -> visits; «звонивших» -> 'Детализация звонков'
            ground.table_of(tokens[clause[-1]]) if t.lang == "en" else _verb_event_table(ground, t, counted)
        )
        if own is None and (by_verb := _event_verb_tables(ground, tokens[clause[-1]], counted)):
            # «ходило» -> 'Посещения клубов', "rented" -> 'Поездки (аренды)', "seen" -> visits: the verb's
            # event nouns; a table the request names among several is the one («…, from sales»)
            sourced = [x for x in by_verb if any(ground.table_of(tokens[i]) is x for i in ph.sources)]
            if ph.sources and not sourced and any(ground.table_of(tokens[i]) for i in ph.sources):
                continue  # "seen …, from invoices": the verb names another event (left to be asked)
            by_verb = sourced or by_verb
            if len(by_verb) > 1:
                ph.event_tables = by_verb
                _event_object(ph, ground, by_verb[0], clause[-1] + 1, words)
                ph.used.update(words)
                m.func = "count_distinct"
                return
            own = by_verb[0]
            j = _event_object(ph, ground, own, j, words)
            while j < min(n, clause[-1] + 3) and tokens[j].lang == "en" and ph.grain_words:
                if _stops(tokens[j]) or _grain_noun(tokens[j]) or ground.table_of(tokens[j]) is not None:
                    break  # "borrowing books per month of issue": the event's own object, as below
                words.append(j)
                j += 1
        if own is None and t.lang == "ru" and (by_object := _object_event_table(ground, k, counted, tokens)):
            own, j = by_object  # «сидело в интернете» of 'Интернет-сессии': the object says the event
            words.extend(range(k + 1, j))
        if own is not None and own is not counted:
            named = own
            if j < n and _said_in_comment(tokens[j], own):
                words.append(j)  # «посещавших клубы» of 'Посещения клубов': the event's own object
        while named is None and j < min(n, clause[-1] + 5):
            w = tokens[j]
            if w.lang not in ("ru", "en") or w.lower in DIM_PREPS_RU | DIM_PREPS_EN or _grain_noun(w):
                break
            table = ground.table_of(w)
            if table is None and j + 1 < n and tokens[j + 1].lang == w.lang:
                table = ground.table_of_pair(w, tokens[j + 1])
            if table is not None and table is not counted:
                words.append(j)  # the words between («had a login event») stay for the filter rules
                named = table
                if j + 1 < n and ground.table_of_pair(w, tokens[j + 1]) is table:
                    words.append(j + 1)
                break
            j += 1
        if named is None and ph.grain_words:  # "students borrowing books per month of issue": the one table
            parts = {
                p for k in ph.grain_words for p in [_time_word(tokens[k])] if p
            }  # of students with issued_at
            timed = [
                x for x in ground.tables
                if x is not counted and _fk_column(x, counted)
                and any(_part_match(p, c) for p in parts for c in _time_columns(x))
            ]  # fmt: skip
            named = timed[0] if len(timed) == 1 else None
            j = clause[-1] + 1  # "borrowing books": the clause's own object describes the event
            while (
                named is not None
                and j < min(n, clause[-1] + 3)
                and tokens[j].lang == "en"
                and not (
                    _stops(tokens[j]) or _grain_noun(tokens[j]) or ground.table_of(tokens[j]) is not None
                )
            ):
                words.append(j)
                j += 1
        if named is None or _fk_column(named, counted) is None:
            continue
        ph.fact_hint = named
        ph.used.update(words)
        ph.via = [v for v in ph.via if v not in words]
        ph.sources = [v for v in ph.sources if v not in words]
        ph.dims = [d for d in ph.dims if not set(d) <= set(words)]  # "in each dorm building" stays
        m.func = "count_distinct"
        return


# Russian verb endings cut off to reach the root a noun of the same event starts with (звон-ить ~ звон-ок).
VERB_ENDINGS_RU = ("ывать", "ивать", "овать", "евать", "ать", "ять", "ить", "еть", "ыть")
# Prefixes a verbal noun may carry over its verb's root («по-ездка» of «ездить»).
NOUN_PREFIXES_RU = ("по", "за", "вы", "на")
MIN_VERB_ROOT = 3  # «пить» -> «п»: too short a root names nothing


def _verb_root(token: Token) -> str | None:
    """The root of a Russian verb or participle («звонивших» -> звон, «посещало» -> посещ), if long enough."""
    if token.lang != "ru" or not any(p.pos in ("VERB", "INFN", "PRTF") for p in token.parses[:1]):
        return None
    lemma = token.lemma.removesuffix("ся").removesuffix("сь")
    ending = next((e for e in VERB_ENDINGS_RU if lemma.endswith(e)), None)
    root = lemma[: -len(ending)] if ending else None
    return root if root and len(root) >= MIN_VERB_ROOT else None


def _verb_event_table(ground: _Ground, token: Token, counted: Table) -> Table | None:
    """«сколько абонентов звонило», «клиентов, посещавших клубы»: the one table pointing at the counted people
    whose own comment has a noun of the verb's root ('Детализация звонков', 'Посещения клубов', 'Поездки'),
    the event the people are counted in. None when no table or several do (asked by the other rules)."""
    root = _verb_root(token)
    if root is None:
        return None
    found = [
        t
        for t in ground.tables
        if t is not counted
        and t.comment
        and _fk_column(t, counted) is not None
        and any(_noun_of_root(word, root) for word in _comment_lemmas(t.comment))
    ]
    return found[0] if len(found) == 1 else None


BE_EN = ("were", "was", "is", "are", "been", "get", "got")  # "patients were seen": the passive's auxiliary


def _past_grain(ph: MartPhrase, k: int) -> int:
    """The index after a grain phrase at ``k`` («в день», «по неделям», "each day") that a verb follows, or
    ``k``: «сколько разных клиентов в день брали машины» says the grain between the people and their verb."""
    tokens, n = ph.tokens, len(ph.tokens)
    j = k
    if j < n and (tokens[j].lower in DIM_PREPS_RU | DIM_PREPS_EN | EACH | {"в", "за"}):
        j += 1
    if j < n and j > k and _grain_noun(tokens[j]) and j + 1 < n and tokens[j + 1].lang == "ru":
        if tokens[j + 1].parses[:1] and tokens[j + 1].parses[0].pos == "VERB":
            return j + 1
    return k


@functools.lru_cache(maxsize=4096)
def _event_nouns(name: str, comment: str) -> frozenset[str]:
    """What a table's rows record: the nouns its comment says in the nominative ('Посещения клубов' ->
    посещение; each part of «интернет-сессия») and the stems of its name's parts (visits -> visit)."""
    found = {stem(p) for p in name.lower().split("_") if p}
    for t in tokenize(comment):
        if t.lang != "ru":
            continue
        for p in t.parses:
            if p.pos == "NOUN" and p.case == "nomn":
                found.add(p.lemma)
                found.update(p.lemma.split("-"))
    return frozenset(found)


def _event_verb_tables(ground: _Ground, token: Token, counted: Table) -> list[Table]:
    """The tables pointing at the counted people whose comment or name says a noun of the event the verb
    names (lexicon EVENT_VERB_NOUNS_*: ходить -> посещение, "rented" -> аренда/rental, "bought" -> sale)."""
    if token.lang == "ru":
        if not any(p.pos in ("VERB", "INFN", "PRTF") for p in token.parses[:1]):
            return []
        nouns = frozenset().union(*(EVENT_VERB_NOUNS_RU.get(x, frozenset()) for x in token.lemmas))
    else:
        nouns = EVENT_VERB_NOUNS_EN.get(token.lower, frozenset()) if token.lang == "en" else frozenset()
    if not nouns:
        return []
    return [
        t
        for t in ground.tables
        if t is not counted
        and _fk_column(t, counted) is not None
        and nouns & _event_nouns(t.name, t.comment or "")
    ]


def _object_event_table(
    ground: _Ground, k: int, counted: Table, tokens: Sequence[Token]
) -> tuple[Table, int] | None:
    """«сидело в интернете», «выходило в интернет»: a Russian verb then «в»/«на» and a noun that one table
    pointing at the counted people says as its own event ('Интернет-сессии') and no table is named by; the
    table and the index after the noun."""
    if k + 2 >= len(tokens) or tokens[k + 1].lower not in ("в", "во", "на"):
        return None
    noun = tokens[k + 2]
    if noun.lang != "ru":
        return None
    named = ground.table_of(noun)
    if named is not None:
        return (named, k + 3) if named is not counted and _fk_column(named, counted) is not None else None
    found = [
        t
        for t in ground.tables
        if t is not counted
        and _fk_column(t, counted) is not None
        and noun.lemmas & _event_nouns(t.name, t.comment or "")
    ]
    return (found[0], k + 3) if len(found) == 1 else None


def _event_object(ph: MartPhrase, ground: _Ground, event: Table, j: int, words: list[int]) -> int:
    """The words after an event verb that only say what the event is about, added to ``words``: an indefinite
    object ("something"), or a table the event's rows point at, bare or after a preposition («брали
    машины», «ходило в клубы», "went to the clubs", "rented cars"); «в каждый клуб» stays a dimension."""
    tokens, n = ph.tokens, len(ph.tokens)
    if j < n and tokens[j].lower in SOMETHING_WORDS:
        words.append(j)
        return j + 1
    k = j
    if k < n and tokens[k].lower in ("в", "во", "на", "to", "into", "at"):
        k += 1
    if k < n and tokens[k].lower in ARTICLES_EN:
        k += 1
    if k < n and k not in ph.used and (target := ground.table_of(tokens[k])) is not None:
        if target is not event and _fk_column(event, target) is not None:
            words.extend(range(j, k + 1))
            ph.dims = [d for d in ph.dims if not set(d) <= set(range(j, k + 1))]
            return k + 1
    return j


def _said_in_comment(token: Token, table: Table) -> bool:
    """A Russian word the table's own comment says («клубы» of 'Посещения клубов')."""
    return token.lang == "ru" and bool(table.comment) and bool(token.lemmas & _comment_lemmas(table.comment))


def _noun_of_root(word: str, root: str) -> bool:
    """A comment word built on a verb's root, bare or after a prefix («звонок», «поездка» of звон-, езд-)."""
    return word.startswith(root) or (word[:2] in NOUN_PREFIXES_RU and word[2:].startswith(root))


def _comment_pair(ground: _Ground, first: Token, second: Token) -> Table | None:
    """«обращения абонентов» of ops.service_requests ('Заявки и обращения абонентов'): a Russian noun and its
    genitive that one table's comment says together, the first naming that table (the second may name
    another one, subscribers, as its owner)."""
    if first.lang != "ru" or second.lang != "ru" or not second.has(second.lemmas, case=("gent",)):
        return None
    if not first.has(first.lemmas, pos=("NOUN",)):
        return None  # «умных счётчиков» of 'Телеметрия умных счётчиков': an adjective names no table
    table = ground.table_of(first)
    if table is None or not table.comment:
        return None
    said = _comment_lemmas(table.comment)
    return table if first.lemmas & said and second.lemmas & said else None


def _comment_complement(ground: _Ground, tokens: Sequence[Token], i: int) -> tuple[Table, int] | None:
    """«Записи на дисциплины» of enrollments ('Записи студентов на дисциплины'), «Записи на групповые занятия»
    of bookings ('Записи клиентов на групповые занятия'): a Russian noun naming a table, a preposition and its
    noun (adjectives between) that the table's comment says with that preposition: that table, whatever
    table the complement's noun names itself (the courses, the classes are what the rows are on), and the
    index of the complement's noun. A genitive the comment says may stand between («Записи пациентов на
    приём» of 'Записи пациентов на приём к врачу': whose rows they are; marts116)."""
    first = tokens[i]
    if first.lang != "ru" or not first.has(first.lemmas, pos=("NOUN",)) or i + 2 >= len(tokens):
        return None
    table = ground.table_of(first)
    if table is None or not table.comment:
        return None
    said = _comment_lemmas(table.comment)
    at = i + 1
    if _said_genitive(tokens[at], said) and at + 2 < len(tokens):
        at += 1
    prep = tokens[at]
    if prep.lang != "ru" or not prep.parses or prep.parses[0].pos != "PREP":
        return None
    if prep.lower not in {w.lower() for w in _comment_words(table.comment)} or not first.lemmas & said:
        return None
    k = at + 1
    while k < len(tokens) - 1 and tokens[k].lang == "ru" and tokens[k].has(tokens[k].lemmas, pos=("ADJF",)):
        k += 1
    noun = tokens[k]
    if noun.lang != "ru" or not noun.has(noun.lemmas, pos=("NOUN",)) or not noun.lemmas & said:
        return None
    return table, k


def _said_genitive(token: Token, said: frozenset[str]) -> bool:
    """A Russian noun in the genitive whose lemma a table's comment says («пациентов» of 'Записи
    пациентов на приём')."""
    return (
        token.lang == "ru"
        and bool(token.lemmas & said)
        and any(p.pos == "NOUN" and p.case == "gent" for p in token.parses)
    )


def _joined_words_column_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """ "average interest rate": two words of a measure's object naming a column when joined (interest_rate)
    name its table, whatever table the last word alone names (currency_rates)."""
    names = {name for m in ph.measures for name in _joined_words(ph, m)}
    return list(dict.fromkeys(t for t in ground.tables for name in names if t.column(name)))


def _fact_table(ph: MartPhrase, ground: _Ground) -> tuple[Table | None, str]:
    """The fact table: named after «из»/"from"/«витрина», the object of a count or sum, the table the
    measure word or column belongs to, or the one table holding every dimension."""
    tokens = ph.tokens
    ask = _asker("ru" if any(t.lang == "ru" for t in tokens) else "en")

    def one(tables: list[Table]) -> list[Table]:
        return list(dict.fromkeys(tables))

    steps: list[list[Table]] = [[ph.fact_hint]] if ph.fact_hint is not None else []
    sourced = one([t for i in ph.sources if (t := ground.table_of(tokens[i])) is not None])
    steps.append(_title_sources(ph, ground, sourced))  # «витрина кинотеатров: … билетов»: tickets
    steps.append(_money_from_rows_tables(ph, ground))  # «выручка с зарядок по станциям»: 'Сессии зарядки'
    if ph.event_tables:  # "customers who bought something": sales or orders, asked by name
        steps.append(ph.event_tables)
    steps.append(_via_comment_tables(ph, ground))  # «сотрудников через турникеты»: badge_events
    steps.append(
        how_much := _how_much_tables(ph, ground)
    )  # «сколько затронуто домохозяйств»: outages.households
    steps.append(_unit_tables(ph, ground))  # «потребление кВт·ч»: telemetry.kwh
    steps.append(_column_words_table(ph, ground))  # net, gross, currency, period: payslips only
    steps.append(_joined_words_column_tables(ph, ground))  # "interest rate": loans.interest_rate, no rates
    steps.append(
        _spelled_comment_tables(ph, ground)
    )  # «страховая премия»: policies.premium, not its payments
    steps.append(
        _bracketed_measure_tables(ph, ground)
    )  # «мест продано (seats_sold)»: screenings, not tickets
    steps.append(  # «средний заряд батареи»: sessions, whose numeric comments say both ('Заряд батареи …')
        one([
            t for m in ph.measures if len(m.object) > 1 and m.func in CARRIED_FUNCS for t in ground.tables
            if any(all(_comment_word(c, tokens[k]) for k in m.object) for c in _numeric_columns(t))
        ])
    )  # fmt: skip
    objects = one(
        [
            t
            for m in ph.measures
            if m.func not in ("count_distinct",) and not m.units
            and (t := _object_table(ph, ground, m)) is not None
        ]
    )  # fmt: skip
    steps.append(_answering_every_measure(ph, ground, objects) if len(objects) > 1 else objects)
    counted_step = steps[-1] if len(objects) == 1 else None  # «число приёмов»: visits, or appointments too?
    steps.append(one([t for m in ph.measures if (t := ground.table_of(tokens[m.index])) is not None]))
    quantity = [m for m in ph.measures if m.units or any(_is_quantity_word(tokens[k]) for k in m.object)]
    if quantity:
        holding = [t for t in ground.tables if _quantity_column(t) and _holds_dims(ph, ground, t)]
        # «Заказы по клиентам: сколько штук и на какую сумму»: the table the request names by its noun
        # (orders: count, sum(total)) wins over one whose columns spell the measure words (sales.quantity)
        nouns = one([t for i, w in enumerate(tokens) if i not in ph.used and w.lang in ("ru", "en")
                     and (t := ground.table_of(w)) is not None])  # fmt: skip
        held = {t.qualified_name for t in holding}
        steps.append(nouns if nouns and not any(t.qualified_name in held for t in nouns) else holding)
    columns: list[Table] = []
    for m in ph.measures:
        words = [tokens[k] for k in m.object] or [tokens[m.index]]
        if m.column_ref:
            columns += [t for t in ground.tables if t.column(m.column_ref)]
            continue
        for w in words:
            holders = [
                t for t in ground.tables if ground.columns_named(t, [w]) and ground.table_of(w) is None
            ]
            if len(holders) > 1:  # «сумма км по дате маршрута»: distance_km of the routes the request names
                mentioned = {
                    x.qualified_name
                    for k, x2 in enumerate(tokens)
                    if k != m.index and x2.lang in ("ru", "en") and (x := ground.table_of(x2)) is not None
                }
                # "Total km per car": trips (car_id), the table the dimension's noun names is the group
                holders = _grouped_by_own_rows(holders, mentioned, _row_group_tables(ph, ground))
                holders = [t for t in holders if t.qualified_name in mentioned] or holders
            if len(holders) == 1:
                columns.append(holders[0])
                break
    steps.append(one(columns))
    said = {lemma for w in tokens if w.lang == "ru" for lemma in w.lemmas}
    commented = [  # «сумма к выплате»: the one table with a column whose comment the request says
        (t, c) for t in ground.tables for c in t.columns
        if (content := {x for x in _comment_lemmas(c.comment) if len(x) > 3}) and content <= said
    ]  # fmt: skip
    # «Полисы по городам …» (no measure word): claims.policy_id 'Полис' is a key whose comment the counted
    # noun says, naming the policies themselves, never a table pointing at them (a key another word says
    # still may: «уникальных гостей» of reservations.guest_id 'Гость', «записи на занятия» of bookings)
    lead_word = _head_after_attributes([t for t in tokens if t.lang != "punct"])
    bare_noun = (
        lead_word if lead_word is not None and not ph.measures and _plural_noun_head(lead_word) else None
    )
    lead_lemmas = set(bare_noun.lemmas) if bare_noun is not None else set()
    by_comment = one(
        [t for t, c in commented if not (_key_column(t, c) and _comment_lemmas(c.comment) <= lead_lemmas)]
    )
    lead_table = ground.table_of(bare_noun) if bare_noun is not None else None
    if lead_table is not None and _holds_dims(ph, ground, lead_table):
        # «Полисы по городам офисов агентов»: the counted noun's table reaches every dimension; agents'
        # office_city 'Город офиса', which the dimension's words say, is joined, not counted
        by_comment = [lead_table]
    steps.append(by_comment)
    money = [
        m
        for m in ph.measures
        if any(_word(tokens[k], {"чек"}, {"basket", "check", "receipt"}) for k in [m.index, *m.object])
    ]
    if money:  # «средний чек»: a receipt is a sale, or the table it is taken over («чек по заказам»)
        over = one([t for w in _dim_heads(ph) if (t := ground.table_of(w)) is not None and _money_columns(t)])
        steps.append(
            over if len(over) == 1 else [t for t in ground.tables if stem("sale") in name_parts(t.name)][:1]
        )
    unused = one([t for i, w in enumerate(tokens) if i not in ph.used and w.lang in ("ru", "en")
                  and (t := ground.table_of(w)) is not None])  # fmt: skip
    unused_nouns = one([t for i, w in enumerate(tokens) if i not in ph.used and w.lang == "ru"
                        and w.has(w.lemmas, pos=("NOUN",))
                        and (t := ground.table_of(w)) is not None])  # fmt: skip
    if len(unused_nouns) == 1 and len(unused) > 1:  # «Умные счётчики»: meters (the noun), not telemetry
        unused = unused_nouns  # ('Телеметрия умных счётчиков', which the adjective alone names)
    pairs = [
        t
        for i in range(len(tokens) - 1)
        if i not in ph.used
        and (
            (t := ground.table_of_pair(tokens[i], tokens[i + 1])) is not None
            or (t := _comment_pair(ground, tokens[i], tokens[i + 1])) is not None
        )
    ]
    pairs += [
        complement[0]
        for i in range(len(tokens) - 2)
        if i not in ph.used and (complement := _comment_complement(ground, tokens, i))
    ]
    if pairs:
        steps.insert(1, one(pairs))
    if (owned := _owner_compound_fact(ph, ground)) is not None:
        steps.insert(1, [owned])  # "group class bookings": bookings of group_classes, not the classes
    if (measured := _measured_noun_table(ph, ground)) is not None:
        steps.insert(int(ph.fact_hint is not None), [measured])  # «Витрина зарплат: средний оклад»: employees
    if (distinct_of := _distinct_of_rows(ph, ground)) is not None:
        steps.insert(int(ph.fact_hint is not None), [distinct_of])  # "distinct customers of online orders"
    # "cooked orders per restaurant": kitchen_shifts (orders_cooked), not the orders the noun names
    named_by_lead = [t for t in ground.tables if _leading_words_name_column(tokens, t)]
    if not ph.measures and len(named_by_lead) == 1:
        steps.insert(int(ph.fact_hint is not None), named_by_lead)
    if not ph.measures:  # "Visits per doctor specialty": the counted noun is the fact
        steps.append(unused)
    distinct = [t for m in ph.measures if m.func == "count_distinct" and (t := _object_table(ph, ground, m))]
    steps.append(_distinct_per_own_row(ph, ground, distinct))  # «уникальных покупателей по заказам»: orders
    steps.append(
        [
            t
            for t in ground.tables
            if ph.dims and _holds_dims(ph, ground, t, direct=True) and all(_fk_column(t, d) for d in distinct)
        ]
    )
    steps.append(_distinct_through_join(ph, ground, distinct))
    steps.append(unused)
    steps.append(_grain_event_tables(ph, ground, distinct))  # «покупателей по месяцам продаж»: sales
    named = {
        t.qualified_name
        for i, w in enumerate(tokens)
        if w.lang in ("ru", "en") and i not in ph.business and (t := ground.table_of(w)) is not None
    }
    if any(w.lemma in SOLD_LEMMAS or w.lower == "sold" for w in tokens):  # «проданных единиц»: sales
        named |= {t.qualified_name for t in ground.tables if stem("sale") in name_parts(t.name)}
    if any(w.lemma in SOLD_LEMMAS or w.lower == "sold" for w in tokens):
        # «сколько (штук) товаров продано», "how many products sold": the sales rows of those products
        counted = [
            t for m in ph.measures if m.func == "count" or m.units
            if (t := _object_table(ph, ground, m)) is not None
        ]  # fmt: skip
        selling = [
            t for t in ground.tables
            if stem("sale") in name_parts(t.name) and _quantity_column(t)
            and any(_fk_column(t, c) for c in counted)
        ]  # fmt: skip
        if not selling:
            # «сколько упаковок продано»: the pieces column stock and receipt lines share; the rows of
            # the sale are those whose comment or name says it ('Строки чеков (проданные позиции)'), when
            # the pieces are said (a quantity word, or the noun that column's comment counts)
            selling = [
                t for t in ground.tables if _records_sale(t) and _pieces_said(ph, t, bool(quantity))
            ]  # fmt: skip
        if len(selling) == 1:
            steps.insert(0, selling)
    heads = [m for m in ph.measures if _word(tokens[m.index], HEADCOUNT_RU, HEADCOUNT_EN) and not m.object]
    if heads:  # "Headcount by department name": people are counted, the department is the dimension
        people = [t for t in ground.tables if set(name_parts(t.name)) & PEOPLE_PARTS]
        steps.insert(1, people)
    # "fines by fine type, count": a dimension's word repeating the fact's own noun, said outside it too,
    # names no dimension's table
    dim_tables = _dims_only_tables(ph, ground)
    bare_count = bool(ph.measures) and all(
        m.func == "count" and not m.object and not m.column_ref for m in ph.measures
    )
    bare_count = bare_count and not how_much  # «сколько затронуто домохозяйств»: a sum (_how_much_tables)
    if named <= dim_tables and not any(steps[:3]) and _how_many_of_nothing(ph):
        # «сколько всего по регионам?», «сколько по тарифам?»: nothing counted is named (a dimension's table
        # is no counted noun): rows of which table, or a sum of what?
        return None, ask("which_fact", tables=", ".join(t.name for t in ground.tables))
    if bare_count:  # "Shipments by hub name: daily count": the table noun that is no dimension is counted
        steps.insert(1, [t for t in unused if t.qualified_name not in dim_tables])
    stated = one([  # "group class no-shows": the bookings, whose status lists 'no_show', not the classes
        t for w in tokens if w.lang == "en" and w.lower.count("-") == 1 and ground.table_of(w) is None
        for t in ground.tables if _hyphenated_noun_value(w, t) is not None and _holds_dims(ph, ground, t)
    ])  # fmt: skip
    if len(stated) == 1 and not sourced:
        steps.insert(int(ph.fact_hint is not None), stated)
    for found in steps:
        if found is counted_step and (rival := _rival_counted_table(ph, ground, found[0])) is not None:
            word, other = rival
            return None, ask(
                "counted_two_tables", word=word, fact=found[0].name, rival=other.name, comment=other.comment
            )
        found = _column_clues(ph, ground, found) if len(found) > 1 else found  # (created_at), direction = in
        if (
            len(found) > 1
        ):  # «суммарное количество проданных единиц»: the table a word names ("sold" -> sales)
            narrowed = [t for t in found if t.qualified_name in named]
            if len(narrowed) > 1:
                # «Полисы по городам страхователей»: the holders are named only as the owner of a dimension
                # («городам» of whom?), the policies outside it: the one named outside the dimensions
                outside = [t for t in narrowed if t.qualified_name not in dim_tables]
                narrowed = outside if len(outside) == 1 else narrowed
            found = narrowed if len(narrowed) == 1 else found
        if len(found) > 1:  # «… помесячно по началу аренды»: trips, the one whose time the grain's words name
            timed = _grain_phrase_tables(ph, ground, found)
            found = timed if len(timed) == 1 else found
        if len(found) == 1 and bare_count and found[0].qualified_name in dim_tables:
            verbs = [w for w in tokens if w.lang == "ru" and w.parses and w.parses[0].pos in ("VERB", "INFN")]
            if not any(ground.table_of(tokens[i]) is found[0] for i in ph.sources) and not any(
                _names_event_time(w, found[0])
                for w in verbs  # «сколько раз выдавали книгу»: loans' issued_at
            ):
                # a bare count whose only table noun is a dimension's: what is counted is not said
                return None, ask("which_fact", tables=", ".join(t.name for t in ground.tables))
        if (
            len(found) == 1
            and (bare := _sum_of_nothing(ph)) is not None
            and not _words_name_fact(ph, ground, found[0])
        ):
            # «витрина по тренерам: сумма по специализациям»: a sum of nothing named, of a table no word
            # names: the one table whose column says «сумма» ('Сумма платежа') is a guess (marts85)
            return None, ask("sum_of_nothing", word=bare)
        if len(found) == 1:
            return found[0], ""
        if len(found) > 1:
            return None, ask("two_facts", tables=", ".join(t.name for t in found))
    if len(clued := _column_clues(ph, ground, list(ground.tables))) == 1:
        return clued[0], ""  # «через каждую дверь …; только direction = in»: the one table with those columns
    return None, ask("which_fact", tables=", ".join(t.name for t in ground.tables))


def _attribute_pos(token: Token, pos: tuple[str, ...]) -> bool:
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in pos


def _head_after_attributes(words: Sequence[Token]) -> Token | None:
    """The request's first word, or, when it opens with adjectives or participles, the noun they qualify
    («Эскалированные на вторую линию заявки …»: «заявки»; a participle's prepositional complement is
    skipped up to its noun): the rows a bare grouping counts, as a lead noun is (marts115: the state word
    hid «заявки», and the tables whose key is commented 'Заявка' were offered instead of the tickets)."""
    k = 0
    while k < len(words) and _attribute_pos(words[k], ("ADJF", "PRTF")):
        k += 1
        if k < len(words) and _attribute_pos(words[k], ("PREP",)):
            k += 1  # «на вторую линию»: the complement, its adjectives and its noun
            while k < len(words) and _attribute_pos(words[k], ("ADJF", "PRTF", "NUMR")):
                k += 1
            k += 1
    return words[k] if k < len(words) else (words[0] if words else None)


SALE_LEMMAS = SOLD_LEMMAS | {"продажа"}


def _money_from_rows_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """«Выручка с зарядок по станциям»: a money noun's «с» + plural noun (phrase._revenue_from) says whose
    money it is; with no title naming the rows, the one table with money whose comment opens with that noun
    ('Сессии зарядки', not 'Тарифы на зарядку' or 'Платежи клиентов за зарядку') and that holds every
    dimension is the fact (marts118). Several, or none: [] (the other steps read or ask)."""
    tokens = ph.tokens
    found: list[Table] = []
    for m in ph.measures:
        # «выручка с зарядок» (the money noun the cue), «суммарная выручка с зарядок» (the noun its object)
        money = [k for k in [m.index, *m.object] if _ru(tokens[k], MONEY_RU - SUM_FUNCTION_RU)]
        if m.func != "sum" or len(money) != 1 or money[0] + 2 >= len(tokens):
            continue
        if tokens[money[0] + 1].lower not in FROM_RU or tokens[money[0] + 2].lang != "ru":
            continue
        word = tokens[money[0] + 2]
        found += [
            t
            for t in ground.tables
            if _money_columns(t) and _opens_comment(t, word) and _holds_dims(ph, ground, t)
        ]
    found = list(dict.fromkeys(found))
    return found if len(found) == 1 else []


def _opens_comment(table: Table, word: Token) -> bool:
    """The word is a noun of the table comment's opening noun phrase, before any preposition or comma
    ('Сессии зарядки': «сессия», «зарядка»): what each row is, not what it is for or about."""
    said = {stem(lemma) for lemma in word.lemmas}
    for t in tokenize(table.comment or ""):
        if t.lang != "ru" or not t.parses or t.parses[0].pos not in ("NOUN", "ADJF"):
            return False
        if t.parses[0].pos == "NOUN" and said & {stem(lemma) for lemma in t.lemmas}:
            return True
    return False


def _owner_compound_fact(ph: MartPhrase, ground: _Ground) -> Table | None:
    """ "group class bookings", "class bookings" of fitness: English nouns naming a table (group_classes, by
    one word or two) right before a noun naming another table that points at it (bookings.class_id) say
    whose rows the last noun's are: that noun's table is the fact, the words before it are read. None when
    no such compound is said or two name different facts."""
    tokens = ph.tokens
    found: list[tuple[Table, range]] = []
    for j in range(1, len(tokens)):
        head = tokens[j]
        fact = ground.table_of(head) if head.lang == "en" and j not in ph.used else None
        if fact is None:
            continue
        for size in (2, 1):
            i = j - size
            if i < 0 or any(tokens[k].lang != "en" or k in ph.used for k in range(i, j)):
                continue
            first = tokens[i]
            owner = ground.table_of_pair(first, tokens[i + 1]) if size == 2 else ground.table_of(first)
            if owner is not None and owner is not fact and _fk_column(fact, owner):
                found.append((fact, range(i, j)))
                break
    if len({fact.qualified_name for fact, _ in found}) != 1:
        return None
    ph.used.update(k for _, span in found for k in span)
    return found[0][0]


def _records_sale(table: Table) -> bool:
    """A table whose rows are sales: its name says sale, or its comment a sale or what was sold ('Чеки
    (продажи на кассе)', 'Строки чеков (проданные позиции)')."""
    return stem("sale") in name_parts(table.name) or bool(_comment_lemmas(table.comment or "") & SALE_LEMMAS)


def _pieces_said(ph: MartPhrase, table: Table, quantity: bool) -> bool:
    """The table has a pieces column and the request says its pieces: a quantity word, or a measured noun
    its comment counts («упаковок» of 'Количество, упаковок')."""
    column = table.column(_quantity_column(table) or "")
    if column is None:
        return False
    said = _comment_lemmas(column.comment or "")
    return quantity or any(ph.tokens[k].lemmas & said for m in ph.measures for k in m.object)


def _measured_noun_table(ph: MartPhrase, ground: _Ground) -> Table | None:
    """«Витрина зарплат: средний оклад по должностям», «Отчёт: сумма чаевых курьеров по транспорту»: the
    words a sum, average, minimum or maximum is of (not a table's own noun) name a numeric column of exactly
    one table (employees.salary 'Оклад', deliveries.tip_amount 'Чаевые'), which also reaches every
    dimension: that table is the fact, whatever a title or an owner's genitive names (no other table holds
    a column to aggregate). Several words narrow to the tables each names a column of («стоимость ремонта»:
    fault_tickets, not the charging sessions' cost). A table named after «из»/"from" is left as said."""
    tokens = ph.tokens
    if any(k > 0 and tokens[k - 1].lower in FROM_WORDS for k in ph.sources):
        return None
    found: set[str] | None = None
    by_name = {t.qualified_name: t for t in ground.tables}
    for m in ph.measures:
        if m.func not in CARRIED_FUNCS or m.column_ref or m.subject:
            continue
        if any(t.column(name) for name in _joined_words(ph, m) for t in ground.tables):
            continue  # "parts cost": parts_amount, the two words joined, not parts.price "cost" names
        for k in m.object:
            word = tokens[k]
            if word.lang not in ("ru", "en") or ground.table_of(word) is not None:
                continue
            if any(_means_listed_value(word, t) for t in ground.tables):
                continue  # "total of overdue charges": a state of the rows (status 'overdue'), no column
            meanings = ground.meanings(word.lower)
            holders = {  # any column the word may name, not only one it names alone («стоимость»: two)
                t.qualified_name
                for t in ground.tables
                for c in t.columns
                if c.name in _numeric_names(t)
                and not _key_column(t, c)
                and (
                    c in ground.columns_named(t, [word])
                    or _comment_word(c, word)
                    or ground.planner._names_column(c, meanings, t, frozenset())
                    or bool(set(name_parts(c.name)) & meanings)
                )
            }
            if holders:
                found = holders if found is None else found & holders
    if not found or len(found) != 1:
        return None
    table = by_name[next(iter(found))]
    return table if _holds_dims(ph, ground, table) else None


def _row_group_tables(ph: MartPhrase, ground: _Ground) -> set[str]:
    """The tables a one-word dimension names by its noun alone ("per car", «по машинам»): their rows are the
    groups («по типам заказа» is a column of orders, no table's rows)."""
    return {
        t.qualified_name
        for group in ph.dims
        if len(group) == 1 and (t := ground.table_of(ph.tokens[group[0]])) is not None
    }


def _distinct_of_rows(ph: MartPhrase, ground: _Ground) -> Table | None:
    """ "distinct customers of online orders", "unique patients of visits": a distinct count whose object
    goes on with "of" and the noun (one word or two) of a table whose rows point at the counted people's
    table by a key: that table is the fact, the people its key (never a third table holding both)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count_distinct" or len(m.object) < 2:
            continue
        first, rest = m.object[0], m.object[1:]
        if tokens[rest[0] - 1].lower != "of" or len(rest) > 2:
            continue
        people = ground.table_of(tokens[first])
        rows = ground.table_of_pair(tokens[rest[0]], tokens[rest[1]]) if len(rest) == 2 else None
        rows = rows or ground.table_of(tokens[rest[-1]])
        if people is not None and rows is not None and rows is not people and _fk_column(rows, people):
            return rows
    return None


def _title_sources(ph: MartPhrase, ground: _Ground, sourced: list[Table]) -> list[Table]:
    """The tables «витрина <noun>» names, unless that is a header («собери витрину кинотеатров — число
    проданных билетов …») whose measure counts or sums the rows of one other table reaching the named one by
    its keys (tickets -> screenings -> halls -> cinemas): the header then says whose rows they are (the
    measure's table is the fact, found by the later steps)."""
    tokens = ph.tokens
    header = all(i + 1 < len(tokens) and tokens[i + 1].text in (":", "—", "–") for i in ph.sources)
    if not sourced or not header:
        return sourced  # the header ends right after the noun «витрина» names
    objects: dict[str, Table] = {}
    for m in ph.measures:
        counted = _object_table(ph, ground, m)
        if counted is not None:
            objects[counted.qualified_name] = counted
    if len(objects) != 1 or any(t.qualified_name in objects for t in sourced):
        return sourced
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    reached = _reachable(next(iter(objects.values())), relations, ground.tables)
    return [] if all(t in reached for t in sourced) else sourced


def _grouped_by_own_rows(found: list[Table], named: set[str], dim_tables: set[str]) -> list[Table]:
    """Of several candidate fact tables ("Total km per car": cars.mileage_km 'Пробег, км' and
    trips.distance_km 'Пробег за поездку, км'), a table the request names only as a dimension («per car») is
    the group, not the rows summed per group: the one other candidate pointing at it by a key is the fact.
    Unchanged otherwise (a table named outside the dimensions too is left to the other rules)."""
    if len(found) < 2 or named - dim_tables:
        return found
    groups = [t for t in found if t.qualified_name in dim_tables]
    others = [
        t for t in found if t.qualified_name not in dim_tables and any(_fk_column(t, g) for g in groups)
    ]
    return others if groups and len(others) == 1 else found


def _grain_phrase_tables(ph: MartPhrase, ground: _Ground, candidates: list[Table]) -> list[Table]:
    """Of several candidate fact tables, those with a time column the words of the grain's phrase name
    («по началу аренды»: trips.started_at 'Начало аренды'; «по дням создания записи»: appointments.created_at;
    "weekly by booking time": bookings.booked_at): every Russian word in its comment (or the same event), or
    a word's event or English stem in its name."""
    tokens = ph.tokens
    words = [tokens[k] for k in ph.grain_words]
    words += [tokens[k] for g in ph.dims if _grain_word_before(ph, min(g)) is not None for k in g]
    if not words:
        return []
    parts = {p for w in words if (p := _time_word(w))} | {stem(w.lower) for w in words if w.lang == "en"}
    russian = [w for w in words if w.lang == "ru"]
    found = []
    for table in candidates:
        times = _time_columns(table)
        said = [c for c in times if russian and all(_names_time_column(c, w) for w in russian)]
        said += [c for c in times if c not in said and any(_part_match(p, c) for p in parts)]
        commented = [c for c in times if any(_comment_names(c, w) for w in russian)]
        if said or _own_noun_time(russian, table, times, commented) is not None:
            found.append(table)
    return found


def _rival_counted_table(ph: MartPhrase, ground: _Ground, fact: Table) -> tuple[str, Table] | None:
    """«число приёмов по каналам записи»: the counted noun names `fact` (visits, 'Состоявшиеся приёмы и
    осмотры') and is what another table's rows are for (appointments, 'Записи пациентов на приём к
    врачу'), and only that other table holds every dimension itself: the rows of either may be the ones
    counted (visits held, or appointments booked), so the noun and the other table are returned and the
    fact asked (marts67; before, visits were counted through a join to appointments). None when `fact`
    holds the dimensions itself («по врачам»), or the other table names the noun only as a qualifier
    («Курьеры доставки»)."""
    if not ph.dims or _holds_dims(ph, ground, fact, direct=True):
        return None
    counted = [
        w
        for m in ph.measures
        if m.func == "count"
        for w in (ph.tokens[k] for k in m.object)
        if w.lang == "ru" and ground.table_of(w) is fact
    ]
    if not counted:
        return None
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    reached = {t.qualified_name for t in _reachable(fact, relations, ground.tables)}
    rivals = [
        (w.text, t)
        for t in ground.tables
        if t.qualified_name in reached and _holds_dims(ph, ground, t, direct=True)
        for w in counted[:1]
        if w.lemmas & _purpose_lemmas(t.comment or "")
    ]
    return rivals[0] if len(rivals) == 1 else None


@functools.lru_cache(maxsize=1024)
def _purpose_lemmas(comment: str) -> frozenset[str]:
    """The lemmas of the nouns a table's comment says its rows are for: «приём» of 'Записи пациентов на
    приём к врачу', «занятие» of 'Записи клиентов на групповые занятия' (the noun after на/для/к, past
    adjectives)."""
    words = [t for t in tokenize(comment) if t.lang in ("ru", "punct")]
    found: set[str] = set()
    for i, t in enumerate(words):
        if t.lang != "ru" or t.lower not in ("на", "для", "к"):
            continue
        for w in words[i + 1 : i + 4]:
            if w.lang != "ru" or not w.parses:
                break
            if w.parses[0].pos == "NOUN":
                found |= set(w.lemmas)
                break
    return frozenset(found)


def _answering_every_measure(ph: MartPhrase, ground: _Ground, tables: list[Table]) -> list[Table]:
    """«число полисов и сумма премий»: the count's noun names policies, the sum's «премий» premium_payments
    too, but policies.premium answers the sum: the one table whose rows every count counts and that holds
    a numeric column every other measure's words name (the tables unchanged when not exactly one)."""

    def answers(table: Table, m: MeasureWord) -> bool:
        if not m.object:
            return True
        if m.func == "count":
            return _object_table(ph, ground, m) is table
        words = [ph.tokens[k] for k in m.object]
        named = ground.columns_named(table, words)
        if any(c in _numeric_columns(table) for c in named):
            return True
        # «средний заряд батареи»: every word is in the comments of start_soc and end_soc ('Заряд батареи …')
        return len(words) > 1 and any(
            all(_comment_word(c, w) for w in words) for c in _numeric_columns(table)
        )

    fitting = [t for t in tables if all(answers(t, m) for m in ph.measures)]
    return fitting if len(fitting) == 1 else tables


def _dims_only_tables(ph: MartPhrase, ground: _Ground) -> set[str]:
    """Tables named by dimension words and by no word outside the dimensions that spells the table's own
    name ("fines by fine type": the fines are said; «брали книги по названию книги»: 'книги' names loans
    only by their comment, the count of what is still asked)."""
    in_dims = {k for words in ph.dims for k in words}
    outside = {
        t.qualified_name
        for i, w in enumerate(ph.tokens)
        if i not in in_dims
        and w.lang in ("ru", "en")
        and (t := ground.table_of(w)) is not None
        # "premium payments": a compound name spelled by the word and the one before it
        and set(name_parts(t.name))
        <= ground.meanings(w.lower) | ground.meanings(ph.tokens[max(i - 1, 0)].lower)
    }
    inside = {t.qualified_name for k in in_dims if (t := ground.table_of(ph.tokens[k])) is not None}
    return inside - outside


def _bracketed_measure_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """The one table holding the column a measure names in brackets after its words («сколько мест продано
    (seats_sold)»): the words' noun may name another table (tickets' seats), the column is the user's own
    answer. Empty unless every such column is in exactly that one table."""
    refs = [m.column_ref for m in ph.measures if m.column_ref and not m.subject]
    holders = {t.qualified_name: t for ref in refs for t in ground.tables if t.column(ref)}
    if not refs or len(holders) != 1:
        return []
    (table,) = holders.values()
    return [table] if all(table.column(ref) for ref in refs) else []


def _grain_event_tables(ph: MartPhrase, ground: _Ground, distinct: list[Table]) -> list[Table]:
    """«число уникальных покупателей по месяцам продаж», "distinct customers per month of orders": no other
    word names the rows, so the table the grain's own word names is them, when its time columns answer the
    word (sales.sold_at of «продаж») and, for people counted distinct, it keeps a key to them (a sale's
    customer_id). Empty unless exactly one table is named so."""
    found = []
    for k in ph.grain_words:
        table = ground.table_of(ph.tokens[k])
        if table is None or not all(_fk_column(table, d) for d in distinct):
            continue
        parts = {p for p in (_time_word(ph.tokens[k]), *ground.meanings(ph.tokens[k].lower)) if p}
        if any(_part_match(p, c) for p in parts for c in _time_columns(table)):
            found.append(table)
    found = list(dict.fromkeys(found))
    return found if len(found) == 1 else []


def _spelled_comment_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """«Суммарная страховая премия», «средняя заявленная сумма»: the words of a summed or averaged measure
    spell the whole comment of a numeric column ('Страховая премия' of policies.premium), of two words or
    more: that column's table is the fact, over a table whose own comment only mentions the noun ('Платежи
    страховой премии'). Empty unless exactly one table has such a column."""
    tables = [
        t
        for m in ph.measures
        if m.func in ("sum", "avg", "min", "max") and m.object
        for t in ground.tables
        if _spelled_columns(t, [ph.tokens[k] for k in m.object])
    ]
    unique = list(dict.fromkeys(tables))
    return unique if len(unique) == 1 else []


def _distinct_per_own_row(ph: MartPhrase, ground: _Ground, distinct: list[Table]) -> list[Table]:
    """«уникальных покупателей по месяцам по заказам», "distinct customers by orders": a one-word dimension
    naming a table whose rows point at every counted entity (orders.customer_id) is the table counted over,
    not a grouping: each of its rows has one such entity, so a distinct count per row is 1 (sales grouped by
    order_id was planned). That table is the fact (its noun then groups nothing, see _names_fact_only).
    Empty unless exactly one dimension says so."""
    if not distinct:
        return []
    found = [
        t
        for words in ph.dims
        if len(words) == 1
        and (t := ground.table_of(ph.tokens[words[0]])) is not None
        and t not in distinct
        and all(_fk_column(t, d) for d in distinct)
    ]
    unique = list(dict.fromkeys(found))
    return unique if len(unique) == 1 else []


def _distinct_through_join(ph: MartPhrase, ground: _Ground, distinct: list[Table]) -> list[Table]:
    """«уникальных покупателей в каждой категории товаров»: the one table that points at the counted people
    and reaches every dimension through its joins (sales: customer_id, product_id -> products.category).
    None when the people's own table reaches them too ("distinct couriers per vehicle model": couriers by
    their vehicle, or the couriers of routes?): that is for the other rules, or asked."""
    if not distinct or not ph.dims or any(_holds_dims(ph, ground, d) for d in distinct):
        return []
    pointing = [t for t in ground.tables if all(_fk_column(t, d) for d in distinct)]
    found = [t for t in pointing if _holds_dims(ph, ground, t)]
    return found if len(found) == 1 else []


def _drop_fact_title(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«Сводка по возвратам: сумма возвратов по причинам», "Report on returns: ...": a title noun, its link
    and a group of words every one of which names the fact table, ended by a colon or a dash, is the title's
    topic, no dimension, even when the noun also names a column's comment (refund_amount 'Сумма возврата').
    Only when every measure names its own words: after a bare «сумма» («Отчёт по полисам: сумма по каналам»)
    which column the title means (premium or sum_insured) stays asked."""
    tokens = ph.tokens
    if not ph.measures or any(not m.object and m.func != "count" for m in ph.measures):
        return
    for group in list(ph.dims):
        if group not in ph.dims:
            continue  # read with the participles before it
        first, after = min(group), max(group) + 1  # a group lists its head first: [заявкам, закрытым]
        head = next((g for g in ph.dims if min(g) == after), None)  # «по отменённым | броням:»
        if head is not None and all(_full_participle_form(tokens[k]) for k in group):
            _drop_stated_title(ph, ground, fact, group, head)
            continue
        if first < 2 or after >= len(tokens) or tokens[after].text not in (":", "—", "–", "-"):
            continue
        title = _word(tokens[first - 2], TITLE_RU | TRIGGER_RU, TITLE_EN | TRIGGER_EN)  # «Витрина по …:» too
        if tokens[first - 1].lower not in TITLE_LINKS or not title:
            continue
        if all(_titles_fact(ground, tokens[k], fact) for k in group):
            ph.dims.remove(group)
        elif _state_of_fact_title(ground, [tokens[k] for k in sorted(group)], fact):
            ph.dims.remove(group)  # the state word stays unread: the filter rules read it
            ph.used.difference_update(k for k in group if _full_participle_form(tokens[k]))


def _drop_stated_title(
    ph: MartPhrase, ground: _Ground, fact: Table, states: list[int], head: list[int]
) -> None:
    """The participles of a title read as a group of their own, and the fact's noun as the next one
    («Витрина по отменённым броням:»): both are the title, as when they are one group."""
    tokens, after = ph.tokens, max(head) + 1
    if after >= len(tokens) or tokens[after].text not in (":", "—", "–", "-") or len(head) != 1:
        return
    if tokens[min(states) - 1].lower not in TITLE_LINKS or min(states) < 2:
        return
    if not _word(tokens[min(states) - 2], TITLE_RU | TRIGGER_RU, TITLE_EN | TRIGGER_EN):
        return
    if _state_of_fact_title(ground, [tokens[k] for k in [*sorted(states), *head]], fact):
        ph.dims.remove(states)
        ph.dims.remove(head)
        ph.used.difference_update(states)


def _state_of_fact_title(ground: _Ground, words: Sequence[Token], fact: Table) -> bool:
    """«витрина по закрытым заявкам:», "report on closed tickets:": a title's group is the fact's noun after
    participles saying the rows' state; the participles are the mart's row filter, no dimension (marts122:
    «закрытым» was asked as a column to group by)."""
    states = [w for w in words[:-1] if w.lang == "ru" and _full_participle_form(w)]
    return len(words) >= 2 and len(states) == len(words) - 1 and _titles_fact(ground, words[-1], fact)


def _drop_header_title(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«Витрина по продажам: сумма строк чеков по препаратам», «Отчёт по чекам: сколько строк чеков …»: a
    title's «по» group right after the title noun and before the colon naming a table the fact's own
    comment names ('Строки чеков': receipts, «продажам» of 'Чеки (продажи на кассе)') says what the mart is
    about, no key dimension (receipt_id), when the body groups by something of its own (marts86). A title
    naming any other table («Витрина по клиникам:» of appointments 'Записи на приём') stays a dimension."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text in (":", "—", "–")), None)
    if colon is None or not _groups_after(ph, colon):
        return
    headers: set[str] = set()
    for w in tokenize(fact.comment or ""):
        said = ground.table_of(w) if w.lang in ("ru", "en") else None
        if said is not None and said is not fact:
            headers.add(said.qualified_name)
    for group in list(ph.dims):
        first = group[0]
        if group[-1] >= colon or first < 2 or tokens[first - 1].lower not in TITLE_LINKS:
            continue
        if not _word(tokens[first - 2], TITLE_RU | TRIGGER_RU, TITLE_EN | TRIGGER_EN):
            continue
        named = {ground.table_of(tokens[k]) for k in group}
        if len(named) == 1 and (table := named.pop()) is not None and table.qualified_name in headers:
            ph.dims.remove(group)
            ph.used.update(group)


def _drop_title_table(ph: MartPhrase, ground: _Ground, dims: list[str], fact: Table) -> list[str]:
    """«Витрина по товарам: ... по SKU»: a table noun right after the trigger, before a colon, titles the
    mart; when a dimension after the colon is a column of that table, the title is not a dimension of
    its own (by the product's SKU, not by product and SKU)."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or not ph.dims or ph.dims[0][-1] >= colon or len(ph.dims) < 2:
        return dims
    first = ph.dims[0][0]
    if not any(_ru(tokens[k], TRIGGER_RU) or _en(tokens[k], TRIGGER_EN) for k in range(0, first)):
        return dims
    table = ground.table_of(tokens[first])
    if table is None or table is fact:
        return dims
    fk = _fk_column(fact, table)
    later = [d for d in dims if d != fk]
    if fk in dims and any(table.column(d) for d in later):
        return later
    return dims


def _drop_comment_tail(ph: MartPhrase, fact: Table) -> None:
    """«витрина из заправок по топливным картам» of fuel_cards ('Заправки по топливным картам'): the fact
    named by its comment; the «по …» words are the rest of that name, not a dimension. The same without
    «из» when the words after «по» are the comment's whole «по» phrase («число платежей по кредитам» of
    'Платежи по кредитам'); a part of it still groups («операций по счетам» of 'Операции по счетам и
    картам': by account)."""
    if not fact.comment:
        return
    lemmas = _comment_lemmas(fact.comment)
    title = _comment_by_phrase(fact.comment)
    tokens = ph.tokens
    for words in list(ph.dims):
        k = min(words) - 1
        if k < 1 or tokens[k].lower not in DIM_PREPS_RU or words not in ph.dims:
            continue
        run = [words]  # «по топливным картам», «по счетам и картам»: one dimension or several
        while nxt := next((d for d in ph.dims if _next_in_list(tokens, max(run[-1]), min(d))), None):
            run.append(nxt)
        group = [tokens[k - 1], *(tokens[j] for d in run for j in d)]
        if not all(t.lang == "ru" and t.lemmas & lemmas for t in group):
            continue
        said = {lemma for d in run for j in d for lemma in tokens[j].lemmas}
        if k - 1 in ph.sources or (title and all(lemma_set & said for lemma_set in title)):
            for d in run:
                ph.dims.remove(d)


def _drop_comment_topic(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«стоимость работ по обслуживанию машин по видам работ» of fleet.service_jobs ('Заявки на обслуживание и
    ремонт машин'): a «по» group of two or more words, each a word of the fact's own comment, whose head names
    no other table and no column of any table, says what the fact's rows are about (its topic, the README's
    «по <the fact's own noun>»), no dimension; it was asked as a column not found. The comment's opening
    words in order («по отключениям электроэнергии» of 'Отключения электроэнергии (…)') are its title even
    when the head also names a column (kind 'Тип отключения'). A group whose head names another table («по
    счетам» of 'Операции по счетам и картам') still groups, by that table."""
    if not fact.comment:
        return
    lemmas = _comment_lemmas(fact.comment)
    opening = [t for t in tokenize(fact.comment) if t.lang == "ru"]
    tokens = ph.tokens
    for words in list(ph.dims):
        group = [tokens[j] for j in words]
        k = min(words) - 1
        if len(group) < 2 or k < 0 or tokens[k].lower not in DIM_PREPS_RU:
            continue
        if not all(t.lang == "ru" and t.lemmas & lemmas for t in group):
            continue
        if len(group) <= len(opening) and all(
            w.lemmas & c.lemmas for w, c in zip(group, opening, strict=False)
        ):
            ph.dims.remove(
                words
            )  # «по отключениям электроэнергии» of 'Отключения электроэнергии (…)': its title
            continue
        head = group[0]
        if ground.table_of(head) not in (None, fact):
            continue  # «по счетам» of transactions: the accounts, a grouping
        if any(ground.columns_named(t, [head]) for t in ground.tables):
            continue
        ph.dims.remove(words)


def _next_in_list(tokens: Sequence[Token], last: int, first: int) -> bool:
    """Word `first` goes on the list word `last` ends: right after it, or after an «и»/"and" between."""
    return first == last + 1 or (first == last + 2 and tokens[last + 1].lower in LIST_JOINERS)


@functools.lru_cache(maxsize=4096)
def _comment_by_phrase(comment: str) -> tuple[frozenset[str], ...]:
    """The lemmas of each content word after a comment's «по» up to a bracket or its end: 'Платежи по
    кредитам (график и факт)' -> ({кредит},); () when the comment has no «по» after its first word."""
    tokens = tokenize(comment)
    at = next((i for i, t in enumerate(tokens) if i > 0 and t.lower == "по"), None)
    if at is None:
        return ()
    phrase: list[frozenset[str]] = []
    for t in tokens[at + 1 :]:
        if t.lang != "ru":
            break
        if t.lower not in LIST_JOINERS:
            phrase.append(frozenset(t.lemmas))
    return tuple(phrase)


def _spelled_object_before(ph: MartPhrase, ground: _Ground) -> None:
    """ "Declared value total", "Distance km sum": a measure word after its one-word object takes the English
    word before the object too when the two spell a column of a table apart (declared_value), so the
    measure's words name that column and its table is the fact."""
    tokens = ph.tokens
    for m in ph.measures:
        if len(m.object) != 1 or m.column_ref or (k := m.object[0]) < 1 or k - 1 in ph.used or k > m.index:
            continue
        if any(_column_spelled_apart(t, [tokens[k - 1], tokens[k]]) for t in ground.tables):
            m.object.insert(0, k - 1)
            ph.used.add(k - 1)


def _cue_ends_column_name(ph: MartPhrase, ground: _Ground) -> None:
    """ "Delay min average per aircraft", "Max delay min", "average items count": an English measure word
    ("min", "count", "total") right after a word with which it spells one numeric column's whole name
    (delay_min, items_count, seats_total) is that column's last word, no aggregate of its own, when another
    measure word of the request says the aggregate: that measure takes the column (two measures min and avg
    of one column were planned). Alone ("delay min per aircraft") the word is left to the other rules."""
    tokens = ph.tokens
    for m in list(ph.measures):
        k = m.index - 1
        if k < 0 or m.column_ref or tokens[m.index].lang != "en" or tokens[k].lang != "en":
            continue
        others = [o for o in ph.measures if o is not m and not o.column_ref and set(o.object) <= {k}]
        if not others or any(o.index == k for o in ph.measures):
            continue
        name = _spelled_name([tokens[k], tokens[m.index]])
        holders = [t for t in ground.tables if name in _numeric_names(t)]
        if len(holders) != 1:
            continue
        ph.measures.remove(m)
        for other in others:
            other.column_ref, other.object = name, []
        ph.used.update({k, m.index})
        if ph.fact_hint is None:
            ph.fact_hint = holders[0]


DATE_WORDS = frozenset({"дата", "время", "date", "time", "day"})


def _cue_spells_comment(ph: MartPhrase, ground: _Ground) -> None:
    """«Сумма к оплате и …», «сумма к выплате по валютам»: a Russian measure word with no object, and the
    words right after it, spell by lemma, in order, the whole comment of one numeric column of the
    connection ('Сумма к оплате', unit tail after a comma left out): that column is measured (which sum was
    asked). The cue's own word must open the comment; two columns spelled alike are left to the rules. A
    grain with no date said over a table of several time columns is left asked too: «оплате» would date
    the grain (paid_at) by a word that only names the measure."""
    tokens = ph.tokens
    dated = any(t.lemmas & DATE_WORDS for t in tokens) or bool(ph.grain_words or ph.grain_column)
    for m in ph.measures:
        if m.column_ref or m.object or tokens[m.index].lang != "ru":
            continue
        found: list[tuple[Table, Column, int]] = []
        for table in ground.tables:
            for c in _numeric_columns(table):
                words = [t for t in tokenize((c.comment or "").split(",")[0]) if t.lang != "punct"]
                end = m.index + len(words)
                if len(words) < 2 or end > len(tokens) or any(k in ph.used for k in range(m.index + 1, end)):
                    continue
                if all(w.lemmas & tokens[m.index + j].lemmas for j, w in enumerate(words)):
                    found.append((table, c, end))
        if len(found) != 1:
            continue
        table, column, end = found[0]
        if ph.grain and not dated and len(_time_columns(table)) > 1:
            continue  # which of them the grain is on is asked, not read off the measure's words
        m.column_ref = column.name
        ph.used.update(range(m.index, end))
        if ph.fact_hint is None:
            ph.fact_hint = table


def _how_much_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """The tables with one numeric column a «сколько начислено» phrase names (see _how_much_column)."""
    found = []
    for m in ph.measures:
        for table in ground.tables:
            probe = dataclasses.replace(ph, used=set(ph.used))
            if _how_much_column(probe, table, m) is not None:
                found.append(table)
    return list(dict.fromkeys(found))


def _claim_title_table(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "lab tests: avg result value by ...", «Заявки абонентов: число по темам»: a lead-in before the first
    colon or dash whose every noun names the fact table (its name, glossary or comment words) titles the
    mart; it is no row condition (never `status = 'test'`). A lead-in with any other word («Оплаченные
    заказы: ...», "north sales: ...") is left to the filter rules."""
    titled = sorted(_title_nouns(ph.tokens))
    if not titled or any(k in ph.used for k in titled):
        return
    lead = [k for k in range(titled[-1] + 1) if ph.tokens[k].lang in ("ru", "en")]
    if lead != titled or not all(
        ground.table_of(ph.tokens[k]) is fact or _describes(ph.tokens[k], fact) for k in titled
    ):
        return
    ph.used.update(titled)


def _column_noun_of_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "Miles per month", «мили по типам операций», «сумма миль по партнёрам»: the noun names the fact table
    only by a modifier of it (miles_transactions, 'Операции с милями': the rows are operations) and names one
    numeric column by its name or comment (miles, 'Количество миль'), so what is asked for is that number,
    summed with no measure word (as "Hours worked per project" sums hours), never the operations counted. A
    noun that is the table's own head («показания» of readings, value 'Показание') is left to
    _noun_names_a_value, which asks."""
    for m in ph.measures:
        if m.func in ("sum", "avg", "min", "max") and not m.column_ref and len(m.object) == 1:
            if (column := _own_value_column(ground, fact, ph.tokens[m.object[0]])) is not None:
                m.column_ref = column.name
    if ph.measures:
        return
    for k, t in enumerate(ph.tokens):
        if t.lang not in ("ru", "en") or ground.table_of(t) is not fact:
            continue
        if (column := _own_value_column(ground, fact, t)) is not None:
            ph.measures = [MeasureWord("sum", k, column_ref=column.name)]
            ph.used.add(k)
        return


def _column_clues(ph: MartPhrase, ground: _Ground, candidates: list[Table]) -> list[Table]:
    """Of several candidate fact tables, the one that holds what the request names as columns: a snake_case
    name («по неделям записи (created_at)»: appointments, not visits), a column compared with a value
    ("direction = in": badge_events only), else every dimension («по препаратам»: prescriptions.drug_name,
    not visits). Unchanged when no clue picks exactly one."""
    tokens = ph.tokens
    clues = [
        t.text
        for i, t in enumerate(tokens)
        if t.lang == "en"
        and (_IDENTIFIER.match(t.text) or (i + 1 < len(tokens) and tokens[i + 1].text in ("=", "!=", "<>")))
        and any(x.column(t.text) for x in ground.tables)
    ]
    if clues:
        holding = [t for t in candidates if all(t.column(c) for c in clues)]
        if len(holding) == 1:
            return holding
    if ph.dims and len(candidates) <= 3:
        holding = [t for t in candidates if _holds_dims(ph, ground, t)]
        if len(holding) == 1:
            return holding
        whole = [t for t in holding or candidates if _dims_said_whole(ph, t)]
        if len(whole) == 1:  # «по кодам диагнозов»: visits ('Код диагноза'), not results ('Код анализа')
            return whole
    return candidates


def _dims_said_whole(ph: MartPhrase, table: Table) -> bool:
    """Some dimension is said in two words or more, and each such one is a column comment of `table` word for
    word («кодам диагнозов» of diagnosis_code 'Код диагноза по МКБ-10'; test_code 'Код анализа' says only
    «кодам»)."""
    groups = [[ph.tokens[k] for k in group] for group in ph.dims if len(group) > 1]
    return bool(groups) and all(
        any(all(_comment_word(c, w) for w in words) for c in table.columns) for words in groups
    )


# Nouns for a table as a whole: «витрина по справочнику товаров» is a mart over products, not grouped by it.
REGISTER_NOUNS_RU = {"справочник", "реестр", "каталог", "перечень", "список", "журнал", "таблица", "табличка"}


def _register_noun_source(ph: MartPhrase, ground: _Ground) -> None:
    """«витрину по справочнику товаров», «по реестру счетов»: a noun for a table as a whole with a genitive
    that names a table is that fact table (a source), not a dimension."""
    tokens = ph.tokens
    for words in list(ph.dims):
        if len(words) != 2 or tokens[words[0]].lang != "ru":
            continue
        head, qualifier = tokens[words[0]], tokens[words[1]]
        if not head.lemmas & REGISTER_NOUNS_RU or ground.table_of(qualifier) is None:
            continue
        ph.dims.remove(words)
        ph.sources.append(words[1])


def _object_pair_table(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> Table | None:
    """The table two neighbouring words of a measure's object name together ("service requests")."""
    words = [ph.tokens[k] for k in m.object]
    found = {
        t.qualified_name: t
        for a, b in zip(words, words[1:], strict=False)
        if (t := ground.table_of_pair(a, b))
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _unit_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """The tables with one numeric column whose name has the unit a measure is in (kwh: telemetry)."""
    units = {m.unit for m in ph.measures if m.unit}
    found = [
        t
        for t in ground.tables
        if units and len([c for c in _numeric_columns(t) if units & set(name_parts(c.name))]) == 1
    ]
    found = [t for t in found if _holds_dims(ph, ground, t)]  # price_per_kwh of tariffs: no meter model
    return found if len(found) == 1 else []  # weight_kg and capacity_kg: the other words decide


def _fact_adjective(ph: MartPhrase, fact: Table) -> None:
    """«Стипендиальный фонд» of scholarships ('Начисления стипендий'), «зарплатный фонд»: an adjective right
    before a measure word made from the fact table's own noun says what is summed, no filter."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    tokens = ph.tokens
    roots = {s[:6] for s in [*name_parts_of_text(fact.comment or ""), *name_parts(fact.name)] if len(s) >= 6}
    for m in ph.measures:
        k = m.index - 1
        if k < 0 or k in ph.used or tokens[k].lang != "ru" or not tokens[k].parses:
            continue
        if tokens[k].parses[0].pos == "ADJF" and stem(tokens[k].lower)[:6] in roots:
            ph.used.add(k)


def _fact_participle(ph: MartPhrase, fact: Table) -> None:
    """ "total prescribed days" of prescriptions, "total shipped weight" of shipments: an English participle
    in a measure's object made from the fact's own name describes the rows, it is no filter or residue."""
    tokens = ph.tokens
    parts = [p for p in name_parts(fact.name) if len(p) >= 4]
    for m in ph.measures:
        for k in list(m.object):
            word = tokens[k]
            if word.lang != "en" or not _participle(word) or len(m.object) < 2:
                continue
            if (
                k + 1 in m.object
                and fact.column(f"{word.lower}_{tokens[k + 1].lower}") is not None
                and not (m.func == "avg" and any(t.lower == "per" for t in tokens[k:]))
            ):  # "average claimed amount per policy holder" stays asked: a ratio (README marts26) that the
                # English per-entity rule misses for a two-word entity (round31)
                continue  # "total claimed amount" of claims: claimed_amount, the column's own name
            root = stem(word.lower)
            if any(len(os.path.commonprefix([root, p])) >= min(5, len(p)) for p in parts):
                m.object.remove(k)
                ph.used.add(k)


def _subject_comment_tail(ph: MartPhrase, fact: Table) -> None:
    """«объём потребления» read as consumption from «объём»: the words after it that its column's comment
    says ('Объём потребления') are the rest of that name, not residue."""
    tokens = ph.tokens
    for m in ph.measures:
        column = fact.column(m.column_ref) if m.subject and m.column_ref else None
        if column is None or not column.comment:
            continue
        said = _comment_lemmas(column.comment)
        k = m.index + 1
        while k < len(tokens) and k not in ph.used and tokens[k].lang == "ru" and tokens[k].lemmas & said:
            ph.used.add(k)
            k += 1


def _table_named_as_column(ph: MartPhrase, ground: _Ground) -> None:
    """«Остатки (inventory): …», «Выручка (sales) по регионам»: a bracketed name after a measure word that is
    a table of the connection and no column of any is the fact table, not the measured column."""
    tokens = ph.tokens
    for m in ph.measures:
        ref = m.column_ref
        if ref is None or m.subject or any(t.column(ref) for t in ground.tables):
            continue
        k = next((k for k in range(m.index + 1, len(tokens)) if tokens[k].text == ref), None)
        if k is None or tokens[k - 1].text != "(" or ground.table_of(tokens[k]) is None:
            continue
        m.column_ref = None
        ph.sources.append(k)


def _column_words_table(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """ "Net and gross pay totals by currency per pay period": words that are column names as written (net,
    gross, currency, period), at least two, and one table that has every one of them: the fact."""
    words = {
        t.lower
        for i, t in enumerate(ph.tokens)
        if t.lang == "en" and len(t.lower) > 2 and any(table.column(t.lower) for table in ground.tables)
        and not _target_phrase_at(ph, i)  # "name it units_weekly": the mart's name, not products.name
    }  # fmt: skip
    if len(words) < 2:
        return []
    found = [t for t in ground.tables if all(t.column(w) for w in words)]
    return found if len(found) == 1 else []


def _verb_of_rows_in_comment(word: str, ground: _Ground, fact: Table) -> bool:
    """«поставили» of vaccinations ('Врач, поставивший прививку'), «оформили» of policies ('Агент, оформивший
    полис', 'Пассажир, оформивший бронь' of bookings): a Russian finite verb one of the fact's column comments
    says as a participle of the same verb together with the rows' own noun (a word of the table's comment or
    one naming the table), the act every row records."""
    said = tokenize(word)
    if len(said) != 1 or not _finite_event_verb(said[0]):
        return False
    for column in fact.columns:
        words = tokenize(column.comment or "")
        if any(w.lemma == said[0].lemma and _full_participle_form(w) for w in words) and any(
            _describes(w, fact) or ground.table_of(w) is fact for w in words if not _full_participle_form(w)
        ):
            return True
    return False


TITLE_PREPS_RU = {"по", "через", "сквозь", "на", "в", "во", "для", "из", "от", "с", "со", "к", "за", "о",
                  "об", "при", "у", "под", "над"}  # fmt: skip


def _title_comment_fact(ph: MartPhrase, ground: _Ground) -> None:
    """«Проходы по турникетам: колво по дверям …»: a lead-in before the first colon whose content words are
    all words of one table's comment ('Проходы через турникеты'), whatever preposition links them, names the
    fact table; its «по …» is no dimension. Only when no other rule named the fact and the lead-in has two
    content words or more (one word is a noun the other rules read)."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon < 2 or ph.fact_hint is not None or ph.sources:
        return
    lead = list(range(colon))
    if any(tokens[k].lang != "ru" for k in lead):
        return
    content = [k for k in lead if tokens[k].lower not in TITLE_PREPS_RU]
    if len(content) < 2:
        return
    found = [
        t
        for t in ground.tables
        if t.comment and all(tokens[k].lemmas & _naming_lemmas(t.comment) for k in content)
    ]
    if len(found) != 1 or _table_in_state(ground, [tokens[k] for k in lead], found[0]):
        return
    if not _summable_by(found[0], ph):
        return  # «Приёмы по врачам: … суммарная длительность»: appointments hold nothing to sum (marts119)
    ph.fact_hint = found[0]
    # «Кандидаты по вакансиям:» keeps its dimension (vacancy is a column); «по турникетам» names none
    titled = [d for d in ph.dims if set(d) & set(lead) and not ground.columns_named(found[0], [tokens[d[0]]])]
    ph.dims = [d for d in ph.dims if d not in titled]
    ph.used.update(k for k in lead if not any(k in d for d in ph.dims))


STATE_PLACE_PREPS = frozenset({"в", "во", "на"})  # «машины на обслуживании», «машины в ремонте»


def _table_in_state(ground: _Ground, lead: Sequence[Token], commented: Table) -> bool:
    """marts132: «Машины на обслуживании: …», «Машины в ремонте: …»: a lead-in that is a table's own noun and
    a state of its rows said as a place («в»/«на» and a locative noun: a value its text column lists, or a
    state word of LOCATIVE_VALUE_MEANINGS) names that table in that state, not another table whose comment
    holds the same words (service_jobs 'Заявки на обслуживание и ремонт машин'): the distinct cars of the
    jobs were counted instead of the cars in service."""
    if len(lead) != 3 or lead[1].lower not in STATE_PLACE_PREPS:
        return False
    table = ground.table_of(lead[0])
    if table is None or table is commented:
        return False
    place = lead[2]
    located = any(p.pos == "NOUN" and p.case in ("loct", "loc2") for p in place.parses)
    stated = _means_listed_value(place, table) or bool(place.lemmas & LOCATIVE_VALUE_MEANINGS.keys())
    return located and stated


def _summable_by(table: Table, ph: MartPhrase) -> bool:
    """The table can be the fact of every measure said: one that sums, averages or takes the extreme of a
    column needs a numeric column of it that is no key («Записи на приём» have only times and texts)."""
    carried = [m for m in ph.measures if m.func in CARRIED_FUNCS and not m.column_ref]
    return not carried or any(not _key_column(table, c) for c in _numeric_columns(table))


def _head_of_another_table(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """ "Visits per doctor, total": the request opens with one table's noun grouped by «по»/"per"/"by" and
    its only measure words are bare ones after a comma, yet those words picked another fact (invoices, for
    its `total`). The head's rows are what the request is about, and what of them the bare word means (a
    count of the visits? a sum of which column?) is asked, never the question of what the head noun is."""
    tokens = ph.tokens
    if len(tokens) < 4 or 0 in ph.used or tokens[1].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
        return False
    head = ground.table_of(tokens[0])
    if head is None or head is fact or _is_measure(tokens[0]):
        return False
    return bool(ph.measures) and all(
        not (m.object or m.column_ref or m.subject) and m.index > 2 and tokens[m.index - 1].text == ","
        for m in ph.measures
    )


def _fact_title_adjectives(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«Витрина карточных операций: …» of core.transactions ('Операции по счетам и картам'): an adjective made
    from a word of the fact's comment, right before the fact's own noun, says the fact as its comment does
    (as «по кредитным платежам» of 'Платежи по кредитам' is no dimension): read, no state of the rows. An
    adjective naming a flag of the fact («гарантийных» of is_warranty) stays for the filter rules."""
    tokens = ph.tokens
    flags = of_table(fact)
    for k in range(1, len(tokens)):
        adjective = tokens[k - 1]
        if k - 1 in ph.used or ground.table_of(tokens[k]) is not fact or _flag_adjective(adjective, flags):
            continue
        if _adjective_fact_title(ground, fact, tokens[k], [adjective]):
            ph.used.add(k - 1)
