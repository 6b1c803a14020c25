"""A value taken back mid-sentence, and the particle of a phrasal verb.

A speaker corrects themselves as they talk: «в пять утра, а, нет, лучше в шесть», "every Monday at 8,
actually make it 9", «каждый час, а, нет, каждые два часа». Between two values of one slot (a clock time, a
frequency, a weekday, the target table, the mode, a rolling window: «за сутки, нет, за двое суток») a
correction marker («а нет», «нет, лучше», «точнее»,
«вернее», «ой», "actually", "I mean", "no wait", "or rather", "make it") takes the first value back: the later
one is what the rules read, the retracted one leaves the text, and a note says which words were read so (the
plan's assumptions). A marker with no value of the same slot on both sides is left alone: «отменённые не
нужны», "not cancelled" stay a filter's negation, and two values with no marker stay a question.

"copy the loans table over to clickhouse": "over" (across, up, down, out) after a copy verb is the verb's
particle, never a table's name; it leaves the text too. "over 100" and "over the last week" are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from airflow_ai_etl.planning import grammar
from airflow_ai_etl.planning.lexer import Token, tokenize
from airflow_ai_etl.planning.lexicon import RU_WEEKDAYS, WEEKDAY_ABBREVIATIONS, is_any
from airflow_ai_etl.planning.lexicon import is_ as lexicon_is

__all__ = [
    "Retraction",
    "corrected_between",
    "drop_particles",
    "hedged_interval",
    "juxtaposed",
    "retractions",
]

# Words that take the value before them back; one of them must stand between the two values.
_CORE_RU = frozenset({"нет", "ой", "точнее", "вернее", "верней", "поправка", "стоп", "пардон"})
_CORE_EN = frozenset({"actually", "mean", "wait", "rather", "sorry", "correction", "make", "scratch", "no"})
# Words that may stand around them: «а, нет, лучше», «хотя нет, давай», "no wait, make it", "I mean"
_FILLERS = frozenset({
    "а", "хотя", "ну", "лучше", "давай", "давайте", "пусть", "будет", "поставь", "ставь", "сделай", "сделаем",
    "пожалуй", "все-таки", "всё-таки", "же", "уж", "или",
    "i", "or", "oh", "um", "let's", "lets", "let", "us", "say", "go", "with", "better", "it", "that", "do",
})  # fmt: skip
_PUNCT = frozenset({",", "—", "–", "-", "…", "...", "!", ";", ":"})
# «не» is a marker only set apart by punctuation («в пять, не, в шесть»), never «не нужны»
_BARE_NO_RU = "не"

_CLOCK_PREPS = frozenset({"в", "во", "к", "at", "around", "by"})
_PERIODS = frozenset(
    {"утра", "дня", "вечера", "ночи", "am", "pm", "a.m.", "p.m.", "часов", "часа", "o'clock"}
)
_NAMED_TIMES = frozenset({"noon", "midnight", "полдень", "полночь", "полночи"})
_DAY_PREPS = frozenset({"в", "во", "по", "on", "every", "each", "каждый", "каждую", "каждое", "каждые"})
_EVERY = frozenset({"every", "each"})
_UNITS_RU = frozenset({"минута", "час", "день", "сутки", "неделя", "месяц", "ночь", "утро", "вечер"})
_UNITS_EN = frozenset({
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "night",
    "nights", "morning", "mornings", "evening", "evenings",
})  # fmt: skip
_FREQ_CONCEPTS = tuple(grammar.FREQ_CANONICAL)
_FREQ_EN = frozenset({"hourly", "daily", "nightly", "weekly", "monthly"})
_MODE_CONCEPTS = ("MERGE", "APPEND_ONLY", "REPLACE", "INCREMENTAL")
_MODE_LEMMAS = frozenset({"дописывать", "дописать", "добавлять", "мержить", "смержить", "апсертить"})
_MODE_EN = frozenset({
    "append", "appends", "appending", "merge", "merging", "upsert", "upserting", "overwrite", "overwriting",
    "replace", "replacing", "reload", "incremental", "incrementally",
})  # fmt: skip
# a rolling window's preposition: «за последние 3 дня», "in/for/over/from/during/within the last 24 hours"
_WINDOW_PREPS = frozenset({"за", "in", "for", "over", "from", "during", "within"})
_COLLECTIVES = frozenset({"двое", "трое", "четверо", "пару", "пара", "two", "three", "four", "five", "seven"})
_TABLE_CUES = frozenset(
    {"table", "таблицу", "таблица", "таблицы", "табличку", "as", "into", "called", "named"}
)
_TABLE_PREPS = frozenset({"в", "во", "into", "to", "as", "table", "таблицу"})


@dataclass(frozen=True)
class _Value:
    """One slot's value: tokens [start, end); its core, and around it a preposition or a part of day."""

    kind: str  # clock | freq | day | table | mode | window
    start: int
    end: int
    core: tuple[int, int]


