"""Schedule part of the deterministic planner: RU/EN schedule phrases -> 5-field cron.

``parse_schedule`` fills a :class:`ScheduleSlots` (interval, clock times, day cues, hour window) and
builds the cron from those values with :meth:`ScheduleSlots.to_cron`. First the grammar's slots
(:func:`airflow_ai_etl.planning.grammar.schedule_slots`: clock times in digits-free words with a part of
day, Russian frequency adverbs and adjectives, intervals "every N minutes/hours" in digits or words,
Russian weekdays by case) go in as values and their words are masked. Then, on a normalised copy of the
text (lower case, ``ё`` -> ``е``, numerals no slot used written as digits; same length as the original,
so spans point at the user's words), the remaining rules run in a fixed order:

1. time zone (``UTC``, ``UTC+3``, ``MSK``, ``CET``, ``по Москве``, an IANA name) - remembered, then masked;
   an ambiguous abbreviation (``CST``, ``IST``) is no schedule: the planner asks;
2. manual runs (``manually``, ``вручную``, ``по запросу`` ...) -> ``cron=None``;
3. shapes we refuse to guess (``last day of month``, ``every 3 days``, ``через день``) -> ``None``;
4. presets / literal cron (``@daily``, ``0 2 * * *``);
5. intervals (``every 15 minutes``, ``каждые 2 часа``, ``hourly at :15``) + optional weekday cue and
   hour window (``с 9 до 18``);
6. calendar: day cues (daily / weekdays / weekends / named weekdays / weekly / monthly / yearly)
   combined with clock times (``в 2 часа ночи``, ``at 6:00 and 18:00``, ``at noon``).

Every rule is a ``(compiled regex, handler)`` pair tried in order; a matched span is masked so later
rules do not read the same words twice. Choices worth knowing:

* ``daily`` / ``nightly`` / ``monthly`` without a time run at 00:00; ``weekly`` means Monday 00:00;
  ``monthly`` means day 1; ``yearly`` means 1 January.
* Weekends are ``0,6`` (0 = Sunday). Day-of-week lists are sorted; Mon-Fri is written ``1-5``.
* A bare number after ``at``/``в`` (``every Monday at 9``) is only a time next to a day cue and when
  no counted noun follows it: ``каждый вечер в 9 в кликхаус`` is 21:00, ``в 2 таблицы`` is not a time.
* ``every night``/``каждую ночь`` read a bare hour as night (``at 11`` -> 23:00, ``at 1`` -> 01:00).
* A one-off day (``today at 5 pm``, ``завтра в 3``) is not a repeating schedule -> ``None``.
* ``evry`` is accepted for ``every`` (the one typo common enough to matter).
* ``N ночи``: 12 -> 0, 0-5 as is, 6-11 -> +12 (``в 11 ночи`` = 23:00); ``12 вечера`` -> 0.
* Intervals must divide the hour/day evenly (``every 45 minutes`` -> ``None``), several times a day
  must share the minute (``at 9:00 and 21:30`` -> ``None``), day of month must be 1-28.
* An hour window (``с 9 до 18`` -> hours ``9-18``, end inclusive) only narrows an interval;
  ``ежедневно с 9 до 18`` alone is ambiguous -> ``None``. ``every morning``/``каждый вечер`` need a time.
"""

from __future__ import annotations

import itertools
import os
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from cron_descriptor import Options, get_description
from croniter import croniter

from airflow_ai_etl.exceptions import AIETLError
from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.grammar import Slot, apply_rewrites, numeral_rewrites
from airflow_ai_etl.planning.lexer import Token, numerals, tokenize
from airflow_ai_etl.planning.lexicon import RU_WEEKDAYS, WEEKDAY_ABBREVIATIONS, is_any
from airflow_ai_etl.planning.paths import blank_paths
from airflow_ai_etl.planning.retractions import hedged_interval, juxtaposed

__all__ = [
    "MANUAL_FOLLOWERS",
    "ScheduleMatch",
    "describe_schedule",
    "detect_language",
    "parse_schedule",
    "rate_limit",
]

Span = tuple[int, int]


@dataclass(frozen=True)
class ScheduleMatch:
    """Result of :func:`parse_schedule`."""

    cron: str | None  # 5-field cron, or None for manual runs
    timezone: str | None  # IANA name when the text named one, else None
    phrase: str  # the part of the text that was understood (for logs/UI)
    spans: tuple[Span, ...] = ()  # exactly the words each rule read (the frame's used words)


class _Unsupported(AIETLError):
    """A schedule was recognised but cannot be expressed safely as one cron."""


# --------------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------------

_CHAR_MAP = {"ё": "е", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "–": "-", "—": "-", "’": "'"}


def _normalize(text: str) -> str:
    """Lower-case, fold ``ё`` and odd spaces/dashes; keeps the length so offsets stay valid."""
    out = []
    for ch in text:
        low = ch.lower()
        low = low if len(low) == 1 else ch
        out.append(_CHAR_MAP.get(low, low))
    return "".join(out)


def _mask(text: str, span: Span) -> str:
    """Blank out ``span`` so later rules cannot match it again."""
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _rx(pattern: str) -> re.Pattern[str]:
    # "evry day", "evry 15 minutes": the one typo of the key word common enough to accept everywhere.
    return re.compile(pattern.replace("every", "ev(?:e)?ry"), re.IGNORECASE | re.VERBOSE)


# Numbers written in words are read by the lexer (grammar.schedule_rewrites turns them into digits
# before these rules run), so the rules only see digits.
_NUM = r"\d{1,4}\b"
# «товары дороже тысячи раз в сутки»: a number right after a comparison word is the compared quantity
# (price > 1000), not a run count; «раз в сутки» alone is then the frequency (one fixed-width look-behind
# per word: the re module takes no alternatives of different widths there)
_NOT_COMPARED = "".join(
    rf"(?<!{word}\s)"
    for word in ("дороже", "дешевле", "больше", "меньше", "свыше", "более", "менее", "выше", "ниже", "over",
                 "above", "under", "than")
)  # fmt: skip


def _number(token: str) -> int:
    return int(token.strip())


def number_of(token: str) -> int | None:
    """``"7"``, ``"seven"``... ``"пять"``, ``"двух"`` -> the number; None when the word is no numeral."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    tokens = tokenize(token)
    found = numerals(tokens)
    if len(found) == 1 and found[0].first == 0 and found[0].last == len(tokens) and not found[0].ordinal:
        return found[0].value
    return None


# --------------------------------------------------------------------------------------------------
# Time zones
# --------------------------------------------------------------------------------------------------

_TZ_OFFSET_RE = _rx(r"(?:\bпо\s+)?\b(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<off>\d{1,2})(?::?00)?\b")
_TZ_RULES: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"(?:\bпо\s+)?\butc\b"), "UTC"),
    (_rx(r"(?:\bпо\s+)?\bgmt\b"), "Etc/GMT"),
    # «в Московской области», «московский филиал»: a place, not the zone (planner67: the region was dropped);
    # «по Москве» is a zone only after a clock phrase, as any city is (see _city_rules)
    (
        _rx(
            r"(?:\bпо\s+)?\bмосковск\w*(?:\s+времени)?\b(?!\s+(?:област|обл\b|округ|район|"
            r"регион|кра[йюе]|филиал|офис|отделени|клуб))|\bmsk\b|\bмск\b"
        ),
        "Europe/Moscow",
    ),
    (_rx(r"(?:\b(?:by|in|per)\s+)?\bmoscow\s+time\b|\b(?:by|per)\s+moscow\b"), "Europe/Moscow"),
]
# Cities that name a zone, by a Russian stem (any case form, and the adjective: «по Екатеринбургу»,
# «по времени Новосибирска», «по владивостокскому времени») and their English names ("London time").
# Every Russian zone has at least one city here; a city is read only in a time phrase (see _CITY_RES).
_CITY_ZONES: tuple[tuple[str, str, str], ...] = (
    (r"калининград", "kaliningrad", "Europe/Kaliningrad"),
    (
        r"санкт[\s-]*петербург|петербург|питер(?!ск)|спб(?![а-я])",
        r"saint petersburg|st\.? petersburg",
        "Europe/Moscow",
    ),
    (r"казан", "kazan", "Europe/Moscow"),
    (r"волгоград", "volgograd", "Europe/Volgograd"),
    (r"киров(?!ск)", "kirov", "Europe/Kirov"),
    (r"самар", "samara", "Europe/Samara"),
    (r"ижевск", "izhevsk", "Europe/Samara"),
    (r"саратов", "saratov", "Europe/Saratov"),
    (r"ульяновск", "ulyanovsk", "Europe/Ulyanovsk"),
    (r"астрахан", "astrakhan", "Europe/Astrakhan"),
    (r"екатеринбург|екб(?![а-я])|[её]бург", "yekaterinburg|ekaterinburg", "Asia/Yekaterinburg"),
    (r"челябинск", "chelyabinsk", "Asia/Yekaterinburg"),
    (r"перм(?:и|ь|ск)", "perm", "Asia/Yekaterinburg"),
    (r"тюмен", "tyumen", "Asia/Yekaterinburg"),
    (r"уф(?:а|е|ы|у|ой|имск)", "ufa", "Asia/Yekaterinburg"),
    (r"омск", "omsk", "Asia/Omsk"),
    (r"новосиб|нск(?![а-я])", "novosibirsk", "Asia/Novosibirsk"),
    (r"барнаул", "barnaul", "Asia/Barnaul"),
    (r"томск", "tomsk", "Asia/Tomsk"),
    (r"новокузнецк|кемеров", "novokuznetsk|kemerovo", "Asia/Novokuznetsk"),
    (r"красноярск", "krasnoyarsk", "Asia/Krasnoyarsk"),
    (r"иркутск", "irkutsk", "Asia/Irkutsk"),
    (r"чит(?:а|е|ы|у|ой|инск)", "chita", "Asia/Chita"),
    (r"якутск", "yakutsk", "Asia/Yakutsk"),
    (r"владивосток|влад(?:у|е)?(?![а-я])", "vladivostok", "Asia/Vladivostok"),
    (r"хабаровск", "khabarovsk", "Asia/Vladivostok"),
    (r"сахалин|южно[\s-]*сахалинск", "sakhalin|yuzhno-sakhalinsk", "Asia/Sakhalin"),
    (r"магадан", "magadan", "Asia/Magadan"),
    (r"среднеколымск", "srednekolymsk", "Asia/Srednekolymsk"),
    (r"камчат|петропавловск", "kamchatka|petropavlovsk", "Asia/Kamchatka"),
    (r"анадыр|чукот", "anadyr", "Asia/Anadyr"),
    (r"минск", "minsk", "Europe/Minsk"),
    (r"киев", "kyiv|kiev", "Europe/Kyiv"),
    (r"лондон", "london", "Europe/London"),
    (r"берлин", "berlin", "Europe/Berlin"),
    (r"париж", "paris", "Europe/Paris"),
    (r"амстердам", "amsterdam", "Europe/Amsterdam"),
    (r"стамбул", "istanbul", "Europe/Istanbul"),
    (r"дуба(?:й|е|я|ю|ем|йск)", "dubai", "Asia/Dubai"),
    (r"ташкент", "tashkent", "Asia/Tashkent"),
    (r"алмат", "almaty", "Asia/Almaty"),
    (r"астан", "astana", "Asia/Almaty"),
    (r"бишкек", "bishkek", "Asia/Bishkek"),
    (r"тбилис", "tbilisi", "Asia/Tbilisi"),
    (r"ереван", "yerevan", "Asia/Yerevan"),
    (r"баку|бакинск", "baku", "Asia/Baku"),
    (r"пекин", "beijing", "Asia/Shanghai"),
    (r"шанха", "shanghai", "Asia/Shanghai"),
    (r"гонконг", "hong kong", "Asia/Hong_Kong"),
    (r"сингапур", "singapore", "Asia/Singapore"),
    (r"токио|токийск", "tokyo", "Asia/Tokyo"),
    (r"сеул", "seoul", "Asia/Seoul"),
    (r"дели|индийск", "delhi|new delhi|mumbai|kolkata", "Asia/Kolkata"),
    (r"нью[\s-]*йорк", "new york", "America/New_York"),
    (r"чикаго", "chicago", "America/Chicago"),
    (r"лос[\s-]*анджелес", "los angeles|san francisco", "America/Los_Angeles"),
    (r"торонто", "toronto", "America/Toronto"),
    (r"сидне", "sydney", "Australia/Sydney"),
)
_RU_TIME_CUE = (
    r"(?:\s*\d|утр|вечер|ноч|дня|полноч|полдн|час|минут|ежедн|ежечас|сутк|день|daily|\bам\b|\bpm\b)"
)
# A word that looks like a zone but names no city the table knows: asked about, never dropped.
_UNKNOWN_ZONE_RE = re.compile(
    r"\b[Пп]о\s+[а-яё-]+ск(?:ому|ом)\s+времени\b|\b[Пп]о\s+времени\s+[А-ЯЁ][а-яё-]+"
    r"|(?:\b(?:by|in)\s+|,\s*)[A-Z][a-z]+\s+time\b"
    # «время урюпинское», «местное время», «часовой пояс Мухосранска», "time zone Springfield", "local
    # time": a zone named in words no city rule read (planner16); a word starts only after a non-letter
    # and non-hyphen, so a run of «а-а-а-» is scanned once
    r"|\b[Вв]ремя\s*[:—–-]?\s*(?:[а-яё-]+[сц]кое|местное)\b|(?<![\w-])(?:[а-яё-]+[сц]кое|[Мм]естное)\s+время\b"
    r"|\b[Пп]о\s+местному\s+времени\b|\b(?:[Чч]асов\w*\s+)?[Пп]ояс\w*\s*[:—–-]?\s*[А-ЯЁа-яё][а-яё-]{2,}"
    r"|\b[Тт]айм[\s-]?зон\w*\s*[:—–-]?\s*\w{3,}|\b(?:[Tt]ime\s*zone|[Tt]imezone|tz)\s*[:=—–-]?\s*(?:is\s+)?[A-Za-z]{3,}"
    r"|\b[A-Z][a-z]+\s+(?:time\s*zone|timezone)\b|\b[Ll]ocal\s+time\b"
)


# A zone word next to a city in any form (planner16): «время владивостокское», «время — иркутское»,
# «новосибирское время», «часовой пояс Екатеринбурга», «таймзона Самара», "time zone Vladivostok",
# "timezone: Irkutsk", "Omsk timezone".
_ZONE_WORD_RU = r"(?:врем(?:я|ени)|(?:часов\w*\s+)?пояс\w*|тайм[\s-]?зон\w*)"
_ZONE_WORD_EN = r"(?:time\s*zone|timezone|tz)"


def _city_rules() -> list[tuple[re.Pattern[str], str]]:
    """Per city: its time phrases, then «по <city>» (a zone only after a clock phrase, hence "?"); the
    zone-word phrases of all cities come after every city's own phrases (the first match wins)."""
    phrases, zone_words = [], []
    for ru, en, zone in _CITY_ZONES:
        city = rf"(?:{ru})[а-я-]*"
        en = en.replace(" ", r"\s+")
        phrases.append(
            (
                _rx(
                    rf"\bпо\s+времени\s+(?:г\.\s*|города\s+)?{city}|\bпо\s+{city}\s+времени\b|\b{city}\s+врем(?:я|ени)\b"
                    rf"|\b(?:by\s+|in\s+)?(?:{en})\s+time\b|\bby\s+(?:{en})\s+(?:time|clock)\b"
                ),
                zone,
            )
        )
        # «по Екатеринбургу» alone is a zone only right after a clock phrase («в 6:00 по Екатеринбургу»);
        # elsewhere («выручка по Самаре») it may be a filter.
        phrases.append((_rx(rf"\bпо\s+{city}\b"), "?" + zone))
        zone_words.append(
            (
                _rx(
                    rf"\b{_ZONE_WORD_RU}\s*[:—–-]?\s*(?:по\s+|г\.\s*|города\s+)?{city}|\b{city}\s+{_ZONE_WORD_RU}"
                    rf"|\b{_ZONE_WORD_EN}\s*[:=—–-]?\s*(?:is\s+)?(?:{en})\b|\b(?:{en})\s+{_ZONE_WORD_EN}"
                ),
                zone,
            )
        )
    return phrases + zone_words


