"""Reads a mart sentence into a MartPhrase (measures, dimensions, grain, window and filters as
words), before the catalog is consulted."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.planning.filters import EXCLUDED_EN
from airflow_ai_etl.planning.lexer import Token, numerals, tokenize
from airflow_ai_etl.planning.lexicon import EVENT_VERB_NOUNS_EN, is_
from airflow_ai_etl.planning.marts.window_date import window_dates
from airflow_ai_etl.planning.marts.words import (
    _ANY_S3,
    _BE_EN,
    _COLUMN_NAME,
    _IDENTIFIER,
    _LOCAL_XLSX,
    _QTY_COMPARE,
    _S3_XLSX,
    _UNIT_WORD,
    ARTICLES_EN,
    CHAT_EN,
    CLICKHOUSE_WORDS,
    CUT_WORDS,
    DATE_NOUNS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    EACH,
    EVENT_OBJECT_REACH,
    FILE_NOUNS,
    FILLER_EN,
    FROM_RU,
    FROM_WORDS,
    GRAIN_ADVERBS_EN,
    GRAIN_ADVERBS_RU,
    GRAIN_SOURCE_VERBS_EN,
    GRAIN_SOURCE_VERBS_RU,
    HOW_MUCH_LINKS,
    LIST_JOINERS,
    LOAD_VERBS_EN,
    LOAD_VERBS_RU,
    LOOKBACK_AUX,
    LOOKBACK_CUE,
    MART_SIZE_EN,
    MART_SIZE_RU,
    MEASURE_UNITS,
    MONEY_RU,
    NAMED_NOUNS_EN,
    NAMED_NOUNS_RU,
    ONLY_WORDS,
    PATH_LEAD,
    PRICE_UNITS_EN,
    PRONOUNS,
    QUANTIFIERS_EN,
    QUANTIFIERS_RU,
    RATE_NOUNS_RU,
    REFRESH_EN,
    REFRESH_RU,
    RESULT_EN,
    RESULT_RU,
    ROLE_WORDS,
    SINGLE_EN,
    SINGLE_RU,
    SIZE_EN,
    SIZE_RU,
    SPEND_EN,
    SPLIT_EN,
    SPLIT_PARTICLES_EN,
    SPLIT_RU,
    STOCK_EN,
    STOCK_RU,
    STOP_AFTER,
    SUBJECT_PRONOUNS_EN,
    SUBJECT_PRONOUNS_RU,
    SUM_FUNCTION_RU,
    TABLE_NOUNS,
    TIME_CHAIN,
    TIME_WORDS_ALSO,
    TRIGGER_EN,
    TRIGGER_RU,
    UNIT_JOINERS,
    UNITS_EN,
    UNITS_RU,
    VIA_WORDS,
    WINDOW_EN,
    WINDOW_RU,
    MeasureWord,
    _adverb,
    _after_do_support,
    _agreeing_noun,
    _chat_word,
    _column_noun,
    _comparison_before,
    _en,
    _english_participle,
    _glossed_words,
    _grain_adjective,
    _grain_noun,
    _grain_noun_named,
    _incremental,
    _is_excel_word,
    _is_measure,
    _just_words,
    _measure_func,
    _naming_word,
    _no_time_cut,
    _participle,
    _polite,
    _polite_words,
    _qualified_after,
    _quoted_mart_title,
    _refresh_before,
    _refresh_noun,
    _ru,
    _speaker_words,
    _square_unit,
    _stops,
    _tallied_per_grain,
    _time_word,
    _unit_part,
    _unit_said_in,
    _verb_times,
    _what_amount_of,
    _word,
    _work_place_words,
    _wrapper_at,
    _wrapper_words,
)
from airflow_ai_etl.planning.negation import TAKE_EN, TAKE_LEMMAS
from airflow_ai_etl.planning.patterns import LAST_N, REMOVE_WORD
from airflow_ai_etl.planning.vocabulary import CURRENCY_EN, CURRENCY_RU, currency_code


def _per_grain(ph: MartPhrase, before: Token, prep: Token, noun: Token | None) -> bool:
    """«откликов в день»: «в» + a grain noun in the accusative singular after a Russian word, outside the
    schedule («раз в день» is how often, «в днях» a unit)."""
    if noun is None or before.lang != "ru" or before.lemma == "раз":
        return False
    if any(a <= prep.start < b for a, b in ph.schedule_spans):
        return False
    spans = ph.schedule_spans
    if any(a <= noun.start < b for a, b in spans) and any(a <= before.start < b for a, b in spans):
        return False  # «каждую ночь в час»: a clock hour (1 am) after the schedule's own words, no grain
    return noun.has(noun.lemmas, case=("accs",), number="sing")


@dataclass
class MartPhrase:
    """What the words say, before the catalog is consulted."""

    tokens: list[Token]
    measures: list[MeasureWord] = field(default_factory=list)
    dims: list[list[int]] = field(default_factory=list)  # each dimension: its token indexes
    grain: str | None = None
    grain_words: list[int] = field(default_factory=list)  # words naming the time column
    grain_column: str | None = None  # an explicit column the grain is on
    grain_genitive: int | None = None  # «по неделям канала»: a genitive noun after the grain, no time word
    grain_conflict: list[str] = field(default_factory=list)
    grain_disputed: list[str] = field(default_factory=list)  # a bracketed column the grain's words contradict
    of_owners: set[int] = field(default_factory=set)  # "level of the guest": an owner read before its words
    grain_phrase: set[int] = field(default_factory=set)  # «по месяцам заявления»: the grain column's words
    grain_owner: int | None = None  # "monthly by session start": the noun whose event the grain is on
    via: list[int] = field(default_factory=list)  # «через заказы»: tables a join goes through
    sources: list[int] = field(default_factory=list)  # «из продаж», "from sales", «витрина продаж»
    lookback: int | None = None
    lookback_unit: str | None = None
    quantity_filter: tuple[str, int] | None = None  # «от 2 штук»: (operator, count) on the quantity column
    money_filter: tuple[str, float] | None = None  # «от 1000 рублей»: (operator, amount) on the money column
    on_average: bool = False  # «сколько остановок в среднем», "how many stops on average": avg of the measure
    schedule_spans: list[tuple[int, int]] = field(default_factory=list)  # what the schedule reader took
    path_spans: list[tuple[int, int]] = field(default_factory=list)  # file paths («s3://b/x.xlsx»)
    used: set[int] = field(default_factory=set)  # token indexes the mart rules read
    bracketed: list[tuple[int, list[int], list[int]]] = field(default_factory=list)  # dim, before, inside
    state_glosses: set[int] = field(default_factory=set)  # «(is_late)» glossing «просроченных»: no dimension
    business: set[int] = field(default_factory=set)  # «доставки еды» after «Витрина»: the business, no table
    date_grain: bool = False  # «по дате визита» with no grain noun: a date is a day
    not_yet: str | None = None  # «ещё не вернули»: the time column that is still empty (returned_at)
    happened: str | None = None  # «сколько человек уволено по отделам»: the event's time column that is set
    # readings chosen of two (a state word the status lists while a time column dates it): the plan's notes
    assumed: list[str] = field(default_factory=list)
    fact_hint: Any = None  # the fact table a clause names («сотрудников, прошедших через турникеты»)
    counted_entity: Any = None  # the table counted through the fact's rows («студентов присутствовало»)
    event_tables: list[Any] = field(default_factory=list)  # "customers who bought": sales or orders (asked)
    blank: list[tuple[int, int]] = field(default_factory=list)  # spans hidden from schedule/filter rules
    single_day: list[int] = field(default_factory=list)  # "in a single day", «за один день»: one row's value
    apposed: dict[int, list[int]] = field(
        default_factory=dict
    )  # «по району, X»: X's index -> the words before
    currency: tuple[int, int] | None = None  # «в рублях» after a measure: (first word, the currency word)
    percent_units: list[int] = field(default_factory=list)  # «комиссия в процентах»: the percent words
    no_time_cut: set[int] = field(default_factory=set)  # «без разбивки по времени»: no grain is wanted
    window_dates: set[int] = field(default_factory=set)  # «за последние 30 дней по дате X»: the window's date


def _refresh_frequency(tokens: Sequence[Token], i: int) -> bool:
    """A frequency adjective on a refresh noun ("monthly refresh", «ежемесячное обновление»): the schedule."""
    t = tokens[i]
    if t.lower in GRAIN_ADVERBS_RU or i + 1 >= len(tokens) or not _refresh_noun(tokens[i + 1]):
        return False
    return _grain_adjective(t) is not None


def read_mart(text: str, schedule_spans: Sequence[tuple[int, int]] = ()) -> MartPhrase:
    """The mart phrase structure of a request (no catalog): measures, dimensions, grain, lookback.
    `schedule_spans`: character spans the schedule reader took («ежедневно в 7:30 по Москве», «по
    будням», "every weekday"); their words are never dimensions."""
    tokens = tokenize(text)
    ph = MartPhrase(tokens)
    ph.schedule_spans = list(schedule_spans)
    ph.path_spans = [m.span() for rx in (_S3_XLSX, _LOCAL_XLSX, _ANY_S3) for m in rx.finditer(text)]
    n = len(tokens)
    ph.used |= _wrapper_words(tokens)  # "…, a quick rollup please": what it is called
    ph.used |= _polite_words(tokens) | _just_words(tokens)  # «Будьте добры, …», "just the sum of …"
    ph.used |= _quoted_mart_title(tokens) | _work_place_words(tokens)  # «витрина «X»», «приняли на работу»
    if no_cut := _no_time_cut(tokens):  # «без разбивки по времени»: no grain, the words read
        ph.used |= no_cut
        ph.no_time_cut = no_cut
        ph.blank.append((tokens[min(no_cut)].start, tokens[max(no_cut)].end))
    _read_lookback(ph)
    _read_quantity_filter(ph)
    _read_money_filter(ph)
    for i in range(len(tokens) - 1):  # «в среднем», "on average": an adverb, not a measure of its own
        a, b = tokens[i], tokens[i + 1]
        if (
            a.lower == "в" and b.lang == "ru" and "средний" in b.lemmas and b.lower.startswith("среднем")
        ) or (a.lower == "on" and b.lower == "average"):
            ph.on_average = True
            ph.used.update({i, i + 1})
            ph.blank.append((a.start, b.end))
    # Grain adjectives/adverbs: «ежедневная выручка» (grain) vs «обновлять ежедневно» (schedule).
    for i, t in enumerate(tokens):
        grain = _grain_adjective(t) or GRAIN_ADVERBS_RU.get(t.lower)
        if grain is None or i in ph.used:
            continue
        attributive = t.lang == "en" and i > 0 and tokens[i - 1].lower in ("the", "a", "an")  # "the daily X"
        if _refresh_before(tokens, i) and not attributive:
            continue
        nxt = tokens[i + 1] if i + 1 < n else None
        if t.lower in GRAIN_ADVERBS_RU:
            pass  # «помесячно», «понедельно»: a grain, never a schedule (that is «ежемесячно»)
        elif t.lang == "ru" and not t.has(t.lemmas, pos=("ADJF", "ADJS")):
            continue  # «ежедневно» alone: a schedule
        cut = t.lower in GRAIN_ADVERBS_RU and i + 2 < n and bool(tokens[i + 2].lemmas & CUT_WORDS)
        if nxt is not None and (nxt.lower in ("at", "в", "во") or nxt.number is not None) and not cut:
            continue  # "daily at 6": a schedule; «помесячно в разрезе категорий» stays a grain
        if _refresh_frequency(tokens, i):
            continue  # "monthly refresh", «ежемесячное обновление»: how often it runs, not a grain
        if t.lang == "en" and i > 0 and tokens[i - 1].lower in ("refreshed", "refresh", "updated", "run"):
            continue
        if _schedule_adverb(ph, i):
            continue
        _set_grain(ph, grain, i)
        ph.used.add(i)
        ph.blank.append((t.start, t.end))
        if nxt is not None and t.lower not in GRAIN_ADVERBS_RU and _cut_word(nxt):
            ph.used.add(i + 1)  # «ежедневная разбивка»: the breakdown the adjective says is the grain
        if not _named_column_after(ph, i + 1) and i + 1 < n and tokens[i + 1].text == "(":
            _grain_qualifier(ph, i + 1)  # «помесячно (дата зачисления)»; "monthly on scheduled_at" above
        _date_named_after(ph, i + 1)  # "monthly on created date", "weekly by the paid date"
        if not ph.grain_words and (event := _when_clause_event(tokens, i + 1)) is not None:
            ph.grain_words.append(event)  # "weekly when the fine was paid": the grain's event
            ph.used.update(range(i + 1, event + 1))
    for i, t in enumerate(tokens):  # "weekly counts ..., weeks on check-in date": the grain noun restated
        if i in ph.used or t.lang != "en" or ph.grain is None or _grain_noun(t) != ph.grain:
            continue
        if i + 1 < n and tokens[i + 1].lower in ("on", "by") and (i == 0 or tokens[i - 1].text == ","):
            _date_named_after(ph, i + 1)
            if ph.grain_words or ph.grain_column:
                ph.used.add(i)
    _grain_taken_from(ph)  # «месяц берём из period», "take the month from paid_at"
    i = 0
    while i < n:
        t = tokens[i]
        if i in ph.used:
            i += 1
            continue
        if (  # «ездит на каждой модели машины»: an attribute of a quantified noun phrase is a dimension (a
            t.lower == "на"  # bare «на каждом факультете» is left to the rules that ask: the id or the name?)
            and i + 3 < n
            and _quantified_dimension(tokens, i + 1)
            and _qualified_after(tokens, i + 2)
            and not _refresh_before(tokens, i)
        ):
            end = _dimension_list(ph, i + 2)
            if end > i + 2:
                ph.used.update({i, i + 1})
                i = end
                continue
        # «за каждый день», «в каждом месяце», "each month", «за месяц»
        if t.lower in ("за", "в", "во", "у", "для", "each", "for") and i + 1 < n:
            j = i + 1
            if tokens[j].lemma in EACH or tokens[j].lower in EACH:
                j += 1
            grain = _grain_noun(tokens[j]) if j < n else None
            # «сколько откликов в день»: "per day" right after a counted noun (not «раз в день», «в днях»)
            per = (
                t.lower in ("в", "во")
                and i > 0
                and _per_grain(ph, tokens[i - 1], t, tokens[j] if j < n else None)
            )
            if grain and (j > i + 1 or t.lower == "за" or per) and not _refresh_before(tokens, i):
                if not (t.lower == "за" and j > i + 1 and _refresh_before(tokens, i)):
                    _set_grain(ph, grain, j)
                    ph.used.update(range(i, j + 1))
                    ph.blank.append((t.start, tokens[j].end))
                    i = _grain_qualifier(ph, j + 1)
                    continue
            if (
                t.lower in ("в", "во", "у", "для", "each", "for")
                and j > i + 1
                and j < n
                and not _refresh_before(tokens, i)
            ):
                # «в каждом регионе», "for each region": a dimension
                if t.lower != "for" or tokens[i + 1].lower == "each":
                    end = _dimension_list(ph, j)
                    if end > j:
                        ph.used.update(range(i, j))
                        i = end
                        continue
        if _verb_each_grain(ph, i):  # «отпусков начинается каждую неделю», "trips that start every day"
            _set_grain(ph, _grain_noun(tokens[i + 2]) or "", i + 2)
            ph.grain_words.append(i)  # «начинается» -> starts_on
            ph.used.update({i, i + 1, i + 2})
            if _after_do_support(tokens, i):
                ph.used.update({i - 2, i - 1})  # "did we issue each week": do-support and its subject
            elif _after_subject(tokens, i):
                ph.used.add(i - 1)  # "how many loans we issue each week": the subject of the event verb
            ph.blank.append((tokens[i + 1].start, tokens[i + 2].end))
            i += 3
            continue
        if (each := _event_verb_each(ph, i)) is not None:  # "members went to the clubs each week"
            _set_grain(ph, _grain_noun(tokens[each + 1]) or "", each + 1)
            ph.used.update({each, each + 1})
            ph.blank.append((tokens[each].start, tokens[each + 1].end))
            i = each + 2
            continue
        if _verb_object_each_grain(ph, i):  # «покупателей оформляют заказы каждую неделю»
            _set_grain(ph, _grain_noun(tokens[i + 3]) or "", i + 3)
            if _time_word(t):
                ph.grain_words.append(i)  # «сдают экзамены каждый месяц»: the verb's own time
            ph.used.update({i, i + 2, i + 3})
            ph.blank.append((tokens[i + 2].start, tokens[i + 3].end))
            i += 4
            continue
        if t.lemma in CUT_WORDS and i + 1 < n and tokens[i + 1].lower in DIM_PREPS_RU:
            end = _dimension_list(ph, i + 2)  # «..., разбивка по статусу»: the cut noun alone
            if end > i + 2:
                ph.used.update({i, i + 1})
                i = end
                continue
        if t.lower in ("в", "во", "с", "со") and i + 2 < n and _cut_word(tokens[i + 1]):
            k = i + 2 + (tokens[i + 2].lower in DIM_PREPS_RU)  # «в разрезе регионов», «с разбивкой по дням»
            end = _dimension_list(ph, k)
            if end > k:
                ph.used.update(range(i, k))
                i = end
                continue
        if (t.lower in DIM_PREPS_RU | DIM_PREPS_EN) and i + 1 < n:
            if any(a <= t.start < b for a, b in ph.schedule_spans) and not _grain_noun(tokens[i + 1]):
                i += 1  # «по будням», «по Москве»: read by the schedule reader
                continue
            if i > 0 and tokens[i - 1].lower in ("только", "only"):
                i += 1
                continue
            if (unit_end := _english_price_unit_end(tokens, i)) > i:
                i = unit_end  # "average price per tonne": the price's unit, read with its measure (marts130)
                continue
            end = _dimension_list(ph, i + 1)
            if end > i + 1:
                ph.used.add(i)
                ph.used.update(_split_connector(tokens, i))  # "split by", «сгруппировать по»
                i = end
                continue
        if _quantified_dimension(tokens, i) and not _refresh_before(tokens, i):
            # «число событий каждого типа», "orders of every status": a quantifier is never a filter
            # value; the noun it quantifies is what the mart groups by
            end = _dimension_list(ph, i + 1)
            if end > i + 1:
                ph.used.add(i)
                i = end
                continue
        if _en(t, GRAIN_ADVERBS_EN) and i in ph.used:
            i += 1
            continue
        if (t.lower in ("grain", "granularity") or t.lemma in ("разбивка", "шаг")) and ph.grain:
            end = _grain_qualifier(ph, i + 1)  # "an hourly grain on the region column"
            if end > i + 1:
                ph.used.add(i)
                i = end
                continue
        if t.lower in VIA_WORDS and i + 1 < n and not _each_after(tokens, i):  # «через каждую дверь»: a cut
            k = i + 2 if tokens[i + 1].lower in ARTICLES_EN and i + 2 < n else i + 1  # "through the X"
            ph.via.append(k)
            ph.used.update(range(i, k + 1))
            i = k + 1
            continue
        if t.lower == "joined" and i + 2 < n and tokens[i + 1].lower == "with":
            ph.via.append(i + 2)
            ph.used.update({i, i + 1, i + 2})
            i += 3
            continue
        if (
            t.lower in FROM_WORDS
            and i + 2 < n
            and (tokens[i + 1].lemma in EACH or tokens[i + 1].lower in EACH)
        ):
            before = len(ph.dims)
            end = _dimension_list(ph, i + 2)  # «лидов из каждого источника», "from each source": a dimension
            if end > i + 2:
                ph.used.update({i, i + 1})
                if _subject_noun(tokens, i - 1) and i - 1 not in ph.used:
                    # «заказы сделали клиенты из каждого города»: the city is the clients' (customers.city)
                    for words in ph.dims[before:]:
                        words.append(i - 1)
                    ph.used.add(i - 1)
                i = end
                continue
        if t.lower in FROM_WORDS and i + 1 < n and tokens[i + 1].lang in ("ru", "en"):
            k = i + 1
            if tokens[k].lower == "the":
                k += 1
            while (  # "from the clickhouse raw_sales table", «из таблицы кликхауса raw_sales»: the name
                k + 1 < n
                and tokens[k + 1].lang in ("ru", "en")
                and (tokens[k].lower in CLICKHOUSE_WORDS | {"table", "postgres", "postgresql"}
                     or tokens[k].lemma in CLICKHOUSE_WORDS | TABLE_NOUNS)
            ):  # fmt: skip
                k += 1
            ph.sources.append(k)
            ph.used.update(range(i, k + 1))
            if k + 1 < n and tokens[k + 1].lower in ("table",):
                ph.used.add(k + 1)
            i = k + 1
            continue
        i += 1
    dates = [i for i in ph.used if tokens[i].lower in DATE_NOUNS or tokens[i].lemma in DATE_NOUNS]
    ph.window_dates = window_dates(text, tokens, dates, ph.used)  # «за последние 30 дней по дате заявления»
    if ph.grain is None and ph.date_grain and not ph.window_dates:
        ph.grain = "day"  # «Сколько визитов по дате визита в разрезе врачей»
    _read_measures(ph)
    _read_single_day(ph)  # "max hours logged in a single day"
    _read_units(ph)  # «потребление кВт·ч»
    _read_what_amount(ph)  # «на какую сумму»
    _currency_sum(ph)  # «на сколько рублей»
    _percent_units(ph)  # «средняя комиссия в процентах»
    _participle_before_grain(ph)
    _participle_after_grain(ph)  # "by week opened"
    _bracket_grain_words(ph)  # «помесячно (по началу отключения)»
    for i, t in enumerate(tokens):  # «витрина продаж», "sales mart": the fact table's word
        if _ru(t, TRIGGER_RU) and i + 1 < n and tokens[i + 1].lang == "ru" and i + 1 not in ph.used:
            nxt = tokens[i + 1]
            if any(p.case == "gent" and p.pos == "NOUN" for p in nxt.parses) and not _is_measure(nxt):
                ph.sources.append(i + 1)
                ph.used.add(i + 1)
        if (_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN)) and i not in ph.used:
            ph.used.add(i)
            ph.used |= _size_words_before(tokens, i)
    ph.used |= _speaker_words(tokens)
    _question_then_measure(ph)  # «Сколько набрали по минибару (…): сумма начислений …»
    return ph


def _question_then_measure(ph: MartPhrase) -> None:
    """«Сколько набрали по минибару (…): сумма начислений по месяцам», «Сколько вышло: сумма …»: a bare
    «сколько» (nothing counted, no column) before a colon, with a sum or an average after the colon, is the
    question that measure answers, no count of its own (it planned count + sum). A verb between («набрали»,
    «вышло») says the amount came in, no state."""
    tokens = ph.tokens
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None:
        return
    after = [m for m in ph.measures if m.index > colon and m.func in ("sum", "avg")]
    for m in list(ph.measures):
        if m.index > colon or m.func != "count" or m.object or m.column_ref or not after:
            continue
        if tokens[m.index].lemma != "сколько":
            continue
        ph.measures.remove(m)
        ph.used.add(m.index)
        verb = m.index + 1
        if (
            verb < colon
            and tokens[verb].lang == "ru"
            and tokens[verb].parses[:1]
            and tokens[verb].parses[0].pos == "VERB"
        ):
            ph.used.add(verb)


def _size_words_before(tokens: Sequence[Token], i: int) -> set[int]:
    """ "a little mart", "quick simple mart", «небольшая витрина»: the size or ease words right before the
    mart's noun at i (indexes)."""
    found: set[int] = set()
    k = i - 1
    while k >= 0 and _word(tokens[k], MART_SIZE_RU, MART_SIZE_EN):
        found.add(k)
        k -= 1
    return found