@dataclass(frozen=True)
class Retraction:
    """A value taken back: the words retracted, the marker, the words kept."""

    retracted: str
    marker: str
    kept: str


def _is_weekday(token: Token) -> bool:
    if token.lower in WEEKDAY_ABBREVIATIONS:
        return True
    if token.lang == "ru":
        return token.has(frozenset(RU_WEEKDAYS), pos=("NOUN",))
    return token.lang == "en" and grammar.en_weekday(token) is not None


def _clock_core(tokens: Sequence[Token], i: int) -> int | None:
    """End of a clock's core starting at `i` (9, «девять», "9pm", "9:30", «половине девятого», "half past
    7", "two thirty", noon), or None."""
    t = tokens[i]
    n = len(tokens)
    if t.lower in _NAMED_TIMES:
        return i + 1
    if lexicon_is(t, "HALF") and i + 1 < n and tokens[i + 1].ordinal and tokens[i + 1].number:
        return i + 2  # «в половине девятого»
    if t.lower in ("half", "quarter") and i + 2 < n and tokens[i + 1].lower in ("past", "to"):
        return i + 3 if tokens[i + 2].number is not None else None
    glued = t.lower.endswith(("am", "pm")) and t.lower[:-2].replace(":", "").isdigit()
    if ":" in t.text and t.text.split(":")[0].isdigit() or glued:
        return i + 1
    hour, dash, rest = t.text.partition("-")
    if dash and hour.isdigit() and int(hour) <= 24 and _apart_minutes(rest):
        return i + 1  # «в 8-30»
    if t.number is not None and not t.ordinal and t.number <= 24:
        if t.lang == "num" and i + 1 < n and _apart_minutes(tokens[i + 1].text):
            return i + 2  # "at 8 15": the hour and its minutes said apart
        if t.lang == "en" and i + 1 < n and tokens[i + 1].lang == "en" and (tokens[i + 1].number or 0) >= 10:
            return i + 2  # "two thirty"
        return i + 1
    return None


def _period_end(tokens: Sequence[Token], j: int) -> int:
    """`j` moved past a part of day after a clock («утра», "pm", «часов утра», "in the morning")."""
    n = len(tokens)
    while j < n and tokens[j].lower in _PERIODS:
        j += 1
    if (
        j + 2 < n
        and tokens[j].lower == "in"
        and tokens[j + 1].lower == "the"
        and lexicon_is(tokens[j + 2], "PART_OF_DAY")
    ):
        j += 3
    return j


def _followed_by_unit(tokens: Sequence[Token], j: int) -> bool:
    if j >= len(tokens) or tokens[j].lower in _PERIODS:  # «в семь утра»: a part of day, not «семь дней»
        return False
    return tokens[j].lower in _UNITS_EN or tokens[j].has(_UNITS_RU - {"час"})