# «в 7 утра по Москве» is Moscow time; «Убытки по Москве» (no clock before it) is a place the rows are in.
_CITY_RULES = [*_city_rules(), (_rx(r"\bпо\s+москве\b"), "?Europe/Moscow")]
# A city named bare right after a clock time closes the time phrase: "daily at 02:00 Moscow", «в 2:00
# Новосибирск», "at 7 am London.", «в девять утра Калининград» (a time with minutes, or a part of day after
# a number in digits or words or alone, the city then ends the clause); elsewhere a bare city is a place the
# rows come from.
_CLOCK_BEFORE_CITY = (
    r"(?:\b\d{1,2}:\d{2}\s*|(?:\b\d{1,2}\s*|\b)(?:[ap]\.?m\.?|утра|дня|вечера|ночи|полночь|полдень|midnight|noon)"
    r"\s+)\s*"
)


def _bare_city_rules() -> list[tuple[re.Pattern[str], str]]:
    rules = []
    for ru, en, zone in (*_CITY_ZONES, (r"москв", "moscow", "Europe/Moscow")):
        en = en.replace(" ", r"\s+")
        city = rf"(?P<city>\b(?:{ru})[а-я-]*|\b(?:{en})\b)"
        rules.append((_rx(rf"{_CLOCK_BEFORE_CITY}{city}(?=\s*(?:[,.;!?)]|$))"), zone))
    return rules


_BARE_CITY_RULES = _bare_city_rules()
# Every rule of _CITY_RULES and _BARE_CITY_RULES needs one of these city names: a text with none of them
# skips their ~230 scans of the whole text (a 16 kB request spent a fifth of a second in them).
_ANY_CITY = _rx(
    "|".join(
        rf"{ru}|{en}".replace(" ", r"\s+")
        for ru, en, _ in (*_CITY_ZONES, (r"москв", "moscow", "Europe/Moscow"))
    )
)
# «по <Capitalised short word>» right after a clock time («в семь вечера по Крд», «в 19:00 по Нвсб») names a
# place; one no city rule read is asked about, never dropped. Day abbreviations («по Пн») are no place.
_PO_NAME_RE = re.compile(r"\bпо\s+(?P<word>[А-ЯЁ][А-ЯЁа-яё]{1,6})(?![\w-])")
_CLOCK_END_RE = re.compile(
    r"(?:\b\d{1,2}:\d{2}|\b(?:утра|вечера|дня|ночи|часов|часа|час|ч\.?)|\d\s*(?:am|pm|a\.m\.|p\.m\.))\s*$",
    re.IGNORECASE,
)
_NOT_PLACES = frozenset({"пн", "вт", "ср", "чт", "пт", "сб", "вс", "будням", "выходным", "утрам", "вечерам"})
_IANA_RE = re.compile(r"\b[A-Z][A-Za-z]+(?:/[A-Za-z_+\-0-9]+){1,2}")
# Abbreviations, upper case only ("est" is a word elsewhere). The daylight-saving form names the same
# zone: a cron follows the zone's clock all year. WEST is left out: it is also a region value.
_TZ_ABBREVIATIONS = {
    **dict.fromkeys(("CET", "CEST"), "CET"),
    **dict.fromkeys(("EET", "EEST"), "EET"),
    "WET": "WET",
    **dict.fromkeys(("EST", "EDT"), "America/New_York"),
    **dict.fromkeys(("MST", "MDT"), "America/Denver"),
    **dict.fromkeys(("PST", "PDT"), "America/Los_Angeles"),
    "HST": "Pacific/Honolulu",
}
# Abbreviations of several zones: asked about, with the likeliest readings as examples.
_TZ_AMBIGUOUS = {
    **dict.fromkeys(("CST", "CDT"), ("America/Chicago", "Asia/Shanghai")),
    "IST": ("Asia/Kolkata", "Europe/Dublin"),
    "BST": ("Europe/London", "Asia/Dhaka"),
    "AST": ("America/Halifax", "Asia/Riyadh"),
}
_TZ_ABBREVIATION_RE = re.compile(rf"\b(?:{'|'.join([*_TZ_ABBREVIATIONS, *_TZ_AMBIGUOUS])})\b")


@lru_cache(maxsize=1)
def _iana_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _find_timezone(
    original: str, norm: str, clock_ends: Sequence[int] = ()
) -> tuple[str | None, Span | None]:
    """First time zone named in the text, with its span. `clock_ends`: where the clock times the grammar read
    end («в половине третьего»): a city right after one names the zone."""
    for m in _IANA_RE.finditer(original):
        if m.group(0) in _iana_names():
            return m.group(0), m.span()
    abbreviation = _TZ_ABBREVIATION_RE.search(original)
    if abbreviation:
        if abbreviation.group(0) in _TZ_AMBIGUOUS:
            raise _Unsupported(abbreviation.group(0))
        return _TZ_ABBREVIATIONS[abbreviation.group(0)], abbreviation.span()
    offset = _TZ_OFFSET_RE.search(norm)
    if offset:
        off = int(offset.group("off"))
        if off > 14:
            raise _Unsupported(offset.group(0))
        # IANA Etc/GMT zones have inverted signs: UTC+3 == Etc/GMT-3.
        name = "UTC" if off == 0 else f"Etc/GMT{'-' if offset.group('sign') == '+' else '+'}{off}"
        return name, offset.span()
    for rx, name in _TZ_RULES:
        for zone in rx.finditer(norm):
            # «по складу msk (warehouse = 'msk')»: a word also given as a quoted value is that value
            if not re.search(rf"['\"«]{re.escape(zone.group(0).strip())}['\"»]", norm):
                return name, zone.span()
    for rx, name in _CITY_RULES if _ANY_CITY.search(original) else ():
        for named in rx.finditer(original):
            if not name.startswith("?"):
                return name, named.span()
            before = original[max(0, named.start() - 14) : named.start()].lower()
            after_clock = any(
                end <= named.start() and not original[end : named.start()].strip(" ,") for end in clock_ends
            )
            if re.search(_RU_TIME_CUE, before) or after_clock:
                return name[1:], named.span()
    for rx, name in _BARE_CITY_RULES if _ANY_CITY.search(original) else ():
        bare = rx.search(original)
        if bare:
            return name, bare.span("city")
    unknown = _UNKNOWN_ZONE_RE.search(original)
    if unknown:
        raise _Unsupported(unknown.group(0).lstrip(", "))
    for named in _PO_NAME_RE.finditer(original):
        if named.group("word").lower() not in _NOT_PLACES and _CLOCK_END_RE.search(original[: named.start()]):
            raise _Unsupported(named.group(0))  # «в 7 вечера по Крд»: a place no table knows, asked
    return None, None


# --------------------------------------------------------------------------------------------------
# Manual / unsupported / literal cron
# --------------------------------------------------------------------------------------------------

# Words after "manual" that leave it the run's ("manual run", "manual only", "manual for now"); before any
# other word it qualifies that noun ("manual checks", "manual readings"): no manual run.
MANUAL_FOLLOWERS = frozenset({
    "run", "runs", "trigger", "triggers", "triggered", "start", "starts", "mode", "launch", "launches",
    "execution", "only", "and", "or", "please", "pls", "for", "until", "till", "from", "in", "via", "through",
    "then", "but", "so", "is", "with",
})  # fmt: skip
_FOLLOWERS = "|".join(sorted(MANUAL_FOLLOWERS))
_MANUAL_RE = _rx(
    rf"""\b(?:manually|manual(?!\s+(?!(?:{_FOLLOWERS})\b)[a-z])|on[\s-]demand|by\s+hand|no\s+schedule|without\s+(?:a\s+)?schedule|unscheduled
    |вручную|по\s+требованию|без\s+расписания|по\s+кнопке|ручн\w+\s+запуск\w*
    |по\s+запросу(?!\s*(?:sql|select|with|[:(«"']))
    )\b"""
)

# A cap on how often a pipeline runs («не чаще раза в день», «максимум дважды в сутки», "at most once an
# hour", "no more often than hourly"): no spec field and no Airflow schedule holds one, so it is asked
# (planning/offline.py), never read as a clock nor dropped. A count of runs per period, or a frequency
# adverb, after (or before) a limit word; «не реже» (a floor) is no cap. "max"/«максимум» also name an
# aggregate ("sum and max, monthly", "monthly max"), so beside them only a count of runs is a cap.
_RUN_COUNT = r"""(?:(?:\w+\s+)?раза?|дважды|трижды|(?:once|twice|thrice|\w+\s+times))
    \s+(?:в|за|a|an|per|every|each)\s+\w+"""