def _grain_taken_from(ph: MartPhrase) -> None:
    """A grain noun beside a verb of taking and «из/по/from» + a column name: that column is the grain's,
    never a source table («месяц берём из period», «берём неделю по paid_at», "take the month from paid_at",
    "month taken from paid_at"); so is a snake_case name after «=» ("month = created_at", «неделя =
    paid_at»). The catalog checks that the column is a time."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i, t in enumerate(tokens):
        grain = _grain_noun(t)
        if grain is None or ph.grain_column is not None:
            continue
        if i + 2 < n and tokens[i + 1].text == "=" and _IDENTIFIER.match(tokens[i + 2].text):
            _set_grain(ph, grain, i)
            ph.grain_column = tokens[i + 2].text
            ph.used.update(range(i, i + 3))
            ph.blank.append((t.start, tokens[i + 2].end))
            continue
        verb = next(
            (j for j in (i - 1, i - 2, i + 1) if 0 <= j < n and _word(tokens[j], GRAIN_SOURCE_VERBS_RU,
                                                                    GRAIN_SOURCE_VERBS_EN)),
            None,
        )  # fmt: skip
        if verb is None:
            continue
        k = max(i, verb) + 1
        if k + 1 < n and tokens[k].lower in ("по", "by") and _grain_source_words(ph, grain, i, verb, k + 1):
            continue  # «день считаем по началу аренды»: the words name the grain's column
        if (
            k + 1 >= n
            or tokens[k].lower not in ("из", "по", "from")
            or not _COLUMN_NAME.match(tokens[k + 1].text)
        ):
            continue
        _set_grain(ph, grain, i)
        ph.grain_column = tokens[k + 1].text
        ph.used.update(range(min(i, verb), k + 2))
        ph.blank.append((tokens[min(i, verb)].start, tokens[k + 1].end))


def _grain_source_words(ph: MartPhrase, grain: str, i: int, verb: int, first: int) -> bool:
    """«(день считаем по началу аренды)», «месяц берём по дате оплаты»: after a grain noun and a verb of
    taking, up to three words of the request's language ending the clause, the first an event word or a date
    noun, are the grain's phrase (resolved against the fact's time columns as «по месяцам начала аренды»)."""
    tokens, n = ph.tokens, len(ph.tokens)
    end = first
    lang = tokens[first].lang
    while end < n and end - first < 3 and tokens[end].lang == lang and lang in ("ru", "en"):
        if end in ph.used or _stops(tokens[end]) or _grain_noun(tokens[end]) or _is_measure(tokens[end]):
            return False
        end += 1
    if end == first or (end < n and tokens[end].text not in (")", ",", ".", ";", "?")):
        return False
    head = tokens[first]
    if _time_word(head) is None and head.lemma not in DATE_NOUNS and head.lower not in DATE_NOUNS:
        return False
    _set_grain(ph, grain, i)
    ph.grain_words.extend(k for k in range(first, end) if tokens[k].lemma not in DATE_NOUNS)
    ph.used.update(range(min(i, verb), end))
    ph.blank.append((tokens[min(i, verb)].start, tokens[end - 1].end))
    return True


def _cut_word(token: Token) -> bool:
    """«разрезе», «разбивкой», and a one-letter slip of them («розрезе»)."""
    if token.lemma in CUT_WORDS:
        return True
    low = token.lower
    return token.lang == "ru" and any(
        len(low) == len(w) and sum(a != b for a, b in zip(low, w, strict=True)) == 1
        for w in ("разрезе", "разрезах", "разбивкой", "разбивке")
    )


def _verb_each_grain(ph: MartPhrase, i: int) -> bool:
    """A verb of the counted event (not a refresh verb) followed by «каждый/each/every» + a time unit: the
    unit is the grain on the verb's time, not how often to run («сколько отпусков начинается каждую
    неделю»)."""
    tokens = ph.tokens
    if i + 2 >= len(tokens) or ph.grain is not None or i == 0:
        return False
    t, each, unit = tokens[i], tokens[i + 1], tokens[i + 2]
    if not (each.lemma in EACH or each.lower in EACH) or _grain_noun(unit) is None:
        return False
    if _word(t, REFRESH_RU, REFRESH_EN) or _refresh_before(tokens, i) or _incremental(t):
        return False
    if _time_word(t) is None:
        # "customers ordering each month": the counted people's own act, the event whose time the grain is on
        return _acting_participle(tokens, i)
    if t.lang == "ru":
        return t.has(t.lemmas, pos=("VERB", "PRTS"))  # finite: «начинается», «уволено» (not «обновлять»)
    # "people dismissed each month": a past participle of the event (not "refreshed", read above); "did we
    # hire each month": the bare verb after do-support
    return (
        t.lower in ("start", "starts", "begin", "begins", "end", "ends")
        or t.lower.endswith("ed")
        or _after_do_support(tokens, i)
        or _after_subject(tokens, i)
    )


def _event_verb_each(ph: MartPhrase, i: int) -> int | None:
    """ "distinct members went to the clubs each week", "patients seen each week": an English verb naming a
    fact's event (lexicon EVENT_VERB_NOUNS_EN), its object if any, then "each"/"every" + a time unit: the
    unit is the grain of that event, not how often to run; the index of "each", or None."""
    tokens, n = ph.tokens, len(ph.tokens)
    if i == 0 or ph.grain is not None:
        return None
    if _people_verb_place_each(tokens, i):
        return i + 3
    if tokens[i].lower not in EVENT_VERB_NOUNS_EN:
        return None
    for k in range(i + 1, min(n - 1, i + 2 + EVENT_OBJECT_REACH)):
        w = tokens[k]
        if w.lower in EACH:
            return k if _grain_noun(tokens[k + 1]) is not None else None
        if w.lang != "en" or _grain_noun(w) or _is_measure(w) or w.lower in DIM_PREPS_EN | FROM_WORDS:
            return None
    return None


def _people_verb_place_each(tokens: Sequence[Token], i: int) -> bool:
    """«абонентов сидело в интернете каждый час», «клиентов ходило в клуб каждый день»: a Russian finite verb
    right after the counted genitive noun (no refresh or load verb), «в»/«на» and a noun, then «каждый» + a
    time unit: the grain of the counted people's event (as «совершают звонки каждый день»), not a schedule."""
    if i + 4 >= len(tokens):
        return False
    people, verb, prep, noun, each, unit = tokens[i - 1 : i + 5]
    if verb.lang != "ru" or not verb.has(verb.lemmas, pos=("VERB",)) or _incremental(verb):
        return False
    if _word(verb, REFRESH_RU | LOAD_VERBS_RU, REFRESH_EN) or _refresh_before(tokens, i):
        return False
    if people.lang != "ru" or not people.has(people.lemmas, pos=("NOUN",), case=("gent",)):
        return False
    if prep.lower not in ("в", "во", "на") or noun.lang != "ru" or not noun.has(noun.lemmas, pos=("NOUN",)):
        return False
    return (
        (each.lemma in EACH or each.lower in EACH) and _grain_noun(unit) is not None and not _grain_noun(noun)
    )


