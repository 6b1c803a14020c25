"""Lexicon of the offline planner: lemma -> concept, per language.

Rules in :mod:`airflow_ai_etl.planning.grammar` ask "is this token a DESTROY_VERB?" instead of matching
surface prefixes, so «сотрудников» (lemma сотрудник) can never be read as «сотри» (lemma стереть), nor
«из удалённой базы» (удалённый) as «удали» (удалить). Russian entries are pymorphy3 lemmas (ё written
as е); English entries are Snowball stems (what :func:`airflow_ai_etl.planning.lexer.analyse` gives).

One lemma must not carry two concepts that lead to different answers: :func:`conflicts` lists such
lemmas and a unit test keeps the list empty (it also checks the business glossary's nouns).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from airflow_ai_etl.planning.lexer import Token

RU: dict[str, frozenset[str]] = {
    # Verbs (and their action nouns) that destroy data. Participles/adjectives are not here:
    # «удалённый» is "remote", «удалённые записи» are change events.
    "DESTROY_VERB": frozenset(
        {
            "удалить",
            "удалять",
            "очистить",
            "очищать",
            "уничтожить",
            "уничтожать",
            "снести",
            "сносить",
            "грохнуть",
            "дропнуть",
            "транкейтнуть",
            "делитнуть",
            "пурджить",
            "обнулить",
            "обнулять",
            "удаление",
            "очистка",
            "уничтожение",
            "стирание",
            "чистить",
            "почистить",
            "вычистить",
            "подчистить",
            "зачистить",
            "выпилить",
            "дропать",
            "грохать",
            "выкосить",  # slang «выкоси все закрытые заявки» (planner141); with no object it asks
            "выкашивать",
            "альтернуть",  # ALTER TABLE in jargon: DDL on the source, refused like «дропнуть»
            "опустошить",  # «опустоши таблицу смен»: every row deleted, as "empty the table" (planner172)
            "опустошать",
        }
    ),
    # Verbs that throw rows away: in a load they leave rows out («отменённые выкинуть», «дубли по email
    # выбросить»); with «из базы»/«из БД» after them they delete in the source, refused as «удали» is
    # (grammar.destroy_frames; planner167: «Выкинь из базы все просроченные промокоды» was asked).
    "THROW_OUT": frozenset(
        {
            "выкинуть",
            "выкидывать",
            "выбросить",
            "выбрасывать",
            "убрать",
            "убирать",
            "вышвырнуть",
            "вычеркнуть",
        }
    ),  # fmt: skip
    # Where the data lives, after «из» beside a THROW_OUT verb: the source itself, not the load
    # («источник» is a glossary noun, a source column, so it is not here)
    "DATA_STORE": frozenset({"база", "бд", "хранилище", "прод", "продакшен", "продакшн"}),
    # «затереть» means two things, told apart by its object: a column's values («номер карты затереть») are
    # masked, a table or the data in the source («затереть таблицу счетов») is destroyed (planning/offline.py
    # `_wipes_columns_only`; grammar.destroy_frames reads it as a destroy verb until then). «стереть»,
    # «вымарать» the same (planner148: «почту для ответа стереть» masks, «стереть таблицу заявок» is refused).
    "WIPE": frozenset({"затереть", "затирать", "стереть", "стирать", "вымарать", "вымарывать"}),
    "FREQ_MINUTE": frozenset({"ежеминутно", "ежеминутный"}),
    "FREQ_HOUR": frozenset({"ежечасно", "ежечасный"}),
    "FREQ_DAY": frozenset({"ежедневно", "ежедневный", "ежесуточно", "ежесуточный"}),
    "FREQ_NIGHT": frozenset({"еженощно", "еженощный"}),
    "FREQ_WEEK": frozenset({"еженедельно", "еженедельный"}),
    "FREQ_MONTH": frozenset({"ежемесячно", "ежемесячный"}),
    "FREQ_YEAR": frozenset({"ежегодно", "ежегодный"}),
    "PART_OF_DAY": frozenset({"утро", "день", "вечер", "ночь"}),
    "HOUR_WORD": frozenset({"час"}),
    "HALF": frozenset({"половина", "пол"}),
    "QUARTER": frozenset({"четверть"}),
    "WEEKDAY": frozenset(
        {
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье",
        }
    ),
    "MERGE": frozenset({"слияние", "слить", "сливать", "мержить", "смержить", "upsert", "апсерт", "мерж"}),
    "DEDUPE": frozenset(
        {"дедупликация", "дедуплицировать", "дедуп", "дубль", "дубликат", "задвоение", "дублирование"}
    ),
    "APPEND_ONLY": frozenset({"добавление", "дописывание", "дозапись"}),
    # A judgement no column answers by itself («только хорошие»): asked about, never every row.
    "VAGUE_QUALITY": frozenset(
        {
            "хороший",
            "плохой",
            "лучший",
            "нормальный",
            "правильный",
            "интересный",
            "важный",
            "полезный",
            "годный",
            "качественный",
        }
    ),  # fmt: skip
    "REPLACE": frozenset(
        {
            "полностью",
            "целиком",
            "перезаливать",
            "перезалить",
            "перезаливка",
            "перезагружать",
            "перезагрузить",
            "перезагрузка",
            "перезаписывать",
            "перезаписать",
            "перезапись",
            "заменять",
            "заменить",
            "замена",
            "перегружать",
            "перегрузить",
            "перегрузка",
        }
    ),  # fmt: skip
    "INCREMENTAL": frozenset(
        {"дозагружать", "дозагрузить", "дозаливать", "дозагрузка", "инкрементально", "инкрементальный"}
        | {"инкремент"}  # «оплаты инкрементом по paid_at»: the noun, in any case
        | {"догружать", "догрузить", "догрузка"}  # «догружать посещаемость по updated_at»
        | {"доливать", "долить"}  # «состав заказов доливать каждые 10 минут по added_at»: topped up
    ),  # fmt: skip
    "MASK": frozenset(
        {
            "замаскировать",
            "маскировать",
            "скрыть",
            "скрывать",
            "захешировать",
            "хешировать",
            "обезличить",
            "обезличивать",
            "анонимизировать",
            "спрятать",
            "прятать",
            "запрятать",
            "зашифровать",
            "шифровать",
            "замазать",
            "запикать",
            "псевдонимизировать",
            "деперсонализировать",
            "обфусцировать",
            "захэшировать",
            "хэшировать",
            "захешить",  # jargon: «номер карты захешить»
            "захэшить",
            "хешить",
            "хэшить",
        }
    ),  # fmt: skip
    "CDC": frozenset({"стримить", "cdc"}),
    # The refresh itself («апдейт каждый час», «обновление раз в сутки»): a schedule's noun, never a value a
    # filter compares («Койки по палатам (ward), апдейт каждый час» is no ward named «апдейт»).
    "REFRESH": frozenset({"апдейт", "обновление", "обнова", "рефреш", "перезаливка", "прогон"}),
    # Rows that changed: participles of these verbs («изменившиеся», «обновлённые») mean "changed rows"
    # (read with pos PRTF/PRTS; the verbs themselves, «обновлять по ключу», are the upsert's).
    "CHANGED": frozenset(
        {
            "изменить",
            "измениться",
            "изменять",
            "изменяться",
            "обновиться",
            "обновляться",
            "поменяться",
            "поменять",
            "меняться",
            "обновить",
        }
    ),  # fmt: skip
}
EN: dict[str, frozenset[str]] = {
    # Surface words, not stems: "deleted rows" / "removed" describe data, they order nothing.
    "DESTROY_VERB": frozenset(
        {
            "drop",
            "delete",
            "deletes",
            "truncate",
            "wipe",
            "erase",
            "purge",
            "destroy",
            "remove",
            "nuke",
            "clear",
            "alter",  # DDL on the source: the assistant changes no table's structure (refused like "drop")
        }
    ),
    # Frequencies are whole words here ("hourly"): their stems are the nouns ("hour").
    "FREQ_MINUTE": frozenset(),
    "FREQ_HOUR": frozenset({"hourly"}),
    "FREQ_DAY": frozenset({"daily"}),
    "FREQ_NIGHT": frozenset({"nightly"}),
    "FREQ_WEEK": frozenset({"weekly"}),
    "FREQ_MONTH": frozenset({"monthly"}),
    "FREQ_YEAR": frozenset({"yearly", "annually"}),
    "PART_OF_DAY": frozenset({"morn", "afternoon", "even", "night"}),
    "DEDUPE": frozenset({"dedupl", "dedup", "duplic"}),
    "HALF": frozenset({"half"}),
    "QUARTER": frozenset({"quarter"}),
    "WEEKDAY": frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}),
    "MERGE": frozenset({"merg", "upsert"}),
    "APPEND_ONLY": frozenset({"append", "append-on"}),
    "REPLACE": frozenset({"overwrit", "reload", "replac"}),  # stems: replace(s/d), reload(ing), overwrite
    "INCREMENTAL": frozenset({"increment"}),
    "MASK": frozenset({"mask", "hash", "redact", "anonym", "obfusc", "scrambl", "pseudonym", "hide"}),
    "CDC": frozenset({"cdc"}),
    "REFRESH": frozenset({"refresh", "rerun", "reload"}),
    "VAGUE_QUALITY": frozenset(
        {
            "good",
            "bad",
            "best",
            "better",
            "nice",
            "important",
            "relevant",
            "interesting",
            "useful",
            "proper",
            "decent",
            "worthwhile",
        }
    ),  # fmt: skip
}
# Concepts one lemma may carry together (they never lead to different answers).
COMPATIBLE = {
    frozenset({"FREQ_HOUR", "HOUR_WORD"}),
    frozenset({"FREQ_NIGHT", "PART_OF_DAY"}),  # "night" / «ночной»: a part of day and a nightly run
    frozenset({"FREQ_DAY", "PART_OF_DAY"}),
    # «день» is a glossary noun (a `day` column) and a part of day; the grammar reads it as a part of day
    # only in the genitive right after an hour («в 3 дня»), so the two never compete for one word.
    frozenset({"GLOSSARY_NOUN", "PART_OF_DAY"}),
    # «изменён/обновлён» is the glossary's word for an `updated` column and a changed row: both lead to
    # the update-time column.
    frozenset({"GLOSSARY_NOUN", "CHANGED"}),
    # «обновление» is the glossary's word for an `updated` column («дата обновления») and the refresh; REFRESH
    # only keeps it from being a filter's value, so the two never lead to different answers.
    frozenset({"GLOSSARY_NOUN", "REFRESH"}),
    frozenset({"REPLACE", "REFRESH"}),  # "reload": a full reload is a refresh too; neither is a value
}
TABLES = {"ru": RU, "en": EN}
SURFACE_ONLY = {"DESTROY_VERB", "VAGUE_QUALITY"}  # English concepts matched by the word itself, not its stem

RU_WEEKDAYS = {"воскресенье": 0, "понедельник": 1, "вторник": 2, "среда": 3, "четверг": 4, "пятница": 5,
               "суббота": 6}  # fmt: skip
EN_WEEKDAYS = {"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
               "saturday": 6}  # fmt: skip
# Nouns of days a schedule names after «по» («по будням», «по праздникам»): never a dimension of a mart
SCHEDULE_DAY_NOUNS_RU = frozenset({"будни", "будень", "праздник", "выходные", "выходной"})
# A rate, share or score column (interest_rate «Процентная ставка, % годовых», score «Балл (0-100)», rating
# «Оценка (1-10)», stars «Звёздность»): values on a scale an average compares and a sum never adds up.
# Name parts are the stems vocabulary.name_parts gives; comment words are prefixes of the comment's words.
RATE_NAME_PARTS = frozenset({"rate", "rating", "percent", "pct", "ratio", "score", "star", "coeffici"})
RATE_COMMENT_PREFIXES = ("ставк", "процент", "коэффициент", "оценк", "балл", "рейтинг", "звёздн", "звездн",
                         "percent", "ratio", "score", "rating", "доля", "доли", "долю", "долей")  # fmt: skip
# Units of quantity a price can be quoted per («Цена за кВт·ч», «Тариф за литр», "price per kWh",
# price_per_kg): such a price is a rate (money per unit), never summed; a price per a unit of time ('Базовый
# тариф за ночь', PER_UNIT_COMMENT_PHRASES) is what one row costs for that period and stays a sum. Prefixes
# of the word after «за»/"per" (or after "per" in the column name).
QUANTITY_UNIT_PREFIXES = ("квт", "литр", "км", "килом", "кг", "килог", "тонн", "куб", "м3", "гб", "гигаб",
                          "мб", "единиц", "штук", "kwh", "kw", "litre", "liter", "km", "kilo", "kg", "ton",
                          "gb", "mb", "unit", "m3")  # fmt: skip
# First parts of Russian compound nouns ('Кинозалы', 'Авиабилеты', 'Автопарк'): behind one of them a stem as
# short as three letters («зал» of «кинозал») is the compound's head noun; without one a short stem must not
# match the end of an unrelated word.
COMPOUND_NOUN_PREFIXES_RU = ("кино", "авиа", "авто", "фото", "видео", "радио", "теле", "мото", "вело",
                             "электро", "турбо", "гидро", "агро", "медиа", "аэро")  # fmt: skip
# An exchange rate («Курс к рублю», «Курс доллара», «Обменный курс валюты»): «курс» in a comment is a rate
# only with a currency or rouble word beside it, never a university course or year of study («Курс обучения»).
EXCHANGE_RATE_COMMENT_PREFIXES = ("курс",)
CURRENCY_COMMENT_PREFIXES = ("руб", "валют", "доллар", "евро", "юан", "обмен", "usd", "eur", "cny", "rub",
                             "currency", "exchange")  # fmt: skip
# A value already counted per a unit of time, by its column's comment («Базовый тариф за ночь», «Абонентская
# плата в месяц», "fee per month"): the unit (night, day, hour, week, month) -> the phrases that say it. Its
# frequency adjective ("nightly rate", «ежемесячная плата») is the column's own word, not a schedule or a
# grain, and an average of it per an entity is a grouping, never a ratio of sums.
PER_UNIT_COMMENT_PHRASES = {
    "night": ("за ночь", "per night"),
    "day": ("в день", "за день", "в сутки", "за сутки", "per day"),
    "hour": ("в час", "за час", "per hour"),
    "week": ("в неделю", "за неделю", "per week"),
    "month": ("в месяц", "за месяц", "per month"),
}
# Frequency adjectives by the unit they say («ночной» and "nightly" are no grain of a mart)
PER_UNIT_ADJECTIVES = {"nightly": "night", "ночной": "night"}
# A column name's word of that kind (hourly_rate 'Ставка за нормо-час'): the value is counted per that unit.
PER_UNIT_NAME_WORDS = {"hourly": "hour", "nightly": "night", "daily": "day", "weekly": "week",
                       "monthly": "month"}  # fmt: skip
# Weekdays as written abbreviations («пн, ср и пт», "Mon/Wed/Fri"): read in a list or after a preposition.
WEEKDAY_ABBREVIATIONS = {"пн": 1, "вт": 2, "ср": 3, "чт": 4, "пт": 5, "сб": 6, "вс": 0, "mon": 1,
                         "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
                         "sat": 6, "sun": 0}  # fmt: skip


def is_(token: Token, concept: str, pos: Iterable[str | None] | None = None) -> bool:
    """The token's lemma (any reading; of the given parts of speech) carries `concept`."""
    table = TABLES["en" if token.lang == "en" else "ru"]
    lemmas = table.get(concept, frozenset())
    if token.lang == "en":
        return token.lower in lemmas or (concept not in SURFACE_ONLY and token.lemma in lemmas)
    return token.has(lemmas, pos=pos)