_RUN_ADVERB = r"ежедн\w*|ежечас\w*|еженедел\w*|ежемесяч\w*|hourly|daily|weekly|monthly"
_CAP_WORD = r"""не\s+чаще|не\s+более|не\s+больше|не\s+свыше|at\s+most|up\s+to
    |no\s+more(?:\s+often)?\s+than|not\s+more(?:\s+often)?\s+than|no\s+oftener\s+than"""
_MAX_WORD = r"максимум|макс\.?|max(?:imum)?\.?"
_RATE_LIMIT_RE = _rx(
    rf"""(?<![\w-])(?:(?:{_CAP_WORD})\s*(?:,\s*)?(?:чем\s+)?(?:{_RUN_COUNT}|{_RUN_ADVERB})
    |(?:{_MAX_WORD})\s*(?:,\s*)?(?:{_RUN_COUNT})
    |(?:{_RUN_COUNT})\s*(?:,\s*)?(?:at\s+most|max(?:imum)?|максимум|не\s+чаще)(?![\w-])
    |(?:{_RUN_ADVERB})\s*(?:,\s*)?(?:at\s+most|не\s+чаще)(?![\w-]))"""
)


def rate_limit(text: str) -> str | None:
    """The words of a cap on how often the pipeline runs («не чаще раза в день», "at most once an hour"),
    or None."""
    match = _RATE_LIMIT_RE.search(text)
    return match.group(0).strip(" ,") if match else None


# «сразу после полуночи», «вскоре после полудня»: the hour itself, as "right after midnight" is (a bare
# «после полуночи» too, as "after midnight"; a bare «после полудня» is the afternoon, no hour)
_AFTER_MIDNIGHT_RE = _rx(
    r"""(?<![\w-])(?:(?:сразу|вскоре|чуть|прямо)\s+(?:же\s+)?)?после\s+(?P<m>полуночи)(?![\w-])
    |(?<![\w-])(?:сразу|вскоре|чуть|прямо)\s+(?:же\s+)?после\s+(?P<n>полудня)(?![\w-])"""
)


def _right_after_midnight(norm: str) -> str:
    """``norm`` with «сразу после полуночи» read as «в полночь» (same length: offsets stay valid)."""

    def clock(match: re.Match[str]) -> str:
        word = "полночь" if match.group("m") else "полдень"
        return "в" + " " * (len(match.group(0)) - 1 - len(word)) + word

    return _AFTER_MIDNIGHT_RE.sub(clock, norm)


_UNSUPPORTED_RES = [
    _rx(
        r"""\blast\s+(?:business\s+|working\s+|week)?day\s+of\b|\bend\s+of\s+(?:the\s+|each\s+|every\s+)?month\b
        |\bпоследн\w*\s+(?:рабоч\w*\s+)?(?:день|дня|дне|числ\w*)\s+(?:кажд\w*\s+)?месяц\w*
        |\bв\s+конце\s+(?:кажд\w*\s+)?месяц\w*"""
    ),
    _rx(
        r"\bevery\s+other\b|\bчерез\s+(?:день|неделю|месяц)\b|\bкажд\w*\s+(?:втор(?:ой|ую|ое|ые|ого)|трет(?:ий|ью|ье|ьи|ьего))\b"
    ),
    _rx(
        rf"""\b(?:every|each|кажд\w*|раз\s+в)\s+{_NUM}\s*
        (?:days?|weeks?|months?|years?|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)\b"""
    ),
]

# One run on a given day ("today at 5 pm", "завтра в 3") is not a repeating schedule: asked, not cron'd daily.
_ONE_OFF_RE = _rx(
    r"""\b(?:tomorrow|tonight|завтра)\b
    |\b(?:today|сегодня)\s+(?:at|в|во|к|@|in\s+the|вечером|утром|ночью|днем)\b
    |(?:\d|\bam|\bpm|noon|midnight|полночь|полдень|утра|вечера|ночи|дня)\s+(?:today|сегодня)\b"""
)
_UNSUPPORTED_RES.append(_ONE_OFF_RE)

_PRESETS = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 1",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}
_PRESET_RE = _rx(r"(?<![\w@])@(?:hourly|daily|midnight|weekly|monthly|yearly|annually)\b")
_LITERAL_CRON_RE = _rx(r"(?<!\S)[\d*/,\-]+(?:[ \t]+[\d*/,\-]+){4}(?!\S)")


def _literal_cron(norm: str) -> tuple[str, Span] | None:
    """``@daily`` presets and literal 5-field crons containing at least one ``*``."""
    m = _PRESET_RE.search(norm)
    if m:
        return _PRESETS[m.group(0)], m.span()
    for m in _LITERAL_CRON_RE.finditer(norm):
        cron = " ".join(m.group(0).split())
        if "*" in cron and croniter.is_valid(cron):
            return cron, m.span()
    return None


# --------------------------------------------------------------------------------------------------
# Intervals: every N minutes / hours, hourly
# --------------------------------------------------------------------------------------------------

_MINUTE_OF_HOUR = r"""
    (?:at\s*:(?P<m1>\d{2})
    |at\s+minute\s+(?P<m2>\d{1,2})
    |at\s+(?P<m6>\d{1,2})\s+(?:minutes?(?:\s+past(?:\s+the\s+hour)?)?|past(?:\s+the\s+hour)?)
    |в\s*:(?P<m3>\d{2})
    |в\s+(?P<m4>\d{1,2})\s+минут\w*
    |на\s+(?P<m5>\d{1,2})(?:-?й)?\s+минуте
    |at\s+(?:a\s+)?(?P<m7>quarter|half)\s+past(?:\s+the\s+hour)?
    |в\s+(?P<m10>пол[\s-]?часа)\b
    |(?:at\s+(?:a\s+)?(?P<m11>quarter)\s+to(?:\s+the\s+hour)?|(?P<m12>без)\s+четверти)\b(?!\s*\d)
    |(?P<m8>\d{1,2})\s+minutes?\s+past(?:\s+the\s+hour)?\b(?!\s*\d)
    |(?:at|в)\s+(?P<m9>0\d|1[3-9]|[2-5]\d)\b(?![:.]\d)(?!\s*(?:час|ч\b|утра|дня|вечера|ночи|[ap]\.?m\b)))"""
# "every hour, 5 minutes past" (m8); «каждый час в 05», "hourly at 20" (m9): after an hourly interval a
# zero-padded number or one that no 12-hour clock has is the minute

IntervalFields = tuple[str, str]  # (minute field, hour field)


def _minutes_interval(n: int) -> IntervalFields:
    """Minute step that divides the hour evenly; whole hours are delegated to the hour step."""
    if n >= 60 and n % 60 == 0:
        return _hours_interval(n // 60)
    if n <= 0 or 60 % n:
        raise _Unsupported(f"every {n} minutes")
    return ("*", "*") if n == 1 else (f"*/{n}", "*")


def _hours_interval(n: int) -> IntervalFields:
    """Hour step that divides the day evenly."""
    if n <= 0 or 24 % n:
        raise _Unsupported(f"every {n} hours")
    if n == 24:
        return ("0", "0")
    return ("0", "*") if n == 1 else ("0", f"*/{n}")


def _minute_of_hour(m: re.Match[str]) -> str:
    """Minute from ``at :15`` / ``в 15 минут`` (0 when absent)."""
    if m.group("m7"):  # "at quarter past", "at half past the hour"
        return "15" if m.group("m7").lower() == "quarter" else "30"
    if m.group("m10"):  # «ежечасно в полчаса»: half past every hour
        return "30"
    if m.group("m11") or m.group("m12"):  # "hourly at quarter to", «каждый час без четверти»
        return "45"
    groups = ("m1", "m2", "m3", "m4", "m5", "m6", "m8", "m9")
    minute = int(next((m.group(g) for g in groups if m.group(g)), "0"))
    if minute > 59:
        raise _Unsupported(m.group(0))
    return str(minute)


def _hourly(m: re.Match[str]) -> IntervalFields:
    return (_minute_of_hour(m), "*")


_INTERVAL_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], IntervalFields]]] = [
    (
        _rx(r"\b(?:once\s+a|per)\s+minute\b"),  # "every minute", «каждую минуту»: grammar.intervals
        lambda m: ("*", "*"),
    ),
    (
        _rx(
            r"\b(?:every|each)\s+half(?:\s+an?)?[\s-]+hour\b|\b(?:кажд\w*|раз\s+в)\s+пол[\s-]?часа\b|\btwice\s+an\s+hour\b"
        ),
        lambda m: ("*/30", "*"),
    ),
    (
        _rx(
            r"\b(?:every|each)\s+quarter(?:\s+of\s+an)?[\s-]+hour\b|\b(?:кажд\w*|раз\s+в)\s+четверть\s+часа\b"
        ),
        lambda m: ("*/15", "*"),
    ),
    (
        _rx(
            rf"""(?:\b(?:hourly|once\s+an\s+hour)\b
            (?:\s*,?\s*{_MINUTE_OF_HOUR})?)"""
        ),
        _hourly,
    ),
    (
        _rx(rf"{_MINUTE_OF_HOUR}\s+(?:of\s+)?(?:every|each|каждого)\s+(?:hour|часа)\b"),
        _hourly,
    ),
    (  # "at 20 past the hour", "a quarter past the hour": every hour at that minute
        _rx(
            r"(?=(?:at\s+)?(?:a\s+)?(?:\d{1,2}|quarter|half)\s+(?:minutes?\s+)?past\s+the\s+hour\b)"
            rf"{_MINUTE_OF_HOUR}"
        ),
        _hourly,
    ),
]


# --------------------------------------------------------------------------------------------------
# Clock times
# --------------------------------------------------------------------------------------------------

_PERIOD = r"[ap]\.?\s?m\b\.?|утра|дня|вечера|ночи|пополудни|in\s+the\s+(?:morning|afternoon|evening)"
# Minutes said apart from the hour by a space or a dash ("at 8 15", «в 9 45», «в 8-30», "at 7 45 pm"): only
# a number no hour is (25-59), a zero-padded one ("9 05", "11 00") or one on the five-minute mark ("8 15",
# «8-10»); "at 9 12", "at 6 7" may be two hours and "at 8 75" is no time at all: asked
# (retractions.juxtaposed). Never a date's part ("8-30-2025"); «8 15 минут» is read by its own word below.
_APART_MINUTES = r"(?P<am>0\d|[1-5][05]|2[6-9]|[3-5][1-46-9])(?![\d]|[-.:/]\d|\s*мин)"
_ITEM = rf"""
    (?:(?P<word>midnight|noon|полночь|полдень)\b
    |(?<![\w:.,])(?P<h>\d{{1,2}})
     (?:(?P<sep>[:.])(?P<m>\d{{2}})|(?P<apart>\s+|-){_APART_MINUTES})?(?![\d])
     (?:\s*(?P<hw>o'?clock|часа|часов|час|ч\b\.?))?
     (?:\s*(?P<mw>\d{{1,2}})\s*мин(?:ут\w*|\b\.?))?
     (?:\s*(?P<per>{_PERIOD}))?
    )"""
