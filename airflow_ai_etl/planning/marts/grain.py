"""Time grain of a mart: which time column a grain cuts, and grains or time phrases the mart model
does not offer."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.marts.resolve import column_kind
from airflow_ai_etl.planning import abbreviations
from airflow_ai_etl.planning.colloquial import transliterates
from airflow_ai_etl.planning.filters import value_meanings
from airflow_ai_etl.planning.lexer import Token, _morph, analyse, known_word, tokenize
from airflow_ai_etl.planning.marts.ground import (
    _column_spelled_apart,
    _columns_of_word,
    _comment_names,
    _event_happened,
    _event_names_time,
    _event_time_columns,
    _fact_connections,
    _grain_word_before,
    _Ground,
    _listed_text_values,
    _listed_value_condition,
    _money_columns,
    _names_time_column,
    _other_event_of_own_noun,
    _own_noun_time,
    _part_match,
    _person_named,
    _referring_tables,
    _state_readings,
    _time_columns,
)
from airflow_ai_etl.planning.marts.phrase import MartPhrase, _per_grain
from airflow_ai_etl.planning.marts.row_filters import _first_state_event
from airflow_ai_etl.planning.marts.words import (
    _BARE_NULL,
    _IDENTIFIER,
    DATE_NOUNS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    EACH,
    FILLER_EN,
    FILLER_RU,
    IRREGULAR_PARTICIPLES_EN,
    LOAD_VERBS_RU,
    NULL_WORDS,
    ONLY_WORDS,
    TIME_WORDS,
    TIME_WORDS_ALSO,
    MeasureWord,
    _comment_lemmas,
    _comment_stems,
    _comment_words,
    _en,
    _finite_event_verb,
    _grain_adjective,
    _grain_noun,
    _refresh_before,
    _ru,
    _said_excluded,
    _spans_blanked,
    _stops,
    _time_word,
    _verb_times,
    left_out_at,
)
from airflow_ai_etl.planning.patterns import LAST_N
from airflow_ai_etl.planning.request import status_spellings, status_word
from airflow_ai_etl.planning.vocabulary import VALUE_MEANINGS, name_parts, stem

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


# the verbs above, read anywhere in a request (not «записи», a noun); «открывали» too (marts123)
VERBS_ALSO = frozenset({"открыть", "открывать"})


def _single_day_rows(ph: MartPhrase, fact: Table) -> bool:
    """A row of the fact is one day: its event times are date columns (a timesheet's work_date), so the
    largest value "in a single day" is the largest value of a row."""
    times = _time_columns(fact)
    return bool(times) and all(column_kind(c.type).family == "date" for c in times)


def _dated_by_grain(word: str, fact: Table, grain: dict[str, Any] | None) -> bool:
    """The event participle `word` names one time column and the grain is on it («закрыли … по месяцам»)."""
    named = _event_happened(word, fact, None)  # `closed_at IS NOT NULL`: one time column the word names
    return grain is not None and named is not None and _event_happened(word, fact, grain) is None


def _counts_times(tokens: Sequence[Token], m: MeasureWord) -> bool:
    """«сколько раз», "how many times", "number of times": the rows themselves are counted."""
    nxt = tokens[m.index + 1 : m.index + 3]
    return m.func == "count" and any(w.lemma == "раз" or w.lower == "times" for w in nxt)


# English participles of money coming in ("premium payments collected per week"): on a table with money they
# date the rows by their payment and, with no measure word, "collected" says the money is summed (how much).
MONEY_IN_EN = {"collected", "received"}


def _grain(ph: MartPhrase, ground: _Ground, fact: Table, ask: Any) -> tuple[dict[str, str] | None, list[str]]:
    found, questions = _grain_of_words(ph, ground, fact, ask)
    if found is not None and _kept_rows_lack(ph, fact, found["column"]):
        # "failed payments total, daily" of hotel payments: paid_at is NULL on every failed row (asked)
        times = ", ".join(c.name for c in _time_columns(fact))
        return None, [ask("which_time", grain=ph.grain, columns=times)]
    tokens, n = ph.tokens, len(ph.tokens)
    # «помесячно по дате увольнения с работы (hired_at)»: a time column alone in brackets, left unread
    bracketed = [
        tokens[k + 1].text
        for k in range(n - 2)
        if tokens[k].text == "(" and tokens[k + 2].text == ")" and k + 1 not in ph.used
    ]
    disputed = [
        c
        for name in [*ph.grain_disputed, *bracketed]
        if (c := fact.column(name)) is not None and c in _time_columns(fact)
    ]
    if found is not None and ph.grain_column is None and any(c.name != found["column"] for c in disputed):
        # «по неделям увольнения с работы (hired_at)»: the words say fired_at, the bracket hired_at (asked,
        # whatever other rule might read the bracket: «с … (hired_at)» is no `hired_at IS NOT NULL`)
        names = [found["column"], *(c.name for c in disputed if c.name != found["column"])]
        return None, [ask("which_time", grain=ph.grain, columns=", ".join(dict.fromkeys(names)))]
    if found is not None and disputed and all(c.name == found["column"] for c in disputed):
        # «по месяцам продажи (created_at)» of memberships, created_at 'Дата продажи': the grain's words
        # and the bracket agree (the comment dates the event the name does not say): the bracket is read
        opens = [k for k in range(n - 2) if tokens[k].text == "(" and tokens[k + 1].text == found["column"]]
        ph.used.update(j for k in opens for j in range(k, k + 3))
    return found, questions


# Comment nouns that say what kind of value a column holds, not what the rows are about ('Тип операции').
KIND_NOUNS_RU = frozenset({"тип", "вид", "статус", "дата", "время", "категория", "код", "номер", "признак",
                           "сумма", "количество", "состояние", "способ", "канал", "причина",
                           "название"})  # fmt: skip


def _date_of_column_noun(column: Column, times: Sequence[Column]) -> Column | None:
    """ "weekly by operation date" where operation is a text column ('Тип операции (accrual, …)'): the one
    time column whose comment dates the same noun ('Дата операции') is the date said; None when none or
    several do (the text column stays named, and its grain is asked)."""
    nouns = {
        lemma
        for t in tokenize(column.comment or "")
        if t.lang == "ru" and t.parses and t.parses[0].pos == "NOUN"
        for lemma in t.lemmas
    } - KIND_NOUNS_RU
    dated = [c for c in times if c.comment and nouns & _comment_lemmas(c.comment)]
    return dated[0] if len(dated) == 1 else None


def _grain_time_elsewhere(
    ground: _Ground, fact: Table, words: Sequence[Token], parts: set[str]
) -> tuple[Table, Column] | None:
    """«по неделям начала сеанса» over tickets: a Russian genitive among the grain's words naming another
    table, one of whose time columns the event word names (screenings.starts_at 'Начало сеанса'), while no
    time of the fact does: (that table, that column); the grain is on another table's time."""
    for w in words:
        other = ground.table_of(w) if w.lang == "ru" and w.has(w.lemmas, case=("gent",)) else None
        if other is None or other is fact:
            continue
        named = [c for c in _time_columns(other) if any(_part_match(p, c) for p in parts if p)]
        if len(named) == 1:
            return other, named[0]
    return None


def _grain_on_untimely_column(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«по неделям канала (channel)», «по дням способа передачи»: the genitive after a grain names columns of
    the fact and none is a date or time: weeks of a text column mean nothing, so its name (asked)."""
    if ph.grain_genitive is None or ph.grain_words or ph.grain_column:
        return None
    named = _columns_of_word(ground, fact, ph.tokens[ph.grain_genitive])
    if not named or any(column_kind(c.type).temporal for c in named):
        return None
    return named[0].name


def _grain_before_untimely_name(ph: MartPhrase, fact: Table) -> str | None:
    """«по месяцам term_months», "by week shift_hours": a column name written right after a grain noun names
    the grain's column; when it is no date or time, months of it mean nothing and the grain of a date
    column is a guess (a participle, «выданных», may pick one): its name, asked (a grain or a dimension?)."""
    tokens = ph.tokens
    for i in range(1, len(tokens)):
        column = fact.column(tokens[i].text) if _IDENTIFIER.match(tokens[i].text) else None
        if column is not None and _grain_noun(tokens[i - 1]) and not column_kind(column.type).temporal:
            return column.name
    return None


def _english_part(word: Token) -> str:
    """The name part an English grain word says: its stem, or for a hyphenated word ("check-in") its
    pieces' stems joined by "_", so that each piece must be a part of the column's name (checked_in_on,
    not checked_out_on, which "check-in"'s bare stem also started: asked before; marts115)."""
    pieces = [stem(p) for p in word.lower.split("-") if p]
    return "_".join(pieces) if len(pieces) > 1 else stem(word.lower)


def _grain_of_words(
    ph: MartPhrase, ground: _Ground, fact: Table, ask: Any
) -> tuple[dict[str, str] | None, list[str]]:
    if ph.grain is None:
        return None, []
    tokens = ph.tokens
    if ph.grain_column:
        return {"column": ph.grain_column, "grain": ph.grain}, []
    words = [tokens[k] for k in ph.grain_words]
    times = _time_columns(fact)
    untimely = _grain_on_untimely_column(ph, ground, fact) or _grain_before_untimely_name(ph, fact)
    if untimely is not None:
        names = ", ".join(c.name for c in times)
        return None, [ask("grain_not_time", grain=ph.grain, column=untimely, columns=names)]
    if words:
        for w in words:
            if (named := fact.column(w.text)) is not None:
                if not column_kind(named.type).temporal and (noun_date := _date_of_column_noun(named, times)):
                    return {
                        "column": noun_date.name,
                        "grain": ph.grain,
                    }, []  # "by operation date": created_at
                return {"column": w.text, "grain": ph.grain}, []
        owner = ground.table_of(tokens[ph.grain_owner]) if ph.grain_owner is not None else None
        if owner is not None and owner is not fact:
            # "sessions monthly by station opening": another table's event, no time of the fact's rows (asked)
            return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]
        # "month of check-in", "week of check in": the column's name written with a hyphen or apart
        readings: list[Token | Sequence[Token]] = [*words, words]
        spelled = [c for w in readings if (c := _column_spelled_apart(fact, w)) is not None]
        if spelled and spelled[0] in times:
            return {"column": spelled[0].name, "grain": ph.grain}, []
        heard = _heard_time_columns(words, times)
        if len(heard) == 1:  # «по времени слота»: slot_at, its English name said by ear
            return {"column": heard[0].name, "grain": ph.grain}, []
        parts = {p for w in words for p in ([_time_word(w)] if _time_word(w) else [])}
        parts |= {TIME_WORDS_ALSO[lemma] for w in words for lemma in w.lemmas if lemma in TIME_WORDS_ALSO}
        parts |= {_english_part(w) for w in words if w.lang == "en"}
        if _money_columns(fact) and any(w.lower in MONEY_IN_EN for w in words):
            parts.add("paid")  # "payments collected per week": money collected is dated by its payment
        for w in words:  # a hyphenated meaning ("check-in") needs each of its pieces in the name, as above
            parts |= {m.replace("-", "_") for m in ground.meanings(w.lower)}
        matched = [c for c in times if any(_part_match(p, c) for p in parts if p)]
        if len(matched) == 1:
            return {"column": matched[0].name, "grain": ph.grain}, []
        evented = [c for c in times if any(_event_names_time(c, w) for w in words)]
        if not matched and len(evented) == 1:  # "by trip end": finished_at 'Окончание аренды'
            return {"column": evented[0].name, "grain": ph.grain}, []
        if (
            not matched
            and not evented
            and (elsewhere := _grain_time_elsewhere(ground, fact, words, {p for p in parts if p}))
        ):
            # «по дням начала сеанса» of tickets: the screening's starts_at, a key away (asked, never sold_at)
            owner, column = elsewhere
            return None, [ask("column_elsewhere", table=fact.name, column=column.name, tables=owner.name)]
        commented = [c for c in times if any(_comment_names(c, w) for w in words if w.lang == "ru")]
        if (
            len(commented) > 1
        ):  # «по месяцам открытия заявки»: 'Дата открытия заявки', not '… закрытия заявки'
            commented = [c for c in commented if all(_comment_names(c, w) for w in words if w.lang == "ru")]
        if (own_time := _own_noun_time(words, fact, times, commented)) is not None:
            return {"column": own_time.name, "grain": ph.grain}, []  # «по неделям записи»: booked_at
        commented = [c for c in commented if not _other_event_of_own_noun(c, words, fact)]
        if len(commented) == 1:  # «по дате экзамена»: grades.exam_date, 'Дата экзамена'
            return {"column": commented[0].name, "grain": ph.grain}, []
        own_words = {*name_parts(fact.name), stem(fact.schema.lower())}
        said = {m for w in words for m in ground.meanings(w.lower) | {stem(w.lower)}}
        unit = [c for c in times if c.comment and GRAIN_UNIT_RU[ph.grain] in _comment_lemmas(c.comment)]
        if len(unit) == 1 and said & own_words:
            # "per billing month" of billing.charges: the rows' own month, the column 'Расчётный месяц'
            return {"column": unit[0].name, "grain": ph.grain}, []
        if len(times) > 1 and _event_noun_read_nowhere(ph, ground, times):
            # «по дням по времени слота» of bookings (no slot): the noun naming the time is asked, never
            # created_at by another word of the request
            return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]
        spelled_in = _comment_spelling_columns(words, times) if not matched else []
        if len(spelled_in) == 1:  # "hourly by tracker time": recorded_at 'Время замера на трекере'
            return {"column": spelled_in[0].name, "grain": ph.grain}, []
        if len(times) > 1 and all(w.lang == "en" for w in words):
            # "per billing week": an English qualifier naming no time column is asked, not created_at
            # (Russian qualifiers go on to the verb and «создания» rules below)
            return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]
    if len(times) == 1:
        if times[0].name == "created_at" and (active := _people_active_elsewhere(ph, ground, fact)):
            # «Клиенты по источникам помесячно» (marts134, mbf-ru-48): a register of people whose one time is
            # its profile's creation — profiles written that month, or people active then (viewings, deals)?
            tables = ", ".join(active)
            return None, [ask("profile_or_activity", table=fact.name, column=times[0].name, tables=tables)]
        return {"column": times[0].name, "grain": ph.grain}, []
    if (event := _english_event_column(ph, times)) is not None:  # "check-ins" -> checked_in_on
        return {"column": event.name, "grain": ph.grain}, []
    if (event := _participle_after_fact(ph, ground, fact, times)) is not None:  # "tickets closed per week"
        return {"column": event.name, "grain": ph.grain}, []
    in_dims = {k for words in ph.dims for k in words}
    in_dims |= _measured_comment_words(ph, fact)  # «сколько оплачено» of amount_paid 'Оплачено': the measure
    records = {  # «Записи (на приём)»: booked or visit? the noun and its complement name the table
        j
        for k, w in enumerate(tokens)
        if w.lang == "ru" and ground.table_of(w) is fact and _record_of_event(w, fact, times, tokens)
        for j in (k, k + 2)
        if j == k or (k + 2 < len(tokens) and tokens[k + 1].lower in RECORD_LINKS)
    }
    events = [  # not «по статусам оплаты» (a dimension's word), not "paid invoices" (a state, a filter)
        w for k, w in enumerate(tokens)
        if k not in in_dims and k not in records and w.lang == "ru" and _time_word(w)
        and not (k > 0 and tokens[k - 1].lower == "не") and not (k > 1 and tokens[k - 2].lower == "не")
        and not _excluded_state_word(tokens, k)  # «кроме закрытых»: the rows kept lack that time
        and not (ground.table_of(w) is fact and _two_time_readings(w, times))
        and not (k > 0 and tokens[k - 1].lower in ONLY_WORDS)  # «только закрытые (done)»: a state, a filter
        and not _noun_of_only_state(tokens, k)  # «только опоздавшие доставки»: the filter's noun (marts104)
    ]  # fmt: skip  # «сколько сотрудников принято по месяцам»; «ещё не вернули» is a state (a filter)
    anywhere = {p for w in events if (p := _time_word(w))}
    matched = [c for c in times if any(_part_match(p, c) for p in anywhere)]
    if not matched and any(_says_registration(w) for w in events):
        # «участников … зарегистрировалось» of members (no created_at): registered_at, the verb's registration
        matched = [c for c in times if _part_match("regist", c)]
    if not matched:  # «сколько вкладов открыли»: no created_at, the verb's second reading (opened_on)
        also = {
            TIME_WORDS_ALSO[x]
            for k, w in enumerate(tokens)
            if k not in in_dims
            for x in w.lemmas & VERBS_ALSO
        }
        matched = [c for c in times if any(_part_match(p, c) for p in also)]
    if len(matched) == 1:
        return {"column": matched[0].name, "grain": ph.grain}, []
    own = [c for c in times if set(name_parts(c.name)) & set(name_parts(fact.name))]
    if len(own) == 1:  # visits.visit_date: the table's own date
        return {"column": own[0].name, "grain": ph.grain}, []
    # a date whose comment is the grain's own unit is the period the row is about, not when it was written
    # or paid («сумма начислений помесячно»: charges.period 'Расчётный месяц'; scholarships.period 'Месяц
    # начисления' over paid_at)
    unit = [c for c in times if c.comment and GRAIN_UNIT_RU[ph.grain] in _comment_lemmas(c.comment)]
    if len(unit) == 1:
        return {"column": unit[0].name, "grain": ph.grain}, []
    created = [c for c in times if c.name == "created_at"]
    if created and not unit and all(not c.name.endswith("_at") or c.name == "created_at" for c in times):
        dated = _dated_event_columns(fact, times)
        if len(dated) == 1:  # grades.exam_date 'Дата экзамена' of 'Оценки за экзамены': what the row records
            return {"column": dated[0].name, "grain": ph.grain}, []
        if _own_event_dates(fact, times):  # freezes: 'Начало заморозки' beside created_at 'Дата оформления'
            return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]
        if active := _people_active_elsewhere(ph, ground, fact):
            # «сколько пассажиров по месяцам»: profiles written that month, or people who flew (tickets)?
            return None, [
                ask("profile_or_activity", table=fact.name, column=created[0].name, tables=", ".join(active))
            ]
        return {"column": "created_at", "grain": ph.grain}, []  # when the row was written
    if created and not unit and (event := _time_of_own_event(ph, fact, times)) is not None:
        # beside another event time (posted_at 'Время проводки'), the grain is on the time of what each row
        # records: transactions.created_at 'Время операции' of 'Операции по счетам и картам' (marts30)
        return {"column": event.name, "grain": ph.grain}, []
    if not times:
        return None, [ask("no_time", table=fact.name)]
    if (kept := _time_not_said_empty(ph, fact, times)) is not None:
        return {"column": kept.name, "grain": ph.grain}, []  # "(paid_at empty)": issued_at
    if (every := _time_every_row_has(ph, ground, fact, times)) is not None:
        # «сколько поездок по дням»: started_at NOT NULL beside a nullable finished_at (round marts66)
        return {"column": every.name, "grain": ph.grain}, []
    if (beside := _window_named_time(ph, times)) is not None:
        return {"column": beside.name, "grain": ph.grain}, []  # "daily, by slot_at over the last 20 days"
    return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]