def is_any(token: Token, names: tuple[str, ...], pos: Iterable[str | None] | None = None) -> bool:
    """is_(token, c, pos) for some concept c of `names`; a word that carries none of them (most words of a
    long request) is told by one look-up instead of one per concept."""
    lang = "en" if token.lang == "en" else "ru"
    lemmas = _lemmas_of(lang, names)
    if lang == "en" and token.lower not in lemmas and token.lemma not in lemmas:
        return False
    if lang == "ru" and not token.has(lemmas):
        return False
    return any(is_(token, c, pos=pos) for c in names)


@functools.cache
def _lemmas_of(lang: str, names: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(TABLES[lang].get(name, frozenset()) for name in names))


def concepts(lemma: str, lang: str) -> set[str]:
    return {name for name, lemmas in TABLES[lang].items() if lemma in lemmas}


def conflicts(extra: dict[str, Iterable[str]] | None = None) -> list[tuple[str, str, set[str]]]:
    """(language, lemma, concepts) for every lemma with two concepts that are not compatible.

    `extra` adds concepts from outside (e.g. {"GLOSSARY_NOUN": lemmas of the business glossary}),
    checked for Russian, so a glossary noun that is also a destroy verb is caught.
    """
    found = []
    for lang, table in TABLES.items():
        index: dict[str, set[str]] = {}
        for name, lemmas in table.items():
            for lemma in lemmas:
                index.setdefault(lemma, set()).add(name)
        if lang == "ru":
            for name, extra_lemmas in (extra or {}).items():
                for lemma in extra_lemmas:
                    index.setdefault(lemma, set()).add(name)
        for lemma, names in sorted(index.items()):
            if len(names) > 1 and frozenset(names) not in COMPATIBLE:
                found.append((lang, lemma, names))
    return found


