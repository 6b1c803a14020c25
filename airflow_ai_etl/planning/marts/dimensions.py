"""Dimensions of a mart: which columns a sentence groups by, owners a key away included, and the
joins to them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning import grammar, joined_flags
from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.filters import STATE_MEANINGS, counts_units, measured_in_unit
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.marts.ground import (
    _adjective_fact_title,
    _column_spelled_apart,
    _comment_names,
    _fk_column,
    _grain_word_before,
    _Ground,
    _groups_after,
    _key_column,
    _money_name,
    _names_time_column,
    _numeric_columns,
    _rate_column,
    _reachable,
    _spelled_by_genitive,
    _time_columns,
    _via_key,
    ground_name,
)
from airflow_ai_etl.planning.marts.phrase import MartPhrase
from airflow_ai_etl.planning.marts.row_filters import _state_adjective
from airflow_ai_etl.planning.marts.words import (
    _TARGET_PREPS_EN,
    AMOUNT_NOUNS_EN,
    CARRIED_FUNCS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    EACH,
    FILLER_EN,
    FILLER_RU,
    MONEY_EN,
    MONEY_NOUNS_EN,
    MONEY_NOUNS_RU,
    MONEY_RU,
    ONLY_WORDS,
    PERSON_TAILS_EN,
    ROLE_WORDS,
    TIME_WORDS,
    TRIGGER_RU,
    UPDATE_COLUMNS,
    MeasureWord,
    _column_noun,
    _comment_head,
    _comment_lemmas,
    _dim_word,
    _english_participle,
    _full_participle_form,
    _glossed_words,
    _grain_adjective,
    _grain_noun,
    _measure_func,
    _plural_noun_head,
    _spelled_name,
    _time_noun,
    _time_word,
    _word,
)
from airflow_ai_etl.planning.negation import TAKE_LEMMAS
from airflow_ai_etl.planning.newrows import says_recent
from airflow_ai_etl.planning.vocabulary import (
    CLASSIFIER_PARTS,
    ENGINE_WORDS,
    NAME_PART_SUFFIXES,
    name_parts,
    stem,
)
from airflow_ai_etl.relations import relations_of


def _bare_rows_grouped(words: Sequence[Token]) -> bool:
    """«Счета по статусам», «Полисы по каналам продаж», "tickets by priority", "completed enrollments by
    course": the whole request is a plural noun (in English after a participle, its state), «по»/"by" and the
    group (one or two words): a load keeps no grouping, so the rows are counted per group. Anything more (a
    schedule, a target, a bracket) is left to the other rules («Койки по палатам (ward) каждые 10 минут»
    stays a load)."""
    lead = int(bool(words) and words[0].lang == "en" and _english_participle(words[0]))
    if any(t.lang not in ("ru", "en") for t in words):
        return False
    if words and words[0].lang == "ru":
        bare = _without_state_tail(words)
        if len(bare) < len(words) and grammar.schedule_slots(bare):
            return False  # «операции по счетам ежедневно, завершённые не нужны»: a schedule says a load
        words = _without_owner(_ru_rows_head(bare))
        if not words:
            return False
    elif words and words[0].lang == "en":
        words = _without_english_postmodifier(_without_english_state_tail(words))
        if _english_rows_by_list(words):
            return True  # "Pets by species and sex", as «Питомцы по видам и полу» (marts107)
    longest = 2  # the group's words
    if len(words) > 3 and words[0].lang == "en" and _grain_adjective(words[-1]):
        words = words[:-1]  # "trips by zone name, monthly": the grain of the grouping, no schedule of a copy
        longest = 3  # "by merchant category name monthly": the grain word says a grouping, however long
        if any(t.lower in _TARGET_PREPS_EN for t in words):
            return False  # "payments by card to clickhouse daily": a copy with its target, "by" a means
    sized = 3 <= len(words) - lead <= longest + 2
    if words[0].lang == "en" and not (sized and words[lead + 1].lower == "by"):
        return _english_rows_grouped(words, longest)
    if words[0].lang == "ru" and len(words) > longest + 2:  # «Полисы по статусам и по городам страхователей»
        head, prep = words[0], words[1]
        return _plural_noun_head(head) and prep.lower in DIM_PREPS_RU and _ru_dimension_list(words[2:])
    if not 3 <= len(words) - lead <= longest + 2:
        return False
    head, prep, group = words[lead], words[lead + 1], words[lead + 2]
    if head.lang == "ru":
        return (
            head.has(head.lemmas, pos=("NOUN",), case=("nomn",), number="plur")
            and prep.lower in DIM_PREPS_RU
            and _group_noun(group)
        )
    return (
        head.lower.endswith("s")
        and prep.lower == "by"
        and all(t.lang == "en" and _grain_noun(t) is None for t in words[lead + 2 :])
        and words[-1].lower != "only"  # "payments by card only, hourly": the rows of one means (planner116)
    )


def _genitive_noun(token: Token) -> bool:
    """A Russian noun by its best parse (never «и», a noun in one of its parses) with a genitive parse."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "NOUN"
        and token.has(token.lemmas, pos=("NOUN",), case=("gent",))
    )


def _ru_dimension_list(words: Sequence[Token]) -> bool:
    """«статусам и по городам страхователей», «городам офисов агентов»: the words after «по» are dimensions
    only — plural dative nouns (no time or schedule word), each followed by up to two genitive nouns naming
    whose attribute it is (the owner one or two keys away), joined by «и» or «и по»."""
    k, n = 0, len(words)
    while k < n:
        if not _group_noun(words[k]):
            return False
        k += 1
        owners = 0
        while k < n and owners < 2 and _genitive_noun(words[k]) and not _time_noun(words[k]):
            k, owners = k + 1, owners + 1
        if k == n:
            return True
        if words[k].lower != "и":
            return False
        k += 1
        if k < n and words[k].lower in DIM_PREPS_RU:
            k += 1
    return False


# Attributes a grouping names in the singular («по полу», «по возрасту»): each row has one, and the plural is
# not said. Any other singular after «по» may be one value of a column («продажи по региону north»), a filter.
SINGULAR_GROUPS_RU = frozenset({"пол", "возраст", "гражданство", "образование", "стаж"})


def _group_noun(token: Token) -> bool:
    """The group after «по» in a bare grouping: a plural dative noun («статусам», «городам»), or a singular
    attribute each row has once («по полу», «по возрасту»); no time or schedule word."""
    if _time_noun(token):
        return False
    if token.has(token.lemmas, pos=("NOUN",), case=("datv",), number="plur"):
        return True
    return bool(token.lemmas & SINGULAR_GROUPS_RU) and token.has(token.lemmas, pos=("NOUN",), case=("datv",))


def _without_owner(words: Sequence[Token]) -> Sequence[Token]:
    """«Клиенты клубов по полу», «Показания приборов учёта по способам передачи»: one or two genitive nouns
    between the plural head and «по» say whose rows they are (the table's own noun, or its owner's): the head
    alone is what the grouping counts."""
    k = 1
    while k < min(len(words), 3) and _genitive_noun(words[k]) and not _time_noun(words[k]):
        k += 1
    if k == 1 or k >= len(words) or words[k].lower not in DIM_PREPS_RU:
        return words
    return [words[0], *words[k:]]


def _plural_state_word(token: Token) -> bool:
    """«завершённые», «отменённых», «посещённые»: a plural Russian participle or state adjective."""
    return (
        token.lang == "ru"
        and (_state_adjective(token) or _full_participle_form(token))
        and token.has(token.lemmas, number="plur")
    )


def _without_state_tail(words: Sequence[Token]) -> Sequence[Token]:
    """The words less a closing state of the rows: «…, только завершённые», «…, без отменённых», «…,
    отменённые не считаем» (the filter rules read it; the rest is what the request groups). With a schedule
    left («операции по счетам ежедневно, завершённые не нужны») the rest is a table's title and the request a
    load, so `_bare_rows_grouped` reads no grouping there."""
    n = len(words)
    if (
        n >= 2
        and (words[-2].lower in ONLY_WORDS or words[-2].lower == "без")
        and _plural_state_word(words[-1])
    ):
        return words[:-2]
    if (
        n >= 3
        and words[-2].lower == "не"
        and words[-1].lemmas & TAKE_LEMMAS
        and _plural_state_word(words[-3])
    ):
        return words[:-3]
    return words


def _without_english_state_tail(words: Sequence[Token]) -> Sequence[Token]:
    """The words less a closing English state of the rows: "…, sterilized only", "…, only sterilized" (the
    filter rules read it), as `_without_state_tail` leaves «…, только стерилизованные» out. A value that is
    no participle ("payments by card only") stays: the rows of one means, a load (planner116)."""
    if len(words) >= 5 and {words[-2].lower, words[-1].lower} & {"only"}:
        state = words[-2] if words[-1].lower == "only" else words[-1]
        if state.lower != "only" and _english_participle(state):
            return words[:-2]
    return words


# words opening a state said after the rows' noun: "rooms under maintenance", "holds ready for pickup",
# "orders on hold", "invoices awaiting payment", "tickets pending review"
_POSTMODIFIER_OPENERS_EN = frozenset({"under", "on", "ready", "awaiting", "pending"})


def _without_english_postmodifier(words: Sequence[Token]) -> Sequence[Token]:
    """ "Rooms under maintenance by hotel and floor", "Holds ready for pickup by book genre": a state of up to
    three plain English words after the plural noun, before "by", read as the noun alone here (the filter
    rules read the state, or ask about it), as "maintenance rooms by hotel" would be (marts122: such a
    request was taken for a load and asked how often it runs)."""
    by = next((k for k, t in enumerate(words) if t.lower == "by"), None)
    if by is None or not 2 <= by <= 4 or not words[0].lower.endswith("s"):
        return words
    state = words[1:by]
    if state[0].lower not in _POSTMODIFIER_OPENERS_EN:
        return words
    # "on clickhouse", "to s3": a place, no state
    places = _TARGET_PREPS_EN | {w for spellings in ENGINE_WORDS.values() for w in spellings}
    if not all(t.lang == "en" and t.text.isalpha() and t.lower not in places for t in state):
        return words
    return [words[0], *words[by:]]