def _verb_object_each_grain(ph: MartPhrase, i: int) -> bool:
    """«покупателей оформляют заказы каждую неделю», «абонентов совершают звонки каждый день»: a finite
    Russian verb of the counted clause (no refresh or load verb), its object noun, then «каждый» + a time
    unit: the unit is the grain of the counted event, not how often to run, even beside a refresh schedule
    said apart («обновлять по понедельникам в 9 утра»)."""
    tokens = ph.tokens
    if i == 0 or i + 3 >= len(tokens) or ph.grain is not None:
        return False
    verb, noun, each, unit = tokens[i : i + 4]
    if verb.lang != "ru" or not verb.has(verb.lemmas, pos=("VERB",)) or _refresh_before(tokens, i):
        return False
    if _word(verb, REFRESH_RU | LOAD_VERBS_RU, REFRESH_EN) or _incremental(verb):
        return False
    if noun.lang != "ru" or not noun.has(noun.lemmas, pos=("NOUN",), case=("accs",)) or _grain_noun(noun):
        return False
    return (each.lemma in EACH or each.lower in EACH) and _grain_noun(unit) is not None


def _participle_before_grain(ph: MartPhrase) -> None:
    """ "results collected per hour", "patients registered per month", "vacations started each month": the
    participle names the event whose time the grain is on (collected_at, registered_at, starts_on)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if ph.grain is None:
        return
    # "principal issued per month": the measured column's event, read into the measure's words, still dates
    # the grain
    objects = {k for m in ph.measures for k in m.object}
    for i, t in enumerate(tokens[:-2]):
        if (
            t.lang != "en"
            or (i in ph.used and i not in objects)
            or not t.lower.endswith("ed")
            or len(t.lower) < 5
        ):
            continue
        if _tallied_per_grain(tokens, i):
            ph.used.add(i)  # "…, counted per day of creation": how the rows are aggregated, no event
            continue
        j = i + 1
        while j < min(n - 1, i + 3) and tokens[j].lower in DIM_PREPS_EN | {"each", "every", "a", "the"}:
            j += 1  # "per hour", "by the month", "each day"
        if j > i + 1 and _grain_noun(tokens[j]):
            ph.grain_words.append(i)
            ph.used.add(i)


def _before_path(ph: MartPhrase, i: int) -> bool:
    """Token i is a file path or leads to one through file nouns and export words («файл», "exported to")."""
    tokens = ph.tokens
    for k in range(i, min(len(tokens), i + 4)):
        if any(a <= tokens[k].start < b for a, b in ph.path_spans):
            return True
        t = tokens[k]
        if not (
            t.lower in PATH_LEAD
            or t.lemma in PATH_LEAD
            or t.lower in FILE_NOUNS
            or t.lemma in FILE_NOUNS
            or _is_excel_word(t)
        ):
            return False
    return False


def _schedule_adverb(ph: MartPhrase, i: int) -> bool:
    """«по дням, ежечасно», "per day, ..., hourly", «еженедельно по понедельникам в 10»: a frequency word
    that modifies no noun is the refresh schedule when a grain noun is named elsewhere or the schedule
    reader read a weekday or a clock right after it; «ежедневная выручка», "daily revenue" stay grains."""
    tokens = ph.tokens
    if tokens[i].lower in GRAIN_ADVERBS_RU:
        return False  # «помесячно»: a grain, never a schedule
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    follows = nxt is not None and any(a <= nxt.start < b for a, b in ph.schedule_spans)
    if nxt is not None and nxt.lang in ("ru", "en") and not follows:
        return False  # attributive: it says what the measure is («ежедневная выручка»)
    return follows or _grain_noun_named(tokens)


def _quantified_dimension(tokens: Sequence[Token], i: int) -> bool:
    """«каждого типа», "of every status": a quantifier before a plain noun (not a time unit, weekday or
    number, which belong to the schedule: «каждый час», «каждый понедельник», «каждые 30 минут»)."""
    t = tokens[i]
    if not (_ru(t, QUANTIFIERS_RU) or t.lower in QUANTIFIERS_RU or _en(t, QUANTIFIERS_EN)):
        return False
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if nxt.lang not in ("ru", "en") or nxt.number is not None or is_(nxt, "WEEKDAY") or _grain_noun(nxt):
        return False
    if _en(nxt, {"minute", "minutes", "second", "seconds", "time", "run", "refresh"}):
        return False
    if nxt.lang == "ru":
        if _ru(nxt, {"число", "минута", "секунда", "раз", "утро", "вечер", "ночь", "квартал", "год"}):
            return False
        if any(p.pos in ("ADJF", "PRTF") for p in nxt.parses[:1]) and i + 2 < len(tokens):
            # «каждый ответственный мастер», «каждый ведущий сотрудник»: an adjective before the role noun;
            # the dimension reader then matches both words (a column's comment) or leaves them to be asked
            after = tokens[i + 2]
            return (
                after.lang == "ru"
                and any(p.pos == "NOUN" for p in after.parses[:1])
                and not _grain_noun(after)
            )
        return any(p.pos == "NOUN" for p in nxt.parses[:1])
    return True


def _named_day_column(tokens: Sequence[Token], i: int) -> bool:
    """«по рабочему дню», «по операционному дню»: an adjective and a grain noun, both singular dative after
    «по», name a date column (a grain is said in the plural: «по дням», «по рабочим дням» is the weekdays'
    schedule), as "per collection day" does (marts124)."""
    if i + 1 >= len(tokens) or tokens[i].lang != "ru" or tokens[i - 1].lower != "по":
        return False
    adjective, noun = tokens[i], tokens[i + 1]
    return (
        noun.lang == "ru"
        and _grain_noun(noun) is not None
        and any(p.pos == "ADJF" and p.case == "datv" and p.number == "sing" for p in adjective.parses)
        and noun.has(noun.lemmas, case=("datv",), number="sing")
    )


def _other_grain_word(tokens: Sequence[Token], i: int) -> bool:
    """A grain said by another word than the two at `i` («помесячно», "weekly", «по неделям», «за каждый
    месяц»); a unit noun of a measure («сверхурочных часов») is none."""
    return any(
        t.lower in GRAIN_ADVERBS_RU
        or _grain_adjective(t)
        or (_grain_noun(t) and k > 0 and (tokens[k - 1].lower in _GRAIN_LEADS or tokens[k - 1].lemma in EACH))
        for k, t in enumerate(tokens)
        if k not in (i, i + 1)
    )


_GRAIN_LEADS = frozenset({"по", "за", "в", "by", "per", "each", "every", "a"})


def _set_grain(ph: MartPhrase, grain: str, index: int) -> None:
    if ph.grain is not None and ph.grain != grain:
        ph.grain_conflict.append(ph.tokens[index].text)
    ph.grain = grain


def _grain_qualifier(ph: MartPhrase, j: int) -> int:
    """Words after a grain naming its column: «по месяцам выставления», "per month of issue", «по неделям
    поля created_at», «по месяцам по колонке region»; a column name in brackets after them
    («по месяцам визита (visit_date)») is the grain's column."""
    end = _grain_qualifier_words(ph, j)
    after = _bracketed_grain_column(ph, end)
    if after == end and ph.grain_column is None:
        after = _described_grain_column(ph, end)
    return after


def _described_grain_column(ph: MartPhrase, k: int) -> int:
    """«по месяцам приёма на работу (hired_at)», «по неделям отклика (applied_at)»: up to three Russian
    words after a grain and then a snake_case name alone in brackets: the words describe the grain's column
    the bracket names (the catalog checks that it is a time column of the fact)."""
    tokens, n = ph.tokens, len(ph.tokens)
    end = k
    while end < n and end - k < 3 and tokens[end].lang == "ru" and end not in ph.used:
        if _grain_noun(tokens[end]) or _is_measure(tokens[end]) or tokens[end].lower in LIST_JOINERS:
            return k
        if tokens[end].lower in DIM_PREPS_RU:
            return k  # «по дням по счётчикам (meter_id)»: a dimension of its own and its column
        end += 1
    if end == k or not (end + 2 < n and tokens[end].text == "(" and tokens[end + 2].text == ")"):
        return k
    name = tokens[end + 1].text
    if end + 1 in ph.used or not _IDENTIFIER.match(name):
        return k
    said = [*(tokens[g] for g in ph.grain_words if g < k), *tokens[k:end]]  # «приёма» may be read already
    words = [w.lemma for w in said]
    meanings = {m for w in said if (m := _time_word(w))}
    if any(
        words[x : x + 3] in (["приём", "на", "работа"], ["прием", "на", "работа"]) for x in range(len(words))
    ):
        meanings = {"hire"}  # «приём на работу»: hiring, not a clinic's «приём»
    if meanings and not any(part.startswith(m) for m in meanings for part in name.lower().split("_")):
        ph.grain_disputed.append(name)
        # «по месяцам регистрации профиля (created_at)»: the words and the bracket are the grain's phrase, no
        # dimension of their own; whether the name is the column the words mean is settled (or asked) later
        ph.used.update(range(k, end))
        return end
    ph.grain_column = name
    ph.used.update(range(k, end + 3))
    return end + 3


def _grain_qualifier_words(ph: MartPhrase, j: int) -> int:
    tokens, n = ph.tokens, len(ph.tokens)
    if j + 1 < n and tokens[j].lower == "on" and _named_column_after(ph, j):
        return j + 2  # "each month on created_at"
    if _english_event_after(ph, j):
        return j + 1  # "by week opened"
    if j < n and tokens[j].text == "(":  # "per month (period)", «по дням (по scheduled_at)»
        k = j + 1 + (j + 1 < n and tokens[j + 1].lower in ("по", "by", "on", "of"))
        if k + 1 < n and tokens[k].lang in ("en", "ru") and tokens[k + 1].text == ")":
            ph.grain_words.append(k)
            ph.used.update(range(j, k + 2))
            return k + 2
        if (  # "weekly (route date)": the English noun before the date noun names it
            k + 2 < n
            and tokens[k + 2].text == ")"
            and tokens[k].lang == "en"
            and tokens[k + 1].lower in DATE_NOUNS
            and not _is_measure(tokens[k])
        ):
            ph.grain_words.append(k)
            ph.used.update(range(j, k + 3))
            return k + 3
        if (  # «помесячно (дата зачисления)», "weekly (issue date)"
            k + 2 < n
            and tokens[k + 2].text == ")"
            and (tokens[k].lemma in DATE_NOUNS or tokens[k].lower in DATE_NOUNS)
            and tokens[k + 1].lang in ("en", "ru")
        ):
            ph.grain_words.append(k + 1)
            ph.used.update(range(j, k + 3))
            return k + 3
    k = j + 1 if j < n and tokens[j].lower in ("по", "on", "of") else j
    if k < n and tokens[k].lower == "the":
        k += 1
    if k + 1 < n and _column_noun(tokens[k]) and tokens[k + 1].lang == "en":
        ph.grain_column = tokens[k + 1].text
        ph.used.update(range(j, k + 2))
        return k + 2
    if k + 1 < n and tokens[k].lang == "en" and tokens[k + 1].lower in ("column", "field"):
        ph.grain_column = tokens[k].text
        ph.used.update(range(j, k + 2))
        return k + 2
    if j < n and tokens[j].lang == "en" and tokens[j].lower.endswith("ed") and _time_word(tokens[j]):
        ph.grain_words.append(j)  # "by week opened", "per month delivered"
        ph.used.add(j)
        return j + 1
    if j < n and tokens[j].lower == "of" and j + 1 < n:
        k = j + 1
        if tokens[k].lower == "the":
            k += 1
        ph.grain_words.append(k)
        if _english_second_word(tokens, k + 1):  # "per day of scheduled arrival": scheduled_arrival
            ph.grain_words.append(k + 1)
            k += 1
        ph.used.update(range(j, k + 1))
        if _second_event_word(ph, k + 1):  # "month of scheduled departure": scheduled_departure
            ph.grain_words.append(k + 1)
            ph.used.add(k + 1)
            return k + 2
        return k + 1
    if j < n and tokens[j].lang == "ru" and any(p.case == "gent" for p in tokens[j].parses):
        if _time_word(tokens[j]) and not (j + 1 < n and _is_measure(tokens[j + 1])):
            ph.grain_words.append(j)
            ph.used.add(j)
            if (
                j + 1 < n
                and tokens[j + 1].lang == "ru"
                and any(p.case == "gent" and p.pos == "NOUN" for p in tokens[j + 1].parses)
                and (_time_word(tokens[j]) in ("start", "end") or _time_word(tokens[j + 1]) is not None
                     or TIME_CHAIN & tokens[j + 1].lemmas)
            ):  # fmt: skip
                ph.grain_words.append(j + 1)  # «по месяцам начала отпуска»
                ph.used.add(j + 1)
                return j + 2
            return j + 1
        if any(p.pos == "NOUN" for p in tokens[j].parses[:1]) and not _grain_noun(tokens[j]):
            ph.grain_genitive = j  # «по неделям канала»: whose weeks? (checked against the fact's columns)
    return j


def _date_event_described(ph: MartPhrase, k: int) -> int:
    """«по дате создания заявки (created_at)», «по дате открытия обращения клиента (opened_at)»: one or two
    Russian words after the date's event word, then a snake_case name alone in brackets: the words say whose
    event it is (no dimension of their own), the bracket names the grain's column. A bracket the event word
    contradicts («по дате отмены брони (created_at)») is left unread and asked (see `_grain`). `k` is the
    index after the event word; the index after what was read."""
    tokens, n = ph.tokens, len(ph.tokens)
    end = k
    while end < n and end - k < 2 and tokens[end].lang == "ru" and end not in ph.used:
        t = tokens[end]
        if _stops(t) or _grain_noun(t) or _is_measure(t) or t.lower in LIST_JOINERS | DIM_PREPS_RU:
            return k
        end += 1
    if end == k or not (end + 2 < n and tokens[end].text == "(" and tokens[end + 2].text == ")"):
        return k
    name = tokens[end + 1].text
    if end + 1 in ph.used or ph.grain_column is not None or not _IDENTIFIER.match(name):
        return k
    ph.used.update(range(k, end))
    meanings = {m for m in (_time_word(tokens[g]) for g in ph.grain_words) if m}
    meanings |= {TIME_WORDS_ALSO[x] for g in ph.grain_words for x in tokens[g].lemmas if x in TIME_WORDS_ALSO}
    if meanings and not any(part.startswith(m) for m in meanings for part in name.lower().split("_")):
        ph.grain_disputed.append(name)
        return end
    ph.grain_column = name
    ph.used.update(range(end, end + 3))
    return end + 3


def _second_event_word(ph: MartPhrase, k: int) -> bool:
    """ "per month of scheduled departure", "week of actual arrival": an English noun right after the word
    that opened the grain's event, no preposition, list word, grain or measure between, is that event's
    second word (the column the two spell, or the parts the time columns are matched by)."""
    tokens = ph.tokens
    if k >= len(tokens) or k in ph.used or tokens[k].lang != "en" or tokens[k - 1].lang != "en":
        return False
    word = tokens[k]
    return not (
        _stops(word)
        or word.lower in DIM_PREPS_EN | LIST_JOINERS
        or _grain_noun(word)
        or _is_measure(word)
        or word.lower in DATE_NOUNS
    )