_ITEM_RE = _rx(_ITEM)
_ITEM_PLAIN = re.sub(r"\?P<\w+>", "?:", _ITEM)
_PREP = r"(?:at|в|во|к|@)"
_TIME_LIST_RE = _rx(
    rf"""(?:(?<![\w])(?P<prep>{_PREP})\s+)?
    (?P<items>{_ITEM_PLAIN}(?:\s*(?:,|и|and|&)\s*(?:{_PREP}\s+)?{_ITEM_PLAIN}){{0,8}})"""
)
# What may follow a bare hour ("at 9") for it to still be a time («ежедневно в 6: заказы в кх» — a colon ends
# the clock's clause as a comma does; "at 5:30" is one item, read before this).
_BARE_FOLLOW_RE = _rx(
    r"""\s*(?:$|[,.;:!?()\-]|(?:и|and|по|on|utc|gmt|msk|мск|moscow|every|each|daily|кажд\w*
    |weekly|monthly|hourly|sharp|ровно)\b)"""
)
# After a bare hour next to a day cue, a counted noun means the number is a count, not a time
# ("каждый день в 2 таблицы", "daily at 5 stores"); any other word starts the rest of the request
# ("каждый вечер в 9 в кликхаус", "every morning at 6 load orders").
_COUNTED_FOLLOW_RE = _rx(
    r"""\s*(?:\d|%|x\b|k\b|таблиц|раз\b|раза|строк|запис|файл|колон|столб|пол[еяй]|поток|дн|день|недел|месяц
    |год|лет\b|процент|штук|шт\b|тыс|млн|млрд|этап|шаг|част|парти|пачк|батч|копи[ий]\b|магазин|регион|филиал|точк
    |tables?\b|times?\b|rows?\b|records?\b|files?\b|columns?\b|fields?\b|days?\b|weeks?\b|months?\b
    |years?\b|threads?\b|workers?\b|batch|parts?\b|percent|steps?\b|stages?\b|copies\b|stores?\b
    |shops?\b|regions?\b|branch|locations?\b|million|thousand)"""
)
_HOUR_WINDOW_RE = _rx(
    rf"""(?<![\w])(?:с|from|between)\s+(?P<a>{_ITEM_PLAIN})\s*(?:до|по|to|till|until|and|-)\s*
    (?P<b>{_ITEM_PLAIN}|полуночи\b)"""
)
_WORD_TIMES = {"midnight": 0, "полночь": 0, "noon": 12, "полдень": 12}
# «с 22 до полуночи», "between 22 and midnight": a window that ends at midnight ends after hour 23
_MIDNIGHT_END = {"midnight", "полночь", "полуночи"}


@dataclass
class _Clock:
    """One clock time item as written."""

    hour: int
    minute: int
    period: str | None
    strong: bool  # unambiguous time even without a day cue


def _to_24h(hour: int, period: str | None) -> int:
    """Apply AM/PM or the Russian part of day to an hour; raise when the combination is impossible."""
    p = (period or "").replace(".", "").replace(" ", "")
    if not p or p in ("утра",) or "morning" in p:
        value = hour
    elif p == "am":
        value = 0 if hour == 12 else hour if hour <= 12 else -1
    elif p == "pm" or "afternoon" in p or "evening" in p:
        value = hour if hour == 12 else hour + 12 if hour < 12 else -1
    elif p in ("дня", "пополудни"):
        value = hour + 12 if hour < 12 else hour
    elif p == "вечера":
        value = 0 if hour == 12 else hour + 12 if hour < 12 else hour
    elif p == "ночи" and hour >= 21:  # «каждую ночь в 23:45»: a late-evening 24-hour clock is that night's
        value = hour
    elif p == "ночи":
        value = 0 if hour == 12 else hour if hour <= 5 else hour + 12 if hour < 12 else -1
    else:
        value = -1
    if not 0 <= value <= 23:
        raise _Unsupported(f"{hour} {period}")
    return value


def _parse_item(m: re.Match[str], has_prep: bool) -> _Clock | None:
    """Turn one item match into a clock time, or None when the number is not a time at all."""
    if m.group("word"):
        return _Clock(_WORD_TIMES[m.group("word").lower()], 0, None, True)
    hour = int(m.group("h"))
    minute = int(m.group("m") or m.group("am") or m.group("mw") or 0)
    per = m.group("per")
    colon = m.group("sep") == ":"
    ampm_or_part = bool(per) and per.lower() != "дня"
    if not has_prep and not (colon or ampm_or_part):
        return None  # "каждые 2 часа", "за 3 дня", "version 2.30": not clock times
    if minute > 59:
        if colon:
            raise _Unsupported(m.group(0))
        return None  # "в 1.75 раза"
    # "в 14.30" is a time, "в 1.25 раза больше" is not: a dotted time must end the clause.
    dotted = m.group("sep") == "." and bool(_BARE_FOLLOW_RE.match(m.string, m.end()))
    if m.group("apart") is not None and _COUNTED_FOLLOW_RE.match(m.string, m.end()):
        return None  # «в 8 15 таблиц»: a count after the hour, not its minutes
    apart = m.group("apart") is not None
    strong = colon or dotted or apart or bool(per) or bool(m.group("hw")) or bool(m.group("mw"))
    return _Clock(hour, minute, per, strong)


def _find_times(work: str, have_day_cue: bool, hint: str | None) -> tuple[list[tuple[int, int]], list[Span]]:
    """All clock times in ``work`` as (hour, minute) plus the spans that were used."""
    times: list[tuple[int, int]] = []
    spans: list[Span] = []
    for lm in _TIME_LIST_RE.finditer(work):
        has_prep = bool(lm.group("prep"))
        start = lm.start("items")
        parsed = [
            (im.start(), _parse_item(im, has_prep or _own_prep(work, start, im.start())))
            for im in _ITEM_RE.finditer(work, start, lm.end("items"))
        ]
        items = [c for _, c in parsed if c is not None]
        if not items:
            continue
        last = items[-1]
        for c in items[:-1]:  # "в 6 и 18 часов", "at 1 and 5 pm": trailing marker applies to all
            if c.period is None and last.period is not None:
                c.period = last.period
            c.strong = c.strong or last.strong
        if not all(c.strong for c in items):
            if not (have_day_cue and _bare_hour_ends(work, lm.end())):
                continue
        for c in items:
            times.append((_to_24h(c.hour, c.period or hint), c.minute))
        # the span starts at the list's first clock time: a date's day before it is the filter's
        first = lm.start() if parsed[0][1] is not None else next(at for at, c in parsed if c is not None)
        spans.append((_prep_start(work, lm.start(), first), lm.end()))
    return times, spans


# An item's own «в»/"at" right before it inside a list ("after 2025-01-15, daily at 6": the date's last
# number starts the list, the masked frequency word leaves "01,       at 6")
_OWN_PREP_RE = _rx(rf"(?<![\w]){_PREP}\s+$")


def _own_prep(work: str, list_start: int, item_start: int) -> bool:
    """The item has a time preposition of its own inside the list, so it is a clock time even when the
    list began with a number that is not one (a date's day)."""
    return item_start > list_start and bool(_OWN_PREP_RE.search(work, list_start, item_start))


def _prep_start(work: str, list_start: int, item_start: int) -> int:
    """Where a clock time's words start: at its own «в»/"at" when it has one after the list's start."""
    if item_start == list_start:
        return item_start
    own = _OWN_PREP_RE.search(work, list_start, item_start)
    return own.start() if own else item_start


def _bare_hour_ends(work: str, end: int) -> bool:
    """A bare hour next to a day cue is a time unless a counted noun follows it."""
    if _BARE_FOLLOW_RE.match(work, end):
        return True
    return bool(re.match(r"\s+[^\W\d_]", work[end:])) and not _COUNTED_FOLLOW_RE.match(work, end)


def _hour_window(work: str) -> tuple[str | None, Span | None]:
    """``с 9 до 18`` / ``from 9 am to 6 pm`` -> ``"9-18"`` (whole hours only)."""
    m = _HOUR_WINDOW_RE.search(work)
    if not m:
        return None, None
    clocks: list[_Clock] = []
    if m.group("b").lower() in _MIDNIGHT_END:
        return _window_until_midnight(work, m)
    for group in ("a", "b"):
        im = _ITEM_RE.fullmatch(m.group(group))
        clock = _parse_item(im, has_prep=True) if im else None
        if clock is None:
            return None, None
        clocks.append(clock)
    if not (clocks[1].strong or _BARE_FOLLOW_RE.match(work, m.end())):  # "с 1 по 5 таблицу"
        return None, None
    if any(c.minute for c in clocks):
        raise _Unsupported(m.group(0))
    ends = [_to_24h(c.hour, c.period or clocks[1].period) for c in clocks]
    if ends[0] >= ends[1]:
        raise _Unsupported(m.group(0))
    return f"{ends[0]}-{ends[1]}", m.span()


def _window_until_midnight(work: str, m: re.Match[str]) -> tuple[str | None, Span | None]:
    """``с 22 до полуночи`` -> ``"22-23"``: cron has no hour 24, and the run at 00:00 is the next day's."""
    im = _ITEM_RE.fullmatch(m.group("a"))
    clock = _parse_item(im, has_prep=True) if im else None
    if clock is None:
        return None, None
    if clock.minute:
        raise _Unsupported(m.group(0))
    start = _to_24h(clock.hour, clock.period)
    if not 0 < start <= 23:
        raise _Unsupported(m.group(0))
    return (f"{start}-23" if start < 23 else "23"), m.span()


# --------------------------------------------------------------------------------------------------
# Day cues
# --------------------------------------------------------------------------------------------------


@dataclass
class _Days:
    """What a day cue contributes to the cron."""

    kind: str  # daily | weekly | monthly | yearly | dow | dom
    dow: str | None = None
    dom: str | None = None
    needs_time: bool = False
    hint: str | None = None  # part of day applied to bare hours ("every evening at 8")
    count: int | None = None  # "twice a day" -> 2


@dataclass
class ScheduleSlots:
    """Everything the schedule rules read, as values: the cron is built from these, never from text.

    The grammar (:func:`airflow_ai_etl.planning.grammar.schedule_slots`) fills clock times, frequency
    words, intervals and weekdays; the remaining rules (English day words, digits, hour windows, days of
    month) fill the same fields. :meth:`to_cron` combines them or raises ``_Unsupported``.
    """

    interval: IntervalFields | None = None  # (minute field, hour field) of "every N minutes/hours"
    times: list[tuple[int, int]] = field(default_factory=list)  # clock times, 24-hour (hour, minute)
    kinds: set[str] = field(default_factory=set)  # daily | weekly | monthly | yearly | dow | dom
    dows: set[str] = field(default_factory=set)  # day-of-week fields, one per cue ("1-5", "1,3")
    doms: set[str] = field(default_factory=set)  # day-of-month fields, one per cue ("1,15")
    window: str | None = None  # hour window of an interval ("9-18")
    needs_time: bool = False  # "every morning": a time must be named
    hint: str | None = None  # part of day applied to bare hours ("every evening at 8")
    count: int | None = None  # "twice a day" -> 2

    def add(self, d: _Days) -> None:
        self.kinds.add(d.kind)
        if d.dow:
            self.dows.add(d.dow)
        if d.dom:
            self.doms.add(d.dom)
        self.needs_time = self.needs_time or d.needs_time
        self.hint = self.hint or d.hint
        self.count = self.count or d.count

    def set_interval(self, fields: IntervalFields) -> None:
        if self.interval is not None and self.interval != fields:
            raise _Unsupported("two different intervals")
        self.interval = fields

    def to_cron(self) -> str | None:
        """The 5-field cron; None when nothing about time was read."""
        if self.interval is not None:
            return self._interval_cron(self.interval)
        if self.window:
            raise _Unsupported("hour window without an interval")
        return self._calendar_cron()

    def _day_fields(self) -> tuple[str, str, str]:
        """Merge day cues into (day-of-month, month, day-of-week); raise on contradictions."""
        if len(self.dows) > 1 or len(self.doms) > 1:
            raise _Unsupported("several day-of-week / day-of-month cues")
        dow = next(iter(self.dows), None)
        dom = next(iter(self.doms), None)
        periodic = self.kinds & {"weekly", "monthly", "yearly"}
        if len(periodic) > 1 or (dom and dow):
            raise _Unsupported("contradicting day cues")  # e.g. "first Monday of the month"
        if periodic and "daily" in self.kinds:  # "every day at 7 and once a week on Fridays": asked
            raise _Unsupported("daily and " + "/".join(sorted(periodic)))
        if "daily" in self.kinds and dow is not None and dow.isdigit():
            # «каждый день в 9 утра во вторник», "daily at 6 on Monday": every day, or that one weekday?
            # asked (planner122); a range or a list of days («каждый день с пн по пт») narrows the days
            raise _Unsupported(_DAILY_AND_WEEKDAY)
        if "yearly" in periodic:
            if dom or dow:
                raise _Unsupported("yearly with a day")
            return "1", "1", "*"
        if "weekly" in periodic:
            if dom:
                raise _Unsupported("weekly on a day of month")
            return "*", "*", dow or "1"
        if "monthly" in periodic:
            if dow:
                raise _Unsupported("monthly on a weekday")
            return dom or "1", "*", "*"
        return dom or "*", "*", dow or "*"

    def _interval_cron(self, fields: IntervalFields) -> str:
        """An interval with an optional weekday cue and hour window."""
        minute, hour = fields
        if self.times or self.doms or self.kinds & {"weekly", "monthly", "yearly"}:
            raise _Unsupported("interval mixed with clock times or calendar days")
        if self.window:
            if hour == "*":
                hour = self.window
            elif hour.startswith("*/"):
                hour = f"{self.window}/{hour[2:]}"
            else:
                raise _Unsupported("window on a daily run")
        if len(self.dows) > 1:
            raise _Unsupported("several weekday cues")
        return f"{minute} {hour} * * {next(iter(self.dows), '*')}"

    def _calendar_cron(self) -> str | None:
        """Day cues and clock times; None when neither is present."""
        times = self.times
        if not times and not self.kinds:
            return None
        if not times:
            if self.needs_time or self.count not in (None, 1):
                raise _Unsupported("needs an explicit time")
            times = [(0, 0)]
        if self.count is not None and self.count != len(set(times)):
            raise _Unsupported("count of runs does not match the times")
        minutes = {m for _, m in times}
        if len(minutes) != 1:
            raise _Unsupported("several times with different minutes")
        dom, month, dow = self._day_fields()
        hours = ",".join(str(h) for h in sorted({h for h, _ in times}))
        return f"{minutes.pop()} {hours} {dom} {month} {dow}"