def _window_named_time(ph: MartPhrase, times: Sequence[Column]) -> Column | None:
    """ "Repair bookings per channel, daily by slot_at, over the last twenty days": a time column named
    beside a rolling window (its "by"/«по» taken by the window: window_named.py) is the one time the request
    names, so a grain nothing else dates is on it too (marts116; it was asked). None with no window, or with
    two time columns named."""
    if LAST_N.search(" ".join(t.lower for t in ph.tokens)) is None:
        return None
    named = [
        c
        for c in times
        if any(t.lower == c.name.lower() for k, t in enumerate(ph.tokens) if k not in ph.used)
    ]
    return named[0] if len(named) == 1 else None


def _measured_comment_words(ph: MartPhrase, fact: Table) -> set[int]:
    """The words from a measure's cue on that spell together the comment of one of the fact's numeric columns
    («сколько оплачено» of amount_paid 'Оплачено', «сумма к оплате» of amount_due 'Сумма к оплате'): they
    name what is measured, not the event the grain is on, so the grain's time is left to the other rules
    (loan_payments: asked, README marts66 rule 3; marts106)."""
    numeric = [c for c in fact.columns if c.comment and column_kind(c.type).numeric]
    tokens = ph.tokens
    found: set[int] = set()
    for m in ph.measures:
        window = [k for k in range(m.index, min(len(tokens), m.index + 4)) if tokens[k].lang == "ru"]
        for c in numeric:
            lemmas = _comment_lemmas(c.comment or "")
            for end in range(1, len(window) + 1):
                said = window[:end]
                if lemmas <= {x for k in said for x in tokens[k].lemmas}:
                    found.update(k for k in said if tokens[k].lemmas & lemmas)
                    break
    return found


