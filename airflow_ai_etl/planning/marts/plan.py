"""Entry of the mart rules: is_mart_request, looks_like_mart and plan_mart (phrase + catalog -> a mart
or questions), with the Excel export and ClickHouse placement of a mart."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import ConnectionInfo, Table
from airflow_ai_etl.marts.gates import pinned
from airflow_ai_etl.marts.model import Mart, MartDefinition
from airflow_ai_etl.marts.resolve import MartQuestion, column_kind, resolve_mart
from airflow_ai_etl.messages import say
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.filters import (
    EN_PARTICIPLE,
    _is_time_column,
    state_two_columns_question,
    value_meanings,
)
from airflow_ai_etl.planning.lexer import Token, numerals, tokenize
from airflow_ai_etl.planning.lexicon import CURRENCY_COMMENT_PREFIXES, is_
from airflow_ai_etl.planning.marts.adjective_items import adjective_measure_pairs
from airflow_ai_etl.planning.marts.dimensions import (
    _bare_rows_grouped,
    _dash_glossed_dimension,
    _dimensions,
    _drop_owner_title,
    _event_date_owner,
    _genitive_noun,
    _genitive_spells_elsewhere,
    _modifiers_of_one_head,
    _role_compound_elsewhere,
)
from airflow_ai_etl.planning.marts.facts import (
    _bracketed_table,
    _claim_title_table,
    _clause_fact,
    _clause_lead,
    _column_noun_of_fact,
    _comment_complement,
    _comment_pair,
    _cue_ends_column_name,
    _cue_spells_comment,
    _drop_comment_tail,
    _drop_comment_topic,
    _drop_fact_title,
    _drop_header_title,
    _drop_title_table,
    _fact_adjective,
    _fact_participle,
    _fact_table,
    _fact_title_adjectives,
    _head_of_another_table,
    _logged_participle,
    _order_level_fact,
    _register_noun_source,
    _spelled_object_before,
    _subject_comment_tail,
    _table_named_as_column,
    _title_comment_fact,
    _title_source,
    _verb_of_rows_in_comment,
)
from airflow_ai_etl.planning.marts.glossed_lists import glossed_list_codes, unread_gloss
from airflow_ai_etl.planning.marts.grain import (
    _bracketed_grain_after_dim,
    _counts_times,
    _date_phrase_grain,
    _dated_by_grain,
    _dates_the_grain,
    _deadline_time,
    _english_event_column,
    _grain,
    _grain_event_blanked,
    _grain_phrase_dimension,
    _grain_word_columns,
    _period_over_period,
    _qualified_grain_column,
    _registration_columns,
    _says_registration,
    _single_day_rows,
    _state_dated_by_grain,
    _unsupported_grain,
    _written_out_cuts,
)
from airflow_ai_etl.planning.marts.ground import (
    _comment_names,
    _comment_verb,
    _describes,
    _dim_heads,
    _event_happened,
    _fact_connections,
    _fk_column,
    _Ground,
    _joined_words,
    _key_column,
    _money_columns,
    _money_name,
    _names_by_qualifier,
    _names_clickhouse,
    _names_event_time,
    _numeric_columns,
    _numeric_names,
    _part_match,
    _quantity_column,
    _reachable,
    _time_columns,
    _word_of_column,
    ground_name,
)
from airflow_ai_etl.planning.marts.joined_filters import add_join, joined_condition
from airflow_ai_etl.planning.marts.joined_kinds import joined_kinds
from airflow_ai_etl.planning.marts.lone_unit_items import lone_unit_items
from airflow_ai_etl.planning.marts.measures import (
    _adjective_of_measured_comment,
    _amount_noun_bracket,
    _amount_of_money_measure,
    _bracketed_distinct,
    _carries_unit,
    _comment_glossed_measure,
    _comment_measures,
    _counted_entity,
    _counted_event_noun,
    _counted_head,
    _counted_list_item,
    _counted_noun_first,
    _counted_people,
    _counts_people,
    _distinct_people,
    _drop_header_measures,
    _head_column_measure,
    _how_many_in_register,
    _how_much_of_rows_bracket,
    _in_unit_measures,
    _labelled_bracket_column,
    _mass_noun_counted,
    _measure_of_nothing,
    _measure_owner_after,
    _measure_per_own_row,
    _measure_qualifiers,
    _measured_dimensions,
    _measures,
    _money_noun_measures,
    _names_measured,
    _names_unit_column,
    _of_people,
    _one_row_per_entity,
    _own_rows_after_measure,
    _paired_bracket_columns,
    _participle_sum,
    _people_count,
    _people_event_asked,
    _per_entity_ratio,
    _per_unit_adjectives,
    _per_unit_phrases,
    _postposed_measure,
    _postposed_subject_measures,
    _qualifies_measured_word,
    _rows_noun_bracket_measure,
    _shared_measure_of_pair,
    _shared_measure_of_pair_ru,
    _spells_measured_comment,
    _state_rows_grouped,
    _subject_measure,
    _sum_per_own_rows,
    _summed_rate,
    _title_measure,
    _titled_column,
    _titled_measures,
    _unbracketed_units,
    _unit_noun_measures,
    _unit_of_noun,
    _units_word_of_table_name,
    _words_of,
)
from airflow_ai_etl.planning.marts.one_row import one_row_measures
from airflow_ai_etl.planning.marts.people_roles import counted_people_roles
from airflow_ai_etl.planning.marts.phrase import MartPhrase, _read_lookback, _target_phrase_at, read_mart
from airflow_ai_etl.planning.marts.possessives import plural_possessives
from airflow_ai_etl.planning.marts.row_filters import (
    _and_where,
    _bare_null_check,
    _bracket_restates_measure,
    _bracketed_value_of_measure,
    _claim_not_yet,
    _claim_not_yet_subject,
    _column_value_pair,
    _contradicted,
    _currency_condition,
    _dash_restates_count,
    _drop_split_flag_conditions,
    _english_state,
    _event_participle_flag,
    _explained_filter,
    _fact_comment_says,
    _fact_noun_before_value_bracket,
    _first_state_event,
    _flag_groups_of_fact,
    _flag_phrase_group,
    _flag_split,
    _full_participle,
    _hyphenated_value,
    _instrumental_value,
    _key_noun_null_check,
    _listed_state_of_measured,
    _means_listed_value,
    _not_yet,
    _noun_names_a_value,
    _only_column_noun_value,
    _only_fact_noun,
    _people_at_flagged_event,
    _quoted_bare_values,
    _relative_flag,
    _release_flag_words,
    _release_from_values,
    _release_noun_before_with,
    _release_only_value_bracket,
    _release_via_values,
    _rows_by_listed_value,
    _russian_verb_state,
    _schema_before_own_noun,
    _shared_prefix,
    _state_adjective,
    _state_flag_bracket,
    _state_or_counter,
    _type_word_value,
    _value_of_column,
    _verb_flag,
    _with_state_participle,
)
from airflow_ai_etl.planning.marts.shared_heads import shared_head_measures
from airflow_ai_etl.planning.marts.spending import spending_measures
from airflow_ai_etl.planning.marts.unit_items import unit_items_before_measure
from airflow_ai_etl.planning.marts.window_rows import bare_window_rows, rolling_window_rows
from airflow_ai_etl.planning.marts.words import (
    _IDENTIFIER,
    _LOCAL_XLSX,
    _QTY_COMPARE,
    _S3_XLSX,
    _TARGET_PREPS_EN,
    ALREADY_WORDS,
    CUT_WORDS,
    DATE_NOUNS,
    DIM_PREPS_EN,
    DIM_PREPS_RU,
    DO_SUPPORT_EN,
    EACH,
    EVENT_PREFIX,
    FILE_NOUNS,
    FILLER_EN,
    FILLER_RU,
    FROM_WORDS,
    GRAIN_ADVERBS_EN,
    GRAIN_ADVERBS_RU,
    LIST_JOINERS,
    LOAD_VERBS_EN,
    LOAD_VERBS_RU,
    MONEY_EN,
    MONEY_NOUNS_RU,
    MONEY_RU,
    NAMED_NOUNS_EN,
    NAMED_NOUNS_RU,
    NEGATION_WORDS,
    ONLY_WORDS,
    REFRESH_EN,
    REFRESH_RU,
    RESULT_EN,
    RESULT_RU,
    SPEND_EN,
    SPLIT_EN,
    SPLIT_PARTICLES_EN,
    STOCK_EN,
    STOCK_RU,
    SUBJECT_PRONOUNS_EN,
    SUM_FUNCTION_EN,
    SUM_FUNCTION_RU,
    TABLE_NOUNS,
    THERE_WORDS,
    TITLE_EN,
    TITLE_LINKS,
    TITLE_RU,
    TRIGGER_EN,
    TRIGGER_RU,
    UNITS_EN,
    UNITS_RU,
    MeasureWord,
    _after_do_support,
    _asker,
    _chat_word,
    _comment_head,
    _comment_lemmas,
    _comment_stems,
    _comparison_before,
    _en,
    _english_participle,
    _exchange_rate_comment,
    _finite_event_verb,
    _full_participle_form,
    _grain_adjective,
    _grain_noun,
    _grain_noun_named,
    _header_cut,
    _incremental,
    _is_excel_word,
    _is_measure,
    _measure_func,
    _naming_word,
    _participle,
    _qualified_after,
    _refresh_noun,
    _ru,
    _spans_blanked,
    _speaker_words,
    _time_word,
    _title_nouns,
    _verb_times,
    _word,
    _wrapper_words,
)
from airflow_ai_etl.planning.meaning_phrases import value_adjective_ids
from airflow_ai_etl.planning.means import means_after_participle, without_means_prepositions
from airflow_ai_etl.planning.newrows import says_recent
from airflow_ai_etl.planning.patterns import (
    DEDUPE,
    INCREMENTAL,
    LAST_N,
    NEW_NOUN,
    NULL_AFTER,
    WINDOW_PREPOSITIONS,
)
from airflow_ai_etl.planning.request import Found, Request, status_spellings, status_word
from airflow_ai_etl.planning.residue import derived_columns
from airflow_ai_etl.planning.vocabulary import (
    CURRENCY_EN,
    CURRENCY_RU,
    ENGINE_WORDS,
    VALUE_MEANINGS,
    engine_in_any_form,
    name_parts,
    stem,
)
from airflow_ai_etl.relations import relations_of
from airflow_ai_etl.spec import DEFAULT_S3_CONN_ID

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner


def is_mart_request(tokens: Sequence[Token], titles: frozenset[int] = frozenset()) -> bool:
    """A trigger word, or a measure word with «по/by/per» or a grain word and no load verb. `titles`: ids of
    the tokens that spell a table's title (see :func:`comment_title_ids`), never a measure. A closing wrapper
    («…, простая сводка», "…, a quick rollup") is left out of the words: it says what the result is called."""
    wrapped = _wrapper_words(tokens)
    words = [t for i, t in enumerate(tokens) if t.lang != "punct" and i not in wrapped]
    naming_rows = _preps_naming_rows(tokens)
    for i, t in enumerate(words):
        if _ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN):
            return True
        if t.lower == "report" and i + 1 < len(words) and words[i + 1].lower in ("table", "tables"):
            return True
    if _load_words(tokens):
        return False
    glosses = _latin_glosses(tokens)
    measure = any(
        _measure_func(words, i) is not None
        and id(words[i]) not in titles
        and id(words[i]) not in glosses
        and not _sum_of_a_row(words, i)
        and not _compared_after(words, i)
        and not _compared_by(words, i)
        and not _null_state_after(words, i)
        and not _stock_rows_compared(words, i)
        for i in range(len(words))
    )
    grain_phrase = any(
        t.lower in DIM_PREPS_RU | DIM_PREPS_EN and _grain_noun(nxt) and nxt.has(nxt.lemmas, number="plur")
        if t.lang == "ru"
        else t.lower in ("per",) and _grain_noun(nxt) is not None
        for t, nxt in zip(words, words[1:], strict=False)
    )  # «по дням», "per week": a grain, whatever is counted ("Leads per source per week")
    grain_phrase = grain_phrase or _by_grain(words)  # "orders by month": as «Заказы по месяцам»
    per = any(t.lower == "per" for t in words)  # "appointments per doctor specialty"
    grain_phrase = grain_phrase or _grain_on_date(words)  # "weekly by visit date": a grain, never a schedule
    grain_phrase = grain_phrase or _grain_on_time_name(words)  # "X by topic, monthly by created_at"
    adverb = any(t.lower in GRAIN_ADVERBS_RU for t in words)  # «помесячно»: a grain, never a schedule
    adverb = adverb or _grouped_with_grain_adverb(tokens)  # "Wi-Fi traffic by access point, hourly"
    # "Appointments by status, export to Excel /x.xlsx": a load has no Excel target, a grouping exports a mart
    export = _exports_to_excel(tokens)
    grain_phrase = grain_phrase or _grain_adjective_grouped(words)  # "daily visits by diagnosis"
    state_rows = _state_rows_grouped(words)  # «Занятые койки по палатам (ward)»: the rows in a state counted
    state_rows = state_rows or _bare_rows_grouped(words)  # «Счета по статусам», "tickets by priority"
    if not measure and not grain_phrase and not per and not adverb and not export and not state_rows:
        return False
    if measure and wrapped:
        return True  # "Average review rating — one-number report": a measure the asker calls a report
    grouped = any(
        (t.lower in DIM_PREPS_RU | DIM_PREPS_EN and id(t) not in naming_rows)
        or t.lemma in CUT_WORDS
        or (
            k > 0
            and (t.lemma in EACH or t.lower in EACH)
            and (
                words[k - 1].lower in ("в", "во", "для", "у", "in", "for", "of")
                or (
                    words[k - 1].lower == "на" and _qualified_after(words, k + 1)
                )  # «на каждой модели машины»
                or (words[k - 1].lang == "en" and words[k - 1].lower.endswith("ing"))
            )
        )
        for k, t in enumerate(words)
    )  # «для каждого региона», "for each region", "visiting each doctor", "of each kind": a grouping too
    if naming_rows and not grouped:
        return False  # «остатки по складу spb (warehouse = 'spb') каждый час»: the rows of one warehouse
    if not grouped and not grain_phrase and not per and not adverb and _stock_words_only(words):
        return False  # «остатки в клик каждый час»: the stock table loaded, not one row of summed quantity
    if export and not (measure or grain_phrase or per or adverb):
        return grouped  # "Export appointments to Excel daily": no grouping, no mart (a question follows)
    return grouped or any(_grain_noun(t) or _grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU for t in words)


def _stock_words_only(words: Sequence[Token]) -> bool:
    """Every measure word is a stock word («остатки», "stock"): they name the stock table; alone they sum its
    quantity only when grouped («остатки по складам»), a measure word («сумма остатков») asks for the sum."""
    found = [i for i in range(len(words)) if _measure_func(words, i) is not None]
    return bool(found) and all(_word(words[i], STOCK_RU, STOCK_EN) for i in found)


def _preps_naming_rows(tokens: Sequence[Token]) -> set[int]:
    """ids of the «по»/"by" tokens whose phrase ends in a bracketed equality: «по складу msk (warehouse =
    'msk')» names the rows to take, not a grouping."""
    found = set()
    for j, t in enumerate(tokens):
        if t.lower not in DIM_PREPS_RU | DIM_PREPS_EN:
            continue
        noun = tokens[j + 1] if j + 1 < len(tokens) else t
        if noun.lang == "ru" and noun.has(noun.lemmas, number="plur"):
            continue  # «по регионам (region = 'north')»: a grouping still
        if _grain_noun(noun) is not None:
            continue  # "per month (operation = redemption)": a grain groups, the bracket is its condition
        for k in range(j + 1, min(len(tokens) - 2, j + 5)):
            if tokens[k].lower in (",", ";", ".", ")"):
                break
            if tokens[k].lower == "(" and tokens[k + 1].lang == "en" and tokens[k + 2].lower == "=":
                found.add(id(t))
                break
    return found


def _compared_after(words: Sequence[Token], i: int) -> bool:
    """«где зачётных единиц (credits) больше 4», "where units are over 4", "with a total over ten thousand":
    the measure word is the subject of a row condition (a relative word or "with"/«с» before it, a
    comparison and a number after it), not a measure."""
    if not _relative_before(words, i) and not _with_before(words, i):  # «у которых ... больше 4» as «где»
        return False
    for k in (i + 1, i + 2):  # right after it, or after the column named in brackets ("total amount over")
        if k == i + 2 and (
            k > len(words) or words[k - 1].lang != "en" or words[k - 1].lower in ("is", "are")
        ):
            break  # only an English word (a bracketed column, "amount", "of") stands between
        while k < len(words) and words[k].lower in ("is", "are"):
            k += 1
        for compared, _ in _QTY_COMPARE:
            end = k + len(compared)
            if end < len(words) and all(words[k + n].lower == w for n, w in enumerate(compared)):
                return words[end].number is not None
    return False


# «не определена», «пока не известна», "not known yet": a value not there yet, as «не указана» is
_NOT_YET_KNOWN = re.compile(
    r"\bне\s+(?:определ|известн|назначен|установлен)\w*|\bunknown\b|\bnot\s+(?:yet\s+)?(?:known|decided|defined)\b"
)


def _null_state_after(words: Sequence[Token], i: int) -> bool:
    """«где сумма к выплате ещё не определена», "where the amount is not set yet": the measure word is the
    subject of a row condition (a relative word before it, a null state in its clause), not a measure."""
    if not _relative_before(words, i):
        return False
    clause: list[str] = []
    for w in words[i + 1 : i + 8]:
        if w.lower in (",", ";", "(", ")"):
            break
        clause.append(w.lower)
    said = " ".join(clause)
    return bool(NULL_AFTER.search(said) or _NOT_YET_KNOWN.search(said))


def _with_before(words: Sequence[Token], i: int) -> bool:
    """ "with a total", "with a total amount", «с итоговой суммой»: "with"/«с» up to three words before word
    `i`, with only articles and adjectives between (the noun it governs is word `i`)."""
    for k in range(i - 1, max(-1, i - 4), -1):
        w = words[k]
        if w.lower in ("with", "с", "со"):
            return True
        if w.lower not in ("a", "an", "the") and not (
            w.lang == "ru" and any(p.pos in ("ADJF", "PRTF") for p in w.parses)
        ):
            return False
    return False


# «дороже пяти тысяч по сумме чека»: a comparison word right before the number a measure word after «по» names
_BY_COMPARED = {"дороже", "дешевле", "больше", "меньше", "более", "менее", "свыше", "выше", "ниже"}


def _compared_by(words: Sequence[Token], i: int) -> bool:
    """«наряды дороже 50 тысяч по итоговой сумме», «платежи больше 20000 по сумме»: the measure word after
    «по» (and its adjectives) names the column the number before it is compared with: a row condition of a
    load, not a measure grouped by anything."""
    k = i - 1
    while k >= 0 and words[k].lang == "ru" and any(p.pos in ("ADJF", "PRTF") for p in words[k].parses):
        k -= 1
    if k < 1 or words[k].lower != "по":
        return False
    k -= 1
    if k > 0 and _word(words[k], CURRENCY_RU, CURRENCY_EN):
        k -= 1  # «больше 20000 рублей по сумме»
    if k > 0 and words[k].number is None and words[k].lemma in ("тысяча", "миллион", "тыс", "млн"):
        k -= 1  # «пяти тысяч»: the multiplier of the number before it
    return k > 0 and words[k].number is not None and words[k - 1].lower in _BY_COMPARED


def _relative_before(words: Sequence[Token], i: int) -> bool:
    """A relative word («где», «у которых», "where", "whose") within three words before word `i`."""
    return any(
        w.lower in ("где", "where", "whose") or (w.lang == "ru" and w.lemma == "который")
        for w in words[max(0, i - 3) : i]
    )


def _stock_rows_compared(words: Sequence[Token], i: int) -> bool:
    """«остатки с количеством меньше 10», "stock with qty below 10" and no grouping: the stock word names
    the table whose rows are filtered on the quantity column (a load's row condition), not a sum."""
    if not _word(words[i], STOCK_RU, STOCK_EN) or any(w.lower in DIM_PREPS_RU | DIM_PREPS_EN for w in words):
        return False
    for k in range(i + 1, len(words)):
        if not _word(words[k], {"количество"}, {"quantity", "qty"}):
            continue
        n = k + 1 + (k + 1 < len(words) and words[k + 1].lower in ("of", "is", "was"))
        for compared, _ in _QTY_COMPARE:
            end = n + len(compared)
            if end < len(words) and all(words[n + m].lower == w for m, w in enumerate(compared)):
                if words[end].number is not None:
                    return True
    return False


def _load_words(tokens: Sequence[Token]) -> bool:
    """A verb of loading («перегружать товары»), a load mode or a key («по ключу»): a load, not a mart."""
    words = [t for t in tokens if t.lang != "punct"]
    export = _exports_to_excel(tokens)
    lookback = MartPhrase(list(tokens))
    _read_lookback(lookback)
    if any(
        (
            _word(t, LOAD_VERBS_RU, LOAD_VERBS_EN)
            and not export
            and not _copies_noun(words, k)
            and not _already(words, k)
            and not _counted_event_verb(words, k)
        )  # «сколько литров залили»: the event
        or any(is_(t, c) for c in ("REPLACE", "MERGE", "CDC", "APPEND_ONLY"))  # "append by created_at"
        or (_incremental(t) and lookback.lookback is None and not _aggregate_with_grain(words))
        for k, t in enumerate(words)
    ):
        return True
    # «обновлять по ключу product_id», "by key": an upsert of a load (a mart has no keys)
    return any(t.lemma == "ключ" or t.lower in ("key", "keys") for t in words)


# words after "copies" that make it the noun ("copies in the collection", "copies by format", "copies that")
_AFTER_COPIES_NOUN = frozenset({"in", "by", "per", "of", "at", "on", "that", "which", "whose", "with", "for"})


def _copies_noun(words: Sequence[Token], k: int) -> bool:
    """ "Copies in the collection by format", "number of copies": the noun (a library's copies), no load
    verb. A request says the load as "copy X"; "copies" is that verb only as its first word before an object
    (marts117)."""
    if words[k].lang != "en" or words[k].lower != "copies":
        return False
    return k > 0 or (k + 1 < len(words) and words[k + 1].lower in _AFTER_COPIES_NOUN)


def _aggregate_with_grain(words: Sequence[Token]) -> bool:
    """«сумма часов по отделам понедельно, инкрементально», "total hours per week, incremental": a measure
    word and a grain make a mart, so «инкрементально» is its refresh, not an incremental load."""
    grain = _grain_noun_named(words) or any(_grain_adjective(t) for t in words)
    return grain and any(_measure_func(words, i) is not None for i in range(len(words)))


def _already(words: Sequence[Token], k: int) -> bool:
    """«уже загружены», "is already loaded": the load word says where a table is, it asks for no load."""
    return any(w.lower in ALREADY_WORDS for w in words[max(0, k - 2) : k])


_DEDUPE_KEY = re.compile(DEDUPE.pattern + r"(?P<gap>[\s,]*)", re.IGNORECASE)
# «штрафы в клик, новые по id», "new ones by id": the new rows' column (a watermark), no grouping (planner55);
# «инкрементом по finished_at», "incremental by id" say the same column (planner58)
_NEW_ROWS_KEY = re.compile(
    rf"(?:{NEW_NOUN.pattern}|{INCREMENTAL.pattern})(?:\s+(?:ones|rows|records))?\s+(?:по|by)\b", re.IGNORECASE
)


def _subject_mart(planner: OfflinePlanner, tokens: Sequence[Token], text: str) -> bool:
    """No measure word, but the words before «по»/"by"/"per" name numeric columns of one table («Объявленная
    ценность посылок по городам хабов», "Gross and net pay by month"): a mart too (read with the catalog)."""
    if _load_words(tokens) or not any(t.lower in DIM_PREPS_RU | DIM_PREPS_EN for t in tokens):
        return False  # cheap checks first: a long load request never pays for the schedule reader here
    first = Request(text)
    planner._schedule(first)  # «по вторникам», «по Владивостоку»: the schedule's, not a grouping
    # «без дублей по serial_no», "no dupes by email": the dedupe's key (the word after it), not a grouping
    keys = [(m.start(), m.end() + len(m.group("gap")) + 1) for m in _DEDUPE_KEY.finditer(text)]
    keys += [(m.start(), m.end()) for m in _NEW_ROWS_KEY.finditer(text)]
    spans = [*first.schedule_spans, *keys]
    grouping = [
        t
        for t in tokens
        if t.lower in DIM_PREPS_RU | DIM_PREPS_EN and not any(a <= t.start < b for a, b in spans)
    ]
    if _load_words(tokens) or not grouping:
        return False
    # «каждые 5 минут по updated_at»: the schedule's words measure nothing (telecom's tariffs.minutes is
    # 'Пакет минут'), so the measures are read with the schedule blanked
    blank = _spans_blanked(text, first.schedule_spans)
    if (spelled := _comment_measures(planner, blank, tokenize(blank))) != blank and is_mart_request(
        tokenize(spelled)
    ):
        return True  # «трафик (скачано байт) по точкам доступа»: a column's comment, summed
    pg = [c for c in planner.catalog.connections_of("postgres") if planner.catalog.tables_of(c.conn_id)]
    if len(pg) != 1:
        return False
    ph = read_mart(text)
    if ph.measures:
        return False
    ph.schedule_spans = list(first.schedule_spans)  # «каждые 5 минут по ...»: no subject of the mart
    ground = _Ground(planner, pg[0].conn_id, planner.catalog.tables_of(pg[0].conn_id))
    _subject_measure(ph, ground)
    return bool(ph.measures) or _event_noun_of_table(ph, ground)


def _event_noun_of_table(ph: MartPhrase, ground: _Ground) -> bool:
    """«Выдачи карт по платёжным системам»: a verbal noun opening the request, whose event dates the rows of
    the table the genitive after it names (cards.issued_at 'Дата выпуска карты'), grouped: those events are
    counted, a mart as «число выдач карт» is."""
    words = [t for t in ph.tokens if t.lang != "punct"]
    if len(words) < 3 or ph.tokens[0].lang != "ru" or 0 in ph.used or 1 in ph.used or not ph.dims:
        return False
    owner = ground.table_of(ph.tokens[1])
    return (
        owner is not None
        and ph.tokens[1].has(ph.tokens[1].lemmas, case=("gent",))
        and _head_event_noun(ph.tokens[0], owner)
    )


def _means_not_grouped(planner: OfflinePlanner, ph: MartPhrase) -> None:
    """ "Sum of payments made by card per branch": a one-word dimension that is a listed value after a
    participle of paying and "by" is the rows' means; its words are left to the row-condition rules, which
    read "made by card" as `payment_method = 'card'` (marts118)."""
    for words in list(ph.dims):
        if len(words) == 1 and (by := means_after_participle(planner, ph.tokens, words[0])) is not None:
            ph.dims.remove(words)
            ph.used.difference_update(range(by, words[0] + 1))


def looks_like_mart(planner: OfflinePlanner, text: str) -> bool:
    """A mart by its words, or by column words the catalog knows (see :func:`_subject_mart`)."""
    text = _period_over_period(_without_purpose(text))  # «для планёрки по загрузке»: no load verb
    tokens = tokenize(text)
    # «со средним приоритетом»: a listed value beside its column's noun is no average (planner133)
    titles = comment_title_ids(planner, tokens) | value_adjective_ids(planner.catalog, tokens)
    said = without_means_prepositions(planner, tokens)  # "by card": the rows' means, no grouping (planner135)
    return is_mart_request(said, titles) or _subject_mart(planner, tokens, text)


def groups_by_catalog_column(planner: OfflinePlanner, text: str) -> bool:
    """«Пассажиропоток по городам», "Occupancy by city": a grouping word after «по»/"by"/"per" that names a
    column of a catalog table (airports.city 'Город') makes a report on the catalog's data, even when no
    measure is read; such a request is asked about, not refused as off-topic (marts55)."""
    words = [t for t in tokenize(text) if t.lang != "punct"]
    heads = [words[i + 1] for i, t in enumerate(words[:-1]) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN]
    if not heads:
        return False
    for conn in planner.catalog.connections_of("postgres"):
        ground = _Ground(planner, conn.conn_id, planner.catalog.tables_of(conn.conn_id))
        if any(ground.columns_named(table, [head]) for head in heads for table in ground.tables):
            return True
    return False


def comment_title_ids(planner: OfflinePlanner, tokens: Sequence[Token]) -> frozenset[int]:
    """«номерной фонд» of booking.rooms 'Номерной фонд (номера отелей)', «коечный фонд» of beds: the words
    that spell, in order, the head phrase of a table's comment (its first two words, before any bracket or
    colon) name that table; a measure word among them («фонд») measures nothing (planner51)."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    stems = [stem(t.lower) if t.lang != "punct" else "" for t in tokens]
    found: set[int] = set()
    for conn in planner.catalog.connections.values():
        for table in planner.catalog.tables_of(conn.conn_id):
            # the head phrase: the first two words («Коечный фонд» of 'Коечный фонд стационара')
            title = name_parts_of_text(re.split(r"[(:]", table.comment or "", maxsplit=1)[0])[:2]
            if len(title) < 2 or any(len(w) < 3 or w in DIM_PREPS_RU for w in title):
                continue
            for k in range(len(stems) - len(title) + 1):
                if stems[k : k + len(title)] == title:
                    found.update(id(t) for t in tokens[k : k + len(title)])
    return frozenset(found)


def excel_is_target(text: str) -> bool:
    """The workbook the request names follows «в/to/into» (an export target, never a source to load)."""
    return _exports_to_excel(tokenize(text))


def _exports_to_excel(tokens: Sequence[Token]) -> bool:
    """«выгружать в /data/x.xlsx», "export to Excel": the workbook is the target (after «в/to/into»), so the
    export verb does not make the request a load; a workbook after «из/from» is a source."""
    for i, t in enumerate(tokens):
        if not (t.lower.endswith(".xlsx") or _is_excel_word(t)):
            continue
        k = i - 1
        while k >= 0 and (
            tokens[k].lang == "punct"
            or (k > 0 and tokens[k - 1].text in ("/", ":"))
            or (tokens[k].lower in ("s3", "s3a") and k + 1 < len(tokens) and tokens[k + 1].text == ":")
        ):
            k -= 1  # back over the path: /data/reports/x.xlsx, s3://bucket/x.xlsx (its scheme too)
        while k >= 0 and (tokens[k].lower in ("an", "a", "the") or tokens[k].lemma in FILE_NOUNS):
            k -= 1  # «в файл Excel», "to an Excel file"
        if k >= 0 and tokens[k].lower in ("в", "во", "to", "into"):
            return True
    return False


def _business_name_after_trigger(ph: MartPhrase, ground: _Ground) -> None:
    """«Витрина доставки еды: выручка по каналам заказа»: the mart's noun, a genitive noun and a second
    genitive noun naming no table of the connection («еды») say what business the mart is for
    (food delivery), not its fact table: with measures said, the pair is no fact word (the measures choose
    the fact) and no slot."""
    tokens = ph.tokens
    for k in list(ph.sources):
        if not (0 < k < len(tokens) - 1 and ph.measures and _ru(tokens[k - 1], TRIGGER_RU)):
            continue
        nxt = tokens[k + 1]
        if (
            k + 1 in ph.used
            or nxt.lang != "ru"
            or not any(p.case == "gent" and p.pos == "NOUN" for p in nxt.parses)
        ):
            continue
        if ground.table_of(nxt) is not None or ground.table_of(tokens[k]) is None:
            continue
        ph.sources.remove(k)
        ph.used.update({k, k + 1})
        ph.business.update({k, k + 1})  # nor a table naming the fact among several (marts86)


def _state_of_owner_after_from(ph: MartPhrase, ground: _Ground) -> None:
    """ "Payments from privileged subscribers", "Policies from VIP holders": after a noun naming one table,
    "from" and a word naming no table, then a noun naming another table, say whose rows the fact's are and the
    state of those owners (as "payments of privileged subscribers" does), not a source table named
    "privileged" (marts112: the word was taken for the source and dropped with the owner's noun, every
    payment planned). The source is forgotten and the state word left to the joined-flag rule, which reads it
    or asks."""
    tokens = ph.tokens
    for k in list(ph.sources):
        if not (1 < k < len(tokens) - 1) or tokens[k - 1].lower != "from" or tokens[k].lang != "en":
            continue
        owner, fact = tokens[k + 1], tokens[k - 2]
        if ground.table_of(tokens[k]) is not None or owner.lang != "en":
            continue
        if (named := ground.table_of(fact)) is None or ground.table_of(owner) in (None, named):
            continue
        ph.sources.remove(k)
        ph.used.discard(k)


def _unlist_unnamed(ph: MartPhrase, fact: Table) -> None:
    """A modifier list ("net and gross pay totals") is a list of measures only when each modifier is a part of
    the name of exactly one numeric column of the fact (net, gross); otherwise ("paid and unpaid order
    totals") the modifiers are left to the other rules (the filter rules read «paid and unpaid»)."""
    listed = [m for m in ph.measures if m.listed]
    if not listed:
        return
    numeric = [c for c in _numeric_columns(fact) if not c.name.endswith("_id")]
    if all(
        sum(stem(ph.tokens[m.object[0]].lower) in name_parts(c.name) for c in numeric) == 1 for m in listed
    ):
        return
    head = listed[-1].object[-1]
    first = min(m.object[0] for m in listed)
    ph.used.difference_update(range(first, head))
    keep = listed[-1]
    keep.object, keep.listed = [head], False
    ph.measures = [m for m in ph.measures if not m.listed]


def _grouped_event_participle(ph: MartPhrase, k: int, fact: Table) -> bool:
    """«Показания: кол-во переданных по способам передачи»: a Russian participle counted with no noun after
    it, whose stem a word of the request's own dimension shares, that word being in the comment of the fact's
    grouped column ('Способ передачи' of readings.source): it says the rows are the transmissions grouped
    by how they were made, not a state to filter on (read only when the filter rules found no state in it:
    «оплаченных» of payments with a status is theirs)."""
    tokens = ph.tokens
    t = tokens[k]
    if t.lang != "ru" or not any(p.pos == "PRTF" for p in t.parses[:1]):
        return False
    if (
        k + 1 < len(tokens)
        and tokens[k + 1].lang == "ru"
        and tokens[k + 1].parses[:1]
        and (tokens[k + 1].parses[0].pos == "NOUN")
    ):
        return False  # «переданных показаний»: a participle of a noun, read by the other rules
    dim_words = [tokens[j] for words in ph.dims for j in words]
    said = {lemma for c in fact.columns if c.comment for lemma in _comment_lemmas(c.comment)}
    return any(_shared_prefix(t.lemma, w.lemma) >= EVENT_PREFIX + 1 for w in dim_words if w.lemmas & said)


def _sum_of_a_row(tokens: Sequence[Token], i: int) -> bool:
    """«заказы на сумму больше 5000», "orders for an amount over 5000": one row's amount compared (a load's
    row filter), not a sum to compute; «больше 4 зачётных единиц», "over 60 liters": a number of units
    after a comparison word is one row's quantity too."""
    number = next((k for k in range(i - 1, max(-1, i - 3), -1) if tokens[k].number is not None), None)
    if number is not None and number > 0 and _comparison_before(tokens, number) is not None:
        return True
    if i == 0 or tokens[i - 1].lower not in ("на", "for") or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return following.number is not None or any(following.lower == words[0] for words, _ in _QTY_COMPARE)


def _latin_glosses(tokens: Sequence[Token]) -> set[int]:
    """Ids of the English words alone in brackets right after a Russian word («высшей категории (highest)»,
    «(max)»): the stored value or name the Russian words gloss, never a measure word of the request
    (planner100)."""
    return {
        id(tokens[i])
        for i in range(2, len(tokens) - 1)
        if tokens[i].lang == "en"
        and tokens[i - 1].text == "("
        and tokens[i + 1].text == ")"
        and tokens[i - 2].lang == "ru"
    }


def _mart_where(
    planner: OfflinePlanner, request: Request, fact: Table, grain: dict[str, Any] | None
) -> Found:
    """The mart's row filter read by the load rules, with the rolling window the request names («за последние
    тридцать дней», "over the last 7 days") as one of its conditions (marts97: before, a mart never read a
    window, and one beside a read state was dropped). The window is on the time column named right before it,
    else on the grain's time, else on the table's event time, as a load's is; a window the rules cannot read
    ("last week": calendar or rolling?) is left to the filter rules' own question."""
    # «понедельно по дате работы, за последние 120 дней» on a table with two times: the grain's (marts116)
    window = planner.filters._rolling_window(request, fact, grain["column"] if grain is not None else None)
    if window.value is None:
        return _without_listed_state_times(planner.filters._where(request, fact, False, Found(None)), fact)
    position, condition = window.value
    if grain is not None and not _window_column_named(planner, request, fact, position):
        column, _, rest = condition.partition(" >= ")
        if rest and column != grain["column"]:
            condition = f"{grain['column']} >= {rest}"  # «по дням заправки за последние …»: refueled_at
    return _without_listed_state_times(
        planner.filters._where(request, fact, False, Found((position, condition))), fact
    )


def _window_date_time(
    ph: MartPhrase, ground: _Ground, fact: Table, ask: Callable[..., str]
) -> tuple[dict[str, Any] | None, list[str]]:
    """The time column a date phrase beside a rolling window names («за последние 30 дней по дате заявления»:
    reported_at), read as a grain's words are, for the window only: no grain is planned (marts115). None when
    no such phrase or a grain is named; a question, quoting the words, when they name no one time column."""
    if not ph.window_dates or ph.grain is not None:
        return None, []
    ph.grain = "day"  # the grain rules read which column the words name; the grain itself is not kept
    try:
        found, questions = _grain(ph, ground, fact, ask)
    finally:
        ph.grain = None
    if questions or found is None:
        words = " ".join(ph.tokens[k].text for k in sorted(ph.window_dates | set(ph.grain_words)))
        times = ", ".join(c.name for c in fact.columns if column_kind(c.type).temporal)
        return None, [ask("window_time", words=words, columns=times)]
    return found, []


def _listed_value_unmeasured(
    ground: _Ground, fact: Table, token: Token, measures: list[dict[str, Any]]
) -> bool:
    """ "liters of petrol" (fuel_kind 'diesel, petrol, gas'): a word in a measure's phrase meaning a value a
    text column of the fact lists says which rows are measured; the comment listing it makes it name that
    column too, which must not read it as the measured quantity's own word. A word naming a measured column
    is not one, nor one naming a time column of the fact: "total weight delivered per day" says the event
    whose time (delivered_at) the grain is over, as it did before marts119 (marts round30, fixreg29b)."""
    if not _means_listed_value(token, fact):
        return False
    measured = {m["column"] for m in measures if m.get("column")}
    named = ground.columns_named(fact, [token])
    return not any(c.name in measured or _is_time_column(c) for c in named)


def _state_of_measured_column(definition: dict[str, Any], tokens: Sequence[Token]) -> None:
    """«сумма одобренных выплат по статусам»: a condition pinning a grouped column to one value (status =
    'approved' beside GROUP BY status) whose state word the measured column's name carries (approved_amount)
    is that column's word, read twice: the condition is dropped, the sum is of the approved amounts in every
    status. A state no measured column carries stays the rows' filter, as the README's earlier rounds plan it
    ("number of delivered shipments per status", "per status …, paid orders only")."""
    dims = {d.rsplit(".", 1)[-1] for d in definition.get("dimensions") or []}
    conditions = (definition.get("where") or "").split(" AND ")
    measured = [m["column"] for m in definition["measures"] if m.get("column")]
    for condition in conditions:
        single = re.fullmatch(r"(\w+) = '([^']*)'", condition)
        if single is None or single.group(1) not in dims:
            continue
        said = [k for k, t in enumerate(tokens) if t.lang in ("ru", "en") and _says_value(t, single.group(2))]
        if any(t.lower in ONLY_WORDS for k in said for t in tokens[max(0, k - 3) : k + 4]):
            continue  # "per status …, paid orders only": a filter said apart, on purpose
        value = stem(single.group(2).lower())
        if said and any(value in name_parts(column) for column in measured):
            kept = [c for c in conditions if c != condition]
            if kept:
                definition["where"] = " AND ".join(kept)
            else:
                definition.pop("where", None)


def _says_value(token: Token, value: str) -> bool:
    """The word says the listed value: its status word («отменённых»: 'cancelled') or a meaning whose stem
    starts the value («подписанных»: sign ~ 'signed')."""
    if status_word(token.lower)[0] == value or token.lower == value:
        return True
    return any(len(m) >= 4 and stem(value).startswith(m) for m in value_meanings(token))


def _listed_already(state: str, where: str) -> bool:
    """`status = 'registered'` beside `status IN ('signed', 'registered')`: the value one word of a list said,
    read again by a rule of single words; the list is the condition (with both, only one value would stay)."""
    single = re.fullmatch(r"(\w+) = ('[^']*')", state)
    if single is None:
        return False
    column, value = single.groups()
    return any(
        (m := LISTED_CONDITION.match(c)) is not None
        and m.group(1) == column
        and c.startswith(f"{column} IN ")
        and value in [v.strip() for v in m.group(2).split(",")]
        for c in where.split(" AND ")
    )


LISTED_CONDITION = re.compile(r"^(\w+) (?:=|<>|IN|NOT IN) \(?('[^)]*')\)?$")


def _without_listed_state_times(where: Found, fact: Table) -> Found:
    """ "cancelled and expired holds excluded", "signed and registered deals only": a state word read as a
    listed value of the status is not also its time column (`expires_on IS NOT NULL`, `registered_at IS NOT
    NULL` beside the NOT IN/IN that lists 'expired'/'registered'): one word, one condition. The null check of
    a time column whose name a listed value of another condition starts is dropped."""
    if not where.value:
        return where
    conditions = where.value.split(" AND ")
    listed = {
        stem(value.strip(" '").lower())
        for c in conditions
        if (m := LISTED_CONDITION.match(c))
        for value in m.group(2).split(",")
    }
    kept = [
        c
        for c in conditions
        if not (
            c.endswith(" IS NOT NULL")
            and (column := fact.column(c.removesuffix(" IS NOT NULL"))) is not None
            and column_kind(column.type).temporal
            and any(len(v) >= 4 and _part_match(v, column) for v in listed)
        )
    ]
    if len(kept) == len(conditions):
        return where
    return Found(" AND ".join(kept), where.questions)


def _window_column_named(planner: OfflinePlanner, request: Request, fact: Table, position: int) -> bool:
    """Whether a time column of the fact is named right before the window at `position` ("created in the
    last 7 days"): the window is on it, not on the grain's time."""
    index = request.token_at(position)
    while index > 0 and request.tokens[index - 1] in WINDOW_PREPOSITIONS:
        index -= 1
    before = planner.filters._column_before(request, fact, index)
    # «регистраций на рейс за последние три дня»: flight_id, a key before the window, is no time of the rows
    # (is_temporal counts integers, a load's watermark); the window stays on the grain's time (marts102)
    column = fact.column(before[0]) if before is not None else None
    return column is not None and column_kind(column.type).temporal


def plan_mart(planner: OfflinePlanner, request: Request) -> Outcome | None:
    """The planner's hook: an Outcome for a mart request, None when the request is not a mart."""
    if not grammar.enabled("mart"):
        return None
    if (purposeless := _without_purpose(request.text)) != request.text:  # «для планёрки по загрузке …»
        request = dataclasses.replace(request, text=purposeless)
    if (graded := _period_over_period(request.text)) != request.text:
        # "Leads by source, week over week, rebuilt every Monday": the grain, read before deciding whether
        # the words make a mart (a load's schedule would otherwise take the request; marts106)
        request = dataclasses.replace(request, text=graded)
    tokens = tokenize(request.text)
    if not is_mart_request(without_means_prepositions(planner, tokens)):
        # "average debt for privileged vs non-privileged subscribers": the split is the mart's dimension
        split = _flag_split(planner, request.text, tokens)
        if split != request.text and is_mart_request(tokenize(split)):
            request, tokens = dataclasses.replace(request, text=split), tokenize(split)
    titles = comment_title_ids(planner, tokens) | value_adjective_ids(planner.catalog, tokens)
    # "premium payments by card, hourly": a listed value after "by" says the rows, no grouping (planner135)
    mart_words = without_means_prepositions(planner, tokens)
    if not is_mart_request(mart_words, titles) and not _subject_mart(planner, tokens, request.text):
        return None
    if (refused := _unsupported_engine_word(planner, tokens, request.language)) is not None:
        return refused  # «из оракловой базы»: no reader for the source, whatever the mart computes
    rewrites: tuple[Callable[[str, Sequence[Token]], str], ...] = (  # each reads what the one before left
        lambda text, _: _unbracketed_units(_without_chat_phrases(text)),  # "nothing fancy", "keep it fresh"
        lambda text, _: _period_over_period(text),  # "week over week": weekly
        rolling_window_rows,  # "rolling thirty days", «скользящие 30 дней»: the last N days (marts124)
        bare_window_rows,  # «окно шестьдесят дней»: the rolling window of rows (marts120)
        lambda text, _: _without_example_brackets(_self_corrected(text)),  # "I mean by …", "(app, ivr...)"
        _bracketed_distinct,  # «пассажиров (уникальных)»: «уникальных пассажиров»
        lambda text, tokens: _written_out_cuts(planner, text, tokens),  # «лаб. анализов»
        lambda text, tokens: counted_people_roles(planner, text, tokens),  # «число студентов-получателей»
        plural_possessives,  # "by members' card tier": the owner's noun and its column's words, one phrase
        lambda text, tokens: shared_head_measures(planner, text, tokens),  # «стоимость работ и запчастей»
        lambda text, tokens: one_row_measures(planner, text, tokens),  # «максимальный объём одной заправки»
        lambda text, tokens: _comment_measures(planner, text, tokens),  # «к выплате»: net
        lambda text, tokens: _comment_glossed_measure(planner, text, tokens),  # «выручка (итоговая сумма)»
        lambda text, tokens: lone_unit_items(planner, text, tokens),  # «: часы всего,»: sum of hours
        lambda text, tokens: _unit_noun_measures(planner, text, tokens),  # «литры топлива»: sum of liters
        lambda text, tokens: unit_items_before_measure(planner, text, tokens),  # «кВт·ч и средняя …»
        lambda text, tokens: _in_unit_measures(planner, text, tokens),  # «площадь в гектарах»: sum of area_ha
        lambda text, tokens: _money_noun_measures(planner, text, tokens),  # "claim payouts": approved_amount
        lambda text, tokens: spending_measures(planner, text, tokens),  # «затраты на ремонт»: repair_cost
        _amount_noun_bracket,  # "Wi-Fi traffic (bytes downloaded)": sum of bytes downloaded
        _shared_measure_of_pair,  # "total bytes down and bytes up": total bytes down and total bytes up
        lambda text, tokens: adjective_measure_pairs(planner, text, tokens),  # «часы всего и сверхурочные»
        _shared_measure_of_pair_ru,  # «суммарные часы и сверхурочные часы»: «… и суммарные сверхурочные часы»
        lambda text, tokens: _paired_bracket_columns(planner, text, tokens),  # «заявлено vs одобрено (a, b)»
        lambda text, tokens: _labelled_bracket_column(
            planner, text, tokens
        ),  # "and booked seats (booked_count)"
        _counted_noun_first,  # «сколько ушло людей»
        lambda text, tokens: _grain_word_columns(planner, text, tokens),  # "monthly fee"
        lambda text, tokens: _per_unit_adjectives(planner, text, tokens),  # "nightly rate" ('… за ночь')
        lambda text, tokens: _per_unit_phrases(planner, text, tokens),  # «ставка в час» ('Ставка за час')
        lambda text, tokens: _flag_split(planner, text, tokens),  # «VIP и не-VIP»: by is_vip, no filter
    )
    for rewrite in rewrites:
        if (rewritten := rewrite(request.text, tokens)) != request.text:
            request, tokens = dataclasses.replace(request, text=rewritten), tokenize(rewritten)
    first = Request(request.text)
    planner._schedule(first)  # the schedule reader's words are never dimensions
    ph = read_mart(request.text, first.schedule_spans)
    _means_not_grouped(planner, ph)  # "payments made by card per branch": which rows, no grouping by card
    grouped = bool(ph.dims)  # «по тарифным планам»: a grouping said, even if it names the fact's own rows
    lang = request.language
    ask = _asker(lang)
    export = _read_excel_export(request.text, ph)
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return Outcome.clarify(ask("which_source"))
    conn = sources[0]
    if conn.engine == "clickhouse":
        _read_placement(planner, ph)
    ground = _Ground(planner, conn.conn_id, planner.catalog.tables_of(conn.conn_id))
    _table_named_as_column(ph, ground)  # «Остатки (inventory): ...»
    if not ph.dims and not _grain_noun_named(tokens) and not _names_mart(ph):
        # "Dessert menu items to ClickHouse daily": "menu items" names the table, no sum of pieces; with no
        # grouping, grain noun or mart word left, a load of the rows ("daily" its schedule)
        if _units_word_of_table_name(ph, ground) and not ph.measures:
            return None
    _register_noun_source(ph, ground)  # «по справочнику товаров»: the fact, no dimension
    if not ground.tables:
        return Outcome.clarify(ask("no_tables", conn=conn.conn_id))
    if len(ph.measures) > MAX_PARTS or len(ph.dims) > MAX_PARTS:  # what the mart model allows
        return Outcome.clarify(ask("too_many", limit=MAX_PARTS))
    _drop_header_measures(ph)  # "Churn overview: number of subscribers …": the body says what is computed
    if any(m.func == "unsupported" for m in ph.measures):
        word = next(tokens[m.index].text for m in ph.measures if m.func == "unsupported")
        return Outcome.clarify(ask("unsupported", word=word))
    if ph.grain_conflict:
        return Outcome.clarify(ask("two_grains", words=", ".join(ph.grain_conflict)))
    if (other_grain := _unsupported_grain(ph)) is not None:  # «по кварталам»: no such grain, asked
        return Outcome.clarify(ask("unsupported_grain", word=other_grain))
    for k in list(ph.sources):  # «витрина часов по проектам»: the word after «витрина» names a column
        if _ru(tokens[k - 1], TRIGGER_RU) and ground.table_of(tokens[k]) is None and not ph.measures:
            if any(
                c.name in _numeric_names(t)
                for t in ground.tables
                for c in ground.columns_named(t, [tokens[k]])
            ):
                ph.sources.remove(k)
                ph.used.discard(k)
    _business_name_after_trigger(ph, ground)  # «Витрина доставки еды: выручка …»: the business, no fact
    _state_of_owner_after_from(ph, ground)  # "Payments from privileged subscribers": the owners' state
    _modifiers_of_one_head(ph, ground)  # "claimed and approved amounts": two sums, neither dropped
    _subject_measure(ph, ground, listed_only=bool(ph.measures))  # «литры и сумма»: a column word listed
    _drop_repeated_bare(ph, adjectives=ground)  # «Витрина ФОТ: сумма начисленной зарплаты»
    titled = [  # «Отчёт по остаткам: количество ...», "Report on revenue: ...": the title's topic
        m for m in ph.measures
        if m.index >= 2 and tokens[m.index - 1].lower in TITLE_LINKS
        and _word(tokens[m.index - 2], TITLE_RU, TITLE_EN)
        and any(t.text == ":" or t.text in ("—", "–") for t in tokens[m.index + 1 : m.index + 3])
    ]  # fmt: skip
    if titled and len(ph.measures) > len(titled):
        ph.measures = [m for m in ph.measures if m not in titled]
    _bracketed_table(ph, ground)  # "lead counts by source (crm leads)": the table, not the source's column
    _dash_glossed_dimension(ph, ground)  # «по отделам …, отдел — по названию»: the department's name
    _rows_noun_bracket_measure(ph, ground)  # «выручка по броням (total_amount)»: the sum of total_amount
    _bracketed_grain_after_dim(ph, ground)  # "weekly … by status (orders created_at)": the grain's column
    _people_count(ph, ground)  # «сколько человек уволено»: the register whose time the verb names
    _people_at_flagged_event(ph, ground)  # «сколько студентов присутствовало на занятиях»: attendance
    _clause_fact(ph, ground)  # «уникальных пациентов, сдававших анализы»: the clause names the fact
    _participle_sum(ph, ground)  # «сколько скачано байт»: the column whose comment is 'Скачано байт'
    _drop_repeated_bare(ph, ground)  # «сколько байт отправлено по APN, итого»: the sum just read, said again
    _title_comment_fact(ph, ground)  # «Проходы по турникетам: …» of badge_events ('Проходы через турникеты')
    _title_source(ph, ground)  # «кандидаты: кол-во по этапам»: the title names what is counted
    _qualifier_noun_column(ph, ground)  # «сумма премий»: policies.premium, as «Премии по …» reads it
    _spelled_object_before(ph, ground)  # "Declared value total": declared_value
    _cue_ends_column_name(ph, ground)  # "delay min average": avg of delay_min, no min beside it
    _genitive_spells_elsewhere(ph, ground)  # «средняя стоимость доставки»: orders.delivery_fee, no tips
    _cue_spells_comment(ph, ground)  # «сумма к оплате»: amount_due 'Сумма к оплате', not «which sum?»
    fact, why = _fact_table(ph, ground)
    if fact is None:
        return Outcome.clarify(why)
    fact = _order_level_fact(ph, ground, fact)
    bracket_value = _bracketed_value_of_measure(ph, fact)  # «сумма оплат (succeeded)»: status = 'succeeded'
    if _rows_by_listed_value(ph, fact):
        return None  # «убытки по болезням ежедневно»: the rows of one listed value, a load
    if (ratio := _per_entity_ratio(ph, ground, fact)) is not None:
        return Outcome.clarify(ask("unsupported", word=ratio))  # «средний платёж на абонента»: as ARPU is
    _how_much_of_rows_bracket(ph, ground, fact)  # «сколько по заказам (total) по статусам»: sum(total)
    if (role := _role_compound_elsewhere(ph, ground, fact)) is not None:
        return Outcome.clarify(ask("residue", words=role))  # «вкладов клиентов-резидентов»: not on deposits
    if (owner := _measure_owner_after(ph, ground, fact)) is not None:  # «премия по полисам»: whose premium?
        return Outcome.clarify(ask("which_fact", tables=f"{owner.name}, {fact.name}"))
    if (state_or_count := _state_or_counter(ph, ground, fact, ask)) is not None:
        return Outcome.clarify(state_or_count)  # «просроченных кредитов»: status 'overdue' or overdue_days?
    if _counts_people(ph) and not _of_people(fact, ground):  # «кол-во людей по моделям машин»: not vehicles
        people = [t.name for t in ground.tables if _of_people(t, ground)]
        return Outcome.clarify(ask("which_fact", tables=", ".join(people)))
    if (flag := _state_flag_bracket(ph, ground, fact)) is not None:  # «по кредитам (is_late)»: no state said
        return Outcome.clarify(ask("residue", words=f"({flag})"))
    if (foreign := _foreign_bracket_column(ph, ground, fact)) is not None:  # "by status (total)": asked
        return Outcome.clarify(ask("residue", words=f"({foreign})"))
    if _head_of_another_table(ph, ground, fact):  # "Visits per doctor, total": total of what?
        return Outcome.clarify(ask("no_measure"))
    _fact_adjective(ph, fact)  # «Стипендиальный фонд»
    _fact_title_adjectives(ph, ground, fact)  # «Витрина карточных операций» of 'Операции по счетам и картам'
    _fact_participle(ph, fact)  # "total prescribed days"
    _subject_comment_tail(ph, fact)
    _title_measure(ph, fact)  # «Объявленная ценность: среднее …»
    _postposed_subject_measures(ph, ground)  # «Рыночная стоимость машин по маркам: средняя и максимальная»
    _head_column_measure(ph, ground, fact)  # "stops per courier per week, sum": the sum of stops
    _postposed_measure(ph)  # «кол-во остановок максимум по курьерам»: the max of the stops column
    _titled_measures(ph)  # «Коечный фонд: число занятых коек …»
    _distinct_people(ph, ground, fact)  # «сколько разных людей заходило»: employee_id
    _qualified_grain_column(ph, fact)  # "by signup week (users.created_at)"
    _grain_phrase_dimension(ph, ground, fact)  # «по месяцам старта», «по дням (по плановому вылету)»
    if (owned := _event_date_owner(ph, ground, fact)) is not None:  # «по дате регистрации гостя» of payments
        return Outcome.clarify(ask("residue", words=owned))
    means_value = _instrumental_value(ph, ground, fact)  # «оплат картой»: channel = 'card'
    pair_value = _column_value_pair(ph, ground, fact)  # «…, статус failed»: status = 'failed', no dimension
    _column_noun_of_fact(ph, ground, fact)  # "Miles per month" of miles_transactions: the sum of miles
    if _noun_names_a_value(ph, ground, fact) is not None:  # «показания по неделям»: count or sum of value?
        return Outcome.clarify(ask("no_measure"))
    _unlist_unnamed(ph, fact)  # "paid and unpaid order totals": no measure per modifier, a filter's words
    if ph.single_day and not _single_day_rows(ph, fact):  # a day of several rows would need a sum first
        return Outcome.clarify(ask("residue", words=" ".join(tokens[k].text for k in ph.single_day)))
    _dash_restates_count(ph, ground, fact)  # «сколько позиций продано … — сумма количества»: one sum
    _bracket_restates_measure(ph, ground, fact)  # «сколько оплачено (сумма)», «средний чек … (total)»
    if _measure_of_nothing(ph, ground, fact) or _how_many_in_register(ph, ground, fact):
        # «среднее значение по курьерам», "average outage", «сколько по проектам в табеле»: of what?
        return Outcome.clarify(ask("no_measure"))
    if _mass_noun_counted(ph, ground, fact):  # «сколько трафика»: how much, of which column? (round marts66)
        return Outcome.clarify(ask("no_measure"))
    measures, questions = _measures(ph, ground, fact, ask)
    if questions:
        return Outcome.clarify(*questions)
    if (prices := _summed_prices(ph, ground)) is not None:  # «сумма цен по тарифам»: unit prices added
        return Outcome.clarify(ask("residue", words=prices))
    entity = ph.counted_entity or _counted_entity(ph, ground, fact)  # «кредитов» counted on loan_payments
    if ph.on_average:  # «сколько остановок в среднем»: the average of what is counted or summed
        rows = [m for m in measures if m == {"func": "count"}]
        valued = [m for m in measures if m.get("column")]
        if len(valued) != 1 or len(rows) + len(valued) != len(measures) or len(rows) > 1:
            return Outcome.clarify(ask("no_measure"))
        # «сколько раз заправлялась и сколько литров в среднем»: the count of rows stays a measure
        measures = [*rows, {"func": "avg", "column": valued[0]["column"]}]
    if (rate := _summed_rate(measures, fact)) is not None:  # «общая процентная ставка»: avg? another column?
        return Outcome.clarify(ask("sum_of_rate", table=fact.name, column=rate))
    counted = _counted_head(ph, ground, fact) or _counted_list_item(
        ph, ground, fact
    )  # "…: tickets sold and …"
    if counted and {"func": "count"} not in measures:
        measures = [{"func": "count"}, *measures]  # "Visits per code, with the average duration"
    _drop_comment_tail(ph, fact)
    _drop_comment_topic(ph, ground, fact)  # «стоимость работ по обслуживанию машин» of service_jobs
    if not ph.dims and not ph.measures and _bare_rows_grouped([t for t in tokens if t.lang != "punct"]):
        return None  # «Платежи по кредитам»: the grouping was the table's own title, a load
    _drop_fact_title(ph, ground, fact)  # «Сводка по возвратам: сумма возвратов …»: no refund_amount cut
    _drop_owner_title(ph, ground, fact)  # «сводка оплат по кредитам: … по неделям»: no loan_id
    _drop_header_title(ph, ground, fact)  # «Витрина по продажам: сумма строк чеков …»: no receipt_id
    own_rows = _own_rows_after_measure(ph, ground, fact)  # «… по полисам (по продуктам)»: whose measure
    if (per_row := _sum_per_own_rows(ph, ground, fact, own_rows)) is not None:  # «… платы по тарифам»
        return Outcome.clarify(
            ask("total_or_per_row", words=per_row[0], table=fact.name, tables=", ".join(per_row[1]))
        )
    for _, group, _ in own_rows:  # «средняя страховая премия по полисам по продуктам»: no dimension
        if group in ph.dims:  # two measures of one noun («средняя и максимальная премия по полисам»)
            ph.dims.remove(group)
    if _measure_per_own_row(ph, ground, fact, measures):  # «сумма абонентской платы по тарифам» on tariffs
        return Outcome.clarify(ask("no_measure"))
    _release_only_value_bracket(ph, fact)  # «только проход по лицу (face_id)»: a filter, no dimension
    _flag_groups_of_fact(ph, ground, fact)  # «по гарантийным заказ-нарядам»: is_warranty = true, no dimension
    flag_phrase = _flag_phrase_group(ph, fact)  # «проданных по акции»: is_promo = true, no dimension
    dims, joins, questions = _dimensions(ph, ground, fact, ask)
    if questions:
        return Outcome.clarify(*questions)
    dims = _drop_title_table(ph, ground, dims, fact)
    dims, measured_dim = _measured_dimensions(ph, ground, fact, dims, measures)  # "avg price per kwh"
    if measured_dim is not None:
        return Outcome.clarify(ask("measured_dimension", column=measured_dim))
    if (time_words := _date_phrase_grain(ph)) is not None:  # «по времени оплаты»: which grain?
        return Outcome.clarify(ask("which_grain", words=time_words))
    timed = [d for d in dims if (c := fact.column(d)) is not None and column_kind(c.type).temporal]
    if ph.grain and not ph.grain_column and len(timed) == 1:
        # «по неделям маршрута» (route_date), «по периоду расчёта» (period): a time column named next to a
        # grain is the grain's column, not a dimension of its own
        ph.grain_column = timed[0]
        dims = [d for d in dims if d != timed[0]]
    grain, questions = _grain(ph, ground, fact, ask)
    if questions:
        return Outcome.clarify(*questions)
    window_time, questions = _window_date_time(ph, ground, fact, ask)  # «за последние 30 дней по дате X»
    if questions:
        return Outcome.clarify(*questions)
    window_on = grain or window_time  # the time a rolling window counts on when no column is named by it
    if not dims and grain is None and export is None and not grouped and _one_row_as_load(ph):
        cue_words = [k for m in ph.measures for k in [m.index, *m.object]]
        words = _words_of(tokens, range(min(cue_words), max(cue_words) + 1))
        return Outcome.clarify(ask("one_row", words=words, table=fact.name))
    if entity is not None and entity is not fact and {"func": "count"} in measures:
        # «сколько кредитов просрочено» read on loan_payments: the loans are counted, not their payments
        if (key := _fk_column(fact, entity)) is None:
            return Outcome.clarify(ask("which_fact", tables=f"{entity.name}, {fact.name}"))
        times = any(_counts_times(tokens, m) for m in ph.measures)  # «сколько раз студенты присутствовали»
        distinct = {"func": "count_distinct", "column": key}
        counted_once = distinct in measures  # «сколько выдач и число читателей»: both said (marts132)
        if not times and not counted_once and not _one_row_per_entity(fact, key, dims, grain):
            measures = [distinct if m == {"func": "count"} else m for m in measures]
    definition: dict[str, Any] = {"measures": measures, "dimensions": dims, "joins": joins}
    if grain:
        definition["time_grain"] = grain
    if ph.lookback is None and any(_incremental(t) for t in tokens):
        return Outcome.clarify(ask("incremental_lookback"))  # how many grains to recompute is never guessed
    if ph.lookback is not None:
        if grain is None or ph.lookback_unit != grain["grain"]:
            return Outcome.clarify(ask("lookback_unit"))
        definition["refresh"] = "incremental"
        definition["lookback"] = ph.lookback
    for m in ph.measures:
        if m.unit and any(mm.get("column") and m.unit in name_parts(mm["column"]) for mm in measures):
            continue  # «средний срок назначения в днях»: the unit named the column, the words describe it
        if m.column_ref and not m.subject:
            continue  # «сумма дозировок (dosage)»: the words describe the column named in brackets
        joined = {k for name, pair in _joined_words(ph, m).items() if fact.column(name) for k in pair}
        for k in m.object:
            token = tokens[k]
            if k in joined:
                continue  # "interest rate": the words of interest_rate, not the table "rate" names
            if _counted_people(ph, ground, m, k):
                continue  # «сколько человек заселилось»: the rows counted, never a value for the filter rules
            if _listed_state_of_measured(planner, fact, m, k, tokens):
                ph.used.discard(k)  # «сумма оплаченных платежей»: status = 'paid', for the filter rules
                continue
            named = ground.table_of(token)
            if named is not fact and _spells_measured_comment(fact, measures, token):
                continue  # «страховая премия» of policies.premium: the column's words, not payments' noun
            if named is not fact and _names_measured(ground, fact, measures, token):
                continue  # "highest rate" of deposits.rate: the column measured, not currency_rates' noun
            if named is fact or (named is not None and m.func != "count_distinct"):
                ph.used.discard(k)  # the fact's own noun stays: «событий purchase» reads as a filter
                continue
            if (
                _means_listed_value(token, fact)
                and k + 1 in m.object
                and ground.table_of(tokens[k + 1]) is fact
            ):
                ph.used.discard(k)  # "principal of overdue loans": the loans' state, for the filter rules
                continue
            if named is None and _adjective_of_measured_comment(ground, fact, tokens, m, k, measures):
                continue  # «часовая ставка» of hourly_rate 'Ставка за час': the comment's «час», an adjective
            if named is None and _qualifies_measured_word(ground, fact, tokens, m, k, measures):
                continue  # «суммарно дней лечения»: days of treatment, the genitive says what the days are
            if named is None and _listed_value_unmeasured(ground, fact, token, measures):
                ph.used.discard(k)  # "liters of petrol": fuel_kind = 'petrol', for the filter rules
                continue
            if (
                named is None
                and not ground.columns_named(fact, [token])
                and not _is_measure(token)
                and not _word(
                    token,
                    MONEY_RU | MONEY_NOUNS_RU | UNITS_RU | {"проданный"},
                    MONEY_EN | SPEND_EN | UNITS_EN | {"sold"},
                )  # "total fuel spend": the money word of the amount
                and not _names_unit_column(token, fact, measures)
                and not _amount_of_money_measure(token, fact, measures)  # "order amount" of orders.total
                and _english_event_column(ph, _time_columns(fact), [token]) is None  # "check-ins"
                and not _logged_participle(tokens, k, m, ground, fact)  # "hours logged"
            ):
                ph.used.discard(k)  # «количество событий purchase»: a value for the filter rules
    _measure_qualifiers(ph, ground, fact, measures)  # «расходов на топливо», «вес багажа»: what was measured
    # "charging sessions" of charging.sessions: the table's name, no status 'charging'
    ph.used.update(k for k in range(len(tokens)) if _schema_before_own_noun(ground, fact, tokens, k))
    _release_flag_words(ph, ground, fact, measures)  # "count occupied beds": occupied = true
    _claim_title_table(ph, ground, fact)  # "lab tests: avg ...": a title, no condition
    _release_via_values(ph, ground, fact)  # «через СБП»: a channel's value for the filter rules, no table
    _release_from_values(ph, ground, fact)  # «из агрегаторов»: a channel's value, no source table
    _claim_not_yet(ph, fact)  # «только те, что ещё не вернули»: read here, blanked for the filter rules
    _claim_not_yet_subject(ph, ground, fact)  # "only people not fired yet"
    value_condition = _value_of_column(ph, ground, fact)  # "only sales from the north region"
    value_condition = value_condition or _type_word_value(ph, ground, fact)  # "purchase events": event_type
    flag_clause = _relative_flag(ph, ground, fact)  # «занятий, на которых студент присутствовал»: present
    event_flag = _event_participle_flag(ph, ground, fact)  # "attended lessons": present = true
    with_words = _release_noun_before_with(ph, ground, fact)  # «Поездки с промокодом: …»: for the filters
    dated_state = _state_dated_by_grain(planner, ph, ground, fact, grain)  # "churned … per churned_on month"
    # Filters, target, schedule: the load rules read the rest of the request (mart words blanked).
    rest = _quoted_bare_values(_explained_filter(_blanked(request.text, ph), fact), fact)
    rest, glossed = glossed_list_codes(rest, fact)  # «кроме возвращённых (refunded) и неуспешных (failed)»
    rest = _only_column_noun_value(rest, ground, fact)  # «только проект 'Apollo'»: project = 'Apollo'
    rest = _only_fact_noun(rest, ground, fact)  # «только звонки в роуминге»: no value 'звонки'
    rest = _fact_noun_before_value_bracket(rest, ground, fact)  # «закрытые заказ-наряды (done)»: 'done'
    rest, null_condition = _bare_null_check(rest, fact)  # "(paid_at empty)", "with fired_at empty"
    if null_condition is None:  # «где врач не назначен»: vet_id IS NULL
        rest, null_condition = _key_noun_null_check(rest, fact)
    # «отправлений доставлено», «студентов выпустилось»: a state of the counted rows
    plain, (rest, state_word) = rest, _with_state_participle(ph, ground, fact, rest)
    rest = _grain_event_blanked(rest, fact, grain)  # "fines issued per week": no status 'issued'
    happened: str | None = None
    rest_request = Request(rest)
    where = _mart_where(planner, rest_request, fact, window_on)
    assumed = rest_request.assumed and not where.questions
    if state_word and assumed and _dated_by_grain(state_word, fact, grain):
        # «сколько счетов закрыли по месяцам»: the grain dates the verb's event (closed_at), no state of the
        # rows, as when the filter rules asked which of two columns (marts53); the listed value is no filter
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    if (
        state_word
        and _names_event_time(tokenize(state_word)[0], fact)
        and (where.questions or not where.value)
    ):
        # «книг выдано»: the event's own time (issued_at), no status says it: read without the state,
        # and, with no grain on that time, only the rows it happened to («студентов отчислено»)
        if (two := _two_columns_asked(lang, state_word, fact, grain, where.questions)) is not None:
            return Outcome.clarify(two)  # «закрытых счетов»: closed_at or status 'closed', as a load asks
        if (two := _undated_participle_asked(lang, state_word, fact, ph, where.questions)) is not None:
            return Outcome.clarify(two)  # «закрытых заявок … помесячно»: the grain's time was only guessed
        happened = _event_happened(state_word, fact, grain)
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    if state_word and grain and _dates_the_grain(tokenize(state_word)[0], fact, grain["column"]):
        # «сколько человек заселилось … по месяцам заселения»: the grain dates each row by that event
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    said = tokenize(state_word)[0] if state_word else None
    if grain and said and _first_state_event(said, fact, grain["column"], where.value):
        # «сколько посылок создано по дням»: the verb of the rows' first state dates the grain, no state
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    if state_word and _state_adjective(tokenize(state_word)[0]) and (where.questions or not where.value):
        # «число крупных заказов»: an adjective no listed value answers stays as read before (a word of
        # the counted noun; the residue rules ask what they must)
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    if (
        state_word
        and (where.questions or not where.value)
        and _verb_of_rows_in_comment(state_word, ground, fact)
    ):
        # «сколько прививок поставили» ('Врач, поставивший прививку'): the act each row records, no state
        state_word, rest_request = None, Request(plain)
        where = _mart_where(planner, rest_request, fact, window_on)
    if where.questions and state_word and _finite_event_verb(tokenize(state_word)[0]):
        return Outcome.clarify(ask("residue", words=state_word))  # «ушло»: the user's word, not «ушедшие»
    # «только корпоративные аккаунты» of crm.accounts, which the sessions reference: joined, not asked
    rest_request, where, joined_table, joined_where = joined_condition(
        ground, fact, rest_request, where, lambda again: _mart_where(planner, again, fact, window_on)
    )
    if where.questions:
        return Outcome.clarify(*where.questions)
    if (unread := unread_gloss(glossed, where.value)) is not None:
        return Outcome.clarify(ask("residue", words=unread))  # a code of the list no column holds
    if joined_table is not None and joined_where is not None and (not state_word or where.value):
        # a state word of the fact's rows no column answered is still asked below, the join or not
        add_join(definition, ground_name(planner, conn.conn_id, joined_table))
        where = Found(f"{where.value} AND {joined_where}" if where.value else joined_where)
    # «Сеансы в VIP-залах», «Электромобили: …» of trips: a joined table's kind, joined and filtered or asked
    for kind in joined_kinds(ground, fact, tokens, ph.used):
        if kind.condition is None:
            return Outcome.clarify(ask("residue", words=tokens[kind.index].text))
        ph.used.add(kind.index)
        if kind.condition not in (where.value or ""):
            add_join(definition, ground_name(planner, conn.conn_id, kind.table))
            where = Found(f"{where.value} AND {kind.condition}" if where.value else kind.condition)
    if state_word and not where.value:  # a state no column answers is asked, never dropped
        return Outcome.clarify(ask("residue", words=state_word))
    if where.value and (neighbour := _neighbour_state(ph, ground, fact)) is not None:
        return Outcome.clarify(ask("residue", words=neighbour))  # "cancelled classes" of bookings
    if where.value:
        definition["where"] = where.value
    # «сколько присутствовали»: a flag verb the filter rules did not read is present = true, never dropped
    verb_flag = None if where.value or flag_clause else _verb_flag(ph, ground, fact)
    ph.happened = ph.happened or _counted_event_noun(ph, ground, fact)  # «количество увольнений»: fired_at
    if ph.happened and not (grain and grain["column"] == ph.happened):
        two, listed = _people_event_asked(ph, fact, lang)
        if two is not None:
            return Outcome.clarify(two)  # «сколько человек отчислено»: expelled_on or a status (not listed)
        happened = listed or f"{ph.happened} IS NOT NULL"  # the status lists 'expelled': that value
    english_state, two = (None, None) if event_flag else _english_state(ph, ground, fact, grain)
    english_state = english_state or _hyphenated_value(ph, ground, fact)  # "high-priority tickets"
    if two is not None:
        return Outcome.clarify(two)  # "closed accounts": status 'closed' or closed_at, as a load asks
    states = (
        happened,
        english_state,
        None if event_flag else _russian_verb_state(ph, fact),
        _not_yet(ph, fact),
        value_condition,
        null_condition,
        means_value,
        pair_value,
        bracket_value,
        flag_clause,
        verb_flag,
        event_flag,
        dated_state,
        flag_phrase,
    )
    for state in states:
        if state is None or state in (definition.get("where") or "").split(" AND "):
            continue  # «сколько посылок доставили»: one state read by two rules is one condition
        if _listed_already(state, definition.get("where") or ""):
            continue  # "signed and registered deals only": 'registered' is in the IN list the rules read
        _and_where(definition, state)
    if with_words and not definition.get("where"):  # «Заказы с промокодом: …», no column for it: asked
        return Outcome.clarify(ask("residue", words=with_words))
    if ph.quantity_filter is not None:
        qty = _quantity_column(fact)
        if qty is None:
            return Outcome.clarify(ask("quantity_column", table=fact.name))
        _and_where(definition, f"{qty} {ph.quantity_filter[0]} {ph.quantity_filter[1]}")
    if ph.percent_units and not _percent_measured(measures, fact):  # «средняя скидка в процентах» of money
        return Outcome.clarify(ask("residue", words=ph.tokens[ph.percent_units[0]].text))
    if ph.currency is not None:  # «сумма транзакций в рублях»: only the rows in that currency
        condition, unlisted = _currency_condition(ph, fact)
        if unlisted is not None:
            return Outcome.clarify(ask("currency_value", words=unlisted, table=fact.name))
        if condition is not None:
            _and_where(definition, condition)
    if ph.money_filter is not None:
        measured = [fact.column(m["column"]) for m in measures if m.get("column")]
        money = [c for c in measured if c is not None and c in _money_columns(fact)]
        money = money or [c for c in _money_columns(fact) if _money_name(c)]
        if len({c.name for c in money}) != 1:
            return Outcome.clarify(ask("money_column", table=fact.name))
        op, value = ph.money_filter
        number = int(value) if float(value).is_integer() else value
        _and_where(definition, f"{money[0].name} {op} {number}")
    _drop_split_flag_conditions(definition, fact)  # "Roaming vs home: calls …, split by is_roaming"
    _state_of_measured_column(definition, tokens)  # «сумма одобренных выплат по статусам»: approved_amount
    if (contradicted := _contradicted(definition.get("where") or "")) is not None:
        column, required, excluded = contradicted  # «только отменённые … без отменённых»: which rows?
        name = f"{fact.qualified_name}.{column}"
        return Outcome.clarify(
            say(lang, "planner.conflicting_conditions", column=name, first=required, second=excluded)
        )
    if export is not None:
        target = Found(EXCEL_TARGET)
    elif conn.engine == "clickhouse":
        target = _clickhouse_side_target(planner, rest_request, conn)
    else:
        target = planner._target(rest_request, conn)
    if target.value is None:
        return Outcome.clarify(*target.questions)
    if target.value.engine != "clickhouse" and export is None:
        return Outcome.clarify(ask("clickhouse_only"))
    schedule = planner._schedule(rest_request)
    questions = planner._unread_schedule_words(rest_request, schedule.cron if schedule else None)
    if questions:
        return Outcome.clarify(*questions)
    named_target = planner._explicit_target_name(rest_request) or _mart_named(tokens, ground)
    named_target = _claim_target_words(ph, named_target)  # «табличку назови x», "target table x"
    if named_target:
        ph.used |= {i for i, t in enumerate(tokens) if t.text == named_target}
        _claim_put_words(ph, named_target)
    # a null check read from its bracket is a filter the rules read, as when they read it themselves
    summed = frozenset(str(m["column"]) for m in definition["measures"] if m.get("column"))
    residue = _residue(
        tokens,
        ph,
        rest_request,
        where.value or null_condition,
        ground,
        fact,
        measured=summed,
        dated=grain["column"] if grain else None,
    )
    if residue:
        return Outcome.clarify(ask("residue", words=residue))
    try:
        mart_def = MartDefinition.model_validate(definition)
        mart = Mart.of(conn.conn_id, ground_name(planner, conn.conn_id, fact), mart_def)
        resolved = resolve_mart(mart, planner.catalog)
    except MartQuestion as exc:
        return Outcome.clarify(*exc.questions)
    except ValueError as exc:
        return Outcome.clarify(str(exc))
    mart_def = pinned(mart_def, resolved)
    table_name = named_target or _mart_table_name(fact, mart_def)
    cron = schedule.cron if schedule else None
    spec_data = {
        **planner._header(
            request,
            fact.name,
            conn,
            target.value,
            table_name,
            "replace",
            cron,
            schedule.timezone if schedule else None,
        ),  # fmt: skip
        "source": {
            "type": "mart",
            "conn_id": conn.conn_id,
            "table": ground_name(planner, conn.conn_id, fact),
            "mart": mart_def.to_json_dict(),
        },
        "target": planner._target_spec(target.value, table_name, "replace", []),
    }
    spec_data["description"] = _describe(conn.conn_id, fact, target.value.conn_id, table_name, mart_def, cron)
    if export is not None:
        excel, questions = _excel_target(planner, export, table_name, ask)
        if questions:
            return Outcome.clarify(*questions)
        spec_data["target"] = excel
        spec_data["tags"] = list(dict.fromkeys(["ai-etl", conn.engine, "excel"]))
        spec_data["description"] = _describe(conn.conn_id, fact, "excel", excel["path"], mart_def, cron)
    from airflow_ai_etl.planning.offline import _validated

    outcome = _validated(spec_data)
    if outcome.status == "ok":  # «отчисленных» as status = 'expelled': said with the plan (README)
        outcome.assumptions = list(dict.fromkeys([*rest_request.assumed, *ph.assumed]))
    return outcome


TABLE_NOUNS_RU = {"таблица", "табличка"}  # «выручка в табличку»: where the rows go, no mart or report word
PLACE_LEAD = {"that", "which", "is", "are", "was", "were", "который", "поверх", "over", "inside", "within"}


def _read_placement(planner: OfflinePlanner, ph: MartPhrase) -> None:
    """Words that only say where the fact table already is («поверх уже залитой туда таблицы», "that is
    already loaded there", "over the clickhouse X table") are read: no filter, dimension or residue."""
    tokens, n = ph.tokens, len(ph.tokens)

    def take(first: int, last: int) -> None:
        ph.used.update(range(first, last + 1))
        ph.blank.append((tokens[first].start, tokens[last].end))

    for a, t in enumerate(tokens):
        if t.lower in PLACE_LEAD - {"that", "which", "is", "are", "was", "were", "который"}:
            k = a + 1 + (a + 1 < n and tokens[a + 1].lower == "the")
            if k < n and _names_clickhouse(planner, tokens[k]):
                take(a, k)  # "over the clickhouse events table", "inside ClickHouse", «поверх кликхаусной»
        if t.lower not in ALREADY_WORDS:
            continue
        first = a
        while first > 0 and (tokens[first - 1].lower in PLACE_LEAD or tokens[first - 1].lemma in PLACE_LEAD):
            first -= 1
        for last in range(a + 1, min(n, a + 6)):
            w = tokens[last]
            if w.lower in THERE_WORDS or _names_clickhouse(planner, w):
                take(first, last)
                break
            if w.lang not in ("ru", "en") or _is_measure(w) or _grain_noun(w):
                break


def _clickhouse_side_target(planner: OfflinePlanner, request: Request, fact_conn: Any) -> Found:
    """A ClickHouse-side mart is built by ``INSERT ... SELECT`` on the fact table's server: into the
    ClickHouse connection the request names by id, else the fact table's own connection."""
    named = {
        r.conn_id
        for r in planner._conn_refs(request)
        if r.by_id and planner.catalog.connections[r.conn_id].engine == "clickhouse"
    }
    if len(named) > 1:  # «из raw_sales в clickhouse_default, записать в ch_far»: the other one
        named.discard(fact_conn.conn_id)
    if len(named) > 1:
        return Found(None, [_asker(request.language)("clickhouse_only")])
    target = planner.catalog.connections[named.pop()] if named else fact_conn
    if (target.host, target.port) != (fact_conn.host, fact_conn.port):
        return Found(
            None, [_asker(request.language)("same_server", fact=fact_conn.conn_id, target=target.conn_id)]
        )
    return Found(target)


# --- export to Excel -------------------------------------------------------------------------------

EXCEL_TARGET = ConnectionInfo("excel", "excel")  # the target of an exported mart (a file, no connection)
EXPORTED_EN = {"exported", "exporting", "exports", "saved", "written"}  # "..., exported to s3://b/x.xlsx"


@dataclass
class ExcelExport:
    """«Выгружать витрину ... в Excel», "export the ... mart to an Excel file": the mart's rows go to a
    workbook; ``path`` when the request names one (local or ``s3://``)."""

    path: str | None = None


def _read_excel_export(text: str, ph: MartPhrase) -> ExcelExport | None:
    """An Excel workbook (a word or an .xlsx path) the mart is written to, not read from («из Excel»).
    Its words are marked read and hidden from the schedule and filter rules."""
    tokens = ph.tokens
    paths = [m for rx in (_S3_XLSX, _LOCAL_XLSX) for m in rx.finditer(text)]
    cues = [i for i, t in enumerate(tokens) if _is_excel_word(t)]
    cues += [i for i, t in enumerate(tokens) for m in paths if m.start() <= t.start < m.end()]
    if not cues:
        return None
    for i in cues:
        before = [w.lower for w in tokens[max(0, i - 3) : i]]
        if any(w in FROM_WORDS for w in before) and not any(w in ("в", "во", "to", "into") for w in before):
            return None  # «из Excel»: a workbook to read (not a mart's export)
    for i in sorted(set(cues)):
        ph.used.add(i)
        for k in (i - 2, i - 1, i + 1):  # «в Excel-файл», "to an Excel file", «в файл Excel»
            if 0 <= k < len(tokens) and (
                tokens[k].lower in ("в", "во", "to", "into", "as", "an", "a")
                or tokens[k].lower in FILE_NOUNS
                or tokens[k].lemma in FILE_NOUNS
            ):
                ph.used.add(k)
        ph.blank.append((tokens[i].start, tokens[i].end))
    for i, t in enumerate(tokens):  # the verb of exporting: «выгружать», «выгрузка», "export"
        if _word(t, LOAD_VERBS_RU, LOAD_VERBS_EN) or _en(t, EXPORTED_EN):
            ph.used.add(i)
            ph.blank.append((t.start, t.end))
    for m in paths:
        ph.blank.append((m.start(), m.end()))
        ph.used.update(i for i, t in enumerate(tokens) if m.start() <= t.start < m.end())
    return ExcelExport(paths[0].group(0) if len(paths) == 1 else None if not paths else "")


def _excel_target(
    planner: OfflinePlanner, export: ExcelExport, table_name: str, ask: Any
) -> tuple[dict[str, Any], list[str]]:
    """The spec's excel target: the named path, else ``<the one file root>/<mart name>.xlsx``; an S3
    path writes through the one S3 connection (or the one the request names)."""
    import os

    from airflow_ai_etl.file_roots import configured_roots

    if export.path == "":  # two paths named
        return {}, [ask("which_file")]
    path = export.path
    if path is None:
        roots = configured_roots()
        if len(roots) != 1:
            return {}, [ask("which_file")]
        path = os.path.join(roots[0], f"{table_name}.xlsx")
    target: dict[str, Any] = {"type": "excel", "path": path, "mode": "replace"}
    if path.lower().startswith("s3://"):
        s3 = planner.catalog.connections_of("s3")
        if (
            not s3
        ):  # none listed: Airflow's conventional aws_default (boto3's credential chain), as file loads
            target["conn_id"] = DEFAULT_S3_CONN_ID
            return target, []
        if len(s3) != 1:
            return {}, [ask("which_s3", path=path, conns=", ".join(c.conn_id for c in s3) or "-")]
        target["conn_id"] = s3[0].conn_id
    return target, []


ENGINES = [set(words) for words in ENGINE_WORDS.values()]
MAX_PARTS = 20  # measures or dimensions one mart sentence may name (the model allows 100)
# English words that stand before a noun without qualifying it ("among employees", "across warehouses")
NOT_QUALIFIERS_EN = {"among", "amongst", "between", "across", "within", "about", "than", "via", "per", "over"}


def _owner_said_by_fact(ph: MartPhrase, fact: Table, i: int) -> bool:
    """A Russian genitive closing a measure's object words («средняя оценка гостей») that the fact's own
    comment says ('Отзывы гостей'): whose measure the fact records, no condition (marts117)."""
    t = ph.tokens[i]
    if t.lang != "ru" or not fact.comment or not any(p.case == "gent" for p in t.parses[:1]):
        return False
    if not any(m.object and i in m.object[1:] for m in ph.measures):
        return False
    return bool(t.lemmas & _comment_lemmas(fact.comment))


def _owner_compound(ground: _Ground, t: Token, fact: Table) -> bool:
    """«абонентов-нельготников», «клиентов-резидентов»: a Russian compound whose first half names another
    table than the fact (the rows' owners) says more than whose rows they are: its second half is a role or a
    state no rule read, so it is never excused as the title's owner (marts129: «Долги абонентов-зелёных» was
    planned as every debt)."""
    if t.lang != "ru" or "-" not in t.text:
        return False
    first = next(iter(tokenize(t.text.split("-", 1)[0])), None)
    owner = ground.table_of(first) if first is not None else None
    return owner is not None and owner is not fact


def _residue(
    tokens: Sequence[Token],
    ph: MartPhrase,
    rest: Request,
    where: str | None,
    ground: _Ground,
    fact: Table,
    conditioned: bool = False,
    measured: frozenset[str] = frozenset(),
    dated: str | None = None,
) -> str:
    """Words no rule read, quoted; a filter the rules did not turn into a condition is never dropped.
    Table nouns, verbs (построй, продано, "sold") and refresh words carry no slot of their own. `dated`: the
    time column of the mart's grain."""
    spans = list(rest.schedule_spans) + list(rest.handled)
    connections = {c.lower() for c in ground.planner.catalog.connections}
    titled = _title_nouns(tokens)
    cut = _header_cut(tokens) or 0
    noun_titled = {
        i for i in range(cut) if tokens[i].lang == "ru" and any(p.pos == "NOUN" for p in tokens[i].parses)
    }
    commented_title = _title_of_column(tokens, fact)
    complements = {  # «Записи на групповые занятия» of bookings: the words the fact's comment says
        k
        for j in range(len(tokens) - 2)
        if (found := _comment_complement(ground, tokens, j)) is not None and found[0] is fact
        for k in range(j + 1, found[1] + 1)
    }
    speaker = _speaker_words(tokens)  # «у нас», "do we have"
    left = []
    for i, t in enumerate(tokens):
        if i in ph.used or t.lang not in ("ru", "en") or any(a <= t.start < b for a, b in spans):
            continue
        if not rest.text[t.start : t.end].strip():
            continue  # read by the mart rules or explained by a bracketed condition ("not been fired (...)")
        if t.lower in FILLER_EN or t.lemma in FILLER_RU or t.lower in FILLER_RU:
            continue
        if conditioned and t.lower in ONLY_WORDS:
            continue  # «только закрытые (closed_at не пустой)»: the cue of the bracket's condition
        if _chat_word(t) or i in speaker:
            continue  # «пусть», «привет», "hey, can I get", "pls", «сколько у нас …», "do we have"
        if any(0 <= k < len(tokens) and _after_do_support(tokens, k) for k in (i + 1, i + 2)) and (
            t.lower in DO_SUPPORT_EN | SUBJECT_PRONOUNS_EN
        ):
            continue  # "how many units did we sell": the auxiliary and its subject; the verb is read alone
        if _after_do_support(tokens, i) and any(_part_match(stem(t.lower), c) for c in _time_columns(fact)):
            continue  # "how many loans did we issue": the event of issued_on, as "were issued" is
        if _word(t, TITLE_RU, TITLE_EN):
            continue
        if ph.grain and t.lang == "ru" and t.lemma == "новый":
            continue  # «новые клиенты по месяцам»: new rows are counted by the month they appear in
        if _participle(t) and _event_of_every_row(t, fact, dated):
            continue  # «выданных книг» of library_loans (issued_at): the event the rows are
        if _participle(t) and _says_registration(t) and _registration_columns(fact):
            continue  # "guests registered per …": created_at 'Дата регистрации гостя'
        if _across_all(tokens, i):
            continue  # "per category across all warehouses": every row of them is summed anyway
        if _grouped_event_participle(ph, i, fact):
            continue  # «кол-во переданных по способам передачи»: no state the filter rules found, the event
        if (i == 0 or _counted_word(ph, i)) and _head_event_noun(t, fact):
            continue  # «Заселения в общагу …», «сколько было заселений» of dorm_residents: the rows' event
        if (
            t.lang == "ru"
            and "-" not in t.text  # «абонентов-зелёных»: a compound's stem is its first half's (marts129)
            and any(p.pos == "ADJF" for p in t.parses[:1])
            and fact.comment
            and any(_adjective_of_stem(stem(t.lower), x) for x in _comment_stems(fact.comment))
        ):
            continue  # «Стипендиальный фонд» of scholarships ('Начисления стипендий'): the fact's adjective
        if _clause_lead(t) and _after_counted(ph, ground, fact, i):
            continue  # "distinct students living in each dorm building": the clause of the counted people
        if i in commented_title or i in complements:
            continue  # «Объявленная ценность: сумма …»: the title is a column's comment word for word
        if _measured_comment_tail(ph, fact, i):
            continue  # «средняя ставка за нормо-час» of hourly_rate 'Ставка за нормо-час, руб.'
        if _owner_said_by_fact(ph, fact, i):
            continue  # «средняя оценка гостей» of reviews ('Отзывы гостей'): whose rating the fact records
        if t.lower == "у" and i + 1 < len(tokens) and ground.table_of(tokens[i + 1]) is fact:
            continue  # «ставка … у мастеров» of mechanics: whose value it is, the fact's own rows
        if (
            i in titled
            and not _owner_compound(ground, t, fact)
            and (_names_no_other_table(ground, t, fact) or _names_measured_column(ph, ground, fact, t))
        ):
            continue  # «Воронка найма — ...», «Пробег курьеров: ...»: the nouns titling the mart
        if i in titled and i > 0 and i - 1 in titled and not _owner_compound(ground, t, fact):
            if _title_owner(ground, t, fact):
                continue  # «Витрина оплат отеля: …» of payments: whose rows, the hotel a reservation is at
        if i in noun_titled and _names_measured_column(ph, ground, fact, t):
            continue  # «Чаевые курьерам: сумма чаевых …»: a noun parsed as an adjective first titles it
        if _word(t, REFRESH_RU, REFRESH_EN) or t.lower in ("sold", "refresh", "refreshed"):
            continue
        if _refresh_noun(t):
            continue  # «…, запуск 1-го числа в 6 утра», «прогон ежедневно»: the refresh's own noun
        if t.lang == "ru" and t.parses and t.parses[0].pos in ("VERB", "INFN", "PRTS", "GRND"):
            if not _unread_event_verb(tokens, i, fact):
                continue  # «построй», «обновлять», «продано»: no slot of their own
        if t.lemma in ("проданный", "продать") or ground.table_of(t) is fact:
            continue
        owner = ground.table_of(t)
        if owner is not None and _fk_column(fact, owner) and any(i in m.object for m in ph.measures):
            continue  # «сколько товаров продано» of sales: the counted noun is the table the fact points at
        if _owner_before_fact(ground, tokens, i, owner, fact):
            continue  # "guest payments", "customer orders", "patient invoices": whose rows the fact's are
        if (
            i >= 2
            and tokens[i - 1].lang == "ru"
            and tokens[i - 1].lemma in PREP_LINKS
            and (ground.table_of(tokens[i - 2]) is fact or _comment_verb(tokens[i - 2], fact))
            and _describes(t, fact)
        ):
            continue  # «записей на приём», «записалось на приём»: the fact's comment ('Записи на приём')
        if (
            i + 1 < len(tokens)
            and ground.table_of(tokens[i + 1]) is fact
            and _fact_comment_says(ground, fact, t)
        ):
            continue  # "Library events" of 'Мероприятия библиотек': the fact's comment says whose rows
        if t.lang == "en" and stem(t.lower) in name_parts(fact.name) and len(name_parts(fact.name)) > 1:
            continue  # "Fuel spend" of fuel_cards: a part of the fact table's own name
        if len(t.text) <= 4 and any(
            t.lower in re.findall(r"[^\W\d_]+", (c.comment or "").lower()) for c in _numeric_columns(fact)
        ):
            continue  # «кВт·ч» of telemetry.kwh ('Потребление за час, кВт·ч'): the unit it is written in
        if (
            t.lang == "en"
            and "-" in t.text
            and any(
                {stem(x) for x in t.lower.split("-") if x} <= set(name_parts(c.name))
                for c in _time_columns(fact)
            )
        ):
            continue  # "check-outs" of dorm residents: the event of checked_out_on
        if t.lang == "en" and any(_names_part(stem(t.lower), part) for part in name_parts(fact.name)):
            continue  # "prescribed days" of prescriptions, "tracking evnets" of tracking_events
        if t.lang == "en" and t.lower.endswith("ed") and _verb_of_part(stem(t.lower), name_parts(fact.name)):
            continue  # "parcels shipped" of shipments: the verb the fact's own name is made from, no state
        if i > 0 and _comment_pair(ground, tokens[i - 1], t) is fact:
            continue  # «обращения абонентов» of service_requests ('Заявки и обращения абонентов')
        if t.lower in HEAD_UNITS_EN and i > 0 and fact.column(f"{tokens[i - 1].lower}_count") is not None:
            continue  # "total booked seats" of booked_count: what the count column counts, its unit
        if _participle_names_column(tokens, i, fact):
            continue  # "bytes downloaded" of bytes_down: the rest of the measured column's name
        if _exchange_word_of_rate(ph, ground, fact, i):
            continue  # "exchange rate" of rate 'Курс к рублю': the measured column's own kind
        if fact.schema not in ("public", "default") and (
            t.lower == fact.schema.lower()
            or (t.lang == "en" and len(t.text) > 4 and stem(t.lower) == stem(fact.schema))
        ):
            continue  # "Payroll mart" of payroll.payslips, "billed amount" of billing.charges: the schema
        if any(  # "Badge events": the two words that name the fact table together
            0 <= a and b < len(tokens) and ground.table_of_pair(tokens[a], tokens[b]) is fact
            for a, b in ((i - 1, i), (i, i + 1))
        ):
            continue
        if _possessive_of_counted(tokens, i, ground, fact):
            continue  # "number of supplies and their total amount": the counted rows' own measure
        if t.lower in connections or any(stem(t.lower) in words or t.lower in words for words in ENGINES):
            continue  # «в ch_fast», «в кликхаус»: the target connection, read by the target rule
        left.append(t)
    if where:  # the filter rules read the words about rows; a negation they left is still asked about
        operators = {  # «балл не ниже 50», «не позже»: «не» is part of the comparison (score >= 50)
            id(t) for i, t in enumerate(tokens[:-1])
            if t.lower == "не" and _comparative(tokens[i + 1])
            and any(x.number is not None for x in tokens[i + 2 : i + 4])
        }  # fmt: skip
        qualifiers = _unread_fact_qualifiers(tokens, left, ground, fact, where)
        listed = (
            _listed_with_measure(ph)
            | _measured_nothing(ph, ground, fact)
            | _listed_with_state(ph, where)
            | _listed_after_only(tokens, left, fact, where)
        )
        counted = _counted_column_words(ph, ground, fact, where)
        unmeasured = _unmeasured_column_words(left, ground, fact, where, measured)
        flagged = _joined_flag_words(left, ground, fact, where)
        # a count of time units unread while no window was read ("sliding thirty days"): asked
        time_counts: set[int] = set() if "interval" in where else _unread_time_counts(tokens, left)
        left = [
            t
            for t in left
            if ((t.lower in NEGATION_WORDS or t.lemma in NEGATION_WORDS) and id(t) not in operators)
            or id(t) in qualifiers
            or id(t) in listed
            or id(t) in counted
            or id(t) in unmeasured
            or id(t) in flagged
            or id(t) in time_counts
        ]
    return " ".join(t.text for t in left)


# units of time a count may say a window in ("sliding thirty days", «скользящих 30 суток»)
_TIME_UNITS = (
    *("minute", "hour", "day", "week", "month"),
    *("минут", "час", "дн", "день", "сут", "недел", "месяц"),
)


def _unread_time_counts(tokens: Sequence[Token], left: Sequence[Token]) -> set[int]:
    """Ids of unread words saying a count of time units and the word right before it ("sliding thirty days",
    "moving window of 30 days"): a window no rule read is asked about, never dropped because the filter
    rules read some other words about the rows (marts124: mbc-en-12's "rolling thirty days" beside "paid
    online" was dropped)."""
    unread = {id(t) for t in left}
    found: set[int] = set()
    for num in numerals(tokens):
        if num.last >= len(tokens) or not all(id(t) in unread for t in tokens[num.first : num.last + 1]):
            continue
        if not tokens[num.last].lower.startswith(_TIME_UNITS):
            continue
        first = num.first - 1 if num.first > 0 and id(tokens[num.first - 1]) in unread else num.first
        found.update(id(t) for t in tokens[first : num.last + 1])
    return found


def _joined_flag_words(left: Sequence[Token], ground: _Ground, fact: Table, where: str) -> set[int]:
    """«Заказ-наряды старших мастеров …, только выполненные»: an unread Russian adjective spelling the comment
    of a flag of a table the fact references (mechanics.is_senior 'Старший мастер') is a condition on that
    table, not among the words the filter rules read for `status = 'done'`: it is asked, never dropped
    (marts120, mbb-ru-08)."""
    flags = [
        (c.name, _comment_lemmas(c.comment or ""))
        for other in ground.tables
        if other is not fact and _fk_column(fact, other) is not None
        for c in other.columns
        if column_kind(c.type).family == "bool"
    ]
    return {
        id(t)
        for t in left
        if t.lang == "ru"
        and any(p.pos == "ADJF" for p in t.parses[:1])
        and any(t.lemma in lemmas and not re.search(rf"\b{name}\b", where) for name, lemmas in flags)
    }


def _adjective_of_stem(adjective: str, noun: str) -> bool:
    """The adjective's stem is made from the noun's: «стипендиальн» of «стипенди», and with the noun's last
    consonant changed by the suffix, «зарядн» of «зарядк» ('Сессии зарядки': «Зарядные сессии», marts107)."""
    if len(noun) < 5:
        return False
    return adjective.startswith(noun) or (len(noun) >= 6 and adjective.startswith(noun[:-1]))


# What a "<participle>_count" column counts, said after the participle ("booked seats", "booked places").
HEAD_UNITS_EN = {"seats", "places", "spots", "people", "persons", "participants", "attendees", "visitors"}


POSSESSIVES_OF_ROWS = {"their", "its", "их", "его", "её", "ее"}


def _possessive_of_counted(tokens: Sequence[Token], i: int, ground: _Ground, fact: Table) -> bool:
    """ "their" in "number of supplies and their total amount", «их» in «число счетов и их сумма»: a
    possessive right after «и»/"and" that follows the fact's own noun refers back to its rows."""
    return (
        i >= 2
        and tokens[i].lower in POSSESSIVES_OF_ROWS
        and tokens[i - 1].lower in ("и", "and", "&")
        and ground.table_of(tokens[i - 2]) is fact
    )


def _listed_with_measure(ph: MartPhrase) -> set[int]:
    """Ids of the unread words right after «и»/"and" that follows a measure word or its object (a comma may
    open a filter: "…, only refunds above 2000"):
    "outages per district: count and reasons". They name a second measure, never the rows a filter keeps, so
    a filter read elsewhere does not excuse them (the reasons were dropped while the count was planned)."""
    tokens = ph.tokens
    ends = {m.object[-1] if m.object else m.index for m in ph.measures}
    found: set[int] = set()
    for i in range(2, len(tokens)):
        if tokens[i - 1].lower in ("и", "and", "&") and i - 2 in ends and i not in ph.used:
            found.add(id(tokens[i]))
    return found


def _listed_with_state(ph: MartPhrase, where: str) -> set[int]:
    """Ids of the unread words right after «и»/"and"/"or" that follows a state word the filter read
    ("excluding cancelled and late ones": 'cancelled' in the condition): a second state of the same list,
    which no listed value answers, is asked, never dropped beside the first."""
    tokens = ph.tokens
    found: set[int] = set()
    for i in range(2, len(tokens)):
        if tokens[i - 1].lower not in ("и", "and", "or", "или") or i in ph.used:
            continue
        if tokens[i].lang not in ("ru", "en"):
            continue
        said, _ = status_word(tokens[i - 2].lower)
        if said and any(f"'{spelling}'" in where for spelling in status_spellings(said)):
            found.add(id(tokens[i]))
    return found


# Joiners between the items of a list opened by «только»/"only": «только срочные, принятые и оплаченные».
_ONLY_LIST_JOINERS = LIST_JOINERS | {"или", "or"}


def _listed_after_only(tokens: Sequence[Token], left: Sequence[Token], fact: Table, where: str) -> set[int]:
    """Ids of the unread words of a list opened by «только»/"only" that stand right after one of its joiners
    and that the read condition does not account for: «только срочные и зелёные», "only emergency and purple
    ones". Each item is a condition on the rows, so one no rule read is asked, never dropped because the
    filter rules read another item of the same list (marts129: «только срочные и принятые» planned
    `is_urgent = true` alone). The list ends at a clause's punctuation other than a comma."""
    unread = {id(t) for t in left}
    found: set[int] = set()
    listing = False
    for i, t in enumerate(tokens):
        if t.lower in ONLY_WORDS:
            listing = True
        elif t.lang == "punct" and t.lower != ",":
            listing = False
        elif (
            listing
            and i > 0
            and tokens[i - 1].lower in _ONLY_LIST_JOINERS
            and id(t) in unread
            and not _said_in_where(t, fact, where)
        ):
            found.add(id(t))
    return found


# a column compared in a condition: `status = 'x'`, `is_urgent = true`, `seal_ok IS NULL`, `price >= 10`
_COMPARED_COLUMN = re.compile(r"\b(\w+) (?:=|<>|>=|<=|>|<|IN|NOT IN|IS)\b")


# name parts of a column kept in percent (discount_pct); a "rate" may be money (hourly_rate), so only a
# '%' in its comment makes it one (commission_rate 'Комиссия агента, %')
_PERCENT_NAME_PARTS = frozenset({"pct", "percent"})


def _percent_measured(measures: Sequence[dict[str, Any]], fact: Table) -> bool:
    """Some measured column of the fact is kept in percent (a '%' in its comment, or a pct's name; no bare
    rate): «средняя комиссия в процентах» says its unit. A money column («скидка» 'Скидка, руб.') is no
    percent, so «средняя скидка в процентах» is asked, never planned as the average of roubles (marts133)."""
    for m in measures:
        column = fact.column(m["column"]) if m.get("column") else None
        if column is None:
            continue
        if "%" in (column.comment or "") or _PERCENT_NAME_PARTS & set(column.name.lower().split("_")):
            return True
    return False


def _said_in_where(t: Token, fact: Table, where: str) -> bool:
    """Whether the condition read already says word `t`: a listed value it means (VALUE_MEANINGS, a status
    word) is compared, or it is a word of a compared column's comment or name («срочные» of is_urgent
    'Срочная поставка', "emergency" of is_emergency)."""
    said, _ = status_word(t.lower)
    values = {m for lemma in t.lemmas for m in VALUE_MEANINGS.get(lemma, ())}
    values |= set(status_spellings(said)) if said else set()
    if any(f"'{v}'" in where for v in values):
        return True
    for name in _COMPARED_COLUMN.findall(where):
        column = fact.column(name)
        if column is None:
            continue
        if t.lemmas & _comment_lemmas(column.comment or "") or stem(t.lower) in name_parts(column.name):
            return True
    return False


def _measured_nothing(ph: MartPhrase, ground: _Ground, fact: Table) -> set[int]:
    """Ids of the English words a measure is said of ("total widgets in stock") that name no column of the
    fact, no table and no state: what is measured, never the rows a filter keeps, so a filter read elsewhere
    ("…, quarantined excluded") does not excuse them (the price was summed beside the stock count)."""
    tokens = ph.tokens

    def names_nothing(k: int) -> bool:
        t = tokens[k]
        return (
            t.lang == "en"
            and t.lower not in FILLER_EN
            and not ground.columns_named(fact, [t])
            and ground.table_of(t) is None
            and not status_word(t.lower)[0]
        )

    # every word of the measure's object names nothing ("total widgets"), and none is a participle ("rent
    # collected", "households affected": the event or a state the other rules read)
    return {
        id(tokens[k])
        for m in ph.measures
        if not m.units  # "total packs in stock": the unit the stock is counted in, read by its own rule
        and m.object
        and all(names_nothing(k) and not EN_PARTICIPLE.fullmatch(tokens[k].lower) for k in m.object)
        for k in m.object
    }


def _unmeasured_column_words(
    left: Sequence[Token], ground: _Ground, fact: Table, where: str, measured: frozenset[str]
) -> set[int]:
    """Ids of the unread words that name what is measured, not which rows: a unit a numeric column of the fact
    carries («в литрах» of liters 'Объём, л', «гектарах» of area_ha) or a word naming a numeric column
    ("commission" of commission_amount, «площадь» of area_ha) that no measure and no condition reads. A filter
    read elsewhere never excuses them (zs: «Заправки … в литрах», "Agency commission …, signed deals only"
    were planned as count(*))."""
    numeric = [c for c in _numeric_columns(fact) if not _key_column(fact, c)]
    if not numeric:
        return set()
    values = {v.lower() for v in re.findall(r"'([^']*)'", where)}
    found: set[int] = set()
    for t in left:
        if t.lang not in ("ru", "en") or t.lower in FILLER_EN or t.lemma in FILLER_RU:
            continue
        if t.lower in values or status_word(t.lower)[0] in values:
            continue  # «только просроченные (status overdue)»: the condition's value, not overdue_days
        unit = _unit_of_noun(t)
        if unit is not None:
            carrying = [c for c in numeric if _carries_unit(fact, c, unit)]
            if carrying and not any(c.name in measured for c in carrying):
                found.add(id(t))
            continue
        named = [c for c in ground.columns_named(fact, [t]) if c in numeric]
        if named and not any(c.name in measured or re.search(rf"\b{c.name}\b", where) for c in named):
            found.add(id(t))
    return found


def _owner_before_fact(
    ground: _Ground, tokens: Sequence[Token], i: int, owner: Table | None, fact: Table
) -> bool:
    """ "guest payments" of payments ('Оплаты гостей'), "customer orders" of orders (customer_id): an English
    noun right before the fact's noun naming a table the fact points at, or whose noun the fact's comment
    holds, says whose rows they are (the fact itself), no filter and no dimension."""
    if owner is None or owner is fact or tokens[i].lang != "en" or i + 1 >= len(tokens):
        return False
    if ground.table_of(tokens[i + 1]) is not fact:
        return False
    if _fk_column(fact, owner):
        return True
    head = _comment_head(owner.comment) if owner.comment else None
    return head is not None and bool(fact.comment) and head in _comment_stems(fact.comment or "")


def _unread_fact_qualifiers(
    tokens: Sequence[Token], left: Sequence[Token], ground: _Ground, fact: Table, where: str
) -> set[int]:
    """ "outgoing transaction amount ..., completed only", «крупных заказов ..., только оплаченные»: an
    adjective right before the fact's noun that no rule read narrows the rows beside the filter that was
    read; dropped, the number would count every row of that filter. Ids of such tokens (asked about)."""
    position = {id(t): i for i, t in enumerate(tokens)}
    found: set[int] = set()
    for t in left:
        i = position[id(t)]
        if i + 1 >= len(tokens) or ground.table_of(tokens[i + 1]) is not fact:
            continue
        values = {status_word(t.lower)[0] or t.lower} | value_meanings(t)  # «успешных»: 'success'
        values |= {s for v in list(values) for s in status_spellings(v)}  # "successful": 'succeeded'
        if _qualifier_form(t) and not any(v in where.lower() for v in values):
            if not any(re.search(rf"\b{c}\b", where) for c in _columns_named_by(ground, t, fact)):
                found.add(id(t))  # «занятые койки» beside occupied = true: the word of the column read
    return found


def _qualifier_form(t: Token) -> bool:
    """A full adjective (RU) or a plain English word that can stand as one: no preposition, "only" word or
    plural noun ("among employees", "only routes", "lessons attended")."""
    if t.lang == "ru":
        return bool(t.parses) and t.parses[0].pos == "ADJF"
    if t.lang != "en" or not re.fullmatch(r"[a-z]{3,}", t.lower) or t.lower.endswith("s"):
        return False
    return t.lower not in ONLY_WORDS and t.lower not in NOT_QUALIFIERS_EN


def _columns_named_by(ground: _Ground, t: Token, fact: Table) -> set[str]:
    """Columns of the fact the word names: by name, glossary, comment, a boolean state or a derived word."""
    named = {name for _, name in ground.planner._column_mentions(fact, [t.lower])}
    named |= set(ground.planner.filters.boolean_columns_of(fact, t))  # «занятые» -> occupied
    return named | set(derived_columns(t.lower, fact))


ACROSS_EN = {"across", "over"}


def _across_all(tokens: Sequence[Token], i: int) -> bool:
    """ "across all warehouses", "over all categories": token i is the word, an all/the after it or the noun
    they lead to; the aggregate runs over every one of them, which a mart without that dimension does."""
    j = i
    while j >= 0 and tokens[j].lower not in ACROSS_EN:
        if j < i and tokens[j].lower not in ("all", "the"):
            return False
        j -= 1
    if j < 0:
        return False
    k = j + 1
    while k < len(tokens) and tokens[k].lower in ("all", "the"):
        k += 1
    return k < len(tokens) and tokens[k].text.isalpha() and i <= k


def _counted_word(ph: MartPhrase, i: int) -> bool:
    """Word i is what a row count counts («сколько было заселений», «число поступлений»)."""
    return any(m.func == "count" and i in m.object for m in ph.measures)


def _head_event_noun(token: Token, fact: Table) -> bool:
    """«Заселения» opening a mart of dorm_residents: a Russian noun whose time word names the fact's first
    time column (checked_in_on) is the event every row records, so the rows are counted. A later one
    («Выселения»: checked_out_on, empty while the student lives there) is not every row's: left asked."""
    if token.lang != "ru" or not any(p.pos == "NOUN" for p in token.parses[:1]):
        return False
    part = _time_word(token)
    times = [c for c in _time_columns(fact) if not _deadline_time(c)]  # «Выдачи карт»: expires_on is no event
    return part is not None and bool(times) and [c for c in times if _part_match(part, c)] == times[:1]


def _comparative(token: Token) -> bool:
    """«ниже», «выше», «меньше», «позже»: a comparative (pymorphy reads «ниже» first as a preposition)."""
    return token.lower in ("ниже", "выше") or any(x.pos == "COMP" for x in token.parses)


def _event_of_every_row(t: Token, fact: Table, dated: str | None) -> bool:
    """«выданных книг» of loans (issued_at NOT NULL): a participle naming a time column every row has is
    the event the rows are, no state. One naming a nullable time column («Выплаченные убытки», paid_at
    empty until paid) is a state of some rows: only the grain on that column dates it (each row by its
    payout); otherwise it is a filter the rules must read, or asked (marts104). Only a Russian full
    participle before its noun: an English past form may be the finite verb of the event."""
    named = [c for c in _time_columns(fact) if any(_part_match(p, c) for p in _verb_times(t))]
    if t.lang != "ru" or not _full_participle_form(t):
        return bool(named)  # "people checked in", «заселилось»: a finite verb says the event happened
    return any(not c.nullable or c.name == dated for c in named)


def _participle_names_column(tokens: Sequence[Token], i: int, fact: Table) -> bool:
    """ "total bytes downloaded" of bytes_down, "minutes spent" of minutes_spent: an English participle
    right after the measured noun, both naming parts of one numeric column, is the rest of its name."""
    t = tokens[i]
    if t.lang != "en" or not _participle(t) or i == 0 or tokens[i - 1].lang != "en":
        return False
    word, noun = stem(t.lower), stem(tokens[i - 1].lower)
    for c in _numeric_columns(fact):
        parts = name_parts(c.name)
        if (
            len(parts) > 1
            and noun in parts
            and any(len(p) >= 4 and word.startswith(p) for p in parts if p != noun)
        ):
            return True
    return False


def _exchange_word_of_rate(ph: MartPhrase, ground: _Ground, fact: Table, i: int) -> bool:
    """ "average exchange rate", «средний обменный курс»: a currency or exchange word right before the
    measured word, when the column it names is an exchange rate by its comment ('Курс к рублю'), says the
    kind of that rate, no filter or dimension."""
    if i + 1 >= len(ph.tokens) or not ph.tokens[i].lower.startswith(CURRENCY_COMMENT_PREFIXES):
        return False
    if not any(i + 1 in m.object for m in ph.measures):
        return False
    word = ph.tokens[i + 1]
    commented = [c for c in _numeric_columns(fact) if _comment_names(c, word)]  # «курс»: 'Курс к рублю'
    named = ground.columns_named(fact, [word]) or commented
    return any(_exchange_rate_comment(re.findall(r"\w+", (c.comment or "").lower())) for c in named)


def _after_counted(ph: MartPhrase, ground: _Ground, fact: Table, i: int) -> bool:
    """Token i follows (past a comma) the object of a distinct count whose table the fact points at."""
    k = i - 1 - (i > 0 and ph.tokens[i - 1].text == ",")
    for m in ph.measures:
        if m.func == "count_distinct" and m.object and m.object[-1] == k:
            counted = ground.table_of(ph.tokens[m.object[0]])
            return counted is not None and _fk_column(fact, counted) is not None
    return False


# «собери витрину mart_x», "build mart mart_x": a verb of making whose object is the mart named next
MART_BUILD_VERBS = frozenset(
    {"построить", "собрать", "сделать", "создать", "завести", "build", "create", "make"}
)


# «витрину положи в mart_x», "put the mart into mart_x": a verb of putting by the mart word, then a to-word
MART_PUT_VERBS = frozenset(
    {"положить", "класть", "сложить", "записать", "сохранить", "писать", "put", "save", "write", "store"}
)


def _put_mart_name(tokens: Sequence[Token], i: int) -> int | None:
    """«витрину положи в mart_bar_payments», "put the mart into mart_x": the mart word, a verb of putting
    (after it, or before it with "the"), a to-word and a snake_case name: the index of the name, where the
    mart goes (marts127: it was left unread and the mart was named by its measures)."""
    if not (_ru(tokens[i], TRIGGER_RU) or _en(tokens[i], TRIGGER_EN)):
        return None
    k = i + 1
    if k < len(tokens) and (tokens[k].lemma in MART_PUT_VERBS or tokens[k].lower in MART_PUT_VERBS):
        k += 1 + (k + 1 < len(tokens) and tokens[k + 1].lower == "it")
    elif not any(t.lemma in MART_PUT_VERBS or t.lower in MART_PUT_VERBS for t in tokens[max(0, i - 2) : i]):
        return None
    to_word = k + 1 < len(tokens) and tokens[k].lower in ("в", "во", "into", "to")
    return k + 1 if to_word and _IDENTIFIER.match(tokens[k + 1].text) else None


def _claim_put_words(ph: MartPhrase, named: str | None) -> None:
    """The words of «витрину положи в x» / "put the mart into x" are read when x names the mart."""
    for i in range(len(ph.tokens)):
        end = _put_mart_name(ph.tokens, i)
        if end is not None and ph.tokens[end].text == named:
            start = i - 2 if i >= 2 and ph.tokens[i - 1].lower == "the" else i
            ph.used.update(range(start, end + 1))


def _mart_named(tokens: Sequence[Token], ground: _Ground) -> str | None:
    """«положить в витрину weekly_product_revenue», "into the mart daily_sales": a new snake_case name right
    after the trigger word, which a to-word leads to, is the mart table's name (never a source table)."""
    for i, t in enumerate(tokens[:-1]):
        put = _put_mart_name(tokens, i)
        if put is not None and not any(x.name.lower() == tokens[put].text.lower() for x in ground.tables):
            return tokens[put].text
        if not (_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN)) or not _IDENTIFIER.match(tokens[i + 1].text):
            continue
        lead = [w.lower for w in tokens[max(0, i - 2) : i]]
        built = i > 0 and (tokens[i - 1].lemma in MART_BUILD_VERBS or tokens[i - 1].lower in MART_BUILD_VERBS)
        if not any(w in ("в", "во", "into", "to", "as") for w in lead) and not (built or _listed(tokens, i)):
            continue  # «собери витрину mart_x: …», "build mart mart_x": the build verb's object (marts107)
        name = tokens[i + 1].text
        if any(x.name.lower() == name.lower() for x in ground.tables):
            continue
        return name
    return _titled_mart_name(tokens, ground)


def _listed(tokens: Sequence[Token], i: int) -> bool:
    """«Лиды по источникам, посуточно, витрина leads_daily, апдейт раз в час», "…, daily, mart x": the mart
    word and a name make one item of a comma-separated list of the mart's settings (a comma before, a comma
    or the end after), naming the mart as «в витрину x» does (marts116: the name was asked as a filter)."""
    after = i + 2
    return (
        i > 0
        and tokens[i - 1].text in (",", ";")
        and (after >= len(tokens) or tokens[after].text in (",", ";", "."))
    )


def _titled_mart_name(tokens: Sequence[Token], ground: _Ground) -> str | None:
    """«Сделай mart_payments_weekly: число платежей …», "mart_x — revenue per hall": a new snake_case name
    with the marts' own prefix, titling the request before a colon or dash, names the mart's table (marts105:
    it was left unread and the mart was named by its measures). Never a name of a table the connection has,
    nor one after «из»/"from" (a source)."""
    for i, t in enumerate(tokens[:-1]):
        name = t.text
        if not (name.lower().startswith("mart_") and _IDENTIFIER.match(name)) or tokens[i + 1].text not in (
            ":",
            "—",
            "–",
        ):
            continue
        if i > 0 and tokens[i - 1].lower in ("из", "from"):
            continue
        if any(x.name.lower() == name.lower() for x in ground.tables):
            continue
        return name
    return None


NOUN_SUFFIXES_EN = ("ment", "ion", "ation")  # ship -> shipment, register -> registration


def _verb_of_part(verb_stem: str, parts: Sequence[str]) -> bool:
    """Shipments of "shipped", enrollments of "enrolled": a table-name part is the verb plus a suffix that
    makes nouns of verbs."""
    return len(verb_stem) >= 3 and any(
        part == verb_stem + suffix for part in parts for suffix in NOUN_SUFFIXES_EN
    )


def _names_part(word: str, part: str) -> bool:
    """An English word is a form of a table-name part ("prescrib" ~ prescript, six letters in common) or
    that part with two neighbouring letters swapped ("evnet" ~ event)."""
    if len(word) >= 6 and len(part) >= 6 and word[:6] == part[:6]:
        return True
    if len(word) != len(part) or len(word) < 4:
        return False
    diff = [k for k in range(len(word)) if word[k] != part[k]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == part[diff[1]]
        and (word[diff[1]] == part[diff[0]])
    )


def _title_of_column(tokens: Sequence[Token], fact: Table) -> set[int]:
    """The words before a request's first colon when every one of them is a word of one column's comment
    («Объявленная ценность: сумма …» of declared_value 'Объявленная ценность'): they title the measure,
    adjectives included (an adjective alone before a colon may be a filter: «Оплаченные заказы: …»)."""
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if cut is None or cut == 0 or cut > 4:
        return set()
    words = [i for i in range(cut) if tokens[i].lang != "punct"]
    if not words or any(tokens[i].lang != "ru" for i in words):
        return set()
    column = _titled_column(tokens, fact)
    if column is None or column.name == "id" or column.name.endswith("_id"):
        # «Рецептурные препараты: …» of prescription_id 'Рецепт (для рецептурных препаратов)': a key's
        # comment titles no measure; the words say which rows (a flag of the drugs?), asked (marts115)
        return set()
    return set(words)


def _measured_comment_tail(ph: MartPhrase, fact: Table, i: int) -> bool:
    """«средняя ставка за нормо-час» of mechanics.hourly_rate 'Ставка за нормо-час, руб.': a Russian word
    after a measure's noun, every word between them (a preposition too) a word of one numeric column's
    comment that also has the measure's noun: the rest of that column's comment, no slot of its own."""
    tokens = ph.tokens
    if tokens[i].lang != "ru":
        return False
    measured = {k for m in ph.measures for k in (m.index, *m.object)}
    for column in _numeric_columns(fact):
        said = _comment_lemmas(column.comment) if column.comment else frozenset()
        if not said or not tokens[i].lemmas & said:
            continue
        j = i - 1
        while j >= 0 and j not in measured and tokens[j].lang == "ru" and tokens[j].lemmas & said:
            j -= 1
        if j >= 0 and j in measured and tokens[j].lemmas & said:
            return True
    return False


def _names_measured_column(ph: MartPhrase, ground: _Ground, fact: Table, token: Token) -> bool:
    """ "Premium by channel: total premium per channel": a header word naming the fact's column a body measure
    computes restates that measure, even when it also names another table (billing.premium_payments)."""
    named = {c.name for c in ground.columns_named(fact, [token])}
    for m in ph.measures:
        measured = (
            {c.name for c in ground.columns_named(fact, [ph.tokens[k] for k in m.object])}
            if m.object
            else set()
        )
        if named & (measured | {m.column_ref}):
            return True
    return False


def _title_owner(ground: _Ground, token: Token, fact: Table) -> bool:
    """A Russian genitive noun of a title naming a table the fact reaches by its keys (payments ->
    reservations -> hotels): it says whose rows the mart is about, no dimension or filter of its own."""
    owner = ground.table_of(token)
    if owner is None or owner is fact or token.lang != "ru" or not _genitive_noun(token):
        return False
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    return owner in _reachable(fact, relations, ground.tables)


def _names_no_other_table(ground: _Ground, token: Token, fact: Table) -> bool:
    """A title word that names another table or schema than the fact's ("Payroll mart" of employees) is
    not excused: the fact may be the wrong one."""
    other = ground.table_of(token)
    if other is not None and other is not fact and _fk_column(fact, other) is None:
        return False  # «Пробег курьеров» of routes (routes.courier_id): a table the fact points at is fine
    return not any(t.schema.lower() == token.lower and t is not fact for t in ground.tables)


def _blanked(text: str, ph: MartPhrase) -> str:
    spans = list(ph.blank)
    for i in ph.used:
        t = ph.tokens[i]
        spans.append((t.start, t.end))
    return _spans_blanked(text, spans)


def _drop_repeated_bare(
    ph: MartPhrase, ground: _Ground | None = None, adjectives: _Ground | None = None
) -> None:
    """«Витрина ФОТ: сумма начисленной зарплаты»: a bare measure word repeated by one that says of what.
    `adjectives` (or `ground`): the catalog whose comments an adjective and its cue may spell (marts111)."""
    spelled = adjectives or ground
    ph.measures = [
        m
        for m in ph.measures
        if m.object
        or m.column_ref
        or (ground is not None and _spells_numeric_comment(ph, ground, m))  # «сумма к оплате и сколько …»
        or (spelled is not None and _adjective_spells_comment(ph, spelled, m))  # «итоговая сумма и сумма …»
        or _counts_times(ph.tokens, m)  # «сколько раз заправлялась … и сколько литров»: two measures
        or m.units  # "gross sales + units sold": the quantity's sum is no repeat of the money's
        or _money_noun_listed(ph, m)  # «выручка и сумма скидок»: two amounts
        or not any(
            o is not m and o.func == m.func and (o.object or o.column_ref) and not o.subject
            for o in ph.measures
        )
    ]


def _money_noun_listed(ph: MartPhrase, m: MeasureWord) -> bool:
    """«выручка и сумма скидок»: a money noun that is no function word, listed right before another measure
    («и»/a comma between), is an amount of its own, no bare word the next measure repeats (marts114). So is
    one listed right after another measure («суммарная длительность в минутах и выручка», marts117): a word
    nothing else read is read (or asked), never dropped as a repeat."""
    tokens, nxt = ph.tokens, m.index + 2
    if (
        _ru(tokens[m.index], MONEY_RU - SUM_FUNCTION_RU)
        and nxt < len(tokens)
        and tokens[m.index + 1].lower in LIST_JOINERS
        and any(o.index == nxt for o in ph.measures)
    ):
        return True
    money = _word(tokens[m.index], MONEY_RU - SUM_FUNCTION_RU, MONEY_EN - SUM_FUNCTION_EN)
    return money and _listed_after_measure(ph, m)


def _listed_after_measure(ph: MartPhrase, m: MeasureWord) -> bool:
    """The joiner right before ``m`` closes an earlier measure: no other cue and no «по» between that
    measure's cue and ``m`` («суммарная длительность в минутах и выручка»)."""
    tokens = ph.tokens
    if m.index < 2 or tokens[m.index - 1].lower not in LIST_JOINERS:
        return False
    before = [o for o in ph.measures if o.index < m.index - 1]
    if not before:
        return False
    last = max(before, key=lambda o: o.index)
    between = tokens[last.index + 1 : m.index - 1]
    return not any(t.lower in DIM_PREPS_RU | DIM_PREPS_EN | _CLAUSE_MARKS for t in between)


# marks that close a measure list (a title's colon, a clause's semicolon or dash): no joiner inside one list
_CLAUSE_MARKS = frozenset({":", ";", "—", "–"})


def _spells_numeric_comment(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> bool:
    """The cue and the words right after it spell the whole comment of a numeric column of one of the
    connection's tables («сумма к оплате» of amount_due 'Сумма к оплате'): the measure says of what though no
    object was read, so a later measure of the same function is no repeat of it (marts106)."""
    tokens = ph.tokens
    said = [t for t in tokens[m.index : m.index + 4] if t.lang == "ru"]
    if len(said) < 2 or said[0] is not tokens[m.index]:
        return False
    for end in range(2, len(said) + 1):
        lemmas = {x for t in said[:end] for x in t.lemmas}
        if any(
            c.comment and _comment_lemmas(c.comment) <= lemmas and len(_comment_lemmas(c.comment)) >= end
            for t in ground.tables
            for c in _numeric_columns(t)
        ):
            return True
    return False


# a money unit closing a column's comment ('Итоговая сумма, руб.'): no word the request must say
_COMMENT_UNIT_LEMMAS = frozenset({"руб", "рубль", "коп", "₽"})


def _adjective_spells_comment(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> bool:
    """The adjective right before the cue and the cue spell the whole comment of a numeric column of one of
    the connection's tables, its money unit aside («итоговая сумма» of total_amount 'Итоговая сумма, руб.'):
    the measure says of what though no object was read, so a later measure of the same function («и сумма
    нормо-часов») is no repeat of it (marts111; _spells_numeric_comment reads the words after the cue)."""
    tokens = ph.tokens
    if m.index < 1 or tokens[m.index].lang != "ru":
        return False
    before = tokens[m.index - 1]
    if before.lang != "ru" or not before.has(before.lemmas, pos=("ADJF",)):
        return False
    said = before.lemmas | tokens[m.index].lemmas
    return any(
        len(wanted) == 2 and wanted <= said
        for table in ground.tables
        for c in _numeric_columns(table)
        for wanted in [_comment_lemmas(c.comment or "") - _COMMENT_UNIT_LEMMAS]
    )


def _qualifier_noun_column(ph: MartPhrase, ground: _Ground) -> None:
    """«сумма премий по видам страхования», «средняя премия по каналам», "sum of premiums by product": the
    measured noun names a table only as a qualifier of what its rows are (premium_payments, 'Платежи страховой
    премии': payments) and names one numeric column of another table (policies.premium, 'Страховая премия'):
    that column is measured, over its table, as the bare «Премии по …» is (_subject_measure), so the noun is
    read the same way whatever the measure word. Another word naming either table («взносов», «полиса» in
    the grain's words) is left to the fact rules."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref or len(m.object) != 1:
            continue
        k = m.object[0]
        table = ground.table_of(tokens[k])
        if table is None or not _names_by_qualifier(ground, table, tokens[k]):
            continue
        holders = [
            (t, c)
            for t in ground.tables
            if t is not table
            for c in _numeric_columns(t)
            if not _key_column(t, c) and _word_of_column(c, tokens[k])
        ]
        if len(holders) != 1:
            continue
        heads = {ground.table_of(w) for w in _dim_heads(ph)}  # «по полисам»: whose? (_measure_owner_after)
        if table in heads or holders[0][0] in heads:
            continue
        dims = {i for group in ph.dims for i in group}
        others = {
            ground.table_of(w)
            for i, w in enumerate(tokens)
            if i not in dims and w.lang in ("ru", "en") and not w.lemmas & tokens[k].lemmas
        }  # «Витрина премий: сумма премий …»: the same noun twice names nothing else
        if table in others or holders[0][0] in others:
            continue
        m.column_ref = holders[0][1].name
        ph.used.add(k)
        if ph.fact_hint is None:
            ph.fact_hint = holders[0][0]


PREP_LINKS = {"на", "к", "для", "по"}


def _mart_table_name(fact: Table, mart: MartDefinition) -> str:
    parts = [fact.name]
    keys = [d.rsplit(".", 1)[-1] for d in mart.dimensions] + (
        [mart.time_grain.grain] if mart.time_grain else []
    )
    name = f"{fact.name}_by_{'_'.join(keys)}" if keys else f"{fact.name}_mart"
    name = re.sub(r"[^a-z0-9_]+", "_", name.lower())[:60]
    return name if name != parts[0] else f"{name}_mart"


def _describe(conn: str, fact: Table, target: str, table: str, mart: MartDefinition, cron: str | None) -> str:
    measures = ", ".join(f"{m.func}({m.column or '*'})" for m in mart.measures)
    by = [
        *mart.dimensions,
        *([f"{mart.time_grain.grain}({mart.time_grain.column})"] if mart.time_grain else []),
    ]
    text = f"mart {conn}.{fact.name} -> {target}.{table}: {measures}"
    text += f" by {', '.join(by)}" if by else ""
    text += "" if cron else "; refreshed on demand (no schedule named)"
    return text[:500]


def _one_row_as_load(ph: MartPhrase) -> bool:
    """«выручка с заказов в ClickHouse каждый час», "revenue from orders to ClickHouse every hour": a measure
    with no dimension and no grain, and no word naming a mart or a report, reads as a load of the table that
    also says what it holds; one number over the whole table is asked, never planned as a one-row mart
    («Витрина выручки из заказов» names the mart; «… по тарифным планам» groups by the fact's own rows)."""
    titles = (TITLE_RU | TRIGGER_RU) - TABLE_NOUNS_RU, (TITLE_EN | TRIGGER_EN) - TABLE_NOUNS
    return bool(ph.measures) and not any(_word(t, *titles) for t in ph.tokens)


def _claim_target_words(ph: MartPhrase, named: str | None) -> str | None:
    """The mart table's name from a naming phrase («табличку назови orders_weekly_status», "name it x"), or
    the name another rule read ("target table x"); the phrase's words are marked read either way. Also
    «результат в кликхаус»: the result noun before the target it goes to."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i in range(n):
        if i in ph.used or not _target_phrase_at(ph, i):
            continue
        k = i
        while k < n and (
            _naming_word(tokens[k])
            or _word(tokens[k], NAMED_NOUNS_RU | RESULT_RU, NAMED_NOUNS_EN | RESULT_EN)
        ):
            k += 1
        if _word(tokens[i], RESULT_RU, RESULT_EN) and not _naming_word(tokens[i]):
            ph.used.add(i)  # «результат в кликхаус»: the target rule reads «в кликхаус»
            continue
        if k < n and _IDENTIFIER.match(tokens[k].text) and named in (None, tokens[k].text):
            ph.used.update(range(i, k + 1))
            named = tokens[k].text
    return named


def _unsupported_engine_word(planner: OfflinePlanner, tokens: Sequence[Token], lang: str) -> Outcome | None:
    """«из оракловой базы billing_ora», «из оракла», «из мускульной таблицы»: any form of an engine the
    assistant has no reader for (an adjective, a case ending) names the source as surely as its bare name,
    so the mart is refused before any question about its measures (nothing can be built from it)."""
    for t in tokens:
        engine = engine_in_any_form(t.lower) if t.lang == "ru" else None
        if engine is None:
            continue
        kinds = sorted({c.conn_type for c in planner.catalog.connections.values()}) or ["none"]
        return Outcome.reject(
            "grounding",
            say(lang, "planner.no_source_kind", name=engine, kinds=", ".join(kinds)),
            "source.conn_id",
        )
    return None


def _counted_event_verb(words: Sequence[Token], k: int) -> bool:
    """«сколько литров залили», «сколько залили»: a verb after «сколько» (and what it counts) names the
    event the rows are, not a load of the table; so does «сколько литров дизеля залили» (marts97: the noun
    phrase counted may be two words, a unit and what it measures)."""
    if any(w.lang == "ru" and w.lemma == "сколько" for w in words[max(0, k - 2) : k]):
        return True
    return (
        k >= 3
        and words[k - 3].lang == "ru"
        and words[k - 3].lemma == "сколько"
        and all(
            w.parses[:1] and w.parses[0].pos == "NOUN" and w.parses[0].case == "gent"
            for w in words[k - 2 : k]
        )
    )


def _two_columns_asked(
    lang: str, word: str, fact: Table, grain: dict[str, Any] | None, questions: Sequence[str]
) -> str | None:
    """The load's question for a Russian state word both the event's time column and a status value could
    say («закрытых счетов» read as «только закрытые»: closed_at or status 'closed'), when the filter rules
    asked it; None otherwise."""
    event = _event_happened(word, fact, grain)
    full = _full_participle(tokenize(word)[0])
    if event is None or full is None:
        return None
    question = state_two_columns_question(lang, fact, full, event.split()[0])
    return question if question in questions else None


def _undated_participle_asked(
    lang: str, word: str, fact: Table, ph: MartPhrase, questions: Sequence[str]
) -> str | None:
    """«Сколько закрытых заявок по темам понедельно»: a full participle before the counted noun that both a
    time column (closed_at) and a status could say, asked by the filter rules, stays asked when the grain
    was put on that time column though no word of the grain named it (marts104): «понедельно» dates nothing,
    so the participle alone chose the grain and the state was dropped. A finite verb («сколько заявок
    закрыли по неделям») or a named time («по дате закрытия») dates the event, as before."""
    said = tokenize(word)[0]
    full = _full_participle(said)
    event = _event_happened(word, fact, None)
    if ph.grain_words or not _full_participle_form(said) or full is None or event is None:
        return None
    question = state_two_columns_question(lang, fact, full, event.split()[0])
    return question if question in questions else None


def _summed_prices(ph: MartPhrase, ground: _Ground) -> str | None:
    """«Сумма цен за кВт·ч по тарифам», "sum of prices per tariff": a sum whose object is prices in the
    plural adds up prices of units, which means nothing whatever column the word reaches (a unit price, or
    a row's cost 'Стоимость зарядки' read for «цена»): the words are quoted in a question, never planned
    (marts104). A singular price («сумма цены заказа», "total price") is a row's money, read as before."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "sum" or not m.object:
            continue
        head = tokens[m.object[0]]
        plural = head.lang == "ru" and any(  # «цен», a genitive plural; «цены» of «сумма цены» is singular
            p.lemma == "цена" and p.case == "gent" and p.number == "plur" for p in head.parses
        )
        owned = any(ground.table_of(tokens[k]) is not None for k in m.object[1:])
        if (plural or head.lower == "prices") and not owned:  # «сумма цен билетов»: each ticket's price
            return _words_of(tokens, range(min(m.index, m.object[0]), max(m.object) + 1))
    return None


def _names_mart(ph: MartPhrase) -> bool:
    """A word of the request names a mart, a report or a summary (a title or a mart trigger word)."""
    titles = (TITLE_RU | TRIGGER_RU) - TABLE_NOUNS_RU, (TITLE_EN | TRIGGER_EN) - TABLE_NOUNS
    return any(_word(t, *titles) for t in ph.tokens)


def _unread_event_verb(tokens: Sequence[Token], i: int, fact: Table) -> bool:
    """«сколько ушло сотрудников»: an event verb right after «сколько», before the counted noun, that no
    rule read (no listed value, no time column of the fact, not the fact's comment) is asked, never
    dropped."""
    t = tokens[i]
    return (
        i > 0
        and tokens[i - 1].lemma == "сколько"
        and _finite_event_verb(t)
        and not _comment_verb(t, fact)
        and not _names_event_time(t, fact)
    )


# Chat phrases around a mart request that say nothing about it: "nothing fancy", «без изысков». A "keep it
# fresh" phrase is only chat when a schedule follows ("keep it fresh every 10 min"); alone it is asked.
_CHAT_PHRASES = re.compile(
    r"\b(?:nothing (?:too |very |super )?fancy|no frills|keep it simple|plain and simple)\b"
    r"|(?<![\w-])(?:ничего (?:особенного|сложного|лишнего)"
    r"|без (?:изысков|наворотов|излишеств|заморочек))(?![\w-])"
    r"|\bkeep (?:it|this|the mart|the table|them) (?:fresh|up[ -]to[ -]date|current|updated)\b"
    r"(?=\s*[,;:-]?\s*(?:every|each|hourly|daily|nightly|weekly|monthly)\b)",
    re.IGNORECASE,
)


# A greeting, thanks, or the meeting or audience a summary is for («Коллеги, добрый день!», «заранее
# спасибо», «для планёрки по загрузке отделов нужна …», «для презентации руководству», "Hi team", "for the
# Monday standup", "thanks in advance"): no slot of the mart. «добрый день» would read as a day grain,
# «загрузка» of the meeting's topic as a load verb, "Monday" as a schedule. A meeting's «по <topic>» is taken
# only when the request proper starts right after it (punctuation or «нужна/нужен/нужно»).
_MEETING_RU = r"(?:планёрк|планерк|совещани|летучк|созвон|встреч|презентаци|стендап|митинг|ревью)\w*"
_AUDIENCE_RU = r"(?:руководств|руководител|директор|начальств|начальник|менеджмент|правлени)\w*"
_MEETING_EN = r"(?:stand-?ups?|meetings?|syncs?|reviews?|presentations?|calls?|retros?|huddles?|briefings?)"
_AUDIENCE_EN = r"(?:board|management|leadership|execs?|executives)"
_PURPOSE_PHRASES = re.compile(
    r"(?<![\w-])(?:добр(?:ый|ого|ое)\s+(?:день|дня|вечер|вечера|утро|утра|времени\s+суток)"
    r"|заранее\s+(?:спасибо|благодар\w*)|(?:спасибо|благодар\w*)\s+заранее"
    rf"|(?:для|к)\s+(?:(?:нашей|нашего|нашему|ближайшей|ближайшему|утренней|утреннему|еженедельной|еженедельному)\s+)?"
    rf"(?:{_MEETING_RU}(?:\s+{_AUDIENCE_RU})?(?:\s+(?:по|о|об)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
    r"(?=\s*(?:[,:;.!—–-]|нужн)))?"
    rf"|{_AUDIENCE_RU}))(?![\w-])"
    r"|\b(?:thanks|thank\s+you)\s+in\s+advance\b|\b(?:hi|hey|hello)\s+(?:team|all|everyone|guys|folks)\b"
    r"|\bfor\s+(?:the\s+|our\s+|a\s+|an\s+|this\s+|next\s+)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|weekly|daily|morning|monthly|team)\s+)?"
    rf"(?:{_MEETING_EN}(?:\s+with\s+(?:the\s+)?{_AUDIENCE_EN})?|the\s+{_AUDIENCE_EN})\b",
    re.IGNORECASE,
)


def _without_purpose(text: str) -> str:
    """The request with its greetings, thanks and meeting or audience phrases blanked (same length)."""
    return _PURPOSE_PHRASES.sub(lambda m: " " * len(m.group(0)), text)


def _without_chat_phrases(text: str) -> str:
    """The request with its chat phrases blanked (same length, so every offset stays where it was)."""
    text = _ONLY_ROWS_STILL.sub(lambda m: " " * len(m.group(0)), text)
    return _CHAT_PHRASES.sub(lambda m: " " * len(m.group(0)), text)


# "only the ones still open", "only those still pending": the rows' pronoun between "only" and "still"
# names no condition; "only still open" is the state the filter rules read (marts103)
_ONLY_ROWS_STILL = re.compile(r"(?<=\bonly\s)(?:the\s+ones|those)(?=\s+still\b)", re.IGNORECASE)


# A self-correction: the phrase after it replaces the one before that starts with the same word ("by channel,
# I mean by status", «по каналам, вернее по статусам»). "mean" there is no average.
_SELF_CORRECTION = re.compile(
    r"(?:\.{2,}|…|[,;:—–-])?\s*(?<![\w-])(?:i\s+mean|i\s+meant|or\s+rather|вернее|точнее|"
    r"(?:нет,?\s+)?я\s+(?:имею|имел|имела)\s+в\s+виду)(?![\w-])[\s,:—–-]*",
    re.IGNORECASE,
)


def _self_corrected(text: str) -> str:
    """The request with each corrected phrase and its correction marker blanked (same length): "sum by
    channel, I mean by status" reads "sum by status". The corrected phrase is the last one before the marker
    that starts with the correction's first word; with none, the text stays (and is asked about)."""
    for marker in reversed(list(_SELF_CORRECTION.finditer(text))):
        first = re.match(r"[^\W\d_]+", text[marker.end() :])
        if first is None:
            continue
        word = rf"(?<![\w-]){re.escape(first.group(0))}(?![\w-])"
        starts = list(re.finditer(word, text[: marker.start()], re.IGNORECASE))
        if starts:
            start = starts[-1].start()
            text = text[:start] + " " * (marker.end() - start) + text[marker.end() :]
    return text


# A bracket of examples after a dimension: values ending in "...", "etc.", «и т.п.», «и др.», or opened by
# "e.g."/«например» ("per source (app, ivr...)"). It illustrates the values, it selects none of them.
_EXAMPLE_BRACKET = re.compile(
    r"\(\s*(?P<eg>(?:e\.\s?g\.|напр(?:имер|\.)|such\s+as|like)\s*:?\s*)?"
    r"[\w-]+(?:\s*[,/]\s*[\w-]+)*"
    r"\s*(?P<etc>,?\s*(?:\.{2,}|…|etc\.?|и\s+т\.\s?[пд]\.?|и\s+(?:др|пр)\.?))?\s*\)",
    re.IGNORECASE,
)


def _values_list(bracket: str) -> bool:
    """ "(доставка/самовывоз/зал)", "(web, app, pos)": two values and more with a slash, or three with commas
    (two with a comma may be two columns, "(id, name)")."""
    inner = bracket.strip("() ")
    return ("/" in inner and "," not in inner) or (inner.count(",") >= 2 and "/" not in inner)


def _without_example_brackets(text: str) -> str:
    """The request with each bracket of examples right after a dimension («по каналам (pos, atm и др.)»)
    blanked (same length); a bracket after «только»/"only" lists the rows kept and stays."""
    for match in reversed(list(_EXAMPLE_BRACKET.finditer(text))):
        words = [t for t in tokenize(text[: match.start()]) if t.lang in ("ru", "en")]
        # «по типу заказа (доставка/самовывоз/зал)»: a slashed list (or three values and more) after a
        # dimension's noun lists the dimension's values, so its words never choose the fact table
        listed = _values_list(match.group(0)) and bool(words) and _grain_noun(words[-1]) is None
        if match.group("eg") is None and match.group("etc") is None and not listed:
            continue
        before = [t.lower for t in words[-3:]]
        if not set(before) & (DIM_PREPS_RU | DIM_PREPS_EN) or set(before) & ONLY_WORDS:
            continue
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def _by_grain(words: Sequence[Token]) -> bool:
    """ "orders by month", "visits by week": an English "by" + a grain noun after a noun groups the rows per
    grain, as «по месяцам» and "per month" do (README, marts: one reading in both languages); a keyed "by"
    ("partitioned by month", "dedupe by day") is no grouping, and a load verb was read before this."""
    return any(
        t.lower == "by"
        and _grain_noun(words[k + 1]) is not None
        and words[k - 1].lang == "en"
        and words[k - 1].lower not in _KEYED_BY
        and (words[k - 1].lower in SPLIT_EN or not _participle(words[k - 1]))  # "refreshed by month end"
        and not _grain_qualified(words, k + 2)
        for k, t in enumerate(words[1:-1], start=1)
    )


# Words after a grain noun that make it no grain: "by day of week", "by month end", "by day 5"
GRAIN_TAIL_EN = {"of", "end", "ends", "start", "starts", "close", "closing", "boundary", "boundaries"}


def _grain_qualified(words: Sequence[Token], k: int) -> bool:
    """The word at `k`, right after a grain noun, makes it a part or a point of the period, not a grain."""
    return k < len(words) and (words[k].lower in GRAIN_TAIL_EN or words[k].lower.isdigit())


def _grain_on_date(words: Sequence[Token]) -> bool:
    """ "weekly by visit date", «еженедельно по дате обхода»: a frequency word whose time column is named
    right after it is the grain of a mart (a schedule names no column), so the request groups rows even
    with no measure word (README: a noun naming only its table counts rows)."""
    for k, t in enumerate(words[:-2]):
        if not (_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU):
            continue
        if words[k + 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN | {"on"}:
            continue
        if any(w.lower in DATE_NOUNS or w.lemma in DATE_NOUNS for w in words[k + 2 : k + 5]):
            return True
    return False


def _grain_on_time_name(words: Sequence[Token]) -> bool:
    """ "Requests by topic, monthly by created_at": a frequency word with a time column's name right after its
    «by/по» is a grain on that column, as "weekly by visit date" is, when the request groups by something
    else too (a load runs monthly, it names no time column to group by; "load x monthly by created_at"
    keeps its load verb, read before this)."""
    for k, t in enumerate(words[:-2]):
        if not (_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU):
            continue
        if words[k + 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN or not _time_column_name(words[k + 2]):
            continue
        if any(w.lower in DIM_PREPS_RU | DIM_PREPS_EN for j, w in enumerate(words) if j != k + 1):
            return True
    return False


def _time_column_name(token: Token) -> bool:
    """`created_at`, `visited_on`, `route_date`: a column name shaped as a time's ("_at", "_on", "_date")."""
    return "_" in token.lower and token.lower.endswith(("_at", "_on", "_date", "_time"))


def _foreign_bracket_column(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """The column of "weekly order count by status (total)", «число продаж по регионам (amount)»: a column
    name alone in brackets after a dimension that names another column of the fact, when it is no time
    column (the grain's, read before) and not a column of the table the dimension's words name («по
    отделам (name)»: the department's name). What it adds (a measure? the real dimension?) is asked, never
    turned into an extra measure."""
    tokens = ph.tokens
    pairs = [(before, inner[0]) for _index, before, inner in ph.bracketed if len(inner) == 1 and before]
    pairs += [  # "(total)", "(quantity)": a measure's word in the bracket is left out of ph.bracketed
        (group, k + 1)
        for k in range(1, len(tokens) - 2)
        if tokens[k].text == "(" and tokens[k + 2].text == ")"
        for group in ph.dims
        if k - 1 in group
    ]
    for before, inside in pairs:
        if inside in ph.state_glosses:
            continue  # the state word's column, read as its filter
        if not re.fullmatch(
            r"[A-Za-z_][A-Za-z0-9_]*", tokens[inside].text
        ):  # "total" as written, not «сумма»
            continue
        column = fact.column(tokens[inside].text)
        if column is None or column in _time_columns(fact):
            continue
        words = [tokens[k] for k in before]
        if any(
            (t := ground.table_of(w)) is not None and t is not fact and t.column(column.name) for w in words
        ):
            continue  # the dimension's table has the column: its own attribute
        named = ground.columns_named(fact, words)
        if named and all(c.name != column.name for c in named):
            return column.name
    return None


_KEYED_BY = {"dedupe", "deduplicate", "deduplicated", "duplicates", "upsert", "merge", "merged", "ones",
             "keyed", "key", "keys", "partitioned", "ordered", "sorted", "unique"}  # fmt: skip


# the word before a "by" that makes it a load's key or watermark ("new rows by created_at", "append by id")
_LOAD_BY = _KEYED_BY | {"rows", "row", "records", "incremental", "incrementally", "append", "appended",
                        "appending", "id", "ids"}  # fmt: skip


_BY_AMOUNT = {"more", "less", "over", "under", "at", "up", "about", "around", "nearly", "almost"}


# Participles a means of paying follows ("payments made by card"): no event's time column, so not in
# IRREGULAR_PARTICIPLES_EN; "made by card" names the rows as "paid by card" does (planner116).
_MEANS_PARTICIPLES_EN = frozenset({"made"})


def _rolling_window_words(words: Sequence[Token]) -> set[int]:
    """Ids of the English words opening a rolling window by a count of units ("over the last fourteen days",
    "past 30 days"): the rows the mart covers (its where), no cue of a copy of the rows that came since the
    last run as "the latest ones" is (marts112: mzx-en-22 was planned as a daily upsert load)."""
    return {
        id(t)
        for k, t in enumerate(words)
        if t.lang == "en"
        and (found := LAST_N.match(" ".join(w.lower for w in words[k : k + 6]))) is not None
        and found.group("en") is not None
        and found.group("n") is not None
    }


def _grouped_with_grain_adverb(tokens: Sequence[Token]) -> bool:
    """ "Wi-Fi traffic (bytes downloaded) by access point, hourly", "Card spend by MCC, monthly": an English
    grain adverb beside a "by" that groups (no key, no watermark, no target of a copy, no participle's agent
    or means: "paid by card" names rows; a bracket closed before "by" glosses the measure):
    the adverb is the grain of the grouping, as «помесячно» is, never the schedule of a copy that leaves
    "by <dimension>" unread (mzf-en-09). What is grouped is then read, or asked, by the mart's rules."""
    words = [t for t in tokens if t.lang != "punct" or t.lower == ")"]
    if not any(t.lang == "en" and t.lower in GRAIN_ADVERBS_EN for t in words):
        return False
    windows = _rolling_window_words(words)
    if any(t.lower in _TARGET_PREPS_EN or says_recent(t) and id(t) not in windows for t in words):
        return False  # "payments by card to clickhouse daily", "new ones by created_at, hourly": a copy
    # "tickets not closed yet, by priority": a comma parts the participle from "by", no agent or means
    after_comma = {id(b) for a, b in zip(tokens, tokens[1:], strict=False) if a.text == ","}
    return any(
        t.lower == "by"
        and 0 < k < len(words) - 1
        and (
            words[k - 1].lower == ")"
            or id(t) in after_comma
            or (
                words[k - 1].lang == "en"
                and words[k - 1].lower not in _LOAD_BY
                and (
                    words[k - 1].lower in SPLIT_PARTICLES_EN
                    or not (_english_participle(words[k - 1]) or words[k - 1].lower in _MEANS_PARTICIPLES_EN)
                )
            )
        )  # "payments paid by card, hourly": the rows of a value, read by the load's rules
        # "payments by card only, daily": "only" closing the phrase restricts the rows, it groups nothing
        and not (k + 2 < len(words) and words[k + 2].lower == "only")
        and words[k + 1].lang == "en"
        and words[k + 1].lower not in GRAIN_ADVERBS_EN | _BY_AMOUNT
        and words[k + 1].number is None  # "overdue by more than 60 days": a condition's amount
        for k, t in enumerate(words)
    )


def _grain_adjective_grouped(words: Sequence[Token]) -> bool:
    """ "daily visits by diagnosis", "weekly signups by source": an English grain adjective right before the
    counted noun, and a "by" that groups (not "dedupe by id", "upsert by id"): the rows counted per day and
    per value, never a daily copy that drops "by diagnosis" unread."""
    lead = any(
        t.lower in GRAIN_ADVERBS_EN
        and nxt.lang == "en"
        and nxt.lower not in ("at", "on", "in", "from", "to", "into", "by", "refresh", "load", "copy", "sync")
        for t, nxt in zip(words, words[1:], strict=False)
    )
    return lead and any(
        t.lower == "by" and k > 0 and words[k - 1].lower not in _KEYED_BY and words[k - 1].lang == "en"
        for k, t in enumerate(words)
    )


def _counted_column_words(ph: MartPhrase, ground: _Ground, fact: Table, where: str) -> set[int]:
    """«сколько нормо-часов …, только закрытые наряды (done)»: a word a count asks about that names a numeric
    column of the fact ('Нормо-часы' of labor_hours), not a table's noun, is a quantity to sum or a count of
    rows, which the filter rules reading the state never settle: it stays unread (asked), whatever `where`
    they found (ids of such tokens; never a column the condition itself names)."""
    tokens = ph.tokens
    found: set[int] = set()
    for m in ph.measures:
        if m.func != "count":
            continue
        for k in m.object:
            t = tokens[k]
            if t.lang != "ru" or not t.parses or t.parses[0].pos != "NOUN" or ground.table_of(t) is not None:
                continue  # the counted noun itself: «просроченных» of overdue_days says a state, read above
            named = [
                c
                for c in _numeric_columns(fact)
                if c in ground.columns_named(fact, [t]) or _comment_names(c, t)
            ]
            if named and not any(c.name in where for c in named):
                found.add(id(t))
    return found


def _neighbour_state(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "bookings …, cancelled classes excluded": a state word right before a plural noun naming another
    table that lists the same value is that table's state (a class cancelled), not the fact's own status
    of that name (a booking cancelled): the words, to ask about, else None."""
    tokens = ph.tokens
    for k in range(len(tokens) - 1):
        word, noun = tokens[k], tokens[k + 1]
        if word.lang not in ("ru", "en") or noun.lang != word.lang:
            continue
        other = ground.table_of(noun)
        if other is None or other is fact or ground.table_of(word) is not None:
            continue
        if _means_listed_value(word, other) and _means_listed_value(word, fact):
            return f"{word.text} {noun.text}"
    return None