_DAILY_AND_WEEKDAY = "daily and one weekday"
_DOW_BY_STEM = {
    "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0,
    "пон": 1, "вто": 2, "сре": 3, "чет": 4, "пят": 5, "суб": 6, "вос": 0,
    "пн": 1, "вт": 2, "ср": 3, "чт": 4, "пт": 5, "сб": 6, "вс": 0,
}  # fmt: skip
_ABBR_DAY = r"(?:пн|вт|ср|чт|пт|сб|вс|mon|tue|wed|thu|fri|sat|sun)\b"  # after «кроме» / "except" only
_EN_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
_RU_DAY = r"(?:понедельник\w*|вторник\w*|сред(?:а|у|ы|ам|е)|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*)\b"
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fifth": 5, "tenth": 10, "fifteenth": 15, "twentieth": 20,
    "первого": 1, "первое": 1, "первым": 1, "первый": 1, "второго": 2, "третьего": 3, "пятого": 5,
    "десятого": 10, "пятнадцатого": 15, "двадцатого": 20,
}  # fmt: skip
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_COUNTS = {"once": 1, "twice": 2, "thrice": 3, "дважды": 2, "трижды": 3}


def _dow_list(m: re.Match[str]) -> _Days:
    days = sorted({_DOW_BY_STEM[w[:3]] for w in re.findall(rf"{_EN_DAY}|{_RU_DAY}", m.group(0), re.I)})
    return _Days("dow", dow="1-5" if days == [1, 2, 3, 4, 5] else ",".join(map(str, days)))


def _dow_field(days: Iterable[int]) -> str:
    days = sorted(set(days))
    return "1-5" if days == [1, 2, 3, 4, 5] else ",".join(map(str, days))


def _dom_list(m: re.Match[str]) -> _Days:
    text = m.group(0).lower()
    days = {int(d) for d in re.findall(r"\d{1,2}", text)}
    days |= {_ORDINALS[w] for w in re.findall(rf"\b(?:{_ORDINAL})\b", text)}
    if not days or not all(1 <= d <= 28 for d in days):
        raise _Unsupported(m.group(0))  # 29-31 do not exist in every month: do not guess
    return _Days("dom", dom=",".join(map(str, sorted(days))))


def _days_except(m: re.Match[str]) -> _Days:
    """ "except weekends", "кроме понедельника": every day of the week but the named ones."""
    return _all_days_but(m.group("days"), m.group(0))


def _all_days_but(named_days: str, said: str) -> _Days:
    """Every day of the week but those ``named_days`` names (``said``: the words, for the question)."""
    text = named_days.lower()
    named = {_DOW_BY_STEM[w[:3]] for w in re.findall(rf"{_EN_DAY}|{_RU_DAY}|{_ABBR_DAY}", text, re.I)}
    if re.search(r"weekend|выходн", text):
        named |= {0, 6}
    if re.search(r"weekday|будн", text):
        named |= {1, 2, 3, 4, 5}
    days = sorted(set(range(7)) - named)
    if not days:
        raise _Unsupported(said)
    return _Days("dow", dow="1-5" if days == [1, 2, 3, 4, 5] else ",".join(map(str, days)))


# "except weekends", "not on Mondays", "кроме выходных": the days NOT to run. ("без выходных" is
# Russian for "every day, weekends included", so "без" is not among these words.)
# "weekend" right before another plural noun ("excluding weekend shifts") is a value a column lists, the rows'
# kind, not the days to skip (planner132 reads it so after no exclusion; marts106 after one); "weekend days",
# "weekend runs" stay days
_WEEKEND_DAYS = r"(?:weekends|weekend(?!\s+(?!days\b|runs\b|loads\b)[a-z]{3,}s\b))"
_DAY_WORD = rf"(?:{_WEEKEND_DAYS}|weekdays?|выходн\w*|будн\w*|{_EN_DAY}|{_RU_DAY}|{_ABBR_DAY})"
_EXCEPT_DAYS_RE = _rx(
    rf"""(?:\bexcept(?:\s+for)?|\bexcluding|\bbut\s+not|\bnot(?:\s+needed)?|\bкроме(?:\s+как)?|\bисключая
    |\bне(?:\s+нужно)?)\s+(?:on\s+|в\s+|во\s+|по\s+)?
    (?P<days>{_DAY_WORD}(?:\s*(?:,|and|or|и|или)\s*(?:on\s+|в\s+|во\s+|по\s+)?{_DAY_WORD}){{0,6}})"""
)
# «по выходным не запускать», «в субботу не грузим», «в выходные — не надо», "skip weekends", "no runs on
# Sundays": the days named first and negated after them (by a Russian negated verb or «не надо/нужно», not
# «не забудь»; an English skip or "no run(s)") are the days NOT to run, as after «кроме»/"except".
_DAYS_THEN_NOT_RE = _rx(
    rf"""(?:\b(?:по|в|во)\s+)?(?P<days>{_DAY_WORD}(?:\s*(?:,|и|или)\s*(?:по\s+|в\s+|во\s+)?{_DAY_WORD}){{0,6}})
    \s*(?:[—–-]\s*)?\bне\s+(?!забы|забуд)(?:надо|нужно|требуется|\w+(?:ть|ти|чь|ем|ём|им|ай|ей|и|ит|ет|ёт|ут|ют|ат|ят)(?:ся|сь)?)\b
    |\b(?:skip(?:ping)?|pause|no\s+runs?)\s+(?:on\s+)?
    (?P<en_days>{_DAY_WORD}(?:\s*(?:,|and|or)\s*(?:on\s+)?{_DAY_WORD}){{0,6}})"""
)


def _days_then_not(m: re.Match[str]) -> _Days:
    """«по выходным не запускать», "skip weekends": every day but the named ones."""
    return _all_days_but(m.group("days") or m.group("en_days"), m.group(0))


_DOM_EN = r"(?:\d{1,2}(?:st|nd|rd|th)\b|(?:" + _ORDINAL + r")(?=\s+day\b))"
_DOM_RU = r"(?:\d{1,2}(?:-?(?:го|е|ое|ого))?|" + _ORDINAL + r")"
_DAY_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Days]]] = [
    (_EXCEPT_DAYS_RE, _days_except),  # first: its day words must not be read as the days to run
    (_DAYS_THEN_NOT_RE, _days_then_not),  # «по выходным не запускать»: named, then negated
    (
        _rx(
            r"""\b(?:(?:on\s+)?weekdays?|every\s+weekday|business\s+days?|working\s+days?|work\s*days?
            |monday\s+(?:through|thru|to|-)\s+friday|mon\s*-\s*fri
            |(?:(?:по|в)\s+)?будн\w*(?:\s+дн\w*)?|(?:в\s+|по\s+)?рабоч\w*\s+дн(?!ю\b)\w*
            |с\s+понедельника\s+по\s+пятницу|пн\s*-\s*пт)\b"""
        ),
        # «по рабочему дню» (singular dative) names a date column ('Рабочий день'), the grain's; the weekdays
        # are «по рабочим дням», «в рабочие дни» (marts124)
        lambda m: _Days("dow", dow="1-5"),
    ),
    (
        _rx(
            r"""\b(?:(?:on\s+|every\s+)weekends?|weekends|weekend(?!\s+(?!days\b)[a-z]{3,}s\b)
            |по\s+выходным|(?:в|кажд\w*)\s+выходн\w*(?:\s+дн\w*)?|выходн\w+\s+дн\w*)\b
            (?!\s+(?:данн|файл|таблиц|поток|парамет))"""
        ),
        lambda m: _Days("dow", dow="0,6"),
    ),
    (
        _rx(
            rf"\b(?:(?:every|each|on)\s+)?{_EN_DAY}(?:\s*(?:,|and|&|or)\s*(?:on\s+|every\s+|each\s+)?{_EN_DAY}){{0,6}}"
        ),
        _dow_list,
    ),
    (
        _rx(
            rf"""\b(?:on\s+)?(?:the\s+)?{_DOM_EN}(?:\s*(?:,|and|&)\s*(?:the\s+)?{_DOM_EN}){{0,8}}(?:\s+day)?
            |\bon\s+days?\s+\d{{1,2}}(?:\s*(?:,|and)\s*\d{{1,2}}){{0,8}}\b"""
        ),
        _dom_list,
    ),
    (
        _rx(
            rf"""(?<![\w:.])(?:{_DOM_RU}(?:\s*(?:,|и)\s*{_DOM_RU}){{0,8}})\s+числ[оа]\b
            |(?<![\w:.])\d{{1,2}}-(?:го|е)(?:\s*(?:,|и)\s*\d{{1,2}}-(?:го|е)){{0,8}}\b(?!\s*(?:час|минут))
            |\bперв\w*\s+(?:день|дня|дне|числ\w*)\b"""
        ),
        _dom_list,
    ),
    (
        _rx(r"\b(?:yearly|annually|every\s+year|once\s+a\s+year|кажд\w*\s+год\w*|раз\s+в\s+год)\b"),
        lambda m: _Days("yearly"),
    ),
    (
        _rx(
            r"""\b(?:monthly|(?:every|each)\s+month|once\s+a\s+month|of\s+(?:every|each|the)\s+month
            |кажд\w*\s+месяц\w*|раз\s+в\s+месяц)\b"""
        ),
        lambda m: _Days("monthly"),
    ),
    (
        _rx(r"\b(?:weekly|(?:every|each)\s+week|once\s+a\s+week|кажд\w*\s+недел\w*|раз\s+в\s+неделю)\b"),
        lambda m: _Days("weekly"),
    ),
    (
        _rx(
            rf"""\b(?:(?P<count>once|twice|thrice|{_NUM}\s+times)\s+(?:a|per)\s+day
            |(?P<count_ru>раз|дважды|трижды|{_NOT_COMPARED}{_NUM}\s+раза?)\s+в\s+(?:день|сутки))\b"""
        ),
        lambda m: _Days("daily", count=_count_any(m)),
    ),
    (
        _rx(r"\b(?:daily|every\s*day|each\s+day|кажд\w*\s+(?:день|дня|сутки))\b"),
        lambda m: _Days("daily"),
    ),
    (
        _rx(r"\b(?:nightly|(?:every|each)\s+night|кажд\w*\s+ноч\w*|по\s+ночам)\b"),
        lambda m: _Days("daily", hint="ночи"),  # "every night at 11" is 23:00, "at 1" is 01:00
    ),
    (
        _rx(r"\b(?:(?:every|each)\s+morning|кажд\w*\s+утр\w*|по\s+утрам)\b"),
        lambda m: _Days("daily", needs_time=True, hint="утра"),
    ),
    (
        _rx(r"\b(?:(?:every|each)\s+(?:evening|night)|кажд\w*\s+вечер\w*|по\s+вечерам)\b"),
        lambda m: _Days("daily", needs_time=True, hint="вечера"),
    ),
]


def _count_any(m: re.Match[str]) -> int | None:
    word = (m.group("count") or m.group("count_ru") or "").lower()
    if word in ("", "раз"):
        return None if not word else 1
    if word in _COUNTS:
        return _COUNTS[word]
    return _number(word.split()[0])


