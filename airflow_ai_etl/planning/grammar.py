"""Grammar of the offline planner: small rules over tokens that return slots with their evidence.

Each rule reads :func:`airflow_ai_etl.planning.lexer.tokenize` tokens and asks the lexicon for concepts
(never surface prefixes). A :class:`Slot` says what was understood, and where (character span), so the
planner can quote the words and so the frame knows which words are used.

Families (issue 15):

* clock times with digits or words and a part of day: «в два часа ночи» 02:00, «в час ночи» / «к часу»
  01:00, «в половине третьего» 02:30, «в пятнадцать тридцать» 15:30, "at seven pm" 19:00,
  "at eleven thirty pm" 23:30, "at a quarter past six" 06:15;
* frequency adverbs and adjectives: «ежедневно», «ежедневная выгрузка», «выгрузка ежечасная»;
* weekday by case: «в среду» (accusative), «по средам» (dative plural), «каждую среду»; «в среде
  разработки» (locative) is no weekday;
* merge/upsert and its synonyms («слияние по id», «мержить», «с дедупликацией по id» on a load of new
  rows, "merge", "upsert", «по ключу»), append-only («только добавление», "append-only", "insert only");
* destroy verb + object: a verb whose lemma is a DESTROY_VERB, confirmed when an object follows it in the
  same clause; a keyword alone is not a confirmed frame.

:func:`schedule_slots` gives the schedule's slots (clock times, frequencies, intervals, weekdays); the
assembler in :mod:`airflow_ai_etl.planning.schedule` puts them into a ``ScheduleSlots`` and builds the cron
from their values, never from rewritten text.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from airflow_ai_etl.planning.lexer import MULTIPLIERS, Numeral, Token, analyse, halves, numerals, tokenize
from airflow_ai_etl.planning.lexicon import EN_WEEKDAYS, RU_WEEKDAYS, TABLES, WEEKDAY_ABBREVIATIONS, is_

__all__ = ["Slot", "quantity_rewrites", "clock_times", "frequencies", "weekdays", "intervals",
           "destroy_frames", "merge_mode", "append_only", "schedule_slots", "numeral_rewrites",
           "apply_rewrites", "enabled", "is_destroy_word", "in_column_list"]  # fmt: skip

# Families switched to the grammar. AI_ETL_GRAMMAR_OFF="clock,freq" turns some off (shadow comparisons).
# mart: planning/marts/
FAMILIES = (
    "destroy",
    "clock",
    "freq",
    "weekday",
    "mode",
    "frame",
    "quantity",
    "changed",
    "dedupe",
    "typo",
    "mart",
    "trigger",  # planning/triggers.py: new files, after other loads, "when I trigger it"
)


def enabled(family: str) -> bool:
    return family not in {f.strip() for f in os.environ.get("AI_ETL_GRAMMAR_OFF", "").split(",")}


@dataclass(frozen=True)
class Slot:
    """What one rule understood: kind, value and the evidence span in the request."""

    kind: str  # clock | number | freq | weekday | destroy | mode
    value: Any
    start: int
    end: int
    first: int  # token indexes [first, last)
    last: int
    confirmed: bool = True  # for destroy: a verb with an object, not a keyword alone
    detail: Any = None  # clock: the part of day the words named (None: a bare 24-hour time)


CLOCK_PREPS = {"в", "во", "к", "at", "by", "around", "about", "около"}
LIST_WORDS = {"и", "and", ","}
COUNT_WORDS = {"раз", "once", "каждые", "every"}
RU_PARTS = {"утро": "morning", "день": "afternoon", "вечер": "evening", "ночь": "night"}
EN_PARTS = {"am": "morning", "a.m": "morning", "pm": "afternoon", "p.m": "afternoon"}


def _to_24h(hour: int, part: str | None) -> int | None:
    """Hour with its part of day; None when impossible («в 15 утра»)."""
    if part is None:
        return hour if 0 <= hour <= 23 else None
    if hour > 12:
        return hour if part in ("afternoon", "evening") and hour <= 23 else None
    if part == "morning":
        return 0 if hour == 12 else hour
    if part == "afternoon":
        return hour if hour == 12 else hour + 12
    if part == "evening":
        return 0 if hour == 12 else hour + 12
    # night: 12 -> 0, 0-5 as is, 6-11 -> evening hours («в 11 ночи» = 23:00)
    return 0 if hour == 12 else hour if hour <= 5 else hour + 12


def _part_of_day(tokens: Sequence[Token], i: int) -> tuple[str | None, int]:
    """A part of day at token i: («утра», «ночи», "pm", "in the morning", "at night") -> (part, next i)."""
    if i >= len(tokens):
        return None, i
    t = tokens[i]
    if t.lang == "ru" and is_(t, "PART_OF_DAY") and t.has(RU_PARTS, case=("gent",)):
        lemma = next(p.lemma for p in t.parses if p.lemma in RU_PARTS)
        return RU_PARTS[lemma], i + 1
    low = t.lower.rstrip(".")
    if low in EN_PARTS or low in ("am", "pm"):
        return EN_PARTS.get(low, "morning" if low == "am" else "afternoon"), i + 1
    if low in ("a", "p") and i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].lower == "m":
        return ("morning" if low == "a" else "afternoon"), i + 3
    words = [x.lower for x in tokens[i : i + 3]]
    if words[:2] == ["in", "the"] and len(words) == 3 and words[2] in ("morning", "afternoon", "evening"):
        return words[2], i + 3
    if words[:2] == ["at", "night"]:
        return "night", i + 2
    return None, i


def _numeral_at(nums: dict[int, Numeral], i: int) -> Numeral | None:
    return nums.get(i)


def clock_times(tokens: Sequence[Token]) -> list[Slot]:
    """Clock times after a preposition (в/к/at) with digits or words. The span starts after the
    preposition; value = (hour, minute). A bare «в семь» is not here (the cron assembler decides whether
    a bare hour next to a day cue is a time)."""
    nums = {n.first: n for n in numerals(tokens)}
    slots: list[Slot] = []
    i = 0
    while i < len(tokens) - 1:
        prep = tokens[i]
        listed = bool(slots) and slots[-1].last == i and prep.lower in LIST_WORDS  # "at 9 am and 9 pm"
        if prep.lower == "без":  # «без пятнадцати восемь» 7:45
            slot = _clock_before_hour(tokens, nums, i)
            if slot:
                slots.append(slot)
                i = slot.last
                continue
        if (prep.lower not in CLOCK_PREPS and not listed) or (i > 0 and tokens[i - 1].lower in COUNT_WORDS):
            i += 1  # «раз в два часа», «каждые в ...»: a frequency, not a clock time
            continue
        slot = _clock_after(tokens, nums, i + 1)
        if slot:
            slots.append(slot)
            i = slot.last
        else:
            i += 1
    return slots


def _clock_after(tokens: Sequence[Token], nums: dict[int, Numeral], j: int) -> Slot | None:
    start = j
    t = tokens[j]
    hour: int | None
    minute = 0
    explicit = False  # minutes or an hour word make a time even without a part of day
    prev = tokens[j - 2].lower if j >= 2 else ""
    if t.lower in ("a", "the") and j + 1 < len(tokens):  # "at a quarter past six"
        j += 1
        t = tokens[j]
    if (is_(t, "HALF") or is_(t, "QUARTER")) and t.lang == "ru":
        # «в половине третьего» 2:30, «в четверть седьмого» 6:15 (the ordinal names the next hour)
        n = _numeral_at(nums, j + 1)
        if n is None or not n.ordinal or not 1 <= n.value <= 12:
            return None
        hour, minute, j, explicit = n.value - 1, 30 if is_(t, "HALF") else 15, n.last, True
    elif t.lang == "ru" and t.lower.startswith("пол") and _half_hour(t) is not None:
        hour, minute, j, explicit = _half_hour(t), 30, j + 1, True  # «в пол-восьмого», «полвосьмого»
    elif (
        t.lower in ("half", "quarter")
        and j + 2 < len(tokens)
        and tokens[j + 1].lower in ("past", "to")
        and tokens[j + 2].lower in ("midnight", "noon")
    ):  # "half past midnight" 0:30, "quarter to noon" 11:45: the hour word is a 24-hour time already
        delta, base = (30 if t.lower == "half" else 15), (0 if tokens[j + 2].lower == "midnight" else 12)
        at = (base, delta) if tokens[j + 1].lower == "past" else ((base - 1) % 24, 60 - delta)
        named = "afternoon" if at[0] >= 12 else "night"  # a 24-hour time: no day cue's part of day moves it
        return Slot("clock", at, tokens[start].start, tokens[j + 2].end, start, j + 3, detail=named)
    elif t.lower in ("half", "quarter") and j + 2 < len(tokens) and tokens[j + 1].lower in ("past", "to"):
        n = _numeral_at(nums, j + 2)
        if n is None or not 1 <= n.value <= 12:
            return None
        delta = 30 if t.lower == "half" else 15
        hour, minute = (n.value, delta) if tokens[j + 1].lower == "past" else ((n.value - 1) % 12, 60 - delta)
        j, explicit = n.last, True
    elif t.lang == "ru" and is_(t, "HOUR_WORD") and t.has({"час"}, case=("accs", "nomn", "datv", "loct")):
        # «в час ночи», «к часу»: the hour word alone is one o'clock; not «раз в час», «каждый час»
        if prev in ("раз", "каждый", "кажд") or tokens[j - 1].lower not in ("в", "к"):
            return None
        part, after = _part_of_day(tokens, j + 1)
        if after < len(tokens) and tokens[after].lower == "пик":  # «в час пик»: the rush hour
            return None
        # «каждую ночь в час»: one o'clock without a part of day is only a time next to a day cue
        # (confirmed=False: the assembler drops it when there is none)
        bare = part is None and not (tokens[j - 1].lower == "к" and t.lower == "часу")
        hour24 = _to_24h(1, part)
        return Slot("clock", (hour24, 0), t.start, tokens[after - 1].end, start, after, confirmed=not bare,
                    detail=part)  # fmt: skip
    elif (minutes := _minutes_of_hour(tokens, nums, j)) is not None:
        hour, minute, j = minutes  # "twenty past five", "ten to six", «двадцать минут шестого»
        explicit = True
    else:
        n = _numeral_at(nums, j)
        if n is None or n.ordinal or ":" in t.text:
            return None
        if t.lang == "num" and n.last == j + 1:
            return None  # digits are read by the cron assembler
        hour, j = n.value, n.last
        if j < len(tokens) and tokens[j].lang == "ru" and is_(tokens[j], "HOUR_WORD"):
            j, explicit = j + 1, True
        elif j < len(tokens) and tokens[j].lower in ("o'clock", "oclock"):
            j, explicit = j + 1, True
        m = _numeral_at(nums, j)
        if m is not None and m.value == 0 and tokens[j].lang != "num":  # «двадцать три ноль ноль / ноль пять»
            z = _numeral_at(nums, m.last)
            if z is not None and 0 <= z.value <= 9 and not z.ordinal:
                minute, j, explicit = z.value, z.last, True
        elif m is not None and not m.ordinal and 10 <= m.value <= 59 and tokens[j].lang != "num":
            minute, j, explicit = m.value, m.last, True  # «пятнадцать тридцать», "eleven thirty"
            if j < len(tokens) and tokens[j].lang == "ru" and tokens[j].has({"минута"}):
                j += 1
    part, after = _part_of_day(tokens, j)
    if part is None and not explicit:
        return None
    if hour is None or not 0 <= minute <= 59:
        return None
    hour24 = _to_24h(hour, part)
    if hour24 is None:
        return None
    return Slot(
        "clock", (hour24, minute), tokens[start].start, tokens[after - 1].end, start, after, detail=part
    )


def _minutes_of_hour(
    tokens: Sequence[Token], nums: dict[int, Numeral], j: int
) -> tuple[int, int, int] | None:
    """Minutes said before the hour: "twenty past five" 5:20, "ten to six" 5:50, "20 minutes past 5",
    «двадцать минут шестого» 5:20 (the ordinal names the next hour) -> (hour, minute, next index)."""
    m = _numeral_at(nums, j)
    if m is None or m.ordinal or not 1 <= m.value <= 59:
        return None
    k = m.last
    if k < len(tokens) and (
        tokens[k].lower in ("minute", "minutes", "mins", "min") or tokens[k].has({"минута"})
    ):
        k += 1
    if k < len(tokens) and tokens[k].lower in ("past", "after", "to", "before") and tokens[k].lang == "en":
        h = _numeral_at(nums, k + 1)
        if (
            h is None
            or h.ordinal
            or not 1 <= h.value <= 12
            or (tokens[k].lower in ("to", "before") and m.value > 30)
        ):
            return None
        if tokens[k].lower in ("past", "after"):
            return h.value, m.value, h.last
        return (h.value - 1) or 12, 60 - m.value, h.last
    h = _numeral_at(nums, k)
    if k > m.last and h is not None and h.ordinal and 1 <= h.value <= 12 and tokens[k].lang == "ru":
        return (h.value - 1) or 12, m.value, h.last  # «двадцать минут шестого»
    return None


def _half_hour(token: Token) -> int | None:
    """«пол-восьмого» / «полвосьмого» -> 7 (half past seven); None for other words."""
    rest = token.lower[3:].lstrip("-")
    if not rest:
        return None
    (inner,) = tokenize(rest) or (None,)
    if inner is None or not inner.ordinal or inner.number is None or not 1 <= inner.number <= 12:
        return None
    return inner.number - 1


def _clock_before_hour(tokens: Sequence[Token], nums: dict[int, Numeral], i: int) -> Slot | None:
    """«без пятнадцати восемь (утра)», «без четверти восемь»: minutes before an hour -> 7:45."""
    m = _numeral_at(nums, i + 1)
    if m is None and i + 1 < len(tokens) and tokens[i + 1].lang == "ru" and is_(tokens[i + 1], "QUARTER"):
        m = Numeral(15, i + 1, i + 2, False, tokens[i + 1].start, tokens[i + 1].end)  # «без четверти»
    if m is not None and m.last - m.first == 2 and _numeral_at(nums, m.last) is None:
        # «без десяти шесть»: the composer read «десяти шесть» as 16; minutes, then the hour
        first, hour_token = tokens[m.first], tokens[m.first + 1]
        if first.number is not None and hour_token.number is not None:
            hour = Numeral(hour_token.number, m.first + 1, m.last, False, hour_token.start, hour_token.end)
            nums = {**nums, m.first + 1: hour}
            m = Numeral(first.number, m.first, m.first + 1, False, first.start, first.end)
    if m is None or m.ordinal or not 1 <= m.value <= 30:
        return None
    j = m.last
    if j < len(tokens) and tokens[j].has({"минута"}):
        j += 1
    h = _numeral_at(nums, j)
    if h is None or h.ordinal or not 1 <= h.value <= 12:
        return None
    part, after = _part_of_day(tokens, h.last)
    hour24 = _to_24h(h.value - 1 if h.value > 1 else 12, part)
    if hour24 is None:
        return None
    return Slot(
        "clock", (hour24, 60 - m.value), tokens[i].start, tokens[after - 1].end, i, after, detail=part
    )


FREQ_CANONICAL = {
    "FREQ_MINUTE": "per minute", "FREQ_HOUR": "hourly", "FREQ_DAY": "daily", "FREQ_NIGHT": "nightly",
    "FREQ_WEEK": "weekly", "FREQ_MONTH": "monthly", "FREQ_YEAR": "yearly",
}  # fmt: skip


def frequencies(tokens: Sequence[Token]) -> list[Slot]:
    """Russian frequency adverbs and adjectives («ежедневно», «ежедневная», «ежечасную»)."""
    slots = []
    for i, t in enumerate(tokens):
        if t.lang != "ru":
            continue
        for concept in FREQ_CANONICAL:
            if is_(t, concept, pos=("ADVB", "ADJF", "ADJS", None)):
                slots.append(Slot("freq", concept, t.start, t.end, i, i + 1))
                break
    return slots


NEGATIONS = {"не", "кроме", "except", "not", "исключая", "excluding"}


def weekdays(tokens: Sequence[Token]) -> list[Slot]:
    """Russian weekdays by case: «в/во» + accusative, «по» + dative plural, «каждый» + accusative, and
    lists of them («по понедельникам и средам»). A weekday after «не»/«кроме» is left to the exception
    rule; «в среде» (locative: an environment) is no weekday."""
    slots: list[Slot] = []
    i = 0
    while i < len(tokens) - 1:
        prep = tokens[i]
        head = _weekday_after(tokens, i)
        if head is None or (i > 0 and tokens[i - 1].lower in NEGATIONS):
            i += 1
            continue
        case, number = head
        listed = [Slot("weekday", _dow(tokens[i + 1]), prep.start, tokens[i + 1].end, i, i + 2)]
        j = i + 2
        while j + 1 < len(tokens) and tokens[j].lower in (",", "и"):  # list in the same case
            k = j + 1
            if tokens[k].lower in ("в", "во", "по") and k + 1 < len(tokens):
                k += 1
            w = tokens[k]
            if not (w.lang == "ru" and w.has(RU_WEEKDAYS, pos=("NOUN",), case=case, number=number)):
                break
            listed.append(Slot("weekday", _dow(w), w.start, w.end, k, k + 1))
            j = k + 1
        if not negated_after(tokens, j):  # «по субботам не запускать»: the exception rule reads them
            slots += listed
        i = j
    return slots


# «не надо», «не нужно»: a negation with no verb of its own; «не забыть/забудь» is no negation at all
_NEGATED_WORDS = frozenset({"надо", "нужно", "требуется"})
_NOT_NEGATING = frozenset({"забыть", "забывать"})


def negated_after(tokens: Sequence[Token], j: int) -> bool:
    """The words at ``j`` negate what precedes them: «не» (after a dash) and a verb or «надо/нужно»
    («по выходным не запускать», «в сб — не грузим», «в субботу не надо»)."""
    j += j < len(tokens) and tokens[j].text in ("—", "–", "-")
    if j + 1 >= len(tokens) or tokens[j].lower != "не":
        return False
    word = tokens[j + 1]
    if word.has(_NOT_NEGATING):
        return False  # «по пятницам не забудь маскировать телефон»: on Fridays
    return word.lower in _NEGATED_WORDS or any(p.pos in ("VERB", "INFN") for p in word.parses[:1])


ABBREVIATION_PREPS = {"по", "в", "во", "on", "every", "each"}
ABBREVIATION_JOINS = {",", "/", "и", "and", "&"}


def weekday_abbreviations(tokens: Sequence[Token]) -> list[Slot]:
    """Weekdays written as abbreviations: «по пн, ср и пт», «в чт», "Mon/Wed/Fri", "on Tue and Thu". A run
    of them counts when it follows a preposition or «каждый», or has two or more days (a lone «ср» or
    "sun" is a word of its own). The first slot spans the preposition: it starts a new list."""
    slots: list[Slot] = []
    i = 0
    while i < len(tokens):
        if tokens[i].lower not in WEEKDAY_ABBREVIATIONS or (i > 0 and tokens[i - 1].lower in NEGATIONS):
            i += 1
            continue
        run, j = [i], i + 1
        while j + 1 < len(tokens) and tokens[j].lower in ABBREVIATION_JOINS:
            if tokens[j + 1].lower not in WEEKDAY_ABBREVIATIONS:
                break
            run.append(j + 1)
            j += 2
        prep = (
            i - 1
            if i > 0 and (tokens[i - 1].lower in ABBREVIATION_PREPS or tokens[i - 1].has({"каждый"}))
            else None
        )
        if (
            (prep is None and len(run) < 2)
            or (prep is not None and prep > 0 and tokens[prep - 1].lower in NEGATIONS)
            or negated_after(tokens, j)
        ):
            i = j if prep is not None else i + 1  # «не в сб и вс»: the exception rule reads them
            continue
        # the first slot takes two tokens (its preposition, or the joiner after it): a new list starts there
        first, last = (prep, i + 1) if prep is not None else (i, i + 2)
        for n, k in enumerate(run):
            a, b = (first, last) if n == 0 else (k, k + 1)
            day = WEEKDAY_ABBREVIATIONS[tokens[k].lower]
            slots.append(Slot("weekday", day, tokens[a].start, tokens[b - 1].end, a, b))
        i = j
    return slots


ASIDE_MARKS = {"(", ":", ",", "—", "–", "-"}
ASIDE_NEXT = {"в", "во", "at", "с", "утром", "днем", "вечером", "ночью", "morning", "evening", "night"}


def aside_weekdays(tokens: Sequence[Token]) -> list[Slot]:
    """A weekday named bare (nominative or abbreviation) right after a weekly frequency, opening an aside:
    «раз в неделю (среда, 12:00)», «еженедельно: пятница», «раз в неделю, ср и пт». Out of such a place a
    bare «среда» is a noun of its own («среда разработки»), so only there it names the day. The first
    slot spans the mark: it starts a new list."""
    slots: list[Slot] = []
    for i in range(1, len(tokens) - 1):
        if tokens[i].text not in ASIDE_MARKS or not any(
            w.has({"неделя"}) or is_(w, "FREQ_WEEK") or w.lower in ("week", "weekly")
            for w in tokens[max(0, i - 3) : i]
        ):
            continue
        k, first, run = i + 1, i, []
        while k < len(tokens):
            day = _bare_weekday(tokens[k])
            if day is None:
                break
            run.append(Slot("weekday", day, tokens[first].start, tokens[k].end, first, k + 1))
            if (
                k + 2 < len(tokens)
                and tokens[k + 1].lower in (",", "и", "/")
                and _bare_weekday(tokens[k + 2])
            ):
                k, first = k + 2, k + 2
                continue
            break
        after = tokens[k + 1] if run and k + 1 < len(tokens) else None
        if after is None or after.lang in ("punct", "num") or after.lower in ASIDE_NEXT:
            slots += run  # «среда, 12:00», «(пятница)», «вторник в 9»; not «среда разработки»
    return slots


def _bare_weekday(token: Token) -> int | None:
    if token.lower in WEEKDAY_ABBREVIATIONS:
        return WEEKDAY_ABBREVIATIONS[token.lower]
    if token.lang == "ru" and token.has(RU_WEEKDAYS, pos=("NOUN",), case=("nomn",), number="sing"):
        return _dow(token)
    return None


def _weekday_after(tokens: Sequence[Token], i: int) -> tuple[tuple[str, ...], str | None] | None:
    prep, word = tokens[i], tokens[i + 1]
    if word.lang != "ru" or not word.has(RU_WEEKDAYS, pos=("NOUN",)):
        return None
    if prep.lower in ("в", "во") and word.has(RU_WEEKDAYS, case=("accs",), number="sing"):
        return ("accs",), "sing"
    if prep.lower == "по" and word.has(RU_WEEKDAYS, case=("datv",), number="plur"):
        return ("datv",), "plur"
    if prep.has({"каждый"}) and word.has(RU_WEEKDAYS, case=("accs", "nomn"), number="sing"):
        return ("accs", "nomn"), "sing"
    return None


def _dow(token: Token) -> int:
    lemma = next(p.lemma for p in token.parses if p.lemma in RU_WEEKDAYS)
    return RU_WEEKDAYS[lemma]


def en_weekday(token: Token) -> int | None:
    return EN_WEEKDAYS.get(token.lower.rstrip("s"))


# Units of an interval: Russian lemmas and English words -> unit.
_RU_UNITS = {"минута": "minute", "час": "hour", "день": "day", "сутки": "day", "неделя": "week",
             "месяц": "month", "год": "year"}  # fmt: skip
_EN_UNITS = {
    **dict.fromkeys(("minute", "minutes", "min", "mins", "m"), "minute"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), "hour"),
    **dict.fromkeys(("day", "days"), "day"), **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"), **dict.fromkeys(("year", "years"), "year"),
}  # fmt: skip
_RU_SHORT_UNITS = {"мин": "minute", "ч": "hour"}
EVERY_WORDS = {"every", "each", "evry"}
CYRILLIC_WORD = re.compile(r"[а-яё]+")
CLOCK_UNITS = ("minute", "hour")


def _unit(token: Token) -> str | None:
    if token.lang == "en":
        return _EN_UNITS.get(token.lower)
    if token.lang != "ru":
        return None
    if token.lower in _RU_SHORT_UNITS:
        return _RU_SHORT_UNITS[token.lower]
    return next((_RU_UNITS[p.lemma] for p in token.parses if p.lemma in _RU_UNITS and p.pos == "NOUN"), None)


def _glued_interval(token: Token) -> tuple[int, str] | None:
    """A number with its unit glued on: "6h", "15min", "2hrs", «6ч», «15мин» -> (6, "hour")."""
    match = re.fullmatch(r"(\d{1,3})([a-zа-я]+)", token.lower)
    if match is None:
        return None
    word = match.group(2)
    unit = _EN_UNITS.get(word) or _RU_SHORT_UNITS.get(word)
    if unit is None and CYRILLIC_WORD.fullmatch(word):
        unit = next((_RU_UNITS[p.lemma] for p in analyse(word) if p.lemma in _RU_UNITS), None)
    return (int(match.group(1)), unit) if unit and int(match.group(1)) > 0 else None


def intervals(tokens: Sequence[Token]) -> list[Slot]:
    """Intervals: an "every" word (every/each, «каждый» in any form but «каждого», «раз в») + a number
    in digits or words (or "other" / «второй» = 2) + a unit: "every 15 minutes", «каждые пятнадцать
    минут», «раз в два часа», "every other hour", «каждую минуту», «каждый час». value = (n, unit).
    Days, weeks, months and years are read only with a number («каждые 3 дня»: no single cron; "every day"
    and «каждую неделю» are the calendar's day cues)."""
    nums = {n.first: n for n in numerals(tokens)}
    slots: list[Slot] = []
    i = 0
    while i < len(tokens) - 1:
        t = tokens[i]
        j = None
        if t.lower in EVERY_WORDS:
            j = i + 1
        elif t.lang == "ru" and t.has({"каждый"}) and t.lower != "каждого":  # «в 15 минут каждого часа»
            j = i + 1
        elif t.lower == "раз" and tokens[i + 1].lower == "в":
            j = i + 2
        if j is None or j >= len(tokens):
            i += 1
            continue
        n, counted = 1, False
        word = tokens[j]
        if word.lower == "other" or (word.lang == "ru" and word.ordinal and word.number == 2):
            n, counted, j = 2, True, j + 1  # "every other hour", «каждый второй час»
        elif j in nums and not nums[j].ordinal:
            n, counted, j = nums[j].value, True, nums[j].last
        elif (glued := _glued_interval(tokens[j])) is not None:  # "every 6h", «каждые 15мин»
            (n, glued_unit), counted = glued, True
            if glued_unit in CLOCK_UNITS or n > 1:
                slots.append(Slot("interval", (n, glued_unit), t.start, tokens[j].end, i, j + 1))
                i = j + 1
                continue
        unit = _unit(tokens[j]) if j < len(tokens) else None
        if unit is None or (unit not in CLOCK_UNITS and not counted) or (unit not in CLOCK_UNITS and n == 1):
            i += 1
            continue
        slots.append(Slot("interval", (n, unit), t.start, tokens[j].end, i, j + 1))
        i = j + 1
    return slots


_RU_PART_ADVERBS = {"утром": "morning", "днем": "afternoon", "вечером": "evening", "ночью": "night"}
_EN_PART_WORDS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
                  "mornings": "morning", "evenings": "evening", "nights": "night"}  # fmt: skip