# Words that may stand between an exclusion cue and the state it excludes: «кроме решённых и закрытых».
STATE_LIST_LINKS = frozenset({"и", "или", ",", "and", "or"})
# Cues after the states they exclude, ending their clause ("… holds excluded", «… не берём»).
EXCLUDED_AFTER = frozenset({"excluded", "omitted", "не"})


def _excluded_state_word(tokens: Sequence[Token], k: int) -> bool:
    """«кроме закрытых», «без отменённых и закрытых», "excluding closed ones": the word is a state the request
    excludes (a cue before it, maybe across a list of states). The rows kept are those without that event, so
    its time column never dates them (the grain on closed_at would keep only rows the filter drops)."""
    j = k - 1
    while j >= 0 and k - j <= 6:
        t = tokens[j]
        if t.lower in STATE_CUES:
            return True
        if t.lower in STATE_LIST_LINKS or _state_adjective_form(t):
            j -= 1
            continue
        break
    # "expired and cancelled holds excluded", «отменённые и закрытые не берём»: the cue after the list; a
    # relative clause's verb is closed by its comma first («заявки, которые отменили, не считаем»: marts112)
    relative = k > 0 and (tokens[k - 1].lemma == "который" or tokens[k - 1].lower in ("that", "which"))
    for j, t in enumerate(tokens[k + 1 : k + 6], start=k + 1):
        if t.lower in EXCLUDED_AFTER or left_out_at(tokens, j):
            return True
        if t.text == "," and relative and j == k + 1:
            continue
        if t.text in (",", ".", ";", ":"):
            return False
    return False


def _noun_of_only_state(tokens: Sequence[Token], k: int) -> bool:
    """«только опоздавшие доставки», "only late deliveries": the rows' noun after an only-word and the state
    it keeps names which rows are kept, not the event that dates them (delivered_at is no grain of «…
    помесячно, только опоздавшие доставки»; the time stays asked or read as without the filter)."""
    return k > 1 and tokens[k - 2].lower in ONLY_WORDS and _state_adjective_form(tokens[k - 1])


def _state_adjective_form(token: Token) -> bool:
    """A participle or adjective (a state said in a list: «решённых», "cancelled")."""
    if token.lang == "en":
        return token.lower.endswith("ed")
    return token.lang == "ru" and any(p.pos in ("PRTF", "ADJF") for p in token.parses[:1])


def _heard_time_columns(words: Sequence[Token], times: Sequence[Column]) -> list[Column]:
    """The time columns a Russian grain word names by ear: the word is a part of the column's English name
    spelled in Cyrillic («слота» of slot_at)."""
    return [
        c
        for c in times
        if any(
            w.lang == "ru" and transliterates(w.lower, part)
            for w in words
            for part in c.name.lower().split("_")
            if len(part) >= 3
        )
    ]