def _collect_days(work: str, slots: ScheduleSlots) -> tuple[str, list[Span]]:
    """Apply every day rule (all matches) into `slots`, masking what was consumed."""
    spans: list[Span] = []
    for rx, handler in _DAY_RULES:
        for m in list(rx.finditer(work)):
            slots.add(handler(m))
            spans.append(m.span())
            work = _mask(work, m.span())
    return work, spans


# --------------------------------------------------------------------------------------------------
# Grammar slots -> ScheduleSlots
# --------------------------------------------------------------------------------------------------

_FREQ_DAYS = {
    "FREQ_DAY": _Days("daily"),
    "FREQ_NIGHT": _Days("daily", hint="ночи"),  # «еженощно в 11» is 23:00
    "FREQ_WEEK": _Days("weekly"),
    "FREQ_MONTH": _Days("monthly"),
    "FREQ_YEAR": _Days("yearly"),
}
_PART_HINTS = {"morning": "утра", "afternoon": "дня", "evening": "вечера", "night": "ночи"}
_FREQ_INTERVALS: dict[str, IntervalFields] = {"FREQ_HOUR": ("0", "*"), "FREQ_MINUTE": ("*", "*")}
# "hourly at :15", «каждые 2 часа в 15 минут»: the minute of the hour right after an interval.
_MINUTE_SUFFIX_RE = _rx(rf"\s*,?\s*{_MINUTE_OF_HOUR}")
_MINUTE_PREFIX_RE = _rx(rf"{_MINUTE_OF_HOUR}\s+(?:of\s+)?$")  # "at quarter past every hour"
# «каждый час в 10», "every hour at 10": ten o'clock or ten past? Asked, never dropped.
_BARE_NUMBER_AFTER_INTERVAL_RE = _rx(
    r"\s*,?\s*(?:at|в)\s+\d{1,2}\b(?![:.]\d)(?!\s*(?:час|ч\b|утра|дня|вечера|ночи|[ap]\.?m\b))"
)


def _interval_fields(n: int, unit: str) -> IntervalFields:
    if unit == "minute":
        return _minutes_interval(n)
    if unit == "hour":
        return _hours_interval(n)
    raise _Unsupported(f"every {n} {unit}s")  # «каждые 3 дня», "every other week": no single cron


# Only a conjunction between two weekdays: «каждый понедельник и каждую среду» is one list of days.
_DAY_JOINER = re.compile(r"\s*(?:,\s*)?(?:и|а\s+также|and|&)?\s*", re.IGNORECASE)


def _grammar_slots(found: list[Slot], work: str, slots: ScheduleSlots) -> tuple[str, list[Span], list[Slot]]:
    """Put the grammar's schedule slots into `slots`; returns `work` with their words masked (and the
    minute-of-hour after an interval), the spans read and the clock slots (added to `slots` once the
    day cues are known: a bare «в девять тридцать» takes «каждый вечер»'s part of day)."""
    spans: list[Span] = []
    weekday_lists: list[list[int]] = []
    clocks: list[Slot] = []
    previous_day: Slot | None = None
    for slot in found:
        span = (slot.start, slot.end)
        if slot.kind == "clock":
            clocks.append(slot)
        elif slot.kind == "weekday":
            # a new list starts at a preposition («в среду», «по средам»); «и средам» continues it, and so
            # does a day with its own cue joined by «и» alone («каждый понедельник и каждую среду»)
            joined = previous_day is not None and _DAY_JOINER.fullmatch(work, previous_day.end, slot.start)
            if (slot.last - slot.first > 1 and not joined) or not weekday_lists:
                weekday_lists.append([])
            weekday_lists[-1].append(slot.value)
            previous_day = slot
        elif slot.kind == "freq" and slot.value in _FREQ_DAYS:
            slots.add(_FREQ_DAYS[slot.value])
        elif slot.kind == "part":  # «вечером», "Sunday night": bare hours are of that part of day
            slots.hint = slots.hint or _PART_HINTS[slot.value]
            slots.needs_time = True
        else:  # an interval: "every 15 minutes", «ежечасно», "every other hour"
            if slot.kind == "freq":
                minute, hour = _FREQ_INTERVALS[slot.value]
            else:
                minute, hour = _interval_fields(*slot.value)
            suffix = _MINUTE_SUFFIX_RE.match(work, slot.end)
            prefix = _MINUTE_PREFIX_RE.search(work, max(0, slot.start - 60), slot.start)
            if suffix and minute == "0":
                minute, span = _minute_of_hour(suffix), (slot.start, suffix.end())
            elif minute == "0" and _BARE_NUMBER_AFTER_INTERVAL_RE.match(work, slot.end):
                raise _Unsupported("a bare number after an hourly interval")
            elif prefix and minute == "0":
                minute, span = _minute_of_hour(prefix), (prefix.start(), slot.end)
            slots.set_interval((minute, hour))
        spans.append(span)
        work = _mask(work, span)
    for days in weekday_lists:
        slots.add(_Days("dow", dow=_dow_field(days)))
    return work, spans, clocks


def _phrase(original: str, spans: Iterable[Span | None]) -> str:
    """The user's words the spans cover."""
    real = [s for s in spans if s]
    if not real:
        return ""
    start, end = min(s[0] for s in real), max(s[1] for s in real)
    return original[start:end].strip(" ,.;:!?")


def _valid(cron: str | None) -> bool:
    return cron is None or (len(cron.split()) == 5 and croniter.is_valid(cron))


def _first_match(
    rules: list[tuple[re.Pattern[str], Callable[[re.Match[str]], IntervalFields]]], work: str
) -> tuple[IntervalFields, Span] | None:
    for rx, handler in rules:
        m = rx.search(work)
        if m:
            return handler(m), m.span()
    return None


def _match(
    cron: str | None, tz: str | None, text: str, spans: Iterable[Span | None], rewritten: Iterable[Span]
) -> ScheduleMatch:
    """The result; a span touching a numeral written as digits («в семь» read as "в 7") takes the
    whole of the user's word."""
    used = []
    for span in spans:
        if not span:
            continue
        start, end = span
        for a, b in rewritten:
            if a < end <= b or a <= start < b:
                start, end = min(start, a), max(end, b)
        used.append((start, end))
    return ScheduleMatch(cron, tz, _phrase(text, used), tuple(used))


_OR_WORDS = {"или", "либо", "or"}
# Words that hedge the second time ("or maybe 10 pm", «а может в 10», «или, может быть, в 7»): an
# alternative as much as «или» is (planner16).
_HEDGES = {"maybe", "perhaps", "possibly", "probably", "может", "быть", "наверное", "пожалуй", "лучше", "а"}
_TIME_PREPOSITIONS = {"в", "во", "к", "at", "around"}
_DAY_PARTS = {"утра", "дня", "вечера", "ночи", "am", "pm", "a.m.", "p.m.", "часов", "часа", "o'clock"}


def alternative_times(text: str) -> str | None:
    """The words offering two clock times as alternatives («в 9 вечера или в 10»), or None."""
    span = _alternative_times(tokenize(text or ""))
    return text[span[0] : span[1]] if span else None


# «в 9 вечера, ну или в 10», "at 9 pm, or maybe 10 pm", «можно и в 10»: a word offering another time
_ALTERNATIVE_WORDS = _OR_WORDS | {
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "может",
    "можно",
    "мб",
    "наверное",
}
# between the offer and the second time: «ну или даже в 10», "or perhaps at 10", «может быть в 10»
_ALTERNATIVE_FILLERS = _TIME_PREPOSITIONS | _HEDGES | {
    "maybe", "perhaps", "possibly", "even", "rather", "и", "and", "ну", "даже", "лучше", "быть", "же",
    "может", "можно", "мб",
    "was", "it", "это", "было",  # "or was it 10?", «или это было в 10?»: the user is not sure of the hour
}  # fmt: skip
# after a second time that offers it: "10 pm is fine too", «в 10 тоже можно», "10 pm works as well"
_ALTERNATIVE_AFTER = {"too", "also", "тоже", "fine", "ok", "okay", "works", "подойдет", "годится", "сойдет"}
_GLUED_CLOCK = re.compile(r"(\d{1,2})(?::\d{2})?(?:am|pm|a\.m\.?|p\.m\.?)$")


def _clock_number(token: Token) -> tuple[int, bool] | None:
    """(hour, said with am/pm) of a word that may be a clock hour: 9, «десять», "9pm", "9:30"."""
    glued = _GLUED_CLOCK.fullmatch(token.lower)
    if glued:
        return int(glued.group(1)), True
    if ":" in token.text and token.text.split(":")[0].isdigit():
        return int(token.text.split(":")[0]), True
    if token.number is not None and not token.ordinal:
        return token.number, False
    return None


def _is_weekday(token: Token) -> bool:
    if token.lower in WEEKDAY_ABBREVIATIONS:
        return True
    if token.lang == "ru":
        return token.has(frozenset(RU_WEEKDAYS), pos=("NOUN",))
    return token.lang == "en" and grammar.en_weekday(token) is not None