def parts_of_day(tokens: Sequence[Token]) -> list[Slot]:
    """A part of day said apart from the hour: «в воскресенье вечером в 11», «по будням утром», "every
    Sunday night at 11", "Friday evenings at 8" (value = morning | afternoon | evening | night). An
    English part word counts after a weekday, "on", "in", "the" ("every night" is the day rules' cue)."""
    slots = []
    for i, t in enumerate(tokens):
        if t.lang == "ru" and t.lower in _RU_PART_ADVERBS:
            slots.append(Slot("part", _RU_PART_ADVERBS[t.lower], t.start, t.end, i, i + 1))
        elif t.lang == "en" and t.lower in _EN_PART_WORDS and i > 0:
            prev = tokens[i - 1].lower
            if en_weekday(tokens[i - 1]) is not None or prev in (
                "on",
                "in",
                "the",
            ):  # "every night": a day cue
                slots.append(Slot("part", _EN_PART_WORDS[t.lower], t.start, t.end, i, i + 1))
    return slots


def schedule_slots(tokens: Sequence[Token]) -> list[Slot]:
    """Every schedule slot the grammar reads (families switched off are left out): clock times,
    frequency words, intervals, weekdays. They do not overlap: a later rule skips used tokens."""
    slots: list[Slot] = []
    used: set[int] = set()

    def take(found: list[Slot]) -> None:
        for slot in found:
            if not used.intersection(range(slot.first, slot.last)):
                slots.append(slot)
                used.update(range(slot.first, slot.last))

    if enabled("clock"):
        take(clock_times(tokens))
    if enabled("freq"):
        take(intervals(tokens))
        take(frequencies(tokens))
    if enabled("weekday"):
        take(weekdays(tokens))
        take(aside_weekdays(tokens))  # «раз в неделю (среда, 12:00)»
        take(weekday_abbreviations(tokens))
    if enabled("clock"):
        take(parts_of_day(tokens))
    return slots


