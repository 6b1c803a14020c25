"""Row states said by a Russian verb and the noun after it (planner156).

* A verb of passing into a state and the state's noun: «кредиты, ушедшие в просрочку», «сделки, которые
  прошли госрегистрацию», «переведённые в архив»: the verb says the row entered the state, the noun says
  which, so the condition is the one listed value of the state column the noun means (`status = 'overdue'`).
* A participle (or a clause's verb) and its object naming a two-word listed value: «заказ-наряды, ожидающие
  запчастей», «которые ждут запчастей» ('(open, in_progress, waiting_parts, done)') -> 'waiting_parts'.
* A participle phrase whose complement opens a flag's nouns-only comment: «позиции, положенные в подарок по
  акции» of is_gift 'Подарок по акции', as «которые дали в подарок» is read (planner140).

Before, each was asked («Не понял условие «ушедшие»») or read as a mart's unknown word. The verbs and
nouns are lexicon tables by lemma, so every aspect, tense, voice and case form of them reads alike; a «не»
right before the verb negates the condition. A noun meaning no listed value, or two, reads nothing (the
unread-clause question still quotes the words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from airflow_ai_etl.catalog import Column, Table, listed_values
from airflow_ai_etl.planning import flags
from airflow_ai_etl.planning.lexer import Token, analyse, tokenize
from airflow_ai_etl.planning.lexicon import concepts as lexicon_concepts
from airflow_ai_etl.planning.request import Request
from airflow_ai_etl.planning.state_column import state_column
from airflow_ai_etl.planning.vocabulary import VALUE_MEANINGS, stem

# Verbs whose object (or «в»/«на» place) names the state the row passed into: «ушли в просрочку», «прошли
# госрегистрацию», «перевели в архив», «попали в чёрный список», «вышли на пенсию».
ENTRY_VERBS = frozenset(
    {"уйти", "уходить", "перейти", "переходить", "попасть", "попадать", "пройти", "проходить", "выйти",
     "выходить", "перевести", "переводить", "отправить", "отправлять", "поступить", "поступать"}
)  # fmt: skip
# Nouns of a state the row passes into, where the noun alone (an attribute, a column's comment) is no value:
# «просрочка» ('(active, overdue, closed)'), «(гос)регистрация» ('(draft, signed, registered)'), «списание».
STATE_NOUN_MEANINGS = {
    "просрочка": ("overdue",), "госрегистрация": ("registered",), "регистрация": ("registered",),
    "списание": ("written_off",), "ремонт": ("repair",),
}  # fmt: skip
# Words of a two-word listed value said as a verb and its object: «ожидающие запчастей» -> waiting_parts.
COMPOUND_PART_MEANINGS = {
    "ждать": ("waiting",), "ожидать": ("waiting",), "запчасть": ("parts",), "деталь": ("parts",),
}  # fmt: skip
# marts126: a negated verb of turning up says the state a noun of not turning up names: «(по которым) пассажир
# не явился на рейс», «на которые клиент не пришёл» are the rows of «неявка» ('(booked, attended, cancelled,
# no_show)' -> no_show), read through that noun's VALUE_MEANINGS. Not «появиться»: «если не появились новые
# записи» is a run's condition, no row's state.
NOT_DONE_NOUNS = {
    "явиться": "неявка", "являться": "неявка", "прийти": "неявка", "приходить": "неявка",
    "заехать": "незаезд", "заселиться": "незаезд",
}  # fmt: skip
# Prepositions between an entry verb and its state noun: «ушли в просрочку», «вышли на пенсию».
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})
# Words between a relative pronoun and its verb: «которые уже ушли», «которые не прошли».
_BEFORE_VERB = frozenset({"уже", "не", "ещё", "еще", "так", "и"})
# How far after the verb its noun may stand: «ушедшие (уже) в просрочку».
_NOUN_REACH = 3


def entered_state_conditions(request: Request, table: Table) -> Iterable[tuple[int, str, str]]:
    """(position, column, condition) of every state a Russian verb and its noun say (see the module)."""
    if request.language != "ru":
        return
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    status = state_column(table)
    for k, verb in enumerate(words):
        if verb.lang != "ru" or request.is_handled(verb.start) or not _verb_like(verb):
            continue
        negated = k > 0 and words[k - 1].lower == "не"
        start = words[k - 1].start if negated else verb.start
        if negated and (value := _not_done_value(status, verb)) is not None and status is not None:
            request.handled.append((start, _place_end(request, words, k)))
            yield verb.start, status.name, f"{status.name} = '{value}'"
            continue
        for noun in _objects(request, words, k):
            reading = _reading(table, status, verb, noun, negated)
            if reading is None:
                _ask_unread_entry(request, words, k, noun)
                continue
            column, condition = reading
            request.handled.append((start, noun.end))
            yield verb.start, column, condition
            break


def _ask_unread_entry(request: Request, words: Sequence[Token], k: int, noun: Token) -> None:
    """«кредиты, которые ушли в архив» where no listed value is the noun's: the clause says which rows, so it
    is asked (unless another rule reads a condition in it), never dropped (planner156: every row was loaded).
    Only after a relative pronoun («ушедшие в …» is asked by the participle rule), and not when the noun is a
    word of the schedule or a time («которые поступили в понедельник»)."""
    verb = words[k]
    if not verb.lemmas & ENTRY_VERBS or request.is_handled(noun.start):
        return
    if any(lexicon_concepts(lemma, "ru") for lemma in noun.lemmas):
        return
    if any(a <= noun.start < b for a, b in request.schedule_spans):
        return
    j = k - 1
    while j >= 0 and (words[j].lower in _BEFORE_VERB):
        j -= 1
    if j >= 0 and "который" in words[j].lemmas:
        request.state_clauses.append((words[j].start, noun.end))


def _verb_like(word: Token) -> bool:
    return any(p.pos in ("VERB", "INFN", "PRTF", "PRTS", "GRND") for p in word.parses)


def _objects(request: Request, words: Sequence[Token], k: int) -> Iterable[Token]:
    """The noun right after verb `k` in its clause, past a preposition, an adverb («уже») or an adjective."""
    for noun in words[k + 1 : k + 1 + _NOUN_REACH]:
        if re.search(r"[,;:()—]", request.text[words[k].end : noun.start]) or noun.lang != "ru":
            return
        modifier = any(p.pos in ("ADVB", "ADJF", "PRTF") for p in noun.parses[:1])
        if noun.lower in _PLACE_PREPOSITIONS or modifier:
            continue  # «в» has a noun reading of its own (the volt's abbreviation); «в спящий режим»
        if any(p.pos == "NOUN" for p in noun.parses):
            yield noun
        return


def _reading(
    table: Table, status: Column | None, verb: Token, noun: Token, negated: bool
) -> tuple[str, str] | None:
    sign = "<>" if negated else "="
    if status is not None:
        value = _entered_value(status, verb, noun) or _compound_value(status, verb, noun)
        if value is not None:
            return status.name, f"{status.name} {sign} '{value}'"
    if negated or not any(p.pos == "PRTF" for p in verb.parses[:1]):
        return None  # a relative clause's verb («которые дали в подарок») is read by the clause rule
    gifts = flags.head_noun_flags(table, noun)  # «положенные в подарок по акции» of 'Подарок по акции'
    return (gifts[0], f"{gifts[0]} = true") if len(gifts) == 1 else None


def _entered_value(status: Column, verb: Token, noun: Token) -> str | None:
    """The one listed value the state noun after an entry verb means («ушли в просрочку» -> overdue)."""
    if not verb.lemmas & ENTRY_VERBS:
        return None
    meant = {
        m
        for lemma in noun.lemmas
        for m in (*STATE_NOUN_MEANINGS.get(lemma, ()), *VALUE_MEANINGS.get(lemma, ()))
    }
    found = [v for v in listed_values(status.comment) if v in meant or stem(v) in {stem(m) for m in meant}]
    return found[0] if len(found) == 1 else None


def _compound_value(status: Column, verb: Token, noun: Token) -> str | None:
    """The one two-word listed value whose words the verb and its object mean («ожидающие запчастей» ->
    waiting_parts)."""
    first = {m for lemma in verb.lemmas for m in COMPOUND_PART_MEANINGS.get(lemma, ())}
    second = {m for lemma in noun.lemmas for m in COMPOUND_PART_MEANINGS.get(lemma, ())}
    if not first or not second:
        return None
    found = [
        v
        for v in listed_values(status.comment)
        if len(parts := v.split("_")) == 2 and parts[0] in first and parts[1] in second
    ]
    return found[0] if len(found) == 1 else None


def _not_done_value(status: Column | None, verb: Token) -> str | None:
    """The one listed value the noun of not doing `verb` means («не явился» -> «неявка» -> no_show)."""
    if status is None:
        return None
    meant = {
        m for lemma in verb.lemmas if lemma in NOT_DONE_NOUNS for m in VALUE_MEANINGS[NOT_DONE_NOUNS[lemma]]
    }
    found = [v for v in listed_values(status.comment) if v in meant]
    return found[0] if len(found) == 1 else None


def says_not_done(word: str) -> bool:
    """`word` is a verb whose negation is one state's noun («(не) пришёл» -> «неявка»): the «не» before it is
    that state's, no negation of the words after it (planner168: «не пришёл или отменил»)."""
    return any(parse.lemma in NOT_DONE_NOUNS for parse in analyse(word.lower()))


def _place_end(request: Request, words: Sequence[Token], k: int) -> int:
    """The end of the verb's place in its clause («не явился на рейс», «не пришёл на занятие»): the place is
    where one did not turn up, part of the state, no word of its own; the verb's end when none follows."""
    if k + 2 < len(words) and words[k + 1].lower in _PLACE_PREPOSITIONS:
        noun = words[k + 2]
        if not re.search(r"[,;:()—]", request.text[words[k].end : noun.start]) and noun.lang == "ru":
            return noun.end
    return words[k].end