def _alternative_days(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Two weekdays offered as alternatives: «по понедельникам или вторникам», "Monday or Tuesday"."""
    for j, word in enumerate(tokens):
        if word.lower not in _OR_WORDS or j == 0:
            continue
        left, right = j - 1, j + 1
        while right < len(tokens) - 1 and tokens[right].lower in ("в", "во", "по", "on", "every", "each"):
            right += 1
        if right >= len(tokens) or not (_is_weekday(tokens[left]) and _is_weekday(tokens[right])):
            continue
        if any(t.lower in grammar.NEGATIONS for t in tokens[max(0, left - 3) : left]):
            continue  # «кроме понедельника или вторника»: neither day
        start = (
            left - 1 if left and tokens[left - 1].lower in ("в", "во", "по", "on", "every", "each") else left
        )
        return tokens[start].start, tokens[right].end
    return None


def _alternative_times(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Two clock times offered as alternatives («в 9 вечера или в 10, как удобнее», "at 9 or 10 pm",
    "at 9 pm, or maybe 10 pm", «можно и в 10», "10 pm is fine too"): the span from the first to the second.
    Two weekdays joined by «или»/"or" are alternatives too."""
    days = _alternative_days(tokens)
    if days:
        return days
    pair = juxtaposed(tokens, "clock")
    if pair:  # "every Monday at 8 9": two hours with nothing between, no list, no correction (planner109)
        return tokens[pair[0]].start, tokens[pair[1] - 1].end
    for j, word in enumerate(tokens):
        offer = word.lower in _ALTERNATIVE_WORDS
        if not offer and word.lower not in _ALTERNATIVE_AFTER:
            continue
        if offer:
            right = j + 1
            while right < len(tokens) and (
                tokens[right].lower in _ALTERNATIVE_FILLERS or tokens[right].text in (",", "(", "—", "-")
            ):  # «или, может быть, в 7»
                right += 1
            second = right
        else:  # "10 pm is fine too": the second time is before the word
            second = j - 1
            while second > 0 and (
                tokens[second].lower in _DAY_PARTS or tokens[second].lower in ("is", "are")
            ):
                second -= 1
        if not 0 <= second < len(tokens) or _clock_number(tokens[second]) is None:
            continue
        first = _time_before(tokens, second - 1 if not offer else j - 1, limit=5)
        if first is None:
            continue
        hours = (_clock_number(tokens[first]), _clock_number(tokens[second]))
        if any(h is None or h[0] > 24 for h in hours) or not _offered_time(tokens, second):
            continue
        timed = any(h[1] for h in hours if h) or any(_is_timed(tokens, k) for k in (first, second))
        if timed:
            start = first - 1 if first and tokens[first - 1].lower in _TIME_PREPOSITIONS else first
            end = (
                second + 1 if second + 1 < len(tokens) and tokens[second + 1].lower in _DAY_PARTS else second
            )
            return tokens[start].start, tokens[end].end
    return None


# «то ли раз в день, то ли раз в час», "either daily or hourly", «раз в сутки или каждые 2 часа»
# A hedge or a word of not knowing offers the next schedule as much as «или» does: «каждый час, а может раз в
# сутки», "hourly, maybe daily", «ежечасно, не уверен, ежедневно», "daily, I don't know, hourly" (q112);
# only a schedule right after it counts, so «каждый день, может быть это поможет» stays one schedule.
_FREQUENCY_OR = re.compile(
    r"(?<!\w)(?:или|либо|or|то\s+ли|а\s+может(?:\s+быть)?|может\s+быть|возможно|maybe|perhaps|"
    r"(?:сам\s+)?не\s+знаю|не\s+уверен[аы]?|not\s+sure|(?:i\s+)?don'?t\s+know)(?!\w)",
    re.IGNORECASE,
)


def _offers_schedule(window: str) -> bool:
    """The few words after an «или»/"or" name a schedule of their own (or one no cron says)."""
    try:
        return _parse(window, alternatives=False) is not None
    except _Unsupported:
        return True


def _alternative_frequencies(text: str) -> tuple[int, int] | None:
    """Two schedules offered as alternatives: the words on each side of an «или» / "or" / a second «то ли»
    read as two different crons. The span runs from the first schedule's words to the second's."""
    # only an «или» with a schedule's words right after it is parsed, and at most three of them: each parse
    # reads the whole text, so "the terminal or app channels" repeated grew quadratically
    offered = [m for m in _FREQUENCY_OR.finditer(text) if _offers_schedule(text[m.end() : m.end() + 80])]
    for match in offered[:3]:
        if match.group(0).lower().startswith("то") and not _FREQUENCY_OR.search(text, 0, match.start()):
            continue  # the first «то ли» opens the offer; the second one joins the alternatives
        sides = _two_schedules(text, match)
        if sides is None:
            continue
        left, right = sides
        start = min(a for a, _ in left.spans)
        opener = re.search(r"(?:то\s+ли|either)\s+$", text[:start], re.IGNORECASE)
        return (opener.start() if opener else start), match.end() + max(b for _, b in right.spans)
    return None


def _two_schedules(text: str, match: re.Match[str]) -> tuple[ScheduleMatch, ScheduleMatch] | None:
    """The text before and after a conjunction, each read as one schedule, when both are and they differ.
    A side's own «или» is not looked into again (that recursion grew as 3^n in the number of «или»: 12 of
    them took 23 s)."""
    try:
        left = _parse(text[: match.start()], alternatives=False)
        right = _parse(text[match.end() :], alternatives=False)
    except _Unsupported:
        return None
    if left is None or right is None or left.cron == right.cron or not left.spans or not right.spans:
        return None
    return left, right


# «ежедневно и ежечасно», "daily and hourly", «раз в день, а также каждый час»: two frequencies joined as if
# both held; one cron cannot say both, so the user is asked (as for «или»)
_FREQUENCY_AND = re.compile(
    # «..., а новые дозаливать каждый час»: a contrastive «а» after a comma opens a second load's clause (23a)
    r"(?<!\w)(?:и|and|плюс|plus|а\s+также|а\s+ещ[её]|as\s+well\s+as|and\s+also|(?<=,\s)а)(?!\w)",
    re.IGNORECASE,
)
_FREQUENCY_CONCEPTS = tuple(grammar.FREQ_CANONICAL)
_EVERY_UNIT = re.compile(r"(?<!\w)(?:every|each|кажд\w+|раз\s+в)\s+\w+", re.IGNORECASE)  # "every monday" too


# how far past the conjunction the second frequency may stand (the words of a short clause of its own)
_SECOND_CLAUSE_REACH = 40


def _names_frequency(text: str) -> bool:
    """`text` has a frequency of its own: «ежечасно», "hourly", «каждый час», "every 2 hours", "every
    monday"."""
    return bool(_EVERY_UNIT.search(text)) or any(is_any(t, _FREQUENCY_CONCEPTS) for t in tokenize(text))


def _joined_frequencies(text: str) -> tuple[int, int] | None:
    """Two frequencies joined by «и»/"and"/«а также» right next to each other («ежедневно и ежечасно»), each
    read as a different cron; «ежедневно в 9 и в 18» joins two clock times of one frequency, not this."""
    # only a conjunction with a frequency word within a few words on each side is parsed, and at most
    # three of them: a long request full of «и» stays linear
    near = [
        m
        for m in _FREQUENCY_AND.finditer(text)
        if _names_frequency(text[max(0, m.start() - 40) : m.start()])
        and _names_frequency(text[m.end() : m.end() + 40])
    ]
    for match in near[:3]:
        sides = _two_schedules(text, match)
        if sides is None:
            continue
        left, right = sides
        if not left.cron or not right.cron:
            continue  # «после загрузки заказов и ...»: a run after another pipeline, no cron
        if left.cron.split()[-1] != "*" and right.cron.split()[-1] != "*":
            continue  # «каждый понедельник и каждую среду»: one list of weekdays
        left_end = max(b for _, b in left.spans)
        right_start = min(a for a, _ in right.spans) + match.end()
        right_end = max(b for _, b in right.spans) + match.end()
        if text[left_end : match.start()].strip(" ,") or right_start - match.end() > _SECOND_CLAUSE_REACH:
            continue  # the first frequency does not end the clause: not two frequencies joined
        # "every hour and also replace everything daily", «ежечасно и перезаливать всё ежедневно»: the second
        # frequency may close a clause of its own (a verb, its object); it is still a second schedule
        left_start = min(a for a, _ in left.spans)
        if _names_frequency(text[left_start:left_end]) and _names_frequency(text[right_start:right_end]):
            return left_start, right_end
    return None


def _juxtaposed_frequencies(text: str | None) -> tuple[int, int] | None:
    """Two frequencies side by side with no marker and no conjunction ("daily, hourly", «каждые 2 часа,
    каждые 3»): the span of both (planner109; a marker between them is a correction, planning/retractions)."""
    text = text or ""
    tokens = tokenize(text)
    pair = juxtaposed(tokens, "freq")
    if pair is None:
        return None
    start, end = tokens[pair[0]].start, tokens[pair[1] - 1].end
    sides = re.split(r"\s*[,—–/;-]\s*|\s+(?=\S+$)", text[start:end], maxsplit=1)
    crons = set()
    for side in sides:
        try:
            read = _parse(side, alternatives=False)
        except _Unsupported:
            read = None
        crons.add(read.cron if read else side)
    return (start, end) if len(crons) > 1 else None  # "every day, daily": one schedule said twice


def _hedged_frequencies(text: str | None) -> tuple[int, int] | None:
    """A frequency hedged against a count with no unit ("every 2 hours, perhaps every 6"): their span."""
    text = text or ""
    tokens = tokenize(text)
    pair = hedged_interval(tokens)
    return (tokens[pair[0]].start, tokens[pair[1] - 1].end) if pair else None


def alternative_frequencies(text: str) -> str | None:
    """The words offering two schedules as alternatives («то ли раз в день, то ли раз в час»), or None."""
    span = (
        _alternative_frequencies(text or "")
        or _joined_frequencies(text or "")
        or _juxtaposed_frequencies(text)
        or _hedged_frequencies(text)
    )
    return text[span[0] : span[1]] if span else None


_DAILY_CUE = re.compile(
    r"\b(?:every\s+day|each\s+day|daily|ежедневн\w*|каждый\s+день|каждодневн\w*)\b", re.IGNORECASE
)
_ONE_WEEKDAY = re.compile(rf"\b(?:on\s+|во?\s+)?(?:{_EN_DAY}|{_RU_DAY})", re.IGNORECASE)


def daily_and_weekday(text: str) -> str | None:
    """The words from a daily cue to one weekday said beside it («каждый день в 9 утра во вторник", "daily
    at 6 am on Monday"), quoted when the schedule asks which is meant (planner122); None without both."""
    try:
        _parse(blank_paths(text))
        return None
    except _Unsupported as reason:
        if str(reason) != _DAILY_AND_WEEKDAY:
            return None
    daily = _DAILY_CUE.search(text)
    days = list(_ONE_WEEKDAY.finditer(text))
    if daily is None or len(days) != 1:
        return None
    start, end = min(daily.start(), days[0].start()), max(daily.end(), days[0].end())
    return text[start:end]


# Words that open a new clause of the schedule: «в 9, а по пятницам ещё и в 18», "at 9, but on Fridays at 6"
_CLAUSE_BREAKS = {"а", "но", "плюс", "but", "plus", "while", "whereas"}
# «по будням», «в выходные», "on weekdays": days said as a group, a day cue as much as a weekday
_DAY_GROUPS = {
    "будни", "будням", "буднях", "будний", "будние", "выходные", "выходным", "выходных",
    "weekday", "weekdays", "weekend", "weekends",
}  # fmt: skip
_DAILY_WORDS = {"ежедневно", "день", "сутки", "daily", "day"}
# what may open a clause's schedule phrase before its day or hour: «по пятницам», "on Fridays", «каждую среду»
_DAY_LEADS = {"по", "в", "во", "on", "every", "each", "каждый", "каждую", "каждое", "каждые"}


def _clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The request's clauses as (first, end) token ranges: split at punctuation, at «а»/«но»/"but", and at
    «и»/"and" right before a day cue («по понедельникам в 9 и по пятницам в 18»)."""
    cuts = [0]
    for k, token in enumerate(tokens):
        following = tokens[k + 1 : k + 3]
        joins_days = token.lower in ("и", "and") and (
            any(_is_day_cue(t) or t.lower in grammar.EVERY_WORDS or t.has({"каждый"}) for t in following)
            or any(_month_day_cue(tokens, j) for j in range(k + 1, min(k + 4, len(tokens))))
        )
        if token.text in (",", ";", "—") or token.lower in _CLAUSE_BREAKS or joins_days:
            cuts.append(k + 1)
    cuts.append(len(tokens))
    return [(a, b) for a, b in itertools.pairwise(cuts) if a < b]


def _is_day_cue(token: Token) -> bool:
    return _is_weekday(token) or token.lower in _DAY_GROUPS


# «в полдень», "at noon": an hour said by its name, a clause's clock time as «в 12» is (marts127)
_NAMED_CLOCKS = {"полдень", "полночь", "noon", "midnight"}
_ORDINAL_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th|-?го|-?е|-?й)")


def _month_day_cue(tokens: Sequence[Token], k: int) -> str | None:
    """«каждое первое число», «15-го числа», "on the 1st": a day of the month, a day cue of its own beside
    a daily clause («каждый день в 3 ночи и каждое первое число в полдень» is two schedules; marts127)."""
    token = tokens[k]
    if (
        token.lemma == "число"
        and k > 0
        and (tokens[k - 1].ordinal or _ORDINAL_DAY.fullmatch(tokens[k - 1].lower))
    ):
        return f"dom:{tokens[k - 1].lower}"
    if token.lang == "en" and _ORDINAL_DAY.fullmatch(token.lower):
        return f"dom:{token.lower}"
    return None


def _timed_clock(tokens: Sequence[Token], k: int) -> bool:
    """Word `k` is a clock time: an hour said after «в»/"at" or before a part of day, or "9:30", "9pm"."""
    number = _clock_number(tokens[k])
    return number is not None and number[0] <= 24 and (number[1] or _is_timed(tokens, k))


def _split_schedules(tokens: Sequence[Token]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two clauses, each with a clock time of its own, whose day cues differ («в 9, а по пятницам ещё и в
    18», «по понедельникам в 9 и по пятницам в 18», "at 9 am, and on Fridays also at 6 pm"): two schedules
    one cron cannot say (every day at 9 and Fridays at 18 is not `0 9,18 * * 5`; planner127). The token
    spans of the two phrases, from the clause's first day or time word to its last; None otherwise. One
    clause with two hours («по пятницам в 9 и в 18») is one schedule."""
    timed: list[tuple[int, int, frozenset[str]]] = []
    for first, end in _clauses(tokens):
        clocks = [k for k in range(first, end) if _timed_clock(tokens, k) or tokens[k].lower in _NAMED_CLOCKS]
        if not clocks:
            continue
        month_days = {k: cue for k in range(first, end) if (cue := _month_day_cue(tokens, k))}
        days = frozenset(tokens[k].lower[:3] for k in range(first, end) if _is_day_cue(tokens[k]))
        days |= frozenset(month_days.values())
        # «каждый день в 9», "daily at 9": the daily cue opens the quoted phrase, though it names no day
        daily = [k for k in range(first, end) if tokens[k].lower in _DAILY_WORDS]
        cues = [k for k in range(first, end) if _is_day_cue(tokens[k])] + clocks + daily
        cues += [k - 1 if tokens[k].lang == "ru" else k for k in month_days]  # «первое число»: from «первое»
        start = min(cues)
        while start > first and (
            tokens[start - 1].lower in _DAY_LEADS | _TIME_PREPOSITIONS or tokens[start - 1].has({"каждый"})
        ):
            start -= 1
        last = max(cues)
        if last + 1 < end and tokens[last + 1].lower in _DAY_PARTS:
            last += 1
        timed.append((start, last + 1, days))
    for (a, b, days), (c, d, other) in itertools.pairwise(timed):
        if days != other:
            return (a, b), (c, d)
    return None


def two_schedules(text: str) -> tuple[str, str] | None:
    """The user's words of two schedules said in two clauses (see _split_schedules), or None."""
    tokens = tokenize(text or "")
    found = _split_schedules(tokens)
    if found is None:
        return None
    (a, b), (c, d) = found
    return text[tokens[a].start : tokens[b - 1].end], text[tokens[c].start : tokens[d - 1].end]


def _time_before(tokens: Sequence[Token], k: int, limit: int) -> int | None:
    """The index of a clock-like number at most `limit` words before `k` (skipping parts of day, commas,
    «ну», «а», prepositions)."""
    skipped = 0
    while k >= 0 and skipped <= limit:
        if _clock_number(tokens[k]) is not None:
            return k
        if not (
            tokens[k].lang == "punct" or tokens[k].lower in _DAY_PARTS | _TIME_PREPOSITIONS | {"ну", "а"}
        ):
            return None
        k, skipped = k - 1, skipped + 1
    return None


def _is_timed(tokens: Sequence[Token], k: int) -> bool:
    """A number said as a clock time: after «в»/"at" or before a part of day."""
    before = tokens[k - 1].lower if k > 0 else ""
    after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    return before in _TIME_PREPOSITIONS or after in _DAY_PARTS


def _offered_time(tokens: Sequence[Token], k: int) -> bool:
    """The second number ends its phrase («… или в 10», "… or 10 pm, as you like"), not "10 tables"."""
    k += 1
    if k < len(tokens) and tokens[k].lower in _DAY_PARTS:
        k += 1
    return (
        k >= len(tokens)
        or tokens[k].lang == "punct"
        or tokens[k].lower in _ALTERNATIVE_AFTER | {"is", "как", "if", "если", "будет", "would", "as"}
        or _starts_frequency(tokens[k])
    )


def _starts_frequency(token: Token) -> bool:
    """The word starts the schedule's frequency ("… or 8 every morning", «… или в 8 каждое утро», "… or 7
    daily"): the second number is an hour, not a count of what follows."""
    return token.lower in grammar.EVERY_WORDS or token.has({"каждый"}) or is_any(token, _FREQUENCY_CONCEPTS)


def _parse(text: str, alternatives: bool = True) -> ScheduleMatch | None:
    """The schedule `text` names; ``alternatives=False``: without asking about schedules offered as
    alternatives (the text is already one side of such an offer)."""
    tokens = tokenize(text)
    slots = ScheduleSlots()
    norm = _right_after_midnight(_normalize(text))
    # Clock times, frequency words, intervals and weekdays in words or by case: the grammar's slots, put
    # into `slots` as values and their words masked; numerals no slot used become digits for the rules
    # below that read digits (hour windows, bare hours next to a day cue, days of month, counts).
    if alternatives and (
        _alternative_times(tokens)
        or _alternative_frequencies(text)
        or _joined_frequencies(text)
        or _juxtaposed_frequencies(text)
        or _hedged_frequencies(text)
    ):
        raise _Unsupported("or")  # «в 9 вечера или в 10», "at 9 or 10 pm": the user has not chosen yet
    if alternatives and _split_schedules(tokens):
        raise _Unsupported("two schedules")  # «в 9, а по пятницам ещё и в 18»: asked, quoting both
    found = grammar.schedule_slots(tokens)
    used = {i for slot in found for i in range(slot.first, slot.last)}
    digits = numeral_rewrites(tokens, used) if grammar.enabled("clock") else []
    rewritten = [(a, b) for a, b, _ in digits]
    work, grammar_spans, clocks = _grammar_slots(found, apply_rewrites(norm, digits), slots)
    tz, tz_span = _find_timezone(text, work, [clock.end for clock in clocks])
    if tz_span:
        work = _mask(work, tz_span)

    manual = _MANUAL_RE.search(work)
    if manual:
        return _match(None, tz, text, [manual.span(), tz_span], rewritten)
    if any(rx.search(work) for rx in _UNSUPPORTED_RES):
        return None
    literal = _literal_cron(work)
    if literal:
        return _match(literal[0], tz, text, [literal[1], tz_span], rewritten)

    interval = _first_match(_INTERVAL_RULES, work)
    if interval:
        slots.set_interval(interval[0])
        work = _mask(work, interval[1])
    work, day_spans = _collect_days(work, slots)
    slots.window, window_span = _hour_window(work)
    if window_span:
        work = _mask(work, window_span)
    times, time_spans = _find_times(work, bool(slots.kinds), slots.hint)
    for clock in clocks:  # no part of day: the day cue's («каждый вечер в девять тридцать» 21:30)
        if not clock.confirmed and not slots.kinds:
            continue  # a bare «в час» is one o'clock only next to a day cue («каждую ночь в час»)
        hour, minute = clock.value
        slots.times.append((_to_24h(hour, slots.hint) if clock.detail is None else hour, minute))
    slots.times += times
    cron = slots.to_cron()
    if cron is None:
        return None
    spans = [*grammar_spans, interval[1] if interval else None, window_span, *day_spans, *time_spans]
    return _match(cron, tz, text, [*spans, tz_span], rewritten)


def ambiguous_timezone(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A time zone abbreviation in ``text`` that names several zones, with IANA names it may mean
    (``CST``: America/Chicago or Asia/Shanghai); None when there is none. Such a text has no schedule."""
    m = _TZ_ABBREVIATION_RE.search(text or "")
    if m is None or m.group(0) not in _TZ_AMBIGUOUS:
        try:
            _find_timezone(text or "", _normalize(text or ""))
        except _Unsupported as unknown:  # a zone-like word no table knows («по урюпинскому времени»)
            return f"«{unknown.args[0]}»", ("Europe/Moscow", "Asia/Yekaterinburg", "Europe/London")
        return None
    return m.group(0), _TZ_AMBIGUOUS[m.group(0)]


def parse_schedule(text: str) -> ScheduleMatch | None:
    """None when the text names no schedule at all (the planner then asks a question).

    Also None when the schedule cannot be expressed as one cron without guessing
    (``last day of month``, ``every 3 days``, ``at 9:00 and 21:30``, ``every 45 minutes``).
    """
    # the planner's rules ask about the same text several times (the request, its segments): read once
    return _parse_schedule(text, os.environ.get("AI_ETL_GRAMMAR_OFF", ""))


@lru_cache(maxsize=1024)
def _parse_schedule(text: str, grammar_off: str) -> ScheduleMatch | None:
    """parse_schedule's answer; `grammar_off` (the grammar families turned off, which it depends on) is
    part of the cache key only."""
    if not text or not text.strip():
        return None
    try:  # "s3://lake/hourly/", "/srv/drop/weekly/": a path's words name no schedule
        match = _parse(blank_paths(text))
    except _Unsupported:
        return None
    if match is None or not _valid(match.cron):
        return None
    return match


_QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|'[^']*'")
_WORD = re.compile(r"[\w-]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def detect_language(text: str) -> str:
    """``"ru"`` if the text has a Cyrillic word, else ``"en"``. Quoted values and codes (a word with a digit,
    or an upper-case abbreviation of up to four letters: "students in group ИВТ-21") are values, not the
    language the request is written in."""
    words = [w for w in _WORD.findall(_QUOTED.sub(" ", text or "")) if _CYRILLIC.search(w)]
    codes = [w for w in words if any(ch.isdigit() for ch in w) or (w.isupper() and len(w) <= 4)]
    return "ru" if len(words) > len(codes) else "en"


# --------------------------------------------------------------------------------------------------
# Descriptions
# --------------------------------------------------------------------------------------------------

_RU_DOW_DATIVE = {
    0: "воскресеньям", 1: "понедельникам", 2: "вторникам", 3: "средам",
    4: "четвергам", 5: "пятницам", 6: "субботам",
}  # fmt: skip
_INT = re.compile(r"\d{1,2}")
_INT_LIST = re.compile(r"\d{1,2}(?:,\d{1,2})*")


def _plural_ru(n: int, forms: tuple[str, str, str]) -> str:
    """Russian plural: (1 минута, 2 минуты, 5 минут)."""
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def _join_ru(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " и " + items[-1]


def _ru_days(dom: str, month: str, dow: str) -> str | None:
    """Day part in Russian, '' for every day, None for shapes we do not describe."""
    if month != "*":
        return "Ежегодно, 1 января" if (month, dom, dow) == ("1", "1", "*") else None
    if dom != "*":
        if dow != "*" or not _INT_LIST.fullmatch(dom):
            return None
        return "Ежемесячно, " + _join_ru([f"{d}-го" for d in dom.split(",")]) + " числа"
    if dow == "*":
        return ""
    if dow == "1-5":
        return "По будням"
    if dow in ("0,6", "6,0"):
        return "По выходным"
    if not re.fullmatch(r"[0-6](?:,[0-6])*", dow):
        return None
    return "По " + _join_ru([_RU_DOW_DATIVE[int(d)] for d in dow.split(",")])


def _ru_hours(hour: str) -> tuple[str, int, int | None] | None:
    """Hour field of an interval -> (prefix, first hour, last hour or None when unbounded)."""
    m = re.fullmatch(r"(?:\*|(\d{1,2})-(\d{1,2}))(?:/(\d{1,2}))?", hour)
    if not m:
        return None
    step = int(m.group(3) or 1)
    prefix = "" if step == 1 else f"Каждые {step} {_plural_ru(step, ('час', 'часа', 'часов'))}"
    if m.group(1) is None:
        return prefix, 0, None
    first, last = int(m.group(1)), int(m.group(2))
    return prefix, first, first + (last - first) // step * step


def _describe_ru(cron: str) -> str | None:
    """Deterministic Russian description for the shapes :func:`parse_schedule` produces."""
    minute, hour, dom, month, dow = cron.split()
    days = _ru_days(dom, month, dow)
    if days is None:
        return None
    if _INT.fullmatch(minute) and _INT_LIST.fullmatch(hour):
        times = _join_ru([f"{int(h):02d}:{int(minute):02d}" for h in hour.split(",")])
        return f"{days or 'Ежедневно'} в {times}"
    hours = _ru_hours(hour)
    if hours is None:
        return None
    prefix, first, last = hours
    if minute == "*" and not prefix:
        text, last_minute = "Каждую минуту", 59
    elif re.fullmatch(r"\*/\d{1,2}", minute) and not prefix:
        step = int(minute[2:])
        text, last_minute = f"Каждые {step} {_plural_ru(step, ('минуту', 'минуты', 'минут'))}", 60 - step
    elif _INT.fullmatch(minute):
        mm = int(minute)
        text, last_minute = prefix or "Каждый час", mm
        if mm and last is None:
            text += f" в {mm} {_plural_ru(mm, ('минуту', 'минуты', 'минут'))}"
    else:
        return None
    if last is not None:
        start_minute = 0 if not _INT.fullmatch(minute) else int(minute)
        text += f" с {first:02d}:{start_minute:02d} до {last:02d}:{last_minute:02d}"
    return f"{text}, {days[0].lower()}{days[1:]}" if days else text


def describe_schedule(cron: str | None, lang: str = "en") -> str:
    """Human description of a cron in ``"en"`` or ``"ru"``; ``None`` -> ``"manually"``/``"вручную"``.

    English comes from cron-descriptor (locale pinned, so output does not depend on the machine);
    Russian uses a small deterministic describer and falls back to the cron string itself.
    """
    ru = lang.lower().startswith("ru")
    if cron is None:
        return "вручную" if ru else "manually"
    if not _valid(cron):
        return cron
    if ru:
        return _describe_ru(cron) or cron
    try:
        return get_description(cron, Options(locale_code="en_US", use_24hour_time_format=False))
    except Exception:  # noqa: BLE001 - any descriptor failure falls back to the raw cron
        return cron