def _named_column_after(ph: MartPhrase, j: int) -> bool:
    """ "monthly on scheduled_at", «помесячно по created_at»: «on/по» + a snake_case column name right
    after a grain word names the grain's column (the catalog checks that it is a time column)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if j + 1 < n and tokens[j].lower in ("on", "по") and _IDENTIFIER.match(tokens[j + 1].text):
        if ph.grain_column is None and j + 1 not in ph.used:
            ph.grain_column = tokens[j + 1].text
            ph.used.update({j, j + 1})
            return True
    return False


def _possessive_owner(tokens: Sequence[Token], i: int) -> int | None:
    """The owner of an English possessive a dimension starts with: "doctor's full name" (i), or one role word
    before it, "the selling trainer's name", "the arrival airport's country" (i + 1): the role picks which
    foreign key to the owner's table the join goes through."""
    n = len(tokens)
    for owner in (i, i + 1):
        if (
            owner + 3 >= n
            or tokens[owner].lang != "en"
            or any(tokens[k].lang != "en" for k in range(i, owner))
        ):
            continue
        if owner > i and any(_stops(t) or _grain_noun(t) or _is_measure(t) for t in tokens[i:owner]):
            continue
        if tokens[owner + 1].text in ("'", "’") and tokens[owner + 2].lower == "s":
            return owner
    return None


def _date_named_after(ph: MartPhrase, j: int) -> None:
    """ "monthly on created date", "weekly by the delivery date": «on/by» [the] + a word naming the event + a
    date noun after a grain word name the grain's time column (the catalog resolves the word)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if j >= n or tokens[j].lower not in ("on", "by") or ph.grain_words or ph.grain_column:
        return
    k = j + 1 + (j + 1 < n and tokens[j + 1].lower == "the")
    if (  # "daily by start", "weekly by delivery.": the event word alone, ending its clause
        k < n
        and k not in ph.used
        and tokens[k].lang == "en"
        and _time_word(tokens[k])
        and (k + 1 == n or tokens[k + 1].text in (",", ";", ".", ")"))
    ):
        ph.grain_words.append(k)
        ph.used.update(range(j, k + 1))
        return
    if _english_event_phrase(ph, j, k) or _date_then_participle(ph, j, k):
        return
    if k + 1 >= n or tokens[k + 1].lower not in ("date", "time", "timestamp") or {k, k + 1} & ph.used:
        return
    if tokens[k].lang == "en" and (_time_word(tokens[k]) or tokens[k].lower.endswith("ed")):
        ph.grain_words.append(k)
        ph.used.update(range(j, k + 2))
        return
    if tokens[k].lang == "en" and _event_noun_en(tokens[k]):
        # "weekly by booking time", "weekly on check-out date": the event's noun before the date noun names
        # the grain's column (booked_at, check_out); one that names no time column of the fact is asked
        ph.grain_words.append(k)
        ph.used.update(range(j, k + 2))


def _date_then_participle(ph: MartPhrase, j: int, k: int) -> bool:
    """ "weekly by time performed", "monthly by date resolved": after a grain and «by/on» [the], a date noun
    then a participle ending its clause: the participle names the grain's event (its column: performed_at,
    resolved_at; one naming no time column is asked), never a dimension or a state (marts125)."""
    tokens, n = ph.tokens, len(ph.tokens)
    e = k + 1
    if e >= n or {k, e} & ph.used or tokens[k].lower not in ("date", "time", "timestamp"):
        return False
    if tokens[e].lang != "en" or not _english_participle(tokens[e]):
        return False
    if e + 1 < n and tokens[e + 1].text not in (",", ";", ".", ")"):
        return False
    ph.grain_words.append(e)
    ph.used.update(range(j, e + 1))
    return True


def _event_noun_en(token: Token) -> bool:
    """An English content word that may name an event ("booking", "finish", "check-in"): no stop word,
    preposition, list joiner, grain noun, measure or date noun."""
    return not (
        _stops(token)
        or token.lower in DIM_PREPS_EN | LIST_JOINERS | ARTICLES_EN | DATE_NOUNS
        or _grain_noun(token)
        or _is_measure(token)
    )


def _english_event_phrase(ph: MartPhrase, j: int, k: int) -> bool:
    """ "monthly by session start", "daily by order creation", "weekly by trip end time": after a grain and
    «by/on» [the], a noun (whose event: the rows' own, or another word for them) then an event word (start,
    creation, end: TIME_WORDS), ending the clause or followed by a date noun: the event word names the grain's
    column, the noun before it is no dimension ("by customer city" has no event word: a dimension)."""
    tokens, n = ph.tokens, len(ph.tokens)
    e = k + 1
    if e >= n or {k, e} & ph.used or tokens[k].lang != "en" or tokens[e].lang != "en":
        return False
    if not _event_noun_en(tokens[k]) or _time_word(tokens[k]) or not _time_word(tokens[e]):
        return False
    end = e + 1 + (e + 1 < n and tokens[e + 1].lower in ("date", "time", "timestamp"))
    bracket = end + 2 < n and tokens[end].text == "(" and tokens[end + 2].text == ")"  # "… date (created_at)"
    if end < n and tokens[end].text not in (",", ";", ".", ")") and not bracket:
        return False
    ph.grain_words.append(e)
    ph.grain_owner = k
    ph.used.update(range(j, end))
    return True


def _english_second_word(tokens: Sequence[Token], k: int) -> bool:
    """Token `k` goes on the English time phrase before it ("of scheduled arrival"): an English word that is
    no stop word, preposition, list joiner, grain or measure, and ends the clause or the request."""
    if k >= len(tokens) or tokens[k].lang != "en" or tokens[k - 1].lang != "en":
        return False
    t = tokens[k]
    if _stops(t) or t.lower in DIM_PREPS_EN | LIST_JOINERS or _grain_noun(t) or _is_measure(t):
        return False
    return k + 1 == len(tokens) or tokens[k + 1].lang not in ("ru", "en")


def _read_before(ph: MartPhrase, i: int) -> bool:
    """Token i was read before the dimensions (a lookback, a quantity filter), and is no grain word."""
    t = ph.tokens[i]
    return i in ph.used and not (_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU)


def _left_out_after(tokens: Sequence[Token], k: int) -> bool:
    """«отменённые не учитывать», «тестовые не считать», "cancelled ones not counted": within the few words
    from `k`, a negated verb of taking rows (negation.TAKE_LEMMAS, TAKE_EN): the rows said are left out. A
    bracket explaining the words («отменённые сеансы (cancelled) не нужны») counts as none of them."""
    bracket = next((j for j in range(k, min(k + 4, len(tokens))) if tokens[j].text == "("), None)
    shut = (
        None
        if bracket is None
        else next((j for j in range(bracket, len(tokens)) if tokens[j].text == ")"), None)
    )
    skipped = 0 if bracket is None or shut is None else shut - bracket + 1
    for j in range(k, min(k + 4 + skipped, len(tokens) - 1)):
        nxt = tokens[j + 1]
        if tokens[j].lower == "не" and nxt.lang == "ru" and nxt.lemmas & TAKE_LEMMAS:
            return True
        if _removing_verb(nxt):  # «спорные поездки исключить», «тестовые убрать» (marts105)
            return True
        if tokens[j].lower == "not" and TAKE_EN.match(f"not {nxt.lower}"):
            return True
    return _left_out_phrase(tokens, k)


def _left_out_phrase(tokens: Sequence[Token], k: int) -> bool:
    """ "sick and absent shifts left out", "no-shows left out": "left out" closing the clause that starts at
    `k` (up to seven words, no comma between) says the rows before it are excluded, as "excluded" does
    (marts107: the words were read as a second dimension and asked)."""
    for j in range(k, min(k + 7, len(tokens) - 1)):
        if tokens[j].text in (",", ";", ".", ":"):
            return False
        if tokens[j].lower == "left" and tokens[j + 1].lower == "out":
            return True
    return False


def _removing_verb(token: Token) -> bool:
    """A Russian verb that throws rows away, as an infinitive or an imperative («исключить», «убрать»,
    «выкиньте»; patterns.REMOVE_WORD): never an adjective sharing its stem («удалённые» are remote)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos in ("INFN", "VERB")
        and REMOVE_WORD.fullmatch(token.lower) is not None
    )


def _measure_of_them_at(tokens: Sequence[Token], k: int) -> int | None:
    """«и какая у них средняя ставка», «и их средняя ставка», "and their average rate": words that refer back
    to the counted rows (a pronoun, «какой», «у») and then a measure word: the measure word's index."""
    j = k
    while (
        j < len(tokens)
        and j < k + 3
        and (tokens[j].lower in PRONOUNS | {"них", "у", "their"} or tokens[j].lemma == "какой")
    ):
        j += 1
    return j if j > k and j < len(tokens) and _measure_func(tokens, j) is not None else None


def _event_verb_after_each(tokens: Sequence[Token], start: int, i: int) -> int | None:
    """ "each agent signed", "each subscriber was issued": an English verb of the counted rows' event after
    the noun "each" leads; its index (the grounding finds its time column, or asks), else None."""
    if start == 0 or tokens[start - 1].lower not in EACH:
        return None
    verb = i + 1 if tokens[i].lower in ("was", "were") and i + 1 < len(tokens) else i
    if tokens[verb].lang != "en" or tokens[verb].lower.endswith("ing") or not _verb_times(tokens[verb]):
        return None  # "each dorm building": a noun in -ing, no past verb
    return verb


def _rolling_window_at(tokens: Sequence[Token], k: int) -> bool:
    """ "per day, last forty-five days", «по статусам, последние десять дней»: a rolling window of whole
    units (patterns.LAST_N) opens at `k`, after the list's comma; the filter rules read it as the mart's
    WHERE, so it ends the dimensions (marts133: mbd-en-22 asked to group by 'last forty-five')."""
    found = LAST_N.match(" ".join(t.lower for t in tokens[k : k + 6]))
    return found is not None and (found.group("en") or found.group("unit_ru")) is not None