def numeral_rewrites(tokens: Sequence[Token], used: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, digits) for the numerals in words no slot used («с девяти до шести», «каждый день в
    семь»): the lexer's value written as digits for the rules that read digits (hour windows, bare
    hours, days of month, counts). Ordinals are left as words (the day-of-month rule reads them)."""
    out = []
    found = numerals(tokens)
    for idx, n in enumerate(found):
        if any(k in used for k in range(n.first, n.last)) or tokens[n.first].lang == "num":
            continue
        if n.ordinal:  # «пятнадцатое число», "the fifteenth of every month": a day of the month in digits
            run_end = _ordinal_run_end(tokens, found, idx)  # «первого и шестнадцатого числа»: the list's end
            after = tokens[run_end] if run_end < len(tokens) else None
            if 1 <= n.value <= 31 and after is not None and after.lang == "ru" and after.has({"число"}):
                out.append((n.start, n.end, f"{n.value}-е"))
                continue
            if 0 <= n.value <= 59 and after is not None and after.lang == "ru" and after.has({"минута"}):
                out.append((n.start, n.end, f"{n.value}-й"))  # «на пятой минуте» -> «на 5-й минуте»
                continue
            if 1 <= n.value <= 31 and _on_the(tokens, found, idx):
                out.append((n.start, n.end, f"{n.value}th"))  # "on the first and the fifteenth"
                continue
            nxt = [t.lower for t in tokens[n.last : n.last + 3]]
            if 1 <= n.value <= 31 and nxt[:1] == ["of"] and "month" in nxt or nxt[:1] == ["day"]:
                out.append((n.start, n.end, f"{n.value}th"))
            continue
        out.append((n.start, n.end, str(n.value)))
    return out


_LIST_GLUE = {",", "и", "and", "&", "the"}


def _ordinal_run_end(tokens: Sequence[Token], found: Sequence[Numeral], k: int) -> int:
    """Token index after the list of ordinals that starts at found[k] («первого, пятого и шестого»)."""
    end = found[k].last
    for nxt in found[k + 1 :]:
        if not nxt.ordinal or any(t.lower not in _LIST_GLUE for t in tokens[end : nxt.first]):
            break
        end = nxt.last
    return end


def _on_the(tokens: Sequence[Token], found: Sequence[Numeral], k: int) -> bool:
    """found[k] is in a list of ordinals right after "on the" ("on the first and the fifteenth")."""
    while k > 0 and found[k - 1].ordinal:
        gap = tokens[found[k - 1].last : found[k].first]
        if not gap or any(t.lower not in _LIST_GLUE for t in gap):
            break
        k -= 1
    first = found[k].first
    return first >= 2 and [t.lower for t in tokens[first - 2 : first]] == ["on", "the"]


# Words after which a number is a quantity compared in a filter («больше пяти тысяч», "over two hundred").
COMPARISON_WORDS = {
    "больше", "более", "свыше", "выше", "меньше", "менее", "ниже", "от", "до", "дороже", "дешевле",
    "дольше", "over", "above", "under", "below", "than", "least", "most", "between", "между",
    "длиннее", "короче", "longer", "shorter",
}  # fmt: skip
# A number followed by one of these is a time or an interval, read by the schedule rules.
_TIME_LEMMAS = {"час", "минута", "секунда", "утро", "вечер", "ночь", "день", "сутки", "неделя", "месяц"}
_TIME_WORDS = {"hour", "hours", "minute", "minutes", "min", "mins", "am", "pm", "o'clock", "day", "days",
               "week", "weeks", "month", "months", "morning", "evening", "night", "afternoon"}  # fmt: skip


_COMPARATIVES = {"больше", "более", "свыше", "меньше", "менее", "дольше", "over", "above", "under", "below",
                 "than", "длиннее", "короче", "longer", "shorter"}  # fmt: skip
# «просрочка свыше девяноста дней», "overdue more than ninety days": days, weeks and months measure a column
# there as well (digits were read so already; planner26)
_DURATION_LEMMAS = {"час", "минута", "секунда", "день", "сутки", "неделя", "месяц"}
_DURATION_WORDS = {"hour", "hours", "minute", "minutes", "min", "mins", "second", "seconds", "day", "days",
                   "week", "weeks", "month", "months"}  # fmt: skip


# «с просрочкой от девяноста дней», "at least ninety days": a lower bound in days is a quantity too (as «от 90
# дней» in digits already was; planner37), and so in weeks, months, years (planner38: «от двух месяцев» was
# dropped; the filters convert it to the unit of the column compared, or ask). Hours stay the schedule's («от
# двух часов»).
_LOWER_BOUNDS = {"от", "least"}
_DAY_LEMMAS = {"день", "сутки", "неделя", "месяц", "год"}
_DAY_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years"}


def _lower_bound_of_days(prev: str, nxt: Token | None) -> bool:
    """«от девяноста дней», "at least sixty days": the number after a lower-bound word measures a column in
    days."""
    if prev not in _LOWER_BOUNDS or nxt is None:
        return False
    return nxt.lower in _DAY_WORDS or (nxt.lang == "ru" and nxt.has(_DAY_LEMMAS))


# «с разрядом не ниже пятого», «на этаже выше третьего»: a Russian ordinal after «ниже»/«выше» (with or
# without «не») is a rank compared as its number; one before a time or calendar word («числа») is not
_ORDINAL_BOUNDS = {"ниже", "выше"}


def _ordinal_bound(tokens: Sequence[Token], first: int, nxt: Token | None) -> bool:
    """The ordinal at `first` is a bound after «(не) ниже»/«(не) выше», with no time word after it."""
    if first == 0 or tokens[first - 1].lower not in _ORDINAL_BOUNDS or tokens[first - 1].lang != "ru":
        return False
    return nxt is None or not (
        nxt.lower in _TIME_WORDS or (nxt.lang == "ru" and (nxt.has(_TIME_LEMMAS) or nxt.has({"число"})))
    )


def quantity_rewrites(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every quantity written in words: a number with a multiplier («пяти
    тысяч» -> 5000, "two thousand") or a number right after a comparison word («от ста» -> 100, "over
    fifty" -> 50), unless a time word follows it (then it is the schedule's). The filter rules read
    digits, so a quantity in words is no longer dropped silently."""
    out = []
    for n in numerals(tokens):
        words = tokens[n.first : n.last]
        nxt = tokens[n.last] if n.last < len(tokens) else None
        prev = tokens[n.first - 1].lower if n.first else ""
        if n.ordinal and _ordinal_bound(tokens, n.first, nxt):
            out.append((n.start, n.end, str(n.value)))  # «с разрядом не ниже пятого»: grade >= 5
            continue
        if n.ordinal or all(t.lang == "num" for t in words):
            continue
        start = n.start
        if prev == "a" and n.first >= 2:  # "over a thousand": the article goes with the number
            prev, start = tokens[n.first - 2].lower, tokens[n.first - 1].start
        # «длительностью больше сорока минут», "longer than forty minutes": after a comparative a
        # duration unit measures a column («каждые сорок минут», «до пяти утра» stay the schedule's).
        duration = (
            prev in _COMPARATIVES
            and nxt is not None
            and (nxt.lower in _DURATION_WORDS or (nxt.lang == "ru" and nxt.has(_DURATION_LEMMAS)))
        ) or _lower_bound_of_days(prev, nxt)
        if (
            nxt is not None
            and not duration
            and (nxt.lower in _TIME_WORDS or (nxt.lang == "ru" and nxt.has(_TIME_LEMMAS)))
        ):
            continue
        # «пяти тысяч», "two thousand"; a bare «тысячи» only after a comparison word («больше тысячи»)
        multiplied = len(words) > 1 and any(t.lang != "num" and t.number is None for t in words)
        # «тяжелее двадцати кг», «старше сорока»: any Russian comparative compares the number too
        compared = prev in COMPARISON_WORDS or (
            n.first > 0 and any(p.pos == "COMP" for p in tokens[n.first - 1].parses[:1])
        )
        if (multiplied or compared) and len(str(n.value)) <= n.end - start:
            out.append((start, n.end, str(n.value)))
    return out