def _window_at(tokens: Sequence[Token], i: int) -> _Value | None:
    """A rolling window starting at `i`: «за сутки», «за двое суток», «за последние 3 дня», "in the last 24
    hours", "the past week", "last 48 hours"; its core starts after the preposition, so a kept window said
    without one ("actually make it the last 48 hours") keeps the retracted one's."""
    n = len(tokens)
    j = i + 1 if tokens[i].lower in _WINDOW_PREPS and i + 1 < n else i
    core = j
    if j < n and tokens[j].lower == "the":
        j += 1
    last = j < n and (tokens[j].lower in ("last", "past") or tokens[j].has({"последний"}))
    if last:
        j += 1
    elif not (j > i and tokens[i].lower in ("за",)):  # «за сутки»: Russian «за» needs no «последние»
        return None
    if j < n and (tokens[j].number is not None or _counts(tokens[j])):
        j += 1
    if j < n and _is_unit(tokens[j]) and not tokens[j].has({"ночь", "утро", "вечер"}):
        return _Value("window", i, j + 1, (core, j + 1))
    return None


def _counts(token: Token) -> bool:
    """A number said in words: «двое», «трое», «пару», «три», "two"."""
    return token.lower in _COLLECTIVES or any(p.pos == "NUMR" for p in token.parses[:1])


def _value_at(tokens: Sequence[Token], i: int) -> _Value | None:
    """The value of a slot that starts at token `i`."""
    n = len(tokens)
    t = tokens[i]
    window = _window_at(tokens, i)
    if window is not None:
        return window
    # frequency: «ежедневно», "hourly", «каждые два часа», "every 4 hours", «раз в день», "once a day"
    if t.lower in _FREQ_EN or is_any(t, _FREQ_CONCEPTS, pos=("ADVB", "ADJF", "ADJS", None)):
        return _Value("freq", i, i + 1, (i, i + 1))
    if t.lower in _EVERY or t.has({"каждый"}) or t.lower in ("once", "раз"):
        j = i + 1
        if j < n and tokens[j].lower in ("a", "в", "per", "every"):
            j += 1
        if j < n and tokens[j].number is not None and not tokens[j].ordinal:
            j += 1
        if j < n and _is_unit(tokens[j]):
            return _Value("freq", i, j + 1, (i, j + 1))
        if j > i + 1 and tokens[j - 1].number is not None and (j == n or tokens[j].lang == "punct"):
            return _Value("freq", i, j, (i, j))  # «нет, каждые тридцать»: the unit of the value taken back
        if j < n and _is_weekday(tokens[j]) and t.lower not in ("once", "раз"):
            return _Value("day", i, j + 1, (j, j + 1))
        return None
    # a weekday: «по вторникам», "on Wednesday", "Wednesday"
    j = i + 1 if t.lower in _DAY_PREPS and i + 1 < n else i
    if _is_weekday(tokens[j]):
        return _Value("day", i, j + 1, (j, j + 1))
    # a clock: «в шесть», "at 9 pm", «в половине девятого», «в час ночи», a bare "9"
    j = i + 1 if t.lower in _CLOCK_PREPS and i + 1 < n else i
    core = _clock_core(tokens, j)
    if core is None and j > i and tokens[j].has({"час"}) and _period_end(tokens, j + 1) > j + 1:
        core = j + 1  # «в час ночи»: one o'clock
    if core is not None and not _followed_by_unit(tokens, core):
        return _Value("clock", i, _period_end(tokens, core), (j, core))
    # the mode: «перезаписывать целиком», "replace", «мержить»
    k = i
    while k < n and _is_mode(tokens[k]):
        k += 1
    if k > i:
        return _Value("mode", i, k, (i, k))
    # the target table's name: «в orders_b», "orders_b"
    j = i + 1 if t.lower in _TABLE_PREPS and i + 1 < n else i
    if _is_name(tokens[j]):
        return _Value("table", i, j + 1, (j, j + 1))
    return None


def _is_unit(token: Token) -> bool:
    return token.lower in _UNITS_EN or token.has(_UNITS_RU)


def _is_mode(token: Token) -> bool:
    if token.lower in _MODE_EN:
        return True
    return token.lang == "ru" and (
        any(lexicon_is(token, c) for c in _MODE_CONCEPTS) or token.has(_MODE_LEMMAS)
    )


def _is_name(token: Token) -> bool:
    """A table's name as written: lower-case Latin with an underscore or a digit (orders_b, fines2026)."""
    text = token.text
    return text.isascii() and text[:1].isalpha() and any(c == "_" or c.isdigit() for c in text)


