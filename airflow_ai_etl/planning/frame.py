"""Frame of the offline planner: the slots the rules filled, and the residue (words no rule used).

The planner decides `ok` only when no leftover word belongs to a slot concept: a clock time, a part of
day, a frequency, a weekday that the schedule did not take is a word the planner did not understand, and
a confident answer without it could be wrong («в два часа ночи» read as midnight). Then it asks one
question that quotes those words.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from airflow_ai_etl.planning.lexer import Token, numerals, tokenize
from airflow_ai_etl.planning.lexicon import RU_WEEKDAYS, is_any

Span = tuple[int, int]
SCHEDULE_CONCEPTS = (
    "FREQ_HOUR",
    "FREQ_DAY",
    "FREQ_WEEK",
    "FREQ_MONTH",
    "FREQ_YEAR",
    "FREQ_NIGHT",
    "FREQ_MINUTE",
)


def covering(spans: Iterable[Span]) -> Callable[[int, int], bool]:
    """A test whether the characters [start, end) lie inside one of `spans`: a binary search over the spans
    by start with the farthest end reached so far (a scan of every span per word made long requests slow)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(itertools.accumulate((b for _, b in ordered), max))

    def inside(start: int, end: int) -> bool:
        k = bisect_right(starts, start)
        return k > 0 and reach[k - 1] >= end

    return inside


@dataclass
class Frame:
    """The request's tokens, the spans the rules used, and what is left."""

    tokens: Sequence[Token]
    used: list[Span] = field(default_factory=list)

    def is_used(self, token: Token) -> bool:
        return any(start <= token.start and token.end <= end for start, end in self.used)

    @property
    def residue(self) -> list[Token]:
        return [t for t in self.tokens if t.lang != "punct" and not self.is_used(t)]

    def unread_schedule_words(self) -> list[Token]:
        """Residue words that belong to the schedule: a frequency word, a weekday after «в/по/каждый», a
        part of day or an hour word right after a number, a number right before one."""
        found: list[Token] = []
        tokens = list(self.tokens)
        used = covering(self.used)  # is_used, once for all the words
        clock_numbers: set[int] = set()
        for n in numerals(tokens):
            k = n.last
            while k < len(tokens) and _is_clock_word(tokens[k]):  # «два часа ночи»: all three words
                k += 1
            if k > n.last:
                clock_numbers.update(range(n.first, k))
        for i, t in enumerate(tokens):
            if t.lang == "punct" or used(t.start, t.end):
                continue
            prev = tokens[i - 1].lower if i else ""
            if t.lang == "ru" and is_any(t, SCHEDULE_CONCEPTS, pos=("ADVB", "ADJF", "ADJS")):
                found.append(t)
            elif (
                t.lang == "ru"
                and prev in ("в", "во", "по", "каждый", "каждую", "каждое")
                and (
                    t.has(RU_WEEKDAYS, case=("accs",), number="sing")
                    or t.has(RU_WEEKDAYS, case=("datv",), number="plur")
                )
            ):
                found.append(t)
            elif i in clock_numbers:
                found.append(t)
            elif t.lang == "ru" and t.has({"утро", "вечер", "ночь"}, case=("gent",)) and prev not in _PREPS:
                found.append(t)  # «... утра»: a part of day whose hour was not read («в пол-восьмого утра»)
            elif t.lower in ("am", "pm", "quarter", "half", "o'clock") or (
                t.lower == "past" and prev != "the"
            ):
                found.append(t)  # "at quarter past" not read: the minute would be lost
            elif t.lang == "ru" and t.has({"час"}, pos=("NOUN",)) and prev in ("в", "во", "к"):
                found.append(t)  # «каждый день в час пик»... «в час» not read as a time
        return found


_PREPS = {"до", "с", "со", "от", "после", "к", "без", "в", "во", "на", "по", "из", "until", "till", "before"}

# Meals name a time of day no clock says («после обеда», "after lunch" may be 13:00 or 15:00): after a
# time preposition they are schedule words; the planner asks unless a clock time is also given.
MEALS_RU = frozenset({"обед", "ужин", "завтрак", "перерыв"})
MEALS_EN = frozenset({"lunch", "lunchtime", "dinner", "breakfast", "brunch", "supper"})
# The hours a clock time said with a meal may have («после обеда в два часа» is no 02:00: asked).
MEAL_HOURS = {
    "обед": range(11, 18), "lunch": range(11, 18), "lunchtime": range(11, 18), "brunch": range(9, 15),
    "ужин": range(17, 24), "dinner": range(17, 24), "supper": range(17, 24),
    "завтрак": range(5, 12), "breakfast": range(5, 12), "перерыв": range(0, 24),
}  # fmt: skip


def meal_fits(token: Token, hour: int) -> bool:
    """A clock hour the meal word allows («после обеда в 14:00» yes, «после обеда в 2:00» no)."""
    meal = next((p.lemma for p in token.parses if p.lemma in MEAL_HOURS), token.lower)
    return hour in MEAL_HOURS.get(meal, range(0, 24))


_MEAL_PREPS = {
    "после", "до", "в", "во", "к", "перед", "около", "ближе",
    "after", "before", "at", "around", "by", "during", "over",
}  # fmt: skip


def meal_times(tokens: Sequence[Token], used: Iterable[Span]) -> list[Token]:
    """Meal words after a time preposition that no schedule rule read («после обеда», "after lunch")."""
    inside = covering(used)
    found = []
    for i, t in enumerate(tokens):
        if i == 0 or inside(t.start, t.end):
            continue
        prev = next((p.lower for p in reversed(tokens[max(0, i - 3) : i]) if p.lang != "punct"), "")
        meal = t.has(MEALS_RU, pos=("NOUN",)) if t.lang == "ru" else t.lower in MEALS_EN
        if meal and (prev in _MEAL_PREPS or (tokens[i - 1].lower == "к" and i > 1)):
            found.append(t)
    return found


def _is_clock_word(token: Token) -> bool:
    """«утра», «ночи», «вечера», «часа», "am", "pm" (after a number they make a clock time)."""
    if token.lang == "ru":
        return token.has({"утро", "вечер", "ночь"}, case=("gent",)) or token.has(
            {"час"}, case=("gent", "nomn")
        )
    return token.lower in ("am", "pm", "o'clock")


def read(text: str, used: Iterable[Span]) -> Frame:
    return Frame(tokenize(text), list(used))


def quote(tokens: Sequence[Token], text: str) -> str:
    """The words as the user wrote them, runs of neighbouring words joined: «два часа ночи»."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.start - runs[-1][-1].end <= 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return ", ".join(text[run[0].start : run[-1].end] for run in runs)
