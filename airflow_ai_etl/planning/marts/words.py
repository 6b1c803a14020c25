"""Words of the mart reader: trigger, measure, grain and load word sets, and the small word tests
built on them."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from airflow_ai_etl.messages import say
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.filters import EXCLUDED_EN
from airflow_ai_etl.planning.flags import fused_negation, names_flag
from airflow_ai_etl.planning.lexer import Token, _morph, tokenize
from airflow_ai_etl.planning.lexicon import (
    CURRENCY_COMMENT_PREFIXES,
    EXCHANGE_RATE_COMMENT_PREFIXES,
    GENERIC_VALUE_RU,
    SCHEDULE_DAY_NOUNS_RU,
    WEEKDAY_ABBREVIATIONS,
    is_,
)
from airflow_ai_etl.planning.vocabulary import stem

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
# marts130: units of measure a price is said per ("price per tonne", "cost per kwh"), never an entity a mart
# groups by ("price per machine" is a dimension)
PRICE_UNITS_EN = frozenset({
    "liter", "litre", "tonne", "ton", "kg", "kilogram", "gram", "piece", "pack", "package", "unit", "item",
    "kwh", "km", "kilometer", "kilometre", "mile", "minute", "meter", "metre", "hectare", "night", "bottle",
})  # fmt: skip
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
EACH_FORMS = {"каждый", "каждой", "каждому", "каждую", "каждого", "каждом", "каждым", "каждая", "each",
              "every"}  # fmt: skip
COLUMN_NOUNS = {"поле", "столбец", "колонка", "атрибут", "column", "columns", "field", "fields"}
LIST_JOINERS = {"и", "and", ",", "&"}
VIA_WORDS = {"через", "through", "via"}
ARTICLES_EN = {"the", "a", "an"}
FROM_WORDS = {"из", "from"}
STOP_AFTER = {"только", "лишь", "only", "без", "кроме", "except", "excluding", "without", "где", "where",
              "with", "с", "со", "но", "but", "for", "для", "на", "at", "в", "into", "to", "every", "each",
              "каждый", "plus", "плюс"}  # fmt: skip
# (marts121: "per day, plus total baggage": «плюс»/"plus" opens one more measure, no dimension word)
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
    "open": "creat", "opened": "creat", "открыть": "creat", "открывать": "creat",  # «открывали» (marts123)
    "открытие": "creat", "closed": "clos", "closing": "clos", "закрытие": "clos", "hired": "hire",
    "fired": "fire", "sign": "sign", "signed": "sign",  # "did we sign", "signed per month": signed_at
    "подписание": "sign", "подписать": "sign",  # «по дате подписания полиса»: signed_at
    "продать": "sold", "sold": "sold",  # «проданных билетов», "tickets sold": sold_at 'Время продажи'
    # marts72: «по месяцам установки», «счётчиков поставили»: installed_on; «по дням добавления в заказ»,
    # «машин ввели в парк»: added_at, added_on
    "установка": "instal", "установить": "instal", "поставить": "instal", "install": "instal",
    "installed": "instal", "добавление": "add", "добавить": "add", "ввод": "add", "ввести": "add",
    "added": "add",
    # marts91: verbal nouns of an event («по дате решения заявки»: resolved_at 'Дата устранения'; «по неделям
    # взятия»: a sample's collected_at). «заключения договора» is read by signed_at's comment, not here.
    "решение": "resolv", "устранение": "resolv", "устранить": "resolv", "resolve": "resolv",
    "resolved": "resolv", "resolution": "resolv", "взятие": "collect",
    "отмена": "cancel", "cancellation": "cancel",  # «по дате отмены брони»: cancelled_at, never created_at
    # marts103: events said in other words than the column's name ("by discovery time": found_at 'Время
    # обнаружения'; «полисов расторгли»: cancelled_at 'Дата расторжения'; "by inspection date": inspected_on;
    # "per month of signing": signed_at; "per month of accrual": period 'Месяц начисления')
    "обнаружение": "found", "обнаружить": "found", "discovery": "found", "discovered": "found",
    "расторжение": "cancel", "расторгнуть": "cancel", "termination": "cancel", "terminated": "cancel",
    "inspection": "inspect", "inspected": "inspect", "signing": "sign", "accrual": "accru",
    "accrued": "accru", "начисление": "accru",
    # marts116: «сколько привили», «вакцинировали», "how many vaccinated": vaccinated_at 'Время вакцинации';
    # «по дням работы», "by work day": a timesheet's work_date (no comment; «работы» was a joined dimension)
    "привить": "vaccin", "прививать": "vaccin", "вакцинировать": "vaccin", "вакцинация": "vaccin",
    "vaccinate": "vaccin", "vaccinated": "vaccin", "vaccination": "vaccin", "работа": "work",
    "receipt": "receiv",  # marts115: "daily by receipt date" of received_at 'Дата приёмки'
    "churn": "churn", "churned": "churn", "отток": "churn",  # marts115: "by churn date" of churned_on
    "send": "sent", "sending": "sent", "sent": "sent",  # marts125: "by send time" of sent_at (irregular)
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
    "открывать": "open",  # «сколько счетов открывали каждый месяц»: the imperfective says the same event
}  # «получения результата» ~ reported_at
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


# Measure and dimension words the glossary does not carry -> stems of English column-name parts.
COLUMN_WORDS: dict[str, set[str]] = {
    "литр": {"liter", "litr"}, "liters": {"liter"}, "litres": {"liter"}, "остановка": {"stop"},
    "километр": {"km", "distanc"}, "км": {"km", "distanc"}, "пробег": {"distanc", "mileag"},
    "дистанция": {"distanc"},  # «средняя дистанция маршрутов»: distance_km, the English name's own word
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
    # marts106: "shift type" of shift_kind ('Тип смены'): a type said in English is the column's kind
    "type": {"type", "kind"}, "types": {"type", "kind"}, "kind": {"kind", "type"}, "kinds": {"kind", "type"},
    "parcel": {"shipment"}, "parcels": {"shipment"}, "package": {"shipment"}, "packages": {"shipment"},
    # a badge swiped or tapped at a door is one access event («проход»)
    "swipe": {"event"}, "swipes": {"event"}, "tap": {"event"}, "taps": {"event"}, "проход": {"event"},
    # Russian nouns for the English entity of a key column with no comment («по курсам» -> course_id)
    "курс": {"cours"}, "проект": {"project"}, "тариф": {"tariff"}, "контракт": {"contract"},
    "сегмент": {"segment"}, "терминал": {"terminal"}, "маршрут": {"rout"},
    # marts98: "bytes downloaded/uploaded" of bytes_down/bytes_up ('Получено байт', 'Отправлено байт')
    "downloaded": {"down", "download"}, "uploaded": {"up", "upload"},
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


def _incremental(token: Token) -> bool:
    """The lexicon's INCREMENTAL, and «инкрементно» (pymorphy's lemma «инкрементный»)."""
    return is_(token, "INCREMENTAL") or (token.lang == "ru" and token.lemma == "инкрементный")


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


REFRESH_NOUNS_RU = {"обновление", "пересчёт", "пересчет", "перестроение", "перестройка", "пересборка",
                    "запуск", "прогон", "апдейт", "расписание", "перерасчёт", "перерасчет"}  # fmt: skip
REFRESH_NOUNS_EN = {"refresh", "refreshes", "update", "updates", "run", "runs", "rebuild", "rebuilds",
                    "recompute", "reload", "reloads", "schedule", "cadence"}  # fmt: skip


def _refresh_noun(token: Token) -> bool:
    """A noun naming the refresh itself («обновление», "refresh"): a frequency word on it is the schedule."""
    if token.lang == "ru":
        return bool(token.lemmas & REFRESH_NOUNS_RU) and token.has(token.lemmas, pos=("NOUN",))
    return token.lang == "en" and token.lower in REFRESH_NOUNS_EN


def _refresh_before(tokens: Sequence[Token], i: int) -> bool:
    for k in range(max(0, i - 3), i):
        if _word(tokens[k], REFRESH_RU, REFRESH_EN):
            return True
    return False


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
    dash (not the request's first words). A title noun a colon and the mart's body follow («Залей,
    пожалуйста, витрину: …») heads the request, no wrapper (marts97: the mart word was left out and the
    load verb made the request a load)."""
    found: set[int] = set()
    for i in range(1, len(tokens)):  # a title opening the request is the header rules' (_title_nouns)
        if tokens[i - 1].lang != "punct":
            continue
        if (end := _wrapper_at(tokens, i)) is not None:
            if end + 1 < len(tokens) and tokens[end].text == ":":
                continue  # «Залей, пожалуйста, витрину: сумма …»: the noun the body after the colon follows
            found.update(range(i, end))
    return found