def _value_before(tokens: Sequence[Token], end: int, kind: str) -> _Value | None:
    """The value of slot `kind` ending at token `end` (exclusive), looking back over the values of other
    schedule slots in between («каждый вторник в 8, а нет, в среду»: the weekday past the clock)."""
    stop = end
    for _ in range(3):
        value = _longest_ending_at(tokens, stop)
        if value is None:
            return None
        if value.kind == kind:
            if kind == "table" and not _names_target(tokens, value.core[0]):
                return None
            return value
        if value.kind not in ("clock", "day", "freq"):
            return None
        stop = value.start  # another slot's value in between: look further back
    return None


def _longest_ending_at(tokens: Sequence[Token], stop: int) -> _Value | None:
    """The value ending at token `stop` (exclusive) that starts earliest («в пять утра», not «пять утра»)."""
    for start in range(max(0, stop - 6), stop):
        value = _value_at(tokens, start)
        if value is not None and value.end == stop:
            return value
    return None


def _names_target(tokens: Sequence[Token], i: int) -> bool:
    """The name at `i` follows a word that names the target («в таблицу», "table", "as", "into")."""
    return any(t.lower in _TABLE_CUES for t in tokens[max(0, i - 2) : i])


def _marker(tokens: Sequence[Token], i: int) -> int | None:
    """End of a correction marker starting at `i` (punctuation and marker words, one of them a core word)."""
    j, core = i, False
    while j < len(tokens):
        t = tokens[j]
        if t.lower in _PUNCT:
            pass
        elif t.lower in _CORE_RU or t.lower in _CORE_EN:
            if t.lower == "mean" and not (j > i and tokens[j - 1].lower == "i"):
                return None
            if t.lower == "rather" and not (j > i and tokens[j - 1].lower == "or"):
                return None
            core = True
        elif t.lower == _BARE_NO_RU and j + 1 < len(tokens) and tokens[j + 1].lower in _PUNCT:
            core = True
        elif t.lower not in _FILLERS:
            break
        j += 1
    return j if core and j > i else None


def retractions(text: str) -> tuple[str, list[Retraction]]:
    """`text` with each value taken back and its marker replaced by the value kept; the retractions."""
    found: list[Retraction] = []
    for _ in range(3):  # a sentence with more than one correction: one at a time, from the first
        tokens = tokenize(text)
        rewrite = _first_retraction(text, tokens)
        if rewrite is None:
            break
        text, retraction = rewrite
        found.append(retraction)
    return text, found


def _first_retraction(text: str, tokens: Sequence[Token]) -> tuple[str, Retraction] | None:
    for m in range(1, len(tokens)):
        if tokens[m].lower in _FILLERS or tokens[m].lower in _PUNCT:
            if tokens[m - 1].lower in _PUNCT or tokens[m - 1].lower in _FILLERS:
                continue  # the marker's run starts at its first word
        end = _marker(tokens, m)
        if end is None or end >= len(tokens):
            continue
        kept = _value_at(tokens, end)
        if kept is None:
            continue
        gone = _value_before(tokens, m, kept.kind)
        if gone is None or (kept.kind == "clock" and not _clock_said(tokens, gone, kept)):
            continue
        return _rewritten(text, tokens, gone, (m, end), kept)
    return None


def _clock_said(tokens: Sequence[Token], gone: _Value, kept: _Value) -> bool:
    """Both are clock times as said: the kept one with its own preposition, a part of day, or a number
    alone before the clause ends ("make it 9", «нет, 9»), not a count («в 8, нет, 2 таблицы»)."""
    if gone.core[0] == gone.start:  # the retracted number had no «в»/"at": no clock to take back
        return False
    if kept.start < kept.core[0] or kept.end > kept.core[1]:
        return True
    return kept.end >= len(tokens) or tokens[kept.end].lang in ("punct",) or tokens[kept.end].lower in (
        "and", "и", "on", "every", "по", "каждый", "ежедневно", "daily",
    )  # fmt: skip