# Words between a comparison and its quantity: «больше чем на полтора часа», "more than one and a half".
_COMPARISON_LINKS = {"чем", "на", "more", "less", "than", "by", "a", "an"}


def _after_comparison(tokens: Sequence[Token], first: int) -> bool:
    """A comparison word (or a Russian comparative) comes before token `first`, past linking words."""
    k = first - 1
    while k >= 0 and tokens[k].lower in _COMPARISON_LINKS and tokens[k].lower not in COMPARISON_WORDS:
        k -= 1
    return k >= 0 and (
        tokens[k].lower in COMPARISON_WORDS or any(p.pos == "COMP" for p in tokens[k].parses[:1])
    )


def half_rewrites(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every number with a half in words after a comparison or before a multiplier
    («больше полутора часов» -> «больше 1.5 часов», "over half an hour" -> "over 0.5 hour", «полторы
    тысячи» -> «1.5 тысячи»): the filters read decimals in the column's unit; elsewhere («каждые полтора
    часа») the words stay the schedule's."""
    out = []
    for half in halves(tokens):
        nxt = tokens[half.last] if half.last < len(tokens) else None
        factor = next(
            (MULTIPLIERS[w] for w in (nxt.lemmas | {nxt.lower} if nxt else ()) if w in MULTIPLIERS), 0
        )
        if nxt is not None and factor:  # «полторы тысячи»: 1500, the multiplier read with it
            out.append((half.start, nxt.end, str(round(half.value * factor))))
        elif _after_comparison(tokens, half.first):
            out.append((half.start, half.end, f"{half.value:g}"))
    return out


