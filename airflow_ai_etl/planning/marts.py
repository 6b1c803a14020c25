"""Mart (витрина) rules of the offline planner: a sentence -> a ``mart`` source, or questions.

«Витрина выручки по регионам и дням из продаж, обновлять каждый час», "Daily revenue by customer
city from orders", «Средний чек по категориям товаров по месяцам». Read on the lexer's tokens
(lemmas, so every case form of a word counts) in this order:

1. **Is it a mart?** A trigger word (витрина, mart, datamart, "report table") or, without one, a
   measure word (выручка, сумма, количество, средний, revenue, count, average, ...) with a dimension or
   grain phrase and no load verb (грузить, копировать, load, sync, ...). Anything else is a load and
   goes on through the load rules.
2. **Grain** (``time_grain``): «по дням/неделям/месяцам/часам», «за каждый день», «в каждом месяце»,
   the adjectives «ежедневная/ежемесячная выручка», "daily/weekly revenue", "per day", "by month".
   An adverb after a refresh verb («обновлять ежедневно», "refreshed daily") is the schedule instead:
   grain words are blanked before the schedule parser reads the request. The time column is the one
   named next to the grain («по месяцам выставления», "per collection day", «по дате визита», «по
   scheduled_at»), else the fact table's one event-time column; several -> a question.
3. **Measures**: sum (сумма, выручка, суммарный, revenue, total), count (количество, число, сколько,
   "number of", count, a table noun with "per"), avg (средний, average), min/max, count_distinct
   (уникальных, разных, distinct, DAU). The column is the one the words name (цена -> price, «сумма
   total»), else the fact table's one money column (numeric with cents) or one numeric column; a
   sum of "штук"/units is the quantity column. Median, share, percent: not offered, asked.
4. **Dimensions**: «по регионам и категориям товаров», «в каждом регионе», "by customer city": each
   word resolves to a column of the fact table or of a table reachable along relations; a table noun
   («по клиентам») stands for the fact's key column pointing at it (customer_id).
5. **Fact table**: named after the measure («количество заказов», «сумма платежей»), after «витрина»
   («витрина продаж»), after «из»/"from", or the one table the measure column lives in.
6. The mart is grounded with :func:`airflow_ai_etl.marts.resolve.resolve_mart`: an unknown column, a
   sum of text, a grain on a non-time column, two join paths come back as questions naming the choices.

Nothing here guesses: a word the rules cannot place in a slot of the mart makes the planner ask.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from airflow_ai_etl.catalog import Column, ConnectionInfo, Table, listed_values
from airflow_ai_etl.marts.gates import pinned
from airflow_ai_etl.marts.model import Mart, MartDefinition
from airflow_ai_etl.marts.resolve import MartQuestion, column_kind, resolve_mart
from airflow_ai_etl.messages import say
from airflow_ai_etl.outcome import Outcome
from airflow_ai_etl.planning import abbreviations, grammar
from airflow_ai_etl.planning.colloquial import diminutive_bases, transliterates
from airflow_ai_etl.planning.filters import (
    EN_IRREGULAR_PARTICIPLES,
    EXCLUDED_EN,
    STATE_MEANINGS,
    assumed_state,
    counts_units,
    ends_in_exception,
    measured_in_unit,
    state_two_columns_question,
    value_meanings,
)
from airflow_ai_etl.planning.flags import fused_negation, names_flag, of_table
from airflow_ai_etl.planning.lexer import Token, _morph, analyse, known_word, numerals, tokenize
from airflow_ai_etl.planning.lexicon import (
    CURRENCY_COMMENT_PREFIXES,
    EVENT_VERB_NOUNS_EN,
    EVENT_VERB_NOUNS_RU,
    EXCHANGE_RATE_COMMENT_PREFIXES,
    GENERIC_VALUE_EN,
    GENERIC_VALUE_NAMES,
    GENERIC_VALUE_RU,
    PER_UNIT_ADJECTIVES,
    PER_UNIT_COMMENT_PHRASES,
    PER_UNIT_NAME_WORDS,
    QUANTITY_UNIT_PREFIXES,
    RATE_COMMENT_PREFIXES,
    RATE_NAME_PARTS,
    SCHEDULE_DAY_NOUNS_RU,
    SOMETHING_WORDS,
    SPLIT_LINKS,
    SPLIT_NEGATIONS,
    SPLIT_REST_EN,
    SPLIT_REST_RU,
    SPLIT_SEPARATELY,
    UNIT_QUANTITIES,
    WEEKDAY_ABBREVIATIONS,
    is_,
)
from airflow_ai_etl.planning.negation import TAKE_EN, TAKE_LEMMAS
from airflow_ai_etl.planning.newrows import says_recent
from airflow_ai_etl.planning.patterns import DEDUPE, INCREMENTAL, NEW_NOUN, NULL_AFTER, STOP_WORDS
from airflow_ai_etl.planning.request import Found, Request, status_spellings, status_word
from airflow_ai_etl.planning.residue import derived_columns
from airflow_ai_etl.planning.vocabulary import (
    CLASSIFIER_PARTS,
    CURRENCY_CODE_ALIASES,
    CURRENCY_EN,
    CURRENCY_RU,
    ENGINE_WORDS,
    NAME_PART_SUFFIXES,
    ROW_PRONOUNS_EN,
    VALUE_MEANINGS,
    comment_jargon,
    currency_code,
    engine_in_any_form,
    name_parts,
    stem,
)
from airflow_ai_etl.relations import relations_of
from airflow_ai_etl.spec import DEFAULT_S3_CONN_ID

if TYPE_CHECKING:
    from airflow_ai_etl.planning.offline import OfflinePlanner

__all__ = ["is_mart_request", "looks_like_mart", "plan_mart", "MartPhrase", "read_mart"]

# --- words ---------------------------------------------------------------------------------------

TRIGGER_RU = {"витрина", "витринка", "датамарт"}
TRIGGER_EN = {"mart", "marts", "datamart", "datamarts"}
# Size or ease words on the mart's own noun ("a little mart", «небольшая витрина», "quick simple mart"): they
# say how the asker sees the job, no slot of the mart (lemmas / lower-case words).
MART_SIZE_RU = {"небольшой", "маленький", "простой", "простенький", "быстрый", "лёгкий", "легкий", "мини",
                "краткий", "короткий", "компактный"}  # fmt: skip
MART_SIZE_EN = {"little", "small", "quick", "simple", "tiny", "mini", "basic", "lightweight", "short",
                "brief", "compact", "one-number", "one-line", "one-row", "single-number"}  # fmt: skip
# Measure words (Russian lemmas; English surface words).
# «…, итого»: the bare total word, as "total"
# GMV (gross merchandise value): jargon for the sales money summed, in either language
SUM_RU = {"сумма", "выручка", "оборот", "суммарный", "сложить", "фот", "итог", "итого", "фонд", "gmv"}
SUM_EN = {"sum", "sums", "summing", "revenue", "total", "totals", "turnover", "gmv", "fund"}  # «фонд» in EN
SUM_FUNCTION_RU = {"сумма", "итог", "итого"}  # the function words alone: «выручка», «фонд» name money too
SUM_FUNCTION_EN = {"sum", "sums", "total", "totals"}
COUNT_RU = {"количество", "число", "сколько", "численность", "кол-во"}
COUNT_EN = {"count", "counts", "number", "headcount", "signups"}
PER_ONE_RU = {"один", "каждый"}  # «на одного абонента», «на каждого клиента»: per entity
AVG_RU = {"средний", "среднее"}
AVG_EN = {"average", "avg", "mean"}
MIN_RU = {"минимальный", "наименьший", "минимум", "самый короткий", "кратчайший"}
MIN_EN = {"min", "minimum", "cheapest", "lowest", "smallest", "shortest"}
MAX_RU = {"максимальный", "наибольший", "максимум", "длиннейший", "макс"}
MAX_EN = {"max", "maximum", "largest", "biggest", "highest", "longest"}
# «самая крупная оплата и самая мелкая»: a size adjective after «самый» is a max or a min
SUPERLATIVE_MAX_RU = {"крупный", "большой", "дорогой", "длинный", "высокий", "тяжёлый", "тяжелый", "долгий"}
SUPERLATIVE_MIN_RU = {"мелкий", "маленький", "малый", "дешёвый", "дешевый", "короткий", "низкий", "лёгкий",
                      "легкий"}  # fmt: skip
DISTINCT_RU = {"уникальный", "разный", "различный"}
DISTINCT_EN = {"unique", "distinct"}
# Ratios and business metrics no column holds and no single aggregate computes (ARPU: a sum over a count of
# distinct payers; churn: a share of the rows; LTV: a sum over a lifetime): asked, never summed or skipped
UNSUPPORTED_RU = {"медиана", "медианный", "перцентиль", "процентиль", "доля", "процент", "маржа", "прибыль",
                  "маржинальность", "рентабельность", "конверсия", "отток", "ретеншн", "arpu",
                  "ltv"}  # fmt: skip
UNSUPPORTED_EN = {"median", "percentile", "share", "ratio", "percent", "percentage", "margin", "profit",
                  "arpu", "arppu", "arpa", "ltv", "clv", "cac", "roi", "conversion", "retention", "churn",
                  "attrition", "profitability"}  # fmt: skip
MONEY_RU = {"выручка", "сумма", "чек", "оборот", "фот", "оплата", "итог", "итого", "фонд", "gmv"}
MONEY_EN = {
    "revenue",
    "gmv",
    "turnover",
    "totals",
    "total",
    "value",
    "check",
    "receipt",
    "pay",
    "wages",
    "basket",
    "budget",
    "fund",
}
UNITS_RU = {"штука", "единица", "шт"}
UNITS_EN = {"units", "unit", "pieces", "items"}
# English mart words a one-letter typo is read as ("numbr", "averge"): measure words that are no common
# word one letter from another ("count" ~ county/court, "staff" ~ stuff, "spend" ~ speed are left out).
SPELLING_EN = frozenset(
    {
        "number",
        "average",
        "revenue",
        "distinct",
        "unique",
        "maximum",
        "minimum",
        "largest",
        "longest",
        "highest",
        "lowest",
        "smallest",
        "headcount",
        "dashboard",
        "summary",
    }
)
STOCK_RU = {"остаток", "запас"}  # «остатки по складам», "stock on hand": the sum of the quantity column
STOCK_EN = {"stock"}
LOAD_VERBS_RU = {
    "грузить", "загружать", "загрузить", "выгружать", "выгрузить", "копировать", "скопировать", "переносить",
    "перенести", "синхронизировать", "реплицировать", "переливать", "перелить", "загрузка", "выгрузка",
    "копирование", "синхронизация", "репликация", "дозагружать", "перезаливать", "стримить", "сливать",
    "подтягивать", "подтянуть", "подгружать", "подгрузить", "заливать", "залить", "импортировать",
    "дописывать", "дописать", "догружать", "догрузить",
}  # fmt: skip
LOAD_VERBS_EN = {
    "load", "loads", "loading", "copy", "copies", "copying", "sync", "synchronize", "replicate", "ingest",
    "move", "export", "stream", "mirror", "transfer", "upsert", "merge", "dump",
}  # fmt: skip
REFRESH_RU = {"обновлять", "обновить", "обновление", "пересчитывать", "пересчитать", "пересчёт", "пересчет",
              "перестраивать", "запускать", "строить", "собирать"}  # fmt: skip
REFRESH_EN = {"refresh", "refreshed", "refreshing", "update", "updated", "run", "runs", "rebuild", "rebuilt",
              "recompute", "recomputed", "recalculate", "schedule", "scheduled"}  # fmt: skip
GRAIN_RU = {"час": "hour", "день": "day", "сутки": "day", "неделя": "week", "месяц": "month"}
GRAIN_EN = {"hour": "hour", "day": "day", "week": "week", "month": "month",
            "hours": "hour", "days": "day", "weeks": "week", "months": "month"}  # fmt: skip
GRAIN_ADJ = {"FREQ_HOUR": "hour", "FREQ_DAY": "day", "FREQ_WEEK": "week", "FREQ_MONTH": "month"}
# «почасовая выручка», «помесячный отчёт»: a per-unit adjective is a grain (the adverbs are below)
GRAIN_ADJ_RU = {"почасовой": "hour", "подневный": "day", "посуточный": "day", "понедельный": "week",
                "помесячный": "month"}  # fmt: skip
DIM_PREPS_RU = {"по"}
GRAIN_ADVERBS_RU = {"почасово": "hour", "подневно": "day", "посуточно": "day", "понедельно": "week",
                    "помесячно": "month"}  # fmt: skip
GRAIN_ADVERBS_EN = {"hourly", "daily", "weekly", "monthly"}
CUT_WORDS = {"разрез", "разбивка", "разбивк", "группировка"}  # «в разрезе регионов», «с разбивкой по дням»
DIM_PREPS_EN = {"by", "per"}
EACH = {"каждый", "each", "every"}
COLUMN_NOUNS = {"поле", "столбец", "колонка", "атрибут", "column", "columns", "field", "fields"}
LIST_JOINERS = {"и", "and", ",", "&"}
VIA_WORDS = {"через", "through", "via"}
ARTICLES_EN = {"the", "a", "an"}
FROM_WORDS = {"из", "from"}
STOP_AFTER = {"только", "лишь", "only", "без", "кроме", "except", "excluding", "without", "где", "where",
              "with", "с", "со", "но", "but", "for", "для", "на", "at", "в", "into", "to", "every", "each",
              "каждый"}  # fmt: skip
# The time column a word next to a grain names: lemma / English stem -> parts of a column name.
TIME_WORDS = {
    "выставление": "issu", "выставить": "issu", "issue": "issu", "сбор": "collect", "collect": "collect",
    "выпустить": "issu",  # «карт выпущено»: issued_at ('Дата выпуска карты')
    "collection": "collect", "оплата": "paid", "payment": "paid", "pay": "paid", "начало": "start",
    "start": "start", "период": "period", "period": "period", "визит": "visit", "visit": "visit",
    "прием": "visit", "регистрация": "regist", "registration": "regist", "зарегистрироваться": "creat",
    "принять": "hire", "нанять": "hire", "найм": "hire", "hire": "hire", "hiring": "hire",
    "увольнение": "fire", "уволить": "fire", "создание": "creat", "creation": "creat", "продажа": "sold",
    "sale": "sold", "отчет": "report", "report": "report", "окончание": "end", "end": "end",
    "забор": "collect", "доставка": "deliver", "delivery": "deliver",
    "выплата": "paid", "выплатить": "paid", "выплачивать": "paid", "выплаченный": "paid", "выдавать": "issu",
    "выдача": "issu", "выдать": "issu", "выписать": "issu", "выписка": "issu", "issued": "issu",
    "подача": "appli", "отклик": "appli", "откликнуться": "appli", "apply": "appli", "applied": "appli",
    "назначить": "schedul", "назначенный": "schedul", "schedule": "schedul", "scheduled": "schedul",
    "запись": "creat", "created": "creat", "reported": "report", "collected": "collect", "paid": "paid",
    "delivered": "deliver", "отправка": "ship", "отгрузка": "ship", "shipped": "ship", "заезд": "check",
    "получение": "receiv", "получить": "receiv", "received": "receiv",
    "приемка": "receiv", "приёмка": "receiv", "acceptance": "receiv",  # goods accepted: 'Дата приёмки'
    "начинаться": "start", "начаться": "start", "starts": "start", "begin": "start", "begins": "start",
    "старт": "start", "завершение": "end",  # «по старту поездки»: started_at 'Начало аренды'
    "заканчиваться": "end", "закончиться": "end", "ends": "end",
    "въехать": "check", "прийти": "creat", "поступить": "creat",
    "увольнять": "fire", "отчислить": "expel", "отчислять": "expel", "зачислить": "enrol",
    "зачислять": "enrol", "зачисление": "enrol", "отчисление": "expel", "принимать": "hire",
    "нанимать": "hire", "fire": "fire", "dismiss": "fire", "expel": "expel", "enrol": "enrol",
    "regist": "regist", "создаваться": "creat", "создать": "creat", "создавать": "creat",
    "создаться": "creat",
    "доставить": "deliver", "доставлять": "deliver", "оплатить": "paid", "отправить": "ship",
    "вернуть": "return", "возвратить": "return", "возвращать": "return", "закрыть": "close",
    "закрывать": "close", "закрытый": "close", "заселение": "check_in", "заселить": "check_in",
    "заселиться": "check_in", "выселение": "check_out", "выселить": "check_out", "выселиться": "check_out",
    "open": "creat", "opened": "creat", "открыть": "creat",
    "открытие": "creat", "closed": "clos", "closing": "clos", "закрытие": "clos", "hired": "hire",
    "fired": "fire", "sign": "sign", "signed": "sign",  # "did we sign", "signed per month": signed_at
    "подписание": "sign", "подписать": "sign",  # «по дате подписания полиса»: signed_at
    "продать": "sold", "sold": "sold",  # «проданных билетов», "tickets sold": sold_at 'Время продажи'
    # marts72: «по месяцам установки», «счётчиков поставили»: installed_on; «по дням добавления в заказ»,
    # «машин ввели в парк»: added_at, added_on
    "установка": "instal", "установить": "instal", "поставить": "instal", "install": "instal",
    "installed": "instal", "добавление": "add", "добавить": "add", "ввод": "add", "ввести": "add",
    "added": "add",
    "отмена": "cancel", "cancellation": "cancel",  # «по дате отмены брони»: cancelled_at, never created_at
}  # fmt: skip
# Nouns completing a time word's phrase: «подачи отклика», «создания записи», «выставления счёта».
TIME_CHAIN = {
    "отклик",
    "заявка",
    "запись",
    "счет",
    "счёт",
    "заказ",
    "документ",
    "расчет",
    "расчёт",
    "результат",
    "материал",  # «по дням забора материала»: the lab sample collected
}
# A second reading of a time word (an appointment's «приём» is its scheduled time, a visit's its date).
TIME_WORDS_ALSO = {
    "прием": "schedul",
    "визит": "schedul",
    "запись": "schedul",
    "доставка": "ship",
    "получение": "report",
    "получить": "report",
    "зарегистрироваться": "regist",
    "регистрироваться": "regist",
    "открыть": "open",  # «сколько вкладов открыли»: opened_on where no created_at is
}  # «получения результата» ~ reported_at
VERBS_ALSO = frozenset({"открыть"})  # the verbs above, read anywhere in a request (not «записи», a noun)
POLITE = {"пожалуйста", "плиз", "спасибо", "please", "pls", "plz", "thanks", "thank"}
PRONOUNS = {"его", "её", "ее", "их"}
FILTER_CUES = {"где", "where", "with", "с", "со", "у", "которых", "которые", "whose", "having", "если"}
# Dimension words the glossary does not carry (pymorphy lemmas / English words) -> column names.
DIM_WORDS = {
    "пол": "gender", "sex": "gender", "gender": "gender", "дверь": "door", "вид": "kind", "kind": "kind",
    "проект": "project", "канал": "channel", "вакансия": "vacancy", "этап": "stage", "стадия": "stage",
    "направление": "direction", "причина": "reason", "единица": "unit", "палата": "ward",
}  # fmt: skip


def _dim_word(token: Token) -> str | None:
    """The column name DIM_WORDS gives a word («двери» -> door), if any."""
    return DIM_WORDS.get(token.lemma) or DIM_WORDS.get(token.lower)


def _dim_word_columns(table: Table, token: Token) -> list[Column]:
    """The table's column DIM_WORDS names by this word, as a list (none when it has no such column)."""
    local = _dim_word(token)
    column = table.column(local) if local else None
    return [column] if column is not None else []


# Measure and dimension words the glossary does not carry -> stems of English column-name parts.
COLUMN_WORDS: dict[str, set[str]] = {
    "литр": {"liter", "litr"}, "liters": {"liter"}, "litres": {"liter"}, "остановка": {"stop"},
    "километр": {"km", "distanc"}, "км": {"km", "distanc"}, "пробег": {"distanc", "mileag"},
    "вес": {"weight"}, "госномер": {"plate"}, "номер": {"number"}, "срок": {"durat", "day"},
    "длительность": {"durat"}, "продолжительность": {"durat"}, "оклад": {"salari"}, "зарплата": {"salari"},
    "остаток": {"qti", "quantiti", "stock"}, "stock": {"qti", "quantiti", "stock"}, "балл": {"score"},
    "бал": {"score"},  # «средний бал»: «балл» typed with one «л» (a dance is never a column of ours)
    "оценка": {"score", "rate", "rating"}, "рейтинг": {"rate", "score", "rating"}, "скидка": {"discount"},
    "налог": {"tax"},
    "километраж": {"distanc", "mileag", "km"}, "фио": {"full", "name"}, "модель": {"model"},
    "период": {"period"}, "хаб": {"hub"}, "дозировка": {"dosag"}, "доза": {"dosag", "dose"},
    "марка": {"model", "brand"}, "должность": {"titl", "job", "posit"}, "грейд": {"grade"},
    "basket": {"total", "amount"}, "доставка": {"deliveri", "ship"}, "ёмкость": {"capac"},
    "емкость": {"capac"}, "вместимость": {"capac"},
    # the Russian comment says «посылки»
    "parcel": {"shipment"}, "parcels": {"shipment"}, "package": {"shipment"}, "packages": {"shipment"},
    # a badge swiped or tapped at a door is one access event («проход»)
    "swipe": {"event"}, "swipes": {"event"}, "tap": {"event"}, "taps": {"event"}, "проход": {"event"},
    # Russian nouns for the English entity of a key column with no comment («по курсам» -> course_id)
    "курс": {"cours"}, "проект": {"project"}, "тариф": {"tariff"}, "контракт": {"contract"},
    "сегмент": {"segment"}, "терминал": {"terminal"}, "маршрут": {"rout"},
}  # fmt: skip
DATE_NOUNS = {"дата", "date", "время", "time", "момент"}
UPDATE_COLUMNS = {"updated_at", "modified_at", "changed_at", "updated", "_updated_at"}
# Lookback: «пересчитывать (только) последние 3 дня», "recompute only the last 2 months".
LOOKBACK_CUE = {"последний", "last"}


def _ru(token: Token, lemmas: set[str]) -> bool:
    return token.lang == "ru" and bool(token.lemmas & lemmas)


def _en(token: Token, wordset: set[str]) -> bool:
    return token.lang == "en" and token.lower in wordset


def _word(token: Token, ru: set[str], en: set[str]) -> bool:
    return _ru(token, ru) or _en(token, en)


def _grain_noun(token: Token) -> str | None:
    if token.lang == "ru":
        for p in token.parses:
            if p.lemma in GRAIN_RU and p.pos == "NOUN":
                return GRAIN_RU[p.lemma]
        return None
    return GRAIN_EN.get(token.lower) if token.lang == "en" else None


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


def _grain_adjective(token: Token) -> str | None:
    """«ежедневная», «почасовая», "daily" -> day (whatever it modifies)."""
    if token.lang == "ru" and token.has(set(GRAIN_ADJ_RU) & token.lemmas, pos=("ADJF", "ADJS")):
        return GRAIN_ADJ_RU[next(iter(set(GRAIN_ADJ_RU) & token.lemmas))]
    for concept, grain in GRAIN_ADJ.items():
        if token.lang == "ru" and is_(token, concept, pos=("ADJF", "ADJS")):
            return grain
        if token.lang == "en" and is_(token, concept):
            return grain
    return None


def _is_measure(token: Token) -> bool:
    return _measure_func([token], 0) is not None


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


def _incremental(token: Token) -> bool:
    """The lexicon's INCREMENTAL, and «инкрементно» (pymorphy's lemma «инкрементный»)."""
    return is_(token, "INCREMENTAL") or (token.lang == "ru" and token.lemma == "инкрементный")


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


def looks_like_mart(planner: OfflinePlanner, text: str) -> bool:
    """A mart by its words, or by column words the catalog knows (see :func:`_subject_mart`)."""
    text = _without_purpose(text)  # «для планёрки по загрузке»: no load verb
    tokens = tokenize(text)
    return is_mart_request(tokens, comment_title_ids(planner, tokens)) or _subject_mart(planner, tokens, text)


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


# --- the phrase structure --------------------------------------------------------------------------


@dataclass
class MeasureWord:
    func: str  # sum | count | avg | min | max | count_distinct | unsupported
    index: int  # token index of the cue
    object: list[int] = field(default_factory=list)  # token indexes of the words it is about
    units: bool = False  # «штук», "units": a sum of the quantity column
    column_ref: str | None = None  # an explicit column after «по полю», "the X column"
    subject: bool = False  # read from a column word with no measure word («литры и сумма»)
    unit: str | None = None  # «в днях», "in days": a part of the measured column's name (day)
    listed: bool = False  # one of "net and gross pay totals": its first object word must name a column


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


def _next_words(tokens: Sequence[Token], i: int) -> int:
    """Index of the next non-punctuation token at or after i."""
    while i < len(tokens) and tokens[i].lang == "punct" and tokens[i].text not in (",",):
        i += 1
    return i


REFRESH_NOUNS_RU = {"обновление", "пересчёт", "пересчет", "перестроение", "перестройка", "пересборка",
                    "запуск", "прогон", "апдейт", "расписание", "перерасчёт", "перерасчет"}  # fmt: skip
REFRESH_NOUNS_EN = {"refresh", "refreshes", "update", "updates", "run", "runs", "rebuild", "rebuilds",
                    "recompute", "reload", "reloads", "schedule", "cadence"}  # fmt: skip


def _refresh_noun(token: Token) -> bool:
    """A noun naming the refresh itself («обновление», "refresh"): a frequency word on it is the schedule."""
    if token.lang == "ru":
        return bool(token.lemmas & REFRESH_NOUNS_RU) and token.has(token.lemmas, pos=("NOUN",))
    return token.lang == "en" and token.lower in REFRESH_NOUNS_EN


def _refresh_frequency(tokens: Sequence[Token], i: int) -> bool:
    """A frequency adjective on a refresh noun ("monthly refresh", «ежемесячное обновление»): the schedule."""
    t = tokens[i]
    if t.lower in GRAIN_ADVERBS_RU or i + 1 >= len(tokens) or not _refresh_noun(tokens[i + 1]):
        return False
    return _grain_adjective(t) is not None


def _refresh_before(tokens: Sequence[Token], i: int) -> bool:
    for k in range(max(0, i - 3), i):
        if _word(tokens[k], REFRESH_RU, REFRESH_EN):
            return True
    return False


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
    if ph.grain is None and ph.date_grain:
        ph.grain = "day"  # «Сколько визитов по дате визита в разрезе врачей»
    _read_measures(ph)
    _read_single_day(ph)  # "max hours logged in a single day"
    _read_units(ph)  # «потребление кВт·ч»
    _read_what_amount(ph)  # «на какую сумму»
    _currency_sum(ph)  # «на сколько рублей»
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


def _title_word(token: Token) -> bool:
    """A noun titling a report (TITLE_RU/TITLE_EN, the mart's own noun), or a hyphenated pair of them
    («табличка-сводка», "summary-table")."""
    if _word(token, TITLE_RU | TRIGGER_RU, TITLE_EN | TRIGGER_EN):
        return True
    parts = [p for p in token.text.split("-") if p]
    if len(parts) < 2 or token.lang not in ("ru", "en"):
        return False
    return all(len(words := tokenize(p)) == 1 and _title_word(words[0]) for p in parts)


def _wrapper_at(tokens: Sequence[Token], i: int) -> int | None:
    """ "a small summary table", "a quick rollup please", "one-number report", «табличка-сводка», «краткая
    сводка»: from `i`, articles and size words, then title nouns, closing the clause (the end, a punctuation
    mark or a polite word). Such words say what the asker calls the result, no slot of the mart (no filter
    "small", no dimension "quick rollup"). The index after the phrase; None when there is none at `i`."""
    n, k = len(tokens), i
    while k < n and (tokens[k].lower in ARTICLES_EN or _word(tokens[k], MART_SIZE_RU, MART_SIZE_EN)):
        k += 1
    first = k
    while k < n and _title_word(tokens[k]):
        k += 1
    if k == first or (k < n and tokens[k].lang != "punct" and not _polite(tokens[k])):
        return None
    while k < n and _polite(tokens[k]):
        k += 1
    return k


def _wrapper_words(tokens: Sequence[Token]) -> set[int]:
    """Indexes of every wrapper phrase (:func:`_wrapper_at`) opening a clause after a punctuation mark or a
    dash (not the request's first words)."""
    found: set[int] = set()
    for i in range(1, len(tokens)):  # a title opening the request is the header rules' (_title_nouns)
        if tokens[i - 1].lang != "punct":
            continue
        if (end := _wrapper_at(tokens, i)) is not None:
            found.update(range(i, end))
    return found


# The speaker's own possession («у нас», «у меня»; "do we have", "we have", "have we got"): said of whose data
# it is, never a filter, dimension or measure of the mart.
SPEAKER_PRONOUNS_RU = {"мы", "я"}
SPEAKER_PRONOUNS_EN = {"we", "i"}
HAVE_EN = {"have", "got", "has"}


def _speaker_words(tokens: Sequence[Token]) -> set[int]:
    """Indexes of «у нас»/«у меня» and of "(do) we have (got)": the asker's own data, no slot."""
    found: set[int] = set()
    for i, t in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if t.lang == "ru" and t.lower == "у" and nxt.lang == "ru" and nxt.lemma in SPEAKER_PRONOUNS_RU:
            found |= {i, i + 1}  # «сколько у нас абонентов», «у меня вопрос»
        if t.lang == "en" and t.lower in SPEAKER_PRONOUNS_EN and nxt.lower in HAVE_EN:
            found |= {i, i + 1}  # "how many subscribers we have"
            if i > 0 and tokens[i - 1].lower in ("do", "did"):
                found.add(i - 1)  # "do we have"
            if i + 2 < len(tokens) and tokens[i + 2].lower == "got":
                found.add(i + 2)  # "we have got"
    return found


# Verbs saying where a grain's time comes from: «месяц берём из period», «неделю считаем по paid_at», "take
# the month from paid_at", "the week comes from created_at"
GRAIN_SOURCE_VERBS_RU = {"брать", "взять", "считать", "посчитать", "определять", "определить", "смотреть"}
GRAIN_SOURCE_VERBS_EN = {"take", "taken", "takes", "comes", "come", "use", "used"}
_COLUMN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


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


EVENT_OBJECT_REACH = 4  # "went to the clubs", "rented cars": the words of the verb's object before "each"


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


# English participles of the aggregation itself ("counted per day", "summed by month"): no event, no column.
TALLIED_EN = frozenset({"counted", "tallied", "totalled", "totaled", "summed", "aggregated"})


def _tallied_per_grain(tokens: Sequence[Token], i: int) -> bool:
    """ "counted per day", "summed by the month": an aggregation participle before a grain (read with it)."""
    j = i + 1
    while j < min(len(tokens) - 1, i + 3) and tokens[j].lower in DIM_PREPS_EN | {"each", "every", "the", "a"}:
        j += 1
    if tokens[i].lower not in TALLIED_EN or j == i + 1 or j >= len(tokens):
        return False
    return _grain_noun(tokens[j]) is not None


SUMMED_EN = frozenset({"summed", "totalled", "totaled"})


def _summed_by_dimension(tokens: Sequence[Token], i: int) -> bool:
    """ "charges summed by charge type", "claims totalled per region": an adding participle before a dimension
    (not a grain, which _tallied_per_grain reads): the measure is a sum of the fact's money or quantity."""
    if tokens[i].lower not in SUMMED_EN or i + 2 >= len(tokens) or tokens[i + 1].lower not in DIM_PREPS_EN:
        return False
    j = i + 2
    while j < len(tokens) - 1 and tokens[j].lower in ("each", "every", "the", "a"):
        j += 1
    return tokens[j].lang == "en" and _grain_noun(tokens[j]) is None


def _summed_per_grain(tokens: Sequence[Token], i: int) -> bool:
    """ "payments summed per day", "charges summed weekly": an adding participle right before a grain (its
    preposition and noun, or a grain adjective) adds the rows' money up per period, as "summed by charge type"
    does per group; "counted per day" stays the aggregation's word alone (a row count)."""
    if tokens[i].lower not in SUMMED_EN or i + 1 >= len(tokens):
        return False
    return _tallied_per_grain(tokens, i) or _grain_adjective(tokens[i + 1]) is not None


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


PATH_LEAD = {
    "to",
    "into",
    "as",
    "an",
    "a",
    "the",
    "в",
    "во",
    "на",
    "exported",
    "saved",
    "written",
    "export",
    "save",
    "write",
    "выгрузить",
    "выгружать",
    "сохранять",
    "сохранить",
    "положить",
    "класть",
}


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


def _grain_noun_named(tokens: Sequence[Token]) -> bool:
    """«по дням», "per day", «за каждый месяц», «помесячно»: the request names a grain with a noun."""
    for i, t in enumerate(tokens):
        if t.lower in GRAIN_ADVERBS_RU:
            return True
        if t.lower in DIM_PREPS_RU | DIM_PREPS_EN | {"за"} and i + 1 < len(tokens):
            j = i + 1 + (i + 2 < len(tokens) and (tokens[i + 1].lemma in EACH or tokens[i + 1].lower in EACH))
            if _grain_noun(tokens[j]):
                return True
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


QUANTIFIERS_RU = {"каждый", "всякий", "любой"}
QUANTIFIERS_EN = {"each", "every", "any"}


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
        return any(p.pos == "NOUN" for p in nxt.parses[:1])
    return True


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


_IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


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
    if _english_event_phrase(ph, j, k):
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


def _time_word(token: Token) -> str | None:
    for lemma in token.lemmas | {token.lower, token.lemma}:
        if lemma in TIME_WORDS:
            return TIME_WORDS[lemma]
        if token.lang == "ru" and lemma.endswith(("ся", "сь")) and lemma[:-2] in TIME_WORDS:
            return TIME_WORDS[lemma[:-2]]  # «уволиться», «закрыться»: the event of «уволить», «закрыть»
    return None


def _read_before(ph: MartPhrase, i: int) -> bool:
    """Token i was read before the dimensions (a lookback, a quantity filter), and is no grain word."""
    t = ph.tokens[i]
    return i in ph.used and not (_grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU)


def _adverb(token: Token) -> bool:
    """A Russian adverb or particle («просто», «лишь»): never the first word of a dimension."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("ADVB", "PRCL")


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
        if tokens[j].lower == "not" and TAKE_EN.match(f"not {nxt.lower}"):
            return True
    return False


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
        if _column_noun(t) and i + 1 < n:
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
        ph.dims.append(words)
        ph.used.update(words)
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


def _glossed_words(tokens: Sequence[Token], column: list[int], owner: list[int]) -> list[int]:
    """The words of a dimension whose column a bracket or a dash gloss names: the column word, then the
    owner's («название отделов», «по билетам (price)»); in English the owner first, as people write it
    ("department name": the "(name)" of "by department (name)" is never the department's key)."""
    return owner + column if all(tokens[k].lang == "en" for k in [*owner, *column]) else column + owner


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


_BARE_VALUE = re.compile(
    r"\b(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>=|!=|<>)\s*(?P<word>[A-Za-z][\w-]*)\b(?![\w'(.])"
)


def _quoted_bare_values(text: str, fact: Table) -> str:
    """«только direction = in», "status = paid": an unquoted word compared with a text column of the fact (and
    naming no column of it) is that column's value, quoted for the filter rules (an English preposition such
    as "in" is otherwise read as a word of the sentence)."""

    def quote(match: re.Match[str]) -> str:
        column = fact.column(match.group("col"))
        word = match.group("word")
        if column is None or column_kind(column.type).family != "text" or fact.column(word) is not None:
            return match.group(0)
        if word.lower() in ("null", "true", "false"):
            return match.group(0)
        return f"{match.group('col')} {match.group('op')} '{word}'"

    return _BRACKETED_VALUE.sub(functools.partial(_bracketed_value, fact), _BARE_VALUE.sub(quote, text))


# "(direction debit)", «(seal_ok false)»: a column name and one word alone in brackets
_BRACKETED_VALUE = re.compile(r"\(\s*(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<word>[A-Za-z][\w-]*)\s*\)")


def _bracketed_value(fact: Table, match: re.Match[str]) -> str:
    """ "(direction debit)" -> "(direction = 'debit')": a text column of the fact with a value its comment
    lists, or a boolean column with true/false, is that condition (it was dropped as soon as another filter
    was read). Any other word is left as said, for the rules that ask."""
    column, word = fact.column(match.group("col")), match.group("word")
    if column is None or fact.column(word) is not None:
        return match.group(0)
    family = column_kind(column.type).family
    if family == "bool" and word.lower() in ("true", "false"):
        return f"({column.name} = {word.lower()})"
    if family == "text" and word in listed_values(column.comment):
        return f"({column.name} = '{word}')"
    if family == "text" and not listed_values(column.comment) and _may_hold(column, word):
        return f"({column.name} = '{word}')"  # «только вход (direction in)»: no values listed, both said
    return match.group(0)


def _relative_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«число занятий, на которых студент присутствовал», «…, где студент не присутствовал»: a relative
    clause whose verb is the comment of one boolean column of the fact ('Присутствовал на занятии') is that
    flag's condition (`present = true`, with «не» `present = false`); the clause's own nouns (the person who
    did it) say nothing more. Any other word in the clause leaves it to the other rules (asked)."""
    tokens, n = ph.tokens, len(ph.tokens)
    flags = [c for c in fact.columns if column_kind(c.type).family == "bool" and c.comment]
    if not flags:
        return None
    for i, t in enumerate(tokens):
        if not (t.lower == "где" or (t.lang == "ru" and t.lemma == "который")) or i in ph.used:
            continue
        start = i - 1 if i > 0 and tokens[i - 1].lang == "ru" and tokens[i - 1].has({"на", "в", "у"}) else i
        end, negated, verb = i + 1, False, None
        while end < n and tokens[end].lang == "ru" and end - i <= 4 and end not in ph.used:
            w = tokens[end]
            if w.lower == "не":
                negated = True
            elif w.parses and w.parses[0].pos == "VERB":
                verb = w
                end += 1
                break
            elif not (w.parses and w.parses[0].pos == "NOUN" and w.has(w.lemmas, case=("nomn",))):
                break
            end += 1
        if verb is None or (end < n and tokens[end].lang == "ru"):
            continue  # the clause goes on past its verb: not only a flag
        named = [c for c in flags if verb.lemmas & _comment_lemmas(c.comment or "")]
        if len(named) != 1:
            continue
        if start > 0 and tokens[start - 1].lower in ONLY_WORDS and start - 1 not in ph.used:
            start -= 1  # «только где студент присутствовал»: the cue is the clause's condition too
        ph.used.update(range(start, end))
        return f"{named[0].name} = {'false' if negated else 'true'}"
    return None


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


SINGLE_EN = {"single", "one"}
SINGLE_RU = {"один", "одни", "единый"}


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


def _single_day_rows(ph: MartPhrase, fact: Table) -> bool:
    """A row of the fact is one day: its event times are date columns (a timesheet's work_date), so the
    largest value "in a single day" is the largest value of a row."""
    times = _time_columns(fact)
    return bool(times) and all(column_kind(c.type).family == "date" for c in times)


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


def _state_participle_value(token: Token, ground: _Ground, fact: Table) -> tuple[Column, str] | None:
    """The listed value an English participle on a measured noun says (:func:`_listed_value_of_participle`),
    unless the participle is a word of a column's name ("approved amount": approved_amount) or names the
    time of the rows' event ("fines issued", "weight delivered": issued_at, delivered_at; the grain or the
    event rules read those)."""
    root = stem(token.lower)
    if ground.columns_named(fact, [token]) or any(root in name_parts(c.name) for c in fact.columns):
        return None
    if _names_event_time(token, fact) or any(
        _part_match(p, c) for p in _verb_times(token) for c in _time_columns(fact)
    ):
        return None
    return _listed_value_of_participle(token, fact)


def _listed_value_of_participle(token: Token, fact: Table) -> tuple[Column, str] | None:
    """ "redeemed" ~ 'redemption', "accrued" ~ 'accrual', "refunded" ~ 'refunded': the (column, value) of the
    one listed value of the fact whose word shares the English participle's root (four letters or more, at
    most two short of the shorter word); None when none or several do."""
    root = stem(token.lower.removesuffix("ed")) if token.lang == "en" else ""
    if len(root) < 4:
        return None
    found = []
    for column, value in _listed_text_values(fact):
        for part in re.split(r"[_\s-]+", value.lower()):
            common = len(os.path.commonprefix([root, part]))
            if common >= 4 and common >= min(len(root), len(part)) - 2:
                found.append((column, value))
                break
    return found[0] if len(found) == 1 else None


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


def _qualified_after(tokens: Sequence[Token], k: int) -> bool:
    """Token k is a Russian noun followed by a noun in the genitive («модели машины»): an attribute of
    something, not an entity alone."""
    if k + 1 >= len(tokens) or tokens[k].lang != "ru" or tokens[k + 1].lang != "ru":
        return False
    return any(p.case == "gent" and p.pos == "NOUN" for p in tokens[k + 1].parses)


def _value_list(inner: Sequence[Token]) -> bool:
    """«вход/выход», "in/out", «да/нет»: words joined by slashes in a bracket after a dimension list the
    values the dimension takes (an illustration), they name no column."""
    if len(inner) < 3 or len(inner) % 2 == 0:
        return False
    words, slashes = inner[::2], inner[1::2]
    return all(s.text == "/" for s in slashes) and all(w.lang in ("ru", "en") for w in words)


def _agreeing_noun(tokens: Sequence[Token], i: int) -> bool:
    """Token i is a Russian adjective agreeing in case and number with the noun right after it («страховым
    полисам», «товарным категориям»): the two name one thing, so one dimension."""
    if i + 1 >= len(tokens) or tokens[i].lang != "ru" or tokens[i + 1].lang != "ru":
        return False
    adj, noun = tokens[i], tokens[i + 1]
    if _grain_adjective(adj) or _is_measure(adj) or _stops(noun) or _grain_noun(noun) or _is_measure(noun):
        return False
    if not adj.parses or adj.parses[0].pos != "ADJF" or not any(p.pos == "NOUN" for p in noun.parses[:2]):
        return False
    forms = {(p.case, p.number) for p in adj.parses if p.pos == "ADJF"}
    return any((p.case, p.number) in forms for p in noun.parses if p.pos == "NOUN")


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


PREPS_EN = {"from", "by", "per", "of", "in", "on", "for", "with", "through", "via", "at", "into", "to",
            "excluding", "except", "as", "joined", "refreshed", "recompute", "only", "and", "across",
            "over"}  # fmt: skip  # "per category across all warehouses": the words after it group nothing


def _stops(token: Token) -> bool:
    if token.lower in POLITE:
        return True  # «…, пожалуйста»
    if token.lang == "ru" and (token.lemma in CUT_WORDS or token.lemma == "который"):
        return True  # «…, разбивка по статусу», «по которым были события»: no dimension word
    if token.lower in STOP_AFTER or token.lower in TRIGGER_EN or token.lemma in TRIGGER_RU:
        return True
    if token.lower in THERE_WORDS | RELATIVE_EN:  # "per week there"; "by X among employees who ..."
        return True
    if token.lang == "ru" and any(p.pos == "PREP" for p in token.parses[:1]):
        return True
    if token.lang == "en" and token.lower in PREPS_EN - {"and"}:
        return True
    if is_(token, "WEEKDAY") or _incremental(token) or token.number is not None or token.lang == "num":
        return True
    if token.lang == "ru" and token.lemma in EACH:
        return False
    if _refresh_noun(token):
        return True  # «по районам, запуск 1-го числа в 6», «…, прогон ежедневно»: the refresh's noun
    return _word(token, REFRESH_RU | LOAD_VERBS_RU, REFRESH_EN | LOAD_VERBS_EN) or token.lang == "punct"


def _column_noun(token: Token) -> bool:
    return token.lower in COLUMN_NOUNS or (token.lang == "ru" and bool(token.lemmas & COLUMN_NOUNS))


_UNIT_WORD = re.compile(r"^(\d{1,3})-(hour|day|week|month)s?$")
WINDOW_EN = {"lookback", "window"}
WINDOW_RU = {"окно", "глубина"}


def _read_window(ph: MartPhrase) -> None:
    """ "with a 4-week lookback", "a lookback window of 3 days", «окно пересчёта 2 недели»: the lookback
    as a noun phrase (N and its unit after or before the window noun)."""
    tokens, n = ph.tokens, len(ph.tokens)
    nums = {num.first: num for num in numerals(tokens)}
    for i, t in enumerate(tokens):
        if not (t.lower in WINDOW_EN or (t.lang == "ru" and t.lemma in WINDOW_RU)):
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


def _read_lookback(ph: MartPhrase) -> None:
    _read_lookback_cue(ph)
    if ph.lookback is None:
        _read_window(ph)


def _read_lookback_cue(ph: MartPhrase) -> None:
    tokens = ph.tokens
    nums = {num.first: num for num in numerals(tokens)}
    ending = {num.last: num for num in numerals(tokens)}  # `last` is exclusive: the token after it
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
        before = [k for k in range(max(0, i - 4), i) if _word(tokens[k], REFRESH_RU, REFRESH_EN)]
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


LOOKBACK_AUX = {"are", "is", "get", "gets", "be", "being", "будут", "будет"}


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


# Comparison words before «N штук», "N units": one or two words (lemmas / lower-case), the operator.
_QTY_COMPARE = [
    (("не", "менее"), ">="), (("не", "меньше"), ">="), (("не", "более"), "<="), (("не", "больше"), "<="),
    (("at", "least"), ">="), (("at", "most"), "<="), (("more", "than"), ">"), (("less", "than"), "<"),
    (("fewer", "than"), "<"), (("up", "to"), "<="), (("от",), ">="), (("минимум",), ">="), (("from",), ">="),
    (("больше",), ">"), (("более",), ">"), (("свыше",), ">"), (("over",), ">"), (("above",), ">"),
    (("менее",), "<"), (("меньше",), "<"), (("under",), "<"), (("below",), "<"), (("до",), "<="),
]  # fmt: skip


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


def _comparison_before(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    """(first token, operator) of the comparison words («от», "at least") that end right before token i."""
    for words, op in _QTY_COMPARE:
        start = i - len(words)
        if start >= 0 and all(tokens[start + k].lower == w for k, w in enumerate(words)):
            return start, op
    return None


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
            if _word(w, UNITS_RU, UNITS_EN) or w.lower in ("sold", "проданный") or w.lemma == "проданный":
                if _word(w, UNITS_RU, UNITS_EN):
                    m.units = True
                ph.used.add(j)
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
        ph.measures.append(m)
        i = max(j, i + 1)
    # «максимальная и минимальная сумма продажи»: the first adjective shares the second one's object
    for a, b in zip(ph.measures, ph.measures[1:], strict=False):
        if (
            not a.object
            and not a.column_ref
            and b.index == a.index + 2
            and tokens[a.index + 1].lower in LIST_JOINERS
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


WITH_WORDS = {"с", "со", "with", "having"}  # «поездки с промокодом», "trips with a promo code"
FROM_RU = {"с", "со"}  # «выручка с поездок», «доход со штрафов»: the money taken from those rows


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


# Words after «сколько»/"how many" that say "in all", no counted noun: «сколько всего», "how many in total".
HOW_MANY_IN_ALL = {"всего", "итого", "in", "total", "all", "overall"}


def _how_many_of_nothing(ph: MartPhrase) -> bool:
    """Every measure is the question «сколько (всего)»/"how many (in total)" with no counted noun and no
    column: rows of some table or a summed quantity may be meant, which only the user can say."""
    tokens = ph.tokens
    if any(w.lang == "ru" and w.parses and w.parses[0].pos in ("VERB", "INFN") for w in tokens):
        return False  # «сколько раз выдавали книги»: the verb's event says what is counted
    return bool(ph.measures) and all(
        m.func == "count"
        and not m.column_ref
        and (_ru(tokens[m.index], {"сколько"}) or tokens[m.index].lower == "many")
        and all(tokens[k].lower in HOW_MANY_IN_ALL for k in m.object)
        for m in ph.measures
    )


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


SIZE_RU = {"размер", "величина", "объём", "объем", "выработка"}
SIZE_EN = {"size", "volume"}


def _size_noun(tokens: Sequence[Token], j: int) -> bool:
    """«размер», «величина», «объём», «выработка», "size" right after a measure word and followed by the
    noun it measures («средний размер продажи», «средняя выработка часов»): the words say of what, the size
    noun adds nothing («размер скидки» still names the discount column when one is named)."""
    w = tokens[j]
    if not _word(w, SIZE_RU, SIZE_EN) or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if w.lang == "ru":
        return nxt.lang == "ru" and any(p.case == "gent" and p.pos == "NOUN" for p in nxt.parses)
    return nxt.lower in ("of", "in")


COMPARISONS = {
    "больше", "меньше", "более", "менее", "выше", "ниже", "above", "below", "over", "under", "greater",
    "less", "more", "fewer", "равно", "equals", ">", "<", "=", ">=", "<=", "не",
}  # fmt: skip


def _comparison_follows(tokens: Sequence[Token], i: int) -> bool:
    return any(t.lower in COMPARISONS or t.number is not None for t in tokens[i + 1 : i + 4])


UNIT_PARTS = {"день": "day", "час": "hour", "минута": "min", "секунда": "sec", "сек": "sec", "seconds": "sec",
              "secs": "sec", "sec": "sec", "километр": "km", "км": "km", "килограмм": "kg",
              "кг": "kg", "литр": "liter", "days": "day", "hours": "hour", "minutes": "min", "km": "km",
              "kilometers": "km", "kg": "kg", "kilograms": "kg", "liters": "liter",
              "litres": "liter"}  # fmt: skip
# Calendar units naming a column only in the plural («в месяцах» -> term_months); «в месяц» is a rate or grain
PLURAL_UNIT_PARTS = {"месяц": "month", "год": "year", "неделя": "week", "months": "month", "years": "year",
                     "weeks": "week"}  # fmt: skip


def _unit_part(token: Token) -> str | None:
    """A unit of measure naming a column by its name part: «в днях» -> days, "in km" -> distance_km,
    «в месяцах» -> term_months."""
    for key in token.lemmas | {token.lower}:
        if key in UNIT_PARTS:
            return UNIT_PARTS[key]
    if token.lower in PLURAL_UNIT_PARTS:
        return PLURAL_UNIT_PARTS[token.lower]
    if token.lang == "ru" and token.lower not in token.lemmas and token.has(PLURAL_UNIT_PARTS, number="plur"):
        return next(PLURAL_UNIT_PARTS[p.lemma] for p in token.parses if p.lemma in PLURAL_UNIT_PARTS)
    return None


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


def _compound_noun(tokens: Sequence[Token], i: int) -> bool:
    """Whether the noun at `i` heads a two-noun name listed after a dimension word («и единицам
    измерения»): a Russian genitive noun follows it and «и»/comma precede it."""
    if i + 1 >= len(tokens) or i == 0 or tokens[i - 1].lower not in LIST_JOINERS:
        return False
    nxt = tokens[i + 1]
    return nxt.lang == "ru" and any(p.pos == "NOUN" and p.case == "gent" for p in nxt.parses[:1])


def _listed_unit(tokens: Sequence[Token], i: int) -> bool:
    """ "by test code and unit": a singular English unit word joined to a list a grouping word opened is one
    more dimension (pieces counted are plural: "units sold")."""
    if tokens[i].lang != "en" or tokens[i].lower.endswith("s") or tokens[i - 1].lower not in LIST_JOINERS:
        return False
    for k in range(i - 2, max(i - 8, -1), -1):
        if tokens[k].lower in DIM_PREPS_EN:
            return True
        plain = tokens[k].lang == "en" or tokens[k].lower in LIST_JOINERS
        if _measure_func(tokens, k) is not None or not plain:
            return False
    return False


def _in_only_list(tokens: Sequence[Token], i: int) -> bool:
    """The word at `i` ends a list «только A, B и C» / "only A, B and C" of plain words: a column subset."""
    k = i - 1
    while k >= 0 and i - k <= 10 and tokens[k].lang in ("ru", "en") and tokens[k].number is None:
        if tokens[k].lower in ("только", "only"):
            return any(tokens[j].lower in LIST_JOINERS for j in range(k + 1, i))
        k -= 1
    return False


def _state_rows_grouped(words: Sequence[Token]) -> bool:
    """«Свободные койки по палатам (ward)», «уволенные сотрудники по отделам»: a state adjective or participle
    before a plural noun, then «по» and a plural noun: a load keeps no grouping, so the rows in that state
    are counted per group."""
    state = any(
        (_state_adjective(t) or _full_participle_form(t))
        and t.has(t.lemmas, number="plur")
        and _plural_noun(nxt)  # by the best parse: «в» is no noun («аналитик данных в клик»)
        for t, nxt in zip(words, words[1:], strict=False)
    )
    return (
        state
        and any(
            t.lower in DIM_PREPS_RU
            and _plural_noun(nxt)
            and nxt.parses[0].case == "datv"
            and not _time_noun(nxt)  # «маршрутные листы по вторникам»: the schedule's days, no grouping
            for t, nxt in zip(words, words[1:], strict=False)
        )
    )


_TARGET_PREPS_EN = frozenset({"to", "into"})  # "… to clickhouse": where a copy goes


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
    )


def _plural_noun_head(token: Token) -> bool:
    """A Russian plural noun in the nominative («Полисы», «Счета»): the rows a bare grouping counts."""
    return token.lang == "ru" and token.has(token.lemmas, pos=("NOUN",), case=("nomn",), number="plur")


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


def _plural_noun(token: Token) -> bool:
    """A Russian noun (its best parse) one parse of which is plural («койки», «палатам»); not «в» (a noun
    abbreviation in one of its parses)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "NOUN"
        and token.has(token.lemmas, pos=("NOUN",), number="plur")
    )


def _time_noun(token: Token) -> bool:
    """«понедельникам», «утрам», «месяцам», «будням»: a day the schedule names, a part of the day or a grain,
    no dimension."""
    return (
        is_(token, "WEEKDAY")
        or is_(token, "PART_OF_DAY")
        or _grain_noun(token) is not None
        or bool(token.lemmas & SCHEDULE_DAY_NOUNS_RU)  # «по будням», «по праздникам»
    )


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


def _measure_func(tokens: Sequence[Token], i: int) -> str | None:
    t = tokens[i]
    if t.lang not in ("ru", "en"):
        return None
    before = [tokens[k] for k in range(max(0, i - 2), i)]
    if before and before[-1].lower in FILTER_CUES and _comparison_follows(tokens, i):
        return None  # «где количество больше 2», "with quantity above 2": a filter on a column
    if t.lang == "ru" and t.parses[:1] and t.parses[0].case == "ablt" and _comparison_follows(tokens, i):
        return None  # «со статусом paid и суммой от 10000»: the instrumental of a «с ...» filter (planner14)
    dated = before and (
        before[-1].ordinal or before[-1].number is not None or re.match(r"^\d+-?\w*$", before[-1].text)
    )
    if dated and t.lemma == "число":
        return None  # «первого числа»: a day of the month
    if _minutes_after_number(tokens, i):
        return None  # "every 30 min": minutes
    if _abbreviated_min(tokens, i):
        return "min"  # «макс и мин сумма», «мин. оклад»
    if _abbreviated_avg(tokens, i):
        return "avg"  # «Ср. длительность визитов»
    if _word(t, UNSUPPORTED_RU, UNSUPPORTED_EN):
        return "unsupported"
    if _word(t, UNITS_RU, UNITS_EN) and not (before and _measure_func(tokens, i - 1)):
        if _in_only_list(tokens, i):
            return None  # «только код, название и зачётные единицы»: a column of a subset (planner9)
        if before and (
            before[-1].lower in DIM_PREPS_RU | DIM_PREPS_EN
            or _compound_noun(tokens, i)
            or _listed_unit(tokens, i)
        ):
            return None  # «по единицам измерения», "by unit", "by test code and unit": a dimension
        return "units"  # "units sold": the sum of the quantity column
    if _word(t, STOCK_RU, STOCK_EN) and not (before and _measure_func(tokens, i - 1)):
        return "units"
    if _word(t, DISTINCT_RU, DISTINCT_EN):
        return "count_distinct"
    if t.lower == "mean" and before and before[-1].lower == "i":
        return None  # "I mean weekly": a self-correction no rule could place (asked), never an average
    if _word(t, AVG_RU, AVG_EN) or _en(t, {"aov"}):  # "AOV": average order value
        return "avg"
    if _what_amount_of(tokens, i):
        return "sum"  # "how many and for how much": the second measure asked as a question
    if (_ru(t, {"общий"}) or _what_amount_of(tokens, i)) and i + 1 < len(tokens):
        obj = tokens[i + 1]  # «общая длительность», «общая объявленная ценность»: a sum; «общее число»: not
        measure_words = SUM_RU | COUNT_RU | AVG_RU | MIN_RU | MAX_RU | DISTINCT_RU | UNITS_RU
        if (
            obj.lang == "ru"
            and not obj.lemmas & (measure_words | TITLE_RU | TABLE_NOUNS | TRIGGER_RU | {"общий"})
            and any(p.pos in ("NOUN", "ADJF", "PRTF") for p in obj.parses[:1])
        ):
            return "sum"
    if i > 0 and tokens[i - 1].lang == "ru" and tokens[i - 1].lemma == "самый" and t.lang == "ru":
        if t.lemmas & SUPERLATIVE_MAX_RU:
            return "max"
        if t.lemmas & SUPERLATIVE_MIN_RU:
            return "min"
    if _word(t, MIN_RU, MIN_EN):
        return "min"
    if _word(t, MAX_RU, MAX_EN):
        return "max"
    if (
        t.lower == "peak"
        and i + 1 < len(tokens)
        and tokens[i + 1].lang == "en"
        and not _stops(tokens[i + 1])
        and not _grain_noun(tokens[i + 1])
    ):
        return "max"  # "peak voltage": the highest reading ("orders at peak", "peak hours": no measure)
    if t.lower == "number" and not (i + 1 < len(tokens) and tokens[i + 1].lower == "of"):
        return None
    if _slang_count(tokens, i):  # «колво лидов», «скока событий», "cnt of orders"
        return "count"
    if _word(t, COUNT_RU, COUNT_EN) or t.lower.startswith("кол-в"):  # «кол-ву заказов»
        return "count"
    if t.lower == "many" and before and before[-1].lower == "how":
        return "count"  # "how many" ("how" is read with it: see _read_measures)
    if _summed_by_dimension(tokens, i) or _summed_per_grain(tokens, i):
        return "sum"  # "charges summed by charge type": the rows' money added up per group, never a row count
    if _word(t, SUM_RU, SUM_EN):
        if grammar.in_column_list(tokens, i):
            return None  # "only id, customer_id and total": the column, not a sum
        if any(_measure_func(tokens, k) in ("avg", "min", "max") for k in range(max(0, i - 2), i)):
            return None  # «средняя сумма», "max order total": the object of the average
        return "sum"
    if t.lower in ("gross", "net") and i + 1 < len(tokens) and tokens[i + 1].lower in GROSS_HEADS_EN:
        return "sum"  # "gross sales", "net revenue": the money the rows add up to
    if t.lower in ("dau", "mau", "wau"):
        return "count_distinct"
    if t.lower == "active" or (t.lang == "ru" and t.lemma == "активный"):
        # "daily active users": distinct users; "active couriers" alone is a row state (planner8)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        users = nxt is not None and (nxt.lower in ("users", "user") or nxt.lemma == "пользователь")
        # the grain adjective right before it, in the same phrase: "sim cards daily, active only" is a
        # daily load of the active rows (planner52)
        grain = bool(before) and _grain_adjective(before[-1]) and t.start - before[-1].end <= 1
        if len(tokens) == 1 or users or grain:
            return "count_distinct"
    return None


# --- grounding in the catalog ----------------------------------------------------------------------


@dataclass
class _Ground:
    planner: OfflinePlanner
    conn_id: str
    tables: list[Table]
    _memo: dict[tuple[str, tuple[str, ...]], list[Column]] = field(default_factory=dict)
    _tables_memo: dict[str, Table | None] = field(default_factory=dict)

    def meanings(self, word: str) -> set[str]:
        """The glossary meanings of a word, plus the stems of its noun lemmas (a fleeting vowel: «посылок»
        ~ 'посылки', «остановок» ~ stops) and the mart's own column words (литры -> liters)."""
        found = set(self.planner.vocabulary.meanings(word))
        if re.search(r"[а-яё]", word):
            from airflow_ai_etl.planning.vocabulary import _noun_lemmas

            for lemma in _noun_lemmas(word):
                found.add(stem(lemma))
                found |= COLUMN_WORDS.get(lemma, set())
            found |= COLUMN_WORDS.get(stem(word.lower()), set())  # «хаба» (pymorphy: хаба?) ~ хаб
        else:
            found |= COLUMN_WORDS.get(word.lower(), set())
            found |= comment_jargon(word)  # "top-ups": 'пополнение баланса' of the payments' comment
        return found

    def table_of(self, token: Token) -> Table | None:
        """The table a word names (exact name, glossary or comment), when exactly one (memoised)."""
        if token.lower not in self._tables_memo:
            self._tables_memo[token.lower] = self._table_of(token)
        return self._tables_memo[token.lower]

    def _table_of(self, token: Token) -> Table | None:
        low = token.lower.replace("-", "") if token.lang == "en" else token.lower  # "Wi-Fi" ~ wifi
        exact = [t for t in self.tables if low in (t.name.lower(), t.qualified_name.lower())]
        if exact:
            return exact[0]
        if token.lang == "en" and len(low) <= 2:
            return None
        meanings = self.meanings(low)
        found = [t for t in self.tables if set(name_parts(t.name)) <= meanings]
        if len(found) == 1:
            return found[0]
        if not found:
            from airflow_ai_etl.planning.offline import name_parts_of_text
            from airflow_ai_etl.planning.patterns import STOP_STEMS

            by_comment = [
                t
                for t in self.tables
                if meanings & (set(name_parts_of_text(t.comment)) - STOP_STEMS) and t.comment
            ]
            if (compound := _compound_head_table(self.tables, by_comment, meanings)) is not None:
                return compound  # «билетов»: 'Авиабилеты', not 'Бронирования (заказы билетов)'
            if len(by_comment) == 1:
                return by_comment[0]
            # «отправлений»: 'Отправления (посылки)', not 'Возвраты отправлений' (a qualifier there)
            heads = [
                t for t in by_comment if (parts := name_parts_of_text(t.comment)) and parts[0] in meanings
            ]
            if len(heads) == 1:
                return heads[0]
            # «дисциплинам»: 'Учебные дисциплины' (its head noun), not 'Записи студентов на дисциплины'
            nouns = [t for t in by_comment if _comment_head(t.comment) in meanings]
            if len(nouns) == 1:
                return nouns[0]
            if (synonym := _bracket_synonym_table(by_comment, meanings)) is not None:
                return synonym  # «счётчикам»: 'Приборы учёта (счётчики)'
        if not found:  # «платежи» of finance.tuition_payments: the head (last part) of one compound name
            heads = [t for t in self.tables if len(parts := name_parts(t.name)) > 1 and parts[-1] in meanings]
            if len(heads) == 1:
                return heads[0]
        if token.lang == "en" and not found:  # "Wi-Fi", "fuel": the first part of one table's compound name
            firsts = [
                t
                for t in self.tables
                if len(parts := name_parts(t.name)) > 1 and parts[0] in meanings | {stem(low)}
            ]
            if len(firsts) == 1:
                return firsts[0]
        if token.lang == "ru" and "-" in low and not found:  # «интернет-сессий»: 'Интернет-сессии'
            words = tokenize(low.replace("-", " "))
            named = {t for t in (self.table_of(w) for w in words) if t is not None}
            if not named:  # «вай-фаю»: one English word spelled by ear in two halves (wifi_sessions' wifi)
                return self._table_by_ear(low.replace("-", ""), any_part=True)
            if len(named) != 1:
                return None
            table = named.pop()
            rest = [w for w in words if self.table_of(w) is None]
            if self.table_of(words[-1]) is not None or all(self.columns_named(table, [w]) for w in rest):
                # every part that names a table names this one, and the head noun too, or the other parts
                # are words of its columns («абонентов-льготников»: 'Льготник' of is_privileged)
                return table
        if token.lang == "ru" and not found:
            return self._table_by_ear(low)
        return None

    def _table_by_ear(self, word: str, any_part: bool = False) -> Table | None:
        """The one table a colloquial Russian word names as it names a load's table (planner22): the base of
        a diminutive or clipped «-ка» noun («симок» of sim_cards, «звоночков» of 'Детализация звонков',
        «платёжек» of payments) or the English name spelled by ear («инспекторам» of ops.inspectors)."""
        bases = diminutive_bases(word)
        named = []
        for table in self.tables:
            parts = [p for p in re.split(r"[_.]", table.name.lower()) if p]
            spelled = parts if any_part else parts[-1:]  # any part: a compound's first word ("wifi")
            if any(transliterates(word, part) for part in spelled) or any(
                self.planner._base_names_table(base, table, parts) for base in bases
            ):
                named.append(table)
        return named[0] if len(named) == 1 else None

    def columns_named(self, table: Table, words: Sequence[Token]) -> list[Column]:
        """Columns of `table` the words name: exact name, else the glossary/comment match of all words,
        else of the first word (memoised: a long request repeats its words)."""
        key = (table.qualified_name, tuple(w.text for w in words))
        if key not in self._memo:
            self._memo[key] = self._columns_named(table, words)
        return self._memo[key]

    def _columns_named(self, table: Table, words: Sequence[Token]) -> list[Column]:
        for w in words:
            # "check-in" of check_in: an English hyphenated word spells the column's underscore name
            spelled = w.lower.replace("-", "_") if w.lang == "en" else w.lower
            exact = table.column(w.text) or table.column(w.lower) or table.column(spelled)
            if exact:
                return [exact]
        if words and (commented := self._commented_head(table, words[0])) is not None:
            return [commented]
        for group in (list(words), list(words[:1])):
            names = [w.lower for w in group]
            meanings: set[str] = set()
            for name in names:
                meanings |= self.meanings(name)
            found = [c for c in table.columns if self.planner._names_column(c, meanings, table, frozenset())]
            if len(found) == 1:
                return found
            if len(found) > 1:
                exact_parts = [c for c in found if set(name_parts(c.name)) <= meanings]
                if len(exact_parts) == 1:
                    return exact_parts
        if words:  # «по типам» -> event_type: the one column a word's meaning is part of
            meanings = self.meanings(words[0].lower)
            parts = [
                c for c in table.columns if set(name_parts(c.name)) & meanings and not c.name.endswith("_id")
            ]
            if len(parts) == 1:
                return parts
        if (
            words and words[0].lang == "ru"
        ):  # «по операциям» of operation 'Тип операции': the name said by ear
            heard = [
                c
                for c in table.columns
                if column_kind(c.type).family == "text"  # a grouping's label, never «мили» of miles
                and not c.name.endswith("_id")
                and transliterates(words[0].lower, c.name.lower())
            ]
            if len(heard) == 1:
                return heard
        return []

    def _commented_head(self, table: Table, head: Token) -> Column | None:
        """The one column among those the head word's meanings name whose comment that word heads: «срок» ->
        term_months 'Срок кредита, мес.', not overdue_days reached by a synonym's "day"; «по оценкам» ->
        mark 'Оценка (…)', not score ('Балл') by the glossary. None when the comment decides nothing."""
        meanings = self.meanings(head.lower)
        found = [c for c in table.columns if self.planner._names_column(c, meanings, table, frozenset())]
        if len(found) < 2:
            return None
        stems = {stem(head.lower), *(stem(lemma) for lemma in head.lemmas)}
        # the comment's own head noun, not a word after its preposition ('Пробег по маршруту' is no «маршрут»)
        commented = [c for c in found if c.comment and _comment_head(c.comment) in stems]
        return commented[0] if len(commented) == 1 else None

    def table_of_pair(self, first: Token, second: Token) -> Table | None:
        """A table two words name together ("badge events" -> badge_events; memoised)."""
        key = f"{first.lower} {second.lower}"
        if key not in self._tables_memo:
            self._tables_memo[key] = self._table_of_pair(first, second)
        return self._tables_memo[key]

    def _table_of_pair(self, first: Token, second: Token) -> Table | None:
        meanings = self.meanings(first.lower) | self.meanings(second.lower)
        found = [
            t for t in self.tables if len(name_parts(t.name)) > 1 and set(name_parts(t.name)) <= meanings
        ]
        return found[0] if len(found) == 1 else None


def _money_columns(table: Table) -> list[Column]:
    return [
        c
        for c in table.columns
        if column_kind(c.type).family == "decimal" and c.name not in table.primary_key
    ]


def _role_compound_elsewhere(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма вкладов клиентов-резидентов»: a hyphenated table noun and a word of that table's columns
    names a condition on another table than the fact (clients.is_resident of deposits), which the mart's
    filter cannot hold: the compound, asked about (never the condition dropped)."""
    for t in ph.tokens:
        if t.lang != "ru" or "-" not in t.lower or (table := ground.table_of(t)) is None or table is fact:
            continue
        parts = tokenize(t.lower.replace("-", " "))
        if any(ground.table_of(p) is None and ground.columns_named(table, [p]) for p in parts):
            return t.text
    return None


def _measure_owner_after(ph: MartPhrase, ground: _Ground, fact: Table) -> Table | None:
    """«средняя премия по полисам по каналам»: «по <table noun>» right after the measure's words, naming
    another table than the fact that holds a numeric column those words name (policies.premium 'Страховая
    премия' while the fact read is premium_payments), may say whose measure it is (the policies' premium)
    rather than a dimension (per policy): that table, asked about, never grouped by its key as a guess. Not
    when the fact is named («Deposits overview: highest rate per currency») and holds the column itself."""
    tokens = ph.tokens
    named_fact = any(ground.table_of(tokens[i]) is fact for i in ph.sources)
    for m in ph.measures:
        said = [tokens[k] for k in [m.index, *m.object]]
        if any(_says_comment(c, said) for c in _numeric_columns(fact)):
            continue  # «базовая цена билета» of screenings.base_price 'Базовая цена билета': its own words
        if (genitive := _genitive_owner(ground, fact, [tokens[k] for k in m.object])) is not None:
            return genitive  # «средняя премия полисов по продуктам»: the policies' premium, or the payments'?
        words = [tokens[k] for k in m.object] or [tokens[m.index]]
        if named_fact and any(c.name in _numeric_names(fact) for c in ground.columns_named(fact, words)):
            continue
        last = max([m.index, *m.object])
        if last + 2 >= len(tokens) or tokens[last + 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
            continue
        owner = ground.table_of(tokens[last + 2])
        if owner is None or owner is fact or _glossed_attribute(ph, ground, owner, last + 2):
            continue
        if any(c.name in _numeric_names(owner) for c in ground.columns_named(owner, words)):
            return owner
        followed = last + 3 < len(tokens) and tokens[last + 3].lower in DIM_PREPS_RU | DIM_PREPS_EN
        if followed and _priced(tokens[m.index], words) and _price_columns(owner):
            return owner  # «средняя стоимость по номерам по типам»: the rooms' tariff, or the bookings' cost?
    return None


def _glossed_attribute(ph: MartPhrase, ground: _Ground, owner: Table, k: int) -> bool:
    """«по тарифам (название тарифа)», «по отелям (название)»: the owner's noun at k followed by a bracket
    naming one of its text columns is a dimension (the attribute grouped by), never whose measure it is."""
    for _, words, inner in ph.bracketed:
        if words and words[0] == k:
            named = ground.columns_named(owner, [ph.tokens[j] for j in inner])
            return bool(named) and all(c.name not in _numeric_names(owner) for c in named)
    return False


def _genitive_owner(ground: _Ground, fact: Table, words: Sequence[Token]) -> Table | None:
    """«премия полисов» read over premium_payments: the measure's last word, in the genitive, naming another
    table that holds a numeric column the words before it name (policies.premium) says whose measure it may
    be, as «по полисам» does (marts36): that table, to be asked about."""
    owner = ground.table_of(words[-1]) if len(words) > 1 and words[-1].lang == "ru" else None
    if owner is None or owner is fact:
        return None
    if not any(p.case == "gent" for p in words[-1].parses[:1]):
        return None
    named = ground.columns_named(owner, list(words[:-1]))
    measured = [c for c in named if c.name in _numeric_names(owner) and not _key_column(owner, c)]
    return owner if measured else None


def _price_columns(table: Table) -> list[Column]:
    """Numeric columns whose comment says a price («Базовый тариф за ночь», «Цена за единицу»)."""
    return [
        c
        for c in _numeric_columns(table)
        if c.comment and _comment_lemmas(c.comment) & (PRICE_RU | TARIFF_RU)
    ]


def _state_or_counter(ph: MartPhrase, ground: _Ground, fact: Table, ask: Any) -> str | None:
    """«Сумма просроченных кредитов», "total of overdue loans": a sum/avg/min/max whose object is only the
    fact's noun and a state word before it that means one listed value of a text column (status 'overdue')
    while a column counting units of the same thing (overdue_days 'Дней просрочки') could be the measured
    column: the loans' amount where the status says so, or their overdue days? Asked, never the money
    column guessed. A count («сколько просроченных кредитов»), or a measure naming its column («ставка
    просроченных кредитов»), reads the word as the rows' state (status = 'overdue'), as marts26 decided."""
    counters = [c for c in fact.columns if counts_units(c)]
    if not counters:
        return None
    tokens, listed = ph.tokens, _listed_text_values(fact)
    for m in ph.measures:
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref:
            continue
        for k in m.object:
            word = tokens[k]
            if k + 1 >= len(tokens) or ground.table_of(tokens[k + 1]) is not fact:
                continue
            others = [tokens[j] for j in m.object if j not in (k, k + 1)]
            if any(ground.columns_named(fact, [w]) for w in others):
                continue  # «ставка просроченных кредитов»: the rate is measured, the word is a state
            values, counted = _state_readings(word, listed, counters)
            if len(values) == 1 and len(counted) == 1:
                column, value = values[0]
                return ask("state_or_count", phrase=word.text, column=column.name, value=value,
                           counter=counted[0].name, table=fact.name)  # fmt: skip
    return None


def _means_listed_value(word: Token, fact: Table) -> bool:
    """A word meaning a value a text column of the fact lists ("overdue", «просроченных»: status
    'overdue')."""
    return bool(_state_readings(word, _listed_text_values(fact), [])[0])


def _rows_by_listed_value(ph: MartPhrase, fact: Table) -> bool:
    """«убытки по болезням»: no measure word, and every word after «по» is a Russian word
    for a value a text column of the fact lists (vocabulary.VALUE_MEANINGS): the rows of that value are
    loaded, nothing is grouped (planner49). A measure word («сумма убытков по болезням») keeps the mart."""
    if ph.measures or not ph.dims or any(len(words) != 1 for words in ph.dims):
        return False
    listed = _listed_text_values(fact)
    return all(ph.tokens[words[0]].lang == "ru" and _state_readings(ph.tokens[words[0]], listed, [])[0]
               for words in ph.dims)  # fmt: skip


def _listed_text_values(fact: Table) -> list[tuple[Column, str]]:
    """Every (text column, value its comment lists) of the fact: ('Статус (active, overdue, …)')."""
    return [
        (c, v) for c in fact.columns if column_kind(c.type).family == "text" for v in listed_values(c.comment)
    ]


def _state_readings(
    word: Token, listed: Sequence[tuple[Column, str]], counters: Sequence[Column]
) -> tuple[list[tuple[Column, str]], list[Column]]:
    """The listed values a state word means («просроченных», "overdue": status 'overdue') and the columns
    counting units of the same thing (overdue_days)."""
    meanings = value_meanings(word) if word.lang == "ru" else {stem(word.lower)}
    values = [(c, v) for c, v in listed if meanings and stem(v) in meanings]
    return values, [c for c in counters if meanings & set(name_parts(c.name))]


def _adjective_fact_title(ground: _Ground, fact: Table, head: Token, qualifier: Sequence[Token]) -> bool:
    """«кредитным платежам» of lending.loan_payments ('Платежи по кредитам'): the fact's own noun with one
    Russian adjective made from a word of the fact's comment is the fact said as a title, no dimension."""
    if head.lang != "ru" or len(qualifier) != 1 or not fact.comment:
        return False
    adjective = qualifier[0]
    if not adjective.parses or adjective.parses[0].pos != "ADJF" or adjective.lang != "ru":
        return False
    if ground.table_of(head) is not fact or ground.columns_named(fact, [head]):
        return False
    root = stem(adjective.lower)
    return any(len(s) >= 4 and root.startswith(s) for s in _comment_stems(fact.comment))


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


def _average_number_of_rows(ph: MartPhrase, ground: _Ground, m: MeasureWord, named: list[Column]) -> bool:
    """ "average number of orders per customer", "… of items per order": the average of a count of rows
    (orders per customer, then averaged) is no column's average; asked, never an avg of the fact's amount. A
    column whose name says the counted noun ("the average number of days", "of shift hours") is averaged."""
    tokens = ph.tokens
    after = m.index + 1
    if m.func != "avg" or after >= len(tokens) or tokens[after].lower != "number":
        return False
    # the column's name says the object ("days", "shift hours"); a meaning ("items" -> quantity) is a count
    said = {stem(tokens[k].lower) for k in m.object}
    return not any(
        said & {stem(p) for p in name_parts(c.name)} for c in named if column_kind(c.type).numeric
    )  # fine_type of "the average number of fines" is no number to average


def _key_name(name: str) -> bool:
    """A key's name: `id`, `loan_id`, `uuid` (never `amount_paid`, whose last letters are "id" too)."""
    low = name.lower()
    return low in ("id", "uuid") or low.endswith(("_id", "_uuid"))


def _numeric_columns(table: Table) -> list[Column]:
    return [
        c
        for c in table.columns
        if column_kind(c.type).numeric
        and not _key_name(c.name)  # amount_paid ends in "id" and is no key
        and c.name not in table.primary_key
    ]


def _names_event_time(token: Token, fact: Table) -> bool:
    """«книг выдано» of loans (issued_at): the participle names a time column of the fact itself, so it is
    the event counted, not a state («отправлений возвращено» of shipments, which have no such column)."""
    return bool(_event_time_columns(token, fact))


def _event_time_columns(token: Token, fact: Table) -> list[Column]:
    """The time columns of the fact a verb or participle names («уволено» -> fired_at)."""
    return [c for c in _time_columns(fact) if any(_part_match(p, c) for p in _verb_times(token))]


def _english_event_noun_columns(token: Token, fact: Table) -> list[Column]:
    """ "activations" -> activated_on: the time columns of the fact an English event noun's stem begins."""
    if token.lang != "en" or not token.lower.endswith(("tion", "tions", "ment", "ments")):
        return []
    return [c for c in _time_columns(fact) if _part_match(stem(token.lower), c)]


def _event_happened(word: str, fact: Table, grain: dict[str, Any] | None) -> str | None:
    """«сколько студентов отчислено по факультетам»: with no grain on it, an event participle of the counted
    rows keeps the rows whose event time is set (`expelled_on IS NOT NULL`); a grain on that column already
    dates each row by the event («сколько книг выдано по неделям»), no condition."""
    named = _event_time_columns(tokenize(word)[0], fact)
    if len(named) != 1 or (grain is not None and grain["column"] == named[0].name):
        return None
    return f"{named[0].name} IS NOT NULL"


def _dated_by_grain(word: str, fact: Table, grain: dict[str, Any] | None) -> bool:
    """The event participle `word` names one time column and the grain is on it («закрыли … по месяцам»)."""
    named = _event_happened(word, fact, None)  # `closed_at IS NOT NULL`: one time column the word names
    return grain is not None and named is not None and _event_happened(word, fact, grain) is None


def _time_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if column_kind(c.type).temporal and c.name not in UPDATE_COLUMNS]


def _fk_column(fact: Table, target: Table) -> str | None:
    """The fact's column pointing at `target` (a declared key or `<target>_id`, not a column declared to point
    at another table)."""
    declared = [
        fk.columns[0]
        for fk in fact.foreign_keys
        if fk.ref_table.split(".")[-1] == target.name and len(fk.columns) == 1
    ]
    if len(declared) > 1:
        return None  # origin_hub_id or dest_hub_id: not this function's choice (asked, or a role word picks)
    if declared:
        return declared[0]
    elsewhere = {fk.columns[0] for fk in fact.foreign_keys if len(fk.columns) == 1}  # keys of other tables
    for c in fact.columns:
        if c.name in elsewhere:
            continue  # claims.policy_id points at policies: not policy_holders' key, named alike
        if c.name.lower().endswith("_id") and set(name_parts(c.name[:-3])) <= set(name_parts(target.name)) | {
            stem(target.name.rstrip("s"))
        }:
            return c.name
    return None


def plan_mart(planner: OfflinePlanner, request: Request) -> Outcome | None:
    """The planner's hook: an Outcome for a mart request, None when the request is not a mart."""
    if not grammar.enabled("mart"):
        return None
    if (purposeless := _without_purpose(request.text)) != request.text:  # «для планёрки по загрузке …»
        request = dataclasses.replace(request, text=purposeless)
    tokens = tokenize(request.text)
    if not is_mart_request(tokens):
        # "average debt for privileged vs non-privileged subscribers": the split is the mart's dimension
        split = _flag_split(planner, request.text, tokens)
        if split != request.text and is_mart_request(tokenize(split)):
            request, tokens = dataclasses.replace(request, text=split), tokenize(split)
    if not is_mart_request(tokens, comment_title_ids(planner, tokens)) and not _subject_mart(
        planner, tokens, request.text
    ):
        return None
    if (refused := _unsupported_engine_word(planner, tokens, request.language)) is not None:
        return refused  # «из оракловой базы»: no reader for the source, whatever the mart computes
    rewrites: tuple[Callable[[str, Sequence[Token]], str], ...] = (  # each reads what the one before left
        lambda text, _: _unbracketed_units(_without_chat_phrases(text)),  # "nothing fancy", "keep it fresh"
        lambda text, _: _without_example_brackets(_self_corrected(text)),  # "I mean by …", "(app, ivr...)"
        _bracketed_distinct,  # «пассажиров (уникальных)»: «уникальных пассажиров»
        lambda text, tokens: _written_out_cuts(planner, text, tokens),  # «лаб. анализов»
        lambda text, tokens: _comment_measures(planner, text, tokens),  # «к выплате»: net
        _amount_noun_bracket,  # "Wi-Fi traffic (bytes downloaded)": sum of bytes downloaded
        _shared_measure_of_pair,  # "total bytes down and bytes up": total bytes down and total bytes up
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
    _modifiers_of_one_head(ph, ground)  # "claimed and approved amounts": two sums, neither dropped
    _subject_measure(ph, ground, listed_only=bool(ph.measures))  # «литры и сумма»: a column word listed
    _drop_repeated_bare(ph)  # «Витрина ФОТ: сумма начисленной зарплаты»
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
    _drop_repeated_bare(ph)  # «сколько байт отправлено по APN, итого»: the sum just read, said again
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
    if _counted_head(ph, ground, fact) and {"func": "count"} not in measures:
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
    if not dims and grain is None and export is None and not grouped and _one_row_as_load(ph):
        cue_words = [k for m in ph.measures for k in [m.index, *m.object]]
        words = _words_of(tokens, range(min(cue_words), max(cue_words) + 1))
        return Outcome.clarify(ask("one_row", words=words, table=fact.name))
    if entity is not None and entity is not fact and {"func": "count"} in measures:
        # «сколько кредитов просрочено» read on loan_payments: the loans are counted, not their payments
        if (key := _fk_column(fact, entity)) is None:
            return Outcome.clarify(ask("which_fact", tables=f"{entity.name}, {fact.name}"))
        times = any(_counts_times(tokens, m) for m in ph.measures)  # «сколько раз студенты присутствовали»
        if not times and not _one_row_per_entity(fact, key, dims, grain):  # rows counted, not the people
            distinct = {"func": "count_distinct", "column": key}
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
    rest = _only_column_noun_value(rest, ground, fact)  # «только проект 'Apollo'»: project = 'Apollo'
    rest = _only_fact_noun(rest, ground, fact)  # «только звонки в роуминге»: no value 'звонки'
    rest = _fact_noun_before_value_bracket(rest, ground, fact)  # «закрытые заказ-наряды (done)»: 'done'
    rest, null_condition = _bare_null_check(rest, fact)  # "(paid_at empty)", "with fired_at empty"
    # «отправлений доставлено», «студентов выпустилось»: a state of the counted rows
    plain, (rest, state_word) = rest, _with_state_participle(ph, ground, fact, rest)
    rest = _grain_event_blanked(rest, fact, grain)  # "fines issued per week": no status 'issued'
    happened: str | None = None
    rest_request = Request(rest)
    where = planner.filters._where(rest_request, fact, False, Found(None))
    assumed = rest_request.assumed and not where.questions
    if state_word and assumed and _dated_by_grain(state_word, fact, grain):
        # «сколько счетов закрыли по месяцам»: the grain dates the verb's event (closed_at), no state of the
        # rows, as when the filter rules asked which of two columns (marts53); the listed value is no filter
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    if (
        state_word
        and _names_event_time(tokenize(state_word)[0], fact)
        and (where.questions or not where.value)
    ):
        # «книг выдано»: the event's own time (issued_at), no status says it: read without the state,
        # and, with no grain on that time, only the rows it happened to («студентов отчислено»)
        if (two := _two_columns_asked(lang, state_word, fact, grain, where.questions)) is not None:
            return Outcome.clarify(two)  # «закрытых счетов»: closed_at or status 'closed', as a load asks
        happened = _event_happened(state_word, fact, grain)
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    if state_word and grain and _dates_the_grain(tokenize(state_word)[0], fact, grain["column"]):
        # «сколько человек заселилось … по месяцам заселения»: the grain dates each row by that event
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    said = tokenize(state_word)[0] if state_word else None
    if grain and said and _first_state_event(said, fact, grain["column"], where.value):
        # «сколько посылок создано по дням»: the verb of the rows' first state dates the grain, no state
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    if state_word and _state_adjective(tokenize(state_word)[0]) and (where.questions or not where.value):
        # «число крупных заказов»: an adjective no listed value answers stays as read before (a word of
        # the counted noun; the residue rules ask what they must)
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    if (
        state_word
        and (where.questions or not where.value)
        and _verb_of_rows_in_comment(state_word, ground, fact)
    ):
        # «сколько прививок поставили» ('Врач, поставивший прививку'): the act each row records, no state
        state_word, rest_request = None, Request(plain)
        where = planner.filters._where(rest_request, fact, False, Found(None))
    if where.questions and state_word and _finite_event_verb(tokenize(state_word)[0]):
        return Outcome.clarify(ask("residue", words=state_word))  # «ушло»: the user's word, not «ушедшие»
    if where.questions:
        return Outcome.clarify(*where.questions)
    if state_word and not where.value:  # a state no column answers is asked, never dropped
        return Outcome.clarify(ask("residue", words=state_word))
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
        _and_where(definition, state)
    if with_words and not definition.get("where"):  # «Заказы с промокодом: …», no column for it: asked
        return Outcome.clarify(ask("residue", words=with_words))
    if ph.quantity_filter is not None:
        qty = _quantity_column(fact)
        if qty is None:
            return Outcome.clarify(ask("quantity_column", table=fact.name))
        _and_where(definition, f"{qty} {ph.quantity_filter[0]} {ph.quantity_filter[1]}")
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
    # a null check read from its bracket is a filter the rules read, as when they read it themselves
    residue = _residue(tokens, ph, rest_request, where.value or null_condition, ground, fact)
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


# Words that place a table in ClickHouse («из кликхауса», "the clickhouse sales table"); the broader
# engine words (warehouse, хранилище) are left out: a shop has a warehouse column.
ALREADY_WORDS = {"уже", "already"}
HEADCOUNT_RU = {"численность", "штат"}
HEADCOUNT_EN = {"headcount", "staff"}
PEOPLE_PARTS = {"employe", "staff", "worker", "personnel", "person"}
CLICKHOUSE_WORDS = {"clickhouse", "clickhous", "ch", "кликхаус", "кх", "dwh"}
TABLE_NOUNS = {"table", "tables", "таблица"}
TABLE_NOUNS_RU = {"таблица", "табличка"}  # «выручка в табличку»: where the rows go, no mart or report word


def _names_clickhouse(planner: OfflinePlanner, token: Token) -> bool:
    conn = planner.catalog.connections.get(token.text) or planner.catalog.connections.get(token.lower)
    if conn is not None:
        return conn.engine == "clickhouse"
    return token.lower in CLICKHOUSE_WORDS or token.lemma in CLICKHOUSE_WORDS


def _places_in_clickhouse(planner: OfflinePlanner, tokens: Sequence[Token]) -> str | None:
    """Where the request puts its fact table: ``"strong"`` when a ClickHouse word follows «из»/"from"
    («из кликхауса», "from the clickhouse sales table") or qualifies a table noun ("clickhouse table
    raw_sales"); ``"weak"`` when it is a location right after a from-phrase («из продаж в кликхаусе»,
    "from sales in clickhouse" - also readable as where the mart goes, so the table must be there);
    None otherwise («в кликхаус», "into ClickHouse": where the mart is written)."""
    words = [t for t in tokens if t.lang != "punct"]
    found: str | None = None
    for i, t in enumerate(words):
        if not _names_clickhouse(planner, t):
            continue
        if any(w.lower in ALREADY_WORDS for w in words[max(0, i - 4) : i]):
            return "strong"  # «таблица sales уже лежит в ClickHouse», "already loaded into ClickHouse"
        after = [w.lower for w in words[i + 1 : i + 6]]
        if any(w in ALREADY_WORDS for w in after[:3]) and any(w in THERE_WORDS for w in after):
            return "strong"  # «в кликхаусе поверх уже залитой туда таблицы orders»
        if (
            i
            and words[i - 1].lower in ("inside", "over", "within")
            or (i > 1 and words[i - 1].lower == "the" and words[i - 2].lower in ("over", "inside", "within"))
        ):
            return "strong"  # "build it inside ClickHouse", "mart over the clickhouse events table"
        for k in range(i - 1, max(-1, i - 4), -1):
            before = words[k].lower
            if before in ("в", "во", "на", "to", "into", "in"):
                break
            if before in FROM_WORDS:
                return "strong"
        target = i > 0 and words[i - 1].lower in ("в", "во", "to", "into")  # "into ClickHouse table X"
        if not target and any(w.lower in TABLE_NOUNS or w.lemma in TABLE_NOUNS for w in words[i + 1 : i + 3]):
            return "strong"
        before = words[i - 1].lower if i else ""
        located = before == "in" or (before in ("в", "во") and t.lang == "ru" and t.lower.endswith("е"))
        if located and any(w.lower in FROM_WORDS for w in words[max(0, i - 5) : i - 1]):
            found = "weak"
    return found


def _fact_connections(planner: OfflinePlanner, tokens: Sequence[Token]) -> list[Any]:
    """The connection(s) the fact table may live in: PostgreSQL (the aggregate is pushed down), or
    ClickHouse when the request places the table there or names a table only ClickHouse has («из
    raw_sales», loaded there by another pipeline). More than one left: the caller asks."""
    catalog = planner.catalog
    words = [t for t in tokens if t.lang in ("ru", "en")]

    def with_tables(engine: str) -> list[Any]:
        return [c for c in catalog.connections_of(engine) if catalog.tables_of(c.conn_id)]

    def exact(conns: list[Any]) -> list[Any]:
        return [c for c in conns if any(catalog.find_table(c.conn_id, t.text) is not None for t in words)]

    def named(conns: list[Any]) -> list[Any]:
        return [
            c
            for c in conns
            if any(_Ground(planner, c.conn_id, catalog.tables_of(c.conn_id)).table_of(t) for t in words)
        ]

    pg, ch = with_tables("postgres"), with_tables("clickhouse")
    every_ch = catalog.connections_of("clickhouse")
    if not ch and every_ch and _places_in_clickhouse(planner, tokens) == "strong":
        # «таблица sales уже лежит в ClickHouse», but the catalog lists no ClickHouse table: the caller
        # asks (a mart on a table nobody can see is never planned on the PostgreSQL table instead)
        named_ch = [c for c in every_ch if any(t.text == c.conn_id for t in words)]
        return named_ch or every_ch
    place = _places_in_clickhouse(planner, tokens) if ch else None
    if place == "strong" or (place == "weak" and (exact(ch) or named(ch))):
        sources = ch
    elif ch and not exact(pg) and exact(ch):
        sources = ch  # a table by its exact name that only ClickHouse has
    else:
        sources = pg
    if len(sources) > 1:  # the connection whose tables the words name
        found = exact(sources) or named(sources)
        sources = found if len(found) == 1 else (found or sources)
    if len(sources) > 1:  # «Сумма дозировок (dosage) по препаратам»: the one whose columns the words name
        content = [
            t for t in words if not _is_measure(t) and t.lower not in FILLER_EN and t.lemma not in FILLER_RU
        ]
        score = {}
        for c in sources:
            ground = _Ground(planner, c.conn_id, catalog.tables_of(c.conn_id))
            score[c.conn_id] = sum(
                1 for t in content if any(ground.columns_named(table, [t]) for table in ground.tables)
            )
        top = max(score.values())
        best = [c for c in sources if score[c.conn_id] == top]
        if top > 0 and len(best) == 1:
            sources = best
    if len(sources) > 1:  # several ClickHouse connections to one database: the one named by its id
        by_id = [
            c for c in sources if any(t.text == c.conn_id or t.lower == c.conn_id.lower() for t in words)
        ]
        sources = by_id if len(by_id) == 1 else sources
    return sources


THERE_WORDS = {"туда", "там", "there"}
RELATIVE_EN = {"among", "amongst", "who", "whose", "which", "that"}  # a clause after a dimension: a filter
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
EXCEL_WORDS = {"excel", "xlsx", "эксель", "excel-файл", "эксель-файл", "xlsx-файл"}
EXPORTED_EN = {"exported", "exporting", "exports", "saved", "written"}  # "..., exported to s3://b/x.xlsx"
FILE_NOUNS = {"file", "workbook", "spreadsheet", "файл", "книга", "таблица"}
_LOCAL_XLSX = re.compile(r"(?<![\w:/])/[\w./\-]*\.xlsx\b", re.IGNORECASE)
_S3_XLSX = re.compile(r"\bs3://[a-z0-9][a-z0-9.\-]*/[^\s,;'\"«»()]*\.xlsx\b", re.IGNORECASE)
_ANY_S3 = re.compile(r"\bs3://[a-z0-9][a-z0-9.\-]*/?[^\s,;'\"«»()]*", re.IGNORECASE)


@dataclass
class ExcelExport:
    """«Выгружать витрину ... в Excel», "export the ... mart to an Excel file": the mart's rows go to a
    workbook; ``path`` when the request names one (local or ``s3://``)."""

    path: str | None = None


def _is_excel_word(token: Token) -> bool:
    return token.lower in EXCEL_WORDS or token.lemma in EXCEL_WORDS or token.lower.startswith("эксел")


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


def ground_name(planner: OfflinePlanner, conn_id: str, table: Table) -> str:
    return planner.catalog.display_name(conn_id, table)


ENGINES = [set(words) for words in ENGINE_WORDS.values()]
MAX_PARTS = 20  # measures or dimensions one mart sentence may name (the model allows 100)
# Words a mart request may hold that carry no slot: verbs of asking, articles, fillers.
FILLER_RU = {
    "построить", "сделать", "собрать", "посчитать", "нужный", "нужно", "нужна", "создать", "показать",
    "подготовить", "завести", "хотеть", "мочь", "таблица", "в", "во", "с", "со", "и", "по", "для", "из", "за",
    "на", "к", "а", "также", "ещё", "еще", "это", "который", "каждый", "все", "весь", "отчет", "данные",
    "быть", "свой", "наш", "этот", "от", "о", "пожалуйста", "отдельный", "значение", "итоговый",
    "сводка", "они", "их", "там", "прямо", "уже", "общий", "какой",
    "просто",  # «…, просто колво»: just the count
}  # fmt: skip
FILLER_EN = {
    "build", "make", "create", "show", "give", "prepare", "please", "need", "want", "a", "an", "the", "of",
    "for", "in", "on", "at", "to", "into", "and", "by", "per", "from", "with", "as", "table", "tables", "me",
    "report", "i", "we", "that", "this", "it", "its", "is", "are", "be", "each", "every", "all", "new", "kpi",
    "data", "values", "value", "s", "compute", "calculate", "there", "inside", "already", "were", "was",
    "been", "how", "using", "set", "up",  # "set up a mart": a build verb as "build"
    "hand",  # "units on hand": the stock there is
}  # fmt: skip
NEGATION_WORDS = {"без", "кроме", "исключая", "не", "except", "excluding", "without", "not", "no"}
# Nouns that title a report, not a slot of it: «Сводка по заказам», «Агрегат по платежам», «нужна табличка»,
# "Monthly rollup of ...", "dashboard of orders". A table noun after one of them names the fact table.
TITLE_RU = {"сводка", "агрегат", "табличка", "таблица", "отчет", "отчёт", "дашборд", "обзор", "свод",
            "статистика", "аналитика", "воронка", "срез", "агрегация", "агрегировать", "сводный"}  # fmt: skip
TITLE_EN = {"rollup", "roll-up", "summary", "dashboard", "overview", "breakdown", "aggregate", "aggregates",
            "report", "stats", "statistics", "table", "funnel", "digest"}  # fmt: skip
TITLE_LINKS = {"по", "о", "об", "of", "on", "about", "for"}


ONLY_WORDS = {"только", "лишь", "only", "just"}
# English words that stand before a noun without qualifying it ("among employees", "across warehouses")
NOT_QUALIFIERS_EN = {"among", "amongst", "between", "across", "within", "about", "than", "via", "per", "over"}


def _residue(
    tokens: Sequence[Token],
    ph: MartPhrase,
    rest: Request,
    where: str | None,
    ground: _Ground,
    fact: Table,
    conditioned: bool = False,
) -> str:
    """Words no rule read, quoted; a filter the rules did not turn into a condition is never dropped.
    Table nouns, verbs (построй, продано, "sold") and refresh words carry no slot of their own."""
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
        if _participle(t) and any(_part_match(p, c) for p in _verb_times(t) for c in _time_columns(fact)):
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
            and any(p.pos == "ADJF" for p in t.parses[:1])
            and fact.comment
            and any(len(x) >= 5 and stem(t.lower).startswith(x) for x in _comment_stems(fact.comment))
        ):
            continue  # «Стипендиальный фонд» of scholarships ('Начисления стипендий'): the fact's adjective
        if _clause_lead(t) and _after_counted(ph, ground, fact, i):
            continue  # "distinct students living in each dorm building": the clause of the counted people
        if i in commented_title or i in complements:
            continue  # «Объявленная ценность: сумма …»: the title is a column's comment word for word
        if i in titled and (
            _names_no_other_table(ground, t, fact) or _names_measured_column(ph, ground, fact, t)
        ):
            continue  # «Воронка найма — ...», «Пробег курьеров: ...»: the nouns titling the mart
        if i in titled and i > 0 and i - 1 in titled and _title_owner(ground, t, fact):
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
        listed = _listed_with_measure(ph)
        counted = _counted_column_words(ph, ground, fact, where)
        left = [
            t
            for t in left
            if ((t.lower in NEGATION_WORDS or t.lemma in NEGATION_WORDS) and id(t) not in operators)
            or id(t) in qualifiers
            or id(t) in listed
            or id(t) in counted
        ]
    return " ".join(t.text for t in left)


# What a "<participle>_count" column counts, said after the participle ("booked seats", "booked places").
HEAD_UNITS_EN = {"seats", "places", "spots", "people", "persons", "participants", "attendees", "visitors"}


def _amount_of_money_measure(token: Token, fact: Table, measures: list[dict[str, Any]]) -> bool:
    """ "smallest order amount" of orders.total: the English "amount" in a measure's object only says the
    money column measured (a money name: total, price), no value for the filter rules."""
    if token.lang != "en" or token.lower not in ("amount", "amounts"):
        return False
    return any((c := fact.column(m.get("column") or "")) is not None and _money_name(c) for m in measures)


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


def _counted_event_noun(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«количество увольнений по отделам», «сколько было выселений»: a counted Russian noun whose time word
    names one nullable time column of the fact that is not its first (every row's) event: only the rows it
    happened to are counted (`fired_at IS NOT NULL`; with a grain on it, the grain dates them instead).
    Not the fact's own noun («записей» of appointments) nor the rows' creation."""
    times = _time_columns(fact)
    for m in ph.measures:
        for k in m.object if m.func == "count" else []:
            t = ph.tokens[k]
            if t.lang != "ru" or not any(p.pos == "NOUN" for p in t.parses[:1]) or ground.table_of(t) is fact:
                continue
            part = _time_word(t)
            named = [c for c in times if part and _part_match(part, c)]
            if len(named) == 1 and named[0] is not times[0] and named[0].nullable and part != "creat":
                return named[0].name
    return None


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


def _mart_named(tokens: Sequence[Token], ground: _Ground) -> str | None:
    """«положить в витрину weekly_product_revenue», "into the mart daily_sales": a new snake_case name right
    after the trigger word, which a to-word leads to, is the mart table's name (never a source table)."""
    for i, t in enumerate(tokens[:-1]):
        if not (_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN)) or not _IDENTIFIER.match(tokens[i + 1].text):
            continue
        lead = [w.lower for w in tokens[max(0, i - 2) : i]]
        if not any(w in ("в", "во", "into", "to", "as") for w in lead):
            continue
        name = tokens[i + 1].text
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


def _header_cut(tokens: Sequence[Token]) -> int | None:
    """The index of the colon or dash that ends a short header («Воронка найма — …», "Churn overview: …"):
    within the first four tokens, with words after it; None when the request has no such header."""
    cut = next(
        (i for i, t in enumerate(tokens) if t.text in (":", "—", "–") or (t.text == "-" and i > 0 and
         tokens[i - 1].end < t.start)),
        None,
    )  # fmt: skip
    lead = 0  # "Could you build a drug price summary — …", «Сделай, пожалуйста, сводку …»: the asking words
    while cut is not None and lead < cut and (_chat_word(t := tokens[lead]) or t.lower in FILLER_EN - {"of"}):
        lead += 1
    if (
        cut is None
        or cut == 0
        or cut - lead > 4
        or not any(t.lang in ("ru", "en") for t in tokens[cut + 1 :])
    ):
        return None
    return cut


def _drop_header_measures(ph: MartPhrase) -> None:
    """ "Churn overview: number of subscribers per region", «Конверсия — количество лидов по источникам": a
    measure word in a short header (a metric no aggregate computes, the body's measure restated) titles the
    mart when the body after the colon has measures that each say what they compute (a count, or an object
    or a column). A bare body measure («Маржа: сумма по продуктам») leaves the header to say of what."""
    cut = _header_cut(ph.tokens)
    if cut is None:
        return
    header = [m for m in ph.measures if m.index < cut]
    body = [m for m in ph.measures if m.index > cut]
    if header and body and all(m.func == "count" or m.object or m.column_ref for m in body):
        ph.measures = body


def _title_nouns(tokens: Sequence[Token]) -> set[int]:
    """Nouns before the first colon or dash of a request that goes on after it («Воронка найма — число
    кандидатов ...», «Пробег курьеров: сумма км ...», "Payroll rollup: gross ..."): a title. Only nouns
    (and genitive chains of them): an adjective or participle there may be a filter («Оплаченные заказы:
    ...») and is left to the filter rules and the residue."""
    cut = _header_cut(tokens)
    if cut is None:
        return set()
    found = set()
    for i in range(cut):
        t = tokens[i]
        if _state_place(tokens, i):
            continue  # «Обращения на паузе: …», «Заявки в работе: …»: a state the rows are in, not a title
        if t.lang == "ru" and t.parses and t.parses[0].pos == "NOUN":
            found.add(i)
        elif t.lang == "en" and not _participle(t) and t.lower not in NEGATION_WORDS:
            found.add(i)
    return found


def _state_place(tokens: Sequence[Token], i: int) -> bool:
    """A Russian singular noun in the locative right after «в»/«на» («на паузе», «в работе», «в архиве»): the
    state the rows are in, which says which rows, unlike «записи на приём» (accusative)."""
    t = tokens[i]
    return (
        i > 0
        and t.lang == "ru"
        and tokens[i - 1].lower in ("в", "во", "на")
        and bool(t.parses)
        and t.parses[0].pos == "NOUN"
        and t.parses[0].case == "loct"
        and t.parses[0].number == "sing"  # «продажи в магазинах: …»: the places the rows are from, a title
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
    return set(words) if _titled_column(tokens, fact) is not None else set()


def _titled_column(tokens: Sequence[Token], fact: Table) -> Column | None:
    """The one column of the fact whose comment says every word before the first colon (see above)."""
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if cut is None or cut == 0 or cut > 4:
        return None
    words = [tokens[i] for i in range(cut) if tokens[i].lang != "punct"]
    if not words or any(w.lang != "ru" for w in words):
        return None
    found = [
        c for c in fact.columns if c.comment and all(w.lemmas & _comment_lemmas(c.comment) for w in words)
    ]
    return found[0] if len(found) == 1 else None


def _attribute(token: Token) -> bool:
    """A Russian adjective or participle («занятых», «свободных»)."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("ADJF", "PRTF")


def _titled_measures(ph: MartPhrase) -> None:
    """«Коечный фонд: число занятых коек по палатам», «Выручка: сумма по регионам»: a measure word in the
    short title before the colon names the mart; the measures after the colon are what it computes."""
    tokens = ph.tokens
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if cut is None or cut == 0 or cut > 3 or not any(m.index > cut for m in ph.measures):
        return
    before = [m for m in ph.measures if m.index < cut]
    if before and all(not m.object or max(m.object) < cut for m in before):
        ph.measures = [m for m in ph.measures if m.index > cut]
        ph.used.update(range(cut))


def _title_measure(ph: MartPhrase, fact: Table) -> None:
    """«Объявленная ценность: среднее по городам»: a measure word after the colon with no object of its
    own measures the numeric column the title names."""
    column = _titled_column(ph.tokens, fact)
    if column is None or column.name not in _numeric_names(fact):
        return
    cut = next(i for i, t in enumerate(ph.tokens) if t.text == ":")
    after = [
        m for m in ph.measures if m.index > cut and not m.object and not m.column_ref and m.func != "count"
    ]
    for m in after:
        m.column_ref = column.name
    if after:  # «Сумма долга: максимум …»: «Сумма» is the column's name there, not a second measure
        ph.measures = [m for m in ph.measures if m.index > cut]


def _postposed_subject_measures(ph: MartPhrase, ground: _Ground) -> None:
    """«Рыночная стоимость машин по маркам: средняя и максимальная», "Trip cost per tariff: average and max":
    aggregate words after the colon that ends a grouped phrase, with no object of their own and none before
    the colon, measure the words the request opens with (before its first «по»/"by"/"per"), as «средняя и
    максимальная рыночная стоимость машин по маркам» does; the measure rules then read those words."""
    tokens = ph.tokens
    cut = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    first_prep = next((i for i, t in enumerate(tokens) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN), None)
    if cut is None or first_prep is None or not 0 < first_prep < cut:
        return
    after = [m for m in ph.measures if m.index > cut]
    if not after or len(after) != len(ph.measures):
        return
    if any(m.object or m.column_ref or m.subject or m.units or m.func not in ("avg", "min", "max", "sum")
           for m in after):  # fmt: skip
        return
    words = [
        k for k in range(first_prep) if tokens[k].lang in ("ru", "en") and tokens[k].lower not in ARTICLES_EN
    ]
    if not words or any(
        k in ph.used or _word(tokens[k], TRIGGER_RU | TITLE_RU, TRIGGER_EN | TITLE_EN) for k in words
    ):
        return  # «Отчёт по полисам: сумма по каналам»: a title's «по», no measured words (asked)
    if all(ground.table_of(tokens[k]) is not None for k in words):
        return  # «Питомцы по видам: средний»: a table's noun alone names no column (the bare rules decide)
    for m in after:
        m.object = list(words)
    ph.used.update(words)


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


_EXPLAINED = re.compile(r"((?:[^\W\d_][\w-]*\s+){1,4})\(\s*([A-Za-z_][A-Za-z0-9_]*)\b[^()]*\)")
EXPLAINED_CLAUSE = {"who", "that", "which", "have", "has", "had", "not", "never", "been", "was", "were", "is",
                    "are", "который", "не", "был", "была", "были", "было"}  # fmt: skip
EXPLAINED_KEEP = {"только", "лишь", "only", "just", "где", "where", "с", "со", "with", "и", "and"}


def _explained_filter(text: str, fact: Table) -> str:
    """«только оплаченные счета (paid_at заполнен)», "only shipped orders (shipped_at is set)": the
    bracket says what the adjective means, so the adjective is not read as a second condition
    (a guessed status = 'paid'); only the spelled-out condition on the column stays."""
    chars = list(text)
    for match in _EXPLAINED.finditer(text):
        if fact.column(match.group(2)) is None:
            continue
        if ends_in_exception(text[: match.start(1)].lower() + match.group(1).lower()):
            continue  # «без возвращённых (status refunded)»: the rows left out, read by the filter rules
        start = match.start(1)
        said = list(re.finditer(r"\S+", match.group(1)))
        leads = [w for w in said[:-1] if w.group(0).lower() in EXPLAINED_KEEP]
        if leads:  # «только где указан страховой полис (…)»: the words after the last lead are explained
            start += leads[-1].end()
        elif len(said) > 2 and said[-1].group(0).lower() not in EXPLAINED_KEEP:
            start += said[-3].end()  # no lead: the two words right before the bracket, as before
        if len(said) == 2 and said[-1].group(0).lower() in ONLY_WORDS:
            before = re.search(r"([^\W\d_][\w-]*)\s+$", text[:start])
            if before is not None:  # "active staff only (fired_at empty)": the words the «only» closes
                start = before.start(1)
        while (  # "who have not been fired (fired_at is null)": the whole clause the bracket explains
            (before := re.search(r"(\S+)\s+$", text[:start])) is not None
            and before.group(1).lower() in EXPLAINED_CLAUSE
        ):
            start = before.start(1)
        for word in re.finditer(r"\S+", text[start : match.end(1)]):
            if word.group(0).lower() in EXPLAINED_KEEP or fact.column(word.group(0)) is not None:
                continue
            for k in range(start + word.start(), start + word.end()):
                chars[k] = " "
    return "".join(chars)


_BARE_NULL = re.compile(
    r"(?:\(\s*|\b(?:those\s+)?(?:with|where|whose)\s+"  # "only those where fired_at empty"
    # «только те, у кого fired_at пустой», «где insurance_policy не заполнен»: the lead says "the rows whose"
    r"|(?<![\w-])(?:(?:только|лишь)\s+)?(?:(?:те|тех|те,)\s*,?\s*)?(?:у\s+(?:кого|которых)|где|с)\s+"
    r"|,\s*)"  # "students per faculty, expelled_on not empty": a clause of its own after the list
    r"(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s+(?:is\s+|are\s+)?(?P<not>not\s+|non[\s-]?|не\s+)?"
    r"(?P<word>empty|null|blank|missing|set|filled|populated|пуст\w*|заполнен\w*|указан\w*|null)"
    r"(?![\w-])(?P<close>\s*\))?",
    re.IGNORECASE,
)
NULL_WORDS = ("empty", "null", "blank", "missing", "пуст")


def _bare_null_check(text: str, fact: Table) -> tuple[str, str | None]:
    """ "unpaid invoices (paid_at empty)", "employees with fired_at empty": a column of the fact and a null
    word with no "is" between them (the filter rules read "paid_at is empty") is that null check; the
    phrase is blanked so it is not read again. A column the fact lacks is left for the rules to ask about."""
    for match in _BARE_NULL.finditer(text):
        column = fact.column(match.group("col"))
        if column is None or (match.group(0).startswith("(") and not match.group("close")):
            continue
        missing = match.group("word").lower().startswith(NULL_WORDS) != bool(match.group("not"))
        from airflow_ai_etl.planning.filters import _null_check

        condition = _null_check(fact, column.name, missing, match.group("word").lower() == "null")
        begin = match.start()
        while (
            (  # "active staff only (fired_at empty)", «только где … (x не пустой)»: the lead words too
                lead := re.search(
                    r"(?<![\w-])(только|лишь|где|only|just|where)\s+$", text[:begin], re.IGNORECASE
                )
            )
            is not None
        ):
            begin = lead.start()
        blanked = text[:begin] + " " * (match.end() - begin) + text[match.end() :]
        return blanked, condition
    return text, None


def _blanked(text: str, ph: MartPhrase) -> str:
    spans = list(ph.blank)
    for i in ph.used:
        t = ph.tokens[i]
        spans.append((t.start, t.end))
    return _spans_blanked(text, spans)


def _spans_blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with every character of `spans` a space (offsets stay)."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            chars[k] = " "
    return "".join(chars)


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
            return table
    return _object_pair_table(ph, ground, m)  # "number of service requests": service_requests


def _dim_heads(ph: MartPhrase) -> list[Token]:
    heads = []
    for words in ph.dims:
        group = [ph.tokens[k] for k in words]
        heads.append(group[-1] if group[0].lang == "en" and len(group) > 1 else group[0])
    return heads


ORDER_LEVEL_RU = {"чек"}  # «средний чек»: the average of an order's total, not of its lines
ORDER_LEVEL_EN = {"basket", "aov"}
ORDER_NAME = "order"


REGISTER_COLUMNS = {"email", "phone", "full_name", "name", "login"}


def _register(table: Table) -> bool:
    """A register of people or things (leads, customers, doctors: a name or a contact column), not a
    log of events (badge passages, appointments): a bare mart of it does not say that rows are counted."""
    return any(c.name.lower() in REGISTER_COLUMNS for c in table.columns)


def _counts_times(tokens: Sequence[Token], m: MeasureWord) -> bool:
    """«сколько раз», "how many times", "number of times": the rows themselves are counted."""
    nxt = tokens[m.index + 1 : m.index + 3]
    return m.func == "count" and any(w.lemma == "раз" or w.lower == "times" for w in nxt)


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
    orders = [  # one money column, or the row's total among its parts (subtotal, discount, delivery_fee)
        t
        for t in ground.tables
        if stem(ORDER_NAME) in name_parts(t.name)
        and (len(_money_columns(t)) == 1 or _row_total(t) is not None)
    ]
    if len(orders) != 1 or orders[0] is fact or not _holds_dims(ph, ground, orders[0]):
        return fact
    return orders[0]


def _counted_head(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """The sentence opens with the fact table's own noun grouped by «по»/"per"/"by" ("Visits per
    diagnosis code, with the average duration", «Возвраты по причинам и сумма возвратов»): those rows
    are counted, and the measures named later are added to the count, not put in its place."""
    tokens = ph.tokens
    if len(tokens) < 2 or not ph.measures or 0 in ph.used:
        return False
    g = _after_head_event(tokens)  # "Policies signed per agent …, with the total sum insured": the count too
    if g >= len(tokens) or tokens[g].lower not in DIM_PREPS_RU | DIM_PREPS_EN:
        return False
    if ground.table_of(tokens[0]) is not fact or _is_measure(tokens[0]):
        return False
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and all(m.index > colon for m in ph.measures):
        return (
            False  # «Стипендии по группам: сумма …»: the head titles the mart, the measures follow the colon
        )
    bare = {m.index for m in ph.measures if not (m.object or m.column_ref or m.subject)}
    if all(_apposed_bare_measure(tokens, m, bare) for m in ph.measures):
        return False  # «Начисления по тарифам, сумма»: the one bare measure word says what of the head
    return all(m.index > g and not m.subject for m in ph.measures)


def _after_head_event(tokens: Sequence[Token]) -> int:
    """Where the grouping word stands after the opening noun and the participle naming its event: 1 in
    "Visits per code", 2 in "Policies signed per agent", 3 in «Договоры, подписанные по агентам»."""
    k = 2 if len(tokens) > 2 and tokens[1].text == "," and tokens[0].lang == "ru" else 1
    # "memberships sold per plan": any English participle not spelt with -ed names the event as well
    if k < len(tokens) and (_participle(tokens[k]) or tokens[k].lower in EN_IRREGULAR_PARTICIPLES):
        return k + 1
    return 1


PEOPLE_RU = {"человек", "люди", "персона"}
PEOPLE_EN = {"people", "persons", "person"}
RELATIVE_RU = {"который"}


# English past participles not spelt with -ed that name an event's time column ("paid" of paid_at).
IRREGULAR_PARTICIPLES_EN = {
    "paid",
    "sent",
    "taken",
    "done",
    "given",
    "written",
    "spent",
    "bought",
    "won",
    "sold",
}
# English participles of money coming in ("premium payments collected per week"): on a table with money they
# date the rows by their payment and, with no measure word, "collected" says the money is summed (how much).
MONEY_IN_EN = {"collected", "received"}
MONEY_SUMMED_EN = {"collected"}  # "payments received per day" may count them; "collected" is money


def _participle_en(token: Token) -> bool:
    """An English past participle ("closed", "sold")."""
    return token.lang == "en" and (token.lower.endswith("ed") or token.lower in IRREGULAR_PARTICIPLES_EN)


def _verb_times(token: Token) -> set[str]:
    """The time-column name parts a verb or participle names («уволено» -> fire, "hired" -> hire)."""
    if token.lang == "ru" and not any(p.pos in ("VERB", "INFN", "PRTF", "PRTS") for p in token.parses):
        return set()
    if (
        token.lang == "en"
        and not token.lower.endswith(("ed", "ing"))
        and token.lower not in IRREGULAR_PARTICIPLES_EN
    ):
        return set()
    parts = {p for p in [_time_word(token)] if p}
    parts |= {TIME_WORDS_ALSO[x] for x in token.lemmas if x in TIME_WORDS_ALSO}
    if token.lang == "en":
        parts.add(stem(token.lower))
    return parts


def _counts_people(ph: MartPhrase) -> bool:
    """«сколько человек …», "how many people …": the count's object is a people noun."""
    return any(
        m.func in ("count", "count_distinct")
        and m.object
        and _word(ph.tokens[m.object[0]], PEOPLE_RU, PEOPLE_EN)
        for m in ph.measures
    )


def _person_named(table: Table) -> bool:
    """A table whose rows are people: a full name column («ФИО …»)."""
    return any(c.name.lower() == "full_name" or "фио" in (c.comment or "").lower() for c in table.columns)


def _of_people(table: Table, ground: _Ground) -> bool:
    """Rows of people or of what people do (a register of people, or rows pointing at one: appointments of
    patients, dorm residents of students); counting "people" in any other table (vehicles) counts things."""
    if _person_named(table):
        return True
    referenced = {
        r.ref_table
        for r in relations_of(ground.planner.catalog, ground.conn_id)
        if r.joinable and r.table == table.qualified_name
    }
    return any(t.qualified_name in referenced and _person_named(t) for t in ground.tables)


def _people_count(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько человек уволено по отделам», "how many people were hired per month": «человек»/"people" name
    no table; the people are the rows of the one register (a table of people or things with a name) with a
    time column the verb names (fired_at), and that column is the grain's. No such verb: nothing is set
    (the fact is asked about)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or not m.object or not _word(tokens[m.object[0]], PEOPLE_RU, PEOPLE_EN):
            continue
        found: list[tuple[int, Table, Column]] = []
        for k, t in enumerate(tokens):
            if k in ph.used and k not in ph.grain_words and k not in m.object:
                continue  # "how many people were hired": the verb read as the count's object
            for part in _verb_times(t) or ({stem(t.lower)} if _after_do_support(tokens, k) else set()):
                for table in ground.tables:
                    if not _register(table):
                        continue
                    found += [(k, table, c) for c in _time_columns(table) if _part_match(part, c)]
        if len({(t.qualified_name, c.name) for _, t, c in found}) != 1:
            return
        k, table, column = found[0]
        ph.fact_hint = table
        ph.used.update({*m.object, k})
        m.object = []
        if ph.grain and not ph.grain_column and not ph.grain_words:
            ph.grain_column = column.name
        elif not ph.grain:  # «сколько человек уволено по отделам»: the people the event happened to
            ph.happened = column.name
        for j in (k + 1, k + 2):  # «принято на работу», «зачислено в вуз»: where to, not a slot
            if (
                j + 1 < len(tokens)
                and tokens[j].lower in ("на", "в")
                and tokens[j + 1].lemma in ("работа", "штат")
            ):
                ph.used.update({j, j + 1})
        return


DO_SUPPORT_EN = {"did", "do", "does"}
SUBJECT_PRONOUNS_EN = {"we", "they", "you", "i", "he", "she"}
SUBJECT_PRONOUNS_RU = {"мы", "они", "вы"}  # «сколько кредитов мы выдавали каждый месяц»


def _after_do_support(tokens: Sequence[Token], k: int) -> bool:
    """ "how many people did we hire": an English bare verb after do/did and its subject is the finite
    verb a participle would be ("were hired")."""
    return (
        k >= 2
        and tokens[k].lang == "en"
        and tokens[k - 2].lower in DO_SUPPORT_EN
        and tokens[k - 1].lower in SUBJECT_PRONOUNS_EN
    )


def _after_subject(tokens: Sequence[Token], k: int) -> bool:
    """ "how many loans we issue each week", «сколько кредитов мы выдавали каждый месяц»: a verb right after
    its subject pronoun is finite, the event the rows record (as "were issued"), not a refresh."""
    pronouns = SUBJECT_PRONOUNS_EN if tokens[k].lang == "en" else SUBJECT_PRONOUNS_RU
    return k >= 1 and tokens[k - 1].lower in pronouns


def _people_at_flagged_event(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько студентов присутствовало на занятиях», «сколько студентов не присутствовало»: a counted noun
    naming a register (students) followed by a verb that names the one boolean column of a table pointing
    at that register (attendance.present, 'Присутствовал на занятии') counts that table's rows: the verb is
    their flag (read later by _verb_flag, «не» making it false), and «на занятиях» after it names the same
    table, not a filter value. Any other verb leaves the register (and the rules that ask) alone."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        if m.func != "count" or not m.object or m.column_ref:
            continue
        negated = [k for k in m.object[1:] if tokens[k].lower == "не"]  # «студентов не присутствовало»
        if len(m.object) != 1 + len(negated) or negated not in ([], [m.object[0] + 1]):
            continue
        people = ground.table_of(tokens[m.object[0]])
        k = m.object[0] + 1 + (m.object[0] + 1 < n and tokens[m.object[0] + 1].lower == "не")
        if people is None or k >= n or k in ph.used or tokens[k].lang != "ru" or not tokens[k].parses:
            continue
        if tokens[k].parses[0].pos not in ("VERB", "PRTS", "PRTF"):
            continue
        events = [
            table
            for table in ground.tables
            if table is not people
            and _fk_column(table, people) is not None
            and [column_kind(c.type).family for c in ground.columns_named(table, [tokens[k]])] == ["bool"]
        ]
        if len(events) != 1:
            continue
        ph.fact_hint = events[0]
        ph.counted_entity = people  # the students are counted, the attendance rows say which
        ph.used.add(m.object[0])
        ph.used.difference_update(negated)  # «не» stays with the verb: _verb_flag reads it (present = false)
        m.object = []
        if (
            k + 2 < n
            and tokens[k + 1].lower in ("на", "в", "во")
            and ground.table_of(tokens[k + 2]) is events[0]
        ):
            ph.used.update({k + 1, k + 2})  # «на занятиях»: the event table's own noun
        return


def _participle_sum(ph: MartPhrase, ground: _Ground) -> None:
    """«Сколько скачано байт», «сколько затронуто домохозяйств», «Сколько начислено зарплаты»: «сколько»
    before a participle that a numeric column's comment says ('Скачано байт', 'Начислено') asks for the
    sum of that column, not for a count of rows (the one such column of the request's tables)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in ph.measures:
        if m.func == "count" and not m.column_ref and tokens[m.index].lemma == "сколько":
            _counted_noun_participle(ph, ground, m)  # «сколько байт отправлено»: the other word order
        if (
            m.func != "count"
            or m.object
            or m.column_ref
            or m.index + 1 >= n
            or tokens[m.index].lemma != "сколько"
        ):
            continue
        word = tokens[m.index + 1]
        if word.lang != "ru" or not any(p.pos in ("PRTS", "PRTF") for p in word.parses[:1]):
            continue
        tables = [ph.fact_hint] if ph.fact_hint is not None else ground.tables
        found = [(t, c) for t in tables for c in _numeric_columns(t) if _comment_names(c, word)]
        if len(found) != 1:
            continue
        table, column = found[0]
        m.func, m.column_ref = "sum", column.name
        ph.fact_hint = table
        ph.used.add(m.index + 1)
        k = m.index + 2
        if (
            k < n
            and tokens[k].lang == "ru"
            and (_comment_names(column, tokens[k]) or ground.table_of(tokens[k]) is table)
        ):
            ph.used.add(k)  # «байт» ('Скачано байт'), «зарплаты» (the payslips' own word)
        return


def _drop_repeated_bare(ph: MartPhrase) -> None:
    """«Витрина ФОТ: сумма начисленной зарплаты»: a bare measure word repeated by one that says of what."""
    ph.measures = [
        m
        for m in ph.measures
        if m.object
        or m.column_ref
        or _counts_times(ph.tokens, m)  # «сколько раз заправлялась … и сколько литров»: two measures
        or m.units  # "gross sales + units sold": the quantity's sum is no repeat of the money's
        or not any(
            o is not m and o.func == m.func and (o.object or o.column_ref) and not o.subject
            for o in ph.measures
        )
    ]


def _counted_noun_participle(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> None:
    """«сколько байт отправлено по APN»: «сколько», one noun and a participle after it that together spell a
    numeric column's comment ('Отправлено байт') ask for the sum of that column, never a count of rows."""
    tokens = ph.tokens
    if len(m.object) != 1 or m.object[0] + 1 >= len(tokens):
        return
    noun, word = tokens[m.object[0]], tokens[m.object[0] + 1]
    # «сколько мест продали» says 'Продано мест' with the finite verb («продали»), as «мест продано» does
    if word.lang != "ru" or not any(p.pos in ("PRTS", "PRTF", "VERB") for p in word.parses[:1]):
        return
    tables = [ph.fact_hint] if ph.fact_hint is not None else ground.tables
    found = [
        (t, c)
        for t in tables
        for c in _numeric_columns(t)
        if _comment_names(c, word) and _comment_names(c, noun)
    ]
    if len(found) != 1:
        return
    table, column = found[0]
    ph.used.update({m.object[0], m.object[0] + 1})
    m.func, m.column_ref, m.object = "sum", column.name, []
    ph.fact_hint = table


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
    index of the complement's noun."""
    first = tokens[i]
    if first.lang != "ru" or not first.has(first.lemmas, pos=("NOUN",)) or i + 2 >= len(tokens):
        return None
    prep = tokens[i + 1]
    if prep.lang != "ru" or not prep.parses or prep.parses[0].pos != "PREP":
        return None
    table = ground.table_of(first)
    if table is None or not table.comment:
        return None
    said = _comment_lemmas(table.comment)
    if prep.lower not in {w.lower() for w in _comment_words(table.comment)} or not first.lemmas & said:
        return None
    k = i + 2
    while k < len(tokens) - 1 and tokens[k].lang == "ru" and tokens[k].has(tokens[k].lemmas, pos=("ADJF",)):
        k += 1
    noun = tokens[k]
    if noun.lang != "ru" or not noun.has(noun.lemmas, pos=("NOUN",)) or not noun.lemmas & said:
        return None
    return table, k


def _via_comment_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """«уникальных сотрудников через турникеты» of badge_events ('Проходы через турникеты'): a Russian «через»
    phrase that one table's comment says with that same preposition names the rows the people are counted
    over, not a table to join through («выручка по регионам через заказы»: no comment says «через заказы»)."""
    tokens = ph.tokens
    found: list[Table] = []
    for k in ph.via:
        noun = tokens[k]
        if noun.lang == "ru":
            via, words = tokens[k - 1].lemmas, noun.lemmas
            found += [
                t
                for t in ground.tables
                if t.comment and via & (said := _comment_lemmas(t.comment)) and words & said
            ]
        elif noun.lang == "en" and (nouns := comment_jargon(noun.lower)):
            # "through the turnstiles": the English noun a Russian comment says after its own «через»
            found += [
                t
                for t in ground.tables
                if t.comment
                and "через" in (said := _comment_lemmas(t.comment))
                and nouns & {stem(w) for w in said}
            ]
    return list(dict.fromkeys(found))


def _joined_words(ph: MartPhrase, m: MeasureWord) -> dict[str, tuple[int, int]]:
    """The snake_case names two English words of a measure's object make ("interest rate": interest_rate),
    with their indexes; the second word may be one no rule read (a table's noun, "rate", drops from it). The
    measure word itself may start the name before a participle ("sum insured": sum_insured, whose "insured"
    names no table; not "total amount charged", whose total_amount is another table's)."""
    tokens, n = ph.tokens, len(ph.tokens)
    cue = [m.index] if m.index + 1 < n and tokens[m.index + 1].lower.endswith("ed") else []
    starts = dict.fromkeys([*cue, *m.object])
    return {
        f"{tokens[a].lower}_{tokens[a + 1].lower}": (a, a + 1)
        for a in starts
        if a + 1 < n
        and (a + 1 in m.object or a + 1 not in ph.used)
        and tokens[a].lang == "en"
        and tokens[a + 1].lang == "en"
    }


def _joined_words_column_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """ "average interest rate": two words of a measure's object naming a column when joined (interest_rate)
    name its table, whatever table the last word alone names (currency_rates)."""
    names = {name for m in ph.measures for name in _joined_words(ph, m)}
    return list(dict.fromkeys(t for t in ground.tables for name in names if t.column(name)))


def _joined_words_column(ph: MartPhrase, fact: Table, m: MeasureWord) -> str | None:
    """The numeric column of the fact two words of the measure's object name when joined ("debt amount")."""
    for name, indexes in _joined_words(ph, m).items():
        column = fact.column(name)
        if column is not None and column_kind(column.type).numeric:
            ph.used.update(indexes)
            return column.name
    return None


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
    lead_word = next((t for t in tokens if t.lang != "punct"), None)
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


def _leading_words_name_column(tokens: Sequence[Token], fact: Table) -> str | None:
    """The English words opening the request ("Cooked orders per kitchen station") up to the first "per"/"by"
    are every part of one numeric column's name in any order (orders_cooked), so that column is summed
    rather than the fact's rows counted. Needs two words or more and exactly one such column."""
    lead: list[Token] = []
    for t in tokens:
        if t.lower in DIM_PREPS_EN or t.lang == "punct":
            break
        if t.lang != "en":
            return None
        lead.append(t)
    if len(lead) < 2 or len(lead) == len(tokens):
        return None
    said = sorted(stem(t.lower) for t in lead)
    found = [
        c.name for c in _numeric_columns(fact) if not _key_name(c.name) and sorted(name_parts(c.name)) == said
    ]
    return found[0] if len(found) == 1 else None


def _genitive_spells_none(
    ground: _Ground, fact: Table, tokens: Sequence[Token], m: MeasureWord
) -> list[Column]:
    """The numeric columns whose comments all carry the measure noun («оценка»: 'Общая оценка', 'Оценка еды')
    when the genitive right after that noun («оценка обслуживания») is no table's noun and no word of any
    comment of the fact: the request names a kind of that measure the fact does not hold. Empty when
    fewer than two columns carry the noun (one column is then what the noun means)."""
    said = [m.index, *m.object]
    for a, b in zip(said, said[1:], strict=False):
        head, genitive = tokens[a], tokens[b]
        if (
            b != a + 1
            or head.lang != "ru"
            or not any(p.pos == "NOUN" for p in head.parses)
            or not any(p.pos == "NOUN" and p.case == "gent" for p in genitive.parses)
            or ground.table_of(genitive) is not None
            or any(_comment_names(c, genitive) for c in fact.columns)
        ):
            continue
        numeric = _numeric_names(fact)
        carrying = [
            c
            for c in fact.columns
            if c.comment and c.name in numeric and head.lemmas & _comment_lemmas(c.comment.split(",")[0])
        ]
        if len(carrying) > 1:
            return carrying
    return []


def _spelled_by_genitive(table: Table, tokens: Sequence[Token], m: MeasureWord) -> list[Column]:
    """The numeric columns of `table` whose whole comment (unit tail after a comma left out) the measure noun
    and the genitive right after it spell by lemma, in that order: «оценка еды» of 'Оценка еды', «стоимость
    ремонта» of 'Стоимость ремонта, руб.'. A comment of one word, or a noun with no genitive after it,
    spells nothing here (the other rules read those)."""
    said = [m.index, *m.object]  # «оценка еды» after «средняя»: the noun may be the cue or its object
    pairs = [
        (tokens[a], tokens[b])
        for a, b in zip(said, said[1:], strict=False)
        if b == a + 1
        and tokens[a].lang == "ru"
        and any(p.pos == "NOUN" for p in tokens[a].parses)
        and any(p.pos == "NOUN" and p.case == "gent" for p in tokens[b].parses)
    ]
    numeric = _numeric_names(table)
    found = []
    for c in table.columns:
        if not pairs or not c.comment or c.name not in numeric:
            continue
        words = [t for t in tokenize(c.comment.split(",")[0]) if t.lang != "punct"]
        if len(words) == 2 and any(
            words[0].lemmas & head.lemmas and words[1].lemmas & genitive.lemmas for head, genitive in pairs
        ):
            found.append(c)
    return found


def _spelled_columns(table: Table, words: Sequence[Token]) -> list[Column]:
    """The numeric columns of `table` whose whole comment, of two words or more, the words say by lemma
    ('Страховая премия', 'Заявленная сумма')."""
    said = {lemma for w in words for lemma in w.lemmas}
    numeric = _numeric_names(table)
    return [
        c
        for c in table.columns
        if c.comment
        and c.name in numeric
        and len(lemmas := _comment_lemmas(c.comment)) >= 2
        and lemmas <= said
    ]


def _comment_head_words(column: Column) -> list[Token]:
    """The words of a column's comment before its unit or gloss ('Заряд батареи в конце, %': заряд, батареи,
    в, конце)."""
    head = re.split(r"[,(;]", column.comment or "", maxsplit=1)[0]
    return [t for t in tokenize(head) if t.lang in ("ru", "en")]


def _comment_word(column: Column, word: Token) -> bool:
    """The word is one of the column comment's words, in any form («зарядок» of 'Стоимость зарядки')."""
    return any(t.lemmas & word.lemmas or t.lower == word.lower for t in _comment_head_words(column))


def _says_comment(column: Column, words: Sequence[Token]) -> bool:
    """The words say every word of the column's comment (two words or more) in some form: «стоимость
    зарядок» says 'Стоимость зарядки, руб.', «заряд батареи в конце» says 'Заряд батареи в конце, %'."""
    own = _comment_head_words(column)
    return len(own) >= 2 and all(any(t.lemmas & w.lemmas or t.lower == w.lower for w in words) for t in own)


PLACE_PREPS = {"в", "во", "на", "при", "at", "in", "on"}


def _placed_comment_column(
    ph: MartPhrase, fact: Table, m: MeasureWord, object_words: Sequence[Token]
) -> Column | None:
    """«средний заряд батареи в начале зарядки»: the measured noun and the place phrase after it («в начале»,
    «в конце») say the whole comment of one numeric column (start_soc 'Заряд батареи в начале, %', not
    end_soc); the phrase's words are read, and a genitive after it naming the fact («зарядки») too."""
    tokens = ph.tokens
    end = max([m.index, *m.object]) + 1
    if not object_words or end + 1 >= len(tokens) or tokens[end].lower not in PLACE_PREPS:
        return None
    phrase = [end, end + 1]
    numeric = [c for c in fact.columns if c.name in _numeric_names(fact)]
    found = [
        c for c in numeric if _says_comment(c, [tokens[m.index], *object_words, tokens[end], tokens[end + 1]])
    ]
    if len(found) != 1 or not _comment_word(found[0], tokens[end + 1]):
        return None
    if (
        end + 2 < len(tokens)
        and tokens[end + 2].lang == "ru"
        and tokens[end + 2].has(tokens[end + 2].lemmas, case=("gent",))
    ):
        if _describes(tokens[end + 2], fact):
            phrase.append(end + 2)  # «в конце зарядки» of 'Сессии зарядки': the fact's own noun
    ph.used.update(phrase)
    return found[0]


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


MONEY_NOUNS_RU = {"деньги", "деньга", "расход", "расходы", "затраты", "траты", "стоимость", "оплата"}
MONEY_NOUNS_EN = {"spend", "spending", "spent", "cost", "costs", "money", "expenses", "pay", "paid", "payout",
                  "payouts"}  # fmt: skip
PRICE_RU = {"цена", "стоимость"}
TARIFF_RU = {"тариф"}  # a price in a column's comment ('Базовый тариф за ночь'), no money word of a request
PRICE_EN = {"price", "cost", "costs"}
SPEND_EN = MONEY_NOUNS_EN - {"pay", "paid"}  # "fuel spend" names the amount; "paid orders" is a state


def _subject_measure(ph: MartPhrase, ground: _Ground, listed_only: bool = False) -> None:
    """No measure word, but the words before «по»/"by"/"per" name numeric columns: "Hours worked per
    project", "Invoice amount by diagnosis", «Отработанные часы по проектам», «литры и деньги по госномеру»,
    "gross and net pay per month" -> the sum of each (a count needs a counted noun: "Visits per doctor").
    A participle next to the column's word ("worked", «отработанные») only describes it; a money word
    («деньги», "spend") is the one money column of that table the other words did not name."""
    tokens = ph.tokens
    end = next((i for i, t in enumerate(tokens) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN), None)
    if end is None:
        return
    titled = _title_nouns(tokens)
    # "Refuels per vehicle model monthly: liters": the words after a colon past the grouping name the measure
    colon = max((i for i, t in enumerate(tokens) if t.text == ":"), default=-1)
    tail = list(range(colon + 1, len(tokens))) if colon > end and not listed_only else []
    if listed_only:  # "…: count and households affected": a word after «и»/"and" right after a measure word
        ends = {m.object[-1] if m.object else m.index for m in ph.measures}
        listed = [
            k
            for k in range(end + 1, len(tokens))
            if tokens[k - 1].lower in ("и", "and", "&") and k - 2 in ends
        ]
        tail = sorted(
            {j for k in listed for j in (k, k + 1) if j == k or (j < len(tokens) and _participle(tokens[j]))}
        )
    subject = [
        k for k in [*range(end), *tail]
        if k not in ph.used and tokens[k].lang in ("ru", "en")
        and not any(a <= tokens[k].start < b for a, b in ph.schedule_spans)  # «каждые 5 минут»: the schedule
        and not _comparison_follows(tokens, k)  # «с суммой свыше 2000», "with distance over 200": a filter
        and not (k > 0 and tokens[k - 1].lower in FILTER_CUES)  # and "where the refund is at least 1000":
        and not (k > 1 and tokens[k - 1].lower in ("the", "a") and tokens[k - 2].lower in FILTER_CUES)
    ]  # fmt: skip
    if listed_only:  # measures named already: only a column word listed with one of them is another
        cues = {k for m in ph.measures for k in (m.index, *m.object)}
        subject = [
            k for k in subject
            if any(0 <= j < len(tokens) and tokens[j].lower in LIST_JOINERS and cues & {j - 1, j + 1}
                   for j in (k - 1, k + 1))
        ]  # fmt: skip
    named_tables = {t.qualified_name for k in subject if (t := ground.table_of(tokens[k])) is not None}
    # "kwh consumption … from telemetry": the table named after «из»/"from" holds the column words
    named_tables |= {t.qualified_name for k in ph.sources if (t := ground.table_of(tokens[k])) is not None}
    found: list[tuple[int, Table, Column]] = []
    qualifiers = set()  # «Премии» of premium_payments ('Платежи страховой премии'): maybe policies.premium
    for k in subject:
        if (named := ground.table_of(tokens[k])) is not None:
            if not _qualifies_comment_only(ground, named, tokens[k]):
                continue
            qualifiers.add(k)
        # "Tickets sold per hall type": a participle right after a table's noun is what happened to its rows
        # (the grain's event), no column of another table (screenings.seats_sold)
        owner = ground.table_of(tokens[k - 1]) if k > 0 and _participle_en(tokens[k]) else None
        for table in ground.tables:
            if owner is not None and table is not owner:
                continue
            for c in ground.columns_named(table, [tokens[k]]):
                if c.name in _numeric_names(table):
                    found.append((k, table, c))
    if named_tables:
        found = [f for f in found if f[1].qualified_name in named_tables] or found
    said = [tokens[k] for k in subject]  # «Стоимость зарядок по …»: the whole of 'Стоимость зарядки, руб.'
    whole = [
        (t, c)
        for t in ground.tables
        for c in t.columns
        if c.name in _numeric_names(t) and _says_comment(c, said)
    ]
    if len(whole) == 1 and not ph.measures:
        spelled_table, spelled = whole[0]
        found = [(k, spelled_table, spelled) for k in subject if _comment_word(spelled, tokens[k])]
    coverage: dict[tuple[str, str], set[int]] = {}
    for k, t, c in found:
        coverage.setdefault((t.qualified_name, c.name), set()).add(k)
    best = max((len(v) for v in coverage.values()), default=0)
    tops = [key for key, v in coverage.items() if len(v) == best]
    if best >= 2 and len(tops) == 1:  # "Refund amount": returns.refund_amount, not fuel_cards.amount
        found = [f for f in found if f[1].qualified_name == tops[0][0]]
    if not found and not ph.measures and (spent := _table_money_word(ph, ground, subject)) is not None:
        k, column = spent  # "fuel spend per vehicle": the one money column of the table the word before names
        ph.measures.append(MeasureWord("sum", k, column_ref=column, subject=True))
        ph.used.update({k - 1, k})
        return
    tables = {t.qualified_name for _, t, _ in found}
    if len(tables) > 1:  # «Пробег по курьерам»: routes.distance_km (it reaches couriers), not vehicles'
        holding = [f for f in found if _holds_dims(ph, ground, f[1])]
        if len({t.qualified_name for _, t, _ in holding}) == 1:
            found, tables = holding, {holding[0][1].qualified_name}
    if len(tables) != 1:
        return
    table = found[0][1]
    columns = list(dict.fromkeys(c.name for _, _, c in found))
    if (
        len(columns) > 1
        and any(k in titled for k, _, _ in found)
        and not all(k in titled for k, _, _ in found)
    ):
        found = [f for f in found if f[0] not in titled]  # «Часы по отделам: ...»: the title is not a second
        columns = list(dict.fromkeys(c.name for _, _, c in found))
    by_word: dict[int, str] = {}
    for k, _, c in found:
        by_word.setdefault(k, c.name)
    if len(set(by_word.values())) != len(by_word) and len(columns) > 1:
        return  # one word naming two columns: asked later
    money = [
        k
        for k in subject
        if k not in by_word
        and _word(tokens[k], MONEY_NOUNS_RU | MONEY_RU, MONEY_NOUNS_EN | MONEY_EN)
        and (not by_word or _listed(tokens, k))
    ]  # fmt: skip  (a money word next to a column word qualifies it: "gross and net pay")
    for k in money:
        left = [c for c in _money_columns(table) if c.name not in by_word.values() and _money_name(c)]
        if len(left) != 1:
            return
        by_word[k] = left[0].name
    for k in sorted(by_word):
        if by_word[k] in [m.column_ref for m in ph.measures]:
            ph.used.add(k)
            continue
        func = _carried_func(ph, k) if listed_only else "sum"  # «среднее кол-во взрослых и детей»: avg
        ph.measures.append(MeasureWord(func, k, column_ref=by_word[k], subject=True))
        ph.used.add(k)
        for j in (k - 1, k + 1):  # «Отработанные часы»: both words name hours ('Отработано часов')
            if 0 <= j < len(tokens) and j not in ph.used and j in subject and _participle(tokens[j]):
                ph.used.add(j)
    for k, _, _ in found:
        ph.used.add(k)
    if qualifiers & set(by_word) and ph.fact_hint is None:
        ph.fact_hint = table  # the column's rows, not the ones whose comment the word only qualifies
    money_word = MONEY_NOUNS_RU | MONEY_RU, MONEY_NOUNS_EN | MONEY_EN
    for k in subject:  # "gross and net pay": a money word right after the columns' words qualifies them
        if k - 1 in by_word and k not in by_word and _word(tokens[k], *money_word):
            ph.used.add(k)
        if k - 1 in by_word and k not in by_word and _word(tokens[k], AMOUNT_NOUNS_RU, AMOUNT_NOUNS_EN):
            ph.used.add(k)  # "kwh consumption", «литры расход»: the column's word says what is measured
        bracketed = k + 3 < len(tokens) and tokens[k + 1].text == "(" and tokens[k + 3].text == ")"
        if bracketed and k + 2 in by_word and k not in by_word and _word(tokens[k], *money_word):
            ph.used.add(k)  # "payroll cost (gross)": the bracket names the column the money word means


CARRIED_FUNCS = ("avg", "min", "max", "sum")


def _carried_func(ph: MartPhrase, k: int) -> str:
    """The aggregate of a column word listed after a measure: «среднее кол-во взрослых и детей», "average
    distance and duration", «максимальное число взрослых и детей» carry the first measure's aggregate over
    «и»/"and" to the noun after it, in English and when, in Russian, the noun stands in the case of the
    measured noun before «и» (both genitive after «кол-во», both nominative). Otherwise a sum, as a column
    word alone is read."""
    tokens = ph.tokens
    if k < 2 or tokens[k - 1].lower not in ("и", "and"):
        return "sum"
    before = [m for m in ph.measures if (m.object[-1] if m.object else m.index) == k - 2]
    if len(before) != 1 or before[0].func not in CARRIED_FUNCS:
        return "sum"
    previous, word = tokens[k - 2], tokens[k]
    if word.lang == "en" and previous.lang == "en":
        return before[0].func
    cases = {p.case for p in previous.parses if p.case} & {p.case for p in word.parses if p.case}
    return before[0].func if word.lang == "ru" and before[0].object and cases else "sum"


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


def _word_of_column(column: Column, token: Token) -> bool:
    """The word is the column's own: its name ("miles", "premiums") or its comment's head noun («премий» of
    'Страховая премия'), or the noun after a head that only counts («мили» of 'Количество миль'). A word
    merely qualifying the head («звонков» of 'Длительность звонка') or a glossary synonym («зарплата» of
    salary 'Оклад': payslips 'начисленная зарплата' may be meant) is not."""
    if set(name_parts(column.name)) <= {stem(token.lower)}:
        return True
    head = _comment_head(column.comment or "")
    if head is None or not _comment_names(column, token):
        return False
    said = {stem(lemma) for lemma in token.lemmas} | {stem(token.lower)}
    return head in said or head in _COUNTING_HEADS


_COUNTING_HEADS = frozenset(stem(w) for w in COUNT_RU | SUM_FUNCTION_RU | GENERIC_VALUE_RU)


def _names_by_qualifier(ground: _Ground, table: Table, token: Token) -> bool:
    """The word names the table only by a qualifier: of its comment's head in Russian («премий» of 'Платежи
    страховой премии'), of its name's last part in English ("premiums" of premium_payments). A word the
    comment gives in brackets as another name of the rows («взносы» of '… (взносы)') names the rows."""
    if token.lang == "en":
        parts = name_parts(table.name)
        return len(parts) > 1 and parts[-1] not in ground.meanings(token.lower)
    bracketed = " ".join(re.findall(r"\(([^()]*)\)", table.comment or ""))
    return _qualifies_comment_only(ground, table, token) and not token.lemmas & _comment_lemmas(bracketed)


def _qualifies_comment_only(ground: _Ground, table: Table, token: Token) -> bool:
    """«Премии» of billing.premium_payments ('Платежи страховой премии'): a Russian word naming a table only
    as a qualifier of its comment's head noun (the payments of the premium), not by the head nor by the
    name's last part: the rows are the head's, so the word may still be a numeric column of another table
    (policies.premium 'Страховая премия')."""
    head = _comment_head(table.comment or "")
    if token.lang != "ru" or head is None:
        return False
    said = {stem(lemma) for lemma in token.lemmas} | {stem(token.lower)}
    return head not in said and name_parts(table.name)[-1] not in ground.meanings(token.lower)


def _listed(tokens: Sequence[Token], k: int) -> bool:
    """The word is an item of a list: «литры и деньги», "spend and liters" (a joiner next to it)."""
    return any(0 <= j < len(tokens) and tokens[j].lower in LIST_JOINERS for j in (k - 1, k + 1))


MONEY_NAME_PARTS = {"amount", "total", "price", "sum", "cost", "valu", "salari", "gross", "net", "pay",
                    "paid", "revenu", "fee", "charg", "refund", "spend", "premium"}  # fmt: skip


# English kind words a rating or score column is said with ("hotel star rating": hotels.stars 'Звёздность').
RATING_WORDS_EN = frozenset({"rating", "score"})


def _rated_column(ground: _Ground, owner: Table, head: Token, qualifier: list[Token]) -> list[Column]:
    """ "hotel star rating": "rating" after a word naming a rate or score column of the owner (stars,
    'Звёздность (1-5)') is that column's own kind, so the column it names ([] otherwise)."""
    if head.lang != "en" or head.lower not in RATING_WORDS_EN or not qualifier or qualifier[-1].lang != "en":
        return []
    rated = [c for c in ground.columns_named(owner, [qualifier[-1]]) if _rate_column(c)]
    return rated if len(rated) == 1 else []


def _rate_column(column: Column) -> bool:
    """A rate, share or score (interest_rate, score, rating, stars): its comment says so when it has one
    (base_rate «Базовый тариф за ночь» is a price), its name otherwise; a money column never is one."""
    if not column_kind(column.type).numeric:
        return False
    if _unit_price(column):
        return True  # price_per_kwh 'Цена за кВт·ч, руб.': money per a unit of quantity, a rate
    if _money_name(column):
        return False
    if not column.comment:
        return bool(set(name_parts(column.name)) & RATE_NAME_PARTS)
    words = re.findall(r"\w+", column.comment.lower())
    if _exchange_rate_comment(words):
        return True  # «Курс к рублю»: the rouble is what the rate is quoted in, not money summed
    if any("руб" in w for w in words):
        return False  # «Начисленные проценты, руб.»: money paid as interest, summed
    return "%" in column.comment or any(w.startswith(RATE_COMMENT_PREFIXES) for w in words)


_PER_UNIT_WORD = re.compile(r"(?:\bза|\bper|_per)[\s_]+([^\W\d_]+)")


def _unit_price(column: Column) -> bool:
    """A money column quoted per a unit of quantity, by its comment («Цена за кВт·ч») or its name
    (price_per_kwh): adding such prices up over rows means nothing, as a sum of rates does."""
    if not _money_name(column):
        return False
    said = [
        m.group(1).lower()
        for text in (column.comment or "", column.name)
        for m in _PER_UNIT_WORD.finditer(text)
    ]
    return any(w.startswith(QUANTITY_UNIT_PREFIXES) for w in said)


def _exchange_rate_comment(words: Sequence[str]) -> bool:
    """«Курс к рублю», «Обменный курс валюты»: «курс» with a currency word is an exchange rate; «Курс
    обучения» (a year of study) is not."""
    return any(w.startswith(EXCHANGE_RATE_COMMENT_PREFIXES) for w in words) and any(
        w.startswith(CURRENCY_COMMENT_PREFIXES) for w in words
    )


def _summed_rate(measures: Sequence[dict[str, Any]], fact: Table) -> str | None:
    """The rate or score column a measure sums: adding up rates or scores means nothing, so it is asked."""
    for m in measures:
        column = fact.column(m["column"]) if m.get("func") == "sum" and m.get("column") else None
        if column is not None and _rate_column(column):
            return column.name
    return None


def _money_name(column: Column) -> bool:
    """A decimal column whose name says money (amount, total, price...), not liters or kilograms."""
    return bool(set(name_parts(column.name)) & MONEY_NAME_PARTS)


# Words for the money a row brings in as a whole: with several money columns, the row's total is meant.
REVENUE_RU = {"выручка", "чек", "оборот", "gmv"}
REVENUE_EN = {"revenue", "turnover", "gmv", "basket", "aov"}


CHECK_NAME_PARTS = frozenset({"total", "amount", "sum", "order", "check", "bill", "gross", "price", "paid"})


def _check_column(table: Table, column: Column) -> bool:
    """A money column «чек» may name: the row's total, or one named only as an amount or a total (amount,
    total_amount), never a part of it or a money of its own (tip_amount, delivery_fee, discount)."""
    return column is _row_total(table) or set(name_parts(column.name)) <= CHECK_NAME_PARTS


def _part_of_row_total(table: Table, column: Column) -> bool:
    """A money column beside the row's total that is not it (subtotal 'Сумма позиций' beside total 'Итого к
    оплате'): a plain «сумма» naming it by its comment's word may mean either."""
    total = _row_total(table)
    return total is not None and column is not total and column in _money_columns(table)


def _row_total(table: Table) -> Column | None:
    """The one money column that is the row's total (total, total_amount, 'Итого к оплате', 'Итоговая
    сумма'), when a table keeps its parts beside it (subtotal, discount, delivery_fee; labor and parts)."""
    totals = [
        c
        for c in _money_columns(table)
        if "total" in c.name.lower().split("_") or _comment_lemmas(c.comment or "") & {"итого", "итоговый"}
    ]
    return totals[0] if len(totals) == 1 else None


def _numeric_names(table: Table) -> set[str]:
    return {c.name for c in _numeric_columns(table)}


def _participle(token: Token) -> bool:
    if token.lang == "ru":
        return any(p.pos in ("PRTF", "PRTS") for p in token.parses[:1])
    return token.lang == "en" and token.lower.endswith("ed") and len(token.lower) > 4


SOLD_LEMMAS = {"продать", "проданный", "продавать"}


def _own_rows_after_measure(
    ph: MartPhrase, ground: _Ground, fact: Table
) -> list[tuple[MeasureWord, list[int], bool]]:
    """Each «по <the fact's own noun>» right after measure words that name a numeric column of the fact: the
    measure, the group and whether another dimension follows it («… по полисам по продуктам»). The group says
    whose measure it is (the policies' premium), as marts36 reads it of another table, so it is no dimension
    (it grouped by sum_insured, which «полис» ~ "insurance" reached). A coordinated
    list («по складам и категориям») is dimensions still, and so is a noun that also names a text column of
    the fact («по складам»: warehouse; «по номерам» of rooms: room_number)."""
    tokens, found = ph.tokens, []
    for m in ph.measures:
        # «сумма по строкам по препаратам» of receipt_lines: a bare «сумма» is the lines' own 'Сумма строки'
        bare = [tokens[m.index]] if m.func == "sum" and not m.column_ref else []
        words = [tokens[k] for k in m.object] or bare
        if not words or not any(c.name in _numeric_names(fact) for c in ground.columns_named(fact, words)):
            continue
        last = max([m.index, *m.object])
        group = [last + 2]
        if group not in ph.dims or ground.table_of(tokens[last + 2]) is not fact:
            continue
        followed = ph.dims[-1] != group  # another dimension after it («… по полисам по продуктам»)
        if len(ph.dims) > 1 and not followed:
            continue
        if last + 3 < len(tokens) and tokens[last + 3].lower in LIST_JOINERS | {","}:
            continue  # «суммарный остаток по складам и категориям»: a list of dimensions (warehouse)
        named = ground.columns_named(fact, [tokens[last + 2]])
        if any(c.name not in _numeric_names(fact) and not (followed and _row_label(c)) for c in named):
            continue  # «по складам» of inventory: the warehouse column too, a dimension whatever follows
        found.append((m, group, followed))
    return found


def _sum_per_own_rows(
    ph: MartPhrase, ground: _Ground, fact: Table, own_rows: list[tuple[MeasureWord, list[int], bool]]
) -> tuple[str, list[str]] | None:
    """«сумма абонентской платы по тарифам», "total monthly fee by tariff": a sum of the fact's column «по
    <the fact's own noun>» and nothing after it is one total over every tariff (the source, marts40) or one
    per tariff over the rows that reference it (each subscriber's fee, the premiums paid per policy); when a
    table references the fact both readings exist, so the words and those tables, to ask. An average, min or
    max is the source's (per row it would be each row's own value), so is a sum with a dimension after it."""
    for m, group, followed in own_rows:
        if m.func != "sum" or followed:
            continue
        if referrers := _referring_tables(ground, fact):
            words = " ".join(ph.tokens[k].text for k in [m.index, *m.object, group[0] - 1, *group])
            return words, [t.name for t in referrers]
    return None


def _referring_tables(ground: _Ground, table: Table) -> list[Table]:
    """The other tables of the connection whose rows refer to `table`'s rows by a key (subscribers of a
    tariff, tickets of a passenger)."""
    referring = {
        r.table
        for r in relations_of(ground.planner.catalog, ground.conn_id)
        if r.joinable and r.ref_table == table.qualified_name and r.table != table.qualified_name
    }
    return [t for t in ground.tables if t.qualified_name in referring]


def _row_label(column: Column) -> bool:
    """A column that labels each row (room_number 'Номер комнаты', a code or a name): «средний тариф по
    номерам по типам» groups the rooms by type, never room by room and then by type."""
    from airflow_ai_etl.planning.offline import GENERIC_COLUMN_PARTS

    return bool(set(column.name.lower().split("_")) & (GENERIC_COLUMN_PARTS - {"id"}))


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
        first, after = group[0], group[-1] + 1
        if first < 2 or after >= len(tokens) or tokens[after].text not in (":", "—", "–", "-"):
            continue
        title = _word(tokens[first - 2], TITLE_RU | TRIGGER_RU, TITLE_EN | TRIGGER_EN)  # «Витрина по …:» too
        if tokens[first - 1].lower not in TITLE_LINKS or not title:
            continue
        if all(_titles_fact(ground, tokens[k], fact) for k in group):
            ph.dims.remove(group)


def _titles_fact(ground: _Ground, word: Token, fact: Table) -> bool:
    """The title's word names the fact table: by itself, or, naming no one table, as a word of the fact's
    comment («Витрина по приёмам:» of appointments 'Записи на приём', which invoices 'Счета за приём' and
    treatments share; marts85: it grouped by is_emergency 'Экстренный приём')."""
    named = ground.table_of(word)
    if named is fact:
        return True
    if word.lang == "ru":
        return named is None and bool(word.lemmas & _comment_lemmas(fact.comment or ""))
    return named is None and _describes(word, fact)


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


def _groups_after(ph: MartPhrase, colon: int) -> bool:
    """The body after the colon groups by something of its own: a dimension, a grain noun or adverb."""
    if any(group[0] > colon for group in ph.dims):
        return True
    body = ph.tokens[colon + 1 :]
    return any(_grain_noun(t) or t.lower in GRAIN_ADVERBS_RU or _en(t, GRAIN_ADVERBS_EN) for t in body)


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


def _holds_dims(ph: MartPhrase, ground: _Ground, table: Table, direct: bool = False) -> bool:
    """Every dimension word names a column of `table` (or, unless `direct`, of a table it reaches)."""
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    pool = [table] if direct else [table, *_reachable(table, relations, ground.tables)]
    for head in _dim_heads(ph):
        if not any(t.column(head.text) or ground.columns_named(t, [head]) for t in pool):
            return False
    return True


def _names_a_column(ground: _Ground, table: Table, token: Token) -> bool:
    return False


def _measures(
    ph: MartPhrase, ground: _Ground, fact: Table, ask: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    tokens = ph.tokens
    measures: list[dict[str, Any]] = []
    questions: list[str] = []
    if not ph.measures:
        # "Leads per source per week": a table noun grouped by something counts its rows; a «витрина
        # продаж по регионам» names no measure at all (sum of what? count?), so it is asked about.
        # With «витрина»/"mart" and no measure word, a count is read only for a table without numbers
        # whose rows are events («Витрина проходов по дверям») or spread over time («Витрина регистраций
        # пользователей по неделям»); a register of people or things grouped by categories only
        # («Витрина лидов по источникам») is asked, not guessed (marts_e W4).
        if (collected := _collected_money(ph, ground, fact)) is not None:
            return collected  # "premium payments collected per week": the money collected
        if (by_name := _leading_words_name_column(tokens, fact)) is not None:
            ph.used |= set(range(len(name_parts(by_name))))  # the leading words, read as the column
            return [{"func": "sum", "column": by_name}], []  # "cooked orders per station": orders_cooked
        if _rate_of_fact(ph, ground, fact):
            return [{"func": "count"}], []  # "orders per day mart"
        trigger = any(_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN) or t.lower == "report" for t in tokens)
        rows_only = not _numeric_columns(fact) and (ph.grain is not None or not _register(fact))
        # «Отклонённые операции по каналам»: a state word before the fact's noun, the rows in that state
        lead = int(len(tokens) > 3 and tokens[0].lang == "ru" and _state_rows_grouped(tokens[:4]))
        headed = (  # "visits per day mart": the fact's own noun grouped right away, its rows counted
            len(tokens) > 2 + lead
            and ground.table_of(tokens[lead]) is fact
            and tokens[lead + 1].lower in DIM_PREPS_RU | DIM_PREPS_EN
        )
        if (not trigger or rows_only or headed) and (ph.dims or ph.grain):
            return [{"func": "count"}], []  # rows are all there is to aggregate
        return [], [ask("no_measure")]
    for m in ph.measures:
        if m.column_ref:
            func = "sum" if _how_much_of_column(ph, ground, fact, m) else m.func
            if func == "count" and m.object and _amount_column(fact, m.column_ref):
                # «Сколько заказов (total)»: the noun counts rows, the bracket names an amount (a sum?)
                word = _words_of(tokens, m.object)
                return [], [ask("sum_or_count", word=word, table=fact.name, column=m.column_ref)]
            keys = {x.lower() for x in fact.primary_key}
            holders = _tables_with_column(ground, m.column_ref)
            if func == "count" and m.object and fact not in holders and holders:
                # «Сколько клиентов (customer_id)»: customers lack customer_id; the tables having it are asked
                tables = ", ".join(t.name for t in holders)
                return [], [ask("column_elsewhere", table=fact.name, column=m.column_ref, tables=tables)]
            if func == "count" and m.object and m.column_ref.lower() not in keys:
                # «Сколько заказов (customer_id)»: the orders, or the distinct customers? (the key «(id)»
                # names the rows themselves)
                word = _words_of(tokens, m.object)
                return [], [ask("rows_or_distinct", word=word, table=fact.name, column=m.column_ref)]
            measures.append({"func": func, "column": m.column_ref})
            continue
        object_words = [  # «сумма оплаченных платежей», "total succeeded payments": the state is no column
            tokens[k] for k in m.object if not _listed_state_of_measured(ground.planner, fact, m, k, tokens)
        ]
        cue = tokens[m.index]
        column: Column | None = None
        named = ground.columns_named(fact, object_words) if object_words else []
        if _average_number_of_rows(ph, ground, m, named):  # "average number of orders per customer"
            columns = ", ".join(c.name for c in _numeric_columns(fact))
            return [], [ask("which_column", table=fact.name, func="avg", columns=columns)]
        if m.func == "count" and (how_much := _how_much_column(ph, fact, m)) is not None:
            measures.append({"func": "sum", "column": how_much.name})  # «сколько начислено»
            continue
        if m.func == "count":
            unit_cols = [  # "number of vacation days", «число дней отпуска»: a unit noun naming a column
                c.name
                for w in object_words
                if (_grain_noun(w) or _unit_part(w)) and ground.table_of(w) is None
                for c in [*ground.columns_named(fact, [w]), fact.column(f"{_grain_noun(w)}s")]
                if c is not None and column_kind(c.type).numeric and not c.name.endswith("_id")
            ]
            if len(set(unit_cols)) == 1:
                measures.append({"func": "sum", "column": unit_cols[0]})
                continue
            one_word = object_words[0] if len(object_words) == 1 else None
            if (
                one_word is not None
                and (counted_unit := _counted_unit_column(ground, fact, one_word)) is not None
            ):
                measures.append({"func": "sum", "column": counted_unit.name})  # «сколько миль»: the miles
                continue
            counted = ground.table_of(object_words[0]) if object_words else None
            if (
                counted is None
                and len(object_words) > 1
                and (_attribute(object_words[0]) or _means_listed_value(object_words[0], fact))
            ):  # "number of overdue loans": the state of the loans counted, never a sum of overdue_days
                counted = ground.table_of(
                    object_words[1]
                )  # «число занятых коек»: the noun after the adjective
            sold = any(w.lemma in SOLD_LEMMAS or w.lower == "sold" for w in tokens)
            if counted is not None and counted is not fact and sold and _quantity_column(fact):
                measures.append({"func": "sum", "column": _quantity_column(fact)})  # «товаров продано»
                continue
            if m.units or (
                named
                and counted is None  # "number of beds": a table noun counts its rows (not a sum of bed_no)
                and column_kind(named[0].type).numeric
                and not named[0].name.endswith("_id")
            ):
                qty = _quantity_column(fact)
                unit = named[0] if named and column_kind(named[0].type).numeric else None
                if unit is not None and not _is_quantity_word(object_words[0]) and not m.units:
                    measures.append({"func": "sum", "column": unit.name})  # «сколько часов отработано»
                    continue
                counting = _word(cue, COUNT_RU, COUNT_EN | {"many"}) or _slang_count(tokens, m.index)
                if qty is None and m.units and counting:  # «скока штук»: slang counts as «сколько»
                    measures.append({"func": "count"})  # «лиды ... сколько штук»: no pieces column, rows
                    continue
                if qty is None:
                    columns = ", ".join(c.name for c in _numeric_columns(fact))
                    questions.append(ask("which_column", func="sum", table=fact.name, columns=columns))
                    continue
                measures.append({"func": "sum", "column": qty})
                continue
            measures.append({"func": "count"})
            continue
        if m.func == "count_distinct":
            target = None
            for w in object_words:
                other = ground.table_of(w)
                if other is not None and other is not fact:
                    target = _fk_column(fact, other)
                    break
                cols = ground.columns_named(fact, [w])
                if cols:
                    target = cols[0].name
                    break
            if (
                target is None
                and cue.lower in ("dau", "mau", "wau")
                or (target is None and any(w.lower == "active" for w in tokens))
            ):
                users = [t for t in ground.tables if stem("user") in name_parts(t.name)]
                target = _fk_column(fact, users[0]) if users else None
            if target is None:
                questions.append(ask("distinct_what", table=fact.name))
                continue
            measures.append({"func": "count_distinct", "column": target})
            continue
        # sum / avg / min / max
        if (joined := _joined_words_column(ph, fact, m)) is not None:  # "interest rate": interest_rate
            measures.append({"func": m.func, "column": joined})
            continue
        if object_words and (with_cue := _spelled_with_cue(ground, fact, [cue, *object_words])) is not None:
            measures.append({"func": m.func, "column": with_cue.name})  # "total seats": seats_total
            continue
        generic = object_words and all(_word(w, GENERIC_VALUE_RU, GENERIC_VALUE_EN) for w in object_words)
        if generic and (value := _generic_value_column(fact, object_words)) is not None:
            measures.append({"func": m.func, "column": value.name})  # «среднее значение»: results.value
            continue
        spelled_by_genitive = _spelled_by_genitive(fact, tokens, m)
        if len(spelled_by_genitive) == 1:  # «средняя оценка еды»: food_rating 'Оценка еды', never rating
            measures.append({"func": m.func, "column": spelled_by_genitive[0].name})
            continue
        if len(spelled_by_genitive) > 1:  # two comments spelled alike: which one is asked, never guessed
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in spelled_by_genitive)))  # fmt: skip
            continue
        if len(unspelled := _genitive_spells_none(ground, fact, tokens, m)) > 1:
            # «средняя оценка обслуживания» of 'Общая оценка', 'Оценка еды', 'Оценка доставки': the genitive
            # names none of the «оценки», so which one is asked (the overall one was a confident guess)
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in unspelled)))  # fmt: skip
            continue
        by_said_unit = [c for c in _numeric_columns(fact) if m.unit and m.unit in name_parts(c.name)]
        if (
            len(by_said_unit) == 1
        ):  # «средний расход кВт·ч»: the unit said names the column, «расход» is no cost
            measures.append({"func": m.func, "column": by_said_unit[0].name})
            continue
        if _priced(cue, object_words) and not any(_money_name(c) for c in _numeric_columns(fact)):
            words = _words_of(tokens, [m.index, *m.object])
            questions.append(ask("no_money", func=m.func, table=fact.name, words=words))
            continue  # «средняя стоимость визита» of visits: duration_min is no cost, never its only number
        unit_part = m.unit or next((u for w in object_words if (u := _unit_part(w))), None)  # "total minutes"
        if unit_part:
            by_unit = [c for c in _numeric_columns(fact) if unit_part in name_parts(c.name)]
            if len(by_unit) == 1:
                measures.append({"func": m.func, "column": by_unit[0].name})
                continue
        if m.func == "sum" and (m.units or any(_is_quantity_word(w) for w in object_words)):
            qty = _quantity_column(fact)
            if qty:
                measures.append({"func": "sum", "column": qty})
                continue
        if m.units and m.func in ("avg", "min", "max"):  # «средний размер продажи в штуках»: of the pieces
            qty = _quantity_column(fact) or _pieces_column(fact, tokens)  # "average items": items_count
            if qty is None:
                columns = ", ".join(c.name for c in _numeric_columns(fact))
                questions.append(ask("which_column", func=m.func, table=fact.name, columns=columns))
                continue
            measures.append({"func": m.func, "column": qty})
            continue
        bare = not object_words and not m.column_ref and not m.subject and not _word(cue, MONEY_RU, MONEY_EN)
        if bare and m.func in ("avg", "min", "max") and len(_numeric_columns(fact)) > 1:
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in _numeric_columns(fact))))  # fmt: skip
            continue  # «среднее по курьерам» of routes (stops or distance_km): a bare average asks
        placed = _placed_comment_column(ph, fact, m, object_words)
        both = [c for c in _numeric_columns(fact) if all(_comment_word(c, w) for w in object_words)]
        if placed is None and len(object_words) > 1 and len(both) > 1:
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in both)))  # fmt: skip
            continue  # «средний заряд батареи»: at the start or at the end ('Заряд батареи в начале/конце')?
        if placed is not None:  # «средний заряд батареи в конце зарядки»: end_soc 'Заряд батареи в конце, %'
            measures.append({"func": m.func, "column": placed.name})
            continue
        explicit = [c for c in named if any(c.name.lower() == w.lower for w in object_words)]
        # «Сумма счетов пациентам»: a table noun names its key (patient_id), never an amount to sum
        named = [c for c in named if c in explicit or not _key_column(fact, c)]
        textual = [  # «сумма регионов», «средний статус»: a text column named by its word, asked about
            c
            for w in object_words
            if ground.table_of(w) is None and not _word(w, MONEY_RU | UNITS_RU, MONEY_EN | UNITS_EN)
            for c in ground.columns_named(fact, [w])
            if not column_kind(c.type).numeric and not column_kind(c.type).temporal
        ]
        if explicit:
            column = explicit[0]  # named as written: a text column is the resolver's question
        elif textual and not (named and column_kind(named[0].type).numeric):
            column = textual[0]
        elif named and column_kind(named[0].type).numeric and not _key_name(named[0].name):
            column = named[0]  # "average loan payment": not loan_id, a key named by "loan"
        else:
            numeric_named = [
                c
                for w in object_words
                for c in ground.columns_named(fact, [w])
                if column_kind(c.type).numeric and not _key_column(fact, c)
            ]
            if len({c.name for c in numeric_named}) == 1:
                column = numeric_named[0]
        if column is None:
            money_word = (
                _word(cue, MONEY_RU, MONEY_EN)
                or _en(cue, {"gross", "net"})
                or any(
                    _word(w, MONEY_RU | MONEY_NOUNS_RU | CURRENCY_RU, MONEY_EN | SPEND_EN | CURRENCY_EN)
                    for w in object_words
                )
            )  # «на сколько рублей»: a currency is money too
            money = _money_columns(fact)
            numeric = _numeric_columns(fact)
            named_money = [c for c in money if _money_name(c)]
            fact_row = any(ground.table_of(w) is fact for w in object_words) and m.func in (
                "min",
                "max",
                "avg",
            )
            if _sum_or_count(m, object_words, ground, fact):
                questions.append(ask("sum_or_count", word=cue.text, table=fact.name, column=numeric[0].name))
                continue  # "calls per subscriber, sum": of duration_sec, or the calls counted?
            checked = any(_ru(w, {"чек"}) for w in [cue, *object_words])
            if checked and not any(_check_column(fact, c) for c in money):
                words = _words_of(tokens, [m.index, *m.object])
                columns = ", ".join(c.name for c in money) or "-"
                questions.append(ask("no_check", func=m.func, table=fact.name, words=words, columns=columns))
                continue  # «средний чек» of deliveries: tip_amount is a tip, never the order's check
            if (money_word or fact_row) and len(money) == 1:
                column = money[0]  # «самая крупная продажа»: the sale's amount
            elif money_word and len(named_money) == 1:
                column = named_money[0]  # «литры и сумма»: amount, not liters (both decimal)
            elif money_word and len(money) > 1:
                # «выручка по видам ремонта», «средний чек» over labor, parts and total amounts: the total
                revenue = any(_word(w, REVENUE_RU, REVENUE_EN) for w in [cue, *object_words])
                column = _row_total(fact) if revenue else None
            elif len(numeric) == 1:
                column = numeric[0]
            elif money_word and not money and len(numeric) == 1:
                column = numeric[0]
        if column is None and len(spelled := _spelled_columns(fact, [cue, *object_words])) == 1:
            column = spelled[
                0
            ]  # «сумма заявленных убытков»: claimed_amount 'Заявленная сумма', not 'Сумма к выплате'
        if column is None:
            candidates = _money_columns(fact) or _numeric_columns(fact)
            by_word = {
                k: c.name
                for c in candidates
                for k, w in enumerate(tokens)
                if w.lang == "ru"
                and k not in ph.grain_phrase  # «по месяцам заявления»: the time's, not 'Заявленная сумма'
                and k not in ph.grain_words  # «по дате заявления»: the date's words
                and (ground.columns_named(fact, [w]) == [c] or _comment_names(c, w))
                and not _shared_comment_word(w, candidates)
            }  # «сумма к выплате», «начисленной зарплаты»: a column comment ('К выплате', 'Начислено')
            if len(set(by_word.values())) == 1:
                chosen = fact.column(next(iter(by_word.values())))
                naming = [tokens[k] for k in by_word if k != m.index]  # the cue, or the fact's own noun
                if chosen is not None and not naming and _part_of_row_total(fact, chosen):
                    money_names = ", ".join(c.name for c in _money_columns(fact))
                    questions.append(ask("which_column", func=m.func, table=fact.name, columns=money_names))
                    continue  # «сумма по типам заказа»: 'Сумма позиций' or the total? (README: asked)
                if chosen is not None:  # «сумма броней»: only «сумма» reached total_amount (~ "total")
                    if amounts := _rows_sum_unsaid(m, cue, ground, fact, [*naming, *object_words], chosen):
                        questions.append(ask("which_column", func=m.func, table=fact.name,
                                             columns=", ".join(c.name for c in amounts)))  # fmt: skip
                        continue  # «Полисы: сумма по каналам»: 'Страховая сумма' repeats «сумма», no more
                ph.used |= set(by_word)
                measures.append({"func": m.func, "column": next(iter(by_word.values()))})
                continue
            if (own := _fact_noun_column(ground, fact, object_words, candidates)) is not None:
                measures.append({"func": m.func, "column": own})  # "sum of charges": 'Сумма начисления'
                continue
            if not candidates:  # «средний доход» of subscribers: no column to choose from, never «: -?»
                words = _words_of(tokens, [m.index, *m.object])
                questions.append(ask("no_numeric", func=m.func, table=fact.name, words=words))
                continue
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in candidates)))  # fmt: skip
            continue
        texty = [  # «средняя оценка» of grades: 'Оценка' is the text column mark; score was a synonym's guess
            c
            for w in object_words[:1]
            if w.lemmas & set(COLUMN_WORDS)  # the numeric column came from a synonym, not from the word
            for c in fact.columns
            if c.comment
            and not column_kind(c.type).numeric
            and not column_kind(c.type).temporal
            and _comment_names(c, w)
            and not _comment_names(column, w)
            and column.name.lower() != w.lower
        ]
        if texty:
            numeric_names = ", ".join(c.name for c in _numeric_columns(fact))
            questions.append(ask("which_column", func=m.func, table=fact.name, columns=numeric_names))
            continue  # (texty needs a numeric column: `column` is one, so the list is never empty)
        if amounts := _rows_sum_unsaid(m, cue, ground, fact, object_words, column):
            questions.append(ask("which_column", func=m.func, table=fact.name,
                                 columns=", ".join(c.name for c in amounts)))  # fmt: skip
            continue  # «сумма полисов», "total of policies": the premium or the sum insured?
        measures.append({"func": m.func, "column": column.name})
    unique = []
    for item in measures:
        if item not in unique:
            unique.append(item)
    return unique, questions


def _rows_sum_unsaid(
    m: MeasureWord, cue: Token, ground: _Ground, fact: Table, object_words: Sequence[Token], column: Column
) -> list[Column]:
    """«сумма полисов по каналам», «Полисы: сумма по …», "total of policies": a sum whose only words are the
    function word and the fact's own rows says no money column. With two money columns that fit (premium and
    sum_insured; gross and net) the column a word of the table's name reached («страхования» ~ insured) or a
    comment merely repeating «сумма» ('Страховая сумма') is a guess: the money columns, to be asked; empty
    when a word names the column («Сумма кредита» of loans: the fact comment's head noun) or one fits."""
    if m.func != "sum" or m.column_ref or not _word(cue, SUM_FUNCTION_RU, SUM_FUNCTION_EN):
        return []
    if not all(ground.table_of(w) is fact or _fact_comment_names(fact, w) for w in object_words):
        return []
    amounts = [c for c in _money_columns(fact) if _money_name(c) and not _rate_column(c)]
    if len(amounts) < 2 or column not in amounts:
        return []
    if _fact_noun_column(ground, fact, object_words, amounts) == column.name:
        return []
    others = [c for c in amounts if c is not column]
    if any(_comment_names(column, w) and not any(_comment_names(c, w) for c in others) for w in object_words):
        return []  # «сумма заявленных убытков»: 'Заявленная сумма' of claims, not 'Сумма к выплате'
    return amounts


def _fact_comment_names(fact: Table, word: Token) -> bool:
    """A word of the fact table's own comment («страхования» of 'Страховые полисы (договоры страхования)')."""
    return bool(fact.comment and word.lang == "ru" and word.lemmas & _comment_lemmas(fact.comment))


def _shared_comment_word(word: Token, candidates: Sequence[Column]) -> bool:
    """«сумма» of claims, whose 'Заявленная сумма' and 'Сумма к выплате' both say it: the word names no one
    of the candidates (asked which), however one comment puts it first."""
    return sum(bool(c.comment and word.lemmas & _comment_lemmas(c.comment)) for c in candidates) > 1


def _priced(cue: Token, object_words: Sequence[Token]) -> bool:
    """«стоимость», «цена», "cost", "price", "spend", a currency: the measure is money by its noun (unlike
    the function words «сумма», "total", which sum any number): only a column named as money can hold it."""
    return any(
        _word(w, MONEY_NOUNS_RU | PRICE_RU | CURRENCY_RU, SPEND_EN | PRICE_EN | CURRENCY_EN)
        for w in [cue, *object_words]
    )


def _key_column(fact: Table, column: Column) -> bool:
    """A key of the fact or of a table it points at (patient_id, the primary key): it identifies rows, it
    holds no amount, so a word naming its table never makes it the summed or averaged column."""
    foreign = {c.lower() for fk in fact.foreign_keys for c in fk.columns}
    name = column.name.lower()
    return _key_name(name) or name in foreign or column.name in fact.primary_key


def _tables_with_column(ground: _Ground, name: str) -> list[Table]:
    """The tables of the catalog that have a column of this name (case-insensitive)."""
    return [t for t in ground.tables if any(c.name.lower() == name.lower() for c in t.columns)]


def _sum_or_count(m: MeasureWord, object_words: Sequence[Token], ground: _Ground, fact: Table) -> bool:
    """ "visits per doctor, sum", «Звонки по абонентам, итого»: a sum naming no column, over rows with no
    money and no quantity column and just one number (duration_min): that number is a guess, and a «total»
    of visits may as well be their count, so it is asked (money, "orders …, total", is the order's total).
    So is a sum whose words name only the fact's own rows («сумма отключений электроэнергии» of outages
    'Отключения электроэнергии', "sum of calls"): events are counted, their one number is not named."""
    return (
        m.func == "sum"
        and all(ground.table_of(w) is fact or _fact_comment_names(fact, w) for w in object_words)
        and not m.units
        and not _money_columns(fact)
        and _quantity_column(fact) is None
        and len(_numeric_columns(fact)) == 1
    )


def _comment_names(column: Column, word: Token) -> bool:
    """A content word of the request and a word of the column's comment share a lemma («начисленной»
    and 'Начислено': начислить), where their stems differ."""
    if not column.comment or word.lower in FILLER_RU or not word.parses:
        return False
    if word.parses[0].pos not in ("NOUN", "ADJF", "PRTF", "PRTS", "VERB", "INFN", "ADVB"):
        return False
    if {lemma for lemma in word.lemmas if len(lemma) > 3} & _comment_lemmas(column.comment):
        return True
    # «начислений» (начисление) and 'Начислено' (начислить): one root, a verbal noun and its verb
    root = stem(word.lower)[:6]
    return len(root) == 6 and any(s[:6] == root for s in _comment_stems(column.comment) if len(s) >= 6)


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


def _compound_head_table(
    tables: Sequence[Table], by_comment: Sequence[Table], meanings: set[str]
) -> Table | None:
    """The one table whose comment's head noun is a compound ending in the word («авиабилеты» of «билеты»),
    when no table the word's comment match found has the word itself as its head: the word names those rows,
    not a table that mentions them as a dependent word ('заказы билетов')."""
    from airflow_ai_etl.planning.offline import compound_tail_of

    if any(t.comment and _comment_head(t.comment) in meanings for t in by_comment):
        return None
    said = frozenset(meanings)
    found = [
        t for t in tables if t.comment and (h := _comment_head(t.comment)) and compound_tail_of({h}, said)
    ]
    if not found:  # «механикам»: 'Мастера (автомеханики) станций', the compound of its bracketed other name
        found = [t for t in tables if compound_tail_of(_bracket_synonym_heads(t.comment or ""), said)]
    return found[0] if len(found) == 1 else None


@functools.lru_cache(maxsize=4096)
def _bracket_synonym_heads(comment: str) -> set[str]:
    """The stems of the first words of a comment's short brackets, the table's other names ('Мастера
    (автомеханики) станций' -> автомеханик), as :func:`_bracket_synonym_table` reads them."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    return {
        parts[0]
        for m in _BRACKETED.finditer(comment)
        if (parts := name_parts_of_text(m.group(1))) and len(parts) <= 2
    }


@functools.lru_cache(maxsize=4096)
def _comment_head(comment: str) -> str | None:
    """The stem of a comment's first noun: 'Учебные дисциплины' -> дисциплин."""
    for t in tokenize(comment):
        if t.lang == "ru" and t.parses and t.parses[0].pos == "NOUN":
            return stem(t.lower)
        if t.lang != "ru" or not t.parses or t.parses[0].pos not in ("ADJF", "PRTF"):
            return None
    return None


@functools.lru_cache(maxsize=4096)
def _comment_lemmas(comment: str) -> frozenset[str]:
    return frozenset(lemma for t in tokenize(comment) if t.lang == "ru" for lemma in t.lemmas)


@functools.lru_cache(maxsize=4096)
def _comment_stems(comment: str) -> frozenset[str]:
    from airflow_ai_etl.planning.offline import name_parts_of_text

    return frozenset(name_parts_of_text(comment))


PREP_LINKS = {"на", "к", "для", "по"}


def _comment_verb(token: Token, table: Table) -> bool:
    """«записалось» of appointments ('Записи …'): a Russian verb or participle whose stem begins with a stem
    of the table's comment, the event the rows record."""
    if token.lang != "ru" or not any(p.pos in ("VERB", "PRTF", "PRTS", "INFN") for p in token.parses[:1]):
        return False
    word = stem(token.lower)
    return bool(table.comment) and any(
        len(x) >= 4 and word.startswith(x) for x in _comment_stems(table.comment)
    )


def _describes(token: Token, table: Table) -> bool:
    """A word of the table's comment, any form (the comment's stems)."""
    return bool(table.comment) and stem(token.lower) in _comment_stems(table.comment)


def _names_unit_column(word: Token, fact: Table, measures: list[dict[str, Any]]) -> bool:
    """«сумма дней», "total hours": a time unit naming the measured column (days, hours)."""
    grain = _grain_noun(word)
    if grain is not None and any(m.get("column") == f"{grain}s" for m in measures):
        return True
    unit = _unit_part(word)  # "total minutes": duration_min
    return unit is not None and any(m.get("column") and unit in name_parts(m["column"]) for m in measures)


def _is_quantity_word(token: Token) -> bool:
    return _word(token, {"количество", "штука", "единица", "остаток"}, {"quantity", "qty", "units", "stock"})


def _and_where(definition: dict[str, Any], condition: str) -> None:
    """ANDs `condition` onto the mart's WHERE, bracketing a WHERE with an OR so the AND binds all of it."""
    prior = definition.get("where")
    definition["where"] = (
        f"({prior}) AND {condition}"
        if prior and " OR " in prior.upper()
        else (f"{prior} AND {condition}" if prior else condition)
    )


REQUIRED_VALUE = re.compile(r"(\w+) = ('(?:[^']|'')*'|true|false|-?\d+(?:\.\d+)?)")
EXCLUDED_VALUE = re.compile(r"(\w+) (?:<>|!=|IS DISTINCT FROM) ('(?:[^']|'')*'|true|false|-?\d+(?:\.\d+)?)")


def _drop_split_flag_conditions(definition: dict[str, Any], fact: Table) -> None:
    """A flag the mart is split by ("split by is_roaming", «в разбивке по is_esim») keeps both its values: a
    word naming one of them elsewhere ("Roaming vs home:", "Roaming calls …") titles the split, so the
    condition it was read as (`is_roaming = true`, ANDed at the top) is dropped: beside the dimension it
    would make a one-valued split."""
    where = definition.get("where") or ""
    if not where or " OR " in where.upper():
        return
    split = {d.lower() for d in definition.get("dimensions") or [] if isinstance(d, str)}
    flags = {c.name.lower() for c in fact.columns if "bool" in c.type.lower()} & split
    if not flags:
        return
    parts = where.split(" AND ")
    kept = [
        p
        for p in parts
        if not (
            (m := REQUIRED_VALUE.fullmatch(p.strip()))
            and m.group(1).lower() in flags
            and m.group(2) in ("true", "false")
        )
    ]
    if len(kept) != len(parts):
        definition["where"] = " AND ".join(kept) or None


def _contradicted(where: str) -> tuple[str, str, str] | None:
    """(column, required, excluded) when one WHERE both requires and excludes a value of a column
    («status = 'x' AND status <> 'x'»): a mart of no rows, which two rules reading the same words, or two
    phrases saying opposite things, would otherwise plan. Only the parts ANDed at the top count (an OR may
    hold either)."""
    parts = [p.strip() for p in where.split(" AND ") if " OR " not in p.upper() and "(" not in p]
    required = {m.groups(): p for p in parts if (m := REQUIRED_VALUE.fullmatch(p))}
    excluded = {m.groups(): p for p in parts if (m := EXCLUDED_VALUE.fullmatch(p))}
    both = sorted(required.keys() & excluded.keys())
    if both:
        return both[0][0], required[both[0]], excluded[both[0]]
    # «успешных оплат (refunded)»: two values one column must equal, each said by other words
    by_column: dict[str, list[str]] = {}
    for (column, _), part in required.items():
        by_column.setdefault(column, []).append(part)
    return next(((c, ps[0], ps[1]) for c, ps in sorted(by_column.items()) if len(ps) > 1), None)


def _pieces_column(fact: Table, tokens: Sequence[Token]) -> str | None:
    """ "average items per order" of bar_orders: the one integer column whose name holds the English pieces
    word said (items_count), when the table has no quantity column."""
    said = {stem(t.lower) for t in tokens if t.lang == "en" and t.lower in UNITS_EN}
    found = [
        c.name
        for c in _numeric_columns(fact)
        if column_kind(c.type).family == "int" and not _key_column(fact, c) and said & set(name_parts(c.name))
    ]
    return found[0] if len(found) == 1 else None


def _quantity_column(fact: Table) -> str | None:
    found = [
        c.name
        for c in fact.columns
        if column_kind(c.type).family == "int"
        and c.name.lower() in ("quantity", "qty", "units", "amount_units")
    ]
    return found[0] if len(found) == 1 else None


def _release_via_values(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«операций через СБП», "payments via sbp": a «через»/"via" phrase whose word names no table nor a
    table's comment is no path to join through; it goes back to the filter rules (channel = 'sbp'), which
    read it or ask, instead of being dropped unread."""
    comments = _via_comment_tables(ph, ground)
    for k in ph.via:
        if ground.table_of(ph.tokens[k]) is not None or fact in comments or _via_key(ph, ground, fact, k):
            continue  # a table, a table's comment or a key of the fact («через passenger_id»): a path
        ph.used.difference_update({k - 1, k})


def _via_key(ph: MartPhrase, ground: _Ground, fact: Table, k: int) -> dict[str, Any] | None:
    """«(через passenger_id операции)», "via customer_id": a «через»/"via" phrase naming a key column of the
    fact pins the join along that key (one of several paths to the table it points at)."""
    name = ph.tokens[k].text
    relations = [r for r in relations_of(ground.planner.catalog, ground.conn_id) if r.joinable]
    keys = [r for r in relations if r.table == fact.qualified_name and list(r.columns) == [name]]
    ref = next((t for t in ground.tables if keys and t.qualified_name == keys[0].ref_table), None)
    if len(keys) != 1 or ref is None:
        return None
    on = {f"{fact.name}.{name}": keys[0].ref_columns[0]}
    return {"table": ground_name(ground.planner, ground.conn_id, ref), "on": on}


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
        if set(words) <= comment_title:
            continue  # «отчёт по счетам пациентам: …» of 'Счета пациентам за услуги': a title, no patient_id
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
            spans = [
                (k, size)
                for size in (3, 2, 1)
                for k in range(len(group) - size + 1)
                if size > 1 or "-" in group[k].lower  # "check-in date": check_in
                for t in [fact, *reachable]
                if _column_spelled_apart(t, group[k : k + size])
            ]  # "vehicle plate number" -> plate_number, "order ref" -> order_ref
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
        qual_tables = [t for t in (ground.table_of(q) for q in qualifier) if t is not None]
        if head.lower in ("the", "each"):
            continue
        if not qualifier and ground.table_of(head) is fact and _names_fact_only(ground, fact, head):
            continue  # «Сводка по заказам», «сумма по убыткам» of claims: the fact itself groups nothing
        if not qualifier and _fact_noun_date(ground, fact, tokens, words[0]):
            continue  # «пробег по маршрутам» of routes: the fact's noun, never its route_date column
        if not qualifier and (attribute := _own_rows_attribute(ground, fact, head)) is not None:
            # «сумма кресел по самолётам» of aircraft: the rows themselves, or model 'Модель самолёта'?
            questions.append(ask("own_rows_dim", word=head.text, fact=fact.name, column=attribute))
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
        if cols and not qualifier and _names_modifier_only(ground, cols[0], head):
            questions.append(ask("partial_dim", word=head.text, table=fact.name, column=cols[0].name))
            continue
        if cols and not _owner_noun_of_comment(ground, fact, head, qualifier, cols[0]):
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
        holders = [(t, ground.columns_named(t, [head])) for t in reachable]
        holders = [(t, cols) for t, cols in holders if cols]
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
    questions.extend(_count_dim_questions(dims, fact, reachable, ask))
    for words in ph.dims:  # «города хаба отправки», "destination hub city": the one key a role word names
        group = [tokens[k] for k in words]
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


# Words naming the role of one of several keys to the same table -> a part of that key's name
# (shipments.origin_hub_id / dest_hub_id): «хаба отправки», "destination hub".
ROLE_WORDS = {
    "отправка": "origin", "отправление": "origin", "отправитель": "origin", "откуда": "origin",
    "origin": "origin", "source": "origin", "sender": "origin", "departure": "origin", "from": "origin",
    "назначение": "dest", "destination": "dest", "получатель": "dest", "куда": "dest", "recipient": "dest",
    "arrival": "dest", "dest": "dest", "target": "dest", "прибытие": "dest",
    # role adjectives: «по исходному хабу», «конечный склад», "starting hub"
    "исходный": "origin", "начальный": "origin", "стартовый": "origin", "starting": "origin",
    "конечный": "dest", "целевой": "dest", "ending": "dest", "final": "dest",
    # the two ends of a flight or a rental: «аэропорта прилёта», «зоны старта», «зоны завершения»
    "прилёт": "dest", "прилет": "dest", "вылет": "origin", "старт": "origin", "завершение": "dest",
    "start": "origin", "end": "dest",
}  # fmt: skip
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


def _reachable(fact: Table, relations: list[Any], tables: list[Table]) -> list[Table]:
    by_name = {t.qualified_name: t for t in tables}
    seen = {fact.qualified_name}
    frontier = [fact.qualified_name]
    for _ in range(3):
        nxt = []
        for name in frontier:
            for rel in relations:
                if rel.table == name and rel.ref_table not in seen:
                    seen.add(rel.ref_table)
                    nxt.append(rel.ref_table)
        frontier = nxt
    return [by_name[n] for n in seen if n in by_name and n != fact.qualified_name]


NOT_YET_LEAD = {"только", "лишь", "only", "те", "тех", "которые", "что", "кто", "ещё", "еще", "пока", "still",
                "yet", "those", "that", "which", "are", "were", "have", "has", "been", ","}  # fmt: skip


def _state_column(token: Token, fact: Table) -> Column | None:
    """The nullable time column a verb or participle says has happened: «вернули», «возвращённые»,
    "returned" -> returned_at; «закрыли» -> closed_at (by the time word, or the column's comment: 'Когда книгу
    вернули')."""
    parts = _verb_times(token)
    columns = [c for c in _time_columns(fact) if c.nullable]
    found = [c for c in columns if any(_part_match(p, c) for p in parts)]
    if not found and token.lang == "ru":
        found = [c for c in columns if token.lemmas & _comment_lemmas(c.comment or "")]
    return found[0] if len(found) == 1 else None


def _not_yet_span(ph: MartPhrase, fact: Table) -> tuple[int, int, Column] | None:
    """(first, last token, column) of «(только те, что) ещё не вернули», «не возвращённые», "not (yet)
    returned": a row whose event has not happened, its time column still empty."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if t.lower not in ("не", "not") or i + 1 >= len(tokens):
            continue
        k = i + 1 + (tokens[i + 1].lower in ("yet", "ещё", "еще", "been"))
        if k >= len(tokens) or k in ph.used:
            continue
        column = _state_column(tokens[k], fact)
        if column is None:
            continue
        first = i
        while first > 0 and first - 1 not in ph.used and tokens[first - 1].lower in NOT_YET_LEAD:
            first -= 1
        last = k + (k + 1 < len(tokens) and tokens[k + 1].lower == "yet")
        return first, last, column
    return None


def _claim_not_yet(ph: MartPhrase, fact: Table) -> None:
    found = _not_yet_span(ph, fact)
    if found is not None:
        first, last, _ = found
        while first <= last and ph.tokens[first].lang == "punct":
            first += 1
        ph.used.update(range(first, last + 1))
        ph.blank.append((ph.tokens[first].start, ph.tokens[last].end))
        ph.not_yet = found[2].name


def _value_of_column(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "only sales from the north region", "only orders in the web channel": a plain word before a noun that
    names one text column of the fact, after from/in, is that column's value (claimed, so no other rule
    reads «north» as a table or leaves "region" unread)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for i, t in enumerate(tokens):
        if t.lower not in ("from", "in") or i + 2 >= n:
            continue
        j = i + 1 + (tokens[i + 1].lower == "the")
        if j + 1 >= n or (j + 1) in ph.used:
            continue
        value, noun = tokens[j], tokens[j + 1]
        if value.lang != "en" or not value.text.isalpha() or ground.table_of(value) is not None:
            continue
        if fact.column(value.text) or ground.columns_named(fact, [value]):
            continue
        columns = [c for c in ground.columns_named(fact, [noun]) if column_kind(c.type).family == "text"]
        if len(columns) != 1 or columns[0].name.lower() != noun.lower:
            continue
        if not _may_hold(columns[0], value.lower):
            continue  # "in escalated status" of 'Статус (open, in_progress, resolved, closed)': left, asked
        first = i
        while first > 0 and (tokens[first - 1].lower == "only" or ground.table_of(tokens[first - 1]) is fact):
            first -= 1
        ph.used.update(range(first, j + 2))
        ph.blank.append((tokens[first].start, tokens[j + 1].end))
        ph.sources = [k for k in ph.sources if k != j]
        return f"{columns[0].name} = '{value.lower}'"
    return None


def _may_hold(column: Column, value: str) -> bool:
    """Whether a value said in plain words may be stored in ``column``: one of the values its comment lists
    (or a spelling of one), or any value when it lists none, except for a state column whose comment says
    what it is without listing its values (a state word that no comment lists is asked, never guessed)."""
    listed = {v.lower() for v in listed_values(column.comment)}
    if listed:
        return value in listed or any(v in listed for v in status_spellings(value))
    return column.name.lower() not in ("status", "state") or not (column.comment or "").strip()


def _type_column(fact: Table) -> Column | None:
    """The fact's one text column for the kind of its rows, `<own noun>_type`/`_kind` (events.event_type)."""
    own = set(name_parts(fact.name))
    found = [
        c
        for c in fact.columns
        if column_kind(c.type).family == "text"
        and len(parts := name_parts(c.name)) == 2
        and parts[0] in own
        and parts[1] in ("type", "kind")
    ]
    return found[0] if len(found) == 1 else None


def _type_word_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "hourly purchase events per user", "a login event": an English word right before the fact's own noun,
    on a fact whose rows have a kind column named after that noun (events.event_type), is that kind's value,
    when the word is nothing else the mart reads (no measure, grain, column or the fact itself), no word of a
    table's name ("user events") or of the fact's columns, no adjective of age or state ("recent", "failed":
    asked). When the kind column's comment lists its values, only a listed one is a value: "Bank accounts" of
    a bank whose account types are current/savings/salary is the domain's word, not account_type = 'bank'."""
    from airflow_ai_etl.planning.offline import EN_LEAD_WORDS, EN_STATE_FORM

    column = _type_column(fact)
    if column is None:
        return None
    listed = {v.lower() for v in listed_values(column.comment)}
    named = {p for x in (*(t.name for t in ground.tables), *fact.column_names) for p in name_parts(x)}
    tokens = ph.tokens
    for i in range(len(tokens) - 1):
        t, noun = tokens[i], tokens[i + 1]
        if i in ph.used or t.lang != "en" or not t.text.isalpha() or t.lower in FILLER_EN | EACH:
            continue
        if not (ground.table_of(noun) is fact or stem(noun.lower) in name_parts(fact.name)):
            continue
        if (
            ground.table_of(t) is fact
            or t.lower in EN_LEAD_WORDS
            or EN_STATE_FORM.fullmatch(t.lower)
            or stem(t.lower) in named
            or _is_measure(t)
            or _grain_adjective(t)
            or _stops(t)
            or fact.column(t.lower) is not None
            or ground.columns_named(fact, [t])
            or (listed and t.lower not in listed)
            or _names_clickhouse(ground.planner, t)  # "the clickhouse events table": where it lies, no kind
        ):
            continue
        ph.used.add(i)
        ph.blank.append((t.start, t.end))
        return f"{column.name} = '{t.lower}'"
    return None


def _not_yet(ph: MartPhrase, fact: Table) -> str | None:
    return f"{ph.not_yet} IS NULL" if ph.not_yet else None


def _grain(ph: MartPhrase, ground: _Ground, fact: Table, ask: Any) -> tuple[dict[str, str] | None, list[str]]:
    found, questions = _grain_of_words(ph, ground, fact, ask)
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
        parts = {p for w in words for p in ([_time_word(w)] if _time_word(w) else [])}
        parts |= {TIME_WORDS_ALSO[lemma] for w in words for lemma in w.lemmas if lemma in TIME_WORDS_ALSO}
        parts |= {stem(w.lower) for w in words if w.lang == "en"}
        if _money_columns(fact) and any(w.lower in MONEY_IN_EN for w in words):
            parts.add("paid")  # "payments collected per week": money collected is dated by its payment
        for w in words:
            parts |= ground.meanings(w.lower)
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
        if len(times) > 1 and all(w.lang == "en" for w in words):
            # "per billing week": an English qualifier naming no time column is asked, not created_at
            # (Russian qualifiers go on to the verb and «создания» rules below)
            return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]
    if len(times) == 1:
        return {"column": times[0].name, "grain": ph.grain}, []
    if (event := _english_event_column(ph, times)) is not None:  # "check-ins" -> checked_in_on
        return {"column": event.name, "grain": ph.grain}, []
    if (event := _participle_after_fact(ph, ground, fact, times)) is not None:  # "tickets closed per week"
        return {"column": event.name, "grain": ph.grain}, []
    in_dims = {k for words in ph.dims for k in words}
    events = [  # not «по статусам оплаты» (a dimension's word), not "paid invoices" (a state, a filter)
        w for k, w in enumerate(tokens)
        if k not in in_dims and w.lang == "ru" and _time_word(w)
        and not (k > 0 and tokens[k - 1].lower == "не") and not (k > 1 and tokens[k - 2].lower == "не")
        and not (ground.table_of(w) is fact and _two_time_readings(w, times))
        and not (k > 0 and tokens[k - 1].lower in ONLY_WORDS)  # «только закрытые (done)»: a state, a filter
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
    return None, [ask("which_time", grain=ph.grain, columns=", ".join(c.name for c in times))]


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
    listed = _listed_text_values(fact)
    tokens = ph.tokens
    return any(
        v.lower() in DONE_VALUES
        for k, t in enumerate(tokens)
        if t.lang in ("ru", "en") and not any(w.lower in STATE_CUES for w in tokens[max(0, k - 2) : k])
        for _, v in _state_readings(t, listed, [])[0]
    )


def _mass_noun_counted(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """«Сколько трафика по регионам»: «сколько» before a singular genitive noun asks how much of a mass, not
    how many rows («сколько сессий», a plural genitive); when the noun names the fact table (data_sessions
    'Интернет-сессии (мобильный трафик)') and none of its columns, what to sum is not said (asked), never a
    count of the rows."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or m.column_ref or not m.object or tokens[m.index].lemma != "сколько":
            continue
        word = tokens[m.object[0]]
        if word.lang != "ru" or not word.parses or ground.table_of(word) is not fact:
            continue
        first = word.parses[0]
        if first.pos == "NOUN" and first.case == "gent" and first.number == "sing":
            return not ground.columns_named(fact, [word])
    return False


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
        if any(w.lower in STATE_CUES for w in tokens[max(0, k - 2) : k]):
            continue  # "excluding closed ones", «без отменённых»: a state left out
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


def _schema_before_own_noun(ground: _Ground, fact: Table, tokens: Sequence[Token], k: int) -> bool:
    """ "charging sessions": the fact's schema spelled right before a noun naming the fact spell its qualified
    name (charging.sessions), so a word that is also a value a column lists is no value ('charging' of
    sessions.status)."""
    if not fact.schema or k < 0 or k + 1 >= len(tokens) or tokens[k].lang != "en":
        return False
    word = tokens[k]
    if stem(word.lower) != stem(fact.schema.lower()) or ground.table_of(tokens[k + 1]) is not fact:
        return False
    return any(stem(v.lower()) == stem(word.lower) for c in fact.columns for v in listed_values(c.comment))


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


def _own_noun_words(words: Sequence[Token], fact: Table) -> bool:
    """«записи» of 'Записи клиентов на групповые занятия', «заявки» of 'Заявки и обращения абонентов': the
    grain's Russian words are all nouns of the fact's own comment (the rows themselves)."""
    russian = [w for w in words if w.lang == "ru"]
    own = _comment_lemmas(fact.comment) if fact.comment else frozenset()
    return bool(russian) and all(w.parses and w.parses[0].pos == "NOUN" and w.lemmas & own for w in russian)


def _other_event_of_own_noun(column: Column, words: Sequence[Token], fact: Table) -> bool:
    """'Когда отменил запись', 'Когда заявка закрыта' for «по неделям записи/заявки», the fact's own noun:
    the comment names the row only as what another event (a verb or participle, not the row's creation nor
    its own event, «записался» of 'Записи …') happened to, so it dates that event, not the row."""
    if not column.comment or not _own_noun_words(words, fact):
        return False
    said = {lemma for w in words for lemma in w.lemmas}
    return any(
        t.lang == "ru"
        and any(p.pos in ("VERB", "INFN", "PRTF", "PRTS", "GRND") for p in t.parses)
        and not t.lemmas & said
        and _time_word(t) != "creat"
        and not _comment_verb(t, fact)
        for t in tokenize(column.comment)
    )


def _own_noun_time(
    words: Sequence[Token], fact: Table, times: Sequence[Column], commented: Sequence[Column]
) -> Column | None:
    """«по неделям записи» of bookings ('Записи клиентов …'): when the only time columns whose comments name
    the fact's own noun date another event ('Когда отменил запись'), the row's own time: the one column
    commented with the fact's own verb ('Когда записался'), else its creation (created_at); None otherwise."""
    if not commented or not all(_other_event_of_own_noun(c, words, fact) for c in commented):
        return None
    rest = [c for c in times if c not in commented]
    own = [
        c
        for c in rest
        if c.comment and any(_comment_verb(t, fact) for t in tokenize(c.comment) if t.lang == "ru")
    ]
    if len(own) == 1:
        return own[0]
    return next((c for c in rest if c.name == "created_at"), None)


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


def _column_spelled_apart(table: Table, words: Token | Sequence[Token]) -> Column | None:
    """The column English words spell with a hyphen or a space for its underscore ("check-in", "check in"
    -> check_in)."""
    said = [words] if isinstance(words, Token) else list(words)
    if not said or any(w.lang != "en" for w in said):
        return None
    return table.column(_spelled_name(said))


def _spelled_name(words: Sequence[Token]) -> str:
    """The column name English words spell: "plate number", "check-in" -> plate_number, check_in."""
    return "_".join(w.lower.replace("-", "_") for w in words)


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


def _part_match(part: str, column: Column) -> bool:
    """A word's stem starts a part of the column's name or the other way round (issu ~ issued_at); a part
    spelled with "_" (check_in, of «заселение») needs each of its parts in the name (checked_in_on)."""
    if "_" in part:
        return set(part.split("_")) <= set(name_parts(column.name))
    return any(np.startswith(part) or part.startswith(np) for np in name_parts(column.name) if len(np) >= 3)


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


def _asker(lang: str) -> Any:
    """The mart reader's question `key` (catalog id ``planner.mart.<key>``) in the request's language."""
    language = "ru" if lang == "ru" else "en"

    def ask(key: str, **values: Any) -> str:
        return say(language, f"planner.mart.{key}", **values)

    return ask


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


def _how_much_column(ph: MartPhrase, fact: Table, m: MeasureWord) -> Column | None:
    """«Сколько начислено (зарплаты)», «сколько отработано», «сколько скачано байт», «сколько затронуто
    домохозяйств»: «сколько» and a participle or verb that a numeric column's comment says ('Начислено',
    'Скачано байт') ask how much of that column: its sum, not a count of rows."""
    tokens = ph.tokens
    if m.func != "count" or m.column_ref or tokens[m.index].lemma != "сколько":
        return None
    k = m.index + 1
    if m.object and (m.object != [k] or not _adverb(tokens[k])):
        return None
    k += len(m.object)  # «сколько фактически оплачено»: an adverb before the participle only qualifies it
    if k >= len(tokens) or tokens[k].lang != "ru" or not tokens[k].parses:
        return None
    word = tokens[k]
    if word.parses[0].pos not in ("PRTS", "VERB", "PRTF"):
        return None
    found = [c for c in _numeric_columns(fact) if _comment_names(c, word)]
    if len(found) != 1:  # 'Оплачено' says «оплачено» itself, before 'Сумма к оплате' of the paying verb
        found = [c for c in _numeric_columns(fact) if _comment_names(c, word) or _paid_column(c, word)]
    if len(found) != 1:
        return None
    ph.used.add(k)
    nxt = k + 1  # «начислено зарплаты», «скачано байт»: the noun the comment or the fact's comment says
    if nxt < len(tokens) and tokens[nxt].lang == "ru" and nxt not in ph.used:
        said = _comment_lemmas(found[0].comment or "") | _comment_lemmas(fact.comment or "")
        if tokens[nxt].lemmas & said or _comment_names(found[0], tokens[nxt]):
            ph.used.add(nxt)
    return found[0]


# «сколько к выплате (net)», «сколько на счетах (balance)»: a preposition and a noun: how much of a column
HOW_MUCH_LINKS = frozenset({"к", "на"})


# «сколько заплатили/оплатили/уплатили»: a verb of paying, and the nouns a payment's amount is commented with
PAY_VERBS_RU = frozenset({"заплатить", "оплатить", "уплатить", "платить", "оплачивать", "выплатить"})
PAYMENT_NOUNS_RU = frozenset({"оплата", "платёж", "платеж", "выплата"})


def _paid_column(column: Column, word: Token) -> bool:
    """«Сколько заплатили абоненты» of billing.payments.amount ('Сумма оплаты'): a verb of paying names the
    amount column whose comment says a payment (the verb and the noun share a root the stems do not show)."""
    if not column.comment or not word.lemmas & PAY_VERBS_RU:
        return False
    said = _comment_lemmas(column.comment)
    return bool(said & PAYMENT_NOUNS_RU) and "сумма" in said


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


def _amount_column(fact: Table, name: str) -> bool:
    """A numeric column of the fact that holds an amount (total, weight_kg), not a key (id, customer_id)."""
    column = fact.column(name)
    return column is not None and column in _numeric_columns(fact)


def _words_of(tokens: Sequence[Token], indexes: Sequence[int]) -> str:
    return " ".join(tokens[k].text for k in indexes)


def _how_much_of_column(ph: MartPhrase, ground: _Ground, fact: Table, m: MeasureWord) -> bool:
    """«Сколько начислено (gross)», «сколько к выплате (net)»: «сколько» on a named numeric column, with no
    noun naming a table to count, asks how much of it: its sum, never a count of its non-empty values."""
    column = fact.column(m.column_ref or "")
    if m.func != "count" or column is None or ph.tokens[m.index].lemma != "сколько":
        return False
    kind = column_kind(column.type)
    if not kind.numeric or column.name.endswith("_id") or column.name in fact.primary_key:
        return False
    # «сколько транзакций (amount)»: a plural noun in the genitive is counted, whether or not it names a
    # table (count or sum: asked by _measures)
    return all(ground.table_of(ph.tokens[k]) is None and not _counted_noun(ph.tokens[k]) for k in m.object)


def _how_much_of_rows_bracket(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько по заказам (total) по статусам», «сколько по бронированиям (total_amount)»: «сколько по
    <the fact's rows> (<numeric column>)» asks how much of that column the rows hold: the bracket is what
    «сколько» measures (its sum, see _how_much_of_column), never a count beside a sum nor a dimension; the
    rows' noun is no dimension either. Another table's noun or a key in the bracket is left as it was."""
    tokens = ph.tokens
    for m in ph.measures:
        i = m.index
        if m.func != "count" or m.object or m.column_ref or i + 5 >= len(tokens):
            continue
        if tokens[i].lemma != "сколько":
            continue
        if tokens[i + 1].lower not in DIM_PREPS_RU or ground.table_of(tokens[i + 2]) is not fact:
            continue
        if tokens[i + 3].text != "(" or tokens[i + 5].text != ")":
            continue
        column = fact.column(tokens[i + 4].text)
        if column is None or column.name not in _numeric_names(fact) or _key_column(fact, column):
            continue
        m.column_ref = column.name
        ph.measures = [other for other in ph.measures if other is m or other.index != i + 4]
        ph.dims = [group for group in ph.dims if not set(group) & {i + 2, i + 4}]
        ph.bracketed = [entry for entry in ph.bracketed if i + 4 not in entry[2]]
        ph.used |= {i + 1, i + 2, i + 3, i + 4, i + 5}


def _counted_noun(token: Token) -> bool:
    """«заказов», «транзакций» after «сколько»: a noun in the genitive plural, the things counted."""
    return token.lang == "ru" and any(
        p.pos == "NOUN" and p.case == "gent" and p.number == "plur" for p in token.parses[:1]
    )


def _how_much_tables(ph: MartPhrase, ground: _Ground) -> list[Table]:
    """The tables with one numeric column a «сколько начислено» phrase names (see _how_much_column)."""
    found = []
    for m in ph.measures:
        for table in ground.tables:
            probe = dataclasses.replace(ph, used=set(ph.used))
            if _how_much_column(probe, table, m) is not None:
                found.append(table)
    return list(dict.fromkeys(found))


# --- round marts15: flags in the counted phrase, chat words, target names, fact tables by columns ---------


def _release_flag_words(ph: MartPhrase, ground: _Ground, fact: Table, measures: list[dict[str, Any]]) -> None:
    """ "count occupied beds", "approved vacations per kind": a word of a counted phrase that names a boolean
    column of the fact states a row condition (`occupied = true`), so it goes to the filter rules like any
    other state word instead of being dropped as part of the counted noun."""
    measured = {m.get("column") for m in measures}
    for m in ph.measures:
        if m.func not in ("count", "count_distinct"):
            continue
        for k in m.object:
            token = ph.tokens[k]
            if k not in ph.used or ground.table_of(token) is not None:
                continue
            named = ground.columns_named(fact, [token])
            if (
                len(named) == 1
                and named[0].name not in measured
                and column_kind(named[0].type).family == "bool"
            ):
                ph.used.discard(k)


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


def _release_noun_before_with(ph: MartPhrase, ground: _Ground, fact: Table) -> str:
    """«Поездки с промокодом: количество по тарифу», "Trips with a promo code: …": the fact's noun right
    before an unread «с»/"with" is left to the filter rules, which read «с <column>» only after the table's
    noun (as in «количество поездок с промокодом»); blanked, the title's condition was dropped. Returns the
    words of the condition (to ask about when no filter rule reads them), "" when there is none."""
    tokens = ph.tokens
    for k in range(len(tokens) - 1):
        if k + 1 in ph.used or tokens[k + 1].lower not in WITH_WORDS:
            continue
        if ground.table_of(tokens[k]) is not fact:
            continue
        ph.used.discard(k)
        said = []
        for j in range(k + 1, min(len(tokens), k + 5)):
            if j in ph.used or tokens[j].lang not in ("ru", "en"):
                break
            said.append(tokens[j].text)
        if len(said) > 1:
            return " ".join(said)
    return ""


def _measured_dimensions(
    ph: MartPhrase, ground: _Ground, fact: Table, dims: list[str], measures: list[dict[str, Any]]
) -> tuple[list[str], str | None]:
    """(dimensions, the column of a question) when a column is both aggregated and grouped by. "avg price
    per kwh by zone" of `price_per_kwh`: "per kwh" right after the measure's words is the rest of the
    measured column's name, not a grouping, so that dimension is dropped. Any other column both measured
    and grouped by (avg(x) per x is x itself) is asked, never planned."""
    measured = {m["column"] for m in measures if m.get("column") and m["func"] != "count_distinct"}
    both = [d for d in dims if d in measured]
    if not both:
        return dims, None
    tokens = ph.tokens
    for group in ph.dims:
        prep = group[0] - 1
        if prep < 1 or tokens[prep].lang != "en" or tokens[prep].lower not in DIM_PREPS_EN:
            continue
        if not any(m.object and m.object[-1] == prep - 1 for m in ph.measures):
            continue  # the words before "per" are the measure's own
        named = ground.columns_named(fact, [tokens[k] for k in group])
        if len(named) != 1 or named[0].name not in both:
            continue
        parts = set(name_parts(named[0].name))
        if stem(tokens[prep].lower) in parts and all(stem(tokens[k].lower) in parts for k in group):
            both.remove(named[0].name)
            dims = [d for d in dims if d != named[0].name]
    return dims, (both[0] if both else None)


def _same_head(column: Column, table: Table) -> bool:
    """The column's comment names what the table's comment names ('Показание' of 'Показания счётчиков')."""
    head = _comment_head(column.comment or "")
    return head is not None and head == _comment_head(table.comment or "")


def _one_row_as_load(ph: MartPhrase) -> bool:
    """«выручка с заказов в ClickHouse каждый час», "revenue from orders to ClickHouse every hour": a measure
    with no dimension and no grain, and no word naming a mart or a report, reads as a load of the table that
    also says what it holds; one number over the whole table is asked, never planned as a one-row mart
    («Витрина выручки из заказов» names the mart; «… по тарифным планам» groups by the fact's own rows)."""
    titles = (TITLE_RU | TRIGGER_RU) - TABLE_NOUNS_RU, (TITLE_EN | TRIGGER_EN) - TABLE_NOUNS
    return bool(ph.measures) and not any(_word(t, *titles) for t in ph.tokens)


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


def _own_value_column(ground: _Ground, fact: Table, token: Token) -> Column | None:
    """The one numeric column of the fact the word names by its name or comment, when the word names the fact
    only by a qualifier («мили» of miles_transactions: miles), else None."""
    if ground.table_of(token) is not fact or not _names_by_qualifier(ground, fact, token):
        return None
    valued = [
        c
        for c in _numeric_columns(fact)
        if not _key_column(fact, c) and not _same_head(c, fact) and _word_of_column(c, token)
    ]
    return valued[0] if len(valued) == 1 else None


def _counted_unit_column(ground: _Ground, fact: Table, token: Token) -> Column | None:
    """«сколько миль», "how many miles", «число миль» of miles_transactions ('Операции с милями'): the counted
    noun names the fact only by a qualifier and is the unit of its one value column (miles 'Количество миль':
    the column's name, or a comment that is a count of that noun), so the units are summed, never the rows
    counted. «кол-во стипендий» of scholarships (amount 'Сумма стипендии') stays a count of rows."""
    column = _own_value_column(ground, fact, token)
    if column is None:
        return None
    comment = _comment_words(column.comment or "")
    heads = {p.lemma for p in analyse(comment[0])} if comment else set()
    return column if column.name.lower() == token.lower or heads & {"количество", "число"} else None


def _noun_names_a_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«показания по моделям счётчиков по неделям» (no measure word): the noun naming the fact table
    (readings, 'Показания счётчиков') also names a numeric column of it (value, 'Показание'), so the request
    may ask for the number of rows or for an aggregate of that column; it is asked, not counted. A noun that
    names only its table ("Leads per source per week") still counts the rows (README). "Total readings",
    «всего показаний» ask the same: "total" may count the rows or sum the values."""
    for m in ph.measures:  # "total readings": the number of readings or the sum of their values?
        cue = ph.tokens[m.index]
        if m.func == "sum" and not m.column_ref and _word(cue, COUNT_OR_SUM_RU, COUNT_OR_SUM_EN):
            valued = [c for k in m.object for c in _fact_and_value_columns(ground, fact, ph.tokens[k])]
            if valued and not any(_rate_column(c) for c in valued):  # a rate's sum has its own question
                return cue.text
    if ph.measures:
        return None
    return next((t.text for t in ph.tokens if _fact_and_value_columns(ground, fact, t)), None)


# Measure words that total either the rows or a value ("total readings", «всего показаний»): a sum only when
# the noun after them names no value of the rows.
COUNT_OR_SUM_RU = {"всего", "итого"}
COUNT_OR_SUM_EN = {"total", "overall"}


def _fact_and_value_columns(ground: _Ground, fact: Table, t: Token) -> list[Column]:
    """The numeric columns of the fact a word names when it names the fact table too (readings, 'Показания
    счётчиков': value, 'Показание'); empty when it does not name the fact."""
    if t.lang not in ("ru", "en") or ground.table_of(t) is not fact:
        return []
    return [
        c
        for c in _numeric_columns(fact)
        if not c.name.endswith("_id")
        and c.name not in fact.primary_key
        and ((_comment_names(c, t) and not _owner_in_comment(c, t)) or _same_head(c, fact))
    ]  # "readings" of 'Показания' ~ 'Показание'; «билеты» of 'Цена билета' is whose price, not the price


def _owner_in_comment(column: Column, word: Token) -> bool:
    """The word names only a genitive noun after the comment's head ('Цена билета' of «билеты»): the
    column is an attribute of what the word names (a ticket's price), not its value."""
    head = _comment_head(column.comment or "")
    if head is None or stem(word.lower) == head or any(stem(lemma) == head for lemma in word.lemmas):
        return False
    # 'Сумма платежа', 'Объём заказа': the row's own amount, «платежи» may well sum it (asked)
    return head not in _AMOUNT_HEADS


_AMOUNT_HEADS = {stem(w) for w in ("сумма", "объём", "объем", "количество", "размер", "итог")}


# Chat words around a request: greetings, asking, particles («пусть обновляется»), "pls"; and the jargon
# of a refresh («апдейт раз в час»). They end a list of dimensions and are no slot of the mart.
CHAT_RU = {"пусть", "пускай", "привет", "здравствуйте", "здравствовать", "коллега", "плиз", "плз", "пжлст",
           "спасибо", "пожалуйста", "ну", "давай", "давайте", "можно", "апдейт", "апдейтить", "обнова",
           "рефреш"}  # fmt: skip
CHAT_EN = {"hey", "hi", "hello", "pls", "plz", "please", "thanks", "thx", "can", "could", "would", "get",
           "gimme", "i", "you", "guys", "folks", "ok", "okay", "u", "ya", "build"}  # fmt: skip
# Words that name the mart's own table: «табличку назови X», «назвать витрину X», "target table X".
NAMING_RU = {"назвать", "называть", "назваться", "имя", "название", "наименование"}
NAMING_EN = {"name", "named", "call", "called", "target"}
NAMED_NOUNS_RU = {"табличка", "таблица", "витрина", "витринка", "результат", "итог", "её", "ее", "его"}
NAMED_NOUNS_EN = {"table", "mart", "it", "the", "result", "output"}
# «результат в кликхаус», "output to ClickHouse": a noun for what is built, before where it goes.
RESULT_RU = {"результат", "итог"}
RESULT_EN = {"result", "results", "output"}


def _chat_word(token: Token) -> bool:
    """«пусть», «привет», «коллеги», «апдейт», "hey", "pls", "can I get": no dimension, no slot."""
    if token.lang == "ru":
        return token.lower in CHAT_RU or token.lemma in CHAT_RU
    return token.lang == "en" and token.lower in CHAT_EN


def _naming_word(token: Token) -> bool:
    return (token.lang == "ru" and bool(token.lemmas & NAMING_RU)) or (
        token.lang == "en" and token.lower in NAMING_EN
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


# Chat spellings of «количество» / «сколько» and English shorthands of a count («колво лидов», «скока
# событий», "cnt of orders", "num of visits").
_SLANG_COUNT_RU = re.compile(r"^(?:кол\.?-?во|колво|к-во|скока|скоко|скок|скоко?лько)$")


def _slang_count(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.lang == "ru":
        return bool(_SLANG_COUNT_RU.match(t.lower))
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return t.lang == "en" and (t.lower == "cnt" or (t.lower == "num" and after == "of"))


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


def _claim_not_yet_subject(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "only people not fired yet", «только сотрудники, ещё не уволенные»: the people (or the fact's own
    noun) the «not yet» clause is said of belong to that clause; they are no value of a column."""
    if ph.not_yet is None:
        return
    tokens = ph.tokens
    for k, t in enumerate(tokens[1:], start=1):
        if t.lower not in ("не", "not", "ещё", "еще", "still") or k not in ph.used:
            continue
        j = k - 1 - (tokens[k - 1].text == ",")
        if j < 0 or j in ph.used:
            continue
        subject = tokens[j]
        if not (_word(subject, PEOPLE_RU, PEOPLE_EN) or ground.table_of(subject) is fact):
            continue
        first = j - (j > 0 and tokens[j - 1].lower in ("only", "только", "лишь"))
        ph.used.update(range(first, k))
        ph.blank.append((tokens[first].start, tokens[k - 1].end))
        return


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


GRAIN_LINKS = {"по", "(", "on", "by"}  # «по дням (по плановому вылету)», «по месяцам по плановому вылету»


def _grain_word_before(ph: MartPhrase, first: int) -> int | None:
    """The index of the grain word (a grain noun, adjective or adverb, or a word read as naming the grain's
    column) a word group starting at `first` follows, across «по» and an opening bracket; None when the group
    does not follow a grain."""
    tokens, q = ph.tokens, first - 1
    while q >= 0 and q >= first - 2 and tokens[q].lower in GRAIN_LINKS:
        q -= 1
    if q < 0:
        return None
    t = tokens[q]
    if _grain_noun(t) or _grain_adjective(t) or t.lower in GRAIN_ADVERBS_RU:
        return q
    if q == first - 1 and q in ph.grain_words:
        return q  # «по дате выписки билета»: the genitive after the event word goes on the date's phrase
    return None


def _names_time_column(column: Column, token: Token) -> bool:
    """A Russian word says a time column: a word of its comment («планового вылета» ~ 'Плановое время
    вылета') or a name part spelled by ear («старта» ~ started_at)."""
    if token.lang != "ru":
        return False
    return (
        _comment_names(column, token)
        or any(transliterates(token.lower, part) for part in column.name.lower().split("_"))
        or _event_names_time(column, token)
    )


@functools.lru_cache(maxsize=4096)
def _comment_events(comment: str) -> frozenset[str]:
    """The event (TIME_WORDS' stem) a time column's comment is the time of: its head word after any date
    noun or «когда» ('Окончание аренды', 'Дата закрытия заявки' -> end, close); 'Когда отменил запись' names
    no such event (its «запись» is the booking, not the event)."""
    words = [t for t in tokenize(comment) if t.lang == "ru"]
    while words and (words[0].lemmas & (DATE_NOUNS | {"когда", "час", "день"})):
        words = words[1:]
    if not words:
        return frozenset()
    return frozenset(TIME_WORDS[lemma] for lemma in words[0].lemmas if lemma in TIME_WORDS)


def _event_names_time(column: Column, token: Token) -> bool:
    """A word names the same event as a word of the column's comment, in other words: «завершению аренды»
    and "trip end" ~ finished_at 'Окончание аренды' (завершение, end and окончание are all the end)."""
    event = _time_word(token)
    return event is not None and bool(column.comment) and event in _comment_events(column.comment or "")


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


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _bracket_synonym_table(tables: list[Table], meanings: set[str]) -> Table | None:
    """«по счётчикам» of telemetry: of the tables whose comments hold the word, the one whose comment gives
    it in brackets as the table's other name ('Приборы учёта (счётчики)'), not the ones it qualifies
    ('Показания счётчиков', 'Телеметрия умных счётчиков')."""
    from airflow_ai_etl.planning.offline import name_parts_of_text

    found = [
        t
        for t in tables
        if any(
            (parts := name_parts_of_text(m.group(1))) and parts[0] in meanings and len(parts) <= 2
            for m in _BRACKETED.finditer(t.comment or "")
        )
    ]
    return found[0] if len(found) == 1 else None


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


def _counted_event_verb(words: Sequence[Token], k: int) -> bool:
    """«сколько литров залили», «сколько залили»: a verb after «сколько» (and what it counts) names the
    event the rows are, not a load of the table."""
    return any(w.lang == "ru" and w.lemma == "сколько" for w in words[max(0, k - 2) : k])


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


def _distinct_people(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько разных людей заходило», "distinct people": people counted once each on a fact that points at
    one register of people (badge_events.employee_id -> employees) are that key's distinct values."""
    for m in ph.measures:
        if m.func != "count_distinct" or m.column_ref or not m.object:
            continue
        if not all(_word(ph.tokens[k], PEOPLE_RU, PEOPLE_EN) for k in m.object):
            continue
        keys = {
            key
            for t in ground.tables
            if set(name_parts(t.name)) & PEOPLE_PARTS and (key := _fk_column(fact, t)) is not None
        }
        if len(keys) == 1:
            m.column_ref = keys.pop()


def _each_after(tokens: Sequence[Token], i: int) -> bool:
    """«заходило через каждую дверь», "through each gate": a quantifier after the preposition makes the noun
    a dimension (per door), not a table joined through."""
    nxt = tokens[i + 1]
    return nxt.lower in EACH or (nxt.lang == "ru" and nxt.lemma in EACH)


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


# --- round marts12: minutes, fillers, English time words --------------------------------------------------


def _minutes_after_number(tokens: Sequence[Token], i: int) -> bool:
    """ "every 30 min", «каждые 15 мин», "longer than 40 min": a number of minutes, not the min() measure."""
    return tokens[i].lower in ("min", "mins", "мин") and i > 0 and tokens[i - 1].number is not None


def _polite(token: Token) -> bool:
    """«…, пожалуйста», "… please": no dimension (a list of dimensions ends there)."""
    return token.lower in POLITE or (token.lang == "ru" and token.lemma in POLITE)


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


_BE_EN = {"was", "were", "is", "are", "got", "gets", "get", "has", "have", "had", "been", "being"}


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


def _english_state(
    ph: MartPhrase, ground: _Ground, fact: Table, grain: dict[str, Any] | None
) -> tuple[str | None, str | None]:
    """ "number of closed tickets", "how many tickets were closed", "delivered shipments count": an English
    participle on the counted rows states which rows: a value a text column's comment lists ('Статус
    (created, in_transit, delivered, lost)': status = 'delivered'), else the event whose time column it
    names (closed_at IS NOT NULL) unless the grain dates the rows by it ("issued books per week"). When both
    say it and the word is no status word of the load rules ("closed"), the load's question. (condition,
    question)."""
    tokens = ph.tokens
    if not ph.measures:  # "closed tickets per category": the rows counted with no count word
        head = next((k for k, t in enumerate(tokens) if ground.table_of(t) is fact), 0)
        named = _schema_before_own_noun(ground, fact, tokens, head - 1)  # "charging sessions": no status
        if head > 0 and head - 1 not in ph.used and not named:
            # the load rules read the word's condition from the rest; only the question is this rule's
            return None, _english_word_state(tokens[head - 1], ground, fact, grain, ph.assumed)[1]
    for m in ph.measures:
        if m.func not in ("count", "count_distinct"):
            continue
        before = [m.object[0] - 1] if m.object and m.object[0] > 0 and m.object[0] - 1 not in ph.used else []
        for k in [*before, *m.object]:  # "closed requests count": the word before the counted noun too
            if _said_excluded(tokens, k) or _schema_before_own_noun(ground, fact, tokens, k):
                continue  # "failed calls excluded": the rows left out, read by the filter rules
            condition, question = _english_word_state(tokens[k], ground, fact, grain, ph.assumed)
            if question is not None:
                return None, question
            if condition is None:
                continue
            m.object = [x for x in m.object if x != k and tokens[x].lower not in ("were", "was", "got")]
            ph.used.add(k)
            return condition, None
    return _english_state_of_summed(ph, ground, fact), None


def _hyphenated_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "high-priority tickets", "premium-segment clients": an English "<value>-<column noun>" before the
    fact's own noun, the value one the column's comment lists ('Приоритет (low, normal, high)'), says which
    rows: `priority = 'high'`."""
    tokens = ph.tokens
    for k in range(len(tokens) - 1):
        t = tokens[k]
        if t.lang != "en" or t.lower.count("-") != 1 or ground.table_of(tokens[k + 1]) is not fact:
            continue
        value, noun = t.lower.split("-")
        nouns = tokenize(noun)
        if len(nouns) != 1:
            continue
        columns = [c for c in _columns_of_word(ground, fact, nouns[0]) if value in listed_values(c.comment)]
        if len(columns) == 1:
            ph.used.add(k)
            return f"{columns[0].name} = '{value}'"
    return None


def _only_ones(tokens: Sequence[Token], k: int) -> bool:
    """ "successful ones only", "only the successful ones": the word at `k` before "ones", with "only" beside
    (never "paid ones excluded", which the load filters read as the rows left out)."""
    if k + 1 >= len(tokens) or tokens[k + 1].lower not in ROW_PRONOUNS_EN:
        return False
    return any(w.lower in ONLY_WORDS for w in tokens[max(0, k - 2) : k + 3])


def _english_state_of_summed(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """ "average amount of failed payments", "successful payments: sum of amount": with no count, an English
    word right before the fact's own noun that is a value its text column lists (stem: successful ->
    'success') says which rows are summed: the condition, never dropped."""
    tokens = ph.tokens
    if any(m.func in ("count", "count_distinct") for m in ph.measures):
        return None  # read by the count rule above
    in_dims = {k for words in ph.dims for k in words}
    for k in range(len(tokens) - 1):
        t = tokens[k]
        if t.lang != "en" or k in in_dims or t.lower == "new" or _said_excluded(tokens, k):
            continue
        if _schema_before_own_noun(ground, fact, tokens, k):
            continue  # "charging sessions": the table's qualified name, no status 'charging'
        if ground.table_of(tokens[k + 1]) is not fact and not _only_ones(tokens, k):
            continue  # "successful payments", "successful ones only": the word before the rows' noun
        if ground.table_of(t) is not None or (condition := _listed_value_condition(fact, t)) is None:
            continue
        for m in ph.measures:
            m.object = [x for x in m.object if x != k]
        ph.used.add(k)
        if _only_ones(tokens, k):  # "successful ones only": the pronoun and its "only" are read too
            ph.used.add(k + 1)
            ph.used.update(
                j for j in range(max(0, k - 2), min(k + 3, len(tokens))) if tokens[j].lower in ONLY_WORDS
            )
        return condition
    for m in ph.measures:  # "total miles redeemed", "total redeemed miles": the measured rows' state
        for k in m.object:
            t = tokens[k]
            if t.lang != "en" or not t.lower.endswith("ed") or _said_excluded(tokens, k):
                continue
            if (
                not ({k - 1, k + 1} & set(m.object))
                or (listed := _state_participle_value(t, ground, fact)) is None
            ):
                continue
            m.object = [x for x in m.object if x != k]
            ph.used.add(k)
            return f"{listed[0].name} = '{listed[1]}'"
    return None


def _said_excluded(tokens: Sequence[Token], k: int) -> bool:
    """ "excluding cancelled trips", "cancelled trips excluded", "without the failed ones": the word at `k`
    names rows left out (the filter rules read the negation), never the state of the rows kept."""
    for j in range(k - 1, max(-1, k - 3), -1):
        if tokens[j].lower in NEGATION_WORDS or tokens[j].lemma in NEGATION_WORDS:
            return True
        if tokens[j].lower not in ("the", "all", "any", "those"):
            break
    for j in range(k + 1, min(len(tokens), k + 4)):
        if tokens[j].lang == "punct":
            return False
        if tokens[j].lower in EXCLUDED_EN:
            return True
    return False


def _english_word_state(
    t: Token, ground: _Ground, fact: Table, grain: dict[str, Any] | None, assumed: list[str]
) -> tuple[str | None, str | None]:
    """The rows' state one English word says (see _english_state): (condition, question). A word the status
    lists while the event's time column dates it ("closed accounts": status 'closed' beside closed_at) is the
    listed value, its note added to `assumed` (the README's convention, as a load reads it)."""
    if t.lang != "en" or t.lower == "new" or ground.table_of(t) is not None:
        return None, None  # "new requests per month": rows counted by the month they appear in, no status
    condition = _listed_value_condition(fact, t)
    if grain is not None and _first_state_event(t, fact, grain["column"], condition):
        return None, None  # "shipments created per day": the rows' first state dates the grain, no state
    event = _event_happened(t.text, fact, grain) if _english_participle(t) else None
    if condition is not None and event is not None and not status_word(t.lower)[0]:
        state = assumed_state("en", fact, t.text, event.split()[0])
        if state is not None and state[0] == condition:
            if state[1] not in assumed:
                assumed.append(state[1])
            return condition, None
        question = state_two_columns_question("en", fact, t.text, event.split()[0])
        if question is not None:
            return None, question
    return condition or event, None


def _russian_verb_state(ph: MartPhrase, fact: Table) -> str | None:
    """«сколько студентов оплатили обучение»: a Russian verb right after the counted people is read as the
    state its passive participle names («оплаченные» -> 'paid'), when one text column of the fact lists that
    value, as "how many students paid tuition" is (status = 'paid')."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func not in ("count", "count_distinct") or not m.object:
            continue
        k = m.object[-1] + 1
        if k >= len(tokens) or tokens[k].lang != "ru" or not tokens[k].parses:
            continue
        if tokens[k].parses[0].pos != "VERB":
            continue
        verb = _morph().parse(tokens[k].lemma)[0]
        participle = verb.inflect({"PRTF", "pssv", "past", "plur", "nomn"})
        value = status_word(participle.word)[0] if participle is not None else None
        found = [
            (c.name, v)
            for c in fact.columns
            if value is not None and column_kind(c.type).family == "text"
            for v in listed_values(c.comment)
            if v.lower() in {s.lower() for s in status_spellings(value)}  # «выполнили»: done or completed
        ]
        if len(found) == 1:
            ph.used.add(k)
            return f"{found[0][0]} = '{found[0][1]}'"
    return None


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


def _english_participle(token: Token) -> bool:
    return token.lower.endswith("ed") or token.lower in IRREGULAR_PARTICIPLES_EN


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


def _listed_value_condition(fact: Table, token: Token) -> str | None:
    """`status = 'delivered'`: the one text column of the fact whose comment lists the word as a value."""
    found = [
        (c.name, value)
        for c in fact.columns
        if column_kind(c.type).family == "text"
        for value in listed_values(c.comment)
        if value.lower() == token.lower or stem(value.lower()) == stem(token.lower)
    ]
    return f"{found[0][0]} = '{found[0][1]}'" if len(found) == 1 else None


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


def _collected_money(
    ph: MartPhrase, ground: _Ground, fact: Table
) -> tuple[list[dict[str, Any]], list[str]] | None:
    """ "premium payments collected per week", no measure word: the fact's noun and a participle of money
    collected say how much was collected, the sum of the fact's one money column (several: asked)."""
    tokens = ph.tokens
    said = any(
        t.lower in MONEY_SUMMED_EN and k > 0 and ground.table_of(tokens[k - 1]) is fact
        for k, t in enumerate(tokens)
    )
    money = _money_columns(fact)
    if not said or not money:
        return None
    if len(money) > 1:
        columns = ", ".join(c.name for c in money)
        return [], [_asker("en")("which_column", func="sum", table=fact.name, columns=columns)]
    return [{"func": "sum", "column": money[0].name}], []


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


# Russian mart words a one-letter typo is read as («розрезе», «розбивкой»): words no catalog comment says,
# the longer measure words («сколко», «количетво», «срееднее») and the longer Russian column and dimension
# words of the mart's own tables («остоновок» -> «остановок»).
SPELLING_RU = frozenset(
    {"разрез", "разбивка", "группировка", "витрина"}
    | {w for w in [*COUNT_RU, *AVG_RU, *MIN_RU, *MAX_RU, *SUM_RU] if len(w) >= 6 and w.isalpha()}
    | {w for w in [*COLUMN_WORDS, *DIM_WORDS] if len(w) >= 6 and not w.isascii()}
)


def _object_pair_table(ph: MartPhrase, ground: _Ground, m: MeasureWord) -> Table | None:
    """The table two neighbouring words of a measure's object name together ("service requests")."""
    words = [ph.tokens[k] for k in m.object]
    found = {
        t.qualified_name: t
        for a, b in zip(words, words[1:], strict=False)
        if (t := ground.table_of_pair(a, b))
    }
    return next(iter(found.values())) if len(found) == 1 else None


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


# --- round marts12: units of measure after a measure ------------------------------------------------------

# Units written after a measure («потребление кВт·ч», «пробег, км», "weight in kg") -> the column-name part
# they say (kwh, km, kg); None: a unit that names no column part (roubles).
MEASURE_UNITS: dict[str, str | None] = {
    "квт": "kw", "квтч": "kwh", "kw": "kw", "kwh": "kwh", "ч": "h", "h": "h", "км": "km", "km": "km",
    "кг": "kg", "kg": "kg", "байт": "byte", "byte": "byte", "bytes": "byte", "гб": "gb", "gb": "gb",
    "мб": "mb", "mb": "mb", "руб": None, "рубль": None, "₽": None, "rub": None, "usd": None, "доллар": None,
    "евро": None, "eur": None, "rubles": None, "roubles": None, "dollars": None, "euros": None,
}  # fmt: skip
UNIT_JOINERS = {"·", "*", "/", "-", "⋅", "∙"}


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


def _currency_columns(fact: Table) -> list[Column]:
    """The fact's text columns that hold a currency: by name (currency) or comment ('Валюта операции')."""
    return [
        c
        for c in fact.columns
        if not column_kind(c.type).numeric
        and ("currency" in name_parts(c.name) or (c.comment or "").lower().startswith(("валют", "currency")))
    ]


def _currency_condition(ph: MartPhrase, fact: Table) -> tuple[str | None, str | None]:
    """«сумма транзакций в рублях», "average balance in dollars": a currency after the measure on a fact with
    a currency column keeps the rows in that currency: (the condition, None) when the column's comment lists
    the code, (None, the words) when it lists no codes to pick from (asked: a filter, or all amounts already
    in it?). A fact with no currency column has its money in that currency: (None, None), the unit read."""
    assert ph.currency is not None
    first, word = ph.currency
    columns = _currency_columns(fact)
    code = currency_code(ph.tokens[word])
    if not columns or code is None:
        return None, None
    words = " ".join(t.text for t in ph.tokens[first : word + 1])
    if len(columns) != 1:
        return None, words
    listed = {v.upper(): v for v in listed_values(columns[0].comment)}
    value = next((listed[c] for c in CURRENCY_CODE_ALIASES.get(code, (code,)) if c in listed), None)
    if value is None:
        return None, words
    return f"{columns[0].name} = '{value}'", None


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


def _pronoun(token: Token) -> bool:
    """«(его название)», «(их ФИО)»: the pronoun points back at the dimension, it names no column. English
    ("(its name)") keeps its pronoun: the bracket reader puts a lone word before the dimension's noun, the
    Russian order, and an English pair read that way would group by the key instead."""
    return token.lower in PRONOUNS


# --- round marts12: measure phrases -----------------------------------------------------------------------

SUM_RU |= {"фонд"}  # «фонд стипендий», «стипендиальный фонд»: the sum of the money paid out
MONEY_RU |= {"фонд"}


def _what_amount_of(tokens: Sequence[Token], i: int) -> bool:
    """«сколько и на какую объявленную ценность», "how many and for how much": after «и»/"and", «на какой
    <column words>» / "for how much" asks a second measure, how much of the column the words name (or of the
    money column): a sum, never a residue beside the count."""
    t = tokens[i]
    if i < 2:
        return False
    if t.lang == "ru":
        return t.lemma == "какой" and tokens[i - 1].lower == "на" and tokens[i - 2].lower == "и"
    if t.lower == "what":  # "and for what amount": the words after say the column
        return [w.lower for w in tokens[i - 2 : i]] == ["and", "for"]
    return t.lower == "much" and i >= 3 and [w.lower for w in tokens[i - 3 : i]] == ["and", "for", "how"]


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


def _rate_of_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """ "orders per day mart", "wifi sessions per hour", «заказов в день»: the fact's own noun right before a
    rate of a time unit counts its rows (even with «витрина»/"mart", which alone does not say a count)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for k in range(n - 2):
        t, per, unit = tokens[k], tokens[k + 1], tokens[k + 2]
        names = ground.table_of(t) is fact or (k > 0 and ground.table_of_pair(tokens[k - 1], t) is fact)
        if not names or _grain_noun(unit) is None:
            continue
        if t.lang == "en" and per.lower == "per":
            return True
        if t.lang == "ru" and per.lower in ("в", "во") and _per_grain(ph, t, per, unit):
            return True
    return False


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


def _units_word_of_table_name(ph: MartPhrase, ground: _Ground) -> bool:
    """ "menu items", "order items", "Dessert menu items": a pieces word ("items", "units") that with the
    noun right before it spells every part of a two-part table's name (menu_items) names that table; it is no
    sum of pieces ("units sold" stays one). The measure it made is dropped (planner101: "Menu items to
    ClickHouse daily" was asked as one number over order_items, "Order items ..." planned a one-row mart).
    Whether a measure was dropped."""
    tokens, dropped = ph.tokens, False
    for m in list(ph.measures):
        if not m.units or m.column_ref or m.index == 0 or tokens[m.index].lang != "en":
            continue
        after = tokens[m.index + 1].lower if m.index + 1 < len(tokens) else ""
        if after in ("sold", "bought", "ordered", "shipped", "left", "in"):
            continue  # "items sold", "items left in stock": pieces counted
        pair = ground.meanings(tokens[m.index - 1].lower) | ground.meanings(tokens[m.index].lower)
        spelled = [
            t for t in ground.tables if len(set(name_parts(t.name))) == 2 and set(name_parts(t.name)) <= pair
        ]
        if len(spelled) != 1:
            continue
        ph.measures.remove(m)
        ph.used.discard(m.index)
        dropped = True
    return dropped


def _names_mart(ph: MartPhrase) -> bool:
    """A word of the request names a mart, a report or a summary (a title or a mart trigger word)."""
    titles = (TITLE_RU | TRIGGER_RU) - TABLE_NOUNS_RU, (TITLE_EN | TRIGGER_EN) - TABLE_NOUNS
    return any(_word(t, *titles) for t in ph.tokens)


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


def _with_state_participle(ph: MartPhrase, ground: _Ground, fact: Table, rest: str) -> tuple[str, str | None]:
    """«Сколько отправлений доставлено», «сколько заявок закрыто»: a short participle after the counted noun
    is a state of the rows (status = 'delivered', closed_at IS NOT NULL), read by the filter rules as its
    full form («…, только доставленные») appended to the text they read; the word, or None. A participle
    naming a numeric column («отработано») is not one; one naming an event's time that no status value
    says («выдано» of issued_at) is dropped again by plan_mart (no condition, no question)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or not m.object:
            continue
        # «сколько заявок закрыто»: the participle may have been read as a word of the counted object
        inside = [k for k in m.object[1:] if tokens[k].parses and tokens[k].parses[0].pos in ("PRTS", "ADJS")]
        # «число уволенных сотрудников»: a full participle before the counted noun, read into the object
        # («число активных абонентов»: a state adjective, kept only where a listed value answers it)
        attribute = [
            k
            for k in m.object[:-1]
            if tokens[k].lang == "ru" and (_full_participle_form(tokens[k]) or _state_adjective(tokens[k]))
        ]
        k = inside[0] if inside else attribute[0] if attribute else m.object[-1] + 1
        if k >= len(tokens):
            continue
        word = tokens[k]
        if (k in ph.used and not (inside or attribute)) or word.lang != "ru" or not word.parses:
            continue
        if (
            word.parses[0].pos not in ("PRTS", "ADJS")
            and k not in attribute
            and not _event_of_counted(ph, ground, fact, m.object, k)
        ):
            continue
        if any(_comment_names(c, word) for c in _numeric_columns(fact)):
            continue
        noun = tokens[m.object[0]]  # the counted word («литров»), not a participle before it («уволенных»)
        if (
            k not in attribute
            and m.object[0] != k
            and ground.table_of(noun) is None
            and ground.columns_named(fact, [noun])
        ):
            continue  # «сколько литров залито»: a column's amount counted, the fact's own event (as «залили»)
        if word.lemmas & SOLD_LEMMAS or _describes(word, fact):
            continue  # «товаров продано» of sales: the fact's own event, no state
        full = _full_participle(word)
        if full is None:
            continue
        if not _state_adjective(word):  # an adjective no value answers is read as before (see plan_mart)
            ph.used.add(k)
        m.object = [x for x in m.object if x != k]
        chars = list(rest)
        chars[word.start : word.end] = " " * (word.end - word.start)
        return "".join(chars) + ", только " + full, word.text
    return rest, None


def _per_entity_ratio(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«средний платёж на абонента по каналам», "average revenue per customer by region": a measure per an
    entity that is not the fact's own row is a ratio (the sum over the distinct entities), which no mart
    measure computes: the words, asked as ARPU is. Russian «на (одного) <noun>» says it always; English
    "per <noun>" only after an average and beside another grouping ("average visit duration per doctor"
    groups by the doctor). An average per the fact's own row ("average salary per employee" of employees)
    is the plain average, unless the measured words name no column of it («средний доход на абонента» read
    on subscribers)."""
    tokens = ph.tokens
    averaged = [m for m in ph.measures if m.func == "avg"]
    for k in range(len(tokens) - 1):
        j = k + 1 + (tokens[k + 1].lemma in PER_ONE_RU and k + 2 < len(tokens))
        noun = tokens[j]
        each = tokens[k + 1].lemma == "каждый"  # «число заправок на каждую машину»: a grouping by it
        if _ru(tokens[k], {"на"}) and (averaged or (ph.measures and not each)) and _per_person(noun):
            measured = averaged or ph.measures
        elif (
            _en(tokens[k], {"per"})
            and averaged
            and [j] in ph.dims
            and (len(ph.dims) > 1 or _averaged_count(ph))
        ):
            measured = averaged  # "per customer by region"; not "per course title" (a column of courses)
            if _averages_per_unit_values(ph, ground, fact, averaged):
                continue  # "average base rate by floor per hotel": a rate is never summed, so no ratio
        else:
            continue
        entity = ground.table_of(noun)
        if entity is None:
            continue
        named = any(ground.columns_named(fact, [tokens[i] for i in m.object]) for m in measured)
        # "average items per order" of bar_orders (items_count): the pieces of one row, its quantity column
        pieces = any(m.units for m in measured) and (_quantity_column(fact) or _pieces_column(fact, tokens))
        if entity is fact and (named or pieces):
            ph.used.update(range(k, j + 1))  # "average salary per employee": a row is an employee
            continue
        start = measured[0].index
        return _words_of(tokens, list(range(start, j + 1)) if start < k else [*measured[0].object, k, j])
    return None


def _averages_per_unit_values(
    ph: MartPhrase, ground: _Ground, fact: Table, averaged: Sequence[MeasureWord]
) -> bool:
    """Every averaged word names only rates or values counted per a unit of time (deposits.rate '% годовых',
    base_rate 'Базовый тариф за ночь'): no sum of them over an entity means anything, so "per <entity>" after
    them groups by the entity, as "by" does."""
    for m in averaged:
        named = ground.columns_named(fact, [ph.tokens[k] for k in m.object]) if m.object else []
        if not named or not all(_rate_column(c) or _per_unit(c) for c in named):
            return False
    return True


def _averaged_count(ph: MartPhrase) -> bool:
    """ "average number of fines per customer": an average with no object of its own right before a count is
    an average of counts, a ratio of the rows over the entities whatever else groups them."""
    return any(
        a.func == "avg"
        and not a.object
        and any(c.func == "count" and 0 < c.index - a.index <= 2 for c in ph.measures)
        for a in ph.measures
    )


def _people_event_asked(ph: MartPhrase, fact: Table, lang: str) -> tuple[str | None, str | None]:
    """(question, condition). The load's question when the verb that named the people's event («отчислено»
    of expelled_on) may be a status value too; none when no status listing could say it or the verb is a
    status word itself. When the status lists the very value the event is named after, the condition is
    that value (`status = 'expelled'`, the README's convention, as a load reads «отчисленных»), its note
    added to ph.assumed."""
    verb = next(
        (t for t in ph.tokens if ph.happened in {c.name for c in _event_time_columns(t, fact)}),
        None,
    )
    if verb is None or status_word(verb.lower)[0]:
        return None, None
    if (state := assumed_state(lang, fact, verb.text, ph.happened or "")) is not None:
        if state[1] not in ph.assumed:
            ph.assumed.append(state[1])
        return None, state[0]
    return state_two_columns_question(lang, fact, verb.text, ph.happened or ""), None


def _per_person(token: Token) -> bool:
    """«на абонента», «на одного клиента»: an animate noun in the singular accusative (read as its genitive)
    is what a ratio is per; not «записей на приём», «кандидатов на вакансию», «на дисциплины» (what the rows
    are for)."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "NOUN":
        return False
    tag = _morph().parse(token.lower)[0].tag
    return "anim" in tag and "sing" in tag and ("accs" in tag or "gent" in tag)


def _noun(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos == "NOUN"


def _counted_entity(ph: MartPhrase, ground: _Ground, fact: Table) -> Table | None:
    """The table the counted noun names when the fact is another one («сколько кредитов просрочено» on
    loan_payments, "students who paid tuition" on tuition_payments): a count of the fact's rows would count
    payments, not loans. The head noun is the first word counted («кредитов с просроченными платежами»), in
    English the last of its compound ("order payments": payments)."""
    tokens = ph.tokens
    for m in ph.measures:
        if m.func != "count" or m.column_ref or not m.object:
            continue
        nouns = [x for x in m.object if tokens[x].lang != "ru" or _noun(tokens[x])]  # not «умных»
        if not nouns:
            continue
        k = nouns[0]
        while tokens[k].lang == "en" and k + 1 in m.object and ground.table_of(tokens[k + 1]) is not None:
            k += 1
        table = ground.table_of(tokens[k])
        if table is not None and table is not fact:
            return table
    return None


def _one_row_per_entity(fact: Table, key: str, dims: Sequence[str], grain: dict[str, Any] | None) -> bool:
    """Each group holds at most one row per entity when the fact's primary key is the entity's key and the
    grouping's columns (attendance: student_id, course_id, lesson_date by course and day): its rows counted
    are the entities counted."""
    grouped = {key, *dims}
    if grain is not None and grain["grain"] == "day" and (c := fact.column(grain["column"])) is not None:
        grouped |= {c.name} if c.type.lower() == "date" else set()
    return bool(fact.primary_key) and set(fact.primary_key) <= grouped


def _counted_noun_first(text: str, tokens: Sequence[Token]) -> str:
    """«сколько выпустилось студентов», «сколько закрылось валютных счетов»: a finite event verb between
    «сколько» and the counted noun (a genitive, with its attributes) says the same as after it («сколько
    студентов выпустилось»), the order the state rules read: the noun phrase moved before the verb."""
    for i in range(len(tokens) - 2):
        verb = tokens[i + 1]
        if tokens[i].lemma != "сколько" or not _finite_event_verb(verb):
            continue
        end = i + 2
        while end < len(tokens) and _genitive_attribute(tokens[end]):
            end += 1
        head = tokens[end] if end < len(tokens) else None
        if head is None or not any(p.pos == "NOUN" and p.case == "gent" for p in head.parses[:2]):
            continue
        phrase = text[tokens[i + 2].start : head.end]
        return text[: verb.start] + phrase + " " + verb.text + text[head.end :]
    return text


def _genitive_attribute(token: Token) -> bool:
    """«валютных» of «валютных счетов»: an adjective or participle in the genitive plural."""
    return token.lang == "ru" and any(
        p.pos in ("ADJF", "PRTF") and p.case == "gent" and p.number == "plur" for p in token.parses[:1]
    )


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


def _full_participle_form(token: Token) -> bool:
    """«уволенных», «закрытых» (also the adjective «закрытый»): a word one reading of which is a full
    participle, the state of the noun it stands before."""
    return any(p.pos == "PRTF" for p in token.parses)


def _state_adjective(token: Token) -> bool:
    """«активных», «просроченных»: a qualitative adjective (no participle reading) that may name a state
    the rows are listed in; not «новых» (new rows, read by the grain rules)."""
    return (
        token.lang == "ru"
        and bool(token.parses)
        and token.parses[0].pos == "ADJF"
        and "Qual" in str(_morph().parse(token.lower)[0].tag)
        and token.lemma != "новый"
        and not _full_participle_form(token)
    )


def _finite_event_verb(token: Token) -> bool:
    """«выпустилось», «ушло», «доставили»: a finite verb in the past indicative, said of the rows (the event
    they went through); not «хочу»/«построй» (the asker's own wish or a command), nor a verb of being
    («было»), nor one with a subject of its own («провёл каждый врач»); a present state («сколько человек
    работает») is left to the rules that read it."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos != "VERB":
        return False
    if token.lemma in FILLER_RU or _word(token, REFRESH_RU, REFRESH_EN):
        return False
    tag = _morph().parse(token.lower)[0].tag
    # «сколько студентов выпустилось», «сколько посылок доставили»: neuter or plural, said of the counted
    # rows; «сколько приёмов провёл каждый врач»: masculine, said of a subject of its own
    return "indc" in tag and "past" in tag and ("neut" in tag or "plur" in tag)


def _event_of_counted(ph: MartPhrase, ground: _Ground, fact: Table, counted: list[int], k: int) -> bool:
    """«сколько студентов выпустилось», «сколько клиентов ушло»: a finite event verb right after a counted
    noun says what happened to the rows (a state, read as its participle); not «сколько литров залили» (a
    column's word counted, liters: the fact's own event), «сколько человек записалось на приём»
    (the verb is the fact's comment: 'Записи на приём'), «сколько не присутствовали» (a negated flag verb)."""
    tokens = ph.tokens
    noun = tokens[counted[0]]
    return (
        _finite_event_verb(tokens[k])
        and (ground.table_of(noun) is not None or not ground.columns_named(fact, [noun]))
        and not _comment_verb(tokens[k], fact)
        and tokens[k - 1].lower not in NEGATION_WORDS
    )


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


def _first_state_event(word: Token, fact: Table, column_name: str, condition: str | None) -> bool:
    """«сколько посылок создано по дням», "accounts opened per month of opened_at": a verb naming the grain's
    own time column (created_at, opened_at) whose listed value is the first one its column lists ('Статус
    (created, in_transit, …)') says the event every row starts with, dated by the grain: each row counted
    passed through that state on the day it is grouped by, so `status = 'created'` would keep only the rows
    still stuck there (README: an event word the grain is dated by adds no condition). A later state
    («доставлено»: 'delivered') stays the condition it is."""
    named = _event_time_columns(word, fact) or _english_event_noun_columns(word, fact)
    if condition is None or [c.name for c in named] != [column_name]:
        return False
    return any(
        condition == f"{c.name} = '{listed_values(c.comment)[0]}'"
        for c in fact.columns
        if column_kind(c.type).family == "text" and listed_values(c.comment)
    )


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


def _full_participle(word: Token) -> str | None:
    """The plural full form a filter rule reads as a state: «закрыто» -> «закрытые», «выпустилось» ->
    «выпустившиеся», «доставили» (said of the counted things) -> «доставленные»."""
    parsed = _morph().parse(word.lower)[0]
    forms = [{"PRTF", "plur", "nomn"}, {"ADJF", "plur", "nomn"}]
    if parsed.tag.POS == "VERB":  # a transitive verb's object is the counted rows: the passive participle
        passive = {"PRTF", "pssv", "past", "plur", "nomn"}
        if parsed.normal_form.endswith(("ся", "сь")):  # «счетов закрылось»: as «закрытые» of «закрыть»
            plain = [p for p in _morph().parse(parsed.normal_form[:-2]) if p.tag.POS == "INFN"]
            if plain and "tran" in plain[0].tag and (full := plain[0].inflect(passive)) is not None:
                return str(full.word)
        forms = [passive] * ("tran" in parsed.tag) + [{"PRTF", "actv", "past", "plur", "nomn"}]
    for grammemes in forms:
        if (full := parsed.inflect(grammemes)) is not None:
            return str(full.word)
    return None


# --- round marts13: «мин» as min() ------------------------------------------------------------------------


def _abbreviated_min(tokens: Sequence[Token], i: int) -> bool:
    """«мин сумма», «мин. оклад», «макс и мин сумма»: the abbreviation «мин» before the measured word or
    after another measure word joined by и/comma is min(); after a number it is minutes (read before)."""
    if tokens[i].lower != "мин":
        return False
    j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ".")
    after = tokens[j] if j < len(tokens) else None
    if after is not None and after.lang == "ru" and after.number is None and after.lower != "мин":
        return True
    k = i - 1
    if k >= 0 and tokens[k].lower in ("и", ",", "and", "или"):
        k -= 1
    if k >= 0 and tokens[k].text == ".":
        k -= 1
    return k >= 0 and k < i - 1 and _measure_func(tokens, k) in ("max", "avg", "sum")


def _abbreviated_avg(tokens: Sequence[Token], i: int) -> bool:
    """«Ср. длительность», «ср. сумма заказов»: «ср» (which the dictionary reads as Wednesday) right before
    the measured noun is the average; not in a run of weekdays («по пн, ср и пт», «в ср»)."""
    if tokens[i].lower != "ср":
        return False
    j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == ".")
    after = tokens[j] if j < len(tokens) else None
    if after is None or after.lang != "ru" or not after.parses or after.parses[0].pos not in ("NOUN", "ADJF"):
        return False  # «ср и пт», «ср, 12:00»
    before = tokens[i - 1] if i > 0 else None
    return before is None or not (
        before.lower in WEEKDAY_ABBREVIATIONS
        or before.lower in LIST_JOINERS
        or before.lemma in ("по", "в", "каждый")
    )


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


# People-count nouns: after a count word they are the counted rows («сколько человек», "how many people",
# «число сотрудников»), never a value of a dimension column (building = 'человек').
COUNTED_PEOPLE_RU = PEOPLE_RU | {"народ", "сотрудник", "работник", "служащий", "посетитель", "участник",
                                 "пользователь", "клиент", "студент", "пациент", "жилец",
                                 "житель"}  # fmt: skip
COUNTED_PEOPLE_EN = PEOPLE_EN | {"folks", "employees", "staff", "workers", "visitors", "participants",
                                 "users", "customers", "students", "patients", "residents"}  # fmt: skip


def _counted_people(ph: MartPhrase, ground: _Ground, m: MeasureWord, k: int) -> bool:
    """«сколько человек заселилось по корпусам», "how many people checked in": a people noun that is the
    object of a count and names no table is what is counted (the fact's rows); it stays read so the
    filter rules never take it for a column's value."""
    token = ph.tokens[k]
    if m.func not in ("count", "count_distinct") or not m.object or k != m.object[0]:
        return False
    if ground.table_of(token) is not None:
        return False  # «число сотрудников» of employees: the table's own rules read it
    return _word(token, COUNTED_PEOPLE_RU, COUNTED_PEOPLE_EN) or (
        token.lang == "en" and token.lower.rstrip("s") in {w.rstrip("s") for w in COUNTED_PEOPLE_EN}
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
    return _CHAT_PHRASES.sub(lambda m: " " * len(m.group(0)), text)


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


_LISTED_VALUES = re.compile(r"\(([a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)+)\)")


def _instrumental_value(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма оплат картой», «количество платежей наличными»: a noun in the instrumental case right after
    the fact's noun says how the rows were made; when its glossary meaning is one of the values a text
    column's comment lists ('Канал оплаты (bank, card, post, terminal)') in exactly one column, it is that
    column's value (claimed, so it is never read as the measured column card_number nor dropped)."""
    tokens = ph.tokens
    for i, t in enumerate(tokens):
        if i == 0 or t.lang != "ru" or not any(p.case == "ablt" and p.pos == "NOUN" for p in t.parses[:2]):
            continue
        if ground.table_of(tokens[i - 1]) is not fact or ground.table_of(t) is not None:
            continue
        meanings = ground.meanings(t.lower)
        found = {
            (c.name, value)
            for c in fact.columns
            if column_kind(c.type).family == "text"
            for match in _LISTED_VALUES.finditer(c.comment or "")
            for value in re.split(r"\s*,\s*", match.group(1))
            if stem(value) in meanings
        }
        if len(found) != 1:
            continue
        column, value = found.pop()
        ph.used.add(i)
        for m in ph.measures:
            m.object = [k for k in m.object if k != i]
        return f"{column} = '{value}'"
    return None


def _bracketed_value_of_measure(ph: MartPhrase, fact: Table) -> str | None:
    """«сумма успешных оплат (succeeded)», «сколько отменённых рейсов (cancelled)»: a word in brackets after
    a measure's noun that names no column of the fact but is one of the values exactly one text column's
    comment lists ('Статус оплаты (pending, succeeded, …)') says which rows are measured, not what: the
    column's condition, the measure left on its own words (rows counted, the sum's column found as usual)."""
    for m in ph.measures:
        value = m.column_ref
        named = fact.column(value) if value else None
        if (
            named is not None
            and m.func in ("count", "sum")
            and "bool" in named.type.lower()
            and _flag_said_by_verb(ph.tokens, named.name)
        ):
            # «сколько занятий посетили (present)»: the rows the flag is true on, counted (a flag has no sum)
            m.column_ref, m.func = None, "count"
            return f"{named.name} = true"
        if not value or named is not None:
            continue
        holders = [
            c
            for c in fact.columns
            if column_kind(c.type).family == "text" and value in listed_values(c.comment)
        ]
        if len(holders) == 1:
            m.column_ref = None
            return f"{holders[0].name} = '{value}'"
    return None


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


def _flag_said_by_verb(tokens: Sequence[Token], name: str) -> bool:
    """«посетили (present)»: a Russian verb or participle, not negated, right before the bracket holding the
    flag's name says the flag is true (a flag bracketed with no such word, «по кредитам (is_late)»: asked)."""
    for k in range(2, len(tokens) - 1):
        if tokens[k].text == "(" and tokens[k + 1].lower == name.lower():
            verb = tokens[k - 1]
            return (
                verb.lang == "ru"
                and bool(verb.parses)
                and verb.parses[0].pos in ("VERB", "PRTS", "PRTF")
                and tokens[k - 2].lower not in NEGATION_WORDS
            )
    return False


def _column_value_pair(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сумма платежей по каналам, статус failed», "requests per topic, status done", «по приоритету high»:
    after a comma or «по»/by, a word naming one text column of the fact and then one of the values its
    comment lists ('Статус (success, failed, refunded)'), ending the phrase, is that column's value: a row
    condition, never a dimension with its value dropped."""
    tokens, n = ph.tokens, len(ph.tokens)
    preps = DIM_PREPS_RU | DIM_PREPS_EN
    for i in range(1, n - 2):
        if tokens[i - 1].text != "," or tokens[i + 2].lang != "en" or not tokens[i + 2].text.isascii():
            continue
        # «…, тип операции redemption»: two words that together are one text column's comment, and a value
        # it lists (never a dimension «тип операции» with its value dropped)
        after = tokens[i + 3] if i + 3 < n else None
        if after is not None and after.lang in ("ru", "en") and after.lower not in preps | LIST_JOINERS:
            continue
        pair = (tokens[i], tokens[i + 1])
        value = tokens[i + 2].text
        listing = [
            c
            for c in fact.columns
            if column_kind(c.type).family == "text"
            and value in listed_values(c.comment)
            and all(w.lemmas & _comment_lemmas(c.comment or "") for w in pair)
        ]
        if len(listing) == 1:
            ph.dims = [words for words in ph.dims if not {i, i + 1, i + 2} & set(words)]
            ph.used.update({i, i + 1, i + 2})
            return f"{listing[0].name} = '{value}'"
    for i in range(1, n - 1):
        if tokens[i - 1].text != "," and tokens[i - 1].lower not in preps:
            continue  # «по приоритету high по категориям» too: the value says which rows, not «по»
        after = tokens[i + 2] if i + 2 < n else None
        if after is not None and after.lang in ("ru", "en") and after.lower not in preps | LIST_JOINERS:
            continue
        value = tokens[i + 1].text
        texts = [c for c in _columns_of_word(ground, fact, tokens[i]) if column_kind(c.type).family == "text"]
        listing = [c for c in texts if value in listed_values(c.comment)]  # «оценка отлично»: mark, not score
        if len(listing) != 1 and not (len(texts) == 1 and _unlisted_value(ph, ground, fact, i)):
            continue
        column = listing[0] if len(listing) == 1 else texts[0]
        ph.dims = [words for words in ph.dims if not {i, i + 1} & set(words)]
        ph.used.update({i, i + 1})
        return f"{column.name} = '{value}'"
    return None


def _columns_of_word(ground: _Ground, fact: Table, word: Token) -> list[Column]:
    """Every column of the fact a word may name: by the glossary or comments («оценка»: score 'Балл' and mark
    'Оценка (…)'), or the dimension words the glossary lacks («направление»: direction)."""
    local = DIM_WORDS.get(word.lemma) or DIM_WORDS.get(word.lower)
    found = [*ground.columns_named(fact, [word]), *(c for c in fact.columns if _comment_names(c, word))]
    found += [c for c in [fact.column(local) if local else None] if c is not None]
    return list(dict.fromkeys(found))


def _unlisted_value(ph: MartPhrase, ground: _Ground, fact: Table, i: int) -> bool:
    """«…, направление in», «…, статус new»: after a comma, a column whose comment lists no values and a
    lower-case Latin word no other rule read that names no column or table: the value the rows have."""
    word, other_groups = ph.tokens[i + 1], [k for words in ph.dims for k in words]
    return (
        ph.tokens[i - 1].text == ","
        and not any(listed_values(c.comment) for c in _columns_of_word(ground, fact, ph.tokens[i]))
        and re.fullmatch(r"[a-z][a-z0-9_-]*", word.text) is not None
        and (i + 1 not in ph.used or i + 1 in other_groups)
        and fact.column(word.text) is None
        and ground.table_of(word) is None
        and not _grain_adjective(word)
        and not _chat_word(word)
        and word.lower not in ONLY_WORDS  # "insured only (…)": the cue of a filter, no value
    )


def _fact_noun_column(
    ground: _Ground, fact: Table, object_words: Sequence[Token], candidates: Sequence[Column]
) -> str | None:
    """ "sum of charges" of charges ('Начисления за расчётный период') with consumption ('Объём потребления')
    and amount ('Сумма начисления, руб.'): the measured noun is the fact's own, so the column is the one
    candidate whose comment names the fact comment's head noun; none or several: None (asked)."""
    if not fact.comment or not any(ground.table_of(w) is fact for w in object_words):
        return None
    head = _comment_head(fact.comment)
    if head is None:
        return None
    named = [c.name for c in candidates if c.comment and head in _comment_stems(c.comment)]
    return named[0] if len(named) == 1 else None


_BRACKETED_UNIT = re.compile(r"\(\s*(?:в|in)\s+([^\W\d_]+)\s*\)", re.IGNORECASE)


def _unbracketed_units(text: str) -> str:
    """«средняя продолжительность (в минутах)», "avg duration (in minutes)": a bracket holding only a unit
    says what the measure is in, as «в минутах» does without it; the brackets are blanked (same length)."""

    def plain(match: re.Match[str]) -> str:
        words = tokenize(match.group(1))
        if len(words) != 1 or _unit_part(words[0]) is None:
            return match.group(0)
        inner = match.group(0)
        return " " + inner[1:-1] + " "

    return _BRACKETED_UNIT.sub(plain, text)


def _bracketed_distinct(text: str, tokens: Sequence[Token]) -> str:
    """«число пассажиров (уникальных) по рейсам», "passengers (distinct) per flight": a distinct word alone in
    a bracket right after a noun says which of them are counted, as it does before it («уникальных
    пассажиров»): moved in front of the noun (same length), so the distinct-count rules read it."""
    for i in range(1, len(tokens) - 2):
        noun, opening, word, closing = tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]
        if opening.text != "(" or closing.text != ")" or noun.lang not in ("ru", "en"):
            continue
        if not _word(word, DISTINCT_RU, DISTINCT_EN) or (noun.lang == "ru" and not _noun(noun)):
            continue
        moved = f"{word.text} {noun.text}"
        span = text[noun.start : closing.end]
        return text[: noun.start] + moved + " " * (len(span) - len(moved)) + text[closing.end :]
    return text


# --- round 18 (marts_l families) ------------------------------------------------------------------

# Verbs and participles that only say "group the rows" before «по»/"by": "split by order status",
# "broken down by region", «сгруппировать по статусам», «разбитые по каналам». They add nothing to the
# dimension list that follows, so they are read (never a residue word).
SPLIT_EN = {"split", "splitted", "broken", "break", "breaking", "grouped", "group", "grouping", "sliced",
            "slice", "segmented", "bucketed", "cut", "divided", "separated", "partitioned"}  # fmt: skip
SPLIT_PARTICLES_EN = {"down", "out", "up"}
SPLIT_RU = {"сгруппировать", "группировать", "сгруппированный", "разбить", "разбивать", "разбитый",
            "разложить", "разделить", "разделённый", "разделенный", "разбиваться",
            "группироваться"}  # fmt: skip


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


def _comment_words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)]


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


def _per_unit_adjectives(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "average nightly rate", «средняя ежемесячная абонентская плата»: a frequency adjective right before
    the words of a numeric column whose comment says it is counted per that unit (base_rate 'Базовый тариф за
    ночь', monthly_fee 'Абонентская плата в месяц') is the column's own word, dropped from the text, so it is
    read neither as a schedule ("nightly" at 00:00) nor as a grain."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    # a unit that is a grain («почасовое потребление» of 'Потребление за час') stays the grain where the
    # table has a time to put it on; "nightly" is no grain at all
    per_unit = [
        c
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in _numeric_columns(t)
        if _per_unit(c)
        and (_per_unit(c) not in GRAIN_RU.values() or not _time_columns(t) or _price_column(c))
    ]
    if not per_unit:
        return text
    drop: list[tuple[int, int]] = []
    for i, t in enumerate(tokens[:-1]):
        unit = _unit_of_adjective(t)
        if unit is None:
            continue
        after = {stem(w.lower) for w in tokens[i + 1 : i + 3] if w.lang in ("ru", "en")}
        if any(_per_unit(c) == unit and after & _column_stems(c) for c in per_unit):
            drop.append((t.start, t.end))
    return _without_spans(text, drop)


def _without_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` less the (start, end) spans, in the order found; each span's trailing space goes with it."""
    for start, end in reversed(spans):  # from the end, so the earlier spans stay where they are
        text = f"{text[:start]}{text[end:].lstrip()}"
    return text


# Words of a price per a unit of time (a rate): its "per hour" is what the value means, never a grain.
PRICE_PER_UNIT_WORDS = ("ставк", "тариф", "цен", "стоимост", "плат", "rate", "price", "fee", "tariff", "cost")
UNIT_NOUNS = {"ночь": "night", "night": "night", "сутки": "day"}


def _per_unit_phrases(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«средняя ставка в час», «ставка за час», "average rate per hour", "price per night": «в/за/per» and a
    unit of time right after the words of a numeric column whose comment prices per that unit (hourly_rate
    'Ставка за час, руб.', base_rate 'Базовый тариф за ночь') is that column's meaning, dropped from the text
    so it is never read as an hourly grain (nor a dimension). A per-unit amount that is no price («потребление
    за час» of 'Потребление за час') is left: its hour may be the grain asked for."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    priced = [
        c
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in _numeric_columns(t)
        if _per_unit(c)
        and any(
            w.startswith(PRICE_PER_UNIT_WORDS)
            for w in [*name_parts(c.name), *_comment_words(c.comment or "")]
        )
    ]
    if not priced:
        return text
    drop: list[tuple[int, int]] = []
    for i in range(1, len(tokens) - 1):
        prep, noun = tokens[i], tokens[i + 1]
        if prep.lower not in ("в", "за", "per"):
            continue
        unit = _grain_noun(noun) or next(
            (UNIT_NOUNS[x] for x in noun.lemmas | {noun.lower} if x in UNIT_NOUNS), None
        )
        if unit is None or (noun.lang == "ru" and not noun.has(noun.lemmas, number="sing")):
            continue
        before = {stem(w.lower) for w in tokens[max(0, i - 2) : i] if w.lang in ("ru", "en")}
        if any(_per_unit(c) == unit and before & _column_stems(c) for c in priced):
            drop.append((prep.start, noun.end))
    return _without_spans(text, drop)


def _unit_of_adjective(token: Token) -> str | None:
    """The unit a frequency adjective says: "nightly", «ночной» -> night; «ежемесячный» -> month."""
    if token.lang == "en" and token.lower in PER_UNIT_ADJECTIVES:
        return PER_UNIT_ADJECTIVES[token.lower]
    if token.lang == "ru" and token.lemma in PER_UNIT_ADJECTIVES and token.has(token.lemmas, pos=("ADJF",)):
        return PER_UNIT_ADJECTIVES[token.lemma]
    return _grain_adjective(token)


def _per_unit(column: Column) -> str | None:
    """The unit of time a column's comment («за ночь» -> night) or name (hourly_rate -> hour) says its value
    is counted per, else None."""
    comment = (column.comment or "").lower()
    said = next(
        (unit for unit, phrases in PER_UNIT_COMMENT_PHRASES.items() if any(p in comment for p in phrases)),
        None,
    )
    return said or next(
        (PER_UNIT_NAME_WORDS[w] for w in column.name.lower().split("_") if w in PER_UNIT_NAME_WORDS), None
    )


def _price_column(column: Column) -> bool:
    """A column whose name or comment says a price or rate («Ставка …», hourly_rate, base_price)."""
    return any(
        w.startswith(PRICE_PER_UNIT_WORDS)
        for w in [*name_parts(column.name), *_comment_words(column.comment or "")]
    )


def _column_stems(column: Column) -> set[str]:
    """Stems of a column's name parts and of its comment's words."""
    return set(name_parts(column.name)) | {stem(w) for w in _comment_words(column.comment or "")}


def _comment_measures(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """A phrase that is exactly one numeric column's comment names that column: «начислено и к выплате»
    (payslips.net, 'К выплате'), «трафик (скачано байт)» (the bracket spells bytes_down's comment, so the
    jargon word before it is that column). Only comments held by one column of the connection's tables and
    not a noun phrase (the measure rules read those); a one-word comment only as a list item with no measure
    word before it («к выплате и начислено»: a participle is no slot of its own and would be dropped). The
    phrase becomes the column's name, after «сумма» when no measure word precedes it."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    by_phrase: dict[tuple[str, ...], list[str]] = {}
    for table in planner.catalog.tables_of(sources[0].conn_id):
        numeric = _numeric_names(table)
        for column in table.columns:
            if column.name not in numeric or not column.comment:
                continue
            words = tuple(_comment_words(column.comment.split(",")[0]))
            if words:
                by_phrase.setdefault(words, []).append(column.name)
    for words, columns in by_phrase.items():
        if len(set(columns)) != 1:
            continue
        phrase = r"\s+".join(re.escape(w) for w in words)
        pattern = re.compile(
            rf"(?:(?P<jargon>{_JARGON_WORD})\s*\(\s*{phrase}\s*\)|(?<![\w-]){phrase}(?![\w-]))", re.IGNORECASE
        )
        found = list(pattern.finditer(text.replace("ё", "е").replace("Ё", "Е")))
        if len(found) != 1:
            continue
        match = found[0]
        start = _jargon_start(text, match) if match.group("jargon") else match.start()
        before = tokenize(text[:start])
        words_before = [t for t in before if t.lang != "punct"]
        measured = bool(words_before) and _measure_func(words_before, len(words_before) - 1) is not None
        if (
            not match.group("jargon")
            and words_before
            and not (before[-1].lang == "punct" or before[-1].lower in LIST_JOINERS or measured)
        ):
            continue  # inside a longer phrase: not the comment alone
        head = tokenize(match.group(0))[0]
        if not match.group("jargon") and head.parses[:1] and head.parses[0].pos in ("NOUN", "ADJF", "PRTF"):
            continue  # «объём потребления»: a noun phrase the measure rules read (a list shares its measure)
        if match.group("jargon") and _measure_func(tokenize(match.group("jargon")), 0) is not None:
            continue  # «сумма (скачано байт)»: read by the bracket rules
        if len(words) == 1 and (measured or match.group("jargon") or head.lang != "ru"):
            continue  # «сколько начислено»: after a measure word, one word is _participle_sum's
        # the comment's language says the lead: «трафик wi-fi (скачано байт)» is Russian, whatever the jargon
        lead = "" if measured else ("сумма " if re.match(r"[а-яё]", words[0]) else "sum of ")
        text = text[:start] + lead + columns[0] + text[match.end() :]
    return text


def _shared_measure_of_pair(text: str, tokens: Sequence[Token]) -> str:
    """ "total bytes down and bytes up", "sum of bytes down and bytes up": an English measure word before two
    list items that share their head noun and differ in the word after it: the measure word is said again
    before the second item, as "total bytes down and total bytes up" reads (two sums, each grounded or asked
    by the measure rules)."""
    for i, cue in enumerate(tokens):
        if cue.lang != "en" or _measure_func([cue], 0) is None:
            continue
        k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].lower == "of")
        if k + 4 >= len(tokens):
            continue
        head, first, joiner, again, second = tokens[k : k + 5]
        if not (
            joiner.lower in ("and", ",", "&")
            and head.lang == again.lang == first.lang == second.lang == "en"
            and head.lower == again.lower
            and first.lower != second.lower
            and not any(_grain_noun(t) or _is_measure(t) for t in (first, second))
            and first.lower not in DIM_PREPS_EN
        ):
            continue
        said = text[cue.start : tokens[k - 1].end] + " "  # "total ", "sum of "
        return text[: again.start] + said + text[again.start :]
    return text


def _amount_noun_bracket(text: str, tokens: Sequence[Token]) -> str:
    """ "Wi-Fi traffic (bytes downloaded) by access point", "power usage (kwh) per meter": an English amount
    noun ("traffic", "usage", "consumption", "volume") with no measure word before it in its clause, and a
    bracket right after it naming what is measured: the bracket's words are the measure, summed, as «трафик
    (скачано байт)» is by its comment; the amount noun and one jargon word opening the clause before it
    ("Wi-Fi") only say what kind of quantity it is. Rewritten "sum of <bracket words>", so the measure
    rules ground the words (or ask, when no numeric column fits them)."""
    for k in range(len(tokens) - 3):
        noun, opening = tokens[k], tokens[k + 1]
        if noun.lang != "en" or noun.lower not in AMOUNT_NOUNS_EN or opening.text != "(":
            continue
        close = next((m for m in range(k + 2, min(len(tokens), k + 6)) if tokens[m].text == ")"), None)
        inner = tokens[k + 2 : close] if close is not None else []
        if not inner or any(t.lang != "en" or _measure_func([t], 0) is not None for t in inner):
            continue  # "traffic (sum)", "usage (2024)": read by the bracket rules
        start = k
        if k > 0 and tokens[k - 1].lang == "en" and tokens[k - 1].lower not in STOP_WORDS:
            start = k - 1  # "Wi-Fi traffic": the kind of traffic, the jargon of the measure
        clause = [t for t in tokens[:start] if t.text not in (",", ";", ":", ".")]
        leads = start == 0 or tokens[start - 1].lang == "punct" or tokens[start - 1].lower in LIST_JOINERS
        if not leads:
            continue  # inside a longer phrase ("total traffic (…)", "by traffic (…)"): the other rules'
        if any(_measure_func([t], 0) is not None for t in clause[-3:]):
            continue
        assert close is not None
        said = text[inner[0].start : inner[-1].end]
        return text[: tokens[start].start] + "sum of " + said + text[tokens[close].end :]
    return text


# A jargon word before a bracketed comment: letters, digits and hyphens, with a letter («wi-fi», «4g-сети»).
_JARGON_WORD = r"(?=[\w-]*[^\W\d_])[^\W_][\w-]*"


def _jargon_start(text: str, match: re.Match[str]) -> int:
    """Where the jargon of a comment bracket starts: «трафик wi-fi (скачано байт)», «трафик 4g-сети (…)»: a
    plain word before the one jargon word belongs to it when the two open the request, a clause or a list
    item (nothing but punctuation or «и» before them) and neither is a measure word or a preposition; else
    the jargon is the one word before the bracket."""
    start = match.start("jargon")
    before = tokenize(text[:start])
    if not before or before[-1].lang not in ("ru", "en"):
        return start
    head, rest = before[-1], before[:-1]
    if rest and not (rest[-1].lang == "punct" or rest[-1].lower in LIST_JOINERS):
        return start
    jargon = tokenize(match.group("jargon"))
    if any(_measure_func([t], 0) is not None for t in (head, *jargon)) or head.lower in STOP_WORDS:
        return start
    return head.start


# «заявлено vs одобрено (claimed_amount, approved_amount)», "sent and received (bytes_up, bytes_down)": two
# words joined by vs/и/and/против and, in brackets, one column name for each.
_PAIRED_BRACKET = re.compile(
    r"(?<![\w-])(?P<a>[^\W\d_][\w-]*)\s+(?:vs\.?|versus|против|и|and|/)\s+(?P<b>[^\W\d_][\w-]*)\s*"
    r"\(\s*(?P<c1>[A-Za-z_]\w*)\s*,\s*(?P<c2>[A-Za-z_]\w*)\s*\)",
    re.IGNORECASE,
)


# "… and booked seats (booked_count)", «… и записанных человек (booked_count)»: a list item after «и»/"and" or
# a comma, one or two words and one column name in brackets.
_LABELLED_BRACKET = re.compile(
    r"(?:(?<![\w-])(?:and|и)\s+|,\s*)(?P<words>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s*"
    r"\(\s*(?P<column>[A-Za-z_]\w*)\s*\)",
    re.IGNORECASE,
)


def _labelled_bracket_column(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """ "Total capacity and booked seats (booked_count)": a list item after a measure whose words describe the
    one numeric column bracketed after them (a word shares a stem with its name or comment: booked ~
    booked_count, «записанных» ~ 'Записано человек') is that column, listed as the measure's next item (the
    words become the name). A bracket whose words say nothing of the column stays for the other rules."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1 or "(" not in text:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    words_all = [t for t in tokens if t.lang != "punct"]  # the text before a match is never rewritten
    first_measure = next((t.start for k, t in enumerate(words_all) if _measure_func(words_all, k)), len(text))
    for match in reversed(list(_LABELLED_BRACKET.finditer(text))):  # from the end: earlier spans stay put
        name = match.group("column")
        columns = [t.column(name) for t in tables if _summable(t, name)]
        words = tokenize(match.group("words"))
        if not columns or any(
            _measure_func(words, k) is not None or w.lower in STOP_WORDS for k, w in enumerate(words)
        ):
            continue
        if not any(stem(w.lower) in _column_stems(c) for w in words for c in columns if c is not None):
            continue
        if first_measure >= match.start():
            continue  # no measure listed before: the bracket is some other phrase's
        text = f"{text[: match.start('words')]}{name}{text[match.end() :]}"
    return text


def _summable(table: Table, name: str) -> bool:
    """A numeric column of the table that holds an amount, not a key."""
    column = table.column(name)
    return column is not None and _amount_column(table, name) and not _key_column(table, column)


def _paired_bracket_columns(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«заявлено vs одобрено (claimed_amount, approved_amount)»: two words joined by vs/и/and, then a bracket
    naming two numeric columns of one table of the connection, one for each word: the words label the two
    columns, and with no measure word before them each is summed (the phrase becomes «сумма a и сумма b»).
    Columns of no one table, a key or a text column leave the words to the other rules (asked)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1 or "(" not in text:
        return text
    tables = planner.catalog.tables_of(sources[0].conn_id)
    words = [t for t in tokens if t.lang != "punct"]  # the text before a match is never rewritten
    ends = [t.end for t in words]
    for match in reversed(list(_PAIRED_BRACKET.finditer(text))):  # from the end: earlier spans stay put
        names = (match.group("c1"), match.group("c2"))
        if not any(all(_summable(t, n) for n in names) for t in tables):
            continue
        pair = tokenize(f"{match.group('a')} {match.group('b')}")
        last = bisect.bisect_right(ends, match.start()) - 1  # the word right before the pair
        if any(_measure_func(pair, k) is not None for k in range(len(pair))) or (
            last >= 0 and _measure_func(words, last) is not None
        ):
            continue  # «средние заявлено и одобрено (…)»: the measure word's own rules read it
        lead = "сумма" if pair[0].lang == "ru" else "sum of"
        joined = "и" if pair[0].lang == "ru" else "and"
        text = f"{text[: match.start()]}{lead} {names[0]} {joined} {lead} {names[1]}{text[match.end() :]}"
    return text


# Russian adjective suffixes made from a noun: «час» -> «часовой», «месяц» -> «месячный», «день» -> «дневной».
NOUN_ADJECTIVE_SUFFIXES_RU = ("овой", "евой", "овый", "евый", "ный", "ной", "ний", "ский", "ской")


def _adjective_of_measured_comment(
    ground: _Ground,
    fact: Table,
    tokens: Sequence[Token],
    m: MeasureWord,
    k: int,
    measures: list[dict[str, Any]],
) -> bool:
    """«средняя часовая ставка» of trainers.hourly_rate 'Ставка за час': a Russian adjective right before the
    object word that named the measured column, made from a noun of that column's comment (час -> часовой),
    says the column's own unit; it is no filter, dimension or grain."""
    token = tokens[k]
    if token.lang != "ru" or k + 1 not in m.object or not any(p.pos == "ADJF" for p in token.parses[:1]):
        return False
    measured = {mm["column"] for mm in measures if mm.get("column")}
    for c in ground.columns_named(fact, [tokens[k + 1]]):
        if c.name not in measured or not c.comment:
            continue
        nouns = [x for x in _comment_lemmas(c.comment) if len(x) >= 3]
        if any(token.lemma == x + suffix for x in nouns for suffix in NOUN_ADJECTIVE_SUFFIXES_RU):
            return True
    return False


def _qualifies_measured_word(
    ground: _Ground,
    fact: Table,
    tokens: Sequence[Token],
    m: MeasureWord,
    k: int,
    measures: list[dict[str, Any]],
) -> bool:
    """«суммарно дней лечения», «сумма часов работы»: a Russian genitive noun right after the object word
    that named the measured column (days) describes that quantity; it names no column or table itself."""
    token = tokens[k]
    if (
        token.lang != "ru"
        or k - 1 not in m.object
        or not any(p.case == "gent" and p.pos == "NOUN" for p in token.parses)
        or _agreeing_noun(tokens, k)  # «длительность исходящих звонков»: the calls' adjective, a state
    ):
        return False
    if ground.columns_named(fact, [token]) or _is_measure(token):
        return False
    measured = {mm["column"] for mm in measures if mm.get("column")}
    if any(c.name in measured for c in ground.columns_named(fact, [tokens[k - 1]])):
        return True
    unit = _unit_part(tokens[k - 1])  # «дней» -> day, a part of `days`
    return unit is not None and any(unit in name_parts(name) for name in measured)


def _shared_prefix(a: str, b: str) -> int:
    # «посетили» / «посещаемость»: ё is е, and the stem's т alternates with щ
    a, b = (w.replace("ё", "е").replace("щ", "т") for w in (a, b))
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


EVENT_PREFIX = 5  # letters a participle shares with the fact's event noun: attend(ed) / attend(ance)


def _event_participle_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """(condition, word to ask about) of "attended lessons count", «количество посещённых занятий»: a
    participle on the counted noun made from the fact's own event noun (attendance, 'Посещаемость занятий')
    says the event happened, so on a fact with exactly one boolean column it is that flag (`present =
    true`), never dropped; with no such single column («сколько раз заправлялась машина» of fuel cards) the
    verb just names the rows. A participle of the counted noun itself ("delivered deliveries") or of any other
    word says nothing of the kind (other rules read it)."""
    tokens = ph.tokens
    flags = [c for c in fact.columns if column_kind(c.type).family == "bool"]
    if len(flags) != 1 or not _flag_says_event(flags[0]):
        return None
    event_words = {*name_parts(fact.name), *_comment_lemmas(fact.comment or "")}
    counted = {k for m in ph.measures if m.func in ("count", "count_distinct") for k in m.object}
    for i, t in enumerate(tokens):
        nxt = i + 1
        passive = i > 0 and tokens[i - 1].lower in ("were", "was") and i - 1 in counted
        on_counted = i in counted or nxt in counted or passive
        if (i in ph.used and not on_counted) or (i > 0 and tokens[i - 1].lower in ("не", "not", "un")):
            continue
        if t.lang == "en":  # "attended lessons", "lessons were attended"
            participle = on_counted and t.lower.endswith("ed") and len(t.lower) > 4
        elif t.lang == "ru":  # «посещённых занятий», «сколько занятий посетили»
            pos = t.parses[0].pos if t.parses else None
            participle = (on_counted and pos in ("PRTF", "PRTS")) or pos == "VERB"
        else:
            participle = False
        if not participle or ground.table_of(t) not in (None, fact) or ground.columns_named(fact, [t]):
            continue
        forms = {t.lower, t.lemma}
        if not any(_shared_prefix(f, w) >= EVENT_PREFIX for f in forms for w in event_words):
            continue
        if not any(_shared_prefix(f, w) >= EVENT_PREFIX for f in forms for w in _fact_head_words(fact)):
            continue  # «заказали» of 'Позиции заказов': every row's own event, no flag (marts89)
        if _fact_title_qualifier(t, fact):
            continue  # "insured vehicles" of insured_vehicles: the fact's own name, no event of the rows
        head = tokens[nxt] if nxt < len(tokens) and nxt in counted else None
        if head is not None and any(
            _shared_prefix(f, g) >= EVENT_PREFIX for f in forms for g in (head.lower, head.lemma)
        ):
            continue  # "delivered deliveries": the counted noun's own verb
        ph.used.add(i)
        return f"{flags[0].name} = true"
    return None


def _flag_says_event(flag: Column) -> bool:
    """'Присутствовал на занятии': a flag whose comment is a verb or a short participle says an event
    happened to the row, so a verb of the fact's event may be it; one whose comment names a thing or a
    kind of row ('Подарок по акции', 'Экстренный приём') is no such event (marts89). No comment: as before."""
    said = [w for w in tokenize(flag.comment or "") if w.lang == "ru" and w.parses]
    return not said or any(w.parses[0].pos in ("VERB", "PRTS") for w in said)


@functools.lru_cache(maxsize=1024)
def _fact_head_words(fact: Table) -> frozenset[str]:
    """The words naming what each row of `fact` is: the last part of its name (attendance, items of
    order_items) and the first noun of each part of its comment ('Посещаемость занятий' -> посещаемость,
    'Позиции заказов (состав заказа)' -> позиция, состав). A verb made from any other word of them (the
    «заказов» every order item belongs to) is the rows' own event: every row had it, so it is no flag."""
    heads = set(name_parts(fact.name)[-1:])
    for segment in re.split(r"[(),;:]", fact.comment or ""):
        for w in tokenize(segment):
            if w.lang == "ru" and w.parses and w.parses[0].pos == "NOUN":
                heads |= set(w.lemmas) | {w.lower}
                break
    return frozenset(heads)


def _fact_title_qualifier(token: Token, fact: Table) -> bool:
    """ "insured" of underwriting.insured_vehicles, «застрахованных» of its comment 'Застрахованные
    транспортные средства': a participle or adjective that is a word of the fact's own name or of its
    comment's adjectives names which rows the table holds (all of them), not an event some rows had."""
    if token.lang == "en":
        return token.lower in fact.name.rsplit(".", 1)[-1].lower().split("_")  # whole words: not attendance
    qualifiers = {
        lemma
        for w in tokenize(fact.comment or "")
        if w.lang == "ru" and w.parses and w.parses[0].pos in ("PRTF", "ADJF")
        for lemma in w.lemmas
    }
    return bool(token.lemmas & qualifiers)


def _verb_flag(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«сколько присутствовали по курсам», «число присутствовавших»: a Russian verb or participle no rule
    read that names one boolean column of the fact ('Присутствовал на занятии') states the rows' flag
    (`present = true`, after «не»: false). Verbs otherwise carry no slot, so without this the state would
    be dropped silently. A verb the fact's own comment says of every row ('Строки чеков (проданные
    позиции)': «продали») names the rows, never the flag sharing it ('Продано по акции', marts85)."""
    tokens = ph.tokens
    found: list[str] = []
    own = _comment_lemmas(fact.comment or "")
    for i, t in enumerate(tokens):
        if i in ph.used or t.lang != "ru" or not t.parses or t.parses[0].pos not in ("VERB", "PRTF", "PRTS"):
            continue
        if t.lemmas & own:
            continue
        named = ground.columns_named(fact, [t])
        if len(named) != 1 or column_kind(named[0].type).family != "bool":
            continue
        negated = i > 0 and tokens[i - 1].lower == "не"
        found.append(f"{named[0].name} = {'false' if negated else 'true'}")
        ph.used.add(i)
        if negated:
            ph.used.add(i - 1)
    return " AND ".join(dict.fromkeys(found)) or None


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
        if t.comment and all(tokens[k].lemmas & _comment_lemmas(t.comment) for k in content)
    ]
    if len(found) != 1:
        return
    ph.fact_hint = found[0]
    # «Кандидаты по вакансиям:» keeps its dimension (vacancy is a column); «по турникетам» names none
    titled = [d for d in ph.dims if set(d) & set(lead) and not ground.columns_named(found[0], [tokens[d[0]]])]
    ph.dims = [d for d in ph.dims if d not in titled]
    ph.used.update(k for k in lead if not any(k in d for d in ph.dims))


# Nouns that say a column's quantity is measured, read after the column's own word ("kwh consumption").
AMOUNT_NOUNS_EN = {"consumption", "usage", "use", "volume", "traffic", "amount"}
AMOUNT_NOUNS_RU = {"потребление", "расход", "объём", "объем", "трафик"}
# "gross sales", "net bookings": the fact's money summed (a column named gross is read as a column first)
GROSS_HEADS_EN = {"sales", "revenue", "receipts", "bookings", "turnover", "income", "takings"}


def _table_money_word(ph: MartPhrase, ground: _Ground, subject: list[int]) -> tuple[int, str] | None:
    """ "fuel spend per vehicle", "scholarship payout per faculty": an English money noun right after a word
    naming a table whose one money-named column is what is summed ((index of the money word, column))."""
    tokens = ph.tokens
    for k in subject:
        if k == 0 or k - 1 not in subject or not _en(tokens[k], SPEND_EN):
            continue
        table = ground.table_of(tokens[k - 1])
        if table is None:
            parts = [t for t in ground.tables if stem(tokens[k - 1].lower) in name_parts(t.name)]
            table = parts[0] if len(parts) == 1 else None  # "fuel" of fuel_cards
        if table is None:
            continue
        money = [c for c in _money_columns(table) if _money_name(c)]
        if len(money) == 1:
            return k, money[0].name
    return None


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
        others = [
            c for t in [fact, *reachable] for c in ground.columns_named(t, [q]) if c.name != column.name
        ]
        if others:
            return True
    return False


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


def _apposed_bare_measure(tokens: Sequence[Token], m: MeasureWord, bare: set[int] | None = None) -> bool:
    """«…, сумма, …», «…, сумма и максимум, …», "…, total": measure words with no object of their own, set off
    by a comma (a list of them joined by «и»/"and"), none of them a count: they name the aggregates of the
    head's rows («колво» after a comma is the count itself)."""
    if m.func in ("count", "count_distinct", "unsupported") or m.object or m.column_ref or m.subject:
        return False
    bare = bare if bare is not None else {m.index}
    joiners = ("и", "and", ",")
    k = m.index - 1
    while k > 0 and tokens[k].lower in ("и", "and") and k - 1 in bare:
        k -= 2  # «сумма и максимум»: back to the list's first word
    if k < 0 or tokens[k].text not in (",", ";", "—", "-"):
        return False
    j = m.index + 1
    while j + 1 < len(tokens) and tokens[j].lower in joiners and j + 1 in bare:
        j += 2  # «сумма и максимум, по неделям»: past the list's last word
    nxt = tokens[j] if j < len(tokens) else None
    return nxt is None or nxt.lang == "punct" or nxt.lower in DIM_PREPS_RU | DIM_PREPS_EN


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


def _token_stems(token: Token) -> set[str]:
    """The stems of a word and of its lemmas («просроченных» and «просрочить»)."""
    return {stem(token.lower)} | {stem(lemma) for lemma in token.lemmas}


def _stems_meet(words: set[str], said: set[str]) -> bool:
    """A stem of a word is one of `said` or a longer form of one («роумингов» of «роуминг»), four letters
    or more (no «в», "is")."""
    return any(len(b) >= 4 and (a == b or a.startswith(b)) for a in words for b in said)


def _said_stems(name: str, comment: str | None) -> set[str]:
    """Stems of a name's parts and of its comment's words and their lemmas ('Платёж просрочен')."""
    words = [t for t in tokenize(comment or "") if t.lang in ("ru", "en")]
    return set(name_parts(name)) | {s for t in words for s in _token_stems(t)}


def _state_flag_bracket(ph: MartPhrase, ground: _Ground, fact: Table) -> str | None:
    """«Кол-во просроченных платежей по кредитам (is_late)», "late payments on loans (is_late)": a boolean
    column of the fact alone in brackets after a dimension whose words do not name it is no dimension. When
    another word of the request says the flag (a stem of its name or comment: «просроченных» of 'Платёж
    просрочен', "late" of is_late), the bracket glosses that state word: the dimension's own words come
    back (the fact's title, an owner: read as without the bracket) and the state word filters the rows
    (is_late = true), never a grouping by the flag (mzf-ru-27). With no such word, the bracket's role is
    asked (its name is returned)."""
    tokens = ph.tokens
    for entry in list(ph.bracketed):
        index, before, inner = entry
        if len(inner) != 1 or not before or index >= len(ph.dims) or ph.dims[index] != inner:
            continue
        column = fact.column(tokens[inner[0]].text)
        if column is None or column_kind(column.type).family != "bool":
            continue
        if any(c.name == column.name for c in ground.columns_named(fact, [tokens[k] for k in before])):
            continue  # «по просрочке (is_late)»: the dimension's words name the flag, a grouping by it
        # the flag's own words, not the rows' noun its comment repeats ('Платёж просрочен' of «платежей»)
        stems = _said_stems(column.name, column.comment) - _said_stems(fact.name, fact.comment)
        said = [
            k for k, t in enumerate(tokens)
            if t.lang in ("ru", "en") and k not in (*before, *inner) and _stems_meet(_token_stems(t), stems)
        ]  # fmt: skip
        if not said:
            return column.name
        ph.dims[index] = list(before)
        ph.bracketed.remove(entry)
        ph.state_glosses.add(inner[0])
    return None


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


_KEYED_BY = {"dedupe", "deduplicate", "deduplicated", "duplicates", "upsert", "merge", "merged", "ones",
             "keyed", "key", "keys", "partitioned", "ordered", "sorted", "unique"}  # fmt: skip


# the word before a "by" that makes it a load's key or watermark ("new rows by created_at", "append by id")
_LOAD_BY = _KEYED_BY | {"rows", "row", "records", "incremental", "incrementally", "append", "appended",
                        "appending", "id", "ids"}  # fmt: skip


_BY_AMOUNT = {"more", "less", "over", "under", "at", "up", "about", "around", "nearly", "almost"}


def _grouped_with_grain_adverb(tokens: Sequence[Token]) -> bool:
    """ "Wi-Fi traffic (bytes downloaded) by access point, hourly", "Card spend by MCC, monthly": an English
    grain adverb beside a "by" that groups (no key, no watermark, no target of a copy, no participle's agent
    or means: "paid by card" names rows; a bracket closed before "by" glosses the measure):
    the adverb is the grain of the grouping, as «помесячно» is, never the schedule of a copy that leaves
    "by <dimension>" unread (mzf-en-09). What is grouped is then read, or asked, by the mart's rules."""
    words = [t for t in tokens if t.lang != "punct" or t.lower == ")"]
    if not any(t.lang == "en" and t.lower in GRAIN_ADVERBS_EN for t in words):
        return False
    if any(t.lower in _TARGET_PREPS_EN or says_recent(t) for t in words):
        return False  # "payments by card to clickhouse daily", "new ones by created_at, hourly": a copy
    return any(
        t.lower == "by"
        and 0 < k < len(words) - 1
        and (
            words[k - 1].lower == ")"
            or (
                words[k - 1].lang == "en"
                and words[k - 1].lower not in _LOAD_BY
                and (words[k - 1].lower in SPLIT_PARTICLES_EN or not _english_participle(words[k - 1]))
            )
        )  # "payments paid by card, hourly": the rows of a value, read by the load's rules
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


_ONLY_NOUN_VALUE = re.compile(
    r"(?P<cue>\b(?:только|лишь|only)\s+)(?:(?:по|for|with)\s+)?(?P<noun>[^\W\d_]+)\s+"
    r"(?P<value>'[^']+'|\"[^\"]+\"|[A-Za-z][\w-]*\b)(?!\s*[=(])",
    re.IGNORECASE,
)


def _only_column_noun_value(text: str, ground: _Ground, fact: Table) -> str:
    """«только проект 'Apollo'», «только по проекту 'Apollo'», «только дверь main»: after only/«только», a
    Russian noun naming one text column of the fact (by the catalog's words: «проект» -> project) and a value
    in quotes or in Latin letters is that column's equality, spelled for the filter rules (`project =
    'Apollo'`); a noun naming no column, or several, is left as written (asked)."""

    def spell(match: re.Match[str]) -> str:
        noun = match.group("noun")
        if not re.search(r"[а-яё]", noun, re.IGNORECASE):
            return match.group(0)  # "only project 'Apollo'": the English rules read the column's name
        token = tokenize(noun)[0]
        named = ground.columns_named(fact, [token]) or _dim_word_columns(fact, token)  # «дверь» -> door
        cols = [c for c in named if column_kind(c.type).family == "text"]
        if len(cols) != 1:
            return match.group(0)
        value = match.group("value").strip("'\"")
        if fact.column(value) is not None:
            return match.group(0)
        return f"{match.group('cue')}{cols[0].name} = '{value}'"

    return _ONLY_NOUN_VALUE.sub(spell, text)


# «только звонки в роуминге», «лишь счётчики с телеметрией», "only calls in roaming": after only, a noun and
# a preposition opening the condition.
_ONLY_NOUN_CONDITION = re.compile(
    r"(?<![\w-])(?:только|лишь|only|just)\s+(?P<noun>[^\W\d_]+)(?=\s+(?:в|во|с|со|без|на|in|with|without|on)\s)",
    re.IGNORECASE,
)


def _only_fact_noun(text: str, ground: _Ground, fact: Table) -> str:
    """«…, только звонки в роуминге» of calls: the noun after «только» that names the fact table itself (not
    written as a column's name) repeats what is aggregated; the condition is the phrase after it (is_roaming =
    true). The noun is blanked (same length) so the filter rules never read it as a value ('звонки')."""

    def blank(match: re.Match[str]) -> str:
        token = tokenize(match.group("noun"))[0]
        if ground.table_of(token) is not fact or fact.column(token.lower) is not None:
            return match.group(0)
        start, end = match.span("noun")
        return match.group(0)[: start - match.start()] + " " * (end - start)

    return _ONLY_NOUN_CONDITION.sub(blank, text)


def _head_column_measure(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """ "stops per courier per week, sum", «остановки по курьерам, максимум»: the sentence opens with a noun
    (or a noun phrase: «объём потребления по тарифам, сумма») naming one numeric column of the fact, grouped
    by «по»/per/by, and the only measures are bare words set off by a comma: they aggregate that column (never
    the rows' count, never another numeric column)."""
    tokens = ph.tokens
    # the head: up to three words before the first «по»/per/by («объём потребления по тарифам, сумма»)
    prep = next((k for k, t in enumerate(tokens[:4]) if t.lower in DIM_PREPS_RU | DIM_PREPS_EN), None)
    if prep is None or prep == 0 or not ph.measures or any(k in ph.used for k in range(prep)):
        return
    head = tokens[:prep]
    if any(t.lang not in ("ru", "en") for t in head):
        return
    bare = {m.index for m in ph.measures if not (m.object or m.column_ref or m.subject)}
    if not all(_apposed_bare_measure(tokens, m, bare) for m in ph.measures):
        return
    numeric = _numeric_names(fact)
    cols = [c for c in ground.columns_named(fact, head) if c.name in numeric]
    if len(cols) != 1:
        return
    for m in ph.measures:
        m.column_ref = cols[0].name
    # «просроченные начисления по районам, сумма»: a state word before the column's noun names no column,
    # it is the rows' state, left to the filter rules
    ph.used.update(k for k in range(prep) if not _state_word_beside(ground, fact, tokens[k], cols[0]))


def _listed_state_of_measured(
    planner: OfflinePlanner, fact: Table, m: MeasureWord, k: int, tokens: Sequence[Token]
) -> bool:
    """«сумма оплаченных платежей», «средний вес потерянных посылок», "total succeeded payments": a participle
    or state adjective before the summed or averaged noun that means one value a column of the fact lists (in
    English any word meaning a listed value) is the rows' state, even
    where the glossary also ties the word to a column (paid_at, status): never swallowed as the measure's
    words. Counts read their states in _with_state_participle."""
    token = tokens[k]
    if m.func not in ("sum", "avg", "min", "max") or k == m.object[-1]:
        return False
    if token.lang == "en":  # "total succeeded payments", "successful payments": status 'succeeded'/'success'
        return _means_listed_value(token, fact)
    return (
        token.lang == "ru"
        and (_full_participle_form(token) or _state_adjective(token))
        and (
            planner.filters.names_one_listed_value(fact, token.text)
            or _lists_one_value(fact, status_word(token.lower)[0])
        )
    )


def _names_measured(ground: _Ground, fact: Table, measures: list[dict[str, Any]], token: Token) -> bool:
    """`token` names a column of the fact the mart measures ("rate" of deposits.rate)."""
    measured = {m.get("column") for m in measures}
    return any(c.name in measured for c in ground.columns_named(fact, [token]))


def _spells_measured_comment(fact: Table, measures: list[dict[str, Any]], token: Token) -> bool:
    """`token` is a word of the comment of a column the mart sums or averages whose comment has two words or
    more ('Страховая премия'): read as that column's name, never as the noun of another table."""
    for measure in measures:
        column = fact.column(measure.get("column") or "")
        lemmas = _comment_lemmas(column.comment) if column is not None and column.comment else frozenset()
        if len(lemmas) >= 2 and token.lang == "ru" and token.lemmas & lemmas:
            return True
    return False


def _lists_one_value(fact: Table, value: str | None) -> bool:
    """One text column of the fact lists `value` in its comment ('Статус (pending, paid, refunded)'), as
    written or by another spelling of a status word ('done' stored as completed)."""
    spelled = set(status_spellings(value)) if value else set()
    found = [
        c
        for c in fact.columns
        if column_kind(c.type).family == "text" and spelled & set(listed_values(c.comment))
    ]
    return len(found) == 1


def _state_word_beside(ground: _Ground, fact: Table, token: Token, column: Column) -> bool:
    """A participle or state adjective that does not itself name `column` («просроченные», "overdue")."""
    stated = (
        _full_participle_form(token) or _state_adjective(token)
        if token.lang == "ru"
        else _english_participle(token)
    )
    return stated and column not in ground.columns_named(fact, [token])


def _postposed_measure(ph: MartPhrase) -> None:
    """«кол-во остановок максимум по курьерам»: an average, min or max word with no object right after a count
    phrase (before «по»/by, a comma or the end) says which aggregate of that phrase's column is meant, as
    «максимум кол-ва остановок» does; it is no second measure to place (a count of rows is then asked)."""
    tokens = ph.tokens
    for a, b in zip(ph.measures, ph.measures[1:], strict=False):
        if a.func != "count" or not a.object or a.column_ref or a.subject or a.units:
            continue
        if b.func not in ("avg", "min", "max") or b.object or b.column_ref or b.index != max(a.object) + 1:
            continue
        nxt = tokens[b.index + 1] if b.index + 1 < len(tokens) else None
        if nxt is not None and nxt.lang != "punct" and nxt.lower not in DIM_PREPS_RU | DIM_PREPS_EN:
            continue
        b.object = [a.index, *a.object]
        ph.measures = [m for m in ph.measures if m is not a]
        return


def _flag_split(planner: OfflinePlanner, text: str, tokens: Sequence[Token]) -> str:
    """«отдельно eSIM и обычные (is_esim)», «VIP и не-VIP клиентам», "privileged vs non-privileged": the
    rows of a flag set beside the rest (its negation, «обычные/остальные», "the rest") split the rows on that
    flag, a dimension, never the filter `flag = true` the first word alone would be. The phrase (with
    «отдельно» and a bracket naming the flag) becomes «по <flag>» / "by <flag>"; a word naming no single
    flag of the connection's tables is left to the other rules (they ask)."""
    sources = _fact_connections(planner, tokens)
    if len(sources) != 1:
        return text
    flags = [
        (t, c)
        for t in planner.catalog.tables_of(sources[0].conn_id)
        for c in t.columns
        if "bool" in c.type.lower()
    ]
    if not flags:
        return text
    russian = any(t.lang == "ru" for t in tokens)
    for i, t in enumerate(tokens):
        owners = {c.name: table for table, c in flags if _names_flag(t, c)}
        named = set(owners)
        end = _split_end(tokens, i) if len(named) == 1 else None
        if end is None:
            continue
        end, bracket = _split_tail(tokens, end)
        if bracket is not None and bracket not in named:
            continue  # the bracket names another column: the split is not this flag's, left as read
        start = i - 1 if i and tokens[i - 1].lower in SPLIT_SEPARATELY else i
        if start and tokens[start - 1].lower in SPLIT_PREPOSITIONS:
            start -= 1  # «по VIP и не-VIP», "for privileged vs non-privileged": one «по» for the flag
        flag = named.pop()
        owner = name_parts(owners[flag].name)
        if not russian and end + 1 < len(tokens) and stem(tokens[end + 1].lower) in owner:
            end += 1  # "for privileged vs non-privileged subscribers": the noun only says whose flag
        by = "по" if russian else "by"
        return f"{text[: tokens[start].start]}{by} {flag}{text[tokens[end].end :]}"
    return text


# A preposition before a split of rows («по», "for", «среди»), replaced with the flag's own «по» / "by".
SPLIT_PREPOSITIONS = {"по", "среди", "для", "у", "for", "among", "by", "of"}


def _names_flag(token: Token, column: Column) -> bool:
    """The word names the boolean column: by its name without is_/has_ or its comment («eSIM», "VIP",
    «льготники» of 'Льготник ...'), never a negated form."""
    if token.lang not in ("ru", "en") or len(token.lower) < 3 or token.lower.startswith(SPLIT_NEGATIONS):
        return False
    stems = _column_stems(column) - {"is", "has"}
    return stem(token.lower) in stems or token.lemma in stems


def _split_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the last word of "<X> and <not X / the rest>" starting at the flag word i, else None."""
    if i + 2 >= len(tokens) or tokens[i + 1].lower not in SPLIT_LINKS:
        return None
    other = tokens[i + 2]
    flag_stem = stem(tokens[i].lower)
    for prefix in SPLIT_NEGATIONS:  # «не-VIP», "non-privileged", «нельготники»
        if other.lower.startswith(prefix) and stem(other.lower[len(prefix) :]) == flag_stem:
            return i + 2
    if other.lower in ("не", "non", "not") and i + 3 < len(tokens) and stem(tokens[i + 3].lower) == flag_stem:
        return i + 3  # «не VIP», "non privileged"
    if other.lang == "ru" and other.lemma in SPLIT_REST_RU:
        return i + 2
    if other.lower == "the" and i + 3 < len(tokens) and tokens[i + 3].lower in SPLIT_REST_EN:
        return i + 3
    return i + 2 if other.lang == "en" and other.lower in SPLIT_REST_EN else None


def _split_tail(tokens: Sequence[Token], end: int) -> tuple[int, str | None]:
    """A split's «отдельно» after it and a bracket naming a column ("(is_esim)"): the last index, the name."""
    if end + 1 < len(tokens) and tokens[end + 1].lower in SPLIT_SEPARATELY:
        end += 1
    if end + 3 < len(tokens) and tokens[end + 1].text == "(" and tokens[end + 3].text == ")":
        return end + 3, tokens[end + 2].text
    return end, None


# Words after which a measure says how the measure before them is computed: «—», «:», «то есть», "i.e.",
# "that is", "namely".
RESTATE_MARKS = frozenset({"—", "–", ":"})


def _restatement_mark(tokens: Sequence[Token], k: int) -> int | None:
    """The first index of a restatement marker ending right before index k (articles skipped): «— сумма»,
    «: сумма», «то есть сумма», "i.e. the sum", "that is, the sum", "namely the sum"; None when none is."""
    while k > 0 and tokens[k - 1].lower in ARTICLES_EN:
        k -= 1
    if k > 0 and tokens[k - 1].text == ",":  # "that is, the sum"
        k -= 1
        while k > 0 and tokens[k - 1].lower in ARTICLES_EN:
            k -= 1
    if k < 1:
        return None
    last = tokens[k - 1]
    if last.text in RESTATE_MARKS or last.lower in ("namely", "т.е"):
        return k - 1
    if last.text == "." and k >= 2 and tokens[k - 2].lower in ("i.e", "т.е"):
        return k - 2
    if k >= 2 and (tokens[k - 2].lower, last.lower) in {("то", "есть"), ("that", "is")}:
        return k - 2
    return None


# Parts of an integer column's name that say it counts pieces (quantity, qty, items_count, units).
PIECES_NAME_PARTS = frozenset({"quantity", "qty", "units", "count", "items", "pieces"})


def _pieces_name(column: Column) -> bool:
    """quantity, stock_qty, items_count: a column counting pieces, as which a count of them is computed."""
    return bool(PIECES_NAME_PARTS & set(column.name.lower().split("_")))


def _dash_restates_count(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«сколько позиций продано по категориям меню по дням — сумма количества», "how many items were sold …,
    i.e. the sum of quantity": a sum after «—», «:», «то есть», "i.e." whose words name one integer column of
    the fact counting pieces (quantity, items_count; no key, no money) says how the count before it is
    computed: one measure, that sum, no count beside it (it planned count + sum). Two measures joined by
    «и»/"and" («количество позиций и сумма количества») stay two, and so does a count followed by a sum of
    money or of another column (no count is computed so)."""
    tokens = ph.tokens
    for s in list(ph.measures):
        if s.func != "sum" or s.column_ref is not None:
            continue
        mark = _restatement_mark(tokens, s.index)
        if mark is None:
            continue
        before = [e for e in ph.measures if e.index < mark]
        if not before:
            continue
        said = before[-1]
        if said.func != "count" or said.column_ref is not None or max([said.index, *said.object]) >= mark:
            continue
        between = range(said.index, mark)
        if any(tokens[j].text in ".;?!" or tokens[j].lower in ("и", "and") for j in between):
            continue  # another sentence, or a second measure of its own
        words = [tokens[k] for k in s.object if tokens[k].lang in ("ru", "en")]
        named = ground.columns_named(fact, words) if words else []
        if len(named) != 1:
            continue
        column = named[0]
        if column_kind(column.type).family != "int" or _key_column(fact, column) or not _pieces_name(column):
            continue  # «сколько сеансов — сумма проданных мест»: seats count no screenings, two measures
        ph.measures.remove(said)
        marks = set(range(mark, s.index))
        ph.used |= marks
        ph.dims = [d for d in ph.dims if not set(d) & marks]


def _bracket_restates_measure(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """A measure word alone in a bracket right after another measure restates it, no second measure: after a
    bare «сколько» it says which aggregate («сколько оплачено (сумма)»: the sum, no count); after any other
    measure it names that measure's column when it is one of the fact's («средний чек …, считаем по заказам
    (total)»: avg of total, no sum of total) and is dropped otherwise."""
    tokens = ph.tokens
    for m in list(ph.measures):
        k = m.index
        if not (0 < k < len(tokens) - 1 and tokens[k - 1].text == "(" and tokens[k + 1].text == ")"):
            continue
        before = [e for e in ph.measures if e.index < k]
        if not before:
            continue
        said = before[-1]
        if any(tokens[j].text in ".;?!" for j in range(said.index, k)):
            continue  # another sentence: a measure of its own
        if said.func == "count" and not said.object and said.column_ref is None and m.func != "count":
            ph.measures.remove(said)  # «сколько (сумма)»: the bracket's aggregate
            continue
        named = ground.columns_named(fact, [tokens[k]])
        if (
            said.func != "count"
            and said.column_ref is None
            and len(named) == 1
            and tokens[k].lower == named[0].name.lower()
        ):
            said.column_ref = named[0].name  # "(total)": the column the measure before it aggregates
        ph.measures.remove(m)


def _rows_noun_bracket_measure(ph: MartPhrase, ground: _Ground) -> None:
    """«выручка по броням (total_amount)», «выручка по заказам (total)»: a measure naming no column, «по» and
    a table's own noun (the rows it is taken over), then a bracket holding one numeric column of that table
    by its name: the bracket names the measure's column and the table is the fact, neither a dimension nor a
    second measure (a bracket holding a text column's word, «по отделам (название)», still says which
    column of the department groups)."""
    tokens, n = ph.tokens, len(ph.tokens)
    for m in list(ph.measures):
        first = max([m.index, *m.object]) + 2  # the noun after «по»
        if m.func not in ("sum", "avg", "min", "max") or m.column_ref is not None or first + 2 >= n:
            continue
        inside = first + 2  # «(total_amount)» replaced the noun's dimension, "(total)" read as a measure,
        # or qualifies it («по билетам (price)»: a column of that very table, read as which of its columns)
        if tokens[first - 1].lower not in DIM_PREPS_RU | DIM_PREPS_EN or not {
            (first,),
            (inside,),
            (inside, first),
        } & {tuple(d) for d in ph.dims}:
            continue
        if tokens[first + 1].text != "(" or tokens[first + 3].text != ")":
            continue
        table = ground.table_of(tokens[first])
        column = table.column(tokens[inside].text) if table is not None else None
        if table is None or column is None or column not in _numeric_columns(table):
            continue
        if ph.fact_hint is not None and ph.fact_hint is not table:
            continue
        m.column_ref = column.name
        ph.fact_hint = table
        ph.used.update({first - 1, first, first + 1, inside, first + 3})
        ph.measures = [e for e in ph.measures if e.index != inside]  # "(total)" read as a second sum
        ph.dims = [d for d in ph.dims if d != [first] and inside not in d]
        ph.bracketed = [e for e in ph.bracketed if first not in e[1]]
        return


def _measure_of_nothing(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """A sum/average/min/max whose words name no column: only a generic noun («среднее значение», "average
    figure") or the fact's own noun summed or averaged over a fact with no money column ("average outage"
    on outages: households or a duration?). Which column is meant only the user can say; a word that names a
    column of the fact, or "order value" (the fact's noun and a generic one: its money), is never this."""
    for m in ph.measures:
        if m.func in ("count", "count_distinct", "unsupported") or m.column_ref or m.subject or m.units:
            continue
        words = [ph.tokens[k] for k in m.object if ph.tokens[k].lang in ("ru", "en")]
        if not words or any(ground.columns_named(fact, [w]) for w in words):
            continue
        if all(_word(w, GENERIC_VALUE_RU, GENERIC_VALUE_EN) for w in words):
            if _generic_value_column(fact, words) is not None:
                continue  # «среднее значение» of lab.results.value: the column the word translates
            return True
        # "average outage" over outages (no money, households and times): households or a duration? With a
        # money column («средний заказ», «сумма вкладов») the other rules take the money
        if (
            all(ground.table_of(w) is fact for w in words)
            and m.func in ("avg", "sum")
            and not _money_columns(fact)
        ):
            return True
    return False


PURPOSE_LINKS = {"на", "за", "for", "on"}  # «расходы на топливо», "spend on fuel": what the money went on


def _measure_qualifiers(
    ph: MartPhrase, ground: _Ground, fact: Table, measures: Sequence[dict[str, Any]]
) -> None:
    """Words of a measured phrase that say what the chosen column already is, read (never asked as residue):
    a part of its name ("total seats" of seats_total), the quantity its unit measures («вес багажа» of
    baggage_kg: kg is a weight) and, after the money word or behind «на»/"for", a word naming a part of the
    fact's own compound name («сумма расходов на топливо» of fleet.fuel_cards: fuel)."""
    tokens = ph.tokens
    units = {
        UNIT_QUANTITIES[part]
        for item in measures
        if (column := fact.column(str(item.get("column")))) is not None
        for part in column.name.lower().split("_")
        if part in UNIT_QUANTITIES
    }
    parts = set(name_parts(fact.name)) if len(name_parts(fact.name)) > 1 else set()
    measured = {  # "total seats" of seats_total: a word of the measured column's own name
        part
        for item in measures
        if (column := fact.column(str(item.get("column")))) is not None
        for part in name_parts(column.name)
    }
    for m in ph.measures:
        span = list(m.object)
        last = max([m.index, *m.object])
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].lower in PURPOSE_LINKS
            and tokens[last + 2].lang == "ru"
        ):
            span.append(last + 2)
        for k in span:
            word = tokens[k]
            if k in ph.used or word.lang not in ("ru", "en"):
                continue
            meanings = ground.meanings(word.lower)
            own = bool(parts & meanings) and ground.table_of(word) in (None, fact)
            named = k in m.object and bool(measured & (meanings | {stem(word.lower)}))
            if own or named or units & meanings:
                ph.used.add(k)
                if k not in m.object:
                    ph.used.add(k - 1)


def _spelled_with_cue(ground: _Ground, fact: Table, words: Sequence[Token]) -> Column | None:
    """ "total seats" of aircraft.seats_total (beside seats_business): the measure word and its object spell
    every part of one numeric column's compound name, the cue «total» included, and each object word is one
    of those parts; None unless exactly one column is spelled so."""
    said = [{stem(w.lower), *ground.meanings(w.lower)} for w in words]
    spelled = [  # every part said, and every object word saying one («сумма предоплат» is no total_amount)
        c
        for c in _numeric_columns(fact)
        if len(parts := set(name_parts(c.name))) > 1
        and parts <= set().union(*said)
        and all(x & parts for x in said[1:])
        and not _key_column(fact, c)
    ]
    return spelled[0] if len(spelled) == 1 else None


def _generic_value_column(fact: Table, words: Sequence[Token]) -> Column | None:
    """«среднее значение», "average value" over a fact with a numeric column named by the word's English
    (lab.results.value, readings.value 'Показание'): that column; None when the fact has none (asked)."""
    names = {GENERIC_VALUE_NAMES.get(x) for w in words for x in (w.lower, *w.lemmas)} - {None}
    if len(names) != 1:
        return None
    column = fact.column(str(next(iter(names))))
    return column if column is not None and column.name in _numeric_names(fact) else None


def _measure_per_own_row(
    ph: MartPhrase, ground: _Ground, fact: Table, measures: Sequence[dict[str, Any]]
) -> bool:
    """«сумма абонентской платы по тарифам» on tariffs: a value of the fact's rows summed or averaged per the
    fact's own rows (one row a group) is no aggregate at all: per what, or over which table, is asked. A
    count per own row, a word naming a column too («по складам» of inventory: warehouse), or the fact's noun
    with a dimension after it (marts38: whose measure), is not this."""
    if not measures or any(m.get("func") in ("count", "count_distinct") for m in measures):
        return False
    words = [[ph.tokens[k] for k in group if ph.tokens[k].lang in ("ru", "en")] for group in ph.dims]
    own = [
        group
        for group in words
        if group and all(ground.table_of(w) is fact and not ground.columns_named(fact, [w]) for w in group)
    ]
    return len(own) == len(words) == 1 and not ph.grain


# Prepositions placing the rows in a table («в табеле», "in the timesheet"): the table, not what is counted.
REGISTER_PLACE_WORDS = {"в", "во", "in"}


def _how_many_in_register(ph: MartPhrase, ground: _Ground, fact: Table) -> bool:
    """«Сколько по каждому проекту в табеле?»: a bare «сколько» whose table is only named as the place the
    rows are in, over a table with a quantity of its own (timesheets.hours): rows or hours, only the user
    knows."""
    if not _how_many_of_nothing(ph) or any(m.units for m in ph.measures) or not _numeric_columns(fact):
        return False
    own = [i for i, w in enumerate(ph.tokens) if w.lang in ("ru", "en") and ground.table_of(w) is fact]
    return bool(own) and all(i and ph.tokens[i - 1].lower in REGISTER_PLACE_WORDS for i in own)


# --- round marts83: row states on the fact ------------------------------------------------------------------


def _flag_groups_of_fact(ph: MartPhrase, ground: _Ground, fact: Table) -> None:
    """«Сводка по гарантийным заказ-нарядам: …», «сумма дней по платным заморозкам по причинам»: a «по» group
    of the fact's own noun whose every other word is an adjective or participle naming one boolean column of
    the fact, as the load rules read a flag ('Гарантийный ремонт' of is_warranty), says which rows are kept,
    never a grouping on the flag: the group is no dimension, and its adjectives go to the filter rules
    (`is_warranty = true`). A split of the flag («по VIP и не-VIP клиентам») was made a «по <flag>» before."""
    tokens = ph.tokens
    flags = of_table(fact)
    if not flags:
        return
    for group in list(ph.dims):
        head, qualifier = group[0], group[1:]
        # «по экстренным приёмам»: «приём» names no one table, but the fact's comment ('Записи на приём')
        if qualifier and _titles_fact(ground, tokens[head], fact):
            if all(_flag_adjective(tokens[k], flags) for k in qualifier):
                ph.dims.remove(group)
                ph.used.difference_update(qualifier)
            continue
        # «по сторнированным начислениям» read as two groups: the flag's words, then the fact's noun alone
        noun = [max(group) + 1]
        if noun in ph.dims and _titles_fact(ground, tokens[noun[0]], fact):
            if all(_flag_adjective(tokens[k], flags) for k in group):
                ph.dims.remove(group)
                ph.dims.remove(noun)
                ph.used.difference_update(group)


def _flag_adjective(token: Token, flags: Sequence[tuple[str, Any]]) -> bool:
    """A Russian adjective or participle naming exactly one of `flags` ((name, flag words) of a table), also
    with a fused «не» («негарантийным»: the flag said not to hold, which the filter rules read as false)."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos not in ("ADJF", "PRTF"):
        return False
    said_word = fused_negation(token) or token
    return len({name for name, said in flags if names_flag(said_word, said)}) == 1


def _flag_phrase_group(ph: MartPhrase, fact: Table) -> str | None:
    """«проданных по акции», «строк чеков по акции», «отпускаемых по рецепту»: a one-word «по» group whose
    «по» and word the comment of one boolean column of the fact says itself ('Продано по акции',
    'Отпускается по рецепту') names the flag's rows, never a grouping on it: the group is no dimension and
    the condition (`is_promo = true`) is returned (marts86). A split of the flag («по акции и без акции»)
    still groups by it."""
    tokens = ph.tokens
    for group in list(ph.dims):
        if len(group) != 1 or group[0] < 1 or tokens[group[0] - 1].lower not in ("по",):
            continue
        k = group[0]
        word = tokens[k]
        if word.lang != "ru" or any(t.lower in ("и", "или", "без", "не") for t in tokens[k + 1 : k + 3]):
            continue
        said = [
            c.name
            for c in fact.columns
            if column_kind(c.type).family == "bool" and _comment_says_po(c.comment or "", word)
        ]
        if len(said) == 1:
            ph.dims.remove(group)
            ph.used.update({k - 1, k})
            return f"{said[0]} = true"
    return None


def _comment_says_po(comment: str, word: Token) -> bool:
    """The comment says «по <word>» (any form of the word: 'Продано по акции' of «по акции»)."""
    words = [t for t in tokenize(comment) if t.lang in ("ru", "en", "punct")]
    return any(
        t.lower == "по" and bool(nxt.lemmas & word.lemmas) for t, nxt in zip(words, words[1:], strict=False)
    )


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


def _fact_noun_before_value_bracket(text: str, ground: _Ground, fact: Table) -> str:
    """«только закрытые заказ-наряды (done)», "closed work orders only (done)": a bracket holding one value
    a text column of the fact lists, right after the fact's own noun, says which value the state word before
    the noun means (status = 'done', not closed_at IS NOT NULL), as the filter rules read «закрытые (done)».
    The noun, which only repeats what is aggregated, is blanked (same length) so the bracket follows the
    state word; a value no column lists leaves the text as it is (asked)."""
    tokens = tokenize(text)
    listed = {
        v.lower()
        for c in fact.columns
        if column_kind(c.type).family == "text"
        for v in listed_values(c.comment)
    }
    spans = []
    for k in range(1, len(tokens) - 3):
        noun, opening, value, closing = tokens[k], tokens[k + 1], tokens[k + 2], tokens[k + 3]
        if opening.text != "(" or closing.text != ")" or value.lower not in listed:
            continue
        if tokens[k - 1].lang not in ("ru", "en") or ground.table_of(tokens[k - 1]) is not None:
            continue  # the word before says the state; a noun of a table does not
        if ground.table_of(noun) is fact and fact.column(noun.lower) is None:
            spans.append((noun.start, noun.end))
    return _spans_blanked(text, spans)


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
