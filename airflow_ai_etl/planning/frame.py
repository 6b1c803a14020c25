"""Frame of the offline planner: the slots the rules filled, and the residue (words no rule used).

The planner decides `ok` only when no leftover word belongs to a slot concept: a clock time, a part of
day, a frequency, a weekday that the schedule did not take is a word the planner did not understand, and
a confident answer without it could be wrong («в два часа ночи» read as midnight). Then it asks one
question that quotes those words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from airflow_ai_etl.planning.lexer import Token, numerals, tokenize
from airflow_ai_etl.planning.lexicon import RU_WEEKDAYS, is_

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
        clock_numbers: set[int] = set()
        for n in numerals(tokens):
            k = n.last
            while k < len(tokens) and _is_clock_word(tokens[k]):  # «два часа ночи»: all three words
                k += 1
            if k > n.last:
                clock_numbers.update(range(n.first, k))
        for i, t in enumerate(tokens):
            if t.lang == "punct" or self.is_used(t):
                continue
            prev = tokens[i - 1].lower if i else ""
            if t.lang == "ru" and any(is_(t, c, pos=("ADVB", "ADJF", "ADJS")) for c in SCHEDULE_CONCEPTS):
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