# «выше 10 процентов», "over 12 percent": a number of percent is the number with its sign (the filters read
# «выше 10%» against a column in %, and a mart never reads «процентов» as a metric to compute)
_PERCENT_WORD = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,]\d{1,2})?)\s+(?:процент(?:а|ов)?|percent|per\s+cent)\b", re.I
)


def percent_rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, «N%») for every number followed by the word percent, for `apply_rewrites`."""
    return [(m.start(), m.end(), f"{m.group(1)}%") for m in _PERCENT_WORD.finditer(text)]


# «10 000», «1 500 000», "15 000": digits grouped by threes with a space (a no-break space is plain by now).
# Not inside a list of numbers («коды 101 102 и 103», "ids 120, 340 560"): there a space parts two numbers.
_GROUPED = re.compile(
    r"(?<![\d.,])(?<![\d,]\s)(?P<n>[1-9]\d{0,2}(?: \d{3})+)(?![\d.,]?\d)(?!\s+(?:и|или|and|or)\s+\d)"
)
# A comma and a digit after the number may continue a list («коды 120 340, 560»)...
_LIST_COMMA_AFTER = re.compile(r",\s*\d")
# ...but not after a comparison word: «больше 100 000, 5-го числа» compares one number (planner151: it was
# read as `> 100`, a filter a thousand times too wide).
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _compared(text: str, start: int) -> bool:
    """The word right before `start` is a comparison word («больше», «от», "over", "least")."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in COMPARISON_WORDS