def _english_rows_by_list(words: Sequence[Token]) -> bool:
    """ "Pets by species and sex", "tickets by queue and priority": a plural noun, "by" and two or three
    groups of one or two English words joined by "and" (no number, time or grain word in them)."""
    if len(words) < 5 or words[1].lower != "by" or not words[0].lower.endswith("s"):
        return False
    groups: list[list[Token]] = [[]]
    for t in words[2:]:
        if t.lower == "and":
            groups.append([])
        elif t.lang != "en" or t.number is not None or _grain_noun(t) is not None or _time_word(t):
            return False
        else:
            groups[-1].append(t)
    return 2 <= len(groups) <= 3 and all(1 <= len(g) <= 2 for g in groups)


def _ru_rows_head(words: Sequence[Token]) -> Sequence[Token]:
    """«Записи на дисциплины по …», «Записи на групповые занятия по …»: the plural head noun and its
    prepositional complement (on what the rows are, as the table's comment says 'Записи на …') read as the
    head alone; other words are left as they are."""
    if len(words) < 5 or words[1].lower not in ("на", "в", "во", "для"):
        return words
    by = next((k for k in range(3, min(len(words), 5)) if words[k].lower in DIM_PREPS_RU), None)
    if by is None or not words[by - 1].has(words[by - 1].lemmas, pos=("NOUN",)):
        return words
    if not all(w.has(w.lemmas, pos=("ADJF", "PRTF")) for w in words[2 : by - 1]):
        return words
    return [words[0], *words[by:]]


def _english_rows_grouped(words: Sequence[Token], longest: int = 2) -> bool:
    """ "service jobs by type", "successful payments by method", "gold-level guests by country": the plural
    noun after one or two words that qualify it (a noun of a compound, a state, a "<value>-<column>" pair),
    "by" and a group of up to `longest` words, as "tickets by priority" is."""
    by = next((k for k, t in enumerate(words) if t.lower == "by"), None)
    if by is None or not 2 <= by <= 3 or not 1 <= len(words) - by - 1 <= longest:
        return False
    return (
        all(t.lang == "en" and t.number is None for t in words)
        and not any(says_recent(t) for t in words[:by])  # "new orders by customer": the loads' new rows
        and not words[by - 1].lower.startswith(("duplicate", "dupe"))  # "duplicates by email": a dedupe key
        and words[by - 1].lower.endswith("s")
        and all(_grain_noun(t) is None for t in words[by + 1 :])
    )