def _rewritten(
    text: str, tokens: Sequence[Token], gone: _Value, marker: tuple[int, int], kept: _Value
) -> tuple[str, Retraction]:
    """The text with `gone` replaced by `kept` (keeping the retracted value's preposition and part of day
    when the kept one says none: "at 8 pm, actually 9" is 21:00) and the marker with the kept words gone."""

    def span(a: int, b: int) -> str:
        return text[tokens[a].start : tokens[b - 1].end] if b > a else ""

    if gone.kind == "window" and kept.start == kept.core[0]:
        # "in the last 24 hours, actually make it the last 48 hours": the kept window takes the preposition
        value = " ".join(w for w in (span(gone.start, gone.core[0]), span(kept.start, kept.end)) if w)
    elif gone.kind in ("clock", "day", "table"):
        # «в таблицу x, нет, в y»: the table word stays, whatever preposition the kept name has
        own_prep = kept.start < kept.core[0] and gone.kind != "table"
        before = "" if own_prep else span(gone.start, gone.core[0])
        after = span(gone.core[1], gone.end) if kept.end == kept.core[1] and gone.kind == "clock" else ""
        own = span(kept.start, kept.end) if gone.kind != "table" else span(*kept.core)
        value = " ".join(w for w in (before, own, after) if w)
    else:
        value = span(kept.start, kept.end)
        if gone.kind == "freq" and _is_unit(tokens[gone.end - 1]) and not _is_unit(tokens[kept.end - 1]):
            value += " " + tokens[gone.end - 1].text  # «каждые 15 минут, нет, каждые 30»: 30 minutes
    between = text[tokens[gone.end - 1].end : tokens[marker[0]].start] if marker[0] > gone.end else ""
    between = between.rstrip(" ,—–-")
    rewritten = text[: tokens[gone.start].start] + value + between + text[tokens[kept.end - 1].end :]
    retraction = Retraction(
        span(gone.start, gone.end), span(*marker).strip(" ,—–-"), span(kept.start, kept.end)
    )
    return rewritten, retraction


# --- two values of one slot with no marker between them ----------------------------------------------------

# what may stand between two frequencies said one after the other ("daily, hourly", «каждые 2 часа, каждые 3»)
_JUXTAPOSED_PUNCT = frozenset({",", "—", "–", "-", "/", ";"})
# after a second bare hour: the clause ends or the schedule goes on ("at 8 9 on Mondays")
_CLAUSE_GOES_ON = frozenset({"on", "every", "each", "по", "каждый", "каждую", "ежедневно", "daily"})
# the preposition of a second clock time said next to the first («в пять утра в шесть»)
_SECOND_PREPS = frozenset({"в", "во", "at"})
# «с 9-12», "from 9-17": a window of hours, not a clock time
_WINDOW_OPENERS = frozenset({"с", "со", "from", "between"})


# the last words read by _values and their values: a schedule is read for clock times, then for frequencies
_LAST_VALUES: tuple[tuple[Token, ...], tuple[_Value | None, ...]] = ((), ())


def _values(tokens: Sequence[Token]) -> tuple[_Value | None, ...]:
    """The value starting at each token (_value_at), read once for the same words asked about again."""
    global _LAST_VALUES
    last_tokens, last_values = _LAST_VALUES  # one read: another thread may replace it
    if len(last_tokens) == len(tokens) and all(a is b for a, b in zip(last_tokens, tokens, strict=True)):
        return last_values
    values = tuple(_value_at(tokens, i) for i in range(len(tokens)))
    _LAST_VALUES = (tuple(tokens), values)
    return values


