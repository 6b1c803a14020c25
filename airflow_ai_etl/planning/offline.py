"""Deterministic Russian/English planner: request text + catalog -> PipelineSpec or questions.

No network and no model: every decision is a rule over the request's words and the
catalog's names (tables, columns, their comments, connection ids and descriptions). When a
rule cannot decide (no table, two candidate connections, no schedule, an unknown column)
the planner asks instead of guessing.

The steps read top to bottom in `OfflinePlanner.plan`: refuse, find the source (a table, a
change stream or a file), the target, the schedule, then the options (mode and keys,
incremental column, column subset, filter, masking, deduplication).

Words that negate are read where they apply: "drop/без the email column" leaves a column out
(not a destructive intent); in a load request "remove rows where status is test" is a row filter, while
"delete rows from orders ..." (a place to delete in) stays refused. A business system no connection is
described by ("from Salesforce", "из 1С") is refused like an unsupported engine, never read from another
connection.

The row-filter rules (comparisons, status words, values, null checks, negated row filters, rolling windows
and places) live in :mod:`airflow_ai_etl.planning.filters` as `RowFilters`, which `OfflinePlanner`
composes (`self.filters`, given the planner to ask what words name); the request and the small
answers the rules pass (`Request`, `ConnRef`, `Place`, `Found`) live in
:mod:`airflow_ai_etl.planning.request`. Imports go one way: offline -> filters -> request.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from airflow_ai_etl.catalog import Catalog, Column, ConnectionInfo, Table, listed_values, without_listed
from airflow_ai_etl.messages import Message, msg, said_in, say
from airflow_ai_etl.outcome import Outcome, Problem
from airflow_ai_etl.planning import (
    abbreviations,
    cdc_rows,
    clauses,
    codes,
    colloquial,
    content,
    dropped,
    english_meanings,
    frame,
    frequency_columns,
    grammar,
    heads,
    linked_qualifier,
    listed_phrases,
    negation,
    residue,
    retractions,
    run_counts,
    unsaid_flags,
    watermark,
    window_named,
)
from airflow_ai_etl.planning.checks import plan_with_checks
from airflow_ai_etl.planning.codes import glossing_code
from airflow_ai_etl.planning.colloquial import (
    clipped_compound_of,
    skeleton,
    transliterates,
    univerbation_stems,
)
from airflow_ai_etl.planning.examples import unread_clause_question
from airflow_ai_etl.planning.filters import (
    AREA_UNIT_NAMES,
    BESIDE_NEGATORS,
    CLAUSE_FILLERS,
    CLAUSE_NEGATORS,
    COUNTED,
    COUNTED_OPERATORS,
    RELATIVE_PRONOUNS,
    RowFilters,
    _is_kind,
    _is_quantity_column,
    _is_text,
    _is_time_column,
    _plural_pair,
    _transliterates_pieces,
    bracketed_no_event,
    comment_lemmas,
    continues_a_comment,
    counted_nouns,
    duration_spans,
    names_read_value,
    role_noun_of,
    starts_new_rows,
    state_two_columns_question,
    status_gloss_after,
    value_meanings,
    window_spans,
)
from airflow_ai_etl.planning.flags import STATE_CUES
from airflow_ai_etl.planning.heads import comment_head_stems, comment_head_words, comment_noun_stem
from airflow_ai_etl.planning.keys import key_noun_columns
from airflow_ai_etl.planning.lexer import (
    CYRILLIC,
    Token,
    analyse,
    in_present,
    is_instruction_verb,
    singular_noun_phrase,
    tokenize,
)
from airflow_ai_etl.planning.lexicon import (
    COMPOUND_NOUN_PREFIXES_RU,
    IRREGULAR_PLURALS_EN,
    SCHEDULE_DAY_NOUNS_RU,
    TABLES,
    concepts,
    is_,
    same_event_verbs,
)
from airflow_ai_etl.planning.marts.plan import (
    excel_is_target,
    groups_by_catalog_column,
    looks_like_mart,
    plan_mart,
)
from airflow_ai_etl.planning.marts.words import FILLER_EN, SPELLING_EN, SPELLING_RU
from airflow_ai_etl.planning.meaning_phrases import (
    meaning_phrase_spans,
    table_saying_meaning,
    tables_of_said_meaning,
)
from airflow_ai_etl.planning.newrows import changed_clause, says_changed, says_recent, since_last_run
from airflow_ai_etl.planning.paths import in_path, path_spans
from airflow_ai_etl.planning.patterns import (
    APPEND_WORDS,
    BARE_NAME_IN_BRACKETS,
    BETWEEN,
    CDC,
    CDC_DELETE_NOUNS,
    CHANGED,
    CLAUSE_END,
    CLAUSE_WORDS,
    CODE_PATTERNS,
    COLON_LIST,
    COLUMN_LIST,
    COLUMN_LIST_AFTER,
    COLUMN_LIST_LEAD,
    COLUMN_NOUN,
    COLUMN_NOUN_PARTS,
    COLUMNS_BY_POSITION,
    COMPARATIVES,
    CONN_FILLER,
    DATA_WORDS,
    DEDUPE,
    DEDUPE_AFTER_VERB,
    DEDUPE_BEFORE_VERB,
    DEDUPE_CLAUSE_BY,
    EXCEL_PATH,
    EXCEPTED_ONES,
    EXCLUDE,
    EXCLUDE_PREPOSITIONS,
    FILE_FORMATS,
    FILTER_HINTS,
    FROM_WORDS,
    GENERIC_PARTS,
    INCREMENTAL,
    LEAVE_OUT_VERBS,
    LIST_JOINERS,
    MASK,
    MODIFIER_LINKS,
    NAMING_VERBS_RU,
    NEW_NOUN,
    NOT_A_NAME,
    OFF_TOPIC,
    ONLY_CUES,
    ORIGIN_COLUMN_WORDS,
    ORIGIN_PREPS_RU,
    PII_COLUMN_PARTS,
    PII_WORDS,
    PIPELINE_VERBS,
    POSSESSIVE,
    PRODUCT_LIKE,
    QUANTIFIERS,
    REGION_PHRASE,
    REMOVE_WORD,
    REST_COLUMNS_UNWANTED,
    RESTATEMENT,
    ROWS_OBJECT,
    ROWS_WITHOUT,
    ROWS_WITHOUT_DATE,
    S3_PATH,
    SHEET,
    SOURCE_PLACES,
    SPAN_NOUN_RU,
    STATUS_IS,
    STOP_STEMS,
    STOP_WORDS,
    SYSTEM_NAME,
    SYSTEM_NAME_AFTER,
    SYSTEM_NOUNS,
    TARGET_PLACES,
    TARGET_TABLE,
    TO_WORDS,
    UNSUPPORTED_TARGET,
    UNWANTED_AFTER_RU,
    UNWANTED_ONES,
    UPDATE_COLUMNS,
    VAGUE_DATA_WORDS,
    VALUE_COLUMN_WORDS,
    VALUE_ONLY_WORDS,
    ZONE_VALUE_WORDS,
    continues_column_list,
)
from airflow_ai_etl.planning.related_values import related_value_question
from airflow_ai_etl.planning.reload import reload_verb_with_keys
from airflow_ai_etl.planning.request import (
    ConnRef,
    Found,
    Request,
    is_temporal,
    marks_new_rows,
    status_spellings,
    status_word,
)
from airflow_ai_etl.planning.schedule import (
    ScheduleMatch,
    alternative_frequencies,
    alternative_times,
    ambiguous_timezone,
    daily_and_weekday,
    detect_language,
    parse_schedule,
    rate_limit,
    two_schedules,
)
from airflow_ai_etl.planning.spelling import Correction, Speller
from airflow_ai_etl.planning.state_column import state_column
from airflow_ai_etl.planning.state_items import says_rows
from airflow_ai_etl.planning.triggers import (
    RELATIVE,
    START_VERBS,
    _imperative,
    bare_file_target,
    files_from_system,
    folder_path,
    folder_raw_table,
    plan_triggered,
    read_trigger,
    without_paths,
)
from airflow_ai_etl.planning.verb_objects import says_code_with_verb
from airflow_ai_etl.planning.vocabulary import (
    BUILTIN_GLOSSARY,
    DB_PRODUCT,
    ENGINE_WORDS,
    ROW_PRONOUNS_EN,
    UNSUPPORTED_ENGINES,
    VALUE_MEANINGS,
    Vocabulary,
    colloquial_engine,
    comment_jargon,
    engine_in_any_form,
    name_parts,
    one_word_terms,
    stem,
    user_glossary,
    words,
)
from airflow_ai_etl.spec import PipelineSpec

# fmt: off
# Words between a column and the «не нужен» / "not needed" that leaves it out.
_CLAUSE_CONJUNCTIONS = {"а", "и", "но", "да", "and", "but"}
# Words after which "only" modifies a verb ("that only runs on demand", "it should only copy"): no value.
_ONLY_BEFORE_VERB = frozenset(
    {"that", "which", "it", "to", "will", "should", "must", "can", "would", "we", "i"}
)
_EXCLUSION_FILLERS = {"нам", "мне", "тут", "здесь", "вообще", "совсем", "уже", "us", "here", "really"}
# The residue rule for rows (issue 15): a preposition whose phrase can say which rows, with the cases of
# its noun in that sense («на удалёнке», «в статусе», «с пометкой», «у терапевта», «без договора»,
# «вне сети», «внутри сети», "outside the network": a place the rows are in or out of).
ROW_PREPS_RU = {
    "на": ("loct",), "в": ("loct",), "во": ("loct",), "с": ("ablt",), "со": ("ablt",), "у": ("gent",),
    "без": ("gent",), "вне": ("gent",), "внутри": ("gent",),
}
ROW_PREPS_EN = {
    "on", "under", "with", "without", "outside", "inside",
}
# "outside the home network", "inside their zone": a place preposition reads its noun past an article.
EN_ARTICLES = {"the", "a", "an", "its", "their", "our", "my", "your"}
# Nouns of such phrases that name no row condition: places, formats, times, modes, the request itself.
NOT_A_ROW_NOUN = {
    "таблица", "база", "бд", "хранилище", "схема", "витрина", "файл", "лист", "папка", "бакет", "формат",
    "вид", "режим", "время", "день", "утро", "вечер", "ночь", "неделя", "месяц", "год", "час", "минута",
    "сутки", "конец", "начало", "середина", "раз", "случай", "итог", "ключ", "поле", "колонка", "столбец",
    "сервер", "прод", "продакшн", "проде", "кластер", "облако", "зона", "пояс", "помощь", "нуль", "ноль",
    "сдвиг", "течение", "момент", "период", "интервал", "расписание", "том", "этот", "источник",
    "приёмник", "приемник", "цель", "система", "сторона", "место", "каталог", "директория", "выходной",
    "будни", "будень", "праздник", "запуск", "первый", "последний", "сохранение", "перезапись", "замена",
    "заменой", "ошибка", "повтор", "уведомление", "проверка", "тест", "слияние", "обновление", "полночь",
    "полдень", "выгрузка", "загрузка", "дубль", "дубликат", "маска", "маскировка", "хеш", "хэш",
    "шифрование", "порядок", "сортировка", "группировка", "разбивка", "разрез", "связь", "условие",
    "фильтр", "ограничение", "лимит", "пакет", "партия", "батч", "маскирование", "хеширование",
    "хэширование", "скрытие", "обезличивание", "дедупликация", "удаление", "очистка", "данные", "юникод",
    "кириллица", "латиница", "кодировка", "заголовок", "разделитель",
}
# «вне»/«внутри», "outside"/"inside" never say when or how to load: even a time noun after them is a
# condition («вне рабочего времени», "outside business hours"), but for these idioms.
ROW_PREPS_PLACE = {"вне", "внутри", "outside", "inside"}
NOT_A_PLACE_NOUN = {"зависимость"}  # «вне зависимости от статуса»: regardless, no rows
NOT_A_ROW_NOUN_EN = {
    "s3", "schedule", "weekdays", "weekends", "hour", "minute", "day", "week", "month", "error", "errors",
    "failure", "retry", "retries", "key", "keys", "column", "columns", "id", "ids", "mask", "masking",
    "dedupe", "dedup", "dedupes", "duplicates", "change", "changes", "cdc", "sunday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sundays", "mondays", "tuesdays", "wednesdays",
    "thursdays", "fridays", "saturdays", "it", "them", "that", "this", "those", "these", "overwrite",
    "replace", "upsert", "merge", "append", "a", "an", "its", "their", "top", "conflict", "header",
    "headers", "utc", "timezone", "time", "zone", "prod", "production", "server", "cluster",
    "composite", "compound", "primary", "unique", "natural", "business", "surrogate",  # "with composite key"
}
# English words that lead a request before its table noun and say nothing about which rows.
EN_LEAD_WORDS = {
    "copy", "load", "sync", "move", "send", "ship", "replicate", "push", "export", "import", "transfer",
    "stream", "mirror", "dump", "put", "get", "take", "pull", "bring", "upload", "migrate", "backup",
    "archive", "extract", "ingest", "feed", "pipe", "land", "deliver", "refresh", "reload", "save", "store",
    "keep", "our", "my", "your", "whole", "entire", "full", "raw", "current", "latest", "recent",
    "existing", "some", "these", "those", "this", "that", "any", "shop", "clinic", "hr", "store's",
    "changed", "updated", "modified", "new", "fresh", "incremental", "added", "inserted", "appended",
}
# Adjectives before the table noun that say nothing about which rows.
NOT_A_STATE = {
    "весь", "каждый", "наш", "свой", "этот", "тот", "такой", "сам", "который", "новый", "последний",
    "вчерашний", "сегодняшний", "текущий", "полный", "целый", "любой", "другой", "остальной", "нужный",
    "данный", "мой", "ваш", "их", "его", "её", "следующий", "указанный", "исходный", "свежий",
    "основной", "сырой", "итоговый", "отчётный", "отчетный", "рабочий", "продовый", "тестовый", "общий",
    "платный", "персональный", "личный",
}
# fmt: on
# No-break, narrow no-break, thin and figure spaces («10\u00a0000» pasted from a document) are plain spaces.
TYPOGRAPHIC_SPACES = str.maketrans(
    dict.fromkeys("\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a", " ")
)
# "off-net", "cross-border", "out-of-network": English words joined by hyphens before a table's noun.
HYPHENATED_QUALIFIER = re.compile(r"[a-z]{1,12}(?:-[a-z]{1,12}){1,3}")
EN_STATE_FORM = re.compile(
    r"(?:in|un|non|over)[a-z]{3,}|[a-z]{3,}(?:ive|ed|ing|ent|ant|ful|less|ous|able|ible)"
    r"|female|male|senior|junior|foreign|local|minor|adult|free|busy|vacant|absent"  # value adjectives
)

# a plain English word (no digits, no apostrophe) that may qualify the table noun when no WHERE was read
EN_PLAIN_WORD = re.compile(r"[a-z]{4,}")

_WORD_AT = re.compile(r"(\w+)")
# "partners drop (new) csv files into /mnt/in/": dropping files somewhere puts them there
DROP_INTO = re.compile(
    r"drop(?:s|ped|ping)?\s+(?:(?:the|their|our|new|daily|csv|parquet|jsonl?|excel|export)\s+)*"
    r"(?:files?|csvs?|exports?|dumps?|them|it)\s+(?:in|into|onto|to)\b",
    re.IGNORECASE,
)
# "truncate and reload", "wipe & reload", «транкейт и перезаливка»: how the target is written (replace mode)
TRUNCATE_AND_RELOAD = re.compile(
    r"(?:truncate|wipe|транкейт\w*|транкет\w*)\s*(?:and|&|\+|/|-|и)\s*(?:re-?load|refill|re-?insert|перезал\w*"
    r"|перезагр\w*|залить|заливать|загрузить|загружать)",
    re.IGNORECASE,
)
# An adjective that says the table named after it is where the rows go: «целевая таблица x», "output table x".
TARGET_ADJECTIVE = re.compile(
    r"(?:целев|итогов|результирующ|конечн|destination|output|target)\w*$", re.IGNORECASE
)
# A clause mark stronger than a comma: a semicolon or a dash between words; with a colon or full stop, a
# clause break a list of columns does not run over.
DASH = re.compile(r"\s*[—–]\s*|\s-\s")
STRONG_CLAUSE_MARK = re.compile(r";|" + DASH.pattern)
CLAUSE_BREAK = re.compile(r"[;.:]|" + DASH.pattern)
# One run of spaces is scanned once (the lookbehind): 16 KB of spaces stay linear.
ARROW = re.compile(r"(?<!\s)\s*+(?:[-—–]{1,3}>|=>|→|⟶|⇒)\s*+")
# "charges w/ status overdue", "w/o the email column": the written shorthands of "with" and "without" (a
# word of their own, never a part of a path such as s3://bucket/w/x)
WITH_SHORTHAND = re.compile(r"(?<![\w/.:\\-])w/(o\b)?(?=\s)", re.IGNORECASE)
WEAK_TO_WORDS = {"in"}  # a place more often than a direction
CDC_WORDS = {"cdc"}
KEY_PREPS = {"по", "by", "on", "using"}  # «слияние по id», "merge by id"
KEY_FILLER = {
    "ключу",
    "ключам",
    "ключ",
    "key",
    "keys",
    "полю",
    "полям",
    "колонке",
    "колонкам",
    "the",
    "a",
    "an",
}  # "using CDC" names the method, never a connection
# Nouns that make a neighbouring description word name a connection ("the wallet database").
DATABASE_WORDS = {
    "database", "db", "service", "system", "base", "база", "базы", "базе", "базу", "бд", "сервис", "сервиса",
    "система", "системы",
}  # fmt: skip


def _role_and_complement(role: Token, complement: Token) -> bool:
    """'Заведующий аптекой', 'Руководитель отдела': a person's role in the nominative (a noun or a noun-like
    participle) and the noun in an oblique case it governs."""
    head = role.parses[0] if role.parses else None
    tail = complement.parses[0] if complement.parses else None
    return (
        head is not None
        and tail is not None
        and head.pos in ("NOUN", "PRTF")
        and head.case == "nomn"
        and tail.pos == "NOUN"
        and tail.case in ("ablt", "gent")
    )


def _after_key_cue(request: Request, listed: grammar.Slot) -> bool:
    """The column list starts inside an upsert key cue («апсерт по», "merge on"): it lists the keys."""
    return any(cue.start <= listed.start < cue.end for cue in grammar.key_cues(tokenize(request.text)))


def _mentions_schedule(text: str) -> bool:
    """Any word about time or frequency (a number, «каждый», "every", «ежедневно», a weekday, a part of
    day): then a schedule the parser could not read is asked about, never defaulted. An amount compared
    ("over 2,000", «где сумма больше 100 000») is a row condition's number, no time (planner168: a CDC
    stream with one was asked how often); one with a time word after it ("over 2 hours") still counts. So is a
    count of a noun ("with 3 or more attempts", planner164)."""
    tokens = tokenize(text)
    compared = _compared_amounts(tokens)
    for index, token in enumerate(tokens):
        is_number = token.number is not None or token.lang == "num"
        if is_number and index not in compared and not _compared_count(tokens, index):
            return True
        if _is_schedule_word(token) and index not in compared:
            return True
    return False


def _is_schedule_word(token: Token) -> bool:
    """A word that says a time or a frequency («ежедневно», "hours", «среду», "morning")."""
    if token.lower in _SCHEDULE_WORDS or token.lemma in _SCHEDULE_WORDS:
        return True
    return any(is_(token, c) for c in ("FREQ_HOUR", "FREQ_DAY", "FREQ_WEEK", "FREQ_MONTH", "FREQ_NIGHT",
                                       "FREQ_YEAR", "FREQ_MINUTE", "PART_OF_DAY", "WEEKDAY"))  # fmt: skip


def _compared_count(tokens: list[Token], i: int) -> bool:
    """ "with 3 or more attempts", "more than 150 seats", «больше 3 попыток»: a number compared and followed
    by the noun it counts, which is no time word, bounds rows and says nothing of when to run (planner164:
    "…, with 3 or more attempts, via CDC" asked how often instead of the change stream's every minute)."""
    before = tokens[i - 1].lower if i else ""
    j = i + 1
    while j < len(tokens) and (tokens[j].number is not None or tokens[j].lang == "num"):
        j += 1  # "50 000"
    bound_after = j + 1 < len(tokens) and (tokens[j].lower, tokens[j + 1].lower) in _BOUND_AFTER
    if bound_after:
        j += 2
    if before not in _COMPARED_BEFORE and not bound_after:
        return False
    return j < len(tokens) and tokens[j].lang in ("en", "ru") and not _is_schedule_word(tokens[j])


# a word right before a compared number, and the two words right after one that bound it
_COMPARED_BEFORE = frozenset({
    "than", "over", "under", "above", "below", "least", "most", "больше", "меньше", "более", "менее",
    "свыше", "выше", "ниже",
})  # fmt: skip
_BOUND_AFTER = frozenset({
    ("or", "more"), ("or", "fewer"), ("or", "less"), ("and", "more"), ("and", "above"), ("or", "above"),
    ("и", "более"), ("и", "больше"), ("или", "больше"), ("или", "более"), ("и", "менее"), ("и", "меньше"),
})  # fmt: skip


# the last word of a comparison before an amount ("more than", "at least", «не меньше», «дороже»); «от»/«до»
# and "from" are left out: «от 10 утра» is a clock time
_AMOUNT_COMPARISON_ENDS = frozenset(
    {phrase.split()[-1] for phrase in COUNTED_OPERATORS if phrase not in ("от", "до")}
    | {"дороже", "дешевле", "выше", "ниже", "exceeding"}
)


# a comparison of lengths of time («дольше 30 дней», "longer than 14 days"): its time word is the unit of a
# duration column's value, never a frequency (planner172: «Назначения дольше 30 дней — через CDC» was asked
# how often instead of the change stream's every minute)
_DURATION_COMPARISONS = frozenset({"дольше", "короче", "longer", "shorter"})
# «от»/«до» before an amount: an hour of the clock is never written in digit groups nor over 24, so such an
# amount after them bounds rows («на сумму от 1 500», planner172); «от 10 утра», «до 18» stay time words
_RANGE_ENDS = frozenset({"от", "до"})


def _compared_amounts(tokens: list[Token]) -> set[int]:
    """The indexes of the number tokens of an amount after a comparison word ("over 2,000", «больше 100 000»:
    its digit groups too), when no time word follows the amount; after «от»/«до» only an amount no clock hour
    can be («на сумму от 1 500»); a length of time compared («дольше 30 дней») with its unit word."""
    found: set[int] = set()
    index = 0
    while index < len(tokens):
        word = tokens[index].lower
        if word not in _AMOUNT_COMPARISON_ENDS | _RANGE_ENDS | _DURATION_COMPARISONS:
            index += 1
            continue
        group = _digit_group(tokens, index + 1)
        after = group[-1] + 1 if group else index + 1
        timed = after < len(tokens) and _is_schedule_word(tokens[after])
        if group and (word not in _RANGE_ENDS or _no_clock_hour(tokens, group)) and not timed:
            found.update(group)
        elif group and timed and _duration_compared(tokens, index):
            found.update([*group, after])  # «дольше 30 дней»: the unit word too is the value's, no time
        index = after
    return found


def _no_clock_hour(tokens: list[Token], group: list[int]) -> bool:
    """An amount no hour of the clock can be: written in digit groups, or over 24 («от 1500», «до 300»)."""
    return len(group) > 1 or (tokens[group[0]].number or 0) > 24


def _duration_compared(tokens: list[Token], index: int) -> bool:
    """The comparison ending at `index` compares lengths of time («дольше», "longer than")."""
    if tokens[index].lower in _DURATION_COMPARISONS:
        return True
    return index > 0 and tokens[index].lower == "than" and tokens[index - 1].lower in _DURATION_COMPARISONS


def _digit_group(tokens: list[Token], start: int) -> list[int]:
    """The indexes of one written amount from `start`: "2,000", «100 000» (three-digit groups after it)."""
    if start >= len(tokens) or tokens[start].lang != "num":
        return []
    group = [start]
    index = start + 1
    while index < len(tokens):
        step = 2 if tokens[index].text == "," and index + 1 < len(tokens) else 1
        follower = tokens[index + step - 1]
        if follower.lang != "num" or len(follower.text) != 3 or follower.start - tokens[index - 1].end > 1:
            break
        group.extend(range(index, index + step))
        index += step
    return group


_SCHEDULE_WORDS = {
    "every", "each", "daily", "hourly", "weekly", "monthly", "nightly", "minute", "hour", "noon", "midnight",
    "каждый", "раз", "минута", "час", "полночь", "полдень", "вручную", "manually", "cron", "schedule",
    "расписание", "morning", "evening", "night", "week", "day", "день", "неделя", "сутки",
}  # fmt: skip


PARTICIPLES = ("PRTF", "PRTS")


_COLON = re.compile(r":\s*")


def _participle_only(word: str) -> bool:
    """A Russian word every reading of which is a full participle («оплаченных», «сторнированные»): it names
    rows in a state, never a column (columns are nouns)."""
    parses = analyse(word.lower()) if CYRILLIC.search(word) else ()
    return bool(parses) and all(p.pos == "PRTF" for p in parses)


def _opens_changed_rows(request: Request, index: int) -> bool:
    """Word `index` opens a clause about changed rows after a comma ("upsert by id, changed rows by
    updated_at", «мерж по id, обновлённые строки»): a list of keys or columns ended before it."""
    if not 0 < index < len(request.tokens):
        return False
    gap = request.text[request.spans[index - 1][1] : request.spans[index][0]]
    return "," in gap and says_changed(tokenize(request.text[slice(*request.spans[index])])[0])


def _before_changed_rows(names: list[str]) -> list[str]:
    """The names of a comma list up to a word saying rows changed ("id, changed" of "by id, changed rows"):
    that word opens the incremental clause, it names no column."""
    return list(itertools.takewhile(lambda name: not says_changed(tokenize(name)[0]), names))


@functools.lru_cache(maxsize=1024)  # rules ask it about the same text and concept several times per request
def _lexicon_cue(text: str, concept: str, pos: tuple[str | None, ...] | None = None) -> re.Match[str] | None:
    """The first word of `text` whose lemma carries `concept` («дозагружать»), as a match; with `pos`,
    only a Russian reading of those parts of speech counts («изменившиеся»: a participle of измениться)."""
    for token in tokenize(text):
        if token.lang != "punct" and is_(token, concept, pos=pos):
            return _WORD_AT.match(text, token.start)
    return None


def _changed_clause_cue(text: str) -> re.Match[str] | None:
    """«кандидатов, которые изменились»: the changed-rows cue said as a relative clause (planner167)."""
    verb = changed_clause(tokenize(text))
    return _WORD_AT.match(text, verb.start) if verb else None


# A value-shaped phrase: a quoted literal, a date, or a number after a comparison word.
# a single quote inside a word ("haven't", "technician's") opens or closes no quoted value (planner153: the
# words between two such apostrophes were asked as a value)
CONDITION_SHAPES = re.compile(
    r"(?<![^\W\d_])'(?P<q1>[^'\n]{1,200})'(?![^\W\d_])|«(?P<q2>[^»\n]{1,200})»|\"(?P<q3>[^\"\n]{1,200})\""
    r"|(?<![\d.-])(?P<date>\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|jan[a-z]*|feb[a-z]*|mar[a-z]*|apr[a-z]*|may|jun[a-z]*|jul[a-z]*|aug[a-z]*|sep[a-z]*|oct[a-z]*|nov[a-z]*"
    r"|dec[a-z]*)\s+\d{4})(?![\d.-])"
    r"|(?<![\d.-])(?P<date2>(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября"
    r"|декабря|january|february|march|april|june|july|august|september|october|november|december)\s+\d{4})"
    r"|(?<![a-zа-яё])(?P<cmp>more than|less than|greater than|larger than|bigger than|smaller than|at least|"
    r"at most|over|above|under|below|"
    r"exceeding|exceeds|превышает|сверх|"
    r"longer than|shorter than|heavier than|lighter than|больше|более|свыше|меньше|менее|дороже|дешевле|"
    r"дольше|длиннее|короче|тяжелее|легче|не менее|не более)\s++[$€£₽]?(?P<num>\d++(?:[.,]\d+)?+)"
    r"|(?<![a-zа-яё])(?:от|до|from)\s++[$€£₽]?(?P<num2>\d{3,}(?:[.,]\d+)?+)(?![\d:.-])"  # «от 10000»
    r"|(?<![\d.-])(?P<year>(?:19|20)\d{2})\s*+(?:год\w*|г\.)"  # «созданные в 2024 году»
    # "calls of 5 minutes or more", «5 минут и дольше», "5 or more": a number with "or more" after it
    r"|(?<![\w.,])(?P<num3>\d++(?:[.,]\d+)?+)(?:\s*+[a-zа-яё]{1,20}+)?\s++(?:or|and|и|или)\s++(?:more|longer|over|"
    r"above|greater|higher|up|less|shorter|fewer|under|below|lower|больше|более|дольше|длиннее|выше|меньше|менее|"
    r"короче|ниже)(?![a-zа-яё])",
    re.IGNORECASE,
)


def _condition_inside(request: Request, start: int, end: int) -> bool:
    """A row condition a filter rule read starts between `start` and `end` (its words are read)."""
    return any(start <= position < end for position in request.read_at)


def _carries_its_concept(text: str, start: int) -> bool:
    """A comparative that names what it compares starts at `start` («дороже 2000»: a price), so the phrase
    before it is not the name of its column."""
    return any(pattern.match(text, start) for pattern, _, _ in COMPARATIVES)


def _clause_break(text: str, start: int, end: int) -> bool:
    """A comma, semicolon or full stop between two positions ends the clause."""
    return any(ch in ",;." for ch in text[start:end])


def _covered(value: str, where: str) -> bool:
    """The WHERE holds the value as written (a date in either form, a number with , or .)."""
    value = value.strip()
    if re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", value):
        day, month, year = value.split(".")
        value = f"{year}-{month}-{day}"
    return (
        value.replace(",", ".").lower() in where.lower()
        or value.lower().replace("'", "''") in where.lower()
        or bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+", value) and value.replace(",", "") in where)  # "1,000"
    )


# Parts of a table name that say how it is kept, not what it holds: kpi_daily, fact_sales, raw_orders.
CYRILLIC_WORD = re.compile(r"[а-яё]{3,}")
# Column names that say what kind of value, not whose: "the tax id" is no `id` of customers.
GENERIC_COLUMN_PARTS = {"id", "number", "name", "code", "no", "num"}
TABLE_AFFIXES = {
    stem(w)
    for w in ("daily", "hourly", "weekly", "monthly", "dim", "fact", "raw", "stg", "staging", "tmp", "hist",
              "history", "snapshot", "v", "vw", "tbl", "t", "agg", "mart", "dm",
              "data")  # "data" is a stop word: "data sessions" says only "sessions"
}  # fmt: skip


# A list of column words after «только» / "only" / "just": its items, and where it ends (a dash, a clause
# word, a direction: «— в клик», "to clickhouse").
NOUN_LIST_CUE = re.compile(
    r"(?<!\w)(?:только|лишь|only|just)\s+(?:(?:поля|колонки|столбцы|columns|fields)\s+)?", re.I
)
NOUN_LIST_END = re.compile(
    r"\s+[—–-]\s|[;:.!?()]|\s(?:в|во|на|из|to|into|from|in|every|each|daily|ежедневно|каждый|каждые|каждую|"
    r"раз|по|at|on)\s|,\s*(?:в|во|to|into|и\s+в|and\s+to)\s",
    re.I,
)
NOUN_LIST_SPLIT = re.compile(r"\s*,\s*(?:и\s+|and\s+)?|\s+(?:и|and|&)\s+", re.I)


# "without deleting anything", «без перезаписи»: the old rows stay; which mode then is asked about.
KEEP_OLD_ROWS = re.compile(
    r"\b(?:without|no|never)\s+(?:deleting|removing|wiping|overwriting|truncating|erasing)\b(?!\s+duplicates)"
    r"|\bбез\s+перезапис\w*|\bне\s+перезаписыва\w*",
    re.IGNORECASE,
)


def _uneven_interval(text: str) -> tuple[int, str] | None:
    """ "every 45 minutes", «каждые 5 часов»: an interval that does not divide the hour (the day), so no
    single cron runs it: */45 fires at :00 and :45 (45 then 15 minutes apart)."""
    for slot in grammar.intervals(tokenize(text)):
        n, unit = slot.value
        if unit == "minute" and n > 1 and 60 % n and not (n >= 60 and n % 60 == 0 and 24 % (n // 60) == 0):
            return n, unit
        if unit == "hour" and n > 1 and 24 % n:
            return n, unit
    return None


def _ask_uneven_interval(language: str, n: int, unit: str) -> str:
    """The question for an interval no single cron runs, with what the nearest cron would really do."""
    if unit == "minute" and n < 60:
        runs = ", ".join(f":{m:02d}" for m in range(0, 60, n))
        return say(language, "planner.uneven_minutes", n=n, runs=runs)
    if unit == "hour":
        runs = ", ".join(f"{h:02d}:00" for h in range(0, 24, n))
        return say(language, "planner.uneven_hours", n=n, runs=runs)
    return say(language, "planner.uneven_interval", n=n, unit=unit)


def _side_by_side_lists(table: Table, text: str) -> tuple[list[str], list[str]] | None:
    """«телефоны отправителя и получателя», "home and work phones": two lists of words side by side (each
    joined by и/and/,; one of them may be a single word), three to eight words in all, none a column's
    name; None when the words are not such."""
    seq = [t for t in re.findall(r"[\wё-]+|,", text.lower()) if t not in STOP_WORDS or t in LIST_JOINERS]
    seq = ["," if t in LIST_JOINERS or t == "," else t for t in seq]
    if not 3 <= len([t for t in seq if t != ","]) <= 8 or "," not in seq or any(table.column(t) for t in seq):
        return None
    bounds = [k for k in range(len(seq) - 1) if "," not in (seq[k], seq[k + 1])]
    if len(bounds) != 1:
        return None
    first = [t for t in seq[: bounds[0] + 1] if t != ","]
    second = [t for t in seq[bounds[0] + 1 :] if t != ","]
    return (first, second) if len(first) + len(second) >= 3 else None


def _is_plural_noun(word: str) -> bool:
    """ "phones", «телефоны», «адреса»: a plural noun (English: an -s its stem drops; "address" is none)."""
    token = tokenize(word)[0]
    if token.lang == "ru":
        return any(p.pos == "NOUN" and p.number == "plur" for p in token.parses)
    return token.lang == "en" and word.endswith("s") and token.lemma != word


def _may_qualify(word: str) -> bool:
    """A word that can qualify a noun: a Russian noun (genitive: «отправителя»), adjective or participle
    («домашний»); any English word ("home", "sender")."""
    token = tokenize(word)[0]
    return token.lang != "ru" or any(p.pos in ("NOUN", "ADJF", "PRTF") for p in token.parses)


# «клубы с бассейном», «машины без сигнализации», "restaurants with delivery": the noun after one says what
# the rows have, a state of the noun before it
WITH_WORDS = frozenset({"с", "со", "без", "with", "without"})


def _only_an_instruction_verb(word: str) -> bool:
    """«залей данные»: a verb said to the assistant names no table ('Заказы (…, зал)' by its stem); a word
    that may be a noun too («расчётку», a guessed verb «расчеткать») still may."""
    return is_instruction_verb(word) and all(parse.pos == "VERB" for parse in analyse(word))


# Prepositions between a state word and its object: «готовятся на кухне», «недоступные для заказа».
# «готовые к выдаче» (planner128: 'ready' of holds, not loans 'Выдачи книг')
STATE_PHRASE_PREPOSITIONS = frozenset({"на", "в", "во", "для", "по", "из", "к", "for", "in", "on"})


def _after_with(request: Request, index: int) -> bool:
    """Word `index` comes right after «с»/«без»/"with"/"without"."""
    return index > 0 and request.tokens[index - 1] in WITH_WORDS


def _mask_cue(request: Request) -> re.Match[str] | None:
    """The first masking word: "mask", «захешировать», and by lemma «спрятать», «зашифровать»...; a negated
    verb of showing («не показывать», "not shown") whose clause names rows, not a column, is no mask: rows
    not shown are rows not loaded («возвращённые не показывать»; the negation rules read it)."""
    cues = (m for m in MASK.finditer(request.lower) if not _rows_not_shown(request, m))
    return (
        next(cues, None)
        or _lexicon_cue(request.text, "MASK", pos=grammar.MASK_POS)
        or _lexicon_cue(request.text, "WIPE", pos=grammar.WIPE_POS)  # «номер карты затереть»
    )


_NOT_SHOWN = re.compile(r"не\s|not\b|don|do\s|never", re.IGNORECASE)
_ROW_WORDS = ROW_PRONOUNS_EN | {"rows", "records", "those", "строки", "записи", "те", "такие"}


_TOPIC_SKIP = frozenset(
    {"the", "a", "all", "our", "my", "this", "that", "все", "всё", "это", "наше", "мое", "моё"}
)


def _topic_before_vague_noun(request: Request) -> set[int]:
    """Words of a topic phrase before "stuff"/"things"/«барахло»: two words ("the movie theater stuff",
    "the vet clinic things") or one Russian adjective («библиотечное барахло»). A topic is several tables,
    never the one that shares a word, so these words name no table and the planner asks which (planner109);
    one noun ("the orders stuff") still names its table."""
    said: set[int] = set()
    for k, token in enumerate(request.tokens):
        if k == 0 or token not in VAGUE_DATA_WORDS:
            continue
        run = [
            j
            for j in range(k - 1, max(-1, k - 3), -1)
            if request.tokens[j].isalpha()
            and request.tokens[j] not in _TOPIC_SKIP
            and not PIPELINE_VERBS.fullmatch(request.tokens[j])  # "Load hotel stuff": one word, the verb's
        ]
        run = run[: next((n for n, j in enumerate(run) if j != k - 1 - n), len(run))]  # right before it
        if len(run) == 2:
            said.update(run)
        elif run:
            parses = analyse(request.raw[run[0]])
            if parses and parses[0].pos == "ADJF":
                said.add(run[0])
    return said


def _test_as_noun(request: Request, i: int) -> bool:
    """ "run it as a test", "a test run": the English noun "test", no state of rows; «тестовые», "test ones",
    "without test bookings" are a state of rows (asked when nothing reads it: planner109)."""
    if request.tokens[i] != "test":
        return False
    after = request.tokens[i + 1] if i + 1 < len(request.tokens) else ""
    before = request.tokens[i - 1] if i else ""
    return after not in _ROW_WORDS and before not in ("without", "no", "except", "excluding", "skip")


def _rows_not_shown(request: Request, cue: re.Match[str]) -> bool:
    """`cue` is a negated verb of showing in a clause naming rows: a state word («возвращённые», "refunded"),
    "ones"/"rows", or a Russian adjective or participle standing alone («тестовые не показывать») (wc108)."""
    if not _NOT_SHOWN.match(cue.group(0)):
        return False
    lower = request.lower
    start = max(lower.rfind(p, 0, cue.start()) for p in ",;.") + 1
    ends = [i for i in (lower.find(p, cue.end()) for p in ",;.") if i >= 0]
    said = [
        t for t in tokenize(request.text[start : min(ends, default=len(lower))]) if t.lang in ("ru", "en")
    ]
    for k, token in enumerate(said):
        if token.lower in _ROW_WORDS or status_word(token.lower)[0] is not None:
            return True
        best = token.parses[0] if token.lang == "ru" and token.parses else None
        following = said[k + 1].parses[:1] if k + 1 < len(said) and said[k + 1].lang == "ru" else []
        if best is not None and best.pos in ("ADJF", "PRTF") and best.number == "plur":
            if not any(p.pos == "NOUN" for p in following):
                return True
    return False


# A file location with glob characters and nothing else (no spaces, quotes, semicolons, parentheses).
_GLOB_PATH = re.compile(
    r"(?<![\w/])(?:(?:s3a?|gs|file)://|/|\./)[\w.\-]+/[\w.\-/*?{},=\[\]]*[*?][\w.\-/*?{},=\[\]]*"
)


# Comparisons and start dates: with no WHERE read, one of them is a condition no rule understood (planner8).
_MONTHS_RU = r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
UNREAD_CONDITION_CUES = re.compile(
    r"\b(?:больше|меньше|выше|ниже|дольше|короче|дороже|дешевле|свыше|более\s+чем|менее\s+чем|"
    r"more\s+than|less\s+than|fewer\s+than|longer\s+than|shorter\s+than|above|below|at\s+least|at\s+most|"
    r"heavier|lighter|worth|whose|с\s+начала\s+\w+|since\s+(?!(?:the\s+)?(?:last|previous)\b)\w+(?:\s+\w+)?|"
    r"в\s+этом\s+(?:году|месяце|квартале)|за\s+этот\s+\w+|this\s+(?:year|month|quarter)|"
    rf"с\s+(?:\d{{1,2}}|\w+ого)\s+{_MONTHS_RU})(?!\w)"
)
# «Короче, …», «… короче убытки со статусом paid»: "in short", a filler opening what the speaker says, not
# the comparative («короче 30 секунд», «короче чем», «короче получаса», «короче минуты»): followed by a
# punctuation mark, or opening the text or a clause before no number, «чем» or unit of length or time
_KOROTCHE_FILLER_AFTER = re.compile(r"\s*[,:!\u2014\u2013-]")
_KOROTCHE_UNITS = r"(?:секунд|сек|минут|мин|час|сут|дн|день|недел|месяц|км|метр|километр|сантиметр|см)"
_KOROTCHE_COMPARED = re.compile(
    rf"\s+(?:\d|чем\b|пол(?:\s|у)?{_KOROTCHE_UNITS}|{_KOROTCHE_UNITS}|[а-яё]+\s+{_KOROTCHE_UNITS})"
)


def _discourse_korotche(lower: str, start: int, end: int) -> bool:
    """Whether the «короче» at lower[start:end] is the filler "in short", not a comparison."""
    if lower[start:end] != "короче":
        return False
    if _KOROTCHE_FILLER_AFTER.match(lower, end):
        return True
    opens = lower[:start].rstrip() == "" or lower[:start].rstrip()[-1] in ".!?…,;:"
    return opens and not _KOROTCHE_COMPARED.match(lower, end)


WINDOW_START_CUE = re.compile(r"с\s+начала|since|в\s+этом|за\s+этот|this\s|с\s+\S+\s+\w+я$")
# A bracket right after a status value glossing it («статусом 1 (новая)»): part of the value (planner131).
_VALUE_GLOSS = re.compile(r"\s*\([^()]{1,40}\)")
# A status phrase with its value (quoted or not) or any quoted words: never a new-rows cue (planner8).
_LISTED_ON = re.compile(r"\s*(?:,|\b(?:and|or|и|или)\b)\s*([a-z][a-z0-9_-]*)(?![\w-])")
QUOTED_OR_STATUS = re.compile(
    rf"{STATUS_IS.pattern}|\b(?:статус\w*|status)\s+[\"«“']?[\w-]+"
    r"|\"[^\"]{1,40}\"|«[^»]{1,40}»|“[^”]{1,40}”",
    re.IGNORECASE,
)

# A clause before a mask list that is no item of it: new rows or keys by a column, a dedupe, a schedule.
_OTHER_CLAUSE = re.compile(
    rf"{NEW_NOUN.pattern}|{INCREMENTAL.pattern}|\b(?:by|по|since|after|с|от|every|каждые|каждый|where|где)\b",
    re.IGNORECASE,
)

# A joiner that adds one more item to a list: «..., а также адрес», "... as well as the address".
ALSO = re.compile(r",?\s*\b(?:а\s+также|а\s+ещ[её]|as\s+well\s+as|and\s+also|plus)\b", re.IGNORECASE)
# «…замаскировать, адрес тоже», "…, the address too": one more item after the list's verb, closed by the word.
ALSO_AFTER = re.compile(r"^(?P<item>.+?)\s+(?:тоже|также|too|also|as\s+well)\s*$", re.IGNORECASE)
VALUE_LIST_JOINERS = frozenset({"и", "and", "или", "or"})
# A mask list's items: "email, phone and the bonus column".
MASK_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bи\b|\bor\b|\bили\b|&)\s*", re.IGNORECASE)
AS_W_AS = re.compile(r"\bas\s+\w+\s*$", re.IGNORECASE)  # "as soon as ...": the second "as" compares
# "flagged as suspected fraud", "marked as test": after a marking verb "as" says a state of rows, not a
# table name
MARKED_AS = re.compile(
    r"\b(?:flagged|marked|labell?ed|tagged|classified|considered|treated|listed|known|counted|recorded)\s+$",
    re.IGNORECASE,
)


# "from the / our / their MyCRM": a determiner between the direction word and a product-like name
DETERMINERS = frozenset(
    {"the", "our", "my", "their", "your", "its", "наш", "нашей", "нашего", "нашу", "нашем"}
)


# Words that open a clause after a comma («, где ...», ", which ..."): what follows is no item of a list
CLAUSE_OPENERS = frozenset({
    "где", "который", "которые", "которых", "которая", "которого", "когда", "если", "чтобы", "что", "как",
    "where", "which", "that", "who", "whose", "when", "if", "so", "but", "а", "но", "то", "then", "затем",
})  # fmt: skip
# Words before a target engine that qualify no particular connection («в нашу новую постгрю», "into a new pg")
TARGET_QUALIFIERS_OK = frozenset({
    "new", "our", "same", "target", "local", "main", "другую", "новую", "новый", "нашу", "наш", "свою", "ту",
    "эту", "целевую", "целевой", "основную", "основной", "локальную", "локальный", "отдельную", "отдельный",
    "другой", "новой", "нашей", "той", "этой", "локальной", "отдельной",
})  # fmt: skip
# Short product names that are also everyday words: an engine only right after from/to ("from elastic")
PRODUCT_AFTER_FROM = re.compile(
    r"\b(?:from|out\s+of|to|into)\s+(?:(?:the|our|my|their)\s+)?(elastic|influx|mongo|dynamo)\b"
)
PRODUCT_NAMES = {"elastic": "Elasticsearch", "influx": "InfluxDB", "mongo": "MongoDB", "dynamo": "DynamoDB"}
# Words that join two items of a list: "calls and data sessions", «показания и счётчики»
COORDINATORS = frozenset({"and", "и", "&", "plus", "плюс", "or", "или", "либо"})
# Words that join one more item after a comma or a coordinator: «, а также X», «и ещё X», "as well as X".
ALSO_WORDS = frozenset({"а", "также", "ещё", "еще", "тоже", "also", "as", "well"})
# A noun after one of these is no table to load: keys, groups, conditions («по сотруднику и дате»)
PREPOSITIONS = frozenset({
    "по", "by", "on", "per", "для", "с", "со", "with", "of", "у", "о", "об", "about", "за", "от", "at",
    "кроме", "except", "without", "без", "при", "через", "via", "where", "где", "than", "чем",
})  # fmt: skip


# "(no returns)", «(нет возвратов)»: brackets that say which rows are absent. With no WHERE read, nothing took
# them: asked in both languages, never every row loaded (planner49).
_BRACKETED_ABSENT = re.compile(r"\((?:нет|no)\s+([^()]+)\)", re.IGNORECASE)


def _english_plural(word: str) -> bool:
    """`word` may be an English plural noun: "dogs", "rolls", "children" (IRREGULAR_PLURALS_EN)."""
    return (word.endswith("s") and not word.endswith("ss")) or word in IRREGULAR_PLURALS_EN.values()


def _plural_noun(word: str) -> bool:
    """`word` is a Russian noun that may be read plural («котов», «библиотекарей», «хорьков»)."""
    token = next(iter(tokenize(word)), None)
    return (
        token is not None
        and token.lang == "ru"
        and any(p.pos == "NOUN" and p.number == "plur" for p in token.parses)
    )


# «без» as a word of its own: «котов без чипа»
_WITHOUT_RU = re.compile(r"(?<!\w)без(?!\w)")


def _schedule_adjective(word: str) -> bool:
    """`word` is a schedule's adjective («каждый» of «каждый четверг»), no state of the rows."""
    said = next(iter(tokenize(word)), None)
    return said is not None and bool(said.lemmas & _SCHEDULE_WORDS)


def _adjective(word: str) -> bool:
    """`word` is read first as a full adjective or participle («Веганские», «Острые»)."""
    token = next(iter(tokenize(word)), None)
    return token is not None and bool(token.parses) and token.parses[0].pos in ("ADJF", "PRTF")


def _relative_pronoun(word: str) -> bool:
    """`word` is a form of «который» («которых», «которые»): it opens a clause, no adjective of the rows."""
    token = next(iter(tokenize(word)), None)
    return token is not None and "который" in token.lemmas


def _lead_word(word: str) -> bool:
    """`word` comes before the object's noun: a greeting («Привет», «Здравствуйте»), a verb («выгрузи») or an
    adjective of the noun («Веганские салаты и супы»)."""
    token = next(iter(tokenize(word)), None)
    verb = token is not None and any(p.pos in ("INTJ", "VERB", "INFN") for p in token.parses[:2])
    return verb or _adjective(word)


def _means_listed_value(word: str, tables: list[Table]) -> bool:
    """A Russian word whose meaning (VALUE_MEANINGS) is a value a column of one of `tables` lists («бензином»
    -> petrol of 'Вид топлива: diesel, petrol, gas'): it says which rows, never which connection, though its
    translation ("fuel") is a word of the connection's description (planner121)."""
    if not CYRILLIC.search(word):
        return False
    meanings = value_meanings(Token(word, 0, len(word), "ru", analyse(word)))
    if not meanings:
        return False
    return any(
        stem(value.lower()) in meanings
        for table in tables
        for column in table.columns
        for value in listed_values(column.comment)
    )


# words that open a grouping: the word after one names a dimension, whatever it is ("by weather")
_GROUPING_BEFORE = re.compile(r"(?:\bby|\bper|(?<![а-яё])по|разрезе)\s+$", re.IGNORECASE)


def _chat_word(lower: str) -> bool:
    """An off-topic word (weather, joke, poem) that is not the dimension a grouping names: "Sessions by
    weather conditions at the station" asks about a column the catalog lacks, never chat (marts122: the
    request was refused, and a refusal is final)."""
    # only the few characters before each word are searched: linear in a long request
    return any(
        not _GROUPING_BEFORE.search(lower[max(0, m.start() - 16) : m.start()])
        for m in OFF_TOPIC.finditer(lower)
    )


class OfflinePlanner:
    """Turns one request into a spec using only rules and the catalog."""

    def __init__(self, catalog: Catalog, vocabulary: Vocabulary | None = None, owner: str = "ai-etl") -> None:
        # values a CHECK or an enum type declares are read as if the column's comment listed them, and so
        # are the meanings an integer column's comment gives its codes (written back as codes: planning/codes)
        listed = codes.with_codes_listed(catalog)
        self.catalog = listed.with_values_listed()
        self._coded_catalog = catalog if listed is not catalog else None  # None: no column has a code map
        self.vocabulary = vocabulary or Vocabulary(user_glossary())
        self.owner = owner
        self._descriptions: dict[tuple[str, str, str], set[str]] = {}
        self._spelling: Speller | None = None
        self._latin_known: set[str] | None = None
        self._catalog_prefixes: dict[str, set[str]] | None = None  # a stem's first five letters -> stems
        self._place_stems: set[str] | None = None
        self._phrases: dict[tuple[str, str], dict[str, Table]] = {}  # _phrase_tables
        self.filters = RowFilters(self)  # the row-filter rules, asking this planner what words name

    @property
    def _speller(self) -> Speller:
        if self._spelling is None:  # built on first use: the catalog's comments and the glossary
            glossary = [w for words in BUILTIN_GLOSSARY.values() for w in words] + sorted(SPELLING_RU)
            # "the library stuff": "stuff"/"things" are real words, never a typo of the table staff (wc108)
            # "at least 10 000": a comparison word is a real word, no typo of the table leases (planner151)
            known = NOT_A_NAME | VAGUE_DATA_WORDS | DATA_WORDS | grammar.COMPARISON_WORDS
            self._spelling = Speller.for_catalog(self.catalog, glossary, SPELLING_EN, known)
        return self._spelling

    @functools.cached_property
    def _time_column_names(self) -> frozenset[str]:
        """Names of the catalog's time columns (a window's column named beside it: planning/window_named)."""
        return window_named.time_column_names(self.catalog)

    @functools.cached_property
    def _column_names(self) -> frozenset[str]:
        """Lower-case names of every column of the catalog ("monthly fee" of monthly_fee: planning/
        frequency_columns)."""
        return frozenset(
            column.name.lower()
            for conn_id in self.catalog.connections
            for table in self.catalog.tables_of(conn_id)
            for column in table.columns
        )

    @functools.cached_property
    def _comment_words(self) -> frozenset[str]:
        """Lower-case words of the catalog's table and column comments («ток» of 'Сила тока')."""
        found: set[str] = set()
        for conn_id in self.catalog.connections:
            for table in self.catalog.tables_of(conn_id):
                comments = [table.comment or "", *(c.comment or "" for c in table.columns)]
                found.update(w for comment in comments for w in words(comment))
        return frozenset(found)

    def plan(self, text: str) -> Outcome:
        text = text.translate(TYPOGRAPHIC_SPACES)  # «10\u00a0000»: a plain space (the spec refuses the other)
        outcome = plan_with_checks(self, text.strip(), self._plan)  # check phrases: planning/checks.py
        # The rules build many questions in English (`msg`); a Russian request is asked in Russian.
        language = detect_language(text)
        if self._coded_catalog is not None:  # `status = 5`, never the meaning listed for it
            outcome = codes.codes_written(outcome, self._coded_catalog, language)
        if outcome.questions and language != "en":
            outcome.questions = [said_in(q, language) for q in outcome.questions]
        if outcome.errors and language != "en":  # and its refusals too
            outcome.errors = [
                dataclasses.replace(p, message=said_in(p.message, language)) for p in outcome.errors
            ]
        return outcome

    def _plan(self, text: str) -> Outcome:
        text = written = text.strip()
        # "orders -> reporting postgres", «заказы → кликхаус»: an arrow is a direction word
        text = ARROW.sub(" в " if CYRILLIC.search(text) else " to ", text)
        text = WITH_SHORTHAND.sub(lambda m: "without" if m.group(1) else "with", text)
        text = colloquial.spoken_particles(text, self._comment_words)  # «тока новые» = «только новые»
        text = colloquial.negated_comparatives(text)  # "no longer than 5 minutes": at most (planner142)
        text = colloquial.no_longer(text)  # «которые больше не работают»: «не работают», no comparison
        # «за последние 10 дней по work_date», "by scheduled_departure over the last 48 hours": the window's
        # time column, never an upsert key or a mart's grouping (planner142)
        text = window_named.window_column_prepositions(text, self._time_column_names)
        text = colloquial.soft_deleted(text)  # "soft-deleted ones": the deleted ones
        # «в пять, а, нет, лучше в шесть», "at 8, actually make it 9": the later value is read (planner107)
        text, retracted = retractions.retractions(text)
        text = retractions.drop_particles(text)  # "copy the loans table over to ...": the verb's "over"
        append_only = grammar.append_only(tokenize(text)) if grammar.enabled("mode") else None
        if append_only:  # «только добавление» is the mode, not a filter value: its words leave the text
            text = (
                text[: append_only.start]
                + " " * (append_only.end - append_only.start)
                + text[append_only.end :]
            )
        text = abbreviations.expand_contractions(text)  # «с кол-вом больше трёх»: «количеством»
        text = one_word_terms(text)  # "associate professor": "docent", the title a comment lists as «доцент»
        corrections: list[Correction] = []
        if grammar.enabled("typo"):  # «кажый час», "custmers": one-letter typos of words the rules know
            text, corrections = self._speller.correct(text)
        if grammar.enabled("quantity"):  # «больше пяти тысяч» -> «больше 5000»: the filters read digits
            text = grammar.apply_rewrites(text, grammar.grouped_number_rewrites(text))  # «10 000»: 10000
            text = grammar.apply_rewrites(text, grammar.half_rewrites(tokenize(text)))  # «полутора» -> 1.5
            for start, end, digits in reversed(grammar.scaled_number_rewrites(text)):  # "1.5k", «1,5 тыс.»
                text = text[:start] + digits + text[end:]  # may be longer ("20k" -> 20000): right to left
            text = grammar.apply_rewrites(text, grammar.quantity_rewrites(tokenize(text)))
            text = grammar.apply_rewrites(text, grammar.percent_rewrites(text))  # «10 процентов»: «10%»
            text = grammar.apply_rewrites(text, grammar.date_rewrites(text))  # «1 января 2026 года»
        dates = grammar.numeric_dates(text)  # "2025/01/15", «5.3.2025»: ISO; «01/02/2025» is asked below
        for start, end, iso in reversed(dates.rewrites):  # «5.3.2025» grows to ten letters: right to left
            text = text[:start] + iso + text[end:]
        unblanked = text  # a mart reads its own refresh words («пересчитывать с прошлого запуска»)
        since = since_last_run(tokenize(text)) if grammar.enabled("mode") else None
        if since:  # "newer than the last run", «с момента последней загрузки»: new rows, no filter or window
            text = text[: since.start] + " " * (since.end - since.start) + text[since.end :]
        request = Request(text, written=written)
        request.corrections = [(c.written, c.read) for c in corrections]
        for r in retracted:  # the plan says which words were read as a correction
            note = say(request.language, "planner.assumed_correction", retracted=r.retracted, marker=r.marker,
                       kept=r.kept)  # fmt: skip
            request.assumed.append(note)
        request.append_only = append_only is not None
        request.since_last_run = unblanked[since.start : since.end] if since else ""
        if not request.tokens:
            return Outcome.reject("policy", msg("request.empty"))
        refusal = self._refusal(request)
        if refusal:
            return refusal
        capped = rate_limit(written)  # «по кнопке, но не чаще раза в день»: no spec field holds a cap
        if capped is not None:  # asked, never dropped
            return Outcome.clarify(say(request.language, "planner.rate_limit", phrase=capped))
        if dates.unclear:  # «с 01/02/2025»: 1 February or January 2, never guessed
            return Outcome.clarify(say(request.language, "planner.unclear_date", date=dates.unclear[0]))
        # New files, after other loads: read from the words as written (the speller would take "loads"
        # for the table "leads"); the rest is planned again, corrected, by this method.
        # "after the previous run" said of new rows is no upstream load to wait for
        said = since_last_run(tokenize(written)) if since else None
        trigger_text = (
            written[: said.start] + " " * (said.end - said.start) + written[said.end :] if said else written
        )
        trigger = read_trigger(trigger_text, self.catalog.assets) if grammar.enabled("trigger") else None
        if trigger is not None:
            return plan_triggered(self, written, trigger)
        # «витрина выручки по регионам»: a mart; files from a folder or a bucket are a load (a mart reads a
        # table, and «/mnt/share/» names no measure)
        files = self._source_kind(request) == "s3"
        mart = None if files else plan_mart(self, _without_dedupe(Request(unblanked, written=written)))
        if mart is not None:
            return mart
        self._claim_target_name(request)
        self._claim_connection_words(request)
        self._claim_key_words(request)
        kind = self._source_kind(request)
        if excel_is_target(request.text):  # «выгрузить в x.xlsx»: not a mart, and a load has no Excel target
            return Outcome.clarify(msg("planner.excel_export_needs_mart"))
        if kind in ("s3", "excel"):
            return self._plan_file(request, kind)

        schedule = self._schedule(request)  # first: its words («по московскому времени») name no table
        source = self._source(request)
        source_conn, table = source.value or (None, None)
        target = self._target(request, source_conn)
        if schedule is None and kind == "cdc" and not _mentions_schedule(request.text):
            # A change stream is applied continuously: without a frequency it runs every minute
            # (said in the spec's description, so the reviewer sees the default).
            schedule = ScheduleMatch("* * * * *", None, "")
            request.default_schedule = True
        questions = source.questions + target.questions
        if schedule is None:
            questions.append(self._ask_schedule(request))
        else:
            questions += self._unread_schedule_words(request, schedule.cron)
        if questions or table is None or source_conn is None or target.value is None or schedule is None:
            return Outcome.clarify(*(questions or [msg("planner.which_table_and_target")]))
        return self._assemble(
            request, kind, source_conn, table, target.value, schedule.cron, schedule.timezone
        )

    # --- refusals ------------------------------------------------------------------------------

    def _refusal(self, request: Request) -> Outcome | None:
        rules = (
            self._destructive,
            self._code,
            self._unsupported_engine,
            self._unknown_system,
            self._off_topic,
        )
        for rule in rules:
            outcome = rule(request)
            if outcome:
                return outcome
        return None

    def _destructive(self, request: Request) -> Outcome | None:
        """Refuse a confirmed destructive frame (a destroy verb, by lemma, with an object); a destroy word
        with nothing it acts on is asked about, not refused."""
        if not grammar.enabled("destroy"):
            return None
        is_cdc = bool(CDC.search(request.lower))
        keywords = []
        keep = KEEP_OLD_ROWS.search(request.text)
        if keep and not APPEND_WORDS.search(request.text) and not request.append_only:
            return Outcome.clarify(say(request.language, "planner.keep_old_rows", phrase=keep.group(0)))
        for slot in grammar.destroy_frames(tokenize(without_paths(request.text))):  # s3://b/drop/: a name
            if slot.kind == "keep" and not APPEND_WORDS.search(request.text) and not request.append_only:
                phrase = request.text[max(0, request.lower.rfind(" ", 0, slot.start - 1) + 1) : slot.end]
                return Outcome.clarify(say(request.language, "planner.keep_old_rows", phrase=phrase))
            if slot.kind == "keep":
                continue
            match = _WORD_AT.match(request.lower, slot.start)
            if match is None:
                continue
            if DEDUPE_AFTER_VERB.match(request.lower[match.end() :]):
                continue
            clause_start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.") + 1
            if DEDUPE_BEFORE_VERB.match(request.lower[clause_start : match.start()]):
                continue  # «задвоения по msisdn удалить»: the duplicates are removed, not data
            if DROP_INTO.match(request.lower, match.start()):
                continue  # "partners drop csv files into /mnt/in/": they put files there
            if TRUNCATE_AND_RELOAD.match(request.lower, match.start()):
                continue  # "truncate and reload": the target's replace mode, nothing done to the source
            if is_cdc and CDC_DELETE_NOUNS.match(match.group(1)):
                continue
            if grammar.is_wipe_word(match.group(1)) and self._wipes_columns_only(request, match):
                continue  # «номер карты затереть»: the column's values are masked (read by the mask rule)
            if LEAVE_OUT_VERBS.match(match.group(1)) and (
                self._drops_columns_only(request, match)
                or self._removes_rows_only(request, match)
                or self._removes_state_rows_only(request, match)
            ):
                continue
            if not slot.confirmed:
                keywords.append(request.text[slot.start : slot.end])
                continue
            return Outcome.reject(
                "policy",
                msg("planner.destructive", words=match.group(1)),
            )
        if keywords:
            if request.language == "ru":
                return Outcome.clarify(
                    f"Что значит «{keywords[0]}»? Ассистент только читает источник и загружает цель; "
                    "удалять данные он не будет. Опишите, что загрузить, откуда, куда и когда."
                )
            return Outcome.clarify(
                f"What does {keywords[0]!r} refer to? The assistant only reads a source and loads a target; "
                "it never deletes data. Say what to load, from where, to where and when."
            )
        return None

    def _drops_columns_only(self, request: Request, match: re.Match[str]) -> bool:
        """ "Copy customers daily but drop the email column": in a load request, a drop verb whose object
        is a list of columns of some source table leaves those columns out; it destroys nothing."""
        if not self._is_load_request(request) and not self._names_a_direction(request):
            return False
        tables = [t for conn in self._readable("postgres") for t in self.catalog.tables_of(conn.conn_id)]
        for table in tables:
            columns, (_, end) = self._excluded_by(request, table, match)
            if columns:
                return not self._names_source_place(request, request.token_at(end))
        return False

    @staticmethod
    def _verb_clause(request: Request, match: re.Match[str]) -> tuple[int, int, int]:
        """The token indexes of the verb `match` starts at and of its clause's first and end words (between
        punctuation marks; a leading conjunction skipped: «..., а номер карты затереть»)."""
        verb = request.token_at(match.start())
        clause_start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.:!?(—") + 1
        ends = [i for i in (request.lower.find(p, match.end()) for p in ",;.!?)—") if i >= 0]
        first, last = request.token_at(clause_start), request.token_at(min(ends, default=len(request.lower)))
        while first < verb and request.tokens[first] in _CLAUSE_CONJUNCTIONS:
            first += 1
        return verb, first, last

    def _wipes_columns_only(self, request: Request, match: re.Match[str]) -> bool:
        """«номер карты затереть», «затереть телефоны и email»: in a load request, a wipe verb whose whole
        object (the rest of its clause, before or after it) names columns of one source table wipes their
        values in the copy, a mask; «затереть таблицу», «затереть счета в источнике» stay destructive."""
        verb, first, last = self._verb_clause(request, match)
        if first == 0 and not self._is_load_request(request) and not self._names_a_direction(request):
            return False  # a wipe clause of its own after the rows named («..., номер карты затереть») masks
        tables = [t for conn in self._readable("postgres") for t in self.catalog.tables_of(conn.conn_id)]
        for table in tables:
            if first < verb:
                columns, end = self._column_run(table, request, first, stop=verb)
                if columns and end == verb and verb + 1 == last:
                    return True
                if verb + 1 == last and self._names_mask_columns_only(table, request.tokens[first:verb]):
                    return True
            elif verb + 1 < last:
                columns, end = self._column_run(table, request, verb + 1, stop=last)
                if columns and end == last:
                    return True
                if self._names_mask_columns_only(table, request.tokens[verb + 1 : last]):
                    return True
        return False

    def _names_mask_columns_only(self, table: Table, tokens: list[str]) -> bool:
        """«почту для ответа» of contact_email 'Почта для ответа': the wipe verb's object read as a mask list
        reads it (a personal-data noun with the qualifier its column's comment spells; planner148): it names
        columns of `table`, and every other word of it is a word of theirs; a word naming a table («заявки»,
        «клиентов») or no column at all leaves it the verb's rows, destroyed."""
        content = [t for t in tokens if t not in STOP_WORDS and t not in LIST_JOINERS]
        named = self._mask_columns_in(table, " ".join(tokens)) if content else []
        if not named:
            return False
        own = set().union(*(self._column_words(c) for c in table.columns if c.name in named))
        return not any(
            self._names_table(t, table)
            or self._names_other_table(t, table)
            or not (table.column(t) or set(self.vocabulary.meanings(t)) & own)
            for t in content
        )

    def _is_load_request(self, request: Request) -> bool:
        """A load verb, or an engine named as the target ("customers -> clickhouse", "... to CH")."""
        if PIPELINE_VERBS.search(request.lower):
            return True
        return any(role == "target" for _, role, _ in self._engine_mentions(request))

    def _names_a_direction(self, request: Request) -> bool:
        """A load said without a verb: "employees -> CH, drop salary", «клиентов в клик, без email»: a
        direction word (or an arrow, read as one) followed by an engine, a connection or a target noun."""
        tokens = request.tokens
        return any(
            token in TO_WORDS - WEAK_TO_WORDS
            and any(t in TARGET_PLACES or self.filters._names_system(t) for t in tokens[i + 1 : i + 3])
            for i, token in enumerate(tokens)
        )

    def _removes_rows_only(self, request: Request, match: re.Match[str]) -> bool:
        """ "Load orders hourly, remove rows where status is test" / "drop test rows": in a load request, rows
        a leave-out verb removes are rows not to load (a negated filter). Only when the verb's object is rows
        with a condition, or rows named by a status word, and the clause names no place to delete them from
        or in ("delete rows from orders where ...", "удали строки из таблицы", "... in ClickHouse"):
        those would change a source or a target, and stay refused."""
        if not PIPELINE_VERBS.search(request.lower):
            return False
        rows = ROWS_OBJECT.match(request.lower, match.end())
        if rows is None or not (rows.group("condition") or status_word(rows.group("word") or "")[0]):
            return False
        end = CLAUSE_END.search(request.lower, rows.end())
        last = request.token_at(end.start() if end else len(request.lower))
        return not any(self._names_storage(request, i) for i in range(request.token_at(match.end()), last))

    def _removes_state_rows_only(self, request: Request, match: re.Match[str]) -> bool:
        """ "..., drop failed sessions", «отменённые поездки удалить»: in a scheduled load, a leave-out verb
        whose whole clause is a status word and a noun naming a source table leaves those rows out (read as a
        negated status filter by the row-filter rules); "drop the trips table", "delete failed trips from the
        source" (anything else in the clause) stay refused."""
        if not PIPELINE_VERBS.search(request.lower) and parse_schedule(request.text) is None:
            return False
        verb, first, last = self._verb_clause(request, match)
        if first == verb:
            words_ = request.tokens[verb + 1 : last]  # "drop failed sessions"
        elif verb + 1 == last:
            words_ = request.tokens[first:verb]  # «отменённые поездки удалить»
        else:
            return False
        if len(words_) != 2:
            return False
        return status_word(words_[0])[0] is not None and self._names_a_source_table(words_[1])

    def _names_a_source_table(self, token: str) -> bool:
        """The word names a readable table by its name or its comment's head noun ("sessions", «поездки»)."""
        return any(
            self._names_table(token, table) or self._heads_comment(token, table)
            for conn in self._readable("postgres")
            for table in self.catalog.tables_of(conn.conn_id)
        )

    def _names_storage(self, request: Request, index: int) -> bool:
        """Word `index` starts "from/in/из/в" + the source, a table, an engine, a connection or the target."""
        if self._names_source_place(request, index):
            return True
        if request.tokens[index] not in FROM_WORDS | TO_WORDS:
            return False
        return any(
            t in TARGET_PLACES or self.filters._names_system(t) for t in request.tokens[index + 1 : index + 4]
        )

    def _is_engine_word(self, token: str) -> bool:
        return any(token in ws or stem(token) in ws for ws in ENGINE_WORDS.values())

    def _names_source_place(self, request: Request, index: int) -> bool:
        """ "delete email from postgres / from the customers table": the source itself is the object."""
        tokens = request.tokens[index : index + 4]
        if not tokens or tokens[0] not in {"from", "in", "at", "из", "в", "во", "на"}:
            return False
        for token in tokens[1:]:
            if (
                token in SOURCE_PLACES
                or token in ENGINE_WORDS["postgres"]
                or stem(token) in ENGINE_WORDS["postgres"]
            ):
                return True
            if self._is_source_table_name(token):
                return True
        return False

    def _code(self, request: Request) -> Outcome | None:
        # A file path with a glob ("s3://bucket/dir/*.jsonl") holds "/*", which reads as a comment opener:
        # a path of path characters only is blanked out before the code patterns look.
        text = _GLOB_PATH.sub(lambda m: " " * len(m.group(0)), request.text)
        if any(pattern.search(text) for pattern in CODE_PATTERNS):
            return Outcome.reject(
                "policy",
                msg("planner.code_in_request"),
            )
        return None

    def _unsupported_engine(self, request: Request) -> Outcome | None:
        named = [e for e in UNSUPPORTED_ENGINES if re.search(rf"\b{re.escape(e)}\b", request.lower)]
        named += [m.group(1) for m in DB_PRODUCT.finditer(request.text) if self._db_product(m.group(1))]
        named += [
            PRODUCT_NAMES[m.group(1)] for m in PRODUCT_AFTER_FROM.finditer(request.lower)
        ]  # "from elastic"
        named = [n for n in named if not self._describes_a_connection(n)]  # "Greenplum DWH" connection
        named += [n for w in re.findall(r"[а-яё]+", request.lower) if (n := engine_in_any_form(w))]
        colloquial = colloquial_engine(request.text)
        if not named and colloquial is not None and self._names_an_engine_place(request, colloquial[0]):
            named = [colloquial[1]]  # «из оракла», «в мускуле», «из монги», «из скуля»
        if not named:
            return None
        known = sorted({c.conn_type for c in self.catalog.connections.values()}) or ["none"]
        return Outcome.reject(
            "grounding",
            msg("planner.no_source_kind", name=named[0], kinds=", ".join(known)),
            "source.conn_id",
        )

    def _db_product(self, word: str) -> bool:
        """ "InfluxDB", "scylladb": a product named "...DB" that is no engine word, connection or table."""
        lower = word.lower()
        conn_ids = {c.conn_id.lower() for c in self.catalog.connections.values()}
        if self._is_engine_word(lower) or lower in conn_ids:
            return False
        return not self._is_source_table_name(lower)

    def _describes_a_connection(self, name: str) -> bool:
        """A connection whose id or description has the engine's name is that connection, not a refusal."""
        return any(
            re.search(
                rf"(?<![a-z]){re.escape(name.lower())}(?![a-z])", f"{c.conn_id} {c.description}".lower()
            )
            for c in self.catalog.connections.values()
        )

    @functools.cached_property
    def _numeric_column_units(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Where the catalog's numeric columns say their units, read once: each comment's text after its
        last comma ('Потребление за час, кВт·ч' -> ' кВт·ч') and each name's last part (energy_kwh -> kwh)."""
        from airflow_ai_etl.marts.resolve import column_kind

        numeric = [
            column
            for conn_id in self.catalog.connections
            for table in self.catalog.tables_of(conn_id)
            for column in table.columns
            if column_kind(column.type).numeric
        ]
        tails = tuple(c.comment.rsplit(",", 1)[1] for c in numeric if c.comment and "," in c.comment)
        return tails, tuple(c.name.lower().split("_")[-1] for c in numeric)

    def _unit_of_a_column(self, word: str) -> bool:
        """`word` is the unit of a numeric column: written as a whole word in its comment after its comma
        ("кВт" of 'Потребление за час, кВт·ч'), or a unit abbreviation its name ends in ("kWh" of
        energy_kwh)."""
        from airflow_ai_etl.planning.marts.words import MEASURE_UNITS

        tails, last_parts = self._numeric_column_units
        unit = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", re.IGNORECASE)
        part = MEASURE_UNITS.get(word.lower())
        return any(unit.search(tail) for tail in tails) or bool(
            part and any(last.startswith(part) for last in last_parts)
        )

    def _listed_anywhere(self, word: str) -> bool:
        """`word` is a value some table's column comment lists ("3D" of 'Формат показа (2D, 3D, IMAX)')."""
        return any(
            self.filters.is_listed_value(table, word)
            for conn_id in self.catalog.connections
            for table in self.catalog.tables_of(conn_id)
        )

    def _names_an_engine_place(self, request: Request, written: str) -> bool:
        """A colloquial engine name stands where a database is named: right after from/to («из оракла»,
        "from мускул") or after a database noun («базы оракла», «БД на скуле»)."""
        at = request.lower.replace("ё", "е").find(written.lower().replace("ё", "е"))
        index = request.token_at(at)
        before = request.tokens[max(0, index - 2) : index]
        database = {
            "база",
            "базы",
            "базу",
            "базе",
            "бд",
            "бази",
            "сервер",
            "сервера",
            "сервере",
            "db",
            "database",
        }
        return bool(before) and (before[-1] in FROM_WORDS | TO_WORDS or bool(set(before) & database))

    def _unknown_system(self, request: Request) -> Outcome | None:
        """ "from Salesforce", "из 1С", "to HubSpot": a business system no connection is described by is
        refused (there is no reader for it); a product-like name after from/to ("из МойСклад") that names
        no engine, connection or table is asked about. Neither is ever read from another connection."""
        for pattern in (SYSTEM_NAME, SYSTEM_NAME_AFTER):
            for match in pattern.finditer(request.text):
                first = words(match.group("name"))[0]
                if first in self.filters._connection_words or self._is_source_table_name(first):
                    continue  # a connection described as "Salesforce replica" is that connection
                if files_from_system(request.text, match.start("name")):
                    continue  # «CSV из 1С» in a folder / s3://: the files' origin (planning/triggers.py)
                index = request.token_at(match.start("name"))
                role = "target" if request.role(index) == "target" else "source"
                known = sorted({c.conn_type for c in self.catalog.connections.values()}) or ["none"]
                return Outcome.reject(
                    "grounding",
                    msg("planner.unsupported_system", name=match.group("name"), kinds=", ".join(known)),
                    f"{role}.conn_id",
                )
        for i, raw in enumerate(request.raw[1:], start=1):
            token = request.tokens[i]
            if not PRODUCT_LIKE.search(raw):
                continue
            if not self._right_after_from_or_to(request, i):
                continue  # only right after from/to ("from the MyCRM export", "out of our MyCRM" too)
            if (
                self.filters._names_system(token)
                or self._is_source_table_name(token)
                or token in request.claimed
                or files_from_system(request.text, request.spans[i][0])
            ):
                continue
            if parse_schedule(raw) is not None:
                continue  # "в 3AM"
            if self._listed_anywhere(raw):
                continue  # «сеансы в 3D»: a value 'Формат показа (2D, 3D, IMAX)' lists, the rows' value
            if self._unit_of_a_column(raw):
                continue  # «энергия в кВт·ч»: the unit 'Отпущено энергии, кВт·ч' is written in, no connection
            return Outcome.clarify(
                msg("planner.which_connection", raw=raw, ids=", ".join(sorted(self.catalog.connections)))
            )
        return None

    @staticmethod
    def _right_after_from_or_to(request: Request, i: int) -> bool:
        """Word `i` follows from/to past one determiner: "from MyCRM", "from the X", "out of our MyCRM"."""
        k = i - 1
        if k > 0 and request.tokens[k] in DETERMINERS:
            k -= 1
        if request.tokens[k] == "of" and k > 0 and request.tokens[k - 1] == "out":
            return True  # "out of": one from-word in two
        return request.tokens[k] in FROM_WORDS | TO_WORDS

    def _off_topic(self, request: Request) -> Outcome | None:
        if grammar.enabled("mart") and looks_like_mart(self, request.text):  # «посчитай в витрине ...»
            return None
        has_verb = bool(PIPELINE_VERBS.search(request.lower))
        chat = _chat_word(request.lower)
        if has_verb and not chat:
            return None
        if not chat and self._mentions_anything(request):
            return None
        if has_verb and self._mentions_anything(request):
            return None
        if not chat and grammar.enabled("mart") and groups_by_catalog_column(self, request.text):
            # «Пассажиропоток по городам»: a report grouped by a catalog column, whose measure is asked
            return Outcome.clarify(say(request.language, "planner.mart.no_measure"))
        return Outcome.reject(
            "policy",
            msg("planner.not_a_pipeline"),
        )

    def _mentions_anything(self, request: Request) -> bool:
        if self._engine_mentions(request) or S3_PATH.search(request.text) or EXCEL_PATH.search(request.text):
            return True
        if parse_schedule(request.text) is not None:
            return True  # «курсы из базы деканата в отчётную базу ежедневно»: a job, asked about if unread
        if _uneven_interval(request.text) is not None:
            return True  # planner144: «электромобили каждые 40 минут»: a job's period no cron holds, asked
        if folder_path(request.text):  # a local (mounted) folder is a place, as an S3 prefix is
            return True
        return any(self._table_hits(request, conn.conn_id) for conn in self._readable("postgres"))

    # --- connections ---------------------------------------------------------------------------

    def _readable(self, engine: str) -> list[ConnectionInfo]:
        return self.catalog.connections_of(engine)

    def _engine_mentions(self, request: Request) -> list[tuple[str, str, int]]:
        """(engine, role, index) for each engine word of the request."""
        mentions = []
        for i, token in enumerate(request.tokens):
            for engine, engine_words in ENGINE_WORDS.items():
                if token in engine_words or stem(token) in engine_words:
                    mentions.append((engine, request.role(i), i))
        return mentions

    def _description_stems(self, conn: ConnectionInfo) -> set[str]:
        """Stems of the words of a connection's id and description, without engine and filler words."""
        key = (conn.conn_id, conn.description, conn.database)
        if key not in self._descriptions:
            text = f"{conn.conn_id.replace('_', ' ')} {conn.description} {conn.database}"
            meanings = {m for w in words(text) for m in self.vocabulary.meanings(w)}
            self._descriptions[key] = meanings - CONN_FILLER
        return self._descriptions[key]

    def _conn_refs(self, request: Request) -> list[ConnRef]:
        """Request words that name a connection by its id or by a word of its description."""
        refs = []
        described = {c.conn_id: self._description_stems(c) for c in self.catalog.connections.values()}
        tables = [
            t for conn in self.catalog.connections.values() for t in self.catalog.tables_of(conn.conn_id)
        ]
        # "staff and payroll data" of an "HR and payroll database": a schema's name names its tables too
        schemas = {t.qualified_name.partition(".")[0].lower() for t in tables} - {"public"}
        paths = path_spans(request.text)  # "s3://shop-exports/": a bucket's words name no connection
        # each description's words, once: not per word of the request
        spelled = {
            c.conn_id: (words(c.description), c.description.split())
            for c in self.catalog.connections.values()
        }
        for i, token in enumerate(request.tokens):
            if in_path(paths, request.spans[i][0]):
                continue
            for conn in self.catalog.connections.values():
                if token == conn.conn_id.lower() or token.startswith(conn.conn_id.lower() + "."):
                    refs.append(ConnRef(conn.conn_id, request.role(i), i, True))
                elif (
                    token not in STOP_WORDS
                    and token not in CDC_WORDS
                    and (
                        self.vocabulary.meanings(token) & described[conn.conn_id]
                        # «в репортинговую постгрю» of a "Reporting Postgres ...": the English word by ear
                        or any(
                            colloquial.transliterated_adjective(token, w) for w in spelled[conn.conn_id][0]
                        )
                        # «в бишную постгрю» of a "PostgreSQL for BI dashboards": the abbreviation's adjective
                        or any(colloquial.abbreviation_adjective(token, w) for w in spelled[conn.conn_id][1])
                    )
                ):
                    # "using CDC" names the method, not a connection described as "for CDC replicas";
                    # "wallets" of a "Wallet service database": a word naming a table stands for the
                    # connection only next to another word of its description ("the wallet service").
                    names_table = (
                        token in schemas
                        or any(self._names_table(token, t) or self._heads_comment(token, t) for t in tables)
                        or self._spells_table_with_neighbour(request, i, tables)
                        or self._value_before_table_head(request, i, tables)
                        or self._heads_one_table_name(token, self.catalog.tables_of(conn.conn_id))
                    )
                    if names_table and not self._described_nearby(
                        request, i, described[conn.conn_id], tables
                    ):
                        continue
                    if self._state_participle_of_rows(request, i, conn, tables):
                        continue
                    if _means_listed_value(token, self.catalog.tables_of(conn.conn_id)):
                        continue  # «заправки бензином» of "... fuel logs ...": the fuel kind (planner121)
                    refs.append(ConnRef(conn.conn_id, request.role(i), i, False))
        return refs

    def _spells_table_with_neighbour(self, request: Request, index: int, tables: list[Table]) -> bool:
        """Word `index` and a word beside it spell every part of one table's name: "group classes" of
        group_classes, though "classes" alone is a word of a "... visits and classes database"; so do a head
        noun and its complement after a preposition («регистрации на мероприятия», "registrations for events"
        of event_registrations, planner116)."""
        meanings = self.vocabulary.meanings(request.tokens[index])
        linked = index + 2 < len(request.tokens) and request.tokens[index + 1] in MODIFIER_LINKS
        for j in (index - 1, index + 1, *([index + 2] if linked else [])):
            if not 0 <= j < len(request.tokens):
                continue
            pair = meanings | self.vocabulary.meanings(request.tokens[j])
            for table in tables:
                parts = set(name_parts(table.name))
                if len(parts) > 1 and meanings & parts and parts <= pair:
                    return True
        return False

    def _state_participle_of_rows(
        self, request: Request, index: int, conn: ConnectionInfo, tables: list[Table]
    ) -> bool:
        """ "Working mechanics" of a "... mechanics, ..., work orders ..." database: an English participle
        whose form the description does not spell (only its stem "work" is there), right before a word naming
        a table, says the state of that table's rows, not which connection (planner101: "working" was taken
        for the connection and every mechanic loaded). "the billing invoices" of a "Billing database"
        stays."""
        token = request.tokens[index]
        if index + 1 >= len(request.tokens) or not request.raw[index].isascii():
            return False
        if not token.endswith(("ing", "ed")):
            return False
        if token in words(conn.description.lower()):
            return False
        after = request.tokens[index + 1]
        return any(self._names_table(after, t) or self._heads_comment(after, t) for t in tables)

    def _value_before_table_head(self, request: Request, index: int, tables: list[Table]) -> bool:
        """ "Yoga classes" of group_classes (class_type 'yoga, pilates, ...'): word `index` is the head noun
        (the last part) of a table name of several words, and the English word right before it is a value a
        column of that table lists, standing for the name's qualifier ("group"); so "classes" names the table,
        though it is also a word of a "... visits and classes database" (planner101)."""
        if index == 0 or not request.raw[index - 1].isascii():
            return False
        before, meanings = request.tokens[index - 1], self.vocabulary.meanings(request.tokens[index])
        for table in tables:
            parts = [p for p in name_parts(table.name) if p not in TABLE_AFFIXES]
            if len(parts) < 2 or parts[-1] not in meanings:
                continue
            listed = (listed_values(c.comment) for c in table.columns)
            if any(before == value.lower() for values in listed for value in values):
                return True
        return False

    def _heads_one_table_name(self, token: str, tables: list[Table]) -> bool:
        """ "classes", "Karate classes" of group_classes: the word is the head noun (the last part) of the
        name of one table of several words, and no other table of the connection has that part in its name,
        so it names that table (as _head_noun_hits reads it), though it is also a word of a "... visits and
        classes database" (planner106: "Karate classes" asked which table; the kind is then the filters' to
        read). The word must be the name's part as written: "Class no-shows" uses "class" as a modifier."""
        meanings = self.vocabulary.meanings(token)
        owners = []
        for table in tables:
            parts = [p for p in name_parts(table.name) if p not in TABLE_AFFIXES]
            if parts and parts[-1] in meanings:
                if token != table.name.lower().rsplit("_", 1)[-1]:
                    return False
                if len(parts) < 2:
                    return False  # "orders" of orders itself: a plain name, the usual rules'
                owners.append(table)
        elsewhere = any(
            meanings & set(name_parts(t.name)) for t in tables if t not in owners
        )  # "tickets" of support_tickets and tickets_archive: no one head
        return len(owners) == 1 and not elsewhere

    def _described_nearby(
        self, request: Request, index: int, described: set[str], tables: list[Table]
    ) -> bool:
        """Another word of the connection's description stands by word `index` ("the wallet service"). A
        neighbour that names a table itself ("reservations and guests" of a "... reservations and guest
        database") is a second table, not the description (planner41)."""
        phrase = self._own_phrase_meanings(request.tokens[index], tables)
        schemas = {t.qualified_name.partition(".")[0].lower() for t in tables}
        # "carshare customers", "car-sharing customers": an English word before the table's noun qualifies it;
        # the noun stays the table (planner78: both words were taken for the connection, no table was left)
        english = request.raw[index].isascii()
        for j in (index - 1, index + 1, index + 2):
            if english and j == index - 1 and request.tokens[j] not in DATABASE_WORDS:
                continue
            if 0 <= j < len(request.tokens) and j != index:
                token = request.tokens[j]
                if token in DATABASE_WORDS:
                    return True
                if j == index + 1 and self._pair_spells_table(request, index, j, tables):
                    continue  # "Equipment rentals" of a "..., equipment rentals, ..." database: a table
                if j == index + 2 and (
                    request.tokens[index + 1] in RELATIVE_PRONOUNS
                    or self._spells_table_with_neighbour(request, index, tables)
                ):
                    # "stations that work round the clock": the clause's verb; "online orders paid online":
                    # the pair spells online_orders, the "online" past the participle is no description word
                    continue
                meanings = self.vocabulary.meanings(token)
                if (
                    token not in STOP_WORDS
                    and meanings & described
                    # "insurance policies", «полисы страхования»: the table's own phrase, no connection's
                    and not meanings <= phrase
                    # «Препараты и остатки»: a neighbour heading a table's comment ('Остатки препаратов в
                    # аптеках') is a second table too, not the description (planner102)
                    and not any(self._names_table(token, t) or self._heads_comment(token, t) for t in tables)
                    # "charging stations" of a "... charging sessions ... database" with a schema `charging`:
                    # a schema's name qualifies the table word, as a table's own word would (planner70)
                    and token not in schemas
                ):
                    return True
        return False

    def _pair_spells_table(self, request: Request, index: int, other: int, tables: list[Table]) -> bool:
        """Words `index` and `other` together spell every part of one table's name of several words
        (equipment_rentals): a description listing that name ("..., equipment rentals, invoices") lists the
        table, so the pair is the table's own name, not the connection's description (planner150)."""
        meanings = self.vocabulary.meanings
        pair = meanings(request.tokens[index]) | meanings(request.tokens[other])
        return any(
            len(parts) > 1 and parts <= pair
            for parts in (set(name_parts(t.name)) - TABLE_AFFIXES for t in tables)
        )

    def _own_phrase_meanings(self, word: str, tables: list[Table]) -> set[str]:
        """What the comments of the tables `word` names say ('Страховые полисы (договоры страхования)': insur,
        полис, страхован ...): a neighbour saying only that is the table's own phrase, not a connection's."""
        named = [t for t in tables if self._names_table(word, t) or self._heads_comment(word, t)]
        return set().union(*(self.vocabulary.meanings(w) for t in named for w in words(t.comment or "")))

    def _claim_connection_words(self, request: Request) -> None:
        """Words that name a connection are not table names ("the shop database", "the warehouse")."""
        for ref in self._conn_refs(request):
            request.claimed.add(request.tokens[ref.index])
        for _, _, index in self._engine_mentions(request):
            request.claimed.add(request.tokens[index])

    def _source_candidates(self, request: Request) -> list[ConnectionInfo]:
        postgres = {c.conn_id: c for c in self._readable("postgres")}
        refs = [r for r in self._conn_refs(request) if r.conn_id in postgres]
        for by_id in (True, False):
            chosen = {
                r.conn_id
                for r in refs
                if r.by_id == by_id and r.role in ("source", "unknown" if by_id else "")
            }
            if len(chosen) == 1:
                return [postgres[chosen.pop()]]
        as_target = {r.conn_id for r in refs if r.role == "target"}
        if self._clickhouse_target_only(request):
            # «постгря -> клик: отделения клиники»: with ClickHouse the named target, a word describing a
            # PostgreSQL connection after it («клиники» of "Clinic EMR database") is no target (planner26)
            as_target = {r.conn_id for r in refs if r.role == "target" and r.by_id}
        return [c for c in postgres.values() if c.conn_id not in as_target] or list(postgres.values())

    def _clickhouse_target_only(self, request: Request) -> bool:
        """The request names ClickHouse as its target by an engine word and PostgreSQL as none."""
        targets = {engine for engine, role, _ in self._engine_mentions(request) if role == "target"}
        return targets == {"clickhouse"}

    def _target(self, request: Request, source: ConnectionInfo | None, files_source: bool = False) -> Found:
        usable = {
            c.conn_id: c
            for c in self.catalog.connections.values()
            if c.engine in ("postgres", "clickhouse") and (source is None or c.conn_id != source.conn_id)
        }
        refs = [r for r in self._conn_refs(request) if r.conn_id in usable]
        for wanted in ({"target", "unknown"}, {"target"}):
            for by_id in (True, False):
                chosen = {r.conn_id for r in refs if r.by_id == by_id and r.role in wanted}
                if len(chosen) == 1 and (by_id or "target" in wanted and wanted == {"target"}):
                    return Found(usable[chosen.pop()])
        mentions = self._engine_mentions(request)
        to_postgres = any(e == "postgres" and r == "target" for e, r, _ in mentions)
        if to_postgres and not any(
            e == "postgres" and r == "target" and request.tokens[i - 1] not in WEAK_TO_WORDS
            for e, r, i in mentions
        ):  # "changes in Postgres ... apply them to ClickHouse": "in" places the data, "to" sends it
            to_postgres = not any(e == "clickhouse" and r == "target" for e, r, _ in mentions)
        engine = "postgres" if to_postgres else "clickhouse"
        files = [i for e, r, i in mentions if e in ("s3", "excel") and r == "target"]
        paths = path_spans(request.text)
        if files_source and len(paths) == 1 and self._explicit_target_name(request):
            # «лежат в s3://x/, грузить в таблицу y»: with a table to load, the one path is where files are
            first = request.token_at(paths[0][0])
            if 0 < first and request.tokens[first - 1] in WEAK_TO_WORDS | {"в"}:
                files = [i for i in files if not in_path(paths, request.spans[i][0])]
        # "the csv files in s3://x/ into clickhouse", «файлы в s3://x/ грузить в кликхаус»: the files' place
        placed = all(i > 0 and request.tokens[i - 1] in WEAK_TO_WORDS | {"в"} for i in files) and any(
            e in ("clickhouse", "postgres") and r == "target" for e, r, _ in mentions
        )
        if files and not placed:
            return Found(None, [UNSUPPORTED_TARGET])
        candidates = [c for c in usable.values() if c.engine == engine]
        if len(candidates) > 1:
            described = {
                r.conn_id for r in refs if not r.by_id and r.conn_id in {c.conn_id for c in candidates}
            }
            candidates = (
                [c for c in candidates if c.conn_id in described] if len(described) == 1 else candidates
            )
        label = "PostgreSQL" if engine == "postgres" else "ClickHouse"
        qualifier = self._unknown_target_qualifier(request, engine, refs)
        if qualifier and candidates:  # «в аналитическую постгрю» with only a "Reporting Postgres": asked
            ids = ", ".join(
                f"{c.conn_id} ({c.description})" if c.description else c.conn_id for c in candidates
            )
            asked = say(
                request.language, "planner.target_qualifier_unknown", phrase=qualifier, label=label, ids=ids
            )
            return Found(None, [asked])
        if len(candidates) == 1:
            return Found(candidates[0])
        if not candidates:
            return Found(None, [msg("planner.no_target_connection", label=label)])
        ids = ", ".join(c.conn_id for c in candidates)
        return Found(None, [msg("planner.which_target_connection", label=label, ids=ids)])

    def _unknown_target_qualifier(self, request: Request, engine: str, refs: list[ConnRef]) -> str | None:
        """ "into analytics postgres", «в аналитическую постгрю»: the word right before the target engine word
        qualifies it; when no connection's id or description has that word (no reference at that index), it
        names a connection the catalog lacks, and the words are returned to be asked about (07o family 5)."""
        if engine != "postgres":
            return None  # «в аналитическое хранилище»: a ClickHouse word is a generic noun, its adjective too
        referenced = {r.index for r in refs if self.catalog.connections[r.conn_id].engine == engine}
        for found, role, index in self._engine_mentions(request):
            if found != engine or role != "target" or index == 0 or index - 1 in referenced:
                continue
            word = request.tokens[index - 1]
            if word in STOP_WORDS or word in DETERMINERS or word in TO_WORDS or word in TARGET_QUALIFIERS_OK:
                continue
            before = index - 2 - (index > 2 and request.tokens[index - 2] in DETERMINERS)  # "into the X pg"
            if not (before >= 0 and request.tokens[before] in TO_WORDS):
                continue  # only "into X postgres" / «в X постгрю»: the qualifier right after the direction
            token = tokenize(request.raw[index - 1])
            if CYRILLIC.search(word) and not (token and token[0].parses and token[0].parses[0].pos == "ADJF"):
                continue
            if self._is_engine_word(word) or (
                self.filters._names_system(word) and not self._describes_other_engine_only(word, engine)
            ):
                continue  # "into analytics postgres" with only a ClickHouse "analytics warehouse": asked
            return request.text[request.spans[index - 1][0] : request.spans[index][1]]
        return None

    def _describes_other_engine_only(self, word: str, engine: str) -> bool:
        """`word` is in the id or description of a connection of another engine ("analytics" of a ClickHouse
        "Analytics warehouse") and of none of `engine`'s: it qualifies no `engine` connection (planner25)."""

        def stems(c: ConnectionInfo) -> set[str]:
            return {stem(w) for w in words(f"{c.conn_id.replace('_', ' ')} {c.description} {c.database}")}

        connections = list(self.catalog.connections.values())
        mine = set().union(*(stems(c) for c in connections if c.engine == engine))
        others = set().union(*(stems(c) for c in connections if c.engine != engine))
        return stem(word) in others and stem(word) not in mine

    # --- the source table ----------------------------------------------------------------------

    def _source_kind(self, request: Request) -> str:
        """sql (a table), cdc (its change stream), s3 or excel (files)."""
        s3_path = S3_PATH.search(request.text)
        if s3_path:  # a workbook on S3 (s3://bucket/plan.xlsx) is an Excel source
            return "excel" if re.search(r"\.xlsx?$", s3_path.group(0).rstrip(".,"), re.I) else "s3"
        if EXCEL_PATH.search(request.text) and not excel_is_target(request.text):  # «выгрузить в x.xlsx»
            return "excel"
        if folder_path(request.text):  # a local (or mounted network) folder of files
            return "s3"
        for engine, role, _ in self._engine_mentions(request):
            if engine in ("s3", "excel") and role != "target":
                return engine
        # «стримить заказы»: streaming a table is change capture (lexicon concept CDC)
        return "cdc" if CDC.search(request.lower) or _lexicon_cue(request.text, "CDC") else "sql"

    def _source(self, request: Request) -> Found:
        candidates = self._source_candidates(request)
        if not candidates:
            return Found(None, [msg("planner.no_source_connection")])
        unreadable = [c.conn_id for c in candidates if c.conn_id in self.catalog.errors]
        found = {c.conn_id: t for c in candidates if (t := self._match_tables(request, c.conn_id))}
        if not found and request.language == "en":
            # "NPS promoters", "first-line operators": no table's noun, a coded meaning of one table's rows
            named = english_meanings.tables_named_by_meaning
            found = {
                c.conn_id: t
                for c in candidates
                if (t := named(request.text, self.catalog.tables_of(c.conn_id)))
            }
            found = found if sum(len(t) for t in found.values()) == 1 else {}
        if not found:
            return Found(None, [self._ask_table(request, candidates, unreadable)])
        if len(found) > 1:
            names = ", ".join(sorted(found))
            return Found(
                None, [f"Several PostgreSQL connections have this table: {names}. Which one is the source?"]
            )
        conn_id, tables = next(iter(found.items()))
        if len(tables) > 1:
            listed = ", ".join(self.catalog.display_name(conn_id, t) for t in tables)
            return Found(
                None,
                [msg("planner.which_table_of", conn_id=conn_id, tables=listed)],
            )
        return Found((self.catalog.connections[conn_id], tables[0]))

    def _table_hits(
        self, request: Request, conn_id: str, *, kinds: bool = True
    ) -> dict[str, tuple[Table, list[int]]]:
        """Tables the request names -> the indices of the words naming them (exact names win). Words inside a
        relative clause or a passive agent phrase («заявки, где ждём ответа от клиента», "comments written by
        customers") state a condition on the rows: the tables the other words name come first (planner130).
        `kinds` False: a phrase inside a request (`_phrase_tables`) names no table by a listed kind alone
        («Записи на занятия, неявки»: «неявки» is a state of the bookings, not a second table; fixreg29b)."""
        source = clauses.list_source_indices(request)
        if source:  # «Старших смены из списка агентов»: the register named is the table, the rest its rows
            hits = self._table_hits_past(request, conn_id, frozenset(range(len(request.tokens))) - source)
            if hits:
                return hits
        condition = clauses.condition_clause_indices(request)
        if condition:
            hits = self._table_hits_past(request, conn_id, condition)
            if hits:
                return self._meaning_around_hits(request, conn_id, hits) or hits
        past = self._table_hits_past(request, conn_id, frozenset())
        return (
            self._meaning_around_hits(request, conn_id, past)
            or past
            or self._kind_of_named_rows(request, conn_id)
            or self._rows_named_by_meaning(request, conn_id)
            or (self._rows_named_by_listed_kind(request, conn_id) if kinds else {})
            or (self._rows_named_by_english_kind(request, conn_id) if kinds else {})
        )

    def _rows_named_by_english_kind(
        self, request: Request, conn_id: str
    ) -> dict[str, tuple[Table, list[int]]]:
        """ "Female dogs that aren't sterilized", "Pizza and rolls on the stop list": no word names a table,
        but the request opens with English words each a value one table's column lists (as written, or its
        plural or singular: "dogs" of 'Вид животного (cat, dog, …)', "children" of 'child'), joined by
        "and"/"or" or standing before the next ("female dogs"), the last a plural noun of a kind column:
        that table's rows. The kind words are recorded (`Request.kind_indices`) so the filter reads each as
        its condition ("Dogs, daily" is `species = 'dog'`, never every row: planner161). {} when a word is a
        state value (a state is no kind, planner105), names no one table, or the run ends on no kind's
        plural ("Female, daily")."""
        run: list[int] = []
        named: dict[str, Table] = {}
        at = 0
        while at < len(request.tokens) and len(run) < 6:
            word = request.tokens[at]
            if run and word in ("and", "or") and at + 1 < len(request.tokens):
                at += 1
                continue
            listing = self._english_kind_tables(request.raw[at], conn_id)
            if not listing or (named and listing.keys() != named.keys()):
                break
            named, run = listing, [*run, at]
            at += 1
        if not run or request.tokens[run[-1]] in ("and", "or") or not named:
            return {}
        last = request.tokens[run[-1]]
        ((name, table),) = named.items()
        if not (_english_plural(last) and self._lists_kind(table, last)):
            return {}  # "Female, daily": a modifier alone names no rows
        request.kind_indices.update(i for i in run if self._lists_kind(table, request.tokens[i]))
        return {name: (table, [run[-1]])}

    def _english_kind_tables(self, word: str, conn_id: str) -> dict[str, Table]:
        """The one table a column of which (no state column) lists the English `word`, as written or as its
        plural or singular; {} when none or several do, or `word` is a column's name."""
        if not (word.isascii() and word.isalpha() and len(word) > 2):
            return {}
        lower = word.lower()
        tables = self.catalog.tables_of(conn_id)
        if any(table.column(lower) for table in tables):
            return {}
        found = {
            table.qualified_name: table
            for table in tables
            if any(
                lower == v.lower() or _plural_pair(lower, v.lower())
                for c in table.columns
                if c is not state_column(table)
                for v in listed_values(c.comment)
            )
        }
        return found if len(found) == 1 else {}

    @staticmethod
    def _lists_kind(table: Table, word: str) -> bool:
        """`word` says a value of a kind column of `table` ('Вид животного', category): the rows' own noun."""
        return any(
            _is_kind(c)
            and any(word == v.lower() or _plural_pair(word, v.lower()) for v in listed_values(c.comment))
            for c in table.columns
        )

    def _rows_named_by_listed_kind(
        self, request: Request, conn_id: str
    ) -> dict[str, tuple[Table, list[int]]]:
        """«Котов и собак, которые стерилизованы», «Библиотекарей ежедневно»: no word names a table, but the
        request's first noun, plural, is a kind one table's column lists in English by its Russian word
        (VALUE_MEANINGS: кот -> cat of pets 'Вид животного (cat, dog, …)'), and so is every noun joined to it
        by «и»/«или»: that table's rows, the kinds then read as the filter. {} when the first noun is no such
        kind, names no one table, or a joined noun names another or none (planner152)."""
        if FILTER_HINTS.search(request.lower):
            # «Котов, у которых есть чип», «Котов без чипа»: a condition beside the kinds that the filter
            # rules may drop once the kinds are read; the table stays asked, as before (planner152)
            return {}
        first = next((i for i in range(min(3, len(request.tokens))) if not _lead_word(request.raw[i])), None)
        if first is None or not _plural_noun(request.raw[first]):
            return {}  # «Хорьков и кошек»: the first noun is no listed kind, and no later one stands for it
        named = self._listed_kind_table(request, conn_id, first)
        if not named:
            return {}
        at = first
        while at + 2 < len(request.tokens) and request.tokens[at + 1] in ("и", "или", "либо"):
            if self._listed_kind_table(request, conn_id, at + 2).keys() != named.keys():
                return {}
            at += 2
        ((name, table),) = named.items()
        if _WITHOUT_RU.search(request.lower) and not self._without_says_flags(request, table):
            return {}  # «Котов без чипа»: see above; «без стерилизации» of a flag is read (planner158)
        # «Острые супы», «Котов, злых»: an adjective of the rows no column of the table reads would be
        # dropped; asked («которые» opens a clause the clause rules read)
        around = [*range(first), *([at + 1] if at + 1 < len(request.tokens) else [])]
        if not all(
            self._says_row_state(table, request.raw[i])
            for i in around
            if _adjective(request.raw[i])
            and not _relative_pronoun(request.raw[i])
            # «Комедии каждый четверг»: a schedule's «каждый» says nothing of the rows (planner158)
            and not _schedule_adjective(request.raw[i])
        ):
            return {}
        return {name: (table, [first])}

    def _without_says_flags(self, request: Request, table: Table) -> bool:
        """Every «без» of the request is followed by a word naming one yes/no column of `table` («Кошек без
        стерилизации» of is_sterilized 'Стерилизовано'): the flag rules read it as the flag false, so the
        kinds may name the table (planner158); «без чипа» (chip_number, no flag) stays asked."""
        found = [i for i, word in enumerate(request.tokens) if word == "без"]
        return all(
            i + 1 < len(request.raw) and self.filters.names_one_flag(table, request.raw[i + 1]) for i in found
        )

    def _listed_kind_table(self, request: Request, conn_id: str, at: int) -> dict[str, Table]:
        """The one table whose column lists the kind word `at` means by VALUE_MEANINGS (`_value_table`), not
        one a compound's tail names («генподрядчиков» of contractors, whose kind lists no value: asked)."""
        named = self._value_table(request, conn_id, at)
        token = next(iter(tokenize(request.raw[at])), None)
        wanted = value_meanings(token) if token is not None else set()
        if token is None or named.keys() & self._compound_tail_table(token.lower, conn_id).keys():
            # «Мультфильмы»: a compound whose tail names the same table names it only with its kind in
            # brackets (planner100); asked. «Крановщиков» (tail of suppliers) stays a kind (fixreg29b)
            return {}
        listing = {
            name: table
            for name, table in named.items()
            if any(
                stem(v.lower()) in wanted
                for c in table.columns
                if c is not state_column(table)  # «Неявки» (no_show): a state, no kind (planner105)
                for v in listed_values(c.comment)
            )
        }
        return listing if len(listing) == 1 else {}

    def _meaning_around_hits(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«Старших смены, которые сейчас на смене»: a table named only by words inside a phrase another
        table's column lists as a Russian meaning («смены» of shifts inside 'Роль: … 3 — старший смены' of
        agents) is no table named: the phrase names the other table's rows, its meaning then read as the
        filter (planner158). The other hits stay as they were; {} when no phrase covers a hit, or phrases of
        several tables do."""
        phrases = [
            (table, start, end)
            for table, start, end in meaning_phrase_spans(
                tokenize(request.text), self.catalog.tables_of(conn_id)
            )
            if table.qualified_name not in hits
        ]
        if not hits or len({table.qualified_name for table, _, _ in phrases}) != 1:
            return {}
        covered = {
            name
            for name, (_, indices) in hits.items()
            if indices
            and all(
                any(s <= request.spans[i][0] and request.spans[i][1] <= e for _, s, e in phrases)
                for i in indices
            )
        }
        if not covered:
            return {}
        table, start, _ = phrases[0]
        kept = {name: hit for name, hit in hits.items() if name not in covered}
        return {**kept, table.qualified_name: (table, [request.token_at(start)])}

    def _rows_named_by_meaning(self, request: Request, conn_id: str) -> dict[str, tuple[Table, list[int]]]:
        """«Нейтралов из NPS», «Руководителей группы»: no word names a table, but a noun is a Russian meaning
        one table's column lists (tables_of_said_meaning): that table's rows, the meaning then read as the
        filter; {} when none or several tables list it (planner133)."""
        tokens = tokenize(request.text)
        found = tables_of_said_meaning(tokens, self.catalog.tables_of(conn_id))
        if len(found) != 1:
            return {}
        ((table, word),) = found
        return {table.qualified_name: (table, [request.token_at(word.start)])}

    def _kind_of_named_rows(self, request: Request, conn_id: str) -> dict[str, tuple[Table, list[int]]]:
        """ "Miles redemptions", «списания миль» of loyalty.miles_transactions 'Операции с милями': a kind one
        table's column lists ('Тип операции (accrual, redemption, …)') beside a word of that table's name
        names that table's rows (its kind then read as the filter); {} when no such pair names one table
        (planner130)."""
        found: dict[str, tuple[Table, list[int]]] = {}
        for at in range(len(request.tokens)):
            for table in self._value_table(request, conn_id, at).values():
                parts = set(name_parts(table.name))
                beside = [
                    k
                    for k in (at - 1, at + 1)
                    if 0 <= k < len(request.tokens)
                    and request.tokens[k] not in request.claimed
                    and self.vocabulary.meanings(request.tokens[k]) & parts
                ]
                if beside:
                    found.setdefault(table.qualified_name, (table, []))[1].extend([*beside, at])
        return found if len(found) == 1 else {}

    def _table_hits_past(
        self, request: Request, conn_id: str, skipped: frozenset[int]
    ) -> dict[str, tuple[Table, list[int]]]:
        """`_table_hits` over the words not `skipped`."""
        tables = self.catalog.tables_of(conn_id)
        key_words = {request.tokens[i] for i in request.key_indices}
        # the words the schedule read, by index: a scan of its spans per word made long requests slow
        in_schedule = {
            k for a, b in request.schedule_spans for k in range(request.token_at(a), request.token_at(b))
        }
        usable = [
            (i, t)
            for i, t in enumerate(request.tokens)
            if t not in request.claimed
            and i not in skipped
            # "currency rates ..., merge on rate_date and currency": a key's word still names the table before
            # the key list (planner28)
            and not (t in request.values and (i in request.key_indices or t not in key_words))
            and t not in STOP_WORDS
            and i not in in_schedule
            and not _only_an_instruction_verb(t)
        ]
        exact: dict[str, tuple[Table, list[int]]] = {}
        named = [  # once per table, not per word
            (
                table,
                {table.name.lower(), table.qualified_name.lower(), self.catalog.display_name(conn_id, table)},
            )
            for table in tables
        ]
        for i, token in usable:
            for table, names in named:
                if token in names:
                    exact.setdefault(table.qualified_name, (table, []))[1].append(i)
        if exact:
            # «события типа purchase, и payments»: the noun before its own table's type word still names it
            for i, token in usable:
                after = request.tokens[i + 1] if i + 1 < len(request.tokens) else ""
                if not self.vocabulary.meanings(after) & VALUE_COLUMN_WORDS:
                    continue
                for table in tables:
                    if table.qualified_name not in exact and self._names_table(token, table):
                        if self._column_mentions(table, [after], generic_ok=frozenset(VALUE_COLUMN_WORDS)):
                            exact[table.qualified_name] = (table, [i])
            return self._head_of_complement(request, tables, exact)
        # "refuelings" of 'Заправки техники топливом': English jargon says the Russian noun a comment uses
        # (COMMENT_JARGON_EN), so it reaches the table's comment as a Russian word of it would (planner128)
        meanings = {i: self.vocabulary.meanings(t) | comment_jargon(t) for i, t in usable}
        everything = set().union(*meanings.values()) if meanings else set()
        hits: dict[str, tuple[Table, list[int]]] = {}
        schemas: dict[str, list[Table]] = {}
        for table in tables:
            schemas.setdefault(table.qualified_name.partition(".")[0].lower(), []).append(table)
        # "data sessions" of data_sessions: a stop word ("customer data") counts as a part of a table's name
        # right before another word of that name (planner24)
        stops = {
            i + 1: self.vocabulary.meanings(t)
            for i, t in enumerate(request.tokens[:-1])
            if t in STOP_WORDS and t not in request.claimed
        }
        for table in tables:
            parts = set(name_parts(table.name))
            core = parts - TABLE_AFFIXES
            if parts <= everything:
                hits[table.qualified_name] = (table, [i for i, m in meanings.items() if m & parts])
            elif len(parts) > 1 and any(
                i in meanings and meanings[i] & parts and parts <= meanings[i] | stop
                for i, stop in stops.items()
            ):
                hits[table.qualified_name] = (table, [i for i, m in meanings.items() if m & parts])
            elif core and core != parts and core <= everything:  # "KPI" -> kpi_daily, «продажи» -> fact_sales
                hits[table.qualified_name] = (table, [i for i, m in meanings.items() if m & core])
        hits = self._glossed_elsewhere(request, tables, meanings, hits)
        for i, token in usable:  # "payroll data": a schema with one table names it
            if (
                token != "public"
                and len(schemas.get(token, [])) == 1
                and not self._value_before_column(request, tables, i)
                and not self._glosses_other_schemas(token, schemas[token][0], tables)
            ):
                hits.setdefault(schemas[token][0].qualified_name, (schemas[token][0], [i]))
        # «аккаунты клиентов» of crm.accounts 'Клиенты (аккаунты …)': a word heading the comment of a table
        # already named says that table again; it gives no other table ('Платежи клиентов') a hit of its own
        for table, indices in hits.values():
            head_nouns = comment_head_stems(table.comment)
            indices += [i for i, m in meanings.items() if i not in indices and m & head_nouns]
        used = {i for _, indices in hits.values() for i in indices}
        # Table comments act as a glossary the catalog owner writes ("Результаты лабораторных анализов").
        heads: dict[str, set[int]] = {}  # words that match a comment's first word: its head noun
        for table in tables:
            comment = set(name_parts_of_text(table.comment)) - STOP_STEMS
            head = set(name_parts_of_text(table.comment)[:1])
            # «билеты» of 'Авиабилеты (купоны на рейс)': the tail of the head compound is the head noun too
            tail = {i for i, m in meanings.items() if i not in used and compound_tail_of(head, m)}
            # «ветклиники» of 'Ветеринарные клиники сети': the adjective clipped onto the noun (planner98);
            # «машины» of 'Автомобили клиентов': a glossary synonym of the comment's head noun ("vehicle")
            synonyms = self._comment_head_synonyms(table)
            tail |= {
                i
                for i, m in meanings.items()
                if i not in used
                # "the sales stuff": a schema of several tables (sales) names none of them (planner94)
                and request.tokens[i] not in schemas
                and (
                    m & synonyms
                    or clipped_compound_of(request.tokens[i], table.comment)
                    # «перезвоны» of 'Обратные звонки клиентам': one everyday noun for the comment's phrase
                    or colloquial.restates_comment_phrase(request.tokens[i], table.comment)
                    # «ветеринаров» of 'Ветеринарные врачи': the person the adjective is made of (planner100)
                    or colloquial.person_of_adjective(request.tokens[i], table.comment)
                    # «Мультфильмы (жанр animation)»: a kind of the head noun, the kind said in brackets
                    or _glossed_compound_of_head(request, i, head, table)
                )
            }
            indices = sorted({i for i, m in meanings.items() if i not in used and m & comment} | tail)
            if indices and table.qualified_name not in hits:
                hits[table.qualified_name] = (table, indices)
                # the comment's first word and a bracketed apposition noun ('Поездки (аренды)') head it
                head_nouns = comment_head_stems(table.comment)
                # and the noun past its leading adjectives: «групповые занятия» head 'Групповые занятия
                # (расписание)', whose phrase 'Записи клиентов на групповые занятия' only ends with
                noun = comment_noun_stem(table.comment)
                head_nouns |= {noun} if noun else set()
                heads[table.qualified_name] = {i for i in indices if meanings[i] & head_nouns} | tail
        # «оценки студентов»: «студентов» heads 'Студенты (контингент)' and only modifies 'Записи студентов
        # на дисциплины'; a comment hit left with no word of its own is no candidate.
        for name in list(heads):
            others = set().union(*(h for other, h in heads.items() if other != name))
            own = [i for i in hits[name][1] if i not in others or i in heads[name]]
            if not own:
                del hits[name]
        hits = self._head_of_complement(request, tables, hits)
        usable_at = [i for i, _ in usable]
        if hits and all(_after_with(request, i) for _, indices in hits.values() for i in indices):
            # «ресторанчики с доставкой»: a table named only by the noun after «с» (deliveries) is a state of
            # the rows a colloquial noun names; both are candidates, and the state's table is dropped later
            heads_ = [i for i in usable_at if not _after_with(request, i)]
            hits = {**self._colloquial_hits(request, tables, heads_), **hits}
        return (
            hits
            or self._role_noun_hits(request, tables, usable_at)
            or self._colloquial_hits(request, tables, usable_at)
            or self._head_noun_hits(tables, meanings)
        )

    def _head_of_complement(
        self, request: Request, tables: list[Table], hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«Регистрации на мероприятия», "registrations for events": a head noun meaning a part of a table's
        name (registr of event_registrations), a preposition, then the word naming a table whose name is that
        name's other part (circ.events 'Мероприятия библиотек'): the head's table is named, by both words, and
        the complement's table (named by fewer words) gives way to it (planner116)."""
        added: dict[str, tuple[Table, list[int]]] = {}
        for _, (named, indices) in hits.items():
            other = set(name_parts(named.name))
            for k in indices:
                j = k - 1  # the preposition: before the word, or before one modifier ("for library events")
                if j > 1 and request.tokens[j] not in MODIFIER_LINKS and j - 1 not in indices:
                    j -= 1
                if j < 1 or request.tokens[j] not in MODIFIER_LINKS or j - 1 in indices:
                    continue
                head = self.vocabulary.meanings(request.tokens[j - 1])
                for table in tables:
                    parts = set(name_parts(table.name))
                    if table is named or len(parts) < 2 or not head & parts or not parts <= head | other:
                        continue
                    added.setdefault(table.qualified_name, (table, sorted({j - 1, *indices})))
        return {**hits, **added}

    def _glossed_elsewhere(
        self,
        request: Request,
        tables: list[Table],
        meanings: dict[int, frozenset[str]],
        hits: dict[str, tuple[Table, list[int]]],
    ) -> dict[str, tuple[Table, list[int]]]:
        """«брони» of circ.holds 'Бронирования книг', not of books: a Russian word reaching a table's English
        name only through the glossary's English key (бронь -> "booking", stemmed "book") names the one other
        table whose comment is headed by a word of that same key ('Бронирования' -> "book"), when the named
        table's own comment shares no meaning with it ('Книги (произведения) каталога'). The catalog owner's
        comment is the glossary that decides; two such comments leave the hit as it was."""
        moved: dict[str, tuple[Table, list[int]]] = {}
        for name, (table, indices) in hits.items():
            if not indices or not all(CYRILLIC_WORD.fullmatch(request.tokens[i]) for i in indices):
                moved[name] = (table, indices)
                continue
            said = frozenset().union(*(meanings[i] for i in indices))
            own = set(name_parts_of_text(table.comment)) | self._comment_head_synonyms(table)
            if not table.comment or said & own:
                moved[name] = (table, indices)
                continue
            # the very English part that named the table heads the other's comment ("book" of 'Бронирования'):
            # the key is two words' stem, not «транзакции» reaching 'Платежи' through another meaning
            part = said & set(name_parts(table.name))
            headed = [
                t
                for t in tables
                if t is not table and part & (comment_head_stems(t.comment) | self._comment_head_synonyms(t))
            ]
            if len(headed) != 1:
                moved[name] = (table, indices)
                continue
            moved.setdefault(headed[0].qualified_name, (headed[0], list(indices)))
        return moved

    def _comment_head_synonyms(self, table: Table) -> frozenset[str]:
        """The glossary's English name parts for the nouns heading the table's comment ("vehicle" of
        'Автомобили клиентов', "doctor" of 'Ветеринарные врачи'): a request word meaning one of them names
        the table as the comment's own word would. A generic head ('Справочник ...') gives none."""
        found: set[str] = set()
        for word in comment_head_words(table.comment):
            token = next(iter(tokenize(word)), None)
            if token is not None and token.lemmas & heads.GENERIC_RU:
                continue
            found |= {m for m in self.vocabulary.meanings(word) if m.isascii()}
        return frozenset(found)

    def _glosses_other_schemas(self, word: str, table: Table, tables: list[Table]) -> bool:
        """A schema's name that is also a word of comments outside that schema ("charging" of the schema
        `charging` and of 'Зарядные станции', 'Тарифы на зарядку') does not name the schema's one table: it
        says what several tables are about, so they stay candidates (planner70)."""
        schema = table.qualified_name.partition(".")[0]
        meanings = self.vocabulary.meanings(word)
        return any(
            meanings & {m for w in words(other.comment or "") for m in self.vocabulary.meanings(w)}
            for other in tables
            if other.qualified_name.partition(".")[0] != schema
        )

    def _head_noun_hits(
        self, tables: list[Table], meanings: dict[int, frozenset[str]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """No table named otherwise: "tickets" is the head noun (the last part) of support_tickets, a name of
        several words; it names that table when no other table of the connection has that head, so two
        tables ending alike («sim_cards», «fuel_cards» in one database) stay a question."""
        by_head: dict[str, list[Table]] = {}
        for table in tables:
            parts = [p for p in name_parts(table.name) if p not in TABLE_AFFIXES]
            if len(parts) > 1:
                by_head.setdefault(parts[-1], []).append(table)
        hits: dict[str, tuple[Table, list[int]]] = {}
        for head, owners in by_head.items():
            indices = [i for i, m in meanings.items() if head in m]
            elsewhere = any(head in name_parts(t.name) for t in tables if t not in owners)  # "tickets"
            if len(owners) == 1 and indices and not elsewhere:
                hits[owners[0].qualified_name] = (owners[0], indices)
        return hits

    def _role_noun_hits(
        self, request: Request, tables: list[Table], usable: list[int]
    ) -> dict[str, tuple[Table, list[int]]]:
        """No table named: «льготников» is the noun one boolean column's comment consists of ('Льготник'),
        so it names the rows of that column's table (the filter then reads the flag as true)."""
        roles = [
            (lemma, table)
            for table in tables
            for column in table.columns
            if "bool" in column.type.lower() and (lemma := role_noun_of(column)) is not None
        ]
        hits: dict[str, tuple[Table, list[int]]] = {}
        for i in usable:  # «уволенных, т.е. ...»: a plural participle naming the event of one table's column
            token = next(iter(tokenize(request.raw[i])), None)
            best = token.parses[0] if token is not None and token.parses else None
            if (
                token is None
                or token.lang != "ru"
                or best is None
                or best.pos != "PRTF"
                or best.number != "plur"
            ):
                continue
            events = [t for t in tables if len(self.filters._event_columns_of(t, token)) == 1]
            if len(events) == 1:
                hits.setdefault(events[0].qualified_name, (events[0], []))[1].append(i)
        if hits or not roles:
            return hits
        for i in usable:
            token = next(iter(tokenize(request.raw[i])), None)
            for lemma, table in roles:
                if token is not None and token.has({lemma}, pos=("NOUN",)):
                    hits.setdefault(table.qualified_name, (table, []))[1].append(i)
        return hits

    def _colloquial_hits(
        self, request: Request, tables: list[Table], usable: list[int]
    ) -> dict[str, tuple[Table, list[int]]]:
        """No table named in full: a Russian word that spells the English name by ear («хабы» = hubs) or
        folds the comment's adjective + noun into «-ка» («расчётки» = 'Расчётные листки'). Every table it
        fits is a candidate, so two fits make a question, not a guess."""
        hits: dict[str, tuple[Table, list[int]]] = {}
        for i in usable:
            token = request.tokens[i]
            if not CYRILLIC_WORD.fullmatch(token) or token in request.claimed:
                continue
            folded = univerbation_stems(token)
            bases = colloquial.diminutive_bases(token)
            for table in tables:
                parts = [p for p in re.split(r"[_.]", table.name.lower()) if p]
                comment = set(name_parts_of_text(table.comment)) - STOP_STEMS
                if (
                    (parts and transliterates(token, parts[-1]))
                    or folded & comment
                    or any(self._base_names_table(base, table, parts) for base in bases)
                ):
                    hits.setdefault(table.qualified_name, (table, []))[1].append(i)
        # «билетики»: the table the base heads ('Авиабилеты') beats one whose comment only glosses it
        # ('Бронирования (заказы билетов)') (planner51)
        headed = {
            name: hit
            for name, hit in hits.items()
            if any(
                self._heads_comment(base, hit[0])
                for i in hit[1]
                for base in colloquial.diminutive_bases(request.tokens[i])
            )
        }
        return headed or hits

    def _base_names_table(self, base: str, table: Table, parts: list[str]) -> bool:
        """The base of a diminutive or clipped noun («тариф» of «тарифчики», «сим» of «симки») names
        `table`: a glossary word of its name («заказ» = order), a lemma of its comment («звонок» of
        'Детализация звонков'), its name spelled by ear («тариф» ~ tariffs, «сим» ~ sim_cards) (planner22)."""
        own = {stem(p) for p in parts}
        if self.vocabulary.meanings(base) & own or self._heads_comment(base, table):
            return True
        comment = tokenize(table.comment or "")
        if any(base in t.lemmas for t in comment if t.lang == "ru"):
            return True
        sounds = colloquial.skeleton(base)
        latin = [*parts, *(t.lower for t in comment if t.lang == "en")]
        latin += [re.sub(r"(?<=[^aeiou])es$|s$", "", p) for p in latin]  # tariffs -> tariff
        return len(sounds) >= 2 and any(
            colloquial.skeleton(p) == sounds and (p[0] in "aeiou") == (base[0] in "аеёиоуыэюя") for p in latin
        )

    def _match_tables(self, request: Request, conn_id: str) -> list[Table]:
        """The table(s) the request is about: the head noun when one table word modifies another."""
        hits = self._table_hits(request, conn_id)
        topic = self._topic_tables(request, conn_id)
        if len(topic) > 1:  # «всё по животным»: pets, owners and vaccinations say it; one load, asked which
            return topic
        hits = self._without_domain_data_words(request, conn_id, hits)
        hits = self._without_flag_only_tables(request, hits)
        hits = self._without_counted_tables(request, hits)
        hits = self._without_agent_words(request, hits)
        hits = self._without_key_list_words(request, hits)
        hits = self._without_listed_value_words(request, conn_id, hits)
        hits = _without_covered_hits(hits)
        # planner133: once the mask clause's words are set aside («…, телефон скрыть»), a table left named
        # only by words of another's («звонки» of «обратные звонки») is no candidate either
        clause = self._mask_clause(request)
        masked = set(range(*clause)) if clause is not None else set()
        hits = _without_covered_hits(self._outside_mask_clause(request, conn_id, hits), masked)
        hits = self._not_column_words(request, hits)
        hits = self._without_generic_heads(request, hits)
        hits = self._with_role_phrases(request, conn_id, hits)
        whole = self._said_by_whole_comment(request, hits)
        hits = {whole: hits[whole]} if whole else hits
        order = {t.qualified_name: i for i, t in enumerate(self.catalog.tables_of(conn_id))}
        calling = self._tables_calling_rows_so(request, conn_id, hits)
        if calling:  # «объекты»: the bracketed name of one table, the rows of another: asked, naming both
            return sorted([*(t for t, _ in hits.values()), *calling], key=lambda t: order[t.qualified_name])
        if self._unknown_head_noun(request, hits) or heads.unknown_head(self, request, hits):
            return []  # «таблицу штрафов курьеров», «отзывы покупателей»: couriers only qualify it -> asked
        found = sorted(((indices[0], table) for table, indices in hits.values()), key=lambda pair: pair[0])
        listed = self._tables_of_listed_references(request, conn_id, hits, found)
        coordinated = [
            t for t in self._coordinated_tables(request, conn_id) if t.qualified_name not in listed
        ]
        found = [(i, table) for i, table in found if table.qualified_name not in listed]
        if len(coordinated) > 1 and not whole:  # "calls and data sessions": two loads in one request: asked
            return sorted(coordinated, key=lambda t: order[t.qualified_name])
        if len(found) > 1:
            head = self._head_of_chain(request, found)
            if head:
                return [head]
            valued = _tables_listing_bracketed_value(request, [table for _, table in found])
            if valued is not None:
                return [valued]
            kept = self._table_of_state_or_measure(request, found)
            if kept is not None:
                return [kept]
            # «Удовлетворённые жалобы»: the one table listing a meaning the request says (planner133)
            kept = table_saying_meaning(tokenize(request.text), [table for _, table in found])
            if kept is not None:
                return [kept]
            if request.language == "en":  # "calls the driver hung up on": 'сброшен водителем' (planner134)
                spans = {n: (t, [request.spans[i] for i in ix]) for n, (t, ix) in hits.items()}
                meant = english_meanings.table_of_meaning(request.text, spans)
                if meant is not None:
                    return [meant]
        return sorted((table for _, table in found), key=lambda t: order[t.qualified_name])

    def _without_listed_value_words(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """The hits less a table named only by words spelling a value another table's column lists
        (planning/listed_phrases): "on site" of equipment_rentals' on_site names no sites when equipment
        rentals are named too; "Meter replacement requests" of service_requests' meter_replacement, the
        value right before that table's head noun, names service_requests, not metering.meters."""
        if not hits:
            return hits
        spelled = functools.cache(lambda table: listed_phrases.listed_value_indices(request.tokens, table))
        phrases = functools.cache(lambda table: listed_phrases.listed_value_indices(request.tokens, table, 2))
        tables = self.catalog.tables_of(conn_id)
        kept: dict[str, tuple[Table, list[int]]] = {}
        for name, (table, indices) in hits.items():
            said = set(indices)
            if said and any(other != name and said <= spelled(t) for other, (t, _) in hits.items()):
                continue
            owner = next(
                (
                    (t, head)
                    for t in tables
                    if said
                    and t is not table
                    and said <= spelled(t)
                    and (head := _past_run(max(said), spelled(t))) < len(request.tokens)
                    and _head_noun_of(t) in self.vocabulary.meanings(request.tokens[head])
                ),
                None,
            )
            if owner is not None:
                kept.setdefault(owner[0].qualified_name, (owner[0], sorted({*said, owner[1]})))
                continue
            if said and len(hits) == 1 and any(t is not table and said <= phrases(t) for t in tables):
                continue  # "specialists who are not on shift": is_on_shift's words, no support.shifts
            kept[name] = (table, indices)
        return kept

    def _tables_calling_rows_so(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> list[Table]:
        """«Объекты» over 'Строительные проекты (объекты по договорам …)' and sites whose columns say 'Тип
        объекта', 'Дата сдачи объекта': a noun naming one table only through its comment's bracketed second
        name is what another table's column comments call that table's rows, so both tables answer it and
        which one is asked, naming both (planner127). A table's own name or head noun, or the noun its own
        column comments call its rows, keeps it alone."""
        if len(hits) != 1:
            return []
        (table, indices) = next(iter(hits.values()))
        said = {stem(request.tokens[i]) for i in indices}
        own = set(name_parts(table.name)) | {stem(w) for w in words(table.comment or "")[:1]}
        own |= {noun} if (noun := comment_noun_stem(table.comment)) else set()
        own |= heads.rows_called_by_columns(table)  # policies' 'Дата заключения договора'
        if not said or said & own or not said <= heads.apposition_stems(table.comment):
            return []
        return [
            t
            for t in self.catalog.tables_of(conn_id)
            if t is not table and said <= heads.rows_called_by_columns(t)
        ]

    def _table_of_state_or_measure(self, request: Request, found: list[tuple[int, Table]]) -> Table | None:
        """The one of several tables a noun fits that the words around the noun say: «Неявки на приём» of
        appointments 'Записи на приём' and invoices 'Счета за приём' (a state noun before the table's word
        that a listed value of one of them means: no_show of appointments), «Объекты площадью от ста
        квадратов» of properties and listings 'Объявления (объекты в экспозиции)' (a measure in the
        instrumental before a comparison that a number column of one of them holds: area_m2), "properties
        over 100 square meters" (a unit one of them keeps a column in). None when no word, or words pointing
        at different tables or at several, say it (planner105)."""
        tables = [table for _, table in found]
        table_words = {i for i, _ in found}
        first = min(table_words)
        words_ = [t for t in tokenize(request.text) if t.lang != "punct"]
        chosen: set[str] = set()
        by_name = {t.qualified_name: t for t in tables}
        for k, token in enumerate(words_):
            index = request.token_at(token.start)
            if index in table_words or request.is_handled(token.start):
                continue
            if any(a <= token.start < b for a, b in request.schedule_spans):
                continue
            pointed: set[str] = set()
            if token.lang == "ru" and index < first and any(p.pos == "NOUN" for p in token.parses):
                pointed = {t.qualified_name for t in tables if self.filters._listed_in(t, token)}
            elif token.lang == "ru" and index == first - 1 and token.parses and token.parses[0].pos == "ADJF":
                # «Гарантийные ремонты» of work_orders 'Заказ-наряды на ремонт' (is_warranty 'Гарантийный
                # ремонт') and appointments 'Записи на ремонт': the adjective of one table's flag (planner128)
                pointed = {
                    t.qualified_name for t in tables if self._names_flag_or_its_negation(t, token.lower)
                }
            if token.lang == "ru" and any(p.pos == "NOUN" and p.case == "ablt" for p in token.parses):
                after = words_[k + 1].lower if k + 1 < len(words_) else ""
                if after in _MEASURE_COMPARISONS:
                    # «Приёмы длительностью …»: only a table the noun heads; the duration of the procedures
                    # 'Процедуры, выполненные на приёме' is no appointment's length
                    pointed = {
                        t.qualified_name
                        for i, t in found
                        if self._measure_named(t, token.lower) and _heads_comment(request.tokens[i], t)
                    }
            if not pointed:
                continue
            if len(pointed) > 1 or (chosen and pointed != chosen):
                return None
            chosen = pointed
        unit = _AREA_UNIT_AFTER_NUMBER.search(request.lower)
        if unit is not None:
            kept = {t.qualified_name for t in tables if _area_columns(t)}
            if len(kept) > 1 or (chosen and kept and kept != chosen):
                return None
            chosen = chosen or kept
        return by_name[chosen.pop()] if len(chosen) == 1 else None

    def _names_flag_or_its_negation(self, table: Table, word: str) -> bool:
        """`word` names one yes/no column of `table` («гарантийные» of 'Гарантийный ремонт'), or does so after
        its prefix «не» («негарантийные»)."""
        if self.filters.names_one_flag(table, word):
            return True
        return word.startswith("не") and len(word) > 6 and self.filters.names_one_flag(table, word[2:])

    def _measure_named(self, table: Table, word: str) -> bool:
        """`word` names a number column of `table` that holds a quantity (not a key, not a time)."""
        columns = [table.column(name) for name in self._columns_in(table, word)]
        return any(
            column is not None
            and _is_quantity_column(column)
            and not _is_time_column(column)
            and not column.name.endswith("_id")
            and column.name != "id"
            for column in columns
        )

    def _topic_tables(self, request: Request, conn_id: str) -> list[Table]:
        """«всё по животным», «все про заказы», "everything about students": the pronoun "everything" and a
        preposition of topic make the noun after them a topic, not a table: every table whose name or comment
        says the noun is about it (pets 'Животные', owners 'Владельцы животных', vaccinations 'Прививки
        животных'). Several such tables are returned so the planner asks which one (one pipeline loads one
        table); one (or none) leaves the noun to name its table as usual. «всех клиентов», "all orders" name
        the rows of one table and are no topic (planner98)."""
        tokens = request.tokens
        for i in range(len(tokens) - 2):
            k = _topic_noun_at(tokens, i)
            if k is None:
                continue
            while k < len(tokens) and tokens[k] in _TOPIC_DETERMINERS:
                k += 1
            if k >= len(tokens) or tokens[k] in request.claimed:
                continue
            meanings = self.vocabulary.meanings(tokens[k])
            tables = self.catalog.tables_of(conn_id)
            said = [
                table
                for table in tables
                if set(name_parts(table.name)) <= meanings
                or any(meanings & self.vocabulary.meanings(w) for w in words(table.comment or ""))
            ]
            if len(said) != 1:
                return said
            # «всё, что есть по врачам»: everything about the vets is the vets and the rows that refer to
            # them (appointments, treatments, vaccinations by vet_id): several tables, asked (planner100)
            (own,) = said
            return [
                table
                for table in tables
                if table is own or any(fk.ref_table == own.qualified_name for fk in table.foreign_keys)
            ]
        return []

    def _without_generic_heads(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«справочник аптек», «реестр фармацевтов»: a generic noun for rows (heads.GENERIC_RU) right before a
        genitive naming another table is that table's rows, so it names no table of its own, not even the one
        whose comment it heads ('Справочник лекарственных препаратов'); «справочник препаратов» stays that
        table's, and so do «записи пациентов» of 'Записи пациентов на приём', whose comment says the genitive
        too (planner87, ah-ru-001 was asked between the pharmacies and the drugs)."""
        if len(hits) < 2:
            return hits
        at = {t.start: t for t in tokenize(request.text)}
        generic: set[int] = set()
        for name, (table, indices) in hits.items():
            comment = {lemma for t in tokenize(table.comment or "") for lemma in t.lemmas}
            for i in indices:
                word = at.get(request.spans[i][0])
                after = at.get(request.spans[i + 1][0]) if i + 1 < len(request.spans) else None
                if (
                    word is None
                    or after is None
                    or word.lang != "ru"
                    or not word.lemmas & heads.GENERIC_RU
                    or i + 1 in indices
                    or request.text[word.end : after.start].strip()
                    or not any(p.pos == "NOUN" and p.case == "gent" for p in after.parses[:2])
                    or after.lemmas & comment  # «записи пациентов» of 'Записи пациентов на приём'
                ):
                    continue
                if any(i + 1 in found for other, (_, found) in hits.items() if other != name):
                    generic.add(i)
        if not generic:
            return hits
        kept = {name: (t, [i for i in found if i not in generic]) for name, (t, found) in hits.items()}
        return {name: value for name, value in kept.items() if value[1]}

    def _with_role_phrases(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«заведующие аптеками» of pharmacists.is_head 'Заведующий аптекой': a yes/no column whose comment is
        a role and its complement, said by lemma word for word, names the rows of the column's table (the
        flag then reads true); the complement («аптеками») only says of what, so the table it names alone
        (the pharmacies) is no candidate (planner87, ah-ru-008 was asked about a column of another table)."""
        at = {t.start: t for t in tokenize(request.text)}
        said = [at.get(start) for start, _ in request.spans]
        for table in self.catalog.tables_of(conn_id):
            for column in table.columns:
                if "bool" not in column.type.lower():
                    continue
                phrase = [
                    t for t in tokenize(re.sub(r"\([^()]*\)", " ", column.comment or "")) if t.lang != "punct"
                ]
                if len(phrase) != 2 or not _role_and_complement(phrase[0], phrase[1]):
                    continue
                for i in range(len(said) - 1):
                    role, complement = said[i], said[i + 1]
                    if (
                        role is None
                        or complement is None
                        or not role.lemmas & phrase[0].lemmas
                        or not complement.lemmas & phrase[1].lemmas
                        or request.text[role.end : complement.start].strip()
                    ):
                        continue
                    kept = {
                        name: (t, [k for k in found if k not in (i, i + 1)])
                        for name, (t, found) in hits.items()
                        if name != table.qualified_name
                    }
                    own = hits.get(table.qualified_name, (table, []))[1]
                    kept = {name: v for name, v in kept.items() if v[1]}
                    return {table.qualified_name: (table, sorted({*own, i, i + 1})), **kept}
        return hits

    def _said_by_whole_comment(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> str | None:
        """«Операции по счетам и картам» of core.transactions 'Операции по счетам и картам': the table whose
        whole comment (outside brackets, three words or more) the request says word by word, by lemma, is
        the one meant when every other table named is named only by words inside that phrase (accounts,
        cards), and the «и» inside it joins no two loads; planner84 (it was asked as two or three tables)."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        whole = []
        for name, (table, _) in hits.items():
            head = re.sub(r"\([^()]*\)", " ", table.comment or "")
            comment = [t for t in tokenize(head) if t.lang != "punct"]
            if len(comment) < 3:
                continue
            for k in range(len(tokens) - len(comment) + 1):
                run = tokens[k : k + len(comment)]
                if all(a.lower == b.lower or a.lemmas & b.lemmas for a, b in zip(run, comment, strict=True)):
                    whole.append((name, run[0].start, run[-1].end))
                    break
        if len(whole) != 1:
            return None
        name, start, end = whole[0]
        others = [i for other, (_, found) in hits.items() if other != name for i in found]
        inside = all(start <= request.spans[i][0] < end for i in others)
        return name if inside else None

    def _without_domain_data_words(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """ "hotel data" of the hotel chain's database (pg_hotel, database hotel): the word before "data"
        names the whole database, not the table that shares the word (hotels), so it names no table and the
        planner asks which one; "customer data", "guest data" still name their tables."""
        conn = self.catalog.connections.get(conn_id)
        if conn is None:
            return hits
        # a schema holding several tables ("metering": meters, readings, telemetry) names a domain too:
        # "metering data" is all of them, not the one table that shares the word (planner94)
        # a schema holding several tables ("metering": meters, readings, telemetry) names a domain too, by
        # the word itself, not its stem: "metering data" asks which table, "meters data" still names meters
        schemas = [t.schema for t in self.catalog.tables_of(conn_id)]
        shared = {s for s in schemas if schemas.count(s) > 1 and s != "public"}
        domain = {
            m
            for w in words(f"{conn.conn_id.replace('_', ' ')} {conn.database}")
            for m in self.vocabulary.meanings(w)
        } - CONN_FILLER
        said = {
            i
            for i, token in enumerate(request.tokens[:-1])
            if request.tokens[i + 1] in DATA_WORDS
            and (self.vocabulary.meanings(token) & domain or token in shared)
            # "the hotel stuff", "hotel things": vaguer still, only the database's own word (planner102)
            # "the booking stuff" of the schema booking (rooms, reservations, reviews): a schema of several
            # tables is a topic too, even when its word also names one of them ('Бронирования') (planner104)
            or request.tokens[i + 1] in VAGUE_DATA_WORDS
            and bool(self.vocabulary.meanings(token) & domain or token in shared)
        }
        said |= _topic_before_vague_noun(request)
        if not said:
            return hits
        kept = {name: (table, [i for i in found if i not in said]) for name, (table, found) in hits.items()}
        return {name: hit for name, hit in kept.items() if hit[1]}

    def _without_flag_only_tables(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«умные счётчики», «счётчики, только умные», «платежи картой»: a table ('Телеметрия умных
        счётчиков', 'SIM-карты') named, beyond the words of another named table (meters 'Приборы учёта
        (счётчики)', payments), only by words that say a state or a value of that other table (its flag
        is_smart 'Умный счётчик с телеметрией', its channel 'card') is not the one meant: the words are the
        other table's flag or value. A word that is the table's own head («телеметрию») still names it
        (planner26)."""
        dropped = set()
        for name, (table, indices) in hits.items():
            for other, (other_table, other_indices) in hits.items():
                extra = set(other_indices) - set(indices)
                if (
                    other != name
                    and extra
                    and all(
                        (
                            self._says_row_state(table, request.raw[i])
                            # «рестораны с доставкой»: after «с»/«без» the noun qualifies, heading no table
                            and (
                                _after_with(request, i)
                                or not self._is_head_noun_of(request.raw[i], other_table)
                            )
                            or self._after_state_word(request, i, table)
                        )
                        and not self._in_compound(request, i)
                        for i in extra
                    )
                ):
                    dropped.add(other)
        return {name: hit for name, hit in hits.items() if name not in dropped}

    def _without_agent_words(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«записи на ремонт, подтверждённые клиентами»: a noun in the instrumental right after a passive
        participle is its agent (who confirmed the rows), not a table to load, when another table is named;
        the filter rules then read the agent or ask about it (`RowFilters._agent_questions`)."""
        if len(hits) < 2:
            return hits
        agents = {i for i in range(len(request.spans)) if self._agent_at(request, i)}
        if not agents:
            return hits
        kept = {
            name: (table, indices) for name, (table, indices) in hits.items() if not set(indices) <= agents
        }
        return kept or hits

    @staticmethod
    def _agent_at(request: Request, index: int) -> bool:
        """Word `index` is the instrumental agent of the passive participle right before it, nothing between
        («подтверждённые клиентами»)."""
        if not 0 < index < len(request.spans):
            return False
        if request.text[request.spans[index - 1][1] : request.spans[index][0]].strip():
            return False
        pair = tokenize(request.text[request.spans[index - 1][0] : request.spans[index][1]])
        return len(pair) == 2 and grammar.agent_after_participle(pair, 1)

    def _without_counted_tables(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«залы со 100 местами», «кинотеатры с более чем 5 залами», «сеансы, где продано больше 100 мест»: a
        table named only by a noun counted after «с»/"with" or a comparison (tickets 'Билеты (проданные
        места)', halls), and words of the same column's comment, is not the one meant when another named table
        has a numeric column that noun names (halls.seats 'Число мест', cinemas.halls_count 'Количество
        залов', screenings.seats_sold 'Продано мест'): the noun is that column's count (planner63)."""
        if len(hits) < 2:
            return hits
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        counted = {request.token_at(said.noun.start): said.noun for said in counted_nouns(tokens)}
        by_start = {t.start: t for t in tokens}
        for match in COUNTED.finditer(request.text):  # «сеансы, на которые продано больше ста мест»
            if match.start("w1") in by_start:
                counted[request.token_at(match.start("w1"))] = by_start[match.start("w1")]
        if not counted:
            return hits
        dropped = {
            name
            for name, (_, indices) in hits.items()
            if any(
                self._counts_column_of(request, other_table, counted, indices)
                for other, (other_table, _) in hits.items()
                if other != name
            )
        }
        kept = {name: hit for name, hit in hits.items() if name not in dropped}
        return kept or hits

    def _counts_column_of(
        self, request: Request, table: Table, counted: dict[int, Token], indices: list[int]
    ) -> bool:
        """The words at `indices` (naming another table) are a count of one of `table`'s numeric columns: a
        counted noun naming it, and any other word a word of its comment («продано … мест» of seats_sold
        'Продано мест')."""
        columns = {
            name
            for i in indices
            if i in counted
            for name in self.filters._numeric_columns_named(table, counted[i])
        }
        if not columns:
            return False
        said = set().union(*(comment_lemmas(c.comment or "") for c in table.columns if c.name in columns))
        return all(
            i in counted or any(word.lemmas & said for word in tokenize(request.raw[i])) for i in indices
        )

    @staticmethod
    def _in_compound(request: Request, i: int) -> bool:
        """Word `i` is a part of a hyphenated compound («сим-картам»: a SIM card, not the value 'card')."""
        spans, text = request.spans, request.text
        before = text[spans[i - 1][1] : spans[i][0]] if i > 0 else ""
        after = text[spans[i][1] : spans[i + 1][0]] if i + 1 < len(spans) else ""
        return before == "-" or after == "-"

    def _says_row_state(self, table: Table, word: str, verb: bool = False) -> bool:
        """`word` names one yes/no column's state of `table` or, by the glossary or VALUE_MEANINGS, a value
        one of its columns' comments lists («картой» -> 'card' of 'Канал оплаты (card, sbp, ...)', «на
        обслуживании» -> 'maintenance'); with `verb` a verb of the process too («готовятся» -> 'cooking')."""
        if self.filters.names_one_flag(table, word):
            return True
        meanings = self.vocabulary.meanings(word.lower())
        said = next(iter(tokenize(word)), None)
        meant = (
            value_meanings(said, predicate=verb, verb=verb and in_present(said.lower))
            if said is not None and said.lang == "ru"
            else set()
        )
        return any(
            v.lower() in meanings or stem(v.lower()) in meant
            for c in table.columns
            for v in listed_values(c.comment)
        )

    def _after_state_word(self, request: Request, index: int, table: Table) -> bool:
        """Word `index` is the object of a state word of `table` right before it, a preposition between:
        «готовятся на кухне» ('cooking' of orders), «недоступные для заказа» (is_available 'Доступно для
        заказа'): the phrase says the rows' state, so its noun heads no table of its own (planner82). So does
        the object of a present verb that makes one listed code with it («ждут запчасти»: planner128)."""
        if index >= len(request.raw):
            return False
        if index >= 1 and says_code_with_verb(request.raw[index - 1], request.raw[index], table):
            return True
        if index < 2 or request.tokens[index - 1] not in STATE_PHRASE_PREPOSITIONS:
            return False
        word = request.raw[index - 2]
        if index >= 3 and request.text[request.spans[index - 3][1] : request.spans[index - 2][0]] == "-":
            # «заказы из колл-центра на доставку»: the compound spells a listed code piece by piece
            # (call_center), a value of `table` as «из приложения» is (planner152)
            compound = f"{request.raw[index - 3]}-{word}".lower()
            if any(
                _transliterates_pieces(compound, v.lower())
                for c in table.columns
                for v in listed_values(c.comment)
            ):
                return True
        negated = word[2:] if word.lower().startswith("не") and len(word) > 6 else None  # «недоступные»
        return self._says_row_state(table, word, verb=True) or (
            negated is not None and self._says_row_state(table, negated, verb=True)
        )

    @staticmethod
    def _is_head_noun_of(word: str, table: Table) -> bool:
        """`word` is the table's own head: its comment's first word («телеметрию» of 'Телеметрия умных
        счётчиков') or a part of its name, not a word of the comment's modifiers."""
        first = next((t for t in tokenize(table.comment or "") if t.lang != "punct"), None)
        said = next(iter(tokenize(word)), None)
        if said is None:
            return False
        if first is not None and said.lemmas & first.lemmas:
            return True
        return stem(said.lower) in {stem(p) for p in name_parts(table.name)}

    def _coordinated_tables(self, request: Request, conn_id: str) -> list[Table]:
        """ "load calls and data sessions", «показания и счётчики», "subscribers, sim cards": the words on
        either side of «и»/and/a comma each name a table, and not the same ones: two tables in one load
        (07o family 4, planner24). An exact name on one side no longer hides a table named in words on the
        other, nor does a word of one table's comment («счётчиков» of 'Показания счётчиков') hide the table
        the coordinated noun names. [] when no such pair (the caller's reading stands)."""
        tokens, spans = request.tokens, request.spans
        mask = _mask_cue(request)
        # the mask's clause («..., телефоны покупателей скрыть»): its nouns qualify the columns to mask
        mask_from = (
            max(request.lower.rfind(p, 0, mask.start()) for p in ",;.") + 1 if mask else len(request.text)
        )
        found: dict[str, Table] = {}
        described = clauses.condition_clause_indices(request)
        for k in range(1, len(tokens) - 1):
            comma = "," in request.text[spans[k - 1][1] : spans[k][0]]
            if tokens[k] not in COORDINATORS and not comma:
                continue
            if comma and k in described:
                continue  # «строки чеков, проданные по акции»: a participial phrase on the rows, no list item
            if spans[k][0] >= mask_from:
                continue  # "mask phone and email": the mask list's items, not tables
            right_at = k + 1 if tokens[k] in COORDINATORS else k
            while right_at < len(tokens) - 1 and tokens[right_at] in ALSO_WORDS:
                right_at += 1  # «тарифы, а также абонентов», "tariffs as well as subscribers"
            if right_at < len(tokens) and tokens[right_at] in CLAUSE_OPENERS | PREPOSITIONS | STATE_CUES:
                continue  # «счётчики, где счётчик не умный», «счётчики, только умные»: a clause, no list item
            if comma and self._agent_at(request, right_at + 1):
                continue  # «записи, подтверждённые клиентами»: a participle and its agent, no list item
            if right_at < len(tokens) and self._hyphenated_listed_value(request, conn_id, right_at):
                continue  # "reservations, no-shows only": a listed code ('no_show'), not «номер» and shows
            value_at = right_at + int(right_at < len(tokens) and tokens[right_at] in DETERMINERS)  # "the"
            left = self._window_tables(request, conn_id, k - 1, -1) or self._past_claimed_qualifier(
                request, conn_id, k - 1
            )
            if tokens[k] in COORDINATORS:  # "the mortgages and the deposits": a value's rows, one side
                left = left or self._value_table(request, conn_id, k - 1)
            if comma and any(self._after_state_word(request, right_at + 2, t) for t in left.values()):
                continue  # «брони, готовые к выдаче»: the rows' state ('ready'), not loans 'Выдачи'
            right = self._window_tables(request, conn_id, right_at, 1)
            if tokens[k] in COORDINATORS:
                right = right or self._value_table(request, conn_id, value_at)
            if left and right and left != right:
                for table in (*left.values(), *right.values()):
                    found.setdefault(table.qualified_name, table)
        return list(found.values())

    def _hyphenated_listed_value(self, request: Request, conn_id: str, at: int) -> bool:
        """Word `at` opens a hyphenated word that spells, maybe as an English plural, a code a column of the
        connection lists ("no-shows" of 'Статус брони (..., no_show)'; planner105)."""
        whole = _HYPHENATED.match(request.lower, request.spans[at][0])
        if whole is None:
            return False
        spelled = whole.group(0).replace("-", "_")
        forms = {spelled, spelled[:-1] if spelled.endswith("s") else spelled}
        return any(
            value.lower() in forms
            for table in self.catalog.tables_of(conn_id)
            for column in table.columns
            for value in listed_values(column.comment)
        )

    def _past_claimed_qualifier(self, request: Request, conn_id: str, at: int) -> dict[str, Table]:
        """«сессии зарядки и платежи»: word `at` («зарядки») was claimed as a word of the connection's
        description ("EV charging ... database") but is a word of the comment of the table the word before it
        names ('Сессии зарядки'): that table is the left side of the pair. {} otherwise."""
        tokens = request.tokens
        if at < 1 or tokens[at] not in request.claimed or tokens[at - 1] in request.claimed:
            return {}
        tables = self.catalog.tables_of(conn_id)
        if not self.vocabulary.meanings(tokens[at]) & self._own_phrase_meanings(tokens[at - 1], tables):
            return {}
        return self._window_tables(request, conn_id, at - 1, -1)

    def _value_table(self, request: Request, conn_id: str, at: int) -> dict[str, Table]:
        """ "the mortgages and the deposits", «ипотеку и вклады»: a word beside a coordinator that is a value
        one table's column lists ('Продукт (consumer, mortgage, auto, card)' of loans) names that table's
        rows, so a second table named across the coordinator makes two loads (asked, planner30); {} when no
        one table lists it."""
        if not 0 <= at < len(request.tokens) or request.tokens[at] in request.claimed:
            return {}
        token = next(iter(tokenize(request.raw[at])), None)
        if token is None or token.lang not in ("ru", "en"):
            return {}
        tables = self.catalog.tables_of(conn_id)
        if any(table.column(token.lower) for table in tables):
            return {}  # "only kwh and voltage": a column of a list, not rows
        # rows named by their kind are a plural noun ("mortgages", «ипотеку»), never "new" (a status)
        if token.lang == "en" and not token.lower.endswith("s"):
            return {}
        if token.lang == "ru" and not (token.parses and token.parses[0].pos == "NOUN"):
            return {}
        wanted = {stem(token.lower)} if token.lang == "en" else value_meanings(token)
        found = {
            table.qualified_name: table
            for table in tables
            if any(stem(v.lower()) in wanted for c in table.columns for v in listed_values(c.comment))
        }
        if not found and token.lang == "ru":
            found = self._compound_tail_table(token.lower, conn_id)
        return found if len(found) == 1 else {}

    def _compound_tail_table(self, word: str, conn_id: str) -> dict[str, Table]:
        """«автокредиты», «потребкредиты»: a Russian compound whose tail (five letters or more after a stem of
        three or more) names one table names a kind of that table's rows, so beside another table across
        и/and it is a second load (asked); {} when no tail names exactly one table."""
        for cut in range(3, len(word) - 4):
            named = self._phrase_tables(word[cut:], conn_id)
            if named:
                return named if len(named) == 1 else {}
        return {}

    def _window_tables(self, request: Request, conn_id: str, at: int, step: int) -> dict[str, Table]:
        """The tables the one to three words from `at` (leftwards for step -1) name on their own, taken as
        a phrase of their own; {} when the first word is a value or claimed (an engine, a connection ...)."""
        tokens = request.tokens
        if not 0 <= at < len(tokens):
            return {}
        first = tokens[at]
        if first in request.claimed or first in request.values or first in COORDINATORS:
            return {}
        end = at  # the phrase: up to three words from `at`, up to a preposition or a coordinator
        while abs(end + step - at) < 3 and 0 <= end + step < len(tokens):
            if tokens[end + step] in COORDINATORS or tokens[end + step] in PREPOSITIONS:
                break
            end += step
        if step < 0 and end > 0 and tokens[end - 1] in PREPOSITIONS:
            return {}  # «апсерт по сотруднику и дате», "by customer and day": keys or groups, no tables
        for size in (3, 2, 1):
            lo, hi = (at, at + size) if step > 0 else (at - size + 1, at + 1)
            if lo < min(at, end) or hi > max(at, end) + 1:
                continue
            window = tokens[lo:hi]
            if any(t in COORDINATORS or t in request.claimed for t in window):
                continue
            text = request.text[request.spans[lo][0] : request.spans[hi - 1][1]]
            if "," in text or any(t in FROM_WORDS | TO_WORDS for t in window):
                continue
            named = self._phrase_tables(text, conn_id)
            if named:
                return named
        return {}

    def _phrase_tables(self, text: str, conn_id: str) -> dict[str, Table]:
        """The tables a short phrase names on its own (cached: the same phrase recurs across requests)."""
        key = (text.lower(), conn_id)
        if key not in self._phrases:
            if len(self._phrases) > 4096:  # bounded: a long-lived planner sees many phrases
                self._phrases.clear()
            hits = self._table_hits(Request(text), conn_id, kinds=False)
            self._phrases[key] = {name: table for name, (table, _) in hits.items()}
        return self._phrases[key]

    def _unknown_head_noun(self, request: Request, hits: dict[str, tuple[Table, list[int]]]) -> bool:
        """«таблицу штрафов курьеров»: right after «таблица» a noun that names no table, followed by the
        genitive that does, is the head of the phrase: the table the user means is one the catalog lacks."""
        used = {i for _, indices in hits.values() for i in indices}
        tokens = request.tokens
        for i, token in enumerate(tokens[:-2]):
            if not re.fullmatch(r"таблиц\w*|табличк\w*", token):
                continue
            head = tokens[i + 1]
            if i + 1 in used or i + 2 not in used or not CYRILLIC_WORD.fullmatch(head):
                continue
            if head in STOP_WORDS or head in request.claimed or self._is_engine_word(head):
                continue
            if any(p.pos == "NOUN" and p.case == "gent" for p in tokenize(head)[0].parses):
                return True
        return False

    def _without_key_list_words(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """«билеты …, дубли по сеансу, ряду и месту выкидывать», «абонементы, дубли по клиенту и тарифу»:
        an item of a duplicates key list that names a column (its comment, or the foreign key to the table the
        word names) of a table named outside the list is that column, not a table to load (planner90)."""
        keys = _dedupe_key_indices(request)
        if len(hits) < 2 or not keys:
            return hits
        outside = [table for table, indices in hits.values() if any(i not in keys for i in indices)]

        def column_word(i: int, own: Table) -> bool:
            return any(
                (found := self._word_column(table, request.tokens[i : i + 1], fk_words=True)) is not None
                and found[1] == 1
                for table in outside
                if table is not own
            )

        kept = {
            name: (table, [i for i in indices if i not in keys or not column_word(i, table)])
            for name, (table, indices) in hits.items()
        }
        # «тарифу» of 'Тарифы абонементов' gone, the plans are named only by «абонементы», which names the
        # memberships whole: a table that lost a list word and keeps only another one's words is no candidate
        whole = [set(indices) for name, (_, indices) in kept.items() if indices == hits[name][1]]
        kept = {
            name: hit
            for name, hit in kept.items()
            if hit[1] and (hit[1] == hits[name][1] or not any(set(hit[1]) <= w for w in whole))
        }
        return kept or hits

    def _not_column_words(
        self, request: Request, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """ "dorm residents ..., just the student id, building": a table word that, with the word after it,
        names a column of another candidate (student id -> student_id) is that column, not a table; so is
        one after «без»/"without" («сотрудников … без зарплаты»: employees.salary, not payslips)."""
        if len(hits) < 2:
            return hits
        tokens = request.tokens

        def column_word(i: int, own: str) -> bool:
            width = 1 if i > 0 and tokens[i - 1] in BESIDE_NEGATORS else 2
            # «дубли по номеру карты»: the table word is the genitive after a generic column noun (номер,
            # адрес) and names the column with it (card_number 'Номер клубной карты')
            genitive = width == 2 and i > 0 and CYRILLIC_WORD.fullmatch(tokens[i]) is not None
            generic = genitive and bool(self.vocabulary.meanings(tokens[i - 1]) & COLUMN_NOUN_PARTS)
            starts = (i, i - 1) if generic else (i,)
            return any(
                (found := self._word_column(table, tokens[start : start + width], fk_words=False)) is not None
                and found[1] == width
                for other, (table, _) in hits.items()
                if other != own
                for start in starts
            )

        kept = {name: hit for name, hit in hits.items() if not all(column_word(i, name) for i in hit[1])}
        return kept or hits

    def _tables_of_listed_references(
        self,
        request: Request,
        conn_id: str,
        hits: dict[str, tuple[Table, list[int]]],
        found: list[tuple[int, Table]],
    ) -> set[str]:
        """ "screenings, only id, movie, hall and start time", «посещения: только id, клиент, клуб и время
        входа»: the items of a list after «только»/"only" that name tables the one table named before the list
        points at (movie_id, hall_id) are those foreign-key columns, not loads of their own. Returns the
        names of the tables so named; empty when no one table is named before the list."""
        cue = next((i for i, token in enumerate(request.tokens) if token in ONLY_CUES), None)
        if cue is None or cue + 1 >= len(request.tokens):
            return set()
        before = {table.qualified_name: table for i, table in found if i < cue}
        if len(before) != 1:
            return set()
        head = next(iter(before.values()))
        if self._item_column(head, [request.tokens[cue + 1]]) is None:
            return set()  # «билеты, только новые, дубли по сеансу»: rows after «только», no list of columns
        named_after = {
            other.qualified_name
            for other in self.catalog.tables_of(conn_id)
            if other is not head
            and _points_at(head, other)
            and all(i > cue for i in hits.get(other.qualified_name, (other, [cue + 1]))[1])
        }
        return named_after

    def _outside_mask_clause(
        self, request: Request, conn_id: str, hits: dict[str, tuple[Table, list[int]]]
    ) -> dict[str, tuple[Table, list[int]]]:
        """ "грузить заказы, замаскировать email клиентов": a table named only inside the masking clause
        qualifies what to mask; the one table named outside it is the source."""
        clause = self._mask_clause(request)
        if clause is None or not hits:
            return hits
        first, last = clause
        outside = {name: hit for name, hit in hits.items() if any(not first <= i < last for i in hit[1])}
        if not outside:  # «деливери …, адрес клиента закрыть»: «клиента» only says whose address is masked;
            outside = self._colloquial_hits(
                request, self.catalog.tables_of(conn_id), self._outside(request, clause)
            )
            if len(outside) == 1:
                return outside  # the table spelled by ear outside the clause
            # «рекламации …, адрес клиента закрыть»: a head noun nothing reads; asked, never the masked one's
            return {} if self._head_outside_mask(request, hits) else hits
        return outside if len(outside) == 1 and len(hits) > 1 else hits

    def _head_outside_mask(self, request: Request, hits: dict[str, tuple[Table, list[int]]]) -> str | None:
        """The noun outside the masking clause that nothing reads when the one table is named only inside it
        («рекламации …, адрес клиента закрыть»: «клиента» says whose address is masked); None otherwise."""
        clause, cue = self._mask_clause(request), _mask_cue(request)
        if clause is None or cue is None or len(hits) != 1:
            return None
        table, indices = next(iter(hits.values()))
        at = request.token_at(cue.start())
        if any(not clause[0] <= i < clause[1] or abs(i - at) > 2 for i in indices):
            return None  # the table's word is no owner of the masked column («адрес клиента закрыть»)
        before = [i for i in self._outside(request, clause) if i < clause[0]]
        noun = content.unread_noun_outside(self, request, table, before)
        return noun.text if noun else None

    @staticmethod
    def _mask_clause(request: Request) -> tuple[int, int] | None:
        """The token range of the clause that holds the masking cue (between commas, semicolons, stops)."""
        match = _mask_cue(request)
        if match is None:
            return None
        start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.") + 1
        ends = [i for i in (request.lower.find(p, match.end()) for p in ",;.") if i >= 0]
        return request.token_at(start), request.token_at(min(ends, default=len(request.lower)))

    @staticmethod
    def _outside(request: Request, clause: tuple[int, int]) -> list[int]:
        """Words outside `clause` that may name a table: no stop word, none of the schedule's words."""
        return [
            i
            for i, token in enumerate(request.tokens)
            if not clause[0] <= i < clause[1]
            and token not in STOP_WORDS
            and not any(a <= request.spans[i][0] < b for a, b in request.schedule_spans)
        ]

    def _head_of_chain(self, request: Request, found: list[tuple[int, Table]]) -> Table | None:
        """The one table all other table words hang off ("записи пациентов к врачам" -> appointments)."""
        if self._heads_several(request, found):
            return None
        pairs = list(zip(found, found[1:], strict=False))
        heads = [self._head_table(request, [a, b]) for a, b in pairs]
        if all(h is a[1] for h, (a, _) in zip(heads, pairs, strict=True)):
            head: Table | None = found[0][1]  # "записи пациентов к врачам": the first noun
        elif all(h is b[1] for h, (_, b) in zip(heads, pairs, strict=True)):
            head = found[-1][1]  # "patient visits": the last noun
        else:
            head = None
        others = [(i, table) for i, table in found if table is not head]
        if head is None or not all(
            _related(head, other)
            or self._in_own_comment(request, head, i)
            or self._points_through(head, other)
            or _says_ours(request, i)
            for i, other in others
        ):
            return None
        return head

    def _heads_several(self, request: Request, found: list[tuple[int, Table]]) -> bool:
        """One word heads the comments of two found tables ('Собственный парк (самолёты)', 'Арендованный парк
        (самолёты)': «самолёты», «борта»): no chain, a question. A word that heads one comment and only
        qualifies another («дисциплины» of 'Учебные дисциплины' and 'Записи студентов на дисциплины') is left
        to the chain."""
        by_word: dict[int, list[Table]] = {}
        for i, table in found:
            by_word.setdefault(i, []).append(table)
        if len(by_word) == 1 and self._heads_none(request, found):
            return True  # «электроэнергию» of 'Тарифы на электроэнергию' and 'Отключения электроэнергии'
        return any(
            len(tables) > 1 and all(meanings & comment_head_stems(t.comment) for t in tables)
            for i, tables in by_word.items()
            if (meanings := self.vocabulary.meanings(request.tokens[i]))
        )

    def _heads_none(self, request: Request, found: list[tuple[int, Table]]) -> bool:
        """One word names every found table and heads none of their comments: it only qualifies each
        («зарядки» of 'Тарифы на зарядку', 'Сессии зарядки', 'Платежи клиентов за зарядку'), so no table is
        the one meant and the request is asked (planner70: the first in the catalog was loaded)."""
        meanings = self.vocabulary.meanings(request.tokens[found[0][0]])
        return not any(self._headed_by(meanings, table) for _, table in found)

    @staticmethod
    def _headed_by(meanings: frozenset[str], table: Table) -> bool:
        """The comment's head noun is one of `meanings`: its first word or bracketed apposition, or the noun
        past its adjectives, whole or as the tail of a compound («клубы» of 'Фитнес-клубы сети')."""
        noun = comment_noun_stem(table.comment) or ""
        return bool(
            meanings & comment_head_stems(table.comment)
            or noun.rpartition("-")[2] in meanings
            or compound_tail_of({noun}, meanings)
        )

    def _points_through(self, head: Table, other: Table) -> bool:
        """«брони отелей»: the head table points at the other through one table between (reservations ->
        rooms -> hotels), so the other only qualifies it (planner51). One hop only: further is no owner. Only
        declared foreign keys: a key guessed by its name («оплаты клиентов»: payments.order_id, no
        reference) leaves the two tables asked."""
        tables = [t for conn in self._readable("postgres") for t in self.catalog.tables_of(conn.conn_id)]
        return any(
            middle is not head
            and middle is not other
            and _references(head, middle)
            and _references(middle, other)
            for middle in tables
        )

    def _in_own_comment(self, request: Request, head: Table, index: int) -> bool:
        """Word `index` is a word of the head table's own comment: «оплаты гостей» of 'Оплаты гостей' names
        the payments table word for word, so «гостей» qualifies it even with no key between the two tables."""
        comment = set(name_parts_of_text(head.comment)) - STOP_STEMS
        return bool(self.vocabulary.meanings(request.tokens[index]) & comment)

    def _head_table(self, request: Request, found: list[tuple[int, Table]]) -> Table | None:
        """In "заказы клиентов" / "orders of customers" the first; in "customer orders" the last."""
        (first_index, first), (second_index, second) = sorted(found, key=lambda pair: pair[0])
        between = request.tokens[first_index + 1 : second_index]
        if len(between) == 2 and between[0] in MODIFIER_LINKS and between[1] in DETERMINERS:
            between = between[:1]  # "reviews of our hotels" as "reviews of hotels": the first heads it
        gap = request.text[request.spans[first_index][1] : request.spans[second_index][0]]
        if re.search(r"[,;/+&]", gap) or len(between) > 1:
            return None
        cyrillic = bool(re.search(r"[а-я]", request.tokens[first_index]))
        if not between:
            # «временных сотрудников»: an adjective before a noun modifies it, though it resembles a word of
            # another table's comment ('Табель учёта рабочего времени'); «заказы клиентов»: a noun, the first
            return first if cyrillic and not self._adjective_at(request, first_index) else second
        if between[0] in MODIFIER_LINKS:
            return first
        if between[0] in POSSESSIVE:
            return second
        if cyrillic and between[0] in ("в", "во") and self._in_own_comment(request, first, second_index):
            return first  # «визиты в клубы» of 'Посещения клубов': the place the rows happen at, no target
        # "результаты анализов пациентов": a chain of genitives still hangs off the first noun.
        linking = FROM_WORDS | TO_WORDS | {"и", "или", "а", "либо", "and", "or", "then", "затем"}
        return first if cyrillic and between[0] not in linking else None

    @staticmethod
    def _adjective_at(request: Request, index: int) -> bool:
        """Word `index` is read first as a full adjective («временных», «рабочих»), not a noun."""
        parses = analyse(request.tokens[index])
        return bool(parses) and parses[0].pos == "ADJF"

    def _ask_table(self, request: Request, candidates: list[ConnectionInfo], unreadable: list[str]) -> str:
        if unreadable:
            reasons = "; ".join(f"{c}: {self.catalog.errors[c]}" for c in unreadable)
            return msg("planner.unreadable_tables", conn_ids=", ".join(unreadable), reasons=reasons)
        listed = [f"{c.conn_id}: {', '.join(self._table_names(c.conn_id))}" for c in candidates]
        for candidate in candidates:  # «отзывы покупателей»: quote the phrase whose head names no table
            phrase = heads.unknown_head(self, request, self._table_hits(request, candidate.conn_id))
            if phrase:
                return say(
                    request.language, "planner.no_table_for_head", phrase=phrase, tables="; ".join(listed)
                )
            head = self._head_outside_mask(request, self._table_hits(request, candidate.conn_id))
            if head:
                return say(
                    request.language, "planner.no_table_for_head", phrase=head, tables="; ".join(listed)
                )
        unknown = self._unknown_table_name(request)
        if unknown:
            return msg("planner.no_such_table", table=unknown, tables="; ".join(listed))
        return msg("planner.which_table", tables="; ".join(listed))

    def _table_names(self, conn_id: str) -> list[str]:
        return [self.catalog.display_name(conn_id, t) for t in self.catalog.tables_of(conn_id)]

    def _unknown_table_name(self, request: Request) -> str | None:
        match = re.search(
            r"\b(?:table|таблиц\w*|from|из)\s+[\"'«]?([a-z_][a-z0-9_.]*)", request.lower, re.IGNORECASE
        )
        if match and not any(match.group(1) in ws for ws in ENGINE_WORDS.values()):
            if match.group(1) not in request.claimed:
                return match.group(1)
        # a key or a value named in the request («мержить по subscriber_id») is no table the user means
        # nor a column of a known table («инкрементально по updated_at»): the table is what is missing
        snake = [
            t
            for t in request.tokens
            if "_" in t
            and t not in request.claimed
            and t not in request.values
            and not self._column_anywhere(t)
        ]
        return snake[0] if snake else None

    def _column_anywhere(self, name: str) -> bool:
        """`name` is a column of some table of the catalog."""
        return any(
            table.column(name) is not None
            for conn_id in self.catalog.tables
            for table in self.catalog.tables_of(conn_id)
        )

    def _schedule(self, request: Request) -> ScheduleMatch | None:
        """The schedule; its words ("except weekends", "кроме выходных") are not a row filter's negation."""
        text = self._without_filters(request)
        schedule = parse_schedule(text)
        if schedule and schedule.phrase and schedule.phrase in text:
            start = text.index(schedule.phrase)
            request.handled.append((start, start + len(schedule.phrase)))
        if schedule:
            request.schedule_spans = list(schedule.spans)
        return schedule

    def _unread_schedule_words(self, request: Request, cron: str | None = None) -> list[str]:
        """A question when words about time are left over after the schedule was read: the schedule
        may then be missing what they said («в два часа ночи» unread would be midnight). A meal word
        («после обеда», "after lunch") is asked about unless a clock time its meal allows was read (`cron`:
        the schedule read)."""
        if not grammar.enabled("frame"):
            return []
        counted = run_counts.count_after_schedule(request.text, request.schedule_spans)
        if counted:  # "every day at 8, maybe 3 times": a count of runs no cron says (planner147)
            return [say(request.language, "planner.run_count", words=counted)]
        split = two_schedules(request.text) if cron is None else None
        if split:  # «каждый день в 3 ночи и каждое первое число в полдень»: quote both, not one's words
            return [say(request.language, "planner.two_schedules", first=split[0], second=split[1])]
        used = [
            *request.schedule_spans,
            *path_spans(request.text),
            *duration_spans(request.lower),
            *window_spans(request.lower),
        ]
        read = frame.read(request.text, used)
        leftover = read.unread_schedule_words()
        clock = any(  # «после обеда в 14:00»: a clock time says when; the meal only describes it
            re.search(r"\d", request.text[a:b]) or t.number is not None or t.lower in CLOCK_NOUNS
            for a, b in request.schedule_spans
            for t in tokenize(request.text[a:b])
        )
        hour = cron.split()[1] if cron and len(cron.split()) == 5 else ""
        meals = [  # «ежедневно после обеда», "daily after lunch": 13:00? 15:00? asked, never midnight
            t
            for t in frame.meal_times(read.tokens, used)
            if not clock or not hour.isdigit() or not frame.meal_fits(t, int(hour))
        ]
        leftover = sorted([*leftover, *meals], key=lambda t: t.start)
        if not leftover:
            return []
        words_ = frame.quote(leftover, request.text)
        if request.language == "ru":
            return [f"Не понял «{words_}» в расписании: когда запускать? Например: «ежедневно в 2:00»."]
        return [
            f"I did not understand {words_!r} in the schedule: when should it run? E.g. 'daily at 02:00'."
        ]

    def _without_filters(self, request: Request) -> str:
        """The request with "quantity between 1 and 5" blanked out: a range on a column is a filter, and
        the schedule parser would read it as an hour window."""
        text = request.text
        for match in BETWEEN.finditer(request.lower):
            if self._names_a_column_anywhere(match.group(1), set(self.vocabulary.meanings(match.group(1)))):
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        spans = [
            *self._zone_words_as_values(request),
            *duration_spans(request.lower),
            *window_spans(request.lower),
            # "a monthly fee under 500": the column's own word, no monthly schedule
            *frequency_columns.column_frequency_spans(request.tokens, request.spans, self._column_names),
        ]
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]  # «больше 2 часов»: a duration, no hours
        return text

    def _zone_words_as_values(self, request: Request) -> list[tuple[int, int]]:
        """Spans of zone abbreviations that stand as a value ("only warehouse msk", «регион мск», «только
        мск»): right after a column noun or an only/except word the word is a filter's value (the filter
        reads it, or asks), not the time zone."""
        found = []
        for i, token in enumerate(request.tokens):
            if i == 0 or token not in ZONE_VALUE_WORDS:
                continue
            before = request.tokens[i - 1]
            if before in VALUE_ONLY_WORDS or (
                not before.isdigit()
                and self._names_a_column_anywhere(before, set(self.vocabulary.meanings(before)))
            ):
                found.append(request.spans[i])
                request.values.add(token)  # the filter reads it as a value, though it is also a zone's name
        return found

    def _ask_schedule(self, request: Request) -> str:
        zone = ambiguous_timezone(request.text)
        if zone:
            examples = " / ".join(zone[1])
            return say(request.language, "planner.which_timezone", zone=zone[0], examples=examples)
        alternatives = alternative_times(request.text)
        if alternatives:
            return say(request.language, "planner.schedule_alternatives", phrase=alternatives)
        frequencies = alternative_frequencies(request.text)
        if frequencies:  # «то ли раз в день, то ли раз в час»
            return say(request.language, "planner.frequency_alternatives", phrase=frequencies)
        split = two_schedules(request.text)
        if split:  # «в 9, а по пятницам ещё и в 18»: two schedules, one cron says neither pair
            return say(request.language, "planner.two_schedules", first=split[0], second=split[1])
        daily = daily_and_weekday(request.text)
        if daily:  # «каждый день в 9 утра во вторник»: every day, or Tuesdays only?
            return say(request.language, "planner.daily_or_weekday", phrase=daily)
        uneven = _uneven_interval(request.text)
        if uneven:
            return _ask_uneven_interval(request.language, *uneven)
        return say(request.language, "planner.how_often")

    # --- target table name ---------------------------------------------------------------------

    def _explicit_target_name(self, request: Request) -> str | None:
        """The target table the request names ("as product_catalog", "в таблицу dim_customers")."""
        for token in request.tokens:  # "clickhouse_default.sales_copy": a connection, then its table
            conn_id, _, name = token.partition(".")
            if name and conn_id in {c.conn_id.lower() for c in self.catalog.connections.values()}:
                return name
            if name and conn_id in ("clickhouse", "кликхаус") and re.fullmatch(r"[a-z_][a-z0-9_]*", name):
                return name  # "в clickhouse.parcels_in": the engine, then its table
        for match in TARGET_TABLE.finditer(request.text):
            name = match.group(1).lower()
            if any(name in ws for ws in ENGINE_WORDS.values()) or name in NOT_A_NAME:
                continue
            if any(name == c.conn_id.lower() for c in self.catalog.connections.values()):
                continue
            if re.match(r"as\b", match.group(0), re.I) and AS_W_AS.search(request.text[: match.start()]):
                continue  # "as soon as possible", "as early as 3 am": a comparison, not "as <name>"
            if re.match(r"as\b", match.group(0), re.I) and MARKED_AS.search(request.text[: match.start()]):
                continue  # "skip the ones flagged as suspected fraud": a state, not "as <name>"
            if self._is_source_table_name(name) or not self._names_target(request, match):
                continue
            bare = not re.search(r"table|табли", match.group(0), re.IGNORECASE)  # not «в таблицу X кликхауса»
            if bare and self._qualifies_a_place(request, name, match.end()):
                continue  # "into our reporting postgres": a determiner or the place's adjective, no table
            return name
        return None

    def _qualifies_a_place(self, request: Request, name: str, end: int) -> bool:
        """ "into our X", "into reporting postgres", "into the analytics warehouse": the word after "into"
        is a determiner, or stands before an engine or database word: it qualifies the place."""
        if name in DETERMINERS:
            return True
        after = words(request.text[end:])[:1]
        return bool(after) and (self._is_engine_word(after[0]) or after[0] in DATABASE_WORDS)

    def _names_target(self, request: Request, match: re.Match[str]) -> bool:
        """A bare "table X" names the target only after a to-word ("into ClickHouse table X")."""
        if not re.match(r"(table|табли(?:ц|чк))", match.group(0), re.IGNORECASE):
            return True
        before = words(request.text[: match.start()])[-3:]
        after = words(request.text[match.end() :])[:3]
        engine_after = any(stem(w) in ws or w in ws for w in after[1:] for ws in ENGINE_WORDS.values())
        if any(w in TO_WORDS or w in ("as", "как") for w in before):  # «как таблицу plan_2026»
            return True
        if before and TARGET_ADJECTIVE.match(before[-1]):  # «целевая таблица x», "destination table x"
            return True
        # "…, every 5 minutes, table orders_live": a clause of its own that only names a table (not a source
        # table: the caller checked) names the target, wherever it stands
        if re.search(r"[,;:]\s*$", request.text[: match.start()]) and re.match(
            r"\s*(?:$|[,.;!?])", request.text[match.end() :]
        ):
            return True
        # "нужна таблица dim_products в ClickHouse", but not "load table foobar to clickhouse".
        if before and re.fullmatch(NAMING_VERBS_RU, before[-1]):
            return True  # «назови таблицу orders_copy»: the table is given its name (planner63)
        verb_before = bool(before) and bool(PIPELINE_VERBS.fullmatch(before[-1]))
        return not verb_before and bool(after[:1] and after[0] in TO_WORDS and engine_after)

    def _is_source_table_name(self, name: str) -> bool:
        return any(
            name in (t.name.lower(), t.qualified_name.lower())
            for conn in self._readable("postgres")
            for t in self.catalog.tables_of(conn.conn_id)
        )

    def _claim_target_name(self, request: Request) -> None:
        name = self._explicit_target_name(request)
        if name:
            request.claimed.add(name)
            # «табличку назовите x»: the verb that names the target says nothing of the rows («назовите» is
            # no 'no_show' by ear)
            request.claimed.update(t for t in request.tokens if re.fullmatch(NAMING_VERBS_RU, t))
        # "события типа purchase": the word after a column word is its value, not a table ("purchase").
        for i, token in enumerate(request.tokens[:-1]):
            if self.vocabulary.meanings(token) & VALUE_COLUMN_WORDS and request.raw[i + 1].isascii():
                request.values.add(request.tokens[i + 1])
                # «категорий roaming и billing»: the values listed after it too (not the schema billing)
                j = i + 2
                while j + 1 < len(request.tokens) and request.tokens[j] in VALUE_LIST_JOINERS:
                    gap = request.text[request.spans[j - 1][1] : request.spans[j][0]]
                    # «типа purchase и payments»: a table's name in the list is one more value (planner25)
                    if not request.raw[j + 1].isascii() or re.search(r"[,;.()]", gap):
                        break
                    request.values.add(request.tokens[j + 1])
                    j += 2
        self._claim_values_after_table_nouns(request)

    def _claim_values_after_table_nouns(self, request: Request) -> None:
        """«события purchase»: a Latin word right after a Russian table noun that names another table only
        through the glossary (purchase = orders) is a value of the named table's type, status or category
        column, not a second table: the request names one table (planner58). So is one after «только»
        («события только purchase»: the row filters read it since planner63)."""
        tables = [t for c in self._readable("postgres") for t in self.catalog.tables_of(c.conn_id)]
        for i in range(1, len(request.tokens)):
            word, k = request.tokens[i], i - 1
            if k > 0 and request.tokens[k] in grammar.ONLY_WORDS:
                k -= 1
            if not request.raw[i].isascii() or not CYRILLIC_WORD.fullmatch(request.tokens[k]):
                continue
            if self._value_after_table_noun(tables, request.tokens[k], word, word):
                request.values.add(word)
        self._claim_glossed_values_after_table_nouns(request, tables)

    def _value_after_table_noun(self, tables: list[Table], noun: str, word: str, value: str) -> bool:
        """`word` after the noun naming one table is `value` of that table's type, status or category column,
        though the glossary has `word` name another table."""
        named = [t for t in tables if self._names_table(noun, t)]
        others = [t for t in tables if t not in named and self._names_table(word, t)]
        return (
            len(named) == 1
            and bool(others)
            and not self._is_source_table_name(value)
            and any(set(name_parts(c.name)) & VALUE_COLUMN_WORDS for c in named[0].columns)
        )

    def _claim_glossed_values_after_table_nouns(self, request: Request, tables: list[Table]) -> None:
        """«события покупок (purchase)»: a Russian word after a table noun, glossed by a Latin code in
        brackets meaning the same (покупка = purchase), names the code, a value of the named table's type,
        status or category column, not a second table through the glossary (purchase = orders; planner162:
        the table was asked)."""
        for i in range(1, len(request.tokens) - 1):
            word, code = request.tokens[i], request.tokens[i + 1]
            if glossing_code(request, i, self.vocabulary.meanings) is None:
                continue
            if not CYRILLIC_WORD.fullmatch(request.tokens[i - 1]):
                continue
            if self._value_after_table_noun(tables, request.tokens[i - 1], word, code):
                request.values.update((word, code))

    # --- columns -------------------------------------------------------------------------------

    def _value_before_column(self, request: Request, tables: list[Table], index: int) -> bool:
        """Word `index` is a value some column's comment lists, written before that column's word, alone or
        joined by and/or to more ("tickets in billing or roaming category" of 'Категория (billing, ...)'):
        a value, not the schema of the same name (billing.payments)."""
        word = request.tokens[index]
        k = index + 1
        while k + 1 < len(request.tokens) and request.tokens[k] in ("and", "or") and k < index + 6:
            k += 2  # "billing or roaming category": the column word after the last value
        if k >= len(request.tokens):
            return False
        return any(
            word in {v.lower() for v in listed_values(column.comment)}
            and any(name == column.name for _, name in self._column_mentions(table, [request.tokens[k]]))
            for table in tables
            for column in table.columns
        )

    def _column_mentions(
        self,
        table: Table,
        tokens: list[str],
        generic_ok: frozenset[str] = frozenset(),
        listed_names: bool = True,
    ) -> list[tuple[int, str]]:
        """(word index, column) for each column the words name: directly, by glossary or comment
        (`listed_names`: see _names_column)."""
        found: dict[str, int] = {}
        for i, token in enumerate(tokens):
            column = table.column(token)
            if column:
                found.setdefault(column.name, i)
        # every word any column could be named by (see _names_column): a window with none of them names no
        # column, and most windows of a long request have none (unless a column has no name part at all)
        named_by = _columns_named_by(tuple(table.columns), listed_names)  # a test may give a list
        for i in range(len(tokens)):
            for width in (2, 1) if i + 1 < len(tokens) else (1,):  # the last word's two windows are one
                window = [t for t in tokens[i : i + width] if t not in STOP_WORDS]
                meanings = set().union(*(self.vocabulary.meanings(t) for t in window)) if window else set()
                if named_by is not None and named_by.isdisjoint(meanings):
                    continue
                for column in table.columns:
                    if meanings and self._names_column(column, meanings, table, generic_ok, listed_names):
                        found.setdefault(column.name, i)
        return sorted(((i, name) for name, i in found.items()), key=lambda pair: pair[0])

    def _names_column(
        self,
        column: Column,
        meanings: set[str],
        table: Table,
        generic_ok: frozenset[str],
        listed_names: bool = True,
    ) -> bool:
        """The words' meanings name `column`: its name parts, its comment's words, or one distinctive part no
        other column has. `listed_names=False` (a mask list): the values a comment lists name nothing."""
        parts, comment, bare, said = _column_words(column.name, column.comment, listed_names)
        if parts <= meanings:
            return True
        if comment and comment <= meanings:
            return True
        # «уровень карты» of 'Уровень карты (basic, silver, gold)': the comment's words said in full, less the
        # values it lists in brackets (a two-word phrase at least: one word alone may be another column's too)
        if len(bare) >= 2 and bare < comment and bare <= meanings:
            return True
        # One distinctive part is enough when no other column has it ("паспорт" -> passport_number).
        # a mask names columns, never values: the values a comment lists name no column there (see `shared`)
        distinctive = (parts - GENERIC_PARTS) | (parts & generic_ok) | (said - GENERIC_PARTS)
        named = meanings & distinctive
        if not named:
            return False  # before looking at every other column: this runs per column and word window
        # in a mask list a value another column's comment lists is no name of it: «карту скрыть» is
        # card_number 'Номер карты', never payment_method 'Способ оплаты (cash, card, online)' (planner100);
        # elsewhere («только картой») the word may be that value, so the column is not named
        shared = [
            c
            for c in table.columns
            if (words_ := _column_words(c.name, c.comment, listed_names))[0] & named or words_[3] & named
        ]
        return len(shared) == 1

    def _columns_in(self, table: Table, text: str) -> list[str]:
        return [name for _, name in self._column_mentions(table, words(text))]

    # --- lists of columns ----------------------------------------------------------------------

    def _column_run(
        self, table: Table, request: Request, start: int, stop: int | None = None, fk_words: bool = False
    ) -> tuple[list[str], int]:
        """Columns named one after another from word `start` ("the email and phone columns", "номера карт
        и телефоны") and the index of the first word that is not part of the list. A word naming another
        table stands for its `<table>_id` column only with `fk_words` ("upsert by product")."""
        tokens, end = request.tokens, len(request.tokens) if stop is None else stop
        columns: list[str] = []
        i = start
        while i < end:
            token = tokens[i]
            if (
                columns
                and i
                and re.search(r"[;!?]|\.\s", request.text[request.spans[i - 1][1] : request.spans[i][0]])
            ):
                return columns, i  # «мержим по id; паспорт ... замаскировать»: the sentence ended the list
            if columns and _opens_changed_rows(request, i):
                return columns, i  # "upsert by id, changed rows by updated_at": the new-rows clause
            if columns and request.in_schedule(i):
                return columns, i  # «апсертом по code раз в сутки»: «раз» is the schedule's, not used_count
            if columns and COLUMN_NOUN.match(token) and i + 1 < len(tokens):
                gap = request.text[request.spans[i][1] : request.spans[i + 1][0]]
                if re.search(r"[,;.:!?()—–]", gap):
                    return columns, i + 1  # "drop the email and passport columns, privileged only": closed
            if token in LIST_JOINERS or COLUMN_NOUN.match(token):
                i += 1
                continue
            possessor = self._table_possessor_width(request, table, i) if columns else 0
            if possessor:
                i += possessor  # «по лицевому счёту абонента»: whose account, not a second column
                continue
            found = None
            if fk_words and self.vocabulary.meanings(token) & {"date", "day"} and not table.column(token):
                found = self._key_word_column(table, tokens, i, end)  # «по дате занятия»: the date itself
            found = found or self._word_column(table, tokens[i:end], fk_words)
            # «по code раз в сутки»: «раз» of the schedule is no genitive of the key's words
            if not (i + 1 < end and request.in_schedule(i + 1)):
                found = self._generic_head_of_genitive(table, tokens, i, end, found, fk_words) or found
            if self._qualifies_table(table, token, found):
                i += 1  # "customer emails" of customers, "skip events with": the table's own word
                continue
            if found is None and fk_words:
                found = self._key_word_column(table, tokens, i, end)
            if found is None:
                break
            name, width = found
            if name not in columns:
                columns.append(name)
            i += width
        return columns, i

    def _generic_head_of_genitive(
        self, table: Table, tokens: list[str], i: int, end: int, found: tuple[str, int] | None, fk_words: bool
    ) -> tuple[str, int] | None:
        """«по номеру телефона»: a generic word («номер», «код», «дата») read alone as the one column with
        that part (license_number) is the head of the genitive after it when that genitive names a column on
        its own (phone): the pair names that column (planner50: license_number = 'телефона' was planned)."""
        if found is None or found[1] != 1 or i + 1 >= end:
            return None
        if not set(self.vocabulary.meanings(tokens[i])) & GENERIC_PARTS or not CYRILLIC.search(tokens[i + 1]):
            return None
        if not any(p.case == "gent" for p in analyse(tokens[i + 1])):
            return None
        following = self._word_column(table, tokens[i + 1 : end], fk_words)
        if following is None or following[0] == found[0]:
            return None
        return following[0], following[1] + 1

    def _table_possessor_width(self, request: Request, table: Table, i: int) -> int:
        """«по лицевому счёту абонента», "account number of the subscriber": right after a column's words,
        the table's own noun in the genitive (or after "of (the)") says whose column it is, not another
        column; its width in words, 0 otherwise (planner38: full_name, 'ФИО абонента', was a second key)."""
        tokens = request.tokens
        if request.text[request.spans[i - 1][1] : request.spans[i][0]].strip():
            return 0  # «по счёту, абоненту»: punctuation between, a list
        j = i
        if tokens[j] == "of":
            j += 2 if j + 1 < len(tokens) and tokens[j + 1] == "the" else 1
        if j >= len(tokens) or table.column(tokens[j]):
            return 0
        word = tokens[j]
        head = words(table.comment or "")[:1]  # 'Абоненты (физические лица, ...)': the comment's head noun
        own = self._names_table(word, table) or bool(
            head and self.vocabulary.meanings(word) & self.vocabulary.meanings(head[0])
        )
        if not own:
            return 0
        genitive = j > i or not CYRILLIC.search(word) or any(p.case == "gent" for p in analyse(word))
        return j - i + 1 if genitive else 0

    def _key_word_column(self, table: Table, tokens: list[str], i: int, end: int) -> tuple[str, int] | None:
        """A key named by what it is, not by its name: «по дате (занятия)» -> the table's one date column,
        «по дисциплине» -> course_id when another table's comment names the word ('Учебные дисциплины')
        and this table has that table's `<name>_id`. A Russian genitive after the date word qualifies it."""
        token = tokens[i]
        meanings = set(self.vocabulary.meanings(token))
        if meanings & {"date", "day"}:
            dates = [c.name for c in table.columns if re.match(r"date|timestamp", c.type.lower())]
            dates = [n for n in dates if n not in UPDATE_COLUMNS]
            if len(dates) == 1:
                width = 1
                after = tokens[i + 1] if i + 1 < end else ""
                if CYRILLIC_WORD.fullmatch(after) and after not in STOP_WORDS:
                    if any(p.pos == "NOUN" and p.case == "gent" for p in tokenize(after)[0].parses[:2]):
                        width = 2  # «по дате занятия»: the genitive says whose date, no column of its own
                return dates[0], width
            return None
        conn_tables = [t for ts in self.catalog.tables.values() for t in ts if t is not table]
        owners = [
            t for t in conn_tables
            if meanings & (set(name_parts_of_text(t.comment or "")) - STOP_STEMS)
            and table.column(f"{t.name.rstrip('s')}_id")
        ]  # fmt: skip
        if len(owners) == 1:
            return f"{owners[0].name.rstrip('s')}_id", 1
        return None

    def _word_column(self, table: Table, tokens: list[str], fk_words: bool) -> tuple[str, int] | None:
        """The column the first word (or the first two words, "номер карты") names, and how many words."""
        if not tokens:  # a predicate at the very end of the request ("..., у которых рост не пустой")
            return None
        exact = table.column(tokens[0])
        if not exact and tokens[0] in STOP_WORDS:
            return None
        if not exact and len(tokens) > 1 and tokens[1] not in STOP_WORDS and not COLUMN_NOUN.match(tokens[1]):
            pair = self._pair_column(table, tokens[0], tokens[1])
            if pair:
                return pair, 2
        single = exact.name if exact else self._single_word_column(table, tokens[0], fk_words)
        if single is None:
            # "номера телефонов": a generic word, then the column word
            if len(tokens) > 1 and self._is_column_noun_part(table, tokens[0]):
                after = self._single_word_column(table, tokens[1], fk_words)
                return (after, 2) if after else None
            return None
        if len(tokens) > 1 and self._is_column_noun_part(table, tokens[1]):
            return single, 2  # "phone numbers", "email address"
        return single, 1

    def _names_whole_column(self, table: Table, word: str) -> bool:
        """The word names every part of a column's name or comment («снилс», "phone"), not one part of it
        ("home" of home_address)."""
        meanings = self.vocabulary.meanings(word)
        for column in table.columns:
            comment = set(name_parts_of_text(column.comment)) - GENERIC_PARTS
            if set(name_parts(column.name)) <= meanings or (comment and comment <= meanings):
                return True
        return False

    def _single_word_column(self, table: Table, token: str, fk_words: bool) -> str | None:
        meanings = set(self.vocabulary.meanings(token))
        named = [c.name for c in table.columns if self._names_column(c, meanings, table, frozenset())]
        if len(named) != 1 or (not fk_words and self._names_other_table(token, table)):
            return None
        return named[0]

    def _is_column_noun_part(self, table: Table, token: str) -> bool:
        """A generic word ("номер", "number", "address") that names no column of this table by itself."""
        meanings = self.vocabulary.meanings(token)
        return (
            bool(meanings & COLUMN_NOUN_PARTS)
            and not table.column(token)
            and not any(self._names_column(c, set(meanings), table, frozenset()) for c in table.columns)
        )

    def _pair_column(self, table: Table, first: str, second: str) -> str | None:
        """One column both words are part of ("card number", "дата рождения")."""
        meanings = [set(self.vocabulary.meanings(w)) for w in (first, second)]
        named = [
            c.name
            for c in table.columns
            if self._names_column(c, meanings[0] | meanings[1], table, frozenset())
            and all(m & self._column_words(c) for m in meanings)
        ]
        return named[0] if len(named) == 1 else None

    def _column_words(self, column: Column) -> set[str]:
        return set(name_parts(column.name)) | set(name_parts_of_text(column.comment))

    def _qualifies_table(self, table: Table, token: str, found: tuple[str, int] | None) -> bool:
        """The word names the table itself and no whole column ("events" is not event_type, while
        "складу" is warehouse of inventory)."""
        if not self._names_table(token, table) or (found is not None and found[1] == 2):
            return False
        meanings = self.vocabulary.meanings(token)
        return not any(set(name_parts(c.name)) <= meanings for c in table.columns)

    def _names_table(self, token: str, table: Table) -> bool:
        """The word names this very table ("customer emails" of customers): a qualifier, not a column."""
        return not table.column(token) and set(name_parts(table.name)) <= self.vocabulary.meanings(token)

    def _heads_comment(self, token: str, table: Table) -> bool:
        """The word is the head noun of the table's comment («бронирования» of 'Бронирования (заказы
        билетов)', «билеты» of 'Авиабилеты'): it names the table as its name would (planner51)."""
        head = set(name_parts_of_text(table.comment)[:1])
        meanings = self.vocabulary.meanings(token)
        return bool(meanings & head) or compound_tail_of(head, meanings)

    def _names_other_table(self, token: str, table: Table) -> bool:
        return any(
            other.qualified_name != table.qualified_name and self._names_table(token, other)
            for conn in self._readable("postgres")
            for other in self.catalog.tables_of(conn.conn_id)
        )

    def _ends_list(self, request: Request, index: int, commas: bool = True) -> bool:
        """A list of columns ends here: the end, punctuation, or a word that starts the next clause."""
        if index >= len(request.tokens):
            return True
        gap = request.text[request.spans[index - 1][1] : request.spans[index][0]] if index else ""
        if re.search(r"[;.:!?()\-—–]" if not commas else r"[,;.:!?()\-—–]", gap):
            return True
        token = request.tokens[index]
        return (
            token in CLAUSE_WORDS
            or self._is_engine_word(token)
            or bool(PIPELINE_VERBS.fullmatch(token) or grammar.is_mask_word(token))
            or (re.fullmatch(r"[а-яё]+", token) is not None and _imperative(token))  # «без email гони»
            # «без номера места и без нормы багажа»: a second exclusion starts, so the first list ended
            or (
                index > 0
                and request.tokens[index - 1] in ("и", "and")
                and EXCLUDE_PREPOSITIONS.match(token) is not None
            )
        )

    def _foreign_column_words(self, table: Table, tokens: list[str], listed_names: bool = True) -> list[str]:
        """Words that name a column of another table (or personal data) but no column of this one:
        "mask customer emails" on orders names customers.email, which orders does not have. A mask list
        (`listed_names=False`) names columns, never values: «почту скрыть» is contact_email though channel's
        comment lists «email» as a value (planner148)."""
        mentions = self._column_mentions(table, tokens)
        if not listed_names:
            mentions += self._column_mentions(table, tokens, listed_names=False)
        mentioned = [table.column(name) for _, name in mentions]
        explained = set().union(*(self._column_words(c) for c in mentioned if c)) if mentioned else set()
        foreign = []
        for token in tokens:
            meanings = set(self.vocabulary.meanings(token))
            if token in STOP_WORDS or token in LIST_JOINERS or table.column(token) or meanings & explained:
                continue
            if token.isdigit():
                continue  # "at 4 am": no column ('Последние 4 цифры карты' of card_last4; planner84)
            if self._names_table(token, table) or self._names_other_table(token, table):
                continue
            if self._names_a_column_anywhere(token, meanings):
                foreign.append(token)
        return foreign

    def _names_a_column_anywhere(self, token: str, meanings: set[str]) -> bool:
        if any(len(parts) == 1 and parts <= meanings for parts in PII_COLUMN_PARTS):
            return True
        for conn in self._readable("postgres"):
            for other in self.catalog.tables_of(conn.conn_id):
                if other.column(token) or any(
                    self._names_column(c, meanings, other, frozenset()) for c in other.columns
                ):
                    return True
        return False

    def _excluded_by(
        self, request: Request, table: Table, match: re.Match[str]
    ) -> tuple[list[str], tuple[int, int]]:
        """Columns of `table` one exclusion word leaves out, and the span of the words saying so: the list
        after it ("without email and phone") or, Russian word order, the clause before a verb ("колонку
        email убрать")."""
        if any(m.end("prep") == match.end() for m in ROWS_WITHOUT.finditer(request.lower)):
            return [], match.span()  # "skip payments without amount" filters rows
        continued = continues_column_list(request.lower, match.start())
        if ROWS_WITHOUT_DATE.match(request.lower, match.start()) and not continued:
            return [], match.span()  # «без даты отчисления»: rows with no such date, not a column
        start = self._past_column_with(request, request.token_at(match.end()))
        if self._state_rows_at(request, table, start):
            return [], match.span()  # «кроме отчисленных»: rows whose event happened, not a column
        if self._role_rows_at(request, table, start):
            return [], match.span()  # «кроме льготников»: rows whose flag is set ('Льготник'), not a column
        if start < len(request.tokens) and (
            self._names_listed_value_at(request, table, start)
            or self._noun_value_compound(request, table, start)
        ):  # «кроме app и ivr», «кроме доцентов-преподавателей» ('Учёное звание (доцент, профессор)'): values
            return [], match.span()  # a column's comment lists (in any form), rows not a column
        if start < len(request.raw) and _participle_only(request.raw[start]):
            return [], match.span()  # «кроме оплаченных»: a participle says which rows (read or asked)
        flag_at = (
            start + 1 if start + 1 < len(request.raw) and request.tokens[start] in ("a", "an") else start
        )
        if flag_at < len(request.raw) and self.filters.names_one_flag(table, request.raw[flag_at]):
            # «без роуминга», "except eSIM", "without an alarm" (planner59: the article hid the flag word and
            # has_alarm was left out as a column): rows of a yes/no column, not a column
            return [], match.span()
        if (
            start < len(request.raw)
            and EXCLUDE_PREPOSITIONS.match(match.group(1))
            and self.filters.names_unit_count(table, request.raw[start])
        ):
            return [], match.span()  # «без просрочки» ('Дней просрочки'): rows with none, not a column
        pii = self._personal_data_at(request, start)
        if pii and self._pii_columns(table):
            return self._pii_columns(table), (match.start(), pii.end())
        columns, end = self._column_run(table, request, start)
        if len(columns) == 1 and bracketed_no_event(request.lower, match.start(), table.column(columns[0])):
            return [], match.span()  # "still ongoing (no ended_at)": rows whose event has not happened
        if self._value_after_column(request, table, columns, start, end):
            return (
                [],
                match.span(),
            )  # «без валюты GBP», "except currency EUR": rows with that value, not a column
        if re.match(r"\s*[,;.]", request.lower[match.end() :]) and not EXCLUDE_PREPOSITIONS.match(
            match.group(1)
        ):
            columns = []  # «льготников не брать, абонентов в клик»: the verb closes its clause; no list after
        if columns and self._ends_list(request, end):
            return columns, (match.start(), request.spans[end - 1][1])
        if EXCLUDE_PREPOSITIONS.match(match.group(1)):
            return [], match.span()
        clause_start = max(request.lower.rfind(p, 0, match.start()) for p in ",;.:!?(—") + 1
        whole_clause = max(request.lower.rfind(p, 0, match.start()) for p in ",;.:!?—") + 1
        if DEDUPE_CLAUSE_BY.match(request.lower[whole_clause : match.start()]):
            return [], match.span()  # «дубли по коду (code) убрать»: the duplicates go, the key column stays
        first, verb = request.token_at(clause_start), request.token_at(match.start())
        pii = self._personal_data_at(request, first)
        rest = request.lower[pii.end() : match.start()] if pii else ""
        if pii and re.fullmatch(r"\s*(?:данн\w*|data|info\w*)?\s*", rest) and self._pii_columns(table):
            return self._pii_columns(table), (clause_start, match.end())  # "персональные данные убрать"
        while verb > first and request.tokens[verb - 1] in _EXCLUSION_FILLERS:
            verb -= 1  # «login нам не нужен», "login here is not needed"
        while first < verb and request.tokens[first] in _CLAUSE_CONJUNCTIONS:
            first += 1  # «..., а номер паспорта не выгружать»
        first = self._past_column_with(request, first)  # «колонку с паспортом не тащить»
        # «студентов отчисленных не грузить»: the table's noun before the state word names the rows too
        noun_first = first + 1 < verb and self.filters._row_noun_at(request, table, first)
        state_at = first + 1 if noun_first else first
        if first < verb and (
            self._role_rows_at(request, table, first)
            or self._state_rows_at(request, table, state_at)
            or self._flag_rows_at(request, table, state_at)
        ):
            return [], match.span()  # «льготников не грузить»: rows whose flag is set, not the column
        if first + 1 == verb and self._names_listed_value_at(request, table, first):
            return [], match.span()  # "refunds not needed": rows of a listed status, no column (planner67)
        columns, end = self._column_run(table, request, first, stop=verb)
        if columns and self._value_after_column(request, table, columns, first, verb - 1):
            return [], match.span()  # «статус banned не нужен»: rows of that status to skip, not the column
        if columns and negation.states_condition(request.text[request.spans[first][0] : match.start()]):
            return [], match.span()  # «(status = 'expelled') не брать»: rows not to load, not a column
        if columns and (end == verb or self._column_tail(table, columns[-1], request.tokens[end:verb])):
            return columns, (clause_start, match.end())
        return [], match.span()

    def _names_listed_value_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is a value a column's comment lists, as written, as a status word ("refunds" of
        'refunded') or in a Russian form («закрытых»): after a leave-out word it names rows, not a column
        (the column's words include its listed values, so the column run would take it)."""
        word = request.tokens[index]
        return (
            self.filters.is_listed_value(table, word)
            or self.filters.is_listed_value(table, status_word(word)[0] or "")
            or self.filters.names_one_listed_value(table, request.raw[index])
            # "except mortgages" of 'Продукт (consumer, mortgage, ...)': the plural of a listed value
            # (planner121: the product column was left out and every loan loaded)
            or word.isascii()
            and len(word) > 2
            and any(_plural_pair(word, v.lower()) for c in table.columns for v in listed_values(c.comment))
        )

    def _noun_value_compound(self, request: Request, table: Table, index: int) -> bool:
        """«преподавателей-профессоров»: the table's noun joined by a hyphen to a value a column's comment
        lists ('Учёное звание (доцент, профессор)'): rows of that value, not a column."""
        if index + 1 >= len(request.tokens) or not self.filters._row_noun_at(request, table, index):
            return False
        joined = request.text[request.spans[index][1] : request.spans[index + 1][0]] == "-"
        return joined and self.filters.names_one_listed_value(table, request.raw[index + 1])

    def _value_after_column(
        self, request: Request, table: Table, columns: list[str], start: int, end: int
    ) -> bool:
        """One column named after an exclusion word and, right after its first word, a value that column's
        comment lists («без валюты GBP» with 'Валюта (RUB, GBP, ...)'; the run reads the listed value as a
        comment word): the words say which rows to skip, not a column to leave out."""
        column = table.column(columns[0]) if len(columns) == 1 else None
        if column is None:
            return False
        listed = {v.lower() for v in listed_values(column.comment)}
        after = request.tokens[start + 1 : min(end + 1, len(request.tokens))]
        return any(token in listed for token in after)

    def _column_tail(self, table: Table, name: str, tokens: list[str]) -> bool:
        """The words after a column's first words are the rest of its comment: «номер счёта в банке»
        ('Номер счёта в банке'), read whole before «не выгружать»; prepositions between them allowed."""
        column = table.column(name)
        if column is None or not column.comment:
            return False
        content = [t for t in tokens if t not in STOP_WORDS]
        words = self._column_words(column)
        return bool(content) and all(self.vocabulary.meanings(t) & words for t in content)

    def _state_rows_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is a participle naming the event of a time column («отчисленных» -> expelled_on)."""
        while index < len(request.tokens) and request.tokens[index] in ("the", "those", "тех", "всех"):
            index += 1
        if index >= len(request.tokens):
            return False
        start = request.spans[index][0]
        word = next((t for t in tokenize(request.text) if t.start == start), None)
        return (
            word is not None
            and self.filters.is_state_word(word)
            and bool(self.filters._event_columns_of(table, word))
        )

    def _flag_rows_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is an adjective or participle standing for the rows of one yes/no column's state
        («сторнированные» of 'Начисление сторнировано', «закрытые» of 'Отделение закрыто'): before «не нужны»
        it says which rows to leave out, not which column."""
        if index >= len(request.raw):
            return False
        token = next(iter(tokenize(request.raw[index])), None)
        if (
            token is None
            or token.lang != "ru"
            or not token.parses
            or token.parses[0].pos not in ("ADJF", "PRTF")
        ):
            return False
        return self.filters.names_one_flag(table, request.raw[index])

    def _event_noun_excluded(
        self, request: Request, table: Table, match: re.Match[str], span: tuple[int, int], columns: list[str]
    ) -> str | None:
        """«возвраты не нужны» of tickets ('Время возврата' refunded_at, 'Статус (..., refunded)'): one noun
        of the event a nullable time column dates, left out, may drop the column or the rows where the event
        happened (by the time or by the status); the README documents neither, so it is asked as «без
        возвратов» is. The column's name or its comment's time word («время возврата») says the column."""
        column = table.column(columns[0]) if len(columns) == 1 else None
        if column is None or not column.nullable or not re.search(r"time|date", column.type, re.IGNORECASE):
            return None
        said = request.text[span[0] : match.start()] + " " + request.text[match.end() : span[1]]
        content = [
            t
            for t in tokenize(said)
            if t.lang in ("ru", "en")
            and t.lower not in STOP_WORDS | _CLAUSE_CONJUNCTIONS | _EXCLUSION_FILLERS
        ]
        if len(content) != 1 or content[0].lower == column.name:
            return None
        noun = content[0]
        if noun.lang != "ru" or not any(p.pos == "NOUN" for p in noun.parses[:1]):
            return None
        if self.filters._event_columns_of(table, noun) != [column.name]:
            return None
        phrase = request.text[span[0] : span[1]].strip(" ,")
        return state_two_columns_question(request.language, table, phrase, column.name)

    def _without_event_noun(self, request: Request, table: Table, match: re.Match[str]) -> str | None:
        """ "loans without a return": "without" and an article before the noun of the event one nullable time
        column dates (returned_at) that names no column to leave out (two columns say "return": 'Срок
        возврата', 'Время возврата') may keep the rows the event has not happened to or leave the column out:
        asked (planner153: every loan was loaded). With "yet" after it the rows are read (filters.py)."""
        if request.language != "en" or match.group(0).strip() != "without":
            return None
        tokens, start = request.tokens, request.token_at(match.end())
        if start + 1 >= len(tokens) or tokens[start] not in ("a", "an"):
            return None
        if start + 2 < len(tokens) and tokens[start + 2] == "yet":
            return None  # "without an answer yet": the rows, read by the filters
        noun = next(iter(tokenize(request.raw[start + 1])), None)
        columns = self.filters._event_columns_of(table, noun) if noun is not None else []
        if len(columns) != 1:
            return None
        phrase = request.text[match.start() : request.spans[start + 1][1]]
        request.handled.append((match.start(), request.spans[start + 1][1]))
        return say(request.language, "planner.without_time_column", phrase=phrase, column=columns[0],
                   table=table.qualified_name)  # fmt: skip

    def _without_optional_column(
        self, request: Request, table: Table, match: re.Match[str], span: tuple[int, int], columns: list[str]
    ) -> bool:
        """«без»/"without" and one nullable column may leave the column out or keep the rows where it is empty
        (asked) when the words say a property of rows: an article before the column ("guests without an
        email", "without a phone") or, for a time column named by its own name, the table's noun or the
        schedule right before («отключения без ended_at», "fines daily at 4am without paid_at"). A column word
        («без колонки email», "the email column"), a list of columns or a NOT NULL column says the column, and
        so does a bare «без email» / "without email" (the README's reading: rows would be «у которых нет»)."""
        column = table.column(columns[0]) if len(columns) == 1 else None
        if column is None or not column.nullable:
            return False
        if not re.fullmatch(r"\s*(?:без|without)\s*", match.group(0)):
            return False
        start, end = request.token_at(match.end()), request.token_at(span[1] - 1) + 1
        named = request.tokens[start : end + 1]  # «без колонки email», "the email column"
        if start >= len(request.tokens) or any(COLUMN_NOUN.match(word) for word in named):
            return False
        if request.tokens[start] in ("a", "an"):
            return True  # "without an email": rows that have none, or the column
        if not re.search(r"time|date", column.type, re.IGNORECASE) or request.tokens[start] != column.name:
            return False
        before = request.token_at(match.start()) - 1
        if before >= 0 and any(a < request.spans[before][1] <= b for a, b in request.schedule_spans):
            return True  # "fines daily at 4am without paid_at": the schedule between the noun and «без»
        return before >= 0 and self.filters._row_noun_at(request, table, before)

    def _past_column_with(self, request: Request, index: int) -> int:
        """«колонку с паспортом», «столбец с телефоном», "the column with the passport": a column noun and
        «с»/"with" before the words that name the column: the index of those words (else `index`)."""
        tokens = request.tokens
        k = index + 1 if index < len(tokens) and tokens[index] == "the" else index
        if k + 1 < len(tokens) and COLUMN_NOUN.match(tokens[k]) and tokens[k + 1] in ("с", "со", "with"):
            k += 2
            return k + 1 if k < len(tokens) and tokens[k] == "the" else k
        return index

    def _role_rows_at(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` is the noun a boolean column's comment consists of («льготников»: 'Льготник')."""
        if index >= len(request.tokens):
            return False
        token = next(iter(tokenize(request.raw[index])), None)
        return token is not None and any(
            "bool" in c.type.lower()
            and (lemma := role_noun_of(c)) is not None
            and token.has({lemma}, pos=("NOUN",))
            for c in table.columns
        )

    def _personal_data_at(self, request: Request, index: int) -> re.Match[str] | None:
        """ "without (all) personal data", "без ПДн": the personal-data columns as one group."""
        while index < len(request.tokens) and request.tokens[index] in LIST_JOINERS | QUANTIFIERS:
            index += 1
        if index >= len(request.tokens):
            return None
        return PII_WORDS.match(request.lower, request.spans[index][0])

    def _excluded_columns(self, request: Request, table: Table) -> Found:
        """Columns the request leaves out of the load, or a question when it names one the table lacks."""
        excluded: list[str] = []
        for match in EXCLUDE.finditer(request.lower):
            columns, span = self._excluded_by(request, table, match)
            if columns and _inside_dedupe_bracket(request, span):
                continue  # «дубли (reservation_code) убрать»: the duplicates go, the key column stays
            if columns and request.token_at(span[0]) in _dedupe_key_indices(request):
                continue  # «дубли по сеансу, ряду и месту выкидывать»: the list's tail is keys, none dropped
            if columns and self._without_optional_column(request, table, match, span, columns):
                phrase = request.text[match.start() : span[1]]
                request.handled.append(span)  # asked here: no row filter asks about the words again
                return Found(None, [say(request.language, "planner.without_time_column", phrase=phrase,
                                        column=columns[0], table=table.qualified_name)])  # fmt: skip
            event_or_rows = self._event_noun_excluded(request, table, match, span, columns)
            if event_or_rows:
                return Found(None, [event_or_rows])
            if not columns and (asked := self._without_event_noun(request, table, match)):
                return Found(None, [asked])
            if columns:
                excluded += [c for c in columns if c not in excluded]
                request.handled.append(span)
                continue
            named = _COLUMN_WITH_BEFORE.search(request.lower, 0, match.start()) or _COLUMN_WITH_AFTER.match(
                request.lower, match.end()
            )
            if named:  # «столбец с прозвищем не выгружать»: a column the words name, but the table has none
                return Found(None, [f"{table.qualified_name} has no column {named.group(1)!r} to leave out; "
                                     f"columns: {', '.join(table.column_names)}."])  # fmt: skip
            start = request.token_at(match.end())
            while start + 1 < len(request.raw) and request.tokens[start] in ("the", "those", "тех", "всех"):
                start += 1  # "except the fired ones"
            if start < len(request.raw) and (
                self.filters.names_one_flag(table, request.raw[start])
                or self.filters.names_unit_count(table, request.raw[start])
                or self.filters.names_one_listed_value(table, request.raw[start])
                or len(self.filters.opposite_flags_of(table, tokenize(request.raw[start])[0])) == 1
                or self.filters._own_state_word(table, tokenize(request.raw[start])[0])
                # "except children" of 'Категория (adult, child, …)': the English plural of a listed value
                # names rows, though a glossary word of another table's column says it (planner161)
                or request.raw[start].isascii()
                and self._names_listed_value_at(request, table, start)
                # «кроме оплаченных картой»: a participle names rows, never a column (planner169)
                or _is_participle(tokenize(request.raw[start])[0])
            ):
                continue  # «без просрочки» ('Платёж просрочен'), «кроме закрытых» (status), «без уволенных»
                # ('Агент работает'), "except closed ones" (status 'closed' or closed_on): rows, no column
            following = [t for t in request.tokens[start : start + 3] if t not in LIST_JOINERS]
            foreign = self._foreign_column_words(table, following[:2])
            if foreign:
                return Found(None, [f"{table.qualified_name} has no column {foreign[0]!r} to leave out; "
                                     f"columns: {', '.join(table.column_names)}."])  # fmt: skip
        return Found(excluded)

    # --- options -------------------------------------------------------------------------------

    def _mode_conflict(self, request: Request) -> list[str]:
        """Two load modes named at once («перезаливать целиком ..., слияние по id»): asked, quoting both."""
        if not grammar.enabled("mode"):
            return []
        tokens = tokenize(request.text)
        named = []
        replace_cue = None if reload_verb_with_keys(tokens) else grammar.replace_mode(tokens)
        if replace_cue:
            named.append(request.text[replace_cue.start : replace_cue.end])
        merge = grammar.merge_mode(tokens, incremental=True)
        if merge:
            named.append(request.text[merge.start : merge.end])
        if request.append_only:
            named.append("только добавление" if request.language == "ru" else "append-only")
        elif replace_cue and not merge:
            # "replace the whole table ... only new rows": a full reload and an incremental load at once
            new_rows = INCREMENTAL.search(request.lower) or APPEND_WORDS.search(request.lower)
            if request.since_last_run:
                named.append(request.since_last_run)
            elif new_rows:
                named.append(request.text[new_rows.start() : new_rows.end()])
        if len(named) < 2:
            return []
        quoted = ", ".join(f"«{w}»" if request.language == "ru" else repr(w) for w in named)
        if request.language == "ru":
            return [
                f"Указаны разные режимы загрузки: {quoted}. Какой нужен: перезапись, слияние по ключу "
                "или добавление?"
            ]
        return [f"Several load modes are named: {quoted}. Which one: replace, upsert by key, or append?"]

    def _mode(self, request: Request) -> str:
        tokens = tokenize(request.text)
        if grammar.enabled("mode") and grammar.replace_mode(tokens) and not reload_verb_with_keys(tokens):
            return "replace"
        incremental = bool(INCREMENTAL.search(request.lower)) or any(is_(t, "INCREMENTAL") for t in tokens)
        merge = grammar.enabled("mode") and grammar.merge_mode(tokens, incremental=incremental)
        return "upsert" if merge else "append"

    def _named_columns(self, table: Table, names: list[str]) -> list[str]:
        """The columns of `table` among `names` (a column list the grammar read), in order."""
        return list(dict.fromkeys(table.column(n).name for n in names if table.column(n)))  # type: ignore[union-attr]

    def _listed_columns(self, table: Table, names: str) -> tuple[list[str], list[str]]:
        """Known columns of a `a, b and c` list, and the unknown snake_case names in it."""
        parts = [n for n in re.split(r"\s*(?:,|\band\b|\bи\b|&)\s*", names.lower()) if n]
        known = [table.column(n).name for n in parts if table.column(n)]  # type: ignore[union-attr]
        unknown = [n for n in parts if not table.column(n) and "_" in n]
        return list(dict.fromkeys(known)), unknown

    def _keys(self, request: Request, table: Table) -> Found:
        listed = self._key_list(request, table)
        if listed:
            return Found(listed)
        for listed_names in grammar.column_lists(tokenize(request.text)):
            before = request.lower[max(0, listed_names.start - 30) : listed_names.start]
            if (
                INCREMENTAL.search(before)
                or _lexicon_cue(before, "INCREMENTAL")
                or DEDUPE.search(before)
                or re.search(r"инкремент|incremental", before)
            ):
                continue
            names = _before_changed_rows(listed_names.value)  # "by id, changed rows ...": one key
            known = self._named_columns(table, names)
            unlisted = [n for n in names if not table.column(n)]
            if known and unlisted and _after_key_cue(request, listed_names):
                # «мерж по shipment_id + status» with no status column: asked, not a key dropped
                columns = ", ".join(table.column_names)
                question = say(request.language, "planner.which_keys_unread", table=table.qualified_name,
                               unread=unlisted[0], columns=columns)  # fmt: skip
                return Found(None, [question])
            if known:
                return Found(known)
        explained = self._key_after_its_noun(request, table)
        if explained:  # «обновлять по номеру отправления (id)», «по коду sku»
            return Found(explained)
        unread = self._unread_key_word(request, table)
        if unread:
            columns = ", ".join(table.column_names)
            question = say(request.language, "planner.which_keys_unread", table=table.qualified_name,
                           unread=unread, columns=columns)  # fmt: skip
            return Found(None, [question])
        if table.primary_key:
            return Found(list(table.primary_key))
        name = table.qualified_name
        return Found(None, [msg("planner.which_keys", table=name)])

    def _key_after_its_noun(self, request: Request, table: Table) -> list[str]:
        """The key column named after a noun that describes it, in the merge cue's clause: «по номеру
        отправления (id)», «по артикулу (sku)», «по коду sku», "by the shipment number (id)"."""
        merge = (
            grammar.merge_mode(tokenize(request.text), incremental=True) if grammar.enabled("mode") else None
        )
        if merge is None:
            return []
        tokens, index = request.tokens, request.token_at(merge.start)
        prep = next((j for j in range(index, min(index + 6, len(tokens))) if tokens[j] in KEY_PREPS), None)
        if prep is None:
            return []
        for j in range(prep + 1, min(prep + 5, len(tokens))):
            if j > prep + 1 and re.search(
                r"[,;.!?]", request.text[request.spans[j - 1][1] : request.spans[j][0]]
            ):
                return []  # the clause ended
            column = table.column(tokens[j])
            if column is not None and request.raw[j].isascii():
                return [column.name]
        return []

    def _unread_key_word(self, request: Request, table: Table) -> str | None:
        """The word after «по»/"by"/"on" following a merge cue when no key was read from it: «по ключу
        order_code», "on the external key". Not a time («по понедельникам»), a place («в кликхаус»)."""
        merge = (
            grammar.merge_mode(tokenize(request.text), incremental=True) if grammar.enabled("mode") else None
        )
        if merge is None:
            return None
        index = request.token_at(merge.start)
        tokens = request.tokens
        if merge.last - merge.first < 2 or tokens[min(index + 1, len(tokens) - 1)] not in KEY_PREPS:
            # the cue is one word («слияние»): its «по» / "by" may follow within a few words
            for j in range(index + 1, min(index + 6, len(tokens))):
                if tokens[j] in KEY_PREPS:
                    index = j
                    break
                if "," in request.text[request.spans[j - 1][1] : request.spans[j][0]]:
                    return None
            else:
                return None
        j = index + 1
        while j < len(tokens) and tokens[j] in KEY_FILLER:
            j += 1
        if j >= len(tokens):
            return None
        word = tokens[j]
        if table.column(word) or self._names_source_place(request, j) or _mentions_schedule(request.raw[j]):
            return None
        if self._is_engine_word(word) or word in STOP_WORDS:
            return None
        return request.raw[j]

    def _window_keys(self, request: Request, table: Table) -> Found:
        """Keys for a rolling window: the ones named after an upsert cue, else the primary key."""
        listed = self._key_list(request, table)
        if listed or table.primary_key:
            return Found(listed or list(table.primary_key))
        return Found(None, [f"Each run reloads the whole time window, so rows would be loaded twice: which "
                             f"key columns identify a row of {table.qualified_name}?"])  # fmt: skip

    def _left_out_but_needed(
        self, table: Table, columns: list[str] | None, keys: list[str] | None, incremental: str | None
    ) -> list[str]:
        """A column left out of the load cannot be an upsert key or the incremental watermark."""
        if not columns:
            return []
        needed = [*(keys or []), *([incremental] if incremental else [])]
        missing = [c for c in needed if c not in columns]
        if not missing:
            return []
        return [f"{', '.join(missing)} of {table.qualified_name} would be left out, but the load needs "
                "it (key or new-rows column); should it be loaded after all?"]  # fmt: skip

    def _key_list(self, request: Request, table: Table) -> list[str]:
        """Keys after an upsert cue, by column name or business word: "upsert by product and warehouse"
        -> product_id, warehouse (a word naming another table stands for its `_id` column here)."""
        for cue in grammar.key_cues(tokenize(request.text)):
            start = request.token_at(cue.end)
            stop = self._masking_clause_start(request, start)
            columns, end = self._column_run(table, request, start, stop=stop, fk_words=True)
            if columns and self._ends_list(request, end):
                return columns
            # «по сотруднику и дате»: nouns of the tables the keys refer to, a generic key word
            columns, end = key_noun_columns(self, table, request, request.token_at(cue.end))
            if columns and self._ends_list(request, end):
                return columns
        return []

    def _masking_clause_start(self, request: Request, start: int) -> int | None:
        """The first word of the masking clause after a key list («апсертом по id, карту замаскировать»,
        "upsert on id, card masked"): a key list ends at the comma (or dash) before the clause that masks."""
        mask = _mask_cue(request)
        if mask is None or start >= len(request.tokens) or mask.start() <= request.spans[start][0]:
            return None
        spans = request.spans
        gaps = [
            (k, request.text[spans[k - 1][1] : spans[k][0]])
            for k in range(start + 1, len(request.tokens))
            if spans[k][0] <= mask.start()
        ]
        # a semicolon or a dash ends the key list where it stands («мержим по id — email и телефон
        # захешировать»); else the last comma before the masking clause does («по id, карту замаскировать»)
        strong = next((k for k, gap in gaps if STRONG_CLAUSE_MARK.search(gap)), None)
        return strong if strong is not None else next((k for k, gap in reversed(gaps) if "," in gap), None)

    def _claim_key_words(self, request: Request) -> None:
        """Words of a key list ("upsert по товару и складу") name columns, not the table to load; so do
        names after a column noun («по полю occurred_at», "by column sold_at")."""
        for listed_names in grammar.column_lists(tokenize(request.text)):
            if listed_names.detail in ("field", "key"):
                request.claimed.update(listed_names.value)
        for cue in grammar.key_cues(tokenize(request.text)):
            index = request.token_at(cue.end)
            while index < len(request.tokens) and not self._ends_list(request, index, commas=False):
                request.values.add(request.tokens[index])
                request.key_indices.add(index)
                joined = index + 1 < len(request.tokens) and (
                    request.tokens[index + 1] in {"and", "и", "&"}
                    or "," in request.text[request.spans[index][1] : request.spans[index + 1][0]]
                )
                index += 2 if joined and request.tokens[index + 1] in {"and", "и", "&"} else 1
                if not joined:
                    break

    def _incremental(self, request: Request, table: Table) -> Found:
        # "со статусом new", «в статусе "новый"», «с пометкой «новое»»: a value, not "new rows"; blanked to
        # the same length, so the spans below still point at the same characters
        text = _blank_status_values(request.lower)
        spans = [
            (place.position, place.end) for place in self.filters._places(request, table)
        ]  # nor "from New York"
        places = set(self.filters._place_columns(table))
        for i, column in self.filters._column_values(request, table):  # or "for city New York"
            if column.name in places:
                start = request.spans[i + 1][0]
                spans.append((start, start + len(self.filters._place_phrase(request, table, i))))
        spans += _listed_value_runs(text, table)  # "only new and in_progress": two status values, no new rows
        spans += self.filters.common_word_value_spans(request, table)  # «только новые и in_progress» too
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        cue = INCREMENTAL.search(text) or NEW_NOUN.search(text) or _lexicon_cue(text, "INCREMENTAL")
        if cue is None and grammar.enabled("changed"):  # «изменившиеся / обновлённые заказы»: rows changed
            cue = _lexicon_cue(text, "CHANGED", pos=PARTICIPLES) or _changed_clause_cue(text)
        if cue is None and request.since_last_run:  # "added since the last run": rows past its watermark
            cue = re.match("", text)
        only_append = cue is None and request.append_only
        if only_append:  # «только добавление»: each run adds the new rows
            cue = re.match("", text)
        if cue is None:  # «дописывать по created_at», "append by updated_at": an append verb and its column
            append = APPEND_WORDS.search(text)
            after = (
                re.match(r"\W+(?:\w+\W+){0,3}?(?:по|by|on|using)\s+(\w+)", text[append.end() :])
                if append
                else None
            )
            by_column = table.column(after.group(1)) if after else None
            fits = by_column and (is_temporal(table, by_column.name) or marks_new_rows(table, by_column.name))
            if append and fits:
                cue = append
        keys = self._key_spans(request)
        if cue is None and grammar.enabled(
            "mode"
        ):  # «каждые 5 минут по started_at»: no verb, one time column
            bare = watermark.bare_time_column(request.text, table, keys)
            return Found(bare[0] if bare else self._bare_time_column_by_words(request, table, keys))
        if not cue:
            return Found(None)
        for listed_names in grammar.column_lists(tokenize(request.text)):
            if any(start <= listed_names.start < end for start, end in keys):
                continue  # "merge ... by id", «слияние по id»: key columns, not the new-rows column
            if self._dedupe_list(request, listed_names):
                continue  # «дубли по shipment_id и event_code»: what a duplicate is, not the new rows
            known = self._named_columns(table, listed_names.value)
            if len(known) > 1:  # "on updated_at, region column not needed": the list ran into another clause
                known = [c for c in known if marks_new_rows(table, c)] or known
            near = listed_names.start >= cue.start() or marks_new_rows(table, known[0]) if known else False
            if len(known) == 1 and near and marks_new_rows(table, known[0]):
                return Found(known[0])  # "new rows by id" of a serial key, «новые по issued_at»
            if (
                len(known) == 1
                and near
                and self._names_new_rows_column(request, listed_names, cue.start())
                and not watermark.has_other_role(request.text, listed_names.start, listed_names.end)
            ):
                return Found(None, [self._unfit_new_rows_column(request, table, known[0])])
            unknown = [n for n in listed_names.value if "_" in n and not table.column(n)]
            if unknown and not known and self._names_new_rows_column(request, listed_names, cue.start()):
                return Found(None, [self._no_such_column(request, table, unknown[0])])
        described = self._new_rows_column_by_words(request, table, cue.end()) or (
            self._bare_time_column_by_words(request, table, keys)
        )  # «дозаливать заказы в клик каждые 20 минут по дате обновления»: the column, not the creation time
        if described:  # «инкрементально по дате обновления», "incrementally by update time"
            return Found(described)
        changed = grammar.enabled("changed") and (
            _lexicon_cue(request.text, "CHANGED", pos=PARTICIPLES) or _changed_clause_cue(request.text)
        )
        if CHANGED.search(request.lower) or changed:
            for name in UPDATE_COLUMNS:
                if table.column(name):
                    return Found(name)
        event = self._event_time_column(table) or self._arrival_time_column(table)
        if event and self._set_later(table, event):  # loan_payments.paid_at: empty until the payment is made
            optional, event = event, self._required_time_column(table)
            if event is None:
                columns = ", ".join(c.name for c in table.columns if marks_new_rows(table, c.name))
                return Found(None, [say(request.language, "planner.new_rows_column_nullable", column=optional,
                                        table=table.qualified_name, columns=columns)])  # fmt: skip
        if event and only_append and not re.search(r"\b(?:по|by)\s+\w", text):
            # «только дописывать» and nothing about new rows: plain append and "only new rows" both fit
            slot = grammar.append_only(tokenize(request.written))
            phrase = request.written[slot.start : slot.end] if slot else "append only"
            return Found(
                None, [say(request.language, "planner.append_only_new_rows", phrase=phrase, column=event)]
            )
        if event:
            return Found(event)
        listed = ", ".join(self._event_columns(table)) or "none found"
        question = msg("planner.which_incremental", table=table.qualified_name, columns=listed)
        return Found(None, [question])

    def _key_spans(self, request: Request) -> list[tuple[int, int]]:
        """Where upsert keys are listed: after a key cue, and the clause of a merge word."""
        keys = [(cue.start, cue.end) for cue in grammar.key_cues(tokenize(request.text))]
        merge = grammar.merge_mode(tokenize(request.text)) if grammar.enabled("mode") else None
        if merge:  # «слияние по id», "update changed rows by id": its clause's list holds the keys
            clause_end = re.search(r"[,;.!?]", request.text[merge.end :])
            keys.append((merge.start, merge.end + (clause_end.start() if clause_end else len(request.text))))
        return keys

    def _new_rows_column_by_words(self, request: Request, table: Table, cue_end: int) -> str | None:
        """A time column named by its words right after the new-rows cue: «по дате обновления» -> updated_at,
        "by update time" -> updated_at (never an id: a watermark is a time)."""
        if cue_end <= 0:
            return None
        start = request.token_at(cue_end)
        for j in range(start, min(start + 3, len(request.tokens))):
            word = request.tokens[j]
            if word in ("по", "by", "on", "using"):
                named = [w for w in request.tokens[j + 1 : j + 4] if w not in ("the", "its", "their")]
                found = self._word_column(table, named, fk_words=False)
                return self._time_column(table, found[0] if found else None)
            if table.column(word):  # "watermark column updated_at", «водяной знак updated_at»
                return self._time_column(table, word)
            gap = (
                request.text[request.spans[j][1] : request.spans[j + 1][0]]
                if j + 1 < len(request.spans)
                else ""
            )
            if "," in gap:  # the cue's clause ended
                return None
        return None

    def _bare_time_column_by_words(
        self, request: Request, table: Table, keys: list[tuple[int, int]]
    ) -> str | None:
        """«каждые 20 минут по дате обновления», "every 20 minutes by update time": «по»/"by"/"using" and the
        words of one timestamp column (its comment or the glossary), read as `watermark.bare_time_column`
        reads its name: the column marks the rows each run takes. Not a list another rule owns (merge keys,
        a dedupe, an order, a rolling window) nor a date such as the birth date («по дате рождения»)."""
        for j, word in enumerate(request.tokens[:-1]):
            start = request.spans[j][0]
            if word not in watermark.PREPOSITIONS or any(a <= start < b for a, b in keys):
                continue
            if any(a <= start < b for a, b in request.schedule_spans) or request.is_handled(start):
                continue
            named = [w for w in request.tokens[j + 1 : j + 4] if w not in ("the", "its", "their")]
            if named and table.column(named[0]):
                continue  # «по created_at, updated_at»: a name is watermark.bare_time_column's to read
            if named and analyse(named[0])[0].lemma in RELATIVE:
                continue  # «по которым клиент не пришёл»: a clause's pronoun, no column (planner151)
            found = self._word_column(table, named, fk_words=False)
            column = table.column(found[0]) if found else None
            if column is None or not ("timestamp" in column.type.lower() or column.name.endswith("_at")):
                continue
            end = request.spans[min(j + found[1], len(request.spans) - 1)][1] if found else start
            if watermark.has_other_role(request.text, start, end) or DEDUPE.search(
                request.lower[:start][-30:]
            ):
                continue
            return column.name
        return None

    def _time_column(self, table: Table, name: str | None) -> str | None:
        column = table.column(name) if name else None
        kind = column.type.lower() if column else ""
        return column.name if column and ("time" in kind or "date" in kind) else None

    def _dedupe_by_words(self, request: Request, table: Table, cue_end: int) -> list[str]:
        """The columns after «по»/"by"/"on" right after the dedupe cue, named by their words (comment,
        glossary, any case) as a key list is read: «дубли по снилсу и телефону»; [] unless the whole list
        is columns."""
        start = request.token_at(cue_end)
        if start >= len(request.tokens) - 1 or request.tokens[start] not in ("по", "by", "on"):
            return []
        columns, end = self._column_run(table, request, start + 1)
        closed = self._ends_list(request, end) or bool(REMOVE_WORD.fullmatch(request.tokens[end]))
        return columns if columns and closed else []

    def _dedupe_list(self, request: Request, listed: grammar.Slot) -> bool:
        """The list is the dedupe clause's: a dedupe word just before it in its clause («дубли по X и Y
        выкидывать», "drop duplicates by X") or the word right after it («по X и Y дубликаты убрать»)."""
        text = request.text
        start = max([text.rfind(p, 0, listed.start) for p in ",;."] + [listed.start - 30]) + 1
        after = re.match(r"[^\w,;.]*(\w+)", text[listed.end :])
        for part in (text[start : listed.start], after.group(1) if after else ""):
            if DEDUPE.search(part.lower()) or _lexicon_cue(part, "DEDUPE"):
                return True
        return False

    def _names_new_rows_column(self, request: Request, listed: grammar.Slot, cue_start: int) -> bool:
        """A list names the new-rows column: introduced by a column noun («по полю happened_at»), or
        right after the incremental cue ("new events by happened_at"), and not a dedupe list."""
        before = request.lower[max(0, listed.start - 30) : listed.start]
        if DEDUPE.search(before) or _lexicon_cue(before, "DEDUPE"):
            return False
        return listed.detail == "field" or 0 <= listed.start - cue_start <= 60

    def _unfit_new_rows_column(self, request: Request, table: Table, column: str) -> Message:
        """ "new trips by customer_id", «новые по meter_id»: the request names the new-rows column, but
        it is neither a time nor an increasing key; asked, never swapped for the event time."""
        candidates = [c.name for c in table.columns if marks_new_rows(table, c.name)]
        return say(
            request.language, "planner.new_rows_column_unfit", column=column, table=table.qualified_name,
            columns=", ".join(candidates) or "none found",
        )  # fmt: skip

    def _no_such_column(self, request: Request, table: Table, name: str) -> str:
        columns = ", ".join(table.column_names)
        if request.language == "ru":
            return (
                f"В {table.qualified_name} нет колонки «{name}»; колонки: {columns}. "
                "По какой колонке отбирать новые строки?"
            )
        return (
            f"{table.qualified_name} has no column {name!r}; columns: {columns}. Which column marks new rows?"
        )

    def _unread_condition(self, request: Request, table: Table, where: Any, window: Any) -> list[str]:
        """A condition-shaped phrase no filter rule read: a quoted value, a date, or a number after a
        comparison word («больше 100 км», "over 5 kg"), missing from the WHERE. Planning without it would
        load rows the user excluded, so the planner asks, quoting the words."""
        read = str(where or "")
        names = self._known_names(table)
        for match in CONDITION_SHAPES.finditer(request.text):
            start = match.start()
            if any(a <= start < b for a, b in request.schedule_spans):
                continue
            if window and match.group("cmp") is None:
                continue  # beside a window only a bound is checked: "over 1500" is never dropped (planner136)
            value = next(
                g
                for g in match.group("q1", "q2", "q3", "date", "date2", "num", "num2", "year", "num3")
                if g is not None
            )
            if value.lower() in names or value.lower() in request.claimed or _covered(value, read):
                continue
            if match.group("num") is not None and request.is_handled(match.start("num")):
                continue  # «больше 3 недель» read as overdue_days > 21: converted, not dropped
            if request.is_handled(start) and read:
                continue  # «длиннее 5 минут» read in the column's unit (duration_sec > 300)
            if match.group("num") is not None and match.group("cmp") is None:
                continue
            return self._ask_condition(request, table, match.group(0).strip())
        if window:
            return []
        elsewhere = self._bracketed_column_elsewhere(request, table)
        if elsewhere:
            return [elsewhere]
        latin = self._unread_latin_value(request, table, read)
        if latin:
            return self._ask_condition(request, table, latin)
        region = self._unread_region(request, table, read)
        if region:
            return self._ask_condition(request, table, region)
        for start, end in self._zone_words_as_values(request):  # "only msk": a value, never dropped
            if not _covered(request.text[start:end], read):
                before = request.spans[request.token_at(start) - 1][0]  # quoted with its column or only-word
                return self._ask_condition(request, table, request.text[before:end])
        only = self._unread_only_word(request, table, read)
        if only:  # "events, only purchase" where no comment lists event types: never dropped
            return self._ask_condition(request, table, only)
        named = self._unread_named_value(request, table, read)
        if named:  # «товары категории Электроника»: a value after its column's noun, never dropped
            return self._ask_condition(request, table, named)
        participle = (
            self._unread_participle(request, table, read)
            or self._unread_row_phrase(request, read)
            or self._unread_compound_kind(request, table, read)
            or self._unread_bracketed_kind(request, table, read)
            or self._unread_state_adjective(request, table, read)
            or self._unread_genitive_value(request, table, read)
            or self._unread_instrumental_value(request, table, read)
            or self._unread_reason_phrase(request, table, read)
            or self._unread_excepted_state(request, read)
            or self._unread_unwanted_state(request, table, read)
            or self._unread_negated_state(request, read)
        )
        if participle:
            return self._ask_condition(request, table, participle)
        for i, (token, raw) in enumerate(zip(request.tokens, request.raw, strict=False)):  # "skip failed"
            value, _ = status_word(token)
            if i == 0 and value and value != token and value.startswith(token):
                continue  # "ship dorm residents to ...": the imperative verb, not the status shipped
            if request.is_handled(request.spans[i][0]):
                continue  # «без отметки о завершении (finished_at is null)»: words the brackets explain
            means = i + 1 < len(request.tokens) and request.tokens[i + 1] in ("by", "via", "through", "через")
            if value and means and read and not self.filters.is_listed_value(table, value):
                continue  # "paid by card or sbp": the means is the filter; the table lists no such status
            if value and read and self._event_read(request, table, i, read):
                continue  # «завершённые не нужны» of data_sessions: read as ended_at IS NULL (planner49)
            if value and read and status_gloss_after(request, table, request.spans[i][1], read):
                continue  # "completed ones, status checked_out": the status named after it says it
            # "event_code = 'DELIVERED'": the value as quoted, in any case, was read
            said = value is not None and any(v in read.lower() for v in status_spellings(value))
            said = said or (value is not None and names_read_value(raw, table, read))  # a listed meaning
            if value and not said and token not in request.claimed and not _test_as_noun(request, i):
                column = self._single_word_column(table, token, fk_words=True)
                if column and re.search(rf"\b{re.escape(column)}\b", read):
                    continue  # "refund over 2000": the word names the compared column, not a status
                return self._ask_condition(request, table, raw)
        numbered = self._unread_numbered_genitive(request, table, read)
        if numbered:  # «студентов 2 курса», «первого курса»: a number of something the table does not hold
            return self._ask_condition(request, table, numbered)
        # «дольше тридцати минут», "since March 1st": a comparison or a start no rule read. A start of a
        # time window is asked about even beside a condition that was read («дольше 30 минут с начала
        # месяца» loaded every month) unless the WHERE holds a time bound.
        timed = bool(re.search(r"now\(\)|current_date|date_trunc|interval|'\d{4}-\d{2}-\d{2}", read))
        for cue in UNREAD_CONDITION_CUES.finditer(request.lower):
            if read and (timed or not WINDOW_START_CUE.match(cue.group(0))):
                continue
            if request.is_handled(cue.start()):
                continue  # «id и email, больше ничего не надо»: the column list's rest, no comparison
            if _discourse_korotche(request.lower, cue.start(), cue.end()):
                continue  # «Короче, книги …»: the speaker's "in short", no comparison
            if not any(a <= cue.start() < b for a, b in request.schedule_spans):
                return self._ask_condition(request, table, request.text[cue.start() : cue.end()].strip())
        origin = self._unread_origin(request, table, read)
        if origin:  # «лиды с сайта» where leads.source lists no values: which value is the site's?
            return [say(request.language, "planner.unlisted_origin", phrase=origin[0], column=origin[1],
                        table=table.qualified_name)]  # fmt: skip
        absent = None if read else _BRACKETED_ABSENT.search(request.text)
        if absent is not None and not request.is_handled(absent.start(1)):
            return self._ask_condition(request, table, absent.group(0))  # "(no returns)", «(нет возвратов)»
        compound = self._unread_compound_qualifier(request, table) or self._unread_kind_before_noun(
            request, table, read
        )
        return self._ask_condition(request, table, compound) if compound else []

    def _unread_kind_before_noun(self, request: Request, table: Table, read: str) -> str | None:
        """ "vip guests", «вип гости»: the hyphenated compound's qualifier written as a separate word before
        the table's noun. A word the value lexicon knows as a kind of rows (VALUE_MEANINGS: «вип» -> vip)
        that no rule read and the WHERE does not hold is asked about, never every row loaded (planner67:
        "vip guests" over guests with no VIP column loaded every guest while «вип-гости» was asked)."""
        tokens = [t for t in tokenize(request.text) if t.lang in ("ru", "en")]
        for word, noun in zip(tokens, tokens[1:], strict=False):
            if request.text[word.end : noun.start].strip() or not _names_a_kind(word):
                continue
            if noun.lower in STOP_WORDS:
                continue  # «замаскировать почту и телефон»: a conjunction after the word is no table noun
            if self._not_table_noun(table, [noun.lower]) or not self._not_table_noun(table, [word.lower]):
                continue  # the next word is not the table's noun, or the kind word is one of its own
            if _derives_from_comment(word, table):
                continue  # «кредитные платежи» of 'Платежи по кредитам': the table's own qualifier
            if word.lower == table.schema.lower():
                continue  # "fleet vehicles" of fleet.vehicles: the schema's own name, no kind of rows
            if (
                request.is_handled(word.start)
                or word.lower in request.claimed
                or _spells_name_part(word.lower, table)
            ):
                continue
            if any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            status, _ = status_word(word.lower)  # "successful payments" read as status = 'succeeded'
            said = _kind_meanings(word) | set(status_spellings(status) if status else ())
            if not any(_covered(m, read) for m in said) and not names_read_value(word.text, table, read):
                return f"{word.text} {noun.text}"
        return None

    def _unread_region(self, request: Request, table: Table, read: str) -> str | None:
        """«клубы в Московской области», "clubs in the Tver region": a region phrase is a condition only on a
        column that holds regions (its name or comment says region, district, область...); a WHERE on any
        other column (the region's name read as a city) or none leaves it unread, so it is asked about."""
        for match in REGION_PHRASE.finditer(request.text):
            if any(a <= match.start() < b for a, b in request.schedule_spans):
                continue
            holders = [c.name for c in table.columns if _holds_regions(c)]
            if not any(re.search(rf"\b{re.escape(name)}\b", read) for name in holders):
                return match.group(0)
        return None

    def _unread_compound_qualifier(self, request: Request, table: Table) -> str | None:
        """«вип-абоненты», «гости-вип», "vip-guests": a hyphenated compound of the table's own noun and a
        qualifier says which rows; when no rule read the qualifier (no listed value, flag or column: «премиум-
        клиенты» is segment = 'premium', «вип-страхователи» is is_vip) the compound is returned to be asked
        about, never every row loaded (planner61)."""
        for word in tokenize(request.text):
            parts = word.text.lower().split("-")
            if word.lang not in ("ru", "en") or len(parts) != 2 or not all(p.isalpha() for p in parts):
                continue
            qualifiers = self._not_table_noun(table, parts)
            if len(qualifiers) != 1 or qualifiers == parts:
                continue  # no part is the table's noun («e-mail»), or both are («sim-карты» of sim_cards)
            qualifier = qualifiers[0]
            at = word.start if parts[0] == qualifier else word.start + len(parts[0]) + 1
            if _spells_name_part(qualifier, table):
                continue  # «вайфай-сессии» of wifi_sessions, «сим-карты»: it spells the table's name
            if request.is_handled(at) or request.is_handled(word.start) or qualifier in request.claimed:
                continue
            if qualifier in STOP_WORDS or self._is_engine_word(qualifier):
                continue
            if self._single_word_column(table, qualifier, True) is None:
                return word.text
        return None

    def _bracketed_absent_column(self, request: Request, table: Table) -> list[str]:
        """ "(no email)", «(нет телефона)»: brackets saying one column of the table, not a time column, is
        absent may leave the column out or keep the rows where it is empty; the README documents neither, so
        both languages ask (planner52: English left the column out, Russian kept the empty rows). A time
        column ("(no ended_at)") is the event not yet happened, read by the null rules."""
        for absent in _BRACKETED_ABSENT.finditer(request.text):
            columns, end = self._column_run(table, request, request.token_at(absent.start(1)))
            beyond = end < len(request.spans) and request.spans[end][0] < absent.end(1)
            if len(columns) != 1 or beyond:  # «(нет отметки о возврате)»: more words than the column
                continue
            column = table.column(columns[0])
            if column is None or re.search(r"time|date|bool", column.type, re.IGNORECASE):
                continue  # "(no roaming)": a flag's "no" is its false, read by the flag rules
            return [say(request.language, "planner.absent_column_or_rows", phrase=absent.group(0),
                        column=column.name, table=table.qualified_name)]  # fmt: skip
        return []

    def _event_read(self, request: Request, table: Table, index: int, read: str) -> bool:
        """Word `index` names the event of a time column the WHERE already compares («завершённые» and
        ended_at, 'Конец сессии'): a state word read, not a status value left unread."""
        start = request.spans[index][0]
        word = next((t for t in tokenize(request.text) if t.start == start), None)
        return word is not None and any(
            re.search(rf"\b{re.escape(column)}\b", read)
            for column in self.filters._event_columns_of(table, word)
        )

    def _unread_numbered_genitive(self, request: Request, table: Table, read: str) -> str | None:
        """«студенты 2 курса», «курсы третьего семестра» with no WHERE: a number or an ordinal before a
        genitive noun that names a column or another table says which rows; asked about (planner8)."""
        if read or request.language != "ru":
            return None
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for number, noun in zip(tokens, tokens[1:], strict=False):
            if number.number is None or noun.lang != "ru" or not noun.parses:
                continue
            if noun.parses[0].pos != "NOUN" or noun.parses[0].case != "gent":
                continue
            if any(a <= number.start < b for a, b in request.schedule_spans):
                continue
            meanings = set(self.vocabulary.meanings(noun.lower))
            if meanings & own or noun.lower in request.claimed:
                continue
            if self._names_a_column_anywhere(noun.lower, meanings) or self._names_table_or_connection(
                noun.lower
            ):
                return request.text[number.start : noun.end]
        return None

    def _unread_named_value(self, request: Request, table: Table, read: str) -> str | None:
        """«товары категории Электроника», "products of brand Acme": a word naming one text column of the
        table followed right away by a capitalised word (not the request's first) that no rule read and that
        names no table, column or connection: a value of that column, quoted with its noun to be asked."""
        known = self._known_names(table)
        for i in range(1, len(request.tokens) - 1):
            raw, start = request.raw[i + 1], request.spans[i + 1][0]
            if not raw[:1].isupper() or raw.isupper() or not raw.isalpha() or raw.lower() in known:
                continue
            if raw.lower() in request.claimed or _covered(raw, read) or request.is_handled(start):
                continue
            if any(a <= start < b for a, b in request.schedule_spans) or self._is_engine_word(raw.lower()):
                continue
            if request.text[request.spans[i][1] : start].strip():
                continue  # «категории, Электроника»: punctuation between, no noun and its value
            column = table.column(self._single_word_column(table, request.tokens[i], fk_words=False) or "")
            if column is None or re.search(rf"\b{re.escape(column.name)}\b", read):
                continue  # «в городе Казани» read as city = 'Казань': the value in its nominative
            if _is_text(column) and not self._names_table_or_connection(raw.lower()):
                return f"{request.raw[i]} {raw}"
        return None

    def _unread_latin_value(self, request: Request, table: Table, read: str) -> str | None:
        """In a Russian request a Latin word that names nothing the planner knows (no table, column,
        connection, engine, format or glossary word) and no rule put into the WHERE is a value the user
        meant («возвраты с причиной damaged»): quoted with the word before it, to be asked about."""
        if request.language != "ru":
            return None
        known = self._latin_known_words()
        for i, (token, raw) in enumerate(zip(request.tokens, request.raw, strict=False)):
            start, end = request.spans[i]
            if not re.fullmatch(r"[a-z][a-z_]{2,}", token) or token in known or stem(token) in known:
                continue
            if token in STOP_WORDS or token in request.claimed or _covered(raw, read):
                continue
            if any(a <= start < b for a, b in request.schedule_spans) or self._is_engine_word(token):
                continue
            around = request.text[max(0, start - 1) : end + 1]
            if re.search(r"[/:.@\\]\w|\w[/.@]", around) or self.vocabulary.meanings(token) & known:
                continue  # a path, an address or a word for a name of this catalog ("sku" -> product)
            if self._names_a_column_anywhere(token, set(self.vocabulary.meanings(token))):
                continue
            before = request.raw[i - 1] if i and request.tokens[i - 1] not in STOP_WORDS else ""
            return f"{before} {raw}".strip()
        return None

    def _unread_participle(self, request: Request, table: Table, read: str) -> str | None:
        """«удалённых сотрудников» with no WHERE: a participle right before the table's noun says which rows
        (a state no rule read); a status, a change word or a new-rows word is read elsewhere. Russian word
        order lets it follow the noun too («звонки входящие», «сотрудники удалённые»): asked the same way. A
        WHERE that holds only what brackets say («Горящие объявления (вид sale)») read no word before them:
        asked the same way (planner122)."""
        if request.language != "ru":
            return None
        # planner149: beside a condition read from other words («Плюшевые счётчики без телеметрии»: the flag)
        # a state word before the table's noun that no rule read is asked too, never dropped
        beside = bool(read) and not _said_in_brackets_only(request.text, read)
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for k, (t, nxt) in enumerate(zip(tokens, tokens[1:], strict=False)):
            if read and request.is_handled(t.start):
                continue  # «неоплаченные счета (…)»: words a bracket explains
            if beside and (t.start in request.read_at or _covered(t.text, read)):
                continue  # «Газовые счётчики без телеметрии»: resource = 'gas' read from it
            if read and _bare_bracket_read(request.lower, nxt.end, read):
                continue  # «Аэропортовые зоны (airport)»: the bracket's listed value says the adjective
            # «срочные заказ-наряды»: a hyphenated noun names the rows by its parts (planner128)
            noun = self.vocabulary.meanings(nxt.lower).union(
                *map(self.vocabulary.meanings, nxt.lower.split("-"))
            )
            if beside and any(self.vocabulary.meanings(w.lower) & own for w in tokens[k + 2 :]):
                continue  # «урегулированные выплаты… короче убытки со статусом paid»: the rows said again
            if self._state_word_candidate(request, t, table) and noun & own:
                return request.text[t.start : nxt.end]  # «застрявшие посылки» of 'Отправления (посылки)'
            if beside:
                continue  # beside a WHERE only a word before the rows' own noun is weighed
            adjacent = not request.text[t.end : nxt.start].strip()
            # «дисциплины второго курса»: an adjective before a noun of its own qualifies that noun
            then_noun = k + 2 < len(tokens) and any(p.pos == "NOUN" for p in tokens[k + 2].parses[:1])
            if (
                adjacent
                and not then_noun
                and self.vocabulary.meanings(t.lower) & own
                and self._state_word_candidate(request, nxt)
            ):
                return request.text[t.start : nxt.end]
        if read:
            return None  # beside a bracket: «брони, оформленные через приложение (app)»
        # «заявления о выплате, одобренные, каждый час»: a participle set off by a comma after the table's
        # noun phrase (the noun within three words before it) says which rows as well; never dropped
        for k, t in enumerate(tokens):
            if (
                not k
                or not t.parses
                or t.parses[0].pos != "PRTF"
                or "," not in request.text[tokens[k - 1].end : t.start]
            ):
                continue
            after = [w.lower for w in tokens[k + 1 : k + 3]]
            if (
                PIPELINE_VERBS.fullmatch(t.lower)
                and after[:1] in (["в"], ["во"])
                and any(self._is_engine_word(w) for w in after[1:])
            ):
                continue  # «заказы, выгруженные в клик»: the load itself, no state of the rows
            if any(self.vocabulary.meanings(p.lower) & own for p in tokens[max(0, k - 3) : k]) and (
                self._state_word_candidate(request, t, table)
            ):
                return t.text
        return None

    def _state_word_candidate(self, request: Request, t: Token, table: Table | None = None) -> bool:
        """`t` is a participle or adjective that may state which rows: no quantifier, engine, schedule,
        status, change or new-rows word, and no adjective of a name in the catalog (of `table`'s own words
        when given: «временных сотрудников» only resembles 'Табель учёта рабочего времени' of another
        table, so it still states which employees; planner38)."""
        if not any(p.pos in ("PRTF", "ADJF") for p in t.parses[:1]) or t.lower in request.claimed:
            return False
        if t.lemmas & NOT_A_STATE or self._is_engine_word(t.lower) or concepts(t.lemma, "ru"):
            return False  # «всех сотрудников», «кликхаусную таблицу», «ежедневная выгрузка», «данные»
        named = self._catalog_word(t.lemma) if table is None else _table_word(table, t.lemma)
        if t.parses[0].pos == "ADJF" and named:
            return False  # «расчётные листки», «коечный фонд»: the adjective is part of a name in the catalog
        if table is not None and t.lemmas & comment_lemmas(table.comment or ""):
            return False  # «застрахованные машины» of 'Застрахованные транспортные средства': its own name
        if table is not None and _every_row_event(t, table):
            return False  # «проданные абонементы» of 'Абонементы (проданные клубные карты)': every row is
        if any(a <= t.start < b for a, b in request.schedule_spans) or status_word(t.lower)[0]:
            return False
        return not any(
            is_(t, c) for c in ("CHANGED", "INCREMENTAL", "MASK", "DEDUPE", "REPLACE", "APPEND_ONLY")
        )

    def _unread_excepted_state(self, request: Request, read: str) -> str | None:
        """«сим-карты, кроме украденных», «за исключением украденных»: with no WHERE, a participle or
        adjective after an exception word says which rows to leave out; one no rule read is asked
        (planner32: every row was loaded). A column noun after it («кроме служебных полей») names columns.
        English "exclude/except/omit the X ones" likewise (planner38: "omit the sleepy ones" loaded every
        row)."""
        if read:
            return None
        if request.language != "ru":
            return self._unread_excepted_ones(request)
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, cue in enumerate(tokens[:-1]):
            if not EXCLUDE_PREPOSITIONS.match(cue.lower) and cue.lower != "исключением":
                continue
            word = tokens[k + 1]
            if (
                not word.parses
                or word.parses[0].pos not in ("PRTF", "ADJF")
                or request.is_handled(word.start)
            ):
                continue
            if word.lemmas & (NOT_A_STATE | SCHEDULE_DAY_NOUNS_RU | _PRONOMINAL_ADJECTIVES):
                continue  # «без выходных»: every day, a schedule's words; «без всякого расписания»
            if word.lower in request.claimed:
                continue
            if any(concepts(lemma, "ru") for lemma in word.lemmas):
                continue
            following = tokens[k + 2].lower if k + 2 < len(tokens) else ""
            if COLUMN_NOUN.match(following) or any(a <= word.start < b for a, b in request.schedule_spans):
                continue
            start = tokens[k - 1].start if k and cue.lower == "исключением" else cue.start  # «за исключением»
            return request.text[start : word.end]
        return None

    def _unread_unwanted_state(self, request: Request, table: Table, read: str) -> str | None:
        """«бронирования, странные не нужны», «звонки, левые только», "weird ones not needed", "weird only",
        "without the fired ones": with no WHERE, a word with a take/leave-out cue after it says which rows;
        one no rule read is asked, never dropped with every row loaded (planner52)."""
        if read:
            return None
        if request.language == "ru":
            return self._unread_unwanted_ru(request)
        names = self._known_names(table)
        for match in UNWANTED_ONES.finditer(request.text):
            group = "word" if match.group("word") else "without"
            if match.group(group).lower() in names:
                continue  # "tariffs: zone only": a column list
            if self._rows_word_unread(request, match.start(group), match.group(group), "en"):
                return match.group(0)
        return None

    def _unread_negated_state(self, request: Request, read: str) -> str | None:
        """ "employees daily, those not fired", "branches no longer open", «кто не ушёл»: with no WHERE, a
        negated state or event of the rows («не»/"not"/"no longer" before a verb, participle or adjective)
        that no rule read is asked, never dropped with every row loaded (planner71). Words of the pipeline
        itself (a mode, a mask, «не нужны», "not needed") are read by their own rules."""
        if read:
            return None
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for k, negator in enumerate(tokens[:-1]):
            longer = negator.lower == "no" and tokens[k + 1].lower == "longer"
            if negator.lower not in CLAUSE_NEGATORS and not longer:
                continue
            j = k + 1 + longer
            while j < len(tokens) - 1 and tokens[j].lower in CLAUSE_FILLERS:
                j += 1
            word = tokens[j]
            if request.is_handled(negator.start) or not self._negated_state_word(word):
                continue
            if self._rows_word_unread(request, word.start, word.lower, word.lang):
                return request.text[negator.start : word.end]
        return None

    def _negated_state_word(self, word: Token) -> bool:
        """`word` after a negator can state which rows: a Russian finite verb, participle or short adjective
        («не ушёл», «не уволены», «не активны»), an English participle or state ("not fired", "not open");
        no word of a lexicon concept (a mode, a mask, a schedule), no need word («не нужны», "not needed")."""
        if word.lang == "ru":
            first = word.parses[0] if word.parses else None
            if first is None or first.pos not in ("VERB", "PRTF", "PRTS", "ADJS", "ADJF"):
                return False
            if is_instruction_verb(word.lower):
                return False  # «ФИО не трогай»: said to the assistant, no state of the rows
            return not (word.lemmas & NOT_A_STATE or any(concepts(lemma, "ru") for lemma in word.lemmas))
        if word.lang != "en" or UNWANTED_ONES.match(f"x not {word.lower}"):
            return False  # "not needed": the unwanted-rows rule reads it
        if self._is_engine_word(word.lower):
            return False
        return word.lower.endswith(("ed", "en")) or status_word(word.lower)[0] is not None

    def _unread_unwanted_ru(self, request: Request) -> str | None:
        """The Russian «<прилагательное> не нужны / только» no rule read, or None; also a plural noun opening
        a clause («заказы, возвраты не нужны» where no comment lists refunds): a kind of the rows left out
        (planner67)."""
        for word in tokenize(request.text):
            adjective = any(p.pos in ("PRTF", "ADJF") for p in word.parses)
            if not adjective and not _clause_kind_noun(request, word):
                continue  # «кривые» is also a noun (a curve): any adjective reading counts
            if not UNWANTED_AFTER_RU.match(request.text[word.end :]):
                continue
            if word.lemmas & (NOT_A_STATE | SCHEDULE_DAY_NOUNS_RU | _PRONOMINAL_ADJECTIVES):
                continue  # «выходные не нужны»: the schedule's days; «все не нужны»
            if self._rows_word_unread(request, word.start, word.lower, "ru") and not any(
                concepts(lemma, "ru") for lemma in word.lemmas
            ):
                cue = UNWANTED_AFTER_RU.match(request.text[word.end :])
                return request.text[word.start : word.end + (cue.end() if cue else 0)].strip(" ,.;!)")
        return None

    @staticmethod
    def _rows_word_unread(request: Request, start: int, word: str, language: str) -> bool:
        """The word at `start` was read by no rule, the schedule nor the lexicon (mode, dedupe, new rows)."""
        if request.is_handled(start) or word.lower() in request.claimed:
            return False
        if any(a <= start < b for a, b in request.schedule_spans):
            return False
        if any(says_recent(token) or says_changed(token) for token in tokenize(word)):
            return False  # "new rows only", «новые только», "changed ones only": the incremental rules' cue
        return language == "ru" or not (DEDUPE.search(word.lower()) or concepts(word.lower(), "en"))

    def _unread_excepted_ones(self, request: Request) -> str | None:
        """ "exclude the suspicious ones": the phrase when its word was read by no rule nor the schedule."""
        for match in EXCEPTED_ONES.finditer(request.text):
            word = match.start("word")
            if request.is_handled(word) or match.group("word").lower() in request.claimed:
                continue
            if DEDUPE.search(match.group(0).lower()) or concepts(match.group("word").lower(), "en"):
                continue  # "remove duplicate rows": a dedupe, read by its own rule
            if not any(a <= word < b for a, b in request.schedule_spans):
                return match.group(0)
        return None

    def _unread_compound_kind(self, request: Request, table: Table, read: str) -> str | None:
        """«абонентов-корпоратов», «клиенты-юрлица» with no WHERE: a hyphenated compound of the table's noun
        and a word that names nothing of the catalog says which kind of rows; unread, every row would load
        (planner40). A compound the catalog itself writes («интернет-сессии», «SIM-карты») is its name."""
        if read or request.language != "ru":
            return None
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for token in tokenize(request.text):
            parts = token.lower.split("-")
            if token.lang != "ru" or len(parts) != 2:
                continue
            if any(a <= token.start < b for a, b in request.schedule_spans):
                continue
            if token.lower in request.claimed or request.is_handled(token.start):
                continue
            named = [bool(self.vocabulary.meanings(p) & own) for p in parts]
            if named.count(True) != 1:
                continue
            kind = parts[named.index(False)]
            if len(kind) < 4 or not CYRILLIC_WORD.fullmatch(kind) or kind in STOP_WORDS:
                continue
            lemma = next((t.lemma for t in tokenize(kind)), kind)
            if self._catalog_word(lemma) or self._names_table_or_connection(kind) or concepts(lemma, "ru"):
                continue
            if any(transliterates(kind, part) for part in name_parts(table.name)):
                continue  # «вайфай-сессии» of wifi_sessions: the name's own word by ear
            return token.text
        return None

    def _unread_bracketed_kind(self, request: Request, table: Table, read: str) -> str | None:
        """«заказы в зале» of 'Заказы клиентов (доставка, самовывоз, зал)': a word of the kinds of rows a
        table's comment lists in brackets, said beside a word naming the table, says which kind; one no rule
        read («на самовывоз» is order_type 'pickup') is asked, never every row loaded (planner75)."""
        kinds = bracketed_kinds(table.comment or "")
        if not kinds:
            return None
        tokens = [t for t in tokenize(request.text) if t.lang == "ru"]
        names_rows = any(not t.lemmas & kinds and self._names_table(t.lower, table) for t in tokens)
        for k, token in enumerate(tokens):
            if not names_rows or not token.lemmas & kinds or token.lower in request.claimed:
                continue
            scheduled = any(a <= token.start < b for a, b in request.schedule_spans)
            if scheduled or request.is_handled(token.start):
                continue
            if any(stem(value) in value_meanings(token) for value in re.findall(r"'([^']+)'", read)):
                continue  # «на самовывоз» read as order_type = 'pickup'
            before = tokens[k - 1] if k else None
            start = before.start if before is not None and before.lower in KIND_PREPOSITIONS else token.start
            return request.text[start : token.end]
        return None

    def _unread_row_phrase(self, request: Request, read: str, every_prep: bool = False) -> str | None:
        """The frame's residue rule for rows: with no WHERE, a prepositional phrase no rule used that can
        only say which rows («на удалёнке», «в статусе ...», «с пометкой ...», «у терапевта», "on
        probation", "under review") is a condition not understood; a place, a format, a time, a mode or a
        catalog name is not (those are read or ignored by other rules). Beside a WHERE only «вне»/«внутри»,
        "outside"/"inside" are looked at (no other rule reads them as anything but rows: «вне сети
        длительностью больше 60 секунд» loaded the calls on the network too), unless a word of theirs names a
        column of the WHERE («вне роуминга»: is_roaming = false). With `every_prep` (planner143) every
        preposition is looked at beside a WHERE, and a phrase a condition starts inside (`Request.read_at`) is
        read."""
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        known = self._latin_known_words()
        dedupe = DEDUPE.search(request.lower)  # "without dupes", «без дублей»: a transform, no rows
        for i, (prep, nxt) in enumerate(zip(tokens, tokens[1:], strict=False)):
            if read and not every_prep and prep.lower not in ROW_PREPS_PLACE:
                continue
            if any(a <= prep.start < b or a <= nxt.start < b for a, b in request.schedule_spans):
                continue
            if dedupe and dedupe.start() <= prep.start < dedupe.end():
                continue
            if request.is_handled(prep.start):
                continue  # «номер счёта в банке не выгружать»: inside a column left out
            if prep.lang == "ru":
                cases = ROW_PREPS_RU.get(prep.lower)
                if every_prep and prep.lower == "по":
                    cases = ("datv",)  # «по ночному тарифу» beside a WHERE (planner143)
                if cases is None or nxt.lang != "ru":
                    continue
                k = i + 1  # «на испытательном сроке»: adjectives up to the noun
                while (
                    k < len(tokens) - 1
                    and tokens[k].lang == "ru"
                    and tokens[k].parses[0].pos in ("ADJF", "PRTF")
                ):
                    k += 1
                noun = tokens[k]
                if noun.lang != "ru" or not any(p.pos == "NOUN" and p.case in cases for p in noun.parses):
                    if not self._street_adjective(nxt, cases):
                        continue
                    k, noun = i + 1, nxt  # «на Тверской», «на Невском»: the street's adjective, no noun
                phrase = tokens[i + 1 : k + 1]
                if prep.lower == "по" and k == i + 1:
                    continue  # «по решению», «по понедельникам»: a topic or a time, no kind of rows
                if read and self._in_where(read, phrase):
                    continue  # «вне роуминга»: read as is_roaming = false
                if prep.lower == "без" and self._names_a_column_anywhere(
                    noun.lower, set(self.vocabulary.meanings(noun.lower))
                ):
                    continue  # «без снилса»: a column left out, read by the column rules
                clause = [w for w in tokens[k + 1 :] if not _clause_break(request.text, noun.end, w.start)]
                if any(grammar.is_mask_word(w.lower) for w in clause):
                    continue  # «номер счёта в банке замаскировать / закрыть»: part of what is masked
                numbered = k + 1 < len(tokens) and (
                    tokens[k + 1].lang == "num" or tokens[k + 1].lower in ("номер", "№")
                )  # «в общежитии номер 3», «в корпусе 2»: a place with its number says which rows
                # «закрыть номер счёта в банке»: the column's comment 'Номер счёта в банке'; «операции с
                # милями»: the table's 'Операции с милями', unless a number follows («в общежитии номер 3»)
                if i > 0 and self._continues_a_comment(tokens[i - 1], prep, phrase, tables=not numbered):
                    continue
                not_rows = NOT_A_PLACE_NOUN if prep.lower in ROW_PREPS_PLACE else NOT_A_ROW_NOUN
                if any(w.lemma in not_rows or w.lower in not_rows or concepts(w.lemma, "ru") for w in phrase):
                    continue
                if any(self._is_engine_word(w.lower) or w.lower in request.claimed for w in phrase):
                    continue
                if (
                    prep.lower in ("в", "во", "на")
                    and not numbered
                    and (
                        any(self._names_table_or_connection(w.lower) for w in phrase)
                        or any(self._names_named_table(request, w) for w in phrase)
                    )
                ):
                    continue  # «в базе магазина», «заказы в баре» (a word of the named table's own: read);
                    # but «без стипендии» is a condition on another table
                end = noun.end
                if k + 1 < len(tokens) and self._value_word(request, tokens[k + 1]):
                    end = tokens[k + 1].end  # «на этапе собеседования», «с пометкой срочно»
                if numbered:
                    last = k + 2 if k + 2 < len(tokens) and tokens[k + 2].lang == "num" else k + 1
                    end = tokens[last].end  # «в общежитии номер 3»
                if every_prep and _condition_inside(request, prep.start, noun.end):
                    continue
                if every_prep and k + 1 < len(tokens) and self._read_by_next(request, tokens, k + 1):
                    continue  # «с просрочкой больше 30 дней», «на руках, которые ещё не вернули»
                if every_prep and _condition_inside(request, noun.end, end):
                    end = noun.end  # «дороже» after «в подарочном переплёте»: a condition of its own
                return request.text[prep.start : end]
            if prep.lower == "in" and nxt.lang == "en":  # "in the pipeline stage interview", "in status X"
                rest = [w.lower for w in tokens[i + 1 : i + 5]]
                hit = next(
                    (j for j, w in enumerate(rest) if w in ("stage", "status", "state", "phase")), None
                )
                if hit is not None and all(w not in known or w in ("the", "pipeline") for w in rest[:hit]):
                    stage_value = tokens[min(i + 2 + hit, len(tokens) - 1)]
                    if not (every_prep and _condition_inside(request, prep.start, stage_value.end)):
                        return request.text[prep.start : stage_value.end]
            if prep.lang == "en" and prep.lower in ROW_PREPS_PLACE:
                nxt = next((w for w in tokens[i + 1 : i + 3] if w.lower not in EN_ARTICLES), nxt)
            if prep.lang == "en" and prep.lower in ROW_PREPS_EN and nxt.lang == "en":
                word = nxt.lower
                not_rows = set() if prep.lower in ROW_PREPS_PLACE else NOT_A_ROW_NOUN_EN
                if (
                    word in STOP_WORDS
                    or word in not_rows
                    or word in request.claimed
                    or self._in_where(read, [nxt])
                ):
                    continue
                if self._names_table_or_connection(word) or self._is_engine_word(word):
                    continue  # "on the shop database"
                if prep.lower == "without" and self._names_a_column_anywhere(
                    word, set(self.vocabulary.meanings(word))
                ):
                    continue  # "without passport": a column left out, read elsewhere
                if any(
                    table.column(word)
                    for conn in self.catalog.connections
                    for table in self.catalog.tables_of(conn)
                ):
                    continue  # "merge on product_id", "incremental on paid_at": keys and columns
                if concepts(nxt.lemma, "en") or concepts(word, "en"):
                    continue
                clause = [w for w in tokens[i + 2 :] if not _clause_break(request.text, nxt.end, w.start)]
                if any(grammar.is_mask_word(w.lower) for w in clause[:4]):
                    continue  # "with card numbers hashed": what is masked, as «номер карты замаскировать»
                after = tokens[i + 2] if i + 2 < len(tokens) else None
                end = after.end if after is not None and self._value_word(request, after) else nxt.end
                if prep.lower in ROW_PREPS_PLACE:  # "outside the home network": the whole noun phrase
                    end = max(end, self._noun_phrase_end(request, tokens, nxt))
                if every_prep and _condition_inside(request, prep.start, nxt.end):
                    continue
                return request.text[prep.start : end]  # "on academic leave"
        return None

    @staticmethod
    def _read_by_next(request: Request, tokens: list[Token], k: int) -> bool:
        """The condition read right after a phrase of rows says it (planner143): a neutral comparison of the
        measure the phrase names («с просрочкой больше 30 дней»), or a clause opened by a participle or
        «который» that restates it («на руках, которые ещё не вернули»); a comparative naming its own
        concept («дороже 2000») does not."""
        opener = tokens[k]
        compared = tokens[k + 1] if k + 1 < len(tokens) else opener  # «свыше ста тысяч км», «от 150 кВт»
        apart = _clause_break(request.text, tokens[k - 1].end, opener.start)  # «…, кроме отменённых»
        if not apart and _condition_inside(request, opener.start, compared.end):
            return not _carries_its_concept(request.text, opener.start)
        if not (opener.lemma == "который" or any(p.pos == "PRTF" for p in opener.parses[:1])):
            return False
        last = opener
        for word in tokens[k + 1 :]:  # the clause it opens, up to its comma: each gap looked at once
            if _clause_break(request.text, last.end, word.start):
                break
            last = word
        return _condition_inside(request, opener.start, last.end)

    def _in_where(self, where: str, phrase: list[Token]) -> bool:
        """A word of the phrase names (a part of) a column the WHERE compares («роуминга» of is_roaming)."""
        parts = {p for name in re.findall(r"[a-z_][a-z0-9_]*", where.lower()) for p in name_parts(name)}
        return any(set(self.vocabulary.meanings(w.lower)) & parts for w in phrase)

    @staticmethod
    def _noun_phrase_end(request: Request, tokens: list[Token], noun: Token) -> int:
        """Where the English noun phrase starting at `noun` ends: up to two more words of its clause that
        are no stop words ("outside the home network| to clickhouse")."""
        following = [w for w in tokens if w.start >= noun.end][:2]
        end = noun.end
        for word in following:
            if word.lang != "en" or word.lower in STOP_WORDS or _clause_break(request.text, end, word.start):
                break
            end = word.end
        return end

    @staticmethod
    def _street_adjective(word: Token, cases: tuple[str, ...]) -> bool:
        """A capitalised adjective in the preposition's case standing alone for a place whose noun is left
        out («на Тверской» [улице], «на Невском» [проспекте], «на Ленинском»): a place phrase like «на
        Арбате», not an adjective before its noun."""
        return (
            word.lang == "ru"
            and word.text[:1].isupper()
            and bool(word.parses)
            and word.parses[0].pos == "ADJF"
            and any(p.pos == "ADJF" and p.case in cases for p in word.parses)
        )

    def _continues_a_comment(
        self, before: Token, prep: Token, phrase: list[Token], tables: bool = False
    ) -> bool:
        """«счёта в банке»: the word before a prepositional phrase, the preposition and its noun follow each
        other in some column's comment ('Номер счёта в банке'), so the phrase names that column; with
        `tables`, in a table's comment too («операции с милями» of 'Операции с милями (...)': the table's
        name, planner63). The phrase's first word counts as its noun does («Заправки по топливным картам» of
        'Заправки по топливным картам', planner167: «по картам» alone continued no comment, and was asked)."""
        at = len(before.text) + 1
        texts = {f"{before.text} {prep.text} {word.text}" for word in (phrase[0], phrase[-1])}
        return any(
            continues_a_comment([table, *table.columns] if tables else table.columns, text, at)
            for text in texts
            for conn in self.catalog.connections
            for table in self.catalog.tables_of(conn)
        )

    def _unread_instrumental_value(self, request: Request, table: Table, read: str) -> str | None:
        """«платежи наличными», «оплаты переводом» with no WHERE: a bare noun in the instrumental case right
        after the table's own noun says how the rows were made, a value of a column that lists values
        ('Канал оплаты (card, sbp, ...)'); one no rule read (no glossary word for a listed value) is asked
        about, never dropped (planner26)."""
        if read or request.language != "ru":
            return None
        if not any(listed_values(c.comment) for c in table.columns):
            return None
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for head, noun in zip(tokens, tokens[1:], strict=False):
            if head.lang != "ru" or not self.vocabulary.meanings(head.lower) & own:
                continue
            if noun.lang != "ru" or not noun.parses or noun.parses[0].pos != "NOUN":
                continue
            if (
                noun.parses[0].case != "ablt"
                or noun.lower in request.claimed
                or request.is_handled(noun.start)
                # «платежи инкрементом по paid_at»: how the load runs (a mode word), not how rows were made
                or any(is_(noun, concept) for concept in _INSTRUCTION_CONCEPTS)
            ):
                continue
            if any(a <= noun.start < b for a, b in request.schedule_spans):
                continue
            if stem(noun.lower) in {stem(w) for w in words(table.comment or "")}:
                continue  # «доставки заказов курьерами» of 'Доставки заказов курьерами': its name (planner84)
            return request.text[head.start : noun.end]
        return None

    def _unread_only_word(self, request: Request, table: Table, read: str) -> str | None:
        """ "events, only purchase", "just refunds": a Latin word after only/just that names nothing the
        planner knows (no name or comment word of the catalog, no mode, no status, no new-rows cue) and that
        no rule put into the WHERE is the value the user wants the rows to have: quoted to be asked about.
        Russian requests have the Latin-value rule (`_unread_latin_value`)."""
        if request.language == "ru":
            return None
        known = self._latin_known_words()
        for i, word in enumerate(request.tokens[:-1]):
            nxt, start = request.tokens[i + 1], request.spans[i + 1][0]
            if word not in grammar.ONLY_WORDS or not re.fullmatch(r"[a-z][a-z_]{2,}", nxt):
                continue
            if i and request.tokens[i - 1] in _ONLY_BEFORE_VERB:
                continue  # "a load that only runs on demand": only says how it runs, no value follows
            if nxt in CLAUSE_WORDS or stem(nxt) in START_VERBS:
                continue  # "just after visits load", "only run on weekdays at 5": a clause or how it runs
            if nxt in NOT_A_NAME or nxt in known or stem(nxt) in known or nxt in request.claimed:
                continue
            if concepts(nxt, "en") or status_word(nxt)[0] is not None or _covered(request.raw[i + 1], read):
                continue
            if any(p.match(request.lower, start) for p in (INCREMENTAL, NEW_NOUN, CHANGED)):
                continue  # "only new ones", "only changed rows": the new-rows rules read them
            if request.is_handled(start) or any(a <= start < b for a, b in request.schedule_spans):
                continue
            if self._is_engine_word(nxt) or table.column(nxt) or self._column_mentions(table, [nxt]):
                continue  # "only email": a column of the table (the column rules read it)
            if PIPELINE_VERBS.fullmatch(nxt) or not self._ends_only_phrase(request, table, i + 2):
                continue  # "only sync orders", "only via card": a verb, or a word of a longer phrase
            return f"{request.raw[i]} {request.raw[i + 1]}"
        return None

    def _ends_only_phrase(self, request: Request, table: Table, index: int) -> bool:
        """Word `index` closes an "only <value>" phrase: the end, a punctuation mark, the schedule or the
        rows' noun ("only purchase events") comes there."""
        if index >= len(request.tokens):
            return True
        start = request.spans[index][0]
        between = request.text[request.spans[index - 1][1] : start]
        if any(ch in between for ch in ",;.:!?()—"):
            return True
        return any(a <= start < b for a, b in request.schedule_spans) or self.filters._row_noun_at(
            request, table, index
        )

    def _origin_column(self, table: Table) -> str | None:
        """The one column of `table` that records where a row came from and whose comment lists no values
        (crm.leads.source): a word for an origin cannot be matched to its values, so it is asked about. A
        yes/no column is no record of an origin (is_original 'Оригинальная запчасть': planner101, «из
        категории "Фильтры"» was asked about it)."""
        found = [
            c.name
            for c in table.columns
            if {stem(w) for w in ORIGIN_COLUMN_WORDS} & set(name_parts(c.name))
            and not listed_values(c.comment)
            and "bool" not in c.type.lower()
        ]
        return found[0] if len(found) == 1 else None

    def _unread_origin(self, request: Request, table: Table, read: str) -> tuple[str, str] | None:
        """«лиды с сайта», «из рекламы», "leads from the website": where the rows came from, said by a word no
        rule read, on a table whose origin column lists no values; (the phrase, the column) to ask about. A
        place of the data (a connection, an engine, a schema, a table), a time or a catalog word is no
        origin, and a WHERE on the origin column has read it."""
        column = self._origin_column(table)
        if column is None or re.search(rf"\b{re.escape(column)}\b", read):
            return None
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        for i, prep in enumerate(tokens[:-1]):
            at = self._origin_noun_at(request, table, tokens, i)
            if at is not None:
                return request.text[prep.start : tokens[at].end], column
        return None

    def _origin_noun_at(self, request: Request, table: Table, tokens: list[Token], i: int) -> int | None:
        """The index of the noun an origin preposition at `i` governs («с сайта», "from the website"), when
        it names nothing the planner knows; None otherwise."""
        prep, k = tokens[i], i + 1
        if prep.lang == "ru" and prep.lower in ORIGIN_PREPS_RU:
            while (
                k < len(tokens) - 1 and tokens[k].lang == "ru" and tokens[k].parses[0].pos in ("ADJF", "PRTF")
            ):
                k += 1  # «с партнёрского сайта»
            noun = tokens[k]
            if noun.lang != "ru" or not any(p.pos == "NOUN" and p.case == "gent" for p in noun.parses[:2]):
                return None
            if any(concepts(lemma, "ru") for lemma in noun.lemmas):
                return None  # «с понедельника», «с начала месяца»: words other rules read
        elif prep.lower == "from":
            while k < len(tokens) - 1 and tokens[k].lower in ("the", "our", "a", "an"):
                k += 1
            noun = tokens[k]
            if (
                noun.lang != "en"
                or noun.lower in self._latin_known_words()
                or noun.lemma in self._latin_known_words()
            ):
                return None
            if concepts(noun.lower, "en") or concepts(noun.lemma, "en"):
                return None
        else:
            return None
        word = noun.lower
        if (
            word in STOP_WORDS
            or word in SYSTEM_NOUNS
            or word in request.claimed
            or self._is_engine_word(word)
        ):
            return None
        if any(request.is_handled(t.start) for t in tokens[i : k + 1]):
            return None  # "came from ads or partner": read as source IN (...)
        after = (
            tokens[k + 2 : k + 3]
            if tokens[k + 1 : k + 2] and tokens[k + 1].lower == "of"
            else tokens[k + 1 : k + 2]
        )
        if after and (self._names_table(after[0].lower, table) or self._heads_comment(after[0].lower, table)):
            return None  # «из каталога фильмов», "from the list of pets": a list holding the rows (wc108)
        if any(a <= t.start < b for t in tokens[i : k + 1] for a, b in request.schedule_spans):
            return None
        if noun.number is not None or (
            self._names_table_or_connection(word) and not self._origin_in_own_comment(table, word)
        ):
            return None  # «из базы магазина», «из постгреса», «с 5»: a place of the data or a number
        return k

    def _origin_in_own_comment(self, table: Table, word: str) -> bool:
        """«курсы валют из ЦБ» over 'Курсы валют ЦБ': a word only the loaded table's comment says, past its
        head and outside its bracketed gloss («из репертуара» of 'Фильмы (прокатный репертуар)' names the rows
        again), and no other table or connection says, is where the rows come from, not a place of the data;
        the origin column then says which rows (planner67: every rate was loaded)."""
        meanings = set(self.vocabulary.meanings(word)) | {stem(word)}
        unglossed = re.sub(r"\([^)]*\)", " ", table.comment or "")  # 'Фильмы (прокатный репертуар)': the rows
        own = (
            set(name_parts_of_text(unglossed))
            - set(name_parts(table.name))
            - comment_head_stems(table.comment)
        )
        if not meanings & own:
            return False
        for conn in self.catalog.connections.values():
            if meanings & {stem(w) for w in words(f"{conn.conn_id} {conn.description} {conn.database}")}:
                return False
            for other in self.catalog.tables_of(conn.conn_id):
                said = set(name_parts(other.name)) | set(name_parts_of_text(other.comment))
                if other.qualified_name != table.qualified_name and meanings & said:
                    return False
        return True

    def _unread_reason_phrase(self, request: Request, table: Table, read: str) -> str | None:
        """«штрафы за превышение скорости», «штрафы за мусор» with no WHERE: «за» and a noun in the accusative
        right after the table's own noun says what the rows were made for, a kind of them; one no rule read
        is asked, never dropped (planner50). A span of time («за сутки», «за прошлый месяц») is a window.
        Beside a WHERE, every further noun of the list («за парковку и мусор», «за парковку и за мусор») must
        be read too: one value of it was loaded alone before planner64."""
        if request.language != "ru":
            return None
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for n, (head, prep, noun) in enumerate(zip(tokens, tokens[1:], tokens[2:], strict=False)):
            if head.lang != "ru" or prep.lower != "за":
                continue
            if not self.vocabulary.meanings(head.lower) & own:
                continue
            if read:
                unread = self._unread_listed_reason(request, tokens, n + 2, read)
                if unread is not None:
                    return request.text[prep.start : unread.end]
                continue
            if noun.lang != "ru" or not noun.parses or noun.parses[0].pos != "NOUN":
                continue
            accusative = any(p.pos == "NOUN" and p.case == "accs" for p in noun.parses)
            if not accusative or SPAN_NOUN_RU.match(noun.lower) or concepts(noun.lemma, "ru"):
                continue
            if noun.lower in request.claimed or request.is_handled(noun.start):
                continue
            if self.vocabulary.meanings(noun.lower) & own or stem(noun.lower) in own:
                continue  # «оплата за обучение» of 'Оплата обучения по договорам': the table's own words
            if any(a <= noun.start < b for a, b in request.schedule_spans):
                continue
            return request.text[prep.start : noun.end]
        return None

    def _unread_listed_reason(
        self, request: Request, tokens: list[Token], first: int, read: str
    ) -> Token | None:
        """The first noun joined to the «за»-noun at `first` by «и»/«или»/a comma (a repeated «за» too) whose
        words the WHERE does not hold: «мусор» of «за парковку и мусор» when only 'parking' was read."""
        k = first
        while k + 2 < len(tokens) and tokens[k + 1].lower in ("и", "или", "либо"):
            k += 3 if tokens[k + 2].lower == "за" and k + 3 < len(tokens) else 2
            noun = tokens[k]
            accusative = noun.lang == "ru" and any(p.pos == "NOUN" and p.case == "accs" for p in noun.parses)
            if not accusative or any(a <= noun.start < b for a, b in request.schedule_spans):
                return None
            if request.is_handled(noun.start) or noun.lower in request.claimed:
                continue
            if not any(f"'{value}'" in read.lower() for value in self.vocabulary.meanings(noun.lower)):
                return noun
        return None

    def _unread_genitive_value(self, request: Request, table: Table, read: str) -> str | None:
        """«сотрудников отдела продаж», «студентов группы ИВТ-21», «пациентов женского пола» with no WHERE:
        a genitive after the table's noun that names a column or a table and carries a value (a second
        genitive, a Latin word or number, or an adjective before it) says which rows; asked about."""
        if read or request.language != "ru":
            return None
        tokens = [t for t in tokenize(request.text) if t.lang != "punct"]
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for i, t in enumerate(tokens[:-1]):
            if t.lang != "ru" or not self.vocabulary.meanings(t.lower) & own:
                continue
            if re.search(r"[,;:—–()]", request.text[t.end : tokens[i + 1].start]):
                continue  # «платежи, номера карт спрятать»: a comma ends the noun phrase (the next clause's)
            k = i + 1
            adjectives = []
            while k < len(tokens) - 1 and tokens[k].lang == "ru" and tokens[k].parses[0].pos == "ADJF":
                adjectives.append(tokens[k])
                k += 1
            noun = tokens[k]
            if noun.lang != "ru" or noun.parses[0].pos != "NOUN" or noun.parses[0].case != "gent":
                continue
            if any(a <= noun.start < b for a, b in request.schedule_spans) or noun.lower in request.claimed:
                continue
            meanings = set(self.vocabulary.meanings(noun.lower))
            if (
                meanings & own
                or stem(noun.lower) in own
                or any(self._catalog_word(a.lemma) for a in adjectives)
            ):
                continue  # «результаты лабораторных анализов»: the table's own name goes on
            if not (
                self._names_a_column_anywhere(noun.lower, meanings)
                or self._names_table_or_connection(noun.lower)
            ):
                continue
            value = tokens[k + 1] if k + 1 < len(tokens) else None
            has_value = bool(adjectives) and not any(a.lemma in NOT_A_STATE for a in adjectives)
            if value is not None and not any(a <= value.start < b for a, b in request.schedule_spans):
                if value.lang == "num" or (value.lang == "en" and not self._is_engine_word(value.lower)):
                    has_value = has_value or value.lower not in STOP_WORDS
                elif value.lang == "ru" and value.parses[0].pos == "NOUN" and value.parses[0].case == "gent":
                    has_value = has_value or not self._is_engine_word(value.lower)
            if has_value:
                end = value.end if value is not None and not adjectives else noun.end
                return request.text[tokens[i + 1].start : end]
        return None

    def _value_word(self, request: Request, token: Any) -> bool:
        """A word after a row phrase's noun that is its value, not the next part of the request."""
        if any(a <= token.start < b for a, b in request.schedule_spans) or token.lang not in ("ru", "en"):
            return False
        if self._is_engine_word(token.lower) or token.lower in STOP_WORDS or token.lower in request.claimed:
            return False
        return not any(p.pos in ("PREP", "CONJ", "INFN", "VERB", "PRCL") for p in token.parses[:1])

    def _bracketed_column_elsewhere(self, request: Request, table: Table) -> Message | None:
        """«умные счётчики (is_smart)» grounded to the telemetry of smart meters: a bare name in brackets that
        is a column of other tables of the source's connection, not of `table` (nor a table's name), says the
        words meant another table; asked, never dropped."""
        conn_tables = [t for c in self._readable("postgres") for t in self.catalog.tables_of(c.conn_id)]
        for bracket in BARE_NAME_IN_BRACKETS.finditer(request.text):
            name = bracket.group(1).lower()
            if table.column(name) or any(name in (t.name, t.qualified_name) for t in conn_tables):
                continue
            if any(name in map(str.lower, listed_values(c.comment)) for c in table.columns):
                continue  # «по почте (email)» of tickets.channel: a value `table` lists (planner132)
            others = [t.qualified_name for t in conn_tables if t.column(name)]
            if others:
                return say(request.language, "planner.bracketed_column_elsewhere", table=table.qualified_name,
                           column=bracket.group(1), others=", ".join(others))  # fmt: skip
        return None

    def _unread_state_adjective(self, request: Request, table: Table, read: str) -> str | None:
        """ "inactive employees", "overdue loans" with no WHERE: an English word right before the table's
        noun that is no verb, schedule, mode or catalog word says which rows; asked about. A hyphenated
        qualifier ("off-net calls", "cross-border orders") no rule read is asked beside a WHERE too: the
        condition read is not the one it states."""
        if request.language != "en":
            return None
        # "car-sharing trips", "premium car-sharing trips": the connection's words ('Car-sharing ...') before
        # the noun are passed over, so the word before them is the one that qualifies it (planner78)
        tokens = [
            t for t in tokenize(request.text) if t.lang != "punct" and not _claimed_word(request, t.lower)
        ]
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        for t, nxt in zip(tokens, tokens[1:], strict=False):
            # "gluten-free dishes": English jargon for the comment's noun ('блюда') names the table too
            said = self.vocabulary.meanings(nxt.lower) | comment_jargon(nxt.lower)
            if t.lang != "en" or not (said & own or stem(nxt.lower) in own):
                continue
            word = t.lower
            hyphenated = bool(HYPHENATED_QUALIFIER.fullmatch(word))
            if hyphenated and (
                _hyphenated_own_word(word, table)  # "Wi-Fi sessions" of wifi_sessions (planner98)
                or request.is_handled(t.start)
                or self._columns_in(table, word.replace("-", ""))
                or any(
                    f"'{part}'" in read.lower() or any(c in read for c in self._columns_in(table, part))
                    for part in word.split("-")
                )
            ):
                continue  # "e-sim cards": is_esim; "e-mail": a column; "online-channel", "fifth-semester"
            if read and not hyphenated:
                continue
            if request.is_handled(t.start):
                continue  # "parking zones" of 'Зоны парковки ...': read as the table's own noun
            if not read and _every_row_event(t, table):
                continue  # "purchased memberships" of 'Абонементы (проданные клубные карты)' (planner106)
            if self.vocabulary.meanings(word) & self._own_phrase_meanings(nxt.lower, [table]):
                continue  # "customer accounts" of 'Клиенты (аккаунты водителей)': the table's own phrase
            # "manual orders", "temporary employees": with no WHERE any other unknown word before the
            # noun qualifies the rows too (the lexicon and catalog checks below keep verbs and leads out;
            # a pipeline verb is the imperative: "snapshot products")
            # a plural ("levels"), a catalog word ("exam grades"), a chat word ("want") or words apart
            # ("names; shipments") is no qualifier of the noun
            plain = (
                EN_PLAIN_WORD.fullmatch(word)
                and not PIPELINE_VERBS.fullmatch(word)
                and not word.endswith("s")
                and word not in FILLER_EN
                and word not in self._latin_known_words()
                and _claimed_word(request, request.text[t.end : nxt.start].strip())
            )
            if not (EN_STATE_FORM.fullmatch(word) or hyphenated or plain):
                continue
            if any(is_(t, c) for c in TABLES["en"]):
                continue
            if word in STOP_WORDS or word in EN_LEAD_WORDS or self._names_table_or_connection(word):
                continue  # "approved vacations": a column's word still says which rows
            if word in request.claimed or self._is_engine_word(word) or concepts(t.lemma, "en"):
                continue
            if (
                concepts(word, "en")
                or status_word(word)[0]
                or any(a <= t.start < b for a, b in request.schedule_spans)
            ):
                continue
            return request.text[t.start : nxt.end]
        return None

    def _catalog_word(self, lemma: str) -> bool:
        """The lemma is a form of a word of a name or comment in the catalog: one's stem begins the other
        («расчётный» of 'Расчётные листки'). Five shared letters alone are no kinship: «трансграничный» is
        no form of «транспорт»."""
        if self._catalog_prefixes is None:
            glossary = {w for ws in BUILTIN_GLOSSARY.values() for w in ws if CYRILLIC_WORD.search(w)}
            known = {stem(w.replace("ё", "е")) for w in glossary | self._latin_known_words() if len(w) >= 5}
            self._catalog_prefixes = {}
            for known_stem in known:
                self._catalog_prefixes.setdefault(known_stem[:5], set()).add(known_stem)
        own = stem(lemma.replace("ё", "е"))
        if len(lemma) < 5:
            return False
        kin = self._catalog_prefixes.get(own[:5], set())
        return any(own.startswith(other) or other.startswith(own) for other in kin)

    def _names_named_table(self, request: Request, word: Token) -> bool:
        """The word names a part of a table the request named (fixreg28b): its name's part spelled by ear or
        the tail of a compound of its comment («заказы в баре» of sales.bar_orders 'Заказы в кинобаре'), so
        the table was read from it and it says no condition."""
        meanings = self.vocabulary.meanings(word.lower) | {stem(word.lower)}
        return any(
            any(transliterates(word.lower, part) for part in name_parts(table.name))
            or compound_tail_of({stem(w) for w in words(_comment_name(table.comment))}, meanings)
            for conn in self._readable("postgres")
            for table, _ in self._table_hits_past(request, conn.conn_id, frozenset()).values()
        )

    def _names_table_or_connection(self, word: str) -> bool:
        """«в базе магазина», «из отчётной базы»: a word of a connection's description or a table's name."""
        if self._place_stems is None:
            place: set[str] = set()
            for conn in self.catalog.connections.values():
                place |= {stem(w) for w in words(f"{conn.conn_id} {conn.description} {conn.database}")}
                for table in self.catalog.tables_of(conn.conn_id):
                    place |= (
                        set(name_parts(table.name)) | set(name_parts_of_text(table.comment))
                    ) - STOP_STEMS
            self._place_stems = place
        return bool((set(self.vocabulary.meanings(word)) | {stem(word)}) & self._place_stems)

    def _latin_known_words(self) -> set[str]:
        """Words and stems of every name and comment the catalog has (cached per catalog)."""
        if self._latin_known is None:
            known: set[str] = set()
            for conn in self.catalog.connections.values():
                known |= set(words(f"{conn.conn_id} {conn.description} {conn.database}"))
                for table in self.catalog.tables_of(conn.conn_id):
                    known |= set(words(f"{table.qualified_name} {table.comment}")) | set(
                        name_parts(table.name)
                    )
                    known |= set(re.split(r"[_.]", table.qualified_name.lower()))
                    for column in table.columns:
                        known |= set(words(f"{column.name} {column.comment}")) | set(name_parts(column.name))
            known |= {part for w in known for part in w.split(".")}  # schema.table: both parts
            known |= {w for lemmas in TABLES["en"].values() for w in lemmas}  # upsert, merge, append, ...
            known |= {"csv", "parquet", "json", "jsonl", "xlsx", "xls", "excel", "tsv", "sql", "etl", "dag"}
            self._latin_known = known | {stem(w) for w in known}
        return self._latin_known

    def _ask_condition(self, request: Request, table: Table, phrase: str) -> list[str]:
        return [unread_clause_question(request.language, table, phrase)]

    def _known_names(self, table: Table) -> set[str]:
        """Names a quoted word may be instead of a value: tables, columns, connections."""
        names = {c.name for c in table.columns} | {conn_id.lower() for conn_id in self.catalog.connections}
        for conn in self.catalog.connections.values():
            names |= {t.name.lower() for t in self.catalog.tables_of(conn.conn_id)}
        return names

    def _event_time_column(self, table: Table) -> str | None:
        """When a row happened: created_at, else the one other `*_at` column (sold_at, paid_at), else the
        update time of a table that has nothing else; None when several could be meant."""
        if table.column("created_at"):
            return "created_at"
        events = self._event_columns(table)
        if len(events) == 1:
            return events[0]
        updates = [n for n in UPDATE_COLUMNS if table.column(n)]
        return updates[0] if not events and updates else None

    def _arrival_time_column(self, table: Table) -> str | None:
        """The one NOT NULL event time of a table whose other event times may be NULL: sold_at beside
        refunded_at, started_at beside finished_at. A nullable time is set later in the row's life (the
        refund, the trip's end), so it cannot mark new rows; the time every row has from its insert can."""
        events = [c for c in table.columns if c.name in self._event_columns(table)]
        required = [c.name for c in events if not c.nullable]
        return required[0] if len(events) > 1 and len(required) == 1 else None

    @staticmethod
    def _set_later(table: Table, name: str) -> bool:
        """Column `name` may be empty in a table that says which columns may not (some column beside its key
        is NOT NULL): such a time is set later in a row's life (a payment's paid_at), so rows inserted
        without it would never pass a watermark on it. A table whose DDL states nothing says nothing."""
        column = table.column(name)
        if column is None or not column.nullable or name == "created_at":
            return False
        return any(not c.nullable and c.name not in table.primary_key for c in table.columns)

    def _required_time_column(self, table: Table) -> str | None:
        """The one NOT NULL timestamp of `table` besides its update time: when each row happened."""
        found = [
            c.name
            for c in table.columns
            if not c.nullable and "timestamp" in c.type.lower() and c.name not in UPDATE_COLUMNS
        ]
        return found[0] if len(found) == 1 else None

    def _event_columns(self, table: Table) -> list[str]:
        return [c.name for c in table.columns if c.name.endswith("_at") and c.name not in UPDATE_COLUMNS]

    def _column_subset(self, request: Request, table: Table) -> Found:
        """The columns to load: a listed subset, or every column but the ones the request leaves out."""
        by_position = next(
            (m for m in COLUMNS_BY_POSITION.finditer(request.text) if _counts_columns(m.group("count"))), None
        )
        if by_position:  # «первые 5 колонок»: which ones depends on an order; asked, never all loaded
            asked = say(
                request.language, "planner.columns_by_position", phrase=by_position.group(0),
                table=table.qualified_name, columns=", ".join(table.column_names),
            )  # fmt: skip
            return Found(None, [asked])
        before_rest = self._list_before_rest(request, table)
        if before_rest is not None:
            return before_rest
        excluded = self._excluded_columns(request, table)
        if excluded.questions or not excluded.value:
            return excluded if excluded.questions else self._listed_subset(request, table)
        kept = self._listed_subset(request, table).value or table.column_names
        rest = [c for c in kept if c not in excluded.value]
        if not rest:
            left_out = ", ".join(excluded.value)
            question = (
                f"Leaving out {left_out} leaves no column of {table.qualified_name} to load; which then?"
            )
            return Found(None, [question])
        return Found(rest)

    def _list_before_rest(self, request: Request, table: Table) -> Found | None:
        """«нужны id и email, остальные колонки не нужны», "id, phone and email, nothing else": the comma
        segments right before the rest-phrase whose items name columns are the columns to load, exactly. An
        item of the segment next to the phrase that names no column is asked about; None when that segment
        names no column at all («оплаченные, остальные не нужны» restates a filter: the row rules read it)."""
        rest = REST_COLUMNS_UNWANTED.search(request.text)
        if rest is None:
            return None
        columns: list[str] = []
        for segment in reversed(re.split(r",|" + CLAUSE_BREAK.pattern, request.text[: rest.start()])):
            items = [i.strip() for i in NOUN_LIST_SPLIT.split(COLUMN_LIST_LEAD.sub("", segment))]
            items = [i for i in items if words(i)]
            if not items and not columns:
                continue  # "id and email, and nothing else": the joiner before the phrase
            named = [self._item_column(table, words(i)) if len(words(i)) <= 3 else None for i in items]
            if not any(named) or (columns and not all(named)):
                break  # the load clause («клиентов в клик ежедневно») or a segment of other words
            unknown = [i for i, name in zip(items, named, strict=True) if name is None]
            if unknown:
                return Found(None, [self._no_such_column(request, table, unknown[0])])
            columns = [n for n in named if n and n not in columns] + [c for c in columns if c not in named]
        if not columns:
            return None
        request.handled.append(rest.span())  # «больше ничего»: no comparison, no unread condition
        return Found(columns)

    def _listed_subset(self, request: Request, table: Table) -> Found:
        nouns = self._noun_list(request, table)
        if nouns is not None:
            return nouns
        postfix = COLUMN_LIST_AFTER.search(request.text)
        if postfix and re.search(
            r"\b(?:by|on|using|over|per|по|через)\s+$", request.text[: postfix.start()], re.I
        ):
            postfix = None  # "new rows by created_at only": «only» closes that phrase, no column list
        if postfix and _after_mask_verb(request.text[: postfix.start()]):
            postfix = None  # "mask the email only": «only» says what to mask, no column list (planner40)
        if postfix:
            known, unknown = self._listed_columns(table, postfix.group(1))
            value_first = len(known) == 1 and self._listed_value_before(
                request, table, known[0], postfix.start()
            )
            if known and not unknown and not _one_flag(table, known) and not value_first:
                return Found(known)  # value_first: "the night zone only" filters zone = 'night', no list
        after_noun = self._list_after_table_noun(request, table)
        if after_noun:
            return Found(after_noun)
        for match in COLUMN_LIST.finditer(request.text):
            if request.is_handled(match.start()):
                continue  # "без колонок phone и snils" lists what to leave out
            if _after_mask_verb(request.text[: match.start()]):
                continue  # «замаскировать только email», "hash only the phone": what to mask, not to load
            known, unknown = self._listed_columns(table, match.group(1))
            explicit = re.match(r"(keep|only|только|колонк|столбц|column|field|пол)", match.group(0), re.I)
            if unknown and not known and all(self.filters.is_listed_value(table, n) for n in unknown):
                continue  # "only new and in_progress": values a column's comment lists, the rows, not columns
            if unknown and explicit:
                return Found(None, [f"{table.qualified_name} has no column {unknown[0]!r}; "
                                     f"columns: {', '.join(table.column_names)}."])  # fmt: skip
            # "only the status column": the noun after the list says it lists columns
            column_noun = re.match(r"\s+(?:columns?|fields?)\b", request.text[match.end() :], re.I)
            if len(known) == 1 and not column_noun and self._value_follows(request, table, match.end()):
                continue  # "only region north" is a filter, not the one column region
            if len(known) == 1 and re.match(r"\s*(?:=|<>|!=|>=?|<=?)", request.text[match.end() :]):
                continue  # "only direction = 'in'": a row condition, not the one column direction
            if (
                _one_flag(table, known)
                and not column_noun
                and not re.search(r"колонк|столбц|пол[яеи]|column|field", match.group(0), re.I)
            ):
                continue  # "only present": the rows whose flag is set (the filters read it), not one column
            if known and (len(known) > 1 or re.match(r"(keep|only|только)", match.group(0), re.I)):
                return Found(known)
        return Found(None)

    def _list_after_table_noun(self, request: Request, table: Table) -> list[str]:
        """«полисы: policy_number, holder_id, starts_on — каждый день»: two or more of the table's columns
        right after its noun and a colon are the columns to load (planner36: the list was lost)."""
        for match in COLON_LIST.finditer(request.text):
            if not self._colon_after_table_noun(request, table, match.start()):
                continue  # «маскировать: email, phone»: the colon follows another word, not the table's noun
            known, unknown = self._listed_columns(table, match.group(1))
            if len(known) > 1 and not unknown:
                return known
        return []

    def _colon_after_table_noun(self, request: Request, table: Table, colon: int) -> bool:
        """The colon at `colon` follows the table's own noun («отели:», "policies:")."""
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment)) - STOP_STEMS
        noun = request.token_at(colon) - 1
        return noun >= 0 and bool(self.vocabulary.meanings(request.tokens[noun]) & own)

    def _noun_list(self, request: Request, table: Table) -> Found | None:
        """«только id, ФИО, группу и статус», "just the id, name and phone": a list after «только»/"only"
        whose items are column names or words for them (the glossary, the column comments), read whole.
        An item no column answers to is asked about, never dropped (the list would lose a column). None
        when there is no such list (the first item names no column: «только новые»)."""
        cues = list(NOUN_LIST_CUE.finditer(request.text))
        # «отели: название, город, звёздность»: the table's noun and a colon open a list of column words too
        colons = [
            m
            for m in _COLON.finditer(request.text)
            if self._colon_after_table_noun(request, table, m.start())
        ]
        cues = sorted([*cues, *colons], key=lambda m: m.start())
        for cue, following in zip(cues, [*cues[1:], None], strict=False):
            # the list ends where words another rule read begin («..., только id и amount вручную»), and
            # at the next «только» at the latest (which opens a list of its own: reading every cue's list to
            # the end of the text made «только те, у кого …» repeated quadratic)
            read = [a for a, _ in [*request.schedule_spans, *request.handled] if a >= cue.end()]
            end = following.start() if following else len(request.text)
            rest = request.text[cue.end() : min(read, default=end)]
            rest = rest[: max(0, end - cue.end())]
            restated = RESTATEMENT.search(rest)  # «только оплаченные, т.е. status = 'paid'»: the list ends
            rest = rest[: restated.start()] if restated else rest
            if cue in colons and _opens_with_mask(rest):
                continue  # "members: mask full name, phone and email": what to mask, every column loaded
            stop = NOUN_LIST_END.search(rest)
            if stop and _closes_with_mask(" ".join(words(rest[stop.end() :])[:1])):
                continue  # «гости: телефон, почта и паспорт — замаскировать»: the verb masks the whole list
            items = [i.strip() for i in NOUN_LIST_SPLIT.split(rest[: stop.start() if stop else len(rest)])]
            items = [re.sub(r"^(?:the|its|their)\s+", "", i, flags=re.I) for i in items if i]
            if items:  # "the total and status columns": the noun closes the list
                items[-1] = re.sub(r"\s+(?:columns?|fields?)$", "", items[-1], flags=re.I)
                items[-1] = re.sub(r"\s+(?:only|только)$", "", items[-1], flags=re.I)  # "a and b only"
            scheduled = [k for k, i in enumerate(items) if parse_schedule(i) is not None]
            items = items[: scheduled[0]] if scheduled else items  # "only changes, hourly"
            told = [
                k
                for k, i in enumerate(items)
                if k >= 2 and _instruction(i) and self._item_column(table, words(i)) is None
            ]
            items = items[: told[0]] if told else items  # "only id, name and days, append by issued_at"
            if len(items) < 2 or any(len(words(i)) > 3 or not words(i) for i in items):
                continue
            if any(_relative_pronoun(words(i)[0]) for i in items[1:]):
                continue  # «только веганские блюда, которых нет в стоп-листе»: the rows' clause (planner166)
            if says_rows(items):
                continue  # «только срочные и отклонённые»: states and flags of the rows (planner169)
            columns: list[str] = []
            unknown: list[str] = []
            for item in items:
                item_words = words(item)
                if len(item_words) > 1 and _closes_with_mask(item):
                    item_words = item_words[:-1]  # «только id, ФИО, снилс захешировать»: that item is masked
                name = self._item_column(table, item_words)
                if name is None and len(item_words) > 2:
                    # «region таблицы sales»: the list ends inside this item, after its first word(s)
                    name = self._item_column(table, item_words[:1])
                    name = name or self._item_column(table, item_words[:2])
                if name is None:
                    unknown.append(item)
                elif name not in columns:
                    columns.append(name)
            first_unknown = self._item_column(table, words(items[0])) is None
            if not columns or first_unknown and (cue not in colons or _instruction(items[0])):
                continue  # «только новые, ...»: no list; after «<table>:» an unknown word is asked
            if _listed_value_only(table, items[0]):
                continue  # «только pending, номер карты скрыть»: a value of status, the rows, not a list
            masked = [k for k, i in enumerate(items) if k >= 1 and _closes_with_mask(i)]
            if masked and masked[0] < 2:
                continue  # «только оплаченные, номер карты скрыть»: one word, then the masking clause
            if cue in colons and any(_closes_with_mask(i) for i in items):
                # «клиентов: телефон, почту и ВУ закрыть», «сессии: mac-адрес захешировать, новые по id»: the
                # colon opens what to mask (the mask rule reads it), not the columns to load (planner55)
                continue
            if unknown:
                return Found(None, [f"{table.qualified_name} has no column {unknown[0]!r}; "
                                    f"columns: {', '.join(table.column_names)}."])  # fmt: skip
            return Found(columns)
        return None

    def _item_column(self, table: Table, tokens: list[str]) -> str | None:
        """The one column a list item of one or two words names ("id", «ФИО», «группу», "student id")."""
        exact = table.column("_".join(tokens))
        if exact:
            return exact.name
        found = self._word_column(table, tokens, fk_words=False) if len(tokens) <= 2 else None
        if found and found[1] == len(tokens):
            return found[0]
        if len(tokens) == 1:  # "only id, movie, hall": a list item naming another table is the key to it
            key = self._single_word_column(table, tokens[0], fk_words=True)
            if key and name_parts(key)[-1:] == [stem("id")]:
                return key
        # "check-in date" -> checked_in_on: every part of the name but its time suffix is one of the words;
        # "start time" -> starts_at: one part and the time suffix said as a time noun
        stems = {stem(t) for t in tokens}
        time_nouns = {stem("time"), stem("date")}
        named = [
            c.name
            for c in table.columns
            if (parts := set(name_parts(c.name)) - {"at", "on", "date"})
            and parts <= stems
            and (len(parts) > 1 or _timed(c.name) and len(stems - parts) == 1 and stems - parts <= time_nouns)
        ]
        return named[0] if len(named) == 1 else None

    def _listed_value_before(self, request: Request, table: Table, name: str, offset: int) -> bool:
        """The word right before `offset` is a value the column `name`'s comment lists ("the night zone only"
        with 'Зона суток (day, night, peak)')."""
        column = table.column(name)
        index = request.token_at(offset) - 1
        if column is None or index < 0:
            return False
        return request.tokens[index] in {v.lower() for v in listed_values(column.comment)}

    def _value_follows(self, request: Request, table: Table, offset: int) -> bool:
        index = request.token_at(offset)
        if index >= len(request.tokens) or self._ends_list(request, index):
            return False
        return self.filters._is_value(request, table, request.raw[index])

    def _mask(self, request: Request, table: Table) -> Found:
        """Columns to mask, or a question when the request names something the table does not have
        ("mask customer emails" on orders must not mask customer_id)."""
        columns, part, unread = self._masked_columns(self._unabbreviated(request, table), table)
        foreign = self._foreign_column_words(table, words(part), listed_names=False) if columns else []
        source = table.qualified_name
        columns, unnamed = self._without_table_noun(table, columns, part)
        columns = self._without_swallowed(table, columns, part)
        unnamed = (
            unread  # «ИНН, СНИЛС скрыть» without an INN column: the list's item that names no column
            or unnamed
            or self._foreign_modifier(table, columns, part)
            or self._generic_word_only(table, columns, part)
            or self._unnamed_column_item(table, columns, part)
            or self._unpaired_qualifier(table, columns, part)
            or self._other_tables_pairing(table, columns, part)
            or self._columnless_item(table, columns, part)  # after the pairings: «личную и рабочую почты»
        )
        if unnamed:  # «замаскируй ИНН преподавателей» on teachers: the table's noun is no column to mask
            original = re.search(re.escape(unnamed), request.text, re.IGNORECASE)
            word = original.group(0) if original else unnamed
            listed = ", ".join(table.column_names)
            question = say(
                request.language, "planner.mask.no_such_column", word=word, table=source, columns=listed
            )
            return Found(None, [question])
        if _mask_cue(request) and (foreign or not columns):
            lead = f"{source} has no column {foreign[0]!r}. " if foreign else ""
            return Found(None, [f"{lead}Which columns of {source} should be masked? "
                                 f"Columns: {', '.join(table.column_names)}."])  # fmt: skip
        return Found(columns)

    def _other_tables_pairing(self, table: Table, columns: list[str], part: str) -> str | None:
        """ "mask the sender phone", «телефон отправителя скрыть» on couriers (one `phone`): two words side by
        side of which one names a column to mask alone and the other, a word this table knows nothing of,
        pairs with it into another table's column (shipments.sender_phone). The user means a column this
        table lacks, so the pair is returned and asked about instead of masking `phone`."""
        if not columns:
            return None
        tokens = words(part)
        known = {p for c in table.columns for p in self._column_words(c)} | set(name_parts(table.name))
        others = [
            other
            for conn in self._readable("postgres")
            for other in self.catalog.tables_of(conn.conn_id)
            if other.qualified_name != table.qualified_name
        ]
        for first, second in zip(tokens, tokens[1:], strict=False):
            if any(w in STOP_WORDS or w in LIST_JOINERS or grammar.is_mask_word(w) for w in (first, second)):
                continue
            alone = [w for w in (first, second) if self._single_word_column(table, w, True) in columns]
            qualifier = second if alone == [first] else first if alone == [second] else None
            meanings = set(self.vocabulary.meanings(qualifier)) if qualifier else set()
            if qualifier is None or meanings & (known | GENERIC_COLUMN_PARTS) or table.column(qualifier):
                continue  # «номер телефона», "customer phone": words this table has
            if self._pair_column(table, first, second) is None and any(
                self._pair_column(other, first, second) for other in others
            ):
                return f"{first} {second}"
        return None

    def _unnamed_column_item(self, table: Table, columns: list[str], part: str) -> str | None:
        """ "mask passport_number and the bonus column" with no bonus column: an item of the mask list that
        calls itself a column («колонку бонусов», "the loyalty field") yet names none of the table's is
        returned, so the planner asks instead of masking the rest and dropping it silently."""
        if not columns:
            return None
        for item in MASK_LIST_SPLIT.split(part):
            item_words = words(item)
            if any(COLUMN_NOUN.match(w) for w in item_words) and not self._columns_in(table, item):
                named = [w for w in item_words if w not in STOP_WORDS and not COLUMN_NOUN.match(w)]
                if named:
                    return " ".join(named)
        return None

    def _columnless_item(self, table: Table, columns: list[str], part: str) -> str | None:
        """«права и телефон скрыть» on a table without a driving licence, "mask phone and licence": an item of
        the mask list that names none of the table's columns is returned, so the planner asks instead of
        masking the other items and dropping it (a column named by its comment word, «права» for
        'Номер водительского удостоверения', is an item that names one)."""
        if not columns:
            return None
        for item in MASK_LIST_SPLIT.split(part):
            if not _noun_phrase(item) or any(self._is_engine_word(w) for w in words(item)):
                continue  # «… и залей их в CH»: the load clause after the list, no item of it
            named = [
                w
                for w in self._not_table_noun(table, words(item))
                if w not in STOP_WORDS and w not in LIST_JOINERS and not grammar.is_mask_word(w)
            ]
            if named and not self._mask_columns_in(table, item):
                return " ".join(named)
        return None

    def _mask_columns_in(self, table: Table, text: str) -> list[str]:
        """The columns a mask list's words name; a mask names columns, never values, so where the words name
        none, a value another column lists names nothing either: «карту скрыть» is card_number 'Номер
        карты', whose «карт» payment_method 'Способ оплаты (cash, card, online)' only lists as a value
        (planner100)."""
        return self._columns_in(table, text) or [
            name for _, name in self._column_mentions(table, words(text), listed_names=False)
        ]

    def _unabbreviated(self, request: Request, table: Table) -> Request:
        """The request with «тел.», «ф.и.о.», "addr" written out as the one column word of `table` each
        starts (planner22, abbreviations.py); the request itself when it has no such abbreviation."""
        if not _mask_cue(request):
            return request
        named: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for column in table.columns:
            parts = column.name.lower().split("_")
            glossary = [w for p in parts for w in BUILTIN_GLOSSARY.get(p, [])]
            named[column.name] = [
                *parts,
                *words(column.comment or ""),
                *(w for w in glossary if " " not in w),
            ]
            phrases[column.name] = [column.comment or "", *(w for w in glossary if " " in w)]
        known = STOP_WORDS | {w for w in words(request.text) if grammar.is_mask_word(w)}
        expanded = abbreviations.expand(request.text, named, known, phrases)
        return request if expanded is None else Request(expanded, written=request.written)

    def _without_swallowed(self, table: Table, columns: list[str], part: str) -> list[str]:
        """ "hash the customer id" on orders names customer_id; its last word alone is no second column
        (`id`), unless that word also stands on its own elsewhere in the phrase."""
        tokens = words(part)
        pairs = [
            (k, found[0])
            for k in range(len(tokens) - 1)
            if (found := self._word_column(table, tokens[k : k + 2], fk_words=True)) and found[1] == 2
        ]
        swallowed = {k + 1 for k, name in pairs if name in columns}
        dropped = []
        for column in columns:
            naming = [k for k, t in enumerate(tokens) if self._single_word_column(table, t, True) == column]
            if naming and all(k in swallowed for k in naming) and column not in {n for _, n in pairs}:
                dropped.append(column)
        return [c for c in columns if c not in dropped]

    def _generic_word_only(self, table: Table, columns: list[str], part: str) -> str | None:
        """«маскировать номер водительского удостоверения» on couriers: a column named only by a generic
        word («номер» of passport_number, 'Номер паспорта') whose neighbours name something the column is
        not is another column, one the table lacks; the phrase is returned so the planner asks."""
        tokens = words(part)
        for column in columns:
            found = table.column(column)
            own = self._column_words(found) if found else set()
            naming = [k for k, t in enumerate(tokens) if set(self.vocabulary.meanings(t)) & own]
            if not naming or any(
                not self.vocabulary.meanings(tokens[k]) & GENERIC_COLUMN_PARTS for k in naming
            ):
                continue  # «номер паспорта»: a word of its own names the column
            for k in naming:
                near = [j for j in (k - 1, k + 1) if 0 <= j < len(tokens)]
                content = [
                    j
                    for j in near
                    if tokens[j] not in STOP_WORDS
                    and tokens[j] not in LIST_JOINERS
                    and not is_(tokenize(tokens[j])[0], "MASK")
                    and not self._names_table(tokens[j], table)
                    and not any(
                        self._single_word_column(table, tokens[j], True) == c for c in table.column_names
                    )
                ]
                if content and all(not set(self.vocabulary.meanings(tokens[j])) & own for j in content):
                    first, last = min(k, *content), max(k, *content) + 1
                    if last - 1 > k and last < len(tokens) and tokens[last] not in STOP_WORDS:
                        last += 1  # «номер водительских прав»: the noun after the adjective too
                    return " ".join(tokens[first:last])
        return None

    def _foreign_modifier(self, table: Table, columns: list[str], part: str) -> str | None:
        """ "hash the tax id" on customers: a generic column word (id, number, name, code) named with a
        modifier this table knows nothing of ("tax") is another column, one the table lacks; the phrase is
        returned so the planner asks instead of masking `id`."""
        tokens = words(part)
        known = set(name_parts(table.name)) | set(name_parts_of_text(table.comment or ""))
        known |= {p for c in table.columns for p in name_parts(c.name)}
        for column in columns:
            parts = set(name_parts(column))
            if not parts <= GENERIC_COLUMN_PARTS:
                continue
            for k, token in enumerate(tokens[1:], start=1):
                if not set(self.vocabulary.meanings(token)) & parts:
                    continue
                modifier = tokens[k - 1]
                if modifier in STOP_WORDS or modifier in LIST_JOINERS or is_(tokenize(modifier)[0], "MASK"):
                    continue
                if not set(self.vocabulary.meanings(modifier)) & known and not table.column(modifier):
                    return f"{modifier} {token}"
        return None

    def _without_table_noun(
        self, table: Table, columns: list[str], part: str
    ) -> tuple[list[str], str | None]:
        """Drops the columns only the table's own noun named (teachers' comment «ФИО преподавателя» made
        «телефоны преподавателей» mask full_name too); when nothing is left, the first other word of the
        phrase, which names no column of this table («замаскируй ИНН преподавателей»)."""
        tokens = words(part)
        kept = self._not_table_noun(table, tokens)
        if not columns or len(kept) == len(tokens):
            return columns, None
        by_noun = {n for _, n in self._column_mentions(table, [t for t in tokens if t not in kept])}
        by_noun -= {n for _, n in self._column_mentions(table, kept)}
        left = [c for c in columns if c not in by_noun]
        if left:
            return left, None
        return columns, next((t for t in kept if t not in STOP_WORDS and t not in LIST_JOINERS), None)

    def _not_table_noun(self, table: Table, tokens: list[str]) -> list[str]:
        """The tokens that are not the table's own noun (its name's parts or its comment's words, less the
        words of its columns' names: "card" of fuel_cards.card_number names a column)."""
        own = set(name_parts(table.name)) | set(name_parts_of_text(table.comment or ""))
        own -= {p for c in table.columns for p in name_parts(c.name)}
        own |= self._comment_head_synonyms(table)  # «машины» of 'Автомобили клиентов' (planner98)
        return [
            t
            for t in tokens
            if not set(self.vocabulary.meanings(t)) & own and not clipped_compound_of(t, table.comment)
        ]

    def _masked_columns(self, request: Request, table: Table) -> tuple[list[str], str, str]:
        """The columns a mask phrase names, the words that named them, and an item of the list that names no
        column ("" when there is none)."""
        match = _mask_cue(request)
        if not match:
            return [], "", ""
        corrected = self._corrected_mask_list(request, table, match.end())
        if corrected:
            return corrected, "", ""
        # «..., а также X», "... as well as X": one more item of the list (same length: offsets stay)
        lower = ALSO.sub(lambda m: "," + " " * (len(m.group(0)) - 1), request.lower)
        start = _mask_list_start(lower, match.start())
        ends = [i for i in (lower.find(p, match.end()) for p in ".") if i >= 0]
        after = re.split(
            r"\b(every|each|daily|hourly|ежедневно|каждый|каждые|каждую|ежечасно)\b",
            lower[match.end() : min(ends, default=len(lower))],
        )[0]
        # "mask inn; passport": a semicolon joins the list's items as a comma does (planner67); a segment
        # after it that names no column ends the list as after a comma
        segments = re.split(r"[,;]", after)
        head = lower[start : match.start()]
        grouped = self._bracketed_group(table, lower, match)
        if grouped:  # «данные получателя (фио, телефон, адрес) замаскировать»
            return grouped, "", ""
        for part in (segments[0], head):
            distributed = self._distributed_columns(table, part)
            columns = distributed or self._mask_columns_in(table, part)
            if columns:
                unread = ""
                # "mask emails, phones and snils": later segments count when they only list columns.
                for segment in segments[1:] if part is segments[0] else []:
                    more = self._list_item_columns(table, segment)
                    if not more:
                        # "mask the phone, tax id": an item naming nothing is kept for the question
                        unread = segment if self._unread_mask_item(table, segment) else ""
                        break
                    columns += [c for c in more if c not in columns]
                if part is head:  # «СНИЛС, паспорт и телефон захешировать»: earlier items of the list
                    # «...; ФИО, телефон и ...»: the list starts after the clause's own punctuation
                    head_text = lower[: max(0, start - 1)]
                    before = re.split(r",|" + CLAUSE_BREAK.pattern, head_text) if start else []
                    before = before[len(before) - 1 - _list_start(lower[: max(0, start - 1)]) :]
                    # «моб. телефон скрыть»: only a comma joins an item to the list, not an abbreviation's dot
                    # «ИНН; СНИЛС скрыть»: a semicolon joins items as a comma does (planner67)
                    joined = lower[start - 1] in ",;" if start else False
                    for segment in reversed(before[self._column_list_end(table, before) :]):
                        if _OTHER_CLAUSE.search(segment):
                            break  # "new rows by paid_at, card numbers hashed": the new-rows clause
                        # «телефоны отправителя и получателя, а также адрес получателя скрыть»
                        more = self._list_item_columns(table, segment)
                        if _states_rows(table, segment, more):
                            break  # «Заведующих аптеками, кроме уволенных, СНИЛС затереть»: which rows
                        if not more:
                            # «ИНН, СНИЛС скрыть» without an INN column: the item is asked, not dropped
                            unread = segment if joined and self._unread_mask_item(table, segment) else ""
                            break
                        joined = True
                        columns = [c for c in more if c not in columns] + columns
                    if not unread:
                        also, unread = self._items_said_too(table, segments[1:])
                        columns += [c for c in also if c not in columns]
                return columns, "" if distributed else part, unread.strip()
            if PII_WORDS.search(part):
                return self._pii_columns(table), "", ""
        return [], "", ""

    def _corrected_mask_list(self, request: Request, table: Table, cue_end: int) -> list[str]:
        """ "hide passport_number and bank details... I mean just the passport", «скрыть паспорт и телефон,
        точнее только паспорт»: a correction marker after the mask word, followed by words that name columns
        and nothing more, takes the list before it back; the columns said after it are the ones masked, and
        the list taken back counts as read (planner122; a later value in a mid-sentence correction wins).
        [] when there is no such marker, or the words after it add to the list ("... actually the email
        too") or name no column."""
        for marker in _MASK_CORRECTION.finditer(request.lower, cue_end):
            rest = request.lower[marker.end() :]
            item = re.split(r"[.;,!?\n]|\b(?:and then|then|потом|затем)\b", rest, maxsplit=1)[0]
            schedule = re.search(
                r"\b(every|each|daily|hourly|ежедневно|каждый|каждые|каждую|ежечасно|в клик|to)\b", item
            )
            item = item[: schedule.start()] if schedule else item
            if not item.strip() or _MASK_ADDED.search(item):
                continue
            columns = self._mask_columns_in(table, item)
            named = [w for w in self._not_table_noun(table, words(item)) if w not in STOP_WORDS]
            if not columns or not named:
                continue
            request.handled.append((cue_end, marker.end() + len(item)))
            return columns
        return []

    def _items_said_too(self, table: Table, segments: list[str]) -> tuple[list[str], str]:
        """The items after a mask list's closing verb that «тоже»/"too" adds to it («ФИО замаскировать, адрес
        тоже»): their columns, and the first such item that names no column ("" when none) so the mask rule
        asks about it instead of dropping it."""
        columns: list[str] = []
        for segment in segments:
            also = ALSO_AFTER.match(segment.strip())
            if not also:
                break
            item = also.group("item")
            more = self._list_item_columns(table, item)
            if not more:
                return columns, item if self._unread_mask_item(table, item) else ""
            columns += [c for c in more if c not in columns]
        return columns, ""

    def _unread_mask_item(self, table: Table, segment: str) -> bool:
        """`segment`, next to a mask list and naming no column, reads as one more item of that list («ИНН,
        СНИЛС скрыть» on a table without an INN column, "mask the phone, tax id"): one to three words of a
        noun phrase, none of them the table's own noun, an engine, a schedule, a condition or a participle
        («оплаченные, телефон скрыть» filters rows). The mask rule then asks about it, quoting its words,
        instead of masking the other items and dropping it (planner61)."""
        tokens = tokenize(segment)
        named = [t for t in tokens if t.lang in ("ru", "en")]
        if not 1 <= len(named) <= 3 or len(named) != len([t for t in tokens if t.lang != "punct"]):
            return False  # a number or a quoted name is no item of a mask list
        if not _noun_phrase(segment) or parse_schedule(segment) is not None:
            return False
        if negation.states_condition(segment) or _OTHER_CLAUSE.search(segment) or EXCLUDE.search(segment):
            return False  # "…, skip birth_date": the next clause, no item
        if self._says_listed_value(table, segment):
            return False  # «статус paid, номер карты скрыть»: a filter's phrase, no item (wc108)
        if _instruction(segment) or any(concepts(t.lemma or t.lower, t.lang) for t in named):
            return False  # "…, full reload every night", "…, refresh every 4 hours": a mode, no item
        plain = [t.lower for t in named]
        if any(w in STOP_WORDS or self._is_engine_word(w) for w in plain):
            return False
        if any(w in (table.name.lower(), table.qualified_name.lower()) for w in plain):
            return False  # «переливать fleet.fuel_cards, номера карт захешировать»: the table, by its name
        if self._not_table_noun(table, plain) != plain:
            return False  # «сотрудники, СНИЛС скрыть»: the table's noun opens the request
        parts = [p for w in plain for p in w.split("-") if p]
        if len(parts) > len(plain) and self._not_table_noun(table, parts) != parts:
            return False  # planner144: «рабочих-сварщиков, паспорт скрыть»: the table's noun and its kind
        return not any(t.lang == "ru" and t.parses and t.parses[0].pos in _NOT_MASK_ITEM_POS for t in named)

    def _column_list_end(self, table: Table, segments: list[str]) -> int:
        """How many of the segments before a mask list's last item belong to a column list opened by
        «только»/"only" («только id, amount, номер карты скрыть»: id and amount are loaded, not masked; the
        mask word closes the column list's last item). 0 when no such list opens among them («только новые»
        names rows, so a mask list after it keeps its items)."""
        for k in range(len(segments) - 1, -1, -1):
            cue = NOUN_LIST_CUE.search(segments[k])
            first = words(segments[k][cue.end() :])[:2] if cue else []
            if first and (self._item_column(table, first) or self._item_column(table, first[:1])):
                return len(segments)
        return 0

    def _list_item_columns(self, table: Table, segment: str) -> list[str]:
        """The columns a neighbouring segment of a mask list names, [] when it is no list item. A segment
        whose only column word is the table's own noun («преподов в кх» of teachers, whose full_name
        says 'ФИО преподавателя') is the load clause, not an item (triggers_m family 2, planner24); nor is a
        segment that states a condition («status = 'paid', номер карты скрыть»: rows, not columns to mask)."""
        if negation.states_condition(segment) or re.search(r"['\"«]", segment):
            return []
        if self._says_listed_value(table, segment):
            return []  # «статус paid, номер карты скрыть»: the filter's phrase bounds the list (wc108)
        more = self._only_columns(table, segment) or self._distributed_columns(table, segment)
        if not more:
            return []
        if _names_listed_value(table, more, segment):
            return []  # "payments that failed, card numbers masked": a status value says rows (planner166)
        if not [t for t in self._not_table_noun(table, words(segment)) if t not in STOP_WORDS]:
            return []  # «абоненты, почту скрыть»: the table's noun alone opens the request; it masks nothing
        left, unnamed = self._without_table_noun(table, more, segment)
        return [] if unnamed is not None else left

    def _says_listed_value(self, table: Table, segment: str) -> bool:
        """`segment` names a column and, in another word, a value that column's comment lists («статус paid»,
        "status refunded"): a row condition, never an item of a mask list beside it."""
        tokens = words(segment)
        for column in table.columns:
            values = {v.lower() for v in listed_values(column.comment)}
            said = [k for k, t in enumerate(tokens) if t in values]
            if not said:
                continue
            rest = [t for k, t in enumerate(tokens) if k not in said]
            if any(name == column.name for _, name in self._column_mentions(table, rest, listed_names=False)):
                return True
        return False

    def _bracketed_group(self, table: Table, lower: str, cue: re.Match[str]) -> list[str]:
        """«данные получателя (фио, телефон, адрес) замаскировать», "recipient details (name, phone,
        address) masked": a bracketed list right before or after the mask word, after a group noun and its
        qualifier; each item names one column with a qualifier word before the bracket (recipient_name ...),
        or alone; [] unless every item does (planner22)."""
        before = re.search(r"([^,;.()]*)\(([^()]{2,120})\)\s*$", lower[: cue.start()])
        after = re.match(r"\s*([^,;.()]*)\(([^()]{2,120})\)", lower[cue.end() :])
        found = before or after
        if found is None:
            return []
        qualifiers = [w for w in words(found.group(1)) if w not in STOP_WORDS and not grammar.is_mask_word(w)]
        items = [i for i in re.split(r"\s*(?:,|\bи\b|\band\b|\bor\b|\bили\b)\s*", found.group(2)) if i]
        columns: list[str] = []
        for item in items:
            item_words = [w for w in words(item) if w not in STOP_WORDS]
            if not item_words:
                return []
            paired = {
                c for q in qualifiers for w in item_words if (c := self._pair_column(table, w, q)) is not None
            }
            alone = self._columns_in(table, item)
            # one column per qualifier («отправителя и получателя (фио, телефон)»), else the item alone
            named = sorted(paired) if paired else alone if len(alone) == 1 else []
            if not named:
                return []
            columns += [c for c in named if c not in columns]
        return columns if len(columns) >= 2 else []

    def _distributed_columns(self, table: Table, text: str) -> list[str]:
        """«ФИО и телефоны отправителя и получателя», «телефоны отправителя и получателя»: a list of heads
        and a list of qualifiers side by side (each joined by и/and/,) whose every pairing names one column
        (sender_name, sender_phone, recipient_name, recipient_phone); [] when the words are not such."""
        lists = _side_by_side_lists(table, text)
        if lists is None:
            return []
        named = [self._pair_column(table, h, q) for h in lists[0] for q in lists[1]]
        if all(named) and len(set(named)) == len(named):
            return [n for n in named if n]
        return []

    def _unpaired_qualifier(self, table: Table, columns: list[str], part: str) -> str | None:
        """ "mask home and work phones" on contacts with work_phone and no home phone: qualifiers sharing one
        plural noun, of which one pairing names a column and another names none; masking the rest («home»
        alone read as home_address) would drop what was asked silently, so the pairing that names nothing is
        returned. Not a list of items whose last one is two words («СНИЛС и номер паспорта»: «снилс» names
        a column by itself; «номер карты и полис»: «полис» is no plural), nor a list running on into the next
        clause («ФИО преподавателей и залей их»: a verb qualifies nothing). When no pairing names a column
        ("sender and recipient phones" on couriers, whose one phone is `phone`), the qualifiers say whose
        phones the table does not hold: the first one that is not the table's own noun is returned too
        («телефоны клиентов и курьеров» on customers asks about the couriers')."""
        lists = _side_by_side_lists(table, part) if columns else None
        if lists is None or 1 not in (len(lists[0]), len(lists[1])):
            return None
        shared, qualifiers = (lists[0], lists[1]) if len(lists[0]) == 1 else (lists[1], lists[0])
        if not _is_plural_noun(shared[0]) or any(
            not _may_qualify(q) or self._names_whole_column(table, q) for q in qualifiers
        ):
            return None
        pairs = [(h, q) for h in lists[0] for q in lists[1]]
        named = [self._pair_column(table, h, q) for h, q in pairs]
        own = {q for q in qualifiers if self._names_table(q, table)}
        unnamed = [(h, q) for (h, q), n in zip(pairs, named, strict=True) if n is None and not {h, q} & own]
        if not unnamed:
            return None
        first, second = unnamed[0]
        return singular_noun_phrase(first, second) or f"{first} {second}"

    def _only_columns(self, table: Table, text: str) -> list[str]:
        """The columns `text` names when it names nothing but columns (and conjunctions)."""
        if any(t in grammar.ONLY_WORDS for t in words(text)):
            return []  # "refunded only, card masked": the rows to take, no item of a mask list
        tokens = [t for t in words(text) if t not in STOP_WORDS and t not in {"or", "или", "also", "также"}]
        mentions = self._column_mentions(table, tokens)
        covered = {i for i, _ in mentions} | {i + 1 for i, _ in mentions}
        if not mentions or any(i not in covered for i in range(len(tokens))):
            return []
        return [name for _, name in mentions]

    def _pii_columns(self, table: Table) -> list[str]:
        return [
            c.name
            for c in table.columns
            if any(parts <= set(name_parts(c.name)) for parts in PII_COLUMN_PARTS)
        ]

    def _dedupe(self, request: Request, table: Table) -> Found:
        """Columns that identify a duplicate: the ones named after the dedupe cue, else every column; a
        question when the names after it are no columns ("duplicates by event_code" on events)."""
        match = DEDUPE.search(request.lower)
        if not match and grammar.enabled("dedupe"):  # "dropping duplicates", «дубликаты убрать»: by lemma
            match = _lexicon_cue(request.text, "DEDUPE")
        if not match:
            return Found(None)
        by_words = self._dedupe_by_words(request, table, match.end())
        for by in grammar.column_lists(tokenize(request.text)):
            if by.start < match.end() or re.search(r"[,;.!?]", request.text[match.end() : by.start]):
                continue  # «без дублей, только новые по updated_at»: that list is another clause's
            known = self._named_columns(table, by.value)
            if known and set(known) < set(by_words):
                return Found(
                    by_words
                )  # «дубли по screening_id, ряду и месту»: the list goes on past the names
            if known:
                return Found(known)
            unknown = [n for n in by.value if "_" in n and not table.column(n)]
            if unknown and by.start - match.end() <= 30:
                columns = ", ".join(table.column_names)
                if request.language == "ru":
                    return Found(None, [f"В {table.qualified_name} нет колонки «{unknown[0]}»; колонки: "
                                        f"{columns}. По каким колонкам искать дубликаты?"])  # fmt: skip
                return Found(None, [f"{table.qualified_name} has no column {unknown[0]!r}; columns: "
                                    f"{columns}. Which columns identify a duplicate?"])  # fmt: skip
        if by_words:  # «дубликаты по снилсу и телефону»: columns named by their words, in any case
            return Found(by_words)
        bracketed = self._dedupe_bracket(request, table, match.end())
        if bracketed is not None:  # «без дублей (reservation_code)»: the key in brackets after the cue
            return bracketed
        # "drop duplicate emails", "email duplicates": a column noun (plural too) right next to the cue
        after = re.match(r"\s*(\w+)", request.lower[match.end() :])
        before = re.search(r"(\w+)\s*$", request.lower[: match.start()])
        for word in (m.group(1) for m in (after, before) if m):
            for name in dict.fromkeys((word, re.sub(r"e?s$", "", word), word[:-1])):
                column = table.column(name) if len(name) > 1 else None
                if column is not None:
                    return Found([column.name])
        unread = self._unread_dedupe_key(request, match.end())
        if unread:  # «дедуп по номеру счёта» read no column: every column would keep the duplicates
            question = say(request.language, "planner.dedupe_key_unread", words=unread,
                           table=table.qualified_name, columns=", ".join(table.column_names))  # fmt: skip
            return Found(None, [question])
        return Found(table.column_names)

    def _dedupe_bracket(self, request: Request, table: Table, cue_end: int) -> Found | None:
        """The brackets right after the dedupe cue («без дублей (reservation_code)», «дубли (код брони)
        убрать», "without duplicates (vin)") name the key: the columns they name, a question when they name
        none (every column would keep the duplicates); None when no bracket follows the cue (planner50)."""
        bracket = re.match(r"\s*\((?:по|by|on)?\s*([^()]+)\)", request.text[cue_end:], re.IGNORECASE)
        if bracket is None:
            return None
        start, end = cue_end + bracket.start(1), cue_end + bracket.end(1)
        columns, stop = self._column_run(table, request, request.token_at(start))
        if columns and request.token_at(end) <= stop:
            return Found(columns)
        question = say(request.language, "planner.dedupe_key_unread", words=bracket.group(1).strip(),
                       table=table.qualified_name, columns=", ".join(table.column_names))  # fmt: skip
        return Found(None, [question])

    def _unread_dedupe_key(self, request: Request, cue_end: int) -> str:
        """The words after «по»/"by"/"on" right after the dedupe cue, to the clause's end, when they are no
        schedule and not «всем колонкам»/"all columns" (every column is what that says); "" otherwise."""
        start = request.token_at(cue_end)
        if start >= len(request.tokens) - 1 or request.tokens[start] not in ("по", "by", "on"):
            return ""
        words_start = request.spans[start + 1][0]
        if any(a <= words_start < b for a, b in request.schedule_spans):
            return ""
        end = re.search(r"[,;.!?)]|$", request.text[words_start:])
        phrase = request.text[words_start : words_start + (end.start() if end else 0)].strip()
        if not phrase or request.tokens[start + 1] in _ALL_COLUMNS_WORDS:
            return ""
        return phrase

    # --- assembling the spec -------------------------------------------------------------------

    def _assemble(
        self,
        request: Request,
        kind: str,
        source: ConnectionInfo,
        table: Table,
        target: ConnectionInfo,
        cron: str | None,
        timezone: str | None,
    ) -> Outcome:
        source_name = self.catalog.display_name(source.conn_id, table)
        target_table = self._explicit_target_name(request) or table.name
        conflict = self._mode_conflict(request)
        if conflict:
            return Outcome.clarify(*conflict)
        mode = self._mode(request)
        incremental = (
            self._incremental(request, table) if mode != "replace" and kind == "sql" else Found(None)
        )
        window = self.filters._rolling_window(request, table) if kind == "sql" else Found(None)
        if window.value and mode == "append" and incremental.value is None:
            mode = "upsert"  # each run reloads the window, which overlaps the last run's rows
            keys = self._window_keys(request, table)
        else:
            keys = self._keys(request, table) if mode == "upsert" else Found([])
        if (
            kind == "sql"
            and mode == "append"
            and not incremental.value
            and not (request.append_only or APPEND_WORDS.search(request.text))
        ):
            mode = "replace"  # a whole-table copy appended on every run would double its rows each time
        columns = self._column_subset(request, table)
        # a change stream's rows are said like a table's («private segment clients via CDC»): its condition
        # is read into source.where, or asked, never dropped (planner147)
        rows_read = kind in ("sql", "cdc")
        rows = cdc_rows.without_stream_words(request) if kind == "cdc" else request
        where = (
            self.filters._where(rows, table, incremental.value is not None, window, load=True)
            if rows_read
            else Found(None)
        )
        questions = keys.questions + incremental.questions + window.questions + columns.questions
        questions += where.questions if not window.questions else []
        questions = list(dict.fromkeys(questions))  # one state question the column and row rules both ask
        questions += self._left_out_but_needed(table, columns.value, keys.value, incremental.value)
        if not questions and rows_read:
            questions += self._bracketed_absent_column(rows, table)
        if not questions and rows_read:
            questions += self._unread_condition(rows, table, where.value, window.value)
        if not questions and rows_read:  # «Звонки, которые клиент сбросил»: the clause set aside, unread
            clause = clauses.unread_clause_of_other_table(self, rows, source.conn_id, table, where.value)
            clause = clause or clauses.unread_list_qualifier(rows, where.value)
            clause = clause or clauses.unread_with_phrase(self, rows, table, where.value)
            clause = clause or clauses.unread_list_head(self, rows, table, where.value)
            clause = clause or clauses.unread_cause_phrase(self, rows, table, where.value)
            clause = clause or dropped.unread_condition_words(self, rows, table, where.value)
            clause = clause or unsaid_flags.unread_flag_words(self, rows, table, where.value)
            questions += self._ask_condition(rows, table, clause) if clause else []
        if not questions and rows_read and not (where.value or incremental.value or columns.value):
            questions += self.filters.rest_unwanted_alone(rows, table)
        if not questions and rows_read and where.value:  # «кредитные транзакции»: direction or card_type?
            related = related_value_question(
                rows.language, self.catalog, source.conn_id, table, where.value, rows.text
            )
            questions += [related] if related else []
        if questions:
            return Outcome.clarify(*questions)
        transforms: list[dict[str, Any]] = []
        mask = self._mask(request, table)
        masked = mask.value or []
        if mask.questions:
            return Outcome.clarify(*mask.questions)
        masked_keys = [c for c in keys.value or [] if c in masked]
        if (
            masked_keys
        ):  # a hashed key still matches, but a list run into the mask clause is the likelier cause
            question = say(
                request.language,
                "planner.masked_key",
                columns=", ".join(masked_keys),
                table=table.qualified_name,
            )
            return Outcome.clarify(question)
        if columns.value and any(c not in columns.value for c in masked):
            both = ", ".join(c for c in masked if c not in columns.value)
            return Outcome.clarify(
                f"{both} is both masked and left out of the load; load it masked, or leave it out?"
            )
        if masked:
            transforms.append({"type": "mask", "columns": masked, "method": "hash"})
        dedupe = self._dedupe(request, table)
        if dedupe.questions:
            return Outcome.clarify(*dedupe.questions)
        if dedupe.value:
            transforms.append({"type": "dedupe", "columns": dedupe.value})
        spec_data = {
            **self._header(request, table.name, source, target, target_table, mode, cron, timezone),
            "source": {
                "type": kind,
                "conn_id": source.conn_id,
                "table": source_name,
                "columns": columns.value,
                "where": where.value,
                "incremental": {"column": incremental.value} if incremental.value else None,
            },
            "transforms": transforms,
            "target": self._target_spec(target, target_table, mode, keys.value),
        }
        if rows_read:  # a word naming a source column that nothing above used: ask (planning/residue.py)
            named = {incremental.value or "", *(keys.value or []), *masked, *(dedupe.value or [])}
            read = residue.Used(columns.value, where.value, named)
            unread = residue.unread_column_words(self, rows, table, read)
            if unread:
                return Outcome.clarify(unread)
            # a content word of the table's own phrase that nothing read: ask (planning/content.py)
            unread = content.unread_phrase_words(self, rows, table, (where.value or "").lower())
            if unread:
                return Outcome.clarify(unread)
            # "at the night tariff": a foreign key noun's qualifier nothing read (linked_qualifier.py)
            unread = linked_qualifier.unread_linked_qualifier(self, rows, table, (where.value or "").lower())
            if unread:
                return Outcome.clarify(unread)
            domain = content.domain_word_only(self, rows, table)  # «залей кино»: the database's subject
            if domain:
                return Outcome.clarify(domain)
            request.assumed += residue.untouched_notes(self, rows, table, masked)  # «email не трогать»
        outcome = _validated(spec_data)
        if outcome.status == "ok":  # «отчисленных» as status = 'expelled': said with the plan (planner85)
            outcome.assumptions = list(request.assumed)
        return outcome

    def _header(
        self,
        request: Request,
        name: str,
        source: ConnectionInfo | None,
        target: ConnectionInfo,
        target_table: str,
        mode: str,
        cron: str | None,
        timezone: str | None,
    ) -> dict[str, Any]:
        source_id = source.conn_id if source else "files"
        return {
            "dag_id": _dag_id(name, source_id, target.conn_id, target_table),
            "description": f"{source_id}.{name} -> {target.conn_id}.{target_table} ({mode})"
            + ("; every minute: the default for change capture" if request.default_schedule else "")
            + "".join(f"; read {w!r} as {r!r}" for w, r in request.corrections),
            "request": request.written,
            "owner": self.owner,
            "tags": list(dict.fromkeys(["ai-etl", source.engine if source else "files", target.engine])),
            "schedule": cron,
            "timezone": timezone or "UTC",
        }

    def _target_spec(self, target: ConnectionInfo, table: str, mode: str, keys: list[str]) -> dict[str, Any]:
        return {
            "type": "clickhouse" if target.engine == "clickhouse" else "sql",
            "conn_id": target.conn_id,
            "table": table,
            "mode": mode,
            "keys": keys,
        }

    # --- files (S3, Excel) -----------------------------------------------------------------------

    def _plan_file(self, request: Request, kind: str) -> Outcome:
        path = self._file_path(request, kind)
        file_format = self._file_format(request, path.value) if kind == "s3" and path.value else Found(None)
        s3_conn = (
            self._s3_connection(request) if kind == "s3" or (path.value or "").startswith("s3://") else None
        )
        target = self._target(request, None, files_source=True)
        # A file names its table as a source table names its own: budget.xlsx -> budget.
        target_table = self._explicit_target_name(request) or (
            _file_stem_table(path.value)
            if kind == "excel" and path.value
            else bare_file_target(self, request.text)
        )
        schedule = parse_schedule(request.text)
        if target_table is None and kind == "s3" and self._named_format_folder(request, path.value):
            # files of a named format from a folder, no table named: its raw table, as new files get one;
            # «в сутки» of the schedule names no table
            spans = schedule.spans if schedule else []
            target_table = folder_raw_table(self, request.text, _blanked_spans(request.text, spans))
        if schedule is None and kind == "excel":
            # One workbook is a one-off import unless the request says when to repeat it.
            schedule = ScheduleMatch(cron=None, timezone=None, phrase="")
        questions = path.questions + file_format.questions + target.questions
        questions += s3_conn.questions if s3_conn else []
        if target_table is None:
            questions.append(msg("planner.file_target_table"))
        if schedule is None:
            questions.append(self._ask_schedule(request))
        if questions or target.value is None or schedule is None or target_table is None:
            return Outcome.clarify(*questions)
        sheet = SHEET.search(request.text) if kind == "excel" else None
        mode = self._mode(request)
        if (
            kind == "excel"
            and mode == "append"
            and not (request.append_only or APPEND_WORDS.search(request.text))
        ):
            mode = "replace"  # a workbook is a whole: loading it again must not double its rows
        spec_data = {
            **self._header(
                request,
                target_table,
                None,
                target.value,
                target_table,
                mode,
                schedule.cron,
                schedule.timezone,
            ),  # fmt: skip
            "source": {
                "type": kind,
                "conn_id": s3_conn.value if s3_conn else None,
                "path": path.value,
                "format": file_format.value,
                "sheet": (sheet.group(1) or sheet.group(2)) if sheet else None,
            },
            "target": self._target_spec(target.value, target_table, mode, []),
        }
        if spec_data["target"]["mode"] == "upsert":
            return Outcome.clarify(msg("planner.which_keys_file"))
        return _validated(spec_data)

    def _s3_connection(self, request: Request) -> Found:
        """The S3 connection named in the request or the only one; None (Airflow's aws_default
        and boto3's credential chain) when there is none; a question when several could be meant."""
        connections = self.catalog.connections_of("s3")
        named = [c for c in connections if c.conn_id.lower() in request.tokens]
        if len(named) == 1 or len(connections) == 1:
            return Found((named or connections)[0].conn_id)
        if not connections:
            return Found(None)
        ids = ", ".join(c.conn_id for c in connections)
        return Found(None, [msg("planner.which_s3_connection", ids=ids)])

    def _file_path(self, request: Request, kind: str) -> Found:
        match = (S3_PATH if kind == "s3" else EXCEL_PATH).search(request.text)
        if kind == "excel" and (s3_path := S3_PATH.search(request.text)):
            match = s3_path  # s3://bucket/plan.xlsx
        if match:
            return Found(match.group(0).rstrip(".,:"))  # "s3://b/in/*.csv: load ...": not the colon
        if kind == "s3" and folder_path(request.text):
            return Found(folder_path(request.text))
        if kind == "s3":
            return Found(None, [msg("planner.which_s3_path")])
        return Found(None, [msg("planner.which_excel_file")])

    @staticmethod
    def _named_format_folder(request: Request, path: str | None) -> bool:
        """The request names the files' format in words and its path is a folder (s3://b/events/), not one
        file whose name would make a poor table name."""
        folder = path is not None and path.endswith("/")
        return folder and any(pattern.search(request.text) for pattern, _ in FILE_FORMATS)

    def _file_format(self, request: Request, path: str) -> Found:
        for pattern, name in FILE_FORMATS:
            if pattern.search(request.text) or pattern.search(path):
                return Found(name)
        return Found(None, [msg("planner.which_format", path=path)])


@functools.lru_cache(maxsize=512)
def _table_word_prefixes(table: Table) -> frozenset[str]:
    """First five letters of the table's words: its name, comment, its columns' names and comments (their
    lemmas too: «умный» of 'Телеметрия умных счётчиков'), and the glossary's words for the English ones
    («товар» for product_id)."""
    texts = [table.name, table.comment or ""] + [f"{c.name} {c.comment or ''}" for c in table.columns]
    found = {w for text in texts for w in words(text.lower())}
    found |= {part for c in table.columns for part in c.name.lower().split("_")}  # product_id: product
    found |= {t.lemma for text in texts for t in tokenize(text) if t.lang == "ru" and t.lemma}
    keys = {key for w in found for key in (w, w.removesuffix("s"))}
    found |= {g for key in keys for g in BUILTIN_GLOSSARY.get(key, ())}
    return frozenset(w.replace("ё", "е")[:5] for w in found if len(w) >= 5)


# Prepositions quoted with a kind of rows: «в зале», «на самовывоз», «с доставкой»
KIND_PREPOSITIONS = frozenset({"в", "во", "на", "с", "со", "через", "из", "по"})


@functools.lru_cache(maxsize=512)
def bracketed_kinds(comment: str) -> frozenset[str]:
    """Lemmas of the one-word kinds a table comment lists in brackets, two or more by commas: «доставка»,
    «самовывоз», «зал» of 'Заказы клиентов (доставка, самовывоз, зал)'; a bracket of one gloss ('Гости
    (клиенты отелей)') or of words joined by «и» ('(блюда и напитки)') names the rows themselves."""
    found: set[str] = set()
    for inside in re.findall(r"\(([^()]*)\)", comment):
        items = [item for item in inside.split(",") if item.strip()]
        if len(items) < 2:
            continue
        for item in items:
            said = [t for t in tokenize(item) if t.lang != "punct"]
            if len(said) == 1 and said[0].lang == "ru":
                found |= said[0].lemmas
    return frozenset(found)


def _table_word(table: Table, lemma: str) -> bool:
    """The lemma shares its first five letters with a word of the table (as OfflinePlanner._catalog_word
    does for the whole catalog)."""
    return len(lemma) >= 5 and lemma.replace("ё", "е")[:5] in _table_word_prefixes(table)


def _after_mask_verb(text: str) -> bool:
    """The words end with a mask verb, and perhaps an article ("mask the"): what follows is masked."""
    words_ = [t for t in tokenize(text) if t.lang != "punct"][-2:]
    if words_ and words_[-1].lower in ("the", "a", "an"):
        words_ = words_[:-1]
    return bool(words_) and is_(words_[-1], "MASK")


def _counts_columns(count: str | None) -> bool:
    """The word between «первые» and «колонок» is a number or absent: «первые 5 колонок», «первые три поля»,
    "last columns"; not "first name field" (a column's name)."""
    word = next(iter(tokenize(count)), None) if count else None
    return count is None or (word is not None and word.number is not None)


# A dedupe of the rows loaded, with its key columns; not "distinct" (a mart's count of distinct values).
LOAD_DEDUPE = re.compile(
    r"\b(?:без\s+дубл\w*|удал\w*\s+дубл\w*|убра\w*\s+дубл\w*|без\s+повтор\w*|дедуп\w*|dedup\w*|"
    # «дубли убрать по order_id и menu_item_id»: the noun before its removal verb
    r"дубл\w*\s+(?:убра\w*|убир\w*|удал\w*|выкин\w*|выкид\w*)|"
    r"(?:no|without|remove|removing|drop|dropping|skip)\s+(?:the\s+)?(?:dupes?|duplicat\w*))"
    # "by account number of the subscriber": a key with its owner after "of" (its "number of" is no count)
    r"(?:\s+(?:по|by|on)\s+[\w.]+(?:(?:\s+[\w.]+)?\s+of\s+(?:the\s+)?[\w.]+)?(?:\s*(?:,|и|and)\s*[\w.]+)*)?",
    re.IGNORECASE,
)

# «без дублей по всем колонкам», "dedupe on all columns": every column is the key the words say.
_ALL_COLUMNS_WORDS = frozenset({"всем", "всех", "все", "всей", "all", "every", "each", "whole", "entire"})

# Pronominal adjectives say no state of a row: «без всякого расписания», «кроме остальных», «без лишних слов».
_PRONOMINAL_ADJECTIVES = frozenset(
    {"всякий", "любой", "каждый", "весь", "никакой", "какой", "такой", "этот", "тот", "лишний", "остальной",
     "другой", "прочий", "свой", "наш", "ваш"}
)  # fmt: skip

CLOCK_NOUNS = frozenset({"noon", "midnight", "полдень", "полночь"})  # a clock time without digits


# A duplicates noun and the preposition of its key list: «дубли по сеансу, ряду и месту», "duplicates by seat"
_DUPES_BY = re.compile(
    r"\b(?:duplicat\w*|dupes?|дубл\w*|повтор\w*|задвоен\w*)\s+(?:по|by|on)\s+", re.IGNORECASE
)


def _dedupe_key_indices(request: Request) -> set[int]:
    """Token indices of the key list after a duplicates noun («дубли по сеансу, ряду и месту выкидывать",
    "drop duplicates by patient and doctor"): its items joined by commas, «и», "and" (each names one column of
    the table named before the list, not a table to load). A single item is no list: «повторы по сеансу»
    alone may name another table (one ticket kept per screening), so it stays asked."""
    found: set[int] = set()
    for match in _DUPES_BY.finditer(request.lower):
        i = request.token_at(match.end())
        items: set[int] = set()
        while i < len(request.tokens):
            items.add(i)
            nxt = i + 1
            if nxt < len(request.tokens) and request.tokens[nxt] in ("и", "and"):
                nxt += 1
            elif (
                nxt >= len(request.tokens)
                or request.text[request.spans[i][1] : request.spans[nxt][0]].strip() != ","
            ):
                break
            i = nxt
        if len(items) > 1:
            found |= items
    return found


# What a list item that starts a new instruction begins with: a mode word or a loading verb ("append by
# issued_at", «дописывать по issued_at», "upsert on id").
_INSTRUCTION_CONCEPTS = ("MERGE", "APPEND_ONLY", "REPLACE", "INCREMENTAL", "DEDUPE", "MASK", "CDC")


def _instruction(item: str) -> bool:
    """A list item (one to three words) that is an instruction, not a column: its first word is a mode word
    or a loading verb ("append by issued_at", «дописывать по issued_at», "load new ones")."""
    first = next((t for t in tokenize(item) if t.lang in ("ru", "en")), None)
    if first is None or not item.lower().startswith(first.lower):
        return False
    if any(is_(first, concept) for concept in _INSTRUCTION_CONCEPTS):
        return True
    if first.lang == "ru":
        verb = any(p.pos in ("VERB", "INFN") for p in first.parses[:1])
        return verb and (bool(PIPELINE_VERBS.fullmatch(first.lower)) or first.has({"дописывать", "дописать"}))
    return bool(PIPELINE_VERBS.fullmatch(first.lower))


# «столбец с прозвищем не выгружать», «без колонки с прозвищем», "without the column with the nickname": the
# words after «с»/"with" name the column to leave out.
_COLUMN_WITH = r"(?:колонк\w*|столб\w*|пол[еяй]|column|field)\s+(?:с|со|with)\s+(?:the\s+)?([a-zа-яё_][\w]*)"
_COLUMN_WITH_BEFORE = re.compile(_COLUMN_WITH + r"\s*$")
_COLUMN_WITH_AFTER = re.compile(r"\s+(?:the\s+)?" + _COLUMN_WITH)


# Latin words joined by commas and and/or/и/или: "new and in_progress", «new, done или rejected».
_LATIN_RUN = re.compile(
    r"(?<![\w-])[a-z][a-z0-9_]*(?:\s*(?:,|\b(?:and|or|и|или)\b)\s*[a-z][a-z0-9_]*)+(?![\w-])"
)


def _listed_value_runs(lower: str, table: Table) -> list[tuple[int, int]]:
    """Spans of two or more joined words that are all values one column's comment lists ('Статус (new,
    in_progress, done)'): "only new and in_progress" names statuses, so its «new» is no new-rows cue. A run
    may begin with other words ("requests, new and done"): the longest stretch of one column's values
    counts."""
    columns = [{v.lower() for v in listed_values(c.comment)} for c in table.columns]
    runs: list[tuple[int, int]] = []
    for match in _LATIN_RUN.finditer(lower):
        said = [w for w in re.finditer(r"[a-z][a-z0-9_]*", match.group(0)) if w.group(0) not in ("and", "or")]
        for values in columns:
            stretch: list[re.Match[str]] = []
            for word in [*said, None]:
                if (
                    word is not None
                    and word.group(0) in values
                    and not starts_new_rows(lower, match.start() + word.start())  # "done and new rows by x"
                ):
                    stretch.append(word)
                    continue
                if len(stretch) > 1:
                    runs.append((match.start() + stretch[0].start(), match.start() + stretch[-1].end()))
                stretch = []
    return runs


# a bare code alone in brackets: «(airport)», "(parking)"
_BARE_BRACKET = re.compile(r"\s*\(\s*([a-z][a-z0-9_]*)\s*\)")


def _bare_bracket_read(text: str, at: int, read: str) -> bool:
    """Right after `at` a bare code stands alone in brackets and the WHERE `read` holds it as a value: the
    words before the bracket («Аэропортовые зоны (airport)», «Запретные зоны (restricted)») are what the code
    glosses (README: a bracketed listed value says the value of the phrase right before it), no state left
    unread; «Горящие объявления (вид sale)» names its column in the bracket, a condition of its own, and
    stays asked (planner135)."""
    bracket = _BARE_BRACKET.match(text, at)
    return bracket is not None and f"'{bracket.group(1)}'" in read


def _blanked_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` turned into spaces (offsets of the rest unchanged)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _blank_status_values(lower: str) -> str:
    """`lower` with status phrases and the values listed on after them blanked to the same length: "status
    done or new", «со статусами done, new» name values, not new rows; the list ends where the new-rows clause
    opens ("status final, new rows by reported_at")."""
    text = lower
    for match in QUOTED_OR_STATUS.finditer(lower):
        end = match.end()
        while (more := _LISTED_ON.match(lower, end)) and not starts_new_rows(lower, more.start(1)):
            end = more.end()
        # «со статусом 1 (новая)»: the bracket glosses the code by its meaning, a value too (planner131)
        gloss = _VALUE_GLOSS.match(lower, end)
        if gloss and not INCREMENTAL.search(gloss.group(0)) and not starts_new_rows(lower, gloss.start() + 1):
            end = gloss.end()
        text = text[: match.start()] + " " * (end - match.start()) + text[end:]
    return text


def _is_participle(token: Token) -> bool:
    """A Russian full participle in its likeliest parse («оплаченных», «отменённых»): a word of the rows."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos == "PRTF"


def _inside_dedupe_bracket(request: Request, span: tuple[int, int]) -> bool:
    """The span lies in brackets right after a dedupe cue («дубли (reservation_code) убрать»): the key of
    the dedupe (`_dedupe_bracket`), no column to leave out."""
    lexical = _lexicon_cue(request.text, "DEDUPE") if grammar.enabled("dedupe") else None
    for cue in [*DEDUPE.finditer(request.lower), *([lexical] if lexical else [])]:
        bracket = re.match(r"\s*\(([^()]*)\)", request.text[cue.end() :])
        if bracket and cue.end() + bracket.start() <= span[0] < cue.end() + bracket.end():
            return True
    return False


def _without_dedupe(request: Request) -> Request:
    """The request as the mart reader sees it: «без дублей по serial_no», "no dupes by email" is a dedupe
    of a load (its «по X» is no dimension); a mart's own words stay."""
    blank = request.text
    # «новые по taken_at», "new rows by paid_at": the new-rows column of a load, no dimension (planner22)
    for found in (LOAD_DEDUPE.search(blank), _NEW_ROWS_BY.search(blank)):
        if found is not None:
            blank = blank[: found.start()] + " " * (found.end() - found.start()) + blank[found.end() :]
    return request if blank == request.text else Request(blank, written=request.written)


_NEW_ROWS_BY = re.compile(
    r"\b(?:new|fresh|нов(?:ые|ых|ое)|свеж(?:ие|их))\s+(?:(?:rows|records|строки|записи)\s+)?(?:by|по)\s+"
    r"[a-z][a-z0-9]*_[a-z0-9_]+\b",
    re.IGNORECASE,
)


def _one_flag(table: Table, columns: list[str]) -> bool:
    """`columns` is one boolean column: "present only" keeps the rows where it is set, not the column."""
    column = table.column(columns[0]) if len(columns) == 1 else None
    return column is not None and "bool" in column.type.lower()


def _hyphenated_own_word(word: str, table: Table) -> bool:
    """A hyphenated word that is the table's own: its name writes it unhyphenated ("wi-fi" of wifi_sessions)
    or its comment writes it as said ('Сессии Wi-Fi в кампусе'): it names the table, no kind of its rows."""
    joined = word.replace("-", "").lower()
    said = re.findall(r"\w+(?:-\w+)+", (table.comment or "").lower())
    return joined in table.name.lower().split("_") or word.lower() in said


def _spells_name_part(word: str, table: Table) -> bool:
    """A Cyrillic `word` spells a part of the table's name by ear («вайфай» of wifi_sessions, «сим» of
    sim_cards): the same consonants, or the colloquial transliteration."""
    sounds = skeleton(word)
    return any(
        transliterates(word, part) or (len(sounds) >= 2 and sounds == skeleton(part))
        for part in name_parts(table.name)
    )


def _noun_phrase(item: str) -> bool:
    """`item` is a noun phrase, an item of a list: no verb, pronoun or adverb («залей их», "every hour")."""
    tokens = [t for t in tokenize(item) if t.lang in ("ru", "en")]
    return bool(tokens) and not any(
        t.lower in _CLAUSE_WORDS_EN or (t.lang == "ru" and t.parses and t.parses[0].pos in _NOT_ITEM_POS)
        for t in tokens
    )


_NOT_ITEM_POS = frozenset({"VERB", "INFN", "NPRO", "ADVB", "GRND", "PRED"})
# a participle or a function word beside a mask list is a condition or a clause, no item of the list
_NOT_MASK_ITEM_POS = frozenset({"PRTF", "PRTS", "PREP", "CONJ", "PRCL", "NUMR", "INTJ"})
# English words of a load clause after a mask list ("..., and load them into ch every hour")
_CLAUSE_WORDS_EN = frozenset(
    {"every", "each", "daily", "hourly", "into", "load", "copy", "sync", "them", "it"}
)


def _kind_meanings(word: Token) -> set[str]:
    """The English codes a kind word stands for: its own Latin spelling, or VALUE_MEANINGS of its lemmas."""
    if word.lang == "en":
        return {word.lower}
    return {m for lemma in word.lemmas for m in VALUE_MEANINGS.get(lemma, ())}


def _derives_from_comment(word: Token, table: Table) -> bool:
    """`word` is an adjective made from a noun of the table's comment («кредитные» of 'Платежи по
    кредитам'): its stem opens with that noun's stem. An English word is the table's own qualifier when a
    Russian word meaning it is a noun of the comment ("contractor invoices" of 'Счета подрядчиков',
    «подрядчик» -> contractor: planner126, asked as a kind of invoice before)."""
    own = {stem(w) for w in words(table.comment or "")}
    if word.lang == "en":
        return any(stem(lemma) in own for lemma in _RU_LEMMAS_OF_CODE.get(word.lower, ()))
    return any(len(s) >= 4 and stem(word.lower).startswith(s) for s in own)


def _names_a_kind(word: Token) -> bool:
    """`word` is a kind of rows the value lexicon knows («вип», "vip", «люкс», "suite")."""
    if word.lang == "en":
        return word.lower in _VALUE_CODES
    return any(lemma in VALUE_MEANINGS for lemma in word.lemmas)


_VALUE_CODES = frozenset(m for codes in VALUE_MEANINGS.values() for m in codes)
# code -> the Russian lemmas meaning it (VALUE_MEANINGS read backwards): "contractor" -> («подрядчик»,)
_RU_LEMMAS_OF_CODE: dict[str, tuple[str, ...]] = {
    code: tuple(lemma for lemma, codes in VALUE_MEANINGS.items() if code in codes) for code in _VALUE_CODES
}


def _holds_regions(column: Column) -> bool:
    """The column holds regions or districts by its name or comment ('Регион обслуживания', district)."""
    said = f"{column.name} {column.comment or ''}".lower()
    return re.search(r"region|district|регион|район|област|округ", said) is not None


def _clause_kind_noun(request: Request, word: Token) -> bool:
    """`word` is a plural nominative noun opening a clause and followed by «не нужны/не надо» («…, возвраты не
    нужны»): a kind of rows left out, as an adjective there would be."""
    plural = any(p.pos == "NOUN" and p.case == "nomn" and p.number == "plur" for p in word.parses[:1])
    opens = request.text[: word.start].rstrip().endswith((",", ";", ":"))
    return plural and opens and re.match(r"^\s*не\s", request.text[word.end :]) is not None


# A correction marker after a mask list: "... I mean just the passport", «, точнее только паспорт»
# (planner122)
_MASK_CORRECTION = re.compile(
    r"(?:\.\.\.|…|[,;:—–-])?\s*\b"
    r"(?:i\s+mean|or\s+rather|no\s+wait|actually|точнее|вернее|верней|то\s+есть\s+нет)"
    r"\b[\s,:—–-]*(?:(?:just|only|только|лишь|разве\s+что)\s+)?",
    re.IGNORECASE,
)
# words that add to a list rather than correct it: "the email too", «и ещё email»
_MASK_ADDED = re.compile(r"\b(?:too|also|as\s+well|тоже|также|ещё|еще|плюс)\b", re.IGNORECASE)


def _said_in_brackets_only(text: str, read: str) -> bool:
    """Every condition of the WHERE `read` compares with a quoted value said inside the request's brackets
    («(вид sale)» of `listing_kind = 'sale'`): no word outside them was read as a condition."""
    brackets = " ".join(m.group(1).lower() for m in re.finditer(r"\(([^()]*)\)", text))
    if not brackets:
        return False
    for part in read.split(" AND "):
        values = re.findall(r"'([^']*)'", part)
        said = [re.search(rf"(?<!\w){re.escape(v.lower())}(?!\w)", brackets) for v in values]
        if not values or not all(said):
            return False
    return True


def _states_rows(table: Table, segment: str, columns: list[str]) -> bool:
    """A comma-parted segment before a mask list that says which rows, not what to mask: one opening with an
    exception or only-word («кроме уволенных», "except closed ones") or a relative pronoun («которые ещё
    работают»: planner158), or naming yes/no columns only («Заведующих аптеками» of is_head: a flag holds
    nothing to mask). Read as list items, they were masked (planner142)."""
    first = next((t for t in tokenize(segment) if t.lang != "punct"), None)
    if first is not None and first.lower in STATE_CUES:
        return True
    if first is not None and _relative_pronoun(first.text):
        return True  # «которые ещё работают, почту и телефон скрыть»: the rows' clause (planner158)
    kinds = [table.column(c) for c in columns]
    return bool(kinds) and all(c is not None and "bool" in c.type.lower() for c in kinds)


def _names_listed_value(table: Table, columns: list[str], segment: str) -> bool:
    """A word of `segment` is a value one of `columns` lists as stored ("failed" of 'Статус оплаты (succeeded,
    failed, refunded)'): the segment says which rows, not a column to mask."""
    listed = {v.lower() for name in columns if (c := table.column(name)) for v in listed_values(c.comment)}
    return any(word in listed for word in words(segment))


def _mask_list_start(lower: str, cue: int) -> int:
    """Where the list of columns before the mask word at `cue` starts: after the last comma, semicolon or
    full stop, or after a later dash that words follow («мержим по id — email и телефон захешировать»; the
    dash of «паспорт и адрес — замаскировать» stands between the list and its verb and ends nothing)."""
    start = max(lower.rfind(p, 0, cue) for p in ",;.") + 1
    dashes = [m.end() for m in DASH.finditer(lower, start, cue) if re.search(r"\w", lower[m.end() : cue])]
    return dashes[-1] if dashes else start


def _opens_with_mask(text: str) -> bool:
    """The words begin with a mask verb («замаскировать телефон», "mask full name, ...")."""
    first = [t for t in tokenize(text) if t.lang in ("ru", "en")][:1]
    return bool(first) and _masks(first[0])


def _closes_with_mask(item: str) -> bool:
    """A list item whose last word masks («номер карты скрыть», "card number hashed") is the masking
    clause, not one more column of the list before it."""
    last = [t for t in tokenize(item) if t.lang in ("ru", "en")][-1:]
    return bool(last) and _masks(last[0])


def _masks(word: Token) -> bool:
    # «… дату рождения закрыть»: the pattern knows «закрыть» as a mask verb, the lexicon (a status lemma) not
    return is_(word, "MASK") or MASK.fullmatch(word.lower) is not None


def _listed_value_only(table: Table, item: str) -> bool:
    """`item` is a value a column's comment lists ('Статус платежа (pending, paid, refunded)') and no
    column's name: after «только» it names rows, not a column."""
    word = item.strip().lower()
    return table.column(word) is None and any(
        word in (v.lower() for v in listed_values(c.comment)) for c in table.columns
    )


def _list_start(text: str) -> int:
    """How many comma-separated items end `text` before a clause break (; : . or a dash): «a; b, c» -> 1."""
    tail = CLAUSE_BREAK.split(text)[-1]
    return tail.count(",")


def _file_stem_table(path: str) -> str | None:
    """`/data/Budget 2024.xlsx` -> `budget_2024`; None when nothing of the name is usable."""
    stem = re.split(r"[/\\]", path)[-1].rsplit(".", 1)[0].lower()
    name = re.sub(r"[^a-z0-9_]+", "_", stem).strip("_")
    return name if name and not name[0].isdigit() else None


def _timed(column: str) -> bool:
    """The column's name ends in a time suffix (starts_at, checked_in_on, hire_date)."""
    return name_parts(column)[-1:] in (["at"], ["on"], ["date"])


def _points_at(table: Table, other: Table) -> bool:
    """`table` has a foreign key to `other` (its declared reference, or an `<other>_id` column)."""
    if _references(table, other):
        return True
    wanted = [*name_parts(other.name), stem("id")]
    return any(name_parts(c.name) == wanted for c in table.columns)


def _references(table: Table, other: Table) -> bool:
    """`table` declares a foreign key to `other`."""
    return any(fk.ref_table.split(".")[-1] == other.name for fk in table.foreign_keys)


def _says_ours(request: Request, index: int) -> bool:
    """Word `index` follows "our"/«наших»: the business's own hotels or clubs qualify every row of its
    database, so "reviews of our hotels" are the reviews, however far the keys between the two tables run."""
    before = request.tokens[index - 1] if index > 0 else ""
    return before == "our" or before.startswith("наш")


def _related(first: Table, second: Table) -> bool:
    """One table points at the other (a foreign key, or a `<table>_id` column): "orders of customers"."""
    return _points_at(first, second) or _points_at(second, first)


def _validated(spec_data: dict[str, Any]) -> Outcome:
    try:
        spec = PipelineSpec.model_validate(spec_data)
    except ValidationError as exc:  # a planner bug must surface as a clear error, not a crash
        return Outcome("rejected", errors=[Problem("schema", str(exc))])
    return Outcome("ok", spec=spec)


# «всё по X», «всё про X», "everything about X": the prepositions that make X the topic of "everything"
_TOPIC_PREPOSITIONS_RU = frozenset({"по", "про", "о", "об", "обо", "насчет", "касательно"})
_TOPIC_PREPOSITIONS_EN = frozenset({"about", "on", "for", "regarding", "concerning"})
_TOPIC_DETERMINERS = frozenset({"the", "our", "all", "наши", "нашим", "наших", "всем", "всех"})
# «всё, что есть по X», «всё, что у нас имеется про X», "everything we have on X", "everything there is about
# X": the relative clause's filler words between "everything" and the topic's preposition (planner100)
_TOPIC_CLAUSE_FILLERS = frozenset(
    {
        "что",
        "есть",
        "имеется",
        "у",
        "нас",
        "там",
        "вообще",
        "только",
        "we",
        "have",
        "got",
        "there",
        "is",
        "that",
    }
)
# «всё, что касается врачей», «всё, что связано с врачами», "everything related to vets": a verb or
# participle of relating, then the topic (after its own preposition, if any)
_TOPIC_RELATING = frozenset(
    {
        "касается",
        "касаются",
        "связано",
        "связанное",
        "относится",
        "related",
        "relating",
        "concerning",
        "regarding",
    }
)
_TOPIC_RELATING_PREPOSITIONS = frozenset({"с", "со", "к", "to"})


def _every_row_event(t: Token, table: Table) -> bool:
    """Participle `t` says what every row of `table` is, so it states no condition: the table's comment says
    it of its rows in brackets («проданные абонементы» of 'Абонементы (проданные клубные карты)', «проданные
    билеты» of 'Билеты в кино (проданные места)') (planner100), or the other party says it of the same event
    («купленные», "bought", "purchased": lexicon.EVENT_PARTY_VERBS, planner106). A verb only a time column
    dates («выставленные счета» of issued_at 'Время выставления') is not enough: a status may list that state
    ('issued')."""
    verbs = {p.lemma for p in t.parses if p.pos == "PRTF"} or ({t.lower} if t.lang == "en" else set())
    # «купленные», "purchased" abonements of 'проданные клубные карты': the buyer's word for the same sale
    verbs = same_event_verbs(verbs) if verbs else verbs
    glossed = re.findall(r"\(([^()]*)\)", table.comment or "")
    return bool(verbs) and any(verbs & tok.lemmas for text in glossed for tok in tokenize(text))


def _glossed_compound_of_head(request: Request, i: int, head: set[str], table: Table) -> bool:
    """«Мультфильмы (жанр animation)» over content.movies 'Фильмы (...)': word `i` is a compound whose tail is
    the comment's head noun («мульт» + «фильмы»: a kind of film), and the bracket right after it says the kind
    as a value a column of the table lists (genre 'animation'). Without such a bracket the prefix is a kind
    nothing reads, so the compound names no table and the table is asked (planner100)."""
    word = stem(request.tokens[i])
    if not any(word != h and word.endswith(h) and _compound_split(word, h) for h in head):
        return False
    after = request.lower[request.spans[i][1] :]
    bracket = re.match(r"\s*\(([^()]{1,60})\)", after)
    if bracket is None:
        return False
    said = set(re.findall(r"[a-z][a-z0-9_+-]*", bracket.group(1)))
    return any(said & {v.lower() for v in listed_values(c.comment)} for c in table.columns)


def _past_run(index: int, run: frozenset[int]) -> int:
    """The first index after `index` that is not in `run` (the word after a value's words)."""
    while index in run:
        index += 1
    return index


def _head_noun_of(table: Table) -> str:
    """The last part of a table's name past its affixes (request of service_requests), "" when none."""
    parts = [p for p in name_parts(table.name) if p not in TABLE_AFFIXES]
    return parts[-1] if parts else ""


def _without_covered_hits(
    hits: dict[str, tuple[Table, list[int]]], ignored: set[int] | None = None
) -> dict[str, tuple[Table, list[int]]]:
    """`hits` less each table named only by words that also name another table: not a separate candidate.
    Words at `ignored` (the mask clause's) are left out of the comparison."""
    said = {name: set(indices) - (ignored or set()) for name, (_, indices) in hits.items()}
    return {
        name: (table, indices)
        for name, (table, indices) in hits.items()
        if not any(other != name and said[name] < said[other] for other in hits)
    }


def _tables_listing_bracketed_value(request: Request, tables: list[Table]) -> Table | None:
    """«Неявки на приём (no_show)»: «приём» says appointments 'Записи на приём' and invoices 'Счета за
    приём'; the value in brackets, listed by a column of appointments only, says which the noun meant. The
    one candidate table whose columns list a bracketed word, when every such word points at it; else None
    (planner100)."""
    chosen: set[str] = set()
    by_name = {table.qualified_name: table for table in tables}
    for bracket in _BRACKETED_LATIN_WORD.finditer(request.lower):
        word = bracket.group(1)
        listing = {
            table.qualified_name
            for table in tables
            if any(word in {v.lower() for v in listed_values(c.comment)} for c in table.columns)
        }
        if len(listing) != 1:
            return None  # a value both tables list (or neither) says nothing about the table
        chosen |= listing
    return by_name[chosen.pop()] if len(chosen) == 1 else None


# A word of parts joined by hyphens: "no-shows", "walk-in"
_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])")
# The words that may follow a measure in the instrumental: «площадью от ста», «весом больше 20»
_MEASURE_COMPARISONS = frozenset(
    {"от", "до", "больше", "более", "меньше", "менее", "свыше", "не", "выше", "ниже", "около", "ровно"}
)
# "over 100 square meters", "120 sq m", «100 кв. м», "100 m2", «100 м²»: a number in a unit of area
_AREA_UNIT_AFTER_NUMBER = re.compile(
    r"\d\s*(?:square\s+(?:meters?|metres?)|sq\.?\s*m\b|sqm\b|m2\b|m²|кв\.?\s*м\b|м²|м2\b|квадратн\w*\s+метр)"
)


def _heads_comment(word: str, table: Table) -> bool:
    """`word` is the noun heading `table`'s comment («клубы» of 'Фитнес-клубы сети', «объекты» of 'Объявления
    (объекты в экспозиции)'), not a word of its tail («приёмы» of 'Процедуры, выполненные на приёме')."""
    return any(stem(head.split("-")[-1]) == stem(word) for head in comment_head_words(table.comment))


def _area_columns(table: Table) -> list[str]:
    """The number columns of `table` kept in square meters (area_m2, area_sqm; 'Площадь, кв. м')."""
    return [c.name for c in table.columns if c.name.split("_")[-1] in AREA_UNIT_NAMES]


# «(no_show)», «(жанр animation)»: a Latin word that closes a bracket (what a column's comment may list)
_BRACKETED_LATIN_WORD = re.compile(r"\((?:[^()a-z]{0,40}\s)?([a-z][a-z0-9_+-]*)\s*\)")


def _topic_noun_at(tokens: list[str], i: int) -> int | None:
    """Where the topic noun of "everything about X" starting at token `i` is: «всё по X», «всё, что есть по
    X», «всё, что касается X», "everything about X", "everything we have on X", "everything related to X";
    None when token `i` starts no such phrase (planner98, relative clauses planner100)."""
    token = tokens[i]
    if token == "all":
        return i + 2 if i + 1 < len(tokens) and tokens[i + 1] == "about" else None
    if token not in ("все", "everything"):
        return None
    prepositions = _TOPIC_PREPOSITIONS_RU if token == "все" else _TOPIC_PREPOSITIONS_EN
    k = i + 1
    while k < len(tokens) and k - i <= 5 and tokens[k] in _TOPIC_CLAUSE_FILLERS:
        k += 1
    if k >= len(tokens):
        return None
    if tokens[k] in prepositions:
        return k + 1
    if k > i + 1 or token == "everything":
        if tokens[k] in _TOPIC_RELATING:
            k += 1
            return k + 1 if k < len(tokens) and tokens[k] in _TOPIC_RELATING_PREPOSITIONS else k
    return None


def _comment_name(comment: str | None) -> str:
    """A table comment's name proper, before its brackets or colon: 'Заказы в кинобаре' of 'Заказы в кинобаре
    (попкорн, напитки)'; what follows lists kinds of rows ('проживание, минибар'), which say conditions."""
    return re.split(r"[(:]", comment or "", maxsplit=1)[0]


def compound_tail_of(head: set[str], meanings: frozenset[str]) -> bool:
    """A meaning is the tail of the head word's compound: «билет» of «авиабилет», «карт» of «сим-карт»
    (hyphens split words already), with a prefix of three letters or more, so «авиабилеты» is a kind of
    «билеты» and a short stem («ст») never matches."""
    return any(
        word.endswith(m) and CYRILLIC_WORD.fullmatch(m) and _compound_split(word, m)
        for word in head
        for m in meanings
    )


def _compound_split(word: str, tail: str) -> bool:
    """``word`` is a compound ending in ``tail``: a prefix of three letters or more before a tail of four, or
    a known compounding prefix before a tail of three («кино» + «зал»: 'Кинозалы' are halls)."""
    prefix = word[: len(word) - len(tail)]
    if len(tail) >= 4 and len(prefix) >= 3:
        return True
    return len(tail) == 3 and prefix in COMPOUND_NOUN_PREFIXES_RU


def _claimed_word(request: Request, text: str) -> bool:
    """Every word of `text` (hyphen-joined parts too) is claimed by a connection or an engine; "" is."""
    return all(part in request.claimed for part in re.split(r"[\s-]+", text.lower()) if part)


def name_parts_of_text(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


@functools.lru_cache(maxsize=16384)
def _column_words(
    name: str, comment: str, listed_names: bool
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """What OfflinePlanner._names_column reads of a column: its name parts; its comment's words less the
    generic ones; the same outside the comment's brackets; the comment's words (less the values it lists
    unless `listed_names`). Read once per column: that rule runs per column and word window."""
    label = re.sub(r"\([^()]*\)", " ", without_listed(comment))
    return (
        frozenset(name_parts(name)),
        frozenset(name_parts_of_text(comment)) - GENERIC_PARTS,
        frozenset(name_parts_of_text(label)) - GENERIC_PARTS,
        frozenset(name_parts_of_text(comment if listed_names else without_listed(comment))),
    )


@functools.lru_cache(maxsize=1024)
def _columns_named_by(columns: tuple[Column, ...], listed_names: bool) -> frozenset[str] | None:
    """Every word any of `columns` could be named by (_column_words); None when a column has no name part
    (then any words name it)."""
    read = [_column_words(c.name, c.comment, listed_names) for c in columns]
    return frozenset().union(*(w[0] | w[1] | w[2] | w[3] for w in read)) if all(w[0] for w in read) else None


def _dag_id(table: str, source_conn: str, target_conn: str, target_table: str) -> str:
    """`sales_pg_shop_to_clickhouse_default`, plus the target table when it is renamed."""
    renamed = f"_{target_table}" if target_table.split(".")[-1] != table else ""
    raw = f"{table}_{source_conn}_to_{target_conn}{renamed}".lower()
    return re.sub(r"[^a-z0-9_]+", "_", raw).strip("_")[:200]


def plan(text: str, catalog: Catalog) -> Outcome:
    """Plan one request offline (see OfflinePlanner)."""
    return OfflinePlanner(catalog).plan(text)