def _comment_spelling_columns(words: Sequence[Token], times: Sequence[Column]) -> list[Column]:
    """The time columns whose comment holds a Russian noun that spells an English grain word by ear
    ("tracker" of 'Время замера на трекере', "server" of 'Время получения на сервере'): the English side of
    _heard_time_columns (marts125)."""
    english = [w.lower for w in words if w.lang == "en" and len(w.lower) >= 4]
    return [
        c
        for c in times
        if english
        and any(
            transliterates(t.lower, word)
            for t in tokenize(c.comment or "")
            if t.lang == "ru"
            for word in english
        )
    ]


def _event_noun_read_nowhere(ph: MartPhrase, ground: _Ground, times: Sequence[Column]) -> bool:
    """A Russian noun in the genitive right after «по времени/дате» naming no time column, no event word,
    no table and no word of a time column's comment («по времени слота» where no column is a slot): the time
    the request names is not there (asked)."""
    tokens = ph.tokens
    for k in ph.grain_words:
        w = tokens[k]
        if w.lang != "ru" or k == 0 or tokens[k - 1].lemma not in DATE_NOUNS:
            continue
        if not any(p.pos == "NOUN" and p.case == "gent" for p in w.parses):
            continue
        if any(lemma.endswith(("ние", "тие")) for lemma in w.lemmas):
            continue  # «по дате оформления»: a deverbal noun names an event the rules below may date
        if _time_word(w) or w.lemmas & set(TIME_WORDS_ALSO) or ground.table_of(w) is not None:
            continue
        if any(_comment_names(c, w) or _part_match(stem(w.lower), c) for c in times):
            continue
        return True
    return False


# --- round marts66: the time every row has, when the request names no time column -------------------------

# Time columns that record the row's load, not its event (beside UPDATE_COLUMNS, which no grain takes).
LOAD_TIME_COLUMNS = frozenset({"loaded_at", "ingested_at", "inserted_at", "imported_at", "synced_at"})
# A deadline or a plan dates what is due, not what happened: stems of its name's parts, its comment's lemmas
# (due_date 'Плановая дата платежа', expires_on 'Срок действия', promised_at 'Обещанное время доставки').
DEADLINE_PARTS = ("due", "expir", "matur", "valid", "next", "deadlin", "promis", "plan")
DEADLINE_LEMMAS = frozenset({"плановый", "срок", "следующий", "обещать", "обещанный", "действовать"})
# English words before a state participle ("excluding closed ones") and Russian negations/exclusions.
STATE_CUES = frozenset({"excluding", "except", "without", "not", "no", "non", "без", "кроме", "не"})


# Russian verbs of a mart request that say no event of the rows («построй», «обнови», «посчитай»).
REQUEST_VERBS_RU = frozenset({"обновлять", "обновить", "пересчитывать", "пересчитать", "считать", "хотеть"})


def _time_every_row_has(
    ph: MartPhrase, ground: _Ground, fact: Table, times: Sequence[Column]
) -> Column | None:
    """The grain's time column when the request names none and no word settles it: the one time every row
    has. Of the fact's event times (no bookkeeping: a load time, a created_at commented as the record's
    creation; no deadline or plan), the one declared NOT NULL when every other is nullable — the start of a
    span (started_at beside ended_at, checked_in_at beside checked_out_at) or the first event of a lifecycle
    (created_at, opened_at, sold_at, issued_on beside closed_at, resolved_at, refunded_at): a nullable time
    is an outcome not every row has yet, and grouping every row by it would drop the rows that lack it. A
    table whose name names its event (payments: paid_at) beside nothing but the row's creation is dated by
    that event when the request keeps the rows whose state says it happened. None (asked) for a register of
    people (a profile's creation or their activity elsewhere), for two NOT NULL event times or none, and when
    a word of the request names the event of another time column."""
    if ph.grain_words or _register_of_people(fact):
        return None
    events = [c for c in times if not _record_time(c, fact) and not _deadline_time(c)]
    own = _own_name_events(fact, events)
    if len(own) == 1 and own[0].nullable:
        # payments: paid_at, the table's own event, or created_at, when each row was made (pending and failed
        # ones too)? paid_at only when the request keeps the rows whose state says they were paid
        rest = [c for c in events if c is not own[0]]
        if not rest or not all(_creation_time(c) for c in rest) or not _keeps_done_rows(ph, fact):
            return None  # premium_payments: paid_at beside created_at 'Дата выставления' (billed): asked
        chosen = own[0]
    else:
        required = [c for c in events if not c.nullable]
        if len(required) != 1:
            return None
        chosen = required[0]
    others = [c for c in times if c is not chosen]
    return None if _names_other_event(ph, ground, fact, chosen, others) else chosen


# Listed states saying a row's own event happened ("succeeded" payments have their paid_at).
DONE_VALUES = frozenset({"succeeded", "success", "successful", "paid", "completed", "done", "settled"})


def _keeps_done_rows(ph: MartPhrase, fact: Table) -> bool:
    """«только успешные», "succeeded payments": a word of the request means a listed state of the fact saying
    its event happened (status 'succeeded'), not after a negation or an exclusion («без успешных»)."""
    return any(said & DONE_VALUES for said in _states_said(ph, fact))


def _states_said(ph: MartPhrase, fact: Table) -> Iterator[set[str]]:
    """For each word of the request not right after a state cue: the fact's listed states it says (lowercase),
    read as a state word or, un-negated, by the status word's spellings the comment lists ("successful" of
    'succeeded'; marts94)."""
    listed = _listed_text_values(fact)
    values = {v.lower() for _, v in listed}
    tokens = ph.tokens
    for k, t in enumerate(tokens):
        if t.lang not in ("ru", "en") or _excluded_state_word(tokens, k):
            continue
        said = {v.lower() for _, v in _state_readings(t, listed, [])[0]}
        word, negated = status_word(t.lower)
        if word and not negated:
            said |= values & set(status_spellings(word))
        yield said


# Listed states saying a row's own event did not happen (yet): a failed payment has no paid_at.
UNDONE_VALUES = frozenset({"failed", "declined", "rejected", "pending", "error", "unpaid"})


def _kept_rows_lack(ph: MartPhrase, fact: Table, column: str) -> bool:
    """The grain's time column, chosen by no word of the grain, is nullable and the request keeps only rows
    in a listed state saying the event did not happen («неуспешных платежей», "failed payments"): those rows
    have no such time, the grain would drop every one of them."""
    chosen = fact.column(column)
    if ph.grain_words or ph.grain_column or chosen is None or not chosen.nullable:
        return False
    return any(
        said & UNDONE_VALUES and not any(_part_match(stem(v), chosen) for v in said)
        for said in _states_said(ph, fact)
    )


def _register_of_people(fact: Table) -> bool:
    """A table of people (full_name, a birth date): grouped by when their profile was made or by what they did
    elsewhere (asked, as for created_at: profile_or_activity)."""
    return any(
        c.name.lower() in ("full_name", "birth_date") or "рождение" in _comment_lemmas(c.comment or "")
        for c in fact.columns
    )


def _record_time(column: Column, fact: Table) -> bool:
    """A time of the row's bookkeeping: its load (loaded_at, 'Когда загружен курс') or a created_at commented
    as the record's creation ('Дата создания записи') where the table's rows are no «записи» themselves."""
    if column.name.lower() in LOAD_TIME_COLUMNS:
        return True
    lemmas = _comment_lemmas(column.comment or "")
    if lemmas & {"загрузить", "загрузка"}:
        return True
    own = _comment_lemmas(fact.comment or "")
    return {"создание", "запись"} <= lemmas and "запись" not in own


def _deadline_time(column: Column) -> bool:
    """A deadline or a plan (due_date, expires_on, matures_on, valid_to, 'Плановое время вылета')."""
    if any(p.startswith(DEADLINE_PARTS) for p in name_parts(column.name)):
        return True
    return bool(_comment_lemmas(column.comment or "") & DEADLINE_LEMMAS)