def _dimension_list(ph: MartPhrase, start: int) -> int:
    """Read «регионам и категориям товаров», "customer city and day" from `start`; the index after it."""
    tokens, n = ph.tokens, len(ph.tokens)
    i = start
    while i < n:
        t = tokens[i]
        each_grain = (  # «по специальностям каждый месяц»: the grain; «по часам каждый час»: the schedule
            (t.lemma in EACH or t.lower in EACH)
            and i + 1 < n
            and _grain_noun(tokens[i + 1])
            and ph.grain is None
        )
        if not _grain_noun(t) and not each_grain and any(a <= t.start < b for a, b in ph.schedule_spans):
            break  # «по часам, ежедневно в 7:30 по Москве», «по неделям каждый понедельник»: the schedule's
        if t.lower == "," and any(w.lower in ONLY_WORDS | EXCLUDED_EN for w in tokens[i + 1 : i + 7]):
            break  # "..., paid orders only", «..., только действующие», "..., failed ones excluded": a filter
        if t.lower == "," and _left_out_after(tokens, i + 1):
            break  # «..., отменённые не учитывать», "..., cancelled ones not counted": the rows left out
        if _before_path(ph, i):
            break  # «..., файл s3://b/x.xlsx», "..., exported to s3://b/x.xlsx": where the mart goes
        if _polite(t):
            break  # «по дням, пожалуйста»
        if i > start and _splits_next(tokens, i):
            break  # "per shipment broken down by status": a new grouping, no word of this dimension
        if _chat_word(t) or _target_phrase_at(ph, i):
            break  # «…, пусть обновляется», «…, табличку назови x», «…, результат в кликхаус»
        if t.lower in LIST_JOINERS and (measure := _measure_of_them_at(tokens, i + 1)) is not None:
            ph.used.update(range(i + 1, measure))  # «и какая у них средняя ставка»: a second measure of the
            break  # counted rows, its words referring back to them (no dimension, no filter)
        if t.lower in LIST_JOINERS and i > start:
            # a list goes on only when a dimension-like word follows
            if (
                i + 1 < n
                and tokens[i + 1].lang in ("ru", "en")
                and not _stops(tokens[i + 1])
                and not _read_before(ph, i + 1)  # «по неделям, последние 2 недели …»: the lookback's words
                and not _rolling_window_at(tokens, i + 1)  # "per day, last forty-five days": the rows' window
                and not _splits_next(tokens, i + 1)  # "per month, broken down by region": a new grouping
                and not _null_check_at(tokens, i + 1)  # "per faculty, expelled_on not empty": a row filter
                and not _comparison_at(tokens, i + 1)  # "per month, status = paid": a row filter too
                and not _target_phrase_at(ph, i + 1)  # «…, таблица delivered_daily»: the mart's own table
                and not _adverb(tokens[i + 1])  # «…, просто колво»: the measure's words, no dimension
                and not _tallied_per_grain(tokens, i + 1)  # "…, counted per day of creation": the grain's
                and _wrapper_at(tokens, i + 1) is None  # "per status, a quick rollup": what it is called
            ):
                ph.used.add(i)
                i += 1
                continue
            break
        if t.lower in ("the", "a", "an", "each", "every") or (t.lang == "ru" and t.lemma in EACH):
            ph.used.add(i)
            i += 1
            continue
        if _refresh_frequency(tokens, i):
            break  # "by region, weekly refresh": the schedule's words
        if i in ph.used and (_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU):
            i += 1  # "by customer city, weekly": the grain read already, not a dimension
            continue
        if (
            t.lang == "en"
            and _time_word(t)
            and i + 1 < n
            and tokens[i + 1].lower in ("date", "time", "timestamp")
        ):
            ph.grain_words.append(i)  # "by scheduled time", "by issue date"
            ph.used.update({i, i + 1})
            i += 2
            continue
        if i > start and (verb := _event_verb_after_each(tokens, start, i)) is not None:
            ph.grain_words.append(verb)  # "how many policies each agent signed": the verb dates the grain
            ph.used.update(range(i, verb + 1))
            return verb + 1
        if t.lang not in ("ru", "en") or _stops(t) or _measure_func(tokens, i) is not None:
            break  # «по регионам и дням выручка»: the measure ends the list («по единицам измерения» not)
        if t.lang == "ru" and t.parses and t.parses[0].pos in ("VERB", "INFN", "GRND"):
            break  # «по регионам построй»
        if _named_day_column(tokens, i):
            ph.grain_words.extend((i, i + 1))  # «понедельно по рабочему дню»: work_date 'Рабочий день'
            ph.used.update({i, i + 1})
            if not _other_grain_word(tokens, i):
                _set_grain(ph, _grain_noun(tokens[i + 1]) or "", i + 1)  # «по рабочему дню» alone: daily
            i += 2
            continue
        grain = _grain_noun(t)
        if grain:
            _set_grain(ph, grain, i)
            ph.used.add(i)
            ph.blank.append((t.start, t.end))
            i = _grain_qualifier(ph, i + 1)
            continue
        if t.lower in DATE_NOUNS or t.lemma in DATE_NOUNS:
            # «по дате визита», "by visit date": the grain's column (a day, unless a grain is named)
            ph.date_grain = ph.date_grain or (t.lemma == "дата" or t.lower == "date")
            ph.used.add(i)
            if i + 1 < n and tokens[i + 1].lang == "ru" and tokens[i + 1].lower not in LIST_JOINERS:
                ph.grain_words.append(i + 1)
                ph.used.add(i + 1)
                i = _date_event_described(ph, i + 2)
            else:
                i += 1
            if (  # «по неделям даты записи (created_at)»: the bracket names the date's column
                i + 2 < n
                and tokens[i].text == "("
                and tokens[i + 2].text == ")"
                and _IDENTIFIER.match(tokens[i + 1].text)
                and ph.grain_column is None
                and tokens[i + 1].text not in ph.grain_disputed  # the words say another event (asked)
            ):
                ph.grain_column = tokens[i + 1].text
                ph.used.update({i, i + 1, i + 2})
                i += 3
            continue
        if _column_noun(t) and i + 1 < n and tokens[i + 1].lang == "en" and "_" in tokens[i + 1].text:
            ph.dims.append([i + 1])  # «по полю region» -> the explicit column
            ph.used.update({i, i + 1})
            i += 2
            continue
        if _column_noun(t) and i + 1 < n and tokens[i + 1].lang in ("ru", "en"):
            # «по полям:», «в разрезе полей,» (agro's fields): a column noun before punctuation names no
            # column after it, it is the dimension's own word (marts125; «:» was asked as the dimension)
            group = [i + 1]  # «по столбцу email клиентов»: the table's noun qualifies the column
            if (
                i + 2 < n
                and tokens[i + 2].lang == "ru"
                and any(p.case == "gent" and p.pos == "NOUN" for p in tokens[i + 2].parses)
            ):
                group.append(i + 2)
            ph.dims.append(group)
            ph.used.update({i, *group})
            i = group[-1] + 1
            continue
        owner = _possessive_owner(tokens, i)
        if owner is not None:
            words, k = list(range(i, owner + 1)), owner + 3  # "doctor's full name": the owner qualifies
            while (
                k < n
                and len(words) < 4 + owner - i
                and tokens[k].lang == "en"
                and tokens[k].lower not in LIST_JOINERS
            ):
                if _stops(tokens[k]) or _grain_noun(tokens[k]) or _is_measure(tokens[k]):
                    break
                words.append(k)
                k += 1
            if len(words) > owner - i + 1:
                ph.dims.append(words)
                ph.used.update({owner + 1, owner + 2, *words})
                i = words[-1] + 1
                continue
        words = [i]
        if _agreeing_noun(tokens, i):  # «по страховым полисам»: an adjective and its noun are one dimension,
            words = [i + 1, i]  # the noun first, the adjective qualifies it as a genitive does («товаров»)
        head = max(words)
        # a genitive qualifier: «городам клиентов», «категориям товаров», "customer city" (en: before)
        if head + 1 < n and tokens[head + 1].lang == "ru" and not _stops(tokens[head + 1]):
            i = head  # the qualifier is read after the head noun (restored below)
            nxt = tokens[i + 1]
            gent = any(p.case == "gent" and p.pos == "NOUN" for p in nxt.parses)
            # «по зонам суток», «по времени суток»: a time unit in the genitive (not the dative of «по дням»)
            # qualifies the dimension noun before it, it is no grain
            unit_of = (
                bool(_grain_noun(nxt))
                and not _grain_noun(t)
                and not any(p.case == "datv" for p in nxt.parses)
                # «в разрезе расчётных месяцев»: an adjective agreeing with the time unit names the grain's
                # column ('Расчётный месяц'), the unit is the grain (as «по расчётным месяцам» is)
                and not (t.lang == "ru" and t.parses and t.parses[0].pos in ("ADJF", "PRTF"))
            )
            if (
                gent and (not _grain_noun(nxt) or unit_of) and nxt.lower not in LIST_JOINERS
            ):  # not «склада и ...»
                if not _is_measure(nxt):
                    words.append(i + 1)
                    after = tokens[i + 2] if i + 2 < n else None
                    if (  # «по городу хаба отправки»: the role of the key the qualifier goes through;
                        after is not None  # «по госномеру машины курьера»: a chain of owners
                        and after.lang == "ru"
                        and after.lower not in LIST_JOINERS
                        and not _stops(after)
                        and not _grain_noun(after)
                        and not _is_measure(after)
                        and (
                            after.lemmas & set(ROLE_WORDS)
                            or any(p.case == "gent" and p.pos == "NOUN" for p in after.parses)
                        )
                        and any(p.case == "gent" for p in after.parses)
                    ):
                        words.append(i + 2)
            i = min(words)
        if t.lang == "en" and i + 1 < n and tokens[i + 1].lang == "en" and not _stops(tokens[i + 1]):
            nxt = tokens[i + 1]
            if nxt.lower in ("date", "time", "timestamp") and (_time_word(t) or t.lower.endswith("ed")):
                ph.grain_words.append(i)
                ph.used.update({i, i + 1})
                i += 2
                continue
            if _grain_noun(nxt) and not _grain_noun(t):
                ph.grain_words.append(i)  # "per collection day"
                _set_grain(ph, _grain_noun(nxt), i + 1)  # type: ignore[arg-type]
                ph.used.update({i, i + 1})
                ph.blank.append((t.start, nxt.end))
                i += 2
                continue
            if (
                nxt.lower not in LIST_JOINERS
                and not _column_noun(nxt)
                and nxt.lower not in STOP_AFTER
                and not _grain_adjective(nxt)  # "per district hourly": the grain
                and not _grain_read(ph, i + 1)  # "per district hourly": the grain adverb read already
                and not _splits_next(tokens, i + 1)  # "per shipment broken down by status": a new grouping
                and _event_verb_after_each(tokens, start, i + 1) is None  # "each agent signed": the event
            ):
                words.append(i + 1)
                third = tokens[i + 2] if i + 2 < n else None
                if (  # "vehicle plate number": a three-word English noun phrase
                    third is not None
                    and third.lang == "en"
                    and not _stops(third)
                    and third.lower not in LIST_JOINERS
                    and not _column_noun(third)
                    and not _grain_noun(third)
                    and not _grain_adjective(third)  # "per order status weekly": the grain
                    and not _is_measure(third)
                    and third.lower != "date"
                    and not _grain_read(ph, i + 2)
                    and _event_verb_after_each(tokens, start, i + 2) is None
                ):
                    words.append(i + 2)
        if t.lang == "en" and i + len(words) < n and tokens[i + len(words)].lower in ("column", "field"):
            ph.used.add(i + len(words))
        if t.lang == "en" and (owner := _english_of_owner(ph, max(words) + 1)) is not None:
            ph.used.update(range(max(words) + 1, owner + 1))  # "loyalty level of the guest": whose level
            words = [owner, *words]  # the owner first, as in "guest loyalty level"
            ph.of_owners.add(owner)
        ph.used.update(words)
        if (
            len(words) == 2
            and _word(tokens[words[0]], {"единица"}, set())
            and "измерение" not in tokens[words[1]].lemmas
        ):
            words = words[
                1:
            ]  # «по каждой единице техники»: the machines, «единица» only counts them (marts97)
        ph.dims.append(words)
        i = max(words) + 1
        if _apposition(ph, words[0], i):  # «по машинам, госномер»: the attribute shown for the vehicle
            ph.apposed[i + 1] = list(words)
            ph.dims[-1] = [i + 1, words[0]]
            ph.used.update({i, i + 1})
            i += 2
            continue
        i = _bracket_names_table(ph, i)  # "per ward (beds table)": the fact's name, not the ward's column
        close = next((k for k in range(i + 1, min(n, i + 5)) if tokens[k].text == ")"), None)
        shut = next((k for k in range(i + 1, min(n, i + 10)) if tokens[k].text == ")"), None)
        if i < n and tokens[i].text == "(" and shut is not None and _value_list(tokens[i + 1 : shut]):
            ph.used.update(range(i, shut + 1))  # «по направлению (вход/выход)»: the values it takes
            i = shut + 1
            continue
        if i < n and tokens[i].text == "(" and close is not None and _names_rows_of(ph, i, close):
            ph.dims.pop()  # «по минибару (charge_type = minibar)»: the rows of one value, read by the filters
            i = close + 1
            continue
        if i < n and tokens[i].text == "(" and close is not None and close > i + 1:
            inner = [k for k in range(i + 1, close) if tokens[k].lang in ("ru", "en")]
            inner = [k for k in inner if not _pronoun(tokens[k])]  # «(его название)»
            if (  # «в каждом отделе (отдел по названию)»: the dimension's own noun again
                len(inner) == 3
                and tokens[inner[1]].lower in ("по", "by")
                and tokens[inner[0]].lemmas & tokens[ph.dims[-1][0]].lemmas
            ):
                inner = [inner[2]]
            if (
                inner
                and all(not _stops(tokens[k]) and not _is_measure(tokens[k]) for k in inner)
                and not _null_bracket(tokens, inner)  # «по статусам (card_number пустой)»: a filter
            ):
                ph.bracketed.append((len(ph.dims) - 1, list(ph.dims[-1]), list(inner)))
                if len(inner) == 1 and "_" not in tokens[inner[0]].text:  # «по отделам (название)»
                    inner = _glossed_words(tokens, inner, ph.dims[-1])  # of «хабу назначения»: its role
                ph.dims[-1] = inner  # «в каждом отделе (название отдела)»: the bracket says which column
                ph.used.update(range(i, close + 1))
                i = close + 1
    return i