# Polite set phrases around a request («Будьте добры, …», «будь любезен»): no slot of the mart.
POLITE_PHRASES_RU = (("будьте", "добры"), ("будь", "добр"), ("будь", "добра"), ("будьте", "любезны"),
                     ("будь", "любезен"), ("будь", "любезна"))  # fmt: skip
# Breakdowns said to be absent: «без разбивки по времени», "without a time breakdown": no grain at all.
NO_CUT_RU = {"без"}
NO_CUT_EN = {"without", "no"}
CUT_EN = {"breakdown", "split", "grain", "granularity"}
TIME_CUT_NOUNS = {"время", "дата", "период", "time", "date", "period", "dates", "periods"}
JUST_EN = {"just", "simply"}


def _polite_words(tokens: Sequence[Token]) -> set[int]:
    """Indexes of a polite set phrase («Будьте добры», «будь любезен»): asking words, never a slot."""
    lows = [t.lower for t in tokens]
    return {
        i + k
        for i in range(len(tokens))
        for phrase in POLITE_PHRASES_RU
        if tuple(lows[i : i + len(phrase)]) == phrase
        for k in range(len(phrase))
    }


def _just_words(tokens: Sequence[Token]) -> set[int]:
    """ "just the sum of amounts", "simply the count": "just" right before (an article and) a measure word
    only says the measure is all that is wanted; before anything else ("just the blue ones") it is left."""
    found = set()
    for i, t in enumerate(tokens[:-1]):
        if t.lang != "en" or t.lower not in JUST_EN:
            continue
        k = i + 1 + (tokens[i + 1].lower in ("the", "a", "an") and i + 2 < len(tokens))
        if _is_measure(tokens[k]):
            found.add(i)
    return found