def _creation_time(column: Column) -> bool:
    """created_at with no comment or one saying the creation ('Дата создания платежа'): when the row was
    made."""
    if column.name.lower() != "created_at":
        return False
    return (
        not column.comment
        or "создание" in _comment_lemmas(column.comment)
        or "creat" in column.comment.lower()
    )


def _own_name_events(fact: Table, events: Sequence[Column]) -> list[Column]:
    """The time columns the table's own English name names as its event (payments -> paid_at, sales ->
    sold_at): TIME_WORDS of the name's parts, singular."""
    parts: set[str] = set()
    for raw in re.split(r"[_.]", fact.name.lower()):
        singular = raw[:-3] + "y" if raw.endswith("ies") else raw[:-1] if raw.endswith("s") else raw
        parts |= {TIME_WORDS[w] for w in (raw, singular) if w in TIME_WORDS}
    return [c for c in events if any(_part_match(p, c) for p in parts)]


def _names_other_event(
    ph: MartPhrase, ground: _Ground, fact: Table, chosen: Column, others: Sequence[Column]
) -> bool:
    """A word of the request that names the event of a time column other than ``chosen``, or an event no
    column is known to date, so the default would be a guess: a Russian finite verb or gerund («погасили»,
    «завершилось», «уходили»; a short participle «возвращено» when it names a time), an English participle
    naming another time ("tickets were refunded", "posted amount"), a noun of another column's comment
    («возвратов» of 'Время возврата'), an English noun of another column's name ("refunds"). A state is no
    event: a participle before the fact's noun ("refunded tickets", «только завершённые»), a word after an
    exclusion ("excluding closed ones")."""
    tokens = ph.tokens
    in_dims = {k for words in ph.dims for k in words}
    scheduled = {k for a, b in ph.schedule_spans for k in range(a, b)}
    other_nouns = {lemma for c in others for lemma in _date_of_what(c.comment or "")}
    for k, t in enumerate(tokens):
        if k in in_dims or k in scheduled or t.lang not in ("ru", "en"):
            continue
        if any(w.lower in STATE_CUES for w in tokens[max(0, k - 2) : k]) or _excluded_state_word(tokens, k):
            continue  # "excluding closed ones", «без отменённых», "expired … excluded": a state left out
        if t.lang == "ru":
            if t.lemmas & other_nouns and any(p.pos == "NOUN" for p in t.parses[:1]):
                return True  # «сумма возвратов» of cinema tickets: refunded_at 'Время возврата'
            pos = t.parses[0].pos if t.parses else None
            if pos not in ("VERB", "GRND", "PRTS") or t.lemmas & (
                FILLER_RU | LOAD_VERBS_RU | REQUEST_VERBS_RU
            ):
                continue
            named = _verb_columns(t, [chosen, *others])
            if named and named != [chosen]:
                return True  # «сколько кредитов погасили»: closed_on 'Дата погашения'
            if not named and pos != "PRTS" and k not in ph.used:
                return True  # «сколько поездок завершилось»: an event no time column is known to date
            continue
        if not (t.lower.endswith("ed") or t.lower in IRREGULAR_PARTICIPLES_EN):
            if (
                len(t.lower) >= 4
                and t.lower not in FILLER_EN
                and any(_part_match(stem(t.lower), c) for c in others)
            ):
                if not _part_match(stem(t.lower), chosen):
                    return True  # "refunds per channel per day": refunded_at
            continue
        before_rows = k + 1 < len(tokens) and (
            _names_fact(ground, fact, tokens[k + 1]) or tokens[k + 1].lower in ("ones", "only")
        )
        if not before_rows and any(c is not chosen for c in _verb_columns(t, [chosen, *others])):
            return True  # "tickets were refunded", "posted amount" (posted_at); not "refunded tickets"
    return False


def _names_fact(ground: _Ground, fact: Table, token: Token) -> bool:
    """The word is the fact's own noun ("tickets" of support_tickets, "sessions")."""
    return ground.table_of(token) is fact or (
        token.lang == "en" and stem(token.lower) in name_parts(fact.name)
    )


def _verb_columns(token: Token, columns: Sequence[Column]) -> list[Column]:
    """The columns a verb or participle dates: by its time readings (_verb_times) or, in Russian, by a comment
    noun of the same root («погасили» ~ 'Дата погашения', «продали» ~ 'Время продажи')."""
    readings = _verb_times(token)
    named = [c for c in columns if any(_part_match(p, c) for p in readings if p)]
    if named or token.lang != "ru":
        return named
    roots = {lemma[:4] for lemma in token.lemmas if len(lemma) >= 5}
    return [
        c
        for c in columns
        if any(lemma[:4] in roots for lemma in _date_of_what(c.comment or "") if len(lemma) >= 5)
    ]


def _time_not_said_empty(ph: MartPhrase, fact: Table, times: Sequence[Column]) -> Column | None:
    """ "Fines total monthly, only unpaid (paid_at empty)": a time the request says is empty dates no row it
    keeps, so the grain is on the one other time column; None when none or several are left (asked)."""
    empty = _times_said_empty(ph, fact)
    rest = [c for c in times if c.name not in empty]
    return rest[0] if empty and len(rest) == 1 else None


def _times_said_empty(ph: MartPhrase, fact: Table) -> set[str]:
    """The fact's columns the request says are empty ("(paid_at empty)", «paid_at пустой»), as the filter
    rules will read them (:func:`_bare_null_check`)."""
    text = " ".join(t.text for t in ph.tokens)
    return {
        column.name
        for match in _BARE_NULL.finditer(text)
        if (column := fact.column(match.group("col"))) is not None
        and match.group("word").lower().startswith(NULL_WORDS) != bool(match.group("not"))
    }


def _people_active_elsewhere(ph: MartPhrase, ground: _Ground, fact: Table) -> list[str]:
    """People counted per grain that only their profile's creation would date («сколько пассажиров по
    месяцам», "passengers per month"), while other tables record what they do with a time of their own
    (tickets, bookings): those tables (registrations or activity, asked). A word of newness («новые», "new")
    says the registrations; a count of anything but the rows is no count of people."""
    if not _person_named(fact) or any(m.func != "count" for m in ph.measures):
        return []
    if any(t.lemma == "новый" or t.lower in ("new", "newly") for t in ph.tokens):
        return []
    if _registration_columns(fact) and any(_says_registration(t) for t in ph.tokens):
        return []  # "passengers registered per tier per month": created_at 'Дата регистрации профиля'
    return [t.name for t in _referring_tables(ground, fact) if _time_columns(t)]


def _registration_columns(fact: Table) -> list[Column]:
    """The fact's time columns a registration names: by name (registered_at) or by comment (created_at 'Дата
    регистрации гостя')."""
    return [
        c for c in _time_columns(fact)
        if _part_match("regist", c) or "регистрация" in _comment_lemmas(c.comment or "")
    ]  # fmt: skip


def _says_registration(token: Token) -> bool:
    """«зарегистрировалось», «регистрируются», "registered": a word whose time reading is the registration
    (TIME_WORDS, its second reading or, in English, its stem), which dates people by their own profile."""
    readings = {_time_word(token), *(TIME_WORDS_ALSO.get(lemma) for lemma in token.lemmas)}
    if token.lang == "en":
        readings.add(TIME_WORDS.get(stem(token.lower)))
    return "regist" in readings


GRAIN_UNIT_RU = {"hour": "час", "day": "день", "week": "неделя", "month": "месяц"}