def grouped_number_rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every number written with spaces between its thousands, for `apply_rewrites`:
    «от 10 000» was read as `>= 10` and its «000» left over (planner138)."""
    return [
        (m.start(), m.end(), m.group("n").replace(" ", ""))
        for m in _GROUPED.finditer(text)
        if not _LIST_COMMA_AFTER.match(text, m.end()) or _compared(text, m.start())
    ]


# A number with a thousands or millions suffix: "1.5k", "20k", «20к», «1,5 тыс.», "2.5 thousand", «3 млн».
# The abbreviation's dot goes with it only inside a sentence («от 2 тыс. руб.»), not when it ends one.
_SCALED = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,9}(?:[.,]\d{1,3})?)(?:(?P<k>[kк])|\s?(?P<word>тыс(?:яч[аиу]?)?|thousand|млн|million)"
    r"(?P<dot>\.(?=\s+[a-zа-яё\d]))?)(?![\w-])",
    re.IGNORECASE,
)


def scaled_number_rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every number written with a thousands/millions suffix: "1.5k" -> 1500,
    «20к» -> 20000, «1,5 тыс.» -> 1500, "2.5 million" -> 2500000. The filter rules read digits; before,
    «больше 1,5 тыс.» became `> 1.5000` and "over 1.5k" was asked about."""
    out = []
    for m in _SCALED.finditer(text):
        word = (m.group("word") or "").lower()
        factor = 1_000_000 if word in ("млн", "million") else 1000
        number = m.group("n").replace(",", ".")
        if m.group("k") and "," in m.group("n") and len(m.group("n").split(",")[1]) == 3:
            continue  # "1,500k": a thousands separator, not a decimal comma: left as written
        value = Decimal(number) * factor
        out.append(
            (m.start(), m.end(), str(value.quantize(Decimal(1)) if value == value.to_integral() else value))
        )
    return out


_MONTH_NUMBERS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|"
    r"ноябр[яь]|декабр[яь]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# «1 января 2026 года», "1 March 2025", "March 1, 2025", "March 1st 2025": a calendar date with its year.
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WORD_DATES = (
    re.compile(
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s+(?P<year>\d{{4}})(?:\s+(?:года|г\.?))?(?!\w)", re.IGNORECASE
    ),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})(?!\w)", re.IGNORECASE),
)


def date_rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) for every calendar date written with a month name and a year: the filter
    rules read ISO dates («с 1 января 2026 года» -> «с 2026-01-01»). Without a year it stays words (a
    yearly schedule day, «1 января»)."""
    out: list[tuple[int, int, str]] = []
    for pattern in _WORD_DATES:
        for m in pattern.finditer(text):
            month = next(
                n for stem_, n in _MONTH_NUMBERS.items() if m.group("month").lower().startswith(stem_)
            )
            day = int(m.group("day"))
            if (
                1 <= day <= 31
                and m.end() - m.start() >= 10
                and not any(a < m.end() and m.start() < b for a, b, _ in out)
            ):
                out.append((m.start(), m.end(), f"{m.group('year')}-{month:02d}-{day:02d}"))
    return out


# Dates of digits with slashes or dots: "2025/01/15", «2025.01.15» (year first), «15/01/2025», «5.3.2025»,
# "01/15/2025" (year last). Never inside a path ("s3://b/2025/01/15/") or a longer run of numbers.
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.:-])(?:(?P<y>\d{4})(?P<s>[/.])(?P<a>\d{1,2})(?P=s)(?P<b>\d{1,2})"
    r"|(?P<a2>\d{1,2})(?P<s2>[/.])(?P<b2>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?![\w/]|[.:-]\d)"
)
_TWO_DIGIT_DOTTED = re.compile(r"\d{2}\.\d{2}\.\d{4}")  # «15.01.2025»: the filter rules read it as written


@dataclass(frozen=True)
class NumericDates:
    """The ISO rewrites of dates written with slashes or dots, and the dates no single reading fits."""

    rewrites: list[tuple[int, int, str]]
    unclear: list[str]


def numeric_dates(text: str) -> NumericDates:
    """Dates of digits with slashes or dots, as ISO dates the filter rules read. A year first is year,
    month, day ("2025/01/15"); a year last with dots is day first, as Russian writes it («5.3.2025»); with
    slashes the number above 12 is the day («15/01/2025», "01/15/2025"). Two numbers up to 12 that differ
    («01/02/2025»: 1 February or January 2?) or no such day («31/02/2025») are unclear: asked, never
    guessed."""
    rewrites: list[tuple[int, int, str]] = []
    unclear: list[str] = []
    for m in _NUMERIC_DATE.finditer(text):
        if _TWO_DIGIT_DOTTED.fullmatch(m.group(0)):
            continue
        day_month = _day_month(m)
        iso = _iso(int(m.group("y") or m.group("y2")), *day_month) if day_month else None
        if iso is None:
            unclear.append(m.group(0))
        else:
            rewrites.append((m.start(), m.end(), iso))
    return NumericDates(rewrites, unclear)


def _day_month(m: re.Match[str]) -> tuple[int, int] | None:
    """(day, month) of a numeric date match; None when the order cannot be told."""
    if m.group("y"):
        return int(m.group("b")), int(m.group("a"))
    first, second = int(m.group("a2")), int(m.group("b2"))
    if m.group("s2") == "." or first > 12 or first == second:
        return first, second
    if second > 12:
        return second, first  # "01/15/2025": month first
    return None


def _iso(year: int, day: int, month: int) -> str | None:
    """`year-month-day` when that day exists."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def apply_rewrites(text: str, rewrites: Sequence[tuple[int, int, str]]) -> str:
    """`text` with each span replaced by its canonical text padded with spaces (same length)."""
    chars = list(text)
    for start, end, canonical in rewrites:
        chars[start:end] = list(canonical.ljust(end - start))
    return "".join(chars)


# --- destroy ----------------------------------------------------------------------------------------

DESTROY_POS = ("VERB", "INFN", "GRND", "NOUN")
_FUNCTION_WORDS = {
    "and",
    "then",
    "it",
    "them",
    "и",
    "потом",
    "затем",
    "after",
    "before",
    "please",
    "пожалуйста",
}


def destroy_frames(tokens: Sequence[Token]) -> list[Slot]:
    """Destroy verbs (by lemma, as a verb or its action noun), each with whether an object follows it in
    the same clause (a confirmed destructive frame) or it stands alone (only a keyword)."""
    slots = []
    for i, t in enumerate(tokens):
        if t.lang == "ru":
            if _throws_out_of_the_store(tokens, i):  # «выкинь из базы …»: a delete in the source (planner167)
                slots.append(Slot("destroy", t.lower, t.start, t.end, i, i + 1, confirmed=True))
                continue
            if not is_(t, "DESTROY_VERB", pos=DESTROY_POS) and not is_(t, "WIPE", pos=DESTROY_POS):
                continue
        elif t.lang == "en" and _empties_a_store(tokens, i):  # "Empty the kitchen_shifts table" (planner172)
            slots.append(Slot("destroy", t.lower, t.start, t.end, i, i + 1, confirmed=True))
            continue
        elif t.lang != "en" or not is_(t, "DESTROY_VERB"):
            continue
        before = [p.lower for p in tokens[max(0, i - 3) : i] if p.lang != "punct"]
        if before and (before[-1] in NO_DESTROY or before[-2:] in (["don", "t"], ["do", "not"])):
            # «без удаления старых данных», "don't delete": keep the old rows, asked how (planning/offline.py)
            slots.append(Slot("keep", t.lower, t.start, t.end, i, i + 1))
            continue
        obj = _object_after(tokens, i) or (t.lang == "ru" and _object_before(tokens, i))
        slots.append(Slot("destroy", t.lower, t.start, t.end, i, i + 1, confirmed=obj))
    return slots


NO_DESTROY = {"без", "не", "ничего", "without", "never", "not", "no"}


def _throws_out_of_the_store(tokens: Sequence[Token], i: int) -> bool:
    """«Выкинь из базы …», «выбросите из БД …», «убери из БД …»: a verb that throws rows away right
    before «из» and a noun of where the data lives deletes there; the same verb alone («отменённые выкинуть»,
    «дубли по email выбросить») leaves rows out of the load."""
    if not is_(tokens[i], "THROW_OUT", pos=("VERB", "INFN")):
        return False
    after = [t for t in tokens[i + 1 : i + 3] if t.lang != "punct"]
    return len(after) == 2 and after[0].lower in ("из", "изо") and is_(after[1], "DATA_STORE", pos=("NOUN",))


# what follows "empty" when it is the verb: a determiner or "out" ("empty the table", "empty out staging");
# the adjective is followed by its noun ("skip empty emails") and stays a condition word
_EMPTY_VERB_FOLLOWERS = frozenset({"the", "out", "all", "this", "that"})