def _no_time_cut(tokens: Sequence[Token]) -> set[int]:
    """Indexes of «без разбивки по времени/датам/дням», "without a time breakdown", "no breakdown by date":
    the request says there is no grain; none is read (never a grain question about «по времени»)."""
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.lang == "ru" and t.lower in NO_CUT_RU and i + 2 < n and tokens[i + 1].lemma in CUT_WORDS:
            k = i + 2 + (tokens[i + 2].lower == "по")
            if k < n and (tokens[k].lemma in TIME_CUT_NOUNS or _grain_noun(tokens[k])):
                return set(range(i, k + 1))
        if t.lang == "en" and t.lower in NO_CUT_EN and i + 2 < n:
            k = i + 1 + (tokens[i + 1].lower in ("a", "any", "the"))
            if k + 1 < n and tokens[k].lower in TIME_CUT_NOUNS and tokens[k + 1].lower in CUT_EN:
                return set(range(i, k + 2))  # "without a time breakdown"
            if (
                k + 2 < n
                and tokens[k].lower in CUT_EN
                and tokens[k + 1].lower in ("by", "over", "per")
                and (tokens[k + 2].lower in TIME_CUT_NOUNS or _grain_noun(tokens[k + 2]))
            ):
                return set(range(i, k + 3))  # "no breakdown by date"
    return set()


QUOTES_OPEN = {"«": "»", "“": "”", '"': '"', "„": "“"}
# «приняли на работу», «уволили с работы»: the place of a hiring or firing verb, part of the verb's event.
WORK_NOUNS_RU = {"работа", "служба", "должность"}
HIRE_FIRE = {"hire", "fire"}


def _quoted_mart_title(tokens: Sequence[Token]) -> set[int]:
    """Indexes of a title in quotes right after «витрина»/"mart" («витрина «Нагрузка врачей»»,
    'mart "Doctor load"'): what the mart is called, no slot. A quoted snake_case name (a table's name) and a
    quote of more than five words are left to the other rules."""
    for i, t in enumerate(tokens[:-2]):
        if not (_ru(t, TRIGGER_RU) or _en(t, TRIGGER_EN)) or tokens[i + 1].text not in QUOTES_OPEN:
            continue
        close = QUOTES_OPEN[tokens[i + 1].text]
        end = next((k for k in range(i + 2, min(len(tokens), i + 8)) if tokens[k].text == close), None)
        inner = tokens[i + 2 : end] if end is not None else []
        if inner and all(
            w.lang in ("ru", "en")
            and not _IDENTIFIER.match(w.text)
            and w.lower not in DIM_PREPS_RU | DIM_PREPS_EN
            and not (_grain_noun(w) or _grain_adjective(w))
            and w.lower not in {*GRAIN_ADVERBS_RU, *GRAIN_ADVERBS_EN}
            for w in inner
        ):  # «Отправления по неделям»: a grain or grouping said only in the title is left (and asked)
            return set(range(i + 1, end + 1)) if end is not None else set()
    return set()


def _work_place_words(tokens: Sequence[Token]) -> set[int]:
    """«приняли на работу», «уволены с работы»: «на/с» + a work noun right after a verb of hiring or
    firing (TIME_WORDS' hire, fire) only says the event; read with the verb."""
    found: set[int] = set()
    for i in range(1, len(tokens) - 1):
        prep, noun = tokens[i], tokens[i + 1]
        if prep.lower not in ("на", "с", "со") or noun.lang != "ru" or not noun.lemmas & WORK_NOUNS_RU:
            continue
        if _time_word(tokens[i - 1]) in HIRE_FIRE:
            found |= {i, i + 1}
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


EVENT_OBJECT_REACH = 4  # "went to the clubs", "rented cars": the words of the verb's object before "each"


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


QUANTIFIERS_RU = {"каждый", "всякий", "любой"}
QUANTIFIERS_EN = {"each", "every", "any"}


_IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def _time_word(token: Token) -> str | None:
    for lemma in token.lemmas | {token.lower, token.lemma}:
        if lemma in TIME_WORDS:
            return TIME_WORDS[lemma]
        if token.lang == "ru" and lemma.endswith(("ся", "сь")) and lemma[:-2] in TIME_WORDS:
            return TIME_WORDS[lemma[:-2]]  # «уволиться», «закрыться»: the event of «уволить», «закрыть»
    return None


def _adverb(token: Token) -> bool:
    """A Russian adverb or particle («просто», «лишь»): never the first word of a dimension."""
    return token.lang == "ru" and bool(token.parses) and token.parses[0].pos in ("ADVB", "PRCL")