def _dated_event_columns(fact: Table, times: Sequence[Column], *, written_too: bool = False) -> list[Column]:
    """The fact's dates (other than created_at, unless ``written_too``) commented as the date of an event the
    table's own comment names ('Дата экзамена' of 'Оценки за экзамены и зачёты', 'Дата обхода' of 'Обходы и
    проверки …'): the date of what each row records, which a grain means over the time the row was written. A
    date the table's comment does not name (birth_date 'Дата рождения' of 'Страхователи') is an attribute, and
    a period ('Расчётный месяц') no event date."""
    if not fact.comment:
        return []
    own = {
        p.lemma for t in tokenize(fact.comment) if t.lang == "ru" for p in t.parses[:1] if p.pos == "NOUN"
    } - DATE_NOUNS
    return [
        c for c in times if (written_too or c.name != "created_at") and own & _date_of_what(c.comment or "")
    ]


def _time_of_own_event(ph: MartPhrase, fact: Table, times: Sequence[Column]) -> Column | None:
    """The one time column (created_at too) commented as the time of the event the table's comment names
    (created_at 'Время операции' of 'Операции по счетам и картам'), unless a word of the request names the
    event another time column dates («сумма проводок»: posted_at 'Время проводки'; "postings", "posted
    amount": its name), which is asked."""
    dated = _dated_event_columns(fact, times, written_too=True)
    if len(dated) != 1:
        return None
    others = [c for c in times if c is not dated[0]]
    events = {lemma for c in others for lemma in _date_of_what(c.comment or "")}
    for t in ph.tokens:
        said = _time_word(t) if t.lang == "ru" else stem(t.lower)
        if (t.lang == "ru" and events & t.lemmas) or (
            said and len(said) >= 4 and any(_part_match(said, c) for c in others)
        ):
            return None
    return dated[0]


def _date_of_what(comment: str) -> set[str]:
    """The lemmas of the noun a date comment dates ('Дата экзамена' -> «экзамен»); empty for a comment not
    headed by a date noun ('Расчётный месяц')."""
    words = [t for t in tokenize(comment) if t.lang == "ru"]
    if len(words) < 2 or words[0].lemma not in DATE_NOUNS:
        return set()
    return set(words[1].lemmas)


def _two_time_readings(word: Token, times: Sequence[Column]) -> bool:
    """«записи» of appointments: the fact's own noun whose readings name two of its time columns (booked,
    created_at, or the appointment itself, scheduled_at) says neither; with no other word it is asked."""
    readings = {_time_word(word), *(TIME_WORDS_ALSO.get(lemma) for lemma in word.lemmas)} - {None}
    return len({c.name for c in times for p in readings if p and _part_match(p, c)}) > 1


def _record_of_event(word: Token, fact: Table, times: Sequence[Column], tokens: Sequence[Token]) -> bool:
    """«Записи по источникам помесячно» of appointments ('Записи на приём'): the fact's own noun reads as the
    record's creation (created_at 'Время создания записи'), while the fact's comment names the event the
    record is of («приём»), which another time column dates (visit_at 'Время приёма'): when the rows were
    booked or when the visits are is not said (asked, as for two readings of the noun). A verb of the noun
    («сколько записей записали»: the booking done) says the creation."""
    if _time_word(word) != "creat":
        return False  # «доставок» names the delivery itself (delivered_at), no record of another event
    root = word.lemma[:5]  # «запись», «записать»: one root (Snowball stems them apart)
    if any(
        t.lang == "ru" and t.parses and t.parses[0].pos in ("VERB", "INFN") and t.lemma[:5] == root
        for t in tokens
    ):
        return False
    created = [c for c in times if _part_match("creat", c)]
    if len(created) != 1:
        return False
    event = _comment_lemmas(fact.comment or "") - word.lemmas - RECORD_LINKS
    if any(c is not created[0] and event & (_comment_lemmas(c.comment or "") - DATE_NOUNS) for c in times):
        return True
    return _booked_for_time(fact, created[0], times)


def _booked_for_time(fact: Table, created: Column, times: Sequence[Column]) -> bool:
    """«Записи на ремонт и обслуживание» beside slot_at 'Время, на которое записан клиент': the table's rows
    are records *for* something («на …»), and another event time every row has (NOT NULL, no deadline, no
    bookkeeping) dates what was booked, while created_at dates the booking: two times every row has, and the
    record noun says neither (asked, README marts66 rule 3 and marts100 #7; marts106)."""
    if created.nullable or "на" not in _comment_lemmas(fact.comment or ""):
        return False
    return any(
        c is not created and not c.nullable and not _deadline_time(c) and not _record_time(c, fact)
        for c in times
    )


# Function words of a table's comment, never the event its rows record («Записи на приём»).
RECORD_LINKS = frozenset({"на", "в", "по", "и", "для", "с", "к", "о", "от", "за"})


# --- round marts12: grains the mart does not offer, date phrases, «сколько начислено» --------------------

# A time unit a mart has no grain for (hour/day/week/month only): a noun after «по»/«за каждый»/"per"/"by",
# an adverb («поквартально») or an adjective in front of the measure («ежегодная выручка», "quarterly").
OTHER_GRAIN_RU = {"квартал", "год", "полугодие", "декада"}
OTHER_GRAIN_EN = {"quarter", "quarters", "year", "years"}
OTHER_GRAIN_ADJ_RU = {"квартальный", "ежеквартальный", "годовой", "ежегодный", "полугодовой", "годичный"}
OTHER_GRAIN_ADV_RU = {"поквартально", "погодично", "погодово", "пополугодично"}
OTHER_GRAIN_ADJ_EN = {"quarterly", "yearly", "annual", "annually", "biannual", "semiannual"}


def _unsupported_grain(ph: MartPhrase) -> str | None:
    """«средний оклад по кварталам найма», "revenue per year", «ежегодная сумма», "quarterly counts": a grain
    the mart model does not offer; the word, to be asked about (never a raw date dimension instead). A
    refresh phrase («обновлять ежегодно», "refreshed yearly") and a period («за последний год») are not."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i, t in enumerate(tokens):
        if t.lang not in ("ru", "en") or _refresh_before(tokens, i):
            continue
        if t.lower in OTHER_GRAIN_ADV_RU:
            return t.text
        if _ru(t, OTHER_GRAIN_ADJ_RU) and t.has(t.lemmas, pos=("ADJF",)):
            return t.text  # attributive: «ежегодная сумма», «квартальная выручка»
        if _en(t, OTHER_GRAIN_ADJ_EN):
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.lang == "en" and nxt.lower not in ("at", "on") and not _stops(nxt):
                return t.text  # "quarterly visit counts", not "refresh yearly at 3"
            continue
        unit = _ru(t, OTHER_GRAIN_RU) and any(p.pos == "NOUN" for p in t.parses[:1])
        if not (unit or _en(t, OTHER_GRAIN_EN)):
            continue
        k = i - 1
        if k >= 0 and (tokens[k].lemma in EACH or tokens[k].lower in EACH):
            k -= 1  # «за каждый квартал», "each quarter"
            if k < 0 or tokens[k].lower in ("за", "в", "во", "for", "by", "per"):
                return t.text
            continue
        if k < 0 or any(a <= tokens[k].start < b for a, b in ph.schedule_spans):
            continue
        if tokens[k].lower in DIM_PREPS_EN:
            return t.text  # "per quarter", "by year"
        if tokens[k].lower in DIM_PREPS_RU and t.has(t.lemmas, case=("datv",), number="plur"):
            return t.text  # «по кварталам», «по годам»
        if tokens[k].lower in ("в", "во") and k > 0 and _per_grain(ph, tokens[k - 1], tokens[k], t):
            return t.text  # «сколько заказов в квартал»
    return None


def _date_phrase_grain(ph: MartPhrase) -> str | None:
    """«по дате визита», "by visit date", "by exam date" with no grain word: the day of that date is the
    grain («дата» is a day); «по времени оплаты», "by collection time" say no grain, so the words are
    returned to be asked about. None when a grain is named or no such phrase is there."""
    if ph.grain is not None:
        return None
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if not (t.lower in DATE_NOUNS or t.lemma in DATE_NOUNS) or t.lang not in ("ru", "en"):
            continue
        if i in ph.no_time_cut:
            continue  # «без разбивки по времени»: no grain wanted, nothing to ask
        if i in ph.window_dates:
            continue  # «за последние 30 дней по дате заявления»: the window's time column (marts115)
        in_dim = any(i in words for words in ph.dims)
        if i not in ph.used and not in_dim:
            continue
        back = [tokens[k].lower for k in range(max(0, i - 2), i)]
        if not any(w in DIM_PREPS_RU | DIM_PREPS_EN for w in back):
            continue  # «по дате визита», "by visit date", "per issue date"
        if t.lower in ("date", "дата") or t.lemma == "дата":
            ph.grain = "day"
            continue
        return " ".join(tokens[k].text for k in range(i - (len(back) - 1), min(len(tokens), i + 2)))
    return None


def _qualified_grain_column(ph: MartPhrase, fact: Table) -> None:
    """ "by signup week (users.created_at)", «по неделям регистрации (users.created_at)»: a column named with
    its table in brackets right after the grain words is the grain's column, as a bare name there is, when
    the table is the fact's (another table's column is left unread, so it is asked about)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if ph.grain is None or ph.grain_column is not None:
        return
    for k in range(1, n - 2):
        if tokens[k].text != "(" or tokens[k + 2].text != ")" or k - 1 not in ph.used:
            continue
        if k + 1 in ph.used and k + 1 not in ph.grain_words:
            continue  # read by another rule (a grain qualifier keeps it as the grain's words)
        table, _, column = tokens[k + 1].text.rpartition(".")
        if not table or table.lower() not in (fact.name.lower(), fact.qualified_name.lower()):
            continue
        if fact.column(column) is None:
            continue
        meanings = [m for m in (_time_word(tokens[w]) for w in ph.grain_words if w != k + 1) if m]
        if meanings and not any(p.startswith(m) for m in meanings for p in column.lower().split("_")):
            ph.grain_disputed.append(column)
            return  # «по месяцам доставки (orders.created_at)»: the words and the name disagree (asked)
        ph.grain_column = fact.column(column).name  # type: ignore[union-attr]
        ph.grain_words = [w for w in ph.grain_words if w != k + 1]
        ph.used.update(range(k, k + 3))
        return