# A split of the rows on a flag, which a mart reads as a dimension on the flag, never as `flag = true`:
# «отдельно eSIM и обычные», «VIP и не-VIP», "privileged vs non-privileged", "members and the rest".
SPLIT_SEPARATELY = frozenset({"отдельно", "раздельно", "separately", "split"})
SPLIT_LINKS = frozenset({"и", "или", "против", "vs", "versus", "and", "or"})
SPLIT_REST_RU = frozenset({"обычный", "остальной", "прочий", "другой"})  # lemmas: «и обычные», «и остальные»
SPLIT_REST_EN = frozenset({"rest", "others", "other", "regular", "ordinary"})
SPLIT_NEGATIONS = ("не-", "non-", "не", "non")  # «не-VIP», «нельготники», "non-privileged", "nonmembers"

# Nouns that say "a value" without saying which («среднее значение», "average figure"): a measure of nothing
# named, asked unless the word is a column's own name or comment (readings.value 'Показание').
GENERIC_VALUE_RU = {"значение", "величина", "показатель", "цифра"}
GENERIC_VALUE_EN = {"value", "values", "figure", "figures", "metric", "metrics"}
# ... unless the fact has a numeric column named by the word's English (lab.results.value): that column.
# The quantity a column's unit measures (baggage_kg: weight): «вес багажа», "baggage weight" name that column.
UNIT_QUANTITIES = {"kg": "weight", "g": "weight", "km": "distance"}
GENERIC_VALUE_NAMES = {"значение": "value", "величина": "value", "value": "value", "values": "value"}