def _glossed_words(tokens: Sequence[Token], column: list[int], owner: list[int]) -> list[int]:
    """The words of a dimension whose column a bracket or a dash gloss names: the column word, then the
    owner's («название отделов», «по билетам (price)»); in English the owner first, as people write it
    ("department name": the "(name)" of "by department (name)" is never the department's key)."""
    return owner + column if all(tokens[k].lang == "en" for k in [*owner, *column]) else column + owner


SINGLE_EN = {"single", "one"}
SINGLE_RU = {"один", "одни", "единый"}


def _qualified_after(tokens: Sequence[Token], k: int) -> bool:
    """Token k is a Russian noun followed by a noun in the genitive («модели машины»): an attribute of
    something, not an entity alone."""
    if k + 1 >= len(tokens) or tokens[k].lang != "ru" or tokens[k + 1].lang != "ru":
        return False
    return any(p.case == "gent" and p.pos == "NOUN" for p in tokens[k + 1].parses)


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


LOOKBACK_AUX = {"are", "is", "get", "gets", "be", "being", "будут", "будет"}


# Comparison words before «N штук», "N units": one or two words (lemmas / lower-case), the operator.
_QTY_COMPARE = [
    (("не", "менее"), ">="), (("не", "меньше"), ">="), (("не", "более"), "<="), (("не", "больше"), "<="),
    (("at", "least"), ">="), (("at", "most"), "<="), (("more", "than"), ">"), (("less", "than"), "<"),
    (("fewer", "than"), "<"), (("up", "to"), "<="), (("от",), ">="), (("минимум",), ">="), (("from",), ">="),
    (("больше",), ">"), (("более",), ">"), (("свыше",), ">"), (("over",), ">"), (("above",), ">"),
    (("менее",), "<"), (("меньше",), "<"), (("under",), "<"), (("below",), "<"), (("до",), "<="),
]  # fmt: skip