def _empties_a_store(tokens: Sequence[Token], i: int) -> bool:
    """ "Empty the kitchen_shifts table", "empty out the staging": "empty" as a verb deletes every row of the
    source; the adjective ("empty emails", "where phone is empty") is no verb, hence not in DESTROY_VERB."""
    if tokens[i].lower != "empty":
        return False
    after = [t for t in tokens[i + 1 : i + 2] if t.lang != "punct"]
    return bool(after) and after[0].lower in _EMPTY_VERB_FOLLOWERS


def _object_after(tokens: Sequence[Token], i: int) -> bool:
    for nxt in tokens[i + 1 : i + 7]:
        if nxt.lang == "punct" and nxt.text in ",.;!?":
            return False
        if nxt.lang in ("ru", "en", "num") and nxt.lower not in _FUNCTION_WORDS:
            return True
    return False


def _object_before(tokens: Sequence[Token], i: int) -> bool:
    """Russian object-verb order in the same clause: «старые заказы удалить», «таблицу продаж очистить»."""
    for prev in reversed(tokens[max(0, i - 4) : i]):
        if prev.lang == "punct" and prev.text in ",.;!?":
            return False
        if prev.lang == "ru" and prev.has({p.lemma for p in prev.parses}, pos=("NOUN", "NPRO")):
            return True
    return False


def is_destroy_word(word: str) -> bool:
    tokens = tokenize(word)
    return len(tokens) == 1 and bool(destroy_frames(tokens))


# --- mode ---------------------------------------------------------------------------------------------

_KEY_NOUNS = {"ключ", "key", "keys"}


def merge_mode(tokens: Sequence[Token], incremental: bool = False) -> Slot | None:
    """The upsert cue: a MERGE lemma («слияние», «мержить», "merge", "upsert"), «по ключу» / "by key" /
    "on key", "update existing" / «обновлять существующие», "insert or update"; and «с дедупликацией
    по id» when the load takes new rows (one row per key wanted across runs)."""
    for i, t in enumerate(tokens):
        low = t.lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if is_(t, "MERGE") or low in ("merging",) or _hyphen_part_is(t, "MERGE"):  # «upsert-ом»
            return Slot("mode", "upsert", t.start, t.end, i, i + 1)
        if low in ("по", "by", "on") and (tokens[i + 1].lemma if i + 1 < len(tokens) else "") in _KEY_NOUNS:
            return Slot("mode", "upsert", t.start, tokens[i + 1].end, i, i + 2)
        if (low, nxt) in {("update", "existing"), ("insert", "or")} or (
            t.has({"обновлять", "обновить"}) and i + 1 < len(tokens) and tokens[i + 1].has({"существующий"})
        ):
            return Slot("mode", "upsert", t.start, tokens[i + 1].end, i, i + 2)
        if incremental and t.lang == "ru" and t.has({"дедупликация"}) and nxt == "по":
            return Slot("mode", "upsert", t.start, tokens[i + 1].end, i, i + 2)
        if _is_update_verb(t) and _key_list_in_clause(tokens, i):
            # «существующие обновлять по id», "update changed rows by id": rows updated by a key
            return Slot("mode", "upsert", t.start, t.end, i, i + 1)
    return None


_RU_UPDATE_VERBS = {"обновлять", "обновить", "апдейтить", "проапдейтить"}


def _is_update_verb(token: Token) -> bool:
    if token.lang == "en":
        return token.lower in ("update", "updating")  # "updates" is a noun more often ("inserts, updates")
    return token.lang == "ru" and token.has(_RU_UPDATE_VERBS, pos=("INFN", "VERB", "GRND"))


def _key_list_in_clause(tokens: Sequence[Token], i: int) -> bool:
    """A «по id» / "by id" list within the next few words of the same clause."""
    for j in range(i + 1, min(i + 6, len(tokens))):
        if tokens[j].lang == "punct" and tokens[j].text in ",.;!?":
            return False
        if tokens[j].lower in ("по", "by", "on") and j + 1 < len(tokens) and _is_name(tokens[j + 1]):
            return True
        if tokens[j].lower == "по" and j + 1 < len(tokens) and tokens[j + 1].has(_ID_NOUNS, pos=("NOUN",)):
            return True  # «обновлять по номеру отправления», «по коду товара»: an identifier names the key
    return False


_ID_NOUNS = {"номер", "идентификатор", "код", "ключ", "артикул", "айди"}


def append_only(tokens: Sequence[Token]) -> Slot | None:
    """«только добавление», "append-only", "append only", "insert only", «только дописывать»."""
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.lower in ("append-only", "insert-only"):
            return Slot("mode", "append", t.start, t.end, i, i + 1)
        if nxt is not None and t.lower in ("append", "insert") and nxt.lower == "only":
            return Slot("mode", "append", t.start, nxt.end, i, i + 2)
        if nxt is not None and t.lower == "только" and (is_(nxt, "APPEND_ONLY") or nxt.has({"дописывать"})):
            return Slot("mode", "append", t.start, nxt.end, i, i + 2)
    return None


def _hyphen_part_is(token: Token, concept: str) -> bool:
    return "-" in token.lower and any(
        is_(part, concept) for piece in token.lower.split("-") if piece for part in tokenize(piece)
    )


_FULL_WORDS = {"full", "fully"}
_PARTICIPLES = frozenset({"PRTF", "PRTS"})


def _replace_cue(tokens: Sequence[Token], i: int) -> bool:
    """A REPLACE word that says how to load, never one that says the rows' state (status 'replaced'): a
    Russian participle («SIM-карты, которые заменены», «заменённые карты») or an English past participle in a
    relative clause ("cards that were lost or replaced"; planner159), so a change stream of such rows still
    appends."""
    token = tokens[i]
    if not (is_(token, "REPLACE") or _hyphen_part_is(token, "REPLACE")):
        return False
    if token.lang == "en":
        before = {t.lower for t in tokens[max(0, i - 4) : i]}
        return not (token.lower.endswith(("ed", "en")) and before & _RELATIVE_EN and before & _BE_EN)
    lemmas = TABLES["ru"]["REPLACE"]
    readings = [p for p in token.parses if p.lemma in lemmas]
    return not (readings and all(p.pos in _PARTICIPLES for p in readings))


_RELATIVE_EN = frozenset({"that", "which", "who"})
_BE_EN = frozenset({"are", "were", "is", "was", "been", "got", "get"})


_LOAD_NOUNS = {"выгрузка", "загрузка", "перезаливка", "перезагрузка", "перезапись"}


def replace_mode(tokens: Sequence[Token]) -> Slot | None:
    """The replace cue: a REPLACE lemma («перезаливать», «целиком», «полностью», «замена», "replace",
    "reload", "overwrite"), "full refresh/load/snapshot", "truncate and load", «полная выгрузка»."""
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.lang in ("ru", "en") and _replace_cue(tokens, i):
            return Slot("mode", "replace", t.start, t.end, i, i + 1)  # "replace", "Replace-load"
        if nxt is None:
            continue
        if t.lower in _FULL_WORDS and nxt.lower.strip("-") in ("refresh", "load", "snapshot", "replace"):
            return Slot("mode", "replace", t.start, nxt.end, i, i + 2)
        if t.lower == "full" and nxt.lower.startswith("full-"):
            continue
        if (
            t.lower == "truncate"
            and nxt.lower == "and"
            and i + 2 < len(tokens)
            and tokens[i + 2].lower == "load"
        ):
            return Slot("mode", "replace", t.start, tokens[i + 2].end, i, i + 3)
        if t.lang == "ru" and t.has({"полный"}, pos=("ADJF",)) and nxt.has(_LOAD_NOUNS):
            return Slot("mode", "replace", t.start, nxt.end, i, i + 2)
    return None


# --- key and column lists -------------------------------------------------------------------------

BY_PREPS = {"by", "on", "using", "по"}
_EN_KEY_WORDS = {"key", "keys"}
# After a preposition, words that introduce the names: «по ключу id», «по полю occurred_at», "on key id".
_RU_LIST_FILLERS = {"ключ", "поле", "колонка", "столбец"}
_EN_LIST_FILLERS = {"key", "keys", "the", "column", "columns", "field", "fields"}
_NAME_JOINERS = {",", "and", "и", "&", "+"}
MAX_NAMES = 64