def _english_of_owner(ph: MartPhrase, k: int) -> int | None:
    """ "by loyalty level of the guest", "per city of customers": «of» [the/a] + one English noun after a
    dimension's words names their owner (a table to join), as a Russian genitive does; the owner's index, or
    None when no such noun follows (a grain, a measure, a list, a stop word)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if k >= n or tokens[k].lower != "of":
        return None
    j = k + 1 + (k + 1 < n and tokens[k + 1].lower in ARTICLES_EN)
    if j >= n or j in ph.used or tokens[j].lang != "en":
        return None
    noun = tokens[j]
    if _stops(noun) or _grain_noun(noun) or _is_measure(noun) or noun.lower in LIST_JOINERS:
        return None
    if j + 1 < n and tokens[j + 1].lang == "en" and not _stops(tokens[j + 1]):
        return None  # "of the guest country": a longer phrase, left to the other rules
    return j


def _modifier_list(ph: MartPhrase, head: int) -> list[int]:
    """ "net and gross pay totals", "net, gross and bonus pay totals": English modifiers joined by and/commas
    right before the noun a trailing measure word is about; each makes a measure of its own (the modifiers
    in order, the last one the measure word's own). Empty unless at least two modifiers are listed."""
    tokens = ph.tokens
    found: list[int] = []
    k = head - 1
    while k >= 0 and tokens[k].lang == "en" and k not in ph.used and not _stops(tokens[k]):
        if _measure_func(tokens, k) is not None or tokens[k].lower in ("the", "a", "an", "of"):
            break
        found.insert(0, k)
        if k - 1 >= 0 and tokens[k - 1].lower in ("and", ","):
            k -= 2
            continue
        break
    if len(found) < 2:
        return []
    ph.used.update(range(found[0], head))
    return found


def _read_single_day(ph: MartPhrase) -> None:
    """ "max hours logged in a single day", «максимум часов за один день»: right after a max/min measure, the
    day one value is read in. Marked here; kept only when a row of the fact is one day (checked with the
    catalog in :func:`_single_day_rows`), else asked."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i, t in enumerate(tokens):
        if i in ph.used or t.lower not in ("in", "за", "в") or i + 2 >= n:
            continue
        k = i + 1 + (tokens[i + 1].lower == "a")
        if k + 1 >= n or not (_en(tokens[k], SINGLE_EN) or _ru(tokens[k], SINGLE_RU)):
            continue
        if _grain_noun(tokens[k + 1]) != "day" or k + 1 in ph.used:
            continue
        before = [m for m in ph.measures if m.index < i]
        if not before or before[-1].func not in ("max", "min"):
            continue
        ph.single_day = list(range(i, k + 2))
        ph.used.update(ph.single_day)
        ph.blank.append((t.start, tokens[k + 1].end))
        return


def _value_list(inner: Sequence[Token]) -> bool:
    """«вход/выход», "in/out", «да/нет»: words joined by slashes in a bracket after a dimension list the
    values the dimension takes (an illustration), they name no column."""
    if len(inner) < 3 or len(inner) % 2 == 0:
        return False
    words, slashes = inner[::2], inner[1::2]
    return all(s.text == "/" for s in slashes) and all(w.lang in ("ru", "en") for w in words)


def _apposition(ph: MartPhrase, head: int, comma: int) -> bool:
    """«по машинам, госномер»: a noun after a comma that does not take the case «по» gives (dative) is no
    second dimension but the attribute named for the first (read like «по машинам (госномер)»)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if comma + 1 >= n or tokens[comma].text != "," or tokens[head].lang != "ru":
        return False
    if not any(p.case == "datv" for p in tokens[head].parses):
        return False
    word = tokens[comma + 1]
    if word.lang != "ru" or _stops(word) or _grain_noun(word) or _is_measure(word) or comma + 1 in ph.used:
        return False
    if any(a <= word.start < b for a, b in ph.schedule_spans) or _before_path(ph, comma + 1):
        return False
    if not any(p.pos == "NOUN" and p.case == "nomn" for p in word.parses):
        return False
    if any(p.case == "datv" for p in word.parses):
        return False  # «по регионам, категориям»: a list of dimensions, each in the dative
    after = tokens[comma + 2] if comma + 2 < n else None
    return after is None or after.lang == "punct" or after.lower in DIM_PREPS_RU | {"за", "в", "и"}


def _read_window(ph: MartPhrase) -> None:
    """ "with a 4-week lookback", "a lookback window of 3 days", «окно пересчёта 2 недели»: the lookback
    as a noun phrase (N and its unit after or before the window noun)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if not any(t.lower in WINDOW_EN or (t.lang == "ru" and t.lemma in WINDOW_RU) for t in tokens):
        return  # no window noun: its numbers need not be read (a long request)
    nums = {num.first: num for num in numerals(tokens)}
    for i, t in enumerate(tokens):
        if not (t.lower in WINDOW_EN or (t.lang == "ru" and t.lemma in WINDOW_RU)):
            continue
        if (label := _window_label(tokens, i)) is not None:
            ph.used.update(range(i, label))  # «окно — последние 30 дней»: the filter rules read the window
            ph.blank.append((t.start, tokens[label - 1].end))
            continue
        found: tuple[int, str, int, int] | None = None  # value, unit, first, last token
        if i > 0 and (m := _UNIT_WORD.match(tokens[i - 1].lower)):
            found = (int(m.group(1)), m.group(2), i - 1, i)
        k = i + 1
        while k < n and (tokens[k].lower in ("of", "window") or _word(tokens[k], REFRESH_RU, REFRESH_EN)):
            k += 1  # «окно пересчёта», "lookback window of"
        num = nums.get(k)
        if found is None and num is not None and num.last < n and (unit := _grain_noun(tokens[num.last])):
            found = (num.value, unit, i, num.last)
        if found is None:
            continue
        value, unit, first, last = found
        while first > 0 and (
            tokens[first - 1].lower in ("a", "an", "the", "with", "с", "со")
            or tokens[first - 1].lang == "punct"
            or _incremental(tokens[first - 1])
        ):
            first -= 1  # "incremental with a 4-week lookback": the mode and its window
        while tokens[first].lang == "punct":
            first += 1
        ph.lookback, ph.lookback_unit = value, unit
        ph.used.update(range(first, last + 1))
        ph.blank.append((tokens[first].start, tokens[last].end))
        return


def _window_label(tokens: Sequence[Token], i: int) -> int | None:
    """«окно — последние тридцать дней», "window: last 3 days": the window noun (a colon or dash after it)
    labels the rolling window of rows that follows (the mart's WHERE), not the incremental lookback «окно
    пересчёта 2 недели» names (marts116: «окно» was asked as a dimension). The index of the window's first
    word, or None."""
    k = i + 1
    while k < len(tokens) and tokens[k].text in (":", "—", "–", "-"):
        k += 1
    if k == i + 1 or k >= len(tokens):
        return None
    phrase = " ".join(w.lower for w in tokens[k : k + 6])
    found = LAST_N.match(phrase)
    return k if found is not None and (found.group("en") or found.group("unit_ru")) else None


def _read_lookback(ph: MartPhrase) -> None:
    _read_lookback_cue(ph)
    if ph.lookback is None:
        _read_window(ph)


# nouns after an English participle that make it a time column's name: "by scheduled time", "updated at"
_TIME_COLUMN_NOUNS_EN = frozenset({"time", "date", "timestamp", "at"})


def _names_time_column(tokens: Sequence[Token], k: int) -> bool:
    """ "weekly by scheduled time, last 30 days": a refresh word ("scheduled") before a time noun names the
    grain's column (scheduled_at), so the span after it is the rows' window, no recomputed lookback
    (marts122: asked "Recompute the last N of what?")."""
    return tokens[k].lang == "en" and k + 1 < len(tokens) and tokens[k + 1].lower in _TIME_COLUMN_NOUNS_EN


def _read_lookback_cue(ph: MartPhrase) -> None:
    tokens = ph.tokens
    if not any(t.lemma in LOOKBACK_CUE or t.lower in LOOKBACK_CUE for t in tokens):
        return  # no cue word: its numbers need not be read (a long request)
    read = numerals(tokens)
    nums = {num.first: num for num in read}
    ending = {num.last: num for num in read}  # `last` is exclusive: the token after it
    for i, t in enumerate(tokens):
        if not (t.lemma in LOOKBACK_CUE or t.lower in LOOKBACK_CUE):
            continue
        num, cue = nums.get(i + 1), i
        if num is None and (prior := ending.get(i)) is not None and i + 1 < len(tokens):
            # «пересчитывать 3 последние недели»: the number before the cue, the unit after it
            num, cue = dataclasses.replace(prior, last=i + 1), prior.first
        if num is None or num.last >= len(tokens):
            continue
        unit = _grain_noun(tokens[num.last])
        if unit is None:
            continue
        i = cue
        before = [
            k for k in range(max(0, i - 4), i)
            if _word(tokens[k], REFRESH_RU, REFRESH_EN) and not _names_time_column(tokens, k)
        ]  # fmt: skip
        # «за последние 3 дня пересчитывать»: the refresh verb may follow the span it recomputes
        after = [k for k in range(num.last + 1, min(len(tokens), num.last + 3)) if _ru(tokens[k], REFRESH_RU)]
        said_after = _refreshed_after(tokens, num.last + 1)
        if not before and not (after and i > 0 and tokens[i - 1].lower == "за") and said_after is None:
            continue
        if not before and said_after is not None:
            after = [said_after]  # "with the last 2 days recomputed", «последние 3 дня пересчитываются»
        ph.lookback, ph.lookback_unit = num.value, unit
        if before:
            start = before[0]
        else:  # «за последние 3 дня», "the last 2 days", or the cue itself («последние 3 дня обновляются»)
            start = i - 1 if i > 0 and tokens[i - 1].lower in ("the", "за") else i
        end = num.last if before else after[0]
        while start > 0 and (
            _incremental(tokens[start - 1])
            or tokens[start - 1].lang == "punct"
            or (said_after is not None and tokens[start - 1].lower in ("with", "the", "с", "со"))
        ):
            start -= 1  # "incremental refresh recomputing the last 3 days": the mode is the lookback's
        while tokens[start].lang == "punct":
            start += 1
        ph.used.update(range(start, end + 1))
        ph.blank.append((tokens[start].start, tokens[end].end))
        tail = end + 1
        while tail < len(tokens) and tokens[tail].lower in ("on", "each", "every", "run", "при", "каждом"):
            ph.used.add(tail)
            tail += 1
        return


def _refreshed_after(tokens: Sequence[Token], k: int) -> int | None:
    """The refresh word right after "the last N days" («последние 3 дня»), maybe after an auxiliary: the
    span is what a refresh recomputes ("with the last 2 days recomputed", «последние 2 дня обновляются»)."""
    while k < len(tokens) and tokens[k].lower in LOOKBACK_AUX:
        k += 1
    if k >= len(tokens):
        return None
    t = tokens[k]
    if _word(t, REFRESH_RU, REFRESH_EN) or (
        t.lang == "ru" and t.lemma.endswith("ся") and t.lemma[:-2] in REFRESH_RU
    ):
        return k
    return None


def _read_money_filter(ph: MartPhrase) -> None:
    """«только от 1000 рублей», "over 500 dollars": an amount of money compared is a row filter on the
    money column (which one: the measured one, see plan_mart), never an unread word."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if t.number is None or i + 1 >= len(tokens) or not _word(tokens[i + 1], CURRENCY_RU, CURRENCY_EN):
            continue
        if (compared := _comparison_before(tokens, i)) is not None:
            start, op = compared
            ph.money_filter = (op, t.number)
            _claim_condition(ph, start, i + 1, only_reach=3)
            return


def _claim_condition(ph: MartPhrase, first: int, last: int, only_reach: int) -> None:
    """Tokens first..last were read as a row condition (with an «только»/"only" up to `only_reach` words
    before it): no slot reads them again, and the text given to the filter rules no longer holds them."""
    tokens = ph.tokens
    ph.used.update(range(first, last + 1))
    ph.used.update(
        k for k in range(max(0, first - only_reach), first) if tokens[k].lower in ("только", "only")
    )
    ph.blank.append((tokens[first].start, tokens[last].end))


def _read_quantity_filter(ph: MartPhrase) -> None:
    """«продажи от 2 штук», "at least 3 units": a count of pieces compared is a row filter on the quantity
    column, never a second measure and never a condition on the money column. "with a quantity of at
    least 3", «с количеством от 3»: the quantity noun before the comparison says the same."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if t.number is None or not float(t.number).is_integer():
            continue
        for words, op in _QTY_COMPARE:
            start = i - len(words)
            if start < 1 or not all(tokens[start + k].lower == w for k, w in enumerate(words)):
                continue
            noun = start - 1 - (tokens[start - 1].lower in ("of", "is", "was"))
            if noun >= 0 and _word(tokens[noun], {"количество"}, {"quantity", "qty"}):
                ph.quantity_filter = (op, int(t.number))
                first = noun
                while first > 0 and tokens[first - 1].lower in (
                    "a",
                    "the",
                    "с",
                    "со",
                    "with",
                    "где",
                    "where",
                ):
                    first -= 1
                _claim_condition(ph, first, i, only_reach=4)
                return
    for i, t in enumerate(tokens):
        if t.number is None or i + 1 >= len(tokens) or not _word(tokens[i + 1], UNITS_RU, UNITS_EN):
            continue
        if (compared := _comparison_before(tokens, i)) is not None:
            start, op = compared
            if not float(t.number).is_integer():
                return
            ph.quantity_filter = (op, int(t.number))
            _claim_condition(ph, start, i + 1, only_reach=3)
            return


def _read_measures(ph: MartPhrase) -> None:
    tokens, n = ph.tokens, len(ph.tokens)
    i = 0
    while i < n:
        t = tokens[i]
        func = _measure_func(tokens, i)
        if ph.on_average and i in ph.used and func == "avg":
            func = None  # «в среднем»: the adverb read already
        if func is None or (ph.quantity_filter is not None and i in ph.used and _word(t, UNITS_RU, UNITS_EN)):
            i += 1
            continue
        if func == "units":
            func = "sum"
        if ph.measures and _in_stock_after_measure(tokens, i, ph.measures[-1]):
            # "total packs in stock", "total in stock": where the summed units are, no second sum
            ph.used.update({i - 1, i})
            ph.measures[-1].units = True
            i += 1
            continue
        if func == "sum" and _total_of_count(tokens, i):
            ph.used.add(i)  # "total order count": the count's qualifier, no sum beside it
            i += 1
            continue
        if func == "count" and i + 1 < n and _measure_func(tokens, i + 1) == "count_distinct":
            ph.used.add(i)  # «сколько уникальных покупателей», "number of distinct users"
            i += 1
            continue
        if (
            func == "count"
            and i + 2 < n
            and tokens[i + 1].lower == "of"
            and _measure_func(tokens, i + 2) == "count_distinct"
        ):
            ph.used.update({i, i + 1})
            i += 2
            continue
        if t.lower == "many" and i > 0 and tokens[i - 1].lower == "how":
            ph.used.add(i - 1)
        if i > 0 and tokens[i - 1].lang == "ru" and tokens[i - 1].lemma == "самый":
            ph.used.add(i - 1)  # «самая крупная»
        m = MeasureWord(func, i, units=_word(t, UNITS_RU | STOCK_RU, UNITS_EN | STOCK_EN))
        cue_lang = t.lang
        ph.used.add(i)
        j = i + 1
        if j + 1 < n and tokens[j].text == "." and t.lower in ("макс", "max", "avg", "ср", "мин"):
            ph.used.add(j)  # «Макс. пробег»: an abbreviation's dot
            j += 1
        if t.lower == "items" and i > 0 and tokens[i - 1].lower == "line":
            ph.used.add(i - 1)  # marts98: "line items": the items of a document (items_count 'Позиций в …')
        if m.units and t.lang == "en" and j < n and tokens[j].lower in ("total", "totals"):
            ph.used.add(j)  # marts98: "items total", "units total": the total of the pieces, no other column
            j += 1
        if func == "count" and j < n and (tokens[j].lemma == "раз" or tokens[j].lower == "times"):
            ph.used.add(j)  # «сколько раз назначали», "how many times": rows are counted
            j += 1
        if func == "count" and j + 1 < n and tokens[j].lang == "ru" and tokens[j].lemma == "быть":
            ph.used.add(j)  # «сколько было заселений»: the counted noun comes after the copula
            j += 1
        if _word(t, STOCK_RU, STOCK_EN) and [w.lower for w in tokens[j : j + 2]] in (
            ["on", "hand"],
            ["в", "наличии"],
        ):
            ph.used.update({j, j + 1})  # "stock on hand", «остатки в наличии»
            j += 2
        if _revenue_from(tokens, i, j):
            ph.used.add(j)  # «выручка с поездок»: the revenue of the trips, the noun after «с» is the object
            j += 1
        # «среднее/суммарное количество», "total quantity", «средняя сумма»: the second word is the object
        while j < n and tokens[j].lang in ("ru", "en") and j not in ph.used:
            w = tokens[j]
            if w.lower in ("of", "the", "a", "an") or (w.lang == "ru" and w.lemma in {"по"} and False):
                ph.used.add(j)
                j += 1
                continue
            if w.lower == "line" and j + 1 < n and tokens[j + 1].lower == "items":
                ph.used.add(j)  # marts98: "total line items": the items themselves
                j += 1
                continue
            if _word(w, UNITS_RU, UNITS_EN) or w.lower in ("sold", "проданный") or w.lemma == "проданный":
                if _word(w, UNITS_RU, UNITS_EN):
                    m.units = True
                ph.used.add(j)
                j += 1
                continue
            if m.object and _revenue_from(tokens, m.object[-1], j):
                ph.used.add(j)  # «суммарная выручка с зарядок»: as «выручка с зарядок», the noun is read
                j += 1
                continue
            if (
                (_stops(w) and not (j == i + 1 and _is_second_word(tokens, j)))  # «среднее кол-во …»
                or w.lower in DIM_PREPS_RU | DIM_PREPS_EN
                or w.lower in LIST_JOINERS
            ):
                break
            if w.lang == "ru" and w.parses and w.parses[0].pos in ("VERB", "INFN", "GRND", "PRTS"):
                break
            if _column_noun(w) and w.lang == "en" and m.object:
                m.column_ref = tokens[m.object.pop()].text  # "sums the region column"
                ph.used.add(j)
                j += 1
                break
            if _column_noun(w) and j + 1 < n:
                m.column_ref = tokens[j + 1].text  # «сумма столбца email»
                ph.used.update({j, j + 1})
                j += 2
                continue
            if w.lang == "en" and cue_lang == "ru" and func in ("sum", "avg", "min", "max"):
                m.column_ref = w.text  # «сумма total»: a column named as written
                ph.used.add(j)
                j += 1
                break
            if func == "avg" and not m.object and w.lang == "en" and w.lower == "number":
                ph.used.add(j)  # "the average number of days": the average of the days, no count beside it
                j += 1
                continue
            if _measure_func(tokens, j) is not None and not _is_second_word(tokens, j):
                break
            if not m.object and _size_noun(tokens, j):
                ph.used.add(j)  # «средний размер продажи», "average sale size": the size of what follows
                j += 1
                continue
            m.object.append(j)
            ph.used.add(j)
            j += 1
            if len(m.object) >= 3:
                break
        if j + 1 < n and tokens[j].lower in ("в", "in") and _word(tokens[j + 1], UNITS_RU, UNITS_EN):
            m.units = True  # «средний размер продажи в штуках», "in units": the quantity column
            ph.used.update({j, j + 1})
            j += 2
        if j + 1 < n and tokens[j].lower in ("в", "in") and _unit_part(tokens[j + 1]):
            m.unit = _unit_part(tokens[j + 1])  # «средний срок назначения в днях», "longest course in days"
            ph.used.update({j, j + 1})
            j += 2
        elif j + 1 < n and tokens[j].lower in ("в", "in") and (said := _square_unit(tokens, j + 1)):
            m.unit = "m2"  # marts98: «средняя площадь в м²», "area in sq m": area_m2 or area_sqm
            ph.used.update(range(j, j + 1 + said))
            j += 1 + said
        if (per := _rate_unit_after(tokens, m, j)) > j:
            ph.used.update(range(j, per))  # «цена за литр», «цена за кВт·ч»: the price's unit, no measure
            j = per
        link = int(j < n and tokens[j].lower in HOW_MUCH_LINKS)  # «сколько к выплате (approved_amount)»
        if _participle_bracket(tokens, m, j + link):  # «сколько начислено (gross)»: how much of that column
            m.func = "sum"  # a text column named there is the resolver's question, never counted
            ph.used.update(range(j, j + link + 1))
            j += link + 1
        if (bracket := _measured_bracket_after(tokens, m, j)) is not None:
            # «пробег за поездку (distance_km)», «сколько мест продано (seats_sold)»: the column measured
            m.func = "sum" if m.func == "count" else m.func
            ph.used.update(range(j, bracket))
            j = bracket
        if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].lang == "en":
            m.column_ref = tokens[j + 1].text  # «сумма заказов (total)»
            ph.used.update({j, j + 1, j + 2})
            j += 3
        # "sums the region column", "the sum of the currency column"
        if (
            m.column_ref is None
            and j < n
            and tokens[j - 1].lang == "en"
            and tokens[j].lower in ("column", "field")
        ):
            m.column_ref = tokens[j - 1].text
            ph.used.add(j)
        if m.column_ref is None:
            k = j
            if k < n and tokens[k].lower in DIM_PREPS_RU and k + 2 < n and _column_noun(tokens[k + 1]):
                m.column_ref = tokens[k + 2].text  # «сумму по полю region»
                ph.used.update({k, k + 1, k + 2})
                qualifier = [d for d in ph.dims if d[0] == k + 2]
                ph.dims = [d for d in ph.dims if d[0] != k + 2]
                for d in qualifier:
                    ph.used.difference_update(d[1:])  # the qualifying table noun names the fact
        if t.lang == "en" and i > 0 and not m.object and not m.column_ref:
            prev = tokens[i - 1]
            if (
                prev.lang == "en"
                and i - 1 not in ph.used
                and not _stops(prev)
                and _measure_func(tokens, i - 1) is None
            ):
                if prev.lower not in ("the", "a", "an", "of", "and"):
                    m.object.append(i - 1)  # "order totals", "event counts": the noun before
                    ph.used.add(i - 1)
                    first = tokens[i - 2] if i >= 2 else None
                    if (  # "scholarship payout total": a money noun qualified by the table's noun before it
                        first is not None
                        and _en(prev, SPEND_EN | {"pay"})  # "net pay total": the noun "pay", never "paid"
                        and first.lang == "en"
                        and i - 2 not in ph.used
                        and not _stops(first)
                        and _measure_func(tokens, i - 2) is None
                        and first.lower not in FILLER_EN
                    ):
                        m.object.insert(0, i - 2)
                        ph.used.add(i - 2)
                    shared = _modifier_list(ph, i - 1)  # "net and gross pay totals": two measures of pay
                    if shared:
                        m.object.insert(0, shared[-1])
                        m.listed = True
                        for k in shared[:-1]:
                            ph.measures.append(dataclasses.replace(m, object=[k, i - 1]))
        in_total = _said_before_in_total(ph, i) if t.lang == "en" and not (m.object or m.column_ref) else []
        if in_total:  # "households affected in total": the words before "in total" (marts125)
            m.object.extend(in_total)
            ph.used.update({*in_total, i - 1})
        ph.measures.append(m)
        i = max(j, i + 1)
    # «максимальная и минимальная сумма продажи»: the first adjective shares the second one's object
    for a, b in zip(ph.measures, ph.measures[1:], strict=False):
        if (
            not a.object
            and not a.column_ref
            and b.index == a.index + 2
            and tokens[a.index + 1].lower in LIST_JOINERS
            and not _ru(tokens[a.index], MONEY_RU - SUM_FUNCTION_RU)  # «выручка и сумма скидок» (marts114)
        ):
            if b.object and a.func in ("avg", "min", "max", "sum") and b.func in ("avg", "min", "max", "sum"):
                a.object = list(b.object)
        if (  # «самая крупная оплата и самая мелкая», "the largest payment and the smallest"
            a.object
            and not b.object
            and not b.column_ref
            and a.func in ("min", "max")
            and b.func in ("min", "max")
            and a.func != b.func
            and any(tokens[k].lower in LIST_JOINERS for k in range(a.object[-1] + 1, b.index))
            and all(tokens[k].lower in LIST_JOINERS or k in ph.used for k in range(a.object[-1] + 1, b.index))
            and (b.index + 1 >= len(tokens) or tokens[b.index + 1].lang != tokens[b.index].lang
                 or _stops(tokens[b.index + 1]))
        ):  # fmt: skip
            b.object = list(a.object)


def _revenue_from(tokens: Sequence[Token], i: int, j: int) -> bool:
    """«выручка с поездок», «оборот с продаж»: a money noun (no «сумма»: «сумма с НДС» is a sum with the tax)
    right before «с» + a plural genitive noun: the noun says whose money it is, as «выручка поездок» does."""
    if j != i + 1 or j + 1 >= len(tokens) or tokens[j].lower not in FROM_RU:
        return False
    if not _ru(tokens[i], MONEY_RU - SUM_FUNCTION_RU):
        return False
    after = tokens[j + 1]
    return after.lang == "ru" and any(
        p.pos == "NOUN" and p.case == "gent" and p.number == "plur" for p in after.parses[:1]
    )


def _in_stock_after_measure(tokens: Sequence[Token], i: int, last: MeasureWord) -> bool:
    """ "total packs in stock", "total in stock": "stock" after "in", right after a sum's cue or its object,
    says where the units summed are (the stock's quantity), it is no measure of its own."""
    if not (i > 0 and _word(tokens[i], set(), STOCK_EN) and tokens[i - 1].lower == "in"):
        return False
    if last.func != "sum" or max([last.index, *last.object]) != i - 2:
        return False
    # the object, if any, is a unit the stock is counted in ("packs", "units"), never another column's noun
    return all(tokens[k].lower in UNITS_EN | PACK_UNITS_EN for k in last.object)


# Units stock is counted in, said in English of a Russian comment ('Количество, упаковок'): "packs in stock".
PACK_UNITS_EN = frozenset({"pack", "packs", "package", "packages", "box", "boxes"})


def _total_of_count(tokens: Sequence[Token], i: int) -> bool:
    """ "total order count", "total number of visits": "total" qualifies a count word at most two words on
    (the counted noun between), so it is no sum; "order total and order count" stays two measures."""
    if tokens[i].lang != "en" or tokens[i].lower not in ("total", "overall"):
        return False
    if i > 0 and tokens[i - 1].lower == "in":  # "how many sales in total": the count's adverb, no sum
        return any(_measure_func(tokens, k) == "count" for k in range(max(0, i - 5), i - 1))
    for k in range(i + 1, min(i + 3, len(tokens))):
        w = tokens[k]
        if _measure_func(tokens, k) == "count":
            return True
        if w.lang != "en" or _stops(w) or w.lower in DIM_PREPS_EN | LIST_JOINERS or _measure_func(tokens, k):
            return False
    return False


def _said_before_in_total(ph: MartPhrase, i: int) -> list[int]:
    """ "households affected in total and outage count": "total" after "in", ending its item, totals the words
    said before "in" (up to three, back to a colon, comma or list joiner), as "total households affected"
    does; [] otherwise (a bare "in total" stays the measure rules' question)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if tokens[i].lower != "total" or i < 2 or tokens[i - 1].lower != "in":
        return []
    if i + 1 < n and tokens[i + 1].text not in (",", ";", ".") and tokens[i + 1].lower not in LIST_JOINERS:
        return []
    said: list[int] = []
    k = i - 2
    while k >= 0 and len(said) < 3:
        w = tokens[k]
        if w.lang != "en" or k in ph.used or _stops(w) or _measure_func(tokens, k) is not None:
            break
        if w.lower in ARTICLES_EN | LIST_JOINERS:
            break
        said.insert(0, k)
        k -= 1
    return said if k < 0 or tokens[k].text in (":", ",", ";") or tokens[k].lower in LIST_JOINERS else []


# English price nouns whose "per <unit>" says what one price is of ("price per liter", "cost per tonne")
_PRICE_NOUNS_EN = frozenset({"price", "cost", "rate", "fee", "tariff"})


def _english_price_unit_end(tokens: Sequence[Token], j: int) -> int:
    """ "average price per tonne", "price per liter" (marts130): "per" at `j` right after a price noun and
    before a unit of measure (PRICE_UNITS_EN; "price per machine" is a dimension), ending its item:
    the unit the price is of, as «цена за тонну» is, no dimension (read as one, it grouped by the unit's
    own quantity column, liters). The index after the unit, else ``j``."""
    if (
        j < 1
        or j + 1 >= len(tokens)
        or tokens[j].lower != "per"
        or tokens[j - 1].lower not in _PRICE_NOUNS_EN
    ):
        return j
    unit, end = tokens[j + 1], j + 2
    if unit.lower not in PRICE_UNITS_EN:
        return j  # "price per machine": a dimension
    if (
        end < len(tokens)
        and tokens[end].lang == "en"
        and tokens[end].lower not in LIST_JOINERS | DIM_PREPS_EN
    ):
        return j  # "price per liter of diesel" says more: left to the other rules
    return end


def _rate_unit_after(tokens: Sequence[Token], m: MeasureWord, j: int) -> int:
    """«средняя цена за литр», «цена за кВт·ч», «ставка за час»: a price noun (the cue or its object) then
    «за» and the unit it is the price of (a noun in the accusative, or a unit written with «·»): the end of
    those words, which belong to the price (marts125: «литр» was read again as a sum of liters after «и»,
    «штуку» as a sum of pieces). A grain or window noun («цена за месяц») is left to the other rules; ``j``
    when none."""
    n = len(tokens)
    if j + 1 < n and tokens[j].lower == "per":
        return _english_price_unit_end(tokens, j)
    if j + 1 >= n or tokens[j].lower != "за" or tokens[j + 1].lang != "ru":
        return j
    said = [tokens[m.index], *(tokens[k] for k in m.object)]
    if not any(t.lang == "ru" and t.lemmas & RATE_NOUNS_RU for t in said):
        return j
    unit = tokens[j + 1]
    if _grain_noun(unit) or unit.lemmas & DATE_NOUNS or not unit.parses or unit.parses[0].pos != "NOUN":
        return j
    if j + 3 < n and tokens[j + 2].text == "·" and tokens[j + 3].lang == "ru":
        end = j + 4  # «кВт·ч»
    elif unit.parses[0].case in ("accs", "gent"):
        end = j + 2
    else:
        return j
    # the unit ends its item («за литр и …», «за штуку по блюдам»); «за минуту зарядки» says more (asked)
    if end < n and tokens[end].lang == "ru" and tokens[end].lower not in LIST_JOINERS | DIM_PREPS_RU:
        return j
    return end


def _size_noun(tokens: Sequence[Token], j: int) -> bool:
    """«размер», «величина», «объём», «выработка», "size" right after a measure word and followed by the
    noun it measures («средний размер продажи», «средняя выработка часов»): the words say of what, the size
    noun adds nothing («размер скидки» still names the discount column when one is named)."""
    w = tokens[j]
    if not _word(w, SIZE_RU, SIZE_EN) or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if w.lang == "ru":
        # «объём по договору»: a preposition is no genitive, though one rare parse of «по» is the noun ПО
        preposition = bool(nxt.parses) and nxt.parses[0].pos == "PREP"
        return (
            nxt.lang == "ru"
            and not preposition
            and any(p.case == "gent" and p.pos == "NOUN" for p in nxt.parses)
        )
    if nxt.lower == "in" and j + 2 < len(tokens) and _unit_part(tokens[j + 2]) is not None:
        return False  # "total volume in tonnes": the volume is what is summed, the unit its own (marts130)
    return nxt.lower in ("of", "in")


def _is_second_word(tokens: Sequence[Token], j: int) -> bool:
    """«средняя сумма», «суммарное количество», "total quantity": the measure noun after an adjective
    (also its slang, «среднее кол-во остановок»)."""
    if tokens[j].lang == "ru" and (
        tokens[j].lower.startswith("кол-в") or tokens[j].lower in ("колво", "к-во")
    ):
        return True
    return _word(
        tokens[j],
        {"сумма", "количество", "число", "цена", "стоимость", "выручка", "оборот", "чек"},
        {"quantity", "amount", "price", "revenue", "value", "qty", "basket", "total"},
    )


def _after_subject(tokens: Sequence[Token], k: int) -> bool:
    """ "how many loans we issue each week", «сколько кредитов мы выдавали каждый месяц»: a verb right after
    its subject pronoun is finite, the event the rows record (as "were issued"), not a refresh."""
    pronouns = SUBJECT_PRONOUNS_EN if tokens[k].lang == "en" else SUBJECT_PRONOUNS_RU
    return k >= 1 and tokens[k - 1].lower in pronouns


def _measured_bracket_after(tokens: Sequence[Token], m: MeasureWord, j: int) -> int | None:
    """The index of a bracket holding one English name after the measure's words and a phrase that only says
    what they are of: «за»/"per" and a noun that is no grain («пробег за поездку (distance_km)»), or, after
    «сколько» + noun, a participle or verb («мест продано (seats_sold)»): the bracket names the column the
    words measure. None when no such bracket follows."""
    n = len(tokens)
    if not m.object or j >= n:
        return None
    k = j
    if tokens[k].lower in ("за", "per") and k + 1 < n and tokens[k + 1].lang in ("ru", "en"):
        k = k + 2 if _grain_noun(tokens[k + 1]) is None else k
    elif m.func == "count" and tokens[m.index].lemma == "сколько" and tokens[k].lang == "ru":
        k += bool(tokens[k].parses) and tokens[k].parses[0].pos in ("PRTS", "VERB")
    if k == j or k + 2 >= n or tokens[k].text != "(" or tokens[k + 2].text != ")":
        return None
    return k if tokens[k + 1].lang == "en" else None


def _participle_bracket(tokens: Sequence[Token], m: MeasureWord, j: int) -> bool:
    """«Сколько начислено (gross)», «сколько затронуто (households)»: «сколько» with no counted noun, then a
    participle or verb (or «к»/«на» and a noun: «сколько к выплате (net)») and an English column name in
    brackets: the bracket names the column the words say how much of (they are read with it)."""
    return (
        m.func == "count"
        and not m.object
        and tokens[m.index].lemma == "сколько"
        and j + 3 < len(tokens)
        and tokens[j].lang == "ru"
        and bool(tokens[j].parses)
        and tokens[j].parses[0].pos in ("PRTS", "VERB", "PRTF", "NOUN")
        and (tokens[j].parses[0].pos != "NOUN" or tokens[j - 1].lower in HOW_MUCH_LINKS)
        and tokens[j + 1].text == "("
        and tokens[j + 2].lang == "en"
        and tokens[j + 3].text == ")"
    )


def _target_phrase_at(ph: MartPhrase, i: int) -> bool:
    """A phrase about the mart's own table starts at token i: «табличку назови X», «назови X», "target
    table X", «результат в кликхаус» (a noun for the result, then where it goes)."""
    tokens, n = ph.tokens, len(ph.tokens)
    t = tokens[i]
    if _naming_word(t) or (_word(t, NAMED_NOUNS_RU, NAMED_NOUNS_EN) and t.lower not in ("the", "it")):
        k = i  # «табличку назови orders_weekly»: naming words, then the new name (never «по названию отдела»)
        while k < n and (_naming_word(tokens[k]) or _word(tokens[k], NAMED_NOUNS_RU, NAMED_NOUNS_EN)):
            k += 1
        if any(_naming_word(tokens[j]) for j in range(i, k)) and k < n and _IDENTIFIER.match(tokens[k].text):
            return True
    if _clause_table_name(tokens, i):
        return True
    if _word(t, RESULT_RU, RESULT_EN) and i + 2 < n and tokens[i + 1].lower in ("в", "во", "to", "into"):
        nxt = tokens[i + 2]
        return nxt.lower in CLICKHOUSE_WORDS or nxt.lemma in CLICKHOUSE_WORDS or "_" in nxt.text
    return False


def _clause_table_name(tokens: Sequence[Token], i: int) -> bool:
    """«…, таблица delivered_daily», "…, table orders_daily": a table noun opening a clause of its own after a
    comma, then one snake_case name that ends the clause: the name of the mart's table (planner23 reads the
    same shape for a load's target)."""
    n = len(tokens)
    return (
        0 < i < n - 1
        and tokens[i - 1].text == ","
        and _word(tokens[i], {"таблица", "табличка"}, {"table"})
        and bool(_IDENTIFIER.match(tokens[i + 1].text))
        and (i + 2 == n or tokens[i + 2].lang == "punct")
    )


def _currency_sum(ph: MartPhrase) -> None:
    """«на сколько рублей», «сколько рублей потратили», "how many dollars": a count of a currency is the sum
    of the money column (the currency word says which kind of column, as «на какую сумму» does)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or len(m.object) != 1 or m.column_ref:
            continue
        if not _word(tokens[m.object[0]], CURRENCY_RU, CURRENCY_EN):
            continue
        m.func = "sum"  # the currency stays its object: the sum is of the money column
        ph.blank.append((tokens[m.object[0]].start, tokens[m.object[0]].end))  # read here, no residue
        if m.index >= 1 and tokens[m.index - 1].lower == "на":
            ph.used.add(m.index - 1)


def _percent_units(ph: MartPhrase) -> None:
    """«средняя комиссия в процентах», "rate in percent": the unit the value is written in
    (words._unit_said_in) is read here, so no residue asks about it; the plan checks that a measured column
    holds percent."""
    for i in range(2, len(ph.tokens)):
        if _unit_said_in(ph.tokens, i):
            ph.percent_units.append(i)  # the plan asks unless a measured column is kept in percent
            ph.used.update({i - 1, i})
            ph.blank.append((ph.tokens[i - 1].start, ph.tokens[i].end))


def _each_after(tokens: Sequence[Token], i: int) -> bool:
    """«заходило через каждую дверь», "through each gate": a quantifier after the preposition makes the noun
    a dimension (per door), not a table joined through."""
    nxt = tokens[i + 1]
    return nxt.lower in EACH or (nxt.lang == "ru" and nxt.lemma in EACH)


def _participle_after_grain(ph: MartPhrase) -> None:
    """ "each month hired": the participle after a grain read outside a dimension list."""
    for g in range(len(ph.tokens) - 1):
        if g in ph.used and _grain_noun(ph.tokens[g]) is not None:
            _english_event_after(ph, g + 1)


def _english_event_after(ph: MartPhrase, j: int) -> bool:
    """ "by week opened", "per month hired", "by day delivered": an English participle right after the grain
    noun names the event whose time the grain is on (created_at of a request that is opened)."""
    tokens = ph.tokens
    if ph.grain is None or j <= 0 or j >= len(tokens) or j in ph.used:
        return False
    if tokens[j - 1].lang != "en" or _grain_noun(tokens[j - 1]) is None or tokens[j].lang != "en":
        return False
    if (event := _when_clause_event(tokens, j)) is not None:  # "per month when the job was opened"
        ph.grain_words.append(event)
        ph.used.update(range(j, event + 1))
        return True
    if not (_participle(tokens[j]) or _time_word(tokens[j])) or _stops(tokens[j]):
        return False
    ph.grain_words.append(j)
    ph.used.add(j)
    return True


def _when_clause_event(tokens: Sequence[Token], j: int) -> int | None:
    """ "per month when the job was opened", "weekly when it got delivered", "by day when paid": «when» [the]
    up to two nouns (the rows' own, or "it") and a form of "be", then a participle naming an event: the index
    of that participle, the event whose time the grain is on (as "per month opened" says it)."""
    n = len(tokens)
    if j >= n or tokens[j].lower != "when":
        return None
    k = j + 1
    while k < n and k - j <= 3 and tokens[k].lang == "en" and tokens[k].lower not in _BE_EN:
        if _time_word(tokens[k]) and _participle(tokens[k]):
            break  # "when paid": no subject
        k += 1
    while k < n and tokens[k].lower in _BE_EN:
        k += 1
    if k < n and tokens[k].lang == "en" and (_participle(tokens[k]) or _time_word(tokens[k])):
        if k + 1 < n and tokens[k + 1].lower in LIST_JOINERS | {"or", "/"}:
            return None  # "when issued or paid": two events, which one dates the grain is asked
        return k
    return None


def _bracket_names_table(ph: MartPhrase, i: int) -> int:
    """ "(beds table)", «(таблица visits)» after a dimension: the words name the fact table (a source), not
    the dimension's column; the index after the bracket (or `i` when there is no such bracket)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if i >= n or tokens[i].text != "(":
        return i
    close = next((k for k in range(i + 1, min(n, i + 5)) if tokens[k].text == ")"), None)
    if close is None:
        return i
    inner = [k for k in range(i + 1, close) if tokens[k].lang in ("ru", "en")]
    nouns = [k for k in inner if tokens[k].lower in TABLE_NOUNS or tokens[k].lemma in TABLE_NOUNS]
    names = [k for k in inner if k not in nouns]
    if not nouns or len(names) != 1:
        return i
    ph.sources.append(names[0])
    ph.used.update(range(i, close + 1))
    return close + 1


def _unit_key(token: Token) -> str | None:
    for key in (token.lower, token.lemma):
        if key in MEASURE_UNITS:
            return key
    return None


def _read_units(ph: MartPhrase) -> None:
    """«суммарное потребление кВт·ч», «в кВт·ч», «пробег, км,», "weight in kg": a unit right after a measure
    (a run of unit abbreviations joined by «·», «/») says what the measure is in; it is read (no dimension,
    no residue, no target «в кВт») and names the measured column when its name has that part (kwh)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        while m.object and _unit_key(tokens[m.object[-1]]) is not None and len(m.object) > 1:
            ph.used.discard(m.object.pop())  # «потребление кВт»: the unit is no word of the object
        start = max([m.index, *m.object]) + 1
        k = start
        while k < n and (tokens[k].text == "," or tokens[k].lower in ("в", "in")) and k - start < 2:
            k += 1
        run: list[int] = []
        while k < n and (_unit_key(tokens[k]) is not None or (run and tokens[k].text in UNIT_JOINERS)):
            run.append(k)
            k += 1
        while run and tokens[run[-1]].text in UNIT_JOINERS:
            run.pop()
        if not run or any(r in ph.used for r in run):
            continue
        keys = [_unit_key(tokens[r]) for r in run if tokens[r].text not in UNIT_JOINERS]
        part = (
            "kwh"
            if keys in (["квт", "ч"], ["kw", "h"])
            else (MEASURE_UNITS.get(keys[0] or "") if len(keys) == 1 else None)
        )
        if len(keys) == 1 and keys[0] in ("ч", "h"):
            continue  # «ч» alone may be an hour of the schedule
        first = start if tokens[start].lower in ("в", "in") else run[0]
        ph.used.update(range(first, run[-1] + 1))
        ph.blank.append((tokens[first].start, tokens[run[-1]].end))
        if part and m.unit is None and m.column_ref is None:
            m.unit = part
        if len(keys) == 1 and currency_code(tokens[run[0]]) is not None:
            ph.currency = (first, run[0])  # «сумма в рублях»: the currency column's value, if it has one


def _pronoun(token: Token) -> bool:
    """«(его название)», «(их ФИО)»: the pronoun points back at the dimension, it names no column. English
    ("(its name)") keeps its pronoun: the bracket reader puts a lone word before the dimension's noun, the
    Russian order, and an English pair read that way would group by the key instead."""
    return token.lower in PRONOUNS


def _read_what_amount(ph: MartPhrase) -> None:
    """«на какую сумму (продано)», «сколько литров и на какую сумму»: the question words of a sum are read
    with it (the sum of the money column), never left as residue."""
    tokens = ph.tokens
    for m in ph.measures:
        i = m.index
        if m.func == "sum" and _what_amount_of(tokens, i):  # «и на какую ценность», "and for how much"
            ph.used.update(range(i - 2 - (tokens[i].lower == "much"), i + 1))
            continue
        if m.func != "sum" or i < 2 or tokens[i].lemma != "сумма":
            continue
        if (
            tokens[i - 1].lang == "ru"
            and tokens[i - 1].lemma in ("какой", "сколько")
            and tokens[i - 2].lower == "на"
        ):
            ph.used.update({i - 2, i - 1})
            _verb_bracket_column(ph, m, i + 1)


def _verb_bracket_column(ph: MartPhrase, m: MeasureWord, k: int) -> None:
    """«на какую сумму вернули (refund_amount)», «на какую сумму (total)»: a column named in brackets after
    the question of a sum (and the verb saying what was done for it) is the column summed."""
    tokens, n = ph.tokens, len(ph.tokens)
    if m.column_ref is not None or m.object:
        return
    j = k + int(k < n and tokens[k].lang == "ru" and tokens[k].has(tokens[k].lemmas, pos=("VERB", "PRTS")))
    if j + 2 < n and tokens[j].text == "(" and tokens[j + 1].lang == "en" and tokens[j + 2].text == ")":
        m.column_ref = tokens[j + 1].text
        ph.used.update(range(k, j + 3))


def _bracket_grain_words(ph: MartPhrase) -> None:
    """«помесячно (по началу отключения)», "weekly (by start of the trip)", «помесячно (месяц начисления)»: a
    bracket right after the grain word whose words name an event's time, or a date or grain noun with what
    it is of, is the grain's column words."""
    tokens, n = ph.tokens, len(ph.tokens)
    if ph.grain is None or ph.grain_words or ph.grain_column:
        return
    for p in range(1, n):
        before = tokens[p - 1]
        grain_word = _grain_noun(before) or _grain_adjective(before) or before.lower in GRAIN_ADVERBS_RU
        if tokens[p].text != "(" or p - 1 not in ph.used or not grain_word:
            continue
        close = next((k for k in range(p + 1, min(n, p + 6)) if tokens[k].text == ")"), None)
        if close is None:
            continue
        inner = [k for k in range(p + 1, close) if tokens[k].lower not in ("по", "by", "on", "of", "the")]
        read = [d for d in ph.dims if set(d) <= set(inner)]  # «(по началу отключения)» read as a dimension
        free = set(inner) - {k for d in read for k in d}
        if inner and all(k not in ph.used and tokens[k].lang in ("ru", "en") for k in free):
            # «(месяц начисления)», «(дата заселения)»: a date or grain noun and what it is of, as a comment
            dated = (
                any(_grain_noun(tokens[k]) or tokens[k].lemma in DATE_NOUNS for k in inner) and len(inner) > 1
            )
            if dated or any(_time_word(tokens[k]) for k in inner):
                ph.dims = [d for d in ph.dims if d not in read]
                ph.grain_words.extend(inner)
                ph.used.update(range(p, close + 1))
                return


def _bracketed_grain_column(ph: MartPhrase, k: int) -> int:
    """«по месяцам визита (visit_date)», "per week of sale (sold_at)": a snake_case name alone in brackets
    right after a grain phrase is the grain's column (the catalog checks that it is a time column)."""
    tokens, n = ph.tokens, len(ph.tokens)
    if not (k + 2 < n and tokens[k].text == "(" and tokens[k + 2].text == ")"):
        return k
    name = tokens[k + 1].text
    if ph.grain_column is not None or k + 1 in ph.used or not _IDENTIFIER.match(name):
        return k
    meanings = [m for m in (_time_word(tokens[w]) for w in ph.grain_words) if m]
    # «по дням приёма (scheduled_at)»: a time word's second reading (an appointment's «приём» is scheduled)
    meanings += [
        TIME_WORDS_ALSO[x] for w in ph.grain_words for x in ph.tokens[w].lemmas if x in TIME_WORDS_ALSO
    ]
    if meanings and not any(part.startswith(m) for m in meanings for part in name.lower().split("_")):
        ph.grain_disputed.append(name)
        return k  # «по месяцам доставки (created_at)»: the words and the name disagree, left unread (asked)
    ph.grain_column = name
    ph.used.update(range(k, k + 3))
    return k + 3


def _subject_noun(tokens: Sequence[Token], k: int) -> bool:
    """A Russian noun in the nominative at k («клиенты» of «заказы сделали клиенты из каждого города»): who
    the rows are of, not the counted genitive («лидов из каждого источника»)."""
    return (
        k >= 0
        and tokens[k].lang == "ru"
        and bool(tokens[k].parses)
        and tokens[k].parses[0].pos == "NOUN"
        and tokens[k].parses[0].case == "nomn"
    )


def _split_connector(tokens: Sequence[Token], i: int) -> set[int]:
    """The indexes of a grouping verb right before the «по»/"by" at `i` ("split by", "broken down by")."""
    k = i - 1
    if k >= 0 and tokens[k].lower in SPLIT_PARTICLES_EN and tokens[i].lang == "en":
        k -= 1
    if k < 0:
        return set()
    before = tokens[k]
    if (before.lang == "en" and before.lower in SPLIT_EN) or (
        before.lang == "ru" and before.lemmas & SPLIT_RU
    ):
        return set(range(k, i))
    return set()


def _acting_participle(tokens: Sequence[Token], i: int) -> bool:
    """An English -ing participle right after the counted noun ("customers ordering each month", "users
    signing up every day"): the counted rows' own event, so «each <unit>» is its grain; a loading or
    refreshing verb stays the schedule's."""
    t, before = tokens[i], tokens[i - 1]
    if t.lang != "en" or not t.lower.endswith("ing") or len(t.lower) < 6 or before.lang != "en":
        return False
    if t.lower in LOAD_VERBS_EN or t.lower[:-3] in LOAD_VERBS_EN or t.lower in REFRESH_EN:
        return False
    return before.lower not in FILLER_EN and before.lower not in CHAT_EN


def _grain_read(ph: MartPhrase, k: int) -> bool:
    """Token k is a grain adjective or adverb the grain loop read already ("per district hourly")."""
    t = ph.tokens[k]
    return k in ph.used and bool(_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU)


def _splits_next(tokens: Sequence[Token], k: int) -> bool:
    """Token k starts a grouping verb before «по»/"by" ("broken down by", «сгруппировать по»)."""
    for end in range(k + 1, min(len(tokens), k + 3)):
        if tokens[end].lower in DIM_PREPS_RU | DIM_PREPS_EN:
            return _split_connector(tokens, end) == set(range(k, end))
    return False


def _null_word(token: Token) -> bool:
    """«пустой», «не заполнен», "empty", "null": a word saying whether a column holds a value."""
    return token.lower.startswith(("пуст", "заполнен", "указан")) or token.lower in (
        "empty",
        "null",
        "blank",
        "missing",
        "filled",
        "populated",
    )


def _null_bracket(tokens: Sequence[Token], inner: list[int]) -> bool:
    """The bracket after a dimension holds a column and a null word («(card_number пустой)», "(x not empty)"):
    a row condition for the filter rules, not the dimension's column."""
    return any(_null_word(tokens[k]) for k in inner)


def _null_check_at(tokens: Sequence[Token], k: int) -> bool:
    """Token k starts «expelled_on не пустой», "fired_at is not empty": a column's identifier and a null word
    with only "is"/"not"/«не» between them, a row condition (never a dimension the list goes on with)."""
    if k >= len(tokens) or not _IDENTIFIER.match(tokens[k].text):
        return False
    for t in tokens[k + 1 : k + 4]:
        if _null_word(t):
            return True
        if t.lower not in ("is", "are", "not", "non", "не", "-"):
            return False
    return False


def _names_rows_of(ph: MartPhrase, i: int, close: int) -> bool:
    """«по минибару (charge_type = minibar)», "for product X (sku = 'x1')": a singular «по» noun (or an
    English word) right before a bracketed `column = value` names the rows to take, as `_preps_naming_rows`
    reads it for a load; no dimension. A plural («по регионам (region = north)») is left as it was."""
    tokens = ph.tokens
    head = tokens[ph.dims[-1][0]]
    if not _comparison_at(tokens, i + 1) or tokens[i + 2].text != "=" or close - i > 5:
        return False
    return head.lang == "en" or not (head.parses and head.parses[0].number == "plur")


def _comparison_at(tokens: Sequence[Token], k: int) -> bool:
    """Token k is a word and a comparison sign follows it ("status = paid", «operation != accrual», "total >=
    100"): a row condition written as SQL, never a dimension the list goes on with."""
    if k + 1 >= len(tokens) or tokens[k].lang not in ("ru", "en"):
        return False
    return tokens[k + 1].text in ("=", "<", ">", "!")