def juxtaposed(tokens: Sequence[Token], kind: str) -> tuple[int, int] | None:
    """Two values of the schedule slot `kind` ("freq" or "clock") said one after the other with no
    correction marker and no conjunction between them: "daily, hourly", «каждые 2 часа, каждые 3», "every
    Monday at 8 9". Neither can be read as the schedule (the user did not say which one holds), so the span
    of both, as (first token, end token), is quoted in a question. A list of hours joined by «и»/"and" or by
    commas ending in one ("at 9, 12 and 18") is no such pair, nor "at 8:30"."""
    n = len(tokens)
    values = _values(tokens)  # once: a long request must stay linear and cheap
    ending: dict[int, _Value] = {}  # the value ending at each token that starts earliest (_longest_ending_at)
    for i, value in enumerate(values):
        if value is not None and value.end - i <= 6:
            ending.setdefault(value.end, value)
    for i, first in enumerate(values):
        if kind == "clock" and _dashed_hours(tokens, i):
            return i, _period_end(tokens, i + 2)
        if first is None or first.kind != kind or (i and _value_ends_at(tokens, ending, i, kind)):
            continue
        j = first.end
        while j < n and tokens[j].lower in _JUXTAPOSED_PUNCT and kind == "freq":
            j += 1
        if j >= n:
            continue
        if kind == "clock" and _prepped(first) and _no_minutes_after(tokens, first, j):
            return first.start, j + 1  # "at 8 75": no hour and no minutes
        second = values[j]
        if second is None or second.kind != kind:
            continue
        if kind == "freq" and _same_words(tokens, first, second):
            continue  # "daily, daily": said twice
        if kind == "clock" and not (
            _bare_second_hour(tokens, first, second) or _second_clock_of_its_own(tokens, first, second)
        ):
            continue
        return first.start, second.end
    return None


def _prepped(value: _Value) -> bool:
    """The clock has its own «в»/"at" or a part of day: a time as said, not a count."""
    return value.core[0] > value.start or value.end > value.core[1]


def _apart_minutes(digits: str) -> bool:
    """Digits after an hour that are its minutes said apart ("8 15", «8-30», "9 05", "10 45"): a number no
    hour is (25-59), a zero-padded one or one on the five-minute mark. "8 9", "9 12" may be two hours."""
    if not digits.isdigit() or len(digits) != 2:
        return False
    number = int(digits)
    return number <= 59 and (digits[0] == "0" or number % 5 == 0 or number >= 25)


def _no_minutes_after(tokens: Sequence[Token], first: _Value, j: int) -> bool:
    """ "at 8 75": after a bare clock hour a number that is neither minutes nor an hour, ending the clause."""
    t = tokens[j]
    if first.end != first.core[1] or t.lang != "num" or not t.text.isdigit() or int(t.text) <= 59:
        return False
    k = j + 1
    return k >= len(tokens) or tokens[k].lang == "punct" or tokens[k].lower in _CLAUSE_GOES_ON


def _dashed_hours(tokens: Sequence[Token], i: int) -> bool:
    """«в 9-12», "at 8-75": after a clock's preposition an hour and a second number joined by a dash that are
    not the hour and its minutes (planning/schedule reads «в 8-30»): two hours or no time; the clause ends."""
    if tokens[i].lower not in _CLOCK_PREPS or i + 1 >= len(tokens):
        return False
    hour, dash, rest = tokens[i + 1].text.partition("-")
    if not (dash and hour.isdigit() and rest.isdigit() and int(hour) <= 24 and len(rest) <= 3):
        return False
    if _apart_minutes(rest) or (i and tokens[i - 1].lower in _WINDOW_OPENERS):
        return False
    k = _period_end(tokens, i + 2)
    return k >= len(tokens) or tokens[k].lang == "punct" or tokens[k].lower in _CLAUSE_GOES_ON


def _second_clock_of_its_own(tokens: Sequence[Token], first: _Value, second: _Value) -> bool:
    """«в пять утра в шесть», "at 6 am at 7 pm", «в 9 в 10»: two clock times, each with its «в»/"at", with no
    «и»/"and" between them; the second has a part of day or ends the clause (not «в 8 в 2 потока»)."""
    if not _prepped(first) or second.core[0] == second.start:
        return False
    if tokens[second.start].lower not in _SECOND_PREPS:
        return False
    if second.end > second.core[1]:
        return True
    k = second.end
    return k >= len(tokens) or tokens[k].lang == "punct" or tokens[k].lower in _CLAUSE_GOES_ON