def _role_compound_elsewhere(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма вкладов клиентов-резидентов»: a hyphenated table noun and a word of that table's columns
    names a condition on another table than the fact (clients.is_resident of deposits), which the mart's
    filter cannot hold: the compound, asked about (never the condition dropped)."""
    for t in ph.tokens:
        if t.lang != "ru" or "-" not in t.lower or (table := ground.table_of(t)) is None or table is fact:
            continue
        if joined_flags.latin_state_compound(t):
            continue  # «для VIP-клиентов»: a state said of the joined rows, read by the joined-flag rules
        parts = tokenize(t.lower.replace("-", " "))
        if any(ground.table_of(p) is None and ground.columns_named(table, [p]) for p in parts):
            return t.text
    return None


def _fact_comment_title(ph: MartPhrase, ground: _Ground, fact: Table) -> set[int]:
    """«отчёт по счетам пациентам: сумма …» of billing.invoices ('Счета пациентам за услуги'): the words from
    the fact's noun up to the first colon, two or more, are the opening words of the fact's comment in order
    (by lemma): the mart's title, so the addressee in it («пациентам») is no dimension."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or not fact.comment:
        return set()
    said = [t for t in tokenize(fact.comment) if t.lang == "ru"]
    for start in range(colon - 1):
        run = tokens[start:colon]
        if ground.table_of(tokens[start]) is not fact or len(run) > len(said):
            continue
        if all(w.lang == "ru" and w.lemmas & c.lemmas for w, c in zip(run, said, strict=False)):
            return set(range(start, colon))
    return set()


GLOSS_MARKS = {"—", "–", "-", ":"}


def _dash_glossed_dimension(ph: MartPhrase, ground: _Ground) -> None:
    """«ФОТ по отделам …, отдел — по названию», "visits per doctor, doctor: by full name": a dimension's
    table noun said again after the phrase, a dash or colon, then «по»/"by" and a column word says which
    column of that table is grouped by, as a bracket does («по отделам (название)»); the column word, read
    alone, would be any table's name column. Only when the noun names a table and repeats the lemma of the
    head of a dimension read before it."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i in range(n - 3):
        noun, mark, prep, word = tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]
        if mark.text not in GLOSS_MARKS or prep.lower not in ("по", "by") or [i + 3] not in ph.dims:
            continue
        table = ground.table_of(noun) if noun.lang in ("ru", "en") else None
        if table is None or not (_column_noun(word) or ground.columns_named(table, [word])):
            continue
        heads = [d for d in ph.dims if d and d[0] < i and tokens[d[0]].lemmas & noun.lemmas]
        if len(heads) != 1:
            continue
        glossed = _glossed_words(tokens, [i + 3], heads[0])  # as «по отделам (название)» reads it
        before = [glossed if d == heads[0] else d for d in ph.dims]
        ph.dims = [d for d in before if d not in ([i], [i + 3])]  # «, отдел — …» was read as a dimension too
        ph.bracketed = [
            (ph.dims.index(before[k]), b, inner) for k, b, inner in ph.bracketed if before[k] in ph.dims
        ]
        ph.bracketed.append((ph.dims.index(glossed), list(heads[0]), [i + 3]))
        ph.used.update(range(i, i + 4))


# English kind words a rating or score column is said with ("hotel star rating": hotels.stars 'Звёздность').
RATING_WORDS_EN = frozenset({"rating", "score"})


def _rated_column(ground: _Ground, owner: Table, head: Token, qualifier: list[Token]) -> list[Column]:
    """ "hotel star rating": "rating" after a word naming a rate or score column of the owner (stars,
    'Звёздность (1-5)') is that column's own kind, so the column it names ([] otherwise)."""
    if head.lang != "en" or head.lower not in RATING_WORDS_EN or not qualifier or qualifier[-1].lang != "en":
        return []
    rated = [c for c in ground.columns_named(owner, [qualifier[-1]]) if _rate_column(c)]
    return rated if len(rated) == 1 else []


def _drop_owner_title(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сводка оплат по кредитам: сумма amount_paid по неделям», "loan payments summary by loan: … per week":
    a «по»/by group before the first colon or dash naming the table the fact's own comment groups its rows by
    ('Платежи по кредитам', 'Операции по счетам') says what the mart is about, so it is no dimension when
    the body after the colon states its own grouping (a dimension or a grain). When it is the only grouping
    said («Витрина оплат по кредитам: сумма amount_paid») it stays the dimension, as a title naming a
    column of the fact («Витрина платежей по каналам: …») always does."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text in (":", "—", "–")), None)
    if colon is None or not _groups_after(ph, colon):
        return
    owners = _comment_owner_tables(ground, fact)
    for group in list(ph.dims):
        if group[-1] >= colon or group[0] < 1 or not _word(tokens[group[0] - 1], DIM_PREPS_RU, DIM_PREPS_EN):
            continue
        named = {ground.table_of(tokens[k]) for k in group}
        if len(named) == 1 and (owner := named.pop()) is not None and owner is not fact and owner in owners:
            ph.dims.remove(group)
            ph.used.update(group)


def _comment_owner_tables(ground: _Ground, fact: Table) -> list[Table]:
    """The tables the fact's comment groups its rows by: each word after «по» in 'Платежи по кредитам',
    'Операции по счетам и картам' (the words joined by «и» included) that names a table."""
    words = [t for t in tokenize(fact.comment or "") if t.lang in ("ru", "en", "punct")]
    owners: list[Table] = []
    for k, t in enumerate(words):
        if t.lower not in DIM_PREPS_RU:
            continue
        for word in words[k + 1 :]:
            if word.lower in ("и", ","):
                continue
            if (table := ground.table_of(word)) is None:
                break
            owners.append(table)
    return owners


def _measure_comment_goes_on(ph: MartPhrase, fact: Table, words: list[int]) -> bool:
    """«средний штраф по договору» of penalty_rub 'Штраф по договору, руб.', «средний объём по договору» of
    volume_t 'Объём по договору, т': one word after «по» right after a measure's noun, where the noun, and
    «по» with the word as written, are in exactly one numeric column's comment of the fact: the measure's
    words going on, no dimension (marts125; «договору» was asked as a dimension no table holds). «по
    договорам» is no comment's words: a dimension, as before."""
    tokens = ph.tokens
    k = words[0]
    if len(words) != 1 or k < 2 or tokens[k - 1].lower != "по" or tokens[k].lang != "ru":
        return False
    noun = tokens[k - 2]
    if not any(k - 2 == (m.object[-1] if m.object else m.index) for m in ph.measures):
        return False
    spelled = [
        c
        for c in fact.columns
        if c.comment
        and column_kind(c.type).numeric
        and f" по {tokens[k].lower}" in f" {c.comment.lower()}"  # as written: «по договорам» is per contract
        and noun.lemmas & _comment_lemmas(c.comment)
    ]
    return len(spelled) == 1


def _dimensions(
    ph: MartPhrase, ground: _Ground, fact: Table, ask: Any
) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    tokens = ph.tokens
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    reachable = _reachable(fact, relations, ground.tables)
    dims: list[str] = []
    joins: list[dict[str, Any]] = []
    path_joins: list[dict[str, Any]] = []  # joins a key's role or name pins, added after the via joins
    questions: list[str] = []
    for via in ph.via:
        table = ground.table_of(tokens[via])
        if table is None and (via_join := _via_key(ph, ground, fact, via)) is not None:
            path_joins.append(via_join)  # «через passenger_id операции»: that key, not another path
            continue
        if table is None or table is fact:
            continue
        joins.append({"table": ground_name(ground.planner, ground.conn_id, table)})
    comment_title = _fact_comment_title(ph, ground, fact)
    for words in ph.dims:
        if _adjective_fact_title(ground, fact, tokens[words[0]], [tokens[k] for k in words[1:]]):
            continue  # «по кредитным платежам» of 'Платежи по кредитам': the fact's title, no contract_number
        if _mart_subject(ground, fact, tokens, words):
            continue  # «витрина по записям клиентов»: the mart's subject, the fact's rows, no client_id
        if set(words) <= comment_title:
            continue  # «отчёт по счетам пациентам: …» of 'Счета пациентам за услуги': a title, no patient_id
        if _measure_comment_goes_on(ph, fact, words):
            continue  # «средний штраф по договору» of penalty_rub 'Штраф по договору': the measure's words
        if (
            len(words) > 1
            and words[0] > words[-1]
            and words[0] not in ph.of_owners
            and ground.table_of(tokens[words[0]]) is not None
        ):
            # «по модели района, телеметрия», «по заказам (orders)»: a table's noun after the dimension's
            # words (after a comma or in brackets) names no attribute of it: the words before it are the dim
            words = ph.apposed.get(words[0], words[1:])
        head = tokens[words[0]]
        qualifier = [tokens[k] for k in words[1:]]
        if head.lang == "en" and qualifier and qualifier[-1].lang == "en":  # "customer city"
            group = [head, *qualifier]
            if (
                len(group) > 1
                and group[-1].lower in PERSON_TAILS_EN
                and (people := ground.table_of(group[-2])) is not None
                and people is not ground.table_of(group[-1])
            ):
                group = group[:-1]  # "issuing staff member": the staff noun says who, "member" adds nothing
            if (acronym := _acronym_column(fact, group)) is not None:
                dims.append(acronym)  # "access point name": apn 'Точка доступа (APN)', never a joined name
                continue
            spans = [
                (k, size)
                for size in (3, 2, 1)
                for k in range(len(group) - size + 1)
                if size > 1 or "-" in group[k].lower  # "check-in date": check_in
                for t in [fact, *reachable]
                if _column_spelled_apart(t, group[k : k + size])
            ]  # "vehicle plate number" -> plate_number, "order ref" -> order_ref
            if not spans and (spelled_key := _joined_key_spelled(fact, reachable, group)) is not None:
                dims.append(spelled_key)  # "per home branch" of loans: readers.home_branch_id (marts131)
                continue
            if spans:
                k, size = spans[0]
                key = _spelled_name(group[k : k + size])
                after = group[k + size :]
                if after and (through := _through_key(ground, fact, reachable, key, after)) is not None:
                    dim, key_joins, question = through  # "arrival airport country": the airport's country
                    if question:
                        words_said = " ".join(w.text for w in group)
                        questions.append(ask("unknown_dim", word=words_said, fact=fact.name))
                        continue
                    dims.append(dim)
                    path_joins.extend(key_joins)
                    continue
                spelled_owners = [
                    t for q in group[:k] if (t := ground.table_of(q)) is not None and t is not fact
                ]
                if spelled_owners and _unread_role_word(ground, fact, spelled_owners[0], group[:k]):
                    questions.append(ask("unknown_dim", word=" ".join(w.text for w in group), fact=fact.name))
                    continue  # "the senior trainer's full name": «senior» says no key (asked)
                dims.append(_owned_column(ground, fact, reachable, group, k, size))
                continue
            head, qualifier = group[-1], group[:-1]
        entity = _pair_named_table(ground, head, qualifier[0]) if len(qualifier) == 1 else None
        if entity is not None and entity is not fact:
            # "per menu item", «по позициям меню»: the two words name menu_items, grouped by its key; a fact
            # with no key to it («заказов по позициям меню»: orders.subtotal 'Сумма позиций' is no item) asks
            if (entity_key := _fk_column(fact, entity)) is not None:
                dims.append(entity_key)
            else:
                said = sorted([head, *qualifier], key=lambda t: t.start)
                questions.append(ask("unknown_dim", word=" ".join(t.text for t in said), fact=fact.name))
            continue
        owners = [t for q in qualifier if (t := ground.table_of(q)) is not None and t is not fact]
        if owners and _unread_role_word(ground, fact, owners[0], qualifier):
            # "the senior trainer's specialization": a word before the owner saying no key is not dropped
            word = " ".join(t.text for t in sorted([head, *qualifier], key=lambda t: t.start))
            questions.append(ask("unknown_dim", word=word, fact=fact.name))
            continue
        if not owners and _unread_qualifier_en(ground, fact, head, qualifier):
            # "memberships per selling staff member" of fitness (no staff): "member" alone is no seller
            word = " ".join(t.text for t in sorted([head, *qualifier], key=lambda t: t.start))
            questions.append(ask("unknown_dim", word=word, fact=fact.name))
            continue
        # "customer name": a column of the qualifying table only (never products.name of a sale)
        explicit = [t for t in owners or [fact, *reachable] if t.column(head.text)]
        if explicit:
            name = explicit[0].column(head.text).name  # type: ignore[union-attr]
            dims.append(_owned_name(ground, fact, reachable, explicit[0], name) if owners else name)
            continue
        local = _dim_word(head)
        if local and any(t.column(local) for t in [fact, *reachable]):
            dims.append(local)
            continue
        # «по зонам завершения» of trips: a role word naming a table by its comment ('Зоны парковки и
        # завершения аренды') picks the key to the head's table below (end_zone_id), it names no owner
        head_table = ground.table_of(head)
        roles = set(ROLE_WORDS)
        unrolled = [q for q in qualifier if head_table is None or not (q.lemmas | {q.lower}) & roles]
        qual_tables = [t for t in (ground.table_of(q) for q in unrolled) if t is not None]
        if head.lower in ("the", "each"):
            continue
        if not qualifier and ground.table_of(head) is fact and (other := _other_noun_column(fact, head)):
            dims.append(other.name)  # «по вакцинам» of vaccinations: vaccine_name, no own rows
            continue
        if not qualifier and ground.table_of(head) is fact and (person := _person_in_comments(fact, head)):
            dims.append(person.name)  # «по поварам» of 'Смены поваров': cook_name 'ФИО повара' (marts101)
            continue
        if not qualifier and ground.table_of(head) is fact and _names_fact_only(ground, fact, head):
            continue  # «Сводка по заказам», «сумма по убыткам» of claims: the fact itself groups nothing
        if not qualifier and _fact_noun_date(ground, fact, tokens, words[0]):
            continue  # «пробег по маршрутам» of routes: the fact's noun, never its route_date column
        if not qualifier and (attribute := _own_rows_attribute(ground, fact, head)) is not None:
            # «сумма кресел по самолётам» of aircraft: the rows themselves, or model 'Модель самолёта'?
            questions.append(ask("own_rows_dim", word=head.text, fact=fact.name, column=attribute))
            continue

        if (kind := _kind_of_column(ground, fact, reachable, head, qualifier)) is not None:
            owner, held = kind  # «по типу ресурса счётчика»: meters.resource 'Ресурс (electricity, …)'
            dims.append(_owned_name(ground, fact, reachable, owner, held.name))
            continue
        column = None
        if (commented := _comment_column(ground, fact, reachable, [head, *qualifier])) is not None:
            dims.append(commented)  # «название дисциплины»: courses.title, 'Название дисциплины'
            continue
        if (by_role := _role_holder(ground, fact, reachable, head, qualifier, relations)) is not None:
            dims.append(by_role)  # «по городу вылета» of tickets: airports.city by flights.departure_airport
            continue
        if qual_tables:
            # «по уровню лояльности пассажиров»: the qualifier's table with a column the head names
            # (passengers, not loyalty.miles_transactions, whose schema «лояльности» names too)
            owner = next((t for t in qual_tables if ground.columns_named(t, [head])), qual_tables[0])
            cols = ground.columns_named(owner, [head]) or _rated_column(ground, owner, head, qualifier)
            if (
                cols
                and owner is not fact
                and _qualifier_named_nowhere(ground, owner, head, qualifier, cols[0])
            ):
                # "customer region name": customers hold no region, full_name is not a region's name
                word = " ".join(t.text for t in sorted([head, *qualifier], key=lambda t: t.start))
                questions.append(ask("unknown_dim", word=word, fact=fact.name))
                continue
            if cols:
                column = cols[0].name
                if owner is not fact and owner not in reachable:
                    questions.append(ask("unreachable", column=column, table=owner.name, fact=fact.name))
                    continue
                dims.append(_owned_name(ground, fact, reachable, owner, column))
                continue
            if owner is not fact and owner in reachable:
                word = " ".join(t.text for t in [*qualifier, head] if t.lang == "en") or " ".join(
                    t.text for t in sorted([head, *qualifier], key=lambda t: t.start)
                )
                questions.append(ask("unknown_dim", word=word, fact=fact.name))
                continue  # the qualifying table has no such column: asked, not taken from another table
        cols = ground.columns_named(fact, [head, *qualifier]) or ground.columns_named(fact, [head])
        if cols and _measure_of_owner(fact, head, qualifier, cols[0]):
            cols = []  # «по объектам» of rating 'Оценка объекта клиентом': the table's key below, or asked
        if cols and not qualifier and _names_modifier_only(ground, cols[0], head):
            questions.append(ask("partial_dim", word=head.text, table=fact.name, column=cols[0].name))
            continue
        if cols and not _owner_noun_of_comment(ground, fact, head, qualifier, cols[0]):
            if _lost_head_en(ground, fact, reachable, head, qualifier, cols[0]):
                # "per merchant country": merchant_name by "merchant" alone, no column holds a country: asked
                words_said = " ".join(t.text for t in sorted([head, *qualifier], key=lambda t: t.start))
                questions.append(ask("unknown_dim", word=words_said, fact=fact.name))
                continue
            if _lost_qualifier(ground, fact, reachable, head, qualifier, cols[0]):
                # «по модели района»: the head alone matched, the qualifier names another column: asked
                questions.append(
                    ask("unknown_dim", word=" ".join(t.text for t in [head, *qualifier]), fact=fact.name)
                )
                continue
            dims.append(cols[0].name)
            continue
        table = ground.table_of(head)
        if table is not None and table is not fact:
            keys = [
                r.columns[0]
                for r in relations
                if (r.table, r.ref_table) == (fact.qualified_name, table.qualified_name)
                and len(r.columns) == 1
            ]
            if len(set(keys)) > 1:  # «по хабам»: origin_hub_id or dest_hub_id; a role word picks one
                roles = {
                    ROLE_WORDS[x]
                    for w in [head, *qualifier]
                    for x in (w.lemmas | {w.lower})
                    if x in ROLE_WORDS
                }
                picked = [k for k in keys if _plays_role(k, roles)]
                if len(picked) == 1:
                    dims.append(picked[0])
                    continue
                questions.append(
                    ask("which_dim", word=head.text, columns=", ".join(f"{fact.name}.{k}" for k in keys))
                )
                continue
            fk = _fk_column(fact, table)
            if fk:
                dims.append(fk)
                continue
            via_cols = [c for t in reachable for c in [_fk_column(t, table)] if c]
            if len(set(via_cols)) == 1:
                dims.append(via_cols[0])
                continue
        whole = [
            (t, cols)
            for t in reachable
            if qualifier and (cols := ground.columns_named(t, [head, *qualifier]))
        ]
        if len(whole) == 1 and head.lang == "en":  # "privileged flag": subscribers.is_privileged, every word
            owner, held = whole[0][0], whole[0][1][0]
            if any(_names_nothing_of(ground, owner, held, q) for q in qualifier):
                # "by viewer age" of movies.age_rating: "viewer" names nothing of it, a dimension no column
                # holds is asked, never planned on the head word alone
                questions.append(ask("unknown_dim", word=" ".join(t.text for t in group), fact=fact.name))
                continue
            dims.append(held.name)
            continue
        own_parts = _own_columns_of_part(ground, fact, head) if not qualifier else []
        if (person := _person_name_of_parts(own_parts)) is not None:
            dims.append(person.name)  # "per technician": technician_name, not technician_phone (marts101)
            continue
        if len(own_parts) > 1:
            # «площадь по типам» of properties: property_type or building_type, never clients.client_type,
            # the one type a joined table holds
            names = ", ".join(f"{fact.name}.{c.name}" for c in own_parts)
            questions.append(ask("which_dim", word=head.text, columns=names))
            continue
        holders = [(t, ground.columns_named(t, [head])) for t in reachable]
        holders = [
            (t, cols) for t, cols in holders if cols and not _measure_of_owner(t, head, qualifier, cols[0])
        ]
        if len(holders) == 1:
            sole_owner, sole = holders[0][0], holders[0][1][0]
            if not qualifier and _names_modifier_only(ground, sole, head):
                questions.append(ask("partial_dim", word=head.text, table=sole_owner.name, column=sole.name))
                continue  # "by age" of movies.age_rating: a rating, not an age
            if _lost_qualifier(ground, holders[0][0], reachable, head, qualifier, holders[0][1][0]):
                questions.append(  # «по модели района»: model of meters, «района» another column: asked
                    ask("unknown_dim", word=" ".join(t.text for t in [head, *qualifier]), fact=fact.name)
                )
                continue
            dims.append(holders[0][1][0].name)
            continue
        if len(holders) > 1:
            names = ", ".join(f"{t.name}.{cols[0].name}" for t, cols in holders)
            questions.append(ask("which_dim", word=head.text, columns=names))
            continue
        said = sorted([head, *qualifier], key=lambda t: t.start)  # as written: «платёжным методам»
        questions.append(ask("unknown_dim", word=" ".join(t.text for t in said), fact=fact.name))
    dims = list(dict.fromkeys(dims))
    dims = _drop_named_keys(ph, ground, fact, dims, reachable)
    dims = _drop_bracketed_path_keys(ph, ground, fact, dims, relations)
    questions.extend(_count_dim_questions(dims, fact, reachable, ask))
    for words in ph.dims:  # «города хаба отправки», "destination hub city": the one key a role word names
        group = [tokens[k] for k in words]
        for table in reachable:  # «по районам филиалов выдачи»: the key whose comment is 'Филиал выдачи'
            if any(_dim_on(table, d) and not fact.column(d) for d in dims):
                by_comment = _commented_key_join(ground, fact, table, group, relations)
                if by_comment is not None and by_comment not in joins:
                    joins.append(by_comment)
        if not any(w.lemmas & set(ROLE_WORDS) or w.lower in ROLE_WORDS for w in group):
            continue
        for table in reachable:
            if any(_dim_on(table, d) and not fact.column(d) for d in dims):
                role_join = _role_join(ground, fact, table, group, relations)
                if role_join is not None and role_join not in joins:
                    joins.append(role_join)
                elif role_join is None:  # "revenue per departure city" of tickets: through flights
                    path_joins.extend(_role_path(ground, fact, table, group, relations))
    if joins and dims:
        joins = _pin_via(joins, dims, fact, ground, relations)
    for join in path_joins:
        if join not in joins:
            joins.append(join)
    for join in _named_owner_joins(ph, ground, fact, dims, relations):
        if not any(j["table"] == join["table"] for j in joins):
            joins.append(join)
    return dims, joins, questions


def _acronym_column(fact: Table, words: Sequence[Token]) -> str | None:
    """The fact's own column the initials of three or more English words spell, by its name or the acronym its
    comment brackets ("merchant category code": mcc 'Код категории торговой точки (MCC)'; "access point
    name": apn 'Точка доступа (APN)'): the words name that column, never a joined `name` (marts124)."""
    if len(words) < 3 or not all(w.lang == "en" and w.lower.isalpha() for w in words):
        return None  # two initials spell too much by chance ("invoice date": id)
    initials = "".join(w.lower[0] for w in sorted(words, key=lambda w: w.start))
    keys = {k.lower() for k in fact.primary_key}
    for column in fact.columns:
        if column.name.lower() in keys:
            continue
        if column.name.lower() == initials or f"({initials.upper()})" in (column.comment or ""):
            return column.name
    return None


# Nouns saying "the kind of" what the noun after them names: «тип ресурса», «вид продукта», "transport type".
KIND_OF_RU = frozenset({"тип", "вид"})
KIND_OF_EN = frozenset({"type", "types", "kind", "kinds"})


def _kind_of_column(
    ground: _Ground, fact: Table, reachable: Sequence[Table], head: Token, qualifier: list[Token]
) -> tuple[Table, Column] | None:
    """«по типу ресурса счётчика», «по виду продукта кредита», "per courier transport type": a kind noun
    whose noun (the genitive after it, the English word before it) names one text column of the table the
    other words name (of the fact or a table it joins when none) is that column: the kind of resource is
    the resource column, whose values are the kinds (marts123). None when the noun names a table («по типу
    разъёма» keeps connector_type), when a column's comment says the kind noun and that noun together ('Тип
    мероприятия': the rules below read it), or when no column or several fit."""
    if not qualifier or not (head.lemmas & KIND_OF_RU or head.lower in KIND_OF_EN):
        return None
    noun = qualifier[-1] if head.lang == "en" else qualifier[0]
    if noun.lang != head.lang or ground.table_of(noun) is not None:
        return None
    named = [t for q in qualifier if q is not noun and (t := ground.table_of(q)) is not None]
    tables = [t for t in named if t is fact or t in reachable] if named else [fact, *reachable]
    if head.lang == "ru" and any(
        head.lemmas & (lemmas := _comment_lemmas(c.comment)) and noun.lemmas & lemmas
        for t in tables
        for c in t.columns
        if c.comment
    ):
        return None
    found = [
        (t, c)
        for t in tables
        for c in ground.columns_named(t, [noun])
        if column_kind(c.type).family == "text" and not c.name.endswith("_id") and c.name not in NAME_COLUMNS
    ]
    return found[0] if len(found) == 1 else None


def _pair_named_table(ground: _Ground, head: Token, other: Token) -> Table | None:
    """The table two words of a dimension name together, an entity the dimension groups by: "menu item" (the
    parts of menu_items), «позициям меню» (the head noun and its genitive that begin one table's comment,
    'Позиции меню (блюда и напитки)', where «позиции» alone also heads 'Позиции заказов')."""
    if head.lang == "en" and other.lang == "en":
        first, second = sorted([head, other], key=lambda t: t.start)
        return ground.table_of_pair(first, second)
    if head.lang != "ru" or other.lang != "ru" or other.start < head.start or not _genitive_noun(other):
        return None
    if not head.parses or head.parses[0].pos != "NOUN":
        return None
    from airflow_ai_etl.planning.offline import name_parts_of_text

    found = [  # the comment's head phrase (before a bracket, colon or comma): the head noun, its genitive
        t
        for t in ground.tables
        if t.comment
        and (parts := name_parts_of_text(re.split(r"[(:,]", t.comment, maxsplit=1)[0]))
        and parts[0] == stem(head.lower)
        and stem(other.lower) in parts[1:3]
    ]
    return found[0] if len(found) == 1 else None


def _dim_on(table: Table, dim: str) -> bool:
    """Whether the dimension is a column of `table`: its own name, or one written with that table
    ("zones.city", as _owned_name writes a name two joinable tables share)."""
    owner, _, name = dim.rpartition(".")
    return table.column(name) is not None and (not owner or owner in (table.name, table.qualified_name))


def _join_on(ground: _Ground, table: Table, left: str, right: str) -> dict[str, Any]:
    """A mart join of `table` on one column pair ("flights.arrival_airport" = iata_code)."""
    return {"table": ground_name(ground.planner, ground.conn_id, table), "on": {left: right}}


def _through_key(
    ground: _Ground, fact: Table, reachable: Sequence[Table], key: str, after: Sequence[Token]
) -> tuple[str, list[dict[str, Any]], bool] | None:
    """ "arrival airport country": words after a key column (flights.arrival_airport, declared to point at
    airports.iata_code) of the fact or of a table the fact points at directly name an attribute of the
    table the key points at: (that column, the joins along that key, False); (.., True) when they name no
    column there or the key's table is reached otherwise (asked, never dropped); None when the column is no
    single-column declared key (the words are read as before)."""
    holders = [t for t in [fact, *reachable] if t.column(key)]
    refs = [fk for t in holders[:1] for fk in t.foreign_keys if fk.columns == (key,)]
    target = next(
        (t for t in ground.tables for fk in refs if fk.ref_table in (t.qualified_name, t.name)), None
    )
    if len(holders) != 1 or len(refs) != 1 or target is None:
        return None
    holder, ref = holders[0], refs[0]
    joins = []
    if holder is not fact:  # "tickets per departure airport name": tickets -> flights, then the airport
        if (step := _fk_column(fact, holder)) is None:
            return "", [], True
        declared = [fk.ref_columns[0] for fk in fact.foreign_keys if fk.columns == (step,)]
        referenced = declared[0] if declared else "id"  # «<table>_id» names the holder's id
        if holder.column(referenced) is None:
            return "", [], True
        joins.append(_join_on(ground, holder, f"{fact.name}.{step}", referenced))
    joins.append(_join_on(ground, target, f"{holder.name}.{key}", ref.ref_columns[0]))
    name = "_".join(w.lower for w in after)
    column = target.column(name) or next(iter(ground.columns_named(target, list(after))), None)
    if column is None:
        return "", joins, True
    return column.name, joins, False


def _count_dim_questions(dims: list[str], fact: Table, reachable: Sequence[Table], ask: Any) -> list[str]:
    """«по просрочке»: a whole-number column counting units (overdue_days 'Дней просрочки') is no category:
    one group per day count is rarely meant, so which ranges (or which other column) is asked."""
    questions = []
    for dim in dims:
        owner_name, _, name = dim.rpartition(".")
        for table in [fact, *reachable]:
            column = table.column(name)
            if column is not None and (not owner_name or owner_name in (table.name, table.qualified_name)):
                if counts_units(column):
                    questions.append(
                        ask("count_dim", table=table.name, column=name, comment=column.comment or name)
                    )
                elif measured_in_unit(column):  # «по пробегу», "by duration": distance_km, duration_sec
                    questions.append(
                        ask("quantity_dim", table=table.name, column=name, comment=column.comment or name)
                    )
                break
    return questions


def _owned_name(ground: _Ground, fact: Table, reachable: Sequence[Table], owner: Table, column: str) -> str:
    """ "branch city" of clients: the column of the table the words name, written with that table when the
    fact or another joinable table has a column of the same name (the resolver took the fact's own city,
    the client's, or asked which table's)."""
    if owner is fact or not any(t is not owner and t.column(column) for t in [fact, *reachable]):
        return column
    return f"{ground_name(ground.planner, ground.conn_id, owner)}.{column}"


def roles_of(words: Sequence[Token]) -> set[str]:
    """The key roles role words name: «назначения» -> dest, "origin" -> origin."""
    return {ROLE_WORDS[x] for w in words for x in (w.lemmas | {w.lower}) if x in ROLE_WORDS}


def _paths(fact: Table, target: Table, relations: list[Any]) -> int:
    """How many simple many-to-one paths (at most three relations) lead from `fact` to `target`."""

    def walk(current: str, seen: frozenset[str], depth: int) -> int:
        if depth == 3:
            return 0
        found = 0
        for rel in relations:
            if rel.table != current or rel.ref_table in seen:
                continue
            if rel.ref_table == target.qualified_name:
                found += 1
            else:
                found += walk(rel.ref_table, seen | {rel.ref_table}, depth + 1)
        return found

    return walk(fact.qualified_name, frozenset({fact.qualified_name}), 0)


def _named_owner_joins(
    ph: MartPhrase, ground: _Ground, fact: Table, dims: list[str], relations: list[Any]
) -> list[dict[str, Any]]:
    """«по преподавателям (ФИО)», "by the student's faculty name", «по хабу назначения (название)»: an
    attribute of the entity a dimension word names is taken through the fact's key to that entity, and one
    step further when the entity's table points at the attribute's table (students.faculty_id). Pinned as
    explicit joins only when the words pick the path: a role word picks one of several keys, or the entity
    is reached along one path only (then another table holding the same column, students.full_name for
    teachers', is no choice). An entity reachable along several paths (visits.doctor_id, or visits ->
    appointments -> doctors) is left to the resolver, which asks."""
    tokens = ph.tokens
    joins: list[dict[str, Any]] = []
    by_name = {t.qualified_name: t for t in ground.tables}
    for words in ph.dims:
        group = [tokens[k] for k in words]
        owners = [t for w in group if (t := ground.table_of(w)) is not None and t is not fact]
        # «госномеру машины курьера»: the owner the fact points at (couriers), then one step further
        owners = [t for t in owners if any(r.table == fact.qualified_name and r.ref_table == t.qualified_name
                                           for r in relations)] or owners  # fmt: skip
        if not owners:
            continue
        owner = owners[0]
        keys = [r for r in relations if (r.table, r.ref_table) == (fact.qualified_name, owner.qualified_name)]
        if len(keys) > 1:
            roles = roles_of(group)
            keys = [r for r in keys if len(r.columns) == 1 and _plays_role(r.columns[0], roles)]
        if len(keys) != 1 or (len(roles_of(group)) == 0 and _paths(fact, owner, relations) != 1):
            continue
        attribute = [d for d in dims if "." not in d and not fact.column(d)]
        steps = [(fact, keys[0])]
        if not any(owner.column(d) for d in attribute):
            further = [
                r for r in relations
                if r.table == owner.qualified_name and (t := by_name.get(r.ref_table)) is not None
                and any(t.column(d) for d in attribute)
            ]  # fmt: skip
            if len(further) != 1:
                continue
            steps.append((owner, further[0]))
        for left, rel in steps:
            ref = by_name[rel.ref_table]
            on = {f"{left.name}.{c}": r for c, r in zip(rel.columns, rel.ref_columns, strict=True)}
            joins.append({"table": ground_name(ground.planner, ground.conn_id, ref), "on": on})
    return joins


def _mart_subject(ground: _Ground, fact: Table, tokens: Sequence[Token], words: Sequence[int]) -> bool:
    """«Нужна витрина по записям клиентов»: «по» right after the mart's own noun (TRIGGER_RU) says what the
    mart is about: the fact's noun, with its owners' nouns (tables the fact points at) in the genitive, is
    its subject, no dimension (marts131, mbe-ru-09; «витрина по записям» alone was already read so)."""
    at = min(words)
    if at < 2 or tokens[at - 1].lower != "по" or tokens[at - 2].lemma not in TRIGGER_RU:
        return False
    if ground.table_of(tokens[words[0]]) is not fact:
        return False
    owners = [ground.table_of(tokens[k]) for k in words[1:]]
    return all(t is not None and (t is fact or _fk_column(fact, t) is not None) for t in owners)


def _joined_key_spelled(fact: Table, reachable: list[Table], group: list[Token]) -> str | None:
    """The key column of ONE joined table that all the English words spell with "_id" ("home branch" ->
    readers.home_branch_id of loans, mbe-en-16): a fact with a column so named keeps its own rules."""
    if len(group) < 2:
        return None
    name = f"{_spelled_name(group)}_id"
    holders = [t for t in reachable if t.column(name) is not None]
    return name if len(holders) == 1 and fact.column(name) is None else None


def _owned_column(
    ground: _Ground, fact: Table, reachable: list[Table], group: list[Token], k: int, size: int
) -> str:
    """The column two or three English words name ("full name" -> full_name), qualified by the table the
    other words name when several reachable tables have it ("doctor's full name" -> doctors.full_name)."""
    name = _spelled_name(group[k : k + size])
    holders = [t for t in [fact, *reachable] if t.column(name)]
    if len(holders) > 1:
        others = [w for j, w in enumerate(group) if not k <= j < k + size]
        owners = [t for w in others if (t := ground.table_of(w)) is not None and t in holders]
        if len(owners) == 1 and owners[0] is not fact:
            return f"{ground_name(ground.planner, ground.conn_id, owners[0])}.{owners[0].column(name).name}"  # type: ignore[union-attr]
    return holders[0].column(name).name  # type: ignore[union-attr]


# The parts of a key's name that say each role: flights.departure_airport / arrival_airport,
# trips.start_zone_id / end_zone_id, shipments.origin_hub_id / dest_hub_id.
ROLE_PARTS = {
    "origin": {"origin", "src", "source", "from", "departure", "start", "sender"},
    "dest": {"dest", "destination", "to", "arrival", "end", "target", "recipient"},
}


def _plays_role(column: str, roles: set[str]) -> bool:
    """Whether the key column's name says one of `roles` (arrival_airport: dest)."""
    parts = set(column.lower().split("_"))
    return any(parts & ROLE_PARTS[role] for role in roles)


def _role_join(
    ground: _Ground, fact: Table, owner: Table, words: Sequence[Token], relations: list[Any]
) -> dict[str, Any] | None:
    """The join along the one key to `owner` a role word names, when the fact has several keys to it."""
    keys = [r for r in relations if r.table == fact.qualified_name and r.ref_table == owner.qualified_name]
    if len(keys) < 2:
        return None
    roles = roles_of(words)
    picked = [r for r in keys if len(r.columns) == 1 and _plays_role(r.columns[0], roles)]
    if len(picked) != 1:
        return None
    rel = picked[0]
    on = {f"{fact.name}.{c}": ref for c, ref in zip(rel.columns, rel.ref_columns, strict=True)}
    return {"table": ground_name(ground.planner, ground.conn_id, owner), "on": on}


def _commented_key_join(
    ground: _Ground, fact: Table, owner: Table, words: Sequence[Token], relations: list[Any]
) -> dict[str, Any] | None:
    """«по районам филиалов выдачи» of loans ('Филиал выдачи' branch_id, besides the branches reached through
    copies, readers, staff): the one direct key to `owner` whose comment of two words or more the dimension's
    words say whole names the path (marts117); none or several: the resolver asks as before."""
    said = frozenset(x for w in words if w.lang == "ru" for x in w.lemmas)
    by_column = {c.name: c for c in fact.columns}
    picked = []
    for r in relations:
        if r.table != fact.qualified_name or r.ref_table != owner.qualified_name or len(r.columns) != 1:
            continue
        column = by_column.get(r.columns[0])
        wanted = _comment_lemmas(column.comment) if column is not None and column.comment else frozenset()
        if len(wanted) >= 2 and wanted <= said:
            picked.append(r)
    if len(picked) != 1:
        return None
    rel = picked[0]
    on = {f"{fact.name}.{c}": ref for c, ref in zip(rel.columns, rel.ref_columns, strict=True)}
    return {"table": ground_name(ground.planner, ground.conn_id, owner), "on": on}


def _role_path(
    ground: _Ground, fact: Table, owner: Table, words: Sequence[Token], relations: list[Any]
) -> list[dict[str, Any]]:
    """The joins along the one path (at most three relations, as _paths counts) from the fact to `owner`
    whose keys include one a role word names (tickets -> flights.departure_airport -> airports for
    "departure city"); [] when no path or several are named so (the resolver asks)."""
    roles = roles_of(words)
    by_name = {t.qualified_name: t for t in ground.tables}
    found: list[list[Any]] = []

    def walk(current: str, path: list[Any]) -> None:
        if len(path) == 3:
            return
        for rel in relations:
            if rel.table != current or any(r.ref_table == rel.ref_table for r in path):
                continue
            if rel.ref_table == owner.qualified_name:
                steps = [*path, rel]
                if any(len(r.columns) == 1 and _plays_role(r.columns[0], roles) for r in steps):
                    found.append(steps)
            elif rel.ref_table != fact.qualified_name:
                walk(rel.ref_table, [*path, rel])

    if roles:
        walk(fact.qualified_name, [])
    if len(found) != 1 or any(r.table not in by_name or r.ref_table not in by_name for r in found[0]):
        return []
    joins = []
    for rel in found[0]:
        left = by_name[rel.table].name
        on = {f"{left}.{c}": ref for c, ref in zip(rel.columns, rel.ref_columns, strict=True)}
        joins.append({"table": ground_name(ground.planner, ground.conn_id, by_name[rel.ref_table]), "on": on})
    return joins


NAME_COLUMNS = {"name", "title", "full_name", "label"}


def _drop_named_keys(
    ph: MartPhrase, ground: _Ground, fact: Table, dims: list[str], reachable: list[Table]
) -> list[str]:
    """«по отделам, по названию отдела», «Часы по отделам: ... (название отдела)»: a table noun (its key)
    and that table's name column are one grouping said twice; the name is kept. Only a naming column:
    "by customer and customer city" groups by both."""
    out = list(dims)
    for table in reachable:
        names = [d for d in dims if d in NAME_COLUMNS or d.endswith("_name")]
        if not any(table.column(d) and not fact.column(d) for d in names):
            continue
        keys = {_fk_column(fact, table)} | {c for t in reachable if (c := _fk_column(t, table))}
        said = any(
            ground.table_of(ph.tokens[k]) is table for words in ph.dims for k in words[1:]
        )  # the name column was qualified by the table's own noun
        if said:
            out = [d for d in out if d not in keys]
    return out


# Prepositions that may open a bracket saying the path of the dimension before it: «(по хабу отправления)».
PATH_BRACKET_PREPS = frozenset({"по", "через", "by", "via", "through"})


def _bracketed_after(tokens: Sequence[Token], first: list[int], second: list[int]) -> bool:
    """The words of `second` are all a bracket holds right after the words of `first`, a preposition
    opening it or not: «города (по хабу отправления)», "city (by destination hub)"."""
    at = first[-1] + 1
    if at >= len(tokens) or tokens[at].text != "(":
        return False
    at += 1
    if at < len(tokens) and tokens[at].lower in PATH_BRACKET_PREPS:
        at += 1
    end = second[-1] + 1
    return second[0] == at and end < len(tokens) and tokens[end].text == ")"


def _drop_bracketed_path_keys(
    ph: MartPhrase, ground: _Ground, fact: Table, dims: list[str], relations: list[Any]
) -> list[str]:
    """«из каждого города (по хабу отправления)», «по районам (по филиалу выдачи)»: a bracket right after a
    dimension, naming the table that holds it, says which key reaches that table (the role joins pick it),
    not a second grouping: the fact's keys to that table are no dimensions (marts123). Written apart («по
    городам и по хабам») both stay."""
    out = list(dims)
    tokens = ph.tokens
    for first, second in zip(ph.dims, ph.dims[1:], strict=False):
        if not _bracketed_after(tokens, first, second):
            continue
        # "(by destination hub)": the hub's noun may follow its role word; «выдачи» may name the fact (loans)
        tables = [ground.table_of(tokens[k]) for k in second]
        named = {t.qualified_name: t for t in tables if t is not None and t is not fact}
        if len(named) != 1:
            continue
        table = next(iter(named.values()))
        if not any(_dim_on(table, d) and not fact.column(d) for d in out):
            continue
        if any(ground.columns_named(table, [tokens[k]]) for k in second):
            continue  # «по товарам (по SKU)»: the bracket names a column of the table, a grouping of its own
        keys = {
            r.columns[0]
            for r in relations
            if (r.table, r.ref_table) == (fact.qualified_name, table.qualified_name) and len(r.columns) == 1
        }
        out = [d for d in out if d not in keys]
    return out


def _pin_via(joins: list[dict[str, Any]], dims: list[str], fact: Table, ground: _Ground,
             relations: list[Any]) -> list[dict[str, Any]]:  # fmt: skip
    """«через заказы»: join the named table, then reach a dimension's table from it (explicit `on`)."""
    out = list(joins)
    via_tables = [t for t in ground.tables if any(j["table"] in (t.name, t.qualified_name) for j in joins)]
    for via in via_tables:
        for rel in relations:
            if rel.table != via.qualified_name:
                continue
            ref = next((t for t in ground.tables if t.qualified_name == rel.ref_table), None)
            if ref is None or not any(ref.column(d) and not fact.column(d) for d in dims):
                continue
            on = {f"{via.name}.{c}": r for c, r in zip(rel.columns, rel.ref_columns, strict=True)}
            out.append({"table": ground_name(ground.planner, ground.conn_id, ref), "on": on})
    return out


def _modifiers_of_one_head(ph: MartPhrase, ground: _Ground) -> None:
    """ "Claimed and approved amounts", "total gross and net pay", «заявленная и одобренная суммы»: two
    modifiers joined by «и»/"and" before one plural head noun, each naming with that head one numeric column
    of one table (claimed_amount and approved_amount; gross and net with a money head; in Russian by the
    column's comment, 'Заявленная сумма', or by the state meaning of a participle, «одобренная» ->
    approved_amount) are two measures of one aggregate: the measure word before the pair, else the head's
    own, else a sum. Only one of them was read (the other dropped, or the head asked about)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i in range(n - 3):
        first, joiner, second, head = tokens[i : i + 4]
        if joiner.lower not in ("и", "and") or not first.lang == second.lang == head.lang != "punct":
            continue
        if any(i + d in group for group in ph.dims for d in (0, 2, 3)):
            continue
        found = [_column_with_head(ground, w, head) for w in (first, second)]
        a, b = found
        if a is None or b is None or a[0] is not b[0] or a[1].name == b[1].name:
            continue
        cue = next((m for m in ph.measures if m.index == i - 1), None)
        own = _measure_func(tokens, i + 3)
        func = cue.func if cue is not None else own if own in CARRIED_FUNCS else "sum"
        if func not in CARRIED_FUNCS:
            continue
        span = {i, i + 1, i + 2, i + 3} | ({i - 1} if cue is not None else set())
        ph.measures = [m for m in ph.measures if m.index not in span and not span & set(m.object)]
        ph.measures += [
            MeasureWord(func, i, column_ref=a[1].name),
            MeasureWord(func, i + 2, column_ref=b[1].name),
        ]
        ph.measures.sort(key=lambda m: m.index)
        ph.used |= span
        if ph.fact_hint is None:
            ph.fact_hint = a[0]
        return


def _column_with_head(ground: _Ground, word: Token, head: Token) -> tuple[Table, Column] | None:
    """The one numeric column (and its table) a modifier names together with a head noun: "claimed" +
    "amounts" -> claimed_amount; "gross" + "pay" (a money head) -> gross; «заявленная» + «суммы» ->
    'Заявленная сумма'; «одобренная» + «суммы» -> approved_amount (a state participle's English stem)."""
    money_head = _word(head, MONEY_RU | MONEY_NOUNS_RU, MONEY_EN | MONEY_NOUNS_EN | AMOUNT_NOUNS_EN)
    found: list[tuple[Table, Column]] = []
    for table in ground.tables:
        for c in _numeric_columns(table):
            if _key_column(table, c):
                continue
            parts = name_parts(c.name)
            if word.lang == "en":
                said = [stem(word.lower), stem(head.lower)]
                if sorted(parts) == sorted(said) or (money_head and parts == said[:1]):  # amount_paid too
                    found.append((table, c))
            elif word.lang == "ru":
                lemmas = _comment_lemmas(c.comment.split(",")[0]) if c.comment else frozenset()
                meanings = {stem(x) for lemma in word.lemmas for x in STATE_MEANINGS.get(lemma, ())}
                if (len(lemmas) == 2 and lemmas <= word.lemmas | head.lemmas and lemmas & word.lemmas) or (
                    money_head and len(parts) == 2 and parts[0] in meanings and _money_name(c)
                ):
                    found.append((table, c))
    return found[0] if len(found) == 1 else None


def _genitive_spells_elsewhere(ph: MartPhrase, ground: _Ground) -> None:
    """«Средняя стоимость доставки по ресторанам»: a measure noun and the genitive after it spell the whole
    comment of one numeric column (orders.delivery_fee 'Стоимость доставки') while the genitive names
    another table (deliveries) that holds no such column: that column is measured over its own table (the
    money column of the genitive's table, tip_amount 'Чаевые', was planned). Two columns spelled alike are
    left to the other rules (asked)."""
    tokens = ph.tokens
    for m in ph.measures:
        said = [m.index, *m.object]
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref or not m.object or len(said) > 3:
            continue  # «сумма платежей страховой премии»: the payments' premium, for the other rules
        last = MeasureWord(m.func, said[-2], object=[said[-1]])  # the measured noun and its genitive
        spelled = [(t, c) for t in ground.tables for c in _spelled_by_genitive(t, tokens, last)]
        if len(spelled) != 1:
            continue
        holder, column = spelled[0]
        named = {ground.table_of(tokens[k]) for k in m.object} - {None}
        if not named or holder in named:
            continue  # «стоимость поездки» of trips: the fact rules read it already
        m.column_ref = column.name
        if ph.fact_hint is None:
            ph.fact_hint = holder


def _event_date_owner(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«по дате оплаты гостя» of payments, «по дате платежа абонента»: a genitive after the grain's event word
    naming another table than the fact says whose event it is, never a dimension (it grouped by guest_id).
    When the event word names no time column of the fact («по дате регистрации гостя»: the guest's own date,
    on another table) the words are returned, to be asked."""
    times = _time_columns(fact)
    for group in list(ph.dims):
        if len(group) != 1 or (at := _grain_word_before(ph, group[0])) not in ph.grain_words:
            continue
        owner = ground.table_of(ph.tokens[group[0]])
        if owner is None or owner is fact or ph.tokens[group[0]].lang != "ru":
            continue
        if not any(_names_time_column(c, ph.tokens[at]) for c in times):
            return f"{ph.tokens[at].text} {ph.tokens[group[0]].text}"
        ph.dims.remove(group)
        ph.grain_phrase.update(group)
    return None


def _comment_column(
    ground: _Ground, fact: Table, reachable: list[Table], words: Sequence[Token]
) -> str | None:
    """«по названию дисциплины», «по ФИО контролёра», «по модели счётчика»: a column word and the noun of
    its table, together the comment of one column of the fact or a table it joins ('Название дисциплины'
    of courses.title): that column, qualified by its table when another joined table has the same name."""
    said = [w for w in words if w.lang == "ru"]
    if len(said) < 2 or len(said) != len(words):
        return None
    found = [
        (t, c)
        for t in [fact, *reachable]
        for c in t.columns
        if c.comment and all(w.lemmas & _comment_lemmas(c.comment) for w in said)
    ]
    if not found:
        found = _owner_comment_column(ground, fact, reachable, said)
    if len(found) != 1:
        return None
    table, column = found[0]
    if table is not fact and any(t.column(column.name) for t in [fact, *reachable] if t is not table):
        return f"{ground_name(ground.planner, ground.conn_id, table)}.{column.name}"
    return column.name


def _owner_comment_column(
    ground: _Ground, fact: Table, reachable: list[Table], said: Sequence[Token]
) -> list[tuple[Table, Column]]:
    """«по торговому наименованию препарата»: one word names a table the fact reaches (drugs), and the other
    words, at least two, are together the comment of one of its columns ('Торговое наименование'): that
    column. Several matches (or none) are left to the other rules, which ask."""
    owners = [(w, t) for w in said if (t := ground.table_of(w)) is not None and t in [fact, *reachable]]
    if len(owners) != 1:
        return []
    word, table = owners[0]
    rest = [w for w in said if w is not word]
    if len(rest) < 2:
        return []
    return [
        (table, c)
        for c in table.columns
        if c.comment and all(w.lemmas & _comment_lemmas(c.comment) for w in rest)
    ]


def _other_noun_column(fact: Table, head: Token) -> Column | None:
    """«по вакцинам», "per vaccine" of vaccinations ('Прививки животных'): a word sharing the fact's stem but
    not its own noun, which one text column names ('Название вакцины', vaccine_name; a name column first
    among several: 'Серия вакцины' is a batch). None when the word is the fact's own noun."""
    if _own_noun_said(fact, head):
        return None
    said = [
        c for c in fact.columns if column_kind(c.type).family == "text"
        and (head.lemmas & _comment_lemmas(c.comment or "") if head.lang == "ru"
             else c.name.lower().split("_")[0] == head.lower.removesuffix("s"))
    ]  # fmt: skip
    if len(said) > 1:
        said = [c for c in said if "name" in c.name.lower().split("_")]
    return said[0] if len(said) == 1 else None


def _own_noun_said(fact: Table, head: Token) -> bool:
    """The word is the fact's own noun, not one sharing its stem: its lemma in the table's comment
    («по убыткам» of 'Убытки'), or in English the name's last part, singular or plural ("per claim" of
    claims, never "per vaccine" of vaccinations)."""
    if head.lang == "ru":
        return bool(head.lemmas & _comment_lemmas(fact.comment or "")) or not fact.comment
    noun = fact.name.rsplit("_", 1)[-1].lower()
    word = head.lower.replace("-", "")
    return word.rstrip("s") in (noun, noun.rstrip("s"), noun.removesuffix("es")) or word == noun


def _names_fact_only(ground: _Ground, fact: Table, head: Token) -> bool:
    """«по убыткам» of claims names the table being aggregated, its source: the row's own text attribute
    (claim_number 'Номер убытка': named after the table's noun, the comment mentions it only as owner; a
    review's text 'Текст отзыва', whose comment names the noun in its genitive) is no column the word
    names. Dates stay («по месяцам экзаменов»: exam_date), and so do columns the table's noun does not own
    (currency 'Код валюты' of currency_rates: «по валютам» groups by it)."""
    noun = fact.name.rsplit("_", 1)[-1].lower()
    named = ground.columns_named(fact, [head])
    if head.lang == "ru" and any(transliterates(head.lower, c.name.lower()) for c in named):
        return False  # «по операциям» of operation 'Тип операции': the column's own name, said by ear
    if _other_noun_column(fact, head) is not None:
        return False  # «по вакцинам», "per vaccine" of vaccinations ('Прививки'): vaccine_name, another word
    return all(
        _mentions_as_owner(head, c)
        and column_kind(c.type).family == "text"
        and (
            (noun.startswith(c.name.split("_", 1)[0].lower()[:-1]) and "_" in c.name)
            or _row_noun_owns(fact, head, c)  # reviews.comment 'Текст отзыва' of «по отзывам»
        )
        for c in ground.columns_named(fact, [head])
    )


def _own_rows_attribute(ground: _Ground, fact: Table, head: Token) -> str | None:
    """«по самолётам» of aircraft ('Воздушные суда (парк самолётов)'), «по номерам» of rooms ('Номерной фонд
    (номера отелей)'): a word naming the fact's own rows through its comment, which also matches a text
    column of them as its owner (model 'Модель самолёта') or the row's own label (room_number 'Номер
    комнаты' of rooms), may mean each row or that attribute: the column, to be asked. Only a table keyed by
    one column of its own (each row is one thing); not a word naming the table by its name, not a date, and
    not a column saying what the word says («по оценкам» of grades: mark 'Оценка')."""
    if ground.table_of(head) is not fact or set(name_parts(fact.name)) <= ground.meanings(head.lower):
        return None
    named = ground.columns_named(fact, [head])
    if len(named) != 1 or column_kind(named[0].type).family != "text" or len(fact.primary_key) != 1:
        return None  # «по валютам» of currency_rates (key rate_date, currency): many rows per currency
    column = named[0]
    own_label = "_" in column.name and fact.name.lower().startswith(column.name.split("_", 1)[0].lower()[:-1])
    if not (_mentions_as_owner(head, column) or own_label):
        return None  # «по оценкам» of grades: mark 'Оценка' is what the word says, the grade's value
    if head.lang == "ru" and transliterates(head.lower, column.name.lower()):
        return None  # «по операциям» of operation 'Тип операции': the column's own name said by ear
    return column.name


def _row_noun_owns(fact: Table, head: Token, column: Column) -> bool:
    """The word is the noun of what each row is (the table comment's head, 'Отзывы гостей': «отзыв») and the
    column's comment names it as its owner ('Текст отзыва'); not «валют» of 'Курсы валют ЦБ'."""
    first = _comment_head(fact.comment or "")
    named = first is not None and (stem(head.lemma) == first or head.lemma.startswith(first))
    return named and head.lemma in _comment_lemmas(column.comment or "")


def _owner_noun_of_comment(
    ground: _Ground, fact: Table, head: Token, qualifier: list[Token], column: Column
) -> bool:
    """«по контролёрам» of inspections: the noun names a table the fact points at (inspector_id), and the
    column its word matched only mentions it as an owner ('Замечание контролёра': the note is not the
    inspector), so the table's key, not that column, is the dimension."""
    if qualifier or head.lang != "ru" or not column.comment:
        return False
    owner = ground.table_of(head)
    if owner is None or owner is fact or _fk_column(fact, owner) is None:
        return False
    return _mentions_as_owner(head, column)


def _measure_of_owner(table: Table, head: Token, qualifier: list[Token], column: Column) -> bool:
    """«по объектам» of viewings.rating 'Оценка объекта клиентом', «по запчастям» of parts_amount 'Стоимость
    запчастей': a number the word reached through its comment, which names the word's noun only as what the
    number rates or prices. A grouping word names a key, a label or a table, never such a measure."""
    if qualifier or head.lang != "ru" or not column.comment or table.column(head.text):
        return False
    if column not in _numeric_columns(table):
        return False
    return _mentions_as_owner(head, column)


def _mentions_as_owner(head: Token, column: Column) -> bool:
    """The column's comment names the word's noun only as an owner, not as what the column holds ('Номер
    убытка' for «убыткам», 'Замечание контролёра' for «контролёрам»): its first word is another noun."""
    first = _comment_head(column.comment or "")
    return first is not None and stem(head.lemma) != first and not head.lemma.startswith(first)


def _lost_qualifier(
    ground: _Ground, fact: Table, reachable: list[Table], head: Token, qualifier: list[Token], column: Column
) -> bool:
    """A dimension's column matched by its head word alone while a qualifier word names another column of
    the fact or a table it joins (and no table): the qualifier would be dropped, so the words are asked."""
    if not qualifier:
        return False
    for q in qualifier:
        if ground.table_of(q) is not None or q.lemmas & set(ROLE_WORDS) or _time_word(q) or _grain_noun(q):
            continue
        if _comment_names(column, q) or q.lemmas & _comment_lemmas(column.comment or ""):
            continue  # «модели счётчика»: the qualifier is in the column's own comment
        if q.lang == "en" and _part_of_name(ground, column, q):
            continue  # "issuing staff": issued_by_staff_id says the role, issued_at is no second reading
        others = [
            c for t in [fact, *reachable] for c in ground.columns_named(t, [q]) if c.name != column.name
        ]
        if others:
            return True
    return False


# English heads that say what kind of column the qualifier names, not an attribute of their own.
GENERIC_HEADS_EN = frozenset(
    {"flag", "date", "time", "day", "month", "week", "hour", "value", "status", "state"}
)


def _lost_head_en(
    ground: _Ground, fact: Table, reachable: list[Table], head: Token, qualifier: list[Token], column: Column
) -> bool:
    """ "per merchant country", "by merchant region": the fact's column was found by the qualifier alone
    (merchant_name), while the English head word names no column of the fact or a table it joins and is
    neither in that column's name nor in its comment: grouping by the column would drop what the head says,
    so the words are asked (marts106)."""
    if head.lang != "en" or not qualifier or not head.text.isalpha() or head.lower in FILLER_EN:
        return False
    if any(q.lang != "en" for q in qualifier) or _grain_adjective(head):
        return False  # «по источникам (crm)», "per pay period (monthly)": no English compound
    if stem(head.lower) in CLASSIFIER_PARTS | NAME_PART_SUFFIXES or head.lower in GENERIC_HEADS_EN:
        return False  # "operation type", "archived flag", "application date": the qualifier says which column
    if _part_of_name(ground, column, head) or _comment_names(column, head):
        return False
    if ground.table_of(head) is not None or _time_word(head) or _grain_noun(head):
        return False
    return not any(ground.columns_named(t, [head]) for t in [fact, *reachable])


def _own_columns_of_part(ground: _Ground, fact: Table, head: Token) -> list[Column]:
    """The fact's columns (no keys) a part of whose name the head word means («типам»: property_type,
    building_type): several of them are the fact's own readings of the word, which a joined table's one
    column must not settle."""
    meanings = ground.meanings(head.lower)
    return [c for c in fact.columns if set(name_parts(c.name)) & meanings and not c.name.endswith("_id")]


# Parts of a column's name that say how to reach a person, not who they are (technician_phone, cook_email).
CONTACT_PARTS = frozenset({"phone", "email", "mail", "telegram"})
# A party's registration numbers (buyer_inn 'ИНН покупателя'): like a phone, they only identify whom the name
# says, so "per buyer" groups by buyer_name (marts107)
IDENTITY_NUMBER_PARTS = frozenset({"inn", "kpp", "ogrn", "snils", "passport"})


def _person_name_of_parts(columns: Sequence[Column]) -> Column | None:
    """The one `<role>_name` column among the fact's own columns a role word names ("per technician" of
    technician_name, technician_phone; "per cook" beside orders_cooked, a count): a phone or an e-mail only
    reaches the person the name says, and a number is no grouping. None when another text column is left or
    there are two names (asked)."""
    names = [c for c in columns if name_parts(c.name)[-1:] == ["name"]]
    rest = [
        c
        for c in columns
        if c not in names
        and not set(name_parts(c.name)) & (CONTACT_PARTS | IDENTITY_NUMBER_PARTS)
        and not column_kind(c.type).numeric
    ]
    return names[0] if len(names) == 1 and len(columns) > 1 and not rest else None


def _person_in_comments(fact: Table, head: Token) -> Column | None:
    """«по поварам» of kitchen_shifts ('Смены поваров на кухне'): the noun names the fact only as the owner of
    its rows, and the fact's own columns whose comments name that person (cook_name 'ФИО повара', cook_phone
    'Телефон повара') are their name and contacts: the name groups by the person. Keys are left to the key
    rules."""
    said = [
        c
        for c in fact.columns
        if not c.name.endswith("_id") and _comment_lemmas(c.comment or "") & head.lemmas
    ]
    return _person_name_of_parts(said)


def _unread_qualifier_en(ground: _Ground, fact: Table, head: Token, qualifier: list[Token]) -> bool:
    """An English word before a head naming a table ("member") that says no key of the fact to it, no
    table, role, time or column ("selling staff member" of fitness, which has no staff): asked, never the
    head's key alone (member_id)."""
    if head.lang != "en" or not qualifier:
        return False
    if any(not q.text.isalpha() or fact.column(q.text) is not None for q in qualifier):
        return False  # "account_type, currency", "time-of-day zone": a column's name or a spelled compound
    owner = ground.table_of(head)
    return owner is not None and _unread_role_word(ground, fact, owner, [*qualifier, head])


def _part_of_name(ground: _Ground, column: Column, q: Token) -> bool:
    """An English word whose stem or glossary meaning begins a part of the column's name, or is begun by one
    ("issuing" ~ issued of issued_by_staff_id, "selling" ~ sold of sold_by_trainer_id)."""
    parts = {p for p in name_parts(column.name) if len(p) >= 3}
    said = {stem(q.lower), *ground.meanings(q.lower)}
    said |= {TIME_WORDS[m] for m in list(said) if m in TIME_WORDS}
    return any(np.startswith(w) or w.startswith(np) for np in parts for w in said if len(w) >= 3)


def _unread_role_word(ground: _Ground, fact: Table, owner: Table, qualifier: list[Token]) -> bool:
    """ "the selling trainer's name" of memberships.sold_by_trainer_id, "the arrival airport's country": an
    English word before the owner's noun says which key of the fact reaches the owner (a role word, or a
    word whose stem or glossary meaning is a part of the key's name: selling ~ sale ~ sold). One that says
    no key, table, time or column ("the senior trainer's name") would be dropped: True (asked)."""
    owned = [q.start for q in qualifier if ground.table_of(q) is owner]
    if not owned:
        return False
    keys = [fk.columns[0] for fk in fact.foreign_keys if fk.ref_table == owner.qualified_name and fk.columns]
    parts = {p for k in keys for p in name_parts(k) if len(p) >= 3}
    for q in qualifier:
        if q.lang != "en" or q.start >= min(owned) or q.lower in FILLER_EN | DIM_PREPS_EN | EACH:
            continue
        if q.lower in ("the", "a", "an", "s") or ground.table_of(q) is not None or q.lower in ROLE_WORDS:
            continue
        if _time_word(q) or _grain_noun(q) or ground.columns_named(owner, [q]):
            continue
        said = {stem(q.lower), *ground.meanings(q.lower)}
        said |= {TIME_WORDS[m] for m in list(said) if m in TIME_WORDS}
        if any(np.startswith(w) or w.startswith(np) for np in parts for w in said if len(w) >= 3):
            continue
        return True
    return False


def _qualifier_named_nowhere(
    ground: _Ground, owner: Table, head: Token, qualifier: list[Token], column: Column
) -> bool:
    """ "customer region name", «по названию района клиента»: a qualifier word between the owner's noun and
    the head that names no table, no role or time and is neither in the matched column's name or comment nor
    a column of the owner says whose name it is (the region's): taking the owner's column drops it. A word
    past the owner's noun («городу отделения обслуживания») qualifies the owner, not the column."""
    owned_at = [q.start for q in qualifier if ground.table_of(q) is owner]
    if not owned_at:
        return False
    nearest = min(owned_at, key=lambda at: abs(at - head.start))
    low, high = sorted((nearest, head.start))
    for q in qualifier:
        if not low < q.start < high:
            continue
        if q.lang not in ("ru", "en") or q.lower in FILLER_EN or q.lemma in FILLER_RU or q.lower in FILLER_RU:
            continue
        if ground.table_of(q) is not None or q.lemmas & set(ROLE_WORDS) or _time_word(q) or _grain_noun(q):
            continue
        if q.lower in DIM_PREPS_EN or q.lower in ("the", "each", "'s", "s"):
            continue
        if stem(q.lower) in name_parts(column.name) or _comment_names(column, q):
            continue
        if q.lemmas & _comment_lemmas(column.comment or "") or ground.columns_named(owner, [q]):
            continue
        return True
    return False


def _role_holder(
    ground: _Ground,
    fact: Table,
    reachable: list[Table],
    head: Token,
    qualifier: list[Token],
    relations: list[Any],
) -> str | None:
    """«по городу вылета», «по стране прилёта рейса», «по городу старта поездки»: a role word among a
    dimension's qualifiers picks the one reachable table holding the head's column along a key that plays
    the role (airports through flights.departure_airport, zones through trips.start_zone_id). The role word
    may name a table by its comment (flights 'фактические вылеты'): it is read as the role. Another qualifier
    naming a table («рейса») must lie on that path, else (a passenger's arrival city) nothing is picked and
    the rules after this one ask. None when no role word is said, the head names a table (its key, chosen
    elsewhere), or not exactly one holder is reached so."""
    roles = [q for q in qualifier if roles_of([q])]
    if not roles or ground.table_of(head) is not None:
        return None
    named = {
        ground_name(ground.planner, ground.conn_id, t)
        for q in qualifier
        if q not in roles and (t := ground.table_of(q)) is not None and t is not fact
    }
    picked: list[tuple[Table, Column]] = []
    for table in reachable:
        cols = ground.columns_named(table, [head])
        if not cols:
            continue
        join = _role_join(ground, fact, table, roles, relations)
        path = [join] if join is not None else _role_path(ground, fact, table, roles, relations)
        if path and named <= {j["table"] for j in path}:
            picked.append((table, cols[0]))
    if len(picked) != 1:
        return None
    return _owned_name(ground, fact, reachable, picked[0][0], picked[0][1].name)


def _names_modifier_only(ground: _Ground, column: Column, head: Token) -> bool:
    """ "by age" of movies.age_rating, "by zone" of zones.zone_type: an English dimension word naming only the
    first part of a compound column names something else (a viewer's age, the zone itself): asked. Not when
    the column's last part is a key or name word (city of city_name) or a classifier of a word that names no
    table ("by loyalty" -> loyalty_level, "by fuel" -> fuel_type)."""
    if head.lang != "en":
        return False
    parts = name_parts(column.name)
    meanings = ground.meanings(head.lower)
    if len(parts) < 2 or parts[-1] in meanings or not set(parts[:-1]) & meanings:
        return False
    if parts[-1] in NAME_PART_SUFFIXES:
        return False
    return not (parts[-1] in CLASSIFIER_PARTS and ground.table_of(head) is None)


def _names_nothing_of(ground: _Ground, owner: Table, column: Column, q: Token) -> bool:
    """A dimension's qualifier word that names no table, no role or time, and nothing of `column` (its name
    or comment): "viewer" of "viewer age" matched to movies.age_rating."""
    if ground.table_of(q) is not None or q.lemmas & set(ROLE_WORDS) or _time_word(q) or _grain_noun(q):
        return False
    if _comment_names(column, q) or q.lemmas & _comment_lemmas(column.comment or ""):
        return False
    return column not in ground.columns_named(owner, [q])


def _fact_noun_date(ground: _Ground, fact: Table, tokens: Sequence[Token], k: int) -> bool:
    """«по маршрутам» of routes: a noun right after «по»/"per"/"by" naming the fact table whose only column
    match is a time column spelled after the table (route_date) names the rows themselves, not a date to
    group by (a date is a grain, read from a grain word; «по месяцам экзаменов» keeps exam_date). So is a
    flag whose comment the noun heads («по звонкам» of calls, is_roaming 'Звонок в роуминге'): the flag is
    named by its state words, never by the rows' noun alone."""
    head = tokens[k]
    if k == 0 or tokens[k - 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
        return False
    if ground.table_of(head) is not fact:
        return False
    if head.lang == "ru" and not (head.parses and head.parses[0].pos == "NOUN"):
        return False  # «по расчётному (месяцу)»: an adjective qualifies a column, it is no table's noun
    cols = ground.columns_named(fact, [head])
    times = {c.name for c in _time_columns(fact)} | set(UPDATE_COLUMNS)
    return bool(cols) and all(c.name in times or column_kind(c.type).family == "bool" for c in cols)