def _comparison_before(tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
    """(first token, operator) of the comparison words («от», "at least") that end right before token i."""
    for words, op in _QTY_COMPARE:
        start = i - len(words)
        if start >= 0 and all(tokens[start + k].lower == w for k, w in enumerate(words)):
            return start, op
    return None


FROM_RU = {"с", "со"}  # «выручка с поездок», «доход со штрафов»: the money taken from those rows


# Words after «сколько»/"how many" that say "in all", no counted noun: «сколько всего», "how many in total".
HOW_MANY_IN_ALL = {"всего", "итого", "in", "total", "all", "overall"}


# Nouns of a price of one unit («цена за литр», «ставка за час»): «за» then the unit (marts125).
RATE_NOUNS_RU = frozenset({"цена", "стоимость", "ставка", "тариф", "плата", "доплата"})
SIZE_RU = {"размер", "величина", "объём", "объем", "выработка"}
SIZE_EN = {"size", "volume"}


COMPARISONS = {
    "больше", "меньше", "более", "менее", "выше", "ниже", "above", "below", "over", "under", "greater",
    "less", "more", "fewer", "равно", "equals", ">", "<", "=", ">=", "<=", "не",
}  # fmt: skip


def _comparison_follows(tokens: Sequence[Token], i: int) -> bool:
    return any(t.lower in COMPARISONS or t.number is not None for t in tokens[i + 1 : i + 4])


# marts97: «в миллилитрах» (dose_ml), «в гектарах» (area_ha); marts130: "volume in tonnes" (volume_t)
UNIT_PARTS = {"день": "day", "час": "hour", "минута": "min", "секунда": "sec", "сек": "sec", "seconds": "sec",
              "secs": "sec", "sec": "sec", "километр": "km", "км": "km", "килограмм": "kg",
              "кг": "kg", "литр": "liter", "days": "day", "hours": "hour", "minutes": "min", "km": "km",
              "kilometers": "km", "kg": "kg", "kilograms": "kg", "liters": "liter",
              "litres": "liter", "миллилитр": "ml", "мл": "ml", "гектар": "ha", "га": "ha",
              "millilitres": "ml", "milliliters": "ml", "hectares": "ha", "tonnes": "t",
              "tons": "t"}  # fmt: skip
# Calendar units naming a column only in the plural («в месяцах» -> term_months); «в месяц» is a rate or grain
PLURAL_UNIT_PARTS = {"месяц": "month", "год": "year", "неделя": "week", "months": "month", "years": "year",
                     "weeks": "week"}  # fmt: skip


# marts98: a column's name part saying square metres (area_m2, area_sqm), and the words a request says them
# by:
# «м²» (the lexer keeps «м»), «кв. м», «квадратных метрах», "sq m", "sqm", "m2", "square meters".
SQUARE_PARTS = frozenset({"m2", "sqm"})
_SQUARE_WORDS: tuple[tuple[str, ...], ...] = (
    ("кв", ".", "м"), ("кв", "м"), ("квадратный", "метр"), ("sq", "m"), ("sq", ".", "m"),
    ("square", "meters"), ("square", "metres"), ("м",), ("sqm",), ("m2",), ("м2",),
)  # fmt: skip


def _square_unit(tokens: Sequence[Token], j: int) -> int:
    """How many tokens from `j` say square metres («кв. м», «квадратных метрах», "sq m", «м²»); 0 if none."""
    for words in _SQUARE_WORDS:
        said = tokens[j : j + len(words)]
        if len(said) != len(words):
            continue
        if all(t.lower == w or w in t.lemmas for t, w in zip(said, words, strict=True)):
            return len(words)
    return 0


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


_TARGET_PREPS_EN = frozenset({"to", "into"})  # "… to clickhouse": where a copy goes


def _names_event_time(tokens: Sequence[Token], i: int) -> bool:
    """ "by churn date", "churn month", «по месяцам оттока», «по дате оттока»: a metric's word beside a date
    or grain noun names the event whose time it is (churned_on), no metric to compute (marts115: "monthly by
    churn date" was asked what 'churn' computes)."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if tokens[i].lang == "en":
        return nxt is not None and (nxt.lower in DATE_NOUNS or _grain_noun(nxt) is not None)
    return prev is not None and (prev.lemma in DATE_NOUNS or _grain_noun(prev) is not None)


def _plural_noun_head(token: Token) -> bool:
    """A Russian plural noun in the nominative («Полисы», «Счета»): the rows a bare grouping counts."""
    return token.lang == "ru" and token.has(token.lemmas, pos=("NOUN",), case=("nomn",), number="plur")


def _time_noun(token: Token) -> bool:
    """«понедельникам», «утрам», «месяцам», «будням»: a day the schedule names, a part of the day or a grain,
    no dimension."""
    return (
        is_(token, "WEEKDAY")
        or is_(token, "PART_OF_DAY")
        or _grain_noun(token) is not None
        or bool(token.lemmas & SCHEDULE_DAY_NOUNS_RU)  # «по будням», «по праздникам»
    )


def _top_reading(tokens: Sequence[Token], i: int) -> bool:
    """ "top speed": "top" before one singular English noun is its highest reading; "top 10", "top customers",
    "top-selling" rank rows, which no mart computes (left to the other rules, which ask)."""
    if tokens[i].lower != "top" or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        nxt.lang == "en"
        and nxt.number is None
        and not nxt.lower.endswith("s")
        and not _stops(nxt)
        and not _grain_noun(nxt)
    )


# The unit a value is said in after «в»/"in" («в процентах», "in percent"): no share the mart computes
PERCENT_UNIT_RU = {"процент"}
PERCENT_UNIT_EN = {"percent", "percents", "percentage", "%"}


def _unit_said_in(tokens: Sequence[Token], i: int) -> bool:
    """«комиссия в процентах», "rate in percent": a percent word right after «в»/"in" that follows a noun is
    the unit the noun's value is written in (a column such as 'Комиссия агента, %'), never a share of rows
    to compute (marts133: mbd-ru-24 was asked as an unsupported measure)."""
    if i < 2 or not _word(tokens[i], PERCENT_UNIT_RU, PERCENT_UNIT_EN):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].lower in ("от", "of"):
        return False  # «в процентах от страховой суммы»: a ratio of two columns, asked
    return tokens[i - 1].lower in ("в", "in") and tokens[i - 2].lang in ("ru", "en")


# "oldest" / "earliest" and "newest" said of a year or a date: its min and its max. Only before a year's or a
# date's noun: "the oldest customer" may be the largest age, and "latest" also cues the newest rows of a copy.
DATED_MIN_EN = frozenset({"oldest", "earliest"})
DATED_MAX_EN = frozenset({"newest"})
DATE_NOUNS_EN = frozenset({"year", "date", "day"})
_DATED_REACH = 2  # words from the superlative to the year's noun ("oldest build year")


def _dated_superlative(tokens: Sequence[Token], i: int) -> str | None:
    """ "the oldest build year", "earliest issue date", "newest model year": min or max of the year or date
    column the following words name; None for any other word (marts133: mbd-en-10 asked 'year')."""
    t = tokens[i]
    if t.lang != "en" or t.lower not in DATED_MIN_EN | DATED_MAX_EN:
        return None
    after = tokens[i + 1 : i + 1 + _DATED_REACH]
    if not any(w.lower in DATE_NOUNS_EN for w in after):
        return None
    return "min" if t.lower in DATED_MIN_EN else "max"


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
    if _unit_said_in(tokens, i):
        return None  # «средняя комиссия в процентах», "average rate in percent": the value's unit (marts133)
    if _word(t, UNSUPPORTED_RU, UNSUPPORTED_EN) and not _names_event_time(tokens, i):
        return "unsupported"
    if _word(t, UNITS_RU, UNITS_EN) and not (before and _measure_func(tokens, i - 1)):
        if _in_only_list(tokens, i):
            return None  # «только код, название и зачётные единицы»: a column of a subset (planner9)
        each = (
            len(before) >= 2
            and before[-1].lower in EACH_FORMS
            and before[-2].lower in DIM_PREPS_RU | DIM_PREPS_EN
        )
        if before and (
            before[-1].lower in DIM_PREPS_RU | DIM_PREPS_EN
            or each  # «по каждой единице техники», "per each unit": a dimension (marts97)
            or before[-1].lower == "за"  # «цена за штуку»: a price's unit, no sum of pieces (marts125)
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
    if (superlative := _dated_superlative(tokens, i)) is not None:
        return superlative  # "the oldest build year", "earliest issue date": min of a year or a date
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
    if _top_reading(tokens, i):
        return "max"  # marts121: "top speed and average fuel level": the highest reading
    if t.lower == "number" and not (i + 1 < len(tokens) and tokens[i + 1].lower == "of"):
        return "count" if _first_of_measure_list(tokens, i) else None
    if _slang_count(tokens, i):  # «колво лидов», «скока событий», "cnt of orders"
        return "count"
    if _word(t, COUNT_RU, COUNT_EN) or t.lower.startswith("кол-в"):  # «кол-ву заказов»
        return "count"
    if t.lower == "many" and before and before[-1].lower == "how":
        return "count"  # "how many" ("how" is read with it: see _read_measures)
    if _summed_by_dimension(tokens, i) or _summed_per_grain(tokens, i):
        return "sum"  # "charges summed by charge type": the rows' money added up per group, never a row count
    if _word(t, SUM_RU, SUM_EN):
        if t.lower == "фонде" and before and before[-1].lower in ("в", "во"):
            return None  # «Экземпляры в фонде» of a library: where the copies are, no money fund (marts120)
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


def _first_of_measure_list(tokens: Sequence[Token], i: int) -> bool:
    """ "number and total amount", "the number, total and average amount": a bare "number" heading a list
    whose next item is a measure word is the count of the rows, as "count and total amount" is (marts106);
    alone ("by number") it stays unread."""
    k = i + 1
    if k >= len(tokens) or tokens[k].lower not in ("and", ","):
        return False
    k += 1
    if k < len(tokens) and tokens[k].lower in ("the", "their", "its"):
        k += 1
    return k < len(tokens) and _en(tokens[k], SUM_EN | AVG_EN | MIN_EN | MAX_EN | DISTINCT_EN)


def _key_name(name: str) -> bool:
    """A key's name: `id`, `loan_id`, `uuid` (never `amount_paid`, whose last letters are "id" too)."""
    low = name.lower()
    return low in ("id", "uuid") or low.endswith(("_id", "_uuid"))


# Words that place a table in ClickHouse («из кликхауса», "the clickhouse sales table"); the broader
# engine words (warehouse, хранилище) are left out: a shop has a warehouse column.
ALREADY_WORDS = {"уже", "already"}
PEOPLE_PARTS = {"employe", "staff", "worker", "personnel", "person"}
CLICKHOUSE_WORDS = {"clickhouse", "clickhous", "ch", "кликхаус", "кх", "dwh"}
TABLE_NOUNS = {"table", "tables", "таблица"}


THERE_WORDS = {"туда", "там", "there"}
RELATIVE_EN = {"among", "amongst", "who", "whose", "which", "that"}  # a clause after a dimension: a filter
EXCEL_WORDS = {"excel", "xlsx", "эксель", "excel-файл", "эксель-файл", "xlsx-файл"}
FILE_NOUNS = {"file", "workbook", "spreadsheet", "файл", "книга", "таблица"}
_LOCAL_XLSX = re.compile(r"(?<![\w:/])/[\w./\-]*\.xlsx\b", re.IGNORECASE)
_S3_XLSX = re.compile(r"\bs3://[a-z0-9][a-z0-9.\-]*/[^\s,;'\"«»()]*\.xlsx\b", re.IGNORECASE)
_ANY_S3 = re.compile(r"\bs3://[a-z0-9][a-z0-9.\-]*/?[^\s,;'\"«»()]*", re.IGNORECASE)


def _is_excel_word(token: Token) -> bool:
    return token.lower in EXCEL_WORDS or token.lemma in EXCEL_WORDS or token.lower.startswith("эксел")


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
    "too",  # marts98: "with total minutes too": the measure is added, no slot
    "plus",  # marts107: "…, plus the sum of refunds": one more measure, as "and" adds it
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


def _spans_blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with every character of `spans` a space (offsets stay)."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            chars[k] = " "
    return "".join(chars)


PEOPLE_RU = {"человек", "люди", "персона"}
PEOPLE_EN = {"people", "persons", "person"}


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


MONEY_NOUNS_RU = {"деньги", "деньга", "расход", "расходы", "затраты", "траты", "стоимость", "оплата"}
MONEY_NOUNS_EN = {"spend", "spending", "spent", "cost", "costs", "money", "expenses", "pay", "paid", "payout",
                  "payouts"}  # fmt: skip
SPEND_EN = MONEY_NOUNS_EN - {"pay", "paid"}  # "fuel spend" names the amount; "paid orders" is a state


CARRIED_FUNCS = ("avg", "min", "max", "sum")


_COUNTING_HEADS = frozenset(stem(w) for w in COUNT_RU | SUM_FUNCTION_RU | GENERIC_VALUE_RU)


MONEY_NAME_PARTS = {"amount", "total", "price", "sum", "cost", "valu", "salari", "gross", "net", "pay",
                    "paid", "revenu", "fee", "charg", "refund", "spend", "premium"}  # fmt: skip


_PER_UNIT_WORD = re.compile(r"(?:\bза|\bper|_per)[\s_]+([^\W\d_]+)")


def _exchange_rate_comment(words: Sequence[str]) -> bool:
    """«Курс к рублю», «Обменный курс валюты»: «курс» with a currency word is an exchange rate; «Курс
    обучения» (a year of study) is not."""
    return any(w.startswith(EXCHANGE_RATE_COMMENT_PREFIXES) for w in words) and any(
        w.startswith(CURRENCY_COMMENT_PREFIXES) for w in words
    )


def _participle(token: Token) -> bool:
    if token.lang == "ru":
        return any(p.pos in ("PRTF", "PRTS") for p in token.parses[:1])
    return token.lang == "en" and token.lower.endswith("ed") and len(token.lower) > 4


SOLD_LEMMAS = {"продать", "проданный", "продавать"}


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


_LISTING_BRACKET = re.compile(r"\([^()]*,[^()]*\)")  # '(ПДД, парковка, повреждения)': kinds of rows


def _naming_lemmas(comment: str) -> frozenset[str]:
    """The lemmas of the words that name a table's rows in its comment, without a bracket that lists kinds
    of them ('Штрафы клиентов (ПДД, парковка, повреждения)': штраф, клиент): «Штрафы за парковку:» names
    the fines and one kind of them, a row filter, not the table alone (marts104)."""
    return _comment_lemmas(_LISTING_BRACKET.sub(" ", comment))


@functools.lru_cache(maxsize=4096)
def _comment_stems(comment: str) -> frozenset[str]:
    from airflow_ai_etl.planning.offline import name_parts_of_text

    return frozenset(name_parts_of_text(comment))


def _is_quantity_word(token: Token) -> bool:
    return _word(token, {"количество", "штука", "единица", "остаток"}, {"quantity", "qty", "units", "stock"})


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


# English nouns of a person after the noun of the people's table ("staff member", "crew member"): the table's
# noun already says who is meant, the tail adds nothing («сотрудник»).
PERSON_TAILS_EN = frozenset({"member", "members"})


def _spelled_name(words: Sequence[Token]) -> str:
    """The column name English words spell: "plate number", "check-in" -> plate_number, check_in."""
    return "_".join(w.lower.replace("-", "_") for w in words)


def _asker(lang: str) -> Any:
    """The mart reader's question `key` (catalog id ``planner.mart.<key>``) in the request's language."""
    language = "ru" if lang == "ru" else "en"

    def ask(key: str, **values: Any) -> str:
        return say(language, f"planner.mart.{key}", **values)

    return ask


# «сколько к выплате (net)», «сколько на счетах (balance)»: a preposition and a noun: how much of a column
HOW_MUCH_LINKS = frozenset({"к", "на"})


# «сколько заплатили/оплатили/уплатили»: a verb of paying, and the nouns a payment's amount is commented with
PAY_VERBS_RU = frozenset({"заплатить", "оплатить", "уплатить", "платить", "оплачивать", "выплатить"})
PAYMENT_NOUNS_RU = frozenset({"оплата", "платёж", "платеж", "выплата"})


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


# Chat spellings of «количество» / «сколько» and English shorthands of a count («колво лидов», «скока
# событий», "cnt of orders", "num of visits").
_SLANG_COUNT_RU = re.compile(r"^(?:кол\.?-?во|колво|к-во|скока|скоко|скок|скоко?лько)$")


def _slang_count(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.lang == "ru":
        return bool(_SLANG_COUNT_RU.match(t.lower))
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return t.lang == "en" and (t.lower == "cnt" or (t.lower == "num" and after == "of"))


GRAIN_LINKS = {"по", "(", "on", "by"}  # «по дням (по плановому вылету)», «по месяцам по плановому вылету»


_BRACKETED = re.compile(r"\(([^()]*)\)")


# --- round marts12: minutes, fillers, English time words --------------------------------------------------


def _minutes_after_number(tokens: Sequence[Token], i: int) -> bool:
    """ "every 30 min", «каждые 15 мин», "longer than 40 min": a number of minutes, not the min() measure."""
    return tokens[i].lower in ("min", "mins", "мин") and i > 0 and tokens[i - 1].number is not None


def _polite(token: Token) -> bool:
    """«…, пожалуйста», "… please": no dimension (a list of dimensions ends there)."""
    return token.lower in POLITE or (token.lang == "ru" and token.lemma in POLITE)


_BE_EN = {"was", "were", "is", "are", "got", "gets", "get", "has", "have", "had", "been", "being"}


# "cancelled and refunded", "cancelled, refunded or void", «отменённых и возвращённых»: one list of values
VALUE_JOINERS = frozenset({"and", "or", ",", "и", "или"})


def _said_excluded(tokens: Sequence[Token], k: int) -> bool:
    """ "excluding cancelled trips", "cancelled trips excluded", "without the failed ones": the word at `k`
    names rows left out (the filter rules read the negation), never the state of the rows kept. So does a
    word a list continues, "excluding cancelled and refunded invoices" (marts97: "refunded" was read as the
    state of the rows kept beside the NOT IN the filter rules read, an always empty mart)."""
    if k >= 2 and tokens[k - 1].lower in VALUE_JOINERS and tokens[k - 2].lang == tokens[k].lang:
        if _said_excluded(tokens, k - 2):
            return True
    for j in range(k - 1, max(-1, k - 3), -1):
        if tokens[j].lower in NEGATION_WORDS or tokens[j].lemma in NEGATION_WORDS:
            return True
        if tokens[j].lower not in ("the", "all", "any", "those"):
            break
    for j in range(k + 1, min(len(tokens), k + 4)):
        if tokens[j].lang == "punct":
            return False
        if tokens[j].lower in EXCLUDED_EN or left_out_at(tokens, j):
            return True
    return False


def left_out_at(tokens: Sequence[Token], j: int) -> bool:
    """ "left out" starts at word `j` ("sick shifts left out"): an exclusion cue after the rows, as "excluded"
    is (marts107)."""
    return tokens[j].lower == "left" and j + 1 < len(tokens) and tokens[j + 1].lower == "out"


def _english_participle(token: Token) -> bool:
    return token.lower.endswith("ed") or token.lower in IRREGULAR_PARTICIPLES_EN


# Russian mart words a one-letter typo is read as («розрезе», «розбивкой»): words no catalog comment says,
# the longer measure words («сколко», «количетво», «срееднее») and the longer Russian column and dimension
# words of the mart's own tables («остоновок» -> «остановок»).
SPELLING_RU = frozenset(
    {"разрез", "разбивка", "группировка", "витрина"}
    | {w for w in [*COUNT_RU, *AVG_RU, *MIN_RU, *MAX_RU, *SUM_RU] if len(w) >= 6 and w.isalpha()}
    | {w for w in [*COLUMN_WORDS, *DIM_WORDS] if len(w) >= 6 and not w.isascii()}
)


# --- round marts12: units of measure after a measure ------------------------------------------------------

# Units written after a measure («потребление кВт·ч», «пробег, км», "weight in kg") -> the column-name part
# they say (kwh, km, kg); None: a unit that names no column part (roubles).
MEASURE_UNITS: dict[str, str | None] = {
    "квт": "kw", "квтч": "kwh", "kw": "kw", "kwh": "kwh", "ч": "h", "h": "h", "км": "km", "km": "km",
    "кг": "kg", "kg": "kg", "байт": "byte", "byte": "byte", "bytes": "byte", "гб": "gb", "gb": "gb",
    "мб": "mb", "mb": "mb", "руб": None, "рубль": None, "₽": None, "rub": None, "usd": None, "доллар": None,
    "евро": None, "eur": None, "rubles": None, "roubles": None, "dollars": None, "euros": None,
    # marts108: "total dose in ml" (dose_ml), "area in ha" (area_ha): read after a measure like kg
    "мл": "ml", "ml": "ml", "миллилитр": "ml", "millilitres": "ml", "milliliters": "ml", "га": "ha",
    "ha": "ha", "hectares": "ha",
}  # fmt: skip
UNIT_JOINERS = {"·", "*", "/", "-", "⋅", "∙"}


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


def _full_participle_form(token: Token) -> bool:
    """«уволенных», «закрытых» (also the adjective «закрытый»): a word one reading of which is a full
    participle, the state of the noun it stands before."""
    return any(p.pos == "PRTF" for p in token.parses)


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


def _comment_words(text: str) -> list[str]:
    return [w.lower().replace("ё", "е") for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)]


EVENT_PREFIX = 5  # letters a participle shares with the fact's event noun: attend(ed) / attend(ance)


# Nouns that say a column's quantity is measured, read after the column's own word ("kwh consumption").
AMOUNT_NOUNS_EN = {"consumption", "usage", "use", "volume", "traffic", "amount"}
# "gross sales", "net bookings": the fact's money summed (a column named gross is read as a column first)
GROSS_HEADS_EN = {"sales", "revenue", "receipts", "bookings", "turnover", "income", "takings"}


def _flag_adjective(token: Token, flags: Sequence[tuple[str, Any]]) -> bool:
    """A Russian adjective or participle naming exactly one of `flags` ((name, flag words) of a table), also
    with a fused «не» («негарантийным»: the flag said not to hold, which the filter rules read as false)."""
    if token.lang != "ru" or not token.parses or token.parses[0].pos not in ("ADJF", "PRTF"):
        return False
    said_word = fused_negation(token) or token
    return len({name for name, said in flags if names_flag(said_word, said)}) == 1