# Verbs naming the event a fact table records, by the nouns of that event (Russian lemmas, English stems): a
# table whose comment says one of them in the nominative ('Посещения клубов', 'Поездки (аренды)', 'Чеки
# (продажи на кассе)') or whose name is one (visits, trips, sales) holds the rows of «сколько разных клиентов
# ходило», "distinct customers rented cars" (marts/facts.py `_event_verb_tables`). Russian keys are verb
# lemmas; English keys are the verb's forms (irregular ones have no stem in common: rode, went, seen, bought).
_GO_NOUNS = frozenset({"посещение", "визит", "проход", "visit"})
_RIDE_NOUNS = frozenset({"поездка", "аренда", "trip", "ride", "rental"})
_TAKE_NOUNS = frozenset({"аренда", "прокат", "выдача", "rental", "loan"})
_BUY_NOUNS = frozenset({"покупка", "продажа", "заказ", "sale", "purchas", "order"})
_SEE_NOUNS = frozenset({"осмотр", "визит", "visit", "examin"})  # not «приём»: booked appointments say it too
EVENT_VERB_NOUNS_RU: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("ходить", "сходить", "посещать", "посетить", "приходить", "прийти", "заходить"), _GO_NOUNS
    ),
    **dict.fromkeys(("ездить", "съездить", "кататься", "покататься", "прокатиться"), _RIDE_NOUNS),
    **dict.fromkeys(("брать", "взять", "арендовать", "снимать"), _TAKE_NOUNS),
    **dict.fromkeys(("покупать", "купить", "закупаться", "отовариваться"), _BUY_NOUNS),
}
EVENT_VERB_NOUNS_EN: dict[str, frozenset[str]] = {
    **dict.fromkeys(("go", "goes", "went", "gone", "going", "came", "come"), _GO_NOUNS),
    **dict.fromkeys(("ride", "rides", "rode", "ridden", "riding"), _RIDE_NOUNS),
    **dict.fromkeys(("rent", "rents", "rented", "renting"), _TAKE_NOUNS - {"loan"}),
    **dict.fromkeys(("borrow", "borrows", "borrowed", "borrowing"), _TAKE_NOUNS - {"rental"}),
    **dict.fromkeys(("buy", "buys", "bought", "buying", "purchased"), _BUY_NOUNS),
    **dict.fromkeys(("see", "sees", "saw", "seen"), _SEE_NOUNS),
}
# One event said by either of its parties: the seller's «проданные» and the buyer's «купленные»,
# «приобретённые», "bought", "purchased" are one sale (Russian verb lemmas, English participles). A table
# whose comment says its rows are «проданные клубные карты» holds the bought ones too: no condition
# (planner106).
EVENT_PARTY_VERBS: tuple[frozenset[str], ...] = (
    frozenset({"продать", "продавать", "купить", "покупать", "приобрести", "приобретать", "sold", "bought",
               "purchased"}),
)  # fmt: skip


def same_event_verbs(verbs: set[str]) -> set[str]:
    """`verbs` with every other party's verb of the events they name (купить -> продать, "bought")."""
    return verbs.union(*(group for group in EVENT_PARTY_VERBS if group & verbs))


# Indefinite objects of such a verb ("who bought something"): they say the event happened, nothing more.
SOMETHING_WORDS = frozenset({"something", "anything", "что-то", "что-нибудь", "что-либо"})

# English nouns whose plural adds no -s (planner161): "children" of a listed 'child', "women" of 'woman'. The
# listed values are singular codes; a request names their rows in the plural.
IRREGULAR_PLURALS_EN = {
    "child": "children", "man": "men", "woman": "women", "person": "people", "mouse": "mice",
    "goose": "geese", "ox": "oxen", "tooth": "teeth", "foot": "feet", "sheep": "sheep", "fish": "fish",
    "deer": "deer", "calf": "calves", "wolf": "wolves", "leaf": "leaves", "knife": "knives", "wife": "wives",
    "shelf": "shelves", "half": "halves", "life": "lives", "thief": "thieves", "series": "series",
    "species": "species", "criterion": "criteria", "phenomenon": "phenomena", "cactus": "cacti",
}  # fmt: skip