# a word that offers a second value as a maybe («а может», "perhaps", «или») and what may stand after it
_HEDGES = frozenset({
    "or", "maybe", "perhaps", "possibly", "probably",
    "или", "либо", "может", "возможно", "наверное", "пожалуй", "мб",
})  # fmt: skip
_HEDGE_FILLERS = frozenset({"а", "ну", "быть", "even", "и", "же", "даже"})


def hedged_interval(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """A frequency, then a hedge or «или»/"or", then a count with no unit of its own ("every 2 hours, perhaps
    every 6", «каждые 2 часа, а может каждые 6», "every 3 hours, maybe 6") that ends the clause: the user
    offers a second schedule without choosing; the span of both (first token, end token), quoted in a
    question (the README: a hedge between two schedules asks). A full second schedule is read elsewhere."""
    n = len(tokens)
    for h in range(1, n - 1):
        if tokens[h].lower not in _HEDGES:
            continue
        k = h
        while k > 0 and (tokens[k - 1].lower in _PUNCT or tokens[k - 1].lower in _HEDGE_FILLERS):
            k -= 1
        first = _longest_ending_at(tokens, k)
        if first is None or first.kind != "freq":
            continue
        j = h + 1
        while j < n and (tokens[j].lower in _HEDGE_FILLERS or tokens[j].lower in _PUNCT):
            j += 1
        if j < n and (tokens[j].lower in _EVERY or tokens[j].has({"каждый"})):
            j += 1
        runs = _runs_count_end(tokens, j)
        if runs is not None:  # "every day, maybe 3 times", «каждый день, может раза 3» (planner122)
            end = runs
            if end < n and not (tokens[end].lang == "punct" or tokens[end].lower in _CLAUSE_GOES_ON):
                continue
            return first.start, end
        if j >= n or tokens[j].number is None or tokens[j].ordinal:
            continue
        end = j + 1
        if end < n and not (tokens[end].lang == "punct" or tokens[end].lower in _CLAUSE_GOES_ON):
            continue  # "every 2 hours, maybe 6 tables", «или каждые 6 часов» (a schedule of its own)
        if any(t.number == tokens[j].number for t in tokens[first.start : first.end]):
            continue  # "every 2 hours, maybe every 2": one schedule said twice
        return first.start, end
    return None


_TIMES_WORDS = frozenset({"times", "раз", "раза"})
_RUNS_WORDS = frozenset({"twice", "thrice", "once", "дважды", "трижды", "единожды"})
# a unit after a count of runs: "3 times a day", «раза 3 в день»
_PER_WORDS = frozenset({"a", "per", "в", "за"})


def _bare_count(token: Token) -> bool:
    return token.number is not None and not token.ordinal


def _runs_count_end(tokens: Sequence[Token], j: int) -> int | None:
    """End of a count of runs starting at `j` ("3 times", "twice", «3 раза», «раза 3», «дважды», "3 times a
    day"), or None: a number of runs hedged after a frequency is a second schedule offered."""
    n = len(tokens)
    if j >= n:
        return None
    t = tokens[j]
    if t.lower in _RUNS_WORDS:
        end = j + 1
    elif t.number is not None and not t.ordinal and j + 1 < n and tokens[j + 1].lower in _TIMES_WORDS:
        end = j + 2
    elif t.lower in _TIMES_WORDS and j + 1 < n and _bare_count(tokens[j + 1]):
        end = j + 2
    else:
        return None
    if end + 1 < n and tokens[end].lower in _PER_WORDS and _is_unit(tokens[end + 1]):
        end += 2
    return end


def _value_ends_at(tokens: Sequence[Token], ending: dict[int, _Value], i: int, kind: str) -> bool:
    """A value of `kind` ends right before token `i` (past punctuation): `i` is the second of a list."""
    k = i
    while k > 0 and tokens[k - 1].lower in _JUXTAPOSED_PUNCT:
        k -= 1
    value = ending.get(k)
    return value is not None and value.kind == kind


def _same_words(tokens: Sequence[Token], first: _Value, second: _Value) -> bool:
    return [t.lower for t in tokens[first.start : first.end]] == [
        t.lower for t in tokens[second.start : second.end]
    ]


def _bare_second_hour(tokens: Sequence[Token], first: _Value, second: _Value) -> bool:
    """ "at 8 9", «в 7 8»: a clock with its own preposition or part of day, right after it (no comma) a bare
    hour that cannot be the minutes ("8 9", not "8 30"), and then the clause ends."""
    if first.core[0] == first.start and first.end == first.core[1]:
        return False  # the first number had no «в»/"at": a count, not a clock
    if second.start != second.core[0] or second.end != second.core[1] or second.end - second.start != 1:
        return False
    number = tokens[second.start].number
    if number is None or tokens[second.start].text != str(number) or number > 24:
        return False
    if _apart_minutes(tokens[second.start].text):
        return False  # "at 8 15", "at 8 30": its minutes (planning/schedule reads them)
    k = second.end
    return k >= len(tokens) or tokens[k].lang == "punct" or tokens[k].lower in _CLAUSE_GOES_ON


# --- a phrasal verb's particle ---------------------------------------------------------------------------

_COPY_VERBS = frozenset({
    "copy", "copies", "move", "moves", "sync", "syncs", "load", "loads", "bring", "brings", "transfer",
    "ship", "send", "push", "pull", "carry", "port", "replicate", "mirror", "migrate", "stream", "pipe",
})  # fmt: skip
_PARTICLES = frozenset({"over", "across", "up", "down", "out"})
_AFTER_PARTICLE = frozenset({
    "to", "into", "onto", "every", "each", "once", "twice", "daily", "hourly", "nightly", "weekly", "monthly",
    "at", "on", "and", "please", "now",
})  # fmt: skip
_WINDOW_WORDS = frozenset({"last", "past", "previous", "next", "recent"})
# a word that opens another clause or phrase between the verb and the particle: "customers who signed up",
# "fines that were paid out", "orders from the shop over ..." are no particle of the copy verb
_CLAUSE_BREAKS = frozenset({
    "from", "of", "with", "where", "whose", "that", "which", "who", "for", "than", "to", "into", "were",
    "was", "are", "is", "been", "have", "has", "had", "got", "get",
})  # fmt: skip


def drop_particles(text: str) -> str:
    """`text` with the particle of a copy verb ("copy the loans table over to ...") blanked (same length)."""
    tokens = tokenize(text)
    blanks: list[tuple[int, int, str]] = []
    for i, t in enumerate(tokens):
        if t.lower not in _PARTICLES or i == 0:
            continue
        verb = next(
            (k for k in range(i - 1, max(-1, i - 6), -1) if tokens[k].lower in _COPY_VERBS),
            None,
        )
        if verb is None or any(
            w.lang == "punct" or w.lower in _CLAUSE_BREAKS or w.number is not None
            for w in tokens[verb + 1 : i]
        ):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if nxt is None or nxt.text in (",", ".", "!", "?", ";", "—", ")"):  # not "over $500"
            blanks.append((t.start, t.end, ""))
        elif nxt.number is not None or (after is not None and after.number is not None and nxt.lower == "to"):
            continue  # "over 100", "up to 500 rows": a comparison, a limit
        elif nxt.lower in ("the", "a") and after is not None and after.lower in _WINDOW_WORDS:
            continue  # "over the last week": a window
        elif nxt.lower in _AFTER_PARTICLE or (verb == i - 1 and nxt.lower in ("the", "all", "our", "my")):
            blanks.append((t.start, t.end, ""))
    return grammar.apply_rewrites(text, blanks)


# Words that only ever correct what was said before them (never a negation or a verb of the request)
_CORRECTING = frozenset({"точнее", "вернее", "верней", "поправка", "actually", "rather", "correction"})


def corrected_between(text: str) -> bool:
    """The words between two values of one column take the first back: «механизаторов... точнее, механиков»,
    "status new, or rather paid" (planner128: the later value is the one meant, as for a clock time)."""
    return any(t.lower in _CORRECTING for t in tokenize(text))
