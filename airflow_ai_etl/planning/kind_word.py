"""A kind said right before the table's own noun, on a table whose kind column has no comment (planner163).

"Login events in the last 2 hours" of public.events (event_type text, no comment): an English word right
before the table's own noun ("events"), on a table whose rows have one uncommented kind column named after
that noun (`<noun>_type`/`<noun>_kind`), is that kind's value: `event_type = 'login'`, as the mart rules
read "a login event" (marts' `_type_word_value`). Before, the word was read by no rule and dropped silently
(heldout 28b: every event loaded). A commented kind column is left to its rules (listed values are read,
"Rental deals" of 'Тип сделки' asks which stored value is meant), and words that say nothing about which
rows ("recent", "raw", "new", a pipeline verb, a state form such as "failed", a leave-out verb: "skip events
with …") or that name a table, a column or the schedule are passed, and so is a word after a negator.
"""

from __future__ import annotations

from collections.abc import Iterable

from airflow_ai_etl.catalog import Column, Table
from airflow_ai_etl.planning.lexer import tokenize
from airflow_ai_etl.planning.patterns import NEGATING_VERB, NEGATORS, PIPELINE_VERBS, STOP_WORDS
from airflow_ai_etl.planning.request import Request, status_word
from airflow_ai_etl.planning.vocabulary import name_parts, stem


def kind_column(table: Table) -> Column | None:
    """The table's one text column for the kind of its rows, `<own noun>_type`/`_kind` (events.event_type),
    with no comment and no declared values, so its values are stored as said; None when none or two."""
    own = set(name_parts(table.name.split(".")[-1]))
    found = [
        c
        for c in table.columns
        if "char" in c.type.lower() or "text" in c.type.lower()
        if len(parts := name_parts(c.name)) == 2 and parts[0] in own and parts[1] in ("type", "kind")
    ]
    if len(found) != 1 or (found[0].comment or "").strip() or found[0].values:
        return None  # a commented kind ('Тип сделки') asks which stored value a word means (its own rule)
    return found[0]


def kind_word_conditions(request: Request, table: Table) -> Iterable[tuple[int, str, str]]:
    """(position, column, condition) of "login events": see the module docstring."""
    from airflow_ai_etl.planning.offline import EN_LEAD_WORDS, EN_STATE_FORM  # offline imports the filters

    column = kind_column(table)
    if column is None or request.language != "en":
        return
    own = set(name_parts(table.name.split(".")[-1]))
    named = {p for c in table.columns for p in name_parts(c.name)} | own
    words = [t for t in tokenize(request.text) if t.lang != "punct"]
    for k, (word, noun) in enumerate(zip(words, words[1:], strict=False)):
        if word.lang != "en" or not word.text.isalpha() or stem(noun.lower) not in own:
            continue
        if k > 0 and words[k - 1].lower in NEGATORS:
            continue  # "except login events": a kind left out, not the rows' kind (the negation rules')
        if request.text[word.end : noun.start].strip():
            continue  # "login, events": no noun adjunct
        said = word.lower
        if (
            request.is_handled(word.start)
            or said in request.claimed
            or any(a <= word.start < b for a, b in request.schedule_spans)
            or said in STOP_WORDS
            or said in EN_LEAD_WORDS
            or EN_STATE_FORM.fullmatch(said)
            or PIPELINE_VERBS.fullmatch(said)
            or said in NEGATORS  # "skip events with empty payload": the verb leaving rows out
            or NEGATING_VERB.fullmatch(said)
            or status_word(said)[0]
            or stem(said) in named
            or said in named
        ):
            continue
        request.handled.append((word.start, word.end))
        yield word.start, column.name, f"{column.name} = '{said}'"
        return