def _grain_phrase_dimension(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«по месяцам старта» (started_at), «по дням (по плановому вылету)» (scheduled_departure 'Плановое время
    вылета'), «по дате выписки билета» (issued_at 'Дата выписки билета'): words read as a dimension right
    after a grain, every one of which says the same single time column of the fact (by its comment or its
    name), name the grain's column and are no dimension. A phrase saying two time columns («по вылету»:
    planned or actual) is left to the grain's question. A genitive after the date's event word naming the
    fact itself («по дате подписания полиса» of policies) says whose event it is: no dimension either."""
    if ph.grain is None or ph.grain_column is not None:
        return
    times = _time_columns(fact)
    for group in list(ph.dims):
        at = _grain_word_before(ph, min(group))
        if at is None:
            continue
        words = [ph.tokens[k] for k in group]
        if at in ph.grain_words and len(group) == 1 and ground.table_of(words[0]) is fact:
            ph.dims.remove(group)
            ph.grain_phrase.update(group)
            continue
        if at in ph.grain_words:
            words.append(ph.tokens[at])  # the genitive and its event word say one column together
        said = [c for c in times if all(_names_time_column(c, w) for w in words)]
        said = [own] if (own := _own_noun_time(words, fact, times, said)) is not None else said  # «записи»
        if len(said) != 1 or any(ph.tokens[k].lang != "ru" for k in group):
            continue
        ph.dims.remove(group)
        ph.grain_phrase.update(group)
        ph.grain_column = said[0].name
        return


def _state_dated_by_grain(
    planner: OfflinePlanner, ph: MartPhrase, ground: _Ground, fact: Table, grain: dict[str, Any] | None
) -> str | None:
    """ "Churned subscribers per region by month of churned_on", «ушедшие абоненты … по дате ухода
    (churned_on)»: a state word right before the fact's own noun that both a listed value ('Статус (active,
    blocked, churned)') and the grain's own time column ('Дата ухода') say. Elsewhere the two readings are
    asked (churned_on IS NOT NULL or status 'churned'); here the grain already dates each row by that event,
    so the word adds the listed value: `status = 'churned'` (marts64). A grain on another column, a word
    after a negation or before "excluded", or a value two columns list stay with the filter rules."""
    if grain is None:
        return None
    tokens = ph.tokens
    for k in range(len(tokens) - 1):
        t = tokens[k]
        if k in ph.used or t.lang not in ("ru", "en") or ground.table_of(tokens[k + 1]) is not fact:
            continue
        if ground.table_of(t) is not None or _said_excluded(tokens, k):
            continue
        # the event's time column as the mart reads it, or as the filter rules do («ушедшие»: 'Дата ухода')
        named = {c.name for c in _event_time_columns(t, fact)}
        named |= set(planner.filters._event_columns_of(fact, t))
        if named != {grain["column"]}:
            continue
        meant = {stem(t.lower)} if t.lang == "en" else value_meanings(t)
        found = [
            (c.name, v)
            for c in fact.columns
            if column_kind(c.type).family == "text"
            for v in listed_values(c.comment)
            if stem(v.lower()) in meant
        ]
        if len(found) != 1:
            continue
        ph.used.add(k)
        if k > 0 and tokens[k - 1].lower in ONLY_WORDS:
            ph.used.add(k - 1)  # "only issued fines … by issued_at": the cue is this condition's too
        ph.used.update(_only_after_noun(tokens, k + 1))  # "churned subscribers only": after the noun too
        return f"{found[0][0]} = '{found[0][1]}'"
    return None


def _participle_after_fact(
    ph: MartPhrase, ground: _Ground, fact: Table, times: list[Column]
) -> Column | None:
    """ "tickets closed per category per week", "outages started per district": an English participle right
    after the fact's own noun says which event of its rows is counted, so the grain is on that event's time
    column (closed_at), when it names exactly one. Before the noun ("closed tickets") it is a state. A
    particle after it ("checked in") is read with it."""
    tokens = ph.tokens
    in_dims = {k for words in ph.dims for k in words}
    found: list[Column] = []
    for k in range(1, len(tokens)):
        t = tokens[k]
        participle = t.lower.endswith("ed") or t.lower in IRREGULAR_PARTICIPLES_EN  # "tickets sold"
        if k in in_dims or t.lang != "en" or not participle:
            continue
        noun = tokens[k - 1]
        if not (
            ground.table_of(noun) is fact
            or (noun.lang == "en" and stem(noun.lower) in name_parts(fact.name))  # "tickets": support_tickets
            or (k > 1 and ground.table_of_pair(tokens[k - 2], noun) is fact)
        ):
            continue
        matched = [c for c in times if any(_part_match(p, c) for p in _verb_times(t))]
        if not matched and t.lower in MONEY_IN_EN and _money_columns(fact):
            matched = [c for c in times if _part_match("paid", c)]  # "payments collected": when paid
        particle = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if len(matched) > 1 and particle in ("in", "out", "up", "off"):  # "checked in": checked_in_on
            matched = [c for c in matched if particle in name_parts(c.name)]
            ph.used.add(k + 1)  # the particle is read with its verb
        found += matched
    found = list(dict.fromkeys(found))
    return found[0] if len(found) == 1 else None


def _english_event_column(
    ph: MartPhrase, times: list[Column], words: Sequence[Token] | None = None
) -> Column | None:
    """ "number of check-ins per month": an English compound whose every part is a part of exactly one time
    column's name (check-in -> checked_in_on, not checked_out_on)."""
    found = []
    for t in ph.tokens if words is None else words:
        if t.lang != "en" or "-" not in t.lower:
            continue
        parts = {stem(p) for p in t.lower.split("-") if p}
        if len(parts) < 2:
            continue
        found += [c for c in times if all(any(np.startswith(p) for np in name_parts(c.name)) for p in parts)]
    found = list(dict.fromkeys(found))
    return found[0] if len(found) == 1 else None


def _dates_the_grain(word: Token, fact: Table, column_name: str) -> bool:
    """«установили» of installed_at ('Дата установки'), «заселилось» of checked_in_on ('Дата заселения'): a
    finite event verb whose stem and a stem of the grain column's comment begin alike is the event the grain
    dates the rows by, no state of theirs."""
    column = fact.column(column_name)
    event_word = _finite_event_verb(word) or _impersonal_participle(word) or _short_participle_adjective(word)
    if column is None or not column.comment or not event_word:
        return False
    # «ушло» of churned_on ('Дата ухода'): the English word the verb means names the column (marts64)
    if {stem(m) for m in VALUE_MEANINGS.get(word.lemma, ())} & set(name_parts(column.name)):
        return True
    root = stem(word.lower)
    if len(root) >= 5 and any(
        len(x) >= 5 and (x.startswith(root) or root.startswith(x)) for x in _comment_stems(column.comment)
    ):
        return True
    # «зарегистрировано» of registered_at ('Дата регистрации'): the verb's prefix (за-, вы-, при-) before the
    # root its noun shares; six letters alike after it
    return any(
        len(x) >= 6 and len(root) - cut >= 6 and root[cut : cut + 6] == x[:6]
        for cut in (1, 2, 3)
        for x in _comment_stems(column.comment)
    )


def _short_participle_adjective(token: Token) -> bool:
    """«закрыто», «открыто»: a short form in the neuter or plural of a participle-like adjective (закрытый),
    said of the counted rows as the passive participle is («выдано»)."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "ADJS":
        return False
    tag = _morph().parse(token.lower)[0].tag
    return token.parses[0].lemma.endswith(("тый", "нный")) and ("neut" in tag or "plur" in tag)


def _impersonal_participle(token: Token) -> bool:
    """«сколько абонентов подключено», «сколько литров залито»: a short passive participle in the neuter or
    plural, said of the counted rows as a past verb is («подключили»), so the grain's event may date it."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "PRTS":
        return False
    tag = _morph().parse(token.lower)[0].tag
    return "pssv" in tag and "past" in tag and ("neut" in tag or "plur" in tag)


def _grain_event_blanked(rest: str, fact: Table, grain: dict[str, Any] | None) -> str:
    """ "Fines issued per type monthly", "new activations per tariff by week (activated_on)": an English word
    naming the grain's own time column (issued -> issued_at, activations -> activated_on) whose status value
    is the first state the status lists ('issued', 'active') is the event the grain dates every row by
    (README: an event word the grain is dated by adds no condition; _first_state_event): blanked for the
    filter rules. A state said as one ("only issued fines") or turned around ("unpaid") stays."""
    if grain is None:
        return rest
    tokens = tokenize(rest)
    spans = []
    for k, t in enumerate(tokens):
        if t.lang != "en" or (k > 0 and tokens[k - 1].lower in ONLY_WORDS):
            continue
        value, negated = status_word(t.lower)
        condition = _listed_value_condition(fact, t) or (f"status = '{value}'" if value else None)
        if not negated and _first_state_event(t, fact, grain["column"], condition):
            spans.append((t.start, t.end))
    return _spans_blanked(rest, spans)


def _written_out_cuts(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«Кол-во лаб. анализов», «трансп. средств»: a Russian word cut with a dot is the one word of the source
    connection's table and column comments it starts ('Результаты лабораторных анализов'), written out so
    the table and measure rules read it as they read the whole word (abbreviations.expand_dotted)."""
    if "." not in text:
        return text
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    by_lemma: dict[str, list[str]] = {}
    for table in planner.catalog.tables_of(sources[0].conn_id):
        for comment in (table.comment, *(c.comment for c in table.columns)):
            for word in _comment_words(comment or ""):
                parses = analyse(word)
                by_lemma.setdefault(parses[0].lemma if parses else word, []).append(word)
    return abbreviations.expand_dotted(text, by_lemma, known_word)


# "week over week", "month over month": the period each value is compared across, the grain (an adverb).
PERIOD_OVER_PERIOD = re.compile(r"\b(hour|day|week|month)\s+over\s+\1\b", re.IGNORECASE)


def _period_over_period(text: str) -> str:
    """ "Labor hours week over week per station": "week over week" is the week grain, said as "per week" (the
    comparison between the periods is the reader's; the mart holds one row per period). "year over year" has
    no grain and is left to the grain rules' question."""
    return PERIOD_OVER_PERIOD.sub(lambda m: f"per {m.group(1).lower()}", text)


def _grain_word_columns(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "average monthly fee": an English grain adjective and the word after it that together spell a column
    of the connection's tables (tariffs.monthly_fee) are that column's name, not a monthly grain and a fee
    no column is named by."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    names = {c.name.lower() for t in planner.catalog.tables_of(sources[0].conn_id) for c in t.columns}
    pairs = [
        (a, b)
        for a, b in zip(tokens, tokens[1:], strict=False)
        if a.lang == "en" and b.lang == "en" and _grain_adjective(a) and f"{a.lower}_{b.lower}" in names
    ]
    for a, b in reversed(pairs):  # from the end, so the earlier spans stay where they are
        text = f"{text[: a.start]}{a.lower}_{b.lower}{text[b.end :]}"
    return text


def _bracketed_grain_after_dim(ph: MartPhrase, ground: _Ground) -> None:
    """ "weekly order count by status (orders created_at)", «по статусам (created_at), понедельно»: a bracket
    after a dimension that is not a time word, holding a time column (after its table's name), is the
    column of the grain the request names, never a replacement of the dimension (status stays)."""
    tokens = ph.tokens
    if ph.grain is None or ph.grain_column is not None:
        return
    for index, before, inner in ph.bracketed:
        if index >= len(ph.dims) or len(inner) not in (1, 2) or not before:
            continue
        if any(_time_word(tokens[k]) or _grain_noun(tokens[k]) for k in before):
            continue  # «по дате (created_at)»: the bracket names the date's own column
        name = tokens[inner[-1]].text
        if not _IDENTIFIER.match(name):
            continue
        head = tokens[inner[0]]
        owners = [
            t for t in ground.tables
            if len(inner) == 1 or t.name.lower() == head.lower or ground.table_of(head) is t
        ]  # fmt: skip
        timed = [t for t in owners if any(c.name == name for c in _time_columns(t))]
        if not timed or (len(inner) == 2 and len(timed) != 1):
            continue
        ph.dims[index] = before
        ph.grain_column = name
        if len(inner) == 2:
            ph.fact_hint = timed[0]
        ph.used.update(inner)


def _own_event_dates(fact: Table, times: Sequence[Column]) -> list[Column]:
    """sales.freezes ('Заморозки абонементов'): the NOT NULL times other than created_at whose comment names
    the table's own noun ('Начало заморозки', 'Окончание заморозки'): the rows' own event has dates of its
    own, so created_at ('Дата оформления') is only when each was registered and a grain no word dates is
    asked (README: two NOT NULL event times: freezes), never put on created_at. Memberships' 'Дата начала
    действия' names no noun of 'Абонементы (проданные клубные карты)': their created_at ('Дата продажи')
    stays."""
    own = {
        p.lemma
        for t in tokenize(fact.comment or "")
        if t.lang == "ru"
        for p in t.parses[:1]
        if p.pos == "NOUN"
    } - DATE_NOUNS
    return [
        c
        for c in times
        if c.name != "created_at"
        and not c.nullable
        and not _deadline_time(c)
        and own & {p.lemma for t in tokenize(c.comment or "") if t.lang == "ru" for p in t.parses[:1]}
    ]


def _only_after_noun(tokens: Sequence[Token], noun: int) -> list[int]:
    """ "churned subscribers only", "finished trips only": the "only"/«только» right after the state's noun at
    `noun` (the cue of the condition read), as the one before it is; [] when none follows."""
    after = noun + 1
    if noun < len(tokens) and after < len(tokens) and tokens[after].lower in ONLY_WORDS:
        return [after]
    return []