def _is_name(token: Token) -> bool:
    """A column name as written in a list: an ASCII identifier (order_id, day)."""
    low = token.lower
    return (
        token.lang == "en"
        and low.isascii()
        and (low[0].isalpha() or low[0] == "_")
        and low.replace("_", "a").isalnum()
    )


def _is_key_noun(token: Token) -> bool:
    return token.lower in _EN_KEY_WORDS or (token.lang == "ru" and token.has({"ключ"}, pos=("NOUN",)))


def _is_filler(token: Token) -> bool:
    if token.lang == "en":
        return token.lower in _EN_LIST_FILLERS
    return token.lang == "ru" and token.has(_RU_LIST_FILLERS, pos=("NOUN",))


def _after_colon(tokens: Sequence[Token], j: int) -> int:
    return j + 1 if j < len(tokens) and tokens[j].text == ":" else j


def column_lists(tokens: Sequence[Token]) -> list[Slot]:
    """Lists of column names after a word that introduces columns: «по id и дате»... «по ключу id»,
    «по полю occurred_at», "by customer_id and day", "on the id", "keys: id, day", «ключи: id».
    value = the names (lower case) joined by «,», «и», "and", "&"; the span covers the cue and the names;
    detail = "field" when a column noun introduced them («по полю», "by column"), "key" after a key noun.
    Names are ASCII identifiers (the rules then keep the ones that are columns)."""
    slots: list[Slot] = []
    i = 0
    while i < len(tokens) - 1:
        t = tokens[i]
        j, detail = None, None
        if t.lower in BY_PREPS:
            j = i + 1
            while j < len(tokens) - 1 and _is_filler(tokens[j]) and not _is_name_list_start(tokens, j):
                detail = "key" if _is_key_noun(tokens[j]) else detail if tokens[j].lower == "the" else "field"
                j += 1
        elif _is_key_noun(t):
            j, detail = i + 1, "key"
        if j is None:
            i += 1
            continue
        j = _after_colon(tokens, j)
        names, end = _names_at(tokens, j)
        if not names:
            i += 1
            continue
        slots.append(Slot("by_list", names, t.start, tokens[end - 1].end, i, end, detail=detail))
        i = end
    return slots


def _is_name_list_start(tokens: Sequence[Token], j: int) -> bool:
    """ "by key id": "key" is a filler; "by keys" alone or "on key, then ..." leaves "key" a name."""
    return not (j + 1 < len(tokens) and (_is_name(tokens[j + 1]) or tokens[j + 1].text == ":"))


def _names_at(tokens: Sequence[Token], j: int) -> tuple[list[str], int]:
    names: list[str] = []
    end = j
    while j < len(tokens) and _is_name(tokens[j]) and len(names) < MAX_NAMES:
        names.append(tokens[j].lower)
        end = j + 1
        if j + 2 < len(tokens) and tokens[j + 1].lower in _NAME_JOINERS and _is_name(tokens[j + 2]):
            j += 2
        else:
            break
    return names, end


def key_cues(tokens: Sequence[Token]) -> list[Slot]:
    """Where a list of upsert keys starts (the slot ends right before it): a merge word (MERGE lemma:
    upsert, merge, «мержить», «слияние») and within three words a preposition («слияние по», "merge
    into target by", "upsert on"), with an optional filler («по ключу», "on key"); a preposition with a
    key noun («по ключу», "by key"); a key noun alone ("keys: id", «ключи id»)."""
    slots: list[Slot] = []
    for i, t in enumerate(tokens):
        end = None
        if t.lang in ("ru", "en") and (is_(t, "MERGE") or _hyphen_part_is(t, "MERGE")):
            for j in range(i + 1, min(i + 5, len(tokens))):
                if tokens[j].lang == "punct":
                    break
                if tokens[j].lower in BY_PREPS:
                    end = j + 1
                    if end < len(tokens) and (_is_key_noun(tokens[end]) or _is_filler(tokens[end])):
                        end += 1
                    break
        elif t.lower in BY_PREPS and i + 1 < len(tokens) and _is_key_noun(tokens[i + 1]):
            end = i + 2
        elif (_is_key_noun(t) or t.lower == "keyed") and (i == 0 or tokens[i - 1].lower not in BY_PREPS):
            end = i + 1  # "keys: id", «ключи id», "keyed on order_id"
            if end < len(tokens) and tokens[end].lower in BY_PREPS:
                end += 1
        if end is not None:
            end = _after_colon(tokens, end)
            last = tokens[end - 1]
            slots.append(Slot("key_cue", end, t.start, last.end, i, end))
    return slots


# --- masking ------------------------------------------------------------------------------------------

MASK_POS = ("INFN", "VERB", "GRND", "NOUN", "PRTF", "PRTS", None)


def is_mask_word(word: str) -> bool:
    """One word that orders masking: a surface form the patterns know ("mask", «захешировать») or a
    MASK lemma of the lexicon («спрятать», «зашифровать», "scramble")."""
    from airflow_ai_etl.planning.patterns import MASK

    if MASK.fullmatch(word):
        return True
    tokens = tokenize(word)
    if len(tokens) != 1 or tokens[0].lang not in ("ru", "en"):
        return False
    return is_(tokens[0], "MASK", pos=MASK_POS) or is_(tokens[0], "WIPE", pos=WIPE_POS)


WIPE_POS = ("INFN", "VERB", "GRND")  # «затереть», «затрите»: the verb; what it wipes decides (offline.py)


def is_wipe_word(word: str) -> bool:
    """«затереть», «затирать»: wipe a column's values (a mask) or a table (destructive), by the object."""
    tokens = tokenize(word)
    return len(tokens) == 1 and tokens[0].lang == "ru" and is_(tokens[0], "WIPE", pos=WIPE_POS)


# --- column lists ("только id, customer_id и total") ---------------------------------------------------

ONLY_WORDS = {"только", "лишь", "only", "just"}


def in_column_list(tokens: Sequence[Token], index: int) -> bool:
    """Token `index` is an item of a list of Latin names bounded by «только»/"only" on either side ("only
    id, customer_id and total", "id and total only"): a column name, not a measure word such as "total".
    Items are separated (a comma, «и», "and"; a dropped comma shows as a wider gap), so "only new orders
    and total revenue" is no such list."""

    def name(t: Token) -> bool:
        return t.lang == "en" and t.lower.isidentifier() and t.lower not in ONLY_WORDS | LIST_WORDS

    if not name(tokens[index]):
        return False
    items, bounded = 1, False
    for step in (-1, 1):
        k, last, separated = index + step, tokens[index], False
        while 0 <= k < len(tokens):
            t = tokens[k]
            gap = (last.start - t.end) if step < 0 else (t.start - last.end)
            if t.text == "," or (t.lower in LIST_WORDS and not separated):
                separated = True
            elif t.lower in ONLY_WORDS and not separated:
                bounded = True
                break
            elif name(t) and (separated or gap > 1):
                items, separated = items + 1, False
            else:
                break
            last = t
            k += step
    return bounded and items >= 2


# A Russian passive participle ends in -нн-/-т- plus a full adjective ending: «подтверждённые», «оплаченных»,
# «закрытые»; an active one («работающие», «ушедшие») takes no agent in the instrumental.
_PASSIVE_PARTICIPLE = re.compile(r"[а-яё]+(?:нн|т)(?:ые|ый|ая|ое|ых|ым|ую|ой|ом|ого|ыми|ым|ому|ий)")


def passive_participle(token: Token) -> bool:
    """`token` is a full Russian passive participle («подтверждённые», «одобренных»)."""
    return (
        token.lang == "ru"
        and any(p.pos == "PRTF" for p in token.parses[:2])
        and _PASSIVE_PARTICIPLE.fullmatch(token.lower) is not None
    )


def agent_after_participle(tokens: Sequence[Token], index: int) -> bool:
    """`tokens[index]` is a noun in the instrumental right after a passive participle (the caller checks no
    punctuation stands between): the participle's agent, who did it («подтверждённые клиентами»)."""
    if index < 1 or tokens[index].lang != "ru":
        return False
    word, before = tokens[index], tokens[index - 1]
    noun = next((p for p in word.parses[:3] if p.pos == "NOUN"), None)
    if any(p.pos == "PRTF" and p.case == "ablt" for p in before.parses):
        return False  # «с открытыми счетами», «с заявленной суммой»: the participle agrees with its noun
    return noun is not None and noun.case == "ablt" and passive_participle(before)
